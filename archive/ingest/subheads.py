"""Subheadings in a clipping's text: short lines that head the paragraphs after them.

Pages paste as paragraphs, so a subhead ("Role of China") arrives as one more
paragraph. The rule: a line between two paragraphs, short, without closing
punctuation, that the next paragraph continues (a longer paragraph that does end
as a sentence does) is a heading. Kept apart from the rest of ingest so that the
rule can be called wherever a clipping becomes paragraphs, and tested alone.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_WORDS = 8  # a longer line is a sentence without its full stop, not a heading
_CLOSING = tuple(".!?:;,…\"'”’)]–—-")
_SENTENCE_END = tuple(".!?…\"'”’)")


def is_subhead(previous: str | None, line: str, following: str | None) -> bool:
    """Whether ``line``, between ``previous`` and ``following`` paragraphs, is a subheading."""
    text = line.strip()
    if not previous or not following or not text or "\n" in text:
        return False
    if len(text.split()) > MAX_WORDS or text.endswith(_CLOSING):
        return False
    if not text[0].isupper():
        return False
    after = following.strip()
    return len(after) > len(text) and after.endswith(_SENTENCE_END) and not is_heading(after)


def is_heading(paragraph: str) -> bool:
    """Whether a Markdown paragraph already is a heading."""
    return paragraph.lstrip().startswith("#")


def subhead_indexes(paragraphs: Sequence[str]) -> list[int]:
    """The positions of the paragraphs that are subheadings."""
    found = []
    for i, line in enumerate(paragraphs):
        previous = paragraphs[i - 1] if i else None
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if not is_heading(line) and is_subhead(previous, line, following):
            found.append(i)
    return found


def mark_subheads(paragraphs: Sequence[str], level: int = 2) -> list[str]:
    """The paragraphs with each subheading written as a Markdown heading of ``level``."""
    marked = list(paragraphs)
    for i in subhead_indexes(paragraphs):
        marked[i] = f"{'#' * level} {paragraphs[i].strip()}"
    return marked
