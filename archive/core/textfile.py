"""Editors' text files read as UTF-8, a bad byte reported by its line and column.

Python's own message names a byte offset ("position 1234"), which no editor can
find; a line and column can be found in any editor.
"""

from __future__ import annotations

from pathlib import Path

from archive.core.errors import ContentError


def utf8_error(raw: bytes, error: UnicodeDecodeError, path: str | Path, what: str) -> ContentError:
    """The ``ContentError`` for the first byte of ``raw`` that is not UTF-8."""
    start = error.start
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw.count(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
    message = (
        f"{what} is not UTF-8 text: byte 0x{raw[start]:02x} at column {column} "
        "(correct that character, or save the file as UTF-8)"
    )
    return ContentError(path, message, line)


def read_utf8(path: Path, what: str) -> str:
    """The text of ``path`` (a leading byte-order mark dropped); errors name line and column."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(path, f"cannot read {what}: {error.strerror or error}") from None
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # so that error offsets count from the text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise utf8_error(raw, error, path, what) from None


def broken_utf8(raw: bytes) -> UnicodeDecodeError | None:
    """The first bad byte of text that is otherwise UTF-8, else None.

    Bytes that are not UTF-8 at all (cp1252, Latin-1) hold no multi-byte UTF-8
    sequence; a file that holds some is UTF-8, and a byte that breaks it is a
    mistake to show, not a reason to read the whole file in another encoding
    (which turns every "—" into "â€”").
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        decoded = raw.decode("utf-8", "replace")
        if any(ord(char) > 0x7F and char != "\ufffd" for char in decoded):
            return error
    return None
