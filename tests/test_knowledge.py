"""The knowledge itself (KNOWLEDGE.md version 2): safety first, never
contradicting the person, evidence that counts once, citations that hold."""
import re

import pytest

from exsplain.expert.catalog import Source
from exsplain.expert.check import check
from exsplain.expert.rules import SAFETY
from exsplain.knowledge.catalog import ACTIONS, CATALOG, INSIGHTS, MOTIVES
from exsplain.knowledge.resources import ABUSE, DIRECTORY, EMERGENCY, REGIONS, SELF_HARM

from conftest import example


def report_of(kb, region="GB", **tables):
    return kb.report(kb.vocabulary.validate(tables), region)


def ids(report, key):
    return {item["id"] for item in report[key]}


def test_abuse_with_self_harm_as_pressure_recommends_no_contact(kb):
    report = kb.report(kb.vocabulary.load(example("safety-abuse-and-pressure.toml")), "GB")
    assert "go_no_contact" in ids(report, "actions") and "go_no_contact" not in ids(report, "withheld")
    urgent = [a["id"] for a in report["actions"] if a["priority"] == 1]
    assert set(urgent) == {"get_urgent_help", "put_your_safety_first"}
    advice = next(a["advice"] for a in report["actions"] if a["id"] == "put_your_safety_first")
    assert "abuse" in advice and "do not have to stay" in advice
    urgent_help = next(a["advice"] for a in report["actions"] if a["id"] == "get_urgent_help")
    assert "without going to him" in urgent_help, "his talk is handled from a distance"
    assert "let him know" not in " ".join(a["advice"] for a in report["actions"]), "no text asks to reach him"


def test_self_harm_alone_holds_back_four_actions_with_reasons_and_suppresses_an_insight(kb):
    report = kb.report(kb.vocabulary.load(example("safety-self-harm.toml")), "GB")
    withheld = {w["id"]: w["reason"] for w in report["withheld"]}
    assert set(withheld) == {"go_no_contact", "stop_comforting_the_dumper", "reassure_then_ask_for_space",
                             "end_the_friendship_act"}
    assert all("someone else" in reason for reason in withheld.values())
    assert "dumper_is_not_the_victim" not in ids(report, "insights")
    assert report["actions"][0]["id"] == "get_urgent_help"
    assert "not responsible for his safety" in report["actions"][0]["advice"]


@pytest.mark.parametrize("ended_by", ["me", "ex", "mutual"])
def test_threats_alone_put_safety_first_and_limit_contact_whoever_ended_it(kb, ended_by):
    report = report_of(kb, breakup={"ended_by": ended_by}, contact={"level": "frequent"},
                       crying={"context": "later_talks"},
                       safety={"threats_or_abuse": True, "ex_self_harm_talk": False, "i_think_of_self_harm": False,
                               "in_danger_now": False})
    assert report["actions"][0]["id"] == "put_your_safety_first"
    assert "go_no_contact" in ids(report, "actions")
    everything = " ".join(a["advice"] for a in report["actions"]) + " ".join(w["reason"] for w in report["withheld"])
    assert "hurting" not in everything and "self-harm" not in everything, "threats only: no word of self-harm"
    assert {r["for"] for r in report["safety"]["resources"]} == {EMERGENCY, ABUSE, DIRECTORY}


def test_self_harm_only_texts_do_not_speak_of_threats(kb):
    report = report_of(kb, breakup={"ended_by": "ex"}, safety={"ex_self_harm_talk": True, "threats_or_abuse": False,
                                                               "self_harm_as_pressure": False,
                                                               "i_think_of_self_harm": False})
    everything = " ".join(a["advice"] for a in report["actions"]).lower()
    assert "threat" not in everything and "abuse" not in everything
    assert {r["for"] for r in report["safety"]["resources"]} == {EMERGENCY, SELF_HARM, DIRECTORY}


