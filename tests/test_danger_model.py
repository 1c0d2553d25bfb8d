"""Knowledge v3: one model of danger, and the corrections it brought (issue 19).

Each test pins a situation the issue found wrong, through a real case file
(the examples) or a case built here, and the JSON report of ``kb.report``.
"""
import dataclasses
import re

import pytest

from exsplain.expert.case import Case
from exsplain.expert.check import check, invariant_problems
from exsplain.expert.fields import CaseError
from exsplain.expert.knowledge_base import KnowledgeBase
from exsplain.expert.rules import safety
from exsplain.knowledge.articles import SAFETY
from exsplain.knowledge.base import CASE_FILE_VERSIONS, ExsplainEngine
from exsplain.knowledge.catalog import ACTIONS, CATALOG
from exsplain.knowledge.facts import Safety
from exsplain.knowledge.invariants import BASE, INVARIANTS, combinations
from exsplain.knowledge.rules.safety import STEPPING_BACK

from conftest import example


def report_of(kb, name, region="GB", **changes):
    case = kb.vocabulary.load(example(name)).with_answers(**changes)
    return kb.report(case, region)


def ids(report, key):
    return [item["id"] for item in report[key]]


def advice(report):
    return " ".join(a["advice"] for a in report["actions"])


def built(kb, **answers):
    return kb.report(Case({**BASE, **{k.replace("__", "."): v for k, v in answers.items()}}), "GB")


# -- the model of danger -------------------------------------------------------

def test_the_catalog_declares_the_dangers_in_order_and_the_questions_follow_them():
    assert [d.id for d in CATALOG.dangers] == ["own_life", "from_ex", "ex_life"]
    fields = [f.path for d in CATALOG.dangers for f in d.fields]
    assert [f.path for f in CATALOG.questions][1:1 + len(fields)] == fields
    assert CATALOG.questions[0].path == "ex.pronoun"
    assert len({f.path for f in CATALOG.questions}) == len(CATALOG.questions), "a field is listed once"


def test_every_action_has_a_theme_the_catalog_declares():
    assert [heading for _, heading in CATALOG.themes] == [
        "Your safety", "Contact with your ex", "Seeing it clearly", "Looking after yourself"]
    themes = {theme for theme, _ in CATALOG.themes}
    assert all(c.theme in themes for c in CATALOG.conclusions if c.kind == ACTIONS.kind)


def test_the_danger_now_is_asked_only_after_a_yes_that_makes_it_relevant():
    applies = Safety.in_danger_now.applies
    assert applies(Case({"safety.i_think_of_self_harm": False})) is None
    assert applies(Case({"safety.i_think_of_self_harm": False, "safety.threats_or_abuse": True})) is True
    nothing = {"safety.i_think_of_self_harm": False, "safety.threats_or_abuse": False,
               "safety.ex_self_harm_talk": False}
    assert applies(Case(nothing)) is False
    assert applies(Case({**nothing, "safety.ex_self_harm_talk": True, "safety.self_harm_as_pressure": True})) is True


def test_own_life_comes_first_in_the_urgent_advice_and_in_the_text(kb, runner):
    from exsplain.cli.main import cli

    report = report_of(kb, "safety-own-crisis-and-ex-talk.toml")
    urgent = [a["id"] for a in report["actions"] if a["priority"] == 1]
    assert urgent == ["call_emergency_now", "reach_out_for_yourself", "get_urgent_help"]
    out = " ".join(runner.invoke(cli, ["analyze", example("safety-own-crisis-and-ex-talk.toml")]).stdout.split())
    assert out.index("Call for help now") < out.index("Reach out for help for yourself") < out.index(
        "Take the talk of self-harm seriously")


def test_in_crisis_yourself_nothing_is_held_back_and_you_need_not_carry_it_alone(kb):
    report = report_of(kb, "safety-own-crisis-and-ex-talk.toml")
    assert report["withheld"] == []
    assert {"go_no_contact", "end_the_friendship_act", "stop_comforting_the_dumper", "focus_on_yourself",
            "seek_support"} <= set(ids(report, "actions"))
    urgent_help = next(a["advice"] for a in report["actions"] if a["id"] == "get_urgent_help")
    assert "do not have to carry this alone" in urgent_help and "crisis_line" not in urgent_help
    emergency = next(a["advice"] for a in report["actions"] if a["id"] == "call_emergency_now")
    assert "emergency department" in emergency


