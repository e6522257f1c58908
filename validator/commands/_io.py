"""What the commands share: reading a named input (a file or ``-``) and the usage error (exit 2) it raises."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..source import Source


class UsageError(Exception):
    """An input or option the user gave cannot be used: reported on stderr, exit 2."""


def read_text(name: str) -> str:
    """The UTF-8 text of file ``name`` (a BOM dropped), or standard input for ``-``; raises :class:`UsageError`."""
    try:
        if name == "-":
            if sys.stdin is None or sys.stdin.closed:
                raise UsageError("<stdin>: standard input is closed")
            data = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as handle:
                data = handle.read()
    except (OSError, ValueError) as exc:
        raise UsageError(f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def read_source(name: str, text: str | None = None) -> Source:
    """File ``name`` (or ``text``) loaded as ``check`` loads it: any depth or size without a traceback.

    :class:`UsageError` names the first syntax problem of a file that is not valid JSON, as ``check``
    reports it.
    """
    from ..source import load_source

    source = load_source(read_text(name) if text is None else text, path=name)
    if not source.valid:
        problem = next((p for p in source.problems if p.severity != "info"), None)
        if problem is None:
            raise UsageError(f"{name}: not valid JSON")
        line, column = source.line_col(problem.start)
        raise UsageError(f"{name}:{line}:{column}: {problem.rule} {problem.message} (run `ce-validator check {name}`)")
    return source


def read_json(name: str, text: str | None = None) -> Any:
    """The JSON value of file ``name`` (or ``text``): :func:`read_source`'s value."""
    return read_source(name, text).value
