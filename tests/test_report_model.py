"""The report decides what a reader sees; the text reading shows exactly that.

Every example is rendered without wrapping, and its caveats, shown motives,
urgent advice, help lines and first action are read back from the text and
compared with the report: in the report's order, and nothing else.
"""
import jsonschema
import pytest

from exsplain.cli.layout import Page
from exsplain.cli.render import report_text
from exsplain.expert.report import summary
from exsplain.expert.schema import report_schema

from conftest import analysis_of, example_files

WIDE = Page(width=10_000, colour=False, fancy=True)
BAR = "┃ "
TACTICS = {"soften_the_blow", "learned_manipulation", "seeking_reassurance", "playing_the_victim",
           "plea_to_reconsider"}
NO_ANSWERS = {"i_think_of_self_harm": False, "ex_self_harm_talk": False, "self_harm_as_pressure": False,
              "threats_or_abuse": False, "in_danger_now": False}


def analysis_with(kb, **tables):
    return kb.analyze(kb.vocabulary.validate(tables), "GB")


def text_of(analysis):
    return report_text(analysis, WIDE).splitlines()


def section(kb, lines, kind):
    """The lines under ``kind``'s heading, up to the next heading of a kind."""
    headings = {k.heading for k in kb.kinds} | {k.withheld_heading for k in kb.kinds if k.withheld_heading}
    start = lines.index(kind.heading) + 1
    end = next((n for n in range(start, len(lines)) if lines[n] in headings), len(lines))
    return lines[start:end]


def help_block(lines):
    return [line[len(BAR):] for line in lines if line.startswith(BAR)]


def motive_kind(kb):
    return next(k for k in kb.kinds if k.ranked)


def motive_head(motive):
    return f"• {motive['label']}: {motive['band']} ({motive['certainty']:.2f})"


def caveats_and_motives(kb, analysis):
    """The caveats and motive items the motives section shows, in its order."""
    kind, phrases = motive_kind(kb), kb.catalog.phrases
    texts = {c["text"] for c in analysis.report["caveats"]}
    seen = []
    for line in section(kb, text_of(analysis), kind):
        if line.startswith("• "):
            seen.append(line.rsplit(" [", 1)[0])
        elif line and not line.startswith(" ") and not line.startswith(phrases["less_likely"].split("{")[0]) \
                and line not in (phrases["possibilities"], phrases["no_motive"]) and not line.startswith("Likely means"):
            seen.append(line)
            assert line in texts, f"a line the report does not hold among the motives: {line!r}"
    return seen


def expected_caveats_and_motives(report):
    """Caveats for all motives first, then each shown motive after the caveats that stand before it first."""
    caveats = report["caveats"]
    out = [c["text"] for c in caveats if c["before"] == "all_motives"]
    placed = set()
    for motive in [m for m in report["motives"] if m["shown"]]:
        for caveat in caveats:
            if caveat["before"] != "all_motives" and caveat["id"] not in placed and motive["id"] in caveat["before"]:
                out.append(caveat["text"])
                placed.add(caveat["id"])
        out.append(motive_head(motive))
    return out


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_the_text_shows_the_caveats_and_shown_motives_of_the_report_in_its_order_and_nothing_else(kb, path):
    analysis = analysis_of(kb, path)
    report = analysis.report
    assert caveats_and_motives(kb, analysis) == expected_caveats_and_motives(report)
    less = [m["label"] for m in report["motives"] if not m["shown"]]
    lines = section(kb, text_of(analysis), motive_kind(kb))
    less_lines = [line for line in lines if line.startswith("Less likely: ")]
    assert less_lines == ([f"Less likely: {'; '.join(less)}."] if less else [])


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_a_motive_is_shown_when_it_is_at_least_possible(kb, path):
    motives = analysis_of(kb, path).report["motives"]
    assert all(m["shown"] == (m["band"] in ("likely", "possible")) for m in motives)
    assert any(m["shown"] for m in motives) or not motives or all(m["band"] == "unlikely" for m in motives)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_the_help_block_shows_the_urgent_advice_and_help_lines_of_the_report_in_its_order(kb, path):
    analysis = analysis_of(kb, path)
    report, safety = analysis.report, analysis.report["safety"]
    block = help_block(text_of(analysis))
    assert bool(block) == safety["help_first"]
    if not block:
        return
    labels = {a["id"]: a["label"] for a in report["actions"]}
    all_labels = {fill_label(kb, c) for k in kb.kinds if k.prioritised for c in kb.catalog.of_kind(k)}
    assert [line for line in block if line in all_labels | set(labels.values())] == \
        [labels[i] for i in safety["urgent"]]
    items = [line.strip()[2:] for line in block if line.startswith(" • ")]
    assert len(items) == len(safety["resources"])
    for item, resource in zip(items, safety["resources"]):
        assert item.startswith(f"{resource['name']}: {resource['contact']}")


