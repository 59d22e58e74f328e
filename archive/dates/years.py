"""Years, decades and centuries: "1953", "fiscal 1989", "2009-2010", "nineteen
ninety-six", "the year two thousand", "the 1990s" (``199X``), "the nineties",
"the 20th century" (``19XX``); and the year of publication named as a period of
account ("the current fiscal year", "the full year", "year-end").
"""

from __future__ import annotations

import re

from archive.dates.context import Context, Found
from archive.dates.lexicon import NUMBERS, YEAR
from archive.dates.named import calendar_found

_NOT_A_YEAR_AFTER = r"(?![\w%]|[.,:/-]\d|\s*(?:percent|per\s+cent|%))"
YEARS = re.compile(
    rf"(?<![\w$#.,:/-])(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year|FY)\s*)?(?P<year>{YEAR})"
    rf"(?:(?P<dash>-|\s+(?:to|through)\s+)(?P<to>{YEAR}|\d\d))?{_NOT_A_YEAR_AFTER}"
)


def years(match: re.Match[str], context: Context) -> list[Found]:
    """ "1953", "fiscal 1989", "the year 2000"; a range "2009-2010" or "1993-94" is two years."""
    first = match.group("year")
    if match.group("fiscal") is None and _counted(context.sentence, match.start()):
        return []
    span = (match.start(), match.end("year"))
    found = [calendar_found(span, first, "year", "year", f"the year {first}")]
    if match.group("to"):
        last = match.group("to")
        last = first[:2] + last if len(last) == 2 else last
        if int(last) > int(first):
            span = (match.start("to"), match.end("to"))
            found.append(calendar_found(span, last, "year", "year-range-end", f"the year {last}"))
    return found


def _counted(sentence: str, start: int) -> bool:
    """A number that counts something ("about 1800 troops"), not a year."""
    before = sentence[:start].split()[-1:]
    return bool(before) and before[0].lower() in ("about", "some", "nearly", "almost", "than")


DECADES = re.compile(
    r"(?i:\b(?:the\s+)?(?P<mod>early|mid|late)?-?\s*)"
    r"(?:(?P<century>1[6-9]|20)(?P<digit>\d)0'?s|'(?P<short>\d)0s)\b"
)


def decades(match: re.Match[str], context: Context) -> list[Found]:
    """ "the 1990s", "the '80s", "the mid-1990s": a decade, TimeML ``199X``."""
    century = match.group("century") or str(context.published.year // 100)
    digit = match.group("digit") or match.group("short")
    value = f"{century}{digit}X"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(
        (match.group("mod") or "").lower(), ""
    )
    meaning = f"the decade {century}{digit}0–{century}{digit}9"
    return [Found(match.span(), "DATE", value, "decade", "decade", meaning, mod=mod)]


CENTURIES = re.compile(
    r"(?i)\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<rel>this|last|next|the\s+past))"
    r"\s+century\b"
)


def centuries(match: re.Match[str], context: Context) -> list[Found]:
    """ "the 20th century" is ``19XX``; "this century" the one of publication."""
    if match.group("n"):
        number = int(match.group("n"))
    else:
        shift = {"last": -1, "next": 1}.get(match.group("rel").lower(), 0)
        number = context.published.year // 100 + 1 + shift
    meaning = f"the years {number - 1}00–{number - 1}99"
    return [Found(match.span(), "DATE", f"{number - 1:02d}XX", "century", "century", meaning)]


_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
SPELLED = re.compile(
    rf"(?i)\b(?:the\s+year\s+)?(?:(?P<century>{_TEENS})[-\s]+(?:(?P<tens>{_TENS})(?:[-\s]+(?P<ones>{_ONES}))?"
    rf"|(?P<teen>{_TEENS})|oh[-\s]+(?P<oh>{_ONES}))"
    rf"|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<after>{_ONES}|{_TEENS}))?)\b"
    r"|(?i:\bthe\s+(?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"
)


def spelled_years(match: re.Match[str], context: Context) -> list[Found]:
    """ "nineteen ninety-six", "the year two thousand"; "the nineties" (this century's)."""
    if match.group("decade"):
        tens = NUMBERS[match.group("decade").lower().removesuffix("ies") + "y"]
        value = f"{context.published.year // 100 - (tens // 10 > context.published.year % 100 // 10)}{tens // 10}X"
        return [Found(match.span(), "DATE", value, "decade", "decade", f"the decade {value}")]
    if match.group("thousand"):
        year = 2000 + (NUMBERS.get((match.group("after") or "").lower(), 0))
    else:
        words = [match.group(g) for g in ("tens", "ones", "teen", "oh")]
        rest = sum(NUMBERS[w.lower()] for w in words if w)
        year = NUMBERS[match.group("century").lower()] * 100 + rest
    if not match.group().lower().startswith("the year") and not 1600 <= year <= 2099:
        return []
    if not (match.group("thousand") or match.group("tens") or match.group("oh")):
        return []  # "nineteen twelve" could be counting; only clear year shapes
    text = str(year)
    return [calendar_found(match.span(), text, "year", "spelled-year", f"the year {text}")]


ACCOUNTS = re.compile(
    r"(?i)\b(?:(?:the|this|its)\s+(?:(?P<which>current|full|latest|same|coming|next|last|previous)\s+)?"
    r"(?:fiscal|calendar|financial)?\s*year(?!\s*(?:-|')|\s+(?:ago|earlier|before|later|after|old))"
    r"|year[-\s]end|year's\s+end|the\s+end\s+of\s+the\s+year)\b"
)


def accounting_years(match: re.Match[str], context: Context) -> list[Found]:
    """ "the current fiscal year", "the full year", "year-end": the year of publication."""
    words = " ".join(match.group().lower().split())
    which = (match.group("which") or "").lower()
    if words in ("the year", "this year", "its year") or (
        not which and "fiscal" not in words and "end" not in words
    ):
        return []  # "the year" alone is as often a length of time; "this year" is read elsewhere
    step = {"next": 1, "coming": 1, "last": -1, "previous": -1, "latest": -1}.get(which, 0)
    if which == "latest" and context.published.month > 6:
        step = 0
    year = str(context.published.year + step)
    mod = "END" if "end" in words else ""
    return [
        calendar_found(match.span(), year, "year", "year-of-account", f"the year {year}", mod=mod)
    ]
