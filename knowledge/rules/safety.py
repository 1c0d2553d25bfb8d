"""Safety rules: one model of danger, beyond the articles; they win every conflict.

A case can report three dangers, handled in this order: the person's own
life, their safety from the ex (threats, abuse, or self-harm talk used as
pressure, which is a form of abuse), and the ex's life.  Nothing that
protects the person is ever held back.  Under threats, abuse or pressure,
stepping back is advised and no text asks the person to reach the ex for the
ex's sake.  The ex's talk of self-harm alone holds stepping back until
someone else knows, unless the person is in crisis too.  The articles'
advice to leave a sad ex alone (001 ¶69) is about sadness, not about any of
this, so none of it is cited here.  A condition on threats and one on
pressure are written as two rules: a rule's patterns are a conjunction.
"""
from exsplain.expert.rules import NOT, one_of, safety
from exsplain.knowledge.articles import SAFETY
from exsplain.knowledge.catalog import ACTIONS
from exsplain.knowledge.facts import Safety, Unavoidable

THREATS, PRESSURE = Safety(threats_or_abuse=True), Safety(self_harm_as_pressure=True)
NO_THREATS, NO_PRESSURE = NOT(THREATS), NOT(PRESSURE)
AT_HOME, NOT_AT_HOME = Unavoidable(kind="home"), NOT(Unavoidable(kind="home"))
AT_WORK_OR_STUDY = Unavoidable(kind=one_of("work", "study"))
NOTHING_BINDS_US = NOT(Unavoidable())

STEPPING_BACK = (ACTIONS.go_no_contact, ACTIONS.end_the_friendship_act, ACTIONS.stop_comforting_the_dumper,
                 ACTIONS.reassure_then_ask_for_space)  # asking for space is stepping back too
BEFORE_STEPPING_BACK = (
    "Your ex has talked about hurting {themself}. Before you step back, make sure someone else, such as "
    "{their} family or a friend, knows and can be there for {them}."
)
NO_NEED_TO_REASSURE = "You do not need to stay and reassure someone who threatens you."

WITH_DANGER_NOW_AND_DARK_THOUGHTS = (
    "If you are in danger right now, call {emergency} now. If you might act on thoughts of hurting "
    "yourself, you can also go to the nearest emergency department. Everything else here can wait."
)
PRESSURE_IS_ABUSE = (
    "Threatening self-harm to make you stay, answer or come back is a form of abuse: you do not have to "
    "stay, answer or give in because of it. "
)
PLAN_AT_HOME = (
    "Make a safety plan: tell someone you trust what has happened, keep a record of threats and "
    "messages, and think about where you could go. Since you live together, plan any move with a "
    "helpline first, as the advice on leaving safely says: you can {abuse_line}; if you are in danger, "
    "call {emergency}."
)
PLAN = ACTIONS.put_your_safety_first.text
WHILE_IN_CRISIS = (
    "Your own safety comes first, and you do not have to carry this alone: telling someone close to "
    "{them}, such as family or a friend, is enough. If {they} may be in danger now, call {emergency}. "
    "You are not responsible for {their} safety."
)
FROM_WHERE_YOU_ARE = (
    "If you fear for {their} life, call {emergency}, who can send help, or let {their} family or "
    "friends know. Do it from where you are, without going to {them}. You do not have to stay, answer "
    "or give in."
)
LIMIT_CONTACT = (
    "Keep as far from your ex as you can. If you have to see each other, do it only in a public place "
    "and never alone; not seeing each other at all is fine too."
)
CHILDREN = (
    "For the children, ask a helpline or a lawyer about child arrangements and protection orders; once "
    "you live apart, hand over through another person or in a public place, and keep messages in writing."
)
WORK_OR_STUDY = (
    "Where you work or study together, keep contact to what the shared work needs, in writing where you "
    "can, with someone responsible told of what has happened."
)
SHARED_HOME = (
    "While you still share a home, keep talk to practical matters and follow the plan for leaving safely."
)


