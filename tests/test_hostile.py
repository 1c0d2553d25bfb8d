"""Hostile files and broken streams: bounded reads, one-line errors, no traceback, nothing replaced."""
import os
import signal
import subprocess
import time

import pytest

from conftest import EXAMPLES, example
from test_analyze_cli import exsplain_command

pytestmark = pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")
SECONDS = 20  # every run below must end well within this


def run(*args, stdin=subprocess.DEVNULL, env=None, **options):
    started = time.monotonic()
    done = subprocess.run([exsplain_command(), *args], stdin=stdin, capture_output=True, timeout=SECONDS,
                          env={**os.environ, **(env or {})}, **options)
    done.seconds = time.monotonic() - started
    return done


def one_line_error(done, status=2):
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == status, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


def hostile_files(folder):
    """name -> (content, the message the error line holds)."""
    return {
        "dotted-keys.toml": ("a" + ".a" * 50_000 + " = 1\n", "a key with more parts than table.field"),
        "deep.toml": ("x = " + "[" * 500 + "]" * 500 + "\n", "nested deeper than a case file can be"),
        "deep.json": ("[" * 100_000 + "]" * 100_000, "nested deeper than a case file can be"),
        "long-number.toml": ("schema = " + "9" * 5000 + "\n", "a number longer than 20 digits"),
        "long-number.json": ('{"schema": ' + "9" * 5000 + "}", "a number longer than 20 digits"),
        "surrogate.json": ('{"title": "\\ud800"}', "lone surrogate"),
        "duplicate.json": ('{"me": {"want_back": "no"}, "me": {"want_back": "yes"}}', "appears twice"),
        "huge.toml": ("# " + "x" * (2 << 20) + "\n", "too large"),
        "long-key.toml": ("[" + "b" * 100 + "]\n", "a key longer than 64 characters"),
    }


