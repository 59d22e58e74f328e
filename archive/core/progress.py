"""Progress of long work (ingest, indexing) on a terminal, and one summary line everywhere.

A bar helps an operator watching a terminal; in CI logs and pipes it is noise
(control characters, one line per refresh), so it is shown only on a terminal
and never when ``CI`` is set. Summaries and per-item lines are plain lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

Advance = Callable[[], None]


def interactive(stream: TextIO | None = None) -> bool:
    """Whether to draw a bar: on a terminal, outside CI."""
    stream = stream or sys.stdout
    return stream.isatty() and not os.environ.get("CI")


@contextmanager
def progress(label: str, total: int) -> Iterator[Advance]:
    """A bar ``label ━━━━ n/total`` while the block runs (nothing off a terminal).

    Lines printed meanwhile appear above the bar.
    """
    if not interactive() or total < 2:
        yield lambda: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=Console(file=sys.stdout)) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def say(line: str) -> None:
    """Print one report line now (summaries outlive the bar)."""
    print(line, flush=True)
