"""A knowledge base with every rule copied N times, for the scaling run of ``make bench``.

Copy k of a rule draws copy k of its conclusions (ids ending in ``_k``) and,
where it reads a belief, the belief in copy k of that hypothesis, so that
every copy fires exactly as the original does: the rules grow N-fold while
each case means the same, and the cost per case shows how each stage grows.
"""
import dataclasses

from exsplain.expert.knowledge_base import KnowledgeBase
from exsplain.expert.rules import Belief, KnowledgeRule, _rule
from exsplain.knowledge.base import CASE_FILE_VERSIONS, KNOWLEDGE_BASE, ExsplainEngine

DECLARED = ("supports", "weight", "concludes", "withholds", "says", "reason")


def renamed_pattern(pattern, suffix):
    """A pattern with any belief it tests renamed to the copy's hypothesis."""
    if isinstance(pattern, Belief):
        return Belief(**{**dict(pattern), "id": pattern["id"] + suffix})
    if isinstance(pattern, tuple) and not hasattr(pattern, "as_dict"):  # NOT(...) and other elements
        return type(pattern)(*(renamed_pattern(p, suffix) for p in pattern))
    return pattern


def scaled(copies):
    """The real knowledge base with ``copies`` copies of every rule and conclusion (1: the real one)."""
    if copies == 1:
        return KNOWLEDGE_BASE
    catalog = KNOWLEDGE_BASE.catalog
    conclusions = list(catalog.conclusions)
    rules = {}
    for k in range(2, copies + 1):
        suffix = f"_{k}"
        copy_of = {c: dataclasses.replace(c, id=c.id + suffix) for c in catalog.conclusions}
        conclusions += copy_of.values()
        for rule in ExsplainEngine.rules():
            declaration = {name: getattr(rule, name) for name in DECLARED}
            declaration["supports"] = copy_of.get(rule.supports)
            declaration["concludes"] = tuple(copy_of[c] for c in rule.concludes)
            declaration["withholds"] = tuple(copy_of[c] for c in rule.withholds)
            patterns = tuple(renamed_pattern(p, suffix) for p in rule.patterns)
            rules[rule.name + suffix] = _rule(patterns, rule.salience, rule.sources, **declaration)
    engine = type(f"ExsplainEngineTimes{copies}", (ExsplainEngine,), rules)
    assert all(isinstance(r, KnowledgeRule) for r in rules.values())
    return KnowledgeBase(engine, dataclasses.replace(catalog, conclusions=tuple(conclusions)), CASE_FILE_VERSIONS)
