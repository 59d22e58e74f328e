"""The text of an article page: its paragraphs, its sentences, and marks laid on it.

Every later stage (entity mentions, event sources, note anchors) speaks of the
article in one coordinate system: a paragraph id and a character offset into that
paragraph's plain text, as a reader sees it. This module reads that plain text out
of the rendered HTML and writes marks (links, highlights) back into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
    "rep", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "h.e",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+|$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Paragraph:
    """One block of text on the page, with the id the theme gives it."""

    id: str
    text: str


@dataclass(frozen=True)
class Span:
    """Markup to lay over ``text[start:end]`` of one paragraph."""

    paragraph: str
    start: int
    end: int
    open_tag: str
    close_tag: str


def sentences(text: str) -> list[tuple[int, int]]:
    """Split plain text into sentences, as ``(start, end)`` offsets.

    A full stop after a known abbreviation or a single capital (an initial) does
    not end a sentence, nor does one followed by a lower-case word. Every stage
    asks for the sentences of the same paragraphs, so the answer is remembered.
    """
    return list(_sentences(text))


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and not _ends_sentence(text, match.start(), end):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = _skip_space(text, end)
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple(spans)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if word:
        token = word.group(1).lower().rstrip(".")
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    following = text[end:].lstrip()
    return not (following and following[0].islower())


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence that holds ``offset``."""
    for start, end in _sentences(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)


# Our own HTML only (markdown-it output and the marks we add): quoted attributes, no
# raw "<" in text, so a tokenizer is exact here and many times faster than HTMLParser.
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w:-]*)([^>]*)>|([^<]+)|<", re.DOTALL)
_ID = re.compile(r'\bid="([^"]*)"')
_BLOCKS = frozenset({"p", "li", "blockquote", "h2", "h3", "h4"})


def _tag_id(attrs: str) -> str | None:
    match = _ID.search(attrs)
    return unescape(match.group(1)) if match else None


def paragraphs(html: str, tags: frozenset[str] = _BLOCKS) -> list[Paragraph]:
    """The plain text of each element of ``html`` that has an id, in page order."""
    found: list[Paragraph] = []
    current: str | None = None
    name, depth, parts = "", 0, []
    for match in _TOKEN.finditer(html):
        closing, tag, attrs, text = match.groups()
        if tag is None:
            if current is not None and text is not None:
                parts.append(unescape(text))
            continue
        tag = tag.lower()
        if current is None:
            ident = None if closing or tag not in tags else _tag_id(attrs)
            if ident is not None:
                current, name, depth, parts = ident, tag, 1, []
        elif tag == name and not attrs.endswith("/"):
            depth += -1 if closing else 1
            if depth == 0:
                found.append(Paragraph(current, "".join(parts)))
                current = None
    return found


def link_ranges(html: str, tags: frozenset[str] = _BLOCKS) -> dict[str, list[tuple[int, int]]]:
    """For each paragraph (by id), the plain-text offsets that lie inside a link (``<a>``).

    A mark that makes a link must stay out of them: a link inside a link is not HTML.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    current: str | None = None
    name, depth, offset, opened = "", 0, 0, 0
    for match in _TOKEN.finditer(html):
        closing, tag, attrs, text = match.groups()
        if tag is None:
            if current is not None and text is not None:
                offset += len(unescape(text))
            continue
        tag = tag.lower()
        if current is None:
            ident = None if closing or tag not in tags else _tag_id(attrs)
            if ident is not None:
                current, name, depth, offset = ident, tag, 1, 0
        elif tag == "a":
            if closing:
                found.setdefault(current, []).append((opened, offset))
            else:
                opened = offset
        elif tag == name and not attrs.endswith("/"):
            depth += -1 if closing else 1
            if depth == 0:
                current = None
    return found


class _SpanWriter:
    """Re-emits HTML unchanged, opening and closing spans at plain-text offsets.

    Each paragraph's spans become a sorted list of open and close events, consumed
    in one pass as the paragraph's text goes by.
    """

    def __init__(self, spans: list[Span]) -> None:
        self.out: list[str] = []
        self._events: dict[str, list[tuple[int, int, Span]]] = {}
        for span in spans:
            events = self._events.setdefault(span.paragraph, [])
            events += [(span.start, 1, span), (span.end, 0, span)]  # at one offset, close first
        for events in self._events.values():
            events.sort(key=lambda e: (e[0], e[1], -e[2].end if e[1] else e[2].start))
        self._current: list[tuple[int, int, Span]] | None = None
        self._next = 0
        self._name = ""
        self._depth = 0
        self._offset = 0
        self._open: list[Span] = []

    def write(self, html: str) -> str:
        for match in _TOKEN.finditer(html):
            closing, tag, attrs, text = match.groups()
            if tag is not None:
                self._tag(match.group(), bool(closing), tag.lower(), attrs)
            elif text is not None and self._current is not None:
                self._text(unescape(text))
            else:
                self.out.append(match.group())
        return "".join(self.out)

    def _tag(self, raw: str, closing: bool, tag: str, attrs: str) -> None:
        if self._current is None:
            ident = None if closing else _tag_id(attrs)
            if ident in self._events:
                self._current, self._next, self._offset = self._events[ident], 0, 0
                self._name, self._depth = tag, 1
            self.out.append(raw)
            return
        self._close_all()  # a span never crosses markup: it ends at the boundary
        if tag == self._name and not attrs.endswith("/"):
            self._depth += -1 if closing else 1
            if self._depth == 0:
                self._current = None
        self.out.append(raw)

    def _text(self, data: str) -> None:
        assert self._current is not None
        start, end = self._offset, self._offset + len(data)
        pos = start
        while self._next < len(self._current):
            offset, opens, span = self._current[self._next]
            if offset > end or (offset == end and opens):
                break  # a span opening where this text ends opens with the next text
            if offset > pos:
                self.out.append(escape(data[pos - start : offset - start], quote=False))
                pos = offset
            if opens and span.end > offset:
                self.out.append(span.open_tag)
                self._open.append(span)
            elif not opens and span in self._open:
                self._close_to(span)
            self._next += 1
        self.out.append(escape(data[pos - start :], quote=False))
        self._offset = end

    def _close_to(self, span: Span) -> None:
        """Close ``span`` and any span opened inside it that is still open."""
        while self._open:
            inner = self._open.pop()
            self.out.append(inner.close_tag)
            if inner is span:
                return

    def _close_all(self) -> None:
        while self._open:
            self.out.append(self._open.pop().close_tag)


def insert_spans(html: str, spans: list[Span]) -> str:
    """Lay each span's tags around its text in ``html``; text and other markup are kept.

    Spans must nest or be disjoint; a span that would cross an element boundary
    ends at that boundary, so the result stays well formed.
    """
    if not spans:
        return html
    return _SpanWriter(spans).write(html)


def description(text: str, limit: int = 200) -> str:
    """A page's description for its meta tags: ``text`` cut at a word, with "…" if cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
