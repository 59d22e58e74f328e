"""One event of the chronology, as pages and ``chronology.json`` show it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archive.chronology.periods import period
from archive.chronology.reports import Report


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
