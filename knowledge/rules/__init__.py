"""The rules of exsplain, one module per topic.

Every rule is an experta rule declared with ``expert.rules``: its patterns,
the conclusion it reaches (an object of ``knowledge.catalog``) and, where it
rests on other paragraphs than its conclusion, its own sources.
"""
