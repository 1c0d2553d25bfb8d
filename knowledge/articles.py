"""The two articles exsplain's knowledge comes from, and notes for what goes beyond them.

A citation names an article and paragraphs, counted as the non-empty lines of
the article's text.  Articles are named by short titles of our own, which a
reader of either article will recognise.  The counts let ``exsplain check`` verify every citation
without a copy of the articles.
"""
from exsplain.expert.catalog import Article, beyond_the_articles

WHY_HE_CRIED = Article(
    "000", "Why he cried when you broke up",
    "an advice article on why a man may cry when a relationship ends, for the one who ended it or was left",
    29,
)
WHY_EX_CRIES = Article(
    "001", "Why an ex cries when you talk",
    "an advice article for someone whose ex, who ended it, cries when they talk, and what to do about it",
    78,
)

SAFETY = beyond_the_articles("safety guidance: talk of self-harm, threats and abuse call for real help")
