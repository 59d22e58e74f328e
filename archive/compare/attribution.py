"""Who a sentence says its words come from: "Xinhua reported", "according to the Kremlin".

Outlets that run the same readout differ in whom they credit: one writes "Xi
said", another "Xinhua reported", a third "according to People's Daily". The
rules are grammatical, never a list of outlets or people:

- **according to X**: X is the words up to the next comma, full stop or the end
  (at most eight words);
- **X said** (or another reporting verb): X is the noun phrase just before the verb:
  capitalised words, "of"/"and" between them, up to three lower-case words after a
  determiner ("the state-run Global Times", "the spokesman"), or a personal
  pronoun; one adverb may stand between ("further noted");
- **X, in remarks …, said**: when a comma comes right before the verb, X is the
  phrase between the commas if it is a noun phrase, else the one before them;
- **said X** after a quotation ("…," said the spokesman) and **told by X** (passive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.compare.normalise import STOP_WORDS, word_set

REPORTING_VERBS = word_set(
    """said says told tells reported reports stated states noted notes added adds
    stressed stresses emphasized emphasised emphasizes emphasises announced announces
    quoted cited claimed claims confirmed confirms insisted explained warned wrote
    writes observed remarked underlined underscored affirmed declared argued urged
    commented reiterated reiterates"""
)
_DETERMINERS = word_set("the a an his her its their our")
_PRONOUNS = word_set("he she they it we i")
_ADVERBS = word_set("also further then later again once earlier repeatedly")
_JOINERS = frozenset({"of", "and"})
_MAX_LOWER = 3  # lower-case words in a phrase: "the foreign ministry spokesman"
_MAX_WORDS = 8
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[\w’'-]+|[^\w\s]")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:()“”\"]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """``who`` is credited with the sentence by ``cue``; ``[start, end)`` spans both."""

    who: str
    cue: str
    start: int
    end: int


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capital(self) -> bool:
        return self.text[0].isupper()


def attributions(sentence: str) -> tuple[Attribution, ...]:
    """Every attribution in ``sentence``, in text order."""
    found = [_according(match) for match in _ACCORDING.finditer(sentence)]
    words = [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    for index, word in enumerate(words):
        if word.text in REPORTING_VERBS:  # lower case: "the United States" is no verb
            attribution = _around_verb(words, index)
            if attribution:
                found.append(attribution)
    return tuple(sorted(found, key=lambda a: (a.start, a.end)))


def _according(match: re.Match[str]) -> Attribution:
    who = match.group("who").split()[:_MAX_WORDS]
    text = " ".join(who)
    end = match.start("who") + match.group("who").find(who[-1]) + len(who[-1])
    return Attribution(_strip_article(text), "according to", match.start(), end)


def _strip_article(who: str) -> str:
    first, _, rest = who.partition(" ")
    return rest if rest and first.lower() in {"the", "a", "an"} else who


def _around_verb(words: list[_Word], verb: int) -> Attribution | None:
    cue = words[verb]
    after = verb + 1
    if after < len(words) and words[after].text.lower() == "by":  # told by Xi
        phrase = _phrase_forward(words, after + 1)
        return _make(words, phrase, cue, f"{cue.text} by") if phrase else None
    before = verb - 1
    if before >= 0 and words[before].text.lower() in _ADVERBS | _ly(words[before]):
        before -= 1
    if before < 0 or not words[before].is_word:
        return _after_punctuation(words, before, verb)
    phrase = _phrase_back(words, before)
    return _make(words, phrase, cue, cue.text) if phrase else None


def _ly(word: _Word) -> set[str]:
    adverb = word.text.endswith("ly") and word.text.isalpha() and word.text.islower()
    return {word.text} if adverb and len(word.text) > 4 else set()


def _after_punctuation(words: list[_Word], comma: int, verb: int) -> Attribution | None:
    """The verb follows punctuation: an inserted clause, or a quotation then "said X"."""
    cue = words[verb]
    if comma >= 0 and words[comma].text == ",":
        inner = _phrase_back(words, comma - 1)
        if inner and _leads_clause(words, inner[0]):
            return _make(words, inner, cue, cue.text)
        previous = next((i for i in range(comma - 1, -1, -1) if words[i].text == ","), None)
        outer = _phrase_back(words, previous - 1) if previous else None
        if outer:
            return _make(words, outer, cue, cue.text)
    phrase = _phrase_forward(words, verb + 1)
    if phrase and (phrase[1] + 1 >= len(words) or not words[phrase[1] + 1].is_word):
        return _make(words, phrase, cue, cue.text)
    return None


def _leads_clause(words: list[_Word], first: int) -> bool:
    """Only a few lower-case words stand between the clause start and ``first``."""
    start = first
    while start > 0 and words[start - 1].is_word:
        start -= 1
    lead = words[start:first]
    return len(lead) <= _MAX_LOWER and all(w.text.isalpha() and not w.capital for w in lead)


def _phrase_back(words: list[_Word], last: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``words[last]``, as a ``(first, last)`` index pair."""
    if last < 0 or not words[last].is_word:
        return None
    if words[last].text.lower() in _PRONOUNS:
        return last, last
    if words[last].text in _JOINERS:  # "... and emphasized": the subject is further back
        return None
    first, lower = last + 1, 0
    for index in range(last, max(-1, last - _MAX_WORDS), -1):
        word = words[index]
        text = word.text.lower()
        if not word.is_word or text in _PRONOUNS or text in REPORTING_VERBS:
            break
        if text in _DETERMINERS:
            return (index, last) if lower or first <= last else None
        if word.capital or word.text[0].isdigit():
            first = index
        elif text in _JOINERS and first == index + 1 and index > 0 and words[index - 1].capital:
            continue
        elif lower < _MAX_LOWER and (text.isalpha() or "-" in text) and text not in STOP_WORDS:
            lower += 1
        else:
            break
    while first <= last and not words[first].capital:  # "of", "and" cannot lead
        first += 1
    return (
        (first, last)
        if first <= last and words[last].is_word and _named(words, first, last)
        else None
    )


def _named(words: list[_Word], first: int, last: int) -> bool:
    """Without a determiner a phrase needs a capitalised head or modifier."""
    return any(words[i].capital for i in range(first, last + 1))


def _phrase_forward(words: list[_Word], first: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``first``: "said the Kremlin spokesman", "told by Xi"."""
    index, lower, determiner = first, 0, False
    if index < len(words) and words[index].text.lower() in _DETERMINERS:
        index, determiner = index + 1, True
    last = None
    while index < len(words) and index - first < _MAX_WORDS:
        word = words[index]
        text = word.text.lower()
        if word.capital:
            last = index
        elif text.isalpha() and text not in STOP_WORDS and lower < _MAX_LOWER:
            lower += 1
            last = index if determiner or last is not None else last
        elif not (text in _JOINERS and last is not None):
            break
        index += 1
    return (first, last) if last is not None else None


def _make(words: list[_Word], phrase: tuple[int, int], cue: _Word, cue_text: str) -> Attribution:
    first, last = phrase
    who = " ".join(w.text for w in words[first : last + 1])
    start = min(words[first].start, cue.start)
    end = max(words[last].end, cue.end + (len(cue_text) - len(cue.text)))
    return Attribution(_strip_article(who).replace(" - ", "-"), cue_text, start, end)
