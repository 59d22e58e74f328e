"""The shipped site: the five seed clippings build as the README and ARCHITECTURE.md say.

The only module that builds the shipped site or counts on the shipped articles and
notes: every other test builds its own archive (``archive_builder.py``), so that
editors can change the shipped content without breaking tests of behaviour. What is asserted here is
read off the seed clippings by hand.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEEDS, open_page, page
from playwright.sync_api import Browser, Page

from archive.check.browser import _AXE_RUN, SCHEMES, WCAG_AA
from archive.chronology.corrections import apply_corrections, load_corrections
from archive.chronology.cues import load_cues
from archive.chronology.event import Event
from archive.chronology.merge import merge_reports
from archive.chronology.reports import ArticleText, Report, extract_reports
from archive.entities.mentions import AutomatonScanner, Matcher, RegexScanner, Scanner
from archive.entities.registry import Claim, load_registry, outermost
from archive.ingest.articles import ingest
from archive.ingest.clipping import read_clipping
from archive.ingest.furniture import load_furniture
from archive.notes.load import load_note, load_notes
from archive.search import cli as search_cli
from archive.search.analysis import SearchDocument
from archive.search.names import names_from_site
from archive.search.whoosh_index import documents_from_site, search, update_index
from archive.site.markdown import renderer, split_front_matter
from archive.site.text import Paragraph, paragraphs

CONTENT = ROOT / "content"
DATA = CONTENT / "data"
FURNITURE = ["Go to home page", "Back to top", "Suggest To A Friend", "Home >", "China News"]
SLUG = "2021-08-25-through-a-telephone-call-made-on-tuesday-russias-president"
NOTE = "putin-xi-call-was-on-wednesday"


def html(path: Path) -> Any:
    """A built page, loosely typed: a missing element fails the test where it is used."""
    return page(path)


def articles(site: Path) -> list[dict]:
    return json.loads((site / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]


def body_text(site: Path, url: str) -> str:
    body = html(site / url).select_one(".article__body")
    assert body is not None
    return " ".join(body.get_text().split())


def text(tag: Any) -> str:
    return " ".join(tag.get_text().split())


# ---- the clippings and their articles -----------------------------------------------


def test_ingest_of_the_shipped_clippings_finds_every_article_unchanged(tmp_path: Path) -> None:
    """What `invoke ingest` does by default: the shipped articles are the clippings',
    except those an editor edited (subheadings made headings), which stay as edited."""
    shipped = tmp_path / "articles"
    shipped.mkdir()
    for path in (CONTENT / "articles").iterdir():
        (shipped / path.name).write_bytes(path.read_bytes())
    before = {path.name: path.read_bytes() for path in shipped.iterdir()}
    report = ingest([SEEDS], shipped, DATA / "furniture.txt")
    statuses = [outcome.status for outcome in report.outcomes]
    assert len(statuses) == 5 and set(statuses) <= {"unchanged", "edited"}
    edited = [o for o in report.outcomes if o.status == "edited"]
    assert all(not o.failed for o in edited)
    assert any("## " in (shipped / Path(str(o.article)).name).read_text() for o in edited)
    assert report.exit_status == 0
    # Nothing changes: neither the articles nor, beside each, the record of its removed lines.
    assert {path.name: path.read_bytes() for path in shipped.iterdir()} == before
    assert len(list(shipped.glob("*.removed.yaml"))) == 5


def test_home_lists_every_article_newest_first(shipped_site: Path) -> None:
    home = html(shipped_site / "index.html")
    dates = [t["datetime"] for t in home.select(".article-list time")]
    assert len(dates) == len(list((ROOT / "content" / "articles").glob("*.md"))) == 5
    assert dates == sorted(dates, reverse=True)
    assert (dates[0], dates[-1]) == ("2021-08-29", "2021-08-16")
    titles = [a.get_text() for a in home.select(".article-list__title a")]
    assert titles == [a["title"] for a in articles(shipped_site)]


def test_articles_json_names_each_seed_clipping(shipped_site: Path) -> None:
    seeds = {p.name for p in SEEDS.glob("*.txt")}
    assert len(seeds) == 5
    for record in articles(shipped_site):
        assert record["source_file"] in seeds
        doc = html(shipped_site / record["url"])
        assert record["source_file"] in doc.select_one(".article__header").get_text()
    assert {r["source_file"] for r in articles(shipped_site)} == seeds


def test_every_sentence_of_each_clipping_is_on_its_page_and_no_furniture(
    shipped_site: Path,
) -> None:
    for record in articles(shipped_site):
        text = body_text(shipped_site, record["url"])
        raw = (SEEDS / record["source_file"]).read_text(encoding="utf-8")
        for line in raw.splitlines():
            line = " ".join(line.replace("\xa0", " ").split())
            line = re.sub(r"^date \d{4}-\d{2}-\d{2} ", "", line)
            if line and not any(f in line for f in FURNITURE) and line != record["title"]:
                assert line in text, f"{record['source_file']}: lost {line[:60]!r}"
        for furniture in FURNITURE:
            assert furniture not in text


def test_clippings_are_not_read_as_content(shipped_site: Path) -> None:
    assert len(articles(shipped_site)) == len(list((CONTENT / "articles").glob("*.md")))
    assert not list(shipped_site.rglob("*.txt"))


def test_month_archive_holds_the_five(shipped_site: Path) -> None:
    month = html(shipped_site / "archive" / "2021" / "08" / "index.html")
    assert len(month.select(".article-list__item")) == 5
    assert "August 2021" in month.h1.get_text()


def test_the_shipped_registry_links_at_least_30_entities(shipped_site: Path) -> None:
    data = json.loads((shipped_site / "api" / "entities.json").read_text(encoding="utf-8"))
    assert len([e for e in data["entities"] if e["mentions"]]) >= 30


# ---- the shipped notes ----------------------------------------------------------------


def test_the_passage_is_marked_at_its_words_with_the_note_beside_it(shipped_site: Path) -> None:
    doc = html(shipped_site / "articles" / f"{SLUG}.html")
    mark = doc.find(id=f"anchor-{NOTE}")
    assert mark.name == "mark" and mark.get_text() == "on Tuesday"
    paragraph = mark.find_parent("p")
    assert paragraph["id"] == "p1"
    assert text(paragraph).startswith(
        "Through a telephone call made on Tuesday, Russia’s President"
    )
    sidenote = paragraph.find_previous_sibling()
    assert sidenote.name == "aside" and sidenote["id"] == f"sidenote-{NOTE}"
    assert "The call was on Wednesday, 25 August" in text(sidenote)
    assert "spoke “today”" in text(sidenote)


def test_notes_leave_the_article_text_and_its_summary_as_they_were(shipped_site: Path) -> None:
    source = (CONTENT / "articles" / f"{SLUG}.md").read_text(encoding="utf-8")
    first = source.split("---\n", 2)[2].strip().split("\n\n")[0]
    doc = html(shipped_site / "articles" / f"{SLUG}.html")
    assert text(doc.find(id="p1")) == first
    summary = next(
        item.select_one(".article-list__summary")
        for item in html(shipped_site / "index.html").select(".article-list__item")
        if item.a["href"].endswith(f"{SLUG}.html")
    )
    assert text(summary).startswith("Through a telephone call made on Tuesday")


def test_articles_json_lists_each_articles_notes(shipped_site: Path) -> None:
    by_slug = {a["slug"]: a for a in articles(shipped_site)}
    notes, _ = load_notes(CONTENT / "notes")
    assert NOTE in by_slug[SLUG]["notes"]
    for slug, record in by_slug.items():
        written = {n.id for n in notes if n.kind == "article" and n.target == slug}
        assert sorted(record["notes"]) == sorted(written), slug


def test_every_shipped_note_is_shown_where_it_belongs(shipped_site: Path) -> None:
    notes, errors = load_notes(CONTENT / "notes")
    assert errors == [] and len(notes) >= 3
    for note in notes:
        if note.kind == "article":
            doc = html(shipped_site / "articles" / f"{note.target}.html")
            shown = doc.find(id=f"sidenote-{note.id}") or doc.find(id=f"note-{note.id}")
        elif note.kind == "entity":
            entity = html(shipped_site / "entities" / note.target / "index.html")
            shown = entity.find(id=f"note-{note.id}")
            assert shown.find_parent("section", class_="notes")
        else:
            event = html(shipped_site / "chronology.html").find(id=note.target)
            shown = event.find(id=f"note-{note.id}")
        assert shown is not None, note.id
        assert note.title in text(shown)


# ---- the five seed articles ------------------------------------------------------

SEED_ENTITIES = {
    "000_8b3231d21d1508c7.txt": {
        "russia", "vladimir-putin", "china", "xi-jinping", "afghanistan", "xinhua",
        "shanghai-cooperation-organization", "india", "kazakhstan", "kyrgyzstan", "pakistan",
        "tajikistan", "uzbekistan", "dushanbe", "wang-yi", "netherlands", "sigrid-kaag",
        "united-states", "kabul-airport", "un-security-council",
    },
    "001_811a545a56f5e34d.txt": {
        "china", "xi-jinping", "russia", "vladimir-putin", "moscow", "afghanistan", "kabul",
        "taliban", "g7", "narendra-modi", "xinhua", "global-times", "wang-yu",
        "abdul-salam-hanafi", "communist-party-of-china", "yang-jiechi", "cpc-political-bureau",
        "central-foreign-affairs-commission", "brics", "united-states", "wang-wenbin",
        "abdul-ghani-baradar", "wang-yi", "etim",
    },
    "002_a6c61233ce6e330f.txt": {
        "eirns", "china", "xi-jinping", "afghanistan", "russia", "vladimir-putin",
        "united-states", "kremlin", "shanghai-cooperation-organization",
    },
    "003_5cec631d11b9ee3c.txt": {
        "china", "xi-jinping", "russia", "vladimir-putin", "afghanistan", "kabul",
        "peoples-daily", "beijing", "united-states", "taiwan", "hong-kong", "xinjiang",
        "south-china-sea", "moscow",
    },
    "004_52ee514e77fbdb24.txt": {
        "wang-yi", "russia", "sergey-lavrov", "afghanistan", "taliban", "china", "etim", "kabul",
    },
}  # fmt: skip


def seed_paragraphs() -> dict[str, list[str]]:
    """Each imported seed's paragraphs as the site shows them, by the clipping it came from."""
    md = renderer()
    articles = {}
    for path in sorted((CONTENT / "articles").glob("*.md")):
        document = split_front_matter(path.read_text(encoding="utf-8"), path)
        html = md.render(document.body)
        articles[document.meta["source_file"]] = [block.text for block in paragraphs(html)]
    return articles


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[str]]:
    return seed_paragraphs()


