"""The one place commands write through: never a traceback, never a crash.

Output may go to a closed pipe, a full disk, a terminal with a non-UTF-8
locale, or nowhere at all (a closed descriptor).  ``prepare`` makes the
standard streams replace what the locale cannot encode; ``say`` writes a
line; ``finish`` flushes.  A closed pipe ends the program quietly, any other
write failure with one line on stderr; both exit with a status a script can
read.
"""
from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import TextIO

import click


class OutputFailed(Exception):
    """Writing to stdout or stderr failed; ``quiet`` for a reader that went away."""

    def __init__(self, error: OSError):
        self.error = error
        self.quiet = error.errno in (errno.EPIPE, errno.ECONNRESET) or isinstance(error, BrokenPipeError)
        super().__init__(error.strerror or str(error))


class ClosedOutput(io.TextIOBase):
    """Stands in for a standard output that was closed before the program
    started: writing to it fails like writing to a closed descriptor."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def prepare() -> None:
    """Make stdout and stderr safe to write any text to."""
    if sys.stdout is None:  # the descriptor was closed when Python started
        sys.stdout = ClosedOutput()
    if sys.stderr is None:  # nowhere to say anything: say it nowhere
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (for the whole run)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def unicode_ok(stream: TextIO | None = None) -> bool:
    """Whether the stream's encoding can show box-drawing characters and curly quotes."""
    encoding = getattr(stream or sys.stdout, "encoding", "") or ""
    return encoding.lower().replace("-", "") in ("utf8", "utf16", "utf32")


def say(text: str = "", err: bool = False, nl: bool = True) -> None:
    """Write ``text`` (and a newline) to stdout, or stderr with ``err``."""
    try:
        click.echo(text, err=err, nl=nl)
    except OSError as error:
        raise OutputFailed(error) from None
    except UnicodeEncodeError:  # a stream that could not be reconfigured
        click.echo(text.encode("ascii", "replace").decode("ascii"), err=err, nl=nl)


def say_json(data: object, indent: int | None = 2) -> None:
    """Write ``data`` as JSON: readable UTF-8, with every control, format and
    bidirectional character (and any lone surrogate) written as a ``\\u``
    escape, so the output is valid UTF-8 and safe to show; the data is the same."""
    import json  # here: text output does not need it

    from exsplain.expert.wording import escaped_data

    say(escaped_data(json.dumps(data, indent=indent, ensure_ascii=False)))


def finish() -> None:
    """Flush stdout; a failure surfaces here rather than at interpreter exit."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except OSError as error:
            raise OutputFailed(error) from None
        except ValueError:  # closed
            pass


def silence() -> None:
    """After a failed write, point the streams at /dev/null so that Python's
    own flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)
