"""Certainty factors in the style of MYCIN.

A certainty is a number in [-1, 1]: positive values are belief, negative
values disbelief.  Independent pieces of evidence are combined pairwise; the
evidence for and the evidence against are each folded first and then combined,
so the result does not depend on the order in which the rules fired.
"""
from collections.abc import Iterable
from functools import reduce

STRONG = 0.6
MODERATE = 0.4
WEAK = 0.2

LIKELY = 0.6
POSSIBLE = 0.3
# The bands a person reads, strongest first, each with the least certainty it takes.
THRESHOLDS = (("likely", LIKELY), ("possible", POSSIBLE), ("unlikely", -1.0))
BANDS = tuple(name for name, _ in THRESHOLDS)


def combine(a: float, b: float) -> float:
    """Combine two certainty factors of independent evidence."""
    if a >= 0 and b >= 0:
        return a + b * (1 - a)
    if a < 0 and b < 0:
        return a + b * (1 + a)
    denominator = 1 - min(abs(a), abs(b))
    if denominator == 0:  # total belief against total disbelief cancel out
        return 0.0
    return (a + b) / denominator


def combine_all(weights: Iterable[float]) -> float:
    """The certainty of a conclusion supported by all of ``weights``."""
    weights = list(weights)
    belief = reduce(combine, (w for w in weights if w >= 0), 0.0)
    disbelief = reduce(combine, (w for w in weights if w < 0), 0.0)
    return round(combine(belief, disbelief), 4)


def band(certainty: float) -> str:
    """The word a person reads for a certainty."""
    return next(name for name, least in THRESHOLDS if certainty >= least)


def at_least(name: str) -> tuple[str, ...]:
    """The bands as strong as ``name`` or stronger, weakest first."""
    return BANDS[BANDS.index(name)::-1]
