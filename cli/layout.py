"""Laying text out for a terminal: its width, word wrapping, tables that fit, colour.

The width comes from ``COLUMNS`` or the terminal (80 when output is not a
terminal), never above 120 so lines stay readable, and never below 30: a
narrower terminal gets lines laid out for 30 columns.
Every line a command prints fits it: text wraps at word boundaries, and a
table that cannot fit is shown as a list instead.  Colour is used only on a
terminal, never with ``NO_COLOR`` or ``TERM=dumb``, unless ``--color`` or
``FORCE_COLOR`` say otherwise (``colour_choice``).
"""
from __future__ import annotations

import contextlib
import os
import sys
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import click

from exsplain.cli.output import unicode_ok

MIN_WIDTH, MAX_WIDTH = 30, 120


def terminal_width() -> int:
    """``COLUMNS`` if set, else the width of the terminal on stdout, else 80; within the limits."""
    from exsplain.expert.wording import whole_number

    columns = whole_number(os.environ.get("COLUMNS", ""), 5) or 0
    if not columns:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    return max(MIN_WIDTH, min(MAX_WIDTH, columns or 80))


def colour_wanted(stream: object = None) -> bool:
    """Colour as ``colour_choice`` decided for this run, else on a terminal (as
    click judges it) unless ``NO_COLOR`` or ``TERM=dumb``."""
    from click._compat import should_strip_ansi

    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.color is not None:
        return ctx.color
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return not should_strip_ansi(stream or sys.stdout)  # type: ignore[arg-type]



def colour_choice(option: str, environ: Mapping[str, str]) -> bool | None:
    """``--color``: ``always`` and ``never`` win over everything; with ``auto``
    (the default) a non-empty ``NO_COLOR`` turns colour off, else a non-empty
    ``FORCE_COLOR`` turns it on, else it is on for a terminal (None: decided
    per stream, never with ``TERM=dumb``)."""
    if option != "auto":
        return option == "always"
    if environ.get("NO_COLOR"):
        return False
    return True if environ.get("FORCE_COLOR") else None


@dataclass
class Page:
    """How to lay out one command's output: its width, colour and characters."""

    width: int
    colour: bool
    fancy: bool  # box-drawing characters and bullets; plain ASCII otherwise

    @classmethod
    def for_stream(cls, err: bool = False) -> Page:
        stream = sys.stderr if err else sys.stdout
        return cls(terminal_width(), colour_wanted(stream), unicode_ok(stream))

    # -- style ---------------------------------------------------------------

    def style(self, text: str, **styles: object) -> str:
        return click.style(text, **styles) if self.colour and text else text  # type: ignore[arg-type]

    def heading(self, text: str) -> str:
        """``text`` in bold; a heading wider than the page is wrapped, which gives it more than one line."""
        if len(text) <= self.width:
            return self.style(text, bold=True)
        return "\n".join(self.style(line, bold=True) for line in self.wrap(text))

    @property
    def bullet(self) -> str:
        return "•" if self.fancy else "*"

    @property
    def bar(self) -> str:
        return "┃" if self.fancy else "|"

    # -- text ----------------------------------------------------------------

    def wrap(self, text: str, indent: str = "", first: str | None = None, width: int | None = None) -> list[str]:
        """``text`` wrapped at word boundaries; ``first`` starts the first line instead of ``indent``."""
        return textwrap.wrap(
            text, width or self.width, initial_indent=indent if first is None else first,
            subsequent_indent=indent, break_on_hyphens=False,
        ) or [(indent if first is None else first).rstrip()]

    def item(self, text: str, marker: str | None = None, indent: str = "", width: int | None = None) -> list[str]:
        """A bulleted (or numbered) item, its text hanging under the first word."""
        marker = marker or self.bullet
        return self.wrap(text, indent + " " * (len(marker) + 1), first=f"{indent}{marker} ", width=width)

    def rule(self, char: str = "─") -> str:
        return (char if self.fancy else "-") * self.width

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[object]], wrap: Sequence[int] = ()) -> list[str]:
        """Rows as a table that fits the width, or as a list when no table could."""
        return (self.fitting_table(headers, rows, wrap)
                or self.listing(headers, [[str(c) for c in row] for row in rows]))

    def fitting_table(self, headers: Sequence[str], rows: Sequence[Sequence[object]],
                      wrap: Sequence[int] = ()) -> list[str] | None:
        """Rows as a table that fits the width, or None when none could.

        Columns in ``wrap`` may be wrapped at word boundaries (each line of a
        cell apart) to fit, never inside a word; the others keep their
        natural width.
        """
        from tabulate import tabulate

        cells = [[str(c) for c in row] for row in rows]
        # tabulate keeps two spaces beside each header, so a column is never narrower than that
        natural = [max([len(headers[i]) + 2] + [max(map(len, r[i].splitlines() or [""])) for r in cells])
                   for i in range(len(headers))]
        widths = fit(natural, self.width - 2 * (len(headers) - 1), wrap)
        if widths is not None:
            wrapped = [["\n".join(line for part in c.splitlines() for line in textwrap.wrap(
                part, w, break_long_words=False, break_on_hyphens=False)) if i in wrap else c
                        for i, (c, w) in enumerate(zip(row, widths))] for row in cells]
            text: str = tabulate(wrapped, headers=list(headers), tablefmt="simple", disable_numparse=True)
            lines = text.splitlines()
            if all(len(line) <= self.width for line in lines):
                return lines
        return None

    def listing(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
        """Rows as blocks of ``Header: value`` lines, for a width no table fits."""
        lines: list[str] = []
        for row in rows:
            if lines:
                lines.append("")
            for header, cell in zip(headers, row):
                for n, part in enumerate(cell.splitlines() or [""]):
                    label = f"{header}: " if n == 0 else " " * (len(header) + 2)
                    lines += self.wrap(part, " " * (len(header) + 2), first=label)
        return lines


def fit(natural: list[int], room: int, wrap: Sequence[int], least: int = 12) -> list[int] | None:
    """Column widths that fit ``room``: the columns in ``wrap`` share what the
    others leave, each keeping its natural width when that is less than a fair
    share; None when even ``least`` characters each would not fit."""
    widths = list(natural)
    if sum(widths) <= room:
        return widths
    flexible = [i for i in wrap if i < len(widths)]
    left = room - sum(w for i, w in enumerate(widths) if i not in flexible)
    if not flexible or left < least * len(flexible):
        return None
    pending = sorted(flexible, key=lambda i: natural[i])
    while pending:
        share = left // len(pending)
        column = pending.pop(0)
        widths[column] = min(natural[column], share) if pending else min(natural[column], left)
        left -= widths[column]
    return widths
