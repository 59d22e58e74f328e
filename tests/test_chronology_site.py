"""The chronology page, its data, the calendar, and the events on article and entity pages."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from conftest import page, run_pelican


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


def test_disagreeing_sources_are_flagged_and_none_dropped(site: Path) -> None:
    doc = page(site / "chronology.html")
    for event in chronology(site)["events"]:
        entry = doc.find(id=event["id"])
        flagged = entry.select_one(".event__discrepancy")
        assert bool(flagged) == bool(event["discrepancies"])
        for discrepancy in event["discrepancies"]:
            values = [v["value"] for v in discrepancy["values"]]
            assert len(values) > 1
            assert all(v in flagged.get_text() for v in values)
            assert event["date"] in values
            cited = {a for v in discrepancy["values"] for a in v["articles"]}
            assert cited <= {s["article"] for s in event["sources"]}


def test_gaps_between_days_are_visible(site: Path) -> None:
    doc = page(site / "chronology.html")
    items = doc.select(".timeline > li")
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
    content_copy: Path, tmp_path: Path
) -> None:
    corrections = content_copy / "data" / "corrections.yaml"
    text = corrections.read_text(encoding="utf-8")
    corrections.write_text(
        text + "\n- reject: 2021-08-99-call-nobody\n  reason: test\n", encoding="utf-8"
    )
    line = len(text.splitlines()) + 2
    result = run_pelican(content_copy, tmp_path / "out", tmp_path / "cache")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(rf"data/corrections\.yaml:{line}: .*2021-08-99-call-nobody", output), output[
        -1500:
    ]
    assert "Traceback" not in output


def test_an_unknown_entity_in_the_corrections_fails_with_file_and_line(
    content_copy: Path, tmp_path: Path
) -> None:
    corrections = content_copy / "data" / "corrections.yaml"
    text = corrections.read_text(encoding="utf-8").replace(
        "[abdul-ghani-baradar, wang-yi]", "[abdul-ghani-baradar, nobody-at-all]"
    )
    corrections.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "nobody-at-all" in row)
    result = run_pelican(content_copy, tmp_path / "out", tmp_path / "cache")
    assert result.returncode == 1
    assert re.search(
        rf"data/corrections\.yaml:{line}: .*nobody-at-all", result.stdout + result.stderr
    )
