"""The ``exsplain`` root command."""
import os

import click

from cli import __version__
from cli.analyze import analyze
from cli.batch import batch
from cli.catalog import catalog
from cli.check import check
from cli.consult import consult
from cli.explain import explain, trace
from cli.questions import questions
from cli.whatif import whatif


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exsplain")
@click.pass_context
def cli(ctx):
    """Explain why an ex cries, and what to do about it.

    A rules engine reads the situation (from questions or from a case file),
    ranks the likely motives behind the tears with a certainty, and says what
    the tears do and do not mean and what to do. Every conclusion can be traced
    to the rules, the answers and the article paragraphs behind it.

    \b
    Examples:
      exsplain consult
      exsplain analyze examples/ended-by-me-plea.toml
      exsplain explain examples/ended-by-me-plea.toml plea_to_reconsider
      exsplain batch examples/

    Colour is used only on a terminal, and never when NO_COLOR is set.
    """
    if os.environ.get("NO_COLOR"):
        ctx.color = False


cli.add_command(analyze)
cli.add_command(consult)
cli.add_command(questions)
cli.add_command(trace)
cli.add_command(explain)
cli.add_command(catalog)
cli.add_command(batch)
cli.add_command(whatif)
cli.add_command(check)
