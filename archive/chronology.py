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
Corrections (``content/data/corrections.yaml``, :func:`load_corrections`)
    Applied in file order, each with a ``reason`` shown on the page: ``fix``
    (date, title, participants), ``merge`` (events into the first one), ``split``
    (an article's sources, or one paragraph's, become an event of their own),
    ``reject`` (hidden from the chronology, listed as rejected). A merge or
    split works the date and title out again from the sources, so a ``fix``
    goes after it. An unknown event, entity or article is a ``ContentError`` at
    its line.
iCalendar (:func:`to_icalendar`)
    RFC 5545, CRLF, lines folded at 75 octets. A day is an all-day event; a week,
    month or year an all-day event over the whole period, marked so in its
    summary; an event without a date is left out (a calendar has no place for
    it), and so is a rejected one. DTSTAMP is the event's first day, so that the
    same chronology always gives the same file.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from archive.errors import ContentError
from archive.events import KIND_LABELS, MINIMUM_PARTICIPANTS, Report
from archive.yamlfile import compose

PRECISIONS = ("day", "week", "month", "year", "unknown")
_EDTF = re.compile(r"^(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?\??$")


# ---- periods ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def period(value: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day an EDTF value (or ISO week) covers; "?" is ignored."""
    match = _EDTF.match(value)
    if not match:
        raise ValueError(f"not a date: {value!r}")
    year, week, month, day = match.groups()
    if week:
        monday = datetime.date.fromisocalendar(int(year), int(week), 1)
        return monday, monday + datetime.timedelta(days=6)
    if day:
        single = datetime.date(int(year), int(month), int(day))
        return single, single
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return datetime.date(int(year), int(month), 1), datetime.date(int(year), int(month), last)
    return datetime.date(int(year), 1, 1), datetime.date(int(year), 12, 31)


def precision_of(value: str) -> str:
    """The precision an EDTF value is written at."""
    if not value:
        return "unknown"
    match = _EDTF.match(value)
    if not match:
        raise ValueError(f"not a date: {value!r}")
    _, week, month, day = match.groups()
    return "week" if week else "day" if day else "month" if month else "year"


def _contains(outer: str, inner: str) -> bool:
    (a, b), (c, d) = period(outer), period(inner)
    return a <= c and d <= b


def _gap(first: str, second: str) -> int:
    (a, b), (c, d) = period(first), period(second)
    return max((c - b).days, (a - d).days, 0)


# ---- events ----------------------------------------------------------------------


