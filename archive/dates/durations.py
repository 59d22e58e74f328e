"""Durations ("three days", "the past two years", "two-year") and sets ("daily",
"every month", "each July"), with TimeML values (``P3D``, ``P2Y``, ``PXY`` when
the count is vague; sets ``P1D``, ``XXXX-07``, ``XXXX-WXX-4``).

An age ("a 45-year-old") is not a duration of the story, and a count followed
by "ago"/"earlier"/"after" is read by :mod:`archive.dates.relative`.
"""

from __future__ import annotations

import re

from archive.dates.context import Context, Found
from archive.dates.lexicon import (
    COUNT,
    FULL_MONTHS,
    FULL_WEEKDAYS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_WORDS,
    count_of,
    names,
    unit_of,
)
from archive.dates.values import duration

_I = re.IGNORECASE
_HEDGE = r"(?:about|nearly|almost|more\s+than|less\s+than|over|at\s+least|up\s+to|only|just|roughly|some|around)"
DURATIONS = re.compile(
    rf"\b(?:the\s+)?(?:(?P<frame>past|last|next|first|coming|previous|final|following|recent|latest)\s+)?"
    rf"(?:{_HEDGE}\s+)?(?P<n>{COUNT})[-\s]+(?P<unit>{UNIT_WORDS})\b(?!-(?:old|long|earlier|ago|end)|\s+old\b)"
    r"|\b(?:the\s+)?(?P<frame2>past|last|next|coming|recent)\s+(?P<bare>years|months|weeks|days|decades)\b"
    r"|\b(?<=for\s)(?P<plain>years|months|weeks|decades|hours|days)\b",
    _I,
)


def durations(match: re.Match[str], context: Context) -> list[Found]:
    """A length of time; vague counts ("several years", "for months") have X for the count."""
    if match.group("bare") or match.group("plain"):
        words = match.group("bare") or match.group("plain")
        value = duration(None, unit_of(words))
        return [
            Found(
                match.span(),
                "DURATION",
                value,
                "duration",
                "vague-duration",
                "an unstated length of time",
            )
        ]
    words, unit = match.group("n"), unit_of(match.group("unit"))
    count = count_of(words)
    before = context.sentence[: match.start()]
    if words.lower() in ("a", "an") and re.search(r"(?:\d|times|twice|once)\s*$", before, _I):
        return []  # "$5 million a year", "twice a week": a rate, read as a set
    if re.fullmatch(r"(?:1[6-9]|20)\d\d", words):
        return []  # "the 1988 second quarter": a year, not a count
    if unit == "quarter" and re.match(r"s?\s+of\b|-", context.sentence[match.end("unit") :]):
        return []  # "a quarter of the staff", "three-quarters": a fraction
    if unit == "second" and words.lower() in ("a", "an"):
        return []  # "a second term": the ordinal
    value = duration(count, unit)
    meaning = f"a length of {words} {match.group('unit').lower()}"
    return [Found(match.span(), "DURATION", value, "duration", "duration", meaning)]


_SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D",
}  # fmt: skip
SETS = re.compile(
    rf"\b(?:(?P<word>{names(_SET_WORDS)})"
    rf"|(?P<every>every|each|per)\s+(?:(?P<n>{COUNT})\s+)?(?P<unit>{UNIT_WORDS}"
    rf"|(?-i:{names(FULL_MONTHS)})|(?-i:{names(FULL_WEEKDAYS)})|{names(SEASONS)}"
    rf"|{names(p for p in PARTS_OF_DAY if p not in ('overnight', 'tonight'))})"
    r"|(?<=\d\s)(?P<a>a|an)\s+(?P<rate>day|week|month|year))\b",
    _I,
)


def sets(match: re.Match[str], context: Context) -> list[Found]:
    """ "daily", "every two weeks", "each July", "per year": a recurring time."""
    if match.group("word"):
        word = match.group("word").lower()
        before = context.sentence[: match.start()].split()[-1:]
        if word == "daily" and before and before[0].lower() in ("the", "a", "an"):
            return []  # "the daily" is a newspaper
        return [_set(match, _SET_WORDS[word])]
    if match.group("rate"):
        return [_set(match, duration(1, match.group("rate").lower()))]
    unit = match.group("unit")
    if unit in MONTHS:
        return [_set(match, f"XXXX-{MONTHS[unit]:02d}")]
    if unit in FULL_WEEKDAYS:
        return [_set(match, f"XXXX-WXX-{FULL_WEEKDAYS.index(unit) + 1}")]
    if unit.lower() in SEASONS:
        return [_set(match, f"XXXX-{SEASONS[unit.lower()]}")]
    if unit.lower() in PARTS_OF_DAY:
        return [_set(match, f"XXXX-XX-XXT{PARTS_OF_DAY[unit.lower()]}")]
    count = count_of(match.group("n")) if match.group("n") else 1.0
    return [_set(match, duration(count, unit_of(unit)))]


def _set(match: re.Match[str], value: str) -> Found:
    return Found(match.span(), "SET", value, "set", "set", f"a recurring time, {value}")
