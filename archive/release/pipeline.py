"""Publish, roll back, list: the order of steps that keeps the live site whole.

Build, check, mark good, copy, send the marker, switch, prune: a failure or a
kill anywhere before the switch leaves the live link where it was, and the
unfinished release has no good marker, so neither rollback nor pruning counts it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from archive.release.progress import Progress
from archive.release.state import Release, State, new_name, rollback_target, to_remove, write_marker
from archive.release.target import DeployError, Target

# Fault injection for the interrupted-deploy tests: the process stops itself (SIGSTOP)
# when it reaches the step named here, so a test can kill it at exactly that point.
PAUSE_AT = "BRIEFING_RELEASE_PAUSE_AT"

Build = Callable[[Path], None]
# Checks a built site; the callback hears the name of each check as it starts.
Check = Callable[[Path, Callable[[str], None]], list[str]]


@dataclass(frozen=True)
class Published:
    """The release that went live, and the releases pruning removed."""

    name: str
    removed: list[str]


class Rejected(DeployError):
    """The checks found problems: the release stays, marked rejected, and never goes live."""

    def __init__(self, folder: Path, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in {folder}")
        self.folder = folder
        self.problems = problems


def publish(target: Target, build: Build, check: Check, keep: int, progress: Progress) -> Published:
    """Build a release, check it, and switch ``target`` to it only if every check passed."""
    with locked(target.lock_path, progress):
        name = new_name()
        reach(progress, "build")
        folder = target.prepare(name)
        try:
            build(folder)
        except BaseException:  # a failed build is never a release, whatever stopped it
            shutil.rmtree(folder, ignore_errors=True)
            raise
        problems = check(folder, lambda check_name: reach(progress, f"check {check_name}"))
        if problems:
            write_marker(folder, State.REJECTED, problems=len(problems))
            raise Rejected(folder, problems)
        write_marker(folder, State.GOOD)
        reach(progress, "copy")
        target.receive(folder, name)
        reach(progress, "mark")
        target.mark(folder, name)
        reach(progress, "switch")
        target.switch(name)
        reach(progress, "prune")
        removed = [r.name for r in to_remove(target.releases(), keep)]
        target.remove(removed)
        target.finish(folder)
    return Published(name, removed)


def rollback(target: Target, progress: Progress) -> Release:
    """Switch ``target`` to the newest good release before the live one."""
    with locked(target.lock_path, progress):
        reach(progress, "find a good release")
        previous = rollback_target(target.releases())
        if previous is None:
            raise DeployError(f"{target.description}: no earlier good release to roll back to")
        reach(progress, "switch")
        target.switch(previous.name)
    return previous


def reach(progress: Progress, step: str) -> None:
    """Announce ``step``; stop here if a test asked to (see ``PAUSE_AT``)."""
    progress.step(step)
    if os.environ.get(PAUSE_AT) == step:
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGSTOP)


@contextmanager
def locked(path: Path, progress: Progress) -> Iterator[None]:
    """One publish or rollback at a time per target; a second one waits, and says so."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another publish or rollback holds {path}: waiting for it", flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
