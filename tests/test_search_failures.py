"""When the index cannot be trusted or does not arrive, the page says so and stops waiting.

Each test breaks a copy of the small fixture archive's index the way a stale cache, a bad
deploy or a stalled server would, then searches in headless Chromium.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect
from search_support import open_search

from archive.check.chromium import chromium
from archive.check.local_server import served
from archive.search.browser_index import INDEX_VERSION
from archive.search.index_files import LOADER

pytestmark = pytest.mark.browser
UNAVAILABLE = "Search is unavailable: "


@pytest.fixture
def site(site: Path, tmp_path: Path) -> Path:
    """A copy of the small fixture archive's site that a test may break."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return copy


@pytest.fixture
def page() -> Iterator[Page]:
    with chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        assert not errors


def expect_unavailable(page: Page, reason: str) -> None:
    """The status names the problem, and the page is no longer busy."""
    expect(page.locator("#search-status")).to_have_text(re.compile(re.escape(UNAVAILABLE + reason)))
    expect(page.locator(".search-page")).not_to_have_attribute("aria-busy", "true")
    expect(page.locator("#search-results li")).to_have_count(0)


def test_an_index_of_another_version_is_refused(site: Path, page: Page) -> None:
    manifest = site / "search" / "manifest.js"
    text = manifest.read_text(encoding="utf-8")
    stale = text.replace(f'"version":{INDEX_VERSION},', f'"version":{INDEX_VERSION - 1},', 1)
    assert stale != text
    manifest.write_text(stale, encoding="utf-8")
    open_search(page, site, "Berg")
    expect_unavailable(
        page, f"the index is version {INDEX_VERSION - 1}, this page reads version {INDEX_VERSION}"
    )


def test_the_header_box_says_so_too(site: Path, page: Page) -> None:
    manifest = site / "search" / "manifest.js"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('"version":', '"v":', 1), encoding="utf-8")
    page.goto((site / "index.html").as_uri())
    page.locator("#site-search").press_sequentially("Berg")
    status = page.locator(".search-popup__status")
    expect(status).to_have_text(
        re.compile(re.escape(UNAVAILABLE + "the index is version undefined"))
    )


def test_a_file_that_loads_but_never_registers_fails(site: Path, page: Page) -> None:
    shards = sorted((site / "search" / "t").glob("*.js"))
    assert shards and all(s.read_text(encoding="utf-8").startswith(LOADER) for s in shards)
    for shard in shards:
        shard.write_text("/* not an index file */\n", encoding="utf-8")
    open_search(page, site, "Berg")
    expect_unavailable(page, "search index file did not register: t/")


def test_a_missing_file_fails(site: Path, page: Page) -> None:
    shutil.rmtree(site / "search" / "t")
    open_search(page, site, "Berg")
    expect_unavailable(page, "search index file missing: t/")


@pytest.fixture
def served_site(site: Path) -> Iterator[str]:
    """The site over HTTP on localhost (a stalled request needs a server to stall)."""
    with served(site) as base:
        yield base + "/"


def test_a_file_that_never_arrives_times_out_and_a_retry_works(
    served_site: str, page: Page
) -> None:
    shards = re.compile(r"/search/t/[^/]+\.js$")
    stalled: list[Route] = []
    page.route(shards, lambda route: stalled.append(route))  # never answered
    page.goto(served_site + "search.html?q=commission", wait_until="domcontentloaded")
    expect(page.locator("#search-status")).to_have_text(
        re.compile(re.escape(UNAVAILABLE + "search index file did not load in time: t/")),
        timeout=15_000,
    )
    expect(page.locator(".search-page")).not_to_have_attribute("aria-busy", "true")
    assert stalled
    page.unroute(shards)  # the stalled requests go on, late
    page.locator("#search-query").press("Enter")
    expect(page.locator("#search-status")).to_have_text("1 article matches “commission”.")
