"""The console entry point, with a fast path for ``--help`` and ``--version``.

Importing click alone takes three times as long as starting Python here, so
the two things people type first are answered without it: the version from
the package, the root help from ``root-help.txt``, which is click's own
rendering of it (``make golden`` writes it; a test fails if it is stale).
Everything else goes to click.
"""
import os
import sys

from exsplain.cli import __version__

ROOT_HELP = os.path.join(os.path.dirname(__file__), "root-help.txt")


def main() -> int:
    args = sys.argv[1:]
    if args in (["--version"], ["--help"], ["-h"]):
        try:
            if args == ["--version"]:
                sys.stdout.write(f"exsplain, version {__version__}\n")
                sys.stdout.flush()
                return 0
            if os.path.exists(ROOT_HELP):
                with open(ROOT_HELP, encoding="utf-8") as stream:
                    sys.stdout.write(stream.read())
                sys.stdout.flush()
                return 0
        except (OSError, AttributeError, ValueError) as error:  # stdout closed or full
            if sys.stderr is not None:
                reason = getattr(error, "strerror", None) or "standard output is closed"
                sys.stderr.write(f"Error: cannot write the output: {reason}\n")
            return 1
    from exsplain.cli.main import cli

    status: int = cli(prog_name="exsplain")  # exits with the status itself (standalone mode)
    return status


def root_help() -> str:
    """click's rendering of ``exsplain --help`` on a terminal of 80 columns or more."""
    from click.testing import CliRunner

    from exsplain.cli.main import cli

    # click wraps help at min(columns, 80) - 2
    return CliRunner().invoke(cli, ["--help"], prog_name="exsplain", terminal_width=78).stdout
