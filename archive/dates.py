"""Date phrases in news text, and what they mean against the publication date.

News dates events relative to the day an article appeared (ARCHIVE_NOTES §2, the
TimeML/HeidelTime "news" conventions), so every resolution here takes the
publication date, keeps the precision the words allow (day, ISO week, month,
year, or unknown) and says which rule it used and why, in a sentence a reader can
check.

Explicit dates (:func:`find_explicit_dates`)
    ``2021-08-25``; day-first numbers ``25.08.2021``, ``25/08/2021``, ``25-08-2021``
    (never month-first); ``Aug. 25, 2021``, ``August 16, 2021``, ``Sept. 3``;
    ``25 August 2021``, ``25th of August``; an optional weekday before any of the
    named forms (``Wednesday, August 25, 2021``); a month and year (``August 2021``,
    month precision). Month names are matched capitalised ("may" is a verb). A
    number pair without a year (``25.08``) or an impossible date (Feb 30) is not
    a date: nothing is invented.
Relative expressions (:func:`resolve_dates`)
    A bare weekday is the latest such day on or before publication (the
    publication day itself counts); with future wording ("will meet on Tuesday",
    "is set to", "is scheduled") it is the earliest on or after it; "last
    Tuesday" is strictly before, "next Tuesday" strictly after. "yesterday",
    "today", "tomorrow"; "last/this/next week" (ISO week), "month", "year".
    "mid-September", "early September", "the end of September", "in September":
    month precision. A date or month without a year takes the publication year,
    except that past wording about a later month means the year before, and
    future wording about an earlier month the year after (HeidelTime's rule: an
    article of 3 January that says "was signed on December 30" means last year).
Anchored expressions
    "earlier in the day", "the same day" (offset 0), "a day after", "two weeks
    before" (the event told after these words, against the sentence's other
    event), "a week later", "the next day" (this event against an earlier one)
    need the date of another event: the *anchor*. :attr:`ResolvedDate.offset_days`
    says what to add to the anchor's date; without an anchor the value is unknown.
Tense
    Future wording is decided by the verb group nearest to the expression in the
    same clause: "will", "shall", "is set/scheduled/due/expected to", "plans to"
    are future; "was", "had", common irregular past forms and ``-ed`` forms are
    past. "Xi and Putin spoke on Wednesday and will meet on Friday" has one of each.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

Precision = Literal["day", "week", "month", "year", "unknown"]
Tense = Literal["past", "future", "none"]

_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9,
    "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
    "Sunday": 6, "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3,
    "Fri": 4, "Sat": 5, "Sun": 6,
}  # fmt: skip
_FULL_MONTHS = tuple(_MONTHS)[:12]  # names, not the locale's: the text is English
_FULL_WEEKDAYS = tuple(_WEEKDAYS)[:7]
_T = TypeVar("_T", "ExplicitDate", "ResolvedDate")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _names(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, longest first so "Sept" wins over "Sep"."""
    return "|".join(sorted(names, key=len, reverse=True))


_MONTH = rf"(?P<month>{_names(_MONTHS)})\b\.?"
_WEEKDAY_PREFIX = rf"(?:(?P<weekday>{_names(_WEEKDAYS)})\b\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)\b"
_EXPLICIT = (
    re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])"),
    re.compile(
        r"(?<![\w./-])(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<year>\d{4})(?!\w|[./-]\d)"
    ),
    re.compile(rf"\b{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?"),
    re.compile(rf"\b{_WEEKDAY_PREFIX}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}"),
)


@dataclass(frozen=True)
class ExplicitDate:
    """A calendar date written out in the text, as far as the words give it.

    ``value`` is None when the year is missing (and no ``default_year`` given) or
    when only a month is given (``precision`` "month").
    """

    start: int
    end: int
    text: str
    value: datetime.date | None
    year_given: bool
    precision: Literal["day", "month"]
    year: int | None
    month: int
    day: int | None
    weekday: int | None


