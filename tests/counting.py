"""A pattern that counts its uses: the gates' tests say what a shortcut spares by counting, never by timing."""

from __future__ import annotations

from typing import Any


class CountedPattern:
    """A compiled pattern's stand-in that counts what it was asked: ``scans`` (``findall``, ``finditer``),
    ``searches`` (``search``) and ``matches`` (``fullmatch``)."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.scans, self.searches, self.matches = pattern, 0, 0, 0

    def findall(self, *args: Any) -> Any:
        self.scans += 1
        return self.pattern.findall(*args)

    def finditer(self, *args: Any) -> Any:
        self.scans += 1
        return self.pattern.finditer(*args)

    def search(self, *args: Any) -> Any:
        self.searches += 1
        return self.pattern.search(*args)

    def fullmatch(self, *args: Any) -> Any:
        self.matches += 1
        return self.pattern.fullmatch(*args)
