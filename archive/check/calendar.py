"""``chronology.ics`` is a calendar that calendar programs can read (RFC 5545)."""

from __future__ import annotations

from pathlib import Path

import icalendar

from archive.check.problem import Problem

CALENDAR = "chronology.ics"
_REQUIRED = ("UID", "DTSTAMP", "DTSTART", "SUMMARY")


def check_calendar(site: Path) -> list[Problem]:
    """The calendar parses with ``icalendar``, lines end in CRLF, and every event is complete."""
    path = site / CALENDAR
    if not path.is_file():
        return [Problem(CALENDAR, "missing")]
    raw = path.read_bytes()
    problems = _line_endings(raw)
    try:
        calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        return [*problems, Problem(CALENDAR, f"does not parse: {_first_line(error)}")]
    for component in calendar.walk():
        where = _name(component)
        for prop, message in component.errors:
            problems.append(Problem(CALENDAR, f"{prop}: {message}", where))
        if component.name == "VEVENT":
            missing = [p for p in _REQUIRED if p not in component]
            if missing:
                problems.append(Problem(CALENDAR, f"lacks {', '.join(missing)}", where))
    return problems


def _line_endings(raw: bytes) -> list[Problem]:
    """RFC 5545 lines end in CRLF; a bare CR or LF splits a line for some readers only."""
    lines = raw.split(b"\r\n")
    return [
        Problem(CALENDAR, "bare CR or LF inside a line", f"line {number}")
        for number, line in enumerate(lines, 1)
        if b"\r" in line or b"\n" in line
    ]


def _name(component: icalendar.cal.Component) -> str:
    uid = component.get("UID")
    return f"{component.name} {uid}" if uid else str(component.name)


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__
