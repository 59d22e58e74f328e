"""Shared passages marked in an article's HTML, with "also published in" before them.

Each copy of a reused passage is marked with ``<mark class="reused">`` in pieces
that each stay inside one element (an entity link, a note's mark), cut wherever
another shared passage of the paragraph starts or ends, so marks nest or are
disjoint. A note naming the other copies (HTML from the theme) goes just before
the paragraph where the copy starts: the paragraph's own text is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from itertools import pairwise

from archive.compare.reuse import Link
from archive.notes.marking import _outline  # the paragraphs' outline, shared with notes
from archive.site.text import Span, insert_spans


def first_spans(links: Sequence[Link]) -> list[Link]:
    """The first span of each cluster's copy: where its note goes."""
    seen: set[str] = set()
    out = []
    for link in links:
        if link.cluster not in seen:
            seen.add(link.cluster)
            out.append(link)
    return out


def mark_reuse(html: str, links: Sequence[Link], note: Callable[[Link], str]) -> str:
    """Mark every span of ``links`` in ``html``; ``note(link)`` before each copy's first paragraph."""
    if not links:
        return html
    outlines = _outline(html, {link.span.paragraph for link in links})
    inserts: dict[int, list[str]] = {}
    for link in first_spans(links):
        inserts.setdefault(outlines[link.span.paragraph].start, []).append(note(link))
    spans: list[Span] = []
    for link in links:
        span = link.span
        cuts = outlines[span.paragraph].cuts | {
            offset
            for other in links
            if other.span.paragraph == span.paragraph
            for offset in (other.span.start, other.span.end)
        }
        bounds = [span.start, *sorted(c for c in cuts if span.start < c < span.end), span.end]
        mark = f'<mark class="reused" data-reuse="{escape(link.cluster)}">'
        spans.extend(Span(span.paragraph, a, b, mark, "</mark>") for a, b in pairwise(bounds))
    for offset in sorted(inserts, reverse=True):
        html = html[:offset] + "".join(inserts[offset]) + html[offset:]
    return insert_spans(html, spans)
