"""A comparison cell as a reader sees it: its text cut into the pieces a word diff marks.

The template writes each piece: ``equal`` as plain text, ``added`` as ``<ins>``,
``removed`` as ``<del>`` of the reference's words, ``changed`` as both. Offsets
come from :mod:`archive.compare.diff`; the spaces and punctuation between the
diff's words are plain text, so the pieces join back into the cell's text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple


class Piece(NamedTuple):
    """``text`` of the cell and, where it differs, the ``reference``'s words."""

    op: str  # "equal", "added", "removed", "changed"
    text: str
    reference: str = ""


def pieces(text: str, diff: Sequence[Mapping[str, Any]]) -> list[Piece]:
    """The cell's text in pieces, in order; a reference cell (no diff) is one piece."""
    out: list[Piece] = []
    position = 0
    for op in diff:
        start, end = int(op["start"]), int(op["end"])
        if start > position:
            out.append(Piece("equal", text[position:start]))
        if op["op"] == "removed":
            out.append(Piece("removed", "", str(op["reference"])))
        else:
            out.append(Piece(str(op["op"]), text[start:end], str(op["reference"])))
        position = max(position, end)
    if position < len(text):
        out.append(Piece("equal", text[position:]))
    return _joined(out)


def _joined(found: list[Piece]) -> list[Piece]:
    """Neighbouring plain pieces as one, so the page has no needless breaks."""
    out: list[Piece] = []
    for piece in found:
        if out and piece.op == "equal" and out[-1].op == "equal":
            out[-1] = Piece("equal", out[-1].text + piece.text)
        else:
            out.append(piece)
    return out


class Cell(NamedTuple):
    """One source's sentence on a row, ready for the page."""

    article: str
    paragraph: str
    text: str
    pieces: list[Piece]
    attributions: list[Mapping[str, Any]]
    reference: bool  # the row's first sentence, which the others are compared with


class Row(NamedTuple):
    """One claim, a cell per column (``None`` where that source does not have it)."""

    number: int
    cells: list[Cell | None]
    sources: int  # how many sources have it

    @property
    def single(self) -> bool:
        return self.sources == 1


def table(comparison: Mapping[str, Any]) -> list[Row]:
    """The rows of ``Comparison.to_dict()`` with their cells in the order of its articles."""
    out = []
    for number, row in enumerate(comparison["rows"], 1):
        by_article = {cell["article"]: cell for cell in row["cells"]}
        cells: list[Cell | None] = [
            _cell(by_article[a], a == row["reference"]) if a in by_article else None
            for a in comparison["articles"]
        ]
        out.append(Row(number, cells, len(by_article)))
    return out


def _cell(cell: Mapping[str, Any], reference: bool) -> Cell:
    return Cell(
        cell["article"],
        cell["paragraph"],
        cell["text"],
        pieces(cell["text"], cell["diff"]),
        list(cell["attributions"]),
        reference,
    )
