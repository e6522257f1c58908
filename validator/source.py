"""Load JSON text, keeping the position of every key and value.

Why a decoder of our own for positions
--------------------------------------
The value is decoded by the standard library's :mod:`json`: C speed, well kept, strict RFC 8259
once ``parse_constant`` rejects ``NaN``/``Infinity``; ``object_pairs_hook`` sees duplicate keys,
and the last value wins, as in Jackson.  It gives no positions, and the libraries that do are
slow, unmaintained or heavy: ``json-source-map`` (last release 2022-12, a pure-Python recursive
descent that builds an entry for every value up front, so a 50 MB file is slow and deep nesting
raises ``RecursionError``), ``lark`` (a general Earley/LALR parser, many times slower than the C
decoder, with recursive tree walks), ``tree-sitter-json`` (0.24, 2024-11: fast and
error-tolerant, but a native grammar plus the ``tree-sitter`` binding for a concrete syntax tree
that neither decodes values and escapes nor explains an error beyond an ``ERROR`` node) and the
JSONC/JSON5 document libraries (new, and lenient dialects where strict JSON is needed).

A linter's common case is a clean file in a pre-commit hook, where no position is ever asked
for; so positions are computed **lazily**: the first :meth:`Source.span` builds a
bracket-matching table in one regex pass (strings skipped as whole tokens), and each object or
array on the way to a pointer is enumerated once and cached.  Nothing recurses: a file nested
100,000 levels deep is reported (CE018), not a crash.  When the stdlib parser fails, the
position it gives (the first place where the text cannot be JSON) is explained from the text
around it (trailing comma, comment, smart quotes, the shell's ``'\\''``, ...).  When it cannot
finish (nesting beyond the C recursion limit, integers over Python's ``int_max_str_digits``),
an iterative parser of this module decodes the text instead.

Offsets and lines
-----------------
Every offset this module returns is a 0-based code-point offset into the text of the
**outermost file** (``Source.root.text``), also for an :meth:`Source.embedded` document
(a JSON string inside a JSON string, to any depth): its ``text`` is the decoded string, but
its problems, spans and ``line_col`` are those of the file.  ``line_col`` counts lines the way
editors do: ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line (VS Code and Python's
``splitlines`` agree on a lone ``\\r``); columns count code points, a tab is one column.

Encodings
---------
Bytes are decoded as UTF-8.  A UTF-8 byte order mark is accepted and dropped from ``text``
(an info problem, CE014, since some tools reject it); so is a leading U+FEFF in ``str`` input.
UTF-16 and UTF-32 (with a BOM, or recognised by the RFC 4627 NUL pattern) are decoded, with a
warning (CE015: RFC 8259 requires UTF-8 between systems).  Invalid UTF-8 is an error (CE012) at
the first bad byte; the text is decoded with U+FFFD in its place and still parsed, so the rest
of the file is checked.  A NUL character means "not a text file" (CE013) and nothing is parsed.
Nesting deeper than :data:`MAX_DEPTH` is an error (CE018) and gives ``value=None``, so later
(recursive) stages never see such a document.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from itertools import accumulate, count
from operator import add
from json import JSONDecodeError
from json import loads as _json_loads
from json.decoder import scanstring as _scanstring
from typing import Any, Callable

from .findings import Problem, Severity

__all__ = ["MAX_DEPTH", "RULES", "Source", "load_source"]

MAX_DEPTH = 1000
"""Deepest nesting accepted (Jackson's default ``maxNestingDepth`` since 2.15 is 1000)."""

# Up to 3.11 the C decoder counts its nesting against the recursion limit, so whatever it decodes
# is shallower than that; from 3.12 it has its own, higher limit, and the depth is checked.
_C_DEPTH_BOUNDED = sys.version_info < (3, 12)

_BIG_INT_DIGITS = 100_000  # beyond this an integer is kept as a float (inf), with CE017

# ---------------------------------------------------------------------------------------------
# Rule codes (CE001-CE018).  Plain data, so the registry can build ``Rule`` objects without
# this module importing the rules package.

RULES: tuple[dict[str, str], ...] = (
    {"code": "CE001", "name": "json-syntax", "severity": "error",
     "summary": "The file is not valid JSON",
     "description": "The first place where the text stops being JSON: a missing `,` or `:`, an unexpected "
                    "character, unbalanced brackets, text after the document, a truncated file.",
     "bad": '{"name": "x" "tags": []}', "good": '{"name": "x", "tags": []}'},
    {"code": "CE002", "name": "json-trailing-comma", "severity": "error",
     "summary": "A comma after the last member or element",
     "description": "JSON allows no comma before `}` or `]`. Remove it.",
     "bad": '{"name": "x",}', "good": '{"name": "x"}'},
    {"code": "CE003", "name": "json-comment", "severity": "error",
     "summary": "A `//`, `/* */` or `#` comment",
     "description": "JSON has no comments; the platform rejects the body. Remove the comment.",
     "bad": '{"name": "x" // the instance name\n}', "good": '{"name": "x"}'},
    {"code": "CE004", "name": "json-smart-quotes", "severity": "error",
     "summary": "Typographic quotes instead of `\"`",
     "description": "`“ ” ‘ ’` come from a word processor or a web page; JSON needs straight double quotes.",
     "bad": '{“name”: "x"}', "good": '{"name": "x"}'},
    {"code": "CE005", "name": "json-single-quotes", "severity": "error",
     "summary": "A string in single quotes",
     "description": "JSON strings are written in double quotes; `'...'` is JavaScript or Python.",
     "bad": "{'name': 'x'}", "good": '{"name": "x"}'},
    {"code": "CE006", "name": "json-unquoted", "severity": "error",
     "summary": "An unquoted property name, a bare word or an unfilled placeholder as a value",
     "description": "Property names and string values need double quotes (`{name: x}` is JavaScript).",
     "bad": '{name: "x"}', "good": '{"name": "x"}'},
    {"code": "CE007", "name": "json-unterminated-string", "severity": "error",
     "summary": "A string not closed, or a raw line break or control character inside a string",
     "description": "A string must end on its line with `\"`; write a line break as `\\n` and a tab as `\\t`.",
     "bad": '{"name": "x\n}', "good": '{"name": "x"}'},
    {"code": "CE008", "name": "json-invalid-escape", "severity": "error",
     "summary": "An escape JSON does not know, such as `\\'` from the shell's `'\\''`",
     "description": "JSON escapes are `\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`. A single quote needs no escape; "
                    "`'\\''` is how a shell writes `'` inside `'...'`, not how a file does.",
     "bad": '{"where": "name=\'\\\'\'x\'\\\'\'"}', "good": '{"where": "name=\'x\'"}'},
    {"code": "CE009", "name": "json-non-finite-number", "severity": "error",
     "summary": "`NaN` or `Infinity`",
     "description": "Strict JSON, and the platform, have no NaN or Infinity. Use a number, null, or a string.",
     "bad": '{"pageSize": NaN}', "good": '{"pageSize": 100}'},
    {"code": "CE010", "name": "json-empty", "severity": "error",
     "summary": "An empty file, or only whitespace",
     "description": "There is no JSON document to check.",
     "bad": "", "good": "{}"},
    {"code": "CE011", "name": "json-duplicate-key", "severity": "error",
     "summary": "The same property twice in one object",
     "description": "The platform keeps the last value silently, so the first one is dead text.",
     "bad": '{"name": "a", "name": "b"}', "good": '{"name": "b"}'},
    {"code": "CE012", "name": "invalid-encoding", "severity": "error",
     "summary": "Bytes that are not valid UTF-8 (or not valid in the declared encoding)",
     "description": "JSON is UTF-8. The file was probably saved as Latin-1 or Windows-1252; re-save it as UTF-8.",
     "bad": "", "good": "{}"},
    {"code": "CE013", "name": "binary-file", "severity": "error",
     "summary": "Not a text file (NUL bytes)",
     "description": "The file holds NUL bytes, so it is not JSON text.",
     "bad": '{"a": 1}\x00', "good": '{"a": 1}'},
    {"code": "CE014", "name": "byte-order-mark", "severity": "info",
     "summary": "The file starts with a UTF-8 byte order mark",
     "description": "Accepted here, but some tools reject JSON that starts with a BOM; save without it.",
     "bad": '\ufeff{"a": 1}', "good": '{"a": 1}'},
    {"code": "CE015", "name": "not-utf8", "severity": "warning",
     "summary": "The file is UTF-16 or UTF-32",
     "description": "RFC 8259 requires UTF-8 for JSON exchanged between systems; save the file as UTF-8.",
     "bad": "", "good": "{}"},
    {"code": "CE017", "name": "json-number-too-long", "severity": "warning",
     "summary": f"An integer with more than {_BIG_INT_DIGITS:,} digits",
     "description": "Kept as a float (infinity); no configuration value needs such a number.",
     "bad": "", "good": "{}"},
    {"code": "CE018", "name": "json-too-deep", "severity": "error",
     "summary": f"Nesting deeper than {MAX_DEPTH} levels",
     "description": "Jackson (2.15+) rejects documents nested deeper than 1000 levels by default, and "
                    "recursive tools crash on them; no instance body needs this.",
     "bad": "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "good": "[[]]"},
)

_SEVERITY: dict[str, Severity] = {r["code"]: r["severity"] for r in RULES}  # type: ignore[misc]

# ---------------------------------------------------------------------------------------------
# Regular expressions (all anchored with .match at a position; no backtracking blow-ups).

_WS = re.compile(r"[ \t\n\r]*")
_MEMBER = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\n\r]*:[ \t\n\r]*', re.S)
_SEPARATOR = re.compile(r"[ \t\n\r]*(?:(,)[ \t\n\r]*)?")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# Brackets outside strings: runs of text and of simple strings are skipped in one match each;
# group 1 is an opening bracket, 2 a closing one, 3 a quote that opens an unterminated string.
# No possessive quantifiers: CPython before 3.11.3 (Debian 12's 3.11.2) mismatches nested ones.
# The greedy forms cannot backtrack badly: the first alternative succeeds once it has matched
# anything, and the string alternative's classes are disjoint.
_BRACKETS = re.compile(
    r'(?:[^"\[\]{}]+|"[^"\\\[\]{}]*")+|"[^"\\]*(?:\\.[^"\\]*)*"|([\[{])|([\]}])|(")', re.S)
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null")
_NUMBER = re.compile(r"(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_NONFINITE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|(-?Infinity|NaN)', re.S)
_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.", re.S)
_LINE_END = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"[A-Za-z_$][A-Za-z0-9_$.\-]*")
_INDEX = re.compile(r"0|[1-9][0-9]*")
_PLACEHOLDER = re.compile(
    r"<[^<>\n\"]{1,80}>|\{\{[^{}\n]{0,80}\}\}|\{%[^\n]{0,200}?%\}|\$\{[^{}\n]{0,80}\}")
_MOJIBAKE = re.compile("\u00e2(?:\u0080[\u0098\u0099\u009c\u009d]|\u20ac[\u0153\u009d\u02dc\u2122])")
_LEADING_ZERO = re.compile(r"-?0$")
_MISCLOSED = re.compile(r"[“”‘’„‟][ \t]*[:,]")
_LAST_SMART = re.compile(r"[“”‘’„‟](?=[^“”‘’„‟]*$)")

_SMART = "“”‘’„‟«»"
_NAMES = {"{": "object", "[": "array"}
_CLOSER = {"{": "}", "[": "]"}


# ---------------------------------------------------------------------------------------------
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
        raw = text[start + 1:end - 1]
        self.dec: list[int] = []
        self.raw: list[int] = []
        self.rlen: list[int] = []
        shift = 0
        if "\\" in raw:
            for m in _ESCAPE.finditer(raw):
                r = m.start()
                self.dec.append(r - shift)
                self.raw.append(r)
                size = m.end() - r
                self.rlen.append(size)
                shift += size - 1
        self.length = len(raw) - shift

    def __call__(self, offset: int) -> int:
        d = min(max(offset, 0), self.length)
        k = bisect_right(self.dec, d) - 1
        if k < 0:
            return self.base + d
        if self.dec[k] == d:
            return self.base + self.raw[k]
        return self.base + self.raw[k] + self.rlen[k] + (d - self.dec[k] - 1)


# ---------------------------------------------------------------------------------------------

def _split_pointer(pointer: str) -> list[str]:
    """RFC 6901 reference tokens of ``pointer``; ``ValueError`` when it is malformed."""
    if pointer == "":
        return []
    if not isinstance(pointer, str) or not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer (must be empty or start with '/'): {pointer!r}")
    tokens = pointer[1:].split("/")
    if "~" in pointer:
        out = []
        for token in tokens:
            if re.search(r"~(?![01])", token):
                raise ValueError(f"invalid '~' escape in JSON pointer {pointer!r}")
            out.append(token.replace("~1", "/").replace("~0", "~"))
        return out
    return tokens


def _escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class _NonFinite(Exception):
    pass


def _reject_constant(name: str) -> Any:
    raise _NonFinite(name)


class Source:
    """A loaded JSON document: its text, its value, its problems, and positions on demand.

    ``text`` is this document's own text: the file's (BOM removed) for :func:`load_source`,
    the decoded string for :meth:`embedded`.  Every offset the methods return, and every
    ``Problem`` offset in ``problems``, is an offset into ``root.text`` (the outermost file),
    and :meth:`line_col` takes such an offset.  ``valid`` tells whether the text is a JSON
    document at all (``value`` is ``None`` both for invalid text and for the document ``null``).
    """

    __slots__ = ("text", "path", "value", "valid", "problems", "root", "_parent", "_to_parent", "_literal",
                 "_lines", "_opens", "_closes", "_members", "_maps", "_children")

    def __init__(self, text: str, *, path: str | None = None) -> None:
        self.text = text
        self.path = path
        self.value: Any = None
        self.valid = False  # the text is a JSON document (``value`` may still be None: ``null``)
        self.problems: list[Problem] = []
        self.root: Source = self
        self._parent: Source | None = None
        self._to_parent: Callable[[int], int] | None = None
        self._literal: tuple[int, int] | None = None
        self._lines: list[int] | None = None
        self._opens: list[int] | None = None
        self._closes: list[int] = []
        self._members: dict[int, Any] = {}
        self._maps: dict[int, _StringMap] = {}
        self._children: dict[str, Source] = {}

    def __repr__(self) -> str:
        return (f"Source(path={self.path!r}, chars={len(self.text)}, valid={self.valid}, "
                f"problems={len(self.problems)})")

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
        tokens = _split_pointer(pointer)
        if not self.valid:
            return self._whole()
        _, key_span, value_span = self._locate(tokens)
        start, end = key_span if key and key_span is not None else value_span
        return self._to_file(start), self._to_file(end)

    def string_span(self, pointer: str, start: int, end: int) -> tuple[int, int]:
        """File offsets of the decoded range ``[start, end)`` of the string value at ``pointer``.

        Offsets are mapped through escapes (``\\"``, ``\\u0027``, surrogate pairs): a decoded
        character written as an escape spans the whole escape.  Out-of-range offsets are
        clamped; when the value is missing or not a string, this is :meth:`span`.
        """
        tokens = _split_pointer(pointer)
        if not self.valid:
            return self._whole()
        found, _, (vs, ve) = self._locate(tokens)
        if not found or self.text[vs] != '"':
            return self.span(pointer)
        mapping = self._string_map(vs, ve)
        start = min(max(start, 0), mapping.length)
        end = min(max(end, start), mapping.length)
        return self._to_file(mapping(start)), self._to_file(mapping(end))

    def embedded(self, pointer: str) -> Source:
        """The JSON document inside the string value at ``pointer``.

        Its ``text`` is the decoded string; its ``problems``, ``span``, ``string_span`` and
        ``line_col`` are in this file's offsets and lines (also when embedded twice).  For a
        value that is not a string (``event.poller.configuration`` given as an object), a view
        of that value, so both forms are handled alike.  ``KeyError`` if ``pointer`` is missing.
        """
        tokens = _split_pointer(pointer)
        canonical = "".join("/" + _escape_token(t) for t in tokens)
        child = self._children.get(canonical)
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
        self._children[canonical] = child
        return child

    # -- internals -------------------------------------------------------------------------

    def _attach(self, parent: Source, to_parent: Callable[[int], int], span: tuple[int, int]) -> None:
        self._parent = parent
        self._to_parent = to_parent
        self._literal = span
        self.root = parent.root

    def _to_file(self, offset: int) -> int:
        source: Source = self
        while source._to_parent is not None:
            offset = source._to_parent(offset)
            source = source._parent  # type: ignore[assignment]
        return offset

    def _whole(self) -> tuple[int, int]:
        if self._parent is not None and self._literal is not None:
            vs, ve = self._literal
            return self._parent._to_file(vs), self._parent._to_file(ve)
        return 0, len(self.text)

    def _where(self, offset: int) -> str:
        line, col = self.line_col(self._to_file(offset))
        return f"line {line}, column {col}"

    def _problem(self, rule: str, message: str, start: int, end: int, help: str | None = None) -> Problem:
        if self._parent is not None and not self.text.strip(" \t\n\r") and self._literal is not None:
            vs, ve = self._literal
            fs, fe = self._parent._to_file(vs), self._parent._to_file(ve)
        else:
            fs, fe = self._to_file(start), self._to_file(max(start, end))
        return Problem(rule, message, fs, fe, help, _SEVERITY[rule])

    def _string_map(self, vs: int, ve: int) -> _StringMap:
        mapping = self._maps.get(vs)
        if mapping is None:
            mapping = self._maps[vs] = _StringMap(self.text, vs, ve)
        return mapping

    def _root_start(self) -> int:
        return _WS.match(self.text).end()

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

    def _value_end(self, i: int) -> int:
        text = self.text
        c = text[i]
        if c == '"':
            m = _STRING.match(text, i)
            return m.end() if m else len(text)
        if c == "{" or c == "[":
            return self._close(i) + 1
        m = _SCALAR.match(text, i)
        return m.end() if m else i + 1

    def _enumerate(self, vs: int) -> Any:
        """The members of the object (``(dict, list)`` of ``(key, ks, ke, vs, ve)``) or the
        elements of the array (list of ``(vs, ve)``) that opens at ``vs``; cached."""
        cached = self._members.get(vs)
        if cached is not None:
            return cached
        text, value_end = self.text, self._value_end
        i = _WS.match(text, vs + 1).end()
        if text[vs] == "{":
            by_key: dict[str, tuple[int, int, int, int]] = {}
            members: list[tuple[str, int, int, int, int]] = []
            member, separator = _MEMBER.match, _SEPARATOR.match
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
            result: Any = (by_key, members)
        else:
            elements: list[tuple[int, int]] = []
            separator = _SEPARATOR.match
            while i < len(text) and text[i] != "]":
                ve = value_end(i)
                elements.append((i, ve))
                m = separator(text, ve)
                if m.group(1) is None:
                    break
                i = m.end()
            result = elements
        self._members[vs] = result
        return result

    def _locate(self, tokens: list[str]) -> tuple[bool, tuple[int, int] | None, tuple[int, int]]:
        """(found, key span, value span) of the deepest existing node on the path (local offsets)."""
        vs = self._root_start()
        value_span = (vs, self._value_end(vs))
        key_span: tuple[int, int] | None = None
        text = self.text
        for token in tokens:
            c = text[value_span[0]]
            if c == "{":
                by_key, _ = self._enumerate(value_span[0])
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


# ---------------------------------------------------------------------------------------------
# Loading

def load_source(data: str | bytes, *, path: str | None = None) -> Source:
    """Decode ``data`` (bytes or text) and parse it as JSON; never raises for any input.

    Problems (syntax, duplicates, encoding) are in ``Source.problems``; ``Source.value`` is
    ``None`` when the text is not a JSON document.
    """
    notes: list[tuple[str, str, int, int, str | None]] = []
    binary_at: int | None = None
    if isinstance(data, (bytes, bytearray, memoryview)):
        text, notes, binary_at = _decode(bytes(data))
    elif isinstance(data, str):
        text = data
        if text.startswith("\ufeff"):
            text = text[1:]
            notes.append(("CE014", "the text starts with a byte order mark (U+FEFF); accepted, "
                          "but some JSON tools reject it", 0, 0, "save the file as UTF-8 without a BOM"))
        nul = text.find("\x00")
        if nul >= 0:
            binary_at = nul
    else:
        raise TypeError(f"load_source() takes str or bytes, not {type(data).__name__}")
    source = Source(text, path=path)
    for rule, message, start, end, fix in notes:
        source.problems.append(Problem(rule, message, start, end, fix, _SEVERITY[rule]))
    if binary_at is not None:
        source.problems.append(Problem(
            "CE013", f"not a text file: NUL character at line {source.line_col(binary_at)[0]}, "
                     f"column {source.line_col(binary_at)[1]}", binary_at, binary_at + 1,
            "check that this is the JSON file you meant; binary files cannot be checked", "error"))
        return source
    try:
        _analyse(source)
    except Exception as error:  # a last guard: a linter must report, never crash
        source.value, source.valid = None, False
        source.problems.append(Problem(
            "CE001", f"internal error while reading the JSON ({type(error).__name__}: {error}); please report it",
            0, 0, None, "error"))
    return source


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
)


