"""Which way a time expression points: the tense of the verb that governs it.

A date adverbial belongs to the verb group before it in its clause ("the envoys
will meet on Friday", "shares fell Tuesday"); one that opens a clause belongs to
the verb after it ("On Friday, the Kremlin said"). The verb group's tense comes
from its auxiliaries and modals ("will", "would", "is set to", "plans to",
"was", "has"), a finite past form, or a present form (which says nothing about
direction). A reporting verb at the end of a clause ("…, the Kremlin said")
does not govern what was reported before it. An ``-ed`` word after a determiner
or an auxiliary ("the armed forces", "was published") is not itself the tense.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future", "none"]

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|would|wouldn't|could|might|should|must|can|may|upcoming|payable|scheduled|slated"
    r"|(?:set|due|expected|poised|going|planning|likely|about|ready)\s+(?:to|for)|due"
    r"|(?:is|are|am|was|were)\s+to"
    r"|(?:plans?|intends?|aims?|hopes?|wants?|promised|vowed|threatened|agreed)\s+to"
    r"|to\s+be\s+(?:held|signed|completed|released|published))\b|'ll\b",
    re.IGNORECASE,
)
# Intentions point ahead only at what follows them ("planned a rally on Saturday");
# a date before them is the time of the planning ("On Friday, they planned to ...").
_INTENT = re.compile(
    r"\b(?:planned|plans?|planning|scheduled|slated|expected|intends?|intended|set\s+to)\b", re.I
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|has|have|'ve|said|told|spoke|met|held|took|fell|made|gave|came|"
    r"went|began|sent|led|left|won|saw|became|brought|thought|knew|found|got|ran|wrote|sought|"
    r"struck|stood|overthrew|rose|drew|broke|chose|flew|paid|kept|lost|felt|shot|hit|put|set|"
    r"quit|cut|bought|sold|spent|built|caught|fought|taught|meant|heard|beat|bid|hid|slid|"
    r"[a-z]{2,}ed)\b"
)
_PRESENT = re.compile(r"\b(?:is|are|am|says|say|do|does|remains?|seems?)\b")
_NOT_PAST = frozenset(
    {"need", "indeed", "hundred", "speed", "seed", "breed", "feed", "shed", "proceed", "exceed",
     "succeed", "embed", "bed", "red", "shred", "creed", "weed", "greed", "bred", "sled"}
)  # fmt: skip
_NOT_A_TENSE_BEFORE = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
     "be", "been", "being", "is", "are", "am", "was", "were", "has", "have", "had", "to",
     "will", "would", "not", "could", "should", "might", "must", "can", "may", "shall"}
)  # fmt: skip
_ADVERBS = frozenset({"also", "still", "recently", "newly", "well", "privately", "publicly"})
_AUXILIARIES = frozenset(
    {"be", "been", "is", "are", "was", "were", "has", "have", "had", "will", "would"}
)
_REPORTING = re.compile(
    r",\s*(?:\w+\s+){0,5}?(?:said|says|told|reported|added|announced|stated|claimed)\b[^,]*$"
)
_CLAUSE = re.compile(
    r"[;:()\"“”—]|\s--\s|,\s+(?:but|while|whereas|although|who|whose|which|where)\b"
)


def tense_at(sentence: str, start: int, end: int) -> Tense:
    """The tense of the verb group that governs ``sentence[start:end]``."""
    left, right = _clause(sentence, start, end)
    before = _markers(sentence, left, start, intent=True)
    if before:
        position, tense = before[-1]
        finite = _FINITE_AFTER.match(sentence, end, right)
        if finite and _participle(sentence, position):
            return "future" if finite.group("verb") in ("will", "would") else _tense_of(finite)
        return tense
    after = sentence[end:right]
    reporting = _REPORTING.search(after)
    stop = end + (reporting.start() if reporting and reporting.start() > 0 else len(after))
    following = _markers(sentence, end, stop) or _markers(sentence, end, right)
    return following[0][1] if following else "none"


# "The report published on Monday is long": the -ed word was a participle, the
# finite verb after the date (before any new clause) is the sentence's tense.
_FINITE_AFTER = re.compile(
    r"(?:(?!\b(?:that|which|who|and|but)\b)[^,;])*?\b(?P<verb>is|are|was|were|will|would|has|have|had)\b"
)
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who", "which", "that"})


def _participle(sentence: str, position: int) -> bool:
    """Whether the -ed word at ``position`` follows a noun, as a participle may."""
    word = re.match(r"[a-z]+", sentence[position:])
    before = sentence[:position].split()[-1:]
    if word is None or not word.group().endswith("ed") or not before:
        return False
    return before[0].lower() not in _SUBJECTS | _NOT_A_TENSE_BEFORE | _ADVERBS


def _tense_of(finite: re.Match[str]) -> Tense:
    return "past" if finite.group("verb") in ("was", "were", "has", "have", "had") else "none"


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: between clause marks, or the sentence."""
    left = max((m.end() for m in _CLAUSE.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(sentence, end)), len(sentence))
    return left, right


def _markers(sentence: str, left: int, right: int, intent: bool = False) -> list[tuple[int, Tense]]:
    """The tense markers in ``sentence[left:right]``, in text order."""
    found: list[tuple[int, int, Tense]] = [
        (m.start(), m.end(), "future")
        for pattern in ((_FUTURE, _INTENT) if intent else (_FUTURE,))
        for m in pattern.finditer(sentence, left, right)
        if m.group() != "May"  # the month, not the modal
    ]
    others: tuple[tuple[re.Pattern[str], Tense], ...] = ((_PRESENT, "none"), (_PAST, "past"))
    for pattern, tense in others:
        found += [
            (m.start(), m.end(), tense)
            for m in pattern.finditer(sentence, left, right)
            if not any(s <= m.start() < e for s, e, _ in found)
            and (tense != "past" or _is_past_verb(sentence, m))
        ]
    return [(start, tense) for start, _, tense in sorted(found)]


def _is_past_verb(sentence: str, match: re.Match[str]) -> bool:
    word = match.group()
    if word in _NOT_PAST:
        return False
    if word in ("was", "were", "had", "did", "has", "have", "'ve"):
        return True
    words = [w.lower() for w in sentence[: match.start()].split()[-3:]]
    if words and words[-1] in _ADVERBS:
        words.pop()  # "Wang also held", "the newly elected": the word before it decides
    before = words[-2:]
    if before and before[-1] in _NOT_A_TENSE_BEFORE:
        return False  # "the armed forces", "would be held": the auxiliary is the tense
    return not (len(before) == 2 and before[-1].endswith("ly") and before[0] in _AUXILIARIES)
