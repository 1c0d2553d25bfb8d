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


def watched(kb, path):
    from exsplain.expert.watch import watch

    return watch(kb, kb.vocabulary.load(path))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_watching_shows_every_firing_in_order_each_after_its_activation(kb, path):
    inference, events = watched(kb, path)
    trace = analysis_of(kb, path).report["trace"]
    assert [f.rule.name for f in inference.firings] == [t["rule"] for t in trace], "watching changes nothing"
    fired = [e for e in events if e["event"] in ("fire", "review")]
    assert [(e["step"], e["rule"]) for e in fired] == [(t["step"], t["rule"]) for t in trace]
    waiting, memory = set(), set()
    for event in events:
        if event["event"] == "declare":
            memory.add(event["fact"])
        elif event["event"] == "retract":
            memory.remove(event["fact"])
        elif event["event"] in ("activate", "deactivate", "fire"):
            activation = (event["rule"], tuple(event["facts"]))
            if event["event"] != "deactivate":
                assert set(event["facts"]) <= memory, "an activation matches facts in working memory"
            if event["event"] == "activate":
                waiting.add(activation)
            else:
                waiting.remove(activation)  # it was on the agenda: added before, and not fired or removed since
    assert not waiting, "the engine runs until the agenda is empty"


def replay(kb, events):
    """Each firing with the activations then waiting, ranked as the strategy ranks them (next in line first)."""
    def key(activation):
        rule = kb.rule_by_name[activation[0]]
        return rule.salience, sorted(activation[1], reverse=True), -rule.order

    waiting = set()
    for event in events:
        activation = (event.get("rule"), tuple(event.get("facts", ())))
        if event["event"] == "activate":
            waiting.add(activation)
        elif event["event"] == "deactivate":
            waiting.remove(activation)
        elif event["event"] == "fire":
            yield event, activation, sorted(waiting, key=key, reverse=True)
            waiting.remove(activation)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_each_choice_is_the_strategys_and_its_reason_is_right(kb, path):
    _, events = watched(kb, path)
    for event, activation, ranked in replay(kb, events):
        assert ranked[0] == activation, "the activation chosen is the first in the strategy's order"
        assert event["agenda"] == len(ranked) - 1
        if len(ranked) == 1:
            assert event["decided_by"] == "alone" and event["over"] is None
            continue
        mine, theirs = kb.rule_by_name[event["rule"]], kb.rule_by_name[ranked[1][0]]
        assert event["over"] == theirs.name
        if mine.salience != theirs.salience:
            assert event["decided_by"] == "salience"
        elif activation[1] != ranked[1][1]:
            assert event["decided_by"] == "recency"
        else:
            assert event["decided_by"] == "order" and mine.order < theirs.order


def test_an_activation_that_fired_is_not_removed_again_when_its_belief_changes(kb):
    """A rule that reads a belief fires, then more evidence changes the belief: the matcher drops the
    activation that fired, which had left the agenda already, and adds one on the new belief."""
    from exsplain.expert.knowledge_base import KnowledgeBase
    from exsplain.expert.rules import believed, conclusion, evidence
    from exsplain.expert.watch import watch
    from exsplain.knowledge.base import CASE_FILE_VERSIONS, ExsplainEngine
    from exsplain.knowledge.catalog import ACTIONS, CATALOG, MOTIVES
    from exsplain.knowledge.facts import Breakup

    class Early(ExsplainEngine):
        early_reader = conclusion(believed(MOTIVES.grief), concludes=ACTIONS.seek_support, salience=25)
        early_grief = evidence(Breakup(ended_by="me"), supports=MOTIVES.grief, weight=0.4)
        late_grief = evidence(Breakup(ended_by="me"), supports=MOTIVES.grief, weight=0.2)
        early_grief.salience, late_grief.salience = 30, 20

    small = KnowledgeBase(Early, CATALOG, CASE_FILE_VERSIONS)
    _, events = watch(small, small.vocabulary.validate({"breakup": {"ended_by": "me"}}))
    fires = [e["rule"] for e in events if e["event"] == "fire"]
    assert fires.count("early_reader") == 2
    assert not [e for e in events if e["event"] == "deactivate" and e["rule"] == "early_reader"]
    list(replay(small, events))


