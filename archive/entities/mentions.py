"""Where a name in the text becomes a mention of a registered entity.

Rules (ARCHIVE_NOTES §4):

- **Longest match, one pass.** Every string the registry claims (names, aliases,
  surnames: :attr:`Registry.claims`) is looked for at once; where several start at
  the same place the longest wins ("South China Sea" is not a mention of China,
  "Wang Yi" not a bare "Wang"), and matches do not overlap.
- **Word boundaries.** A match must not be preceded or followed by a letter, digit
  or underscore: "Xi" is not found in "Xinhua", while a hyphen is a boundary
  ("Sino-Russian" mentions Russia).
- **Case.** Aliases match as written ("US" is not "us"); one written with a lower-case
  initial also matches capitalised, at the start of a sentence. Typographic
  apostrophes match plain ones ("People’s Daily"). A paragraph's first word in
  capitals ("VOLODYMYR Zelensky") is read as capitalised too.
- **Surnames.** A bare surname refers to the most recent full mention (by name or
  alias) in the same article of a person carrying it; with none, it stays unlinked.
  A surname next to another capitalised word ("Wang Yibo", "Amy Wang") belongs to a
  longer name the registry does not know, and stays unlinked too; a day or month
  name is no part of a name ("On Thursday Ramaphosa announced").
- **Titles.** When the word before a bare surname is a title ("Ambassador Wang",
  "foreign minister Wang"), the most recent full mention of a person whose registry
  role contains that title is preferred; if no candidate's role has it, the plain
  most recent one is taken. With no full mention before it, a titled surname
  ("President Zelensky") is the one person of that surname whose role has the title.
  A registered name written with a middle initial ("Vladimir V. Putin") is that name.
- **Offices.** "The Ukrainian president", "the Indian foreign minister": a place
  before an office is the one person named before in the article whose role holds
  that office of that place ("President of Ukraine"; "the leader" is any head of
  state or government); with none or several, it stays the place.

Two interchangeable scanners implement the first three rules: an Aho-Corasick
automaton (the default, faster: see ``bench/bench_mentions.py``) and one compiled
regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple, Protocol

import ahocorasick

from archive.entities.registry import Claim, How, Registry, normalise

# Words that, just before a bare surname, name the person's office.
TITLE_WORDS = frozenset(
    {
        "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "minister",
        "president", "premier", "councilor", "councillor", "chancellor", "secretary",
        "director", "chairman", "chairwoman", "chair", "governor", "mayor", "senator",
        "commander", "leader", "deputy", "mullah", "king", "queen", "prince",
    }
)  # fmt: skip
# Capitalised words that are never part of a person's name ("On Thursday Ramaphosa said").
_CALENDAR_WORDS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december",
    }
)  # fmt: skip
_NON_WORD = re.compile(r"\W+")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_OFFICE_AFTER = re.compile(
    r"\s+(?:(?:foreign|prime|defence|defense|finance|interior|deputy|vice|crown)\s+)?"
    r"(president|minister|leader|chancellor|premier|king|prince)\b",
    re.IGNORECASE,
)  # "Ukrainian president", "Indian foreign minister"
_OFFICE_WORDS = {"leader": {"president", "prime", "chancellor", "premier", "king", "leader"}}
_INITIAL_BEFORE = re.compile(r"\b([A-Z][\w'-]+)\s+[A-Z]\.\s+$")  # "Vladimir V. "
_CAPITAL_HEAD = re.compile(r"[A-Z]{2,}(?=\s)")
_WORD_AFTER = re.compile(r"\s+(\w+)")


class Mention(NamedTuple):
    """A name in paragraph ``paragraph`` at ``[start, end)`` that refers to ``entity_id``.

    Immutable, with named fields, like a frozen dataclass; a named tuple because a
    build makes a few hundred thousand of them, and a tuple is made and collected
    in less time: a fifth of the whole matching time (``bench/bench_mentions.py``).
    """

    entity_id: str
    paragraph: int
    start: int
    end: int
    text: str
    how: How


class Scanner(Protocol):
    """Finds the registered strings in a text: leftmost-longest, word-bounded, disjoint."""

    def scan(self, text: str) -> list[tuple[int, int, Claim]]:
        """The ``(start, end, claim)`` of each match, in text order."""
        ...


class AutomatonScanner:
    """All registered strings in one Aho-Corasick automaton (pyahocorasick)."""

    def __init__(self, claims: Mapping[str, Claim]) -> None:
        self._automaton = ahocorasick.Automaton()
        for key, claim in claims.items():
            self._automaton.add_word(key, (len(key), claim))
        self._automaton.make_automaton()

    def scan(self, text: str) -> list[tuple[int, int, Claim]]:
        """Every occurrence at word boundaries, then the longest of those starting first.

        The boundary test is what ``\\w`` means (``isalnum`` or ``_``), written out
        here because it runs for every occurrence, inside words too ("Xi" in "Xinhua").
        """
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return []  # a registry with no entities: nothing to find
        size = len(text)
        found = []
        for last, (length, claim) in self._automaton.iter(text):
            start, end = last + 1 - length, last + 1
            before = text[start - 1] if start else " "
            after = text[end] if end < size else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                found.append((start, -end, claim))
        found.sort()  # by start, longest first; (start, end) never ties, claims are not compared
        chosen: list[tuple[int, int, Claim]] = []
        reach = 0
        for start, negative_end, claim in found:
            if start >= reach:
                reach = -negative_end
                chosen.append((start, reach, claim))
        return chosen


class RegexScanner:
    """All registered strings in one alternation, longest first, between word boundaries.

    Python's regular expressions take the first alternative that matches, so ordering
    them longest first makes the leftmost match also the longest.
    """

    def __init__(self, claims: Mapping[str, Claim]) -> None:
        alternatives = "|".join(re.escape(key) for key in sorted(claims, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        self._claims = claims

    def scan(self, text: str) -> list[tuple[int, int, Claim]]:
        """The ``(start, end, claim)`` of each match, in text order."""
        claims = self._claims
        return [(*match.span(), claims[match.group()]) for match in self._pattern.finditer(text)]


class Matcher:
    """Finds the mentions of registered entities in the paragraphs of one article."""

    def __init__(
        self,
        registry: Registry,
        scanner: Callable[[Mapping[str, Claim]], Scanner] = AutomatonScanner,
    ) -> None:
        self._scanner = scanner(registry.claims)
        self._claims = registry.claims
        entities = registry.entities.values()
        self._office_holders = {
            place.id: [
                person.id
                for person in entities
                if person.type == "person"
                and re.search(rf"\b{re.escape(place.name)}\b", person.role)
            ]
            for place in entities
            if place.type == "place"
        }  # place id -> the persons whose role names it ("President of Ukraine")
        self._role_words = {
            entity.id: frozenset(re.findall(r"\w+", entity.role.lower()))
            for entity in registry.entities.values()
        }

    def find(self, paragraphs: Sequence[str]) -> list[Mention]:
        """Every mention, in text order; offsets index into ``paragraphs[i]`` as given."""
        scan, resolve = self._scanner.scan, self._resolve
        mentions: list[Mention] = []
        last_full: dict[str, int] = {}  # entity id -> index in mentions of its latest alias
        for index, paragraph in enumerate(paragraphs):
            text = normalise(paragraph)
            for start, end, (how, entity_ids) in _capital_lead(scan, text):
                full = self._initialled(text, start, end) if how == "surname" else None
                if full is not None:  # "Vladimir V. Putin": the full name, an initial inside
                    start, how, entity_ids = full
                described = self._described(text, start, end, entity_ids[0], last_full)
                if how == "alias" and described is not None:  # "the Ukrainian president"
                    entity_id: str | None = described[0]
                    end, how = described[1], "surname"
                elif how == "alias":
                    entity_id = entity_ids[0]
                    last_full[entity_ids[0]] = len(mentions)
                else:
                    entity_id = resolve(entity_ids, text, start, end, last_full)
                if entity_id is not None:
                    mentions.append(
                        Mention(entity_id, index, start, end, paragraph[start:end], how)
                    )
        return mentions

    def _described(
        self, text: str, start: int, end: int, place: str, last_full: dict[str, int]
    ) -> tuple[str, int] | None:
        """ "the Ukrainian president", "the Indian foreign minister": the one person named
        before in the article whose role holds that office of that country, and where the
        description ends."""
        holders = self._office_holders.get(place)
        if not holders or not _THE_BEFORE.search(text, max(0, start - 5), start):
            return None
        office = _OFFICE_AFTER.match(text, end)
        if office is None:
            return None
        words = _OFFICE_WORDS.get(office.group(1).lower(), {office.group(1).lower()})
        seen = [p for p in holders if p in last_full and words & self._role_words[p]]
        return (seen[0], office.end()) if len(seen) == 1 else None

    def _initialled(
        self, text: str, start: int, end: int
    ) -> tuple[int, How, tuple[str, ...]] | None:
        """Where a registered full name written with a middle initial starts, and its claim."""
        given = _INITIAL_BEFORE.search(text, max(0, start - 40), start)
        if given is None:
            return None
        claim = self._claims.get(f"{given.group(1)} {text[start:end]}")
        if claim is None or claim.how != "alias":
            return None
        return given.start(), claim.how, claim.entity_ids

    def _resolve(
        self,
        persons: tuple[str, ...],
        text: str,
        start: int,
        end: int,
        last_full: dict[str, int],
    ) -> str | None:
        """The person a bare surname refers to, or None when the text does not say."""
        seen = [person for person in persons if person in last_full]
        before, after = _neighbours(text, start, end)
        title = before.lower() if before.lower() in TITLE_WORDS else None
        if not seen:
            titled = [p for p in persons if title and title in self._role_words[p]]
            return titled[0] if len(titled) == 1 else None  # "President Zelensky"
        named_before = before[:1].isupper() and before.lower() not in _CALENDAR_WORDS
        if (named_before and title is None) or after[:1].isupper():
            return None  # part of a longer name the registry does not know
        titled = [person for person in seen if title and title in self._role_words[person]]
        return max(titled or seen, key=last_full.__getitem__)


def _capital_lead(
    scan: Callable[[str], list[tuple[int, int, Claim]]], text: str
) -> list[tuple[int, int, Claim]]:
    """The matches of ``text``; a paragraph opened by a word in capitals ("VOLODYMYR
    Zelensky flew ...", a magazine's or tabloid's lead) is also read with that word
    capitalised only, for a name starting there (an acronym is matched as written)."""
    found = scan(text)
    head = _CAPITAL_HEAD.match(text)
    if head is None or (found and found[0][0] == 0):
        return found
    plain = text[0] + text[1 : head.end()].lower() + text[head.end() :]
    first = [match for match in scan(plain) if match[0] == 0][:1]
    return first + [match for match in found if not first or match[0] >= first[0][1]]


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after ``text[start:end]``; "" where punctuation intervenes.

    The word before is found without a regular-expression search backwards, which
    was most of the cost of resolving a surname.
    """
    head = text[max(0, start - 40) : start]
    words = head.split() if head[-1:].isspace() else []
    after = _WORD_AFTER.match(text, end)
    return (_NON_WORD.split(words[-1])[-1] if words else ""), (after.group(1) if after else "")
