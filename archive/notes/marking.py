"""Mark anchored passages in an article's HTML, with their sidenotes beside them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from itertools import pairwise

from archive.notes.anchoring import Anchor
from archive.site.text import Span, insert_spans

# Elements without an end tag: they cut the text but do not nest.
_VOID = frozenset({"br", "img", "wbr", "hr", "input"})


@dataclass(frozen=True)
class Passage:
    """An anchored note as the page shows it.

    ``reference`` is HTML put right after the marked words (it must add no text, so
    that the paragraph reads as before); ``sidenote`` is HTML put just before the
    passage's paragraph, where a float can sit beside it.
    """

    note_id: str
    anchor: Anchor
    reference: str
    sidenote: str


def mark_passages(html: str, passages: Sequence[Passage]) -> str:
    """Mark each passage in ``html``, its reference after it and its sidenote before its paragraph.

    A passage that runs across elements (an entity link, emphasis) is marked in
    pieces that each stay inside one element; only the first carries the
    ``anchor-<note id>`` id. A reference after words inside such an element goes
    after the element, never inside a link.
    """
    outlines = _outline(html, {p.anchor.paragraph for p in passages})
    inserts: dict[int, list[str]] = {}
    spans: list[Span] = []
    for passage in passages:
        outline = outlines[passage.anchor.paragraph]
        inserts.setdefault(outline.start, []).append(passage.sidenote)
        cuts = outline.cuts | {
            offset
            for other in passages
            if other.anchor.paragraph == passage.anchor.paragraph
            for offset in (other.anchor.start, other.anchor.end)
        }
        after = outline.leaves(passage.anchor.end)
        if after is not None:
            inserts.setdefault(after, []).append(passage.reference)
        spans.extend(_pieces(passage, sorted(cuts), "" if after is not None else passage.reference))
    for offset in sorted(inserts, reverse=True):
        html = html[:offset] + "".join(inserts[offset]) + html[offset:]
    return insert_spans(html, spans)


def _pieces(passage: Passage, cuts: list[int], reference: str) -> list[Span]:
    """The passage as marks cut wherever an element or another passage starts or ends."""
    where = passage.anchor
    bounds = [where.start, *(c for c in cuts if where.start < c < where.end), where.end]
    note = escape(passage.note_id)
    spans = []
    for index, (start, end) in enumerate(pairwise(bounds)):
        ident = f' id="anchor-{note}"' if index == 0 else ""
        close = "</mark>" + (reference if end == where.end else "")
        spans.append(
            Span(
                where.paragraph,
                start,
                end,
                f'<mark class="annotated" data-note="{note}"{ident}>',
                close,
            )
        )
    return spans


@dataclass
class _Outline:
    """One paragraph's place in the HTML: where its start tag is, where its elements are.

    ``tags`` holds, for every tag inside the paragraph, its offset in the
    paragraph's text, how many elements are open after it, and the offset in the
    HTML just after it.
    """

    start: int
    tags: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def cuts(self) -> set[int]:
        return {text for text, _, _ in self.tags}

    def leaves(self, end: int) -> int | None:
        """Where the HTML is back in the paragraph itself after text ending at ``end``.

        ``None`` when the text before ``end`` is not inside an element.
        """
        depth = 0
        for text, after, _ in self.tags:
            if text > end - 1:
                break
            depth = after
        if depth == 0:
            return None
        closing = (source for text, after, source in self.tags if text >= end and after == 0)
        return next(closing, None)


class _Outliner(HTMLParser):
    """Reads the outline of the paragraphs with the given ids (same text as ``paragraphs``)."""

    def __init__(self, html: str, wanted: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.wanted = wanted
        self.outlines: dict[str, _Outline] = {}
        self._lines = [0, *(i + 1 for i, char in enumerate(html) if char == "\n")]
        self._current: _Outline | None = None
        self._depth = 0
        self._text = 0

    def _here(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def _after_start_tag(self) -> int:
        return self._here() + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._current is None:
            ident = dict(attrs).get("id")
            if ident in self.wanted:
                self._current = self.outlines[ident] = _Outline(self._here())
                self._depth, self._text = 0, 0
            return
        self._depth += tag not in _VOID
        self._current.tags.append((self._text, self._depth, self._after_start_tag()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._current is not None:
            self._current.tags.append((self._text, self._depth, self._after_start_tag()))

    def handle_endtag(self, tag: str) -> None:
        if self._current is None:
            return
        if self._depth == 0:
            self._current = None
            return
        self._depth -= 1
        self._current.tags.append((self._text, self._depth, self.html.index(">", self._here()) + 1))

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._text += len(data)


def _outline(html: str, wanted: set[str]) -> dict[str, _Outline]:
    reader = _Outliner(html, wanted)
    reader.feed(html)
    reader.close()
    return reader.outlines
