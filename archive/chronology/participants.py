"""Who takes part in a reported event: the rules that pick participants among the mentions.

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
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from archive.chronology.cues import CueMatch, Cues
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
     "regarding", "around", "within", "throughout", "toward", "towards", "against", "during"}
)  # fmt: skip
_SKIPPED = re.compile(r"(?:the|a|an|its|their|his|her|\d+(?:st|nd|rd|th)?)", re.IGNORECASE)
_AND = re.compile(r",?\s+and\s+(?:[\w'’.-]+\s+){0,3}")  # "and his Russian counterpart"
_LOOK_BACK = 80  # characters before a name that the participant rules look at
_HYPHEN_BEFORE = re.compile(r"\w-$")  # "post-Taliban"
_HYPHEN_AFTER = re.compile(r"-\w")
_ATTRIBUTE = re.compile(r"(?:['’]s)?\s+[A-Z]")  # "Chinese President", "China's People's Daily"


def takes_part(text: str, mention: Named, found: list[CueMatch], cues: Cues) -> bool:
    """Whether a mention can be a participant (see the module's rules on participants)."""
    before = text[max(0, mention.start - _LOOK_BACK) : mention.start]
    after = text[mention.end :]
    if _HYPHEN_BEFORE.search(before) or _HYPHEN_AFTER.match(after):
        return False
    if mention.type == "person":
        return True
    if _ATTRIBUTE.match(after):
        return False
    if mention.type == "organization" and (
        cues.reporting_before.search(before) or cues.reporting_after.match(after)
    ):
        return False
    preposition = preposition_before(before)
    return preposition is None or any(c.start <= preposition < c.end for c in found)


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


def by_level(ids: Sequence[str], types: Mapping[str, str], minimum: int) -> list[str]:
    """Persons; then organisations, then places, while fewer than ``minimum``."""
    chosen: list[str] = []
    for level in ENTITY_TYPES:
        if chosen and len(chosen) >= minimum:
            break
        chosen += [i for i in dict.fromkeys(ids) if types.get(i) == level]
    return chosen