def test_in_danger_from_threats_only_the_emergency_advice_says_nothing_of_self_harm(kb):
    report = report_of(kb, "safety-threats.toml", **{"safety.in_danger_now": True})
    assert ids(report, "actions")[0] == "call_emergency_now"
    assert "hurting yourself" not in advice(report)


@pytest.mark.parametrize("ended_by", ["ex", "mutual", "me"])
def test_under_pressure_nothing_is_held_back_but_reassuring(kb, ended_by):
    report = built(kb, breakup__ended_by=ended_by, safety__ex_self_harm_talk=True, safety__self_harm_as_pressure=True,
                   safety__threats_or_abuse=False, safety__i_think_of_self_harm=False, safety__in_danger_now=False)
    assert set(ids(report, "withheld")) <= {"reassure_then_ask_for_space"}
    assert {"put_your_safety_first", "get_urgent_help", "seek_support"} <= set(ids(report, "actions"))
    if ended_by != "me":
        assert "focus_on_yourself" in ids(report, "actions")
    if ended_by == "ex":
        assert {"go_no_contact", "end_the_friendship_act", "stop_comforting_the_dumper"} <= set(ids(report, "actions"))
        assert ids(report, "withheld") == ["reassure_then_ask_for_space"]
        assert "reassure someone who threatens you" in report["withheld"][0]["reason"]


def test_under_abuse_nothing_asks_to_reach_the_ex(kb):
    report = report_of(kb, "safety-abuse-and-pressure.toml")
    said = advice(report)
    assert "crisis line" not in said and not re.search(r"\b(give|let) him\b", said)
    assert "without going to him" in said


def test_abuse_at_home_plans_a_safe_exit_and_never_says_meet_in_public(kb):
    report = report_of(kb, "safety-abuse-at-home.toml")
    assert ids(report, "actions")[:2] == ["put_your_safety_first", "plan_a_safe_exit"]
    said = advice(report)
    assert "not at all" not in said and "never alone" not in said and "meet" not in said
    assert "leaving safely" in next(a["advice"] for a in report["actions"] if a["id"] == "put_your_safety_first")
    practical = next(a["advice"] for a in report["actions"] if a["id"] == "keep_contact_practical")
    assert "share a home" in practical and "protection orders" in practical


def test_threats_from_a_colleague_give_support_at_work_and_no_public_place(kb):
    report = report_of(kb, "safety-threats-at-work.toml")
    assert {"get_support_at_work_or_school", "keep_contact_practical", "ask_what_has_changed"} <= set(
        ids(report, "actions"))
    said = advice(report)
    assert "public place" not in said and "not at all" not in said


def test_asking_for_space_is_held_back_with_the_stepping_back_it_belongs_to(kb):
    report = report_of(kb, "safety-self-harm.toml")
    assert "reassure_then_ask_for_space" in ids(report, "withheld")
    assert not {"reassure_then_ask_for_space", "go_no_contact"} & set(ids(report, "actions"))
    assert {"focus_on_yourself", "seek_support"} <= set(ids(report, "actions"))


def test_a_depressed_ex_who_relies_on_the_person_is_pointed_to_professional_help(kb):
    report = report_of(kb, "dumped-relies-on-me.toml")
    assert {"point_to_professional_help", "seek_support"} <= set(ids(report, "actions"))
    comfort = next(a["advice"] for a in report["actions"] if a["id"] == "stop_comforting_the_dumper")
    assert "other help" in comfort
    threatened = report_of(kb, "dumped-relies-on-me.toml", **{"safety.threats_or_abuse": True,
                                                               "safety.in_danger_now": False})
    assert "point_to_professional_help" not in ids(threatened, "actions"), "never asked to reach out under threats"


