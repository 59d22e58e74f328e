"""Calendar dates written out in the text, as far as the words give them.

``2021-08-25``; day-first numbers ``25.08.2021``, ``25/08/2021``, ``25-08-2021``
(never month-first); ``Aug. 25, 2021``, ``August 16, 2021``, ``Sept. 3``;
``25 August 2021``, ``25th of August``; an optional weekday before any of the
named forms (``Wednesday, August 25, 2021``); a month and year (``August 2021``,
month precision). Month names are matched capitalised ("may" is a verb). A
number pair without a year (``25.08``) or an impossible date (Feb 30) is not a
date: nothing is invented.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from archive.dates.lexicon import MONTHS, WEEKDAYS, names

MONTH = rf"(?P<month>{names(MONTHS)})\b\.?"
_WEEKDAY_PREFIX = rf"(?:(?P<weekday>{names(WEEKDAYS)})\b\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)\b"
_EXPLICIT = (
    re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])"),
    re.compile(
        r"(?<![\w./-])(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<year>\d{4})(?!\w|[./-]\d)"
    ),
    re.compile(rf"\b{_WEEKDAY_PREFIX}{MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?"),
    re.compile(rf"\b{_WEEKDAY_PREFIX}{_DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR})?"),
    re.compile(rf"\b{MONTH}\s+(?:of\s+)?{_YEAR}"),
)


@dataclass(frozen=True)
class ExplicitDate:
    """A calendar date written out in the text, as far as the words give it.

    ``value`` is None when the year is missing (and no ``default_year`` given) or
    when only a month is given (``precision`` "month").
    """

    start: int
    end: int
    text: str
    value: datetime.date | None
    year_given: bool
    precision: Literal["day", "month"]
    year: int | None
    month: int
    day: int | None
    weekday: int | None


def find_explicit_dates(text: str, default_year: int | None = None) -> list[ExplicitDate]:
    """Every explicit date in ``text``, in text order, without overlaps.

    A date without a year takes ``default_year`` (``year_given`` False); without
    one, its ``value`` is None but a day that exists in no year is still skipped.
    """
    found = [
        date
        for pattern in _EXPLICIT
        for match in pattern.finditer(text)
        if (date := _explicit(match, default_year)) is not None
    ]
    return disjoint(found)


def _explicit(match: re.Match[str], default_year: int | None) -> ExplicitDate | None:
    """The date a pattern match names, or None if that day does not exist."""
    groups = match.groupdict()
    month = int(groups["month"]) if groups["month"].isdigit() else MONTHS[groups["month"]]
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    weekday = WEEKDAYS[groups["weekday"]] if groups.get("weekday") else None
    known_year = year if year is not None else default_year
    if not exists(known_year if known_year is not None else 2000, month, day or 1):
        return None  # 2000 is a leap year: "February 29" without a year may exist
    value = datetime.date(known_year, month, day) if day and known_year is not None else None
    return ExplicitDate(
        start=match.start(),
        end=match.end(),
        text=match.group(),
        value=value,
        year_given=year is not None,
        precision="day" if day else "month",
        year=known_year,
        month=month,
        day=day,
        weekday=weekday,
    )


def exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Span)


def disjoint(items: list[_S]) -> list[_S]:
    """The leftmost, then longest, of overlapping spans."""
    chosen: list[_S] = []
    for item in sorted(items, key=lambda i: (i.start, -i.end)):
        if not chosen or item.start >= chosen[-1].end:
            chosen.append(item)
    return chosen
