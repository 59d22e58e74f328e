"""Expressions that count from the publication date or from another date of the text.

"yesterday", "today", "tomorrow"; "last/this/next week" (ISO week), "weekend",
"month", "year"; "four years ago" (from the publication date, at the unit's
precision); "now", "currently" (PRESENT_REF), "recently", "the past" (PAST_REF),
"the future" (FUTURE_REF). "a year earlier", "the following year", "that month"
count from the last date the text named (``Context.reference``), as a comparison
in a report does; "three days later" is an offset from another event
(:mod:`archive.dates.offsets`).
"""

from __future__ import annotations

import datetime
import re

from archive.dates.context import Context, Found, Precision
from archive.dates.lexicon import COUNT, count_of, unit_of
from archive.dates.offsets import days_in_words, offset, subordinate
from archive.dates.values import at, coarsened, long_date, month_year, moved, shift

_I = re.IGNORECASE
_PRECISIONS: dict[str, Precision] = {
    "day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
    "year": "year", "decade": "decade", "century": "century",
}  # fmt: skip


DEICTIC = re.compile(r"\b(?:yesterday|today|tomorrow)\b", _I)


def deictic(match: re.Match[str], context: Context) -> list[Found]:
    """ "yesterday", "today", "tomorrow"."""
    rule = match.group().lower()
    day = context.published + datetime.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(rule, 0))
    iso = day.isoformat()
    return [Found(match.span(), "DATE", iso, "day", rule, long_date(day), date_value=iso)]


_REFS = {
    "PRESENT_REF": r"now|currently|current(?=\s+[a-z])|at\s+present|nowadays|these\s+days|at\s+the\s+moment|the\s+present",
    "PAST_REF": r"recently|lately|(?:in\s+)?recent\s+(?:years|times)|the\s+past(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|decade|quarter|century))",
    "FUTURE_REF": r"the\s+(?:near\s+|distant\s+)?future|(?:in\s+)?(?:the\s+)?(?:coming|future|years\s+ahead)\s+(?:years|months|quarters)|someday",
}
REFERENCES = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _REFS.items()) + r")\b", _I
)


def references(match: re.Match[str], context: Context) -> list[Found]:
    """ "now", "currently" (PRESENT_REF), "recently" (PAST_REF), "the future" (FUTURE_REF)."""
    if match.group().lower() == "now" and re.match(r"\s+that\b", context.sentence[match.end() :]):
        return []  # "now that ..." is a conjunction
    name = match.lastgroup or "PRESENT_REF"
    start = match.start() + (match.group().lower().startswith("in ") and 3)
    meaning = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
    return [Found((start, match.end()), "DATE", name, "reference", name.lower(), meaning[name])]


CALENDAR_UNITS = re.compile(
    r"\b(?:(?P<mod>last|next|this|past|coming|current)|(?P<the>the)(?=\s+weekend)|(?P<edge>earlier|later)\s+this)\s+"
    r"(?P<unit>week(?:end)?|month|year|decade)\b(?!\s*'s\s+(?:first|second|third|fourth))",
    _I,
)


def calendar_units(match: re.Match[str], context: Context) -> list[Found]:
    """last/this/next week (ISO week), weekend, month or year, kept at that precision."""
    modifier = (match.group("mod") or "this").lower()
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(modifier, 0)
    unit = match.group("unit").lower()
    if match.group("the"):
        modifier, step = "the", _weekend_step(context, match.span())
    rule = f"{modifier}-{unit}"
    moved_day = shift(context.published, unit, step)
    value = at(moved_day, unit)
    if unit in ("week", "weekend"):
        monday = moved_day - datetime.timedelta(days=moved_day.weekday())
        meaning = f"the {unit} of Monday {monday.day} {month_year(monday)}"
    elif unit == "month":
        meaning = month_year(moved_day)
    else:
        meaning = f"the {unit} {value}"
    precision = _precision(unit)
    date_value = value if unit in ("week", "month", "year") else None
    return [Found(match.span(), "DATE", value, precision, rule, meaning, date_value=date_value)]


