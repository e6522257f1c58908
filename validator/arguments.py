"""The ``ce-validator`` command line's parser: every command with its help line, argparse's layout.

Each command lives in ``validator/commands/<name>.py`` with ``configure(parser)`` and ``run(args) -> int``;
only the named command's module is imported, so ``--help`` and unrelated commands stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Any, NoReturn, Sequence

from .exit_codes import EXIT_USAGE

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


def path_value(text: str) -> str:
    """An option's file or folder.  An empty one (`--config "$UNSET"` in CI) is a usage error: it was taken for no
    option at all (another configuration, no baseline, the report on standard output) or, for a folder, the current
    one."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path (an unset variable?): name the file or folder")
    return text


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
    """The parser of ``command`` alone: only its module is imported and configured.

    ``""`` (no command named: ``--help``, ``--version``, an unknown command) lists every command with its help
    line and imports none; ``None`` configures them all.
    """
    from ._version import __version__

    parser = _Parser(prog="ce-validator", description="Catch mistakes in Cloud Elements instance bodies and pollers.")
    parser.add_argument("--version", action="version", version=f"ce-validator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        if command and name != command:
            continue  # (the top-level help, which lists them all, is asked for without a command: see command_of)
        if command == "":
            sub.add_parser(name, help=help_text, add_help=False)  # only listed: never parses
            continue
        module = importlib.import_module(module_name)
        command_parser = sub.add_parser(name, help=help_text, description=(module.__doc__ or help_text).strip())
        module.configure(command_parser)
        command_parser.set_defaults(_run=module.run, _parser=command_parser)
    return parser


def command_of(argv: Sequence[str]) -> str:
    """The command named on the command line ("" when none is, or when a top-level option before it asks for
    the top-level help or the version: only the top-level options are parsed)."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else ""
        if arg in ("-h", "--help", "--version"):
            return ""
    return ""
