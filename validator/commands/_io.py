"""What the commands share: reading a named input (a file or ``-``) and the usage error (exit 2) it raises."""

from __future__ import annotations

import sys


class UsageError(Exception):
    """An input or option the user gave cannot be used: reported on stderr, exit 2."""


def read_text(name: str) -> str:
    """The UTF-8 text of file ``name`` (a BOM dropped), or standard input for ``-``; raises :class:`UsageError`."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 text (byte {exc.start})") from None
