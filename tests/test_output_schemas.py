"""Every JSON output has a schema (``exsplain schema NAME``), and every output of the examples validates."""
import json

import jsonschema
import pytest

from exsplain.cli.main import cli
from exsplain.expert.schema import output_schemas

from conftest import EXAMPLES, example, example_files

NAMES = ["trace", "explain", "whatif", "questions", "catalog", "batch", "batch-summary", "analyze-several", "examples"]


@pytest.fixture(scope="module")
def validators(kb):
    schemas = output_schemas(kb)
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    return {name: jsonschema.Draft202012Validator(schema) for name, schema in schemas.items()}


def output(runner, *args):
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def valid(validators, name, data):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validators[name].iter_errors(data)]
    assert not errors, (name, errors[:3])


def test_every_output_has_a_schema_that_schema_prints_and_help_names(runner, validators):
    assert sorted(validators) == sorted(NAMES)
    help_text = " ".join(output(runner, "schema", "--help").split())
    for name in NAMES:
        assert json.loads(output(runner, "schema", name))["$id"] == f"urn:exsplain:{name}"
        assert name in help_text


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_the_outputs_of_every_example_validate(runner, kb, validators, path):
    case = str(path)
    valid(validators, "trace", json.loads(output(runner, "trace", "--format", "json", case)))
    valid(validators, "questions", json.loads(output(runner, "questions", "--format", "json", case)))
    for conclusion in ("plea_to_reconsider", "dont_return_out_of_pity", "go_no_contact", "dumper_is_not_the_victim"):
        valid(validators, "explain", json.loads(output(runner, "explain", "--format", "json", case, conclusion)))
    valid(validators, "whatif", json.loads(output(runner, "whatif", "--format", "json", case,
                                                  "--set", "me.want_back=no", "--set", "breakup.ended_by=")))


def test_batch_rows_summary_several_reports_catalog_and_examples_validate(runner, validators, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("x = 1\n", encoding="utf-8")
    rows = runner.invoke(cli, ["batch", "--jobs", "1", "--format", "jsonl", str(EXAMPLES), str(bad)]).stdout
    for line in rows.splitlines():
        valid(validators, "batch", json.loads(line))
    valid(validators, "batch-summary", json.loads(output(runner, "batch", "--jobs", "1", "--summary", "--format",
                                                         "json", str(EXAMPLES))))
    several = json.loads(output(runner, "analyze", "--format", "json", example("co-parents.toml"),
                                example("safety-self-harm.toml")))
    valid(validators, "analyze-several", several)
    valid(validators, "catalog", json.loads(output(runner, "catalog", "--format", "json")))
    valid(validators, "catalog", json.loads(output(runner, "catalog", "--format", "json", "rules")))
    valid(validators, "examples", json.loads(output(runner, "examples", "--format", "json")))


def test_the_schemas_reject_what_the_program_never_writes(runner, validators):
    trace = json.loads(output(runner, "trace", "--format", "json", example("co-parents.toml")))
    assert not validators["trace"].is_valid([{**trace[0], "extra": 1}])
    assert not validators["trace"].is_valid([{**trace[0], "rule": "no_such_rule"}])
    explanation = json.loads(output(runner, "explain", "--format", "json", example("ended-by-me-plea.toml"),
                                    "dont_return_out_of_pity"))
    explanation["how"][0]["beliefs"][0]["band"] = "certain-ish"
    assert not validators["explain"].is_valid(explanation), "a belief nested in a step is checked too"
    several = json.loads(output(runner, "analyze", "--format", "json", example("co-parents.toml"),
                                example("cries-easily.toml")))
    several[1]["schema"] = 99
    assert not validators["analyze-several"].is_valid(several)


def test_each_allowed_value_in_the_case_schema_carries_its_own_words_for_editors(kb):
    """VS Code reads enumDescriptions, taplo x-taplo.docs.enumValues: one wording per value, in order."""
    from exsplain.expert.schema import case_schema

    schema = case_schema(kb)
    ended_by = schema["properties"]["breakup"]["properties"]["ended_by"]
    assert dict(zip(ended_by["enum"], ended_by["enumDescriptions"]))["ex"] == "my ex did"
    documented = 0
    for table in schema["properties"].values():
        if "properties" not in table:
            continue
        for field in table["properties"].values():
            values = field.get("items", field)
            if "enum" in values:
                documented += 1
                assert len(values["enumDescriptions"]) == len(values["enum"]), field
                assert values["x-taplo"]["docs"]["enumValues"] == values["enumDescriptions"]
                assert all(values["enumDescriptions"])
    assert documented >= 10
