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
