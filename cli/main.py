"""The ``exsplain`` root command, and the one place failures become exit statuses."""
from __future__ import annotations

import contextlib
import signal
import sys
from typing import Any

import click

from cli import __version__
from cli.analyze import analyze
from cli.batch import batch
from cli.catalog import catalog
from cli.check import check
from cli.consult import consult
from cli.convert import convert
from cli.explain import explain, trace
from cli.output import OutputFailed, finish, prepare, say, silence
from cli.questions import questions
from cli.schema import schema
from cli.status import ExitStatus
from cli.whatif import whatif


class ExsplainGroup(click.Group):
    """A group whose every failure ends in one line on stderr and a dependable status.

    Usage errors get one line and click's "Try ... --help" hint; bad input one
    line; Ctrl-C one line and status 130; a closed pipe ends quietly; no
    failure prints a traceback.
    """

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        prepare()
        try:
            try:
                result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
                status = result if isinstance(result, int) else ExitStatus.OK
                finish()
            except click.UsageError as error:
                say(f"Error: {error.format_message()}", err=True)
                if error.ctx is not None:
                    say(f"Try '{error.ctx.command_path} --help' for help.", err=True)
                status = error.exit_code
            except click.ClickException as error:
                say(f"Error: {error.format_message()}", err=True)
                status = error.exit_code
            except (click.Abort, KeyboardInterrupt):
                say("Interrupted.", err=True)
                status = ExitStatus.INTERRUPTED
        except OutputFailed as failure:
            if not failure.quiet:
                with contextlib.suppress(OSError, ValueError):
                    sys.stderr.write(f"Error: cannot write the output: {failure}\n")
                    sys.stderr.flush()
            silence()
            status = ExitStatus.for_signal(signal.SIGPIPE) if failure.quiet else ExitStatus.INCOMPLETE
        if standalone_mode:
            sys.exit(int(status))
        return int(status)


@click.group(cls=ExsplainGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exsplain")
def cli() -> None:
    """Explain why an ex cries, and what to do about it.

    A rules engine reads the situation (from questions or from a case file),
    ranks the likely motives behind the tears with a certainty, and says what
    the tears do and do not mean and what to do. Every conclusion can be traced
    to the rules, the answers and the article paragraphs behind it.

    \b
    Examples:
      exsplain consult
      exsplain analyze examples/ended-by-me-plea.toml
      exsplain explain examples/ended-by-me-plea.toml "a hope that you"
      exsplain batch --summary examples/

    Colour is used only on a terminal, and never with NO_COLOR or TERM=dumb.
    Exit status: 0 done, 1 incomplete, 2 bad input, 130 interrupted.
    """


for command in (analyze, consult, questions, trace, explain, whatif, catalog, batch, convert, schema, check):
    cli.add_command(command)
