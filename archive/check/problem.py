"""One thing wrong with a built site, said so that whoever reads it can find it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A failed check on ``page`` (a path relative to the site), at ``where`` (a selector,
    line or JSON path; empty when the whole file is meant)."""

    page: str
    message: str
    where: str = ""

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.page}:{where} {self.message}"
