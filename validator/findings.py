"""The result types every check produces.

A :class:`Finding` is placed in a file (1-based line and column in code points, end
exclusive); a :class:`Problem` is placed inside one analysed string (0-based offsets into
the decoded text) and becomes a Finding once the engine maps it to the file.

``help`` is prose for a person ("close the value with '"); ``fix`` is a machine-applicable
:class:`Fix`: edits of the file's decoded text with an applicability, as ruff has them.
A ``safe`` fix keeps the meaning the author evidently intended; an ``unsafe`` one may change
behaviour and is applied only on request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
Applicability = Literal["safe", "unsafe"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``[start, end)`` of the text (0-based code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


def edited(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` made (non-overlapping, in any order)."""
    parts: list[str] = []
    at = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts += [text[at:edit.start], edit.replacement]
        at = edit.end
    parts.append(text[at:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Fix:
    """A machine-applicable fix: non-overlapping ``edits`` of one text, described by ``message``."""

    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = "safe"

    def shifted(self, by: int) -> Fix:
        """The same fix with every edit ``by`` code points further on (found in a part, applied to the whole)."""
        return Fix(self.message, tuple(Edit(e.start + by, e.end + by, e.replacement) for e in self.edits),
                   self.applicability)


@dataclass(frozen=True, slots=True)
class Finding:
    """One mistake placed in a file: ``line``/``column`` to ``end_line``/``end_column`` (1-based, code points,
    end exclusive) at RFC 6901 ``pointer``; ``help`` says how to fix it and ``fix``, when given, does."""

    rule: str  # the rule's code, e.g. "CE620"
    severity: Severity
    message: str
    path: str | None
    pointer: str
    line: int
    column: int
    end_line: int
    end_column: int
    help: str | None = None
    fix: Fix | None = None  # edits of the file's decoded text

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path or "", self.line, self.column, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class Problem:
    """A mistake found inside a string, before it is placed in a file.

    ``rule`` is the code of a rule its module declares; ``fix`` edits the analysed string
    (offsets into it, like ``start``/``end``).
    """

    rule: str
    message: str
    start: int
    end: int
    help: str | None = None
    severity: Severity | None = None  # None: the rule's default severity
    fix: Fix | None = None
