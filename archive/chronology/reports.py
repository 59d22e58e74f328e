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
    Statements of one sentence with the same (or no) participants are one.
    One person who meets several named after the verb ("is due to meet India's
    prime minister, Narendra Modi, and Turkey's president, Recep Tayyip
    Erdogan") has as many meetings.
Events kept apart
    A summit named as the setting of another event ("held talks ... on the
    sidelines of a summit of the SCO"; after "at", "during", "before", "ahead
    of", "on the eve, fringes, margins of") is a report of its own, and takes
    only its own organisation. So is a cue written as a definite noun.
Events named again
    A cue written as a definite noun ("the summit", "the call", "their
    meeting", "the bloc's annual summit") whose participants are all among an
    earlier event's, or share one with it, is that event named again: the
    latest such event of the sentence or of the article, of its own kind
    first (a "meeting", "talks" or "conversation" may also name a call or a
    summit; "the summit" naming no organisation and no name before the noun,
    "Zelensky, addressing the summit by video", is the article's first summit
    told, not as a setting if it can, whoever it names). The report takes its kind and participants, so it joins it in
    the chronology; named in its own sentence, it is folded into it. The
    article's latest event of that kind naming nobody ("Arab leaders meeting
    in Jeddah on Saturday ...") is the one a noun naming participants names
    again ("The Arab League summit ..."): it takes them; so does a summit
    naming nobody from "Leaders of ECOWAS ..." opening the next sentence. "The
    next summit" is another one, and so is a noun after "since" ("since their
    informal summit": an earlier one).
Participants from around the clause
    Besides the rules of :mod:`archive.chronology.participants`: the person
    before "who" ("Erdoğan, who also held talks with Putin"), the name before
    "whose" ("ECOWAS, whose leaders meet"); the countries or bodies whose
    delegations held talks ("talks between delegations of Saudi Arabia and
    Iran"), instead of the persons the clause names; the sentence's
    subject for a clause opened by a participle ("Johnson says ..., after
    speaking by phone to Macron"; "He ... before heading to talks with Xi":
    whom "he" is), and for a takeover naming nobody when that subject is an
    organisation ("The MNDAA ... said its fighters entered the town"), and
    for "a meeting with X" naming one side only ("Putin acknowledged ..., in a
    meeting with Xi"); "the bloc", "the group", "its leaders" (the
    cue file's ``refer_back: body``) for the organisation named last, in the
    sentence, the previous one, the article's summits, the article; a summit
    naming nobody ("the next summit") for the body of the article's last
    summit; "he" never for a name after a preposition ("the call with Putin,
    he spoke"); the object of a cue ("the call with Putin") for that cue.
Limits
    A noun cue near a name that belongs to another event, a "said" that is a
    statement, an event told as a question: the rules misread some sentences,
    and every report keeps its sentence and cue words so an editor can see why
    and correct the chronology (``content/data/corrections.yaml``).
Dates
    The date expression of the report's clauses nearest to its cue
    (:mod:`archive.dates`; a comma between them counts as far, a date in a
    "which" or "where" clause on the event's noun is the event's: "the summit,
    which began on 22 October"), except a dateline opening the sentence
    ("MOSCOW, Aug 25 (AGENCY) -": the publication's date; its places are never
    participants either, nor is a speaker's label opening it ("Wang Wenbin:"
    in a transcript), nor are the names of a closing attribution: "...,
    the Kremlin aide Yury Ushakov said"). A clause opened by "when" or ", as"
    takes the date of the clause it hangs on, and so does one opened by "after"
    and a participle after a report of it ("said Monday ..., after holding talks
    with Xi"; not "arrived on Sunday after attending the summit"); "that
    day", "the day before" count from the previous sentence's dated event (else
    the article's latest): "day-told-before". "earlier in the day", "a day after" are
    counted from the anchor: the nearest other report of the sentence with a
    date of its own, else the first dated report of the previous sentence,
    else the latest of the article; an offset opening the sentence ("A day
    after the vote, X met Y") counts forward from it. When the offset names
    its anchor by a noun ("a day after the call, she spoke", "held a day
    before the summit"), the anchor is the event so named, and the date is
    the OTHER event's, counted the right way ("after the call" is later than
    the call). With no event told before it, an offset after a main clause in
    the present ("The Taliban are consolidating their grip, a day after their
    fighters swept into the capital") counts from the publication day. A summit named as a setting takes no date told before it (that
    is its sentence's verb's: "flew into Hiroshima today ... at the G7
    summit"); with no date of its own, it is when the event set in it is
    ("will meet in July at the summit"; a date told after the setting is the
    event's: "met Modi on the sidelines of the summit on Saturday"), or the day after it for a summit it
    is told on the eve of (none for one it is "ahead of"); talks "on the
    sidelines", on the day of the article's summit told last. A statement
    (a briefing, remarks, a news conference) with no
    date words is the article's own occasion: it takes the publication date
    ("article-date"), or the day of the event it is told with ("he told a news
    conference after the meeting": "day-of-named-event"). What an announcement
    says had been done ("announced late on Wednesday that they had removed the
    president"), with no date of its own, was done by the announcement's day
    ("date-of-announcement"). An event named again
    keeps a date of its sentence only when it can be the date it was first
    told with. An event of the article's first paragraph told in the
    present perfect with no date words ("have held their first talks") is
    the news of the publication day ("present-perfect-lead"). An undated
    event after a sentence of its paragraph that tells no event but one day
    ("The red carpet was laid out on May 19 ...") is on that day
    ("date-of-the-scene"). A paragraph opened by an update label ("Update, 24 August:")
    and those after it count their dates from the day of the update. A date after "since", "until", "beyond" or "into" bounds a span
    ("the first since 2019"): it is no event's date. No date words otherwise:
    the date is unknown ("no-date-words").
Left out
    A statement naming nobody, even with a date ("soldiers announced on
    Wednesday"): a chronology entry of no one. An admission told by a welcome ("welcomed Belarus as a full member",
    "welcomed back to the League at a summit") is no meeting: its names go to
    the summit it is told at. A statement naming nobody that closes its sentence after another event,
    past a comma ("... spoke by phone on Tuesday, the ministry said in a
    statement") is the source of that report. A cue naming nobody and no
    date ("accession talks take years") tells that such things happen, not
    an occasion.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
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
    forces_of,
    holds,
    seat_of_power,
    taken,
    takes_part,
)
from archive.chronology.periods import days_apart
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
    unstated_medium: bool = False  # told by cues that leave phone or in person open


@dataclass
class _Draft:
    """A report being built: cues, clauses and participants before its date."""

    kind: str
    cues: list[CueMatch]
    clause_ids: list[int]
    participants: list[str]
    refers_back: str = ""
    date: ResolvedDate | None = None
    setting: bool = False  # a summit named as the setting of another event
    alone: bool = False  # a setting, or a noun named definitely: no other cue joins it
    antecedent: _Draft | None = None  # the earlier event this one names again


@dataclass
class _Sentence:
    """What a later sentence may refer back to."""

    named: list[Named]
    drafts: list[_Draft]
    text: str = ""
    paragraph: int = 0


@dataclass
class _Memory:
    """What the article has told so far: its reports and the organisations it named."""

    drafts: list[_Draft] = field(default_factory=list)
    named_bodies: list[str] = field(default_factory=list)  # organisations named as actors
    persons: list[str] = field(default_factory=list)


_DEFINITE = re.compile(
    r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
    r"(?:[\w’'+-]+\s+){0,3}|['’]s\s+(?:[a-z][\w’'-]*\s+){0,3})$"
)  # "the European Council summit", "the bloc's annual summit"; not "China's President Xi met"
_SINCE_THE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w’'+-]+\s+){0,3}$")
_NOT_NOUN = re.compile(
    r"(?:\w+ed|met|meets?|held|holds?|took|fell|spoke|sat|sits?|swept|overthrew|will|due"
    r"|next|leaders|its|ministers|by|over|on)\b",
    re.IGNORECASE,
)  # a cue opening with a verb or a preposition is not a noun named again
_ANOTHER = re.compile(
    r"\b(?:next|following|upcoming|another|last|previous|new|future|second|third)\b",
    re.IGNORECASE,
)  # "the next summit" is another one
_NAMES_AGAIN = {
    "call": ("call",),
    "meeting": ("call", "meeting", "summit"),
    "summit": ("summit",),
    "statement": ("statement",),
    "takeover": ("takeover",),
}  # the kinds an event named again by a noun of each kind may be
_SETTING = re.compile(
    r"\b(?:at|during|before|ahead\s+of|on\s+the\s+(?:eve|sidelines|fringes|margins)\s+of)\s+"
    r"(?:(?:the|a|an|its|their|this|[A-Z0-9][\w’'.+-]*|\([^()]{1,12}\))\s+){0,5}$"
)  # "on the sidelines of a Shanghai Cooperation Organization (SCO) summit"
_WITH = re.compile(r"\s+(?:with|to)\s+(?:the\s+)?", re.IGNORECASE)
_ATTRIBUTED = re.compile(
    r",\s+[^,]{0,60}?\s+(?:said|says|told\s+reporters)[.!?]?[\"”’']?$"
)  # "..., the Kremlin aide Yury Ushakov said.": who tells the news, not who took part
_SINCE = re.compile(r"\b(?:since|until|till|beyond|into)\s+$", re.IGNORECASE)  # a bound
_AS = re.compile(r",\s+as\s+[^,;]*$", re.IGNORECASE)  # ", as the two leaders met": meanwhile
_SIDELINES = re.compile(r"\bon\s+the\s+(?:sidelines|margins|fringes)\b(?!\s+of\b)", re.IGNORECASE)
_AHEAD_OF = re.compile(r"\b(?:before|ahead\s+of)\s+(?:\S+\s+){0,5}$", re.IGNORECASE)
_EVE_OF = re.compile(r"\bon\s+the\s+eve\s+of\s+(?:\S+\s+){0,5}$", re.IGNORECASE)
_ON_THE_NOUN = ("which", "where")  # relative clauses that tell of the event itself
_AGREEING_DAYS = 2  # as far apart as the merging window lets two dates of one event be
_OBJECT_WORDS = frozenset({"with", "to", "by", "from", "of", "for", "against", "and"})
_GERUND = re.compile(r"\s+\w+ing\b")
_PEOPLE = re.compile(r"leaders|presidents|ministers|heads", re.IGNORECASE)
_ANCHOR_REACH = 5  # characters between an offset ("a day after") and the noun it names
_SAID = re.compile(r"(?:said|says|told)\b", re.IGNORECASE)  # the words of an attribution
_TRAILING = 30  # an attribution ends its sentence: at most these characters follow it
_UPDATE = re.compile(r"\s*(?:update|updated)\b[\s,(]+([^:)—–]{3,30}?)\s*[:)—–]", re.IGNORECASE)
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:just|now|also|finally)\s+)?(?:been\s+)?"
    r"(?:\w+ed|\w+en|held|met|sat|swept|made|won|begun|told)\b",
    re.IGNORECASE,
)  # "have held", "has been welcomed back", "has taken"
_PRESENT_MAIN = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b")  # "are consolidating"
_ITS_FIGHTERS = re.compile(
    r"\b(?:its|their)\s+(?:fighters|forces|troops|soldiers|militants|gunmen)\b", re.IGNORECASE
)  # "a day after their fighters swept into the capital": the body named before
_MEETS = re.compile(r"\b(?:meet|meets|met)$", re.IGNORECASE)  # a verb with its objects
_WELCOME = re.compile(r"welcome[ds]?", re.IGNORECASE)
_ADMITTED = re.compile(r"\s+(?:back\b|(?:[^\s,;]+\s+){1,6}?as\s+(?:a|an|the|its|their)\b)")
_SPEAKER = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*:\s+")  # "Wang Wenbin: "
_TRAVEL = re.compile(r"(?:state\s+)?visit(?:s|ed)?|travel\s+to", re.IGNORECASE)
_THAT_DAY = re.compile(
    r"\b(?:that|the\s+same)\s+day\b|\bthe\s+day\s+(before|after)\b"
    r"|\bthe\s+(previous|next)\s+day\b",
    re.IGNORECASE,
)  # a day named by the event told before it
_WITH_CUE = re.compile(r"^(?:meeting|talks|call|conversation)\s+with$", re.IGNORECASE)
_DELEGATIONS = re.compile(r"\bdelegations\s+(?:of|from)\s+", re.IGNORECASE)
_HAD_DONE = re.compile(
    r"that\s+(?:[\w'’-]+\s+){0,4}?had\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|took|seized|won)\b",
    re.IGNORECASE,
)  # "that they had removed", "that the army had seized": done before it was told
_ANNOUNCING = re.compile(
    r"\b(?:announced|declared|said|confirmed|claimed|stated|told)\b", re.IGNORECASE
)  # the verb whose date a "that ... had" clause takes
_COMMA_REACH = 100  # what a comma between a date and a cue adds to their distance


def extract_reports(
    article: ArticleText,
    mentions: Sequence[MentionLike],
    entity_types: Mapping[str, str],
    cues: Cues,
    within: Mapping[str, str] | None = None,
) -> list[Report]:
    """Every event report of ``article``, in text order.

    ``mentions`` are the article's entity mentions (offsets into each paragraph's
    text, ``paragraph`` its index); ``entity_types`` maps an entity id to its type,
    ``within`` a place to the country it lies within (``registry.outermost``).
    """
    told: list[tuple[Paragraph, tuple[int, int], _Draft, datetime.date]] = []
    previous: _Sentence | None = None
    memory = _Memory()
    written = article.published
    for index, paragraph in enumerate(article.paragraphs):
        written = _update_date(paragraph.text, written)
        in_paragraph = [m for m in mentions if m.paragraph == index]
        for start, end in sentences(paragraph.text):
            named = [
                Named(m.entity_id, entity_types[m.entity_id], m.start - start, m.end - start)
                for m in in_paragraph
                if start <= m.start < end and m.entity_id in entity_types
            ]
            text = paragraph.text[start:end]
            reader = _Reader(
                text, written, cues, entity_types, previous, memory, index, within or {}
            )
            previous = reader.read(named)
            memory.drafts += previous.drafts
            told += [(paragraph, (start, end), d, written) for d in previous.drafts]
    # made at the end: a later sentence may name whose an event told by nobody was
    return [_report(article, *each, cues) for each in told]


def _update_date(text: str, written: datetime.date) -> datetime.date:
    """The day a paragraph opened by an update label was written ("Update, 24 August: On
    Thursday ..."): it and the paragraphs after it count their dates from that day."""
    label = _UPDATE.match(text)
    if label is None:
        return written
    found = resolve_dates(label.group(1), written)
    if not found or found[0].precision != "day":
        return written
    day = datetime.date.fromisoformat(found[0].value.rstrip("?"))
    return max(day, written)


def _report(
    article: ArticleText,
    paragraph: Paragraph,
    span: tuple[int, int],
    draft: _Draft,
    written: datetime.date,
    cues: Cues,
) -> Report:
    date = draft.date or _no_date(article.published)
    if written != article.published and date.value:
        note = f" (counted from the update of {long_date(written)} that the article prints)"
        date = replace(date, explanation=date.explanation + note)
    unstated = all(cue.phrase.lower() in cues.unstated_medium for cue in draft.cues)
    unstated = unstated and draft.kind in ("call", "meeting")
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
        unstated_medium=unstated,
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
    memory: _Memory = field(default_factory=_Memory)
    paragraph: int = 0  # its index in the article
    within: Mapping[str, str] = field(default_factory=dict)  # a place's country
    parts: list[Clause] = field(default_factory=list)
    mentioned: list[Named] = field(default_factory=list)  # the sentence's names, all of them
    holders: set[str] = field(default_factory=set)

    def read(self, named: list[Named]) -> _Sentence:
        """The sentence's reports, and what a later sentence may refer back to."""
        opening = _dateline_end(self.text)
        said = _ATTRIBUTED.search(self.text)
        closing = said.start() if said else len(self.text)
        named = [n for n in named if opening <= n.start < closing]
        self.mentioned = named
        found = [c for c in find_cues(self.text, self.cues) if not self._source_of_news(c)]
        kept = [n for n in named if takes_part(self.text, n, found, self.cues, named)]
        self.holders = {
            n.entity_id for n in kept if holds(self.text, n, found) or taken(self.text, n, found)
        }
        bodies = [n for n in named if n.type == "organization"]
        if not found:
            self._whose_summit(kept)
            self._remember(kept)
            return _Sentence(kept, [], self.text, self.paragraph)
        self.parts = clauses(self.text)
        drafts = _drafts(found, self.parts, self.text)
        self._assign(drafts, kept)
        for number, draft in enumerate(drafts):
            self._complete(draft, drafts[:number], kept, bodies)
            self._delegations(draft, named)
        drafts = self._one_per_occasion(drafts)
        drafts = [d for d in self._named_again(drafts) if not self._attribution(d, drafts)]
        drafts = self._bilaterals(self._admissions(drafts), named)
        dates = [
            d
            for d in resolve_dates(self.text, self.published)
            if d.start >= opening and not _SINCE.search(self.text, 0, d.start)
        ]
        self._date(drafts, dates)
        for draft in drafts:
            if draft.antecedent and not _agrees(draft.date, _root(draft).date):
                draft.date = None  # "their meeting ..., agreed in 2001": another time
        drafts = [
            d
            for d in drafts
            if (d.participants or d.date is not None)
            and not self._said_at(d, drafts)
            and not self._lone_trip(d)
            and (d.participants or d.kind != "statement")
        ]
        self._article_date(drafts)
        self._just_happened(drafts)
        self._scene(drafts)
        self._remember(kept)
        return _Sentence(kept, drafts, self.text, self.paragraph)

    def _whose_summit(self, kept: list[Named]) -> None:
        """ "... came at an extraordinary summit in Abuja on Sunday. Leaders of ECOWAS, chaired
        by Nigeria's Bola Tinubu, gave the junta seven days": the body whose leaders the next
        sentence names held the summit told before naming nobody."""
        summits = [d for d in (self.previous.drafts if self.previous else []) if d.kind == "summit"]
        if not summits or summits[-1].participants:
            return
        held = [n.entity_id for n in kept if n.type == "organization" and holds(self.text, n, [])]
        summits[-1].participants += held[:1]

    def _attribution(self, draft: _Draft, drafts: list[_Draft]) -> bool:
        """ "X and Y spoke by phone on Tuesday, the ministry said in a statement": the
        statement is where the news comes from, not an event of its own."""
        if draft.kind != "statement" or len(self.text) - draft.cues[-1].end > _TRAILING:
            return False
        if draft.participants or not _SAID.match(draft.cues[0].text):
            return False
        cue = draft.cues[0].start
        return any(
            other.kind != "statement" and "," in self.text[max(c.end for c in other.cues) : cue]
            for other in drafts
            if max(c.end for c in other.cues) <= cue
        )

    def _lone_trip(self, draft: _Draft) -> bool:
        """ "Putin is due to travel to Harbin for a trade fair": a visit naming one traveller
        and no host is a trip, not a meeting of anyone."""
        return (
            draft.kind == "meeting"
            and len(draft.participants) < 2
            and all(_TRAVEL.fullmatch(cue.text) for cue in draft.cues)
        )

    def _said_at(self, draft: _Draft, drafts: list[_Draft]) -> bool:
        """ "In opening remarks, Putin thanked Xi", "Xi's remarks, as carried by state media":
        words said at a call, meeting or summit told before, by those who took part in it,
        with no date of their own, are part of that occasion, not one of their own."""
        if draft.kind != "statement" or draft.date is not None or not draft.participants:
            return False
        if any(_NOT_NOUN.match(cue.text) or " " in cue.phrase for cue in draft.cues):
            return False  # "announced", "said in a statement", "issued a statement"
        told = [d for d in [*self.memory.drafts, *drafts] if d is not draft]
        return any(
            d.kind in CONVERSATIONS and set(draft.participants) <= set(d.participants) for d in told
        )

    def _remember(self, kept: list[Named]) -> None:
        self.memory.named_bodies += [n.entity_id for n in kept if n.type == "organization"]
        self.memory.persons += [n.entity_id for n in kept if n.type == "person"]

    def _source_of_news(self, cue: CueMatch) -> bool:
        """A statement cue after "according to" ("according to the Kremlin readout") is a source."""
        before = self.text[max(0, cue.start - 60) : cue.start] + " x"
        return cue.kind == "statement" and bool(self.cues.reporting_before.search(before))

    def _assign(self, drafts: list[_Draft], kept: list[Named]) -> None:
        """Each group of mentions goes to the nearest cue of its clause.

        The object of a cue ("the call with Putin") is nearest to it whatever follows.
        """

        def reach(draft: _Draft, group: list[Named]) -> int:
            return min(
                0 if _WITH.fullmatch(self.text, c.end, n.start) else distance(c, n)
                for c in draft.cues
                for n in group
            )

        for group in coordinated(self.text, kept):
            clause = clause_of(self.parts, group[0].start)
            held = all(n.entity_id in self.holders for n in group)
            near = [d for d in drafts if d.clause_ids[0] == clause and (held or not d.setting)]
            if near:
                nearest = min(near, key=lambda d: reach(d, group))
                nearest.participants += [n.entity_id for n in group]

    def _complete(
        self, draft: _Draft, earlier: list[_Draft], named: list[Named], bodies: list[Named]
    ) -> None:
        """Level the draft's participants, and take more from before when it says "they"."""
        minimum = MINIMUM_PARTICIPANTS[draft.kind]
        summit = draft.kind == "summit"
        together = draft.kind in ("summit", "takeover")
        held = [p for p in draft.participants if p in self.holders]
        draft.participants = by_level(draft.participants, self.types, minimum, together)
        draft.participants += [p for p in held if p not in draft.participants]
        if draft.kind in ("summit", "meeting"):
            self._body(draft, bodies)
        clause = self.parts[draft.clause_ids[0]]
        if len(draft.participants) < minimum:
            draft.participants = [*self._subject(clause, named), *draft.participants]
        persons = [p for p in draft.participants if self.types.get(p) == "person"]
        if len(persons) < minimum and _WITH_CUE.search(draft.cues[0].text):
            more = [p for p in self._opening_person(named) if p not in persons]
            draft.participants = by_level([*more, *draft.participants], self.types, minimum)
        if len(draft.participants) < minimum or summit:
            self._refer_back(draft, earlier, named)
        if summit and not draft.participants:  # "the next summit": of the article's body
            draft.participants = self._summit_bodies()[-1:]
            draft.refers_back = draft.refers_back or draft.cues[0].text
        if draft.kind == "takeover":
            self._takers(draft)
        if draft.kind == "takeover" and not draft.participants:
            draft.participants = self._actor(draft, named)
        if draft.kind == "takeover" and self._in_clause(_ITS_FIGHTERS, draft):
            bodies_before = [n.entity_id for n in named if n.type == "organization"]
            draft.participants += [b for b in bodies_before[:1] if b not in draft.participants]

    def _takers(self, draft: _Draft) -> None:
        """ "seized power in Niamey": the country it lies within; "soldiers in Niger announced
        ... that they had removed ...": the country whose forces took power."""
        seats = [n for n in self.mentioned if seat_of_power(self.text, n, draft.cues)]
        countries = [self.within[n.entity_id] for n in seats if n.entity_id in self.within]
        forces = forces_of(self.text, self.mentioned, draft.cues[0].start)
        draft.participants = list(dict.fromkeys([*draft.participants, *countries, *forces]))

    def _actor(self, draft: _Draft, named: list[Named]) -> list[str]:
        """ "The MNDAA, one of three groups ..., said its fighters entered the town": a
        takeover naming nobody is by the organisation the sentence opens with."""
        first = next((n for n in named if n.start < draft.cues[0].start), None)
        if first is None or first.type != "organization":
            return []
        return [] if re.search(r"\b[a-z]", self.text[: first.start]) else [first.entity_id]

    def _bilaterals(self, drafts: list[_Draft], named: list[Named]) -> list[_Draft]:
        """ "Putin is due to meet India's prime minister, Narendra Modi, and Turkey's
        president, Recep Tayyip Erdogan": one person meeting several, one by one, is as
        many meetings (a three-way meeting is told as one: "the three leaders met")."""
        split: list[_Draft] = []
        for draft in drafts:
            cue = draft.cues[0]
            persons = [n for n in named if n.entity_id in draft.participants and n.type == "person"]
            before = {n.entity_id for n in persons if n.end <= cue.start}
            after = list(dict.fromkeys(n.entity_id for n in persons if n.start >= cue.end))
            one_by_one = draft.kind == "meeting" and len(draft.cues) == 1 and len(before) == 1
            one_by_one = one_by_one and len(after) > 1 and bool(_MEETS.search(cue.text))
            if one_by_one and not before & set(after):
                split += [replace(draft, participants=[*before, other]) for other in after]
            else:
                split.append(draft)
        return split

    def _admissions(self, drafts: list[_Draft]) -> list[_Draft]:
        """ "welcomed Belarus as the bloc's tenth member", "has been welcomed back to the Arab
        League at a summit": an admission, not a meeting; its names go to the summit it is
        told at, if any."""
        kept = []
        for draft in drafts:
            admits = draft.kind == "meeting" and all(
                _WELCOME.fullmatch(c.text) and _ADMITTED.match(self.text, c.end) for c in draft.cues
            )
            if not admits:
                kept.append(draft)
                continue
            summit = next((d for d in drafts if d.kind == "summit" and d.setting), None)
            if summit is not None:
                summit.participants += [
                    p for p in draft.participants if p not in summit.participants
                ]
        return kept

    def _delegations(self, draft: _Draft, named: list[Named]) -> None:
        """ "talks were held between delegations of Saudi Arabia and Iran": the countries or
        bodies whose delegations met are the sides, whoever else the clause names."""
        if draft.kind != "meeting":
            return
        phrase = self._in_clause(_DELEGATIONS, draft)
        if phrase is None:
            return
        cue = next((c.start for c in draft.cues if c.start > phrase.end()), len(self.text))
        comma = re.compile(r"[,;]").search(self.text, phrase.end())
        stop = min(cue, comma.start() if comma else len(self.text))
        sides = [
            n.entity_id for n in named if n.type != "person" and phrase.end() <= n.start < stop
        ]
        if len(set(sides)) >= 2:
            draft.participants = list(dict.fromkeys(sides))

    def _refer_back(self, draft: _Draft, earlier: list[_Draft], named: list[Named]) -> None:
        """Participants named before, when the clause says "they", "the two leaders", "he"."""
        minimum = MINIMUM_PARTICIPANTS[draft.kind]
        summit = draft.kind == "summit"
        for start, end in self.parts[draft.clause_ids[0]].spans:
            plural = self.cues.refer_back_all.search(self.text, start, end)
            single = self.cues.refer_back_one.search(self.text, start, end)
            if plural:
                persons = bool(_PEOPLE.search(plural.group()))
                if summit and not persons:
                    return  # "they" at a summit is anyone; "the two leaders" attend it
                bodies_too = summit and not any(
                    self.types.get(p) == "organization" for p in draft.participants
                )
                more = self._antecedent_group(earlier, persons, bodies_too)
                here = [
                    n.entity_id for n in named if n.type == "person" and n.end <= plural.start()
                ]
                if not earlier and len(set(here)) >= 2:
                    more = list(dict.fromkeys(here))  # "X told Y ..., as the two leaders met"
                draft.refers_back = plural.group()
            elif single:
                more = self._antecedent_person(named, single.start())
                draft.refers_back = single.group()
            else:
                continue
            more = [p for p in more if p not in draft.participants]
            if summit:  # the leaders who attend, named before, and their organisations
                more = [p for p in more if self.types.get(p) != "place" and not single]
            draft.participants = by_level([*draft.participants, *more], self.types, minimum, summit)
            return

    def _subject(self, clause: Clause, named: list[Named]) -> list[str]:
        """The person a clause without a subject of its own is about.

        "Erdoğan, who also held talks with Putin": the person before "who";
        "Johnson says ..., after speaking by phone to Macron": the sentence's
        first person.
        """
        start = clause.spans[0][0]
        before = [n for n in named if n.type == "person" and n.end <= start]
        if clause.opener == "who":
            return [n.entity_id for n in before[-1:]]
        if clause.opener == "whose":  # "ECOWAS, whose leaders meet on Sunday"
            return [n.entity_id for n in named if n.end <= start][-1:]
        gerund = _GERUND.match(self.text, start + len(clause.opener))
        if clause.opener not in ("after", "before", "while") or not gerund:
            return []
        if before:
            first = before[0]  # the subject: nothing but names and titles before it
            if not re.search(r"\b[a-z]", self.text[: first.start]):
                return [first.entity_id]
            return []
        pronoun = self.cues.refer_back_one.match(self.text)  # "He was greeted ... before
        return self._antecedent_person(named, 0) if pronoun else []  # heading to talks"

    def _opening_person(self, named: list[Named]) -> list[str]:
        """The person the sentence opens with (past titles only), if any: "Putin ...
        acknowledged ..., in a meeting with Xi" met Xi."""
        first = next((n for n in named if n.type == "person"), None)
        if first is None or re.search(r"\b[a-z]", self.text[: first.start]):
            return []
        return [first.entity_id]

    def _summit_bodies(self) -> list[str]:
        """The organisations of the article's summits so far, in order."""
        return [
            p
            for d in self.memory.drafts
            if d.kind == "summit"
            for p in d.participants
            if self.types.get(p) == "organization"
        ]

    def _body(self, draft: _Draft, bodies: list[Named]) -> None:
        """A summit or meeting naming no organisation takes "the bloc" named before.

        A summit naming nobody at all ("the next summit", "a special summit") is
        one of the organisation whose summit the article told last.
        """
        if any(self.types.get(p) == "organization" for p in draft.participants):
            return

        def common(found: Iterable[re.Match[str]]) -> list[re.Match[str]]:
            return [w for w in found if not w.group().split()[-1][:1].isupper()]

        body = self.cues.refer_back_body
        spans = self.parts[draft.clause_ids[0]].spans
        words = common(w for start, end in spans for w in body.finditer(self.text, start, end))
        words = words or common(body.finditer(self.text, 0, draft.cues[0].start))
        summits = self._summit_bodies()
        if not words:
            return
        word = words[0]  # "the Group of Seven" is a name, not "the group"
        earlier = [n.entity_id for n in bodies if n.end <= word.start()]
        before = [n.entity_id for n in self.previous.named] if self.previous else []
        previous = [i for i in before if self.types.get(i) == "organization"]
        named = (earlier or previous or summits or self.memory.named_bodies)[-1:]
        if named:
            draft.participants += named
            draft.refers_back = draft.refers_back or word.group()

    def _antecedent_group(
        self, earlier: list[_Draft], persons: bool, bodies_too: bool
    ) -> list[str]:
        """Who "they" are: the nearest earlier event's participants, or the previous sentence's.

        Else the latest event of the article; "the two leaders" are persons (and,
        for a summit naming no organisation, the organisations named before).
        """
        wanted = ("person", "organization") if bodies_too else ("person",)

        def who(ids: Sequence[str]) -> list[str]:
            return [i for i in ids if self.types.get(i) in wanted or not persons]

        drafts = [*reversed(earlier), *(self.previous.drafts if self.previous else [])]

        def enough(ids: Sequence[str]) -> bool:
            """ "the two leaders" are more than one person, or the leaders of a body."""
            kinds = [self.types.get(i) for i in ids]
            return bool(ids) and (
                not persons or kinds.count("person") > 1 or "organization" in kinds
            )

        for draft in drafts:
            if enough(who(draft.participants)):
                return who(draft.participants)
        named = who([n.entity_id for n in self.previous.named] if self.previous else [])
        if enough(named):
            return by_level(named, self.types, 2)
        told = [who(d.participants) for d in reversed(self.memory.drafts)]
        return next((ids for ids in told if enough(ids)), [])

    def _antecedent_person(self, named: list[Named], offset: int) -> list[str]:
        """Who "he" is: the last person named before it, or the first of the previous sentence."""
        before = [
            n.entity_id
            for n in named
            if n.type == "person" and n.end <= offset and not _object_of(self.text, n.start)
        ]  # "A day before the call with Putin, he spoke": he is not Putin
        earlier = [n.entity_id for n in self.previous.named] if self.previous else []
        persons = [i for i in earlier if self.types.get(i) == "person"]
        return before[-1:] or persons[:1] or self.memory.persons[-1:]

    def _one_per_occasion(self, drafts: list[_Draft]) -> list[_Draft]:
        """Fold the reports of one sentence that tell one call, summit or meeting."""
        kept: list[_Draft] = []
        for draft in drafts:
            same = next(
                (k for k in kept if not (k.alone or draft.alone) and self._same_occasion(k, draft)),
                None,
            )
            if same is None:
                kept.append(draft)
                continue
            if same.kind != draft.kind:
                same.kind = min(same.kind, draft.kind, key=CONVERSATIONS.index)
            same.cues += draft.cues
            same.clause_ids += draft.clause_ids
            if draft.refers_back and set(draft.participants) - set(same.participants):
                same.refers_back = same.refers_back or draft.refers_back
            merged = [*same.participants, *draft.participants]
            same.participants = by_level(merged, self.types, MINIMUM_PARTICIPANTS[same.kind])
        return kept

    def _same_occasion(self, first: _Draft, second: _Draft) -> bool:
        if first.kind == second.kind == "statement":
            a, b = set(first.participants), set(second.participants)
            return a <= b or b <= a
        if first.kind not in CONVERSATIONS or second.kind not in CONVERSATIONS:
            return False
        if first.setting != second.setting:
            return False
        a, b = set(first.participants), set(second.participants)
        clause = self.parts[second.clause_ids[0]]
        elaborates = clause.opener == "where" and clause.parent in first.clause_ids
        return bool(a and a <= b) or bool(b and b <= a) or elaborates

    def _named_again(self, drafts: list[_Draft]) -> list[_Draft]:
        """A definite noun cue naming an earlier event again (see the module's rules).

        Named again in its own sentence, it is folded into that event's report.
        """
        kept: list[_Draft] = []
        for draft in drafts:
            if not _definite(self.text, draft.cues[0]):
                kept.append(draft)
                continue
            earlier = [*reversed(kept), *reversed(self.memory.drafts)]
            earlier = [e for e in earlier if e.kind == draft.kind and not e.setting] + earlier
            summits = [e for e in self.memory.drafts if e.kind == "summit"]
            if self._unnamed_summit(draft) and summits:  # the article's own summit
                antecedent: _Draft | None = next((e for e in summits if not e.setting), summits[0])
            else:
                antecedent = next((e for e in earlier if _names_again(draft, e, self.types)), None)
            latest = earlier[0] if earlier and earlier[0].kind == draft.kind else None
            if antecedent is None and latest and not latest.participants and draft.participants:
                antecedent = latest  # "Arab leaders meeting in Jeddah ...". "The Arab League
                antecedent.participants += draft.participants  # summit ...": whose it was
            same = [k for k in reversed(kept) if k.kind == draft.kind]
            if antecedent is None and same:
                antecedent = same[0]  # its own sentence's event of that kind, named again
                antecedent.participants += [
                    p for p in draft.participants if p not in antecedent.participants
                ]
            if antecedent is None:
                kept.append(draft)
            elif any(antecedent is k for k in kept):
                antecedent.cues += draft.cues
                antecedent.clause_ids += draft.clause_ids
            else:
                draft.kind, draft.participants = antecedent.kind, list(antecedent.participants)
                draft.antecedent = antecedent
                draft.refers_back = draft.refers_back or draft.cues[0].text
                kept.append(draft)
        return kept

    def _unnamed_summit(self, draft: _Draft) -> bool:
        """ "the summit", "the summit's final session": no organisation and no name before the
        noun ("the NATO summit" is another one), so the article's summit named again."""
        if draft.kind != "summit" or any(
            self.types.get(p) == "organization" for p in draft.participants
        ):
            return False
        return not re.search(r"[A-Z0-9][\w+-]*\s+$", self.text[: draft.cues[0].start])

    def _date(self, drafts: list[_Draft], found: list[ResolvedDate]) -> None:
        """Give each draft the date expression of its clauses nearest to its cue."""

        def held(draft: _Draft, date: ResolvedDate) -> bool:
            """In the draft's clauses, or a relative clause on them ("the summit, which began")."""
            return any(
                clause.holds(date.start)
                and (
                    i in draft.clause_ids
                    or (clause.parent in draft.clause_ids and clause.opener in _ON_THE_NOUN)
                )
                for i, clause in enumerate(self.parts)
            )

        def may_take(draft: _Draft, date: ResolvedDate) -> bool:
            """A setting takes no date told before it (that is its sentence's verb's)."""
            early = draft.setting and date.end < draft.cues[0].start - _ANCHOR_REACH
            return held(draft, date) and not early

        for draft in drafts:
            mine = [
                d
                for d in found
                if may_take(draft, d)
                and not any(
                    o is not draft and may_take(o, d) and self._reach(o, d) < self._reach(draft, d)
                    for o in drafts
                )
            ]
            draft.date = min(mine, key=lambda d: _cue_distance(draft, d), default=None)
        for draft in drafts:
            told = draft.date
            if told is not None and told.offset_days is not None and _THAT_DAY.fullmatch(told.text):
                words = _THAT_DAY.match(self.text, told.start)
                draft.date = self._that_day(draft, words) or told  # "held talks the day before"
            if draft.date is None:
                draft.date = (
                    self._when(draft, drafts, found)
                    or self._announced(draft, found)
                    or self._after_setting(draft, drafts)
                    or self._sidelines(draft)
                    or self._that_day(draft)
                )
        for draft in drafts:
            if draft.setting and draft.date is None:
                draft.date = self._set_in(draft, drafts)
        pending = [(d, d.date) for d in drafts if d.date and d.date.offset_days is not None]
        for draft, date in pending:
            if draft.date is date and not self._from_named_event(draft, drafts):
                draft.date = self._anchored(date, draft, drafts)

    def _reach(self, draft: _Draft, date: ResolvedDate) -> int:
        """How far a date is from a draft's cue; past a comma, further (the date is the verb's
        before it: "announced by Ramaphosa on August 24, at the bloc's summit")."""
        far = min(
            _cue_distance(_Draft(draft.kind, [cue], [], []), date)
            + (
                _COMMA_REACH
                if "," in self.text[min(cue.end, date.end) : max(cue.start, date.start)]
                else 0
            )
            for cue in draft.cues
        )
        return far

    def _when(
        self, draft: _Draft, drafts: list[_Draft], found: list[ResolvedDate]
    ) -> ResolvedDate | None:
        """ "on Friday, when Putin is due to meet Modi" (or ", as they met"): the date before."""
        number = draft.clause_ids[0]
        clause = self.parts[number]
        meanwhile = _AS.search(self.text, 0, draft.cues[0].start)
        start = meanwhile.start() if meanwhile else clause.spans[0][0]
        after = (
            clause.opener == "after"
            and _GERUND.match(self.text, start + len("after"))
            and _SAID.search(self.text, 0, start)
        )  # told the day it happened; "arrived on Sunday after attending" is earlier
        if clause.opener != "when" and not meanwhile and not after:
            return None  # "said Monday ..., after holding talks with Xi": that day too
        main = [
            d.date
            for d in drafts
            if d is not draft and min(c.start for c in d.cues) < start and _own_day(d) and d.date
        ]
        told = [d for d in found if d.end <= start and d.offset_days is None and d.value]
        dated = main or told
        if not dated:
            return None
        date = dated[-1]
        meaning = f"the time of the clause it belongs to, dated by '{date.text}': {date.value}"
        return replace(date, rule="date-of-main-clause", explanation=meaning)

    def _announced(self, draft: _Draft, found: list[ResolvedDate]) -> ResolvedDate | None:
        """ "soldiers announced late on Wednesday that they had removed the president": what
        an announcement says had been done was done by then, the day it was announced."""
        number = draft.clause_ids[0]
        clause = self.parts[number]
        start = clause.spans[0][0]
        if number == 0 or clause.opener != "that" or not _HAD_DONE.match(self.text, start):
            return None
        main = self.parts[number - 1]  # the clause the reported one hangs on
        if not any(_ANNOUNCING.search(self.text, a, b) for a, b in main.spans):
            return None
        dated = [d for d in found if main.holds(d.start) and d.offset_days is None and d.value]
        if not dated:
            return None
        date = dated[-1]
        meaning = (
            f"'{date.text}' dates the announcement that it had happened (by then): {date.value}"
        )
        return replace(date, rule="date-of-announcement", explanation=meaning)

    def _that_day(self, draft: _Draft, words: re.Match[str] | None = None) -> ResolvedDate | None:
        """ "scheduled to meet him that day", "held talks the day before": the day of the
        previous sentence's dated event (else the article's latest), or the day next to it."""
        words = words or self._in_clause(_THAT_DAY, draft)
        number = draft.clause_ids[0] + 1
        if words is None and number < len(self.parts):  # "held talks the day before." (a
            opened = self.parts[number]  # clause opened by "before"; empty after a last ";")
            if opened.spans and _THAT_DAY.fullmatch(opened.opener):
                words = _THAT_DAY.match(self.text, opened.spans[0][0])
        if words is None:
            return None
        dated = [d for d in self.previous.drafts if _own_day(d)] if self.previous else []
        dated = dated or [d for d in reversed(self.memory.drafts) if _own_day(d)]
        if not dated or dated[0].date is None:
            return None
        anchor = dated[0].date
        shift = {"before": -1, "previous": -1, "after": 1, "next": 1}.get(words.group(1) or "", 0)
        day = datetime.date.fromisoformat(anchor.value.rstrip("?")) + datetime.timedelta(shift)
        meaning = (
            f"'{words.group()}': counted from the event told before, dated by "
            f"'{anchor.text}': {long_date(day)}"
        )
        return ResolvedDate(
            words.start(), words.end(), words.group(), day.isoformat(), "day", "day-told-before",
            meaning, self.published,
        )  # fmt: skip

    def _after_setting(self, draft: _Draft, drafts: list[_Draft]) -> ResolvedDate | None:
        """ "met Modi on the sidelines of the G7 summit in Hiroshima on Saturday": a date told
        after the setting of an undated event is that event's; the setting is then when the
        event set in it is (it may be one of several days)."""
        if draft.setting:
            return None
        cue = draft.cues[0]
        setting = next(
            (
                d
                for d in drafts
                if d.setting
                and d.date is not None
                and d.clause_ids[0] == draft.clause_ids[0]
                and cue.end <= d.cues[0].start <= d.date.start
            ),
            None,
        )
        if setting is None or setting.date is None:
            return None
        date, setting.date = setting.date, None
        return date

    def _set_in(self, setting: _Draft, drafts: list[_Draft]) -> ResolvedDate | None:
        """ "will meet again in July at the summit": the summit is when the event set in it is."""
        told = [d for d in drafts if d is not setting and not d.setting and d.date and d.date.value]
        if not told or told[0].date is None or told[0].date.offset_days is not None:
            return None
        date = told[0].date
        before = self.text[: setting.cues[0].start]
        if _AHEAD_OF.search(before):
            return None  # "talks ahead of the summit": the summit is later, by how much unsaid
        if _EVE_OF.search(before):
            if date.precision != "day":
                return None
            day = datetime.date.fromisoformat(date.value.rstrip("?")) + datetime.timedelta(days=1)
            meaning = f"the day after the event told on its eve, dated by '{date.text}': {day}"
            return replace(
                date, value=day.isoformat(), rule="day-after-its-eve", explanation=meaning
            )
        meaning = (
            f"the time of the event it is the setting of, dated by '{date.text}': {date.value}"
        )
        return replace(date, rule="date-of-the-event-set-in-it", explanation=meaning)

    def _sidelines(self, draft: _Draft) -> ResolvedDate | None:
        """ "On the sidelines, Assad held talks": on the day of the article's summit told last."""
        if draft.kind not in ("meeting", "call") or not _SIDELINES.search(self.text):
            return None
        summits = [d for d in self.memory.drafts if d.kind == "summit" and _own_day(d)]
        if not summits or summits[-1].date is None:
            return None
        date = summits[-1].date
        meaning = (
            f"on the sidelines of the summit told before, dated by '{date.text}': {date.value}"
        )
        return replace(date, rule="day-of-the-summit", explanation=meaning)

    def _from_named_event(self, named: _Draft, drafts: list[_Draft]) -> bool:
        """ "a day after the call, she spoke": the other event, counted from the named one."""
        date = named.date
        anchor = _root(named) if named.antecedent else None
        assert date is not None and date.offset_days is not None
        if anchor is None or not _own_day(anchor) or anchor.date is None:
            return False
        if not any(0 <= cue.start - date.end <= _ANCHOR_REACH for cue in named.cues):
            return False
        others = [d for d in drafts if d is not named and d.antecedent is None and d.date is None]
        if not others:
            return False
        target = min(others, key=lambda d: _cue_distance(d, date))
        target.date = self._counted(date, anchor, "the", "named there", "offset-from-named-event")
        named.date = None
        return True

    def _counted(
        self, date: ResolvedDate, anchor: _Draft, article: str, where: str, rule: str
    ) -> ResolvedDate:
        """``date`` ("a day after") counted forward from ``anchor``: the event it dates comes after."""
        assert anchor.date is not None and date.offset_days is not None
        day = datetime.date.fromisoformat(anchor.date.value.rstrip("?"))
        value = day - datetime.timedelta(days=date.offset_days)
        label = KIND_LABELS[anchor.kind].lower()
        how = "after" if value > day else "before" if value < day else "on the day of"
        meaning = (
            f"{abs((value - day).days)} day(s) {how} {article} {label} {where}, which is dated "
            f"{long_date(day)} by '{anchor.date.text}': {long_date(value)}"
        )
        explanation = f"'{date.text}', in an article published {long_date(self.published)}: "
        return replace(
            date,
            value=value.isoformat(),
            precision="day",
            rule=rule,
            explanation=explanation + meaning,
            offset_days=-date.offset_days,
        )

    def _fronted(self, date: ResolvedDate, draft: _Draft) -> bool:
        """ "A day after the suspension, X held talks": the offset opens the sentence, and the
        event it dates is told after the comma, so it counts forward from the one it names."""
        cue = min(c.start for c in draft.cues)
        return (
            date.text.lower().endswith(("after", "before"))
            and date.end < cue
            and "," in self.text[date.end : cue]
            and not self.text[: date.start].strip(" \"'“‘")
        )

    def _article_date(self, drafts: list[_Draft]) -> None:
        """An undated statement is the article's own occasion: the publication date."""
        named = [_root(d) for d in drafts if d.antecedent is not None]
        for draft in drafts:
            if draft.kind != "statement" or draft.date is not None or draft.antecedent:
                continue
            said = draft.cues[0].text
            event = next((d for d in named if _own_day(d) and d.date), None)
            if event is not None and event.date is not None:
                label = KIND_LABELS[event.kind].lower()
                draft.date = replace(
                    event.date,
                    start=0,
                    end=0,
                    text="",
                    rule="day-of-named-event",
                    explanation=f"no date words: the {said} is told with the {label} it names, "
                    f"dated {long_date(datetime.date.fromisoformat(event.date.value))}",
                )
                continue
            draft.date = self._published_day(
                "article-date", f"no date words: the {said} is the article's own occasion"
            )

    def _published_day(self, rule: str, why: str) -> ResolvedDate:
        """The publication day, as the date of an event the sentence does not date."""
        explanation = f"{why}, the day it was published, {long_date(self.published)}"
        return ResolvedDate(
            0, 0, "", self.published.isoformat(), "day", rule, explanation, self.published
        )

    def _in_clause(self, pattern: re.Pattern[str], draft: _Draft) -> re.Match[str] | None:
        """The first match of ``pattern`` in the draft's clause."""
        spans = self.parts[draft.clause_ids[0]].spans
        return next((m for a, b in spans if (m := pattern.search(self.text, a, b))), None)

    def _scene(self, drafts: list[_Draft]) -> None:
        """ "The red carpet was laid out on May 19 ... Assad walked into the summit hall": an
        undated event takes the one date of the sentence before it in its paragraph, when
        that sentence tells no event of its own (it sets the scene)."""
        before = self.previous
        undated = [d for d in drafts if d.date is None and d.antecedent is None]
        if not undated or before is None or before.drafts or before.paragraph != self.paragraph:
            return
        dates = [d for d in resolve_dates(before.text, self.published) if d.value]
        if len(dates) != 1 or dates[0].offset_days is not None or dates[0].precision != "day":
            return
        date = dates[0]
        meaning = (
            f"no date words: the sentence before, which tells no event, sets the scene on "
            f"'{date.text}': {date.value}"
        )
        for draft in undated:
            draft.date = replace(
                date, start=0, end=0, rule="date-of-the-scene", explanation=meaning
            )

    def _just_happened(self, drafts: list[_Draft]) -> None:
        """ "Xi and Putin have held their first talks since ...": an undated event told in the
        present perfect in the lead is the news of the day it was published."""
        if self.paragraph != 0:
            return
        for draft in drafts:
            perfect = self._in_clause(_PERFECT, draft)
            if draft.date is not None or perfect is None:
                continue
            draft.date = self._published_day(
                "present-perfect-lead",
                f"no date words: '{perfect.group()}', in the present perfect in the article's "
                "lead, is the news",
            )

    def _from_the_present(self, date: ResolvedDate) -> ResolvedDate:
        """ "The Taliban are consolidating their grip on Kabul, a day after their fighters swept
        into the capital": with no event told before, an offset after a main clause in the
        present counts from the day of publication."""
        present = _PRESENT_MAIN.search(self.text, 0, date.start)
        if present is None:
            return date
        again = resolve_dates(self.text, self.published, self.published)
        counted = next(d for d in again if d.start == date.start)
        note = f" (counted from the present of '{present.group()}': the day of publication)"
        return replace(
            counted, rule="offset-from-publication", explanation=counted.explanation + note
        )

    def _anchored(self, date: ResolvedDate, draft: _Draft, drafts: list[_Draft]) -> ResolvedDate:
        """An anchored date counted from the event it refers to (see the module's rules)."""
        others = [d for d in drafts if d is not draft and _own_day(d)]
        if others:
            anchor = min(others, key=lambda d: _cue_distance(d, date))
            where = "in the same sentence"
        else:
            dated = [d for d in self.previous.drafts if _own_day(d)] if self.previous else []
            told = [d for d in reversed(self.memory.drafts) if _own_day(d)]
            if dated:
                anchor, where = dated[0], "in the previous sentence"
            elif told:
                anchor, where = told[0], "earlier in the article"
            else:
                return self._from_the_present(date)
        assert anchor.date is not None  # see _own_day
        if self._fronted(date, draft):
            return self._counted(date, anchor, "an earlier", where, "offset-from-anchor")
        day = datetime.date.fromisoformat(anchor.date.value.rstrip("?"))
        again = resolve_dates(self.text, self.published, day)
        counted = next(d for d in again if d.start == date.start)
        label = KIND_LABELS[anchor.kind].lower()
        note = f" (the event it refers to: the {label} {where}, dated by '{anchor.date.text}')"
        return replace(counted, explanation=counted.explanation + note)


def _drafts(found: list[CueMatch], parts: list[Clause], text: str) -> list[_Draft]:
    """One draft per cue, except that the conversation cues of one clause are one occasion.

    A summit named as the setting ("on the sidelines of a summit") stays apart.
    """
    drafts: list[_Draft] = []
    for cue in found:
        clause = clause_of(parts, cue.start)
        setting = cue.kind == "summit" and bool(_SETTING.search(text[: cue.start]))
        alone = setting or (_definite(text, cue) and not _POSSESSIVE.search(text[: cue.start]))
        same = next(
            (
                d
                for d in drafts
                if d.clause_ids[0] == clause and _talk(d.kind, cue) and not (alone or d.alone)
            ),
            None,
        )
        if same is None:
            drafts.append(_Draft(cue.kind, [cue], [clause], [], setting=setting, alone=alone))
        else:
            same.cues.append(cue)
            same.kind = min(same.kind, cue.kind, key=CONVERSATIONS.index)
    return drafts


def _talk(kind: str, cue: CueMatch) -> bool:
    return kind in CONVERSATIONS and cue.kind in CONVERSATIONS


def _cue_distance(draft: _Draft, date: ResolvedDate) -> int:
    return min(max(cue.start - date.end, date.start - cue.end, 0) for cue in draft.cues)


def _dateline_end(text: str) -> int:
    """Where a dateline ("MOSCOW, Aug 25 (AGENCY) -") or a speaker's label ("Wang Wenbin:",
    in a transcript) opening the sentence ends, else 0: neither takes part in its events."""
    found = dateline(text)
    label = _SPEAKER.match(text)
    return found.end if found else label.end() if label else 0


def _definite(text: str, cue: CueMatch) -> bool:
    """Whether a cue is a noun named definitely ("the summit", "their meeting"), not "the next"."""
    if cue.text.lower().startswith("the "):
        return True
    if _NOT_NOUN.match(cue.text):
        return False
    before = text[max(0, cue.start - 60) : cue.start]
    words = _DEFINITE.search(before)
    if words is None or _ANOTHER.search(words.group()):
        return False
    return not _SINCE_THE.search(before[: words.start()] + " ")  # "since their summit": earlier


def _names_again(draft: _Draft, earlier: _Draft, types: Mapping[str, str]) -> bool:
    """Whether a definite noun cue's draft may be ``earlier`` named again.

    Places are weak evidence ("the Russian president" is Putin, not Russia): only
    the persons and organisations must be among the earlier event's.
    """
    if earlier.kind not in _NAMES_AGAIN[draft.kind]:
        return False
    mine = {p for p in draft.participants if types.get(p) != "place"}
    theirs = set(earlier.participants)
    if not theirs:
        return not draft.participants
    return mine <= theirs or bool(mine & theirs)


def _object_of(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a preposition, past titles ("with German
    Chancellor Angela Merkel"): an object, not whom a later "he" refers to."""
    for word in reversed(text[:start].split()[-5:]):
        if not word[:1].isupper():
            return word.lower().strip(",;:") in _OBJECT_WORDS
    return False


def _agrees(date: ResolvedDate | None, earlier: ResolvedDate | None) -> bool:
    """Whether the date of an event named again can be the date it was told with."""
    if date is None or not date.value or earlier is None or not earlier.value:
        return True
    first, second = date.value.rstrip("?"), earlier.value.rstrip("?")
    return days_apart(first, second) <= _AGREEING_DAYS


def _root(draft: _Draft) -> _Draft:
    while draft.antecedent is not None:
        draft = draft.antecedent
    return draft


def _own_day(draft: _Draft) -> bool:
    """Whether a draft has a day date of its own, not counted from another event."""
    date = draft.date
    return (
        date is not None
        and date.precision == "day"
        and date.offset_days is None
        and date.rule != "day-told-before"
    )
