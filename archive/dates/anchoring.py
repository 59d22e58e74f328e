"""Which occurrence a calendar name without a year means ("Friday", "in October",
"the third quarter"), from the publication date and the governing verb's tense.

The field's news rule (HeidelTime, TIMEX3 guidelines): the occurrence nearest
the publication date, unless the verb is clearly past (then the latest one that
has begun by publication) or clearly future (the earliest one not yet over).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from archive.dates.tense import Tense

_Day = datetime.date
# How far (days) the nearest reading may lie on the other side of publication
# from the tense before the tense wins: a month and a half for a day or month
# of the year, a quarter for quarters and seasons (reports come after them).
YEAR_GRACE = 45
QUARTER_GRACE = 92


@dataclass(frozen=True)
class Reading:
    """One occurrence: its first and last day and the value that names it."""

    first: _Day
    last: _Day
    value: str


def pick(readings: list[Reading], published: _Day, tense: Tense, grace: int = 0) -> Reading:
    """The occurrence the tense and the publication date point to (see the module).

    The tense overrides the nearest reading only when that reading lies more than
    ``grace`` days on the other side of publication: a verb's tense is weaker
    evidence than closeness for "Jan. 14" in an article of 5 January.
    """
    nearest = min(readings, key=lambda r: (_distance(r, published), r.first > published))
    if tense == "past" and nearest.first <= published + datetime.timedelta(days=grace):
        return nearest
    if tense == "future" and nearest.last >= published - datetime.timedelta(days=grace):
        return nearest
    if tense == "past":
        begun = [r for r in readings if r.first <= published]
        if begun:
            return max(begun, key=lambda r: r.first)
    if tense == "future":
        ahead = [r for r in readings if r.last >= published]
        if ahead:
            return min(ahead, key=lambda r: r.first)
    return nearest


def _distance(reading: Reading, day: _Day) -> int:
    if reading.first <= day <= reading.last:
        return 0
    return min(abs((reading.first - day).days), abs((reading.last - day).days))


def around_years(published: _Day, make: Callable[[int], Reading | None]) -> list[Reading]:
    """The readings ``make`` gives for the year before, of and after publication."""
    years = range(max(published.year - 1, 1), min(published.year + 1, 9999) + 1)
    return [r for year in years if (r := make(year))]


def year_suffix(year: int, published: _Day) -> tuple[str, str]:
    """The rule suffix and the reason in words for the year a yearless name was given."""
    if year < published.year:
        return "previous-year", "the year before publication, since the article gives no year: "
    if year > published.year:
        return "next-year", "the year after publication, since the article gives no year: "
    return "year-from-publication", "the year of publication, since the article gives none: "


def month_reading(year: int, month: int) -> Reading:
    first = _Day(year, month, 1)
    following = _Day(year + month // 12, month % 12 + 1, 1)
    return Reading(first, following - datetime.timedelta(days=1), f"{first:%Y-%m}")


def day_reading(month: int, day: int, year: int) -> Reading | None:
    """That day of that year, if it exists (29 February does not every year)."""
    try:
        first = _Day(year, month, day)
    except ValueError:
        return None
    return Reading(first, first, first.isoformat())


def quarter_reading(year: int, quarter: int) -> Reading:
    first = month_reading(year, quarter * 3 - 2).first
    return Reading(first, month_reading(year, quarter * 3).last, f"{year}-Q{quarter}")


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def season_reading(year: int, season: str) -> Reading:
    """A season by its meteorological months; winter runs from December into the next year."""
    start, end = _SEASON_MONTHS[season]
    first = _Day(year, start, 1)
    last = month_reading(year + (end - 1) // 12, (end - 1) % 12 + 1).last
    return Reading(first, last, f"{year}-{season}")


def weekday_readings(published: _Day, weekday: int) -> list[Reading]:
    """That weekday in the week before, around and after publication."""
    days = [published + datetime.timedelta(days=k) for k in range(-7, 8)]
    return [Reading(d, d, d.isoformat()) for d in days if d.weekday() == weekday]
