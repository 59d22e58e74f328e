"""Editors' regular expressions, run on RE2 so that no pattern can hang a run.

Python's ``re`` backtracks: ``(a+)+$`` against 32 a's and a ``!`` tries every way
of splitting the a's, about 2**32 steps, and each extra ``a`` doubles it. An
editor cannot be expected to see that in a pattern, so patterns from content
files are compiled with Google's RE2 (PyPI ``google-re2``), whose matching time
grows linearly with the text whatever the pattern. RE2 has no look-around and
no back-references (they are what needs backtracking); a pattern that uses them
is refused with its file and line, as is one too large for RE2's memory budget.

Python's ``\\w``, ``\\s`` and ``\\d`` match any script's letters, spaces and
digits; RE2's match ASCII only. They are rewritten to Unicode classes so a
pattern means what it meant under ``re`` (``\\b`` stays ASCII: RE2 has no other).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import re2  # type: ignore[import-untyped]  # google-re2 ships no type hints

from archive.core.errors import ContentError

# Python's meaning of each class, as an RE2 class body (without the brackets).
_UNICODE_CLASSES = {"w": r"\p{L}\p{N}_", "s": r"\s\v\x{1c}-\x{1f}\x{85}\p{Z}", "d": r"\p{Nd}"}
_BUDGET = 32 << 20  # bytes RE2 may use for one pattern (its default is 8 MiB)
_TAIL_START = '\\s.!?"”’'  # a tail starts after one of these, or at the start of the line


def _options(ignore_case: bool) -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # RE2 would print every refused pattern on stderr
    options.case_sensitive = not ignore_case
    options.max_mem = _BUDGET
    return options


def unicode_classes(pattern: str) -> str:
    """``pattern`` with ``\\w``, ``\\s``, ``\\d`` (and negations) as the Unicode classes Python means."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            body = _UNICODE_CLASSES.get(escaped.lower())
            if body is None or (in_class and escaped.isupper()):
                out.append(char + escaped)  # a negated class inside a class stays ASCII
            elif in_class:
                out.append(body)
            else:
                out.append(f"[{'^' * escaped.isupper()}{body}]")
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            index += 1
            # a ']' right after '[' or '[^' is a literal, not the end of the class
            for prefix in ("^", "]"):
                if pattern.startswith(prefix, index):
                    out.append(prefix)
                    index += 1
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _why(message: str, pattern: str) -> str:
    """RE2's complaint in an editor's words."""
    if "(?<" in message and "(?P<" not in message:
        return "look-behind '(?<=' or '(?<!' is not supported"
    if "(?=" in message or "(?!" in message:
        return "look-ahead '(?=' or '(?!' is not supported"
    if "invalid escape sequence: \\" in message and message.rstrip()[-1:].isdigit():
        return "a back-reference like \\1 is not supported"
    if "pattern too large" in message:
        return "the pattern is too large (repetitions of repetitions?): simplify it"
    return message


@dataclass(frozen=True)
class Pattern:
    """One compiled editor pattern and where it was written."""

    source: str  # as the editor wrote it
    compiled: Any  # re2._Regexp
    tail: bool = False  # matches a fragment that ends the text (see compile_tail)

    @property
    def groupindex(self) -> dict[str, int]:
        """The editor's named groups (a tail's own wrapper group is not one)."""
        return dict(self.compiled.groupindex)

    def fullmatch(self, text: str) -> Any:
        """The match when the whole of ``text`` matches, else None."""
        return self.compiled.fullmatch(text)

    def search(self, text: str) -> Any:
        """The first match in ``text``, else None."""
        return self.compiled.search(text)

    def tail_start(self, text: str) -> int | None:
        """Where the fragment this tail pattern matches at the end of ``text`` begins."""
        match = self.compiled.search(text)
        return None if match is None else int(match.start(1))


def compile_pattern(
    pattern: str, path: str | Path, line: int, *, ignore_case: bool = True
) -> Pattern:
    """Compile an editor's pattern for RE2; a refused one is an error at its line."""
    return Pattern(pattern, _compile(unicode_classes(pattern), pattern, path, line, ignore_case))


def compile_tail(pattern: str, path: str | Path, line: int, *, ignore_case: bool = True) -> Pattern:
    """A pattern for a fragment ending a text, starting at a word or sentence boundary.

    The fragment begins at the text's start or right after a space or a sentence's
    end, never inside a word; :meth:`Pattern.tail_start` says where.
    """
    wrapped = f"(?:^|[{_TAIL_START}])((?:{unicode_classes(pattern)}))$"
    return Pattern(pattern, _compile(wrapped, pattern, path, line, ignore_case), tail=True)


def _compile(text: str, source: str, path: str | Path, line: int, ignore_case: bool) -> Any:
    try:
        return re2.compile(text, options=_options(ignore_case))
    except re2.error as error:
        raw = error.args[0] if error.args else str(error)
        message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        raise ContentError(path, f"bad pattern '{source}': {_why(message, source)}", line) from None
