"""Rules that declare what they conclude.

Each rule is a real experta ``Rule`` (its left-hand side is matched by the
Rete network) whose right-hand side is generated from a declaration: the
hypothesis it supports and how strongly, or the conclusions it draws, and the
sources it rests on (by default, those of its conclusion).  Because the
declaration is data, the same rule can also be read: to explain how a
conclusion was reached, why another was not, and why a question is worth
asking.
"""
from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from exsplain.expert.catalog import Conclusion, Source
from exsplain.expert.certainty import at_least
from exsplain.expert.experta import NOT as NOT  # re-exported: rules are written with it beside the helpers below
from exsplain.expert.experta import Fact, L, Rule, W
from exsplain.expert.experta import Field as ExpertaField

if TYPE_CHECKING:
    from exsplain.expert.engine import Engine

# Salience layers: safety first, then all evidence, then what depends on the
# combined certainty of the evidence, so that no conclusion is drawn from a
# certainty that later evidence would still change.
SAFETY = 30
EVIDENCE = 20
CONCLUSION = 10

POSSIBLE = at_least("possible")
LIKELY = at_least("likely")

_definition_order = itertools.count()


class Belief(Fact):
    """The combined certainty of a hypothesis, as far as the rules have got."""

    id = ExpertaField(str, mandatory=True)
    certainty = ExpertaField(float, mandatory=True)
    band = ExpertaField(str, mandatory=True)


def one_of(*values: Any) -> Any:
    """A field constraint that accepts any of ``values``."""
    return reduce(or_, (L(v) for v in values))


def anything_but(value: Any) -> Any:
    """A field constraint that accepts any known value except ``value``."""
    return ~L(value)


def unknown(pattern_class: type[Fact], name: str) -> NOT:
    """A pattern that holds while a field has no answer."""
    return NOT(pattern_class(**{name: W()}))


def believed(hypothesis: Conclusion, at_least: tuple[str, ...] = POSSIBLE) -> Belief:
    """A pattern that holds once ``hypothesis`` reaches one of the bands ``at_least``."""
    return Belief(id=hypothesis.id, band=one_of(*at_least))


class KnowledgeRule(Rule):
    """An experta rule that knows its name, conclusions and sources.

    ``says`` is the wording of its conclusion when this rule is the one that
    draws it (the same advice put for a particular danger, say); ``reason``
    says why it withholds what it withholds.
    """

    name: str = ""
    supports: Conclusion | None = None  # the hypothesis of an evidence rule
    weight = 0.0
    concludes: tuple[Conclusion, ...] = ()
    withholds: tuple[Conclusion, ...] = ()
    says: str | None = None
    reason: str | None = None
    sources: tuple[Source, ...] = ()
    order = 0
    defined: str | None = None  # "knowledge/rules/motives.py:55": where it is written
    _origin: KnowledgeRule | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = self.__name__ = name

    def __hash__(self) -> int:
        """experta hashes a rule for every activation, walking all its patterns;
        a rule never changes once written, so the hash is kept."""
        try:
            return self._hash
        except AttributeError:
            self._hash: int = super().__hash__()
            return self._hash

    __eq__ = Rule.__eq__  # defining __hash__ would otherwise drop experta's equality

    def new_conditions(self, *args: Any) -> KnowledgeRule:
        """experta rewrites rules before matching; keep a link to this one.

        The copy shares this rule's right-hand side as it is: experta's own
        copy would wrap the function again, reading its signature with
        ``inspect`` for each of the hundreds of copies it makes.
        """
        rewritten = type(self)(*args, salience=self.salience)
        rewritten._wrapped = self._wrapped
        rewritten._wrapped_args = self._wrapped_args
        rewritten.__name__ = self.__name__
        rewritten.defined, rewritten.order = self.defined, self.order
        rewritten._origin = self.origin
        return rewritten

    @property
    def origin(self) -> KnowledgeRule:
        return self if self._origin is None else self._origin

    @property
    def patterns(self) -> tuple[Any, ...]:
        return tuple(self)

    def conclusions(self) -> list[Conclusion]:
        """Everything the rule concludes or withholds."""
        return [*([self.supports] if self.supports else []), *self.concludes, *self.withholds]



