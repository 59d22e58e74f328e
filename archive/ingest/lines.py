"""Line features and the shape rules that tell article text from site furniture.

A clipping is plain text: no markup, no links. What is left to go by is what a
reader goes by: sentences end with punctuation and are full of function words;
menus, share rows and breadcrumbs are runs of short items between separators
(``|``, ``·``, ``›``, ``>``, runs of spaces); controls are a few words of a small
vocabulary ("Share", "Watch live", "Scroll to continue"); date and time lines
are mostly digits; captions end with a credit ("(Photo: …)"); wire credits,
copyright lines and contact lines have fixed openings. Each rule here is one
such feature, named, so that the ingest report can say why a line went.

This module judges lines one at a time (:func:`shape`) and says whether a text
reads as prose (:func:`is_prose`); :mod:`archive.ingest.layout` decides from
their order where the header, the article and the trailer are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Function words: prose is full of them, menus and names are not.
STOP_WORDS = frozenset(
    {
        "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at",
        "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her", "his",
        "how", "i", "if", "in", "into", "is", "it", "its", "itself", "more", "most", "no", "nor",
        "not", "of", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your"
    }
)  # fmt: skip
# Words of site controls and boxes, as the first word of a short line.
UI_WORDS = frozenset(
    {
        "accept", "advert", "advertisement", "advertising", "agree", "all", "back", "bookmark",
        "breaking", "click", "close", "comment", "comments", "contact", "continue", "cookie",
        "cookies", "copy", "disagree", "download", "e-mail", "email", "enter", "explore",
        "facebook", "feedback", "follow", "font", "full", "gift", "hide", "join", "key", "latest",
        "like", "listen", "live", "load", "log", "login", "manage", "menu", "more", "most",
        "newsletter", "newsletters", "next", "pinned", "play", "podcast", "podcasts", "popular",
        "previous", "print", "privacy", "promoted", "recommended", "refresh", "register", "reject",
        "related", "reply", "report", "reuse", "save", "scroll", "search", "see", "send", "share",
        "show", "sign", "skip", "sponsored", "story", "subscribe", "support", "tags", "terms",
        "top", "topics", "trending", "tweet", "twitter", "video", "watch", "whatsapp", "x"
    }
)  # fmt: skip
_SEPARATORS = re.compile(r"\s{2,}|\s*[|·•›»]\s*|\s+[>/]\s+|\s+[—–]\s+")
_PROSE_END = re.compile(r"[.!?…](?:[\"'”’)\]]+)?$")
_INTRO_END = re.compile(r":$")  # "… gave a short answer when asked how long:" before a quote
_INTRO_WORDS = 8
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT[+-]\d+))?(?!\d)"
    r"|\b\d{1,2}\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4})?",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:\(\s*(?:photo|photograph|picture|image|file photo|video|credit)s?\b[^()]*\)"
    r"|\b(?:photo|photograph|picture|image|credit)s?(?: by)?\s*:\s*[^.:]{1,80}"
    r"|\b(?:getty images|shutterstock|alamy|epa-efe|afp via getty images))$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"(?:image|photo|picture|video)\s+(?:source|caption|credit)s?\b"
    r"|item\s+\d+\s+of\s+\d+\b|\[\d+/\d+\]",  # a gallery's "Item 1 of 3", "[1/3]"
    re.I,
)
# A box inviting the reader to sign up, subscribe or save, set among the paragraphs.
_PROMOTION = re.compile(
    r"\b(?:sign up|subscribe|newsletter|reading list|read later|download (?:our|the) app"
    r"|follow us|opens new tab)\b",
    re.I,
)
_READER_VOICE = re.compile(r"\b(?:you|your|our|us|here|free)\b", re.I)
_PROMOTION_WORDS = 25
_CREDIT = re.compile(
    r"\(?(?:additional |with additional )?(?:reporting|writing|editing|edited|compiled|produced"
    r"|written) by\b.*"
    r"|\((?:with )?(?:inputs|reporting|additional reporting|input) from [^()]+\)"
    r"|\[(?:editor|edited by|reporting by|writer)\b[^\]]*\]"
    r"|(?:editor|editors|editing|source)\s*:\s*[A-Z][\w .'’-]{1,40}"
    r"|[-–—]+\s*[A-Z][\w&.']*(?:\s[A-Z][\w&.']*){0,3}",  # "- Xinhua" under the article
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"\[\d+\]\s.*")
# A release's "ENDS", "-30-" or "###"; an e-mail signature's "--".
_END_MARK = re.compile(r"ENDS?|Ends|-\s*30\s*-|#{3}|--")
# A thread of readers' comments: "3 thoughts on …", "Priya says:", "Leave a Reply".
_COMMENTS = re.compile(
    r"\d[\d,]*\s+(?:comments?|thoughts?|responses?|replies)\b.*"
    r"|[\w .'’-]{2,40}\s(?:says|wrote|commented):"
    r"|(?:leave|post|add) a (?:reply|comment).*|reply|join the (?:debate|conversation|discussion).*"
    r"|.*\b(?:have your say|in the comments|comment below)\b.*",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"©|\ball rights reserved\b|\bcopyright\s+(?:©|\(c\)|\d{4})|^copyright\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|https?://|\bwww\.|\b[\w-]+\.(?:com|org|net|int|gov|example)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"(?P<label>tags?|topics?|keywords?|filed under|categories|related(?: \w+)?|trending"
    r"|read more|read also|also read|see also|more on this|watch|listen|podcast|newsletter"
    r"|from the archive|sponsored|source|follow|share|notes?|(?:media |press )?contact)"
    r"\s*[:·]\s*.*",
    re.IGNORECASE,
)
_LIST_HEADING = re.compile(
    r"(?:related|more|most|popular|recommended|trending|top|latest|further|full|also"
    r"|you (?:may|might) also|read next|up next|what to read next|don't miss|editors?'?s? picks?"
    r"|in case you missed it)\b.{0,40}",
    re.IGNORECASE,
)
_CAPS_LABEL = re.compile(r"[A-Z][A-Z ]{2,30}:\s")  # "WEATHER ALERT: …" over a story
_DURATION = re.compile(r"\(\d{1,2}:\d{2}\)|\b\d+\s*min(?:ute)?s?\b(?:\s*(?:read|listen))?", re.I)
_PAGE = re.compile(
    r"(?:page\s+)?\d{1,3}\s+(?:of|/)\s+\d{1,3}|page\s+\d{1,3}|-\s*\d{1,3}\s*-|#{3}", re.I
)
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT_WORDS = re.compile(
    r"\b(?:we|our|us|this (?:site|website)|accept|consent|preferences|settings|browsing"
    r"|experience|policy|continuing)\b",
    re.IGNORECASE,
)
_COOKIE_WORDS = 40
_WORD = re.compile(r"[\w'’-]+")
_SHORT_LABEL_WORDS = 4  # an all-capitals line this short is a label ("WORLD NEWS")
_LIST_ITEM_WORDS = 5  # items of a menu or breadcrumb are this short
_PROSE_MIN_WORDS = 3
_PROSE_LONG_WORDS = 25  # this long, a text is prose even without a full stop
_UI_MAX_WORDS = 8


@dataclass(frozen=True)
class Shape:
    """What one line looks like: a furniture kind (rule name) or "" for nothing special."""

    kind: str
    strong: bool  # a kind that does not occur inside an article: it ends one


def words(text: str) -> list[str]:
    """The words of ``text``, punctuation dropped."""
    return _WORD.findall(text)


def items(text: str) -> list[str]:
    """The parts of a line between separators ("Home | World", "Share   Print")."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


