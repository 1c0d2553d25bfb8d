"""Cases as spreadsheet rows: a CSV file whose header names fields as ``table.field``.

One case per row; a cell is read as a person's reply would be (a word, yes
or no, the words of an answer; several list items separated by ``;``), and
an empty cell is unknown.  ``title`` and ``notes`` columns are free text.
Each row is checked like a case file, and errors name the row.
"""
from __future__ import annotations

import csv
import io
from typing import Any

from exsplain.expert import reading
from exsplain.expert.case import FREE_TEXT, Case, Vocabulary, check_text
from exsplain.expert.fields import CaseError, ReplyError

MAX_BYTES = 16 * reading.MAX_BYTES  # a spreadsheet holds many cases


def read_rows(path: str) -> list[tuple[str, dict[str, str]]]:
    """``(source, row)`` for each data row of the CSV file at ``path``; raises ``CaseError``."""
    text = reading.decode(reading.read_bytes(path, MAX_BYTES), path)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise CaseError(path, f"invalid CSV: {error}") from None
    if not rows:
        return []
    header = [name.strip() for name in rows[0]]
    if len(set(header)) != len(header):
        raise CaseError(path, "a column appears twice in the header")
    return [(f"{path}, row {number}", dict(zip(header, cells)))
            for number, cells in enumerate(rows[1:], 2) if any(c.strip() for c in cells)]


def row_case(vocabulary: Vocabulary, source: str, row: dict[str, str]) -> Case:
    """The case of one row, checked like a case file."""
    answers: dict[str, Any] = {}
    for column, cell in row.items():
        if column is None or column in FREE_TEXT or not cell.strip():
            continue
        if column not in vocabulary.fields:
            allowed = ", ".join([*FREE_TEXT, *vocabulary.fields])
            raise CaseError(source, f"unknown column (allowed: {allowed})", column)
        field = vocabulary.field(column)
        try:
            answers[column] = field.parse(cell)
        except ReplyError:
            raise CaseError(source, f"{cell.strip()!r} is not allowed (allowed: {field.describe()})", column) from None
    for name in FREE_TEXT:
        if row.get(name):
            check_text(row[name], source, name)
    ordered = {path: answers[path] for path in vocabulary.fields if path in answers}
    return Case(ordered, row.get("title") or None, row.get("notes") or None, source)


def case_row(vocabulary: Vocabulary, case: Case) -> dict[str, str]:
    """A case as one spreadsheet row, every column present."""
    row = {name: getattr(case, name) or "" for name in FREE_TEXT}
    for path, field in vocabulary.fields.items():
        row[path] = field.to_text(case.get(path)) if case.known(path) else ""
    return row
