"""``exsplain convert``: a case between TOML, JSON and a spreadsheet (CSV) row."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from exsplain.cli.output import say
from exsplain.cli.params import knowledge_base
from exsplain.cli.status import BadInput

if TYPE_CHECKING:  # for annotations only: ``convert --help`` does not load the engine
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase

FORMATS = ("toml", "json", "csv")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--to", "target_format", type=click.Choice(FORMATS),
              help="Format to write  [default: from the suffix of --output]")
@click.option("--row", type=click.IntRange(min=2), help="For a .csv source: the row to convert (2 is the first case).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write to this file (owner-only, replaced in one step) instead of the screen; "
                   "an existing file is replaced only if it is a case file or spreadsheet of cases.")
@click.option("--excel", is_flag=True, help="With CSV: start with a UTF-8 byte-order mark, for Excel.")
def convert(source: str, target_format: str | None, row: int | None, output: str | None, excel: bool) -> None:
    """Convert a case file between TOML, JSON and a CSV row.

    The source is a .toml or .json case file, or a .csv spreadsheet with
    --row. A CSV result has a header naming every field as table.field,
    ready to paste into a spreadsheet that batch can read; no cell of it
    is read as a formula.

    \b
    Examples:
      exsplain convert examples/ended-by-me-plea.toml --to json
      exsplain convert examples/ended-by-me-plea.toml --to csv
      exsplain convert docs/clients.csv --row 3 --to toml
    """
    from exsplain.expert.fields import CaseError
    from exsplain.expert.spreadsheet import read_rows, row_case

    kb = knowledge_base()
    target_format = target_format or (output.rsplit(".", 1)[-1].lower() if output and "." in output else None)
    if target_format not in FORMATS:
        raise BadInput("--to: say which format to write (toml, json or csv), or give --output a .toml, "
                       ".json or .csv name")
    try:
        if source.lower().endswith(".csv"):
            rows = read_rows(source, kb.vocabulary)
            wanted = row or 2
            found = [(s, r) for s, r in rows if s.endswith(f", row {wanted}")]
            if not found:
                raise BadInput(f"{source}: no case in row {wanted}")
            case = row_case(kb.vocabulary, *found[0])
        else:
            case = kb.vocabulary.load(source)
    except CaseError as error:
        raise BadInput(str(error)) from None
    if output:
        from exsplain.cli.saving import check_replaceable
        from exsplain.expert.files import write_private

        check_replaceable(kb, output, "--output")
        try:
            write_private(output, render(kb, case, target_format, excel))
        except OSError as error:
            raise BadInput(f"--output {output}: {error.strerror or error}") from None
    else:
        say(render(kb, case, target_format, excel, escaped=sys.stdout.isatty()), nl=False)


def render(kb: KnowledgeBase, case: Case, target_format: str, excel: bool = False, escaped: bool = False) -> str:
    """The case as ``target_format``; ``escaped`` shows a CSV's control characters as escapes."""
    if target_format == "csv":
        from exsplain.expert.spreadsheet import case_row, csv_text

        row = case_row(kb.vocabulary, case)
        return csv_text([list(row), list(row.values())], excel, escaped)
    from exsplain.cli.shipped import schema_uri

    return kb.vocabulary.dumps(case, as_json=target_format == "json", schema=schema_uri())
