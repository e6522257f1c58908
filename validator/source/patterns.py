"""Regular expressions of the loader (all anchored with ``.match`` at a position)."""

from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern

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
_BRACKETS = LazyPattern(
    r'(?:[^"\[\]{}]+|"[^"\\\[\]{}]*")+|"[^"\\]*(?:\\.[^"\\]*)*"|([\[{])|([\]}])|(")', re.S)
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null")
_NUMBER = re.compile(r"(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_NONFINITE = LazyPattern(r'"[^"\\]*(?:\\.[^"\\]*)*"|(-?Infinity|NaN)', re.S)
_ESCAPE = LazyPattern(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.", re.S)
_LINE_END = re.compile(r"\r\n|\r|\n")
_WORD = LazyPattern(r"[A-Za-z_$][A-Za-z0-9_$.\-]*")
_INDEX = LazyPattern(r"0|[1-9][0-9]*")
_MOJIBAKE = LazyPattern("\u00e2(?:\u0080[\u0098\u0099\u009c\u009d]|\u20ac[\u0153\u009d\u02dc\u2122])")
_LEADING_ZERO = LazyPattern(r"-?0$")
_MISCLOSED = LazyPattern(r"[“”‘’„‟][ \t]*[:,]")
_LAST_SMART = LazyPattern(r"[“”‘’„‟](?=[^“”‘’„‟]*$)")

_SMART = "“”‘’„‟«»″＂〝〞"  # (a double prime and the full-width and CJK quotes: pasted as quotes too)
_NAMES = {"{": "object", "[": "array"}
_CLOSER = {"{": "}", "[": "]"}
