"""Where the header, the article and the trailer of a clipping are, line by line.

The editors' furniture patterns have already taken their lines out (those
lines stay here as *ghosts*: they separate blocks, and a copyright or credit
line among them still ends the article); what is left is classified by
structure (:mod:`archive.ingest.lines` for the shape of each line,
:mod:`archive.ingest.header` for dates, bylines and sources):

Units
    Blank lines separate blocks. A line with a furniture shape stands alone
    (unless it carries on a sentence the line before left open); the other
    lines of a block are joined as hard-wrapped text (a paragraph ends at a
    line shorter than 3/4 of the block's longest; in a block with a line over
    100 characters every line is a paragraph). A joined unit that does not
    read as prose is split back into its lines: headline, byline and date
    lines often follow each other without a blank line.
The lead
    The first unit that reads as prose and has no furniture shape; but one or
    two short prose units followed by byline or date lines, with none above
    them, are a headline and a standfirst, and the lead is the prose after.
The header (everything before the lead)
    The headline is the last title-like line (no furniture shape, not a date,
    byline, credit or site name) before the first byline or date line that
    follows one, else before the lead; a longer line right under it is the
    standfirst, unless the first is a section label ("Press release"). The
    site's name is the first name-like line with a headline after it, and any
    name-like line before the headline the clipping repeats further down. A
    line of bare names is a byline only next to a date line. Lines between the
    byline/date lines and the lead are captions or controls.
The article and the trailer
    The article runs from the lead to its last prose unit before the first
    line that never occurs inside an article (copyright, wire credits, contact
    lines, share rows, tag lists, the heading of a list of links, readers'
    comments), less closing notes at its end (a prose line about the author,
    the site or "this article"); a sentence-like line right after it that lost
    its full stop stays. Inside it, a short line followed by prose is a
    subheading (kept); other lines that are not prose go by their shape
    (controls, captions, time lines, labels, promotions). Everything after the
    article is the trailer. A line an editor's ``keep:`` pattern names stays
    text wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.header import (
    Byline,
    FoundDate,
    author_note,
    credited_source,
    dates_in,
    is_date_line,
    masthead_name,
    parse_byline,
    split_glued_byline,
)
from archive.ingest.lines import (
    STOP_WORDS,
    UI_WORDS,
    Shape,
    is_all_caps,
    is_list_row,
    is_prose,
    items,
    shape,
    stop_share,
    words,
)

KEEP_RULE = "furniture.txt keep"
_KEPT_RULES = frozenset({"prose", "subheading", "unfinished-sentence"})
_SENTENCE_WORDS = 5
_SENTENCE_STOP_SHARE = 0.4  # function words: a sentence has many, a link title few
_WRAP_WIDTH = 100
_WRAP_SHORT = 0.75
_SUBHEAD_WORDS = 10
_STANDFIRST_WORDS = 8
_STANDFIRST_MAX_WORDS = 40
_PROSE_IN_HEADER = 2  # a headline and a standfirst
_SITE_WORDS = 8
_PLACE_WORDS = 5
_LABEL_WORDS = 4
_BY_LINE = re.compile(r"(?i:by)\s+[A-Z]")
_BYLINE_WORDS = 12
_AGENCY_LINE = re.compile(r"[A-Z]{2,6}")  # "PTI" alone under the headline: the credit
_CAPS_PREFIX = re.compile(r"[A-Z][A-Z ]{2,30}:\s")  # "WEATHER ALERT: …", "BREAKING: …"
_SUBJECT = re.compile(r"subject\s*:\s*", re.IGNORECASE)
_EMAIL_FIELD = re.compile(r"(?:from|sent|to|cc|bcc|reply-to)\s*:\s", re.IGNORECASE)
_VALUE_LABEL = re.compile(r"(?P<label>from|source|by|published|updated|posted|date)\s*:?", re.I)
_NEAR = 2  # lines apart, a blank line between
_HEADLINE_MIN_WORDS = 2
_CONNECTORS = frozenset({"of", "the", "for", "and", "&", "on", "in", "de", "du", "la", "al"})
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
_SITE_KINDS = ("candidate", "label", "breadcrumb", "capitals-label")
_CONSENT = re.compile(r"\b(?:privacy|consent|cookies?)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"(?:\bNo\.?|N°|Nr\.?|#)\s*\d")
_LINE_ENDS = frozenset({"copyright", "credit", "contact", "footnote"})
_TAG_LIST = re.compile(r"(?:(?:tags?|topics?|keywords?|categories)\s*[:·]|filed under\b)", re.I)
_SELF_REFERENCE = re.compile(
    r"\b(?:this (?:article|story|page|report|brief|post|transcript|content|material|video|e-?mail"
    r"|programme|program|episode)|print edition|views expressed"
    r"|responsibility for|may be reproduced|is funded by|comments are closed|third-party"
    r"|trading name|the authors?\b|thanks for reading"
    r"|(?:media|press) contact|for (?:further|more) information)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One line of a clipping, tidied, with its number (1-based)."""

    number: int
    text: str
    raw: str = ""  # as copied, runs of spaces kept: they separate menu items

    @property
    def spaced(self) -> str:
        """The text with its spacing, for the shape rules."""
        return self.raw or self.text


