"""What both caches key on: the tool's code fingerprint, the digest and the cache folder.

Kept free of heavy imports (standard ``os``, ``stat`` and ``sys`` only): the run cache (:mod:`validator.run_cache`)
computes a key before the command line is even parsed.
"""

from __future__ import annotations

import os
import sys

from ._version import __version__
from .locations import PACKAGE, schema_folder

try:  # built in; hashlib would first load OpenSSL, 3 ms of a cache hit
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

CACHE_DIR_NAME = ".ce-validator-cache"
# The libraries whose version can change a finding or a report: the checks' own, markdown-it-py for pages,
# and what jsonschema resolves schemas with.
_LIBRARIES = ("jsonschema", "pyparsing", "pendulum", "markdown_it", "referencing", "jsonschema_specifications")
_fingerprint: str | None = None


def digest(data: bytes = b"") -> blake2b:
    """A fresh digest: 32 bytes, as SHA-256 gave, so an entry's path stays short enough for Windows' limit."""
    return blake2b(data, digest_size=32)


def cache_turned_off() -> bool:
    """Whether ``$CE_VALIDATOR_NO_CACHE`` turns both caches off for the whole environment."""
    return bool(os.environ.get("CE_VALIDATOR_NO_CACHE"))


def cache_folder() -> str:
    """The cache folder: ``$CE_VALIDATOR_CACHE_DIR``, else ``.ce-validator-cache`` in the current folder."""
    return os.environ.get("CE_VALIDATOR_CACHE_DIR") or CACHE_DIR_NAME


def code_fingerprint() -> str:
    """Changes whenever the installed tool's code or schemas, the libraries its checks use or the interpreter
    change (computed once a process)."""
    global _fingerprint
    if _fingerprint is None:
        _fingerprint = _compute_fingerprint()
    return _fingerprint


def _find_origin(name: str) -> str | None:
    """Where the top-level module ``name`` would be imported from, asking the import system's finders as
    ``importlib.util.find_spec`` does (whose import costs 2 ms of a replayed run)."""
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        spec = find_spec(name, None) if find_spec is not None else None
        if spec is not None:
            return spec.origin if isinstance(spec.origin, str) else None
    return None


def _compute_fingerprint() -> str:
    schemas = schema_folder()
    roots = [PACKAGE] + ([schemas] if schemas is not None and not schemas.startswith(PACKAGE + os.sep) else [])
    hashed = digest(__version__.encode())
    hashed.update(f"{sys.implementation.name}:{sys.version};".encode())
    for library in _LIBRARIES:
        # where the library is and when its files were written: a new version rewrites them. Cheaper than
        # importlib.metadata (25 ms), and nothing is imported.
        origin = _find_origin(library)
        try:
            info = os.stat(origin) if origin else None
        except OSError:
            info = None
        hashed.update(f"{library}={origin}:{info.st_size if info else '?'}:{info.st_mtime_ns if info else '?'};"
                      .encode())
    for root in roots:
        if not os.path.isdir(root):
            continue
        for directory, subdirs, files in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".json", ".tsv", ".gz", ".txt")):
                    info = os.stat(os.path.join(directory, name))
                    hashed.update(f"{directory}/{name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return hashed.hexdigest()


def read_entry(path: str, limit: int) -> bytes | None:
    """A cache entry's bytes: a regular file, not through a link, never waiting on a pipe, at most ``limit`` bytes;
    None for anything else (a hand-made FIFO, a link to `/dev/zero`)."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if os.path.islink(path):  # O_NOFOLLOW is POSIX's
            return None
        descriptor = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(descriptor)
