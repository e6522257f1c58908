"""``Source``: a loaded document with lazily computed positions of every key and value."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, count
from json import JSONDecoder
from json import dumps as _dumps
from json.scanner import make_scanner
from operator import add
from typing import TYPE_CHECKING, Any, Callable, cast
from weakref import WeakValueDictionary

from ..findings import Edit, Fix, Problem
from ..lazy_pattern import LazyPattern
from .codes import _SEVERITY
from .offsets import _Shift, _StringMap
from .parse import _analyse
from .patterns import (
    _BRACKETS,
    _INDEX,
    _LINE_END,
    _MEMBER,
    _SCALAR,
    _SEPARATOR,
    _STRING,
    _WS,
)
from .pointers import _escape_token, _split_pointer

if TYPE_CHECKING:  # pragma: no cover

    # json.decoder re-exports it, but typeshed does not say so
    from _json import scanstring as _scanstring
else:
    from json.decoder import scanstring as _scanstring

# `_WS` and `_SEPARATOR` match the empty string, so their matches are never None
_ws = cast("Callable[[str, int], re.Match[str]]", _WS.match)
_separator = cast("Callable[[str, int], re.Match[str]]", _SEPARATOR.match)
# The C decoder reading one value at an offset: (the value, where it ends); made of a decoder, as JSONDecoder makes its
# own (typeshed types what it is made of as a scanner)
_scan_value = make_scanner(cast("make_scanner", JSONDecoder()))
# How many times its length a document's containers may be read again by `_scan_value` before its brackets are
# matched once instead: a walk reads each level's containers again, so a pointer 900 levels deep would be quadratic.
_RESCANS = 4

_ByKey = dict[str, tuple[int, int, int, int]]  # members by key: (key start, key end, value start, value end)
_Members = list[tuple[str, int, int, int, int]]  # and in order, each with its key


class Source:
    """A loaded JSON document: its text, its value, its problems, and positions on demand.

    ``text`` is this document's own text: the file's (BOM removed) for :func:`load_source`,
    the decoded string for :meth:`embedded`.  Every offset the methods return, and every
    ``Problem`` offset in ``problems``, is an offset into ``root.text`` (the outermost file),
    and :meth:`line_col` takes such an offset.  ``valid`` tells whether the text is a JSON
    document at all (``value`` is ``None`` both for invalid text and for the document ``null``).
    """

    # No slot refers back to its own Source or to a child (``_children`` is weak), so a document is freed as soon
    # as it is dropped, not by the cycle collector: a batch of files leaves nothing for it to walk.
    __slots__ = ("text", "path", "value", "valid", "problems", "_root", "_parent", "_to_parent", "_literal",
                 "_lines", "_opens", "_closes", "_scanned", "_root_span", "_unique_keys", "_members", "_places",
                 "_maps", "_styles", "_children", "__weakref__")

    def __init__(self, text: str, *, path: str | None = None) -> None:
        self.text = text
        self.path = path
        self.value: Any = None
        self.valid = False  # the text is a JSON document (``value`` may still be None: ``null``)
        self.problems: list[Problem] = []
        self._root: Source | None = None  # the outermost file's Source; None for that file itself
        self._parent: Source | None = None
        self._to_parent: Callable[[int], int] | None = None
        self._literal: tuple[int, int] | None = None
        self._lines: list[int] | None = None
        self._opens: list[int] | None = None
        self._closes: list[int] = []
        self._root_span: tuple[int, int] | None = None
        self._scanned = 0  # characters `_container_end` had the C decoder read (-1: it failed, brackets are matched)
        self._unique_keys = False  # no object of the text writes a key twice (the loader says so)
        self._members: dict[int, Any] = {}
        self._places: dict[str, tuple[bool, tuple[int, int] | None, tuple[int, int]]] = {}
        self._maps: dict[int, _StringMap] = {}
        self._styles: dict[int, tuple[str, bool]] = {}  # by a literal's start: how it writes its escapes
        self._children: WeakValueDictionary[str, Source] | None = None  # made by the first embedded() (few ask)

    def __repr__(self) -> str:
        return (f"Source(path={self.path!r}, chars={len(self.text)}, valid={self.valid}, "
                f"problems={len(self.problems)})")

    @property
    def root(self) -> Source:
        """The Source of the outermost file (``self`` for the file itself)."""
        return self._root if self._root is not None else self

    # -- lines -----------------------------------------------------------------------------

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset; columns count code points, a tab is one."""
        root = self.root
        lines = root._lines
        if lines is None:
            lines = root._lines = _line_starts(root.text)
        offset = min(max(offset, 0), len(root.text))
        index = bisect_right(lines, offset) - 1
        # an offset between the \r and \n of one line end belongs to the line it ends
        return index + 1, offset - lines[index] + 1

    def offset_at(self, line: int, column: int) -> int:
        """The file offset of a 1-based ``line`` and ``column`` (the inverse of :meth:`line_col`), clamped to the text."""
        root = self.root
        lines = root._lines
        if lines is None:
            lines = root._lines = _line_starts(root.text)
        index = min(max(line, 1), len(lines)) - 1
        return min(lines[index] + max(column, 1) - 1, len(root.text))

    # -- pointers --------------------------------------------------------------------------

    def has(self, pointer: str) -> bool:
        """Whether ``pointer`` (RFC 6901) exists in the decoded value."""
        if not self.valid:
            return False
        found, _ = _walk_value(self.value, _split_pointer(pointer))
        return found

    def span(self, pointer: str, *, key: bool = False) -> tuple[int, int]:
        """File offsets ``[start, end)`` of the value at ``pointer``, or of its key with ``key=True``.

        For a missing pointer: the span of the deepest existing ancestor (its key with
        ``key=True``).  ``key=True`` on the root or an array element gives the value.  On a
        document that is not valid JSON: the whole document (for an embedded one, the string
        literal holding it).
        """
        if not self.valid:
            return self._whole()
        _, key_span, value_span = self._place(pointer)
        start, end = key_span if key and key_span is not None else value_span
        return self._to_file(start), self._to_file(end)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """The file offsets of ``[start, end)`` of this document's own ``text`` (an embedded one's decoded text)."""
        return self._to_file(start), self._to_file(max(start, end))

    def string_span(self, pointer: str, start: int, end: int) -> tuple[int, int]:
        """File offsets of the decoded range ``[start, end)`` of the string value at ``pointer``.

        Offsets are mapped through escapes (``\\"``, ``\\u0027``, surrogate pairs): a decoded
        character written as an escape spans the whole escape.  Out-of-range offsets are
        clamped; when the value is missing or not a string, this is :meth:`span`.
        """
        if not self.valid:
            return self._whole()
        found, _, (vs, ve) = self._place(pointer)
        if not found or self.text[vs] != '"':
            return self.span(pointer)
        mapping = self._string_map(vs, ve)
        start = min(max(start, 0), mapping.length)
        end = min(max(end, start), mapping.length)
        return self._to_file(mapping(start)), self._to_file(mapping(end))

    def escape_for_file(self, pointer: str, text: str) -> str:
        """``text`` written as it must appear in the file to sit inside the string value at ``pointer``.

        JSON-escaped once for that string (quotes, backslashes, control characters; other characters
        as they are, or as that string writes them: `\\u0022`, `\\/`), and once more for each string the document
        itself is embedded in (a stringified poller configuration), as that string writes them.  ``KeyError`` if ``pointer`` is missing, ``ValueError`` if its value is
        not a string.
        """
        found, _, (vs, ve) = self._place(pointer) if self.valid else (False, None, (0, 0))
        if not found:
            raise KeyError(pointer)
        if self.text[vs] != '"':
            raise ValueError(f"{pointer}: not a string")
        return _escape_string(_escape_like(text, self._escape_style(vs, ve)), self)

    def embedded(self, pointer: str) -> Source:
        """The JSON document inside the string value at ``pointer``.

        Its ``text`` is the decoded string; its ``problems``, ``span``, ``string_span`` and
        ``line_col`` are in this file's offsets and lines (also when embedded twice).  For a
        value that is not a string (``event.poller.configuration`` given as an object), a view
        of that value, so both forms are handled alike.  ``KeyError`` if ``pointer`` is missing.
        """
        tokens = _split_pointer(pointer)
        canonical = "".join("/" + _escape_token(t) for t in tokens)
        child = self._children.get(canonical) if self._children is not None else None
        if child is not None:
            return child
        if not self.valid:
            raise KeyError(pointer)
        found, _, (vs, ve) = self._locate(tokens)
        if not found:
            raise KeyError(pointer)
        if self.text[vs] == '"':
            mapping = self._string_map(vs, ve)
            decoded = _scanstring(self.text, vs + 1)[0]
            child = Source(decoded, path=self.path)
            child._attach(self, mapping, (vs, ve))
            _analyse(child)
        else:
            child = Source(self.text[vs:ve], path=self.path)
            child._attach(self, _Shift(vs), (vs, ve))
            child.value = _walk_value(self.value, tokens)[1]
            child.valid = True
            child._unique_keys = self._unique_keys
        if self._children is None:
            self._children = WeakValueDictionary()
        self._children[canonical] = child
        return child

    # -- edits -----------------------------------------------------------------------------

    def edit(self, start: int, end: int, replacement: str) -> Edit:
        """An :class:`Edit` of the file replacing ``[start, end)`` of this document's own ``text``.

        ``replacement`` is JSON text of this document (for the file itself: as is); inside an
        embedded string it is escaped once for each string it sits in.
        """
        return Edit(self._to_file(start), self._to_file(end), _escape_string(replacement, self))

    # -- internals -------------------------------------------------------------------------

    def _attach(self, parent: Source, to_parent: Callable[[int], int], span: tuple[int, int]) -> None:
        self._parent = parent
        self._to_parent = to_parent
        self._literal = span
        self._root = parent.root

    def _to_file(self, offset: int) -> int:
        source: Source = self
        while source._to_parent is not None:
            offset = source._to_parent(offset)
            source = source._parent  # type: ignore[assignment]  # a source with _to_parent has a parent
        return offset

    def _whole(self) -> tuple[int, int]:
        if self._parent is not None and self._literal is not None:
            vs, ve = self._literal
            return self._parent._to_file(vs), self._parent._to_file(ve)
        return 0, len(self.text)

    def _where(self, offset: int) -> str:
        line, col = self.line_col(self._to_file(offset))
        return f"line {line}, column {col}"

    def _problem(self, rule: str, message: str, start: int, end: int, help: str | None = None,
                 fix: Fix | None = None) -> Problem:
        """A problem at ``[start, end)`` of this text, in file offsets; ``fix`` edits this text."""
        if self._parent is not None and not self.text.strip(" \t\n\r") and self._literal is not None:
            vs, ve = self._literal
            fs, fe = self._parent._to_file(vs), self._parent._to_file(ve)
        else:
            fs, fe = self._to_file(start), self._to_file(max(start, end))
        if fix is not None:
            fix = Fix(fix.message, tuple(self.edit(e.start, e.end, e.replacement) for e in fix.edits),
                      fix.applicability)
        return Problem(rule, message, fs, fe, help, _SEVERITY[rule], fix)

    def _escape_style(self, vs: int, ve: int) -> tuple[str, bool]:
        """:func:`_escape_style` of the literal at ``[vs, ve)``, read once (a URL of 100,000 zero-width spaces has as
        many fixes, each escaped as its literal writes: reading the literal for each was quadratic)."""
        style = self._styles.get(vs)
        if style is None:
            style = self._styles[vs] = _escape_style(self.text[vs:ve])
        return style

    def _string_map(self, vs: int, ve: int) -> _StringMap:
        mapping = self._maps.get(vs)
        if mapping is None:
            mapping = self._maps[vs] = _StringMap(self.text, vs, ve)
        return mapping

    def _root_start(self) -> int:
        return _ws(self.text, 0).end()

    def _close(self, start: int) -> int:
        """Offset of the bracket closing the container that opens at ``start``."""
        if self._opens is None:
            self._build_brackets()
        opens = self._opens
        assert opens is not None
        index = bisect_right(opens, start) - 1
        return self._closes[index]

    def _build_brackets(self) -> int:
        """Match every bracket outside strings (one regex pass); returns the deepest nesting."""
        text = self.text
        opens: list[int] = []
        closes: list[int] = []
        stack: list[int] = []
        deepest = 0
        append_open, append_close, push, pop = opens.append, closes.append, stack.append, stack.pop
        for m in _BRACKETS.finditer(text):
            group = m.lastindex
            if group == 1:
                push(len(opens))
                append_open(m.start())
                append_close(-1)
                if len(stack) > deepest:
                    deepest = len(stack)
            elif group == 2 and stack:
                closes[pop()] = m.start()
        self._opens, self._closes = opens, closes
        return deepest

    def _container_end(self, i: int) -> int:
        """The end of the container that opens at ``i``: read by the C decoder, about eight times cheaper than matching
        every bracket of the document (a regex pass and a Python step per bracket) while the reading stays within
        ``_RESCANS`` times the text; then, or when the decoder cannot (nesting deeper than its recursion limit, an
        integer too long to convert), from the bracket table."""
        if self._opens is None and 0 <= self._scanned <= _RESCANS * len(self.text):
            try:
                end = _scan_value(self.text, i)[1]
            except (RecursionError, ValueError, StopIteration):
                self._scanned = -1
            else:
                self._scanned += end - i
                return end
        return self._close(i) + 1

    def _value_end(self, i: int) -> int:
        text = self.text
        c = text[i]
        if c == '"':
            m = _STRING.match(text, i)
            return m.end() if m else len(text)
        if c == "{" or c == "[":
            return self._container_end(i)
        m = _SCALAR.match(text, i)
        return m.end() if m else i + 1

    def _enumerate(self, vs: int) -> Any:
        """The members of the object (``(dict, list)`` of ``(key, ks, ke, vs, ve)``) or the
        elements of the array (list of ``(vs, ve)``) that opens at ``vs``; cached."""
        if self.text[vs] == "{":
            return self._object_members(vs)
        cached = self._members.get(vs)
        if cached is not None:
            return cached
        text, value_end, separator = self.text, self._value_end, _separator
        i = _ws(text, vs + 1).end()
        elements: list[tuple[int, int]] = []
        while i < len(text) and text[i] != "]":
            ve = value_end(i)
            elements.append((i, ve))
            m = separator(text, ve)
            if m.group(1) is None:
                break
            i = m.end()
        self._members[vs] = elements
        return elements

    def _object_members(self, vs: int, wanted: str | None = None) -> tuple[_ByKey, _Members]:
        """The members of the object that opens at ``vs`` (by key, and in order), read as far as ``wanted`` when the
        document writes no key twice (its first is then its only one: a finding's walk reads the members before
        it, not the whole object), else all of them; what is read is kept, and read on from."""
        state: tuple[_ByKey, _Members, list[int]] | None = self._members.get(vs)
        if state is None:  # (the list: where reading goes on, -1 once the object is read)
            state = self._members[vs] = ({}, [], [_ws(self.text, vs + 1).end()])
        by_key, members, resume = state
        i = resume[0]
        if i < 0 or wanted is not None and self._unique_keys and wanted in by_key:
            return by_key, members
        text, value_end, member, separator = self.text, self._value_end, _MEMBER.match, _separator
        while True:
            m = member(text, i)  # `"key" :` and the whitespace after it
            if m is None:
                break
            ks, ke, i = m.start(), m.end(1) + 1, m.end()
            key = m.group(1)
            if "\\" in key:
                key = _scanstring(text, ks + 1)[0]
            ve = value_end(i)
            by_key[key] = (ks, ke, i, ve)
            members.append((key, ks, ke, i, ve))
            m = separator(text, ve)  # whitespace, and a comma if another member follows
            if m.group(1) is None:
                break
            i = m.end()
            if key == wanted and self._unique_keys:
                resume[0] = i
                return by_key, members
        resume[0] = -1
        return by_key, members

    def _place(self, pointer: str) -> tuple[bool, tuple[int, int] | None, tuple[int, int]]:
        """:meth:`_locate` of ``pointer``, remembered: a string with thousands of findings (a hostile URL) is placed
        once, not walked to from the root for each."""
        place = self._places.get(pointer)
        if place is None:
            place = self._places[pointer] = self._locate(_split_pointer(pointer))
        return place

    def _locate(self, tokens: list[str]) -> tuple[bool, tuple[int, int] | None, tuple[int, int]]:
        """(found, key span, value span) of the deepest existing node on the path (local offsets)."""
        value_span = self._root_span
        if value_span is None:
            # (a valid document's value ends where its trailing whitespace starts: nothing to read for it)
            value_span = self._root_span = (self._root_start(), len(self.text.rstrip(" \t\n\r")))
        key_span: tuple[int, int] | None = None
        text = self.text
        for token in tokens:
            c = text[value_span[0]]
            if c == "{":
                by_key, _ = self._object_members(value_span[0], token)
                hit = by_key.get(token)
                if hit is None:
                    return False, key_span, value_span
                key_span, value_span = (hit[0], hit[1]), (hit[2], hit[3])
            elif c == "[":
                elements = self._enumerate(value_span[0])
                if not _INDEX.fullmatch(token) or int(token) >= len(elements):
                    return False, key_span, value_span
                key_span, value_span = None, elements[int(token)]
            else:
                return False, key_span, value_span
        return True, key_span, value_span


