"""Where a sentence becomes an event report: what happened, who took part, and when.

Each sentence of an article is read on its own, by rules and the editors' cue
words (``content/data/event_cues.yaml``); nothing here knows any article, person
or event, so articles never seen before are read the same way.

Kinds
    ``call`` (a phone or video call), ``meeting`` (talks, a meeting, a dialogue,
    a delegation hosted; the medium unstated), ``summit`` (leaders of a group,
    also virtually), ``statement`` (a briefing, remarks, a statement, a press
    conference: an explicit cue, never a plain "said"), ``takeover`` (power
    seized, a government overthrown, a city captured). One report per cue.
Clauses
    A sentence is cut into clauses so that each cue finds its own participants
    and date: a clause starts at "after", "before" (with an offset before them:
    "a day after"), "while", "although", "because", "but", "that" (reported
    speech is not the event), and at ";". A relative clause (", which", ", who",
    "where") runs to the next comma, and the clause it interrupted goes on after.
Participants
    The entity mentions of the cue's clause (with several cues in a clause, each
    mention goes to the nearest cue, names joined by "and" together), except:

    - a reporting venue: an organisation after "according to" or just before
      "reported" (the ``reporting`` cue lists) reports the event, it is not in it;
    - an organisation or place after a preposition such as "in", "on", "at",
      "of" (a place, a topic, an affiliation: "deputy head of the Taliban's
      office"), skipping articles and numbers ("at the 11th BRICS meeting");
    - a name inside a hyphenated modifier ("US-backed", "post-Taliban").

    Then by level: the persons; if fewer than the kind needs (two for a call or
    meeting, one otherwise), the organisations too; if still fewer, the places
    (countries act when only they are named: "China and Russia held talks").
    Still too few, and the clause says "they", "the two leaders", "these
    countries" (``refer_back``): the participants of the event referred to,
    the nearest earlier one in the sentence or the first of the previous
    sentence, or else the previous sentence's names; "he"/"she": the person
    named last before it in the sentence, or first in the previous sentence.
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
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from archive.dates import ResolvedDate, find_explicit_dates, long_date, resolve_dates
from archive.errors import ContentError
from archive.text import Paragraph, sentences
from archive.yamlfile import compose

KIND_LABELS = {
    "call": "Phone call",
    "summit": "Summit",
    "meeting": "Talks",
    "statement": "Statement",
    "takeover": "Takeover",
}
KINDS = tuple(KIND_LABELS)
CONVERSATIONS = ("call", "summit", "meeting")  # one occasion takes the first of these
MINIMUM_PARTICIPANTS = {"call": 2, "meeting": 2, "summit": 1, "statement": 1, "takeover": 1}
ENTITY_LEVELS = ("person", "organization", "place")


# ---- cue words -------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One cue phrase of an event kind, as an editor wrote it, compiled."""

    kind: str
    phrase: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Cues:
    """The editors' cue lists (``event_cues.yaml``), compiled."""

    cues: tuple[Cue, ...]
    by_first_word: Mapping[str, tuple[Cue, ...]]  # lower-case
    first_words: re.Pattern[str]  # where a cue may start: one pass over a sentence
    refer_back_one: re.Pattern[str]
    refer_back_all: re.Pattern[str]
    reporting_before: re.Pattern[str]
    reporting_after: re.Pattern[str]


_NEVER = r"(?!)"
_WORD = re.compile(r"\w+")
_GAP = r"(?:\s+[^\s,;]+){0,6}?\s+"  # "..." in a cue: up to six words within a clause


def _phrase_pattern(phrase: str) -> str:
    """A cue phrase as a regex: whole words, flexible spaces, "..." as a short gap."""
    parts = [part.split() for part in phrase.split("...")]
    words = [r"[\s-]+".join(re.escape(w).replace("'", "['’]") for w in part) for part in parts]
    return rf"(?<!\w){_GAP.join(words)}(?!\w)"


