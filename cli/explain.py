"""``exsplain trace`` and ``exsplain explain``: what the engine did, and why."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click
from click.shell_completion import CompletionItem

from exsplain.cli.output import say, say_json
from exsplain.cli.params import CaseFile, format_option, knowledge_base, region_option
from exsplain.cli.status import BadInput
from exsplain.expert.wording import shown

if TYPE_CHECKING:  # for annotations only: ``--help`` does not load the engine
    from exsplain.cli.layout import Page
    from exsplain.expert.case import Case
    from exsplain.expert.knowledge_base import KnowledgeBase


@click.command()
@click.argument("case", type=CaseFile())
@click.option("--watch", is_flag=True,
              help="Show the engine at work instead: facts declared and retracted, activations added to and "
                   "removed from the agenda, and why each firing was chosen.")
@format_option("table", "json", "jsonl")
def trace(case: Case, watch: bool, output_format: str) -> None:
    """Show every rule firing for a case, in order.

    Each step names the rule and the file and line that declare it, says
    which answers (and beliefs) it matched, and what it did: the evidence it
    gave for or against a motive, with the combination written out, or the
    advice, insight or warning it drew or held back. Inside the engine a
    certainty runs from -1 to 1; a reading shows only what is above 0. JSON
    gives rule and field ids; JSON Lines one step (or, with --watch, one
    event, see docs/watch.schema.json) per line.

    \b
    Examples:
      exsplain trace examples/ended-by-me-plea.toml
      exsplain trace --format json examples/ended-by-me-plea.toml
      exsplain trace --watch examples/ended-by-me-plea.toml
      exsplain trace --watch --format jsonl examples/ended-by-me-plea.toml
    """
    kb = knowledge_base()
    if watch:
        from exsplain.expert.watch import watch as watched

        _, items = watched(kb, case)
    else:
        analysis = kb.analyze(case)
        items = analysis.report["trace"]
    if output_format == "json":
        say_json(items)
    elif output_format == "jsonl":
        for item in items:
            say_json(item, indent=None)
    elif watch:
        from exsplain.cli.layout import Page

        page = Page.for_stream()
        say("\n".join(line for item in items for line in page.wrap(item["text"], "    ", first="")))
    else:
        from exsplain.cli.layout import Page
        from exsplain.cli.trace import trace_lines

        say("\n".join(trace_lines(analysis, Page.for_stream())))


def complete_conclusion(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Conclusion ids and labels, for ``explain CASE <TAB>``."""
    from exsplain.expert.wording import fill

    kb = knowledge_base()
    words = kb.catalog.wording(kb.vocabulary.validate({}))
    names = [n for c in kb.catalog.conclusions for n in (c.id, fill(c.label, words))]
    return [CompletionItem(n) for n in names if n.lower().startswith(incomplete.lower())]


@click.command()
@click.argument("case", type=CaseFile())
@click.argument("conclusion", shell_complete=complete_conclusion)
@format_option("text", "json", "dot")
@region_option
def explain(case: Case, conclusion: str, output_format: str, region: str) -> None:
    """Explain how a conclusion was reached, or why not.

    CONCLUSION names a motive, insight, action or warning: its label as the
    reading shows it, its id, or the beginning of either. How: each rule
    that contributed, the answers behind it, its weight and the running
    certainty, with sources. Why not: what each rule that could have
    reached it needs, and the answer that stood in the way or the question
    that is still open.

    \b
    Examples:
      exsplain explain examples/ended-by-me-plea.toml "a hope that you"
      exsplain explain examples/ended-by-me-plea.toml learned_manipulation
      exsplain explain examples/safety-self-harm.toml "step back from contact"
      exsplain explain --format dot examples/ended-by-me-plea.toml dont_return_out_of_pity
    """
    from exsplain.expert.explain import explain as explain_conclusion

    kb = knowledge_base()
    found = kb.find(conclusion, case)
    if not found:
        closest = kb.closest(conclusion, case)
        hint = f"closest: {', '.join(closest)}" if closest else "exsplain catalog lists them"
        raise BadInput(f"{shown(conclusion)}: no such conclusion ({hint})")
    if len(found) > 1:
        raise BadInput(f"{shown(conclusion)}: could be any of {', '.join(c.id for c in found)}")
    analysis = kb.analyze(case, region)
    explanation = explain_conclusion(kb, analysis, found[0])
    if output_format == "json":
        say_json(explanation)
    elif output_format == "dot":
        from exsplain.expert.graph import derivation, to_dot

        steps = set(steps_in(explanation))
        firings = [f for f in analysis.inference.firings if f.step in steps]
        say(to_dot(derivation(kb, analysis, firings), found[0].id), nl=False)
    else:
        from exsplain.cli.layout import Page

        say("\n".join(explanation_lines(kb, explanation, Page.for_stream())))


def steps_in(explanation: dict[str, Any]) -> Iterator[int]:
    """Every firing step an explanation refers to, nested ones included."""
    for part in ("how", "withheld_by"):
        for item in explanation.get(part, ()):
            yield item["step"]
            for nested in item.get("beliefs", ()):
                yield from steps_in(nested)


def sources_in_words(kb: KnowledgeBase, rule_name: str) -> str:
    rule = kb.rule_by_name[rule_name]
    return "; ".join(s.in_words() for s in rule.sources)


def explanation_lines(kb: KnowledgeBase, e: dict[str, Any], page: Page, indent: str = "") -> list[str]:
    """A how / why-not tree in words."""
    kind = kb.conclusion(e["id"]).kind
    if kind.ranked:
        state = f"{e['band']}, certainty {e['certainty']:.2f}" if e["reached"] else "not reached"
    elif e.get("withheld_by"):
        state = "held back for now"
    else:
        state = kind.reached if e["reached"] else "not reached"
    lines = page.wrap(f"{e['label']}: {state}.", indent)
    if e["how"]:
        lines += page.wrap("How it was reached:" if not e.get("withheld_by") else "It would have been reached:",
                           indent)
    for item in e["how"]:
        because = "; ".join(item["because"]) or "the rule holds"
        weight = f" This adds {item['weight']:+.2f}, making {item['running']:.2f}." if "weight" in item else ""
        lines += page.item(f"Step {item['step']}: {because}.{weight} Source: {sources_in_words(kb, item['rule'])}.",
                           indent=indent + "  ")
        for nested in item.get("beliefs", ()):
            lines += explanation_lines(kb, nested, page, indent + "    ")
    for item in e.get("withheld_by", ()):
        lines += page.wrap("Held back by a safety rule:", indent)
        lines += page.item(f"Step {item['step']}: {'; '.join(item['because'])}. {item['reason']}",
                           indent=indent + "  ")
    if "why_not" in e:
        if not e["why_not"]:
            lines += page.wrap("No rule could reach it from these answers.", indent)
        else:
            lines += page.wrap("Why not:", indent)
    for item in e.get("why_not", ()):
        needs = [f"{f['needs']}, but {f['answer'] or f['given']}" for f in item["failed"]]
        needs += [f"{u['needs']}, not known yet (question: “{u['question']}”)" for u in item["unknown"]]
        text = "It would need " + "; and ".join(needs) + "." if needs else item.get("note", "")
        weight = f" (weight {item['weight']:+.2f})" if item["weight"] is not None else ""
        lines += page.item(f"{text}{weight}", indent=indent + "  ")
    return lines
