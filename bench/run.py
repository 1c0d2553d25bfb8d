"""exsplain benchmark: start-up, first question, answer to next question, cost per case, batch throughput.

Prints medians over repeated runs with min-max, the ratios and whether each
target for a 2-core machine is met. Standard library and the project only;
run it with ``make bench``. Figures are printed, never asserted.

``bench/versus.py OLD_REV`` compares this tree with an older commit, the two
interleaved on the same cases.
"""
import os
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
# Measured as installed programs run: with their bytecode written and used.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(NO_COLOR="1", EXSPLAIN_REGION="GB")


def compile_tree(tree):
    """Write the bytecode of a source tree, as an installation does."""
    folders = [str(Path(tree) / name) for name in ("expert", "knowledge", "cli")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True, stdout=subprocess.DEVNULL, env=ENV)


def timed(run, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return samples


def summary(samples, unit=1000, suffix="ms"):
    return (f"{statistics.median(samples) * unit:8.2f} {suffix}"
            f"  ({min(samples) * unit:.2f}-{max(samples) * unit:.2f})")


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


def answer_to_next_question(rounds=5):
    """Seconds from each reply to the next question on screen, over a scripted consultation run in this
    process (the pronoun, no to the safety questions, then the first answer of every question)."""
    import contextlib
    import io

    sys.path.insert(0, str(ROOT))
    from exsplain.cli.consult import Dialogue
    from exsplain.expert.consultation import Consultation
    from exsplain.knowledge.base import KNOWLEDGE_BASE as kb

    samples = []

    class Scripted(Dialogue):
        replies: list = []
        replied = None

        def read(self, prompt):
            if not self.replies:
                raise EOFError
            self.replied = time.perf_counter()
            return self.replies.pop(0)

        def show(self, field, current=None):
            super().show(field, current)
            if self.replied is not None:
                samples.append(time.perf_counter() - self.replied)
                self.replied = None

    for _ in range(rounds):
        dialogue = Scripted(kb, Consultation(kb), "GB", False, None)
        dialogue.interactive = False
        dialogue.replies = ["he", "no", "no", "no"] + ["1"] * 40
        with contextlib.redirect_stdout(io.StringIO()):
            dialogue.run()
    return samples


def report(name, samples):
    print(f"  {name:<48} {summary(samples)}")


def ratio(name, numerator, denominator, limit, higher_is_better=False):
    value = statistics.median(numerator) / statistics.median(denominator)
    met = value >= limit if higher_is_better else value <= limit
    sign = ">=" if higher_is_better else "<="
    print(f"  {name:<48} {value:8.2f} x   target {sign} {limit} x: {'met' if met else 'NOT met'}")
    return met


def generate_cases(folder, count, seed=20261122, known=None):
    """``count`` random valid case files, reproducible from ``seed``; with
    ``known`` (``table.field`` paths), only those fields, so that an older
    knowledge base can read them too."""
    import tomli_w

    from exsplain.expert.sampling import random_cases_data
    from exsplain.knowledge.base import KNOWLEDGE_BASE

    for n, data in enumerate(random_cases_data(KNOWLEDGE_BASE.vocabulary, count, seed)):
        if known is not None:
            data = {table: kept for table, values in data.items()
                    if (kept := {k: v for k, v in values.items() if f"{table}.{k}" in known})}
        (folder / f"case-{n:05d}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")


STAGES = ("read", "declare", "run", "reviews", "report")


def per_case_stages(paths, kb=None, rounds=3):
    """Seconds per case in each stage, with the engine reused: reading and
    checking the file, declaring its facts, firing the rules, the reviews, the report."""
    from exsplain.expert.report import build

    if kb is None:
        from exsplain.knowledge.base import KNOWLEDGE_BASE as kb
    engine = kb.engine
    kb.infer(kb.vocabulary.load(paths[0]))  # build the engine outside the timing
    region = kb.catalog.region("GB")
    times = {stage: [] for stage in STAGES}
    for _ in range(rounds):
        for path in paths:
            start = time.perf_counter()
            case = kb.vocabulary.load(path)
            read = time.perf_counter()
            engine.prepare(kb.vocabulary.facts(case))
            declared = time.perf_counter()
            inference = engine.conclude()
            ran = time.perf_counter()
            kb.review(case, inference)
            reviewed = time.perf_counter()
            build(kb, case, inference, region)
            built = time.perf_counter()
            for stage, seconds in zip(STAGES, (read - start, declared - read, ran - declared, reviewed - ran,
                                               built - reviewed)):
                times[stage].append(seconds)
    times["total"] = [sum(parts) for parts in zip(*(times[stage] for stage in STAGES))]
    return times


def scaling(paths, factors=(1, 2, 4), rounds=3):
    """Per-case stage times with the rules copied 1, 2 and 4 times (see bench/scaled.py).

    The knowledge bases take turns, round by round, so that a machine that
    slows down for a while slows each of them alike.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from scaled import scaled

    bases = {factor: scaled(factor) for factor in factors}
    times = {factor: {} for factor in factors}
    for _ in range(rounds):
        for factor, kb in bases.items():
            for stage, samples in per_case_stages(paths, kb, rounds=1).items():
                times[factor].setdefault(stage, []).extend(samples)
    return times


def fresh_and_reused(paths, rounds=3):
    """Seconds per case, report included: a fresh engine each time vs the process's reused engine."""
    from exsplain.knowledge.base import KNOWLEDGE_BASE as kb
    from exsplain.knowledge.base import ExsplainEngine

    cases = [kb.vocabulary.load(p) for p in paths]
    fresh, reused = [], []
    for _ in range(rounds):
        for case in cases:
            fresh += timed(lambda case=case: kb.report(case, "GB", engine=ExsplainEngine()), 1)
            reused += timed(lambda case=case: kb.report(case, "GB"), 1)
    return fresh, reused


def main():
    if EXSPLAIN is None:
        sys.exit("exsplain is not installed: run `make bench`")
    started = time.perf_counter()
    compile_tree(ROOT)
    met = []
    print(f"exsplain benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}; median (min-max)")

    print("\nStart-up")
    bare = timed(command(sys.executable, "-c", "pass"), 15)
    help_times = timed(command(EXSPLAIN, "--help"), 15)
    one = str(ROOT / "examples" / "ended-by-me-plea.toml")
    cold = timed(command(EXSPLAIN, "analyze", one), 10)
    report("python -c pass", bare)
    report("exsplain --help", help_times)
    report("exsplain analyze one.toml (cold)", cold)
    met.append(ratio("--help / python -c pass", help_times, bare, 3))

    print("\nFirst question of a consultation (piped stdin)")
    first = timed(until_first_question, 10)
    imports = timed(command(sys.executable, "-c", "import exsplain.expert.compat, click, experta"), 10)
    report("time to the first question", first)
    report("python -c 'import click, experta'", imports)
    met.append(ratio("first question / bare imports", first, imports, 1.5))

    print("\nFrom an answer to the next question (a scripted consultation, in process)")
    next_question = answer_to_next_question()
    report(f"answer to next question ({len(next_question)} answers)", next_question)
    median_ms = statistics.median(next_question) * 1000
    print(f"  {'median':<48} {median_ms:8.2f} ms   target < 50 ms: {'met' if median_ms < 50 else 'NOT met'}")
    met.append(median_ms < 50)

    with tempfile.TemporaryDirectory() as folder:
        generate_cases(Path(folder), BATCH_CASES)
        paths = sorted(str(p) for p in Path(folder).iterdir())

        print(f"\nPer case, engine reused ({min(len(paths), 2000)} generated cases)")
        stages = per_case_stages(paths[:2000])
        for stage in (*STAGES, "total"):
            report(stage, stages[stage])

        print("\nScaling: the rules copied 2 and 4 times (500 generated cases; median per case)")
        runs = scaling(paths[:500])
        print("  " + f"{'stage':<12}" + "".join(f"{f'{n}x rules':>12}" for n in runs) + f"{'4x / 1x':>10}")
        for stage in (*STAGES, "total"):
            medians = [statistics.median(runs[n][stage]) for n in runs]
            print("  " + f"{stage:<12}" + "".join(f"{m * 1000:9.2f} ms" for m in medians)
                  + f"{medians[-1] / medians[0]:9.2f}x")
        met.append(ratio("total per case, 4x rules / 1x rules", runs[4]["total"], runs[1]["total"], 3.5))
        worst = max(STAGES, key=lambda s: statistics.median(runs[4][s]) / statistics.median(runs[1][s]))
        met.append(ratio(f"fastest-growing stage ({worst}), 4x / 1x", runs[4][worst], runs[1][worst], 5))

        print("\nPer case, report included (the examples)")
        examples = sorted(str(p) for p in (ROOT / "examples").glob("*.toml"))
        fresh, reused = fresh_and_reused(examples)
        report("fresh engine per case", fresh)
        report("reused engine", reused)
        met.append(ratio("fresh / reused", fresh, reused, 5, higher_is_better=True))

        print(f"\nBatch of {BATCH_CASES} generated valid cases (one run each)")
        rates = {}
        for jobs in (1, 2):
            (seconds,) = timed(command(EXSPLAIN, "batch", "--jobs", str(jobs), "--format", "jsonl", folder), 1)
            rates[jobs] = [BATCH_CASES / seconds]
            print(f"  --jobs {jobs}: {seconds:6.1f} s   {BATCH_CASES / seconds:8.0f} cases/s")
        met.append(ratio("speed-up of --jobs 2 over --jobs 1", rates[2], rates[1], 1.7, higher_is_better=True))

    print(f"\n{sum(met)} of {len(met)} targets met; the benchmark took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
