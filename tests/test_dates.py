"""Date phrases: explicit dates, and relative ones resolved against the publication date.

Every expected value below is a calendar fact worked out by hand (25 August 2021
was a Wednesday, 1 January 2021 a Friday, 1 January 2022 a Saturday, 2020 had 53
ISO weeks), never taken from the code's output.
"""

from __future__ import annotations

import datetime

import pytest

from archive.dates import find_explicit_dates, resolve_dates, tense_at

D = datetime.date


# ---- explicit dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "value", "year_given"),
    [
        ("2021-08-25", "2021-08-25", D(2021, 8, 25), True),
        ("Aug. 25, 2021 (EIRNS)—China's President", "Aug. 25, 2021", D(2021, 8, 25), True),
        ("On August 16, 2021, State Councilor", "August 16, 2021", D(2021, 8, 16), True),
        ("Published 25 August 2021", "25 August 2021", D(2021, 8, 25), True),
        ("Stand: 25.08.2021, 10:00", "25.08.2021", D(2021, 8, 25), True),
        ("Posted 25/08/2021", "25/08/2021", D(2021, 8, 25), True),
        ("Posted 3-9-2021", "3-9-2021", D(2021, 9, 3), True),
        (
            "Wednesday, August 25, 2021 10:30 GMT",
            "Wednesday, August 25, 2021",
            D(2021, 8, 25),
            True,
        ),
        ("on the 25th of August", "25th of August", D(2019, 8, 25), False),
        ("seized power on August 15, two weeks", "August 15", D(2019, 8, 15), False),
        ("Aug 25 talks", "Aug 25", D(2019, 8, 25), False),
        ("by Sept. 3 at the latest", "Sept. 3", D(2019, 9, 3), False),
    ],
)
def test_explicit_dates_are_found_with_their_exact_words(
    text: str, words: str, value: D, year_given: bool
) -> None:
    (found,) = find_explicit_dates(text, default_year=2019)
    assert text[found.start : found.end] == found.text == words
    assert (found.value, found.year_given) == (value, year_given)


def test_without_a_default_year_a_yearless_date_has_no_value() -> None:
    (found,) = find_explicit_dates("Aug 25")
    assert (found.value, found.month, found.day, found.year) == (None, 8, 25, None)


def test_month_and_year_is_month_precision() -> None:
    (found,) = find_explicit_dates("in August 2021, the Taliban")
    assert (found.text, found.precision, found.value, found.year, found.month) == (
        "August 2021",
        "month",
        None,
        2021,
        8,
    )


@pytest.mark.parametrize(
    "text",
    [
        "on 25.08 the talks",  # day and month without a year
        "February 30, 2021",
        "31/04/2021",  # April has 30 days
        "February 29, 2021",  # not a leap year
        "you may 5 times ask",  # "may" is a verb
        "version 1.25.08.2021",
    ],
)
def test_nothing_is_invented(text: str) -> None:
    assert find_explicit_dates(text, default_year=2021) == []


def test_february_29_without_a_year_is_kept_without_a_value() -> None:
    (found,) = find_explicit_dates("on February 29")
    assert (found.value, found.day) == (None, 29)
    assert find_explicit_dates("on February 29", default_year=2021) == []


def test_several_dates_in_text_order() -> None:
    found = find_explicit_dates("Between 2 March 2021 and Aug. 25, 2021 nothing", 2021)
    assert [f.text for f in found] == ["2 March 2021", "Aug. 25, 2021"]


# ---- resolution against the publication date -----------------------------------

WED_25_AUG = D(2021, 8, 25)

