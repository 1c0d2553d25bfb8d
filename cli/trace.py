"""The trace as a student reads it: each rule firing, in order, in words.

A step names the rule and the line that declares it, says what it matched
and what it did; for certainty it writes the combination out, so that the
arithmetic of ``expert.certainty`` can be followed by hand.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from exsplain.cli.layout import Page
from exsplain.expert.certainty import band, combine, combine_all

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import Analysis


def trace_steps(analysis: Analysis, fancy: bool = True) -> list[tuple[str, str, list[str]]]:
    """Each firing as (its title, what it matched, what it did), in words."""
    from exsplain.expert.report import because

    kb, case, words = analysis.kb, analysis.case, analysis.words
    labels = kb.labels(words)
    weights: dict[str, list[float]] = {}
    steps = []
    for firing in analysis.inference.firings:
        rule = firing.rule
        place = f" ({rule.defined})" if getattr(rule, "defined", None) else ""
        matched = "; ".join(because(kb, case, [firing], words, labels)) or "; ".join(firing.matched or [])
        did = []
        if rule.supports:
            earlier = weights.setdefault(rule.supports.id, [])
            did.append(evidence_in_words(labels[rule.supports.id], earlier, rule.weight, fancy))
            earlier.append(rule.weight)
        did += [f"Draws the {c.kind} “{labels[c.id]}”." for c in rule.concludes]
        did += [f"Holds back the {c.kind} “{labels[c.id]}”." for c in rule.withholds]
        steps.append((f"{firing.step}. {rule.name}{place}", matched, did or ["Nothing more."]))
    return steps


def evidence_in_words(label: str, earlier: list[float], weight: float, fancy: bool = True) -> str:
    """What one piece of evidence does to its hypothesis, the arithmetic written out.

    Evidence for and evidence against are folded separately (see
    ``expert.certainty.combine_all``), then the two are combined.
    """
    against = weight < 0
    side = [w for w in earlier if (w < 0) == against]
    other = [w for w in earlier if (w < 0) != against]
    before = combine_all(side)
    folded = round(combine(before, weight), 4)
    said = [f"Evidence {'against' if against else 'for'} “{label}”, weight {number(weight)}"]
    if side:
        said.append(f"{number(before)} and {number(weight)} combine to {number(folded)}: {number(before)} + "
                    f"{bracketed(weight)} × (1 − {number(abs(before))})")
    if other:
        theirs = combine_all(other)
        belief, disbelief = (theirs, folded) if against else (folded, theirs)
        now = combine_all([*earlier, weight])
        said.append(f"with the evidence {'for' if against else 'against'} at {number(theirs)}, {number(belief)} and "
                    f"{number(disbelief)} combine to {number(now)}: ({number(belief)} − {number(abs(disbelief))}) / "
                    f"(1 − {number(min(abs(belief), abs(disbelief)))})")
    else:
        now = folded
    text = "; ".join(said) + f". Now {number(now)}"
    text += f" ({band(now)})." if now > 0 else ": not above 0, so a reading leaves it out."
    return text if fancy else text.replace("×", "x").replace("−", "-")


def number(value: float) -> str:
    """A certainty as the trace writes it: two decimals, a true minus sign."""
    return f"{value:.2f}".replace("-", "−")


def bracketed(value: float) -> str:
    return f"({number(value)})" if value < 0 else number(value)


def trace_lines(analysis: Analysis, page: Page) -> list[str]:
    lines: list[str] = []
    for title, matched, did in trace_steps(analysis, page.fancy):
        lines += [page.heading(line) for line in page.wrap(title)]
        end = "" if matched.endswith(("?”", "?\"")) else "."
        lines += page.wrap(f"Matched: {matched}{end}", "   ") if matched else []
        lines += page.wrap("Did: " + " ".join(did), "   ")
    return lines
