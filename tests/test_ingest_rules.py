"""Each structural ingest rule on a short clipping of its own (no editor patterns unless said)."""

from __future__ import annotations

import datetime

import pytest
from conftest import ROOT

from archive.core.errors import ContentError
from archive.ingest.clipping import Clipping, parse_clipping
from archive.ingest.furniture import Furniture, load_furniture
from archive.ingest.header import dates_in, parse_byline, spell_out
from archive.ingest.lines import is_prose, shape

NO_PATTERNS = Furniture(())
BODY = (
    "Ministers from the two countries met in the capital on Tuesday and agreed to reopen "
    "the border crossing that was closed in the spring, officials said.\n\n"
    "The talks lasted four hours and ended with a joint statement on trade and transit.\n"
)


def parse(text: str, furniture: Furniture = NO_PATTERNS) -> Clipping:
    return parse_clipping(text.encode("utf-8"), "clip.txt", furniture)


def rules(article: Clipping) -> dict[str, str]:
    return {decision.text: decision.rule for decision in article.decisions}


def kept(article: Clipping) -> set[str]:
    return {decision.text for decision in article.decisions if decision.kept}


# ---- dates -------------------------------------------------------------------------


def test_an_iso_timestamp_line_dates_the_article() -> None:
    article = parse(f"Border talks resume after long pause\n\n2022-09-15T13:48:00Z\n\n{BODY}")
    assert article.date == datetime.date(2022, 9, 15)
    assert article.date_text == "2022-09-15T13:48:00Z"


def test_first_publication_wins_and_the_update_is_kept() -> None:
    header = "Updated 14:32 GMT, 27 August 2021\nPublished 09:10 GMT, 26 August 2021"
    article = parse(f"Border talks resume after long pause\n{header}\n\n{BODY}")
    assert (article.date, article.updated) == (
        datetime.date(2021, 8, 26),
        datetime.date(2021, 8, 27),
    )


def test_a_numeric_date_takes_the_reading_nearer_another_date() -> None:
    text = f"Border talks resume after long pause\n05/06/2023\n\n{BODY}\nThe meeting on June 4 went well.\n"
    article = parse(text)
    assert article.date == datetime.date(2023, 6, 5)
    assert any("nearer another date" in warning for warning in article.warnings)


def test_a_numeric_date_follows_the_time_zones_convention() -> None:
    assert parse(f"Border talks resume again\n06/09/2023 06:45 AM EDT\n\n{BODY}").date == (
        datetime.date(2023, 6, 9)
    )
    assert parse(f"Border talks resume again\n06/09/2023 06:45 BST\n\n{BODY}").date == (
        datetime.date(2023, 9, 6)
    )


def test_an_undecidable_numeric_date_warns_with_both_readings() -> None:
    article = parse(f"Border talks resume after long pause\n03/09/2021\n\n{BODY}")
    assert article.date == datetime.date(2021, 9, 3)
    warning = next(w for w in article.warnings if "03/09/2021" in w)
    assert "03 September 2021" in warning and "09 March 2021" in warning


def test_a_dateline_without_a_year_takes_the_copyright_year() -> None:
    lead = "KABUL, Aug 27 (Steppe Wire) - " + BODY
    article = parse(f"Border talks resume after long pause\n\n{lead}\n© 2021 Steppe Wire Ltd\n")
    assert article.date == datetime.date(2021, 8, 27)
    note = next(warning for warning in article.warnings if "has no year" in warning)
    assert "copyright line 7" in note and "2021" in note


def test_a_date_line_below_a_standfirst_is_found() -> None:
    text = (
        "Border talks resume after long pause\n"
        "The neighbours hope to end a dispute that has cost traders dearly.\n"
        "By Jane Doe\n14 March 2022\n\n" + BODY
    )
    article = parse(text)
    assert article.date == datetime.date(2022, 3, 14)
    assert article.summary == "The neighbours hope to end a dispute that has cost traders dearly."
    assert article.author == "Jane Doe"


def test_a_date_inside_the_lead_is_not_the_publication_date() -> None:
    text = "Ministers said the border, shut on 3 May 2021, would reopen soon after the talks.\n"
    with pytest.raises(ContentError, match="no publication date found") as raised:
        parse(text)
    assert "\n" not in str(raised.value)


def test_a_lead_opening_with_a_date_is_dated_by_it() -> None:
    article = parse("On the afternoon of June 19, 2023, the two ministers met in Beijing.\n")
    assert article.date == datetime.date(2023, 6, 19)


