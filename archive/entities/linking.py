"""Where a mention becomes a link: entity mentions laid over an article's HTML.

Only the first mention of an entity in each paragraph is linked, so the prose
stays readable; every mention still counts in the sidebar and the data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from archive.entities.mentions import Mention
from archive.entities.registry import Entity
from archive.site.text import Paragraph, Span, insert_spans, link_ranges


def first_per_paragraph(mentions: Sequence[Mention]) -> list[Mention]:
    """The first mention of each entity in each paragraph, in text order."""
    seen: set[tuple[int, str]] = set()
    chosen = []
    for mention in sorted(mentions, key=lambda m: (m.paragraph, m.start)):
        key = (mention.paragraph, mention.entity_id)
        if key not in seen:
            seen.add(key)
            chosen.append(mention)
    return chosen


def link_mentions(
    html: str,
    paragraphs: Sequence[Paragraph],
    mentions: Sequence[Mention],
    entities: dict[str, Entity],
    href: Callable[[str], str],
) -> str:
    """Return ``html`` with the first mention per paragraph linked to its entity page.

    A mention inside a link of the text itself (an editor's ``[…](https://…)``) is
    not linked: the next mention of that entity in the paragraph is.
    """
    links = link_ranges(html)
    free = [
        mention
        for mention in mentions
        if not any(
            start < mention.end and mention.start < end
            for start, end in links.get(paragraphs[mention.paragraph].id, ())
        )
    ]
    spans = []
    for mention in first_per_paragraph(free):
        entity = entities[mention.entity_id]
        open_tag = (
            f'<a class="entity entity--{entity.type}" href="{escape(href(entity.id))}"'
            f' data-entity="{escape(entity.id)}" title="{escape(_label(entity))}">'
        )
        spans.append(
            Span(paragraphs[mention.paragraph].id, mention.start, mention.end, open_tag, "</a>")
        )
    return insert_spans(html, spans)


def _label(entity: Entity) -> str:
    return f"{entity.name} — {entity.role}" if entity.role else entity.name
