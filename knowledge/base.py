"""The exsplain knowledge base: the rules of every topic on one engine."""
from expert.engine import Engine
from expert.knowledge_base import KnowledgeBase
from knowledge.catalog import CATALOG
from knowledge.rules.actions import ActionRules
from knowledge.rules.insights import InsightRules
from knowledge.rules.motives import MotiveRules
from knowledge.rules.safety import SafetyRules
from knowledge.rules.warnings import WarningRules

CASE_FILE_VERSIONS = (1, 2)  # version 1 files are read unchanged and get the version 2 reading


class ExsplainEngine(SafetyRules, MotiveRules, InsightRules, ActionRules, WarningRules, Engine):
    """Why an ex cries and what to do about it, as forward-chaining rules."""


KNOWLEDGE_BASE = KnowledgeBase(ExsplainEngine, CATALOG, CASE_FILE_VERSIONS)
