"""Task options as operators type them: lists of paths, folders to write into.

A mistake in an option is one line naming the option, never a traceback.
"""

from __future__ import annotations

import shlex
from pathlib import Path


class UsageError(ValueError):
    """An option an operator must correct; the message names it."""


def split_paths(text: str, option: str = "--paths") -> list[Path]:
    """The paths in ``text``: one existing path as written, else shell-style words.

    ``--paths "China's view.txt"`` names one file although its quote is unbalanced
    for a shell; several paths are separated by spaces and quoted like a shell's.
    """
    if not text.strip():
        return []
    if Path(text).exists():
        return [Path(text)]
    try:
        return [Path(word) for word in shlex.split(text)]
    except ValueError as error:
        raise UsageError(
            f"{option} {text!r}: {error} (quote a path that holds a quote or a space: "
            '"China\'s view.txt")'
        ) from None


def folder_to_write(path: Path, option: str) -> Path:
    """``path`` as a folder to write into (made if missing); a file there is refused."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{option} {path}: is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{option} {path}: cannot make this folder ({error.strerror})") from None
    return path
