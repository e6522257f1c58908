"""Configuration: ``[tool.ce-validator]`` in ``pyproject.toml``, or the top level of ``.ce-validator.toml``.

The file is found by walking up from a checked file's folder; in each folder
``.ce-validator.toml`` comes before ``pyproject.toml``, and a ``pyproject.toml``
counts only when it has a ``[tool.ce-validator]`` table.  ``--config PATH`` names the
file instead: any TOML file, read from its ``[tool.ce-validator]`` table when it has a
``[tool]`` table, else from its top level.  The table is validated against ``schemas/config.schema.json``; a
problem raises :class:`ConfigError` (file, line, key, message), which the command line
reports with exit status 2.  Paths and globs in the file are relative to its folder.
Command-line options override the file (:meth:`Config.merge_cli`).

Rule selection works like ruff's: ``select`` (default: every rule) and ``ignore``
take codes or prefixes (``CE6``, ``CE601``); within one level the more specific of
the matching ``select`` and ``ignore`` entries wins (an ignore on a tie); a
command-line ``--select`` replaces the file's selection and ``--ignore`` adds to it.
``per-file-ignores`` and pointer ignores (``"file.json#/pointer:CE601"``) apply after
selection.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timezone
from functools import lru_cache
from pathlib import Path, PurePosixPath
from time import time_ns
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence, TypeVar

from .findings import SEVERITIES, Finding, Severity
from .lazy_pattern import LazyPattern
from .options import TIMESTAMP_UNITS, Options
from .rules import opt_in_codes
from .schema_gate import Check, compile_gate

TABLE = "tool.ce-validator"
FILE_NAMES = (".ce-validator.toml", "pyproject.toml")
RULE_CODE = LazyPattern(r"CE[0-9]{0,3}")  # a rule code or a prefix of codes (CE, CE6, CE601)


class ConfigProblem(NamedTuple):
    """One problem in a configuration file."""

    file: str | None  # None for the command line
    key: str | None  # "select[1]", "severity.CE301"; None for the whole file
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = shown_path(self.file) if self.file else "command line"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


def _named_rule(given: str) -> str:
    """A hint when ``given`` is a rule's name (as `explain` and a page's directive take it): its code."""
    from .rules import registry

    code = next((code for code, rule in registry().items() if rule.name == given.strip().lower()), None)
    return f" (`{given.strip().lower()}` is the name of {code}: give its code)" if code else ""


def _config_codes(name: str, codes: object) -> tuple[str, ...]:
    """``codes`` as the tuple a :class:`Config` keeps; TypeError or ValueError naming ``name`` when it is none."""
    if isinstance(codes, (str, bytes)) or not isinstance(codes, (tuple, list)):
        raise TypeError(f"Config.{name} must be a list or tuple of rule codes, not {codes!r}"[:200])
    wrong = next((code for code in codes if not isinstance(code, str) or not RULE_CODE.fullmatch(code)), None)
    if wrong is not None:
        raise ValueError(f"Config.{name}: {wrong!r} is not a rule code or prefix such as CE6 or CE601"[:200])
    return tuple(codes)


def _config_selection(select: tuple[str, ...]) -> None:
    """ValueError when a ``select`` made in code would turn every rule off, as ``--select`` is refused on the command
    line: empty, or a code no rule has (a file read from disk only warns of one: a newer version may share it).
    ``ignore`` is not judged: a code no rule has hides nothing."""
    if not select:
        raise ValueError("Config.select is empty, so no rule would run: give None to run every rule")
    from .rules import registry

    codes = registry()
    unknown = next((code for code in select if not any(known.startswith(code) for known in codes)), None)
    if unknown is not None:
        raise ValueError(f"Config.select: no rule has the code {unknown!r} (`ce-validator rules` lists them)")


def _config_severity(name: str, level: object) -> None:
    if level not in SEVERITIES:
        raise ValueError(f"Config.{name} must be one of {', '.join(SEVERITIES)}, not {level!r}"[:200])


def _config_strings(name: str, values: object, *, paths: bool) -> tuple[str, ...]:
    """``values`` (globs, or folders when ``paths``) as the tuple a :class:`Config` keeps; TypeError or ValueError."""
    kinds = (str, os.PathLike) if paths else (str,)
    if isinstance(values, (str, bytes)) or not isinstance(values, (tuple, list)) \
            or not all(isinstance(value, kinds) for value in values):
        raise TypeError(f"Config.{name} must be a list or tuple of {'paths' if paths else 'globs'}, not {values!r}"[:200])
    if paths:
        return tuple(os.fspath(value) for value in values)
    wrong = next((why for why in map(glob_problem, values) if why is not None), None)
    if wrong is not None:
        raise ValueError(f"Config.{name}: {wrong}")
    return tuple(values)


def shown_path(file: str) -> str:
    """``file`` relative to the current folder when it lies below it (as editors and CI logs link it), else as is."""
    return Config().relative(file) or file


class ConfigError(Exception):
    """The configuration cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[ConfigProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def file(self) -> str | None:
        return self.problems[0].file

    @property
    def key(self) -> str | None:
        return self.problems[0].key

    @property
    def message(self) -> str:
        return self.problems[0].message


class PointerIgnore(NamedTuple):
    """``glob#pointer:CODE``: ignore ``code`` (or prefix) at ``pointer`` and below it, in files matching ``glob``."""

    glob: str
    pointer: str
    code: str

    @classmethod
    def parse(cls, text: str) -> PointerIgnore:
        # the file's name and the pointer may hold a `#` (`sage#1.json`, a resource `orders#eu`): the pointer
        # starts at the first `#` before a `/` or the code's `:`
        split = _POINTER_START.search(text)
        at = split.start() if split is not None else text.find("#")
        path, rest = text[:at], text[at + 1:]
        pointer, _, code = rest.rpartition(":")
        return cls(glob=path, pointer=pointer, code=code)


_POINTER_START = re.compile(r"#(?=/|:CE\d{0,3}$)")


@dataclass
class IgnoreUsage:
    """What the pointer ignores did in a run: those whose glob ``matched`` a checked file, those ``used`` to hide one."""

    matched: set[PointerIgnore] = field(default_factory=set)
    used: set[PointerIgnore] = field(default_factory=set)


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """A loaded configuration (defaults when no file was found)."""

    path: Path | None = None  # the file it came from
    root: Path | None = None  # the folder relative paths and globs start from (None: the current folder)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    pointer_ignores: tuple[PointerIgnore, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    strict: bool = False
    min_severity: Severity = "info"  # findings below it are not reported
    output_format: str | None = None
    server_zone: str = "GMT"
    encode_values: bool = False
    timestamp_unit: str = "s"
    at: datetime | None = None
    element_docs: tuple[str, ...] = ()
    element_schemas: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    # command-line layer (merge_cli)
    cli_select: tuple[str, ...] | None = None
    cli_ignore: tuple[str, ...] = ()
    cli_severity: Mapping[str, Severity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A library caller's slip is said here, as Options says its own: `ignore="CE999"` was read as the prefixes
        # C, E, 9 (every finding hidden), `severity={"CE6": "fatal"}` a KeyError from apply, `exclude=[5]` an
        # AttributeError from the glob matching
        for name in ("select", "ignore", "cli_select", "cli_ignore"):
            value = getattr(self, name)
            if value is not None or name in ("ignore", "cli_ignore"):
                object.__setattr__(self, name, _config_codes(name, value))
        if self.path is None and self.select is not None:  # made in code: a selection naming no rule checks nothing
            _config_selection(self.select)
        for name in ("element_docs", "element_schemas", "exclude", "extend_exclude"):
            object.__setattr__(self, name, _config_strings(name, getattr(self, name), paths=name.startswith("el")))
        for name in ("severity", "cli_severity"):
            levels = getattr(self, name)
            if not isinstance(levels, Mapping):
                raise TypeError(f"Config.{name} must be a mapping of rule codes to severities, not {levels!r}"[:200])
            for code, level in zip(_config_codes(name, tuple(levels)), levels.values()):
                _config_severity(f"{name}[{code!r}]", level)
            object.__setattr__(self, name, dict(levels))  # a copy: the caller's dict, changed later, is not checked
        _config_severity("min_severity", self.min_severity)
        pairs = self.per_file_ignores
        pairs = tuple(pairs.items()) if isinstance(pairs, Mapping) else pairs
        if not isinstance(pairs, (tuple, list)) or not all(isinstance(p, (tuple, list)) and len(p) == 2 for p in pairs):
            raise TypeError(f"Config.per_file_ignores must be pairs of a glob and rule codes, not {pairs!r}"[:200])
        object.__setattr__(self, "per_file_ignores", tuple(
            (_config_strings("per_file_ignores", (glob,), paths=False)[0], _config_codes("per_file_ignores", codes))
            for glob, codes in pairs))
        if not isinstance(self.pointer_ignores, (tuple, list)) \
                or not all(isinstance(p, PointerIgnore) for p in self.pointer_ignores):
            raise TypeError(f"Config.pointer_ignores must be PointerIgnore values, not {self.pointer_ignores!r}"[:200])
        object.__setattr__(self, "pointer_ignores", tuple(self.pointer_ignores))
        for name in ("path", "root"):
            folder = getattr(self, name)
            if folder is not None and not isinstance(folder, (str, os.PathLike)):
                raise TypeError(f"Config.{name} must be a path or None, not {type(folder).__name__}")
            object.__setattr__(self, name, None if folder is None else Path(folder))
        if not isinstance(self.strict, bool) or not isinstance(self.encode_values, bool):
            raise TypeError("Config.strict and Config.encode_values must be bools")
        if not isinstance(self.server_zone, str) or not isinstance(self.output_format, (str, type(None))):
            raise TypeError("Config.server_zone must be a str, and Config.output_format a str or None")
        if self.timestamp_unit not in TIMESTAMP_UNITS:
            raise ValueError(f"Config.timestamp_unit must be one of {', '.join(TIMESTAMP_UNITS)}, "
                             f"not {self.timestamp_unit!r}")
        if self.at is not None and not isinstance(self.at, datetime):
            raise TypeError(f"Config.at must be a datetime or None, not {type(self.at).__name__}")

    def __hash__(self) -> int:
        # frozen, so hashable as its fields are; the severity tables are dicts, hashed by their items
        return hash(tuple(tuple(sorted(value.items())) if isinstance(value, Mapping) else value
                          for value in (getattr(self, f.name) for f in fields(self))))

    # -- selection ----------------------------------------------------------------------------------------------
    def enabled(self, code: str) -> bool:
        """Whether ``code`` is selected (before per-file and pointer ignores)."""
        return _selected(code, self.select, self.ignore, self.cli_select, self.cli_ignore)

    def opt_in(self, codes: Callable[[], Iterable[str]]) -> frozenset[str]:
        """Which opt-in rules (``codes()`` lists them) are on: ``select`` names the code itself, not a prefix.

        ``codes`` is called only when a selection names a full code, so most runs never load the registry.
        """
        named = {code for code in (*(self.select or ()), *(self.cli_select or ())) if len(code) == 5}
        if not named:
            return frozenset()
        return frozenset(code for code in codes() if code in named and self.enabled(code))

    def options(self, *, element: str | None = None, opt_in: Iterable[str] = ()) -> Options:
        """The :class:`~validator.options.Options` a check runs with under this configuration.

        ``element`` names the element of bare configuration or poller files; ``opt_in`` adds codes of
        opt-in rules turned on outside the selection (``--report-spaces``).
        """
        return Options(server_zone=self.server_zone, encode_values=self.encode_values,
                       timestamp_unit=self.timestamp_unit,
                       element_docs=tuple(self.element_docs), element=element,
                       element_schemas=tuple(self.element_schemas),
                       opt_in=self.opt_in(opt_in_codes) | frozenset(opt_in))

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The severity of ``code`` after overrides (command line first, then the file; most specific wins)."""
        for overrides in (self.cli_severity, self.severity):
            if not overrides:
                continue
            best = max((p for p in overrides if code.startswith(p)), key=len, default=None)
            if best is not None:
                return overrides[best]
        return default

    def relative(self, path: str | os.PathLike[str] | None) -> str | None:
        """``path`` relative to :attr:`root`, with ``/``; absolute when outside it; ``None`` for standard input."""
        if path is None or str(path) in ("-", "<stdin>"):
            return None
        try:
            absolute = os.path.abspath(os.fspath(path))
            base = os.path.abspath(self.root) if self.root is not None else os.getcwd()
        except OSError:  # no current folder (deleted under the shell): the path as given
            return os.fspath(path)
        relative = os.path.relpath(absolute, base) if _same_drive(absolute, base) else absolute
        if relative == ".." or relative.startswith(".." + os.sep):
            relative = absolute
        return relative if os.sep == "/" else PurePosixPath(*Path(relative).parts).as_posix()

    def is_excluded(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` (or a folder it is in) matches an ``exclude`` glob."""
        if not self.exclude and not self.extend_exclude:
            return False
        relative = self.relative(path)
        return relative is not None and any(glob_match(pattern, relative)
                                            for pattern in (*self.exclude, *self.extend_exclude))

    def apply(self, findings: Iterable[Finding], *, path: str | os.PathLike[str] | None,
              usage: IgnoreUsage | None = None) -> list[Finding]:
        """The findings of the file at ``path`` that the configuration keeps, with severities overridden.

        ``usage``, when given, records which pointer ignores matched the file and which hid a finding.
        """
        relative = self.relative(path) if self.per_file_ignores or self.pointer_ignores else None
        file_ignores: list[str] = []
        pointers: list[PointerIgnore] = []
        if relative is not None:
            for pattern, codes in self.per_file_ignores:
                if glob_match(pattern, relative):
                    file_ignores.extend(codes)
            pointers = [p for p in self.pointer_ignores if not p.glob or glob_match(p.glob, relative)]
        if usage is not None:
            usage.matched.update(pointers)
        kept = []
        shown: dict[str, bool] = {}  # the same codes come back in a file: each is decided once
        for finding in findings:
            code = finding.rule
            on = shown.get(code)
            if on is None:
                on = shown[code] = self.enabled(code) and _longest(file_ignores, code) < 0
            if not on:
                continue
            # every entry that covers the finding hid it: one at a value inside a key's entry (as the text output
            # prints both when the key and its value hold a finding each) is no entry that does nothing
            hiding = [p for p in pointers if code.startswith(p.code) and _under(finding.pointer, p.pointer)]
            if hiding:
                if usage is not None:
                    usage.used.update(hiding)
                continue
            severity = self.severity_for(code, finding.severity)
            if _RANK[severity] < _RANK[self.min_severity]:
                continue
            kept.append(finding if severity == finding.severity else replace(finding, severity=severity))
        return kept

    # -- command line -------------------------------------------------------------------------------------------
    def merge_cli(
        self,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        severity: Mapping[str, str] | None = None,
        strict: bool | None = None,
        min_severity: str | None = None,
        output_format: str | None = None,
        server_zone: str | None = None,
        encode_values: bool | None = None,
        timestamp_unit: str | None = None,
        at: str | datetime | None = None,
        element_docs: Sequence[str] | None = None,
        element_schemas: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        extend_exclude: Sequence[str] | None = None,
    ) -> Config:
        """This configuration with command-line options on top: a given option wins over the file.

        ``select`` replaces the selection, ``ignore`` adds to it, ``severity`` entries win
        over the file's; folders are relative to the current directory.  ``None`` leaves
        an option as the file has it.  Raises :class:`ConfigError` for a bad value.
        """
        problems: list[ConfigProblem] = []
        for name, codes in (("--select", select), ("--ignore", ignore)):
            for code in codes or ():
                if not RULE_CODE.fullmatch(code):
                    problems.append(ConfigProblem(None, name, f"{code!r} is not a rule code or prefix such as "
                                                              f"CE6 or CE601{_named_rule(code)}"))
        checked_severity: dict[str, Severity] = {}
        for code, level in (severity or {}).items():
            if not RULE_CODE.fullmatch(code):
                problems.append(ConfigProblem(None, "--severity", f"{code!r} is not a rule code or prefix"))
            elif level not in SEVERITIES:
                problems.append(ConfigProblem(None, "--severity", f"{level!r} is not one of error, warning, info"))
            else:
                checked_severity[code] = level
        if min_severity is not None and min_severity not in SEVERITIES:
            problems.append(ConfigProblem(None, "--min-severity", f"{min_severity!r} is not one of error, warning, info"))
        for name, globs in (("--exclude", exclude), ("--extend-exclude", extend_exclude)):
            for glob in globs or ():
                why = glob_problem(glob)
                if why is not None:
                    problems.append(ConfigProblem(None, name, f"{glob!r} is not a valid glob: {why}"))
        parsed_at = self.at
        if at is not None:
            try:
                parsed_at = parse_at(at)
            except ValueError as exc:
                problems.append(ConfigProblem(None, "--at", str(exc)))
        if timestamp_unit is not None and timestamp_unit not in TIMESTAMP_UNITS:
            problems.append(ConfigProblem(None, "--timestamp-unit", f"{timestamp_unit!r} is not one of s, ms"))
        if problems:
            raise ConfigError(problems)
        changes: dict[str, Any] = {"at": parsed_at}
        if select is not None:
            changes["cli_select"] = tuple(select)
        if ignore:
            changes["cli_ignore"] = self.cli_ignore + tuple(ignore)
        if checked_severity:
            changes["cli_severity"] = {**self.cli_severity, **checked_severity}
        for name, value in (("strict", strict), ("min_severity", min_severity), ("output_format", output_format),
                            ("server_zone", server_zone), ("encode_values", encode_values),
                            ("timestamp_unit", timestamp_unit)):
            if value is not None:
                changes[name] = value
        for name, folders in (("element_docs", element_docs), ("element_schemas", element_schemas)):
            if folders is not None:
                changes[name] = tuple(os.path.abspath(folder) for folder in folders)
        if exclude is not None:
            changes["exclude"] = tuple(exclude)
        if extend_exclude:
            changes["extend_exclude"] = self.extend_exclude + tuple(extend_exclude)
        return replace(self, **changes)


_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


# -- loading ----------------------------------------------------------------------------------------------------
#: The configuration files looked for in each folder, from the checked file's folder up, in this order
#: (a pyproject.toml counts only with a [tool.ce-validator] table).
CONFIG_FILE_NAMES = (".ce-validator.toml", "pyproject.toml")


def candidate_files(start: str | os.PathLike[str]) -> Iterator[str]:
    """Every file :func:`find_config_file` may read for ``start`` (a file or a folder), nearest first."""
    folder = os.path.abspath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:  # os.path rather than pathlib: the library runs this for every document it checks
        for name in CONFIG_FILE_NAMES:
            yield os.path.join(folder, name)
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def find_config_file(start: str | os.PathLike[str]) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a folder), or ``None``."""
    folder = os.path.abspath(start)
    return _nearest(folder if os.path.isdir(folder) else os.path.dirname(folder))


def _nearest(folder: str) -> Path | None:
    """:func:`find_config_file` of an absolute ``folder``, remembered (see ``_NEAREST``)."""
    known = _NEAREST.get(folder)
    if known is not None and all(_stamp(path) == stamp for path, stamp in known[0]):
        return None if known[1] is None else Path(known[1])
    found, read = _search(folder)
    stamps = tuple((path, _stamp(path)) for path in read)
    settled = time_ns() - _SETTLED_NS
    if all(stamp is not None and stamp[0] < settled for _, stamp in stamps):
        if len(_NEAREST) >= _MEMO_SIZE:
            _NEAREST.clear()
        _NEAREST[folder] = (stamps, found)
    return None if found is None else Path(found)


def _search(folder: str) -> tuple[str | None, list[str]]:
    """The nearest configuration file at or above ``folder``, and what the answer depends on: each folder
    looked in (a file created or removed there changes its modification time) and each pyproject.toml read."""
    read = []
    for candidate in candidate_files(folder):
        name = os.path.basename(candidate)
        if name == CONFIG_FILE_NAMES[0]:
            read.append(os.path.dirname(candidate))
        if os.path.isfile(candidate):
            read.append(candidate)  # (a link's target may go while the folder stays as it was)
            if name == "pyproject.toml" and not _has_table(Path(candidate)):
                continue
            return candidate, read
        if name == CONFIG_FILE_NAMES[0] and os.path.lexists(candidate):
            return candidate, read  # ours by its name, but no file to read (a folder, a FIFO, a dangling link): said
    return None, read


# A library caller checking many documents asks for the nearest file of the same folders again and again
# (60 us of each check): the answer is remembered while what it depends on keeps its time stamps.  An answer
# that depends on something changed in the last two seconds is not remembered: a file system's clock is coarse,
# and a file created in the same tick as its folder's last change would leave the folder's time as it was.
_NEAREST: dict[str, tuple[tuple[tuple[str, tuple[int, int, int, int] | None], ...], str | None]] = {}
_SETTLED_NS = 2_000_000_000


def _stamp(path: str | Path) -> tuple[int, int, int, int] | None:
    """What changes when ``path`` changes: its modification and change times, size and inode (``None``: missing)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)  # ctime: an edit that keeps the mtime