def _decode(data: bytes) -> tuple[str, list[tuple[str, str, int, int, str | None]], int | None]:
    """Text, notes (offsets into the text) and the offset of a NUL (binary) if any."""
    notes: list[tuple[str, str, int, int, str | None]] = []
    codec, label, body = "utf-8", "UTF-8", data
    for bom, name, shown in _BOMS:
        if data.startswith(bom):
            codec, label, body = name, shown, data[len(bom):]
            if name == "utf-8":
                notes.append(("CE014", "the file starts with a UTF-8 byte order mark; accepted, "
                              "but some JSON tools reject it", 0, 0, "save the file as UTF-8 without a BOM"))
            else:
                notes.append(("CE015", f"the file is encoded as {shown}; JSON exchanged between systems "
                              "must be UTF-8 (RFC 8259, section 8.1)", 0, 0, "save the file as UTF-8"))
            break
    else:
        if b"\x00" in data[:4] and len(data) >= 2:
            head = data[:4]
            guess = None
            if len(head) >= 4 and head[:3] == b"\x00\x00\x00" and head[3]:
                guess = ("utf-32-be", "UTF-32 BE")
            elif len(head) >= 4 and head[0] and head[1:4] == b"\x00\x00\x00":
                guess = ("utf-32-le", "UTF-32 LE")
            elif head[0] == 0 and head[1]:
                guess = ("utf-16-be", "UTF-16 BE")
            elif head[0] and head[1] == 0:
                guess = ("utf-16-le", "UTF-16 LE")
            if guess is not None:
                try:
                    text = data.decode(guess[0])
                except UnicodeDecodeError:
                    text = None
                if text is not None and "\x00" not in text:
                    notes.append(("CE015", f"the file is encoded as {guess[1]} (without a byte order mark); "
                                  "JSON exchanged between systems must be UTF-8 (RFC 8259, section 8.1)",
                                  0, 0, "save the file as UTF-8"))
                    return text, notes, None
    if codec == "utf-8":
        nul = body.find(b"\x00")
        if nul >= 0:
            text = body.decode("utf-8", "replace")
            return text, notes, len(body[:nul].decode("utf-8", "replace"))
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        text = body.decode(codec, "replace")
        offset = len(body[:error.start].decode(codec, "replace"))
        bad = body[error.start:error.end]
        byte_offset = error.start + (len(data) - len(body))
        hint = ("the file was probably saved as Latin-1 or Windows-1252; re-save it as UTF-8"
                if codec == "utf-8" else "re-save the file as UTF-8")
        shown = " ".join(f"0x{b:02X}" for b in bad[:4])
        notes.append(("CE012", f"invalid {label}: byte {shown} at byte offset {byte_offset} "
                      f"({error.reason}); shown as U+FFFD", offset, offset + 1, hint))
    nul = text.find("\x00")
    return text, notes, (nul if nul >= 0 else None)


