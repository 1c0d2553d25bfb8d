"""The report: what was concluded about a case, with reasons, sources and trace.

``build`` turns an inference into plain data (the JSON report); every
renderer (text, JSON, Markdown, graphs) reads that data, so all formats say
the same thing.  The lists of conclusions and their keys come from the
knowledge base's kinds.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exsplain.expert.catalog import Conclusion, Region, Source
from exsplain.expert.certainty import band
from exsplain.expert.conditions import AbsentCondition, BeliefCondition, FieldCondition, ItemCondition
from exsplain.expert.engine import Firing, Inference
from exsplain.expert.rules import Belief
from exsplain.expert.wording import fill

REPORT_SCHEMA = 2


def matched(kb: Any, firing: Firing) -> list[tuple[Any, str]]:
    """``(condition, "path = value")`` for each condition a firing matched."""
    if firing.matched is not None:
        return [(None, line) for line in firing.matched]
    pairs: list[tuple[Any, str]] = []
    for condition in kb.conditions.get(firing.rule.name, ()):
        if isinstance(condition, AbsentCondition):
            pairs.append((condition, str(condition)))
            continue
        for fact in firing.facts:
            if isinstance(condition, BeliefCondition) and isinstance(fact, Belief):
                if fact["id"] == condition.hypothesis:
                    pairs.append((condition, f"{fact['id']} = {fact['certainty']:.2f} ({fact['band']})"))
            elif isinstance(condition, ItemCondition) and isinstance(fact, condition.field.item):
                pairs.append((condition, f"{condition.path} includes {fact['kind']}"))
            elif isinstance(condition, FieldCondition) and getattr(fact, "table", None) == condition.field.table:
                value = fact[condition.field.name]
                pairs.append((condition, f"{condition.path} = {condition.field.spell_value(value)}"))
    return pairs


def matched_answers(kb: Any, firing: Firing) -> list[str]:
    """The answers (and beliefs) a firing matched, as ``path = value`` lines."""
    return list(dict.fromkeys(line for _, line in matched(kb, firing)))


def because(kb: Any, case: Any, firings: list[Firing], words: Mapping, labels: Mapping) -> list[str]:
    """The answers behind ``firings``, told back in plain words."""
    lines = []
    for firing in firings:
        lines += [s for path in firing.answers for s in said(kb, case, path)]
        for condition in kb.conditions.get(firing.rule.name, ()):
            if isinstance(condition, BeliefCondition):
                lines.append(condition.in_words(words, labels))
            elif isinstance(condition, AbsentCondition):
                if condition.is_unknown_test():
                    lines.append(condition.in_words(words, labels))
                lines += [s for p in condition.paths if case.known(p) for s in said(kb, case, p)]
            else:
                lines += said(kb, case, condition.path, condition)
    return [fill(line, words) for line in dict.fromkeys(lines)]


def said(kb: Any, case: Any, path: str, condition: Any = None) -> list[str]:
    """The statements of the answer to ``path`` (for a list, the items ``condition`` matched)."""
    field = kb.vocabulary.field(path)
    value = case.get(path)
    if isinstance(condition, ItemCondition):
        value = condition.matching(value)
    return field.statements(value)


def sources(items: Any) -> list[str]:
    return [str(s) for s in items]


def build(kb: Any, case: Any, inference: Inference, region: Region) -> dict:
    """The report of ``case`` as plain data."""
    words = kb.catalog.wording(case)
    labels = kb.labels(words)
    withheld = inference.withheld()
    report: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "case": {"title": case.title, "path": case.path},
        "region": region.code,
        "safety": safety(kb, case, inference, region),
    }
    for kind in kb.kinds:
        if kind.ranked:
            report[kind.key] = ranked(kb, case, inference, kind, words, labels)
            continue
        drawn = inference.drawn(kind)
        items: list[dict[str, Any]] = []
        for conclusion, firings in drawn.items():
            if conclusion in withheld:
                continue
            text = said_by(conclusion, firings, words)
            if kind.brief:
                items += [{"id": conclusion.id, kind.text_key: fill(fill(conclusion.text, f.details), words)}
                          for f in firings]
            elif kind.prioritised:
                items.append({"id": conclusion.id, "priority": conclusion.priority, "label": labels[conclusion.id],
                              kind.text_key: text, "because": because(kb, case, firings, words, labels),
                              "sources": sources(sources_of(conclusion, firings))})
            else:
                items.append({"id": conclusion.id, "label": labels[conclusion.id], kind.text_key: text,
                              "rule": firings[0].rule.name, "sources": sources(sources_of(conclusion, firings))})
        if kind.brief:
            items = list({item[kind.text_key]: item for item in items}.values())
        elif kind.prioritised:
            items.sort(key=lambda item: (item["priority"], item["id"]))
        else:
            order = {c: n for n, c in enumerate(kb.catalog.of_kind(kind))}
            items.sort(key=lambda item: order[kb.conclusion(item["id"])])
        report[kind.key] = items
        if kind.can_be_withheld:
            report[kind.withheld_key] = [
                {"id": c.id, "label": labels[c.id], "reason": fill(firings[0].rule.reason or "", words)}
                for c, firings in sorted(withheld.items(), key=lambda item: item[0].id) if c in drawn
            ]
    unanswered = kb.judge.relevant_unknowns(case, inference.certainty)
    report["unanswered"] = unanswered
    report["questions"] = [{"field": p, "text": fill(kb.vocabulary.field(p).question, words)} for p in unanswered]
    report["trace"] = [
        {"step": f.step, "rule": f.rule.name, "defined": f.rule.defined, "matched": matched_answers(kb, f),
         "declared": list(f.declared)}
        for f in inference.firings
    ]
    return report


def sources_of(conclusion: Conclusion, firings: list[Firing]) -> tuple[Source, ...]:
    """The sources of what is said of a conclusion: of the rules whose own
    words are used (see ``said_by``), else the conclusion's."""
    saying = [s for f in firings if f.rule.says for s in f.rule.sources]
    return tuple(dict.fromkeys(saying)) if saying else conclusion.sources


