"""Precision and recall of the sentence pairing, on gold written for it.

Each file in ``tests/fixtures/align/`` is one event in several sources with the
pairs a reader would make (see that folder's README). A predicted pair is two
sentences of different sources that ``archive.compare.align`` puts on one row;
precision is the share of predicted pairs that are gold, recall the share of gold
pairs predicted, both over all files together.

    python bench/eval_align.py [--gold DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.compare.align import AlignOptions, Passage, SourceReport, align  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "align"
Ref = tuple[str, int]  # (source name, sentence index)
DEFAULT = AlignOptions()


@dataclass(frozen=True)
class GoldEvent:
    """One gold file: its reports, and the pairs a reader makes."""

    name: str
    reports: tuple[SourceReport, ...]
    pairs: frozenset[frozenset[Ref]]
    texts: dict[Ref, str]


@dataclass(frozen=True)
class Score:
    """Counts of one evaluation, and the pairs behind them."""

    true_positives: int
    false_positives: int
    false_negatives: int
    errors: tuple[str, ...]

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0


def _ref(text: str) -> Ref:
    source, _, index = text.rpartition(":")
    return source, int(index)


def load(path: Path) -> GoldEvent:
    """A gold file as reports (one paragraph ``s<i>`` per sentence) and gold pairs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    reports, texts = [], {}
    for source, items in data["sources"].items():
        paragraphs, passages = [], []
        for index, item in enumerate(items):
            text = item if isinstance(item, str) else item["text"]
            entities = frozenset(() if isinstance(item, str) else item.get("entities", ()))
            paragraphs.append((f"s{index}", text))
            passages.append(Passage(f"s{index}", 0, len(text), entities))
            texts[(source, index)] = text
        reports.append(SourceReport(source, tuple(paragraphs), tuple(passages)))
    pairs = set()
    for claim in data.get("pairs", []):
        members = [_ref(m) for m in claim]
        unknown = [m for m in members if m not in texts]
        if unknown:
            raise SystemExit(f"{path}: unknown sentence {unknown[0][0]}:{unknown[0][1]}")
        pairs |= {frozenset(p) for p in combinations(members, 2)}
    return GoldEvent(path.stem, tuple(reports), frozenset(pairs), texts)


def predicted_pairs(event: GoldEvent, options: AlignOptions) -> set[frozenset[Ref]]:
    """The cross-source pairs the aligner puts on one row."""
    comparison = align(event.reports, options)
    pairs = set()
    for row in comparison.rows:
        refs = {(c.sentence.article, int(c.sentence.paragraph[1:])) for c in row.cells}
        pairs |= {frozenset(p) for p in combinations(sorted(refs), 2)}
    return pairs


def evaluate(events: Iterable[GoldEvent], options: AlignOptions = DEFAULT) -> Score:
    """Precision and recall over all events together."""
    tp = fp = fn = 0
    errors = []
    for event in events:
        found = predicted_pairs(event, options)
        tp += len(found & event.pairs)
        for kind, pairs in (("false", found - event.pairs), ("missed", event.pairs - found)):
            for pair in sorted(pairs, key=sorted):
                a, b = sorted(pair)
                errors.append(f"{event.name}: {kind} {a[0]}:{a[1]} ~ {b[0]}:{b[1]}\n"
                              f"    {event.texts[a]}\n    {event.texts[b]}")  # fmt: skip
        fp += len(found - event.pairs)
        fn += len(event.pairs - found)
    return Score(tp, fp, fn, tuple(errors))


def gold_events(folder: Path = GOLD) -> list[GoldEvent]:
    """Every gold file in ``folder``, by name."""
    return [load(path) for path in sorted(folder.glob("*.yaml"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--verbose", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args(argv)
    events = gold_events(args.gold)
    options = DEFAULT
    started = time.perf_counter()
    score = evaluate(events, options)
    seconds = time.perf_counter() - started
    sentences = sum(len(e.texts) for e in events)
    if args.verbose:
        print("\n".join(score.errors))
    print(
        f"align: {len(events)} events, {sentences} sentences, "
        f"{score.true_positives + score.false_negatives} gold pairs: "
        f"precision {score.precision:.3f} ({score.true_positives}/"
        f"{score.true_positives + score.false_positives}), recall {score.recall:.3f} "
        f"({score.true_positives}/{score.true_positives + score.false_negatives}), "
        f"{seconds * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
