"""The chronology page's grouping: events by day, with the silent days between."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from archive.chronology.event import Event, sort_events
from archive.chronology.periods import days_apart, period, precision_of
from archive.core.formatting import day_month_year, long_date, month_year


@dataclass(frozen=True)
class Day:
    """Events sharing one date, and the days of silence since the previous date."""

    date: str  # EDTF; "" for the undated events
    label: str
    gap_days: int  # whole days between this date and the previous one; 0 for the first
    events: tuple[Event, ...]


def days(events: Iterable[Event]) -> list[Day]:
    """The chronology grouped by date, in order, with the gaps a reader should see."""
    groups: dict[str, list[Event]] = {}
    for event in sort_events(e for e in events if not e.rejected):
        groups.setdefault(event.date.rstrip("?"), []).append(event)
    result: list[Day] = []
    previous = ""
    for date, members in groups.items():
        silent = days_apart(previous, date) if previous and date else 0
        result.append(Day(date, date_label(date), silent, tuple(members)))
        previous = date or previous
    return result


def date_label(value: str) -> str:
    """How a date reads on the page, at its precision ("Wednesday 25 August 2021")."""
    if not value:
        return "Date not given"
    first = period(value.rstrip("?"))[0]
    precision = precision_of(value.rstrip("?"))
    if precision == "day":
        return long_date(first)
    if precision == "week":
        return f"Week of {day_month_year(first)} (day not given)"
    if precision == "month":
        return f"{month_year(first)} (day not given)"
    return f"{first.year} (month not given)"
