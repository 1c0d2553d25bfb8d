"""The beta part of the Rete network, for the lean matcher: joins, negations and rule terminals.

experta's beta nodes copy every token they receive, freeze its context into
a hashable record to remember it and thaw that record back into a dict for
every pair they test, check the types of every token they build, and log
each test.  No token is changed once it is made (the alpha part, see
``routing``, makes a new context for each binding, and no node here changes
what it is given), so these nodes pass tokens on as they come, remember a
join's inputs as they are and build tokens without the checks.  Their
decisions are experta's, line for line; the equivalence test compares them
with experta's own nodes on every example and thousands of generated cases.
"""
from __future__ import annotations

from typing import Any

from exsplain.expert.experta import Activation, ConflictSetNode, Fact, NotNode, OrdinaryMatchNode, Token

VALID = Token.TagType.VALID
INVALID = Token.TagType.INVALID


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


def token(tag: Any, data: set[Any], context: dict[Any, Any]) -> LeanToken:
    """A token of ``data`` (a set of facts this token owns) and ``context``, built without checks."""
    return tuple.__new__(LeanToken, (tag, data, context))


def frozen(data: Any, context: dict[Any, Any]) -> tuple[frozenset[Any], frozenset[Any]]:
    """A token's facts and context as one hashable record (experta's ``TokenInfo``)."""
    return frozenset(data), frozenset(context.items())


class LeanJoin(OrdinaryMatchNode):
    """Joins the tokens from its left and right inputs whose contexts agree."""

    def _reset(self) -> None:
        self.left_memory: list[tuple[set[Any], dict[Any, Any]]] = []
        self.right_memory: list[tuple[set[Any], dict[Any, Any]]] = []

    def activate_left(self, token: Any) -> None:
        self.join(token, self.left_memory, self.right_memory, True)

    def activate_right(self, token: Any) -> None:
        self.join(token, self.right_memory, self.left_memory, False)

    def join(self, given: Any, own: list[Any], other: list[Any], from_left: bool) -> None:
        tag, data, context = given
        record = (data, context)  # never changed once made (see above), so kept as it comes
        if tag is VALID:
            own.append(record)
        elif record in own:
            own.remove(record)
        matches = self.matcher
        for other_data, other_context in other:
            if not (matches(context, other_context) if from_left else matches(other_context, context)):
                continue
            joined = {k: v for k, v in context.items() if isinstance(k, str)}
            joined.update((k, v) for k, v in other_context.items() if not isinstance(k, tuple))
            made = token(tag, data | other_data, joined)
            for child in self.children:
                child.callback(made)


class LeanNegation(NotNode):
    """Passes a left token on while no right token agrees with it (a ``NOT``)."""

    def _reset(self) -> None:
        self.left_memory: dict[tuple[frozenset[Any], frozenset[Any]], int] = {}
        self.right_memory: list[tuple[frozenset[Any], dict[Any, Any]]] = []

    def activate_left(self, given: Any) -> None:
        tag, data, context = given
        record = frozen(data, context)
        matches = self.matcher
        if tag is VALID:
            count = sum(1 for _, right in self.right_memory if matches(context, right))
            self.left_memory[record] = count
        else:
            count = 0 if not self.right_memory else int(any(matches(context, r) for _, r in self.right_memory))
            del self.left_memory[record]
        if count == 0:
            for child in self.children:
                child.callback(given)

    def activate_right(self, given: Any) -> None:
        tag, data, context = given
        if tag is VALID:
            self.right_memory.append((frozenset(data), dict(context)))
            step = 1
        else:
            self.right_memory.remove((frozenset(data), dict(context)))
            step = -1
        matches = self.matcher
        for left in self.left_memory:
            left_context = dict(left[1])
            if not matches(left_context, context):
                continue
            self.left_memory[left] += step
            count = self.left_memory[left]
            if (count == 0 and step == -1) or (count == 1 and step == 1):
                made = token(VALID if step == -1 else INVALID, set(left[0]), left_context)
                for child in self.children:
                    child.callback(made)


class LeanActivation(Activation):
    """experta's activation, with its hash worked out once, from the sets the terminal froze anyway.

    experta hashes an activation (its rule, facts and context) each time it
    is put in or looked up in a set; the value is the same as experta's.
    """

    def __init__(self, rule: Any, facts: frozenset[Any], context: dict[Any, Any], items: frozenset[Any]):
        self.rule, self.facts, self.key, self.context = rule, set(facts), None, context
        self.hash = hash((rule, facts, items))

    def __hash__(self) -> int:
        return self.hash


class LeanTerminal(ConflictSetNode):
    """A rule's last node: turns the tokens it receives into activations of the rule.

    It notes in ``touched`` (a set shared with the matcher) that it has
    something to report, so that only such terminals are asked.  An
    activation is made only when one is added or removed, and an empty set
    is not asked for one.
    """

    touched: set[Any]

    def activate(self, given: Any) -> None:
        self.touched.add(self)
        tag, data, context = given
        info = frozen(data, context)
        if tag is VALID:
            if info in self.memory:
                return
            self.memory.add(info)
            report(self.activation(info, context), cancels=self.removed, otherwise=self.added)
        elif info in self.memory:
            self.memory.remove(info)
            report(self.activation(info, context), cancels=self.added, otherwise=self.removed)

    def activation(self, info: tuple[frozenset[Any], frozenset[Any]], context: dict[Any, Any]) -> LeanActivation:
        """The activation of this rule by a token (its facts and context as ``frozen`` gives them);
        its context holds the token's bindings by name, without the marks of negated ones."""
        facts, items = info
        if all(isinstance(key, str) for key, _ in items):
            return LeanActivation(self.rule, facts, dict(context), items)
        named = {k: v for k, v in context.items() if isinstance(k, str)}
        return LeanActivation(self.rule, facts, named, frozenset(named.items()))


def report(activation: LeanActivation, cancels: set[Any], otherwise: set[Any]) -> None:
    """Note a change of ``activation`` to be reported: it cancels the opposite change
    still waiting in ``cancels``, else it waits in ``otherwise`` (experta's way)."""
    if cancels and activation in cancels:
        cancels.remove(activation)
    else:
        otherwise.add(activation)
