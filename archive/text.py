"""The text of an article page: its paragraphs, its sentences, and marks laid on it.

Every later stage (entity mentions, event sources, note anchors) speaks of the
article in one coordinate system: a paragraph id and a character offset into that
paragraph's plain text, as a reader sees it. This module reads that plain text out
of the rendered HTML and writes marks (links, highlights) back into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
    "rep", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
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
    not end a sentence, nor does one followed by a lower-case word.
    """
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
    return spans


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    word = _WORD_BEFORE.search(text[:dot])
    if word:
        token = word.group(1).lower().rstrip(".")
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    following = text[end:].lstrip()
    return not (following and following[0].islower())


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence that holds ``offset``."""
    for start, end in sentences(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)


class _ParagraphReader(HTMLParser):
    """Collects the plain text of every element that carries a paragraph id."""

    def __init__(self, tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.paragraphs: list[Paragraph] = []
        self._current: str | None = None
        self._depth = 0
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._current is not None:
            self._depth += tag == self._tag
            return
        ident = dict(attrs).get("id")
        if tag in self.tags and ident:
            self._current, self._tag, self._depth, self._parts = ident, tag, 1, []

    def handle_endtag(self, tag: str) -> None:
        if self._current is None or tag != self._tag:
            return
        self._depth -= 1
        if self._depth == 0:
            self.paragraphs.append(Paragraph(self._current, "".join(self._parts)))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._parts.append(data)


_BLOCKS = frozenset({"p", "li", "blockquote", "h2", "h3", "h4"})


def paragraphs(html: str, tags: frozenset[str] = _BLOCKS) -> list[Paragraph]:
    """The plain text of each element of ``html`` that has an id, in page order."""
    reader = _ParagraphReader(tags)
    reader.feed(html)
    reader.close()
    return reader.paragraphs


class _SpanWriter(HTMLParser):
    """Re-emits HTML unchanged, opening and closing spans at plain-text offsets."""

    def __init__(self, spans: list[Span]) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._by_paragraph: dict[str, list[Span]] = {}
        for span in sorted(spans, key=lambda s: (s.start, -s.end)):
            self._by_paragraph.setdefault(span.paragraph, []).append(span)
        self._current: list[Span] | None = None
        self._offset = 0
        self._open: list[Span] = []
        self._stack: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if self._current is None and ident in self._by_paragraph:
            self.out.append(self.get_starttag_text() or "")
            self._current, self._offset, self._stack = list(self._by_paragraph[ident]), 0, [tag]
            return
        if self._current is not None:
            self._close_all()
            self._stack.append(tag)
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self._current is not None and self._stack:
            self._close_all()
            self._stack.pop()
            if not self._stack:
                self._current = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._current is None:
            self.out.append(escape(data, quote=False))
            return
        pos = 0
        while pos < len(data):
            self._close_ended()
            self._open_starting()
            cut = self._next_boundary(len(data) - pos)
            self.out.append(escape(data[pos : pos + cut], quote=False))
            pos += cut
            self._offset += cut
        self._close_ended()

    def _next_boundary(self, remaining: int) -> int:
        points = [s.end for s in self._open] + [s.start for s in self._current or []]
        ahead = [p - self._offset for p in points if p > self._offset]
        return min([remaining, *ahead])

    def _close_ended(self) -> None:
        while self._open and self._open[-1].end <= self._offset:
            self.out.append(self._open.pop().close_tag)

    def _open_starting(self) -> None:
        """Open the spans that start here; one whose start was passed inside markup is dropped."""
        while self._current and self._current[0].start <= self._offset:
            span = self._current.pop(0)
            if span.start == self._offset:
                self.out.append(span.open_tag)
                self._open.append(span)

    def _close_all(self) -> None:
        while self._open:
            self.out.append(self._open.pop().close_tag)

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")


def insert_spans(html: str, spans: list[Span]) -> str:
    """Lay each span's tags around its text in ``html``; text and other markup are kept.

    Spans must nest or be disjoint; a span that would cross an element boundary
    ends at that boundary, so the result stays well formed.
    """
    if not spans:
        return html
    writer = _SpanWriter(spans)
    writer.feed(html)
    writer.close()
    return "".join(writer.out)
