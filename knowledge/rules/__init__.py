"""The rules of exsplain, one module per topic.

Every rule is an experta rule declared with ``expert.rules``: its patterns,
what it concludes, and the article paragraphs it rests on (``cite``).
"""
