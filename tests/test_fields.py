"""Fields: one declaration reads replies, checks values and makes facts."""
import pytest

from exsplain.expert.fields import CaseError, ReplyError
from exsplain.knowledge.catalog import PRONOUNS
from exsplain.knowledge.facts import Breakup, Contact, Ex, Me, Safety

HE = PRONOUNS["he"]


@pytest.mark.parametrize(
    "field, reply, value",
    [
        (Breakup.ended_by, "1", "me"),
        (Breakup.ended_by, "ex", "ex"),
        (Breakup.ended_by, "I did", "me"),
        (Breakup.ended_by, "  my EX did ", "ex"),
        (Breakup.ended_by, "we both", "mutual"),  # the beginning of a label
        (Breakup.ended_by, "mut", "mutual"),  # the beginning of a word
        (Me.want_back, "not sure", "unsure"),  # inside a label
        (Me.want_back, "no", "no"),
        (Ex.cries_easily, "Y", True),
        (Ex.cries_easily, "2", False),
        (Ex.stressors, "work, anxiety", ("work", "anxiety")),
        (Ex.stressors, "4 and 1", ("work", "depression")),
        (Ex.stressors, "anxiety work", ("work", "anxiety")),
        (Ex.stressors, "none", ()),
        (Breakup.ex_excuse, "he no longer", "lost_feelings"),
        (Breakup.ex_excuse, "it's not you", "its_not_you"),
    ],
)
def test_a_reply_names_an_answer(field, reply, value):
    assert field.parse(reply, HE) == value


@pytest.mark.parametrize("field, reply", [(Breakup.ended_by, "maybe"), (Breakup.ended_by, "4"), (Ex.cries_easily, "often"),
                                          (Breakup.ended_by, ""), (Ex.stressors, "work, money")])
def test_a_reply_that_names_no_answer_says_how_to_answer(field, reply):
    with pytest.raises(ReplyError, match="Please"):
        field.parse(reply, HE)


def test_an_ambiguous_beginning_names_no_answer():
    with pytest.raises(ReplyError):
        Contact.level.parse("o", HE)  # occasional, often


@pytest.mark.parametrize(
    "field, value, message",
    [
        (Breakup.ended_by, "maybe", "'maybe' is not allowed (allowed: me | ex | mutual)"),
        (Breakup.ended_by, 1, "expected one of me | ex | mutual, got a number (1)"),
        (Ex.cries_easily, "yes", "expected true or false, got text 'yes'"),
        (Ex.stressors, "work", "expected a list of any of: work, life_direction"),
    ],
)
def test_checking_a_value_says_what_is_allowed(field, value, message):
    with pytest.raises(CaseError) as raised:
        field.check(value)
    assert message in str(raised.value)


def test_lists_are_kept_in_declaration_order_whatever_the_order_given():
    assert Ex.stressors.check(["anxiety", "work"]) == ("work", "anxiety")


def test_list_items_become_facts_of_their_own():
    facts = Ex.stressors.facts(("work", "anxiety"))
    assert [(f["kind"], f["further"]) for f in facts] == [("work", False), ("anxiety", True)]


def test_a_field_knows_its_table_name_path_and_follow_up():
    assert Breakup.ended_by.path == "breakup.ended_by"
    assert Safety.self_harm_as_pressure.asked_if == ((Safety.ex_self_harm_talk, True),)
    assert Safety.in_danger_now.asked_if == ((Safety.i_think_of_self_harm, True), (Safety.threats_or_abuse, True),
                                             (Safety.self_harm_as_pressure, True))


def test_every_answer_has_a_label_and_a_statement(kb):
    for field in kb.vocabulary.fields.values():
        assert field.question.strip(), field.path
        for answer in field.answers.values():
            assert answer.label.strip() and answer.statement.strip(), (field.path, answer.value)


@pytest.mark.parametrize("values", [{}, {"ended_by": "me"}, {"ended_by": "ex", "friends_after": ("a", "b")}])
def test_a_fact_made_from_checked_answers_is_the_fact_experta_makes(values):
    from exsplain.expert.fields import fact_of

    made, plain = fact_of(Breakup, values), Breakup(**values)
    assert type(made) is Breakup and dict(made) == dict(plain) and vars(made) == vars(plain)


def test_a_value_experta_would_freeze_is_frozen():
    from experta.utils import frozenlist

    from exsplain.expert.fields import fact_of

    assert type(fact_of(Breakup, {"ended_by": ["me"]})["ended_by"]) is frozenlist
