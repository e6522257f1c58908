"""The explicit registry of rules and of the checks that run them.

``RULE_MODULES`` name every module that declares rules (a module-level ``RULES``
list of :class:`~validator.rules.base.Rule`); ``CHECK_MODULES`` name every module
whose ``check(ctx)`` the engine runs, in order.  A new rule goes into the module
of its topic (see docs/ARCHITECTURE.md), and a new module is added here.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any, Callable, Iterable

from .base import Rule

# The Markdown pages' rules, declared beside the page reader (its markdown, shell and PowerShell readers, loaded with
# it): a body's check reports none of them, and looks a code up without loading the reader (rule_for)
PAGE_RULE_MODULES: tuple[str, ...] = ("validator.pages.curl", "validator.pages.cmd", "validator.pages.powershell",
                                       "validator.pages")

# The rule modules a body's check runs after its schema, in order: each declares rules and runs them
_BODY_MODULES: tuple[str, ...] = (
    "validator.rules.notifications",
    "validator.rules.poller",
    "validator.rules.dates",
    "validator.rules.zones",
    "validator.rules.urls",
    "validator.rules.placeholders",
    "validator.rules.secrets",
    "validator.rules.legacy",
    "validator.rules.elements",
)

RULE_MODULES: tuple[str, ...] = ("validator.rules.syntax", *PAGE_RULE_MODULES, "validator.schemas", *_BODY_MODULES)

CHECK_MODULES: tuple[str, ...] = ("validator.rules.schema_check", *_BODY_MODULES)


@lru_cache(maxsize=1)
def registry() -> dict[str, Rule]:
    """Every rule by code; a code declared twice is a bug."""
    rules: dict[str, Rule] = {}
    for module_name in RULE_MODULES:
        for rule in importlib.import_module(module_name).RULES:
            if rule.code in rules:
                raise RuntimeError(f"rule code {rule.code} declared twice ({module_name})")
            rules[rule.code] = rule
    return dict(sorted(rules.items()))


@lru_cache(maxsize=1)
def opt_in_codes() -> frozenset[str]:
    """The codes of the rules that are off unless ``select`` names them."""
    return frozenset(code for code, rule in registry().items() if rule.opt_in)


@lru_cache(maxsize=1)
def checkers() -> tuple[Callable[..., Iterable[Any]], ...]:
    return tuple(importlib.import_module(name).check for name in CHECK_MODULES)


class UnknownRuleError(LookupError):
    """A check reported a code that no rule declares: a bug in ce-validator."""


@lru_cache(maxsize=1)
def _body_rules() -> dict[str, Rule]:
    """The rules of :data:`RULE_MODULES` but the pages' (:data:`PAGE_RULE_MODULES`), by code."""
    return {rule.code: rule for name in RULE_MODULES if name not in PAGE_RULE_MODULES
            for rule in importlib.import_module(name).RULES}


def rule_for(code: str) -> Rule:
    """The rule declared with ``code``; :class:`UnknownRuleError` when none is.  A body's rule is found without the
    pages' modules (their import costs as much as checking six bodies); the registry answers for the others."""
    found = _body_rules().get(code) or registry().get(code)
    if found is None:
        raise UnknownRuleError(f"no rule declares the code {code!r}")
    return found
