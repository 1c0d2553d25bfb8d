"""A knowledge base: an engine class with its rules, and a catalog.

This is the one object the commands talk to, and ``analyze`` is the one way
to reason about a case: it returns the inference and, when asked for, the
report.  A single engine is kept per process and reset for every case,
because building experta's Rete network costs far more than running a case.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from exsplain.expert.case import Case, Vocabulary
from exsplain.expert.catalog import Catalog, Conclusion, Kind, Region
from exsplain.expert.conditions import conditions, item_fields
from exsplain.expert.engine import Engine, Firing, Inference
from exsplain.expert.relevance import Judge
from exsplain.expert.report import build
from exsplain.expert.review import Review
from exsplain.expert.rules import KnowledgeRule
from exsplain.expert.wording import fill

Promises = tuple[tuple[Any, ...], Callable[[], Iterable[tuple[str, Case]]]]


@dataclass
class Analysis:
    """A case, what the engine inferred from it, and (built on first use) its report."""

    kb: KnowledgeBase
    case: Case
    inference: Inference
    region: Region

    @cached_property
    def report(self) -> dict[str, Any]:
        return build(self.kb, self.case, self.inference, self.region)

    @cached_property
    def words(self) -> dict[str, str]:
        """The words that fill the ``{placeholders}`` of texts for this case."""
        return {**self.kb.catalog.wording(self.case), **self.region.words()}


class KnowledgeBase:
    """Everything needed to reason about, explain and report on a case."""

    def __init__(self, engine_class: type[Engine], catalog: Catalog, versions: tuple[int, ...] = (1,),
                 promises: Callable[[], Promises] = lambda: ((), tuple)):
        """``promises`` gives, when ``exsplain check`` first asks, the
        invariants every reading keeps (see ``expert.check.Invariant``) and
        what gives the ``(name, case)`` pairs it tries them on, besides the
        examples: no other command loads them."""
        self.engine_class = engine_class
        self._promises = promises
        self.catalog = catalog
        self.kinds: tuple[Kind, ...] = catalog.kinds
        self.vocabulary = Vocabulary(catalog.tables, versions)
        self.reviews = reviews_of(engine_class)
        self.rules: list[KnowledgeRule | Review] = [*engine_class.rules(), *self.reviews]
        self.rule_by_name = {r.name: r for r in self.rules}
        items = item_fields(catalog.tables)
        self.conclusions = {c.id: c for c in catalog.conclusions}
        self.conditions = {r.name: conditions(r, items, self.conclusions) if not isinstance(r, Review) else ()
                           for r in self.rules}
        self.question_order = list(catalog.questions)
        self.judge = Judge(self)
        self._labels: dict[tuple[Any, ...], dict[str, str]] = {}

    @cached_property
    def invariants(self) -> tuple[Any, ...]:
        return self._promises()[0]

    @cached_property
    def combinations(self) -> Callable[[], Iterable[tuple[str, Case]]]:
        return self._promises()[1]

    @cached_property
    def engine(self) -> Engine:
        """The engine of this process, built on first use and reused after."""
        return self.engine_class()

    def infer(self, case: Case, engine: Engine | None = None) -> Inference:
        """Run the rules on ``case`` (read with what its answers imply), then the
        reviews; ``engine`` may be a fresh one."""
        case = self.vocabulary.implied(case)
        return self.review(case, (engine or self.engine).infer(self.vocabulary.facts(case)))

    def review(self, case: Case, inference: Inference) -> Inference:
        """Add to ``inference`` what the reviews find, each finding as a step of the trace."""
        for review in self.reviews:
            for finding in review.findings(self, case, inference):
                declared = [f"{c.kind} {c.id}" for c in review.concludes]
                inference.firings.append(Firing(len(inference.firings) + 1, review, (), declared,
                                                finding.matched, finding.details, finding.answers))
        return inference

    def analyze(self, case: Case, region: str | Region = "", engine: Engine | None = None) -> Analysis:
        """The one way to reason about a case: inference now, report when asked.

        The analysis holds the case as it is read, with what its answers imply."""
        case = self.vocabulary.implied(case)
        return Analysis(self, case, self.infer(case, engine), self.catalog.region(region))

    def report(self, case: Case, region: str | Region = "", engine: Engine | None = None) -> dict[str, Any]:
        return self.analyze(case, region, engine).report

    def labels(self, words: Mapping[str, str]) -> dict[str, str]:
        """Every conclusion's label, by id, in the words of a case (kept for each set of words)."""
        key = tuple(sorted(words.items()))
        if key not in self._labels:
            self._labels[key] = {c.id: fill(c.label, words) for c in self.catalog.conclusions}
        return self._labels[key]

    # -- finding things ------------------------------------------------------

    def conclusion(self, conclusion_id: str) -> Conclusion:
        return self.conclusions[conclusion_id]

    def find(self, text: str, case: Case | None = None) -> list[Conclusion]:
        """Conclusions named by ``text``: an id, a label, or an unambiguous beginning of either."""
        words = self.catalog.wording(case or Case())
        wanted = " ".join(text.lower().replace("_", " ").split())
        names = {c: {c.id.replace("_", " "), fill(c.label, words).lower()} for c in self.catalog.conclusions}
        exact = [c for c, said in names.items() if wanted in said]
        if exact:
            return exact
        return [c for c, said in names.items() if wanted and any(s.startswith(wanted) for s in said)]

    def closest(self, text: str, case: Case | None = None) -> list[str]:
        import difflib

        words = self.catalog.wording(case or Case())
        names = [n for c in self.catalog.conclusions for n in (c.id, fill(c.label, words))]
        return difflib.get_close_matches(text, names, n=3, cutoff=0.5)

    def evidence_for(self, hypothesis: Conclusion | str) -> list[KnowledgeRule | Review]:
        wanted = hypothesis if isinstance(hypothesis, str) else hypothesis.id
        return [r for r in self.rules if r.supports is not None and r.supports.id == wanted]

    def rules_concluding(self, conclusion: Conclusion) -> list[KnowledgeRule | Review]:
        return [r for r in self.rules if conclusion in r.concludes]



def reviews_of(engine_class: type) -> list[Review]:
    """The reviews declared on an engine class and its topic classes, in order."""
    found: dict[str, Review] = {}
    for klass in engine_class.__mro__:
        for value in vars(klass).values():
            if isinstance(value, Review):
                found.setdefault(value.name, value)
    return sorted(found.values(), key=lambda r: r.order)
