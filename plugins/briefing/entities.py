"""Stage: mentions found and linked in every article; entity pages and ``api/entities.json``.

``archive.entities`` does the work: the registry, mentions, links, the pages'
data and JSON-LD. This stage runs it over Pelican's articles.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.contents import Article, Content
from pelican.generators import Generator

from archive.core import urls
from archive.core.cache import StageCache, digest
from archive.core.errors import ContentError, build_errors
from archive.entities.jsonld import news_article, script_json
from archive.entities.linking import link_mentions
from archive.entities.mentions import Matcher, Mention
from archive.entities.profiles import ArticleMentions, build_profiles, entity_ids, sidebar
from archive.entities.registry import Entity, Registry, load_registry
from archive.site.export import entities_payload, write_json
from archive.site.published import link_from

from .guard import on_article
from .state import ArchiveState, stage_cache

# An article's mentions, its linked HTML and its summary, by (its HTML, its file), for one registry.
Linked = tuple[list[Mention], str, str]

logger = logging.getLogger(__name__)


def replace_content(content: Content, html: str) -> None:
    """Swap a page's HTML, forgetting any copy Pelican memoised."""
    content._content = html
    Content.__dict__["get_content"].cache.clear()


def link_entities(generator: Generator, state: ArchiveState) -> None:
    """Find and link the mentions of every article; gather the entity pages' data."""
    articles: list[Article] = generator.context["articles"]
    state.registry = _load_registry(generator.settings)
    if state.registry is None:
        return
    warning = state.registry.warning()
    if warning:
        logger.warning("%s", warning)
    state.entity_names = {entity.id: entity.name for entity in state.registry.entities.values()}
    matcher = Matcher(state.registry)
    cache: StageCache[Linked] = stage_cache(generator.settings, "entities", state.registry_key)
    described: StageCache[str] = stage_cache(generator.settings, "json-ld", state.registry_key)
    found = [
        _annotate(article, state, state.registry, matcher, (cache, described))
        for article in articles
    ]
    cache.save()
    described.save()
    state.profiles = build_profiles(found, state.registry.entities)


def _load_registry(settings: dict[str, Any]) -> Registry | None:
    try:
        return load_registry(Path(settings["PATH"]) / settings["ARCHIVE_DATA"] / "entities.yaml")
    except ContentError as error:
        build_errors.report(error)
        return None


def _annotate(
    article: Article,
    state: ArchiveState,
    registry: Registry,
    matcher: Matcher,
    caches: tuple[StageCache[Linked], StageCache[str]],
) -> ArticleMentions:
    """Link the article's mentions, then its sidebar and JSON-LD (``caches``: of links, of
    JSON-LD)."""
    cache, described = caches
    data = state.articles[article.slug]
    entities = registry.entities

    save_as = article.save_as  # Pelican works it out from the settings at every call

    def link() -> Linked:
        mentions = matcher.find([block.text for block in data.blocks])
        root = urls.relative_root(save_as)
        href = lambda i: root + urls.entity(i)  # noqa: E731
        html = link_mentions(article._content, data.blocks, mentions, entities, href)
        return mentions, html, article.summary  # Pelican's, cut before anything is added

    data.text_key = digest(article._content, save_as)
    with on_article(article, "entities"):
        data.mentions, html, summary = cache.get(data.text_key, link)
    # The index and archives show it: kept, so that neither the links nor the notes
    # and marks of later stages go into it, and Pelican need not cut it each build.
    article.metadata.setdefault("summary", summary)
    replace_content(article, html)
    data.entity_ids = entity_ids(data.mentions)
    data.entity_groups = sidebar(data.mentions, entities)
    data.json_ld = _json_ld(article, save_as, [entities[i] for i in data.entity_ids], described)
    return ArticleMentions(
        article.slug,
        article.title,
        article.date.date().isoformat(),
        article.url,
        data.blocks,
        data.mentions,
    )


def _json_ld(
    article: Article, save_as: str, mentioned: list[Entity], cache: StageCache[str]
) -> str:
    """The article's JSON-LD, kept between builds under the fields it is made of."""
    siteurl = str(article.settings.get("CANONICAL_SITEURL") or "")
    headline, date, url = article.title, article.date.date().isoformat(), article.url
    source = str(article.metadata.get("source") or "")
    author = str(article.metadata.get("author") or "")

    def make() -> str:
        document = news_article(
            headline=headline, date=date, url=link_from(save_as, url, siteurl), source=source,
            entities=mentioned, author=author,
            entity_url=lambda i: link_from(save_as, urls.entity(i), siteurl),
        )  # fmt: skip
        return script_json(document)

    key = digest(headline, date, url, save_as, siteurl, source, author, [e.id for e in mentioned])
    return cache.get(key, make)


def write_entity_pages(generator: Generator, writer: Any, state: ArchiveState) -> None:
    """Each entity's pages (its appearances a page at a time), the index, the JSON."""
    if state.registry is None:
        return
    relative = generator.settings["RELATIVE_URLS"]
    template = generator.get_template("entity")
    size = generator.settings["ENTITY_APPEARANCES_PER_PAGE"]
    for entity in state.registry.entities.values():
        profile = state.profiles.get(entity.id)
        appearances = profile.appearances if profile else []
        chunks = [appearances[i : i + size] for i in range(0, len(appearances), size)] or [[]]
        for number, chunk in enumerate(chunks, 1):
            writer.write_file(
                urls.entity(entity.id, number), template, generator.context,
                relative_urls=relative, entity=entity, profile=profile, appearances=chunk,
                page_number=number, page_count=len(chunks),
            )  # fmt: skip
    writer.write_file(
        urls.ENTITY_INDEX, generator.get_template("entities"), generator.context,
        relative_urls=relative,
    )  # fmt: skip
    payload = entities_payload(state.registry, state.profiles, urls.entity)
    write_json(Path(generator.output_path) / urls.api("entities"), payload)