def load_config(*, start: Path, explicit: Path | None = None) -> Config:
    """The configuration for files at ``start``: ``explicit`` when given, else the nearest file, else defaults."""
    path = Path(explicit) if explicit is not None else find_config_file(start)
    if path is None:
        return Config()
    return _load_file(Path(os.path.abspath(path)), explicit=explicit is not None)


@lru_cache(maxsize=1)
def _defaults() -> Config:
    # (a Config is immutable: every file no configuration governs shares one, and the options made of it)
    return Config()


@lru_cache(maxsize=1)
def _default_options() -> Options:
    return _defaults().options()


def options_of(config: Config) -> Options:
    """``config.options()``, made once for the defaults that every file no configuration governs shares (a library
    call checking one body after another finds no configuration file for each)."""
    return _default_options() if config is _defaults() else config.options()


class ConfigResolver:
    """The configuration of each checked file (nearest file wins), loading each file once.

    ``explicit`` (``--config``) is used for every file when given; ``cli`` holds the
    keyword arguments of :meth:`Config.merge_cli`, applied on top of each file.
    """

    def __init__(self, *, explicit: Path | None = None, cli: Mapping[str, Any] | None = None) -> None:
        self._explicit = explicit
        self._cli = dict(cli or {})
        self._by_file: dict[Path | None, Config] = {}
        self._by_dir: dict[str, Path | None] = {}

    def loaded(self) -> list[Config]:
        """Every configuration :meth:`for_path` has returned so far."""
        return list(self._by_file.values())

    def for_path(self, path: str | os.PathLike[str] | None) -> Config:
        """The configuration for the file at ``path`` (the current folder's for standard input)."""
        if self._explicit is not None:
            source: Path | None = Path(os.path.abspath(self._explicit))
        else:
            if path is None or str(path) in ("-", "<stdin>"):
                directory = os.getcwd()  # (a folder: no stat to ask; the library's check(dict) comes here each call)
            else:
                start = os.path.abspath(path)
                directory = start if os.path.isdir(start) else os.path.dirname(start)
            if directory not in self._by_dir:
                self._by_dir[directory] = _nearest(directory)
            source = self._by_dir[directory]
        config = self._by_file.get(source)
        if config is None:
            config = _defaults() if source is None else _load_file(source, explicit=self._explicit is not None)
            config = config.merge_cli(**self._cli) if self._cli else config
            self._by_file[source] = config
        return config


