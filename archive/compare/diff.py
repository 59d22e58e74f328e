"""A word diff between two statements of one claim: what a source changed, added, left out.

Words are compared by their normalised key (``normalise.tokens``), so "neighbouring"
against "neighboring" or "20th" against "twentieth" is no change; the texts shown
are the words as each source wrote them, with their punctuation inside a run.
Python's ``difflib`` anchors the diff on the longest common runs first, which reads
better on sentences than a minimal edit script that matches stray "the"s.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from archive.compare.normalise import Token, tokens

_OPS = {"equal": "equal", "replace": "changed", "insert": "added", "delete": "removed"}


@dataclass(frozen=True)
class DiffOp:
    """One run of the diff.

    ``op`` is ``equal``, ``changed`` (``reference`` became ``text``), ``added`` (only
    in this sentence) or ``removed`` (only in the reference). Offsets are into each
    sentence's text; an empty side is a point where the other side's words would go.
    """

    op: str
    reference: str
    text: str
    ref_start: int
    ref_end: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "reference": self.reference,
            "text": self.text,
            "ref_start": self.ref_start,
            "ref_end": self.ref_end,
            "start": self.start,
            "end": self.end,
        }


def word_diff(reference: str, text: str) -> tuple[DiffOp, ...]:
    """The runs that turn ``reference`` into ``text``, in order, covering every word."""
    old, new = tokens(reference), tokens(text)
    matcher = SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ref_start, ref_end = _span(old[i1:i2], old, i1, len(reference))
        start, end = _span(new[j1:j2], new, j1, len(text))
        out.append(
            DiffOp(
                _OPS[tag],
                reference[ref_start:ref_end],
                text[start:end],
                ref_start,
                ref_end,
                start,
                end,
            )
        )
    return tuple(out)


def _span(run: list[Token], all_tokens: list[Token], at: int, length: int) -> tuple[int, int]:
    """Character span of a run of tokens; for an empty run, the point before token ``at``."""
    if run:
        return run[0].start, run[-1].end
    point = all_tokens[at].start if at < len(all_tokens) else length
    return point, point
