"""Full-text search over the archive: the Whoosh index behind ``invoke search``.

This module also owns the rules that every search in the project follows, so that
the command line and the browser (``archive.browser_index`` and
``theme/static/js/search.js``) find and rank the same articles:

- a word is a match of Whoosh's default token pattern, lower-cased (``words``); stop
  words and one-letter words are not indexed (``indexed``); indexed words are
  Porter-stemmed with Whoosh's own stemmer (``stem``), so "talks" finds "talked";
- a query is bare words (all must match), quoted phrases (matched word for word
  on the unstemmed text) and, while typing, a last word matched as a prefix
  (``parse_query``);
- an article's score is BM25F (Whoosh's ``BM25F``: B 0.75, K1 1.2) over the title,
  boosted ``TITLE_BOOST`` times, and the body;
- a snippet is the window of the body that holds the most query words (``snippet``).

Where the index lives: by default ``.cache/whoosh/`` in the project, not under
``output/``. The index serves the command line and is a build cache (tens of MB
at 10,000 articles, binary, rewritten in place); publishing it would ship data no
page uses, and ``invoke clean`` (which removes ``output/``) would throw away the
incremental state with every clean build. The browser gets its own index.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from whoosh import index, query, sorting
from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.analysis.tokenizers import default_pattern
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang.porter import stem as porter_stem
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from archive.text import paragraphs

TITLE_BOOST = 5.0  # as Pagefind weights titles
BM25_B = 0.75
BM25_K1 = 1.2
MIN_PREFIX = 2  # a last word shorter than this is not expanded as a prefix
PREFIX_LIMIT = 50  # completions of a prefix, shortest first
SNIPPET_WORDS = 20
SNIPPET_LEAD = 5  # words of context kept before the first match of a snippet
TOKEN = re.compile(default_pattern)
# The same matches without the capturing group, so ``findall`` returns whole words.
_WORD = re.compile(TOKEN.pattern.replace("(", "(?:"))
STOP = frozenset(STOP_WORDS)
SCHEMA_VERSION = "1"
_VERSION_FILE = "archive-schema-version"
_PARAGRAPH_ID = re.compile(r"^p\d+$")  # ids archive.markdown gives an article's paragraphs
_QUERY_PART = re.compile(r'"([^"]*)"?|([^\s"]+)')
_FACETS = {"entity": "entities", "source": "source", "month": "month"}


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


@dataclass(frozen=True)
class Hit:
    """One ranked article; ``snippet`` is escaped HTML with ``<mark>`` around matches."""

    slug: str
    title: str
    url: str
    date: str
    source: str
    score: float
    snippet: str


@dataclass(frozen=True)
class SearchResults:
    """Ranked hits, how many articles matched, facet counts and a spelling suggestion."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None


@dataclass(frozen=True)
class IndexStats:
    """What an incremental update did."""

    added: int
    updated: int
    removed: int
    unchanged: int


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

    def __call__(  # type: ignore[override]
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


def schema() -> Schema:
    """Stemmed title and body for ranking; an unstemmed copy for phrases and spelling."""
    stemmed = Analyzer(stemming=True)
    return Schema(
        slug=ID(stored=True, unique=True, sortable=True),
        digest=ID(sortable=True),
        url=STORED(),
        title=TEXT(analyzer=stemmed, phrase=False, stored=True),
        body=TEXT(analyzer=stemmed, phrase=False, stored=True),
        exact=TEXT(analyzer=Analyzer(stemming=False), phrase=True),
        entities=KEYWORD(stored=True, commas=True, lowercase=False),
        source=ID(stored=True, sortable=True),
        date=ID(stored=True, sortable=True),
        month=ID(sortable=True),
    )


def _fields(doc: SearchDocument) -> dict[str, str]:
    return {
        "slug": doc.slug,
        "digest": doc.digest(),
        "url": doc.url,
        "title": doc.title,
        "body": doc.body,
        "exact": f"{doc.title}\n\n{doc.body}",
        "entities": ",".join(doc.entities),
        "source": doc.source,
        "date": doc.date,
        "month": doc.date[:7],
    }


def documents_from_site(output: Path) -> list[SearchDocument]:
    """The articles of a built site, read from its data export and its article pages.

    Pagefind indexes the built pages; reading the same pages lets the benchmark
    (and anything else that starts from ``output/``) index exactly what a reader sees.
    """
    articles = json.loads((output / "api" / "articles.json").read_text(encoding="utf-8"))
    entities = json.loads((output / "api" / "entities.json").read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in entities["entities"]}
    documents = []
    for article in articles["articles"]:
        page = (output / article["url"]).read_text(encoding="utf-8")
        found = tuple(
            (p.id, p.text) for p in paragraphs(page, frozenset({"p"})) if _PARAGRAPH_ID.match(p.id)
        )
        documents.append(
            SearchDocument(
                slug=article["slug"],
                url=article["url"],
                title=article["title"],
                date=article["date"],
                source=article["source"],
                entities=tuple(article["entities"]),
                entity_names=tuple(names.get(e, e) for e in article["entities"]),
                body="\n\n".join(text for _, text in found),
                paragraphs=found,
            )
        )
    return documents


def open_index(index_dir: Path, *, create: bool = False) -> index.Index:
    """The index in ``index_dir``; with ``create``, a new one if it is missing or outdated."""
    version = index_dir / _VERSION_FILE
    current = version.is_file() and version.read_text().strip() == SCHEMA_VERSION
    if current and index.exists_in(str(index_dir)):
        return index.open_dir(str(index_dir))
    if not create:
        raise FileNotFoundError(f"no search index in {index_dir}")
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(index_dir), schema())
    version.write_text(SCHEMA_VERSION + "\n")
    return ix


