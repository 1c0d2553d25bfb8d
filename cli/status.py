"""Exit statuses and errors: each written once, so scripts can rely on them.

0 success; 1 the reading is incomplete (a consultation ended by end of
input) or ``check`` found problems; 2 bad input (a case file, a field, an
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

    Shown as one line, ``Error: <message>``, with exit status 2.
    """

    exit_code = ExitStatus.BAD_INPUT


class Stop(click.exceptions.Exit):
    """End the command now with ``status`` (the message, if any, was already said)."""

    def __init__(self, status: int):
        super().__init__(int(status))
