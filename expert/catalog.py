"""The wording side of a knowledge base: kinds of conclusion, conclusions,
their sources, and the help a report points to.

Rules say *when* something is concluded; the catalog says what it is called,
how to put it to a person and where it comes from.  Each thing is declared
once, as an object, and everything else (reports, checks, explanations,
documentation) is derived from it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True, eq=False)  # each kind is one object: compared by identity, which is quick
class Kind:
    """A kind of conclusion: motives, insights, actions, warnings, ...

    ``key`` names the kind's list in the report and ``text_key`` the text of
    each item.  ``ranked`` kinds are hypotheses with a certainty; the others
    are drawn or not.  ``prioritised`` kinds are advice, ordered by priority
    and said with the reasons behind them; ``brief`` kinds are said in one
    message.  ``reached`` says in a word that one of them was reached.  A
    kind whose conclusions ``can_be_withheld`` lists them under
    ``withheld_key`` when a safety rule holds them back.
    """

    name: str
    key: str
    heading: str
    text_key: str = "text"
    ranked: bool = False
    prioritised: bool = False
    brief: bool = False
    withheld_key: str | None = None
    withheld_heading: str | None = None
    reached: str = "reached"

    @property
    def can_be_withheld(self) -> bool:
        return self.withheld_key is not None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, eq=False, repr=False)
class Article:
    """A source text, named in words, and how many paragraphs it has.

    Paragraphs are counted as the non-empty lines of the text, so a check can
    verify citations without a copy of the article.
    """

    id: str
    title: str
    description: str
    paragraphs: int


@dataclass(frozen=True)
class Source:
    """A passage of an article (``first``–``last``), or a note saying why a
    piece of knowledge goes beyond the articles."""

    article: Article | None
    first: int | None = None
    last: int | None = None
    note: str | None = None

    def __str__(self) -> str:
        if self.article is None:
            return f"beyond the articles ({self.note})"
        if self.last is None or self.last == self.first:
            return f"{self.article.id} ¶{self.first}"
        return f"{self.article.id} ¶{self.first}–{self.last}"

    def in_words(self) -> str:
        """The source as a person reads it: the article's title and paragraphs."""
        if self.article is None:
            return f"Beyond the articles: {self.note}"
        if self.last is None or self.last == self.first:
            where = f"paragraph {self.first}"
        else:
            where = f"paragraphs {self.first} to {self.last}"
        return f"“{self.article.title}”, {where}"


def cite(article: Article, *paragraphs: int | tuple[int, int]) -> tuple[Source, ...]:
    """Sources from ``cite(ARTICLE, 3, (48, 49))``: single paragraphs or ranges."""
    return tuple(
        Source(article, *p) if isinstance(p, tuple) else Source(article, p) for p in paragraphs
    )


def beyond_the_articles(reason: str) -> tuple[Source, ...]:
    """A source for knowledge the articles do not hold, with the reason for it."""
    return (Source(None, note=reason),)


@dataclass(eq=False, repr=False)
class Conclusion:
    """Something the knowledge base can conclude, with its words and sources.

    ``priority`` orders actions (1 first); ``resources`` names the kinds of
    help (see ``Resource``) to show beside it; ``tactic`` marks a motive that
    reads the tears as a means to an end; ``theme`` names the group a reading
    shows an action under (see ``Catalog.themes``).  The id and kind come
    from the ``Conclusions`` class it is declared in.
    """

    label: str
    text: str
    sources: tuple[Source, ...]
    priority: int | None = None
    resources: tuple[str, ...] = ()
    tactic: bool = False
    theme: str | None = None
    id: str = ""
    kind: Kind = field(default=None)  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{self.kind} {self.id}>"


