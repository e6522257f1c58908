"""Print a rule's documentation, with a failing and a passing example.

CODE is a rule code such as CE301 (case does not matter; 301, or 99 for CE099, is accepted; CE6 is a prefix,
answered with the rules it covers) or a rule name such as poller-entry-empty. The output is Markdown: the
summary, the description with how to fix it, then the failing example (which draws the rule) and the passing one.
--list lists every rule instead, as ce-validator rules does.
Exit status: 0, or 2 for an unknown code (with the closest codes suggested) or no code.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..rules.base import Rule


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("code", metavar="CODE", nargs="?", help="a rule code (CE301) or name (poller-entry-empty)")
    parser.add_argument("--list", action="store_true", help="list every rule (as `ce-validator rules` does)")


def _lookup(text: str, rules: dict[str, Rule]) -> Rule | None:
    wanted = text.strip()
    upper = wanted.upper()
    if upper in rules:
        return rules[upper]
    digits = upper.removeprefix("CE")
    # "620" is CE620; "CE6" stays a prefix (as in --select), answered with the list of its rules
    if digits.isdigit() and not upper.startswith("CE") and len(digits) <= 3 and f"CE{digits.zfill(3)}" in rules:
        return rules[f"CE{digits.zfill(3)}"]
    for rule in rules.values():
        if rule.name == wanted.lower():
            return rule
    return None


def _suggestions(text: str, rules: dict[str, Rule]) -> list[str]:
    import difflib

    upper = text.strip().upper()
    by_code = difflib.get_close_matches(upper, list(rules), n=3, cutoff=0.6)
    digits = upper.removeprefix("CE")
    padded = f"CE{digits.zfill(3)}"
    if digits.isdigit() and len(digits) < 3 and padded in rules:  # CE99, a prefix of nothing: CE099 was meant first
        by_code = [padded, *(code for code in by_code if code != padded)]
    names = {rule.name: code for code, rule in rules.items()}
    by_name = [names[n] for n in difflib.get_close_matches(text.strip().lower(), list(names), n=3, cutoff=0.6)]
    seen: list[str] = []
    for code in by_code + by_name:
        if code not in seen:
            seen.append(code)
    return [f"{code} ({rules[code].name})" for code in seen[:3]]


def render(rule: Rule) -> str:
    """The Markdown documentation of ``rule``."""
    from ..fixes.catalog import describe

    bad, good = rule.bad.rstrip("\n"), rule.good.rstrip("\n")
    fixable = describe(rule.code)
    fixable = f"{fixable}\n\n" if fixable else ""
    fence, language = rule.example_fence
    return (f"# {rule.code} {rule.name} ({rule.severity})\n\n{rule.summary}\n\n{rule.description.strip()}\n\n"
            f"{fixable}## Failing example\n\n{fence}{language}\n{bad}\n{fence}\n\n"
            f"## Passing example\n\n{fence}{language}\n{good}\n{fence}\n")


def run(args: argparse.Namespace) -> int:
    """Print the documentation of one rule."""
    from ..rules import registry

    if args.list or args.code is None:
        if args.list:
            from . import rules as listing

            return listing.run(argparse.Namespace(format="text"))
        sys.stderr.write("ce-validator explain: name a rule, by its code (CE612) or its name (poller-entry-empty); "
                         "`ce-validator explain --list` lists them\n")
        return 2
    rules = registry()
    rule = _lookup(args.code, rules)
    if rule is None and args.code.strip().upper().startswith("CE") and len(args.code.strip()) < 5:
        prefix = args.code.strip().upper()
        matching = [code for code in rules if code.startswith(prefix)]
        if matching:
            sys.stderr.write(f"ce-validator explain: {prefix} is a prefix of {len(matching)} rules "
                             f"({', '.join(matching)}); explain one of them\n")
            return 2
    if rule is None:
        from ..rules.elements import RETIRED

        now = RETIRED.get(args.code.strip().upper())
        if now is not None:  # a retired code is documented, never reused
            sys.stdout.write(f"# {args.code.strip().upper()} (retired)\n\nMerged into {now} ({rules[now].name}), "
                             f"which reports the same mistake now.\n\n" + render(rules[now]))
            return 0
        hint = _suggestions(args.code, rules)
        message = f"ce-validator explain: no rule {args.code!r}"
        message += f"; did you mean {' or '.join(hint)}?" if hint else "; `ce-validator rules` lists them"
        sys.stderr.write(message + "\n")
        return 2
    sys.stdout.write(render(rule))
    return 0
