"""Random cases drawn from the field declarations, reproducible from a seed.

The benchmark and the equivalence tests both need many varied, valid cases;
drawing them here, from what each field allows, keeps the two on the same
cases and lets a new field take part without touching either.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from exsplain.expert.case import Vocabulary

ANSWERED = 0.6  # the share of fields a generated case answers


def random_case_data(vocabulary: Vocabulary, rng: random.Random, answered: float = ANSWERED) -> dict[str, Any]:
    """One case as nested tables (ready for TOML or JSON), with about ``answered`` of its fields given."""
    data: dict[str, Any] = {}
    for field in vocabulary.fields.values():
        if rng.random() < answered:
            value = rng.choice(field.samples())
            if isinstance(value, tuple):  # a list field: any few of its items
                value = tuple(rng.sample(field.values, rng.randint(0, 3)))
            data.setdefault(field.table, {})[field.name] = field.to_data(value)
    return data


def random_cases_data(vocabulary: Vocabulary, count: int, seed: int) -> Iterator[dict[str, Any]]:
    """``count`` cases from ``random_case_data``, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    for _ in range(count):
        yield random_case_data(vocabulary, rng)
