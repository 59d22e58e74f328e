"""The bytes of a clipping as text, whatever encoding the site used.

A byte-order mark decides first (UTF-8 or UTF-16). Otherwise the bytes are
UTF-8 if they decode as UTF-8, else cp1252 (Windows Western, a superset of the
printable Latin-1 range), else Latin-1, which decodes anything; but a file that
is UTF-8 except for a bad byte is an error at that byte's line and column, not
read in another encoding. The fallbacks
are reported as warnings. NUL bytes or many control characters mean binary.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from archive.core.errors import ContentError
from archive.core.textfile import broken_utf8, utf8_error

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_GUESSES = ("utf-8", "cp1252")  # tried in turn when there is no byte-order mark
_LAST_RESORT = "latin-1"  # decodes any bytes
_CONTROL_SHARE = 0.05  # a larger share of control characters: not text (random bytes: 12%)


def decode(raw: bytes, path: str | Path) -> tuple[str, str]:
    """The text of a clipping and the encoding it was read with."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                raise ContentError(path, f"not valid {codec} despite its byte-order mark") from None
    if b"\x00" in raw:
        raise ContentError(path, "binary file (NUL bytes); UTF-16 text needs a byte-order mark")
    broken = broken_utf8(raw)
    if broken:
        raise utf8_error(raw, broken, path, "the clipping")
    for codec in _GUESSES:
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return raw.decode(_LAST_RESORT), _LAST_RESORT


def check_is_text(text: str, path: str | Path) -> None:
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"
    )
    if controls > _CONTROL_SHARE * len(text):
        raise ContentError(path, f"not text: {controls} control characters")
