"""A clipping's article: the layout's paragraphs and header fields, dated and credited."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.clippings import (
    Furniture,
    _check_is_text,
    _lines,
    _sort_out_furniture,
    _take_marker,
    decode,
    derive_title,
)
from archive.errors import ContentError
from archive.ingest.header import (
    DateChoice,
    FoundDate,
    ambiguity_warning,
    closing_credit,
    copyright_holder,
    copyright_year,
    credited_source,
    dateline_agency,
    dates_in,
    masthead_name,
    reader_case,
    resolve_numeric,
    spell_out,
)
from archive.ingest.layout import Decision, Layout, Line, lay_out
from archive.ingest.lines import items

_OPENING = re.compile(
    r"(?:[A-Z][\w.'’-]*,?\s+)*(?:(?:On|By)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?)?"
)
_AGENCY_LINE = re.compile(r"[A-Z]{2,6}")  # an agency alone on a header line ("PTI")
_OPENING_REACH = 80  # a dateline's date stands this near the start of the lead


@dataclass(frozen=True)
class Article:
    """What one clipping says about its article."""

    title: str
    title_derived: bool
    date: datetime.date
    date_text: str
    source: str
    paragraphs: list[str]
    encoding: str
    decisions: list[Decision]
    warnings: list[str]
    author: str = ""
    updated: datetime.date | None = None
    summary: str = ""
    date_note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def analyse(raw: bytes, path: str | Path, furniture: Furniture) -> Article:
    """Read one clipping; raise :class:`ContentError` when no article can be made of it."""
    text, encoding = decode(raw, path)
    _check_is_text(text, path)
    lines, marker = _take_marker(_lines(text), path)
    sorting = _sort_out_furniture(lines, furniture)
    kept, ghosts = _sorted_lines(text, lines, sorting.lines)
    everything = "\n".join(line.text for line in lines)
    layout = lay_out(kept, ghosts, everything)
    if not layout.paragraphs or layout.lead is None:
        raise ContentError(path, "no article text once site furniture is removed")
    tails = [
        Decision(item.line, item.text, False, "furniture.txt tail pattern")
        for item in sorting.stripped
        if item.line not in ghosts
    ]
    decisions = sorted([*layout.decisions, *tails], key=lambda decision: decision.line)
    texts = [line.text for line in lines]
    warnings: list[str] = []
    if marker:
        choice = DateChoice(marker.value, marker.text, marker.line)
        choice.updated = _choose_date(layout, texts, path, warnings, quiet=True)
    else:
        choice = _publication(layout, texts, path, sorting.dates)
    source = _source(layout, texts, sorting.sources)
    title = layout.title or derive_title(layout.lead.text)
    if not encoding.startswith("utf"):
        warnings.insert(0, f"not UTF-8: read as {encoding}; check accented letters")
    if not layout.title:
        warnings.append("no headline: title derived from the lead; an editor may replace it")
    if not source:
        warnings.append("no source found: fill in 'source' by hand")
    return Article(
        title=title,
        title_derived=not layout.title,
        date=choice.value,
        date_text=choice.text,
        source=source,
        paragraphs=[unit.text for unit in layout.paragraphs],
        encoding=encoding,
        decisions=decisions,
        warnings=warnings + choice.notes,
        author=layout.byline.author if layout.byline else "",
        updated=choice.updated if choice.updated and choice.updated >= choice.value else None,
        summary=layout.summary,
        date_note="; ".join(choice.notes),
    )


def prepared(
    raw: bytes, path: str | Path, furniture: Furniture
) -> tuple[list[Line], dict[int, str], str]:
    """The lines the layout works on, the lines patterns removed, and the whole text."""
    text, _ = decode(raw, path)
    lines, _ = _take_marker(_lines(text), path)
    sorting = _sort_out_furniture(lines, furniture)
    kept, ghosts = _sorted_lines(text, lines, sorting.lines)
    return kept, ghosts, "\n".join(line.text for line in lines)


def _sorted_lines(text: str, lines: list, after: list) -> tuple[list[Line], dict[int, str]]:
    """Layout lines (spacing kept where patterns left a line whole) and the removed ones."""
    originals = {line.number: line.text for line in lines}
    ghosts = {
        line.number: "furniture.txt pattern"
        for line in after
        if not line.text and originals.get(line.number)
    }
    spaced = _spaced_lines(text)
    kept = [
        Line(
            line.number,
            originals[line.number] if line.number in ghosts else line.text,
            spaced[line.number - 1] if line.text == originals.get(line.number) else "",
        )
        for line in after
    ]
    return kept, ghosts


def _spaced_lines(text: str) -> list[str]:
    """The lines as copied, trimmed, with tabs and non-breaking spaces as plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [line.replace("\t", "  ").replace("\u00a0", " ").strip() for line in text.split("\n")]


