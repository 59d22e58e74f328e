"""TimeML documents and the TempEval-3 way of scoring time expressions against them.

A TimeML file (TimeML 1.2.1) gives the document creation time (DCT) and the text
with every time expression tagged ``<TIMEX3 type=... value=...>``. The benchmark
and the regression test both read gold files with :func:`read_timeml` and score a
system with :func:`score`, so the figures asserted in tests are computed exactly
as the published ones: extraction precision/recall/F1, strict (same span) and
relaxed (overlapping span), value accuracy on the relaxed matches, and value F1 =
accuracy × relaxed F1 (UzZaman et al., SemEval-2013 Task 1).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Protocol

from archive.dates.engine import find_time_expressions

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([A-Za-z]+)="([^"]*)"')
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


class TimeMLError(ValueError):
    """A file that is not TimeML as the scorer needs it (no DCT, no TEXT)."""


@dataclass(frozen=True)
class Timex:
    """A time expression: where it is in the text, its TimeML type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    dct: datetime.date
    text: str
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The DCT, the plain text of ``<TEXT>`` and its TIMEX3 tags, with offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct, body = _DCT.search(raw), _TEXT.search(raw)
    if dct is None or body is None:
        raise TimeMLError(f"{path}:1: no <DCT> value or no <TEXT> in this TimeML file")
    text, timexes = _strip_tags(body.group(1))
    return TimeMLDocument(path.stem, _day(dct.group(1)), text, tuple(timexes))


def _day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value[:10])


def _strip_tags(marked: str) -> tuple[str, list[Timex]]:
    """The text without tags, and the TIMEX3 spans in it (entities decoded)."""
    parts: list[str] = []
    length = 0
    opened: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    position = 0
    for tag in _TAG.finditer(marked):
        chunk = unescape(marked[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3" or tag.group(4):
            continue
        if not tag.group(1):
            opened = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
        elif opened is not None:
            start, attributes = opened
            words = "".join(parts)[start:length]
            timexes.append(
                Timex(start, length, words, attributes.get("type", ""), attributes.get("value", ""))
            )
            opened = None
    parts.append(unescape(marked[position:]))
    return "".join(parts), timexes


def read_corpus(folder: Path) -> list[TimeMLDocument]:
    return [read_timeml(path) for path in sorted(folder.glob("*.tml"))]


def rules_system(text: str, dct: datetime.date) -> list[Timex]:
    """This package's reader as the scorer sees it (the benchmark and the tests score this)."""
    return [
        Timex(e.start, e.end, e.text, e.type, e.value) for e in find_time_expressions(text, dct)
    ]


class System(Protocol):
    """What is scored: the expressions a tagger finds in a text, given its DCT."""

    def __call__(self, text: str, dct: datetime.date, /) -> Sequence[Timex]: ...


@dataclass
class Scores:
    """Counts over a set of documents, and the figures the field reports from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_right: int = 0
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: list[dict[str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """Percentages, rounded to one decimal as published tables are."""
        strict_p, strict_r = _ratio(self.strict, self.system), _ratio(self.strict, self.gold)
        relaxed_p, relaxed_r = _ratio(self.relaxed, self.system), _ratio(self.relaxed, self.gold)
        relaxed_f = _f1(relaxed_p, relaxed_r)
        accuracy = _ratio(self.value_right, self.relaxed)
        raw = {
            "strict_p": strict_p,
            "strict_r": strict_r,
            "strict_f1": _f1(strict_p, strict_r),
            "relaxed_p": relaxed_p,
            "relaxed_r": relaxed_r,
            "relaxed_f1": relaxed_f,
            "value_accuracy": accuracy,
            "value_f1": accuracy * relaxed_f,
        }
        return {name: round(100 * number, 1) for name, number in raw.items()}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(
    documents: Iterable[TimeMLDocument], system: System, types: frozenset[str] | None = None
) -> Scores:
    """Score ``system`` on ``documents``; ``types`` limits gold and answers to those types."""
    scores = Scores()
    for document in documents:
        found = system(document.text, document.dct)
        gold = [t for t in document.timexes if types is None or t.type in types]
        answers = [t for t in found if types is None or t.type in types]
        _score_document(document, gold, answers, scores)
    return scores


def _score_document(
    document: TimeMLDocument, gold: list[Timex], answers: list[Timex], scores: Scores
) -> None:
    scores.gold += len(gold)
    scores.system += len(answers)
    unmatched = list(answers)
    for expected in gold:
        match = next(
            (a for a in unmatched if a.start < expected.end and expected.start < a.end), None
        )
        if match is None:
            _error(scores, document, "missed", expected, None)
            continue
        unmatched.remove(match)
        scores.relaxed += 1
        scores.strict += (match.start, match.end) == (expected.start, expected.end)
        if match.value == expected.value:
            scores.value_right += 1
        else:
            _error(scores, document, "wrong value", expected, match)
    for spurious in unmatched:
        _error(scores, document, "spurious", spurious, None)


def _error(
    scores: Scores, document: TimeMLDocument, kind: str, timex: Timex, answer: Timex | None
) -> None:
    scores.errors[(kind, expression_class(timex))] += 1
    example = {"doc": document.name, "kind": kind, "text": timex.text, "type": timex.type}
    example["gold" if kind != "spurious" else "answer"] = timex.value
    if answer is not None:
        example |= {"answer": answer.value, "answer_text": answer.text}
    scores.examples.append(example)


_RELATIVE_WORDS = re.compile(
    r"\b(?:ago|last|next|this|these|earlier|later|previous|coming|past|recent|yesterday|today"
    r"|tomorrow|tonight|following|same|current|now)\b",
    re.I,
)
_WEEKDAY_WORDS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def expression_class(timex: Timex) -> str:
    """A coarse class of an expression for the error table, from its type, words and value."""
    value = timex.value
    if timex.type in ("SET", "DURATION", "TIME"):
        return timex.type.lower()
    if value.endswith("_REF"):
        return "ref"
    if _WEEKDAY_WORDS.search(timex.text):
        return "weekday"
    if re.search(r"-(?:Q\d|H\d|SP|SU|FA|WI)$", value) or value.startswith("FY"):
        return "quarter/season"
    if _RELATIVE_WORDS.search(timex.text):
        return "relative"
    shapes = {r"\d{4}": "year", r"\d{4}-\d\d": "month", r"\d{4}-\d\d-\d\d": "day"}
    shapes |= {r"\d{4}-W\d\d": "week", r"\d{2,3}X*|\d{2,3}": "decade/century"}
    return next((name for shape, name in shapes.items() if re.fullmatch(shape, value)), "other")
