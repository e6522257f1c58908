"""Offset maps from a document's text to its parent's text."""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from .patterns import _ESCAPE

# Offset maps from a document's text to its parent's text.


class _Shift:
    """A view's text is a slice of its parent's text starting at ``base``."""

    __slots__ = ("base",)

    def __init__(self, base: int) -> None:
        self.base = base

    def __call__(self, offset: int) -> int:
        return self.base + offset


class _StringMap:
    """Decoded offsets of one JSON string literal -> offsets in the text holding the literal.

    ``base`` is the offset of the first character after the opening quote.  Only escapes are
    stored (their decoded index, raw offset and raw length); literal runs map one to one.
    """

    __slots__ = ("base", "length", "dec", "raw", "rlen")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.base = start + 1
        self.dec: Sequence[int] = ()  # most strings have no escape: no lists (a file may place 100,000 of them)
        self.raw: Sequence[int] = ()
        self.rlen: Sequence[int] = ()
        if text.find("\\", start + 1, end - 1) < 0:
            self.length = end - start - 2
            return
        raw = text[start + 1:end - 1]
        dec: list[int] = []
        raws: list[int] = []
        rlen: list[int] = []
        shift = 0
        for m in _ESCAPE.finditer(raw):
            r = m.start()
            dec.append(r - shift)
            raws.append(r)
            size = m.end() - r
            rlen.append(size)
            shift += size - 1
        self.dec, self.raw, self.rlen = dec, raws, rlen
        self.length = len(raw) - shift

    def __call__(self, offset: int) -> int:
        d = min(max(offset, 0), self.length)
        k = bisect_right(self.dec, d) - 1
        if k < 0:
            return self.base + d
        if self.dec[k] == d:
            return self.base + self.raw[k]
        return self.base + self.raw[k] + self.rlen[k] + (d - self.dec[k] - 1)
