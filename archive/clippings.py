"""Parse one raw clipping, as copied from a news site, into the parts of an article.

Clippings come from many sites, so every decision is a rule, never a per-file case;
what the rules cannot determine is said in ``Clipping.warnings`` or, when it
leaves no usable article, raised as a :class:`ContentError`.

Encoding
    A byte-order mark decides first (UTF-8 or UTF-16). Otherwise the bytes are
    UTF-8 if they decode as UTF-8, else cp1252 (Windows Western, a superset of the
    printable Latin-1 range), else Latin-1, which decodes anything. The fallbacks
    are reported as warnings. NUL bytes or many control characters mean binary.
Lines
    Windows and old-Mac line endings become ``\\n``. Every run of whitespace,
    non-breaking spaces included, becomes one plain space and lines are trimmed:
    browsers show the text the same way, and names, patterns and quotes then match
    without caring which space the site used. Stray byte-order marks (U+FEFF, left
    where files were joined) are dropped.
Furniture
    Navigation, sharing prompts and the like are removed by the editors' pattern
    file (see ``content/data/furniture.txt`` for its syntax). A removed line
    separates paragraphs like a blank line. Patterns may capture ``source`` (the
    publication a line names) or ``date`` (a publication date a line states).
Paragraphs
    Blank lines separate blocks. In a block with a line longer than 100
    characters every line is a paragraph (text copied from a browser); a block
    of shorter lines is hard-wrapped text whose lines are joined, a paragraph
    ending at a line shorter than 3/4 of the block's longest (the last line of
    a paragraph, a subheading). Subheadings inside the article ("Role of
    China") stay paragraphs of their own, with their text: the theme gives
    every paragraph an id, and later stages address text by paragraph.
Title
    A headline is a leading paragraph of 3 to 20 words that does not end like
    prose (``. , ; : …``); short labels before it (a section name) stay text.
    Without one, the title is the lead's first sentence, without a dateline; a
    longer sentence is cut to whole words within 80 characters: at a clause end
    (comma, semicolon, colon) in the last quarter of that length if there is
    one, else before a name the cut would split, and never after a function
    word ("the", "and"). Closing punctuation goes and no ellipsis is added (the
    title is a label; ``title_derived`` tells that it is not the source's).
Date
    A first line ``date YYYY-MM-DD`` (its body may follow on the same line);
    else the first date with a year in the opening: the lines up to the end of
    the lead (headline, dateline, "Published ..." lines, a line holding only a
    date, the lead's text); else a dated furniture line anywhere. Date phrases
    are found by :func:`archive.dates.find_explicit_dates`.
Source
    The first furniture line that names one ("Source: X", "By A for X",
    "© 2021 X"); else the agency of a dateline opening the lead
    ("Aug. 25, 2021 (AGENCY)—", "KABUL (AGENCY) -"); else "". Agencies quoted
    in the text ("Xinhua reported") are what the article cites, not its publisher.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from archive.dates import ExplicitDate, find_explicit_dates
from archive.errors import ContentError
from archive.text import sentences

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_GUESSES = ("utf-8", "cp1252")  # tried in turn when there is no byte-order mark
_LAST_RESORT = "latin-1"  # decodes any bytes
_CONTROL_SHARE = 0.05  # a larger share of control characters: not text (random bytes: 12%)
_MARKER = re.compile(r"date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)", re.IGNORECASE)
_WRAP_WIDTH = 100  # longer lines were not wrapped by hand
_WRAP_SHORT = 0.75  # a line shorter than this share of its block ends a paragraph
_PROSE_END = re.compile(r"[.,;:…][\"'”’)\]]*$")
_HEADING_WORDS = 20
_HEADLINE_MIN_WORDS = 3
_TITLE_LENGTH = 80
_CLAUSE_SHARE = 0.75  # a clause ending this far into the length is a better cut
_TITLE_TRIM = " .,;:–—-"
_DATE_LINE_REST = re.compile(
    r"(?:[\W_]|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}[:.]\d{2}\b"
    r"|\b[ap]\.?m\b\.?|\b(?:gmt|utc)\b)*",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"(?P<head>[^()]{0,60}?)\s*\((?P<agency>[^()]{2,40})\)\s*[-–—]+\s*")
_DATELINE_PLACE = re.compile(r"(?:[A-Z][A-Z .'’-]*)?,?")
# Words a cut title or slug should not end on.
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
     "with", "from", "as", "into", "onto", "than", "that", "which", "who", "whose", "his",
     "her", "its", "their", "our", "your", "my", "is", "are", "was", "were", "be", "been",
     "has", "have", "had", "will", "would"}
)  # fmt: skip
_RULE_KINDS = ("tail", "block")
_GROUPS = {"source", "date"}


@dataclass(frozen=True)
class StrippedLine:
    """Text removed from the clipping, with its line, for the ingest report."""

    line: int
    text: str


@dataclass(frozen=True)
class Clipping:
    """What one clipping says about its article."""

    title: str
    title_derived: bool
    date: datetime.date
    date_text: str
    source: str
    paragraphs: list[str]
    encoding: str
    stripped: list[StrippedLine]
    warnings: list[str]


@dataclass(frozen=True)
class _Rule:
    kind: str  # "line", "tail" or "block"
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Furniture:
    """The editors' furniture patterns, compiled (see ``content/data/furniture.txt``)."""

    rules: tuple[_Rule, ...]

    def match_line(self, text: str) -> tuple[_Rule, re.Match[str]] | None:
        """The rule and match when the whole of ``text`` is furniture."""
        for rule in self.rules:
            match = rule.regex.fullmatch(text) if rule.kind != "tail" else None
            if match:
                return rule, match
        return None

    def cut_tail(self, text: str) -> tuple[str, str]:
        """Split ``text`` into what stays and the furniture fragment that ends it."""
        for rule in self.rules:
            match = rule.regex.search(text) if rule.kind == "tail" else None
            if match:
                return text[: match.start()].rstrip(), text[match.start() :]
        return text, ""


