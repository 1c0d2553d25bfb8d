"""The case-study report in Markdown, for a coach's notes."""
import re


def natural(text):
    """Sort key that puts ¶3 before ¶10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def situation(kb, case):
    """Each answer as the question and the chosen words."""
    from expert.vocabulary import ChoiceSet

    wording = kb.catalog.wording(case)
    lines = []
    for question in kb.catalog.questions:
        if not case.known(question.path):
            continue
        value = case.get(question.path)
        if isinstance(kb.vocabulary.answer(question.path), ChoiceSet):
            said = ", ".join(question.choices[v] for v in value) or "none"
        else:
            said = question.choices[value]
        lines.append(f"- {question.text.format_map(wording)} **{said.format_map(wording)}**")
    return lines or ["- Nothing is known about the situation yet."]


def report_markdown(kb, case, report):
    title = report["case"]["title"] or "Untitled case"
    out = [f"# {title}", ""]
    if case.notes:
        out += [f"> {case.notes}", ""]
    out += ["## The situation", "", *situation(kb, case), ""]

    out += ["## The reading", ""]
    if report["motives"]:
        out += ["| Why the ex cries | Certainty | Band | Sources |", "|---|---|---|---|"]
        out += [
            f"| {m['label']} | {m['certainty']:.2f} | {m['band']} | {', '.join(m['sources'])} |"
            for m in report["motives"]
        ]
        out += [""] + [f"- **{m['label']}**: {m['explanation']}" for m in report["motives"]]
    else:
        out.append("No motive stands out from what is known.")
    out.append("")

    out += ["## What it does and does not mean", ""]
    out += [f"- **{i['label']}**: {i['text']} ({', '.join(i['sources'])})" for i in report["insights"]]
    out += ([] if report["insights"] else ["Nothing specific to add."]) + [""]

    out += ["## What to do", ""]
    out += [f"{n}. **{a['label']}**: {a['advice']}" for n, a in enumerate(report["actions"], 1)]
    out += ([] if report["actions"] else ["No advice yet: more answers are needed."]) + [""]
    if report["withheld"]:
        out += ["Held back for safety:", ""] + [f"- `{w['id']}`: {w['reason']}" for w in report["withheld"]] + [""]
    if report["warnings"]:
        out += ["## Warnings", ""] + [f"- {w['message']}" for w in report["warnings"]] + [""]
    if report["unanswered"]:
        out += ["## Open questions", "", "Answers to these could change the reading: "
                + ", ".join(f"`{p}`" for p in report["unanswered"]), ""]

    cited = sorted(
        {s for key in ("motives", "insights", "actions") for item in report[key] for s in item["sources"]}, key=natural
    )
    out += ["## Sources", ""]
    out += [f"- {a.id}: {a.description} (`../shared/seeds/{a.id}_*.txt`)" for a in kb.catalog.articles.values()]
    out += ["", "Paragraphs cited: " + ", ".join(cited), ""]
    return "\n".join(out)
