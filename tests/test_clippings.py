"""The clipping parser: the five seed clippings, and clippings in other styles."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from archive.core.errors import ContentError
from archive.ingest.clipping import Clipping, parse_clipping, read_clipping
from archive.ingest.furniture import Furniture, load_furniture
from archive.site.text import sentences

FIXTURES = ROOT / "tests" / "fixtures" / "clippings"
NBSP = "\u00a0"

# Counted by hand from the files: blank-line separated blocks that are article text.
SEEDS_EXPECTED = {
    "000_8b3231d21d1508c7.txt": (
        "Russia’s President Vladimir Putin and China’s President Xi Jinping expressed their"
        " willingness to cooperate",
        True,
        datetime.date(2021, 8, 25),
        7,
    ),
    "001_811a545a56f5e34d.txt": (
        "Chinese President Xi Jinping told his Russian counterpart Vladimir Putin",
        True,
        datetime.date(2021, 8, 26),
        11,
    ),
    "002_a6c61233ce6e330f.txt": (
        "Xi and Putin Explore Efforts To Achieve Afghan Peace in Phone Call Today",
        False,
        datetime.date(2021, 8, 25),
        5,
    ),
    "003_5cec631d11b9ee3c.txt": (
        "Chinese President Xi Jinping and his Russian counterpart Vladimir Putin held a phone"
        " conversation",
        True,
        datetime.date(2021, 8, 29),
        14,
    ),
    "004_52ee514e77fbdb24.txt": (
        "Wang Yi: China and Russia Should Strengthen Strategic Communication on Afghanistan",
        False,
        datetime.date(2021, 8, 16),
        4,
    ),
}
# The furniture lines of the seeds, as they read after their spaces are tidied.
SEED_FURNITURE = {
    "Go to home page",
    "Back to top Go to home page clear",
    "Home > China News",
    "Suggest To A Friend:",
}
FURNITURE_WORDS = ("Go to home page", "Back to top", "Suggest To A Friend", "Home >", "page clear")


@pytest.fixture(scope="module")
def furniture() -> Furniture:
    return load_furniture(ROOT / "content" / "data" / "furniture.txt")


def parse(text: str, furniture: Furniture, name: str = "clip.txt") -> Clipping:
    return parse_clipping(text.encode("utf-8"), name, furniture)


def article_lines(path: Path) -> list[str]:
    """The seed's lines that are article text, by hand: no marker, no furniture."""
    text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2} ", "", path.read_text(encoding="utf-8"))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line and line not in SEED_FURNITURE]


# ---- the five seeds ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEEDS_EXPECTED))
def test_seed_title_date_and_paragraph_count(name: str, furniture: Furniture) -> None:
    title, derived, date, count = SEEDS_EXPECTED[name]
    _, clipping = read_clipping(SEEDS / name, furniture)
    assert (clipping.title, clipping.title_derived, clipping.date) == (title, derived, date)
    assert len(clipping.paragraphs) == count
    assert clipping.encoding == "utf-8"


@pytest.mark.parametrize("name", sorted(SEEDS_EXPECTED))
def test_seed_text_is_kept_as_published_without_furniture(name: str, furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / name, furniture)
    published = article_lines(SEEDS / name)
    headline = [] if clipping.title_derived else [clipping.title]
    assert headline + clipping.paragraphs == published
    everything = " ".join([clipping.title, *clipping.paragraphs])
    for words in FURNITURE_WORDS:
        assert words not in everything


@pytest.mark.parametrize("name", sorted(SEEDS_EXPECTED))
def test_every_sentence_of_a_seed_survives(name: str, furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / name, furniture)
    kept = " ".join([clipping.title, *clipping.paragraphs])
    for line in article_lines(SEEDS / name):
        for start, end in sentences(line):
            assert line[start:end] in kept


@pytest.mark.parametrize(
    "name", sorted(n for n, (_, derived, *_) in SEEDS_EXPECTED.items() if derived)
)
def test_a_derived_seed_title_is_whole_words_from_the_lead(name: str, furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / name, furniture)
    lead = clipping.paragraphs[0]
    # An opening adverbial ("On Wednesday, ") may go; the rest is the lead's own words.
    start = lead.index(clipping.title[1:]) - 1
    assert lead[start].lower() == clipping.title[0].lower()
    assert lead[start + len(clipping.title)] in " ,"  # the title ends at a word's end
    assert len(clipping.title) <= 110


def test_subheadings_inside_an_article_stay_paragraphs(furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / "001_811a545a56f5e34d.txt", furniture)
    assert clipping.paragraphs[2] == "China and Russia have similar stances"
    assert clipping.paragraphs[5] == "Respect Afghans’ will"
    assert clipping.paragraphs[8] == "Role of China"