def parse_at(value: object) -> datetime:
    """A time from the configuration or the command line as an aware datetime (UTC when it has no offset).

    Strings are read as ``--at`` reads them (:func:`validator.timeparse.parse_user_time`: ISO 8601,
    ``now``, ``-15m``...); TOML gives date-times and dates as values; a TOML time of day alone is refused.
    """
    from .timeparse import parse_user_time

    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=timezone.utc)
    if isinstance(value, str):
        return parse_user_time(value)
    raise ValueError(f"{value!r} is a {type(value).__name__}, not a point in time: write a date-time such as "
                     f"2020-06-01T12:00:00Z, 'now' or '-15m'")


#: A configuration file larger than this is refused (``--config /dev/zero`` must end).
MAX_CONFIG_BYTES = 1 << 20


def _read_config(path: Path) -> str:
    """The text of a configuration file: a regular file of at most :data:`MAX_CONFIG_BYTES`, in UTF-8.

    ``ConfigError`` otherwise, naming the byte that is not UTF-8 (a pyproject.toml with one Latin-1
    byte must not silently lose its table).
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # (before opening it: opening a FIFO waits for a writer)
            raise ConfigError([ConfigProblem(str(path), None, "not a regular file")])
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        said = "a link to a file that does not exist" if os.path.islink(path) else "no such configuration file"
        raise ConfigError([ConfigProblem(str(path), None, said)]) from None
    except OSError as exc:
        raise ConfigError([ConfigProblem(str(path), None, f"cannot read: {exc.strerror or exc}")]) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError([ConfigProblem(str(path), None, f"larger than {MAX_CONFIG_BYTES // 1024} KiB: not a "
                                                          "configuration file")])
    try:
        return data.decode("utf-8-sig")  # a byte order mark (Windows editors write one) is not part of the TOML
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError([ConfigProblem(str(path), None, f"byte 0x{data[exc.start]:02X} is not UTF-8 (TOML files "
                                                          "are UTF-8): re-save the file as UTF-8", line)]) from None


# A library caller checking many documents asks for the same configuration files again and again: each is
# read and parsed once while its modification and change times, size and inode stay the same.
_MEMO: dict[tuple[str, str], tuple[tuple[int, int, int, int], Any]] = {}
_MEMO_SIZE = 256
_T = TypeVar("_T")


def _memoised(kind: str, path: Path, compute: Callable[[], _T]) -> _T:
    stamp = _stamp(path)
    if stamp is None:
        return compute()
    key = (kind, str(path))
    hit = _MEMO.get(key)
    if hit is not None and hit[0] == stamp:
        value: _T = hit[1]
        return value
    value = compute()  # a ConfigError is raised again on the next call, never remembered
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    _MEMO[key] = (stamp, value)
    return value


def _has_table(pyproject: Path) -> bool:
    return _memoised("has-table", pyproject, lambda: _reads_as_table(pyproject))


def _reads_as_table(pyproject: Path) -> bool:
    try:
        with open(pyproject, "rb") as handle:
            head = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return False
    if b"ce-validator" not in head and not _NEAR_TABLE.search(head):
        return False
    text = _read_config(pyproject)  # a table we cannot read is an error, not "no configuration"
    document = _parse(pyproject, text)
    table = document.get("tool", {})
    if isinstance(table, dict) and "ce-validator" not in table:
        _refuse_a_misspelt_table(pyproject, text, document)
    return isinstance(table, dict) and "ce-validator" in table


def _refuse_a_misspelt_table(path: Path, text: str, document: Mapping[str, Any]) -> None:
    """`[tool.ce_validator]`, `[ce-validator]`, `[tools.ce-validator]` in a file without `[tool.ce-validator]`: a
    configuration the user meant, not to be dropped unsaid (a ConfigError naming it)."""
    tool, tools = document.get("tool"), document.get("tools")
    for prefix, holder in (("tool.", tool), ("", document), ("tools.", tools)):
        if not isinstance(holder, Mapping):
            continue
        near = next((name for name, value in holder.items() if isinstance(value, dict) and _names_us(name)), None)
        if near is not None:
            line = next((number for number, row in enumerate(text.splitlines(), 1) if near in row), None)
            raise ConfigError([ConfigProblem(str(path), None, f"[{prefix}{near}] is not read: ce-validator's table is "
                                             "[tool.ce-validator]", line)])


def _names_us(name: str) -> bool:
    """A table's name that means ce-validator's (`ce_validator`, `CE-Validator`, `cevalidater`)."""
    return re.sub(r"[-_. ]", "", name.lower()) in ("cevalidator", "cevalidater", "cevalidation")


# a table's name near ce-validator's (`[tool.ce_validator]`, `[tool.cevalidator]`)
_NEAR_TABLE = re.compile(rb"(?i)ce[-_. ]?valid")


def _parse(path: Path, text: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise ConfigError([ConfigProblem(str(path), None, "invalid TOML: nested too deeply")]) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)$", str(exc))
        message = str(exc)[:found.start()].rstrip() + f" (column {found.group(2)})" if found else str(exc)
        line = int(found.group(1)) if found else None
        raise ConfigError([ConfigProblem(str(path), None, f"invalid TOML: {message}", line)]) from None


def _load_file(path: Path, *, explicit: bool) -> Config:
    return _memoised(f"load-{explicit}", path, lambda: _read_file(path, explicit=explicit))


def _read_file(path: Path, *, explicit: bool) -> Config:
    text = _read_config(path)
    data = _parse(path, text)
    in_pyproject = path.name == "pyproject.toml" or "tool" in data  # any TOML file with a [tool] table
    if in_pyproject:
        tool = data.get("tool", {})
        table = tool.get("ce-validator") if isinstance(tool, dict) else None
        if table is None:
            if explicit or path.name != "pyproject.toml":
                _refuse_a_misspelt_table(path, text, data)
                raise ConfigError([ConfigProblem(str(path), None, f"no [{TABLE}] table")])
            return Config(path=path, root=path.parent)
        if not isinstance(table, dict):
            raise ConfigError([ConfigProblem(str(path), TABLE, "must be a table")])
    else:
        table = data
    return _build(path, text, table, prefix=f"{TABLE}." if in_pyproject else "")


def _plain(table: dict[str, Any]) -> dict[str, Any]:
    """The table as JSON Schema sees it: the time ``at`` takes as an ISO string.

    A TOML date or time anywhere else stays what it is, so the schema refuses it where a string belongs
    (``exclude = [2024-01-01]``) instead of the glob code meeting a date.
    """
    at = table.get("at")
    if isinstance(at, (datetime, date, time)):
        return {**table, "at": at.isoformat()}
    return table


def _build(path: Path, text: str, table: dict[str, Any], *, prefix: str) -> Config:
    problems = [ConfigProblem(str(path), prefix + key if key else prefix.rstrip(".") or None, message,
                              _line_of(text, key, in_pyproject=bool(prefix)))
                for key, message in validate_table(_plain(table))]
    at = None
    if not problems and "at" in table:
        try:
            at = parse_at(table["at"])
        except ValueError as exc:
            problems.append(ConfigProblem(str(path), prefix + "at", str(exc),
                                          _line_of(text, "at", in_pyproject=bool(prefix))))
    if not problems:
        problems.extend(_glob_problems(path, text, table, prefix))
    if problems:
        raise ConfigError(sorted(problems, key=lambda p: (p.line is None, p.line or 0)))
    root = path.parent
    ignore = [item for item in table.get("ignore", []) if "#" not in item]
    pointers = [PointerIgnore.parse(item) for item in table.get("ignore", []) if "#" in item]
    return Config(
        path=path,
        root=root,
        select=tuple(table["select"]) if "select" in table else None,
        ignore=tuple(ignore),
        pointer_ignores=tuple(pointers),
        per_file_ignores=tuple((glob, tuple(codes)) for glob, codes in table.get("per-file-ignores", {}).items()),
        severity=dict(table.get("severity", {})),
        strict=table.get("strict", False),
        min_severity=table.get("min-severity", "info"),
        output_format=table.get("format"),
        server_zone=table.get("server-zone", "GMT"),
        encode_values=table.get("encode-values", False),
        timestamp_unit=table.get("timestamp-unit", "s"),
        at=at,
        element_docs=tuple(str(root / folder) for folder in table.get("element-docs", [])),
        element_schemas=tuple(str(root / folder) for folder in table.get("element-schemas", [])),
        exclude=tuple(table.get("exclude", [])),
        extend_exclude=tuple(table.get("extend-exclude", [])),
    )


def _glob_problems(path: Path, text: str, table: Mapping[str, Any], prefix: str) -> list[ConfigProblem]:
    """Globs that cannot be matched (``[z-a]``: a range backwards), each with its key and line."""
    found = []
    globs = [("exclude", g) for g in table.get("exclude", [])]
    globs += [("per-file-ignores", g) for g in table.get("per-file-ignores", {})]
    globs += [("ignore", PointerIgnore.parse(item).glob) for item in table.get("ignore", []) if "#" in item]
    for key, glob in globs:
        problem = glob_problem(glob)
        if problem is not None:
            found.append(ConfigProblem(str(path), prefix + key, f"{glob!r} is not a valid glob: {problem}",
                                       _line_of(text, key, in_pyproject=bool(prefix))))
    return found


def glob_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used as a glob, or ``None``."""
    try:
        _glob_regex(pattern)
    except re.error as exc:
        return str(exc.msg)
    index = pattern.find("[")
    while index != -1:
        end = _set_end(pattern, index)
        if end == -1:
            break
        if _glob_set(pattern[index:end + 1]) == _NOTHING:  # fnmatch takes it, and it never matches
            return f"the set {pattern[index:end + 1]} matches no character (a reversed range?)"
        index = pattern.find("[", end + 1)
    return None


