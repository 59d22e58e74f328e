"""The TempEval-3 scorer, and the reader's figures on the project's own TimeML documents.

``tests/fixtures/timeml/`` holds ten short news texts written for this project,
tagged by hand with TIMEX3 as the TimeML guidelines say (not as the reader
answers: three of its readings are wrong there on purpose, and so are counted).
The benchmark (``bench/eval_dates.py``) scores the TempEval-3 data the same way.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from archive.dates.timeml import (
    TimeMLError,
    Timex,
    expression_class,
    read_corpus,
    read_timeml,
    rules_system,
    score,
)

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"
DATE_ONLY = frozenset({"DATE"})


def _write(tmp_path: Path, text: str, dct: str = "2020-05-06") -> Path:
    path = tmp_path / "doc.tml"
    dct_tag = f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}">{dct}</TIMEX3></DCT>'
    path.write_text(f"<TimeML>{dct_tag}<TEXT>{text}</TEXT></TimeML>", encoding="utf-8")
    return path


def test_reading_gives_plain_text_offsets_and_decoded_entities(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        'A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" '
        'value="2020-05-05">yesterday</TIMEX3>, for <TIMEX3 tid="t2" type="DURATION" '
        'value="PT2H">two hours</TIMEX3>.',
    )
    document = read_timeml(path)
    assert document.dct == datetime.date(2020, 5, 6)
    assert document.text == "A & B met yesterday, for two hours."
    assert [(document.text[t.start : t.end], t.type, t.value) for t in document.timexes] == [
        ("yesterday", "DATE", "2020-05-05"),
        ("two hours", "DURATION", "PT2H"),
    ]


def test_a_file_without_dct_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>nothing</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(TimeMLError, match=r"bad\.tml:1: no <DCT>"):
        read_timeml(path)


def test_strict_relaxed_and_value_figures_by_hand(tmp_path: Path) -> None:
    # gold: "on Monday" (DATE), "last week" (DATE), "three days" (DURATION)
    path = _write(
        tmp_path,
        'Met <TIMEX3 type="DATE" value="2020-05-04">on Monday</TIMEX3> and '
        '<TIMEX3 type="DATE" value="2020-W18">last week</TIMEX3> for '
        '<TIMEX3 type="DURATION" value="P3D">three days</TIMEX3>.',
    )
    document = read_timeml(path)
    text = document.text

    def answers(_: str, __: datetime.date) -> list[Timex]:
        def at(words: str, kind: str, value: str) -> Timex:
            start = text.index(words)
            return Timex(start, start + len(words), words, kind, value)

        # "Monday" overlaps "on Monday" (relaxed only), "last week" exact but wrong value,
        # "three days" missed, "and" spurious.
        return [
            at("Monday", "DATE", "2020-05-04"),
            at("and", "DATE", "x"),
            at("last week", "DATE", "2020-W17"),
        ]

    scores = score([document], answers)
    assert (scores.gold, scores.system, scores.strict, scores.relaxed, scores.value_right) == (
        3,
        3,
        1,
        2,
        1,
    )
    figures = scores.figures()
    # P = R = 2/3 relaxed, 1/3 strict; accuracy 1/2; value F1 = 1/2 × 2/3
    assert (figures["relaxed_p"], figures["relaxed_r"], figures["relaxed_f1"]) == (66.7, 66.7, 66.7)
    assert (figures["strict_p"], figures["strict_f1"]) == (33.3, 33.3)
    assert (figures["value_accuracy"], figures["value_f1"]) == (50.0, 33.3)
    assert dict(scores.errors) == {
        ("missed", "duration"): 1,
        ("wrong value", "relative"): 1,
        ("spurious", "other"): 1,
    }
    assert score([document], answers, DATE_ONLY).gold == 2


@pytest.mark.parametrize(
    ("words", "kind", "value", "category"),
    [
        ("1953", "DATE", "1953", "year"),
        ("August 1998", "DATE", "1998-08", "month"),
        ("Aug. 7", "DATE", "1998-08-07", "day"),
        ("Friday", "DATE", "1998-08-07", "weekday"),
        ("four years ago", "DATE", "1994", "relative"),
        ("the third quarter", "DATE", "1998-Q3", "quarter/season"),
        ("the 1990s", "DATE", "199X", "decade/century"),
        ("now", "DATE", "PRESENT_REF", "ref"),
        ("three days", "DURATION", "P3D", "duration"),
        ("daily", "SET", "P1D", "set"),
    ],
)
def test_error_classes(words: str, kind: str, value: str, category: str) -> None:
    assert expression_class(Timex(0, len(words), words, kind, value)) == category


# ---- regression: the reader on the project's own TimeML documents -------------------


def test_fixture_documents_are_well_formed() -> None:
    documents = read_corpus(FIXTURES)
    assert len(documents) == 10
    for document in documents:
        for timex in document.timexes:
            assert document.text[timex.start : timex.end] == timex.text
            assert timex.type in ("DATE", "TIME", "DURATION", "SET") and timex.value


def test_figures_on_the_fixture_documents() -> None:
    documents = read_corpus(FIXTURES)
    dates = score(documents, rules_system, DATE_ONLY)
    every = score(documents, rules_system)
    assert (dates.gold, dates.system, dates.strict, dates.relaxed, dates.value_right) == (
        44,
        46,
        42,
        44,
        43,
    )
    assert (every.gold, every.system, every.strict, every.relaxed, every.value_right) == (
        59,
        58,
        56,
        58,
        55,
    )
    assert dates.figures()["value_f1"] == 95.6  # 43/44 × F1(44/46, 44/44)
    assert every.figures()["value_f1"] == 94.0  # 55/58 × F1(58/58, 58/59)


def test_errors_on_the_fixture_documents() -> None:
    every = score(read_corpus(FIXTURES), rules_system)
    found = sorted((e["doc"], e["kind"], e["text"]) for e in every.examples)
    assert found == [
        ("arrest", "wrong value", "Saturday night"),  # a weekday's part is read at day precision
        ("festival", "wrong value", "March"),  # "next year's event ... in March": year not carried
        ("quarterly_results", "missed", "quarterly"),  # left out: mostly untagged in TimeBank
        ("river_floods", "wrong value", "the coming months"),  # read as FUTURE_REF
    ]
