"""Positions as the Language Server Protocol counts them: 0-based lines, columns in UTF-16 code units.

ce-validator counts columns in code points (``Finding.column`` is 1-based, ``Source`` offsets are
0-based code-point offsets into the text).  A character outside the Basic Multilingual Plane (an
emoji, U+1F600) is one code point but two UTF-16 units, so the two counts differ after it on a line.
Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, in both (LSP 3.17 and ``validator/source.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["LineIndex"]

_BREAK = re.compile(r"\r\n|\r|\n")


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineIndex:
    """Converts between code-point offsets, 1-based (line, column) and LSP (line, UTF-16 character)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [match.end() for match in _BREAK.finditer(text)]

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
        return line, _utf16_length(self.text[start:min(offset, self._line_end(line))])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; a character past the line's end is its end.

        A position inside a surrogate pair (which a client should not send) counts as the character's start.
        """
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        offset, end, units = self._starts[line], self._line_end(line), 0
        while offset < end:
            units += 2 if ord(self.text[offset]) > 0xFFFF else 1
            if units > character:
                break
            offset += 1
        return offset

    def from_line_column(self, line: int, column: int) -> tuple[int, int]:
        """The LSP position of a 1-based ``line`` and 1-based code-point ``column`` (a Finding's)."""
        index = min(max(line - 1, 0), len(self._starts) - 1)
        start = self._starts[index]
        offset = min(start + max(column - 1, 0), self._line_end(index) if column > 0 else start)
        # a finding may end just past the line (an unclosed string): keep it on its line
        return index, _utf16_length(self.text[start:offset])
