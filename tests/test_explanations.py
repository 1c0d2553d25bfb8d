"""The explanation facility: trace, how, why not, graphs (DOT and Mermaid), catalog."""
import json
import re
import shutil
import subprocess

import pydot
import pytest

from exsplain.cli.main import cli
from exsplain.expert.certainty import combine_all
from exsplain.expert.explain import explain
from exsplain.expert.graph import derivation, to_mermaid
from exsplain.expert.relevance import HOLDS

from conftest import analysis_of, example, example_files

PLEA = example("ended-by-me-plea.toml")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_trace_lists_every_rule_whose_conditions_hold_in_salience_order(kb, path):
    analysis = analysis_of(kb, path)
    holding = {r.name for r in kb.rules if not hasattr(r, "findings")
               and kb.judge.rule(r, analysis.case, analysis.inference.certainty).status == HOLDS}
    traced = [t["rule"] for t in analysis.report["trace"]]
    assert {name for name in traced if name in kb.rule_by_name and not hasattr(kb.rule_by_name[name], "findings")} \
        == holding
    saliences = [kb.rule_by_name[name].salience for name in traced]
    assert saliences == sorted(saliences, reverse=True), "safety, then evidence, then conclusions, then reviews"


def test_trace_command_in_words_and_as_json(runner, kb):
    table = runner.invoke(cli, ["trace", PLEA], env={"COLUMNS": "120"})
    assert table.exit_code == 0
    assert "Evidence for “A hope that you will change your mind”, weight 0.40. Now 0.40" in table.stdout
    assert "breakup.ended_by" not in table.stdout, "field ids stay in JSON"
    as_json = json.loads(runner.invoke(cli, ["trace", "--format", "json", PLEA]).stdout)
    assert as_json == analysis_of(kb, PLEA).report["trace"]
    assert as_json[0]["rule"] == "plea_with_request_to_return"


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_how_tree_weights_combine_to_the_reported_certainty(kb, path):
    analysis = analysis_of(kb, path)
    for motive in analysis.report["motives"]:
        tree = explain(kb, analysis, kb.conclusion(motive["id"]))
        weights = [step["weight"] for step in tree["how"]]
        assert combine_all(weights) == motive["certainty"]
        assert tree["how"][-1]["running"] == motive["certainty"]
        assert [s["rule"] for s in tree["how"]] == [e["rule"] for e in motive["evidence"]]


def test_how_of_an_action_includes_the_motive_behind_it(kb):
    analysis = analysis_of(kb, PLEA)
    tree = explain(kb, analysis, kb.conclusion("dont_return_out_of_pity"))
    assert tree["reached"]
    nested = tree["how"][0]["beliefs"][0]
    assert nested["id"] == "plea_to_reconsider" and nested["certainty"] == 0.52


def test_why_not_names_the_answer_that_rules_a_motive_out(kb):
    analysis = analysis_of(kb, example("dumped-resentful-ex.toml"))
    tree = explain(kb, analysis, kb.conclusion("plea_to_reconsider"))
    assert not tree["reached"]
    failed = [f for rule in tree["why_not"] for f in rule["failed"]]
    assert {"condition": "breakup.ended_by = me", "needs": "you ended it", "given": "breakup.ended_by = ex",
            "answer": "your ex ended it"} in failed


def test_why_not_names_the_question_for_an_unknown_motive(kb):
    tree = explain(kb, analysis_of(kb, PLEA), kb.conclusion("learned_manipulation"))
    assert tree["why_not"] == [{
        "rule": "tears_worked_before", "weight": 0.6, "failed": [],
        "unknown": [{"condition": "ex.used_tears_before = true", "needs": "tears have got your ex his way before",
                     "question": "Have tears got your ex his way in earlier relationships?"}],
        "sources": ["000 ¶26–28"],
    }]


