"""A results cache like ruff's: findings keyed by file content, tool code and configuration.

Entries live in ``.ce-validator-cache/`` (override with ``CE_VALIDATOR_CACHE_DIR``),
one small JSON file per key; the folder is safe to delete at any time.  The key
covers the file's bytes, the kind asked for, every option and configuration
value that changes findings, the tool version and a fingerprint of the tool's
own code and schemas (size and mtime of each file), so an answer is never stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from .findings import Finding

CACHE_DIR_NAME = ".ce-validator-cache"
_FORMAT = 1


def cache_dir() -> Path:
    return Path(os.environ.get("CE_VALIDATOR_CACHE_DIR") or CACHE_DIR_NAME)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever the installed tool's code or schemas change."""
    from ._version import __version__

    package = Path(__file__).resolve().parent
    roots = [package, package.parent / "schemas"]
    digest = hashlib.sha256(__version__.encode())
    for root in roots:
        if not root.is_dir():
            continue
        for directory, subdirs, files in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".json", ".tsv", ".gz", ".txt")):
                    info = os.stat(os.path.join(directory, name))
                    digest.update(f"{directory}/{name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return digest.hexdigest()


def cache_key(data: bytes, *, settings: Any) -> str:
    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def load(key: str, *, path: str | None) -> list[Finding] | None:
    """The cached findings for ``key`` with ``path`` filled in, or None."""
    file = cache_dir() / key[:2] / f"{key}.json"
    try:
        payload = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
        return None
    try:
        return [Finding(path=path, **item) for item in payload["findings"]]
    except (TypeError, KeyError):
        return None


def store(key: str, findings: list[Finding]) -> None:
    """Write atomically; a cache that cannot be written is silently skipped."""
    directory = cache_dir() / key[:2]
    items = []
    for f in findings:
        item = {name: getattr(f, name) for name in Finding.__slots__ if name != "path"}
        items.append(item)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        root = cache_dir()
        gitignore = root / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# Created by ce-validator; safe to delete.\n*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"format": _FORMAT, "findings": items}, handle)
        os.replace(tmp, directory / f"{key}.json")
    except OSError:
        return
