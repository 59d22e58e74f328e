"""The chronology: reports merged into events, editors' corrections, iCalendar.

The shipped seeds' chronology is checked in ``test_shipped_site.py``.

Expected dates are read off the calendar and the texts (25 August 2021 was a
Wednesday), never taken from the code's output.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from report_support import report, shape

from archive.chronology.corrections import Correction, apply_corrections, load_corrections
from archive.chronology.event import Event, chronology_json, events_by_article, events_by_entity
from archive.chronology.icalendar import to_icalendar
from archive.chronology.merge import merge_reports, title
from archive.chronology.reports import Report
from archive.core.errors import ContentError

D = datetime.date
NAMES = {"putin": "Vladimir Putin", "xi": "Xi Jinping", "modi": "Narendra Modi"}


def merged(*reports: Report) -> list[Event]:
    return merge_reports(reports, NAMES)


# ---- merging ---------------------------------------------------------------------


def test_reports_of_one_call_become_one_event_with_the_majority_date() -> None:
    (event,) = merged(
        report("a", "2021-08-24", published=D(2021, 8, 25)),
        report("b", "2021-08-25"),
        report("c", "2021-08-25", published=D(2021, 8, 27)),
        report("d", "", published=D(2021, 8, 29)),
    )
    assert (event.id, event.date, event.precision) == (
        "2021-08-25-call-putin-xi",
        "2021-08-25",
        "day",
    )
    assert event.articles == ("a", "b", "c", "d")
    assert [d.to_dict() for d in event.discrepancies] == [
        {
            "field": "date",
            "values": [
                {"value": "2021-08-24", "articles": ["a"]},
                {"value": "2021-08-25", "articles": ["b", "c"]},
            ],
        }
    ]


def test_a_tie_goes_to_the_earliest_published_article() -> None:
    (event,) = merged(
        report("late", "2021-08-25", published=D(2021, 8, 27)),
        report("early", "2021-08-24", published=D(2021, 8, 25)),
    )
    assert event.date == "2021-08-24"


def test_an_article_counts_once_for_a_value() -> None:
    (event,) = merged(
        report("a", "2021-08-24", paragraph="p1"),
        report("a", "2021-08-24", paragraph="p2"),
        report("a", "2021-08-24", paragraph="p3"),
        report("b", "2021-08-25", published=D(2021, 8, 25)),
        report("c", "2021-08-25"),
    )
    assert event.date == "2021-08-25"


def test_a_month_supports_the_day_it_contains_without_a_discrepancy() -> None:
    (event,) = merged(report("a", "2021-08"), report("b", "2021-08-25"))
    assert (event.date, event.precision, event.discrepancies) == ("2021-08-25", "day", ())


def test_dates_further_apart_than_the_window_are_two_events() -> None:
    events = merged(report("a", "2021-08-20"), report("b", "2021-08-25"))
    assert shape(events) == [
        ("2021-08-20-call-putin-xi", "2021-08-20", ("a",)),
        ("2021-08-25-call-putin-xi", "2021-08-25", ("b",)),
    ]
    assert len(merge_reports([report("a", "2021-08-20"), report("b", "2021-08-25")], {}, 5)) == 1


def test_other_kind_or_other_participants_are_other_events() -> None:
    events = merged(
        report("a"),
        report("b", kind="meeting"),
        report("c", participants=("modi", "putin")),
    )
    assert sorted(e.id for e in events) == [
        "2021-08-25-call-modi-putin",
        "2021-08-25-call-putin-xi",
        "2021-08-25-meeting-putin-xi",
    ]


def test_a_dated_report_naming_one_side_joins_the_call_with_most_sources() -> None:
    events = merged(
        report("a"),
        report("b"),
        report("c", participants=("modi", "putin")),
        report("d", participants=("putin",), published=D(2021, 8, 29)),
    )  # undated, it would stay its own entry: test_event_merging.py
    assert shape(events) == [
        ("2021-08-25-call-modi-putin", "2021-08-25", ("c",)),
        ("2021-08-25-call-putin-xi", "2021-08-25", ("a", "b", "d")),
    ]


def test_an_undated_report_published_before_the_event_is_another_event() -> None:
    events = merged(report("a"), report("b", "", published=D(2021, 8, 20)))
    assert shape(events) == [
        ("2021-08-25-call-putin-xi", "2021-08-25", ("a",)),
        ("undated-call-putin-xi", "", ("b",)),
    ]


def test_nothing_is_dropped() -> None:
    reports = [
        report("a"),
        report("b", "2021-07"),
        report("c", "", participants=()),
        report("d", kind="statement", participants=("xi",)),
        report("e", "2021-08-01"),
    ]
    events = merged(*reports)
    sources = [r for e in events for r in e.reports]
    assert sorted(sources, key=lambda r: r.article) == reports


def test_ids_do_not_change_when_an_unrelated_article_is_added() -> None:
    before = [e.id for e in merged(report("a"), report("b"))]
    after = [e.id for e in merged(report("a"), report("b"), report("z", kind="summit"))]
    assert before == ["2021-08-25-call-putin-xi"]
    assert after == ["2021-08-25-call-putin-xi", "2021-08-25-summit-putin-xi"]


def test_titles() -> None:
    assert title("call", ["xi", "putin"], NAMES) == "Phone call: Vladimir Putin and Xi Jinping"
    assert title("meeting", ["xi", "putin", "modi"], NAMES) == (
        "Talks: Narendra Modi, Vladimir Putin and Xi Jinping"
    )
    assert title("takeover", ["taliban"], NAMES) == "Takeover: taliban"
    assert title("summit", [], NAMES) == "Summit (participants not named)"


def test_json_shape_and_order() -> None:
    events = merged(
        report("a", "", participants=("modi",)), report("b", "2021-08-20"), report("c", "2021-07")
    )
    data = chronology_json(events)
    assert [e["date"] for e in data["events"]] == ["2021-07", "2021-08-20", ""]
    first = data["events"][0]
    assert {
        "id",
        "date",
        "precision",
        "title",
        "kind",
        "participants",
        "sources",
        "discrepancies",
    } <= set(first)
    assert first["sources"][0]["article"] == "c"
    assert {"article", "quote", "date_text", "rule", "explanation", "paragraph", "value"} <= set(
        first["sources"][0]
    )
    assert data["rejected"] == []


def test_events_by_article_and_by_entity() -> None:
    events = merged(report("a"), report("b", participants=("modi", "putin")))
    assert events_by_article(events) == {
        "a": ["2021-08-25-call-putin-xi"],
        "b": ["2021-08-25-call-modi-putin"],
    }
    assert events_by_entity(events)["putin"] == [
        "2021-08-25-call-modi-putin",
        "2021-08-25-call-putin-xi",
    ]


# ---- editors' corrections ---------------------------------------------------------

ENTITIES = {"putin": "Vladimir Putin", "xi": "Xi Jinping", "modi": "Narendra Modi"}


def corrections(tmp_path: Path, text: str) -> list[Correction]:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    return load_corrections(path)


def corrected(tmp_path: Path, text: str, events: list[Event]) -> dict[str, Event]:
    applied = apply_corrections(events, corrections(tmp_path, text), ENTITIES)
    return {e.id: e for e in applied}


def two_events() -> list[Event]:
    return merged(
        report("a"),
        report("b", published=D(2021, 8, 27)),
        report("c", "2021-08-10", participants=("modi", "putin")),
    )


def test_fix_date_title_and_participants(tmp_path: Path) -> None:
    text = (
        "- fix: 2021-08-25-call-putin-xi\n"
        "  date: '2021-08-24'\n"
        "  participants: [xi, modi]\n"
        "  reason: The readout says Tuesday.\n"
    )
    event = corrected(tmp_path, text, two_events())["2021-08-25-call-putin-xi"]
    assert (event.date, event.precision, event.participants, event.title) == (
        "2021-08-24",
        "day",
        ("modi", "xi"),
        "Phone call: Narendra Modi and Xi Jinping",
    )
    assert event.to_dict()["corrected"] == {
        "by": "editor",
        "reason": "The readout says Tuesday.",
        "fields": ["date", "participants"],
    }


def test_fix_title_and_a_month(tmp_path: Path) -> None:
    text = "- fix: 2021-08-25-call-putin-xi\n  date: 2021-08\n  title: The call\n  reason: r\n"
    event = corrected(tmp_path, text, two_events())["2021-08-25-call-putin-xi"]
    assert (event.date, event.precision, event.title) == ("2021-08", "month", "The call")


def test_merge_keeps_every_source_under_the_first_id(tmp_path: Path) -> None:
    text = "- merge: [2021-08-10-call-modi-putin, 2021-08-25-call-putin-xi]\n  reason: One call.\n"
    events = corrected(tmp_path, text, two_events())
    (event,) = events.values()
    assert (event.id, event.articles, event.participants) == (
        "2021-08-10-call-modi-putin",
        ("a", "c", "b"),  # in order of publication
        ("modi", "putin", "xi"),
    )
    assert event.discrepancies[0].values == (("2021-08-10", ("c",)), ("2021-08-25", ("a", "b")))


def test_merge_keeps_the_kind_of_the_first_event(tmp_path: Path) -> None:
    events = merged(report("a"), report("b", kind="meeting", published=D(2021, 8, 25)))
    text = "- merge: [2021-08-25-call-putin-xi, 2021-08-25-meeting-putin-xi]\n  reason: r\n"
    applied = apply_corrections(events, corrections(tmp_path, text), ENTITIES)
    assert [(e.id, e.kind, e.title, e.articles) for e in applied] == [
        (
            "2021-08-25-call-putin-xi",
            "call",
            "Phone call: Vladimir Putin and Xi Jinping",
            ("b", "a"),
        )
    ]


def test_split_moves_one_articles_sources_to_a_new_event(tmp_path: Path) -> None:
    text = "- split: 2021-08-25-call-putin-xi\n  article: b\n  reason: Another call.\n"
    events = corrected(tmp_path, text, two_events())
    assert events["2021-08-25-call-putin-xi"].articles == ("a",)
    assert events["2021-08-25-call-putin-xi-split"].articles == ("b",)
    assert events["2021-08-25-call-putin-xi-split"].corrected.reasons == ("Another call.",)


def test_reject_hides_the_event_and_lists_it_with_the_reason(tmp_path: Path) -> None:
    text = "- reject: 2021-08-10-call-modi-putin\n  reason: A misreading.\n"
    applied = apply_corrections(two_events(), corrections(tmp_path, text), ENTITIES)
    data = chronology_json(applied)
    assert [e["id"] for e in data["events"]] == ["2021-08-25-call-putin-xi"]
    assert data["rejected"][0]["rejected"] == {"by": "editor", "reason": "A misreading."}
    assert "modi" not in to_icalendar(applied)
    assert "2021-08-10-call-modi-putin" not in events_by_entity(applied).get("modi", [])


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("- fix: 2021-08-25-call-putin-xi\n  title: T\n  reason: r\n"
         "- reject: no-such-event\n  reason: r\n", 4, "unknown event 'no-such-event'"),
        ("- fix: 2021-08-25-call-putin-xi\n  participants:\n    - xi\n    - biden\n"
         "  reason: r\n", 4, "unknown entity 'biden'"),
        ("- merge: [2021-08-25-call-putin-xi, 2021-08-10-call-modi]\n  reason: r\n", 1,
         "unknown event '2021-08-10-call-modi'"),
        ("- split: 2021-08-25-call-putin-xi\n  article: zz\n  reason: r\n", 2, "no source"),
    ],
)  # fmt: skip
def test_corrections_naming_what_does_not_exist_fail_at_their_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    with pytest.raises(ContentError) as caught:
        apply_corrections(two_events(), corrections(tmp_path, text), ENTITIES)
    assert (caught.value.path, caught.value.line) == (tmp_path / "corrections.yaml", line)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("- fix: x\n  date: '2021-08-25'\n", 1, "gives no reason"),
        ("- fix: x\n  reject: x\n  reason: r\n", 1, "exactly one of"),
        ("- reject: x\n  reason: r\n- fix: x\n  date: 25.08.2021\n  reason: r\n", 4, "is not YYYY"),
        ("- reject: x\n  when: now\n  reason: r\n", 2, "unknown key 'when'"),
        ("- merge: x\n  reason: r\n", 1, "expected a list"),
        ("- merge: [x, y, x]\n  reason: r\n", 1, "lists an event twice"),
        ("- fix: x\n  reason: r\n", 1, "needs a date, title or participants"),
        ("fix: x\n", 1, "must be a list"),
    ],
)
def test_malformed_corrections_fail_at_their_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    with pytest.raises(ContentError) as caught:
        corrections(tmp_path, text)
    assert caught.value.line == line
    assert message in caught.value.message


# ---- iCalendar -------------------------------------------------------------------


def calendar_lines(events: list[Event]) -> list[str]:
    """The content lines, unfolded."""
    return to_icalendar(events).replace("\r\n ", "").split("\r\n")


def test_icalendar_day_and_month_events() -> None:
    events = merged(report("a, b; c"), report("x", "2021-09", kind="summit"), report("u", ""))
    lines = calendar_lines(events)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    assert "VERSION:2.0" in lines
    assert lines.count("BEGIN:VEVENT") == 2  # the undated event has no place in a calendar
    day = lines.index("UID:2021-08-25-call-putin-xi@briefing-archive")
    assert lines[day + 1 : day + 5] == [
        "DTSTAMP:20210825T000000Z",
        "DTSTART;VALUE=DATE:20210825",
        "DTEND;VALUE=DATE:20210826",
        "SUMMARY:Phone call: Vladimir Putin and Xi Jinping",
    ]
    assert "A sentence of a\\, b\\; c." in lines[day + 5]
    month = lines.index("UID:2021-09-summit-putin-xi@briefing-archive")
    assert lines[month + 2 : month + 5] == [
        "DTSTART;VALUE=DATE:20210901",
        "DTEND;VALUE=DATE:20211001",
        "SUMMARY:Summit: Vladimir Putin and Xi Jinping (date known to the month)",
    ]


def test_icalendar_lines_end_in_crlf_and_fold_at_75_octets() -> None:
    long = report("a" * 40 + "é’" * 60)
    raw = to_icalendar(merged(long)).encode("utf-8")
    physical = raw.split(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in physical) <= 75
    assert all(line.decode("utf-8") for line in physical if line)  # no character cut in two
    assert f"A sentence of {'a' * 40}{'é’' * 60}." in "".join(calendar_lines(merged(long)))
