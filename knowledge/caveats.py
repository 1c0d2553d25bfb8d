"""Caveats: sentences that stand before the motives they qualify.

A caveat is decided here, with the answers that call for it, and carried in
the report; a reading only puts it where the report says.  The first stands
before every motive, so it is listed first.
"""
from exsplain.expert.catalog import Caveat
from exsplain.knowledge.facts import Safety

CAVEATS = (
    Caveat(
        "safety_before_reasons",
        "Whatever lies behind the tears, they never excuse threats or harm. Your own safety matters "
        "more here than working out why your ex cries.",
        when=((Safety.threats_or_abuse, True), (Safety.self_harm_as_pressure, True)),
    ),
    Caveat(
        "self_harm_talk_is_serious",
        "Your ex has talked about hurting {themself}. Whatever else the tears may mean, that talk "
        "is to be taken seriously.",
        # self_harm_as_pressure is talk of self-harm too (it implies ex_self_harm_talk)
        when=((Safety.ex_self_harm_talk, True), (Safety.self_harm_as_pressure, True)),
        before=lambda conclusion: conclusion.tactic,
    ),
)
