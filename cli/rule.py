"""``exsplain rule``: one rule of the knowledge base in words, for a student.

What it needs, what it concludes or holds back and how strongly, where in
the articles it comes from (paragraph numbers included: this is a tool for
reading the knowledge base, not a reading), where it is written, and which
shipped examples fire it.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.shell_completion import CompletionItem

from exsplain.cli.output import say, say_json
from exsplain.cli.params import format_option, knowledge_base
from exsplain.cli.status import BadInput
from exsplain.expert.certainty import MODERATE, STRONG, WEAK
from exsplain.expert.wording import fill, shown

if TYPE_CHECKING:
    from exsplain.cli.layout import Page
    from exsplain.expert.knowledge_base import KnowledgeBase

STRENGTHS = {STRONG: "strong", MODERATE: "moderate", WEAK: "weak"}


def complete_rule(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Rule names, for ``exsplain rule <TAB>``."""
    return [CompletionItem(r.name) for r in knowledge_base().rules if r.name.startswith(incomplete)]


@click.command()
@click.argument("name", required=False, shell_complete=complete_rule)
@click.option("--list", "listing", is_flag=True, help="List every rule, one line each.")
@format_option("text", "json")
def rule(name: str | None, listing: bool, output_format: str) -> None:
    """Show one rule of the knowledge base in words.

    NAME is a rule's name, as the trace gives it, or the beginning of one.
    The rule's conditions, what it concludes or holds back, its weight, its
    sources with the cited paragraphs, the file and line that declare it,
    and which shipped examples fire it. With --list, every rule, one line
    each.

    \b
    Examples:
      exsplain rule plea_when_i_ended_it
      exsplain rule --list
      exsplain rule --format json self_harm_talk
    """
    kb = knowledge_base()
    words = kb.catalog.wording(kb.vocabulary.validate({}))
    if listing:
        records = [summary(kb, r, words) for r in kb.rules]
        if output_format == "json":
            say_json(records)
        else:
            width = max(len(r["rule"]) for r in records)
            say("\n".join(f"{r['rule']:<{width}}  {r['text']}" for r in records))
        return
    if not name:
        raise click.UsageError("give a rule's NAME, or --list for every rule")
    found = [r for r in kb.rules if r.name == name] or [r for r in kb.rules if r.name.startswith(name)]
    if len(found) != 1:
        import difflib

        names = [r.name for r in found] or difflib.get_close_matches(name, [r.name for r in kb.rules], n=3)
        hint = ("could be any of " if found else "closest: ") + ", ".join(names) if names else "--list lists them"
        raise BadInput(f"{shown(name)}: no such rule ({hint})")
    record = described(kb, found[0], words)
    if output_format == "json":
        say_json(record)
        return
    from exsplain.cli.layout import Page

    say("\n".join(rule_lines(record, Page.for_stream())))


def summary(kb: KnowledgeBase, rule: Any, words: dict[str, str]) -> dict[str, Any]:
    """A rule in one line: what it does, without what it needs."""
    return {"rule": rule.name, "defined": rule.defined, "text": "; ".join(doings(kb, rule, words))}


def doings(kb: KnowledgeBase, rule: Any, words: dict[str, str]) -> list[str]:
    """What a rule does, in words: its evidence, conclusions and what it holds back."""
    labels = kb.labels(words)
    said = []
    if rule.supports:
        side = "against" if rule.weight < 0 else "for"
        strength = STRENGTHS.get(abs(rule.weight), "")
        said.append(f"evidence {side} the {rule.supports.kind} “{labels[rule.supports.id]}”, weight "
                    f"{rule.weight:+.2f}{f' ({strength})' if strength else ''}")
    said += [f"draws the {c.kind} “{labels[c.id]}”" for c in rule.concludes]
    if rule.withholds:
        said.append("holds back " + ", ".join(f"the {c.kind} “{labels[c.id]}”" for c in rule.withholds))
    return said or ["nothing this package can explain"]


def described(kb: KnowledgeBase, rule: Any, words: dict[str, str]) -> dict[str, Any]:
    """Everything about a rule, with ids for tools and words for people."""
    labels = kb.labels(words)
    conditions = kb.conditions.get(rule.name, ())
    return {
        "rule": rule.name,
        "defined": rule.defined,
        "salience": rule.salience,
        "layer": layer(rule.salience),
        "conditions": [str(c) for c in conditions],
        "when": [c.in_words(words, labels) for c in conditions] or [getattr(rule, "description", "") or "always"],
        "does": doings(kb, rule, words),
        "supports": rule.supports.id if rule.supports else None,
        "weight": rule.weight if rule.supports else None,
        "concludes": [c.id for c in rule.concludes],
        "withholds": [c.id for c in rule.withholds],
        "says": fill(rule.says, words) if rule.says else None,
        "reason": fill(rule.reason, words) if rule.reason else None,
        "sources": [str(s) for s in rule.sources],
        "sources_in_words": [s.in_words() for s in rule.sources],
        "fired_by": fired_by(kb, rule.name),
    }


def layer(salience: int) -> str:
    """What a rule's salience means, in words (imported here: ``--help`` does not load the engine)."""
    from exsplain.expert.rules import CONCLUSION, EVIDENCE, SAFETY

    return {
        SAFETY: "a safety rule, fired before every other rule; its advice comes first",
        EVIDENCE: "an evidence rule, fired after the safety rules and before any rule that reads a certainty",
        CONCLUSION: "a conclusion rule, fired once all the evidence is in",
    }.get(salience, "a review, run after all the rules on what they did")


def fired_by(kb: KnowledgeBase, name: str) -> list[str]:
    """The shipped examples in whose trace the rule appears, by file name."""
    return rules_fired(kb).get(name, [])


@functools.lru_cache(maxsize=1)
def rules_fired(kb: KnowledgeBase) -> dict[str, list[str]]:
    """For each rule, the shipped examples that fire it (worked out once per process)."""
    from exsplain.cli.shipped import example_paths

    found: dict[str, list[str]] = {}
    for path in example_paths():
        for name in dict.fromkeys(f.rule.name for f in kb.infer(kb.vocabulary.load(path)).firings):
            found.setdefault(name, []).append(Path(path).name)
    return found


def rule_lines(record: dict[str, Any], page: Page) -> list[str]:
    sources = [said if said.startswith("Beyond") else f"{said} ({ids})"
               for said, ids in zip(record["sources_in_words"], record["sources"])]
    fields = [
        ("Defined in", record["defined"]),
        (f"Salience {record['salience']}", record["layer"] + "."),
        ("When", "; and ".join(record["when"]) + "."),
        ("Then", "; ".join(record["does"]) + "."),
        ("In its own words", record["says"]),
        ("Why it holds back", record["reason"]),
        ("Sources", "; ".join(sources) + "."),
        ("Fired by the shipped examples", ", ".join(record["fired_by"]) or "none"),
    ]
    lines = [page.heading(record["rule"])]
    for label, text in fields:
        if text:
            lines += page.wrap(text, "    ", first=f"  {label}: ")
    return lines
