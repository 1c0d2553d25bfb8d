"""Holding the stopping signals (Ctrl-C, SIGTERM, SIGHUP) back for a moment.

Some steps must finish or not happen at all: a save, the forking of a pool
of workers.  While ``held()`` is in force those signals wait, and they are
delivered as soon as it ends, so nothing is lost and nothing is half done.
"""
from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

STOPPING = {signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])}


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Block the stopping signals in this thread (and in processes and threads started meanwhile)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows: nothing to hold
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def release() -> None:
    """Unblock the stopping signals (in a process started while they were held)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)
