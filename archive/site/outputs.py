"""Which output files a build may leave as they are: their render inputs and bytes unchanged.

For each output file the manifest keeps the hash of what it was rendered from
(the caller's key) and the hash of the bytes written. A page is skipped only when
its key is the same and the file on disk still has those bytes, so a deleted or
hand-edited output file is rendered again. A missing or corrupt manifest means
every page is rendered, never an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)


def file_digest(path: Path) -> str | None:
    """The hash of a file's bytes, ``None`` if it cannot be read."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    except OSError:
        return None


class OutputManifest:
    """Render keys and written bytes of the output files, by path in the site."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._old = self._load()
        self._new: dict[str, tuple[str, str]] = {}
        self.skipped = self.rendered = 0

    def _load(self) -> dict[str, tuple[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {name: (key, written) for name, (key, written) in data.items()}
        except FileNotFoundError:
            return {}
        except Exception as error:  # any unreadable manifest just means: render everything
            logger.info("ignoring the page manifest %s (%s)", self.path, type(error).__name__)
            return {}

    def unchanged(self, name: str, key: str, output: Path) -> bool:
        """Whether ``output`` (``name`` in the site) was rendered from ``key`` and is intact."""
        old = self._old.get(name)
        if old is None or old[0] != key or file_digest(output) != old[1]:
            self.rendered += 1
            return False
        self._new[name] = old
        self.skipped += 1
        return True

    def record(self, name: str, key: str, output: Path) -> None:
        """Remember that ``output`` was just rendered from ``key``."""
        written = file_digest(output)
        if written is not None:
            self._new[name] = (key, written)

    def save(self) -> None:
        """Write the entries of this build (those of pages no longer made are dropped)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps(self._new, sort_keys=True), encoding="utf-8")
        os.replace(partial, self.path)
