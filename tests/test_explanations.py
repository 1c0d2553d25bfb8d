"""The explanation facility: trace, how, why not, DOT graphs, Markdown, catalog."""
import json
import shutil
import subprocess

import pydot
import pytest

from cli.main import cli
from conftest import EXAMPLES, analysed, example_files
from expert.certainty import combine_all
from expert.explain import explain
from expert.relevance import HOLDS

PLEA = str(EXAMPLES / "ended-by-me-plea.toml")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_trace_lists_every_rule_whose_conditions_hold_in_salience_order(kb, path):
    case, inference, report = analysed(kb, path)
    holding = {r.name for r in kb.rules if kb.judge.rule(r, case, inference.certainty).status == HOLDS}
    assert {t["rule"] for t in report["trace"]} == holding
    saliences = [kb.rule_by_name[t["rule"]].salience for t in report["trace"]]
    assert saliences == sorted(saliences, reverse=True), "safety, then evidence, then conclusions"
    assert [t["step"] for t in report["trace"]] == list(range(1, len(report["trace"]) + 1))


def test_trace_command_as_table_and_json(runner, kb):
    table = runner.invoke(cli, ["trace", PLEA])
    assert table.exit_code == 0
    assert "plea_with_request_to_return" in table.stdout and "+0.40" in table.stdout
    as_json = json.loads(runner.invoke(cli, ["trace", "--format", "json", PLEA]).stdout)
    assert as_json == analysed(kb, PLEA)[2]["trace"]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_how_tree_weights_combine_to_the_reported_certainty(kb, path):
    case, inference, report = analysed(kb, path)
    for motive in report["motives"]:
        tree = explain(kb, case, inference, motive["id"])
        weights = [step["weight"] for step in tree["how"]]
        assert combine_all(weights) == motive["certainty"]
        assert tree["how"][-1]["running"] == motive["certainty"]
        assert [s["rule"] for s in tree["how"]] == [e["rule"] for e in motive["evidence"]]


def test_how_of_an_action_includes_the_motive_behind_it(kb):
    case, inference, _ = analysed(kb, PLEA)
    tree = explain(kb, case, inference, "dont_return_out_of_pity")
    assert tree["reached"]
    nested = tree["how"][0]["because"][0]
    assert nested["id"] == "plea_to_reconsider" and nested["certainty"] == 0.64


def test_why_not_names_the_answer_that_rules_a_motive_out(kb):
    case, inference, _ = analysed(kb, EXAMPLES / "dumped-resentful-ex.toml")
    tree = explain(kb, case, inference, "plea_to_reconsider")
    assert not tree["reached"]
    failed = [f for rule in tree["why_not"] for f in rule["failed"]]
    assert {"condition": "breakup.ended_by = me", "given": "breakup.ended_by = ex"} in failed
    assert all(rule["failed"] for rule in tree["why_not"])


def test_why_not_names_the_question_for_an_unknown_motive(kb):
    case, inference, _ = analysed(kb, PLEA)
    tree = explain(kb, case, inference, "learned_manipulation")
    assert tree["why_not"] == [
        {
            "rule": "tears_worked_before",
            "weight": 0.6,
            "failed": [],
            "unknown": [
                {
                    "condition": "ex.used_tears_before = true",
                    "question": "Did tears get your ex his way in earlier relationships?",
                }
            ],
            "sources": ["000 ¶26–29", "001 ¶34"],
        }
    ]


def test_withheld_action_is_explained_by_its_safety_rule(runner):
    result = runner.invoke(cli, ["explain", str(EXAMPLES / "safety-self-harm.toml"), "go_no_contact"])
    assert result.exit_code == 0
    assert "action go_no_contact (Step back from contact): withheld" in result.stdout
    assert "withheld by safety rule self_harm_talk" in result.stdout


def test_explain_text_shows_running_certainty(runner):
    result = runner.invoke(cli, ["explain", PLEA, "plea_to_reconsider"])
    assert result.exit_code == 0
    assert "step 1: plea_with_request_to_return +0.40 -> 0.40" in result.stdout
    assert "plea_when_i_ended_it +0.40 -> 0.64" in result.stdout


def test_unknown_id_names_the_closest(runner):
    result = runner.invoke(cli, ["explain", PLEA, "gilt"])
    assert result.exit_code == 2
    assert result.stderr == "Error: gilt: unknown conclusion id (closest: guilt)\n"


def parse_dot(text):
    graphs = pydot.graph_from_dot_data(text)
    assert graphs, "pydot could not parse the DOT output"
    return graphs


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_analyze_dot_parses_and_links_answers_to_conclusions(runner, kb, path):
    result = runner.invoke(cli, ["analyze", "--format", "dot", str(path)])
    assert result.exit_code == 0
    (graph,) = parse_dot(result.stdout)
    nodes = {n.get_name().strip('"') for n in graph.get_nodes()}
    report = analysed(kb, path)[2]
    assert {f"motive:{m['id']}" for m in report["motives"]} <= nodes
    assert {f"rule:{t['rule']}" for t in report["trace"]} <= nodes


def test_explain_dot_holds_only_the_firings_behind_the_conclusion(runner):
    result = runner.invoke(cli, ["explain", "--format", "dot", PLEA, "dont_return_out_of_pity"])
    (graph,) = parse_dot(result.stdout)
    rules = {n.get_name().strip('"') for n in graph.get_nodes() if n.get_name().startswith('"rule:')}
    assert rules == {"rule:pity_plea", "rule:plea_with_request_to_return", "rule:plea_when_i_ended_it"}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_dot_renders_to_png(runner, tmp_path):
    dot_text = runner.invoke(cli, ["analyze", "--format", "dot", PLEA]).stdout
    png = tmp_path / "graph.png"
    subprocess.run(["dot", "-Tpng", "-o", str(png)], input=dot_text, text=True, check=True)
    assert png.read_bytes().startswith(b"\x89PNG")


def test_markdown_report_has_every_section(runner):
    result = runner.invoke(cli, ["analyze", "--format", "markdown", str(EXAMPLES / "safety-threats.toml")])
    assert result.exit_code == 0
    for section in ("# Threats after the breakup", "## The situation", "## The reading",
                    "## What it does and does not mean", "## What to do", "## Open questions", "## Sources"):
        assert section + "\n" in result.stdout
    assert "- Who ended the relationship? **my ex did**" in result.stdout
    assert "Held back for safety" in result.stdout


def test_catalog_lists_every_id_and_rule(runner, kb):
    for section, ids in (
        ("motives", kb.catalog.hypotheses),
        ("insights", kb.catalog.findings),
        ("actions", kb.catalog.recommendations),
        ("rules", kb.rule_by_name),
        ("questions", kb.question_order),
    ):
        result = runner.invoke(cli, ["catalog", section])
        assert result.exit_code == 0
        listed = {line.split()[0] for line in result.stdout.splitlines()[2:] if line and not line.startswith(" ")}
        assert set(ids) <= listed, section
