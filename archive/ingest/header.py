"""The header of a clipping: dates, bylines and the source, read from their lines.

Dates
    A line may hold ISO timestamps (``2022-09-15T13:48:00Z``), year-first numbers
    (``2021/08/17``), day/month numbers (``06/01/2024``) and named-month dates
    (``Aug. 25``, ``22 AUG``, ``Thursday 15 September 2022``). A date after
    "Updated", "Last modified", "Latest update" … is an update; any other
    is a publication date ("Published", "Posted", "First published", or none).
    ``a/b/yyyy`` with both numbers 12 or less has two readings: the one closer
    to another date of the clipping wins; else the clipping's time zones tell
    the convention (ET, PT: month first; GMT, BST, IST, CET …: day first);
    else day first, with a warning naming both readings.
Bylines
    "By A, B and C", a line of names after the headline ("Hannah Voss and Tariq
    Mensah"), or items of a line ("Ananya Krishnan | New Delhi", "Eurasia Wire ·
    Mikhail Orlov"). A name is two to five capitalised words; what follows a
    name ("in Moscow", "reporting from Beijing", ", Central Asia correspondent")
    is not one. A part naming an organisation ("Andes Wire", "Reuters") is the
    source; a part the text uses as a place ("in Nusa Dua") is a place.
Source
    A credit wins: the agency of a dateline ("KABUL (AGENCY) -", "MOSCOW,
    Aug 22. /AGENCY/."), an organisation in the byline, "From X" or "via X";
    then the site's own name: the masthead (the first header line that is a
    name), else the copyright holder. An acronym ("TNA") is spelt out when the
    clipping also names what it stands for ("Transasia News Agency").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from archive.dates import find_explicit_dates
from archive.ingest.dateline import dateline
from archive.ingest.lines import has_clock, is_all_caps, items, without_clock, words

_MONTH_CAPS = re.compile(
    r"\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|JUNE"
    r"|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b"
)
_GLUED_YEAR = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d{2})")
_GLUED_LABEL = re.compile(r"(?<=[A-Za-z0-9])(?=(?:Updated|Published|Posted|Modified)\b)")
_ISO = re.compile(
    r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
)
_YEAR_FIRST = re.compile(
    r"(?<![\w/.-])(?P<y>\d{4})(?P<s>[/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\w/]|\.\d)"
)
_NUMERIC = re.compile(
    r"(?<![\w/.-])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?![\w/])"
)
_UPDATE = re.compile(
    r"\b(?:updated?|modified|latest update|last update|revised|edited)\b", re.IGNORECASE
)
_RELATIVE = re.compile(r"\b\d+\s+(?:second|minute|hour|day|week)s?\s+ago\b", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"\b(?:first|last|published|posted|updated?|modified|latest|update|started|date|issue|of|on"
    r"|at|broadcast|ago|hours?|minutes?|days?|mon|tue|wed|thu|fri|sat|sun|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|gmt|utc|bst|cet|cest|ist|et|edt|est|pt|pdt"
    r"|pst|eat|sast|am|pm|a\.m|p\.m|read|min|mins)\b\.?",
    re.IGNORECASE,
)
_MONTH_FIRST_ZONES = re.compile(r"\b(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|MT)\b")
_DAY_FIRST_ZONES = re.compile(
    r"\b(?:GMT|BST|IST|CET|CEST|EET|EEST|WAT|EAT|CAT|SAST|AEST|AEDT|MSK|GST|PKT|WIB|SGT|HKT|JST)\b"
)
_COPYRIGHT_YEAR = re.compile(r"(?:©|\bcopyright\b)[^\n]*?(\d{4})(?:\s*[-–]\s*(\d{4}))?", re.I)
_DATE_LINE_REST_WORDS = 3
_CLOSE_DAYS = 3
_PREFIX_WORDS = 3  # "Words and pictures by"
_TAIL_WORDS = 4  # a role or place after a name ("Central Asia correspondent")  # a reading this much nearer another date wins

NAME_PARTICLES = frozenset(
    ["al", "bin", "ibn", "de", "da", "van", "von", "der", "den", "la", "le", "del", "di", "du", "dos", "el", "binti"]
)  # fmt: skip
_ROLE_WORDS = frozenset(
    {
        "correspondent", "editor", "reporter", "writer", "staff", "chief", "director", "analyst",
        "producer", "contributor", "columnist", "bureau", "desk", "senior", "deputy", "head",
        "fellow", "programme", "program", "affairs", "team", "special", "political", "economics",
        "foreign", "diplomatic", "international"
    }
)  # fmt: skip
ORG_WORDS = frozenset(
    {
        "agency", "wire", "news", "press", "service", "services", "media", "network", "television",
        "tv", "radio", "times", "post", "journal", "herald", "daily", "tribune", "review", "agence",
        "presse", "associated", "reuters"
    }
)  # fmt: skip
_BY = re.compile(r"(?:^|\s)(?i:by)\s+(?=[A-Z])")
_GLUED_BY = re.compile(r"\s+By\s+(?=[A-Z])")
_NAME_TAIL = re.compile(r"\s+(?:in|reporting from|from|at)\s+[A-Z][\w .'’-]*$")
_AND = re.compile(r"\s*(,|\band\b|&)\s*", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.'’-]*")
_NOT_NAMES = frozenset(
    {
        "updated", "published", "posted", "last", "first", "latest", "modified", "issue", "date",
        "started", "source", "from", "via", "read", "min", "listen", "watch", "live", "share",
        "print", "save", "follow"
    }
)  # fmt: skip
_CLOSING_CREDIT = re.compile(r"[-–—]+\s*(?P<name>[A-Z][\w&.']*(?:\s[A-Z][\w&.']*){0,3})")
_AND_AGENCIES = re.compile(r"\s+(?:and|with|&)\s+(?:other\s+)?(?:news\s+)?agencies\b.*$", re.I)
_CREDIT_LINE = re.compile(r"(?:from|via)\s*:?\s+(?P<name>[A-Z][\w&.'’ -]{1,60})", re.IGNORECASE)
_ADDRESS = re.compile(r"<[^<>@\s]+@[^<>\s]+>")
_AUTHOR_NOTE = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s+(?:is|was|has been|writes|covers"
    r"|leads|directs|teaches|reports)\b.*[.!]$"
)
_HOLDER = re.compile(
    r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?"
    r"(?P<name>[^.©|·]{2,60}?)\s*(?:\d{4})?\s*(?:[.|·—]|all rights|$)",
    re.IGNORECASE,
)
_HOLDER_SUFFIX = re.compile(
    r"\s+(?:ltd|limited|plc|inc|llc|company|co|group|media group)\.?$", re.IGNORECASE
)
_CONVENTIONS = {"month": "the clipping's time zones write month first",
                "day": "the clipping's time zones write day first"}  # fmt: skip


@dataclass(frozen=True)
class FoundDate:
    """A date written in a line: what it says, and how sure the reading is."""

    value: datetime.date | None  # None: no year anywhere
    text: str
    update: bool
    year_given: bool
    readings: tuple[datetime.date, ...] = ()  # both readings of an ambiguous a/b/yyyy
    month: int = 0
    day: int = 0


def _month_case(text: str) -> str:
    """Month names in capitals as dates are written, and glued copies pulled apart.

    A page's year and time, or its time zone and "Updated", often arrive glued
    together ("September 15, 20225:32 PM UTCUpdated 2 hours ago").
    """
    text = _GLUED_YEAR.sub(r"\1 ", _GLUED_LABEL.sub(" ", text))
    return _MONTH_CAPS.sub(lambda m: m.group().capitalize(), text)


def dates_in(text: str) -> list[FoundDate]:
    """Every date written in ``text``, each marked as an update or not."""
    text = _month_case(text)
    found: list[tuple[int, int, FoundDate]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, date: FoundDate) -> None:
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            found.append((start, end, date))

    for pattern in (_ISO, _YEAR_FIRST):
        for m in pattern.finditer(text):
            value = _day(int(m["y"]), int(m["m"]), int(m["d"]))
            if value:
                add(m.start(), m.end(), FoundDate(value, m.group(), False, True))
    for m in _NUMERIC.finditer(text):
        readings = _readings(int(m["a"]), int(m["b"]), int(m["y"]))
        if readings:
            add(m.start(), m.end(), FoundDate(readings[0], m.group(), False, True, readings))
    for e in find_explicit_dates(text):
        if e.day is not None:
            add(e.start, e.end, FoundDate(e.value, e.text, False, e.year_given, (), e.month, e.day))
    return [_with_label(text, start, date) for start, _, date in sorted(found, key=lambda f: f[0])]


def _with_label(text: str, start: int, date: FoundDate) -> FoundDate:
    """Mark ``date`` an update when the words of its item before it say so."""
    item_start = max((m.end() for m in re.finditer(r"[|·•]", text[:start])), default=0)
    update = bool(_UPDATE.search(text[item_start:start]))
    return FoundDate(
        date.value, date.text, update, date.year_given, date.readings, date.month, date.day
    )


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _readings(a: int, b: int, year: int) -> tuple[datetime.date, ...]:
    """Day-first reading, then month-first, of those that exist and differ."""
    day_first, month_first = _day(year, b, a), _day(year, a, b)
    both = [d for d in (day_first, month_first) if d]
    return tuple(dict.fromkeys(both))


def is_date_line(text: str) -> bool:
    """A line that is a date or time and little else ("Kazan | 23 Oct 2024", "Updated 14:32 GMT")."""
    found = dates_in(text)
    if not found and not has_clock(text) and not _RELATIVE.search(text):
        return False
    rest = _month_case(text)
    for date in found:
        rest = rest.replace(date.text, " ")
    rest = _DATE_WORDS.sub(" ", _RELATIVE.sub(" ", without_clock(_month_case(rest))))
    return len(words(rest)) <= _DATE_LINE_REST_WORDS


def copyright_year(texts: list[str]) -> tuple[int, int] | None:
    """The year of the last copyright line (the end of a range) and its index."""
    for index in range(len(texts) - 1, -1, -1):
        match = _COPYRIGHT_YEAR.search(texts[index])
        if match:
            return int(match.group(2) or match.group(1)), index
    return None


def resolve_numeric(
    date: FoundDate, others: list[datetime.date], zones: str
) -> tuple[FoundDate, str]:
    """Pick one reading of an ambiguous numeric date; the second value says how."""
    if len(date.readings) < 2:
        return date, ""
    distances = [min((abs((r - o).days) for o in others), default=None) for r in date.readings]
    if None not in distances and abs(distances[0] - distances[1]) >= _CLOSE_DAYS:  # type: ignore[operator]
        pick = date.readings[distances.index(min(distances))]  # type: ignore[type-var]
        return _pick(date, pick), "the reading nearer another date of the clipping"
    convention = _convention(zones)
    if convention:
        pick = date.readings[0] if convention == "day" else date.readings[1]
        return _pick(date, pick), _CONVENTIONS[convention]
    return _pick(date, date.readings[0]), ""


def _pick(date: FoundDate, value: datetime.date) -> FoundDate:
    return FoundDate(value, date.text, date.update, True, (), date.month, date.day)


def _convention(zones: str) -> str:
    month, day = bool(_MONTH_FIRST_ZONES.search(zones)), bool(_DAY_FIRST_ZONES.search(zones))
    return "month" if month and not day else "day" if day and not month else ""


def ambiguity_warning(date: FoundDate) -> str:
    """The warning for a numeric date neither rule could decide."""
    first, second = date.readings
    return (
        f"'{date.text}' can be {first:%d %B %Y} (day first) or {second:%d %B %Y} (month first);"
        f" read as {first:%d %B %Y}: check the date"
    )


# ---- bylines ------------------------------------------------------------------------


@dataclass(frozen=True)
class Byline:
    """The people a byline names, as written ("A, B and C"), and an organisation it credits."""

    author: str
    source: str


def _token_is_name(token: str) -> bool:
    if not _NAME_TOKEN.fullmatch(token) or token.lower().strip(".") in _NOT_NAMES:
        return False
    if token.lower() in NAME_PARTICLES or token.lower().split("-")[0] in NAME_PARTICLES:
        return True
    return token[:1].isupper()


def is_name(text: str) -> bool:
    """Two to five capitalised words: a person's name ("Mei Lin Ho", "Dr. Kwame Asante")."""
    tokens = text.split()
    return (
        2 <= len(tokens) <= 5
        and all(_token_is_name(t) for t in tokens)
        and tokens[0][:1].isupper()
        and tokens[-1][:1].isupper()
        and not any(t.lower().strip(".,") in _ROLE_WORDS | ORG_WORDS for t in tokens)
    )


