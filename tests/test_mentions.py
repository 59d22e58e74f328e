"""Entity mentions: hand-written articles that stress the rules (the seeds: test_shipped_site).

Every test runs with both scanners: they must agree on everything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from archive.entities.candidates import Candidate, candidates
from archive.entities.mentions import AutomatonScanner, Matcher, Mention, RegexScanner, Scanner
from archive.entities.registry import Claim, Registry, load_registry

ROOT = Path(__file__).resolve().parents[1]

TEST_REGISTRY = """\
- id: wang-yi
  name: Wang Yi
  type: person
  surname: Wang
  role: State Councilor and Foreign Minister
- id: wang-yu
  name: Wang Yu
  type: person
  surname: Wang
  role: Ambassador to Afghanistan
- id: wang-wenbin
  name: Wang Wenbin
  type: person
  surname: Wang
  role: Foreign ministry spokesman
- id: xi-jinping
  name: Xi Jinping
  type: person
  surname: Xi
  aliases: [the Chinese leader]
  role: President
- id: wang-yi-institute
  name: Wang Yi Institute
  type: organization
- id: xinhua
  name: Xinhua
  type: organization
- id: peoples-daily
  name: People's Daily
  type: organization
- id: china
  name: China
  type: place
  aliases: [Chinese]
- id: russia
  name: Russia
  type: place
  aliases: [Russian]
- id: united-states
  name: United States
  type: place
  aliases: [US, U.S.]
- id: netherlands
  name: Netherlands
  type: place
  aliases: [Dutch]
- id: xinjiang
  name: Xinjiang
  type: place
- id: south-china-sea
  name: South China Sea
  type: place
