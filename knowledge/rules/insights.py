"""What the tears do and do not mean (KNOWLEDGE.md §2, insights)."""
from expert.rules import anything_but, cite, conclusion
from knowledge.facts import Breakup, Contact, Crying, Me

A, B = "000", "001"
INSIGHT = "insight"


class InsightRules:
    """Readings of the situation that hold whatever the motive."""

    dumper_tears_are_not_a_comeback = conclusion(
        Breakup(ended_by="ex"),
        kind=INSIGHT, concludes="tears_are_not_a_comeback", sources=cite(B, 10, 26),
    )
    its_not_you_feeds_hope = conclusion(
        Breakup(ended_by="ex", ex_excuse="its_not_you"),
        kind=INSIGHT, concludes="false_hope_risk", sources=cite(B, (23, 24)),
    )
    contact_feeds_hope = conclusion(
        Breakup(ended_by="ex"), Me(want_back="yes"), Contact(level=anything_but("none")),
        kind=INSIGHT, concludes="false_hope_risk", sources=cite(B, 39, 47),
    )
    comforting_the_dumper = conclusion(
        Breakup(ended_by="ex"), Contact(i_comfort_ex=True),
        kind=INSIGHT, concludes="dumper_is_not_the_victim", sources=cite(B, (44, 45), 68),
    )
    guilty_dumpee = conclusion(
        Breakup(ended_by="ex"), Me(feel_guilty=True),
        kind=INSIGHT, concludes="dumper_is_not_the_victim", sources=cite(B, (44, 45), 68),
    )
    tears_leave_the_problems = conclusion(
        Breakup(ended_by="me"),
        kind=INSIGHT, concludes="tears_do_not_erase_problems", sources=cite(A, (22, 24)),
    )
    tears_cut_me_short = conclusion(
        Breakup(ended_by="ex"), Crying(before_i_can_speak=True),
        kind=INSIGHT, concludes="accountability_blocked", sources=cite(B, (20, 22), (36, 38)),
    )
    no_account_of_the_ending = conclusion(
        Breakup(ended_by="ex"), Me(have_closure=False),
        kind=INSIGHT, concludes="accountability_blocked", sources=cite(B, (20, 22), (36, 38)),
    )
