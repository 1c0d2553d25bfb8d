"""Options shared by several commands, written once."""
import click


def format_option(*formats, default=None):
    """``--format`` restricted to ``formats``; the first is the default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(formats),
        default=default or formats[0],
        show_default=True,
        help="Output format.",
    )
