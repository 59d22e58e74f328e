"""Reading a text's time expressions: every rule over each sentence, the longest
reading where rules overlap, modifiers ("early", "the end of") taken in, and
comparisons ("a year earlier") counted from the last date named before them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from archive.dates import days, durations, holidays, named, offsets, relative, years
from archive.dates.context import Context, Found, Precision, TimeExpression
from archive.dates.explicit import disjoint
from archive.dates.values import parse
from archive.site.text import sentences

Rule = Callable[[re.Match[str], Context], list[Found]]

# In order of preference where two readings cover the same words.
_RULES: tuple[tuple[re.Pattern[str], Rule], ...] = (
    (offsets.SAME_DAY, offsets.same_day),
    (relative.AGO, relative.ago),
    (offsets.ADVERBIAL, offsets.adverbial),
    (relative.FOLLOWING, relative.following),
    (named.QUARTERS, named.quarters),
    (named.DAY_RANGES, named.day_ranges),
    (years.DECADES, years.decades),
    (years.CENTURIES, years.centuries),
    (named.MONTH_NAMES, named.month_names),
    (named.SEASON_NAMES, named.seasons),
    (holidays.HOLIDAY_NAMES, holidays.holidays),
    (years.SPELLED, years.spelled_years),
    (years.ACCOUNTS, years.accounting_years),
    (years.YEARS, years.years),
    (days.PARTS, days.parts_of_day),
    (days.WEEKDAY_NAMES, days.weekdays),
    (days.CLOCK, days.clock),
    (relative.DEICTIC, relative.deictic),
    (relative.CALENDAR_UNITS, relative.calendar_units),
    (relative.REFERENCES, relative.references),
    (durations.SETS, durations.sets),
    (durations.DURATIONS, durations.durations),
)
# Rules whose value depends on the last date named before them.
_COMPARISONS = frozenset({relative.ago, relative.following, named.quarters})
_MODIFIER = re.compile(
    r"(?i:(?P<mod>early|earlier|mid|late|later|the\s+(?:beginning|start|middle|end)\s+of"
    r"|(?:the\s+)?(?:first|second)\s+half\s+of)(?:-|\s+(?:in\s+)?))$"
)
_MOD = {"early": "START", "earlier": "", "mid": "MID", "late": "END", "later": ""}
_MOD |= {"beginning": "START", "start": "START", "middle": "MID", "end": "END", "first": "START"}
_MOD |= {"second": "END"}
_MODIFIABLE: frozenset[Precision] = frozenset(
    {"year", "quarter", "season", "decade", "month", "week"}
)


@dataclass(frozen=True)
class _Candidate:
    found: Found
    rule: Rule | None  # None: an explicit date, read once
    match: re.Match[str] | None

    @property
    def start(self) -> int:
        return self.found.span[0]

    @property
    def end(self) -> int:
        return self.found.span[1]


def read_sentence(context: Context) -> list[Found]:
    """Every time expression of ``context.sentence``, in text order, without overlaps.

    A comparison is re-read against the last date named before it in the text
    (``context.reference`` at the start of the sentence).
    """
    explicit = _within_calendar(partial(named.explicit, context))
    candidates = [_Candidate(f, None, None) for f in explicit]
    for pattern, rule in _RULES:
        for match in pattern.finditer(context.sentence):
            readings = _within_calendar(partial(rule, match, context))
            candidates += [_Candidate(f, rule, match) for f in readings]
    chosen: list[Found] = []
    reference = context.reference
    for candidate in disjoint(candidates):
        found = candidate.found
        if candidate.rule in _COMPARISONS and candidate.match is not None:
            again = partial(candidate.rule, candidate.match, replace(context, reference=reference))
            found = next((f for f in _within_calendar(again) if f.span == found.span), found)
        found = _modified(found, context.sentence)
        chosen.append(found)
        if reference is not None and _names_a_date(found):
            reference = found.value
    return chosen


def _within_calendar(read: Callable[[], list[Found]]) -> list[Found]:
    """What ``read`` finds, or nothing when its reading falls outside the calendar
    (years 1 to 9999): a publication date at the calendar's edge, "10,000 days later"."""
    try:
        return read()
    except (ValueError, OverflowError):
        return []


def _modified(found: Found, sentence: str) -> Found:
    """``found`` with a modifier just before it ("early 2011", "the end of 1998") taken in."""
    if found.precision not in _MODIFIABLE or found.mod:
        return found
    modifier = _MODIFIER.search(sentence, 0, found.span[0])
    if modifier is None:
        return found
    words = modifier.group("mod").lower().split()
    mod = next((_MOD[w] for w in words if w in _MOD), "")
    phrase = (modifier.start(), (found.phrase or found.span)[1])
    return replace(found, span=(modifier.start(), found.span[1]), phrase=phrase, mod=mod)


# Comparisons count from a date; they do not become the date the next one counts from.
_COUNTED = frozenset({"offset-from-reference", "ago", "quarter-year-before"})


def _names_a_date(found: Found) -> bool:
    return found.type == "DATE" and found.rule not in _COUNTED and parse(found.value) is not None


_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*")


def find_time_expressions(text: str, dct: datetime.date) -> list[TimeExpression]:
    """Every time expression of ``text`` with its TimeML type, span and value, given the DCT.

    The text is read sentence by sentence, as the event extractor does, and a
    comparison ("a year earlier") counts from the last date named before it.
    """
    found: list[TimeExpression] = []
    reference = dct.isoformat()
    for paragraph in _PARAGRAPH.finditer(text):
        for start, end in sentences(paragraph.group()):
            offset = paragraph.start() + start
            context = Context(text[offset : paragraph.start() + end], dct, reference=reference)
            for item in read_sentence(context):
                found.append(context.expression(item, offset))
                if _names_a_date(item):
                    reference = item.value
    return found
