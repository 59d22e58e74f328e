"""The English words time expressions are made of, and what each stands for.

Months and weekdays are matched capitalised where the word is also a common
word ("May", "March", "Sun"), so every table gives the spelling news text uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9,
    "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
    "Sunday": 6, "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3,
    "Fri": 4, "Sat": 5, "Sun": 6,
}  # fmt: skip
FULL_MONTHS = tuple(MONTHS)[:12]  # names, not the locale's: the text is English
FULL_WEEKDAYS = tuple(WEEKDAYS)[:7]

# TimeML season codes (TIMEX3 guidelines: 1998-SU).
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Parts of the day (TIMEX3: 1998-08-07TMO).
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI",
}  # fmt: skip

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "half a": 0, "a half": 0,
}  # fmt: skip
# Quantities that say "some number of" (TIMEX3 writes the count as X: PXY).
VAGUE_NUMBERS = ("several", "a few", "few", "many", "a number of")
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

YEAR = r"(?:1[6-9]\d\d|20\d\d)"  # a four-digit year of modern history

# Calendar units and their TimeML duration letters; "T" marks the time part.
UNITS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip
UNIT_WORDS = (
    r"seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies)"
)


def names(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so "Sept" wins over "Sep"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER_WORDS = (
    rf"(?:(?:{names(_TENS)})(?:[-\s](?:{names(_ONES)}))?|a\s+couple\s+of"
    rf"|{names(w for w in NUMBERS if w not in _TENS)})"
)
COUNT = rf"(?:\d+(?:\.\d+)?|{NUMBER_WORDS}|{names(VAGUE_NUMBERS)})"


def unit_of(word: str) -> str:
    """ "weeks" → "week", "centuries" → "century"."""
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def count_of(words: str) -> float | None:
    """The number a count phrase names ("two", "twenty-five", "3", "half a"); None if vague."""
    words = " ".join(words.lower().replace("-", " ").split())
    if words in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words)
    if words == "a couple of":
        return 2
    if words in NUMBERS:
        return NUMBERS[words] or 0.5
    parts = words.split()
    if all(p in NUMBERS for p in parts):
        if parts[-1] == "hundred":
            return NUMBERS[parts[0]] * 100
        return sum(NUMBERS[p] for p in parts)
    return None
