"""The first layer of a poller URL: macros, templating leftovers, ``{{...}}`` placeholders and plain text.

:func:`lex_url` splits a URL into pieces with one run token (:mod:`validator.lexing`: a regex match or a macro scan
per piece, no backtracking); :func:`atomic_spans` and :func:`mask` give the spans that
quote-counting and the CEQL grammar must treat as one value.  Shared by
:mod:`validator.urls.template` and :mod:`validator.urls.ceql`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_pattern import LazyPattern
from ..lexing import RunToken, run_token

__all__ = [
    "DATE_KINDS",
    "EPOCH_UNITS",
    "MACRO_HEAD",
    "MACRO_KINDS",
    "MACRO_TAIL",
    "ZONE_KINDS",
    "Piece",
    "atomic_spans",
    "lex_url",
    "mask",
]

#: Every macro descriptor the platform substitutes, in the spelling it expects.
MACRO_KINDS: tuple[str, ...] = ("gmtDate", "date", "dateTimeZone", "now", "nowTimeZone", "epoch", "milliseconds")
#: Where a macro starts (`${gmtDate:`, `${epoch}`): in a value that is not a URL, a sign it was put in the wrong place.
MACRO_START = LazyPattern(r"\$\{(?:" + "|".join(MACRO_KINDS) + r")\b")
#: A macro written in a template's double braces (`{{gmtDate:yyyy-MM-dd}}`): the platform substitutes only `${...}`.
BRACED_MACRO = LazyPattern(r"\{\{[ \t]*+(?P<body>(?:" + "|".join(MACRO_KINDS) + r"):[^{}]*+)\}\}")  # (body: blanks stripped)
#: Descriptors whose argument is a SimpleDateFormat pattern.
DATE_KINDS = frozenset({"gmtDate", "date", "dateTimeZone", "now", "nowTimeZone"})
ZONE_KINDS = frozenset({"dateTimeZone", "nowTimeZone"})
#: ``${epoch:UNIT}`` units: seconds, milliseconds (the default), microseconds.
EPOCH_UNITS: tuple[str, ...] = ("s", "ms", "us")
#: What a masked macro looks like: its first character, then one of these per further character.
MACRO_HEAD, MACRO_TAIL = "\ue000", "\ue001"

#: (kind, text, start, end); kinds: macro, unterminated, leftover, nobrace, placeholder, text.
Piece = tuple[str, str, int, int]
ATOMIC = frozenset({"macro", "leftover", "nobrace"})


_BRACE_EVENT = re.compile(r"\$\{|[{}']")  # what changes the scan; the characters between are skipped
# A deployment's variable inside a macro (`${dateTimeZone:${VENDOR_TZ}:...}`: the zone filled in as the body is
# deployed), not a macro of the platform's: read as part of the macro holding it
_NESTED_VARIABLE = re.compile(r"\$\{(?!(?:" + "|".join(MACRO_KINDS) + r")\b)[A-Za-z_][\w.\-]*+\}")


def _closing_brace(text: str, body_start: int, *, quote_aware: bool) -> int | None:
    """Index of the ``}`` closing a macro whose body starts at ``body_start`` (one nested level allowed)."""
    if not quote_aware:  # the usual macro has no brace inside: its first '}' closes it (what the scan finds first)
        first = text.find("}", body_start)
        if first != -1 and text.find("{", body_start, first) == -1:
            return first
    depth, in_quote, skip_to = 0, False, body_start
    for event in _BRACE_EVENT.finditer(text, body_start):
        c = event.group()
        if event.start() < skip_to:
            continue  # inside a deployment's variable
        if c == "'":
            if quote_aware:
                in_quote = not in_quote
        elif in_quote:
            continue
        elif c == "${":
            variable = _NESTED_VARIABLE.match(text, event.start())
            if variable is None:
                return None
            skip_to = variable.end()
        elif c == "{":
            depth += 1
        elif depth == 0:
            return event.start()
        else:
            depth -= 1
    return None


def _macro_end(text: str, body_start: int) -> int | None:
    """Offset just after a macro's ``}``; None when the macro is unterminated."""
    first = _closing_brace(text, body_start, quote_aware=False)
    if first is None:
        return None
    if text.count("'", body_start, first) % 2 == 0:
        return first + 1
    later = _closing_brace(text, body_start, quote_aware=True)
    if later is not None and later > first:
        return later + 1
    return first + 1


_PIECE = re.compile(
    r"(?P<text>[^$#{]+)"
    r"|(?P<nobrace>\$(?!\{)[A-Za-z][^${}\s&]*\})"
    r"|(?P<placeholder>\{\{[^{}]*\}\})"
    r"|(?P<char>[$#{])"
)
_OPENERS = (("${", "macro"), ("#{'$'}{", "leftover"))


def _piece_at(text: str, loc: int) -> Piece:
    """The piece starting at ``loc``: a macro ``${...}`` (ended as :func:`_macro_end` says), a leftover
    ``#{'$'}{...}``, an unterminated opener, or a regex piece (text, ``$...}``, ``{{...}}``, one character)."""
    for opener, name in _OPENERS if text[loc] in "$#" else ():  # (an opener starts with one of these)
        if text.startswith(opener, loc):
            end = _macro_end(text, loc + len(opener))
            if end is None:
                return "unterminated", opener, loc, loc + len(opener)
            return name, text[loc:end], loc, end
    m = _PIECE.match(text, loc)
    assert m is not None  # the last alternative matches any of the characters the first one stops at
    name = m.lastgroup or "char"
    return "text" if name == "char" else name, m.group(), loc, m.end()


@lru_cache(maxsize=1)
def _lexer() -> RunToken[Piece]:
    """A pyparsing token for the whole run of pieces (one regex match or one macro scan per piece)."""
    def step(text: str, loc: int) -> tuple[Piece, int]:
        piece = _piece_at(text, loc)
        return piece, piece[3]

    return run_token(step, what="a URL piece")


def lex_url(text: str) -> list[tuple[str, str, int, int]]:
    """Every :data:`Piece` of ``text``, in order; they cover the text."""
    return _lexer().scan(text)


def atomic_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that quote-counting must treat as one value: macros, leftovers, ``$...}``."""
    return [(s, e) for name, _, s, e in lex_url(text) if name in ATOMIC]




def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by ``\\ue000`` then ``\\ue001``s (same length)."""
    parts: list[str] = []
    last = 0
    for s, e in spans:  # the usual case, spans in order and apart: joined slices
        if s < last or e <= s or e > len(text):
            return _mask_each(text, spans)
        parts += (text[last:s], MACRO_HEAD, MACRO_TAIL * (e - s - 1))
        last = e
    parts.append(text[last:])
    return "".join(parts)


def _mask_each(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        chars[s] = MACRO_HEAD
        for i in range(s + 1, e):
            chars[i] = MACRO_TAIL
    return "".join(chars)
