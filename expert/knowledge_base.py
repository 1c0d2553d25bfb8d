"""A knowledge base: an engine class with its rules, a vocabulary and a catalog.

This is the one object the commands talk to.  It keeps a single engine per
process and resets it for every case, because building experta's Rete network
costs far more than running a case through it.
"""
from functools import cached_property

from expert.conditions import conditions
from expert.relevance import Judge
from expert.report import build


class KnowledgeBase:
    """Everything needed to reason about, explain and report on a case."""

    def __init__(self, engine_class, vocabulary, catalog):
        self.engine_class = engine_class
        self.vocabulary = vocabulary
        self.catalog = catalog
        self.rules = engine_class.rules()
        self.rule_by_name = {r.name: r for r in self.rules}
        self.conditions = {r.name: conditions(r, vocabulary) for r in self.rules}
        self.question_order = [q.path for q in catalog.questions]
        self.judge = Judge(self)
        self.kinds = (catalog.hypothesis_kind, catalog.finding_kind, catalog.recommendation_kind, "withheld", "warning")

    @cached_property
    def engine(self):
        """The engine of this process, built on first use and reused after."""
        return self.engine_class()

    def infer(self, case, engine=None):
        """Run the rules on ``case``; ``engine`` may be a fresh one, for comparison."""
        return (engine or self.engine).infer(self.vocabulary.facts(case))

    def report(self, case, engine=None):
        """The report of ``case`` (see ``expert.report``)."""
        return build(self, case, self.infer(case, engine))

    def evidence_for(self, hypothesis):
        return [r for r in self.rules if r.supports == hypothesis]

    def rules_concluding(self, kind, conclusion_id):
        return [r for r in self.rules if r.kind == kind and conclusion_id in r.concludes]

    def rules_withholding(self, conclusion_id):
        return [r for r in self.rules if conclusion_id in r.withholds]
