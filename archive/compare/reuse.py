"""Passages several articles share: a wire readout republished, a statement quoted at length.

In the manner of passim and TextPAIR: candidates come from shared word n-grams
(``shingles``: no comparison of all pairs of articles), and are verified and
extended by alignment, so a passage survives the small edits outlets make.

1. **Seeds**: positions where two articles agree on ``shingle`` words in a row
   (``shingles``); a shingle met more than ``max_occurrences`` times is a formula
   and gives none.
2. **Chains**: seeds of one pair of articles that follow each other (at most
   ``max_gap`` words apart, their offsets drifting by at most ``max_shift`` words
   of insertions and deletions) form one candidate; it needs ``min_seeds`` seeds.
3. **Alignment**: the candidate's two stretches, with a margin, are aligned word by
   word (``chains``; rapidfuzz's Levenshtein alignment, in C++); the best-scoring local stretch
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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from archive.compare.chains import Passage, ReuseOptions, candidates, verify
from archive.compare.shingles import corpus, word_spans

__all__ = [
    "ArticleText", "Cluster", "Link", "Member", "ReuseOptions", "Span",
    "find_reuse", "links_by_article", "reuse_json",
]  # fmt: skip
DEFAULTS = ReuseOptions()


@dataclass(frozen=True)
class ArticleText:
    """An article as reuse detection reads it: its paragraphs as ``(id, plain text)``."""

    slug: str
    paragraphs: tuple[tuple[str, str], ...]


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


def find_reuse(articles: Sequence[ArticleText], options: ReuseOptions = DEFAULTS) -> list[Cluster]:
    """The clusters of shared passages, sorted by their first member."""
    ordered = sorted(articles, key=lambda a: a.slug)
    slugs = [a.slug for a in ordered]
    if len(set(slugs)) != len(slugs):
        raise ValueError("two articles have the same slug")
    text = corpus([[p for _, p in a.paragraphs] for a in ordered])
    links = [link for c in candidates(text, options) if (link := verify(text, c, options))]
    groups = _clusters(links)
    return _numbered([_cluster(group, ordered) for group in groups])


def _clusters(links: list[tuple[Passage, Passage]]) -> list[list[Passage]]:
    """Passages of one article that overlap by half are one node; links join nodes."""
    nodes: list[Passage] = []
    node_of: dict[Passage, int] = {}
    for passage in sorted({p for pair in links for p in pair}, key=_order):
        last = nodes[-1] if nodes else None
        if (
            last
            and last.doc == passage.doc
            and 2 * _overlap(last, passage) >= _shorter(last, passage)
        ):
            nodes[-1] = Passage(last.doc, last.start, max(last.end, passage.end))
        else:
            nodes.append(passage)
        node_of[passage] = len(nodes) - 1
    parent = list(range(len(nodes)))
    for a, b in links:
        root_a, root_b = _root(parent, node_of[a]), _root(parent, node_of[b])
        parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[int, list[Passage]] = {}
    for index, node in enumerate(nodes):
        groups.setdefault(_root(parent, index), []).append(node)
    return [groups[root] for root in sorted(groups)]


def _overlap(a: Passage, b: Passage) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _shorter(a: Passage, b: Passage) -> int:
    return min(a.end - a.start, b.end - b.start)


def _order(passage: Passage) -> tuple[int, int, int]:
    return passage.doc, passage.start, passage.end


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _cluster(group: list[Passage], articles: Sequence[ArticleText]) -> Cluster:
    members = tuple(_member(p, articles[p.doc]) for p in group)
    return Cluster("", min(m.words for m in members), members)


def _member(passage: Passage, article: ArticleText) -> Member:
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


def reuse_json(clusters: Sequence[Cluster], options: ReuseOptions = DEFAULTS) -> dict[str, Any]:
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
