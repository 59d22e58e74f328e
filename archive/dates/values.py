"""TimeML values and the arithmetic on them: a day, week, month, quarter, season,
year, decade or century named from another one.

Values follow TIMEX3 (ISO 8601 with TimeML's extensions): ``1998-08-07``,
``1998-W32``, ``1998-08``, ``1998-Q3``, ``1998-SU``, ``1998``, ``199X`` (a
decade), ``19XX`` (a century), durations ``P3D``/``PT2H``/``PXY``.
"""

from __future__ import annotations

import datetime
import re

from archive.dates.lexicon import FULL_MONTHS, FULL_WEEKDAYS, UNITS


def at(day: datetime.date, unit: str) -> str:
    """The value of the ``unit`` (day, week, month, quarter, year, decade, century) holding ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day:%Y-%m}"
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{day.year // 10}X"
    if unit == "century":
        return f"{day.year // 100}XX"
    return str(day.year)


def shift(day: datetime.date, unit: str, count: int) -> datetime.date:
    """``day`` moved by ``count`` units (months keep the day, clipped to the month's end)."""
    if unit in ("day", "week", "weekend"):
        return day + datetime.timedelta(days=count * (1 if unit == "day" else 7))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * count
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return _clipped(year, month + 1, day.day)


def _clipped(year: int, month: int, day: int) -> datetime.date:
    for last in (day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day, last))
        except ValueError:
            continue
    raise ValueError(f"no day {day} in {year}-{month}")


_VALUE_SHAPES = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-Q(\d)"), "quarter"),
    (re.compile(r"(\d{4})"), "year"),
)


def parse(value: str) -> tuple[datetime.date, str] | None:
    """A representative day of a calendar value and its unit, or None for other values."""
    for shape, unit in _VALUE_SHAPES:
        match = shape.fullmatch(value)
        if match is None:
            continue
        year, rest = int(match.group(1)), [int(g) for g in match.groups()[1:]]
        if unit == "week":
            return datetime.date.fromisocalendar(year, rest[0], 1), unit
        if unit == "quarter":
            return datetime.date(year, rest[0] * 3 - 2, 1), unit
        month, day = ([*rest, 1, 1])[:2]
        try:
            return datetime.date(year, month, day), unit
        except ValueError:
            return None
    return None


def moved(value: str, unit: str, count: int) -> str | None:
    """A calendar ``value`` moved by ``count`` units, at the value's own precision."""
    parsed = parse(value)
    if parsed is None:
        return None
    day, precision = parsed
    return at(shift(day, unit, count), precision)


_ORDER = ("day", "week", "month", "quarter", "year")


def coarsened(value: str, unit: str) -> str | None:
    """A calendar ``value`` at ``unit`` precision when it is finer ("1998-08-07" → "1998")."""
    parsed = parse(value)
    if parsed is None:
        return None
    day, precision = parsed
    finer = unit in _ORDER and _ORDER.index(precision) < _ORDER.index(unit)
    return at(day, unit) if finer else value


def duration(count: float | None, unit: str) -> str:
    """The TimeML duration of ``count`` units ("P3D", "PT2H", "PXY"; half a year is "P6M")."""
    letter = UNITS[unit]
    if count is not None and count != int(count):
        smaller = {"Y": (12, "M"), "M": (4, "W"), "D": (24, "TH"), "TH": (60, "TM"), "W": (7, "D")}
        if letter in smaller:
            factor, letter = smaller[letter]
            count *= factor
    if letter in ("DE", "CE") and count is not None:
        count, letter = count * (10 if letter == "DE" else 100), "Y"
    amount = "X" if count is None else str(int(count))
    if letter.startswith("T"):
        return f"PT{amount}{letter[1]}"
    return f"P{amount}{letter}"


def long_date(value: datetime.date) -> str:
    """ "Wednesday 25 August 2021": how explanations name a day."""
    return f"{FULL_WEEKDAYS[value.weekday()]} {value.day} {month_year(value)}"


def month_year(value: datetime.date) -> str:
    """ "August 2021": how explanations name a month."""
    return f"{FULL_MONTHS[value.month - 1]} {value.year}"
