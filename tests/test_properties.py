"""Properties of the whole reasoning, on generated cases."""
import json

import tomli_w
from hypothesis import assume, given
from hypothesis import strategies as st

from expert.vocabulary import ChoiceSet
from conftest import report_of_file
from strategies import case_data


def report_of(kb, data):
    return kb.report(kb.vocabulary.validate(data))


@given(case_data())
def test_any_valid_case_gives_a_valid_report(kb, data):
    report = report_of(kb, data)
    json.dumps(report)  # plain data only
    assert all(0 < m["certainty"] <= 1 for m in report["motives"])
    assert all(m["band"] in ("likely", "possible", "unlikely") for m in report["motives"])
    actions = {a["id"] for a in report["actions"]}
    assert not actions & {w["id"] for w in report["withheld"]}
    for action in report["actions"]:
        assert action["id"] in kb.catalog.recommendations
    assert set(report["unanswered"]).isdisjoint({p for t, fs in data.items() for p in (f"{t}.{f}" for f in fs)})


def shuffled(data, rng):
    tables = list(data.items())
    rng.shuffle(tables)
    result = {}
    for name, fields in tables:
        items = list(fields.items())
        rng.shuffle(items)
        result[name] = {k: (rng.sample(v, len(v)) if isinstance(v, list) else v) for k, v in items}
    return result


@given(case_data(), st.randoms(use_true_random=False))
def test_order_of_tables_fields_and_stressors_never_changes_the_report(kb, data, rng):
    assert report_of(kb, shuffled(data, rng)) == report_of(kb, data)


@given(case_data())
def test_toml_and_json_files_of_a_case_give_the_same_report(kb, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("twins")
    (folder / "case.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    (folder / "case.json").write_text(json.dumps(data), encoding="utf-8")
    assert report_of_file(kb, folder / "case.toml") == report_of_file(kb, folder / "case.json")


def candidates(answer):
    """Values to try for a field: each word, or for a list field single words and pairs."""
    if isinstance(answer, ChoiceSet):
        return [(v,) for v in answer.values] + list(zip(answer.values, answer.values[1:]))
    return list(answer.values)


def with_rule_satisfied(kb, data, rule):
    """``data`` with the unknown answers that ``rule`` needs filled in, or None."""
    data = {t: dict(f) for t, f in data.items()}
    for condition in kb.conditions[rule.name]:
        table, field = condition.path.split(".")
        if field in data.get(table, {}):
            continue
        fitting = [v for v in candidates(kb.vocabulary.answer(condition.path)) if condition.holds(v)]
        if not fitting:
            return None
        data.setdefault(table, {})[field] = list(fitting[0]) if isinstance(fitting[0], tuple) else fitting[0]
    return data


def new_evidence(kb, data, more, motive):
    """The inferences before and after, and the rules for ``motive`` that only fire after."""
    before = kb.infer(kb.vocabulary.validate(data))
    after = kb.infer(kb.vocabulary.validate(more))
    new = {f.rule.name for f in after.support(motive)} - {f.rule.name for f in before.support(motive)}
    return before, after, [kb.rule_by_name[name] for name in new]


@given(case_data(), st.data())
def test_more_evidence_for_a_motive_never_lowers_it(kb, data, draw):
    rule = draw.draw(st.sampled_from([r for r in kb.rules if r.supports and r.weight > 0]))
    more = with_rule_satisfied(kb, data, rule)
    assume(more is not None and more != data)
    before, after, new = new_evidence(kb, data, more, rule.supports)
    assume(new and all(r.weight > 0 for r in new))
    assert after.certainty[rule.supports] >= before.certainty.get(rule.supports, 0.0)


@given(case_data(), st.data())
def test_more_evidence_against_a_motive_never_raises_it(kb, data, draw):
    rule = draw.draw(st.sampled_from([r for r in kb.rules if r.supports and r.weight < 0]))
    more = with_rule_satisfied(kb, data, rule)
    assume(more is not None and more != data)
    before, after, new = new_evidence(kb, data, more, rule.supports)
    assume(new and all(r.weight < 0 for r in new))
    assert after.certainty[rule.supports] <= before.certainty.get(rule.supports, 0.0)
