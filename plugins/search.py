"""Search indexes, built from the articles as the site shows them.

A thin layer over ``archive.search_index`` (Whoosh, for ``invoke search``) and
``archive.browser_index`` (the sharded index the search page loads). The Whoosh
index goes to ``ARCHIVE_CACHE``, outside the published folder: readers never
need it, and keeping it between builds lets an unchanged article skip reindexing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator

from archive.search.analysis import SearchDocument
from archive.search.browser_index import build_search

logger = logging.getLogger(__name__)


def document(article: Article, names: dict[str, str]) -> SearchDocument:
    """One article as the indexes see it: its text without markup, its entities."""
    blocks = getattr(article, "blocks", [])
    entity_ids = tuple(getattr(article, "entity_ids", ()))
    return SearchDocument(
        slug=article.slug,
        url=article.url,
        title=article.title,
        date=article.date.date().isoformat(),
        source=str(article.metadata.get("source") or ""),
        entities=entity_ids,
        entity_names=tuple(names.get(i, i) for i in entity_ids),
        body="\n\n".join(block.text for block in blocks),
        paragraphs=tuple((block.id, block.text) for block in blocks),
    )


class SearchGenerator(Generator):
    """Writes the browser index under ``search/`` and updates the Whoosh index."""

    def generate_output(self, writer: object) -> None:
        registry = self.context.get("entity_registry")
        names = {e.id: e.name for e in registry.entities.values()} if registry else {}
        documents = [document(article, names) for article in self.context["articles"]]
        whoosh = Path(self.settings["ARCHIVE_CACHE"]) / "whoosh"
        stats = build_search(documents, Path(self.output_path), whoosh)
        logger.info("search: %s", stats)


def _generator(_: object) -> type[Generator]:
    return SearchGenerator


def register() -> None:
    """Add the search generator after the entity and chronology generators."""
    signals.get_generators.connect(_generator)
