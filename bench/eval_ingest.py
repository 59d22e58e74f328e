"""Score the clipping parser against the gold of the development corpus.

Every ``*.gold.yaml`` under ``tests/fixtures/corpus`` (the development corpus, and
the clippings of ``held-out/`` written after the rules) says what a reader sees in
its clipping: the publication date (or none), the update, headline, byline,
source, standfirst, and which lines are article text and which are furniture.
The parser's output is compared with it:

- dates: the publication date right, or the clipping refused when it states none;
- header fields: exact (whitespace tidied; author and source ignore case, since
  bylines and mastheads are often set in capitals); "false" counts a field
  filled where the gold has none;
- lines: each non-empty line of the clipping is traced into the paragraphs the
  parser returns, in order. A furniture line found there *leaked*; an article
  line (paragraph or subheading) not found was *wrongly removed*;
- paragraphs intact: gold paragraphs that are exactly one output paragraph.

A refused clipping (rightly, when it states no date) counts for the date only;
its lines and other header fields are scored as an editor would import it: with
a ``date YYYY-MM-DD`` first line added.

    python bench/eval_ingest.py [--corpus DIR] [--json] [--verbose]
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.core.errors import ContentError  # noqa: E402
from archive.ingest.clipping import Clipping, parse_clipping  # noqa: E402
from archive.ingest.furniture import load_furniture  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
FURNITURE = ROOT / "content" / "data" / "furniture.txt"
MARKER_DATE = "2000-01-01"  # what an editor adds to a clipping without a date
FIELDS = ("title", "author", "source", "summary", "updated")
_FOLDED = {"author", "source"}  # compared ignoring case

Parse = Callable[[bytes, str], Clipping]


def tidy(text: str) -> str:
    """One space for any run of whitespace, trimmed: how the parser reads a line."""
    return " ".join(text.split())


@dataclass
class Score:
    """One clipping's result against its gold."""

    name: str
    date_right: bool
    date_note: str
    fields: dict[str, tuple[Any, Any]]  # field -> (gold, got)
    leaked: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    furniture_lines: int = 0
    article_lines: int = 0
    paragraphs: int = 0
    intact: int = 0
    untraced: list[str] = field(default_factory=list)


def gold_lines(text: str, gold: dict[str, Any]) -> list[tuple[str, bool]]:
    """Each non-empty tidied line with whether it is article text (paragraph or subhead)."""
    subheads = {tidy(s) for s in gold.get("subheads") or []}
    paragraphs = [tidy(p) for p in gold["paragraphs"]]
    labelled: list[tuple[str, bool]] = []
    index, acc = 0, ""
    for raw in re.split(r"\r\n|\r|\n", text):
        line = tidy(raw)
        if not line:
            acc, index = ("", index + 1) if acc else (acc, index)
            continue
        current = paragraphs[index] if index < len(paragraphs) else None
        candidate = f"{acc} {line}" if acc else line
        if current is not None and (current == candidate or current.startswith(candidate + " ")):
            acc = candidate
            if acc == current:
                acc, index = "", index + 1
            labelled.append((line, True))
            continue
        if acc:
            acc, index = "", index + 1
        labelled.append((line, line in subheads))
    return labelled


def trace(lines: list[str], paragraphs: list[str]) -> tuple[list[bool], list[str]]:
    """Which ``lines`` stand, in order, in ``paragraphs``; and output text no line explains.

    The output is the kept lines, in order, joined by spaces within a paragraph.
    Every place a line occurs (between spaces or paragraph ends) is a candidate;
    a line whose end was cut off (a furniture tail) may also end a paragraph with
    its beginning. The chain of candidates in line order, without overlaps, that
    covers the most text says which lines were kept.
    """
    stream = "\n".join(paragraphs)
    ends = {match.start() for match in re.finditer("\n", stream)} | {len(stream)}
    matches = [m for number, line in enumerate(lines) for m in _occurrences(number, line, stream)]
    matches += _cut_tails(lines, stream, ends, matches)
    matches.sort(key=lambda m: (m[0], m[1]))
    best: list[tuple[int, int]] = []  # per match: (covered length, previous match index)
    for index, (number, start, end) in enumerate(matches):
        best.append((end - start, -1))
        for before in range(index):
            other = matches[before]
            if (
                other[0] < number
                and other[2] <= start
                and best[before][0] + end - start > best[index][0]
            ):
                best[index] = (best[before][0] + end - start, before)
    chain: list[tuple[int, int, int]] = []
    index = max(range(len(best)), key=lambda i: best[i][0]) if best else -1
    while index >= 0:
        chain.append(matches[index])
        index = best[index][1]
    kept = {number for number, _, _ in chain}
    covered = sorted((start, end) for _, start, end in chain)
    untraced, position = [], 0
    for start, end in [*covered, (len(stream), len(stream))]:
        gap = stream[position:start].strip()
        untraced += [part for part in gap.split("\n") if part.strip()]
        position = max(position, end)
    return [number in kept for number in range(len(lines))], untraced


