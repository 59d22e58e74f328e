"""Parse one raw clipping, as copied from a news site, into the parts of an article.

Clippings come from many sites, so every decision is a rule, never a per-file case;
what the rules cannot determine is said in ``Clipping.warnings`` or, when it
leaves no usable article, raised as a :class:`ContentError`.

Encoding
    See :mod:`archive.ingest.decoding`.
Lines
    Windows and old-Mac line endings become ``\\n``. Every run of whitespace,
    non-breaking spaces included, becomes one plain space and lines are trimmed:
    browsers show the text the same way, and names, patterns and quotes then match
    without caring which space the site used. (The shape rules also see the
    spacing as copied: runs of spaces separate the items of a menu.) Stray
    byte-order marks (U+FEFF, left where files were joined) are dropped.
Date marker
    A first line ``date YYYY-MM-DD`` (its body may follow on the same line) gives
    the publication date; this is how an editor imports a clipping without one.
Furniture
    The editors' patterns (:mod:`archive.ingest.furniture`) are applied first;
    then :mod:`archive.ingest.layout` sorts the rest into header, article and
    trailer by structure, and :mod:`archive.ingest.header` reads the headline,
    byline, standfirst and source. Every line ends up in ``decisions``: kept or
    removed, with its rule.
Date
    See :mod:`archive.ingest.dating`; else a dated line an editor's pattern
    found anywhere ("Published …" under the article); else the clipping is refused.
Source
    A credit wins: the agency of a dateline ("KABUL (AGENCY) -"), an agency in
    the byline ("By A, Andes Wire"), "From X" / "via X" / "Source: X" lines, an
    agency alone under the headline ("PTI") or under the article ("- Xinhua");
    then the site's own name (its masthead), then the copyright holder; else "".
    Agencies quoted in the text ("Xinhua reported") are what the article cites.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from archive.core.errors import ContentError
from archive.dates import ExplicitDate, find_explicit_dates
from archive.ingest.dating import DateChoice, header_date, publication_date
from archive.ingest.decoding import check_is_text, decode
from archive.ingest.furniture import Furniture, NumberedLine
from archive.ingest.header import (
    closing_credit,
    copyright_holder,
    credited_source,
    dateline_agency,
    masthead_name,
    reader_case,
    spell_out,
    without_agencies,
)
from archive.ingest.layout import HEADER_FIELD_RULES, Decision, Layout, Line, lay_out
from archive.ingest.lines import items
from archive.ingest.titles import derive_title

_MARKER = re.compile(r"date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)", re.IGNORECASE)
_PROSE_END = re.compile(r"[.,;:…][\"'”’)\]]*$")
_HEADING_WORDS = 20
_AGENCY_LINE = re.compile(r"[A-Z]{2,6}")  # an agency alone on a header line ("PTI")


@dataclass(frozen=True)
class Clipping:
    """What one clipping says about its article.

    ``decisions`` holds every non-empty line (and every furniture tail cut off a
    line): kept or removed, and by which rule. ``stripped`` is the removed text
    that did not become a header field (headline, byline, date and standfirst
    lines went into ``title``, ``author``, ``date``, ``summary``).
    """

    title: str
    title_derived: bool
    date: datetime.date
    date_text: str
    source: str
    paragraphs: list[str]
    encoding: str
    stripped: list[NumberedLine]
    warnings: list[str]
    author: str = ""
    updated: datetime.date | None = None
    summary: str = ""
    decisions: list[Decision] = field(default_factory=list)


@dataclass
class _Sorting:
    """Lines of a clipping, with the editors' furniture taken out and what it told."""

    lines: list[NumberedLine]
    removed: dict[int, str]  # whole lines a pattern removed: their rule
    tails: list[tuple[NumberedLine, str]]  # furniture cut off the end of a line, and its rule
    keeps: set[int]
    sources: list[str]
    dates: list[DateChoice]


def _lines(text: str) -> list[NumberedLine]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [NumberedLine(n, " ".join(line.split())) for n, line in enumerate(text.split("\n"), 1)]


def _spaced_lines(text: str) -> list[str]:
    """The lines as copied, trimmed, with tabs and non-breaking spaces as plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [line.replace("\t", "  ").replace("\u00a0", " ").strip() for line in text.split("\n")]


def _take_marker(
    lines: list[NumberedLine], path: str | Path
) -> tuple[list[NumberedLine], DateChoice | None]:
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
    marker = DateChoice(value, f"date {match.group(1)}", first.line)
    return [rest if line is first else line for line in lines], marker


def _is_heading(text: str) -> bool:
    """Short and not closed like prose: a link title in a list a ``block:`` pattern heads."""
    return len(text.split()) <= _HEADING_WORDS and not _PROSE_END.search(text)


def _first_date(text: str) -> ExplicitDate | None:
    """The first date with a year in ``text``."""
    return next((d for d in find_explicit_dates(text) if d.value and d.year_given), None)


def _sort_out_furniture(lines: list[NumberedLine], furniture: Furniture) -> _Sorting:
    """Take the editors' furniture out of ``lines``; a removed line is left blank."""
    sorting = _Sorting([], {}, [], set(), [], [])
    block = ""  # the rule of the list of links being removed, which the first prose line ends
    for line in lines:
        if line.text and furniture.keeps(line.text):
            sorting.keeps.add(line.line)
            sorting.lines.append(line)
            block = ""
            continue
        kept, starts = _remove_furniture(line, furniture, sorting)
        if block and kept and _is_heading(kept):
            sorting.removed[line.line] = f"{block} (list)"
            kept = ""
        block = starts or (block if not kept else "")
        sorting.lines.append(NumberedLine(line.line, kept))
    return sorting


