"""``exsplain schema``: the JSON Schema of case files, of reports, or of any other JSON output."""
from __future__ import annotations

from typing import Any

import click

from exsplain.cli.output import say_json
from exsplain.cli.params import KnownName, knowledge_base


def schemas() -> dict[str, Any]:
    """Every schema by name, each built when asked for."""
    from exsplain.expert.schema import case_schema, output_schemas, report_schema

    kb = knowledge_base()
    return {"case": lambda: case_schema(kb), "report": lambda: report_schema(kb),
            **{name: (lambda schema=schema: schema) for name, schema in output_schemas(kb).items()}}


@click.command()
@click.argument("which", metavar="NAME", type=KnownName("name", schemas))
def schema(which: str) -> None:
    """Print a JSON Schema (draft 2020-12): of case files, reports or another JSON output.

    NAME is case, report, or the JSON output of a command: trace, explain,
    whatif, questions, catalog, batch (one row), batch-summary,
    analyze-several (a list of reports) or examples. Generated from the
    same declarations as the program, so it never drifts; docs/ holds a
    copy of the case and report schemas that editors can use to complete
    and check case files as you type.

    \\b
    Examples:
      exsplain schema case > case.schema.json
      exsplain schema report
      exsplain schema whatif
    """
    say_json(schemas()[which]())