def _escape_string(text: str, source: Source) -> str:
    """``text`` escaped as JSON string content once for each string ``source`` is embedded in (``"`` and ``\\`` and
    controls), as each string writes them (:func:`_escape_style`)."""
    while source._parent is not None:
        if isinstance(source._to_parent, _StringMap) and source._literal is not None:
            vs, ve = source._literal
            text = _escape_like(text, source._parent._escape_style(vs, ve))
        source = source._parent
    return text


# What a JSON writer escapes where it need not: .NET's System.Text.Json writes `"` as `\u0022` and `'`, `<`, `>`, `&`,
# `+` as `\u0027`... (HTML-safe), PHP's json_encode writes `/` as `\/`. A fix writes them as the string around it does.
_STYLED = "\"'<>&+/"
_ESCAPE = LazyPattern(r"\\(?:u([0-9a-fA-F]{4})|(.))", re.S)


def _escape_style(literal: str) -> tuple[str, bool]:
    """How the string ``literal`` (as written, quotes included) writes what a writer may escape: the characters of
    :data:`_STYLED` it writes only escaped, and whether it writes its hex digits in capitals (`\\u003C`)."""
    if "\\" not in literal:
        return "", False
    short: set[str] = set()  # written `\\"`, `\\/`
    coded: set[str] = set()  # written `\\u0022`
    upper = lower = False
    for match in _ESCAPE.finditer(literal, 1, len(literal) - 1):
        digits, other = match.groups()
        if digits is None:
            short.add(other)
        else:
            coded.add(chr(int(digits, 16)))
            upper = upper or digits != digits.lower()
            lower = lower or digits != digits.upper()
    raw = _ESCAPE.sub("", literal[1:-1])
    # (`"` written `\\u0022` is System.Text.Json's default encoder, which writes `'<>&+` so too: one seen is enough)
    dotnet = '"' in coded and '"' not in short
    styled = [c for c in _STYLED if (c in coded or dotnet and c in "'<>&+") and c not in short and c not in raw]
    if "/" in short and "/" not in raw:
        styled.append("/")
    return "".join(styled), upper or dotnet and not lower


