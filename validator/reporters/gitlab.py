"""GitLab Code Quality report (``artifacts: reports: codequality``): a JSON array of issues.

Each issue has ``description`` (``CODE message``), ``check_name`` (the code),
``fingerprint`` (stable across line moves: code, path, JSON pointer and message; the n-th
repeat of an identical finding, such as two in one value, gets ``n`` mixed in so each stays
its own issue),
``severity`` (``error`` → ``major``, ``warning`` → ``minor``, ``info`` → ``info``) and
``location`` (``path`` relative to ``root`` (the repository root), ``lines.begin`` and ``lines.end``).  Findings without a
path are left out (GitLab cannot place them).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..json_text import indented, shown_safely
from ._common import fingerprints, ordered, relative_path, stable_key
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """The Code Quality JSON array."""
    del rules, tool_version, color  # not used by this format
    redactor = Redactor(files)
    issues: list[dict[str, Any]] = []
    keys: list[str] = []
    for f in ordered(findings, files):
        if f.path is None:
            continue
        path = relative_path(f.path, root)
        message = redactor.scrub(f.message, f.path) or ""
        keys.append(stable_key(f.rule, path, f.pointer, message, f.path))
        issues.append({
            "description": f"{f.rule} {message}",
            "check_name": f.rule,
            "fingerprint": "",
            "severity": SEVERITY.get(f.severity, "major"),
            "location": {"path": path, "lines": {"begin": max(f.line, 1), "end": max(f.end_line, f.line, 1)}},
        })
    for issue, fingerprint in zip(issues, fingerprints(keys)):
        issue["fingerprint"] = fingerprint
    return shown_safely(indented(issues, ensure_ascii=False)) + "\n"
