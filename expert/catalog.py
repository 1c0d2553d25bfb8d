"""The wording side of a knowledge base: kinds of conclusion, conclusions,
their sources, and the help a report points to.

Rules say *when* something is concluded; the catalog says what it is called,
how to put it to a person and where it comes from.  Each thing is declared
once, as an object, and everything else (reports, checks, explanations,
documentation) is derived from it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from exsplain.expert.case import Case


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

    ``priority`` orders actions (1 first); ``theme`` names the group an
    action is read under (see ``Catalog.themes``); ``resources`` names the
    kinds of help (see ``Resource``) to show beside it; ``tactic`` marks a
    motive that reads the tears as a means to an end.  The id and kind come
    from the ``Conclusions`` class it is declared in.
    """

    label: str
    text: str
    sources: tuple[Source, ...]
    priority: int | None = None
    theme: str | None = None
    resources: tuple[str, ...] = ()
    tactic: bool = False
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


@dataclass(frozen=True)
class Route:
    """One way to reach a resource: a ``channel`` (``call``, ``text``, ``chat``
    or ``web``) and where to (a number, an address).  A text may need a
    ``keyword`` as its first word; a chat may run in an ``app``; ``label``
    says what a number is for where a resource has several."""

    channel: str
    to: str
    keyword: str = ""
    app: str = ""
    label: str = ""

    def words(self) -> str:
        """The route as an instruction, without its verb (see ``routes_in_words``)."""
        if self.channel == "text" and self.keyword:
            return f"{self.keyword} to {self.to}"
        if self.channel == "chat":
            return f"{self.to} on {self.app}" if self.app else f"at {self.to}"
        return f"{self.to} {self.label}" if self.label else self.to


VERBS = {"call": "call", "text": "text", "chat": "chat", "web": "visit"}
VERBS_WITH_APP = "message"


def routes_in_words(routes: tuple[Route, ...]) -> str:
    """``call or text 988, or chat at 988lifeline.org``: a number that takes
    both calls and texts is said once, and routes of one verb share it."""
    phrases: list[tuple[str, list[str]]] = []
    for route in routes:
        verb = VERBS_WITH_APP if route.app else VERBS[route.channel]
        plain_text = route.channel == "text" and not route.keyword
        if plain_text and phrases and phrases[-1] == ("call", [route.to]):
            phrases[-1] = ("call or text", [route.to])
        elif phrases and phrases[-1][0] == verb:
            phrases[-1][1].append(route.words())
        else:
            phrases.append((verb, [route.words()]))
    said = [f"{verb} {' or '.join(places)}" for verb, places in phrases]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + ", or " + said[-1]


@dataclass(frozen=True, eq=False, repr=False)
class Resource:
    """A route to help: who, how to reach them, and what for (``emergency``,
    ``self_harm``, ``abuse`` or ``directory``).

    ``hours`` are given only where a source confirms them; ``serves`` names
    the part of the region (a nation, a province, a language) a line is for,
    where it is not all of it; ``partial`` marks a line that answers only some
    calls or some hours, so that texts keep another route beside it.
    ``source`` names the public page it was checked against, on ``checked``.
    """

    name: str
    for_: str
    routes: tuple[Route, ...]
    source: str
    checked: str
    hours: str | None = None
    serves: str | None = None
    note: str | None = None
    partial: bool = False

    @property
    def channels(self) -> list[str]:
        return list(dict.fromkeys(route.channel for route in self.routes))

    @property
    def contact(self) -> str:
        """How to reach it, in words: ``in Wales, call 0808 80 10 800, or text 07860 077333``."""
        where = f"in {self.serves}, " if self.serves else ""
        note = f" ({self.note})" if self.note else ""
        return f"{where}{routes_in_words(self.routes)}{note}"

    def named(self) -> str:
        """`` (Samaritans)`` after its routes, with the part it serves; nothing
        for a line named by its own number."""
        said = [] if any(route.to == self.name for route in self.routes) else [self.name]
        said += [f"in {self.serves}"] if self.serves else []
        return f" ({', '.join(said)})" if said else ""

    def as_data(self) -> dict[str, Any]:
        return {"name": self.name, "contact": self.contact, "channels": self.channels, "for": self.for_,
                "hours": self.hours}


