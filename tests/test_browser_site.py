"""The built site in a real headless Chromium, served and opened from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_builder import FACTS
from conftest import open_page
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def test_home_and_article_render_from_disk_without_errors(browser: Browser, site: Path) -> None:
    errors: list[str] = []
    home = open_page(browser, (site / "index.html").as_uri(), errors)
    first = home.locator(".article-list__title a").first
    title = first.inner_text()
    assert home.locator(".article-list__item").count() == len(FACTS.articles)
    first.click()
    home.wait_for_load_state()
    assert home.locator("h1").inner_text() == title
    assert home.locator(".article__body p").count() > 1
    assert errors == []


def test_article_reads_on_a_phone_without_sideways_scrolling(browser: Browser, site: Path) -> None:
    errors: list[str] = []
    article = next((site / "articles").glob("*.html"))
    tab = open_page(browser, article.as_uri(), errors, width=375)
    scroll_width = tab.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375
    assert tab.locator("h1").is_visible()
    assert errors == []


def test_chronology_filters_by_participant_and_kind(browser: Browser, site: Path) -> None:
    errors: list[str] = []
    tab = open_page(browser, (site / "chronology.html").as_uri(), errors)
    total = tab.locator(".event").count()
    assert total == 2  # the call and the meeting of the fixture archive
    tab.select_option("select[name=who]", "tomas-lind")
    visible = tab.locator(".event:visible")
    assert 0 < visible.count() < total
    for index in range(visible.count()):
        assert "tomas-lind" in visible.nth(index).get_attribute("data-participants").split()
    assert "who=tomas-lind" in tab.url
    assert tab.locator(".filter-count").inner_text() == "1 event"  # one, singular
    tab.select_option("select[name=kind]", "meeting")
    assert tab.locator(".event:visible").count() == 0  # his one event is a call
    tab.select_option("select[name=kind]", "call")
    assert tab.locator(".event:visible").count() == 1
    assert tab.locator(".event:visible").get_attribute("id") == FACTS.call
    assert errors == []


def test_header_box_answers_while_typing_on_any_page(browser: Browser, site: Path) -> None:
    errors: list[str] = []
    tab = open_page(browser, (site / "chronology.html").as_uri(), errors)
    tab.fill("#site-search", "Vellen")
    popup = tab.locator(".search-popup")
    popup.wait_for(state="visible")
    assert "Berg meets the ambassador in Vellen" in popup.inner_text()
    tab.keyboard.press("Escape")
    tab.fill("#site-search", "")
    assert errors == []
