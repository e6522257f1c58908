"""A results cache like ruff's: findings keyed by file content, tool code and configuration.

Entries live in ``.ce-validator-cache/`` (override with ``CE_VALIDATOR_CACHE_DIR``),
one small JSON file per key; the folder is safe to delete at any time.  The key
covers the file's bytes, the kind asked for, every option and configuration
value that changes findings, and :func:`validator.cache_keys.code_fingerprint` (the tool version,
the interpreter's version, where the libraries a finding can depend on are installed and when their
files were written, the size and mtime of each of the tool's own files and schemas), so an answer is
never stale.  Findings are stored as the engine returns them: secret values already scrubbed.  A whole
run's output is stored beside them by :mod:`validator.run_cache`.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from .cache_keys import CACHE_DIR_NAME, cache_folder, code_fingerprint, digest, read_entry
from .findings import Edit, Finding, Fix

_FORMAT = 3  # 3: a digest line before the findings
_STORED_FIELDS = frozenset(name for name in Finding.__slots__ if name != "path")


def cache_key(data: bytes, *, settings: Any, name: str | None = None) -> str:
    """The key of a file's findings: the tool's code, the settings, the file's bytes, and the endings of its ``name``
    (`.json.j2` is a template, `.md` a page, `.sh` a script: the same bytes read otherwise)."""
    hashed = digest()
    hashed.update(code_fingerprint().encode())
    hashed.update(json.dumps(settings, sort_keys=True, default=str).encode())
    hashed.update(b"\0")
    hashed.update(_endings(name).encode())
    hashed.update(b"\0")
    hashed.update(data)
    return hashed.hexdigest()


def _endings(name: str | None) -> str:
    """The suffixes of a file's name, lower-cased (``None``: standard input)."""
    if name is None:
        return "\0"
    base = os.path.basename(name).lower()
    return base[base.find("."):] if "." in base.lstrip(".") else ""


def load(key: str, *, path: str | None) -> list[Finding] | None:
    """The cached findings for ``key`` with ``path`` filled in (as the engine writes it), or None."""
    if path is not None and not path.isascii():  # an undecodable byte in a file name: its escape
        from .masking import printable

        path = printable(path)
    data = read_entry(os.path.join(cache_folder(), key[:2], f"{key}.json"), _MAX_ENTRY_BYTES)
    if data is None:
        return None
    check, _, body = data.partition(b"\n")
    if check != digest(body).hexdigest().encode():  # cut short, or edited by hand
        return None
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
        return None
    items = payload.get("findings")
    if not isinstance(items, list) or not all(_sound(item) for item in items):
        return None
    try:
        return [Finding(path=path, **{**item, "fix": _fix_from_json(item.get("fix"))}) for item in items]
    except (TypeError, KeyError, ValueError, AttributeError):
        return None


_MAX_ENTRY_BYTES = 64 << 20  # far more than the findings of any file; a bigger entry was not written by us
_TEXT_FIELDS = ("rule", "message", "pointer")
_PLACE_FIELDS = ("line", "column", "end_line", "end_column")


def _sound(item: Any) -> bool:
    """Whether a stored finding has the fields and types a :class:`Finding` has (an entry is a miss otherwise)."""
    return isinstance(item, dict) and set(item) == _STORED_FIELDS \
        and all(isinstance(item[name], str) for name in _TEXT_FIELDS) \
        and item["severity"] in ("error", "warning", "info") \
        and all(type(item[name]) is int and 1 <= item[name] < 1 << 31 for name in _PLACE_FIELDS) \
        and (item["line"], item["column"]) <= (item["end_line"], item["end_column"]) \
        and (item["help"] is None or isinstance(item["help"], str)) \
        and (item["fix"] is None or isinstance(item["fix"], dict))




