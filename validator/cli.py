"""The ``ce-validator`` command line: builds arguments, hands them to a command module.

Each command lives in ``validator/commands/<name>.py`` with ``configure(parser)``
and ``run(args) -> int``; command modules import their heavy dependencies inside
``run`` so that ``--help`` and unrelated commands stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn, Sequence

# name -> (module, one-line help); order is the order in --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("validator.commands.check", "check instance bodies and poller configurations"),
    "render": ("validator.commands.render", "show the request URL each poller sends for a sample time"),
    "simulate": ("validator.commands.simulate", "show what the poller does with the vendor's records"),
    "date": ("validator.commands.date", "format a SimpleDateFormat pattern and explain it field by field"),
    "schema": ("validator.commands.schema", "print a bundled JSON Schema, or generate one from an element"),
    "rules": ("validator.commands.rules", "list every rule"),
    "explain": ("validator.commands.explain", "print a rule's documentation with examples"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2, as argparse does, without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from ._version import __version__

    parser = _Parser(prog="ce-validator", description="Catch mistakes in Cloud Elements instance bodies and pollers.")
    parser.add_argument("--version", action="version", version=f"ce-validator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a command not built yet
        command_parser = sub.add_parser(name, help=help_text, description=(module.__doc__ or help_text).strip())
        module.configure(command_parser)
        command_parser.set_defaults(_run=module.run, _parser=command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:  # reported by the subcommand's parser, so the usage shown is that command's
        (getattr(args, "_parser", None) or parser).error(f"unrecognized arguments: {' '.join(extras)}")
    if getattr(args, "_run", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
