"""Per-article results kept between builds, keyed by a hash of everything they depend on.

Mentions, event reports and the like are pure functions of an article's text
and the editors' data (registry, cues). A :class:`StageCache` stores one stage's
results in one pickle file, each under the hash of its inputs, so a warm build
recomputes only the articles whose inputs changed. The file carries a version:
a cache written by other code, a truncated or corrupt file, or one that cannot
be read for any reason is ignored and rebuilt, never an error. Only the entries
a build used are written back, so results of deleted articles do not pile up.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

V = TypeVar("V")
# Bump when the shape of any cached result changes: older files are then ignored.
CACHE_VERSION = "1"


def digest(*parts: object) -> str:
    """A stable hash of ``parts`` (their ``repr``: strings, numbers, tuples, dataclasses)."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=20).hexdigest()


def tree_digest(*folders: Path, pattern: str = "*") -> str:
    """A hash of the names and bytes of the files under ``folders`` matching ``pattern``."""
    hasher = hashlib.blake2b(digest_size=20)
    for folder in folders:
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
            hasher.update(path.relative_to(folder).as_posix().encode() + b"\0")
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


@cache
def code_version() -> str:
    """A hash of the ``archive`` package's source: changed rules make old results stale."""
    return tree_digest(Path(__file__).resolve().parents[1], pattern="*.py")


class StageCache(Generic[V]):
    """One stage's results by input hash, read from and saved to ``path``."""

    def __init__(self, path: Path, version: str = "") -> None:
        self.path = path
        self.version = f"{CACHE_VERSION}:{version}"
        self._old = self._load()
        self._new: dict[str, V] = {}
        self.hits = self.misses = 0

    def _load(self) -> dict[str, V]:
        try:
            with self.path.open("rb") as handle:
                version, entries = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception as error:  # any unreadable cache is rebuilt, whatever broke it
            logger.info("ignoring the cache %s (%s)", self.path, type(error).__name__)
            return {}
        return entries if version == self.version and isinstance(entries, dict) else {}

    def get(self, key: str, compute: Callable[[], V]) -> V:
        """The stored result for ``key``, else ``compute()``'s, kept for the next build."""
        if key in self._old:
            value = self._old[key]
            self.hits += 1
        else:
            value = compute()
            self.misses += 1
        self._new[key] = value
        return value

    def save(self) -> None:
        """Write this build's entries (atomically: a killed build leaves the old file)."""
        if not self.misses and self._new.keys() == self._old.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump((self.version, self._new), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)
