"""Shared fixtures: a click runner, the knowledge base, paths to examples."""
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from expert.case import case_files
from expert.report import build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Property tests check behaviour, not speed: no per-example deadline, and the
# same number of examples locally and in CI.
settings.register_profile("exsplain", deadline=None, max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 60)))
settings.load_profile("exsplain")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def kb():
    from knowledge.base import KNOWLEDGE_BASE

    return KNOWLEDGE_BASE


def analysed(kb, path):
    """The case at ``path``, its inference and its report."""
    case = kb.vocabulary.load(path)
    inference = kb.infer(case)
    return case, inference, build(kb, case, inference)


def report_of_file(kb, path):
    """The report of the case at ``path`` without its ``case`` key, to compare twins."""
    report = kb.report(kb.vocabulary.load(path))
    report.pop("case")
    return report


def example_files():
    return [Path(p) for p in case_files([EXAMPLES])]