@dataclass(frozen=True)
class Discrepancy:
    """Sources that disagree on one field: each value with the articles that give it."""

    field: str
    values: tuple[tuple[str, tuple[str, ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        values = [{"value": v, "articles": list(a)} for v, a in self.values]
        return {"field": self.field, "values": values}


@dataclass(frozen=True)
class Corrected:
    """What editors changed on an event, and why."""

    reasons: tuple[str, ...]
    fields: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"by": "editor", "reason": " ".join(self.reasons), "fields": list(self.fields)}


@dataclass(frozen=True)
class Event:
    """One event of the chronology and every report of it."""

    id: str
    kind: str
    date: str  # EDTF, "" when unknown
    precision: str
    title: str
    participants: tuple[str, ...]
    reports: tuple[Report, ...]
    discrepancies: tuple[Discrepancy, ...] = ()
    corrected: Corrected | None = None
    rejected: str = ""  # the editor's reason, when the event is not one

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles reporting the event, in order of publication."""
        ordered = sorted(self.reports, key=lambda r: (r.published, r.article))
        return tuple(dict.fromkeys(r.article for r in ordered))

    def to_dict(self) -> dict[str, Any]:
        """The event as ``chronology.json`` has it (ARCHIVE_NOTES §6, fields added)."""
        data: dict[str, Any] = {
            "id": self.id,
            "date": self.date,
            "precision": self.precision,
            "title": self.title,
            "kind": self.kind,
            "participants": list(self.participants),
            "sources": [_source(report) for report in self.reports],
            "discrepancies": [d.to_dict() for d in self.discrepancies],
        }
        if self.corrected:
            data["corrected"] = self.corrected.to_dict()
        if self.rejected:
            data["rejected"] = {"by": "editor", "reason": self.rejected}
        return data


def _source(report: Report) -> dict[str, Any]:
    return {
        "article": report.article,
        "published": report.published.isoformat(),
        "paragraph": report.paragraph,
        "quote": report.quote,
        "quote_start": report.quote_start,
        "quote_end": report.quote_end,
        "cues": list(report.cues),
        "participants": list(report.participants),
        "refers_back": report.refers_back,
        "date_text": report.date_text,
        "value": report.value,
        "precision": report.precision,
        "rule": report.rule,
        "explanation": report.explanation,
    }


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
    events = [_build(group, names) for group in groups]
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
        return _gap(first.value, second.value) <= window_days
    if first.value:
        return second.published >= period(first.value)[0]
    if second.value:
        return first.published >= period(second.value)[0]
    return True


def _preference(report: Report, group: list[Report]) -> tuple[bool, int, int]:
    """Same participants first, then the nearest date, then the most sources."""
    dated = [r.value for r in group if r.value]
    gap = min((_gap(report.value, v) for v in dated), default=0) if report.value else 0
    return (set(report.participants) != set(group[0].participants), gap, -len(group))


def _build(
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
        articles = {r.article for v, rs in given.items() if _contains(v, value) for r in rs}
        earliest = min(r.published for r in given[value])
        return (-len(articles), earliest, period(value)[0].isoformat())

    date = min(candidates, key=support)
    values = sorted(given, key=lambda v: (period(v)[0], v))
    contradicting = any(not _contains(a, b) and not _contains(b, a) for a in values for b in values)
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


def sort_events(events: Iterable[Event]) -> list[Event]:
    """In date order (by the first day of each date), undated events last."""
    return sorted(events, key=lambda e: (period(e.date)[0] if e.date else datetime.date.max, e.id))


def chronology_json(events: Iterable[Event]) -> dict[str, Any]:
    """``chronology.json``: the events, and apart from them the ones editors rejected."""
    ordered = sort_events(events)
    return {
        "events": [e.to_dict() for e in ordered if not e.rejected],
        "rejected": [e.to_dict() for e in ordered if e.rejected],
    }


def events_by_article(events: Iterable[Event]) -> dict[str, list[str]]:
    """Each article's event ids, in date order (``articles.json``'s ``events``)."""
    found: dict[str, list[str]] = {}
    for event in sort_events(e for e in events if not e.rejected):
        for article in dict.fromkeys(r.article for r in event.reports):
            found.setdefault(article, []).append(event.id)
    return found


def events_by_entity(events: Iterable[Event]) -> dict[str, list[str]]:
    """Each entity's event ids, in date order, for entity pages."""
    found: dict[str, list[str]] = {}
    for event in sort_events(e for e in events if not e.rejected):
        for participant in event.participants:
            found.setdefault(participant, []).append(event.id)
    return found


# ---- editors' corrections --------------------------------------------------------

ACTIONS = ("fix", "merge", "split", "reject")
_KEYS = {
    "fix": ("date", "title", "participants"),
    "merge": (),
    "split": ("article", "paragraph"),
    "reject": (),
}


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections file; ``lines`` gives the line of each id it names."""

    action: str
    events: tuple[str, ...]  # the event it corrects (for merge: all, into the first)
    reason: str
    path: Path
    line: int
    date: str | None = None
    title: str | None = None
    participants: tuple[str, ...] | None = None
    article: str | None = None
    paragraph: str | None = None
    lines: Mapping[str, int] = field(default_factory=dict)


def load_corrections(path: Path) -> list[Correction]:
    """Read the editors' corrections; a malformed entry is a ``ContentError`` at its line."""
    root = compose(path, "the corrections")
    if root is None:
        return []
    if not isinstance(root, SequenceNode):
        raise ContentError(path, "corrections must be a list of entries", _line(root))
    return [_correction(node, path) for node in root.value]


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _correction(node: Node, path: Path) -> Correction:
    action, entries = _entries(node, path)
    lines: dict[str, int] = {}
    lists = ("merge", "participants")
    texts = {k: _text(v, path, lines) for k, v in entries.items() if k not in lists}
    events = _texts(entries[action], path, lines) if action == "merge" else (texts[action],)
    participants = entries.get("participants")
    correction = Correction(
        action=action,
        events=events,
        reason=texts["reason"],
        path=path,
        line=_line(node),
        date=texts.get("date"),
        title=texts.get("title"),
        participants=_texts(participants, path, lines) if participants else None,
        article=texts.get("article"),
        paragraph=texts.get("paragraph"),
        lines=lines,
    )
    _check(correction, entries)
    return correction


def _entries(node: Node, path: Path) -> tuple[str, dict[str, Node]]:
    """The action of an entry and its fields, which must be those of the action."""
    if not isinstance(node, MappingNode):
        message = f"a correction must be a mapping ({', '.join(ACTIONS)})"
        raise ContentError(path, message, _line(node))
    actions = [str(k.value) for k, _ in node.value if k.value in ACTIONS]
    if len(actions) != 1:
        message = f"a correction needs exactly one of {', '.join(ACTIONS)}"
        raise ContentError(path, message, _line(node))
    action = actions[0]
    for key_node, _ in node.value:
        if key_node.value not in (action, "reason", *_KEYS[action]):
            message = f"unknown key '{key_node.value}' in a '{action}' correction"
            raise ContentError(path, message, _line(key_node))
    entries = {str(k.value): v for k, v in node.value}
    if "reason" not in entries:
        raise ContentError(path, f"the '{action}' correction gives no reason", _line(node))
    return action, entries


def _check(correction: Correction, entries: dict[str, Node]) -> None:
    """What each action needs besides its fields being well formed."""
    path, line = correction.path, correction.line
    if correction.action == "merge" and len(set(correction.events)) < len(correction.events):
        raise ContentError(path, "'merge' lists an event twice", line)
    if correction.action == "merge" and len(correction.events) < 2:
        raise ContentError(path, "'merge' needs a list of two or more event ids", line)
    if correction.action == "fix" and not set(_KEYS["fix"]) & set(entries):
        raise ContentError(path, "a 'fix' needs a date, title or participants", line)
    if correction.action == "split" and correction.article is None:
        raise ContentError(path, "a 'split' needs the article whose sources leave", line)
    if correction.date is not None and not _EDTF.match(correction.date):
        message = f"date '{correction.date}' is not YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www"
        raise ContentError(path, message, _line(entries["date"]))


def _text(node: Node, path: Path, lines: dict[str, int]) -> str:
    """A non-empty text; its line is recorded in ``lines``."""
    text = str(node.value).strip() if isinstance(node, ScalarNode) else ""
    if not text:
        raise ContentError(path, "expected a non-empty text", _line(node))
    lines.setdefault(text, _line(node))
    return text


def _texts(node: Node, path: Path, lines: dict[str, int]) -> tuple[str, ...]:
    if not isinstance(node, SequenceNode):
        raise ContentError(path, "expected a list", _line(node))
    return tuple(_text(item, path, lines) for item in node.value)


def apply_corrections(
    events: Sequence[Event], corrections: Sequence[Correction], known_entities: Mapping[str, str]
) -> list[Event]:
    """The events as editors corrected them; ``known_entities`` maps ids to names."""
    by_id = {event.id: event for event in events}
    for correction in corrections:
        for ident in correction.events:
            if ident not in by_id:
                message = f"unknown event '{ident}'"
                raise ContentError(correction.path, message, correction.lines[ident])
        for entity in correction.participants or ():
            if entity not in known_entities:
                message = f"unknown entity '{entity}'"
                raise ContentError(correction.path, message, correction.lines[entity])
        for event in _APPLY[correction.action](correction, by_id, known_entities):
            by_id[event.id] = event
    return sort_events(by_id.values())


def _note(event: Event, correction: Correction, fields: Iterable[str]) -> Event:
    """``event`` marked as corrected by ``correction``, for ``fields``."""
    before = event.corrected or Corrected((), ())
    reasons = tuple(dict.fromkeys((*before.reasons, correction.reason)))
    changed = tuple(dict.fromkeys((*before.fields, *fields)))
    return replace(event, corrected=Corrected(reasons, changed))


def _fix(correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]) -> list[Event]:
    event = by_id[correction.events[0]]
    changes: dict[str, Any] = {}
    if correction.date is not None:
        changes.update(date=correction.date, precision=precision_of(correction.date))
    if correction.participants is not None:
        participants = tuple(sorted(correction.participants))
        changes.update(participants=participants, title=title(event.kind, participants, names))
    if correction.title is not None:
        changes["title"] = correction.title
    fields = [f for f in ("date", "title", "participants") if getattr(correction, f) is not None]
    return [_note(replace(event, **changes), correction, fields)]