@dataclass(frozen=True)
class Decision:
    """What became of one line: kept in the article or not, and by which rule."""

    line: int
    text: str
    kept: bool
    rule: str


@dataclass
class Unit:
    """A paragraph candidate: one line, or hard-wrapped lines joined."""

    lines: list[Line]
    text: str
    shape: Shape
    prose: bool
    ghost: str = ""  # removed by an editor's pattern: the rule; not text any more
    keep: bool = False  # kept by an editor's ``keep:`` pattern, wherever it stands

    @property
    def spaced(self) -> str:
        """The text with its spacing, for the shape rules."""
        return self.lines[0].spaced if len(self.lines) == 1 else self.text

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number


@dataclass
class Layout:
    """A clipping sorted out: the article's paragraphs, its header fields, every decision."""

    paragraphs: list[Unit]
    decisions: list[Decision]
    title: str = ""
    title_line: int = 0
    byline: Byline | None = None
    summary: str = ""
    site: str = ""
    header: list[Line] = field(default_factory=list)
    lead: Unit | None = None
    header_dates: list[tuple[int, FoundDate]] = field(default_factory=list)
    credit: str = ""  # a source named on the line under a "From:" label


def units(
    lines: list[Line], ghosts: dict[int, str], keeps: frozenset[int] = frozenset()
) -> list[Unit]:
    """The clipping's paragraph candidates, in order.

    ``ghosts`` are the lines the editors' patterns removed (with the rule),
    ``keeps`` those their ``keep:`` patterns keep: each stands alone.
    """
    found: list[Unit] = []
    block: list[Line] = []
    for line in [*lines, Line(0, "")]:
        if line.number in ghosts or line.number in keeps:
            found += _block_units(block)
            block = []
            rule = ghosts.get(line.number, "")
            found.append(Unit([line], line.text, shape(line.spaced), False, rule, rule == ""))
        elif line.text:
            block.append(line)
        else:
            found += _block_units(block)
            block = []
    return found


def _block_units(block: list[Line]) -> list[Unit]:
    result: list[Unit] = []
    run: list[Line] = []
    for line in block:
        line_shape = shape(line.spaced)
        if line_shape.kind and not _continues(run, line):
            result += _wrapped(run)
            result.append(Unit([line], line.text, line_shape, is_prose(line.text)))
            run = []
        else:
            run.append(line)
    return result + _wrapped(run)


def _continues(run: list[Line], line: Line) -> bool:
    """Whether ``line`` carries on the sentence the line before it left open."""
    return bool(run) and line.text[:1].islower() and not _SENTENCE_END.search(run[-1].text)


