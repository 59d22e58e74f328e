"""Sites and browsers for the search tests.

The synthetic archive is built by Pelican with the project's settings, as an
operator builds it, search indexes included: ``bench/generate.py`` writes its
articles from the project's seed clippings (``content/clippings``). The small
fixture archive is conftest's ``site``.
"""

from __future__ import annotations

import shutil
import sys
from functools import cache
from pathlib import Path

from conftest import run_pelican
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import write  # noqa: E402

# An article whose text looks like markup: it must reach every page as text.
MARKUP_ARTICLE = """---
title: "Kremlin <b>readout</b> & notes"
date: 2021-08-27
source: "Test <i>Wire</i>"
slug: markup-test
---

Zyxwv said the <script>alert(1)</script> tag & the <b>bold</b> word stay text.
"""


def build_site(content: Path, output: Path, cache: Path) -> Path:
    """Build ``content`` into ``output`` as an operator does; the Whoosh index is in ``cache``."""
    result = run_pelican(content, output, cache)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def synthetic_content(folder: Path, articles: int) -> Path:
    """A content folder: the shipped registry and rules, ``articles`` generated articles
    and one of markup. The editors' corrections name the shipped articles' events, so
    the synthetic archive has none.
    """
    shutil.copytree(ROOT / "content" / "data", folder / "data")
    (folder / "data" / "corrections.yaml").write_text("[]\n", encoding="utf-8")
    write(articles, folder / "articles")
    (folder / "articles" / "markup-test.md").write_text(MARKUP_ARTICLE, encoding="utf-8")
    return folder


def open_search(page: Page, site: Path, query: str = "") -> None:
    """Open the site's search page from disk (``file://``), with ``?q=`` if given."""
    suffix = f"?q={query}" if query else ""
    page.goto((site / "search.html").as_uri() + suffix)


ENGINE_SEARCH = """async ([text, asYouType, filters]) => {
  const index = await window.__archiveSearch.engine.openIndex();
  const found = await index.search(text, {asYouType, filters, entities: true});
  const top = [];
  for (const [doc, score] of found.ranked.slice(0, 10)) {
    const bundle = await index.shard("d", Math.floor(doc / index.m.bundle));
    top.push([bundle[doc % index.m.bundle][1], score]);
  }
  return {total: found.total, top, facets: found.facets};
}"""


@cache
def synthetic_site(base: Path, articles: int = 300) -> Path:
    """A generated archive of ``articles`` (and the markup article), built once per session."""
    content = synthetic_content(base / "synthetic-content", articles)
    return build_site(content, base / "synthetic-site", base / "synthetic-cache")
