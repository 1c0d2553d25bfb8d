"""Derivation graphs: what was said → what the reading drew from it, as Graphviz DOT or Mermaid.

One node per answer (told back in words, or "you have not said …" for a
question that a rule counted as "not" while it has no answer) and one per
conclusion, grouped: help first, then what is held back for now, then each
kind of conclusion in the knowledge base's order.  A rule that fired is
drawn as arrows from what it matched (answers, or a hypothesis it relied
on) to what it concluded, labelled with its weight when it is evidence for
a hypothesis; its name is the arrow's tooltip in DOT, so no node stands for
a rule.  Advice held back shows what holds it back (dashed), not what would
have advised it: that would double the arrows into it, and ``explain``
tells it.  A legend says how to read the chart.  Render DOT with ``dot
-Tsvg``; Mermaid is drawn by common Markdown viewers.
"""
from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exsplain.expert.conditions import AbsentCondition, BeliefCondition
from exsplain.expert.report import FIRST, matched
from exsplain.expert.report import said as said_of
from exsplain.expert.wording import fill, shown

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.catalog import Conclusion
    from exsplain.expert.engine import Firing
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase

ANSWERS, HELP = "answers", "help"
LABEL_WIDTH = 34  # characters on a line of a node's label


@dataclass(frozen=True)
class Node:
    label: str
    tooltip: str
    group: str


@dataclass
class Edge:
    source: str
    target: str
    label: str
    style: str  # "", "for", "against" or "holds back"
    rules: list[str]


