"""What ``exsplain batch`` shows people: the rows as a table, and the overview across cases.

The rows and counts come from cli/batch.py; this module only lays them out,
in words: titles and labels, never the ids that CSV and JSON keep.  A table
fits the width without breaking a word, or the rows become a list.
"""
from __future__ import annotations

from typing import Any

from exsplain.cli.params import knowledge_base

HEADERS = ("Case", "Likeliest reason", "First thing to do", "Notes")
CASE_WIDTH = 24  # the least a title wraps to in a table


def rows_text(rows: list[dict[str, Any]]) -> list[str]:
    """The rows as a table that fits the width, else as a list of cases."""
    from tabulate import SEPARATING_LINE

    from exsplain.cli.layout import Page

    page = Page.for_stream()
    cells = [row_cells(row) for row in rows]
    # a title wraps to the width of the widest file name, which cannot wrap
    width = max([CASE_WIDTH] + [len(file) for (_, file), *_ in cells])
    table: list[list[str]] = []
    for (title, file), *rest in cells:
        table += [[SEPARATING_LINE, "", "", ""]] if table else []
        table.append(["\n".join([*page.wrap(title, width=width), file] if title else [file]), *rest])
    lines = page.fitting_table(HEADERS, table, wrap=(1, 2, 3))
    if lines is not None:  # tabulate draws the rule under the headers between rows: a blank line there instead
        return lines[:2] + ["" if line == lines[1] else line for line in lines[2:]]
    lines = []
    for (title, file), reason, first, notes in cells:
        lines += [""] if lines else []
        lines += page.wrap(title or file)
        lines += page.wrap(file, "  ") if title else []
        lines += page.wrap(reason, "    ", first=f"  {HEADERS[1]}: ") if reason else []
        lines += page.wrap(first, "    ", first=f"  {HEADERS[2]}: ") if first else []
        lines += page.wrap(notes, "    ", first="  ") if notes else []
    return lines


def row_cells(row: dict[str, Any]) -> tuple[tuple[str, str], str, str, str]:
    """A row in words: (title, file), the likeliest reason, the first thing to do, notes."""
    if row["error"]:
        return ("", row["file"]), "", "", f"Could not be read: {row['error']}"
    shown = row["overview"]
    labels = shown["labels"]
    reason = f"{labels[row['top_motive']]} ({row['band']})" if row["top_motive"] else "Nothing stands out yet"
    notes = ["Help comes first." if shown["urgent"] else ""]
    count = row["warning_count"]
    notes.append(f"{count} answer{'s' if count != 1 else ''} to look at again." if count else "")
    return (shown["title"], row["file"]), reason, labels.get(row["first_action"], ""), " ".join(filter(None, notes))


def invalid_message(rows: list[dict[str, Any]], overview: bool, output_format: str) -> str:
    """The closing error line of a batch with invalid cases.

    The rows of a table, CSV or JSON say why each case is invalid; an
    overview has no rows, so each invalid file is named on stderr first,
    with its one-line error.
    """
    from exsplain.cli.output import say

    invalid = [row for row in rows if row["error"]]
    counted = f"{len(invalid)} of {len(rows)} cases are invalid"
    if overview:
        for row in invalid:
            say(f"{row['file']}: {row['error']}", err=True)
        return f"{counted} and were not counted"
    if output_format == "table":
        return f"{counted} (their rows say why)"
    return f"{counted} (see the error column)"


def overview_lines(counts: list[dict[str, Any]], total: int, valid: int) -> list[str]:
    """The overview: how many cases each motive and action came up in, as bars under whole labels."""
    from exsplain.cli.layout import Page

    page = Page.for_stream()
    kinds = knowledge_base().kinds
    headings = {"safety": "Safety first", **{k.key: f"{k.heading} (at least possible)" if k.ranked
                                             else f"{k.heading} (advised)" for k in kinds}}
    label_width = min(40, max(len(r["label"]) for r in counts), page.width - 26)
    bar_width = page.width - label_width - 16
    lines = page.wrap(f"{valid} of {total} cases analyzed" + ("" if valid == total else
                                                             f"; {total - valid} invalid, not counted") + ".")
    section = None
    for record in counts:
        if record["section"] != section:
            section = record["section"]
            lines += ["", page.heading(headings.get(section, section))]
        filled = round(record["share"] * bar_width)
        label, *rest = page.wrap(record["label"], width=label_width)
        lines.append(f"  {label:<{label_width}} {record['cases']:>5} {'#' * filled}{'.' * (bar_width - filled)}"
                     f" {record['share']:>4.0%}")
        lines += page.wrap(" ".join(rest), "    ", width=label_width + 2) if rest else []
    return lines
