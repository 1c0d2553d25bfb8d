"""A rule rewritten for the Rete network as experta rewrites it, without experta's search.

Before building its network experta puts each rule in disjunctive normal
form by applying its rewrites until nothing changes, rebuilding every
pattern on each pass: half the time it takes to build the network.  Rules
here are ANDs of patterns, negated patterns and tests, and a pattern's
field may offer alternatives (``"a" | "b"``).  For that shape the normal form
can be written at once: one AND for each choice of alternatives, in the
order experta's rewrites give.  A rule of any other shape goes to experta.
"""
from __future__ import annotations

from itertools import product
from typing import Any

from exsplain.expert.experta import AND, ANDFC, NOT, NOTFC, OR, ORFC, TEST, Fact, InitialFact, Rule, prepare_rule

COMPOUND = (ORFC, ANDFC, NOTFC)


def prepared(rule: Rule) -> Rule:
    """``rule`` as experta's ``prepare_rule`` returns it (an equal rule)."""
    options = [choices(element) for element in rule]
    if not all(options):
        return prepare_rule(rule)
    ands = list(product(*options))
    if len(ands) == 1:
        (elements,) = ands
        if all(isinstance(e, TEST) for e in elements) or isinstance(elements[0], NOT):  # no pattern, or a leading NOT
            return rule.new_conditions(InitialFact(), *elements)
        return rule.new_conditions(*elements)
    return rule.new_conditions(OR(*(started(elements) for elements in ands)))


def choices(element: Any) -> list[Any]:
    """The element's alternatives once the alternatives of its fields are
    spread out; empty if the element is not of the shape written for here."""
    if isinstance(element, TEST):
        return [element]
    if isinstance(element, NOT):
        return [element] if len(element) == 1 and plain(element[0]) else []
    if not isinstance(element, Fact) or isinstance(element, InitialFact):
        return []
    spread = {key: value for key, value in element.items() if isinstance(value, ORFC)}
    if not spread:
        return [element] if plain(element) else []
    if not all(len(value) > 1 and not any(isinstance(v, COMPOUND) for v in value) for value in spread.values()):
        return []
    if not plain(element, without=spread):
        return []
    return [type(element).from_iter((key, picked.get(key, value)) for key, value in element.items())
            for picked in (dict(zip(spread, values)) for values in product(*spread.values()))]


def plain(pattern: Any, without: dict[Any, Any] | None = None) -> bool:
    """A pattern whose fields experta's rewrites leave as they are."""
    return isinstance(pattern, Fact) and all(
        not isinstance(value, (ORFC, ANDFC)) and not (isinstance(value, NOTFC) and isinstance(value[0], COMPOUND))
        for key, value in pattern.items() if not without or key not in without)


def started(elements: tuple[Any, ...]) -> Any:
    """One AND of the OR, as experta starts it: with the initial fact before a
    leading negation; a lone pattern stands for itself."""
    if len(elements) == 1:
        return elements[0]
    if isinstance(elements[0], NOT):
        return AND(InitialFact(), *elements)
    return AND(*elements)
