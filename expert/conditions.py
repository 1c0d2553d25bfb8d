"""Reading a rule's patterns back as conditions on the answers of a case.

The Rete network only says which rules matched.  To explain why a rule did
*not* match, or whether it still could, each pattern is read back as
conditions on case fields, and each condition is judged against what is known
so far: it holds, it fails, or it is unknown because an answer is missing.

A condition is said two ways: with field ids (``breakup.ended_by = me``) for
traces and JSON, and in words (``you ended it``) for people.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exsplain.expert.catalog import Conclusion
from exsplain.expert.certainty import BANDS
from exsplain.expert.certainty import band as band_of
from exsplain.expert.experta import NOT, NOTFC, ORFC, L, P, W
from exsplain.expert.fields import CaseError, ChoiceSet, Field, Table
from exsplain.expert.rules import Belief, KnowledgeRule
from exsplain.expert.wording import fill

if TYPE_CHECKING:
    from exsplain.expert.case import Case

HOLDS, FAILS, UNKNOWN = "holds", "fails", "unknown"


def satisfies(constraint: Any, value: Any) -> bool:
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


def spell(constraint: Any) -> str:
    """A constraint as ids: ``me``, ``ex or mutual``, ``not none``."""
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


def either(statements: list[str]) -> str:
    return " or ".join(dict.fromkeys(statements))


class OnOneField:
    """What the conditions on a single field share: its path, kept at hand,
    and the verdict from the answer (unknown while there is none)."""

    field: Field
    path: str
    paths: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", self.field.path)
        object.__setattr__(self, "paths", (self.field.path,))

    def holds(self, value: Any) -> bool:
        raise NotImplementedError

    def judge(self, case: Case, certainty: Mapping[str, float]) -> str:
        if not case.known(self.path):
            return UNKNOWN
        return HOLDS if self.holds(case.get(self.path)) else FAILS


@dataclass(frozen=True)
class FieldCondition(OnOneField):
    """One field of a table fact must meet ``constraint``."""

    field: Field
    constraint: Any

    def holds(self, value: Any) -> bool:
        return satisfies(self.constraint, value)

    def allowed(self) -> list[Any]:
        return [v for v in self.field.values if self.holds(v)]

    def matched_line(self, fact: Any) -> str | None:
        """The trace line ``path = value`` for a fact of this field's table; None for another fact."""
        if getattr(fact, "table", None) != self.field.table:
            return None
        return f"{self.path} = {self.field.spell_value(fact[self.field.name])}"

    def __str__(self) -> str:
        if isinstance(self.constraint, (ORFC, NOTFC, W)):
            return f"{self.path} is {spell(self.constraint)}"
        return f"{self.path} = {spell(self.constraint)}"

    def in_words(self, words: Mapping[str, str], labels: Mapping[str, str]) -> str:
        return fill(either([s for v in self.allowed() for s in self.field.statements(v)]), words)


