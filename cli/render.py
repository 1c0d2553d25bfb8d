"""The reading as a person reads it: plain words, help first, fitted to the terminal.

Any urgent help comes first, set apart.  Then the likely motives, each with
its explanation and the answers behind it, the insights, numbered advice,
advice held back and why, answers to look at again, the questions that could
still change the reading, and the sources as footnotes that name the
articles.  Ids and field paths stay in JSON.
"""
from __future__ import annotations

from typing import Any

from exsplain.cli.layout import Page
from exsplain.cli.trace import trace_lines
from exsplain.expert.catalog import Source
from exsplain.expert.certainty import LIKELY, POSSIBLE
from exsplain.expert.report import FIRST, first_advice
from exsplain.expert.wording import fill, shown

OPEN_QUESTIONS_SHOWN = 5


class Footnotes:
    """Numbered sources: one note per article (or per note beyond the articles)."""

    def __init__(self) -> None:
        self.notes: dict[str, str] = {}

    def mark(self, sources: tuple[Source, ...]) -> str:
        numbers = []
        for source in sources:
            key = source.article.id if source.article else source.note or ""
            if key not in self.notes:
                self.notes[key] = about(source)
            numbers.append(list(self.notes).index(key) + 1)
        return f" [{', '.join(map(str, dict.fromkeys(numbers)))}]" if numbers else ""


def about(source: Source) -> str:
    if source.article is None:
        return f"Beyond the articles: {source.note}."
    return f"“{source.article.title}”, {source.article.description}."


def report_text(analysis: Any, page: Page, show_trace: bool = False, show_sources: bool = False,
                sensitivity: list | None = None) -> str:
    """The whole reading of one case as text."""
    kb, report = analysis.kb, analysis.report
    notes = Footnotes()
    lines = title_lines(report, page)
    lines += help_first(analysis, page)
    for kind in kb.kinds:
        section = (motive_lines(analysis, kind, page, notes) if kind.ranked
                   else conclusion_lines(analysis, kind, page, notes))
        if section:
            lines += ["", page.heading(kind.heading), *section]
        if kind.withheld_key and report[kind.withheld_key]:
            lines += ["", page.heading(kind.withheld_heading or kind.withheld_key)]
            by_reason: dict[str, list[str]] = {}
            for item in report[kind.withheld_key]:
                by_reason.setdefault(item["reason"], []).append(f"“{item['label']}”")
            for reason, labels in by_reason.items():
                lines += page.item(f"{together(labels)}: {reason}")
    lines += open_questions(report, page)
    if notes.notes:
        lines += ["", page.heading("Sources")]
        lines += [line for n, note in enumerate(notes.notes.values(), 1) for line in page.item(note, f"[{n}]")]
    if show_sources:
        lines += sources_in_full(analysis, page)
    if sensitivity is not None:
        from exsplain.cli.compare import sensitivity_lines

        lines += ["", page.heading("What each open answer would change")]
        lines += sensitivity_lines(analysis, sensitivity, page)
    if show_trace:
        lines += ["", page.heading("How the rules fired, step by step"), *trace_lines(analysis, page)]
    return "\n".join(lines)


def title_lines(report: dict, page: Page) -> list[str]:
    case = report["case"]
    title = shown(case["title"]) if case["title"] else "Your reading"
    lines = [page.heading(line) for line in page.wrap(title)]
    if case["path"]:
        lines += page.wrap(f"(from {shown(case['path'])})")
    return lines


def help_first(analysis: Any, page: Page) -> list[str]:
    """Priority-1 advice and where to find help, set apart before anything else."""
    kb, report = analysis.kb, analysis.report
    urgent = first_advice(kb, report)
    safety = report["safety"]
    if not urgent and safety["answered"]:
        return []
    body: list[str] = []
    inner = page.width - 2
    for action in urgent:
        body += [page.heading(line) for line in page.wrap(action["label"], width=inner)]
        body += page.wrap(action[kb.conclusion(action["id"]).kind.text_key], width=inner) + [""]
    if not safety["answered"] and not urgent:
        body += page.wrap("If you or your ex could be in danger, help is here:", width=inner)
    if safety["resources"]:
        region = analysis.region
        body += page.wrap(f"Where to find help ({region.name}, checked {region.checked}):", width=inner)
        for resource in safety["resources"]:
            body += page.item(f"{resource['name']}: {resource['contact']}", indent=" ")
    bar = page.style(page.bar, fg="red", bold=True)
    title = page.style("Help first", fg="red", bold=True)
    return ["", f"{bar} {title}"] + [f"{bar} {line}".rstrip() for line in body]


