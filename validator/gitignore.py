"""What ``.gitignore`` ignores, for the directory walks of ``ce-validator check``.

Git's rules, read with `pathspec <https://pypi.org/project/pathspec/>`_: every
``.gitignore`` from the repository's top folder down to the file applies, a deeper file
wins over a shallower one, ``.git/info/exclude`` comes first, and an ignored folder is not
entered (git cannot re-include a file inside one).  Outside a git repository only the
``.gitignore`` files inside the searched folder count.  The global excludes file
(``core.excludesFile``) is not read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from pathspec import GitIgnoreSpec


def _repository_top(start: Path) -> Path | None:
    for folder in (start, *start.parents):  # (os.path: a folder that cannot be read is none, not an error)
        if os.path.exists(folder / ".git"):
            return folder
    return None


def _read(file: Path) -> GitIgnoreSpec | None:
    from pathspec import GitIgnoreSpec

    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return GitIgnoreSpec.from_lines(lines) if any(line.strip() for line in lines) else None


class GitIgnore:
    """The ignore rules met so far in one walk; :meth:`enter` each folder before asking about its entries."""

    def __init__(self) -> None:
        self._specs: list[tuple[Path, GitIgnoreSpec]] = []  # shallow to deep: a later match wins
        self._entered: set[Path] = set()

    @classmethod
    def for_walk(cls, start: str | os.PathLike[str]) -> GitIgnore:
        """The rules for a walk of the folder ``start``, with those of its repository's folders above it."""
        ignore = cls()
        folder = Path(os.path.abspath(start))
        top = _repository_top(folder)
        if top is not None:
            exclude = _read(top / ".git" / "info" / "exclude") if os.path.isdir(top / ".git") else None
            if exclude is not None:
                ignore._specs.append((top, exclude))
            for above in reversed((folder, *folder.parents)):
                if above == top or above.is_relative_to(top):
                    ignore.enter(above)
        return ignore

    def enter(self, folder: str | os.PathLike[str]) -> None:
        """Read ``folder``'s ``.gitignore`` (once)."""
        path = Path(os.path.abspath(folder))
        if path in self._entered:
            return
        self._entered.add(path)
        spec = _read(path / ".gitignore") if os.path.isfile(path / ".gitignore") else None
        if spec is not None:
            self._specs.append((path, spec))

    def ignores(self, path: str | os.PathLike[str], *, is_dir: bool = False) -> bool:
        """Whether git ignores the file (or, with ``is_dir``, the folder) at ``path``."""
        absolute = Path(os.path.abspath(path))
        verdict: bool | None = None
        for base, spec in self._specs:
            if base == absolute or not absolute.is_relative_to(base):
                continue
            relative = absolute.relative_to(base).as_posix() + ("/" if is_dir else "")
            include = spec.check_file(relative).include
            if include is not None:
                verdict = include
        return bool(verdict)
