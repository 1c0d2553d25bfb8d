"""The reading as a person reads it: plain words, help first, fitted to the terminal.

It renders the report and decides nothing: the report says which help comes
first, which caveats stand where, which motives are shown and how advice is
grouped; the catalog gives the fixed sentences and headings.  The order is
the reading's (help first; caveats and motives; insights; advice by theme;
advice held back; answers to look at again; open questions; sources, as
footnotes that name the articles).  Ids and field paths stay in JSON.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from exsplain.cli.layout import Page
from exsplain.cli.trace import trace_lines
from exsplain.expert.catalog import Kind, Source
from exsplain.expert.certainty import BANDS, LIKELY, POSSIBLE
from exsplain.expert.report import ALL_MOTIVES, action_groups, first_advice, source_of
from exsplain.expert.wording import fill, shown

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import Analysis

OPEN_QUESTIONS_SHOWN = 5


class Footnotes:
    """Numbered sources: one note per article (or per note beyond the articles)."""

    def __init__(self, phrases: Mapping[str, str]) -> None:
        self.phrases = phrases
        self.notes: dict[str, str] = {}

    def mark(self, sources: list[Source]) -> str:
        numbers = []
        for source in sources:
            key = source.article.id if source.article else source.note or ""
            if key not in self.notes:
                self.notes[key] = about(source, self.phrases)
            numbers.append(list(self.notes).index(key) + 1)
        return f" [{', '.join(map(str, dict.fromkeys(numbers)))}]" if numbers else ""


def about(source: Source, phrases: Mapping[str, str]) -> str:
    if source.article is None:
        return fill(phrases["beyond_the_articles"], {"note": str(source.note)})
    return f"“{source.article.title}”, {source.article.description}."


def sources_of_item(analysis: Analysis, item: dict[str, Any]) -> list[Source]:
    """The sources a report item names, as the catalog words them."""
    return [source_of(analysis.kb, text) for text in item["sources"]]


def report_text(analysis: Analysis, page: Page, show_trace: bool = False, show_sources: bool = False,
                sensitivity: list[dict[str, Any]] | None = None) -> str:
    """The whole reading of one case as text."""
    kb, report = analysis.kb, analysis.report
    phrases = kb.catalog.phrases
    notes = Footnotes(phrases)
    lines = title_lines(analysis, page)
    lines += help_first(analysis, page)
    for kind in kb.kinds:
        if kind.ranked:
            section = motive_lines(analysis, kind, page, notes)
        elif kind.prioritised:
            section = advice_lines(analysis, page, notes)
        else:
            section = conclusion_lines(analysis, kind, page, notes)
        if section:
            lines += ["", page.heading(kind.heading), *section]
        if kind.withheld_key and report[kind.withheld_key]:
            lines += ["", page.heading(kind.withheld_heading or kind.withheld_key)]
            by_reason: dict[str, list[str]] = {}
            for item in report[kind.withheld_key]:
                by_reason.setdefault(item["reason"], []).append(f"“{item['label']}”")
            for reason, labels in by_reason.items():
                lines += page.item(f"{together(labels)}: {reason}")
    lines += open_questions(analysis, page)
    if notes.notes:
        lines += ["", page.heading(phrases["sources"])]
        lines += [line for n, note in enumerate(notes.notes.values(), 1) for line in page.item(note, f"[{n}]")]
    if show_sources:
        lines += sources_in_full(analysis, page)
    if sensitivity is not None:
        from exsplain.cli.compare import sensitivity_lines

        lines += ["", page.heading(phrases["sensitivity"])]
        lines += sensitivity_lines(analysis, sensitivity, page)
    if show_trace:
        lines += ["", page.heading(phrases["trace"]), *trace_lines(analysis, page)]
    return "\n".join(lines)


def title_lines(analysis: Analysis, page: Page) -> list[str]:
    phrases, case = analysis.kb.catalog.phrases, analysis.report["case"]
    title = shown(case["title"]) if case["title"] else phrases["untitled"]
    lines = [page.heading(line) for line in page.wrap(title)]
    if case["path"]:
        lines += page.wrap(fill(phrases["from_file"], {"path": shown(case["path"])}))
    return lines


def help_first(analysis: Analysis, page: Page) -> list[str]:
    """The report's help-first block, set apart before anything else: the
    urgent advice in the order of danger, then where to find help."""
    kb, report = analysis.kb, analysis.report
    safety, phrases = report["safety"], kb.catalog.phrases
    if not safety["help_first"]:
        return []
    urgent = first_advice(kb, report)
    body: list[str] = []
    inner = page.width - 2
    for action in urgent:
        body += [page.heading(line) for line in page.wrap(action["label"], width=inner)]
        body += page.wrap(action[kb.conclusion(action["id"]).kind.text_key], width=inner) + [""]
    if not urgent:
        body += page.wrap(phrases["help_is_here"], width=inner)
    body += where_to_find_help(analysis, page, inner)
    bar = page.style(page.bar, fg="red", bold=True)
    title = page.style(phrases["help_first"], fg="red", bold=True)
    return ["", f"{bar} {title}"] + [f"{bar} {line}".rstrip() for line in body]


def where_to_find_help(analysis: Analysis, page: Page, width: int, needs: Collection[str] | None = None) -> list[str]:
    """The help lines of the report, one item each, with the ways each can be reached (with ``needs``,
    only the lines for those kinds of help, and the directory)."""
    resources = [r for r in analysis.report["safety"]["resources"]
                 if needs is None or r["for"] in needs or r["for"] == analysis.region.directory]
    if not resources:
        return []
    phrases, region = analysis.kb.catalog.phrases, analysis.region
    lines = page.wrap(fill(phrases["where_to_find_help"], {"region": region.name, "checked": region.checked}),
                      width=width)
    return lines + [line for r in resources for line in page.item(help_line(r), indent=" ", width=width)]


def help_line(resource: dict[str, Any]) -> str:
    """``name: contact`` (the contact says the ways it can be reached, from its channels), and its hours where known."""
    line = f"{resource['name']}: {resource['contact']}"
    return line + (f" ({resource['hours']})" if resource.get("hours") else "")


def together(items: list[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def motive_lines(analysis: Analysis, kind: Kind, page: Page, notes: Footnotes) -> list[str]:
    """The caveats and the shown motives, in the report's order, then the less likely ones."""
    report, phrases = analysis.report, analysis.kb.catalog.phrases
    motives = report[kind.key]
    shown_items = [m for m in motives if m["shown"]]
    less = [m for m in motives if not m["shown"]]
    lines = page.wrap(phrases["possibilities"])
    caveats = report["caveats"]
    lines += caveat_lines([c for c in caveats if c["before"] == ALL_MOTIVES], page)
    if not shown_items:
        lines += ["", *page.wrap(phrases["no_motive"])]
    placed = {c["id"] for c in caveats if c["before"] == ALL_MOTIVES}
    for motive in shown_items:
        due = [c for c in caveats if c["id"] not in placed and motive["id"] in c["before"]]
        placed |= {c["id"] for c in due}
        lines += caveat_lines(due, page)
        band = page.style(motive["band"], bold=motive["band"] == BANDS[0])
        head = f"{motive['label']}: {band} ({motive['certainty']:.2f}){notes.mark(sources_of_item(analysis, motive))}"
        lines += ["", *page.item(head)]
        lines += page.wrap(motive[kind.text_key], "  ")
        if motive["because"]:
            lines += page.wrap(fill(phrases["because"], {"reasons": "; ".join(motive["because"])}), "  ")
    if less:
        lines += ["", *page.wrap(fill(phrases["less_likely"], {"labels": "; ".join(m["label"] for m in less)}))]
    if motives:
        lines += ["", *page.wrap(fill(phrases["legend"], {
            "likely": f"{LIKELY:.2f}", "possible": f"{POSSIBLE:.2f}", "below_likely": f"{LIKELY - 0.01:.2f}"}))]
    return lines


