"""Shared fixtures: a small fixture archive (built, or a copy to edit), the shipped site, Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_builder import FixtureArchive, run_pelican, small_archive
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from archive.check.chromium import chromium

ROOT = Path(__file__).resolve().parents[1]
# publishconf.py requires the site's address (README, "Publishing"): the tasks and
# builds the tests start publish to this one unless a test says otherwise.
os.environ.setdefault("ARCHIVE_SITEURL", "https://archive.example.org")
SEEDS = ROOT / "content" / "clippings"  # the raw originals, as shipped


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture archive (``archive_builder.small_archive``), built once."""
    return small_archive(tmp_path_factory.mktemp("small-archive")).built()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from the shipped ``content/`` (for ``test_shipped_site.py`` only)."""
    output = tmp_path_factory.mktemp("shipped-site")
    result = run_pelican(ROOT / "content", output, tmp_path_factory.mktemp("shipped-cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture
def archive(tmp_path: Path) -> FixtureArchive:
    """A fresh copy of the small fixture archive that a test may edit or break."""
    return small_archive(tmp_path / "archive")


def page(path: Path) -> BeautifulSoup:
    """Parse a built page."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for a module's browser tests.

    Module scope: the sync Playwright API allows one running instance per thread,
    and other modules start their own.
    """
    with chromium() as browser:
        yield browser


def open_page(browser: Browser, url: str, errors: list[str], width: int = 1280) -> Page:
    """Open ``url`` in a new tab, collecting console errors and failed requests in ``errors``."""
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    tab.goto(url)
    return tab
