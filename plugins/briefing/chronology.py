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
from archive.chronology.event import Event, chronology_json, events_by_article, events_by_entity
from archive.chronology.icalendar import to_icalendar
from archive.chronology.merge import merge_reports
from archive.chronology.pages import days
from archive.chronology.reports import ArticleText, Report, extract_reports
from archive.core import urls
from archive.core.cache import StageCache, digest
from archive.core.errors import ContentError, build_errors
from archive.entities.registry import outermost
from archive.site.export import write_json, write_text

from .guard import on_article
from .pages import write_unless_unchanged
from .state import ArchiveState, stage_cache

T = TypeVar("T")


def date_events(generator: Generator, state: ArchiveState) -> None:
    """The events of every article, merged and corrected, handed to articles and entities."""
    cues = _load(generator.settings, load_cues, "event_cues.yaml")
    corrections = _load(generator.settings, load_corrections, "corrections.yaml")
    if state.registry is None or cues is None or corrections is None:
        return
    names = state.entity_names
    articles: list[Article] = generator.context["articles"]
    types = {entity.id: entity.type for entity in state.registry.entities.values()}
    within = outermost(state.registry.entities)
    version = digest(state.registry_key, _data(generator.settings, "event_cues.yaml").read_bytes())
    cache: StageCache[list[Report]] = stage_cache(generator.settings, "chronology", version)
    # An article's reports are a function of its text as read, its date and the data above.
    keys = [digest(a.slug, a.date.date(), state.articles[a.slug].text_key) for a in articles]
    reports = [
        report
        for key, article in zip(keys, articles, strict=True)
        for report in _reports(article, key, state, (types, within), cues, cache)
    ]
    cache.save()
    # The merge is global, but its result is a function of every report: reused when none changed.
    merged: StageCache[list[Event]] = stage_cache(generator.settings, "merge", version)
    events = merged.get(digest(keys, sorted(names.items())), lambda: merge_reports(reports, names))
    merged.save()
    try:
        events = apply_corrections(events, corrections, names)
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


def _data(settings: dict[str, Any], name: str) -> Path:
    return Path(settings["PATH"]) / settings["ARCHIVE_DATA"] / name


def _load(settings: dict[str, Any], loader: Callable[[Path], T], name: str) -> T | None:
    try:
        return loader(_data(settings, name))
    except ContentError as error:
        build_errors.report(error)
        return None


def _reports(
    article: Article,
    key: str,
    state: ArchiveState,
    registry: tuple[dict[str, str], dict[str, str]],
    cues: Cues,
    cache: StageCache[list[Report]],
) -> list[Report]:
    """The article's reports, from the cache under ``key`` (its text, date and mentions).

    ``registry``: each entity's type, and each place's country (``outermost``).
    """
    data = state.articles[article.slug]
    text = ArticleText(article.slug, article.date.date(), data.blocks)
    types, within = registry
    with on_article(article, "chronology"):
        return cache.get(key, lambda: extract_reports(text, data.mentions, types, cues, within))


def write_chronology(generator: Generator, writer: Any, state: ArchiveState) -> None:
    """The chronology page, ``api/chronology.json`` and the calendar file, when they changed."""
    events = state.events
    if not events:
        return
    output = Path(generator.output_path)
    comparisons = {event: c.to_dict() for event, c in state.comparisons.items()}

    def write() -> None:
        writer.write_file(
            urls.CHRONOLOGY, generator.get_template("chronology"), generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"], days=days(events),
            rejected=[e for e in events if e.rejected],
        )  # fmt: skip
        write_json(output / urls.api("chronology"), chronology_json(events, comparisons))
        write_text(output / urls.CALENDAR, to_icalendar(events))

    # What the three show: the events and their notes and comparisons, the names
    # of entities, the titles and outlets of the articles cited (the timeline and
    # network are drawn from the events and names alone).
    cited = sorted((slug, data.title, data.source) for slug, data in state.articles.items())
    inputs = (events, sorted(state.entity_names.items()), sorted(state.event_notes.items()),
              sorted(comparisons.items()), cited)  # fmt: skip
    names = (urls.CHRONOLOGY, urls.api("chronology"), urls.CALENDAR)
    write_unless_unchanged(writer, names, inputs, write)