@pytest.fixture(params=[AutomatonScanner, RegexScanner], ids=["automaton", "regex"])
def scanner(request: pytest.FixtureRequest) -> Callable[[Mapping[str, Claim]], Scanner]:
    return request.param


@pytest.fixture
def shipped(scanner: Callable[[Mapping[str, Claim]], Scanner]) -> Matcher:
    return Matcher(load_registry(DATA / "entities.yaml"), scanner)


@pytest.mark.parametrize("source", sorted(SEED_ENTITIES))
def test_each_seed_article_mentions_exactly_its_entities(
    shipped: Matcher, seeds: dict[str, list[str]], source: str
) -> None:
    assert {m.entity_id for m in shipped.find(seeds[source])} == SEED_ENTITIES[source]


def test_the_three_wangs_of_seed_001(shipped: Matcher, seeds: dict[str, list[str]]) -> None:
    wangs = [(m.text, m.entity_id) for m in shipped.find(seeds["001_811a545a56f5e34d.txt"])]
    wangs = [pair for pair in wangs if pair[0].startswith("Wang")]
    assert wangs == [
        ("Wang Yu", "wang-yu"),
        ("Wang", "wang-yu"),  # "Chinese ambassador Wang in Kabul"
        ("Wang Wenbin", "wang-wenbin"),
        ("Wang", "wang-yu"),  # "Chinese Ambassador Wang", right after Wang Wenbin
        ("Wang Yi", "wang-yi"),
    ]


