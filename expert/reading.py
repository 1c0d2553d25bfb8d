"""Reading case files safely: bounded, regular files only, checked before parsing.

A case file may come from anywhere, so reading one must never hang, never
grow without bound and never end in a traceback: only regular files are read
(a FIFO or a device is refused without blocking), at most ``MAX_BYTES`` of
them, and what no case file can be (deep nesting, long dotted keys, huge
numbers) is refused before the parser sees it.  Every failure is a
``CaseError`` that names the file.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from typing import Any

from exsplain.expert.fields import CaseError
from exsplain.expert.wording import MAX_DIGITS, excerpt

MAX_BYTES = 1 << 20  # 1 MiB: a case is a few hundred bytes
MAX_DEPTH = 4  # a case nests at most a table, a field table and a list
MAX_KEY_PARTS = 2  # table.field
MAX_KEY_LENGTH = 64


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise CaseError(path, "no such file") from None
    except IsADirectoryError:
        raise CaseError(path, "is a folder, not a case file") from None
    except OSError as error:
        raise CaseError(path, f"cannot read: {error.strerror or error}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise CaseError(path, "is a folder, not a case file")
        if not stat.S_ISREG(mode):
            raise CaseError(path, "not a regular file (a device, pipe or socket cannot be a case file)")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise CaseError(path, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise CaseError(path, f"too large (more than {limit // 1024} KiB)")
    return b"".join(chunks)


def decode(raw: bytes, source: str) -> str:
    """UTF-8 text without NUL bytes (a leading byte-order mark is dropped)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CaseError(source, f"not a text file (invalid UTF-8 at byte {error.start})") from None
    if "\x00" in text:
        raise CaseError(source, "not a text file (contains NUL bytes)")
    return text.removeprefix("\ufeff")


def is_json(text: str, source: str) -> bool:
    """JSON by the file's suffix, else by its first character; TOML otherwise."""
    suffix = os.path.splitext(source)[1].lower()
    return suffix == ".json" or (suffix != ".toml" and text.lstrip().startswith(("{", "[")))


def parse(text: str, source: str, as_json: bool | None = None) -> Any:
    """Parse the TOML or JSON text of a case file, after checking its shape."""
    if not text.strip():
        return {}
    as_json = is_json(text, source) if as_json is None else as_json
    check_shape(text, source, as_json)
    if as_json:
        import json  # here, like tomllib below: a case is read in one of the two

        try:
            return json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except json.JSONDecodeError as error:
            raise CaseError(source, f"line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}") from None
        except _DuplicateKey as error:
            raise CaseError(source, f"invalid JSON: the key {excerpt(error.key)} appears twice") from None
        except (ValueError, RecursionError) as error:
            raise CaseError(source, f"invalid JSON: {error}") from None
    if sys.version_info >= (3, 11):  # imported here: a JSON case, or --help, does not need it
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CaseError(source, f"invalid TOML: {error}") from None
    except (ValueError, RecursionError) as error:
        raise CaseError(source, f"invalid TOML: {error}") from None


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def check_shape(text: str, source: str, as_json: bool) -> None:
    """Refuse, before parsing, what no case file can be.

    A scan outside strings and comments: nesting deeper than ``MAX_DEPTH``,
    numbers (of any base) longer than ``MAX_DIGITS`` characters, and (TOML) keys with more
    parts or characters than a ``table.field`` path.  Parsers spend time and
    memory out of proportion on such input (deep recursion, huge integers,
    long dotted keys).
    """
    bare = (JSON_TEXT if as_json else TOML_TEXT).sub(_stand_in, text)
    if LONG_NUMBER.search(bare):
        raise CaseError(source, f"a number longer than {MAX_DIGITS} digits cannot be in a case file")
    depth = 0
    for bracket in BRACKET.finditer(bare):
        depth = depth + 1 if bracket.group() in "[{" else max(0, depth - 1)
        if depth > MAX_DEPTH:
            raise CaseError(source, "nested deeper than a case file can be")
    if as_json:
        return
    for line in bare.splitlines():
        if "." not in line and len(line) <= MAX_KEY_LENGTH:
            continue  # no dotted key and no long key can be on it
        for segment in KEY_SEPARATOR.split(line) if "{" in line else (line,):
            parts = segment.split("=", 1)[0].replace("[", " ").replace("]", " ").split(".")
            if len(parts) > MAX_KEY_PARTS:
                raise CaseError(source, "a key with more parts than table.field cannot be in a case file")
            if max(len(part.strip()) for part in parts) > MAX_KEY_LENGTH:
                raise CaseError(source, f"a key longer than {MAX_KEY_LENGTH} characters cannot be in a case file")


# Strings and comments, which may hold anything, stand in as "s" for the checks above.
TOML_TEXT = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*')
JSON_TEXT = re.compile(r'"(?:[^"\\]|\\.)*"')
# A number in any base (0x, 0o, 0b, underscores, exponents) is a digit and what follows it.
LONG_NUMBER = re.compile(rf"\d[\w+-]{{{MAX_DIGITS},}}")
BRACKET = re.compile(r"[\[\]{}]")
KEY_SEPARATOR = re.compile(r"[{,]")  # inline tables hold keys after "{" and ","


def _stand_in(match: re.Match[str]) -> str:
    return "#" if match.group().startswith("#") else "s"
