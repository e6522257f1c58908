"""A pattern that counts its uses: the gates' tests say what a shortcut spares by counting, never by timing."""

from __future__ import annotations

from typing import Any


class CountedPattern:
    """A compiled pattern's stand-in that counts the values ``fullmatch`` was asked of."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.matches = pattern, 0

    def fullmatch(self, *args: Any) -> Any:
        self.matches += 1
        return self.pattern.fullmatch(*args)
