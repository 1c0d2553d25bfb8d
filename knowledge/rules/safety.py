"""Safety rules: they go beyond the articles and override every other advice.

The article's advice to leave a struggling ex alone (001 ¶69) is about sadness,
not about talk of self-harm; and no advice to reassure an ex stands where
there were threats or abuse.
"""
from expert.rules import cite, safety
from knowledge.facts import Safety

ACTION = "action"


class SafetyRules:
    """Fire first; recommend urgent help and withhold advice that would be unsafe."""

    self_harm_talk = safety(
        Safety(ex_self_harm_talk=True),
        kind=ACTION,
        concludes="get_urgent_help",
        withholds=("go_no_contact", "stop_comforting_the_dumper"),
        reason=(
            "Your ex has talked about self-harm. Cutting contact or holding back all comfort "
            "could leave {them} alone at a dangerous moment: first make sure {they} can reach "
            "real help."
        ),
        sources=cite("001", 69),
    )
    threats_or_abuse = safety(
        Safety(threats_or_abuse=True),
        kind=ACTION,
        concludes="get_urgent_help",
        withholds=("reassure_then_ask_for_space",),
        reason=(
            "There were threats or abuse. Meeting your ex to soothe {them} is not your job and "
            "may not be safe; keep your distance and put your own safety first."
        ),
        sources=cite("001", (65, 66)),
    )
