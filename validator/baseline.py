"""A baseline: the findings a repository already had, so that a run reports only new ones.

``ce-validator check --update-baseline --baseline FILE PATH...`` records the findings of the
run in ``FILE`` (the entries of files the run does not check are kept: a run on some files updates theirs);
``ce-validator check --baseline FILE PATH...`` then reports only the findings that are not in it.  A finding is matched by its rule code, its file (relative to the
baseline's folder), its JSON pointer and a digest of its message, never by line or column,
so moving a value, or adding lines above it, does not bring it back (a page's pointers are matched without their
block's line, ``/L75``).  Counts are respected:
when a value has two identical findings and the baseline records one, one is reported.  A file moved or renamed
since the baseline was recorded keeps its entries (:meth:`Baseline._moved_from`).

The file never holds a message, only a digest of its text, which the engine has already
masked (secret values are never in a finding; positions such as ``line 12`` are left out of
the digest), so it is safe to commit::

    {"version": 1, "tool": "ce-validator",
     "findings": [{"path": "instances/sage.json", "rule": "CE601",
                   "pointer": "/configuration/event.poller.configuration/customers/url",
                   "digest": "3f1c0a9be2d4c771", "count": 1}]}
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .findings import Finding
from .inputs import is_page

FORMAT_VERSION = 1
STDIN_PATH = "-"
_POSITION = re.compile(r"\b(line|column|col)\s+\d+")
# A page finding's pointer starts with its block's line (`/L75/configuration/...`): matched without it, so adding
# lines above a block does not bring its findings back (also in a baseline recorded with the lines).
_BLOCK_LINE = re.compile(r"^/L\d+(?=/|$)")

Key = tuple[str, str, str, str]  # (path, rule, pointer, digest)
# What a run says of a file that is no finding in it: the note that it was skipped (not Cloud Elements)
_NOTES = frozenset({"CE090"})


class BaselineError(Exception):
    """The baseline file cannot be read or is not a baseline (reported with exit status 2)."""


def message_digest(message: str) -> str:
    """A short digest of a (masked) message, blind to the positions some messages quote."""
    return hashlib.sha256(position_blind(message).encode("utf-8")).hexdigest()[:16]


def position_blind(message: str) -> str:
    """``message`` without the line and column numbers it may quote (`opened at line 3, column 7`)."""
    return _POSITION.sub(r"\1 #", message) if "line" in message or "col" in message else message


def unlined(pointer: str, path: object) -> str:
    """A page finding's pointer without its block's line; any other pointer as it is (`/L12` may be a key)."""
    if isinstance(pointer, str) and pointer.startswith("/L") and isinstance(path, str) and is_page(path):
        return _BLOCK_LINE.sub("/L*", pointer)
    return pointer


def _relative(path: str | None, base: Path) -> str:
    if path is None or path in ("-", "<stdin>"):
        return STDIN_PATH
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive
        return PurePosixPath(*Path(absolute).parts).as_posix()
    return PurePosixPath(*Path(relative).parts).as_posix()


@dataclass
class Baseline:
    """Recorded findings, by key, with counts; :meth:`filter` takes each match out of the count once."""

    file: Path
    counts: Counter[Key] = field(default_factory=Counter)
    matched: int = 0  # findings hidden by the baseline so far
    _seen_paths: set[str] = field(default_factory=set)
    _paths: set[str] | None = None  # the recorded files (lazily)
    _gone: dict[tuple[str, str, str], list[str]] | None = None  # those that no longer exist (lazily)

    @property
    def base(self) -> Path:
        return Path(os.path.abspath(self.file)).parent

    def key(self, finding: Finding) -> Key:
        return (_relative(finding.path, self.base), finding.rule, unlined(finding.pointer, finding.path),
                message_digest(finding.message))

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings not in the baseline (each recorded entry hides as many findings as its count)."""
        keyed = [(finding, self.key(finding)) for finding in findings]
        moved = self._moved_from({key for _, key in keyed}, [key for finding, key in keyed
                                                             if finding.rule not in _NOTES])
        kept = []
        for finding, key in keyed:
            self._seen_paths.add(key[0])
            if moved is not None and self.counts[key] <= 0:
                key = (moved, *key[1:])
            if finding.rule not in _NOTES and self.counts[key] > 0:  # (a skip note is said, whatever was recorded)
                self.counts[key] -= 1
                self.matched += 1
            else:
                kept.append(finding)
        return kept

    def _moved_from(self, keys: set[Key], findings: list[Key]) -> str | None:
        """The recorded file that the file of ``findings``, which the baseline does not know, was moved or renamed
        from: of the recorded files that no longer exist, the one holding the most of its findings (rule, pointer
        and message alike), when that is at least half of them; else None.  (A new file that shares a placeholder
        or two with a deleted one is no move: its findings are new.)"""
        paths = {key[0] for key in keys}
        if not findings or len(paths) != 1 or STDIN_PATH in paths or paths & self._recorded_paths():
            return None  # (standard input has no history: what it holds is not a file moved)
        shared = Counter[str]()
        for _, rule, pointer, digest in findings:
            for gone in self._gone_places().get((rule, pointer, digest), ()):
                if self.counts[(gone, rule, pointer, digest)] > 0:
                    shared[gone] += 1
        if not shared:
            return None
        best, count = min(shared.items(), key=lambda item: (-item[1], item[0]))
        if 2 * count < len(findings):
            return None
        self._seen_paths.add(best)  # (what it recorded and this run did not find is gone)
        return best

    def _recorded_paths(self) -> set[str]:
        if self._paths is None:
            self._paths = {key[0] for key in self.counts}
        return self._paths

    def _gone_places(self) -> dict[tuple[str, str, str], list[str]]:
        """The recorded files that no longer exist (moved, renamed or deleted since the baseline was recorded), by
        the (rule, pointer, digest) of each of their entries."""
        if self._gone is None:
            gone = {path for path in self._recorded_paths() if path != STDIN_PATH and not (self.base / path).is_file()}
            self._gone = {}
            for path, rule, pointer, digest in sorted(self.counts):
                if path in gone:
                    self._gone.setdefault((rule, pointer, digest), []).append(path)
        return self._gone

    def note_checked(self, path: str | None) -> None:
        """Record that the file at ``path`` was checked (for :meth:`unmatched`)."""
        self._seen_paths.add(_relative(path, self.base))

    def unchecked(self) -> Counter[Key]:
        """The recorded entries of files this run has not checked, and that still exist (a file deleted since is
        dropped: a new one of its name must not inherit its entries)."""
        return Counter({key: n for key, n in self.counts.items() if key[0] not in self._seen_paths
                        and (key[0] == STDIN_PATH or (self.base / key[0]).is_file())})

    def unmatched(self) -> int:
        """Recorded findings of the checked files that this run did not find (fixed since the baseline)."""
        return sum(n for key, n in self.counts.items() if n > 0 and key[0] in self._seen_paths)