@dataclass
class Graph:
    """Nodes by key (answers, and conclusions in groups shown in the order of ``groups``:
    key -> heading), and edges."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)

    def node(self, key: str, label: str, tooltip: str, group: str) -> str:
        self.nodes.setdefault(key, Node(label, tooltip, group))
        return key

    def edge(self, source: str, target: str, rule: str, label: str = "", style: str = "") -> None:
        """An arrow drawn by ``rule``; rules that draw the same arrow share it."""
        for edge in self.edges:
            if (edge.source, edge.target, edge.label, edge.style) == (source, target, label, style):
                edge.rules += [rule] if rule not in edge.rules else []
                return
        self.edges.append(Edge(source, target, label, style, [rule]))

    def in_group(self, group: str) -> list[str]:
        return [key for key, node in self.nodes.items() if node.group == group]


def derivation(kb: KnowledgeBase, analysis: Analysis, firings: list[Firing] | None = None) -> Graph:
    """The graph of ``firings`` (all of the analysis's by default)."""
    inference, case = analysis.inference, analysis.case
    words = analysis.words
    firings = inference.firings if firings is None else firings
    withheld = inference.withheld()
    graph = Graph(groups={HELP: "Help first"})
    for kind in kb.kinds:
        if kind.can_be_withheld:
            graph.groups[f"{kind.key} held back"] = kind.withheld_heading or "Held back"
    for kind in kb.kinds:
        graph.groups[kind.key] = kind.heading

    def conclusion_node(conclusion: Conclusion) -> str:
        label = fill(conclusion.label, words)
        if conclusion.kind.ranked:
            label += f" ({inference.certainty.get(conclusion.id, 0.0):.2f})"
        kind = conclusion.kind
        group = (f"{kind.key} held back" if conclusion in withheld else
                 HELP if kind.prioritised and conclusion.priority == FIRST else kind.key)
        return graph.node(f"{kind}:{conclusion.id}", label, f"{kind} {conclusion.id}", group)

    def answer_node(path: str) -> str:
        return graph.node(f"answer:{path}", answer_in_words(kb, case, path, words), path, ANSWERS)

    for firing in firings:
        rule = firing.rule
        targets = [(c, "", "") for c in rule.concludes if c not in withheld]
        if rule.supports:
            targets.append((rule.supports, f"{rule.weight:+.2f}", "for" if rule.weight > 0 else "against"))
        targets += [(c, "holds back", "holds back") for c in rule.withholds]
        if not targets:
            continue
        sources: list[str] = []
        for condition, _ in matched(kb, firing):
            if isinstance(condition, BeliefCondition):
                sources.append(conclusion_node(kb.conclusion(condition.hypothesis)))
            elif isinstance(condition, AbsentCondition):
                sources += [answer_node(p) for p in condition.paths]
            elif condition is None:  # a review's answers
                sources += [answer_node(p) for p in firing.answers]
            else:
                sources.append(answer_node(condition.path))
        for conclusion, label, style in targets:
            target = conclusion_node(conclusion)
            for source in dict.fromkeys(sources):
                graph.edge(source, target, rule.name, label, style)
    return graph


def answer_in_words(kb: KnowledgeBase, case: Case, path: str, words: Mapping[str, str]) -> str:
    """An answer told back; for a question without an answer, that it has none."""
    question = kb.vocabulary.field(path)
    if not case.known(path):
        yes = question.answers.get(True)
        if yes is not None:  # a yes-or-no question
            return fill(f"you have not said whether {yes.statement}", words)
        return fill(f"you have not said: “{question.question}”", words)
    told = said_of(kb, case, path)
    if told:
        return "; ".join(fill(s, words) for s in told)
    return fill(f"“{question.question}”: {question.label(case.get(path))}", words)


def legend(graph: Graph) -> list[str]:
    """How to read the chart, one line for each kind of thing it shows."""
    styles = {e.style for e in graph.edges}
    lines = ["On the left, what you said. On the right, what the reading drew from it.",
             "An arrow: a rule took that answer into account."]
    if styles & {"for", "against"}:
        lines.append("A number on an arrow: how much that rule added to how likely a reason is; "
                     "the number in brackets is the total, from 0 to 1.")
    if "holds back" in styles:
        lines.append("A dashed arrow: what holds that advice back for now.")
    return lines


def label_lines(text: str) -> list[str]:
    """A label in lines, for DOT, which does not wrap labels itself."""
    return textwrap.wrap(text, LABEL_WIDTH, break_long_words=False, break_on_hyphens=False) or [""]


def legend_lines(graph: Graph) -> list[str]:
    return [line for text in legend(graph) for line in textwrap.wrap(text, 2 * LABEL_WIDTH)]


def conclusion_groups(graph: Graph) -> list[tuple[str, str, list[str]]]:
    """(group, heading, node keys) for each group of conclusions that has nodes, in the graph's order."""
    return [(group, heading, keys) for group, heading in graph.groups.items() if (keys := graph.in_group(group))]


def held_back(group: str) -> bool:
    return group.endswith(" held back")


DOT_NODES = {
    ANSWERS: 'shape="box", style="rounded,filled", fillcolor="lightyellow"',
    HELP: 'shape="box", style="bold,filled", color="red", fillcolor="mistyrose", penwidth="2"',
    "held back": 'shape="note", color="red", style="dashed"',
}
DOT_EDGES = {"for": 'color="darkgreen"', "against": 'color="red"', "holds back": 'style="dashed", color="red"'}


def quote(text: str) -> str:
    """A DOT string literal; newlines become DOT's own line breaks, other
    control and bidirectional characters are shown escaped (``shown``)."""
    lines = [shown(line).replace("\\", "\\\\").replace('"', '\\"') for line in str(text).split("\n")]
    return '"' + "\\n".join(lines) + '"'


def answers_by_target(graph: Graph, order: list[str]) -> list[str]:
    """The answers in the order of the first conclusion each leads to, so that layouts start near
    the order wanted."""
    first: dict[str, int] = {}
    for edge in graph.edges:
        if edge.source in graph.nodes and graph.nodes[edge.source].group == ANSWERS:
            first[edge.source] = min(first.get(edge.source, len(order)), order.index(edge.target))
    return sorted(graph.in_group(ANSWERS), key=lambda key: first.get(key, len(order)))


def dot_node(graph: Graph, key: str, indent: str) -> str:
    node = graph.nodes[key]
    style = DOT_NODES["held back"] if held_back(node.group) else DOT_NODES.get(node.group, 'shape="box"')
    return f"{indent}{quote(key)} [label={quote(chr(10).join(label_lines(node.label)))}, " \
           f"tooltip={quote(node.tooltip)}, {style}];"


def to_dot(graph: Graph, title: str) -> str:
    """The graph in DOT: answers on the left, a cluster per group of conclusions (help
    first, at the top), and a legend."""
    lines = [f"digraph {quote(title)} {{", "  rankdir=LR;", '  node [fontname="Helvetica"];',
             '  edge [fontname="Helvetica"];']
    groups = conclusion_groups(graph)
    order = [key for _, _, keys in groups for key in keys]
    # dot stacks a left-to-right graph from the order its first nodes are declared in, bottom-up
    lines += [dot_node(graph, key, "  ") for key in reversed(answers_by_target(graph, order))]
    for number, (_, heading, keys) in enumerate(groups, 1):
        lines += [f"  subgraph {quote(f'cluster_{number}')} {{", f"    label={quote(heading)};",
                  '    style="rounded"; color="gray";', *(dot_node(graph, key, "    ") for key in keys), "  }"]
    lines += [f"  subgraph {quote('cluster_legend')} {{", f"    label={quote('How to read this chart')};",
              '    style="dashed"; color="gray";',
              f"    {quote('legend')} [label={quote(chr(10).join(legend_lines(graph)))}, shape=\"plaintext\"];", "  }"]
    for edge in sorted(graph.edges, key=lambda e: order.index(e.target)):  # help first first: at the top
        attributes = [f"label={quote(edge.label)}" if edge.label else "",
                      f"tooltip={quote('rule ' + ', '.join(edge.rules))}", DOT_EDGES.get(edge.style, "")]
        lines.append(f"  {quote(edge.source)} -> {quote(edge.target)} [{', '.join(filter(None, attributes))}];")
    if groups:  # the legend to the right of the conclusions, out of the arrows' way
        lines.append(f"  {quote(groups[0][2][0])} -> {quote('legend')} [style=\"invis\"];")
    lines.append("}")
    return "\n".join(lines) + "\n"


MERMAID_SHAPES = {ANSWERS: ('(["', '"])'), "held back": ('>"', '"]')}
MERMAID_CLASSES = {HELP: "stroke:#c00,stroke-width:3px", "held back": "stroke:#c00,stroke-dasharray:4 3"}


def mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label."""
    return (shown(str(text).replace("\n", " ")).replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;")
            .replace(">", "#gt;"))


def to_mermaid(graph: Graph) -> str:
    """The graph as a Mermaid flowchart: answers on the left, a subgraph per group of
    conclusions, and a legend on the right.

    Node ids are ``n1``, ``n2``…, subgraph ids ``g1``, ``g2``… (and ``legend``);
    every node is declared before any edge uses it.  Mermaid's layout stacks
    the subgraphs of a left-to-right chart in the reverse of the order they are
    declared in, so they are declared last group first, for help first at the top.
    """
    groups = conclusion_groups(graph)
    order = [key for _, _, keys in groups for key in keys] + graph.in_group(ANSWERS)
    ids = {key: f"n{number}" for number, key in enumerate(order, 1)}
    lines = ["flowchart LR"]
    styled: dict[str, list[str]] = {}
    for number, (group, heading, keys) in reversed(list(enumerate(groups, 1))):
        kind = "held back" if held_back(group) else group
        opening, closing = MERMAID_SHAPES.get(kind, ('["', '"]'))
        lines.append(f'  subgraph g{number} ["{mermaid_text(heading)}"]')
        lines += [f"    {ids[key]}{opening}{mermaid_text(graph.nodes[key].label)}{closing}" for key in keys]
        lines.append("  end")
        if kind in MERMAID_CLASSES:
            styled.setdefault(kind, []).extend(ids[key] for key in keys)
    opening, closing = MERMAID_SHAPES[ANSWERS]
    lines += [f"  {ids[key]}{opening}{mermaid_text(graph.nodes[key].label)}{closing}"
              for key in graph.in_group(ANSWERS)]
    lines += ['  subgraph legend ["How to read this chart"]',
              f'    key["{"<br>".join(mermaid_text(line) for line in legend(graph))}"]', "  end"]
    if groups:  # the legend to the right of the conclusions, out of the arrows' way
        lines.append(f"  {ids[groups[0][2][0]]} ~~~ key")
    for edge in sorted(graph.edges, key=lambda e: order.index(e.target)):  # by target: fewer crossings
        arrow = "-.->" if edge.style == "holds back" else "-->"
        text = f"|{mermaid_text(edge.label)}|" if edge.label else ""
        lines.append(f"  {ids[edge.source]} {arrow}{text} {ids[edge.target]}")
    for number, (kind, nodes) in enumerate(styled.items(), 1):
        lines += [f"  classDef c{number} {MERMAID_CLASSES[kind]}", f"  class {','.join(nodes)} c{number}"]
    return "\n".join(lines) + "\n"