def is_organisation(text: str) -> bool:
    """A capitalised name with a word of news organisations ("Andes Wire", "Horn Press Agency")."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= 6
        and all(t[:1].isupper() or t.lower() in {"of", "the", "and", "&", "for"} for t in tokens)
        and any(t.lower().strip(".,") in ORG_WORDS for t in tokens)
    )


def is_names_line(text: str) -> bool:
    """A line of names only ("Hannah Voss and Tariq Mensah", "Kenji Ashford reporting from Beijing")."""
    parts = _AND.split(text)
    pieces = [_NAME_TAIL.sub("", parts[i].strip()) for i in range(0, len(parts), 2)]
    return (
        bool(pieces)
        and not is_all_caps(text)
        and is_name(pieces[0])
        and all(len(p.split()) <= _TAIL_WORDS for p in pieces[1:])
    )


def parse_byline(text: str, places: str, glued: bool = False) -> Byline | None:
    """The byline ``text`` names, or None; ``places`` is the clipping's text, to tell places."""
    parts = items(text)
    names: list[str] = []
    source = ""
    joins: list[str] = []
    for part in parts:
        by = _BY.search(part)
        if by and not _byline_prefix(part[: by.start()]):
            by = None
        body = part[by.end() :] if by else part
        if not by and (dates_in(body) or has_clock(body) or _RELATIVE.search(body)):
            continue
        if not by and is_organisation(body):
            source = source or body
            continue
        if names and not by:
            continue  # after the names: a place or a role
        if not by and not (is_names_line(body) or glued):
            return None  # the first item that is no organisation or date names nobody
        found, joined, credited = _names(body, places)
        names += found
        joins += joined
        source = source or credited
    if not names:
        return None
    author = names[0]
    for join, name in zip(joins, names[1:], strict=False):
        author += f"{join}{name}"
    return Byline(_tidy_case(author), source)


