"""Writing files that hold private answers: atomically, readable by the owner only."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class NotARegularFile(OSError):
    """The target exists and is a device, a pipe, a folder or a socket."""


def check_target(path: str | os.PathLike) -> None:
    """Refuse, before anything is written, a target that cannot be saved to:
    one that exists and is not a regular file, or whose folder is missing or
    not writable."""
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "no such folder")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise PermissionError(13, "the folder is not writable")
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(21, "not a regular file (a device, pipe, socket or folder)")


def write_private(path: str | os.PathLike, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, with mode 0600 whatever the umask.

    The text goes to a temporary file beside the target, is flushed to disk,
    then renamed over the target, so a reader sees the old file or the new
    one, never half of one.  The temporary name is short, so any name the
    file system allows for the target works.
    """
    check_target(path)
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".exs-", suffix=".tmp")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
