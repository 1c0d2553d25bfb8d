"""experta, the rules engine, behind one typed boundary.

experta ships no type information: to mypy each of its names is ``Any``, and
a class built on ``Any`` is not checked at all.  The rest of ``expert/``
imports experta's names from here.  At run time they are experta's own
objects, unchanged; to the type checker, the classes that ``expert/`` builds
on are declared as classes (on experta's unknown ones, the only place that
is allowed), so that everything built on them is checked.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from experta import watchers
from experta.agenda import Agenda
from experta.conditionalelement import AND, EXISTS, FORALL, NOT, OR, TEST
from experta.fact import InitialFact
from experta.fieldconstraint import ANDFC, NOTFC, ORFC, L, P, W
from experta.matchers.rete.check import FactCapture, FeatureCheck, SameContextCheck, TypeCheck, WhereCheck
from experta.matchers.rete.mixins import NoMemory
from experta.matchers.rete.nodes import FeatureTesterNode, WhereNode

if TYPE_CHECKING:
    import experta.activation
    import experta.fact
    import experta.factlist
    import experta.matchers
    import experta.matchers.rete.nodes
    import experta.matchers.rete.token
    import experta.rule
    import experta.strategies

    class Validable(experta.fact.Validable):  # type: ignore[misc]
        """The metaclass of experta's facts."""

    class Fact(experta.fact.Fact, metaclass=Validable):  # type: ignore[misc]
        """A fact of working memory, and a pattern in a rule."""

    class Field(experta.fact.Field):  # type: ignore[misc]
        """A declared field of a fact class."""

    class Rule(experta.rule.Rule):  # type: ignore[misc]
        """A rule: its patterns and the function it fires."""

        def __hash__(self) -> int: ...

        def new_conditions(self, *conditions: Any) -> Rule: ...

    def prepare_rule(rule: Rule) -> Rule:
        """experta's rewriting of a rule into the form its network is built from."""

    class KnowledgeEngine(experta.KnowledgeEngine):  # type: ignore[misc]
        """The engine: working memory, agenda and matcher."""

    class DepthStrategy(experta.strategies.DepthStrategy):  # type: ignore[misc]
        """Depth-first conflict resolution."""

    class FactList(experta.factlist.FactList):  # type: ignore[misc]
        """Working memory's numbered facts."""

    class ReteMatcher(experta.matchers.ReteMatcher):  # type: ignore[misc]
        """The Rete network that matches facts to rules."""

    class Token(experta.matchers.rete.token.Token):  # type: ignore[misc]
        """A fact or join passing through the network."""

    class OrdinaryMatchNode(experta.matchers.rete.nodes.OrdinaryMatchNode):  # type: ignore[misc]
        """A join of two inputs whose contexts agree."""

    class NotNode(experta.matchers.rete.nodes.NotNode):  # type: ignore[misc]
        """A left input passed on while no right input agrees with it."""

    class ConflictSetNode(experta.matchers.rete.nodes.ConflictSetNode):  # type: ignore[misc]
        """A rule's last node, which makes its activations."""

    class Activation(experta.activation.Activation):  # type: ignore[misc]
        """A rule ready to fire on some facts, waiting on the agenda."""
else:
    from experta import Fact, KnowledgeEngine, Rule
    from experta.activation import Activation
    from experta.fact import Field, Validable
    from experta.factlist import FactList
    from experta.matchers import ReteMatcher
    from experta.matchers.rete.nodes import ConflictSetNode, NotNode, OrdinaryMatchNode
    from experta.matchers.rete.token import Token
    from experta.matchers.rete.utils import prepare_rule
    from experta.strategies import DepthStrategy

__all__ = [
    "AND", "ANDFC", "EXISTS", "FORALL", "NOT", "NOTFC", "OR", "ORFC", "TEST", "Activation", "Agenda", "ConflictSetNode",
    "DepthStrategy", "Fact", "FactCapture", "FactList", "FeatureCheck", "FeatureTesterNode", "Field", "InitialFact",
    "KnowledgeEngine", "L", "NoMemory", "NotNode", "OrdinaryMatchNode", "P", "ReteMatcher", "Rule",
    "SameContextCheck", "Token", "TypeCheck", "Validable", "W", "WhereCheck", "WhereNode", "prepare_rule", "watchers",
]