def load(file: str | os.PathLike[str]) -> Baseline:
    """The baseline in ``file``; :class:`BaselineError` when it is missing or malformed."""
    path = Path(file)
    try:
        if path.exists() and not path.is_file() and not path.is_dir():  # a FIFO blocks, /dev/zero never ends
            raise BaselineError(f"{path}: not a regular file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --update-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: not a baseline file: not UTF-8 text (byte {exc.start})") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a baseline file: {exc}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a baseline file: nested too deep to read") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(
            data.get("findings"), list):
        raise BaselineError(f"{path}: not a ce-validator baseline (version {FORMAT_VERSION})")
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(data["findings"]):
        try:
            key = (entry["path"], entry["rule"], unlined(entry["pointer"], entry["path"]), entry["digest"])
            count = entry.get("count", 1)
        except (KeyError, TypeError, AttributeError):
            raise BaselineError(f"{path}: findings[{number}]: needs path, rule, pointer and digest") from None
        if not all(isinstance(part, str) for part in key) or type(count) is not int or count < 1:  # (`true` is no count)
            raise BaselineError(f"{path}: findings[{number}]: malformed entry")
        if key[1] in _NOTES:
            continue  # (an earlier version recorded skip notes: never matched now, so never "gone")
        counts[key] += count
    return Baseline(file=path, counts=counts)


