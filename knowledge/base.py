"""The exsplain knowledge base: the rules of every topic on one engine."""
from exsplain.expert.engine import Engine
from exsplain.expert.knowledge_base import KnowledgeBase, Promises
from exsplain.knowledge.catalog import CATALOG
from exsplain.knowledge.rules.actions import ActionRules
from exsplain.knowledge.rules.insights import InsightRules
from exsplain.knowledge.rules.motives import MotiveRules
from exsplain.knowledge.rules.safety import SafetyRules
from exsplain.knowledge.rules.warnings import WarningRules

CASE_FILE_VERSIONS = (1, 2, 3)  # files of earlier versions are read unchanged and get the version 3 reading


class ExsplainEngine(SafetyRules, MotiveRules, InsightRules, ActionRules, WarningRules, Engine):
    """Why an ex cries and what to do about it, as forward-chaining rules."""


def promises() -> Promises:
    """The invariants and the combinations ``exsplain check`` tries them on, imported for the check alone."""
    from exsplain.knowledge.invariants import INVARIANTS, combinations

    return INVARIANTS, combinations


KNOWLEDGE_BASE = KnowledgeBase(ExsplainEngine, CATALOG, CASE_FILE_VERSIONS, promises)
