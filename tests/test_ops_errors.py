"""Editors' mistakes in data files are one ``file:line: message`` each, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from archive_builder import CALL, TODAY, FixtureArchive
from conftest import page
from ops_support import TRACEBACK, invoke, output


def failed_build(archive: FixtureArchive) -> str:
    result = archive.build()
    out = output(result)
    assert TRACEBACK not in out, out
    assert result.returncode == 1, out
    return out


@pytest.mark.parametrize("date", ["2021-02-30", "2021-13", "2021-W60"])
def test_an_impossible_correction_date_is_an_error_at_its_line(
    archive: FixtureArchive, date: str
) -> None:
    archive.data(
        "corrections.yaml",
        f'# editors\' corrections\n- fix: {CALL}\n  date: "{date}"\n  reason: A typo.\n',
    )
    out = failed_build(archive)
    assert re.search(rf"corrections\.yaml:3: .*{date}", out), out


def test_an_empty_registry_is_a_warning_line(archive: FixtureArchive) -> None:
    """An empty registry is a registry with no entities (a new archive): said, not a crash."""
    archive.data("entities.yaml", "")
    archive.corrections([])  # they and the notes name entities and their events
    for note in (archive.content / "notes").glob("*.md"):
        note.unlink()
    result = archive.build()
    out = output(result)
    assert result.returncode == 0 and TRACEBACK not in out, out
    assert re.search(r"entities\.yaml:1: warning: the registry is empty", out), out


def test_a_registry_with_no_entities_builds(archive: FixtureArchive) -> None:
    archive.data("entities.yaml", "[]\n")
    archive.corrections([])  # they and the notes name entities and their events
    for note in (archive.content / "notes").glob("*.md"):
        note.unlink()
    site = archive.built()
    assert not page(site / "articles" / f"{TODAY}.html").select(
        ".article__body a[href*='entities/']"
    )


def entities_task(content: Path) -> tuple[int, str]:
    result = invoke("entities", "--content", str(content))
    return result.returncode, output(result)


def test_invoke_entities_with_an_empty_registry(archive: FixtureArchive) -> None:
    archive.data("entities.yaml", "")
    status, out = entities_task(archive.content)
    assert status == 0 and TRACEBACK not in out, out
    assert re.search(r"entities\.yaml:1: warning: the registry is empty", out), out
    assert "Anna Berg" in out  # every recurring name is a candidate


def test_invoke_entities_names_a_non_utf8_article(archive: FixtureArchive) -> None:
    bad = archive.content / "articles" / "latin.md"
    bad.write_bytes(b"---\ntitle: Caf\xe9\ndate: 2023-03-10\n---\n\nText.\n")
    status, out = entities_task(archive.content)
    assert status == 1 and TRACEBACK not in out, out
    assert re.search(r"latin\.md:2: .*UTF-8.*column 11", out), out


def test_invoke_entities_lists_candidates_of_a_fixture_archive(archive: FixtureArchive) -> None:
    archive.article("extra", "Extra", "2023-03-10", ["Maria Olsen met Berg. Maria Olsen left."])
    status, out = entities_task(archive.content)
    assert status == 0, out
    assert "Maria Olsen" in out


@pytest.mark.parametrize("name", ["entities.yaml", "event_cues.yaml", "corrections.yaml"])
def test_a_non_utf8_data_file_is_reported_by_line(archive: FixtureArchive, name: str) -> None:
    path = archive.content / "data" / name
    lines = path.read_bytes().split(b"\n")
    lines.insert(1, b"# caf\xe9")
    path.write_bytes(b"\n".join(lines))
    out = failed_build(archive)
    assert re.search(rf"{re.escape(name)}:2: .*UTF-8.*column 6", out), out
    assert "position" not in out.split(name, 1)[1].splitlines()[0]


def test_a_bare_carriage_return_never_reaches_the_calendar(archive: FixtureArchive) -> None:
    archive.data(
        "corrections.yaml",
        f'- fix: {CALL}\n  title: "Berg\\rcalls Lind"\n  reason: "One\\rtwo\\r\\nthree."\n',
    )
    site = archive.built()
    calendar = (site / "chronology.ics").read_bytes()
    assert b"calls Lind" in calendar
    assert not re.search(rb"\r(?!\n)", calendar)
    assert all(line.endswith(b"\r") or not line for line in calendar.split(b"\n"))


def test_no_entity_link_inside_an_editors_link(archive: FixtureArchive) -> None:
    archive.article(
        "linked", "Linked", "2023-03-10",
        ["[Anna Berg and Tomas Lind](https://example.org/talks) spoke. Anna Berg left."],
    )  # fmt: skip
    doc = page(archive.built() / "articles" / "linked.html")
    assert doc.select_one('a[href="https://example.org/talks"]') is not None
    assert not doc.select("a a")


def test_a_build_that_pelican_cannot_finish_says_why_in_one_line(archive: FixtureArchive) -> None:
    """Pelican's plain log handler leans on Python's last resort, which a handler of ours
    would silence: the reason for a failed build must still be printed."""
    archive.output.write_text("a file where the output folder should be\n", encoding="utf-8")
    out = failed_build(archive)
    assert "Not a directory" in out, out
