"""The report: what was concluded about a case, with reasons, sources and trace.

``build`` turns an inference into plain data (the JSON report) and decides
there everything a reader sees: which motives are shown, which caveats stand
before which motives, the help-first block (dangers in order, urgent advice,
the help lines for those dangers), each advice's theme and the advice shown
first.  Every renderer (text, JSON, Markdown, the end of a consultation,
batch rows) reads that data and decides nothing, so all formats say the same
thing.  The lists of conclusions and their keys come from the knowledge
base's kinds.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from exsplain.expert.catalog import Conclusion, Kind, Region, Resource, Source
from exsplain.expert.certainty import POSSIBLE, band
from exsplain.expert.conditions import AbsentCondition, BeliefCondition, Condition, ItemCondition
from exsplain.expert.engine import Firing, Inference
from exsplain.expert.wording import Words, fill

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase

REPORT_SCHEMA = 3


def matched(kb: KnowledgeBase, firing: Firing) -> list[tuple[Any, str]]:
    """``(condition, "path = value")`` for each condition a firing matched."""
    if firing.matched is not None:
        return [(None, line) for line in firing.matched]
    pairs: list[tuple[Any, str]] = []
    for condition, said_once in _trace_plan(kb).get(firing.rule.name, ()):
        if said_once is not None:
            pairs.append((condition, said_once))
            continue
        pairs += [(condition, line) for fact in firing.facts if (line := condition.matched_line(fact)) is not None]
    return pairs


@cache
def _trace_plan(kb: KnowledgeBase) -> dict[str, tuple[tuple[Any, str | None], ...]]:
    """Each rule's conditions with the trace line of those that match no fact (a ``NOT``,
    said the same every time), worked out once per knowledge base."""
    return {name: tuple((c, str(c) if isinstance(c, AbsentCondition) else None) for c in conditions)
            for name, conditions in kb.conditions.items()}


def matched_answers(kb: KnowledgeBase, firing: Firing) -> list[str]:
    """The answers (and beliefs) a firing matched, as ``path = value`` lines."""
    return list(dict.fromkeys(line for _, line in matched(kb, firing)))


def because(kb: KnowledgeBase, case: Case, firings: list[Firing], words: Mapping[str, str],
            labels: Mapping[str, str]) -> list[str]:
    """The answers behind ``firings``, told back in plain words."""
    return Told(kb, case, words, labels).because(firings)


def told(kb: KnowledgeBase, case: Case, firing: Firing, words: Mapping[str, str],
         labels: Mapping[str, str]) -> list[str]:
    """The answers behind one firing, told back (``{placeholders}`` still to fill)."""
    lines = [s for path in firing.answers for s in said(kb, case, path)]
    for condition in kb.conditions.get(firing.rule.name, ()):
        if isinstance(condition, BeliefCondition):
            lines.append(condition.in_words(words, labels))
        elif isinstance(condition, AbsentCondition):
            if condition.is_unknown_test():
                lines.append(condition.in_words(words, labels))
            lines += [s for p in condition.paths if case.known(p) for s in said(kb, case, p)]
        else:
            lines += said(kb, case, condition.path, condition)
    return lines


class Told:
    """What the firings of one case say, each worked out once for its report.

    A firing shows in the trace and again in a motive's evidence, and one
    firing may draw several conclusions; the same words fill the same line
    everywhere in a report.
    """

    def __init__(self, kb: KnowledgeBase, case: Case, words: Mapping[str, str], labels: Mapping[str, str]):
        self.kb, self.case, self.words, self.labels = kb, case, words, labels
        self._matched: dict[int, list[str]] = {}
        self._told: dict[int, list[str]] = {}
        self._filled: dict[str, str] = {}

    def matched_answers(self, firing: Firing) -> list[str]:
        """``matched_answers`` of ``firing``, a fresh list each time (a report holds no list twice)."""
        if firing.step not in self._matched:
            self._matched[firing.step] = matched_answers(self.kb, firing)
        return list(self._matched[firing.step])

    def because(self, firings: list[Firing]) -> list[str]:
        """The answers behind ``firings``, told back in plain words, each line once."""
        lines = [line for firing in firings for line in self._told_by(firing)]
        return [self._fill(line) for line in dict.fromkeys(lines)]

    def _told_by(self, firing: Firing) -> list[str]:
        if firing.step not in self._told:
            self._told[firing.step] = told(self.kb, self.case, firing, self.words, self.labels)
        return self._told[firing.step]

    def _fill(self, line: str) -> str:
        if line not in self._filled:
            self._filled[line] = fill(line, self.words)
        return self._filled[line]


def said(kb: KnowledgeBase, case: Case, path: str, condition: Condition | None = None) -> list[str]:
    """The statements of the answer to ``path`` (for a list, the items ``condition`` matched)."""
    field = kb.vocabulary.field(path)
    value = case.get(path)
    if isinstance(condition, ItemCondition):
        value = condition.matching(value)
    return field.statements(value)


def sources(items: Iterable[Source]) -> list[str]:
    return [str(s) for s in items]


def source_of(kb: KnowledgeBase, text: str) -> Source:
    """The source a report names as ``text`` (see ``sources``), to put in words."""
    return _sources_by_text(kb)[text]


@cache
def _sources_by_text(kb: KnowledgeBase) -> dict[str, Source]:
    known = [s for c in kb.catalog.conclusions for s in c.sources]
    known += [s for rule in kb.rules for s in getattr(rule, "sources", ())]
    return {str(s): s for s in known}


def build(kb: KnowledgeBase, case: Case, inference: Inference, region: Region) -> dict[str, Any]:
    """The report of ``case`` as plain data: everything a reader sees, decided here."""
    words = Words({**kb.catalog.wording(case), **region_words(region)})
    labels = kb.labels(words)
    lines = Told(kb, case, words, labels)
    withheld = inference.withheld()
    report: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "case": {"title": case.title, "path": case.path},
        "region": region.as_data(),
        "safety": None, "first_action": None, "caveats": None,  # decided below, from what follows
    }
    for kind in kb.kinds:
        if kind.ranked:
            report[kind.key] = ranked(kb, inference, kind, words, labels, lines)
            continue
        drawn = inference.drawn(kind)
        items: list[dict[str, Any]] = []
        for conclusion, firings in drawn.items():
            if conclusion in withheld:
                continue
            text = said_by(conclusion, firings, words)
            if kind.brief:
                items += [{"id": conclusion.id, kind.text_key: fill(fill(conclusion.text, f.details), words)}
                          for f in firings]
            elif kind.prioritised:
                items.append({"id": conclusion.id, "priority": conclusion.priority, "theme": conclusion.theme,
                              "label": labels[conclusion.id], kind.text_key: text,
                              "because": lines.because(firings),
                              "sources": sources(sources_of(conclusion, firings))})
            else:
                items.append({"id": conclusion.id, "label": labels[conclusion.id], kind.text_key: text,
                              "rule": firings[0].rule.name, "sources": sources(sources_of(conclusion, firings))})
        order = kind_order(kb, kind)
        if kind.brief:
            items = list({item[kind.text_key]: item for item in items}.values())
        elif kind.prioritised:  # within a priority, the catalog's order (urgent help in the order of danger)
            items.sort(key=lambda item: (item["priority"], order[kb.conclusion(item["id"])]))
        else:
            items.sort(key=lambda item: order[kb.conclusion(item["id"])])
        report[kind.key] = items
        if kind.withheld_key is not None:  # it can be withheld
            report[kind.withheld_key] = [
                {"id": c.id, "label": labels[c.id], "reason": fill(firings[0].rule.reason or "", words)}
                for c, firings in sorted(withheld.items(), key=lambda item: item[0].id) if c in drawn
            ]
    advice = [item for kind in kb.kinds if kind.prioritised for item in report[kind.key]]
    shown_first = in_reading_order(kb, [kb.conclusion(item["id"]) for item in advice])
    report["safety"] = safety(kb, case, region, advice)
    report["first_action"] = shown_first[0].id if shown_first else None
    report["caveats"] = caveats(kb, case, report, words)
    unanswered = kb.judge.relevant_unknowns(case, inference.certainty)
    report["unanswered"] = unanswered
    report["questions"] = [{"field": p, "text": fill(kb.vocabulary.field(p).question, words)} for p in unanswered]
    report["trace"] = [
        {"step": f.step, "rule": f.rule.name, "defined": f.rule.defined, "matched": lines.matched_answers(f),
         "declared": list(f.declared)}
        for f in inference.firings
    ]
    return report


@cache
def catalog_order(kb: KnowledgeBase) -> dict[Conclusion, int]:
    """Each conclusion's place in the catalog, which breaks every tie."""
    return {c: n for n, c in enumerate(kb.catalog.conclusions)}


