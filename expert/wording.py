"""Filling texts with a case's words, and showing text that came from a case.

Texts of a knowledge base may hold ``{placeholders}`` (a pronoun, say) that
the knowledge base fills from the case.  Text taken from a case file (a
title, notes, a field name in an error) is shown with control and
bidirectional characters escaped, so that it cannot move the cursor, fake a
line of the report or reverse what follows it.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping


class _Words(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, words: Mapping) -> str:
    """``text`` with its ``{placeholders}`` filled; unknown ones stay as written."""
    return text.format_map(_Words(words))


def shown(text: str) -> str:
    """``text`` safe to show: control, format and bidirectional characters are
    written as escapes (``\\n``, ``\\u202e``), and bytes of a file name that
    are not UTF-8 (which Python keeps as lone surrogates) as ``\\xNN``."""
    out = []
    for char in text:
        if unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp"):
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