# (sentence, published, words, value, precision, rule)
TABLE = [
    # a bare weekday: the latest such day on or before publication
    ("The ministers spoke on Tuesday.", WED_25_AUG, "on Tuesday", "2021-08-24", "day",
     "weekday-before-publication"),
    ("The ministers spoke on Wednesday.", WED_25_AUG, "on Wednesday", "2021-08-25", "day",
     "weekday-before-publication"),
    ("The ministers spoke on Thursday.", WED_25_AUG, "on Thursday", "2021-08-19", "day",
     "weekday-before-publication"),
    ("Talks were held on Saturday.", D(2021, 9, 1), "on Saturday", "2021-08-28", "day",
     "weekday-before-publication"),
    ("The leaders met on Thursday.", D(2022, 1, 1), "on Thursday", "2021-12-30", "day",
     "weekday-before-publication"),
    ("The envoy arrived on Friday.", D(2021, 1, 1), "on Friday", "2021-01-01", "day",
     "weekday-before-publication"),
    ("The envoy arrived on Sunday.", D(2021, 1, 1), "on Sunday", "2020-12-27", "day",
     "weekday-before-publication"),
    ("Tuesday's call lasted an hour.", WED_25_AUG, "Tuesday", "2021-08-24", "day",
     "weekday-before-publication"),
    # future wording moves forward
    ("The foreign ministers will meet on Tuesday.", WED_25_AUG, "on Tuesday", "2021-08-31",
     "day", "future-weekday"),
    ("The envoys will meet on Wednesday.", WED_25_AUG, "on Wednesday", "2021-08-25", "day",
     "future-weekday"),
    ("A summit is scheduled for Friday.", WED_25_AUG, "Friday", "2021-08-27", "day",
     "future-weekday"),
    ("Parliament is set to vote on Monday.", D(2021, 12, 29), "on Monday", "2022-01-03", "day",
     "future-weekday"),
    ("The delegations meet next Tuesday.", D(2021, 8, 31), "next Tuesday", "2021-09-07", "day",
     "next-weekday"),
    ("The delegations met last Tuesday.", D(2021, 8, 31), "last Tuesday", "2021-08-24", "day",
     "last-weekday"),
    # days, weeks, months and years named from the publication date
    ("The minister spoke yesterday.", D(2021, 3, 1), "yesterday", "2021-02-28", "day",
     "yesterday"),
    ("The minister spoke yesterday.", D(2020, 3, 1), "yesterday", "2020-02-29", "day",
     "yesterday"),
    ("They discussed it by phone today.", WED_25_AUG, "today", "2021-08-25", "day", "today"),
    ("The vote is tomorrow.", D(2021, 12, 31), "tomorrow", "2022-01-01", "day", "tomorrow"),
    ("The envoys met this week.", WED_25_AUG, "this week", "2021-W34", "week", "this-week"),
    ("The envoys met last week.", D(2021, 8, 26), "last week", "2021-W33", "week", "last-week"),
    ("The envoys met last week.", D(2021, 1, 6), "last week", "2020-W53", "week", "last-week"),
    ("Last month, China hosted a delegation.", D(2021, 8, 26), "Last month", "2021-07", "month",
     "last-month"),
    ("Last month, China hosted a delegation.", D(2022, 1, 10), "Last month", "2021-12", "month",
     "last-month"),
    ("Last month, China hosted a delegation.", D(2021, 3, 31), "Last month", "2021-02", "month",
     "last-month"),
    ("Talks resume next month.", D(2021, 12, 15), "next month", "2022-01", "month", "next-month"),
    ("It was agreed last year.", D(2021, 1, 4), "last year", "2020", "year", "last-year"),
    # months without a day
    ("The leaders will hold a summit in mid-September.", WED_25_AUG, "in mid-September",
     "2021-09", "month", "part-of-month"),
    ("Troops left by the end of June.", WED_25_AUG, "the end of June", "2021-06", "month",
     "part-of-month"),
    ("In October, the rebels captured the town.", D(2022, 2, 1), "In October", "2021-10", "month",
     "month-name-previous-year"),
    # explicit dates, with and without a year
    ("On August 16, 2021, Wang Yi had a phone conversation.", D(2021, 8, 17), "August 16, 2021",
     "2021-08-16", "day", "explicit-date"),
    ("The statement of 25.08.2021 said so.", D(2021, 8, 30), "25.08.2021", "2021-08-25", "day",
     "explicit-date"),
    ("On Wednesday, August 25, 2021, they spoke.", D(2021, 8, 30), "Wednesday, August 25, 2021",
     "2021-08-25", "day", "explicit-date"),
    ("On Wednesday, August 24, 2021, they spoke.", D(2021, 8, 30), "Wednesday, August 24, 2021",
     "2021-08-24?", "day", "explicit-date"),
    ("Kabul fell in August 2021.", D(2022, 3, 1), "August 2021", "2021-08", "month",
     "explicit-month"),
    ("The Taliban seized power on August 15.", D(2021, 8, 26), "August 15", "2021-08-15", "day",
     "explicit-date-year-from-publication"),
    ("The deadline is Sept. 3.", D(2021, 8, 26), "Sept. 3", "2021-09-03", "day",
     "explicit-date-year-from-publication"),
    ("The treaty was signed on December 30.", D(2022, 1, 3), "December 30", "2021-12-30", "day",
     "explicit-date-previous-year"),
    ("Talks will resume on January 5.", D(2021, 12, 20), "January 5", "2022-01-05", "day",
     "explicit-date-next-year"),
    # anchored to another event, without an anchor: unknown
    ("Earlier in the day, Modi spoke to Putin.", D(2021, 8, 26), "Earlier in the day", "",
     "unknown", "same-day-as-anchor"),
    ("They met a day after the summit.", D(2021, 8, 26), "a day after", "", "unknown",
     "offset-from-anchor"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "published", "words", "value", "precision", "rule"), TABLE)
def test_resolution_table(
    sentence: str, published: D, words: str, value: str, precision: str, rule: str
) -> None:
    (resolved,) = resolve_dates(sentence, published)
    assert sentence[resolved.start : resolved.end] == resolved.text == words
    assert (resolved.value, resolved.precision, resolved.rule) == (value, precision, rule)
    assert resolved.published == published