"""


@pytest.fixture(params=[AutomatonScanner, RegexScanner], ids=["automaton", "regex"])
def scanner(request: pytest.FixtureRequest) -> Callable[[Mapping[str, Claim]], Scanner]:
    return request.param


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    path = tmp_path / "entities.yaml"
    path.write_text(TEST_REGISTRY, encoding="utf-8")
    return load_registry(path)


@pytest.fixture
def matcher(registry: Registry, scanner: Callable[[Mapping[str, Claim]], Scanner]) -> Matcher:
    return Matcher(registry, scanner)


def found(matcher: Matcher, *texts: str) -> list[tuple[str, str, str]]:
    """What was found, as (text, entity, how), in text order."""
    return [(m.text, m.entity_id, m.how) for m in matcher.find(texts)]


# ---- surnames ---------------------------------------------------------------


def test_a_bare_surname_refers_to_the_latest_full_mention_of_a_person_with_it(
    matcher: Matcher,
) -> None:
    assert found(
        matcher,
        "Wang Yi met Wang Yu in Kabul.",
        "Wang said the talks went well.",
        "Later Wang Yi spoke. Wang added a word.",
    ) == [
        ("Wang Yi", "wang-yi", "alias"),
        ("Wang Yu", "wang-yu", "alias"),
        ("Wang", "wang-yu", "surname"),
        ("Wang Yi", "wang-yi", "alias"),
        ("Wang", "wang-yi", "surname"),
    ]


def test_a_surname_before_any_full_mention_stays_unlinked(matcher: Matcher) -> None:
    assert found(matcher, "Wang arrived first.", "Then Wang Wenbin spoke and Wang answered.") == [
        ("Wang Wenbin", "wang-wenbin", "alias"),
        ("Wang", "wang-wenbin", "surname"),
    ]


def test_a_full_mention_in_another_article_does_not_count(matcher: Matcher) -> None:
    assert found(matcher, "Wang Yi spoke.") == [("Wang Yi", "wang-yi", "alias")]
    assert found(matcher, "Wang said more.") == []


def test_a_title_before_a_surname_prefers_the_person_whose_role_has_it(matcher: Matcher) -> None:
    assert found(
        matcher,
        "Ambassador Wang Yu met foreign ministry spokesman Wang Wenbin.",
        "Later Ambassador Wang said so, spokesman Wang agreed, and Wang left.",
        "Chinese ambassador Wang stayed.",
    ) == [
        ("Wang Yu", "wang-yu", "alias"),
        ("Wang Wenbin", "wang-wenbin", "alias"),
        ("Wang", "wang-yu", "surname"),  # most recent is Wang Wenbin, but he is no ambassador
        ("Wang", "wang-wenbin", "surname"),
        ("Wang", "wang-wenbin", "surname"),  # no title: the most recent
        ("Chinese", "china", "alias"),
        ("Wang", "wang-yu", "surname"),  # a title in lower case is a title too
    ]


def test_a_title_no_candidate_holds_falls_back_to_the_most_recent(matcher: Matcher) -> None:
    assert found(matcher, "Wang Yu and Wang Yi met.", "Mayor Wang said hello.")[-1] == (
        "Wang",
        "wang-yi",
        "surname",
    )


def test_a_surname_inside_an_unregistered_longer_name_stays_unlinked(matcher: Matcher) -> None:
    assert found(matcher, "Wang Yi spoke.", "Wang Yibo sang and Amy Wang danced.") == [
        ("Wang Yi", "wang-yi", "alias"),
    ]


def test_a_possessive_before_a_surname_is_not_part_of_a_name(matcher: Matcher) -> None:
    assert found(matcher, "Xi Jinping spoke. China's Xi listened.")[-1] == (
        "Xi",
        "xi-jinping",
        "surname",
    )


# ---- longest match, word boundaries, case -------------------------------------


def test_the_longest_alias_wins(matcher: Matcher) -> None:
    assert found(matcher, "The Wang Yi Institute invited Wang Yi to the South China Sea.") == [
        ("Wang Yi Institute", "wang-yi-institute", "alias"),
        ("Wang Yi", "wang-yi", "alias"),
        ("South China Sea", "south-china-sea", "alias"),
    ]


def test_xi_is_not_found_inside_a_word(matcher: Matcher) -> None:
    assert found(matcher, "Xi Jinping told Xinhua about Xinjiang; Xi said more.") == [
        ("Xi Jinping", "xi-jinping", "alias"),
        ("Xinhua", "xinhua", "alias"),
        ("Xinjiang", "xinjiang", "alias"),
        ("Xi", "xi-jinping", "surname"),
    ]


def test_case_matters(matcher: Matcher) -> None:
    assert found(matcher, "The US told us that the U.S. view is thus, in the USA and in usa.") == [
        ("US", "united-states", "alias"),
        ("U.S.", "united-states", "alias"),
    ]


def test_demonyms_and_a_hyphen_as_a_word_boundary(matcher: Matcher) -> None:
    assert found(
        matcher, "The Dutch minister told the Chinese side of the Sino-Russian treaty."
    ) == [
        ("Dutch", "netherlands", "alias"),
        ("Chinese", "china", "alias"),
        ("Russian", "russia", "alias"),
    ]


def test_a_lower_case_alias_also_matches_at_the_start_of_a_sentence(matcher: Matcher) -> None:
    assert found(
        matcher, "The Chinese leader spoke. Later the Chinese leader left. Xi smiled."
    ) == [
        ("The Chinese leader", "xi-jinping", "alias"),
        ("the Chinese leader", "xi-jinping", "alias"),
        ("Xi", "xi-jinping", "surname"),
    ]


def test_typographic_apostrophes_match_and_offsets_index_the_text_as_given(
    matcher: Matcher,
) -> None:
    text = "China’s People’s Daily reported."
    mentions = matcher.find([text])
    assert mentions == [
        Mention("china", 0, 0, 5, "China", "alias"),
        Mention("peoples-daily", 0, 8, 22, "People’s Daily", "alias"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_paragraph_numbers_follow_the_paragraphs_given(matcher: Matcher) -> None:
    assert [(m.paragraph, m.start) for m in matcher.find(["No one.", "", "Ask Xinhua."])] == [
        (2, 4)
    ]


# ---- candidates for the registry --------------------------------------------------

ARTICLES = {
    "a": [
        "Li Qiang met Wang Yi in Kabul on Tuesday.",
        "The visit to Kabul was short. On the way back, Li Qiang rested.",
    ],
    "b": ["Later, Foreign Minister Li Qiang spoke to the press.", "Wang said nothing."],
}


def test_candidates_are_recurring_names_no_alias_or_surname_covers(registry: Registry) -> None:
    example = "Li Qiang met Wang Yi in Kabul on Tuesday."
    assert candidates(ARTICLES, registry) == [
        Candidate("Li Qiang", 3, ("a", "b"), example, "a"),
        Candidate("Kabul", 2, ("a",), example, "a"),
    ]


def test_candidates_below_the_threshold_are_left_out(registry: Registry) -> None:
    assert [c.name for c in candidates(ARTICLES, registry, min_count=3)] == ["Li Qiang"]


def test_openings_titles_and_calendar_words_are_never_candidates(registry: Registry) -> None:
    # "The", "On", "Later" open sentences; "Foreign Minister" is a title; "Tuesday" a day.
    assert [c.name for c in candidates(ARTICLES, registry, min_count=1)] == ["Li Qiang", "Kabul"]


def test_a_day_or_month_name_before_a_surname_is_not_part_of_a_name(matcher: Matcher) -> None:
    assert found(matcher, "Xi Jinping spoke.", "On Thursday Xi left; in March Xi returned.") == [
        ("Xi Jinping", "xi-jinping", "alias"),
        ("Xi", "xi-jinping", "surname"),
        ("Xi", "xi-jinping", "surname"),
    ]


def test_a_titled_surname_with_one_bearer_of_the_title_needs_no_full_mention(
    matcher: Matcher,
) -> None:
    assert found(matcher, "Ambassador Wang arrived. Spokesman Wang spoke. Then Wang left.") == [
        ("Wang", "wang-yu", "surname"),
        ("Wang", "wang-wenbin", "surname"),
    ]  # the last "Wang" has no title and no full mention before it: unlinked


def matcher_of(
    tmp_path: Path, entries: str, scanner: Callable[[Mapping[str, Claim]], Scanner]
) -> Matcher:
    """A matcher over a registry of just ``entries`` (YAML)."""
    path = tmp_path / "entities.yaml"
    path.write_text(entries, encoding="utf-8")
    return Matcher(load_registry(path), scanner)


def test_a_name_with_a_middle_initial_and_a_lead_word_in_capitals(
    tmp_path: Path, scanner: Callable[[Mapping[str, Claim]], Scanner]
) -> None:
    entries = (
        "- id: vladimir-putin\n  name: Vladimir Putin\n  type: person\n  surname: Putin\n"
        "- id: nato\n  name: NATO\n  type: organization\n"
    )
    matcher = matcher_of(tmp_path, entries, scanner)
    assert found(matcher, "VLADIMIR Putin flew in.", "President Vladimir V. Putin spoke.") == [
        ("VLADIMIR Putin", "vladimir-putin", "alias"),
        ("Vladimir V. Putin", "vladimir-putin", "alias"),
    ]
    assert found(matcher, "NATO leaders met.") == [("NATO", "nato", "alias")]


def test_the_office_of_a_country_named_before_is_its_holder(
    tmp_path: Path, scanner: Callable[[Mapping[str, Claim]], Scanner]
) -> None:
    entries = (
        "- id: zelensky\n  name: Volodymyr Zelensky\n  type: person\n  surname: Zelensky\n"
        "  role: President of Ukraine\n"
        "- id: ukraine\n  name: Ukraine\n  type: place\n  aliases: [Ukrainian]\n"
    )
    matcher = matcher_of(tmp_path, entries, scanner)
    assert found(matcher, "The Ukrainian president spoke.") == [("Ukrainian", "ukraine", "alias")]
    assert found(
        matcher, "Volodymyr Zelensky flew in.", "The Ukrainian president spoke to Ukrainian troops."
    ) == [
        ("Volodymyr Zelensky", "zelensky", "alias"),
        ("Ukrainian president", "zelensky", "surname"),
        ("Ukrainian", "ukraine", "alias"),
    ]