@dataclass(frozen=True)
class ItemCondition(OnOneField):
    """Some item of a list field must meet all of ``constraints``."""

    field: ChoiceSet
    constraints: tuple[Any, ...]

    def holds(self, values: tuple[Any, ...]) -> bool:
        return bool(self.matching(values))

    def matching(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """The items of ``values`` that meet the constraints (the first item is not "further")."""
        items = [{"kind": v, "further": i > 0} for i, v in enumerate(values)]
        return tuple(i["kind"] for i in items if all(satisfies(c, i[f]) for f, c in self.constraints))

    def matched_line(self, fact: Any) -> str | None:
        """The trace line ``path includes kind`` for an item of this field; None for another fact."""
        return f"{self.path} includes {fact['kind']}" if isinstance(fact, self.field.item) else None

    def kinds(self) -> list[str]:
        kind = dict(self.constraints).get("kind")
        return [v for v in self.field.values if kind is None or satisfies(kind, v)]

    def __str__(self) -> str:
        words = []
        for name, constraint in self.constraints:
            if name == "kind":
                words.append("includes " + spell(constraint))
            elif name == "further":
                words.append("names more than one" if satisfies(constraint, True) else "names at least one")
        return f"{self.path} " + " and ".join(words or ["names at least one"])

    def in_words(self, words: Mapping[str, str], labels: Mapping[str, str]) -> str:
        question = fill(self.field.question, words)
        if "kind" in dict(self.constraints):
            return fill(either([s for v in self.kinds() for s in self.field.statements((v,))]), words)
        further = dict(self.constraints).get("further")
        if further is not None and satisfies(further, True):
            return f"more than one answer to “{question}”"
        return f"at least one answer to “{question}”"


@dataclass(frozen=True)
class BeliefCondition:
    """A hypothesis must have reached one of the bands ``constraint`` allows."""

    hypothesis: str
    constraint: Any

    path = None
    paths: tuple[str, ...] = ()

    def holds(self, certainty: float) -> bool:
        return satisfies(self.constraint, band_of(certainty)) and certainty > 0

    def judge(self, case: Case, certainty: Mapping[str, float]) -> str:
        return HOLDS if self.holds(certainty.get(self.hypothesis, 0.0)) else FAILS

    def matched_line(self, fact: Any) -> str | None:
        """The trace line ``id = certainty (band)`` for this hypothesis's belief; None for another fact."""
        if not isinstance(fact, Belief) or fact["id"] != self.hypothesis:
            return None
        return f"{fact['id']} = {fact['certainty']:.2f} ({fact['band']})"

    def __str__(self) -> str:
        return f"{self.hypothesis} is {spell(self.constraint)}"

    def in_words(self, words: Mapping[str, str], labels: Mapping[str, str]) -> str:
        least = "likely" if not satisfies(self.constraint, "possible") else "at least possible"
        return f"“{labels.get(self.hypothesis, self.hypothesis)}” seems {least}"


@dataclass(frozen=True)
class AbsentCondition:
    """No fact may match the conditions ``inner`` (experta's ``NOT``).

    An unknown answer counts as "not", as it does in the engine; the field
    is still worth asking, since an answer could block the rule.
    """

    inner: tuple[Any, ...]

    path = None

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(p for c in self.inner for p in c.paths)

    def judge(self, case: Case, certainty: Mapping[str, float]) -> str:
        verdicts = [c.judge(case, certainty) for c in self.inner]
        return FAILS if all(v == HOLDS for v in verdicts) else HOLDS

    def is_unknown_test(self) -> bool:
        """Whether this says "the field has no answer" (``NOT(Table(field=W()))``)."""
        return len(self.inner) == 1 and isinstance(self.inner[0], FieldCondition) and isinstance(
            self.inner[0].constraint, W)

    def __str__(self) -> str:
        if self.is_unknown_test():
            return f"{self.inner[0].path} is unknown"
        return "not (" + " and ".join(str(c) for c in self.inner) + ")"

    def in_words(self, words: Mapping[str, str], labels: Mapping[str, str]) -> str:
        if self.is_unknown_test():
            return f"no answer yet to “{fill(self.inner[0].field.question, words)}”"
        if len(self.inner) == 1 and isinstance(self.inner[0], FieldCondition):
            single = self.inner[0]
            others = [v for v in single.field.values if not single.holds(v)]
            return fill(either([s for v in others for s in single.field.statements(v)]), words) + " (or not known)"
        if len(self.inner) == 1 and isinstance(self.inner[0], ItemCondition) and self.inner[0].field.values:
            item = self.inner[0]
            return f"not: {item.in_words(words, labels)}"
        return "not: " + "; ".join(c.in_words(words, labels) for c in self.inner)


Condition = FieldCondition | ItemCondition | BeliefCondition | AbsentCondition


def item_fields(tables: tuple[Any, ...]) -> dict[type, ChoiceSet]:
    """The list fields of ``tables``, by the fact class of their items."""
    return {f.item: f for table in tables for f in table.fields().values() if isinstance(f, ChoiceSet)}


class RuleMistake(Exception):
    """A rule that names a field, a value or a hypothesis its knowledge base
    does not have.  Found when the knowledge base is built (as PAIP's MYCIN
    checks a rule when it is defined), because such a rule would otherwise
    never fire, or fire wrongly, without a word."""


def literals(constraint: Any) -> list[Any]:
    """The plain values an experta field constraint names (none for a wildcard)."""
    if isinstance(constraint, L):
        return [constraint.value]
    if isinstance(constraint, (ORFC, NOTFC)):
        return [v for part in constraint for v in literals(part)]
    if isinstance(constraint, (W, P)):  # a predicate names no value to check
        return []
    return [constraint]


def field_condition(table: type[Table], name: str, constraint: Any) -> FieldCondition:
    """The condition on ``table.name``, once the field and every value it names are known to exist."""
    fields = table.fields()
    if name not in fields:
        raise RuleMistake(f"[{table.table}] has no field {name} (its fields: {', '.join(fields)})")
    field = fields[name]
    for value in literals(constraint):
        try:
            field.check(value)
        except CaseError:
            raise RuleMistake(f"{field.path} cannot be {spell(value)} (allowed: {field.describe()})") from None
    return FieldCondition(field, constraint)


def item_condition(field: ChoiceSet, constraints: tuple[Any, ...]) -> ItemCondition:
    """The condition on an item of a list field, once its names and values are known to exist."""
    allowed = {"kind": field.values, "further": (True, False)}
    for name, constraint in constraints:
        if name not in allowed:
            raise RuleMistake(f"an item of {field.path} has no {name} (only kind and further)")
        for value in literals(constraint):
            if not any(type(value) is type(a) and value == a for a in allowed[name]):
                words = " | ".join(spell(a) for a in allowed[name])
                raise RuleMistake(f"an item of {field.path} cannot have {name} {spell(value)} (allowed: {words})")
    return ItemCondition(field, constraints)


def belief_condition(hypothesis: Any, constraint: Any, hypotheses: Mapping[str, Conclusion]) -> BeliefCondition:
    """The condition on a hypothesis's band, once the hypothesis and the bands are known to exist."""
    if hypothesis not in hypotheses:
        raise RuleMistake(f"no hypothesis is called {spell(hypothesis)}")
    for value in literals(constraint):
        if value not in BANDS:
            raise RuleMistake(f"a belief cannot be {spell(value)} (allowed: {' | '.join(BANDS)})")
    return BeliefCondition(hypothesis, constraint)


def pattern_conditions(pattern: Any, items: Mapping[type, ChoiceSet],
                       hypotheses: Mapping[str, Conclusion]) -> list[Condition]:
    if isinstance(pattern, NOT):
        return [AbsentCondition(tuple(c for p in pattern for c in pattern_conditions(p, items, hypotheses)))]
    fields = sorted((k, v) for k, v in pattern.items() if not pattern.is_special(k))
    if isinstance(pattern, Belief):
        return [belief_condition(pattern["id"], pattern["band"], hypotheses)]
    if isinstance(pattern, Table):
        return [field_condition(type(pattern), name, c) for name, c in fields]
    if type(pattern) in items:
        return [item_condition(items[type(pattern)], tuple(fields))]
    raise RuleMistake(f"cannot read the pattern {pattern!r}: it is not a table, an item or a belief")


def conditions(rule: KnowledgeRule, items: Mapping[type, ChoiceSet],
               hypotheses: Mapping[str, Conclusion]) -> tuple[Condition, ...]:
    """The conditions of ``rule``'s patterns, in the order they are written.

    ``items`` are the list fields by the fact class of their items (see
    ``item_fields``), ``hypotheses`` the conclusions a belief may name.
    Raises ``RuleMistake``, naming the rule, for a field, value or
    hypothesis that does not exist.
    """
    try:
        return tuple(c for pattern in rule.patterns for c in pattern_conditions(pattern, items, hypotheses))
    except RuleMistake as error:
        raise RuleMistake(f"rule {rule.name}: {error}") from None
