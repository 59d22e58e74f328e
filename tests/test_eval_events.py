"""The event benchmark (``bench/eval_events.py``): its matching rules, and its figures.

The figures on the development corpus and on the held-out clippings (written
after the rules; see bench/README.md for how far they are still held out) are
asserted exactly, so that a change to
the cue words, the extraction or the merging shows up here with its effect; the
table in ``bench/README.md`` is the same run. Change them only together, after
reading ``python bench/eval_events.py --errors``.
"""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from archive.chronology.periods import precision_of
from archive.chronology.reports import Report

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_events", ROOT / "bench" / "eval_events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()


def gold(kind: str = "meeting", participants: tuple[str, ...] = ("putin", "xi")) -> object:
    return bench.GoldEvent(
        ident="ev-x",
        clipping="c01",
        kind=kind,
        participants=frozenset(participants),
        one_sided=kind not in ("call", "meeting") or len(participants) < 2,
        date="2021-08-25",
        quote="held talks",
        paragraph="p1",
        start=10,
        end=20,
    )


def found(
    kind: str = "meeting",
    participants: tuple[str, ...] = ("putin", "xi"),
    span: tuple[int, int] = (0, 40),
    value: str = "2021-08-25",
) -> Report:
    return Report(
        article="c01",
        published=datetime.date(2021, 8, 26),
        paragraph="p1",
        quote="x" * (span[1] - span[0]),
        quote_start=span[0],
        quote_end=span[1],
        kind=kind,
        participants=participants,
        cues=("held talks",),
        date_text="",
        value=value,
        precision=precision_of(value),
        rule="",
        explanation="",
    )


@pytest.mark.parametrize(
    ("report", "event", "pairs"),
    [
        (found(), gold(), True),
        (found(span=(25, 60)), gold(), False),  # another sentence
        (found(kind="summit"), gold(), True),  # meeting and summit are near kinds
        (found(kind="call"), gold(), False),
        (found(participants=("xi",)), gold(), False),  # a meeting needs both sides
        (found(participants=("xi", "putin", "a", "b", "c")), gold(), False),  # mostly wrong
        (found("summit", ("g7",)), gold("summit", ("g7", "putin", "xi")), True),
    ],
)
def test_pairing_rules(report: Report, event: object, pairs: bool) -> None:
    assert bench.pairs_with(report, event) is pairs


def test_date_right_is_the_exact_gold_value_or_a_week_inside_its_month() -> None:
    assert bench.date_right("2021-08-25", "2021-08-25")
    assert not bench.date_right("2021-08", "2021-08-25")
    assert not bench.date_right("2021-08-25?", "2021-08-25")
    assert bench.date_right("2021-W33", "2021-08")
    assert not bench.date_right("2021-W35", "2021-08")  # 30 August to 5 September


def test_every_dated_gold_event_is_read_and_undated_clippings_are_left_out() -> None:
    clippings = bench.read_gold(bench.CORPUS)
    assert len(clippings) == 38
    assert sum(len(c.events) for c in clippings) == 139
    for clipping in clippings:
        for event in clipping.events:
            paragraph = clipping.paragraphs[int(event.paragraph[1:]) - 1]
            assert paragraph[event.start : event.end] == event.quote


def test_figures_on_the_development_corpus() -> None:
    assert bench.evaluate().to_dict() == EXPECTED


def test_figures_on_the_held_out_clippings_with_the_corpus_registry() -> None:
    assert not (bench.HELD_OUT / "entities.yaml").exists()  # the parent's registry is read
    assert bench.evaluate(bench.HELD_OUT).to_dict() == HELD_OUT


EXPECTED = {
    "counts": {
        "gold": 139,
        "reports": 176,
        "found": 121,
        "repeats": 42,
        "date_right": 116,
        "kind_exact": 116,
        "merge_tp": 59,
        "merge_found": 61,
        "merge_gold": 65,
        "disagreeing": 5,
        "flagged": 5,
        "false_flags": 0,
    },
    "figures": {
        "recall": 87.1,
        "precision": 92.6,
        "date_right": 95.9,
        "kind_exact": 95.9,
        "merge_precision": 96.7,
        "merge_recall": 90.8,
        "merge_f1": 93.7,
    },
}  # python bench/eval_events.py --json

HELD_OUT = {
    "counts": {
        "gold": 29,
        "reports": 45,
        "found": 24,
        "repeats": 9,
        "date_right": 20,
        "kind_exact": 24,
        "merge_tp": 3,
        "merge_found": 3,
        "merge_gold": 3,
        "disagreeing": 0,
        "flagged": 0,
        "false_flags": 0,
    },
    "figures": {
        "recall": 82.8,
        "precision": 73.3,
        "date_right": 83.3,
        "kind_exact": 100.0,
        "merge_precision": 100.0,
        "merge_recall": 100.0,
        "merge_f1": 100.0,
    },
}  # python bench/eval_events.py --json --corpus tests/fixtures/corpus/held-out
