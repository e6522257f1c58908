"""Times typed by a user on the command line (``--at``), read with pendulum.

Accepted: ISO 8601 (``2024-01-05T10:00Z``, ``2024-01-05T10:00:00+01:00``; a date alone is
midnight UTC, a time without an offset is UTC), ``now``, a duration back from now
(``-15m``, ``-2h``, ``-1d``, ``-1w``, ``-1h30m``, ``15m ago``) or forward (``+2h``), and
epoch milliseconds (``1704448800000``, 11 digits or more) or seconds with ``@`` (``@1704448800``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

__all__ = ["parse_user_time"]

_UNITS = {
    "ms": timedelta(milliseconds=1),
    "s": timedelta(seconds=1), "sec": timedelta(seconds=1), "secs": timedelta(seconds=1),
    "second": timedelta(seconds=1), "seconds": timedelta(seconds=1),
    "m": timedelta(minutes=1), "min": timedelta(minutes=1), "mins": timedelta(minutes=1),
    "minute": timedelta(minutes=1), "minutes": timedelta(minutes=1),
    "h": timedelta(hours=1), "hr": timedelta(hours=1), "hrs": timedelta(hours=1),
    "hour": timedelta(hours=1), "hours": timedelta(hours=1),
    "d": timedelta(days=1), "day": timedelta(days=1), "days": timedelta(days=1),
    "w": timedelta(weeks=1), "week": timedelta(weeks=1), "weeks": timedelta(weeks=1),
}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_PART = re.compile(rf"(\d+)\s*({_UNIT})(?![a-z])", re.I)
_DURATION = re.compile(rf"(?:\d+\s*(?:{_UNIT})(?![a-z])\s*)+", re.I)
_HELP = (
    "use ISO 8601 (2024-01-05T10:00:00Z, 2024-01-05T10:00+01:00, 2024-01-05), 'now', a duration back "
    "from now (-15m, -2h, -1d, -1w, '15m ago'), or epoch milliseconds (1704448800000)"
)


def _duration(text: str) -> timedelta | None:
    if not _DURATION.fullmatch(text):
        return None
    total = timedelta()
    for amount, unit in _PART.findall(text):
        total += int(amount) * _UNITS[unit.lower()]
    return total


def _plain(value: datetime) -> datetime:
    """A stdlib ``datetime`` with a fixed-offset (or UTC) tzinfo, whatever pendulum returned."""
    offset = value.utcoffset() or timedelta()
    tz = timezone.utc if offset == timedelta() else timezone(offset)
    return datetime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                    value.microsecond, tzinfo=tz)


def parse_user_time(text: str, *, now: datetime | None = None) -> datetime:
    """Read ``text`` as an aware ``datetime``; ``now`` (default: the current time, UTC) anchors durations.

    Raises ``ValueError`` with the accepted forms when ``text`` is none of them, or when it is a time
    beyond the years 1 to 9999 (``-999999999d``).
    """
    try:
        return _parse_user_time(text, now=now)
    except OverflowError:
        raise ValueError(f"{text!r} is out of range: times go from year 1 to year 9999") from None


def _parse_user_time(text: str, *, now: datetime | None = None) -> datetime:
    raw = text.strip()
    if len(raw) > 200:  # (no time is written so long; a number of thousands of digits is no epoch)
        raise ValueError(f"a time of {len(raw)} characters: {_HELP}")
    if now is None:
        now = datetime.now(timezone.utc)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    if not raw:
        raise ValueError(f"empty time: {_HELP}")
    lowered = raw.lower()
    if lowered == "now":
        return now
    if lowered.endswith(" ago"):
        delta = _duration(raw[:-4].strip())
        if delta is not None:
            return now - delta
    if raw[0] in "+-":
        delta = _duration(raw[1:].strip())
        if delta is not None:
            return now - delta if raw[0] == "-" else now + delta
    if _duration(raw) is not None:
        raise ValueError(f"{text!r} is a duration without a direction: write '-{raw}' or '{raw} ago' for the past, "
                         f"'+{raw}' for the future")
    epoch = re.fullmatch(r"(@)?(-?\d+)", raw)
    if epoch:
        value = int(epoch.group(2))
        if epoch.group(1):
            return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=value)
        if len(epoch.group(2).lstrip("-")) >= 11:
            return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=value)
        raise ValueError(f"{text!r} is ambiguous: epoch milliseconds have 11 digits or more "
                         f"(1704448800000); epoch seconds take an '@' (@{value})")
    return _iso(text, raw)


def _iso(text: str, raw: str) -> datetime:
    import pendulum

    try:
        parsed = pendulum.parse(raw, exact=True, tz="UTC")
    except (ValueError, TypeError, OverflowError) as error:
        # pendulum's "Unable to parse string [x]" only says the text again; a reason of its own is kept
        reason = "" if str(error).startswith("Unable to parse string") else f" ({error})"
        raise ValueError(f"cannot read {text!r} as a time{reason}: {_HELP}") from None
    if isinstance(parsed, datetime):
        return _plain(parsed)
    if isinstance(parsed, date):
        return datetime(parsed.year, parsed.month, parsed.day, tzinfo=timezone.utc)
    raise ValueError(f"{text!r} is not a point in time ({type(parsed).__name__.lower()}): {_HELP}")