@pytest.mark.parametrize("name", ["my-part.toml", "my-part-ex-blames.toml"])
def test_my_part_is_never_beside_you_are_the_one_living_with_the_rejection(kb, name):
    report = report_of(kb, name)
    assert "dumper_is_not_the_victim" not in ids(report, "insights")
    assert "see_the_responsibility_clearly" not in ids(report, "actions")
    assert "own_your_part" in ids(report, "actions")


@pytest.mark.parametrize("answers", [{"me": {"feel_guilty": True}}, {"ex": {"blames_me": True}},
                                     {"crying": {"before_i_can_speak": True}}],
                         ids=["guilty", "blamed", "tears-before-i-speak"])
def test_each_way_to_seeing_the_responsibility_clearly_is_closed_by_my_part(kb, answers):
    # Each of these, once the ex has left, is told where the responsibility lies, unless things the
    # person did played a part: then that advice would blame the wrong one.
    def advised(my_part):
        tables = {**answers, "breakup": {"ended_by": "ex"}}
        tables["me"] = {**tables.get("me", {}), **({"my_part": my_part} if my_part is not None else {})}
        return "see_the_responsibility_clearly" in ids(kb.report(kb.vocabulary.validate(tables), "GB"), "actions")
    assert advised(None) and advised(False)
    assert not advised(True)


def test_my_part_weighs_against_playing_the_victim(kb):
    without = report_of(kb, "my-part-ex-blames.toml", **{"me.my_part": None})
    with_part = report_of(kb, "my-part-ex-blames.toml")
    victim = [next(m["certainty"] for m in r["motives"] if m["id"] == "playing_the_victim") for r in (without, with_part)]
    assert victim[1] < victim[0]


@pytest.mark.parametrize("context, certainty", [("breakup_talk", None), ("later_talks", 0.6), (None, 0.4)])
def test_hurtful_remarks_count_by_when_the_tears_came(kb, context, certainty):
    report = report_of(kb, "hurtful-remarks.toml", **{"crying.context": context})
    found = {m["id"]: m["certainty"] for m in report["motives"]}
    assert found.get("hurt_by_hostility") == (pytest.approx(certainty) if certainty else None)


def test_guilt_is_moderate_evidence_at_the_breakup_talk(kb):
    report = report_of(kb, "dumped-at-breakup-talk.toml")
    guilt = next(m for m in report["motives"] if m["id"] == "guilt")
    assert "guilt_at_the_breakup_talk" in [e["rule"] for e in guilt["evidence"]]


@pytest.mark.parametrize("me, thought_through", [({"me.confident_in_decision": True}, True),
                                                 ({"me.confident_in_decision": None, "me.want_back": "no"}, False)])
def test_you_thought_it_through_only_when_they_said_so(kb, me, thought_through):
    report = report_of(kb, "ended-by-me-no-regrets.toml", **me)
    trust = next(a["advice"] for a in report["actions"] if a["id"] == "trust_your_decision")
    assert ("thought it through" in trust) is thought_through


def test_pity_is_said_as_a_possibility(kb):
    report = report_of(kb, "ended-by-me-plea.toml")
    assert "pity may fade" in next(a["advice"] for a in report["actions"] if a["id"] == "dont_return_out_of_pity")


# -- answers ------------------------------------------------------------------

def test_pressure_with_a_no_to_the_talk_is_read_as_both_and_raises_a_warning(kb):
    report = report_of(kb, "safety-pressure-at-home.toml")
    warning = next(w["message"] for w in report["warnings"] if w["id"] == "answers_disagree")
    assert "Has your ex talked about hurting or killing herself?" in warning
    assert "Does your ex link that talk to what you do" in warning
    assert "safety.ex_self_harm_talk" not in report["unanswered"] and "get_urgent_help" in ids(report, "actions")
    agreeing = report_of(kb, "safety-pressure-at-home.toml", **{"safety.ex_self_harm_talk": True})
    assert "answers_disagree" not in ids(agreeing, "warnings")