def _indexed_digests(ix: index.Index) -> dict[str, str]:
    with ix.reader() as reader:
        if not reader.doc_count_all():
            return {}
        slugs = reader.column_reader("slug")
        digests = reader.column_reader("digest")
        return {slugs[n]: digests[n] for n in reader.all_doc_ids()}


def update_index(index_dir: Path, documents: Iterable[SearchDocument]) -> IndexStats:
    """Bring the index in line with ``documents``: only new or changed articles are analysed.

    Whoosh keeps deleted documents in its statistics until their segment is
    merged; once they pass a tenth of the index it is optimised, so scores stay
    close to a fresh build's.
    """
    ix = open_index(index_dir, create=True)
    known = _indexed_digests(ix)
    seen: set[str] = set()
    added = updated = 0
    writer = ix.writer(limitmb=256)
    for doc in documents:
        seen.add(doc.slug)
        fields = _fields(doc)
        if known.get(doc.slug) == fields["digest"]:
            continue
        if doc.slug in known:
            writer.update_document(**fields)
            updated += 1
        else:
            writer.add_document(**fields)
            added += 1
    removed = [slug for slug in known if slug not in seen]
    for slug in removed:
        writer.delete_by_term("slug", slug)
    if added or updated or removed:
        writer.commit()
        if ix.doc_count_all() - ix.doc_count() > ix.doc_count_all() / 10:
            ix.optimize()
    else:
        writer.cancel()
    return IndexStats(added, updated, len(removed), len(seen) - added - updated)


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


def excerpt(text: str, stems: frozenset[str], size: int = SNIPPET_WORDS) -> str:
    """The window of ``size`` words of ``text`` that holds the most distinct ``stems``.

    Ties go to the earliest window; without a match it is the opening words.
    """
    tokens = list(TOKEN.finditer(text))
    hits = [i for i, t in enumerate(tokens) if _matches(t.group(), stems)]
    best, best_count = 0, 0
    for i in hits:
        start = max(0, i - SNIPPET_LEAD)
        found = {stem(tokens[j].group().lower()) for j in hits if start <= j < start + size}
        if len(found) > best_count:
            best, best_count = start, len(found)
    return window(text, tokens, best, size)


def window(text: str, tokens: list[re.Match[str]], start: int, size: int = SNIPPET_WORDS) -> str:
    """``size`` words of ``text`` from token ``start`` on; "…" marks a cut, spaces are collapsed."""
    if not tokens:
        return " ".join(text.split())
    more = start + size < len(tokens)
    end = tokens[start + size - 1].end() if more else len(text)
    inner = " ".join(text[tokens[start].start() : end].split())
    return ("…" if start else "") + inner + ("…" if more else "")


def highlight(text: str, stems: frozenset[str]) -> str:
    """``text`` as HTML: escaped, with each word whose stem is in ``stems`` in ``<mark>``."""
    out, cursor = [], 0
    for token in TOKEN.finditer(text):
        if _matches(token.group(), stems):
            out.append(escape(text[cursor : token.start()]))
            out.append(f"<mark>{escape(token.group())}</mark>")
            cursor = token.end()
    out.append(escape(text[cursor:]))
    return "".join(out)


def snippet(text: str, stems: frozenset[str]) -> str:
    """The best window of ``text`` for ``stems``, highlighted (see ``excerpt``)."""
    return highlight(excerpt(text, stems), stems)


