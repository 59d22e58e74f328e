"""Every class of time expression, with TimeML type and value worked out by hand.

Calendar facts used: 7 August 1998 was a Friday (ISO week 32); 26 October 1989
a Thursday; 3 January 2022 a Monday; Thanksgiving 1999 fell on 25 November;
Easter 2000 on 23 April.
"""

from __future__ import annotations

import datetime

import pytest

from archive.dates import find_time_expressions, resolve_dates, tense_at

D = datetime.date
FRI_7_AUG_1998 = D(1998, 8, 7)
THU_26_OCT_1989 = D(1989, 10, 26)

# (class, sentence, DCT, words, type, value)
CASES = [
    # years, ranges, decades, centuries, spelled years
    ("year", "The dam was built in 1953.", FRI_7_AUG_1998, "1953", "DATE", "1953"),
    ("year", "Sales fell in fiscal 1989.", THU_26_OCT_1989, "fiscal 1989", "DATE", "1989"),
    ("range", "The plan covers 2009-2010.", FRI_7_AUG_1998, "2009", "DATE", "2009"),
    ("range", "The plan covers 2009-2010.", FRI_7_AUG_1998, "2010", "DATE", "2010"),
    ("range", "The summit opens on April 24-25.", D(1999, 2, 10), "25", "DATE", "1999-04-25"),
    ("range", "Talks ran Aug. 3 and 5, 1997.", FRI_7_AUG_1998, "Aug. 3", "DATE", "1997-08-03"),
    ("decade", "Prices soared in the 1970s.", FRI_7_AUG_1998, "the 1970s", "DATE", "197X"),
    ("decade", "It began in the nineties.", FRI_7_AUG_1998, "the nineties", "DATE", "199X"),
    ("century", "It was the worst of the 20th century.", FRI_7_AUG_1998, "the 20th century",
     "DATE", "19XX"),
    ("spelled", "He left in nineteen ninety-six.", FRI_7_AUG_1998, "nineteen ninety-six",
     "DATE", "1996"),
    ("modifier", "Growth slowed in early 2011.", FRI_7_AUG_1998, "early 2011", "DATE", "2011"),
    # months, with and without a year word
    ("month", "Talks resumed in June.", FRI_7_AUG_1998, "June", "DATE", "1998-06"),
    ("month", "They met last June.", FRI_7_AUG_1998, "last June", "DATE", "1998-06"),
    ("month", "They met last August.", FRI_7_AUG_1998, "last August", "DATE", "1997-08"),
    ("month", "They met last July.", FRI_7_AUG_1998, "last July", "DATE", "1998-07"),
    ("month", "It opened in June last year.", FRI_7_AUG_1998, "June last year", "DATE",
     "1997-06"),
    ("month", "It opens in January this year.", FRI_7_AUG_1998, "January this year", "DATE",
     "1998-01"),
    ("month", "The vote came in late July.", FRI_7_AUG_1998, "late July", "DATE", "1998-07"),
    # seasons and quarters
    ("season", "The drought began last summer.", FRI_7_AUG_1998, "last summer", "DATE",
     "1997-SU"),
    ("season", "Work starts this fall.", FRI_7_AUG_1998, "this fall", "DATE", "1998-FA"),
    ("quarter", "Profit rose in the third quarter.", THU_26_OCT_1989, "the third quarter",
     "DATE", "1989-Q3"),
    ("quarter", "Third-quarter profit rose.", THU_26_OCT_1989, "Third-quarter", "DATE",
     "1989-Q3"),
    ("quarter", "A quarter of the staff left.", THU_26_OCT_1989, None, None, None),
    # weekdays, deictic days, weeks
    ("weekday", "Bombs exploded Friday.", FRI_7_AUG_1998, "Friday", "DATE", "1998-08-07"),
    ("weekday", "The envoy arrived on Tuesday.", FRI_7_AUG_1998, "Tuesday", "DATE",
     "1998-08-04"),
    ("weekday", "The envoy will arrive on Tuesday.", FRI_7_AUG_1998, "Tuesday", "DATE",
     "1998-08-11"),
    ("deictic", "He spoke yesterday.", FRI_7_AUG_1998, "yesterday", "DATE", "1998-08-06"),
    ("week", "They met last week.", FRI_7_AUG_1998, "last week", "DATE", "1998-W31"),
    ("weekend", "Rallies are planned for the weekend.", FRI_7_AUG_1998, "the weekend", "DATE",
     "1998-W32-WE"),
    # counted from publication, and from the last date named
    ("ago", "He left four years ago.", FRI_7_AUG_1998, "four years ago", "DATE", "1994"),
    ("ago", "It closed two weeks ago.", FRI_7_AUG_1998, "two weeks ago", "DATE", "1998-W30"),
    ("ago", "It opened three days ago.", FRI_7_AUG_1998, "three days ago", "DATE", "1998-08-04"),
    # references
    ("ref", "Prices are now higher.", FRI_7_AUG_1998, "now", "DATE", "PRESENT_REF"),
    ("ref", "It is currently closed.", FRI_7_AUG_1998, "currently", "DATE", "PRESENT_REF"),
    ("ref", "He recently resigned.", FRI_7_AUG_1998, "recently", "DATE", "PAST_REF"),
    ("ref", "It may change in the future.", FRI_7_AUG_1998, "the future", "DATE", "FUTURE_REF"),
    ("ref", "Now that it rains, we stay.", FRI_7_AUG_1998, None, None, None),
    # durations
    ("duration", "The talks lasted three days.", FRI_7_AUG_1998, "three days", "DURATION",
     "P3D"),
    ("duration", "He signed a two-year contract.", FRI_7_AUG_1998, "two-year", "DURATION",
     "P2Y"),
    ("duration", "Rates rose over the past six months.", FRI_7_AUG_1998, "the past six months",
     "DURATION", "P6M"),
    ("duration", "It took several years.", FRI_7_AUG_1998, "several years", "DURATION", "PXY"),
    ("duration", "The strike lasted five hours.", FRI_7_AUG_1998, "five hours", "DURATION",
     "PT5H"),
    ("duration", "A 45-year-old man was hurt.", FRI_7_AUG_1998, None, None, None),
    # sets
    ("set", "The paper appears daily.", FRI_7_AUG_1998, "daily", "SET", "P1D"),
    ("set", "They meet every two weeks.", FRI_7_AUG_1998, "every two weeks", "SET", "P2W"),
    ("set", "The fair opens each July.", FRI_7_AUG_1998, "each July", "SET", "XXXX-07"),
    ("set", "The club meets every Thursday.", FRI_7_AUG_1998, "every Thursday", "SET",
     "XXXX-WXX-4"),
    # times of day
    ("time", "The blast came at 10:30 a.m.", FRI_7_AUG_1998, "10:30 a.m.", "TIME",
     "1998-08-07T10:30"),
    ("time", "Polls close at 8 p.m. Thursday.", FRI_7_AUG_1998, "8 p.m. Thursday", "TIME",
     "1998-08-06T20:00"),
    ("time", "He spoke this morning.", FRI_7_AUG_1998, "this morning", "TIME", "1998-08-07TMO"),
    ("time", "Shots rang out last night.", FRI_7_AUG_1998, "last night", "TIME",
     "1998-08-06TNI"),
    # holidays
    ("holiday", "Stores close on Thanksgiving Day.", D(1999, 11, 20), "Thanksgiving Day",
     "DATE", "1999-11-25"),
    ("holiday", "Pilgrims arrived for Easter.", D(2000, 4, 17), "Easter", "DATE", "2000-04-23"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("category", "sentence", "dct", "words", "kind", "value"),
    CASES,
    ids=[f"{c[0]}:{c[1]}" for c in CASES],
)
def test_expression_class(
    category: str,
    sentence: str,
    dct: D,
    words: str | None,
    kind: str | None,
    value: str | None,
) -> None:
    found = find_time_expressions(sentence, dct)
    if words is None:
        assert found == []
        return
    (expression,) = [e for e in found if e.text == words]
    assert sentence[expression.start : expression.end] == words
    assert (expression.type, expression.value) == (kind, value)
    assert expression.published == dct and expression.rule


def test_a_year_earlier_counts_from_the_quarter_reported() -> None:
    text = "Third-quarter profit rose 5%. Sales were $4 million a year earlier."
    found = find_time_expressions(text, THU_26_OCT_1989)
    assert [(e.text, e.value) for e in found] == [
        ("Third-quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
    ]


def test_a_count_after_a_date_is_no_second_day() -> None:
    found = find_time_expressions("On Aug. 3 and 5 people died.", FRI_7_AUG_1998)
    assert [(e.text, e.value) for e in found] == [("Aug. 3", "1998-08-03")]


def test_offsets_keep_both_spans() -> None:
    sentence = "Xi called Putin, two days before the summit opened."
    (expression,) = find_time_expressions(sentence, FRI_7_AUG_1998)
    assert (expression.text, expression.type, expression.value) == ("two days", "DURATION", "P2D")
    phrase = sentence[expression.phrase_start : expression.phrase_end]
    assert (phrase, expression.offset_days) == ("two days before", 2)


def test_offsets_across_sentences_of_a_text() -> None:
    text = "The talks opened on Aug. 3. A week later, the envoys left."
    found = find_time_expressions(text, FRI_7_AUG_1998)
    assert [(e.text, e.value) for e in found] == [
        ("Aug. 3", "1998-08-03"),
        ("A week later", "1998-08-10"),
    ]
    assert [text[e.start : e.end] for e in found] == ["Aug. 3", "A week later"]


def test_precision_rule_and_explanation_are_kept() -> None:
    (expression,) = find_time_expressions("The drought began last summer.", FRI_7_AUG_1998)
    assert (expression.precision, expression.rule) == ("season", "season")
    assert expression.explanation.startswith(
        "'last summer', in an article published Friday 7 August 1998: "
    )


# ---- direction: the governing verb ------------------------------------------------

MON_3_JAN_2022 = D(2022, 1, 3)


@pytest.mark.parametrize(
    ("sentence", "words", "tense"),
    [
        ("Troops would leave on Friday.", "Friday", "future"),
        ("The team planned to leave on Thursday.", "Thursday", "future"),
        ("On Friday, the government planned to pay the claims.", "Friday", "past"),
        ("Leaders are due to meet on Friday.", "Friday", "future"),
        ("The dividend is payable Dec. 1.", "Dec. 1", "future"),
        ("Troops will withdraw on Friday, the Kremlin said.", "Friday", "future"),
        ("On Friday, the Kremlin said troops will withdraw.", "Friday", "past"),
        ("A summit would still be held on April 24.", "April 24", "future"),
        ("The report published on Monday is long.", "Monday", "none"),
        ("The report was published on Monday.", "Monday", "past"),
    ],
)
def test_tense_of_the_governing_verb(sentence: str, words: str, tense: str) -> None:
    start = sentence.index(words)
    assert tense_at(sentence, start, start + len(words)) == tense


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # no clear tense: the reading nearest publication, even in the other year
        ("The deadline is December 30.", "2021-12-30"),
        ("The deadline is January 14.", "2022-01-14"),
        # clearly past, but the nearest reading is only days away: still the nearest
        ("He said it happened on January 5.", "2022-01-05"),
        # clearly future about a month long gone: the year after
        ("The vote will take place on October 2.", "2022-10-02"),
        # clearly past about a month far ahead: the year before
        ("The deal was signed on September 9.", "2021-09-09"),
    ],
)
def test_yearless_dates_default_to_the_nearest_reading(sentence: str, value: str) -> None:
    (resolved,) = resolve_dates(sentence, MON_3_JAN_2022)
    assert resolved.value == value


# ---- what events get from resolve_dates -------------------------------------------


def test_resolve_dates_leaves_out_what_dates_no_event() -> None:
    sentence = "Now the talks, which lasted three days in 1998, meet daily."
    found = resolve_dates(sentence, FRI_7_AUG_1998)
    assert [(r.text, r.value, r.precision) for r in found] == [("1998", "1998", "year")]


def test_resolve_dates_gives_a_time_of_day_as_its_day() -> None:
    (resolved,) = resolve_dates("The blast came at 10:30 a.m. Thursday.", FRI_7_AUG_1998)
    assert (resolved.text, resolved.value, resolved.precision) == (
        "10:30 a.m. Thursday",
        "1998-08-06",
        "day",
    )


@pytest.mark.parametrize("dct", [D(1, 1, 1), D(9999, 12, 31)])
@pytest.mark.parametrize(
    "sentence",
    ["They met last Friday and will meet next January.", "It ended 10000000000 days later."],
)
def test_readings_beyond_the_calendar_are_left_out_without_a_crash(dct: D, sentence: str) -> None:
    for expression in find_time_expressions(sentence, dct):
        assert expression.value  # whatever is read has a value; nothing raises
