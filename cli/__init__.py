"""The exsplain command line: thin click commands over ``expert`` and ``knowledge``.

Commands import the knowledge base inside their functions, so that
``exsplain --help`` and ``--version`` start without loading the rule engine.
"""

__version__ = "0.2.0"
