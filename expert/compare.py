"""Differences between two reports: what-if analysis and sensitivity.

A report's conclusions are compared kind by kind: hypotheses by certainty,
everything else by presence.  Sensitivity asks the same question for every
possible answer to every relevant question still open.
"""
from expert.vocabulary import ChoiceSet

COMPARED = ("insights", "actions", "withheld", "warnings")


def present(report, key):
    return list(dict.fromkeys(item["id"] for item in report[key]))


def difference(kb, before, after):
    """What changed from report ``before`` to report ``after``."""
    hypotheses = f"{kb.catalog.hypothesis_kind}s"
    old = {m["id"]: m["certainty"] for m in before[hypotheses]}
    new = {m["id"]: m["certainty"] for m in after[hypotheses]}
    changed = [
        {"id": h, "before": old.get(h, 0.0), "after": new.get(h, 0.0)}
        for h in kb.catalog.hypotheses
        if old.get(h, 0.0) != new.get(h, 0.0)
    ]
    result = {hypotheses: changed}
    for key in COMPARED:
        was, now = present(before, key), present(after, key)
        result[key] = {"added": [i for i in now if i not in was], "removed": [i for i in was if i not in now]}
    return result


def size(diff):
    """How much a difference changes: one per hypothesis moved, conclusion added or removed."""
    return sum(len(v) if isinstance(v, list) else len(v["added"]) + len(v["removed"]) for v in diff.values())


def possible_answers(answer):
    """The answers sensitivity tries: every value, or for a list field each single item and none."""
    if isinstance(answer, ChoiceSet):
        return [()] + [(v,) for v in answer.values]
    return list(answer.values)


def sensitivity(kb, case, report, analyze):
    """For each unanswered relevant question, what each possible answer would change.

    ``analyze(case)`` returns a report.  Questions come most influential first.
    """
    found = []
    for path in report["unanswered"]:
        answers = []
        for value in possible_answers(kb.vocabulary.answer(path)):
            diff = difference(kb, report, analyze(case.with_answers(**{path: value})))
            answers.append({"value": list(value) if isinstance(value, tuple) else value, "changes": diff})
        found.append({"field": path, "impact": max(size(a["changes"]) for a in answers), "answers": answers})
    return sorted(found, key=lambda q: -q["impact"])
