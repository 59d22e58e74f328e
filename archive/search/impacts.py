"""What the browser index ranks by: each article's stems, and BM25F impacts as Whoosh scores.

Postings are impact-scored: each (stem, article) carries its whole BM25F score
(title and body, with Whoosh's formulas and its one-byte field lengths), log-
quantised to 12 bits, so the browser adds numbers and needs no field lengths.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whoosh.util.numeric import byte_to_length, length_to_byte

from archive.search.analysis import (
    BM25_B,
    BM25_K1,
    TITLE_BOOST,
    SearchDocument,
    indexed,
    stem,
    words,
)
from archive.search.encoding import DIGITS, varint

CARDS = 10  # result cards kept with a stem: its best-scoring articles
IMPACT_LEVELS = 4096  # two digits


def length_norm(length: int, average: float) -> float:
    """BM25's length term ``K1 * (1 - B + B * length / average)``, as Whoosh computes it.

    Whoosh stores a field's length in one byte, so it is rounded the same way here.
    """
    stored = byte_to_length(length_to_byte(length))
    return BM25_K1 * (1 - BM25_B + BM25_B * stored / average)


class Stems(dict[str, str]):
    """Word -> stem, "" for words not indexed: each distinct word is stemmed once."""

    def __missing__(self, word: str) -> str:
        found = self[word] = stem(word) if indexed(word) else ""
        return found


@dataclass
class Analysed:
    """One article's stems (title, body) and the first body word of each stem."""

    title: Counter[str]
    body: Counter[str]
    first: dict[str, int]


def analyse(doc: SearchDocument, stems: Stems) -> Analysed:
    title_stems = [stems[w] for w in words(doc.title)]
    body_stems = [stems[w] for w in words(doc.body)]
    first = {found: i for i, found in reversed(list(enumerate(body_stems)))}
    first.pop("", None)
    title, body = Counter(title_stems), Counter(body_stems)
    del title[""], body[""]
    return Analysed(title, body, first)


def positions(doc: SearchDocument, stems: Stems) -> dict[str, list[int]]:
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


class Impacts:
    """BM25F impacts of every (stem, article), quantised on a log scale."""

    def __init__(self, analysed: list[Analysed]) -> None:
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
