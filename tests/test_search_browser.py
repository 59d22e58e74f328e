"""The search page as a reader uses it, in headless Chromium, from files on disk (file://)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from archive_builder import APRIL, TUESDAY, WEDNESDAY
from playwright.sync_api import Page, expect
from search_support import open_search, synthetic_site

from archive.check.chromium import chromium

pytestmark = pytest.mark.browser
# The small fixture archive (conftest's ``site``): "timber" is in one article only, as
# "commission" is in another; "Berg" is in all four.
TIMBER = f"articles/{TUESDAY}.html"
COMMISSION = f"articles/{WEDNESDAY}.html"
AMBASSADOR = f"articles/{APRIL}.html"


@pytest.fixture
def page(site: Path) -> Iterator[Page]:
    """A fresh page; every request it makes must stay inside the site folder."""
    with chromium() as browser:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        assert not errors
        assert all(url.startswith(site.as_uri()) for url in requests), requests


def results(page: Page) -> list[str]:
    """The result links' targets, relative to the site, in order."""
    hrefs = page.locator("#search-results a.search-result__link").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return [href.split("/", 3)[-1].split("site/", 1)[-1] for href in hrefs]


def query_string(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_results_appear_while_typing(site: Path, page: Page) -> None:
    open_search(page, site)
    page.locator("#search-query").press_sequentially("timber")
    status = page.locator("#search-status")
    expect(status).to_have_text("1 article matches “timber”.")
    assert status.get_attribute("aria-live") == "polite"
    assert results(page) and results(page)[0].endswith(TIMBER)
    first = page.locator(".search-result").first
    expect(first.locator(".search-result__snippet mark").first).to_have_text("timber")
    passage = first.locator("a.search-result__passage")  # to the paragraph the snippet is from
    expect(passage).to_have_attribute("href", re.compile(re.escape(TIMBER) + "#p2$"))
    expect(first.locator("time")).to_have_attribute("datetime", "2023-03-08")
    assert query_string(page)["q"] == ["timber"]


def test_the_last_word_matches_as_a_prefix(site: Path, page: Page) -> None:
    open_search(page, site)
    page.locator("#search-query").press_sequentially("commiss")
    expect(page.locator("#search-status")).to_have_text("1 article matches “commiss”.")
    assert results(page)[0].endswith(COMMISSION)


def test_quoted_phrases_match_word_for_word(site: Path, page: Page) -> None:
    open_search(page, site, '"Northern%20Council"')
    expect(page.locator("#search-status")).to_contain_text("3 articles match")
    open_search(page, site, '"Council%20Northern"')
    expect(page.locator("#search-status")).to_contain_text("No articles match")


def test_a_shared_url_repeats_the_search(site: Path, page: Page) -> None:
    open_search(page, site, "Vellen")
    expect(page.locator("#search-status")).to_have_text("2 articles match “Vellen”.")
    expect(page.locator("#search-query")).to_have_value("Vellen")
    expect(page.locator("#site-search")).to_have_value("Vellen")


def test_facets_count_and_filter(site: Path, page: Page) -> None:
    open_search(page, site, "Berg")
    expect(page.locator("#search-status")).to_have_text("4 articles match “Berg”.")
    karl = page.locator('button[data-facet="entity"][data-value="karl-lind"]')
    expect(karl).to_have_count(0)  # entity counts load when their group is opened
    page.locator("summary", has_text="Entity").click()
    expect(karl).to_have_text("Karl Lind (1)")
    karl.click()
    expect(page.locator("#search-status")).to_have_text("1 article matches “Berg”.")
    expect(karl).to_have_attribute("aria-pressed", "true")
    assert query_string(page)["entity"] == ["karl-lind"]
    assert results(page)[0].endswith(AMBASSADOR)
    month = page.locator('button[data-facet="month"][data-value="2023-04"]')
    expect(month).to_have_text("April 2023 (1)")
    karl.click()
    expect(page.locator("#search-status")).to_have_text("4 articles match “Berg”.")
    assert "entity" not in query_string(page)


def test_keyboard_moves_opens_and_clears(site: Path, page: Page) -> None:
    open_search(page, site)
    box = page.locator("#search-query")
    box.press_sequentially("Lind")
    expect(page.locator("#search-status")).to_contain_text("articles match")
    links = page.locator("#search-results a.search-result__link")
    box.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    box.press("Escape")
    expect(box).to_have_value("")
    expect(links).to_have_count(0)
    expect(page.locator("#search-status")).to_have_text("")
    assert "q" not in query_string(page)
    box.press_sequentially("timber")
    expect(links).to_have_count(1)
    box.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{TIMBER}")


def test_the_header_box_searches_on_the_search_page(site: Path, page: Page) -> None:
    open_search(page, site)
    page.locator("#site-search").press_sequentially("Ambassador")
    expect(page.locator("#search-status")).to_have_text("1 article matches “Ambassador”.")
    expect(page.locator("#search-query")).to_have_value("Ambassador")


def test_text_from_articles_stays_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    site = synthetic_site(tmp_path_factory.getbasetemp())
    with chromium() as browser:
        page = browser.new_page()
        open_search(page, site, "Zyxwv")
        expect(page.locator("#search-status")).to_have_text("1 article matches “Zyxwv”.")
        result = page.locator(".search-result").first
        expect(result.locator(".search-result__title")).to_have_text(
            "Kremlin <b>readout</b> & notes"
        )
        expect(result.locator(".search-result__snippet")).to_contain_text(
            "<script>alert(1)</script>"
        )
        expect(result.locator(".search-result__meta")).to_contain_text("Test <i>Wire</i>")
        assert result.locator("b, i, script").count() == 0