def test_dateline_gives_date_and_agency(furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / "002_a6c61233ce6e330f.txt", furniture)
    assert (clipping.date_text, clipping.source) == ("Aug. 25, 2021", "EIRNS")
    assert clipping.paragraphs[0].startswith("Aug. 25, 2021 (EIRNS)—China’s President")
    assert [item.line for item in clipping.stripped] == [1, 15]


def test_a_dated_phrase_in_the_lead_gives_the_date(furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / "004_52ee514e77fbdb24.txt", furniture)
    assert clipping.date_text == "August 16, 2021"
    assert [item.text for item in clipping.stripped] == [
        "Home > China News",
        "Suggest To A Friend:",
    ]


def test_a_date_marker_wins_and_its_line_keeps_its_text(furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / "000_8b3231d21d1508c7.txt", furniture)
    assert clipping.date_text == "date 2021-08-25"
    assert clipping.paragraphs[0].startswith("Through a telephone call made on Tuesday,")


def test_an_agency_quoted_in_the_text_is_not_the_source(furniture: Furniture) -> None:
    _, clipping = read_clipping(SEEDS / "000_8b3231d21d1508c7.txt", furniture)
    assert "Xinhua reported" in clipping.paragraphs[1]
    assert clipping.source == ""
    assert "no source found: fill in 'source' by hand" in clipping.warnings


# ---- clippings in other styles ----------------------------------------------------


def test_other_site_furniture_byline_and_published_line(furniture: Furniture) -> None:
    _, clipping = read_clipping(FIXTURES / "other-site-published.txt", furniture)
    assert clipping.title == "Regional Ministers Meet in Dushanbe to Discuss Afghan Border Security"
    assert not clipping.title_derived
    assert (clipping.date, clipping.date_text) == (datetime.date(2021, 8, 25), "25 August 2021")
    assert clipping.source == "The Steppe Observer"  # the byline comes before the copyright
    assert clipping.paragraphs == [
        "Foreign ministers from three Central Asian states met in Dushanbe on Tuesday to "
        "coordinate border controls after the Taliban took Kabul.",
        "The ministers agreed to exchange intelligence on armed groups near the border, "
        "an official said.",
        "Officials said the talks would continue in September. Print runs of the joint "
        "statement were limited.",
    ]
    stripped = {item.text for item in clipping.stripped}
    assert {"Related stories", "Taliban Fighters Reach the Tajik Border", "Read more"} <= stripped
    assert "Uzbekistan Reopens Termez Crossing" in stripped  # a blank line inside the block


def test_dotted_date_line_hard_wrapped_text_and_windows_line_ends(furniture: Furniture) -> None:
    raw = (FIXTURES / "dotted-date-wrapped-crlf.txt").read_bytes()
    assert b"\r\n" in raw
    clipping = parse_clipping(raw, "wrapped.txt", furniture)
    assert (clipping.date, clipping.date_text) == (datetime.date(2021, 8, 25), "25.08.2021")
    assert clipping.title == "Kazakhstan Offers Transit Corridor for Afghan Aid"
    assert clipping.paragraphs == [
        "Kazakhstan said on Wednesday that it was ready to let humanitarian cargo for "
        "Afghanistan cross its territory by rail, provided that the United Nations "
        "coordinated the deliveries.",
        "Rail links",
        "The first trains could leave Almaty within a fortnight, the transport ministry said "
        "in a statement. Officials did not say how many wagons would be available.",
    ]
    assert not any("\r" in paragraph for paragraph in clipping.paragraphs)


def test_no_headline_derives_the_title_after_the_dateline(furniture: Furniture) -> None:
    _, clipping = read_clipping(FIXTURES / "dateline-no-headline.txt", furniture)
    # The first sentence is long: the cut falls at its last clause end within 110 characters.
    assert clipping.title == (
        "Uzbekistan will keep its border with Afghanistan closed to refugees,"
        " the foreign ministry said on Friday"
    )
    assert clipping.title_derived
    assert (clipping.date, clipping.source) == (datetime.date(2021, 8, 27), "AFN")
    assert clipping.paragraphs[0].startswith("TASHKENT, Aug 27, 2021 (AFN) - Uzbekistan")
    assert len(clipping.paragraphs) == 2


