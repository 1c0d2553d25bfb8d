"""Safety rules: they go beyond the articles and win every conflict.

Talk of self-harm is taken seriously, and the person is never made
responsible for the ex's safety; threats, and self-harm talk used as
pressure, are treated as abuse: limit contact and make a safety plan.  The
articles' advice to leave a sad ex alone (001 ¶69) is about sadness, not
about either of these, so none of it is cited here.
"""
from exsplain.expert.rules import NOT, safety
from exsplain.knowledge.articles import SAFETY
from exsplain.knowledge.catalog import ACTIONS
from exsplain.knowledge.facts import Safety, Unavoidable

BEFORE_STEPPING_BACK = (
    "Your ex has talked about hurting {themself}. Before you step back, make sure someone else, such as "
    "{their} family or a friend, knows and can be there for {them}."
)
STEPPING_BACK = (ACTIONS.stop_comforting_the_dumper, ACTIONS.focus_on_yourself, ACTIONS.end_the_friendship_act)
PRESSURE = (
    "Threatening self-harm to make you stay or answer is a form of abuse. You do not have to stay, reply "
    "or go back because of it; if you fear for {their} life, call the emergency number or {their} family "
    "instead."
)
SAFETY_PLAN = (
    "Make a safety plan: tell someone you trust what has happened, keep a record of threats and "
    "messages, think about where you could go if you needed to, and meet your ex only in a public place, "
    "or not at all. The helplines below can help you plan."
)
LIMIT_CONTACT = "Limit contact with your ex as far as you can, and do not meet {them} alone."
THIRD_PARTY = (
    "Since you cannot stop seeing each other, keep contact to the shared matter, in writing or through "
    "someone else where you can, and do not meet {them} alone."
)


class SafetyRules:
    """Fire first; point to real help and hold back advice that would be unsafe."""

    own_dark_thoughts = safety(
        Safety(i_think_of_self_harm=True),
        concludes=ACTIONS.reach_out_for_yourself, sources=SAFETY,
    )
    self_harm_talk = safety(
        Safety(ex_self_harm_talk=True),
        concludes=ACTIONS.get_urgent_help, withholds=STEPPING_BACK, reason=BEFORE_STEPPING_BACK, sources=SAFETY,
    )
    self_harm_talk_without_danger_to_me = safety(
        Safety(ex_self_harm_talk=True), NOT(Safety(threats_or_abuse=True)), NOT(Safety(self_harm_as_pressure=True)),
        withholds=(ACTIONS.go_no_contact,), reason=BEFORE_STEPPING_BACK, sources=SAFETY,
    )
    self_harm_as_pressure = safety(
        Safety(self_harm_as_pressure=True),
        concludes=ACTIONS.put_your_safety_first, says=PRESSURE, sources=SAFETY,
    )
    pressure_is_self_harm_talk = safety(  # a file may give the pressure without the talk it implies
        Safety(self_harm_as_pressure=True), NOT(Safety(ex_self_harm_talk=True)),
        concludes=ACTIONS.get_urgent_help, withholds=STEPPING_BACK, reason=BEFORE_STEPPING_BACK, sources=SAFETY,
    )
    threats_or_abuse = safety(
        Safety(threats_or_abuse=True),
        concludes=ACTIONS.put_your_safety_first, says=SAFETY_PLAN,
        withholds=(ACTIONS.reassure_then_ask_for_space,),
        reason="Your ex has threatened or hurt you. Calming {them} down is not your job and may not be safe.",
        sources=SAFETY,
    )
    distance_from_threats = safety(
        Safety(threats_or_abuse=True), NOT(Unavoidable()),
        concludes=ACTIONS.go_no_contact, says=LIMIT_CONTACT, sources=SAFETY,
    )
    distance_from_pressure = safety(
        Safety(self_harm_as_pressure=True), NOT(Unavoidable()),
        concludes=ACTIONS.go_no_contact, says=LIMIT_CONTACT, sources=SAFETY,
    )
    unavoidable_contact_with_threats = safety(
        Safety(threats_or_abuse=True), Unavoidable(further=False),
        concludes=ACTIONS.keep_contact_practical, says=THIRD_PARTY, sources=SAFETY,
    )
    unavoidable_contact_with_pressure = safety(
        Safety(self_harm_as_pressure=True), Unavoidable(further=False),
        concludes=ACTIONS.keep_contact_practical, says=THIRD_PARTY, sources=SAFETY,
    )
