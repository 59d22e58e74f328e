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
  apostrophes match plain ones ("People’s Daily").
- **Surnames.** A bare surname refers to the most recent full mention (by name or
  alias) in the same article of a person carrying it; with none, it stays unlinked.
  A surname next to another capitalised word ("Wang Yibo", "Amy Wang") belongs to a
  longer name the registry does not know, and stays unlinked too.
- **Titles.** When the word before a bare surname is a title ("Ambassador Wang",
  "foreign minister Wang"), the most recent full mention of a person whose registry
  role contains that title is preferred; if no candidate's role has it, the plain
  most recent one is taken.

Two interchangeable scanners implement the first three rules: an Aho-Corasick
automaton (the default, faster: see ``bench/bench_mentions.py``) and one compiled
regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

import ahocorasick

from archive.registry import Claim, How, Registry, normalise
from archive.text import sentences

# Words that, just before a bare surname, name the person's office.
TITLE_WORDS = frozenset(
    {
        "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "minister",
        "president", "premier", "councilor", "councillor", "chancellor", "secretary",
        "director", "chairman", "chairwoman", "chair", "governor", "mayor", "senator",
        "commander", "leader", "deputy", "mullah", "king", "queen", "prince",
    }
)  # fmt: skip
_NON_WORD = re.compile(r"\W+")
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
            for start, end, (how, entity_ids) in scan(text):
                if how == "alias":
                    entity_id: str | None = entity_ids[0]
                    last_full[entity_ids[0]] = len(mentions)
                else:
                    entity_id = resolve(entity_ids, text, start, end, last_full)
                if entity_id is not None:
                    mentions.append(
                        Mention(entity_id, index, start, end, paragraph[start:end], how)
                    )
        return mentions

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
        if not seen:
            return None
        before, after = _neighbours(text, start, end)
        title = before.lower() if before.lower() in TITLE_WORDS else None
        if (before[:1].isupper() and title is None) or after[:1].isupper():
            return None  # part of a longer name the registry does not know
        titled = [person for person in seen if title and title in self._role_words[person]]
        return max(titled or seen, key=last_full.__getitem__)


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after ``text[start:end]``; "" where punctuation intervenes.

    The word before is found without a regular-expression search backwards, which
    was most of the cost of resolving a surname.
    """
    head = text[max(0, start - 40) : start]
    words = head.split() if head[-1:].isspace() else []
    after = _WORD_AFTER.match(text, end)
    return (_NON_WORD.split(words[-1])[-1] if words else ""), (after.group(1) if after else "")


@dataclass(frozen=True)
class Candidate:
    """A recurring capitalised name no alias or surname covers, for editors to register."""

    name: str
    count: int
    articles: tuple[str, ...]
    example: str
    example_article: str


_NAME_WORD = r"[A-Z][\w'-]*"
_NAME_RUN = re.compile(rf"(?<![\w'-]){_NAME_WORD}(?: (?:of the |of |for )?{_NAME_WORD})*")
_WORD = re.compile(r"(?<![\w'-])[A-Za-z][\w'-]*")
_OPENING = "\"'“‘([ "
_CONNECTORS = {"of", "the", "for"}
_CALENDAR = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}  # fmt: skip


@dataclass(frozen=True)
class _Usage:
    """How the archive writes its words, to tell a name from a capitalised common word."""

    lower: frozenset[str]  # words written in lower case somewhere, lower-cased
    inner_capitals: frozenset[str]  # capitalised words seen after a sentence's first word

    def common_opening(self, word: str) -> bool:
        """Whether a sentence's first word is a common word ("The", "Additionally")."""
        return word.lower() in self.lower or word not in self.inner_capitals


def candidates(
    articles: Mapping[str, Sequence[str]], registry: Registry, min_count: int = 2
) -> list[Candidate]:
    """Capitalised names that recur ``min_count`` times or more and are not registered.

    ``articles`` maps an article's slug to its paragraphs. Registered mentions are
    masked out first, so "Chinese Ambassador Wang Yu" leaves nothing behind. A
    sentence's first word is dropped when the archive also writes it in lower case,
    or never capitalises it inside a sentence ("The", "Additionally"); so are
    titles ("Foreign Minister Li Qiang" counts as "Li Qiang") and calendar words.
    Most frequent first.
    """
    matcher = Matcher(registry)
    usage = _usage(paragraph for paragraphs in articles.values() for paragraph in paragraphs)
    found: dict[str, list[tuple[str, str]]] = {}
    for slug, paragraphs in articles.items():
        mentions = matcher.find(paragraphs)
        for index, paragraph in enumerate(paragraphs):
            masked = _mask(normalise(paragraph), [m for m in mentions if m.paragraph == index])
            for name, sentence in _names(masked, paragraph, usage):
                if _is_candidate(name, registry):
                    found.setdefault(name, []).append((slug, sentence))
    listed = [
        Candidate(name, len(hits), tuple(sorted({s for s, _ in hits})), hits[0][1], hits[0][0])
        for name, hits in found.items()
        if len(hits) >= min_count
    ]
    return sorted(listed, key=lambda c: (-c.count, c.name))


def _usage(paragraphs: Iterable[str]) -> _Usage:
    lower: set[str] = set()
    inner_capitals: set[str] = set()
    for paragraph in paragraphs:
        text = normalise(paragraph)
        for start, end in sentences(text):
            words = _WORD.findall(text, start, end)
            lower.update(word.lower() for word in words if word[0].islower())
            inner_capitals.update(word for word in words[1:] if word[0].isupper())
    return _Usage(frozenset(lower), frozenset(inner_capitals))


def _mask(text: str, mentions: list[Mention]) -> str:
    """``text`` with each mention blanked out, so that no name run crosses one."""
    chars = list(text)
    for mention in mentions:
        chars[mention.start : mention.end] = "\0" * (mention.end - mention.start)
    return "".join(chars)


def _names(masked: str, original: str, usage: _Usage) -> Iterable[tuple[str, str]]:
    """Each capitalised name left in a masked paragraph, with the sentence it is in."""
    for start, end in sentences(original):
        sentence = masked[start:end]
        for run in _NAME_RUN.finditer(sentence):
            words = run.group().split(" ")
            if not sentence[: run.start()].strip(_OPENING) and usage.common_opening(words[0]):
                words = words[1:]
            words = _after_title(words)
            while words and words[0] in _CONNECTORS:
                words = words[1:]
            if words:
                yield _clean(" ".join(words)), original[start:end]


def _after_title(words: list[str]) -> list[str]:
    """The words after the last title ("Foreign Minister Li Qiang" -> "Li Qiang")."""
    titles = [i for i, word in enumerate(words) if word.lower().removesuffix("s") in TITLE_WORDS]
    return words[titles[-1] + 1 :] if titles else words


def _clean(name: str) -> str:
    """Without a possessive or a dangling hyphen ("Hanafi's", "Sino-")."""
    return name.removesuffix("'s").rstrip("'-")


def _is_candidate(name: str, registry: Registry) -> bool:
    return bool(name) and name not in registry.claims and name not in _CALENDAR
