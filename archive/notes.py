"""Editors' notes: read them, check what they annotate, and anchor them to their passage.

A note is ``content/notes/<id>.md``: YAML front matter naming exactly one thing it
annotates (``article``, ``entity`` or ``event``), then a Markdown body. A note on a
passage of an article selects it as the W3C Web Annotation model's
``TextQuoteSelector`` does: the exact words (``quote``) and, to pick one of several
matches, the text just before (``prefix``) and after (``suffix``) them.

Anchoring happens on every build, against the article's paragraphs as a reader
sees them (:func:`archive.text.paragraphs`). Editors edit articles, so a quote can
stop matching; such an orphan fails the build at the quote's line unless the note
says ``float: true``, in which case it stays on the article as a note whose passage
is no longer found. Nothing is dropped silently.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any

from archive.errors import ContentError
from archive.markdown import Document, renderer, split_front_matter
from archive.text import Paragraph, Span, insert_spans

TARGETS = ("article", "entity", "event")
SELECTOR = ("quote", "prefix", "suffix", "float")
KEYS = (*TARGETS, *SELECTOR, "title", "author", "date")
_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_WHERE = {
    "article": "the slug of a file in content/articles",
    "entity": "an id from content/data/entities.yaml",
    "event": "an event id shown on chronology.html (a rejected event takes no notes)",
}
# Typographic quotes and apostrophes compare as their straight forms: sources and
# editors write “ ” ‘ ’ and " ' interchangeably (see fold()).
_STRAIGHT = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")
# Elements without an end tag: they cut the text but do not nest.
_VOID = frozenset({"br", "img", "wbr", "hr", "input"})
# A note's paragraphs get no ids: ids on the article page belong to the article's own
# paragraphs, which marks, event sources and search results point at.
_MARKDOWN = renderer().disable("paragraph_ids")


@dataclass(frozen=True)
class Quote:
    """A TextQuoteSelector: the exact words, the text around them, and whether it may float."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    may_float: bool = False


@dataclass(frozen=True)
class Note:
    """One editor's note; ``kind`` is what it annotates and ``target`` its slug or id."""

    id: str
    path: Path
    kind: str
    target: str
    html: str
    quote: Quote | None = None
    title: str = ""
    author: str = ""
    date: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Anchor:
    """Where a quote stands: ``text[start:end]`` of one paragraph."""

    paragraph: str
    start: int
    end: int


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


def load_notes(folder: Path) -> tuple[list[Note], list[ContentError]]:
    """Every note in ``folder`` in file-name order, and one error per file that is not one."""
    notes: list[Note] = []
    errors: list[ContentError] = []
    if not folder.is_dir():
        return notes, errors
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            notes.append(load_note(path))
        except ContentError as error:
            errors.append(error)
    return notes, errors


