"""The rules both search engines share: words, stems, stop words, ranking weights, queries."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from archive.search.names import Names


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
class Named:
    """A run of query words that names an entity, merged into one group.

    An article matches it if it mentions the entity, or holds one stem of each of
    ``parts`` (the groups the words would have been on their own; none when no word
    typed is indexed, as in "G-7").
    """

    entity: str
    group: tuple[str, ...]  # the merged group: the words' stems and the entity's names' stems
    parts: tuple[tuple[str, ...], ...]
    words: tuple[str, ...]  # the words typed


@dataclass(frozen=True)
class Query:
    """A parsed query: word groups that must all match, phrases, and their words."""

    groups: tuple[tuple[str, ...], ...]  # stems; a document must hold one of each group
    phrases: tuple[tuple[str, ...], ...]  # unstemmed words, in order
    words: tuple[str, ...]  # every word typed, lower-case, for spelling suggestions
    prefix: str | None = None  # the last word, matched as a prefix
    named: tuple[Named, ...] = ()  # the entities the query names, in the order typed

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
    stemming itself. With ``only_indexed`` and no stemming it yields the indexed
    words unstemmed, each at its place among all words: the phrase field, whose
    stop words no query ever looks up (they would be its largest postings).
    """

    def __init__(self, stemming: bool, only_indexed: bool = False) -> None:
        self.stemming = stemming
        self.only_indexed = only_indexed or stemming

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Analyzer) and (other.stemming, other.only_indexed) == (
            self.stemming,
            self.only_indexed,
        )

    def __hash__(self) -> int:
        return hash((self.stemming, self.only_indexed))

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
        for pos, match in enumerate(TOKEN.finditer(value), start_pos):
            word = match.group().lower()
            if self.only_indexed and not indexed(word):
                continue
            token.text, token.stopped = stem(word) if self.stemming else word, False
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


def parse_query(
    text: str,
    complete: Callable[[str], Iterable[str]] | None = None,
    names: Names | None = None,
) -> Query:
    """Read a query as typed: ``"quoted phrases"`` and bare words, all of which must match.

    With ``complete`` (search as you type), a last bare word not yet followed by a
    space also matches the words it begins: the ``PREFIX_LIMIT`` shortest indexed
    words that ``complete`` returns for it. With ``names``, a run of words that
    names a registered entity becomes one :class:`Named` group.
    """
    phrases: list[tuple[str, ...]] = []
    items: list[tuple[str, tuple[str, ...]]] = []  # each word typed, and its group
    parts = list(_QUERY_PART.finditer(text))
    for part in parts:
        found = words(part.group(1) if part.group(1) is not None else part.group(2) or "")
        if part.group(1) is not None and len(found) > 1:
            phrases.append(tuple(found))
        items.extend((word, (stem(word),) if indexed(word) else ()) for word in found)
    last = _prefix_word(text, parts) if complete else None
    if complete and last:
        completions = sorted((w for w in complete(last) if indexed(w)), key=lambda w: (len(w), w))
        stems = {stem(w) for w in completions[:PREFIX_LIMIT]}
        if indexed(last):
            stems.add(stem(last))
        items[-1] = (last, tuple(sorted(stems)))
    named = _name_groups(items, names) if names else []
    merged = {start: found for start, _, found in named}
    covered = {i for start, end, _ in named for i in range(start, end)}
    groups = [merged[i].group if i in merged else g for i, (_, g) in enumerate(items)]
    unique = tuple(
        dict.fromkeys(g for i, g in enumerate(groups) if g and (i in merged or i not in covered))
    )
    typed = tuple(word for word, _ in items)
    return Query(unique, tuple(phrases), typed, last, tuple(n for _, _, n in named))


def _name_groups(
    items: list[tuple[str, tuple[str, ...]]], names: Names
) -> list[tuple[int, int, Named]]:
    """The runs of ``items`` that name an entity, each as its merged group."""
    found = []
    for start, end, entity in names.match([word for word, _ in items]):
        parts = tuple(g for _, g in items[start:end] if g)
        stems = {s for g in parts for s in g} | set(names.entities[entity].stems)
        if not stems:
            continue
        typed = tuple(word for word, _ in items[start:end])
        found.append((start, end, Named(entity, tuple(sorted(stems)), parts, typed)))
    return found


def _prefix_word(text: str, parts: list[re.Match[str]]) -> str | None:
    if not parts or text[-1:].isspace() or parts[-1].group(2) is None:
        return None
    found = words(parts[-1].group(2))
    last = found[-1] if found else ""
    return last if len(last) >= MIN_PREFIX and parts[-1].end() == len(text) else None
