"""Events and merging against the gold events of the development corpus.

Every clipping of ``tests/fixtures/corpus`` that has a publication date is read
from its GOLD paragraphs and gold date (so that ingest's mistakes do not count
here): mentions by the project's matcher over the corpus registry, reports by
the event extractor with the shipped cue file, all reports of the corpus merged
into one chronology, no editors' corrections. Then:

Pairing a report with a gold event (of the same clipping)
    - kind: the same, or one ``meeting`` and the other ``summit`` (where talks of
      several parties end and a summit begins is a matter of wording; the exact
      kind is scored on its own line); a call and a meeting when the report
      leaves the medium open ("discussed ... with", "the conversation");
    - participants: for a call or meeting, both sides (two of the gold
      participants in common, or the one when gold has one, or when one of
      them is an organisation: a council's meeting is the council's); for a summit,
      statement or takeover, whose sources each name some of those present,
      one in common; either way at least half of the report's own participants
      must be in the gold (a list of mostly wrong names is no match);
    - text: the report's sentence overlaps the gold quote in the same paragraph.
    Reports and gold events are paired one to one, best pairs first (the
    sentence holds the whole quote, its cue words are in the quote, the same
    kind, the larger share of participants). A gold event is *found* when it is paired.
Repeat mentions
    Gold lists an occasion once per clipping, at its first clear quote. A report
    left unpaired that would pair (kind, participants) with a found gold event of
    its clipping and sits in the same chronology event as that event's report is
    a repeat mention: correct, but not counted again. Any other unpaired report
    is a false one.
Measures
    recall = found / gold events; precision = (paired + repeats) / reports; date
    right = found events whose report's value is exactly the gold date (its
    precision included; no date = null; the gold format has no weeks, so a
    week that lies within the gold month counts as right); kind exact = found events of the same
    kind; merges = pairwise precision and recall of "same occasion" over the
    paired reports (gold: the same gold id; found: the same chronology event);
    discrepancies = the gold occasions whose clippings give contradicting dates
    (neither contains the other) that are flagged (an event holding one of its
    reports has a date discrepancy), and the flagged events holding no such
    occasion (false flags).

The held-out clippings (``--corpus tests/fixtures/corpus/held-out``) are read
with the registry of the folder above, which they share.

    python bench/eval_events.py [--corpus DIR] [--cues FILE] [--json] [--errors]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.chronology.cues import load_cues  # noqa: E402
from archive.chronology.event import Event  # noqa: E402
from archive.chronology.merge import merge_reports  # noqa: E402
from archive.chronology.periods import period  # noqa: E402
from archive.chronology.reports import ArticleText, Report, extract_reports  # noqa: E402
from archive.entities.mentions import Matcher  # noqa: E402
from archive.entities.registry import load_registry, outermost  # noqa: E402
from archive.site.text import Paragraph  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
HELD_OUT = CORPUS / "held-out"
CUES = ROOT / "content" / "data" / "event_cues.yaml"
NEAR_KINDS = frozenset({"meeting", "summit"})
TWO_SIDED = frozenset({"call", "meeting"})


@dataclass(frozen=True)
class GoldEvent:
    """One gold event of one clipping, with where its quote is."""

    ident: str
    clipping: str
    kind: str
    participants: frozenset[str]
    one_sided: bool  # a call or meeting of one party, or of an organisation
    date: str  # "" for null
    quote: str
    paragraph: str  # "p3"
    start: int
    end: int


@dataclass(frozen=True)
class GoldClipping:
    name: str  # the clipping's file name without ".txt": the article slug
    published: datetime.date
    paragraphs: tuple[str, ...]
    events: tuple[GoldEvent, ...]


def registry_path(folder: Path) -> Path:
    """The folder's registry, or its parent's (the held-out folder shares the corpus one)."""
    own = folder / "entities.yaml"
    return own if own.exists() else folder.parent / "entities.yaml"


def read_gold(folder: Path) -> list[GoldClipping]:
    """The dated clippings' gold, in file order (undated clippings are left out)."""
    registry = load_registry(registry_path(folder))
    types = {entity.id: entity.type for entity in registry.entities.values()}
    clippings = []
    for path in sorted(folder.glob("*.gold.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if gold["date"] is None:
            continue
        name = gold["clipping"].removesuffix(".txt")
        paragraphs = tuple(gold["paragraphs"])
        events = tuple(_gold_event(name, paragraphs, e, types) for e in gold["events"] or ())
        clippings.append(GoldClipping(name, gold["date"], paragraphs, events))
    return clippings


def _gold_event(
    clipping: str, paragraphs: Sequence[str], event: dict[str, Any], types: dict[str, str]
) -> GoldEvent:
    quote = event["quote"]
    index = next(i for i, text in enumerate(paragraphs) if quote in text)
    start = paragraphs[index].index(quote)
    return GoldEvent(
        ident=event["id"],
        clipping=clipping,
        kind=event["kind"],
        participants=frozenset(event["participants"]),
        one_sided=event["kind"] not in TWO_SIDED
        or len(event["participants"]) < 2
        or any(types.get(p) == "organization" for p in event["participants"]),
        date=str(event["date"] or ""),
        quote=quote,
        paragraph=f"p{index + 1}",
        start=start,
        end=start + len(quote),
    )


def extract(clippings: Sequence[GoldClipping], corpus: Path, cues_path: Path) -> list[Event]:
    """The chronology of the corpus, as the site would build it without corrections."""
    registry = load_registry(registry_path(corpus))
    matcher, cues = Matcher(registry), load_cues(cues_path)
    types = {entity.id: entity.type for entity in registry.entities.values()}
    names = {entity.id: entity.name for entity in registry.entities.values()}
    reports: list[Report] = []
    for clipping in clippings:
        paragraphs = [Paragraph(f"p{i + 1}", t) for i, t in enumerate(clipping.paragraphs)]
        article = ArticleText(clipping.name, clipping.published, paragraphs)
        found = matcher.find(clipping.paragraphs)
        reports += extract_reports(article, found, types, cues, outermost(registry.entities))
    return merge_reports(reports, names)


# ---- pairing ---------------------------------------------------------------------


def kinds_agree(report: Report, gold: GoldEvent) -> bool:
    if report.unstated_medium and {report.kind, gold.kind} <= {"call", "meeting"}:
        return True
    return report.kind == gold.kind or {report.kind, gold.kind} <= NEAR_KINDS


def shared_enough(found: Iterable[str], gold: GoldEvent) -> bool:
    """The participants rule of the module's docstring."""
    mine = set(found)
    common = len(mine & gold.participants)
    if not mine and not gold.participants:
        return True
    needed = 1 if gold.one_sided else 2
    return common >= needed and 2 * common >= len(mine)


def overlaps(report: Report, gold: GoldEvent) -> bool:
    return (
        report.article == gold.clipping
        and report.paragraph == gold.paragraph
        and report.quote_start < gold.end
        and gold.start < report.quote_end
    )


def pairs_with(report: Report, gold: GoldEvent) -> bool:
    return (
        overlaps(report, gold)
        and kinds_agree(report, gold)
        and shared_enough(report.participants, gold)
    )


def _pair_rank(report: Report, gold: GoldEvent) -> tuple[Any, ...]:
    mine = set(report.participants)
    share = len(mine & gold.participants) / max(len(mine | gold.participants), 1)
    holds = report.quote_start <= gold.start and gold.end <= report.quote_end
    cued = any(cue in gold.quote for cue in report.cues)
    return (not holds, not cued, report.kind != gold.kind, -share, report.quote_start, gold.start)


def pair(reports: Sequence[Report], gold: Sequence[GoldEvent]) -> dict[int, GoldEvent]:
    """Report index -> its gold event, one to one, best pairs first."""
    candidates = [
        (_pair_rank(r, g), i, j)
        for i, r in enumerate(reports)
        for j, g in enumerate(gold)
        if pairs_with(r, g)
    ]
    paired: dict[int, GoldEvent] = {}
    taken: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in paired and j not in taken:
            paired[i] = gold[j]
            taken.add(j)
    return paired


# ---- scoring ---------------------------------------------------------------------


@dataclass
class Scores:
    """What the table shows, with the cases behind each figure for the error list."""

    gold: int = 0
    reports: int = 0
    found: int = 0
    repeats: int = 0
    date_right: int = 0
    kind_exact: int = 0
    merge_tp: int = 0
    merge_found: int = 0
    merge_gold: int = 0
    disagreeing: int = 0
    flagged: int = 0
    false_flags: int = 0
    missed: list[GoldEvent] = field(default_factory=list)
    false_reports: list[Report] = field(default_factory=list)
    wrong_dates: list[tuple[GoldEvent, Report]] = field(default_factory=list)
    wrong_merges: list[tuple[str, Report, Report]] = field(default_factory=list)
    unflagged: list[str] = field(default_factory=list)
    false_flagged: list[Event] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(100 * part / whole, 1) if whole else 100.0

        precision = share(self.merge_tp, self.merge_found)
        recall = share(self.merge_tp, self.merge_gold)
        merge_f1 = round(2 * precision * recall / (precision + recall), 1) if precision else 0.0
        return {
            "recall": share(self.found, self.gold),
            "precision": share(self.found + self.repeats, self.reports),
            "date_right": share(self.date_right, self.found),
            "kind_exact": share(self.kind_exact, self.found),
            "merge_precision": precision,
            "merge_recall": recall,
            "merge_f1": merge_f1,
        }

    def to_dict(self) -> dict[str, Any]:
        counts = {
            key: getattr(self, key)
            for key in ("gold", "reports", "found", "repeats", "date_right", "kind_exact")
        }
        counts |= {
            key: getattr(self, key)
            for key in ("merge_tp", "merge_found", "merge_gold", "disagreeing", "flagged")
        }
        counts["false_flags"] = self.false_flags
        return {"counts": counts, "figures": self.figures()}


def score(clippings: Sequence[GoldClipping], events: Sequence[Event]) -> Scores:
    """Compare the chronology with the gold (see the module's rules)."""
    scores = Scores()
    event_of = {id(r): e for e in events for r in e.reports}
    by_article: dict[str, list[Report]] = {}
    for event in events:
        for report in event.reports:
            by_article.setdefault(report.article, []).append(report)
    paired: list[tuple[Report, GoldEvent]] = []
    for clipping in clippings:
        reports = sorted(
            by_article.get(clipping.name, []), key=lambda r: (r.paragraph, r.quote_start)
        )
        matches = pair(reports, clipping.events)
        scores.gold += len(clipping.events)
        scores.reports += len(reports)
        scores.found += len(matches)
        found_events = {g.ident: event_of[id(reports[i])] for i, g in matches.items()}
        for index, report in enumerate(reports):
            if index in matches:
                continue
            if _repeat(report, clipping.events, found_events, event_of[id(report)]):
                scores.repeats += 1
            else:
                scores.false_reports.append(report)
        found_ids = set(found_events)
        scores.missed += [g for g in clipping.events if g.ident not in found_ids]
        paired += [(reports[i], g) for i, g in matches.items()]
    for report, gold in paired:
        scores.kind_exact += report.kind == gold.kind
        if date_right(report.value, gold.date):
            scores.date_right += 1
        else:
            scores.wrong_dates.append((gold, report))
    _score_merges(scores, paired, event_of)
    _score_discrepancies(scores, clippings, paired, event_of, events)
    return scores


def date_right(found: str, gold: str) -> bool:
    """The exact gold value; a week inside the gold month too (gold cannot write weeks)."""
    if found == gold:
        return True
    if "-W" not in found or len(gold) != len("2021-08"):
        return False
    (first, last), (start, end) = period(found), period(gold)
    return start <= first and last <= end


def _repeat(
    report: Report, gold: Sequence[GoldEvent], found: dict[str, Event], event: Event
) -> bool:
    return any(
        g.ident in found
        and found[g.ident] is event
        and kinds_agree(report, g)
        and shared_enough(report.participants, g)
        for g in gold
    )


def _score_merges(
    scores: Scores, paired: list[tuple[Report, GoldEvent]], event_of: dict[int, Event]
) -> None:
    for (first, gold_first), (second, gold_second) in combinations(paired, 2):
        same_gold = gold_first.ident == gold_second.ident
        same_found = event_of[id(first)] is event_of[id(second)]
        scores.merge_gold += same_gold
        scores.merge_found += same_found
        scores.merge_tp += same_gold and same_found
        if same_gold != same_found:
            what = "not merged" if same_gold else "wrongly merged"
            scores.wrong_merges.append((what, first, second))


def _score_discrepancies(
    scores: Scores,
    clippings: Sequence[GoldClipping],
    paired: list[tuple[Report, GoldEvent]],
    event_of: dict[int, Event],
    events: Sequence[Event],
) -> None:
    dates: dict[str, set[str]] = {}
    for clipping in clippings:
        for gold in clipping.events:
            if gold.date:
                dates.setdefault(gold.ident, set()).add(gold.date)
    disagreeing = {ident for ident, values in dates.items() if _contradict(values)}
    holding: dict[str, set[int]] = {}
    for report, gold in paired:
        holding.setdefault(gold.ident, set()).add(id(event_of[id(report)]))
    flagged_events = {id(e) for e in events if any(d.field == "date" for d in e.discrepancies)}
    scores.disagreeing = len(disagreeing)
    for ident in sorted(disagreeing):
        if holding.get(ident, set()) & flagged_events:
            scores.flagged += 1
        else:
            scores.unflagged.append(ident)
    true_events = {e for ident in disagreeing for e in holding.get(ident, set())}
    for event in events:
        if id(event) in flagged_events and id(event) not in true_events:
            scores.false_flags += 1
            scores.false_flagged.append(event)


def _contradict(values: set[str]) -> bool:
    def contains(outer: str, inner: str) -> bool:
        (a, b), (c, d) = period(outer), period(inner)
        return a <= c and d <= b

    return any(not contains(a, b) and not contains(b, a) for a, b in combinations(values, 2))


# ---- output ----------------------------------------------------------------------


def table(scores: Scores) -> str:
    figures = scores.figures()
    rows = [
        ("events: recall", f"{figures['recall']:.1f} %", f"{scores.found} / {scores.gold}"),
        (
            "events: precision",
            f"{figures['precision']:.1f} %",
            f"{scores.found} + {scores.repeats} repeats / {scores.reports} reports",
        ),
        (
            "date right (found events)",
            f"{figures['date_right']:.1f} %",
            f"{scores.date_right} / {scores.found}",
        ),
        (
            "kind exact (found events)",
            f"{figures['kind_exact']:.1f} %",
            f"{scores.kind_exact} / {scores.found}",
        ),
        (
            "merges: pairwise precision",
            f"{figures['merge_precision']:.1f} %",
            f"{scores.merge_tp} / {scores.merge_found}",
        ),
        (
            "merges: pairwise recall",
            f"{figures['merge_recall']:.1f} %",
            f"{scores.merge_tp} / {scores.merge_gold}",
        ),
        ("merges: pairwise F1", f"{figures['merge_f1']:.1f}", ""),
        ("disagreements flagged", "", f"{scores.flagged} / {scores.disagreeing}"),
        ("false flags", "", str(scores.false_flags)),
    ]
    lines = ["| measure | figure | count |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def _show(report: Report) -> str:
    people = ",".join(report.participants) or "-"
    return (
        f"{report.article} {report.paragraph} {report.kind} [{people}] "
        f"{report.value or 'undated'} ({report.rule}) cues={list(report.cues)}: {report.quote}"
    )


def errors(scores: Scores) -> str:
    """Every miss, false report, wrong date, wrong merge and flag, for error analysis."""
    lines = [f"## missed ({len(scores.missed)})"]
    lines += [
        f"{g.clipping} {g.paragraph} {g.ident} {g.kind} [{','.join(sorted(g.participants))}] "
        f"{g.date or 'undated'}: {g.quote}"
        for g in scores.missed
    ]
    lines.append(f"## false reports ({len(scores.false_reports)})")
    lines += [_show(r) for r in scores.false_reports]
    lines.append(f"## wrong dates ({len(scores.wrong_dates)})")
    lines += [
        f"gold {g.date or 'undated'} for {g.ident}; found {r.value or 'undated'} "
        f"from '{r.date_text}' ({r.rule}): {r.explanation}"
        for g, r in scores.wrong_dates
    ]
    counted = Counter(what for what, _, _ in scores.wrong_merges)
    lines.append(f"## merge errors ({dict(counted)})")
    lines += [f"{what}:\n  {_show(a)}\n  {_show(b)}" for what, a, b in scores.wrong_merges]
    lines.append(f"## unflagged disagreements: {scores.unflagged}")
    lines.append(f"## false flags ({len(scores.false_flagged)})")
    lines += [f"{e.id}: {[d.to_dict() for d in e.discrepancies]}" for e in scores.false_flagged]
    return "\n".join(lines)


def evaluate(corpus: Path = CORPUS, cues: Path = CUES) -> Scores:
    clippings = read_gold(corpus)
    return score(clippings, extract(clippings, corpus, cues))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the gold corpus folder")
    parser.add_argument("--cues", type=Path, default=CUES, help="the event cue file")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every error after the table")
    args = parser.parse_args(argv)
    scores = evaluate(args.corpus, args.cues)
    print(json.dumps(scores.to_dict(), indent=2) if args.json else table(scores))
    if args.errors:
        print(errors(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
