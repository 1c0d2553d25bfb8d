"""The inference engine: forward chaining with a recorded trace.

``Engine`` is an experta ``KnowledgeEngine`` that fires rules in a fixed,
reproducible order, records every firing (the rule, the facts it matched and
the facts it declared) and combines evidence into certainty factors.  It does
no input or output: a caller hands it facts and reads back an ``Inference``.
One engine can be reused for many cases; the Rete network is built once.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from experta import KnowledgeEngine
from experta.strategies import DepthStrategy

from expert.certainty import band, combine_all
from expert.rules import Belief, Concluded, rules_of


class ReproducibleStrategy(DepthStrategy):
    """Depth-first conflict resolution with ties broken by rule definition order.

    experta's own strategy leaves activations of equal salience on the same
    facts in the order the matcher found them, which may vary between runs.
    """

    def get_key(self, activation):
        facts = sorted((f["__factid__"] for f in activation.facts), reverse=True)
        return (activation.rule.salience, facts, -activation.rule.origin.order)


@dataclass
class Firing:
    """One step of the trace: a rule that fired, on which facts, to what effect."""

    step: int
    rule: object
    facts: tuple
    declared: list = field(default_factory=list)


@dataclass
class Inference:
    """What the engine concluded from one case, and how."""

    firings: list
    certainty: dict

    def support(self, hypothesis):
        return [f for f in self.firings if f.rule.supports == hypothesis]

    def drawn(self, kind):
        """Conclusions of ``kind`` with the firings that drew them, first drawn first."""
        drawn = defaultdict(list)
        for firing in self.firings:
            if firing.rule.kind == kind:
                for conclusion in firing.rule.concludes:
                    drawn[conclusion].append(firing)
        return dict(drawn)

    def withheld(self):
        """Withheld conclusions with the firings that withheld them."""
        withheld = defaultdict(list)
        for firing in self.firings:
            for conclusion in firing.rule.withholds:
                withheld[conclusion].append(firing)
        return dict(withheld)


class Engine(KnowledgeEngine):
    """Base class of a knowledge base's engine; subclasses add the rules."""

    __strategy__ = ReproducibleStrategy

    def __init__(self):
        super().__init__()
        self.firings = []
        self.weights = defaultdict(list)
        self.beliefs = {}
        self._deffacts = None

    def get_deffacts(self):
        """experta looks these up with ``inspect.getmembers`` on every reset,
        which costs more than running a case; they never change, so look once."""
        if self._deffacts is None:
            self._deffacts = super().get_deffacts()
        return self._deffacts

    @classmethod
    def rules(cls):
        return rules_of(cls)

    def infer(self, facts):
        """Run the rules on ``facts`` from a clean state and return the inference."""
        self.reset()
        self.firings = []
        self.weights = defaultdict(list)
        self.beliefs = {}
        self.declare(*facts)
        self.run()
        certainty = {h: combine_all(w) for h, w in self.weights.items()}
        return Inference(self.firings, certainty)

    def run(self, steps=float("inf")):
        """Fire activations until none is left, recording each one.

        This replaces experta's loop, which formats every firing's facts into a
        log message even when no one listens.
        """
        self.running = True
        while steps > 0 and self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            facts = tuple(sorted(activation.facts, key=lambda f: f["__factid__"]))
            self.firings.append(Firing(len(self.firings) + 1, activation.rule.origin, facts))
            activation.rule(self)
        self.running = False

    def apply(self, rule):
        """Carry out what ``rule`` declares; called by the rule's right-hand side."""
        firing = self.firings[-1]
        if rule.supports:
            self.weights[rule.supports].append(rule.weight)
            certainty = combine_all(self.weights[rule.supports])
            belief = Belief(id=rule.supports, certainty=certainty, band=band(certainty))
            if rule.supports in self.beliefs:
                self.retract(self.beliefs[rule.supports])
            self.beliefs[rule.supports] = self.declare(belief)
            firing.declared.append(f"{rule.supports} {rule.weight:+.2f} → {certainty:.2f} ({band(certainty)})")
        for conclusion in rule.concludes:
            self.declare(Concluded(kind=rule.kind, id=conclusion))
            firing.declared.append(f"{rule.kind} {conclusion}")
        for withheld in rule.withholds:
            self.declare(Concluded(kind="withheld", id=withheld))
            firing.declared.append(f"withhold {withheld}")
