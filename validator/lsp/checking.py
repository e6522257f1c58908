"""The one adapter between the language server and the checker: what ``ce-validator check FILE`` reports.

The configuration is found as the command finds it (the nearest ``.ce-validator.toml`` or
``pyproject.toml`` with ``[tool.ce-validator]`` above the file: selection, severities, ignores,
server zone, element docs and schemas), and the findings are those the command prints for the file.
A file the configuration excludes gets none.  A Markdown page (``.md``, ``.markdown``) is checked
block by block by ``validator.pages`` where that package is installed, as ``check`` does.  A configuration or setup error becomes one finding at
the top of the file, so the editor shows why nothing else is reported.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..options import Options
    from ..source import Source

__all__ = ["Checked", "check_text", "scrubber"]

PAGE_SUFFIXES = (".md", ".markdown")
SETUP_ERROR = ""  # not a rule (no code): the configuration or the element docs cannot be used


@dataclass
class Checked:
    """The result of checking one editor buffer."""

    text: str
    path: str | None
    findings: list[Finding] = field(default_factory=list)
    source: Source | None = None
    config: Config | None = None
    options: Options | None = None
    _scrub: Callable[[str], str] | None = field(default=None, repr=False, compare=False)

    def scrub(self, text: str) -> str:
        """``text`` (a message, a hint, a hover) with every secret value of the file replaced by ``****``."""
        if self._scrub is None:
            self._scrub = scrubber(self)
        return self._scrub(text)


def _setup_finding(message: str, path: str | None) -> Finding:
    return Finding(rule=SETUP_ERROR, severity="error", message=message, path=path, pointer="", line=1, column=1,
                   end_line=1, end_column=1)


def check_text(text: str, path: str | None) -> Checked:
    """Check the unsaved ``text`` of the file at ``path`` (None: untitled, with the current folder's configuration)."""
    from ..config import ConfigError, ConfigResolver
    from ..engine import check_source
    from ..options import Options, SetupError
    from ..source import load_source

    result = Checked(text=text, path=path)
    try:
        config = ConfigResolver().for_path(path)  # a fresh resolver: the configuration may have changed
    except ConfigError as exc:
        result.findings = [_setup_finding(f"configuration error: {exc}", path)]
        return result
    result.config = config
    if path is not None and config.is_excluded(path):
        return result
    missing = [d for d in (*config.element_docs, *config.element_schemas) if not os.path.isdir(d)]
    if missing:
        result.findings = [_setup_finding(f"{missing[0]}: not a directory (element-docs / element-schemas)", path)]
        return result
    options = Options(server_zone=config.server_zone, encode_values=config.encode_values,
                      element_docs=tuple(config.element_docs), element_schemas=tuple(config.element_schemas))
    result.options = options
    try:
        if path is not None and path.lower().endswith(PAGE_SUFFIXES):
            findings = _page_findings(text, path, options)
        else:
            source = load_source(text, path=path)
            result.source = source
            findings = check_source(source, options=options)
    except SetupError as exc:
        result.findings = [_setup_finding(str(exc), path)]
        return result
    result.findings = config.apply(findings, path=path)
    return result


def _page_findings(text: str, path: str, options: Options) -> list[Finding]:
    import importlib

    try:
        pages = importlib.import_module("validator.pages")
    except ModuleNotFoundError:  # a version without Markdown pages
        return []
    findings: list[Finding] = pages.check_page(text, path=path, options=options).findings
    return findings


def scrubber(checked: Checked) -> Callable[[str], str]:
    """What the reporters do to messages (``reporters/redact.py``), for one editor buffer."""
    from ..check_runner import secret_spans
    from ..reporters import FileReport
    from ..reporters.redact import Redactor

    spans = secret_spans(checked.source, checked.options) if checked.source is not None else ()
    report = FileReport.from_text(checked.path, checked.text, secret_spans=spans)
    redactor = Redactor([report])

    def scrub(text: str) -> str:
        return redactor.scrub(text, checked.path) or text

    return scrub
