"""Offsets that date one event against another: "a day after", "two weeks before",
"a week later", "the next day", "earlier in the day", "the same day".

They need the other event's date, the *anchor*; :attr:`TimeExpression.offset_days`
says what to add to it. Without an anchor the event's date is unknown, while the
TimeML value counts from the last day the text named (or the publication day),
as annotators of news read such offsets.
"""

from __future__ import annotations

import datetime
import re

from archive.dates.context import Context, Found, TimexType
from archive.dates.values import duration, long_date, moved

_I = re.IGNORECASE


def days_in_words(count: int) -> str:
    return "one day" if count == 1 else f"{count} days"


def offset(
    span: tuple[int, int],
    context: Context,
    days: int,
    relation: str,
    timex: tuple[int, int] | None = None,
    kind: TimexType = "DATE",
    rule: str = "offset-from-anchor",
) -> Found:
    """An event dated ``days`` from its anchor; ``relation`` says which event, in words.

    ``span`` is the phrase an editor sees, ``timex`` the TimeML words when they
    are fewer ("two days" of "two days after").
    """
    words = timex or span
    length = duration(abs(days), "day")
    if context.anchor is None:
        fallback = context.reference or ""
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", fallback):
            fallback = context.published.isoformat()
        value = (moved(fallback, "day", days) or "") if kind == "DATE" else length
        meaning = f"{relation}, whose date is not known"
        return Found(
            words, kind, value, "unknown", rule, meaning, span, offset_days=days, date_value=""
        )
    day = context.anchor + datetime.timedelta(days=days)
    meaning = f"{relation}, {long_date(context.anchor)}"
    if days:  # "the same day as …" names one day, not the same one twice
        meaning += f": {long_date(day)}"
    value = day.isoformat() if kind == "DATE" else length
    return Found(
        words, kind, value, "day", rule, meaning, span, offset_days=days, date_value=day.isoformat()
    )


def subordinate(match: re.Match[str], context: Context, count: int, unit: str, sign: int) -> Found:
    """ "X, a day after Y": the event Y, told after the words, is dated against X."""
    timex = (match.start("n"), match.end("unit"))
    if unit not in ("day", "week"):
        value = duration(count, unit)
        return Found(
            timex,
            "DURATION",
            value,
            "duration",
            "duration",
            f"{count} {unit}(s)",
            phrase=match.span(),
        )
    days = count * (7 if unit == "week" else 1)
    relation = f"the event told after these words came {days_in_words(days)} {'before' if sign > 0 else 'after'} the sentence's other event"
    return offset(match.span(), context, -sign * days, relation, timex, "DURATION")


ADVERBIAL = re.compile(
    r"\b(?:the\s+(?P<rel>next|following|previous|preceding)\s+day|the\s+day\s+(?P<dir>after|before))\b",
    _I,
)


def adverbial(match: re.Match[str], context: Context) -> list[Found]:
    """ "the next day, Y" (after the event told before); "the day after Y" (before the one told after)."""
    if match.group("rel"):
        days = -1 if match.group("rel").lower() in ("previous", "preceding") else 1
        relation = f"one day {'after' if days > 0 else 'before'} the event it refers to"
    else:
        days = -1 if match.group("dir").lower() == "after" else 1
        relation = f"the event told after these words came one day {'before' if days < 0 else 'after'} the sentence's other event"
    return [offset(match.span(), context, days, relation)]


SAME_DAY = re.compile(
    r"\b(?:(?:earlier|later)\s+(?:in\s+the|that|on\s+the\s+same)\s+day|(?:on\s+)?(?:the|that)\s+same\s+day)\b",
    _I,
)


def same_day(match: re.Match[str], context: Context) -> list[Found]:
    """ "earlier in the day", "the same day": the anchor's day (offset 0)."""
    span = match.span()
    timex = (span[0] + 3, span[1]) if match.group().lower().startswith("on ") else span
    relation = "the same day as the event it refers to"
    return [offset(span, context, 0, relation, timex, rule="same-day-as-anchor")]
