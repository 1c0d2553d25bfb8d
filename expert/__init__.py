"""Inference machinery for consultation systems, free of any domain content.

What a particular system knows lives in a separate knowledge package; this
package holds one classic expert-system idea per module.  Read them in this
order, each building on the ones before (``docs/how-it-works.md`` follows a
case through them):

- ``fields``: the vocabulary, parameters that know their question, answers
  and wording (MYCIN's ``defparm``); ``replies`` reads what a person types.
- ``case``: what is known about one situation; missing means unknown.
- ``catalog``: conclusions, their sources and the help they point to, as data.
- ``certainty``: certainty factors and how evidence combines.
- ``rules``: production rules as declarations, and the salience layers.
- ``engine``: forward chaining, the agenda and conflict resolution.
- ``matching``: the Rete network, made cheaper for an engine reused case
  after case, with ``factlist`` (working memory), ``routing`` (the alpha
  part), ``wiring`` (how the beta part is built), ``joins`` (its nodes)
  and ``quiet`` (logging nobody reads).
- ``watch``: watching the engine work, each choice in words.
- ``conditions``: rules read back as conditions on a case, checked against
  the vocabulary when a knowledge base is built.
- ``relevance``: which answers still matter.
- ``consultation``: the dialogue, deciding what to ask next.
- ``review``: conclusions about the whole inference, drawn after the rules.
- ``explain``: how, why not, and why a question is asked.
- ``report``: the report model that decides what every reader sees.
- ``compare``: what-if and sensitivity.
- ``check``: the knowledge base checking itself.
- ``knowledge_base``: the one object the commands talk to.

The rest is plumbing: ``graph`` (derivation graphs), ``schema`` and
``reference`` (documentation derived from the declarations), ``reading``,
``files``, ``spreadsheet`` and ``wording`` (input and output done safely),
``sampling`` (random cases for tests and the benchmark), ``experta``
(experta's names behind one typed boundary), ``compat`` (an import fix for
experta).
"""
from exsplain.expert import compat  # noqa: F401  (must run before experta is imported)
