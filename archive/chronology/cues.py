"""The editors' cue words (``content/data/event_cues.yaml``) and where they occur in a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from archive.chronology.kinds import KINDS
from archive.core.errors import ContentError
from archive.core.yamlfile import Key, Shape, compose, line_of


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
    refer_back_body: re.Pattern[str]
    unstated_medium: frozenset[str]  # lower-case cue phrases of a call or a meeting
    reporting_before: re.Pattern[str]
    reporting_after: re.Pattern[str]


# The cue file: the phrases of each kind, and the words the participant rules look for.
_FILE = Shape(
    "the cue file",
    [
        Key("kinds", "mapping", required="the cue file has no 'kinds'"),
        Key("refer_back", "mapping"),
        Key("reporting", "mapping"),
        Key("unstated_medium", "any"),
    ],
)
_KINDS = Shape("'kinds'", [Key(kind, "any") for kind in KINDS])  # lists checked by _phrases
_REFER_BACK = Shape("'refer_back'", [Key("one", "any"), Key("all", "any"), Key("body", "any")])
_REPORTING = Shape("'reporting'", [Key("before", "any"), Key("after", "any")])
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
    top = _mapping(_compose(path), path, _FILE)
    cues: list[Cue] = []
    seen: dict[str, int] = {}
    for kind, node in _mapping(top["kinds"], path, _KINDS).items():
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
    refer = _lists(top.get("refer_back"), path, _REFER_BACK)
    unstated = _unstated(top.get("unstated_medium"), path, seen)
    reporting = _lists(top.get("reporting"), path, _REPORTING)
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
        refer_back_body=re.compile(_alternation(refer["body"]), re.IGNORECASE),
        unstated_medium=unstated,
        reporting_before=re.compile(
            rf"(?:{_alternation(reporting['before'])})(?:\s+[\w'’.-]+){{0,4}}?\s*$", re.IGNORECASE
        ),
        reporting_after=re.compile(
            rf"^(?:\s+[\w'’.-]+){{0,3}}?\s+(?:{_alternation(reporting['after'])})", re.IGNORECASE
        ),
    )


def _unstated(node: Node | None, path: Path, seen: Mapping[str, int]) -> frozenset[str]:
    """The cues that tell a conversation without saying whether it was by phone."""
    if node is None:
        return frozenset()
    phrases = _phrases(node, path)
    for phrase, line in phrases:
        if phrase.lower() not in seen:
            message = f"'{phrase}' under unstated_medium is not a cue of any kind"
            raise ContentError(path, message, line)
    return frozenset(phrase.lower() for phrase, _ in phrases)


def _compose(path: Path) -> Node:
    root = compose(path, "the cue file")
    if root is None:
        raise ContentError(path, "the cue file is empty")
    return root


def _mapping(node: Node, path: Path, shape: Shape) -> dict[str, Node]:
    """The entries of a mapping node of the given shape; its first problem is raised."""
    entries, errors = shape.read(node, path)
    if errors:
        raise errors[0]
    return entries


def _phrases(node: Node, path: Path) -> list[tuple[str, int]]:
    """The texts of a list node, with their lines; "..." may not open or close a phrase."""
    if not isinstance(node, SequenceNode):
        raise ContentError(path, "expected a list of phrases", line_of(node))
    phrases = []
    for item in node.value:
        line = line_of(item)
        text = " ".join(str(item.value).split()) if isinstance(item, ScalarNode) else ""
        if not _WORD.search(text) or text.startswith("...") or text.endswith("..."):
            raise ContentError(path, "each cue must be words, with '...' only between words", line)
        phrases.append((text, line))
    return phrases


def _lists(node: Node | None, path: Path, shape: Shape) -> dict[str, list[str]]:
    entries = _mapping(node, path, shape) if node is not None else {}
    return {
        key: [p for p, _ in _phrases(entries[key], path)] if key in entries else []
        for key in shape.keys
    }


@dataclass(frozen=True)
class CueMatch:
    kind: str
    start: int
    end: int
    text: str
    phrase: str = ""  # the cue as the editors wrote it ("discussed ... with")


def find_cues(text: str, cues: Cues) -> list[CueMatch]:
    """Every cue in ``text``: at each word, the longest cue starting there, leftmost first."""
    found: list[CueMatch] = []
    for word in cues.first_words.finditer(text):
        if found and word.start() < found[-1].end:
            continue
        starting = cues.by_first_word.get(word.group().lower(), ())
        matches = [(m, c) for c in starting if (m := c.pattern.match(text, word.start()))]
        if matches:
            match, cue = max(matches, key=lambda pair: pair[0].end())
            found.append(CueMatch(cue.kind, match.start(), match.end(), match.group(), cue.phrase))
    return found