def test_month_names_in_capitals_and_year_first_numbers_are_dates() -> None:
    assert [d.month for d in dates_in("22 AUG, 18:05")] == [8]
    assert [d.value for d in dates_in("2021/08/17")] == [datetime.date(2021, 8, 17)]
    assert dates_in("Published 3 hours ago") == []


# ---- headline, byline, source, standfirst ------------------------------------------------


@pytest.mark.parametrize(
    "above",
    [
        "World News | Asia",
        "All news World",
        "Accept all   Reject all   Manage preferences",
        "EUROPE · FOREIGN AFFAIRS",
        "ASIA",
        "The Harbour Gazette",
    ],
)
def test_the_headline_is_never_a_label_above_it(above: str) -> None:
    article = parse(f"{above}\n\nBorder talks resume after long pause\n12 May 2022\n\n{BODY}")
    assert article.title == "Border talks resume after long pause"
    assert not article.title_derived


def test_a_place_and_date_line_under_the_headline_is_a_date_not_a_title() -> None:
    article = parse(
        f"Press releases\n\nBorder talks resume after long pause\nGeneva | 13 Sep 2021\n\n{BODY}"
    )
    assert (article.title, article.date) == (
        "Border talks resume after long pause",
        datetime.date(2021, 9, 13),
    )


def test_a_byline_glued_to_the_headline_is_split_off() -> None:
    article = parse(
        f"BORDER TALKS RESUME By Gary Pike, World Affairs Editor\n20 May 2023\n\n{BODY}"
    )
    assert (article.title, article.author) == ("BORDER TALKS RESUME", "Gary Pike")


@pytest.mark.parametrize(
    ("line", "author", "source"),
    [
        ("By Anton Greville, Mei Lin Ho", "Anton Greville, Mei Lin Ho", ""),
        ("By Lucía Fernández, Andes Wire", "Lucía Fernández", "Andes Wire"),
        ("By GRACE WANJIKU", "Grace Wanjiku", ""),
        (
            "Thandiwe Mokoena in Johannesburg and Oliver Grant in London",
            "Thandiwe Mokoena and Oliver Grant",
            "",
        ),
        ("Tomasz Wierzbicki, Central Asia correspondent", "Tomasz Wierzbicki", ""),
        ("Eurasia Wire · Mikhail Orlov", "Mikhail Orlov", "Eurasia Wire"),
    ],
)
def test_bylines_give_author_and_source(line: str, author: str, source: str) -> None:
    byline = parse_byline(line, "")
    assert byline is not None
    assert (byline.author, byline.source) == (author, source)


def test_a_place_after_a_name_is_not_a_second_author() -> None:
    byline = parse_byline("Nathaniel Okafor, Nusa Dua", "The leaders met at a hotel in Nusa Dua.")
    assert byline is not None and byline.author == "Nathaniel Okafor"


def test_a_line_of_headline_words_is_not_a_byline() -> None:
    assert parse_byline("News / World / Central Asia", "") is None
    assert parse_byline("Last Updated | 06:55 IST", "") is None


def test_the_dateline_agency_is_the_source_and_an_acronym_is_spelt_out() -> None:
    text = f"TRANSASIA NEWS AGENCY\n\nBorder talks resume after long pause\n\nBEIJING, Aug. 25, 2021 (TNA) -- {BODY}"
    assert parse(text).source == "Transasia News Agency"
    assert spell_out("CNS", ["Caspian News Service"]) == "Caspian News Service"
    assert spell_out("PRTV", ["Pacific Rim Television"]) == "PRTV"


def test_the_masthead_is_the_source_when_nothing_is_credited() -> None:
    text = f"THE HARBOUR GAZETTE\n\nBorder talks resume after long pause\n21 May 2023\n\n{BODY}\n© Harbour Media Group 2023\n"
    assert parse(text).source == "The Harbour Gazette"


# ---- furniture by structure ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Share this article   Print   Back to top", "menu"),
        ("Zelensky stepped off a French jet in Hiroshima (Photo: Reuters)", "caption"),
        ("Crowds at the airport. Photograph: Wakil Kohsar/AFP", "caption"),
        ("Reporting by Anton Greville; Editing by Clare Oduya", "credit"),
        ("(With inputs from agencies)", "credit"),
        ("[Editor: Zhou Lan]", "credit"),
        ("| 06:55 IST", "time-line"),
        ("10:41 a.m. ET", "time-line"),
        ("Read more: Taliban name caretaker officials", "label-line"),
        ("Scroll to continue", "control"),
        ("4 min read", "duration"),
        ("More from Meridian", "list-heading"),
        ("© 2023 Lakeside Media Group. All Rights Reserved.", "copyright"),
    ],
)
def test_furniture_shapes(line: str, kind: str) -> None:
    assert shape(line).kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "Share prices in Shanghai fell on Monday.",
        "He declined to comment.",
        "“Until the job is done.”",
        "Print media in Kabul have fallen silent.",
    ],
)
def test_short_sentences_are_prose_and_have_no_shape(line: str) -> None:
    assert is_prose(line) and not shape(line).kind


