"""Differences between two reports: what-if analysis and sensitivity.

Conclusions are compared kind by kind, as the knowledge base declares its
kinds: ranked ones by certainty, the others by presence.  Sensitivity asks
the same question for every possible answer to every relevant question still
open.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase


def present(items: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(item["id"] for item in items))


def changes(was: list[str], now: list[str]) -> dict[str, list[str]]:
    return {"added": [i for i in now if i not in was], "removed": [i for i in was if i not in now]}


def difference(kb: KnowledgeBase, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """What changed from report ``before`` to report ``after``, kind by kind."""
    result: dict[str, Any] = {}
    for kind in kb.kinds:
        if kind.ranked:
            old = {m["id"]: m["certainty"] for m in before[kind.key]}
            new = {m["id"]: m["certainty"] for m in after[kind.key]}
            result[kind.key] = [
                {"id": c.id, "before": old.get(c.id, 0.0), "after": new.get(c.id, 0.0)}
                for c in kb.catalog.of_kind(kind) if old.get(c.id, 0.0) != new.get(c.id, 0.0)
            ]
        else:
            result[kind.key] = changes(present(before[kind.key]), present(after[kind.key]))
        if kind.withheld_key:
            result[kind.withheld_key] = changes(present(before[kind.withheld_key]), present(after[kind.withheld_key]))
    return result


def size(diff: dict[str, Any]) -> int:
    """How much a difference changes: one per hypothesis moved, conclusion added or removed."""
    return sum(len(v) if isinstance(v, list) else len(v["added"]) + len(v["removed"]) for v in diff.values())


def sensitivity(kb: KnowledgeBase, analysis: Analysis) -> list[dict[str, Any]]:
    """For each unanswered relevant question, what each possible answer would change.

    Safety questions come first, then the others, most influential first.
    """
    case, report = analysis.case, analysis.report
    safety = [f.path for f in kb.catalog.safety]
    found = []
    for path in report["unanswered"]:
        field = kb.vocabulary.field(path)
        answers = []
        for value in field.samples():
            after = kb.analyze(case.with_answers(**{path: value}), analysis.region).report
            answers.append({"value": field.to_data(value), "changes": difference(kb, report, after)})
        found.append({"field": path, "impact": max(size(a["changes"]) for a in answers), "answers": answers})
    return sorted(found, key=lambda q: (q["field"] not in safety, -q["impact"]))
