"""For students: a trace that names its rules and writes its arithmetic out."""
import json
import re

import pytest

from exsplain.cli.main import cli
from exsplain.cli.trace import evidence_in_words
from exsplain.expert.certainty import combine_all

from conftest import ROOT, analysis_of, example, example_files

PLEA = example("ended-by-me-plea.toml")


def test_each_rule_names_the_line_that_declares_it(kb):
    for rule in kb.rules:
        path, line = rule.defined.rsplit(":", 1)
        written = (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert written.strip().startswith(f"{rule.name} = "), (rule.name, rule.defined, written)


def test_the_trace_names_every_rule_and_its_place(runner, kb):
    text = runner.invoke(cli, ["trace", PLEA], env={"COLUMNS": "200"}).stdout
    steps = analysis_of(kb, PLEA).inference.firings
    titles = [line for line in text.splitlines() if not line.startswith(" ")]
    assert titles == [f"{f.step}. {f.rule.name} ({f.rule.defined})" for f in steps]
    as_json = json.loads(runner.invoke(cli, ["trace", "--format", "json", PLEA]).stdout)
    assert [t["defined"] for t in as_json] == [f.rule.defined for f in steps]


def test_the_trace_writes_the_combination_out(runner):
    text = " ".join(runner.invoke(cli, ["trace", PLEA]).stdout.split())
    assert "Evidence for “A hope that you will change your mind”, weight 0.20; 0.40 and 0.20 combine to 0.52: " \
           "0.40 + 0.20 × (1 − 0.40). Now 0.52 (possible)." in text


def test_evidence_against_is_named_as_such(runner):
    text = " ".join(runner.invoke(cli, ["trace", example("dumped-resentful-ex.toml")]).stdout.split())
    assert "Evidence against “Guilt for hurting you”, weight −0.40. Now −0.40: not above 0" in text
    assert "with the evidence against at −0.40, 0.52 and −0.40 combine to 0.20: (0.52 − 0.40) / (1 − 0.40)" in text


@pytest.mark.parametrize("earlier, weight, said", [
    ([-0.2], -0.4, "−0.20 and −0.40 combine to −0.52: −0.20 + (−0.40) × (1 − 0.20). Now −0.52"),
    ([0.6, -0.2], -0.4, "with the evidence for at 0.60, 0.60 and −0.52 combine to 0.17: (0.60 − 0.52) / (1 − 0.52)"),
])
def test_the_formula_for_evidence_against(earlier, weight, said):
    assert said in evidence_in_words("G", earlier, weight)


def evaluate(formula):
    return eval(formula.replace("−", "-").replace("×", "*"))  # the trace's own arithmetic, as Python reads it


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_every_formula_in_the_trace_gives_the_certainty_it_states(kb, runner, path):
    text = " ".join(runner.invoke(cli, ["trace", str(path)]).stdout.split())
    for result, formula in re.findall(r"combine to (−?\d\.\d\d): (.+?)(?:\. Now|; with)", text):
        assert round(evaluate(formula), 2) == pytest.approx(float(result.replace("−", "-")), abs=0.011), formula
    weights: dict = {}
    for firing in analysis_of(kb, path).inference.firings:
        if firing.rule.supports:
            weights.setdefault(firing.rule.supports.id, []).append(firing.rule.weight)
    finals = [combine_all(w) for w in weights.values()]
    stated = [float(n.replace("−", "-")) for n in re.findall(r"Now (−?\d\.\d\d)", text)]
    assert {f"{c:.2f}" for c in finals} <= {f"{s:.2f}" for s in stated}


@pytest.fixture(scope="module")
def traced_examples(kb):
    return {path.name: {t["rule"] for t in analysis_of(kb, path).report["trace"]} for path in example_files()}


def test_rule_shows_every_rule_of_the_knowledge_base(runner, kb, traced_examples):
    for rule in kb.rules:
        text = runner.invoke(cli, ["rule", rule.name])
        assert text.exit_code == 0, (rule.name, text.stderr)
        said = " ".join(text.stdout.split())
        assert said.startswith(rule.name) and f"Defined in: {rule.defined}" in said
        assert all(source.in_words() in said for source in rule.sources)
        record = json.loads(runner.invoke(cli, ["rule", "--format", "json", rule.name]).stdout)
        assert record["fired_by"] == sorted(n for n, rules in traced_examples.items() if rule.name in rules)
        assert record["fired_by"], f"{rule.name}: no shipped example fires it"
        assert record["weight"] == (rule.weight if rule.supports else None)
        assert record["concludes"] == [c.id for c in rule.concludes]
        assert record["withholds"] == [c.id for c in rule.withholds]


def test_rule_gives_the_cited_paragraphs_and_the_conditions_in_words(runner):
    said = " ".join(runner.invoke(cli, ["rule", "plea_with_request_to_return"]).stdout.split())
    assert "When: you ended it; and your ex asks or hints to get back together." in said
    assert "Then: evidence for the motive “A hope that you will change your mind”, weight +0.40 (moderate)." in said
    assert "paragraphs 12 to 14" in said
    against = " ".join(runner.invoke(cli, ["rule", "resentful_ex_feels_no_guilt"]).stdout.split())
    assert "evidence against the motive “Guilt for hurting you”, weight -0.40 (moderate)" in against


def test_rule_list_gives_one_line_per_rule(runner, kb):
    lines = runner.invoke(cli, ["rule", "--list"]).stdout.splitlines()
    assert [line.split()[0] for line in lines] == [r.name for r in kb.rules]


def test_an_unknown_rule_is_one_line_naming_the_closest(runner):
    result = runner.invoke(cli, ["rule", "pity_pleas"])
    assert result.exit_code == 2
    assert result.stderr == "Error: pity_pleas: no such rule (closest: pity_plea)\n"


def test_rule_names_complete_in_the_shell():
    from click.shell_completion import ShellComplete

    complete = ShellComplete(cli, {}, "exsplain", "_EXSPLAIN_COMPLETE")
    found = [c.value for c in complete.get_completions(["rule"], "plea_")]
    assert found == ["plea_when_i_ended_it", "plea_with_request_to_return"]
