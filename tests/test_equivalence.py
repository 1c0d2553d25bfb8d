"""The lean engine gives exactly the reports of experta's plain path.

Every example and a fixed set of generated cases go through both; the
complete JSON reports, trace included, must be equal.
"""
import pytest

from exsplain.expert.sampling import random_cases_data

from conftest import example_files

GENERATED = 2000


def generated_cases(kb, count=GENERATED, seed=20261123):
    for data in random_cases_data(kb.vocabulary, count, seed):
        yield kb.vocabulary.validate(data)


@pytest.fixture(scope="module")
def plain_engine():
    from exsplain.knowledge.base import ExsplainEngine

    return ExsplainEngine(lean=False)


def test_every_example_gives_the_same_report_on_both_paths(kb, plain_engine):
    for path in example_files():
        case = kb.vocabulary.load(path)
        assert kb.report(case, "GB") == kb.report(case, "GB", engine=plain_engine), path.name


def test_generated_cases_give_the_same_report_on_both_paths(kb, plain_engine):
    different = []
    for number, case in enumerate(generated_cases(kb)):
        if kb.report(case, "GB") != kb.report(case, "GB", engine=plain_engine):
            different.append(number)
    assert different == []


def test_the_lean_engine_keeps_only_the_beliefs_a_rule_reads(kb):
    from exsplain.knowledge.base import ExsplainEngine

    assert ExsplainEngine().tested == {"plea_to_reconsider", "learned_manipulation", "avoiding_hard_conversation"}


@pytest.mark.parametrize("facts", [
    [("Item", {"kind": "a"}), ("Item", {"kind": "a"})],
    [("Item", {"kind": "b"})],
    [("Item", {"name": "x"}), ("Done", {"name": "x"})],
    [("Item", {"name": "x"})],
])
def test_exists_and_forall_wire_as_experta_wires_them(facts):
    from experta import EXISTS, FORALL, MATCH, Fact, Rule

    from exsplain.expert.engine import Engine

    kinds = {"Item": type("Item", (Fact,), {}), "Done": type("Done", (Fact,), {})}
    Item, Done = kinds["Item"], kinds["Done"]

    class Quantified(Engine):
        @Rule(EXISTS(Item(kind="a")))
        def some_a(self):
            self.seen.append("exists")

        @Rule(FORALL(Item(name=MATCH.n), Done(name=MATCH.n)))
        def every_item_done(self):
            self.seen.append("forall")

    seen = []
    for lean in (True, False):
        engine = Quantified(lean=lean)
        engine.seen = []
        engine.infer([kinds[name](**values) for name, values in facts])
        seen.append(sorted(engine.seen))
    assert seen[0] == seen[1]


def test_a_firing_that_only_retracts_a_fact_still_changes_what_fires_next():
    from experta import NOT, Fact, Rule

    from exsplain.expert.engine import Engine

    Blocker, Start = type("Blocker", (Fact,), {}), type("Start", (Fact,), {})  # given a field: see Engine.lean

    class Unblocking(Engine):
        @Rule(Start(), Blocker())
        def remove_the_blocker(self):
            self.retract(next(f for f in self.facts.values() if isinstance(f, Blocker)))

        @Rule(NOT(Blocker()))
        def unblocked(self):
            pass

    for lean in (True, False):
        inference = Unblocking(lean=lean).infer([Start(now=True), Blocker(here=True)])
        assert [f.rule.name for f in inference.firings] == ["remove_the_blocker", "unblocked"]
