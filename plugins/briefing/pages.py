"""Pages whose render inputs are unchanged are neither rendered nor written again.

Pelican's writer stays in charge of every page; this subclass only answers, for
the templates of ``PAGE_KEYS``, whether the file already on disk was rendered
from the same inputs: the page's own data (its article, its entity's chunk of
appearances, the articles an index or archive lists), what the stages found for
it (links, sidebar, events, notes), the theme, the plugin's and ``archive``'s
code and the plain settings. Files a stage makes together from one set of inputs
(the chronology's page, JSON and calendar) are keyed by
:func:`write_unless_unchanged`. Other pages (search, 404, the notes and entity
indexes) are rendered every build. The keys and written bytes are kept in
``ARCHIVE_CACHE/briefing/pages.json`` (``archive.site.outputs``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.contents import Article
from pelican.writers import Writer

from archive.chronology.event import Event
from archive.compare.network import Network
from archive.core.cache import digest, tree_digest
from archive.site.outputs import OutputManifest

from .state import CONTEXT_KEY, ArchiveState, plugin_version

logger = logging.getLogger(__name__)


def _settings_digest(settings: dict[str, Any]) -> str:
    """The settings a template may show: every value that has a stable JSON form."""
    plain = {}
    for name, value in settings.items():
        try:
            plain[name] = json.dumps(value, sort_keys=True)
        except (TypeError, ValueError):
            continue  # functions, modules, objects: their code is hashed instead
    return digest(sorted(plain.items()))


def _events(events: list[Event]) -> list[tuple[str, str, str, int]]:
    """What article and entity pages show of their events."""
    return [(e.id, e.title, e.date, len(e.articles)) for e in events]


def _network(net: Network | None) -> object:
    """What a network picture shows: its layout, and of each edge's events their ids and dates."""
    if net is None:
        return None
    edges = [(e.source, e.target, e.kind, e.x1, e.y1, e.x2, e.y2, [(v.id, v.date) for v in e.events])
             for e in net.edges]  # fmt: skip
    return net.width, net.height, net.nodes, edges, net.centre


def _article_key(article: Article, state: ArchiveState) -> object:
    data = state.articles.get(article.slug)
    if data is None:
        return None
    neighbours = [(s, state.title(s)) if s else None for s in state.neighbours(article.slug)]
    return (
        article._content, article.title, article.date.isoformat(), sorted(article.metadata.items()),
        article.url, article.save_as, neighbours, data.json_ld, data.entity_groups,
        _events(data.events), data.notes, data.note_ids,
    )  # fmt: skip


def _entity_key(kwargs: dict[str, Any], state: ArchiveState) -> object:
    entity = kwargs["entity"]
    profile = kwargs["profile"]
    others = sorted(profile.co_mentions.most_common(10)) if profile else []
    first = kwargs["page_number"] == 1  # the notes, events and network are on the first page
    return (
        entity, (profile.mentions, profile.direct, len(profile.appearances)) if profile else None,
        kwargs["appearances"], kwargs["page_number"], kwargs["page_count"],
        [(other, count, state.entity_names.get(other)) for other, count in others],
        first and _events(state.entity_events.get(entity.id, [])),
        first and state.entity_notes.get(entity.id, []),
        first and _network(state.neighbourhoods.get(entity.id)),
    )  # fmt: skip


def _listing_key(kwargs: dict[str, Any], _: ArchiveState) -> object:
    """What Pelican's index and archive pages list: each article's link, title, date, outlet,
    summary, in both of the orders they are listed in."""
    shown = [
        (a.url, a.title, a.date.isoformat(), a.metadata.get("source"), a.summary)
        for a in kwargs["dates"]
    ]
    return kwargs.get("url"), [a.slug for a in kwargs["articles"]], shown


# The pages keyed, by template: what each is rendered from besides the build's constants.
PAGE_KEYS: dict[str, Callable[[dict[str, Any], ArchiveState], object]] = {
    "article.html": lambda kwargs, state: _article_key(kwargs["article"], state),
    "index.html": _listing_key,
    "archives.html": _listing_key,
    "period_archives.html": _listing_key,
    "entity.html": _entity_key,
    # A comparison shows its event and rows and its articles' headings, nothing else.
    "compare.html": lambda kwargs, _: (kwargs["event"], kwargs["rows"], kwargs["columns"]),
}


class SkippingWriter(Writer):
    """Pelican's writer, skipping keyed pages (``PAGE_KEYS``) rendered before from the same inputs."""

    def __init__(self, output_path: str, settings: dict[str, Any]) -> None:
        super().__init__(output_path, settings)
        self.manifest = OutputManifest(Path(settings["ARCHIVE_CACHE"]) / "briefing" / "pages.json")
        self.constants = digest(
            plugin_version(),
            tree_digest(Path(settings["THEME"])), _settings_digest(settings),
        )  # fmt: skip

    def write_file(
        self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> None:
        key = self._key(name, template, context, kwargs)
        output = Path(self.output_path) / name
        if key is not None and self.manifest.unchanged(name, key, output):
            return
        super().write_file(name, template, context, *args, **kwargs)
        if key is not None:
            self.manifest.record(name, key, output)

    def _key(
        self, name: str, template: Any, context: dict[str, Any], kwargs: dict[str, Any]
    ) -> str | None:
        state = context.get(CONTEXT_KEY)
        page = PAGE_KEYS.get(getattr(template, "name", ""))
        if page is None or not isinstance(state, ArchiveState) or kwargs.get("paginated"):
            return None
        found = page(kwargs, state)
        if found is None:
            return None
        return digest(self.constants, name, bool(state.registry), state.events is None, found)


def write_unless_unchanged(
    writer: Writer, names: Sequence[str], inputs: object, write: Callable[[], None]
) -> None:
    """Make the site's files ``names`` by ``write()``, unless all were made from these ``inputs``.

    ``inputs`` is everything the files show, besides what the writer's constants
    (code, theme, settings) already cover.
    """
    if not isinstance(writer, SkippingWriter):
        write()
        return
    key = digest(writer.constants, names, inputs)
    output = Path(writer.output_path)
    if all(writer.manifest.unchanged(name, key, output / name) for name in names):
        return
    write()
    for name in names:
        writer.manifest.record(name, key, output / name)


def writer(_: Pelican) -> type[Writer]:
    return SkippingWriter


def save_manifest(written_by: Writer) -> None:
    """Keep the pages' keys for the next build, once the last keyed page is written."""
    if isinstance(written_by, SkippingWriter):
        manifest = written_by.manifest
        logger.info("pages: %d unchanged, %d rendered", manifest.skipped, manifest.rendered)
        manifest.save()
