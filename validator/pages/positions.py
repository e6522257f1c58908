"""Offsets of a text cut out of a page (a code block, a curl body) mapped back to the page.

A :class:`PositionMap` records, for every character of a derived text, where it begins and
ends in the page.  Most characters are copied (a page character of their own); some stand for
more page text (the ``'`` that the shell writes ``'\\''``, a Liquid variable's value standing
for ``{{ page.elementKey }}``); removed text (indentation, the shell's quotes) has no character.
A start offset maps to where its character begins, an end offset to where the character before
it ends, so a range over a substituted value covers the whole tag in the page, and columns
after it on the same line are the page's own.

This is what ``--fix`` needs too: an edit ``[start, end)`` in a block is the page edit
``[to_page(start), to_page(end, end=True))``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class PositionMap:
    """Where each character of a derived text is in its parent text (0-based code-point offsets).

    ``starts[i]`` / ``ends[i]`` are the parent offsets where character ``i`` begins and ends;
    ``starts`` has one more entry, the offset of the end of the text.  The parent is the page,
    or, when ``outer`` is set, the text that ``outer`` maps to the page (a curl body inside a
    block): offsets go through both, only when asked for.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    outer: PositionMap | None = None

    def to_page(self, offset: int, *, end: bool = False) -> int:
        """The page offset of ``offset`` in the derived text (clamped to it).

        With ``end=True`` the offset ends a range: it maps to the end of the character before
        it, so a range over a substituted value covers the whole text it stands for.
        """
        offset = min(max(offset, 0), len(self.ends))
        local = self.ends[offset - 1] if end and offset > 0 else self.starts[offset]
        return local if self.outer is None else self.outer.to_page(local, end=end)

    def copied(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is the page's own text, character for character (no substitution, no
        quoting, nothing removed inside), so that an edit there is the same edit of the page; an empty
        range asks about the place ``start``."""
        if not 0 <= start <= end <= len(self.ends):
            return False
        starts, ends = self.starts, self.ends
        if start == end:
            ok = start == len(ends) or ends[start] == starts[start] + 1
            local = starts[start]
            return ok and (self.outer is None or self.outer.copied(local, local))
        for i in range(start, end):
            if ends[i] != starts[i] + 1 or (i > start and starts[i] != ends[i - 1]):
                return False
        return self.outer is None or self.outer.copied(starts[start], ends[end - 1])

    def then(self, outer: PositionMap) -> PositionMap:
        """This map followed by ``outer`` (a text cut out of a text cut out of the page)."""
        return PositionMap(self.starts, self.ends, outer if self.outer is None else self.outer.then(outer))


class TextBuilder:
    """Builds a derived text and its :class:`PositionMap` piece by piece."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._tail = 0
        self._quoting = (0, False, False)  # parts read for in_string: how many, inside a string, after its backslash

    def copy(self, text: str, at: int) -> None:
        """Append ``text``, which is the page's own text at offset ``at``."""
        self._parts.append(text)
        self._starts.extend(range(at, at + len(text)))
        self._ends.extend(range(at + 1, at + len(text) + 1))
        self._tail = at + len(text)

    def stand_for(self, text: str, start: int, end: int) -> None:
        """Append ``text``, which stands for the page text ``[start, end)`` (a substitution, an escape)."""
        self._parts.append(text)
        self._starts.extend([start] * len(text))
        self._ends.extend([end] * len(text))
        self._tail = end

    def in_string(self) -> bool:
        """Whether the text built so far ends inside a JSON string (a `"` not closed)."""
        read, inside, escaped = self._quoting
        for part in self._parts[read:]:  # (each part read once, however often this is asked)
            for char in part:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = inside
                elif char == '"':
                    inside = not inside
        self._quoting = (len(self._parts), inside, escaped)
        return inside

    def last_visible(self) -> str:
        """The last character appended that is not a blank ("" when none)."""
        for part in reversed(self._parts):
            stripped = part.rstrip(" \t\r\n")
            if stripped:
                return stripped[-1]
        return ""

    def skip_to(self, at: int) -> None:
        """Page text up to ``at`` is left out; the end of the text is now there."""
        self._tail = at

    def build(self, *, end: int | None = None) -> tuple[str, PositionMap]:
        """The text and its map; ``end`` is the page offset of the end of the text (default: after the last piece)."""
        tail = self._tail if end is None else end
        return "".join(self._parts), PositionMap(starts=(*self._starts, tail), ends=tuple(self._ends))


def line_starts(text: str) -> list[int]:
    """Offsets where lines begin, counting lines as ``validator.source`` does (``\\n``, ``\\r\\n``, lone ``\\r``)."""
    return [0, *(m.end() for m in _LINE_END.finditer(text))]


def offset_of(starts: list[int], line: int, column: int) -> int:
    """The offset of 1-based ``(line, column)`` in a text whose :func:`line_starts` are ``starts``."""
    line = min(max(line, 1), len(starts))
    return starts[line - 1] + max(column, 1) - 1


def line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of ``offset``."""
    index = bisect_right(starts, max(offset, 0)) - 1
    return index + 1, offset - starts[index] + 1
