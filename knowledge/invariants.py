"""The promises every reading keeps where safety is at stake (KNOWLEDGE.md §2).

Each invariant is a test of one analysis that returns the ways it breaks the
promise; ``exsplain check`` runs them over the examples and over every case
``combinations`` gives: each combination of the safety answers, the danger
now, who ended it, what binds the two together and whether the ex relies on
the person, on a case where every stepping-back advice could apply.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from exsplain.expert.case import Case
from exsplain.expert.check import Invariant
from exsplain.expert.wording import fill
from exsplain.knowledge.catalog import ACTIONS, DANGERS
from exsplain.knowledge.resources import ABUSE, DIRECTORY, EMERGENCY, SELF_HARM

STEPPING_BACK = {ACTIONS.go_no_contact.id, ACTIONS.end_the_friendship_act.id, ACTIONS.stop_comforting_the_dumper.id}
ASK_FOR_SPACE = ACTIONS.reassure_then_ask_for_space.id
NEVER_WITHHELD = {ACTIONS.focus_on_yourself.id, ACTIONS.seek_support.id, ACTIONS.reach_out_for_yourself.id}
FROM_EX = next(d for d in DANGERS if d.id == "from_ex")
# Words that ask the person to reach the ex: to meet, reassure, comfort or contact {them}.
REACHING_THE_EX = (r"\b(meet|reassure|comfort|console|soothe|contact|visit|call|text|message|give|answer) {them}\b",
                   r"\blet {them} know\b", r"\btell {them}\b")
LINES = {"emergency": EMERGENCY, "crisis_line": SELF_HARM, "abuse_line": ABUSE}  # placeholders of help lines
PROMISES = (r"\bbelow\b", r"call or text")  # only the region's data may say how a line is reached


def texts(analysis: Any) -> list[tuple[str, str]]:
    """``(id, text)`` for everything a reading says that the knowledge base wrote
    (the one place that reads the report's keys; caveats come with schema 3)."""
    report = analysis.report
    found = [(a["id"], a["advice"]) for a in report["actions"]]
    found += [(w["id"], w["reason"]) for w in report["withheld"]]
    found += [(i["id"], i["text"]) for i in report["insights"]]
    found += [(c["id"], c["text"]) for c in report.get("caveats", [])]
    return found


def raw_texts(analysis: Any) -> list[tuple[str, str]]:
    """``(id, text)`` of each advice given, as written, before its words are filled in."""
    withheld = analysis.inference.withheld()
    found = []
    for conclusion, firings in analysis.inference.drawn(ACTIONS.kind).items():
        if conclusion not in withheld:
            said = [f.rule.says for f in firings if f.rule.says] or [conclusion.text]
            found += [(conclusion.id, text) for text in dict.fromkeys(said)]
    return found


def no_clash(analysis: Any) -> list[str]:
    withheld = {c.id for c in analysis.inference.withheld()}
    given = {a["id"] for a in analysis.report["actions"]}
    held_back, advised = withheld & STEPPING_BACK, given & STEPPING_BACK
    problems = []
    if held_back and advised:
        problems.append(f"advises {', '.join(sorted(advised))} while holding back {', '.join(sorted(held_back))}")
    if held_back and ASK_FOR_SPACE in given:
        problems.append(f"advises {ASK_FOR_SPACE} while holding back {', '.join(sorted(held_back))}")
    return problems


def nothing_for_the_ex_under_threat(analysis: Any) -> list[str]:
    if not FROM_EX.reported(analysis.case):
        return []
    words = analysis.words
    return [f"{id_} asks the person to reach the ex: “{match.group(0)}”"
            for id_, text in texts(analysis) for pattern in REACHING_THE_EX
            if (match := re.search(fill(pattern, words), text, re.IGNORECASE))]


def in_the_order_of_danger(analysis: Any) -> list[str]:
    report, problems = analysis.report, []
    rank = {a.id: n for n, d in enumerate(DANGERS) for a in d.actions}
    urgent = [a["id"] for a in report["actions"] if a["id"] in rank]
    if urgent != sorted(urgent, key=rank.__getitem__):
        problems.append(f"urgent advice out of the order of danger: {', '.join(urgent)}")
    reported = [d for d in DANGERS if d.reported(analysis.case)]
    needs = {kind: n for n, d in reversed(list(enumerate(reported))) for kind in d.resources}
    kinds = [r["for"] for r in report["safety"]["resources"]]
    ranks = [needs.get(kind, len(reported)) for kind in kinds]
    if ranks != sorted(ranks):
        problems.append(f"help lines out of the order of danger: {', '.join(kinds)}")
    return problems


def only_dangers_reported(analysis: Any) -> list[str]:
    words = analysis.words
    return [f"{id_} speaks of {danger.id}, which the case does not report: “{match.group(0)}”"
            for danger in DANGERS if not danger.reported(analysis.case)
            for id_, text in texts(analysis) for pattern in danger.named_by
            if (match := re.search(fill(pattern, words), text, re.IGNORECASE))]


def protection_never_withheld(analysis: Any) -> list[str]:
    return [f"holds back {c.id}" for c in analysis.inference.withheld() if c.id in NEVER_WITHHELD]


def lines_the_region_lists(analysis: Any) -> list[str]:
    listed = {r["for"] for r in analysis.report["safety"]["resources"]}
    problems = []
    for id_, text in raw_texts(analysis):
        for placeholder in re.findall(r"{(\w+)}", text):
            kind = LINES.get(placeholder)
            if kind and kind not in listed and DIRECTORY not in listed:
                problems.append(f"{id_} names a {kind} line, but the reading lists none")
        problems += [f"{id_} promises a line in its own words: “{m.group(0)}”"
                     for pattern in PROMISES if (m := re.search(pattern, text, re.IGNORECASE))]
    return problems


INVARIANTS = (
    Invariant("1", "no reading both advises and holds back stepping back", no_clash),
    Invariant("2", "under threats, abuse or pressure, nothing asks the person to reach the ex for the ex's sake",
              nothing_for_the_ex_under_threat),
    Invariant("3", "urgent advice and help lines come in the order of danger", in_the_order_of_danger),
    Invariant("4", "a text names only the dangers the case reports", only_dangers_reported),
    Invariant("5", "putting yourself first, support and help for yourself are never held back",
              protection_never_withheld),
    Invariant("6", "no text promises a help line the region's list lacks", lines_the_region_lists),
)

# A case where every stepping-back advice could apply, for the combinations to vary.
BASE = {"ex.pronoun": "he", "crying.context": "later_talks", "breakup.how_long_ago": "months",
        "contact.level": "frequent", "contact.as_friends": True, "contact.i_comfort_ex": True}
SAFETY_FIELDS = ("safety.i_think_of_self_harm", "safety.ex_self_harm_talk", "safety.self_harm_as_pressure",
                 "safety.threats_or_abuse", "safety.in_danger_now")
BINDS = ((), ("children",), ("work",), ("study",), ("home",), ("children", "home"))


def combinations() -> Iterator[tuple[str, Case]]:
    """``(name, case)`` for every combination §2 lists (1152 of them)."""
    for values in itertools.product((False, True), repeat=len(SAFETY_FIELDS)):
        for ended_by, binds, relies in itertools.product(("me", "ex", "mutual"), BINDS, (False, True)):
            answers = {**BASE, **dict(zip(SAFETY_FIELDS, values)), "breakup.ended_by": ended_by,
                       "contact.unavoidable": binds, "ex.relies_on_me": relies}
            said = [f"{p.split('.')[1]}" for p, v in zip(SAFETY_FIELDS, values) if v]
            name = (f"{'+'.join(said) or 'no danger'}, ended_by={ended_by}, "
                    f"unavoidable={'+'.join(binds) or 'none'}, relies_on_me={str(relies).lower()}")
            yield name, Case(answers, title=name)
