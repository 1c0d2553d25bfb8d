"""Routing a fact through the alpha part of the Rete network by the literals its patterns test.

The first nodes of experta's network each test one fact class; below them,
nodes test a field for a literal value.  When every pattern of a class tests
the same field (a belief's hypothesis), a fact can go straight to the
patterns that name its value instead of being tested by all of them.
"""
from __future__ import annotations

from typing import Any

from exsplain.expert.experta import FeatureCheck, FeatureTesterNode, L

MISSING = object()


class Route:
    """Sends a fact of one class straight to the patterns that name its value of one field.

    Where every pattern of a class starts by testing fields for literals,
    and all of them test the same field (a belief's hypothesis), the tests
    are worked out once: a fact is handed only to the patterns listed under
    its value, after their other literal tests, in the order experta's nodes
    would reach them.  Without this, every belief is tested against every
    belief pattern, which grows as the square of the rules.
    """

    def __init__(self, key: str, table: dict[Any, list[tuple[tuple[Any, ...], Any]]]):
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
        table: dict[Any, list[tuple[tuple[Any, ...], Any]]] = {}
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
