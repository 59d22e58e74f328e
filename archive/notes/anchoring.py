"""Where a note's quote stands in its article.

Anchoring happens on every build, against the article's paragraphs as a reader
sees them (:func:`archive.site.text.paragraphs`). Editors edit articles, so a quote can
stop matching; such an orphan fails the build at the quote's line unless the note
says ``float: true``, in which case it stays on the article as a note whose passage
is no longer found. Nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archive.core.errors import ContentError
from archive.notes.folding import fold, folded
from archive.notes.load import Note, Quote
from archive.site.text import Paragraph


@dataclass(frozen=True)
class Anchor:
    """Where a quote stands: ``text[start:end]`` of one paragraph."""

    paragraph: str
    start: int
    end: int


def anchor(note: Note, paragraphs: Sequence[Paragraph]) -> Anchor | None:
    """Where the note's quote stands in the article, or ``None`` for a quote that floats.

    The quote must lie within one paragraph. When it matches several passages, the
    ones whose folded text ends with the prefix just before the match and starts
    with the suffix just after it are kept; a quote that matches once is taken
    even if the text around it has changed.
    """
    assert note.quote is not None
    quote = note.quote
    exact = fold(quote.exact)
    found = [match for paragraph in paragraphs for match in _matches(exact, paragraph)]
    if not found:
        if quote.may_float:
            return None
        raise ContentError(
            note.path, f"quote not found in article {note.target}: \"{quote.exact}\" (correct "
            "it, or add 'float: true' to keep the note on the article)", note.lines.get("quote"),
        )  # fmt: skip
    context = [key for key in ("prefix", "suffix") if getattr(quote, key)]
    if len(found) > 1 and context:
        fitting = [match for match in found if _fits(match, quote)]
        if not fitting:
            raise ContentError(
                note.path, f"quote matches {len(found)} passages, none with this {context[0]}",
                note.lines.get(context[0]),
            )  # fmt: skip
        found = fitting
    if len(found) > 1:
        where = ", ".join(dict.fromkeys(match.anchor.paragraph for match in found))
        advice = "make the prefix or suffix longer" if context else "add a prefix or suffix"
        raise ContentError(
            note.path, f"quote matches {len(found)} passages; {advice} (in {where})",
            note.lines.get("quote"),
        )  # fmt: skip
    return found[0].anchor


@dataclass(frozen=True)
class _Match:
    anchor: Anchor
    before: str  # the folded paragraph text before the match
    after: str  # and after it


def _matches(exact: str, paragraph: Paragraph) -> list[_Match]:
    chars = folded(paragraph.text)
    text = "".join(char for char, _ in chars)
    found = []
    start = text.find(exact)
    while start >= 0:
        end = start + len(exact)
        where = Anchor(paragraph.id, chars[start][1], chars[end - 1][1] + 1)
        found.append(_Match(where, text[:start], text[end:]))
        start = text.find(exact, start + 1)
    return found


def _fits(match: _Match, quote: Quote) -> bool:
    before = match.before.rstrip().endswith(fold(quote.prefix))
    return before and match.after.lstrip().startswith(fold(quote.suffix))
