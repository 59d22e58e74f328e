"""Compare the reports, text reuse and the pictures, on a fixture archive of our own.

The archive (``compare_archive``): one Council readout printed by three outlets with
small edits, a paraphrase of it, and an unrelated report of the same day.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from compare_archive import COURIER, EDITED, PARAPHRASE, READOUT, REPORTS, UNRELATED, WIRE
from compare_archive import compare_archive as build_archive
from conftest import open_page
from conftest import page as parse
from playwright.sync_api import Browser

from archive.check.api import check_api
from archive.check.links import check_links

CALL = "2024-05-14-call-ivo-sand-mara-holt"


def page(path: Path) -> Any:
    """A built page, parsed (untyped: BeautifulSoup's finds may return None)."""
    return parse(path)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("compare-archive")).built()


def events(site: Path) -> dict[str, dict]:
    data = json.loads((site / "api" / "chronology.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in data["events"]}


def reuse(site: Path) -> dict:
    return json.loads((site / "api" / "reuse.json").read_text(encoding="utf-8"))


def paragraph_text(site: Path, href: str, base: str) -> str:
    """The text of the paragraph a link from page ``base`` points to."""
    target, _, anchor = posixpath.normpath(posixpath.join(posixpath.dirname(base), href)).partition(
        "#"
    )
    found = page(site / target).find(id=anchor)
    assert isinstance(found, Tag), href
    return " ".join(found.get_text().split())


def visible_text(cell: Any) -> str:
    """A cell's sentence as the source wrote it: deleted words and screen-reader words out."""
    text = cell.find(class_="compare__text")
    assert isinstance(text, Tag)
    copy = BeautifulSoup(str(text), "html.parser")
    for element in copy.select("del, .visually-hidden"):
        element.decompose()
    return copy.get_text()


# ---- data ----------------------------------------------------------------------------


def test_the_call_is_compared_across_its_four_reports_and_nothing_else(site: Path) -> None:
    found = events(site)
    call = found[CALL]
    assert set(call["comparison"]["articles"]) == set(REPORTS)
    for event in found.values():
        if "comparison" in event:
            assert UNRELATED not in event["comparison"]["articles"]
            assert len(event["comparison"]["articles"]) >= 2
        else:
            assert len({s["article"] for s in event["sources"]}) < 2


def test_every_cell_is_its_sentence_in_its_paragraph(site: Path) -> None:
    articles = {
        a["slug"]: a for a in json.loads((site / "api/articles.json").read_text())["articles"]
    }
    for row in events(site)[CALL]["comparison"]["rows"]:
        assert row["cells"][0]["article"] == row["reference"]
        assert set(row["missing"]) == set(REPORTS) - {c["article"] for c in row["cells"]}
        for cell in row["cells"]:
            paragraph = page(site / articles[cell["article"]]["url"]).find(id=cell["paragraph"])
            assert isinstance(paragraph, Tag)
            assert paragraph.get_text()[cell["start"] : cell["end"]] == cell["text"]
            for a in cell["attributions"]:
                words = cell["text"][a["start"] : a["end"]]
                assert a["who"] in words and a["cue"] in words


def test_the_readout_sentence_is_one_row_in_all_four_sources(site: Path) -> None:
    rows = events(site)[CALL]["comparison"]["rows"]
    readout = [r for r in rows if any("grain corridor" in c["text"] for c in r["cells"])]
    assert len(readout) == 1
    assert {c["article"] for c in readout[0]["cells"]} == set(REPORTS)


def test_reuse_finds_the_readout_in_its_three_outlets_only(site: Path) -> None:
    clusters = reuse(site)["clusters"]
    shared = [c for c in clusters if {m["article"] for m in c["members"]} >= set(READOUT)]
    assert len(shared) == 1
    members = {m["article"] for c in clusters for m in c["members"]}
    assert PARAPHRASE not in members and UNRELATED not in members
    courier = next(m for m in shared[0]["members"] if m["article"] == COURIER)
    text = " ".join(
        page(site / f"articles/{COURIER}.html")
        .find(id=s["paragraph"])
        .get_text()[s["start"] : s["end"]]
        for s in courier["spans"]
    )
    assert EDITED[:60] in text and "vessels" in text


def test_the_exports_validate_against_their_schemas(site: Path) -> None:
    assert check_api(site) == []
    assert check_links(site) == []


def test_a_broken_export_is_reported_by_the_schema(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    (copy / "api").mkdir(parents=True)
    data = reuse(site)
    data["clusters"][0]["members"] = data["clusters"][0]["members"][:1]  # a cluster of one
    (copy / "api" / "reuse.json").write_text(json.dumps(data), encoding="utf-8")
    problems = check_api(copy)
    assert any("reuse.json" in str(p) and "members" in str(p) for p in problems)


# ---- the compare page ----------------------------------------------------------------


def compare_page(site: Path) -> Any:
    return page(site / "compare" / f"{CALL}.html")


def test_the_page_has_one_column_per_source_and_one_row_per_claim(site: Path) -> None:
    soup = compare_page(site)
    rows = events(site)[CALL]["comparison"]["rows"]
    heads = soup.select("table.compare thead th")
    assert len(heads) == 1 + len(REPORTS)
    columns = [h.find("a")["href"] for h in heads[1:]]
    assert [posixpath.basename(c) for c in columns] == [
        f"{a}.html" for a in events(site)[CALL]["comparison"]["articles"]
    ]
    body = soup.select("table.compare tbody tr")
    assert len(body) == len(rows)
    for tr, row in zip(body, rows, strict=True):
        cells = tr.find_all("td")
        assert len(cells) == len(REPORTS)
        by_article = {c["article"]: c for c in row["cells"]}
        for td, column in zip(cells, columns, strict=True):
            slug = posixpath.basename(column)[: -len(".html")]
            if slug not in by_article:
                assert "not in this report" in td.get_text()
                continue
            cell = by_article[slug]
            assert " ".join(visible_text(td).split()) == " ".join(cell["text"].split())
            link = td.select_one(".compare__meta a")
            assert link["href"].endswith(f"articles/{slug}.html#{cell['paragraph']}")
            assert " ".join(cell["text"].split()) in paragraph_text(
                site, link["href"], f"compare/{CALL}.html"
            )
        assert ("only one source" in tr.th.get_text()) == (len(row["cells"]) == 1)


def test_word_changes_are_marked_with_words_not_colour_alone(site: Path) -> None:
    soup = compare_page(site)
    row = next(
        tr for tr in soup.select("table.compare tbody tr") if "grain corridor" in tr.get_text()
    )
    courier = next(
        td for td in row.find_all("td") if td.select_one(f'a[href$="{COURIER}.html#p2"]')
    )
    inserted = " ".join(i.get_text() for i in courier.find_all("ins"))
    deleted = " ".join(d.get_text() for d in courier.find_all("del"))
    assert "vessels" in inserted and "ships" in deleted
    assert "talks" in inserted and "consultation" in deleted
    for mark in courier.find_all(["ins", "del"]):
        assert mark.select_one(".visually-hidden").get_text().strip("[: ")


def test_attribution_is_shown_per_sentence(site: Path) -> None:
    soup = compare_page(site)
    rows = events(site)[CALL]["comparison"]["rows"]
    for tr, row in zip(soup.select("table.compare tbody tr"), rows, strict=True):
        shown = tr.get_text()
        for cell in row["cells"]:
            for a in cell["attributions"]:
                assert f"Attributed to {a['who']} ({a['cue']})" in " ".join(shown.split())


def test_events_link_to_their_comparison(site: Path) -> None:
    chronology = page(site / "chronology.html")
    link = chronology.find(id=CALL).select_one(".event__compare a")
    assert link["href"].endswith(f"compare/{CALL}.html")
    for slug in REPORTS:
        article = page(site / f"articles/{slug}.html")
        assert article.select_one(f'.article-events a[href$="compare/{CALL}.html"]'), slug
    unrelated = page(site / f"articles/{UNRELATED}.html")
    assert not unrelated.select('.article-events a[href*="compare/"]')


# ---- reuse on article pages ----------------------------------------------------------


def test_shared_passages_name_and_link_the_other_copies(site: Path) -> None:
    cluster = next(
        c for c in reuse(site)["clusters"] if WIRE in {m["article"] for m in c["members"]}
    )
    wire = page(site / f"articles/{WIRE}.html")
    note = wire.find(id=f"reuse-{cluster['id']}")
    assert "Also published in" in note.get_text()
    others = {m["article"]: m for m in cluster["members"] if m["article"] != WIRE}
    hrefs = [a["href"] for a in note.find_all("a")]
    assert sorted(h.split(".html")[0] for h in hrefs) == sorted(others)
    for href in hrefs:
        slug, _, anchor = href.partition(".html#")
        assert anchor == others[slug]["spans"][0]["paragraph"]
        assert paragraph_text(site, href, f"articles/{WIRE}.html")
    marked = " ".join(
        m.get_text() for m in wire.select(f'mark.reused[data-reuse="{cluster["id"]}"]')
    )
    assert "grain corridor" in marked
    assert not page(site / f"articles/{PARAPHRASE}.html").select("mark.reused, .reuse-note")


def test_marking_keeps_the_article_text(site: Path) -> None:
    from archive.site.markdown import renderer, split_front_matter
    from archive.site.text import paragraphs

    source = site.parent / "content" / "articles" / f"{WIRE}.md"
    document = split_front_matter(source.read_text(encoding="utf-8"), source)
    expected = [p.text for p in paragraphs(renderer().render(document.body))]
    body = page(site / f"articles/{WIRE}.html").select_one(".article__body")
    assert [
        " ".join(body.find(id=f"p{i}").get_text().split()) for i in range(1, len(expected) + 1)
    ] == [" ".join(t.split()) for t in expected]


# ---- pictures ------------------------------------------------------------------------


def test_timeline_bars_link_to_their_events_and_match_the_table(site: Path) -> None:
    soup = page(site / "chronology.html")
    svg = soup.select_one("svg.timeline-svg")
    assert svg["role"] == "group"
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    assert soup.find(id=svg["aria-labelledby"]) and soup.find(id=svg["aria-describedby"])
    dated = {i for i, e in events(site).items() if e["date"]}
    bars = {a["href"][1:] for a in svg.find_all("a")}
    assert bars == dated
    for ident in bars:
        assert soup.find(id=ident), ident
    disputed = {a["href"][1:] for a in svg.find_all("a") if a.select_one(".bar--disputed")}
    assert disputed == {i for i, e in events(site).items() if e["discrepancies"] and e["date"]}
    assert CALL in disputed
    table = svg.find_parent("figure").select_one("table.picture__data")
    assert {a["href"][1:] for a in table.select("tbody a")} == set(events(site))


def test_network_joins_who_talked_with_links_to_entities(site: Path) -> None:
    soup = page(site / "chronology.html")
    svg = soup.select_one("svg.network-svg")
    nodes = {a["href"].split("/")[-2] for a in svg.select("a.node")}
    assert nodes == {"mara-holt", "ivo-sand", "lena-voss", "per-dahl"}
    edges = [a for a in svg.find_all("a") if a.select_one("line.edge")]
    titles = sorted(a.find("title").get_text() for a in edges)
    assert titles == ["Ivo Sand and Mara Holt: 1 × Phone call", "Lena Voss and Per Dahl: 1 × Talks"]
    table = svg.find_parent("figure").select_one("table.picture__data tbody")
    assert len(table.find_all("tr")) == len(edges)
    for a in svg.find_all("a"):
        target = a["href"].split("#")[0]
        assert (site / posixpath.normpath(target)).is_file(), a["href"]


def test_entity_pages_show_their_neighbourhood(site: Path) -> None:
    soup = page(site / "entities/mara-holt/index.html")
    svg = soup.select_one("svg.network-svg")
    centre = svg.select_one("a.node--centre")
    assert centre["href"].endswith("entities/mara-holt/index.html")
    assert {a["href"].split("/")[-2] for a in svg.select("a.node")} == {"mara-holt", "ivo-sand"}
    table = svg.find_parent("figure").select_one("table.picture__data")
    assert table.select_one(f'a[href$="chronology.html#{CALL}"]')


# ---- in Chromium ---------------------------------------------------------------------

PAGES = [
    f"compare/{CALL}.html",
    "chronology.html",
    f"articles/{WIRE}.html",
    "entities/mara-holt/index.html",
]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scroll(site: Path, browser: Browser, path: str, width: int) -> None:
    errors: list[str] = []
    tab = open_page(browser, (site / path).as_uri(), errors, width)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    assert errors == []
    tab.close()


def cell_boxes(site: Path, browser: Browser, width: int) -> list[Any]:
    tab = open_page(browser, (site / f"compare/{CALL}.html").as_uri(), [], width)
    row = tab.locator("table.compare tbody tr", has_text="grain corridor")
    boxes = [row.locator("td").nth(i).bounding_box() for i in range(len(REPORTS))]
    tab.close()
    return boxes


def test_the_table_is_side_by_side_on_wide_screens(site: Path, browser: Browser) -> None:
    boxes = cell_boxes(site, browser, 1280)
    assert len({round(b["y"]) for b in boxes}) == 1
    assert [b["x"] for b in boxes] == sorted(b["x"] for b in boxes)


def test_the_table_stacks_on_narrow_screens(site: Path, browser: Browser) -> None:
    boxes = cell_boxes(site, browser, 375)
    assert len({round(b["x"]) for b in boxes}) == 1
    ys = [b["y"] for b in boxes]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert all(b["width"] <= 375 for b in boxes)
