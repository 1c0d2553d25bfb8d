"""The fixed sentences and headings of a reading, by name.

Renderers take every domain sentence from here (through the catalog), so a
reading says the same thing in every format and ``cli/`` holds no domain
wording.  ``{placeholders}`` are filled by the renderer.
"""

PHRASES = {
    "untitled": "Your reading",
    "from_file": "(from {path})",
    "help_first": "Help first",
    "help_is_here": "If you or your ex could be in danger, help is here:",
    "where_to_find_help": "Where to find help ({region}, checked {checked}):",
    "possibilities": "These are possibilities drawn from your answers, not facts.",
    "no_motive": "No motive stands out from your answers so far.",
    "because": "Because {reasons}.",
    "less_likely": "Less likely: {labels}.",
    "legend": "Likely means a certainty of {likely} or more, possible {possible} to {below_likely}; "
              "certainty runs from 0 to 1.",
    "open_questions": "Questions that could change this reading",
    "more_questions": "… and {more} more; answering them in a consultation could sharpen the reading.",
    "more_questions_plain": "... and {more} more; answering them could sharpen the reading.",
    "sources": "Sources",
    "sources_in_full": "Sources in full",
    "beyond_the_articles": "Beyond the articles: {note}.",
    "sensitivity": "What each open answer would change",
    "trace": "How the rules fired, step by step",
}
