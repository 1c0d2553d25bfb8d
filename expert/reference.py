"""Reference documentation of case files and reports, written from the declarations.

The pages list every table, field, allowed value and question, and every
conclusion a report can hold, straight from the knowledge base, so they
cannot drift from the program; a test compares them with the committed copies.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exsplain.expert.certainty import THRESHOLDS
from exsplain.expert.fields import ChoiceSet, Field
from exsplain.expert.schema import kinds_of_help
from exsplain.expert.spreadsheet import DOCUMENTATION as SPREADSHEETS
from exsplain.expert.wording import fill

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import KnowledgeBase

NEUTRAL = {"they": "they", "them": "them", "their": "their", "themself": "themselves", "is": "are", "does": "do",
           "has": "have", "s": ""}


def case_reference(kb: KnowledgeBase) -> str:
    """``docs/case-files.md``: the case-file format, field by field."""
    versions = ", ".join(map(str, kb.vocabulary.versions))
    out = [
        "# Case files",
        "",
        "<!-- Generated from the field declarations by `make golden`; do not edit by hand. -->",
        "",
        "A case file describes one situation, in TOML (`.toml`) or JSON (`.json`) with the same structure.",
        "Every table and field is optional: what is missing is *unknown*, not false. Anything else (an",
        "unknown table or field, a value that is not allowed) is an error naming the file, the field and",
        "what is allowed. Files are read only if they are regular files of at most 1 MiB.",
        "",
        f"- `schema`: the format version ({versions}); a file without it is read as version "
        f"{kb.vocabulary.versions[0]}, and every version gives the same, current reading.",
        "- `title`, `notes`: free text, never interpreted.",
        "- `$schema` (JSON) or a first line `#:schema ../docs/case.schema.json` (TOML): where an editor finds",
        "  [case.schema.json](case.schema.json) to complete and check fields as you type. Files written by",
        "  `exsplain consult --save`, `exsplain convert`, `exsplain examples NAME` and `exsplain examples --copy`",
        "  name the installed schema by its absolute `file:` address, so an editor (or `taplo lint`) finds it",
        "  wherever the file is; `exsplain schema case` prints it.",
        "",
        "```toml",
        "#:schema ../docs/case.schema.json",
        f"schema = {kb.vocabulary.version}",
        'title = "She cried when she ended it"',
        "",
        "[breakup]",
        'ended_by = "ex"',
        "",
        "[ex]",
        'pronoun = "she"',
        'stressors = ["work", "anxiety"]',
        "```",
        "",
        *SPREADSHEETS,
        "",
    ]
    for name, table in kb.vocabulary.tables.items():
        out += [f"## `[{name}]`", "", (table.__doc__ or "").strip(), "",
                "| Field | Question | Allowed values |", "|---|---|---|"]
        for field in table.fields().values():
            allowed = "; ".join(f"`{_value(field, a.value)}` ({fill(a.label, NEUTRAL)})" for a in field.choices())
            if isinstance(field, ChoiceSet):
                allowed = "a list of any of: " + allowed
            follow = ""
            if field.asked_if:
                when = " or ".join(f"`{parent.path}` is `{_value(parent, value)}`" for parent, value in field.asked_if)
                follow = f" Asked only when {when}."
            out.append(f"| `{field.name}` | {fill(field.question, NEUTRAL)}{follow} | {allowed} |")
        out.append("")
    return "\n".join(out)


def _value(field: Field, value: Any) -> str:
    return field.spell_value(value)


def report_reference(kb: KnowledgeBase) -> str:
    """``docs/report.md``: the JSON report, key by key, and every id it can hold."""
    out = [
        "# The JSON report",
        "",
        "<!-- Generated from the declarations by `make golden`; do not edit by hand. -->",
        "",
        "`exsplain analyze --format json CASE` prints one object (a list of objects for several cases);",
        "`exsplain consult --format json` prints the same. Its JSON Schema is "
        "[report.schema.json](report.schema.json).",
        "The same case always gives the same report, whatever the order of its tables and fields.",
        "",
        "| Key | What it holds |",
        "|---|---|",
        "| `schema` | the report format version |",
        "| `case` | `{title, path}` of the case file (null for a consultation) |",
        "| `region` | `{code, name, known}`: the region whose help lines were chosen (`--region`, else "
        "`EXSPLAIN_REGION`, else the locale's country, else `other`); `known` is false when the code asked for "
        "has no list of its own and another region's lines stand in |",
        "| `safety` | `{answered, dangers, resources: [{name, contact, channels, for, hours}], help_first, "
        "urgent}`: whether every safety question that applies was answered; the dangers the case reports, in "
        "the order they are handled (" + ", ".join(f"`{d.id}`" for d in kb.catalog.dangers) + "); the help lines "
        "for exactly those dangers (for all of them while a safety question is unanswered), in that order, "
        "with the ways each can be reached (`channels`: call, text, chat, web) and what it is for (`for`: "
        + ", ".join(sorted(kinds_of_help(kb))) + "); whether the reading opens with help (`help_first`: a "
        "danger is reported, a safety question is unanswered or advice is urgent); and the ids of the urgent "
        "advice (priority 1), in the order of danger |",
        "| `first_action` | the id of the first advice the reading shows: the first urgent one, else the first "
        "of the first theme group; null when there is no advice |",
        "| `caveats` | `[{id, text, before}]`: sentences that stand before motives, decided by the knowledge "
        "base; `before` is `\"all_motives\"` (at the head of the motives, shown or not) or the ids of the shown "
        "motives it qualifies (it stands before the first of them) |",
    ]
    for kind in kb.kinds:
        if kind.ranked:
            shape = (f"`[{{id, certainty, band, label, {kind.text_key}, because, evidence: [{{rule, certainty, "
                     "facts}], sources, shown}]`, certainty above 0 only, most certain first (ties in the "
                     "catalog's order); `because` says the answers behind it in words; `shown` is true for "
                     "those at least possible, which a reading lists (the others only as \"less likely\")")
        elif kind.brief:
            shape = f"`[{{id, {kind.text_key}}}]`"
        elif kind.prioritised:
            shape = (f"`[{{id, priority, theme, label, {kind.text_key}, because, sources}}]`, "
                     "by priority (1 first), then the catalog's order; a reading groups them by `theme` ("
                     + ", ".join(f"`{t}`: {h}" for t, h in kb.catalog.themes) + ", in that order)")
        else:
            shape = f"`[{{id, label, {kind.text_key}, rule, sources}}]`"
        out.append(f"| `{kind.key}` | {kind.heading}: {shape} |")
        if kind.withheld_key:
            out.append(f"| `{kind.withheld_key}` | {kind.withheld_heading}: `[{{id, label, reason}}]` |")
    out += [
        "| `unanswered` | the fields still unknown whose answer could change the reading, as `table.field` |",
        "| `questions` | the same, as `[{field, text}]`: the questions a person would be asked |",
        "| `trace` | `[{step, rule, defined, matched, declared}]`: every rule firing, in order, "
        "and where its rule is written (`file:line`) |",
        "",
        "Inside the engine a certainty runs from −1 (surely not) to 1 (surely so), combined MYCIN-style "
        "from the rules' weights (the formula is in [How it works](how-it-works.md)); a report lists only "
        "the motives above 0, so there it runs from 0 to 1. The band is "
        + ", ".join(f"**{name}** from {least:.2f}" for name, least in THRESHOLDS[:-1])
        + f", **{THRESHOLDS[-1][0]}** below.",
        "",
    ]
    for kind in kb.kinds:
        out += [f"## {kind.heading} (`{kind.key}`)", ""]
        for conclusion in kb.catalog.of_kind(kind):
            priority = f", priority {conclusion.priority}" if conclusion.priority else ""
            sources = "; ".join(s.in_words() for s in conclusion.sources)
            out.append(f"- `{conclusion.id}`: {fill(conclusion.label, NEUTRAL)}{priority}. Sources: {sources}.")
        out.append("")
    out += ["## Caveats (`caveats`)", ""]
    for caveat in kb.catalog.caveats:
        before = "all motives" if caveat.before is None else "the motives it qualifies"
        out.append(f"- `{caveat.id}`, before {before}: {fill(caveat.text, NEUTRAL)}")
    out += ["", "## Sources", ""]
    out += [f"- `{a.id}`: “{a.title}”, {a.description} ({a.paragraphs} paragraphs, counted as non-empty lines)."
            for a in kb.catalog.articles]
    return "\n".join(out) + "\n"
