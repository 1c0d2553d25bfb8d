"""What people read, and every generated file, pinned: each matches its committed copy.

Regenerate with ``make golden`` when wording changes on purpose.
"""
import pytest

from golden import GOLDEN, ROOT, SCREENS, generated

FILES = generated()


def named(path):
    """The path from the project root (the stored root help of an installed copy lies outside it)."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else f"exsplain/cli/{path.name}"


@pytest.fixture(autouse=True)
def from_the_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("path", sorted(FILES), ids=named)
def test_generated_file_is_up_to_date(path):
    assert path.exists(), f"{named(path)} is missing: run `make golden`"
    assert FILES[path]() == path.read_text(encoding="utf-8"), \
        f"{named(path)} is stale: if the change is on purpose, run `make golden` and review the diff"


def test_every_golden_file_belongs_to_a_screen():
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == sorted(SCREENS)


def test_golden_screens_fit_their_width():
    for name, (_, width, *_) in SCREENS.items():
        lines = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        assert max(map(len, lines)) <= width, name
