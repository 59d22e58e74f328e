"""The browser's search index under ``output/search/``, sharded so a first query loads little.

Why these files, in this form (measurements in ``bench/README.md``):

- Every file is a small script, ``window.__archiveSearch.load(KEY, PAYLOAD)``, whose
  payload is plain JSON. A copy of the site opened from disk (``file://``) may not
  ``fetch()`` a ``.json`` file in Chromium, but it may run a ``<script>``; so the
  JSON index travels inside scripts. No ``.json`` twin is written: it would double
  the files for no page that reads it.
- ``manifest.js`` (loaded first, ~10 KB): ranking constants, stop words, the first
  key of every shard, facet values, and the article-id runs of each month and source.
- ``t/N.js``: term shards, contiguous ranges of the sorted keys, cut at
  ``SHARD_BYTES``. A key is a stem, with its postings and result cards, or an
  indexed word, with its stem. Ranges (not hashes) keep a prefix's words together,
  so completing the last word typed reads one or two shards, and a word's stem
  usually sits in the same shard. A query reads one shard per word.
- ``p/N.js``: word positions, read only for quoted phrases.
- ``d/N.js``: ``BUNDLE_DOCS`` articles each: title, url, date, opening words; read
  only for results that no loaded card describes.
- ``facets.js``: the articles naming each entity, for the entity facet.

Then every file but the manifest is renamed after its content, ``t/<hash>.js``
(:func:`archive.search.index_files.hash_file_names`), and the manifest lists the
hashes. This module lays the index out; :mod:`archive.search.impacts` scores it,
:mod:`archive.search.encoding` writes its numbers, :mod:`archive.search.index_files`
its files.

Postings are impact-scored: each (stem, article) carries its whole BM25F score
(title and body, with Whoosh's formulas and its one-byte field lengths), log-
quantised to 12 bits. The browser adds numbers and needs no field lengths, and
ranks as Whoosh does up to near-ties. Numbers are base-64 digits: a ``varint``
digit carries 5 bits and says whether another follows.

The result cards solve the costliest part of a first query: ten results need
ten titles and snippets, and any file that holds more than one article's text
costs its whole size per result. Each stem keeps cards for its ``CARDS`` best
articles, so a one-word query (and most others) shows its results from the shard
it already loaded.

Article ids follow (month, source, date, slug), so months and sources are id
ranges: their facets cost a few hundred bytes, not a byte per article.
"""

from __future__ import annotations

import bisect
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import cast

from archive.search.analysis import MIN_PREFIX, PREFIX_LIMIT, STOP, TOKEN, SearchDocument
from archive.search.encoding import bitmap, deltas, varint
from archive.search.impacts import (
    Analysed,
    Impacts,
    Stems,
    analyse,
    article_order,
    positions,
)
from archive.search.index_files import (
    HASH_LENGTH,
    IndexFiles,
    hash_file_names,
    replace_changed,
    write_shards,
)
from archive.search.names import EMPTY, Names
from archive.search.snippets import SNIPPET_LEAD, SNIPPET_WORDS, window
from archive.search.whoosh_index import IndexStats, refresh_index

SHARD_BYTES = 48_000
POSITION_SHARD_BYTES = 96_000
BUNDLE_DOCS = 40
CARD_MIN_DF = 10  # cards of rarer stems leave title, url and date to the bundles
LEDE_WORDS = 12  # a bundle's snippet, for a result no card describes
INDEX_VERSION = 2  # the manifest's layout; search-rank.js reads this one only


@dataclass(frozen=True)
class BrowserIndexStats:
    """What was written: files and bytes, by kind."""

    files: dict[str, int]
    bytes: dict[str, int]

    @property
    def total_files(self) -> int:
        """All files of the index."""
        return sum(self.files.values())

    @property
    def total_bytes(self) -> int:
        """All bytes of the index."""
        return sum(self.bytes.values())


@dataclass(frozen=True)
class SearchBuildStats:
    """What ``build_search`` did, and how long each index took."""

    whoosh: IndexStats
    browser: BrowserIndexStats
    whoosh_seconds: float
    browser_seconds: float


