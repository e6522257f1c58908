"""Check Cloud Elements instance bodies, configuration objects and poller configurations.

Each PATH is a file, a directory (searched for *.json, *.jsonc, *.json5, Markdown pages, *.http and *.rest request
files, and bodies named as templates, *.json.j2) or - for standard input.
In a Markdown page every fenced code block (and curl -d body) holding a Cloud Elements body is checked.
Exit status: 0 when no error was found (warnings are printed but pass, unless
--strict), 1 when an error was found, 2 on a usage, configuration or I/O error.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from ..gitignore import GitIgnore

from ..arguments import path_value
from ..inputs import PAGE_SUFFIXES, TEMPLATE_SUFFIXES, InputError, InputFile, within
from ..options import TIMESTAMP_UNITS

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
                       ".ce-validator-cache"})

# A folder's files checked: JSON bodies (with comments too), Markdown pages (validator.pages), request files, and a
# body named as a template of a tool (`instance.json.j2`; an `index.html.j2` is no body).  Scripts (`.sh`, `.ps1`)
# are checked when named: a repository's other scripts send no body.
WALKED_SUFFIXES = (".json", ".jsonc", ".json5", ".http", ".rest", *PAGE_SUFFIXES,
                   *(".json" + suffix for suffix in TEMPLATE_SUFFIXES))


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for standard input")
    parser.add_argument("--output-format", "--format", dest="output_format", action="append", default=None,
                        metavar="FORMAT[:FILE]",
                        help="output format: text (default), concise, json, github (default under GitHub Actions), "
                             "sarif, junit, gitlab; FORMAT:FILE writes that format to FILE, - being standard output "
                             "(repeatable: several reports in one run)")
    parser.add_argument("-o", "--output-file", type=path_value, default=None, metavar="FILE",
                        help="write the output to FILE instead of standard output (- is standard output)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found (2 still "
                        "means a usage, configuration or I/O error)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print the findings only: no summary, skipped files or warnings")
    parser.add_argument("--statistics", action="store_true",
                        help="print how many findings each rule has instead of the findings")
    parser.add_argument("--show-settings", action="store_true",
                        help="print the settings that apply to the first PATH, then exit")
    parser.add_argument("--baseline", type=path_value, default=None, metavar="FILE",
                        help="report only findings not recorded in FILE (see --update-baseline)")
    parser.add_argument("--update-baseline", action="store_true",
                        help="record the current findings in the --baseline FILE and exit 0")
    parser.add_argument("--root", type=path_value, default=None, metavar="DIR",
                        help="the repository root report paths are relative to (default: $GITHUB_WORKSPACE, "
                             "$CI_PROJECT_DIR, else the current folder)")
    parser.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                        help="files or folders not to check, replacing the configuration's `exclude` (repeatable)")
    parser.add_argument("--extend-exclude", action="append", default=None, metavar="GLOB",
                        help="files or folders not to check, in addition to `exclude` (repeatable)")
    parser.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                        help="also check files that .gitignore ignores when searching a directory")
    parser.add_argument("--encode-values", action="store_true", default=None,
                        help="assume the platform percent-encodes substituted values (undocumented; default: not)")
    parser.add_argument("--timestamp-unit", choices=TIMESTAMP_UNITS, default=None,
                        help="what the 'timestamp' date format reads: epoch seconds or milliseconds "
                             "(undocumented; default: s, as its users filter with ${epoch:s})")
    parser.add_argument("--kind", default="auto", choices=("auto", "instance", "configuration", "poller"),
                        help="what the files hold (default: detect)")
    parser.add_argument("--strict", action="store_true", default=None, help="fail (exit 1) on warnings too")
    parser.add_argument("--min-severity", choices=("info", "warning", "error"), default=None, metavar="LEVEL",
                        help="report only findings of LEVEL (info, warning or error) or above (default: info, all)")
    parser.add_argument("--select", action="append", default=None, metavar="CODES",
                        help="only these rule codes or prefixes (comma-separated; repeatable)")
    parser.add_argument("--ignore", action="append", default=None, metavar="CODES",
                        help="skip these rule codes or prefixes (comma-separated; repeatable)")
    parser.add_argument("--server-zone", default=None, metavar="ID",
                        help="the zone ${date:...} macros use (undocumented; default GMT)")
    parser.add_argument("--element-docs", type=path_value, action="append", default=None, metavar="DIR",
                        help="folder of <key>/element.json and <key>/swagger.json exported from your account")
    parser.add_argument("--report-spaces", action="store_true",
                        help="report raw spaces in poller URLs (CE617; off by default: the platform's encoding "
                             "is undocumented and such URLs work)")
    parser.add_argument("--element-schemas", type=path_value, action="append", default=None, metavar="DIR",
                        help="folder of your own element overlays (<key>.schema.json, e.g. from "
                             "`ce-validator schema from-element`)")
    parser.add_argument("--element", default=None, metavar="KEY",
                        help="the element of bare configuration or poller files (instance bodies name their own)")
    parser.add_argument("--config", type=path_value, default=None, metavar="FILE", help="configuration file: its "
                        "[tool.ce-validator] table, or its top level when it has none (default: nearest "
                        "pyproject.toml with [tool.ce-validator], or .ce-validator.toml)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the results cache, nor replay or store the run")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes to the files, then report what is left")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, apply the unsafe fixes too (they may change behaviour: review them)")
    parser.add_argument("--diff", action="store_true",
                        help="print a unified diff of what --fix would change, change nothing (exit 1 if any)")
    parser.add_argument("--stdin-filename", default=None, metavar="NAME", help="the path to show for standard input")


def _named(name: str) -> str:
    """Standard input's name as reports show it: a URL's credentials masked (`--stdin-filename "$URL"` after
    `curl "$URL" |`, a URL with `user:password@` or `?access_token=`)."""
    if "@" not in name and "=" not in name:
        return name
    from ..masking import url_secrets

    return str(url_secrets(name).mask(name))


def iter_inputs(paths: list[str], *, stdin_name: str | None = None, respect_gitignore: bool = True,
                notes: list[tuple[str, str]] | None = None) -> Iterator[InputFile | InputError]:
    """The files to check, in a stable order; unreadable paths come out as :class:`InputError`, and the links a
    folder's walk does not follow (out of the folder, dangling) go to ``notes``.

    A directory is searched for the files of :data:`WALKED_SUFFIXES`, leaving out the folders of :data:`SKIP_DIRS`
    and, with ``respect_gitignore``, what ``.gitignore`` files (and ``.git/info/exclude``) ignore;
    a file named on the command line is always checked.  Each file is checked once, however many times it is
    named (``a.json ./a.json``, a folder and a file in it, a link to it), and standard input is read once.
    """
    seen: set[tuple[int, int]] = set()
    stdin_read = False

    def first_time(file: Path, info: os.stat_result | None = None) -> bool:
        try:
            info = info or file.stat()
        except OSError:
            return True  # reading it will say what is wrong
        identity = (info.st_dev, info.st_ino)
        if identity in seen:
            return False
        seen.add(identity)
        return True

    for raw in paths or []:
        if raw == "-":
            if not stdin_read:
                stdin_read = True
                yield InputFile(_named(stdin_name) if stdin_name else "<stdin>", None)
            continue
        if not raw.strip():
            yield InputError(f"{raw!r}: an empty path (write . for the current folder)")
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield InputError(f"{raw}: no such file or directory{_missing_hint(raw)}", path=raw)
            continue
        except OSError as exc:
            yield InputError(f"{raw}: cannot read: {exc.strerror or exc}", path=raw)
            continue
        if stat.S_ISDIR(info.st_mode):
            ignored = None
            if respect_gitignore:
                from ..gitignore import GitIgnore

                ignored = GitIgnore.for_walk(path)
            unreadable: list[OSError] = []
            found = sorted(_walk(path, ignored, unreadable, notes))
            for error in unreadable:  # a folder the walk could not enter is said, not passed over
                yield InputError(f"{error.filename or raw}: cannot read: {error.strerror or error}",
                                 path=str(error.filename or raw))
            if not found and not unreadable:
                if ignored is not None and next(_walk(path), None) is not None:
                    yield InputError(f"{raw}: every file to check in this directory is ignored by .gitignore "
                                     "(--no-respect-gitignore checks them)", path=raw)
                else:
                    yield InputError(f"{raw}: no *.json files (nor Markdown pages, nor request files) in this "
                                     "directory", path=raw)
            # a file and a link to it in the tree are one file, named as the file (links give way)
            once = {file for file in sorted(found, key=lambda f: (f.is_symlink(), f)) if first_time(file)}
            for file in found:
                if file in once:
                    yield InputFile(str(file), file)
        elif stat.S_ISREG(info.st_mode):
            if first_time(path, info):
                yield InputFile(raw, path)
        else:
            yield InputError(f"{raw}: not a regular file", path=raw)


def _missing_hint(raw: str) -> str:
    """What a path that names nothing probably meant: a pattern no shell expanded, a Windows path."""
    meant = raw.replace("\\", "/")
    if os.sep == "/" and meant != raw and os.path.lexists(meant):
        return f" (folders are separated by / here: did you mean {meant}?)"
    if raw[:2].upper() == "CE" and raw[2:].isdigit() and len(raw) <= 5:  # `--select CE6 CE4`
        return " (a rule code? --select and --ignore take theirs comma-separated: --select CE6,CE4)"
    if any(c in raw for c in "*?["):
        first = min(i for i in (meant.find(c) for c in "*?[") if i >= 0)
        folder = os.path.dirname(meant[:first]) or "."
        return (" (patterns are expanded by the shell, not by ce-validator: none matched here, or the shell expands "
                f"none, as cmd and PowerShell do not; name a folder to check its files: ce-validator check {folder})")
    return ""


def _walk(root: Path, ignored: GitIgnore | None = None, unreadable: list[OSError] | None = None,
          passed_over: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """The files to check under ``root``.  A symbolic link is followed only when it stays inside the
    tree (a link to ``/proc/self/environ`` in a pull request must not be printed in CI); folders that
    cannot be read go to ``unreadable``, and the links not followed to ``passed_over`` (said, not checked)."""
    inside = os.path.realpath(root)
    for directory, subdirs, files in os.walk(root, followlinks=False, onerror=unreadable.append
                                             if unreadable is not None else None):
        folder = Path(directory)
        if ignored is not None:
            ignored.enter(folder)
        subdirs[:] = sorted(d for d in subdirs if d not in SKIP_DIRS
                            and not (ignored is not None and ignored.ignores(folder / d, is_dir=True)))
        for name in files:
            if name.endswith(WALKED_SUFFIXES):
                file = folder / name
                if ignored is not None and ignored.ignores(file):
                    continue
                if file.is_symlink() and not file.exists():
                    if passed_over is not None:
                        passed_over.append((str(file), f"{file}: a link that leads to no file (dangling, or a loop): "
                                                       "not checked"))
                    continue
                if file.is_symlink() and not within(os.path.realpath(file), inside):
                    if passed_over is not None:
                        passed_over.append((str(file), f"{file}: a link leading out of {root}: not followed (name it "
                                                       "to check it)"))
                    continue
                if file.is_file():
                    yield file


def read_input(item: InputFile) -> bytes:
    if item.path is None:
        from ._io import UsageError, read_stdin

        try:
            return read_stdin()
        except UsageError as exc:
            raise InputError(str(exc)) from None
    try:
        with open(item.path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{item.shown}: cannot read: {exc.strerror or exc}", path=item.shown) from None


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def run(args: argparse.Namespace) -> int:
    from .. import check_runner

    if not args.paths:
        print("ce-validator check: error: give at least one PATH (or - for standard input)", file=sys.stderr)
        return 2
    if args.unsafe_fixes and not (args.fix or args.diff):
        print("ce-validator check: error: --unsafe-fixes needs --fix or --diff", file=sys.stderr)
        return 2
    if args.stdin_filename is not None and "-" not in args.paths:  # (ruff's warning too: the name named nothing)
        print("ce-validator check: warning: --stdin-filename names standard input, which is read only when `-` is "
              "among the paths", file=sys.stderr)
    notes: list[tuple[str, str]] = []  # (a link not followed is said, not passed over in silence: once the
    # configuration is read, unless it excludes the link)
    inputs = list(iter_inputs(args.paths, stdin_name=args.stdin_filename,
                              respect_gitignore=getattr(args, "respect_gitignore", True), notes=notes))
    return check_runner.run_check(args, inputs=inputs, read=read_input, select=_codes(args.select),
                                  ignore=_codes(args.ignore), notes=notes)
