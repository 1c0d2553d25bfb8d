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
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import click

from exsplain.cli.status import BadInput

if TYPE_CHECKING:  # for annotations only: ``--help`` loads neither the engine nor the knowledge base
    from pathlib import Path

    from click.decorators import FC
    from click.shell_completion import CompletionItem

    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase

    # The parameter types' bases with what they convert to: click 8.1, the
    # oldest supported, takes no type parameters at run time.
    CaseType = click.ParamType[Case]
    AssignmentType = click.ParamType[tuple[str, Any]]
    NameType = click.ParamType[str]
    PathType = click.ParamType[Path]
else:
    CaseType = AssignmentType = NameType = PathType = click.ParamType


def knowledge_base() -> KnowledgeBase:
    """The knowledge base, loaded on first use (it is not needed for ``--help``).

    A mistake in a rule (a field or value that does not exist) is found as
    the knowledge base is built, and every command says so in one line.
    """
    from exsplain.expert.conditions import RuleMistake

    try:
        from exsplain.knowledge.base import KNOWLEDGE_BASE
    except RuleMistake as mistake:
        raise click.ClickException(f"the knowledge base cannot be built: {mistake}") from None
    return KNOWLEDGE_BASE


def shown(text: str) -> str:
    from exsplain.expert.wording import shown as escape

    return escape(text)


STDIN = "-"


def read_case(path: str, ctx: click.Context | None) -> Case:
    """The checked case in the file ``path``, or on standard input for ``-``; a
    spreadsheet is pointed to the commands that read one."""
    from exsplain.expert import reading
    from exsplain.expert.fields import CaseError

    vocabulary = knowledge_base().vocabulary
    if path == STDIN:
        source = "standard input"
        raw = sys.stdin.buffer.read(reading.MAX_BYTES + 1)
        if len(raw) > reading.MAX_BYTES:
            raise CaseError(source, f"too large (more than {reading.MAX_BYTES // 1024} KiB)")
        return vocabulary.validate(reading.parse(reading.decode(raw, source), source), source)
    if path.lower().endswith(".csv"):
        command = ctx.info_name if ctx else "this command"
        raise CaseError(path, f"{command} reads case files in TOML or JSON; batch and convert read spreadsheets")
    return vocabulary.load(path)


class CaseFile(CaseType):
    """A TOML or JSON case file (``-``: standard input), read and checked: the command receives a ``Case``."""

    name = "case"

    def convert(self, value: str | Case, param: click.Parameter | None, ctx: click.Context | None) -> Case:
        from exsplain.expert.fields import CaseError

        if not isinstance(value, str):
            return value
        try:
            return read_case(value, ctx)
        except CaseError as error:
            raise BadInput(shown(str(error))) from None

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]


class CaseFiles(click.Argument):
    """Several case files: every bad one is reported (one line each) before exiting."""

    def process_value(self, ctx: click.Context, value: Any) -> tuple[Case, ...]:
        from exsplain.expert.fields import CaseError

        errors, cases = [], []
        value = tuple(value) if isinstance(value, (tuple, list)) else ()  # click 8.3+ passes a placeholder
        for path in value:
            try:
                cases.append(read_case(path, ctx))
            except CaseError as error:
                errors.append(shown(str(error)))
        if not value and self.required:
            raise click.MissingParameter(ctx=ctx, param=self)
        for message in errors[:-1]:
            click.echo(f"Error: {message}", err=True)
        if errors:
            raise BadInput(errors[-1])
        return tuple(cases)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]


class Assignment(AssignmentType):
    """``table.field=value``: a changed answer; an empty value makes it unknown."""

    name = "table.field=value"

    def convert(self, value: str | tuple[str, Any], param: click.Parameter | None,
                ctx: click.Context | None) -> tuple[str, Any]:
        from exsplain.expert.fields import CaseError

        if isinstance(value, tuple):
            return value
        try:
            return knowledge_base().vocabulary.assignment(value)
        except CaseError as error:
            raise BadInput(shown(str(error.at(f"--set {value}")))) from None

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
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


class KnownName(NameType):
    """One of a list of names that only the knowledge base knows: checked when given, so that
    ``--help`` builds nothing, and offered to shell completion."""

    def __init__(self, name: str, names: Callable[[], Iterable[str]]):
        self.name, self.names = name, names

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        known = list(self.names())
        if value not in known:
            self.fail(f"{value!r} is not one of {', '.join(known)}.", param, ctx)
        return value

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(name) for name in self.names() if name.startswith(incomplete)]


def format_option(*formats: str, default: str | None = None) -> Callable[[FC], FC]:
    """``--format`` restricted to ``formats``; the first is the default."""
    return click.option("--format", "output_format", type=click.Choice(formats), default=default or formats[0],
                        show_default=True, help="Output format.")


def region_option(function: FC) -> FC:
    """``--region``: whose help lines a reading lists (see ``region_of``)."""
    return click.option(
        "--region", metavar="CODE", callback=lambda ctx, param, value: region_of(value), shell_complete=region_codes,
        help="Country code (ISO 3166, such as GB or US) for the help lines listed; "
             "default: EXSPLAIN_REGION, else the locale's country.",
    )(function)


def region_codes(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The regions with help lines of their own, for ``--region <TAB>``."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(r.code, help=r.name) for r in knowledge_base().catalog.regions
            if r.code.lower().startswith(incomplete.lower())]


def region_of(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The region: the option, else ``EXSPLAIN_REGION``, else the locale's territory, else ``other``.

    A code the catalog has no list for is read as the region that stands for
    it (the EU for a member state) or the catch-all one, and a one-line
    notice on stderr says so, naming the code and where it came from.
    """
    environ = os.environ if environ is None else environ
    locale = locale_variable(environ)
    candidates = (("--region", option), ("EXSPLAIN_REGION", environ.get("EXSPLAIN_REGION")),
                  (f"the locale in {locale}", territory(environ)))
    for source, candidate in candidates:
        if candidate:
            code = candidate.strip()
            if not (len(code) == 2 and code.isalpha()) and code.lower() != "other":
                raise BadInput(f"{source} {shown(candidate[:20])}: expected a two-letter country code such as GB or US")
            code = code.upper() if code.lower() != "other" else "other"
            region = knowledge_base().catalog.region(code)
            if not region.answers_to(code):
                instead = f"those for the {region.name}" if region.code != "other" else "the general ones"
                click.echo(f"Note: no help lines are listed for {code} (from {source}); showing {instead}.",
                           err=True)
            return code
    return "other"


def locale_variable(environ: Mapping[str, str]) -> str | None:
    """The variable the locale is read from: the first of the usual ones that is set."""
    return next((name for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), None)


def territory(environ: Mapping[str, str]) -> str | None:
    """The country of the locale, ``en_GB.UTF-8`` → ``GB``, from the usual variables."""
    name = locale_variable(environ)
    if name is None:
        return None
    language = environ[name].split(".")[0].split("@")[0]
    _, underscore, country = language.partition("_")
    return country.upper() if underscore and len(country) == 2 and country.isalpha() else None
