"""Seconds per stage of a build: logged at debug level, written as JSON for the benchmark.

A clock read per stage is all it costs; nothing is logged or written unless
debug logging is on or the ``BRIEFING_TIMINGS`` setting names a file
(``bench/bench_build.py`` sets it). ``reading`` is Pelican's article generator;
``writing`` is Pelican's output phase without the stages timed inside it.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

_seconds: dict[str, float] = {}
_marks: dict[str, float] = {}
# Stages timed inside Pelican's output phase, subtracted from its ``writing``.
_OUTPUT_STAGES = ("whoosh", "browser index", "export")


def reset(_: object = None) -> None:
    _seconds.clear()
    _marks.clear()


@contextmanager
def timed(name: str) -> Iterator[None]:
    """Add the seconds the block takes to stage ``name``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - started)


def add(name: str, seconds: float) -> None:
    _seconds[name] = _seconds.get(name, 0.0) + seconds


def mark(name: str) -> None:
    _marks[name] = time.perf_counter()


def start_reading(_: object) -> None:
    """Pelican sends its pre-read signal once a file: the first one starts the clock."""
    if "reading" not in _marks:
        mark("reading")


def end_reading(_: object) -> None:
    if "reading" in _marks:
        add("reading", time.perf_counter() - _marks["reading"])


def start_writing(_: object) -> None:
    mark("writing")


def finish(pelican: Any) -> None:
    """Log the stages; write them to ``BRIEFING_TIMINGS`` when it is set."""
    if "writing" in _marks:
        inside = sum(_seconds.get(name, 0.0) for name in _OUTPUT_STAGES)
        add("writing", time.perf_counter() - _marks["writing"] - inside)
    rounded = {name: round(seconds, 3) for name, seconds in _seconds.items()}
    logger.debug("stage seconds: %s", rounded)
    target = pelican.settings.get("BRIEFING_TIMINGS")
    if target:
        Path(target).write_text(json.dumps(rounded) + "\n", encoding="utf-8")