def _alternation(phrases: Sequence[str]) -> str:
    patterns = [_phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True)]
    return "|".join(f"(?:{p})" for p in patterns) or _NEVER


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def load_cues(path: Path) -> Cues:
    """Read and check the cue file; a problem is a ``ContentError`` at its line."""
    root = _compose(path)
    top = _mapping(root, path, ("kinds", "refer_back", "reporting"))
    if "kinds" not in top:
        raise ContentError(path, "the cue file has no 'kinds'", root.start_mark.line + 1)
    cues: list[Cue] = []
    seen: dict[str, int] = {}
    for kind, node in _mapping(top["kinds"], path, KINDS).items():
        for phrase, line in _phrases(node, path):
            if phrase.lower() in seen:
                raise ContentError(
                    path,
                    f"cue '{phrase}' is listed twice (first at line {seen[phrase.lower()]})",
                    line,
                )
            seen[phrase.lower()] = line
            pattern = re.compile(_phrase_pattern(phrase), re.IGNORECASE)
            cues.append(Cue(kind, phrase, pattern))
    refer = _lists(top.get("refer_back"), path, ("one", "all"))
    reporting = _lists(top.get("reporting"), path, ("before", "after"))
    by_first_word: dict[str, tuple[Cue, ...]] = {}
    for cue in cues:
        first = _WORD.findall(cue.phrase)[0].lower()
        by_first_word[first] = (*by_first_word.get(first, ()), cue)
    return Cues(
        cues=tuple(cues),
        by_first_word=by_first_word,
        first_words=re.compile(rf"\b(?=\w)(?:{_words(by_first_word)})\b", re.IGNORECASE),
        refer_back_one=re.compile(_alternation(refer["one"]), re.IGNORECASE),
        refer_back_all=re.compile(_alternation(refer["all"]), re.IGNORECASE),
        reporting_before=re.compile(
            rf"(?:{_alternation(reporting['before'])})(?:\s+[\w'’.-]+){{0,4}}?\s*$", re.IGNORECASE
        ),
        reporting_after=re.compile(
            rf"^(?:\s+[\w'’.-]+){{0,3}}?\s+(?:{_alternation(reporting['after'])})", re.IGNORECASE
        ),
    )


def _compose(path: Path) -> Node:
    root = compose(path, "the cue file")
    if root is None:
        raise ContentError(path, "the cue file is empty")
    return root


def _mapping(node: Node, path: Path, keys: Sequence[str]) -> dict[str, Node]:
    """The entries of a mapping node whose keys must be among ``keys``."""
    if not isinstance(node, MappingNode):
        raise ContentError(
            path, f"expected a mapping with {', '.join(keys)}", node.start_mark.line + 1
        )
    entries: dict[str, Node] = {}
    for key_node, value in node.value:
        key = str(key_node.value)
        if key not in keys:
            message = f"unknown key '{key}' (expected one of: {', '.join(keys)})"
            raise ContentError(path, message, key_node.start_mark.line + 1)
        entries[key] = value
    return entries


def _phrases(node: Node, path: Path) -> list[tuple[str, int]]:
    """The texts of a list node, with their lines; "..." may not open or close a phrase."""
    if not isinstance(node, SequenceNode):
        raise ContentError(path, "expected a list of phrases", node.start_mark.line + 1)
    phrases = []
    for item in node.value:
        line = item.start_mark.line + 1
        text = " ".join(str(item.value).split()) if isinstance(item, ScalarNode) else ""
        if not _WORD.search(text) or text.startswith("...") or text.endswith("..."):
            raise ContentError(path, "each cue must be words, with '...' only between words", line)
        phrases.append((text, line))
    return phrases


def _lists(node: Node | None, path: Path, keys: Sequence[str]) -> dict[str, list[str]]:
    entries = _mapping(node, path, keys) if node is not None else {}
    return {
        key: [p for p, _ in _phrases(entries[key], path)] if key in entries else [] for key in keys
    }


# ---- clauses ---------------------------------------------------------------------

_SUBORDINATE = re.compile(
    r"\b(?:\w+\s+(?:days?|weeks?)\s+)?(?:after|before|while|whereas|although|because|but"
    r"|that(?!\s+(?:same\s+)?(?:day|week|month|year|morning|afternoon|evening|night)\b))\b",
    re.IGNORECASE,
)  # "that" opens reported speech, except in "later that day"
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|where)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """Part of a sentence, possibly interrupted by a relative clause (hence several spans)."""

    spans: tuple[tuple[int, int], ...]
    opener: str  # the words that open it, lower-case ("where", "a day after"); "" for the first
    parent: int | None  # for a relative clause, the index of the clause it interrupts

    def holds(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans)


