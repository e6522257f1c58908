"""Output formats for ``ce-validator check``: one module per format, chosen by name.

Every reporter module has one function with the same keyword-only signature::

    render(findings: Sequence[Finding], *, files: Sequence[FileReport] = (),
           rules: Mapping[str, Rule] | None = None, tool_version: str,
           color: bool = False, root: str | os.PathLike[str] | None = None) -> str

``findings`` are placed findings (any order: reporters sort them), ``files`` the
checked files (a :class:`FileReport` per file, in the order they were checked; its
``path`` is the string used in ``Finding.path``), ``rules`` the rule registry (for
names and documentation), ``color`` whether to emit ANSI colours (only ``text`` and
``concise`` use it), ``root`` the repository root that report paths are relative to
(the current directory by default; ``sarif``, ``gitlab``, ``github`` and ``junit`` use
it: a relative path given from a folder inside ``root`` is rebased onto ``root``).  The result is the
whole output, ending with a newline unless empty.

No reporter can print the value of a secret: findings arrive scrubbed and excerpts come from\n:class:`FileReport` lines, which are masked (see :mod:`validator.masking`).
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Collection, Mapping, NamedTuple, Protocol, Sequence, TextIO

from ..lazy_pattern import LazyPattern

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..masking import MaskedText
    from ..rules.base import Rule

# name -> module; the order is the order shown in --help and the docs.
REPORTERS: dict[str, str] = {
    "text": "validator.reporters.text",
    "concise": "validator.reporters.concise",
    "json": "validator.reporters.json_",
    "github": "validator.reporters.github",
    "sarif": "validator.reporters.sarif",
    "junit": "validator.reporters.junit",
    "gitlab": "validator.reporters.gitlab",
}

Span = tuple[int, int, int, int]
"""``(line, column, end_line, end_column)``: 1-based, columns in code points, end exclusive."""


class FileReport(NamedTuple):
    """One checked (or skipped) file, as reporters need it.

    ``path`` is the path as shown (equal to ``Finding.path`` of its findings; ``None``
    for a document that has no path), ``lines`` its text with every secret masked, split
    into lines without line terminators (for source excerpts; a line no finding points at may be
    empty), and ``skipped`` the reason
    the file was not checked (``None`` when it was).  Build it with :meth:`from_text`, which
    takes only a :class:`~validator.masking.MaskedText`: a reporter cannot show an unmasked line.
    ``fails_on`` holds the severities that fail the run for this file (``warning`` too under
    ``strict``; ``junit`` reports those findings as failures).  ``ignore_as`` is the file's path as the
    ``ignore`` entries of its configuration name it (relative to that configuration's folder), when known.
    ``unreadable`` is the error of a path named or found that could not be read (a missing file): not checked,
    and the run fails (exit 2); machine-readable reports say so (SARIF, JUnit, JSON).
    """

    path: str | None
    lines: tuple[str, ...] = ()
    skipped: str | None = None
    fails_on: tuple[str, ...] = ("error",)
    ignore_as: str | None = None
    unreadable: str | None = None

    @classmethod
    def from_text(cls, path: str | None, text: MaskedText, *, skipped: str | None = None,
                  wanted: Collection[int] | None = None) -> FileReport:
        """A report for a file whose masked text is ``text``.

        With ``wanted`` (line numbers), only those lines are kept and the others are empty: a batch of
        thousands of files then holds the lines its excerpts show, not every file's text.
        """
        lines = split_lines(text)
        if wanted is not None:
            lines = tuple(line if number in wanted else "" for number, line in enumerate(lines, 1))
        return cls(path=path, lines=lines, skipped=skipped)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class UnknownFormatError(ValueError, KeyError):
    """An output format name that is not in :data:`REPORTERS` (a ``ValueError`` and a ``KeyError``)."""

    __str__ = BaseException.__str__


class Reporter(Protocol):
    """What a reporter module provides."""

    def render(self, findings: Sequence[Finding], *, files: Sequence[FileReport] = (),
               rules: Mapping[str, Rule] | None = None, tool_version: str, color: bool = False,
               root: str | os.PathLike[str] | None = None) -> str: ...


_LINE_END = LazyPattern(r"\r\n|\r|\n")


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as findings count them (as ``validator.source`` does): ``\\n``, ``\\r\\n`` and a lone ``\\r`` end a line."""
    return tuple(_LINE_END.split(text) if "\r" in text else text.split("\n"))  # (the common case, at C speed)


class StreamingReporter(Protocol):
    """What a format that can be printed file by file provides besides ``render``: ``render`` of files in
    path order equals their ``render_file`` outputs, in that order, followed by ``render_end``."""

    def render_file(self, findings: Sequence[Finding], *, report: FileReport, color: bool = False) -> str: ...

    def render_end(self, findings: Sequence[Finding], *, files: Sequence[FileReport], color: bool = False) -> str: ...


STREAMING: frozenset[str] = frozenset({"text", "concise"})
"""The formats whose module is also a :class:`StreamingReporter`."""


def get_streaming_reporter(name: str) -> StreamingReporter:
    """The reporter module of a format in :data:`STREAMING`."""
    if name not in STREAMING:
        raise UnknownFormatError(f"the {name} format is not printed file by file")
    module: StreamingReporter = importlib.import_module(REPORTERS[name])
    return module


def get_reporter(name: str) -> Reporter:
    """The reporter module for a format name; :class:`UnknownFormatError` for an unknown name."""
    module_name = REPORTERS.get(name)
    if module_name is None:
        raise UnknownFormatError(f"unknown format {name!r}: choose from {', '.join(REPORTERS)}")
    return importlib.import_module(module_name)


def default_format(env: Mapping[str, str] | None = None) -> str:
    """``github`` inside GitHub Actions (``GITHUB_ACTIONS=true``), else ``text``."""
    env = os.environ if env is None else env
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


def should_color(stream: TextIO | None, *, env: Mapping[str, str] | None = None, mode: str = "auto") -> bool:
    """Whether to colour output written to ``stream``.

    ``mode`` is the ``--color`` option: ``always``/``never`` decide; ``auto`` follows,
    in order, ``NO_COLOR`` (set and not empty: no colour), ``FORCE_COLOR`` (set and not
    empty: colour), ``TERM=dumb`` (no colour), then whether ``stream`` is a terminal.
    """
    if mode == "always":
        return True
    if mode == "never":
        return False
    if mode != "auto":
        raise ValueError(f"unknown colour mode {mode!r}: use auto, always or never")
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


__all__ = ["REPORTERS", "STREAMING", "FileReport", "Reporter", "Span", "StreamingReporter", "UnknownFormatError",
           "default_format", "get_reporter", "get_streaming_reporter",
           "should_color", "split_lines"]
