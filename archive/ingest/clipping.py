"""Parse one raw clipping, as copied from a news site, into the parts of an article.

Clippings come from many sites, so every decision is a rule, never a per-file case;
what the rules cannot determine is said in ``Clipping.warnings`` or, when it
leaves no usable article, raised as a :class:`ContentError`.

Encoding

Lines
    Windows and old-Mac line endings become ``\\n``. Every run of whitespace,
    non-breaking spaces included, becomes one plain space and lines are trimmed:
    browsers show the text the same way, and names, patterns and quotes then match
    without caring which space the site used. Stray byte-order marks (U+FEFF, left
    where files were joined) are dropped.
Furniture
Paragraphs
    Blank lines separate blocks. In a block with a line longer than 100
    characters every line is a paragraph (text copied from a browser); a block
    of shorter lines is hard-wrapped text whose lines are joined, a paragraph
    ending at a line shorter than 3/4 of the block's longest (the last line of
    a paragraph, a subheading). Subheadings inside the article ("Role of
    China") stay paragraphs of their own, with their text: the theme gives
    every paragraph an id, and later stages address text by paragraph.
Title
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
from dataclasses import dataclass
from pathlib import Path

from archive.core.errors import ContentError
from archive.dates import ExplicitDate, find_explicit_dates
from archive.ingest.dateline import dateline
from archive.ingest.decoding import check_is_text, decode
from archive.ingest.furniture import Furniture, NumberedLine
from archive.ingest.titles import HEADLINE_MIN_WORDS, derive_title

_MARKER = re.compile(r"date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)", re.IGNORECASE)
_WRAP_WIDTH = 100  # longer lines were not wrapped by hand
_WRAP_SHORT = 0.75  # a line shorter than this share of its block ends a paragraph
_PROSE_END = re.compile(r"[.,;:…][\"'”’)\]]*$")
_HEADING_WORDS = 20
_DATE_LINE_REST = re.compile(
    r"(?:[\W_]|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}[:.]\d{2}\b"
    r"|\b[ap]\.?m\b\.?|\b(?:gmt|utc)\b)*",
    re.IGNORECASE,
)


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
    stripped: list[NumberedLine]
    warnings: list[str]


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

    lines: list[NumberedLine]
    stripped: list[NumberedLine]
    sources: list[str]
    dates: list[_Dated]


def _lines(text: str) -> list[NumberedLine]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [NumberedLine(n, " ".join(line.split())) for n, line in enumerate(text.split("\n"), 1)]


def _take_marker(
    lines: list[NumberedLine], path: str | Path
) -> tuple[list[NumberedLine], _Dated | None]:
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
        raise ContentError(path, f"no such date: {match.group(1)}", first.line) from None
    rest = NumberedLine(first.line, match.group(2))
    marker = _Dated(first.line, f"date {match.group(1)}", value)
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


def _sort_out_furniture(lines: list[NumberedLine], furniture: Furniture) -> _Sorting:
    """Take furniture out of ``lines``; a removed line is left blank, so it separates."""
    sorting = _Sorting([], [], [], [])
    in_block = False  # in a list of links, which the first prose line ends
    for line in lines:
        kept, starts_block = _remove_furniture(line, furniture, sorting)
        if in_block and kept and _is_heading(kept):
            sorting.stripped.append(NumberedLine(line.line, kept))
            kept = ""
        in_block = starts_block or (in_block and not kept)
        sorting.lines.append(NumberedLine(line.line, kept))
    return sorting


def _remove_furniture(
    line: NumberedLine, furniture: Furniture, sorting: _Sorting
) -> tuple[str, bool]:
    """The text of ``line`` that stays, and whether a block of links starts here."""
    text, tail = furniture.cut_tail(line.text)
    if tail:
        sorting.stripped.append(NumberedLine(line.line, tail))
    hit = furniture.match_line(text) if text else None
    if hit is None or not _take_furniture(sorting, line.line, hit[1]):
        return text, False
    sorting.stripped.append(NumberedLine(line.line, text))
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
            sorting.dates.append(_dated(line.line, found))
            sorting.stripped.append(NumberedLine(line.line, line.text))
            sorting.lines[index] = NumberedLine(line.line, "")
        elif line.text and not _is_heading(line.text):
            return


def _paragraphs(lines: list[NumberedLine]) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    for block in _blocks(lines):
        width = max(len(line.text) for line in block)
        if width > _WRAP_WIDTH:
            paragraphs.extend(_Paragraph(line.line, line.line, line.text) for line in block)
            continue
        start = 0
        for index, line in enumerate(block):
            if index == len(block) - 1 or len(line.text) < _WRAP_SHORT * width:
                part = block[start : index + 1]
                text = " ".join(item.text for item in part)
                paragraphs.append(_Paragraph(part[0].line, line.line, text))
                start = index + 1
    return paragraphs


def _blocks(lines: list[NumberedLine]) -> list[list[NumberedLine]]:
    blocks: list[list[NumberedLine]] = [[]]
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
        if headline is None and len(paragraph.text.split()) >= HEADLINE_MIN_WORDS:
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


def _source(sorting: _Sorting, lead: str) -> str:
    if sorting.sources:
        return sorting.sources[0]
    found = dateline(lead)
    return found.agency if found else ""


def parse_clipping(raw: bytes, path: str | Path, furniture: Furniture) -> Clipping:
    """Read one clipping; raise :class:`ContentError` when no article can be made of it."""
    text, encoding = decode(raw, path)
    check_is_text(text, path)
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