@dataclass(frozen=True)
class Need:
    """A kind of help as texts name it: the ``placeholder`` it fills and
    ``what`` a line of that kind is called, for a pointer to the directory.
    An ``urgent`` need is said as its numbers alone ("999")."""

    kind: str
    placeholder: str
    what: str = ""  # "crisis line": "find a crisis line at ...", "the crisis line for where you live"
    urgent: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class Region:
    """The help resources of one region, most urgent first, the directory last.

    ``aliases`` are other codes for it (``UK`` for ``GB``); ``stands_for``
    the codes it answers for when they have no list of their own (the member
    states of a union).  A region that is not ``known`` stands in for the
    one asked for (see ``Catalog.region``).
    """

    code: str
    name: str
    resources: tuple[Resource, ...]
    needs: tuple[Need, ...] = ()
    directory: str = "directory"
    aliases: tuple[str, ...] = ()
    stands_for: frozenset[str] = frozenset()
    known: bool = True

    @property
    def checked(self) -> str:
        """When the list was last checked: the latest check of its resources."""
        return max(r.checked for r in self.resources)

    def answers_to(self, code: str) -> bool:
        return code == self.code or code in self.aliases

    def as_data(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "known": self.known}

    def for_(self, needs: Iterable[str]) -> list[Resource]:
        """The resources that meet ``needs``, then the directory as a second route.

        A sequence of needs (in the order of the dangers, say) orders the
        resources; a set keeps the region's own order.
        """
        if isinstance(needs, (set, frozenset)):
            needs = [kind for kind in dict.fromkeys(r.for_ for r in self.resources) if kind in needs]
        wanted = [kind for kind in dict.fromkeys(needs) if kind != self.directory]
        if not wanted:
            return []
        found = [r for kind in wanted for r in self.resources if r.for_ == kind]
        return found + [r for r in self.resources if r.for_ == self.directory]

    def words(self) -> dict[str, str]:
        """The words that fill the placeholders of texts: how to reach each
        kind of help here, true to what this region's lines take."""
        return {need.placeholder: self.reach(need) for need in self.needs}

    def reach(self, need: Need) -> str:
        """``call or text 988 (988 Suicide & Crisis Lifeline)``; a pointer to
        the directory where the region has no such line; for an urgent need,
        its numbers (``112 or 999``)."""
        lines = [r for r in self.resources if r.for_ == need.kind]
        if need.urgent:
            return " or ".join(route.words() for route in lines[0].routes if route.channel == "call")
        directory = next((r for r in self.resources if r.for_ == self.directory), None)
        where = directory.routes[0].to if directory else ""
        if not lines:
            return f"find a {need.what} at {where}"
        served = [line.serves for line in lines]
        if len(lines) > 2 or (any(served) and not all(served)):
            said = f"contact the {need.what} for where you live, from the list of help lines"
        else:
            said = " or ".join(routes_in_words(line.routes) + line.named() for line in lines)
        if any(line.partial for line in lines):
            urgent = next((n for n in self.needs if n.urgent), None)
            emergency = f"call {self.reach(urgent)} or " if urgent else ""
            said += f"; if no one answers, {emergency}find another line at {where}"
        return said


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
    fields: tuple[Any, ...]
    resources: tuple[str, ...]
    actions: tuple[Conclusion, ...] = ()
    named_by: tuple[str, ...] = ()

    def reported(self, case: Case) -> bool:
        return any(case.get(f.path) is True for f in self.fields)


@dataclass(frozen=True, eq=False, repr=False)
class Caveat:
    """A sentence that stands before the motives it qualifies.

    It is called for when any of the ``when`` answers (``(field, value)``
    pairs) is given.  ``before`` picks the conclusions it stands before; none
    means it stands before all of them.
    """

    id: str
    text: str
    when: tuple[tuple[Any, Any], ...]
    before: Callable[[Conclusion], bool] | None = None

    def applies(self, case: Case) -> bool:
        return any(case.get(f.path) == value for f, value in self.when)


@dataclass(frozen=True, eq=False, repr=False)
class Catalog:
    """Everything a knowledge base says, apart from its rules.

    ``kinds`` come in report order; ``tables`` are the case's fact classes
    and ``questions`` the fields in the order a consultation asks them;
    ``safety`` the fields asked first, with care (after ``safety_lead_in``);
    ``intro`` opens a consultation (``{questions}`` says about how many); ``wording`` maps a case to
    the words that fill the ``{placeholders}`` of every text (a pronoun, say).
    ``themes`` are the ``(id, heading)`` groups actions are read under, in
    order; ``dangers`` the dangers in the order they are handled;
    ``caveats`` stand before the motives they qualify; ``phrases`` are the
    fixed sentences and headings of a reading, by name.
    """

    kinds: tuple[Kind, ...]
    conclusions: tuple[Conclusion, ...]
    tables: tuple[Any, ...]
    questions: tuple[Any, ...]
    articles: tuple[Article, ...]
    wording: Callable[[Case], dict[str, str]]
    safety: tuple[Any, ...] = ()
    safety_lead_in: str = ""
    intro: str = ""
    regions: tuple[Region, ...] = ()
    caveats: tuple[Caveat, ...] = ()
    themes: tuple[tuple[str, str], ...] = ()
    dangers: tuple[Danger, ...] = ()
    phrases: Mapping[str, str] = field(default_factory=dict)

    def of_kind(self, kind: Kind) -> list[Conclusion]:
        return [c for c in self.conclusions if c.kind == kind]

    def region(self, code: str | Region) -> Region:
        """The region of ``code`` (or of one of its aliases); for a code with no
        list of its own, the region that stands for it, else the catch-all
        region (the last one), marked as not known."""
        if isinstance(code, Region):
            return code
        found = next((r for r in self.regions if r.answers_to(code)), None)
        if found:
            return found
        return replace(next((r for r in self.regions if code in r.stands_for), self.regions[-1]), known=False)
