"""Checks of a knowledge base itself, so that it cannot rot silently.

Every conclusion has words and sources and is reachable by some rule; every
field has a question and words for each answer, and is used by a rule or by
the wording; every rule cites its sources and fires on some example; every
citation points at a paragraph that exists; no rule repeats another; every
invariant the knowledge base declares holds on every example and on every
combination of answers it asks to be tried.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exsplain.expert.case import Case
from exsplain.expert.catalog import Source
from exsplain.expert.rules import SAFETY, shadowed

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase
    from exsplain.expert.review import Review
    from exsplain.expert.rules import KnowledgeRule


@dataclass(frozen=True, eq=False, repr=False)
class Invariant:
    """A promise every reading of a knowledge base keeps, and how to test it.

    ``test`` takes an analysis (a case, its inference, report and region)
    and returns the ways that reading breaks the promise, in words.
    """

    id: str
    text: str
    test: Callable[[Analysis], list[str]]


SHOWN_PER_INVARIANT = 20  # failures listed for one invariant; the rest are counted


@dataclass
class Findings:
    problems: list[str]
    fired: set[str]
    rules: int

    @property
    def coverage(self) -> str:
        return f"{len(self.fired)}/{self.rules} rules fired by the examples"


def check(kb: KnowledgeBase, examples: list[Case], combinations: Iterable[tuple[str, Case]] | None = None) -> Findings:
    """Check ``kb`` against the example cases ``examples`` and the invariants
    over them and over ``combinations`` (by default, the knowledge base's own);
    returns ``Findings``."""
    problems = conclusion_problems(kb) + rule_problems(kb) + field_problems(kb)
    fired: set[str] = set()
    for case in examples:
        fired |= {f.rule.name for f in kb.infer(case).firings}
    problems += [f"rule {r.name} fires in no example" for r in kb.rules if r.name not in fired]
    named = [(f"example {os.path.basename(case.path or case.title or '?')}", case) for case in examples]
    named += [(f"combination {name}", case) for name, case in
              (kb.combinations() if combinations is None else combinations)]
    problems += invariant_problems(kb, named)
    return Findings(problems, fired, len(kb.rules))


def invariant_problems(kb: KnowledgeBase, cases: Iterable[tuple[str, Case]]) -> list[str]:
    """Each failure of an invariant, by example or by combination, and the case it fails on
    (regions taken in turn, so that every region's help is tried)."""
    failures: dict[str, list[str]] = {inv.id: [] for inv in kb.invariants}
    regions = [r.code for r in kb.catalog.regions] or [""]
    for n, (name, case) in enumerate(cases):
        analysis = kb.analyze(case, regions[n % len(regions)])
        for invariant in kb.invariants:
            failures[invariant.id] += [f"invariant {invariant.id} ({invariant.text}) fails on {name}: {failure}"
                                       for failure in invariant.test(analysis)]
    problems = []
    for found in failures.values():
        problems += found[:SHOWN_PER_INVARIANT]
        if len(found) > SHOWN_PER_INVARIANT:
            problems.append(f"... and {len(found) - SHOWN_PER_INVARIANT} more failures of the same invariant")
    return problems


def conclusion_problems(kb: KnowledgeBase) -> list[str]:
    problems = []
    for conclusion in kb.catalog.conclusions:
        name = f"{conclusion.kind} {conclusion.id}"
        if conclusion.kind not in kb.kinds:
            problems.append(f"{name} is of a kind the knowledge base does not report")
        if not (conclusion.label.strip() and conclusion.text.strip()):
            problems.append(f"{name} has no wording")
        if not conclusion.sources:
            problems.append(f"{name} cites no source")
        problems += citation_problems(name, conclusion.sources)
        if conclusion.kind.ranked:
            concluded = any(r.weight > 0 for r in kb.evidence_for(conclusion))
        else:
            concluded = bool(kb.rules_concluding(conclusion))
        if not concluded:
            problems.append(f"{name} is concluded by no rule")
    return problems


def rule_problems(kb: KnowledgeBase) -> list[str]:
    problems = []
    known = set(kb.catalog.conclusions)
    seen: dict[tuple[Any, ...], str] = {}
    problems += [f"two rules are named {name}; one of them never runs" for name in shadowed(kb.engine_class)]
    for rule in kb.rules:
        for conclusion in rule.conclusions():
            if conclusion not in known:
                problems.append(f"rule {rule.name} concludes {conclusion.kind} {conclusion.id}, "
                                "which is not in the catalog")
        if not rule.sources:
            problems.append(f"rule {rule.name} cites no source")
        problems += citation_problems(f"rule {rule.name}", rule.sources)
        if rule.salience == SAFETY and not any(s.article is None and s.note for s in rule.sources):
            problems.append(f"safety rule {rule.name} does not say why it goes beyond the articles")
        if (rule.withholds or rule.reason) and not (rule.withholds and rule.reason):
            problems.append(f"rule {rule.name} must give both what it withholds and why")
        key = signature(kb, rule)
        if key in seen:
            problems.append(f"rules {seen[key]} and {rule.name} are identical")
        seen.setdefault(key, rule.name)
    return problems


def field_problems(kb: KnowledgeBase) -> list[str]:
    problems = []
    asked = [f.path for f in kb.question_order]
    for path, field in kb.vocabulary.fields.items():
        if not field.question.strip():
            problems.append(f"field {path} has no question")
        if path not in asked:
            problems.append(f"field {path} is never asked (it is not in the question order)")
        for answer in field.answers.values():
            if not (answer.label.strip() and answer.statement.strip()):
                problems.append(f"field {path} has no words for the answer {field.spell_value(answer.value)}")
    for path in asked:
        if path not in kb.vocabulary.fields:
            problems.append(f"question {path} asks for no field of the case tables")
    if len(set(asked)) != len(asked):
        problems.append("a field appears twice in the question order")
    problems += [f"field {path} is used by no rule and not by the wording" for path in unused_fields(kb)]
    return problems


def citation_problems(owner: str, sources: tuple[Source, ...]) -> list[str]:
    """Citations must point at paragraphs within their article; notes must say why."""
    problems = []
    for source in sources:
        if source.article is None:
            if not (source.note or "").strip():
                problems.append(f"{owner} goes beyond the articles without saying why")
            continue
        first = source.first or 0
        last = first if source.last is None else source.last
        if not 1 <= first <= last <= source.article.paragraphs:
            problems.append(f"{owner} cites {source}, but {source.article.id} has "
                            f"{source.article.paragraphs} paragraphs")
    return problems


def unused_fields(kb: KnowledgeBase) -> list[str]:
    """Fields no rule matches and whose answer does not change the wording either."""
    unused = []
    for path, field in kb.vocabulary.fields.items():
        if path in kb.judge.uses:
            continue
        wordings = {tuple(sorted(kb.catalog.wording(Case({path: v})).items())) for v in field.values}
        if len(wordings) < 2:
            unused.append(path)
    return unused


def signature(kb: KnowledgeBase, rule: KnowledgeRule | Review) -> tuple[Any, ...]:
    """What a rule matches and concludes, whatever its name."""
    conditions = tuple(sorted(str(c) for c in kb.conditions[rule.name]))
    ids = tuple(c.id for c in rule.concludes), tuple(c.id for c in rule.withholds)
    return conditions, rule.supports and rule.supports.id, rule.weight, ids, type(rule).__name__
