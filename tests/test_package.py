"""The installed copy finds its things: shipped examples and schemas, standard input, schema references.

The build itself (sdist, wheel, twine, a dummy distribution owning top-level
``cli`` and ``expert``) is checked by ``.ci/package`` in a fresh venv.
"""
import configparser
import json
import re
import shutil
import stat
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from exsplain.cli.main import cli
from exsplain.cli.shipped import example_paths, schema_path

from conftest import EXAMPLES, ROOT, example, example_files
from test_analyze_cli import exsplain_command, installed

SNAKE_CASE_ID = re.compile(r"\b[a-z]+_[a-z_]+\b")


def schema_reference(text):
    """The path a saved or copied file's schema reference points at."""
    found = re.search(r'^#:schema (\S+)$|"\$schema": "([^"]+)"', text, re.MULTILINE)
    assert found, text[:200]
    uri = found.group(1) or found.group(2)
    assert uri.startswith("file:///"), uri
    return Path(unquote(urlparse(uri).path))


def test_every_example_is_shipped_as_package_data():
    assert [p.name for p in example_paths()] == sorted(p.name for p in example_files())
    assert schema_path().read_text(encoding="utf-8") == (ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8")


def test_examples_lists_each_title_and_situation_in_words(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["examples"])
    assert result.exit_code == 0, result.stderr
    assert "She cries at the children's handovers" in result.stdout
    assert "we share two children" in result.stdout
    assert "Shows:" not in result.stdout
    listing = json.loads(runner.invoke(cli, ["examples", "--format", "json"]).stdout)
    assert [e["name"] for e in listing] == [p.name for p in example_files()]
    assert all(e["title"] and e["situation"] for e in listing)
    words = result.stdout.replace(".toml", "").replace(".json", "")
    assert not SNAKE_CASE_ID.findall(words), "the listing is for people: no ids"


def test_examples_prints_one_with_a_schema_reference_an_editor_resolves(runner):
    result = runner.invoke(cli, ["examples", "co-parents"])
    assert result.exit_code == 0, result.stderr
    original = Path(example("co-parents.toml")).read_text(encoding="utf-8")
    assert result.stdout.splitlines()[1:] == original.splitlines()[1:]
    assert schema_reference(result.stdout) == schema_path()
    assert schema_path().exists()


def test_an_unknown_example_is_one_line_naming_the_examples(runner):
    result = runner.invoke(cli, ["examples", "co-parent"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: co-parent: no such example (the examples: co-parents,")
    assert len(result.stderr.splitlines()) == 1


def test_copied_examples_are_owner_only_never_replace_a_file_and_analyze(runner, tmp_path):
    target = tmp_path / "mine"
    mine = target / "co-parents.toml"
    target.mkdir()
    mine.write_text("# my own notes\n", encoding="utf-8")
    result = runner.invoke(cli, ["examples", "--copy", str(target)])
    assert result.exit_code == 0, result.stderr
    assert mine.read_text(encoding="utf-8") == "# my own notes\n", "never replaced"
    assert result.stderr == f"kept {mine}: a file of that name is already there\n"
    copies = sorted(target.iterdir())
    assert len(copies) == len(example_files())
    for copy in copies:
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600 or copy == mine
        if copy != mine:
            assert schema_reference(copy.read_text(encoding="utf-8")) == schema_path()
    analyzed = runner.invoke(cli, ["analyze", str(target / "ended-by-me-plea.toml"), str(target / "dumped-its-not-you.json")])
    assert analyzed.exit_code == 0, analyzed.stderr


def test_check_finds_the_shipped_examples_from_any_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{len(example_files())} examples; ")


@pytest.mark.parametrize("args", [["analyze", "-"], ["whatif", "-", "--set", "me.want_back=no"],
                                  ["explain", "-", "dont_return_out_of_pity"], ["questions", "-"],
                                  ["trace", "-"]])
def test_a_dash_reads_the_case_from_standard_input(runner, args):
    text = Path(example("ended-by-me-plea.toml")).read_text(encoding="utf-8")
    piped = runner.invoke(cli, [*args, "--format", "json"], input=text)
    from_file = runner.invoke(cli, [a if a != "-" else example("ended-by-me-plea.toml") for a in args]
                              + ["--format", "json"])
    assert piped.exit_code == 0, piped.stderr
    assert _without_case(piped.stdout) == _without_case(from_file.stdout)


def _without_case(text):
    data = json.loads(text)
    if isinstance(data, dict):
        data.pop("case", None)
        data.pop("path", None)
    return data


def test_a_bad_case_on_standard_input_is_one_line_naming_it(runner):
    result = runner.invoke(cli, ["analyze", "-"], input='{"me": {"want_back": "maybe"}}')
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: standard input: me.want_back: 'maybe' is not allowed")
    assert len(result.stderr.splitlines()) == 1


def test_saved_and_converted_files_name_the_installed_schema(runner, tmp_path):
    saved = tmp_path / "saved.toml"
    runner.invoke(cli, ["consult", "--save", str(saved)], input="she\nno\n")
    converted = tmp_path / "converted.json"
    done = runner.invoke(cli, ["convert", example("co-parents.toml"), "--output", str(converted)])
    assert done.exit_code == 0, done.stderr
    for path in (saved, converted):
        assert schema_reference(path.read_text(encoding="utf-8")) == schema_path()
    again = runner.invoke(cli, ["analyze", str(saved), str(converted)])
    assert again.exit_code == 0, again.stderr


def taplo():
    return shutil.which("taplo")


@pytest.mark.skipif(taplo() is None, reason="taplo is not installed (pip install taplo, or npm install -g @taplo/cli)")
def test_taplo_validates_a_saved_file_in_a_fresh_folder_and_catches_a_wrong_value(runner, tmp_path):
    saved = tmp_path / "saved.toml"
    runner.invoke(cli, ["consult", "--save", str(saved)], input="she\nno\n")
    assert subprocess.run([taplo(), "lint", str(saved)], cwd=tmp_path, capture_output=True).returncode == 0
    saved.write_text(saved.read_text(encoding="utf-8").replace('pronoun = "she"', 'pronoun = "shee"'),
                     encoding="utf-8")
    assert subprocess.run([taplo(), "lint", str(saved)], cwd=tmp_path, capture_output=True).returncode != 0


@installed
def test_the_installed_command_reads_standard_input(tmp_path):
    text = (EXAMPLES / "co-parents.toml").read_bytes()
    done = subprocess.run([exsplain_command(), "analyze", "-"], input=text, cwd=tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert b"She cries at the children's handovers" in done.stdout


def test_the_metadata_declares_the_licence_that_ships():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    metadata = config["metadata"]
    assert metadata["license"] == "MIT"
    assert "License :: OSI Approved :: MIT License" in metadata["classifiers"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "the exsplain authors" in licence
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    for needed in ("LICENSE", "Makefile", "docs", "tests", "examples", "bench"):
        assert needed in manifest


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_the_man_page_renders_without_a_warning():
    done = subprocess.run(["groff", "-man", "-ww", "-z", str(ROOT / "docs" / "exsplain.1")], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    page = (ROOT / "docs" / "exsplain.1").read_text(encoding="utf-8")
    for command in ("analyze", "consult", "examples", "whatif"):
        assert f".SS exsplain {command}\n" in page


def test_setup_installs_the_man_page():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    assert config["options.data_files"]["share/man/man1"].strip() == "docs/exsplain.1"