def load_furniture(path: Path) -> Furniture:
    """Read the editors' pattern file; a bad pattern is an error at its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(path, f"cannot read furniture patterns: {error}") from None
    rules = [
        _compile_rule(line.strip(), path, number)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return Furniture(tuple(rules))


def _compile_rule(line: str, path: Path, number: int) -> _Rule:
    kind, _, rest = line.partition(":")
    kind, pattern = (kind, rest.strip()) if kind in _RULE_KINDS else ("line", line)
    try:
        body = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ContentError(path, f"bad pattern {pattern!r}: {error.msg}", number) from None
    unknown = set(body.groupindex) - _GROUPS
    if unknown:
        names = ", ".join(sorted(unknown))
        raise ContentError(path, f"unknown group name {names} (use source or date)", number)
    if body.fullmatch(""):
        raise ContentError(path, f"pattern {pattern!r} matches an empty line", number)
    if kind == "tail" and body.groupindex:
        raise ContentError(path, "a tail pattern cannot name groups: use a whole-line one", number)
    if kind == "tail":
        # A tail starts after a space or a sentence's end, never inside a word.
        body = re.compile(rf"(?:^|(?<=[\s.!?\"”’]))(?:{pattern})$", re.IGNORECASE)
    return _Rule(kind, body)


def decode(raw: bytes, path: str | Path) -> tuple[str, str]:
    """The text of a clipping and the encoding it was read with."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                raise ContentError(path, f"not valid {codec} despite its byte-order mark") from None
    if b"\x00" in raw:
        raise ContentError(path, "binary file (NUL bytes); UTF-16 text needs a byte-order mark")
    for codec in _GUESSES:
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return raw.decode(_LAST_RESORT), _LAST_RESORT


def _check_is_text(text: str, path: str | Path) -> None:
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"
    )
    if controls > _CONTROL_SHARE * len(text):
        raise ContentError(path, f"not text: {controls} control characters")


@dataclass(frozen=True)
class _Line:
    number: int
    text: str


@dataclass(frozen=True)
class _Paragraph:
    first: int
    last: int
    text: str


@dataclass(frozen=True)
class _Dated:
    line: int
    text: str
    value: datetime.date


@dataclass
class _Sorting:
    """Lines of a clipping, with the furniture taken out and what it told."""

    lines: list[_Line]
    stripped: list[StrippedLine]
    sources: list[str]
    dates: list[_Dated]


def _lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [_Line(n, " ".join(line.split())) for n, line in enumerate(text.split("\n"), 1)]


def _take_marker(lines: list[_Line], path: str | Path) -> tuple[list[_Line], _Dated | None]:
    """Remove a leading ``date YYYY-MM-DD`` marker, keeping any text after it."""
    first = next((line for line in lines if line.text), None)
    if first is None:
        raise ContentError(path, "empty clipping")
    match = _MARKER.fullmatch(first.text)
    if not match:
        return lines, None
    try:
        value = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        raise ContentError(path, f"no such date: {match.group(1)}", first.number) from None
    rest = _Line(first.number, match.group(2))
    marker = _Dated(first.number, f"date {match.group(1)}", value)
    return [rest if line is first else line for line in lines], marker


