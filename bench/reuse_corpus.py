"""A synthetic archive with reused passages planted in it, and where they were planted.

Background text is drawn word by word: English function words at their usual
frequencies, and content words from a Zipf-distributed lexicon of pseudo-words
(rank r drawn with probability ~ 1/r), so that frequent n-grams exist as in news.
Every article also carries a few *stock phrases* (4 to 10 words, from a pool
shared by the whole archive, like "the two sides agreed to"): short shared text
that must not be reported as reuse, even when two of them happen to stand close
together in two articles.

A share of the articles receive a planted passage (30 to 150 words): the original
in one article, and 1 to 4 copies in others, each edited: words substituted,
inserted and deleted (each up to ``EDIT_RATE`` of the words), and some truncated at
one end. A passage is spliced into an existing paragraph or added as its own.
Nothing here reads files: the same ``n`` and ``seed`` give the same archive.
"""

from __future__ import annotations

import bisect
import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.compare.normalise import word_set
from archive.compare.reuse import ArticleText, Span

FUNCTION_WORDS = sorted(
    word_set(
        "the of and to in a that for on is with said was by as at from it has be have his "
        "an are which will not their its were this but had been who also they after more "
        "two would other about over he she than into up new one there all we when can"
    )
)
FUNCTION_SHARE = 0.45
LEXICON_SIZE = 40_000
STOCK_PHRASES = 400
STOCK_PER_ARTICLE = (1, 4)
PLANT_SHARE = 0.1  # planted passages per article
EDIT_RATE = 0.06  # at most this share of words substituted, as many inserted, deleted
TRUNCATE_SHARE = 0.3  # copies cut at one end (by up to a quarter)
MIN_PLANTED = 30  # words of a planted original
_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"] + ["an", "el", "or", "ist"]


@dataclass(frozen=True)
class Copy:
    """One copy of a planted passage: where it went, and which original word each word is."""

    article: str
    span: Span
    words: tuple[str, ...]
    origins: tuple[int, ...]  # index in the original, -1 for a word substituted or inserted

    def shared_with(self, other: Copy) -> Span:
        """The part of this copy from its first to its last word that ``other`` kept too."""
        kept = set(other.origins) - {-1}
        inside = [i for i, origin in enumerate(self.origins) if origin in kept]
        if not inside:
            return Span(self.span.paragraph, self.span.start, self.span.start)
        offsets = [0]
        for word in self.words:
            offsets.append(offsets[-1] + len(word) + 1)
        start = self.span.start + offsets[inside[0]]
        return Span(self.span.paragraph, start, self.span.start + offsets[inside[-1] + 1] - 1)


@dataclass(frozen=True)
class Planted:
    """One planted passage and its copies (the original among them), in article order."""

    copies: tuple[Copy, ...]


@dataclass(frozen=True)
class SyntheticArchive:
    articles: tuple[ArticleText, ...]
    planted: tuple[Planted, ...]

    @property
    def words(self) -> int:
        return sum(len(t.split()) for a in self.articles for _, t in a.paragraphs)


