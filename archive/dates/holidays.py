"""Holidays named in news text, dated by their calendar rule ("Thanksgiving Day"
is the fourth Thursday of November; Easter Sunday follows the Gregorian computus).

Without a year a holiday is the occurrence :func:`archive.dates.anchoring.pick`
chooses; "last Christmas" is the latest before publication, "next" the first after.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from archive.dates.anchoring import YEAR_GRACE, Reading, around_years, pick
from archive.dates.context import Context, Found
from archive.dates.values import long_date

_Day = datetime.date


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], _Day]:
    """The ``n``-th (``-1``: last) ``weekday`` of ``month``, as a function of the year."""

    def day(year: int) -> _Day:
        if n > 0:
            first = _Day(year, month, 1)
            return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = _Day(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
        return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)

    return day


def _fixed(month: int, day: int) -> Callable[[int], _Day]:
    return lambda year: _Day(year, month, day)


def easter(year: int) -> _Day:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return _Day(year, month, day + 1)


def _election_day(year: int) -> _Day:
    """US Election Day: the Tuesday after the first Monday of November."""
    return _nth_weekday(11, 0, 1)(year) + datetime.timedelta(days=1)


HOLIDAYS: dict[str, Callable[[int], _Day]] = {
    "thanksgiving": _nth_weekday(11, 3, 4),
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "new year's eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "easter": easter,
    "good friday": lambda year: easter(year) - datetime.timedelta(days=2),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "labor day": _nth_weekday(9, 0, 1),
    "memorial day": _nth_weekday(5, 0, -1),
    "veterans day": _fixed(11, 11),
    "election day": _election_day,
}
HOLIDAY_NAMES = re.compile(
    r"\b(?:(?P<mod>last|this|next)\s+)?(?P<name>Thanksgiving|Christmas\s+Eve|Christmas"
    r"|New\s+Year's\s+(?:Eve|Day)|Easter|Good\s+Friday|Halloween|Valentine's\s+Day"
    r"|Independence\s+Day|Fourth\s+of\s+July|Labor\s+Day|Memorial\s+Day|Veterans\s+Day"
    r"|Election\s+Day)(?:\s+(?:Day|Sunday))?(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d))?\b"
)


def holidays(match: re.Match[str], context: Context) -> list[Found]:
    """A holiday's date; a holiday in a name ("Christmas Island") is left alone."""
    if re.match(
        r"\s+(?:Island|tree|card|shopping|season|sales|Day\s+Parade)",
        context.sentence[match.end() :],
    ):
        return []
    rule = HOLIDAYS[" ".join(match.group("name").lower().split())]
    published = context.published
    modifier = (match.group("mod") or "").lower()
    if match.group("year"):
        day = rule(int(match.group("year")))
    else:
        readings = around_years(published, lambda y: Reading(rule(y), rule(y), ""))
        if modifier == "last":
            day = max(r.first for r in readings if r.first < published)
        elif modifier == "next":
            day = min(r.first for r in readings if r.first > published)
        else:
            day = pick(readings, published, context.tense(match.span()), YEAR_GRACE).first
    iso = day.isoformat()
    meaning = f"{match.group('name')}, {long_date(day)}"
    return [Found(match.span(), "DATE", iso, "day", "holiday", meaning, date_value=iso)]