def _byline_prefix(text: str) -> bool:
    """What may stand before "by" in a byline: nothing, a date, or a few words ("Words")."""
    return not text.strip() or bool(dates_in(text)) or len(words(text)) <= _PREFIX_WORDS


def _names(text: str, places: str) -> tuple[list[str], list[str], str]:
    """The names in a byline body, the joins between them (", ", " and "), a credited org."""
    pieces = _AND.split(text)
    names: list[str] = []
    joins: list[str] = []
    source = ""
    pending = ""
    for index in range(0, len(pieces), 2):
        piece = _NAME_TAIL.sub("", pieces[index].strip())
        join = pieces[index - 1] if index else ""
        if " for " in piece:
            piece, _, org = piece.partition(" for ")
            source = source or org.strip()
        if is_name(piece) and not _is_place(piece, places):
            if names:
                joins.append(pending or (", " if join == "," else f" {join} "))
            names.append(piece.strip())
            pending = ""
        elif is_organisation(piece) and names:
            source = source or piece
        elif names:
            break
    return names, joins, source


def _is_place(text: str, places: str) -> bool:
    return bool(re.search(rf"\b(?:in|at|from|near)\s+{re.escape(text)}\b", places))


def _tidy_case(text: str) -> str:
    """Names set in capitals ("GRACE WANJIKU") as a reader writes them."""
    return " ".join(w.capitalize() if w.isalpha() and w.isupper() and len(w) > 1 else w
                    for w in text.split(" "))  # fmt: skip


