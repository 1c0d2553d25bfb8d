"""``exsplain analyze`` through click's runner and through the installed command."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import cli
from conftest import EXAMPLES, example_files

PLEA = str(EXAMPLES / "ended-by-me-plea.toml")


def exsplain_command():
    """The installed console script next to this interpreter."""
    script = Path(sys.executable).with_name("exsplain")
    return str(script) if script.exists() else shutil.which("exsplain")


def test_text_report_has_every_section(runner):
    result = runner.invoke(cli, ["analyze", str(EXAMPLES / "safety-self-harm.toml")])
    assert result.exit_code == 0, result.stderr
    for heading in (
        "Case: He talks about hurting himself",
        "Why your ex cries (most likely first)",
        "What the tears mean",
        "What to do",
        "Advice held back for safety",
        "Unanswered questions that could change this reading",
    ):
        assert heading in result.stdout
    assert "Get urgent help" in result.stdout
    assert "\x1b[" not in result.stdout, "no colour when output is not a terminal"


def test_trace_flag_adds_the_trace(runner):
    plain = runner.invoke(cli, ["analyze", PLEA])
    traced = runner.invoke(cli, ["analyze", "--trace", PLEA])
    assert "Trace" not in plain.stdout
    assert "plea_when_i_ended_it" in traced.stdout
    assert traced.stdout.startswith(plain.stdout.rstrip("\n"))


def test_json_report_follows_the_contract(runner):
    result = runner.invoke(cli, ["analyze", "--format", "json", PLEA])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert list(report) == ["schema", "case", "motives", "insights", "actions", "withheld", "warnings", "unanswered", "trace"]
    assert report["schema"] == 1
    assert report["case"] == {"title": "He cried when I ended it and asked for another chance", "path": PLEA}
    for motive in report["motives"]:
        assert set(motive) == {"id", "certainty", "band", "label", "explanation", "evidence", "sources"}
        assert motive["certainty"] > 0
        for evidence in motive["evidence"]:
            assert set(evidence) == {"rule", "certainty", "facts"}
    keys = [(-m["certainty"], m["id"]) for m in report["motives"]]
    assert keys == sorted(keys)
    assert all(set(i) == {"id", "label", "text", "rule", "sources"} for i in report["insights"])
    assert all(set(a) == {"id", "priority", "label", "advice", "because", "sources"} for a in report["actions"])
    priorities = [(a["priority"], a["id"]) for a in report["actions"]]
    assert priorities == sorted(priorities)
    assert [t["step"] for t in report["trace"]] == list(range(1, len(report["trace"]) + 1))
    assert all(set(t) == {"step", "rule", "matched", "declared"} for t in report["trace"])


def test_several_cases_give_a_json_list(runner):
    paths = [str(p) for p in example_files()[:3]]
    result = runner.invoke(cli, ["analyze", "--format", "json", *paths])
    reports = json.loads(result.stdout)
    assert [r["case"]["path"] for r in reports] == paths


def test_the_same_case_always_gives_the_same_report(runner):
    first = runner.invoke(cli, ["analyze", "--format", "json", "--trace", PLEA]).stdout
    second = runner.invoke(cli, ["analyze", "--format", "json", "--trace", PLEA]).stdout
    assert first == second


def test_pronoun_is_used_in_the_wording(runner):
    result = runner.invoke(cli, ["analyze", "--format", "json", str(EXAMPLES / "dumped-struggling-ex.toml")])
    labels = [m["label"] for m in json.loads(result.stdout)["motives"]]
    assert "Struggles of her own" in labels


def test_unknown_format_is_a_usage_error(runner):
    result = runner.invoke(cli, ["analyze", "--format", "yaml", PLEA])
    assert result.exit_code == 2
    assert "'yaml' is not one of 'text', 'json'" in result.stderr


def test_every_command_has_help_with_examples(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert command.help and "Examples:" in result.stdout, name


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("exsplain, version ")


@pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")
def test_installed_help_and_version_match_click(runner):
    for args in (["--help"], ["--version"], ["analyze", "--help"]):
        done = subprocess.run([exsplain_command(), *args], capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"})
        assert done.returncode == 0
        assert done.stdout == runner.invoke(cli, args, prog_name="exsplain", terminal_width=78).stdout


@pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")
def test_installed_entry_point_analyzes_and_fails_cleanly(tmp_path):
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([exsplain_command(), "analyze", "--format", "json", PLEA], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["motives"][0]["id"] == "plea_to_reconsider"

    bad = tmp_path / "bad.toml"
    bad.write_text('[breakup]\nended_by = "nobody"\n', encoding="utf-8")
    done = subprocess.run([exsplain_command(), "analyze", str(bad)], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert done.stderr == (
        f"Error: {bad}: breakup.ended_by: 'nobody' is not allowed (allowed: me | ex | mutual)\n"
    )
