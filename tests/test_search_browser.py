"""The search page as a reader uses it, in headless Chromium, from files on disk (file://)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect
from search_support import chromium, open_search, shipped_site, synthetic_site

pytestmark = pytest.mark.browser
KAAG = "articles/2021-08-25-through-a-telephone-call-made-on-tuesday-russias-president.html"
LAVROV = "articles/2021-08-16-wang-yi-china-and-russia-should-strengthen-strategic.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shipped_site(tmp_path_factory.getbasetemp())


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
    page.locator("#search-query").press_sequentially("Kaag")
    status = page.locator("#search-status")
    expect(status).to_have_text("1 article matches “Kaag”.")
    assert status.get_attribute("aria-live") == "polite"
    assert results(page)[0].endswith(KAAG)
    first = page.locator(".search-result").first
    expect(first.locator(".search-result__snippet mark").first).to_have_text("Kaag")
    passage = first.locator("a.search-result__passage")  # to the paragraph the snippet is from
    expect(passage).to_have_attribute("href", re.compile(re.escape(KAAG) + "#p4$"))
    expect(first.locator("time")).to_have_attribute("datetime", "2021-08-25")
    assert query_string(page)["q"] == ["Kaag"]


def test_the_last_word_matches_as_a_prefix(site: Path, page: Page) -> None:
    open_search(page, site)
    page.locator("#search-query").press_sequentially("Lavr")
    expect(page.locator("#search-status")).to_have_text("1 article matches “Lavr”.")
    assert results(page)[0].endswith(LAVROV)


def test_quoted_phrases_match_word_for_word(site: Path, page: Page) -> None:
    open_search(page, site, '"Shanghai%20Cooperation%20Organization"')
    expect(page.locator("#search-status")).to_contain_text("2 articles match")
    open_search(page, site, '"Organization%20Cooperation%20Shanghai"')
    expect(page.locator("#search-status")).to_contain_text("No articles match")


def test_a_shared_url_repeats_the_search(site: Path, page: Page) -> None:
    open_search(page, site, "Lavrov")
    expect(page.locator("#search-status")).to_have_text("1 article matches “Lavrov”.")
    expect(page.locator("#search-query")).to_have_value("Lavrov")
    expect(page.locator("#site-search")).to_have_value("Lavrov")


def test_facets_count_and_filter(site: Path, page: Page) -> None:
    open_search(page, site, "Afghanistan")
    expect(page.locator("#search-status")).to_have_text("5 articles match “Afghanistan”.")
    lavrov = page.locator('button[data-facet="entity"][data-value="sergey-lavrov"]')
    expect(lavrov).to_have_count(0)  # entity counts load when their group is opened
    page.locator("summary", has_text="Entity").click()
    expect(lavrov).to_have_text("Sergey Lavrov (1)")
    lavrov.click()
    expect(page.locator("#search-status")).to_have_text("1 article matches “Afghanistan”.")
    expect(lavrov).to_have_attribute("aria-pressed", "true")
    assert query_string(page)["entity"] == ["sergey-lavrov"]
    assert results(page)[0].endswith(LAVROV)
    month = page.locator('button[data-facet="month"][data-value="2021-08"]')
    expect(month).to_have_text("August 2021 (1)")
    lavrov.click()
    expect(page.locator("#search-status")).to_have_text("5 articles match “Afghanistan”.")
    assert "entity" not in query_string(page)


def test_keyboard_moves_opens_and_clears(site: Path, page: Page) -> None:
    open_search(page, site)
    box = page.locator("#search-query")
    box.press_sequentially("Putin")
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
    box.press_sequentially("Kaag")
    expect(links).to_have_count(1)
    box.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{KAAG}")


def test_the_header_box_searches_on_the_search_page(site: Path, page: Page) -> None:
    open_search(page, site)
    page.locator("#site-search").press_sequentially("Modi")
    expect(page.locator("#search-status")).to_have_text("1 article matches “Modi”.")
    expect(page.locator("#search-query")).to_have_value("Modi")


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
