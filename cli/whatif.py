"""``exsplain whatif``: how the reading changes if some answers were different."""
import json

import click

from cli.errors import reported_as_bad_input
from cli.options import format_option


@click.command()
@click.argument("case", type=click.Path(dir_okay=False))
@click.option("--set", "assignments", multiple=True, required=True, metavar="TABLE.FIELD=VALUE",
              help="A changed answer (repeatable); an empty value makes it unknown.")
@format_option("text", "json")
def whatif(case, assignments, output_format):
    """Show what changes in the reading if some answers were different.

    Lists the motives whose certainty moves (before -> after) and the
    insights, actions, withheld advice and warnings that appear or disappear.
    Values are written as in a case file: words, true/false, or a
    comma-separated list for ex.stressors.

    \b
    Examples:
      exsplain whatif examples/dumped-its-not-you.toml --set me.want_back=no
      exsplain whatif examples/hurtful-remarks.toml --set safety.ex_self_harm_talk=true
      exsplain whatif examples/cries-easily.toml --set ex.stressors=work,anxiety --format json
    """
    from expert.compare import difference
    from knowledge.base import KNOWLEDGE_BASE as kb

    with reported_as_bad_input():
        before_case = kb.vocabulary.load(case)
        changes = dict(kb.vocabulary.assignment(text) for text in assignments)
    after_case = before_case.with_answers(**changes)
    before, after = kb.report(before_case), kb.report(after_case)
    diff = difference(kb, before, after)
    changed = {p: {"before": before_case.get(p), "after": after_case.get(p)} for p in changes}
    if output_format == "json":
        click.echo(json.dumps({"case": case, "set": plain(changed), **diff}, indent=2, ensure_ascii=False))
        return
    click.echo("\n".join(difference_lines(changed, diff)))


def plain(value):
    """Tuples (list answers) as lists, for JSON."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return list(value) if isinstance(value, tuple) else value


def spell(value):
    from expert.conditions import spell_value

    return "unknown" if value is None else spell_value(value)


def difference_lines(changed, diff):
    lines = [f"If {p} were {spell(c['after'])} (not {spell(c['before'])}):" for p, c in changed.items()]
    motives = diff["motives"]
    if motives:
        from tabulate import tabulate

        rows = [(m["id"], f"{m['before']:.2f}", f"{m['after']:.2f}") for m in motives]
        lines += ["", tabulate(rows, headers=("Motive", "Before", "After"), disable_numparse=True)]
    for key in ("insights", "actions", "withheld", "warnings"):
        for verb in ("added", "removed"):
            if diff[key][verb]:
                lines.append(f"{key} {verb}: {', '.join(diff[key][verb])}")
    if len(lines) == len(changed):
        lines.append("Nothing in the reading changes.")
    return lines
