"""Case files: reading, strict validation and the facts a case declares.

A case file is TOML or JSON.  Every table and field is optional; what is
missing is unknown, not false.  Anything that is not part of the vocabulary is
an error that names the file, the field and what is allowed, because a typo
silently read as "unknown" would change the reading without telling anyone.
"""
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from expert.vocabulary import ChoiceSet, Flag

SCHEMA_VERSION = 1
FREE_TEXT = ("title", "notes")
CASE_SUFFIXES = (".toml", ".json")


class CaseError(Exception):
    """Bad input, reported as one line: where, which field, what is allowed."""

    def __init__(self, source, problem, field=None):
        self.source = source
        self.field = field
        self.problem = problem
        super().__init__(str(self))

    def __str__(self):
        parts = [self.source, self.field, self.problem]
        return ": ".join(p for p in parts if p)


@dataclass(frozen=True)
class Case:
    """What is known about one situation: answers keyed by ``table.field``."""

    answers: dict = field(default_factory=dict)
    title: str = None
    notes: str = None
    path: str = None

    def get(self, path):
        return self.answers.get(path)

    def known(self, path):
        return path in self.answers

    def with_answers(self, **changes):
        """A copy with some answers set (value) or forgotten (None)."""
        answers = dict(self.answers)
        for path, value in changes.items():
            if value is None:
                answers.pop(path, None)
            else:
                answers[path] = value
        return Case(answers, self.title, self.notes, self.path)


class Vocabulary:
    """The tables of facts a knowledge base understands, in a fixed order."""

    def __init__(self, *tables):
        self.tables = {t.table: t for t in tables}
        self.fields = {
            f"{t.table}.{name}": answer for t in tables for name, answer in t.answers().items()
        }

    def answer(self, path):
        return self.fields[path]

    # -- reading -----------------------------------------------------------

    def load(self, path):
        """Read and validate the case file at ``path``."""
        source = str(path)
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise CaseError(source, "no such file") from None
        except IsADirectoryError:
            raise CaseError(source, "is a folder, not a case file") from None
        except OSError as error:
            raise CaseError(source, f"cannot read: {error.strerror or error}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CaseError(source, f"not a text file (invalid UTF-8 at byte {error.start})") from None
        if "\x00" in text:
            raise CaseError(source, "not a text file (contains NUL bytes)")
        data = parse(text, source)
        return self.validate(data, source)

    def validate(self, data, source="<case>"):
        """Turn parsed TOML/JSON data into a ``Case`` or raise ``CaseError``."""
        if not isinstance(data, dict):
            raise CaseError(source, "a case must be a table (a JSON object), got " + kind_of(data))
        version = data.get("schema", SCHEMA_VERSION)
        if version != SCHEMA_VERSION or isinstance(version, bool):
            raise CaseError(source, f"unsupported version {version!r} (supported: {SCHEMA_VERSION})", "schema")
        for name in FREE_TEXT:
            if name in data and not isinstance(data[name], str):
                raise CaseError(source, "expected text, got " + kind_of(data[name]), name)
        answers = {}
        for name, table in data.items():
            if name in FREE_TEXT or name == "schema":
                continue
            if name not in self.tables:
                known = ", ".join(["schema", *FREE_TEXT, *self.tables])
                raise CaseError(source, f"unknown table (allowed: {known})", name)
            if not isinstance(table, dict):
                raise CaseError(source, "expected a table, got " + kind_of(table), name)
            allowed = self.tables[name].answers()
            for key, value in table.items():
                path = f"{name}.{key}"
                if key not in allowed:
                    raise CaseError(source, f"unknown field (allowed: {', '.join(allowed)})", path)
                answers[path] = check_value(allowed[key], value, source, path)
        ordered = {path: answers[path] for path in self.fields if path in answers}
        return Case(ordered, data.get("title"), data.get("notes"), None if source == "<case>" else source)

    def assignment(self, text, source=None):
        """``(path, value)`` from ``table.field=value``; an empty value forgets the answer."""
        source = source or f"--set {text}"
        path, equals, raw = text.partition("=")
        table, dot, name = path.strip().partition(".")
        if not equals or not dot:
            raise CaseError(source, "expected table.field=value")
        if table not in self.tables:
            raise CaseError(source, f"unknown table (allowed: {', '.join(self.tables)})", table)
        if path.strip() not in self.fields:
            allowed = ", ".join(self.tables[table].answers())
            raise CaseError(source, f"unknown field (allowed: {allowed})", path.strip())
        if not raw.strip():
            return path.strip(), None
        answer = self.fields[path.strip()]
        return path.strip(), check_value(answer, answer.from_text(raw), source, path.strip())

    # -- facts -------------------------------------------------------------

    def facts(self, case):
        """The experta facts of ``case``, always in the same order.

        Tables and fields are declared in vocabulary order whatever their
        order in the file, so the engine, its trace and the report depend on
        what the case says and never on how it was written.
        """
        declared = []
        items = []
        for name, table in self.tables.items():
            values = {}
            for key, answer in table.answers().items():
                path = f"{name}.{key}"
                if path not in case.answers:
                    continue
                value = case.answers[path]
                values[key] = value
                if isinstance(answer, ChoiceSet):
                    items += [answer.item(kind=v, further=i > 0) for i, v in enumerate(value)]
            declared.append(table(**values))
        return declared + items

    def case_to_data(self, case):
        """The case as nested tables, ready to be written as TOML or JSON."""
        data = {"schema": SCHEMA_VERSION}
        for name in FREE_TEXT:
            if getattr(case, name):
                data[name] = getattr(case, name)
        for path in self.fields:
            if path not in case.answers:
                continue
            value = case.answers[path]
            table, key = path.split(".")
            data.setdefault(table, {})[key] = list(value) if isinstance(value, tuple) else value
        return data


def case_files(paths):
    """The files given, and the case files found under the folders given, in a stable order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in CASE_SUFFIXES and p.is_file())
        else:
            found.append(path)
    return [str(p) for p in found]


def check_value(answer, value, source, path):
    """``value`` in canonical form, or a ``CaseError`` saying what is allowed."""
    if isinstance(answer, ChoiceSet):
        if not isinstance(value, list):
            raise CaseError(source, f"expected {answer.describe()}, got {kind_of(value)}", path)
        for index, item in enumerate(value):
            if item not in answer.values or not isinstance(item, str):
                raise CaseError(
                    source, f"{item!r} is not allowed (allowed: {', '.join(answer.values)})", f"{path}[{index}]"
                )
        return tuple(v for v in answer.values if v in value)
    if isinstance(answer, Flag):
        if not isinstance(value, bool):
            raise CaseError(source, f"expected true or false, got {kind_of(value)}", path)
        return value
    if not isinstance(value, str):
        raise CaseError(source, f"expected one of {answer.describe()}, got {kind_of(value)}", path)
    if value not in answer.values:
        raise CaseError(source, f"{value!r} is not allowed (allowed: {answer.describe()})", path)
    return value


def parse(text, source):
    """Parse TOML or JSON: by the file's suffix, else by its first character."""
    suffix = Path(source).suffix.lower()
    is_json = suffix == ".json" or (suffix != ".toml" and text.lstrip().startswith(("{", "[")))
    if not text.strip():
        return {}
    if is_json:
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise CaseError(source, f"line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}") from None
        except RecursionError:
            raise CaseError(source, "invalid JSON: nested too deeply") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CaseError(source, f"invalid TOML: {error}") from None


def kind_of(value):
    """How an error message names the type of a wrong value."""
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if value is None:
        return "null"
    return type(value).__name__