def test_inside_the_article_subheads_and_short_paragraphs_stay_controls_go() -> None:
    text = (
        f"Border talks resume after long pause\n12 May 2022\n\n{BODY}\nAdvertisement\n\n"
        "What comes next\n\nOfficials will meet again in June to sign the transit accord.\n\n"
        "Russia was furious.\n\nStory continues below\n\n"
        "The accord still needs the approval of both parliaments.\n"
    )
    article = parse(text)
    assert "What comes next" in article.paragraphs and "Russia was furious." in article.paragraphs
    assert "Advertisement" not in kept(article) and "Story continues below" not in kept(article)
    assert rules(article)["What comes next"] == "subheading"


def test_the_article_ends_at_credits_and_closing_notes_go() -> None:
    text = (
        f"Border talks resume after long pause\nBy Jane Doe\n12 May 2022\n\n{BODY}\n"
        "Jane Doe covers Central Asia for the paper.\n\n"
        "More from the region\n\nWhy the border matters to everyone in the valley?\n"
    )
    article = parse(text)
    assert article.paragraphs[-1].startswith("The talks lasted four hours")
    assert rules(article)["Jane Doe covers Central Asia for the paper."] == "closing-note"
    assert rules(article)["Why the border matters to everyone in the valley?"] == "after-article"


def test_hard_wrapped_header_lines_are_not_joined_into_a_paragraph() -> None:
    text = (
        "Commentary › Central Asia\nAfter Kabul: how the neighbours read the return\n"
        "Farida Rahimi, Senior Fellow\n18 August 2021 · 7 min read\n\n"
        "The speed surprised almost everyone. When the fighters swept into\n"
        "the capital the government had already dissolved, and the president\n"
        "had left the country.\n"
    )
    article = parse(text)
    assert article.title == "After Kabul: how the neighbours read the return"
    assert article.author == "Farida Rahimi"
    assert article.paragraphs == [
        "The speed surprised almost everyone. When the fighters swept into the capital the "
        "government had already dissolved, and the president had left the country."
    ]


def test_editors_patterns_apply_first_and_every_line_has_a_rule() -> None:
    furniture = load_furniture(ROOT / "content" / "data" / "furniture.txt")
    text = f"Skip to main content\n\nBorder talks resume after long pause\n12 May 2022\n\n{BODY}"
    article = parse(text, furniture)
    assert rules(article)["Skip to main content"].startswith("furniture.txt line ")
    lines = [line for line in text.splitlines() if line.strip()]
    assert [d.text for d in article.decisions] == lines
    assert all(d.rule for d in article.decisions)


def test_a_question_headline_and_its_standfirst_are_header_not_text() -> None:
    text = (
        "Is the truce holding? What we know so far\n"
        "Both sides say the other broke it. Here is what the monitors saw.\n"
        "By Sam Okoye  Aug 25, 2023, 8:00am EDT\n\n"
        "What happened?\n\n" + BODY
    )
    article = parse(text)
    assert article.title == "Is the truce holding? What we know so far"
    assert article.summary == "Both sides say the other broke it. Here is what the monitors saw."
    assert (article.author, article.date) == ("Sam Okoye", datetime.date(2023, 8, 25))
    assert article.paragraphs[0] == "What happened?"


def test_a_readers_comment_thread_is_not_article_text() -> None:
    text = (
        f"Border talks resume after long pause\nPosted on May 12, 2022 by Tom Hartley\n\n{BODY}\n"
        "2 thoughts on “Border talks resume”\n\nPriya says:\n\n"
        "Great piece, thank you, I hope the crossing opens before the harvest.\n\nReply\n"
    )
    article = parse(text)
    assert article.author == "Tom Hartley"
    assert article.paragraphs[-1].startswith("The talks lasted four hours")
    assert rules(article)["Priya says:"] == "comments"


def test_an_agency_alone_under_the_headline_is_the_source_a_label_above_is_not() -> None:
    text = f"The Western Star\n\nWORLD\n\nBorder talks resume after long pause\nPTI\nOct 23, 2024\n\n{BODY}"
    article = parse(text)
    assert (article.title, article.source) == ("Border talks resume after long pause", "PTI")


