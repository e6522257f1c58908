"""Applying the fixes findings carry: ``check --fix``, ``--unsafe-fixes`` and ``--diff``.

Pure functions, nothing prints.  A finding's :class:`~validator.findings.Fix` edits the file's
decoded text (0-based code-point offsets, BOM removed); this package applies the fixes of one
round without overlap (of two conflicting fixes the first is kept, the other waits for the next
round, when it is found again on the new text), checks the text again, and repeats until
nothing changes (:func:`fix_text`).  Bytes outside the edited spans are never touched: the text
is encoded back with the file's own encoding and byte order mark (:func:`decode`,
:func:`encode`), and written atomically with the file's mode kept (:func:`write_atomic`).
A fix that would edit a secret's value is never applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .apply import MAX_ROUNDS, FixResult, apply_fixes, fix_text, selected
    from .files import Encoded, UnfixableEncoding, decode, encode, unified_diff, write_atomic

# Imported on first use: rules build fixes (validator.fixes.structure) on every check, but only
# `check --fix` applies and writes them.
_EXPORTS = {"MAX_ROUNDS": "apply", "FixResult": "apply", "apply_fixes": "apply", "fix_text": "apply",
            "selected": "apply", "Encoded": "files", "UnfixableEncoding": "files", "decode": "files",
            "encode": "files", "unified_diff": "files", "write_atomic": "files"}

__all__ = [
    "MAX_ROUNDS", "Encoded", "FixResult", "UnfixableEncoding", "apply_fixes", "decode", "encode", "fix_text",
    "selected", "unified_diff", "write_atomic",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'validator.fixes' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
