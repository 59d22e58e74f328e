"""Progress of long operator work: one line per step as it starts, then a summary.

Shown on a terminal only; quiet when ``CI`` is set or the output is not a TTY
(logs then get the summary line alone).
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from rich.console import Console


class Progress:
    """Steps of one operation, each shown with the time the one before it took."""

    def __init__(self, title: str, stream: TextIO | None = None) -> None:
        stream = stream or sys.stdout
        self.shown = stream.isatty() and not os.environ.get("CI")
        self.console = Console(file=stream, highlight=False)
        self.title = title
        self.started = self.mark = time.monotonic()
        self.current = ""

    def step(self, name: str) -> None:
        """``name`` starts (the previous step, if any, is over)."""
        self._close_step()
        self.current, self.mark = name, time.monotonic()
        if self.shown:
            self.console.print(f"[bold]{self.title}[/bold] · {name} …")

    def _close_step(self) -> None:
        if self.shown and self.current:
            elapsed = time.monotonic() - self.mark
            self.console.print(f"  [green]✓[/green] {self.current} ({elapsed:.1f} s)")

    def summary(self, line: str, ok: bool = True) -> None:
        """The one line that always appears: what happened, and how long it took."""
        if ok:
            self._close_step()
        total = time.monotonic() - self.started
        print(f"{line} ({total:.1f} s)", file=self.console.file, flush=True)
