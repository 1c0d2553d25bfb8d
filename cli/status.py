"""Exit statuses and errors: each written once, so scripts can rely on them.

0 success; 1 the reading is incomplete (a consultation ended by end of
input, or its last save failed) or ``check`` found problems; 2 bad input (a case file, a field, an
option; for ``batch``, any invalid file); 130 interrupted by Ctrl-C, and
128 + the signal for SIGTERM and SIGHUP.
"""
from __future__ import annotations

import signal
from enum import IntEnum

import click


class ExitStatus(IntEnum):
    """The statuses a script can rely on; ``words`` is how the help says each."""

    OK = 0
    INCOMPLETE = 1
    BAD_INPUT = 2
    INTERRUPTED = 128 + signal.SIGINT

    @property
    def words(self) -> str:
        return {"OK": "done", "INCOMPLETE": "incomplete", "BAD_INPUT": "bad input",
                "INTERRUPTED": "interrupted"}[self.name]

    @staticmethod
    def for_signal(signum: int) -> int:
        return 128 + signum

    @classmethod
    def summary(cls) -> str:
        """``0 done, 1 incomplete, ...``: the line of the root help, derived from the members."""
        return ", ".join(f"{status.value} {status.words}" for status in cls)


class BadInput(click.ClickException):
    """Bad input: a case file, a field or an option value that is not allowed.

    Shown as one line, ``Error: <message>``, with exit status 2.  Whatever
    the message quotes from input is shown escaped (see ``shown``), and the
    line is cut to ``MAX_MESSAGE`` characters, so no input can reach the
    terminal raw or flood it.
    """

    exit_code = ExitStatus.BAD_INPUT

    def __init__(self, message: str):
        from exsplain.expert.wording import shown

        message = shown(message)
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 3] + "..."
        super().__init__(message)


MAX_MESSAGE = 280  # characters of an error message, "Error: " aside


class Stop(click.exceptions.Exit):
    """End the command now with ``status`` (the message, if any, was already said)."""

    def __init__(self, status: int):
        super().__init__(int(status))