def dump(findings: Iterable[Finding], file: str | os.PathLike[str], *, kept: Counter[Key] | None = None) -> int:
    """Write the baseline of ``findings`` (and the entries ``kept`` from the file's earlier content) to ``file``
    (sorted, one entry per line); returns how many it holds."""
    baseline = Baseline(file=Path(file))
    counts: Counter[Key] = Counter(baseline.key(f) for f in findings if f.rule not in _NOTES)
    counts.update(kept or Counter())
    entries = [{"path": p, "rule": r, "pointer": ptr, "digest": d, "count": n}
               for (p, r, ptr, d), n in sorted(counts.items())]
    lines = ",\n".join("    " + json.dumps(entry, ensure_ascii=False) for entry in entries)
    text = (f'{{\n  "version": {FORMAT_VERSION},\n  "tool": "ce-validator",\n  "findings": [\n'
            + (lines + "\n" if lines else "") + "  ]\n}\n")
    path = Path(file)
    if path.exists() and not path.is_file():  # writing to a FIFO waits for a reader forever
        raise BaselineError(f"{path}: not a regular file")
    if path.parent != Path(""):
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return sum(counts.values())


class BaselineRun:
    """``--baseline FILE`` (filter through it) or ``--update-baseline --baseline FILE`` (record) for one run."""

    def __init__(self, baseline: Baseline, *, update: bool) -> None:
        self.baseline = baseline
        self.update = update
        self._recorded: list[Finding] = []

    @classmethod
    def from_options(cls, file: str | None, *, update: bool = False) -> BaselineRun | None:
        """None without ``file``; raises :class:`BaselineError` for a missing or malformed baseline."""
        if update and not file:
            raise BaselineError("--update-baseline needs --baseline FILE")
        if not file:
            return None
        if not update:
            return cls(load(file), update=False)
        try:  # recording: the files this run does not check keep their entries
            earlier = load(file) if os.path.isfile(file) else Baseline(file=Path(file))  # (False when unreadable)
        except BaselineError:
            earlier = Baseline(file=Path(file))  # (a file that is no baseline is written anew)
        return cls(earlier, update=True)

    def is_baseline(self, path: str | os.PathLike[str] | None) -> bool:
        """Whether ``path`` is the baseline file itself (which a directory walk finds, being ``*.json``)."""
        return path is not None and os.path.abspath(path) == os.path.abspath(self.baseline.file)

    def filter(self, findings: list[Finding], *, path: str | None) -> list[Finding]:
        """The findings of one checked file to report (all of them while recording)."""
        self.baseline.note_checked(path)
        if self.update:
            self._recorded.extend(findings)
            return findings
        return self.baseline.filter(findings)

    def finish(self) -> tuple[bool, str | None]:
        """``(done, note)``: when recording, write the file (``done``: nothing else to report).

        Raises :class:`BaselineError` when the file cannot be written.
        """
        if self.update:
            try:
                written = dump(self._recorded, self.baseline.file, kept=self.baseline.unchecked())
            except OSError as exc:
                raise BaselineError(f"{self.baseline.file}: cannot write: {exc.strerror or exc}") from None
            return True, f"recorded {written} finding{'' if written == 1 else 's'} in {self.baseline.file}"
        hidden, gone = self.baseline.matched, self.baseline.unmatched()
        if not hidden and not gone:
            return False, None
        note = f"{hidden} finding{'' if hidden == 1 else 's'} hidden by the baseline {self.baseline.file}"
        if gone:
            note += f"; {gone} recorded finding{' is' if gone == 1 else 's are'} gone: run --update-baseline to " \
                    "drop them"
        return False, note
