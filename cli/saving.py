"""Keeping a consultation's answers in a case file (``consult --save``), and
refusing to replace a file that is not one of ours (``consult --save``,
``convert --output``)."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from exsplain.cli.signals import held
from exsplain.cli.status import BadInput
from exsplain.expert.wording import shown

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase


def answers(count: int) -> str:
    """``1 answer``, ``2 answers``."""
    return f"{count} answer" + ("" if count == 1 else "s")


def check_replaceable(kb: KnowledgeBase, path: str, option: str) -> None:
    """Refuse, in one line, an existing file that is not a case file or a spreadsheet of cases:
    a writer replaces only what exsplain can read back."""
    from exsplain.expert.fields import CaseError
    from exsplain.expert.spreadsheet import read_rows

    if not os.path.lexists(path):
        return
    try:
        if path.lower().endswith(".csv"):
            read_rows(path, kb.vocabulary)
        else:
            kb.vocabulary.load(path)
    except CaseError:
        raise BadInput(f"{option} {path}: exists and is not a case file, so it is not replaced; "
                       "choose another name") from None


class Saver:
    """Keeps the answers in a case file after every answer, never losing one.

    The target is checked before the first question (a .toml or .json name,
    a regular file or a new one, in a folder that can be written), and an
    existing case file's answers are the starting point, so the file never
    ends up with fewer answers than it held.  A save that fails is reported
    in one line and tried again after the next answer; if the last one
    failed, ``failure`` says so for the consultation's last line.  Ctrl-C,
    SIGTERM and SIGHUP wait until a save is done, so an answer is either
    in the file or was never given.  A symbolic link is written through,
    never replaced.
    """

    def __init__(self, kb: KnowledgeBase, path: str):
        from exsplain.expert.fields import CaseError
        from exsplain.expert.files import check_target

        self.kb, self.path = kb, path
        self.saved: int | None = None  # how many answers the last save that succeeded wrote
        self.as_json = path.lower().endswith(".json")
        if not path.lower().endswith((".toml", ".json")):
            raise BadInput(f"--save {shown(path)}: use a name ending in .toml or .json")
        try:
            check_target(path)
        except OSError as error:
            raise BadInput(f"--save {shown(path)}: {error.strerror or error}") from None
        self.existing: Case | None = None
        if os.path.exists(path):
            try:
                self.existing = kb.vocabulary.load(path)
            except CaseError as error:
                raise BadInput(f"--save: {shown(str(error))} (it would be replaced; choose another name)") from None
        self.written: dict[str, Any] = dict(self.existing.answers) if self.existing else {}
        self.problem: str | None = None  # why the last save failed

    def save(self, case: Case) -> str | None:
        """Write ``case``; returns a message when it could not be written."""
        from exsplain.cli.shipped import schema_uri
        from exsplain.expert.files import write_private

        header = "# Answers saved by exsplain consult; read them back with: exsplain analyze FILE\n"
        text = self.kb.vocabulary.dumps(case, self.as_json, header, schema_uri())
        with held():
            try:
                write_private(self.path, text)
            except OSError as error:
                self.problem = error.strerror or str(error)
                return (f"Could not save to {shown(self.path)} ({self.problem}); your answers are kept "
                        "here and saving will be tried again after your next answer.")
            self.problem, self.written, self.saved = None, dict(case.answers), len(case.answers)
        return None

    def kept(self) -> str | None:
        """``2 answers saved to FILE``, when the last save succeeded."""
        if self.problem or self.saved is None:
            return None
        return f"{answers(self.saved)} saved to {shown(self.path)}"

    def failure(self, case: Case) -> str | None:
        """The last line when the last save failed: the file, the reason, what is not saved."""
        if not self.problem:
            return None
        paths = set(case.answers) | set(self.written)
        lost = sum(1 for p in paths if case.answers.get(p) != self.written.get(p))
        return (f"Error: could not save to {shown(self.path)} ({self.problem}); "
                f"{answers(lost)} {'is' if lost == 1 else 'are'} not saved.")