def _is_heading(text: str) -> bool:
    """Short and not closed like prose: a headline, subheading or link title."""
    return len(text.split()) <= _HEADING_WORDS and not _PROSE_END.search(text)


def _first_date(text: str) -> ExplicitDate | None:
    """The first date with a year in ``text``."""
    return next((d for d in find_explicit_dates(text) if d.value and d.year_given), None)


def _dated(number: int, found: ExplicitDate) -> _Dated:
    assert found.value is not None  # _first_date only returns dates with a value
    return _Dated(number, found.text, found.value)


def _sort_out_furniture(lines: list[_Line], furniture: Furniture) -> _Sorting:
    """Take furniture out of ``lines``; a removed line is left blank, so it separates."""
    sorting = _Sorting([], [], [], [])
    in_block = False  # in a list of links, which the first prose line ends
    for line in lines:
        kept, starts_block = _remove_furniture(line, furniture, sorting)
        if in_block and kept and _is_heading(kept):
            sorting.stripped.append(StrippedLine(line.number, kept))
            kept = ""
        in_block = starts_block or (in_block and not kept)
        sorting.lines.append(_Line(line.number, kept))
    return sorting


def _remove_furniture(line: _Line, furniture: Furniture, sorting: _Sorting) -> tuple[str, bool]:
    """The text of ``line`` that stays, and whether a block of links starts here."""
    text, tail = furniture.cut_tail(line.text)
    if tail:
        sorting.stripped.append(StrippedLine(line.number, tail))
    hit = furniture.match_line(text) if text else None
    if hit is None or not _take_furniture(sorting, line.number, hit[1]):
        return text, False
    sorting.stripped.append(StrippedLine(line.number, text))
    return "", hit[0].kind == "block"


def _take_furniture(sorting: _Sorting, number: int, match: re.Match[str]) -> bool:
    """Record what a furniture line says; a 'date' line without a date is text after all."""
    groups = match.groupdict()
    if groups.get("date") is not None:
        found = _first_date(groups["date"])
        if found is None:
            return False
        sorting.dates.append(_dated(number, found))
    if groups.get("source"):
        sorting.sources.append(groups["source"].strip(" .,;:|-–—"))
    return True


def _take_date_lines(sorting: _Sorting) -> None:
    """Lines before the first prose line that hold nothing but a date are metadata."""
    for index, line in enumerate(sorting.lines):
        found = _first_date(line.text) if line.text else None
        if found and _DATE_LINE_REST.fullmatch(line.text[: found.start] + line.text[found.end :]):
            sorting.dates.append(_dated(line.number, found))
            sorting.stripped.append(StrippedLine(line.number, line.text))
            sorting.lines[index] = _Line(line.number, "")
        elif line.text and not _is_heading(line.text):
            return


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    for block in _blocks(lines):
        width = max(len(line.text) for line in block)
        if width > _WRAP_WIDTH:
            paragraphs.extend(_Paragraph(line.number, line.number, line.text) for line in block)
            continue
        start = 0
        for index, line in enumerate(block):
            if index == len(block) - 1 or len(line.text) < _WRAP_SHORT * width:
                part = block[start : index + 1]
                text = " ".join(item.text for item in part)
                paragraphs.append(_Paragraph(part[0].number, line.number, text))
                start = index + 1
    return paragraphs


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    blocks: list[list[_Line]] = [[]]
    for line in lines:
        if line.text:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _headline(paragraphs: list[_Paragraph]) -> tuple[int | None, int]:
    """Index of the headline (or None) and of the lead among ``paragraphs``."""
    headline = None
    for index, paragraph in enumerate(paragraphs):
        if not _is_heading(paragraph.text):
            return headline, index
        if headline is None and len(paragraph.text.split()) >= _HEADLINE_MIN_WORDS:
            headline = index
    return headline, 0 if headline is None else min(headline + 1, len(paragraphs) - 1)


def _publication_date(sorting: _Sorting, opening: list[_Paragraph], path: str | Path) -> _Dated:
    """The first dated line or phrase of the opening, else a dated furniture line."""
    end = opening[-1].last
    in_text = [
        _dated(paragraph.first, found)
        for paragraph in opening
        if (found := _first_date(paragraph.text)) is not None
    ]
    early = sorted(
        [dated for dated in sorting.dates if dated.line <= end] + in_text,
        key=lambda dated: dated.line,
    )
    candidates = early + [dated for dated in sorting.dates if dated.line > end]
    if candidates:
        return candidates[0]
    raise ContentError(path, _no_date_message(opening))


def _no_date_message(opening: list[_Paragraph]) -> str:
    yearless = [d.text for p in opening for d in find_explicit_dates(p.text) if not d.year_given]
    found = f"; found {yearless[0]!r} without a year" if yearless else ""
    return f"no publication date found (no 'date YYYY-MM-DD' line, no dated opening line){found}"


