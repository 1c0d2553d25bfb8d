"""What exsplain knows: why an ex cries and what to do about it.

``facts`` is the vocabulary of a case, ``rules`` the reasoning grouped by
topic, ``catalog`` the wording and sources of every conclusion and question.
``base`` puts them together as the knowledge base the commands use.
"""
