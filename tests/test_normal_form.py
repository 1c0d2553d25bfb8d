"""Rules written in normal form at once are the rules experta's rewrites give."""
from experta import AND, NOT, OR, TEST, Fact, Rule
from experta.fieldconstraint import NOTFC, ORFC
from experta.matchers.rete.utils import prepare_rule
from hypothesis import example, given
from hypothesis import strategies as st

from exsplain.expert.normal_form import prepared

Left = type("Left", (Fact,), {})
Right = type("Right", (Fact,), {})


def test_every_rule_of_the_knowledge_base_is_prepared_as_experta_prepares_it(kb):
    rules = list(kb.engine.get_rules())
    assert [rule for rule in rules if prepared(rule) != prepare_rule(rule)] == []
    assert any(prepared(rule)[0].__class__ is OR for rule in rules)  # the alternatives are spread out here too


values = st.one_of(
    st.sampled_from(["a", "b", True, False]),
    st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True).map(
        lambda options: ORFC(*options) if len(options) > 1 else options[0]),
    st.sampled_from(["a", "b"]).map(NOTFC),
    st.just(NOTFC(ORFC("a", "b"))),
)
patterns = st.builds(lambda kind, fields: kind(**fields), st.sampled_from([Left, Right]),
                     st.dictionaries(st.sampled_from(["x", "y", "z"]), values, max_size=3))
written_at_once = st.one_of(patterns, patterns.map(NOT), st.just(TEST(lambda: True)))
left_to_experta = st.one_of(
    st.lists(patterns, min_size=1, max_size=2).map(lambda ps: OR(*ps)),
    st.lists(patterns, min_size=2, max_size=2).map(lambda ps: NOT(AND(*ps))),
)


@given(st.lists(written_at_once, max_size=4))
@example([NOT(Left(x="a")), Right(y=ORFC("a", "b"))])  # each AND of the OR then starts with the initial fact
@example([Left(x=ORFC("a", "b"), y=ORFC(True, False)), NOT(Right(x="c"))])
def test_a_rule_of_patterns_negations_and_tests_is_prepared_as_experta_prepares_it(conditions):
    rule = Rule(*conditions)
    assert prepared(rule) == prepare_rule(rule)


@given(st.lists(st.one_of(written_at_once, left_to_experta), max_size=4))
def test_any_rule_is_prepared_as_experta_prepares_it(conditions):
    rule = Rule(*conditions)
    assert prepared(rule) == prepare_rule(rule)
