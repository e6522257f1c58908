"""Check Cloud Elements instance bodies, configuration objects and poller configurations.

Each PATH is a file, a directory (searched for *.json) or - for standard input.
Exit status: 0 when no error was found (warnings are printed but pass, unless
--strict), 1 when an error was found, 2 on a usage, configuration or I/O error.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import Iterator

from ..inputs import InputError, InputFile

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
                       ".ce-validator-cache"})


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for standard input")
    parser.add_argument("--format", dest="output_format", default=None,
                        help="output format: text (default), concise, json, github (default under GitHub Actions), "
                             "sarif, junit, gitlab")
    parser.add_argument("--kind", default="auto", choices=("auto", "instance", "configuration", "poller"),
                        help="what the files hold (default: detect)")
    parser.add_argument("--strict", action="store_true", default=None, help="fail (exit 1) on warnings too")
    parser.add_argument("--select", action="append", default=None, metavar="CODES",
                        help="only these rule codes or prefixes (comma-separated; repeatable)")
    parser.add_argument("--ignore", action="append", default=None, metavar="CODES",
                        help="skip these rule codes or prefixes (comma-separated; repeatable)")
    parser.add_argument("--server-zone", default=None, metavar="ID",
                        help="the zone ${date:...} macros use (undocumented; default GMT)")
    parser.add_argument("--element-docs", action="append", default=None, metavar="DIR",
                        help="folder of <key>/element.json and <key>/swagger.json exported from your account")
    parser.add_argument("--report-spaces", action="store_true",
                        help="report raw spaces in poller URLs (CE617; off by default: the platform's encoding "
                             "is undocumented and such URLs work)")
    parser.add_argument("--element-schemas", action="append", default=None, metavar="DIR",
                        help="folder of your own element overlays (<key>.schema.json, e.g. from "
                             "`ce-validator schema from-element`)")
    parser.add_argument("--element", default=None, metavar="KEY",
                        help="the element of bare configuration or poller files (instance bodies name their own)")
    parser.add_argument("--config", default=None, metavar="FILE", help="configuration file (default: nearest "
                        "pyproject.toml with [tool.ce-validator], or .ce-validator.toml)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the results cache")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes to the files, then report what is left")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, apply the unsafe fixes too (they may change behaviour: review them)")
    parser.add_argument("--diff", action="store_true",
                        help="print a unified diff of what --fix would change, change nothing (exit 1 if any)")
    parser.add_argument("--stdin-filename", default=None, metavar="NAME", help="the path to show for standard input")


def iter_inputs(paths: list[str], *, stdin_name: str | None = None) -> Iterator[InputFile | InputError]:
    """The files to check, in a stable order; unreadable paths come out as :class:`InputError`."""
    for raw in paths or []:
        if raw == "-":
            yield InputFile(stdin_name or "<stdin>", None)
            continue
        if not raw.strip():
            yield InputError(f"{raw!r}: an empty path (write . for the current folder)")
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield InputError(f"{raw}: no such file or directory")
            continue
        except OSError as exc:
            yield InputError(f"{raw}: cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(info.st_mode):
            found = sorted(_walk(path))
            if not found:
                yield InputError(f"{raw}: no *.json files in this directory")
            for file in found:
                yield InputFile(str(file), file)
        elif stat.S_ISREG(info.st_mode):
            yield InputFile(raw, path)
        else:
            yield InputError(f"{raw}: not a regular file")


def _walk(root: Path) -> Iterator[Path]:
    for directory, subdirs, files in os.walk(root, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIP_DIRS)
        for name in files:
            if name.endswith(".json"):
                file = Path(directory) / name
                if file.is_file():
                    yield file


def read_input(item: InputFile) -> bytes:
    if item.path is None:
        if sys.stdin is None or sys.stdin.closed:
            raise InputError("<stdin>: standard input is closed")
        try:
            return sys.stdin.buffer.read()
        except (OSError, ValueError) as exc:
            raise InputError(f"<stdin>: cannot read: {exc}") from None
    try:
        with open(item.path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{item.shown}: cannot read: {exc.strerror or exc}") from None


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
    return check_runner.run_check(args, inputs=list(iter_inputs(args.paths, stdin_name=args.stdin_filename)),
                                  read=read_input, select=_codes(args.select), ignore=_codes(args.ignore))
