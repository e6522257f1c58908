"""Runs ``ce-validator check``: configuration, cache, engine and reporter for every input.

Kept apart from ``commands/check.py`` so the command module stays cheap to import.
"""

from __future__ import annotations

import argparse
import gc
import os
import stat
import sys
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence, Union, cast

from .cache_keys import cache_turned_off
from .findings import Finding
from .inputs import reads_as_page, within
from .reporters import FileReport

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config, ConfigResolver, IgnoreUsage
    from .inputs import InputError, InputFile
    from .masking import MaskedText
    from .options import Options
    from .run_cache import Recording
    from .rules.base import Rule

Job = tuple["InputFile", "Config", "Options"]  # planned in the parent, in input order
ReportBuilder = Callable[[list[Finding], bool], "FileReport"]  # (kept findings, whether excerpts are shown)
Outcome = tuple[str, object]  # ("ok", (findings, ReportBuilder)) | ("input-error" | "setup-error", message)


class _LazyRules(Mapping[str, "Rule"]):
    """The rule registry, imported only by a reporter that reads it (text and concise do not)."""

    def __init__(self, load: Callable[[], Mapping[str, Rule]]) -> None:
        self._load = load

    def __getitem__(self, code: str) -> Rule:
        return self._load()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


def _settings(kind: str, options: Options) -> dict[str, Any]:
    return {"kind": kind, "server_zone": options.server_zone, "encode_values": options.encode_values,
            "timestamp_unit": options.timestamp_unit,
            "element": options.element, "opt_in": sorted(options.opt_in),
            "element_schemas": [_tree_fingerprint(d) for d in options.element_schemas],
            "element_docs": [_tree_fingerprint(d) for d in options.element_docs]}


def _tree_fingerprint(directory: str) -> list[Any]:
    """Every JSON file the tool may read in ``directory`` (``<key>.schema.json``, ``element.json``) and in its
    folders one level down (``<key>/element.json``, ``<key>/swagger.json``), with its size and mtime, following
    links (an element folder reached through a link changes the key when its files change).  No deeper: a
    mistyped folder (``/``, ``/proc``) must not be walked whole."""
    if not os.path.isdir(directory):
        return [directory, "missing"]
    entries: list[Any] = [directory, os.path.realpath(directory)]
    for folder in [directory, *sorted(_subfolders(directory))]:
        try:
            names = sorted(name for name in os.listdir(folder) if name.endswith(".json"))
        except OSError:
            continue
        for name in names:
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            entries.append((os.path.join(folder, name), info.st_size, info.st_mtime_ns))
    return entries


def _subfolders(directory: str) -> list[str]:
    try:
        with os.scandir(directory) as found:
            return [entry.path for entry in found if entry.is_dir()]
    except OSError:
        return []


