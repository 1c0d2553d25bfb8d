"""Explanations derived from what the engine did: why ask, how, why not.

Nothing here is written by hand per conclusion: *how* replays the firings that
reached a conclusion, *why not* judges every rule that could have reached it
against the answers, and *why ask* lists the open rules that need a field.
Every step is given twice: with ids (rules, fields) for JSON and tools, and in
words (the answers told back, the questions asked) for people.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exsplain.expert.catalog import Conclusion
from exsplain.expert.certainty import band, combine_all
from exsplain.expert.conditions import BeliefCondition
from exsplain.expert.engine import Firing
from exsplain.expert.relevance import UNKNOWN
from exsplain.expert.report import because, matched_answers
from exsplain.expert.review import Review
from exsplain.expert.wording import fill

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase
    from exsplain.expert.rules import KnowledgeRule


@dataclass(frozen=True)
class Effect:
    """What one rule would conclude, and what it needs."""

    rule: str
    conclusion: Conclusion
    label: str
    weight: float | None
    withholds: bool
    needs: tuple[str, ...]


def effects(kb: KnowledgeBase, rule: KnowledgeRule | Review, words: Mapping[str, str]) -> list[Effect]:
    """The conclusions ``rule`` draws or withholds, each as an ``Effect``."""
    labels = kb.labels(words)
    needs = tuple(c.in_words(words, labels) for c in kb.conditions[rule.name])
    found = []
    if rule.supports:
        found.append(Effect(rule.name, rule.supports, labels[rule.supports.id], rule.weight, False, needs))
    found += [Effect(rule.name, c, labels[c.id], None, False, needs) for c in rule.concludes]
    found += [Effect(rule.name, c, labels[c.id], None, True, needs) for c in rule.withholds]
    return found


def reasons_to_ask(kb: KnowledgeBase, case: Case, certainty: Mapping[str, float], path: str) -> list[Effect]:
    """Why a question is asked: every conclusion an answer to it could still change, by kind."""
    words = kb.catalog.wording(case)
    found = [e for rule in kb.judge.affected_by(path, case, certainty) for e in effects(kb, rule, words)]
    return sorted(found, key=lambda e: kb.kinds.index(e.conclusion.kind))


def running_certainty(weights: list[float]) -> list[float]:
    """The combined certainty after each piece of evidence, in firing order."""
    return [combine_all(weights[: i + 1]) for i in range(len(weights))]


def step(kb: KnowledgeBase, case: Case, firing: Firing, words: Mapping[str, str], **extra: Any) -> dict[str, Any]:
    """One firing as an explanation step: the rule, what it matched, in ids and in words."""
    return {
        "step": firing.step,
        "rule": firing.rule.name,
        "matched": matched_answers(kb, firing),
        "because": because(kb, case, [firing], words, kb.labels(words)),
        "sources": [str(s) for s in firing.rule.sources],
        **extra,
    }


def explain(kb: KnowledgeBase, analysis: Analysis, conclusion: Conclusion) -> dict[str, Any]:
    """How ``conclusion`` was reached, or why it was not, as plain data."""
    case, inference = analysis.case, analysis.inference
    words = kb.catalog.wording(case)
    kind = conclusion.kind
    result: dict[str, Any] = {"id": conclusion.id, "kind": kind.name, "label": fill(conclusion.label, words)}
    if kind.ranked:
        firings = inference.support(conclusion)
        certainty = inference.certainty.get(conclusion.id, 0.0)
        running = running_certainty([f.rule.weight for f in firings])
        result.update(
            reached=certainty > 0,
            certainty=certainty,
            band=band(certainty),
            how=[step(kb, case, f, words, weight=f.rule.weight, running=r) for f, r in zip(firings, running)],
        )
        candidates = [r for r in kb.evidence_for(conclusion) if r.weight > 0]
    else:
        firings = inference.drawn(kind).get(conclusion, [])
        withheld = inference.withheld().get(conclusion, []) if firings else []
        result.update(
            reached=bool(firings) and not withheld,
            how=[step(kb, case, f, words, beliefs=beliefs_behind(kb, analysis, f)) for f in firings],
        )
        if withheld:
            result["withheld_by"] = [step(kb, case, f, words, reason=fill(f.rule.reason or "", words))
                                     for f in withheld]
        candidates = kb.rules_concluding(conclusion)
    if not result["reached"] and not result.get("withheld_by"):
        fired = {f.rule.name for f in inference.firings}
        result["why_not"] = [why_not(kb, analysis, rule, words) for rule in candidates if rule.name not in fired]
    return result


def beliefs_behind(kb: KnowledgeBase, analysis: Analysis, firing: Firing) -> list[dict[str, Any]]:
    """The explanations of the hypotheses a firing relied on."""
    return [
        explain(kb, analysis, kb.conclusion(c.hypothesis))
        for c in kb.conditions.get(firing.rule.name, ())
        if isinstance(c, BeliefCondition)
    ]


def why_not(kb: KnowledgeBase, analysis: Analysis, rule: KnowledgeRule | Review,
            words: Mapping[str, str]) -> dict[str, Any]:
    """The conditions of ``rule`` that failed (with the answer) or are unknown (with the question)."""
    case, inference = analysis.case, analysis.inference
    labels = kb.labels(words)
    result: dict[str, Any] = {"rule": rule.name, "weight": rule.weight if rule.supports else None,
                              "failed": [], "unknown": [], "sources": [str(s) for s in rule.sources]}
    if isinstance(rule, Review):
        result["note"] = rule.description
        return result
    judgement = kb.judge.rule(rule, case, inference.certainty)
    for condition in judgement.failed:
        if isinstance(condition, BeliefCondition):
            certainty = inference.certainty.get(condition.hypothesis, 0.0)
            given = f"{condition.hypothesis} = {certainty:.2f} ({band(certainty)})"
            answer = f"“{labels[condition.hypothesis]}” is {band(certainty)} ({certainty:.2f})"
        elif condition.path is None:  # an answer that must not be given, but was
            given = "; ".join(f"{p} = {kb.vocabulary.field(p).spell_value(case.get(p))}" for p in condition.paths)
            answer = "; ".join(fill(s, words) for p in condition.paths for s in told(kb, case, p))
        else:
            given = f"{condition.path} = {kb.vocabulary.field(condition.path).spell_value(case.get(condition.path))}"
            answer = "; ".join(fill(s, words) for s in told(kb, case, condition.path))
        result["failed"].append({"condition": str(condition), "needs": condition.in_words(words, labels),
                                 "given": given, "answer": answer})
    for condition in judgement.unknown:
        if isinstance(condition, BeliefCondition):
            open_rules = [
                r for r in kb.evidence_for(condition.hypothesis)
                if r.weight > 0 and kb.judge.rule(r, case, inference.certainty).status == UNKNOWN
            ]
            paths = dict.fromkeys(p for r in open_rules for c in kb.judge.rule(r, case, inference.certainty).unknown
                                  for p in c.paths)
            question = " / ".join(fill(kb.vocabulary.field(p).question, words) for p in paths)
        else:
            question = fill(kb.vocabulary.field(condition.path).question, words)
        result["unknown"].append({"condition": str(condition), "needs": condition.in_words(words, labels),
                                  "question": question})
    return result


def told(kb: KnowledgeBase, case: Case, path: str) -> list[str]:
    return kb.vocabulary.field(path).statements(case.get(path))
