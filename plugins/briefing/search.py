"""Stage: the search indexes, built from the articles as the site shows them.

``archive.search`` does the work: Whoosh for ``invoke search``, the sharded
index the search page loads. The Whoosh index goes to ``ARCHIVE_CACHE``, outside
the published folder: readers never need it, and keeping it between builds lets
an unchanged article skip reindexing.
"""

from __future__ import annotations

from pathlib import Path

from pelican.contents import Article
from pelican.generators import Generator

from archive.core.cache import code_version, digest
from archive.core.progress import progress, say
from archive.search.analysis import SearchDocument
from archive.search.browser_index import SearchBuildStats, build_search
from archive.search.names import EMPTY, names_from_registry
from archive.site.outputs import OutputManifest

from . import timing
from .state import ArchiveState, ArticleData

MANIFEST = "search/manifest.js"  # the browser index's one fixed name: it lists every other file


def document(article: Article, data: ArticleData, names: dict[str, str]) -> SearchDocument:
    """One article as the indexes see it: its text without markup, its entities."""
    return SearchDocument(
        slug=article.slug,
        url=article.url,
        title=article.title,
        date=article.date.date().isoformat(),
        source=str(article.metadata.get("source") or ""),
        entities=tuple(data.entity_ids),
        entity_names=tuple(names.get(i, i) for i in data.entity_ids),
        body="\n\n".join(block.text for block in data.blocks),
        paragraphs=tuple((block.id, block.text) for block in data.blocks),
    )


def write_search(generator: Generator, state: ArchiveState) -> None:
    """The browser index under ``search/``; the Whoosh index updated.

    Both are left as they are when no search document changed since the last
    build and the browser index's manifest on disk is the one written then.
    """
    names = state.entity_names
    articles: list[Article] = generator.context["articles"]
    documents = [document(a, state.articles[a.slug], names) for a in articles]
    cache = Path(generator.settings["ARCHIVE_CACHE"])
    whoosh = cache / "whoosh"
    mentioned = {i for d in documents for i in d.entities}
    vocabulary = names_from_registry(state.registry, mentioned) if state.registry else EMPTY
    manifest = OutputManifest(cache / "briefing" / "search.json")
    output = Path(generator.output_path)
    key = digest(documents, vocabulary, code_version())
    if manifest.unchanged(MANIFEST, key, output / MANIFEST) and whoosh.is_dir():
        say("search: no document changed")
        return
    wait = float(generator.settings.get("ARCHIVE_INDEX_LOCK_WAIT", 10))
    with progress("indexing", len(documents)) as advance:
        stats = build_search(
            documents, output, whoosh, vocabulary, say, lock_wait=wait, advance=advance
        )
    manifest.record(MANIFEST, key, output / MANIFEST)
    manifest.save()
    timing.add("whoosh", stats.whoosh_seconds)
    timing.add("browser index", stats.browser_seconds)
    say(summary(stats, len(documents)))


def summary(stats: SearchBuildStats, count: int) -> str:
    """The one line a build prints about its search indexes."""
    w = stats.whoosh
    return (
        f"search index: {count} articles ({w.added} added, {w.updated} updated, "
        f"{w.removed} removed, {w.unchanged} unchanged) in {stats.whoosh_seconds:.2f} s; "
        f"browser index: {stats.browser.total_files} files in {stats.browser_seconds:.2f} s"
    )
