"""Shared fixtures: a click runner, the knowledge base, the examples.

The environment is pinned so that every test sees the same region, width
and colour whatever the machine: readings depend on them on purpose.
"""
import os
import select
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

import exsplain.expert  # noqa: F401  (experta needs its compatibility alias first)
from exsplain.expert.case import case_files

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

os.environ.update(EXSPLAIN_REGION="GB", COLUMNS="80", LC_ALL="C.UTF-8")
for name in ("NO_COLOR", "FORCE_COLOR", "LANG", "LC_MESSAGES"):
    os.environ.pop(name, None)

# Property tests check behaviour, not speed: no per-example deadline, and the
# same number of examples locally and in CI.
settings.register_profile("exsplain", deadline=None, max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 60)))
settings.load_profile("exsplain")


@pytest.fixture
def runner():
    try:  # click 8.1 mixes stderr into the output unless told not to; 8.2 and later keep them apart
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


@pytest.fixture(scope="session")
def kb():
    from exsplain.knowledge.base import KNOWLEDGE_BASE

    return KNOWLEDGE_BASE


def example_files():
    return [Path(p) for p in case_files([EXAMPLES])]


def example(name):
    return str(EXAMPLES / name)


def analysis_of(kb, path, region="GB"):
    return kb.analyze(kb.vocabulary.load(path), region)


def report_without_case(kb, path):
    """The report of the case at ``path`` without its ``case`` key, to compare twins."""
    report = dict(kb.report(kb.vocabulary.load(path), "GB"))
    report.pop("case")
    return report


def read_terminal(controller, process, seconds=20):
    """What a program wrote to the pseudo-terminal whose controlling side is ``controller``,
    read until the terminal closes or the program ends (at most ``seconds``)."""
    received = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(controller, 1 << 16)
            except OSError:  # the terminal closed: the program ended
                break
            if not chunk:
                break
            received += chunk
        elif process.poll() is not None:
            break
    return received
