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


def compiled_maps(monkeypatch: Any) -> list[Any]:
    """The sources of the patterns compiled from now on (until ``monkeypatch`` is undone) whose character classes
    Python builds into a map of 65,536 characters (``BIGCHARSET``), one entry a map: what a narrow form spares."""
    from re import _compiler, _constants  # type: ignore[attr-defined]

    maps: list[Any] = []
    compiling: list[Any] = [""]
    compile_, optimize = _compiler.compile, _compiler._optimize_charset

    def noting(source: Any, flags: int = 0) -> Any:
        compiling[0] = source
        return compile_(source, flags)

    def counting(*args: Any, **kwargs: Any) -> Any:
        out = optimize(*args, **kwargs)
        maps.extend(compiling[0] for op, _ in out[0] if op is _constants.BIGCHARSET)
        return out

    monkeypatch.setattr(_compiler, "compile", noting)
    monkeypatch.setattr(_compiler, "_optimize_charset", counting)
    return maps
