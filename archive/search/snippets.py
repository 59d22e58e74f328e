"""Snippets of a matching text, with the matched words marked."""

from __future__ import annotations

import re
from html import escape

from archive.search.analysis import TOKEN, indexed, stem

SNIPPET_WORDS = 20
SNIPPET_LEAD = 5  # words of context kept before the first match of a snippet


def excerpt(text: str, stems: frozenset[str], size: int = SNIPPET_WORDS) -> str:
    """The window of ``size`` words of ``text`` that holds the most distinct ``stems``.

    Ties go to the earliest window; without a match it is the opening words.
    """
    tokens = list(TOKEN.finditer(text))
    hits = [i for i, t in enumerate(tokens) if _matches(t.group(), stems)]
    best, best_count = 0, 0
    for i in hits:
        start = max(0, i - SNIPPET_LEAD)
        found = {stem(tokens[j].group().lower()) for j in hits if start <= j < start + size}
        if len(found) > best_count:
            best, best_count = start, len(found)
    return window(text, tokens, best, size)


def window(text: str, tokens: list[re.Match[str]], start: int, size: int = SNIPPET_WORDS) -> str:
    """``size`` words of ``text`` from token ``start`` on; "…" marks a cut, spaces are collapsed."""
    if not tokens:
        return " ".join(text.split())
    more = start + size < len(tokens)
    end = tokens[start + size - 1].end() if more else len(text)
    inner = " ".join(text[tokens[start].start() : end].split())
    return ("…" if start else "") + inner + ("…" if more else "")


def highlight(text: str, stems: frozenset[str]) -> str:
    """``text`` as HTML: escaped, with each word whose stem is in ``stems`` in ``<mark>``."""
    out, cursor = [], 0
    for token in TOKEN.finditer(text):
        if _matches(token.group(), stems):
            out.append(escape(text[cursor : token.start()]))
            out.append(f"<mark>{escape(token.group())}</mark>")
            cursor = token.end()
    out.append(escape(text[cursor:]))
    return "".join(out)


def snippet(text: str, stems: frozenset[str]) -> str:
    """The best window of ``text`` for ``stems``, highlighted (see ``excerpt``)."""
    return highlight(excerpt(text, stems), stems)


def _matches(token: str, stems: frozenset[str]) -> bool:
    word = token.lower()
    return indexed(word) and stem(word) in stems
