"""SIGTERM at a random moment of ``exsplain batch --jobs 2``, many times: no traceback, nothing left behind.

Each run starts the batch in a session of its own on a small folder of
cases, sends it SIGTERM after a random delay (from before Python is up to
after the batch would have ended) and waits for it. A run fails if stderr
holds a traceback or anything but the one line a stopped batch says, or if
any process of its session is still alive a moment after it ended (those are
then killed, by their ids), or if it has not ended a minute after the signal
(a hang: its threads' stacks are printed). Prints the figures; exits 1 if any run failed.

    python bench/sigterm.py [RUNS]      (default 2000; RUNS=200 takes a few minutes on 2 cores)
"""
import collections
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
EXSPLAIN = str(BIN / "exsplain") if (BIN / "exsplain").exists() else shutil.which("exsplain")
CASES = 40
EXPECTED = {b"", b"Batch stopped by SIGTERM.\n"}
ENV = {**os.environ, "NO_COLOR": "1", "EXSPLAIN_REGION": "GB", "PYTHONFAULTHANDLER": "1"}
HANG = 60  # seconds after the signal by which a run counts as hung


def session_members(sid):
    """The processes still alive (not zombies) in session ``sid``."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append(int(entry))
    return members


def one_run(folder, delay):
    process = subprocess.Popen([EXSPLAIN, "batch", "--jobs", "2", "--format", "jsonl", str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, env=ENV)
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        _, stderr = process.communicate(timeout=HANG)
    except subprocess.TimeoutExpired:  # a hang: ask Python for every thread's stack (faulthandler), then end it
        for pid in session_members(process.pid):
            os.kill(pid, signal.SIGABRT)
        _, stderr = process.communicate()
        return "hang", stderr, []
    left = []
    deadline = time.monotonic() + 2
    while (left := session_members(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return process.returncode, stderr, left


def main(runs):
    folder = Path(tempfile.mkdtemp(prefix="exsplain-sigterm-"))
    try:
        for n in range(CASES):
            (folder / f"case-{n:02d}.toml").write_text(f'title = "case {n}"\n[breakup]\nended_by = "ex"\n',
                                                       encoding="utf-8")
        started = time.monotonic()
        subprocess.run([EXSPLAIN, "batch", "--jobs", "2", "--format", "jsonl", str(folder)], env=ENV,
                       stdout=subprocess.DEVNULL, check=True)
        whole = time.monotonic() - started
        statuses, tracebacks, odd, leftovers = collections.Counter(), 0, [], 0
        for n in range(runs):
            status, stderr, left = one_run(folder, random.uniform(0, whole * 1.2))
            statuses[str(status)] += 1
            tracebacks += b"Traceback" in stderr
            if stderr not in EXPECTED:
                odd.append(stderr.decode("utf-8", "replace")[-3000:])
            leftovers += bool(left)
            if (n + 1) % 100 == 0:
                print(f"  {n + 1} runs", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder)
    print(f"{runs} runs of batch --jobs 2 on {CASES} cases (a whole run takes {whole:.2f} s), "
          f"SIGTERM after 0 to {whole * 1.2:.2f} s")
    print("exit statuses: " + ", ".join(f"{s}: {c}" for s, c in sorted(statuses.items())))
    print(f"hangs: {statuses['hang']}; tracebacks: {tracebacks}; other stderr: {len(odd)}; "
          f"runs leaving a process behind: {leftovers}")
    for text in odd[:5]:
        print("---\n" + text)
    return 1 if tracebacks or odd or leftovers or statuses["hang"] else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
