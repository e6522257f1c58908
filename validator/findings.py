"""The result type every check produces.

A :class:`Finding` is placed in a file (1-based line and column, end exclusive);
a :class:`Problem` is placed inside one analysed string (0-based offsets into the
decoded text) and becomes a Finding once the engine maps it to the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    path: str | None
    pointer: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: str | None = None

    def sort_key(self) -> tuple:
        return (self.path or "", self.line, self.column, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class Problem:
    """A mistake found inside a string, before it is placed in a file."""

    rule: str
    message: str
    start: int
    end: int
    fix: str | None = None
    severity: Severity | None = None  # None: the rule's default severity
