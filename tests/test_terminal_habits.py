"""Habits of a well-behaved command: --color and FORCE_COLOR, and a pager for long output on a terminal."""
import fcntl
import os
import pty
import select
import struct
import subprocess
import termios

import pytest

from exsplain.cli.layout import colour_choice
from exsplain.cli.main import cli

from conftest import example, read_terminal
from test_analyze_cli import exsplain_command, installed

BOLD = "\x1b[1m"


@pytest.mark.parametrize(("option", "environ", "wanted"), [
    ("auto", {}, None), ("auto", {"NO_COLOR": "1"}, False), ("auto", {"FORCE_COLOR": "1"}, True),
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False), ("auto", {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),
    ("always", {"NO_COLOR": "1"}, True), ("never", {"FORCE_COLOR": "1"}, False), ("never", {}, False),
])
def test_colour_precedence(option, environ, wanted):
    assert colour_choice(option, environ) is wanted


@pytest.mark.parametrize(("args", "env", "coloured"), [
    (["--color", "always"], {"NO_COLOR": "1"}, True), ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False), ([], {}, False),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
])
def test_colour_in_output_that_is_not_a_terminal(runner, args, env, coloured):
    result = runner.invoke(cli, [*args, "analyze", example("co-parents.toml")], env=env)
    assert result.exit_code == 0, result.stderr
    assert (BOLD in result.stdout) is coloured


def test_an_unknown_colour_choice_is_a_usage_error(runner):
    result = runner.invoke(cli, ["--color", "sometimes", "catalog"])
    assert result.exit_code == 2
    assert "'sometimes' is not one of 'auto', 'always', 'never'" in result.stderr


def on_terminal(tmp_path, *args, rows=24):
    """Run the installed command on a pseudo-terminal of ``rows`` rows, with a
    pager that keeps what it is given; returns (status, what the pager got or None)."""
    paged = tmp_path / "paged.txt"
    pager = tmp_path / "pager"  # a command without arguments: click 8.1 runs PAGER only when it names one program
    pager.write_text(f"#!/bin/sh\ncat > '{paged}'\n", encoding="utf-8")
    pager.chmod(0o700)
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    env = {**os.environ, "PAGER": str(pager), "TERM": "xterm"}
    env.pop("COLUMNS", None)
    process = subprocess.Popen([exsplain_command(), *args], stdin=secondary, stdout=secondary,
                               stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    os.close(secondary)
    while True:  # keep the terminal drained, so the command never blocks on it
        ready, _, _ = select.select([main], [], [], 0.2)
        if ready:
            try:
                if not os.read(main, 65536):
                    break
            except OSError:
                break
        elif process.poll() is not None:
            break
    status = process.wait()
    os.close(main)
    return status, paged.read_text(encoding="utf-8") if paged.exists() else None


@installed
def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path):
    status, paged = on_terminal(tmp_path, "catalog", "motives")
    assert status == 0
    assert paged is not None and "A hope that you will change your mind" in paged


@installed
def test_output_that_fits_the_terminal_or_no_pager_is_not_paged(tmp_path):
    assert on_terminal(tmp_path, "examples", "co-parents", rows=200) == (0, None)
    assert on_terminal(tmp_path, "--no-pager", "catalog", "motives") == (0, None)



def batch_on_terminals(tmp_path, *args, stdout_on_terminal):
    """Run ``batch`` with stderr on a pseudo-terminal and stdout on the same one or on a pipe:
    (what the terminal got, what the pipe got)."""
    main, secondary = pty.openpty()
    process = subprocess.Popen([exsplain_command(), "batch", *args, str(example("co-parents.toml")),
                                str(example("cries-easily.toml"))], stdin=subprocess.DEVNULL,
                               stdout=secondary if stdout_on_terminal else subprocess.PIPE, stderr=secondary,
                               env={**os.environ, "NO_COLOR": "1"}, cwd=tmp_path)
    os.close(secondary)
    received = read_terminal(main, process)
    piped = process.stdout.read() if process.stdout else b""
    process.wait()
    os.close(main)
    return received.decode("utf-8", "replace"), piped.decode("utf-8", "replace")


@installed
@pytest.mark.parametrize("args, on_terminal, bar", [
    (["--format", "jsonl"], True, False),  # rows stream to the terminal the bar would be drawn on
    (["--format", "csv"], True, False),
    (["--format", "jsonl"], False, True),  # rows go to a pipe: the terminal shows the bar
    (["--format", "json"], True, True),  # one array printed at the end: the bar comes first
    ([], True, True),  # the table waits for every row too
])
def test_the_progress_bar_never_mixes_with_rows_streamed_to_its_terminal(tmp_path, args, on_terminal, bar):
    terminal, piped = batch_on_terminals(tmp_path, *args, stdout_on_terminal=on_terminal)
    assert ("Analyzing" in terminal) is bar, terminal
    assert "co-parents" in (terminal if on_terminal else piped)
