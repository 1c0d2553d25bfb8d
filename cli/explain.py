"""``exsplain trace`` and ``exsplain explain``: what the engine did, and why."""
import difflib
import json

import click

from cli.errors import BadInput, reported_as_bad_input
from cli.options import format_option


def load_and_infer(path):
    from knowledge.base import KNOWLEDGE_BASE as kb

    with reported_as_bad_input():
        case = kb.vocabulary.load(path)
    return kb, case, kb.infer(case)


@click.command()
@click.argument("case", type=click.Path(dir_okay=False))
@format_option("table", "json")
def trace(case, output_format):
    """Show every rule firing for a case, in order.

    Each step names the rule, the answers and beliefs it matched, what it
    declared, and the certainty it contributed.

    \b
    Examples:
      exsplain trace examples/ended-by-me-plea.toml
      exsplain trace --format json examples/ended-by-me-plea.toml
    """
    from expert.report import build

    kb, loaded, inference = load_and_infer(case)
    steps = build(kb, loaded, inference)["trace"]
    if output_format == "json":
        click.echo(json.dumps(steps, indent=2, ensure_ascii=False))
        return
    from cli.render import trace_table

    weights = {f.step: (f"{f.rule.weight:+.2f}" if f.rule.supports else "") for f in inference.firings}
    click.echo(trace_table(steps, weights))


@click.command()
@click.argument("case", type=click.Path(dir_okay=False))
@click.argument("conclusion")
@format_option("text", "json", "dot")
def explain(case, conclusion, output_format):
    """Explain how a conclusion was reached, or why not.

    CONCLUSION is a motive, insight, action or warning id (see exsplain
    catalog). How: each rule that contributed, the answers it matched, its
    weight and the running certainty, with sources. Why not: each rule that
    could have concluded it, and the condition that failed or is unknown.

    \b
    Examples:
      exsplain explain examples/ended-by-me-plea.toml plea_to_reconsider
      exsplain explain examples/ended-by-me-plea.toml learned_manipulation
      exsplain explain examples/safety-self-harm.toml go_no_contact
      exsplain explain --format dot examples/ended-by-me-plea.toml dont_return_out_of_pity
    """
    from expert.explain import explain as explain_conclusion
    from expert.explain import known_ids

    kb, loaded, inference = load_and_infer(case)
    try:
        explanation = explain_conclusion(kb, loaded, inference, conclusion)
    except KeyError:
        closest = difflib.get_close_matches(conclusion, known_ids(kb), n=3, cutoff=0.5)
        hint = f"closest: {', '.join(closest)}" if closest else "see exsplain catalog"
        raise BadInput(f"{conclusion}: unknown conclusion id ({hint})") from None
    if output_format == "json":
        click.echo(json.dumps(explanation, indent=2, ensure_ascii=False))
    elif output_format == "dot":
        from expert.graph import to_dot

        steps = set(steps_in(explanation))
        firings = [f for f in inference.firings if f.step in steps]
        click.echo(to_dot(kb, inference, firings, title=conclusion), nl=False)
    else:
        click.echo("\n".join(explanation_lines(explanation)))


def steps_in(explanation):
    """Every firing step an explanation refers to, nested ones included."""
    for part in ("how", "withheld_by"):
        for item in explanation.get(part, ()):
            yield item["step"]
            for nested in item.get("because", ()):
                yield from steps_in(nested)


def explanation_lines(explanation, indent=""):
    """A how / why-not tree as indented text."""
    e = explanation
    if "certainty" in e:
        state = f"certainty {e['certainty']:.2f} ({e['band']})"
    else:
        state = "recommended" if e["reached"] else ("withheld" if e.get("withheld_by") else "not reached")
    lines = [f"{indent}{e['kind']} {e['id']} ({e['label']}): {state}"]
    if e["how"]:
        lines.append(f"{indent}  how:")
    for item in e["how"]:
        weight = f" {item['weight']:+.2f} -> {item['running']:.2f}" if "weight" in item else ""
        lines.append(f"{indent}    step {item['step']}: {item['rule']}{weight}  [{', '.join(item['sources'])}]")
        lines += [f"{indent}      matched {m}" for m in item["matched"]]
        for nested in item.get("because", ()):
            lines += explanation_lines(nested, indent + "      ")
    for item in e.get("withheld_by", ()):
        lines.append(f"{indent}  withheld by safety rule {item['rule']} (matched {', '.join(item['matched'])}):")
        lines.append(f"{indent}    {item['reason']}")
    if "why_not" in e:
        lines.append(f"{indent}  why not:" if e["why_not"] else f"{indent}  why not: no other rule could reach it.")
    for item in e.get("why_not", ()):
        weight = "" if item["weight"] is None else f" ({item['weight']:+.2f})"
        lines.append(f"{indent}    rule {item['rule']}{weight}  [{', '.join(item['sources'])}]")
        lines += [f"{indent}      failed: {f['condition']} (given {f['given']})" for f in item["failed"]]
        lines += [f"{indent}      unknown: {u['condition']} (ask: {u['question']})" for u in item["unknown"]]
    return lines
