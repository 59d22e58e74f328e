"""Stage: ``api/articles.json``, from the articles and what the other stages found in them."""

from __future__ import annotations

from pathlib import Path

from pelican.contents import Article
from pelican.generators import Generator

from archive.check.api import publish_schemas
from archive.core import urls
from archive.site.export import ArticleRecord, articles_payload, write_json

from .state import ArchiveState, ArticleData


def record(article: Article, data: ArticleData) -> ArticleRecord:
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
        entities=list(data.entity_ids),
        events=data.event_ids,
        notes=list(data.note_ids),
    )


def write_articles_json(generator: Generator, state: ArchiveState) -> None:
    """The export of every article."""
    articles: list[Article] = generator.context["articles"]
    records = [record(article, state.articles[article.slug]) for article in articles]
    path = Path(generator.output_path) / urls.api("articles")
    write_json(path, articles_payload(records))
    publish_schemas(path.parent)  # readers of the data get its schemas beside it
