"""How alike two sentences from different reports are, through paraphrase and rewording.

Two outlets running one readout rarely share long strings; they share its rare
words. So a sentence becomes a set of features, each weighted by how rare it is
among the sentences of the event (inverse document frequency): the keys of its
content words (``normalise``: stems, numbers as digits, British spelling folded),
and the ids of the entities it mentions. Words common to the whole event
("Afghanistan", "said") weigh little; "drug", "trafficking" weigh a lot.

The score of a pair is a weighted Dice coefficient of those sets; for a truncated
or abridged sentence, the share of one found in the other counts too, when the
two share a content word besides names (names alone are who, not what is said).
A string one source quotes and the other also carries adds a bonus. (Counting a
near spelling as half a match, with rapidfuzz, changed no pair of the benchmark's
gold nor of the seeds: the stems already join the variants. So it is not done.)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from archive.compare.attribution import REPORTING_VERBS
from archive.compare.normalise import Token, tokens

_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"|‘(.+?)’(?!\w)")
_QUOTE_WORDS = 3  # a quoted string shorter than this is a scare quote, not a citation
_QUOTE_NGRAM = 3
QUOTE_BONUS = 0.2
CONTAINMENT_WEIGHT = 0.85  # a sentence wholly inside another is nearly the same claim
MIN_CONTAINED = 4  # content features a sentence needs before containment counts


@dataclass(frozen=True)
class Features:
    """What the similarity of one sentence rests on."""

    keys: tuple[str, ...]  # every word's key, in order (for quoted strings)
    features: dict[str, float]  # content-word keys and "@entity" ids: their share
    names: frozenset[str]  # the features that name someone or something
    quotes: tuple[tuple[str, ...], ...]  # keys of each quoted string

    @cached_property
    def trigrams(self) -> set[tuple[str, ...]]:
        """Its runs of three keys, which a quote of another sentence is looked for in."""
        return _ngrams(self.keys, _QUOTE_NGRAM)


def features(text: str, entities: frozenset[str] = frozenset()) -> Features:
    """The features of one sentence, with the ids of the entities it mentions.

    Reporting verbs are left out (whom a source credits is not the claim). The
    words of a name, or of a hyphenated compound, share one feature's weight
    ("Baltic Sea", "war-torn" count once).
    """
    words = tokens(text)
    content: dict[str, float] = {}
    names = {f"@{e}" for e in entities}
    for run in _runs(text, words):
        for token in run:
            content[token.key] = max(content.get(token.key, 0.0), 1 / len(run))
            if token.text[0].isupper():
                names.add(token.key)
    content.update(dict.fromkeys(sorted(f"@{e}" for e in entities), 1.0))
    quotes = []
    for match in _QUOTED.finditer(text):
        quoted = next(g for g in match.groups() if g is not None)
        keys = tuple(t.key for t in tokens(quoted))
        if len(keys) >= _QUOTE_WORDS:
            quotes.append(keys)
    return Features(tuple(t.key for t in words), content, frozenset(names), tuple(quotes))


def _runs(text: str, words: list[Token]) -> list[list[Token]]:
    """Content words: a name's capitalised words together, a compound's parts together."""
    runs: list[list[Token]] = []
    previous: Token | None = None
    for token in words:
        if (
            token.stop
            or token.text in REPORTING_VERBS
            or (len(token.key) < 2 and not token.key.isdigit())
        ):
            previous = None
            continue
        gap = text[previous.end : token.start] if previous else None
        name = gap == " " and token.text[0].isupper() and previous and previous.text[0].isupper()
        if runs and (gap == "-" or name):
            runs[-1].append(token)
        else:
            runs.append([token])
        previous = token
    return runs


class Scorer:
    """Similarity of sentences of one event, with weights from all of its sentences."""

    def __init__(self, sentences: Sequence[Features]) -> None:
        counts = Counter(f for s in sentences for f in s.features)  # sentences having f
        total = len(sentences)
        self.weight = {f: math.log((total + 1) / n) + 0.5 for f, n in counts.items()}
        # Each sentence is scored against every other: its own weight is summed once.
        self._totals: dict[int, tuple[Features, float]] = {}

    def score(self, a: Features, b: Features) -> float:
        """From 0 (nothing in common) up to about 1.2 (the same sentence, quoted)."""
        got_a, got_b = self._matched(a.features, b.features), self._matched(b.features, a.features)
        total_a, total_b = self._total(a), self._total(b)
        if not total_a or not total_b:
            return 0.0
        dice = (got_a + got_b) / (total_a + total_b)
        score = dice
        if min(len(a.features), len(b.features)) >= MIN_CONTAINED and _shares_words(a, b):
            contained = max(got_a / total_a, got_b / total_b)
            score = max(dice, CONTAINMENT_WEIGHT * contained)
        if _shares_quote(a, b) or _shares_quote(b, a):
            score += QUOTE_BONUS
        return score

    def _total(self, sentence: Features) -> float:
        known = self._totals.get(id(sentence))
        if known is not None and known[0] is sentence:
            return known[1]
        total = sum(self.weight.get(f, 0.0) * share for f, share in sentence.features.items())
        self._totals[id(sentence)] = (sentence, total)
        return total

    def _matched(self, mine: dict[str, float], theirs: dict[str, float]) -> float:
        """Weight of the features of ``mine`` that ``theirs`` has too."""
        # In the order of ``mine`` (not of a set), so that sums are the same in every run.
        return sum(self.weight.get(f, 0.0) * share for f, share in mine.items() if f in theirs)


def _shares_words(a: Features, b: Features) -> bool:
    """Names alone do not make one claim: some other content word must be shared."""
    return bool((a.features.keys() & b.features.keys()) - a.names - b.names)


def _ngrams(keys: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(keys[i : i + n]) for i in range(len(keys) - n + 1)}


def _shares_quote(a: Features, b: Features) -> bool:
    """Most of a string ``a`` quotes is also in ``b``, in the same order."""
    if not a.quotes:
        return False
    theirs = b.trigrams
    for quote in a.quotes:
        mine = _ngrams(quote, _QUOTE_NGRAM)
        if len(mine & theirs) >= 0.6 * len(mine):
            return True
    return False