def run_check(
    args: argparse.Namespace,
    *,
    inputs: Sequence[Union[InputFile, InputError]],
    read: Callable[[InputFile], bytes],
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
    notes: Sequence[tuple[str, str]] = (),
) -> int:
    """Check ``inputs`` as ``args`` say; ``notes``: ``(path, warning)`` of the files a folder's walk passed over
    (a link not followed), said unless the configuration excludes them."""
    from .config import ConfigError, ConfigResolver
    from .inputs import InputError
    from .reporters import should_color

    use_cache = not args.no_cache and not cache_turned_off()
    recording = getattr(args, "recording", None) if use_cache else None
    if recording is not None and not _watch_reads(recording, args, inputs):
        recording = None
    workers_setting = os.environ.get("CE_VALIDATOR_JOBS", "").strip()
    if workers_setting and not (workers_setting.isdigit() and int(workers_setting) > 0):
        print(f"ce-validator: warning: CE_VALIDATOR_JOBS={workers_setting!r} is not a positive whole number: "
              "checking in one process", file=sys.stderr)
    unknown = _unknown_codes(select=select, ignore=ignore)
    if unknown:
        print(f"ce-validator: configuration error: command line: {unknown}", file=sys.stderr)
        return 2
    cli = {"select": select, "ignore": ignore, "strict": args.strict,
           "min_severity": getattr(args, "min_severity", None), "server_zone": args.server_zone,
           "element_docs": args.element_docs, "element_schemas": args.element_schemas,
           "encode_values": getattr(args, "encode_values", None), "exclude": getattr(args, "exclude", None),
           "timestamp_unit": getattr(args, "timestamp_unit", None),
           "extend_exclude": getattr(args, "extend_exclude", None)}
    resolver = ConfigResolver(explicit=Path(args.config) if args.config else None,
                              cli={k: v for k, v in cli.items() if v is not None})
    readable = [i for i in inputs if not isinstance(i, InputError)]

    def located(item: InputFile) -> str | None:
        """The path whose configuration applies to ``item``: a file's, or standard input's `--stdin-filename` (an
        editor's buffer: the settings, ignores and excludes of the file it names, as the library applies them);
        None for unnamed standard input (the current folder's)."""
        return item.shown if item.path is not None or getattr(args, "stdin_filename", None) else None

    try:
        first_config = resolver.for_path(located(readable[0]) if readable else None)
    except ConfigError as exc:
        print(f"ce-validator: configuration error: {exc}", file=sys.stderr)
        return 2
    from . import outputs

    try:
        targets = outputs.plan_targets(args.output_format, output_file=getattr(args, "output_file", None),
                                       configured=first_config.output_format, env=os.environ)
        root = outputs.project_root(getattr(args, "root", None), os.environ)
    except outputs.OutputError as exc:
        print(f"ce-validator check: error: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "show_settings", False):  # (before the baseline is read: it may not exist yet)
        sys.stdout.write(outputs.show_settings(first_config, targets=targets, root=root, args=args))
        return 0
    baseline = None
    if getattr(args, "baseline", None) or getattr(args, "update_baseline", False):
        from .baseline import BaselineError, BaselineRun

        try:
            baseline = BaselineRun.from_options(getattr(args, "baseline", None),
                                                update=getattr(args, "update_baseline", False))
        except BaselineError as exc:
            print(f"ce-validator check: error: {exc}", file=sys.stderr)
            return 2
    clash = _overwritten_input(targets, baseline, getattr(args, "paths", None) or (),
                               walked=[i.path for i in readable if i.path is not None])
    if clash is not None:
        print(f"ce-validator check: error: {clash}", file=sys.stderr)
        return 2

    if not getattr(args, "quiet", False):
        from .masking import printable

        for path, passed_over in notes:
            try:
                left_out = resolver.for_path(path).is_excluded(path)
            except ConfigError:
                left_out = False  # (the file's configuration is said to be broken when a file under it is read)
            if not left_out:
                print(f"ce-validator: warning: {printable(passed_over)}", file=sys.stderr)
    status = 0
    jobs: list[Job] = []
    excluded = 0  # files the configuration's `exclude` (or its element docs folder) leaves out
    warned_zones: set[tuple[Path | None, str]] = set()
    # each configuration's options, made (and their folders looked at) once: the files of a folder share one
    options_of: dict[int, Options] = {}
    unreadable: list[FileReport] = []  # (said in the machine-readable reports too: not a clean run)
    for item in inputs:
        if isinstance(item, InputError):
            print(f"ce-validator: error: {_as_reported(str(item))}", file=sys.stderr)
            status = 2
            unreadable.append(FileReport(path=_unread(item.path) if item.path is not None else None,
                                         unreadable=_unread(str(item))))
            continue
        try:
            config = resolver.for_path(located(item))
        except ConfigError as exc:
            print(f"ce-validator: configuration error: {exc}", file=sys.stderr)
            return 2
        if located(item) is not None and config.is_excluded(item.shown):
            excluded += 1
            continue
        if item.path is not None and item.path.name in _ELEMENT_DOCS_FILES \
                and _inside_any(item.path, config.element_docs):
            excluded += 1
            continue  # the element docs this run reads (kept in the repository): an export, no body
        if baseline is not None and baseline.is_baseline(item.path):
            continue
        zone_origin = (None if args.server_zone is not None else config.path, config.server_zone)
        if config.server_zone not in ("GMT", "UTC") and zone_origin not in warned_zones:
            warned_zones.add(zone_origin)  # (once for each file that sets it)
            if not getattr(args, "quiet", False):
                _warn_unknown_zone(config, from_command_line=args.server_zone is not None)
        options = options_of.get(id(config))
        if options is None:
            options = config.options(element=args.element, opt_in=("CE617",) if args.report_spaces else ())
            unusable = options.unusable_folder()
            if unusable is not None:
                print(f"ce-validator: error: {unusable}", file=sys.stderr)
                return 2
            options_of[id(config)] = options
        jobs.append((item, config, options))
    if excluded and not jobs and not unreadable and not getattr(args, "quiet", False):
        # ("No files checked." alone would not say why)
        print(f"ce-validator: note: {excluded} file{'' if excluded == 1 else 's'} left out by the configuration "
              "(its `exclude`, or the element docs folder it reads)", file=sys.stderr)

    failed = False
    all_findings: list[Finding] = []
    files: list[FileReport] = []
    fixes = None
    # only the text format shows lines of the files (statistics replace standard output, not a file's report)
    statistics = getattr(args, "statistics", False)
    excerpts = any(target.format == "text" and (target.file is not None or not statistics) for target in targets)
    outcomes = _execute(jobs, args.kind, use_cache, read, excerpts=excerpts,
                        process_ends=getattr(args, "process_ends", False))
    fixing = getattr(args, "fix", False) or getattr(args, "diff", False)
    if fixing:
        from . import fix_runner

        fixes = fix_runner.Summary()
        outcomes = fix_runner.execute(jobs, args.kind, read, write=not args.diff, unsafe=args.unsafe_fixes,
                                      summary=fixes)
    color = should_color(sys.stdout, env=os.environ, mode=args.color)
    streaming = None
    # element docs or schemas that turn out unusable stop the run (exit 2) with nothing on standard output
    setup_may_fail = any(options.element_docs or options.element_schemas for _item, _config, options in jobs)
    if (not fixing and baseline is None and len(targets) == 1 and targets[0].file is None and not statistics
            and not getattr(args, "quiet", False) and not setup_may_fail and _in_report_order(jobs)):
        from .reporters import STREAMING, get_streaming_reporter

        if targets[0].format in STREAMING:
            streaming = get_streaming_reporter(targets[0].format)
    from .config import IgnoreUsage

    usage = IgnoreUsage()
    for (item, config, options), outcome in zip(jobs, outcomes):
        kind_of_outcome, payload = outcome
        if kind_of_outcome == "input-error":
            print(f"ce-validator: error: {_as_reported(str(payload))}", file=sys.stderr)
            status = 2
            unreadable.append(FileReport(path=_unread(item.shown), unreadable=_unread(str(payload))))
            continue
        if kind_of_outcome == "setup-error":
            print(f"ce-validator: error: {payload}", file=sys.stderr)
            return 2
        findings, report = cast(tuple[list[Finding], ReportBuilder], payload)
        findings = config.apply(findings, path=item.shown, usage=usage)
        failing = ("error", "warning") if config.strict else ("error",)
        if baseline is not None:
            findings = baseline.filter(findings, path=item.shown)
        failed = failed or any(f.severity in failing for f in findings)
        all_findings.extend(findings)
        ignore_as = config.relative(item.shown) if excerpts and findings else None  # only the text report's hint
        entry = report(findings, excerpts)._replace(fails_on=failing, ignore_as=ignore_as)
        if streaming is not None:  # shown now; its lines are not kept
            sys.stdout.write(streaming.render_file(findings, report=entry, color=color))
            sys.stdout.flush()
            entry = entry._replace(lines=())
        files.append(entry)

    if fixes is not None:
        for fix_note in fixes.notes or ():
            print(fix_note, file=sys.stderr)
        for error in fixes.errors or ():
            print(f"ce-validator: error: {error}", file=sys.stderr)
            status = 2
        if args.diff:  # the diff is the output; nothing is written
            sys.stdout.write(fixes.diff)
            if not getattr(args, "quiet", False):
                print(f"ce-validator: {fixes.fixed} fix(es) would change {fixes.files} file(s)", file=sys.stderr)
            return status or (1 if fixes.files and not getattr(args, "exit_zero", False) else 0)
        if not getattr(args, "quiet", False):
            print(f"ce-validator: fixed {fixes.fixed} finding(s) in {fixes.files} file(s)", file=sys.stderr)
    from ._version import __version__
    from .rules import registry

    quiet = getattr(args, "quiet", False)
    if baseline is not None:
        from .baseline import BaselineError

        try:
            done, note = baseline.finish()
        except BaselineError as exc:
            print(f"ce-validator: error: {exc}", file=sys.stderr)
            return 2
        if note and (done or not quiet):
            print(f"ce-validator: {note}", file=sys.stderr)
        if done:
            return status or 0
    if not quiet:
        _warn_stale_ignores(resolver, usage)
    problems: list[str] = []
    if streaming is not None:
        output = streaming.render_end(all_findings, files=files, color=color)
    else:
        output, problems = outputs.emit(targets, all_findings, files=files + unreadable, rules=_LazyRules(registry),
                                        tool_version=__version__, color=color, root=root, quiet=quiet,
                                        show_statistics=getattr(args, "statistics", False),
                                        stdout_encoding=getattr(sys.stdout, "encoding", None))
    if output:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    for problem in problems:
        print(f"ce-validator: error: {problem}", file=sys.stderr)
    if status or problems:
        return status or 2
    if recording is not None and _replayable(jobs, targets, all_findings):
        recording.allow()
    return 0 if failed and getattr(args, "exit_zero", False) else (1 if failed else 0)


def _watch_reads(recording: Recording, args: argparse.Namespace,
                 inputs: Sequence[Union[InputFile, InputError]]) -> bool:
    """Record, before the run reads them, the files a run of named files reads: the files, every
    configuration file that could apply to them, and every folder that could be the reports' root (a
    variable's folder counts while it exists).  False (never stored) for what the command line alone rules
    out: a folder to walk, standard input, a batch for workers (their standard error is not watched), files
    written or compared (``--fix``, ``--diff``, a baseline, ``-o``), ``--show-settings``.  What the
    configuration rules out is :func:`_replayable`'s."""
    from .config import candidate_files
    from .inputs import InputFile
    from .outputs import ROOT_VARIABLES

    paths = list(getattr(args, "paths", None) or ())
    if (len(paths) >= PARALLEL_THRESHOLD or args.fix or args.diff or args.baseline or args.update_baseline
            or args.output_file or args.show_settings):
        return False
    if len(inputs) != len(paths) or any(not isinstance(item, InputFile) or item.path is None or item.shown != path
                                        for item, path in zip(inputs, paths)):
        return False
    recording.depends_on(paths)
    if args.config:
        recording.depends_on([args.config])
    else:
        for folder in dict.fromkeys(os.path.dirname(os.path.abspath(path)) for path in paths):
            recording.depends_on(candidate_files(folder))
    roots = [getattr(args, "root", None), *(os.environ.get(name) for name in ROOT_VARIABLES)]
    recording.depends_on(root for root in roots if root)
    return True


def _replayable(jobs: list[Job], targets: Sequence[Any], findings: list[Finding]) -> bool:
    """Whether the output of a run :func:`_watch_reads` allowed depends only on what the run cache's key and
    recorded files cover: no report file (``FORMAT:FILE``, or the configuration's), no element folders, no
    crash worth retrying (CE099)."""
    return (all(target.file is None for target in targets)
            and not any(options.element_docs or options.element_schemas for _item, _config, options in jobs)
            and not any(f.rule == "CE099" for f in findings))


def _in_report_order(jobs: list[Job]) -> bool:
    """Whether the files are in the order reports list them (by path, each once), so that printing each file
    as it is checked gives the same output as printing them all at the end."""
    if any(item.path is None for item, _config, _options in jobs):
        return False
    shown = [_as_reported(item.shown) for item, _config, _options in jobs]
    return all(a < b for a, b in zip(shown, shown[1:]))


# The files of an element's export that `--element-docs` reads (`<folder>/<key>/element.json`, `swagger.json`)
_ELEMENT_DOCS_FILES = frozenset({"element.json", "swagger.json"})


def _inside_any(path: Path, folders: Sequence[str]) -> bool:
    """Whether ``path`` lies inside one of ``folders``."""
    if not folders:
        return False
    real = os.path.realpath(path)
    return any(within(real, os.path.realpath(folder)) for folder in folders)


def _as_reported(shown: str) -> str:
    """A file name as reports show it, as findings carry it (:func:`validator.masking.printable`): a name that is not
    UTF-8, or that holds a control character (a tab, a line break), with escapes."""
    if shown.isprintable() and "\\" not in shown:
        return shown
    from .masking import printable_path

    return printable_path(shown)


def _unread(shown: str) -> str:
    """A path that could not be read, or its error, as the reports name it: as :func:`_as_reported`, and a URL's
    credentials masked, as the log's line masks them (`check "https://user:<password>@host/x.json"`, no file)."""
    from .masking import mask_words

    return mask_words(_as_reported(shown))


def _warn_stale_ignores(resolver: ConfigResolver, usage: IgnoreUsage) -> None:
    from .config import stale_ignores
    from .rules import registry

    configs = [c for c in resolver.loaded() if c.path is not None]
    if not any(c.select is not None or c.ignore or c.pointer_ignores or c.per_file_ignores or c.severity
               or c.exclude or c.extend_exclude for c in configs):
        return  # nothing to judge: the rule registry is not loaded
    for warning in stale_ignores(configs, usage, registry()):
        print(f"ce-validator: warning: {warning}", file=sys.stderr)


# Below this many files one process is faster than starting workers.
PARALLEL_THRESHOLD = 200


def _overwritten_input(targets: Sequence[Any], baseline: Any, paths: Sequence[str], *,
                       walked: Sequence[Path] = ()) -> str | None:
    """A report file or a baseline to record that is a file to check: writing it would destroy the file
    (``-o body.json body.json``, ``-o d/body.json d``).  A file a folder's walk finds counts when it holds a Cloud
    Elements document: a report or a baseline kept in the checked folder (a previous run's) is rewritten on
    purpose (and is never a body)."""
    def identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:  # the same file under any name or link
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None

    named = {identity(path) for path in paths if path != "-"} - {None}
    outputs = [(target.file, "the report would overwrite a file to check; write it elsewhere")
               for target in targets if target.file]
    if baseline is not None and baseline.update:
        outputs.append((baseline.baseline.file, "--update-baseline would overwrite a file to check; record it "
                                                "elsewhere"))
    walked_ids = {identity(path): path for path in walked} if outputs and walked else {}
    for file, why in outputs:
        found = identity(file)
        if found is None:
            continue
        if found in named or (found in walked_ids and _holds_a_body(walked_ids[found])):
            return f"{file}: {why}"
    return None


def _holds_a_body(path: Path) -> bool:
    """Whether the file at ``path`` is a Cloud Elements document (or a page), not a previous run's report."""
    import json

    from .kinds import detect_kind, looks_like_cloud_elements

    try:
        data = path.read_bytes()
    except OSError:
        return False
    text = data.decode("utf-8", errors="replace")
    if reads_as_page(str(path), data):
        return looks_like_cloud_elements(text)
    try:
        return detect_kind(json.loads(text)) is not None
    except (ValueError, RecursionError):
        return looks_like_cloud_elements(text)


def _execute(jobs: list[Job], kind: str, use_cache: bool, read: Callable[[InputFile], bytes], *,
             excerpts: bool = True, process_ends: bool = False) -> Iterator[Outcome]:
    """Check every job, in order: ``("ok", (findings, report))``, ``("input-error", message)`` or
    ``("setup-error", message)``.  A large batch of files is spread over the machine's idle cores.
    ``process_ends``: the process exits once the run is reported (see :func:`_collector_paused`)."""
    files_only = all(item.path is not None for item, _config, _options in jobs)
    if files_only and len(jobs) >= PARALLEL_THRESHOLD:
        workers = _worker_count(os.environ.get("CE_VALIDATOR_JOBS"))
        if workers > 1:
            yield from _execute_parallel(jobs, kind, use_cache, workers, excerpts)
            return
    from .inputs import InputError
    from .options import SetupError

    cache = _cache_module() if use_cache else None
    known: dict[Options, dict[str, Any]] = {}  # the cache settings of each options (a walk of their folders)
    for index, (item, _config, options) in enumerate(jobs):
        try:
            data = read(item)
        except InputError as exc:
            yield "input-error", str(exc)
            continue
        try:
            settings = {} if cache is None else known.get(options) or known.setdefault(options, _settings(kind, options))
            yield "ok", _check_one(data, item.shown, kind, options, settings, cache,
                                   exit_follows=process_ends and index == len(jobs) - 1)
        except SetupError as exc:
            yield "setup-error", str(exc)


def _cache_module() -> ModuleType:
    from . import cache

    return cache


def _worker_count(setting: str | None, *, cores: int | None = None, load: float | None = None) -> int:
    """``CE_VALIDATOR_JOBS`` (a positive whole number, at most :data:`MAX_JOBS`), else the idle cores (at most 8).

    Idle is the cores this process may use less the machine's load (the one-minute average): on a
    busy machine workers only take turns with each other, and one process is faster.
    """
    if setting and setting.strip():
        try:
            return max(1, min(int(setting), MAX_JOBS))
        except ValueError:
            return 1
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (OSError, AttributeError):  # not on this platform
            load = 0.0
    idle = int(cores - load + 0.75)
    return max(1, min(idle, cores, 8))


# More processes than this only cost memory: the work is CPU-bound.
MAX_JOBS = 64


def _execute_parallel(jobs: list[Job], kind: str, use_cache: bool, workers: int,
                      excerpts: bool) -> Iterator[Outcome]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .engine import warm_up

    warm_up()  # grammars, schemas and rule modules built once here, inherited by the forked workers
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    tasks = [(item.shown, str(item.path), kind, options, use_cache, excerpts) for item, _config, options in jobs]
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, mp_context=context)
    try:
        chunk = max(1, min(64, len(tasks) // (workers * 8)))
        for (item, _config, options), (status, payload) in zip(jobs, pool.map(_work, tasks, chunksize=chunk)):
            if status != "ok":
                yield status, payload
                continue
            findings, shipped = cast(tuple[list[Finding], "FileReport"], payload)
            yield "ok", (findings, _shipped_report(shipped))
    except BrokenProcessPool:
        yield "setup-error", "a worker process died (killed, or out of memory); run again, or set CE_VALIDATOR_JOBS=1"
    finally:
        _stop_pool(pool)


def _stop_pool(pool: object) -> None:
    """Cancel what is queued and end the workers now, leaving none behind."""
    from concurrent.futures import ProcessPoolExecutor

    assert isinstance(pool, ProcessPoolExecutor)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def _worker_init() -> None:
    """A worker ends with its parent, also when the parent is killed (SIGKILL, SIGTERM: Linux's parent-death
    signal); Ctrl-C is the parent's to handle."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() == 1:  # the parent died before the line above took effect
            os._exit(1)


def _work(task: tuple[str, str, str, Options, bool, bool]) -> Outcome:
    """A worker's job: read and check one file.  Its findings travel back with its report entry (the masked
    lines its findings point at, when excerpts are shown), so the parent never reads the file again."""
    from .options import SetupError

    shown, path, kind, options, use_cache, excerpts = task
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return "input-error", f"{shown}: cannot read: {exc.strerror or exc}"
    try:
        cache = _cache_module() if use_cache else None
        findings, report = _check_one(data, shown, kind, options, _settings(kind, options) if cache else {}, cache)
    except SetupError as exc:
        return "setup-error", str(exc)
    return "ok", (findings, report(findings, excerpts))


def _shipped_report(shipped: FileReport) -> ReportBuilder:
    """The report entry of a file checked in a worker, for the findings the configuration keeps."""

    def report(kept: list[Finding], excerpts: bool) -> FileReport:
        del excerpts  # decided in the worker
        still_skipped = any(f.rule == "CE090" and f.message == shipped.skipped for f in kept)
        return shipped if still_skipped or shipped.skipped is None else shipped._replace(skipped=None)

    return report


def _warn_unknown_zone(config: Config, *, from_command_line: bool) -> None:
    """Said where the zone is written (which of several configuration files), as a configuration problem is."""
    from .config import option_location
    from .dates.zones import unknown_zone_warning

    warning = unknown_zone_warning(config.server_zone)
    if warning is not None:
        where = ("command line: --server-zone" if from_command_line or config.path is None
                 else f"{option_location(config.path, 'server-zone')}: server-zone")
        print(f"ce-validator: warning: {where}: {warning}", file=sys.stderr)


def _unknown_codes(*, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> str | None:
    """Why a well-formed code of ``--select``/``--ignore`` names no rule (a typo there would turn every check off,
    or none), or None.  A configuration file only warns of one: it may be shared with a newer version."""
    if select is not None and not select:
        return "--select: no code given (`--select ''` would turn every rule off)"
    if not select and not ignore:
        return None
    from .config import RULE_CODE
    from .rules import registry

    codes = registry()
    for option, given in (("--select", select), ("--ignore", ignore)):
        for code in given or ():
            if RULE_CODE.fullmatch(code) and not any(known.startswith(code) for known in codes):
                return f"{option}: no rule has the code {code!r} (`ce-validator rules` lists them)"
    return None


def _check_one(data: bytes, shown: str, kind: str, options: Options, settings: dict[str, Any],
               cache: ModuleType | None, *, exit_follows: bool = False) -> tuple[list[Finding], ReportBuilder]:
    """Findings for one file (from ``cache``, the results cache module, when given and it has them) and a
    builder of its report entry; ``exit_follows``: the process ends once this file is reported."""
    if _is_page(shown, data):
        from .pages.runner import check_page_file

        return check_page_file(data, shown, kind=kind, options=options, settings=settings, cache=cache)
    checked = None
    findings: list[Finding] | None = None
    key = cache.cache_key(data, settings=settings, name=shown) if cache is not None else None
    if cache is not None and key is not None:
        findings = cache.load(key, path=shown)
    if findings is None and kind == "auto":
        from .kinds import clearly_not_cloud_elements

        if clearly_not_cloud_elements(data):  # a large package-lock.json: not parsed at all
            return [_skip_unparsed(shown)], lambda kept, excerpts: file_report(FileReport, shown, None, kept)
    if findings is None:
        from .engine import inspect_source
        from .source import load_source

        with _collector_paused(exit_follows=exit_follows):
            checked = inspect_source(load_source(data, path=shown), kind=kind, options=options)
        findings = checked.findings
        if cache is not None and key is not None and not any(f.rule == "CE099" for f in findings):
            cache.store(key, findings)  # never a crash (CE099): it would be replayed

    def report(kept: list[Finding], excerpts: bool) -> FileReport:
        if not excerpts or not any(f.rule != "CE090" for f in kept):  # a skipped file needs no excerpts
            return file_report(FileReport, shown, None, kept)
        if checked is not None:
            return file_report(FileReport, shown, checked.masked_text(), kept)
        return file_report(FileReport, shown, _masked_text(data, shown, options), kept)

    return findings, report


@contextmanager
def _collector_paused(*, exit_follows: bool = False) -> Iterator[None]:
    """Python's cycle collector off for the length of one check.

    A check builds many objects that live until it ends (the document with its positions, parsed URLs,
    findings).  With the collector on, each collection of an older generation walks them all again:
    5-10 % of the time of a body with 10,000 pollers.  Paused, they are walked once, after the check;
    what a check leaves in cycles waits until then.  When the process ends with this file's report
    (``exit_follows``: the console script, ``cli.entry``), nothing is walked: the objects move to the oldest
    generation at once (``gc.freeze()`` then ``gc.unfreeze()``, two list splices that also reset the
    collector's counts); a walk would only delay the exit (3 % of the same body).  A process that goes on
    (``cli.main`` called in-process) resumes the collector as after any file.
    Only the command line does this: a library call leaves the caller's process settings alone.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if exit_follows and gc.get_freeze_count() == 0:  # objects someone else froze stay frozen
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def _is_page(shown: str, data: bytes) -> bool:
    return reads_as_page(shown, data)


def _masked_text(data: bytes, shown: str, options: Options) -> MaskedText:
    """The text of a file with its secrets masked (for excerpts of findings that came from the cache)."""
    from .engine import secrets_of
    from .source import load_source

    loaded = load_source(data, path=shown)
    return secrets_of(loaded, options).mask(loaded.text)


def _skip_unparsed(shown: str) -> Finding:
    from .engine import NOT_CLOUD_ELEMENTS

    return Finding(NOT_CLOUD_ELEMENTS, "info", "not a Cloud Elements instance body, configuration or poller "
                   "configuration (no Cloud Elements key in this large file)", shown, "", 1, 1, 1, 1)


def file_report(factory: type[FileReport], shown: str, text: MaskedText | None, kept: list[Finding]) -> FileReport:
    """The reporter's view of one file: its masked lines (for excerpts) and whether it was skipped."""
    shown = _as_reported(shown)
    skipped = next((f.message for f in kept if f.rule == "CE090"), None)
    if text is None:
        return factory(path=shown, lines=(), skipped=skipped)
    return factory.from_text(shown, text, skipped=skipped, wanted={f.line for f in kept})
