"""Which passages of each article are about an event, and the event's comparison.

An article's subject is the event of its first report, in reading order: every
paragraph of the article goes to that event's comparison (a readout goes on long
after its opening sentence; other events it mentions are background, and what
only this source says is shown as such). For the other events of an article (a
round-up reports several), a paragraph is about the events reported in it; a
paragraph with no report continues the events of the paragraph before;
paragraphs before the first report belong to the first report's events. Every
sentence of those paragraphs goes to :func:`archive.compare.align.align`, with
the entities mentioned in it. An event of more than ``MAX_SOURCES`` articles
compares the first published.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from archive.chronology.event import Event
from archive.compare.align import Comparison, SourceReport, align, sentence_passages

MentionSpan = tuple[str, int, int, str]  # (paragraph id, start, end, entity id)
# A table of more columns than this cannot be read side by side, and aligning is
# quadratic in the sentences: an event of many reports compares its first ones.
MAX_SOURCES = 6


@dataclass(frozen=True)
class ArticleSource:
    """An article as the comparison reads it: paragraphs ``(id, text)``, mentions in them."""

    slug: str
    paragraphs: tuple[tuple[str, str], ...]
    mentions: tuple[MentionSpan, ...] = ()


def sections(
    paragraph_ids: Sequence[str], reported: Mapping[str, frozenset[str]], subject: str = ""
) -> dict[str, list[str]]:
    """For each event reported in an article, the ids of its paragraphs about it (module doc)."""
    first = next((reported[p] for p in paragraph_ids if reported.get(p)), frozenset())
    current = first
    out: dict[str, list[str]] = {}
    for ident in paragraph_ids:
        current = reported.get(ident) or current
        for event in sorted(current):
            out.setdefault(event, []).append(ident)
    if subject:
        out[subject] = list(paragraph_ids)
    return out


def compared_sources(event: Event) -> tuple[str, ...]:
    """The articles an event's comparison shows: the first ``MAX_SOURCES`` published."""
    return event.articles[:MAX_SOURCES]


def compared_events(events: Iterable[Event]) -> list[Event]:
    """The events worth a comparison: not rejected, reported by two articles or more."""
    return [e for e in events if not e.rejected and len(e.articles) >= 2]


def compare_events(
    events: Iterable[Event],
    articles: Mapping[str, ArticleSource],
    aligner: Callable[[Sequence[SourceReport]], Comparison] = align,
) -> dict[str, Comparison]:
    """The comparison of every event two or more articles report, by event id.

    ``aligner`` is :func:`align` or one that reuses its results (a pure function
    of the reports: a build keeps them by :func:`align_key`).
    """
    kept = [e for e in events if not e.rejected]
    reported: dict[str, dict[str, set[str]]] = {}
    for event in kept:  # every event ends the paragraphs of the one before
        for report in event.reports:
            by_paragraph = reported.setdefault(report.article, {})
            by_paragraph.setdefault(report.paragraph, set()).add(event.id)
    subjects = _subjects(kept, articles)
    about = {
        slug: sections(
            [p for p, _ in articles[slug].paragraphs],
            {p: frozenset(ids) for p, ids in by_paragraph.items()},
            subjects.get(slug, ""),
        )
        for slug, by_paragraph in reported.items()
    }
    return {
        event.id: aligner(
            [_report(articles[a], about[a][event.id]) for a in compared_sources(event)]
        )
        for event in compared_events(kept)
    }


def _subjects(events: Sequence[Event], articles: Mapping[str, ArticleSource]) -> dict[str, str]:
    """Each article's subject: the event of its first report, in reading order."""
    order = {slug: {p: i for i, (p, _) in enumerate(a.paragraphs)} for slug, a in articles.items()}
    first: dict[str, tuple[int, int, str]] = {}
    for event in events:
        for r in event.reports:
            place = (
                order[r.article].get(r.paragraph, len(order[r.article])),
                r.quote_start,
                event.id,
            )
            if r.article not in first or place < first[r.article]:
                first[r.article] = place
    return {slug: place[2] for slug, place in first.items()}


def _report(article: ArticleSource, paragraph_ids: list[str]) -> SourceReport:
    wanted = set(paragraph_ids)
    paragraphs = tuple((p, t) for p, t in article.paragraphs if p in wanted)
    mentions = [m for m in article.mentions if m[0] in wanted]
    return SourceReport(article.slug, article.paragraphs, sentence_passages(paragraphs, mentions))
