"""The iterative parser: used only when the C parser cannot finish (deep nesting, huge integers)."""

from __future__ import annotations

from json import JSONDecodeError
from typing import TYPE_CHECKING, Any, Callable, cast

from ..findings import Problem
from .diagnose import _diagnose
from .limits import _BIG_INT_DIGITS, MAX_DEPTH
from .patterns import _NUMBER, _WS

if TYPE_CHECKING:  # pragma: no cover
    import re

    # json.decoder re-exports it, but typeshed does not say so
    from _json import scanstring as _scanstring

    from .document import Source
else:
    from json.decoder import scanstring as _scanstring

# The iterative parser: used only when the C parser cannot finish (deep nesting, huge integers).

# The stdlib decoder's message prefixes, mapped to the kinds of error this module explains.
_MESSAGE_KINDS = (("Expecting value", "value"), ("Expecting property name", "key"), ("Expecting ':'", "colon"),
                  ("Expecting ','", "comma"), ("Illegal trailing comma", "trailing"),
                  ("Unterminated string", "unterminated"), ("Invalid control character", "control"),
                  ("Invalid \\u", "uescape"), ("Invalid \\escape", "escape"), ("Extra data", "extra"))


def _kind(msg: str) -> str:
    return next((kind for prefix, kind in _MESSAGE_KINDS if msg.startswith(prefix)), "value")


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
        scale: int = 10 ** (len(s) - half)  # a non-negative power: an int (typeshed says Any)
        return convert(s[:half]) * scale + convert(s[half:])

    result = convert(body)
    return -result if negative else result


def _iterparse(
    source: Source, text: str, hook: Callable[[list[tuple[str, Any]]], dict[str, Any]],
) -> tuple[Any, Problem | None]:
    """Decode ``text`` without recursion; (value, None) or (None, the first problem)."""
    n = len(text)
    ws = cast("Callable[[str, int], re.Match[str]]", _WS.match)  # `_WS` matches "", so never None
    number = _NUMBER.match
    # a frame is [is_object, container, pending key]
    stack: list[list[Any]] = []
    i = ws(text, 0).end()
    huge_at: int | None = None

    def fail(kind: str, at: int, end: int | None = None) -> tuple[Any, Problem]:
        return None, _diagnose(source, kind, at, end)

    def read_key(j: int) -> tuple[str | None, int, str]:
        """The member key at ``j`` and where its value starts; or None, where it went wrong and how."""
        if j >= n or text[j] != '"':
            return None, j, "key"
        try:
            key, j = _scanstring(text, j + 1)
        except JSONDecodeError as error:
            return None, error.pos, _kind(error.msg)
        j = ws(text, j).end()
        if j >= n or text[j] != ":":
            return None, j, "colon"
        return key, ws(text, j + 1).end(), ""

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
                    key, i, wrong = read_key(j)
                    if key is None:
                        return fail(wrong, i)
                    stack.append([True, [], key])
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
                    key, i, wrong = read_key(ws(text, i + 1).end())
                    if key is None:
                        return fail(wrong, i)
                    frame[2] = key
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
