"""What a person reads: words not ids, help first, every line within the width."""
import json
import re

import pytest

from exsplain.cli.main import cli

from conftest import example, example_files

WIDTHS = (60, 80, 120)
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
FIELD_PATH = re.compile(r"\b(?:breakup|crying|ex|contact|me|safety)\.[a-z_]+\b")
ANSI = re.compile(r"\x1b\[")


def screens(kb, path):
    """The text screens of one example: the reading, with sensitivity and trace, and the tools."""
    report = kb.report(kb.vocabulary.load(path), "GB")
    reached = [report["motives"][0]["id"]] if report["motives"] else []
    reached += [a["id"] for a in report["actions"][:1]] + [w["id"] for w in report["withheld"][:1]]
    not_reached = [c.id for c in kb.catalog.conclusions if c.id not in json.dumps(report)][:1]
    first_open = report["unanswered"][:1]
    commands = [["analyze", str(path)], ["analyze", "--sensitivity", "--trace", "--sources", str(path)],
                ["questions", str(path)], ["trace", str(path)]]
    commands += [["explain", str(path), name] for name in reached + not_reached]
    field = kb.vocabulary.field(first_open[0]) if first_open else None
    if field:
        commands.append(["whatif", str(path), "--set", f"{field.path}={field.to_text(field.values[0])}"])
    return commands


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_no_line_is_wider_than_the_terminal(runner, kb, path):
    for width in WIDTHS:
        for args in screens(kb, path):
            result = runner.invoke(cli, args, env={"COLUMNS": str(width)})
            assert result.exit_code == 0, (args, result.stderr)
            too_wide = [line for line in result.stdout.splitlines() if len(line) > width]
            assert too_wide == [], (width, args)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_catalog_and_the_first_questions_fit_too(runner, width):
    for args in (["catalog"], ["questions"], ["batch", "--summary", "examples"], ["schema", "case"]):
        result = runner.invoke(cli, args, env={"COLUMNS": str(width)})
        assert result.exit_code == 0
        if args[0] != "schema":
            assert max(map(len, result.stdout.splitlines())) <= width, args


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_the_reading_holds_no_ids_and_no_field_paths(runner, path):
    text = runner.invoke(cli, ["analyze", str(path)]).stdout
    body = text.split("\n", 2)[2]  # past the title and the file name
    assert SNAKE_CASE.findall(body) == []
    assert FIELD_PATH.findall(body) == []
    assert "¶" not in body


def test_help_comes_first_and_before_the_motives(runner):
    out = runner.invoke(cli, ["analyze", example("safety-own-dark-thoughts.toml")]).stdout
    assert out.index("Reach out for help for yourself, now") < out.index("Why your ex may be crying")
    assert out.index("Samaritans: call 116 123") < out.index("Why your ex may be crying")


def test_the_self_harm_caveat_comes_before_a_motive_that_reads_tears_as_a_tactic(runner):
    out = " ".join(runner.invoke(cli, ["analyze", example("safety-self-harm.toml")]).stdout.split())
    assert out.index("that talk is to be taken seriously") < out.index("Looking to you for comfort")


def test_colour_marks_help_and_never_with_term_dumb_or_no_color(runner):
    path = example("safety-self-harm.toml")
    coloured = runner.invoke(cli, ["analyze", path], color=True)
    help_line = next(line for line in coloured.stdout.splitlines() if "Help first" in line)
    assert "\x1b[31m" in help_line, "the help is set apart in red"
    assert "\x1b[31m" not in coloured.stdout.split("Why your ex may be crying")[1], "no red for a likely motive"
    for env in ({"TERM": "dumb"}, {"NO_COLOR": "1"}):
        plain = runner.invoke(cli, ["analyze", path], color=True, env=env)
        assert not ANSI.search(plain.stdout), env


def test_json_output_escapes_what_could_fool_a_terminal_but_keeps_the_data(runner, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"title": "a\u202eb\x1bc"}), encoding="utf-8")
    result = runner.invoke(cli, ["analyze", "--format", "json", str(path)])
    assert "\u202e" not in result.stdout and "\x1b" not in result.stdout
    assert json.loads(result.stdout)["case"]["title"] == "a\u202eb\x1bc"


def test_markdown_cannot_be_given_html_or_headings_by_a_title(runner, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"title": "<script>x</script>\n## Fake", "notes": "[a](b) *c*"}), encoding="utf-8")
    out = runner.invoke(cli, ["analyze", "--format", "markdown", str(path)]).stdout
    assert "<script>" not in out and "\n## Fake" not in out
    assert out.startswith("# &lt;script&gt;x&lt;/script&gt;\\\\n\\#\\# Fake\n")
    assert "\\[a\\]\\(b\\) \\*c\\*" in out
