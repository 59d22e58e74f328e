"""A title derived from the lead when the clipping has no headline.

(Which line is the headline is decided in :mod:`archive.ingest.layout`.)
Without one, the title is the lead's first sentence, without a dateline or a
short opening adverbial ("On Wednesday,", "Through a call made on Tuesday,").
A longer sentence is cut where a reader would pause: at the last clause
boundary (a comma, semicolon or colon, or before "that", "where", "while" …)
within 110 characters, else before the last preposition there, so the title
ends on a whole phrase. Only when neither exists is it cut to whole words,
never inside a name or after a function word ("the", "and"). Closing
punctuation goes and no ellipsis is added (the title is a label;
``title_derived`` tells that it is not the source's).
"""

from __future__ import annotations

from archive.ingest.dateline import dateline
from archive.site.text import sentences

HEADLINE_MIN_WORDS = 3  # a cut title keeps at least this many words
_TITLE_LENGTH = 80  # the length of a cut to whole words, when no phrase ends in time
_PHRASE_LENGTH = 110  # a title may run this long to end on a whole clause or phrase
_PHRASE_SHARE = 0.4  # ... but ends no earlier than this share of that length
_OPENER_WORDS = 8  # an opening adverbial up to a comma, of at most this many words, goes
_CLAUSE_SHARE = 0.75  # a clause ending this far into the length is a better cut
_TITLE_TRIM = " .,;:–—-"
# Words that open a clause: a title may end just before them.
CLAUSE_OPENERS = frozenset(
    {"that", "which", "who", "whom", "whose", "where", "when", "while", "after", "before",
     "because", "since", "although", "though", "amid", "especially", "including", "as", "and",
     "but"}
)  # fmt: skip
# Prepositions: before one, a phrase has ended.
PREPOSITIONS = frozenset(
    {"in", "on", "at", "for", "with", "against", "about", "over", "from", "during", "by",
     "into", "after", "before", "under", "between", "across", "towards", "toward", "of"}
)  # fmt: skip
_OPENING = frozenset({"on", "in", "at", "through", "after", "during", "with", "by", "amid",
                      "following", "earlier", "later", "last", "this", "yesterday", "today"})  # fmt: skip
# Words a cut title or slug should not end on.
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
     "with", "from", "as", "into", "onto", "than", "that", "which", "who", "whose", "his",
     "her", "its", "their", "our", "your", "my", "is", "are", "was", "were", "be", "been",
     "has", "have", "had", "will", "would"}
)  # fmt: skip


def derive_title(lead: str) -> str:
    """A short whole-word title from the lead's first sentence (its dateline left out)."""
    found = dateline(lead)
    text = lead[found.end :] if found else lead
    spans = sentences(text)
    sentence = _without_opener(text[spans[0][0] : spans[0][1]] if spans else text)
    if len(sentence) > _TITLE_LENGTH:
        words = sentence.split(" ")
        phrase = _phrase_end(words)
        sentence = " ".join(words[:phrase]) if phrase else _cut(words)
    title = sentence.rstrip(_TITLE_TRIM + "…")
    if title.count("“") != title.count("”") or title.count('"') % 2:
        title = title.lstrip('“"')
    return title


def _without_opener(sentence: str) -> str:
    """The sentence less a short opening adverbial ("On Wednesday, …"), capitalised again."""
    head, comma, rest = sentence.partition(", ")
    words = head.split()
    if not comma or not words or len(words) > _OPENER_WORDS or len(rest.split()) < 4:
        return sentence
    if words[0].lower() not in _OPENING or not rest[:1].isalpha():
        return sentence
    return rest[0].upper() + rest[1:]


def _phrase_end(words: list[str]) -> int:
    """How many words end a clause, else a phrase, within the phrase length; 0 if none."""
    best = {"clause": 0, "phrase": 0}
    for count in range(HEADLINE_MIN_WORDS, len(words)):
        length = len(" ".join(words[:count]))
        if length > _PHRASE_LENGTH:
            break
        if length < _PHRASE_SHARE * _PHRASE_LENGTH:
            continue
        following = words[count].lower()
        last = words[count - 1].strip(_TITLE_TRIM).lower()
        if words[count - 1][-1:] in ",;:" or following in CLAUSE_OPENERS:
            best["clause"] = count
        elif following in PREPOSITIONS and last not in FUNCTION_WORDS:
            best["phrase"] = count
    return best["clause"] or best["phrase"]


def _cut(words: list[str]) -> str:
    """The first words within the title length, not ending inside a name or on "the"."""
    count = 1
    while count < len(words) and len(" ".join(words[: count + 1])) <= _TITLE_LENGTH:
        count += 1
    kept = words[:count]
    clause = _last_clause_end(kept)
    if clause:
        return " ".join(kept[:clause])
    if count < len(words) and words[count][:1].isupper():
        kept = _without_trailing_name(kept)
    while len(kept) > 1 and kept[-1].strip(_TITLE_TRIM).lower() in FUNCTION_WORDS:
        kept.pop()
    return " ".join(kept)


def _last_clause_end(words: list[str]) -> int:
    """How many words end with a clause (a comma ...) late enough to make the title, or 0."""
    for count in range(len(words), 0, -1):
        if len(" ".join(words[:count])) < _CLAUSE_SHARE * _TITLE_LENGTH:
            return 0
        if words[count - 1][-1:] in ",;:":
            return count
    return 0


def _without_trailing_name(words: list[str]) -> list[str]:
    """``words`` less the capitalised words ending them, unless too little would be left."""
    end = len(words)
    while end > 0 and words[end - 1][:1].isupper() and words[end - 1][-1].isalnum():
        end -= 1
    return words[:end] if end >= HEADLINE_MIN_WORDS else words
