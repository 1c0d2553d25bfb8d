"""Any width from 30 columns: lines fit, words are never broken, and the help bar runs down its block."""
import re

import pytest

from exsplain.cli.layout import MIN_WIDTH, Page, terminal_width
from exsplain.cli.main import cli

from conftest import EXAMPLES

RULES = re.compile(r"^[─┃|\-]+$")
CONSULTATION = "she\nno\nno\nno\nshe did\n2 months\n" + "\n" * 40


@pytest.fixture(autouse=True)
def from_the_project_root(monkeypatch):
    monkeypatch.chdir(EXAMPLES)  # short paths: a file's path is one word, which no width may break


def words(text):
    """The words of a screen, whatever its width: drawn rules and help bars are not words."""
    return [w for w in text.split() if not RULES.match(w)]


def screen(runner, args, width, typed=None):
    result = runner.invoke(cli, args, env={"COLUMNS": str(width)}, input=typed)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.stdout


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_every_reading_fits_40_columns_without_a_broken_word(runner, example):
    narrow = screen(runner, ["analyze", example], 40)
    assert max(map(len, narrow.splitlines())) <= 40
    assert words(narrow) == words(screen(runner, ["analyze", example], 120))


def test_a_whole_consultation_fits_40_columns_without_a_broken_word(runner):
    narrow = screen(runner, ["consult"], 40, CONSULTATION)
    assert max(map(len, narrow.splitlines())) <= 40
    assert words(narrow) == words(screen(runner, ["consult"], 120, CONSULTATION))


def test_the_help_bar_runs_down_every_line_of_its_block(runner):
    narrow = screen(runner, ["analyze", "safety-self-harm.toml"], 30)
    block = narrow.split("\n\n")[1].splitlines()
    assert len(block) > 5 and all(line.startswith("┃") for line in block), block
    assert max(map(len, narrow.splitlines())) <= 30


@pytest.mark.parametrize("columns, width", [("10", MIN_WIDTH), ("30", 30), ("45", 45), ("500", 120)])
def test_a_narrow_terminal_is_laid_out_for_30_columns(monkeypatch, columns, width):
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width() == width == Page(width, False, True).width
