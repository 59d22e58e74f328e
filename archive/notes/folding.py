"""Text as quotes are compared: whitespace runs as one space, typographic quotes straight."""

from __future__ import annotations

# Typographic quotes and apostrophes compare as their straight forms: sources and
# editors write “ ” ‘ ’ and " ' interchangeably (see fold()).
_STRAIGHT = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")


def fold(text: str) -> str:
    """Text as anchoring compares it: each whitespace run one space, quotes straight.

    Typographic quotes and apostrophes (‘ ’ ‚ ‛ “ ” „ ‟) become ' and "; every run of
    whitespace (no-break spaces and line breaks too) becomes one space; the ends are
    trimmed. Case, dashes and every other character must match as written.
    """
    return "".join(char for char, _ in folded(text)).strip()


def folded(text: str) -> list[tuple[str, int]]:
    """Each character of the folded text with its offset in ``text``."""
    out: list[tuple[str, int]] = []
    for offset, char in enumerate(text):
        if char.isspace():
            if out and out[-1][0] == " ":
                continue
            char = " "
        out.append((char.translate(_STRAIGHT), offset))
    return out
