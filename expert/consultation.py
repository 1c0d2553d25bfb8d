"""A consultation: the engine decides what to ask next.

After every answer the rules are run on what is known, and the questions
still worth asking are those whose field an open rule needs (see
``relevance``).  Questions whose field no rule uses only shape the wording
(a pronoun, say) and come first.  This object holds the state of the dialogue
and does no input or output, so tests and other front ends can drive it.
"""
from expert.case import Case


class Consultation:
    """The answers so far, and what to ask next."""

    def __init__(self, kb, case=None):
        self.kb = kb
        self.case = case or Case()
        self.skipped = set()
        self.steps = []  # ("answer" | "skip", path), most recent last

    def inference(self):
        return self.kb.infer(self.case)

    def wording_questions(self):
        """Unanswered questions whose field no rule uses: they only shape the wording."""
        kb = self.kb
        return [
            kb.catalog.question(path)
            for path in kb.question_order
            if path not in kb.judge.uses and not self.case.known(path) and path not in self.skipped
        ]

    def remaining(self):
        """The questions still to ask, in the order they will be asked."""
        relevant = self.kb.judge.relevant_unknowns(self.case, self.inference().certainty)
        rest = [self.kb.catalog.question(p) for p in relevant if p not in self.skipped]
        return self.wording_questions() + rest

    def next_question(self):
        """The next question to ask, or None when nothing relevant is left."""
        wording = self.wording_questions()
        if wording:  # no rule needs these, so there is no need to run the engine yet
            return wording[0]
        remaining = self.remaining()
        return remaining[0] if remaining else None

    def answer(self, path, value):
        self.case = self.case.with_answers(**{path: value})
        self.steps.append(("answer", path))

    def skip(self, path):
        self.skipped.add(path)
        self.steps.append(("skip", path))

    def back(self):
        """Undo the last answer or skip; returns False when there is none."""
        if not self.steps:
            return False
        kind, path = self.steps.pop()
        if kind == "answer":
            self.case = self.case.with_answers(**{path: None})
        else:
            self.skipped.discard(path)
        return True

    def why(self, path):
        """The open rules an answer to ``path`` could still make fire."""
        return self.kb.judge.affected_by(path, self.case, self.inference().certainty)
