"""The Whoosh index and ``invoke search``: analysis, incremental updates, ranking, filters."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from search_support import ROOT, build_site
from whoosh.analysis import SimpleAnalyzer, StemmingAnalyzer

from archive.search import cli as search_cli
from archive.search.analysis import Analyzer, SearchDocument, parse_query, words
from archive.search.snippets import snippet
from archive.search.whoosh_index import documents_from_site, search, update_index

SEEDS = ROOT.parent / "shared" / "seeds"
# For each of the five articles: names, places and phrases only it holds (or holds most).
FIRST = {
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
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[SearchDocument], Path]:
    """The shipped archive, built, and its Whoosh index."""
    output = build_site(
        ROOT / "content", tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("cache")
    )
    documents = documents_from_site(output)
    index = tmp_path_factory.mktemp("whoosh")
    update_index(index, documents)
    return documents, index


def _doc(slug: str, title: str, body: str, **more: object) -> SearchDocument:
    fields: dict[str, object] = {
        "url": f"articles/{slug}.html", "date": "2021-08-25", "source": "Wire",
        "entities": (), "entity_names": (),
    }  # fmt: skip
    fields.update(more)
    return SearchDocument(slug=slug, title=title, body=body, **fields)  # type: ignore[arg-type]


def test_analysis_is_whooshs_token_for_token() -> None:
    stemming, simple = StemmingAnalyzer(), SimpleAnalyzer()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8") + " İstanbul U.S. a*b talks"
        assert [t.text for t in Analyzer(stemming=True)(text)] == [t.text for t in stemming(text)]
        assert words(text) == [t.text for t in simple(text)]
        ours = [(t.text, t.pos) for t in Analyzer(stemming=False)(text, positions=True)]
        assert ours == [(t.text, t.pos) for t in simple(text, positions=True)]


def test_query_reads_phrases_words_and_a_prefix() -> None:
    parsed = parse_query('"Shanghai Cooperation" talks the')
    assert parsed.phrases == (("shanghai", "cooperation"),)
    assert parsed.groups == (("shanghai",), ("cooper",), ("talk",))
    vocabulary = ["kabul", "kazakhstan", "kaag", "k"]
    typed = parse_query("talks ka", lambda start: [w for w in vocabulary if w.startswith(start)])
    assert typed.prefix == "ka"
    assert typed.groups == (("talk",), ("ka", "kaag", "kabul", "kazakhstan"))
    assert parse_query("talks ka ", lambda start: vocabulary).prefix is None


def test_snippet_marks_matches_and_escapes_the_rest() -> None:
    text = "Intro. " + "word " * 40 + "Putin <b>talked</b> & left."
    html = snippet(text, frozenset({"putin", "talk"}))
    assert html.startswith("…")
    assert "<mark>Putin</mark> &lt;b&gt;<mark>talked</mark>&lt;/b&gt; &amp; left." in html


def test_updates_only_what_changed(tmp_path: Path) -> None:
    docs = [_doc("a", "Kabul airport", "Chaos at the airport."), _doc("b", "Talks", "Wang Yi.")]
    assert update_index(tmp_path, docs).added == 2
    assert update_index(tmp_path, docs).unchanged == 2
    edited = [replace(docs[0], body="Calm at the airport."), docs[1]]
    stats = update_index(tmp_path, edited)
    assert (stats.updated, stats.unchanged) == (1, 1)
    assert search(tmp_path, "calm").total == 1
    assert search(tmp_path, "chaos").total == 0
    stats = update_index(tmp_path, edited[1:])
    assert stats.removed == 1
    assert search(tmp_path, "airport").total == 0


def test_a_missing_index_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(FileNotFoundError):
        search(tmp_path / "none", "kabul")
    assert search_cli.main(["kabul", "--index", str(tmp_path / "none")]) == 1
    assert "no search index: run `invoke build` first" in capsys.readouterr().err


@pytest.mark.parametrize("slug", sorted(FIRST))
def test_each_article_comes_first_for_its_names_places_and_phrases(
    shipped: tuple[list[SearchDocument], Path], slug: str
) -> None:
    _, index = shipped
    for query in FIRST[slug]:
        results = search(index, query)
        assert results.hits, query
        assert results.hits[0].slug == slug, query


def test_phrases_match_word_for_word(shipped: tuple[list[SearchDocument], Path]) -> None:
    _, index = shipped
    assert search(index, '"Shanghai Cooperation Organization"').total == 2
    assert search(index, '"Organization Cooperation Shanghai"').total == 0
    assert search(index, "Organization Cooperation Shanghai").total == 2


def test_filters_and_facets(shipped: tuple[list[SearchDocument], Path]) -> None:
    documents, index = shipped
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


def test_did_you_mean(shipped: tuple[list[SearchDocument], Path]) -> None:
    _, index = shipped
    results = search(index, "Lavrv talks")
    assert results.total == 0
    assert results.suggestion == "lavrov talks"
    assert search(index, "Lavrov").suggestion is None


def test_command_line(shipped: tuple[list[SearchDocument], Path]) -> None:
    _, index = shipped
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
