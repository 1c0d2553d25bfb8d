"""Cheaper matching on experta's Rete network, for an engine reused case after case.

experta resets its network by walking every node, polls every terminal node
for activations after every change, and sends every fact to every first node.
A reused engine does this hundreds of times per case.  Here the memories are
listed once and emptied in place on reset, only the terminal nodes that
received a token since the last poll are asked for activations, a fact is
sent only to the nodes that test its class (and, see ``routing``, only to the
patterns that name its value), and tokens are built and copied without
experta's type checks.  The nodes, the network and its results are
experta's own; the equivalence test compares them with experta's plain path.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exsplain.expert.experta import OR, ConflictSetNode, Fact, NoMemory, ReteMatcher, Token, TypeCheck
from exsplain.expert.experta import nodes as experta_nodes
from exsplain.expert.routing import Route
from exsplain.expert.wiring import BetaWiring

if TYPE_CHECKING:
    from exsplain.expert.engine import Engine


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


class LeanReteMatcher(ReteMatcher):
    """experta's Rete matcher, resetting and polling only what it must."""

    def __init__(self, engine: Engine):
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
        self.by_class: dict[type, list[Any]] = {}
        self.routes: dict[type, Route] = {}
        self.any_class: list[Any] = []
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

    def changes(self, adding: Any = None, deleting: Any = None) -> tuple[list[Any], list[Any]]:
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
        added: list[Any] = []
        removed: list[Any] = []
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
    def build_beta_part(ruleset: Any, alpha_terminals: dict[Any, Any]) -> None:
        """Wire the beta part of the network as experta does, with one
        dispatch on the kind of element instead of a new ``singledispatch``
        function per rule (which computes every class's resolution order
        again, a third of the time spent building the network)."""
        for rule in ruleset:
            for lhs in (rule[0] if isinstance(rule[0], OR) else (rule,)):
                last = BetaWiring(alpha_terminals).node_of(lhs)
                terminal = ConflictSetNode(rule)
                last.add_child(terminal, terminal.activate)


def containers(node: Any) -> tuple[str, ...]:
    """The attributes in which a node keeps its memory (those its reset empties)."""
    return tuple(name for name, value in vars(node).items()
                 if isinstance(value, (set, dict, list)) and name not in ("children", "added", "removed"))


def nodes_below(root: Any) -> list[Any]:
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
