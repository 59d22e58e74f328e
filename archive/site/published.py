"""What only the published site has: its address, Atom feeds, a sitemap and robots.txt.

Pages link relatively, so that a copy works from disk; but a feed reader, a
search engine or a link preview needs absolute addresses, and they can only be
made from the site's URL (``ARCHIVE_SITEURL`` for ``publishconf.py``). Feed ids
are tag URIs (RFC 4151) on the site's domain, so an entry keeps its id when the
site moves between schemes or mirrors of one host.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

SITEURL_VARIABLE = "ARCHIVE_SITEURL"
_ATOM = "http://www.w3.org/2005/Atom"
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def require_siteurl(value: str | None) -> str:
    """The published site's URL without a trailing slash; a missing or odd one is refused.

    Raises ``SystemExit`` with the line to show: settings files run before any
    logging, and an operator should see one sentence, not a traceback.
    """
    hint = f"set {SITEURL_VARIABLE} to the address readers use, e.g. https://archive.example.org"
    if not value or not value.strip():
        raise SystemExit(f"publishconf.py: SITEURL is required for a published build: {hint}")
    url = value.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SystemExit(f"publishconf.py: {SITEURL_VARIABLE}={value!r} is not a site URL: {hint}")
    return url


def root_path(siteurl: str) -> str:
    """The path of the site's root on its host, with a final slash ("/briefings/")."""
    return urlsplit(siteurl).path.rstrip("/") + "/"


def absolute(siteurl: str, path: str) -> str:
    """The address of ``path`` (from the site root) on the published site."""
    return f"{siteurl}/{path.lstrip('/')}"


def link_from(page: str, path: str, siteurl: str = "") -> str:
    """How the page saved at ``page`` names ``path``: absolute when the site's URL is known,
    else relative to the page (a copy on disk works)."""
    return absolute(siteurl, path) if siteurl else "../" * page.count("/") + path


def tag_uri(siteurl: str, date: datetime.date, path: str) -> str:
    """A tag URI (RFC 4151) for ``path``, minted on ``date`` by the site's domain."""
    parts = urlsplit(absolute(siteurl, path))
    return f"tag:{parts.hostname},{date.isoformat()}:{parts.path}"


@dataclass(frozen=True)
class FeedEntry:
    """One entry of an Atom feed; ``path`` from the site root, ``html`` already safe."""

    title: str
    path: str
    published: datetime.date
    html: str
    author: str = ""
    updated: datetime.date | None = None


def paragraphs_html(texts: Iterable[str]) -> str:
    """Plain paragraphs as escaped HTML: what a feed shows of an article."""
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def atom_feed(
    siteurl: str, path: str, title: str, author: str, entries: Sequence[FeedEntry]
) -> str:
    """An Atom 1.0 document, newest entry first, every link and id absolute."""
    ET.register_namespace("", _ATOM)
    ordered = sorted(entries, key=lambda e: (e.published, e.path), reverse=True)
    first = min((e.published for e in entries), default=datetime.date(2000, 1, 1))
    latest = max((e.updated or e.published for e in entries), default=first)
    feed = ET.Element(f"{{{_ATOM}}}feed")
    _text(feed, "title", title)
    _text(feed, "id", tag_uri(siteurl, first, path))
    _text(feed, "updated", _timestamp(latest))
    _link(feed, absolute(siteurl, path), "self")
    _link(feed, absolute(siteurl, ""), "alternate")
    _author(feed, author)
    for entry in ordered:
        item = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        _text(item, "title", entry.title)
        _link(item, absolute(siteurl, entry.path), "alternate")
        _text(item, "id", tag_uri(siteurl, entry.published, entry.path))
        _text(item, "published", _timestamp(entry.published))
        _text(item, "updated", _timestamp(entry.updated or entry.published))
        if entry.author:
            _author(item, entry.author)
        _text(item, "content", entry.html).set("type", "html")
    return _document(feed)


def sitemap(siteurl: str, paths: Iterable[str]) -> str:
    """A sitemap (sitemaps.org 0.9) of the pages at ``paths``."""
    ET.register_namespace("", _SITEMAP)
    root = ET.Element(f"{{{_SITEMAP}}}urlset")
    for path in sorted(set(paths)):
        url = ET.SubElement(root, f"{{{_SITEMAP}}}url")
        ET.SubElement(url, f"{{{_SITEMAP}}}loc").text = absolute(siteurl, path)
    return _document(root)


def robots(siteurl: str) -> str:
    """robots.txt: everything may be read; where the sitemap is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(siteurl, 'sitemap.xml')}\n"


def page_paths(output: Path, leave_out: Iterable[str] = ("404.html",)) -> list[str]:
    """Every HTML page written under ``output``, as paths from the root (the 404 left out)."""
    skipped = set(leave_out)
    found = (p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    return sorted(path for path in found if path not in skipped)


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_ATOM}}}{name}")
    element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str) -> None:
    ET.SubElement(parent, f"{{{_ATOM}}}link", {"rel": rel, "href": href})


def _author(parent: ET.Element, name: str) -> None:
    _text(ET.SubElement(parent, f"{{{_ATOM}}}author"), "name", name)


def _timestamp(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _document(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"