def fill_label(kb, conclusion):
    from exsplain.expert.wording import fill

    return fill(conclusion.label, kb.catalog.wording(kb.vocabulary.validate({})))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_first_action_is_the_first_advice_the_text_shows_and_the_batch_row_agrees(kb, path):
    analysis = analysis_of(kb, path)
    report = analysis.report
    labels = {a["id"]: a["label"] for a in report["actions"]}
    lines = text_of(analysis)
    if report["safety"]["urgent"]:
        block = help_block(lines)
        shown_first = block[1]  # the line after "Help first"
    else:
        advice = section(kb, lines, next(k for k in kb.kinds if k.prioritised))
        shown_first = next((line[3:].split(": ", 1)[0] for line in advice if line.startswith("1. ")), None)
    assert (labels[report["first_action"]] if report["first_action"] else None) == shown_first
    found = summary(kb, analysis.case, analysis.inference)
    assert (found.first_action.id if found.first_action else None) == report["first_action"]
    assert found.help_first == report["safety"]["help_first"]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_actions_are_grouped_under_their_themes_in_theme_order_and_priority_order_inside(kb, path):
    analysis = analysis_of(kb, path)
    report = analysis.report
    headings = dict(kb.catalog.themes)
    lines = section(kb, text_of(analysis), next(k for k in kb.kinds if k.prioritised))
    by_label = {a["label"]: a for a in report["actions"]}
    groups, current = [], None
    for line in lines:
        if line in headings.values():
            current = line
            groups.append((line, []))
        elif line[:1].isdigit():
            assert current, "every advice stands under a theme heading"
            groups[-1][1].append(by_label[line.split(". ", 1)[1].split(": ", 1)[0]])
    order = [h for _, h in kb.catalog.themes]
    assert [h for h, _ in groups] == sorted({h for h, _ in groups}, key=order.index), "themes in order, once each"
    for heading, items in groups:
        assert items, "a theme with no advice is left out"
        assert all(headings[a["theme"]] == heading for a in items)
        assert [a["priority"] for a in items] == sorted(a["priority"] for a in items)
    shown = [a["id"] for _, items in groups for a in items]
    assert sorted(shown) == sorted(a["id"] for a in report["actions"] if a["id"] not in report["safety"]["urgent"])


def test_the_self_harm_caveat_stands_before_the_first_tactic_motive(kb):
    analysis = analysis_with(kb, breakup={"ended_by": "ex"}, crying={"context": "later_talks"},
                             contact={"i_comfort_ex": True}, safety={**NO_ANSWERS, "ex_self_harm_talk": True})
    report = analysis.report
    shown = [m["id"] for m in report["motives"] if m["shown"]]
    tactic = [m for m in shown if m in TACTICS]
    assert tactic and shown[0] not in TACTICS, "a reading where a tactic motive follows another one"
    [caveat] = report["caveats"]
    assert caveat["before"] == tactic
    seen = caveats_and_motives(kb, analysis)
    first_tactic = next(m for m in report["motives"] if m["id"] == tactic[0])
    assert seen.index(caveat["text"]) == seen.index(motive_head(first_tactic)) - 1
    assert seen.index(caveat["text"]) > seen.index(motive_head(report["motives"][0]))


def test_pressure_implies_the_talk_of_self_harm_for_its_caveat(kb):
    report = analysis_with(kb, breakup={"ended_by": "me"}, ex={"asks_to_get_back": True},
                           safety={"self_harm_as_pressure": True}).report
    by_id = {c["id"]: c for c in report["caveats"]}
    assert by_id["self_harm_talk_is_serious"]["before"] == ["plea_to_reconsider"]
    assert by_id["safety_before_reasons"]["before"] == "all_motives"


def test_no_self_harm_caveat_without_a_shown_tactic_motive(kb):
    report = analysis_with(kb, breakup={"ended_by": "me"},
                           safety={**NO_ANSWERS, "ex_self_harm_talk": True}).report
    assert [m for m in report["motives"] if m["id"] in TACTICS and not m["shown"]], "plea is only unlikely here"
    assert report["caveats"] == []


