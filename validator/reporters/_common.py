"""Helpers shared by the reporters: ordering, counts, paths, the summary sentence."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable, NamedTuple, Sequence


if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from . import FileReport

TOOL_NAME = "ce-validator"
STDIN = "<stdin>"

# ANSI colours of the text and concise formats
RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
SEVERITY_COLOR = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}


def painter(color: bool) -> Callable[[str, str], str]:
    """``paint(code, text)``: ``text`` in the ANSI colour ``code`` when ``color``, else as it is."""
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    return paint


def joined(lines: Sequence[str]) -> str:
    """Lines as output: each ends with a newline."""
    return "".join(line + "\n" for line in lines)


def closing_lines(findings: Sequence[Finding], files: Sequence[FileReport], color: bool) -> list[str]:
    """How the text and concise reports end: the skipped files, then the summary sentence."""
    paint = painter(color)
    out = [paint(DIM, f"{shown(report.path)}: skipped: {report.skipped}") for report in files
           if report.skipped is not None]
    out.append(paint(BOLD, summary(count(findings, files))))
    return out


def ordered(findings: Sequence[Finding], files: Sequence[FileReport] = ()) -> list[Finding]:
    """The findings to show, in a stable order: by path, position, code and message.

    An ``info`` finding on a skipped file whose message is the reason it was skipped is
    left out: reporters show the skip itself (``FileReport.skipped``).
    """
    skips = {(report.path, report.skipped) for report in files if report.skipped is not None}
    shown = [f for f in findings if not (f.severity == "info" and (f.path, f.message) in skips)]
    return sorted(shown, key=lambda f: f.sort_key())


def shown(path: str | None) -> str:
    return STDIN if path is None else path


class Counts(NamedTuple):
    error: int
    warning: int
    info: int
    files: int  # checked, not skipped
    skipped: int


def count(findings: Sequence[Finding], files: Sequence[FileReport]) -> Counts:
    by = {"error": 0, "warning": 0, "info": 0}
    for finding in ordered(findings, files):
        by[finding.severity] = by.get(finding.severity, 0) + 1
    if files:
        skipped = sum(1 for report in files if report.skipped is not None)
        checked = len(files) - skipped - sum(1 for report in files if report.unreadable is not None)
    else:
        skipped, checked = 0, len({finding.path for finding in findings})
    return Counts(by["error"], by["warning"], by["info"], checked, skipped)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def summary(counts: Counts) -> str:
    """``Found 2 errors and 1 warning in 3 files (1 skipped).``, ``No problems found in 3 files.``, or ``No files
    checked.`` (every path named was missing, unreadable or excluded: "no problems" would sound like a pass)."""
    parts = [_plural(n, word) for n, word in ((counts.error, "error"), (counts.warning, "warning"),
                                              (counts.info, "info")) if n]
    where = _plural(counts.files, "file")
    if counts.skipped:
        where += f" ({counts.skipped} skipped)"
    if not parts and not counts.files and counts.skipped:
        return f"No problems found ({_plural(counts.skipped, 'file')} skipped)."
    if not parts and not counts.files:
        return "No files checked."
    if not parts:
        return f"No problems found in {where}."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Found {listed} in {where}."


def relative_path(path: str, root: str | os.PathLike[str] | None) -> str:
    """``path`` relative to ``root`` with ``/`` (as GitHub, GitLab and JUnit viewers want it), when it can be.

    A relative path is taken from the current folder: when the file is inside ``root`` the
    path is rebased onto ``root`` (a run from ``repo/sub`` reports ``sub/x.json``); a path
    outside ``root`` (also one named from a folder outside it) is kept as it is.  A ``root``
    that is no folder here (a repository elsewhere) takes a relative path as relative to it.
    """
    from urllib.parse import unquote

    uri, relative = relative_uri(path, root)
    return unquote(uri) if relative else path


def relative_uri(path: str, root: str | os.PathLike[str] | None) -> tuple[str, bool]:
    """A URI for ``path``: ``(uri, relative)``; relative to ``root`` when it can be, else an absolute ``file:`` URI."""
    from urllib.parse import quote

    candidate = Path(path)
    base = Path(os.path.abspath(root)) if root is not None else Path.cwd()
    if not candidate.is_absolute() and root is not None:
        cwd = Path.cwd()
        # (taken from the current folder: named from a folder outside the root, or going out of it with `..`, a file
        # outside the root is written as its absolute URI, never as if at the top of the root; a root that is no
        # folder here names a repository elsewhere, which a relative path is taken from)
        if cwd.is_relative_to(base) or base.is_dir():
            candidate = Path(os.path.normpath(cwd / candidate))
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(base)
        except ValueError:
            return candidate.as_uri(), False
    posix = PurePosixPath(*candidate.parts).as_posix() if candidate.parts else "."
    while posix.startswith("./"):
        posix = posix[2:]
    if "\\" in posix:  # a character the path shows as its escape (masking.printable_path): a control, a byte not UTF-8
        from ..masking import ESCAPES

        posix = ESCAPES.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), posix)
    return quote(os.fsencode(posix), safe="/"), True



def root_uri(root: str | os.PathLike[str] | None) -> str:
    base = Path(root) if root is not None else Path.cwd()
    uri = base.absolute().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def stable_key(rule: str, path: str, pointer: str, message: str, file: str | None) -> str:
    """What a finding's fingerprint is made of: its code, path, JSON pointer and message, as a baseline matches them
    (:mod:`validator.baseline`): a page's pointer without its block's line, a message without the positions it
    quotes, so adding lines above a block or a value keeps the fingerprint."""
    from ..baseline import position_blind, unlined

    return "\0".join((rule, path, unlined(pointer, file), position_blind(message)))


def fingerprints(keys: Sequence[str]) -> list[str]:
    """A distinct SHA-256 fingerprint for each key, in order: the n-th repeat of a key gets ``n`` mixed in.

    Findings are keyed by code, path, pointer and message (never by line, so moving a value keeps
    its fingerprint); two identical findings in one value stay two issues.
    """
    import hashlib

    seen: dict[str, int] = {}
    out = []
    for key in keys:
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(hashlib.sha256((key if n == 0 else f"{key}\0{n}").encode("utf-8")).hexdigest())
    return out
