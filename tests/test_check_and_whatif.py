"""Knowledge-base checks, what-if analysis and sensitivity."""
import json

import pytest

from exsplain.cli.main import cli
from exsplain.expert.catalog import Conclusion, cite
from exsplain.expert.certainty import WEAK
from exsplain.expert.check import check
from exsplain.expert.knowledge_base import KnowledgeBase
from exsplain.expert.rules import evidence
from exsplain.knowledge.articles import WHY_EX_CRIES, WHY_HE_CRIED
from exsplain.knowledge.base import CASE_FILE_VERSIONS, ExsplainEngine
from exsplain.knowledge.catalog import CATALOG, MOTIVE, MOTIVES
from exsplain.knowledge.facts import Ex, Me, Safety

from conftest import EXAMPLES, example, example_files


@pytest.fixture(scope="module")
def examples(kb):
    return [kb.vocabulary.load(p) for p in example_files()]


def problems_of(engine_class=ExsplainEngine, catalog=CATALOG, cases=()):
    return check(KnowledgeBase(engine_class, catalog, CASE_FILE_VERSIONS), list(cases)).problems


def test_check_passes_on_the_knowledge_base(runner, kb):
    result = runner.invoke(cli, ["check", "--examples", str(EXAMPLES)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (f"{len(example_files())} examples; {len(kb.rules)}/{len(kb.rules)} rules fired by the "
                             "examples; 0 problems\n")


def test_check_finds_the_shipped_examples_from_any_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith("; 0 problems\n")


def test_check_fails_on_a_citation_past_the_end_of_an_article(examples):
    class MisCited(ExsplainEngine):
        grief_of_a_crier = evidence(Ex(cries_easily=True), supports=MOTIVES.grief, weight=WEAK,
                                    sources=cite(WHY_EX_CRIES, 99))

    assert "rule grief_of_a_crier cites 001 ¶99, but 001 has 78 paragraphs" in problems_of(MisCited, cases=examples)


def test_check_fails_on_a_conclusion_no_rule_reaches(examples):
    import dataclasses

    spite = Conclusion("Spite", "Tears meant to hurt you may be one possibility.", cite(WHY_HE_CRIED, 1),
                       id="spite", kind=MOTIVE)
    catalog = dataclasses.replace(CATALOG, conclusions=(*CATALOG.conclusions, spite))
    assert problems_of(catalog=catalog, cases=examples) == ["motive spite is concluded by no rule"]


def test_check_fails_on_a_rule_no_example_fires(examples):
    class Untested(ExsplainEngine):
        grief_amid_threats = evidence(Ex(cries_easily=True), Safety(threats_or_abuse=True),
                                      supports=MOTIVES.grief, weight=WEAK)

    assert problems_of(Untested, cases=examples) == ["rule grief_amid_threats fires in no example"]


def test_check_fails_on_identical_rules(examples):
    class Repeated(ExsplainEngine):
        cries_easily_again = evidence(Ex(cries_easily=True), supports=MOTIVES.emotional_temperament, weight=0.6)

    assert problems_of(Repeated, cases=examples) == ["rules cries_easily_again and cries_easily are identical"]


def test_check_fails_on_two_rules_with_one_name(examples):
    class Shadowing(ExsplainEngine):
        cries_easily = evidence(Me(feel_guilty=True), supports=MOTIVES.emotional_temperament, weight=0.2)

    assert "two rules are named cries_easily; one of them never runs" in problems_of(Shadowing, cases=examples)


def test_check_command_exits_1_and_lists_problems(runner, tmp_path):
    (tmp_path / "only.toml").write_text('[breakup]\nended_by = "me"\n')
    result = runner.invoke(cli, ["check", "--examples", str(tmp_path)])
    assert result.exit_code == 1
    assert "problem: rule self_harm_talk fires in no example" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 examples; ")


def whatif(runner, name, *settings, output="json"):
    args = ["whatif", example(name), "--format", output]
    for setting in settings:
        args += ["--set", setting]
    return runner.invoke(cli, args)


def test_whatif_an_answer_that_adds_a_motive(runner):
    result = whatif(runner, "cries-easily.toml", "ex.stressors=work")
    assert result.exit_code == 0
    diff = json.loads(result.stdout)
    assert diff["set"] == {"ex.stressors": {"before": None, "after": ["work"]}}
    assert diff["motives"] == [{"id": "personal_struggles", "before": 0.0, "after": 0.4}]


def test_whatif_accepts_the_words_of_an_answer(runner):
    diff = json.loads(whatif(runner, "dumped-its-not-you.toml", "contact.level=not at all").stdout)
    assert diff["actions"] == {"added": [], "removed": ["go_no_contact"]}


def test_whatif_a_safety_answer_puts_help_first_and_holds_advice_back(runner):
    diff = json.loads(whatif(runner, "hurtful-remarks.toml", "safety.ex_self_harm_talk=true").stdout)
    assert diff["actions"] == {"added": ["get_urgent_help"], "removed": ["reassure_then_ask_for_space", "go_no_contact"]}
    assert diff["withheld"] == {"added": ["go_no_contact", "reassure_then_ask_for_space"], "removed": []}


def test_whatif_in_words_and_forgetting_an_answer(runner):
    result = whatif(runner, "dumped-its-not-you.toml", "me.want_back=", output="text")
    assert result.exit_code == 0
    said = " ".join(result.stdout.split())
    assert said.startswith("If your answer to “Would you like to get back together?” were “no answer” (it is now “yes”):")
    assert "• Gone from “What you could do”: “Find support outside the relationship”." in result.stdout


@pytest.mark.parametrize(
    "setting, message",
    [
        ("breakup.who=me", "breakup.who: unknown field (allowed: ended_by, how_long_ago, ex_excuse)"),
        ("feelings.sad=true", "feelings: unknown table (allowed: breakup, crying, ex, contact, me, safety)"),
        ("breakup.ended_by=maybe", "breakup.ended_by: 'maybe' is not allowed (allowed: me | ex | mutual)"),
        ("ex.cries_easily=often", "ex.cries_easily: 'often' is not allowed (allowed: true | false)"),
        ("ex.stressors=work,money", "ex.stressors: 'work,money' is not allowed"),
        ("ended_by", "expected table.field=value"),
    ],
)
def test_whatif_bad_setting_is_one_line_with_exit_2(runner, setting, message):
    result = whatif(runner, "cries-easily.toml", setting)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: --set {setting}: {message}")
    assert len(result.stderr.splitlines()) == 1


def test_sensitivity_agrees_with_whatif_and_ranks_safety_first(runner, kb):
    path = example("ended-by-me-doubting.toml")
    report = json.loads(runner.invoke(cli, ["analyze", "--sensitivity", "--format", "json", path]).stdout)
    questions = report["sensitivity"]
    safety = [f.path for f in kb.catalog.safety]
    fields = [q["field"] for q in questions]
    assert set(fields[:3]) == {f for f in safety if f in report["unanswered"]}
    rest = questions[3:]
    assert [q["impact"] for q in rest] == sorted((q["impact"] for q in rest), reverse=True)
    assert set(fields) == set(report["unanswered"])
    hurtful = next(q for q in questions if q["field"] == "me.say_hurtful_things")
    yes = next(a for a in hurtful["answers"] if a["value"] is True)
    diff = json.loads(runner.invoke(cli, ["whatif", path, "--set", "me.say_hurtful_things=true", "--format", "json"]).stdout)
    assert yes["changes"] == {k: v for k, v in diff.items() if k not in ("case", "set")}
