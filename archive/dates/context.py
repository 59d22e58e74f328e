"""What every rule produces, and the sentence and dates it is read against."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from archive.dates.tense import Tense, tense_at
from archive.dates.values import long_date

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal[
    "time", "day", "week", "month", "quarter", "season", "year", "decade", "century",
    "duration", "set", "reference", "unknown",
]  # fmt: skip


@dataclass(frozen=True)
class TimeExpression:
    """A time expression of a text: its words, TimeML type and value, and how it was read.

    ``start``/``end`` are the TimeML extent (no leading preposition);
    ``phrase_start``/``phrase_end`` the words an editor is shown, which may
    include "on"/"in" or the "after" of an offset. ``date_value`` is the value
    an event takes from the expression: EDTF/ISO week for calendar dates, ""
    when it needs an unknown anchor, ending in "?" when the words contradict
    each other, None when the expression cannot date an event (a duration, a
    set, "now").
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    precision: Precision
    rule: str
    explanation: str
    published: datetime.date
    mod: str = ""
    phrase_start: int = 0
    phrase_end: int = 0
    offset_days: int | None = None
    date_value: str | None = None


@dataclass(frozen=True)
class Found:
    """One rule's reading of a match, before it is explained."""

    span: tuple[int, int]
    type: TimexType
    value: str
    precision: Precision
    rule: str
    meaning: str
    phrase: tuple[int, int] | None = None
    mod: str = ""
    offset_days: int | None = None
    date_value: str | None = None


@dataclass(frozen=True)
class Context:
    """The sentence being read and the dates it is resolved against.

    ``anchor`` is the date of the event that offsets ("a day after") count
    from; ``reference`` the TimeML value of the last date the text named
    (what "a year earlier" counts back from), or None.
    """

    sentence: str
    published: datetime.date
    anchor: datetime.date | None = None
    reference: str | None = None

    def tense(self, span: tuple[int, int]) -> Tense:
        return tense_at(self.sentence, *span)

    def expression(self, found: Found, offset: int = 0) -> TimeExpression:
        """``found`` explained against the publication date, offsets moved by ``offset``."""
        phrase = found.phrase or found.span
        words = self.sentence[phrase[0] : phrase[1]]
        explanation = f"'{words}', in an article published {long_date(self.published)}: "
        return TimeExpression(
            start=found.span[0] + offset,
            end=found.span[1] + offset,
            text=self.sentence[found.span[0] : found.span[1]],
            type=found.type,
            value=found.value,
            precision=found.precision,
            rule=found.rule,
            explanation=explanation + found.meaning,
            published=self.published,
            mod=found.mod,
            phrase_start=phrase[0] + offset,
            phrase_end=phrase[1] + offset,
            offset_days=found.offset_days,
            date_value=found.date_value,
        )