class Conclusions:
    """A namespace of conclusions of one kind; each attribute's name is its id.

    >>> class MOTIVES(Conclusions, kind=MOTIVE):
    ...     grief = Conclusion("Grief over the ending", "...", sources)
    """

    kind: ClassVar[Kind]

    def __init_subclass__(cls, kind: Kind, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        for name, value in vars(cls).items():
            if isinstance(value, Conclusion):
                value.id, value.kind = name, kind

    @classmethod
    def all(cls) -> list[Conclusion]:
        return [v for v in vars(cls).values() if isinstance(v, Conclusion)]


@dataclass(frozen=True, eq=False, repr=False)
class Resource:
    """A route to help: who, how to reach them, and what for
    (``emergency``, ``self_harm``, ``abuse`` or ``directory``)."""

    name: str
    contact: str
    for_: str

    def as_data(self) -> dict:
        return {"name": self.name, "contact": self.contact, "for": self.for_}


@dataclass(frozen=True, eq=False, repr=False)
class Region:
    """The help resources of one region, and when they were last checked."""

    code: str
    name: str
    checked: str
    resources: tuple[Resource, ...]

    def for_(self, needs: set[str]) -> list[Resource]:
        """The resources that meet ``needs``; the directory stands in for a
        kind of help the region has no line of its own for."""
        found = [r for r in self.resources if r.for_ in needs]
        missing = needs - {r.for_ for r in found} - {"directory"}
        if missing:
            found += [r for r in self.resources if r.for_ == "directory" and r not in found]
        return found


@dataclass(frozen=True, eq=False, repr=False)
class Danger:
    """A danger a case can report, declared in the order dangers are handled.

    ``fields`` report it (a yes to any of them); ``resources`` are the kinds
    of help it needs; ``actions`` the urgent advice it leads to; ``named_by``
    patterns (regular expressions, filled with the case's words) that a text
    speaking of this danger contains, so a check can tell that a text names
    only the dangers a case reports.
    """

    id: str
    fields: tuple
    resources: tuple[str, ...]
    actions: tuple[Conclusion, ...] = ()
    named_by: tuple[str, ...] = ()

    def reported(self, case: Any) -> bool:
        return any(case.get(f.path) is True for f in self.fields)


@dataclass(frozen=True, eq=False, repr=False)
class Caveat:
    """A sentence shown before the conclusions it qualifies, when an answer is given.

    ``when`` is a ``(field, value)`` pair; ``before`` picks the conclusions
    (for example, motives that read the tears as a tactic).
    """

    when: tuple
    before: Callable[[Conclusion], bool]
    text: str


@dataclass(frozen=True, eq=False, repr=False)
class Catalog:
    """Everything a knowledge base says, apart from its rules.

    ``kinds`` come in report order; ``tables`` are the case's fact classes
    and ``questions`` the fields in the order a consultation asks them;
    ``safety`` the fields asked first, with care (after ``safety_lead_in``);
    ``intro`` opens a consultation (``{questions}`` says about how many); ``wording`` maps a case to
    the words that fill the ``{placeholders}`` of every text (a pronoun, say).
    ``themes`` are ``(id, heading)`` pairs, in the order a reading groups
    actions by; ``dangers`` the dangers a case can report, in the order they
    are handled.
    """

    kinds: tuple[Kind, ...]
    conclusions: tuple[Conclusion, ...]
    tables: tuple
    questions: tuple
    articles: tuple[Article, ...]
    wording: Callable[[Any], dict]
    safety: tuple = ()
    safety_lead_in: str = ""
    intro: str = ""
    regions: tuple[Region, ...] = ()
    general_help: frozenset[str] = frozenset()
    caveats: tuple[Caveat, ...] = ()
    themes: tuple[tuple[str, str], ...] = ()
    dangers: tuple[Danger, ...] = ()

    def of_kind(self, kind: Kind) -> list[Conclusion]:
        return [c for c in self.conclusions if c.kind == kind]

    def region(self, code: str) -> Region:
        """The region of ``code``, or the catch-all region (the last one)."""
        return next((r for r in self.regions if r.code == code), self.regions[-1])
