"""Reference documentation of case files and reports, written from the declarations.

The pages list every table, field, allowed value and question, and every
conclusion a report can hold, straight from the knowledge base, so they
cannot drift from the program; a test compares them with the committed copies.
"""
from __future__ import annotations

from typing import Any

from exsplain.expert.fields import ChoiceSet
from exsplain.expert.spreadsheet import DOCUMENTATION as SPREADSHEETS
from exsplain.expert.wording import fill

NEUTRAL = {"they": "they", "them": "them", "their": "their", "themself": "themselves", "is": "are", "does": "do",
           "has": "have", "s": ""}


def case_reference(kb: Any) -> str:
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
        "  [case.schema.json](case.schema.json) to complete and check fields as you type.",
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
                parent, value = field.asked_if
                follow = f" Asked only when `{parent.path}` is `{_value(parent, value)}`."
            out.append(f"| `{field.name}` | {fill(field.question, NEUTRAL)}{follow} | {allowed} |")
        out.append("")
    return "\n".join(out)


def _value(field: Any, value: Any) -> str:
    return field.spell_value(value)


def report_reference(kb: Any) -> str:
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
        "| `region` | the region whose help lines were chosen: `--region`, else `EXSPLAIN_REGION`, else the "
        "locale's country, else `other` |",
        "| `safety` | `{answered, resources: [{name, contact, for}]}`: whether every safety question was "
        "answered, and the help lines the reading names (`for`: emergency, self_harm, abuse or directory) |",
    ]
    for kind in kb.kinds:
        if kind.ranked:
            shape = (f"`[{{id, certainty, band, label, {kind.text_key}, because, evidence: [{{rule, certainty, "
                     "facts}], sources}]`, certainty above 0 only, most certain first; `because` says the "
                     "answers behind it in words")
        elif kind.brief:
            shape = f"`[{{id, {kind.text_key}}}]`"
        elif kind.prioritised:
            shape = (f"`[{{id, priority, label, {kind.text_key}, because, sources}}]`, "
                     "by priority (1 first), then id")
        else:
            shape = f"`[{{id, label, {kind.text_key}, rule, sources}}]`"
        out.append(f"| `{kind.key}` | {kind.heading}: {shape} |")
        if kind.withheld_key:
            out.append(f"| `{kind.withheld_key}` | {kind.withheld_heading}: `[{{id, label, reason}}]` |")
    out += [
        "| `unanswered` | the fields still unknown whose answer could change the reading, as `table.field` |",
        "| `questions` | the same, as `[{field, text}]`: the questions a person would be asked |",
        "| `trace` | `[{step, rule, matched, declared}]`: every rule firing, in order |",
        "",
        "Certainty runs from 0 to 1, combined MYCIN-style from the rules' weights; the band is "
        "**likely** from 0.60, **possible** from 0.30, **unlikely** below.",
        "",
    ]
    for kind in kb.kinds:
        out += [f"## {kind.heading} (`{kind.key}`)", ""]
        for conclusion in kb.catalog.of_kind(kind):
            priority = f", priority {conclusion.priority}" if conclusion.priority else ""
            sources = "; ".join(s.in_words() for s in conclusion.sources)
            out.append(f"- `{conclusion.id}`: {fill(conclusion.label, NEUTRAL)}{priority}. Sources: {sources}.")
        out.append("")
    out += ["## Sources", ""]
    out += [f"- `{a.id}`: “{a.title}”, {a.description} ({a.paragraphs} paragraphs, counted as non-empty lines)."
            for a in kb.catalog.articles]
    return "\n".join(out) + "\n"
