"""What exsplain knows: why an ex cries and what to do about it.

``facts`` is the vocabulary of a case, ``catalog`` the conclusions with their
wording and sources, ``rules`` the reasoning grouped by topic and ``base``
puts them together as the knowledge base the commands use.
"""
from exsplain.expert import compat  # noqa: F401  (experta needs it, whichever module is imported first)
