"""A passage note in a real headless Chromium: beside the text when wide, tap-to-open on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_builder import FACTS, NOTES
from conftest import open_page
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

NOTE = FACTS.note_on_article
SLUG = str(NOTES[NOTE]["article"])
SIDENOTE = f"#sidenote-{NOTE}"
REFERENCE = "Editor's note on “on Tuesday”"


def open_article(browser: Browser, site: Path, width: int) -> tuple[Page, list[str]]:
    """The annotated article in a tab ``width`` pixels wide, and the errors it logs."""
    errors: list[str] = []
    tab = open_page(browser, (site / "articles" / f"{SLUG}.html").as_uri(), errors, width)
    return tab, errors


def expanded(tab: Page, name: str) -> bool:
    """The expanded state Chromium gives assistive technology for the button called ``name``."""
    nodes = tab.context.new_cdp_session(tab).send("Accessibility.getFullAXTree")["nodes"]
    button = next(
        node
        for node in nodes
        if node.get("role", {}).get("value") == "button"
        and node.get("name", {}).get("value") == name
    )
    return next(p["value"]["value"] for p in button["properties"] if p["name"] == "expanded")


def test_on_a_wide_screen_the_note_sits_in_the_margin_beside_its_passage(
    browser: Browser, site: Path
) -> None:
    tab, errors = open_article(browser, site, width=1280)
    note = tab.locator(SIDENOTE)
    assert note.is_visible() and "The call was on Wednesday" in note.inner_text()
    box = note.bounding_box()
    text = tab.locator("#p1").bounding_box()
    mark = tab.locator(f"#anchor-{NOTE}").bounding_box()
    sidebar = tab.locator(".article__sidebar").bounding_box()
    assert box["x"] >= text["x"] + text["width"]  # right of the text column
    assert box["x"] + box["width"] <= sidebar["x"]  # and clear of the sidebar
    assert abs(box["y"] - mark["y"]) < 2 * mark["height"]  # level with the marked words
    assert not tab.locator(".note-ref").is_visible()  # nothing to open: it is shown
    assert tab.evaluate("document.documentElement.scrollWidth") <= 1280
    assert errors == []


def test_on_a_phone_the_note_is_hidden_until_its_reference_is_tapped(
    browser: Browser, site: Path
) -> None:
    tab, errors = open_article(browser, site, width=375)
    note = tab.locator(SIDENOTE)
    reference = tab.locator(f"#p1 .note-ref[popovertarget='sidenote-{NOTE}']")
    assert not note.is_visible()
    assert expanded(tab, REFERENCE) is False
    reference.click()
    assert note.is_visible() and "The call was on Wednesday" in note.inner_text()
    assert expanded(tab, REFERENCE) is True
    box = note.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    tab.keyboard.press("Tab")  # the keyboard goes from the reference into the note
    assert tab.evaluate(f"document.activeElement.closest('{SIDENOTE}') !== null")
    tab.keyboard.press("Escape")
    assert not note.is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    assert errors == []
