"""Where reports become the events of the chronology, with their sources and disagreements.

Merging (:func:`merge_reports`)
    Reports are one event when they have the same kind, compatible participants
    and compatible dates (ARCHIVE_NOTES §3). Nothing is dropped: every report is
    a source of exactly one event.

    - Participants: the same set; or a report naming fewer participants than its
      kind needs (one side of a call, or nobody: "the government was overthrown")
      joins an event whose participants include its own. Two complete reports
      with different sets stay apart, so a bilateral call is never swallowed by a
      three-way one.
    - Dates: two dated reports are compatible when their periods are at most
      ``window_days`` apart (2 by default); a report without a date is
      compatible with a date that had begun by its publication. A report must be
      compatible with every source of the event it joins.
    - Reports are placed most specific first (more participants, finer date);
      one that fits several events joins the one with the same participants, then
      the nearest date, then the most sources.
Date of an event
    The value most articles support, each article counted once per value; a
    coarser value ("2021-08") supports the finer ones it contains. Ties go to
    the value of the earliest-published article (nearest the event), then the
    earlier date. When two values contradict each other (neither contains the
    other), a ``date`` discrepancy lists every value with its articles.
Ids and titles
    ``<date>-<kind>-<sorted participant ids>`` ("undated" without a date), fixed
    when the events are merged: an article about something else cannot change
    it, and editors' corrections refer to it (a correction keeps the id). The
    title is the kind and the participants' names in alphabetical order.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from archive.chronology.event import Discrepancy, Event, sort_events
from archive.chronology.kinds import KIND_LABELS, MINIMUM_PARTICIPANTS
from archive.chronology.periods import PRECISIONS, contains, days_apart, period, precision_of
from archive.chronology.reports import Report


def merge_reports(
    reports: Iterable[Report], names: Mapping[str, str], window_days: int = 2
) -> list[Event]:
    """The events the reports tell, in chronological order (see the module's rules).

    ``names`` maps entity ids to display names, for titles.
    """
    groups: list[list[Report]] = []
    # Only groups of the same kind, with the same participants (or, for an incomplete
    # report, more of them) can take a report: index them so as not to try the rest.
    by_kind: dict[str, list[list[Report]]] = {}
    by_key: dict[tuple[str, frozenset[str]], list[list[Report]]] = {}
    for report in sorted(reports, key=_specific_first):
        key = (report.kind, frozenset(report.participants))
        incomplete = len(key[1]) < MINIMUM_PARTICIPANTS[report.kind]
        candidates = by_kind.get(report.kind, []) if incomplete else by_key.get(key, [])
        fitting = [g for g in candidates if _fits(report, g, window_days)]
        if fitting:
            min(fitting, key=lambda g: _preference(report, g)).append(report)
        else:
            group = [report]
            groups.append(group)
            by_kind.setdefault(report.kind, []).append(group)
            by_key.setdefault(key, []).append(group)
    events = [build_event(group, names) for group in groups]
    return sort_events(_unique_ids(events))


def _specific_first(report: Report) -> tuple[Any, ...]:
    return (
        -len(report.participants),
        PRECISIONS.index(report.precision),
        report.value,
        report.published,
        report.article,
        report.paragraph,
        report.quote_start,
    )


def _fits(report: Report, group: list[Report], window_days: int) -> bool:
    first = group[0]  # the most specific report of the group
    if report.kind != first.kind:
        return False
    mine, theirs = set(report.participants), set(first.participants)
    incomplete = len(mine) < MINIMUM_PARTICIPANTS[report.kind]
    if mine != theirs and not (incomplete and mine <= theirs):
        return False
    return all(_compatible(report, other, window_days) for other in group)


def _compatible(first: Report, second: Report, window_days: int) -> bool:
    if first.value and second.value:
        return days_apart(first.value, second.value) <= window_days
    if first.value:
        return second.published >= period(first.value)[0]
    if second.value:
        return first.published >= period(second.value)[0]
    return True


def _preference(report: Report, group: list[Report]) -> tuple[bool, int, int]:
    """Same participants first, then the nearest date, then the most sources."""
    dated = [r.value for r in group if r.value]
    gap = min((days_apart(report.value, v) for v in dated), default=0) if report.value else 0
    return (set(report.participants) != set(group[0].participants), gap, -len(group))


def build_event(
    reports: Sequence[Report], names: Mapping[str, str], ident: str = "", kind: str = ""
) -> Event:
    """An event from its reports: the date most of them support, and their disagreements.

    ``ident`` and ``kind`` are kept when an editor's merge rebuilds an event.
    """
    ordered = tuple(
        sorted(reports, key=lambda r: (r.published, r.article, r.paragraph, r.quote_start))
    )
    kind = kind or ordered[0].kind
    participants = tuple(sorted({p for r in ordered for p in r.participants}))
    date, discrepancies = _vote(ordered)
    return Event(
        id=ident or event_id(date, kind, participants),
        kind=kind,
        date=date,
        precision=precision_of(date),
        title=title(kind, participants, names),
        participants=participants,
        reports=ordered,
        discrepancies=discrepancies,
    )


def event_id(date: str, kind: str, participants: Sequence[str]) -> str:
    """ "2021-08-25-call-vladimir-putin-xi-jinping": date, kind, sorted participants."""
    return "-".join([date.rstrip("?") or "undated", kind, *sorted(participants)])


def title(kind: str, participants: Sequence[str], names: Mapping[str, str]) -> str:
    """ "Phone call: Vladimir Putin and Xi Jinping" (names in alphabetical order)."""
    label = KIND_LABELS[kind]
    shown = sorted(names.get(p, p) for p in participants)
    if not shown:
        return f"{label} (participants not named)"
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    return f"{label}: {listed}"


def _vote(reports: Sequence[Report]) -> tuple[str, tuple[Discrepancy, ...]]:
    """The date most articles support, and the discrepancy when some contradict it."""
    given: dict[str, list[Report]] = {}
    for report in reports:
        if report.value:
            given.setdefault(report.value, []).append(report)
    if not given:
        return "", ()
    finest = min(PRECISIONS.index(precision_of(v)) for v in given)
    candidates = [v for v in given if PRECISIONS.index(precision_of(v)) == finest]

    def support(value: str) -> tuple[int, datetime.date, str]:
        articles = {r.article for v, rs in given.items() if contains(v, value) for r in rs}
        earliest = min(r.published for r in given[value])
        return (-len(articles), earliest, period(value)[0].isoformat())

    date = min(candidates, key=support)
    values = sorted(given, key=lambda v: (period(v)[0], v))
    contradicting = any(not contains(a, b) and not contains(b, a) for a in values for b in values)
    if not contradicting:
        return date, ()
    listed = tuple((v, tuple(sorted({r.article for r in given[v]}))) for v in values)
    return date, (Discrepancy("date", listed),)


def _unique_ids(events: list[Event]) -> list[Event]:
    """Number the rare events that would share an id, in order of their first report."""
    seen: dict[str, int] = {}
    unique = []
    for event in sorted(events, key=lambda e: (e.id, _first_source(e))):
        seen[event.id] = seen.get(event.id, 0) + 1
        count = seen[event.id]
        unique.append(event if count == 1 else replace(event, id=f"{event.id}-{count}"))
    return unique


def _first_source(event: Event) -> tuple[Any, ...]:
    first = event.reports[0]
    return (first.published, first.article, first.paragraph, first.quote_start)