@pytest.mark.parametrize("answer", ["threats_or_abuse", "self_harm_as_pressure"])
def test_under_threats_or_pressure_a_caveat_stands_before_every_motive(kb, answer):
    safety = {**NO_ANSWERS, answer: True}
    if answer == "self_harm_as_pressure":
        safety["ex_self_harm_talk"] = True
    for tables in ({"breakup": {"ended_by": "ex"}, "crying": {"context": "breakup_talk"}}, {}):
        analysis = analysis_with(kb, safety=safety, **tables)
        caveat = analysis.report["caveats"][0]
        assert caveat["id"] == "safety_before_reasons" and caveat["before"] == "all_motives"
        seen = caveats_and_motives(kb, analysis)
        assert seen[0] == caveat["text"], "before every motive, even when none stands out"
        assert "threats" in caveat["text"] and "safety" in caveat["text"]


DANGER_CASES = [
    ({"i_think_of_self_harm": True}, ["own_life"]),
    ({"threats_or_abuse": True}, ["from_ex"]),
    ({"ex_self_harm_talk": True}, ["ex_life"]),
    ({"ex_self_harm_talk": True, "threats_or_abuse": True, "i_think_of_self_harm": True},
     ["own_life", "from_ex", "ex_life"]),
    ({"ex_self_harm_talk": True, "self_harm_as_pressure": True}, ["from_ex", "ex_life"]),
]


@pytest.mark.parametrize(("answers", "dangers"), DANGER_CASES)
def test_dangers_and_their_help_lines_come_in_the_order_of_danger(kb, answers, dangers):
    report = analysis_with(kb, safety={**NO_ANSWERS, **answers}).report
    assert report["safety"]["dangers"] == dangers
    by_id = {d.id: d for d in kb.catalog.dangers}
    needed = list(dict.fromkeys(kind for d in dangers for kind in by_id[d].resources))
    kinds = [r["for"] for r in report["safety"]["resources"] if r["for"] != "directory"]
    assert kinds == sorted(kinds, key=needed.index)
    assert set(kinds) == set(needed), "the help lines for exactly those dangers"
    assert report["safety"]["help_first"]


def test_urgent_advice_follows_the_order_of_danger(kb):
    report = analysis_with(kb, safety={**NO_ANSWERS, "ex_self_harm_talk": True, "threats_or_abuse": True,
                                       "i_think_of_self_harm": True}).report
    assert report["safety"]["urgent"] == ["reach_out_for_yourself", "put_your_safety_first", "get_urgent_help"]
    assert report["first_action"] == "reach_out_for_yourself"


def test_unanswered_safety_lists_every_help_line_and_answered_safety_none(kb):
    unanswered = analysis_with(kb, breakup={"ended_by": "me"}).report["safety"]
    every = {kind for d in kb.catalog.dangers for kind in d.resources}
    assert unanswered["help_first"] and not unanswered["dangers"]
    assert every <= {r["for"] for r in unanswered["resources"]}
    answered = analysis_with(kb, breakup={"ended_by": "me"}, safety=NO_ANSWERS).report
    assert answered["safety"]["resources"] == [] and not answered["safety"]["help_first"]
    assert help_block(text_of(analysis_with(kb, breakup={"ended_by": "me"}, safety=NO_ANSWERS))) == []


def test_the_report_schema_refuses_a_report_without_the_v3_keys(kb):
    validator = jsonschema.Draft202012Validator(report_schema(kb))
    report = analysis_with(kb, breakup={"ended_by": "ex"}, crying={"context": "breakup_talk"},
                           safety={**NO_ANSWERS, "threats_or_abuse": True}).report
    assert report["motives"] and report["caveats"] and report["actions"]
    validator.validate(report)
    for key in ("caveats", "first_action"):
        assert not validator.is_valid({k: v for k, v in report.items() if k != key})
    assert not validator.is_valid({**report, "caveats": [{**report["caveats"][0], "before": "some_motives"}]})
    assert not validator.is_valid({**report, "safety": {**report["safety"], "dangers": ["own"]}})
    assert not validator.is_valid({**report, "motives": [{k: v for k, v in m.items() if k != "shown"}
                                                         for m in report["motives"]]})
    assert not validator.is_valid({**report, "actions": [{**a, "theme": "elsewhere"} for a in report["actions"]]})


def test_a_help_line_says_how_it_can_be_reached_and_when(kb):
    from exsplain.cli.render import help_line

    line = help_line({"name": "A line", "contact": "call or text 123", "channels": ["call", "text"],
                      "for": "self_harm", "hours": "24 hours"})
    assert line == "A line: call or text 123 (24 hours)"
    assert help_line({"name": "A line", "contact": "call 123", "channels": ["call"], "for": "abuse",
                      "hours": None}) == "A line: call 123"
