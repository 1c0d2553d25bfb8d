"""Working memory: the facts the engine holds, numbered in the order they came.

A reused engine declares a few dozen facts per case.  Every one of them was
checked when the case was read, or was made by the engine itself, and none is
declared twice, so the fact list records them without experta's validation
and duplicate bookkeeping.
"""
from __future__ import annotations

from typing import Any

from exsplain.expert.experta import FactList


class LeanFactList(FactList):
    """A fact list that numbers and records facts without checking them again.

    Every fact was checked when the case was read or was made by the engine,
    and no fact is declared twice, so experta's validation and duplicate
    bookkeeping would only repeat work.
    """

    def declare(self, fact: Any) -> Any:
        fact.__factid__ = index = self.last_index
        self[index] = fact
        self.last_index += 1
        self.added.append(fact)
        return fact

    def retract(self, idx_or_fact: Any) -> int:
        index = idx_or_fact if isinstance(idx_or_fact, int) else idx_or_fact.__factid__
        self.removed.append(self.pop(index))
        return index
