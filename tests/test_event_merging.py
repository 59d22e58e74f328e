"""Merging on evidence: which reports are one occasion, and when sources disagree.

Reports are made by hand; each expectation follows from the rules in
``archive/chronology/merge.py`` and the dates written (25 August 2021 was a
Wednesday).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import replace

import pytest
from report_support import THU_26_AUG, report, shape

from archive.chronology.merge import _fits, _Groups, _preference, _specific_first, merge_reports
from archive.chronology.reports import Report

D = datetime.date
NAMES = {"putin": "Vladimir Putin", "xi": "Xi Jinping", "g7": "G7", "taliban": "Taliban"}


def test_an_undated_report_naming_one_side_joins_only_its_own_articles_event() -> None:
    events = merge_reports(
        [report("a"), report("b", "", ("putin",)), report("a", "", ("putin",))], NAMES
    )
    assert shape(events) == [
        ("2021-08-25-call-putin-xi", "2021-08-25", ("a",)),
        ("undated-call-putin", "", ("b",)),
    ]
    assert len(events[0].reports) == 2


def test_an_undated_mention_of_a_summit_joins_its_articles_summit() -> None:
    summit = report("a", participants=("g7", "xi"), kind="summit")
    again = report("a", "", participants=("g7",), kind="summit", cue="summit")
    elsewhere = report("b", "", participants=("g7",), kind="summit", cue="summit")
    events = merge_reports([summit, again, elsewhere], NAMES)
    assert [(e.articles, len(e.reports)) for e in events] == [(("a",), 2), (("b",), 1)]


def test_a_report_naming_nobody_joins_only_the_very_same_date() -> None:
    taken = report("a", "2021-08-15", ("taliban",), "takeover")
    events = merge_reports(
        [
            taken,
            report("b", "2021-08-15", (), "takeover"),
            report("c", "2021-08-16", (), "takeover"),
        ],
        NAMES,
    )
    assert [e.articles for e in events] == [("a", "b"), ("c",)]


def test_a_conversation_of_unstated_medium_is_the_phone_call() -> None:
    conversation = replace(report("b", kind="meeting", cue="conversation"), unstated_medium=True)
    (event,) = merge_reports([report("a"), conversation], NAMES)
    assert (event.kind, event.articles) == ("call", ("a", "b"))


def test_talks_and_a_call_of_the_same_day_stay_two_events() -> None:
    events = merge_reports([report("a"), report("b", kind="meeting", cue="talks")], NAMES)
    assert [e.kind for e in events] == ["call", "meeting"]


def test_sources_of_a_summit_naming_different_leaders_are_one_summit() -> None:
    events = merge_reports(
        [
            report("a", participants=("g7", "xi"), kind="summit"),
            report("b", participants=("g7",), kind="summit"),
            report("c", participants=("xi",), kind="summit", value="2021-09-20"),
        ],
        NAMES,
    )
    assert shape(events) == [
        ("2021-08-25-summit-g7-xi", "2021-08-25", ("a", "b")),
        ("2021-09-20-summit-xi", "2021-09-20", ("c",)),
    ]


def test_sources_that_disagree_are_flagged_an_article_at_odds_with_itself_is_not() -> None:
    (alone,) = merge_reports([report("a", "2021-08-24"), report("a", "2021-08-25")], NAMES)
    assert alone.discrepancies == ()
    (two,) = merge_reports([report("a", "2021-08-24"), report("b", "2021-08-25")], NAMES)
    assert [d.to_dict() for d in two.discrepancies] == [
        {
            "field": "date",
            "values": [
                {"value": "2021-08-24", "articles": ["a"]},
                {"value": "2021-08-25", "articles": ["b"]},
            ],
        }
    ]


def _varied_reports(seed: int, count: int) -> list[Report]:
    """Reports of every kind, size of cast, date precision and medium, from a seeded draw."""
    rng = random.Random(seed)
    values = ["", "2021-08-24", "2021-08-25", "2021-08-27", "2021-08-31", "2021-09-01"]
    values += ["2021-W34", "2021-08", "2021-09", "2021", "2020-12-31"]
    reports = []
    for number in range(count):
        value = rng.choice(values)
        base = report(
            f"a{rng.randrange(12)}",
            value,
            tuple(sorted(rng.sample(["putin", "xi", "wang", "lavrov"], rng.randrange(4)))),
            rng.choice(["call", "meeting", "summit", "statement", "takeover"]),
            THU_26_AUG + datetime.timedelta(days=rng.randrange(-3, 10)),
            paragraph=f"p{number}",
        )
        reports.append(replace(base, unstated_medium=rng.random() < 0.2))
    return reports


@pytest.mark.parametrize("seed", range(6))
def test_the_index_offers_every_event_a_report_fits(seed: int) -> None:
    """Merging tries a report only on indexed candidates: none that fits may be missed."""
    groups = _Groups(window_days=2)
    for each in sorted(_varied_reports(seed, 250), key=_specific_first):
        fitting = {g.serial for g in groups.all if _fits(each, g, 2)}
        offered = groups.candidates(each)
        assert fitting <= {g.serial for g in offered}
        if fitting:
            chosen = min(
                (g for g in offered if g.serial in fitting), key=lambda g: _preference(each, g)
            )
            groups.add(chosen, each)
        else:
            groups.found(each)
    assert len(groups.all) < 250  # the draw does merge: the check above was exercised


def test_an_undated_report_tells_recent_news_not_an_event_of_last_year() -> None:
    call = report("a")
    later = report("b", "", published=datetime.date(2022, 9, 15))
    days = report("c", "", published=datetime.date(2021, 8, 30))
    events = merge_reports([call, later, days], {})
    assert sorted(e.articles for e in events) == [("a", "c"), ("b",)]


def test_a_summit_dated_by_an_event_set_in_it_contradicts_no_other_date() -> None:
    first = report("a", "2021-08-24", ("g7",), kind="summit", cue="summit")
    during = replace(
        report("b", "2021-08-25", ("g7",), kind="summit", cue="summit"),
        rule="date-of-the-event-set-in-it",
    )
    (event,) = merge_reports([first, during], {})
    assert event.articles == ("a", "b") and event.discrepancies == ()
    plain = replace(during, rule="weekday-before-publication")
    (event,) = merge_reports([first, plain], {})
    assert [d.field for d in event.discrepancies] == ["date"]


def test_a_summit_of_many_leaders_has_an_id_short_enough_for_a_file_name() -> None:
    leaders = tuple(sorted(f"leader-number-{n:02d}-of-the-summit" for n in range(20)))
    summit = merge_reports([report("a", "2021-09-16", leaders, kind="summit")], {})[0]
    fewer = merge_reports([report("a", "2021-09-16", leaders[1:], kind="summit")], {})[0]
    assert len(summit.id) <= 120 and summit.id.startswith("2021-09-16-summit-leader-number-00")
    assert fewer.id != summit.id  # the hash of the whole id tells them apart
    small = merge_reports([report("a")], {})[0]
    assert small.id == "2021-08-25-call-putin-xi"  # short ids stay as they were
