"""Reading a reply as a person types it: loosely, but never guessing wildly.

A reply is first made plain (``plain``: compatibility forms of characters
folded with NFKC; case, spaces, quotes and trailing punctuation ignored).
A number counts only in the digits 0 to 9: a superscript ² (the top-left key
of a French keyboard) or a circled ① is more often a slip of the finger than
an answer, so it is asked again rather than taken as 2 or 1.  Then it is read,
in this order: an answer's own words or their beginning; "not sure" and
its kin (``NotSure``); everyday ways of saying yes or no; and last a near
miss of an answer's words, accepted when one answer is clearly meant and
asked back (``Unclear``) when two are close.  Fields use these helpers; the
conversation that asks again lives in the command.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TypeVar

from exsplain.expert.wording import whole_number

T = TypeVar("T")

UNSURE = frozenset({
    "not sure", "unsure", "dont know", "do not know", "i dont know", "i do not know", "idk", "dunno", "no idea",
    "unknown", "not certain", "maybe", "perhaps", "no clue", "hard to say", "i cant say", "cant say",
    "im not sure", "i am not sure", "i m not sure", "not sure really", "who knows", "i have no idea",
})
YES = frozenset({
    "yes", "y", "yeah", "yea", "yeh", "yah", "ya", "yep", "yup", "ye", "yes please", "sure", "of course",
    "ofc", "true", "definitely", "absolutely", "certainly", "correct", "indeed", "aye",
    "uh huh", "mhm", "yes indeed", "for sure", "thats right",
})
NO = frozenset({
    "no", "n", "nope", "nah", "naw", "nay", "no way", "not really", "not rly", "not at all", "never", "false",
    "no thanks", "not quite", "absolutely not", "definitely not", "of course not", "hell no", "no never",
    "not ever", "nuh uh",
})
# Words that soften a reply without changing it ("yeah kinda", "work and family i think").
HEDGES = ("i think", "i guess", "i suppose", "i reckon", "i believe", "kind of", "kinda", "sort of", "sorta",
          "probably", "pretty much", "mostly", "basically", "well", "um", "uh", "er", "hmm", "really", "honestly",
          "just", "i would say", "id say")
# "she did", "I have", "they don't": a subject and an auxiliary answer a yes-or-no question.
SUBJECTS = r"(?:i|we|he|she|they|it|you)"
AUXILIARIES = r"(?:do|does|did|have|has|had|am|is|are|was|were|can|could|will|would|should)"
# The patterns are compiled on first use (re keeps them): a consultation reads
# replies, but a command that only reads case files need not pay for them.
SAID_YES = rf"(?:(?:yes|yeah|yep|yup) )?{SUBJECTS} {AUXILIARIES}"
SAID_NO = (rf"(?:(?:no|nope|nah) )?(?:{SUBJECTS} (?:{AUXILIARIES}nt|cant|wont|aint|{AUXILIARIES} not|never)"
           r"|im not|i m not)")
SEPARATORS = r"\s*(?:,|;|/|&|\+|\band\b|\bplus\b|\bas well as\b|\balso\b)\s*"
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
          "a few": 3, "few": 3, "several": 4, "half a": 0.5}
MONTHS_IN = {"day": 1 / 30.44, "week": 7 / 30.44, "month": 1, "year": 12}
SPAN = (r"(?:about |around |almost |nearly |over |just over |under |less than |more than )?"
        r"(?P<count>\d+(?:\.\d+)?|[a-z ]+?) (?P<unit>day|week|month|year)s?(?: ago)?")
CLEAR, CLOSE = 0.8, 0.1  # a near miss is clear at this likeness, when no other answer comes within CLOSE of it
MAX_DIGITS = 3


class ReplyError(ValueError):
    """A reply that names no allowed answer; the message says what would."""


class NotSure(ReplyError):
    """The person said they do not know: an answer of its own, which leaves the question open."""


class Unclear(ReplyError):
    """A near miss of one answer, too close to another to take without asking."""

    def __init__(self, message: str, meant: object, label: str):
        super().__init__(message)
        self.meant, self.label = meant, label


def plain(reply: str) -> str:
    """``reply`` folded for reading: NFKC, lower case, one space, no quotes or trailing punctuation.

    A character that stands for a number but is not one of the digits 0 to 9
    becomes U+FFFD first, so that folding cannot turn it into a digit.
    """
    reply = "".join(c if c.isascii() or unicodedata.numeric(c, None) is None else "\ufffd" for c in reply)
    text = unicodedata.normalize("NFKC", reply).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"[\"“”«»]", "", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # don't -> dont, it's -> its
    text = " ".join(text.split())
    return text.strip(" .,!?;:…'-")


def without_hedges(text: str) -> str:
    """``text`` without the words that soften it; ``text`` itself when nothing else is left."""
    words = f" {text} "
    for hedge in sorted(HEDGES, key=len, reverse=True):
        words = words.replace(f" {hedge} ", " ")
    return " ".join(words.split()) or text


def not_sure(text: str) -> bool:
    """Whether a plain reply says the person does not know."""
    return text in UNSURE or without_hedges(text) in UNSURE


def yes_or_no(text: str) -> bool | None:
    """True or False for an everyday yes or no ("yeah kinda", "nope", "she did", "I haven't"), else None."""
    text = " ".join(re.sub(r"[,;.!?]", " ", text).split())
    for candidate in dict.fromkeys((text, without_hedges(text))):
        if candidate in YES:
            return True
        if candidate in NO:
            return False
        first = candidate.split(" ", 1)[0]
        if first in NO and candidate not in YES and len(candidate.split()) <= 3:
            return False
        if re.fullmatch(SAID_NO, candidate):
            return False
        if re.fullmatch(SAID_YES, candidate):
            return True
        if first in YES and len(candidate.split()) <= 3:
            return True
    return None


def number(text: str) -> int | None:
    """The number a plain reply (folded with NFKC, see ``plain``) is, by the one
    rule for numbers typed or read (``whole_number``); a reply's choices are
    few, so at most ``MAX_DIGITS`` digits."""
    return whole_number(text, MAX_DIGITS)


def span_in_months(text: str) -> float | None:
    """How long ago a plain reply such as "2 months", "three weeks ago" or "a year" says, in months."""
    said = re.fullmatch(SPAN, text)
    if said is None:
        return None
    count = said["count"]
    amount = float(count) if count[0].isdigit() else COUNTS.get(count)
    if amount is None:
        return None
    if text.startswith(("over ", "more than ", "just over ")):
        amount *= 1.05  # "over a year" is more than one
    elif text.startswith(("under ", "less than ", "almost ", "nearly ")):
        amount *= 0.95
    return amount * MONTHS_IN[said["unit"]]


def likeness(reply: str, name: str) -> float:
    """How close ``reply`` is to ``name`` or to any run of as many of its words (0 to 1)."""
    from difflib import SequenceMatcher  # only for a reply that is not an answer: most commands never need it

    said, words = reply.split(), name.split()
    runs = {" ".join(words[i:i + len(said)]) for i in range(max(1, len(words) - len(said) + 1))}
    return max(SequenceMatcher(None, reply, run).ratio() for run in runs | {name})


def nearest(reply: str, names: Mapping[T, Iterable[str]]) -> tuple[T, bool] | None:
    """The answer a near miss means and whether it is clear (no other answer
    comes close); None when no answer is near enough."""
    scores = sorted(((max((likeness(reply, n) for n in said), default=0.0), index, answer)
                     for index, (answer, said) in enumerate(names.items())), key=lambda s: (-s[0], s[1]))
    if not scores or scores[0][0] < CLEAR - CLOSE or len(reply) < 3:
        return None
    best, runner_up = scores[0], scores[1] if len(scores) > 1 else None
    return best[2], best[0] >= CLEAR and (runner_up is None or runner_up[0] < best[0] - CLOSE)


def parts(text: str) -> list[str]:
    """A reply naming several answers, split at commas, "and" and the like."""
    return [p for p in re.split(SEPARATORS, without_hedges(text)) if p and p.strip()]

