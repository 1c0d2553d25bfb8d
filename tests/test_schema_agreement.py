"""The case schema and the reader agree: 200 mutated cases, each accepted by both or rejected by both.

A schema cannot express everything the reader checks. What it cannot, and
so what these mutations leave out: a file's size (1 MiB at most), invalid
UTF-8 or NUL bytes, a TOML or JSON syntax error or a key given twice (the
file is not data yet), and a lone surrogate in free text (JSON Schema sees
only code points). Everything a mutation here does, both must judge alike.
"""
import json
import random

import jsonschema
import pytest

from exsplain.expert.fields import CaseError
from exsplain.expert.reading import parse
from exsplain.expert.schema import case_schema

from conftest import example_files

WRONG_VALUES = [None, 0, 1.5, -1, "", "yes ", "TRUE", True, False, [], {}, ["work"], "work", "none", "x" * 70]


def table_of(data, field):
    """The table ``field`` goes in, made anew if a mutation made it something else."""
    if not isinstance(data.get(field.table), dict):
        data[field.table] = {}
    return data[field.table]


def mutations(rng, data, kb):
    """One random change to ``data``: a wrong value, a wrong type, a repeat, an unknown name, or a removal."""
    tables = [t for t in data if isinstance(data[t], dict) and t in kb.vocabulary.tables]
    choice = rng.randrange(9)
    if choice == 0 and tables:  # an answer replaced by a value of any kind
        table = rng.choice(tables)
        field = rng.choice(list(kb.vocabulary.tables[table].fields()))
        data[table][field] = rng.choice(WRONG_VALUES)
    elif choice == 1:  # a list answer with a repeat, or with a value from another field
        field = rng.choice([f for f in kb.vocabulary.fields.values() if f.schema().get("type") == "array"])
        item = rng.choice(list(field.values))
        table_of(data, field)[field.name] = rng.choice([[item, item], [item, "stroll"], [item]])
    elif choice == 2:  # an unknown field or table
        if tables and rng.random() < 0.5:
            data[rng.choice(tables)]["favourite_colour"] = "blue"
        else:
            data["hobbies"] = {"chess": True}
    elif choice == 3:  # the version
        data["schema"] = rng.choice([1, 2, 3, "2", 2.0, True, None])
    elif choice == 4:  # free text of another kind
        data[rng.choice(["title", "notes"])] = rng.choice(["fine", 3, None, ["a"], "tab\there"])
    elif choice == 5 and tables:  # a table that is not a table
        data[rng.choice(tables)] = rng.choice([[], "x", 1, None])
    elif choice == 6 and tables:  # a removed answer, or a removed table: still a case
        table = rng.choice(tables)
        if data[table] and rng.random() < 0.5:
            data[table].pop(rng.choice(list(data[table])))
        else:
            data.pop(table)
    elif choice == 7:  # any allowed value of any field: always a case
        field = rng.choice(list(kb.vocabulary.fields.values()))
        table_of(data, field)[field.name] = field.to_data(rng.choice(field.samples()))
    else:  # the schema reference
        data["$schema"] = rng.choice(["file:///case.schema.json", 7, None])
    return data


@pytest.fixture(scope="module")
def validator(kb):
    return jsonschema.Draft202012Validator(case_schema(kb))


def test_reader_and_schema_accept_and_reject_the_same_cases(kb, validator, tmp_path):
    rng = random.Random(22)
    originals = [parse(p.read_text(encoding="utf-8"), str(p)) for p in example_files()]
    verdicts, disagreements = {True: 0, False: 0}, []
    for number in range(200):
        data = json.loads(json.dumps(rng.choice(originals)))
        for _ in range(rng.randint(1, 3)):
            data = mutations(rng, data, kb)
        path = tmp_path / f"case-{number}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        try:
            kb.vocabulary.load(path)
            read = True
        except CaseError:
            read = False
        verdicts[read] += 1
        if read != validator.is_valid(data):
            disagreements.append((data, read))
    assert not disagreements, disagreements[:3]
    assert min(verdicts.values()) >= 30, f"both kinds of case are tried: {verdicts}"


def test_a_repeated_list_item_is_rejected_by_both(kb, validator, tmp_path):
    data = {"schema": 2, "ex": {"stressors": ["work", "work"]}}
    assert not validator.is_valid(data)
    with pytest.raises(CaseError, match="'work' appears twice"):
        kb.vocabulary.validate(data)
