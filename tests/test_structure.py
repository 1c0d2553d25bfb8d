"""Each thing declared once: kinds, fields, conclusions; plain rules and any import order work."""
import dataclasses
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from exsplain.cli.main import cli
from exsplain.expert.catalog import Conclusion, Kind
from exsplain.expert.check import check
from exsplain.expert.conditions import RuleMistake
from exsplain.expert.knowledge_base import KnowledgeBase
from exsplain.expert.rules import Rule, believed, conclusion
from exsplain.knowledge.base import CASE_FILE_VERSIONS, ExsplainEngine
from exsplain.knowledge.catalog import ACTIONS, CATALOG
from exsplain.knowledge.facts import QUESTION_ORDER, Breakup, Me, Stressor

from conftest import ROOT, example


def kb_with(engine=ExsplainEngine, catalog=CATALOG):
    return KnowledgeBase(engine, catalog, CASE_FILE_VERSIONS)


def test_report_keys_are_written_only_where_the_kinds_are_declared():
    pattern = re.compile(r"""["'](motives|insights|actions|withheld|warnings)["']""")
    found = [f"{path.relative_to(ROOT)}:{n}" for folder in ("expert", "cli") for path in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(path.read_text().splitlines(), 1) if pattern.search(line)]
    assert found == []
    declared = (ROOT / "knowledge" / "catalog.py").read_text()
    assert len(pattern.findall(declared)) == 5


def test_sensitivity_speaks_of_advice_held_back_in_words(runner):
    result = runner.invoke(cli, ["analyze", "--sensitivity", example("hurtful-remarks.toml")])
    assert result.exit_code == 0
    assert "withhel" not in result.stdout and "go_no_contact" not in result.stdout
    said = " ".join(result.stdout.split())
    assert "held back for now: “Put yourself first”, “Step back from contact”" in said


@pytest.mark.parametrize("conclusion, state", [
    ("tears_do_not_erase_problems", "Tears do not fix what was wrong: part of the reading."),
    ("safety_unanswered", "Safety questions unanswered: raised."),
    ("trust_your_decision", "Trust your decision: advised."),
])
def test_explain_says_what_kind_of_conclusion_was_reached(runner, conclusion, state):
    result = runner.invoke(cli, ["explain", example("ended-by-me-plea.toml"), conclusion])
    assert result.stdout.splitlines()[0] == state


def test_a_conclusion_of_a_kind_the_knowledge_base_does_not_report_is_a_problem_not_a_crash():
    stray = Kind("actoin", "actoins", "Misspelt")
    odd = Conclusion("Odd advice", "Text.", ACTIONS.seek_support.sources, priority=2, id="odd", kind=stray)

    class Misspelt(ExsplainEngine):
        odd_rule = conclusion(Me(want_back="unsure"), concludes=odd)

    problems = check(kb_with(Misspelt), []).problems
    assert "rule odd_rule concludes actoin odd, which is not in the catalog" in problems


def test_explain_finds_the_answer_from_another_situation_the_report_shows(runner, kb):
    report = kb.report(kb.vocabulary.load(example("warnings.toml")), "GB")
    assert "irrelevant_answer" in {w["id"] for w in report["warnings"]}
    result = runner.invoke(cli, ["explain", example("warnings.toml"), "irrelevant_answer"])
    assert result.stdout.splitlines()[0] == "An answer for another situation: raised."
    assert "you are sure that ending it was right" in result.stdout


def test_a_plain_experta_rule_works_beside_the_knowledge_rules(kb):
    class WithPlainRule(ExsplainEngine):
        @Rule(Breakup(ended_by="me"))
        def note_who_ended_it(self):
            self.noted = True

    plain = kb_with(WithPlainRule)
    case = plain.vocabulary.validate({"breakup": {"ended_by": "me"}})
    analysis = plain.analyze(case, "GB")
    assert plain.engine.noted
    steps = [t["rule"] for t in analysis.report["trace"]]
    assert "note_who_ended_it" in steps
    assert analysis.report["actions"] == kb.report(case, "GB")["actions"]


def test_check_fails_when_a_field_has_no_question_or_a_question_no_field(kb):
    without = dataclasses.replace(CATALOG, questions=tuple(f for f in QUESTION_ORDER if f is not Me.my_part))
    assert "field me.my_part is never asked (it is not in the question order)" in check(kb_with(catalog=without), []).problems


@pytest.mark.parametrize("module", sorted(
    "exsplain." + ".".join(p.relative_to(ROOT).with_suffix("").parts) for folder in ("expert", "knowledge")
    for p in (ROOT / folder).rglob("*.py") if p.name != "__init__.py"))
def test_any_module_imports_first_in_a_fresh_interpreter(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_nothing_outside_expert_imports_experta_directly():
    for folder in ("knowledge", "cli"):
        for path in (ROOT / folder).rglob("*.py"):
            assert not re.search(r"^(from|import) experta", path.read_text(), re.M), path


OUTSIDE = "/".join(("..", "shared"))  # written so that this file does not contain it


def test_no_project_file_points_outside_the_repository():
    tracked = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT).stdout.split()
    for name in tracked:
        path = Path(ROOT, name)
        if path.suffix in (".py", ".md", ".toml", ".json", ".txt", ".cfg", ".csv") or path.name == "Makefile":
            assert OUTSIDE not in path.read_text(encoding="utf-8"), name


# -- rules checked where they are written --------------------------------------------------------------------


@pytest.mark.parametrize("pattern, said", [
    (lambda: Me(say_hurtfull_things=True),
     "rule mistaken: [me] has no field say_hurtfull_things (its fields: want_back, confident_in_decision,"),
    (lambda: Breakup(ended_by="mee"), "rule mistaken: breakup.ended_by cannot be mee (allowed: me | ex | mutual)"),
    (lambda: Me(feel_guilty="yes"), "rule mistaken: me.feel_guilty cannot be yes (allowed: true | false)"),
    (lambda: Stressor(kind="wrok"), "rule mistaken: an item of ex.stressors cannot have kind wrok (allowed: work |"),
    (lambda: believed(Conclusion("Odd", "Text.", (), id="no_such_motive")),
     "rule mistaken: no hypothesis is called no_such_motive"),
])
def test_a_rule_naming_what_does_not_exist_stops_the_knowledge_base_with_one_line_naming_it(pattern, said):
    class Mistaken(ExsplainEngine):
        mistaken = conclusion(pattern(), concludes=ACTIONS.seek_support)

    with pytest.raises(RuleMistake) as raised:
        kb_with(Mistaken)
    message = str(raised.value)
    assert message.startswith(said) and "\n" not in message


def test_every_command_says_a_broken_knowledge_base_in_one_line(runner, monkeypatch):
    class Unbuildable(types.ModuleType):
        def __getattr__(self, name):
            raise RuleMistake("rule mistaken: breakup.ended_by cannot be mee (allowed: me | ex | mutual)")

    monkeypatch.setitem(sys.modules, "exsplain.knowledge.base", Unbuildable("exsplain.knowledge.base"))
    for args in (["check"], ["analyze", example("co-parents.toml")]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1
        assert result.stderr == ("Error: the knowledge base cannot be built: rule mistaken: breakup.ended_by cannot "
                                 "be mee (allowed: me | ex | mutual)\n")
