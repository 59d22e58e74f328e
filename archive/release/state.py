"""What a release folder is: good (built and checked), rejected, or incomplete.

A release is good only when its marker file says so, and the marker is written
last, in one rename, after the build and every check passed. A folder without a
marker is a build or copy that never finished (killed, crashed, out of disk), so
nothing that reads these states can mistake half a site for a release.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

MARKER = ".release.json"


class State(StrEnum):
    GOOD = "good"
    REJECTED = "rejected"  # built, but the checks found problems
    INCOMPLETE = "incomplete"  # no marker: the build or the copy never finished


@dataclass(frozen=True)
class Release:
    """One release folder of a target, as listed by ``invoke releases``."""

    name: str
    state: State
    detail: str = ""
    live: bool = False


def new_name(now: datetime | None = None) -> str:
    """A release name that sorts by time (UTC, to the microsecond)."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S.%fZ")


def marker_text(state: State, **info: Any) -> str:
    """The marker's JSON: the state, when it was set, and what else is worth knowing."""
    when = datetime.now(UTC).isoformat(timespec="seconds")
    return json.dumps({"state": str(state), "at": when, **info}, indent=1) + "\n"


def write_marker(folder: Path, state: State, **info: Any) -> Path:
    """Write ``folder``'s marker atomically: readers see the old state or the new, never half."""
    path = folder / MARKER
    temporary = folder / f"{MARKER}.tmp"
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(marker_text(state, **info))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


def parse_marker(text: str | None) -> tuple[State, str]:
    """The state a marker's text records, and a short detail (an unreadable one is incomplete)."""
    if not text:
        return State.INCOMPLETE, ""
    try:
        data = json.loads(text)
        state = State(data["state"])
    except (ValueError, KeyError, TypeError):
        return State.INCOMPLETE, "unreadable marker"
    detail = str(data.get("at", ""))
    if state is State.REJECTED:
        detail += f", {data.get('problems', '?')} problem(s)"
    return state, detail


def read_marker(folder: Path) -> tuple[State, str]:
    """The state of a local release folder."""
    try:
        return parse_marker((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return State.INCOMPLETE, ""


def to_remove(releases: list[Release], keep: int) -> list[Release]:
    """What pruning deletes: every release that is not good, and good ones beyond the
    newest ``keep``, but never the live one (whatever its state)."""
    good = [r for r in releases if r.state is State.GOOD]
    kept = {r.name for r in sorted(good, key=lambda r: r.name)[-keep:]} if keep > 0 else set()
    return [r for r in releases if not r.live and r.name not in kept]


def rollback_target(releases: list[Release]) -> Release | None:
    """The newest good release older than the live one (the newest good one if none is live)."""
    live = next((r.name for r in releases if r.live), None)
    older = [
        r
        for r in releases
        if r.state is State.GOOD and not r.live and (live is None or r.name < live)
    ]
    return max(older, key=lambda r: r.name, default=None)
