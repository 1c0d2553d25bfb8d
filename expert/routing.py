"""The alpha part of the Rete network, walked without tokens, and routed by literal where it can be.

The first nodes of experta's network each test one fact class; below them,
nodes test a fact's fields (a literal, a binding, the capture of the fact
itself) until the beta part joins patterns.  experta builds and copies a
token at every one of those nodes.  Here each node's own test is applied to
the fact directly, the context grows as experta's would, and a token is made
only where the beta part receives it.  When every pattern of a class tests
the same field for a literal (a belief's hypothesis), a fact goes straight
to the patterns that name its value instead of being tested by all of them.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from exsplain.expert.experta import FactCapture, FeatureCheck, FeatureTesterNode, L
from exsplain.expert.joins import token

MISSING = object()

Entry = Callable[[Any, Any, dict[Any, Any]], None]
"""Where a fact enters a part of the network: called with the fact, the token's tag and the context so far."""


def entries_below(node: Any) -> list[Entry]:
    """The entries to ``node``'s children: their tests where they are alpha nodes; one token for the beta part."""
    testers = [tester(child.node) for child in node.children if is_alpha(child)]
    beta = [child.callback for child in node.children if not is_alpha(child)]
    return [*testers, to_beta(beta)] if beta else testers


def entry_of(child: Any) -> Entry:
    """The entry to one child edge of an alpha node."""
    return tester(child.node) if is_alpha(child) else to_beta([child.callback])


def to_beta(callbacks: list[Any]) -> Entry:
    """Where the beta part receives a fact: one token, shared by every callback (no node of the
    beta part changes a token it is given, see ``joins``)."""

    def enter(fact: Any, tag: Any, context: dict[Any, Any]) -> None:
        made = token(tag, {fact}, context)
        for callback in callbacks:
            callback(made)

    return enter


def is_alpha(child: Any) -> bool:
    return isinstance(child.node, FeatureTesterNode) and child.callback == child.node.activate


def tester(node: Any) -> Entry:
    """``node``'s test of a fact, then its children: what experta's ``FeatureTesterNode`` decides, without tokens.

    The context a test receives is never changed: a binding makes a new one.
    """
    matcher = node.matcher
    below = entries_below(node)
    literal = literal_test(node)
    if literal is not None:  # most tests: a field equals a literal
        field, value = literal

        def test_literal(fact: Any, tag: Any, context: dict[Any, Any]) -> None:
            if field in fact and value == fact[field]:
                for enter in below:
                    enter(fact, tag, context)

        return test_literal
    if isinstance(matcher, FactCapture):  # every pattern ends so: the fact itself, bound to the pattern's name
        bind = matcher.bind

        def capture(fact: Any, tag: Any, context: dict[Any, Any]) -> None:
            if context.get(bind, fact) != fact or context.get((False, bind), MISSING) == fact:
                return
            context = {**context, bind: fact}
            for enter in below:
                enter(fact, tag, context)

        return capture

    def test(fact: Any, tag: Any, context: dict[Any, Any]) -> None:
        match = matcher(fact)
        if not match:
            return
        if isinstance(match, Mapping):
            for key, value in match.items():  # experta's rules for a binding that meets an earlier one
                if isinstance(key, tuple):
                    if key[1] in context and context[key[1]] == value:
                        return
                elif context.get(key, value) != value or context.get((False, key), MISSING) == value:
                    return
            context = {**context, **match}
        for enter in below:
            enter(fact, tag, context)

    return test


class Route:
    """Sends a fact of one class straight to the patterns that name its value of one field.

    Where every pattern of a class starts by testing fields for literals,
    and all of them test the same field (a belief's hypothesis), the tests
    are worked out once: a fact is handed only to the patterns listed under
    its value, after their other literal tests, in the order experta's nodes
    would reach them.  Without this, every belief is tested against every
    belief pattern, which grows as the square of the rules.
    """

    def __init__(self, key: str, table: dict[Any, list[tuple[tuple[Any, ...], Entry]]]):
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
        table: dict[Any, list[tuple[tuple[Any, ...], Entry]]] = {}
        try:
            for tests, child in paths:
                others = tuple((k, v) for k, v in tests.items() if k != key)
                table.setdefault(tests[key], []).append((others, entry_of(child)))
        except TypeError:  # a literal that cannot be a key: keep experta's way
            return None
        return cls(key, table)

    def send(self, fact: Any, tag: Any) -> None:
        value = fact.get(self.key, MISSING)
        try:
            paths = self.table.get(value, ())
        except TypeError:  # an unhashable value equals no literal here
            return
        for tests, enter in paths:
            if all(k in fact and v == fact[k] for k, v in tests):
                enter(fact, tag, {})


def literal_test(node: Any) -> tuple[str, Any] | None:
    """``(field, value)`` when ``node`` only tests that a fact's field equals a literal, binding nothing."""
    check = getattr(node, "matcher", None)
    if (isinstance(node, FeatureTesterNode) and isinstance(check, FeatureCheck) and isinstance(check.how, L)
            and check.how.__bind__ is None and isinstance(check.what, str) and "__" not in check.what):
        return check.what, check.how.value
    return None


def literal_paths(node: Any) -> list[tuple[dict[str, Any], Any]]:
    """Below ``node``: each chain of literal tests, with the child edge of the first node past it.

    A chain that tests one field for two different literals can never pass
    and is left out.
    """
    paths: list[tuple[dict[str, Any], Any]] = []
    for child in node.children:
        test = literal_test(child.node)
        if test is None:
            paths.append(({}, child))
            continue
        field, value = test
        for tests, below in literal_paths(child.node):
            if tests.get(field, value) == value:
                paths.append(({field: value, **tests}, below))
    return paths
