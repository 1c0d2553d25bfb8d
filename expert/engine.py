"""The inference engine: forward chaining with a recorded trace.

``Engine`` is an experta ``KnowledgeEngine`` that fires rules in a fixed,
reproducible order, records every firing (the rule, the facts it matched and
what it declared) and combines evidence into certainty factors.  It does no
input or output: a caller hands it facts and reads back an ``Inference``.
One engine can be reused for many cases; the Rete network is built once.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exsplain.expert.catalog import Conclusion, Kind
from exsplain.expert.certainty import band, combine_all
from exsplain.expert.experta import Agenda, DepthStrategy, InitialFact, KnowledgeEngine
from exsplain.expert.factlist import LeanFactList
from exsplain.expert.fields import fact_of
from exsplain.expert.matching import LeanReteMatcher
from exsplain.expert.quiet import quiet_experta_logging
from exsplain.expert.rules import Belief, ForeignRule, KnowledgeRule, rules_of

if TYPE_CHECKING:
    from exsplain.expert.review import Review
    from exsplain.expert.watch import Listener


def origin_of(rule: Any) -> KnowledgeRule | ForeignRule:
    """The declared rule behind one of experta's rewritten copies; a plain
    experta rule stands for itself as a ``ForeignRule``."""
    if isinstance(rule, KnowledgeRule):
        return rule.origin
    return ForeignRule(getattr(rule, "__name__", repr(rule)))


class ReproducibleStrategy(DepthStrategy):
    """Depth-first conflict resolution with ties broken by rule definition order.

    experta's own strategy leaves activations of equal salience on the same
    facts in the order the matcher found them, which may vary between runs.
    """

    def get_key(self, activation: Any) -> tuple[Any, ...]:
        rule = activation.rule
        order = rule.order if isinstance(rule, KnowledgeRule) else ForeignRule.order  # a copy keeps its rule's order
        return (rule.salience, sorted([f["__factid__"] for f in activation.facts], reverse=True), -order)


@dataclass
class Firing:
    """One step of the trace: a rule that fired, on which facts, to what effect.

    Reviews (conclusions drawn after the rules, see ``expert.review``) have no
    facts; they give the answers they matched in ``matched`` and the words
    that fill their message in ``details``.
    """

    step: int
    rule: KnowledgeRule | Review | ForeignRule
    facts: tuple[Any, ...]
    declared: list[str] = field(default_factory=list)
    matched: list[str] | None = None
    details: dict[str, Any] = field(default_factory=dict)
    answers: tuple[str, ...] = ()


@dataclass
class Inference:
    """What the engine concluded from one case, and how."""

    firings: list[Firing]
    certainty: dict[str, float]

    def support(self, hypothesis: Conclusion) -> list[Firing]:
        return [f for f in self.firings if f.rule.supports is hypothesis]

    def drawn(self, kind: Kind) -> dict[Conclusion, list[Firing]]:
        """Conclusions of ``kind`` with the firings that drew them, first drawn first."""
        drawn = defaultdict(list)
        for firing in self.firings:
            for conclusion in firing.rule.concludes:
                if conclusion.kind == kind:
                    drawn[conclusion].append(firing)
        return dict(drawn)

    def withheld(self) -> dict[Conclusion, list[Firing]]:
        """Withheld conclusions with the firings that withheld them."""
        withheld = defaultdict(list)
        for firing in self.firings:
            for conclusion in firing.rule.withholds:
                withheld[conclusion].append(firing)
        return dict(withheld)


class Engine(KnowledgeEngine):
    """Base class of a knowledge base's engine; subclasses add the rules.

    A ``lean`` engine (the default) keeps working memory to what some rule
    reads: a hypothesis's belief is declared only when a rule tests it, and
    tables with no answer are not declared at all (no pattern could match
    them; an absent fact satisfies a ``NOT`` as an empty one would).  It also
    resets and polls only the parts of the Rete network that hold something,
    and skips experta's checks of facts that were checked when the case was
    read.  ``Engine(lean=False)`` is experta's plain path, kept so that a
    test can show both give the same inference.
    """

    __strategy__ = ReproducibleStrategy
    listener: Listener | None = None  # an ``expert.watch.Listener`` told what the engine does; none costs nothing

    def __init__(self, lean: bool = True) -> None:
        self.lean = lean
        if lean:
            quiet_experta_logging()
            self.__matcher__ = LeanReteMatcher
        super().__init__()
        self.firings: list[Firing] = []
        self.weights: dict[str, list[float]] = defaultdict(list)
        self.beliefs: dict[str, Any] = {}
        self._deffacts: list[Any] | None = None
        self.tested = tested_hypotheses(type(self)) if lean else None

    def get_deffacts(self) -> list[Any]:
        """experta looks these up with ``inspect.getmembers`` on every reset,
        which costs more than running a case; they never change, so look once."""
        if self._deffacts is None:
            self._deffacts = super().get_deffacts()
        return self._deffacts

    @classmethod
    def rules(cls) -> list[KnowledgeRule]:
        return rules_of(cls)

    def infer(self, facts: list[Any]) -> Inference:
        """Run the rules on ``facts`` from a clean state and return the inference."""
        self.prepare(facts)
        return self.conclude()

    def prepare(self, facts: list[Any]) -> None:
        """A clean working memory holding ``facts`` (the first half of ``infer``)."""
        self.reset()
        self.firings = []
        self.weights = defaultdict(list)
        self.beliefs = {}
        self.declare(*([f for f in facts if len(f)] if self.lean else facts))

    def conclude(self) -> Inference:
        """Fire the rules on what was prepared and combine the evidence (the second half of ``infer``)."""
        self.run()
        certainty = {h: combine_all(w) for h, w in self.weights.items()}
        return Inference(self.firings, certainty)

    def reset(self, **kwargs: Any) -> None:
        if not self.lean:
            super().reset(**kwargs)
            return
        self.agenda = Agenda()
        self.facts = LeanFactList()
        self.matcher.reset()
        self.declare(InitialFact())
        self.running = False

    def declare(self, *facts: Any) -> Any:
        """Declare ``facts``; a lean engine skips experta's checks of each one."""
        if not self.lean:
            return super().declare(*facts)
        last = None
        for fact in facts:
            last = self.facts.declare(fact)
        if not self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def get_activations(self) -> tuple[list[Any], list[Any]]:
        """The activations added and removed since the last call (experta's), told to a listener if any."""
        if self.listener is None:
            changes: tuple[list[Any], list[Any]] = self.matcher.changes(*self.facts.changes)
            return changes
        declared, retracted = self.facts.changes
        self.listener.facts_changed(self, declared, retracted)
        added, removed = self.matcher.changes(declared, retracted)
        self.listener.agenda_changed(self, added, removed)
        return added, removed

    def run(self, steps: float = float("inf")) -> None:
        """Fire activations until none is left, recording each one.

        This replaces experta's loop, which formats every firing's facts into a
        log message even when no one listens, and asks the network for changes
        after a firing that changed no fact (most of them).
        """
        self.running = True
        while steps > 0 and self.running:
            if self.facts.added or self.facts.removed or self.listener is not None:  # else no activation changed
                added, removed = self.get_activations()
                self.strategy.update_agenda(self.agenda, added, removed)
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            facts = tuple(sorted(activation.facts, key=lambda f: f["__factid__"]))
            self.firings.append(Firing(len(self.firings) + 1, origin_of(activation.rule), facts))
            if self.listener is not None:
                self.listener.firing(self, activation)
            context = {k: v for k, v in activation.context.items() if not k.startswith("__")}
            activation.rule(self, **context)
        self.running = False

    def apply(self, rule: KnowledgeRule) -> None:
        """Carry out what ``rule`` declares; called by the rule's right-hand side."""
        firing = self.firings[-1]
        if rule.supports:
            hypothesis = rule.supports.id
            self.weights[hypothesis].append(rule.weight)
            certainty = combine_all(self.weights[hypothesis])
            if self.tested is None or hypothesis in self.tested:
                belief = fact_of(Belief, {"id": hypothesis, "certainty": certainty, "band": band(certainty)})
                if hypothesis in self.beliefs:
                    self.retract(self.beliefs[hypothesis])
                self.beliefs[hypothesis] = self.declare(belief)
            firing.declared.append(f"{rule.supports.kind} {hypothesis} {rule.weight:+.2f} → {certainty:.2f} "
                                   f"({band(certainty)})")
        firing.declared += [f"{c.kind} {c.id}" for c in rule.concludes]
        firing.declared += [f"withhold {c.kind} {c.id}" for c in rule.withholds]


def tested_hypotheses(engine_class: type) -> frozenset[str]:
    """The hypotheses whose belief some rule of ``engine_class`` reads."""
    found = set()

    def walk(element: Any) -> None:
        if isinstance(element, Belief):
            found.add(element["id"])
        elif isinstance(element, tuple):
            for part in element:
                walk(part)

    for rule in rules_of(engine_class):
        walk(tuple(rule))
    return frozenset(found)
