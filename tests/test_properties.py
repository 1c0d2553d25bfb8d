"""Properties of the whole reasoning, on generated cases."""
import json

import tomli_w
from hypothesis import assume, given
from hypothesis import strategies as st

from exsplain.expert.fields import ChoiceSet
from exsplain.expert.spreadsheet import case_row, row_case

from conftest import report_without_case
from strategies import case_data


def report_of(kb, data):
    return kb.report(kb.vocabulary.validate(data), "GB")


@given(case_data())
def test_any_valid_case_gives_a_valid_report(kb, data):
    report = report_of(kb, data)
    json.dumps(report)  # plain data only
    assert all(0 < m["certainty"] <= 1 for m in report["motives"])
    actions = {a["id"] for a in report["actions"]}
    assert not actions & {w["id"] for w in report["withheld"]}
    answered = {f"{t}.{f}" for t, fields in data.items() for f in fields}
    assert set(report["unanswered"]).isdisjoint(answered)
    if any(a["priority"] == 1 for a in report["actions"]) or not report["safety"]["answered"]:
        assert report["safety"]["resources"], "help is named whenever it may be needed"


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
def test_order_of_tables_fields_and_list_items_never_changes_the_report(kb, data, rng):
    assert report_of(kb, shuffled(data, rng)) == report_of(kb, data)


@given(case_data())
def test_toml_and_json_files_of_a_case_give_the_same_report(kb, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("twins")
    (folder / "case.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    (folder / "case.json").write_text(json.dumps(data), encoding="utf-8")
    assert report_without_case(kb, folder / "case.toml") == report_without_case(kb, folder / "case.json")


@given(case_data(), st.sampled_from([False, True]), st.text(max_size=30))
def test_a_case_written_to_a_file_reads_back_the_same(kb, tmp_path_factory, data, as_json, title):
    case = kb.vocabulary.validate({**data, "title": title} if title else data)
    path = tmp_path_factory.mktemp("round") / ("case.json" if as_json else "case.toml")
    path.write_text(kb.vocabulary.dumps(case, as_json), encoding="utf-8")
    back = kb.vocabulary.load(path)
    assert (back.answers, back.title) == (case.answers, case.title)


@given(case_data())
def test_a_case_written_as_a_spreadsheet_row_reads_back_the_same(kb, data):
    case = kb.vocabulary.validate(data)
    row = {k: v for k, v in case_row(kb.vocabulary, case).items()}
    assert row_case(kb.vocabulary, "row", row).answers == case.answers


def candidates(field):
    """Values to try for a field: each word, or for a list field single words and pairs."""
    if isinstance(field, ChoiceSet):
        return [(v,) for v in field.values] + list(zip(field.values, field.values[1:]))
    return list(field.values)


def with_rule_satisfied(kb, data, rule):
    """``data`` with the unknown answers that ``rule``'s positive conditions need filled in, or None."""
    data = {t: dict(f) for t, f in data.items()}
    for condition in kb.conditions[rule.name]:
        if condition.path is None:
            return None  # beliefs and absences cannot be filled in
        field = kb.vocabulary.field(condition.path)
        if field.name in data.get(field.table, {}):
            continue
        fitting = [v for v in candidates(field) if condition.holds(v)]
        if not fitting:
            return None
        data.setdefault(field.table, {})[field.name] = list(fitting[0]) if isinstance(fitting[0], tuple) else fitting[0]
    return data


def new_evidence(kb, data, more, motive):
    before = kb.infer(kb.vocabulary.validate(data))
    after = kb.infer(kb.vocabulary.validate(more))
    new = {f.rule.name for f in after.support(motive)} - {f.rule.name for f in before.support(motive)}
    gone = {f.rule.name for f in before.support(motive)} - {f.rule.name for f in after.support(motive)}
    return before, after, [kb.rule_by_name[name] for name in new], gone


@given(case_data(), st.data())
def test_more_evidence_for_a_motive_never_lowers_it(kb, data, draw):
    rule = draw.draw(st.sampled_from([r for r in kb.rules if r.supports and r.weight > 0]))
    more = with_rule_satisfied(kb, data, rule)
    assume(more is not None and more != data)
    before, after, new, gone = new_evidence(kb, data, more, rule.supports)
    assume(new and all(r.weight > 0 for r in new) and not gone)
    assert after.certainty[rule.supports.id] >= before.certainty.get(rule.supports.id, 0.0)


@given(case_data(), st.data())
def test_more_evidence_against_a_motive_never_raises_it(kb, data, draw):
    rule = draw.draw(st.sampled_from([r for r in kb.rules if r.supports and r.weight < 0]))
    more = with_rule_satisfied(kb, data, rule)
    assume(more is not None and more != data)
    before, after, new, gone = new_evidence(kb, data, more, rule.supports)
    assume(new and all(r.weight < 0 for r in new) and not gone)
    assert after.certainty[rule.supports.id] <= before.certainty.get(rule.supports.id, 0.0)
