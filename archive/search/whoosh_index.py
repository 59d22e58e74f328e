"""The Whoosh index behind ``invoke search``: build it, update it, answer from it."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from whoosh import index, query, sorting
from whoosh.analysis import Analyzer as WhooshAnalyzer
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from archive.search.analysis import (
    TITLE_BOOST,
    Analyzer,
    Query,
    SearchDocument,
    indexed,
    parse_query,
)
from archive.search.names import NamedEntity, Names
from archive.search.snippets import snippet
from archive.site.text import paragraphs

SCHEMA_VERSION = "2"
_VERSION_FILE = "archive-schema-version"
_PARAGRAPH_ID = re.compile(r"^p\d+$")  # ids archive.site.markdown gives an article's paragraphs
_FACETS = {"entity": "entities", "source": "source", "month": "month"}
BATCH_DOCS = 250  # documents a segment: fewer cost more segments, more spill the pool
_POOL_MB = 64  # well above what a batch needs: the pool is not written out as runs


@dataclass(frozen=True)
class Hit:
    """One ranked article; ``snippet`` is escaped HTML with ``<mark>`` around matches."""

    slug: str
    title: str
    url: str
    date: str
    source: str
    score: float
    snippet: str


@dataclass(frozen=True)
class SearchResults:
    """Ranked hits, how many articles matched, facet counts and a spelling suggestion."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    entities: tuple[NamedEntity, ...] = ()  # the entities the query names: their pages first


@dataclass(frozen=True)
class IndexStats:
    """What an incremental update did."""

    added: int
    updated: int
    removed: int
    unchanged: int


def schema() -> Schema:
    """Only what the queries, facets and hits read, so each document costs Whoosh little.

    Stemmed title and body rank (frequencies, no positions); the unstemmed phrase
    field keeps positions, of indexed words only (see ``Analyzer``); ``digest`` is a
    column, never searched; stored values are what a hit shows.
    """
    # whoosh annotates analyzer= with its Analyzer class; any composable tokenizer works.
    stemmed = cast(WhooshAnalyzer, Analyzer(stemming=True))
    phrase = cast(WhooshAnalyzer, Analyzer(stemming=False, only_indexed=True))
    return Schema(
        slug=ID(stored=True, unique=True, sortable=True),
        digest=COLUMN(),
        url=STORED(),
        title=TEXT(analyzer=stemmed, phrase=False, stored=True),
        body=TEXT(analyzer=stemmed, phrase=False, stored=True),
        exact=TEXT(analyzer=phrase, phrase=True),
        entities=KEYWORD(commas=True, lowercase=False),
        source=ID(stored=True, sortable=True),
        date=ID(stored=True, sortable=True),
        month=ID(sortable=True),  # a facet: read from its column
    )


def _fields(doc: SearchDocument) -> dict[str, str | bytes]:
    return {
        "slug": doc.slug,
        "digest": doc.digest().encode(),
        "url": doc.url,
        "title": doc.title,
        "body": doc.body,
        "exact": f"{doc.title}\n\n{doc.body}",
        "entities": ",".join(doc.entities),
        "source": doc.source,
        "date": doc.date,
        "month": doc.date[:7],
    }


def documents_from_site(output: Path) -> list[SearchDocument]:
    """The articles of a built site, read from its data export and its article pages.

    Pagefind indexes the built pages; reading the same pages lets the benchmark
    (and anything else that starts from ``output/``) index exactly what a reader sees.
    """
    articles = json.loads((output / "api" / "articles.json").read_text(encoding="utf-8"))
    entities = json.loads((output / "api" / "entities.json").read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in entities["entities"]}
    documents = []
    for article in articles["articles"]:
        page = (output / article["url"]).read_text(encoding="utf-8")
        found = tuple(
            (p.id, p.text) for p in paragraphs(page, frozenset({"p"})) if _PARAGRAPH_ID.match(p.id)
        )
        documents.append(
            SearchDocument(
                slug=article["slug"],
                url=article["url"],
                title=article["title"],
                date=article["date"],
                source=article["source"],
                entities=tuple(article["entities"]),
                entity_names=tuple(names.get(e, e) for e in article["entities"]),
                body="\n\n".join(text for _, text in found),
                paragraphs=found,
            )
        )
    return documents


def open_index(index_dir: Path, *, create: bool = False) -> index.Index:
    """The index in ``index_dir``; with ``create``, a new one if it is missing or outdated."""
    version = index_dir / _VERSION_FILE
    current = version.is_file() and version.read_text().strip() == SCHEMA_VERSION
    if current and index.exists_in(str(index_dir)):
        return index.open_dir(str(index_dir))
    if not create:
        raise FileNotFoundError(f"no search index in {index_dir}")
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(index_dir), schema())
    version.write_text(SCHEMA_VERSION + "\n")
    return ix


def _indexed_digests(ix: index.Index) -> dict[str, bytes]:
    with ix.reader() as reader:
        if not reader.doc_count_all():
            return {}
        slugs = reader.column_reader("slug")
        digests = reader.column_reader("digest")
        return {slugs[n]: digests[n] for n in reader.all_doc_ids()}


