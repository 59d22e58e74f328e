"""Errors in editors' content, reported as ``file:line: message``.

Every module that reads content (clippings, front matter, the entity registry,
notes, corrections) raises or collects :class:`ContentError`, so that editors
always see which file and line to fix, and the build can fail without a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)


@dataclass
class ContentError(Exception):
    """A problem an editor can fix, located in a file (and a line where known)."""

    path: str | Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass
class ContentErrors(ContentError):
    """Several problems found together, raised at once so that each is shown."""

    problems: list[ContentError] = field(default_factory=list)

    @classmethod
    def of(cls, problems: Sequence[ContentError]) -> ContentErrors:
        """The problems as one error, located at the first."""
        first = problems[0]
        return cls(first.path, first.message, first.line, list(problems))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


class ErrorLog:
    """The content errors of one build: each is logged when found, all are kept.

    Building goes on after an error so that an editor sees every problem at once;
    whoever runs the build decides at the end whether it can be trusted.
    """

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def report(self, error: ContentError) -> None:
        """Log ``error`` now and keep it; an error that gathers several counts each one."""
        for problem in getattr(error, "problems", None) or [error]:
            logger.error("%s", problem)
            self.errors.append(problem)

    def clear(self) -> None:
        """Forget the errors of a previous build (a live-reloading server builds again)."""
        self.errors.clear()


build_errors = ErrorLog()
