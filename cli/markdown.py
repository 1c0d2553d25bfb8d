"""The case-study report in Markdown, for a coach's notes: the situation, the
reading, a flowchart of how it was reached, and the sources by article.

It reads as intended in any CommonMark renderer (markdown-it, pandoc) as
well as on GitHub: the help-first block is a quote with a heading of its
own, and GitHub's ``[!IMPORTANT]`` alert is only an extra.  Text from a case
file is escaped only where Markdown would read it as markup, so headings
carry no stray backslashes.  Each block reads the report through one small
function, so that a change of the report's keys touches one place.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from exsplain.cli.render import help_line
from exsplain.expert.graph import derivation, to_mermaid
from exsplain.expert.wording import fill, shown

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.catalog import Kind, Source
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase

INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]~^$|])")
BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
ENTITY = re.compile(r"&(?=#?\w+;)")


def escaped(text: str) -> str:
    """Text from a case file, safe in Markdown: no raw HTML, no markup, no new lines.

    Characters that start inline markup are escaped wherever they are; those
    that start a block (a heading, a list, a quote) only at the start, and a
    ``#`` only at the end, where a heading would drop it.
    """
    text = INLINE_SPECIAL.sub(r"\\\1", ENTITY.sub("&amp;", shown(text)).replace("<", "&lt;"))
    text = BLOCK_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)
    return re.sub(r"#(\s*)$", r"\\#\1", text)


def situation(kb: KnowledgeBase, case: Case) -> list[str]:
    """Each answer as the question and the chosen words."""
    words = kb.catalog.wording(case)
    lines = [f"- {fill(f.question, words)} **{fill(f.label(case.get(f.path)), words)}**"
             for f in kb.question_order if case.known(f.path)]
    return lines or ["- Nothing is known about the situation yet."]


def help_first(kb: KnowledgeBase, report: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
    """The urgent advice the report puts first (in the order of danger), and
    whether a safety question is unanswered."""
    actions = {a["id"]: a for kind in kb.kinds if kind.prioritised for a in report[kind.key]}
    return [actions[i] for i in report["safety"]["urgent"] if i in actions], not report["safety"]["answered"]


def caveats(analysis: Analysis, kind: Kind) -> list[str]:
    """The caveats the report sets before the motives."""
    return [caveat["text"] for caveat in analysis.report["caveats"]] if kind.ranked else []


def help_block(analysis: Analysis) -> list[str]:
    """The help that comes before anything else, as a quote headed "Help first"."""
    kb, report = analysis.kb, analysis.report
    if not report["safety"]["help_first"]:
        return []
    urgent, unanswered = help_first(kb, report)
    out = ["> [!IMPORTANT]", "> ## Help first", ">"]
    for action in urgent:
        out += [f"> **{action['label']}**: {action[kb.conclusion(action['id']).kind.text_key]}", ">"]
    if unanswered:
        out += ["> Some of the safety questions were not answered.", ">"]
    region = analysis.region
    out += [f"> Where to find help ({region.name}, checked {region.checked}):", ">"]
    out += [f"> - {help_line(r)}" for r in report["safety"]["resources"]]
    return out + [""]


def paragraphs(sources: list[Source]) -> str:
    """``paragraphs 3 to 12 and 48 to 49``: the passages of one article, in words."""
    parts = [str(s.first) if s.last in (None, s.first) else f"{s.first} to {s.last}" for s in sources]
    word = "paragraph" if len(parts) == 1 and " " not in parts[0] else "paragraphs"
    return f"{word} {', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else f"{word} {parts[0]}"


def sources_block(analysis: Analysis) -> list[str]:
    """The sources of what the report shows, under each article with its paragraphs."""
    kb, report = analysis.kb, analysis.report
    shown_items = [(item["label"], kb.conclusion(item["id"]).sources)
                   for kind in kb.kinds if not kind.brief for item in report[kind.key]]
    out = ["## Sources", ""]
    for article in kb.catalog.articles:
        cited = [(label, [s for s in sources if s.article is article]) for label, sources in shown_items]
        cited = [(label, found) for label, found in cited if found]
        if cited:
            out += [f"### “{article.title}”", "", f"{article.description[0].upper()}{article.description[1:]}.", ""]
            out += [f"- {label}: {paragraphs(found)}" for label, found in cited] + [""]
    beyond = [(label, s.note) for label, sources in shown_items for s in sources if s.article is None]
    if beyond:
        out += ["### Beyond the articles", ""]
        out += [f"- {label}: {note}" for label, note in beyond] + [""]
    return out


def report_markdown(analysis: Analysis) -> str:
    kb, case, report = analysis.kb, analysis.case, analysis.report
    title = escaped(report["case"]["title"]) if report["case"]["title"] else "Untitled case"
    out = [f"# {title}", ""]
    if case.notes:
        out += [f"*Notes:* {escaped(case.notes)}", ""]
    out += help_block(analysis)
    out += ["## The situation", "", *situation(kb, case), ""]
    for kind in kb.kinds:
        out += [f"## {kind.heading}", ""]
        items = report[kind.key]
        if kind.ranked:
            for caveat in caveats(analysis, kind):
                out += [f"*{caveat}*", ""]
            if items:
                out += ["| Motive | Certainty | Band |", "|---|---|---|"]
                out += [f"| {m['label']} | {m['certainty']:.2f} | {m['band']} |" for m in items]
                out.append("")
                for m in items:
                    out.append(f"- **{m['label']}**: {m[kind.text_key]}"
                               + (f" *Because {'; '.join(m['because'])}.*" if m["because"] else ""))
            else:
                out.append("No motive stands out from what is known.")
        elif kind.brief:
            out += [f"- {item[kind.text_key]}" for item in items] or ["Nothing to point out."]
        else:
            marker: Callable[[int], str] = (lambda n: f"{n}.") if kind.prioritised else (lambda n: "-")
            out += [f"{marker(n)} **{i['label']}**: {i[kind.text_key]}" for n, i in enumerate(items, 1)]
            out += [] if items else ["Nothing yet: more answers are needed."]
        out.append("")
        if kind.withheld_key and report[kind.withheld_key]:
            out += [f"### {kind.withheld_heading}", ""]
            out += [f"- **{w['label']}**: {w['reason']}" for w in report[kind.withheld_key]] + [""]
    if report["questions"]:
        out += ["## Open questions", "", "Answers to these could change the reading:", ""]
        out += [f"- {q['text']}" for q in report["questions"]] + [""]
    flowchart = to_mermaid(derivation(kb, analysis)).rstrip()
    out += ["## How the reading was reached", "", "```mermaid", flowchart, "```", ""]
    out += sources_block(analysis)
    return "\n".join(out).rstrip("\n") + "\n"