def test_utf8_bom_old_mac_line_ends_and_nbsp_breadcrumb(furniture: Furniture) -> None:
    raw = (FIXTURES / "bom-mac-cr.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r" in raw and b"\n" not in raw
    clipping = parse_clipping(raw, "bom.txt", furniture)
    assert clipping.encoding == "utf-8-sig"
    assert clipping.title == "Tajik President Rejects Taliban Government"
    assert clipping.date == datetime.date(2021, 8, 28)
    assert clipping.source == "Dushanbe Herald"
    assert clipping.paragraphs == [
        "Dushanbe, 28 August 2021. President Emomali Rahmon said Tajikistan would not "
        "recognise a government in Kabul formed “through oppression”."
    ]
    assert [item.text for item in clipping.stripped] == ["Home > World", "Source: Dushanbe Herald"]


def test_cp1252_bytes(furniture: Furniture) -> None:
    _, clipping = read_clipping(FIXTURES / "cp1252.txt", furniture)
    assert clipping.encoding == "cp1252"
    assert clipping.title == "Kyrgyzstan’s Envoy Meets Taliban Officials in Kabul"
    assert clipping.paragraphs[0].endswith("accompanied by the embassy’s attaché.")
    assert (clipping.date, clipping.date_text) == (datetime.date(2021, 8, 30), "30.08.2021")
    assert any("read as cp1252" in warning for warning in clipping.warnings)


def test_latin1_bytes_read_the_same_through_cp1252(furniture: Furniture) -> None:
    _, clipping = read_clipping(FIXTURES / "latin1.txt", furniture)
    assert clipping.encoding == "cp1252"  # identical to Latin-1 for its printable bytes
    assert "«constructive»" in clipping.paragraphs[0]
    assert "Zürich" in clipping.paragraphs[0]
    assert clipping.date == datetime.date(2021, 8, 31)


def test_bytes_cp1252_cannot_read_fall_back_to_latin1(furniture: Furniture) -> None:
    raw = "Talks Resume in Ashgabat\n\nPublished 31 August 2021\n\nTalks resumed. Caf\xe9".encode(
        "latin-1"
    )
    clipping = parse_clipping(raw + b" \x81.", "odd.txt", furniture)
    assert clipping.encoding == "latin-1"
    assert clipping.paragraphs == ["Talks resumed. Café \x81."]


def test_utf16_with_byte_order_mark_and_date_marker(furniture: Furniture) -> None:
    _, clipping = read_clipping(FIXTURES / "utf16.txt", furniture)
    assert clipping.encoding == "utf-16"
    assert clipping.date == datetime.date(2021, 8, 24)
    assert clipping.paragraphs == [
        "Pakistan’s foreign minister began a tour of Central Asian capitals on Tuesday to "
        "discuss Afghanistan.",
        "He was due in Dushanbe first.",
    ]
    assert clipping.title_derived


def test_nbsp_in_article_text_becomes_a_plain_space(furniture: Furniture) -> None:
    text = f"date 2021-08-25 The talks lasted 90{NBSP}minutes,{NBSP}{NBSP}officials said."
    assert parse(text, furniture).paragraphs == ["The talks lasted 90 minutes, officials said."]


# ---- the date rule ------------------------------------------------------------------


def test_a_date_deep_in_the_text_is_not_the_publication_date(furniture: Furniture) -> None:
    text = (
        "Envoys Meet in Doha\n\nThe envoys met on Tuesday.\n\n"
        "The talks recalled the attacks of 11 September 2001 in New York.\n"
    )
    with pytest.raises(ContentError, match="no publication date found"):
        parse(text, furniture)


def test_a_published_line_after_the_text_dates_the_article(furniture: Furniture) -> None:
    text = (
        "Envoys Meet in Doha\n\nThe envoys met on Tuesday.\n\n"
        "The talks recalled the attacks of 11 September 2001 in New York.\n\n"
        "Published on 25 August 2021\n"
    )
    clipping = parse(text, furniture)
    assert clipping.date == datetime.date(2021, 8, 25)
    assert len(clipping.paragraphs) == 2


def test_an_updated_line_without_a_date_is_article_text(furniture: Furniture) -> None:
    text = "date 2021-08-25 Talks went on.\n\nUpdated figures show more refugees crossing.\n"
    assert parse(text, furniture).paragraphs[1] == "Updated figures show more refugees crossing."


def test_an_impossible_marker_date_names_its_line(furniture: Furniture) -> None:
    with pytest.raises(ContentError) as caught:
        parse("\n date 2021-02-30 Text.", furniture, "bad.txt")
    assert str(caught.value) == "bad.txt:2: no such date: 2021-02-30"


# ---- bad clippings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.txt", "empty clipping"),
        ("binary.dat", "binary file"),
        ("no-date.txt", "no publication date found"),
    ],
)
def test_bad_clipping_fixtures_name_file_and_problem(
    name: str, words: str, furniture: Furniture
) -> None:
    with pytest.raises(ContentError) as caught:
        read_clipping(FIXTURES / name, furniture)
    assert str(caught.value).startswith(f"{FIXTURES / name}: ")
    assert words in str(caught.value)


