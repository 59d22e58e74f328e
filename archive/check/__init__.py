"""Checks a built site must pass before it goes live (``invoke check``, and publish).

One module per check; each takes the site folder and returns :class:`Problem` s,
every one naming its page and the element (or line, or JSON path) at fault.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from archive.check.api import check_api
from archive.check.articles import Slugify, check_articles
from archive.check.browser import check_browser
from archive.check.calendar import check_calendar
from archive.check.html import check_html
from archive.check.links import check_links
from archive.check.problem import Problem

__all__ = ["Check", "Problem", "run_checks", "site_checks"]

Check = Callable[[Path], list[Problem]]


def site_checks(articles: Path, slugify: Slugify) -> dict[str, Check]:
    """The checks by name, cheapest first, for a site built from ``articles``."""
    return {
        "links": check_links,
        "articles": partial(check_articles, articles=articles, slugify=slugify),
        "api": check_api,
        "calendar": check_calendar,
        "html": check_html,
        "browser": check_browser,
    }


def run_checks(
    site: Path,
    checks: dict[str, Check],
    started: Callable[[str], None] = lambda name: None,
) -> list[Problem]:
    """Every problem ``checks`` find in ``site``; ``started`` hears each check's name first."""
    if not (site / "index.html").is_file():
        return [Problem(str(site), "not a built site: there is no index.html")]
    site = site.resolve()  # the release itself, when given the live link
    problems: list[Problem] = []
    for name, check in checks.items():
        started(name)
        problems.extend(check(site))
    return problems