def test_watching_shows_beliefs_as_they_change(runner):
    text = " ".join(runner.invoke(cli, ["trace", "--watch", PLEA]).stdout.split())
    hope = "belief “A hope that you will change your mind”"
    assert f"Declared f-5: {hope} at 0.40 (possible)." in text
    assert f"Retracted f-5: {hope} at 0.40 (possible). Declared f-6: {hope} at 0.52 (possible)." in text
    assert "Removed from the agenda: pity_plea (salience 10), on f-1 and f-5, since a fact it matched was retracted" \
        in text
    assert "Fires, step 4: plea_when_i_ended_it (salience 20), on f-1. Chosen from 7 on the agenda: its salience, " \
           "20, is higher than the 10 of the next in line, pity_plea." in text


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_watch_json_lines_follow_their_schema(runner, path):
    import jsonschema

    from exsplain.expert.schema import watch_schema

    validator = jsonschema.Draft202012Validator(watch_schema())
    lines = runner.invoke(cli, ["trace", "--watch", "--format", "jsonl", str(path)]).stdout.splitlines()
    assert lines
    for line in lines:
        validator.validate(json.loads(line))


def test_a_listener_from_python_hears_the_engine(kb):
    from exsplain.expert.watch import Listener

    class Counting(Listener):
        def __init__(self):
            self.heard = {"facts": 0, "agenda": 0, "firing": 0}

        def facts_changed(self, engine, declared, retracted):
            self.heard["facts"] += len(declared) + len(retracted)

        def agenda_changed(self, engine, added, removed):
            self.heard["agenda"] += len(added)

        def firing(self, engine, activation):
            self.heard["firing"] += 1

    engine, listener = kb.engine_class(), Counting()
    engine.listener = listener
    inference = kb.infer(kb.vocabulary.load(PLEA), engine)
    engines = [f for f in inference.firings if not hasattr(f.rule, "findings")]
    assert listener.heard["firing"] == len(engines) == 10
    assert listener.heard["agenda"] >= 10 and listener.heard["facts"] >= 5
    assert kb.engine.listener is None, "the shared engine is never watched"


def test_the_committed_watch_schema_is_valid_draft_2020_12():
    import jsonschema

    schema = json.loads((ROOT / "docs" / "watch.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_questions_without_a_case_lists_every_question_but_the_follow_ups(runner, kb):
    listed = [q["field"] for q in json.loads(runner.invoke(cli, ["questions", "--format", "json"]).stdout)]
    assert listed == [f.path for f in kb.question_order if not f.asked_if]
    help_text = " ".join(runner.invoke(cli, ["questions", "--help"]).stdout.split())
    assert "every question is listed except the follow-ups" in help_text


HOW_IT_WORKS = ROOT / "docs" / "how-it-works.md"


def excerpts():
    """Each command of docs/how-it-works.md followed by an excerpt of its output: (command, chunks)."""
    text = HOW_IT_WORKS.read_text(encoding="utf-8")
    pairs = re.findall(r"```sh\n(exsplain [^\n]*)\n```\n\n```text\n(.*?)```", text, re.S)
    return [(command, [" ".join(chunk.split()) for chunk in excerpt.split("\n...\n")]) for command, excerpt in pairs]


def test_how_it_works_has_excerpts_to_check():
    assert len(excerpts()) >= 10


@pytest.mark.parametrize("command, chunks", excerpts(), ids=lambda x: x if isinstance(x, str) else "")
def test_each_excerpt_in_how_it_works_is_what_its_command_prints(runner, monkeypatch, command, chunks):
    import shlex

    monkeypatch.chdir(ROOT)
    printed = " ".join(runner.invoke(cli, shlex.split(command)[1:]).stdout.split())
    position = 0
    for chunk in chunks:
        found = printed.find(chunk, position)
        assert found >= 0, f"{command}: {chunk!r} is not in its output (in order)"
        position = found + len(chunk)


def test_the_python_in_how_it_works_runs(monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", HOW_IT_WORKS.read_text(encoding="utf-8"), re.S)
    assert blocks
    for block in blocks:
        namespace: dict = {}
        exec(block, namespace)  # the documented example, as a reader would paste it
    assert namespace["events"][0]["text"] == "Declared f-0: the initial fact, which every engine starts with."


def test_watching_is_the_same_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-m", "exsplain", "trace", "--watch", "--format", "jsonl", PLEA],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_trace_as_json_lines_gives_one_step_per_line(runner, kb):
    lines = runner.invoke(cli, ["trace", "--format", "jsonl", PLEA]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == analysis_of(kb, PLEA).report["trace"]
