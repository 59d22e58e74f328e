"""The dateline that opens a news text."""

from __future__ import annotations

import re

from archive.dates import find_explicit_dates

_DATELINE = re.compile(r"(?P<head>[^()]{0,60}?)\s*\((?P<agency>[^()]{2,40})\)\s*[-–—]+\s*")


_DATELINE_PLACE = re.compile(r"(?:[A-Z][A-Z .'’-]*)?,?")


def dateline(lead: str) -> re.Match[str] | None:
    """A dateline opening the lead: a date or a capitalised place, then '(AGENCY) —'."""
    match = _DATELINE.match(lead)
    if not match or not match.group("agency")[0].isupper():
        return None
    head = match.group("head")
    for found in find_explicit_dates(head):
        head = head[: found.start] + head[found.end :]
    return match if _DATELINE_PLACE.fullmatch(head.strip()) else None
