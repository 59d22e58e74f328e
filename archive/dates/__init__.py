"""Time expressions in news text, and what they mean against the publication date.

News dates events relative to the day an article appeared (ARCHIVE_NOTES §2, the
TimeML/HeidelTime "news" conventions), so every reading here takes the
publication date (the document creation time, DCT), keeps the precision the
words allow and says which rule it used and why, in a sentence a reader can
check.

Modules, by concern:

- :mod:`~archive.dates.lexicon`: month, weekday, season, unit and number words;
- :mod:`~archive.dates.explicit`: dates written out (``Aug. 25, 2021``);
- :mod:`~archive.dates.years`: years, ranges, spelled years, decades, centuries;
- :mod:`~archive.dates.named`: explicit dates placed in a year, months, seasons, quarters;
- :mod:`~archive.dates.holidays`: holidays by their calendar rule;
- :mod:`~archive.dates.days`: weekdays, parts of the day, clock times;
- :mod:`~archive.dates.relative`: "yesterday", "last week", "four years ago",
  "a year earlier", "now" (PRESENT_REF) ...;
- :mod:`~archive.dates.offsets`: one event dated from another ("a day after");
- :mod:`~archive.dates.durations`: durations and sets;
- :mod:`~archive.dates.tense`, :mod:`~archive.dates.anchoring`: the governing
  verb's tense, and which occurrence a year-less name means;
- :mod:`~archive.dates.values`: TimeML value arithmetic;
- :mod:`~archive.dates.context`: what a rule produces (:class:`TimeExpression`);
- :mod:`~archive.dates.engine`: all rules over a sentence or a text;
- :mod:`~archive.dates.timeml`: TimeML files and the TempEval-3 scorer.

:func:`find_time_expressions` gives every expression of a text with its TimeML
type and value; :func:`resolve_dates` (one sentence, for the event extractor)
gives the ones that can date an event, with the words around them it read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from archive.dates.context import Context, Precision, TimeExpression
from archive.dates.engine import find_time_expressions, read_sentence
from archive.dates.explicit import ExplicitDate, find_explicit_dates
from archive.dates.tense import Tense, tense_at
from archive.dates.values import long_date, month_year

__all__ = [
    "ExplicitDate",
    "Precision",
    "ResolvedDate",
    "Tense",
    "TimeExpression",
    "find_explicit_dates",
    "find_time_expressions",
    "long_date",
    "month_year",
    "resolve_dates",
    "tense_at",
]


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


def resolve_dates(
    sentence: str, published: datetime.date, anchor: datetime.date | None = None
) -> list[ResolvedDate]:
    """The expressions of ``sentence`` that date an event, resolved against ``published``.

    ``anchor`` is the date of the event that anchored expressions ("earlier in the
    day", "a day after") refer to; without it they resolve to an unknown value.
    Durations, sets and "now" are left out: they date no event.
    """
    context = Context(sentence, published, anchor)
    return [
        _resolved(context.expression(found))
        for found in read_sentence(context)
        if found.date_value is not None
    ]


def _resolved(expression: TimeExpression) -> ResolvedDate:
    value = expression.date_value or ""
    precision: Precision = "unknown" if not value else expression.precision
    return ResolvedDate(
        start=expression.phrase_start,
        end=expression.phrase_end,
        text=expression.explanation.split("'")[1],
        value=value,
        precision="day" if precision == "time" else precision,
        rule=expression.rule,
        explanation=expression.explanation,
        published=expression.published,
        offset_days=expression.offset_days,
    )