def test_a_release_label_is_not_the_site_and_page_numbers_go() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n10 March 2023\n\nBorder talks resume after long pause\n\n"
        f"{BODY}\nPage 1 of 2\n\nThe crossing will open on Monday, the ministers said.\n"
    )
    article = parse(text)
    assert article.source == ""
    assert rules(article)["Page 1 of 2"] == "page-number"
    assert article.paragraphs[-1] == "The crossing will open on Monday, the ministers said."


def test_a_byline_naming_nobody_is_still_no_headline() -> None:
    article = parse(
        f"Border talks resume after long pause\nBy Our Correspondent\n12 May 2022\n\n{BODY}"
    )
    assert (article.title, article.author) == ("Border talks resume after long pause", "")


def test_a_photo_agency_line_and_a_lone_word_inside_the_article_go() -> None:
    text = (
        f"Border talks resume after long pause\n12 May 2022\n\n{BODY}\n"
        "Officials at the crossing. AFP via Getty Images\n\nReuters\n\n"
        "Trucks queued for miles on the road to the crossing on Wednesday.\n"
    )
    article = parse(text)
    assert "Reuters" not in kept(article)
    assert rules(article)["Officials at the crossing. AFP via Getty Images"] == "caption"
    assert article.paragraphs[-1].startswith("Trucks queued")


def test_dotted_year_first_dates_and_an_agency_credited_under_the_article() -> None:
    text = (
        "Asia-Pacific Daily\n\nBorder talks resume after long pause\n"
        "Published : 2023.06.19 21:15 Updated : 2023.06.20 08:02\n\n"
        f"{BODY}\n- Xinhua\n\nEditor: Li Ming\n"
    )
    article = parse(text)
    assert (article.date, article.updated) == (
        datetime.date(2023, 6, 19),
        datetime.date(2023, 6, 20),
    )
    assert article.source == "Xinhua"


def test_a_dashed_list_inside_the_article_is_text() -> None:
    text = f"Border talks resume after long pause\n12 May 2022\n\n{BODY}\n- Leaders agreed to meet again\n\nThe accord still needs the approval of both parliaments.\n"
    article = parse(text)
    assert article.paragraphs[-1] == "The accord still needs the approval of both parliaments."


def test_glued_page_dates_galleries_and_promotions() -> None:
    text = (
        "Border talks resume after long pause\nBy Jane Doe\n"
        "September 15, 20225:32 PM UTCUpdated 2 hours ago\n\n"
        "Item 1 of 3 Trucks at the crossing on Monday, waiting for the border to open. Pool\n\n"
        f"KABUL, Sept 15 (Steppe Wire) - {BODY}\n"
        "Get a look at the day ahead with our Morning Bid newsletter. Sign up here.\n\n"
        "Russia did not sign up to the deal, officials said.\n\n"
        "Source: Steppe Wire and news agencies\n"
    )
    article = parse(text)
    assert article.date == datetime.date(2022, 9, 15)
    assert article.paragraphs[0].startswith("KABUL, Sept 15")
    assert (
        rules(article)["Get a look at the day ahead with our Morning Bid newsletter. Sign up here."]
        == "promotion"
    )
    assert article.paragraphs[-1] == "Russia did not sign up to the deal, officials said."
    assert article.source == "Steppe Wire"


def test_a_forwarded_e_mail_gives_subject_sender_and_ends_at_the_signature() -> None:
    text = (
        "From: Border Commission Press Office <press@commission.example>\n"
        "Sent: Sunday, September 10, 2023 11:42 AM\nTo: Newsroom\n"
        "Subject: Border talks resume after long pause\n\n"
        f"{BODY}\n--\nBorder Commission | Media Relations\n\n"
        "This e-mail and any attachments are confidential.\n"
    )
    article = parse(text)
    assert (article.title, article.source) == (
        "Border talks resume after long pause",
        "Border Commission Press Office",
    )
    assert article.date == datetime.date(2023, 9, 10)
    assert article.paragraphs[-1].startswith("The talks lasted four hours")


def test_an_author_note_under_the_byline_and_ends_in_a_release() -> None:
    text = (
        "Press release\n\n12 May 2022\n\nBorder talks resume after long pause\n\n"
        "Jane Doe\n\nJane Doe is a senior fellow at the Centre for Trade Policy.\n\n"
        f"{BODY}\nENDS\n\nNotes to editors\n\n1. The commission is an independent body.\n"
    )
    article = parse(text)
    assert (article.title, article.author) == ("Border talks resume after long pause", "Jane Doe")
    assert (
        rules(article)["Jane Doe is a senior fellow at the Centre for Trade Policy."]
        == "author note"
    )
    assert article.paragraphs[-1].startswith("The talks lasted four hours")
