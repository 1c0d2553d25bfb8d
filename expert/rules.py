"""Rules that declare what they conclude.

Each rule is a real experta ``Rule`` (its left-hand side is matched by the
Rete network) whose right-hand side is generated from a declaration: the
hypothesis it supports and how strongly, or the conclusions it draws, and the
sources it rests on.  Because the declaration is data, the same rule can also
be read: to explain how a conclusion was reached, why another was not, and why
a question is worth asking.
"""
import itertools
from dataclasses import dataclass
from functools import reduce
from operator import or_

from experta import Fact, Field, L
from experta.rule import Rule

# Salience layers: safety first, then all evidence, then what depends on the
# combined certainty of the evidence, so that no conclusion is drawn from a
# certainty that later evidence would still change.
SAFETY = 30
EVIDENCE = 20
CONCLUSION = 10

_definition_order = itertools.count()


class Belief(Fact):
    """The combined certainty of a hypothesis, as far as the rules have got."""

    id = Field(str, mandatory=True)
    certainty = Field(float, mandatory=True)
    band = Field(str, mandatory=True)


class Concluded(Fact):
    """A categorical conclusion (an insight, an action, a warning, ...)."""

    kind = Field(str, mandatory=True)
    id = Field(str, mandatory=True)


@dataclass(frozen=True)
class Source:
    """A passage of a source text: article id and a range of paragraphs."""

    article: str
    first: int = None
    last: int = None

    def __str__(self):
        if self.first is None:  # a note instead of a passage
            return self.article
        if self.last is None or self.last == self.first:
            return f"{self.article} ¶{self.first}"
        return f"{self.article} ¶{self.first}–{self.last}"


def cite(article, *paragraphs):
    """Sources from ``cite("001", 3, (48, 49))``: single paragraphs or ranges."""
    return tuple(
        Source(article, *p) if isinstance(p, tuple) else Source(article, p) for p in paragraphs
    )


def one_of(*values):
    """A field constraint that accepts any of ``values``."""
    return reduce(or_, (L(v) for v in values))


def anything_but(value):
    """A field constraint that accepts any known value except ``value``."""
    return ~L(value)


def believed(hypothesis, at_least):
    """A pattern that holds once ``hypothesis`` reaches the band ``at_least``."""
    bands = {"possible": ("possible", "likely"), "likely": ("likely",)}[at_least]
    return Belief(id=hypothesis, band=one_of(*bands))


class KnowledgeRule(Rule):
    """An experta rule that knows its name, conclusions and sources."""

    name = None
    supports = None  # hypothesis id, for evidence rules
    weight = 0.0
    kind = None  # kind of categorical conclusion, for other rules
    concludes = ()
    withholds = ()
    reason = None
    sources = ()
    order = 0
    _origin = None

    def __set_name__(self, owner, name):
        self.name = self.__name__ = name

    def new_conditions(self, *args):
        """experta rewrites rules before matching; keep a link to this one."""
        rewritten = super().new_conditions(*args)
        rewritten._origin = self.origin
        return rewritten

    @property
    def origin(self):
        return self if self._origin is None else self._origin

    @property
    def patterns(self):
        return tuple(self)

    def describe(self):
        """What the rule concludes, in one line."""
        if self.supports:
            return f"{self.supports} {self.weight:+.2f}"
        parts = [f"{self.kind} {c}" for c in self.concludes]
        parts += [f"withhold {w}" for w in self.withholds]
        return ", ".join(parts)


def _rule(patterns, salience, sources, **declaration):
    rule = KnowledgeRule(*patterns, salience=salience)
    for key, value in declaration.items():
        setattr(rule, key, value)
    rule.sources = tuple(sources)
    rule.order = next(_definition_order)

    def fire(engine):
        engine.apply(rule)

    return rule(fire)


def evidence(*patterns, supports, weight, sources):
    """A rule whose match is evidence for (or, with a negative weight, against) a hypothesis."""
    return _rule(patterns, EVIDENCE, sources, supports=supports, weight=weight)


def conclusion(*patterns, kind, concludes, sources, withholds=(), reason=None, salience=CONCLUSION):
    """A rule that draws categorical conclusions of ``kind`` and may withhold others."""
    if isinstance(concludes, str):
        concludes = (concludes,)
    return _rule(
        patterns,
        salience,
        sources,
        kind=kind,
        concludes=tuple(concludes),
        withholds=tuple(withholds),
        reason=reason,
    )


def safety(*patterns, kind, concludes, withholds, reason, sources):
    """A conclusion that fires before everything else and overrides other advice."""
    return conclusion(
        *patterns,
        kind=kind,
        concludes=concludes,
        withholds=withholds,
        reason=reason,
        sources=sources,
        salience=SAFETY,
    )


def rules_of(engine_class):
    """Every ``KnowledgeRule`` of an engine class: by topic class in method
    resolution order, then in the order they are written."""
    found = {}
    for rank, klass in enumerate(engine_class.__mro__):
        for rule in vars(klass).values():
            if isinstance(rule, KnowledgeRule):
                found.setdefault(rule.name, (rank, rule.order, rule))
    return [rule for _, _, rule in sorted(found.values(), key=lambda item: item[:2])]