def _weekend_step(context: Context, span: tuple[int, int]) -> int:
    """ "the weekend": the one before a weekday publication when told in the past, else this week's."""
    tense = context.tense(span)
    return -1 if tense == "past" and context.published.weekday() < 5 else 0


_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?)"
AGO = re.compile(
    rf"\b(?:(?:about|nearly|almost|more\s+than|less\s+than|some|over|just|only)\s+)?"
    rf"(?P<n>{COUNT})[-\s]+{_UNIT}\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence)\b"
    r"|\b(?P<adj>year-earlier|year-ago)\b",
    _I,
)


def ago(match: re.Match[str], context: Context) -> list[Found]:
    """ "four years ago" (from publication), "a year earlier" (from the last date named)."""
    if match.group("adj"):  # "year-ago levels": the year before the period reported
        return [_from_publication(match, context, "year", -1)]
    count = count_of(match.group("n"))
    unit = unit_of(match.group("unit"))
    direction = match.group("dir").lower()
    if count is None or count != int(count):
        return [_vague(match, direction)]
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    try:
        if direction in ("before", "after"):
            return [subordinate(match, context, int(count), unit, sign)]
        if direction in ("ago", "from now", "hence"):
            return [_from_publication(match, context, unit, sign * int(count))]
        return [_from_reference(match, context, unit, sign * int(count))]
    except (ValueError, OverflowError):  # "2,000 years ago": before the calendar's year 1
        return [_vague(match, direction)]


def _vague(match: re.Match[str], direction: str) -> Found:
    name = "FUTURE_REF" if direction in ("later", "after", "from now", "hence") else "PAST_REF"
    return Found(match.span(), "DATE", name, "reference", "vague-offset", "an unstated time")


def _from_publication(match: re.Match[str], context: Context, unit: str, count: int) -> Found:
    reference = context.reference or ""
    if unit == "year" and re.fullmatch(r"\d{4}-Q\d", reference):
        value = moved(reference, "year", count) or ""  # a comparison with the quarter reported
    else:
        value = at(shift(context.published, unit, count), unit)
    date_value = value if unit in ("day", "week", "month", "year") else None
    meaning = f"{abs(count)} {unit}(s) {'before' if count < 0 else 'after'} publication: {value}"
    return Found(
        match.span(), "DATE", value, _precision(unit), "ago", meaning, date_value=date_value
    )


def _precision(unit: str) -> Precision:
    return _PRECISIONS.get(unit, "unknown")


def _from_reference(match: re.Match[str], context: Context, unit: str, count: int) -> Found:
    """ "a year earlier", "three days later": from the anchor event or the last date named."""
    span = match.span()
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        return offset(
            span,
            context,
            days,
            f"{days_in_words(abs(days))} {'after' if days > 0 else 'before'} the event it refers to",
        )
    reference = context.reference or context.published.isoformat()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", reference):
        reference = coarsened(reference, unit) or reference
    value = moved(reference, unit, count) or at(shift(context.published, unit, count), unit)
    meaning = f"{abs(count)} {unit}(s) {'before' if count < 0 else 'after'} {reference}: {value}"
    return Found(span, "DATE", value, _precision(unit), "offset-from-reference", meaning)


FOLLOWING = re.compile(
    r"\b(?:(?:the\s+(?P<rel>following|next|previous|preceding))|(?P<that>that))\s+(?P<unit>week|month|year)\b",
    _I,
)


def following(match: re.Match[str], context: Context) -> list[Found]:
    """ "the following year", "that month": counted from the last date the text named."""
    reference = context.reference
    unit = match.group("unit").lower()
    if reference is None or (match.group("rel") or "").lower() == "next":
        return []  # "the next year" of a sentence read alone is "next year" (or a length)
    relation = (match.group("rel") or "that").lower()
    step = {"that": 0, "previous": -1, "preceding": -1}.get(relation, 1)
    base = coarsened(reference, unit)
    value = moved(base, unit, step) if base else None
    if value is None:
        return []
    return [
        Found(
            match.span(),
            "DATE",
            value,
            _precision(unit),
            "offset-from-reference",
            f"{value}, from {reference}",
        )
    ]
