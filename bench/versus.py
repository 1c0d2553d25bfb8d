"""Compare this tree with an older commit, the two interleaved on the same cases.

    python bench/versus.py OLD_REV [--cases N] [--rounds R]

The older commit is unpacked into a temporary folder and each measurement
alternates between it and this tree, in fresh processes with the same
interpreter and dependencies, so that a busy machine slows both alike:
per-case cost with the engine reused (report included), inference alone
(the rules and the reviews), batch --jobs 1 throughput, and a cold
``exsplain analyze one.toml``.
"""
import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run import ENV, compile_tree, generate_cases  # noqa: E402

PACKAGES = ("expert", "knowledge", "cli")
LAUNCH = "import sys; from {prefix}cli.launch import main; sys.exit(main())"
FIELDS = "from {prefix}knowledge.base import KNOWLEDGE_BASE as kb; print(chr(10).join(kb.vocabulary.fields))"
INFERENCE = """
import statistics, sys, time
from {prefix}knowledge.base import KNOWLEDGE_BASE as kb
cases = [kb.vocabulary.load(path) for path in sys.argv[1:]]
kb.infer(cases[0])
samples = []
for case in cases:
    start = time.perf_counter()
    kb.infer(case)
    samples.append(time.perf_counter() - start)
print(statistics.median(samples))
"""
PER_CASE = """
import statistics, sys, time
from {prefix}knowledge.base import KNOWLEDGE_BASE as kb
paths = sys.argv[1:]
kb.analyze(kb.vocabulary.load(paths[0]), "GB").report
samples = []
for path in paths:
    start = time.perf_counter()
    kb.analyze(kb.vocabulary.load(path), "GB").report
    samples.append(time.perf_counter() - start)
print(statistics.median(samples))
"""


def unpack(rev, folder):
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data") if sys.version_info >= (3, 12) else tar.extractall(folder)


def importable(tree, folder):
    """``(path, prefix)`` to import ``tree``'s packages from: a tree of the one
    namespace (exsplain.expert, ...) is seen through links in ``folder``; an
    older tree had them at the top level."""
    if not (tree / "exsplain").is_dir():
        return tree, ""
    namespace = Path(folder, "exsplain")
    namespace.mkdir(parents=True)
    for name in PACKAGES:
        (namespace / name).symlink_to(tree / name)
    return Path(folder), "exsplain."


def in_tree(tree, code, *args, capture=True):
    path, prefix = tree
    env = {**ENV, "PYTHONPATH": str(path)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code.format(prefix=prefix), *args], env=env,
                          cwd=tempfile.gettempdir(), check=True,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        old, cases = Path(work, "old"), Path(work, "cases")
        old.mkdir()
        cases.mkdir()
        unpack(options.old, old)
        for tree in (old, ROOT):
            compile_tree(tree)
        trees = {"old": importable(old, Path(work, "old-view")), "new": importable(ROOT, Path(work, "new-view"))}
        # the same cases for both: only the fields both knowledge bases know
        known = [set(in_tree(tree, FIELDS)[1].decode().split()) for tree in trees.values()]
        generate_cases(cases, options.cases, known=set.intersection(*known))
        paths = sorted(str(p) for p in cases.iterdir())
        per_case = {name: [] for name in trees}
        inference = {name: [] for name in trees}
        batch = {name: [] for name in trees}
        cold = {name: [] for name in trees}
        one = paths[0]
        for _ in range(options.rounds):
            for name, tree in trees.items():
                per_case[name].append(float(in_tree(tree, PER_CASE, *paths)[1]))
                inference[name].append(float(in_tree(tree, INFERENCE, *paths)[1]))
        for _ in range(options.rounds):
            for name, tree in trees.items():
                seconds, _ = in_tree(tree, LAUNCH, "batch", "--jobs", "1", "--format", "jsonl", str(cases),
                                     capture=False)
                batch[name].append(len(paths) / seconds)
        for _ in range(options.rounds * 6):
            for name, tree in trees.items():
                cold[name].append(in_tree(tree, LAUNCH, "analyze", one, capture=False)[0])
        print(f"{options.old} (old) against this tree (new): {len(paths)} generated cases, "
              f"{options.rounds} interleaved rounds; medians")
        rows = [("per case, engine reused, report included", per_case, 1000, "ms"),
                ("inference per case (rules and reviews)", inference, 1000, "ms"),
                ("batch --jobs 1", batch, 1, "cases/s"),
                ("exsplain analyze one.toml, cold", cold, 1000, "ms")]
        for label, samples, unit, suffix in rows:
            old_value, new_value = (statistics.median(samples[n]) * unit for n in ("old", "new"))
            print(f"  {label:<42} old {old_value:9.2f} {suffix:<8} new {new_value:9.2f} {suffix:<8} "
                  f"new/old {new_value / old_value:5.2f}")


if __name__ == "__main__":
    main()
