"""``exsplain examples``: the example cases that come with exsplain, wherever it is installed."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from exsplain.cli.layout import Page
from exsplain.cli.output import say, say_json
from exsplain.cli.params import PathType, format_option, shown
from exsplain.cli.status import BadInput

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

# An example's schema reference is relative to the repository's examples/;
# a copy elsewhere gets the installed schema's absolute address instead.
SCHEMA_LINE = re.compile(r'^#:schema .*$|^(\s*"\$schema":\s*)"[^"]*"', re.MULTILINE)


class ExampleName(PathType):
    """The name of a shipped example, with or without its suffix."""

    name = "example"

    def convert(self, value: str | Path, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        if isinstance(value, Path):
            return value
        for path in example_paths():
            if value in (path.name, path.stem):
                return path
        names = ", ".join(sorted({p.stem for p in example_paths()}))
        raise BadInput(f"{shown(value)}: no such example (the examples: {names})")

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(p.name) for p in example_paths() if p.name.startswith(incomplete)]


def example_paths() -> list[Path]:
    from exsplain.cli.shipped import example_paths as shipped

    return shipped()


def describe(path: Path) -> dict[str, str]:
    """An example's name, title and situation (the words of its opening comment,
    else its notes), for the listing."""
    from exsplain.cli.params import knowledge_base

    case = knowledge_base().vocabulary.load(path)
    return {"name": path.name, "title": case.title or path.stem,
            "situation": situation(path.read_text(encoding="utf-8")) or case.notes or ""}


def situation(text: str) -> str:
    """The opening comment in words, up to its "Shows" part (that is for developers: it names ids)."""
    words = []
    for line in text.splitlines():
        if line.startswith("#:"):
            continue
        if not line.startswith("#"):
            break
        words.append(line[1:].strip())
    return " ".join(words).split("Shows", 1)[0].strip()


def with_schema(text: str) -> str:
    """The example's text with its schema reference pointing at the installed schema."""
    from exsplain.cli.shipped import schema_uri

    uri = schema_uri()
    return SCHEMA_LINE.sub(lambda m: f'{m.group(1)}"{uri}"' if m.group(1) else f"#:schema {uri}", text, count=1)


def copy_to(folder: Path) -> tuple[list[Path], list[Path]]:
    """Copy every example into ``folder`` (made owner-only if new), each file
    owner-only; a file already there is kept as it is. Returns (copied, kept)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    copied, kept = [], []
    for path in example_paths():
        target = folder / path.name
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            kept.append(target)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(with_schema(path.read_text(encoding="utf-8")))
        copied.append(target)
    return copied, kept


@click.command()
@click.argument("name", type=ExampleName(), required=False)
@click.option("--copy", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Copy every example into this folder (created if missing); files already there are kept.")
@format_option("text", "json")
def examples(name: Path | None, folder: Path | None, output_format: str) -> None:
    """List the example cases that come with exsplain, print one, or copy them all.

    Each example is a case file for one situation. Without NAME, the list:
    each example's file name, title and situation. With NAME, the case file
    itself (analyze it with `exsplain examples NAME | exsplain analyze -`).
    With --copy, the files go to a folder of yours, readable by you only, to
    read, change and analyze; a file of that name already there is kept.

    \b
    Examples:
      exsplain examples
      exsplain examples co-parents
      exsplain examples --copy examples
      exsplain analyze examples/co-parents.toml
    """
    if folder is not None:
        if name is not None:
            raise BadInput("--copy copies every example: give no NAME with it")
        try:
            copied, kept = copy_to(folder)
        except OSError as error:
            raise BadInput(f"--copy {shown(str(folder))}: {error.strerror or error}") from None
        for path in kept:
            say(f"kept {shown(str(path))}: a file of that name is already there", err=True)
        say(f"{len(copied)} examples copied to {shown(str(folder))}")
        return
    if name is not None:
        say(with_schema(name.read_text(encoding="utf-8")), nl=False)
        return
    listing = [describe(path) for path in example_paths()]
    if output_format == "json":
        say_json(listing)
        return
    page = Page.for_stream()
    for entry in listing:
        say(page.heading(entry["name"]))
        for line in page.wrap(shown(entry["title"]), "  ") + page.wrap(shown(entry["situation"]), "    "):
            say(line)

