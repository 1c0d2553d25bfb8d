"""``exsplain catalog``: the knowledge base as tables, without reading Python."""
import click

SECTIONS = ("motives", "insights", "actions", "rules", "questions")


@click.command()
@click.argument("section", type=click.Choice(SECTIONS), required=False)
def catalog(section):
    """List the knowledge base as tables.

    Conclusions with their sources, rules with the patterns they match,
    questions with their allowed answers. Without SECTION, every section.

    \b
    Examples:
      exsplain catalog motives
      exsplain catalog rules
    """
    from tabulate import tabulate

    from knowledge.base import KNOWLEDGE_BASE as kb

    tables = {
        "motives": (("Id", "Label", "Sources"), entry_rows(kb.catalog.hypotheses)),
        "insights": (("Id", "Label", "Sources"), entry_rows(kb.catalog.findings)),
        "actions": (("Id", "Priority", "Label", "Sources"), entry_rows(kb.catalog.recommendations, priority=True)),
        "rules": (("Rule", "Matches", "Concludes", "Sources"), rule_rows(kb)),
        "questions": (("Field", "Question", "Allowed"), question_rows(kb)),
    }
    for name in [section] if section else SECTIONS:
        headers, rows = tables[name]
        if not section:
            click.echo(click.style(name.capitalize(), bold=True))
        click.echo(tabulate(rows, headers=headers, maxcolwidths=50))
        if not section:
            click.echo("")


def entry_rows(entries, priority=False):
    return [
        (e.id, *([e.priority] if priority else []), e.label, ", ".join(str(s) for s in e.sources))
        for e in entries.values()
    ]


def rule_rows(kb):
    return [
        (r.name, "\n".join(str(c) for c in kb.conditions[r.name]), r.describe(), ", ".join(str(s) for s in r.sources))
        for r in kb.rules
    ]


def question_rows(kb):
    return [(q.path, q.text, kb.vocabulary.answer(q.path).describe()) for q in kb.catalog.questions]