def split_glued_byline(text: str, places: str) -> tuple[str, Byline | None]:
    """A headline with the byline run on ("HEADLINE By Gary Pike, Editor"): both parts."""
    for match in _GLUED_BY.finditer(text):
        byline = parse_byline(text[match.start() :].strip(), places, glued=True)
        if byline and len(words(text[: match.start()])) >= 2:
            return text[: match.start()].strip(), byline
    return text, None


# ---- sources ------------------------------------------------------------------------


def closing_credit(text: str) -> str:
    """The agency a line after the article credits ("- Xinhua", "— Reuters"), or ""."""
    match = _CLOSING_CREDIT.fullmatch(text)
    return match.group("name").strip() if match else ""


def dateline_agency(lead: str) -> str:
    """The agency a dateline opening the lead credits (see :mod:`archive.ingest.dateline`)."""
    found = dateline(lead)
    return found.agency if found else ""


def without_agencies(name: str) -> str:
    """A credit less its "and agencies" ("Al Majlis and news agencies" is Al Majlis)."""
    return _AND_AGENCIES.sub("", name).strip()


def author_note(text: str) -> str:
    """The name a note about the author starts with ("Amara Okeke is a senior fellow …")."""
    match = _AUTHOR_NOTE.match(text)
    return match.group("name") if match and is_name(match.group("name")) else ""


