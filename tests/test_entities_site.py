"""Entity sidebars, mention links, entity pages and entities.json in a built fixture archive."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from archive_builder import ARTICLES, FACTS, REGISTRY, FixtureArchive
from bs4 import BeautifulSoup
from conftest import page

DATES = {entry.slug: entry.date for entry in ARTICLES}


def load(site: Path, name: str) -> dict:
    return json.loads((site / "api" / name).read_text(encoding="utf-8"))


def sidebar(doc: BeautifulSoup) -> dict[str, int]:
    counts = {}
    for item in doc.select(".entity-sidebar li"):
        entity = item.a["href"].split("/")[-2]
        counts[entity] = int(item.select_one(".count").get_text().lstrip("×"))
    return counts


def test_sidebar_links_and_data_agree_for_every_article(site: Path) -> None:
    entities = {e["id"]: e for e in load(site, "entities.json")["entities"]}
    totals: Counter[str] = Counter()
    for record in load(site, "articles.json")["articles"]:
        doc = page(site / record["url"])
        counts = sidebar(doc)
        assert counts, record["slug"]
        assert set(counts) == set(record["entities"])
        linked = {a["data-entity"] for a in doc.select(".article__body a.entity")}
        assert linked == set(counts)  # every entity is one click from its mention
        for a in doc.select(".article__body a.entity"):
            target = (site / record["url"]).parent / a["href"]
            assert target.resolve().is_file()
            assert a.get_text() and a["data-entity"] in entities
        ld = json.loads(doc.find("script", type="application/ld+json").string)
        assert ld["@type"] == "NewsArticle" and ld["headline"] == record["title"]
        assert {m["name"] for m in ld["mentions"]} == {entities[i]["name"] for i in counts}
        for mention in ld["mentions"]:
            entity = next(e for e in entities.values() if e["name"] == mention["name"])
            if entity["wikidata"]:
                assert mention["sameAs"] == f"https://www.wikidata.org/wiki/{entity['wikidata']}"
        totals.update(counts)
    for entity_id, entity in entities.items():
        assert entity["mentions"] == totals[entity_id], entity_id


def test_only_first_mention_per_paragraph_is_linked(site: Path) -> None:
    for record in load(site, "articles.json")["articles"]:
        for paragraph in page(site / record["url"]).select(".article__body p"):
            ids = [a["data-entity"] for a in paragraph.select("a.entity")]
            assert len(ids) == len(set(ids))


def test_entity_page_shows_each_mention_in_its_sentence(site: Path) -> None:
    entities = load(site, "entities.json")["entities"]
    mentioned = [e for e in entities if e["mentions"]]
    assert {e["id"] for e in mentioned} == {str(e["id"]) for e in REGISTRY}  # each is in a text
    norland = next(e for e in mentioned if e["id"] == "norland")  # counted by hand: 5 + 1
    assert (norland["mentions"], len(norland["articles"])) == (6, 1)  # so "more mentions"
    for entity in mentioned:
        doc = page(site / entity["url"])
        assert doc.h1.get_text() == entity["name"]
        quoted = [len(a.select(".contexts mark")) for a in doc.select(".appearance")]
        counts = [
            int(a.select_one(".appearance__count").get_text().split()[0])
            for a in doc.select(".appearance")
        ]
        assert sum(counts) == entity["mentions"]
        assert quoted == [min(n, 3) for n in counts]
        for appearance, n in zip(doc.select(".appearance"), counts, strict=True):
            more = appearance.find(string=lambda s: "more mention" in s)
            assert (more is not None) == (n > 3)
        linked = {a["href"].split("/")[-1] for a in doc.select(".appearance h3 a")}
        assert linked == {f"{slug}.html" for slug in entity["articles"]}
        for item in doc.select(".contexts li"):
            href = item.select_one("a.context-link")["href"]
            article, fragment = href.split("#")
            target = page((site / entity["url"]).parent / article)
            paragraph = target.find(id=fragment)
            sentence = " ".join(item.get_text().replace("¶", "", 1).split())
            assert sentence in " ".join(paragraph.get_text().split())
        if entity["wikidata"]:
            assert doc.find("a", href=f"https://www.wikidata.org/wiki/{entity['wikidata']}")


def test_entity_index_groups_by_type_with_counts(site: Path) -> None:
    doc = page(site / "entities" / "index.html")
    headings = [h.get_text(" ", strip=True) for h in doc.select("main h2")]
    assert [re.sub(r"\s*\(\d+\)", "", h) for h in headings] == ["People", "Organisations", "Places"]
    listed = {a["href"].split("/")[-2] for a in doc.select(".entity-index a")}
    assert listed == {e["id"] for e in load(site, "entities.json")["entities"]}


def test_a_bad_registry_entry_fails_the_build_with_file_and_line(archive: FixtureArchive) -> None:
    registry = archive.content / "data" / "entities.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8") + "\n- id: mystery\n  name: Mystery\n  type: planet\n",
        encoding="utf-8",
    )
    line = registry.read_text(encoding="utf-8").splitlines().index("  type: planet") + 1
    result = archive.build()
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert re.search(rf"data/entities\.yaml:{line}: .*planet", output), output[-2000:]
    assert "Traceback" not in output


def test_entity_pages_are_split_into_pages_of_appearances(archive: FixtureArchive) -> None:
    output = archive.built("ENTITY_APPEARANCES_PER_PAGE=2")
    berg = next(e for e in load(output, "entities.json")["entities"] if e["id"] == "anna-berg")
    assert len(berg["articles"]) == len(FACTS.articles) == 4  # she is in every article
    pages = [output / "entities" / "anna-berg" / "index.html"]
    while (link := page(pages[-1]).find("a", rel="next")) is not None:
        pages.append((pages[-1].parent / link["href"]).resolve())
    assert len(pages) == -(-len(berg["articles"]) // 2) == 2
    listed = [a["href"].split("/")[-1] for p in pages for a in page(p).select(".appearance h3 a")]
    assert listed == [f"{slug}.html" for slug in berg["articles"]]
    assert sorted(listed) == sorted(f"{slug}.html" for slug in FACTS.articles)
    dates = [DATES[name.removesuffix(".html")] for name in listed]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert page(pages[-1]).find("a", rel="prev") is not None
    # The notes, events and network are on the first page only; the others link to it.
    first, second = page(pages[0]), page(pages[1])
    assert first.select(".entity-events li") and not second.select(".entity-events")
    back = second.find("a", string="the first page")
    assert back is not None and (pages[1].parent / back["href"]).resolve() == pages[0]
