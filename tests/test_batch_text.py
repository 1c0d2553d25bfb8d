"""What ``exsplain batch`` shows people: titles and labels, never ids; tables that fit; whole labels."""
import json
import re

import pytest

from exsplain.cli.main import cli

from conftest import EXAMPLES, ROOT, example

SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("summary", [[], ["--summary"]], ids=["rows", "summary"])
def test_batch_text_speaks_in_labels_not_ids(runner, summary, width):
    result = runner.invoke(cli, ["batch", "--jobs", "1", *summary, str(EXAMPLES)], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    assert not SNAKE_CASE.findall(result.stdout)
    assert max(map(len, result.stdout.splitlines())) <= width


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_rows_show_the_title_and_labels_whole_in_a_table_or_a_list(runner, kb, width, monkeypatch):
    monkeypatch.chdir(ROOT)  # file names as a coach types them: examples/...
    result = runner.invoke(cli, ["batch", "--jobs", "1", "examples"], env={"COLUMNS": str(width)})
    rows = [json.loads(line) for line in
            runner.invoke(cli, ["batch", "--jobs", "1", "--format", "jsonl", "examples"]).stdout.splitlines()]
    out = result.stdout
    words = set(out.split())
    for row in rows:
        case = kb.vocabulary.load(row["file"])
        labels = kb.labels(kb.catalog.wording(case))
        for text in (case.title, row["file"], labels[row["top_motive"]], labels[row["first_action"]]):
            assert set(text.split()) <= words, f"a word of {text!r} was broken at {width} columns"
    assert "examples/co-parents.toml" in out and "She cries at the children's handovers" in out
    if width == 120:
        assert out.startswith("Case ") and "First thing to do" in out.splitlines()[0]
    else:
        assert "  Likeliest reason: Guilt for hurting you (possible)\n" in out


def test_an_invalid_file_is_told_in_its_row_in_words(runner, tmp_path):
    (tmp_path / "good.toml").write_text('title = "Good"\n[breakup]\nended_by = "me"\n')
    (tmp_path / "bad.json").write_text('{"ex": {"cries_easily": "often"}}')
    result = runner.invoke(cli, ["batch", str(tmp_path)], env={"COLUMNS": "80"})
    assert result.exit_code == 2
    assert f"{tmp_path / 'bad.json'}\n  Could not be read: ex.cries_easily: expected true or false" in result.stdout
    assert result.stderr == "Error: 1 of 2 cases are invalid (their rows say why)\n"


@pytest.mark.parametrize("output_format", ["table", "csv", "json", "jsonl"])
def test_the_overview_names_each_invalid_file_with_its_error(runner, tmp_path, output_format):
    (tmp_path / "good.toml").write_text('[breakup]\nended_by = "me"\n')
    (tmp_path / "bad.json").write_text('{"ex": {"cries_easily": "often"}}')
    (tmp_path / "sheet.csv").write_text("breakup.ended_by\nnobody\n")
    result = runner.invoke(cli, ["batch", "--summary", "--format", output_format, str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'bad.json'}: ex.cries_easily: expected true or false, got text 'often'",
        f"{tmp_path / 'sheet.csv'}, row 2: breakup.ended_by: 'nobody' is not allowed (allowed: me | ex | mutual)",
        "Error: 2 of 3 cases are invalid and were not counted",
    ]
    assert "error column" not in result.stderr


BAR = re.compile(r"^  (\S.*?) +\d+ [#.]+ +\d+%$")


@pytest.mark.parametrize("width", [60, 80])
def test_overview_bars_keep_whole_labels(runner, width):
    counts = json.loads(runner.invoke(cli, ["batch", "--summary", "--format", "json", str(EXAMPLES)]).stdout)["counts"]
    text = runner.invoke(cli, ["batch", "--summary", str(EXAMPLES)], env={"COLUMNS": str(width)}).stdout
    labels: list[str] = []
    for line in text.splitlines():
        bar = BAR.match(line)
        if bar:
            labels.append(bar.group(1))
        elif line.startswith("    ") and labels:
            labels[-1] += " " + line.strip()
    assert labels == [c["label"] for c in counts]


def test_a_spreadsheet_row_shows_its_title(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clients.csv").write_text("title,breakup.ended_by\nAnna's case,me\n", encoding="utf-8")
    result = runner.invoke(cli, ["batch", "clients.csv", example("co-parents.toml")], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Anna's case\n  clients.csv, row 2\n  Likeliest reason: ")


@pytest.mark.parametrize("command", [["analyze"], ["explain", "--format", "json"], ["whatif"]])
def test_a_spreadsheet_given_as_a_case_file_points_to_batch_and_convert(runner, tmp_path, command):
    sheet = tmp_path / "eve.CSV"
    sheet.write_text("title,breakup.ended_by,ex.cries.often.really\nEve,me,\n", encoding="utf-8")
    args = [*command, str(sheet)] + (["guilt"] if command[0] == "explain" else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {sheet}: {command[0]} reads case files in TOML or JSON; "
                             "batch and convert read spreadsheets\n")
