"""``DatePattern``: a compiled SimpleDateFormat pattern, and ``compile_pattern``."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .tokens import PatternError, Token, tokenize

if TYPE_CHECKING:
    from collections.abc import Callable

    from .analysis import PatternFacts

__all__ = ["DatePattern", "PatternError", "compile_pattern", "format_date"]


class DatePattern:
    """A pattern as ``new SimpleDateFormat(pattern, Locale.US)`` understands it."""

    __slots__ = ("text", "tokens", "__dict__")

    def __init__(self, text: str, tokens: tuple[Token, ...]) -> None:
        self.text = text
        self.tokens = tokens

    def __repr__(self) -> str:
        return f"DatePattern({self.text!r})"

    @cached_property
    def fields(self) -> tuple[Token, ...]:
        """The tokens that are date fields (the others are literal text)."""
        return tuple(t for t in self.tokens if t.is_field)

    def format(self, instant: datetime | int, zone: str = "GMT") -> str:
        """Format ``instant`` (aware datetime or epoch milliseconds) in Java zone id ``zone``."""
        return _format_pattern()(self, instant, zone)

    def parse(
        self,
        text: str,
        zone: str = "GMT",
        *,
        lenient: bool = False,
        full_match: bool = False,
        now: datetime | None = None,
    ) -> datetime:
        """Parse ``text`` as ``SimpleDateFormat.parse`` does; see :mod:`validator.dates.parse`.

        ``now`` fixes the two-digit-year window (80 years before it), by default the current time.
        """
        from .parse import parse_pattern

        return parse_pattern(self, text, zone, lenient=lenient, full_match=full_match, now=now)

    @cached_property
    def facts(self) -> "PatternFacts":
        """What a linter needs to know about this pattern (offset fields, pitfalls...)."""
        from .analysis import analyze

        return analyze(self)


@lru_cache(maxsize=1)
def _format_pattern() -> Callable[[DatePattern, datetime | int, str], str]:
    # Imported on first use (not at import time), then kept: a per-call import costs ~1 us.
    from .format import format_pattern

    return format_pattern


@lru_cache(maxsize=2048)
def compile_pattern(text: str) -> DatePattern:
    """Compile ``text``; raises :class:`PatternError` where Java's constructor throws (:class:`TypeError` for no str)."""
    if not isinstance(text, str):  # (the tokenizer's own error named no date pattern)
        raise TypeError(f"a date pattern must be a str, not {type(text).__name__}")
    return DatePattern(text, tokenize(text))


def format_date(pattern: str | DatePattern, instant: datetime | int, zone: str = "GMT") -> str:
    """``new SimpleDateFormat(pattern, Locale.US)`` with ``setTimeZone(getTimeZone(zone))``, then ``format``."""
    compiled = pattern if isinstance(pattern, DatePattern) else compile_pattern(pattern)
    return compiled.format(instant, zone)
