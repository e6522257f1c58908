"""Positions as the Language Server Protocol counts them: 0-based lines, columns in UTF-16 code units.

ce-validator counts columns in code points (``Finding.column`` is 1-based, ``Source`` offsets are
0-based code-point offsets into the text).  A character outside the Basic Multilingual Plane (an
emoji, U+1F600) is one code point but two UTF-16 units, so the two counts differ after it on a line.
A client may negotiate another unit (LSP 3.17 ``positionEncoding``: ``utf-8`` bytes, as Neovim
prefers, or ``utf-32`` code points); :class:`LineIndex` counts in the one negotiated.
Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, in both (LSP 3.17 and ``validator/source.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

__all__ = ["LineIndex"]

_BREAK = re.compile(r"\r\n|\r|\n")
# The characters wider than one unit in an encoding (``utf-32``: none)
_WIDE = {"utf-16": re.compile("[\U00010000-\U0010ffff]"), "utf-8": re.compile("[^\x00-\x7f]")}


def _units(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == "utf-8":
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    if encoding == "utf-32":
        return 1
    return 2 if code > 0xFFFF else 1


class LineIndex:
    """Converts between code-point offsets, 1-based (line, column) and LSP (line, character).

    ``encoding`` is the negotiated ``positionEncoding``: ``utf-16`` (the protocol's default), ``utf-8``
    or ``utf-32``.
    """

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        # A byte order mark the client kept in its buffer is no character of the document: findings and fixes count
        # after it, the client counts it on the first line (``bom``: its units there).
        self.bom = _units("\ufeff", encoding) if text.startswith("\ufeff") else 0
        self.text = text[1:] if self.bom else text
        self.encoding = encoding
        self._starts = [0] + [match.end() for match in _BREAK.finditer(self.text)]
        # The offsets of the characters wider than one unit, and the units they add before each: a length is then
        # counted in logarithmic time, not character by character (a minified 200 KB body on one line, with
        # thousands of findings, took minutes to publish)
        self._wide: list[int] = []
        self._extra: list[int] = [0]
        wide = _WIDE.get(encoding)
        if wide is not None:
            for match in wide.finditer(self.text):
                self._wide.append(match.start())
                self._extra.append(self._extra[-1] + _units(match.group(), encoding) - 1)

    def _line_end(self, line: int) -> int:
        """Offset of the end of 0-based ``line``, before its line break."""
        if line + 1 < len(self._starts):
            end = self._starts[line + 1]
            return end - 2 if self.text.startswith("\r\n", end - 2) else end - 1
        return len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """The LSP (line, character) of a code-point ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return line, self._length(start, min(offset, self._line_end(line))) + (self.bom if line == 0 else 0)

    def _length(self, start: int, end: int) -> int:
        """The units of the text from code-point ``start`` to ``end``."""
        extra = self._extra
        return end - start + extra[bisect_left(self._wide, end)] - extra[bisect_left(self._wide, start)]

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; a character past the line's end is its end.

        A position inside a character (between the units of a surrogate pair or of a UTF-8 sequence,
        which a client should not send) counts as the character's start.
        """
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        if line == 0:
            character -= self.bom
        start = self._starts[line]
        low, high = start, self._line_end(line)  # the last offset whose units from the line's start fit
        if character <= 0:
            return start
        while low < high:
            middle = (low + high + 1) // 2
            if self._length(start, middle) <= character:
                low = middle
            else:
                high = middle - 1
        return low

    def from_line_column(self, line: int, column: int) -> tuple[int, int]:
        """The LSP position of a 1-based ``line`` and 1-based code-point ``column`` (a Finding's)."""
        index = min(max(line - 1, 0), len(self._starts) - 1)
        start = self._starts[index]
        offset = min(start + max(column - 1, 0), self._line_end(index) if column > 0 else start)
        # a finding may end just past the line (an unclosed string): keep it on its line
        return index, self._length(start, offset) + (self.bom if index == 0 else 0)
