"""Who takes part in a reported event: the rules that pick participants among the mentions.

The entity mentions of the cue's clause (with several cues in a clause, each
mention goes to the nearest cue, names joined by "and" together), except:

- a reporting venue: an organisation after "according to" or just before
  "reported" (the ``reporting`` cue lists) reports the event, it is not in it;
- an organisation or place after a preposition such as "in", "on", "at",
  "of", "since" (a place, a topic, an affiliation: "deputy head of the
  Taliban's office"), skipping articles and numbers ("at the 11th BRICS
  meeting"), unless a cue follows it at once ("since the Taliban swept into");
- a name inside a hyphenated modifier ("US-backed", "post-Taliban");
- a person joined by "and" after the cue who has a verb of his own ("swept
  into the capital and President Ghani fled": another clause);
- a place that modifies a noun which is not its people acting ("the Afghan
  crisis", "Afghanistan's sovereignty"; but "Chinese mediators", "India's
  foreign ministry" act for their country), and a name before a capitalised
  name ("China's People's Daily"), unless that name is its body acting
  ("Türkiye's Ministry of Foreign Affairs").

Kept all the same: the organisation a cue names as its holder ("the SCO
summit", "a summit of the SCO", "leaders of the SCO met"), and a country or
body named for an official the registry does not know ("the Pakistani prime
minister" counts for Pakistan; "Chinese President Xi Jinping" and "Xi
Jinping, China's leader" are Xi alone).
A summit's participants are its leaders and its organisations together; a
takeover's, whoever took or lost power and the place taken ("the Taliban swept
into Kabul"); power seized in a place that the registry's ``part_of`` puts within a
country is that country's ("seized power in Niamey": Niger); soldiers, officers or
an army "in" or "of" a country named before a takeover cue are that country
acting ("soldiers in Niger announced ... that they had removed the president").

Then by level: the persons; if fewer than the kind needs (two for a call or
meeting, one otherwise), the organisations too; if still fewer, the places
(countries act when only they are named: "China and Russia held talks").
Still too few, and the clause says "they", "the two leaders", "these
countries" (``refer_back``): the participants of the event referred to,
the nearest earlier one in the sentence or the first of the previous
sentence, or else the previous sentence's names; "he"/"she": the person
named last before it in the sentence, or first in the previous sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from archive.chronology.cues import CueMatch, Cues
from archive.entities.mentions import TITLE_WORDS
from archive.entities.types import ENTITY_TYPES


class MentionLike(Protocol):
    """What events need of an entity mention (:class:`archive.entities.mentions.Mention`)."""

    @property
    def entity_id(self) -> str: ...
    @property
    def paragraph(self) -> int: ...  # index into the article's paragraphs
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Named:
    """A mention inside one sentence, with offsets into the sentence."""

    entity_id: str
    type: str
    start: int
    end: int


_PREPOSITIONS = frozenset(
    {"in", "on", "about", "at", "of", "from", "to", "into", "over", "across", "for", "near",
     "regarding", "around", "within", "throughout", "toward", "towards", "against", "during",
     "than", "since"}
)  # fmt: skip
_SKIPPED = re.compile(r"(?:the|a|an|its|their|his|her|\d+(?:st|nd|rd|th)?)", re.IGNORECASE)
_AND = re.compile(r",?\s+and\s+(?:[\w'’.-]+\s+){0,3}")  # "and his Russian counterpart"
_SUBJECT_REACH = 2  # characters between a name and the cue it is the subject of
_LOOK_BACK = 80  # characters before a name that the participant rules look at
_HYPHEN_BEFORE = re.compile(r"\w-$")  # "post-Taliban"
_HYPHEN_AFTER = re.compile(r"-\w")
_ATTRIBUTE = re.compile(r"(?:['’]s)?\s+[A-Z]")  # "Chinese President", "China's People's Daily"


_TITLE_AFTER = re.compile(
    rf"(?:['’]s)?\s+(?:[A-Za-z]+\s+){{0,2}}?(?:{'|'.join(sorted(TITLE_WORDS))})\b", re.IGNORECASE
)  # "Pakistani prime minister", "India's foreign minister"
_HOLDER_BEFORE = re.compile(r"^(?:\s*\([^()]{1,12}\))?(?:['’]s)?(?:\s+[\w’'+-]+){0,2}?\s+$")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_OBJECT = re.compile(r"\s+(?:of\s+)?(?:the\s+)?", re.IGNORECASE)  # "took control of the city"
_MODIFIES = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){1,2}")
_DEMONYM = re.compile(
    r"(?:an|ese|ish|i|ic|ch)$"
)  # "Afghan", "Chinese", "Turkish", "Pakistani"  # "Afghan territory", "India's foreign ministry"
_ACTOR = re.compile(
    r"\b(?:government|officials?|mediators?|diplomats?|forces|troops|army|military|ministry"
    r"|delegation|side|authorities|leaders?|leadership|state|embassy|envoys?|negotiators)\b"
)  # a country acting through its people ("Chinese mediators"), not a topic ("the Afghan crisis")
_ACTING_BODY = re.compile(
    rf"(?:['’]s)?(?:\s+[A-Z][\w-]*){{0,2}}?\s+(?i:{_ACTOR.pattern})"
)  # "Türkiye's Ministry of Foreign Affairs", "India's Foreign Ministry": the country acting
_AND_BEFORE = re.compile(r"\b[a-z][\w’'-]*,?\s+and\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
# "the capital and President Ghani": not "Putin and China's President Xi" (both subjects)
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ed|fled|left|went|fell|took|gave|made|said)\b")
_APPOSITION = re.compile(
    r",\s*(?:the\s+)?", re.IGNORECASE
)  # "Kishida, the Japanese prime minister"
_POWER = re.compile(r"\bpower$", re.IGNORECASE)  # "seized power", not "seized Kabul"
_POWER_IN = re.compile(r"\s+in\s+(?:the\s+)?", re.IGNORECASE)
_FORCES_OF = re.compile(
    r"\b(?:soldiers|troops|officers|army|military|forces|mutineers|generals)\s+(?:in|of|from)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)  # "soldiers in Niger", "the army of Sudan": that country's forces acting
_MEMBERS_OF = re.compile(
    r"\b(?:leaders|heads|members|ministers|delegations?)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


def takes_part(
    text: str, mention: Named, found: list[CueMatch], cues: Cues, named: Sequence[Named] = ()
) -> bool:
    """Whether a mention can be a participant (see the module's rules on participants)."""
    base = max(0, mention.start - _LOOK_BACK)
    before = text[base : mention.start]
    after = text[mention.end :]
    if _HYPHEN_BEFORE.search(before) or _HYPHEN_AFTER.match(after):
        return False
    if mention.type == "person":
        return not _subject_of_next(before, after, any(c.end <= mention.start for c in found))
    if holds(text, mention, found) or taken(text, mention, found):
        return True
    title = _TITLE_AFTER.match(after)
    if title:  # "Xi Jinping, China's leader": Xi's title, not an official of China's
        appositive = any(
            n.type == "person" and _APPOSITION.fullmatch(text, n.end, mention.start) for n in named
        )
        return not (_person_at(named, mention.end + title.end()) or appositive)
    if _ATTRIBUTE.match(after) and not _ACTING_BODY.match(after):
        return False
    if mention.type == "place" and _modifies(text, mention, after):
        return False
    if mention.type == "organization" and (
        cues.reporting_before.search(before) or cues.reporting_after.match(after)
    ):
        return False
    preposition = preposition_before(before)
    if preposition is None or any(c.start <= base + preposition < c.end for c in found):
        return True
    opens_clause = before[preposition:].lower().startswith("since")  # "since the Taliban
    # swept into Kabul": "since" opens a clause whose subject, before its cue, takes part
    return opens_clause and any(0 <= c.start - mention.end <= _SUBJECT_REACH for c in found)


def _subject_of_next(before: str, after: str, cue_before: bool) -> bool:
    """ "their fighters swept into the capital and President Ghani fled": after a cue, a
    person joined by "and" who has a verb of his own opens another clause."""
    return cue_before and bool(_AND_BEFORE.search(before)) and bool(_VERB_AFTER.match(after))


def _modifies(text: str, mention: Named, after: str) -> bool:
    """Whether a place modifies a noun that is not its people acting (see the module's rules)."""
    modified = _MODIFIES.match(after)
    if modified is None or _ACTOR.search(modified.group()):
        return False
    return modified.group()[:2] in ("'s", "’s") or bool(
        _DEMONYM.search(text[mention.start : mention.end])
    )


def holds(text: str, mention: Named, found: list[CueMatch]) -> bool:
    """Whether an organisation is named as the holder of a cue's event.

    "the SCO summit", "a Shanghai Cooperation Organization (SCO) summit", "a
    summit of the SCO", "leaders of the SCO met".
    """
    before = text[: mention.start]
    if _MEMBERS_OF.search(before[-40:]):
        return True
    if mention.type != "organization":
        return False
    for cue in found:
        if cue.start >= mention.end and _HOLDER_BEFORE.match(text[mention.end : cue.start]):
            return True
        if cue.end <= mention.start and _OF_AFTER.fullmatch(text[cue.end : mention.start]):
            return True
    return False


def taken(text: str, mention: Named, found: list[CueMatch]) -> bool:
    """Whether a place is the object of a takeover cue ("seized Kabul", "swept into the city")."""
    return mention.type == "place" and any(
        cue.kind == "takeover" and _OBJECT.fullmatch(text[cue.end : mention.start])
        for cue in found
        if cue.end <= mention.start
    )


def seat_of_power(text: str, mention: Named, found: list[CueMatch]) -> bool:
    """ "seized power in Niamey": the place where a country's power was taken (the caller
    makes the country a participant, when the registry says the place lies within one)."""
    return mention.type == "place" and any(
        cue.kind == "takeover"
        and _POWER.search(cue.text)
        and _POWER_IN.fullmatch(text[cue.end : mention.start])
        for cue in found
        if cue.end <= mention.start
    )


def forces_of(text: str, named: Sequence[Named], before: int) -> list[str]:
    """ "A group of soldiers in Niger announced ... that they had removed the president": the
    country whose soldiers, officers or army a sentence names before a takeover cue took it."""
    return [
        n.entity_id
        for n in named
        if n.type == "place" and n.end <= before and _FORCES_OF.search(text, 0, n.start)
    ]


def _person_at(named: Sequence[Named], offset: int) -> bool:
    """Whether a person's name follows at ``offset`` (past spaces and a comma)."""
    return any(n.type == "person" and 0 <= n.start - offset <= 2 for n in named)


def coordinated(text: str, named: list[Named]) -> list[list[Named]]:
    """Mentions joined by "and" ("Xi and his Russian counterpart Putin") go together."""
    groups: list[list[Named]] = []
    for mention in named:
        if groups and _AND.fullmatch(text, groups[-1][-1].end, mention.start):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def distance(cue: CueMatch, mention: Named) -> int:
    return max(cue.start - mention.end, mention.start - cue.end, 0)


def preposition_before(before: str) -> int | None:
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


def by_level(
    ids: Sequence[str], types: Mapping[str, str], minimum: int, together: bool = False
) -> list[str]:
    """Persons; then organisations, then places, while fewer than ``minimum``.

    ``together`` (a summit): persons and organisations are one level.
    """
    chosen: list[str] = []
    levels = [("person", "organization"), ("place",)] if together else [(t,) for t in ENTITY_TYPES]
    for level in levels:
        if chosen and len(chosen) >= minimum:
            break
        chosen += [i for i in dict.fromkeys(ids) if types.get(i) in level]
    return chosen
