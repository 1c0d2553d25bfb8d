"""Fields of a case: each one knows its question, its answers and their words.

A knowledge base declares its case tables as ``Table`` fact classes whose
attributes are the fields below.  A field is written once and everything
about it is derived from it: checking a case file, reading what a person
types, the question and the words for each answer, the facts the engine
sees, the JSON Schema and the documentation.

Every answer has two wordings: a *label*, the reply as the person would give
it ("I did"), and a *statement*, the answer told back to them ("you ended
it"), which is what a report's "because" lines are made of.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from exsplain.expert.experta import Fact as Fact  # re-exported: a knowledge base declares its item facts with it
from exsplain.expert.experta import Field as ExpertaField
from exsplain.expert.experta import Validable
from exsplain.expert.replies import (
    NotSure,
    ReplyError,
    Unclear,
    nearest,
    not_sure,
    number,
    parts,
    plain,
    span_in_months,
    without_hedges,
    yes_or_no,
)
from exsplain.expert.wording import excerpt, fill

if TYPE_CHECKING:
    from exsplain.expert.case import Case


class CaseError(Exception):
    """Bad input, reported as one line: where, which field, what is allowed."""

    def __init__(self, source: str | None, problem: str, field: str | None = None):
        self.source = source
        self.field = field
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        return ": ".join(p for p in (self.source, self.field, self.problem) if p)

    def at(self, source: str) -> CaseError:
        """The same error, said of ``source``."""
        return CaseError(source, self.problem, self.field)


@dataclass(frozen=True)
class Answer:
    """One allowed value of a field, its two wordings, and other ways a person may say it."""

    value: Any
    label: str
    statement: str
    also: tuple[str, ...] = ()


class Field(ExpertaField):
    """A question a person can answer, and the allowed answers.

    ``asked_if`` is a ``(field, value)`` pair, or a tuple of such pairs:
    the field only makes sense once that other answer (any of them) is given
    (a follow-up question).
    """

    table: str = ""
    name: str = ""
    path: str = ""  # table.name, set with them by the table
    implies: tuple[Any, ...] | None = None  # see Flag

    def __init__(self, question: str, answers: dict[Any, Any], asked_if: tuple[Any, ...] | None = None):
        super().__init__(object)
        self.question = question
        self.answers = {value: Answer(value, *wording) for value, wording in answers.items()}
        self.values = tuple(self.answers)
        self.asked_if: tuple[tuple[Field, Any], ...] = (
            () if asked_if is None else (asked_if,) if isinstance(asked_if[0], Field) else tuple(asked_if))

    def validate(self, data: Any) -> None:
        """experta checks facts against their fields when they are declared;
        these facts were checked when the case was read, so this is a no-op."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.path}>"

    def applies(self, case: Case) -> bool | None:
        """Whether the question makes sense for ``case``: True, False or None (not yet known)."""
        if not self.asked_if:
            return True
        if any(case.get(parent.path) == value for parent, value in self.asked_if if case.known(parent.path)):
            return True
        if all(case.known(parent.path) or parent.applies(case) is False for parent, _ in self.asked_if):
            return False
        return None

    # -- checking values ---------------------------------------------------

    def describe(self) -> str:
        """The allowed values, as an error message shows them."""
        return " | ".join(self.spell_value(v) for v in self.values)

    def spell_value(self, value: Any) -> str:
        return str(value).lower() if isinstance(value, bool) else str(value)

    def check(self, value: Any) -> Any:
        """``value`` in canonical form, or a ``CaseError`` saying what is allowed."""
        if not isinstance(value, str) or isinstance(value, bool):
            raise CaseError(None, f"expected one of {self.describe()}, got {kind_of(value)}", self.path)
        if value not in self.answers:
            raise CaseError(None, f"{excerpt(value)} is not allowed (allowed: {self.describe()})", self.path)
        return value

    def to_data(self, value: Any) -> Any:
        """The value as TOML or JSON writes it."""
        return value

    def to_text(self, value: Any) -> str:
        """The value as ``table.field=value`` and spreadsheets write it."""
        return self.spell_value(value)

    def samples(self) -> list[Any]:
        """The answers to try when asking what each answer would change."""
        return list(self.values)

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the field's values."""
        return {"enum": list(self.values)}

    # -- people ------------------------------------------------------------

    def choices(self) -> list[Answer]:
        """The answers a person chooses from, in order (numbered from 1)."""
        return list(self.answers.values())

    def parse(self, reply: str, words: Mapping[str, str] | None = None) -> Any:
        """The value meant by ``reply`` (see ``choose``).  Raises ``ReplyError``,
        ``NotSure`` for "not sure" and its kin, ``Unclear`` for a near miss to confirm."""
        return self.choose(reply, words).value

    def choose(self, reply: str, words: Mapping[str, str] | None = None) -> Answer:
        """The answer meant by ``reply``: its number (in any script), its words
        or their beginning, an everyday word for it, or a clear near miss."""
        words = words or {}
        text, choices = plain(reply), self.choices()
        chosen = number(text)
        if chosen is not None:
            if 1 <= chosen <= len(choices):
                return choices[chosen - 1]
            raise ReplyError(self.hint())
        names = {a: self.names_of(a, words) for a in choices}
        found = by_words(text, names) or by_words(without_hedges(text), names)
        if found is not None:
            return found
        if not_sure(text):
            raise NotSure(self.hint())
        found = self.everyday(text)
        if found is not None:
            return found
        near = nearest(text, names)
        if near is not None:
            answer, clear = near
            if clear:
                return answer
            raise Unclear(self.hint(), answer.value, fill(answer.label, words))
        raise ReplyError(self.hint())

    def everyday(self, text: str) -> Answer | None:
        """The answer an everyday way of saying it names (none for most fields)."""
        return None

    def names_of(self, answer: Answer, words: Mapping[str, str]) -> set[str]:
        """Everything a person may type for ``answer``, read as ``plain`` reads a reply."""
        return {plain(name) for name in (self.spell_value(answer.value), fill(answer.label, words),
                                         self.spell_value(answer.value).replace("_", " "),
                                         *(fill(also, words) for also in answer.also))}

    def hint(self) -> str:
        numbers = ", ".join(str(n) for n in range(1, len(self.values) + 1))
        return f"Please answer with a number ({numbers}) or the words of an answer"

    def label(self, value: Any) -> str:
        """The reply chosen, in words (with ``{placeholders}`` still to fill)."""
        return self.answers[value].label

    def statements(self, value: Any) -> list[str]:
        """The answer told back to the person (with ``{placeholders}``)."""
        return [self.answers[value].statement]

    def facts(self, value: Any) -> list[Fact]:
        """Facts beyond the table's own that an answer declares."""
        return []


