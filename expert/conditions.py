"""Reading a rule's patterns as conditions on the answers of a case.

The Rete network only says which rules matched.  To explain why a rule did
*not* match, or whether it still could, each pattern is read back as
conditions on case fields, and each condition is judged against what is known
so far: it holds, it fails, or it is unknown because the answer is missing.
"""
from dataclasses import dataclass

from experta.fieldconstraint import NOTFC, ORFC, L, W

from expert.certainty import band as band_of
from expert.rules import Belief
from expert.vocabulary import ChoiceSet, TableFact


def satisfies(constraint, value):
    """Whether a single value meets an experta field constraint."""
    if isinstance(constraint, L):
        return type(value) is type(constraint.value) and value == constraint.value
    if isinstance(constraint, ORFC):
        return any(satisfies(c, value) for c in constraint)
    if isinstance(constraint, NOTFC):
        return not satisfies(constraint[0], value)
    if isinstance(constraint, W):
        return True
    return type(value) is type(constraint) and value == constraint


def spell(constraint):
    """A constraint as people read it: ``= me``, ``is ex or mutual``, ``≠ none``."""
    if isinstance(constraint, L):
        return spell(constraint.value)
    if isinstance(constraint, ORFC):
        return " or ".join(spell(c) for c in constraint)
    if isinstance(constraint, NOTFC):
        return "not " + spell(constraint[0])
    if isinstance(constraint, W):
        return "anything"
    if isinstance(constraint, bool):
        return str(constraint).lower()
    return str(constraint)


def spell_value(value):
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]" if value else "[]"
    return spell(value)


@dataclass(frozen=True)
class FieldCondition:
    """One field of a table fact must meet ``constraint``."""

    path: str
    constraint: object

    def holds(self, value):
        return satisfies(self.constraint, value)

    def __str__(self):
        if isinstance(self.constraint, (ORFC, NOTFC, W)):
            return f"{self.path} is {spell(self.constraint)}"
        return f"{self.path} = {spell(self.constraint)}"


@dataclass(frozen=True)
class ItemCondition:
    """Some item of a list field must meet all of ``constraints``."""

    path: str
    answer: ChoiceSet
    constraints: tuple

    def holds(self, values):
        items = [{"kind": v, "further": i > 0} for i, v in enumerate(values)]
        return any(all(satisfies(c, item[f]) for f, c in self.constraints) for item in items)

    def __str__(self):
        words = []
        for name, constraint in self.constraints:
            if name == "kind":
                words.append("includes " + spell(constraint))
            elif name == "further":
                words.append("names more than one" if satisfies(constraint, True) else "names at least one")
        return f"{self.path} " + " and ".join(words or ["names at least one"])


@dataclass(frozen=True)
class BeliefCondition:
    """A hypothesis must have reached one of ``bands``."""

    hypothesis: str
    constraint: object

    path = None

    def holds(self, certainty):
        return satisfies(self.constraint, band_of(certainty)) and certainty > 0

    def __str__(self):
        return f"{self.hypothesis} is {spell(self.constraint)}"


def conditions(rule, vocabulary):
    """The conditions of ``rule``'s patterns, in the order they are written."""
    items = {
        answer.item: (path, answer) for path, answer in vocabulary.fields.items() if isinstance(answer, ChoiceSet)
    }
    found = []
    for pattern in rule.patterns:
        fields = sorted((k, v) for k, v in pattern.items() if not pattern.is_special(k))
        if isinstance(pattern, Belief):
            found.append(BeliefCondition(pattern["id"], pattern["band"]))
        elif isinstance(pattern, TableFact):
            found += [FieldCondition(f"{pattern.table}.{name}", c) for name, c in fields]
        elif type(pattern) in items:
            path, answer = items[type(pattern)]
            found.append(ItemCondition(path, answer, tuple(fields)))
        else:
            raise TypeError(f"rule {rule.name}: cannot read pattern {pattern!r}")
    return tuple(found)
