"""A consultation: the engine decides what to ask next.

Questions come in the knowledge base's order (for exsplain: the pronoun, the
safety questions, then the rest), and only while they matter: a question is
asked when no rule uses its field (it only shapes the wording) or when an
answer could still change some rule (see ``relevance``).  This object holds
the state of the dialogue and does no input or output, so tests and other
front ends can drive it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from exsplain.expert.case import Case
from exsplain.expert.engine import Inference
from exsplain.expert.explain import Effect, reasons_to_ask
from exsplain.expert.fields import Field

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import KnowledgeBase


class Consultation:
    """The answers so far, and what to ask next."""

    def __init__(self, kb: KnowledgeBase, case: Case | None = None):
        self.kb = kb
        self.case = case or Case()
        self.skipped: set[str] = set()
        self.steps: list[tuple[str, str, Any]] = []  # (answer | skip, path, previous value), most recent last
        self.kept = len(self.case.answers)  # answers the consultation started from (a saved case)
        # every question in the order it was asked: those a saved case answered, then each one as it comes
        self.order: list[str] = [f.path for f in kb.question_order if self.case.known(f.path)]
        self._inference: tuple[Case, Inference] | None = None

    def inference(self) -> Inference:
        """The inference of the answers so far (kept until they change)."""
        if self._inference is None or self._inference[0] is not self.case:
            self._inference = (self.case, self.kb.infer(self.case))
        return self._inference[1]

    def certainty(self) -> dict[str, float]:
        """The certainty of each hypothesis so far; with no answer yet there is
        none to find, so the engine need not even be built."""
        return self.inference().certainty if self.case.answers else {}

    def remaining(self) -> list[Field]:
        """The questions still to ask, in the order they will be asked."""
        relevant = set(self.kb.judge.relevant_unknowns(self.case, self.certainty()))
        return [f for f in self.open_fields() if f.path in relevant or f.path not in self.kb.judge.uses]

    def open_fields(self) -> list[Field]:
        return [f for f in self.kb.question_order
                if not self.case.known(f.path) and f.path not in self.skipped and f.applies(self.case) is not False]

    def next_question(self) -> Field | None:
        """The next question to ask, or None when nothing relevant is left."""
        for field in self.open_fields():
            if field.path not in self.kb.judge.uses:  # no rule needs it: no need to run the engine
                return field
            break
        remaining = self.remaining()
        return remaining[0] if remaining else None

    def progress(self) -> tuple[int, int]:
        """``(n, about)``: the next question is the n-th of about ``about``, as far as is known now."""
        done = len(self.steps)
        return done + 1, done + max(1, len(self.remaining()))

    def answer(self, field: Field, value: Any) -> None:
        self.steps.append(("answer", field.path, self.case.get(field.path)))
        self.skipped.discard(field.path)
        self.case = replace(self.case.with_answers(**{field.path: value}), asked=self.case.asked | {field.path})
        self.asked(field)

    def skip(self, field: Field) -> None:
        """Leave ``field`` open ("skip", "not sure", or no reply that could be read)."""
        self.steps.append(("skip", field.path, None))
        self.skipped.add(field.path)
        self.asked(field)

    def asked(self, field: Field) -> None:
        if field.path not in self.order:
            self.order.append(field.path)

    def back(self) -> Field | None:
        """Undo the last answer or skip; returns its field, or None when there is none."""
        if not self.steps:
            return None
        kind, path, previous = self.steps.pop()
        if kind == "answer":
            self.case = self.case.with_answers(**{path: previous})
        else:
            self.skipped.discard(path)
        return self.kb.vocabulary.field(path)

    def review(self) -> list[tuple[Field, Any]]:
        """Every question asked, in the order asked, with its answer (None when left open)."""
        fields = [self.kb.vocabulary.field(path) for path in self.order]
        return [(f, self.case.get(f.path) if self.case.known(f.path) else None) for f in fields
                if f.applies(self.case) is not False]

    def why(self, field: Field) -> list[Effect]:
        """The conclusions an answer to ``field`` could still change."""
        return reasons_to_ask(self.kb, self.case, self.certainty(), field.path)
