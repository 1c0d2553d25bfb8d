"""Long output through a pager, as git and man do: only on a terminal.

A command whose output may run long (a reading, the catalog, an
explanation) writes to a buffer; when it is done, output taller than the
terminal goes to ``PAGER`` (click's choice, ``less`` or ``more``, when unset),
shorter output is written as it is. Never when standard output is not a
terminal, never with ``--no-pager``; ``consult`` and ``batch`` are never
paged, since they talk or stream as they go.
"""
from __future__ import annotations

import io
import os
import sys

import click

from exsplain.cli.layout import colour_wanted
from exsplain.cli.output import say

PAGED = frozenset({"analyze", "catalog", "examples", "explain", "questions", "schema", "trace", "whatif"})


def page_output(ctx: click.Context, no_pager: bool) -> None:
    """From now until ``ctx`` closes, collect stdout to page it if it is long."""
    stdout = sys.stdout
    if no_pager or ctx.invoked_subcommand not in PAGED or not _is_terminal(stdout) or not _is_terminal(sys.stdin):
        return
    ctx.color = colour_wanted(stdout)  # decided for the terminal, before stdout becomes a buffer
    buffer = io.StringIO()
    sys.stdout = buffer

    def release() -> None:
        sys.stdout = stdout
        text = buffer.getvalue()
        if text.count("\n") >= _height(stdout):
            click.echo_via_pager(text, color=ctx.color)
        elif text:
            say(text, nl=False)

    ctx.call_on_close(release)


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _height(stream: object) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).lines  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return 24
