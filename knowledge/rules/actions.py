"""What to do, by situation and by likely motive."""
from exsplain.expert.catalog import beyond_the_articles, cite
from exsplain.expert.rules import NOT, anything_but, believed, conclusion, one_of, unknown
from exsplain.knowledge.articles import SAFETY
from exsplain.knowledge.articles import WHY_EX_CRIES as B
from exsplain.knowledge.articles import WHY_HE_CRIED as A
from exsplain.knowledge.catalog import ACTIONS, MOTIVES
from exsplain.knowledge.facts import Breakup, Contact, Crying, Ex, Me, Safety, Unavoidable

NOT_YEARS_AGO = NOT(Breakup(how_long_ago="years"))
NOTHING_BINDS_US = NOT(Unavoidable())
NO_THREATS, NO_PRESSURE = NOT(Safety(threats_or_abuse=True)), NOT(Safety(self_harm_as_pressure=True))
WORTH_HOLDING_ON_TO = (
    "You do not want to go back, and that wish is worth holding on to, even when the tears make you waver."
)
OTHER_HELP_FOR_THEM = (
    "It is not your job to soothe the person who ended it on your own. Stepping back from comforting "
    "{them} goes with pointing {them} to other help, such as a doctor, a counsellor or the people close "
    "to {them}, and keeping some energy for yourself."
)
RELIED_ON = beyond_the_articles("being the main support of someone who is struggling is a lot to carry alone")


class ActionRules:
    """Recommendations; the catalog gives each its priority and wording."""

    hurtful_remarks_backfire = conclusion(
        Me(say_hurtful_things=True),
        concludes=ACTIONS.stop_hurtful_remarks,
    )
    sure_of_my_decision = conclusion(
        Breakup(ended_by="me"), Me(confident_in_decision=True), NOT(Me(want_back=one_of("yes", "unsure"))),
        concludes=ACTIONS.trust_your_decision,
    )
    no_wish_to_go_back = conclusion(
        Breakup(ended_by="me"), Me(want_back="no"), unknown(Me, "confident_in_decision"),
        concludes=ACTIONS.trust_your_decision, says=WORTH_HOLDING_ON_TO, sources=cite(A, 25),
    )
    pity_plea = conclusion(
        Breakup(ended_by="me"), believed(MOTIVES.plea_to_reconsider),
        concludes=ACTIONS.dont_return_out_of_pity, sources=cite(A, (20, 22)),
    )
    practised_tears = conclusion(
        Breakup(ended_by="me"), believed(MOTIVES.learned_manipulation),
        concludes=ACTIONS.dont_return_out_of_pity, sources=cite(A, (26, 28)),
    )
    hoping_after_being_left = conclusion(
        Breakup(ended_by="ex"), Me(want_back=one_of("yes", "unsure")),
        concludes=ACTIONS.dont_read_tears_as_love, sources=cite(B, 10, 26),
    )
    its_not_you_excuse = conclusion(
        Breakup(ended_by="ex", ex_excuse="its_not_you"),
        concludes=ACTIONS.dont_read_tears_as_love, sources=cite(B, 26, 39),
    )
    intimacy_after_being_left = conclusion(
        Breakup(ended_by="ex"), Contact(intimate_since=True),
        concludes=ACTIONS.dont_read_tears_as_love, sources=cite(B, 5, 10),
    )
    asked_back_by_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), Ex(asks_to_get_back=True),
        concludes=ACTIONS.ask_what_has_changed,
    )
    friends_with_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), Contact(as_friends=True), NOT_YEARS_AGO, NOTHING_BINDS_US,
        concludes=ACTIONS.end_the_friendship_act,
    )
    tears_in_later_talks = conclusion(
        Breakup(ended_by="ex"), Contact(level=anything_but("none")), Crying(context="later_talks"), NOT_YEARS_AGO,
        concludes=ACTIONS.reassure_then_ask_for_space,
    )
    contact_that_cannot_end = conclusion(
        Unavoidable(further=False),
        concludes=ACTIONS.keep_contact_practical,
    )
    wavering_after_ending_it = conclusion(
        Breakup(ended_by="me"), Me(want_back=one_of("yes", "unsure")),
        concludes=ACTIONS.check_your_own_feelings,
    )
    unsure_of_my_decision = conclusion(
        Breakup(ended_by="me"), Me(confident_in_decision=False),
        concludes=ACTIONS.check_your_own_feelings,
    )
    ended_together = conclusion(
        Breakup(ended_by="mutual"),
        concludes=ACTIONS.check_your_own_feelings,
    )
    still_in_touch_with_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), Contact(level=anything_but("none")), NOT_YEARS_AGO, NOTHING_BINDS_US,
        concludes=ACTIONS.go_no_contact,
    )
    consoling_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), Contact(i_comfort_ex=True),
        concludes=ACTIONS.stop_comforting_the_dumper,
    )
    consoling_one_who_relies_on_me = conclusion(  # pointing to help is reaching out: never under threats
        Breakup(ended_by="ex"), Contact(i_comfort_ex=True), Ex(relies_on_me=True), NO_THREATS, NO_PRESSURE,
        concludes=ACTIONS.stop_comforting_the_dumper, says=OTHER_HELP_FOR_THEM,
        sources=cite(B, 62) + RELIED_ON,
    )
    the_one_they_rely_on = conclusion(
        Ex(relies_on_me=True), NO_THREATS, NO_PRESSURE,
        concludes=ACTIONS.point_to_professional_help,
    )
    guilt_after_being_left = conclusion(
        Breakup(ended_by="ex"), Me(feel_guilty=True), NOT(Me(my_part=True)),
        concludes=ACTIONS.see_the_responsibility_clearly,
    )
    blamed_by_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), Ex(blames_me=True), NOT(Me(my_part=True)),
        concludes=ACTIONS.see_the_responsibility_clearly,
    )
    tears_that_dodge_the_talk = conclusion(
        Breakup(ended_by="ex"), believed(MOTIVES.avoiding_hard_conversation), NOT(Me(my_part=True)),
        concludes=ACTIONS.see_the_responsibility_clearly,
    )
    my_part_in_the_ending = conclusion(
        Me(my_part=True),
        concludes=ACTIONS.own_your_part,
    )
    following_the_ex_online = conclusion(
        Me(follow_ex_online=True),
        concludes=ACTIONS.stop_following_online,
    )
    a_fresh_loss = conclusion(
        Breakup(ended_by=one_of("ex", "mutual"), how_long_ago=one_of("recent", "months")),
        concludes=ACTIONS.give_it_time,
    )
    left_or_parted = conclusion(
        Breakup(ended_by=one_of("ex", "mutual")),
        concludes=ACTIONS.focus_on_yourself,
    )
    guilt_needs_support = conclusion(
        Me(feel_guilty=True),
        concludes=ACTIONS.seek_support,
    )
    hoping_for_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), Me(want_back="yes"),
        concludes=ACTIONS.seek_support,
    )
    support_through_dark_thoughts = conclusion(
        Safety(i_think_of_self_harm=True),
        concludes=ACTIONS.seek_support, sources=SAFETY,
    )
    support_against_threats = conclusion(
        Safety(threats_or_abuse=True),
        concludes=ACTIONS.seek_support, sources=SAFETY,
    )
    support_against_pressure = conclusion(
        Safety(self_harm_as_pressure=True),
        concludes=ACTIONS.seek_support, sources=SAFETY,
    )
    support_for_the_one_relied_on = conclusion(
        Ex(relies_on_me=True),
        concludes=ACTIONS.seek_support, sources=RELIED_ON,
    )
