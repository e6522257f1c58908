"""List every rule: its code, default severity, name and one-line summary.

The codes are stable: use them with --select/--ignore and in configuration files,
and ce-validator explain CODE for a rule's documentation and examples.
--format json prints a JSON array of objects with code, name, severity, summary.
Exit status: 0.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: one rule a line (the default); json: an array of objects")


def run(args: argparse.Namespace) -> int:
    """Print the registry of rules."""
    from ..rules import registry

    rules = list(registry().values())
    if args.format == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary} for r in rules]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    name_width = max((len(r.name) for r in rules), default=0)
    for rule in rules:
        sys.stdout.write(f"{rule.code}  {rule.severity:<7}  {rule.name:<{name_width}}  {rule.summary}\n")
    return 0
