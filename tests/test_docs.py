"""Shipped documentation, JSON Schemas, shell completion, spreadsheets and conversion."""
import json
import re
import shlex

import jsonschema
import pytest
from click.shell_completion import ShellComplete
from hypothesis import given

from exsplain.cli.main import all_commands, cli
from exsplain.expert.schema import case_schema, report_schema

from conftest import ROOT, example, example_files
from strategies import case_data


def help_examples():
    """Every example line of every command's help."""
    found = []
    for name, command in all_commands().items():
        block = (command.help or "").split("Examples:")[-1]
        found += [(name, line.strip()) for line in block.splitlines() if line.strip().startswith(("exsplain", "printf"))]
    return found


def doc_examples():
    """Every ``exsplain ...`` line in the README and the docs' code blocks."""
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for block in re.findall(r"```sh\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            found += [(path.name, line.split("  #")[0].strip()) for line in block.splitlines()
                      if line.strip().startswith("exsplain ")]
    return found


def run_example(runner, line, tmp_path):
    """Run one documented command line in-process: pipes feed stdin, redirections go to a file."""
    stdin = ""
    if line.startswith("printf "):
        printed, line = line.split(" | ", 1)
        stdin = shlex.split(printed)[1].encode().decode("unicode_escape")
    line = line.split(" | ")[0].split(" > ")[0]
    args = shlex.split(line)[1:]
    args = [str(tmp_path / a) if a.endswith((".toml", ".json")) and not a.startswith(("examples", "docs")) and
            args[max(0, args.index(a) - 1)] in ("--save", "--output", "-o") else a for a in args]
    return runner.invoke(cli, args, input=stdin, catch_exceptions=False)


@pytest.mark.parametrize("command, line", help_examples() + doc_examples())
def test_every_documented_example_runs(runner, tmp_path, monkeypatch, command, line):
    monkeypatch.chdir(ROOT)
    result = run_example(runner, line, tmp_path)
    allowed = (0, 1) if " consult" in f" {line}" else (0,)
    assert result.exit_code in allowed, (line, result.stderr)
    assert "Traceback" not in result.stderr


def test_the_readme_shows_the_way_to_the_command_and_the_references():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start")[1].split("##")[0]
    assert "make consult" in quick_start and "make test" in quick_start
    assert ".venv/bin/exsplain" in readme and "pipx install ." in readme
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target


@pytest.fixture(scope="module")
def schemas(kb):
    return {"case": jsonschema.Draft202012Validator(case_schema(kb)),
            "report": jsonschema.Draft202012Validator(report_schema(kb))}


def test_the_committed_schemas_are_valid_draft_2020_12(schemas):
    for name in ("case", "report"):
        schema = json.loads((ROOT / "docs" / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_every_example_and_its_report_follow_their_schemas(kb, schemas, path):
    from exsplain.expert.reading import decode, parse, read_bytes

    data = parse(decode(read_bytes(str(path)), str(path)), str(path))
    schemas["case"].validate(data)
    schemas["report"].validate(kb.report(kb.vocabulary.load(path), "GB"))


@given(case_data())
def test_generated_cases_and_their_reports_follow_their_schemas(kb, schemas, data):
    schemas["case"].validate(data)
    schemas["report"].validate(kb.report(kb.vocabulary.validate(data), "GB"))


def test_the_schema_refuses_what_the_reader_refuses(schemas):
    assert not schemas["case"].is_valid({"breakup": {"ended_by": "nobody"}})
    assert not schemas["case"].is_valid({"feelings": {}})
    assert not schemas["case"].is_valid({"ex": {"stressors": ["work", "money"]}})


def test_schema_command_prints_the_committed_schema(runner):
    for name in ("case", "report"):
        printed = runner.invoke(cli, ["schema", name]).stdout
        assert printed == (ROOT / "docs" / f"{name}.schema.json").read_text(encoding="utf-8")


def completions(args, incomplete):
    complete = ShellComplete(cli, {}, "exsplain", "_EXSPLAIN_COMPLETE")
    return [(c.type, c.value) for c in complete.get_completions(args, incomplete)]


def test_completion_of_commands_and_options():
    assert ("plain", "analyze") in completions([], "an")
    assert ("plain", "--region") in completions(["analyze"], "--re")


def test_completion_of_case_files():
    assert completions(["analyze"], "exam") == [("file", "exam")]
    assert completions(["explain"], "exam") == [("file", "exam")]


def test_completion_of_conclusions_after_explain_case():
    found = [value for _, value in completions(["explain", example("co-parents.toml")], "gu")]
    assert "guilt" in found
    labels = [value for _, value in completions(["explain", example("co-parents.toml")], "Guilt")]
    assert "Guilt for hurting you" in labels


def test_completion_of_fields_and_values_after_whatif_set():
    fields = [value for _, value in completions(["whatif", example("co-parents.toml"), "--set"], "me.wa")]
    assert fields == ["me.want_back="]
    values = [value for _, value in completions(["whatif", example("co-parents.toml"), "--set"], "me.want_back=")]
    assert values == ["me.want_back=yes", "me.want_back=no", "me.want_back=unsure"]


def test_convert_between_toml_json_and_a_spreadsheet_row(runner, kb, tmp_path):
    source = example("dumped-struggling-ex.toml")
    as_json = runner.invoke(cli, ["convert", source, "--to", "json"])
    assert json.loads(as_json.stdout)["ex"]["stressors"] == ["work", "depression", "anxiety"]
    as_csv = runner.invoke(cli, ["convert", source, "--output", str(tmp_path / "one.csv")])
    assert as_csv.exit_code == 0
    back = runner.invoke(cli, ["convert", str(tmp_path / "one.csv"), "--row", "2", "--to", "toml"])
    (tmp_path / "back.toml").write_text(back.stdout, encoding="utf-8")
    assert kb.vocabulary.load(tmp_path / "back.toml").answers == kb.vocabulary.load(source).answers
    assert (tmp_path / "one.csv").stat().st_mode & 0o777 == 0o600


def test_convert_says_which_format_it_needs(runner):
    result = runner.invoke(cli, ["convert", example("co-parents.toml")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --to: say which format to write")


def test_exit_statuses_are_said_as_declared_in_the_help_the_readme_and_the_makefile():
    from click.testing import CliRunner

    from exsplain.cli.status import ExitStatus

    root_help = " ".join(CliRunner().invoke(cli, ["--help"], terminal_width=200).stdout.split())
    assert f"Exit status: {ExitStatus.summary()}." in root_help
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for status in ExitStatus:
        assert f"{status.value} {status.words}" in readme, status
    consult = next(line for line in (ROOT / "Makefile").read_text().splitlines() if "status -eq" in line)
    accepted = {int(n) for n in re.findall(r"-eq (\d+)", consult)}
    assert accepted == {ExitStatus.OK, ExitStatus.INCOMPLETE, ExitStatus.INTERRUPTED}
