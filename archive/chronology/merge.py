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
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
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
    groups = _Groups(window_days)
    for report in sorted(reports, key=_specific_first):
        candidates = sorted(groups.candidates(report), key=lambda g: _preference(report, g))
        chosen = next((g for g in candidates if _fits(report, g, window_days)), None)
        if chosen:
            groups.add(chosen, report)
        else:
            groups.found(report)
    events = [build_event(group.reports, names) for group in groups.all]
    return sort_events(_unique_ids(events))


@dataclass
class _Group:
    """The reports of one event so far, with what the rules ask of them kept up to date.

    The rules look at the founder (the most specific report), the kinds, the
    participants, the articles and the distinct dates of the sources, never at
    one report after another: a group of thousands of sources costs what one does.
    """

    serial: int  # order of founding, which breaks ties as the reports' order does
    founder: Report
    reports: list[Report] = field(default_factory=list)
    kind_sets: set[frozenset[str]] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)  # the dates given, "" left out
    places: set[tuple[object, ...]] = field(default_factory=set)  # see _written_in
    last_start: datetime.date = datetime.date.min  # of the periods of those dates
    first_end: datetime.date = datetime.date.max


class _Groups:
    """The groups, indexed so that a report is tried only against those that could take it.

    A report naming nobody, or no date and one participant, joins only a group
    holding a report of its article (or, naming nobody, of its very date); a
    complete report only a group founded on the same participants; any other
    report (dated, naming someone) only a group that shares a participant. A
    dated report, moreover, only a group with no date yet or with one that
    overlaps its own, give or take the window (found by the days, months and
    years the dates are written in).
    """

    def __init__(self, window_days: int) -> None:
        self.all: list[_Group] = []
        self._window = datetime.timedelta(days=window_days)
        self._index: dict[tuple[object, ...], dict[int, _Group]] = {}

    def candidates(self, report: Report) -> list[_Group]:
        """The groups worth trying, in the order that breaks ties (kind, then founding)."""
        people = frozenset(report.participants)
        tags: list[tuple[object, ...]]
        if _weak(report):
            tags = [("article", report.article)]
        elif not people:
            tags = [("article", report.article), ("value", report.value)]
        elif len(people) >= MINIMUM_PARTICIPANTS[report.kind] and not _open(report):
            tags = [("same", people)]
        else:
            tags = [("participant", p) for p in people]
        keys = tags
        if report.value and people:
            start, end = period(report.value)
            near = _overlapping(start - self._window, end + self._window)
            keys = [("undated", *tag) for tag in tags]
            keys += [("near", at, *tag) for tag in tags for at in near]
        found: dict[int, tuple[int, _Group]] = {}
        for position, kind in enumerate(_kinds(report)):
            for key in keys:
                for serial, group in self._index.get((kind, *key), {}).items():
                    found.setdefault(serial, (position, group))
        return [group for _, group in sorted(found.values(), key=lambda f: (f[0], f[1].serial))]

    def found(self, report: Report) -> None:
        group = _Group(len(self.all), report)
        self.all.append(group)
        self.add(group, report)

    def add(self, group: _Group, report: Report) -> None:
        tags: set[tuple[object, ...]] = {("same", frozenset(group.founder.participants))}
        tags.update(("participant", p) for p in group.participants)
        new_tags: set[tuple[object, ...]] = {("participant", p) for p in report.participants}
        new_tags -= tags
        if not group.reports:
            new_tags.update(tags)
            tags = set()
        places = group.places | set(_written_in(report.value))
        if places and not group.places:
            self._unfile(group, [("undated", *tag) for tag in tags])
        keys: list[tuple[object, ...]] = [*new_tags]
        keys += [("near", at, *tag) for tag in new_tags for at in places]
        keys += [("near", at, *tag) for tag in tags for at in places - group.places]
        keys += [] if places else [("undated", *tag) for tag in new_tags]
        if report.article not in group.articles:
            keys.append(("article", report.article))
        if report.value and report.value not in group.values:
            keys.append(("value", report.value))
        self._file(group, keys)
        group.reports.append(report)
        group.kind_sets.add(frozenset(_kinds(report)))
        group.participants.update(report.participants)
        group.places = places
        group.articles.add(report.article)
        if report.value:
            group.values.add(report.value)
            start, end = period(report.value)
            group.last_start = max(group.last_start, start)
            group.first_end = min(group.first_end, end)

    def _file(self, group: _Group, keys: Iterable[tuple[object, ...]]) -> None:
        for key in keys:
            for kind in _kinds(group.founder):
                self._index.setdefault((kind, *key), {})[group.serial] = group

    def _unfile(self, group: _Group, keys: Iterable[tuple[object, ...]]) -> None:
        for key in keys:
            for kind in _kinds(group.founder):
                del self._index[(kind, *key)][group.serial]