def _matches(token: str, stems: frozenset[str]) -> bool:
    word = token.lower()
    return indexed(word) and stem(word) in stems


def _completer(searcher: Searcher) -> Callable[[str], list[str]]:
    reader = searcher.reader()
    return lambda start: [t.decode("utf-8") for t in reader.expand_prefix("exact", start)]


def _scoring_query(parsed: Query) -> query.Query:
    return query.And(
        [
            query.Or(
                [query.Term("title", s, boost=TITLE_BOOST) for s in group]
                + [query.Term("body", s) for s in group]
            )
            for group in parsed.groups
        ]
    )


def _phrase_articles(reader: IndexReader, phrase: tuple[str, ...]) -> set[int] | None:
    """Articles whose unstemmed text holds ``phrase`` word for word.

    Stop words and one-letter words hold their place but are not compared: the
    browser keeps no positions for them (they would be the largest lists of all),
    and both sides must agree. ``None`` when no word of the phrase is indexed.
    """
    slots = []
    for offset, word in enumerate(phrase):
        if indexed(word):
            if ("exact", word) not in reader:
                return set()
            found = reader.postings("exact", word).items_as("positions")
            slots.append((offset, {doc: set(where) for doc, where in found}))
    if not slots:
        return None
    (start, first), rest = slots[0], slots[1:]
    return {
        doc
        for doc, where in first.items()
        if all(doc in other for _, other in rest)
        and any(all(p - start + k in other[doc] for k, other in rest) for p in where)
    }


def _allowed(
    searcher: Searcher,
    parsed: Query,
    entity: str | None,
    source: str | None,
    since: str | None,
    until: str | None,
) -> set[int] | None:
    """The articles the phrases and filters leave, or ``None`` if nothing is filtered."""
    parts: list[query.Query] = []
    if entity:
        parts.append(query.Term("entities", entity))
    if source:
        parts.append(query.Term("source", source))
    if since or until:
        parts.append(query.TermRange("date", since or None, until and f"{until}\uffff"))
    allowed = set(searcher.docs_for_query(query.And(parts))) if parts else None
    for phrase in parsed.phrases:
        found = _phrase_articles(searcher.reader(), phrase)
        if found is not None:
            allowed = found if allowed is None else allowed & found
    return allowed


def _correction(reader: IndexReader, word: str) -> str | None:
    """The most frequent indexed word at the smallest edit distance (1, else 2).

    Whoosh's own corrector ranks by frequency alone, so "kag" would become "a".
    """
    for distance in (1, 2):
        found = [t for t in reader.terms_within("exact", word, distance) if indexed(t)]
        if found:
            return min(found, key=lambda t: (-reader.frequency("exact", t), t))
    return None


def _suggestion(searcher: Searcher, text: str, parsed: Query) -> str | None:
    """``text`` with each unknown word replaced by its correction, if any was found."""
    reader = searcher.reader()
    suggested = text
    for word in dict.fromkeys(parsed.words):
        if not indexed(word) or reader.doc_frequency("exact", word):
            continue
        found = _correction(reader, word)
        if found:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            suggested = pattern.sub(found, suggested, count=1)
    return suggested if suggested != text else None


def search(
    index_dir: Path,
    text: str,
    *,
    entity: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 10,
    prefix: bool = False,
) -> SearchResults:
    """Ranked articles for ``text``, with facet counts over every match.

    ``since`` and ``until`` are ISO dates (or months), both inclusive; ``prefix``
    matches the last word as typed so far, as the browser does.
    """
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        parsed = parse_query(text, _completer(searcher) if prefix else None)
        suggestion = _suggestion(searcher, text, parsed)
        allowed = _allowed(searcher, parsed, entity, source, since, until)
        if not parsed.groups or allowed == set():
            return SearchResults(text, 0, (), {}, suggestion)
        facets = {
            name: sorting.FieldFacet(column, allow_overlap=name == "entity")
            for name, column in _FACETS.items()
        }
        found = searcher.search(
            _scoring_query(parsed),
            filter=allowed,
            limit=limit,
            groupedby=facets,
            maptype=sorting.Count,
        )
        hits = tuple(
            Hit(
                slug=hit["slug"],
                title=hit["title"],
                url=hit["url"],
                date=hit["date"],
                source=hit["source"],
                score=hit.score or 0.0,
                snippet=snippet(hit["body"], parsed.stems),
            )
            for hit in found[:limit]
        )
        counts = {name: dict(found.groups(name)) for name in facets}
        return SearchResults(text, len(found), hits, counts, suggestion)
