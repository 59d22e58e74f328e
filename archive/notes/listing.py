"""Every note in one place: the ``notes.html`` listing and its Atom feed.

Readers follow the editors' work as it grows, newest first; a feed reader gets
the same list. A note is shown where it sits: its passage, its entity, its event.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from archive.core import urls
from archive.notes.load import Note

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:briefing-archive,2021:notes"  # stable whatever the site's address


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


def atom_feed(entries: Sequence[Listed], site_url: str, title: str) -> str:
    """The listing as an Atom 1.0 feed; links are absolute when ``site_url`` is given."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text:
            node.text = text
        return node

    base = f"{site_url.rstrip('/')}/" if site_url else ""
    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "title", f"{title}: editors' notes")
    sub(feed, "id", FEED_ID)
    sub(feed, "link", href=f"{base}{urls.NOTES}", rel="alternate", type="text/html")
    dates = [e.note.date for e in entries if e.note.date]
    sub(feed, "updated", _stamp(max(dates) if dates else "1970-01-01"))
    sub(sub(feed, "author"), "name", title)
    for entry in entries:
        node = sub(feed, "entry")
        note = entry.note
        sub(node, "title", note.title or f"Note on {entry.place}")
        sub(node, "id", f"{FEED_ID}/{note.id}")
        sub(node, "link", href=f"{base}{entry.url}", rel="alternate", type="text/html")
        sub(node, "updated", _stamp(note.date or "1970-01-01"))
        if note.author:
            sub(sub(node, "author"), "name", note.author)
        sub(node, "summary", f"On {entry.place}")
        sub(node, "content", note.html, type="html")  # escaped by ElementTree
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _stamp(day: str) -> str:
    return f"{datetime.date.fromisoformat(day).isoformat()}T00:00:00Z"