def load_note(path: Path) -> Note:
    """Read and check one note; every mistake is a ``ContentError`` at its line."""
    if path.suffix != ".md":
        raise ContentError(path, "not a note: notes are Markdown files ending in .md")
    if not _ID.match(path.stem):
        raise ContentError(
            path, "a note's file name is its id: use lower-case letters, digits and hyphens"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(path, f"not UTF-8 text ({error.reason})") from None
    document = split_front_matter(text, path)
    if not document.meta:
        raise ContentError(path, "a note starts with front matter naming what it annotates", 1)
    _check_keys(document, path)
    kind, target = _target(document, path)
    quote = _quote(document, path, kind)
    if not document.body.strip():
        raise ContentError(path, "the note has no text after its front matter", document.body_line)
    return Note(
        id=path.stem,
        path=path,
        kind=kind,
        target=target,
        html=_MARKDOWN.render(document.body, {"docId": path.stem}),
        quote=quote,
        title=_text(document, "title", path),
        author=_text(document, "author", path),
        date=_date(document, path),
        lines=document.key_lines,
    )


def _check_keys(document: Document, path: Path) -> None:
    for key in document.meta:
        if key not in KEYS:
            hint = _suggest(key, KEYS) or f"a note knows {', '.join(KEYS)}"
            raise ContentError(path, f"unknown key '{key}': {hint}", document.key_lines.get(key))


def _suggest(word: str, choices: Collection[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _target(document: Document, path: Path) -> tuple[str, str]:
    named = [key for key in TARGETS if key in document.meta]
    if not named:
        raise ContentError(
            path, "the note annotates nothing: add 'article: <slug>', 'entity: <id>' or "
            "'event: <event id>'", 1,
        )  # fmt: skip
    if len(named) > 1:
        line = max(document.key_lines.get(key, 1) for key in named)
        raise ContentError(
            path, f"the note names both {named[0]} and {named[1]}: a note annotates one thing", line
        )
    kind = named[0]
    target = _text(document, kind, path)
    if not target:
        raise ContentError(
            path, f"'{kind}' is empty: give {_WHERE[kind]}", document.key_lines[kind]
        )
    return kind, target


def _quote(document: Document, path: Path, kind: str) -> Quote | None:
    given = [key for key in SELECTOR if key in document.meta]
    if not given:
        return None
    if kind != "article":
        raise ContentError(
            path, f"'{given[0]}' selects a passage of an article; this note annotates an {kind}",
            document.key_lines.get(given[0]),
        )  # fmt: skip
    if "quote" not in document.meta:
        raise ContentError(
            path, f"'{given[0]}' needs a 'quote' to go with", document.key_lines.get(given[0])
        )
    exact = _text(document, "quote", path)
    if not fold(exact).strip():
        raise ContentError(
            path, "'quote' is empty: give the exact words of the passage",
            document.key_lines.get("quote"),
        )  # fmt: skip
    may_float = document.meta.get("float", False)
    if not isinstance(may_float, bool):
        raise ContentError(path, "'float' must be true or false", document.key_lines.get("float"))
    return Quote(exact, _text(document, "prefix", path), _text(document, "suffix", path), may_float)


def _text(document: Document, key: str, path: Path) -> str:
    value: Any = document.meta.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ContentError(
            path, f"'{key}' must be text: put it in quotes", document.key_lines.get(key)
        )
    return value.strip()


def _date(document: Document, path: Path) -> str:
    value = _text(document, "date", path)
    try:
        return datetime.date.fromisoformat(value).isoformat() if value else ""
    except ValueError:
        raise ContentError(
            path, f"'date' must be a date as YYYY-MM-DD, not '{value}'",
            document.key_lines.get("date"),
        ) from None  # fmt: skip


def check_target(note: Note, known: Mapping[str, Collection[str] | None]) -> None:
    """Fail at the target's line when it names nothing the archive has.

    ``known`` holds the ids of each kind; ``None`` where they could not be read (that
    failure is reported where it happened, not once more for every note).
    """
    ids = known[note.kind]
    if ids is None or note.target in ids:
        return
    hint = _suggest(note.target, ids) or f"give {_WHERE[note.kind]}"
    raise ContentError(
        note.path, f"unknown {note.kind} '{note.target}': {hint}", note.lines.get(note.kind)
    )


def fold(text: str) -> str:
    """Text as anchoring compares it: each whitespace run one space, quotes straight.

    Typographic quotes and apostrophes (‘ ’ ‚ ‛ “ ” „ ‟) become ' and "; every run of
    whitespace (no-break spaces and line breaks too) becomes one space; the ends are
    trimmed. Case, dashes and every other character must match as written.
    """
    return "".join(char for char, _ in _folded(text)).strip()


def _folded(text: str) -> list[tuple[str, int]]:
    """Each character of the folded text with its offset in ``text``."""
    out: list[tuple[str, int]] = []
    for offset, char in enumerate(text):
        if char.isspace():
            if out and out[-1][0] == " ":
                continue
            char = " "
        out.append((char.translate(_STRAIGHT), offset))
    return out


def anchor(note: Note, paragraphs: Sequence[Paragraph]) -> Anchor | None:
    """Where the note's quote stands in the article, or ``None`` for a quote that floats.

    The quote must lie within one paragraph. When it matches several passages, the
    ones whose folded text ends with the prefix just before the match and starts
    with the suffix just after it are kept; a quote that matches once is taken
    even if the text around it has changed.
    """
    assert note.quote is not None
    quote = note.quote
    exact = fold(quote.exact)
    found = [match for paragraph in paragraphs for match in _matches(exact, paragraph)]
    if not found:
        if quote.may_float:
            return None
        raise ContentError(
            note.path, f"quote not found in article {note.target}: \"{quote.exact}\" (correct "
            "it, or add 'float: true' to keep the note on the article)", note.lines.get("quote"),
        )  # fmt: skip
    context = [key for key in ("prefix", "suffix") if getattr(quote, key)]
    if len(found) > 1 and context:
        fitting = [match for match in found if _fits(match, quote)]
        if not fitting:
            raise ContentError(
                note.path, f"quote matches {len(found)} passages, none with this {context[0]}",
                note.lines.get(context[0]),
            )  # fmt: skip
        found = fitting
    if len(found) > 1:
        where = ", ".join(dict.fromkeys(match.anchor.paragraph for match in found))
        advice = "make the prefix or suffix longer" if context else "add a prefix or suffix"
        raise ContentError(
            note.path, f"quote matches {len(found)} passages; {advice} (in {where})",
            note.lines.get("quote"),
        )  # fmt: skip
    return found[0].anchor


@dataclass(frozen=True)
class _Match:
    anchor: Anchor
    before: str  # the folded paragraph text before the match
    after: str  # and after it


def _matches(exact: str, paragraph: Paragraph) -> list[_Match]:
    chars = _folded(paragraph.text)
    text = "".join(char for char, _ in chars)
    found = []
    start = text.find(exact)
    while start >= 0:
        end = start + len(exact)
        where = Anchor(paragraph.id, chars[start][1], chars[end - 1][1] + 1)
        found.append(_Match(where, text[:start], text[end:]))
        start = text.find(exact, start + 1)
    return found


def _fits(match: _Match, quote: Quote) -> bool:
    before = match.before.rstrip().endswith(fold(quote.prefix))
    return before and match.after.lstrip().startswith(fold(quote.suffix))


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
