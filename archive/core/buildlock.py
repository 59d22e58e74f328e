"""One build at a time per cache: a second build waits for the first, and says so.

Two builds sharing a cache would write the same search index at once (Whoosh
refuses with a LockError) and the same output files. An exclusive ``fcntl`` lock
on ``<cache>/build.lock`` serialises them; the kernel releases it when a build
ends, however it ends, so a killed build never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable
from pathlib import Path
from typing import IO

LOCK_NAME = "build.lock"


class BuildLock:
    """The lock of one cache folder, taken and released around each build."""

    def __init__(self) -> None:
        self._handle: IO[str] | None = None

    def acquire(self, cache: Path, tell: Callable[[str], None]) -> None:
        """Hold the lock of ``cache``, waiting (after telling why) while another build has it."""
        self.release()  # a build of this process that ended without finishing
        cache.mkdir(parents=True, exist_ok=True)
        path = cache / LOCK_NAME
        handle = open(path, "a+")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            tell(f"another build holds {path}; waiting for it to finish …")
            fcntl.flock(handle, fcntl.LOCK_EX)
        self._handle = handle

    def release(self) -> None:
        """Let the next build go (closing the file drops the lock)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


build_lock = BuildLock()