def test_surnames_of_seed_000(shipped: Matcher, seeds: dict[str, list[str]]) -> None:
    mentions = shipped.find(seeds["000_8b3231d21d1508c7.txt"])
    assert [(m.text, m.entity_id) for m in mentions if m.how == "surname"] == [
        ("Xi", "xi-jinping"),
        ("Wang", "wang-yi"),
        ("Wang", "wang-yi"),
        ("Kaag", "sigrid-kaag"),
    ]
    assert ("Dusambe", "dushanbe") in [(m.text, m.entity_id) for m in mentions]


# ---- the five seed clippings -------------------------------------------------------


@pytest.fixture(scope="module")
def seed_chronology() -> tuple[list[Report], dict[str, list[str]], list[Event]]:
    """Reports and events of the seed_chronology; articles are named by their clipping's file name."""
    registry = load_registry(DATA / "entities.yaml")
    matcher, cues = Matcher(registry), load_cues(DATA / "event_cues.yaml")
    furniture = load_furniture(DATA / "furniture.txt")
    types = {entity.id: entity.type for entity in registry.entities.values()}
    reports, texts = [], {}
    for path in sorted(SEEDS.glob("*.txt")):
        clipping = read_clipping(path, furniture)[1]
        slug = path.name[:3]
        texts[slug] = clipping.paragraphs
        paragraphs = [Paragraph(f"p{i + 1}", t) for i, t in enumerate(clipping.paragraphs)]
        article = ArticleText(slug, clipping.date, paragraphs)
        found = matcher.find(clipping.paragraphs)
        reports += extract_reports(article, found, types, cues, outermost(registry.entities))
    names = {entity.id: entity.name for entity in registry.entities.values()}
    return reports, texts, merge_reports(reports, names)


def find(events: list[Event], ident: str) -> Event:
    return next(e for e in events if e.id == ident)


