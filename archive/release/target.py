"""Where releases go live: the operations every deploy target offers."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from archive.release.state import Release


class DeployError(Exception):
    """A deploy step failed for a reason the operator must see (one line, no traceback)."""


def releases_folder_name(link_name: str) -> str:
    """The releases sit beside the live link: ``public`` -> ``.public-releases``."""
    return f".{link_name}-releases"


class Target(Protocol):
    """A place with release folders and one link naming the live release.

    The build happens in ``prepare``'s folder; ``receive`` copies it to the target
    (nothing to do when the build is already in place), ``mark`` writes the good
    marker there last, and ``switch`` replaces the link in one atomic step.
    """

    description: str
    lock_path: Path

    def releases(self) -> list[Release]: ...

    def prepare(self, name: str) -> Path: ...

    def receive(self, build: Path, name: str) -> None: ...

    def mark(self, build: Path, name: str) -> None: ...

    def switch(self, name: str) -> None: ...

    def remove(self, names: list[str]) -> None: ...

    def finish(self, build: Path) -> None: ...
