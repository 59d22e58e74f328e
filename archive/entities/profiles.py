"""What the archive says about each entity: where it is mentioned, with whom, how often.

Built from every article's mentions; the entity pages, the sidebars and
``entities.json`` all read from it, so they cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from archive.entities.mentions import Mention
from archive.entities.registry import Entity, wholes
from archive.entities.types import ENTITY_TYPES, TYPE_LABELS
from archive.site.text import Paragraph, sentence_at

# An entity page quotes this many mentions per article; the rest are counted, not quoted.
CONTEXTS_PER_ARTICLE = 3


@dataclass(frozen=True)
class ArticleMentions:
    """The mentions found in one article, with the paragraphs they point into."""

    slug: str
    title: str
    date: str
    url: str
    paragraphs: Sequence[Paragraph]
    mentions: Sequence[Mention]


@dataclass(frozen=True)
class Context:
    """A sentence around a mention, split so a template can mark the mention."""

    paragraph: str
    before: str
    mention: str
    after: str


@dataclass
class Appearance:
    """One article's mentions of one entity."""

    slug: str
    title: str
    date: str
    url: str
    count: int = 0
    contexts: list[Context] = field(default_factory=list)
    via: list[str] = field(default_factory=list)  # names of the parts mentioned (part_of)


@dataclass
class Profile:
    """Everything the archive knows about one entity."""

    entity: Entity
    mentions: int = 0
    appearances: list[Appearance] = field(default_factory=list)
    co_mentions: Counter[str] = field(default_factory=Counter)

    @cached_property  # asked by each of its pages; the appearances are complete by then
    def direct(self) -> int:
        """The articles that name the entity itself (the others name only a part of it)."""
        return sum(1 for appearance in self.appearances if appearance.count)


@dataclass(frozen=True)
class SidebarItem:
    """One line of an article's sidebar."""

    entity: Entity
    count: int


def context(paragraph: Paragraph, mention: Mention) -> Context:
    """The sentence holding ``mention``, cut around it."""
    start, end = sentence_at(paragraph.text, mention.start)
    text = paragraph.text
    end = max(end, mention.end)
    return Context(
        paragraph.id,
        text[start : mention.start],
        text[mention.start : mention.end],
        text[mention.end : end],
    )


def build_profiles(
    articles: Sequence[ArticleMentions], entities: dict[str, Entity]
) -> dict[str, Profile]:
    """Profiles of the entities mentioned at least once, newest article first.

    A mention of a part (``part_of``) also lists the article on each whole's page,
    "via" the part, without adding to the whole's mention count: the text names
    the airport, not the city.
    """
    profiles: dict[str, Profile] = {}
    for article in sorted(articles, key=lambda a: (a.date, a.slug), reverse=True):
        by_entity: dict[str, list[Mention]] = {}
        for mention in article.mentions:
            by_entity.setdefault(mention.entity_id, []).append(mention)
        shown: dict[str, Appearance] = {}
        for entity_id, found in by_entity.items():
            profile = profiles.setdefault(entity_id, Profile(entities[entity_id]))
            profile.mentions += len(found)
            profile.co_mentions.update({other: 1 for other in by_entity if other != entity_id})
            shown[entity_id] = _appearance(article, found, len(found))
            profile.appearances.append(shown[entity_id])
        for entity_id, found in by_entity.items():
            for whole in wholes(entity_id, entities):
                if whole not in shown:
                    shown[whole] = _appearance(article, found, 0)
                    profiles.setdefault(whole, Profile(entities[whole])).appearances.append(
                        shown[whole]
                    )
                shown[whole].via.append(entities[entity_id].name)
    return profiles


def _appearance(article: ArticleMentions, found: list[Mention], count: int) -> Appearance:
    appearance = Appearance(article.slug, article.title, article.date, article.url, count)
    appearance.contexts = [
        context(article.paragraphs[m.paragraph], m) for m in found[:CONTEXTS_PER_ARTICLE]
    ]
    return appearance


def sidebar(
    mentions: Sequence[Mention], entities: dict[str, Entity]
) -> list[tuple[str, list[SidebarItem]]]:
    """An article's entities grouped by type, most mentioned first, with counts."""
    counts = Counter(m.entity_id for m in mentions)
    groups = []
    for kind in ENTITY_TYPES:
        items = [SidebarItem(entities[i], n) for i, n in counts.items() if entities[i].type == kind]
        items.sort(key=lambda item: (-item.count, item.entity.name))
        if items:
            groups.append((TYPE_LABELS[kind], items))
    return groups


def entity_ids(mentions: Sequence[Mention]) -> list[str]:
    """The entities of an article in order of first mention."""
    return list(
        dict.fromkeys(m.entity_id for m in sorted(mentions, key=lambda m: (m.paragraph, m.start)))
    )
