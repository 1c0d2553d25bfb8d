"""The case-study report in Markdown, for a coach's notes: the situation, the
reading, a flowchart of how it was reached, and the sources in full."""
from __future__ import annotations

import re
from typing import Any

from exsplain.expert.graph import derivation, to_mermaid
from exsplain.expert.report import first_advice
from exsplain.expert.wording import fill, shown

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def escaped(text: str) -> str:
    """Text from a case file, safe in Markdown: no raw HTML, no markup, no new lines."""
    text = shown(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def situation(kb: Any, case: Any) -> list[str]:
    """Each answer as the question and the chosen words."""
    words = kb.catalog.wording(case)
    lines = [f"- {fill(f.question, words)} **{fill(f.label(case.get(f.path)), words)}**"
             for f in kb.question_order if case.known(f.path)]
    return lines or ["- Nothing is known about the situation yet."]


def report_markdown(analysis: Any) -> str:
    kb, case, report = analysis.kb, analysis.case, analysis.report
    title = escaped(report["case"]["title"]) if report["case"]["title"] else "Untitled case"
    out = [f"# {title}", ""]
    if case.notes:
        out += [f"> {escaped(case.notes)}", ""]
    urgent = first_advice(kb, report)
    if urgent or not report["safety"]["answered"]:
        out += ["> [!IMPORTANT]", "> **Help first**", ">"]
        for action in urgent:
            out += [f"> **{action['label']}**: {action[kb.conclusion(action['id']).kind.text_key]}", ">"]
        if not report["safety"]["answered"]:
            out += ["> Some of the safety questions were not answered.", ">"]
        region = analysis.region
        out += [f"> Where to find help ({region.name}, checked {region.checked}):", ">"]
        out += [f"> - {r['name']}: {r['contact']}" for r in report["safety"]["resources"]]
        out.append("")
    out += ["## The situation", "", *situation(kb, case), ""]
    for kind in kb.kinds:
        out += [f"## {kind.heading}", ""]
        items = report[kind.key]
        if kind.ranked:
            out += [line for caveat in report["caveats"] for line in (f"*{caveat['text']}*", "")]
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
            marker = (lambda n: f"{n}.") if kind.prioritised else (lambda n: "-")
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
    out += ["## Sources", ""]
    for kind in kb.kinds:
        for item in report[kind.key]:
            if not kind.brief:
                sources = "; ".join(s.in_words() for s in kb.conclusion(item["id"]).sources)
                out.append(f"- {item['label']}: {sources}.")
    out += ["", "Articles:", ""]
    out += [f"- “{a.title}”: {a.description}." for a in kb.catalog.articles]
    return "\n".join(out) + "\n"