def _wrapped(run: list[Line]) -> list[Unit]:
    """Hard-wrapped lines joined into paragraphs; a joined non-prose unit is split again."""
    if not run:
        return []
    width = max(len(line.text) for line in run)
    if width > _WRAP_WIDTH:
        return [_single(line) for line in run]
    result: list[Unit] = []
    start = 0
    for index, line in enumerate(run):
        if index == len(run) - 1 or len(line.text) < _WRAP_SHORT * width:
            part = run[start : index + 1]
            text = " ".join(item.text for item in part)
            if len(part) > 1 and not is_prose(text, wrapped=True):
                result += [_single(item) for item in part]
            else:
                result.append(Unit(part, text, shape(text), is_prose(text)))
            start = index + 1
    return result


def _single(line: Line) -> Unit:
    return Unit([line], line.text, shape(line.spaced), is_prose(line.text))


def _is_lead(unit: Unit) -> bool:
    return not unit.ghost and not unit.keep and unit.prose and not unit.shape.kind


def lay_out(
    lines: list[Line], ghosts: dict[int, str], everything: str, keeps: frozenset[int] = frozenset()
) -> Layout:
    """Sort out the lines of a clipping (``ghosts``, ``keeps``: see :func:`units`)."""
    found = units(lines, ghosts, keeps)
    lead = next((i for i, unit in enumerate(found) if _is_lead(unit)), None)
    if lead is None:
        return Layout([], _all_removed(found, "no-prose"))
    lead = _past_author_note(found, _past_standfirst(found, lead))
    dated_above = any(_is_meta(u.text) or (u.ghost and dates_in(u.text)) for u in found[: lead - 1])
    if lead and dated_above and _is_question_subhead(found[lead - 1]):
        lead -= 1  # "What happened?" over the first paragraph: a subheading, not a caption
    header = [ln for unit in found[:lead] if not (unit.ghost or unit.keep) for ln in unit.lines]
    layout = Layout([], [], header=header, lead=found[lead])
    for unit in found[:lead]:
        if unit.ghost:
            layout.header_dates += [(unit.first, date) for date in dates_in(unit.text)]
    dated = {line for line, _ in layout.header_dates} | {found[lead].first}
    rules = _read_header(layout, header, everything, dated)
    if layout.byline is None:  # "Posted on 16 November 2022 by Tom Hartley", removed by a pattern
        ghosts_above = [unit.spaced for unit in found[:lead] if unit.ghost]
        layout.byline = next((b for t in ghosts_above if (b := parse_byline(t, everything))), None)
    end, closing = _article_end(found, lead, layout)
    decisions: list[Decision] = []
    for index, unit in enumerate(found):
        if unit.keep:
            layout.paragraphs.append(unit)
            decisions += [Decision(unit.first, unit.text, True, KEEP_RULE)]
        elif unit.ghost:
            decisions += [Decision(unit.first, unit.text, False, unit.ghost)]
        elif index < lead:
            decisions += [Decision(ln.number, ln.text, False, rules.get(ln.number, "header"))
                          for ln in unit.lines]  # fmt: skip
        elif index <= end:
            rule = _body_rule(unit, found[index + 1] if index + 1 < len(found) else None)
            if index == end and rule == "not-prose":
                rule = "unfinished-sentence"  # the last sentence, its full stop lost
            if rule in _KEPT_RULES:
                layout.paragraphs.append(unit)
            decisions += [Decision(ln.number, ln.text, rule in _KEPT_RULES, rule)
                          for ln in unit.lines]  # fmt: skip
        else:
            rule = "closing-note" if index in closing else _trailer_rule(unit)
            decisions += [Decision(ln.number, ln.text, False, rule) for ln in unit.lines]
    layout.decisions = decisions
    return layout


def _all_removed(found: list[Unit], rule: str) -> list[Decision]:
    return [
        Decision(line.number, line.text, False, unit.ghost or rule)
        for unit in found
        for line in unit.lines
    ]


# ---- header -------------------------------------------------------------------------


