"""The exsplain knowledge base: the rules of every topic on one engine."""
from expert.case import Vocabulary
from expert.engine import Engine
from expert.knowledge_base import KnowledgeBase
from knowledge.catalog import CATALOG
from knowledge.facts import TABLES
from knowledge.rules.actions import ActionRules
from knowledge.rules.insights import InsightRules
from knowledge.rules.motives import MotiveRules
from knowledge.rules.safety import SafetyRules
from knowledge.rules.warnings import WarningRules


class ExsplainEngine(SafetyRules, MotiveRules, InsightRules, ActionRules, WarningRules, Engine):
    """Why an ex cries and what to do about it, as forward-chaining rules."""


VOCABULARY = Vocabulary(*TABLES)
KNOWLEDGE_BASE = KnowledgeBase(ExsplainEngine, VOCABULARY, CATALOG)
