"""``exsplain questions``: what a consultation would still ask about a case."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from exsplain.cli.output import say, say_json
from exsplain.cli.params import CaseFile, format_option, knowledge_base
from exsplain.expert.wording import fill

if TYPE_CHECKING:  # for annotations only: ``questions --help`` does not load the engine
    from exsplain.expert.case import Case


@click.command()
@click.argument("case", required=False, type=CaseFile())
@format_option("text", "json")
def questions(case: Case | None, output_format: str) -> None:
    """List the questions still worth asking for a case.

    They come in the order a consultation asks them: the pronoun, then the
    safety questions, then the rest. Without CASE nothing is answered yet, so
    every question is listed except the follow-ups, which wait for the answer
    they follow. With CASE, a question whose answer could no longer change
    anything is left out.

    \b
    Examples:
      exsplain questions
      exsplain questions examples/ended-by-me-doubting.toml
      exsplain questions --format json
    """
    from exsplain.expert.consultation import Consultation

    kb = knowledge_base()
    consultation = Consultation(kb, case)
    words = kb.catalog.wording(consultation.case)
    remaining = consultation.remaining()
    if output_format == "json":
        listed = [{"field": f.path, "text": fill(f.question, words), "allowed": [f.to_data(v) for v in f.values]}
                  for f in remaining]
        say_json(listed)
        return
    from exsplain.cli.layout import Page

    page = Page.for_stream()
    if not remaining:
        say("Nothing left to ask: every question that matters is answered.")
        return
    lines = []
    for number, field in enumerate(remaining, 1):
        lines += page.item(fill(field.question, words), f"{number}.")
        answers = "; ".join(fill(a.label, words) for a in field.choices())
        lines += page.wrap(f"Answers: {answers}", " " * (len(str(number)) + 2))
    say("\n".join(lines))