def _read_header(
    layout: Layout, header: list[Line], everything: str, dated: set[int]
) -> dict[int, str]:
    """Headline, byline, standfirst and site name of the header lines; a rule per line.

    ``dated`` holds the numbers of lines that date the article (and the lead's):
    a line of bare names is a byline only next to one of them or to a date line.
    """
    rules: dict[int, str] = {}
    kinds: list[str] = []
    seen_candidate = False
    dated |= {ln.number for ln in header if is_date_line(ln.text) or author_note(ln.text)}
    label = ""
    for line in header:
        near = any(abs(line.number - other) <= _NEAR for other in dated if other != line.number)
        kind = _header_kind(line, everything, seen_candidate and near)
        if label in ("from", "source") and kind in ("candidate", "byline"):
            kind, layout.credit = "credit-line", line.text
        if label == "by" and kind == "candidate" and parse_byline(line.spaced, everything):
            kind = "byline"
        match = _VALUE_LABEL.fullmatch(line.text)
        label = match.group("label").lower() if match else ""
        if label:
            kind = "value-label"
        kinds.append(kind)
        seen_candidate = seen_candidate or kind == "candidate"
    _mark_site(layout, header, kinds, everything)
    candidates = [i for i, kind in enumerate(kinds) if kind == "candidate"]
    stories = [i for i in candidates if not _is_section_label(header[i].text)]
    if stories:  # "Press release" over the date and the headline is a label
        for index in set(candidates) - set(stories):
            if index < stories[0]:
                kinds[index] = "section-label"
        candidates = [i for i in candidates if kinds[i] == "candidate"]
    first_meta = next(
        (i for i, kind in enumerate(kinds) if kind in ("byline", "date-line", "credit-line")
         and candidates and i > candidates[0]),
        len(kinds),
    )  # fmt: skip
    before = [i for i in candidates if i < first_meta]
    if before:
        headline = before[-1]
        if (
            len(before) > 1
            and before[-2] == headline - 1
            and len(words(header[headline].text)) >= _STANDFIRST_WORDS
            and not _is_section_label(header[before[-2]].text)
        ):
            layout.summary = header[headline].text
            kinds[headline] = "standfirst"
            headline = before[-2]
        _take_headline(layout, header[headline], everything)
        kinds[headline] = "headline"
        for index in range(headline):
            if kinds[index] == "credit-line" and _AGENCY_LINE.fullmatch(header[index].text):
                kinds[index] = "capitals-label"  # "WORLD" over the headline is a section
        for index in candidates:
            if index > headline and kinds[index] == "candidate":
                kinds[index] = "caption" if index > first_meta else "header-line"
    for index, line in enumerate(header):
        kind = kinds[index]
        if kind not in ("headline", "standfirst", "caption", "candidate", "header-line"):
            layout.header_dates += [(line.number, date) for date in dates_in(line.text)]
        if kind == "byline" and layout.byline is None:
            layout.byline = parse_byline(line.spaced, everything)
        rules[line.number] = _HEADER_RULES.get(kind, kind)
    if layout.byline is None:
        layout.byline = next(
            (b for ln, kind in zip(header, kinds, strict=True) if kind == "date-line"
             and (b := parse_byline(ln.spaced, everything))),
            None,
        )  # fmt: skip
    return rules


# Rules of header lines that became front-matter fields rather than being dropped.
HEADER_FIELD_RULES = frozenset(
    {"headline (title)", "standfirst (summary)", "byline (author)", "date line (date)"}
)
_HEADER_RULES = {
    "candidate": "before-headline",
    "header-line": "header-line",
    "headline": "headline (title)",
    "standfirst": "standfirst (summary)",
    "byline": "byline (author)",
    "date-line": "date line (date)",
    "site": "site name (source)",
    "author-note": "author note",
}


