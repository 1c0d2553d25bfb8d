"""What an installed exsplain carries with it: the example cases and the schemas.

They are package data (``exsplain.examples`` is the repository's examples/,
``exsplain.docs`` holds docs/*.schema.json, see ``setup.cfg``), read with
``importlib.resources``, so they are found the same way from a checkout's
editable install, a venv, ``pip install --user`` or pipx, from any folder.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from exsplain.expert.case import CASE_SUFFIXES


def example_paths() -> list[Path]:
    """The shipped example cases, sorted by name."""
    entries = files("exsplain.examples").iterdir()
    return sorted((Path(str(e)) for e in entries if e.name.endswith(CASE_SUFFIXES)), key=lambda p: p.name)


def schema_path(name: str = "case") -> Path:
    """The installed JSON Schema ``name`` (``case`` or ``report``), an absolute path."""
    return Path(str(files("exsplain.docs") / f"{name}.schema.json")).resolve()


def schema_uri(name: str = "case") -> str:
    """The schema as a ``file:`` URI, for the ``#:schema`` line of a TOML file or JSON's ``$schema``."""
    return schema_path(name).as_uri()
