"""Editors' notes in a built fixture archive: marked passages, sidenotes, note lists, data, failed builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from archive_builder import FACTS, NOTES, FixtureArchive
from bs4 import BeautifulSoup
from conftest import page

from archive.notes.load import load_notes

NOTE = FACTS.note_on_article
SLUG = str(NOTES[NOTE]["article"])


def articles(site: Path) -> dict[str, dict]:
    data = json.loads((site / "api" / "articles.json").read_text(encoding="utf-8"))
    return {a["slug"]: a for a in data["articles"]}


def text(tag: BeautifulSoup) -> str:
    return " ".join(tag.get_text().split())


def edit_the_quoted_words_away(content: Path) -> None:
    """What an editor may do to an article: the note's quote no longer matches."""
    article = content / "articles" / f"{SLUG}.md"
    text = article.read_text(encoding="utf-8")
    edited = text.replace("of Estmark on Tuesday", "of Estmark on Wednesday")
    assert edited != text
    article.write_text(edited, encoding="utf-8")


def test_the_passage_is_marked_at_its_words_with_the_note_beside_it(site: Path) -> None:
    doc = page(site / "articles" / f"{SLUG}.html")
    mark = doc.find(id=f"anchor-{NOTE}")
    assert mark.name == "mark" and mark.get_text() == "on Tuesday"
    paragraph = mark.find_parent("p")
    assert paragraph["id"] == "p1"
    assert text(paragraph).startswith("Norland’s Foreign Minister Anna Berg held a telephone call")
    assert "Lind of Estmark on Tuesday, the Northern" in text(paragraph)
    reference = mark.find_next_sibling()
    assert reference.name == "button" and reference["popovertarget"] == f"sidenote-{NOTE}"
    assert reference.get_text() == "" and "on Tuesday" in reference["aria-label"]
    sidenote = paragraph.find_previous_sibling()
    assert sidenote.name == "aside" and sidenote["id"] == f"sidenote-{NOTE}"
    assert "popover" in sidenote.attrs
    assert "The call was on Wednesday" in text(sidenote)
    assert "date the call to Wednesday, 8 March" in text(sidenote)
    assert sidenote.find("strong").get_text() == "Wednesday, 8 March"  # the body's Markdown
    assert sidenote.find("a", href=f"#anchor-{NOTE}")  # back to the passage


def test_notes_leave_the_article_text_and_its_summary_as_they_were(
    site: Path, archive: FixtureArchive
) -> None:
    source = (archive.content / "articles" / f"{SLUG}.md").read_text(encoding="utf-8")
    first = source.split("---\n", 2)[2].strip().split("\n\n")[0]
    doc = page(site / "articles" / f"{SLUG}.html")
    assert text(doc.find(id="p1")) == first
    summary = next(
        item.select_one(".article-list__summary")
        for item in page(site / "index.html").select(".article-list__item")
        if item.a["href"].endswith(f"{SLUG}.html")
    )
    assert text(summary).startswith("Norland’s Foreign Minister Anna Berg held a telephone call")


def test_articles_json_lists_each_articles_notes(site: Path) -> None:
    by_slug = articles(site)
    assert by_slug[SLUG]["notes"] == [NOTE]
    assert all(record["notes"] == [] for slug, record in by_slug.items() if slug != SLUG)


def test_every_note_is_shown_where_it_belongs(site: Path, archive: FixtureArchive) -> None:
    notes, errors = load_notes(archive.content / "notes")
    assert errors == [] and len(notes) == len(NOTES) == 3
    assert {note.kind for note in notes} == {"article", "entity", "event"}
    for note in notes:
        if note.kind == "article":
            doc = page(site / "articles" / f"{note.target}.html")
            shown = doc.find(id=f"sidenote-{note.id}") or doc.find(id=f"note-{note.id}")
        elif note.kind == "entity":
            shown = page(site / "entities" / note.target / "index.html").find(id=f"note-{note.id}")
            assert shown.find_parent("section", class_="notes")
        else:
            event = page(site / "chronology.html").find(id=note.target)
            shown = event.find(id=f"note-{note.id}")
        assert shown is not None, note.id
        assert note.title in text(shown)


def test_an_orphaned_note_fails_the_build_at_its_quote(archive: FixtureArchive) -> None:
    edit_the_quoted_words_away(archive.content)
    note = archive.content / "notes" / f"{NOTE}.md"
    before = note.read_bytes()
    line = note.read_text(encoding="utf-8").splitlines().index("quote: on Tuesday") + 1
    result = archive.build()
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(rf"notes/{NOTE}\.md:{line}: quote not found .*\"on Tuesday\"", output), output
    assert "Traceback" not in output
    assert note.read_bytes() == before


def test_every_mistake_in_the_notes_is_reported_in_one_build(archive: FixtureArchive) -> None:
    (archive.content / "notes" / "typo.md").write_text(
        f"---\narticle: {SLUG}\nqoute: on Tuesday\n---\nText.\n", encoding="utf-8"
    )
    (archive.content / "notes" / "nobody.md").write_text(
        "---\ntitle: Who?\nentity: vellan\n---\nText.\n", encoding="utf-8"
    )
    result = archive.build()
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(r"notes/typo\.md:3: unknown key 'qoute': did you mean 'quote'\?", output)
    assert re.search(r"notes/nobody\.md:3: unknown entity 'vellan'", output)
    assert "Traceback" not in output


def test_a_note_that_may_float_stays_on_its_article(archive: FixtureArchive) -> None:
    edit_the_quoted_words_away(archive.content)
    note = archive.content / "notes" / f"{NOTE}.md"
    edited = note.read_text(encoding="utf-8").replace("quote:", "float: true\nquote:")
    note.write_text(edited.replace("title: The call", "title: <i>The</i> call"), encoding="utf-8")
    output = archive.built()
    doc = page(output / "articles" / f"{SLUG}.html")
    assert doc.find(id=f"anchor-{NOTE}") is None
    listed = doc.select_one(f".notes #note-{NOTE}")
    assert "Passage no longer found: “on Tuesday”" in text(listed)
    assert "<i>The</i> call was on Wednesday" in text(listed)  # escaped, not markup
    assert listed.find("i") is None
    assert articles(output)[SLUG]["notes"] == [NOTE]


def test_a_notes_body_shows_its_markup_as_text(site: Path) -> None:
    shown = page(site / "entities" / "vellen" / "index.html").find(id="note-about-vellen")
    assert "with <b>markup</b> that must stay text" in text(shown)
    assert shown.find("b") is None