def update_index(
    index_dir: Path,
    documents: Iterable[SearchDocument],
    *,
    lock_wait: float = 0.0,
    advance: Callable[[], None] | None = None,
    batch: int = BATCH_DOCS,
) -> IndexStats:
    """Bring the index in line with ``documents``: only new or changed articles are analysed.

    Every ``batch`` new or changed documents are committed as a segment of their
    own, unmerged: a batch's postings fit Whoosh's pool in memory, which then
    never spills runs to disk and reads them back (the largest cost of a big
    commit), and the peak memory stays that of one batch. Scores are the same
    over any number of segments (Whoosh's statistics are the index's). Whoosh
    keeps deleted documents in its statistics until their segment is merged;
    once they pass a tenth of the index it is optimised, so scores stay close to
    a fresh build's. The last commit is not merged either (Whoosh's default merge
    of small segments cost 46 s for one changed article of 5,000); see
    ``_worth_optimising``. Another writer's lock is waited for ``lock_wait`` seconds
    (then ``LockError``); ``advance`` is called once per document.
    """
    ix = open_index(index_dir, create=True)
    known = _indexed_digests(ix)
    seen: set[str] = set()
    added = updated = 0
    writer = ix.writer(limitmb=_POOL_MB, timeout=lock_wait)
    for doc in documents:
        if advance:
            advance()
        seen.add(doc.slug)
        fields = _fields(doc)
        if known.get(doc.slug) == fields["digest"]:
            continue
        if doc.slug in known:
            writer.update_document(**fields)
            updated += 1
        else:
            writer.add_document(**fields)
            added += 1
        if (added + updated) % batch == 0:
            writer.commit(merge=False)
            writer = ix.writer(limitmb=_POOL_MB, timeout=lock_wait)
    removed = [slug for slug in known if slug not in seen]
    for slug in removed:
        writer.delete_by_term("slug", slug)
    if (added + updated) % batch or removed:
        writer.commit(merge=False)  # Whoosh's default merge of small segments: 46 s at 5,000
    else:
        writer.cancel()
    if _worth_optimising(ix, batch):
        ix.optimize()
    return IndexStats(added, updated, len(removed), len(seen) - added - updated)


def _worth_optimising(ix: index.Index, batch: int) -> bool:
    """Whether to merge the whole index: a tenth of it deleted, or many small segments.

    Each build that changes a few articles adds a segment of its own; past
    ``EXTRA_SEGMENTS`` of them beyond the batches' segments, searching pays for
    them, and one merge (which a warm build otherwise never pays) folds them in.
    """
    total, live = ix.doc_count_all(), ix.doc_count()
    with ix.reader() as reader:
        segments = len(list(reader.leaf_readers()))
    return total - live > total / 10 or segments > -(-live // batch) + EXTRA_SEGMENTS


EXTRA_SEGMENTS = 32


def refresh_index(
    index_dir: Path,
    documents: Sequence[SearchDocument],
    tell: Callable[[str], None],
    *,
    lock_wait: float = 0.0,
    advance: Callable[[], None] | None = None,
) -> IndexStats:
    """:func:`update_index`, healing an index that is corrupt, locked or vanished mid-way.

    The index is a cache of the articles, so whatever broke it (a truncated
    segment, a garbage table of contents, a folder deleted during the build, a
    writer that holds its lock) a fresh index built beside it and switched in is
    right; ``tell`` gets the one line that says so.
    """
    try:
        return update_index(index_dir, documents, lock_wait=lock_wait, advance=advance)
    except LockError:
        tell(f"search index {index_dir} is locked by another writer: rebuilt it beside")
    except Exception as error:  # any damage at all: the cache is rebuilt, never trusted
        tell(f"search index {index_dir} is damaged ({_describe(error)}): rebuilt it")
    return _rebuild(index_dir, documents)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:160]


