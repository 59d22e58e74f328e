"""Editors' notes on articles, their passages, entities and chronology events.

A thin layer over ``archive.notes``: it reads ``content/notes/`` (not an article
path, so Pelican does not read it), checks each note's target against what the
``entities`` and ``chronology`` plugins found, marks each anchored passage in its
article with a sidenote beside it, and hands the other notes to the theme:
``article.notes`` (article-level and floating notes), ``entity_notes`` and
``event_notes`` (by id). ``article.note_ids`` is for ``articles.json``.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from entities import replace_content
from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator

from archive.core.errors import ContentError, build_errors
from archive.notes.anchoring import Anchor, anchor
from archive.notes.load import Note, check_target, load_notes
from archive.notes.marking import Passage, mark_passages
from archive.site.text import paragraphs

# The theme draws notes; these macros of the partial draw a sidenote and its reference.
MACROS = "_article_notes"


class NoteGenerator(Generator):
    """Anchors every note and gives each page the notes it shows."""

    def generate_context(self) -> None:
        notes, errors = load_notes(Path(self.settings["PATH"]) / "notes")
        for error in errors:
            build_errors.report(error)
        articles: dict[str, Article] = {a.slug: a for a in self.context["articles"]}
        known = self._known(articles)
        checked = [note for note in notes if self._checks(note, known)]
        for slug, article in articles.items():
            self._annotate(
                article, [n for n in checked if n.kind == "article" and n.target == slug]
            )
        for kind in ("entity", "event"):
            by_target: dict[str, list[Note]] = {}
            for note in checked:
                if note.kind == kind:
                    by_target.setdefault(note.target, []).append(note)
            self.context[f"{kind}_notes"] = by_target

    def _known(self, articles: dict[str, Article]) -> dict[str, Collection[str] | None]:
        """The ids a note may name; ``None`` where the plugin that finds them has failed."""
        registry = self.context.get("entity_registry")
        dated = all(hasattr(article, "events") for article in articles.values())
        return {
            "article": set(articles),
            "entity": set(registry.entities) if registry else None,
            "event": {e.id for a in articles.values() for e in a.events} if dated else None,
        }

    def _checks(self, note: Note, known: dict[str, Collection[str] | None]) -> bool:
        try:
            check_target(note, known)
        except ContentError as error:
            build_errors.report(error)
            return False
        return True

    def _annotate(self, article: Article, notes: list[Note]) -> None:
        """Mark the passages the notes anchor to; list the others below the article."""
        blocks = paragraphs(article._content)
        order = {block.id: index for index, block in enumerate(blocks)}
        passages: list[Passage] = []
        article.notes = []
        for note in notes:
            try:
                where = anchor(note, blocks) if note.quote else None
            except ContentError as error:
                build_errors.report(error)
                continue
            if where is None:
                article.notes.append(note)
            else:
                passages.append(self._passage(note, where))
        passages.sort(key=lambda p: (order[p.anchor.paragraph], p.anchor.start))
        article.note_ids = [p.note_id for p in passages] + [note.id for note in article.notes]
        if passages:
            # Pelican cuts the index summary from the content: notes are not the article's text.
            article.metadata["summary"] = article.summary
            replace_content(article, mark_passages(article._content, passages))

    def _passage(self, note: Note, where: Anchor) -> Passage:
        macros = self.get_template(MACROS).module
        return Passage(note.id, where, str(macros.note_ref(note)), str(macros.sidenote(note)))


def _generator(_: object) -> type[Generator]:
    return NoteGenerator


def register() -> None:
    """Add the note generator (after the chronology, whose events notes may annotate)."""
    signals.get_generators.connect(_generator)
