"""``exsplain analyze`` through click's runner and through the installed command."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exsplain.cli.main import all_commands, cli

from conftest import example, example_files

PLEA = example("ended-by-me-plea.toml")
REPORT_KEYS = ["schema", "case", "region", "safety", "first_action", "caveats", "motives", "insights", "actions",
               "withheld", "warnings", "unanswered", "questions", "trace"]


def exsplain_command():
    """The installed console script next to this interpreter."""
    script = Path(sys.executable).with_name("exsplain")
    return str(script) if script.exists() else shutil.which("exsplain")


installed = pytest.mark.skipif(exsplain_command() is None, reason="exsplain is not installed")


def test_text_report_opens_with_help_and_has_every_section(runner):
    result = runner.invoke(cli, ["analyze", example("safety-self-harm.toml")])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    headings = ["He talks about hurting himself", "Help first", "Why your ex may be crying",
                "What the tears do and do not mean", "What you could do", "Advice held back for now",
                "Answers to look at again", "Questions that could change this reading", "Sources"]
    positions = [out.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Samaritans: call 116 123" in out
    assert "\x1b[" not in out, "no colour when output is not a terminal"


def test_trace_flag_adds_the_steps(runner):
    plain = runner.invoke(cli, ["analyze", PLEA], env={"COLUMNS": "120"})
    traced = runner.invoke(cli, ["analyze", "--trace", PLEA], env={"COLUMNS": "120"})
    assert "step by step" not in plain.stdout
    assert traced.stdout.startswith(plain.stdout.rstrip("\n"))
    assert "Evidence for “A hope that you will change your mind”, weight 0.40. Now 0.40" in traced.stdout


def test_sources_flag_lists_every_source_in_full(runner):
    result = runner.invoke(cli, ["analyze", "--sources", PLEA])
    assert "Sources in full" in result.stdout
    assert "“Why he cried when you broke up”, paragraphs 11 to 14" in " ".join(result.stdout.split())


def test_json_report_follows_the_contract(runner, kb):
    result = runner.invoke(cli, ["analyze", "--format", "json", PLEA])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert list(report) == REPORT_KEYS
    assert report["schema"] == 3 and report["region"] == {"code": "GB", "name": "United Kingdom", "known": True}
    assert report["case"] == {"title": "He cried when I ended it and asked for another chance", "path": PLEA}
    for motive in report["motives"]:
        assert set(motive) == {"id", "certainty", "band", "label", "explanation", "because", "evidence", "sources",
                               "shown"}
        assert motive["certainty"] > 0 and motive["because"]
        assert all("." not in line.split()[0] for line in motive["because"]), "plain words, not field paths"
    order = [c.id for c in kb.catalog.conclusions]
    keys = [(-m["certainty"], order.index(m["id"])) for m in report["motives"]]
    assert keys == sorted(keys), "most certain first, ties in the catalog's order"
    assert all(set(a) == {"id", "priority", "theme", "label", "advice", "because", "sources"} for a in report["actions"])
    keys = [(a["priority"], order.index(a["id"])) for a in report["actions"]]
    assert keys == sorted(keys), "by priority, then in the catalog's order"
    assert [q["field"] for q in report["questions"]] == report["unanswered"]
    assert report["safety"]["answered"] is False and report["safety"]["resources"]
    assert [t["step"] for t in report["trace"]] == list(range(1, len(report["trace"]) + 1))


def test_several_cases_give_a_json_list(runner):
    paths = [str(p) for p in example_files()[:3]]
    reports = json.loads(runner.invoke(cli, ["analyze", "--format", "json", *paths]).stdout)
    assert [r["case"]["path"] for r in reports] == paths


def test_the_same_case_always_gives_the_same_report(runner):
    first = runner.invoke(cli, ["analyze", "--format", "json", PLEA]).stdout
    second = runner.invoke(cli, ["analyze", "--format", "json", PLEA]).stdout
    assert first == second


@pytest.mark.parametrize("option, environment, region", [
    (["--region", "us"], {}, "US"),
    ([], {"EXSPLAIN_REGION": "AU"}, "AU"),
    ([], {"EXSPLAIN_REGION": None, "LC_ALL": None, "LANG": "en_NZ.UTF-8"}, "NZ"),
    ([], {"EXSPLAIN_REGION": None, "LC_ALL": "C.UTF-8"}, "other"),
    (["--region", "FR"], {}, "FR"),
    (["--region", "uk"], {}, "GB"),
    (["--region", "XX"], {}, "other"),
    (["--region", "LU"], {}, "EU"),
])
def test_region_comes_from_the_option_the_environment_or_the_locale(runner, option, environment, region):
    result = runner.invoke(cli, ["analyze", "--format", "json", *option, PLEA], env=environment)
    report = json.loads(result.stdout)
    assert report["region"]["code"] == region


def test_a_region_that_is_no_country_code_is_refused(runner):
    result = runner.invoke(cli, ["analyze", "--region", "Mars", PLEA])
    assert result.exit_code == 2
    assert result.stderr == "Error: --region Mars: expected a two-letter country code such as GB or US\n"


def test_unknown_format_is_a_one_line_usage_error(runner):
    result = runner.invoke(cli, ["analyze", "--format", "yaml", PLEA], prog_name="exsplain")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: Invalid value for '--format': 'yaml' is not one of 'text', 'json', 'markdown', 'dot'.",
        "Try 'exsplain analyze --help' for help.",
    ]


def test_every_command_has_help_with_examples(runner):
    for name, command in all_commands().items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert command.help and "Examples:" in result.stdout, name


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("exsplain, version ")


@installed
def test_installed_help_and_version_match_click(runner):
    for args in (["--help"], ["--version"], ["analyze", "--help"]):
        done = subprocess.run([exsplain_command(), *args], capture_output=True, text=True,
                              env={**os.environ, "COLUMNS": "80"})
        assert done.returncode == 0
        assert done.stdout == runner.invoke(cli, args, prog_name="exsplain", terminal_width=78).stdout


@installed
def test_installed_entry_point_analyzes_and_fails_cleanly(tmp_path):
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([exsplain_command(), "analyze", "--format", "json", PLEA], capture_output=True, text=True,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["motives"][0]["id"] == "grief"
    bad = tmp_path / "bad.toml"
    bad.write_text('[breakup]\nended_by = "nobody"\n', encoding="utf-8")
    done = subprocess.run([exsplain_command(), "analyze", str(bad)], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert done.stderr == f"Error: {bad}: breakup.ended_by: 'nobody' is not allowed (allowed: me | ex | mutual)\n"


def test_markdown_report_opens_with_help_and_draws_a_flowchart(runner):
    result = runner.invoke(cli, ["analyze", "--format", "markdown", example("safety-threats.toml")])
    assert result.exit_code == 0
    out = result.stdout
    for section in ("# Threats after the breakup", "> ## Help first", "## The situation", "## Why your ex may be crying",
                    "## What the tears do and do not mean", "## What you could do", "### Advice held back for now",
                    "## Open questions", "## How the reading was reached", "## Sources"):
        assert section + "\n" in out, section
    assert out.index("Help first") < out.index("## The situation")
    assert "- Who ended the relationship? **my ex did**" in out
    assert "```mermaid\nflowchart LR\n" in out
    assert "/".join(("..", "shared")) not in out and "seeds" not in out
