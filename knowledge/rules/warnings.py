"""Warnings about doubtful input that the rules can spot."""
from expert.rules import cite, conclusion
from knowledge.facts import Contact, Crying

WARNING = "warning"


class WarningRules:
    """Inconsistent answers; ``irrelevant_answer`` is found by the relevance analysis."""

    crying_in_talks_without_contact = conclusion(
        Crying(context="later_talks"), Contact(level="none"),
        kind=WARNING, concludes="contact_mismatch", sources=cite("001", 2),
    )
