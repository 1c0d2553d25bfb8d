"""The case study renders anywhere: checked on the HTML of a CommonMark renderer (markdown-it-py)."""
import html
import json
import re

import pytest
from markdown_it import MarkdownIt

from exsplain.cli.main import cli
from exsplain.expert.report import first_advice

from conftest import analysis_of, example_files

COMMONMARK = MarkdownIt("commonmark")


def markdown_of(runner, path):
    result = runner.invoke(cli, ["analyze", "--format", "markdown", str(path)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def blocks(text):
    """The top-level blocks of the rendered document: (tag, text of the block's first heading, inner tokens)."""
    found, depth, current = [], 0, None
    for token in COMMONMARK.parse(text):
        if depth == 0 and token.nesting == 1:
            current = (token.tag, [])
            found.append(current)
        if current is not None:
            current[1].append(token)
        depth += token.nesting
    return [(tag, next((t.content for i, t in enumerate(tokens) if t.type == "inline"
                        and tokens[i - 1].type == "heading_open"), None), tokens) for tag, tokens in found]


def help_first(kb, report):
    return report["safety"].get("help_first", bool(first_advice(kb, report)) or not report["safety"]["answered"])


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_the_help_block_is_a_distinct_element_before_the_situation(runner, kb, path):
    text = markdown_of(runner, path)
    rendered = blocks(text)
    headed = [(tag, heading) for tag, heading, _ in rendered]
    situation = headed.index(("h2", "The situation"))
    quotes = [n for n, (tag, heading) in enumerate(headed) if tag == "blockquote" and heading == "Help first"]
    if help_first(kb, analysis_of(kb, path).report):
        assert len(quotes) == 1 and quotes[0] < situation, "one help block, a quote headed Help first, before all else"
        assert [tag for tag, _ in headed[:quotes[0]]] in (["h1"], ["h1", "p"]), "only the title (and notes) above"
        assert "> [!IMPORTANT]\n> ## Help first\n" in text, "GitHub's alert as an extra"
    else:
        assert not quotes and "[!IMPORTANT]" not in text
    assert "blockquote" not in [tag for tag, _ in headed[situation:]], "no other quote to mistake for it"


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_headings_have_no_stray_backslash_and_sources_are_grouped_by_article(runner, kb, path):
    text = markdown_of(runner, path)
    headings = re.findall(r"<h(\d)>(.*?)</h\1>", COMMONMARK.render(text))
    assert headings and not any("\\" in heading for _, heading in headings)
    assert not any("\\" in line for line in text.splitlines() if line.startswith("#"))
    sources = text[text.index("\n## Sources\n"):]
    articles = [a.title for a in kb.catalog.articles]
    for title in articles:
        assert sources.count(f"“{title}”") <= 1, "each article once, with its paragraphs under it"
    assert re.search(r"\n- [^\n]+: paragraphs? \d+", sources)


@pytest.mark.parametrize("title", ["Anna - dumped (again), 3 years on!", "C# & *stars* #", "- a list?",
                                   "12. not a number", "<b>bold</b> [link](x) `code` {#id} $5 ~x~ a_b_c",
                                   "back\\slash &amp; done"])
def test_a_title_reads_as_written_and_never_as_markup(runner, tmp_path, title):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"title": title, "notes": title}), encoding="utf-8")
    text = markdown_of(runner, path)
    (h1,) = re.findall(r"<h1>(.*?)</h1>", COMMONMARK.render(text))
    assert html.unescape(h1) == title
    assert f"<p><em>Notes:</em> {html.escape(title, quote=False)}</p>" in COMMONMARK.render(text).replace("&quot;", '"')
    if not re.search(r"[\\`*_{}\[\]~^$|<#]|^[-\d]", title) and "&amp;" not in title:
        assert text.startswith(f"# {title}\n"), "nothing escaped that needs no escape"
