"""The facts a case can state, one experta ``Fact`` class per case-file table.

Field names and values are a public interface (case files and reports use
them); see ``KNOWLEDGE.md`` §1.
"""
from expert.vocabulary import Choice, ChoiceSet, Fact, Flag, TableFact


class Stressor(Fact):
    """One entry of ``ex.stressors``, declared on its own so rules can match it."""


class Breakup(TableFact):
    """Who ended the relationship, and how the ex explained it."""

    table = "breakup"
    ended_by = Choice("me", "ex", "mutual")
    ex_excuse = Choice("none", "its_not_you", "lost_feelings", "blamed_me")


class Crying(TableFact):
    """When and how the ex cries."""

    table = "crying"
    context = Choice("breakup_talk", "later_talks")
    frequency = Choice("once", "sometimes", "every_time")
    before_i_can_speak = Flag()


class Ex(TableFact):
    """What the ex is like and what the ex says."""

    table = "ex"
    pronoun = Choice("he", "she", "they")
    failed_relationships = Choice("none", "few", "many")
    used_tears_before = Flag()
    cries_easily = Flag()
    usually_empathetic = Flag()
    stressors = ChoiceSet(
        "work", "life_direction", "identity", "depression", "anxiety", "health", "family", "other", item=Stressor
    )
    blames_me = Flag()
    said_no_one_better = Flag()
    asks_to_get_back = Flag()


class Contact(TableFact):
    """How much the two of you are still in touch."""

    table = "contact"
    level = Choice("none", "occasional", "frequent")
    as_friends = Flag()
    i_comfort_ex = Flag()


class Me(TableFact):
    """Where the person asking stands."""

    table = "me"
    want_back = Choice("yes", "no", "unsure")
    confident_in_decision = Flag()
    say_hurtful_things = Flag()
    feel_guilty = Flag()
    have_closure = Flag()


class Safety(TableFact):
    """Signs that call for help beyond this program."""

    table = "safety"
    ex_self_harm_talk = Flag()
    threats_or_abuse = Flag()


TABLES = (Breakup, Crying, Ex, Contact, Me, Safety)
