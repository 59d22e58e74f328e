"""Every note in one place: the ``notes.html`` listing.

Readers follow the editors' work as it grows, newest first (the published site's
feed of the notes is made with the other feeds, in ``archive/site/published.py``).
A note is shown where it sits: its passage, its entity, its event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from archive.core import urls
from archive.notes.load import Note


@dataclass(frozen=True)
class Listed:
    """A note as the listing shows it: where it sits, and what that place is called."""

    note: Note
    url: str  # from the site root
    place: str  # "the article …", an entity's name, an event's title


def newest_first(notes: Sequence[Note]) -> list[Note]:
    """Dated notes newest first, then undated ones, each group by id."""
    dated = sorted((n for n in notes if n.date), key=lambda n: n.id)
    dated.sort(key=lambda n: n.date, reverse=True)
    return dated + sorted((n for n in notes if not n.date), key=lambda n: n.id)


def where(note: Note, anchored: bool) -> str:
    """The URL of the place a note is shown, from the site root."""
    if note.kind == "article":
        fragment = f"anchor-{note.id}" if anchored else f"note-{note.id}"
        return f"{urls.article(note.target)}#{fragment}"
    if note.kind == "entity":
        return urls.entity(note.target)
    return f"{urls.CHRONOLOGY}#{note.target}"


def listing(
    notes: Sequence[Note], anchored: set[str], place: Callable[[Note], str]
) -> list[Listed]:
    """The listing's entries, newest first; ``anchored`` are the notes marked on a passage."""
    return [Listed(n, where(n, n.id in anchored), place(n)) for n in newest_first(notes)]
