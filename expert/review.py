"""Reviews: conclusions drawn after the rules have run, from what they did.

Some conclusions are about the answers rather than the situation: an answer
that belongs to another situation, say.  They need the whole inference and
the relevance of every rule, so no pattern can match them; a review draws
them instead, and appears in the trace like a rule, so that reports,
explanations and checks treat both alike.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exsplain.expert.catalog import Conclusion, Source
from exsplain.expert.conditions import FAILS, FieldCondition
from exsplain.expert.rules import declared_here

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.engine import Inference
    from exsplain.expert.knowledge_base import KnowledgeBase

_definition_order = itertools.count(1 << 20)


@dataclass
class Finding:
    """One thing a review found: the answers behind it and the words for its message."""

    matched: list[str]
    details: dict[str, Any] = field(default_factory=dict)
    answers: tuple[str, ...] = ()  # the fields whose answers it is about


class Review:
    """A named check run after the rules; it concludes ``concludes`` once per finding."""

    name = ""
    supports = None
    weight = 0.0
    withholds: tuple[Any, ...] = ()
    says = None
    reason = None
    salience = 0
    description = ""

    def __init__(self, concludes: Conclusion, sources: tuple[Source, ...] | None = None):
        self.concludes = (concludes,)
        self.sources = tuple(sources) if sources is not None else tuple(concludes.sources)
        self.order = next(_definition_order)
        self.defined = declared_here()

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def conclusions(self) -> list[Conclusion]:
        return list(self.concludes)

    def findings(self, kb: KnowledgeBase, case: Case, inference: Inference) -> list[Finding]:
        raise NotImplementedError


class AnswersFromAnotherSituation(Review):
    """Answers given for a situation other than the case's.

    An answer is flagged when every rule that uses its field requires a value
    of a *situation* field (who ended it, say) that the case contradicts.
    Other answers never make it irrelevant, and neither does anything for an
    answer the person was asked for.
    """

    description = "an answer whose every rule needs another situation"

    def __init__(self, concludes: Conclusion, situation: tuple[Any, ...], sources: tuple[Source, ...] | None = None):
        super().__init__(concludes, sources)
        self.situation = situation
        self._requirements: dict[str, list[list[FieldCondition]]] | None = None
        self._distinct: tuple[FieldCondition, ...] | None = None
        self._blocked: dict[frozenset[FieldCondition], list[tuple[str, str]]] = {}

    def requirements(self, kb: KnowledgeBase) -> dict[str, list[list[FieldCondition]]]:
        """For each field, the situation conditions of each rule that uses it (worked out once)."""
        if self._requirements is None:
            self._requirements = {
                path: [[c for c in kb.conditions[rule.name]
                        if isinstance(c, FieldCondition) and c.field in self.situation]
                       for rule in kb.judge.uses[path]]
                for path, field_ in kb.vocabulary.fields.items()
                if path in kb.judge.uses and field_ not in self.situation
            }
        return self._requirements

    def findings(self, kb: KnowledgeBase, case: Case, inference: Inference) -> list[Finding]:
        found = []
        for path, situation in self.blocked(kb, self.failing(kb, case)):
            if not case.known(path) or path in case.asked:
                continue
            field_ = kb.vocabulary.field(path)
            found.append(Finding(
                [f"{path} = {field_.spell_value(case.get(path))}"],
                {"question": field_.question, "situation": situation},
                (path,),
            ))
        return found

    def failing(self, kb: KnowledgeBase, case: Case) -> frozenset[FieldCondition]:
        """The situation conditions that fail on ``case``.  Rules repeat the same
        few, and equal conditions judge alike, so each distinct one is judged once."""
        if self._distinct is None:
            self._distinct = tuple(dict.fromkeys(c for requirements in self.requirements(kb).values()
                                                 for conditions in requirements for c in conditions))
        return frozenset(c for c in self._distinct if c.judge(case, {}) == FAILS)

    def blocked(self, kb: KnowledgeBase, failing: frozenset[FieldCondition]) -> list[tuple[str, str]]:
        """Each field whose every rule needs a situation that ``failing`` rules
        out, with what it would need.  This depends on ``failing`` alone, and a
        few situations come up case after case, so each is worked out once."""
        if failing not in self._blocked:
            self._blocked[failing] = [
                (path, needed([[c for c in conditions if c in failing] for conditions in requirements]))
                for path, requirements in self.requirements(kb).items()
                if all(any(c in failing for c in conditions) for conditions in requirements)
            ]
        return self._blocked[failing]


def needed(requirements: list[list[FieldCondition]]) -> str:
    """What an answer would need, in words that are true: the unmet conditions
    every rule that uses it shares, joined with "and"; where the rules share
    none, each rule's unmet conditions, the rules joined with "or"."""
    def said(condition: FieldCondition) -> str:
        return " or ".join(dict.fromkeys(s for v in condition.allowed() for s in condition.field.statements(v)))

    shared = [c for c in requirements[0] if all(str(c) in map(str, other) for other in requirements[1:])]
    if shared:
        return " and ".join(dict.fromkeys(said(c) for c in shared))
    return " or ".join(dict.fromkeys(" and ".join(said(c) for c in conditions) for conditions in requirements))


class OverruledAnswers(Review):
    """Answers the case is read without, because another answer implies the
    opposite (see ``Vocabulary.implied``): one finding for each, naming both
    questions."""

    description = "an answer that another answer contradicts"

    def findings(self, kb: KnowledgeBase, case: Case, inference: Inference) -> list[Finding]:
        found = []
        for path, by in case.overruled:
            field_, other = kb.vocabulary.field(path), kb.vocabulary.field(by)
            found.append(Finding(
                [f"{by} = {other.spell_value(case.get(by))}", f"{path} read as {field_.spell_value(case.get(path))}"],
                {"question": field_.question, "other": other.question},
                (path, by),
            ))
        return found
