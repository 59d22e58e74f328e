"""The days an EDTF date value covers, and its precision."""

from __future__ import annotations

import calendar
import datetime
import re
from functools import lru_cache

PRECISIONS = ("day", "week", "month", "year", "unknown")
EDTF = re.compile(r"^(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?\??$")


@lru_cache(maxsize=4096)
def period(value: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day an EDTF value (or ISO week) covers; "?" is ignored."""
    match = EDTF.match(value)
    if not match:
        raise ValueError(f"not a date: {value!r}")
    year, week, month, day = match.groups()
    if week:
        monday = datetime.date.fromisocalendar(int(year), int(week), 1)
        return monday, monday + datetime.timedelta(days=6)
    if day:
        single = datetime.date(int(year), int(month), int(day))
        return single, single
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return datetime.date(int(year), int(month), 1), datetime.date(int(year), int(month), last)
    return datetime.date(int(year), 1, 1), datetime.date(int(year), 12, 31)


def precision_of(value: str) -> str:
    """The precision an EDTF value is written at."""
    if not value:
        return "unknown"
    match = EDTF.match(value)
    if not match:
        raise ValueError(f"not a date: {value!r}")
    _, week, month, day = match.groups()
    return "week" if week else "day" if day else "month" if month else "year"


def contains(outer: str, inner: str) -> bool:
    (a, b), (c, d) = period(outer), period(inner)
    return a <= c and d <= b


def days_apart(first: str, second: str) -> int:
    (a, b), (c, d) = period(first), period(second)
    return max((c - b).days, (a - d).days, 0)
