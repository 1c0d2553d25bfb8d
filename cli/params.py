"""Click parameter types and options shared by the commands, written once.

A case file and a ``table.field=value`` assignment are parameter types: a
command receives a checked ``Case`` or ``(path, value)``, and bad input is
reported through click's own error path as one line with exit status 2.
The knowledge base is reached through ``knowledge_base()``, lazily, so that
``--help`` does not build it.
"""
from __future__ import annotations

import os
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


class CaseFile(click.ParamType):
    """A TOML or JSON case file, read and checked: the command receives a ``Case``."""

    name = "case"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from exsplain.expert.fields import CaseError

        if not isinstance(value, str):
            return value
        try:
            return knowledge_base().vocabulary.load(value)
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
        value = tuple(value) if isinstance(value, (tuple, list)) else ()  # click 8.3+ passes a placeholder
        for path in value:
            try:
                cases.append(knowledge_base().vocabulary.load(path))
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
        "--region", metavar="CODE", callback=lambda ctx, param, value: region_of(value),
        help="Country code (ISO 3166, such as GB or US) for the help lines listed; "
             "default: EXSPLAIN_REGION, else the locale's country.",
    )(function)


def region_of(option: str | None = None, environ: Any = None) -> str:
    """The region: the option, else ``EXSPLAIN_REGION``, else the locale's territory, else ``other``.

    A code with no help lines of its own gets the catch-all directory.
    """
    environ = os.environ if environ is None else environ
    for name, candidate in (("--region", option), ("EXSPLAIN_REGION", environ.get("EXSPLAIN_REGION")),
                            ("the locale", territory(environ))):
        if candidate:
            code = candidate.strip()
            if not (len(code) == 2 and code.isalpha()) and code.lower() != "other":
                raise BadInput(f"{name} {shown(candidate[:20])}: expected a two-letter country code such as GB or US")
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
