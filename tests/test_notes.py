"""Editors' notes on their own: reading a note, every mistake in one, anchoring, marking."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.core.errors import ContentError
from archive.notes.anchoring import Anchor, anchor
from archive.notes.load import Note, Quote, check_target, load_note, load_notes
from archive.notes.marking import Passage, mark_passages
from archive.site.text import Paragraph, paragraphs

ARTICLE = "2021-08-25-call"
TEXT = [
    Paragraph("p1", "Through a telephone call made on Tuesday, Russia’s President Putin spoke."),
    Paragraph("p2", "On Tuesday, Wang Yi and Sigrid Kaag also exchanged “their views”."),
    Paragraph("p3", "He said the talks were held on Tuesday in Kabul, and on Tuesday in Doha."),
]


def write(folder: Path, text: str, name: str = "a-note.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_note(path)
    return caught.value


def passage_note(quote: str, line: int = 3, **selector: object) -> Note:
    """A note on ARTICLE whose quote is on ``line`` (prefix, suffix on the lines after)."""
    lines = {"article": 2, "quote": line, "prefix": line + 1, "suffix": line + 2}
    return Note(
        "n",
        Path("notes/n.md"),
        "article",
        ARTICLE,
        "<p>x</p>",
        Quote(quote, **selector),
        lines=lines,
    )


def where(found: Anchor | None) -> tuple[str, str]:
    assert found is not None
    text = next(p.text for p in TEXT if p.id == found.paragraph)
    return found.paragraph, text[found.start : found.end]


def test_a_passage_note_is_read_with_its_selector_and_rendered_body(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\narticle: 2021-08-25-call\nquote: on Tuesday\nprefix: call made\n"
        "suffix: ', Russia'\nfloat: true\ntitle: Wednesday, in fact\nauthor: The editors\n"
        "date: 2026-11-23\n---\n\nOther sources say *Wednesday*. <script>x()</script>\n\nSee[^1].\n\n"
        "[^1]: The Kremlin readout.\n",
        "call-day.md",
    )
    note = load_note(path)
    assert (note.id, note.kind, note.target) == ("call-day", "article", "2021-08-25-call")
    assert note.quote == Quote("on Tuesday", "call made", ", Russia", may_float=True)
    assert (note.title, note.author, note.date) == (
        "Wednesday, in fact",
        "The editors",
        "2026-11-23",
    )
    assert "<em>Wednesday</em>" in note.html
    assert "<script>" not in note.html and "&lt;script&gt;" in note.html
    assert 'id="p1"' not in note.html  # ids on the page belong to the article's paragraphs
    assert 'id="fn-call-day-1"' in note.html  # footnotes named after the note, not clashing


def test_entity_and_event_notes_need_no_quote(tmp_path: Path) -> None:
    entity = load_note(write(tmp_path, "---\nentity: dushanbe\n---\nSpelled Dusambe once.\n"))
    event = load_note(write(tmp_path, "---\nevent: 2021-08-25-call-x\n---\nDated.\n", "ev.md"))
    assert (entity.kind, entity.target, entity.quote) == ("entity", "dushanbe", None)
    assert (event.kind, event.target) == ("event", "2021-08-25-call-x")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\narticle: a\nquote: [on\n---\nBody.\n", 4, "front matter is not valid YAML"),
        ("Just text, no front matter.\n", 1, "front matter naming what it annotates"),
        ("---\narticle: a\nqoute: on Tuesday\n---\nBody.\n", 3, "unknown key 'qoute': did you mean 'quote'?"),
        ("---\ntitle: Orphan\n---\nBody.\n", 1, "the note annotates nothing"),
        ("---\narticle: a\n\nentity: b\n---\nBody.\n", 4, "names both article and entity"),
        ("---\narticle:\n---\nBody.\n", 2, "'article' is empty"),
        ("---\narticle: a\nquote: '  '\n---\nBody.\n", 3, "'quote' is empty"),
        ("---\nentity: b\ntitle: T\nquote: x\n---\nBody.\n", 4, "'quote' selects a passage of an article"),
        ("---\narticle: a\nprefix: made\n---\nBody.\n", 3, "'prefix' needs a 'quote'"),
        ("---\narticle: a\nquote: x\nfloat: maybe\n---\nBody.\n", 4, "'float' must be true or false"),
        ("---\narticle: a\ntitle: 1984\n---\nBody.\n", 3, "'title' must be text"),
        ("---\nevent: e\ndate: 2026-13-01\n---\nBody.\n", 3, "'date' must be a date as YYYY-MM-DD"),
        ("---\narticle: a\n---\n\n  \n", 5, "the note has no text"),
    ],
)  # fmt: skip
def test_every_front_matter_mistake_is_reported_at_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    error = error_of(write(tmp_path, text))
    assert (error.path, error.line) == (tmp_path / "a-note.md", line)
    assert message in error.message


def test_file_names_that_cannot_be_notes_are_reported(tmp_path: Path) -> None:
    assert "ending in .md" in error_of(write(tmp_path, "---\nentity: b\n---\nX\n", "n.txt")).message
    assert "its id" in error_of(write(tmp_path, "---\nentity: b\n---\nX\n", "My Note.md")).message
    latin1 = tmp_path / "latin.md"
    latin1.write_bytes("---\nentity: b\n---\nDusambe é\n".encode("latin-1"))
    assert "not UTF-8" in error_of(latin1).message


def test_a_folder_of_notes_gives_every_note_and_every_error(tmp_path: Path) -> None:
    write(tmp_path, "---\nentity: b\n---\nFine.\n", "good.md")
    write(tmp_path, "---\nentity: b\nqoute: x\n---\nBad.\n", "bad.md")
    write(tmp_path, "editor's backup", ".hidden.md")
    notes, errors = load_notes(tmp_path)
    assert [n.id for n in notes] == ["good"]
    assert [(e.path.name, e.line) for e in errors] == [("bad.md", 3)]
    assert load_notes(tmp_path / "missing") == ([], [])


def test_an_exact_quote_anchors_to_its_words() -> None:
    assert where(anchor(passage_note("Sigrid Kaag"), TEXT)) == ("p2", "Sigrid Kaag")


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("telephone   call\n made", "telephone call made"),  # any run of whitespace is one space
        ("Russia's President", "Russia’s President"),  # straight for typographic apostrophe
        ('exchanged "their views"', "exchanged “their views”"),  # and quotation marks
        ("  Sigrid Kaag  ", "Sigrid Kaag"),  # ends trimmed
    ],
)
def test_whitespace_and_quote_marks_do_not_stop_a_match(quote: str, words: str) -> None:
    assert where(anchor(passage_note(quote), TEXT))[1] == words


def test_whitespace_in_the_text_is_folded_too() -> None:
    text = [Paragraph("p1", "made\non\u00a0 Tuesday, Russia")]
    found = anchor(passage_note("made on Tuesday"), text)
    assert found == Anchor("p1", 0, len("made\non\u00a0 Tuesday"))


def test_case_and_other_characters_must_match() -> None:
    with pytest.raises(ContentError):
        anchor(passage_note("sigrid kaag"), TEXT)


def test_prefix_or_suffix_picks_one_of_several_matches() -> None:
    assert where(anchor(passage_note("on Tuesday", prefix="call made"), TEXT)) == (
        "p1",
        "on Tuesday",
    )
    by_suffix = anchor(passage_note("on Tuesday", suffix="in Doha"), TEXT)
    assert by_suffix is not None and by_suffix.start == TEXT[2].text.index("on Tuesday in Doha")


def test_a_quote_found_once_is_taken_though_its_context_changed() -> None:
    assert where(anchor(passage_note("Sigrid Kaag", prefix="Mr"), TEXT)) == ("p2", "Sigrid Kaag")


def test_an_ambiguous_quote_names_the_count_at_its_line() -> None:
    with pytest.raises(ContentError) as caught:
        anchor(passage_note("on Tuesday", line=7), TEXT)
    assert caught.value.line == 7
    assert "quote matches 3 passages; add a prefix or suffix" in caught.value.message


def test_a_context_that_fits_none_or_several_is_reported() -> None:
    with pytest.raises(ContentError) as caught:
        anchor(passage_note("on Tuesday", line=3, prefix="nowhere"), TEXT)
    assert caught.value.line == 4 and "none with this prefix" in caught.value.message
    with pytest.raises(ContentError) as caught:
        anchor(passage_note("on Tuesday", line=3, suffix="in"), TEXT)
    assert caught.value.line == 3 and "make the prefix or suffix longer" in caught.value.message


def test_an_orphan_fails_with_file_line_and_quote() -> None:
    with pytest.raises(ContentError) as caught:
        anchor(passage_note("on Wednesday", line=5), TEXT)
    assert str(caught.value).startswith("notes/n.md:5: ")
    assert '"on Wednesday"' in caught.value.message and ARTICLE in caught.value.message
    assert "float: true" in caught.value.message


def test_an_orphan_that_may_float_is_kept_unanchored() -> None:
    assert anchor(passage_note("on Wednesday", may_float=True), TEXT) is None
    assert anchor(passage_note("Sigrid Kaag", may_float=True), TEXT) is not None


def test_an_unknown_target_is_reported_at_its_line() -> None:
    note = Note("n", Path("notes/n.md"), "entity", "dushambe", "", lines={"entity": 2})
    with pytest.raises(ContentError) as caught:
        check_target(note, {"entity": {"dushanbe", "moscow"}})
    assert caught.value.line == 2
    assert "unknown entity 'dushambe': did you mean 'dushanbe'?" in caught.value.message
    check_target(note, {"entity": None})  # the registry failed: reported there, not here
    event = Note("e", Path("notes/e.md"), "event", "2099-call", "", lines={"event": 3})
    with pytest.raises(ContentError, match=r"unknown event .* chronology\.html"):
        check_target(event, {"event": {"2021-08-25-call-vladimir-putin-xi-jinping"}})


HTML = (
    '<p id="p1">Through a call made on Tuesday, <a href="r">Russia</a>’s President '
    '<a href="v" title="a &gt; b">Vladimir Putin</a> &amp; <em>Xi</em> spoke.</p>\n'
    '<p id="p2">Then nothing.</p>'
)


def marked(quotes: dict[str, str]) -> str:
    blocks = paragraphs(HTML)
    passages = []
    for ident, quote in quotes.items():
        found = anchor(passage_note(quote), blocks)
        assert found is not None
        passages.append(
            Passage(
                ident, found, f'<button data-ref="{ident}"></button>', f"<aside>{ident}</aside>"
            )
        )
    return mark_passages(HTML, passages)


def test_a_passage_is_marked_with_its_reference_after_and_sidenote_before() -> None:
    html = marked({"day": "on Tuesday"})
    assert html.startswith('<aside>day</aside><p id="p1">Through a call made ')
    assert '<mark class="annotated" data-note="day" id="anchor-day">on Tuesday</mark>' in html
    assert '</mark><button data-ref="day"></button>, <a href="r">' in html
    assert [p.text for p in paragraphs(html)] == [p.text for p in paragraphs(HTML)]


def test_a_passage_across_links_is_marked_in_pieces_and_referenced_after_the_link() -> None:
    html = marked({"who": "Tuesday, Russia’s President Vladimir", "both": "Putin & Xi"})
    assert html.count('id="anchor-who"') == 1 and html.count('data-note="who"') == 4
    assert '<a href="r"><mark class="annotated" data-note="who">Russia</mark></a>' in html
    assert (
        'Vladimir</mark> <mark class="annotated" data-note="both" id="anchor-both">Putin</mark>'
        '</a><button data-ref="who"></button>'  # after the link, never inside it
    ) in html
    assert (
        '<em><mark class="annotated" data-note="both">Xi</mark></em><button data-ref="both">'
        in html
    )
    assert (
        html.index("<aside>who</aside>") < html.index("<aside>both</aside>") < html.index("<p id")
    )
    assert [p.text for p in paragraphs(html)] == [p.text for p in paragraphs(HTML)]


def test_overlapping_passages_are_cut_so_that_marks_nest() -> None:
    html = marked({"a": "call made on", "b": "on Tuesday"})
    assert (
        '<mark class="annotated" data-note="a" id="anchor-a">call made </mark>'
        '<mark class="annotated" data-note="a"><mark class="annotated" data-note="b" id="anchor-b">'
        'on</mark></mark><button data-ref="a"></button>'
    ) in html
    assert '<mark class="annotated" data-note="b"> Tuesday</mark><button data-ref="b">' in html
