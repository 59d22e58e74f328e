"""Reuse detection: passages shared with edits, what is not reuse, spans, order, and figures."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from archive.compare.reuse import (
    ArticleText,
    ReuseOptions,
    find_reuse,
    links_by_article,
    reuse_json,
)
from archive.compare.shingles import corpus, seeds

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from eval_reuse import evaluate
from reuse_corpus import synthetic_archive

READOUT = (
    "The two presidents agreed to deepen cooperation in energy, transport and agriculture, "
    "to open a direct air route between their capitals before the end of the year, and to "
    "set up a joint commission on water management that will meet twice a year."
)
# The readout as two other outlets ran it: words changed, added, dropped, cut short.
EDITED = (
    "The two leaders agreed to deepen cooperation in energy, transport and farming, to "
    "open a direct air route between the two capitals before the end of this year, and to "
    "set up a joint commission on water management that will meet twice a year."
)
CUT = (
    "the presidents agreed to deepen cooperation in energy, transport and agriculture, to "
    "open a direct air route between their capitals before the end of the year, and to set "
    "up a joint commission on water"
)
SHORT_SHARED = "The ministry said in a statement on Monday that the talks were"  # 12 words


def _articles() -> list[ArticleText]:
    return [
        ArticleText("a-wire", (("p1", "Officials met in the capital."), ("p2", READOUT))),
        ArticleText(
            "b-daily",
            (
                ("p1", f"A summit took place. {EDITED} Markets were calm."),
                ("p2", SHORT_SHARED + " long."),
            ),
        ),
        ArticleText(
            "c-weekly", (("p1", "In brief."), ("p2", f"Reports said {CUT}, officials added."))
        ),
        ArticleText("d-other", (("p1", SHORT_SHARED + " short and ended without a deal."),)),
    ]


def _texts(articles: list[ArticleText]) -> dict[tuple[str, str], str]:
    return {(a.slug, ident): text for a in articles for ident, text in a.paragraphs}


def test_a_readout_run_by_three_outlets_with_edits_is_one_cluster() -> None:
    articles = _articles()
    clusters = find_reuse(articles)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert [m.article for m in cluster.members] == ["a-wire", "b-daily", "c-weekly"]
    texts = _texts(articles)
    passages = {
        m.article: " ".join(texts[(m.article, s.paragraph)][s.start : s.end] for s in m.spans)
        for m in cluster.members
    }
    assert passages["a-wire"].startswith("The two presidents") and passages["a-wire"].endswith(
        "a year"
    )
    assert passages["b-daily"].startswith("The two leaders") and passages["b-daily"].endswith(
        "a year"
    )
    # "the" stands alone before a dropped word: a local alignment does not keep it.
    assert passages["c-weekly"].startswith("presidents agreed") and passages["c-weekly"].endswith(
        "water"
    )
    assert cluster.words == min(m.words for m in cluster.members) >= ReuseOptions().min_words


def test_a_short_shared_phrase_is_not_reuse() -> None:
    clusters = find_reuse(_articles())
    assert all("d-other" not in [m.article for m in c.members] for c in clusters)


def test_the_minimum_length_is_an_option() -> None:
    assert find_reuse(_articles(), ReuseOptions(min_words=60)) == []


def test_a_passage_over_two_paragraphs_has_a_span_in_each() -> None:
    first, second = READOUT.split(", and ")
    articles = [
        ArticleText("a", (("p1", READOUT),)),
        ArticleText(
            "b", (("p1", "Before. " + first + ","), ("p2", "and " + second), ("p3", "After."))
        ),
    ]
    (cluster,) = find_reuse(articles)
    member = cluster.members[1]
    assert [s.paragraph for s in member.spans] == ["p1", "p2"]
    assert member.spans[0].start == len("Before. ") and member.spans[1].start == 0


def test_output_does_not_depend_on_input_order() -> None:
    articles = _articles()
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    first = json.dumps(reuse_json(find_reuse(articles)))
    assert json.dumps(reuse_json(find_reuse(shuffled))) == first


def test_links_point_each_copy_at_the_others() -> None:
    links = links_by_article(find_reuse(_articles()))
    assert sorted(links) == ["a-wire", "b-daily", "c-weekly"]
    (link,) = links["a-wire"]
    assert link.span.paragraph == "p2" and link.cluster == "r1"
    assert link.others == (("b-daily", "p1"), ("c-weekly", "p2"))


def test_reuse_json_shape() -> None:
    data = reuse_json(find_reuse(_articles()))
    assert data["min_words"] == 25
    (cluster,) = data["clusters"]
    assert set(cluster) == {"id", "words", "members"}
    assert set(cluster["members"][0]) == {"article", "words", "spans"}
    assert set(cluster["members"][0]["spans"][0]) == {"paragraph", "start", "end"}


def test_two_articles_with_one_slug_are_refused() -> None:
    with pytest.raises(ValueError, match="same slug"):
        find_reuse([ArticleText("x", (("p1", READOUT),)), ArticleText("x", (("p1", READOUT),))])


def test_empty_and_tiny_archives() -> None:
    assert find_reuse([]) == []
    assert find_reuse([ArticleText("a", (("p1", "One."),)), ArticleText("b", ())]) == []


def test_each_occurrence_is_linked_to_the_previous_article_with_the_shingle() -> None:
    text = corpus([["a b c d e f"], ["x a b c d e"], ["a b c d e y a b c d e"]])
    found = seeds(text, 5, max_occurrences=4)
    links = {
        (int(a), int(i), int(b), int(j))
        for a, i, b, j in zip(found.doc_a, found.pos_a, found.doc_b, found.pos_b, strict=True)
    }
    assert links == {(0, 0, 1, 1), (1, 1, 2, 0), (1, 1, 2, 6)}
    assert len(seeds(text, 5, max_occurrences=3).doc_a) == 0  # "a b c d e" is a formula


def test_benchmark_figures_on_a_small_seeded_archive() -> None:
    """The exact figures of ``bench/eval_reuse.py --articles 400 --seed 5``."""
    archive = synthetic_archive(400, 5)
    score = evaluate(archive, find_reuse(archive.articles))
    figures = (
        score.copies,
        score.found,
        score.passages_whole,
        score.clusters,
        score.false_clusters,
    )
    # planted copies, found, passages found whole, clusters, false clusters
    assert figures == (136, 134, 38, 40, 0)
