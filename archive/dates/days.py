"""Weekdays, parts of the day and clock times.

A bare weekday is the occurrence nearest publication, unless the governing verb
is clearly past (the latest on or before the publication day) or future (the
earliest on or after it); a possessive ("Thursday's closing price") is past;
"last Tuesday" is strictly before, "next Tuesday" strictly after. "Wednesday
night" is a DATE of that day, as the TimeML corpora mostly tag it; "this
morning", "last night", "10:30 a.m." are TIMEs (``1998-08-07TMO``,
``1998-08-07T10:30``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from archive.dates.anchoring import pick, weekday_readings
from archive.dates.context import Context, Found, TimexType
from archive.dates.lexicon import FULL_WEEKDAYS, PARTS_OF_DAY, WEEKDAYS, names
from archive.dates.tense import Tense
from archive.dates.values import long_date

_PART = rf"(?P<part>{names(p for p in PARTS_OF_DAY if p not in ('overnight', 'tonight'))})"
WEEKDAY_NAMES = re.compile(
    r"(?i:\b(?P<on>on\s+)?(?:(?P<mod>last|next|this\s+coming|coming|this|early|late)\s+)?)"
    rf"(?P<weekday>{names(FULL_WEEKDAYS)})(?P<plural>s)?\b(?i:\s+{_PART}\b)?"
)


def weekdays(match: re.Match[str], context: Context) -> list[Found]:
    """A weekday, placed as the module says; "Mondays" is a SET."""
    weekday = WEEKDAYS[match.group("weekday")]
    start = match.start("mod") if match.group("mod") else match.start("weekday")
    span, phrase = (start, match.end()), (match.start(), match.end())
    if match.group("plural"):
        value = f"XXXX-WXX-{weekday + 1}"
        return [
            Found(span, "SET", value, "set", "every-weekday", f"every {match.group('weekday')}")
        ]
    modifier = " ".join((match.group("mod") or "").lower().split())
    possessive = context.sentence.startswith("'s", match.end("weekday"))
    day, rule, why = _placed(weekday, modifier, possessive, context, span)
    mod = {"early": "START", "late": "END"}.get(modifier, "")
    return [_at(span, phrase, day, match.group("part"), rule, why, mod, "DATE")]


def _placed(
    weekday: int, modifier: str, possessive: bool, context: Context, span: tuple[int, int]
) -> tuple[datetime.date, str, str]:
    """The day a weekday names, its rule and the reason in words."""
    published = context.published
    if modifier == "last":
        back = (published.weekday() - weekday - 1) % 7 + 1
        why = "the latest such day before the publication day, "
        return published - datetime.timedelta(days=back), "last-weekday", why
    if modifier == "next":
        ahead = (weekday - published.weekday() - 1) % 7 + 1
        why = "the first such day after the publication day, "
        return published + datetime.timedelta(days=ahead), "next-weekday", why
    tense: Tense = "past" if possessive else context.tense(span)
    if modifier.endswith("coming"):
        tense = "future"
    day = pick(weekday_readings(published, weekday), published, tense).first
    if tense == "future":
        return day, "future-weekday", "future wording: the first such day on or after publication, "
    if day == published:
        return day, "weekday-before-publication", "the publication day itself, "
    if day < published:
        return day, "weekday-before-publication", "the latest such day before publication, "
    return day, "weekday-after-publication", "the nearest such day, after publication, "


def _at(
    span: tuple[int, int],
    phrase: tuple[int, int],
    day: datetime.date,
    part: str | None,
    rule: str,
    why: str,
    mod: str = "",
    kind: TimexType = "TIME",
) -> Found:
    """A day, or a part of it when the words name one.

    A part of a named weekday ("Friday night") is a DATE, as the TimeML corpora
    mostly tag it; "this morning", "tonight" are TIMEs.
    """
    iso = day.isoformat()
    if part:
        code = PARTS_OF_DAY[part.lower()]
        meaning = f"{why}the {part.lower()} of {long_date(day)}"
        if kind == "DATE":
            return Found(span, kind, iso, "day", rule, meaning, phrase, mod, date_value=iso)
        return Found(
            span, kind, f"{iso}T{code}", "time", rule, meaning, phrase, mod, date_value=iso
        )
    return Found(
        span, "DATE", iso, "day", rule, f"{why}{long_date(day)}", phrase, mod, date_value=iso
    )


PARTS = re.compile(
    rf"\b(?:(?P<rel>this|last|yesterday|tomorrow|tonight|overnight)(?:\s+{_PART})?|(?P<late>late|early)\s+(?P<deictic>yesterday|today|tomorrow))\b",
    re.IGNORECASE,
)


def parts_of_day(match: re.Match[str], context: Context) -> list[Found]:
    """ "this morning", "last night", "tonight", "yesterday afternoon", "late yesterday"."""
    if match.group("late"):
        step = {"yesterday": -1, "tomorrow": 1}.get(match.group("deictic").lower(), 0)
        day = context.published + datetime.timedelta(days=step)
        mod = "END" if match.group("late").lower() == "late" else "START"
        return [_at(match.span(), match.span(), day, None, match.group("deictic").lower(), "", mod)]
    relation, part = match.group("rel").lower(), match.group("part")
    if relation in ("this", "last", "yesterday", "tomorrow") and not part:
        return []  # "this", "last" alone are no time; the day words are read by another rule
    if relation == "last" and part.lower() != "night":
        return []
    step = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(relation, 0)
    day = context.published + datetime.timedelta(days=step)
    rule = {"yesterday": "yesterday", "tomorrow": "tomorrow"}.get(relation, "today")
    return [_at(match.span(), match.span(), day, part or relation, rule, "")]


CLOCK = re.compile(
    r"\b(?:(?:at|around|about|before|after|by|until)\s+)?(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*"
    r"(?P<half>[ap])\.?m\b\.?(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|local\s+time))?"
    r"|\b(?P<noon>noon|midnight|midday)\b",
    re.IGNORECASE,
)


def clock(match: re.Match[str], context: Context) -> list[Found]:
    """ "10:35 a.m.", "3 p.m. EST", "noon": a TIME on the publication day."""
    day = context.published
    if match.group("noon"):
        hour, minute = (24, 0) if match.group("noon").lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(match.group("hour")) % 12, int(match.group("minute") or 0)
        hour += 12 if match.group("half").lower() == "p" else 0
        if hour > 23 or minute > 59:
            return []
    start = match.start("noon") if match.group("noon") else match.start("hour")
    end, day, which = _day_of_clock(match, context)
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    meaning = f"{hour:02d}:{minute:02d} on {which}, {long_date(day)}"
    found = Found((start, end), "TIME", value, "time", "clock-time", meaning)
    return [replace(found, date_value=day.isoformat())]


_DAY_AFTER_CLOCK = re.compile(
    rf"(?:,?\s+(?:on\s+)?)(?:(?P<weekday>{names(FULL_WEEKDAYS)})|(?i:(?P<deictic>yesterday|today|tomorrow)))\b"
)


def _day_of_clock(match: re.Match[str], context: Context) -> tuple[int, datetime.date, str]:
    """The end of "3 p.m. Tuesday" and its day; without a day word, the day the text
    last named (TimeML's reference time), or else the publication day."""
    following = _DAY_AFTER_CLOCK.match(context.sentence, match.end())
    published = context.published
    if following is None:
        reference = context.reference or ""
        if re.fullmatch(r"\d{4}-\d\d-\d\d", reference):
            return match.end(), datetime.date.fromisoformat(reference), "the day last named"
        return match.end(), published, "the publication day"
    if following.group("deictic"):
        step = {"yesterday": -1, "tomorrow": 1}.get(following.group("deictic").lower(), 0)
        return (
            following.end(),
            published + datetime.timedelta(days=step),
            following.group("deictic"),
        )
    weekday = WEEKDAYS[following.group("weekday")]
    tense = context.tense((match.start(), following.end()))
    day = pick(weekday_readings(published, weekday), published, tense).first
    return following.end(), day, following.group("weekday")
