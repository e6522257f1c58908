"""What a rule is: a stable code, a default severity, and its user documentation."""

from __future__ import annotations

from functools import lru_cache, wraps
from typing import Any, Callable, NamedTuple, ParamSpec, TypeVar

from ..findings import Severity


class Rule(NamedTuple):
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

    @property
    def example_fence(self) -> tuple[str, str]:
        """The fence and language that show ``bad`` and ``good`` in Markdown (`explain`, SARIF's rule help): a page
        rule's examples are Markdown pages, whose own fences a longer fence holds."""
        page = any(line.startswith("```") for line in (*self.bad.splitlines(), *self.good.splitlines()))
        return ("````", "markdown") if page else ("```", "json")


_Arguments = ParamSpec("_Arguments")
_Item = TypeVar("_Item")


def once_per_arguments(function: Callable[_Arguments, list[_Item]]) -> Callable[_Arguments, list[_Item]]:
    """Memoise a rule helper whose problems depend on its arguments alone (a date format, a field path): a
    file repeats the same few in every poller entry, so each is worked out once per process (the problems
    are frozen), and every caller gets a list of its own."""
    plain: Callable[..., list[_Item]] = function

    @lru_cache(maxsize=2048)
    def cached(args: tuple[Any, ...], keywords: tuple[tuple[str, Any], ...]) -> tuple[_Item, ...]:
        return tuple(plain(*args, **dict(keywords)))

    @wraps(function)
    def memoised(*args: _Arguments.args, **kwargs: _Arguments.kwargs) -> list[_Item]:
        return list(cached(args, tuple(kwargs.items()) if kwargs else ()))

    return memoised
