"""What the stages of a build hand each other, in one typed object kept in Pelican's context.

The reader makes Pelican's articles; after that every stage reads what the ones
before it found from :class:`ArchiveState` and adds its own, and the templates
read it as ``archive`` (``archive.articles[article.slug].entity_groups``).
Nothing is hung on Pelican's article objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.chronology.event import Event
from archive.entities.mentions import Mention
from archive.entities.profiles import Profile, SidebarItem
from archive.entities.registry import Registry
from archive.notes.load import Note
from archive.site.text import Paragraph

CONTEXT_KEY = "archive"


@dataclass
class ArticleData:
    """What the stages found in one article."""

    title: str
    blocks: list[Paragraph]  # its paragraphs as a reader sees them
    mentions: list[Mention] = field(default_factory=list)  # (entities)
    entity_ids: list[str] = field(default_factory=list)  # in order of first mention
    entity_groups: list[tuple[str, list[SidebarItem]]] = field(default_factory=list)
    json_ld: str = ""
    events: list[Event] = field(default_factory=list)  # that it reports (chronology)
    notes: list[Note] = field(default_factory=list)  # listed below it (notes)
    note_ids: list[str] = field(default_factory=list)  # every note on it, in page order
    source: str = ""  # the publication, where the clipping names it

    @property
    def event_ids(self) -> list[str]:
        return [event.id for event in self.events]


@dataclass
class ArchiveState:
    """The archive as the stages have read it so far; ``None`` where a stage failed."""

    articles: dict[str, ArticleData] = field(default_factory=dict)  # by slug
    registry: Registry | None = None
    entity_names: dict[str, str] = field(default_factory=dict)  # display names by id
    profiles: dict[str, Profile] = field(default_factory=dict)
    events: list[Event] | None = None
    entity_events: dict[str, list[Event]] = field(default_factory=dict)
    entity_notes: dict[str, list[Note]] = field(default_factory=dict)
    event_notes: dict[str, list[Note]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # every checked note, for notes.html

    order: list[str] = field(default_factory=list)  # article slugs, oldest first

    def neighbours(self, slug: str) -> tuple[str | None, str | None]:
        """The articles just before and after ``slug`` by date (``None`` at either end)."""
        if slug not in self.order:
            return None, None
        at = self.order.index(slug)
        older = self.order[at - 1] if at else None
        newer = self.order[at + 1] if at + 1 < len(self.order) else None
        return older, newer

    def title(self, slug: str) -> str:
        """An article's title, for pages that cite it by slug (the slug if unknown)."""
        data = self.articles.get(slug)
        return data.title if data else slug
