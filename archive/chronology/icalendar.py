"""The chronology as an iCalendar file (``chronology.ics``).

RFC 5545, CRLF, lines folded at 75 octets. A day is an all-day event; a week,
month or year an all-day event over the whole period, marked so in its
summary; an event without a date is left out (a calendar has no place for
it), and so is a rejected one. DTSTAMP is the event's first day, so that the
same chronology always gives the same file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from archive.chronology.event import Event, sort_events
from archive.chronology.kinds import KIND_LABELS
from archive.chronology.periods import period

_CALENDAR_NAME = "Briefing archive chronology"
_PERIOD_NOTE = {"week": "the week", "month": "the month", "year": "the year"}


def to_icalendar(events: Iterable[Event]) -> str:
    """The dated, not rejected events as an iCalendar file (RFC 5545)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//briefing-archive//chronology//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_CALENDAR_NAME}",
    ]
    for event in sort_events(events):
        if event.date and not event.rejected:
            lines += _vevent(event)
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))


def _vevent(event: Event) -> list[str]:
    first, last = period(event.date)
    summary = event.title
    if event.precision in _PERIOD_NOTE:
        summary += f" (date known to {_PERIOD_NOTE[event.precision]})"
    if event.date.endswith("?"):
        summary += " (date uncertain)"
    return [
        "BEGIN:VEVENT",
        f"UID:{event.id}@briefing-archive",
        f"DTSTAMP:{first:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{last + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(_description(event))}",
        f"CATEGORIES:{_escape(KIND_LABELS[event.kind])}",
        "END:VEVENT",
    ]


def _description(event: Event) -> str:
    lines = [
        f"{r.article} ({r.paragraph}): “{r.quote}” Date: {r.explanation}" for r in event.reports
    ]
    for discrepancy in event.discrepancies:
        told = "; ".join(f"{v or 'no date'} ({', '.join(a)})" for v, a in discrepancy.values)
        lines.append(f"Sources disagree on the {discrepancy.field}: {told}")
    if event.corrected:
        lines.append(f"Corrected by an editor: {' '.join(event.corrected.reasons)}")
    return "\n".join(lines)


def _escape(text: str) -> str:
    """TEXT escaping of RFC 5545 §3.3.11; any line break (CR, LF or CRLF) becomes ``\\n``.

    A bare CR would end the content line early in many readers.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def _fold(line: str, limit: int = 75) -> list[str]:
    """A content line cut into lines of at most ``limit`` octets, never inside a character.

    Continuation lines start with a space, which counts towards their octets.
    """
    if len(line.encode("utf-8")) <= limit:
        return [line]
    if line.isascii():  # one octet a character: cut by slicing
        return [line[:limit]] + [
            line[i : i + limit - 1] for i in range(limit, len(line), limit - 1)
        ]
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        room = limit if not parts else limit - 1
        if size + width > room:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return [parts[0], *(f" {part}" for part in parts[1:])]
