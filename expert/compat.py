"""Make experta importable on Python 3.10 and later.

experta 1.9.4 pins frozendict 1.2, which reads ``collections.Mapping``; that
alias was removed from the standard library in Python 3.10.  Restoring it here,
before experta is first imported, keeps a plain ``pip install .`` working.
"""
import collections
import collections.abc

if not hasattr(collections, "Mapping"):
    collections.Mapping = collections.abc.Mapping  # type: ignore[attr-defined]
