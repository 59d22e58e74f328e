"""The archive's Pelican plugin: every stage of a build, connected in order here.

A build goes: ``reader`` (Markdown files become Pelican's articles), then one
generator runs the stages over the articles in this order, each reading what the
ones before it left in the :class:`~.state.ArchiveState`:

1. ``entities``: mentions found and linked, entity pages' data, JSON-LD;
2. ``chronology``: events reported by the articles, merged and corrected;
3. ``notes``: editors' notes checked and anchored to their passages;
4. ``compare``: each event's reports compared, text reuse, the pictures' layouts;

and, once Pelican has written the article pages, writes the entity pages and the
chronology, then ``search`` (indexes), ``export`` (``api/articles.json``) and,
on the published site, ``published`` (feeds; the sitemap once every page is
written). ``guard`` makes builds of one cache take turns, refuses what Pelican
would skip, and fails the build at its end if any content error was reported. The
logic is in ``archive``; the stages only feed it Pelican's content.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.generators import Generator

from archive.chronology.kinds import KIND_LABELS
from archive.core import urls
from archive.core.formatting import FILTERS
from archive.entities.types import BY_ID
from archive.site.published import root_path
from archive.site.text import description, paragraphs

from . import (
    chronology,
    compare,
    entities,
    export,
    guard,
    notes,
    pages,
    published,
    reader,
    search,
    timing,
)
from .state import CONTEXT_KEY, ArchiveState, ArticleData, plugin_version

Stage = Callable[[Generator, ArchiveState], None]
# What each stage adds to the context, in order; BRIEFING_STAGES may stop early (bench/).
CONTEXT_STAGES: dict[str, Stage] = {
    "entities": entities.link_entities,
    "chronology": chronology.date_events,
    "notes": notes.anchor_notes,
    "compare": compare.compare_reports,
}
OUTPUT_STAGES = ("search", "export")
STAGES = (*CONTEXT_STAGES, *OUTPUT_STAGES)


class BriefingGenerator(Generator):
    """Runs the stages over the articles Pelican's article generator has read."""

    def generate_context(self) -> None:
        self.state = ArchiveState()
        for article in self.context["articles"]:
            # Pelican works an article's URL out of the settings at every use (100,000
            # times a build at 10,000 articles); its own override attribute fixes it once.
            article.override_url = article.url
            blocks = paragraphs(article._content)
            source = str(article.metadata.get("source") or "")
            self.state.articles[article.slug] = ArticleData(article.title, blocks, source=source)
        by_date = sorted(self.context["articles"], key=lambda a: (a.date, a.slug))
        self.state.set_order([a.slug for a in by_date])
        self.context[CONTEXT_KEY] = self.state
        self.stages = self.settings.get("BRIEFING_STAGES", STAGES)
        for name, stage in CONTEXT_STAGES.items():
            if name in self.stages:
                with timing.timed(name):
                    stage(self, self.state)

    def generate_output(self, writer: Any) -> None:
        if "entities" in self.stages:
            entities.write_entity_pages(self, writer, self.state)
        if "chronology" in self.stages:
            chronology.write_chronology(self, writer, self.state)
        if "notes" in self.stages:
            notes.write_notes_page(self, writer, self.state)
        if "compare" in self.stages:
            compare.write_comparisons(self, writer, self.state)
        pages.save_manifest(writer)  # Pelican's article pages were written before these
        if "search" in self.stages:
            search.write_search(self, self.state)
        if "export" in self.stages:
            with timing.timed("export"):
                export.write_articles_json(self, self.state)
        if "notes" in self.stages:
            published.write_feeds(self, self.state)


def _start(pelican: Pelican) -> None:
    """Each build starts without errors; templates get the URL scheme and date filters."""
    guard.reset(pelican)
    settings = pelican.settings
    settings["CACHE_PATH"] = str(reader_cache(Path(settings["ARCHIVE_CACHE"])))
    settings["JINJA_FILTERS"] = {
        **settings.get("JINJA_FILTERS", {}),
        **FILTERS,
        "description": description,
        "site_root_path": root_path,
    }
    settings["JINJA_GLOBALS"] = {
        **settings.get("JINJA_GLOBALS", {}),
        "urls": urls,
        "ENTITY_TYPES": BY_ID,
        "EVENT_KINDS": KIND_LABELS,
    }


def reader_cache(cache: Path) -> Path:
    """Pelican's cache of what the reader read, one folder per version of our code.

    Pelican keys it by each file's MD5 (``CHECK_MODIFIED_METHOD``) but not by the
    reader's code: a changed renderer gets a new folder, and older ones are removed.
    """
    folder = cache / "pelican"
    current = folder / plugin_version()[:16]
    if folder.is_dir():
        for old in folder.iterdir():
            if old != current:
                shutil.rmtree(old, ignore_errors=True)
    return current


def _generator(_: object) -> type[Generator]:
    return BriefingGenerator


def register() -> None:
    """Connect the stages to Pelican's signals, in the order a build meets them."""
    signals.initialized.connect(_start)
    signals.initialized.connect(timing.reset)
    signals.article_generator_preread.connect(timing.start_reading)
    signals.article_generator_finalized.connect(timing.end_reading)
    signals.all_generators_finalized.connect(timing.start_writing)
    signals.readers_init.connect(reader.add_reader)
    signals.generator_init.connect(reader.forget_python_markdown)
    signals.article_generator_pretaxonomy.connect(guard.sort_out_articles)
    signals.get_generators.connect(_generator)
    signals.get_writer.connect(pages.writer)
    signals.finalized.connect(timing.finish)
    signals.finalized.connect(_finish)


def _finish(pelican: Pelican) -> None:
    """The sitemap lists every page written; then the build is judged."""
    published.write_sitemap(pelican)
    guard.finish(pelican)
