"""The dateline that opens a news text: "KABUL, Aug. 25, 2021 (AGENCY) —".

One rule for ingest (the agency is the clipping's source; a derived title
leaves the dateline out) and for the chronology (the dateline's date is the
publication's, not an event's). A dateline is, within its first 60 characters:

- a place, a date or both, then an optional "(AGENCY)", then a dash (or a
  colon after the agency): the place capitalised names and commas ("Kabul,
  Aug. 25 —", "SAMARKAND, Uzbekistan, Sept. 15 (TNA) --"); or
- a place and a date, then the agency between slashes ("MOSCOW, August 22.
  /AGENCY/."); or
- an upper-case place or a date, then "(AGENCY)" and a dash ("KABUL (AP) -");
- an upper-case place, perhaps with its country, then a dash ("DUSHANBE,
  Tajikistan —", "MOSCOW —").

The agency counts when it starts with a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.dates import find_explicit_dates

_REACH = 60  # a dateline's date or agency starts within this many characters
_AGENCY_DASH = r"\s*\((?P<agency>[^()]{1,40})\)\s*(?:[-–—]+|:)\s*"
_SLASHED = r"\.?\s*/(?P<slashed>[A-Z][\w .&-]{1,30})/\.?\s*"
_AFTER_DATE = re.compile(rf"(?:{_AGENCY_DASH}|{_SLASHED}|\s*[-–—]+\s*)")
_BEFORE_DATE = re.compile(r"(?:[A-Z][\w.'’ -]*,\s*){0,3}")
_UNDATED = re.compile(rf"(?P<head>[^()]{{0,{_REACH}}}?){_AGENCY_DASH}")
_UPPER_PLACE = re.compile(r"(?:[A-Z][A-Z .'’-]*)?,?")
_PLACE_DASH = re.compile(
    r"[A-Z][A-Z'’.]{2,}(?:[ -][A-Z'’.]+)*(?:,\s*[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)*)?\s*(?:—|–|--|-)\s*"
)


@dataclass(frozen=True)
class Dateline:
    """Where the text after the dateline starts, and the agency it names ("" if none)."""

    end: int
    agency: str


def dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, if there is one (see the module's rule)."""
    for date in find_explicit_dates(text[:_REACH]):
        after = _AFTER_DATE.match(text, date.end)
        if after and _BEFORE_DATE.fullmatch(text[: date.start]):
            return Dateline(after.end(), _agency(after))
    match = _UNDATED.match(text)
    if not match:
        place = _PLACE_DASH.match(text)
        return Dateline(place.end(), "") if place else None
    head = match.group("head")
    for found in find_explicit_dates(head):
        head = head[: found.start] + head[found.end :]
    return Dateline(match.end(), _agency(match)) if _UPPER_PLACE.fullmatch(head.strip()) else None


def _agency(match: re.Match[str]) -> str:
    groups = match.groupdict()
    agency = (groups.get("agency") or groups.get("slashed") or "").strip()
    return agency if agency[:1].isupper() else ""