def _header_kind(line: Line, everything: str, seen_candidate: bool) -> str:
    """What one header line is, before the headline is chosen."""
    text, spaced = line.text, line.spaced
    if _SUBJECT.match(text):
        return "candidate"  # an e-mail's subject: the headline, its label left out
    if _EMAIL_FIELD.match(text) and not credited_source(text):
        return "email-header"
    if author_note(text):
        return "author-note"
    if _BY_LINE.match(text) and len(words(text)) <= _BYLINE_WORDS:
        return "byline"  # "By Our Correspondent" names nobody, but it is a byline
    if seen_candidate and parse_byline(spaced, everything):
        return "byline"
    if credited_source(text) or (seen_candidate and _AGENCY_LINE.fullmatch(text)):
        return "credit-line"
    if is_date_line(text):
        return "date-line"
    if _CONSENT.search(text):
        return "cookie-notice"
    line_shape = shape(spaced)
    if line_shape.kind:
        return line_shape.kind
    if _NUMBERED.search(text) and len(words(text)) <= _SITE_WORDS:
        return "document-number"
    if len(words(text)) < _HEADLINE_MIN_WORDS or (is_all_caps(text) and len(words(text)) < 3):
        return "label"
    if (
        seen_candidate
        and "," in text
        and len(words(text)) <= _PLACE_WORDS
        and all(_capitalised(p) for p in text.split(","))
    ):
        return "place-line"
    return "candidate"


def _is_section_label(text: str) -> bool:
    """A line that names a section rather than a story ("Press release", "Peace and Security")."""
    count = len(words(text))
    return (
        count <= 2
        or (_capitalised(text) and count <= _LABEL_WORDS and not is_all_caps(text))
        or bool(_CAPS_PREFIX.match(text))
    )