def clauses(sentence: str) -> list[Clause]:
    """Cut ``sentence`` into clauses (see the module's rules)."""
    marks = [(m.start(), "sub", m.group().lower()) for m in _SUBORDINATE.finditer(sentence)]
    marks += [
        (m.start(), "rel", m.group().lower())
        for m in _RELATIVE.finditer(sentence)
        if m.group().lower() == "where" or sentence[: m.start()].rstrip().endswith(",")
    ]
    marks += [(m.start(), m.group(), m.group()) for m in re.finditer("[,;]", sentence)]
    spans: list[list[tuple[int, int]]] = [[]]
    openers, parents = [""], [None]
    current, start, resume = 0, 0, None
    for position, kind, words in sorted(marks):
        if kind == ",":
            if resume is not None:
                spans[current].append((start, position))
                current, start, resume = resume, position, None
            continue
        spans[current].append((start, position))
        start = position + 1 if kind == ";" else position
        resume = current if kind == "rel" else (None if kind == ";" else resume)
        parents.append(current if kind == "rel" else None)
        spans.append([])
        openers.append(words)
        current = len(spans) - 1
    spans[current].append((start, len(sentence)))
    return [
        Clause(tuple(s for s in clause if s[1] > s[0]), opener, parent)
        for clause, opener, parent in zip(spans, openers, parents, strict=True)
    ]


# ---- reports ---------------------------------------------------------------------


class MentionLike(Protocol):
    """What events need of an entity mention (:class:`archive.mentions.Mention`)."""

    @property
    def entity_id(self) -> str: ...
    @property
    def paragraph(self) -> int: ...  # index into the article's paragraphs
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


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


@dataclass(frozen=True)
class _Named:
    """A mention inside one sentence, with offsets into the sentence."""

    entity_id: str
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class _CueMatch:
    kind: str
    start: int
    end: int
    text: str


@dataclass
class _Draft:
    """A report being built: cues, clauses and participants before its date."""

    kind: str
    cues: list[_CueMatch]
    clause_ids: list[int]
    participants: list[str]
    refers_back: str = ""
    date: ResolvedDate | None = None


@dataclass
class _Sentence:
    """What a later sentence may refer back to."""

    named: list[_Named]
    drafts: list[_Draft]


_PREPOSITIONS = frozenset(
    {"in", "on", "about", "at", "of", "from", "to", "into", "over", "across", "for", "near",
     "regarding", "around", "within", "throughout", "toward", "towards", "against", "during"}
)  # fmt: skip
_SKIPPED = re.compile(r"(?:the|a|an|its|their|his|her|\d+(?:st|nd|rd|th)?)", re.IGNORECASE)
_AND = re.compile(r",?\s+and\s+(?:[\w'’.-]+\s+){0,3}")  # "and his Russian counterpart"
_LOOK_BACK = 80  # characters before a name that the participant rules look at
_HYPHEN_BEFORE, _HYPHEN_AFTER = re.compile(r"\w-$"), re.compile(r"-\w")  # "post-Taliban"
_ATTRIBUTE = re.compile(r"(?:['’]s)?\s+[A-Z]")  # "Chinese President", "China's People's Daily"
_DATELINE_REACH = 60  # a dateline's date starts within this many characters
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*[—–-]")
_DATELINE_BEFORE = re.compile(r"(?:[A-Z][\w.'’ -]*,\s*)?")


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
                _Named(m.entity_id, entity_types[m.entity_id], m.start - start, m.end - start)
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

    def read(self, named: list[_Named]) -> _Sentence:
        """The sentence's reports, and what a later sentence may refer back to."""
        opening = _dateline_end(self.text)
        found = _find_cues(self.text, self.cues)
        kept = [n for n in named if n.start >= opening and self._takes_part(n, found)]
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

    def _takes_part(self, mention: _Named, found: list[_CueMatch]) -> bool:
        """Whether a mention can be a participant (see the module's rules on participants)."""
        before = self.text[max(0, mention.start - _LOOK_BACK) : mention.start]
        after = self.text[mention.end :]
        if _HYPHEN_BEFORE.search(before) or _HYPHEN_AFTER.match(after):
            return False
        if mention.type == "person":
            return True
        if _ATTRIBUTE.match(after):
            return False
        cues = self.cues
        if mention.type == "organization" and (
            cues.reporting_before.search(before) or cues.reporting_after.match(after)
        ):
            return False
        preposition = _preposition_before(before)
        return preposition is None or any(c.start <= preposition < c.end for c in found)

    def _assign(self, drafts: list[_Draft], kept: list[_Named]) -> None:
        """Each group of mentions goes to the nearest cue of its clause."""
        for group in _coordinated(self.text, kept):
            clause = _clause_of(self.parts, group[0].start)
            near = [d for d in drafts if d.clause_ids[0] == clause]
            if near:
                nearest = min(
                    near, key=lambda d: min(_distance(c, n) for c in d.cues for n in group)
                )
                nearest.participants += [n.entity_id for n in group]

    def _complete(self, draft: _Draft, earlier: list[_Draft], named: list[_Named]) -> None:
        """Level the draft's participants, and take more from before when it says "they"."""
        minimum = MINIMUM_PARTICIPANTS[draft.kind]
        draft.participants = _level(draft.participants, self.types, minimum)
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
            draft.participants = _level([*draft.participants, *more], self.types, minimum)
            return

    def _antecedent_group(self, earlier: list[_Draft]) -> list[str]:
        """Who "they" are: the nearest earlier event's participants, or the previous sentence's."""
        drafts = [*reversed(earlier), *(self.previous.drafts if self.previous else [])]
        for draft in drafts:
            if draft.participants:
                return draft.participants
        named = self.previous.named if self.previous else []
        return _level([n.entity_id for n in named], self.types, 2)

    def _antecedent_person(self, named: list[_Named], offset: int) -> list[str]:
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
            same.participants = _level(merged, self.types, MINIMUM_PARTICIPANTS[same.kind])
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


