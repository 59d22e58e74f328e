"""The browser ranks as Whoosh does: same matches, same order up to near-ties, same facets.

The browser side is the real ``search.js`` in headless Chromium, on a built site.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from playwright.sync_api import Page
from search_support import ENGINE_SEARCH, open_search, synthetic_site

from archive.check.chromium import chromium
from archive.search.analysis import stem, words
from archive.search.whoosh_index import search

pytestmark = pytest.mark.browser
TOLERANCE = 0.005  # impacts are quantised to 0.25 %: closer scores may swap
QUERIES = [
    "putin", "Kabul airport", '"Shanghai Cooperation Organization"', "vaccine supply",
    "talks", "Taliban delegation", '"rest of the world" China', "Wang Yi Lavrov",
    "terrorism drug trafficking", "sovereignty", "Dusambe", '"one-China policy" Taiwan',
    "Dushanbe", "Sergei Lavrov talks", "the Russian leader", "Kabul International Airport",
]  # fmt: skip
TYPED = ["talib", "vacc", "Wang Yi Lav", "dusam", "Dushanbe", "Sergei Lavrov"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_site(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def page(site: Path) -> Iterator[Page]:
    with chromium() as browser:
        page = browser.new_page()
        open_search(page, site)
        yield page


def browser_search(page: Page, text: str, as_you_type: bool = False, **filters: str) -> dict:
    return page.evaluate(ENGINE_SEARCH, [text, as_you_type, filters])


def assert_same_ranking(whoosh: list[tuple[str, float]], ours: list[tuple[str, float]]) -> None:
    """Top tens agree, except among scores within ``TOLERANCE`` of each other."""
    score = dict(whoosh)
    top = whoosh[:10]
    cutoff = top[-1][1] if top else 0.0
    urls = [url for url, _ in ours]
    for url, value in top:
        if value > cutoff * (1 + TOLERANCE):
            assert url in urls
    for url in urls:
        assert score.get(url, 0.0) >= cutoff * (1 - TOLERANCE), url
    for earlier, later in pairwise(urls):
        assert score[earlier] >= score[later] * (1 - TOLERANCE), (earlier, later)


@pytest.mark.parametrize("text", QUERIES)
def test_same_results_as_whoosh(site: Path, page: Page, text: str) -> None:
    whoosh = search(site.parent / "synthetic-cache" / "whoosh", text, limit=40)
    ours = browser_search(page, text)
    assert ours["total"] == whoosh.total > 0
    assert_same_ranking([(h.url, h.score) for h in whoosh.hits], ours["top"])


@pytest.mark.parametrize("text", TYPED)
def test_same_results_while_typing(site: Path, page: Page, text: str) -> None:
    whoosh = search(site.parent / "synthetic-cache" / "whoosh", text, limit=40, prefix=True)
    ours = browser_search(page, text, as_you_type=True)
    assert ours["total"] == whoosh.total > 0
    assert_same_ranking([(h.url, h.score) for h in whoosh.hits], ours["top"])


def test_same_facets_and_filters(site: Path, page: Page) -> None:
    index = site.parent / "synthetic-cache" / "whoosh"
    whoosh = search(index, "Afghanistan")
    ours = browser_search(page, "Afghanistan")
    for name in ("entity", "source", "month"):
        assert {value: count for value, _, count in ours["facets"][name]} == whoosh.facets[name]
    filtered = {
        "entity": search(index, "Afghanistan", entity="sergey-lavrov", limit=40),
        "source": search(index, "Afghanistan", source="Xinhua", limit=40),
        "month": search(index, "Afghanistan", since="2021-08", until="2021-08", limit=40),
    }
    values = {"entity": "sergey-lavrov", "source": "Xinhua", "month": "2021-08"}
    for name, expected in filtered.items():
        ours = browser_search(page, "Afghanistan", **{name: values[name]})
        assert ours["total"] == expected.total > 0
        assert_same_ranking([(h.url, h.score) for h in expected.hits], ours["top"])


def test_same_stemmer(site: Path, page: Page) -> None:
    vocabulary = sorted(
        {w for path in (site / "articles").glob("*.html") for w in words(path.read_text())}
    )
    vocabulary += ["agreed", "hopping", "happy", "ties", "yearly", "generalization", "sky", "yes"]
    ours = page.evaluate("w => w.map(window.__archiveSearch.engine.stem)", vocabulary)
    assert ours == [stem(w) for w in vocabulary]