def together(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def motive_lines(analysis: Any, kind: Any, page: Page, notes: Footnotes) -> list[str]:
    kb, report, words = analysis.kb, analysis.report, analysis.words
    shown_items = [m for m in report[kind.key] if m["certainty"] >= POSSIBLE]
    less = [m for m in report[kind.key] if m["certainty"] < POSSIBLE]
    lines = page.wrap("These are possibilities drawn from your answers, not facts.")
    if not shown_items:
        lines += ["", *page.wrap("No motive stands out from your answers so far.")]
    caveats = [c for c in kb.catalog.caveats if analysis.case.get(c.when[0].path) == c.when[1]]
    for motive in shown_items:
        conclusion = kb.conclusion(motive["id"])
        for caveat in [c for c in caveats if c.before(conclusion)]:
            lines += ["", *[page.heading(line) for line in page.wrap(fill(caveat.text, words))]]
            caveats.remove(caveat)
        band = page.style(motive["band"], bold=motive["band"] == "likely")
        head = f"{motive['label']}: {band} ({motive['certainty']:.2f}){notes.mark(conclusion.sources)}"
        lines += ["", *page.item(head)]
        lines += page.wrap(motive[kind.text_key], "  ")
        if motive["because"]:
            lines += page.wrap("Because " + "; ".join(motive["because"]) + ".", "  ")
    if less:
        lines += ["", *page.wrap("Less likely: " + "; ".join(m["label"] for m in less) + ".")]
    if shown_items or less:
        lines += ["", *page.wrap(f"Likely means a certainty of {LIKELY:.2f} or more, possible {POSSIBLE:.2f} "
                                 f"to {LIKELY - 0.01:.2f}; certainty runs from 0 to 1.")]
    return lines


def conclusion_lines(analysis: Any, kind: Any, page: Page, notes: Footnotes) -> list[str]:
    items = analysis.report[kind.key]
    if kind.prioritised:
        items = [i for i in items if i["priority"] != FIRST]  # shown first, under "Help first"
    lines: list[str] = []
    for number, item in enumerate(items, 1):
        if kind.brief:
            lines += page.item(item[kind.text_key])
            continue
        mark = notes.mark(shown_sources(analysis, item["id"]))
        text = f"{item['label']}: {item[kind.text_key]}{mark}"
        lines += page.item(text, f"{number}." if kind.prioritised else None)
    return lines


def open_questions(report: dict, page: Page) -> list[str]:
    questions = report["questions"]
    if not questions:
        return []
    lines = ["", page.heading("Questions that could change this reading")]
    lines += [line for q in questions[:OPEN_QUESTIONS_SHOWN] for line in page.item(q["text"])]
    if len(questions) > OPEN_QUESTIONS_SHOWN:
        more = len(questions) - OPEN_QUESTIONS_SHOWN
        lines += page.wrap(f"… and {more} more; answering them in a consultation could sharpen the reading."
                           if page.fancy else f"... and {more} more; answering them could sharpen the reading.")
    return lines


def sources_in_full(analysis: Any, page: Page) -> list[str]:
    """Each conclusion shown, with every source in words: title and paragraphs."""
    kb, report = analysis.kb, analysis.report
    lines = ["", page.heading("Sources in full")]
    for kind in kb.kinds:
        for item in report[kind.key]:
            if kind.brief:
                continue
            sources = shown_sources(analysis, item["id"])
            lines += page.item(f"{item['label']}: " + "; ".join(s.in_words() for s in sources) + ".")
    return lines


def shown_sources(analysis: Any, conclusion_id: str) -> tuple[Source, ...]:
    """The sources of a conclusion as the reading words it (see ``expert.report.sources_of``)."""
    from exsplain.expert.report import sources_of

    conclusion = analysis.kb.conclusion(conclusion_id)
    if conclusion.kind.ranked:
        return conclusion.sources
    return sources_of(conclusion, analysis.inference.drawn(conclusion.kind).get(conclusion, []))