def _occurrences(number: int, line: str, stream: str) -> list[tuple[int, int, int]]:
    found = []
    position = stream.find(line)
    while position >= 0:
        after = position + len(line)
        if (position == 0 or stream[position - 1] in " \n") and stream[after : after + 1] in (
            "",
            " ",
            "\n",
        ):
            found.append((number, position, after))
        position = stream.find(line, position + 1)
    return found


def _cut_tails(
    lines: list[str], stream: str, ends: set[int], matches: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """Candidates for lines kept without their end: a paragraph's last words begin the line."""
    starts = {0} | {end + 1 for end in ends} | {end + 1 for _, _, end in matches}
    found = []
    for start in starts:
        stop = min((end for end in ends if end >= start), default=len(stream))
        rest = stream[start:stop]
        if " " not in rest:
            continue
        found += [
            (n, start, stop)
            for n, line in enumerate(lines)
            if line != rest and line.startswith(rest)
        ]
    return found


def current_parser() -> Parse:
    """The project's parser with the editors' furniture file."""
    furniture = load_furniture(FURNITURE)
    return lambda raw, name: parse_clipping(raw, name, furniture)


def with_marker(text: str, date: datetime.date | None) -> bytes:
    """The clipping as an editor fixes one refused for its date: a date line on top."""
    return f"date {date or MARKER_DATE}\n{text}".encode()


def score(gold_path: Path, parse: Parse) -> Score:
    """Parse one clipping and compare it with its gold."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    clipping_path = gold_path.with_name(gold["clipping"])
    raw = clipping_path.read_bytes()
    text = raw.decode(gold["encoding"]).removeprefix("\ufeff")
    result: Clipping | None = None
    try:
        result = parse(raw, clipping_path.name)
        note = str(result.date)
    except ContentError as error:
        note = f"refused: {error}"
    want: datetime.date | None = gold["date"]
    date_right = (result is None) if want is None else (result is not None and result.date == want)
    if result is None:
        date_right = date_right and "\n" not in note
        try:
            result = parse(with_marker(text, want), clipping_path.name)
        except ContentError as error:
            note += f" (and with a date line: {error})"
    fields = {key: (gold[key], _field(result, key)) for key in FIELDS}
    out = Score(clipping_path.name, date_right, note, fields)
    labelled = gold_lines(text, gold)
    paragraphs = [tidy(p) for p in result.paragraphs] if result else []
    found, out.untraced = trace([line for line, _ in labelled], paragraphs)
    for (line, article), kept in zip(labelled, found, strict=True):
        if article and not kept:
            out.removed.append(line)
        if not article and kept:
            out.leaked.append(line)
    out.article_lines = sum(article for _, article in labelled)
    out.furniture_lines = len(labelled) - out.article_lines
    out.paragraphs = len(gold["paragraphs"])
    out.intact = sum(tidy(p) in paragraphs for p in gold["paragraphs"])
    return out


def _field(result: Clipping | None, key: str) -> Any:
    value = getattr(result, key, None) if result is not None else None
    return value or None


def field_right(key: str, gold: Any, got: Any) -> bool:
    """Whether a header field matches its gold (None and "" both mean absent)."""
    if gold is None or got is None:
        return gold is None and got is None
    if isinstance(gold, datetime.date):
        return gold == got
    want, have = tidy(str(gold)), tidy(str(got))
    return want.casefold() == have.casefold() if key in _FOLDED else want == have


def summarise(scores: list[Score]) -> dict[str, Any]:
    """Corpus totals: counts right out of those that apply."""
    total: dict[str, Any] = {
        "clippings": len(scores),
        "dates_right": sum(s.date_right for s in scores),
    }
    for key in FIELDS:
        named = [s for s in scores if s.fields[key][0] is not None]
        total[f"{key}_named"] = len(named)
        total[f"{key}_right"] = sum(field_right(key, *s.fields[key]) for s in named)
        total[f"{key}_false"] = sum(
            s.fields[key][0] is None and s.fields[key][1] is not None for s in scores
        )
    total["furniture_lines"] = sum(s.furniture_lines for s in scores)
    total["furniture_leaked"] = sum(len(s.leaked) for s in scores)
    total["article_lines"] = sum(s.article_lines for s in scores)
    total["article_removed"] = sum(len(s.removed) for s in scores)
    total["article_removed_pct"] = round(
        100 * total["article_removed"] / max(total["article_lines"], 1), 2
    )
    total["paragraphs"] = sum(s.paragraphs for s in scores)
    total["paragraphs_intact"] = sum(s.intact for s in scores)
    total["untraced_output"] = sum(len(s.untraced) for s in scores)
    return total


def table(total: dict[str, Any]) -> str:
    """The Markdown table for bench/README.md."""
    n = total["clippings"]
    rows = [
        ("publication date right (or refused when none)", f"{total['dates_right']} / {n}"),
        ("`updated` right (of those showing one)", _ratio(total, "updated")),
        ("title right", f"{total['title_right']} / {total['title_named']}"),
        ("author right (of those naming one)", _ratio(total, "author")),
        ("source right (of those naming one)", _ratio(total, "source")),
        ("summary right (of those with a standfirst)", _ratio(total, "summary")),
        (
            "furniture lines leaked",
            f"{total['furniture_leaked']} of {total['furniture_lines']}",
        ),
        (
            "article lines wrongly removed",
            f"{total['article_removed']} of {total['article_lines']}"
            f" ({total['article_removed_pct']} %)",
        ),
        ("paragraphs intact", f"{total['paragraphs_intact']} / {total['paragraphs']}"),
    ]
    lines = ["| measure | result |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def _ratio(total: dict[str, Any], key: str) -> str:
    false = total[f"{key}_false"]
    extra = f", {false} false" if false else ""
    return f"{total[f'{key}_right']} / {total[f'{key}_named']}{extra}"


def details(scores: list[Score]) -> list[str]:
    """One line per miss, for whoever works on the rules."""
    lines = []
    for s in scores:
        if not s.date_right:
            lines.append(f"{s.name}: date: {s.date_note}")
        for key, (gold, got) in s.fields.items():
            if not field_right(key, gold, got):
                lines.append(f"{s.name}: {key}: want {gold!r}, got {got!r}")
        lines += [f"{s.name}: leaked: {line}" for line in s.leaked]
        lines += [f"{s.name}: removed: {line}" for line in s.removed]
        lines += [f"{s.name}: untraced output: {text[:80]}" for text in s.untraced]
    return lines


def evaluate(corpus: Path, parse: Parse | None = None) -> tuple[dict[str, Any], list[Score]]:
    """Score every gold clipping of ``corpus``."""
    parser = parse or current_parser()
    scores = [score(path, parser) for path in sorted(corpus.rglob("*.gold.yaml"))]
    return summarise(scores), scores


def main(argv: list[str] | None = None) -> int:
    """Print the table (or JSON); ``--verbose`` lists every miss."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--corpus", type=Path, default=CORPUS)
    options.add_argument("--json", action="store_true", help="print the totals and misses as JSON")
    options.add_argument("--verbose", action="store_true", help="list every miss")
    args = options.parse_args(argv)
    total, scores = evaluate(args.corpus)
    if args.json:
        payload = {"totals": total, "clippings": [asdict(s) for s in scores]}
        print(json.dumps(payload, indent=2, default=str, ensure_ascii=False))
        return 0
    print(table(total))
    if args.verbose:
        print("\n".join(details(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