def _publication(
    layout: Layout, texts: list[str], path: str | Path, dated: list[Any]
) -> DateChoice:
    """The header's or the dateline's date, else a dated line an editor's pattern found."""
    choice = _choose(layout, texts, [])
    if choice is None and dated:
        return DateChoice(dated[0].value, dated[0].text, dated[0].line)
    if choice is None:
        yearless = [d.text for _, d in layout.header_dates if d.value is None]
        yearless += [
            d.text for d in dates_in(layout.lead.text if layout.lead else "") if d.value is None
        ]
        found = f"; found {yearless[0]!r} without a year" if yearless else ""
        raise ContentError(
            path,
            f"no publication date found (no 'date YYYY-MM-DD' line, no dated header or dateline){found}",
        )
    return choice


def _choose_date(
    layout: Layout, texts: list[str], path: str | Path, warnings: list[str], quiet: bool
) -> datetime.date | None:
    """The update date alone (a marker gave the publication date)."""
    choice = _choose(layout, texts, [])
    return choice.updated if choice else None


def _choose(layout: Layout, texts: list[str], warnings: list[str]) -> DateChoice | None:
    """First publication from the header, else the lead's dateline; the update kept."""
    header = list(layout.header_dates)
    opening = _opening_date(layout.lead.text) if layout.lead else None
    lead_line = layout.lead.first if layout.lead else 0
    if opening and not any(d.value or d.month for _, d in header):
        header.append((lead_line, opening))
    if not header:
        return None
    resolved = [
        (line, d, note)
        for line, d in header
        if (r := _resolve(d, header, texts))
        for d, note in [r]
    ]
    published = [(line, d, note) for line, d, note in resolved if not d.update and d.value]
    updates = [d.value for _, d, _ in resolved if d.update and d.value]
    if not published and updates:
        published = [(line, d, note) for line, d, note in resolved if d.value]
    if not published:
        return None
    line, date, note = min(published, key=lambda item: (item[1].value, item[0]))
    assert date.value is not None
    choice = DateChoice(date.value, date.text, line, max(updates) if updates else None)
    if note:
        choice.notes.append(note)
    return choice


def _resolve(
    date: FoundDate, header: list[tuple[int, FoundDate]], texts: list[str]
) -> tuple[FoundDate, str] | None:
    """A date with its year (from a copyright line or another header date) and one reading."""
    if date.value is None:
        year = copyright_year(texts)
        source = f"the year from copyright line {year[1] + 1}" if year else ""
        if year is None:
            years = [d.value.year for _, d in header if d.value and d.year_given]
            if not years:
                return None
            year = (years[0], 0)
            source = "the year from another date of the header"
        try:
            value = datetime.date(year[0], date.month, date.day)
        except ValueError:
            return None
        return FoundDate(value, date.text, date.update, False, (), date.month, date.day), (
            f"'{date.text}' has no year: {source}, {year[0]}"
        )
    if len(date.readings) > 1:
        others = [
            d.value
            for text in texts
            for d in dates_in(text)
            if d.value and not d.readings and d.text != date.text
        ]
        others += [
            datetime.date(date.value.year, d.month, d.day)
            for text in texts
            for d in dates_in(text)
            if d.value is None and _exists(date.value.year, d.month, d.day)
        ]
        picked, how = resolve_numeric(date, others, "\n".join(texts))
        if how:
            return picked, f"'{date.text}' read as {picked.value:%d %B %Y}: {how}"
        return picked, f"warning: {ambiguity_warning(date)}"
    return date, ""


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _opening_date(lead: str) -> FoundDate | None:
    """A date that opens the lead, as a dateline does ("MOSCOW, Aug 25 (AGENCY) -")."""
    for date in dates_in(lead[: _OPENING_REACH + 20]):
        start = lead.find(date.text)
        if start <= _OPENING_REACH and _OPENING.fullmatch(lead[:start]):
            return date
        return None
    return None


def _source(layout: Layout, texts: list[str], editor_sources: list[str]) -> str:
    """The credited agency, else the site's name, else the copyright holder."""
    lead = layout.lead.text if layout.lead else ""
    header = [line.text for line in layout.header]
    credited = [dateline_agency(lead)]
    credited.append(layout.byline.source if layout.byline else "")
    credited += [credited_source(text) for text in header] + [layout.credit]
    end = layout.paragraphs[-1].last if layout.paragraphs else 0
    credited += [c for d in layout.decisions if d.line > end and (c := closing_credit(d.text))][:1]
    below = [line.text for line in layout.header if line.number > layout.title_line]
    credited += [text for text in below if _AGENCY_LINE.fullmatch(text)][:1]
    holders = [h for text in texts if (h := copyright_holder(text))]
    editor = [items(s)[0] if items(s) else s for s in editor_sources]
    editor = [s for s in editor if not any(s in h or h in s for h in holders)]
    site = masthead_name(layout.site) if layout.site else ""
    known = [layout.site, *[c for c in credited if c], *holders, *header, *texts]
    for name in [*credited, *editor, site, holders[-1] if holders else ""]:
        if name:
            return reader_case(spell_out(name, known), texts)
    return ""
