"""Owning the terminal's foreground while a consultation runs under ``make``.

Ctrl-C reaches every process of the terminal's foreground group.  Under
``make consult`` that includes make itself, which then adds an error line of
its own to a consultation that ended as the person wished.  With
``EXSPLAIN_FOREGROUND=1`` (set by the Makefile) the consultation moves into a
process group of its own and makes it the foreground for its duration, so
Ctrl-C reaches it alone; the previous foreground group gets the terminal back
at the end.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def own_terminal() -> Iterator[None]:
    """Run the body as the terminal's only foreground process group, when asked to and able to."""
    if os.environ.get("EXSPLAIN_FOREGROUND") != "1" or not (sys.stdin and sys.stdin.isatty()):
        yield
        return
    fd = sys.stdin.fileno()
    try:
        previous = os.tcgetpgrp(fd)
        ttou = signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # a background group may not take the terminal
        os.setpgid(0, 0)
        os.tcsetpgrp(fd, os.getpgrp())
        stop = signal.signal(signal.SIGTSTP, signal.SIG_IGN)  # make could not resume a stopped consultation
    except OSError:
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.tcsetpgrp(fd, previous)
        signal.signal(signal.SIGTSTP, stop)
        signal.signal(signal.SIGTTOU, ttou)