def _merge(
    correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]
) -> list[Event]:
    target, *others = (by_id.pop(ident) for ident in correction.events)
    reports = [r for event in (target, *others) for r in event.reports]
    merged = _build(reports, names, ident=target.id, kind=target.kind)
    merged = replace(merged, corrected=target.corrected, rejected=target.rejected)
    return [_note(merged, correction, ["sources"])]


def _split(
    correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]
) -> list[Event]:
    event = by_id[correction.events[0]]
    leaving = [
        r
        for r in event.reports
        if r.article == correction.article and correction.paragraph in (None, r.paragraph)
    ]
    staying = [r for r in event.reports if r not in leaving]
    if not leaving or not staying:
        what = "no source" if not leaving else "only sources"
        message = f"event '{event.id}' has {what} from that article and paragraph to split off"
        raise ContentError(correction.path, message, correction.lines[correction.article or ""])
    kept = replace(_build(staying, names, ident=event.id), corrected=event.corrected)
    split = _build(leaving, names)
    if split.id in by_id:
        split = replace(split, id=f"{split.id}-split")
    return [_note(kept, correction, ["sources"]), _note(split, correction, ["sources"])]


def _reject(
    correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]
) -> list[Event]:
    event = by_id[correction.events[0]]
    return [_note(replace(event, rejected=correction.reason), correction, ["rejected"])]


