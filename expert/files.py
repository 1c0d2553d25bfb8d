"""Writing files that hold private answers: atomically, durably, readable by the owner only.

A symbolic link is written through: its target is replaced, the link stays.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class NotARegularFile(OSError):
    """The target exists and is a device, a pipe, a folder or a socket."""


def check_target(path: str | os.PathLike[str]) -> None:
    """Refuse, before anything is written, a target that cannot be saved to:
    one that exists and is not a regular file, or whose folder is missing or
    not writable."""
    target = Path(os.path.realpath(path))
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


def write_private(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` in one step, with mode 0600 whatever the umask.

    The text goes to a temporary file beside the target, is flushed to disk,
    then renamed over the target, and the folder is flushed too, so that the
    rename survives a crash: a reader sees the old file or the new one, never
    half of one.  The temporary name is short, so any name the file system
    allows for the target works.  A symbolic link's target is replaced.
    """
    check_target(path)
    target = Path(os.path.realpath(path))
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
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk (where the system allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - Windows cannot open a folder
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems cannot sync a folder
        pass
    finally:
        os.close(fd)
