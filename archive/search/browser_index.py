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
(:func:`hash_file_names`), and the manifest lists the hashes.

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

import base64
import bisect
import hashlib
import heapq
import json
import math
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import cast

from whoosh.util.numeric import byte_to_length, length_to_byte

from archive.search.analysis import (
    BM25_B,
    BM25_K1,
    MIN_PREFIX,
    PREFIX_LIMIT,
    STOP,
    TITLE_BOOST,
    TOKEN,
    SearchDocument,
    indexed,
    stem,
    words,
)
from archive.search.names import EMPTY, Names
from archive.search.snippets import SNIPPET_LEAD, SNIPPET_WORDS, window
from archive.search.whoosh_index import IndexStats, refresh_index

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
SHARD_BYTES = 48_000
POSITION_SHARD_BYTES = 96_000
BUNDLE_DOCS = 40
CARDS = 10  # result cards kept with a stem: its best-scoring articles
CARD_MIN_DF = 10  # cards of rarer stems leave title, url and date to the bundles
LEDE_WORDS = 12  # a bundle's snippet, for a result no card describes
IMPACT_LEVELS = 4096  # two digits
LOADER = "window.__archiveSearch.load"
INDEX_VERSION = 2  # the manifest's layout; search-rank.js reads this one only
HASH_LENGTH = 8  # characters of a file's content hash in its name (base 32: 40 bits)
_SMALL = 4096


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


def _varint(value: int) -> str:
    out = [DIGITS[value & 31]]
    value >>= 5
    while value:
        out.append(DIGITS[32 | (value & 31)])
        value >>= 5
    return "".join(reversed(out))


_VARINTS = [_varint(v) for v in range(_SMALL)]


def varint(value: int) -> str:
    """``value`` in base-32 digits, most significant first; all but the last are flagged."""
    return _VARINTS[value] if value < _SMALL else _varint(value)


def deltas(numbers: Iterable[int]) -> str:
    """Ascending numbers as the varints of their gaps (the first from -1)."""
    previous = -1
    out = []
    for number in numbers:
        out.append(varint(number - previous - 1))
        previous = number
    return "".join(out)


def decode(text: str) -> list[int]:
    """The numbers of a run of varints (what ``search-decode.js`` reads; for tests)."""
    numbers, value = [], 0
    for char in text:
        digit = DIGITS.index(char)
        value = (value << 5) | (digit & 31)
        if digit < 32:
            numbers.append(value)
            value = 0
    return numbers


