"""Cheaper matching on experta's Rete network, for an engine reused case after case.

experta resets its network by walking every node, polls every terminal node
for activations after every change, and logs each step even when no one
listens.  A reused engine does this hundreds of times per case.  Here the
nodes that hold memory are listed once and cleared on reset, only the
terminal nodes that received a token since the last poll are asked for
activations, facts are declared without experta's checks (they were checked
when the case was read, or made by the engine), experta's hot-path logging
becomes a no-op while nothing listens, the network is wired without
recomputing class hierarchies for every rule, a fact is sent only to the
nodes that test its class, and where every pattern of a class tests one field
for a literal (a belief's hypothesis), only to the patterns that name its
value.  Tokens are built and copied without experta's type checks.  The
nodes, the network and its results are experta's own; the equivalence test
compares them with experta's plain path.
"""
from __future__ import annotations

import logging
from typing import Any

from experta import watchers
from experta.conditionalelement import AND, EXISTS, FORALL, NOT, OR, TEST
from experta.fact import Fact, InitialFact
from experta.factlist import FactList
from experta.fieldconstraint import L
from experta.matchers import ReteMatcher
from experta.matchers.rete import nodes as experta_nodes
from experta.matchers.rete.check import FeatureCheck, SameContextCheck, TypeCheck, WhereCheck
from experta.matchers.rete.mixins import NoMemory
from experta.matchers.rete.nodes import ConflictSetNode, FeatureTesterNode, NotNode, OrdinaryMatchNode, WhereNode
from experta.matchers.rete.token import Token
from experta.rule import Rule

MISSING = object()


class LeanToken(Token):
    """A token built and copied without experta's checks of its tag, facts and context.

    experta asserts the type of every part of a token each time one is made,
    and a token is copied at every node it enters: a third of experta's own
    time on a case.  The lean matcher only ever passes facts it declared and
    contexts the network built, so the checks can never fail there.
    """

    __slots__ = ()

    def __new__(cls, tag: Any, data: Any, context: Any = None) -> LeanToken:
        facts = {data} if isinstance(data, Fact) else set(data)
        return tuple.__new__(cls, (tag, facts, {} if context is None else context))

    def copy(self) -> LeanToken:
        return tuple.__new__(LeanToken, (self[0], self[1].copy(), self[2].copy()))


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
        # Every memory of the network, listed once: a reset empties them in place.
        self.memories = [getattr(node, name) for node in nodes_below(self.root_node)
                         if not isinstance(node, NoMemory) for name in containers(node)]
        # The network's first nodes each test one fact class; a fact goes straight to its own.
        self.by_class: dict[type, list] = {}
        self.routes: dict[type, Route] = {}
        self.any_class: list = []
        for child in self.root_node.children:
            check = getattr(child.node, "matcher", None)
            if isinstance(check, TypeCheck):
                self.by_class.setdefault(check.fact_type, []).append(child.callback)
                route = Route.below(child.node)
                if route is not None:
                    self.routes[check.fact_type] = route
            else:
                self.any_class.append(child.callback)
        for fact_type in [t for t, callbacks in self.by_class.items() if len(callbacks) > 1]:
            self.routes.pop(fact_type, None)  # two first nodes for one class: keep experta's way

    def _noting(self, node: ConflictSetNode, activate: Any) -> Any:
        touched = self.touched

        def activate_and_note(token: Any) -> Any:
            touched.add(node)
            return activate(token)

        return activate_and_note

    def changes(self, adding: Any = None, deleting: Any = None) -> tuple[list, list]:
        """Pass the changes to the network; activations from the terminals that received a token.

        While they pass, the nodes build their joined tokens as ``LeanToken``
        (experta's nodes name the class ``Token`` at module level).
        """
        experta_nodes.Token = LeanToken
        try:
            for fact in deleting or ():
                self.send(LeanToken.invalid(fact), fact)
            for fact in adding or ():
                self.send(LeanToken.valid(fact), fact)
        finally:
            experta_nodes.Token = Token
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
        route = self.routes.get(type(fact))
        if route is not None:
            route.send(token, fact)
        else:
            for callback in self.by_class.get(type(fact), ()):
                callback(token)
        for callback in self.any_class:
            callback(token)

    def reset(self) -> None:
        """Empty the memories that hold anything (most stay empty on a case), in place.

        experta's nodes only ever fill or empty these containers after
        building them, never replace them, so the list made once stays true.
        """
        for memory in self.memories:
            if memory:
                memory.clear()
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


class Route:
    """Sends a fact of one class straight to the patterns that name its value of one field.

    Where every pattern of a class starts by testing fields for literals,
    and all of them test the same field (a belief's hypothesis), the tests
    are worked out once: a fact is handed only to the patterns listed under
    its value, after their other literal tests, in the order experta's nodes
    would reach them.  Without this, every belief is tested against every
    belief pattern, which grows as the square of the rules.
    """

    def __init__(self, key: str, table: dict[Any, list[tuple[tuple, Any]]]):
        self.key, self.table = key, table

    @classmethod
    def below(cls, type_node: Any) -> Route | None:
        """The route under one class's first node, or None where its patterns share no literal field."""
        paths = literal_paths(type_node)
        if not paths:
            return None
        shared = set.intersection(*(set(tests) for tests, _ in paths))
        if not shared:
            return None
        key = max(sorted(shared), key=lambda k: len({tests[k] for tests, _ in paths}))
        table: dict[Any, list[tuple[tuple, Any]]] = {}
        try:
            for tests, callback in paths:
                others = tuple((k, v) for k, v in tests.items() if k != key)
                table.setdefault(tests[key], []).append((others, callback))
        except TypeError:  # a literal that cannot be a key: keep experta's way
            return None
        return cls(key, table)

    def send(self, token: Any, fact: Any) -> None:
        value = fact.get(self.key, MISSING)
        try:
            paths = self.table.get(value, ())
        except TypeError:  # an unhashable value equals no literal here
            return
        for tests, callback in paths:
            if all(k in fact and v == fact[k] for k, v in tests):
                callback(token)


def literal_test(node: Any) -> tuple[str, Any] | None:
    """``(field, value)`` when ``node`` only tests that a fact's field equals a literal, binding nothing."""
    check = getattr(node, "matcher", None)
    if (isinstance(node, FeatureTesterNode) and isinstance(check, FeatureCheck) and isinstance(check.how, L)
            and check.how.__bind__ is None and isinstance(check.what, str) and "__" not in check.what):
        return check.what, check.how.value
    return None


def literal_paths(node: Any) -> list[tuple[dict[str, Any], Any]]:
    """Below ``node``: each chain of literal tests, with the callback of the first node past it.

    A chain that tests one field for two different literals can never pass
    and is left out.
    """
    paths: list[tuple[dict[str, Any], Any]] = []
    for child in node.children:
        test = literal_test(child.node)
        if test is None:
            paths.append(({}, child.callback))
            continue
        field, value = test
        for tests, callback in literal_paths(child.node):
            if tests.get(field, value) == value:
                paths.append(({field: value, **tests}, callback))
    return paths


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
