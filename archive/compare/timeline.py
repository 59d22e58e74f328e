"""The layout of the chronology's timeline strip: one lane per kind of event, days across.

Every dated event is a bar from the first to the last day its date covers (a day,
a week, a month), in the lane of its kind; bars that would overlap in a lane are
put on sub-rows, the earlier first. Events whose sources disagree are flagged.
The numbers are SVG user units, rounded, so the same events give the same
picture byte for byte; the template draws it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from archive.chronology.event import Event, sort_events
from archive.chronology.periods import period
from archive.dates import month_year

WIDTH = 720  # the viewBox's width; the SVG scales to its container
LEFT = 96  # room for the lane labels
RIGHT = 12
TOP = 8
ROW = 16  # one sub-row of bars
BAR = 12
GAP = 8  # between lanes
AXIS = 28  # the day labels below
STEPS = (1, 2, 7, 14, 28)  # days between ticks; the first giving at most MAX_TICKS
MAX_TICKS = 9


@dataclass(frozen=True)
class Bar:
    """One event on the strip."""

    event: str
    kind: str
    title: str
    first: datetime.date
    last: datetime.date
    x: float
    y: float
    width: float
    disputed: bool


@dataclass(frozen=True)
class Lane:
    """The band of one kind; its label ends at ``x`` minus a gap."""

    kind: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    day: datetime.date
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    """Everything the template draws; ``undated`` events are listed beside it, not drawn."""

    width: int
    height: float
    lanes: tuple[Lane, ...]
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    first: datetime.date
    last: datetime.date
    undated: tuple[Event, ...]

    @property
    def axis(self) -> float:
        """Where the day ticks start, below the lanes."""
        return self.height - AXIS


def timeline(events: Iterable[Event], kinds: Sequence[str]) -> Timeline | None:
    """The strip of the events editors have not rejected; ``None`` when none is dated."""
    kept = [e for e in sort_events(events) if not e.rejected]
    dated = [(e, *period(e.date)) for e in kept if e.date]
    if not dated:
        return None
    first = min(d[1] for d in dated)
    last = max(d[2] for d in dated)
    days = (last - first).days + 1
    scale = (WIDTH - LEFT - RIGHT) / days
    lanes, bars, y = [], [], float(TOP)
    for kind in [k for k in kinds if any(e.kind == k for e, _, _ in dated)]:
        rows = _rows([(s, t) for e, s, t in dated if e.kind == kind])
        in_lane = [(e, s, t) for e, s, t in dated if e.kind == kind]
        for (event, start, end), row in zip(in_lane, rows, strict=True):
            bars.append(
                Bar(
                    event.id, kind, event.title, start, end,
                    _round(LEFT + (start - first).days * scale),
                    _round(y + row * ROW + (ROW - BAR) / 2),
                    _round(max(3.0, scale * ((end - start).days + 1))),
                    bool(event.discrepancies),
                )
            )  # fmt: skip
        height = ROW * (max(rows) + 1)
        lanes.append(Lane(kind, LEFT, y, WIDTH - LEFT - RIGHT, height))
        y += height + GAP
    ticks = _ticks(first, days, scale)
    undated = tuple(e for e in kept if not e.date)
    return Timeline(WIDTH, _round(y + AXIS), tuple(lanes), tuple(bars), ticks, first, last, undated)


def _rows(spans: list[tuple[datetime.date, datetime.date]]) -> list[int]:
    """For each span (in start order), the first sub-row where it overlaps nothing."""
    ends: list[datetime.date] = []
    out = []
    for start, end in spans:
        row = next((i for i, e in enumerate(ends) if e < start), len(ends))
        if row == len(ends):
            ends.append(end)
        else:
            ends[row] = end
        out.append(row)
    return out


def _ticks(first: datetime.date, days: int, scale: float) -> tuple[Tick, ...]:
    step = next((s for s in STEPS if days / s <= MAX_TICKS), 0)
    if step:
        marks = [first + datetime.timedelta(days=d) for d in range(0, days, step)]
    else:  # long spans: the first of each month
        marks = [
            d for d in (first + datetime.timedelta(days=i) for i in range(days)) if d.day == 1
        ][:: max(1, days // (30 * MAX_TICKS) + 1)]
    return tuple(
        Tick(d, _round(LEFT + ((d - first).days + 0.5) * scale), short_day(d)) for d in marks
    )


def short_day(day: datetime.date) -> str:
    """ "25 Aug": a tick's label, in English whatever the locale."""
    return f"{day.day} {month_year(day)[:3]}"


def _round(value: float) -> float:
    return round(value, 1)
