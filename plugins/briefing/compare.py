"""Stage: the reports of each event compared, text reuse found, the pictures laid out.

``archive.compare`` does the work. For every event two or more articles report,
the rows of claims (``comparison`` in ``chronology.json``, the page
``compare/<event>.html``); over the whole archive, the passages articles share
(``api/reuse.json``, marked in each article with the other copies named); the
layouts of the chronology's timeline strip and of the network of who talked to
whom, drawn by the theme. Runs after ``chronology`` and ``notes``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pelican.contents import Article
from pelican.generators import Generator

from archive.chronology.kinds import KINDS
from archive.compare.align import Comparison, SourceReport, align, align_key
from archive.compare.events import ArticleSource, compare_events
from archive.compare.marking import first_spans, mark_reuse
from archive.compare.network import neighbourhood, network
from archive.compare.reuse import (
    ArticleText,
    Cluster,
    Link,
    find_reuse,
    links_by_article,
    reuse_json,
)
from archive.compare.timeline import timeline
from archive.compare.view import table
from archive.core import urls
from archive.core.cache import StageCache, digest
from archive.site.export import write_json

from .entities import replace_content
from .state import ArchiveState, ArticleData, stage_cache

# The theme's macros for what this stage puts in an article's HTML.
MACROS = "_reuse"


def compare_reports(generator: Generator, state: ArchiveState) -> None:
    """Comparisons, reuse clusters (marked in the articles) and the pictures' layouts."""
    sources = {slug: _source(slug, data) for slug, data in state.articles.items()}
    if state.events is not None:
        # An event's comparison is a function of its reports: kept for the next build.
        cache: StageCache[Comparison] = stage_cache(generator.settings, "compare", "")

        def aligner(reports: Sequence[SourceReport]) -> Comparison:
            return cache.get(align_key(reports), lambda: _aligned(reports))

        state.comparisons = compare_events(state.events, sources, aligner)
        cache.save()
        state.timeline = timeline(state.events, KINDS)
        state.network = network(state.events, state.entity_names)
        state.neighbourhoods = {
            entity: found
            for entity in sorted(state.entity_events)
            if (found := neighbourhood(state.events, state.entity_names, entity))
        }
    texts = [ArticleText(s.slug, s.paragraphs) for s in sources.values()]
    # Reuse is found across the whole archive, as a function of every article's text.
    reused: StageCache[list[Cluster]] = stage_cache(generator.settings, "reuse", "")
    state.reuse = reused.get(digest(texts), lambda: find_reuse(texts))
    reused.save()
    links = links_by_article(state.reuse)
    macros = generator.get_template(MACROS).module
    marked: StageCache[str] = stage_cache(generator.settings, "reuse-marks", "")
    article: Article
    for article in generator.context["articles"]:
        if article.slug in links:
            _mark(article, links[article.slug], state, macros, marked)
    marked.save()


def _aligned(reports: Sequence[SourceReport]) -> Comparison:
    """The comparison with its JSON shape already made, so that the cache keeps both."""
    comparison = align(reports)
    comparison.to_dict()
    return comparison


def _source(slug: str, data: ArticleData) -> ArticleSource:
    ids = [block.id for block in data.blocks]
    mentions = tuple((ids[m.paragraph], m.start, m.end, m.entity_id) for m in data.mentions)
    return ArticleSource(slug, tuple((b.id, b.text) for b in data.blocks), mentions)


def _mark(
    article: Article, links: list[Link], state: ArchiveState, macros: Any, cache: StageCache[str]
) -> None:
    """Mark the article's shared passages, each with "also published in" its other copies.

    The marked HTML is a function of the article's HTML, its links and their
    notes, so it is kept between builds under their hash.
    """
    here = posixpath.dirname(urls.article(article.slug))

    def note(link: Link) -> str:
        others = [
            (state.title(slug), posixpath.relpath(urls.article(slug), here) + f"#{paragraph}")
            for slug, paragraph in link.others
        ]
        return str(macros.also_published(link.cluster, others))

    notes = {link: note(link) for link in first_spans(links)}
    content = article._content
    key = digest(content, links, list(notes.values()))
    article.metadata["summary"] = article.summary  # the notes are not the article's text
    replace_content(article, cache.get(key, lambda: mark_reuse(content, links, notes.__getitem__)))


def write_comparisons(generator: Generator, writer: Any, state: ArchiveState) -> None:
    """One "Compare the reports" page per compared event, and ``api/reuse.json``."""
    template = generator.get_template("compare")
    columns = _columns(generator)
    for event in state.events or []:
        comparison = state.comparisons.get(event.id)
        if comparison is None:
            continue
        writer.write_file(
            urls.compare(event.id), template, generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"], event=event,
            rows=table(comparison.to_dict()), columns=[columns[a] for a in comparison.articles],
        )  # fmt: skip
    if state.reuse is not None:
        write_json(Path(generator.output_path) / urls.api("reuse"), reuse_json(state.reuse))


def _columns(generator: Generator) -> dict[str, dict[str, str]]:
    """Each article's heading in a comparison: title, outlet and date."""
    return {
        a.slug: {
            "slug": a.slug,
            "title": a.title,
            "source": str(a.metadata.get("source") or ""),
            "date": a.date.date().isoformat(),
        }
        for a in generator.context["articles"]
    }
