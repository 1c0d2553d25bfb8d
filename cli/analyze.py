"""``exsplain analyze``: the reasoning on case files, as text, JSON, Markdown or a graph."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from exsplain.cli.output import say, say_json
from exsplain.cli.params import CaseFiles, format_option, knowledge_base, region_option

if TYPE_CHECKING:  # for annotations only: ``analyze --help`` does not load the engine
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase


@click.command()
@click.argument("cases", nargs=-1, required=True, cls=CaseFiles, metavar="CASE...")
@format_option("text", "json", "markdown", "dot")
@click.option("--trace", "show_trace", is_flag=True, help="Also show every rule firing, in order.")
@click.option("--sensitivity", is_flag=True,
              help="Also show, for each open question, what each possible answer would change.")
@click.option("--sources", "show_sources", is_flag=True,
              help="Also list every source in full (article and paragraphs).")
@region_option
def analyze(cases: tuple[Case, ...], output_format: str, show_trace: bool, sensitivity: bool, show_sources: bool,
            region: str) -> None:
    """Explain why the ex cries, from one or more case files.

    Case files are TOML or JSON (see docs/case-files.md and examples/).
    Text is for people; JSON is the report format of docs/report.md: one
    object for one case, a list for several. Markdown is a case-study
    report with a flowchart; dot is a Graphviz graph of the reasoning.

    \b
    Examples:
      exsplain analyze examples/ended-by-me-plea.toml
      exsplain analyze --trace examples/ended-by-me-plea.toml
      exsplain analyze --format json examples/dumped-its-not-you.toml
      exsplain analyze --sensitivity examples/ended-by-me-doubting.toml
      exsplain analyze --region GB examples/safety-self-harm.toml
    """
    kb = knowledge_base()
    analyses = [kb.analyze(case, region) for case in cases]
    if output_format == "dot":
        from exsplain.expert.graph import derivation, to_dot

        for analysis in analyses:
            say(to_dot(derivation(kb, analysis), analysis.case.title or analysis.case.path or "exsplain"), nl=False)
        return
    extra: list[Any] = [sensitivity_of(kb, a) if sensitivity else None for a in analyses]
    if output_format == "json":
        reports = [dict(a.report, sensitivity=s) if s is not None else a.report for a, s in zip(analyses, extra)]
        say_json(reports[0] if len(reports) == 1 else reports)
    elif output_format == "markdown":
        from exsplain.cli.markdown import report_markdown

        say("\n---\n\n".join(report_markdown(a) for a in analyses), nl=False)
    else:
        from exsplain.cli.layout import Page
        from exsplain.cli.render import report_text

        page = Page.for_stream()
        say("\n\n\n".join(report_text(a, page, show_trace, show_sources, s) for a, s in zip(analyses, extra)))


def sensitivity_of(kb: KnowledgeBase, analysis: Analysis) -> list[dict[str, Any]]:
    from exsplain.expert.compare import sensitivity

    return sensitivity(kb, analysis)
