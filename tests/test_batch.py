"""``exsplain batch``, engine reuse, and a start-up that loads nothing it does not need."""
import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from cli.main import cli
from conftest import EXAMPLES, example_files


def test_batch_prints_a_row_per_example(runner):
    result = runner.invoke(cli, ["batch", "--jobs", "1", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()[2:]
    assert [row.split()[0] for row in rows] == [str(p) for p in example_files()]
    assert result.stderr == "", "no progress bar when stderr is not a terminal"


def test_broken_file_is_reported_in_its_row_and_exits_2(runner, tmp_path):
    (tmp_path / "good.toml").write_text('[breakup]\nended_by = "me"\n')
    (tmp_path / "bad.json").write_text('{"ex": {"cries_easily": "often"}}')
    (tmp_path / "notes.txt").write_text("not a case file, not picked up")
    result = runner.invoke(cli, ["batch", "--format", "jsonl", str(tmp_path)])
    assert result.exit_code == 2
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(tmp_path / "bad.json"), str(tmp_path / "good.toml")]
    assert rows[0]["error"] == "ex.cries_easily: expected true or false, got text 'often'"
    assert rows[1]["error"] is None and rows[1]["top_motive"] == "plea_to_reconsider"
    assert result.stderr == "Error: 1 of 2 case files are invalid (see the error column)\n"


def test_output_order_is_input_order_whatever_the_jobs(runner):
    paths = [str(p) for p in reversed(example_files())]
    one = runner.invoke(cli, ["batch", "--jobs", "1", "--format", "jsonl", *paths])
    two = runner.invoke(cli, ["batch", "--jobs", "2", "--format", "jsonl", *paths])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert [json.loads(line)["file"] for line in two.stdout.splitlines()] == paths


def test_csv_has_a_header_and_a_row_per_case(runner):
    result = runner.invoke(cli, ["batch", "--format", "csv", str(EXAMPLES / "ended-by-me-plea.toml")])
    assert result.stdout.splitlines() == [
        "file,top_motive,certainty,first_action,warnings,error",
        f"{EXAMPLES / 'ended-by-me-plea.toml'},plea_to_reconsider,0.64,dont_return_out_of_pity,0,",
    ]


def test_jobs_must_be_positive(runner):
    result = runner.invoke(cli, ["batch", "--jobs", "0", str(EXAMPLES)])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


@settings(max_examples=10)
@given(st.permutations(example_files()))
def test_reused_engine_gives_the_same_report_as_a_fresh_one(kb, order):
    from knowledge.base import ExsplainEngine

    for path in order:
        case = kb.vocabulary.load(path)
        assert kb.report(case) == kb.report(case, engine=ExsplainEngine())


def test_stored_root_help_is_clicks_own_rendering():
    from cli.launch import ROOT_HELP, root_help

    with open(ROOT_HELP, encoding="utf-8") as stream:
        assert stream.read() == root_help(), "the commands changed: run `make root-help`"


def test_entry_point_fast_path_loads_neither_click_nor_the_engine():
    probe = (
        "import sys\n"
        "from cli.launch import main\n"
        "for args in (['--help'], ['--version']):\n"
        "    sys.argv[1:] = args\n"
        "    main()\n"
        "print(sorted(m for m in ('click', 'experta', 'tabulate', 'knowledge') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "Usage: exsplain [OPTIONS] COMMAND [ARGS]..."
    assert "exsplain, version 0.1.0" in lines
    assert lines[-1] == "[]"


def test_help_and_version_through_click_do_not_load_the_engine():
    probe = (
        "import sys\n"
        "from cli.main import cli\n"
        "for args in (['--help'], ['--version']):\n"
        "    try:\n"
        "        cli(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('experta', 'tabulate', 'knowledge', 'tomllib') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
