"""Turning reports into text for people: tabulate tables, a little colour."""
import textwrap

import click
from tabulate import tabulate

BAND_COLOURS = {"likely": "red", "possible": "yellow", "unlikely": "blue"}
WIDTH = 64


def heading(text):
    return click.style(text, bold=True)


def wrap(text, width=WIDTH):
    return "\n".join(textwrap.wrap(text, width)) if text else ""


def report_text(report, show_trace=False):
    """The report as sections of plain text and tables."""
    case = report["case"]
    lines = [heading(f"Case: {case['title'] or '(untitled)'}") + (f"  [{case['path']}]" if case["path"] else "")]

    lines += ["", heading("Why your ex cries (most likely first)")]
    if report["motives"]:
        rows = [
            (
                m["label"],
                f"{m['certainty']:.2f}",
                click.style(m["band"], fg=BAND_COLOURS[m["band"]]),
                ", ".join(m["sources"]),
            )
            for m in report["motives"]
        ]
        lines.append(tabulate(rows, headers=("Motive", "Certainty", "Band", "Sources"), disable_numparse=True))
    else:
        lines.append("No motive stands out from what is known so far.")

    if report["insights"]:
        lines += ["", heading("What the tears mean")]
        for insight in report["insights"]:
            text = f"* {insight['label']}: {insight['text']}"
            lines.append(textwrap.fill(text, WIDTH + 16, subsequent_indent="  "))

    lines += ["", heading("What to do")]
    if report["actions"]:
        rows = [(a["priority"], a["label"], wrap(a["advice"])) for a in report["actions"]]
        lines.append(tabulate(rows, headers=("#", "Action", "Advice"), disable_numparse=True))
    else:
        lines.append("No advice yet: answer more questions to get some.")

    if report["withheld"]:
        lines += ["", heading("Advice held back for safety")]
        rows = [(w["id"], wrap(w["reason"])) for w in report["withheld"]]
        lines.append(tabulate(rows, headers=("Advice", "Why it is held back")))

    if report["warnings"]:
        lines += ["", heading("Warnings")]
        lines += [click.style(f"! {w['id']}: ", fg="yellow") + w["message"] for w in report["warnings"]]

    if report["unanswered"]:
        lines += ["", heading("Unanswered questions that could change this reading")]
        lines.append(textwrap.fill(", ".join(report["unanswered"]), WIDTH + 16))

    if "sensitivity" in report:
        lines += ["", heading("What each open answer would change (most influential first)"),
                  sensitivity_table(report["sensitivity"])]
    if show_trace:
        lines += ["", heading("Trace"), trace_table(report["trace"])]
    return "\n".join(lines)


def changes_text(changes):
    """A difference between two reports in a few words."""
    parts = [f"{m['id']} {m['before']:.2f}->{m['after']:.2f}" for m in changes["motives"]]
    for key, diff in changes.items():
        if key != "motives":
            parts += [f"+{key[:-1]} {i}" for i in diff["added"]] + [f"-{key[:-1]} {i}" for i in diff["removed"]]
    return "; ".join(parts) or "nothing"


def sensitivity_table(questions):
    rows = []
    for question in questions:
        for n, answer in enumerate(question["answers"]):
            value = answer["value"]
            shown = ", ".join(value) or "none" if isinstance(value, list) else str(value).lower()
            rows.append((question["field"] if n == 0 else "", shown, wrap(changes_text(answer["changes"]))))
    return tabulate(rows, headers=("Open question", "If the answer were", "What changes"), disable_numparse=True)


def trace_table(trace, weights=None):
    """The trace as a grid; ``weights`` (step -> text) adds a column of contributed certainty."""
    headers = ("Step", "Rule", "Matched", "Declared") + (("Weight",) if weights else ())
    rows = [
        (t["step"], t["rule"], "\n".join(t["matched"]), "\n".join(t["declared"]))
        + ((weights[t["step"]],) if weights else ())
        for t in trace
    ]
    # keep "+0.60" as written: tabulate would read it as the number 0.6
    return tabulate(rows, headers=headers, tablefmt="simple_grid", disable_numparse=[4] if weights else False)
