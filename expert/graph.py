"""Derivation graphs in Graphviz DOT: answers → rules → conclusions.

Edges from rules to hypotheses carry the rule's weight; a hypothesis that a
later rule relied on points to that rule, so chains of reasoning show as paths.
Render with ``dot -Tpng graph.dot -o graph.png``.
"""
from expert.conditions import BeliefCondition
from expert.report import matched


def quote(text):
    """A DOT string literal; newlines become DOT's own line breaks."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def to_dot(kb, inference, firings=None, title="exsplain"):
    """The derivation graph of ``firings`` (all of the inference's by default)."""
    firings = inference.firings if firings is None else firings
    nodes, edges = {}, []

    def node(key, label, **style):
        nodes.setdefault(key, (label, style))
        return key

    for firing in firings:
        rule = firing.rule
        rule_node = node(f"rule:{rule.name}", rule.name, shape="box", style="rounded")
        for condition, line in matched(kb, firing):
            if isinstance(condition, BeliefCondition):
                source = hypothesis_node(node, kb, inference, condition.hypothesis)
            else:
                source = node(f"answer:{line}", line, shape="ellipse", style="filled", fillcolor="lightyellow")
            edges.append((source, rule_node, {}))
        if rule.supports:
            target = hypothesis_node(node, kb, inference, rule.supports)
            colour = "darkgreen" if rule.weight > 0 else "red"
            edges.append((rule_node, target, {"label": f"{rule.weight:+.2f}", "color": colour}))
        for conclusion in rule.concludes:
            target = node(f"{rule.kind}:{conclusion}", f"{rule.kind}\n{conclusion}", shape="note")
            edges.append((rule_node, target, {}))
        for withheld in rule.withholds:
            target = node(f"withheld:{withheld}", f"withheld\n{withheld}", shape="note", color="red")
            edges.append((rule_node, target, {"label": "withholds", "style": "dashed", "color": "red"}))

    lines = [f"digraph {quote(title)} {{", "  rankdir=LR;", '  node [fontname="Helvetica"];', '  edge [fontname="Helvetica"];']
    for key, (label, style) in nodes.items():
        attributes = ", ".join([f"label={quote(label)}"] + [f"{k}={quote(v)}" for k, v in style.items()])
        lines.append(f"  {quote(key)} [{attributes}];")
    for source, target, style in dict.fromkeys((s, t, tuple(a.items())) for s, t, a in edges):
        attributes = ", ".join(f"{k}={quote(v)}" for k, v in style)
        lines.append(f"  {quote(source)} -> {quote(target)}" + (f" [{attributes}]" if attributes else "") + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


def hypothesis_node(node, kb, inference, hypothesis):
    certainty = inference.certainty.get(hypothesis, 0.0)
    return node(f"{kb.catalog.hypothesis_kind}:{hypothesis}", f"{hypothesis}\n{certainty:.2f}", shape="doubleoctagon")
