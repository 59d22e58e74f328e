"""The editors' report of names the registry does not know yet (``invoke entities``).

Reads the articles as the site shows them (the same Markdown rendering, the same
paragraphs) and lists the recurring capitalised names no alias covers, so that an
editor can decide which to register. Nothing here reaches a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from archive.core.errors import ContentError
from archive.core.textfile import read_utf8
from archive.entities.mentions import TITLE_WORDS, Matcher, Mention
from archive.entities.registry import Registry, load_registry, normalise
from archive.site.markdown import renderer, split_front_matter
from archive.site.text import paragraphs, sentences


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
    usage = _usage(paragraph for texts in articles.values() for paragraph in texts)
    found: dict[str, list[tuple[str, str]]] = {}
    for slug, texts in articles.items():
        mentions = matcher.find(texts)
        for index, paragraph in enumerate(texts):
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


EXAMPLE_WIDTH = 100


def article_paragraphs(folder: Path) -> dict[str, list[str]]:
    """Each article's slug with the plain text of its paragraphs."""
    md = renderer()
    found = {}
    for path in sorted(folder.glob("*.md")):
        document = split_front_matter(read_utf8(path, "the article"), path)
        slug = str(document.meta.get("slug") or path.stem)
        found[slug] = [block.text for block in paragraphs(md.render(document.body))]
    return found


def describe(candidate: Candidate) -> str:
    """One candidate as a line of the report, with its example sentence."""
    example = " ".join(candidate.example.split())
    if len(example) > EXAMPLE_WIDTH:
        example = example[: EXAMPLE_WIDTH - 1].rsplit(" ", 1)[0] + " …"
    where = f"{len(candidate.articles)} article{'s' * (len(candidate.articles) != 1)}"
    return f"{candidate.count:>4}  {candidate.name}  ({where})\n      e.g. {example}  [{candidate.example_article}]"


def run_candidates(articles_dir: Path, registry_path: Path) -> int:
    """Print the report; 1 when the registry or an article cannot be read."""
    try:
        registry = load_registry(registry_path)
        found = candidates(article_paragraphs(articles_dir), registry)
    except ContentError as error:
        print(error)
        return 1
    warning = registry.warning()
    if warning:
        print(warning)
    if not found:
        print("Every recurring capitalised name is registered.")
        return 0
    print(f"{len(found)} names recur in the articles but are not in {registry_path}:")
    for candidate in found:
        print(describe(candidate))
    return 0
