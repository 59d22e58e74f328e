"""Test plugin: delete the build cache just as the search index is committed.

Stands for an operator's ``rm -rf .cache`` in the middle of a build, at the worst
moment: the index is open, its new segment half written.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

from whoosh.writing import SegmentWriter

_commit = SegmentWriter.commit


def _commit_without_cache(self: SegmentWriter, *args: Any, **kwargs: Any) -> Any:
    cache = os.environ.get("REMOVE_CACHE_ON_COMMIT")
    if cache:
        os.environ.pop("REMOVE_CACHE_ON_COMMIT")  # once: the rebuild may commit
        shutil.rmtree(cache, ignore_errors=True)
    return _commit(self, *args, **kwargs)


def register() -> None:
    """Patch Whoosh's commit for this build."""
    SegmentWriter.commit = _commit_without_cache  # type: ignore[method-assign]
