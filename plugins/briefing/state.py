"""What the stages of a build hand each other, in one typed object kept in Pelican's context.

The reader makes Pelican's articles; after that every stage reads what the ones
before it found from :class:`ArchiveState` and adds its own, and the templates
read it as ``archive`` (``archive.articles[article.slug].entity_groups``).
Nothing is hung on Pelican's article objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from archive.chronology.event import Event
from archive.compare.align import Comparison
from archive.compare.network import Network
from archive.compare.reuse import Cluster
from archive.compare.timeline import Timeline
from archive.core.cache import StageCache, code_version, digest, tree_digest
from archive.entities.mentions import Mention
from archive.entities.profiles import Profile, SidebarItem
from archive.entities.registry import Registry
from archive.notes.load import Note
from archive.site.text import Paragraph

CONTEXT_KEY = "archive"
PLUGIN = Path(__file__).resolve().parent


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
    # A hash of its HTML as read and its file (entities): its mentions and reports are
    # functions of it and of the editors' data, so their caches are keyed by it.
    text_key: str = ""

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
    # (compare) by event id; the archive's shared passages; the pictures' layouts
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    reuse: list[Cluster] | None = None
    timeline: Timeline | None = None
    network: Network | None = None
    neighbourhoods: dict[str, Network] = field(default_factory=dict)  # by entity id

    notes: list[Note] = field(default_factory=list)  # every checked note, for notes.html

    # Each article's slugs of the ones just before and after it by date (None at either end).
    adjacent: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def neighbours(self, slug: str) -> tuple[str | None, str | None]:
        """The articles just before and after ``slug`` by date (``None`` at either end)."""
        return self.adjacent.get(slug, (None, None))

    def set_order(self, slugs: list[str]) -> None:
        """Take the articles' order, oldest first (looked up per page: a dict, not a search)."""
        ends: list[str | None] = [None, *slugs, None]
        self.adjacent = {slug: (ends[i], ends[i + 2]) for i, slug in enumerate(slugs)}

    @property
    def registry_key(self) -> str:
        """A hash of the registry's entries (not of where they stand in the file)."""
        if self.registry is None:
            return ""
        entries = sorted(self.registry.entities.values(), key=lambda e: e.id)
        return digest([replace(e, line=0) for e in entries])

    def title(self, slug: str) -> str:
        """An article's title, for pages that cite it by slug (the slug if unknown)."""
        data = self.articles.get(slug)
        return data.title if data else slug


def stage_cache(settings: dict[str, Any], stage: str, version: str) -> StageCache[Any]:
    """The cache of one stage's per-article results, in ``ARCHIVE_CACHE/briefing/``.

    Its version covers ``version`` (the editors' data the stage reads) and the
    code of ``archive`` and of this plugin, so results of older rules, or of an
    older shape, are never reused.
    """
    path = Path(settings["ARCHIVE_CACHE"]) / "briefing" / f"{stage}.pickle"
    return StageCache(path, digest(version, plugin_version()))


@cache
def plugin_version() -> str:
    """A hash of the code of ``archive`` and of this plugin (both shape what is cached)."""
    return digest(code_version(), tree_digest(PLUGIN, pattern="*.py"))
