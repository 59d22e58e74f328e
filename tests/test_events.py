"""Event extraction: kinds, participants and dates of the reports in a sentence.

The articles are short texts written for these tests (``tests/fixtures/events/``)
or single sentences with hand-made mentions; every expectation is read off the
text and the calendar (4 March 2022 was a Friday, 3 January 2022 a Monday, 15
August 2021 a Sunday), not taken from the code's output.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.chronology.clauses import clauses
from archive.chronology.cues import Cues, load_cues
from archive.chronology.reports import ArticleText, Report, extract_reports
from archive.core.errors import ContentError
from archive.entities.mentions import Matcher
from archive.entities.registry import load_registry
from archive.site.text import Paragraph

ROOT = Path(__file__).resolve().parents[1]
CUES_FILE = ROOT / "content" / "data" / "event_cues.yaml"
FIXTURES = Path(__file__).parent / "fixtures" / "events"
TYPES = {
    "xi": "person", "putin": "person", "kaag": "person", "modi": "person",
    "xinhua": "organization", "kremlin": "organization", "taliban": "organization",
    "g7": "organization", "china": "place", "russia": "place", "kabul": "place",
    "united-states": "place", "afghanistan": "place", "turkey": "place", "iran": "place",
    "mndaa": "organization",
}  # fmt: skip


@pytest.fixture(scope="module")
def cues() -> Cues:
    return load_cues(CUES_FILE)


@dataclass(frozen=True)
class HandMention:
    """A mention as archive.entities.mentions gives it, made by hand."""

    entity_id: str
    paragraph: int
    start: int
    end: int
    text: str


def hand_mentions(
    paragraphs: Sequence[str], names: Sequence[tuple[int, str, str]]
) -> list[HandMention]:
    """Mentions of ``(paragraph, words, entity id)``, each found after the previous one."""
    found: list[HandMention] = []
    cursor: dict[int, int] = {}
    for index, words, entity in names:
        start = paragraphs[index].index(words, cursor.get(index, 0))
        cursor[index] = start + len(words)
        found.append(HandMention(entity, index, start, start + len(words), words))
    return found


def read(
    paragraphs: Sequence[str],
    names: Sequence[tuple[int, str, str]],
    cues: Cues,
    published: datetime.date = datetime.date(2021, 8, 26),
    within: dict[str, str] | None = None,
) -> list[Report]:
    article = ArticleText(
        "test", published, [Paragraph(f"p{i + 1}", t) for i, t in enumerate(paragraphs)]
    )
    return extract_reports(article, hand_mentions(paragraphs, names), TYPES, cues, within)


def summary(reports: Sequence[Report]) -> list[tuple[str, tuple[str, ...], str]]:
    return [(r.kind, r.participants, r.value) for r in reports]


# ---- the cue file ----------------------------------------------------------------


def test_shipped_cue_file_has_every_kind(cues: Cues) -> None:
    assert {cue.kind for cue in cues.cues} == {"call", "meeting", "summit", "statement", "takeover"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("kinds:\n  call: [phone call]\n  picnic: [lunch]\n", 3, "unknown key 'picnic'"),
        ("kinds:\n  call:\n    - phone call\n    - Phone  call\n", 4, "listed twice"),
        ("kinds:\n  meeting:\n    - ... talks\n", 3, "'...' only between words"),
        ("kinds:\n  call: phone call\n", 2, "expected a list"),
        ("kinds:\n  call: [phone call]\nreporting:\n  during: [x]\n", 4, "unknown key 'during'"),
        ("refer_back:\n  all: [they]\n", 1, "no 'kinds'"),
        ("kinds:\n  call: [phone call\n", 3, "not valid YAML"),
        ("kinds:\n  call: [phone call]\nunstated_medium: [chat]\n", 3, "not a cue of any kind"),
    ],
)
def test_cue_file_errors_name_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "event_cues.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_cues(path)
    assert (caught.value.path, caught.value.line) == (path, line)
    assert message in caught.value.message


def test_an_editor_adds_a_cue_without_code(tmp_path: Path) -> None:
    path = tmp_path / "event_cues.yaml"
    path.write_text("kinds:\n  meeting: [broke bread ... with]\n", encoding="utf-8")
    sentence = "Xi broke bread on Monday with Putin."
    found = read([sentence], [(0, "Xi", "xi"), (0, "Putin", "putin")], load_cues(path))
    assert summary(found) == [("meeting", ("putin", "xi"), "2021-08-23")]
    assert found[0].cues == ("broke bread on Monday with",)


# ---- clauses ---------------------------------------------------------------------


def clause_texts(sentence: str) -> list[str]:
    return [" | ".join(sentence[a:b].strip(" ,") for a, b in c.spans) for c in clauses(sentence)]


def test_clauses_after_an_offset_and_around_a_relative_clause() -> None:
    sentence = (
        "Xi and Putin spoke on Wednesday, a day after G-7 leaders met, which was new, in Rome."
    )
    assert clause_texts(sentence) == [
        "Xi and Putin spoke on Wednesday",
        "a day after G-7 leaders met | in Rome.",
        "which was new",
    ]
    assert [c.opener for c in clauses(sentence)] == ["", "a day after", "which"]


def test_reported_speech_is_a_clause_of_its_own() -> None:
    assert clause_texts("Modi told a briefing that China and Russia agree.") == [
        "Modi told a briefing",
        "that China and Russia agree.",
    ]


# ---- kinds and cues --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Xi and Putin held a phone conversation.", "call"),
        ("Xi and Putin talked by telephone.", "call"),
        ("Xi and Putin exchanged views on Afghanistan by phone.", "call"),
        ("Xi and Putin held talks.", "meeting"),
        ("Xi met with Putin.", "meeting"),
        ("Xi and Putin attended a virtual summit.", "summit"),
        ("Xi and Putin made a joint statement.", "statement"),
        ("Xi gave a press conference with Putin.", "statement"),
    ],
)
def test_kind_from_cue(sentence: str, kind: str, cues: Cues) -> None:
    (report,) = read([sentence], [(0, "Xi", "xi"), (0, "Putin", "putin")], cues)
    assert (report.kind, report.participants) == (kind, ("putin", "xi"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Xi said China respects Afghanistan's sovereignty.",
        "Xi called for concerted efforts.",
        "Xi told Putin that China is ready.",
    ],
)
def test_no_event_without_a_cue(sentence: str, cues: Cues) -> None:
    names = [(0, "Xi", "xi")] + ([(0, "Putin", "putin")] if "Putin" in sentence else [])
    assert read([sentence], names, cues) == []


def test_call_and_meeting_cues_of_one_occasion_are_one_call(cues: Cues) -> None:
    sentence = "Xi and Putin held a phone conversation where they exchanged views on Afghanistan."
    (report,) = read([sentence], [(0, "Xi", "xi"), (0, "Putin", "putin")], cues)
    assert (report.kind, report.participants) == ("call", ("putin", "xi"))
    assert report.cues == ("phone conversation", "exchanged views")


def test_events_naming_nobody_are_not_one_occasion(cues: Cues) -> None:
    sentence = "A week later the summit opened; two days before, talks were held."
    assert [r.kind for r in read([sentence], [], cues)] == ["summit", "meeting"]


def test_a_where_clause_elaborates_the_meeting_before_it(cues: Cues) -> None:
    sentence = "China held a dialogue with the Taliban in Kabul, where Kaag met with Modi."
    names = [(0, "China", "china"), (0, "Taliban", "taliban"), (0, "Kabul", "kabul"),
             (0, "Kaag", "kaag"), (0, "Modi", "modi")]  # fmt: skip
    assert summary(read([sentence], names, cues)) == [("meeting", ("kaag", "modi"), "")]


def test_two_events_of_one_sentence_keep_their_own_participants(cues: Cues) -> None:
    sentence = "On talks between Xi and Putin, Kaag told a media briefing that all went well."
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "Kaag", "kaag")]
    assert summary(read([sentence], names, cues)) == [
        ("meeting", ("putin", "xi"), ""),
        ("statement", ("kaag",), "2021-08-26"),
    ]


# ---- participants ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "names", "participants"),
    [
        # a venue that reports is not a participant
        ("Xi held talks with the Taliban, Xinhua reported.",
         [("Xi", "xi"), ("Taliban", "taliban"), ("Xinhua", "xinhua")], ("taliban", "xi")),
        ("According to the Kremlin readout, Putin held talks with the Taliban.",
         [("Kremlin", "kremlin"), ("Putin", "putin"), ("Taliban", "taliban")],
         ("putin", "taliban")),
        # countries act when only they are named
        ("China and Russia held talks.", [("China", "china"), ("Russia", "russia")],
         ("china", "russia")),
        # a place after a preposition is where or what, not who
        ("Xi and Putin held talks on Afghanistan in Kabul.",
         [("Xi", "xi"), ("Putin", "putin"), ("Afghanistan", "afghanistan"), ("Kabul", "kabul")],
         ("putin", "xi")),
        ("China held talks with the Taliban in Kabul.",
         [("China", "china"), ("Taliban", "taliban"), ("Kabul", "kabul")],
         ("china", "taliban")),
        # a demonym or possessive before a title is an attribute
        ("Chinese President Xi and Russia's President Putin held talks.",
         [("Chinese", "china"), ("Xi", "xi"), ("Russia", "russia"), ("Putin", "putin")],
         ("putin", "xi")),
        # persons are enough for a meeting: the organisation they lead is not added
        ("Xi held talks with Putin, head of the Kremlin.",
         [("Xi", "xi"), ("Putin", "putin"), ("Kremlin", "kremlin")], ("putin", "xi")),
        # a person and an organisation, when the persons are too few
        ("Putin hosted a Taliban delegation.", [("Putin", "putin"), ("Taliban", "taliban")],
         ("putin", "taliban")),
    ],
)  # fmt: skip
def test_participants(
    sentence: str, names: list[tuple[str, str]], participants: tuple[str, ...], cues: Cues
) -> None:
    (report,) = read([sentence], [(0, words, entity) for words, entity in names], cues)
    assert report.participants == participants


def test_a_hyphenated_name_is_no_participant(cues: Cues) -> None:
    sentence = "The US-backed government was overthrown on August 15."
    (report,) = read([sentence], [(0, "US", "united-states")], cues)
    assert (report.kind, report.participants, report.value) == ("takeover", (), "2021-08-15")


def test_they_takes_the_previous_events_participants(cues: Cues) -> None:
    paragraphs = ["Xi and Putin held talks on Monday.", "They spoke by phone on Tuesday."]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin")]
    found = read(paragraphs, names, cues)
    assert summary(found) == [
        ("meeting", ("putin", "xi"), "2021-08-23"),
        ("call", ("putin", "xi"), "2021-08-24"),
    ]
    assert (found[1].refers_back, found[1].paragraph) == ("They", "p2")


def test_he_is_the_first_person_of_the_previous_sentence(cues: Cues) -> None:
    paragraphs = ["Modi thanked Putin. He held talks with the Taliban."]
    names = [(0, "Modi", "modi"), (0, "Putin", "putin"), (0, "Taliban", "taliban")]
    (report,) = read(paragraphs, names, cues)
    assert (report.participants, report.refers_back) == (("modi", "taliban"), "He")


def test_participants_are_not_taken_from_before_when_the_clause_names_enough(cues: Cues) -> None:
    paragraphs = ["Modi spoke.", "They said Xi and Putin held talks."]
    names = [(0, "Modi", "modi"), (1, "Xi", "xi"), (1, "Putin", "putin")]
    (report,) = read(paragraphs, names, cues)
    assert (report.participants, report.refers_back) == (("putin", "xi"), "")


# ---- dates -----------------------------------------------------------------------


def test_each_event_takes_the_date_of_its_own_clause(cues: Cues) -> None:
    sentence = (
        "Xi and Putin spoke on the phone on Wednesday, a day after G-7 leaders virtually met."
    )
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "G-7", "g7")]
    found = read([sentence], names, cues, published=datetime.date(2021, 8, 26))
    assert [(r.kind, r.participants, r.date_text, r.value, r.rule) for r in found] == [
        ("call", ("putin", "xi"), "on Wednesday", "2021-08-25", "weekday-before-publication"),
        ("summit", ("g7",), "a day after", "2021-08-24", "offset-from-anchor"),
    ]
    assert "the phone call in the same sentence" in found[1].explanation


def test_later_that_day_counts_from_the_previous_sentences_event(cues: Cues) -> None:
    paragraphs = ["Xi and Putin held talks on Monday. Later that day, Modi called Putin by phone."]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "Modi", "modi"), (0, "Putin", "putin")]
    found = read(paragraphs, names, cues)
    assert [(r.kind, r.participants, r.date_text, r.value) for r in found] == [
        ("meeting", ("putin", "xi"), "on Monday", "2021-08-23"),
        ("call", ("modi", "putin"), "Later that day", "2021-08-23"),
    ]
    assert found[1].explanation.endswith(
        "(the event it refers to: the talks in the previous sentence, dated by 'on Monday')"
    )


def test_earlier_in_the_day_without_an_event_before_is_unknown(cues: Cues) -> None:
    sentence = "Earlier in the day, Modi held talks with Putin."
    (report,) = read([sentence], [(0, "Modi", "modi"), (0, "Putin", "putin")], cues)
    assert (report.value, report.precision, report.rule) == ("", "unknown", "same-day-as-anchor")


def test_a_dateline_is_not_the_events_date(cues: Cues) -> None:
    sentence = "Aug. 20, 2021 (Xinhua)—Xi held talks with Putin today."
    names = [(0, "Xinhua", "xinhua"), (0, "Xi", "xi"), (0, "Putin", "putin")]
    (report,) = read([sentence], names, cues, published=datetime.date(2021, 8, 20))
    assert (report.participants, report.date_text, report.value) == (
        ("putin", "xi"),
        "today",
        "2021-08-20",
    )


def test_no_date_words(cues: Cues) -> None:
    (report,) = read(["Xi met Putin."], [(0, "Xi", "xi"), (0, "Putin", "putin")], cues)
    assert (report.date_text, report.value, report.precision, report.rule) == (
        "",
        "",
        "unknown",
        "no-date-words",
    )
    assert "published Thursday 26 August 2021" in report.explanation


# ---- events named again, anchors, settings, officials ------------------------------


def test_a_noun_names_an_earlier_event_again(cues: Cues) -> None:
    paragraphs = ["Xi and Putin held talks on Monday.", "The meeting lasted three hours."]
    found = read(paragraphs, [(0, "Xi", "xi"), (0, "Putin", "putin")], cues)
    assert summary(found) == [
        ("meeting", ("putin", "xi"), "2021-08-23"),
        ("meeting", ("putin", "xi"), ""),
    ]
    assert found[1].refers_back == "meeting"


def test_the_next_summit_is_another_one_of_the_same_body(cues: Cues) -> None:
    paragraphs = ["The G7 held a summit on Monday.", "The next summit is due next month."]
    found = read(paragraphs, [(0, "G7", "g7")], cues)
    assert summary(found) == [("summit", ("g7",), "2021-08-23"), ("summit", ("g7",), "2021-09")]
    assert found[1].rule == "next-month"


def test_an_offset_from_an_event_named_by_a_noun_counts_the_right_way(cues: Cues) -> None:
    paragraphs = [
        "Xi and Putin held talks on Monday.",
        "Two days after the talks, Modi spoke by phone with Putin.",
    ]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (1, "Modi", "modi"), (1, "Putin", "putin")]
    call = next(r for r in read(paragraphs, names, cues) if r.kind == "call")
    assert (call.participants, call.value, call.rule) == (
        ("modi", "putin"),
        "2021-08-25",
        "offset-from-named-event",
    )
    assert "2 day(s) after the talks named there" in call.explanation


def test_an_offset_opening_the_sentence_counts_forward_from_the_event_before(cues: Cues) -> None:
    paragraphs = ["Xi held talks with Kaag on Monday.", "A day after the vote, Modi met Putin."]
    names = [(0, "Xi", "xi"), (0, "Kaag", "kaag"), (1, "Modi", "modi"), (1, "Putin", "putin")]
    found = read(paragraphs, names, cues)
    assert summary(found)[1] == ("meeting", ("modi", "putin"), "2021-08-24")


def test_dateline_places_are_no_participants(cues: Cues) -> None:
    sentence = "KABUL, Afghanistan — Power was seized on Sunday."
    names = [(0, "KABUL", "kabul"), (0, "Afghanistan", "afghanistan")]
    assert summary(read([sentence], names, cues)) == [("takeover", (), "2021-08-22")]


def test_a_preposition_ending_a_cue_keeps_its_actor_far_into_the_sentence(cues: Cues) -> None:
    sentence = (
        "Long after the negotiations in Doha had stalled and the last foreign diplomats "
        "had gone home, the city fell to the Taliban on Sunday."
    )
    assert sentence.index("Taliban") > 80
    (report,) = read([sentence], [(0, "Taliban", "taliban")], cues)
    assert (report.kind, report.participants) == ("takeover", ("taliban",))


def test_a_name_after_since_takes_part_only_as_the_subject_of_a_cue(cues: Cues) -> None:
    sentence = "Xi met the Taliban on Wednesday, the first time since the G7 in May."
    names = [(0, "Xi", "xi"), (0, "Taliban", "taliban"), (0, "G7", "g7")]
    assert summary(read([sentence], names, cues))[0][1] == ("taliban", "xi")
    seized = read(
        ["Talks resumed, the first since the Taliban seized power."],
        [(0, "Taliban", "taliban")],
        cues,
    )
    assert [(r.kind, r.participants) for r in seized] == [("takeover", ("taliban",))]


def test_a_summit_keeps_its_organisation_with_the_leaders(cues: Cues) -> None:
    sentence = "Xi and Putin attended a summit of the G7 on Monday."
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "G7", "g7")]
    assert summary(read([sentence], names, cues)) == [
        ("summit", ("g7", "putin", "xi"), "2021-08-23")
    ]


def test_an_unregistered_official_counts_for_the_country(cues: Cues) -> None:
    sentence = "Xi held talks with the Russian prime minister on Monday."
    names = [(0, "Xi", "xi"), (0, "Russian", "russia")]
    assert summary(read([sentence], names, cues)) == [("meeting", ("russia", "xi"), "2021-08-23")]


def test_a_summit_named_as_the_setting_is_an_event_of_its_own(cues: Cues) -> None:
    sentence = "Xi and Putin held talks on Monday on the sidelines of a G7 summit."
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "G7", "g7")]
    assert summary(read([sentence], names, cues)) == [
        ("meeting", ("putin", "xi"), "2021-08-23"),
        ("summit", ("g7",), "2021-08-23"),  # when the talks set in it were
    ]


def test_a_summit_as_the_setting_is_when_the_event_set_in_it_is(cues: Cues) -> None:
    sentence = "Xi and Putin are expected to meet again in September at the summit of the G7."
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "G7", "g7")]
    found = read([sentence], names, cues)
    assert summary(found) == [
        ("meeting", ("putin", "xi"), "2021-09"),
        ("summit", ("g7",), "2021-09"),
    ]
    assert found[1].rule == "date-of-the-event-set-in-it"


def test_a_date_told_before_a_setting_is_its_sentences_verbs(cues: Cues) -> None:
    sentence = "Kaag flew into Rome today, stealing the show at the G7 summit."
    found = read([sentence], [(0, "Kaag", "kaag"), (0, "G7", "g7")], cues)
    assert summary(found) == [("summit", ("g7",), "")]


def test_talks_on_the_sidelines_are_on_the_day_of_the_summit_told_before(cues: Cues) -> None:
    paragraphs = ["The G7 held a summit on Monday.", "On the sidelines, Xi held talks with Putin."]
    names = [(0, "G7", "g7"), (1, "Xi", "xi"), (1, "Putin", "putin")]
    talks = read(paragraphs, names, cues)[1]
    assert (talks.participants, talks.value, talks.rule) == (
        ("putin", "xi"),
        "2021-08-23",
        "day-of-the-summit",
    )


def test_a_when_clause_takes_the_date_of_the_clause_it_hangs_on(cues: Cues) -> None:
    sentence = "The deal was settled on Monday, when Xi met Putin."
    (report,) = read([sentence], [(0, "Xi", "xi"), (0, "Putin", "putin")], cues)
    assert (report.value, report.rule) == ("2021-08-23", "date-of-main-clause")


def test_as_the_two_leaders_met_is_the_time_told_before(cues: Cues) -> None:
    sentence = "Xi told Putin on Monday that they would work together, as the two leaders met."
    (report,) = read([sentence], [(0, "Xi", "xi"), (0, "Putin", "putin")], cues)
    assert (report.participants, report.value, report.rule) == (
        ("putin", "xi"),
        "2021-08-23",
        "date-of-main-clause",
    )


def test_the_bloc_is_the_organisation_named_before(cues: Cues) -> None:
    paragraphs = ["Xi praised the G7.", "Leaders of the bloc will hold a summit next month."]
    found = read(paragraphs, [(0, "G7", "g7")], cues)
    assert summary(found) == [("summit", ("g7",), "2021-09")]
    assert found[0].refers_back == "bloc"


def test_an_undated_briefing_is_the_articles_own_occasion(cues: Cues) -> None:
    (report,) = read(
        ["Kaag told a news conference that all went well."], [(0, "Kaag", "kaag")], cues
    )
    assert (report.kind, report.value, report.rule) == ("statement", "2021-08-26", "article-date")
    assert "Thursday 26 August 2021" in report.explanation


def test_an_attribution_closing_the_sentence_is_no_statement(cues: Cues) -> None:
    sentence = "Xi and Putin spoke by phone on Tuesday, the ministry said in a statement."
    found = read([sentence], [(0, "Xi", "xi"), (0, "Putin", "putin")], cues)
    assert summary(found) == [("call", ("putin", "xi"), "2021-08-24")]


def test_talks_naming_nobody_and_no_time_are_no_event(cues: Cues) -> None:
    assert read(["Accession talks normally take years."], [], cues) == []


# ---- articles written for the tests, read with the real mention matcher ---------


def read_fixture(name: str, cues: Cues) -> list[Report]:
    """A fixture article: ``published: YYYY-MM-DD``, then paragraphs, blank-line separated."""
    head, *texts = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").strip().split("\n\n")
    published = datetime.date.fromisoformat(head.removeprefix("published:").strip())
    registry = load_registry(FIXTURES / "entities.yaml")
    types = {entity.id: entity.type for entity in registry.entities.values()}
    paragraphs = [Paragraph(f"p{i + 1}", text) for i, text in enumerate(texts)]
    mentions = Matcher(registry).find(texts)
    return extract_reports(ArticleText(name, published, paragraphs), mentions, types, cues)


def rows(reports: Sequence[Report]) -> list[tuple[str, ...]]:
    return [
        (r.paragraph, r.kind, ",".join(r.participants), r.date_text, r.value, r.rule)
        for r in reports
    ]


def test_article_of_a_friday_in_march(cues: Cues) -> None:
    assert rows(read_fixture("2022-03-04-paris-berlin", cues)) == [
        ("p1", "call", "emmanuel-macron,olaf-scholz", "on Thursday", "2022-03-03",
         "weekday-before-publication"),
        ("p2", "meeting", "emmanuel-macron,recep-tayyip-erdogan", "Earlier in the day",
         "2022-03-03", "same-day-as-anchor"),
        ("p2", "meeting", "emmanuel-macron,olaf-scholz", "next Tuesday", "2022-03-08",
         "next-weekday"),
        ("p3", "meeting", "nato", "on Friday", "2022-03-04", "weekday-before-publication"),
        ("p3", "takeover", "russia", "on Wednesday", "2022-03-02", "weekday-before-publication"),
    ]  # fmt: skip


def test_article_across_the_new_year(cues: Cues) -> None:
    found = read_fixture("2022-01-03-islamabad", cues)
    assert rows(found) == [
        ("p1", "meeting", "shah-mahmood-qureshi,wang-yi", "on Friday", "2021-12-31",
         "weekday-before-publication"),
        ("p1", "call", "shah-mahmood-qureshi,wang-yi", "two days later", "2022-01-02",
         "offset-from-anchor"),
        ("p2", "statement", "shah-mahmood-qureshi,wang-yi", "December 30", "2021-12-30",
         "explicit-date-previous-year"),
        ("p2", "summit", "pakistan", "next month", "2022-02", "next-month"),
        ("p3", "statement", "mevlut-cavusoglu", "on Monday", "2022-01-03",
         "weekday-before-publication"),
    ]  # fmt: skip
    assert [r.refers_back for r in found[1:3]] == ["They", "the two sides"]


def test_article_published_on_the_day_named(cues: Cues) -> None:
    (report,) = read_fixture("2021-08-15-kabul", cues)
    assert (report.kind, report.participants, report.cues, report.value) == (
        "takeover",
        ("taliban",),
        ("fell to",),
        "2021-08-15",
    )


@pytest.mark.parametrize("name", ["2022-03-04-paris-berlin", "2022-01-03-islamabad"])
def test_reports_quote_their_sentence_and_cue_words(name: str, cues: Cues) -> None:
    texts = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").strip().split("\n\n")[1:]
    for report in read_fixture(name, cues):
        paragraph = texts[int(report.paragraph.removeprefix("p")) - 1]
        assert paragraph[report.quote_start : report.quote_end] == report.quote
        assert all(cue in report.quote for cue in report.cues)
        assert report.date_text in report.quote
        assert report.article == name


# ---- rules for news wording in other styles (issue 10) ---------------------------

FRI_4_MAR = datetime.date(2022, 3, 4)


def rules(reports: Sequence[Report]) -> list[tuple[str, tuple[str, ...], str, str]]:
    return [(r.kind, r.participants, r.value, r.rule) for r in reports]


def test_a_countrys_ministry_acts_for_it(cues: Cues) -> None:
    sentence = (
        "Türkiye's Ministry of Foreign Affairs said in a statement on Thursday that it hoped."
    )
    found = read([sentence], [(0, "Türkiye", "turkey")], cues, FRI_4_MAR)
    assert summary(found) == [("statement", ("turkey",), "2022-03-03")]


def test_remarks_at_a_meeting_told_before_are_part_of_it(cues: Cues) -> None:
    text = ["Xi met Putin on Thursday.", "In opening remarks, Putin thanked Xi."]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (1, "Putin", "putin"), (1, "Xi", "xi")]
    assert summary(read(text, names, cues, FRI_4_MAR)) == [
        ("meeting", ("putin", "xi"), "2022-03-03")
    ]


def test_an_update_label_dates_its_paragraph_and_those_after_it(cues: Cues) -> None:
    text = [
        "Xi met Putin on Tuesday.",
        "Update, 10 March: On Thursday Xi announced a plan.",
        "On Wednesday Xi met Putin again.",
    ]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (1, "Xi", "xi"), (2, "Xi", "xi")]
    names.append((2, "Putin", "putin"))
    found = read(text, names, cues, FRI_4_MAR)
    assert [r.value for r in found] == ["2022-03-01", "2022-03-10", "2022-03-09"]
    assert "update of Thursday 10 March 2022" in found[1].explanation


def test_a_summit_on_whose_eve_talks_are_held_is_the_next_day(cues: Cues) -> None:
    sentence = "Xi met Putin on Thursday, on the eve of the G7 summit."
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "G7", "g7")]
    assert rules(read([sentence], names, cues, FRI_4_MAR)) == [
        ("meeting", ("putin", "xi"), "2022-03-03", "weekday-before-publication"),
        ("summit", ("g7",), "2022-03-04", "day-after-its-eve"),
    ]


def test_a_date_after_the_setting_is_the_event_set_in_it(cues: Cues) -> None:
    sentence = "Xi met Putin on the sidelines of the G7 summit on Thursday."
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (0, "G7", "g7")]
    assert rules(read([sentence], names, cues, FRI_4_MAR)) == [
        ("meeting", ("putin", "xi"), "2022-03-03", "weekday-before-publication"),
        ("summit", ("g7",), "2022-03-03", "date-of-the-event-set-in-it"),
    ]


def test_an_undated_present_perfect_in_the_lead_is_the_days_news(cues: Cues) -> None:
    text = ["Xi and Putin have held talks in Moscow.", "Xi and Putin have held talks before."]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (1, "Xi", "xi"), (1, "Putin", "putin")]
    assert [(r.value, r.rule) for r in read(text, names, cues, FRI_4_MAR)] == [
        ("2022-03-04", "present-perfect-lead"),
        ("", "no-date-words"),
    ]


def test_whose_and_a_pronoun_before_a_participle_clause_name_the_subject(cues: Cues) -> None:
    text = [
        "Modi urged the G7, whose leaders meet in Rome, to act.",
        "Putin arrived on Thursday. He was greeted by officials before heading to talks with Xi.",
    ]
    names = [(0, "Modi", "modi"), (0, "G7", "g7"), (1, "Putin", "putin"), (1, "Xi", "xi")]
    assert summary(read(text, names, cues, FRI_4_MAR)) == [
        ("summit", ("g7",), ""),
        ("meeting", ("putin", "xi"), "2022-03-03"),  # the day the sentence before tells
    ]


def test_the_countries_whose_delegations_held_talks_are_its_sides(cues: Cues) -> None:
    sentence = (
        "At the initiative of President Xi, talks were held between delegations of Russia"
        " and the Republic of Iran, and concluded on Friday."
    )
    names = [(0, "Xi", "xi"), (0, "Russia", "russia"), (0, "Iran", "iran")]
    assert summary(read([sentence], names, cues, FRI_4_MAR)) == [
        ("meeting", ("iran", "russia"), "2022-03-04")
    ]


def test_a_noun_names_whose_the_event_told_by_nobody_was(cues: Cues) -> None:
    text = ["Leaders meeting in Rome on Thursday called for calm.", "The G7 summit ended late."]
    found = read(text, [(1, "G7", "g7")], cues, FRI_4_MAR)
    assert summary(found) == [("summit", ("g7",), "2022-03-03"), ("summit", ("g7",), "")]


def test_an_event_after_a_scene_setting_sentence_takes_its_day(cues: Cues) -> None:
    text = ["The carpet was laid out on 3 March. Putin walked into the G7 summit hall."]
    names = [(0, "Putin", "putin"), (0, "G7", "g7")]
    assert rules(read(text, names, cues, FRI_4_MAR)) == [
        ("summit", ("g7", "putin"), "2022-03-03", "date-of-the-scene")
    ]


def test_a_takeover_naming_nobody_is_by_the_body_the_sentence_opens_with(cues: Cues) -> None:
    sentence = "The MNDAA, one of three groups, said its fighters entered the town on Thursday."
    found = read([sentence], [(0, "MNDAA", "mndaa")], cues, FRI_4_MAR)
    assert summary(found) == [("takeover", ("mndaa",), "2022-03-03")]


def test_trips_admissions_and_speaker_labels_are_no_meetings(cues: Cues) -> None:
    text = [
        "Putin is due to travel to Harbin on Friday for a fair.",
        "Xi welcomed Russia as the bloc's newest member.",
        "Putin spoke with Xi by phone on Thursday.",
        "Kaag: During the call, the two leaders agreed.",
    ]
    names = [(0, "Putin", "putin"), (1, "Xi", "xi"), (1, "Russia", "russia")]
    names += [(2, "Putin", "putin"), (2, "Xi", "xi"), (3, "Kaag", "kaag")]
    found = read(text, names, cues, FRI_4_MAR)
    assert summary(found) == [
        ("call", ("putin", "xi"), "2022-03-03"),
        ("call", ("putin", "xi"), ""),  # the call named again, not Kaag's
    ]


def test_a_meeting_with_one_side_named_is_met_by_the_sentences_subject(cues: Cues) -> None:
    sentence = (
        "President Putin acknowledged on Thursday that China had concerns, in a meeting with Xi."
    )
    names = [(0, "Putin", "putin"), (0, "China", "china"), (0, "Xi", "xi")]
    assert summary(read([sentence], names, cues, FRI_4_MAR))[0][:2] == ("meeting", ("putin", "xi"))


def test_that_day_and_the_day_before_count_from_the_event_told_before(cues: Cues) -> None:
    text = [
        "Xi met Putin on Thursday.",
        "Modi held talks with Putin the day before. Xi is due to meet Modi that day.",
        "Modi said on Friday there was hope, after holding talks with Xi.",
    ]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (1, "Modi", "modi"), (1, "Putin", "putin")]
    names += [(1, "Xi", "xi"), (1, "Modi", "modi"), (2, "Modi", "modi"), (2, "Xi", "xi")]
    assert rules(read(text, names, cues, FRI_4_MAR)) == [
        ("meeting", ("putin", "xi"), "2022-03-03", "weekday-before-publication"),
        ("meeting", ("modi", "putin"), "2022-03-02", "day-told-before"),
        ("meeting", ("modi", "xi"), "2022-03-03", "day-told-before"),
        ("meeting", ("modi", "xi"), "2022-03-04", "date-of-main-clause"),
    ]


def test_a_sentence_ending_in_a_semicolon_is_read_like_any_other(cues: Cues) -> None:
    # Its last clause is empty: the look for "the day before" there found no text at all.
    text = ["Xi met Putin on Thursday;", "Modi held talks with Putin;"]
    names = [(0, "Xi", "xi"), (0, "Putin", "putin"), (1, "Modi", "modi"), (1, "Putin", "putin")]
    assert summary(read(text, names, cues, FRI_4_MAR)) == [
        ("meeting", ("putin", "xi"), "2022-03-03"),
        ("meeting", ("modi", "putin"), ""),
    ]


def test_one_person_meeting_several_one_by_one_has_as_many_meetings(cues: Cues) -> None:
    sentence = "On Friday Putin is due to meet India's prime minister, Modi, and China's Xi."
    names = [(0, "Putin", "putin"), (0, "Modi", "modi"), (0, "Xi", "xi")]
    assert summary(read([sentence], names, cues, FRI_4_MAR)) == [
        ("meeting", ("modi", "putin"), "2022-03-04"),
        ("meeting", ("putin", "xi"), "2022-03-04"),
    ]
    together = "Putin, Modi and Xi met on Friday."
    names = [(0, "Putin", "putin"), (0, "Modi", "modi"), (0, "Xi", "xi")]
    assert summary(read([together], names, cues, FRI_4_MAR)) == [
        ("meeting", ("modi", "putin", "xi"), "2022-03-04")
    ]


def test_a_takeover_by_their_fighters_after_a_present_main_clause(cues: Cues) -> None:
    sentence = (
        "The Taliban are tightening their grip on Kabul, a day after their fighters swept"
        " into the city and President Kaag fled the country."
    )
    names = [(0, "Taliban", "taliban"), (0, "Kabul", "kabul"), (0, "Kaag", "kaag")]
    found = read([sentence], names, cues, datetime.date(2021, 8, 16))
    assert rules(found) == [("takeover", ("taliban",), "2021-08-15", "offset-from-publication")]
    both = "Through a phone call on Tuesday, Putin and China's President Xi expressed hopes."
    names = [(0, "Putin", "putin"), (0, "China", "china"), (0, "Xi", "xi")]
    assert summary(read([both], names, cues))[0][:2] == ("call", ("putin", "xi"))


def test_the_body_whose_leaders_the_next_sentence_names_held_the_summit(cues: Cues) -> None:
    text = ["The answer came at a summit in Rome on Thursday. Leaders of the G7 gave a week."]
    assert summary(read(text, [(0, "G7", "g7")], cues, FRI_4_MAR)) == [
        ("summit", ("g7",), "2022-03-03")
    ]


def test_power_seized_in_a_city_is_the_country_the_registry_puts_it_in(cues: Cues) -> None:
    sentence = "Officers seized power in Kabul on 15 August."
    within = {"kabul": "afghanistan"}
    names = [(0, "Kabul", "kabul")]
    assert summary(read([sentence], names, cues, within=within)) == [
        ("takeover", ("afghanistan",), "2021-08-15")
    ]
    assert summary(read([sentence], names, cues)) == [("takeover", (), "2021-08-15")]
    captured = "The Taliban seized Kabul on 15 August."  # the city taken, not power in it
    names = [(0, "Taliban", "taliban"), (0, "Kabul", "kabul")]
    assert summary(read([captured], names, cues, within=within)) == [
        ("takeover", ("kabul", "taliban"), "2021-08-15")
    ]


def test_soldiers_of_a_country_named_before_a_takeover_are_that_country(cues: Cues) -> None:
    sentence = "Soldiers in Turkey announced on Wednesday that they had removed Kaag from power."
    names = [(0, "Turkey", "turkey"), (0, "Kaag", "kaag")]
    assert rules(read([sentence], names, cues, FRI_4_MAR)) == [
        ("takeover", ("kaag", "turkey"), "2022-03-02", "date-of-announcement")
    ]
    diplomats = "Diplomats in Turkey said that the army had seized power."
    assert summary(read([diplomats], names[:1], cues, FRI_4_MAR)) == []


def test_what_an_announcement_says_had_been_done_was_done_by_its_day(cues: Cues) -> None:
    done = "The Taliban said on Wednesday that their fighters had seized Kabul."
    names = [(0, "Taliban", "taliban"), (0, "Kabul", "kabul")]
    assert rules(read([done], names, cues, FRI_4_MAR)) == [
        ("takeover", ("kabul", "taliban"), "2022-03-02", "date-of-announcement")
    ]
    dated = "The Taliban said on Wednesday that their fighters had seized Kabul on Monday."
    assert summary(read([dated], names, cues, FRI_4_MAR)) == [  # a date of its own first
        ("takeover", ("kabul", "taliban"), "2022-02-28")
    ]
