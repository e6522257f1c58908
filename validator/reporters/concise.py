"""One line per finding: ``file:line:col: CODE [severity] message``, then the summary.

Skipped files are listed as ``file: skipped: reason``.  Secret values are masked.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Mapping, Sequence

from ._common import count, ordered, shown, summary
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
SEVERITY_COLOR = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """One line per finding, for editors' problem matchers and quick reading."""
    del rules, tool_version, root  # not used by this format

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    redactor = Redactor(files)
    out: list[str] = []
    for finding in ordered(findings, files):
        sev = SEVERITY_COLOR.get(finding.severity, BOLD)
        location = paint(BOLD, f"{shown(finding.path)}:{finding.line}:{finding.column}:")
        out.append(f"{location} {paint(sev, finding.rule)} {paint(sev, f'[{finding.severity}]')} "
                   f"{redactor.scrub(finding.message, finding.path)}")
    for report in files:
        if report.skipped is not None:
            out.append(paint(DIM, f"{shown(report.path)}: skipped: {report.skipped}"))
    out.append(paint(BOLD, summary(count(findings, files))))
    return "\n".join(out) + "\n"
