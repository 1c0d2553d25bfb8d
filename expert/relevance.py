"""Which answers matter: judging rules against a partly known case.

A rule is *ruled out* when one of its conditions fails on a known answer, and
*open* when none fails but some answer is still missing.  A missing field is
relevant when some open rule needs it; a given answer is irrelevant when every
rule that uses it is ruled out by other answers.  The consultation asks only
relevant questions and the report lists the relevant ones left unanswered.
"""
from dataclasses import dataclass

from expert.conditions import BeliefCondition

HOLDS, FAILS, UNKNOWN = "holds", "fails", "unknown"


@dataclass(frozen=True)
class Judgement:
    """A rule's standing on a case, with the conditions behind it."""

    rule: object
    status: str
    failed: tuple
    unknown: tuple


class Judge:
    """Judges the rules of a knowledge base against cases."""

    def __init__(self, kb):
        self.kb = kb
        self.uses = {}
        for rule in kb.rules:
            for condition in kb.conditions[rule.name]:
                if condition.path:
                    self.uses.setdefault(condition.path, []).append(rule)

    def condition(self, condition, case, certainty, seen=()):
        """HOLDS, FAILS or UNKNOWN for one condition."""
        if isinstance(condition, BeliefCondition):
            if condition.holds(certainty.get(condition.hypothesis, 0.0)):
                return HOLDS
            could_still_rise = any(
                rule.weight > 0 and rule not in seen and self.rule(rule, case, certainty, seen).status == UNKNOWN
                for rule in self.kb.evidence_for(condition.hypothesis)
            )
            return UNKNOWN if could_still_rise else FAILS
        if not case.known(condition.path):
            return UNKNOWN
        return HOLDS if condition.holds(case.get(condition.path)) else FAILS

    def rule(self, rule, case, certainty, seen=()):
        """The ``Judgement`` of ``rule`` on ``case``."""
        seen = (*seen, rule)
        verdicts = [(c, self.condition(c, case, certainty, seen)) for c in self.kb.conditions[rule.name]]
        failed = tuple(c for c, v in verdicts if v == FAILS)
        unknown = tuple(c for c, v in verdicts if v == UNKNOWN)
        status = FAILS if failed else UNKNOWN if unknown else HOLDS
        return Judgement(rule, status, failed, unknown)

    def relevant_unknowns(self, case, certainty):
        """Unknown fields that an open rule still needs, in question order."""
        return [
            path
            for path in self.kb.question_order
            if not case.known(path)
            and any(self.rule(r, case, certainty).status == UNKNOWN for r in self.uses.get(path, ()))
        ]

    def irrelevant_answers(self, case, certainty):
        """Known fields whose every rule is ruled out by *other* answers.

        Returns ``{path: [failed conditions of each rule that uses it]}``.
        """
        irrelevant = {}
        for path in self.kb.vocabulary.fields:
            rules = self.uses.get(path) if case.known(path) else None
            if not rules:
                continue
            blockers = []
            for rule in rules:
                others = tuple(c for c in self.rule(rule, case, certainty).failed if c.path and c.path != path)
                if not others:
                    break
                if others not in blockers:
                    blockers.append(others)
            else:
                irrelevant[path] = blockers
        return irrelevant

    def affected_by(self, path, case, certainty):
        """Open rules that use ``path``: what an answer to it could change."""
        return [r for r in self.uses.get(path, ()) if self.rule(r, case, certainty).status == UNKNOWN]