# -- validation -------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def config_schema() -> dict[str, Any]:
    """``config.schema.json`` from the bundled schemas' folder."""
    import json

    from .schemas import bundled_folder

    schema: dict[str, Any] = json.loads((bundled_folder() / "config.schema.json").read_text(encoding="utf-8"))
    return schema


_TYPE_NAMES = {"array": "a list", "string": "a string", "boolean": "true or false", "object": "a table",
               "integer": "a whole number", "number": "a number"}


@lru_cache(maxsize=1)
def _passes() -> Check | None:
    """The configuration schema as a yes/no check (:mod:`validator.schema_gate`): a valid file needs no
    jsonschema import."""
    return compile_gate(config_schema())


def validate_table(table: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(key, message)`` for every problem in a configuration table (``key`` is ``""`` for the table itself)."""
    passes = _passes()
    if passes is not None and passes(table):
        return []
    from jsonschema import Draft202012Validator

    schema = config_schema()
    validator = Draft202012Validator(schema)
    problems: list[tuple[str, str]] = []
    for error in sorted(validator.iter_errors(table), key=lambda e: [str(p) for p in e.absolute_path]):
        key = _key(error.absolute_path)
        kind = error.validator
        if kind == "additionalProperties" and not error.absolute_path:
            known = list(schema["properties"])
            for extra in sorted(set(error.instance) - set(known)):
                if isinstance(error.instance[extra], dict) and _names_us(extra):
                    hint = " (write the options without a table header, at the top level, or under [tool.ce-validator])"
                else:
                    hint = _did_you_mean(extra, known)
                problems.append((extra, f"unknown option{hint}"))
            continue
        if kind == "type":
            expected = error.validator_value
            names = [str(_TYPE_NAMES.get(t, t)) for t in (expected if isinstance(expected, list) else [expected])]
            message = f"must be {' or '.join(names)}, got {_show(error.instance)}"
        elif kind == "enum":
            message = f"must be one of {', '.join(map(str, error.validator_value))}, got {_show(error.instance)}"
        elif kind == "pattern":
            message = f"{_show(error.instance)} {error.schema.get('x-error', 'is not valid')}{_code_hint(error.instance)}"
        elif kind == "minLength":
            message = "must not be empty"
        elif kind == "propertyNames":
            inner = next(iter(error.context), None)
            reason = inner.schema.get("x-error", "is not a valid key") if inner is not None else "is not a valid key"
            message = f"{_show(error.instance)} {reason}{_code_hint(error.instance)}"
        else:
            message = error.message
        if "propertyNames" in error.absolute_schema_path:  # a key: its own line, not its table's header
            key = _key([*error.absolute_path, error.instance])
        problems.append((key, message))
    return problems


def _code_hint(value: Any) -> str:
    """A hint for a rule code written otherwise: in lower case (``ce620``) or as the rule's name
    (``ceql-unbalanced-quote``), which ``--ignore`` also answers with its code."""
    return _in_capitals(value) or (_named_rule(value) if isinstance(value, str) else "")


def _in_capitals(value: Any) -> str:
    """A hint for a rule code written in lower case (``ce620``), which the command line takes but a file does not:
    the file's schema (``schemas/config.schema.json``) is what editors check it with."""
    if not isinstance(value, str):
        return ""
    head, colon, code = value.rpartition(":") if "#" in value else ("", "", value)
    if code == code.upper() or not RULE_CODE.fullmatch(code.upper()):
        return ""
    return f": rule codes are written in capitals, {_show(head + colon + code.upper())}"


def _key(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = str(part)
            shown = text if re.fullmatch(r"[A-Za-z0-9_-]+", text) else '"' + text.replace('"', '\\"') + '"'
            out += f".{shown}" if out else shown
    return out


def _show(value: Any) -> str:
    if isinstance(value, str):  # (a URL's credentials masked: a configuration's value may be one pasted in error)
        from .masking import as_shown

        return '"' + as_shown(value) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    if isinstance(value, dict):  # named, not printed: its values may be anything, a secret among them
        return "a table"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date, time)):  # as TOML writes it
        return value.isoformat().replace("+00:00", "Z")
    return repr(value)


