"""The stopping signals (Ctrl-C, SIGTERM, SIGHUP): held back for a moment, or raised as exceptions.

Some steps must finish or not happen at all: a save, the forking of a pool
of workers.  While ``held()`` is in force those signals wait, and they are
delivered as soon as it ends, so nothing is lost and nothing is half done.
``raising()`` turns them into exceptions a command can catch and say in one
line, even when one lands where Python drops exceptions.
"""
from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType

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


@contextlib.contextmanager
def raising(stopped: Callable[[int], BaseException]) -> Iterator[None]:
    """While in force, SIGTERM and SIGHUP raise ``stopped(signum)`` (and Ctrl-C ``KeyboardInterrupt``).

    A signal can land while the garbage collector runs a ``__del__``, where
    Python cannot raise: it prints a traceback and drops the exception.
    Here such a stop is kept instead, and raised when the block ends.
    """
    raised: list[BaseException] = []
    dropped: list[BaseException] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        raised.append(error := stopped(signum))
        raise error

    def unraisable(event: sys.UnraisableHookArgs) -> None:
        error = event.exc_value
        if error is not None and (isinstance(error, KeyboardInterrupt) or any(error is e for e in raised)):
            dropped.append(error)
        else:
            hook(event)

    signals = [s for s in STOPPING if s != signal.SIGINT]
    previous, hook = {signum: signal.getsignal(signum) for signum in signals}, sys.unraisablehook
    for signum in signals:
        signal.signal(signum, stop)
    sys.unraisablehook = unraisable
    try:
        yield
        if dropped:
            raise dropped[0]
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)
