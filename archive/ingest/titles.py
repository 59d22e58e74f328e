"""A title derived from the lead when the clipping has no headline.

(Which line is the headline is decided in :mod:`archive.ingest.layout`.)
Without one, the title is the lead's first sentence, without a dateline; a
longer sentence is cut to whole words within 80 characters: at a clause end
(comma, semicolon, colon) in the last quarter of that length if there is
one, else before a name the cut would split, and never after a function
word ("the", "and"). Closing punctuation goes and no ellipsis is added (the
title is a label; ``title_derived`` tells that it is not the source's).
"""

from __future__ import annotations

from archive.ingest.dateline import dateline
from archive.site.text import sentences

HEADLINE_MIN_WORDS = 3  # a cut title keeps at least this many words
_TITLE_LENGTH = 80
_CLAUSE_SHARE = 0.75  # a clause ending this far into the length is a better cut
_TITLE_TRIM = " .,;:–—-"
# Words a cut title or slug should not end on.
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
     "with", "from", "as", "into", "onto", "than", "that", "which", "who", "whose", "his",
     "her", "its", "their", "our", "your", "my", "is", "are", "was", "were", "be", "been",
     "has", "have", "had", "will", "would"}
)  # fmt: skip


def derive_title(lead: str) -> str:
    """A short whole-word title from the lead's first sentence (its dateline left out)."""
    found = dateline(lead)
    text = lead[found.end :] if found else lead
    spans = sentences(text)
    sentence = text[spans[0][0] : spans[0][1]] if spans else text
    if len(sentence) > _TITLE_LENGTH:
        sentence = _cut(sentence.split(" "))
    title = sentence.rstrip(_TITLE_TRIM + "…")
    if title.count("“") != title.count("”") or title.count('"') % 2:
        title = title.lstrip('“"')
    return title


def _cut(words: list[str]) -> str:
    """The first words within the title length, not ending inside a name or on "the"."""
    count = 1
    while count < len(words) and len(" ".join(words[: count + 1])) <= _TITLE_LENGTH:
        count += 1
    kept = words[:count]
    clause = _last_clause_end(kept)
    if clause:
        return " ".join(kept[:clause])
    if count < len(words) and words[count][:1].isupper():
        kept = _without_trailing_name(kept)
    while len(kept) > 1 and kept[-1].strip(_TITLE_TRIM).lower() in FUNCTION_WORDS:
        kept.pop()
    return " ".join(kept)


def _last_clause_end(words: list[str]) -> int:
    """How many words end with a clause (a comma ...) late enough to make the title, or 0."""
    for count in range(len(words), 0, -1):
        if len(" ".join(words[:count])) < _CLAUSE_SHARE * _TITLE_LENGTH:
            return 0
        if words[count - 1][-1:] in ",;:":
            return count
    return 0


def _without_trailing_name(words: list[str]) -> list[str]:
    """``words`` less the capitalised words ending them, unless too little would be left."""
    end = len(words)
    while end > 0 and words[end - 1][:1].isupper() and words[end - 1][-1].isalnum():
        end -= 1
    return words[:end] if end >= HEADLINE_MIN_WORDS else words