def _did_you_mean(name: str, known: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else f"; known options: {', '.join(known)}"


def _line_of(text: str, key: str, *, in_pyproject: bool) -> int | None:
    """The line defining top-level option ``key`` (its first path part) of the table, if it can be found."""
    name = re.split(r"[.\[]", key, maxsplit=1)[0].strip('"') if key else ""
    if not name:
        return None
    rest = key[len(name):].lstrip(".")
    quoted = re.match(r'"((?:[^"\\]|\\.)*)"', rest)  # a glob of per-file-ignores: its dots are no separators
    sub = quoted.group(1).replace('\\"', '"') if quoted else re.split(r"[.\[]", rest, maxsplit=1)[0] if rest else ""
    table = r"tool\.(?:ce-validator|\"ce-validator\")" if in_pyproject else ""
    current = ""
    in_subtable = None  # line of the [name] sub-table header while inside it
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"\[\s*([^\]]+?)\s*\]", stripped)
        if header and not stripped.startswith("[["):
            if in_subtable is not None:
                return in_subtable  # the sub-table ended without the entry: point at its header
            current = header.group(1)
            if re.fullmatch(rf"{table}\.{re.escape(name)}" if table else re.escape(name), current):
                if not sub and not quoted:  # (`""`, an empty name, is an entry of the table too)
                    return number
                in_subtable = number
            continue
        if in_subtable is not None:
            if re.match(rf"""["']?{re.escape(sub)}["']?\s*=""", stripped):
                return number  # the entry itself: `CE301 = "warn"` inside [severity]
            continue
        if re.fullmatch(table, current) if table else current == "":
            if re.match(rf"""["']?{re.escape(name)}["']?\s*(?:\.[^=]*)?=""", stripped):  # also `severity.CE301 =`
                return number
    return in_subtable


