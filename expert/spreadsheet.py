"""Cases as spreadsheet rows: a CSV file whose header names fields as ``table.field``.

One case per row; a cell is read as a person's reply would be (a word, yes
or no, the words of an answer; several list items separated by ``;``), and
an empty cell is unknown.  ``title`` and ``notes`` columns are free text.
The header is checked once; each row is checked like a case file, and
errors name the row.

Every CSV exsplain writes goes through ``Writer``: the csv module quotes
what needs quoting (CR and LF included), and a text cell that a spreadsheet
would take for a formula is written with a single quote before it, as OWASP
advises against CSV injection; ``read_rows`` removes exactly that quote, so
a case written and read back is the same case.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterable
from typing import Any

from exsplain.expert import reading
from exsplain.expert.case import FREE_TEXT, Case, Vocabulary
from exsplain.expert.fields import CaseError
from exsplain.expert.replies import ReplyError
from exsplain.expert.wording import excerpt, shown

MAX_BYTES = 16 * reading.MAX_BYTES  # a spreadsheet holds many cases
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet evaluate a cell
# A cell that would be evaluated, or that already looks neutralised, gets one more quote.
NEEDS_QUOTE = re.compile("'*[" + re.escape("".join(FORMULA_STARTS)) + "]")
WAS_QUOTED = re.compile("'+[" + re.escape("".join(FORMULA_STARTS)) + "]")
SAVE_AS = 'save it from your spreadsheet as "CSV UTF-8 (comma-delimited)"'

DOCUMENTATION = [
    "A spreadsheet (CSV) holds one case per row, for `exsplain batch` and `exsplain convert`: the header",
    "names each column `table.field` (or `title`, `notes`); a cell holds a value or the words of an",
    "answer (`yes`, `no`, `my ex did`), list items are separated by `;` (`work;anxiety`, or `none`),",
    "and an empty cell is unknown. The file is UTF-8, with or without a byte-order mark, and its",
    "columns are separated by commas: a file saved in another encoding (such as Windows' own \"CSV\")",
    "or separated by semicolons is refused with a line saying to save it as \"CSV UTF-8",
    "(comma-delimited)\". A column that is not a field is refused once for the whole file.",
    "",
    "Every CSV exsplain writes (`batch --format csv`, `batch --summary --format csv`, `convert --to",
    "csv`) is safe to open in a spreadsheet: a text cell that begins with `=`, `+`, `-`, `@`, a tab",
    "or a carriage return (what a spreadsheet would run as a formula) is written with a single quote",
    "`'` in front, as OWASP recommends; so is a cell that begins with quotes followed by one of",
    "those. Reading a spreadsheet removes that one quote again, so a case converted to CSV and back",
    "is unchanged. `--excel` writes UTF-8 with a byte-order mark, which Excel needs to show",
    "accented letters.",
]


def neutral(value: Any) -> Any:
    """A cell as written: text that a spreadsheet would evaluate gets a leading single quote."""
    return "'" + value if isinstance(value, str) and NEEDS_QUOTE.match(value) else value


def unneutral(cell: str) -> str:
    """A cell as read: the quote ``neutral`` added is removed, nothing else."""
    return cell[1:] if WAS_QUOTED.match(cell) else cell


class Writer:
    """Rows of CSV on ``stream``, one csv.writer for the whole output.

    ``excel`` starts with a byte-order mark; ``escaped`` (for a terminal)
    shows control characters as escapes rather than write them raw.
    """

    def __init__(self, stream: Any, excel: bool = False, escaped: bool = False):
        if excel:
            stream.write("\ufeff")
        self._writer = csv.writer(stream, lineterminator="\r\n")
        self._escaped = escaped

    def row(self, values: Iterable[Any]) -> None:
        cells = ["" if v is None else v for v in values]
        if self._escaped:
            cells = [shown(c) if isinstance(c, str) else c for c in cells]
        self._writer.writerow([neutral(c) for c in cells])

    def rows(self, rows: Iterable[Iterable[Any]]) -> None:
        for values in rows:
            self.row(values)


def csv_text(rows: Iterable[Iterable[Any]], excel: bool = False, escaped: bool = False) -> str:
    """The CSV text of ``rows``, written by ``Writer``."""
    out = io.StringIO()
    Writer(out, excel, escaped).rows(rows)
    return out.getvalue()


def read_rows(path: str, vocabulary: Vocabulary | None = None) -> list[tuple[str, dict[str, str]]]:
    """``(source, row)`` for each data row of the CSV file at ``path``; raises ``CaseError``.

    With ``vocabulary``, the header is checked against it, once for the file.
    """
    raw = reading.read_bytes(path, MAX_BYTES)
    try:
        text = reading.decode(raw, path)
    except CaseError as error:
        if "UTF-8" not in error.problem:
            raise
        raise CaseError(path, f"not UTF-8 (perhaps Windows' own CSV encoding); {SAVE_AS}") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise CaseError(path, f"invalid CSV: {error}") from None
    if not rows:
        return []
    header = [unneutral(name).strip() for name in rows[0]]
    if len(header) == 1 and ";" in header[0]:
        raise CaseError(path, f"the columns are separated by semicolons; {SAVE_AS}")
    if len(set(header)) != len(header):
        raise CaseError(path, "a column appears twice in the header")
    if vocabulary is not None:
        check_header(vocabulary, path, header)
    return [(f"{path}, row {number}", dict(zip(header, map(unneutral, cells))))
            for number, cells in enumerate(rows[1:], 2) if any(cells)]


def check_header(vocabulary: Vocabulary, path: str, header: list[str]) -> None:
    """Every column names a field, ``title`` or ``notes``; a typo gets the closest name."""
    columns = [*FREE_TEXT, *vocabulary.fields]
    for name in header:
        if name and name not in columns:
            close = difflib.get_close_matches(name, columns, n=1)
            hint = f"did you mean {close[0]}?" if close else \
                f"columns are title, notes and table.field for the tables {', '.join(vocabulary.tables)}"
            raise CaseError(path, f"unknown column {excerpt(name)} ({hint})")


def row_case(vocabulary: Vocabulary, source: str, row: dict[str, str]) -> Case:
    """The case of one row, checked like a case file."""
    answers: dict[str, Any] = {}
    for column, cell in row.items():
        if column is None or column in FREE_TEXT or not cell.strip():
            continue
        if column not in vocabulary.fields:
            raise CaseError(source, "unknown column", excerpt(column, 40))
        field = vocabulary.field(column)
        try:
            answers[column] = field.parse(cell)
        except ReplyError:
            raise CaseError(source, f"{excerpt(cell.strip())} is not allowed (allowed: {field.describe()})",
                            column) from None
    ordered = {path: answers[path] for path in vocabulary.fields if path in answers}
    return Case(ordered, row.get("title") or None, row.get("notes") or None, source)


def case_row(vocabulary: Vocabulary, case: Case) -> dict[str, str]:
    """A case as one spreadsheet row, every column present."""
    row = {name: getattr(case, name) or "" for name in FREE_TEXT}
    for path, field in vocabulary.fields.items():
        row[path] = field.to_text(case.get(path)) if case.known(path) else ""
    return row
