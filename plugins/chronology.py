"""The chronology: events found in the articles, merged, corrected, and published.

A thin layer over ``archive.events`` (a sentence becomes a report),
``archive.chronology`` (reports become events; editors' corrections) and the
theme. Needs the mentions the ``entities`` plugin attached to each article.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator

from archive.chronology.corrections import apply_corrections, load_corrections
from archive.chronology.cues import Cues, load_cues
from archive.chronology.event import Event, chronology_json, events_by_article, events_by_entity
from archive.chronology.icalendar import to_icalendar
from archive.chronology.kinds import KIND_LABELS
from archive.chronology.merge import merge_reports
from archive.chronology.pages import days
from archive.chronology.reports import ArticleText, Report, extract_reports
from archive.core.errors import ContentError, build_errors
from archive.entities.registry import Registry
from archive.site.export import write_json, write_text

CHRONOLOGY_URL = "chronology.html"
CALENDAR_URL = "chronology.ics"
T = TypeVar("T")


class ChronologyGenerator(Generator):
    """Extracts events from every article and writes the chronology page and data."""

    def generate_context(self) -> None:
        self.events: list[Event] = []
        registry = self.context.get("entity_registry")
        cues = self._load(load_cues, "event_cues.yaml")
        corrections = self._load(load_corrections, "corrections.yaml")
        if registry is None or cues is None or corrections is None:
            return
        names = {entity.id: entity.name for entity in registry.entities.values()}
        reports = [
            report
            for article in self.context["articles"]
            for report in self._reports(article, registry, cues)
        ]
        try:
            self.events = apply_corrections(merge_reports(reports, names), corrections, names)
        except ContentError as error:
            build_errors.report(error)
            return
        self._attach(names)

    def _load(self, loader: Callable[[Path], T], name: str) -> T | None:
        try:
            return loader(Path(self.settings["PATH"]) / self.settings["ARCHIVE_DATA"] / name)
        except ContentError as error:
            build_errors.report(error)
            return None

    def _reports(self, article: Article, registry: Registry, cues: Cues) -> list[Report]:
        text = ArticleText(article.slug, article.date.date(), article.blocks)
        types = {entity.id: entity.type for entity in registry.entities.values()}
        return extract_reports(text, article.mentions, types, cues)

    def _attach(self, names: dict[str, str]) -> None:
        """Give articles, entity pages and templates the events they show."""
        by_id = {event.id: event for event in self.events}
        by_article = events_by_article(self.events)
        for article in self.context["articles"]:
            article.event_ids = by_article.get(article.slug, [])
            article.events = [by_id[i] for i in article.event_ids]
        self.context["entity_events"] = {
            entity: [by_id[i] for i in ids] for entity, ids in events_by_entity(self.events).items()
        }
        self.context["CHRONOLOGY_URL"] = CHRONOLOGY_URL
        self.context["EVENT_KINDS"] = KIND_LABELS
        self.context["entity_names"] = names
        self.context["article_titles"] = {a.slug: a.title for a in self.context["articles"]}

    def generate_output(self, writer: object) -> None:
        if not self.events:
            return
        writer.write_file(
            CHRONOLOGY_URL, self.get_template("chronology"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], days=days(self.events),
            rejected=[e for e in self.events if e.rejected], calendar_url=CALENDAR_URL,
        )  # fmt: skip
        output = Path(self.output_path)
        write_json(output / "api" / "chronology.json", chronology_json(self.events))
        write_text(output / CALENDAR_URL, to_icalendar(self.events))


def _generator(_: object) -> type[Generator]:
    return ChronologyGenerator


def register() -> None:
    """Add the chronology generator (after the entity generator, whose mentions it reads)."""
    signals.get_generators.connect(_generator)