def said_by(conclusion: Conclusion, firings: list[Firing], words: Mapping) -> str:
    """A conclusion's text: what the rules that drew it say, or its own text."""
    texts = list(dict.fromkeys(f.rule.says for f in firings if f.rule.says))
    return fill(" ".join(texts) if texts else conclusion.text, words)


def ranked(kb: Any, case: Any, inference: Inference, kind: Any, words: Mapping, labels: Mapping) -> list[dict]:
    items = []
    for conclusion in kb.catalog.of_kind(kind):
        certainty = inference.certainty.get(conclusion.id, 0.0)
        if certainty <= 0:
            continue
        support = inference.support(conclusion)
        items.append({
            "id": conclusion.id,
            "certainty": certainty,
            "band": band(certainty),
            "label": labels[conclusion.id],
            kind.text_key: fill(conclusion.text, words),
            "because": because(kb, case, [f for f in support if f.rule.weight > 0], words, labels),
            "evidence": [
                {"rule": f.rule.name, "certainty": f.rule.weight, "facts": matched_answers(kb, f)} for f in support
            ],
            "sources": sources(conclusion.sources),
        })
    items.sort(key=lambda m: (-m["certainty"], m["id"]))
    return items


def safety(kb: Any, case: Any, inference: Inference, region: Region) -> dict:
    """Whether the safety questions were answered, and the help the reading points to.

    The help is what the reached conclusions call for; while a safety
    question is unanswered, the general help is shown as well.
    """
    answered = all(case.known(f.path) or f.applies(case) is False for f in kb.catalog.safety)
    withheld = inference.withheld()
    needs = {r for kind in kb.kinds for c in inference.drawn(kind) if c not in withheld for r in c.resources}
    if not answered:
        needs |= kb.catalog.general_help
    return {"answered": answered, "resources": [r.as_data() for r in region.for_(needs)]}


@dataclass(frozen=True)
class Summary:
    """What a one-line summary of a case needs, without building its report.

    The top hypothesis and its certainty, the hypotheses at least possible,
    the advice in order (priority, then the knowledge base's order), how many
    warnings the report would hold, and whether any advice comes first
    (priority 1).
    """

    top: Conclusion | None
    certainty: float
    band: str | None
    possible: list[Conclusion]
    advice: list[Conclusion]
    warning_count: int
    urgent: bool


def summary(kb: Any, case: Any, inference: Inference) -> Summary:
    """The ``Summary`` of a case."""
    ranked_kinds = [k for k in kb.kinds if k.ranked]
    hypotheses = sorted(((inference.certainty.get(c.id, 0.0), c) for k in ranked_kinds for c in kb.catalog.of_kind(k)),
                        key=lambda pair: (-pair[0], pair[1].id))
    hypotheses = [(certainty, c) for certainty, c in hypotheses if certainty > 0]
    withheld = inference.withheld()
    order = {c: n for n, c in enumerate(kb.catalog.conclusions)}
    advice = sorted((c for k in kb.kinds if k.prioritised for c in inference.drawn(k) if c not in withheld),
                    key=lambda c: (c.priority, order[c]))
    words = kb.catalog.wording(case)
    messages = {fill(fill(c.text, f.details), words) for k in kb.kinds if k.brief
                for c, firings in inference.drawn(k).items() if c not in withheld for f in firings}
    certainty, top = hypotheses[0] if hypotheses else (0.0, None)
    return Summary(top, certainty, band(certainty) if top else None,
                   [c for value, c in hypotheses if band(value) != "unlikely"], advice, len(messages),
                   any(c.priority == FIRST for c in advice))


FIRST = 1  # the priority of advice that comes before everything else (help, where safety is at stake)


def first_advice(kb: Any, report: dict) -> list[dict]:
    """The report's advice that comes first, set apart from the rest."""
    return [item for kind in kb.kinds if kind.prioritised for item in report[kind.key] if item["priority"] == FIRST]
