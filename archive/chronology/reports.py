"""Where a sentence becomes an event report: what happened, who took part, and when.

Each sentence of an article is read on its own, by rules and the editors' cue
words (``content/data/event_cues.yaml``); nothing here knows any article, person
or event, so articles never seen before are read the same way.

One occasion, one report
    Call, summit and meeting cues of one clause ("discussed Afghanistan with
    Putin by phone") are one report. In one sentence, reports of a call, summit
    or meeting whose participants are the same or a subset of the other's (not
    none), or a meeting in a "where" clause of another ("held a dialogue in
    Kabul, where the ambassador met ..."), are one occasion: one report, of the
    first kind of call, summit, meeting; the most specific participants of both.
Limits
    A noun cue near a name that belongs to another event, a "said" that is a
    statement, an event told as a question: the rules misread some sentences,
    and every report keeps its sentence and cue words so an editor can see why
    and correct the chronology (``content/data/corrections.yaml``).
Dates
    The date expression of the report's clauses nearest to its cue
    (:mod:`archive.dates`), except a dateline opening the sentence
    ("Aug. 25, 2021 (AGENCY)—", the publication date). "earlier in the day",
    "a day after" are counted from the anchor: the nearest other report of the
    sentence with a date of its own, else the first dated report of the previous
    sentence. No date words: the date is unknown ("no-date-words").
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from archive.chronology.clauses import Clause, clause_of, clauses
from archive.chronology.cues import CueMatch, Cues, find_cues
from archive.chronology.kinds import CONVERSATIONS, KIND_LABELS, MINIMUM_PARTICIPANTS
from archive.chronology.participants import (
    MentionLike,
    Named,
    by_level,
    coordinated,
    distance,
    takes_part,
)
from archive.dates import ResolvedDate, long_date, resolve_dates
from archive.ingest.dateline import dateline
from archive.site.text import Paragraph, sentences


@dataclass(frozen=True)
class ArticleText:
    """An article as events read it: its slug, publication date and paragraphs.

    The mentions given with it index ``paragraphs`` (``Matcher.find`` run on their texts).
    """

    slug: str
    published: datetime.date
    paragraphs: Sequence[Paragraph]


@dataclass(frozen=True)
class Report:
    """One sentence's account of one event, with everything needed to trace it."""

    article: str
    published: datetime.date
    paragraph: str
    quote: str  # the sentence
    quote_start: int  # its offsets in the paragraph's text
    quote_end: int
    kind: str
    participants: tuple[str, ...]  # entity ids, sorted
    cues: tuple[str, ...]  # the cue words as written
    date_text: str
    value: str  # EDTF, "" when unknown
    precision: str
    rule: str
    explanation: str
    refers_back: str = ""  # the words ("they") that brought participants from before


@dataclass
class _Draft:
    """A report being built: cues, clauses and participants before its date."""

    kind: str
    cues: list[CueMatch]
    clause_ids: list[int]
    participants: list[str]
    refers_back: str = ""
    date: ResolvedDate | None = None


@dataclass
class _Sentence:
    """What a later sentence may refer back to."""

    named: list[Named]
    drafts: list[_Draft]


def extract_reports(
    article: ArticleText,
    mentions: Sequence[MentionLike],
    entity_types: Mapping[str, str],
    cues: Cues,
) -> list[Report]:
    """Every event report of ``article``, in text order.

    ``mentions`` are the article's entity mentions (offsets into each paragraph's
    text, ``paragraph`` its index); ``entity_types`` maps an entity id to its type.
    """
    reports: list[Report] = []
    previous: _Sentence | None = None
    for index, paragraph in enumerate(article.paragraphs):
        in_paragraph = [m for m in mentions if m.paragraph == index]
        for start, end in sentences(paragraph.text):
            named = [
                Named(m.entity_id, entity_types[m.entity_id], m.start - start, m.end - start)
                for m in in_paragraph
                if start <= m.start < end and m.entity_id in entity_types
            ]
            text = paragraph.text[start:end]
            reader = _Reader(text, article.published, cues, entity_types, previous)
            previous = reader.read(named)
            reports += [_report(article, paragraph, (start, end), d) for d in previous.drafts]
    return reports


