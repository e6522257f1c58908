"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).

One ``<testsuite>`` named ``ce-validator`` inside ``<testsuites>``; a ``<testcase>`` per
checked file (``name`` is its path relative to ``root``, as ``file`` is; ``classname`` is ``ce-validator``); one
``<failure>`` when findings of the file fail the run (``error``, and ``warning`` too when the file's
configuration is ``strict``: :attr:`FileReport.fails_on`; ``type`` their codes, ``message`` the first one's
position and message and how many more there are, the text every one's full ``file:line:col: CODE [severity]
message`` line and hint: Jenkins reads only a test case's first ``<failure>``, and GitLab shows several as one
list); other findings go to the test case's ``<system-out>``; a skipped file is a test
case with ``<skipped message="..."/>``, and a path that could not be read (a missing file: the run exits 2) one
with ``<error type="unreadable" message="..."/>``.  ``failures`` counts the failing test cases, ``errors`` the
unreadable paths.

The document follows the common (Jenkins/Ant) JUnit schema with one extension: the
``file`` attribute of ``<testcase>``, the path relative to ``root`` (the repository root),
which GitLab reads to link a test case to its file.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Mapping, Sequence

from ..masking import printable
from ._common import TOOL_NAME, ordered, relative_path, shown
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    value = _INVALID_XML.sub("\ufffd", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_CONTROLS_WRITTEN = "\n\r\t"  # (written by _attr as character references: a file's name keeps them)


def _attr(value: str) -> str:
    return '"' + _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace(
        "\t", "&#9;") + '"'


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """The JUnit XML document."""
    del rules, tool_version, color  # not used by this format
    redactor = Redactor(files)
    fails_on = {report.path: report.fails_on for report in files}
    by_path: dict[str | None, list[Finding]] = {}
    for f in ordered(findings, files):
        by_path.setdefault(f.path, []).append(f)
    cases: list[tuple[str | None, str | None]] = [(report.path, report.skipped) for report in files
                                                    if report.unreadable is None]
    known = {path for path, _ in cases}
    cases += [(path, None) for path in by_path if path not in known]

    body: list[str] = []
    failures = skipped = 0
    unreadable = [report for report in files if report.unreadable is not None]
    for report in unreadable:  # a path that could not be read: an error, not a passing case
        head = f"    <testcase name={_case_name(report.path, root)} classname={_attr(TOOL_NAME)}"
        if report.path is not None:
            head += f" file={_attr(printable(relative_path(report.path, root), keep=_CONTROLS_WRITTEN))}"
        body.append(f"{head}>\n      <error type=\"unreadable\" message={_attr(report.unreadable or '')}/>\n"
                    "    </testcase>")
    for path, reason in cases:
        head = f"    <testcase name={_case_name(path, root)} classname={_attr(TOOL_NAME)}"
        if path is not None:
            head += f" file={_attr(printable(relative_path(path, root), keep=_CONTROLS_WRITTEN))}"
        own = by_path.get(path, [])
        failing = fails_on.get(path, ("error",))
        errors = [f for f in own if f.severity in failing]
        others = [f for f in own if f.severity not in failing]
        if not errors and not others and reason is None:
            body.append(f"{head}/>")
            continue
        failures += bool(errors)
        parts = [f"{head}>"]
        if reason is not None and not errors:
            skipped += 1
            parts.append(f"      <skipped message={_attr(reason)}/>")
        if errors:  # one failure: Jenkins shows a test case's first `<failure>` only, GitLab a list as one value
            details = []
            for f in errors:
                message = redactor.scrub(f.message, f.path) or ""
                detail = f"{shown(f.path)}:{f.line}:{f.column}: {f.rule} [{f.severity}] {message}"
                if f.help:
                    detail += f"\nhelp: {redactor.scrub(f.help, f.path)}"
                details.append(detail)
            first = errors[0]
            summary = f"{first.line}:{first.column}: {redactor.scrub(first.message, first.path) or ''}"
            if len(errors) > 1:
                summary += f" (and {len(errors) - 1} more)"
            codes = " ".join(dict.fromkeys(f.rule for f in errors))
            parts.append(f"      <failure type={_attr(codes)} message={_attr(summary)}>"
                         f"{_text(chr(10).join(details))}</failure>")
        if others:
            lines = "\n".join(f"{shown(f.path)}:{f.line}:{f.column}: {f.rule} [{f.severity}] "
                              f"{redactor.scrub(f.message, f.path)}" for f in others)
            parts.append(f"      <system-out>{_text(lines)}</system-out>")
        parts.append("    </testcase>")
        body.append("\n".join(parts))
    tests, unread = len(cases) + len(unreadable), len(unreadable)
    totals = f'tests="{tests}" failures="{failures}" errors="{unread}" skipped="{skipped}"'
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name={_attr(TOOL_NAME)} tests="{tests}" failures="{failures}" errors="{unread}">',
        f"  <testsuite name={_attr(TOOL_NAME)} {totals}>",
        *body,
        "  </testsuite>",
        "</testsuites>",
    ]) + "\n"


def _case_name(path: str | None, root: str | os.PathLike[str] | None) -> str:
    """A test case's name: its file's path relative to ``root``, as ``file`` is (a CI's test history is keyed by it,
    so it must not change with the folder the job runs in)."""
    return _attr(shown(None) if path is None else printable(relative_path(path, root), keep=_CONTROLS_WRITTEN))