def test_an_answer_for_another_situation_says_what_it_would_need_in_true_words(kb):
    case = Case({"breakup.ended_by": "me", "crying.context": "breakup_talk", "me.have_closure": False})
    message = next(w["message"] for w in kb.report(case)["warnings"] if w["id"] == "irrelevant_answer")
    assert message.endswith("it only matters when your ex ended it.")


def test_case_files_of_version_3_are_read_and_later_ones_refused(kb):
    assert kb.vocabulary.validate({"schema": 3, "ex": {"relies_on_me": True}}).get("ex.relies_on_me") is True
    assert kb.vocabulary.validate({"schema": 2, "safety": {"threats_or_abuse": True}})
    with pytest.raises(CaseError, match="supported: 1, 2, 3"):
        kb.vocabulary.validate({"schema": 4})


def test_help_lines_come_in_the_order_of_danger(kb):
    report = report_of(kb, "safety-pressure-at-home.toml", "US")
    assert [r["for"] for r in report["safety"]["resources"]] == ["emergency", "abuse", "self_harm", "directory"]


# -- the invariants -----------------------------------------------------------

def test_every_invariant_holds_over_every_combination(kb):
    cases = list(combinations())
    assert len(cases) == 2 ** 5 * 3 * 6 * 2
    assert invariant_problems(kb, cases) == []


def clone(**rules):
    return type("Clone", (ExsplainEngine,), rules)


def rule_like(name, **changes):
    original = getattr(ExsplainEngine, name)
    declaration = {"concludes": original.concludes, "withholds": original.withholds, "says": original.says,
                   "reason": original.reason, **changes}
    return safety(*original.patterns, sources=SAFETY, **declaration)


SELF_HARM_TALK = {"safety.ex_self_harm_talk": True, "safety.threats_or_abuse": False,
                  "safety.i_think_of_self_harm": False, "breakup.ended_by": "ex"}
THREATS = {"safety.threats_or_abuse": True, "safety.ex_self_harm_talk": False, "safety.i_think_of_self_harm": False,
           "safety.in_danger_now": False, "breakup.ended_by": "ex"}
INJECTED = {
    "1": (clone(self_harm_talk=rule_like("self_harm_talk", withholds=(ACTIONS.go_no_contact,))), CATALOG,
          SELF_HARM_TALK),
    "2": (clone(self_harm_talk_with_threats=rule_like("self_harm_talk_with_threats", says=ACTIONS.get_urgent_help.text)),
          CATALOG, {**THREATS, "safety.ex_self_harm_talk": True}),
    "3": (ExsplainEngine, dataclasses.replace(CATALOG, conclusions=tuple(sorted(
        CATALOG.conclusions, key=lambda c: c is not ACTIONS.get_urgent_help))),
          {**SELF_HARM_TALK, "safety.i_think_of_self_harm": True, "safety.in_danger_now": False}),
    "4": (clone(threats_or_abuse=rule_like("threats_or_abuse", says="If your ex talks about hurting {themself}, "
                                           "call {emergency}.")), CATALOG, THREATS),
    "5": (clone(self_harm_talk=rule_like("self_harm_talk", withholds=(*STEPPING_BACK, ACTIONS.focus_on_yourself))),
          CATALOG, SELF_HARM_TALK),
    "6": (clone(own_dark_thoughts=rule_like("own_dark_thoughts", says="Please call or text a crisis line below.")),
          CATALOG, {"safety.i_think_of_self_harm": True, "safety.in_danger_now": False}),
}


@pytest.mark.parametrize("invariant", [i.id for i in INVARIANTS])
def test_check_catches_a_violation_of_each_invariant(kb, invariant):
    engine, catalog, answers = INJECTED[invariant]
    broken = KnowledgeBase(engine, catalog, CASE_FILE_VERSIONS, lambda: (INVARIANTS, combinations))
    case = Case({**BASE, **answers})
    found = check(broken, [], combinations=[("injected", case)]).problems
    failing = {p.split()[1] for p in found if p.startswith("invariant ")}
    assert invariant in failing and "fails on combination injected" in " ".join(found)
    assert invariant_problems(kb, [("injected", case)]) == [], "the shipped knowledge base keeps it"
