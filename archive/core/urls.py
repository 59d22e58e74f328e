"""The site's URL scheme, in one place for Python, Pelican's settings and the templates.

Every URL is a path from the site root with an explicit file name, so that a copy
of the site opened from disk (``file://``) works like the served one; pages put
the way back to the root (:func:`relative_root`) in front of it.
"""

from __future__ import annotations

import datetime

ARTICLE = "articles/{slug}.html"  # also Pelican's ARTICLE_URL and ARTICLE_SAVE_AS
PAGE = "pages/{slug}.html"
YEAR_ARCHIVE = "archive/{date:%Y}/index.html"
MONTH_ARCHIVE = "archive/{date:%Y}/{date:%m}/index.html"
HOME = "index.html"
ARCHIVES = "archives.html"
ENTITY_INDEX = "entities/index.html"
CHRONOLOGY = "chronology.html"
CALENDAR = "chronology.ics"
SEARCH = "search.html"
NOTES = "notes.html"  # every editor's note, newest first
SEARCH_INDEX = "search/"  # the browser index's folder
API = "api/{name}.json"
COMPARE = "compare/{event}.html"  # an event's reports side by side
# Only on the published site (they need absolute addresses): see archive.site.published.
FEED_ARTICLES = "feeds/all.atom.xml"
FEED_NOTES = "feeds/notes.atom.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


def article(slug: str) -> str:
    """ "articles/<slug>.html"."""
    return ARTICLE.format(slug=slug)


def entity(entity_id: str, page: int = 1) -> str:
    """An entity's page, or the n-th page of the articles that mention it."""
    return f"entities/{entity_id}/" + ("index.html" if page == 1 else f"page-{page}.html")


def month_archive(date: datetime.date) -> str:
    """The page of a month's articles."""
    return MONTH_ARCHIVE.format(date=date)


def compare(event_id: str) -> str:
    """The "Compare the reports" page of an event."""
    return COMPARE.format(event=event_id)


def api(name: str) -> str:
    """A data file of the export ("articles", "entities", "chronology")."""
    return API.format(name=name)


def relative_root(save_as: str) -> str:
    """The way back to the site root from a page saved at ``save_as``."""
    return "../" * save_as.count("/")
