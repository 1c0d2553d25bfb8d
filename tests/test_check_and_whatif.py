"""Knowledge-base checks, what-if analysis and sensitivity."""
import dataclasses
import json

import pytest

from cli.main import cli
from conftest import EXAMPLES, example_files
from expert.catalog import Entry
from expert.certainty import WEAK
from expert.check import check
from expert.knowledge_base import KnowledgeBase
from expert.rules import cite, evidence
from knowledge.base import VOCABULARY, ExsplainEngine
from knowledge.catalog import CATALOG
from knowledge.facts import Ex, Me, Safety


@pytest.fixture(scope="module")
def examples():
    return [VOCABULARY.load(p) for p in example_files()]


def problems_of(engine_class=ExsplainEngine, catalog=CATALOG, cases=()):
    return check(KnowledgeBase(engine_class, VOCABULARY, catalog), cases).problems


def test_check_passes_on_the_knowledge_base(runner):
    result = runner.invoke(cli, ["check", "--examples", str(EXAMPLES)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == f"{len(example_files())} examples; 56/56 rules fired by the examples; 0 problems\n"


def test_check_fails_on_an_uncited_rule(examples):
    class Uncited(ExsplainEngine):
        grief_of_a_guilty_crier = evidence(Ex(cries_easily=True), Me(feel_guilty=True),
                                           supports="grief", weight=WEAK, sources=())

    assert "rule grief_of_a_guilty_crier cites no source" in problems_of(Uncited, cases=examples)


def test_check_fails_on_a_citation_past_the_end_of_an_article(examples):
    class MisCited(ExsplainEngine):
        grief_of_a_crier = evidence(Ex(cries_easily=True), supports="grief", weight=WEAK, sources=cite("001", 99))

    assert "rule grief_of_a_crier cites 001 ¶99, but 001 has 78 paragraphs" in problems_of(MisCited, cases=examples)


def test_check_fails_on_an_unused_catalog_id(examples):
    spite = Entry("spite", "Spite", "Tears meant to hurt you.", cite("000", 1))
    catalog = dataclasses.replace(CATALOG, hypotheses={**CATALOG.hypotheses, "spite": spite})
    assert problems_of(catalog=catalog, cases=examples) == ["motive spite is concluded by no rule"]


def test_check_fails_on_a_rule_no_example_fires(examples):
    class Untested(ExsplainEngine):
        grief_amid_threats = evidence(Ex(cries_easily=True), Safety(threats_or_abuse=True),
                                      supports="grief", weight=WEAK, sources=cite("000", 2))

    assert problems_of(Untested, cases=examples) == ["rule grief_amid_threats fires in no example"]


def test_check_fails_on_identical_rules(examples):
    class Repeated(ExsplainEngine):
        cries_easily_again = evidence(Ex(cries_easily=True), supports="emotional_temperament", weight=0.6,
                                      sources=cite("001", 7))

    assert problems_of(Repeated, cases=examples) == ["rules cries_easily_again and cries_easily are identical"]


def test_check_command_exits_1_and_lists_problems(runner, tmp_path):
    (tmp_path / "only.toml").write_text('[breakup]\nended_by = "me"\n')
    result = runner.invoke(cli, ["check", "--examples", str(tmp_path)])
    assert result.exit_code == 1
    assert "problem: rule self_harm_talk fires in no example" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 examples; ")


def whatif(runner, example, *settings, output="json"):
    args = ["whatif", str(EXAMPLES / example), "--format", output]
    for setting in settings:
        args += ["--set", setting]
    return runner.invoke(cli, args)


def test_whatif_an_answer_that_adds_a_motive(runner):
    result = whatif(runner, "cries-easily.toml", "ex.stressors=work")
    assert result.exit_code == 0
    diff = json.loads(result.stdout)
    assert diff["set"] == {"ex.stressors": {"before": None, "after": ["work"]}}
    assert diff["motives"] == [{"id": "personal_struggles", "before": 0.0, "after": 0.4}]


def test_whatif_an_answer_that_removes_an_action(runner):
    diff = json.loads(whatif(runner, "dumped-its-not-you.toml", "contact.level=none").stdout)
    assert diff["actions"] == {"added": [], "removed": ["go_no_contact"]}


def test_whatif_a_safety_answer_withholds_advice(runner):
    diff = json.loads(whatif(runner, "hurtful-remarks.toml", "safety.ex_self_harm_talk=true").stdout)
    assert diff["actions"] == {"added": ["get_urgent_help"], "removed": ["go_no_contact"]}
    assert diff["withheld"] == {"added": ["go_no_contact"], "removed": []}


def test_whatif_text_and_forgetting_an_answer(runner):
    result = whatif(runner, "dumped-its-not-you.toml", "me.want_back=", output="text")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "If me.want_back were unknown (not yes):"
    assert "actions removed: seek_support" in result.stdout


@pytest.mark.parametrize(
    "setting, message",
    [
        ("breakup.who=me", "breakup.who: unknown field (allowed: ended_by, ex_excuse)"),
        ("feelings.sad=true", "feelings: unknown table (allowed: breakup, crying, ex, contact, me, safety)"),
        ("breakup.ended_by=maybe", "breakup.ended_by: 'maybe' is not allowed (allowed: me | ex | mutual)"),
        ("ex.cries_easily=often", "ex.cries_easily: expected true or false, got text 'often'"),
        ("ex.stressors=work,money", "ex.stressors[1]: 'money' is not allowed"),
        ("ended_by", "expected table.field=value"),
    ],
)
def test_whatif_bad_setting_is_one_line_with_exit_2(runner, setting, message):
    result = whatif(runner, "cries-easily.toml", setting)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: --set {setting}: {message}")
    assert len(result.stderr.splitlines()) == 1


def test_sensitivity_agrees_with_whatif_and_ranks_by_impact(runner):
    path = str(EXAMPLES / "ended-by-me-doubting.toml")
    report = json.loads(runner.invoke(cli, ["analyze", "--sensitivity", "--format", "json", path]).stdout)
    questions = report["sensitivity"]
    assert [q["field"] for q in questions] == sorted(report["unanswered"], key=lambda f: -next(
        q["impact"] for q in questions if q["field"] == f))
    assert {q["field"] for q in questions} == set(report["unanswered"])
    hurtful = next(q for q in questions if q["field"] == "me.say_hurtful_things")
    yes = next(a for a in hurtful["answers"] if a["value"] is True)
    diff = json.loads(runner.invoke(cli, ["whatif", path, "--set", "me.say_hurtful_things=true", "--format", "json"]).stdout)
    assert yes["changes"] == {k: v for k, v in diff.items() if k not in ("case", "set")}


def test_sensitivity_in_the_text_report(runner):
    result = runner.invoke(cli, ["analyze", "--sensitivity", str(EXAMPLES / "ended-by-me-doubting.toml")])
    assert "What each open answer would change (most influential first)" in result.stdout
    assert "+action stop_hurtful_remarks" in result.stdout
