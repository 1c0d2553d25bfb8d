"""``exsplain schema``: the JSON Schema of case files or of reports."""
from __future__ import annotations

import click

from exsplain.cli.output import say_json
from exsplain.cli.params import knowledge_base


@click.command()
@click.argument("which", type=click.Choice(("case", "report")))
def schema(which: str) -> None:
    """Print the JSON Schema (draft 2020-12) of case files or of JSON reports.

    Generated from the same declarations as the program, so it never
    drifts; docs/ holds a copy that editors can use to complete and check
    case files as you type.

    \b
    Examples:
      exsplain schema case > case.schema.json
      exsplain schema report
    """
    from exsplain.expert.schema import case_schema, report_schema

    kb = knowledge_base()
    say_json(case_schema(kb) if which == "case" else report_schema(kb))
