"""exsplain benchmark: start-up, first question, engine reuse, batch throughput.

Prints medians over repeated runs with min-max, the ratios and whether each
target for a 2-core machine is met. Standard library and the project only;
run it with ``make bench``. Figures are printed, never asserted.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXSPLAIN = str(BIN / "exsplain") if (BIN / "exsplain").exists() else shutil.which("exsplain")
FIRST_QUESTION = b"How should I refer to your ex?"
BATCH_CASES = int(os.environ.get("BENCH_CASES", 10_000))
ENV = {**os.environ, "NO_COLOR": "1"}


def timed(run, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return samples


def summary(samples, unit=1000, suffix="ms"):
    return (f"{statistics.median(samples) * unit:8.1f} {suffix}"
            f"  ({min(samples) * unit:.1f}-{max(samples) * unit:.1f})")


def command(*args):
    return lambda: subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)


def until_first_question():
    process = subprocess.Popen([EXSPLAIN, "consult"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=ENV)
    seen = b""
    while FIRST_QUESTION not in seen:
        chunk = process.stdout.read1(4096)
        if not chunk:
            raise RuntimeError("exsplain consult ended before its first question")
        seen += chunk
    process.kill()
    process.wait()


def report(name, samples, target=None):
    print(f"  {name:<44} {summary(samples)}")


def ratio(name, numerator, denominator, limit, higher_is_better=False):
    value = statistics.median(numerator) / statistics.median(denominator)
    met = value >= limit if higher_is_better else value <= limit
    sign = ">=" if higher_is_better else "<="
    print(f"  {name:<44} {value:8.2f} x   target {sign} {limit} x: {'met' if met else 'NOT met'}")
    return met


def per_case_times(rounds=5):
    """Seconds per example case: a fresh engine each time vs the process's reused engine."""
    sys.path.insert(0, str(ROOT))
    from expert.case import case_files
    from knowledge.base import KNOWLEDGE_BASE as kb
    from knowledge.base import ExsplainEngine

    cases = [kb.vocabulary.load(p) for p in case_files([ROOT / "examples"])]
    kb.report(cases[0])  # build the reused engine outside the timing
    fresh, reused = [], []
    for _ in range(rounds):
        for case in cases:
            start = time.perf_counter()
            kb.report(case, engine=ExsplainEngine())
            fresh.append(time.perf_counter() - start)
            start = time.perf_counter()
            kb.report(case)
            reused.append(time.perf_counter() - start)
    return fresh, reused


def generate_cases(folder, count, seed=20261122):
    """``count`` random valid case files, reproducible from ``seed``."""
    sys.path.insert(0, str(ROOT))
    import tomli_w

    from expert.vocabulary import ChoiceSet
    from knowledge.base import VOCABULARY

    rng = random.Random(seed)
    for n in range(count):
        data = {}
        for path, answer in VOCABULARY.fields.items():
            if rng.random() < 0.6:
                table, field = path.split(".")
                if isinstance(answer, ChoiceSet):
                    value = rng.sample(answer.values, rng.randint(0, 3))
                else:
                    value = rng.choice(answer.values)
                data.setdefault(table, {})[field] = value
        (folder / f"case-{n:05d}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")


def main():
    if EXSPLAIN is None:
        sys.exit("exsplain is not installed: run `make bench`")
    started = time.perf_counter()
    met = []
    print(f"exsplain benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          "median (min-max)")

    print("\nStart-up")
    help_times = timed(command(EXSPLAIN, "--help"), 15)
    bare = timed(command(sys.executable, "-c", "pass"), 15)
    report("exsplain --help", help_times)
    report("python -c pass", bare)
    met.append(ratio("--help / python -c pass", help_times, bare, 3))

    print("\nFirst question of a consultation (piped stdin)")
    first = timed(until_first_question, 10)
    imports = timed(command(sys.executable, "-c", "import expert.compat, click, tabulate, experta"), 10)
    report("time to the first question", first)
    report("python -c 'import click, tabulate, experta'", imports)
    met.append(ratio("first question / bare imports", first, imports, 1.5))

    print("\nPer-case analysis in one process (examples/, report included)")
    fresh, reused = per_case_times()
    report("fresh engine per case", fresh)
    report("reused engine", reused)
    met.append(ratio("fresh / reused", fresh, reused, 5, higher_is_better=True))

    print(f"\nBatch of {BATCH_CASES} generated valid cases (one run each)")
    with tempfile.TemporaryDirectory() as folder:
        generate_cases(Path(folder), BATCH_CASES)
        rates = {}
        for jobs in (1, 2):
            (seconds,) = timed(command(EXSPLAIN, "batch", "--jobs", str(jobs), "--format", "jsonl", folder), 1)
            rates[jobs] = [BATCH_CASES / seconds]
            print(f"  --jobs {jobs}: {seconds:6.1f} s   {BATCH_CASES / seconds:8.0f} cases/s")
        met.append(ratio("speed-up of --jobs 2 over --jobs 1", rates[2], rates[1], 1.7, higher_is_better=True))

    print(f"\n{sum(met)} of {len(met)} targets met; the benchmark took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
