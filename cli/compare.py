"""What-if and sensitivity said in words: which answer, and what it would change."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exsplain.cli.layout import Page
from exsplain.expert.report import FIRST
from exsplain.expert.wording import fill

if TYPE_CHECKING:
    from exsplain.expert.case import Case
    from exsplain.expert.fields import Field
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase


def answer_words(field: Field, value: Any, words: dict[str, str]) -> str:
    """An answer as the person would give it, or "no answer" for an unknown one."""
    if value is None:
        return "no answer"
    return fill(field.label(value), words)


def change_phrases(kb: KnowledgeBase, diff: dict[str, Any], words: dict[str, str]) -> list[str]:
    """Each change in a difference between two reports, as a short phrase in words."""
    labels = kb.labels(words)

    def quoted(ids: list[str]) -> str:
        return ", ".join(f"“{labels[i]}”" for i in ids)

    phrases = []
    for kind in kb.kinds:
        if kind.ranked:
            phrases += [f"“{labels[m['id']]}” would go from {m['before']:.2f} to {m['after']:.2f}"
                        for m in diff[kind.key]]
            continue
        added, removed = diff[kind.key]["added"], diff[kind.key]["removed"]
        if kind.withheld_key:  # advice that moved to "held back" is said once, there
            removed = [i for i in removed if i not in diff[kind.withheld_key]["added"]]
        if kind.prioritised:
            urgent = [i for i in added if kb.conclusion(i).priority == FIRST]
            added = [i for i in added if i not in urgent]
            if urgent:
                phrases.append(f"help would come first: {quoted(urgent)}")
        if added:
            phrases.append(f"added to “{kind.heading}”: {quoted(added)}")
        if removed:
            phrases.append(f"gone from “{kind.heading}”: {quoted(removed)}")
        if kind.withheld_key:
            held = diff[kind.withheld_key]
            if held["added"]:
                phrases.append(f"held back for now: {quoted(held['added'])}")
            if held["removed"]:
                phrases.append(f"no longer held back: {quoted(held['removed'])}")
    return phrases


def whatif_lines(kb: KnowledgeBase, case: Case, changes: dict[str, Any], diff: dict[str, Any], page: Page) -> list[str]:
    words = kb.catalog.wording(case)
    lines = []
    for path, value in changes.items():
        field = kb.vocabulary.field(path)
        question = fill(field.question, words)
        now = answer_words(field, case.get(path), words)
        lines += page.wrap(f"If your answer to “{question}” were “{answer_words(field, value, words)}” "
                           f"(it is now “{now}”):")
    phrases = change_phrases(kb, diff, words)
    lines += [line for p in phrases for line in page.item(p[0].upper() + p[1:] + ".")]
    return lines + ([] if phrases else page.item("Nothing in the reading would change."))


def sensitivity_lines(analysis: Analysis, questions: list[dict[str, Any]], page: Page) -> list[str]:
    kb, words = analysis.kb, analysis.words
    lines = page.wrap("Safety questions first, then the answers that would change the most.")
    for question in questions:
        field = kb.vocabulary.field(question["field"])
        lines += ["", *page.wrap(f"“{fill(field.question, words)}”")]
        for answer in question["answers"]:
            value = field.check(answer["value"]) if isinstance(answer["value"], list) else answer["value"]
            phrases = change_phrases(kb, answer["changes"], words) or ["nothing would change"]
            lines += page.item(f"If “{answer_words(field, value, words)}”: " + "; ".join(phrases) + ".", indent="  ")
    return lines