class Choice(Field):
    """Exactly one of a fixed set of words.

    ``Choice("Who ended it?", me=("I did", "you ended it"), ...)``: each
    keyword is an allowed word with its label and statement, and optionally
    a tuple of other ways to say it.  ``spans`` lets a time be given in
    numbers ("2 months ago"): ``(months, value)`` pairs, a time under
    ``months`` meaning ``value``, the last pair's bound ``None``.
    """

    def __init__(self, question: str, *, asked_if: tuple[Any, ...] | None = None,
                 spans: tuple[tuple[float | None, str], ...] = (), **answers: tuple[Any, ...]):
        super().__init__(question, answers, asked_if)
        self.spans = spans

    def everyday(self, text: str) -> Answer | None:
        months = span_in_months(text) if self.spans else None
        if months is None:
            return None
        return next(self.answers[value] for bound, value in self.spans if bound is None or months < bound)


class Flag(Field):
    """Yes or no, written as a boolean; ``yes`` and ``no`` are the statements.

    ``implies`` is a ``(field, value)`` pair that a yes here entails (a threat
    of self-harm used as pressure is self-harm talk): a case is read with it
    (see ``Vocabulary.implied``).
    """

    WORDS = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}

    def __init__(self, question: str, *, yes: str, no: str, asked_if: tuple[Any, ...] | None = None,
                 implies: tuple[Any, ...] | None = None):
        super().__init__(question, {True: ("yes", yes), False: ("no", no)}, asked_if)
        self.implies = implies

    def check(self, value: Any) -> Any:
        if not isinstance(value, bool):
            raise CaseError(None, f"expected true or false, got {kind_of(value)}", self.path)
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def names_of(self, answer: Answer, words: Mapping[str, str]) -> set[str]:
        return {word for word, value in self.WORDS.items() if value is answer.value}

    def everyday(self, text: str) -> Answer | None:
        said = yes_or_no(text)
        return None if said is None else self.answers[said]

    def hint(self) -> str:
        return "Please answer yes or no (or 1 for yes, 2 for no)"


