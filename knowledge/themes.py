"""The themes actions are read under and the dangers a case can report.

Stand-in for the v3 catalog (branch ``knowledge`` declares the same data in
the same shape: ``Catalog.themes``, ``Catalog.dangers`` and each action's
``theme``); the merge keeps one of them.
"""
from exsplain.expert.catalog import Danger
from exsplain.knowledge.facts import Safety
from exsplain.knowledge.resources import ABUSE, EMERGENCY, SELF_HARM

THEMES = (
    ("safety", "Your safety"),
    ("contact", "Contact with your ex"),
    ("clarity", "Seeing it clearly"),
    ("yourself", "Looking after yourself"),
)

DANGERS = (
    Danger("own_life", (Safety.i_think_of_self_harm,), (EMERGENCY, SELF_HARM)),  # and v3's in_danger_now
    Danger("from_ex", (Safety.threats_or_abuse, Safety.self_harm_as_pressure), (EMERGENCY, ABUSE)),
    # threatening self-harm as pressure is talk of self-harm too
    Danger("ex_life", (Safety.ex_self_harm_talk, Safety.self_harm_as_pressure), (EMERGENCY, SELF_HARM)),
)

ACTION_THEMES = {
    "call_emergency_now": "safety", "reach_out_for_yourself": "safety", "put_your_safety_first": "safety",
    "plan_a_safe_exit": "safety", "get_urgent_help": "safety", "get_support_at_work_or_school": "safety",
    "stop_hurtful_remarks": "contact", "point_to_professional_help": "contact", "end_the_friendship_act": "contact",
    "reassure_then_ask_for_space": "contact", "keep_contact_practical": "contact", "go_no_contact": "contact",
    "stop_comforting_the_dumper": "contact",
    "trust_your_decision": "clarity", "dont_return_out_of_pity": "clarity", "dont_read_tears_as_love": "clarity",
    "ask_what_has_changed": "clarity", "check_your_own_feelings": "clarity",
    "see_the_responsibility_clearly": "clarity", "own_your_part": "clarity",
    "stop_following_online": "yourself", "give_it_time": "yourself", "focus_on_yourself": "yourself",
    "seek_support": "yourself",
}
