"""Where a sentence is cut into clauses, so that each cue finds its own participants and date.

A sentence is cut into clauses so that each cue finds its own participants
and date: a clause starts at "after", "before" (with an offset before them:
"a day after"), "while", "when", ", as", "although", "because", "but", "that" and
"said" (reported speech is not the event: "said in a statement" is a cue), and
at ";" and ":" (what follows a colon, a list or a quotation, is not the clause's). A relative clause (", which", ", who",
"where") runs to the next comma, and the clause it interrupted goes on after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUBORDINATE = re.compile(
    r"\b(?:\w+\s+(?:days?|weeks?)\s+)?(?:after|before|while|when|whereas|although|because|but"
    r"|that(?!\s+(?:same\s+)?(?:day|week|month|year|morning|afternoon|evening|night)\b)"
    r"|(?:said|says)(?!\s+(?:in|at|on|during|after|before|to|by)\b))\b",
    re.IGNORECASE,
)  # "that" opens reported speech, except in "later that day"; so does "said" ("Biden
# said Blinken would travel"), except in "said in a statement"
_AS = re.compile(
    r",\s+(as)\b(?!\s+(?:well|much|many|part|a\b|an\b|the\s+\w+\s+of\b))", re.IGNORECASE
)
# ", as fighting entered its sixth week": meanwhile; not ", as well as", ", as part of"
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|where)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """Part of a sentence, possibly interrupted by a relative clause (hence several spans)."""

    spans: tuple[tuple[int, int], ...]
    opener: str  # the words that open it, lower-case ("where", "a day after"); "" for the first
    parent: int | None  # for a relative clause, the index of the clause it interrupts

    def holds(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans)


def clauses(sentence: str) -> list[Clause]:
    """Cut ``sentence`` into clauses (see the module's rules)."""
    marks = [(m.start(), "sub", m.group().lower()) for m in _SUBORDINATE.finditer(sentence)]
    marks += [
        (m.start(), "rel", m.group().lower())
        for m in _RELATIVE.finditer(sentence)
        if m.group().lower() == "where" or sentence[: m.start()].rstrip().endswith(",")
    ]
    marks += [(m.start(1), "sub", "as") for m in _AS.finditer(sentence)]
    marks += [(m.start(), m.group(), m.group()) for m in re.finditer("[,;]", sentence)]
    marks += [(m.start(), ";", ":") for m in re.finditer(r":\s", sentence)]
    spans: list[list[tuple[int, int]]] = [[]]
    openers: list[str] = [""]
    parents: list[int | None] = [None]
    current, start, resume = 0, 0, None
    for position, kind, words in sorted(marks):
        if kind == ",":
            if resume is not None:
                spans[current].append((start, position))
                current, start, resume = resume, position, None
            continue
        spans[current].append((start, position))
        start = position + 1 if kind == ";" else position
        resume = current if kind == "rel" else (None if kind == ";" else resume)
        parents.append(current if kind == "rel" else None)
        spans.append([])
        openers.append(words)
        current = len(spans) - 1
    spans[current].append((start, len(sentence)))
    return [
        Clause(tuple(s for s in clause if s[1] > s[0]), opener, parent)
        for clause, opener, parent in zip(spans, openers, parents, strict=True)
    ]


def clause_of(parts: list[Clause], offset: int) -> int:
    return next((i for i, clause in enumerate(parts) if clause.holds(offset)), len(parts) - 1)
