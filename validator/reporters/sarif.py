"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One run: ``tool.driver`` (name, version, informationUri and every rule with its
descriptions, default level and help), one result per finding (``ruleId``, ``level``,
``message``, a ``physicalLocation`` whose ``artifactLocation.uri`` is relative to
``%SRCROOT%`` — the ``root`` argument, the current directory by default — and a
``region`` with start and end line and column; ``columnKind`` is
``unicodeCodePoints``), the JSON pointer and the fix hint in the result's
``properties`` (``pointer``, ``fix``), a ``partialFingerprints`` entry that survives line
moves and differs for two identical findings in one value, and the skipped files as notifications of the
invocation.  Levels: ``error`` → ``error``, ``warning`` → ``warning``, ``info`` → ``note``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..json_text import indented
from ._common import TOOL_NAME, fingerprints, ordered, relative_uri, root_uri, stable_key
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/ce-validator/"
ROOT_ID = "%SRCROOT%"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(code: str, rule: Rule | None) -> dict[str, Any]:
    if rule is None:
        return {"id": code, "shortDescription": {"text": code}, "defaultConfiguration": {"level": "error"}}
    fence, language = rule.example_fence
    markdown = (f"{rule.description.strip()}\n\n**Bad**\n\n{fence}{language}\n{rule.bad.strip()}\n{fence}\n\n"
                f"**Good**\n\n{fence}{language}\n{rule.good.strip()}\n{fence}\n")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description.strip()},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "error")},
        "help": {"text": rule.description.strip(), "markdown": markdown},
    }


def _location(path: str, root: str | os.PathLike[str] | None) -> dict[str, Any]:
    uri, relative = relative_uri(path, root)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = ROOT_ID
    return {"artifactLocation": artifact}


def document(findings: Sequence[Finding], *, files: Sequence[FileReport] = (),
             rules: Mapping[str, Rule] | None = None, tool_version: str,
             root: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict (what :func:`render` serialises)."""
    rules = rules or {}
    redactor = Redactor(files)
    found = ordered(findings, files)
    codes = sorted(set(rules) | {f.rule for f in found})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    keys: list[tuple[str, dict[str, Any]]] = []
    for f in found:
        message = redactor.scrub(f.message, f.path) or f.rule
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVEL.get(f.severity, "error"),
            "message": {"text": message},
        }
        if f.path is not None:
            physical = _location(f.path, root)
            line, column = max(f.line, 1), max(f.column, 1)
            physical["region"] = {"startLine": line, "startColumn": column,
                                  "endLine": max(f.end_line, line), "endColumn": max(f.end_column, 1)}
            result["locations"] = [{"physicalLocation": physical}]
            result["partialFingerprints"] = {}  # filled below, once every repeat is known
            keys.append((stable_key(f.rule, physical["artifactLocation"]["uri"], f.pointer, message, f.path), result))
        properties: dict[str, Any] = {"pointer": f.pointer}
        if f.help:
            properties["fix"] = redactor.scrub(f.help, f.path)
        result["properties"] = properties
        results.append(result)
    for (_key, result), fingerprint in zip(keys, fingerprints([key for key, _result in keys])):
        result["partialFingerprints"] = {"ceValidator/v1": fingerprint[:32]}
    notifications = [
        {"level": "note", "message": {"text": f"skipped: {report.skipped}"},
         **({"locations": [{"physicalLocation": _location(report.path, root)}]} if report.path is not None else {})}
        for report in files if report.skipped is not None
    ] + [
        {"level": "error", "message": {"text": report.unreadable},
         **({"locations": [{"physicalLocation": _location(report.path, root)}]} if report.path is not None else {})}
        for report in files if report.unreadable is not None
    ]
    # a path that could not be read fails the run (exit 2): the report must not read as a clean one
    invocation: dict[str, Any] = {"executionSuccessful": not any(report.unreadable is not None for report in files)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {
            "name": TOOL_NAME,
            "version": tool_version,
            "informationUri": INFORMATION_URI,
            "rules": [_rule(code, rules.get(code)) for code in codes],
        }},
        "invocations": [invocation],
        "originalUriBaseIds": {ROOT_ID: {"uri": root_uri(root)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """The SARIF log, indented by two spaces."""
    del color  # not used by this format
    log = document(findings, files=files, rules=rules, tool_version=tool_version, root=root)
    return indented(log, ensure_ascii=False) + "\n"
