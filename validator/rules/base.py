"""What a rule is: a stable code, a default severity, and its user documentation."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule.  ``bad`` must draw this rule when checked, ``good`` must not.

    ``bad``/``good`` are complete JSON documents (an instance body, a configuration
    object or a poller configuration) so that ``ce-validator explain`` can show them
    and the test suite can check them.  An ``opt_in`` rule is off unless ``select``
    names its code exactly (a prefix such as ``CE6`` does not turn it on), as ruff's
    rules outside the default set.
    """

    code: str  # "CE301": stable, never reused
    name: str  # "poller-missing-url": kebab-case
    severity: Severity
    summary: str  # one line, shown by `ce-validator rules`
    description: str  # what it means and how to fix it (Markdown)
    bad: str
    good: str
    opt_in: bool = False
