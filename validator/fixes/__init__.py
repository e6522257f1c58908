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

from .apply import (
    MAX_ROUNDS,
    FixResult,
    apply_fixes,
    fix_text,
    selected,
)
from .files import (
    Encoded,
    UnfixableEncoding,
    decode,
    encode,
    unified_diff,
    write_atomic,
)

__all__ = [
    "MAX_ROUNDS", "Encoded", "FixResult", "UnfixableEncoding", "apply_fixes", "decode", "encode", "fix_text",
    "selected", "unified_diff", "write_atomic",
]
