"""Explanations derived from what the engine did: why ask, how, why not.

Nothing here is written by hand per conclusion: *how* replays the firings that
supported a conclusion, *why not* judges every rule that could have reached it
against the answers, and *why ask* lists the open rules that need a field.
"""
from dataclasses import dataclass

from expert.certainty import band, combine_all
from expert.conditions import BeliefCondition, spell_value
from expert.report import matched_answers


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


def running_certainty(weights):
    """The combined certainty after each piece of evidence, in firing order."""
    return [combine_all(weights[: i + 1]) for i in range(len(weights))]


def kind_of(kb, conclusion_id):
    """The kind of conclusion an id names, or None."""
    catalog = kb.catalog
    for kind in (catalog.hypothesis_kind, catalog.finding_kind, catalog.recommendation_kind, "warning"):
        if conclusion_id in catalog.entries(kind):
            return kind
    return None


def known_ids(kb):
    catalog = kb.catalog
    return [*catalog.hypotheses, *catalog.findings, *catalog.recommendations, *catalog.warnings]


def step(kb, firing, **extra):
    """One firing as an explanation step: the rule, what it matched, its sources."""
    return {
        "step": firing.step,
        "rule": firing.rule.name,
        "matched": matched_answers(kb, firing),
        "sources": [str(s) for s in firing.rule.sources],
        **extra,
    }


def explain(kb, case, inference, conclusion_id):
    """How ``conclusion_id`` was reached, or why it was not, as plain data."""
    kind = kind_of(kb, conclusion_id)
    if kind is None:
        raise KeyError(conclusion_id)
    catalog = kb.catalog
    entry = catalog.entries(kind)[conclusion_id]
    result = {"id": conclusion_id, "kind": kind, "label": entry.label.format_map(catalog.wording(case))}
    if kind == catalog.hypothesis_kind:
        firings = inference.support(conclusion_id)
        certainty = inference.certainty.get(conclusion_id, 0.0)
        running = running_certainty([f.rule.weight for f in firings])
        result.update(
            reached=certainty > 0,
            certainty=certainty,
            band=band(certainty),
            how=[step(kb, f, weight=f.rule.weight, running=r) for f, r in zip(firings, running)],
        )
        candidates = [r for r in kb.evidence_for(conclusion_id) if r.weight > 0]
    else:
        firings = inference.drawn(kind).get(conclusion_id, [])
        withheld = inference.withheld().get(conclusion_id, []) if firings else []
        result.update(
            reached=bool(firings) and not withheld,
            how=[step(kb, f, because=beliefs_behind(kb, case, inference, f)) for f in firings],
        )
        if withheld:
            result["withheld_by"] = [
                step(kb, f, reason=f.rule.reason.format_map(catalog.wording(case))) for f in withheld
            ]
        candidates = kb.rules_concluding(kind, conclusion_id)
    if not result["reached"] and not result.get("withheld_by"):
        fired = {f.rule.name for f in inference.firings}
        result["why_not"] = [
            why_rule_did_not_fire(kb, case, inference, rule) for rule in candidates if rule.name not in fired
        ]
    return result


def beliefs_behind(kb, case, inference, firing):
    """The explanations of the hypotheses a firing relied on."""
    return [
        explain(kb, case, inference, c.hypothesis)
        for c in kb.conditions[firing.rule.name]
        if isinstance(c, BeliefCondition)
    ]


def why_rule_did_not_fire(kb, case, inference, rule):
    """The conditions of ``rule`` that failed (with the answer) or are unknown (with the question)."""
    judgement = kb.judge.rule(rule, case, inference.certainty)
    wording = kb.catalog.wording(case)
    failed, unknown = [], []
    for condition in judgement.failed:
        if isinstance(condition, BeliefCondition):
            certainty = inference.certainty.get(condition.hypothesis, 0.0)
            given = f"{condition.hypothesis} = {certainty:.2f} ({band(certainty)})"
        else:
            given = f"{condition.path} = {spell_value(case.get(condition.path))}"
        failed.append({"condition": str(condition), "given": given})
    for condition in judgement.unknown:
        if isinstance(condition, BeliefCondition):
            open_rules = [
                r for r in kb.evidence_for(condition.hypothesis)
                if r.weight > 0 and kb.judge.rule(r, case, inference.certainty).status == "unknown"
            ]
            paths = sorted({c.path for r in open_rules for c in kb.judge.rule(r, case, inference.certainty).unknown})
            question = "it depends on " + ", ".join(paths)
        else:
            question = kb.catalog.question(condition.path).text.format_map(wording)
        unknown.append({"condition": str(condition), "question": question})
    return {
        "rule": rule.name,
        "weight": rule.weight if rule.supports else None,
        "failed": failed,
        "unknown": unknown,
        "sources": [str(s) for s in rule.sources],
    }