def _report(
    article: ArticleText, paragraph: Paragraph, span: tuple[int, int], draft: _Draft
) -> Report:
    date = draft.date or _no_date(article.published)
    return Report(
        article=article.slug,
        published=article.published,
        paragraph=paragraph.id,
        quote=paragraph.text[span[0] : span[1]],
        quote_start=span[0],
        quote_end=span[1],
        kind=draft.kind,
        participants=tuple(sorted(draft.participants)),
        cues=tuple(cue.text for cue in draft.cues),
        date_text=date.text,
        value=date.value,
        precision=date.precision,
        rule=date.rule,
        explanation=date.explanation,
        refers_back=draft.refers_back,
    )


def _no_date(published: datetime.date) -> ResolvedDate:
    explanation = f"no date words in the sentence; the article was published {long_date(published)}"
    return ResolvedDate(0, 0, "", "", "unknown", "no-date-words", explanation, published)


@dataclass
class _Reader:
    """Reads one sentence: its clauses, cues, participants and dates, in that order."""

    text: str
    published: datetime.date
    cues: Cues
    types: Mapping[str, str]
    previous: _Sentence | None
    parts: list[Clause] = field(default_factory=list)

    def read(self, named: list[Named]) -> _Sentence:
        """The sentence's reports, and what a later sentence may refer back to."""
        opening = _dateline_end(self.text)
        found = find_cues(self.text, self.cues)
        kept = [
            n for n in named if n.start >= opening and takes_part(self.text, n, found, self.cues)
        ]
        if not found:
            return _Sentence(kept, [])
        self.parts = clauses(self.text)
        drafts = _drafts(found, self.parts)
        self._assign(drafts, kept)
        for number, draft in enumerate(drafts):
            self._complete(draft, drafts[:number], kept)
        drafts = self._one_per_occasion(drafts)
        dates = [d for d in resolve_dates(self.text, self.published) if d.start >= opening]
        self._date(drafts, dates)
        return _Sentence(kept, drafts)

    def _assign(self, drafts: list[_Draft], kept: list[Named]) -> None:
        """Each group of mentions goes to the nearest cue of its clause."""
        for group in coordinated(self.text, kept):
            clause = clause_of(self.parts, group[0].start)
            near = [d for d in drafts if d.clause_ids[0] == clause]
            if near:
                nearest = min(
                    near, key=lambda d: min(distance(c, n) for c in d.cues for n in group)
                )
                nearest.participants += [n.entity_id for n in group]

    def _complete(self, draft: _Draft, earlier: list[_Draft], named: list[Named]) -> None:
        """Level the draft's participants, and take more from before when it says "they"."""
        minimum = MINIMUM_PARTICIPANTS[draft.kind]
        draft.participants = by_level(draft.participants, self.types, minimum)
        if len(draft.participants) >= minimum:
            return
        for start, end in self.parts[draft.clause_ids[0]].spans:
            plural = self.cues.refer_back_all.search(self.text, start, end)
            single = self.cues.refer_back_one.search(self.text, start, end)
            if plural:
                more = self._antecedent_group(earlier)
                draft.refers_back = plural.group()
            elif single:
                more = self._antecedent_person(named, single.start())
                draft.refers_back = single.group()
            else:
                continue
            draft.participants = by_level([*draft.participants, *more], self.types, minimum)
            return

    def _antecedent_group(self, earlier: list[_Draft]) -> list[str]:
        """Who "they" are: the nearest earlier event's participants, or the previous sentence's."""
        drafts = [*reversed(earlier), *(self.previous.drafts if self.previous else [])]
        for draft in drafts:
            if draft.participants:
                return draft.participants
        named = self.previous.named if self.previous else []
        return by_level([n.entity_id for n in named], self.types, 2)

    def _antecedent_person(self, named: list[Named], offset: int) -> list[str]:
        """Who "he" is: the last person named before it, or the first of the previous sentence."""
        before = [n.entity_id for n in named if n.type == "person" and n.end <= offset]
        earlier = [n.entity_id for n in self.previous.named] if self.previous else []
        return before[-1:] or [i for i in earlier if self.types.get(i) == "person"][:1]

    def _one_per_occasion(self, drafts: list[_Draft]) -> list[_Draft]:
        """Fold the reports of one sentence that tell one call, summit or meeting."""
        kept: list[_Draft] = []
        for draft in drafts:
            same = next((k for k in kept if self._same_occasion(k, draft)), None)
            if same is None:
                kept.append(draft)
                continue
            same.kind = min(same.kind, draft.kind, key=CONVERSATIONS.index)
            same.cues += draft.cues
            same.clause_ids += draft.clause_ids
            if draft.refers_back and set(draft.participants) - set(same.participants):
                same.refers_back = same.refers_back or draft.refers_back
            merged = [*same.participants, *draft.participants]
            same.participants = by_level(merged, self.types, MINIMUM_PARTICIPANTS[same.kind])
        return kept

    def _same_occasion(self, first: _Draft, second: _Draft) -> bool:
        if first.kind not in CONVERSATIONS or second.kind not in CONVERSATIONS:
            return False
        a, b = set(first.participants), set(second.participants)
        clause = self.parts[second.clause_ids[0]]
        elaborates = clause.opener == "where" and clause.parent in first.clause_ids
        return bool(a and a <= b) or bool(b and b <= a) or elaborates

    def _date(self, drafts: list[_Draft], found: list[ResolvedDate]) -> None:
        """Give each draft the date expression of its clauses nearest to its cue."""
        for draft in drafts:
            mine = [d for d in found if any(self.parts[i].holds(d.start) for i in draft.clause_ids)]
            draft.date = min(mine, key=lambda d: _cue_distance(draft, d), default=None)
        for draft in drafts:
            if draft.date is not None and draft.date.offset_days is not None:
                draft.date = self._anchored(draft.date, draft, drafts)

    def _anchored(self, date: ResolvedDate, draft: _Draft, drafts: list[_Draft]) -> ResolvedDate:
        """An anchored date counted from the event it refers to (see the module's rules)."""
        others = [d for d in drafts if d is not draft and _own_day(d)]
        if others:
            anchor = min(others, key=lambda d: _cue_distance(d, date))
            where = "in the same sentence"
        else:
            dated = [d for d in self.previous.drafts if _own_day(d)] if self.previous else []
            if not dated:
                return date
            anchor, where = dated[0], "in the previous sentence"
        assert anchor.date is not None  # see _own_day
        day = datetime.date.fromisoformat(anchor.date.value.rstrip("?"))
        again = resolve_dates(self.text, self.published, day)
        counted = next(d for d in again if d.start == date.start)
        label = KIND_LABELS[anchor.kind].lower()
        note = f" (the event it refers to: the {label} {where}, dated by '{anchor.date.text}')"
        return replace(counted, explanation=counted.explanation + note)