def _analyse(source: Source) -> None:
    """Parse ``source.text``: set ``value`` and append syntax and duplicate-key problems."""
    text = source.text
    dup_objects: list[dict] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict:
        d = dict(pairs)
        if len(d) != len(pairs):
            dup_objects.append(d)
        return d

    try:
        value = _json_loads(text, object_pairs_hook=hook, parse_constant=_reject_constant)
    except JSONDecodeError as error:
        source.problems.append(_diagnose(source, _kind(error.msg), error.pos))
        return
    except _NonFinite:
        m = next((m for m in _NONFINITE.finditer(text) if m.group(1)), None)
        start, end = (m.start(1), m.end(1)) if m else (0, len(text))
        source.problems.append(_diagnose(source, "nonfinite", start, end))
        return
    except (RecursionError, ValueError, MemoryError):
        dup_objects.clear()
        value, error_at = _iterparse(source, text, hook)
        if error_at is not None:
            source.problems.append(error_at)
            return
    else:
        if (not _C_DEPTH_BOUNDED or sys.getrecursionlimit() > MAX_DEPTH) and \
                text.count("[") + text.count("{") > MAX_DEPTH and source._build_brackets() > MAX_DEPTH:
            opens, closes = source._opens or [], source._closes
            at = _deep_offset(opens, closes)
            source.problems.append(source._problem(
                "CE018", f"the document is nested more than {MAX_DEPTH} levels deep", at, at + 1,
                "flatten the structure; no Cloud Elements body is nested this deep"))
            return
    source.value = value
    source.valid = True
    if dup_objects:
        _report_duplicates(source, dup_objects)