# -- matching ---------------------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _selected(code: str, select: tuple[str, ...] | None, ignore: tuple[str, ...], cli_select: tuple[str, ...] | None,
              cli_ignore: tuple[str, ...]) -> bool:
    """:meth:`Config.enabled`, decided once per code and selection: every file asks again for the codes it holds."""
    state = False
    for chosen_from, dropped_from in ((("CE",), ()), (select, ignore), (cli_select, cli_ignore)):
        chosen = _longest(chosen_from, code) if chosen_from is not None else -1
        dropped = _longest(dropped_from, code)
        if chosen_from is not None:
            state = chosen >= 0 and chosen > dropped
        elif dropped >= 0:
            state = False
    return state


def _longest(prefixes: Iterable[str] | None, code: str) -> int:
    """The length of the longest prefix in ``prefixes`` that ``code`` starts with; -1 when none does."""
    return max((len(p) for p in prefixes or () if code.startswith(p)), default=-1)


def _under(pointer: str, base: str) -> bool:
    return base == "" or pointer == base or pointer.startswith(base + "/")


def _same_drive(a: str, b: str) -> bool:
    return os.path.splitdrive(a)[0].lower() == os.path.splitdrive(b)[0].lower()


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    tokens: list[tuple[bool, str]] = []  # (a star, its regex)
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            tokens.append((False, "(?:.*/)?"))
            i += 3
            continue
        if pattern.startswith("**", i):
            tokens.append((True, ".*"))
            i += 2
            continue
        if char == "*":
            tokens.append((True, "[^/]*"))
        elif char == "?":
            tokens.append((False, "[^/]"))
        elif char == "[":
            end = _set_end(pattern, i)
            if end == -1:
                tokens.append((False, re.escape(char)))
            else:
                tokens.append((False, _glob_set(pattern[i:end + 1])))
                i = end
        else:
            tokens.append((False, re.escape(char)))
        i += 1
    return re.compile(_without_backtracking(tokens))


