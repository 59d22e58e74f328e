"""A built archive (the small fixture archive): pages, structure, data, and failed builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from archive_builder import ARTICLES, FACTS, FixtureArchive
from conftest import page

from archive.check.links import check_links


def articles(site: Path) -> list[dict]:
    return json.loads((site / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]


def body_text(site: Path, url: str) -> str:
    body = page(site / url).select_one(".article__body")
    assert body is not None
    return " ".join(body.get_text().split())


def test_home_lists_every_article_newest_first(site: Path) -> None:
    home = page(site / "index.html")
    dates = [t["datetime"] for t in home.select(".article-list time")]
    assert len(dates) == len(FACTS.articles) == 4
    assert dates == sorted(dates, reverse=True)
    assert (dates[0], dates[-1]) == ("2023-04-03", "2023-03-08")
    titles = [a.get_text() for a in home.select(".article-list__title a")]
    assert titles == [a["title"] for a in articles(site)]
    assert [a["slug"] for a in articles(site)][:2] == list(FACTS.articles[:2])


def test_articles_json_describes_each_page(site: Path) -> None:
    written = {entry.slug: entry for entry in ARTICLES}
    for record in articles(site):
        entry = written[record["slug"]]
        assert record["source_file"] == entry.source_file
        assert (record["title"], record["date"]) == (entry.title, entry.date)
        doc = page(site / record["url"])
        assert doc.h1.get_text() == record["title"]
        assert doc.select_one(".article__header time")["datetime"] == record["date"]
        assert record["source_file"] in doc.select_one(".article__header").get_text()
    assert {r["slug"] for r in articles(site)} == set(written)


def test_every_paragraph_of_each_article_is_on_its_page(site: Path) -> None:
    for entry in ARTICLES:
        text = body_text(site, f"articles/{entry.slug}.html")
        for paragraph in entry.paragraphs:
            assert paragraph in text, f"{entry.slug}: lost {paragraph[:60]!r}"


def test_articles_are_the_markdown_files_only(archive: FixtureArchive) -> None:
    """Raw clippings kept beside the articles (content/clippings) are never read as content."""
    clippings = archive.content / "clippings"
    clippings.mkdir()
    (clippings / "raw.txt").write_text("date 2023-03-10 A raw clipping\n\nText.\n", "utf-8")
    site = archive.built()
    assert len(articles(site)) == len(FACTS.articles)
    assert not list(site.rglob("*.txt"))


def test_pages_are_well_formed_and_load_nothing_from_outside(site: Path) -> None:
    assert check_links(site) == []
    for record in articles(site):
        doc = page(site / record["url"])
        assert len(doc.find_all("main")) == 1
        assert len(doc.find_all("h1")) == 1
        ids = [p["id"] for p in doc.select(".article__body > p")]  # notes have their own <p>
        assert ids and len(ids) == len(set(ids))
        assert all(re.fullmatch(r"p\d+", i) for i in ids)


def test_month_archives_and_404_exist(site: Path) -> None:
    for month, count in FACTS.months:
        year, number = month.split("-")
        archive = page(site / "archive" / year / number / "index.html")
        assert len(archive.select(".article-list__item")) == count
        dates = [t["datetime"] for t in archive.select(".article-list time")]
        assert dates and all(d.startswith(month) for d in dates)
    assert "March 2023" in page(site / "archive" / "2023" / "03" / "index.html").h1.get_text()
    assert "not found" in page(site / "404.html").h1.get_text().lower()


def test_bad_front_matter_fails_the_build_naming_file_and_line(archive: FixtureArchive) -> None:
    bad = archive.content / "articles" / "bad.md"
    bad.write_text("---\ntitle: Broken\ndate: [2021\n---\n\nText.\n", encoding="utf-8")
    result = archive.build()
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert re.search(r"articles/bad\.md:4: front matter is not valid YAML", output)
    assert "Traceback" not in output
    assert bad.read_text(encoding="utf-8").startswith("---\ntitle: Broken")  # nothing lost


def test_a_bad_date_names_its_line(archive: FixtureArchive) -> None:
    bad = archive.content / "articles" / "bad-date.md"
    bad.write_text("---\ntitle: Broken\n\ndate: 2021-13-45\n---\n\nText.\n", encoding="utf-8")
    result = archive.build()
    assert result.returncode == 1
    assert re.search(r"articles/bad-date\.md:4: front matter 'date'", result.stdout + result.stderr)
