"""Bad input: one line on stderr naming file, field and what is allowed; exit 2."""
import os

import pytest

from exsplain.cli.main import cli

BAD_CASES = [
    ("unknown-table.toml", "[feelings]\nsad = true\n",
     "feelings: unknown table (allowed: schema, title, notes, breakup, crying, ex, contact, me, safety)"),
    ("unknown-field.toml", '[breakup]\nwho = "me"\n',
     "breakup.who: unknown field (allowed: ended_by, how_long_ago, ex_excuse)"),
    ("value-not-allowed.toml", '[breakup]\nended_by = "maybe"\n',
     "breakup.ended_by: 'maybe' is not allowed (allowed: me | ex | mutual)"),
    ("string-for-boolean.toml", '[ex]\ncries_easily = "yes"\n',
     "ex.cries_easily: expected true or false, got text 'yes'"),
    ("number-for-word.json", '{"breakup": {"ended_by": 1}}',
     "breakup.ended_by: expected one of me | ex | mutual, got a number (1)"),
    ("boolean-for-word.json", '{"me": {"want_back": true}}',
     "me.want_back: expected one of yes | no | unsure, got a boolean (true)"),
    ("unknown-stressor.toml", '[ex]\nstressors = ["work", "money"]\n',
     "ex.stressors[1]: 'money' is not allowed (allowed: work, life_direction, identity, depression, anxiety, "
     "health, family, other)"),
    ("stressors-not-a-list.toml", '[ex]\nstressors = "work"\n',
     "ex.stressors: expected a list of any of: work, life_direction"),
    ("table-is-a-value.toml", 'breakup = "me"\n', "breakup: expected a table, got text 'me'"),
    ("title-is-a-number.toml", "title = 3\n", "title: expected text, got a number (3)"),
    ("schema-4.toml", "schema = 4\n", "schema: unsupported version 4 (supported: 1, 2, 3)"),
    ("schema-true.toml", "schema = true\n", "schema: unsupported version true (supported: 1, 2, 3)"),
    ("duplicate-key.json", '{"title": "a", "title": "b"}', "invalid JSON: the key 'title' appears twice"),
    ("surrogate.json", '{"title": "\\ud800"}', "title: text holds an invalid character (a lone surrogate)"),
    ("schema-link-not-text.json", '{"$schema": 3}', "$schema: expected text"),
    ("invalid.toml", "[breakup\nended_by = 'me'\n", "invalid TOML: "),
    ("invalid.json", '{"breakup": }', "line 1, column 13: invalid JSON: Expecting value"),
    ("not-an-object.json", "[1, 2]", "a case must be a table (a JSON object), got a list"),
    ("garbage.toml", b"\x89PNG\r\n\x1a\n\xff\xfe\x00", "not a text file (invalid UTF-8 at byte 0)"),
    ("bom.toml", "\ufeff[breakup]\nended_by = 3\n", "breakup.ended_by: expected one of me | ex | mutual"),
    ("nul-bytes.toml", b"title = 'a'\x00\x00", "not a text file (contains NUL bytes)"),
]


@pytest.mark.parametrize("name, content, message", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_case_is_one_line_with_exit_2(runner, tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {path}: {message}")
    assert "Traceback" not in result.stderr


def test_toml_syntax_error_names_line_and_column(runner, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('title = "x"\n[breakup\n', encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 2
    assert "line 2, column" in result.stderr


def test_missing_file(runner, tmp_path):
    result = runner.invoke(cli, ["analyze", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nope.toml'}: no such file\n"


def test_folder_instead_of_file(runner, tmp_path):
    result = runner.invoke(cli, ["analyze", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path}: is a folder, not a case file\n"


def test_a_case_file_may_be_written_with_upper_case_suffix_and_a_byte_order_mark(runner, tmp_path):
    path = tmp_path / "CASE.TOML"
    path.write_text('\ufeff[breakup]\nended_by = "me"\n', encoding="utf-8")
    result = runner.invoke(cli, ["analyze", "--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(runner, tmp_path):
    path = tmp_path / "secret.toml"
    path.write_text("", encoding="utf-8")
    path.chmod(0)
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}: cannot read: ")


def test_every_bad_file_is_reported_before_exiting(runner, tmp_path):
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text("[x]\n", encoding="utf-8")
    second.write_text("[y]\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(first), str(second)])
    assert result.exit_code == 2
    assert [line.split(": ")[1] for line in result.stderr.splitlines()] == [str(first), str(second)]


@pytest.mark.parametrize("content", ["", "\n\n   \n", "# only a comment\n"])
def test_empty_file_is_a_case_with_nothing_known(runner, tmp_path, content):
    path = tmp_path / "empty.toml"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", "--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr
    assert '"motives": []' in result.stdout


def test_a_title_with_control_characters_is_shown_escaped(runner, tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{"title": "Hi\\n\\nWhat you could do\\n1. Go back \\u202e\\u001b[31m"}', encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == "Hi\\n\\nWhat you could do\\n1. Go back \\u202e\\x1b[31m"
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
