"""The editors' site-furniture patterns (``content/data/furniture.txt``).

Navigation, sharing prompts and the like are removed by the editors' pattern
file (see ``content/data/furniture.txt`` for its syntax). A removed line
separates paragraphs like a blank line. Patterns may capture ``source`` (the
publication a line names) or ``date`` (a publication date a line states).
Patterns run on RE2 (``archive.core.patterns``): none can hang ingest.
They are applied before the structural rules of :mod:`archive.ingest.layout`;
a ``keep:`` pattern is the editor's word that a line is article text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.core.errors import ContentError
from archive.core.patterns import Pattern, compile_pattern, compile_tail
from archive.core.textfile import read_utf8

_RULE_KINDS = ("tail", "block", "keep")
_GROUPS = {"source", "date"}


@dataclass(frozen=True)
class NumberedLine:
    """A line of a clipping with its number: a line of text, or one removed as furniture."""

    line: int
    text: str


@dataclass(frozen=True)
class _Rule:
    kind: str  # "line", "tail", "block" or "keep"
    regex: Pattern
    line: int  # in the pattern file, to name the rule in the ingest report

    @property
    def name(self) -> str:
        """How the ingest report and the removed-lines record name this rule."""
        return f"furniture.txt line {self.line}"


@dataclass(frozen=True)
class Furniture:
    """The editors' furniture patterns, compiled (see ``content/data/furniture.txt``)."""

    rules: tuple[_Rule, ...]

    def match_line(self, text: str) -> tuple[_Rule, Any] | None:
        """The rule and match when the whole of ``text`` is furniture."""
        for rule in self.rules:
            match = rule.regex.fullmatch(text) if rule.kind in ("line", "block") else None
            if match:
                return rule, match
        return None

    def keeps(self, text: str) -> bool:
        """Whether a ``keep:`` pattern says the whole of ``text`` is article text."""
        return any(rule.kind == "keep" and rule.regex.fullmatch(text) for rule in self.rules)

    def cut_tail(self, text: str) -> tuple[str, str, str]:
        """Split ``text`` into what stays and the furniture fragment that ends it, with its rule."""
        for rule in self.rules:
            start = rule.regex.tail_start(text) if rule.kind == "tail" else None
            if start is not None:
                return text[:start].rstrip(), text[start:], rule.name
        return text, "", ""


def load_furniture(path: Path) -> Furniture:
    """Read the editors' pattern file; a bad pattern is an error at its line."""
    text = read_utf8(path, "the furniture patterns")
    rules = [
        _compile_rule(line.strip(), path, number)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return Furniture(tuple(rules))


def _compile_rule(line: str, path: Path, number: int) -> _Rule:
    kind, _, rest = line.partition(":")
    kind, pattern = (kind, rest.strip()) if kind in _RULE_KINDS else ("line", line)
    body = compile_pattern(pattern, path, number)
    unknown = set(body.groupindex) - _GROUPS
    if unknown:
        names = ", ".join(sorted(unknown))
        raise ContentError(path, f"unknown group name {names} (use source or date)", number)
    if body.fullmatch(""):
        raise ContentError(path, f"pattern {pattern!r} matches an empty line", number)
    if kind in ("tail", "keep") and body.groupindex:
        raise ContentError(
            path, f"a {kind} pattern cannot name groups: use a whole-line one", number
        )
    if kind == "tail":
        body = compile_tail(pattern, path, number)
    return _Rule(kind, body, number)
