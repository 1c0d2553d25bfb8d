"""Watching the engine work: working memory, the agenda, and each choice it makes.

An engine with a ``listener`` tells it every batch of facts declared and
retracted, every batch of activations the Rete network adds to or removes
from the agenda, and every activation it picks to fire.  ``Listener`` does
nothing with them; ``Watcher`` records them as events, each with ids for
tools (one JSON object per line) and a sentence for people, including why
the conflict-resolution strategy picked that activation: the highest
salience first, then the most recent facts, then the rule written first.
An engine without a listener pays one ``is None`` test per step.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from exsplain.expert.engine import Engine, Firing, Inference, origin_of
from exsplain.expert.experta import InitialFact
from exsplain.expert.fields import ChoiceSet
from exsplain.expert.review import Review
from exsplain.expert.rules import Belief
from exsplain.expert.wording import fill

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase

DECIDED_BY = ("alone", "salience", "recency", "order")


class Listener:
    """What an engine tells whoever watches it; subclasses override what they need."""

    def facts_changed(self, engine: Engine, declared: list[Any], retracted: list[Any]) -> None:
        """Facts entered (``declared``) or left (``retracted``) working memory."""

    def agenda_changed(self, engine: Engine, added: list[Any], removed: list[Any]) -> None:
        """The Rete network found activations to add to the agenda, or to remove; ``engine.agenda`` is unchanged yet."""

    def firing(self, engine: Engine, activation: Any) -> None:
        """``activation`` was taken from the agenda and is about to fire; the rest are still on it."""


class Watcher(Listener):
    """Records what the engine does as events, in words and with ids."""

    def __init__(self, kb: KnowledgeBase, words: Mapping[str, str]) -> None:
        self.words, self.labels = words, kb.labels(words)
        self.events: list[dict[str, Any]] = []
        self.items = {f.item: f for f in kb.vocabulary.fields.values() if isinstance(f, ChoiceSet)}

    def facts_changed(self, engine: Engine, declared: list[Any], retracted: list[Any]) -> None:
        for event, facts, verb in (("retract", retracted, "Retracted"), ("declare", declared, "Declared")):
            for fact in facts:
                number = fact["__factid__"]
                said = self.fact_in_words(fact)
                self.events.append({"event": event, "fact": number, "class": type(fact).__name__,
                                    "values": values_of(fact), "text": f"{verb} f-{number}: {said}."})

    def agenda_changed(self, engine: Engine, added: list[Any], removed: list[Any]) -> None:
        waiting = {identity(a) for a in engine.agenda.activations}
        # The matcher finds them in no fixed order: tell them in the strategy's, next in line first.
        removed, added = (sorted(found, key=engine.strategy.get_key, reverse=True) for found in (removed, added))
        for activation in removed:
            if identity(activation) in waiting:  # the others had fired already
                self.events.append(self.activation_event("deactivate", activation, "Removed from the agenda",
                                                         ", since a fact it matched was retracted"))
        for activation in added:
            self.events.append(self.activation_event("activate", activation, "Added to the agenda"))

    def firing(self, engine: Engine, activation: Any) -> None:
        waiting = engine.agenda.activations  # in the strategy's order: the last is next in line
        event = self.activation_event("fire", activation, f"Fires, step {len(engine.firings)}")
        event["step"] = len(engine.firings)
        if not waiting:
            decided_by, why, over = "alone", "Chosen as the only activation on the agenda", None
        else:
            runner_up = waiting[-1]
            over = origin_of(runner_up.rule).name
            decided_by, why = chosen_over(activation.key, runner_up.key, over)
            why = f"Chosen from {len(waiting) + 1} on the agenda: {why}"
        event.update(decided_by=decided_by, over=over, agenda=len(waiting), text=f"{event['text']}. {why}.")
        self.events.append(event)

    def reviews(self, firings: list[Firing]) -> None:
        """The reviews run after the engine, as the trace records them."""
        for firing in firings:
            rule = firing.rule
            assert isinstance(rule, Review)  # the steps after the engine's are the reviews'
            self.events.append({"event": "review", "step": firing.step, "rule": rule.name, "defined": rule.defined,
                                "text": f"Review, step {firing.step}: {rule.name} ({rule.defined}), run after "
                                        f"the rules on what they did, found {rule.description}."})

    def activation_event(self, event: str, activation: Any, verb: str, why: str = "") -> dict[str, Any]:
        rule = origin_of(activation.rule)
        facts = sorted(f["__factid__"] for f in activation.facts)
        on = together([f"f-{n}" for n in facts])
        return {"event": event, "rule": rule.name, "defined": rule.defined, "salience": rule.salience,
                "facts": facts, "text": f"{verb}: {rule.name} (salience {rule.salience}), on {on}{why}"}

    def fact_in_words(self, fact: Any) -> str:
        """A fact as a person reads it: the answers it holds, a belief, or the initial fact."""
        if isinstance(fact, InitialFact):
            return "the initial fact, which every engine starts with"
        if isinstance(fact, Belief):
            return (f"belief “{self.labels.get(fact['id'], fact['id'])}” at {fact['certainty']:.2f} "
                    f"({fact['band']})")
        if type(fact) in self.items:
            field = self.items[type(fact)]
            return f"{field.table} item: {fill(field.answers[fact['kind']].statement, self.words)}"
        table = getattr(type(fact), "table", "")
        if table:
            fields = type(fact).fields()
            said = [fill(s, self.words) for name, value in values_of(fact).items() if name in fields
                    for s in fields[name].statements(tuple(value) if isinstance(value, list) else value)]
            return f"{table}: {'; '.join(said) or 'no answer'}"
        return repr(fact)


def chosen_over(key: tuple[Any, ...], other: tuple[Any, ...], name: str) -> tuple[str, str]:
    """Why the strategy ranks ``key`` above ``other`` (the next in line, ``name``), in words."""
    if key[0] != other[0]:
        return "salience", f"its salience, {key[0]}, is higher than the {other[0]} of the next in line, {name}"
    if key[1] != other[1]:
        mine, theirs = (", ".join(f"f-{n}" for n in k[1]) for k in (key, other))
        return "recency", (f"the same salience as the next in line, {name}, and more recent facts ({mine} "
                           f"against {theirs}, compared newest first)")
    return "order", f"the same salience and facts as the next in line, {name}, and it is written first"


def identity(activation: Any) -> tuple[Any, ...]:
    return origin_of(activation.rule).name, frozenset(f["__factid__"] for f in activation.facts)


def values_of(fact: Any) -> dict[str, Any]:
    """A fact's fields as JSON values (experta's own keys left out)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in fact.as_dict().items()
            if isinstance(k, str) and not k.startswith("__")}


def together(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def watch(kb: KnowledgeBase, case: Case) -> tuple[Inference, list[dict[str, Any]]]:
    """Infer ``case`` on a fresh engine with a ``Watcher``: the inference and every event, in order."""
    watcher = Watcher(kb, kb.catalog.wording(case))
    engine = kb.engine_class()
    engine.listener = watcher
    inference = kb.infer(case, engine)
    fired = sum(event["event"] == "fire" for event in watcher.events)
    watcher.reviews(inference.firings[fired:])
    return inference, watcher.events
