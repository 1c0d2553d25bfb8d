"""``exsplain analyze``: the reasoning on case files, as tables or JSON."""
import json

import click

from cli.errors import BadInput
from cli.options import format_option


@click.command()
@click.argument("cases", nargs=-1, required=True, type=click.Path(dir_okay=True))
@format_option("text", "json", "markdown", "dot")
@click.option("--trace", "show_trace", is_flag=True, help="Also show every rule firing, in order.")
@click.option("--sensitivity", is_flag=True,
              help="Also show, for each open question, what each possible answer would change.")
def analyze(cases, output_format, show_trace, sensitivity):
    """Explain why the ex cries, from one or more case files.

    Case files are TOML or JSON (see examples/). Text output is for people;
    JSON follows the report format of KNOWLEDGE.md §3: one object for one
    case, a list of objects for several.

    \b
    Examples:
      exsplain analyze examples/ended-by-me.toml
      exsplain analyze --trace examples/ended-by-me.toml
      exsplain analyze --format json examples/*.toml
      exsplain analyze --sensitivity examples/ended-by-me-doubting.toml
    """
    from expert.case import CaseError
    from expert.report import build
    from knowledge.base import KNOWLEDGE_BASE as kb

    loaded, errors = [], []
    for path in cases:
        try:
            loaded.append(kb.vocabulary.load(path))
        except CaseError as error:
            errors.append(str(error))
    if errors:
        for message in errors[:-1]:
            click.echo(f"Error: {message}", err=True)
        raise BadInput(errors[-1])

    inferences = [kb.infer(case) for case in loaded]
    if output_format == "dot":
        from expert.graph import to_dot

        for case, inference in zip(loaded, inferences):
            click.echo(to_dot(kb, inference, title=case.title or case.path), nl=False)
        return
    reports = [build(kb, case, inference) for case, inference in zip(loaded, inferences)]
    if sensitivity:
        from expert.compare import sensitivity as sensitivity_of

        for case, report in zip(loaded, reports):
            report["sensitivity"] = sensitivity_of(kb, case, report, kb.report)
    if output_format == "json":
        data = reports[0] if len(reports) == 1 else reports
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif output_format == "markdown":
        from cli.markdown import report_markdown

        click.echo("\n---\n\n".join(report_markdown(kb, c, r) for c, r in zip(loaded, reports)), nl=False)
    else:
        from cli.render import report_text

        click.echo("\n\n".join(report_text(r, show_trace) for r in reports))