def test_seed_xi_putin_call(
    seed_chronology: tuple[list[Report], dict[str, list[str]], list[Event]],
) -> None:
    event = find(seed_chronology[2], "2021-08-25-call-vladimir-putin-xi-jinping")
    assert (event.date, event.title) == ("2021-08-25", "Phone call: Vladimir Putin and Xi Jinping")
    assert event.articles == ("000", "002", "001", "003")
    by_article = {r.article: (r.date_text, r.value, r.rule) for r in event.reports if r.value}
    assert by_article == {
        "000": ("on Tuesday", "2021-08-24", "weekday-before-publication"),
        "001": ("on Wednesday", "2021-08-25", "weekday-before-publication"),
        "002": ("today", "2021-08-25", "today"),
    }
    assert all(not r.value for r in event.reports if r.article == "003")
    assert [d.to_dict() for d in event.discrepancies] == [
        {
            "field": "date",
            "values": [
                {"value": "2021-08-24", "articles": ["000"]},
                {"value": "2021-08-25", "articles": ["001", "002"]},
            ],
        }
    ]


@pytest.mark.parametrize(
    ("ident", "articles", "rules"),
    [
        ("2021-07-meeting-abdul-ghani-baradar-taliban", ("001",), {"last-month", "no-date-words"}),
        ("2021-08-15-takeover-taliban", ("001", "003"), {"explicit-date-year-from-publication"}),
        ("2021-08-16-call-sergey-lavrov-wang-yi", ("004",), {"explicit-date"}),
        ("2021-08-24-meeting-sigrid-kaag-wang-yi", ("000",), {"weekday-before-publication"}),
        ("2021-08-24-summit-g7", ("001",), {"offset-from-anchor"}),
        ("2021-08-25-meeting-narendra-modi-vladimir-putin", ("001",), {"same-day-as-anchor"}),
        ("2021-09-summit-shanghai-cooperation-organization", ("000",), {"part-of-month"}),
        ("undated-meeting-abdul-salam-hanafi-wang-yu", ("001",), {"no-date-words"}),
    ],
)
def test_seed_events(
    seed_chronology: tuple[list[Report], dict[str, list[str]], list[Event]],
    ident: str,
    articles: tuple[str, ...],
    rules: set[str],
) -> None:
    event = find(seed_chronology[2], ident)
    assert event.articles == articles
    assert {r.rule for r in event.reports} == rules


def test_seed_sources_quote_their_articles(
    seed_chronology: tuple[list[Report], dict[str, list[str]], list[Event]],
) -> None:
    reports, texts, events = seed_chronology
    assert sum(len(e.reports) for e in events) == len(reports)
    for source in reports:
        paragraph = texts[source.article][int(source.paragraph.removeprefix("p")) - 1]
        assert paragraph[source.quote_start : source.quote_end] == source.quote
        assert source.date_text in source.quote


def test_shipped_corrections_apply_to_the_seed_chronology(
    seed_chronology: tuple[list[Report], dict[str, list[str]], list[Event]],
) -> None:
    registry = load_registry(DATA / "entities.yaml")
    names = {entity.id: entity.name for entity in registry.entities.values()}
    applied = apply_corrections(
        seed_chronology[2], load_corrections(DATA / "corrections.yaml"), names
    )
    assert sum(len(e.reports) for e in applied) == len(seed_chronology[0])


def test_seed_chronology_is_in_date_order(
    seed_chronology: tuple[list[Report], dict[str, list[str]], list[Event]],
) -> None:
    dated = [e.date for e in seed_chronology[2] if e.date]
    assert dated[0] == "2021-07" and dated[-1] == "2021-09"
    assert [e.date for e in seed_chronology[2]].index("") == len(dated)


# ---- search -------------------------------------------------------------------------

