"""Write ``api/articles.json`` from the articles and what other plugins found in them.

Plugins earlier in ``PLUGINS`` attach ``entity_ids``, ``event_ids`` and ``note_ids``
to each article; this one only gathers them.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator

from archive.check.api import publish_schemas
from archive.export import ArticleRecord, articles_payload, write_json


def record(article: Article) -> ArticleRecord:
    """Describe one Pelican article for the export."""
    meta = article.metadata
    return ArticleRecord(
        slug=article.slug,
        url=article.url,
        title=article.title,
        date=article.date.date().isoformat(),
        source=str(meta.get("source") or ""),
        source_file=str(meta.get("source_file") or ""),
        title_derived=bool(meta.get("title_derived")),
        entities=list(getattr(article, "entity_ids", [])),
        events=list(getattr(article, "event_ids", [])),
        notes=list(getattr(article, "note_ids", [])),
    )


def _write(generator: ArticlesGenerator, writer: object) -> None:
    path = Path(generator.output_path) / "api" / "articles.json"
    write_json(path, articles_payload([record(article) for article in generator.articles]))
    publish_schemas(path.parent)


def register() -> None:
    """Write the export once the article pages are written."""
    signals.article_writer_finalized.connect(_write)