def test_own_dark_thoughts_come_first_with_resources(kb):
    case = kb.vocabulary.load(example("safety-own-dark-thoughts.toml")).with_answers(**{"safety.in_danger_now": False})
    report = kb.report(case, "US")
    assert report["actions"][0]["id"] == "reach_out_for_yourself"
    assert [r["contact"] for r in report["safety"]["resources"]] == [
        "call 911", "call or text 988, or chat at 988lifeline.org", "visit findahelpline.com (free, confidential "
        "helplines, country by country)"]


@pytest.mark.parametrize("me", [{"want_back": "unsure"}, {"want_back": "yes"}, {"confident_in_decision": False},
                                {"confident_in_decision": True, "want_back": "unsure"}])
def test_an_unsure_leaver_is_never_told_to_trust_the_decision(kb, me):
    assert "trust_your_decision" not in ids(report_of(kb, breakup={"ended_by": "me"}, me=me), "actions")


@pytest.mark.parametrize("me", [{"confident_in_decision": True}, {"want_back": "no"}])
def test_a_sure_leaver_is_told_to_trust_the_decision(kb, me):
    assert "trust_your_decision" in ids(report_of(kb, breakup={"ended_by": "me"}, me=me), "actions")


def test_an_ex_who_left_and_asks_to_get_back_is_not_told_apart_from_the_tears(kb):
    report = kb.report(kb.vocabulary.load(example("dumped-asks-to-get-back.toml")), "GB")
    assert "tears_are_not_a_comeback" not in ids(report, "insights")
    assert "ask_what_has_changed" in ids(report, "actions")


def test_years_later_there_is_no_fresh_breakup_advice(kb):
    report = kb.report(kb.vocabulary.load(example("dumped-years-later.toml")), "GB")
    assert not {"go_no_contact", "end_the_friendship_act", "reassure_then_ask_for_space",
                "give_it_time"} & ids(report, "actions")


def test_co_parents_keep_contact_practical_rather_than_cut_it(kb):
    report = kb.report(kb.vocabulary.load(example("co-parents.toml")), "GB")
    assert "keep_contact_practical" in ids(report, "actions")
    assert not {"go_no_contact", "end_the_friendship_act"} & ids(report, "actions")


def test_someone_whose_own_part_ended_it_is_not_told_to_stop_looking_at_themselves(kb):
    report = kb.report(kb.vocabulary.load(example("my-part.toml")), "GB")
    assert "own_your_part" in ids(report, "actions")
    assert "see_the_responsibility_clearly" not in ids(report, "actions")


def test_one_answer_of_depression_counts_once(kb):
    report = report_of(kb, ex={"stressors": ["depression"]})
    assert [(m["id"], m["certainty"]) for m in report["motives"]] == [("personal_struggles", 0.52)]
    both = report_of(kb, ex={"stressors": ["depression", "anxiety"]})
    assert both["motives"][0]["certainty"] == round(0.52 + 0.2 * 0.48, 4), "the second word is one more stressor only"


def test_before_i_can_speak_is_a_defence_only_when_the_ex_ended_it(kb):
    assert report_of(kb, breakup={"ended_by": "me"}, crying={"before_i_can_speak": True})["motives"][0]["id"] != \
        "avoiding_hard_conversation"


def test_frequent_contact_alone_does_not_suggest_looking_for_comfort(kb):
    report = report_of(kb, breakup={"ended_by": "ex"}, contact={"level": "frequent"})
    assert "seeking_reassurance" not in ids(report, "motives")