def _drafts(found: list[CueMatch], parts: list[Clause]) -> list[_Draft]:
    """One draft per cue, except that the conversation cues of one clause are one occasion."""
    drafts: list[_Draft] = []
    for cue in found:
        clause = clause_of(parts, cue.start)
        same = next((d for d in drafts if d.clause_ids[0] == clause and _talk(d.kind, cue)), None)
        if same is None:
            drafts.append(_Draft(cue.kind, [cue], [clause], []))
        else:
            same.cues.append(cue)
            same.kind = min(same.kind, cue.kind, key=CONVERSATIONS.index)
    return drafts


def _talk(kind: str, cue: CueMatch) -> bool:
    return kind in CONVERSATIONS and cue.kind in CONVERSATIONS


def _cue_distance(draft: _Draft, date: ResolvedDate) -> int:
    return min(max(cue.start - date.end, date.start - cue.end, 0) for cue in draft.cues)


def _dateline_end(text: str) -> int:
    """Where a dateline opening the sentence ends, else 0: it dates the publication."""
    found = dateline(text)
    return found.end if found else 0


def _own_day(draft: _Draft) -> bool:
    """Whether a draft has a day date of its own, not counted from another event."""
    date = draft.date
    return date is not None and date.precision == "day" and date.offset_days is None