def _capitalised(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(t[:1].isupper() or t.lower() in _CONNECTORS for t in tokens)


def _mark_site(layout: Layout, header: list[Line], kinds: list[str], everything: str) -> None:
    """The site's name: the first name-like header line, and lines repeated further down."""
    rest = everything.casefold()
    first = next((i for i, kind in enumerate(kinds) if kind in _SITE_KINDS), None)
    for index, line in enumerate(header):
        later = [i for i in range(index + 1, len(kinds)) if kinds[i] == "candidate"]
        if kinds[index] not in _SITE_KINDS or not later:
            continue
        name = masthead_name(line.spaced)
        if not _capitalised(name) and not (index == first and len(name.split()) == 1):
            continue
        if name.split()[0].lower().strip(":") in STOP_WORDS - {"the"}:
            continue  # "FOR IMMEDIATE RELEASE": a label, not a name
        repeated = (
            len(name.split()) > 1
            and len(re.findall(rf"\b{re.escape(name.casefold())}\b", rest)) > 1
        )
        brand = index == first and len(name.split()) == 1  # "clearview", "newsfeed.example"
        if (index == first and len(name.split()) <= _SITE_WORDS) or repeated or brand:
            kinds[index] = "site"
            layout.site = layout.site or line.spaced


def _take_headline(layout: Layout, line: Line, everything: str) -> None:
    subject = _SUBJECT.match(line.text)
    title, byline = split_glued_byline(line.text[subject.end() if subject else 0 :], everything)
    layout.title, layout.title_line = title, line.number
    if byline:
        layout.byline = byline


def _past_standfirst(found: list[Unit], lead: int) -> int:
    """The lead, moved past a headline or standfirst that reads as prose.

    Headlines can be sentences ("BRICS is getting bigger. What does that
    mean?") and standfirsts often are: when byline or date lines follow one or
    two short prose units, and none came before them, those units are header.
    """
    if any(_is_meta(u.text) for u in found[:lead]):
        return lead
    index, passed = lead, 0
    while index < len(found) and passed <= _PROSE_IN_HEADER:
        unit = found[index]
        if (_is_meta(unit.text) and not unit.ghost) or (unit.ghost and dates_in(unit.text)):
            following = next((i for i in range(index, len(found)) if _is_lead(found[i])), None)
            return lead if following is None else following
        if _is_lead(unit):
            if len(words(unit.text)) > _STANDFIRST_MAX_WORDS:
                return lead
            passed += 1
        index += 1
    return lead


def _past_author_note(found: list[Unit], lead: int) -> int:
    """The lead, moved past a note on the author under the byline ("Jane Doe is a fellow …")."""
    name = author_note(found[lead].text)
    above = [u.text for u in found[:lead] if not u.ghost]
    if not name or not above or above[-1].removeprefix("By ").strip() != name:
        return lead
    return next((i for i in range(lead + 1, len(found)) if _is_lead(found[i])), lead)


def _is_question_subhead(unit: Unit) -> bool:
    text = unit.text
    return (
        not unit.ghost
        and not unit.shape.kind
        and text.endswith("?")
        and len(words(text)) <= _SUBHEAD_WORDS
    )


def _is_meta(text: str) -> bool:
    return is_date_line(text) or (bool(_BY_LINE.match(text)) and not is_prose(text))


# ---- article and trailer ------------------------------------------------------------------


def _ends_article(unit: Unit) -> bool:
    """A line that never stands inside an article: the article ended before it.

    A line an editor's pattern removed ends it only by its own kind (copyright,
    credits): a ``block:`` pattern already knows where its list of links stops.
    """
    if unit.ghost or unit.keep:
        return unit.ghost != "" and unit.shape.kind in _LINE_ENDS
    if unit.shape.strong:
        return True
    if _TAG_LIST.match(unit.text):
        return True
    parts = items(unit.text)
    return (
        len(parts) >= 2
        and is_list_row(unit.text, 2)
        and all(words(p) and words(p)[0].lower() in UI_WORDS for p in parts)
    )


def _is_closing_note(unit: Unit, layout: Layout, before: Unit) -> bool:
    """A prose line about the author, the site or the page, after the article."""
    text = unit.text.casefold()
    names = [layout.byline.author] if layout.byline else []
    names += [name for name in re.split(r"\s{2,}|\s*[|—–]\s*", layout.site) if name.strip()]
    names = [name.strip().casefold() for name in names if name.strip()]
    if any(text.startswith((name, f"the {name}")) for name in names):
        return True
    after_furniture = before.ghost or not before.prose
    if after_furniture and any(name in text for name in names if len(name) > 3):
        return True
    return bool(_SELF_REFERENCE.search(unit.text))


def _article_end(found: list[Unit], lead: int, layout: Layout) -> tuple[int, set[int]]:
    """The index of the article's last unit, and of the closing notes after it.

    The article ends before the first line that never stands inside one; its
    last prose units are dropped while they are closing notes (about the author,
    the site, the page), or name the site after a line of furniture.
    """
    stop = next((i for i in range(lead + 1, len(found)) if _ends_article(found[i])), len(found))
    prose = [i for i in range(lead, stop) if _is_lead(found[i])]
    notes: set[int] = set()
    while len(prose) > 1 and _is_closing_note(found[prose[-1]], layout, found[prose[-1] - 1]):
        notes.add(prose.pop())
    last = prose[-1]
    if last + 1 < stop and _is_unfinished_sentence(found[last + 1], layout, found[last]):
        return last + 1, notes
    return last, notes


def _is_unfinished_sentence(unit: Unit, layout: Layout, before: Unit) -> bool:
    """A line right after the last paragraph that reads as a sentence without its stop."""
    return (
        not (unit.ghost or unit.keep or unit.prose or unit.shape.kind)
        and len(words(unit.text)) >= _SENTENCE_WORDS
        and stop_share(unit.text) >= _SENTENCE_STOP_SHARE
        and not _is_closing_note(unit, layout, before)
    )


def _body_rule(unit: Unit, following: Unit | None) -> str:
    """Why a unit inside the article stays ("prose", "subheading") or goes (its shape)."""
    if unit.prose and not unit.shape.kind:
        return "prose"
    if unit.shape.kind:
        return unit.shape.kind
    text = unit.text
    if (
        2 <= len(words(text)) <= _SUBHEAD_WORDS
        and following is not None
        and following.prose
        and not (is_all_caps(text) and len(words(text)) < 2)
        and stop_share(text) < 1
    ):
        return "subheading"
    if is_date_line(text):
        return "date-line"
    return "not-prose"


def _trailer_rule(unit: Unit) -> str:
    """The rule named for a line after the article."""
    return unit.ghost or unit.shape.kind or "after-article"
