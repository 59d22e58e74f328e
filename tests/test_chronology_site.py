"""The chronology page, its data, the calendar, and the events on article and entity pages.

On the small fixture archive, whose events are read off its texts in ``FACTS``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from archive_builder import FACTS, FixtureArchive
from conftest import page

from archive.core.formatting import shown_date


def chronology(site: Path) -> dict:
    return json.loads((site / "api" / "chronology.json").read_text(encoding="utf-8"))


def articles(site: Path) -> dict[str, dict]:
    data = json.loads((site / "api" / "articles.json").read_text(encoding="utf-8"))
    return {a["slug"]: a for a in data["articles"]}


def test_every_source_quotes_its_article_and_says_how_it_was_dated(site: Path) -> None:
    by_slug = articles(site)
    for event in chronology(site)["events"]:
        assert event["sources"], event["id"]
        for source in event["sources"]:
            article = page(site / by_slug[source["article"]]["url"])
            paragraph = article.find(id=source["paragraph"])
            assert source["quote"] in " ".join(paragraph.get_text().split())
            if source["date_text"]:
                assert source["date_text"] in source["quote"]
                assert source["date_text"] in source["explanation"]
                assert source["rule"]
        for article_slug in {s["article"] for s in event["sources"]}:
            assert event["id"] in by_slug[article_slug]["events"]


def test_page_shows_each_event_with_linked_participants_and_passages(site: Path) -> None:
    doc = page(site / "chronology.html")
    data = chronology(site)["events"]
    assert [e["id"] for e in doc.select(".event")] == [e["id"] for e in data]
    for event in data:
        entry = doc.find(id=event["id"])
        linked = {a["href"].split("/")[-2] for a in entry.select(".event__title a")}
        assert linked == set(event["participants"])
        passages = [a["href"] for a in entry.select(".source blockquote a")]
        expected = [f"articles/{s['article']}.html#{s['paragraph']}" for s in event["sources"]]
        assert [p.removeprefix("./") for p in passages] == expected
        for source, meta in zip(event["sources"], entry.select(".source__meta"), strict=True):
            if source["date_text"]:
                assert source["explanation"] in " ".join(meta.get_text().split())
    dates = [d["datetime"] for d in doc.select(".day__date time")]
    assert dates == sorted(dates, key=lambda d: (d[:7], d))


def test_the_fixture_archive_has_the_events_its_texts_report(site: Path) -> None:
    data = chronology(site)
    events = {e["id"]: e for e in data["events"]}
    assert list(events) == [FACTS.call, FACTS.meeting]  # in date order
    call = events[FACTS.call]
    assert (call["date"], call["precision"]) == ("2023-03-08", "day")
    (discrepancy,) = call["discrepancies"]
    values = [(v["value"], tuple(sorted(v["articles"]))) for v in discrepancy["values"]]
    assert values == [(d, tuple(sorted(a))) for d, a in FACTS.call_dates]
    meeting = events[FACTS.meeting]
    assert meeting["title"] == "Berg meets the ambassador"
    assert meeting["corrected"]["reason"] == "The report names the ambassador in full."
    assert [r["id"] for r in data["rejected"]] == [FACTS.rejected]
    assert data["rejected"][0]["rejected"]["reason"] == "A plan, not an event."


def test_disagreeing_sources_are_flagged_and_none_dropped(site: Path) -> None:
    doc = page(site / "chronology.html")
    assert any(e["discrepancies"] for e in chronology(site)["events"])  # there is one to check
    for event in chronology(site)["events"]:
        entry = doc.find(id=event["id"])
        flagged = entry.select_one(".event__discrepancy")
        assert bool(flagged) == bool(event["discrepancies"])
        for discrepancy in event["discrepancies"]:
            values = [v["value"] for v in discrepancy["values"]]
            assert len(values) > 1
            shown = [shown_date(v) if discrepancy["field"] == "date" else v for v in values]
            assert all(v in flagged.get_text() for v in shown)  # in the pages' one date style
            assert event["date"] in values
            cited = {a for v in discrepancy["values"] for a in v["articles"]}
            assert cited <= {s["article"] for s in event["sources"]}


def test_gaps_between_days_are_visible(site: Path) -> None:
    doc = page(site / "chronology.html")
    items = doc.select(".timeline > li")
    gaps = [item for item in items if "gap" in item.get("class", [])]
    assert len(gaps) == 1 and gaps[0].get_text().startswith("11")  # 8 to 20 March
    for before, gap, after in zip(items, items[1:], items[2:], strict=False):
        if "gap" not in gap.get("class", []):
            continue
        first = before.select_one("time")["datetime"]
        second = after.select_one("time")["datetime"]
        shown = int(re.match(r"(\d+)", gap.get_text()).group(1))
        if len(first) == len(second) == 10:
            days = (date.fromisoformat(second) - date.fromisoformat(first)).days
            assert shown == days - 1


def test_article_and_entity_pages_list_their_events(site: Path) -> None:
    data = chronology(site)["events"]
    for slug, record in articles(site).items():
        listed = page(site / record["url"]).select(".article-events a")
        assert [a["href"].split("#")[1] for a in listed] == record["events"], slug
    for event in data:
        for participant in event["participants"]:
            entity = page(site / "entities" / participant / "index.html")
            assert any(
                a["href"].endswith(f"#{event['id']}") for a in entity.select(".entity-events a")
            )


def test_calendar_has_one_event_per_dated_entry(site: Path) -> None:
    raw = (site / "chronology.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.rstrip().endswith(b"END:VCALENDAR")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    dated = [e for e in chronology(site)["events"] if e["date"]]
    text = raw.decode("utf-8").replace("\r\n ", "")
    assert text.count("BEGIN:VEVENT") == len(dated)
    for event in dated:
        assert f"UID:{event['id']}@" in text


def test_an_unknown_event_in_the_corrections_fails_with_file_and_line(
    archive: FixtureArchive,
) -> None:
    corrections = archive.content / "data" / "corrections.yaml"
    text = corrections.read_text(encoding="utf-8")
    corrections.write_text(
        text + "\n- reject: 2021-08-99-call-nobody\n  reason: test\n", encoding="utf-8"
    )
    line = len(text.splitlines()) + 2
    result = archive.build()
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(rf"data/corrections\.yaml:{line}: .*2021-08-99-call-nobody", output), output[
        -1500:
    ]
    assert "Traceback" not in output


def test_an_unknown_entity_in_the_corrections_fails_with_file_and_line(
    archive: FixtureArchive,
) -> None:
    corrections = archive.content / "data" / "corrections.yaml"
    before = corrections.read_text(encoding="utf-8")
    text = before.replace("- karl-lind", "- nobody-at-all")
    assert text != before
    corrections.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "nobody-at-all" in row)
    result = archive.build()
    assert result.returncode == 1
    assert re.search(
        rf"data/corrections\.yaml:{line}: .*nobody-at-all", result.stdout + result.stderr
    )
