"""Explanations derived from the rules themselves: why ask, how, why not."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Effect:
    """What one rule would conclude, and what it needs."""

    rule: str
    kind: str
    id: str
    label: str
    weight: float
    needs: tuple
    sources: tuple


def effects(kb, rule, wording):
    """The conclusions ``rule`` draws, each as an ``Effect``."""
    catalog = kb.catalog
    needs = tuple(str(c) for c in kb.conditions[rule.name])
    sources = tuple(str(s) for s in rule.sources)
    if rule.supports:
        entry = catalog.hypotheses[rule.supports]
        return [Effect(rule.name, catalog.hypothesis_kind, rule.supports, entry.label.format_map(wording),
                       rule.weight, needs, sources)]
    found = []
    for conclusion in rule.concludes:
        entry = catalog.entries(rule.kind)[conclusion]
        found.append(Effect(rule.name, rule.kind, conclusion, entry.label.format_map(wording), None, needs, sources))
    for withheld in rule.withholds:
        entry = catalog.recommendations[withheld]
        found.append(Effect(rule.name, "withheld", withheld, entry.label.format_map(wording), None, needs, sources))
    return found


def reasons_to_ask(kb, consultation, path):
    """Why a question is asked: every conclusion an answer to it could still change."""
    wording = kb.catalog.wording(consultation.case)
    found = [effect for rule in consultation.why(path) for effect in effects(kb, rule, wording)]
    order = kb.kinds
    return sorted(found, key=lambda e: order.index(e.kind))