def _written_in(value: str) -> list[tuple[object, ...]]:
    """Where a date is filed: its days (a day or a week), its month or its year."""
    if not value:
        return []
    start, end = period(value)
    precision = precision_of(value)
    if precision == "month":
        return [("month", start.year, start.month)]
    if precision == "year":
        return [("year", start.year)]
    return [("day", start + datetime.timedelta(days=i)) for i in range((end - start).days + 1)]


def _overlapping(first: datetime.date, last: datetime.date) -> list[tuple[object, ...]]:
    """Every day, month and year from ``first`` to ``last``: a date filed under one overlaps."""
    days = [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
    months = sorted({(day.year, day.month) for day in days})
    years = sorted({day.year for day in days})
    return [
        *(("day", day) for day in days),
        *(("month", *month) for month in months),
        *(("year", year) for year in years),
    ]


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


def _fits(report: Report, group: _Group, window_days: int) -> bool:
    if not _agrees(report, group, window_days):
        return False
    kinds = frozenset(_kinds(report))
    if any(not kinds & other for other in group.kind_sets):
        return False
    mine, theirs = set(report.participants), set(group.founder.participants)
    own = report.article in group.articles
    incomplete = len(mine) < MINIMUM_PARTICIPANTS[report.kind] or (_weak(report) and own)
    shared = _open(report) and bool(mine & group.participants) and bool(group.values)
    # an open event's sources tie on a shared participant and an agreeing date
    if mine != theirs and not (incomplete and mine <= theirs) and not shared:
        return False
    if _weak(report) and not own:
        return False
    # nobody named: only the very date of a dated source ties it
    return bool(mine) or own or report.value in group.values


def _agrees(report: Report, group: _Group, window_days: int) -> bool:
    """A dated report agrees with every dated source; an undated one, with one of them.

    Two periods are at most ``window_days`` apart when each begins no later than
    the window after the other ends, so the group's extreme days decide for all.
    An undated report agrees with any date of an event its own article reports,
    and with a date that is recent news when it is published.
    """
    if not group.values:
        return True
    if not report.value:
        own = report.article in group.articles
        return own or any(_recent(report.published, value) for value in group.values)
    start, end = period(report.value)
    window = datetime.timedelta(days=window_days)
    return group.last_start <= end + window and group.first_end >= start - window


def _recent(published: datetime.date, value: str) -> bool:
    """Whether an event of this date can be what an undated report published then tells."""
    start, end = period(value)
    return start <= published <= end + datetime.timedelta(days=_NEWS_DAYS)


def _preference(report: Report, group: _Group) -> tuple[bool, bool, int, int]:
    """Its own article's first, then the same participants, the nearest date, most sources."""
    gap = min((days_apart(report.value, v) for v in group.values), default=0) if report.value else 0
    elsewhere = report.article not in group.articles
    same = report.participants == group.founder.participants  # both sorted
    return (elsewhere, not same, gap, -len(group.reports))


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
    """ "2021-08-25-call-vladimir-putin-xi-jinping": date, kind, sorted participants.

    The id names the event's page, and a file name holds at most 255 bytes: past
    ``MAX_ID`` characters (a summit of twenty leaders) the participants are cut
    and a hash of the whole id keeps it unique.
    """
    whole = "-".join([date.rstrip("?") or "undated", kind, *sorted(participants)])
    if len(whole) <= MAX_ID:
        return whole
    tag = hashlib.sha256(whole.encode("utf-8")).hexdigest()[:10]
    return f"{whole[: MAX_ID - len(tag) - 1].rstrip('-')}-{tag}"


MAX_ID = 120


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