def bitmap(numbers: Iterable[int], size: int) -> str:
    """A set of numbers below ``size`` as a bitmap, six bits a digit."""
    bits = bytearray((size + 5) // 6)
    for number in numbers:
        bits[number // 6] |= 1 << (number % 6)
    return "".join(DIGITS[b] for b in bits)


def length_norm(length: int, average: float) -> float:
    """BM25's length term ``K1 * (1 - B + B * length / average)``, as Whoosh computes it.

    Whoosh stores a field's length in one byte, so it is rounded the same way here.
    """
    stored = byte_to_length(length_to_byte(length))
    return BM25_K1 * (1 - BM25_B + BM25_B * stored / average)


class _Stems(dict[str, str]):
    """Word -> stem, "" for words not indexed: each distinct word is stemmed once."""

    def __missing__(self, word: str) -> str:
        found = self[word] = stem(word) if indexed(word) else ""
        return found


@dataclass
class _Analysed:
    """One article's stems (title, body) and the first body word of each stem."""

    title: Counter[str]
    body: Counter[str]
    first: dict[str, int]


def _analyse(doc: SearchDocument, stems: _Stems) -> _Analysed:
    title_stems = [stems[w] for w in words(doc.title)]
    body_stems = [stems[w] for w in words(doc.body)]
    first = {found: i for i, found in reversed(list(enumerate(body_stems)))}
    first.pop("", None)
    title, body = Counter(title_stems), Counter(body_stems)
    del title[""], body[""]
    return _Analysed(title, body, first)


def _positions(doc: SearchDocument, stems: _Stems) -> dict[str, list[int]]:
    """Where each indexed word stands in title and body (Whoosh's phrase positions)."""
    positions: dict[str, list[int]] = defaultdict(list)
    for pos, word in enumerate(words(doc.title) + words(doc.body)):
        if stems[word]:
            positions[word].append(pos)
    return positions


def article_order(documents: Sequence[SearchDocument]) -> list[SearchDocument]:
    """Article ids: by month, then source, date and slug, so facets are id ranges."""
    return sorted(documents, key=lambda d: (d.date[:7], d.source, d.date, d.slug))


def _idf(counts: Iterable[Counter[str]], n: int) -> dict[str, float]:
    """Whoosh's idf, ``log(N / (df + 1)) + 1``, of every stem of one field."""
    df = Counter(s for c in counts for s in c)
    return {s: math.log(n / (d + 1)) + 1 for s, d in df.items()}


class _Impacts:
    """BM25F impacts of every (stem, article), quantised on a log scale."""

    def __init__(self, analysed: list[_Analysed]) -> None:
        n = len(analysed) or 1
        fields = [[a.title for a in analysed], [a.body for a in analysed]]
        self.raw: dict[str, list[tuple[int, float]]] = defaultdict(list)
        scores: list[dict[str, float]] = [defaultdict(float) for _ in analysed]
        for counts, boost in zip(fields, (TITLE_BOOST, 1.0), strict=True):
            idf = _idf(counts, n)
            average = sum(c.total() for c in counts) / n or 1.0
            for doc_scores, c in zip(scores, counts, strict=True):
                norm = length_norm(c.total(), average)
                for s, tf in c.items():
                    doc_scores[s] += boost * idf[s] * tf * (BM25_K1 + 1) / (tf + norm)
        for doc_id, doc_scores in enumerate(scores):
            for s, score in doc_scores.items():
                self.raw[s].append((doc_id, score))
        values = [v for postings in self.raw.values() for _, v in postings] or [1.0]
        self.low = math.log(min(values))
        self.step = (math.log(max(values)) - self.low) / (IMPACT_LEVELS - 1) or 1.0

    def encode(self, s: str) -> str:
        """The postings of ``s``: article-id gap, then the impact in two digits."""
        out, previous, low, step = [], -1, self.low, self.step
        for doc_id, value in self.raw[s]:
            level = round((math.log(value) - low) / step)
            out.append(varint(doc_id - previous - 1) + DIGITS[level >> 6] + DIGITS[level & 63])
            previous = doc_id
        return "".join(out)

    def best(self, s: str) -> list[int]:
        """The ids of the ``CARDS`` articles that score highest for ``s`` alone."""
        ranked = heapq.nlargest(CARDS, self.raw[s], key=lambda posting: posting[1])
        return [doc_id for doc_id, _ in ranked]


def _shards(entries: Iterable[tuple[str, object, int]], limit: int) -> Iterator[dict[str, object]]:
    """Cut sorted ``(key, value, size)`` entries into consecutive shards of about ``limit``."""
    shard: dict[str, object] = {}
    size = 0
    for key, value, weight in entries:
        if shard and size + weight > limit:
            yield shard
            shard, size = {}, 0
        shard[key] = value
        size += weight
    if shard:
        yield shard


def _anchors(doc: SearchDocument) -> Callable[[int], str]:
    """The id of the paragraph that holds a character of the body ("" without ids)."""
    starts, offset = [], 0
    for _, text in doc.paragraphs:
        starts.append(offset)
        offset += len(text) + 2  # the blank line between paragraphs
    return lambda char: doc.paragraphs[bisect.bisect_right(starts, char) - 1][0] if starts else ""


def _cards(
    impacts: _Impacts, analysed: list[_Analysed], ordered: list[SearchDocument]
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
    impacts: _Impacts, stems: _Stems, cards: dict[str, list[list[object]]]
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
    stems = _Stems()
    for doc_id, doc in enumerate(ordered):
        for word, found in _positions(doc, stems).items():
            gap = doc_id - last[word] - 1
            by_word[word].append(varint(gap) + varint(len(found)) + deltas(found))
            last[word] = doc_id
    for word in sorted(by_word):
        value = "".join(by_word[word])
        yield word, value, len(word) + len(value) + 6


class _Writer:
    """Writes payloads as loader scripts and counts files and bytes by kind."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: Counter[str] = Counter()
        self.bytes: Counter[str] = Counter()

    def write(self, kind: str, key: str, payload: object) -> None:
        name = f"{kind}/{key}.js" if kind in ("t", "p", "d") else f"{key}.js"
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        text = f'{LOADER}("{kind}{key}",{data});\n'.encode()
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
        self.files[kind] += 1
        self.bytes[kind] += len(text)


def _write_shards(
    writer: _Writer, kind: str, entries: Iterable[tuple[str, object, int]], limit: int
) -> list[str]:
    firsts = []
    for number, shard in enumerate(_shards(entries, limit)):
        writer.write(kind, str(number), shard)
        firsts.append(next(iter(shard)))
    return firsts


def hash_file_names(folder: Path) -> dict[str, str]:
    """Rename each index file but the manifest to ``<kind>/<hash>.js``; return the hashes.

    A name that changes with the content means a browser never holds two builds'
    versions of one file, and the manifest (the one fixed name) lists exactly its own
    build's files: a cached older manifest reads only older files. Per kind (``t``,
    ``p``, ``d``, ``f`` for the facets), the hashes of its files in shard order, run
    together (``HASH_LENGTH`` characters each): every first query loads the manifest,
    which costs it 8 bytes a file rather than 11 in a JSON list.
    """
    logical = {
        kind: sorted(folder.glob(f"{kind}/*.js"), key=lambda p: int(p.stem)) for kind in "tpd"
    }
    logical["f"] = [folder / "facets.js"]
    hashes: dict[str, str] = {}
    for kind, paths in logical.items():
        names = []
        for path in paths:
            digest = base64.b32encode(hashlib.sha256(path.read_bytes()).digest())
            name = digest.decode().lower()[:HASH_LENGTH]
            target = folder / kind / f"{name}.js"
            if target.exists():  # two contents, one short hash: never overwrite
                raise RuntimeError(f"two search index files hash to {target}")
            target.parent.mkdir(exist_ok=True)
            path.rename(target)
            names.append(name)
        hashes[kind] = "".join(names)
    return hashes


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
    moved in (see :func:`_replace_changed`). ``shard_bytes`` is there for the
    benchmark, which compares layouts; ``names`` is the registry's vocabulary
    (:mod:`archive.search.names`).
    """
    staging = folder.with_name(folder.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    stats = _write_index(documents, staging, shard_bytes, names)
    _replace_changed(staging, folder)
    return stats


def _replace_changed(staging: Path, folder: Path) -> None:
    """Make ``folder`` hold exactly ``staging``'s files, leaving identical ones untouched.

    Index files are named by their content's hash, so an unchanged shard keeps
    its file (and its time stamp: a sync to the server skips it).
    """
    new = {p.relative_to(staging) for p in staging.rglob("*") if p.is_file()}
    old = (
        {p.relative_to(folder) for p in folder.rglob("*") if p.is_file()}
        if folder.is_dir()
        else set()
    )
    for name in old - new:
        (folder / name).unlink()
    for name in new:
        target = folder / name
        if name in old and target.read_bytes() == (staging / name).read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(target)
    shutil.rmtree(staging)


def _write_index(
    documents: Sequence[SearchDocument], folder: Path, shard_bytes: int, names: Names
) -> BrowserIndexStats:
    ordered = article_order(documents)
    writer = _Writer(folder)
    stems = _Stems()
    analysed = [_analyse(doc, stems) for doc in ordered]
    impacts = _Impacts(analysed)
    for start in range(0, len(ordered), BUNDLE_DOCS):
        chunk = ordered[start : start + BUNDLE_DOCS]
        writer.write("d", str(start // BUNDLE_DOCS), [_bundle(doc) for doc in chunk])
    entities, entity_postings = _entities(ordered)
    writer.write("f", "facets", entity_postings)
    months, sources, runs = _facet_ranges(ordered)
    cards = _cards(impacts, analysed, ordered)
    terms = _write_shards(writer, "t", _term_entries(impacts, stems, cards), shard_bytes)
    position_firsts = _write_shards(writer, "p", _position_entries(ordered), POSITION_SHARD_BYTES)
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
