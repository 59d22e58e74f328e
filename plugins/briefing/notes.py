"""Stage: editors' notes checked against what the archive has, and anchored to their passages.

``archive.notes`` does the work. ``content/notes/`` is not an article path, so
Pelican does not read it; this stage does, checks each note's target against the
entity and chronology stages' findings, marks each anchored passage in its
article with a sidenote beside it, and gives the other notes to the state.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from pelican.contents import Article
from pelican.generators import Generator

from archive.core import urls
from archive.core.errors import ContentError, build_errors
from archive.notes.anchoring import Anchor, anchor
from archive.notes.listing import listing
from archive.notes.load import Note, check_target, load_notes
from archive.notes.marking import Passage, mark_passages
from archive.site.text import paragraphs

from .entities import replace_content
from .state import ArchiveState

# The theme draws notes; these macros of the partial draw a sidenote and its reference.
MACROS = "_article_notes"


def anchor_notes(generator: Generator, state: ArchiveState) -> None:
    """Anchor every note and give each page the notes it shows."""
    notes, errors = load_notes(Path(generator.settings["PATH"]) / "notes")
    for error in errors:
        build_errors.report(error)
    articles: dict[str, Article] = {a.slug: a for a in generator.context["articles"]}
    known = _known(state)
    checked = [note for note in notes if _checks(note, known)]
    for slug, article in articles.items():
        on_article = [n for n in checked if n.kind == "article" and n.target == slug]
        _annotate(generator, article, state, on_article)
    state.entity_notes = _by_target(checked, "entity")
    state.event_notes = _by_target(checked, "event")
    state.notes = checked


def write_notes_page(generator: Generator, writer: Any, state: ArchiveState) -> None:
    """``notes.html``, every note newest first."""
    anchored = {i for data in state.articles.values() for i in data.note_ids}
    anchored -= {n.id for data in state.articles.values() for n in data.notes}
    titles = {e.id: e.title for data in state.articles.values() for e in data.events}

    def place(note: Note) -> str:
        if note.kind == "article":
            return f"“{state.title(note.target)}”"
        if note.kind == "entity":
            return state.entity_names.get(note.target, note.target)
        return titles.get(note.target, note.target)

    entries = listing(state.notes, anchored, place)
    writer.write_file(
        urls.NOTES, generator.get_template("notes"), generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"], entries=entries,
    )  # fmt: skip


def _by_target(notes: list[Note], kind: str) -> dict[str, list[Note]]:
    by_target: dict[str, list[Note]] = {}
    for note in notes:
        if note.kind == kind:
            by_target.setdefault(note.target, []).append(note)
    return by_target


def _known(state: ArchiveState) -> dict[str, Collection[str] | None]:
    """The ids a note may name; ``None`` where the stage that finds them has failed."""
    return {
        "article": set(state.articles),
        "entity": set(state.registry.entities) if state.registry else None,
        "event": {e.id for a in state.articles.values() for e in a.events}
        if state.events is not None
        else None,
    }


def _checks(note: Note, known: dict[str, Collection[str] | None]) -> bool:
    try:
        check_target(note, known)
    except ContentError as error:
        build_errors.report(error)
        return False
    return True


def _annotate(
    generator: Generator, article: Article, state: ArchiveState, notes: list[Note]
) -> None:
    """Mark the passages the notes anchor to; list the others below the article."""
    data = state.articles[article.slug]
    blocks = paragraphs(article._content)
    order = {block.id: index for index, block in enumerate(blocks)}
    passages: list[Passage] = []
    for note in notes:
        try:
            where = anchor(note, blocks) if note.quote else None
        except ContentError as error:
            build_errors.report(error)
            continue
        if where is None:
            data.notes.append(note)
        else:
            passages.append(_passage(generator, note, where))
    passages.sort(key=lambda p: (order[p.anchor.paragraph], p.anchor.start))
    data.note_ids = [p.note_id for p in passages] + [note.id for note in data.notes]
    if passages:
        # Pelican cuts the index summary from the content: notes are not the article's text.
        article.metadata["summary"] = article.summary
        replace_content(article, mark_passages(article._content, passages))


def _passage(generator: Generator, note: Note, where: Anchor) -> Passage:
    macros = generator.get_template(MACROS).module
    return Passage(note.id, where, str(macros.note_ref(note)), str(macros.sidenote(note)))