def _rebuild(index_dir: Path, documents: Sequence[SearchDocument]) -> IndexStats:
    """A fresh index put in the place of ``index_dir`` by renames (readers see one or the other)."""
    fresh = index_dir.with_name(f"{index_dir.name}.new-{os.getpid()}")
    old = index_dir.with_name(f"{index_dir.name}.old-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    stats = update_index(fresh, documents)
    if index_dir.exists():
        os.replace(index_dir, old)
    os.replace(fresh, index_dir)
    shutil.rmtree(old, ignore_errors=True)
    return stats


def _completer(searcher: Searcher) -> Callable[[str], list[str]]:
    reader = searcher.reader()
    return lambda start: [t.decode("utf-8") for t in reader.expand_prefix("exact", start)]


def _scoring_query(parsed: Query) -> query.Query:
    """Every group must match; a named group also matches its entity's articles, scoring 0.

    Its entity may be mentioned only by words no engine indexes ("US").
    """
    named = {n.group: n.entity for n in parsed.named}
    return query.And(
        [
            query.Or(
                [query.Term("title", s, boost=TITLE_BOOST) for s in group]
                + [query.Term("body", s) for s in group]
                + ([query.Term("entities", named[group], boost=0.0)] if group in named else [])
            )
            for group in parsed.groups
        ]
    )


def _phrase_articles(reader: IndexReader, phrase: tuple[str, ...]) -> set[int] | None:
    """Articles whose unstemmed text holds ``phrase`` word for word.

    Stop words and one-letter words hold their place but are not compared: the
    browser keeps no positions for them (they would be the largest lists of all),
    and both sides must agree. ``None`` when no word of the phrase is indexed.
    """
    slots = []
    for offset, word in enumerate(phrase):
        if indexed(word):
            if ("exact", word) not in reader:  # type: ignore[operator]  # readers have __contains__
                return set()
            found = reader.postings("exact", word).items_as("positions")
            slots.append((offset, {doc: set(where) for doc, where in found}))
    if not slots:
        return None
    (start, first), rest = slots[0], slots[1:]
    return {
        doc
        for doc, where in first.items()
        if all(doc in other for _, other in rest)
        and any(all(p - start + k in other[doc] for k, other in rest) for p in where)
    }


def _holding(groups: tuple[tuple[str, ...], ...]) -> query.Query:
    """Articles holding a stem of each group, in title or body."""
    return query.And(
        [query.Or([query.Term(f, s) for s in group for f in ("title", "body")]) for group in groups]
    )


def _allowed(
    searcher: Searcher,
    parsed: Query,
    entity: str | None,
    source: str | None,
    since: str | None,
    until: str | None,
) -> set[int] | None:
    """The articles the phrases and filters leave, or ``None`` if nothing is filtered."""
    parts: list[query.Query] = []
    if entity:
        parts.append(query.Term("entities", entity))
    if source:
        parts.append(query.Term("source", source))
    if since or until:
        parts.append(query.TermRange("date", since or None, until and f"{until}\uffff"))
    allowed = set(searcher.docs_for_query(query.And(parts))) if parts else None
    for named in parsed.named:
        mention = query.Term("entities", named.entity)
        either = query.Or([mention, _holding(named.parts)]) if named.parts else mention
        named_docs = set(searcher.docs_for_query(either))
        allowed = named_docs if allowed is None else allowed & named_docs
    for phrase in parsed.phrases:
        found = _phrase_articles(searcher.reader(), phrase)
        if found is not None:
            allowed = found if allowed is None else allowed & found
    return allowed


def _correction(reader: IndexReader, word: str) -> str | None:
    """The most frequent indexed word at the smallest edit distance (1, else 2).

    Whoosh's own corrector ranks by frequency alone, so "kag" would become "a".
    """
    for distance in (1, 2):
        found = [t for t in reader.terms_within("exact", word, distance) if indexed(t)]
        if found:
            return min(found, key=lambda t: (-reader.frequency("exact", t), t))
    return None


def _suggestion(searcher: Searcher, text: str, parsed: Query) -> str | None:
    """``text`` with each unknown word replaced by its correction, if any was found."""
    reader = searcher.reader()
    suggested = text
    named = {word for n in parsed.named for word in n.words}
    for word in dict.fromkeys(parsed.words):
        if not indexed(word) or word in named or reader.doc_frequency("exact", word):
            continue
        found = _correction(reader, word)
        if found:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            suggested = pattern.sub(found, suggested, count=1)
    return suggested if suggested != text else None


def search(
    index_dir: Path,
    text: str,
    *,
    entity: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 10,
    prefix: bool = False,
) -> SearchResults:
    """Ranked articles for ``text``, with facet counts over every match.

    ``since`` and ``until`` are ISO dates (or months), both inclusive; ``prefix``
    matches the last word as typed so far, as the browser does.
    """
    ix = open_index(index_dir)
    names = Names.load(index_dir)
    with ix.searcher() as searcher:
        parsed = parse_query(text, _completer(searcher) if prefix else None, names)
        suggestion = _suggestion(searcher, text, parsed)
        named = tuple(dict.fromkeys(names.entities[n.entity] for n in parsed.named))
        allowed = _allowed(searcher, parsed, entity, source, since, until)
        if not parsed.groups or allowed == set():
            return SearchResults(text, 0, (), {}, suggestion, named)
        facets = {
            name: sorting.FieldFacet(column, allow_overlap=name == "entity")
            for name, column in _FACETS.items()
        }
        found = searcher.search(
            _scoring_query(parsed),
            filter=allowed,
            limit=limit,
            groupedby=facets,
            maptype=sorting.Count,
        )
        hits = tuple(
            Hit(
                slug=hit["slug"],
                title=hit["title"],
                url=hit["url"],
                date=hit["date"],
                source=hit["source"],
                score=hit.score or 0.0,
                snippet=snippet(hit["body"], parsed.stems),
            )
            for hit in found[:limit]
        )
        counts = {name: dict(found.groups(name)) for name in facets}
        return SearchResults(text, len(found), hits, counts, suggestion, named)
