"""Diagrams a coach can follow: one node per answer and per conclusion, grouped, rules as arrows, a legend."""
import re

import pydot
import pytest

from exsplain.cli.main import cli
from exsplain.expert.graph import derivation, to_dot, to_mermaid

from conftest import analysis_of, example, example_files

NODE = re.compile(r'^ +(n\d+|key)(?:\(\["|\["|>")(.*?)(?:"\]\)|"\])$')
SUBGRAPH = re.compile(r'^  subgraph (g\d+|legend) \["[^"]+"\]$')
EDGE = re.compile(r"^  (n\d+) (?:-->|-\.->|~~~)(?:\|[^|\"]+\|)? (n\d+|key)$")
STYLE = re.compile(r"^  (?:classDef c\d+ [a-z:#0-9,.\- ]+|class (?:n\d+,)*n\d+ c\d+)$")


def dot_nodes(graph):
    return [*graph.get_nodes(), *(n for sub in graph.get_subgraphs() for n in dot_nodes(sub))]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_mermaid_is_well_formed_with_subgraphs_and_no_anonymous_rule(kb, path):
    lines = to_mermaid(derivation(kb, analysis_of(kb, path))).splitlines()
    assert lines[0] == "flowchart LR"
    depth, labels, declared = 0, [], set()
    for line in lines[1:]:
        if SUBGRAPH.match(line):
            assert depth == 0, "subgraphs are not nested"
            depth += 1
        elif line == "  end":
            assert depth == 1
            depth -= 1
        elif node := NODE.match(line):
            assert (line.startswith("    ") if depth else line.startswith("  ") and not line.startswith("   "))
            assert node.group(1) not in declared, "one declaration per node"
            declared.add(node.group(1))
            labels.append(node.group(2))
        elif edge := EDGE.match(line):
            assert depth == 0 and set(edge.groups()) <= declared, line
        else:
            assert STYLE.match(line), f"not a line of a flowchart: {line!r}"
    assert depth == 0
    assert "key" in declared, "a legend"
    assert all(label.strip() and label.lower() not in ("rule", "safety rule") and not re.fullmatch(r"[+-]\d\.\d\d", label)
               for label in labels)
    assert not any(label.startswith("not: ") or "at least one answer to" in label for label in labels)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_dot_parses_with_a_cluster_per_group_and_no_anonymous_rule(kb, path):
    analysis = analysis_of(kb, path)
    (graph,) = pydot.graph_from_dot_data(to_dot(derivation(kb, analysis), "case"))
    clusters = {sub.get_name().strip('"'): sub for sub in graph.get_subgraphs()}
    assert "cluster_legend" in clusters
    labels = [n.get("label").strip('"') for n in dot_nodes(graph) if n.get("label")]
    assert labels and not any(label.lower() in ("rule", "safety rule") for label in labels)
    for name, cluster in clusters.items():
        if name != "cluster_legend":
            assert cluster.get_nodes(), f"{name} has nodes"
    keys = [n.get_name().strip('"') for n in dot_nodes(graph)]
    assert len(keys) == len(set(keys)), "one node per answer and per conclusion"
    assert not any(k.startswith("rule:") or k.startswith("held-back:") for k in keys)


def test_one_node_per_answer_and_per_conclusion_in_the_self_harm_example(kb):
    analysis = analysis_of(kb, example("safety-self-harm.toml"))
    graph = derivation(kb, analysis)
    labels = [node.label for node in graph.nodes.values()]
    assert labels.count("your ex ended it") == 1
    assert "Step back from contact" in labels and not any(label.startswith("held back:") for label in labels)
    assert "you have not said whether your ex links that talk to what you do" in labels
    assert sum("links that talk" in label for label in labels) == 1, "asked once, shown once"
    assert len(graph.nodes) < 48 and len(graph.edges) < 53, "fewer nodes and arrows than with a node per rule"
    groups = [heading for heading in graph.groups.values()
              if any(node.group == group for group, h in graph.groups.items() if h == heading
                     for node in graph.nodes.values())]
    assert groups[0] == "Help first"
    assert groups.index("Advice held back for now") < groups.index("Why your ex may be crying")
    held = [e for e in graph.edges if graph.nodes[e.target].group.endswith("held back")]
    assert held and all(e.style == "holds back" for e in held), "held-back advice shows what holds it back"


def test_the_markdown_keeps_the_mermaid_chart_and_dot_stays_a_format(runner):
    markdown = runner.invoke(cli, ["analyze", "--format", "markdown", example("safety-self-harm.toml")]).stdout
    assert "```mermaid\nflowchart LR\n" in markdown and 'subgraph legend ["How to read this chart"]' in markdown
    dot = runner.invoke(cli, ["analyze", "--format", "dot", example("safety-self-harm.toml")])
    assert dot.exit_code == 0 and dot.stdout.startswith('digraph "He talks about hurting himself" {')
