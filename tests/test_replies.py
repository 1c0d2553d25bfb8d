"""Replies as people type them: each is read as what it means, or asked back, never a crash."""
import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exsplain.expert.fields import NotSure, ReplyError, Unclear
from exsplain.expert.replies import plain, span_in_months, yes_or_no
from exsplain.knowledge.catalog import PRONOUNS
from exsplain.knowledge.facts import Breakup, Contact, Crying, Ex, Me, Safety

SHE = PRONOUNS["she"]

# The sixteen ordinary replies the consultation used to refuse, each with what it means.
REFUSED_BEFORE = [
    (Safety.i_think_of_self_harm, "yeah", True),
    (Safety.i_think_of_self_harm, "ya", True),
    (Safety.ex_self_harm_talk, "nope", False),
    (Safety.ex_self_harm_talk, "nah", False),
    (Safety.threats_or_abuse, "not rly", False),
    (Ex.cries_easily, "yeah kinda", True),
    (Ex.cries_easily, "No.", False),
    (Ex.cries_easily, "yes!!", True),
    (Breakup.ended_by, "she did", "ex"),  # after choosing she / her
    (Breakup.ended_by, "my ex", "ex"),
    (Breakup.ended_by, "I did", "me"),
    (Breakup.ended_by, "both", "mutual"),
    (Breakup.how_long_ago, "2 months", "months"),
    (Crying.frequency, "ocasionally", "sometimes"),
    (Crying.frequency, "evry time", "every_time"),
    (Ex.stressors, "work and family i think", ("work", "family")),
]


@pytest.mark.parametrize("field, reply, value", REFUSED_BEFORE, ids=[r for _, r, _ in REFUSED_BEFORE])
def test_an_everyday_reply_is_read_as_what_it_means(field, reply, value):
    assert field.parse(reply, SHE) == value


@pytest.mark.parametrize("reply, value", [
    ("Yep", True), ("yup", True), ("sure", True), ("of course", True), ("I have", True), ("she has", True),
    ("nope.", False), ("no way", False), ("not really", False), ("I haven't", False), ("she doesn’t", False),
    ("nah, not really", False), ("  YES  ", True), ("1", True), ("2.", False),
])
def test_yes_and_no_in_everyday_words_and_any_digits(reply, value):
    assert Safety.i_think_of_self_harm.parse(reply, SHE) is value


@pytest.mark.parametrize("reply", ["unsure", "not sure", "don't know", "I dont know", "idk", "no idea", "Maybe?"])
def test_not_sure_is_an_answer_of_its_own(reply):
    for field in (Safety.i_think_of_self_harm, Ex.pronoun, Breakup.ended_by, Ex.stressors):
        with pytest.raises(NotSure):
            field.parse(reply, SHE)


def test_not_sure_is_an_answer_where_a_question_offers_it():
    assert Me.want_back.parse("not sure", SHE) == "unsure"
    assert Me.want_back.parse("unsure", SHE) == "unsure"


@pytest.mark.parametrize("reply", ["²", "①", "¹", "٢", "²²²²²²", "⅔", "½", "1" * 5000, "", "0", "4", "\x00",
                                   "\x1b[31m"])
def test_odd_numbers_and_characters_are_refused_with_the_hint(reply):
    with pytest.raises(ReplyError, match="Please"):
        Breakup.ended_by.parse(reply, SHE)


@pytest.mark.parametrize("reply", ["the and my", "work, money", "wrk, famly, mony"])
def test_a_list_that_names_nothing_or_something_unknown_is_refused(reply):
    with pytest.raises(ReplyError, match="Please"):
        Ex.stressors.parse(reply, SHE)


def test_a_near_miss_close_to_two_answers_is_asked_back():
    with pytest.raises(Unclear) as raised:
        Crying.frequency.parse("onse", SHE)  # once? or nothing at all
    assert raised.value.meant == "once" and raised.value.label == "once"


@pytest.mark.parametrize("field, reply, value", [
    (Contact.level, "ocasionally", "occasional"),
    (Contact.level, "ofen", "frequent"),
    (Ex.stressors, "1 3", ("work", "identity")),
    (Ex.stressors, "work,family", ("work", "family")),
    (Ex.stressors, "anxiety & health", ("anxiety", "health")),
    (Ex.stressors, "nothing", ()),
    (Ex.pronoun, "her", "she"),
    (Ex.pronoun, "He/him", "he"),
])
def test_near_misses_and_several_choices(field, reply, value):
    assert field.parse(reply, SHE) == value


@pytest.mark.parametrize("reply, months", [("2 months", 2), ("three weeks ago", 21 / 30.44), ("a year", 12),
                                           ("10 days", 10 / 30.44), ("18 months ago", 18)])
def test_how_long_ago_in_numbers(reply, months):
    assert span_in_months(plain(reply)) == pytest.approx(months)


@pytest.mark.parametrize("reply, value", [("3 weeks", "recent"), ("2 months ago", "months"), ("12 months", "months"),
                                          ("over a year", "years"), ("18 months", "years")])
def test_how_long_ago_names_its_answer(reply, value):
    assert Breakup.how_long_ago.parse(reply, SHE) == value


def test_words_that_are_neither_yes_nor_no():
    assert yes_or_no("often") is None and yes_or_no("blue") is None


@given(reply=st.text(max_size=40))
def test_any_text_is_read_as_an_allowed_answer_or_refused_never_a_crash(reply):
    for field in (Safety.i_think_of_self_harm, Breakup.ended_by, Breakup.how_long_ago, Ex.stressors):
        with contextlib.suppress(ReplyError):  # refused with the hint: fine; anything else raised: a crash
            value = field.parse(reply, SHE)
            field.check(value if field is Safety.i_think_of_self_harm else field.to_data(value))