def stop_share(text: str) -> float:
    """The share of function words among the words of ``text``."""
    found = [word.lower() for word in words(text)]
    return sum(word in STOP_WORDS for word in found) / len(found) if found else 0.0


def is_prose(text: str, wrapped: bool = False) -> bool:
    """Whether ``text`` reads as a sentence of running text rather than a label or a name.

    A long line is prose even without a full stop (a paragraph copied from a
    browser may end on a quote); lines joined from hard-wrapped text need the
    stop, or a standfirst and a byline under it would pass for a paragraph.
    """
    count = len(words(text))
    if count >= _PROSE_LONG_WORDS and not wrapped:
        return True
    if is_all_caps(text):
        return False  # a shouted headline or label, not running text
    if count >= _INTRO_WORDS and _INTRO_END.search(text):
        return True
    return count >= _PROSE_MIN_WORDS and bool(_PROSE_END.search(text))


def without_clock(text: str) -> str:
    """``text`` less its clock times ("06:55 IST", "8:10 am ET")."""
    return _CLOCK.sub(" ", text)


def has_clock(text: str) -> bool:
    """Whether ``text`` holds a time of day."""
    return bool(_CLOCK.search(text))


def is_all_caps(text: str) -> bool:
    """Letters all capitals (a label or a tabloid headline)."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def is_ui(text: str) -> bool:
    """A short control or box heading: it starts with a word of the controls' vocabulary."""
    found = words(text)
    return (
        bool(found)
        and len(found) <= _UI_MAX_WORDS
        and found[0].lower() in UI_WORDS
        and not is_prose(text)
    )


