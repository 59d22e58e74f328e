"""Numbers as the browser index writes them: base-64 digits, varints, gaps, bitmaps.

``search-decode.js`` reads them back. A ``varint`` digit carries 5 bits and says
whether another follows; ascending numbers travel as their gaps; a dense set of
article ids as a bitmap, six bits a digit.
"""

from __future__ import annotations

from collections.abc import Iterable

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_SMALL = 4096


def _varint(value: int) -> str:
    out = [DIGITS[value & 31]]
    value >>= 5
    while value:
        out.append(DIGITS[32 | (value & 31)])
        value >>= 5
    return "".join(reversed(out))


_VARINTS = [_varint(v) for v in range(_SMALL)]


def varint(value: int) -> str:
    """``value`` in base-32 digits, most significant first; all but the last are flagged."""
    return _VARINTS[value] if value < _SMALL else _varint(value)


def deltas(numbers: Iterable[int]) -> str:
    """Ascending numbers as the varints of their gaps (the first from -1)."""
    previous = -1
    out = []
    for number in numbers:
        out.append(varint(number - previous - 1))
        previous = number
    return "".join(out)


def decode(text: str) -> list[int]:
    """The numbers of a run of varints (what ``search-decode.js`` reads; for tests)."""
    numbers, value = [], 0
    for char in text:
        digit = DIGITS.index(char)
        value = (value << 5) | (digit & 31)
        if digit < 32:
            numbers.append(value)
            value = 0
    return numbers


def bitmap(numbers: Iterable[int], size: int) -> str:
    """A set of numbers below ``size`` as a bitmap, six bits a digit."""
    bits = bytearray((size + 5) // 6)
    for number in numbers:
        bits[number // 6] |= 1 << (number % 6)
    return "".join(DIGITS[b] for b in bits)
