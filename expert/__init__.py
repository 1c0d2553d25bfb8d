"""Inference machinery for consultation systems, free of any domain content.

Case files, the rule engine that records its own trace, certainty arithmetic,
relevance of questions, explanations and the report model live here; what a
particular system knows lives in a separate knowledge package.
"""
from exsplain.expert import compat  # noqa: F401  (must run before experta is imported)
