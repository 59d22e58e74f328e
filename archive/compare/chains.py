"""Candidate passages from chained seeds, verified and extended by word alignment.

Steps 2 and 3 of ``reuse`` (see its docstring): seeds of one pair of articles
that follow each other form a candidate; the candidate's two stretches are
aligned (rapidfuzz's Levenshtein alignment, C++), the best-scoring local stretch
of that alignment is the passage, and the margin grows while that stretch reaches
it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from archive.compare.shingles import Corpus, Seeds, seeds

Candidate = tuple[int, int, int, int, int, int]  # doc a, start a, end a, doc b, start b, end b


@dataclass(frozen=True)
class ReuseOptions:
    """What counts as reuse (``bench/eval_reuse.py`` measures these defaults)."""

    min_words: int = 25
    shingle: int = 5
    max_occurrences: int = 100  # a shingle more frequent than this is a formula
    min_seeds: int = 3
    max_gap: int = 30
    max_shift: int = 8
    min_similarity: float = 0.75
    mismatch: float = 1.0
    margin: int = 16


@dataclass(frozen=True)
class Passage:
    """Words ``[start, end)`` of article ``doc`` (its index in the sorted articles)."""

    doc: int
    start: int  # word positions in the article, end exclusive
    end: int


def candidates(text: Corpus, options: ReuseOptions) -> Iterator[Candidate]:
    """Candidates ``(doc a, start a, end a, doc b, start b, end b)`` from chained seeds."""
    found = seeds(text, options.shingle, options.max_occurrences)
    runs = _runs(found, len(text.starts), options.min_seeds)
    n = options.shingle
    for pair in runs:
        open_chains: list[list[int]] = []  # [first a, last a, first b, last b, seeds]
        closed: list[list[int]] = []
        for a0, a1, diagonal, count in pair[2]:
            b0 = a0 + diagonal
            still = [c for c in open_chains if a0 - c[1] <= options.max_gap]
            closed += [c for c in open_chains if a0 - c[1] > options.max_gap]
            open_chains = still
            chain = next((c for c in still if _continues(c, a0, b0, options)), None)
            if chain is None:
                open_chains.append([a0, a1, b0, a1 + diagonal, count])
            else:
                chain[1] = max(chain[1], a1)
                chain[2], chain[3] = min(chain[2], b0), max(chain[3], a1 + diagonal)
                chain[4] += count
        for c in closed + open_chains:
            if c[4] >= options.min_seeds and c[1] + n - c[0] >= options.min_words // 2:
                yield pair[0], c[0], c[1] + n, pair[1], c[2], c[3] + n


def _runs(
    found: Seeds, docs: int, min_seeds: int
) -> list[tuple[int, int, list[tuple[int, int, int, int]]]]:
    """Seeds on one diagonal in a row, as ``(first a, last a, diagonal, seeds)``, per pair
    of articles with at least ``min_seeds`` seeds; pairs and runs in order."""
    key = found.doc_a * docs + found.doc_b
    diagonal = found.pos_b - found.pos_a
    order = np.lexsort((found.pos_a, diagonal, key))
    key, diagonal, pos_a = key[order], diagonal[order], found.pos_a[order]
    new = np.ones(len(key), dtype=bool)
    new[1:] = (
        (key[1:] != key[:-1]) | (diagonal[1:] != diagonal[:-1]) | (pos_a[1:] != pos_a[:-1] + 1)
    )
    first = np.flatnonzero(new)
    last = np.append(first[1:], len(key)) - 1
    run_key, counts = key[first], last - first + 1
    _, inverse = np.unique(run_key, return_inverse=True)
    enough = np.bincount(inverse, weights=counts)[inverse] >= min_seeds
    picked = np.flatnonzero(enough)
    picked = picked[np.lexsort((pos_a[first[picked]], run_key[picked]))]
    out: list[tuple[int, int, list[tuple[int, int, int, int]]]] = []
    previous = -1
    for index, k, a0, a1, d, c in zip(
        picked.tolist(), run_key[picked].tolist(), pos_a[first[picked]].tolist(),
        pos_a[last[picked]].tolist(), diagonal[first[picked]].tolist(), counts[picked].tolist(),
        strict=True,
    ):  # fmt: skip
        del index
        if k != previous:
            out.append((k // docs, k % docs, []))
            previous = k
        out[-1][2].append((a0, a1, d, c))
    return out


def _continues(chain: list[int], a0: int, b0: int, options: ReuseOptions) -> bool:
    drift = (b0 - a0) - (chain[3] - chain[1])
    return abs(drift) <= options.max_shift and b0 - chain[3] <= options.max_gap


def verify(
    text: Corpus, candidate: Candidate, options: ReuseOptions
) -> tuple[Passage, Passage] | None:
    """The aligned passage behind a candidate, if it is long and alike enough."""
    doc_a, a0, a1, doc_b, b0, b1 = candidate
    words_a, words_b = text.words(doc_a), text.words(doc_b)
    margin = options.margin
    while True:
        wa0, wa1 = max(0, a0 - margin), min(len(words_a), a1 + margin)
        wb0, wb1 = max(0, b0 - margin), min(len(words_b), b1 + margin)
        (sa, ea, sb, eb), shared = _local(words_a[wa0:wa1], words_b[wb0:wb1], options.mismatch)
        grow_start = (sa == 0 and wa0 > 0) or (sb == 0 and wb0 > 0)
        grow_end = (ea == wa1 - wa0 and wa1 < len(words_a)) or (
            eb == wb1 - wb0 and wb1 < len(words_b)
        )
        if not (grow_start or grow_end):
            break
        margin *= 2
    length_a, length_b = ea - sa, eb - sb
    if min(length_a, length_b) < options.min_words:
        return None
    if shared < options.min_similarity * max(length_a, length_b):
        return None
    return Passage(doc_a, wa0 + sa, wa0 + ea), Passage(doc_b, wb0 + sb, wb0 + eb)


def _local(a: list[int], b: list[int], mismatch: float) -> tuple[tuple[int, int, int, int], int]:
    """The best-scoring stretch of the alignment of ``a`` and ``b``, and its shared words.

    The alignment is global (Levenshtein); its best contiguous stretch of operations
    (maximum-sum subarray, shared words +1, edited words ``-mismatch`` each) is the
    local alignment the margins are trimmed to.
    """
    best, best_span, best_shared = 0.0, (0, 0, 0, 0), 0
    score, shared, begin = 0.0, 0, (0, 0)
    for op in Levenshtein.opcodes(a, b):
        if score <= 0:
            score, shared, begin = 0.0, 0, (op.src_start, op.dest_start)
        if op.tag == "equal":
            score += op.src_end - op.src_start
            shared += op.src_end - op.src_start
            if score > best:
                best, best_shared = score, shared
                best_span = (begin[0], op.src_end, begin[1], op.dest_end)
        else:
            score -= mismatch * max(op.src_end - op.src_start, op.dest_end - op.dest_start)
    return best_span, best_shared
