"""The reports of one event side by side, claim by claim.

Input: for each source article (in the order the view shows them, say by date),
its slug, its paragraphs as ``(paragraph id, text)`` and the passages about the
event (:class:`Passage`; :func:`sentence_passages` makes one per sentence, with
the entity ids mentioned in it). Passages are split into sentences.

Every sentence is scored against every sentence of the other sources
(``similarity.Scorer``). Rows are built greedily from the best-scoring pair down:
two rows join when they hold no source twice and their sentences, taken all
against all, still score on average at least ``link`` (so one loose pair cannot
chain two different claims into one row). A sentence no other source matches is
a single-source row. Each row's reference is the sentence of its first source;
every other sentence of the row carries a word diff against it. Rows are ordered
by the mean relative position of their sentences in their articles.

:meth:`Comparison.to_dict` is the ``comparison`` field of an event in
``chronology.json``::

    {"articles": [slug, ...],                       # the sources, in input order
     "rows": [{"reference": slug,                   # the row's first source
               "missing": [slug, ...],              # sources without this claim
               "cells": [{"article": slug, "paragraph": "p2",
                          "start": 0, "end": 131,   # the sentence in the paragraph
                          "text": "...",
                          "attributions": [{"who": "Xinhua", "cue": "reported",
                                            "start": 120, "end": 136}],
                          "score": 0.734,           # against the reference (1 for it)
                          "diff": [{"op": "equal" | "changed" | "added" | "removed",
                                    "reference": "...", "text": "...",
                                    "ref_start": 0, "ref_end": 9,
                                    "start": 0, "end": 9}, ...]}]}]}  # [] for the reference

Offsets in ``attributions`` and ``diff`` are into the cell's ``text`` (and the
reference's text), so a template can mark the words without searching for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

from archive.compare.attribution import Attribution, attributions
from archive.compare.diff import DiffOp, word_diff
from archive.compare.similarity import Features, Scorer, features
from archive.core.cache import digest
from archive.site.text import sentences


@dataclass(frozen=True)
class Passage:
    """``text[start:end]`` of one paragraph, about the event; entity ids it mentions."""

    paragraph: str
    start: int
    end: int
    entities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SourceReport:
    """One article's account of the event."""

    article: str
    paragraphs: tuple[tuple[str, str], ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class AlignOptions:
    """Thresholds of the pairing (``bench/eval_align.py`` measures them)."""

    threshold: float = 0.25  # a pair scoring less is never put on one row
    link: float = 0.25  # mean score two rows need to join


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source, where it stands, and whom it credits."""

    article: str
    paragraph: str
    start: int
    end: int
    text: str
    attributions: tuple[Attribution, ...] = ()
    entities: frozenset[str] = field(default=frozenset(), compare=False)


@dataclass(frozen=True)
class Cell:
    """A sentence on a row: its score and diff against the row's reference."""

    sentence: Sentence
    score: float
    diff: tuple[DiffOp, ...]

    def to_dict(self) -> dict[str, Any]:
        s = self.sentence
        return {
            "article": s.article,
            "paragraph": s.paragraph,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "attributions": [
                {"who": a.who, "cue": a.cue, "start": a.start, "end": a.end} for a in s.attributions
            ],
            "score": round(self.score, 3),
            "diff": [op.to_dict() for op in self.diff],
        }


@dataclass(frozen=True)
class Row:
    """One claim: at most one sentence per source, the reference first."""

    cells: tuple[Cell, ...]

    @property
    def reference(self) -> Sentence:
        return self.cells[0].sentence

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(c.sentence.article for c in self.cells)

    def to_dict(self, articles: Sequence[str]) -> dict[str, Any]:
        return {
            "reference": self.reference.article,
            "missing": [a for a in articles if a not in self.articles],
            "cells": [c.to_dict() for c in self.cells],
        }


@dataclass(frozen=True)
class Comparison:
    """The rows of one event (see the module docstring for the JSON shape)."""

    articles: tuple[str, ...]
    rows: tuple[Row, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape; made once, and kept with the comparison when it is cached."""
        return self._shape

    @cached_property
    def _shape(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles),
            "rows": [r.to_dict(self.articles) for r in self.rows],
        }


def sentence_passages(
    paragraphs: Iterable[tuple[str, str]], mentions: Iterable[tuple[str, int, int, str]] = ()
) -> tuple[Passage, ...]:
    """One passage per sentence, with the entity ids of ``(paragraph, start, end, id)`` in it."""
    by_paragraph: dict[str, list[tuple[int, int, str]]] = {}
    for paragraph, start, end, entity in mentions:
        by_paragraph.setdefault(paragraph, []).append((start, end, entity))
    out = []
    for ident, text in paragraphs:
        for start, end in sentences(text):
            inside = by_paragraph.get(ident, [])
            ids = frozenset(e for s, t, e in inside if start <= s and t <= end)
            out.append(Passage(ident, start, end, ids))
    return tuple(out)


def split_sentences(report: SourceReport) -> list[Sentence]:
    """The sentences of a report's passages that have a word, in passage order."""
    texts = dict(report.paragraphs)
    out = []
    for passage in report.passages:
        if passage.paragraph not in texts:
            raise ValueError(f"{report.article}: no paragraph {passage.paragraph!r}")
        span = texts[passage.paragraph][passage.start : passage.end]
        for start, end in sentences(span):
            text = span[start:end]
            if not any(c.isalnum() for c in text):
                continue  # a stray mark is no claim
            out.append(
                Sentence(
                    report.article,
                    passage.paragraph,
                    passage.start + start,
                    passage.start + end,
                    text,
                    attributions(text),
                    passage.entities,
                )
            )
    return out


def align_key(reports: Sequence[SourceReport]) -> str:
    """A hash of everything :func:`align` reads, the same in every process (sets sorted)."""
    return digest(
        [
            (
                r.article,
                r.paragraphs,
                [(p.paragraph, p.start, p.end, sorted(p.entities)) for p in r.passages],
            )
            for r in reports
        ]
    )


def align(reports: Sequence[SourceReport], options: AlignOptions = AlignOptions()) -> Comparison:
    """The rows of claims of one event's reports (see the module docstring)."""
    per_source = [split_sentences(r) for r in reports]
    nodes = [(i, j) for i, source in enumerate(per_source) for j in range(len(source))]
    feats = {
        n: features(per_source[n[0]][n[1]].text, per_source[n[0]][n[1]].entities) for n in nodes
    }
    scorer = Scorer(list(feats.values()))
    scores = {
        (a, b): scorer.score(feats[a], feats[b]) for a, b in combinations(nodes, 2) if a[0] != b[0]
    }
    groups = sorted(_group(nodes, scores, options), key=lambda g: (_position(g, per_source), g[0]))
    rows = tuple(_row(group, per_source, feats, scorer) for group in groups)
    return Comparison(tuple(r.article for r in reports), rows)


Node = tuple[int, int]  # (source index, sentence index)


def _group(
    nodes: list[Node], scores: Mapping[tuple[Node, Node], float], options: AlignOptions
) -> list[list[Node]]:
    """Greedy agglomeration under the one-sentence-per-source rule (module docstring)."""
    group_of = {n: i for i, n in enumerate(nodes)}
    members: dict[int, list[Node]] = {i: [n] for i, n in enumerate(nodes)}
    ranked = sorted(
        ((s, pair) for pair, s in scores.items() if s >= options.threshold),
        key=lambda item: (-item[0], item[1]),
    )
    for _, (a, b) in ranked:
        ga, gb = group_of[a], group_of[b]
        if ga == gb or _clash(members[ga], members[gb]):
            continue
        if _mean_link(members[ga], members[gb], scores) < options.link:
            continue
        for node in members[gb]:
            group_of[node] = ga
        members[ga] = sorted(members[ga] + members.pop(gb))
    return list(members.values())


def _clash(first: list[Node], second: list[Node]) -> bool:
    return bool({n[0] for n in first} & {n[0] for n in second})


def _mean_link(
    first: list[Node], second: list[Node], scores: Mapping[tuple[Node, Node], float]
) -> float:
    pairs = [scores[(min(a, b), max(a, b))] for a in first for b in second]
    return sum(pairs) / len(pairs)


def _row(
    group: list[Node],
    per_source: list[list[Sentence]],
    feats: Mapping[Node, Features],
    scorer: Scorer,
) -> Row:
    reference = group[0]
    ref = per_source[reference[0]][reference[1]]
    cells = [Cell(ref, 1.0, ())]
    for node in group[1:]:
        sentence = per_source[node[0]][node[1]]
        score = scorer.score(feats[reference], feats[node])
        cells.append(Cell(sentence, score, word_diff(ref.text, sentence.text)))
    return Row(tuple(cells))


def _position(group: list[Node], per_source: list[list[Sentence]]) -> float:
    """Mean place of the group's sentences in their articles, from 0 (first) to 1 (last)."""
    return sum(j / max(1, len(per_source[i]) - 1) for i, j in group) / len(group)