# (sentence, anchor, words, value, offset in days)
ANCHORED = [
    ("Earlier in the day, Modi spoke to Putin.", WED_25_AUG, "Earlier in the day", "2021-08-25", 0),
    ("Later that day the ministers met.", D(2021, 12, 31), "Later that day", "2021-12-31", 0),
    ("They spoke on the same day.", WED_25_AUG, "on the same day", "2021-08-25", 0),
    # "X, a day after Y": Y came a day before X
    ("Xi called Putin, a day after G-7 leaders met.", WED_25_AUG, "a day after", "2021-08-24", -1),
    ("Xi called Putin, two days before the summit opened.", WED_25_AUG, "two days before",
     "2021-08-27", 2),
    ("Xi called Putin the day after the vote.", D(2021, 3, 1), "the day after", "2021-02-28", -1),
    # "A week later, Y": Y came after the earlier event
    ("A week later, the envoys met again.", WED_25_AUG, "A week later", "2021-09-01", 7),
    ("Three days earlier, the envoys met.", D(2021, 1, 2), "Three days earlier", "2020-12-30", -3),
    ("The next day, the envoys met.", D(2021, 12, 31), "The next day", "2022-01-01", 1),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "anchor", "words", "value", "offset"), ANCHORED)
def test_anchored_expressions_use_the_anchor(
    sentence: str, anchor: D, words: str, value: str, offset: int
) -> None:
    (resolved,) = resolve_dates(sentence, D(2022, 6, 1), anchor=anchor)
    assert resolved.text == words
    assert (resolved.value, resolved.precision, resolved.offset_days) == (value, "day", offset)


def test_each_expression_of_a_sentence_has_its_own_tense() -> None:
    sentence = "Xi and Putin spoke on Wednesday and will meet again on Friday."
    found = resolve_dates(sentence, WED_25_AUG)
    assert [(r.text, r.value, r.rule) for r in found] == [
        ("on Wednesday", "2021-08-25", "weekday-before-publication"),
        ("on Friday", "2021-08-27", "future-weekday"),
    ]


def test_explicit_date_wins_over_its_weekday() -> None:
    (resolved,) = resolve_dates("They met on Tuesday, August 24, 2021.", D(2021, 9, 1))
    assert (resolved.text, resolved.value) == ("Tuesday, August 24, 2021", "2021-08-24")


def test_a_date_and_an_offset_in_one_sentence() -> None:
    sentence = "The Taliban seized power on August 15, two weeks before the withdrawal."
    found = resolve_dates(sentence, D(2021, 8, 26))
    assert [(r.text, r.value, r.offset_days) for r in found] == [
        ("August 15", "2021-08-15", None),
        ("two weeks before", "", 14),
    ]


def test_explanation_gives_words_publication_date_and_result() -> None:
    (resolved,) = resolve_dates("The call was made on Tuesday.", WED_25_AUG)
    assert resolved.explanation.startswith(
        "'on Tuesday', in an article published Wednesday 25 August 2021: "
    )
    assert resolved.explanation.endswith("Tuesday 24 August 2021")


def test_explanation_of_a_month() -> None:
    (resolved,) = resolve_dates("Last month, China hosted them.", D(2021, 8, 26))
    assert resolved.explanation == (
        "'Last month', in an article published Thursday 26 August 2021: July 2021"
    )


def test_sentence_without_date_words() -> None:
    assert resolve_dates("Xi and Putin held a phone conversation.", WED_25_AUG) == []


@pytest.mark.parametrize(
    ("sentence", "words", "tense"),
    [
        ("The leaders will hold a summit in September.", "in September", "future"),
        ("The armed groups are to meet on Friday.", "on Friday", "future"),
        ("The minister said the envoys will meet on Friday.", "on Friday", "future"),
        ("The talks held on Monday were useful.", "on Monday", "past"),
        ("The armed groups on Monday.", "on Monday", "none"),
        (
            "Wang also held a call with Lavrov on Monday, and they agreed to meet.",
            "on Monday",
            "past",
        ),
        ("The newly elected leader meets them on Monday.", "on Monday", "none"),
        (
            "The group urged ECOWAS, whose leaders meet in Abuja on Sunday, to wait.",
            "on Sunday",
            "none",
        ),
    ],
)
def test_tense_of_the_nearest_verb_group(sentence: str, words: str, tense: str) -> None:
    start = sentence.index(words)
    assert tense_at(sentence, start, start + len(words)) == tense


def test_the_same_day_names_its_day_once() -> None:
    published, anchor = datetime.date(2021, 8, 26), datetime.date(2021, 8, 25)
    [same] = resolve_dates("Earlier in the day, Modi spoke to Putin.", published, anchor)
    assert same.value == "2021-08-25"
    assert same.explanation.count("Wednesday 25 August 2021") == 1
