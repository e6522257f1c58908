"""Machine-readable output (``--format json``), stable across releases while ``version`` is 1.

::

    {
      "version": 1,
      "tool": {"name": "ce-validator", "version": "0.1.0"},
      "findings": [
        {"rule": "CE601", "name": "url-unbalanced-quote", "severity": "error", "message": "...",
         "path": "bodies/broken.json", "pointer": "/configuration/event.poller.configuration/customers/url",
         "line": 5, "column": 43, "end_line": 5, "end_column": 58, "fix": "..." }
      ],
      "files": [{"path": "bodies/broken.json", "skipped": null, "error": null}],
      "summary": {"files": 1, "skipped": 0, "error": 1, "warning": 0, "info": 0, "total": 1}
    }

``line``/``column`` are 1-based, columns in Unicode code points, ``end_*`` exclusive;
``name`` is the rule's name (``null`` for a code the registry does not know); ``fix``
is a hint or ``null``; ``path`` is ``null`` for a document without a path.  Secret
values are replaced by ``****`` in messages and hints.  ``edits`` is what
``check --fix`` would apply, or ``null``: ``{"message", "applicability": "safe" | "unsafe",
"edits": [{"start", "end", "replacement"}]}``, offsets 0-based in Unicode code points of the
file's decoded text (after a byte order mark), ``end`` exclusive.  A file's ``error`` says why a path named or
found could not be read (``"missing.json: no such file or directory"``; the run exits 2), else ``null``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..json_text import indented
from ._common import TOOL_NAME, count, ordered
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport

FORMAT_VERSION = 1


def document(findings: Sequence[Finding], *, files: Sequence[FileReport] = (),
             rules: Mapping[str, Rule] | None = None, tool_version: str) -> dict[str, Any]:
    """The report as a JSON-ready dict (what :func:`render` serialises)."""
    rules = rules or {}
    redactor = Redactor(files)
    counts = count(findings, files)
    items = []
    for f in ordered(findings, files):
        rule = rules.get(f.rule)
        items.append({
            "rule": f.rule,
            "name": rule.name if rule else None,
            "severity": f.severity,
            "message": redactor.scrub(f.message, f.path),
            "path": f.path,
            "pointer": f.pointer,
            "line": f.line,
            "column": f.column,
            "end_line": f.end_line,
            "end_column": f.end_column,
            "fix": redactor.scrub(f.help, f.path),
            "edits": _edits(f, redactor),
        })
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": tool_version},
        "findings": items,
        "files": [{"path": report.path, "skipped": report.skipped, "error": report.unreadable} for report in files],
        "summary": {"files": counts.files, "skipped": counts.skipped, "error": counts.error,
                    "warning": counts.warning, "info": counts.info, "total": len(items)},
    }


def _edits(finding: Finding, redactor: Redactor) -> dict[str, Any] | None:
    """The machine-applicable fix (``check --fix``), or ``None``."""
    fix = finding.fix
    if fix is None:
        return None
    return {"message": redactor.scrub(fix.message, finding.path), "applicability": fix.applicability,
            "edits": [{"start": e.start, "end": e.end, "replacement": redactor.scrub(e.replacement, finding.path)}
                      for e in fix.edits]}


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """The JSON document, indented by two spaces, UTF-8 text (not ASCII-escaped)."""
    del color, root  # not used by this format
    return indented(document(findings, files=files, rules=rules, tool_version=tool_version), ensure_ascii=False) + "\n"
