"""Building the beta part of the Rete network: each rule's patterns joined two at a time.

experta wires the beta network with a new ``singledispatch`` function per
rule, which computes every class's method resolution order again: a third of
the time spent building the network.  This is the same wiring with one
dispatch on the kind of element.
"""
from __future__ import annotations

from typing import Any

from exsplain.expert.experta import (
    AND,
    EXISTS,
    FORALL,
    NOT,
    OR,
    TEST,
    Fact,
    InitialFact,
    NotNode,
    OrdinaryMatchNode,
    Rule,
    SameContextCheck,
    WhereCheck,
    WhereNode,
)


class BetaWiring:
    """The beta nodes of one rule's left-hand side, joined two inputs at a time."""

    def __init__(self, alpha_terminals: dict[Any, Any], join: type = OrdinaryMatchNode, negation: type = NotNode):
        self.alpha = alpha_terminals
        self.join, self.negation = join, negation

    def node_of(self, element: Any) -> Any:
        if isinstance(element, Fact):
            return self.alpha[element]
        if isinstance(element, NOT):
            return self.alpha[element[0]]
        if isinstance(element, TEST):
            return WhereNode(WhereCheck(element[0]))
        if isinstance(element, (Rule, AND)):
            return self.joined(element)
        if isinstance(element, EXISTS):
            return self.exists(element)
        if isinstance(element, FORALL):
            return self.for_all(element)
        if isinstance(element, OR):
            raise SyntaxError("You can't use an OR clause inside FORALL or EXISTS")
        raise TypeError(f"Unknown type {type(element)}")

    def joined(self, elements: Any) -> Any:
        """Each element joined to what comes before it (a NOT as a not-node, a TEST as a filter)."""
        if len(elements) == 1:
            return self.node_of(elements[0])
        current = None
        for left, right in zip(elements, elements[1:]):
            if isinstance(right, TEST):
                current = current if current is not None else self.node_of(left)
                test = self.node_of(right)
                current.add_child(test, test.activate)
                current = test
                continue
            node_class = self.negation if isinstance(right, NOT) else self.join
            left_node = current if current is not None else self.node_of(left)
            right_node = self.node_of(right)
            current = node_class(SameContextCheck())
            left_node.add_child(current, current.activate_left)
            right_node.add_child(current, current.activate_right)
        return current

    def exists(self, element: Any) -> Any:
        """There is a match: not (the initial fact with no match)."""
        return self.not_not(self.node_of(InitialFact()), self.node_of(element[0]))

    def for_all(self, element: Any) -> Any:
        """Every leader has its followers: not (a leader without them)."""
        return self.not_not(self.node_of(element[0]), self.node_of(AND(*element[1:])))

    def not_not(self, left: Any, right: Any) -> Any:
        """Two not-nodes: ``left`` without ``right``, then the initial fact without that."""
        first, second = self.negation(SameContextCheck()), self.negation(SameContextCheck())
        right.add_child(first, first.activate_right)
        left.add_child(first, first.activate_left)
        self.node_of(InitialFact()).add_child(second, second.activate_left)
        first.add_child(second, second.activate_right)
        return second
