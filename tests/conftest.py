"""Shared fixtures: a click runner, the knowledge base, paths to examples."""
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

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


def example_files():
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".toml", ".json"))