def _without_backtracking(tokens: list[tuple[bool, str]]) -> str:
    """The tokens' regex, each star but the last matched as :func:`fnmatch.translate` does: the shortest run up to
    the piece after it, never tried again (a lookahead and a back reference), so `*a*a*a*b` against a long name is
    linear, not a power of its length.  The earliest place of each piece is as good as any when every star stays
    within a folder and only a written `/` matches one; with a `**` (which may cross a folder where a `*` may not)
    or a set that matches `/` (`[!a]`), the stars are matched as written."""
    if any(regex in (".*", "(?:.*/)?") or not star and regex != "/" and re.fullmatch(regex, "/")
           for star, regex in tokens):  # (a `**`, or a set that matches `/` too: `[!a]`)
        return "".join(regex for _, regex in tokens)
    last = max((index for index, (star, _) in enumerate(tokens) if star), default=-1)
    out, index, groups = [], 0, 0
    while index < len(tokens):
        star, regex = tokens[index]
        after = index + 1
        while after < len(tokens) and not tokens[after][0]:
            after += 1
        if star and index != last and after > index + 1:
            groups += 1
            piece = "".join(regex for _, regex in tokens[index + 1:after])
            out.append(f"(?=(?P<g{groups}>{regex}?{piece}))(?P=g{groups})")  # (`[^/]*?`: the shortest)
            index = after
            continue
        out.append(regex)
        index += 1
    return "".join(out)


