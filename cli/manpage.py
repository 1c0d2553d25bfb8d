"""The man page, ``exsplain(1)``, written from the commands' own help.

``make golden`` writes it to docs/exsplain.1 (a test says when it is stale)
and the package installs it under share/man/man1, so ``man exsplain`` finds
it wherever the installer puts man pages. Each help text is kept as click
lays it out (80 columns), set as preformatted text with roff's special
characters escaped.
"""
from __future__ import annotations

from click.testing import CliRunner

from exsplain.cli import __version__


def help_text(args: list[str]) -> str:
    from exsplain.cli.main import cli

    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="exsplain", terminal_width=78,
                                env={"COLUMNS": "80"})
    return result.stdout.rstrip()


def roff(text: str) -> str:
    """Preformatted text safe in roff: backslashes, hyphens, and lines that would read as requests."""
    lines = []
    for line in text.replace("\\", "\\e").replace("-", "\\-").splitlines():
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def man_page() -> str:
    from exsplain.cli.main import all_commands, cli

    commands = all_commands()
    parts = [
        f'.TH EXSPLAIN 1 "" "exsplain {__version__}" "User Commands"',
        ".SH NAME", "exsplain \\- " + roff(cli.help.strip().splitlines()[0].rstrip(".").lower() if cli.help else ""),
        ".SH SYNOPSIS", ".B exsplain", "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION", ".nf", roff(help_text([])), ".fi",
        ".SH COMMANDS",
    ]
    for name, command in commands.items():
        parts += [f".SS exsplain {name}", roff(command.get_short_help_str(200)), ".PP", ".nf",
                  roff(help_text([name])), ".fi"]
    parts += [".SH SEE ALSO", "The documentation in the source distribution: README.md, docs/case-files.md,",
              "docs/report.md and a page per command in docs/commands/."]
    return "\n".join(parts) + "\n"
