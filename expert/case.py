"""Cases: what is known about one situation, read from and written to files.

A case file is TOML or JSON.  Every table and field is optional; what is
missing is unknown, not false.  Anything that is not part of the vocabulary is
an error that names the file, the field and what is allowed, because a typo
silently read as "unknown" would change the reading without telling anyone.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from exsplain.expert import reading
from exsplain.expert.experta import Fact
from exsplain.expert.fields import CaseError, Field, Table, fact_of, kind_of
from exsplain.expert.wording import escaped_data, excerpt, shown

FREE_TEXT = ("title", "notes")
CASE_SUFFIXES = (".toml", ".json")


@dataclass(frozen=True)
class Case:
    """What is known about one situation: answers keyed by ``table.field``.

    ``asked`` holds the fields a consultation put to the person, so that
    nothing scolds them for answering a question they were asked.
    ``overruled`` holds ``(path, by)`` for each answer that another answer
    contradicted and that the case is read without (see ``Vocabulary.implied``).
    """

    answers: Mapping[str, Any] = field(default_factory=dict)
    title: str | None = None
    notes: str | None = None
    path: str | None = None
    asked: frozenset[str] = frozenset()
    overruled: tuple[tuple[str, str], ...] = ()

    def get(self, path: str) -> Any:
        return self.answers.get(path)

    def known(self, path: str) -> bool:
        return path in self.answers

    def with_answers(self, **changes: Any) -> Case:
        """A copy with some answers set (value) or forgotten (None)."""
        answers = dict(self.answers)
        for path, value in changes.items():
            if value is None:
                answers.pop(path, None)
            else:
                answers[path] = value
        return replace(self, answers=answers)


class Vocabulary:
    """The tables and fields a knowledge base understands, in a fixed order."""

    def __init__(self, tables: Iterable[type[Table]], versions: tuple[int, ...] = (1,)):
        self.tables = {t.table: t for t in tables}
        self.fields: dict[str, Field] = {f.path: f for t in self.tables.values() for f in t.fields().values()}
        self.versions = versions

    @property
    def version(self) -> int:
        """The version written into new case files."""
        return self.versions[-1]

    def field(self, path: str) -> Field:
        return self.fields[path]

    # -- reading -----------------------------------------------------------

    def load(self, path: str | os.PathLike[str]) -> Case:
        """Read and check the case file at ``path``."""
        source = os.fspath(path)
        text = reading.decode(reading.read_bytes(source), source)
        return self.validate(reading.parse(text, source), shown(source))

    def validate(self, data: Any, source: str | None = None) -> Case:
        """Turn parsed TOML/JSON data into a ``Case`` or raise ``CaseError``."""
        where = source or "<case>"
        if not isinstance(data, dict):
            raise CaseError(where, "a case must be a table (a JSON object), got " + kind_of(data))
        version = data.get("schema", self.versions[0])
        if isinstance(version, bool) or version not in self.versions:
            supported = ", ".join(map(str, self.versions))
            raise CaseError(where, f"unsupported version {excerpt(version)} (supported: {supported})", "schema")
        for name in FREE_TEXT:
            if name in data:
                check_text(data[name], where, name)
        answers = {}
        if not isinstance(data.get("$schema", ""), str):
            raise CaseError(where, "expected text (where editors find the schema), got " + kind_of(data["$schema"]),
                            "$schema")
        for name, values in data.items():
            if name in FREE_TEXT or name in ("schema", "$schema"):
                continue
            if name not in self.tables:
                known = ", ".join(["schema", *FREE_TEXT, *self.tables])
                raise CaseError(where, f"unknown table (allowed: {known})", name)
            if not isinstance(values, dict):
                raise CaseError(where, "expected a table, got " + kind_of(values), name)
            allowed = self.tables[name].fields()
            for key, value in values.items():
                if key not in allowed:
                    raise CaseError(where, f"unknown field (allowed: {', '.join(allowed)})", f"{name}.{key}")
                try:
                    answers[f"{name}.{key}"] = allowed[key].check(value)
                except CaseError as error:
                    raise error.at(where) from None
        ordered = {path: answers[path] for path in self.fields if path in answers}
        return Case(ordered, data.get("title"), data.get("notes"), source)

    def assignment(self, text: str) -> tuple[str, Any]:
        """``(path, value)`` from ``table.field=value``; an empty value forgets the answer.

        The value is read as a person's reply would be: a word, yes or no, a
        label, or several words for a list field.
        """
        path, equals, raw = text.partition("=")
        path = path.strip()
        table, dot, _ = path.partition(".")
        if not equals or not dot:
            raise CaseError(None, "expected table.field=value")
        if table not in self.tables:
            raise CaseError(None, f"unknown table (allowed: {', '.join(self.tables)})", table)
        if path not in self.fields:
            allowed = ", ".join(self.tables[table].fields())
            raise CaseError(None, f"unknown field (allowed: {allowed})", path)
        if not raw.strip():
            return path, None
        answer = self.fields[path]
        try:
            return path, answer.parse(raw)
        except ValueError:
            raise CaseError(None, f"{excerpt(raw.strip())} is not allowed (allowed: {answer.describe()})",
                            path) from None

    def implied(self, case: Case) -> Case:
        """``case`` read with what its answers imply (a field's ``implies``):
        an implied answer fills a gap or, where the case says otherwise,
        overrules it, and ``overruled`` records that so a warning can say so."""
        answers, overruled = dict(case.answers), list(case.overruled)
        for path, field_ in self.fields.items():
            if field_.implies is None or answers.get(path) is not True:
                continue
            target, value = field_.implies
            if answers.get(target.path, value) != value:
                overruled.append((target.path, path))
            answers[target.path] = value
        if answers == case.answers:
            return case
        ordered = {p: answers[p] for p in self.fields if p in answers}
        return replace(case, answers=ordered, overruled=tuple(dict.fromkeys(overruled)))

    # -- facts and files -----------------------------------------------------

    def facts(self, case: Case) -> list[Fact]:
        """The experta facts of ``case``, always in the same order.

        Tables and fields are declared in vocabulary order whatever their
        order in the file, so the engine, its trace and the report depend on
        what the case says and never on how it was written.
        """
        declared, extra = [], []
        for table in self.tables.values():
            values = {}
            for name, answer in table.fields().items():
                if answer.path in case.answers:
                    value = case.answers[answer.path]
                    values[name] = value
                    extra += answer.facts(value)
            declared.append(fact_of(table, values))
        return declared + extra

    def to_data(self, case: Case) -> dict[str, Any]:
        """The case as nested tables, ready to be written as TOML or JSON."""
        data: dict[str, Any] = {"schema": self.version}
        for name in FREE_TEXT:
            if getattr(case, name):
                data[name] = getattr(case, name)
        for path, answer in self.fields.items():
            if case.known(path):
                data.setdefault(answer.table, {})[answer.name] = answer.to_data(case.get(path))
        return data

    def dumps(self, case: Case, as_json: bool, header: str = "", schema: str | None = None) -> str:
        """The case file text of ``case``: JSON, or TOML with an optional comment header;
        ``schema`` (where editors find the case schema) as ``$schema`` or a ``#:schema`` line."""
        data = self.to_data(case)
        if as_json:
            import json  # here: reading and writing TOML does not need it

            document = {"$schema": schema, **data} if schema else data
            return escaped_data(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
        import tomli_w

        return (f"#:schema {schema}\n" if schema else "") + header + escaped_data(tomli_w.dumps(data))


def check_text(value: Any, source: str, name: str) -> str:
    """Free text must be text, and text that can be written out again."""
    if not isinstance(value, str):
        raise CaseError(source, "expected text, got " + kind_of(value), name)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CaseError(source, "text holds an invalid character (a lone surrogate)", name) from None
    return value


def find_case_files(
    paths: Iterable[str | os.PathLike[str]], suffixes: tuple[str, ...] = CASE_SUFFIXES
) -> list[tuple[str, str | None]]:
    """``(path, problem)`` for the files given and the files under the folders
    given whose suffix (in any case) is one of ``suffixes``, in a stable order.

    A folder that cannot be read is listed with its problem rather than
    skipped in silence.
    """
    found: list[tuple[str, str | None]] = []
    for path in (os.fspath(p) for p in paths):
        if not os.path.isdir(path):
            found.append((path, None))
            continue
        problems: list[tuple[str, str | None]] = []
        files = []
        for folder, subfolders, names in os.walk(path, onerror=partial(unreadable, problems, path)):
            subfolders.sort()
            files += [os.path.join(folder, n) for n in names if os.path.splitext(n)[1].lower() in suffixes]
        found += sorted([(f, None) for f in files] + problems)
    return found


def unreadable(problems: list[Any], top: str, error: OSError) -> None:
    """Note a folder that ``os.walk`` could not read."""
    problems.append((error.filename or top, f"cannot read the folder: {error.strerror or error}"))


def case_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The case files given, and those found under the folders given, in a stable order."""
    return [path for path, problem in find_case_files(paths) if problem is None]
