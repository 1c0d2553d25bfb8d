"""Consultations with the installed command in a real pseudo-terminal."""
import fcntl
import json
import os
import pty
import re
import select
import subprocess
import termios
import time
from pathlib import Path

import pytest

from conftest import example
from test_analyze_cli import exsplain_command

pytestmark = pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")
SGR = re.compile(r"\x1b\[[0-9;]*m")


def take_the_terminal():
    """In the child: a session of its own with the pseudo-terminal as its terminal, so Ctrl-C reaches it."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """The installed exsplain in a pseudo-terminal: what it shows, and keys typed at it."""

    def __init__(self, *args, env=None, cwd=None):
        self.leader, follower = pty.openpty()
        environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        self.process = subprocess.Popen([exsplain_command(), *args], stdin=follower, stdout=follower,
                                        stderr=follower, env={**environment, "TERM": "xterm", **(env or {})},
                                        cwd=cwd, close_fds=True, preexec_fn=take_the_terminal)
        os.close(follower)
        self.screen = ""  # what has not been expected yet
        self.log = ""  # everything shown

    def read(self, timeout=0.2):
        ready, _, _ = select.select([self.leader], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.leader, 4096)
        except OSError:
            return None
        if not chunk:
            return None
        text = chunk.decode(errors="replace")
        self.screen += text
        self.log += text
        return True

    def expect(self, text, timeout=30):
        """Wait until ``text`` appears after what was expected before; returns what came."""
        deadline = time.monotonic() + timeout
        while text not in self.screen:
            if time.monotonic() > deadline or self.read() is None:
                pytest.fail(f"never saw {text!r}:\n{self.screen}")
        seen, self.screen = self.screen.split(text, 1)
        return seen + text

    def type(self, line):
        os.write(self.leader, line.encode() + b"\r")

    def ctrl_c(self):
        # Pressed a moment after the prompt, as a person would: CPython's readline loses a SIGINT that
        # arrives between drawing the prompt and waiting for input (it only checks signals when its
        # select() is interrupted), which a loaded machine can otherwise hit.
        time.sleep(0.5)
        os.write(self.leader, b"\x03")

    def finish(self, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.read() is not None:
            pass
        status = self.process.wait(timeout=timeout)
        os.close(self.leader)
        return status, self.screen


def answer_all(terminal, reply="1", limit=60):
    """Answer every question with ``reply`` and accept the review; returns the whole screen."""
    shown = ""
    for _ in range(limit):
        chunk = terminal.expect("> ")
        shown += chunk
        if "Type the number of an answer to change it" in chunk.split("Question")[-1]:
            terminal.type("")
            return shown
        terminal.type(reply)
    pytest.fail("the consultation never ended")


def test_a_whole_consultation_with_colour_and_the_trace():
    terminal = Terminal("consult")
    answer_all(terminal, "2")
    terminal.expect("[y/N] ")
    terminal.type("y")
    status, rest = terminal.finish()
    screen = terminal.log
    assert status == 0, screen
    assert "How should I refer to your ex?" in screen and "Why your ex may be crying" in screen
    assert "Matched:" in rest and "Did:" in rest, "the steps were shown on request"
    assert SGR.search(screen), "headings are bold on a terminal"


def test_no_color_turns_colour_off_even_on_a_terminal():
    terminal = Terminal("consult", env={"NO_COLOR": "1"})
    answer_all(terminal, "2")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0
    assert not SGR.search(terminal.log)


def test_quitting_before_the_safety_questions_opens_the_reading_with_help():
    terminal = Terminal("consult")
    terminal.expect("> ")
    terminal.type("quit")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    screen = terminal.log
    assert status == 0
    assert screen.index("Help first") < screen.index("Why your ex may be crying")
    assert "Samaritans: 116 123" in screen


def test_a_yes_to_self_harm_talk_brings_help_at_once():
    terminal = Terminal("consult")
    for reply in ("he", "no"):
        terminal.expect("> ")
        terminal.type(reply)
    terminal.expect("> ")
    terminal.type("yes")
    before_next = terminal.expect("Does your ex link that talk")
    assert "Thank you for telling me" in before_next and "Samaritans: 116 123" in before_next
    terminal.ctrl_c()
    status, _ = terminal.finish()
    assert status == 130


def test_dont_know_a_label_and_a_beginning_are_accepted():
    terminal = Terminal("consult", "--format", "json")
    for reply in ("she / her", "don't know", "no", "no", "my ex did", "one to"):
        terminal.expect("> ")
        terminal.type(reply)
    terminal.expect("> ")
    terminal.type("quit")
    status, screen = terminal.finish()
    assert status == 0
    report = json.loads(screen[screen.index("{"):].replace("\r\n", "\n"))
    assert "safety.i_think_of_self_harm" in report["unanswered"]
    assert "it ended one to twelve months ago" in json.dumps(report)


def test_the_review_screen_changes_one_answer(tmp_path):
    saved = tmp_path / "case.toml"
    terminal = Terminal("consult", "--save", str(saved))
    answer_all(terminal, "2")
    terminal.expect("[y/N] ")
    terminal.type("n")
    assert terminal.finish()[0] == 0
    assert 'ended_by = "ex"' in saved.read_text()
    terminal = Terminal("consult", "--save", str(saved))
    review = terminal.expect("Type the number of an answer to change it")
    terminal.expect("> ")
    number = next(line.split(".")[0].strip() for line in review.splitlines() if "Who ended the relationship?" in line)
    terminal.type(number)
    terminal.expect("> ")
    terminal.type("I did")
    answer_all(terminal, "2")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0
    assert 'ended_by = "me"' in saved.read_text()


def test_ctrl_c_at_the_first_prompt_keeps_every_answer_of_the_saved_case(tmp_path):
    saved = tmp_path / "mine.toml"
    saved.write_text(Path(example("ended-by-me-plea.toml")).read_text(encoding="utf-8"), encoding="utf-8")
    before = saved.read_text()
    terminal = Terminal("consult", "--save", str(saved))
    terminal.expect("> ")
    terminal.ctrl_c()
    status, screen = terminal.finish()
    assert status == 130
    assert "Consultation stopped" in screen and "Traceback" not in screen
    assert saved.read_text() == before


def test_a_json_save_is_read_back_by_analyze(tmp_path):
    saved = tmp_path / "case.json"
    terminal = Terminal("consult", "--save", str(saved))
    for reply in ("they", "no", "no", "no", "ex"):
        terminal.expect("> ")
        terminal.type(reply)
    terminal.expect("> ")
    terminal.type("quit")
    terminal.expect("[y/N] ")
    terminal.type("")
    status, _ = terminal.finish()
    assert status == 0
    done = subprocess.run([exsplain_command(), "analyze", "--format", "json", str(saved)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["safety"]["answered"] is True


def test_a_fifo_save_target_is_refused_with_exit_2(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    terminal = Terminal("consult", "--save", str(fifo))
    status, screen = terminal.finish()
    assert status == 2
    assert "not a regular file" in screen and "How should I refer" not in screen


def make_consult(env=None):
    """``make consult`` with this test's own virtual environment, or None when make would reinstall."""
    import shutil
    import sys
    from pathlib import Path

    venv = Path(sys.prefix)
    root = Path(__file__).resolve().parent.parent
    if shutil.which("make") is None or not venv.is_relative_to(root):
        return None
    args = [f"VENV={venv.relative_to(root)}", f"PYTHON={sys.executable}"]
    stamp = subprocess.run(["make", "-q", "-n", *args, "test"], cwd=root, capture_output=True, text=True)
    if "pip install" in stamp.stdout:
        return None
    return ["make", "--no-print-directory", "consult", *args]


@pytest.mark.parametrize("key", [b"\x03", b"\x04"], ids=["ctrl-c", "ctrl-d"])
def test_make_consult_ends_without_an_error_line_of_make(key):
    command = make_consult()
    if command is None:
        pytest.skip("make, or an up-to-date virtual environment inside the project, is missing")
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, close_fds=True,
                               preexec_fn=take_the_terminal, cwd=Path(__file__).resolve().parent.parent,
                               env={**os.environ, "TERM": "xterm"})
    os.close(follower)
    terminal = Terminal.__new__(Terminal)
    terminal.leader, terminal.process, terminal.screen, terminal.log = leader, process, "", ""
    terminal.expect("> ")
    time.sleep(0.5)  # see Terminal.ctrl_c
    os.write(leader, key)
    status, _ = terminal.finish()
    assert status == 0, terminal.log
    assert "make: ***" not in terminal.log and "Traceback" not in terminal.log