def find_explicit_dates(text: str, default_year: int | None = None) -> list[ExplicitDate]:
    """Every explicit date in ``text``, in text order, without overlaps.

    A date without a year takes ``default_year`` (``year_given`` False); without
    one, its ``value`` is None but a day that exists in no year is still skipped.
    """
    found = [
        date
        for pattern in _EXPLICIT
        for match in pattern.finditer(text)
        if (date := _explicit(match, default_year)) is not None
    ]
    return _disjoint(found)


def _explicit(match: re.Match[str], default_year: int | None) -> ExplicitDate | None:
    """The date a pattern match names, or None if that day does not exist."""
    groups = match.groupdict()
    month = int(groups["month"]) if groups["month"].isdigit() else _MONTHS[groups["month"]]
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    weekday = _WEEKDAYS[groups["weekday"]] if groups.get("weekday") else None
    known_year = year if year is not None else default_year
    if not _exists(known_year if known_year is not None else 2000, month, day or 1):
        return None  # 2000 is a leap year: "February 29" without a year may exist
    value = datetime.date(known_year, month, day) if day and known_year is not None else None
    return ExplicitDate(
        start=match.start(),
        end=match.end(),
        text=match.group(),
        value=value,
        year_given=year is not None,
        precision="day" if day else "month",
        year=known_year,
        month=month,
        day=day,
        weekday=weekday,
    )


