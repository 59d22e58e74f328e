"""Candidate reuse in near-linear time: word n-grams (shingles) that two articles share.

Comparing every pair of articles is quadratic; an inverted index of shingles is
not. Every run of ``n`` words of every article is hashed (numpy, 64 bits: a
collision is rarer than a typo, and verification would drop it anyway); sorting
the hashes brings equal shingles together, in O(N log N) for N words in all.
Each occurrence of a shingle is then linked to the previous occurrence in another
article (a path through its postings, not all pairs, so a frequent phrase costs
linear time), and each link is a *seed*: two positions where the articles agree
on ``n`` words. ``reuse`` chains the seeds and verifies them by alignment.

Words are runs of letters and digits, lower-cased; ids are given in order of first
appearance over the articles as given, so that the same input gives the same
hashes and the same output, whatever Python's string hashing does.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

WORD = re.compile(r"\w+")
_MULTIPLIERS = np.array(  # odd 64-bit constants, one per position in the shingle
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93,
     0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3,
     0x1D8E4E27C47D124F, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63],
    dtype=np.uint64,
)  # fmt: skip
Array = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Corpus:
    """Every article's words as ids, end to end; ``starts[d]`` is where article d begins."""

    ids: Array
    starts: Array  # len(articles) + 1 offsets into ``ids``

    def words(self, doc: int) -> list[int]:
        words: list[int] = self.ids[self.starts[doc] : self.starts[doc + 1]].tolist()
        return words


@dataclass(frozen=True)
class Seeds:
    """Pairs of positions (article a, word i) ~ (article b, word j) that share a shingle, a < b."""

    doc_a: Array
    pos_a: Array
    doc_b: Array
    pos_b: Array


def corpus(articles: Sequence[Sequence[str]]) -> Corpus:
    """The word ids of each article, whose paragraphs are given in order (ids follow
    first appearance)."""
    found: list[str] = []
    starts = [0]
    for paragraphs in articles:
        found += lower_words("\n".join(paragraphs))
        starts.append(len(found))
    vocabulary = dict(zip(dict.fromkeys(found), itertools.count()))
    ids = np.fromiter(map(vocabulary.__getitem__, found), dtype=np.int64, count=len(found))
    return Corpus(ids, np.array(starts, dtype=np.int64))


def lower_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, as many as :func:`word_spans` finds."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return WORD.findall(lowered)
    return [w.lower() for w in WORD.findall(text)]  # "İ" lower-cased is two characters


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of a paragraph stands."""
    return [m.span() for m in WORD.finditer(text)]


def _mix(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The splitmix64 finaliser: nearby ids get unrelated bits."""
    values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def shingle_hashes(text: Corpus, n: int) -> tuple[npt.NDArray[np.uint64], Array, Array]:
    """Hash of every run of ``n`` words inside one article; its first word; its article."""
    if n > len(_MULTIPLIERS):
        raise ValueError(f"shingles of at most {len(_MULTIPLIERS)} words")
    total = max(0, len(text.ids) - n + 1)
    with np.errstate(over="ignore"):
        mixed = _mix(text.ids.astype(np.uint64) + np.uint64(1))
        hashes = np.zeros(total, dtype=np.uint64)
        for k in range(n):
            hashes += mixed[k : k + total] * _MULTIPLIERS[k]
    doc = np.repeat(np.arange(len(text.starts) - 1), np.diff(text.starts))
    inside = np.flatnonzero(doc[:total] == doc[n - 1 : n - 1 + total])
    return hashes[inside], inside, doc[inside]


def seeds(text: Corpus, n: int, max_occurrences: int) -> Seeds:
    """Every occurrence of a shared shingle linked to its previous one in another article.

    A shingle met more than ``max_occurrences`` times is a formula ("the two sides
    agreed to"), not evidence of reuse, and is left out (as passim does).
    """
    hashes, positions, doc = shingle_hashes(text, n)
    # Only shingles met twice matter: find them with a fast sort, then put their
    # occurrences in (hash, text position) order, which the links below rely on.
    order = np.argsort(hashes)
    ordered = hashes[order]
    first = np.flatnonzero(np.append(True, ordered[1:] != ordered[:-1]))
    sizes = np.diff(np.append(first, len(ordered)))
    size = np.repeat(sizes, sizes)
    keep = np.sort(order[(size >= 2) & (size <= max_occurrences)])  # text order
    keep = keep[np.argsort(hashes[keep], kind="stable")]
    hashes, positions, doc = hashes[keep], positions[keep], doc[keep]
    new_shingle = np.ones(len(hashes), dtype=bool)
    new_shingle[1:] = hashes[1:] != hashes[:-1]
    new_run = new_shingle.copy()  # a run: one article's occurrences of one shingle
    new_run[1:] |= doc[1:] != doc[:-1]
    run_start = np.maximum.accumulate(np.where(new_run, np.arange(len(hashes)), 0))
    current = np.flatnonzero(~new_shingle[run_start])  # not in the shingle's first article
    before = run_start[current] - 1  # the last occurrence in the article before
    starts = text.starts
    return Seeds(
        doc[before], positions[before] - starts[doc[before]],
        doc[current], positions[current] - starts[doc[current]],
    )  # fmt: skip
