"""Checks on an article's front matter that Pelican would answer by skipping the article.

Pelican logs "Skipping …" for an article without a title or date, with an
unknown status or a path outside the output folder, and crashes later on an
unknown template or an empty author; either way the archive goes out without the
article. Each such case is a ``ContentError`` at its line here, found when the
file is read, so that the build stops with every mistake named.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from archive.core.errors import ContentError

STATUSES = ("published", "hidden", "draft")
REQUIRED = ("title", "date")
_PATH_KEYS = ("slug", "save_as", "url")
_LEAVES = re.compile(r"(?:^|[/\\])\.\.(?:[/\\]|$)|^[/\\]|^[A-Za-z]:")


def check_front_matter(
    meta: Mapping[str, Any],
    lines: Mapping[str, int],
    path: str | Path,
    templates: Collection[str],
    text: str,
) -> list[ContentError]:
    """Every reason this article could not be built as written (empty when it can)."""
    if not text.strip():
        return [ContentError(path, "empty file: an article needs front matter and text", 1)]
    if not text.lstrip("\ufeff").startswith("---"):
        return [ContentError(path, "no front matter: an article starts with a '---' line", 1)]

    def at(key: str, message: str) -> ContentError:
        return ContentError(path, message, lines.get(key, 1))

    problems = [at(key, f"front matter has no '{key}'") for key in REQUIRED if key not in meta]
    title = meta.get("title")
    if "title" in meta and (title is None or not str(title).strip()):
        problems.append(at("title", "empty title: give the article its headline"))
    status = meta.get("status")
    if status is not None and str(status).lower() not in STATUSES:
        problems.append(at("status", f"status '{status}' is not one of {', '.join(STATUSES)}"))
    for key in _PATH_KEYS:
        value = meta.get(key)
        if value is not None and _LEAVES.search(str(value)):
            problems.append(at(key, f"{key} '{value}' would be written outside the site"))
        elif key == "slug" and value is not None and ("/" in str(value) or not str(value).strip()):
            problems.append(at(key, f"slug '{value}' must be one part of a URL (no '/')"))
    template = meta.get("template")
    if template is not None and str(template) not in templates:
        problems.append(
            at("template", f"template '{template}' is not in the theme ({', '.join(templates)})")
        )
    if "author" in meta and (meta["author"] is None or not str(meta["author"]).strip()):
        problems.append(at("author", "empty author: give a name or remove the line"))
    return problems


def future_date_warning(
    date: datetime.date, lines: Mapping[str, int], path: str | Path, today: datetime.date
) -> str | None:
    """A warning line when the publication date is after ``today`` (a typo, or an embargo)."""
    if date <= today:
        return None
    message = f"warning: publication date {date.isoformat()} is after today"
    return str(ContentError(path, message, lines.get("date", 1)))


def theme_templates(theme: Path) -> list[str]:
    """The templates an article may name (``template: x`` means ``x.html`` of the theme)."""
    folder = theme / "templates"
    return sorted(p.stem for p in folder.glob("*.html") if not p.name.startswith("_"))
