"""Editors' YAML files, read so that every problem can name its line."""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import Node

from archive.core.errors import ContentError


def syntax_error(path: str | Path, error: yaml.MarkedYAMLError, what: str) -> ContentError:
    """A YAML syntax error as an editor reads it: file, line, and what is wrong."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    return ContentError(path, f"{what} is not valid YAML: {error.problem or error.context}", line)


def compose(path: Path, what: str) -> Node | None:
    """The node tree of a YAML file (None when empty); nodes carry their line numbers."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        raise syntax_error(path, error, what) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(path, f"cannot read {what}: {error}") from None
