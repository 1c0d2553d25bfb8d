"""The ``exsplain`` root command, and the one place failures become exit statuses."""
from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import click

from exsplain.cli import __version__
from exsplain.cli.output import OutputFailed, finish, prepare, say, silence
from exsplain.cli.status import ExitStatus

# Each command lives in its own module, imported only when it runs (or for
# the list of commands): a command then starts without loading the others.
MODULES = {
    "analyze": "analyze", "consult": "consult", "questions": "questions", "trace": "explain", "explain": "explain",
    "whatif": "whatif", "catalog": "catalog", "batch": "batch", "convert": "convert", "schema": "schema",
    "check": "check", "rule": "rule", "examples": "examples",
}
COMMANDS = {name: f"exsplain.cli.{module}" for name, module in MODULES.items()}


class ExsplainGroup(click.Group):
    """A group whose every failure ends in one line on stderr and a dependable status.

    Usage errors get one line and click's "Try ... --help" hint; bad input one
    line; Ctrl-C one line and status 130; a closed pipe ends quietly; no
    failure prints a traceback.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        if name not in self.commands:
            self.commands[name] = getattr(importlib.import_module(COMMANDS[name]), name)
        return self.commands[name]

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        prepare()
        if os.environ.get(complete_var or "_EXSPLAIN_COMPLETE"):
            from exsplain.cli.completion import register

            register()
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
@click.option("--color", "colour", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
              help="Colour: auto is on a terminal only, off with NO_COLOR, on with FORCE_COLOR.")
@click.option("--no-pager", is_flag=True, help="Never page long output (it is paged only on a terminal).")
@click.pass_context
def cli(ctx: click.Context, colour: str, no_pager: bool) -> None:
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

    Colour is used only on a terminal, never with NO_COLOR or TERM=dumb;
    FORCE_COLOR turns it on unless NO_COLOR is set; --color always or never
    wins over both. Long output on a terminal goes through PAGER (or less).

    Exit status: 0 done, 1 incomplete, 2 bad input, 130 interrupted.
    """
    from exsplain.cli.layout import colour_choice
    from exsplain.cli.paging import page_output

    ctx.color = colour_choice(colour, os.environ)
    page_output(ctx, no_pager)


def all_commands() -> dict[str, click.Command]:
    """Every command by name, imported (for documentation and checks)."""
    ctx = click.Context(cli)
    return {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}  # type: ignore[misc]
