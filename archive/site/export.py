"""The archive's structured data, written beside the pages under ``api/``.

The shapes are those of ARCHIVE_NOTES §6; fields may be added, none removed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from archive.entities.profiles import Profile
from archive.entities.registry import Registry


@dataclass(frozen=True)
class ArticleRecord:
    """One article as the data export describes it."""

    slug: str
    url: str
    title: str
    date: str
    source: str
    source_file: str
    title_derived: bool = False
    entities: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def articles_payload(records: Sequence[ArticleRecord]) -> dict[str, Any]:
    """``articles.json``: every article, in the order given (the home page's)."""
    return {"articles": [asdict(record) for record in records]}


def write_json(path: Path, payload: dict[str, Any]) -> bool:
    """Write ``payload`` atomically; leave the file alone when nothing changed.

    Returns whether the file was written. Unchanged files keep their time stamp,
    so a deploy that compares times uploads only what changed.
    """
    return write_text(path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def write_text(path: Path, text: str) -> bool:
    """Replace ``path`` with ``text`` in one step, unless it already holds it."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
    os.replace(temporary, path)
    os.chmod(path, 0o644)
    return True


def entities_payload(
    registry: Registry, profiles: Mapping[str, Profile], url: Callable[[str], str]
) -> dict[str, Any]:
    """``entities.json``: every registered entity, with the articles that mention it."""
    rows = []
    for entity in registry.entities.values():
        profile = profiles.get(entity.id)
        rows.append(
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "surnames": list(entity.surnames),
                "role": entity.role,
                "description": entity.description,
                "wikidata": entity.wikidata,
                "url": url(entity.id),
                "articles": [a.slug for a in profile.appearances] if profile else [],
                "mentions": profile.mentions if profile else 0,
            }
        )
    return {"entities": rows}
