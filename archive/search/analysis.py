"""The rules both search engines share: words, stems, stop words, ranking weights, queries."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem as porter_stem

TITLE_BOOST = 5.0  # as Pagefind weights titles
BM25_B = 0.75
BM25_K1 = 1.2
MIN_PREFIX = 2  # a last word shorter than this is not expanded as a prefix
PREFIX_LIMIT = 50  # completions of a prefix, shortest first
TOKEN = re.compile(default_pattern)
# The same matches without the capturing group, so ``findall`` returns whole words.
_WORD = re.compile(TOKEN.pattern.replace("(", "(?:"))
STOP = frozenset(STOP_WORDS)
_QUERY_PART = re.compile(r'"([^"]*)"?|([^\s"]+)')


@dataclass(frozen=True)
class SearchDocument:
    """One article as both indexes see it."""

    slug: str
    url: str
    title: str
    date: str  # ISO 8601
    source: str
    entities: tuple[str, ...]  # entity ids
    entity_names: tuple[str, ...]
    body: str  # plain text, paragraphs joined by blank lines
    paragraphs: tuple[tuple[str, str], ...] = ()  # (paragraph id, text) for deep links

    def digest(self) -> str:
        """A hash of everything indexed: equal digests need no reindexing."""
        data = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Query:
    """A parsed query: word groups that must all match, phrases, and their words."""

    groups: tuple[tuple[str, ...], ...]  # stems; a document must hold one of each group
    phrases: tuple[tuple[str, ...], ...]  # unstemmed words, in order
    words: tuple[str, ...]  # every word typed, lower-case, for spelling suggestions
    prefix: str | None = None  # the last word, matched as a prefix

    @property
    def stems(self) -> frozenset[str]:
        """Every stem that counts as a match, for scoring and highlighting."""
        return frozenset(s for group in self.groups for s in group)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Whoosh's Porter stemmer, cached: archives repeat their words."""
    return porter_stem(word)


def words(text: str) -> list[str]:
    """Every word of ``text``, lower-case and unstemmed (the phrase field's tokens).

    Lower-casing the text first is faster and gives the same words, except for
    "İ", whose lower case is two characters, the second not a word character.
    """
    if "\u0130" in text:
        return [word.lower() for word in _WORD.findall(text)]
    return _WORD.findall(text.lower())


def indexed(word: str) -> bool:
    """Whether a lower-case word is indexed (Whoosh's stop filter: stop words, one letter)."""
    return len(word) >= 2 and word not in STOP


class Analyzer(Tokenizer):
    """``words`` (when ``stemming``: indexed words, stemmed) as a Whoosh analyzer, in one pass.

    Equal to Whoosh's ``StemmingAnalyzer`` (or ``SimpleAnalyzer``) token for token,
    about three times faster: a chain of generator filters costs more than the
    stemming itself.
    """

    def __init__(self, stemming: bool) -> None:
        self.stemming = stemming

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Analyzer) and other.stemming == self.stemming

    def __hash__(self) -> int:
        return hash(self.stemming)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        start_pos: int = 0,
        start_char: int = 0,
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, **kwargs)
        token.boost = 1.0
        pos = start_pos
        for match in TOKEN.finditer(value):
            word = match.group().lower()
            if self.stemming:
                if not indexed(word):
                    continue
                word = stem(word)
            token.text, token.stopped = word, False
            if positions:
                token.pos, pos = pos, pos + 1
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


def parse_query(text: str, complete: Callable[[str], Iterable[str]] | None = None) -> Query:
    """Read a query as typed: ``"quoted phrases"`` and bare words, all of which must match.

    With ``complete`` (search as you type), a last bare word not yet followed by a
    space also matches the words it begins: the ``PREFIX_LIMIT`` shortest indexed
    words that ``complete`` returns for it.
    """
    groups: list[tuple[str, ...]] = []
    phrases: list[tuple[str, ...]] = []
    typed: list[str] = []
    parts = list(_QUERY_PART.finditer(text))
    for part in parts:
        found = words(part.group(1) if part.group(1) is not None else part.group(2) or "")
        typed.extend(found)
        if part.group(1) is not None and len(found) > 1:
            phrases.append(tuple(found))
        groups.extend((stem(word),) for word in found if indexed(word))
    last = _prefix_word(text, parts) if complete else None
    if complete and last:
        completions = sorted((w for w in complete(last) if indexed(w)), key=lambda w: (len(w), w))
        stems = {stem(w) for w in completions[:PREFIX_LIMIT]}
        if indexed(last):
            groups.pop()
            stems.add(stem(last))
        groups.append(tuple(sorted(stems)))
    unique = tuple(dict.fromkeys(g for g in groups if g))
    return Query(unique, tuple(phrases), tuple(typed), last)


def _prefix_word(text: str, parts: list[re.Match[str]]) -> str | None:
    if not parts or text[-1:].isspace() or parts[-1].group(2) is None:
        return None
    found = words(parts[-1].group(2))
    last = found[-1] if found else ""
    return last if len(last) >= MIN_PREFIX and parts[-1].end() == len(text) else None
