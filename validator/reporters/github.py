"""GitHub Actions workflow commands, one per finding; GitHub shows them as annotations on the diff.

::

    ::error file=bodies/broken.json,line=5,col=43,endLine=5,endColumn=57,title=CE601 url-unbalanced-quote::message

``error`` findings use ``::error``, ``warning`` ``::warning`` and ``info`` ``::notice``.
``endColumn`` is inclusive, as GitHub counts it (the finding's exclusive end minus one);
a range over several lines has no ``col``/``endColumn`` (the toolkit accepts columns only
on one line).  ``file`` is relative to ``root``: the repository root (``$GITHUB_WORKSPACE``).
The fix hint follows the message on a new line.  Values are escaped as the Actions
toolkit does: ``%``, ``\\r`` and ``\\n`` everywhere, and ``:`` and ``,`` in properties.  A path that could not be
read (a missing file) is an ``::error`` titled ``ce-validator (not checked)``, with no line.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Mapping, Sequence

from ..masking import printable
from ._common import ordered, relative_path
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """One workflow command per finding (nothing when there is none)."""
    del tool_version, color  # not used by this format
    rules = rules or {}
    redactor = Redactor(files)
    out = []
    for f in ordered(findings, files):
        props = []
        if f.path is not None:
            # (a line break in a file's name escaped as the toolkit reads it, `%0A`: the annotation names the file)
            props += [f"file={escape_property(printable(relative_path(f.path, root), keep=chr(10) + chr(13)))}",
                      f"line={f.line}"]
            if f.end_line == f.line:
                props += [f"col={f.column}", f"endLine={f.end_line}",
                          f"endColumn={max(f.end_column - 1, f.column)}"]
            else:  # the toolkit takes columns only on a one-line range
                props += [f"endLine={f.end_line}"]
        rule = rules.get(f.rule)
        props.append("title=" + escape_property(f"{f.rule} {rule.name}" if rule else f.rule))
        message = redactor.scrub(f.message, f.path) or ""
        if f.help:
            message += f"\nhelp: {redactor.scrub(f.help, f.path)}"
        out.append(f"::{COMMAND.get(f.severity, 'error')} {','.join(props)}::{escape_data(message)}")
    for report in files:  # a path that could not be read: the run fails (exit 2), and the workflow's summary says why
        if report.unreadable is not None:
            where = "" if report.path is None else \
                f"file={escape_property(printable(relative_path(report.path, root), keep=chr(10) + chr(13)))},"
            out.append(f"::error {where}title=ce-validator (not checked)::{escape_data(printable(report.unreadable))}")
    return "".join(line + "\n" for line in out)
