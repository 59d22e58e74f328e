"""The plain modules behind the compare stage: sections, diff pieces, reuse marks, layouts."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from archive.chronology.event import Discrepancy, Event
from archive.chronology.kinds import KINDS
from archive.chronology.reports import Report
from archive.compare.align import Comparison, Passage, SourceReport, align, align_key
from archive.compare.diff import word_diff
from archive.compare.events import MAX_SOURCES, ArticleSource, compare_events, sections
from archive.compare.marking import mark_reuse
from archive.compare.network import HEIGHT, WIDTH, neighbourhood, network
from archive.compare.reuse import Link, Span
from archive.compare.timeline import timeline
from archive.compare.view import pieces, table
from archive.site.text import paragraphs


def report(article: str, paragraph: str, start: int = 0, kind: str = "call") -> Report:
    return Report(
        article, datetime.date(2024, 5, 14), paragraph, "Quote.", start, start + 6, kind,
        ("a", "b"), (), "", "", "unknown", "", "",
    )  # fmt: skip


def event(
    ident: str,
    kind: str,
    date: str,
    people: tuple[str, ...],
    *reports: Report,
    disputed: bool = False,
) -> Event:
    d = (Discrepancy("date", (("x", ("s1",)), ("y", ("s2",)))),) if disputed else ()
    return Event(ident, kind, date, "day", ident, people, tuple(reports), d)


# ---- which paragraphs are about which event -----------------------------------------


def test_a_paragraph_without_report_continues_the_event_before() -> None:
    ids = ["p1", "p2", "p3", "p4", "p5"]
    reported = {"p2": frozenset({"a"}), "p4": frozenset({"b"})}
    assert sections(ids, reported) == {"a": ["p1", "p2", "p3"], "b": ["p4", "p5"]}


def test_the_subject_of_an_article_takes_every_paragraph() -> None:
    ids = ["p1", "p2", "p3"]
    reported = {"p1": frozenset({"a"}), "p3": frozenset({"b"})}
    assert sections(ids, reported, "a") == {"a": ids, "b": ["p3"]}


def test_only_events_of_two_articles_are_compared_and_the_first_report_is_the_subject() -> None:
    texts = {
        "one": ArticleSource(
            "one", (("p1", "A called B on Monday."), ("p2", "C seized the port."))
        ),
        "two": ArticleSource(
            "two", (("p1", "C seized the port on Sunday."), ("p2", "A called B."))
        ),
    }
    call = event("call", "call", "2024-05-13", ("a", "b"), report("one", "p1"), report("two", "p2"))
    port = event("port", "takeover", "2024-05-12", ("c",), report("one", "p2"), report("two", "p1"))
    alone = event("alone", "call", "2024-05-13", ("a", "d"), report("one", "p1", 3))
    found = compare_events([call, port, alone], texts)
    assert set(found) == {"call", "port"}
    # "one" is about the call throughout; "two" about the port throughout.
    one_in_port = {
        c.sentence.paragraph
        for r in found["port"].rows
        for c in r.cells
        if c.sentence.article == "one"
    }
    assert one_in_port == {"p2"}
    two_in_call = {
        c.sentence.paragraph
        for r in found["call"].rows
        for c in r.cells
        if c.sentence.article == "two"
    }
    assert two_in_call == {"p2"}
    one_in_call = {
        c.sentence.paragraph
        for r in found["call"].rows
        for c in r.cells
        if c.sentence.article == "one"
    }
    assert one_in_call == {"p1", "p2"}


def test_an_aligner_given_to_compare_events_sees_each_compared_events_reports() -> None:
    texts = {
        slug: ArticleSource(slug, (("p1", "A called B on Monday."),)) for slug in ("one", "two")
    }
    call = event("call", "call", "2024-05-13", ("a", "b"), report("one", "p1"), report("two", "p1"))
    seen: list[tuple[str, ...]] = []

    def aligner(reports: Sequence[SourceReport]) -> Comparison:
        seen.append(tuple(r.article for r in reports))
        return align(reports)

    assert compare_events([call], texts, aligner) == compare_events([call], texts)
    assert seen == [("one", "two")]


def test_align_key_is_what_align_reads_with_sets_in_any_order() -> None:
    paragraphs = (("p1", "A called B."),)
    passage = Passage("p1", 0, 11, frozenset({"a", "b", "c", "d"}))
    first = SourceReport("one", paragraphs, (passage,))
    shuffled = replace(first, passages=(replace(passage, entities=frozenset("dcba")),))
    assert align_key([first]) == align_key([shuffled])
    assert align_key([first]) != align_key([replace(first, paragraphs=(("p1", "A met B."),))])
    assert align_key([first]) != align_key([replace(first, passages=(replace(passage, end=5),))])


# ---- a cell in pieces ------------------------------------------------------------------


def test_pieces_join_back_into_the_text_and_keep_the_reference_words() -> None:
    reference = "The ministers met in Vellen on Tuesday, the Council said."
    text = "The two ministers met on Wednesday in Vellen."
    found = pieces(text, [op.to_dict() for op in word_diff(reference, text)])
    assert "".join(p.text for p in found) == text
    removed = " ".join(p.reference for p in found if p.op in ("removed", "changed"))
    added = " ".join(p.text for p in found if p.op in ("added", "changed"))
    assert "Tuesday" in removed and "Wednesday" in added
    assert all(a.op != "equal" or b.op != "equal" for a, b in pairwise(found))


def test_table_puts_cells_in_column_order_with_gaps() -> None:
    comparison = {
        "articles": ["x", "y", "z"],
        "rows": [
            {"reference": "z", "missing": ["y"], "cells": [
                {"article": "z", "paragraph": "p1", "text": "A.", "attributions": [], "diff": []},
                {"article": "x", "paragraph": "p2", "text": "A.", "attributions": [], "diff": []},
            ]},
        ],
    }  # fmt: skip
    [row] = table(comparison)
    assert [c.article if c else None for c in row.cells] == ["x", None, "z"]
    assert [c.reference for c in row.cells if c] == [False, True]
    assert row.sources == 2 and not row.single


# ---- reuse marks ---------------------------------------------------------------------


def test_marks_cross_an_entity_link_and_keep_the_text() -> None:
    html = '<p id="p1">All factions in <a href="e.html">Afghanistan</a> to build a structure.</p>\n<p id="p2">Next.</p>'
    text = paragraphs(html)[0].text
    start, end = text.index("factions"), text.index("structure") + len("structure")
    link = Link(Span("p1", start, end), "r1", (("other", "p3"),))
    marked = mark_reuse(
        html, [link], lambda found: f'<p class="reuse-note">also in {found.others[0][0]}</p>'
    )
    assert [p.text for p in paragraphs(marked) if p.id in ("p1", "p2")] == [text, "Next."]
    assert marked.index("reuse-note") < marked.index('id="p1"')
    assert marked.count('<mark class="reused" data-reuse="r1">') == 3
    assert '<a href="e.html"><mark class="reused" data-reuse="r1">Afghanistan</mark></a>' in marked


# ---- layouts -------------------------------------------------------------------------


def test_timeline_lanes_bars_and_flags() -> None:
    events = [
        event("c1", "call", "2024-05-14", ("a", "b"), disputed=True),
        event("c2", "call", "2024-05-14", ("a", "c")),
        event("m1", "meeting", "2024-05", ("a", "b")),
        event("u1", "meeting", "", ("a", "b")),
    ]
    strip = timeline(events, KINDS)
    assert strip is not None
    assert [lane.kind for lane in strip.lanes] == ["call", "meeting"]
    assert {b.event for b in strip.bars} == {"c1", "c2", "m1"}
    assert [e.id for e in strip.undated] == ["u1"]
    c1, c2 = (next(b for b in strip.bars if b.event == i) for i in ("c1", "c2"))
    assert c1.disputed and not c2.disputed
    assert c1.x == c2.x and c1.y != c2.y  # the same day: two sub-rows of one lane
    month = next(b for b in strip.bars if b.event == "m1")
    assert (month.first, month.last) == (datetime.date(2024, 5, 1), datetime.date(2024, 5, 31))
    assert all(b.x >= 0 and b.x + b.width <= strip.width + 0.1 for b in strip.bars)
    assert timeline(events[3:], KINDS) is None


def test_network_weights_kinds_and_places_everyone_inside() -> None:
    events = [
        event("c1", "call", "2024-05-14", ("a", "b")),
        event("c2", "call", "2024-05-15", ("a", "b")),
        event("m1", "meeting", "2024-05-16", ("a", "b")),
        event("m2", "meeting", "2024-05-16", ("c", "d")),
        event("s1", "statement", "2024-05-16", ("a", "e")),
    ]
    names = {"a": "Ann", "b": "Bo", "c": "Cy", "d": "Di"}
    net = network(events, names)
    assert net is not None
    assert {n.id for n in net.nodes} == {"a", "b", "c", "d"}  # statements are not talks
    counts = {(e.source, e.target, e.kind): e.count for e in net.edges}
    assert counts == {("a", "b", "call"): 2, ("a", "b", "meeting"): 1, ("c", "d", "meeting"): 1}
    ab = [e for e in net.edges if (e.source, e.target) == ("a", "b")]
    assert ab[0].x1 != ab[1].x1 or ab[0].y1 != ab[1].y1  # two kinds side by side
    assert all(0 < n.x < WIDTH and 0 < n.y < HEIGHT for n in net.nodes)
    assert network(list(reversed(events)), names) == net
    around = neighbourhood(events, names, "a")
    assert around is not None and around.centre == "a"
    assert {n.id for n in around.nodes} == {"a", "b"}
    centre = next(n for n in around.nodes if n.id == "a")
    assert (centre.x, centre.y) == (WIDTH / 2, HEIGHT / 2)
    assert neighbourhood(events, names, "e") is None


def test_an_event_of_many_reports_compares_the_first_published() -> None:
    slugs = [f"s{i}" for i in range(MAX_SOURCES + 2)]
    texts = {s: ArticleSource(s, (("p1", "A called B on Monday about the port."),)) for s in slugs}
    reports = [
        replace(report(s, "p1"), published=datetime.date(2024, 5, 14 + i))
        for i, s in enumerate(reversed(slugs))
    ]
    found = compare_events([event("call", "call", "2024-05-13", ("a", "b"), *reports)], texts)
    assert found["call"].articles == tuple(reversed(slugs))[:MAX_SOURCES]