# For each of the five articles: names, places and phrases only it holds (or holds most).
SEARCH_FIRST = {
    "2021-08-25-through-a-telephone-call-made-on-tuesday-russias-president": [
        "Sigrid Kaag", "Dusambe", "Kazakhstan Kyrgyzstan", '"chaos around the Kabul airport"',
    ],
    "2021-08-26-on-wednesday-chinese-president-xi-jinping-told-his-russian": [
        "Narendra Modi", "Abdul Salam Hanafi", "BRICS", '"Mullah Abdul Ghani Baradar"',
    ],
    "2021-08-25-xi-and-putin-explore-efforts-to-achieve-afghan-peace": [
        "Kremlin readout", "Anti-Fascist War", '"Treaty of Good-Neighborliness"',
    ],
    "2021-08-29-chinese-president-xi-jinping-and-his-russian-counterpart": [
        "Taiwan Hong Kong Xinjiang", "COVID-19 origin tracing", '"one-China policy"',
    ],
    "2021-08-16-wang-yi-china-and-russia-should-strengthen-strategic": [
        "Sergey Lavrov", "Eastern Turkistan", '"collapsing without a fight"',
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def shipped_index(
    shipped_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[SearchDocument], Path]:
    """The shipped site's search documents and their Whoosh index."""
    documents = documents_from_site(shipped_site)
    index = tmp_path_factory.mktemp("whoosh")
    update_index(index, documents)
    names_from_site(shipped_site).save(index)
    return documents, index


def registered_names() -> list[tuple[str, str]]:
    """(entity id, name) for every name and alias in the shipped registry."""
    registry = load_registry(DATA / "entities.yaml")
    return [(e.id, name) for e in registry.entities.values() for name in (e.name, *e.aliases)]


def test_every_registered_name_finds_every_article_that_mentions_its_entity(
    shipped_index: tuple[list[SearchDocument], Path],
) -> None:
    documents, index = shipped_index
    checked = 0
    for entity, name in registered_names():
        mentioning = {d.slug for d in documents if entity in d.entities}
        if not mentioning:
            continue
        results = search(index, name, limit=50)
        assert mentioning <= {h.slug for h in results.hits}, (entity, name)
        assert results.entities and results.entities[0].id == entity, name
        checked += 1
    assert checked > 30


def test_an_alias_finds_the_article_that_spells_the_name_otherwise(
    shipped_index: tuple[list[SearchDocument], Path],
) -> None:
    documents, index = shipped_index
    (dusambe,) = [d for d in documents if "Dusambe" in d.body]
    assert "Dushanbe" not in dusambe.body
    results = search(index, "Dushanbe")
    assert [h.slug for h in results.hits] == [dusambe.slug]
    assert "<mark>Dusambe</mark>" in results.hits[0].snippet
    assert results.suggestion is None


@pytest.mark.parametrize("slug", sorted(SEARCH_FIRST))
def test_each_article_comes_first_for_its_names_places_and_phrases(
    shipped_index: tuple[list[SearchDocument], Path], slug: str
) -> None:
    _, index = shipped_index
    for query in SEARCH_FIRST[slug]:
        results = search(index, query)
        assert results.hits, query
        assert results.hits[0].slug == slug, query


def test_phrases_match_word_for_word(shipped_index: tuple[list[SearchDocument], Path]) -> None:
    _, index = shipped_index
    assert search(index, '"Shanghai Cooperation Organization"').total == 2
    assert search(index, '"Organization Cooperation Shanghai"').total == 0
    assert search(index, "Organization Cooperation Shanghai").total == 2


def test_filters_and_facets(shipped_index: tuple[list[SearchDocument], Path]) -> None:
    documents, index = shipped_index
    everything = search(index, "Afghanistan", limit=20)
    assert everything.total == len(documents)
    assert sum(everything.facets["month"].values()) == everything.total
    naming = sum("vladimir-putin" in d.entities for d in documents)
    assert everything.facets["entity"]["vladimir-putin"] == naming
    only = search(index, "Afghanistan", entity="sergey-lavrov")
    assert [h.slug for h in only.hits] == [
        "2021-08-16-wang-yi-china-and-russia-should-strengthen-strategic"
    ]
    dated = search(index, "Afghanistan", since="2021-08-26", until="2021-08-29")
    assert sorted(h.date for h in dated.hits) == ["2021-08-26", "2021-08-29"]
    by_source = search(index, "Afghanistan", source="EIRNS")
    assert [h.source for h in by_source.hits] == ["EIRNS"]


def test_did_you_mean(shipped_index: tuple[list[SearchDocument], Path]) -> None:
    _, index = shipped_index
    results = search(index, "Lavrv talks")
    assert results.total == 0
    assert results.suggestion == "lavrov talks"
    assert search(index, "Lavrov").suggestion is None


def test_command_line(shipped_index: tuple[list[SearchDocument], Path]) -> None:
    _, index = shipped_index
    out = io.StringIO()
    assert search_cli.main(["Kaag", "--index", str(index), "--json"], out) == 0
    hits = json.loads(out.getvalue())
    assert hits[0]["slug"].startswith("2021-08-25-through-a-telephone-call")
    assert {"slug", "title", "url", "date", "score"} <= hits[0].keys()
    out = io.StringIO()
    search_cli.main(["Kag", "--index", str(index)], out)
    text = out.getvalue()
    assert "Did you mean “kaag”?" in text
    assert "\033[1m" not in text  # not a terminal: no bold
    assert search_cli.plain("a <mark>Kaag</mark> &amp; b", bold=True) == "a \033[1mKaag\033[0m & b"


WIDTHS = [1280, 375]
ARTICLE_PAGE = f"articles/{SLUG}.html"


def _popup(browser: Browser, site: Path, width: int, query: str) -> Page:
    """An article page at ``width`` with ``query`` typed in the header box, popup shown."""
    errors: list[str] = []
    tab = open_page(browser, (site / ARTICLE_PAGE).as_uri(), errors, width)
    tab.fill("#site-search", query)
    tab.wait_for_selector('#site-search[aria-expanded="true"]')
    return tab


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_header_box_is_a_combobox_that_knows_aliases(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    errors: list[str] = []
    tab = open_page(browser, (shipped_site / ARTICLE_PAGE).as_uri(), errors, width)
    assert tab.locator('.site-search [role="status"]').count() == 1  # before any search
    tab.fill("#site-search", "Dushanbe")
    tab.wait_for_selector('#site-search[aria-expanded="true"]')
    box = tab.locator("#site-search")
    assert box.get_attribute("role") == "combobox"
    listbox = tab.locator(f"#{box.get_attribute('aria-controls')}")
    assert listbox.get_attribute("role") == "listbox"
    options = listbox.locator('[role="option"]')
    first = options.nth(0)
    assert first.get_attribute("data-href").endswith("entities/dushanbe/index.html")
    assert options.count() == 2
    assert options.nth(1).locator("mark").first.inner_text() == "Dusambe"
    assert tab.locator(".search-popup h2").count() == 0
    tab.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    assert options.nth(0).get_attribute("aria-selected") == "true"
    tab.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert tab.locator(".search-popup").is_hidden()
    assert box.input_value() == "Dushanbe"
    tab.keyboard.press("Escape")
    assert box.input_value() == ""
    tab.fill("#site-search", "Dushanbe")
    tab.wait_for_selector('#site-search[aria-expanded="true"]')
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")  # follows the active option
    tab.wait_for_url("**/entities/dushanbe/index.html")
    assert not errors


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_popup_closes_on_blur_and_outside_click(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    tab = _popup(browser, shipped_site, width, "Lavrov")
    tab.mouse.click(5, 600)
    assert tab.locator("#site-search").get_attribute("aria-expanded") == "false"
    tab.focus("#site-search")
    tab.wait_for_selector('#site-search[aria-expanded="true"]')
    tab.keyboard.press("Tab")  # the Search button: still in the box's form
    assert tab.locator("#site-search").get_attribute("aria-expanded") == "true"
    tab.focus("a.site-title")
    assert tab.locator("#site-search").get_attribute("aria-expanded") == "false"


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_browser_did_you_mean_and_entity_first_on_the_search_page(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    errors: list[str] = []
    tab = open_page(browser, (shipped_site / "search.html").as_uri() + "?q=Lavrv", errors, width)
    tab.wait_for_function("document.querySelector('#search-status').textContent.length > 0")
    assert "Did you mean “lavrov”?" in tab.inner_text("#search-status")
    tab.fill("#search-query", "Sergei Lavrov")
    tab.press("#search-query", "Enter")
    tab.wait_for_selector("#search-entities:not([hidden]) a")
    link = tab.locator("#search-entities a")
    assert link.get_attribute("href").endswith("entities/sergey-lavrov/index.html")
    assert tab.locator("#search-results li").count() >= 1
    results = tab.locator("#search-results").bounding_box()
    facets = tab.locator("#search-facets").bounding_box()
    assert results and facets
    if width < 600:
        assert results["y"] < facets["y"]
    else:
        assert facets["x"] < results["x"]
    assert not errors


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_a_missing_index_shows_its_error_in_the_popup(
    shipped_site: Path, browser: Browser, width: int, tmp_path: Path
) -> None:
    broken = tmp_path / "site"
    shutil.copytree(shipped_site, broken)
    (broken / "search" / "manifest.js").unlink()
    errors: list[str] = []
    tab = open_page(browser, (broken / ARTICLE_PAGE).as_uri(), errors, width)
    tab.fill("#site-search", "Kabul")
    message = tab.locator(".search-popup__status")
    message.wait_for(state="visible")
    assert "Search is unavailable" in message.inner_text()


# ---- pages for readers, in Chromium --------------------------------------------------

SUBHEADED = "2021-08-26-on-wednesday-chinese-president-xi-jinping-told-his-russian"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _tab(browser: Browser, site: Path, path: str, width: int) -> tuple[Page, list[str]]:
    errors: list[str] = []
    page_path, _, fragment = path.partition("#")
    url = (site / page_path).as_uri() + (f"#{fragment}" if fragment else "")
    return open_page(browser, url, errors, width), errors


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_the_header_fits_one_line(shipped_site: Path, browser: Browser, width: int) -> None:
    tab, errors = _tab(browser, shipped_site, ARTICLE_PAGE, width)
    tops = tab.eval_on_selector_all(
        ".site-nav li", "items => items.map(i => Math.round(i.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, tops  # "By month" no longer wraps onto its own line
    nav = tab.locator(".site-nav").bounding_box()
    assert nav and nav["x"] + nav["width"] <= width
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    assert not errors


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_an_article_reads_like_a_publication(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    records = sorted(articles(shipped_site), key=lambda r: (r["date"], r["slug"]))
    for at, record in enumerate(records):
        tab, errors = _tab(browser, shipped_site, record["url"], width)
        byline = tab.inner_text(".article__header .meta")
        assert "imported" not in byline and ".txt" not in byline
        if record.get("source"):
            assert record["source"] in byline
        made = tab.locator("details.provenance")
        assert made.locator("summary").inner_text() == "How this page was made"
        assert not made.evaluate("d => d.open")
        assert record["source_file"] not in tab.inner_text("body")  # hidden until opened
        made.locator("summary").click()
        assert record["source_file"] in made.inner_text()
        older = tab.locator(".prev-next a[rel=prev]")
        newer = tab.locator(".prev-next a[rel=next]")
        assert older.count() == (1 if at else 0)
        assert newer.count() == (1 if at + 1 < len(records) else 0)
        if at:
            assert older.get_attribute("href").endswith(records[at - 1]["url"])
        if at + 1 < len(records):
            assert newer.get_attribute("href").endswith(records[at + 1]["url"])
        assert not errors
        tab.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_subheads_are_headings_and_dates_and_rules_read_as_words(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    tab, _ = _tab(browser, shipped_site, f"articles/{SUBHEADED}.html", width)
    heads = tab.locator(".article__body h2").all_inner_texts()
    assert "Role of China" in heads
    tab, _ = _tab(browser, shipped_site, "chronology.html", width)
    shown = tab.inner_text("main")
    assert "rule:" not in shown and "explicit-date" not in shown
    assert "the year of publication, since the article gives none" in shown
    for path in ("entities/vladimir-putin/index.html", "chronology.html", ARTICLE_PAGE):
        tab, _ = _tab(browser, shipped_site, path, width)
        assert not ISO_DATE.search(tab.inner_text("main")), path
    tab, _ = _tab(browser, shipped_site, "entities/index.html", width)
    assert " 0 mentions" not in tab.inner_text("main")


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_passage_links_are_large_with_distinct_names(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    tab, _ = _tab(browser, shipped_site, "entities/vladimir-putin/index.html", width)
    links = tab.locator("a.context-link")
    assert links.count() > 3
    names = [links.nth(i).get_attribute("aria-label") for i in range(links.count())]
    assert len(set(names)) == len(names)
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24
    if width < 600:  # the note buttons show on narrow screens only
        tab, _ = _tab(browser, shipped_site, ARTICLE_PAGE, width)
        buttons = tab.locator(".note-ref")
        assert buttons.count() >= 2
        for i in range(buttons.count()):
            box = buttons.nth(i).bounding_box()
            assert box and box["width"] >= 24 and box["height"] >= 24


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_a_part_counts_for_its_whole_via_the_part(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    tab, _ = _tab(browser, shipped_site, "entities/kabul/index.html", width)
    via = tab.locator(".appearance", has_text="via Hamid Karzai International Airport")
    assert via.count() == 1
    assert via.locator("a").first.get_attribute("href").endswith(ARTICLE_PAGE)
    tab, _ = _tab(browser, shipped_site, ARTICLE_PAGE, width)
    sidebar = tab.inner_text(".article__sidebar")
    assert "Hamid Karzai International Airport" in sidebar
    assert "Kabul\n" not in sidebar + "\n" and not re.search(r"^Kabul\b", sidebar, re.M)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_a_link_to_a_noted_passage_opens_its_note_beside_it(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    for note in ("who-is-yang-jiechi", "what-is-the-sco", "call-not-dated-here"):
        slug = load_note(CONTENT / "notes" / f"{note}.md").target
        tab, errors = _tab(browser, shipped_site, f"articles/{slug}.html#anchor-{note}", width)
        card = tab.locator(f"#sidenote-{note}")
        card.wait_for(state="visible")
        passage = tab.locator(f"#anchor-{note}").bounding_box()
        box = card.bounding_box()
        assert passage and box
        overlap = not (
            passage["y"] + passage["height"] <= box["y"] or box["y"] + box["height"] <= passage["y"]
        ) and not (
            passage["x"] + passage["width"] <= box["x"] or box["x"] + box["width"] <= passage["x"]
        )
        assert not overlap, (note, passage, box)
        assert -2 <= passage["y"] <= tab.viewport_size["height"]  # in sight
        assert not errors


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_the_notes_page_lists_every_note_newest_first(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    tab, errors = _tab(browser, shipped_site, "notes.html", width)
    items = tab.locator(".notes-index__item")
    notes, _ = load_notes(CONTENT / "notes")
    assert items.count() == len(notes) >= 9
    dates = tab.eval_on_selector_all(
        ".notes-index__item .note__byline time", "ts => ts.map(t => t.dateTime)"
    )
    assert dates == sorted(dates, reverse=True)
    # a local build has no address for a feed: it is the published site's (test_ops_publish)
    assert tab.locator('link[type="application/atom+xml"]').count() == 0
    first = items.nth(0).locator("a").first
    first.click()
    tab.wait_for_load_state()
    assert "#anchor-" in tab.url or "#note-" in tab.url or "entities/" in tab.url
    assert not errors


def test_at_least_six_more_passage_notes_on_four_articles() -> None:
    notes, errors = load_notes(CONTENT / "notes")
    assert not errors
    on_passages = [n for n in notes if n.kind == "article" and n.quote]
    assert len(on_passages) >= 7
    assert len({n.target for n in on_passages}) >= 4


@pytest.mark.browser
def test_in_the_browser_every_registered_name_finds_every_article_of_its_entity(
    shipped_site: Path, browser: Browser
) -> None:
    documents = documents_from_site(shipped_site)
    url_of = {d.slug: d.url for d in documents}
    tab, errors = _tab(browser, shipped_site, "search.html", 1280)
    checked = 0
    for entity, name in registered_names():
        mentioning = {url_of[d.slug] for d in documents if entity in d.entities}
        if not mentioning:
            continue
        found = tab.evaluate(ENGINE_ALL, name)
        assert mentioning <= set(found["urls"]), (entity, name)
        assert found["named"][:1] == [entity], name
        checked += 1
    assert checked > 30 and not errors


ENGINE_ALL = """async (text) => {
  const index = await window.__archiveSearch.engine.openIndex();
  const found = await index.search(text, {});
  const urls = [];
  for (const [doc] of found.ranked) {
    const bundle = await index.shard("d", Math.floor(doc / index.m.bundle));
    urls.push(bundle[doc % index.m.bundle][1]);
  }
  return {urls, named: found.query.named.map((n) => n.entity)};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_with_the_popup_or_a_note_card_open(
    shipped_site: Path, browser: Browser, width: int
) -> None:
    script = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    tab = _popup(browser, shipped_site, width, "Dushanbe")
    tab.add_script_tag(content=script)
    noted, _ = _tab(browser, shipped_site, f"{ARTICLE_PAGE}#anchor-what-is-the-sco", width)
    noted.locator("#sidenote-what-is-the-sco").wait_for(state="visible")
    noted.add_script_tag(content=script)
    for opened in (tab, noted):
        for scheme in SCHEMES:
            opened.emulate_media(color_scheme=scheme)
            result = opened.evaluate(_AXE_RUN, WCAG_AA)
            assert result["violations"] == [], (scheme, width, result["violations"])


# ---- compare the reports, and text reuse ---------------------------------------------

XI_PUTIN_CALL = "2021-08-25-call-vladimir-putin-xi-jinping"
XI_PUTIN_REPORTS = {  # read off the seed clippings: the four that report the call
    "2021-08-25-through-a-telephone-call-made-on-tuesday-russias-president",
    "2021-08-25-xi-and-putin-explore-efforts-to-achieve-afghan-peace",
    "2021-08-26-on-wednesday-chinese-president-xi-jinping-told-his-russian",
    "2021-08-29-chinese-president-xi-jinping-and-his-russian-counterpart",
}


def test_the_xi_putin_call_shows_its_four_reports_compared(shipped_site: Path) -> None:
    data = json.loads((shipped_site / "api" / "chronology.json").read_text(encoding="utf-8"))
    call = next(e for e in data["events"] if e["id"] == XI_PUTIN_CALL)
    assert set(call["comparison"]["articles"]) == XI_PUTIN_REPORTS
    rows = call["comparison"]["rows"]
    # Xi's call for an open and inclusive political structure: the Xinhua quotation of
    # 25 August, the 26 August paraphrase and "Xi said" of 29 August, on one row.
    inclusive = [
        r
        for r in rows
        if any("Xinhua" in [a["who"] for a in c["attributions"]] for c in r["cells"])
        and any("inclusive polit" in c["text"] for c in r["cells"])
    ]
    assert len(inclusive) == 1 and len(inclusive[0]["cells"]) >= 3
    assert all("terrorist group" in c["text"] for c in inclusive[0]["cells"])
    compared = html(shipped_site / "compare" / f"{XI_PUTIN_CALL}.html")
    heads = compared.select("table.compare thead th a")
    assert {a["href"].rsplit("/", 1)[1].removesuffix(".html") for a in heads} == XI_PUTIN_REPORTS
    assert len(compared.select("table.compare tbody tr")) == len(rows)
    assert sum(len(r["cells"]) > 1 for r in rows) >= 8  # claims in two sources or more


def test_reuse_between_the_outlets_quoting_the_same_readout_is_found(shipped_site: Path) -> None:
    data = json.loads((shipped_site / "api" / "reuse.json").read_text(encoding="utf-8"))
    first, second = sorted(XI_PUTIN_REPORTS)[0], sorted(XI_PUTIN_REPORTS)[2]
    xinhua = [
        c for c in data["clusters"] if {m["article"] for m in c["members"]} == {first, second}
    ]
    assert len(xinhua) == 1
    page_ = html(shipped_site / urls_article(first))
    note = page_.find(id=f"reuse-{xinhua[0]['id']}")
    assert note.find("a")["href"] == f"{second}.html#p2"
    marked = " ".join(m.get_text() for m in page_.select("mark.reused"))
    assert "open and inclusive political structure" in marked


def urls_article(slug: str) -> str:
    return f"articles/{slug}.html"
