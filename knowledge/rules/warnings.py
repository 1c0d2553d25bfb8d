"""Warnings about the answers themselves: what does not add up, what is missing."""
from exsplain.expert.review import AnswersFromAnotherSituation, OverruledAnswers
from exsplain.expert.rules import conclusion, unknown
from exsplain.knowledge.catalog import WARNINGS
from exsplain.knowledge.facts import Breakup, Contact, Crying, Safety


class WarningRules:
    """Doubtful or missing answers, said in words the person recognises."""

    crying_in_talks_without_contact = conclusion(
        Crying(context="later_talks"), Contact(level="none"),
        concludes=WARNINGS.contact_mismatch,
    )
    own_safety_unanswered = conclusion(
        unknown(Safety, "i_think_of_self_harm"), concludes=WARNINGS.safety_unanswered,
    )
    ex_self_harm_unanswered = conclusion(
        unknown(Safety, "ex_self_harm_talk"), concludes=WARNINGS.safety_unanswered,
    )
    pressure_unanswered = conclusion(
        Safety(ex_self_harm_talk=True), unknown(Safety, "self_harm_as_pressure"),
        concludes=WARNINGS.safety_unanswered,
    )
    threats_unanswered = conclusion(
        unknown(Safety, "threats_or_abuse"), concludes=WARNINGS.safety_unanswered,
    )
    danger_now_unanswered_with_dark_thoughts = conclusion(
        Safety(i_think_of_self_harm=True), unknown(Safety, "in_danger_now"), concludes=WARNINGS.safety_unanswered,
    )
    danger_now_unanswered_with_threats = conclusion(
        Safety(threats_or_abuse=True), unknown(Safety, "in_danger_now"), concludes=WARNINGS.safety_unanswered,
    )
    danger_now_unanswered_with_pressure = conclusion(
        Safety(self_harm_as_pressure=True), unknown(Safety, "in_danger_now"), concludes=WARNINGS.safety_unanswered,
    )
    answers_that_disagree = OverruledAnswers(WARNINGS.answers_disagree)
    answers_from_another_situation = AnswersFromAnotherSituation(
        WARNINGS.irrelevant_answer, situation=(Breakup.ended_by, Crying.context),
    )