def is_list_row(text: str, least: int) -> bool:
    """At least ``least`` short items between separators: a menu, share row or breadcrumb."""
    parts = items(text)
    return len(parts) >= least and all(len(words(p)) <= _LIST_ITEM_WORDS for p in parts)


def shape(text: str) -> Shape:
    """The furniture kind ``text`` has on its own, if any (first matching rule)."""
    for kind, strong, test in _RULES:
        if test(text):
            return Shape(kind, strong)
    return Shape("", False)


def _is_cookie_notice(text: str) -> bool:
    """A consent banner's text: cookies, and the site speaking of itself or asking."""
    return (
        bool(_COOKIES.search(text))
        and bool(_CONSENT_WORDS.search(text))
        and len(words(text)) <= _COOKIE_WORDS
    )


def _is_promotion(text: str) -> bool:
    """The site speaking to the reader ("… with our newsletter. Sign up here.")."""
    return (
        bool(_PROMOTION.search(text))
        and bool(_READER_VOICE.search(text))
        and len(words(text)) <= _PROMOTION_WORDS
    )


def _is_clock_line(text: str) -> bool:
    """A time of day and at most a word or two around it ("| 06:55 IST", "22.05 BST")."""
    return has_clock(text) and len(words(without_clock(text))) <= 1 and not is_prose(text)


def _is_menu(text: str) -> bool:
    return not is_prose(text) and is_list_row(text, 3)


def _is_breadcrumb(text: str) -> bool:
    return not is_prose(text) and is_list_row(text, 2) and bool(re.search(r"[›»>/|·•]", text))


def _is_label_line(text: str) -> bool:
    return not is_prose(text) and bool(_LABEL.fullmatch(text) or _CAPS_LABEL.match(text))


def _is_caps_label(text: str) -> bool:
    return is_all_caps(text) and len(words(text)) <= _SHORT_LABEL_WORDS and not is_prose(text)


def _is_contact(text: str) -> bool:
    """An address line; a sentence that gives an address is text unless it is short."""
    return bool(_CONTACT.search(text)) and (
        not is_prose(text) or len(words(text)) <= _UI_MAX_WORDS * 2
    )


def _is_list_heading(text: str) -> bool:
    """The heading of a box of links ("More from Meridian", "Related Stories", "Most read")."""
    return (
        len(words(text)) <= _UI_MAX_WORDS - 2
        and not is_prose(text)
        and bool(_LIST_HEADING.fullmatch(text))
    )


def _is_duration(text: str) -> bool:
    return bool(_DURATION.search(text)) and len(words(text)) <= _UI_MAX_WORDS and not is_prose(text)


def _is_credit(text: str) -> bool:
    return bool(_CREDIT.fullmatch(text)) and (";" in text or not is_prose(text) or "by" in text)


_RULES = (
    ("copyright", True, lambda text: bool(_COPYRIGHT.search(text))),
    ("credit", True, _is_credit),
    ("footnote", True, lambda text: bool(_FOOTNOTE.fullmatch(text))),
    ("end-mark", True, lambda text: bool(_END_MARK.fullmatch(text))),
    ("comments", True, lambda text: not is_prose(text) and bool(_COMMENTS.fullmatch(text))),
    ("contact", True, _is_contact),
    ("cookie-notice", False, _is_cookie_notice),
    ("caption", False, lambda text: bool(_CAPTION.search(text) or _CAPTION_START.match(text))),
    ("time-line", False, _is_clock_line),
    ("promotion", False, _is_promotion),
    ("label-line", False, _is_label_line),
    ("list-heading", True, _is_list_heading),
    ("menu", False, _is_menu),
    ("breadcrumb", False, _is_breadcrumb),
    ("control", False, is_ui),
    ("duration", False, _is_duration),
    ("capitals-label", False, _is_caps_label),
    ("page-number", False, lambda text: bool(_PAGE.fullmatch(text))),
)
