"""Derivation graphs: answers → rules → conclusions, as Graphviz DOT or Mermaid.

Nodes are labelled in words (the answer told back, the conclusion's label);
ids are kept as tooltips.  Edges from rules to hypotheses carry the rule's
weight; a hypothesis that a later rule relied on points to that rule, so
chains of reasoning show as paths.  Render DOT with ``dot -Tpng``; Mermaid is
drawn by common Markdown viewers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exsplain.expert.conditions import AbsentCondition, BeliefCondition
from exsplain.expert.report import matched
from exsplain.expert.report import said as said_of
from exsplain.expert.wording import fill, shown


@dataclass
class Graph:
    """Nodes (key -> label, tooltip, shape) and edges (source, target, label, style)."""

    nodes: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    edges: list[tuple[str, str, str, str]] = field(default_factory=list)

    def node(self, key: str, label: str, tooltip: str, shape: str) -> str:
        self.nodes.setdefault(key, (label, tooltip, shape))
        return key

    def edge(self, source: str, target: str, label: str = "", style: str = "") -> None:
        if (source, target, label, style) not in self.edges:
            self.edges.append((source, target, label, style))


def derivation(kb: Any, analysis: Any, firings: list | None = None) -> Graph:
    """The graph of ``firings`` (all of the analysis's by default)."""
    inference, case = analysis.inference, analysis.case
    words = analysis.words
    firings = inference.firings if firings is None else firings
    graph = Graph()

    def conclusion_node(conclusion: Any, withheld: bool = False) -> str:
        label = fill(conclusion.label, words)
        if conclusion.kind.ranked:
            label += f" ({inference.certainty.get(conclusion.id, 0.0):.2f})"
        if withheld:
            return graph.node(f"held-back:{conclusion.id}", f"held back: {label}",
                              f"held back: {conclusion.kind} {conclusion.id}", "held back")
        return graph.node(f"{conclusion.kind}:{conclusion.id}", label, f"{conclusion.kind} {conclusion.id}",
                          conclusion.kind.name)

    for firing in firings:
        rule = firing.rule
        caption = f"{rule.weight:+.2f}" if rule.supports else ("safety rule" if rule.salience >= 30 else "rule")
        rule_node = graph.node(f"rule:{rule.name}", caption, f"rule {rule.name}", "rule")
        for condition, line in matched(kb, firing):
            if isinstance(condition, BeliefCondition):
                source = conclusion_node(kb.conclusion(condition.hypothesis))
            elif isinstance(condition, AbsentCondition):
                said = condition.in_words(words, kb.labels(words))
                source = graph.node(f"answer:{line}", said, line, "answer")
            elif condition is None:  # a review's answers
                told = "; ".join(fill(s, words) for p in firing.answers for s in said_of(kb, case, p))
                source = graph.node(f"answer:{line}", told or line, line, "answer")
            else:
                told = "; ".join(fill(s, words) for s in told_answer(kb, case, condition))
                source = graph.node(f"answer:{line}", told or line, line, "answer")
            graph.edge(source, rule_node)
        if rule.supports:
            graph.edge(rule_node, conclusion_node(rule.supports), f"{rule.weight:+.2f}",
                       "for" if rule.weight > 0 else "against")
        for conclusion in rule.concludes:
            graph.edge(rule_node, conclusion_node(conclusion))
        for conclusion in rule.withholds:
            graph.edge(rule_node, conclusion_node(conclusion, withheld=True), "holds back", "holds back")
    return graph


def told_answer(kb: Any, case: Any, condition: Any) -> list[str]:
    return said_of(kb, case, condition.path, condition)


DOT_SHAPES = {
    "answer": 'shape="ellipse", style="filled", fillcolor="lightyellow"',
    "rule": 'shape="box", style="rounded"',
    "held back": 'shape="note", color="red"',
}
DOT_EDGES = {"for": 'color="darkgreen"', "against": 'color="red"', "holds back": 'style="dashed", color="red"'}


def quote(text: str) -> str:
    """A DOT string literal; newlines become DOT's own line breaks, other
    control and bidirectional characters are shown escaped (``shown``)."""
    lines = [shown(line).replace("\\", "\\\\").replace('"', '\\"') for line in str(text).split("\n")]
    return '"' + "\\n".join(lines) + '"'


def to_dot(graph: Graph, title: str) -> str:
    lines = [f"digraph {quote(title)} {{", "  rankdir=LR;", '  node [fontname="Helvetica"];',
             '  edge [fontname="Helvetica"];']
    for key, (label, tooltip, shape) in graph.nodes.items():
        style = DOT_SHAPES.get(shape, 'shape="note"')
        lines.append(f"  {quote(key)} [label={quote(label)}, tooltip={quote(tooltip)}, {style}];")
    for source, target, label, style in graph.edges:
        attributes = ", ".join(filter(None, [f"label={quote(label)}" if label else "", DOT_EDGES.get(style, "")]))
        lines.append(f"  {quote(source)} -> {quote(target)}" + (f" [{attributes}]" if attributes else "") + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


MERMAID_SHAPES = {"answer": ('(["', '"])'), "rule": ('{{"', '"}}'), "held back": ('>"', '"]')}


def mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label."""
    return (shown(str(text).replace("\n", " ")).replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;")
            .replace(">", "#gt;"))


def to_mermaid(graph: Graph) -> str:
    """The graph as a Mermaid flowchart; nodes are declared before any edge uses them."""
    ids = {key: f"n{number}" for number, key in enumerate(graph.nodes, 1)}
    lines = ["flowchart LR"]
    for key, (label, _, shape) in graph.nodes.items():
        opening, closing = MERMAID_SHAPES.get(shape, ('["', '"]'))
        lines.append(f"  {ids[key]}{opening}{mermaid_text(label)}{closing}")
    for source, target, label, style in graph.edges:
        arrow = "-.->" if style == "holds back" else "-->"
        text = f"|{mermaid_text(label)}|" if label else ""
        lines.append(f"  {ids[source]} {arrow}{text} {ids[target]}")
    return "\n".join(lines) + "\n"