def _anchors(doc: SearchDocument) -> Callable[[int], str]:
    """The id of the paragraph that holds a character of the body ("" without ids)."""
    starts, offset = [], 0
    for _, text in doc.paragraphs:
        starts.append(offset)
        offset += len(text) + 2  # the blank line between paragraphs
    return lambda char: doc.paragraphs[bisect.bisect_right(starts, char) - 1][0] if starts else ""


def _cards(
    impacts: Impacts, analysed: list[Analysed], ordered: list[SearchDocument]
) -> dict[str, list[list[object]]]:
    """Result cards of each stem's ``CARDS`` best articles: what a result shows.

    A card is ``[id, snippet, paragraph id]``: the window at the stem's first word
    in the body (the window ``excerpt`` picks for that stem alone) or the opening
    words, and where it is, for a link to the passage. A stem in ``CARD_MIN_DF``
    articles or more also carries title, url and date, ``[id, title, url, date,
    snippet, paragraph id]``: its results need no bundle. Rarer stems have few
    results, whose bundles cost less than the titles would.
    """
    best = {s: impacts.best(s) for s in impacts.raw}
    wanted: dict[int, list[str]] = defaultdict(list)
    for s, doc_ids in best.items():
        for doc_id in doc_ids:
            wanted[doc_id].append(s)
    cards: dict[str, list[list[object]]] = defaultdict(list)
    for doc_id in sorted(wanted):
        doc, first = ordered[doc_id], analysed[doc_id].first
        starts = {s: max(0, first.get(s, 0) - SNIPPET_LEAD) for s in wanted[doc_id]}
        tokens = list(islice(TOKEN.finditer(doc.body), max(starts.values()) + SNIPPET_WORDS + 1))
        anchors = _anchors(doc)
        for s, start in starts.items():
            text = window(doc.body, tokens, start)
            anchor = anchors(tokens[start].start() if tokens else 0)
            full = len(impacts.raw[s]) >= CARD_MIN_DF
            head = [doc_id, doc.title, doc.url, doc.date] if full else [doc_id]
            cards[s].append([*head, text, anchor])
    for s, found in cards.items():
        found.sort(key=lambda card: best[s].index(cast(int, card[0])))
    return cards


def _term_entries(
    impacts: Impacts, stems: Stems, cards: dict[str, list[list[object]]]
) -> Iterator[tuple[str, object, int]]:
    """Each key once. A stem: ``[postings, is_a_word, cards]``; a word: its stem."""
    surface = {w: s for w, s in stems.items() if s}
    for key in sorted(impacts.raw.keys() | surface.keys()):
        if key in impacts.raw:
            value: object = [impacts.encode(key), int(surface.get(key) == key), cards.get(key, [])]
        else:
            value = surface[key]
        yield key, value, len(key) + len(str(value))


def _position_entries(ordered: list[SearchDocument]) -> Iterator[tuple[str, object, int]]:
    """A word's value: per article, the id gap, the count, then the position gaps."""
    by_word: dict[str, list[str]] = defaultdict(list)
    last: dict[str, int] = defaultdict(lambda: -1)
    stems = Stems()
    for doc_id, doc in enumerate(ordered):
        for word, found in positions(doc, stems).items():
            gap = doc_id - last[word] - 1
            by_word[word].append(varint(gap) + varint(len(found)) + deltas(found))
            last[word] = doc_id
    for word in sorted(by_word):
        value = "".join(by_word[word])
        yield word, value, len(word) + len(value) + 6


def _facet_ranges(ordered: list[SearchDocument]) -> tuple[list[str], list[str], str]:
    """Months, sources, and the runs of articles sharing both, as varints."""
    months = sorted({d.date[:7] for d in ordered})
    sources = sorted({d.source for d in ordered})
    runs: list[tuple[int, int, int]] = []
    for doc_id, doc in enumerate(ordered):
        key = (months.index(doc.date[:7]), sources.index(doc.source))
        if not runs or runs[-1][1:] != key:
            runs.append((doc_id, *key))
    ends = [start for start, *_ in runs[1:]] + [len(ordered)]
    encoded = "".join(
        varint(end - start) + varint(m) + varint(s)
        for (start, m, s), end in zip(runs, ends, strict=True)
    )
    return months, sources, encoded