def _exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _disjoint(items: list[_T]) -> list[_T]:
    """The leftmost, then longest, of overlapping spans."""
    chosen: list[_T] = []
    for item in sorted(items, key=lambda i: (i.start, -i.end)):
        if not chosen or item.start >= chosen[-1].end:
            chosen.append(item)
    return chosen


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression of a sentence and the date it means, with its provenance.

    ``value`` is EDTF ("2021-08-24", "2021-07", "2021") or an ISO week
    ("2021-W33"), "" when unknown, ending in "?" when the words contradict each
    other. ``offset_days`` is set for expressions that date an event against
    another one (the anchor): the event's date is the anchor's plus these days.
    """

    start: int
    end: int
    text: str
    value: str
    precision: Precision
    rule: str
    explanation: str
    published: datetime.date
    offset_days: int | None = None


@dataclass(frozen=True)
class _Context:
    """The sentence being read and the dates it is resolved against."""

    sentence: str
    published: datetime.date
    anchor: datetime.date | None

    def tense(self, start: int, end: int) -> Tense:
        return tense_at(self.sentence, start, end)

    def resolved(
        self,
        span: tuple[int, int],
        value: str,
        precision: Precision,
        rule: str,
        meaning: str,
        offset_days: int | None = None,
    ) -> ResolvedDate:
        """The resolution of ``sentence[span]``, explained against the publication date."""
        text = self.sentence[span[0] : span[1]]
        return ResolvedDate(
            start=span[0],
            end=span[1],
            text=text,
            value=value,
            precision=precision,
            rule=rule,
            explanation=f"'{text}', in an article published {long_date(self.published)}: {meaning}",
            published=self.published,
            offset_days=offset_days,
        )

    def day(
        self, span: tuple[int, int], value: datetime.date, rule: str, why: str = ""
    ) -> ResolvedDate:
        return self.resolved(span, value.isoformat(), "day", rule, f"{why}{long_date(value)}")


def resolve_dates(
    sentence: str, published: datetime.date, anchor: datetime.date | None = None
) -> list[ResolvedDate]:
    """Every date expression in ``sentence``, resolved against ``published``, in text order.

    ``anchor`` is the date of the event that anchored expressions ("earlier in the
    day", "a day after") refer to; without it they resolve to an unknown value.
    Explicit dates win over relative expressions that overlap them.
    """
    context = _Context(sentence, published, anchor)
    explicit = [_resolve_explicit(date, context) for date in find_explicit_dates(sentence)]
    relative = [
        resolve(match, context)
        for pattern, resolve in _RELATIVE
        for match in pattern.finditer(sentence)
    ]
    free = [r for r in relative if not any(r.start < e.end and e.start < r.end for e in explicit)]
    return sorted(explicit + _disjoint(free), key=lambda r: r.start)


def _resolve_explicit(date: ExplicitDate, context: _Context) -> ResolvedDate:
    span = (date.start, date.end)
    if date.precision == "month":
        first = datetime.date(date.year or context.published.year, date.month, 1)
        return context.resolved(
            span, f"{first:%Y-%m}", "month", "explicit-month", month_year(first)
        )
    day = date.day or 1
    if date.year_given and date.value is not None:
        return _checked_weekday(date, date.value, context, "explicit-date", "")
    year, suffix, why = _year_for(date.month, context.published, context.tense(*span))
    if not _exists(year, date.month, day):
        return context.resolved(
            span, "", "unknown", "explicit-date-impossible", f"no such day in {year}"
        )
    value = datetime.date(year, date.month, day)
    return _checked_weekday(date, value, context, f"explicit-date-{suffix}", why)


def _checked_weekday(
    date: ExplicitDate, value: datetime.date, context: _Context, rule: str, why: str
) -> ResolvedDate:
    """The date as given, marked uncertain ("?") when the weekday written with it disagrees."""
    span = (date.start, date.end)
    if date.weekday is None or date.weekday == value.weekday():
        return context.day(span, value, rule, why)
    named = _FULL_WEEKDAYS[date.weekday]
    meaning = f"{why}{long_date(value)}, but the text names a {named}: uncertain"
    return context.resolved(span, f"{value.isoformat()}?", "day", rule, meaning)


def _year_for(month: int, published: datetime.date, tense: Tense) -> tuple[int, str, str]:
    """The year of a month named without one, its rule suffix and the reason in words."""
    if tense == "past" and month > published.month:
        return (
            published.year - 1,
            "previous-year",
            "past wording about a later month: the year before, ",
        )
    if tense == "future" and month < published.month:
        return (
            published.year + 1,
            "next-year",
            "future wording about an earlier month: the year after, ",
        )
    return published.year, "year-from-publication", "the year of publication, "


# ---- tense -------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|upcoming"
    r"|(?:is|are|am)\s+(?:set|scheduled|due|expected|slated|going|planning|to)\b(?:\s+to)?"
    r"|plans?\s+to|to\s+be\s+held)\b|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|spoke|met|held|took|fell|made|gave|came|went|began|"
    r"sent|led|left|won|saw|became|brought|thought|knew|found|got|ran|wrote|sought|struck|"
    r"stood|overthrew|rose|drew|broke|chose|flew|paid|kept|lost|felt|[a-z]{2,}ed)\b"
)
_NOT_PAST = frozenset(
    {"need", "indeed", "hundred", "speed", "seed", "breed", "feed", "shed", "proceed", "exceed",
     "succeed", "embed"}
)  # fmt: skip
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
)
_CLAUSE_BREAK = ";"


def tense_at(sentence: str, start: int, end: int) -> Tense:
    """The tense of the verb group nearest to ``sentence[start:end]`` in its clause.

    Future markers win ties; an ``-ed`` word after a determiner ("the armed
    forces") is not a verb.
    """
    left = sentence.rfind(_CLAUSE_BREAK, 0, start) + 1
    right = sentence.find(_CLAUSE_BREAK, end)
    clause_end = len(sentence) if right < 0 else right
    markers: list[tuple[int, int, Tense]] = [
        (m.start(), m.end(), "future") for m in _FUTURE.finditer(sentence, left, clause_end)
    ]
    markers += [
        (m.start(), m.end(), "past")
        for m in _PAST.finditer(sentence, left, clause_end)
        if _is_past_verb(sentence, m) and not any(s <= m.start() < e for s, e, _ in markers)
    ]
    if not markers:
        return "none"
    nearest = min(markers, key=lambda m: (max(m[0] - end, start - m[1], 0), m[2] != "future"))
    return nearest[2]


def _is_past_verb(sentence: str, match: re.Match[str]) -> bool:
    word = match.group()
    before = sentence[: match.start()].split()
    return word not in _NOT_PAST and not (before and before[-1].lower() in _DETERMINERS)


# ---- relative expressions -------------------------------------------------------

_NUMBER = rf"(?P<n>\d+|{_names(_NUMBERS)})"


def _count(match: re.Match[str]) -> int:
    """The number of days an offset phrase names ("two weeks" is 14; "the day" is 1)."""
    word = (match.group("n") or "1").lower()
    number = int(word) if word.isdigit() else _NUMBERS[word]
    return number * (7 if (match.group("unit") or "").lower() == "week" else 1)


def _days(count: int) -> str:
    return "one day" if count == 1 else f"{count} days"


def _same_day(match: re.Match[str], context: _Context) -> ResolvedDate:
    if context.anchor is None:
        meaning = "the date of the event it refers to, which is not known"
        return context.resolved(match.span(), "", "unknown", "same-day-as-anchor", meaning, 0)
    value = context.anchor.isoformat()
    meaning = f"the same day as the event it refers to, {long_date(context.anchor)}"
    return context.resolved(match.span(), value, "day", "same-day-as-anchor", meaning, 0)


def _offset(match: re.Match[str], context: _Context, days: int, relation: str) -> ResolvedDate:
    """An event dated ``days`` from its anchor; ``relation`` says which event, in words."""
    if context.anchor is None:
        meaning = f"{relation}, whose date is not known"
        return context.resolved(match.span(), "", "unknown", "offset-from-anchor", meaning, days)
    value = context.anchor + datetime.timedelta(days=days)
    meaning = f"{relation}, {long_date(context.anchor)}: {long_date(value)}"
    return context.resolved(
        match.span(), value.isoformat(), "day", "offset-from-anchor", meaning, days
    )


def _subordinate_offset(match: re.Match[str], context: _Context) -> ResolvedDate:
    """ "X, a day after Y": the event Y, told after the words, is dated against X."""
    days = _count(match)
    after = match.group("dir").lower() == "after"
    relation = (
        f"the event told after these words came {_days(days)} "
        f"{'before' if after else 'after'} the sentence's other event"
    )
    return _offset(match, context, -days if after else days, relation)


def _adverbial_offset(match: re.Match[str], context: _Context) -> ResolvedDate:
    """ "A week later, Y" / "the next day, Y": Y is dated against the event told before it."""
    if match.group("rel"):
        days = -1 if match.group("rel").lower() == "previous" else 1
    else:
        days = _count(match) * (1 if match.group("dir").lower() == "later" else -1)
    relation = f"{_days(abs(days))} {'after' if days > 0 else 'before'} the event it refers to"
    return _offset(match, context, days, relation)


def _deictic_day(match: re.Match[str], context: _Context) -> ResolvedDate:
    """ "yesterday", "today" ("tonight", "this morning"), "tomorrow"."""
    word = match.group().lower()
    rule = word if word in ("yesterday", "tomorrow") else "today"
    shift = {"yesterday": -1, "tomorrow": 1}.get(rule, 0)
    return context.day(match.span(), context.published + datetime.timedelta(days=shift), rule)


def _calendar_unit(match: re.Match[str], context: _Context) -> ResolvedDate:
    """last/this/next week (ISO week), month or year, kept at that precision."""
    modifier = (match.group("mod") or "this").lower()
    shift = {"last": -1, "next": 1}.get(modifier, 0)
    unit = match.group("unit").lower()
    rule = f"{modifier}-{unit}"
    published = context.published
    if unit == "week":
        year, week, _ = (published + datetime.timedelta(weeks=shift)).isocalendar()
        monday = datetime.date.fromisocalendar(year, week, 1)
        meaning = f"the week of Monday {monday.day} {month_year(monday)}"
        return context.resolved(match.span(), f"{year}-W{week:02d}", "week", rule, meaning)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        first = datetime.date(index // 12, index % 12 + 1, 1)
        return context.resolved(match.span(), f"{first:%Y-%m}", "month", rule, month_year(first))
    year_value = str(published.year + shift)
    return context.resolved(match.span(), year_value, "year", rule, f"the year {year_value}")


def _month_name(match: re.Match[str], context: _Context) -> ResolvedDate:
    """ "mid-September", "in September": the month, in the year :func:`_year_for` gives."""
    month = _MONTHS[match.group("month")]
    year, suffix, why = _year_for(month, context.published, context.tense(*match.span()))
    first = datetime.date(year, month, 1)
    rule = "part-of-month" if match.group("part") else "month-name"
    if suffix != "year-from-publication":
        rule = f"{rule}-{suffix}"
    meaning = f"{why}{month_year(first)} (month precision)"
    return context.resolved(match.span(), f"{first:%Y-%m}", "month", rule, meaning)


def _weekday(match: re.Match[str], context: _Context) -> ResolvedDate:
    """A weekday: on or before publication unless the words look ahead."""
    weekday = _WEEKDAYS[match.group("weekday")]
    published = context.published
    modifier = " ".join((match.group("mod") or "").lower().split())
    if modifier == "last":
        back = (published.weekday() - weekday - 1) % 7 + 1
        value = published - datetime.timedelta(days=back)
        why = "the latest such day before the publication day, "
        return context.day(match.span(), value, "last-weekday", why)
    if modifier == "next":
        ahead = (weekday - published.weekday() - 1) % 7 + 1
        value = published + datetime.timedelta(days=ahead)
        why = "the first such day after the publication day, "
        return context.day(match.span(), value, "next-weekday", why)
    if modifier.endswith("coming") or context.tense(*match.span()) == "future":
        ahead = (weekday - published.weekday()) % 7
        value = published + datetime.timedelta(days=ahead)
        why = "future wording: the first such day on or after publication, "
        return context.day(match.span(), value, "future-weekday", why)
    back = (published.weekday() - weekday) % 7
    value = published - datetime.timedelta(days=back)
    why = (
        "the publication day itself, " if back == 0 else "the latest such day before publication, "
    )
    return context.day(match.span(), value, "weekday-before-publication", why)


_I = re.IGNORECASE
_RELATIVE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], _Context], ResolvedDate]], ...] = (
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+(?:in\s+the|that|on\s+the\s+same)\s+day"
            r"|(?:on\s+)?(?:the|that)\s+same\s+day)\b",
            _I,
        ),
        _same_day,
    ),
    (
        re.compile(
            rf"\b(?:{_NUMBER}\s+(?P<unit>day|week)s?|the\s+day)\s+(?P<dir>after|before)\b", _I
        ),
        _subordinate_offset,
    ),
    (
        re.compile(
            rf"\b(?:{_NUMBER}\s+(?P<unit>day|week)s?\s+(?P<dir>later|earlier)"
            r"|the\s+(?P<rel>next|following|previous)\s+day)\b",
            _I,
        ),
        _adverbial_offset,
    ),
    (
        re.compile(
            r"\b(?:yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening))\b", _I
        ),
        _deictic_day,
    ),
    (
        re.compile(
            r"\b(?:(?P<mod>last|next|this)|(?:earlier|later)\s+this)\s+(?P<unit>week|month|year)\b",
            _I,
        ),
        _calendar_unit,
    ),
    (
        re.compile(
            r"(?i:\b(?:in\s+)?(?:(?P<part>(?:early|mid|late)[-\s]+"
            r"|(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+)|in\s+))"
            rf"(?P<month>{_names(_FULL_MONTHS)})\b(?!\s+\d)"
        ),
        _month_name,
    ),
    (
        re.compile(
            r"(?i:\b(?:on\s+)?(?:(?P<mod>last|next|this\s+coming|coming|this)\s+)?)"
            rf"(?P<weekday>{_names(_FULL_WEEKDAYS)})\b"
        ),
        _weekday,
    ),
)


def long_date(value: datetime.date) -> str:
    """ "Wednesday 25 August 2021": how explanations name a day."""
    return f"{_FULL_WEEKDAYS[value.weekday()]} {value.day} {month_year(value)}"


def month_year(value: datetime.date) -> str:
    """ "August 2021": how explanations name a month."""
    return f"{_FULL_MONTHS[value.month - 1]} {value.year}"
