"""``exsplain whatif``: how the reading changes if some answers were different."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from exsplain.cli.output import say, say_json
from exsplain.cli.params import Assignment, CaseFile, format_option, knowledge_base, region_option

if TYPE_CHECKING:  # for annotations only: ``whatif --help`` does not load the engine
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase


@click.command()
@click.argument("case", type=CaseFile())
@click.option("--set", "assignments", type=Assignment(), multiple=True, required=True, metavar="TABLE.FIELD=VALUE",
              help="A changed answer (repeatable); an empty value makes it unknown.")
@format_option("text", "json")
@region_option
def whatif(case: Case, assignments: tuple[tuple[str, Any], ...], output_format: str, region: str) -> None:
    """Show what changes in the reading if some answers were different.

    Values are written as in a case file or as a reply in a consultation:
    a word, yes or no, the words of an answer, or several words separated
    by commas for a list such as ex.stressors.

    \b
    Examples:
      exsplain whatif examples/dumped-its-not-you.toml --set me.want_back=no
      exsplain whatif examples/hurtful-remarks.toml --set safety.ex_self_harm_talk=yes
      exsplain whatif examples/cries-easily.toml --set ex.stressors=work,anxiety --format json
    """
    from exsplain.expert.compare import difference

    kb = knowledge_base()
    changes = dict(assignments)
    after_case = case.with_answers(**changes)
    before, after = kb.report(case, region), kb.report(after_case, region)
    diff = difference(kb, before, after)
    if output_format == "json":
        changed = {p: {"before": plain(kb, p, case.get(p)), "after": plain(kb, p, after_case.get(p))} for p in changes}
        say_json({"case": before["case"]["path"], "set": changed, **diff})
        return
    from exsplain.cli.compare import whatif_lines
    from exsplain.cli.layout import Page

    say("\n".join(whatif_lines(kb, case, changes, diff, Page.for_stream())))


def plain(kb: KnowledgeBase, path: str, value: Any) -> Any:
    return None if value is None else kb.vocabulary.field(path).to_data(value)