def _entities(ordered: list[SearchDocument]) -> tuple[list[list[str]], dict[str, str]]:
    """Entity ids and names, most frequent first; the articles of each, gaps or a bitmap."""
    names: dict[str, str] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for doc_id, doc in enumerate(ordered):
        for entity, name in zip(doc.entities, doc.entity_names, strict=False):
            names.setdefault(entity, name)
            postings[entity].append(doc_id)
    listed = sorted(names, key=lambda e: (-len(postings[e]), e))
    encoded = {}
    for entity in listed:
        gaps, bits = deltas(postings[entity]), bitmap(postings[entity], len(ordered))
        encoded[entity] = gaps if len(gaps) <= len(bits) else "=" + bits
    return [[e, names[e]] for e in listed], encoded


def _bundle(doc: SearchDocument) -> list[object]:
    opening = list(islice(TOKEN.finditer(doc.body), LEDE_WORDS + 1))
    return [doc.title, doc.url, doc.date, window(doc.body, opening, 0, LEDE_WORDS)]


def write_browser_index(
    documents: Sequence[SearchDocument],
    folder: Path,
    shard_bytes: int = SHARD_BYTES,
    names: Names = EMPTY,
) -> BrowserIndexStats:
    """Write the browser index into ``folder`` (``output/search``), replacing any old one.

    It is written beside ``folder`` first; only the files that differ are then
    moved in (see :func:`replace_changed`). ``shard_bytes`` is there for the
    benchmark, which compares layouts; ``names`` is the registry's vocabulary
    (:mod:`archive.search.names`).
    """
    staging = folder.with_name(folder.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    stats = _write_index(documents, staging, shard_bytes, names)
    replace_changed(staging, folder)
    return stats


def _write_index(
    documents: Sequence[SearchDocument], folder: Path, shard_bytes: int, names: Names
) -> BrowserIndexStats:
    ordered = article_order(documents)
    writer = IndexFiles(folder)
    stems = Stems()
    analysed = [analyse(doc, stems) for doc in ordered]
    impacts = Impacts(analysed)
    for start in range(0, len(ordered), BUNDLE_DOCS):
        chunk = ordered[start : start + BUNDLE_DOCS]
        writer.write("d", str(start // BUNDLE_DOCS), [_bundle(doc) for doc in chunk])
    entities, entity_postings = _entities(ordered)
    writer.write("f", "facets", entity_postings)
    months, sources, runs = _facet_ranges(ordered)
    cards = _cards(impacts, analysed, ordered)
    terms = write_shards(writer, "t", _term_entries(impacts, stems, cards), shard_bytes)
    position_firsts = write_shards(writer, "p", _position_entries(ordered), POSITION_SHARD_BYTES)
    manifest = {
        "version": INDEX_VERSION,
        "files": hash_file_names(folder),
        "hash": HASH_LENGTH,
        "articles": len(ordered),
        "terms": terms,
        "positions": position_firsts,
        "bundle": BUNDLE_DOCS,
        "impact": [impacts.low, impacts.step],
        "stop": sorted(STOP),
        "prefix": [MIN_PREFIX, PREFIX_LIMIT],
        "months": months,
        "sources": sources,
        "runs": runs,
        "entities": entities,
        "names": names.to_json(),
    }
    writer.write("m", "manifest", manifest)
    return BrowserIndexStats(dict(writer.files), dict(writer.bytes))


def build_search(
    documents: Sequence[SearchDocument],
    output_dir: Path,
    whoosh_dir: Path,
    names: Names = EMPTY,
    tell: Callable[[str], None] = print,
    *,
    lock_wait: float = 0.0,
    advance: Callable[[], None] | None = None,
) -> SearchBuildStats:
    """Write both indexes: Whoosh in ``whoosh_dir`` (incremental, healed if damaged), the
    browser's in ``output_dir/search``.

    Both get the same name vocabulary.
    """
    started = time.perf_counter()
    whoosh = refresh_index(whoosh_dir, documents, tell, lock_wait=lock_wait, advance=advance)
    names.save(whoosh_dir)
    middle = time.perf_counter()
    browser = write_browser_index(documents, output_dir / "search", names=names)
    return SearchBuildStats(whoosh, browser, middle - started, time.perf_counter() - middle)
