"""The default format: each finding with its source line and an underline, then a summary.

::

    bodies/broken.json:5:43: CE601 unbalanced quote in the `where` value
      |
    5 |     "url": "/hubs/finance/customers?where=updated_at>'${gmtDate:yyyy}",
      |                                                      ^~~~~~~~~~~~~~~ error
      = help: close the quote after the macro
      = to ignore: "bodies/broken.json#/configuration/event.poller.configuration/customers/url:CE601"

The first line of each finding is ``file:line:col: CODE message``; the underline is
``^`` under the first character of the span and ``~`` under the rest, followed by the
severity; ``to ignore`` gives the configuration's ``ignore`` entry for this one finding
(``PATH#POINTER:CODE``).  Skipped files are listed before the summary.  Secret values are masked.
"""

from __future__ import annotations

import os
import unicodedata
from typing import TYPE_CHECKING, Mapping, Sequence

from ._common import BOLD, DIM, SEVERITY_COLOR, STDIN, closing_lines, joined, ordered, painter, shown
from .redact import Redactor

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..rules.base import Rule
    from . import FileReport

BLUE = "\x1b[1;34m"
CYAN = "\x1b[36m"

TAB = "    "
LONG = 200  # a line longer than this is cut to a window around the span
WINDOW = 160  # at most this many characters are shown of a long line
CONTEXT = 60  # characters shown before the span


def _width(char: str) -> int:
    if char == "\t":
        return len(TAB)
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (a wide character two): the one count for every column a terminal
    shows under a text (check's underline, render's carets, simulate's table)."""
    if text.isascii() and "\t" not in text:  # one cell a character
        return len(text)
    return sum(_width(c) for c in text)


def _display(text: str) -> str:
    if text.isascii() and text.isprintable():  # the usual line: shown as it is
        return text
    return "".join(TAB if char == "\t" else (char if char.isprintable() or char == " " else "\ufffd")
                   for char in text)


def excerpt(line: str, column: int, end_column: int) -> tuple[str, str]:
    """The line as shown and its underline for the code-point range ``[column, end_column)`` (1-based).

    Tabs become four spaces, wide characters count two cells, and a long line is cut to a
    window around the span, marked with ``…``.
    """
    start = max(column - 1, 0)
    start = min(start, len(line))
    stop = min(max(end_column - 1, start + 1), max(len(line), start + 1))
    first, last = 0, len(line)
    if len(line) > LONG:
        first = max(0, start - CONTEXT)
        last = min(len(line), first + WINDOW)
        stop = min(stop, max(last, start + 1))  # a very long span: underline its beginning
    shown_line = ("…" if first else "") + _display(line[first:last]) + ("…" if last < len(line) else "")
    pad = (1 if first else 0) + cells(line[first:start])
    span = line[start:stop] or " "
    width = max(cells(span), 1)
    return shown_line, " " * pad + "^" + "~" * (width - 1)


def render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (), rules: Mapping[str, Rule] | None = None,
           tool_version: str, color: bool = False, root: str | os.PathLike[str] | None = None) -> str:
    """The human-readable report (see the module documentation)."""
    del rules, tool_version, root  # the text format does not use them
    return joined(_finding_lines(findings, files, color) + closing_lines(findings, files, color))


def render_file(findings: Sequence[Finding], *, report: FileReport, color: bool = False) -> str:
    """The part of the report about one file, printed as soon as the file is checked (``render`` is every
    file's part in path order, then :func:`render_end`)."""
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
        location = f"{shown(finding.path)}:{finding.line}:{finding.column}:"
        message = redactor.scrub(finding.message, finding.path)
        out.append(f"{paint(BOLD, location)} {paint(sev, finding.rule)} {message}")
        source = redactor.line(finding.path, finding.line)
        gutter = " " * len(str(finding.line))
        if source is not None:
            end_column = finding.end_column if finding.end_line == finding.line else len(source) + 1
            shown_line, underline = excerpt(source, finding.column, end_column)
            more = f" (to line {finding.end_line})" if finding.end_line > finding.line else ""
            out.append(paint(BLUE, f"{gutter} |"))
            out.append(f"{paint(BLUE, f'{finding.line} |')} {shown_line}".rstrip())
            out.append(f"{paint(BLUE, f'{gutter} |')} {paint(sev, underline)} {paint(sev, finding.severity + more)}")
        else:
            out.append(f"{paint(BLUE, f'{gutter} =')} {paint(sev, finding.severity)}")
        if finding.help:
            hint = redactor.scrub(finding.help, finding.path)
            out.append(f"{paint(BLUE, f'{gutter} =')} {paint(CYAN, 'help:')} {hint}")
        if finding.fix is not None:  # as ruff marks what it can mend
            how = "--fix" if finding.fix.applicability == "safe" else "--fix --unsafe-fixes (check the result)"
            what = "" if finding.fix.message == finding.help else f"{finding.fix.message}: "
            out.append(f"{paint(BLUE, f'{gutter} =')} {paint(CYAN, 'fix:')} {what}{how} mends it")
        if finding.path is not None and finding.path != STDIN:  # the `ignore` entry that silences this finding
            entry = redactor.ignore_entry(finding.path, finding.pointer, finding.rule)
            out.append(f"{paint(BLUE, f'{gutter} =')} {paint(DIM, 'to ignore:')} {paint(DIM, entry)}")
        out.append("")
    return out
