"""Debian's Chromium, headless, through Playwright: how every part of the project starts it.

The site check, the browser tests and the search benchmark all drive the same
browser with the same flags: without the background-networking flags Chromium
tries to reach Google's hosts, which this kind of machine refuses.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip


@contextmanager
def chromium(executable: Path = CHROMIUM) -> Iterator[Browser]:
    """A headless Chromium for the length of the ``with`` block."""
    from playwright.sync_api import sync_playwright  # only the browser's users need it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
