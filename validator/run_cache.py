"""The run cache: a ``check`` run's whole output, printed again when nothing it depends on has changed.

The results cache (:mod:`validator.cache`) spares checking a file seen before, but a run still parses its
command line, loads its configuration and renders its report: most of a one-file pre-commit run once the
file is known.  This cache keys a run by what can change its output outside the files it reads -- the
command line, the current folder, the whole environment, the standard streams (a terminal or not, their
encoding), the interpreter and the tool's code (:func:`validator.cache_keys.code_fingerprint`) -- and stores
what the run printed, its exit code and the state of every file it read (the checked files and every
configuration file that could apply, by content digest; a folder that must exist).  A later run with the same
key that finds each of those files in the same state prints the stored output and exits with the stored
code, without importing the checks.

Only :mod:`validator.check_runner`, which knows what a run reads, lets a run be stored
(:meth:`Recording.depends_on`, :meth:`Recording.allow`): a check of fewer than 200 files named on the
command line, reported to standard output alone, without ``--fix``, a baseline or element folders.  A run
is stored only when it printed nothing on standard error, exited 0 or 1, and its files were in the same
state at its end as at its start.  What is stored is what was printed: secrets already masked.
"""

from __future__ import annotations

import os
import stat
import sys

from .cache_keys import cache_folder, cache_turned_off, code_fingerprint, digest, read_entry

TYPE_CHECKING = False  # not typing's: this module is imported by every run of the command
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable
    from typing import TextIO

_MAGIC = b"ce-validator run 2"
#: A run that printed more than this is not stored (a replay should stay cheap to read).
MAX_OUTPUT_CHARS = 4 << 20
_SUFFIX = ".run"
_CHUNK = 1 << 13  # characters a replay writes at a time


def key_for(argv: list[str]) -> str | None:
    """The key of the command line ``argv`` (without the program), or None when such a run is never stored:
    not a check, the cache turned off, a standard stream missing, or no current folder."""
    if not argv or argv[0] != "check" or "--no-cache" in argv or cache_turned_off():
        return None
    if sys.stdout is None or sys.stderr is None:
        return None
    try:
        folder = os.getcwd()
    except OSError:  # deleted under the shell
        return None
    hashed = digest(_MAGIC)
    parts = [code_fingerprint(), sys.executable, folder, *argv, "\0env"]
    # every variable but the shell's "_" (the command as typed: `ce-validator` or its full path)
    parts.extend(f"{name}={value}" for name, value in sorted(os.environ.items()) if name != "_")
    parts.extend(_stream_facts(sys.stdout))
    parts.extend(_stream_facts(sys.stderr))
    for part in parts:
        hashed.update(os.fsencode(part) + b"\0")
    return hashed.hexdigest()


def _stream_facts(stream: TextIO) -> list[str]:
    """What of a standard stream can change a report: a terminal or not (colour), its encoding."""
    try:
        terminal = os.isatty(stream.fileno())
    except (AttributeError, OSError, ValueError):
        terminal = False
    return [f"tty={terminal}", f"{getattr(stream, 'encoding', None)}:{getattr(stream, 'errors', None)}"]


def file_state(path: str) -> str:
    """What a run read of ``path``: a regular file's content digest, ``dir`` for a folder, ``-`` for nothing
    there (or something else: a device, a pipe), ``!`` for a file that cannot be read."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return "-"
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if not stat.S_ISREG(info.st_mode):
        return "-"
    try:
        with open(path, "rb") as handle:
            return digest(handle.read()).hexdigest()
    except OSError:
        return "!"


def _entry_path(key: str) -> str:
    return os.path.join(cache_folder(), key[:2], key + _SUFFIX)


def replay(key: str) -> int | None:
    """Print the stored output of the run ``key`` and return its exit code; None (nothing printed) when there
    is no entry, it is not a regular file the tool wrote whole, or a file it depends on has changed."""
    data = read_entry(_entry_path(key), _MAX_ENTRY_BYTES)
    stored = _parse(data) if data is not None else None
    if stored is None:
        return None
    code, files, output = stored
    if any(file_state(path) != state for path, state in files):
        return None
    for start in range(0, len(output), _CHUNK):
        # in pieces, as the run printed it: an unbuffered stream (PYTHONUNBUFFERED) writes one large piece only
        # partly when the reader goes away, where the next piece raises BrokenPipeError, as in the run
        sys.stdout.write(output[start:start + _CHUNK])
    return code


#: The largest entry read: the largest output stored, four bytes a character, with room for its files.
_MAX_ENTRY_BYTES = 4 * MAX_OUTPUT_CHARS + (1 << 20)


def _parse(data: bytes) -> tuple[int, list[tuple[str, str]], str] | None:
    """An entry is ``magic, digest of the rest, code, count, (path, state) * count, output``, NUL-separated;
    the digest finds an entry cut short or altered."""
    magic, _, rest = data.partition(b"\0")
    check, _, body = rest.partition(b"\0")
    if magic != _MAGIC or check != digest(body).hexdigest().encode():
        return None
    code, _, rest = body.partition(b"\0")
    count_text, _, rest = rest.partition(b"\0")
    if code not in (b"0", b"1") or not count_text.isdigit() or len(count_text) > 6:
        return None
    count = int(count_text)
    fields = rest.split(b"\0", 2 * count)
    if len(fields) != 2 * count + 1:
        return None
    try:
        files = [(os.fsdecode(fields[i]), fields[i + 1].decode("ascii")) for i in range(0, 2 * count, 2)]
        output = fields[-1].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    return int(code), files, output


class _Tee:
    """A standard stream that keeps a copy of what is written to it (all else goes to the stream)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.written: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        if self.size <= MAX_OUTPUT_CHARS:  # past it the run is not stored: keep nothing more
            self.written.append(text)
        else:
            self.written.clear()
        return self._stream.write(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


class Recording:
    """A run being watched so that it can be stored (started by the console script before the run)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self._files: dict[str, str] = {}  # path -> state when the run started
        self._allowed = False
        self._out = _Tee(sys.stdout)
        self._err = _Tee(sys.stderr)

    @classmethod
    def start(cls, key: str) -> Recording:
        """Watch the run from now: standard output and error are copied until :meth:`finish`."""
        recording = cls(key)
        sys.stdout = recording._out
        sys.stderr = recording._err
        return recording

    def depends_on(self, paths: Iterable[str]) -> None:
        """The run's output depends on ``paths`` (files or folders), in their state now: before it reads them."""
        for path in paths:
            self._files.setdefault(path, file_state(path))

    def allow(self) -> None:
        """The run may be stored: what it read is covered by the key and the files it depends on."""
        self._allowed = True

    def finish(self, code: int | None) -> None:
        """Stop copying the streams; store the run when it may be, printed nothing on standard error, exited 0
        or 1 (``code``; None: it did not complete), and every file it depends on is as it was when the run
        started."""
        for name, tee in (("stdout", self._out), ("stderr", self._err)):
            if getattr(sys, name) is tee:
                setattr(sys, name, tee._stream)
        files = self._files
        if (not self._allowed or code not in (0, 1) or self._err.size or self._out.size > MAX_OUTPUT_CHARS
                or any(file_state(path) != state for path, state in files.items())):
            return
        fields = [str(code).encode(), str(len(files)).encode()]
        for path, state in files.items():
            fields += [os.fsencode(path), state.encode("ascii")]
        fields.append("".join(self._out.written).encode("utf-8", "surrogatepass"))
        body = b"\0".join(fields)
        from .cache import write_entry

        write_entry(self.key, _SUFFIX, b"\0".join([_MAGIC, digest(body).hexdigest().encode(), body]))
