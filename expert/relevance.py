"""Which answers matter: judging rules against a partly known case.

A rule is *ruled out* when one of its conditions fails on a known answer, and
*open* when none fails but some answer is still missing.  A missing field is
relevant when an answer to it could still change whether some rule fires:
an open rule needs it, or a rule that fires only while it is unanswered
would stop.  The consultation asks only relevant questions and the report
lists the relevant ones left unanswered.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exsplain.expert.conditions import (
    FAILS,
    HOLDS,
    UNKNOWN,
    AbsentCondition,
    BeliefCondition,
    Condition,
    FieldCondition,
)

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase
    from exsplain.expert.review import Review
    from exsplain.expert.rules import KnowledgeRule

__all__ = ["FAILS", "HOLDS", "UNKNOWN", "Judge", "Judgement"]


@dataclass(frozen=True)
class Judgement:
    """A rule's standing on a case, with the conditions behind it.

    ``open_paths`` are the unanswered fields whose answer could change it.
    """

    rule: KnowledgeRule | Review
    status: str
    failed: tuple[Any, ...]
    unknown: tuple[Any, ...]
    open_paths: tuple[str, ...]


class Judge:
    """Judges the rules of a knowledge base against cases."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._memo: tuple[Any, Any, dict[str, Judgement], dict[str, str]] = (None, None, {}, {})
        uses: dict[str, dict[str, KnowledgeRule | Review]] = {}
        for rule in kb.rules:
            for condition in kb.conditions[rule.name]:
                for path in condition.paths:
                    uses.setdefault(path, {})[rule.name] = rule
        self.uses: dict[str, list[KnowledgeRule | Review]] = {
            path: list(rules.values()) for path, rules in uses.items()}
        # the rules made of conditions on single fields alone: one that none of its answers rules out does not fail
        self.plain = frozenset(rule.name for rule in kb.rules
                               if all(isinstance(c, FieldCondition) for c in kb.conditions[rule.name]))
        # for each answer, the rules that one of their conditions on that field alone rules out
        ruled_out: dict[tuple[str, Any], set[str]] = {}
        for rule in kb.rules:
            for condition in kb.conditions[rule.name]:
                if isinstance(condition, FieldCondition):
                    for value in condition.field.values:
                        if not condition.holds(value):
                            ruled_out.setdefault((condition.path, value), set()).add(rule.name)
        self.ruled_out_by = {answer: frozenset(names) for answer, names in ruled_out.items()}
        # the questions some rule uses, in question order, each with the names of its plain rules and its other rules
        self.questions = [(f, frozenset(r.name for r in self.uses[f.path] if r.name in self.plain),
                           [r for r in self.uses[f.path] if r.name not in self.plain])
                          for f in kb.question_order if f.path in self.uses]

    def condition(self, condition: Condition, case: Case, certainty: Mapping[str, float],
                  seen: tuple[Any, ...] = ()) -> str:
        """HOLDS, FAILS or UNKNOWN for one condition."""
        if isinstance(condition, BeliefCondition):
            if condition.holds(certainty.get(condition.hypothesis, 0.0)):
                return HOLDS
            could_still_rise = any(
                rule.weight > 0 and rule not in seen and self.status(rule, case, certainty, seen) == UNKNOWN
                for rule in self.kb.evidence_for(condition.hypothesis)
            )
            return UNKNOWN if could_still_rise else FAILS
        return condition.judge(case, certainty)

    def rule(self, rule: KnowledgeRule | Review, case: Case, certainty: Mapping[str, float],
             seen: tuple[Any, ...] = ()) -> Judgement:
        """The ``Judgement`` of ``rule`` on ``case``.

        A report asks for the same rules many times over (for the open
        questions, for the reviews); top-level judgements of the last case
        are kept, since they depend on nothing else.
        """
        if seen:
            return self._judge(rule, case, certainty, seen)
        judgements, _ = self._memo_for(case, certainty)
        if rule.name not in judgements:
            judgements[rule.name] = self._judge(rule, case, certainty, ())
        return judgements[rule.name]

    def status(self, rule: KnowledgeRule | Review, case: Case, certainty: Mapping[str, float],
               seen: tuple[Any, ...] = ()) -> str:
        """The status alone of ``rule`` on ``case``, as ``rule`` would judge it.

        Most rules of a case fail, and the first failing condition settles
        that without judging the others; top-level statuses of the last case
        are kept, like judgements.
        """
        if seen:
            return self._status(rule, case, certainty, seen)
        judgements, statuses = self._memo_for(case, certainty)
        if rule.name not in statuses:
            known = judgements.get(rule.name)
            statuses[rule.name] = known.status if known else self._status(rule, case, certainty, ())
        return statuses[rule.name]

    def _memo_for(self, case: Case, certainty: Mapping[str, float]) -> tuple[dict[str, Judgement], dict[str, str]]:
        """The judgements and statuses kept for ``case``, emptied when another case comes."""
        memo_case, memo_certainty, judgements, statuses = self._memo
        if memo_case is not case or memo_certainty is not certainty:
            judgements, statuses = {}, {}
            self._memo = (case, certainty, judgements, statuses)
        return judgements, statuses

    def _status(self, rule: KnowledgeRule | Review, case: Case, certainty: Mapping[str, float],
                seen: tuple[Any, ...]) -> str:
        seen = (*seen, rule)
        unknown = False
        for condition in self.kb.conditions[rule.name]:
            verdict = self.condition(condition, case, certainty, seen)
            if verdict == FAILS:
                return FAILS
            unknown = unknown or verdict == UNKNOWN
        return UNKNOWN if unknown else HOLDS

    def _judge(self, rule: KnowledgeRule | Review, case: Case, certainty: Mapping[str, float],
               seen: tuple[Any, ...]) -> Judgement:
        seen = (*seen, rule)
        verdicts = [(c, self.condition(c, case, certainty, seen)) for c in self.kb.conditions[rule.name]]
        failed = tuple(c for c, v in verdicts if v == FAILS)
        unknown = tuple(c for c, v in verdicts if v == UNKNOWN)
        status = FAILS if failed else UNKNOWN if unknown else HOLDS
        open_paths = [p for c in unknown for p in c.paths]
        open_paths += [p for c, v in verdicts if isinstance(c, AbsentCondition) for p in c.paths if not case.known(p)]
        return Judgement(rule, status, failed, unknown, tuple(dict.fromkeys(open_paths)))

    def relevant_unknowns(self, case: Case, certainty: Mapping[str, float]) -> list[str]:
        """Unknown fields whose answer could still change a rule, in question order.

        An unknown field is an open path of every rule that uses it, so a
        rule that does not fail is enough, and its status tells that.  Most
        rules fail on a single answer, which ``ruled_out`` finds at once; a
        rule of plain conditions that it does not rule out does not fail, so
        only the other rules of a field are judged, and only when every
        plain one is ruled out.
        """
        ruled_out = self.ruled_out(case)
        found = []
        for field, plain, others in self.questions:
            if case.known(field.path) or field.applies(case) is not True:
                continue
            if not plain <= ruled_out or any(
                    rule.name not in ruled_out and self.status(rule, case, certainty) != FAILS for rule in others):
                found.append(field.path)
        return found

    def ruled_out(self, case: Case) -> frozenset[str]:
        """The rules with a condition on one field that the case's answer to it
        fails (the vocabulary reads only answers that their fields allow)."""
        return frozenset().union(*(self.ruled_out_by.get(answer, ()) for answer in case.answers.items()))

    def affected_by(self, path: str, case: Case, certainty: Mapping[str, float]) -> list[KnowledgeRule | Review]:
        """Rules whose outcome an answer to ``path`` could still change."""
        return [
            rule for rule in self.uses.get(path, ())
            if (judgement := self.rule(rule, case, certainty)).status != FAILS and path in judgement.open_paths
        ]