@pytest.mark.parametrize("name", sorted(hostile_files(None)))
def test_a_hostile_case_file_is_one_line_and_exit_2_quickly(tmp_path, name):
    content, message = hostile_files(tmp_path)[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    line = one_line_error(run("analyze", str(path)))
    assert message in line
    done = run("consult", "--answers", str(path))
    assert message in one_line_error(done)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/full", "/dev/null"])
def test_a_device_is_not_a_case_file(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is missing")
    done = run("analyze", device)
    assert "not a regular file" in one_line_error(done)
    assert done.seconds < SECONDS


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "case.toml"
    os.mkfifo(fifo)
    assert "not a regular file" in one_line_error(run("analyze", str(fifo)))


def test_batch_gives_a_row_to_each_hostile_file_and_finishes(tmp_path):
    for name, (content, _) in hostile_files(tmp_path).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "good.toml").write_text('[breakup]\nended_by = "me"\n', encoding="utf-8")
    done = run("batch", "--jobs", "2", "--format", "jsonl", str(tmp_path))
    assert done.returncode == 2
    rows = done.stdout.decode().splitlines()
    assert len(rows) == len(hostile_files(tmp_path)) + 2
    assert "Traceback" not in done.stderr.decode()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_an_unreadable_folder_is_a_row_with_its_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        done = run("batch", "--format", "jsonl", str(tmp_path))
    finally:
        locked.chmod(0o700)
    assert done.returncode == 2 and b"cannot read the folder" in done.stdout


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_json_stays_utf8(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.toml"
    with open(name, "w", encoding="utf-8") as stream:
        stream.write('[breakup]\nended_by = "me"\n')
    done = run("analyze", "--format", "json", name)
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    assert "caf\\\\xe9.toml" in text
    bad = run("analyze", os.fsencode(tmp_path) + b"/missing\xff.toml")
    assert "missing\\xff.toml: no such file" in one_line_error(bad)


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_locale_that_cannot_show_every_character_gets_replacements_not_a_crash(encoding):
    done = run("analyze", example("co-parents.toml"), env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"Keep the contact you cannot avoid" in done.stdout


def test_the_c_locale_works():
    done = run("analyze", example("safety-self-harm.toml"), env={"LC_ALL": "C", "LANG": "C"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr


def test_a_closed_stdout_is_one_line_and_exit_1():
    for args in (["--version"], ["--help"], ["analyze", example("co-parents.toml")]):
        done = subprocess.run(f"'{exsplain_command()}' {' '.join(args)} >&-", shell=True, capture_output=True,
                              timeout=SECONDS)
        assert done.returncode == 1, args
        assert done.stderr.decode().splitlines() == ["Error: cannot write the output: standard output is closed"]


def test_a_full_disk_is_one_line_and_exit_1():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run([exsplain_command(), "analyze", example("co-parents.toml")], stdout=full,
                              stderr=subprocess.PIPE, timeout=SECONDS)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == ["Error: cannot write the output: No space left on device"]


def test_a_reader_that_goes_away_ends_the_output_quietly():
    process = subprocess.Popen([exsplain_command(), "batch", "--jobs", "1", "--format", "jsonl", str(EXAMPLES)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=SECONDS) in (0, 128 + signal.SIGPIPE, 2)
    assert b"Traceback" not in process.stderr.read()


def test_consult_with_a_closed_stdin_prints_the_reading_and_exits_1():
    done = subprocess.run(f"'{exsplain_command()}' consult --format json <&-", shell=True, capture_output=True,
                          timeout=SECONDS)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert done.stdout.startswith(b"{")


def test_consult_on_an_endless_stream_stops_within_bounds():
    with open("/dev/zero", "rb") as zeros:
        done = run("consult", "--format", "json", stdin=zeros)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"no end in sight" in done.stderr


def test_a_long_valid_save_name_works(tmp_path):
    name = tmp_path / ("a" * 250 + ".toml")
    done = run("consult", "--save", str(name), input=b"he\nquit\n", stdin=None)
    assert done.returncode == 0, done.stderr
    assert name.exists()


def test_ctrl_c_while_waiting_is_one_line_and_130():
    process = subprocess.Popen([exsplain_command(), "consult"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=SECONDS) == 130
    stderr = process.stderr.read().decode()
    assert "Traceback" not in stderr and "Consultation stopped" in stderr


@pytest.fixture(scope="module")
def big_batch(tmp_path_factory):
    """A folder of cases that takes a batch some seconds."""
    folder = tmp_path_factory.mktemp("big")
    for n in range(6000):
        (folder / f"case-{n:04d}.toml").write_text(f'title = "case {n}"\n[breakup]\nended_by = "ex"\n',
                                                    encoding="utf-8")
    return folder


@pytest.mark.parametrize("signum, to_group", [(signal.SIGTERM, False), (signal.SIGHUP, False),
                                             (signal.SIGTERM, True)])  # the group: as a service manager stops it
def test_a_signal_stops_a_batch_with_no_traceback_and_no_worker_left(big_batch, signum, to_group):
    process = subprocess.Popen([exsplain_command(), "batch", "--jobs", "2", "--format", "jsonl", str(big_batch)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + SECONDS
    while len(workers := children_of(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    if to_group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    status = process.wait(timeout=SECONDS)
    stderr = process.stderr.read().decode()
    if status == 0:
        pytest.skip("the batch finished before the signal")
    assert status == 128 + signum
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == f"Batch stopped by {signal.Signals(signum).name}."
    time.sleep(0.5)
    assert [pid for pid in workers if alive(pid)] == []


def children_of(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as stream:
            return [int(p) for p in stream.read().split()]
    except OSError:
        return []


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stream:
            return stream.read().split()[2] != "Z"
    except OSError:
        return False


def test_usage_errors_are_one_line_and_a_hint():
    done = run("analyze", "--format", "yaml", example("co-parents.toml"))
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 2 and len(lines) == 2 and lines[1] == "Try 'exsplain analyze --help' for help."
