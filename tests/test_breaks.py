"""The breaks of an attack run, one table row each: the documented status, at most one short
stderr line, no traceback, nothing raw from the input on a terminal, nothing replaced, no temp file."""
import os
import pty
import re
import signal
import subprocess
import threading
import time

import pytest
from test_hostile import SECONDS

from conftest import example, read_terminal
from test_analyze_cli import exsplain_command

pytestmark = pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")

# What an attacker puts in a title, notes or a file name to act on a terminal.
HOSTILE = {"OSC 52": "\x1b]52;c;aGk=\x07", "OSC 8": "\x1b]8;;http://x\x1b\\y\x1b]8;;\x1b\\", "CSI": "\x1b[2J",
           "RLO": "\u202e", "CR": "\r", "BS": "\x08", "BEL": "\x07", "NUL": "\x00", "C1": "\x9b31m"}
RAW = ("\x1b", "\x07", "\x08", "\x00", "\u202e", "\x9b", "\r")


def on_pty(args, cwd, env=None):
    """Run exsplain with stdout and stderr on a terminal; (status, what the terminal got)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([exsplain_command(), *args], stdin=subprocess.DEVNULL, stdout=terminal,
                               stderr=terminal, cwd=cwd, env={**os.environ, "NO_COLOR": "1", **(env or {})})
    os.close(terminal)
    received = read_terminal(controller, process, SECONDS)
    os.close(controller)
    text = received.decode("utf-8", "replace").replace("\r\r\n", "\n").replace("\r\n", "\n")
    return process.wait(timeout=SECONDS), PROGRESS.sub("", CURSOR.sub("", text))


# What the program itself writes to a terminal: its progress bar (cursor hidden, then shown).
CURSOR, PROGRESS = re.compile(r"\x1b\[\?25[lh]"), re.compile(r"\rAnalyzing[^\r\n]*")


def toml_string(text):
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c in '"\\\u202e' else c
                         for c in text) + '"'


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    text = "".join(HOSTILE.values())
    case = f"title = {toml_string('Anna ' + text)}\nnotes = {toml_string(text)}\n[breakup]\nended_by = \"ex\"\n"
    (folder / "case.toml").write_text(case, encoding="utf-8")
    (folder / ("name" + text.replace("\x00", "").replace("/", "_") + ".toml")).write_text(case, encoding="utf-8")
    (folder / ("bad" + HOSTILE["OSC 52"] + ".toml")).write_text("[breakup]\nended_by = 'nobody'\n", encoding="utf-8")
    (folder / ("bad" + HOSTILE["OSC 52"] + ".csv")).write_text("title;notes\n", encoding="utf-8")
    return folder


OUTPUTS = {
    "text": ["analyze", "case.toml"], "json": ["analyze", "--format", "json", "case.toml"],
    "markdown": ["analyze", "--format", "markdown", "case.toml"], "dot": ["analyze", "--format", "dot", "case.toml"],
    "trace": ["trace", "case.toml"], "several": ["analyze", "case.toml", "bad\x1b]52;c;aGk=\x07.toml"],
    "convert csv": ["convert", "case.toml", "--to", "csv"], "convert json": ["convert", "case.toml", "--to", "json"],
    "convert toml": ["convert", "case.toml", "--to", "toml"],
    "convert error": ["convert", "bad\x1b]52;c;aGk=\x07.toml", "--to", "csv"],
    "check error": ["check", "--examples", "."],
    "check folder error": ["check", "--examples", "none\x1b]52;c;aGk=\x07"],
    "convert spreadsheet error": ["convert", "bad\x1b]52;c;aGk=\x07.csv", "--to", "toml"],
    "convert output error": ["convert", "case.toml", "-o", "none\x1b[2J/x.toml"],
    "batch table": ["batch", "."], "batch csv": ["batch", "--format", "csv", "."],
    "batch json": ["batch", "--format", "json", "."], "batch summary": ["batch", "--summary", "."],
}


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_nothing_from_input_reaches_a_terminal_raw(hostile_folder, output):
    status, shown = on_pty(OUTPUTS[output], hostile_folder)
    assert status in (0, 1, 2), shown
    assert "Traceback" not in shown
    assert [c for c in RAW if c in shown] == [], repr(shown[:2000])


TEMP = ".exs-"


def files_of(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


BREAKS = {
    # name: (files, args, env, status, what the stderr line says)
    "hex number": ({"hex.toml": "title = 0x" + "f" * 4000 + "\n"}, ["analyze", "hex.toml"], {}, 2,
                   "a number longer than 20 digits"),
    "hex number in batch": ({"hex.toml": "title = 0x" + "f" * 4000 + "\n", "good.toml": "[breakup]\nended_by='ex'\n"},
                            ["batch", "--jobs", "2", "--format", "jsonl", "."], {}, 2, "1 of 2 cases are invalid"),
    "COLUMNS=²": ({"c.toml": "[breakup]\nended_by = 'ex'\n"}, ["analyze", "c.toml"], {"COLUMNS": "\u00b2"}, 0, None),
    "COLUMNS long": ({"c.toml": "[breakup]\nended_by = 'ex'\n"}, ["batch", "c.toml"], {"COLUMNS": "9" * 5000}, 0, None),
    "analyze alone": ({}, ["analyze"], {}, 2, "Missing argument"),
    "version true": ({"v.toml": "schema = true\n"}, ["analyze", "v.toml"], {}, 2, "unsupported version true"),
    "a time": ({"t.toml": "[breakup]\nended_by = 07:32:00\n"}, ["analyze", "t.toml"], {}, 2, "a date or time (07:32:00)"),
    "1 MB value": ({"big.json": '{"breakup": {"ended_by": "' + "x" * 1_000_000 + '"}}'}, ["analyze", "big.json"], {},
                   2, "characters) is not allowed"),
    "EXSPLAIN_REGION": ({"c.toml": "[breakup]\nended_by = 'ex'\n"}, ["analyze", "c.toml"],
                        {"EXSPLAIN_REGION": "Mars\x1b[2J"}, 2, "EXSPLAIN_REGION Mars\\x1b[2J"),
    "convert over package.json": ({"package.json": '{"name": "x"}\n'},
                                  ["convert", example("co-parents.toml"), "-o", "package.json"], {}, 2,
                                  "exists and is not a case file"),
    "save over package.json": ({"package.json": '{"name": "x"}\n'}, ["consult", "--save", "package.json"], {}, 2,
                               "choose another name"),
    "superscript reply": ({"s.csv": "title,me.want_back\nA,\u00b2\u00b2\n"}, ["convert", "s.csv", "--to", "json"], {}, 2,
                          "is not allowed"),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_break_is_one_short_line_and_leaves_the_files_as_they_were(tmp_path, name):
    files, args, env, status, message = BREAKS[name]
    for file, content in files.items():
        (tmp_path / file).write_text(content, encoding="utf-8")
    before = files_of(tmp_path)
    done = subprocess.run([exsplain_command(), *args], cwd=tmp_path, capture_output=True, timeout=SECONDS,
                          stdin=subprocess.DEVNULL, env={**os.environ, **env})
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == status, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if not line.startswith("Try ")]
    assert len(lines) == (0 if message is None else 1), stderr
    if message:
        assert message in lines[0] and len(lines[0]) <= 300, lines[0][:400]
    assert not any(c in stderr for c in RAW)
    assert files_of(tmp_path) == before
    assert not [p for p in os.listdir(tmp_path) if p.startswith(TEMP)]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_save_waits_for_it(kb, tmp_path, monkeypatch, signum):
    """The signal arrives in the middle of writing: the answer is saved, no temp file is left."""
    from exsplain.cli import saving
    from exsplain.expert import files

    write = files.write_private
    caught = []

    def interrupted_write(path, text):
        signal.pthread_kill(threading.get_ident(), signum)  # to this thread, as to a one-thread program
        time.sleep(0.05)  # the signal is pending, not yet delivered
        write(path, text)

    monkeypatch.setattr(files, "write_private", interrupted_write)
    previous = signal.signal(signum, lambda s, f: caught.append(s) or (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        saver = saving.Saver(kb, str(tmp_path / "case.toml"))
        case = kb.vocabulary.validate({"breakup": {"ended_by": "ex"}, "me": {"want_back": "no"}})
        with pytest.raises(KeyboardInterrupt):
            saver.save(case)
    finally:
        signal.signal(signum, previous)
    assert caught == [signum]
    assert kb.vocabulary.load(tmp_path / "case.toml").answers == case.answers
    assert saver.kept() == f"2 answers saved to {tmp_path / 'case.toml'}"
    assert os.listdir(tmp_path) == ["case.toml"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_sigterm_while_batch_builds_its_rules_is_its_one_line(runner, monkeypatch, jobs):
    """Found by bench/sigterm.py: a signal raised inside the import of the rules surfaced, wrapped
    by Python, as a RuntimeError with a traceback; it now waits until the rules are built."""
    from exsplain.cli import batch, params

    built = params.knowledge_base

    def signalled_while_building():
        class Rules:  # a signal handled inside a class body, as in the import of a rule set
            class Named:
                def __set_name__(self, owner, name):
                    signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
                    time.sleep(0.05)

            rule = Named()

        return built()

    monkeypatch.setattr(batch, "knowledge_base", signalled_while_building)
    result = runner.invoke(batch.batch, ["--jobs", jobs, "--format", "jsonl", str(example("co-parents.toml"))])
    assert result.exit_code == 128 + signal.SIGTERM, result.output
    assert result.stderr == "Batch stopped by SIGTERM.\n"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_garbage_collection_still_stops_the_batch(runner, monkeypatch, signum):
    """Found by bench/sigterm.py: a SIGTERM that lands in a __del__ (a pool's pipe being collected)
    was printed as 'Exception ignored' with a traceback and dropped, and the batch went on."""
    from exsplain.cli import batch

    write_rows = batch.write_rows

    class Collected:
        def __del__(self):
            signal.pthread_kill(threading.get_ident(), signum)
            time.sleep(0.05)

    def collecting_then_writing(rows, output_format, excel=False):
        Collected()  # made and collected at once: its __del__ receives the signal
        return write_rows(rows, output_format, excel)

    monkeypatch.setattr(batch, "write_rows", collecting_then_writing)
    result = runner.invoke(batch.batch, ["--format", "jsonl", str(example("co-parents.toml"))])
    assert result.exit_code == 128 + signum
    assert result.stderr == f"Batch stopped by {signal.Signals(signum).name}.\n"
