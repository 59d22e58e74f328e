"""The publication date of a clipping, from the dates its header and dateline state.

First publication wins: of the header's dates (and, when the header states
none, a date opening the lead as a dateline does: "MOSCOW, Aug 25 (AGENCY) -",
"On August 16, 2021, …") the earliest that is not an update; the latest update
is kept as ``updated``. A date without a year takes the year of the clipping's
copyright line, else of another header date, and says so. A numeric date with
two readings is settled by :func:`archive.ingest.header.resolve_numeric`. A date
inside the text ("met on 22 June 2023") is what the article reports, never when
it appeared: a clipping with no other date is refused.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from archive.core.errors import ContentError
from archive.ingest.header import (
    FoundDate,
    ambiguity_warning,
    copyright_year,
    dates_in,
    resolve_numeric,
)
from archive.ingest.layout import Layout

_OPENING = re.compile(
    r"(?:[A-Z][\w.'’-]*,?\s+)*(?:(?:On|By)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?)?"
)
_OPENING_REACH = 80
NO_DATE = "no publication date found"  # how a refusal for want of a date begins  # a dateline's date stands this near the start of the lead


@dataclass
class DateChoice:
    """The publication date chosen, its update, and how (for the report)."""

    value: datetime.date
    text: str
    line: int
    updated: datetime.date | None = None
    notes: list[str] = field(default_factory=list)


def publication_date(
    layout: Layout, texts: list[str], path: str | Path, fallback: list[DateChoice]
) -> DateChoice:
    """The date as above, else ``fallback`` (dated lines an editor's pattern found), else refused."""
    choice = header_date(layout, texts)
    if choice is not None:
        return choice
    if fallback:
        return fallback[0]
    yearless = [d.text for _, d in layout.header_dates if d.value is None]
    yearless += [d.text for d in dates_in(layout.lead.text if layout.lead else "") if not d.value]
    found = f"; found {yearless[0]!r} without a year" if yearless else ""
    message = f"{NO_DATE} (no 'date YYYY-MM-DD' line, no dated header or dateline)"
    raise ContentError(path, message + found)


def header_date(layout: Layout, texts: list[str]) -> DateChoice | None:
    """First publication from the header, else the lead's dateline; the update kept."""
    header = list(layout.header_dates)
    opening = _opening_date(layout.lead.text) if layout.lead else None
    if opening and layout.lead and not any(d.value or d.month for _, d in header):
        header.append((layout.lead.first, opening))
    resolved = [
        (line, date, note)
        for line, found in header
        if (result := _resolve(found, header, texts)) is not None
        for date, note in [result]
    ]
    published = [item for item in resolved if not item[1].update and item[1].value]
    updates = [date.value for _, date, _ in resolved if date.update and date.value]
    if not published:
        published = [item for item in resolved if item[1].value]
    if not published:
        return None
    line, date, note = min(published, key=lambda item: (item[1].value, item[0]))
    assert date.value is not None  # published holds dates with a value only
    choice = DateChoice(date.value, date.text, line, max(updates) if updates else None)
    choice.notes += [note] if note else []
    return choice


def _resolve(
    date: FoundDate, header: list[tuple[int, FoundDate]], texts: list[str]
) -> tuple[FoundDate, str] | None:
    """``date`` with its year and one reading, and a note saying how; None if no year."""
    if date.value is None:
        return _with_year(date, header, texts)
    if len(date.readings) < 2:
        return date, ""
    others = [d.value for t in texts for d in dates_in(t) if d.value and not d.readings]
    others += [
        day
        for t in texts
        for d in dates_in(t)
        if d.value is None and (day := _day(date.value.year, d.month, d.day))
    ]
    picked, how = resolve_numeric(date, others, "\n".join(texts))
    assert picked.value is not None
    if how:
        return picked, f"'{date.text}' read as {picked.value:%d %B %Y}: {how}"
    return picked, f"warning: {ambiguity_warning(date)}"


def _with_year(
    date: FoundDate, header: list[tuple[int, FoundDate]], texts: list[str]
) -> tuple[FoundDate, str] | None:
    copyright = copyright_year(texts)
    if copyright:
        year, source = copyright[0], f"the year from copyright line {copyright[1] + 1}"
    else:
        years = [d.value.year for _, d in header if d.value and d.year_given]
        if not years:
            return None
        year, source = years[0], "the year from another date of the header"
    value = _day(year, date.month, date.day)
    if value is None:
        return None
    dated = FoundDate(value, date.text, date.update, False, (), date.month, date.day)
    return dated, f"'{date.text}' has no year: {source}, {year}"


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _opening_date(lead: str) -> FoundDate | None:
    """A date that opens the lead, as a dateline does ("MOSCOW, Aug 25 (AGENCY) -")."""
    found = dates_in(lead[: _OPENING_REACH + 20])
    if not found:
        return None
    start = lead.find(found[0].text)
    return found[0] if start <= _OPENING_REACH and _OPENING.fullmatch(lead[:start]) else None
