"""``exsplain catalog``: the knowledge base in words, without reading Python."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from exsplain.cli.output import say, say_json
from exsplain.cli.params import KnownName, format_option, knowledge_base
from exsplain.expert.wording import fill

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import KnowledgeBase

EXTRA = ("rules", "questions")


def sections() -> list[str]:
    """One section per kind of conclusion, then the rules and the questions."""
    return [kind.key for kind in knowledge_base().kinds] + list(EXTRA)


@click.command()
@click.argument("section", type=KnownName("section", sections), required=False)
@format_option("text", "json")
def catalog(section: str | None, output_format: str) -> None:
    """List the knowledge base: conclusions, rules and questions.

    Conclusions with their sources (a section per kind: motives, insights,
    actions, warnings), rules as "if ... then ...", questions with their
    answers; without SECTION, every section. JSON adds the ids that case
    files and reports use.

    \b
    Examples:
      exsplain catalog motives
      exsplain catalog rules
      exsplain catalog --format json actions
    """
    kb = knowledge_base()
    words = kb.catalog.wording(kb.vocabulary.validate({}))
    chosen = [section] if section else sections()
    if output_format == "json":
        data = {name: section_data(kb, name, words) for name in chosen}
        say_json(data[section] if section else data)
        return
    from exsplain.cli.layout import Page

    page = Page.for_stream()
    lines: list[str] = []
    for name in chosen:
        if not section:
            lines += ([""] if lines else []) + [page.heading(name.capitalize())]
        for item in section_data(kb, name, words):
            lines += page.item(item["text"])
    say("\n".join(lines))


def section_data(kb: KnowledgeBase, name: str, words: dict[str, str]) -> list[dict[str, Any]]:
    """One section as records: ids for tools and a ``text`` line in words for people."""
    if name == "rules":
        labels = kb.labels(words)
        from exsplain.expert.explain import effects

        records: list[dict[str, Any]] = []
        for rule in kb.rules:
            conditions = [c.in_words(words, labels) for c in kb.conditions[rule.name]]
            said = []
            for effect in effects(kb, rule, words):
                if effect.withholds:
                    said.append(f"hold back “{effect.label}”")
                elif effect.weight is not None:
                    said.append(f"“{effect.label}” {effect.weight:+.2f}")
                else:
                    said.append(f"{effect.conclusion.kind}: “{effect.label}”")
            when = "; ".join(conditions) or getattr(rule, "description", "") or "always"
            records.append({"rule": rule.name, "sources": [str(s) for s in rule.sources],
                            "text": f"If {when}, then {', '.join(said)}."})
        return records
    if name == "questions":
        return [{"field": f.path, "allowed": [f.to_data(v) for v in f.values],
                 "text": f"{fill(f.question, words)} ({' / '.join(fill(a.label, words) for a in f.choices())})"}
                for f in kb.question_order]
    kind = next(k for k in kb.kinds if k.key == name)
    records = []
    for conclusion in kb.catalog.of_kind(kind):
        sources = "; ".join(s.in_words() for s in conclusion.sources)
        priority = f" (priority {conclusion.priority})" if conclusion.priority else ""
        records.append({"id": conclusion.id, "priority": conclusion.priority,
                        "sources": [str(s) for s in conclusion.sources],
                        "text": f"{fill(conclusion.label, words)}{priority}. Sources: {sources}."})
    return records