def caveat_lines(caveats: list[dict[str, Any]], page: Page) -> list[str]:
    return [line for c in caveats for line in ["", *[page.heading(text) for text in page.wrap(c["text"])]]]


def advice_lines(analysis: Analysis, page: Page, notes: Footnotes) -> list[str]:
    """The advice that is not urgent, numbered, under the theme headings the report groups it by."""
    kind = next(k for k in analysis.kb.kinds if k.prioritised)
    lines: list[str] = []
    number = 0
    for heading, items in action_groups(analysis.kb, analysis.report):
        if heading:
            lines += [""] * bool(lines) + [page.heading(heading)]
        for item in items:
            number += 1
            mark = notes.mark(sources_of_item(analysis, item))
            lines += page.item(f"{item['label']}: {item[kind.text_key]}{mark}", f"{number}.")
    return lines


def conclusion_lines(analysis: Analysis, kind: Kind, page: Page, notes: Footnotes) -> list[str]:
    lines: list[str] = []
    for item in analysis.report[kind.key]:
        if kind.brief:
            lines += page.item(item[kind.text_key])
            continue
        mark = notes.mark(sources_of_item(analysis, item))
        lines += page.item(f"{item['label']}: {item[kind.text_key]}{mark}")
    return lines


def open_questions(analysis: Analysis, page: Page) -> list[str]:
    questions, phrases = analysis.report["questions"], analysis.kb.catalog.phrases
    if not questions:
        return []
    lines = ["", page.heading(phrases["open_questions"])]
    lines += [line for q in questions[:OPEN_QUESTIONS_SHOWN] for line in page.item(q["text"])]
    if len(questions) > OPEN_QUESTIONS_SHOWN:
        more = {"more": str(len(questions) - OPEN_QUESTIONS_SHOWN)}
        lines += page.wrap(fill(phrases["more_questions" if page.fancy else "more_questions_plain"], more))
    return lines


def sources_in_full(analysis: Analysis, page: Page) -> list[str]:
    """Each conclusion shown, with every source the report gives it, in words: title and paragraphs."""
    kb, report = analysis.kb, analysis.report
    lines = ["", page.heading(kb.catalog.phrases["sources_in_full"])]
    for kind in kb.kinds:
        for item in report[kind.key]:
            if kind.brief:
                continue
            sources = sources_of_item(analysis, item)
            lines += page.item(f"{item['label']}: " + "; ".join(s.in_words() for s in sources) + ".")
    return lines


