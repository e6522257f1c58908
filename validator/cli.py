"""The ``ce-validator`` command line: builds arguments, hands them to a command module.

Each command lives in ``validator/commands/<name>.py`` with ``configure(parser)``
and ``run(args) -> int``; command modules import their heavy dependencies inside
``run`` so that ``--help`` and unrelated commands stay fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from typing import Any, NoReturn, Sequence

# name -> (module, one-line help); order is the order in --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("validator.commands.check", "check instance bodies and poller configurations"),
    "render": ("validator.commands.render", "show the request URL each poller sends for a sample time"),
    "simulate": ("validator.commands.simulate", "show what the poller does with the vendor's records"),
    "date": ("validator.commands.date", "format a SimpleDateFormat pattern and explain it field by field"),
    "schema": ("validator.commands.schema", "print a bundled JSON Schema, or generate one from an element"),
    "rules": ("validator.commands.rules", "list every rule"),
    "explain": ("validator.commands.explain", "print a rule's documentation with examples"),
    "lsp": ("validator.commands.lsp", "run the language server for editors (stdio)"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# The command builds most of what it keeps at start (modules, compiled schemas and grammars) and keeps it to
# the end.  At Python's default thresholds the collector walks them all again several times while they are
# built: 1-3 % of a one-file check.  Larger thresholds, as mypy sets for its build; a batch of 10,000 files
# peaks 4 MiB higher than at the defaults (100,000 took 16 MiB more for no more speed).
COLLECTOR_THRESHOLDS = (20_000, 20, 20)


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it (``COLUMNS``, then the terminal, then 80)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the width found without importing shutil.

    argparse builds a formatter for every option it adds, and its own imports shutil (with bz2, lzma and zlib)
    to ask for the width: 2-3 ms of every command, a third of them a warm cache hit's own time.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # usage errors exit 2, as argparse does, without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``command``'s module is imported and configured (all of them when ``None``).

    The other commands are still listed with their help line, so ``--help``, ``--version`` and an
    unknown command cost no command module's import.
    """
    from ._version import __version__

    parser = _Parser(prog="ce-validator", description="Catch mistakes in Cloud Elements instance bodies and pollers.")
    parser.add_argument("--version", action="version", version=f"ce-validator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        if command is not None and name != command:
            sub.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(module_name)
        command_parser = sub.add_parser(name, help=help_text, description=(module.__doc__ or help_text).strip())
        module.configure(command_parser)
        command_parser.set_defaults(_run=module.run, _parser=command_parser)
    return parser


def _command_of(argv: Sequence[str]) -> str:
    """The command named on the command line ("" when none is: only the top-level options are parsed)."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else ""
    return ""


def _tolerant_streams() -> None:
    """Text that cannot be encoded (a lone surrogate from a ``\\ud800`` escape) is written as an escape."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream
                pass


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]`` when None) and return its exit code.

    ``process_ends``: the process exits as soon as this returns (:func:`entry`), so a command may skip work
    whose only use is the rest of the process (the check command's last collection).
    """
    _tolerant_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_of(arguments))
    args, extras = parser.parse_known_args(arguments)
    args.process_ends = process_ends
    if extras:  # reported by the subcommand's parser, so the usage shown is that command's
        (getattr(args, "_parser", None) or parser).error(f"unrecognized arguments: {' '.join(extras)}")
    if getattr(args, "_run", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if sys.stdout is None:
        print("ce-validator: error: standard output is closed", file=sys.stderr or sys.__stderr__)
        return EXIT_USAGE
    try:
        status = int(args._run(args))
        if sys.stdout is not None and not sys.stdout.closed:  # the language server closes it at exit
            sys.stdout.flush()  # a full device fails here, not at exit
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # output to a full device or a closed pipe end: the files read were never touched
        _quiet_exit_streams()
        if sys.stderr is not None:
            print(f"ce-validator: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE


def entry() -> NoReturn:
    """The ``ce-validator`` command: :func:`main` with the collector's larger thresholds, then a quick exit.

    At exit Python frees every object one at a time: about 20 ms after a one-file check, more after a large
    file.  The process ends anyway, so once its output is flushed the command leaves at once, as mypy does.
    Output that cannot be flushed (a closed pipe, a full device) takes the ordinary exit, with its messages,
    and so does a process that a profiler, debugger or coverage tool watches: they write their data at exit.
    """
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    code = main(process_ends=True)
    if _watched():
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # ValueError: a closed stream (the language server closes stdout)
        sys.exit(code)
    os._exit(code)


def _watched() -> bool:
    """Whether a profiler, tracer, debugger or coverage tool is attached to this process."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: coverage and debuggers register a tool
    return monitoring is not None and any(monitoring.get_tool(tool) is not None for tool in range(6))


def _quiet_exit_streams() -> None:
    """After a failed write, drop what is left in stdout's buffer so the interpreter's final flush is silent."""
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives until exit
    except OSError:
        pass


if __name__ == "__main__":  # pragma: no cover
    entry()
