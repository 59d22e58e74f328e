"""The Whoosh index and ``invoke search``: analysis, incremental updates, ranking, filters.

Ranking and filters on the small fixture archive; the seeds' in ``test_shipped_site.py``.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from archive_builder import APRIL, TODAY, TUESDAY, WEDNESDAY, small_archive
from search_support import ROOT
from whoosh.analysis import SimpleAnalyzer, StemmingAnalyzer

from archive.search import cli as search_cli
from archive.search import whoosh_index
from archive.search.analysis import Analyzer, SearchDocument, indexed, parse_query, words
from archive.search.snippets import snippet
from archive.search.whoosh_index import documents_from_site, open_index, search, update_index

SEEDS = ROOT / "content" / "clippings"
# For each article of the small archive: words and phrases only it holds (read off the texts).
FIRST = {
    TUESDAY: ["timber", "Norlandic frank", '"trade grain"'],
    WEDNESDAY: ["commission", '"would meet in Vellen"'],
    TODAY: ["today", '"talks would go on"'],
    APRIL: ["ambassador", "summit", '"Karl Lind"'],
}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[SearchDocument], Path]:
    """The small fixture archive, built, and its Whoosh index."""
    output = small_archive(tmp_path_factory.mktemp("small")).built()
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
    clippings = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert clippings, f"no clippings in {SEEDS}: the comparison would test nothing"
    for clipping in [*clippings, ""]:  # "": the hard cases on their own
        text = clipping + " İstanbul U.S. a*b talks Ærø naïve café’s 1,000.5 e-mail _x_ ΣΊΣΥΦΟΣ"
        assert words(text), text[:40]
        assert [t.text for t in Analyzer(stemming=True)(text)] == [t.text for t in stemming(text)]
        assert words(text) == [t.text for t in simple(text)]
        ours = [(t.text, t.pos) for t in Analyzer(stemming=False)(text, positions=True)]
        assert ours == [(t.text, t.pos) for t in simple(text, positions=True)]
        phrase = Analyzer(stemming=False, only_indexed=True)(text, positions=True)
        assert [(t.text, t.pos) for t in phrase] == [(w, p) for w, p in ours if indexed(w)]


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


def test_an_index_in_many_segments_answers_as_one(
    small: tuple[list[SearchDocument], Path], tmp_path: Path
) -> None:
    documents, _ = small
    one, many = tmp_path / "one", tmp_path / "many"
    update_index(one, documents)
    update_index(many, documents, batch=1)  # a segment per document
    edited = [replace(documents[0], body=documents[0].body + " Timber again."), *documents[1:]]
    for folder in (one, many):
        assert update_index(folder, edited, batch=1).updated == 1
    for query in ["Berg", "timber", '"Northern Council"', "Council talks", "Vellan"]:
        found, batched = search(one, query, limit=20), search(many, query, limit=20)
        assert batched.hits == found.hits and batched.facets == found.facets, query
        assert batched.suggestion == found.suggestion, query
    assert search(many, "timber").total == 2


def _segments(folder: Path) -> int:
    with open_index(folder).reader() as reader:
        return len(list(reader.leaf_readers()))


def test_an_edit_adds_a_segment_and_many_small_ones_are_folded_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One changed article is not worth merging the index (Whoosh's default would); a
    pile of such segments is, once it passes ``EXTRA_SEGMENTS``."""
    monkeypatch.setattr(whoosh_index, "EXTRA_SEGMENTS", 2)
    docs = [_doc(f"a{n}", f"Talks {n}", f"Wang Yi met envoy {n}.") for n in range(40)]
    update_index(tmp_path, docs, batch=10)
    assert _segments(tmp_path) == 4
    for edit in range(1, 4):  # deleted versions stay under a tenth of the index
        docs[0] = replace(docs[0], body=f"Wang Yi met envoy zero, take {edit}.")
        assert update_index(tmp_path, docs, batch=10).updated == 1
        assert _segments(tmp_path) == (4 + edit if edit <= 2 else 1)
    assert search(tmp_path, "take").total == 1


def test_a_missing_index_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(FileNotFoundError):
        search(tmp_path / "none", "kabul")
    assert search_cli.main(["kabul", "--index", str(tmp_path / "none")]) == 1
    assert "no search index: run `invoke build` first" in capsys.readouterr().err


@pytest.mark.parametrize("slug", sorted(FIRST))
def test_each_article_comes_first_for_its_names_places_and_phrases(
    small: tuple[list[SearchDocument], Path], slug: str
) -> None:
    _, index = small
    for query in FIRST[slug]:
        results = search(index, query)
        assert results.hits, query
        assert results.hits[0].slug == slug, query


def test_phrases_match_word_for_word(small: tuple[list[SearchDocument], Path]) -> None:
    _, index = small
    assert search(index, '"Northern Council"').total == 3
    assert search(index, '"Council Northern"').total == 0
    assert search(index, "Council Northern").total == 3


def test_filters_and_facets(small: tuple[list[SearchDocument], Path]) -> None:
    documents, index = small
    everything = search(index, "Berg", limit=20)
    assert everything.total == len(documents) == 4
    assert sum(everything.facets["month"].values()) == everything.total
    assert everything.facets["month"] == {"2023-03": 3, "2023-04": 1}
    naming = sum("tomas-lind" in d.entities for d in documents)
    assert everything.facets["entity"]["tomas-lind"] == naming == 3
    only = search(index, "Berg", entity="karl-lind")
    assert [h.slug for h in only.hits] == [APRIL]
    dated = search(index, "Berg", since="2023-03-09", until="2023-04-30")
    assert sorted(h.date for h in dated.hits) == ["2023-03-09", "2023-04-03"]
    by_source = search(index, "Berg", source="Coast Courier")
    assert sorted(h.slug for h in by_source.hits) == sorted([APRIL, WEDNESDAY])
    assert {h.source for h in by_source.hits} == {"Coast Courier"}


def test_did_you_mean(small: tuple[list[SearchDocument], Path]) -> None:
    _, index = small
    results = search(index, "Vellan talks")
    assert results.total == 0
    assert results.suggestion == "vellen talks"
    assert search(index, "Vellen").suggestion is None


def test_command_line(small: tuple[list[SearchDocument], Path]) -> None:
    _, index = small
    out = io.StringIO()
    assert search_cli.main(["timber", "--index", str(index), "--json"], out) == 0
    hits = json.loads(out.getvalue())
    assert hits[0]["slug"] == TUESDAY
    assert {"slug", "title", "url", "date", "score"} <= hits[0].keys()
    out = io.StringIO()
    search_cli.main(["timbr", "--index", str(index)], out)
    text = out.getvalue()
    assert "Did you mean “timber”?" in text
    assert "\033[1m" not in text  # not a terminal: no bold
    assert search_cli.plain("a <mark>Kaag</mark> &amp; b", bold=True) == "a \033[1mKaag\033[0m & b"
