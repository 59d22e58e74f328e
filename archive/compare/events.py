"""Which passages of each article are about an event, and the event's comparison.

An article reporting several events (a round-up) must not bring its whole text to
each of them. The lead (the first paragraph with a report) decides: when it
reports one event, the article is about that event, and every paragraph goes to
its comparison (a readout goes on long after its opening sentence, and mentions
of other events in it are background). For every other event, and in a round-up
(a lead reporting several events), a paragraph is about the events reported in
it; a paragraph with no report continues the events of the paragraph before;
paragraphs before the first report belong to the lead's events. Every sentence
of those paragraphs goes to :func:`archive.compare.align.align`, with the
entities mentioned in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from archive.chronology.event import Event
from archive.compare.align import Comparison, SourceReport, align, sentence_passages

MentionSpan = tuple[str, int, int, str]  # (paragraph id, start, end, entity id)


@dataclass(frozen=True)
class ArticleSource:
    """An article as the comparison reads it: paragraphs ``(id, text)``, mentions in them."""

    slug: str
    paragraphs: tuple[tuple[str, str], ...]
    mentions: tuple[MentionSpan, ...] = ()


def sections(
    paragraph_ids: Sequence[str], reported: Mapping[str, frozenset[str]]
) -> dict[str, list[str]]:
    """For each event reported in an article, the ids of its paragraphs about it (module doc)."""
    first = next((reported[p] for p in paragraph_ids if reported.get(p)), frozenset())
    current = first
    out: dict[str, list[str]] = {}
    for ident in paragraph_ids:
        current = reported.get(ident) or current
        for event in sorted(current):
            out.setdefault(event, []).append(ident)
    if len(first) == 1:  # not a round-up: the lead's event is the article's subject
        out[next(iter(first))] = list(paragraph_ids)
    return out


def compared_events(events: Iterable[Event]) -> list[Event]:
    """The events worth a comparison: not rejected, reported by two articles or more."""
    return [e for e in events if not e.rejected and len(e.articles) >= 2]


def compare_events(
    events: Iterable[Event],
    articles: Mapping[str, ArticleSource],
) -> dict[str, Comparison]:
    """The comparison of every event two or more articles report, by event id."""
    kept = [e for e in events if not e.rejected]
    chosen = compared_events(kept)
    reported: dict[str, dict[str, set[str]]] = {}
    for event in kept:  # every event ends the paragraphs of the one before
        for report in event.reports:
            reported.setdefault(report.article, {}).setdefault(report.paragraph, set()).add(
                event.id
            )
    about = {
        slug: sections(
            [p for p, _ in articles[slug].paragraphs],
            {p: frozenset(ids) for p, ids in by_paragraph.items()},
        )
        for slug, by_paragraph in reported.items()
    }
    return {
        event.id: align([_report(articles[a], about[a][event.id]) for a in event.articles])
        for event in chosen
    }


def _report(article: ArticleSource, paragraph_ids: list[str]) -> SourceReport:
    wanted = set(paragraph_ids)
    paragraphs = tuple((p, t) for p, t in article.paragraphs if p in wanted)
    mentions = [m for m in article.mentions if m[0] in wanted]
    return SourceReport(article.slug, article.paragraphs, sentence_passages(paragraphs, mentions))