_APPLY = {"fix": _fix, "merge": _merge, "split": _split, "reject": _reject}


# ---- iCalendar -------------------------------------------------------------------

_CALENDAR_NAME = "Briefing archive chronology"
_PERIOD_NOTE = {"week": "the week", "month": "the month", "year": "the year"}


def to_icalendar(events: Iterable[Event]) -> str:
    """The dated, not rejected events as an iCalendar file (RFC 5545)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//briefing-archive//chronology//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_CALENDAR_NAME}",
    ]
    for event in sort_events(events):
        if event.date and not event.rejected:
            lines += _vevent(event)
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))


def _vevent(event: Event) -> list[str]:
    first, last = period(event.date)
    summary = event.title
    if event.precision in _PERIOD_NOTE:
        summary += f" (date known to {_PERIOD_NOTE[event.precision]})"
    if event.date.endswith("?"):
        summary += " (date uncertain)"
    return [
        "BEGIN:VEVENT",
        f"UID:{event.id}@briefing-archive",
        f"DTSTAMP:{first:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{last + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(_description(event))}",
        f"CATEGORIES:{_escape(KIND_LABELS[event.kind])}",
        "END:VEVENT",
    ]


def _description(event: Event) -> str:
    lines = [
        f"{r.article} ({r.paragraph}): “{r.quote}” Date: {r.explanation}" for r in event.reports
    ]
    for discrepancy in event.discrepancies:
        told = "; ".join(f"{v or 'no date'} ({', '.join(a)})" for v, a in discrepancy.values)
        lines.append(f"Sources disagree on the {discrepancy.field}: {told}")
    if event.corrected:
        lines.append(f"Corrected by an editor: {' '.join(event.corrected.reasons)}")
    return "\n".join(lines)


def _escape(text: str) -> str:
    """TEXT escaping of RFC 5545 §3.3.11."""
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def _fold(line: str, limit: int = 75) -> list[str]:
    """A content line cut into lines of at most ``limit`` octets, never inside a character.

    Continuation lines start with a space, which counts towards their octets.
    """
    if len(line.encode("utf-8")) <= limit:
        return [line]
    if line.isascii():  # one octet a character: cut by slicing
        return [line[:limit]] + [
            line[i : i + limit - 1] for i in range(limit, len(line), limit - 1)
        ]
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        room = limit if not parts else limit - 1
        if size + width > room:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return [parts[0], *(f" {part}" for part in parts[1:])]


# ---- the chronology page ---------------------------------------------------------


@dataclass(frozen=True)
class Day:
    """Events sharing one date, and the days of silence since the previous date."""

    date: str  # EDTF; "" for the undated events
    label: str
    gap_days: int  # whole days between this date and the previous one; 0 for the first
    events: tuple[Event, ...]


def days(events: Iterable[Event]) -> list[Day]:
    """The chronology grouped by date, in order, with the gaps a reader should see."""
    groups: dict[str, list[Event]] = {}
    for event in sort_events(e for e in events if not e.rejected):
        groups.setdefault(event.date.rstrip("?"), []).append(event)
    result: list[Day] = []
    previous = ""
    for date, members in groups.items():
        gap = _gap(previous, date) if previous and date else 0
        result.append(Day(date, date_label(date), gap, tuple(members)))
        previous = date or previous
    return result


def date_label(value: str) -> str:
    """How a date reads on the page, at its precision ("Wednesday 25 August 2021")."""
    if not value:
        return "Date not given"
    first = period(value.rstrip("?"))[0]
    precision = precision_of(value.rstrip("?"))
    if precision == "day":
        return f"{first:%A} {first.day} {first:%B %Y}"
    if precision == "week":
        return f"Week of {first.day} {first:%B %Y} (day not given)"
    if precision == "month":
        return f"{first:%B %Y} (day not given)"
    return f"{first.year} (month not given)"
