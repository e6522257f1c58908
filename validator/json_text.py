"""JSON text indented by two spaces, exactly as ``json.dumps(value, indent=2)`` writes it, in half its time.

Before Python 3.13 the standard library's C encoder cannot indent, so ``json.dumps(..., indent=2)`` runs its
pure-Python encoder: about 29 us for a corpus body, which :func:`validator.check` serialises before checking a
dict, and most of a JSON or SARIF report's writing.  :func:`indented` writes the plain JSON types (``dict`` with
``str`` keys, ``list``, ``tuple``, ``str``, ``int``, finite ``float``, ``bool``, ``None``) with the C string
encoder and string joins; for anything else (a subclass, a key of another type, ``nan``, a reference cycle, a
document too deep to recurse) it returns what ``json.dumps`` returns, or raises what it raises.  From Python 3.13 on
the C encoder indents, and is used as it is.
"""

from __future__ import annotations

import json
import sys
from json.encoder import encode_basestring, encode_basestring_ascii
from collections.abc import Mapping, Sequence
from typing import Any, Callable

from .lazy_pattern import LazyPattern

__all__ = ["compact", "indented", "shown_safely"]

_C_INDENTS = sys.version_info >= (3, 13)


class _NotPlain(Exception):
    """A value of a type :func:`indented` leaves to ``json.dumps``."""


def indented(value: Any, *, ensure_ascii: bool = True) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=ensure_ascii)``; any other mapping (``MappingProxyType``,
    ``ChainMap``) is written as a dict, any other sequence (``UserList``) as a list."""
    if _C_INDENTS:
        try:
            return json.dumps(value, indent=2, ensure_ascii=ensure_ascii, default=_as_plain)
        except ValueError:  # an int past int_max_str_digits, which _write writes: JSON holds any number of digits
            pass
    parts: list[str] = []
    try:
        _write(value, "", parts.append, encode_basestring_ascii if ensure_ascii else encode_basestring)
    except (_NotPlain, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=ensure_ascii, default=_as_plain)
    return "".join(parts)


# a line break of indented() and the indentation after it: its comma, if any, is json.dumps's ", " (a JSON text holds no
# line break inside a string: it writes one `\n`)
_LINE_BREAK = LazyPattern(r"(,?)\n *")


def compact(value: Any, *, ensure_ascii: bool = True) -> str:
    """``json.dumps(value, ensure_ascii=ensure_ascii)``, however many digits an int has: ``json.dumps`` refuses one of
    more than 4,300 (``int_max_str_digits``), which a file may hold (a message quoting a value must not fail)."""
    try:
        return json.dumps(value, ensure_ascii=ensure_ascii)
    except ValueError:
        pass
    return _LINE_BREAK.sub(lambda brk: ", " if brk.group(1) else "", indented(value, ensure_ascii=ensure_ascii))


_NOT_ASCII = LazyPattern(r"[^\x00-\x7f]")


def shown_safely(text: str) -> str:
    """JSON ``text`` written with ``ensure_ascii=False``, each character of it that is not printable (a bidirectional
    override or a zero-width space in a file name, a lone surrogate) written as its ``\\u`` escape: the same value
    for the program that reads it, and nothing that reorders or hides what a terminal shows of the file.  (JSON's
    own escapes already write the control characters.)"""
    if text.isascii():
        return text
    return _NOT_ASCII.sub(lambda char: char.group() if char.group().isprintable() else json.dumps(char.group())[1:-1],
                          text)


def _as_plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray)):
        return list(value)
    raise TypeError(f"a value of type {type(value).__name__} is no JSON value")


def _int_text(number: int) -> str:
    """``number``'s decimal digits, however many: ``repr`` refuses more than ``sys.get_int_max_str_digits()``
    (4,300), and a file holding such a number is read, so a decoded document holding one is written as a file would
    be (``validator.check`` of a dict: CE206 for a refresh interval, as for the file)."""
    try:
        return int.__repr__(number)
    except ValueError:
        pass
    sign, number = ("-", -number) if number < 0 else ("", number)

    def digits(value: int, width: int) -> str:  # `value` in exactly `width` digits (0 <= value < 10 ** width)
        if width <= 2000:
            return int.__repr__(value).zfill(width)
        low = width // 2
        high, rest = divmod(value, 10 ** low)
        return digits(high, width - low) + digits(rest, low)

    width = int(number.bit_length() * 0.30102999566398120) + 1  # log10(2): at most one digit too many
    return sign + digits(number, width).lstrip("0")


def _write(node: Any, indent: str, append: Callable[[str], None], quote: Callable[[str], str]) -> None:
    kind = type(node)
    if kind is str:
        append(quote(node))
    elif kind is dict:
        if not node:
            append("{}")
            return
        inner = indent + "  "
        separator = "{\n" + inner
        for key, child in node.items():
            if type(key) is not str:
                raise _NotPlain
            append(separator + quote(key) + ": ")
            separator = ",\n" + inner
            _write(child, inner, append, quote)
        append("\n" + indent + "}")
    elif kind is list or kind is tuple:
        if not node:
            append("[]")
            return
        inner = indent + "  "
        separator = "[\n" + inner
        for child in node:
            append(separator)
            separator = ",\n" + inner
            _write(child, inner, append, quote)
        append("\n" + indent + "]")
    elif node is None:
        append("null")
    elif node is True:
        append("true")
    elif node is False:
        append("false")
    elif kind is int:
        append(_int_text(node))
    elif kind is float:  # nan and the infinities as json.dumps writes them (a file's `1e400` is one, beside a huge int)
        append(float.__repr__(node) if node - node == 0 else "NaN" if node != node
               else "Infinity" if node > 0 else "-Infinity")
    else:
        raise _NotPlain
