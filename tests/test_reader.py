"""The reader's-experience rules as plain modules: dates, subheadings, part_of, notes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from archive_builder import FixtureArchive, small_archive

from archive.core.errors import ContentError
from archive.core.formatting import machine_date, shown_date
from archive.entities.mentions import Mention
from archive.entities.profiles import ArticleMentions, build_profiles
from archive.entities.registry import RegistryError, load_registry, outermost, wholes
from archive.ingest.subheads import mark_subheads, subhead_indexes
from archive.notes.create import count_in_article, new_note
from archive.notes.listing import listing, newest_first
from archive.notes.load import load_note, load_notes
from archive.site.text import Paragraph

# ---- one date style -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown", "machine"),
    [
        (datetime.date(2021, 8, 25), "25 August 2021", "2021-08-25"),
        ("2021-08-24", "24 August 2021", "2021-08-24"),
        ("2021-09", "September 2021", "2021-09"),
        ("2021", "2021", "2021"),
        ("2021-02-30", "2021-02-30", ""),  # not a day: shown as written, no <time>
        ("late August", "late August", ""),
        ("", "", ""),
    ],
)
def test_every_date_reads_one_way(value: object, shown: str, machine: str) -> None:
    assert shown_date(value) == shown
    assert machine_date(value) == machine


# ---- subheadings ----------------------------------------------------------------------

LONG = "The talks went on for hours and ended with a joint statement from both sides."


def test_a_short_unpunctuated_line_that_the_next_paragraph_continues_is_a_heading() -> None:
    paragraphs = [LONG, "Role of the council", LONG, "Next steps", LONG]
    assert subhead_indexes(paragraphs) == [1, 3]
    assert mark_subheads(paragraphs)[1] == "## Role of the council"


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Role of the council", LONG],  # first: a headline or a label, not a subhead
        [LONG, "Role of the council"],  # last: nothing continues it
        [LONG, "The council met.", LONG],  # closing punctuation: a sentence
        [LONG, "a line in lower case", LONG],
        [LONG, "One two three four five six seven eight nine", LONG],  # too long
        [LONG, "Role of the council", "Short too"],  # the next paragraph does not continue it
        [LONG, "## Already a heading", LONG],
    ],
)
def test_lines_that_are_not_subheadings(paragraphs: list[str]) -> None:
    assert subhead_indexes(paragraphs) == []


# ---- part_of ----------------------------------------------------------------------------


def registry_file(tmp_path: Path, airport_part_of: str) -> Path:
    path = tmp_path / "entities.yaml"
    path.write_text(
        "- id: vellen\n  name: Vellen\n  type: place\n"
        f"- id: vellen-airport\n  name: Vellen Airport\n  type: place\n  part_of: {airport_part_of}\n",
        encoding="utf-8",
    )
    return path


def test_part_of_names_the_whole(tmp_path: Path) -> None:
    registry = load_registry(registry_file(tmp_path, "vellen"))
    assert registry.entities["vellen-airport"].part_of == "vellen"
    assert wholes("vellen-airport", registry.entities) == ["vellen"]


def test_outermost_is_the_last_whole_of_each_part(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text(
        "- id: ostra\n  name: Ostra\n  type: place\n"
        "- id: vellen\n  name: Vellen\n  type: place\n  part_of: ostra\n"
        "- id: vellen-airport\n  name: Vellen Airport\n  type: place\n  part_of: vellen\n",
        encoding="utf-8",
    )
    registry = load_registry(path)
    assert outermost(registry.entities) == {"vellen": "ostra", "vellen-airport": "ostra"}


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("velen", "unknown entity 'velen': did you mean 'vellen'?"),
        ("vellen-airport", "part of itself"),
    ],
)
def test_a_bad_part_of_is_reported_at_its_line(tmp_path: Path, target: str, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        load_registry(registry_file(tmp_path, target))
    (problem,) = caught.value.problems
    assert message in str(problem)
    assert problem.line == 7


def test_a_mention_of_the_part_lists_the_article_on_the_whole_via_the_part(tmp_path: Path) -> None:
    registry = load_registry(registry_file(tmp_path, "vellen"))
    text = "Planes landed at Vellen Airport."
    article = ArticleMentions(
        slug="a", title="A", date="2023-03-08", url="articles/a.html",
        paragraphs=[Paragraph("p1", text)],
        mentions=[Mention("vellen-airport", 0, 17, 31, "Vellen Airport", "alias")],
    )  # fmt: skip
    profiles = build_profiles([article], registry.entities)
    whole = profiles["vellen"]
    assert whole.mentions == 0  # the text names the airport, not the city
    (appearance,) = whole.appearances
    assert appearance.via == ["Vellen Airport"] and appearance.count == 0
    assert appearance.contexts[0].mention == "Vellen Airport"
    assert profiles["vellen-airport"].mentions == 1


# ---- invoke note ------------------------------------------------------------------------

TUESDAY = "2023-03-08-berg-and-lind-speak-about-the-border"


@pytest.fixture
def fixture_archive(tmp_path: Path) -> FixtureArchive:
    return small_archive(tmp_path / "archive")


def test_a_new_note_quotes_words_found_once_and_loads(fixture_archive: FixtureArchive) -> None:
    content = fixture_archive.content
    path = new_note(content, TUESDAY, "the border open", today=datetime.date(2024, 1, 2))
    assert path == content / "notes" / "the-border-open.md"
    note = load_note(path)  # the file is a valid note: the build will take it
    assert (note.kind, note.target, note.date) == ("article", TUESDAY, "2024-01-02")
    assert note.quote is not None and note.quote.exact == "the border open"
    with pytest.raises(ContentError, match="exists"):
        new_note(content, TUESDAY, "the border open")
    assert path.read_text(encoding="utf-8").count("quote:") == 1  # left as it was


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("Norland", "found 6 times: give more words"),
        ("Atlantis", "not found"),
        ("  ", "exact words"),
    ],
)
def test_a_new_note_refuses_words_not_found_exactly_once(
    fixture_archive: FixtureArchive, words: str, message: str
) -> None:
    assert (
        count_in_article(fixture_archive.content / "articles" / f"{TUESDAY}.md", "Norland") == 6
    )  # "Norlandic" too
    before = sorted((fixture_archive.content / "notes").iterdir())
    with pytest.raises(ContentError, match=message):
        new_note(fixture_archive.content, TUESDAY, words)
    assert sorted((fixture_archive.content / "notes").iterdir()) == before


def test_notes_on_entities_and_events_quote_nothing(fixture_archive: FixtureArchive) -> None:
    path = new_note(fixture_archive.content, "vellen", "", kind="entity")
    assert load_note(path).kind == "entity"
    with pytest.raises(ContentError, match="quotes no words"):
        new_note(fixture_archive.content, "vellen", "Vellen", kind="event")
    with pytest.raises(ContentError, match="no article"):
        new_note(fixture_archive.content, "no-such-article", "words")


# ---- the notes listing and its feed ------------------------------------------------------


def test_the_listing_is_newest_first_and_links_each_notes_place(
    fixture_archive: FixtureArchive,
) -> None:
    notes, errors = load_notes(fixture_archive.content / "notes")
    assert not errors
    ordered = newest_first(notes)
    dates = [n.date for n in ordered if n.date]
    assert dates == sorted(dates, reverse=True)
    assert [n.date for n in ordered][len(dates) :] == [""] * (len(ordered) - len(dates))
    entries = listing(notes, {"the-call-was-on-wednesday"}, lambda n: n.target)
    assert entries[0].url.endswith("#anchor-the-call-was-on-wednesday")
    assert [e.note for e in entries] == ordered
