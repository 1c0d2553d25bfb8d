"""What to do, by situation and by likely motive (KNOWLEDGE.md §2, actions)."""
from expert.rules import anything_but, believed, cite, conclusion, one_of
from knowledge.facts import Breakup, Contact, Crying, Ex, Me

A, B = "000", "001"
ACTION = "action"


class ActionRules:
    """Recommendations; the catalog gives each its priority and wording."""

    hurtful_remarks_backfire = conclusion(
        Me(say_hurtful_things=True),
        kind=ACTION, concludes="stop_hurtful_remarks", sources=cite(B, (53, 56)),
    )
    i_made_the_decision = conclusion(
        Breakup(ended_by="me"),
        kind=ACTION, concludes="trust_your_decision", sources=cite(A, 21, 25),
    )
    pity_plea = conclusion(
        Breakup(ended_by="me"), believed("plea_to_reconsider", at_least="possible"),
        kind=ACTION, concludes="dont_return_out_of_pity", sources=cite(A, (20, 22)),
    )
    practised_tears = conclusion(
        Breakup(ended_by="me"), believed("learned_manipulation", at_least="possible"),
        kind=ACTION, concludes="dont_return_out_of_pity", sources=cite(A, (26, 29)),
    )
    hoping_dumpee = conclusion(
        Breakup(ended_by="ex"), Me(want_back=one_of("yes", "unsure")),
        kind=ACTION, concludes="dont_read_tears_as_love", sources=cite(B, 10, 26, 39),
    )
    its_not_you_excuse = conclusion(
        Breakup(ended_by="ex", ex_excuse="its_not_you"),
        kind=ACTION, concludes="dont_read_tears_as_love", sources=cite(B, 10, 26, 39),
    )
    friends_with_the_dumper = conclusion(
        Breakup(ended_by="ex"), Contact(as_friends=True),
        kind=ACTION, concludes="end_the_friendship_act", sources=cite(B, (58, 61)),
    )
    tears_in_later_talks = conclusion(
        Breakup(ended_by="ex"), Contact(level=anything_but("none")), Crying(context="later_talks"),
        kind=ACTION, concludes="reassure_then_ask_for_space", sources=cite(B, (65, 66)),
    )
    want_back_after_ending_it = conclusion(
        Breakup(ended_by="me"), Me(want_back=one_of("yes", "unsure")),
        kind=ACTION, concludes="check_your_own_feelings", sources=cite(A, 19),
    )
    unsure_of_my_decision = conclusion(
        Breakup(ended_by="me"), Me(confident_in_decision=False),
        kind=ACTION, concludes="check_your_own_feelings", sources=cite(A, 19),
    )
    ended_together = conclusion(
        Breakup(ended_by="mutual"),
        kind=ACTION, concludes="check_your_own_feelings", sources=cite(A, 19),
    )
    still_in_touch_with_the_dumper = conclusion(
        Breakup(ended_by="ex"), Contact(level=anything_but("none")),
        kind=ACTION, concludes="go_no_contact", sources=cite(B, (63, 64)),
    )
    consoling_the_dumper = conclusion(
        Breakup(ended_by="ex"), Contact(i_comfort_ex=True),
        kind=ACTION, concludes="stop_comforting_the_dumper", sources=cite(B, 62, (68, 70)),
    )
    guilt_of_the_dumpee = conclusion(
        Breakup(ended_by="ex"), Me(feel_guilty=True),
        kind=ACTION, concludes="see_the_responsibility_clearly", sources=cite(B, 22, 44),
    )
    blamed_by_the_dumper = conclusion(
        Breakup(ended_by="ex"), Ex(blames_me=True),
        kind=ACTION, concludes="see_the_responsibility_clearly", sources=cite(B, 22, 44),
    )
    tears_that_dodge_the_talk = conclusion(
        Breakup(ended_by="ex"), believed("avoiding_hard_conversation", at_least="possible"),
        kind=ACTION, concludes="see_the_responsibility_clearly", sources=cite(B, 22, 44),
    )
    left_or_parted = conclusion(
        Breakup(ended_by=one_of("ex", "mutual")),
        kind=ACTION, concludes="focus_on_yourself", sources=cite(B, 43, 67, 70),
    )
    guilt_needs_support = conclusion(
        Me(feel_guilty=True),
        kind=ACTION, concludes="seek_support", sources=cite(B, 72),
    )
    hoping_for_the_dumper = conclusion(
        Breakup(ended_by="ex"), Me(want_back="yes"),
        kind=ACTION, concludes="seek_support", sources=cite(B, 72),
    )
