"""``invoke search QUERY``: the archive's search on the command line, from the Whoosh index.

    invoke search "Shanghai Cooperation Organization" --since 2021-08 --json

Human output lists ranked articles with their snippets (matched words in bold
when the output is a terminal) and says "Did you mean …?" for an unknown word;
``--json`` prints a list of objects (slug, title, url, date, source, score,
snippet) for scripts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict
from html import unescape
from pathlib import Path
from typing import TextIO

from archive.search.whoosh_index import SearchResults, search

DEFAULT_INDEX = Path(__file__).resolve().parents[2] / ".cache" / "whoosh"  # ARCHIVE_CACHE
_MARK = re.compile(r"<mark>(.*?)</mark>")
_BOLD, _PLAIN = "\033[1m", "\033[0m"


def day_or_month(value: str) -> str:
    """A ``--since``/``--until`` value: a real day, month or year (else a usage error)."""
    parts = value.split("-")
    try:
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        datetime.date(*numbers)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"
        ) from None
    return value


def parser() -> argparse.ArgumentParser:
    """The command's options, as ``invoke search`` passes them on."""
    p = argparse.ArgumentParser(prog="invoke search", description="Search the archive.")
    p.add_argument("query", help='words; "quoted phrases" match word for word')
    p.add_argument("--entity", help="only articles naming this entity id")
    p.add_argument("--source", help="only articles from this source (as written)")
    p.add_argument(
        "--since",
        type=day_or_month,
        help="only articles on or after this date (YYYY-MM-DD or YYYY-MM)",
    )
    p.add_argument("--until", type=day_or_month, help="only articles on or before this date")
    p.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=argparse.SUPPRESS)
    return p


def plain(snippet: str, bold: bool) -> str:
    """A snippet's HTML as terminal text: marks in bold (or bare), entities decoded."""
    marked = _MARK.sub(lambda m: f"{_BOLD}{m.group(1)}{_PLAIN}" if bold else m.group(1), snippet)
    return unescape(marked)


def render(results: SearchResults, bold: bool) -> str:
    """Ranked results as lines for a reader."""
    lines = []
    if results.suggestion:
        lines.append(f"Did you mean “{results.suggestion}”?")
    verb = "article matches" if results.total == 1 else "articles match"
    lines.append(f"{results.total} {verb} “{results.query}”.")
    for rank, hit in enumerate(results.hits, 1):
        lines.append("")
        where = ", ".join(part for part in (hit.date, hit.source) if part)
        lines.append(f"{rank}. {hit.title}  ({where}, score {hit.score:.2f})")
        lines.append(f"   {hit.url}")
        lines.append(f"   {plain(hit.snippet, bold)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one search; 1 if there is no index to search."""
    out = out or sys.stdout
    args = parser().parse_args(argv)
    try:
        results = search(
            args.index,
            args.query,
            entity=args.entity,
            source=args.source,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    except FileNotFoundError:
        print("no search index: run `invoke build` first", file=sys.stderr)
        return 1
    except Exception as error:  # a damaged cache, whatever the damage: one line, not a traceback
        print(
            f"the search index in {args.index} is corrupt ({type(error).__name__}): "
            "run `invoke build`, which rebuilds it",
            file=sys.stderr,
        )
        return 1
    if args.json:
        json.dump([asdict(hit) for hit in results.hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(render(results, bold=out.isatty()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