def store(key: str, findings: list[Finding]) -> None:
    """Write the findings for ``key``; a cache that cannot be written is silently skipped."""
    items = []
    for f in findings:
        item = {name: getattr(f, name) for name in Finding.__slots__ if name not in ("path", "fix")}
        item["fix"] = _fix_to_json(f.fix)
        items.append(item)
    body = json.dumps({"format": _FORMAT, "findings": items}).encode("utf-8")
    write_entry(key, ".json", digest(body).hexdigest().encode() + b"\n" + body)


def write_entry(key: str, suffix: str, data: bytes) -> None:
    """Write ``data`` as the entry ``key`` (a results entry, or a run's with :mod:`validator.run_cache`).

    Atomically; never through a symbolic link inside the cache folder (a checked-in link must not make the
    tool write elsewhere), never leaving a ``.tmp`` file behind, and the folder is pruned now and then.
    A cache that cannot be written is silently skipped.
    """
    import random
    import tempfile  # with shutil, 5 ms that a cache hit does not need

    root = Path(cache_folder())
    directory = root / key[:2]
    tmp = None
    try:
        ours = root.name == CACHE_DIR_NAME or not root.exists()  # (a shared folder named for it is not ours to ignore)
        directory.mkdir(parents=True, exist_ok=True)
        if root.is_symlink() or directory.is_symlink():
            return
        if ours:
            _write_gitignore(root)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=_TMP_PREFIX, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, directory / f"{key}{suffix}")
        tmp = None
        if random.random() < 1 / 64:
            prune(root)
    except OSError:
        return
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


#: The entries' suffixes: a file's findings, a run's output (:mod:`validator.run_cache`).
ENTRY_SUFFIXES = (".json", ".run")
#: The most entries the cache keeps; past it the oldest go (a pre-commit hook's cache stays small).
MAX_ENTRIES = 20_000


_TMP_PREFIX = ".ce-validator-"


def prune(root: Path, *, keep: int = MAX_ENTRIES) -> int:
    """Remove the least recently written entries beyond ``keep``, and stale ``.tmp`` files; how many went.

    Only what :func:`write_entry` writes is touched (a folder of two hex digits holding entries named by their key,
    and its own ``.tmp`` files): ``CE_VALIDATOR_CACHE_DIR`` may name a folder other programs keep files in."""
    import re

    entry_name = re.compile(r"[0-9a-f]{64}(?:" + "|".join(re.escape(suffix) for suffix in ENTRY_SUFFIXES) + ")")
    entries: list[tuple[int, str]] = []
    removed = 0
    for directory in root.iterdir() if root.is_dir() else ():
        if directory.is_symlink() or not directory.is_dir() or not re.fullmatch(r"[0-9a-f]{2}", directory.name):
            continue
        for file in directory.iterdir():
            name = file.name
            ours = name.startswith(_TMP_PREFIX) and name.endswith(".tmp")
            if not ours and not (entry_name.fullmatch(name) and name.startswith(directory.name)):
                continue
            try:
                info = file.lstat()
            except OSError:
                continue
            if ours:
                if info.st_mtime < time.time() - 3600:
                    removed += _unlink(file)
            else:
                entries.append((info.st_mtime_ns, str(file)))
    if len(entries) > keep:
        entries.sort()
        for _mtime, name in entries[: len(entries) - keep * 4 // 5]:
            removed += _unlink(Path(name))
    return removed


def _unlink(file: Path) -> int:
    try:
        file.unlink()
    except OSError:
        return 0
    return 1


def _write_gitignore(root: Path) -> None:
    gitignore = root / ".gitignore"
    if os.path.lexists(gitignore):
        return
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(gitignore, flags, 0o644)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("# Created by ce-validator; safe to delete.\n*\n")


def _fix_to_json(fix: Fix | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {"message": fix.message, "applicability": fix.applicability,
            "edits": [[edit.start, edit.end, edit.replacement] for edit in fix.edits]}


def _fix_from_json(data: Any) -> Fix | None:
    if data is None:
        return None
    if data["applicability"] not in ("safe", "unsafe"):
        raise ValueError("bad applicability")
    return Fix(data["message"], tuple(Edit(int(s), int(e), str(r)) for s, e, r in data["edits"]),
               data["applicability"])
