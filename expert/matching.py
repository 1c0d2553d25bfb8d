"""Cheaper matching on experta's Rete network, for an engine reused case after case.

experta resets its network by walking every node, polls every terminal node
for activations after every change, and logs each step even when no one
listens.  A reused engine does this hundreds of times per case.  Here the
nodes that hold memory are listed once and cleared on reset, only the
terminal nodes that received a token since the last poll are asked for
activations, facts are declared without experta's checks (they were checked
when the case was read, or made by the engine), experta's hot-path logging
becomes a no-op while nothing listens, the network is wired without
recomputing class hierarchies for every rule, and a fact is sent only to the
nodes that test its class.  The nodes, the network and
its results are experta's own.
"""
from __future__ import annotations

import logging
from typing import Any

from experta import watchers
from experta.conditionalelement import AND, EXISTS, FORALL, NOT, OR, TEST
from experta.fact import Fact, InitialFact
from experta.factlist import FactList
from experta.matchers import ReteMatcher
from experta.matchers.rete.check import SameContextCheck, TypeCheck, WhereCheck
from experta.matchers.rete.mixins import NoMemory
from experta.matchers.rete.nodes import ConflictSetNode, NotNode, OrdinaryMatchNode, WhereNode
from experta.matchers.rete.token import Token
from experta.rule import Rule


class LeanFactList(FactList):
    """A fact list that numbers and records facts without checking them again.

    Every fact was checked when the case was read or was made by the engine,
    and no fact is declared twice, so experta's validation and duplicate
    bookkeeping would only repeat work.
    """

    def declare(self, fact: Any) -> Any:
        fact.__factid__ = index = self.last_index
        self[index] = fact
        self.last_index += 1
        self.added.append(fact)
        return fact

    def retract(self, idx_or_fact: Any) -> int:
        index = idx_or_fact if isinstance(idx_or_fact, int) else idx_or_fact.__factid__
        self.removed.append(self.pop(index))
        return index


class LeanReteMatcher(ReteMatcher):
    """experta's Rete matcher, resetting and polling only what it must."""

    def __init__(self, engine: Any):
        super().__init__(engine)
        self.terminals = list(self._get_conflict_set_nodes())
        self.position = {node: n for n, node in enumerate(self.terminals)}
        self.touched: set[ConflictSetNode] = set()
        for node in self.terminals:
            node._activate = self._noting(node, node._activate)
        self.memories = [(node, containers(node)) for node in nodes_below(self.root_node)
                         if not isinstance(node, NoMemory)]
        # The network's first nodes each test one fact class; a fact goes straight to its own.
        self.by_class: dict[type, list] = {}
        self.any_class: list = []
        for child in self.root_node.children:
            check = getattr(child.node, "matcher", None)
            if isinstance(check, TypeCheck):
                self.by_class.setdefault(check.fact_type, []).append(child.callback)
            else:
                self.any_class.append(child.callback)

    def _noting(self, node: ConflictSetNode, activate: Any) -> Any:
        touched = self.touched

        def activate_and_note(token: Any) -> Any:
            touched.add(node)
            return activate(token)

        return activate_and_note

    def changes(self, adding: Any = None, deleting: Any = None) -> tuple[list, list]:
        """Pass the changes to the network; activations from the terminals that received a token."""
        for fact in deleting or ():
            self.send(Token.invalid(fact), fact)
        for fact in adding or ():
            self.send(Token.valid(fact), fact)
        added: list = []
        removed: list = []
        for node in sorted(self.touched, key=self.position.__getitem__):
            node_added, node_removed = node.get_activations()
            added.extend(node_added)
            removed.extend(node_removed)
        self.touched.clear()
        return added, removed

    def send(self, token: Token, fact: Any) -> None:
        """A fact's token, to the nodes that test its class (experta's bus sends it to all of them)."""
        for callback in self.by_class.get(type(fact), ()):
            callback(token)
        for callback in self.any_class:
            callback(token)

    def reset(self) -> None:
        """Clear the memories that hold anything (most stay empty on a case)."""
        for node, memory in self.memories:
            if any(node.__dict__[name] for name in memory):
                node._reset()
        for node in self.touched:
            node.added, node.removed = set(), set()
        self.touched.clear()

    @staticmethod
    def build_beta_part(ruleset: Any, alpha_terminals: dict) -> None:
        """Wire the beta part of the network as experta does, with one
        dispatch on the kind of element instead of a new ``singledispatch``
        function per rule (which computes every class's resolution order
        again, a third of the time spent building the network)."""
        for rule in ruleset:
            for lhs in (rule[0] if isinstance(rule[0], OR) else (rule,)):
                last = BetaWiring(alpha_terminals).node_of(lhs)
                terminal = ConflictSetNode(rule)
                last.add_child(terminal, terminal.activate)


class BetaWiring:
    """The beta nodes of one rule's left-hand side, joined two inputs at a time."""

    def __init__(self, alpha_terminals: dict):
        self.alpha = alpha_terminals

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
            node_class = NotNode if isinstance(right, NOT) else OrdinaryMatchNode
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
        first, second = NotNode(SameContextCheck()), NotNode(SameContextCheck())
        right.add_child(first, first.activate_right)
        left.add_child(first, first.activate_left)
        self.node_of(InitialFact()).add_child(second, second.activate_left)
        first.add_child(second, second.activate_right)
        return second


def containers(node: Any) -> tuple[str, ...]:
    """The attributes in which a node keeps its memory (those its reset empties)."""
    return tuple(name for name, value in vars(node).items()
                 if isinstance(value, (set, dict, list)) and name not in ("children", "added", "removed"))


def nodes_below(root: Any) -> list:
    """Every node of the network below ``root``, each once, in a stable order."""
    seen: dict[int, Any] = {}
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen[id(node)] = node
        pending += [child.node for child in reversed(node.children)]
    return list(seen.values())


_quieted = False


def _nothing(*args: Any, **kwargs: Any) -> None:
    return None


def quiet_experta_logging() -> None:
    """Make experta's per-token log calls no-ops while its watchers are off.

    experta logs every match at DEBUG or INFO level; with no one listening a
    call still costs a method lookup and a level check, hundreds of times per
    case.  This applies only to watchers that would not log anyway (at the
    time the first lean engine is built); ``experta.watchers.watch`` before
    that keeps them.
    """
    global _quieted
    if _quieted:
        return
    _quieted = True
    for name in ("MATCH", "MATCHER", "FACTS", "RULES", "AGENDA", "ACTIVATIONS", "ENGINE"):
        logger = getattr(watchers, name, None)
        if isinstance(logger, logging.Logger) and not logger.isEnabledFor(logging.INFO):
            logger.debug = logger.info = _nothing  # type: ignore[method-assign]
