"""Editors' corrections to the chronology (``content/data/corrections.yaml``).

Applied in file order, each with a ``reason`` shown on the page: ``fix``
(date, title, participants), ``merge`` (events into the first one), ``split``
(an article's sources, or one paragraph's, become an event of their own),
``reject`` (hidden from the chronology, listed as rejected). A merge or
split works the date and title out again from the sources, so a ``fix``
goes after it. An unknown event, entity or article is a ``ContentError`` at
its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from archive.chronology.event import Corrected, Event, sort_events
from archive.chronology.merge import build_event, title
from archive.chronology.periods import EDTF, period, precision_of
from archive.core.errors import ContentError
from archive.core.yamlfile import Key, Shape, compose, line_of

ACTIONS = ("fix", "merge", "split", "reject")
_KEYS: dict[str, tuple[str, ...]] = {
    "fix": ("date", "title", "participants"),
    "merge": (),
    "split": ("article", "paragraph"),
    "reject": (),
}
# Each action's entry: its event id(s), a reason, its own fields; values are checked
# by _text and _texts, which record the line of every id for later messages.
_SHAPES = {
    action: Shape(
        f"the '{action}' correction",
        [
            Key(action, "any"),
            Key("reason", "any", required=f"the '{action}' correction gives no reason"),
            *(Key(name, "any") for name in fields),
        ],
    )
    for action, fields in _KEYS.items()
}


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections file; ``lines`` gives the line of each id it names."""

    action: str
    events: tuple[str, ...]  # the event it corrects (for merge: all, into the first)
    reason: str
    path: Path
    line: int
    date: str | None = None
    title: str | None = None
    participants: tuple[str, ...] | None = None
    article: str | None = None
    paragraph: str | None = None
    lines: Mapping[str, int] = field(default_factory=dict)


def load_corrections(path: Path) -> list[Correction]:
    """Read the editors' corrections; a malformed entry is a ``ContentError`` at its line."""
    root = compose(path, "the corrections")
    if root is None:
        return []
    if not isinstance(root, SequenceNode):
        raise ContentError(path, "corrections must be a list of entries", line_of(root))
    return [_correction(node, path) for node in root.value]


def _correction(node: Node, path: Path) -> Correction:
    action, entries = _entries(node, path)
    lines: dict[str, int] = {}
    lists = ("merge", "participants")
    texts = {k: _text(v, path, lines) for k, v in entries.items() if k not in lists}
    events = _texts(entries[action], path, lines) if action == "merge" else (texts[action],)
    participants = entries.get("participants")
    correction = Correction(
        action=action,
        events=events,
        reason=texts["reason"],
        path=path,
        line=line_of(node),
        date=texts.get("date"),
        title=texts.get("title"),
        participants=_texts(participants, path, lines) if participants else None,
        article=texts.get("article"),
        paragraph=texts.get("paragraph"),
        lines=lines,
    )
    _check(correction, entries)
    return correction


def _entries(node: Node, path: Path) -> tuple[str, dict[str, Node]]:
    """The action of an entry and its fields, which must be those of the action."""
    if not isinstance(node, MappingNode):
        message = f"a correction must be a mapping ({', '.join(ACTIONS)})"
        raise ContentError(path, message, line_of(node))
    actions = [str(k.value) for k, _ in node.value if k.value in ACTIONS]
    if len(actions) != 1:
        message = f"a correction needs exactly one of {', '.join(ACTIONS)}"
        raise ContentError(path, message, line_of(node))
    entries, errors = _SHAPES[actions[0]].read(node, path)
    if errors:
        raise errors[0]
    return actions[0], entries


def _check(correction: Correction, entries: dict[str, Node]) -> None:
    """What each action needs besides its fields being well formed."""
    path, line = correction.path, correction.line
    if correction.action == "merge" and len(set(correction.events)) < len(correction.events):
        raise ContentError(path, "'merge' lists an event twice", line)
    if correction.action == "merge" and len(correction.events) < 2:
        raise ContentError(path, "'merge' needs a list of two or more event ids", line)
    if correction.action == "fix" and not set(_KEYS["fix"]) & set(entries):
        raise ContentError(path, "a 'fix' needs a date, title or participants", line)
    if correction.action == "split" and correction.article is None:
        raise ContentError(path, "a 'split' needs the article whose sources leave", line)
    if correction.date is not None:
        _check_date(correction.date, path, line_of(entries["date"]))


