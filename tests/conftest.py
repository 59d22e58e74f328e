"""Shared fixtures: the site built from the shipped content, builds of edited copies, Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "content" / "clippings"  # the raw originals, as shipped
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip


def run_pelican(
    content: Path, output: Path, cache: Path, *settings: str
) -> subprocess.CompletedProcess[str]:
    """Build as an operator would: the pelican command with the project's settings."""
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
        "-o", str(output), "--log-handler", "plain", "-e", f'ARCHIVE_CACHE="{cache}"', *settings,
    ]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from the shipped ``content/``."""
    output = tmp_path_factory.mktemp("site")
    result = run_pelican(ROOT / "content", output, tmp_path_factory.mktemp("cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture
def content_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of ``content/`` that a test may break."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    yield copy


def page(path: Path) -> BeautifulSoup:
    """Parse a built page."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for a module's browser tests.

    Module scope: the sync Playwright API allows one running instance per thread,
    and other modules start their own.
    """
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def open_page(browser: Browser, url: str, errors: list[str], width: int = 1280) -> Page:
    """Open ``url`` in a new tab, collecting console errors and failed requests in ``errors``."""
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    tab.goto(url)
    return tab
