"""Typed fields for the facts a case can state.

A knowledge base declares its facts as experta ``Fact`` classes whose fields
are the kinds below.  The same declaration validates case files, drives the
relevance analysis and lists the allowed answers to a question, so the
vocabulary is written once.
"""
from experta import Fact, Field  # noqa: F401  (Fact is re-exported for knowledge bases)


class Answer(Field):
    """A field a person can answer; ``values`` are the allowed answers."""

    values = ()

    def __init__(self):
        super().__init__(self.accepts)

    def accepts(self, value):
        raise NotImplementedError

    def describe(self):
        """The allowed answers, as an error message or a prompt shows them."""
        return " | ".join(str(v).lower() for v in self.values)

    def parse(self, text):
        """The value a person means by ``text``; ``ValueError`` if none."""
        word = text.strip().lower()
        for value in self.values:
            if word == str(value).lower():
                return value
        raise ValueError(f"{text.strip()!r} is not allowed (allowed: {self.describe()})")


class Choice(Answer):
    """Exactly one of a fixed set of words."""

    def __init__(self, *values):
        self.values = values
        super().__init__()

    def accepts(self, value):
        return isinstance(value, str) and value in self.values


class Flag(Answer):
    """Yes or no, written as a boolean."""

    values = (True, False)

    def accepts(self, value):
        return isinstance(value, bool)

    def parse(self, text):
        word = text.strip().lower()
        if word in ("yes", "y", "true"):
            return True
        if word in ("no", "n", "false"):
            return False
        raise ValueError(f"{text.strip()!r} is not allowed (allowed: true | false, or yes | no)")


class ChoiceSet(Answer):
    """Any number of words from a fixed set.

    Each chosen word is also declared as a fact of class ``item`` with the
    fields ``kind`` (the word) and ``further`` (false for the first word in
    vocabulary order, true for the others), so that rules can match "any",
    "each further" and "this one" with plain patterns.
    """

    def __init__(self, *values, item):
        self.values = values
        self.item = item
        super().__init__()

    def accepts(self, value):
        return isinstance(value, (list, tuple)) and all(v in self.values for v in value)

    def describe(self):
        return "a list of any of: " + ", ".join(self.values)

    def parse(self, text):
        """Words separated by commas or spaces; "none" or nothing for an empty list."""
        words = [w for w in text.replace(",", " ").lower().split() if w != "none"]
        unknown = [w for w in words if w not in self.values]
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not allowed (allowed: {', '.join(self.values)}, or none)")
        return tuple(v for v in self.values if v in words)


class TableFact(Fact):
    """A fact that holds the answers of one table of a case file.

    Subclasses set ``table`` to the table's name in case files.
    """

    table = None

    @classmethod
    def answers(cls):
        """The answerable fields of this table, in declaration order."""
        return {name: field for name, field in cls.__fields__.items() if isinstance(field, Answer)}
