"""Checks of a knowledge base itself, so that it cannot rot silently.

Every conclusion has words and sources and is reachable by some rule; every
field is used by a rule or by the wording; every rule fires on some example;
every citation points at a paragraph that exists; no rule repeats another.
"""
from dataclasses import dataclass

from expert.report import IRRELEVANT_ANSWER


@dataclass
class Findings:
    problems: list
    fired: set
    rules: int

    @property
    def coverage(self):
        return f"{len(self.fired)}/{self.rules} rules fired by the examples"


def check(kb, examples):
    """Check ``kb`` against the example cases ``examples``; returns ``Findings``."""
    catalog = kb.catalog
    problems = []

    kinds = {catalog.hypothesis_kind: catalog.hypotheses, catalog.finding_kind: catalog.findings,
             catalog.recommendation_kind: catalog.recommendations, "warning": catalog.warnings}
    produced_elsewhere = {("warning", IRRELEVANT_ANSWER)}  # found by the relevance analysis, not a rule
    for kind, entries in kinds.items():
        for entry in entries.values():
            if not (entry.label.strip() and entry.text.strip()):
                problems.append(f"{kind} {entry.id} has no wording")
            if not entry.sources and (kind, entry.id) not in produced_elsewhere:
                problems.append(f"{kind} {entry.id} cites no source")
            problems += citation_problems(catalog, f"{kind} {entry.id}", entry.sources)
            if (kind, entry.id) not in produced_elsewhere and not concluding_rules(kb, kind, entry.id):
                problems.append(f"{kind} {entry.id} is concluded by no rule")

    for rule in kb.rules:
        for kind, conclusion in rule_conclusions(kb, rule):
            if conclusion not in kinds[kind]:
                problems.append(f"rule {rule.name} concludes {kind} {conclusion}, which has no wording")
        if not rule.sources:
            problems.append(f"rule {rule.name} cites no source")
        problems += citation_problems(catalog, f"rule {rule.name}", rule.sources)

    problems += [f"field {path} is used by no rule and not by the wording" for path in unused_fields(kb)]

    fired = set()
    for case in examples:
        fired |= {f.rule.name for f in kb.infer(case).firings}
    problems += [f"rule {r.name} fires in no example" for r in kb.rules if r.name not in fired]

    seen = {}
    for rule in kb.rules:
        key = rule_signature(kb, rule)
        if key in seen:
            problems.append(f"rules {seen[key]} and {rule.name} are identical")
        seen.setdefault(key, rule.name)
    return Findings(problems, fired, len(kb.rules))


def rule_conclusions(kb, rule):
    if rule.supports:
        yield kb.catalog.hypothesis_kind, rule.supports
    for conclusion in rule.concludes:
        yield rule.kind, conclusion
    for withheld in rule.withholds:
        yield kb.catalog.recommendation_kind, withheld


def concluding_rules(kb, kind, conclusion_id):
    if kind == kb.catalog.hypothesis_kind:
        return [r for r in kb.evidence_for(conclusion_id) if r.weight > 0]
    return kb.rules_concluding(kind, conclusion_id)


def citation_problems(catalog, owner, sources):
    """Citations must name a known article and paragraphs within it; notes name no article."""
    problems = []
    for source in sources:
        if source.first is None:
            continue  # a note such as "beyond the articles", not a citation
        article = catalog.articles.get(source.article)
        last = source.first if source.last is None else source.last
        if article is None:
            problems.append(f"{owner} cites unknown article {source.article}")
        elif not 1 <= source.first <= last <= article.paragraphs:
            problems.append(f"{owner} cites {source}, but {source.article} has {article.paragraphs} paragraphs")
    return problems


def unused_fields(kb):
    """Fields no rule matches and whose answer does not change the wording either."""
    from expert.case import Case

    unused = []
    for path, answer in kb.vocabulary.fields.items():
        if path in kb.judge.uses:
            continue
        wordings = {tuple(sorted(kb.catalog.wording(Case({path: v})).items())) for v in answer.values}
        if len(wordings) < 2:
            unused.append(path)
    return unused


def rule_signature(kb, rule):
    """What a rule matches and concludes, whatever its name."""
    conditions = tuple(sorted(str(c) for c in kb.conditions[rule.name]))
    return conditions, rule.supports, rule.weight, rule.kind, rule.concludes, rule.withholds
