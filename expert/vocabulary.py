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

    def from_text(self, text):
        """What ``text`` typed by a person stands for, before validation."""
        return text.strip().lower()


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

    def from_text(self, text):
        word = text.strip().lower()
        return {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}.get(word, word)


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

    def from_text(self, text):
        """Words separated by commas or spaces; "none" or nothing for an empty list."""
        return [w for w in text.replace(",", " ").lower().split() if w != "none"]


class TableFact(Fact):
    """A fact that holds the answers of one table of a case file.

    Subclasses set ``table`` to the table's name in case files.
    """

    table = None

    @classmethod
    def answers(cls):
        """The answerable fields of this table, in declaration order."""
        return {name: field for name, field in cls.__fields__.items() if isinstance(field, Answer)}