def _check_date(value: str, path: Path, line: int) -> None:
    """A correction's date must be written as one and be on the calendar (no 30 February)."""
    if not EDTF.match(value):
        message = f"date '{value}' is not YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www"
        raise ContentError(path, message, line)
    try:
        period(value)
    except ValueError as error:
        raise ContentError(path, f"date '{value}' is not on the calendar: {error}", line) from None


def _text(node: Node, path: Path, lines: dict[str, int]) -> str:
    """A non-empty text; its line is recorded in ``lines``."""
    text = str(node.value).strip() if isinstance(node, ScalarNode) else ""
    if not text:
        raise ContentError(path, "expected a non-empty text", line_of(node))
    lines.setdefault(text, line_of(node))
    return text


def _texts(node: Node, path: Path, lines: dict[str, int]) -> tuple[str, ...]:
    if not isinstance(node, SequenceNode):
        raise ContentError(path, "expected a list", line_of(node))
    return tuple(_text(item, path, lines) for item in node.value)


def apply_corrections(
    events: Sequence[Event], corrections: Sequence[Correction], known_entities: Mapping[str, str]
) -> list[Event]:
    """The events as editors corrected them; ``known_entities`` maps ids to names."""
    by_id = {event.id: event for event in events}
    for correction in corrections:
        for ident in correction.events:
            if ident not in by_id:
                message = f"unknown event '{ident}'"
                raise ContentError(correction.path, message, correction.lines[ident])
        for entity in correction.participants or ():
            if entity not in known_entities:
                message = f"unknown entity '{entity}'"
                raise ContentError(correction.path, message, correction.lines[entity])
        for event in _APPLY[correction.action](correction, by_id, known_entities):
            by_id[event.id] = event
    return sort_events(by_id.values())


def _note(event: Event, correction: Correction, fields: Iterable[str]) -> Event:
    """``event`` marked as corrected by ``correction``, for ``fields``."""
    before = event.corrected or Corrected((), ())
    reasons = tuple(dict.fromkeys((*before.reasons, correction.reason)))
    changed = tuple(dict.fromkeys((*before.fields, *fields)))
    return replace(event, corrected=Corrected(reasons, changed))


def _fix(correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]) -> list[Event]:
    event = by_id[correction.events[0]]
    changes: dict[str, Any] = {}
    if correction.date is not None:
        changes.update(date=correction.date, precision=precision_of(correction.date))
    if correction.participants is not None:
        participants = tuple(sorted(correction.participants))
        changes.update(participants=participants, title=title(event.kind, participants, names))
    if correction.title is not None:
        changes["title"] = correction.title
    fields = [f for f in ("date", "title", "participants") if getattr(correction, f) is not None]
    return [_note(replace(event, **changes), correction, fields)]


def _merge(
    correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]
) -> list[Event]:
    target, *others = (by_id.pop(ident) for ident in correction.events)
    reports = [r for event in (target, *others) for r in event.reports]
    merged = build_event(reports, names, ident=target.id, kind=target.kind)
    merged = replace(merged, corrected=target.corrected, rejected=target.rejected)
    return [_note(merged, correction, ["sources"])]


def _split(
    correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]
) -> list[Event]:
    event = by_id[correction.events[0]]
    leaving = [
        r
        for r in event.reports
        if r.article == correction.article and correction.paragraph in (None, r.paragraph)
    ]
    staying = [r for r in event.reports if r not in leaving]
    if not leaving or not staying:
        what = "no source" if not leaving else "only sources"
        message = f"event '{event.id}' has {what} from that article and paragraph to split off"
        raise ContentError(correction.path, message, correction.lines[correction.article or ""])
    kept = replace(build_event(staying, names, ident=event.id), corrected=event.corrected)
    split = build_event(leaving, names)
    if split.id in by_id:
        split = replace(split, id=f"{split.id}-split")
    return [_note(kept, correction, ["sources"]), _note(split, correction, ["sources"])]


def _reject(
    correction: Correction, by_id: dict[str, Event], names: Mapping[str, str]
) -> list[Event]:
    event = by_id[correction.events[0]]
    return [_note(replace(event, rejected=correction.reason), correction, ["rejected"])]


_APPLY = {"fix": _fix, "merge": _merge, "split": _split, "reject": _reject}