class SafetyRules:
    """Fire first; point to real help and hold back only advice that would be unsafe."""

    # 1. the person's own life
    in_danger_now = safety(
        Safety(in_danger_now=True),
        concludes=ACTIONS.call_emergency_now, sources=SAFETY,
    )
    in_danger_with_dark_thoughts = safety(
        Safety(in_danger_now=True), Safety(i_think_of_self_harm=True),
        concludes=ACTIONS.call_emergency_now, says=WITH_DANGER_NOW_AND_DARK_THOUGHTS, sources=SAFETY,
    )
    own_dark_thoughts = safety(
        Safety(i_think_of_self_harm=True),
        concludes=ACTIONS.reach_out_for_yourself, sources=SAFETY,
    )

    # 2. the person's safety from the ex: a plan, no reassuring, stepping back advised
    threats_or_abuse = safety(
        THREATS, NO_PRESSURE, NOT_AT_HOME,
        concludes=ACTIONS.put_your_safety_first, withholds=(ACTIONS.reassure_then_ask_for_space,),
        reason=NO_NEED_TO_REASSURE, sources=SAFETY,
    )
    threats_at_home = safety(
        THREATS, NO_PRESSURE, AT_HOME,
        concludes=ACTIONS.put_your_safety_first, says=PLAN_AT_HOME,
        withholds=(ACTIONS.reassure_then_ask_for_space,), reason=NO_NEED_TO_REASSURE, sources=SAFETY,
    )
    self_harm_as_pressure = safety(
        PRESSURE, NOT_AT_HOME,
        concludes=ACTIONS.put_your_safety_first, says=PRESSURE_IS_ABUSE + PLAN,
        withholds=(ACTIONS.reassure_then_ask_for_space,), reason=NO_NEED_TO_REASSURE, sources=SAFETY,
    )
    pressure_at_home = safety(
        PRESSURE, AT_HOME,
        concludes=ACTIONS.put_your_safety_first, says=PRESSURE_IS_ABUSE + PLAN_AT_HOME,
        withholds=(ACTIONS.reassure_then_ask_for_space,), reason=NO_NEED_TO_REASSURE, sources=SAFETY,
    )
    leaving_a_home_shared_with_threats = safety(
        THREATS, AT_HOME,
        concludes=ACTIONS.plan_a_safe_exit, sources=SAFETY,
    )
    leaving_a_home_shared_with_pressure = safety(
        PRESSURE, AT_HOME,
        concludes=ACTIONS.plan_a_safe_exit, sources=SAFETY,
    )
    threats_where_we_work_or_study = safety(
        THREATS, AT_WORK_OR_STUDY,
        concludes=ACTIONS.get_support_at_work_or_school, sources=SAFETY,
    )
    pressure_where_we_work_or_study = safety(
        PRESSURE, AT_WORK_OR_STUDY,
        concludes=ACTIONS.get_support_at_work_or_school, sources=SAFETY,
    )
    distance_from_threats = safety(
        THREATS, NOTHING_BINDS_US,
        concludes=ACTIONS.go_no_contact, says=LIMIT_CONTACT, sources=SAFETY,
    )
    distance_from_pressure = safety(
        PRESSURE, NOTHING_BINDS_US,
        concludes=ACTIONS.go_no_contact, says=LIMIT_CONTACT, sources=SAFETY,
    )
    children_shared_with_threats = safety(
        THREATS, Unavoidable(kind="children"),
        concludes=ACTIONS.keep_contact_practical, says=CHILDREN, sources=SAFETY,
    )
    children_shared_with_pressure = safety(
        PRESSURE, Unavoidable(kind="children"),
        concludes=ACTIONS.keep_contact_practical, says=CHILDREN, sources=SAFETY,
    )
    work_shared_with_threats = safety(
        THREATS, AT_WORK_OR_STUDY,
        concludes=ACTIONS.keep_contact_practical, says=WORK_OR_STUDY, sources=SAFETY,
    )
    work_shared_with_pressure = safety(
        PRESSURE, AT_WORK_OR_STUDY,
        concludes=ACTIONS.keep_contact_practical, says=WORK_OR_STUDY, sources=SAFETY,
    )
    home_shared_with_threats = safety(
        THREATS, AT_HOME,
        concludes=ACTIONS.keep_contact_practical, says=SHARED_HOME, sources=SAFETY,
    )
    home_shared_with_pressure = safety(
        PRESSURE, AT_HOME,
        concludes=ACTIONS.keep_contact_practical, says=SHARED_HOME, sources=SAFETY,
    )

    # 3. the ex's life (self_harm_as_pressure implies the talk: see Safety.self_harm_as_pressure)
    self_harm_talk = safety(
        Safety(ex_self_harm_talk=True), NO_THREATS, NO_PRESSURE, NOT(Safety(i_think_of_self_harm=True)),
        concludes=ACTIONS.get_urgent_help, withholds=STEPPING_BACK, reason=BEFORE_STEPPING_BACK, sources=SAFETY,
    )
    self_harm_talk_while_in_crisis = safety(
        Safety(ex_self_harm_talk=True), NO_THREATS, NO_PRESSURE, Safety(i_think_of_self_harm=True),
        concludes=ACTIONS.get_urgent_help, says=WHILE_IN_CRISIS, sources=SAFETY,
    )
    self_harm_talk_with_threats = safety(
        Safety(ex_self_harm_talk=True), THREATS,
        concludes=ACTIONS.get_urgent_help, says=FROM_WHERE_YOU_ARE, sources=SAFETY,
    )
    self_harm_talk_as_pressure = safety(
        PRESSURE,
        concludes=ACTIONS.get_urgent_help, says=FROM_WHERE_YOU_ARE, sources=SAFETY,
    )