class _Words:
    """Draws background words: function words, or lexicon words by Zipf rank."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        seen: set[str] = set()
        self.lexicon: list[str] = []
        while len(self.lexicon) < LEXICON_SIZE:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                self.lexicon.append(word.capitalize() if rng.random() < 0.25 else word)
        self.cumulative = list(itertools.accumulate(1 / r for r in range(1, LEXICON_SIZE + 1)))
        self.stock = [self.run(rng.randint(4, 10)) for _ in range(STOCK_PHRASES)]

    def word(self) -> str:
        if self.rng.random() < FUNCTION_SHARE:
            return self.rng.choice(FUNCTION_WORDS)
        rank = bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])
        return self.lexicon[min(rank, LEXICON_SIZE - 1)]

    def run(self, n: int) -> list[str]:
        return [self.word() for _ in range(n)]

    def sentence(self) -> str:
        words = self.run(self.rng.randint(8, 30))
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))


def _edited(words: list[str], source: _Words, rng: random.Random) -> list[tuple[str, int]]:
    """A copy with substitutions, insertions and deletions, maybe cut at one end."""
    rate = rng.uniform(0, EDIT_RATE)
    out: list[tuple[str, int]] = []
    for index, word in enumerate(words):
        roll = rng.random()
        if roll < rate:
            out.append((source.word(), -1))  # substituted
        elif roll < 2 * rate:
            continue  # deleted
        else:
            out.append((word, index))
        if rng.random() < rate:
            out.append((source.word(), -1))  # inserted
    if rng.random() < TRUNCATE_SHARE:
        cut = rng.randint(0, len(out) // 4)
        out = out[cut:] if rng.random() < 0.5 else out[: len(out) - cut]
    return out


@dataclass
class _Body:
    """An article being written, and where its planted copies stand so far."""

    paragraphs: list[str]
    copies: list[tuple[int, int, int, int, list[tuple[str, int]]]]  # planted id, paragraph,
    # start, end, words with their origins

    def place(self, planted: int, words: list[tuple[str, int]], rng: random.Random) -> None:
        """Add the words as a paragraph of their own, or after a sentence of one."""
        passage = " ".join(w for w, _ in words) + "."
        index = rng.randrange(len(self.paragraphs) + 1)
        if index == len(self.paragraphs) or rng.random() < 0.5:
            self.paragraphs.insert(index, passage)
            self.copies = [(k, p + (p >= index), s, e, w) for k, p, s, e, w in self.copies]
            self.copies.append((planted, index, 0, len(passage), words))
            return
        text = self.paragraphs[index]
        cut = rng.choice([0] + [i + 2 for i in range(len(text) - 1) if text[i : i + 2] == ". "])
        self.paragraphs[index] = text[:cut] + passage + " " + text[cut:]
        shift = len(passage) + 1
        self.copies = [
            (k, p, s + shift, e + shift, w) if p == index and s >= cut else (k, p, s, e, w)
            for k, p, s, e, w in self.copies
        ]
        self.copies.append((planted, index, cut, cut + len(passage), words))


def synthetic_archive(n: int, seed: int = 1) -> SyntheticArchive:
    """``n`` articles with ``PLANT_SHARE * n`` planted passages; the same for the same seed."""
    rng = random.Random(seed)
    source = _Words(rng)
    bodies = []
    for _ in range(n):
        paragraphs = [source.paragraph() for _ in range(rng.randint(4, 9))]
        for _ in range(rng.randint(*STOCK_PER_ARTICLE)):
            i = rng.randrange(len(paragraphs))
            paragraphs[i] += " " + " ".join(rng.choice(source.stock)).capitalize() + "."
        bodies.append(_Body(paragraphs, []))
    count = int(n * PLANT_SHARE)
    for planted in range(count):
        original = source.run(rng.randint(MIN_PLANTED, 150))
        for k, doc in enumerate(rng.sample(range(n), rng.randint(2, 5))):
            words = (
                list(zip(original, itertools.count())) if k == 0 else _edited(original, source, rng)
            )
            bodies[doc].place(planted, words, rng)
    slugs = [f"synthetic-{i:05d}" for i in range(n)]
    articles = tuple(
        ArticleText(slug, tuple((f"p{j + 1}", t) for j, t in enumerate(body.paragraphs)))
        for slug, body in zip(slugs, bodies, strict=True)
    )
    where: list[list[Copy]] = [[] for _ in range(count)]
    for slug, body in zip(slugs, bodies, strict=True):
        for planted, p, start, end, words in body.copies:
            span = Span(f"p{p + 1}", start, end)
            where[planted].append(Copy(slug, span, *map(tuple, zip(*words, strict=True))))
    return SyntheticArchive(articles, tuple(Planted(tuple(w)) for w in where))
