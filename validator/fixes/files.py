"""Bytes in and out: the file's encoding kept, an atomic write, a unified diff."""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
import tempfile
from dataclasses import dataclass

# (byte order mark, codec): the encodings validator.source.load_source decodes
_CANDIDATES: tuple[tuple[bytes, str], ...] = (
    (b"", "utf-8"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"", "utf-16-le"),
    (b"", "utf-16-be"),
    (b"", "utf-32-le"),
    (b"", "utf-32-be"),
)


# a line and its terminator, as validator.source counts lines (not str.splitlines, which also splits at U+2028)
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class UnfixableEncoding(ValueError):
    """The file's bytes cannot be rebuilt from its decoded text (invalid UTF-8, a NUL...)."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """How a file's text is stored: its byte order mark (``bom``, possibly empty) and ``codec``."""

    bom: bytes
    codec: str


def decode(data: bytes, text: str) -> Encoded:
    """The encoding that turns ``text`` (as ``load_source`` decoded ``data``) back into ``data`` exactly.

    Raises :class:`UnfixableEncoding` when none does: such a file is never rewritten.
    """
    for bom, codec in _CANDIDATES:
        if not data.startswith(bom):
            continue
        try:
            if bom + text.encode(codec) == data:
                return Encoded(bom, codec)
        except UnicodeEncodeError:
            continue
    raise UnfixableEncoding("the file cannot be rewritten byte for byte (invalid or mixed encoding)")


def encode(text: str, encoded: Encoded) -> bytes:
    """``text`` as the file stores it."""
    return encoded.bom + text.encode(encoded.codec)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, expected: bytes | None = None) -> None:
    """Replace the file at ``path`` with ``data``: a temporary file in the same folder, then a rename.

    The file's permission bits, and its owner where the user may set them, are kept; a reader sees the old or the
    new file, never half of one.  A symbolic link is followed, so the file it points to is replaced, not the link;
    a file with other hard links is written in place, so that every name sees the fixes.  Raises
    :class:`PermissionError` for a file the user may not write (a rename would replace it all the same), and
    :class:`FileChangedError` when the file no longer holds ``expected`` (edited while it was being fixed).
    """
    target = os.path.realpath(path)
    info = os.stat(target)
    if not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))
    if expected is not None and _read(target) != expected:
        raise FileChangedError(errno.EAGAIN, "it changed while it was being fixed; run again", str(path))
    if info.st_nlink > 1:
        with open(target, "r+b") as out:
            out.write(data)
            out.truncate()
            out.flush()
            os.fsync(out.fileno())
        return
    folder = os.path.dirname(target) or "."
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".ce-validator-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        try:
            os.chown(temporary, info.st_uid, info.st_gid)
        except (OSError, AttributeError):
            pass  # (only the owner's own group, or root, may be given: the file is the user's then)
        if expected is not None and _read(target) != expected:
            raise FileChangedError(errno.EAGAIN, "it changed while it was being fixed; run again", str(path))
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


class FileChangedError(OSError):
    """The file changed between its reading and the writing of its fixes: they are not written."""


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff (``--- path`` / ``+++ path``) of two texts; line ends are shown as they are."""
    old = _LINES.findall(before)
    new = _LINES.findall(after)
    lines = []
    for line in difflib.unified_diff(old, new, fromfile=path, tofile=path):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)