def credited_source(text: str) -> str:
    """The organisation a "From X" / "via X" line credits (an address after it left out)."""
    match = _CREDIT_LINE.fullmatch(_ADDRESS.sub("", text).strip())
    name = match.group("name").strip() if match else ""
    return name if name and len(words(name)) <= 6 and name[:1].isupper() else ""


def copyright_holder(text: str) -> str:
    """Who a copyright line names ("© 2021 Meridian Wire Services. All rights reserved.")."""
    match = _HOLDER.search(text)
    if not match:
        return ""
    name = _HOLDER_SUFFIX.sub("", match.group("name").strip(" ,-–—"))
    return name if name[:1].isupper() and not re.fullmatch(r"[\d\s–-]*", name) else ""


def masthead_name(text: str) -> str:
    """The site's name in a masthead line ("BNA  Bosphorus News Agency" gives both parts)."""
    parts = [p for p in re.split(r"\s{2,}|\s*[|—–]\s*", text) if p.strip()]
    return parts[0].strip() if parts else ""


def initials(text: str) -> str:
    """The initials of a name, short words left out ("Transasia News Agency" is "TNA")."""
    skip = {"of", "for", "the", "and", "&", "on", "in"}
    return "".join(w[0] for w in text.split() if w.lower() not in skip and w[0].isalpha()).upper()


def spell_out(name: str, known: list[str]) -> str:
    """``name`` or, if it is an acronym of one of ``known``, that name."""
    if not (name.isupper() and 2 <= len(name) <= 6 and name.isalpha()):
        return name
    for other in known:
        for part in re.split(r"\s{2,}|\s*[|—–]\s*", other):
            if part.strip() and initials(part) == name and len(part.split()) > 1:
                return part.strip()
    return name


def reader_case(name: str, texts: list[str]) -> str:
    """A name set in capitals, as the clipping writes it elsewhere in ordinary case."""
    if not name.isupper() or len(name.split()) < 2:
        return name  # an acronym stays one
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    for text in texts:
        for match in pattern.finditer(text):
            if not match.group().isupper():
                return match.group()
    return " ".join(w.capitalize() if len(w) > 3 or w in ("THE",) else w for w in name.split())
