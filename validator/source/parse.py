"""Decoding a document's text into its value with the standard library, and its duplicate keys."""

from __future__ import annotations

import sys
from json import JSONDecodeError
from json import loads as _json_loads
from typing import TYPE_CHECKING, Any

from .codes import DUPLICATE_KEY
from .diagnose import _diagnose
from .iterparse import _iterparse, _kind
from .limits import _C_DEPTH_BOUNDED, MAX_DEPTH
from .patterns import _NONFINITE
from .pointers import _escape_token, _split_pointer

if TYPE_CHECKING:  # pragma: no cover
    from .document import Source


class _NonFinite(Exception):
    """``NaN``/``Infinity`` in the text: not JSON, so the careful parser diagnoses it."""


def _reject_constant(name: str) -> Any:
    raise _NonFinite(name)


def _analyse(source: Source) -> None:
    """Parse ``source.text``: set ``value`` and append syntax and duplicate-key problems."""
    text = source.text
    dup_objects: list[dict[str, Any]] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
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
    source._unique_keys = not dup_objects
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


def _report_duplicates(source: Source, dup_objects: list[dict[str, Any]]) -> None:
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
                    DUPLICATE_KEY, f"duplicate key {_show(key)}: already set at line {line}, column {col}; "
                             "the platform silently keeps only the last value",
                    ks, ke, "remove one of the two; the value that counts is the last one"))
            else:
                first[key] = ks
    problems.sort(key=lambda p: p.start)
    source.problems.extend(problems)


def _show(key: str, limit: int = 60) -> str:
    shown = key if len(key) <= limit else key[:limit] + "…"
    return "`\"" + shown.replace("`", "'") + "\"`"
