"""Consultations with the installed command in a real pseudo-terminal."""
import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from conftest import example
from test_analyze_cli import exsplain_command

pytestmark = pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")
SGR = re.compile(r"\x1b\[[0-9;]*m")


def toml_reader():
    """The standard library's TOML reader (tomli on Python 3.10)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    return tomllib


def take_the_terminal():
    """In the child: a session of its own with the pseudo-terminal as its terminal, so Ctrl-C reaches it."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """The installed exsplain in a pseudo-terminal: what it shows, and keys typed at it."""

    def __init__(self, *args, env=None, cwd=None, size=None):
        self.leader, follower = pty.openpty()
        if size:  # (rows, columns), as the terminal reports them
            fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
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
        os.write(self.leader, (line if isinstance(line, bytes) else line.encode()) + b"\r")

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


def until_review(terminal, reply="1", limit=60):
    """Answer every question with ``reply`` up to the review's prompt; returns the whole screen."""
    shown = ""
    for _ in range(limit):
        chunk = terminal.expect("> ")
        shown += chunk
        if "Type the number of a question to answer or change it" in chunk.split("Question")[-1]:
            return shown
        terminal.type(reply)
    pytest.fail("the consultation never ended")


def answer_all(terminal, reply="1", limit=60):
    """Answer every question with ``reply`` and accept the review; returns the whole screen."""
    shown = until_review(terminal, reply, limit)
    terminal.type("")
    return shown


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
    assert "Samaritans: call 116 123" in screen


def test_a_yes_to_self_harm_talk_brings_help_at_once():
    terminal = Terminal("consult")
    for reply in ("he", "no", "no"):
        terminal.expect("> ")
        terminal.type(reply)
    terminal.expect("> ")
    terminal.type("yes")
    before_next = terminal.expect("Does your ex link that talk")
    assert "Thank you for telling me" in before_next and "Samaritans: call 116 123" in before_next
    terminal.ctrl_c()
    status, _ = terminal.finish()
    assert status == 130
    assert "your answers were not kept (start with --save FILE" in terminal.log


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
    review = terminal.expect("Type the number of a question to answer or change it")
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


# -- replies as people type them, and help kept in sight ------------------------------------------

UNREADABLE = "I could not read that; please type it again."


def saved_case(path):
    tomllib = toml_reader()

    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_everyday_replies_are_accepted_at_a_real_prompt(tmp_path):
    saved = tmp_path / "case.toml"
    terminal = Terminal("consult", "--save", str(saved))
    for reply in ("she / her", "nope", "nah", "No.", "she did", "2 months"):
        terminal.expect("> ")
        terminal.type(reply)
    terminal.expect("> ")
    terminal.type("quit")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0 and "Please answer" not in terminal.log, terminal.log
    case = saved_case(saved)
    assert case["breakup"] == {"ended_by": "ex", "how_long_ago": "months"}
    assert case["safety"] == {"i_think_of_self_harm": False, "ex_self_harm_talk": False, "threats_or_abuse": False}


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_keys_and_bytes_that_are_not_text_are_asked_again_and_no_answer_is_lost(tmp_path, encoding):
    saved = tmp_path / "case.toml"
    terminal = Terminal("consult", "--save", str(saved),
                        env={"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": encoding})
    terminal.expect("> ")
    for byte in (b"\xff", b"\xa3", b"\xc0"):
        terminal.type(byte)
        terminal.expect(UNREADABLE)
    terminal.type("he")
    for reply in ("no", "no"):
        terminal.expect("> ")
        terminal.type(reply)
    for key, meant in (("²", "2"), ("①", "1")):  # threats: no; who ended it: I did
        terminal.expect("> ")
        terminal.type(key)
        # not text in an ascii terminal; not a digit 0 to 9 under UTF-8: asked again either way
        terminal.expect(UNREADABLE if encoding == "ascii" else "Please answer")
        terminal.type(meant)
    terminal.expect("> ")
    terminal.type("quit")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0 and "Traceback" not in terminal.log, terminal.log
    case = saved_case(saved)
    assert case["ex"]["pronoun"] == "he" and case["breakup"]["ended_by"] == "me"
    assert case["safety"]["threats_or_abuse"] is False


def test_yes_piped_for_ever_ends_with_status_1():
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    done = subprocess.run([exsplain_command(), "consult"], stdin=yes.stdout, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "EXSPLAIN_REGION": "GB"})
    yes.kill()
    yes.wait()
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "I could not make out an answer" in done.stdout
    closing = done.stdout.rsplit("If you need help now", 1)[1].splitlines()
    assert "Samaritans: call 116 123" in "\n".join(closing) and all(line.startswith("┃") for line in closing[1:]), \
        "the help lines are the last thing shown"


