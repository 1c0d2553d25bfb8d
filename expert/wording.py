"""Filling texts with a case's words, and showing text that came from a case.

Texts of a knowledge base may hold ``{placeholders}`` (a pronoun, say) that
the knowledge base fills from the case.  Text taken from a case file (a
title, notes, a field name in an error) is shown with control and
bidirectional characters escaped, so that it cannot move the cursor, fake a
line of the report or reverse what follows it.
"""
from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Mapping
from typing import Any


class Words(dict[str, str]):
    """The words that fill texts: a placeholder they have no word for stays as written.

    A report makes one and fills every text with it; ``fill`` makes one
    from any other mapping, each time.
    """

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, words: Mapping[str, str]) -> str:
    """``text`` with its ``{placeholders}`` filled; unknown ones stay as written."""
    if "{" not in text and "}" not in text:  # nothing to fill, and no brace that formatting would refuse
        return text
    return text.format_map(words if isinstance(words, Words) else Words(words))


UNSAFE = ("Cc", "Cf", "Cs", "Zl", "Zp")  # control, format and bidi, surrogates, line and paragraph separators


def unsafe(char: str) -> bool:
    """Whether ``char`` could move the cursor, reorder text or end a line when shown."""
    return unicodedata.category(char) in UNSAFE


def shown(text: str) -> str:
    """``text`` safe to show: control, format and bidirectional characters are
    written as escapes (``\\n``, ``\\u202e``), and bytes of a file name that
    are not UTF-8 (which Python keeps as lone surrogates) as ``\\xNN``."""
    if text.isascii() and text.isprintable():  # most text: nothing to escape (no ASCII control is printable)
        return text
    out = []
    for char in text:
        if not unsafe(char):
            out.append(char)
        elif char in ESCAPES:
            out.append(ESCAPES[char])
        elif 0xDC80 <= ord(char) <= 0xDCFF:  # an undecodable byte of a file name
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return "".join(out)


ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def escaped_data(text: str) -> str:
    """JSON or TOML text (whose writers already escape what ends a string) with
    every other unsafe character of the first plane written as a ``\\u`` escape:
    the same data, safe to show.  Line ends stay: outside strings they are layout."""
    if text.isascii() and text.replace("\n", "").isprintable():  # most data: nothing to escape (see ``shown``)
        return text
    return "".join(f"\\u{ord(c):04x}" if c != "\n" and ord(c) <= 0xFFFF and unsafe(c) else c for c in text)


def excerpt(value: Any, limit: int = 60) -> str:
    """A value from input as an error message says it: text quoted, escaped and cut
    to about ``limit`` characters (never a whole long private value); true and
    false, numbers and dates as a person writes them; anything else by its kind."""
    if isinstance(value, str):
        text = shown(value)
        return f"'{text}'" if len(text) <= limit else f"'{text[:limit]}...' ({len(value)} characters)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 64 else "a number too long to show"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if value is None:
        return "null"
    return "a list" if isinstance(value, (list, tuple)) else "a table" if isinstance(value, Mapping) else "a value"


MAX_DIGITS = 20  # the longest number any input may hold: a case file's, a cell's, a reply's


def whole_number(text: str, digits: int = MAX_DIGITS) -> int | None:
    """The number ``text`` spells with at most ``digits`` ASCII digits (spaces
    around allowed), else None: the one rule for numbers typed or read, so
    that ``²`` or ten thousand digits is simply not a number."""
    text = text.strip()
    if 0 < len(text) <= digits and text.isascii() and text.isdigit():
        return int(text)
    return None
