"""JSON Schema (draft 2020-12) of case files and of reports, derived from the declarations.

Editors that read a schema (taplo / Even Better TOML for TOML, most JSON
editors for ``$schema``) then complete and check fields as people type.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from exsplain.expert.case import FREE_TEXT
from exsplain.expert.catalog import VERBS, Kind
from exsplain.expert.certainty import BANDS
from exsplain.expert.report import ALL_MOTIVES, REPORT_SCHEMA
from exsplain.expert.wording import fill

if TYPE_CHECKING:
    from exsplain.expert.knowledge_base import KnowledgeBase

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def with_value_docs(schema: dict[str, Any], docs: list[str]) -> dict[str, Any]:
    """``schema`` with the wording of each of its allowed values, where editors look for it: VS Code's
    ``enumDescriptions`` and taplo's ``x-taplo.docs.enumValues``, beside the ``enum`` (of a list, its items')."""
    listed = "items" in schema
    values = schema["items"] if listed else schema
    if "enum" not in values:
        return schema
    documented = {**values, "enumDescriptions": docs, "x-taplo": {"docs": {"enumValues": docs}}}
    return {**schema, "items": documented} if listed else documented


def case_schema(kb: KnowledgeBase) -> dict[str, Any]:
    """The schema of a case file: every table and field, its allowed values and its question."""
    words = {"they": "they", "them": "them", "their": "their", "themself": "themselves", "is": "are",
             "does": "do", "has": "have", "s": ""}
    tables = {}
    for name, table in kb.vocabulary.tables.items():
        fields = {}
        for field_name, field in table.fields().items():
            answers = "; ".join(f"{field.spell_value(a.value)}: {fill(a.label, words)}" for a in field.choices())
            fields[field_name] = {**with_value_docs(field.schema(), [fill(a.label, words) for a in field.choices()]),
                                  "description": f"{fill(field.question, words)} ({answers})"}
        tables[name] = {"type": "object", "additionalProperties": False, "description": (table.__doc__ or "").strip(),
                        "properties": fields}
    return {
        "$schema": DRAFT,
        "$id": "urn:exsplain:case",
        "title": "exsplain case file",
        "description": "What is known about one situation. Every table and field is optional: what is missing "
                       "is unknown, not false.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string", "description": "Where editors find this schema."},
            "schema": {"enum": list(kb.vocabulary.versions), "description": "Format version; 1 when missing."},
            **{name: {"type": "string", "description": f"Free text ({name}), never interpreted."}
               for name in FREE_TEXT},
            **tables,
        },
    }


def report_schema(kb: KnowledgeBase) -> dict[str, Any]:
    """The schema of a JSON report (``exsplain analyze --format json``)."""
    text = {"type": "string"}
    texts = {"type": "array", "items": text}
    ids: Callable[[Kind], dict[str, Any]] = lambda kind: {"enum": [c.id for c in kb.catalog.of_kind(kind)]}
    motive = next(k for k in kb.kinds if k.ranked)
    advice = next(k for k in kb.kinds if k.prioritised)
    properties: dict[str, Any] = {
        "schema": {"const": REPORT_SCHEMA},
        "case": _object({"title": {"type": ["string", "null"]}, "path": {"type": ["string", "null"]}}),
        "region": _object({"code": {"enum": [r.code for r in kb.catalog.regions]}, "name": text,
                           "known": {"type": "boolean"}}),
        "safety": _object({
            "answered": {"type": "boolean"},
            "dangers": {"type": "array", "items": {"enum": [d.id for d in kb.catalog.dangers]}},
            "resources": {"type": "array", "items": _object({
                "name": text, "contact": text, "for": {"enum": sorted(kinds_of_help(kb))},
                "channels": {"type": "array", "items": {"enum": list(CHANNELS)}},
                "hours": {"type": ["string", "null"]},
            })},
            "help_first": {"type": "boolean"},
            "urgent": {"type": "array", "items": ids(advice)},
        }),
        "first_action": {"anyOf": [ids(advice), {"type": "null"}]},
        "caveats": {"type": "array", "items": _object({
            "id": {"enum": [c.id for c in kb.catalog.caveats]}, "text": text,
            "before": {"anyOf": [{"const": ALL_MOTIVES}, {"type": "array", "items": ids(motive)}]},
        })},
    }
    for kind in kb.kinds:
        if kind.ranked:
            item = {"id": ids(kind), "certainty": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                    "band": {"enum": list(BANDS)}, "label": text, kind.text_key: text, "because": texts,
                    "evidence": {"type": "array", "items": _object({
                        "rule": text, "certainty": {"type": "number", "minimum": -1, "maximum": 1}, "facts": texts})},
                    "sources": texts, "shown": {"type": "boolean"}}
        elif kind.brief:
            item = {"id": ids(kind), kind.text_key: text}
        elif kind.prioritised:
            item = {"id": ids(kind), "priority": {"type": "integer", "minimum": 1},
                    "theme": {"enum": [t for t, _ in kb.catalog.themes] + [None]}, "label": text,
                    kind.text_key: text, "because": texts, "sources": texts}
        else:
            item = {"id": ids(kind), "label": text, kind.text_key: text, "rule": text, "sources": texts}
        properties[kind.key] = {"type": "array", "items": _object(item)}
        if kind.withheld_key:
            properties[kind.withheld_key] = {"type": "array", "items": _object(
                {"id": ids(kind), "label": text, "reason": text})}
    properties["unanswered"] = {"type": "array", "items": {"enum": list(kb.vocabulary.fields)}}
    properties["questions"] = {"type": "array", "items": _object(
        {"field": {"enum": list(kb.vocabulary.fields)}, "text": text})}
    properties["trace"] = {"type": "array", "items": _object(
        {"step": {"type": "integer", "minimum": 1}, "rule": text, "defined": {"type": ["string", "null"]},
         "matched": texts, "declared": texts})}
    properties["sensitivity"] = {"type": "array", "description": "Only with --sensitivity."}
    required = [k for k in properties if k != "sensitivity"]
    return {"$schema": DRAFT, "$id": "urn:exsplain:report", "title": "exsplain report", "type": "object",
            "additionalProperties": False, "required": required, "properties": properties}


CHANNELS = tuple(VERBS)  # the ways a help line can be reached


def kinds_of_help(kb: KnowledgeBase) -> set[str]:
    """What help lines are for, as the regions declare them."""
    return {r.for_ for region in kb.catalog.regions for r in region.resources}


def watch_schema() -> dict[str, Any]:
    """The schema of one line of ``exsplain trace --watch --format jsonl``: one event of ``expert.watch``."""
    from exsplain.expert.watch import DECIDED_BY

    text, count = {"type": "string"}, {"type": "integer", "minimum": 0}
    rule = {"rule": text, "defined": {"type": ["string", "null"]}}
    activation = {**rule, "salience": {"type": "integer"}, "facts": {"type": "array", "items": count}, "text": text}
    events = [
        {"event": {"enum": ["declare", "retract"]}, "fact": count, "class": text, "values": {"type": "object"},
         "text": text},
        {"event": {"enum": ["activate", "deactivate"]}, **activation},
        {"event": {"const": "fire"}, **activation, "step": {"type": "integer", "minimum": 1},
         "decided_by": {"enum": list(DECIDED_BY)}, "over": {"type": ["string", "null"]}, "agenda": count},
        {"event": {"const": "review"}, "step": {"type": "integer", "minimum": 1}, **rule, "text": text},
    ]
    return {"$schema": DRAFT, "$id": "urn:exsplain:watch", "title": "exsplain watch event",
            "description": "One line of `exsplain trace --watch --format jsonl`: what the engine did, in order.",
            "oneOf": [_object(event) for event in events]}


def _object(properties: dict[str, Any], **optional: Any) -> dict[str, Any]:
    """An object with exactly ``properties`` (all required) and maybe ``optional``."""
    return {"type": "object", "additionalProperties": False, "required": list(properties),
            "properties": {**properties, **optional}}


def output_schemas(kb: KnowledgeBase) -> dict[str, dict[str, Any]]:
    """The schema of every JSON output besides the report, by the name ``exsplain schema`` takes."""
    text, texts, number = {"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "number"}
    nullable: Callable[[dict[str, Any]], dict[str, Any]] = lambda schema: {"anyOf": [schema, {"type": "null"}]}
    conclusion_ids = {"enum": [c.id for c in kb.catalog.conclusions]}
    rule_names = {"enum": [r.name for r in kb.rules]}
    field_ids = {"enum": list(kb.vocabulary.fields)}
    band = {"enum": list(BANDS)}
    step = {"step": {"type": "integer", "minimum": 1}, "rule": rule_names, "matched": texts, "because": texts,
            "sources": texts}
    condition = {"condition": text, "needs": text}
    explanation = {
        "type": "object", "additionalProperties": False, "required": ["id", "kind", "label", "reached", "how"],
        "properties": {
            "id": conclusion_ids, "kind": {"enum": [k.name for k in kb.kinds]}, "label": text,
            "reached": {"type": "boolean"}, "certainty": number, "band": band,
            "how": {"type": "array", "items": _object(step, weight=number, running=number,
                                                      beliefs={"type": "array", "items": {"$ref": "#"}})},
            "withheld_by": {"type": "array", "items": _object({**step, "reason": text})},
            "why_not": {"type": "array", "items": _object({
                "rule": rule_names, "weight": nullable(number), "sources": texts,
                "failed": {"type": "array", "items": _object({**condition, "given": text,
                                                              "answer": nullable(text)})},
                "unknown": {"type": "array", "items": _object({**condition, "question": nullable(text)})},
            })},
        },
    }
    changes = _object({"added": {"type": "array", "items": conclusion_ids},
                       "removed": {"type": "array", "items": conclusion_ids}})
    difference: dict[str, Any] = {}
    for kind in kb.kinds:
        difference[kind.key] = {"type": "array", "items": _object(
            {"id": conclusion_ids, "before": number, "after": number})} if kind.ranked else changes
        if kind.withheld_key:
            difference[kind.withheld_key] = changes
    answer = {"description": "An answer as a case file holds it (text, true or false, or a list of texts)."}
    sections = {kind.key: {"type": "array", "items": _object(
        {"id": conclusion_ids, "priority": nullable({"type": "integer"}), "sources": texts, "text": text})}
        for kind in kb.kinds}
    sections["rules"] = {"type": "array", "items": _object({"rule": rule_names, "sources": texts, "text": text})}
    sections["questions"] = {"type": "array", "items": _object(
        {"field": field_ids, "allowed": {"type": "array"}, "text": text})}
    row = _object({"file": text, "top_motive": nullable(conclusion_ids), "certainty": nullable(number),
                   "band": nullable(band), "first_action": nullable(conclusion_ids),
                   "warning_count": nullable({"type": "integer", "minimum": 0}), "error": nullable(text)})
    count = _object({"section": text, "id": text, "label": text, "cases": {"type": "integer", "minimum": 0},
                     "share": {"type": "number", "minimum": 0, "maximum": 1}})
    schemas: dict[str, tuple[str, dict[str, Any]]] = {
        "trace": ("The steps of `exsplain trace --format json`", {"type": "array", "items": _object(
            {"step": {"type": "integer", "minimum": 1}, "rule": rule_names, "defined": nullable(text),
             "matched": texts, "declared": texts})}),
        "explain": ("How a conclusion was reached, or why not (`exsplain explain --format json`)", explanation),
        "whatif": ("What a changed answer changes (`exsplain whatif --format json`)", _object(
            {"case": nullable(text), "set": {"type": "object", "propertyNames": field_ids,
                                             "additionalProperties": _object({"before": answer, "after": answer})},
             **difference})),
        "questions": ("The questions still worth asking (`exsplain questions --format json`)",
                      {"type": "array", "items": _object({"field": field_ids, "text": text,
                                                          "allowed": {"type": "array"}})}),
        "catalog": ("The knowledge base (`exsplain catalog --format json`; one section alone is that section's list)",
                    {"anyOf": [_object(sections), *sections.values()]}),
        "batch": ("One row of `exsplain batch --format jsonl` (a line each)", row),
        "batch-summary": ("The overview of `exsplain batch --summary --format json`", _object(
            {"cases": {"type": "integer", "minimum": 0}, "valid": {"type": "integer", "minimum": 0},
             "counts": {"type": "array", "items": count}})),
        "analyze-several": ("`exsplain analyze --format json` of several cases: one report each, in order",
                            {"type": "array", "items": {"$ref": "urn:exsplain:report"},
                             "$defs": {"report": report_schema(kb)}}),
        "examples": ("The examples that come with exsplain (`exsplain examples --format json`)",
                     {"type": "array", "items": _object({"name": text, "title": text, "situation": text})}),
    }
    return {name: {"$schema": DRAFT, "$id": f"urn:exsplain:{name}", "title": f"exsplain {name}",
                   "description": description, **schema} for name, (description, schema) in schemas.items()}