def _deep_offset(opens: list[int], closes: list[int]) -> int:
    """Offset of the first bracket that opens nesting level ``MAX_DEPTH + 1``."""
    stack: list[int] = []
    for start, end in zip(opens, closes):
        while stack and stack[-1] < start:
            stack.pop()
        stack.append(end)
        if len(stack) > MAX_DEPTH:
            return start
    return opens[0] if opens else 0


def _report_duplicates(source: Source, dup_objects: list[dict]) -> None:
    wanted = {id(d) for d in dup_objects}
    found: list[str] = []
    stack: list[tuple[Any, str]] = [(source.value, "")]
    while stack and len(found) < len(wanted):
        node, pointer = stack.pop()
        if isinstance(node, dict):
            if id(node) in wanted:
                found.append(pointer)
            stack.extend((v, f"{pointer}/{_escape_token(k)}") for k, v in node.items()
                         if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((v, f"{pointer}/{i}") for i, v in enumerate(node) if isinstance(v, (dict, list)))
    problems = []
    for pointer in found:
        found_ok, _, (vs, _) = source._locate(_split_pointer(pointer))
        if not found_ok or source.text[vs] != "{":
            continue
        _, members = source._enumerate(vs)
        first: dict[str, int] = {}
        for key, ks, ke, _, _ in members:
            if key in first:
                line, col = source.line_col(source._to_file(first[key]))
                problems.append(source._problem(
                    "CE011", f"duplicate key {_show(key)}: already set at line {line}, column {col}; "
                             "the platform silently keeps only the last value",
                    ks, ke, "remove one of the two; the value that counts is the last one"))
            else:
                first[key] = ks
    problems.sort(key=lambda p: p.start)
    source.problems.extend(problems)


def _show(key: str, limit: int = 60) -> str:
    shown = key if len(key) <= limit else key[:limit] + "…"
    return "`\"" + shown.replace("`", "'") + "\"`"


# ---------------------------------------------------------------------------------------------
# The iterative parser: used only when the C parser cannot finish (deep nesting, huge integers).

# The stdlib decoder's message prefixes, mapped to the kinds of error this module explains.
_MESSAGE_KINDS = (("Expecting value", "value"), ("Expecting property name", "key"), ("Expecting ':'", "colon"),
                  ("Expecting ','", "comma"), ("Illegal trailing comma", "trailing"),
                  ("Unterminated string", "unterminated"), ("Invalid control character", "control"),
                  ("Invalid \\u", "uescape"), ("Invalid \\escape", "escape"), ("Extra data", "extra"))


def _kind(msg: str) -> str:
    return next((kind for prefix, kind in _MESSAGE_KINDS if msg.startswith(prefix)), "value")
    if msg.startswith("Expecting property name"):
        return "key"
    if msg.startswith("Expecting ':'"):
        return "colon"
    if msg.startswith("Expecting ','"):
        return "comma"
    if msg.startswith("Illegal trailing comma"):
        return "trailing"
    if msg.startswith("Unterminated string"):
        return "unterminated"
    if msg.startswith("Invalid control character"):
        return "control"
    if msg.startswith("Invalid \\u"):
        return "uescape"
    if msg.startswith("Invalid \\escape"):
        return "escape"
    if msg.startswith("Extra data"):
        return "extra"
    return "value"


def _to_int(digits: str) -> int | float:
    try:
        return int(digits)
    except ValueError:
        pass
    negative = digits.startswith("-")
    body = digits.lstrip("-")
    if len(body) > _BIG_INT_DIGITS:
        return float(digits)

    def convert(s: str) -> int:
        if len(s) <= 2000:
            return int(s)
        half = len(s) // 2
        return convert(s[:half]) * 10 ** (len(s) - half) + convert(s[half:])

    result = convert(body)
    return -result if negative else result


def _iterparse(source: Source, text: str, hook: Callable[[list], dict]) -> tuple[Any, Problem | None]:
    """Decode ``text`` without recursion; (value, None) or (None, the first problem)."""
    n = len(text)
    ws = _WS.match
    number = _NUMBER.match
    # a frame is [is_object, container, pending key]
    stack: list[list[Any]] = []
    i = ws(text, 0).end()
    huge_at: int | None = None

    def fail(kind: str, at: int, end: int | None = None) -> tuple[Any, Problem]:
        return None, _diagnose(source, kind, at, end)

    while True:
        if i >= n:
            return fail("value", i)
        c = text[i]
        if c == "{" or c == "[":
            if len(stack) >= MAX_DEPTH:
                return None, source._problem(
                    "CE018", f"the document is nested more than {MAX_DEPTH} levels deep", i, i + 1,
                    "flatten the structure; no Cloud Elements body is nested this deep")
            j = ws(text, i + 1).end()
            if c == "{":
                if j < n and text[j] == "}":
                    value: Any = hook([])
                    i = j + 1
                else:
                    if j >= n or text[j] != '"':
                        return fail("key", j)
                    try:
                        key, j = _scanstring(text, j + 1)
                    except JSONDecodeError as error:
                        return fail(_kind(error.msg), error.pos)
                    j = ws(text, j).end()
                    if j >= n or text[j] != ":":
                        return fail("colon", j)
                    stack.append([True, [], key])
                    i = ws(text, j + 1).end()
                    continue
            else:
                if j < n and text[j] == "]":
                    value = []
                    i = j + 1
                else:
                    stack.append([False, [], None])
                    i = j
                    continue
        elif c == '"':
            try:
                value, i = _scanstring(text, i + 1)
            except JSONDecodeError as error:
                return fail(_kind(error.msg), error.pos)
        else:
            m = number(text, i)
            if m is not None:
                integer, frac, exp = m.groups()
                if frac or exp:
                    value = float(m.group())
                else:
                    value = _to_int(integer)
                    if isinstance(value, float) and huge_at is None:
                        huge_at = i
                i = m.end()
            elif text.startswith("true", i):
                value, i = True, i + 4
            elif text.startswith("false", i):
                value, i = False, i + 5
            elif text.startswith("null", i):
                value, i = None, i + 4
            elif text.startswith("NaN", i):
                return fail("nonfinite", i, i + 3)
            elif text.startswith("Infinity", i):
                return fail("nonfinite", i, i + 8)
            elif text.startswith("-Infinity", i):
                return fail("nonfinite", i, i + 9)
            else:
                return fail("value", i)
        # a value is complete: hand it to the enclosing containers
        while True:
            i = ws(text, i).end()
            if not stack:
                if i != n:
                    return fail("extra", i)
                if huge_at is not None:
                    end = number(text, huge_at)
                    source.problems.append(source._problem(
                        "CE017", f"integer with more than {_BIG_INT_DIGITS:,} digits; kept as infinity",
                        huge_at, end.end() if end else huge_at + 1, "use a realistic number"))
                return value, None
            frame = stack[-1]
            c = text[i] if i < n else ""
            if frame[0]:
                frame[1].append((frame[2], value))
                if c == ",":
                    j = ws(text, i + 1).end()
                    if j >= n or text[j] != '"':
                        return fail("key", j)
                    try:
                        key, j = _scanstring(text, j + 1)
                    except JSONDecodeError as error:
                        return fail(_kind(error.msg), error.pos)
                    j = ws(text, j).end()
                    if j >= n or text[j] != ":":
                        return fail("colon", j)
                    frame[2] = key
                    i = ws(text, j + 1).end()
                    break
                if c == "}":
                    value = hook(frame[1])
                    stack.pop()
                    i += 1
                    continue
                return fail("comma", i)
            frame[1].append(value)
            if c == ",":
                i = ws(text, i + 1).end()
                break
            if c == "]":
                value = frame[1]
                stack.pop()
                i += 1
                continue
            return fail("comma", i)


# ---------------------------------------------------------------------------------------------
# Explaining a syntax error

def _char(c: str) -> str:
    if not c:
        return "the end of the file"
    if c == "`":
        return "a backtick"
    if c.isprintable() and not c.isspace():
        return f"`{c}`"
    return f"U+{ord(c):04X}"


def _visible(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def _line_end(text: str, i: int) -> int:
    m = _LINE_END.search(text, i)
    return m.start() if m else len(text)


def _prev_nonspace(text: str, i: int) -> int:
    """Offset just after the last non-whitespace character before ``i``."""
    j = i
    while j > 0 and text[j - 1] in " \t\r\n":
        j -= 1
    return j


def _string_start(text: str, end: int) -> int:
    """Offset of the quote opening the string whose content runs up to ``end``."""
    j = end
    while True:
        j = text.rfind('"', 0, j)
        if j <= 0:
            return max(j, 0)
        k = j
        while k > 0 and text[k - 1] == "\\":
            k -= 1
        if (j - k) % 2 == 0:
            return j


def _prefix_state(text: str, pos: int) -> tuple[list[int], int | None, tuple[int, int] | None]:
    """Open brackets, the start of an unclosed string, and the string ending just before ``pos``
    (ignoring whitespace).  Valid because the text before an error position is a JSON prefix."""
    stack: list[int] = []
    push, pop = stack.append, stack.pop
    opened: int | None = None
    for m in _BRACKETS.finditer(text, 0, pos):
        group = m.lastindex
        if group == 1:
            push(m.start())
        elif group == 2:
            if stack:
                pop()
        elif group == 3:
            opened = m.start()
            break
    last: tuple[int, int] | None = None
    if opened is None:
        prev_end = _prev_nonspace(text, pos)
        if prev_end > 0 and text[prev_end - 1] == '"':
            last = (_string_start(text, prev_end - 1), prev_end)
    return stack, opened, last


def _comment(source: Source, start: int) -> Problem | None:
    text = source.text
    if text.startswith("//", start) or text.startswith("#", start):
        end = _line_end(text, start)
        kind = "`//`" if text[start] == "/" else "`#`"
        return source._problem("CE003", f"JSON does not allow comments ({kind} comment)", start, end,
                               "remove the comment; JSON has no comments")
    if text.startswith("/*", start):
        close = text.find("*/", start + 2)
        end = len(text) if close < 0 else close + 2
        return source._problem("CE003", "JSON does not allow comments (`/* */` comment)", start, end,
                               "remove the comment; JSON has no comments")
    return None


def _smart(source: Source, start: int) -> Problem:
    text = source.text
    stop = _line_end(text, start)
    end = start + 1
    for j in range(start + 1, stop):
        if text[j] in _SMART or text[j] == '"':
            end = j + 1
            break
    return source._problem(
        "CE004", f"typographic quote {_char(text[start])} instead of a straight double quote `\"` "
                 "(text pasted from a word processor or a web page?)",
        start, end, "replace `“ ” ‘ ’` with `\"`")


def _single(source: Source, start: int, what: str) -> Problem:
    text = source.text
    close = text.find("'", start + 1, _line_end(text, start))
    end = close + 1 if close > 0 else start + 1
    return source._problem("CE005", f"{what} in single quotes: JSON strings use double quotes", start, end,
                           "write `\"...\"` instead of `'...'`")


def _placeholder(source: Source, start: int) -> Problem | None:
    text = source.text
    m = _PLACEHOLDER.match(text, start)
    if m is None:
        return None
    return source._problem(
        "CE006", f"unfilled placeholder `{m.group()}` where a JSON value is expected",
        start, m.end(), "replace the placeholder with the real value (in double quotes if it is a string)")


def _eof(source: Source, stack: list[int], expected: str) -> Problem:
    text = source.text
    at = _prev_nonspace(text, len(text))
    if stack:
        opener = stack[-1]
        message = (f"unexpected end of file: expected {expected}; the {_NAMES[text[opener]]} opened at "
                   f"{source._where(opener)} is never closed")
        fix = f"add the missing `{_CLOSER[text[opener]]}` (or restore the truncated end of the file)"
    else:
        message = f"unexpected end of file: expected {expected}"
        fix = "restore the truncated end of the file"
    return source._problem("CE001", message, at, at, fix)


def _diagnose(source: Source, kind: str, pos: int, end: int | None = None) -> Problem:
    """The problem for a syntax error of ``kind`` at ``pos`` (where the text stops being JSON)."""
    text = source.text
    n = len(text)
    pos = min(max(pos, 0), n)
    c = text[pos] if pos < n else ""

    if kind == "nonfinite":
        token = text[pos:end]
        return source._problem("CE009", f"`{token}` is not valid JSON: strict JSON and the platform have no "
                                        "NaN or Infinity", pos, end or pos + 1,
                               "use a number or null, or quote it as a string")
    if kind == "trailing":
        closer = text[_WS.match(text, pos + 1).end():][:1]
        return source._problem("CE002", f"trailing comma before {_char(closer)}: JSON allows no comma "
                                        "after the last item", pos, pos + 1, "remove the comma")
    if kind in ("escape", "uescape"):
        start = pos if c == "\\" else max(pos - 1, 0)
        if kind == "uescape":
            return source._problem(
                "CE008", f"invalid escape `{text[start:start + 6]}`: `\\u` must be followed by four "
                         "hexadecimal digits", start, min(start + 6, _line_end(text, start)),
                "write `\\\\u` for a literal backslash-u, or complete the four hex digits")
        escape = text[start:start + 2]
        if escape == "\\'":
            if text[start - 1:start + 3] == "'\\''":
                return source._problem(
                    "CE008", "the shell's `'\\''` is inside the JSON: `\\'` is not a JSON escape (a shell "
                             "writes `'` inside `'...'` as `'\\''`, but the file must not)",
                    start - 1, start + 3, "write a plain `'` in the file")
            return source._problem("CE008", "`\\'` is not a JSON escape: a single quote needs no escape",
                                   start, start + 2, "write a plain `'`")
        if start + 1 >= n:
            return source._problem("CE007", "the file ends inside a string, right after a `\\`", start,
                                   start + 1, "close the string with `\"`")
        return source._problem(
            "CE008", f"`{escape}` is not a JSON escape (JSON knows `\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`)",
            start, start + 2, f"double the backslash to keep it literally: `\\{escape}`")
    if kind == "unterminated":
        hint = ""
        if text.endswith('\\"') or text.rstrip(" \t\r\n").endswith('\\"'):
            hint = " (the `\\` before the last `\"` escapes it)"
        return source._problem("CE007", f"the string that starts here is never closed: the file ends inside "
                                        f"it{hint}", pos, max(pos + 1, _line_end(text, pos)),
                               "close the string with `\"`")
    if kind == "control":
        _, opened, _ = _prefix_state(text, pos)
        if c in "\r\n":
            start = opened if opened is not None else pos
            return source._problem(
                "CE007", f"the string that starts at {source._where(start)} is not closed on its line: a "
                         "closing `\"` is missing, or a line break inside a string must be written `\\n`",
                start, pos, "close the string with `\"`, or write the line break as `\\n`")
        if c == "\t":
            return source._problem("CE007", "raw tab character inside a string", pos, pos + 1,
                                   "write the tab as `\\t`")
        return source._problem("CE007", f"raw control character U+{ord(c or ' '):04X} inside a string", pos,
                               pos + 1, f"write it as `\\u{ord(c or ' '):04x}`")

    # the structural kinds: value, key, colon, comma, extra
    stack, _, last = _prefix_state(text, pos)
    prev_end = _prev_nonspace(text, pos)
    prev = text[prev_end - 1] if prev_end > 0 else ""
    prev_string = last if last is not None and last[1] == prev_end else None

    if kind in ("value", "key") and not text.strip(" \t\r\n"):
        what = "the string is empty" if source._parent is not None else (
            "the file is empty" if not text else "the file holds only whitespace")
        return source._problem("CE010", f"{what}: expected a JSON document", 0, 0,
                               "put the JSON document here")
    if not c:
        expected = {"value": "a value", "key": "a property name in double quotes", "colon": "`:`",
                    "comma": "`,` or a closing bracket", "extra": "nothing"}.get(kind, "more")
        return _eof(source, stack, expected)

    comment = _comment(source, pos)
    if comment is not None:
        return comment
    if c in _SMART:
        return _smart(source, pos)
    garbled = _MOJIBAKE.match(text, pos)
    if garbled is not None:
        return source._problem(
            "CE004", f"garbled typographic quote `{_visible(garbled.group())}` (a `“ ” ‘ ’` whose UTF-8 bytes "
                     "were read as Latin-1 or Windows-1252) instead of a straight double quote `\"`",
            pos, garbled.end(),
            "replace it with `\"`")
    if prev_string is not None and kind in ("colon", "comma", "extra"):
        # a string closed by a typographic quote runs on: `"idField”: "id"` is the string `idField”: `
        inner = text[prev_string[0] + 1:prev_string[1] - 1]
        misclosed = _MISCLOSED.search(inner)
        if misclosed is None and pos == prev_end:
            misclosed = _LAST_SMART.search(inner)
        if misclosed is not None:
            return _smart(source, prev_string[0] + 1 + misclosed.start())
    if c == "\\" and text[pos + 1:pos + 2] in ('"', "n", "t", "r"):
        return source._problem(
            "CE001", f"`{text[pos:pos + 2]}` outside a string: the text looks like a JSON document still escaped "
                     "as a string (copied from inside `\"...\"`)", pos, pos + 2,
            "unescape it (`\\\"` becomes `\"`, `\\n` a line break), or put it back inside a JSON string")
    if c == "\\":
        after = _WS.match(text, pos + 1).end()
        if "\n" in text[pos + 1:after] or "\r" in text[pos + 1:after] or after >= n:
            return source._problem(
                "CE001", "backslash outside a string: a shell line continuation (`\\` at the end of a line) "
                         "was copied into the JSON", pos, pos + 1, "remove the `\\`")
        return source._problem("CE001", "unexpected `\\` outside a string", pos, pos + 1,
                               "remove it, or put it inside a string as `\\\\`")
    if c in ",]}" and prev == "," and kind in ("value", "key") and c != ",":
        return source._problem("CE002", f"trailing comma before {_char(c)}: JSON allows no comma after the "
                                        "last item", prev_end - 1, prev_end, "remove the comma")

    if kind in ("value", "key"):
        if c == "'":
            return _single(source, pos, "a property name" if kind == "key" else "a string")
        found = _placeholder(source, pos)
        if found is None and c == "{" and prev == "{" and kind == "key":
            found = _placeholder(source, prev_end - 1)
        if found is not None:
            return found
        word = _WORD.match(text, pos)
        if kind == "key":
            if word is not None:
                return source._problem(
                    "CE006", f"property name `{word.group()}` must be in double quotes", pos, word.end(),
                    f"write `\"{word.group()}\"`")
            if c == ",":
                return source._problem("CE001", "unexpected `,`: expected a property name (two commas in a "
                                                "row, or a comma right after `{`)", pos, pos + 1,
                                       "remove the extra comma")
            if c in "]":
                opener = stack[-1] if stack else None
                where = f" opened at {source._where(opener)}" if opener is not None else ""
                return source._problem("CE001", f"`]` closes the object{where}, which needs `}}`",
                                       pos, pos + 1, "close the object with `}`")
            return source._problem("CE001", f"expected a property name in double quotes, found {_char(c)}",
                                   pos, pos + 1, "write the property name as `\"name\"`")
        # kind == "value"
        if word is not None:
            token = word.group()
            if token in ("True", "False", "None"):
                json_word = {"True": "true", "False": "false", "None": "null"}[token]
                return source._problem("CE006", f"`{token}` is Python, not JSON: JSON writes `{json_word}`",
                                       pos, word.end(), f"write `{json_word}`")
            if token.lower() in ("nan", "infinity", "inf", "-infinity"):
                return source._problem("CE009", f"`{token}` is not valid JSON: JSON has no NaN or Infinity",
                                       pos, word.end(), "use a number or null, or quote it as a string")
            if token == "undefined":
                return source._problem("CE006", "`undefined` is JavaScript, not JSON", pos, word.end(),
                                       "write `null`, or leave the property out")
            return source._problem(
                "CE006", f"bare word `{token}` is not a JSON value (a variable from code?); strings need "
                         "double quotes", pos, word.end(), f"write `\"{token}\"`")
        if c == ",":
            what = ("after `:`" if prev == ":" else "before the first element" if prev == "["
                    else "between two commas")
            return source._problem("CE001", f"missing value {what}", pos, pos + 1,
                                   "write the value, or remove the extra comma")
        if c in "]}":
            if stack and _CLOSER[text[stack[-1]]] != c:
                name = _NAMES[text[stack[-1]]]
                return source._problem(
                    "CE001", f"{_char(c)} does not close the {name} opened at {source._where(stack[-1])}: it "
                             f"needs `{_CLOSER[text[stack[-1]]]}`", pos, pos + 1,
                    f"close the {name} with `{_CLOSER[text[stack[-1]]]}` first")
            if prev == ":":
                return source._problem("CE001", f"missing value after `:` before {_char(c)}", pos, pos + 1,
                                       "write the value")
            return source._problem("CE001", f"unexpected {_char(c)}: expected a value", pos, pos + 1,
                                   "write the value")
        if c == "+":
            return source._problem("CE001", "a JSON number cannot start with `+`", pos, pos + 1,
                                   "remove the `+`")
        if c == ".":
            return source._problem("CE001", "a JSON number needs a digit before `.` (write `0.5`, not `.5`)",
                                   pos, pos + 1, "add a leading `0`")
        if c == "-":
            return source._problem("CE001", "`-` must be followed by a digit", pos, pos + 1,
                                   "write the number, or quote the text")
        return source._problem(
            "CE001", f"unexpected {_char(c)}: expected a value (a string in double quotes, a number, an "
                     "object, an array, true, false or null)", pos, pos + 1, "write a JSON value here")

    if kind == "colon":
        key = text[prev_string[0]:prev_string[1]] if prev_string else "the property name"
        if c == "=":
            return source._problem("CE001", f"`=` after {key}: JSON separates a name from its value with `:`",
                                   pos, pos + 1, "write `:`")
        if c in ",}":
            return source._problem(
                "CE001", f"{key} has no value: expected `:` and a value (a list of strings needs `[ ]`, "
                         "not `{ }`)", pos, pos + 1, "write `: value`, or use an array `[ ... ]`")
        if prev_string is not None and pos == prev_end and c not in " \t\r\n":
            return source._problem(
                "CE001", f"unexpected {_char(c)} right after {key}: a `\"` inside a property name must be "
                         "escaped as `\\\"`", prev_end - 1, prev_end, "escape the inner quote as `\\\"`")
        return source._problem("CE001", f"missing `:` after {key}", prev_end, prev_end,
                               "write `:` between the property name and its value")

    if kind == "extra":
        top = _WS.match(text).end()
        where = source._where(prev_end - 1) if prev_end > 0 else "the start"
        if c in "]}":
            return source._problem(
                "CE001", f"unmatched {_char(c)}: the document already ended at {where} (one closing bracket "
                         "too many, or an opening one missing)", pos, pos + 1, f"remove the extra {_char(c)}")
        if c == ":" and text[top:top + 1] == '"':
            return source._problem(
                "CE001", "`:` after a top-level string: the enclosing `{ }` of the object are missing", pos,
                pos + 1, "wrap the members in `{ ... }`")
        if c == ",":
            return source._problem(
                "CE001", f"`,` after the end of the document (it ended at {where}): several values need an "
                         "enclosing array, or the document has a stray comma", pos, pos + 1,
                "remove the comma, or wrap the values in `[ ... ]`")
        if c in "{[\"":
            return source._problem(
                "CE001", f"a second JSON value starts here, after the document that ended at {where}; a "
                         "file holds one document", pos, pos + 1,
                "keep one document, or wrap them in `[ ... ]` separated by commas")
        return source._problem("CE001", f"unexpected {_char(c)} after the end of the document (it ended at "
                                        f"{where})", pos, pos + 1, "remove the extra text")

    # kind == "comma": after a complete value inside an object or an array
    container = text[stack[-1]] if stack else "{"
    closer = _CLOSER[container]
    name = _NAMES[container]
    opener = f" opened at {source._where(stack[-1])}" if stack else ""
    if c in "]}" and c != closer:
        return source._problem("CE001", f"{_char(c)} does not close the {name}{opener}: it needs `{closer}`",
                               pos, pos + 1, f"write `{closer}`")
    if c == "'":
        return source._problem("CE001", f"stray `'` after the value inside the {name}{opener}", pos, pos + 1,
                               "remove the `'`, or put the value in double quotes")
    if prev_string is not None and pos == prev_end and (c.isalnum() or c in '"<_$'):
        shown = text[prev_string[0]:prev_string[1]]
        if len(shown) > 40:
            shown = shown[:18] + "…" + shown[-18:]
        return source._problem(
            "CE001", f"unexpected {_char(c)} right after the string `{shown}`: a `\"` inside a string must be "
                     "escaped as `\\\"` (or a `,` is missing)", prev_end - 1, prev_end,
            "escape the inner quote as `\\\"`, or add the missing `,`")
    number_before = _LEADING_ZERO.search(text, max(0, prev_end - 2), prev_end)
    if c.isdigit() and number_before is not None and pos == prev_end:
        start = number_before.start()
        stop = _SCALAR.match(text, start)
        return source._problem("CE001", "a JSON number cannot have leading zeros", start,
                               stop.end() if stop else pos + 1,
                               "remove the leading zeros, or quote it if it is an identifier")
    if c == "." and pos == prev_end and prev.isdigit():
        return source._problem("CE001", "a JSON number cannot end with `.`", pos, pos + 1,
                               "add a digit after the `.`, or remove it")
    if c == ";":
        return source._problem("CE001", "`;` instead of `,`", pos, pos + 1, "write `,`")
    if c == '"' or c in "{[-0123456789" or _WORD.match(text, pos):
        item = "members" if container == "{" else "elements"
        line_note = ""
        if "\n" in text[prev_end:pos] or "\r" in text[prev_end:pos]:
            line_note = f" at the end of line {source.line_col(source._to_file(prev_end))[0]}"
        return source._problem("CE001", f"missing `,` between {item} of the {name}{line_note}",
                               prev_end, prev_end, "add `,` after the value")
    return source._problem("CE001", f"expected `,` or `{closer}` after the value in the {name}{opener}, "
                                    f"found {_char(c)}", pos, pos + 1, f"write `,` or `{closer}`")
