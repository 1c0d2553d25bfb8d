"""What ``exsplain batch`` shows people: the rows as a table, and the overview across cases.

The rows and counts come from cli/batch.py; this module only lays them out.
"""
from __future__ import annotations

from exsplain.cli.params import knowledge_base


def rows_text(rows: list[dict]) -> list[str]:
    """The rows as a table that fits the width."""
    from exsplain.cli.batch import COLUMNS
    from exsplain.cli.layout import Page

    table = [["" if v is None else v for v in row.values()] for row in rows]
    return Page.for_stream().table(COLUMNS, table, wrap=(0, 6))


def overview_lines(counts: list[dict], total: int, valid: int) -> list[str]:
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
        label = record["label"] if len(record["label"]) <= label_width else record["label"][: label_width - 3] + "..."
        lines.append(f"  {label:<{label_width}} {record['cases']:>5} {'#' * filled}{'.' * (bar_width - filled)}"
                     f" {record['share']:>4.0%}")
    return lines
