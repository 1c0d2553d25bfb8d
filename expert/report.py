"""The report: what was concluded about a case, with sources and trace.

``build`` turns an inference into plain data (the JSON report of KNOWLEDGE.md
§3); every renderer (text tables, JSON, Markdown) reads that data, so all
formats say the same thing.
"""
from expert.certainty import band
from expert.conditions import BeliefCondition, FieldCondition, ItemCondition, spell_value
from expert.rules import Belief

REPORT_SCHEMA = 1
IRRELEVANT_ANSWER = "irrelevant_answer"  # the warning the relevance analysis raises


def matched(kb, firing):
    """``(condition, "path = value")`` for each condition a firing matched."""
    pairs = []
    for condition in kb.conditions[firing.rule.name]:
        for fact in firing.facts:
            if isinstance(condition, BeliefCondition) and isinstance(fact, Belief):
                if fact["id"] == condition.hypothesis:
                    pairs.append((condition, f"{fact['id']} = {fact['certainty']:.2f} ({fact['band']})"))
            elif isinstance(condition, ItemCondition) and isinstance(fact, condition.answer.item):
                pairs.append((condition, f"{condition.path} includes {fact['kind']}"))
            elif isinstance(condition, FieldCondition) and getattr(fact, "table", None) == condition.path.split(".")[0]:
                pairs.append((condition, f"{condition.path} = {spell_value(fact[condition.path.split('.')[1]])}"))
    return pairs


def matched_answers(kb, firing):
    """The answers (and beliefs) a firing matched, as ``path = value`` lines."""
    return list(dict.fromkeys(line for _, line in matched(kb, firing)))


def sources(items):
    return [str(s) for s in items]


def build(kb, case, inference):
    """The report of ``case`` as plain data."""
    catalog = kb.catalog
    words = catalog.wording(case)

    def say(text):
        return text.format_map(words)

    hypotheses = []
    for hypothesis, certainty in inference.certainty.items():
        if certainty <= 0:
            continue
        entry = catalog.hypotheses[hypothesis]
        hypotheses.append(
            {
                "id": hypothesis,
                "certainty": certainty,
                "band": band(certainty),
                "label": say(entry.label),
                "explanation": say(entry.text),
                "evidence": [
                    {"rule": f.rule.name, "certainty": f.rule.weight, "facts": matched_answers(kb, f)}
                    for f in inference.support(hypothesis)
                ],
                "sources": sources(entry.sources),
            }
        )
    hypotheses.sort(key=lambda h: (-h["certainty"], h["id"]))

    findings = inference.drawn(catalog.finding_kind)
    finding_list = [
        {
            "id": fid,
            "label": say(entry.label),
            "text": say(entry.text),
            "rule": findings[fid][0].rule.name,
            "sources": sources(entry.sources),
        }
        for fid, entry in catalog.findings.items()
        if fid in findings
    ]

    withheld = inference.withheld()
    recommended = inference.drawn(catalog.recommendation_kind)
    actions = []
    for aid, firings in recommended.items():
        if aid in withheld:
            continue
        entry = catalog.recommendations[aid]
        because = [line for f in firings for line in matched_answers(kb, f)]
        actions.append(
            {
                "id": aid,
                "priority": entry.priority,
                "label": say(entry.label),
                "advice": say(entry.text),
                "because": list(dict.fromkeys(because)),
                "sources": sources(entry.sources),
            }
        )
    actions.sort(key=lambda a: (a["priority"], a["id"]))

    withheld_list = [
        {"id": aid, "reason": say(withheld[aid][0].rule.reason)} for aid in sorted(withheld) if aid in recommended
    ]

    warnings = [
        {"id": wid, "message": say(catalog.warnings[wid].text)} for wid in inference.drawn("warning")
    ]
    for path, blockers in kb.judge.irrelevant_answers(case, inference.certainty).items():
        needs = " or ".join(" and ".join(str(c) for c in conditions) for conditions in blockers)
        given = ", ".join(
            dict.fromkeys(f"{c.path} = {spell_value(case.get(c.path))}" for cs in blockers for c in cs)
        )
        warnings.append(
            {
                "id": IRRELEVANT_ANSWER,
                "message": f"{path} does not apply here and was not used: it only matters when {needs} (this case has {given}).",
            }
        )

    return {
        "schema": REPORT_SCHEMA,
        "case": {"title": case.title, "path": case.path},
        f"{catalog.hypothesis_kind}s": hypotheses,
        f"{catalog.finding_kind}s": finding_list,
        f"{catalog.recommendation_kind}s": actions,
        "withheld": withheld_list,
        "warnings": warnings,
        "unanswered": kb.judge.relevant_unknowns(case, inference.certainty),
        "trace": [
            {"step": f.step, "rule": f.rule.name, "matched": matched_answers(kb, f), "declared": list(f.declared)}
            for f in inference.firings
        ],
    }
