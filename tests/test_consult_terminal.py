"""A whole consultation with the installed command in a real pseudo-terminal."""
import os
import pty
import select
import subprocess

import pytest

from test_analyze_cli import exsplain_command

PROMPT = b") > "
TRACE_OFFER = b"[y/N] "


def converse(env, first_choice="1", timeout=30):
    """Answer every question with ``first_choice`` and accept the trace; return the screen and status."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [exsplain_command(), "consult"], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    screen = b""
    answered = 0
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], timeout)
            if not ready:
                pytest.fail("the consultation stopped answering:\n" + screen.decode(errors="replace"))
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the program has ended
                break
            if not chunk:
                break
            screen += chunk
            if screen.endswith(PROMPT):
                os.write(leader, first_choice.encode() + b"\n")
                answered += 1
            elif screen.endswith(TRACE_OFFER):
                os.write(leader, b"y\n")
    finally:
        os.close(leader)
        status = process.wait(timeout=timeout)
    return screen.decode(), status, answered


@pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")
def test_full_consultation_in_a_terminal():
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    screen, status, answered = converse({**env, "TERM": "xterm"})
    assert status == 0, screen
    assert answered >= 10
    assert "How should I refer to your ex?" in screen
    assert "Why your ex cries" in screen and "Trust your decision" in screen
    assert "Step" in screen and "plea_when_i_ended_it" in screen, "the trace was shown on request"
    assert "\x1b[1m" in screen, "headings are bold on a terminal"


@pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")
def test_no_color_turns_colour_off_even_on_a_terminal():
    screen, status, _ = converse({**os.environ, "TERM": "xterm", "NO_COLOR": "1"})
    assert status == 0
    assert "\x1b[" not in screen
