"""Words as the comparison sees them: the same word however an outlet spelled it.

Outlets reword the same readout: British or American spelling ("neighbouring",
"neighboring"), "20th" or "twentieth", "U.S." or "US", a plural for a singular.
Each token keeps its text and offsets (for marks on the page) and gets a *key*
under which such variants are equal: lower case, typographic apostrophes folded,
possessive dropped, numbers as digits, British spellings in American form, then
the Snowball (Porter 2) stem. Stop words stay in the token list (a diff shows them)
but are flagged, so that similarity can ignore them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]


def word_set(text: str) -> frozenset[str]:
    """The words of a list written as one string, a word per space."""
    return frozenset(text.split())


# A number (1,000 or 2.5 or 76th), an abbreviation with dots (U.S.), or a word with
# inner apostrophes (China's). Hyphens split words: "war-torn" is "war torn".
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")

_NUMBER_WORDS = {
    word: str(value)
    for value, words in enumerate(
        [
            ("zero",), ("one", "first"), ("two", "second"), ("three", "third"),
            ("four", "fourth"), ("five", "fifth"), ("six", "sixth"), ("seven", "seventh"),
            ("eight", "eighth"), ("nine", "ninth"), ("ten", "tenth"),
            ("eleven", "eleventh"), ("twelve", "twelfth"), ("thirteen", "thirteenth"),
            ("fourteen", "fourteenth"), ("fifteen", "fifteenth"),
            ("sixteen", "sixteenth"), ("seventeen", "seventeenth"),
            ("eighteen", "eighteenth"), ("nineteen", "nineteenth"),
            ("twenty", "twentieth"),
        ]
    )
    for word in words
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
     "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
     "million": "1000000", "billion": "1000000000"}  # fmt: skip

STOP_WORDS = word_set(
    """a about above after again against all also am an and any are as at be because
    been before being below between both but by can could did do does doing down during
    each few for from further had has have having he her here hers herself him himself
    his how i if in into is it its itself just me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own same she should so some
    such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself s t well which whose upon via among
    amid along would shall may might must"""
)

# British endings and their American forms; both spellings then share one stem.
_SPELLING = (
    (re.compile(r"(?<=\w{3})our(?=(?:s|ed|ing|ite|ites|able|hood)?$)"), "or"),  # neighbour
    (re.compile(r"(?<=\w{2})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),  # organise
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=\w{3})tre(s?)$"), r"ter\1"),  # centre
    (re.compile(r"(?<=\w{3})ll(ed|ing)$"), r"l\1"),  # travelled
)
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Token:
    """One word of a text: as written, where, and the key variants share."""

    text: str
    start: int
    end: int
    key: str
    stop: bool


def tokens(text: str) -> list[Token]:
    """The words of ``text`` in order, each with its offsets and key."""
    out = []
    for match in _TOKEN.finditer(text):
        key, stop = normal_key(match.group())
        out.append(Token(match.group(), match.start(), match.end(), key, stop))
    return out


@lru_cache(maxsize=65536)
def normal_key(word: str) -> tuple[str, bool]:
    """``(key, is_stop_word)`` of one word as the tokenizer found it."""
    if "." in word and word[0].isalpha():  # U.S., U.N.: an abbreviation, not a word
        return word.replace(".", "").upper(), False
    if word.isupper() and len(word) > 1 and word.isalpha():  # US, SCO: never "us"
        return word, False
    word = _fold(word)
    if word[0].isdigit():
        ordinal = _ORDINAL.match(word)
        return (ordinal.group(1) if ordinal else word.replace(",", "")), False
    word = _POSSESSIVE.sub("", word) or word
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word], False
    if word in STOP_WORDS:
        return word, True
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return _STEMMER.stemWord(word), False


def _fold(word: str) -> str:
    """Lower case, without accents, with typographic apostrophes made straight."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