def _dateline(lead: str) -> re.Match[str] | None:
    """A dateline opening the lead: a date or a capitalised place, then '(AGENCY) —'."""
    match = _DATELINE.match(lead)
    if not match or not match.group("agency")[0].isupper():
        return None
    head = match.group("head")
    for found in find_explicit_dates(head):
        head = head[: found.start] + head[found.end :]
    return match if _DATELINE_PLACE.fullmatch(head.strip()) else None


def _source(sorting: _Sorting, lead: str) -> str:
    if sorting.sources:
        return sorting.sources[0]
    dateline = _dateline(lead)
    return dateline.group("agency").strip() if dateline else ""


def derive_title(lead: str) -> str:
    """A short whole-word title from the lead's first sentence (its dateline left out)."""
    dateline = _dateline(lead)
    text = lead[dateline.end() :] if dateline else lead
    spans = sentences(text)
    sentence = text[spans[0][0] : spans[0][1]] if spans else text
    if len(sentence) > _TITLE_LENGTH:
        sentence = _cut(sentence.split(" "))
    title = sentence.rstrip(_TITLE_TRIM + "…")
    if title.count("“") != title.count("”") or title.count('"') % 2:
        title = title.lstrip('“"')
    return title


def _cut(words: list[str]) -> str:
    """The first words within the title length, not ending inside a name or on "the"."""
    count = 1
    while count < len(words) and len(" ".join(words[: count + 1])) <= _TITLE_LENGTH:
        count += 1
    kept = words[:count]
    clause = _last_clause_end(kept)
    if clause:
        return " ".join(kept[:clause])
    if count < len(words) and words[count][:1].isupper():
        kept = _without_trailing_name(kept)
    while len(kept) > 1 and kept[-1].strip(_TITLE_TRIM).lower() in FUNCTION_WORDS:
        kept.pop()
    return " ".join(kept)


def _last_clause_end(words: list[str]) -> int:
    """How many words end with a clause (a comma ...) late enough to make the title, or 0."""
    for count in range(len(words), 0, -1):
        if len(" ".join(words[:count])) < _CLAUSE_SHARE * _TITLE_LENGTH:
            return 0
        if words[count - 1][-1:] in ",;:":
            return count
    return 0


def _without_trailing_name(words: list[str]) -> list[str]:
    """``words`` less the capitalised words ending them, unless too little would be left."""
    end = len(words)
    while end > 0 and words[end - 1][:1].isupper() and words[end - 1][-1].isalnum():
        end -= 1
    return words[:end] if end >= _HEADLINE_MIN_WORDS else words


def parse_clipping(raw: bytes, path: str | Path, furniture: Furniture) -> Clipping:
    """Read one clipping; raise :class:`ContentError` when no article can be made of it."""
    text, encoding = decode(raw, path)
    _check_is_text(text, path)
    lines, marker = _take_marker(_lines(text), path)
    sorting = _sort_out_furniture(lines, furniture)
    _take_date_lines(sorting)
    paragraphs = _paragraphs(sorting.lines)
    if not paragraphs:
        raise ContentError(path, "no article text once site furniture is removed")
    headline, lead = _headline(paragraphs)
    body = [p.text for index, p in enumerate(paragraphs) if index != headline]
    if not body:
        raise ContentError(path, "a headline but no article text")
    date = marker or _publication_date(sorting, paragraphs[: lead + 1], path)
    source = _source(sorting, paragraphs[lead].text)
    return Clipping(
        title=derive_title(paragraphs[lead].text)
        if headline is None
        else paragraphs[headline].text,
        title_derived=headline is None,
        date=date.value,
        date_text=date.text,
        source=source,
        paragraphs=body,
        encoding=encoding,
        stripped=sorting.stripped,
        warnings=_warnings(encoding, headline is None, source),
    )


def _warnings(encoding: str, title_derived: bool, source: str) -> list[str]:
    """What the rules could not determine for sure, for the editor to check."""
    warnings = []
    if not encoding.startswith("utf"):
        warnings.append(f"not UTF-8: read as {encoding}; check accented letters")
    if title_derived:
        warnings.append("no headline: title derived from the lead; an editor may replace it")
    if not source:
        warnings.append("no source found: fill in 'source' by hand")
    return warnings


def read_clipping(path: Path, furniture: Furniture) -> tuple[bytes, Clipping]:
    """The raw bytes of the clipping at ``path`` and what they say."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(path, f"cannot read: {error.strerror}") from None
    return raw, parse_clipping(raw, path, furniture)
