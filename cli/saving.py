"""Keeping a consultation's answers in a case file (``consult --save``)."""
from __future__ import annotations

import os
from typing import Any

from exsplain.cli.status import BadInput
from exsplain.expert.wording import shown


class Saver:
    """Keeps the answers in a case file after every answer, never losing one.

    The target is checked before the first question (a .toml or .json name,
    a regular file or a new one, in a folder that can be written), and an
    existing case file's answers are the starting point, so the file never
    ends up with fewer answers than it held.  A save that fails later is
    reported in one line and tried again after the next answer.
    """

    def __init__(self, kb: Any, path: str):
        from exsplain.expert.fields import CaseError
        from exsplain.expert.files import check_target

        self.kb, self.path, self.saved = kb, path, None
        self.as_json = path.lower().endswith(".json")
        if not path.lower().endswith((".toml", ".json")):
            raise BadInput(f"--save {shown(path)}: use a name ending in .toml or .json")
        try:
            check_target(path)
        except OSError as error:
            raise BadInput(f"--save {shown(path)}: {error.strerror or error}") from None
        self.existing = None
        if os.path.exists(path):
            try:
                self.existing = kb.vocabulary.load(path)
            except CaseError as error:
                raise BadInput(f"--save: {shown(str(error))} (it would be replaced; choose another name)") from None

    def save(self, case: Any) -> str | None:
        """Write ``case``; returns a message when it could not be written."""
        from exsplain.expert.files import write_private

        header = "# Answers saved by exsplain consult; read them back with: exsplain analyze FILE\n"
        try:
            write_private(self.path, self.kb.vocabulary.dumps(case, self.as_json, header))
        except OSError as error:
            self.saved = None
            return (f"Could not save to {shown(self.path)} ({error.strerror or error}); your answers are kept "
                    "here and saving will be tried again after your next answer.")
        self.saved = len(case.answers)
        return None
