"""``exsplain batch``: rows, spreadsheets in, an overview out, engine reuse, a quick start-up."""
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exsplain.cli.main import cli

from conftest import EXAMPLES, example, example_files


def rows_of(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_batch_prints_a_row_per_example_in_input_order(runner):
    result = runner.invoke(cli, ["batch", "--jobs", "1", "--format", "jsonl", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    assert [r["file"] for r in rows_of(result)] == [str(p) for p in example_files()]
    assert result.stderr == "", "no progress bar when stderr is not a terminal"


def test_rows_are_rounded_with_a_band_and_the_first_action_by_priority(runner):
    result = runner.invoke(cli, ["batch", "--format", "csv", example("ended-by-me-plea.toml"), example("co-parents.toml")])
    assert result.stdout.splitlines() == [
        "file,top_motive,certainty,band,first_action,warning_count,error",
        f"{example('ended-by-me-plea.toml')},grief,0.52,possible,trust_your_decision,1,",  # before pity: catalog order
        f"{example('co-parents.toml')},guilt,0.52,possible,reassure_then_ask_for_space,0,",
    ]
    struggling = rows_of(runner.invoke(cli, ["batch", "--format", "jsonl", example("dumped-struggling-ex.toml")]))[0]
    assert struggling["certainty"] == 0.82 and struggling["band"] == "likely"
    safety = rows_of(runner.invoke(cli, ["batch", "--format", "jsonl", example("safety-abuse-and-pressure.toml")]))[0]
    assert safety["first_action"] == "put_your_safety_first", "urgent advice first, in the order of danger"


def test_a_broken_file_is_reported_in_its_row_and_exits_2(runner, tmp_path):
    (tmp_path / "good.TOML").write_text('[breakup]\nended_by = "me"\n')
    (tmp_path / "bad.json").write_text('{"ex": {"cries_easily": "often"}}')
    (tmp_path / "notes.txt").write_text("not a case file, not picked up")
    result = runner.invoke(cli, ["batch", "--format", "jsonl", str(tmp_path)])
    assert result.exit_code == 2
    rows = rows_of(result)
    assert [r["file"] for r in rows] == [str(tmp_path / "bad.json"), str(tmp_path / "good.TOML")]
    assert rows[0]["error"] == "ex.cries_easily: expected true or false, got text 'often'"
    assert rows[1]["error"] is None and rows[1]["top_motive"] == "plea_to_reconsider"
    assert result.stderr == "Error: 1 of 2 cases are invalid (see the error column)\n"


def test_a_spreadsheet_gives_a_case_per_row_and_names_a_bad_row(runner, tmp_path):
    sheet = tmp_path / "clients.csv"
    sheet.write_text("title,breakup.ended_by,ex.stressors,safety.threats_or_abuse\n"
                     "Anna,me,,no\n"
                     "Ben,ex,work;depression,\n"
                     "Cleo,nobody,,\n", encoding="utf-8")
    result = runner.invoke(cli, ["batch", "--format", "jsonl", str(sheet)])
    assert result.exit_code == 2
    rows = rows_of(result)
    assert [r["file"] for r in rows] == [f"{sheet}, row {n}" for n in (2, 3, 4)]
    assert rows[1]["top_motive"] == "personal_struggles"
    assert rows[2]["error"] == "breakup.ended_by: 'nobody' is not allowed (allowed: me | ex | mutual)"


def test_the_overview_counts_motives_and_advice_across_cases_safety_first(runner, kb):
    result = runner.invoke(cli, ["batch", "--summary", "--format", "json", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    overview = json.loads(result.stdout)
    reports = [kb.report(kb.vocabulary.load(p), "GB") for p in example_files()]
    counts = {(c["section"], c["id"]): c["cases"] for c in overview["counts"]}
    assert overview["counts"][0]["id"] == "help_first"
    assert counts[("safety", "help_first")] == sum(r["safety"]["help_first"] for r in reports)
    assert counts[("motives", "guilt")] == sum(any(m["id"] == "guilt" and m["band"] != "unlikely"
                                                   for m in r["motives"]) for r in reports)
    assert counts[("actions", "go_no_contact")] == sum("go_no_contact" in {a["id"] for a in r["actions"]}
                                                       for r in reports)
    text = runner.invoke(cli, ["batch", "--summary", str(EXAMPLES)], env={"COLUMNS": "60"})
    assert max(map(len, text.stdout.splitlines())) <= 60


def test_output_order_is_input_order_whatever_the_jobs(runner):
    paths = [str(p) for p in reversed(example_files())]
    one = runner.invoke(cli, ["batch", "--jobs", "1", "--format", "jsonl", *paths])
    two = runner.invoke(cli, ["batch", "--jobs", "2", "--format", "jsonl", *paths])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_jobs_must_be_positive_and_are_capped(runner):
    result = runner.invoke(cli, ["batch", "--jobs", "0", str(EXAMPLES)])
    assert result.exit_code == 2 and "--jobs" in result.stderr
    huge = runner.invoke(cli, ["batch", "--jobs", "99999999999999999999", "--format", "jsonl",
                               example("co-parents.toml")])
    assert huge.exit_code == 0 and len(rows_of(huge)) == 1


@pytest.fixture(scope="module")
def fresh_reports(kb):
    """Each example's report from an engine built for it alone."""
    from exsplain.knowledge.base import ExsplainEngine

    return {p: kb.report(kb.vocabulary.load(p), "GB", engine=ExsplainEngine()) for p in example_files()}


@settings(max_examples=10)
@given(st.permutations(example_files()))
def test_reused_engine_gives_the_same_report_as_a_fresh_one_in_any_order(kb, fresh_reports, order):
    for path in order:
        assert kb.report(kb.vocabulary.load(path), "GB") == fresh_reports[path]


def test_stored_root_help_is_clicks_own_rendering():
    from exsplain.cli.launch import ROOT_HELP, root_help

    with open(ROOT_HELP, encoding="utf-8") as stream:
        assert stream.read() == root_help(), "the commands changed: run `make golden`"


def test_entry_point_fast_path_loads_neither_click_nor_the_engine():
    probe = (
        "import sys\n"
        "from exsplain.cli.launch import main\n"
        "for args in (['--help'], ['--version']):\n"
        "    sys.argv[1:] = args\n"
        "    main()\n"
        "print(sorted(m for m in ('click', 'experta', 'tabulate', 'exsplain.knowledge') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "Usage: exsplain [OPTIONS] COMMAND [ARGS]..."
    assert "exsplain, version 0.2.0" in lines
    assert lines[-1] == "[]"


def test_help_and_version_through_click_do_not_load_the_engine():
    probe = (
        "import sys\n"
        "from exsplain.cli.main import cli\n"
        "for args in (['--help'], ['--version'], ['analyze', '--help']):\n"
        "    try:\n"
        "        cli(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('experta', 'tabulate', 'exsplain.knowledge', 'tomllib') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_toml_case_analyzed_as_text_does_not_load_json():
    """Start-up is most of a single analysis: json is imported only for JSON, as tomllib only for TOML."""
    probe = (
        "import sys\n"
        "from exsplain.cli.main import cli\n"
        "try:\n"
        f"    cli(['analyze', {str(next(EXAMPLES.glob('*.toml')))!r}])\n"
        "except SystemExit as stop:\n"
        "    print('exit', stop.code, 'json' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "exit 0 False"
