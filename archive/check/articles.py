"""Every article in ``content/articles/`` has its page: none was skipped on the way.

Pelican leaves out an article it cannot read and still exits 0; this check sees the
hole from the outside, by the page each article file should have produced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archive.check.problem import Problem
from archive.core.errors import ContentError
from archive.site.markdown import split_front_matter

# How a title becomes a slug when the front matter gives none (the site's own rule).
Slugify = Callable[[str], str]


def check_articles(
    site: Path, articles: Path, slugify: Slugify, save_as: str = "articles/{slug}.html"
) -> list[Problem]:
    """One problem per article file (drafts aside) whose page is not in ``site``."""
    problems: list[Problem] = []
    for source in sorted(articles.glob("*.md")):
        try:
            expected = _page_of(source, slugify, save_as)
        except ContentError as error:
            problems.append(Problem(str(source), f"has no page: {error.message}", _line(error)))
            continue
        if expected is not None and not (site / expected).is_file():
            problems.append(Problem(expected, f"missing: the page of {source.name} was not built"))
    return problems


def _page_of(source: Path, slugify: Slugify, save_as: str) -> str | None:
    """The page ``source`` should produce (None for a draft, which is not published)."""
    try:
        document = split_front_matter(source.read_text(encoding="utf-8"), source)
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(source, f"cannot be read: {error}") from None
    meta = document.meta
    if str(meta.get("status", "")).lower() == "draft":
        return None
    slug = str(meta.get("slug") or slugify(str(meta.get("title") or "")))
    if not slug:
        raise ContentError(source, "it has neither a slug nor a title", 1)
    return str(meta.get("save_as") or save_as.format(slug=slug))


def _line(error: ContentError) -> str:
    return f"line {error.line}" if error.line else ""
