"""The trace as a person reads it: each rule firing, in order, in words."""
from __future__ import annotations

from typing import Any

from exsplain.cli.layout import Page


def trace_rows(analysis: Any) -> list[tuple[str, str, str]]:
    """Each firing as (step, the answers behind it, what it concluded), in words."""
    from exsplain.expert.report import because

    kb, case, words = analysis.kb, analysis.case, analysis.words
    labels = kb.labels(words)
    weights: dict[str, list[float]] = {}
    rows = []
    for firing in analysis.inference.firings:
        rule = firing.rule
        reasons = "; ".join(because(kb, case, [firing], words, labels)) or "; ".join(firing.matched or [])
        said = []
        if rule.supports:
            from exsplain.expert.certainty import combine_all

            weights.setdefault(rule.supports.id, []).append(rule.weight)
            running = combine_all(weights[rule.supports.id])
            said.append(f"{labels[rule.supports.id]} {rule.weight:+.2f}, now {running:.2f}")
        said += [f"{c.kind}: {labels[c.id]}" for c in rule.concludes]
        said += [f"held back: {labels[c.id]}" for c in rule.withholds]
        rows.append((str(firing.step), reasons, "\n".join(said) or "(nothing)"))
    return rows


def trace_lines(analysis: Any, page: Page) -> list[str]:
    return page.table(("Step", "Because", "So"), trace_rows(analysis), wrap=(1, 2))
