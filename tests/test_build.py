"""The site built from the shipped content: pages, structure, data, and failed builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT, SEEDS, page, run_pelican

from archive.check.links import check_links

FURNITURE = ["Go to home page", "Back to top", "Suggest To A Friend", "Home >", "China News"]


def articles(site: Path) -> list[dict]:
    return json.loads((site / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]


def body_text(site: Path, url: str) -> str:
    body = page(site / url).select_one(".article__body")
    assert body is not None
    return " ".join(body.get_text().split())


def test_home_lists_every_article_newest_first(site: Path) -> None:
    home = page(site / "index.html")
    dates = [t["datetime"] for t in home.select(".article-list time")]
    assert len(dates) == len(list((ROOT / "content" / "articles").glob("*.md"))) == 5
    assert dates == sorted(dates, reverse=True)
    assert (dates[0], dates[-1]) == ("2021-08-29", "2021-08-16")
    titles = [a.get_text() for a in home.select(".article-list__title a")]
    assert titles == [a["title"] for a in articles(site)]


def test_articles_json_describes_each_page(site: Path) -> None:
    seeds = {p.name for p in SEEDS.glob("*.txt")}
    for record in articles(site):
        assert record["source_file"] in seeds
        doc = page(site / record["url"])
        assert doc.h1.get_text() == record["title"]
        assert doc.select_one(".article__header time")["datetime"] == record["date"]
        assert record["source_file"] in doc.select_one(".article__header").get_text()
    assert {r["source_file"] for r in articles(site)} == seeds


def test_every_sentence_of_each_clipping_is_on_its_page_and_no_furniture(site: Path) -> None:
    for record in articles(site):
        text = body_text(site, record["url"])
        raw = (SEEDS / record["source_file"]).read_text(encoding="utf-8")
        for line in raw.splitlines():
            line = " ".join(line.replace("\xa0", " ").split())
            line = re.sub(r"^date \d{4}-\d{2}-\d{2} ", "", line)
            if line and not any(f in line for f in FURNITURE) and line != record["title"]:
                assert line in text, f"{record['source_file']}: lost {line[:60]!r}"
        for furniture in FURNITURE:
            assert furniture not in text


def test_pages_are_well_formed_and_load_nothing_from_outside(site: Path) -> None:
    assert check_links(site) == []
    for record in articles(site):
        doc = page(site / record["url"])
        assert len(doc.find_all("main")) == 1
        assert len(doc.find_all("h1")) == 1
        ids = [p["id"] for p in doc.select(".article__body > p")]  # notes have their own <p>
        assert ids and len(ids) == len(set(ids))
        assert all(re.fullmatch(r"p\d+", i) for i in ids)


def test_month_archive_and_404_exist(site: Path) -> None:
    month = page(site / "archive" / "2021" / "08" / "index.html")
    assert len(month.select(".article-list__item")) == 5
    assert "August 2021" in month.h1.get_text()
    assert "not found" in page(site / "404.html").h1.get_text().lower()


def test_bad_front_matter_fails_the_build_naming_file_and_line(
    content_copy: Path, tmp_path: Path
) -> None:
    bad = content_copy / "articles" / "bad.md"
    bad.write_text("---\ntitle: Broken\ndate: [2021\n---\n\nText.\n", encoding="utf-8")
    result = run_pelican(content_copy, tmp_path / "out", tmp_path / "cache")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert re.search(r"articles/bad\.md:4: front matter is not valid YAML", output)
    assert "Traceback" not in output
    assert bad.read_text(encoding="utf-8").startswith("---\ntitle: Broken")  # nothing lost


def test_a_bad_date_names_its_line(content_copy: Path, tmp_path: Path) -> None:
    bad = content_copy / "articles" / "bad-date.md"
    bad.write_text("---\ntitle: Broken\n\ndate: 2021-13-45\n---\n\nText.\n", encoding="utf-8")
    result = run_pelican(content_copy, tmp_path / "out", tmp_path / "cache")
    assert result.returncode == 1
    assert re.search(r"articles/bad-date\.md:4: front matter 'date'", result.stdout + result.stderr)