@cache
def kind_order(kb: KnowledgeBase, kind: Kind) -> dict[Conclusion, int]:
    """The conclusions of ``kind`` in the catalog's order, each with its place."""
    return {c: n for n, c in enumerate(kb.catalog.of_kind(kind))}


def sources_of(conclusion: Conclusion, firings: list[Firing]) -> tuple[Source, ...]:
    """The sources of what is said of a conclusion: of the rules whose own
    words are used (see ``said_by``), else the conclusion's."""
    saying = [s for f in firings if f.rule.says for s in f.rule.sources]
    return tuple(dict.fromkeys(saying)) if saying else conclusion.sources


def said_by(conclusion: Conclusion, firings: list[Firing], words: Mapping[str, str]) -> str:
    """A conclusion's text: what the rules that drew it say, or its own text."""
    texts = list(dict.fromkeys(f.rule.says for f in firings if f.rule.says))
    return fill(" ".join(texts) if texts else conclusion.text, words)


def ranked(kb: KnowledgeBase, inference: Inference, kind: Kind, words: Mapping[str, str],
           labels: Mapping[str, str], lines: Told) -> list[dict[str, Any]]:
    """The hypotheses above 0, most certain first (ties in catalog order);
    ``shown`` marks those at least possible, which a reading lists."""
    items: list[dict[str, Any]] = []
    for conclusion in kind_order(kb, kind):
        certainty = inference.certainty.get(conclusion.id, 0.0)
        if certainty <= 0:
            continue
        support = inference.support(conclusion)
        items.append({
            "id": conclusion.id,
            "certainty": certainty,
            "band": band(certainty),
            "label": labels[conclusion.id],
            kind.text_key: fill(conclusion.text, words),
            "because": lines.because([f for f in support if f.rule.weight > 0]),
            "evidence": [
                {"rule": f.rule.name, "certainty": f.rule.weight, "facts": lines.matched_answers(f)} for f in support
            ],
            "sources": sources(conclusion.sources),
            "shown": certainty >= POSSIBLE,
        })
    items.sort(key=lambda m: -m["certainty"])  # stable: ties keep the catalog's order
    return items