def test_every_region_has_an_emergency_number_a_crisis_line_and_an_abuse_line_or_the_directory():
    assert REGIONS[-1].code == "other"
    for region in REGIONS:
        kinds = {r.for_ for r in region.resources}
        assert EMERGENCY in kinds, region.code
        assert SELF_HARM in kinds or DIRECTORY in kinds, region.code
        assert ABUSE in kinds or DIRECTORY in kinds, region.code
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", region.checked), region.code


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.code)
def test_each_region_reading_gives_the_emergency_number_first_a_line_for_each_danger_and_the_directory_last(
        kb, region):
    # Threats, and self-harm talk used as pressure: the person needs the emergency number, a domestic abuse
    # line and a crisis line, or the directory where the region has no such line.
    report = kb.report(kb.vocabulary.load(example("safety-abuse-and-pressure.toml")), region.code)
    assert report["region"]["code"] == region.code
    listed = report["safety"]["resources"]
    kinds = [r["for"] for r in listed]
    assert kinds[0] == EMERGENCY and "call" in listed[0]["channels"]
    assert kinds[-1] == DIRECTORY and kinds.count(DIRECTORY) == 1
    has = {r.for_ for r in region.resources}
    for need in (ABUSE, SELF_HARM):
        assert need in kinds or need not in has, f"{region.code} has a line for {need} the reading leaves out"
    lines = [k for k in kinds if k != EMERGENCY][:-1]
    assert lines == sorted(lines, key=[ABUSE, SELF_HARM].index), "the lines in the order of danger: threats first"
    assert all(r["name"].strip() and r["contact"].strip() and r["channels"] for r in listed)


def test_unanswered_safety_questions_bring_the_general_help(kb):
    report = report_of(kb, breakup={"ended_by": "me"})
    assert report["safety"]["answered"] is False
    assert {r["for"] for r in report["safety"]["resources"]} == {EMERGENCY, SELF_HARM, ABUSE, DIRECTORY}
    answered = report_of(kb, safety={"i_think_of_self_harm": False, "ex_self_harm_talk": False,
                                     "threats_or_abuse": False})
    assert answered["safety"] == {"answered": True, "dangers": [], "resources": [], "help_first": False, "urgent": []}


def test_a_version_1_file_is_read_unchanged_and_gets_the_version_2_reading(kb, tmp_path):
    old = tmp_path / "old.toml"
    old.write_text('schema = 1\n[breakup]\nended_by = "me"\n[safety]\nthreats_or_abuse = true\n', encoding="utf-8")
    report = kb.report(kb.vocabulary.load(old), "GB")
    assert report["schema"] == 3
    assert "put_your_safety_first" in ids(report, "actions")


def test_motive_texts_are_hedged():
    for motive in MOTIVES.all():
        assert re.search(r"\b(may|can|might)\b|one possibility", motive.text, re.IGNORECASE), motive.id


def test_every_citation_lies_within_its_article_and_safety_rules_say_why(kb):
    assert check(kb, [], combinations=[]).problems == [f"rule {r.name} fires in no example" for r in kb.rules]
    for rule in kb.rules:
        assert rule.sources, rule.name
        for source in rule.sources:
            if source.article:
                assert 1 <= source.first <= (source.last or source.first) <= source.article.paragraphs
        if rule.salience == SAFETY:
            assert all(s.article is None and s.note for s in rule.sources), rule.name


def test_check_flags_a_rule_whose_sources_are_empty(kb):
    from exsplain.expert.knowledge_base import KnowledgeBase
    from exsplain.expert.rules import conclusion
    from exsplain.knowledge.base import CASE_FILE_VERSIONS, ExsplainEngine
    from exsplain.knowledge.facts import Me

    class Uncited(ExsplainEngine):
        unsure_needs_support = conclusion(Me(want_back="unsure"), concludes=ACTIONS.seek_support, sources=())

    problems = check(KnowledgeBase(Uncited, CATALOG, CASE_FILE_VERSIONS), []).problems
    assert "rule unsure_needs_support cites no source" in problems


def test_the_advertisement_is_never_cited_and_the_advice_to_leave_a_sad_ex_only_for_that(kb):
    def cited(sources):
        return {(s.article.id, p) for s in sources if s.article for p in range(s.first, (s.last or s.first) + 1)}

    owners = [(c.id, c.sources) for c in CATALOG.conclusions] + [(r.name, r.sources) for r in kb.rules]
    assert [name for name, sources in owners if ("001", 72) in cited(sources)] == []
    assert {name for name, sources in owners if ("001", 69) in cited(sources)} == set()


def test_in_words_a_source_names_the_article_and_its_paragraphs():
    source = INSIGHTS.tears_are_not_a_comeback.sources[0]
    assert isinstance(source, Source)
    assert source.in_words() == "“Why an ex cries when you talk”, paragraph 10"
