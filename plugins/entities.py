"""Entity sidebars, mention links and entity pages.

A thin layer: ``archive.registry`` reads the registry, ``archive.mentions`` finds
the mentions, ``archive.linking`` turns them into links and
``archive.entity_index`` gathers what the pages show. This plugin runs them over
Pelican's articles and writes the pages and ``api/entities.json``.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.contents import Article, Content
from pelican.generators import Generator

from archive.core.errors import ContentError, build_errors
from archive.entities.jsonld import news_article, script_json
from archive.entities.linking import link_mentions
from archive.entities.mentions import Matcher
from archive.entities.profiles import ArticleMentions, build_profiles, entity_ids, sidebar
from archive.entities.registry import Registry, load_registry
from archive.site.export import entities_payload, write_json
from archive.site.text import paragraphs

ENTITY_INDEX_URL = "entities/index.html"


def entity_url(entity_id: str, page: int = 1) -> str:
    """Where an entity's page (or its n-th page of appearances) lives, from the site root."""
    return f"entities/{entity_id}/" + ("index.html" if page == 1 else f"page-{page}.html")


def relative_root(save_as: str) -> str:
    """The way back to the site root from a page saved at ``save_as``."""
    return "../" * save_as.count("/")


def replace_content(content: Content, html: str) -> None:
    """Swap a page's HTML, forgetting any copy Pelican memoised."""
    content._content = html
    Content.__dict__["get_content"].cache.clear()


class EntityGenerator(Generator):
    """Links mentions in every article, then writes entity pages and their data."""

    def generate_context(self) -> None:
        self.registry = self._load_registry()
        self.profiles = {}
        if self.registry is None:
            return
        matcher = Matcher(self.registry)
        found = [self._annotate(article, matcher) for article in self.context["articles"]]
        self.profiles = build_profiles(found, self.registry.entities)
        self.context["ENTITY_INDEX_URL"] = ENTITY_INDEX_URL
        self.context["entity_profiles"] = self.profiles
        self.context["entity_registry"] = self.registry

    def _load_registry(self) -> Registry | None:
        path = Path(self.settings["PATH"]) / self.settings["ARCHIVE_DATA"] / "entities.yaml"
        try:
            return load_registry(path)
        except ContentError as error:
            build_errors.report(error)
            return None

    def _annotate(self, article: Article, matcher: Matcher) -> ArticleMentions:
        assert self.registry is not None
        blocks = paragraphs(article._content)
        mentions = matcher.find([block.text for block in blocks])
        root = relative_root(article.save_as)
        entities = self.registry.entities
        replace_content(
            article,
            link_mentions(
                article._content, blocks, mentions, entities, lambda i: root + entity_url(i)
            ),
        )
        article.mentions = mentions
        article.blocks = blocks
        article.entity_ids = entity_ids(mentions)
        article.entity_groups = sidebar(mentions, entities)
        article.json_ld = script_json(
            news_article(
                headline=article.title,
                date=article.date.date().isoformat(),
                url=article.url,
                source=str(article.metadata.get("source") or ""),
                entities=[entities[i] for i in article.entity_ids],
                entity_url=entity_url,
            )
        )
        return ArticleMentions(
            article.slug,
            article.title,
            article.date.date().isoformat(),
            article.url,
            blocks,
            mentions,
        )

    def generate_output(self, writer: object) -> None:
        if self.registry is None:
            return
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template("entity")
        size = self.settings["ENTITY_APPEARANCES_PER_PAGE"]
        for entity in self.registry.entities.values():
            profile = self.profiles.get(entity.id)
            appearances = profile.appearances if profile else []
            chunks = [appearances[i : i + size] for i in range(0, len(appearances), size)] or [[]]
            for number, chunk in enumerate(chunks, 1):
                writer.write_file(
                    entity_url(entity.id, number), template, self.context, relative_urls=relative,
                    entity=entity, profile=profile, appearances=chunk, page_number=number,
                    page_count=len(chunks), page_url=lambda n, i=entity.id: entity_url(i, n),
                )  # fmt: skip
        writer.write_file(
            ENTITY_INDEX_URL, self.get_template("entities"), self.context, relative_urls=relative,
            registry=self.registry,
        )  # fmt: skip
        payload = entities_payload(self.registry, self.profiles, entity_url)
        write_json(Path(self.output_path) / "api" / "entities.json", payload)


def _generator(_: object) -> type[Generator]:
    return EntityGenerator


def register() -> None:
    """Add the entity generator after Pelican's article generator."""
    signals.get_generators.connect(_generator)