ALL_MOTIVES = "all_motives"


def caveats(kb: KnowledgeBase, case: Case, report: dict[str, Any], words: Mapping[str, str]) -> list[dict[str, Any]]:
    """The caveats the case calls for, and the shown motives each stands before.

    A caveat for some motives is left out when none of them is shown; one
    for all motives stands at the head of them, shown or not.
    """
    shown = [m["id"] for kind in kb.kinds if kind.ranked for m in report[kind.key] if m["shown"]]
    found = []
    for caveat in kb.catalog.caveats:
        if not caveat.applies(case):
            continue
        before: str | list[str] = ALL_MOTIVES
        if caveat.before is not None:
            before = [m for m in shown if caveat.before(kb.conclusion(m))]
            if not before:
                continue
        found.append({"id": caveat.id, "text": fill(caveat.text, words), "before": before})
    return found


def answered(kb: KnowledgeBase, case: Case) -> bool:
    """Whether every safety question that applies has an answer."""
    return all(case.known(f.path) or f.applies(case) is False for f in kb.catalog.safety)


def dangers(kb: KnowledgeBase, case: Case) -> list[Any]:
    """The dangers the case reports, in the order they are handled."""
    return [d for d in kb.catalog.dangers if d.reported(case)]


def safety(kb: KnowledgeBase, case: Case, region: Region, advice: list[dict[str, Any]]) -> dict[str, Any]:
    """The help-first block: the dangers reported, the help lines for exactly
    those (for every danger while a safety question is unanswered), and the
    urgent advice, all in the order of danger."""
    is_answered = answered(kb, case)
    reported = dangers(kb, case)
    # the help for the dangers reported, in their order; while a safety question is unanswered, then the rest
    also = [] if is_answered else [d for d in kb.catalog.dangers if d not in reported]
    needs = tuple(dict.fromkeys(r for d in (*reported, *also) for r in d.resources))
    urgent = [item["id"] for item in advice if item["priority"] == FIRST]
    return {"answered": is_answered, "dangers": [d.id for d in reported],
            "resources": [resource_data(r) for r in help_lines(region, needs)],
            "help_first": help_first(is_answered, reported, urgent), "urgent": urgent}


@lru_cache(maxsize=256)  # a few regions, each with a few sets of needs
def help_lines(region: Region, needs: tuple[str, ...]) -> tuple[Resource, ...]:
    """The help lines of ``region`` for ``needs``, in their order (the order of danger),
    worked out once for each region and needs."""
    found = region.for_(set(needs))
    return tuple(sorted(found, key=lambda r: needs.index(r.for_) if r.for_ in needs else len(needs)))