class ChoiceSet(Field):
    """Any number of words from a fixed set.

    Each chosen word is also declared as a fact of class ``item`` with the
    fields ``kind`` (the word) and ``further`` (false for the first word in
    declaration order, true for the others), so that rules can match "any",
    "each further" and "this one" with plain patterns.
    """

    NONE = ("none", "nothing", "no", "nope", "nah", "none of them", "none of these", "neither", "not really", "")
    FILLER = frozenset({"my", "the", "a", "an", "her", "his", "their", "with", "of", "at", "in", "both", "some",
                        "stuff", "things"})

    def __init__(self, question: str, *, item: type[Fact], asked_if: tuple[Any, ...] | None = None,
                 **answers: tuple[str, str]):
        super().__init__(question, answers, asked_if)
        self.item = item

    def describe(self) -> str:
        return "a list of any of: " + ", ".join(self.values)

    def check(self, value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise CaseError(None, f"expected {self.describe()}, got {kind_of(value)}", self.path)
        for index, item in enumerate(value):
            if not isinstance(item, str) or item not in self.answers:
                raise CaseError(
                    None, f"{excerpt(item)} is not allowed (allowed: {', '.join(self.values)})", f"{self.path}[{index}]"
                )
            if item in value[:index]:  # as the schema's uniqueItems says: a repeat is a slip, not more weight
                raise CaseError(None, f"{item!r} appears twice (give each answer once)", f"{self.path}[{index}]")
        return tuple(v for v in self.values if v in value)

    def to_data(self, value: Any) -> Any:
        return list(value)

    def to_text(self, value: Any) -> str:
        return ";".join(value) or "none"

    def spell_value(self, value: Any) -> str:
        if isinstance(value, tuple):
            return ", ".join(value) if value else "none"
        return str(value)

    def samples(self) -> list[Any]:
        """No item, and each single item."""
        return [(), *((v,) for v in self.values)]

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"enum": list(self.values)}, "uniqueItems": True}

    def parse(self, reply: str, words: Mapping[str, str] | None = None) -> Any:
        """Words or numbers separated by commas, spaces or ``and``; "none" for none."""
        text = plain(reply)
        if text in self.NONE or without_hedges(text) in self.NONE:
            return ()
        if not_sure(text):
            raise NotSure(self.hint())
        pieces = parts(text)
        if len(pieces) == 1 and " " not in pieces[0]:
            return (self.choose(pieces[0], words).value,)  # one word: a near miss may be asked back
        chosen = set()
        for piece in pieces:
            for part in [piece] if self.matches(piece, words) else piece.split():
                if part not in self.FILLER:
                    chosen.add(self.chosen(part, words))
        if not chosen:  # only commas, or only little words
            raise ReplyError(self.hint())
        return tuple(v for v in self.values if v in chosen)

    def matches(self, text: str, words: Mapping[str, str] | None) -> bool:
        try:
            self.chosen(text, words)
        except ReplyError:
            return False
        return True

    def chosen(self, text: str, words: Mapping[str, str] | None) -> Any:
        """The value one part of a list names; a near miss to confirm counts as none."""
        try:
            return self.choose(text, words).value
        except (Unclear, NotSure):
            raise ReplyError(self.hint()) from None

    def hint(self) -> str:
        return "Please give numbers or words separated by commas, or none"

    def label(self, value: Any) -> str:
        return ", ".join(self.answers[v].label for v in value) if value else "none"

    def statements(self, value: Any) -> list[str]:
        return [self.answers[v].statement for v in value]

    def facts(self, value: Any) -> list[Fact]:
        return [fact_of(self.item, {"kind": v, "further": i > 0}) for i, v in enumerate(value)]


class TableType(Validable):
    """Lets a table's fields be named as attributes (``Breakup.ended_by``),
    which experta's metaclass otherwise hides in ``__fields__``."""

    def __getattr__(cls, name: str) -> Any:
        fields = cls.__dict__.get("__fields__", {})
        if name in fields:
            return fields[name]
        raise AttributeError(name)


class Table(Fact, metaclass=TableType):
    """A fact that holds the answers of one table of a case file.

    Subclasses set ``table`` to the table's name in case files; their
    fields learn their table and name from it.
    """

    table: ClassVar[str] = ""
    __fields__: ClassVar[dict[str, Any]]
    _answerable: ClassVar[dict[str, Field]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._answerable = {name: f for name, f in cls.__fields__.items() if isinstance(f, Field)}
        for name, field in cls._answerable.items():
            field.table, field.name, field.path = cls.table, name, f"{cls.table}.{name}"

    @classmethod
    def fields(cls) -> dict[str, Field]:
        """The answerable fields of this table, in declaration order."""
        return cls._answerable

    @classmethod
    def field(cls, name: str) -> Field:
        field: Field = cls.__fields__[name]
        return field


# The values experta's ``freeze`` keeps as they are: a checked case holds nothing else.
IMMUTABLE = frozenset({str, bool, int, float, tuple, type(None)})


def fact_of(kind: type[Fact], values: Mapping[str, Any]) -> Fact:
    """``kind(**values)``, made without experta's freeze and checks of each value
    when every value is one that freeze keeps as it is (as a checked case's
    answers are); any other value takes experta's way."""
    if not all(type(v) in IMMUTABLE for v in values.values()):
        return kind(**values)
    fact = kind()
    dict.update(fact, values)
    return fact


def by_words(text: str, names: Mapping[Answer, set[str]]) -> Answer | None:
    """The one answer whose words are ``text``, begin with it or hold it as whole words."""
    if not text:
        return None
    tests: tuple[Callable[[set[str]], bool], ...] = (
        lambda said: text in said, lambda said: any(w.startswith(text) for w in said),
        lambda said: any(f" {text} " in f" {w} " for w in said))
    for test in tests:
        found = [a for a, said in names.items() if test(said)]
        if len(found) == 1:
            return found[0]
    return None


def kind_of(value: Any) -> str:
    """How an error message names the type of a wrong value."""
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, str):
        return f"text {excerpt(value)}"
    if isinstance(value, (int, float)):
        return f"a number ({excerpt(value)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    if value is None:
        return "null"
    return f"a date or time ({excerpt(value)})"