_NOTHING = "(?!)"  # how fnmatch writes a set without members


def _set_end(pattern: str, start: int) -> int:
    """Where the ``[...]`` set opening at ``start`` closes, as fnmatch finds it (a ``]`` first, or after
    ``!``, is a member), or -1 when it never closes (the ``[`` is then itself)."""
    end = start + 1
    if end < len(pattern) and pattern[end] == "!":
        end += 1
    if end < len(pattern) and pattern[end] == "]":
        end += 1
    return pattern.find("]", end)


def _glob_set(glob: str) -> str:
    """A glob's ``[...]`` set as a regex, exactly as :func:`fnmatch.translate` writes it: ``!`` negates,
    ranges as fnmatch reads them (a reversed one is empty), ``[[:alpha:]]`` a set of those characters; no
    nested sets or set operations, which Python's regex engine warns about."""
    from fnmatch import translate

    translated = re.fullmatch(r"\(\?s:(.*)\)\\[Zz]", translate(glob), re.S)
    return translated.group(1) if translated else re.escape(glob)


def glob_escape(path: str) -> str:
    """``path`` as a glob that matches it alone (:func:`glob_match`): each `[`, `*` and `?` in a set of its own."""
    return path.translate(_GLOB_ESCAPES) if "[" in path or "*" in path or "?" in path else path


_GLOB_ESCAPES = str.maketrans({"[": "[[]", "*": "[*]", "?": "[?]"})


def glob_match(pattern: str, relative: str) -> bool:
    """Whether the ``/``-separated path ``relative`` (or one of its folders) matches the glob ``pattern``.

    ``*`` and ``?`` stay within a folder, ``**`` spans folders, ``[...]`` is a set; a
    pattern without ``/`` matches a file or folder name anywhere, a pattern ending in
    ``/`` matches a folder and everything in it.
    """
    pattern = pattern.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    if pattern.endswith("/"):
        pattern += "**"
    pattern = pattern.lstrip("/") if not relative.startswith("/") else pattern
    parts = relative.split("/")
    if "/" not in pattern:
        regex = _glob_regex(pattern)
        return any(regex.fullmatch(part) for part in parts)
    regex = _glob_regex(pattern)
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(len(parts), 0, -1))


def option_location(path: Path, key: str) -> str:
    """Where option ``key`` of the configuration file ``path`` is written, ``file:line`` (``file`` when the line
    cannot be found), for a warning about its value."""
    return _located(path, _text_of(path), key)


def _text_of(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _located(path: Path, text: str, key: str) -> str:
    line = _line_of(text, key, in_pyproject=bool(re.search(r"^\s*\[\s*tool\s*\.", text, re.MULTILINE)))
    return f"{shown_path(str(path))}:{line}" if line is not None else shown_path(str(path))


# -- stale ignores ----------------------------------------------------------------------------------------------
def stale_ignores(configs: Iterable[Config], usage: IgnoreUsage, known_codes: Iterable[str]) -> list[str]:
    """Warnings for ignore entries that do nothing, like ruff's RUF100: ``file:line: key: message``.

    A code or prefix no rule has (in ``select``, ``ignore``, ``per-file-ignores``, ``severity``
    and pointer ignores), and a pointer ignore whose files were checked in this run but that
    hid no finding there (its pointer is wrong, or the mistake was fixed).  A pointer ignore
    whose files were not checked, or whose code is not selected, is not judged.
    """
    codes = frozenset(known_codes)
    warnings: list[str] = []
    seen: set[Path | None] = set()
    for config in configs:
        if config.path is None or config.path in seen:
            continue
        seen.add(config.path)
        text = _text_of(config.path)

        def where(key: str, text: str = text, path: Path = config.path) -> str:
            return _located(path, text, key)

        def at_entry(shown: str, text: str = text, path: Path = config.path) -> str:
            """Where a pointer ignore is written: its own line of a multi-line ``ignore`` list, when found as is."""
            quoted = (f'"{shown}"', f"'{shown}'")
            line = next((n for n, row in enumerate(text.splitlines(), 1) if any(q in row for q in quoted)), None)
            return f"{shown_path(str(path))}:{line}" if line is not None else where("ignore")

        def unknown(code: str) -> bool:
            return not any(known.startswith(code) for known in codes)

        if config.select is not None and not config.select:
            warnings.append(f"{where('select')}: select: empty, so no rule runs (remove it to run every rule)")
        named = [("select", c) for c in config.select or ()] + [("ignore", c) for c in config.ignore]
        named += [(f'per-file-ignores."{glob}"', c) for glob, cs in config.per_file_ignores for c in cs]
        named += [(f"severity.{c}", c) for c in config.severity]
        for key, code in named:
            if unknown(code):
                warnings.append(f"{where(key)}: {key}: no rule has the code {code!r}")
        globs = [("exclude", g) for g in config.exclude] + [("extend-exclude", g) for g in config.extend_exclude]
        globs += [("per-file-ignores", g) for g, _ in config.per_file_ignores]
        globs += [("ignore", entry.glob) for entry in config.pointer_ignores]
        for key, glob in dict.fromkeys(globs):  # a Windows path: `\` is no folder separator in a glob, anywhere
            if "\\" in glob:
                meant = glob.replace("\\", "/")
                place = where(f'{key}."{glob}"') if key == "per-file-ignores" else where(key)  # the entry's line
                warnings.append(f"{place}: {key}: '{glob}' separates folders with \\: globs take / on every "
                                f"system ('{meant}')")
        for entry in dict.fromkeys(config.pointer_ignores):  # (an entry written twice is judged once)
            shown = f"{entry.glob}#{entry.pointer}:{entry.code}"
            if unknown(entry.code):
                warnings.append(f"{at_entry(shown)}: ignore: {shown!r}: no rule has the code {entry.code!r}")
            elif entry in usage.matched and entry not in usage.used and config.enabled(entry.code):
                warnings.append(f"{at_entry(shown)}: ignore: {shown!r} hid no finding: no {entry.code} finding at "
                                f"or below {entry.pointer or 'the document root'} in the files it names (a wrong "
                                f"pointer, or the mistake is fixed: remove the entry)")
    return warnings
