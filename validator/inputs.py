"""What ``check`` reads: a named file or standard input, and the error for one that cannot be read.

Kept below the command layer so that the batch runner (``check_runner``) does not import a command.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class InputFile(NamedTuple):
    """A file to check, or standard input."""

    shown: str  # the path as shown to the user
    path: Path | None  # None for standard input


class InputError(Exception):
    """A path that cannot be read; reported on stderr, exit 2."""


#: File names read as Markdown documentation pages (``validator.pages``), any case.
PAGE_SUFFIXES: tuple[str, ...] = (".md", ".markdown")


def is_page(path: str | None) -> bool:
    """Whether ``path`` names a Markdown page (``.md``, ``.markdown``; any case)."""
    return path is not None and path.lower().endswith(PAGE_SUFFIXES)
