"""``exsplain questions``: what a consultation would still ask about a case."""
import click

from cli.errors import reported_as_bad_input


@click.command()
@click.argument("case", required=False, type=click.Path(dir_okay=False))
def questions(case):
    """List the questions still worth asking for a case.

    They come in the order a consultation asks them; without CASE, every
    question a consultation may start with. Only
    relevant questions are listed: one whose every rule is already ruled out by
    an answer is left out.

    \b
    Examples:
      exsplain questions
      exsplain questions examples/ended-by-me-doubting.toml
    """
    from tabulate import tabulate

    from expert.consultation import Consultation
    from knowledge.base import KNOWLEDGE_BASE as kb

    loaded = None
    if case:
        with reported_as_bad_input():
            loaded = kb.vocabulary.load(case)
    consultation = Consultation(kb, loaded)
    wording = kb.catalog.wording(consultation.case)
    rows = [
        (n, q.path, q.text.format_map(wording), kb.vocabulary.answer(q.path).describe())
        for n, q in enumerate(consultation.remaining(), 1)
    ]
    if not rows:
        click.echo("Nothing left to ask: every relevant question is answered.")
        return
    click.echo(tabulate(rows, headers=("#", "Field", "Question", "Allowed"), maxcolwidths=[None, None, 50, 40]))
