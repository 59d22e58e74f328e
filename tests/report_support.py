"""Event reports written by hand, for the merging tests (``merge_reports`` takes reports)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from archive.chronology.event import Event
from archive.chronology.periods import precision_of
from archive.chronology.reports import Report

THU_26_AUG = datetime.date(2021, 8, 26)


def report(
    article: str,
    value: str = "2021-08-25",
    participants: tuple[str, ...] = ("putin", "xi"),
    kind: str = "call",
    published: datetime.date = THU_26_AUG,
    paragraph: str = "p1",
    cue: str = "phone call",
) -> Report:
    """A report of ``article``, dated ``value`` ("" for undated) as a weekday would be."""
    return Report(
        article=article,
        published=published,
        paragraph=paragraph,
        quote=f"A sentence of {article}.",
        quote_start=0,
        quote_end=20,
        kind=kind,
        participants=participants,
        cues=(cue,),
        date_text="on Wednesday" if value else "",
        value=value,
        precision=precision_of(value),
        rule="weekday-before-publication" if value else "no-date-words",
        explanation="why",
    )


def shape(events: Sequence[Event]) -> list[tuple[str, str, tuple[str, ...]]]:
    """What a test compares of the merged events: id, date and articles."""
    return [(e.id, e.date, e.articles) for e in events]