@lru_cache(maxsize=32)  # a few regions; one made up for an unknown code is a new one each time
def region_words(region: Region) -> dict[str, str]:
    """``region.words()``, worked out once: they come from its help lines alone."""
    return region.words()


def resource_data(resource: Resource) -> dict[str, Any]:
    """``resource.as_data()``, worked out once (from the resource alone), as a fresh copy for each report."""
    return {key: list(value) if isinstance(value, list) else value for key, value in _resource_data(resource).items()}


@lru_cache(maxsize=1024)
def _resource_data(resource: Resource) -> dict[str, Any]:
    return resource.as_data()


def help_first(is_answered: bool, reported: list[Any], urgent: list[Any]) -> bool:
    """Help comes first when a danger is reported, a safety question is
    unanswered or any advice is urgent."""
    return bool(reported or urgent) or not is_answered


def in_reading_order(kb: KnowledgeBase, advice: list[Conclusion]) -> list[Conclusion]:
    """Advice in the order a reading shows it: the urgent first (in the
    catalog's order, which is the order of danger), then by theme in the
    catalog's order of themes, by priority within a theme, then catalog order."""
    themes = {theme: n for n, (theme, _) in enumerate(kb.catalog.themes)}
    order = catalog_order(kb)

    def place(c: Conclusion) -> tuple[int, int, int, int]:
        urgent = c.priority == FIRST
        return (0 if urgent else 1, 0 if urgent else themes.get(c.theme or "", len(themes)), c.priority or 0,
                order[c])

    return sorted(advice, key=place)


def action_groups(kb: KnowledgeBase, report: dict[str, Any]) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """The advice that is not urgent, grouped under the theme headings in the
    order a reading shows it; a theme with no advice is left out.  Advice
    without a theme comes last, under no heading."""
    urgent = set(report["safety"]["urgent"])
    items = {item["id"]: item for kind in kb.kinds if kind.prioritised for item in report[kind.key]}
    headings = dict(kb.catalog.themes)
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for conclusion in in_reading_order(kb, [kb.conclusion(i) for i in items if i not in urgent]):
        groups.setdefault(conclusion.theme if conclusion.theme in headings else None, []).append(
            items[conclusion.id])
    return [(headings.get(theme or ""), group) for theme, group in groups.items()]


@dataclass(frozen=True)
class Summary:
    """What a one-line summary of a case needs, without building its report.

    The top hypothesis and its certainty, the hypotheses at least possible,
    the advice in order (priority, then the knowledge base's order), how many
    warnings the report would hold, the advice a reading shows first, and
    whether help comes first (as the report's ``safety`` says).
    """

    top: Conclusion | None
    certainty: float
    band: str | None
    possible: list[Conclusion]
    advice: list[Conclusion]
    warning_count: int
    first_action: Conclusion | None
    help_first: bool


def summary(kb: KnowledgeBase, case: Case, inference: Inference) -> Summary:
    """The ``Summary`` of a case, decided as ``build`` decides the report."""
    order = catalog_order(kb)
    ranked_kinds = [k for k in kb.kinds if k.ranked]
    hypotheses = sorted(((inference.certainty.get(c.id, 0.0), c) for k in ranked_kinds for c in kb.catalog.of_kind(k)),
                        key=lambda pair: (-pair[0], order[pair[1]]))
    hypotheses = [(certainty, c) for certainty, c in hypotheses if certainty > 0]
    withheld = inference.withheld()
    advice = sorted((c for k in kb.kinds if k.prioritised for c in inference.drawn(k) if c not in withheld),
                    key=lambda c: (c.priority, order[c]))
    words = kb.catalog.wording(case)
    messages = {fill(fill(c.text, f.details), words) for k in kb.kinds if k.brief
                for c, firings in inference.drawn(k).items() if c not in withheld for f in firings}
    certainty, top = hypotheses[0] if hypotheses else (0.0, None)
    shown_first = in_reading_order(kb, advice)
    urgent = [c for c in advice if c.priority == FIRST]
    return Summary(top, certainty, band(certainty) if top else None,
                   [c for value, c in hypotheses if value >= POSSIBLE], advice, len(messages),
                   shown_first[0] if shown_first else None, help_first(answered(kb, case), dangers(kb, case), urgent))


FIRST = 1  # the priority of advice that comes before everything else (help, where safety is at stake)


def first_advice(kb: KnowledgeBase, report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's urgent advice, in the order of danger, set apart from the rest."""
    items = {item["id"]: item for kind in kb.kinds if kind.prioritised for item in report[kind.key]}
    return [items[i] for i in report["safety"]["urgent"]]
