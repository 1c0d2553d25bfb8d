"""What the tears do and do not mean: readings that hold whatever the motive."""
from exsplain.expert.catalog import cite
from exsplain.expert.rules import NOT, anything_but, conclusion, one_of
from exsplain.knowledge.articles import WHY_EX_CRIES as B
from exsplain.knowledge.catalog import INSIGHTS
from exsplain.knowledge.facts import Breakup, Contact, Crying, Ex, Me, Safety


class InsightRules:
    """Each rule draws one insight; several rules may draw the same one."""

    tears_of_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), NOT(Ex(asks_to_get_back=True)),
        concludes=INSIGHTS.tears_are_not_a_comeback,
    )
    its_not_you_feeds_hope = conclusion(
        Breakup(ended_by="ex", ex_excuse="its_not_you"),
        concludes=INSIGHTS.false_hope_risk, sources=cite(B, (23, 24)),
    )
    intimacy_feeds_hope = conclusion(
        Breakup(ended_by="ex"), Contact(intimate_since=True),
        concludes=INSIGHTS.false_hope_risk, sources=cite(B, 5),
    )
    following_online_feeds_hope = conclusion(
        Breakup(ended_by="ex"), Me(follow_ex_online=True),
        concludes=INSIGHTS.false_hope_risk, sources=cite(B, (46, 47)),
    )
    contact_feeds_hope = conclusion(
        Breakup(ended_by="ex"), Me(want_back="yes"), Contact(level=anything_but("none")),
        concludes=INSIGHTS.false_hope_risk, sources=cite(B, 39),
    )
    # not beside talk of self-harm (pressure implies it), nor beside a part the person played
    comforting_the_one_who_left = conclusion(
        Breakup(ended_by="ex"), Contact(i_comfort_ex=True), NOT(Safety(ex_self_harm_talk=True)),
        NOT(Me(my_part=True)),
        concludes=INSIGHTS.dumper_is_not_the_victim,
    )
    guilty_after_being_left = conclusion(
        Breakup(ended_by="ex"), Me(feel_guilty=True), NOT(Safety(ex_self_harm_talk=True)), NOT(Me(my_part=True)),
        concludes=INSIGHTS.dumper_is_not_the_victim,
    )
    tears_leave_the_problems = conclusion(
        Breakup(ended_by="me"),
        concludes=INSIGHTS.tears_do_not_erase_problems,
    )
    tears_cut_me_short = conclusion(
        Breakup(ended_by="ex"), Crying(before_i_can_speak=True),
        concludes=INSIGHTS.accountability_blocked,
    )
    no_account_of_the_ending = conclusion(
        Breakup(ended_by="ex"), Me(have_closure=False),
        concludes=INSIGHTS.accountability_blocked,
    )
    one_cry_at_the_breakup_talk = conclusion(
        Breakup(ended_by="ex"), Crying(context="breakup_talk", frequency="once"),
        concludes=INSIGHTS.crying_once_is_common,
    )
    tears_meet_harsh_words = conclusion(
        Me(say_hurtful_things=True),
        concludes=INSIGHTS.tears_are_not_weakness,
    )
    left_without_blame = conclusion(
        Breakup(ended_by="ex", ex_excuse=one_of("none", "its_not_you", "lost_feelings")), Ex(blames_me=False),
        concludes=INSIGHTS.you_are_not_blamed,
    )
