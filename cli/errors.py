"""How failures reach the person: one line on stderr and a dependable exit status.

0 success, 1 the consultation ended early (end of input), 2 bad input,
130 interrupted with Ctrl-C.
"""
from contextlib import contextmanager

import click

BAD_INPUT = 2


class BadInput(click.ClickException):
    """Bad input: a case file, a field or an option value that is not allowed."""

    exit_code = BAD_INPUT


@contextmanager
def reported_as_bad_input():
    """Turn the engine's ``CaseError`` into a one-line error with exit status 2."""
    from expert.case import CaseError

    try:
        yield
    except CaseError as error:
        raise BadInput(str(error)) from None
