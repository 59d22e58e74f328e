"""Calendar periods named in the text: explicit dates, years, decades, centuries,
months, seasons and quarters, with or without the year.

A name without a year (``Sept. 3``, ``in October``, ``the third quarter``) is
the occurrence :func:`archive.dates.anchoring.pick` chooses; ``last June`` is
the latest June before the publication month, ``this`` the one of the year of
publication, ``next`` the first after. ``June last year`` is one expression.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from functools import partial

from archive.dates.anchoring import (
    QUARTER_GRACE,
    YEAR_GRACE,
    Reading,
    around_years,
    day_reading,
    month_reading,
    pick,
    quarter_reading,
    season_reading,
    year_suffix,
)
from archive.dates.context import Context, Found, Precision
from archive.dates.explicit import MONTH, ExplicitDate, find_explicit_dates
from archive.dates.lexicon import FULL_MONTHS, FULL_WEEKDAYS, MONTHS, ORDINALS, SEASONS, YEAR, names
from archive.dates.values import long_date, month_year


def explicit(context: Context) -> list[Found]:
    """The explicit dates of the sentence (:mod:`archive.dates.explicit`), year-less ones
    placed; the first day of a range ("April 24-25") is left to :func:`day_ranges`."""
    sentence = context.sentence
    dates = find_explicit_dates(sentence)
    return [_explicit(d, context) for d in dates if not _RANGE.match(sentence, d.end)]


def _explicit(date: ExplicitDate, context: Context) -> Found:
    span = (date.start, date.end)
    if date.precision == "month":
        reading = month_reading(date.year or context.published.year, date.month)
        return calendar_found(
            span, reading.value, "month", "explicit-month", month_year(reading.first)
        )
    if date.year_given and date.value is not None:
        return _checked_weekday(date, date.value, "explicit-date", "")
    readings = around_years(context.published, partial(day_reading, date.month, date.day or 1))
    if not readings:
        meaning = "no such day in the years around publication"
        return Found(
            span, "DATE", "", "unknown", "explicit-date-impossible", meaning, date_value=""
        )
    chosen = pick(readings, context.published, context.tense(span), YEAR_GRACE)
    suffix, why = year_suffix(chosen.first.year, context.published)
    return _checked_weekday(date, chosen.first, f"explicit-date-{suffix}", why)


# "April 24-25"; not "Aug. 3 and 5 people" (a count) nor "5-6%".
_RANGE_TAIL = (
    r"\s*(?:-|–|and|to|through|or)\s*(?P<last>\d{1,2})\b(?!\s*(?:%|percent)|[.,:]\d"
    r"|\s+(?!(?:in|at|on|of|to|for|and|or|with|when|while|the|a|an|as|but)\b)[a-z])"
)
_RANGE = re.compile(_RANGE_TAIL)
DAY_RANGES = re.compile(rf"\b{MONTH}\s+(?P<first>\d{{1,2}}){_RANGE_TAIL}(?:,?\s+(?P<year>{YEAR}))?")


def day_ranges(match: re.Match[str], context: Context) -> list[Found]:
    """Both days of "April 24-25", "Aug. 3 and 5, 1998" (the year, if any, ends the second)."""
    month = MONTHS[match.group("month")]
    spans = [(match.start(), match.end("first")), (match.start("last"), match.end())]
    days = [int(match.group("first")), int(match.group("last"))]
    found = []
    for span, day in zip(spans, days, strict=True):
        if match.group("year"):
            reading = day_reading(month, day, int(match.group("year")))
        else:
            readings = around_years(context.published, partial(day_reading, month, day))
            tense = context.tense(span)
            reading = pick(readings, context.published, tense, YEAR_GRACE) if readings else None
        if reading is None:
            return []
        found.append(
            calendar_found(span, reading.value, "day", "day-range", long_date(reading.first))
        )
    return found


def calendar_found(
    span: tuple[int, int], value: str, precision: Precision, rule: str, meaning: str, mod: str = ""
) -> Found:
    """A DATE that can date an event (day, week, month or year)."""
    return Found(span, "DATE", value, precision, rule, meaning, mod=mod, date_value=value)


def _checked_weekday(date: ExplicitDate, value: datetime.date, rule: str, why: str) -> Found:
    """The date as given, marked uncertain ("?") for events when the weekday disagrees."""
    span = (date.start, date.end)
    if date.weekday is None or date.weekday == value.weekday():
        return calendar_found(span, value.isoformat(), "day", rule, f"{why}{long_date(value)}")
    meaning = (
        f"{why}{long_date(value)}, but the text names a {FULL_WEEKDAYS[date.weekday]}: uncertain"
    )
    return Found(
        span, "DATE", value.isoformat(), "day", rule, meaning, date_value=f"{value.isoformat()}?"
    )


def _months(context: Context, month: int) -> list[Reading]:
    return around_years(context.published, lambda y: month_reading(y, month))


# ---- months ----------------------------------------------------------------------

_PARTS = {"early": "START", "mid": "MID", "late": "END", "beginning": "START", "start": "START"}
_PARTS |= {"middle": "MID", "end": "END"}
MONTH_NAMES = re.compile(
    r"(?i:\b(?P<in>in\s+)?(?P<part>(?:early|mid|late)(?:-|\s+)|(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+)?"
    r"(?:(?P<mod>last|this|next|past|coming)\s+)?)"
    rf"(?P<month>{names(FULL_MONTHS)}|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)(?!\w)(?!\s+\d)"
    r"(?i:(?:\s+(?P<rel>last|this|next)\s+year\b)?)"
)


def month_names(match: re.Match[str], context: Context) -> list[Found]:
    """ "in September", "last June", "mid-September", "January this year"."""
    month = MONTHS[match.group("month").rstrip(".")]
    if _event_named_march(match, context.sentence):
        return []
    if match.group("month") == "May" and _MODAL_MAY.match(context.sentence, match.end()):
        return []  # the modal "May we ..." opening a sentence
    modifier = (match.group("mod") or "").lower()
    relative = (match.group("rel") or "").lower()
    published = context.published
    if relative:
        year = published.year + {"last": -1, "next": 1}.get(relative, 0)
        reading = month_reading(year, month)
    elif modifier in ("last", "past"):
        reading = month_reading(published.year - (month >= published.month), month)
    elif modifier in ("next", "coming"):
        reading = month_reading(published.year + (month <= published.month), month)
    elif modifier == "this":
        reading = month_reading(published.year, month)
    else:
        reading = pick(_months(context, month), published, context.tense(match.span()), YEAR_GRACE)
    part = (match.group("part") or "").strip(" -").lower().removeprefix("the ").split(" ")[0]
    rule = "part-of-month" if part else "month-name"
    suffix, why = year_suffix(reading.first.year, published)
    if suffix != "year-from-publication" and not (modifier or relative):
        rule = f"{rule}-{suffix}"
    start = (
        match.start("part") if part else match.start("mod") if modifier else match.start("month")
    )
    meaning = (
        f"{why if not (modifier or relative) else ''}{month_year(reading.first)} (month precision)"
    )
    found = calendar_found(
        (start, match.end()), reading.value, "month", rule, meaning, mod=_PARTS.get(part, "")
    )
    return [replace(found, phrase=match.span())]


_MODAL_MAY = re.compile(r"\s+(?:be|have|not|also|well|still|I|we|you|he|she|it|they)\b")


def _event_named_march(match: re.Match[str], sentence: str) -> bool:
    """ "the March of the Mothers", "the annual March for Life": a march, not the month."""
    if match.group("month") != "March" or match.group("mod") or match.group("part"):
        return False
    before = re.search(r"\b(?:the|a|annual|national)\s+$", sentence[: match.start()], re.I)
    return bool(before) and re.match(r"\s+(?:of|for|on|to)\b", sentence[match.end() :]) is not None


# ---- seasons and quarters --------------------------------------------------------

SEASON_NAMES = re.compile(
    r"(?i)\b(?:(?P<mod>last|this|next|past|coming|the)\s+|(?P<in>in\s+)(?=(?:spring|summer|autumn|winter)))?"
    rf"(?P<season>{names(SEASONS)})\b(?:\s+(?:of\s+)?(?P<year>{YEAR}))?(?!\s+(?:of|session|term|festival|games|olympics|collection|school|camp|vacation|holiday)s?\b)"
)


def seasons(match: re.Match[str], context: Context) -> list[Found]:
    """ "last summer", "the winter of 1994", "this fall": ``1998-SU`` (season precision)."""
    code = SEASONS[match.group("season").lower()]
    modifier = (match.group("mod") or "").lower()
    if not modifier and not match.group("year") and not match.group("in"):
        return []  # a bare "fall" is the verb far more often than the season
    published = context.published
    if match.group("year"):
        reading = season_reading(int(match.group("year")), code)
    else:
        readings = around_years(published, lambda y: season_reading(y, code))
        if modifier in ("last", "past"):
            reading = max((r for r in readings if r.last < published), key=lambda r: r.first)
        elif modifier in ("next", "coming"):
            reading = min((r for r in readings if r.first > published), key=lambda r: r.first)
        elif modifier == "this":
            reading = season_reading(published.year, code)
        else:
            reading = pick(readings, published, context.tense(match.span()), QUARTER_GRACE)
    start = match.start("season") if match.group("in") else match.start()
    meaning = f"{match.group('season').lower()} {reading.first.year}"
    return [Found((start, match.end()), "DATE", reading.value, "season", "season", meaning)]


_QUARTER_ORDINAL = rf"(?P<ord>{names(ORDINALS)})"
QUARTERS = re.compile(
    r"(?i)\b(?:(?P<det>the|its|this|that|last|next|their|(?P<owner>this|last|next)\s+year's"
    rf"|(?:the\s+)?(?P<year0>{YEAR})(?:'s)?)\s+)?"
    r"(?P<adj>(?:(?:fiscal|latest|current|previous|recent|most\s+recent|comparable|same|"
    r"year-earlier|year-ago|flat|strong|weak|disappointing|final)\s+)*)"
    rf"(?:{_QUARTER_ORDINAL}[-\s](?:fiscal\s+)?)?(?P<unit>quarter|half)(?!\w)"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?"
)


def quarters(match: re.Match[str], context: Context) -> list[Found]:
    """ "the third quarter", "third-quarter", "the fourth quarter of 1989": ``1989-Q4``."""
    ordinal, adjectives = match.group("ord"), (match.group("adj") or "").lower()
    determiner = (match.group("det") or "").lower()
    after = context.sentence[match.end() :]
    if not ordinal and (not determiner or re.match(r"\s+of\s+(?!fiscal|\d)", after)):
        return []  # "a quarter of the shares" is a fraction
    if ordinal and re.match(r"\s+of\s+(?:the|a|an|its|their)\b", after):
        return []
    rule = "quarter"
    half = match.group("unit").lower() == "half"
    if half and not ordinal:
        return []
    letter, count = ("H", 2) if half else ("Q", 4)
    published = context.published
    year = match.group("year") or match.group("year0")
    owner = (match.group("owner") or "").lower()
    current = (published.month - 1) // (12 // count) + 1
    if year or owner:
        base = int(year) if year else published.year + {"last": -1, "next": 1}.get(owner, 0)
        number = ORDINALS[ordinal.lower()] if ordinal else current
        value = f"{base}-{letter}{number}"
    elif "year-earlier" in adjectives or "year-ago" in adjectives:
        value, rule = _year_before(context, current), "quarter-year-before"
    elif ordinal:
        number = ORDINALS[ordinal.lower()]
        if half:
            value = f"{published.year - (number > current)}-H{number}"
        else:
            readings = around_years(published, lambda y: quarter_reading(y, number))
            value = pick(readings, published, context.tense(match.span()), QUARTER_GRACE).value
    else:
        shift = {"last": -1, "next": 1, "this": 0}.get(determiner, -1)
        if "current" in adjectives:
            shift = 0
        index = published.year * 4 + current - 1 + shift
        value = f"{index // 4}-Q{index % 4 + 1}"
    return [Found(match.span(), "DATE", value, "quarter", rule, f"the quarter {value}")]


def _year_before(context: Context, current: int) -> str:
    """The quarter a year before the last one the text named (or before the last full quarter)."""
    reference = context.reference or ""
    if re.fullmatch(r"\d{4}-Q\d", reference):
        return f"{int(reference[:4]) - 1}{reference[4:]}"
    index = context.published.year * 4 + current - 2 - 4
    return f"{index // 4}-Q{index % 4 + 1}"