def _drafts(found: list[_CueMatch], parts: list[Clause]) -> list[_Draft]:
    """One draft per cue, except that the conversation cues of one clause are one occasion."""
    drafts: list[_Draft] = []
    for cue in found:
        clause = _clause_of(parts, cue.start)
        same = next((d for d in drafts if d.clause_ids[0] == clause and _talk(d.kind, cue)), None)
        if same is None:
            drafts.append(_Draft(cue.kind, [cue], [clause], []))
        else:
            same.cues.append(cue)
            same.kind = min(same.kind, cue.kind, key=CONVERSATIONS.index)
    return drafts


def _talk(kind: str, cue: _CueMatch) -> bool:
    return kind in CONVERSATIONS and cue.kind in CONVERSATIONS


def _find_cues(text: str, cues: Cues) -> list[_CueMatch]:
    """Every cue in ``text``: at each word, the longest cue starting there, leftmost first."""
    found: list[_CueMatch] = []
    for word in cues.first_words.finditer(text):
        if found and word.start() < found[-1].end:
            continue
        starting = cues.by_first_word.get(word.group().lower(), ())
        matches = [(m, c) for c in starting if (m := c.pattern.match(text, word.start()))]
        if matches:
            match, cue = max(matches, key=lambda pair: pair[0].end())
            found.append(_CueMatch(cue.kind, match.start(), match.end(), match.group()))
    return found


def _clause_of(parts: list[Clause], offset: int) -> int:
    return next((i for i, clause in enumerate(parts) if clause.holds(offset)), len(parts) - 1)


def _coordinated(text: str, named: list[_Named]) -> list[list[_Named]]:
    """Mentions joined by "and" ("Xi and his Russian counterpart Putin") go together."""
    groups: list[list[_Named]] = []
    for mention in named:
        if groups and _AND.fullmatch(text, groups[-1][-1].end, mention.start):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _distance(cue: _CueMatch, mention: _Named) -> int:
    return max(cue.start - mention.end, mention.start - cue.end, 0)


def _cue_distance(draft: _Draft, date: ResolvedDate) -> int:
    return min(max(cue.start - date.end, date.start - cue.end, 0) for cue in draft.cues)


def _preposition_before(before: str) -> int | None:
    """Where the preposition before a name starts, past articles and numbers, if any.

    A preposition that ends a cue ("fell to the Taliban") names the actor, so the
    caller keeps those.
    """
    for word in reversed(list(re.finditer(r"\S+", before))[-4:]):
        bare = word.group().strip("\"'“”‘’()")
        if bare != word.group().lstrip("\"'“”‘’(") or bare.endswith((",", ";", ":")):
            return None
        if not _SKIPPED.fullmatch(bare):
            return word.start() if bare.lower() in _PREPOSITIONS else None
    return None


def _level(ids: Sequence[str], types: Mapping[str, str], minimum: int) -> list[str]:
    """Persons; then organisations, then places, while fewer than ``minimum``."""
    chosen: list[str] = []
    for level in ENTITY_LEVELS:
        if chosen and len(chosen) >= minimum:
            break
        chosen += [i for i in dict.fromkeys(ids) if types.get(i) == level]
    return chosen


def _dateline_end(text: str) -> int:
    """Where a dateline opening the sentence ends ("Aug. 25, 2021 (AGENCY)—"), else 0.

    A dateline gives the publication's date and agency, not an event's.
    """
    for date in find_explicit_dates(text[:_DATELINE_REACH]):
        after = _DATELINE_AFTER.match(text, date.end)
        if after and _DATELINE_BEFORE.fullmatch(text[: date.start]):
            return after.end()
    return 0


def _own_day(draft: _Draft) -> bool:
    """Whether a draft has a day date of its own, not counted from another event."""
    date = draft.date
    return date is not None and date.precision == "day" and date.offset_days is None
