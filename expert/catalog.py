"""The wording side of a knowledge base: labels, texts, sources, questions.

Rules say *what* is concluded; the catalog says how to put it to a person and
where it comes from.  Keeping wording out of the rules lets a check verify
that every conclusion has words and sources, and lets a command list the
knowledge base without reading code.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """A conclusion the knowledge base can reach."""

    id: str
    label: str
    text: str
    sources: tuple
    priority: int = None


@dataclass(frozen=True)
class Article:
    """A source text, described in our own words, and how many paragraphs it has."""

    id: str
    description: str
    paragraphs: int


@dataclass(frozen=True)
class Question:
    """How to ask for one field; ``choices`` maps each value to its wording."""

    path: str
    text: str
    choices: dict
    gentle: bool = False  # asked last, with care


@dataclass(frozen=True)
class Catalog:
    """Everything a knowledge base says, grouped by kind of conclusion.

    ``hypotheses`` are ranked by certainty (their kind is ``hypothesis_kind``);
    ``findings`` and ``recommendations`` are drawn or not; ``warnings`` flag
    doubtful input.  ``wording`` maps a case to the words that fill the
    ``{placeholders}`` of every text (a pronoun, say).  ``articles`` are the
    sources that citations point into.
    """

    hypothesis_kind: str
    hypotheses: dict
    finding_kind: str
    findings: dict
    recommendation_kind: str
    recommendations: dict
    warnings: dict
    questions: tuple
    wording: object = field(default=lambda case: {})
    articles: dict = field(default_factory=dict)  # id -> Article

    def entries(self, kind):
        return {
            self.hypothesis_kind: self.hypotheses,
            self.finding_kind: self.findings,
            self.recommendation_kind: self.recommendations,
            "warning": self.warnings,
        }[kind]

    def question(self, path):
        return next(q for q in self.questions if q.path == path)