@dataclass(frozen=True)
class ForeignRule:
    """A plain experta rule added to an engine: it fires and is traced, but
    declares nothing this package can explain."""

    name: str
    supports = None
    weight = 0.0
    concludes: tuple[Any, ...] = ()
    withholds: tuple[Any, ...] = ()
    says = None
    reason = None
    sources: tuple[Any, ...] = ()
    order = 1 << 30
    salience = 0
    defined = None


def declared_here() -> str:
    """Where the caller's caller's declaration is written, as ``folder/module.py:line``.

    The first frame outside this module (and ``expert.review``) is the line
    that declares the rule: a class attribute of a topic class, say.  Only the
    frame is read, never the file, so declaring stays cheap.  Modules of this
    package are named from the package root, so the place reads the same
    wherever it is installed.
    """
    frame = sys._getframe(1)
    while frame.f_globals.get("__name__") in _DECLARING:
        frame = frame.f_back  # type: ignore[assignment]
    module, filename = frame.f_globals.get("__name__", ""), frame.f_code.co_filename
    if module.startswith("exsplain."):
        tail = "/__init__.py" if filename.endswith("__init__.py") else ".py"
        filename = module.removeprefix("exsplain.").replace(".", "/") + tail
    return f"{filename}:{frame.f_lineno}"


_DECLARING = {__name__, "exsplain.expert.review"}


def _sources_of(conclusions: list[Conclusion]) -> tuple[Source, ...]:
    return tuple(dict.fromkeys(s for c in conclusions for s in c.sources))


def _rule(patterns: tuple[Any, ...], salience: int, sources: tuple[Source, ...] | None,
          **declaration: Any) -> KnowledgeRule:
    rule = KnowledgeRule(*patterns, salience=salience)
    for key, value in declaration.items():
        setattr(rule, key, value)
    rule.sources = tuple(sources) if sources is not None else _sources_of(rule.conclusions())
    rule.order = next(_definition_order)
    rule.defined = declared_here()

    def fire(engine: Engine) -> None:
        engine.apply(rule)

    # what experta's decorator sets, without reading fire's signature again for every rule
    rule._wrapped, rule._wrapped_args = fire, {"engine"}
    return rule


def evidence(*patterns: Any, supports: Conclusion, weight: float,
             sources: tuple[Source, ...] | None = None) -> KnowledgeRule:
    """A rule whose match is evidence for (or, with a negative weight, against) a hypothesis."""
    return _rule(patterns, EVIDENCE, sources, supports=supports, weight=weight)


def conclusion(
    *patterns: Any,
    concludes: Conclusion | tuple[Conclusion, ...] = (),
    withholds: tuple[Conclusion, ...] = (),
    says: str | None = None,
    reason: str | None = None,
    sources: tuple[Source, ...] | None = None,
    salience: int = CONCLUSION,
) -> KnowledgeRule:
    """A rule that draws categorical conclusions and may withhold others."""
    if isinstance(concludes, Conclusion):
        concludes = (concludes,)
    return _rule(patterns, salience, sources, concludes=tuple(concludes), withholds=tuple(withholds),
                 says=says, reason=reason)


def safety(*patterns: Any, sources: tuple[Source, ...], **declaration: Any) -> KnowledgeRule:
    """A conclusion that fires before everything else and overrides other advice."""
    return conclusion(*patterns, sources=sources, salience=SAFETY, **declaration)


def shadowed(engine_class: type) -> list[str]:
    """Names given to two different rules in the topic classes of an engine:
    only the first would run, so the other would silently be lost."""
    seen: dict[str, KnowledgeRule] = {}
    twice = []
    for klass in engine_class.__mro__:
        for name, rule in vars(klass).items():
            if isinstance(rule, KnowledgeRule):
                if name in seen and seen[name] is not rule and name not in twice:
                    twice.append(name)
                seen.setdefault(name, rule)
    return twice


def rules_of(engine_class: type) -> list[KnowledgeRule]:
    """Every ``KnowledgeRule`` of an engine class: by topic class in method
    resolution order, then in the order they are written."""
    found: dict[str, tuple[int, int, KnowledgeRule]] = {}
    for rank, klass in enumerate(engine_class.__mro__):
        for rule in vars(klass).values():
            if isinstance(rule, KnowledgeRule):
                found.setdefault(rule.name, (rank, rule.order, rule))
    return [rule for _, _, rule in sorted(found.values(), key=lambda item: item[:2])]