def _escape_like(text: str, style: tuple[str, bool]) -> str:
    """``text`` escaped as JSON string content, the characters ``style`` names written escaped (`\\u0022`, `\\/`)."""
    written: str = _dumps(text, ensure_ascii=False)[1:-1]
    chars, upper = style
    for char in chars:
        if char == "/":
            written = written.replace("/", "\\/")
        elif char in written:  # (`"` only ever stands escaped, `\\"`, in what json writes)
            escape = f"\\u{ord(char):04X}" if upper else f"\\u{ord(char):04x}"
            written = written.replace('\\"', escape) if char == '"' else written.replace(char, escape)
    return written


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start: after each ``\\n``, ``\\r\\n`` or lone ``\\r``."""
    if "\r" in text:
        lines = [0]
        lines.extend(m.end() for m in _LINE_END.finditer(text))
        return lines
    # the common case, at C speed: line k starts after the lengths of lines 0..k-1 plus k newlines
    lines = [0]
    lines.extend(map(add, accumulate(map(len, text.split("\n"))), count(1)))
    lines.pop()
    return lines


def _walk_value(value: Any, tokens: list[str]) -> tuple[bool, Any]:
    for token in tokens:
        if isinstance(value, dict):
            if token not in value:
                return False, None
            value = value[token]
        elif isinstance(value, list):
            if not _INDEX.fullmatch(token) or int(token) >= len(value):
                return False, None
            value = value[int(token)]
        else:
            return False, None
    return True, value
