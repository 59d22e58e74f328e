"""Stage: what only the published site has (``CANONICAL_SITEURL`` set by publishconf.py).

Atom feeds of the articles and of the editors' notes, then, once every page is
written, ``sitemap.xml`` and ``robots.txt``. ``archive.site.published`` makes
the documents; this stage only gathers what they list. A feed entry carries the
article's text as plain paragraphs: no marks, buttons or notes of the page.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from pelican import Pelican
from pelican.contents import Article
from pelican.generators import Generator

from archive.core import urls
from archive.notes.load import Note
from archive.site.export import write_text
from archive.site.published import FeedEntry, atom_feed, page_paths, paragraphs_html, robots
from archive.site.published import sitemap as sitemap_xml

from .state import ArchiveState


def write_feeds(generator: Generator, state: ArchiveState) -> None:
    """``feeds/all.atom.xml`` (articles) and ``feeds/notes.atom.xml`` (editors' notes)."""
    siteurl = generator.settings.get("CANONICAL_SITEURL")
    if not siteurl:
        return
    articles: list[Article] = generator.context["articles"]
    output = Path(generator.output_path)
    name, author = generator.settings["SITENAME"], generator.settings["AUTHOR"]
    entries = [_article_entry(article, state) for article in articles]
    write_text(
        output / urls.FEED_ARTICLES,
        atom_feed(siteurl, urls.FEED_ARTICLES, f"{name}: articles", author, entries),
    )
    latest = max((a.date.date() for a in articles), default=datetime.date(2000, 1, 1))
    notes = [
        _note_entry(note, state, {a.slug: a for a in articles}, latest) for note in state.notes
    ]
    write_text(
        output / urls.FEED_NOTES,
        atom_feed(siteurl, urls.FEED_NOTES, f"{name}: editors' notes", author, notes),
    )


def write_sitemap(pelican: Pelican) -> None:
    """``sitemap.xml`` of every page written, and ``robots.txt`` pointing at it."""
    siteurl = pelican.settings.get("CANONICAL_SITEURL")
    if not siteurl:
        return
    output = Path(pelican.output_path)
    write_text(output / urls.SITEMAP, sitemap_xml(siteurl, page_paths(output)))
    write_text(output / urls.ROBOTS, robots(siteurl))


def _article_entry(article: Article, state: ArchiveState) -> FeedEntry:
    blocks = state.articles[article.slug].blocks
    return FeedEntry(
        title=article.title,
        path=article.url,
        published=article.date.date(),
        html=paragraphs_html(block.text for block in blocks),
        author=str(article.metadata.get("author") or ""),
    )


def _note_entry(
    note: Note, state: ArchiveState, articles: dict[str, Article], latest: datetime.date
) -> FeedEntry:
    return FeedEntry(
        title=note.title or f"Note on {note.target}",
        path=_note_path(note, state, articles),
        published=_note_date(note, articles, latest),
        html=note.html,
        author=note.author,
    )


def _note_path(note: Note, state: ArchiveState, articles: dict[str, Article]) -> str:
    """Where the note is shown: beside its passage, below its article, on its entity or event."""
    if note.kind == "article":
        listed = {n.id for n in state.articles[note.target].notes}
        anchor = "note" if note.id in listed else "sidenote"
        return f"{articles[note.target].url}#{anchor}-{note.id}"
    if note.kind == "entity":
        return urls.entity(note.target)
    return f"{urls.CHRONOLOGY}#note-{note.id}"


def _note_date(note: Note, articles: dict[str, Article], latest: datetime.date) -> datetime.date:
    """The note's own date; else its article's; else the newest article's (never the clock)."""
    try:
        return datetime.date.fromisoformat(str(note.date))
    except ValueError:
        article = articles.get(note.target) if note.kind == "article" else None
        return article.date.date() if article else latest