def _remove_furniture(
    line: NumberedLine, furniture: Furniture, sorting: _Sorting
) -> tuple[str, str]:
    """The text of ``line`` that stays, and the rule of a list of links starting here."""
    text, tail, rule = furniture.cut_tail(line.text)
    if tail:
        sorting.tails.append((NumberedLine(line.line, tail), rule))
    hit = furniture.match_line(text) if text else None
    if hit is None or not _take_furniture(sorting, line.line, hit[1]):
        return text, ""
    sorting.removed[line.line] = hit[0].name
    return "", hit[0].name if hit[0].kind == "block" else ""


def _take_furniture(sorting: _Sorting, number: int, match: re.Match[str]) -> bool:
    """Record what a furniture line says; a 'date' line without a date is text after all."""
    groups = match.groupdict()
    if groups.get("date") is not None:
        found = _first_date(groups["date"])
        if found is None or found.value is None:
            return False
        sorting.dates.append(DateChoice(found.value, found.text, number))
    if groups.get("source"):
        sorting.sources.append(groups["source"].strip(" .,;:|-–—"))
    return True


def layout_lines(
    text: str, lines: list[NumberedLine], sorting: _Sorting
) -> tuple[list[Line], dict[int, str]]:
    """The lines the layout works on (spacing kept where patterns left a line whole)."""
    originals = {line.line: line.text for line in lines}
    spaced = _spaced_lines(text)
    kept = [
        Line(
            line.line,
            originals[line.line] if line.line in sorting.removed else line.text,
            spaced[line.line - 1] if " ".join(spaced[line.line - 1].split()) == line.text else "",
        )
        for line in sorting.lines
    ]
    return kept, {n: rule for n, rule in sorting.removed.items() if originals.get(n)}


def prepare(
    raw: bytes, path: str | Path, furniture: Furniture
) -> tuple[list[Line], dict[int, str], str]:
    """What the layout sees of a clipping: its lines, those patterns removed, the whole text."""
    text, _ = decode(raw, path)
    lines, _ = _take_marker(_lines(text), path)
    kept, ghosts = layout_lines(text, lines, _sort_out_furniture(lines, furniture))
    return kept, ghosts, "\n".join(line.text for line in lines)


def parse_clipping(raw: bytes, path: str | Path, furniture: Furniture) -> Clipping:
    """Read one clipping; raise :class:`ContentError` when no article can be made of it."""
    text, encoding = decode(raw, path)
    check_is_text(text, path)
    lines, marker = _take_marker(_lines(text), path)
    sorting = _sort_out_furniture(lines, furniture)
    kept, ghosts = layout_lines(text, lines, sorting)
    everything = "\n".join(line.text for line in lines)
    layout = lay_out(kept, ghosts, everything, frozenset(sorting.keeps))
    if layout.lead is None or not layout.paragraphs:
        found = "a headline but no article text" if _has_text(kept, ghosts) else ""
        raise ContentError(path, found or "no article text once site furniture is removed")
    texts = [line.text for line in lines]
    if marker:
        choice = marker
        choice.updated = (header_date(layout, texts) or marker).updated
    else:
        choice = publication_date(layout, texts, path, sorting.dates)
    tails = [Decision(t.line, t.text, False, rule) for t, rule in sorting.tails]
    decisions = sorted([*layout.decisions, *tails], key=lambda decision: decision.line)
    source = _source(layout, texts, sorting.sources)
    return Clipping(
        title=layout.title or derive_title(layout.lead.text),
        title_derived=not layout.title,
        date=choice.value,
        date_text=choice.text,
        source=source,
        paragraphs=[unit.text for unit in layout.paragraphs],
        encoding=encoding,
        stripped=[
            NumberedLine(d.line, d.text)
            for d in decisions
            if not d.kept and d.rule not in HEADER_FIELD_RULES
        ],
        warnings=_warnings(encoding, not layout.title, source) + choice.notes,
        author=layout.byline.author if layout.byline else "",
        updated=choice.updated if choice.updated and choice.updated >= choice.value else None,
        summary=layout.summary,
        decisions=decisions,
    )


def _has_text(lines: list[Line], ghosts: dict[int, str]) -> bool:
    """Whether any text is left (a headline alone, say) once the patterns' furniture is out."""
    return any(line.text and line.number not in ghosts for line in lines)


def _source(layout: Layout, texts: list[str], editor_sources: list[str]) -> str:
    """The credited agency, else the site's name, else the copyright holder."""
    lead = layout.lead.text if layout.lead else ""
    header = [line.text for line in layout.header]
    below = [line.text for line in layout.header if line.number > layout.title_line]
    end = layout.paragraphs[-1].last if layout.paragraphs else 0
    credited = [
        dateline_agency(lead),
        layout.byline.source if layout.byline else "",
        *[credited_source(line) for line in header],
        layout.credit,
        *[line for line in below if _AGENCY_LINE.fullmatch(line)][:1],
        *[name for d in layout.decisions if d.line > end and (name := closing_credit(d.text))][:1],
    ]
    holders = [holder for line in texts if (holder := copyright_holder(line))]
    editor = [items(s)[0] if items(s) else s for s in editor_sources]
    editor = [s for s in editor if not any(s in h or h in s for h in holders)]
    site = masthead_name(layout.site) if layout.site else ""
    known = [layout.site, *[name for name in credited if name], *holders, *header, *texts]
    for name in [*credited, *editor, site, holders[-1] if holders else ""]:
        if name:
            return reader_case(spell_out(without_agencies(name), known), texts)
    return ""


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
