"""One line per finding: ``file:line:col: CODE [severity] message``, then the summary.

Skipped files are listed as ``file: skipped: reason``.  Secret values are masked.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Mapping, Sequence

from ._common import BOLD, SEVERITY_COLOR, closing_lines, joined, ordered, painter, shown
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """One line per finding, for editors' problem matchers and quick reading."""
    del rules, tool_version, root  # not used by this format
    return joined(_finding_lines(findings, files, color) + closing_lines(findings, files, color))


def render_file(findings: Sequence[Finding], *, report: FileReport, color: bool = False) -> str:
    """The lines about one file, printed as soon as it is checked (``render`` is every file's lines in path
    order, then :func:`render_end`)."""
    return joined(_finding_lines(findings, [report], color))


def render_end(findings: Sequence[Finding], *, files: Sequence[FileReport], color: bool = False) -> str:
    """The end of a report streamed file by file: skipped files and the summary."""
    return joined(closing_lines(findings, files, color))


def _finding_lines(findings: Sequence[Finding], files: Sequence[FileReport], color: bool) -> list[str]:
    paint = painter(color)
    redactor = Redactor(files)
    out: list[str] = []
    for finding in ordered(findings, files):
        sev = SEVERITY_COLOR.get(finding.severity, BOLD)
        location = paint(BOLD, f"{shown(finding.path)}:{finding.line}:{finding.column}:")
        out.append(f"{location} {paint(sev, finding.rule)} {paint(sev, f'[{finding.severity}]')} "
                   f"{redactor.scrub(finding.message, finding.path)}")
    return out
