"""Editors' notes: read them and check what they annotate.

A note is ``content/notes/<id>.md``: YAML front matter naming exactly one thing it
annotates (``article``, ``entity`` or ``event``), then a Markdown body. A note on a
passage of an article selects it as the W3C Web Annotation model's
``TextQuoteSelector`` does: the exact words (``quote``) and, to pick one of several
matches, the text just before (``prefix``) and after (``suffix``) them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from archive.core.errors import ContentError
from archive.core.textfile import read_utf8
from archive.core.yamlfile import Key, Shape, did_you_mean
from archive.notes.folding import fold
from archive.site.markdown import Document, renderer, split_front_matter

TARGETS = ("article", "entity", "event")
SELECTOR = ("quote", "prefix", "suffix", "float")
# A note's front matter: what it annotates, the passage, its byline.
FRONT_MATTER = Shape(
    "the note",
    [
        *(Key(key) for key in (*TARGETS, "quote", "prefix", "suffix")),
        Key("float", "bool"),
        *(Key(key) for key in ("title", "author", "date")),
    ],
    any_case=True,
)
_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_WHERE = {
    "article": "the slug of a file in content/articles",
    "entity": "an id from content/data/entities.yaml",
    "event": "an event id shown on chronology.html (a rejected event takes no notes)",
}
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
    text = read_utf8(path, "the note")
    document = split_front_matter(text, path, FRONT_MATTER)
    if not document.meta:
        raise ContentError(path, "a note starts with front matter naming what it annotates", 1)
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
    may_float = document.meta.get("float") is True
    return Quote(exact, _text(document, "prefix", path), _text(document, "suffix", path), may_float)


def _text(document: Document, key: str, path: Path) -> str:
    """A text value (its kind checked by the shape), trimmed; "" when not given."""
    value: str | None = document.meta.get(key)
    return value.strip() if value else ""


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
    hint = did_you_mean(note.target, ids) or f"give {_WHERE[note.kind]}"
    raise ContentError(
        note.path, f"unknown {note.kind} '{note.target}': {hint}", note.lines.get(note.kind)
    )
