"""The ``check`` command's work for one Markdown page: cache, :func:`check_page`, and its report entry.

Kept here so that ``validator/check_runner.py`` only hands pages over; the results cache (the
``validator.cache`` module) is passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import PageCheck, check_page

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..options import Options
    from ..reporters import FileReport


def check_page_file(data: bytes, shown: str, *, kind: str, options: Options, settings: dict[str, Any],
                    cache: Any) -> tuple[list[Finding], Callable[[list[Finding], bool], FileReport]]:
    """Findings of the page ``data`` (from ``cache`` when given and it has them) and a builder of its
    report entry (the page's lines with every secret masked; none when ``excerpts`` is false)."""
    key = cache.cache_key(data, settings={**settings, "page": "markdown"}, name=shown) if cache is not None else None
    findings: list[Finding] | None = cache.load(key, path=shown) if key is not None else None
    checked: PageCheck | None = None
    if findings is None:
        checked = check_page(data, path=shown, kind=kind, options=options)
        findings = checked.findings
        if key is not None and not any(f.rule == "CE099" for f in findings):  # never replay a crash
            cache.store(key, findings)

    def report(kept: list[Finding], excerpts: bool = True) -> FileReport:
        nonlocal checked
        from ..masking import printable
        from ..reporters import FileReport

        reported = printable(shown)  # (a name with a line break in it writes no line of its own)
        skipped = next((f.message for f in kept if f.rule == "CE090" and not f.pointer), None)
        if not kept or not excerpts:
            return FileReport(path=reported, skipped=skipped)
        if checked is None:
            checked = check_page(data, path=shown, kind=kind, options=options)
        return FileReport.from_text(reported, checked.masked_text(), skipped=skipped, wanted={f.line for f in kept})

    return findings, report