def test_unsure_at_the_pronoun_and_the_self_harm_question_moves_on_and_keeps_help_in_view(tmp_path):
    saved = tmp_path / "case.toml"
    terminal = Terminal("consult", "--save", str(saved), env={"EXSPLAIN_REGION": "GB"})
    terminal.expect("> ")
    terminal.type("unsure")
    terminal.expect("Have you had thoughts of hurting yourself")
    terminal.expect("> ")
    terminal.type("unsure")
    help_shown = terminal.expect("Has your ex threatened")
    assert "also talk with people" in help_shown and "Samaritans: call 116 123" in help_shown
    terminal.expect("> ")
    terminal.type("no")
    terminal.expect("> ")
    terminal.type("quit")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0
    assert terminal.log.count("How should I refer to your ex?") == 1, "no loop at the pronoun"
    assert "i_think_of_self_harm" not in saved.read_text(), "not sure leaves the answer open"


def test_the_review_lists_skipped_questions_and_one_can_be_answered_from_it(tmp_path):
    saved = tmp_path / "case.toml"
    terminal = Terminal("consult", "--save", str(saved))
    review = until_review(terminal, "")
    listed = [line for line in SGR.sub("", review.split("Your answers")[-1]).splitlines() if "skipped" in line]
    assert any("Have you had thoughts of hurting yourself" in line for line in listed), review
    number = next(line.split(".")[0].strip() for line in listed if "thoughts of hurting yourself" in line)
    terminal.type(number)
    terminal.expect("> ")
    terminal.type("no")
    terminal.expect("Type the number of a question")
    terminal.expect("> ")
    terminal.type("")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0
    assert saved_case(saved)["safety"]["i_think_of_self_harm"] is False


def test_ctrl_c_at_the_last_prompt_exits_130():
    terminal = Terminal("consult")
    answer_all(terminal, "2")
    terminal.expect("[y/N] ")
    terminal.ctrl_c()
    status, _ = terminal.finish()
    assert status == 130 and "Traceback" not in terminal.log


def test_a_resumed_save_says_how_many_answers_were_kept(tmp_path):
    saved = tmp_path / "mine.toml"
    text = Path(example("ended-by-me-plea.toml")).read_text(encoding="utf-8")
    saved.write_text(text, encoding="utf-8")
    terminal = Terminal("consult", "--save", str(saved))
    shown = terminal.expect("> ")
    terminal.ctrl_c()
    terminal.finish()
    tomllib = toml_reader()

    kept = sum(len(v) for v in tomllib.loads(text).values() if isinstance(v, dict))
    assert f"I kept the {kept} answers you gave before" in " ".join(shown.split())
    assert "Question 1 of about" in shown


def test_quit_says_the_answers_are_not_kept_and_offers_to_save_them(tmp_path):
    terminal = Terminal("consult", cwd=tmp_path)
    for reply in ("he", "no"):
        terminal.expect("> ")
        terminal.type(reply)
    terminal.expect("> ")
    terminal.type("quit")
    terminal.expect("--save FILE")
    terminal.expect("press Enter: ")
    terminal.type("kept.toml")
    terminal.expect("answers saved to kept.toml")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0
    assert saved_case(tmp_path / "kept.toml")["safety"] == {"i_think_of_self_harm": False}


@pytest.mark.parametrize("region, emergency, crisis", [("GB", "999", "Samaritans: call 116 123"),
                                                       ("US", "911", "call or text 988"),
                                                       ("other", "your local emergency number", "findahelpline.com")])
def test_after_a_yes_to_self_harm_the_last_screen_holds_the_help_lines(region, emergency, crisis):
    terminal = Terminal("consult", "--region", region, env={"COLUMNS": "80"}, size=(24, 80))
    for reply in ("he", "yes", "no", "no"):
        terminal.expect("> ")
        terminal.type(reply)
    answer_all(terminal, "")
    terminal.expect("[y/N] ")
    terminal.type("n")
    status, _ = terminal.finish()
    assert status == 0
    last_screen = "\n".join(SGR.sub("", terminal.log).replace("\r\n", "\n").splitlines()[-24:])
    assert emergency in last_screen and crisis in last_screen, last_screen
    assert "[y/N]" not in last_screen.split("If you need help now")[1], "no offer after the help"