def test_a_date_without_a_year_is_named_when_no_date_is_found(furniture: Furniture) -> None:
    with pytest.raises(ContentError, match="found 'August 25' without a year"):
        read_clipping(FIXTURES / "no-date.txt", furniture)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"  \r\n\t\n", "empty clipping"),
        (b"\xef\xbb\xbf\n", "empty clipping"),
        (bytes(range(1, 32)) * 20 + b"date 2021-08-25 x", "not text"),
        (b"\xff\xfeA", "not valid utf-16"),
        (b"Go to home page\n\nShare this article\n", "no article text"),
        (b"date 2021-08-25 Xi and Putin Spoke on the Phone\n", "a headline but no article text"),
    ],
)
def test_bad_bytes(raw: bytes, words: str, furniture: Furniture) -> None:
    with pytest.raises(ContentError, match=words):
        parse_clipping(raw, "bad.txt", furniture)


def test_a_missing_file_is_a_content_error(tmp_path: Path, furniture: Furniture) -> None:
    with pytest.raises(ContentError, match="cannot read"):
        read_clipping(tmp_path / "gone.txt", furniture)


# ---- the furniture patterns ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Print",
        "Subscribe",
        "Subscribe to our newsletter",
        "Related stories",
        "Read more",
        "Read more: Taliban take Kabul",
        "Advertisement",
        "Follow us on Twitter",
        "© 2021 Example Press. All rights reserved.",
        "All rights reserved",
        "Click here to download the full statement",
        "We use cookies to improve your experience.",
        "Accept all cookies",
        "Home > World > Asia",
        f"Home{NBSP}>{NBSP}World",
        "Skip to main content",
        "Back to top",
        "Facebook Twitter Email",
        "Suggest this article to a friend",
    ],
)
def test_common_furniture_lines_are_removed(line: str, furniture: Furniture) -> None:
    clipping = parse(f"date 2021-08-25 The talks went on.\n\n{line}\n", furniture)
    assert clipping.paragraphs == ["The talks went on."]


@pytest.mark.parametrize(
    "line",
    [
        "Home is where the heart is, the refugee said.",
        "Print media in Kabul have fallen silent.",
        "Share prices in Shanghai fell on Monday.",
        "Subscribers to the pact include Russia and China.",
        "Advertisement revenue collapsed after the takeover.",
        "Follow-up talks are planned for September.",
        "Related talks were held in Doha.",
        "Top officials met in Kabul.",
        "By the end of the day, the sides had agreed to meet again for talks.",
        "Source material was not made public.",
        "Read more carefully, the statement says little.",
        "Click-through rates are not news.",
        "Copyright law was not discussed.",
        "The outcome is still not clear",
        "The envoy said he would go back to the top of the agenda",
    ],
)
def test_sentences_that_look_like_furniture_are_kept(line: str, furniture: Furniture) -> None:
    clipping = parse(f"date 2021-08-25 The talks went on.\n\n{line}\n", furniture)
    assert clipping.paragraphs == ["The talks went on.", line]


def test_a_tail_glued_to_the_last_sentence_is_cut(furniture: Furniture) -> None:
    text = f"date 2021-08-25 The talks went on.{NBSP}Back to top{NBSP}{NBSP}Go to home page clear"
    clipping = parse(text, furniture)
    assert clipping.paragraphs == ["The talks went on."]
    assert clipping.stripped[0].text == "Back to top Go to home page clear"


def test_editors_extend_the_patterns_without_code(tmp_path: Path) -> None:
    patterns = tmp_path / "furniture.txt"
    patterns.write_text("# ours\n\nwire desk: (?P<source>.+)\ntail:— ends here\n", encoding="utf-8")
    clipping = parse(
        "date 2021-08-25 The talks went on. — ends here\n\nWire desk: Caspian Wire\n",
        load_furniture(patterns),
    )
    assert clipping.paragraphs == ["The talks went on."]
    assert clipping.source == "Caspian Wire"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# comment\nshare\n(unclosed\n", 3, "bad pattern '(unclosed'"),
        ("ok\n\nby (?P<author>.+)\n", 3, "unknown group name author"),
        ("ok\ntail:.*\n", 2, "matches an empty line"),
        ("tail:source: (?P<source>.+)\n", 1, "a tail pattern cannot name groups"),
    ],
)
def test_a_bad_pattern_names_file_and_line(
    text: str, line: int, words: str, tmp_path: Path
) -> None:
    patterns = tmp_path / "furniture.txt"
    patterns.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_furniture(patterns)
    assert str(caught.value).startswith(f"{patterns}:{line}: ")
    assert words in str(caught.value)
