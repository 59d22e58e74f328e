"""Stage: events found in the articles, merged, corrected; the chronology page and data.

``archive.chronology`` does the work (a sentence becomes a report, reports become
events, editors' corrections apply); this stage needs the mentions the entity
stage found.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pelican.contents import Article
from pelican.generators import Generator

from archive.chronology.corrections import apply_corrections, load_corrections
from archive.chronology.cues import Cues, load_cues
from archive.chronology.event import chronology_json, events_by_article, events_by_entity
from archive.chronology.icalendar import to_icalendar
from archive.chronology.merge import merge_reports
from archive.chronology.pages import days
from archive.chronology.reports import ArticleText, Report, extract_reports
from archive.core import urls
from archive.core.errors import ContentError, build_errors
from archive.entities.registry import Registry
from archive.site.export import write_json, write_text

from .state import ArchiveState

T = TypeVar("T")


def date_events(generator: Generator, state: ArchiveState) -> None:
    """The events of every article, merged and corrected, handed to articles and entities."""
    cues = _load(generator.settings, load_cues, "event_cues.yaml")
    corrections = _load(generator.settings, load_corrections, "corrections.yaml")
    if state.registry is None or cues is None or corrections is None:
        return
    names = state.entity_names
    articles: list[Article] = generator.context["articles"]
    reports = [
        report for article in articles for report in _reports(article, state, state.registry, cues)
    ]
    try:
        events = apply_corrections(merge_reports(reports, names), corrections, names)
    except ContentError as error:
        build_errors.report(error)
        return
    state.events = events
    by_id = {event.id: event for event in events}
    for slug, ids in events_by_article(events).items():
        state.articles[slug].events = [by_id[i] for i in ids]
    state.entity_events = {
        entity: [by_id[i] for i in ids] for entity, ids in events_by_entity(events).items()
    }


def _load(settings: dict[str, Any], loader: Callable[[Path], T], name: str) -> T | None:
    try:
        return loader(Path(settings["PATH"]) / settings["ARCHIVE_DATA"] / name)
    except ContentError as error:
        build_errors.report(error)
        return None


def _reports(article: Article, state: ArchiveState, registry: Registry, cues: Cues) -> list[Report]:
    data = state.articles[article.slug]
    text = ArticleText(article.slug, article.date.date(), data.blocks)
    types = {entity.id: entity.type for entity in registry.entities.values()}
    return extract_reports(text, data.mentions, types, cues)


def write_chronology(generator: Generator, writer: Any, state: ArchiveState) -> None:
    """The chronology page, ``api/chronology.json`` and the calendar file."""
    if not state.events:
        return
    writer.write_file(
        urls.CHRONOLOGY, generator.get_template("chronology"), generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"], days=days(state.events),
        rejected=[e for e in state.events if e.rejected],
    )  # fmt: skip
    output = Path(generator.output_path)
    write_json(output / urls.api("chronology"), chronology_json(state.events))
    write_text(output / urls.CALENDAR, to_icalendar(state.events))
