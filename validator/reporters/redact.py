"""How reporters read excerpts and messages: already masked, so they need not (and cannot) mask again.

Masking happens once, in :mod:`validator.masking`: findings reach reporters with secret values
scrubbed, and :class:`~validator.reporters.FileReport` holds only masked lines.  A reporter reads
excerpt lines through :meth:`Redactor.line`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..masking import printable

if TYPE_CHECKING:  # pragma: no cover
    from . import FileReport


class Redactor:
    """The masked lines of a set of checked files, by path."""

    def __init__(self, files: Sequence[FileReport]) -> None:
        self._files = {report.path: report for report in files}

    def line(self, path: str | None, number: int) -> str | None:
        """Line ``number`` (1-based) of ``path``, masked, or ``None`` when unknown."""
        report = self._files.get(path)
        if report is None or not 1 <= number <= len(report.lines):
            return None
        return report.lines[number - 1]

    def ignore_entry(self, path: str, pointer: str, rule: str) -> str:
        """The configuration's ``ignore`` entry that silences the finding ``rule`` at ``pointer`` of ``path``, as a TOML
        string: the path as the entries name it (see :class:`FileReport`), a glob that matches that file alone
        (`inst[[]1].json`), `"`, `\\` and control characters escaped (an ESC in a name is `\\u001b`, never sent to a
        terminal)."""
        report = self._files.get(path)
        named = report.ignore_as if report is not None and report.ignore_as else path
        entry = f"{named}#{pointer}:{rule}"
        if entry.isprintable() and '"' not in entry and "\\" not in entry and not any(c in named for c in "[*?"):
            return f'"{entry}"'  # (most entries: nothing to escape)
        import json

        from ..config import glob_escape

        return printable(json.dumps(glob_escape(named) + entry[len(named):], ensure_ascii=False))

    def scrub(self, text: str | None, path: str | None) -> str | None:
        """``text`` as it is: findings were scrubbed by the engine (kept so reporters read one way)."""
        del path
        return text
