"""Where reports become the events of the chronology, with their sources and disagreements.

Merging (:func:`merge_reports`)
    Reports are one event when they have the same kind, compatible participants
    and compatible dates (ARCHIVE_NOTES §3). Nothing is dropped: every report is
    a source of exactly one event.

    - Participants: the same set; or a report naming fewer participants than its
      kind needs (one side of a call, or nobody: "the government was overthrown")
      joins an event whose participants include its own. Two complete reports
      of a call or meeting with different sets stay apart, so a bilateral call
      is never swallowed by a three-way one. A summit or takeover has open
      participants (whichever leaders a source names; the Taliban, or the
      Taliban and Kabul): two dated reports sharing one join.
    - Dates: two dated reports are compatible when their periods are at most
      ``window_days`` apart (2 by default); a report without a date is
      compatible with a date that had begun by its publication and ended at
      most a week before it (undated, it tells news, not history). A dated report
      must be compatible with every dated source of the event it joins; an
      undated one with one of them, unless its own article reports the event
      (it names again what its article told, past or to come, whatever other
      articles say of the date).
    - Weak evidence: a report with no date and fewer than two participants
      joins only an event its own article reports (one that includes its
      participant: "it was a short summit" after the SCO summit); one naming
      nobody, only an event of its own article or one with a source of the
      very same date.
    - Kinds: the same; a conversation whose medium is not stated (the cue
      file's ``unstated_medium``: "the conversation", "spoke with") may be a
      phone call or a meeting, so it joins either, and either joins it; the
      event is of the kind the sources that state it give.
    - Reports are placed most specific first (more participants, finer date);
      one that fits several events joins the one its own article already
      reports, then the one with the same participants, then the nearest
      date, then the most sources.
Date of an event
    The value most articles support, each article counted once per value; a
    coarser value ("2021-08") supports the finer ones it contains. Ties go to
    the value of the earliest-published article (nearest the event), then the
    earlier date. When two values contradict each other (neither contains the
    other) and each is given by an article that does not give the other, a
    ``date`` discrepancy lists every value with its articles (one article
    giving two dates is a misreading, not a disagreement between sources). A
    summit dated only by an event set in it ("met on the sidelines of the
    summit on Saturday") was under way that day: that supports the date but
    contradicts no other (a summit may last several days).
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
        people = frozenset(report.participants)
        few = len(people) < MINIMUM_PARTICIPANTS[report.kind]
        incomplete = few or _open(report) or _weak(report)  # look beyond the same set
        candidates = [
            group
            for kind in _kinds(report)
            for group in (by_kind.get(kind, []) if incomplete else by_key.get((kind, people), []))
        ]
        fitting = [g for g in candidates if _fits(report, g, window_days)]
        if fitting:
            min(fitting, key=lambda g: _preference(report, g)).append(report)
        else:
            group = [report]
            groups.append(group)
            for kind in _kinds(report):
                by_kind.setdefault(kind, []).append(group)
                by_key.setdefault((kind, people), []).append(group)
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


def _kinds(report: Report) -> tuple[str, ...]:
    """The kinds of event a report may be a source of (see the module's rules)."""
    return ("meeting", "call") if report.unstated_medium else (report.kind,)


def _open(report: Report) -> bool:
    """A dated summit or takeover: its sources may each name some of its participants."""
    return report.kind in ("summit", "takeover") and bool(report.value)


def _weak(report: Report) -> bool:
    return not report.value and len(report.participants) < 2


def _fits(report: Report, group: list[Report], window_days: int) -> bool:
    first = group[0]  # the most specific report of the group
    if any(not set(_kinds(report)) & set(_kinds(other)) for other in group):
        return False
    mine, theirs = set(report.participants), set(first.participants)
    own = [other for other in group if other.article == report.article]
    incomplete = len(mine) < MINIMUM_PARTICIPANTS[report.kind] or (_weak(report) and bool(own))
    shared = (
        _open(report)
        and bool(mine & {p for r in group for p in r.participants})
        and any(o.value and _compatible(report, o, window_days) for o in group)
    )  # an open event's sources tie on a shared participant and an agreeing date
    if mine != theirs and not (incomplete and mine <= theirs) and not shared:
        return False
    if _weak(report) and not own:
        return False
    if not mine and not own and report.value not in {other.value for other in group}:
        return False  # nobody named: only the very date of a dated source ties it
    dated = [other for other in group if other.value]
    if report.value:
        return all(_compatible(report, other, window_days) for other in dated)
    return bool(own) or not dated or any(_compatible(report, o, window_days) for o in dated)


def _compatible(first: Report, second: Report, window_days: int) -> bool:
    if first.value and second.value:
        return days_apart(first.value, second.value) <= window_days
    if first.value:
        return _recent(second.published, first.value)
    if second.value:
        return _recent(first.published, second.value)
    return True


def _recent(published: datetime.date, value: str) -> bool:
    """Whether an event of this date can be what an undated report published then tells."""
    start, end = period(value)
    return start <= published <= end + datetime.timedelta(days=_NEWS_DAYS)


def _preference(report: Report, group: list[Report]) -> tuple[bool, bool, int, int]:
    """Its own article's first, then the same participants, the nearest date, most sources."""
    dated = [r.value for r in group if r.value]
    gap = min((days_apart(report.value, v) for v in dated), default=0) if report.value else 0
    elsewhere = all(other.article != report.article for other in group)
    return (elsewhere, set(report.participants) != set(group[0].participants), gap, -len(group))


def build_event(
    reports: Sequence[Report], names: Mapping[str, str], ident: str = "", kind: str = ""
) -> Event:
    """An event from its reports: the date most of them support, and their disagreements.

    ``ident`` and ``kind`` are kept when an editor's merge rebuilds an event.
    """
    ordered = tuple(
        sorted(reports, key=lambda r: (r.published, r.article, r.paragraph, r.quote_start))
    )
    stated = [r for r in ordered if not r.unstated_medium] or list(ordered)
    kind = kind or stated[0].kind
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
    articles = {v: {r.article for r in given[v] if r.rule not in _DURING} for v in values}
    contradicting = any(
        not contains(a, b)
        and not contains(b, a)
        and articles[a] - articles[b]
        and articles[b] - articles[a]
        for a in values
        for b in values
    )  # an article at odds with itself is a misreading, not sources that disagree
    if not contradicting:
        return date, ()
    listed = tuple((v, tuple(sorted({r.article for r in given[v]}))) for v in values)
    return date, (Discrepancy("date", listed),)


_NEWS_DAYS = 7  # an undated report of another article tells news at most this old
_DURING = frozenset({"date-of-the-event-set-in-it"})  # a day during a summit, not its date


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
