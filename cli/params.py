"""Click parameter types and options shared by the commands, written once.

A case file and a ``table.field=value`` assignment are parameter types: a
command receives a checked ``Case`` or ``(path, value)``, and bad input is
reported through click's own error path as one line with exit status 2.
The knowledge base is reached through ``knowledge_base()``, lazily, so that
``--help`` does not build it.
"""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from exsplain.cli.status import BadInput


def knowledge_base() -> Any:
    """The knowledge base, loaded on first use (it is not needed for ``--help``)."""
    from exsplain.knowledge.base import KNOWLEDGE_BASE

    return KNOWLEDGE_BASE


def shown(text: str) -> str:
    from exsplain.expert.wording import shown as escape

    return escape(text)


STDIN = "-"


def load_case(path: str) -> Any:
    """The checked case in the file ``path``, or on standard input for ``-``."""
    vocabulary = knowledge_base().vocabulary
    if path != STDIN:
        return vocabulary.load(path)
    from exsplain.expert import reading
    from exsplain.expert.fields import CaseError

    source = "standard input"
    raw = sys.stdin.buffer.read(reading.MAX_BYTES + 1)
    if len(raw) > reading.MAX_BYTES:
        raise CaseError(source, f"too large (more than {reading.MAX_BYTES // 1024} KiB)")
    return vocabulary.validate(reading.parse(reading.decode(raw, source), source), source)


class CaseFile(click.ParamType):
    """A TOML or JSON case file (``-``: standard input), read and checked: the command receives a ``Case``."""

    name = "case"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from exsplain.expert.fields import CaseError

        if not isinstance(value, str):
            return value
        try:
            return load_case(value)
        except CaseError as error:
            raise BadInput(shown(str(error))) from None

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]


class CaseFiles(click.Argument):
    """Several case files: every bad one is reported (one line each) before exiting."""

    def process_value(self, ctx: click.Context, value: Any) -> Any:
        from exsplain.expert.fields import CaseError

        errors, cases = [], []
        for path in value or ():
            try:
                cases.append(load_case(path))
            except CaseError as error:
                errors.append(shown(str(error)))
        if not value and self.required:
            raise click.MissingParameter(ctx=ctx, param=self)
        for message in errors[:-1]:
            click.echo(f"Error: {message}", err=True)
        if errors:
            raise BadInput(errors[-1])
        return tuple(cases)

    def shell_complete(self, ctx: Any, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]


class Assignment(click.ParamType):
    """``table.field=value``: a changed answer; an empty value makes it unknown."""

    name = "table.field=value"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from exsplain.expert.fields import CaseError

        if isinstance(value, tuple):
            return value
        try:
            return knowledge_base().vocabulary.assignment(value)
        except CaseError as error:
            raise BadInput(shown(str(error.at(f"--set {value}")))) from None

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        vocabulary = knowledge_base().vocabulary
        path, equals, _ = incomplete.partition("=")
        if not equals:
            return [CompletionItem(f"{p}=") for p in vocabulary.fields if p.startswith(incomplete)]
        if path not in vocabulary.fields:
            return []
        field = vocabulary.field(path)
        return [CompletionItem(f"{path}={field.to_text(v)}") for v in field.samples()
                if f"{path}={field.to_text(v)}".startswith(incomplete)]


def format_option(*formats: str, default: str | None = None) -> Any:
    """``--format`` restricted to ``formats``; the first is the default."""
    return click.option("--format", "output_format", type=click.Choice(formats), default=default or formats[0],
                        show_default=True, help="Output format.")


def region_option(function: Any) -> Any:
    """``--region``: whose help lines a reading lists (see ``region_of``)."""
    return click.option(
        "--region", metavar="CODE", callback=lambda ctx, param, value: region_of(value), shell_complete=region_codes,
        help="Country code (ISO 3166, such as GB or US) for the help lines listed; "
             "default: EXSPLAIN_REGION, else the locale's country.",
    )(function)


def region_codes(ctx: Any, param: Any, incomplete: str) -> list:
    """The regions with help lines of their own, for ``--region <TAB>``."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(r.code, help=r.name) for r in knowledge_base().catalog.regions
            if r.code.lower().startswith(incomplete.lower())]


def region_of(option: str | None = None, environ: Any = None) -> str:
    """The region: the option, else ``EXSPLAIN_REGION``, else the locale's territory, else ``other``.

    A code with no help lines of its own gets the catch-all directory.
    """
    environ = os.environ if environ is None else environ
    for candidate in (option, environ.get("EXSPLAIN_REGION"), territory(environ)):
        if candidate:
            code = candidate.strip()
            if not (len(code) == 2 and code.isalpha()) and code.lower() != "other":
                raise BadInput(f"--region {shown(candidate)}: expected a two-letter country code such as GB or US")
            return code.upper() if code.lower() != "other" else "other"
    return "other"


def territory(environ: Any) -> str | None:
    """The country of the locale, ``en_GB.UTF-8`` → ``GB``, from the usual variables."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            language = value.split(".")[0].split("@")[0]
            _, underscore, country = language.partition("_")
            return country.upper() if underscore and len(country) == 2 and country.isalpha() else None
    return None