def test_withheld_action_is_explained_by_its_safety_rule_in_words(runner):
    result = runner.invoke(cli, ["explain", example("safety-self-harm.toml"), "Step back from contact"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Step back from contact: held back for now."
    assert "Held back by a safety rule:" in lines
    assert "self_harm" not in result.stdout


def test_explain_accepts_an_id_a_label_or_an_unambiguous_beginning(runner):
    for name in ("plea_to_reconsider", "A hope that you will change your mind", "a hope", "plea_to"):
        result = runner.invoke(cli, ["explain", PLEA, name])
        assert result.stdout.startswith("A hope that you will change your mind: possible"), name


def test_explain_text_shows_running_certainty(runner):
    result = runner.invoke(cli, ["explain", PLEA, "plea_to_reconsider"])
    said = " ".join(result.stdout.split())
    assert "This adds +0.40, making 0.40." in said and "This adds +0.20, making 0.52." in said


def test_an_unknown_or_ambiguous_name_is_one_line_with_exit_2(runner):
    unknown = runner.invoke(cli, ["explain", PLEA, "gilt"])
    assert unknown.exit_code == 2
    assert unknown.stderr == "Error: gilt: no such conclusion (closest: guilt)\n"
    ambiguous = runner.invoke(cli, ["explain", PLEA, "step back"])
    assert ambiguous.exit_code == 2
    assert ambiguous.stderr == "Error: step back: could be any of end_the_friendship_act, go_no_contact\n"


def dot_nodes(graph):
    """The nodes of a pydot graph, those of its clusters included."""
    return [*graph.get_nodes(), *(n for sub in graph.get_subgraphs() for n in dot_nodes(sub))]


def dot_rules(graph):
    """The rules whose arrows a DOT graph draws (each arrow's tooltip names them)."""
    return {r for e in graph.get_edges() if (tip := (e.get("tooltip") or "").strip('"')).startswith("rule ")
            for r in tip[len("rule "):].split(", ")}


def parse_dot(text):
    graphs = pydot.graph_from_dot_data(text)
    assert graphs, "pydot could not parse the DOT output"
    return graphs


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_analyze_dot_parses_labels_nodes_in_words_and_keeps_ids_as_tooltips(runner, kb, path):
    result = runner.invoke(cli, ["analyze", "--format", "dot", str(path)])
    assert result.exit_code == 0
    (graph,) = parse_dot(result.stdout)
    nodes = {n.get_name().strip('"'): n for n in dot_nodes(graph)}
    report = analysis_of(kb, path).report
    for motive in report["motives"]:
        node = nodes[f"motive:{motive['id']}"]
        assert node.get("label").strip('"').replace("\\n", " ").startswith(motive["label"])
        assert node.get("tooltip").strip('"') == f"motive {motive['id']}"
    held_back = {w["id"] for w in report["withheld"]}
    drawn = {t["rule"] for t in report["trace"]
             if not set(kb.rule_by_name[t["rule"]].concludes) <= {kb.conclusion(i) for i in held_back}
             or not kb.rule_by_name[t["rule"]].concludes}
    assert drawn <= dot_rules(graph), "every rule that fired is an arrow (its name the tooltip)"


def test_explain_dot_holds_only_the_firings_behind_the_conclusion(runner):
    result = runner.invoke(cli, ["explain", "--format", "dot", PLEA, "dont_return_out_of_pity"])
    (graph,) = parse_dot(result.stdout)
    assert dot_rules(graph) == {"pity_plea", "plea_with_request_to_return", "plea_when_i_ended_it"}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_dot_renders_to_png(runner, tmp_path):
    dot_text = runner.invoke(cli, ["analyze", "--format", "dot", PLEA]).stdout
    png = tmp_path / "graph.png"
    subprocess.run(["dot", "-Tpng", "-o", str(png)], input=dot_text, text=True, check=True)
    assert png.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_mermaid_flowchart_declares_every_node_an_edge_uses(kb, path):
    text = to_mermaid(derivation(kb, analysis_of(kb, path)))
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    declared = {m.group(1) for m in map(re.compile(r"^ +(n\d+|key)[\[({>]").match, lines) if m}
    edges = [re.match(r"^  (n\d+) -(?:->|\.->)(?:\|[^|]*\|)? (n\d+)$", line) for line in lines[1:]
             if "->" in line]
    assert edges and all(edges), "every edge line is well formed"
    used = {n for e in edges for n in e.groups()}
    assert used <= declared
    assert not re.search(r"\b(?:breakup|crying|ex|contact|me|safety)\.[a-z_]+", text), "labels in words, not field ids"
    assert not any('"' in line[line.find('"') + 1:line.rfind('"')] for line in lines if line.count('"') > 2)


def test_catalog_lists_every_conclusion_rule_and_question_in_words(runner, kb):
    for section in [k.key for k in kb.kinds] + ["rules", "questions"]:
        text = runner.invoke(cli, ["catalog", section])
        assert text.exit_code == 0
        records = json.loads(runner.invoke(cli, ["catalog", "--format", "json", section]).stdout)
        assert len(records) == len(text.stdout.split("\n• ")) or len(records) == text.stdout.count("• "), section
    assert {r["id"] for r in json.loads(runner.invoke(cli, ["catalog", "--format", "json", "motives"]).stdout)} == \
        {c.id for c in kb.catalog.conclusions if c.kind.ranked}
    assert "{their}" not in runner.invoke(cli, ["catalog"]).stdout


def test_an_unknown_catalog_section_is_a_usage_error(runner):
    result = runner.invoke(cli, ["catalog", "feelings"], prog_name="exsplain")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Invalid value for '[SECTION]': 'feelings' is not one of motives,")
