"""Cheaper matching on experta's Rete network, for an engine reused case after case.

experta resets its network by walking every node, polls every terminal node
for activations after every change, and logs each step even when no one
listens.  A reused engine does this hundreds of times per case.  Here the
nodes that hold memory are listed once and cleared on reset, only the
terminal nodes that received a token since the last poll are asked for
activations, facts are declared without experta's checks (they were checked
when the case was read, or made by the engine), and experta's hot-path
logging becomes a no-op while nothing listens.  The network and its results
are experta's own.
"""
from __future__ import annotations

import logging
from typing import Any

from experta import watchers
from experta.factlist import FactList
from experta.matchers import ReteMatcher
from experta.matchers.rete.mixins import NoMemory
from experta.matchers.rete.nodes import ConflictSetNode


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
        self.memories = [node for node in nodes_below(self.root_node) if not isinstance(node, NoMemory)]

    def _noting(self, node: ConflictSetNode, activate: Any) -> Any:
        touched = self.touched

        def activate_and_note(token: Any) -> Any:
            touched.add(node)
            return activate(token)

        return activate_and_note

    def changes(self, adding: Any = None, deleting: Any = None) -> tuple[list, list]:
        """Pass the changes to the network; activations from the terminals that received a token."""
        for fact in deleting or ():
            self.root_node.remove(fact)
        for fact in adding or ():
            self.root_node.add(fact)
        added: list = []
        removed: list = []
        for node in sorted(self.touched, key=self.position.__getitem__):
            node_added, node_removed = node.get_activations()
            added.extend(node_added)
            removed.extend(node_removed)
        self.touched.clear()
        return added, removed

    def reset(self) -> None:
        for node in self.memories:
            node._reset()
        for node in self.terminals:
            node.added, node.removed = set(), set()
        self.touched.clear()


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
