"""Passages several articles share: a wire readout republished, a statement quoted at length.

In the manner of passim and TextPAIR: candidates come from shared word n-grams
(``shingles``: no comparison of all pairs of articles), and are verified and
extended by alignment, so a passage survives the small edits outlets make.

1. **Seeds**: positions where two articles agree on ``shingle`` words in a row.
2. **Chains**: seeds of one pair of articles that follow each other (at most
   ``max_gap`` words apart, their offsets drifting by at most ``max_shift`` words
   of insertions and deletions) form one candidate; it needs ``min_seeds`` seeds.
3. **Alignment**: the candidate's two stretches, with a margin, are aligned word by
   word (rapidfuzz's Levenshtein alignment, in C++); the best-scoring local stretch
   of that alignment (a shared word scores 1, every edited word ``-mismatch``) is the
   passage; where it reaches the margin, the margin grows and the alignment is
   done again. It is kept when both sides have ``min_words`` words and
   ``min_similarity`` of the longer side is shared.
4. **Clusters**: passages of one article that overlap by half join; the passages
   linked by alignments form a cluster.

The output is sorted and numbered the same way for the same input, so builds stay
byte-identical. :func:`reuse_json` is ``api/reuse.json``::

    {"min_words": 25,
     "clusters": [{"id": "r1", "words": 41,         # words of the shortest member
                   "members": [{"article": slug, "words": 41,
                                "spans": [{"paragraph": "p2", "start": 0, "end": 250}]}]}]}

A member's spans are character offsets into the plain text of its paragraphs,
one per paragraph it covers, in order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein

from archive.compare.shingles import Corpus, Seeds, corpus, seeds, word_spans


@dataclass(frozen=True)
class ArticleText:
    """An article as reuse detection reads it: its paragraphs as ``(id, plain text)``."""

    slug: str
    paragraphs: tuple[tuple[str, str], ...]


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
class Span:
    """``text[start:end]`` of paragraph ``paragraph``."""

    paragraph: str
    start: int
    end: int


@dataclass(frozen=True)
class Member:
    """One article's copy of a shared passage."""

    article: str
    words: int
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Cluster:
    """A passage shared by two or more articles; members in article order."""

    id: str
    words: int
    members: tuple[Member, ...]


@dataclass(frozen=True)
class _Passage:
    doc: int
    start: int  # word positions in the article, end exclusive
    end: int


def find_reuse(
    articles: Sequence[ArticleText], options: ReuseOptions = ReuseOptions()
) -> list[Cluster]:
    """The clusters of shared passages, sorted by their first member."""
    ordered = sorted(articles, key=lambda a: a.slug)
    slugs = [a.slug for a in ordered]
    if len(set(slugs)) != len(slugs):
        raise ValueError("two articles have the same slug")
    text = corpus([[p for _, p in a.paragraphs] for a in ordered])
    links = [link for chain in _chains(text, options) if (link := _verify(text, chain, options))]
    groups = _clusters(links)
    return _numbered([_cluster(group, ordered) for group in groups])


def _chains(text: Corpus, options: ReuseOptions) -> Iterator[tuple[int, int, int, int, int, int]]:
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


def _verify(
    text: Corpus, candidate: tuple[int, int, int, int, int, int], options: ReuseOptions
) -> tuple[_Passage, _Passage] | None:
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
    return _Passage(doc_a, wa0 + sa, wa0 + ea), _Passage(doc_b, wb0 + sb, wb0 + eb)


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


def _clusters(links: list[tuple[_Passage, _Passage]]) -> list[list[_Passage]]:
    """Passages of one article that overlap by half are one node; links join nodes."""
    nodes: list[_Passage] = []
    node_of: dict[_Passage, int] = {}
    for passage in sorted({p for pair in links for p in pair}, key=_order):
        last = nodes[-1] if nodes else None
        if (
            last
            and last.doc == passage.doc
            and 2 * _overlap(last, passage) >= _shorter(last, passage)
        ):
            nodes[-1] = _Passage(last.doc, last.start, max(last.end, passage.end))
        else:
            nodes.append(passage)
        node_of[passage] = len(nodes) - 1
    parent = list(range(len(nodes)))
    for a, b in links:
        root_a, root_b = _root(parent, node_of[a]), _root(parent, node_of[b])
        parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[int, list[_Passage]] = {}
    for index, node in enumerate(nodes):
        groups.setdefault(_root(parent, index), []).append(node)
    return [groups[root] for root in sorted(groups)]


def _overlap(a: _Passage, b: _Passage) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _shorter(a: _Passage, b: _Passage) -> int:
    return min(a.end - a.start, b.end - b.start)


def _order(passage: _Passage) -> tuple[int, int, int]:
    return passage.doc, passage.start, passage.end


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _cluster(group: list[_Passage], articles: Sequence[ArticleText]) -> Cluster:
    members = tuple(_member(p, articles[p.doc]) for p in group)
    return Cluster("", min(m.words for m in members), members)


def _member(passage: _Passage, article: ArticleText) -> Member:
    """Word positions as character spans, one per paragraph the passage covers."""
    spans, position = [], 0
    for ident, text in article.paragraphs:
        if position >= passage.end:
            break
        offsets = word_spans(text)
        first, last = max(passage.start, position), min(passage.end, position + len(offsets))
        if first < last:
            spans.append(Span(ident, offsets[first - position][0], offsets[last - 1 - position][1]))
        position += len(offsets)
    return Member(article.slug, passage.end - passage.start, tuple(spans))


def _numbered(clusters: list[Cluster]) -> list[Cluster]:
    return [Cluster(f"r{i}", c.words, c.members) for i, c in enumerate(clusters, 1)]


def reuse_json(
    clusters: Sequence[Cluster], options: ReuseOptions = ReuseOptions()
) -> dict[str, Any]:
    """``api/reuse.json`` (shape in the module docstring)."""
    return {
        "min_words": options.min_words,
        "clusters": [
            {
                "id": c.id,
                "words": c.words,
                "members": [
                    {
                        "article": m.article,
                        "words": m.words,
                        "spans": [
                            {"paragraph": s.paragraph, "start": s.start, "end": s.end}
                            for s in m.spans
                        ],
                    }
                    for m in c.members
                ],
            }
            for c in clusters
        ],
    }


@dataclass(frozen=True)
class Link:
    """A shared passage as one article shows it: "also published in" the ``others``."""

    span: Span
    cluster: str
    others: tuple[tuple[str, str], ...]  # (article, its first paragraph of the passage)


def links_by_article(clusters: Sequence[Cluster]) -> dict[str, list[Link]]:
    """For each article, its shared passages with the other copies to link to."""
    out: dict[str, list[Link]] = {}
    for cluster in clusters:
        for member in cluster.members:
            others = tuple(
                (m.article, m.spans[0].paragraph)
                for m in cluster.members
                if m.article != member.article
            )
            for span in member.spans:
                out.setdefault(member.article, []).append(Link(span, cluster.id, others))
    return out
