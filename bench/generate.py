"""A deterministic synthetic archive: N articles in the form ``invoke ingest`` writes them.

The benchmark needs thousands of articles that read like the real ones, so the
text is a word-level Markov chain (order 2) over the seed clippings: the same
names, places and phrases, in the same proportions. A real archive also grows its
vocabulary with every article (new names, places, misspellings: Heaps' law); the
seeds alone hold about 1,500 words, so a small share of words is drawn from a
Zipf-distributed lexicon of pseudo-words built from the seeds' syllables. Without
that long tail every posting list would be long and every shard would be hot,
which would flatter no layout and mislead all of them.

Same ``n`` and ``seed``, same files, byte for byte.

    python bench/generate.py 10000 /tmp/archive/content/articles
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "content" / "clippings"  # the raw originals
SOURCES = (
    "Xinhua", "Global Times", "EIRNS", "People's Daily", "WION", "Hindustan Times",
    "Dawn", "TASS", "Kabul Times", "The Diplomat", "Asia Times", "South China Post",
)  # fmt: skip
FIRST_DAY = date(2019, 9, 1)
DAYS = 3 * 365
RARE_SHARE = 0.04  # share of body words drawn from the long-tail lexicon
LEXICON_SIZE = 60_000
_DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
_START = ("", "")


@dataclass(frozen=True)
class Article:
    """One synthetic article, ready to be written as Markdown with front matter."""

    slug: str
    title: str
    date: str
    source: str
    paragraphs: tuple[str, ...]

    def markdown(self) -> str:
        """The file as ingest writes it: YAML front matter, then paragraphs."""
        title = self.title.replace('"', "'")
        head = (
            f'---\ntitle: "{title}"\ndate: {self.date}\nsource: "{self.source}"\n'
            f"source_file: {self.slug}.txt\nslug: {self.slug}\n---\n\n"
        )
        return head + "\n\n".join(self.paragraphs) + "\n"


class Chain:
    """An order-2 word Markov chain over the seed sentences."""

    def __init__(self, sentences: list[list[str]]) -> None:
        self.next: dict[tuple[str, str], list[str]] = defaultdict(list)
        for words in sentences:
            padded = ["", "", *words, ""]
            for a, b, c in zip(padded, padded[1:], padded[2:], strict=False):
                self.next[(a, b)].append(c)

    def sentence(self, rng: random.Random, limit: int = 45) -> list[str]:
        """A walk from a sentence start to a sentence end (or ``limit`` words)."""
        state, words = _START, []
        while len(words) < limit:
            word = rng.choice(self.next[state])
            if not word:
                break
            words.append(word)
            state = (state[1], word)
        return words


class Lexicon:
    """Pseudo-words from seed syllables, drawn with Zipf frequencies (rank r ~ 1/r)."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        syllables = sorted(
            {w[i : i + 3] for w in words if w.isalpha() for i in range(0, len(w) - 2, 3)}
        )
        seen: set[str] = set(words)
        self.words: list[str] = []
        while len(self.words) < LEXICON_SIZE:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                self.words.append(word.capitalize() if rng.random() < 0.4 else word)
        self.cumulative = list(
            itertools.accumulate(1 / rank for rank in range(1, LEXICON_SIZE + 1))
        )

    def draw(self, rng: random.Random) -> str:
        """One word, frequent ones often and the tail rarely."""
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def seed_sentences(seeds: Path) -> list[list[str]]:
    """The seeds' sentences as word lists, from lines long enough to be body text."""
    sentences: list[list[str]] = []
    for path in sorted(seeds.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = _DATE_LINE.sub("", line).split()
            if len(words) < 10:  # headlines and site furniture
                continue
            current: list[str] = []
            for word in words:
                current.append(word)
                if _SENTENCE_END.search(word):
                    sentences.append(current)
                    current = []
            if len(current) >= 5:
                sentences.append(current)
    return sentences


def _with_rare_words(words: list[str], lexicon: Lexicon, rng: random.Random) -> list[str]:
    out = []
    for word in words:
        if rng.random() < RARE_SHARE and word[-1].isalpha():
            word = lexicon.draw(rng)
        out.append(word)
    return out


def _title(chain: Chain, lexicon: Lexicon, rng: random.Random) -> str:
    words = chain.sentence(rng, limit=rng.randint(6, 12))
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words) + 1), lexicon.draw(rng).capitalize())
    return " ".join(words).rstrip(".,;:").strip("“”\"'") or "Untitled"


def _paragraph(chain: Chain, lexicon: Lexicon, rng: random.Random) -> str:
    sentences = [chain.sentence(rng) for _ in range(rng.randint(2, 4))]
    return " ".join(" ".join(_with_rare_words(s, lexicon, rng)) for s in sentences)


def articles(n: int, seed: int = 1, seeds: Path = SEEDS) -> list[Article]:
    """``n`` articles, the same ones for the same ``n``, ``seed`` and seed clippings."""
    rng = random.Random(seed)
    sentences = seed_sentences(seeds)
    chain = Chain(sentences)
    lexicon = Lexicon(sorted({w.lower().strip(".,;:’'“”\"()") for s in sentences for w in s}), rng)
    out = []
    for i in range(n):
        title = _title(chain, lexicon, rng)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        source = SOURCES[min(int(rng.expovariate(0.35)), len(SOURCES) - 1)]
        paragraphs = tuple(_paragraph(chain, lexicon, rng) for _ in range(rng.randint(4, 9)))
        slug = f"{_SLUG_CHARS.sub('-', title.lower()).strip('-')[:48].rstrip('-')}-{i}"
        out.append(Article(slug, title, day.isoformat(), source, paragraphs))
    return out


def write(n: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write ``n`` articles as ``folder/<slug>.md``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles(n, seed):
        path = folder / f"{article.slug}.md"
        path.write_text(article.markdown(), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: ``generate.py N FOLDER [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"wrote {len(write(args.n, args.folder, args.seed))} articles to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
