"""Java-exact formatting: ``new SimpleDateFormat(pattern, Locale.US).format(date)``.

Each pattern is compiled once into a Python function (generated source, cached per
pattern text) that computes the calendar fields of a ``GregorianCalendar`` with
integer arithmetic: Locale.US week rules (Sunday first, minimal days 1), the Julian
calendar before 1582-10-15, Java's 1582 cutover-year day and week numbering, the
zone offsets and names of :mod:`validator.dates.zones`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Callable

from .zones import JavaZone, resolve_zone

if TYPE_CHECKING:
    from .pattern import DatePattern
    from .tokens import Token

__all__ = [
    "Formatter",
    "civil_from_days",
    "epoch_millis",
    "format_pattern",
    "formatter_for",
    "iso_offset",
    "rfc822_offset",
    "week_fields",
]

Formatter = Callable[[int, JavaZone], str]
"""A compiled pattern: ``formatter(epoch_ms, zone) -> str``."""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SHORT_MONTHS = tuple(m[:3] for m in MONTHS)
WEEKDAYS = ("", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
SHORT_WEEKDAYS = ("",) + tuple(w[:3] for w in WEEKDAYS[1:])

_DAY = 86_400_000
_MAX_DIGITS = 309  # DecimalFormat caps the minimum integer digits of a long at 309
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _julian_raw(y: int, m: int, d: int) -> int:
    y -= m <= 2
    era = y // 4
    yoe = y - era * 4
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 1461 + yoe * 365 + doy


# 1582-10-04 (Julian) is followed by 1582-10-15 (Gregorian).
CUTOVER_DAYS = _days_from_civil(1582, 10, 15)
_JULIAN_SHIFT = _julian_raw(1582, 10, 5) - CUTOVER_DAYS  # Julian 1582-10-05 is Gregorian 1582-10-15


def _days_from_julian(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a (proleptic) Julian date."""
    return _julian_raw(y, m, d) - _JULIAN_SHIFT


def _julian_from_days(days: int) -> tuple[int, int, int]:
    z = days + _JULIAN_SHIFT
    era = z // 1461
    doe = z - era * 1461
    yoe = (doe - doe // 1460) // 365
    doy = doe - 365 * yoe
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 4 + (m <= 2), m, d


def _gregorian_from_days(days: int) -> tuple[int, int, int]:
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def civil_from_days(days: int) -> tuple[int, int, int]:
    """(proleptic year, month, day) as ``GregorianCalendar`` shows local day ``days`` (Julian before the cutover)."""
    return _julian_from_days(days) if days < CUTOVER_DAYS else _gregorian_from_days(days)


def _jan1(year: int) -> int:
    """The day Java's cutover calendar counts as January 1 of proleptic ``year``."""
    return _days_from_julian(year, 1, 1) if year <= 1582 else _days_from_civil(year, 1, 1)


def _sunday_on_or_before(days: int) -> int:
    return days - (days + 4) % 7


def week_fields(days: int, year: int, month: int, day: int) -> tuple[int, int, int, int, int]:
    """``(DAY_OF_YEAR, WEEK_OF_YEAR, week year, WEEK_OF_MONTH, DAY_OF_WEEK_IN_MONTH)``, US weeks."""
    jan1 = _jan1(year)
    next_jan1 = _jan1(year + 1)
    doy = days - jan1 + 1
    woy = (days - _sunday_on_or_before(jan1)) // 7 + 1
    last_sunday = _sunday_on_or_before(next_jan1)
    if last_sunday != next_jan1 and days >= last_sunday:
        woy = 1
    # getWeekYear(): for years up to 1583 Java clones the calendar and sets YEAR = year + 1 while
    # keeping the era, so for BC dates it looks at January 1 of year -year (proleptic) instead.
    probe = _jan1(-year) if year <= 0 else next_jan1
    week_year = year + (next_jan1 - days <= (probe + 4) % 7)
    if year == 1582 and month == 10 and days >= CUTOVER_DAYS:
        month1 = _days_from_julian(1582, 10, 1)
    else:
        month1 = days - day + 1
    wom = (days - _sunday_on_or_before(month1)) // 7 + 1
    return doy, woy, week_year, wom, (days - month1) // 7 + 1


def _pad(value: int, digits: int) -> str:
    """``zeroPaddingNumber(value, digits, MAX_VALUE)`` (DecimalFormat, no grouping)."""
    if value < 0:
        return "-" + f"{-value:0{digits}d}"
    return f"{value:0{digits}d}"


def _pad2(value: int) -> str:
    """``zeroPaddingNumber(value, 2, 2)``: the last two digits."""
    if value < 0:
        return "-" + f"{-value % 100:02d}"
    return f"{value % 100:02d}"


def _minutes(total_ms: int) -> int:
    """Java's ``total / 60000`` (truncated toward zero)."""
    return total_ms // 60000 if total_ms >= 0 else -(-total_ms // 60000)


def rfc822_offset(total_ms: int) -> str:
    """What ``Z`` prints: ``+HHMM`` for any count, whole minutes truncated."""
    value = _minutes(total_ms)
    sign = "+" if value >= 0 else "-"
    value = abs(value)
    return f"{sign}{value // 60:02d}{value % 60:02d}"


def iso_offset(total_ms: int, count: int) -> str:
    """What ``X``, ``XX``, ``XXX`` print: ``Z`` for exactly 0, else ``+HH``, ``+HHMM``, ``+HH:MM``."""
    if total_ms == 0:
        return "Z"
    value = _minutes(total_ms)
    sign = "+" if value >= 0 else "-"
    value = abs(value)
    if count == 1:
        return f"{sign}{value // 60:02d}"
    return f"{sign}{value // 60:02d}{':' if count == 3 else ''}{value % 60:02d}"


class _OffsetStrings(dict[int, str]):
    """``total_ms -> string`` memo for one offset letter form."""

    def __init__(self, render: Callable[[int], str]) -> None:
        super().__init__()
        self._render = render

    def __missing__(self, total_ms: int) -> str:
        value = self[total_ms] = self._render(total_ms)
        return value


_DAY_CACHE: dict[int, tuple[int, int, int, int, str, str]] = {}
_WEEK_CACHE: dict[int, tuple[int, int, int, int, int]] = {}
_CACHE_LIMIT = 1 << 17  # days (~360 years); a cache is emptied when it reaches this size


def day_fields(days: int) -> tuple[int, int, int, int, str, str]:
    """``(proleptic year, year of era, month, day, era, yyyy)`` of local day ``days``, memoised."""
    p, m, d = civil_from_days(days)
    ye = p if p > 0 else 1 - p
    value = (p, ye, m, d, "AD" if p > 0 else "BC", f"{ye:04d}")
    if len(_DAY_CACHE) >= _CACHE_LIMIT:
        _DAY_CACHE.clear()
    _DAY_CACHE[days] = value
    return value


def _week_fields_cached(days: int, year: int, month: int, day: int) -> tuple[int, int, int, int, int]:
    value = week_fields(days, year, month, day)
    if len(_WEEK_CACHE) >= _CACHE_LIMIT:
        _WEEK_CACHE.clear()
    _WEEK_CACHE[days] = value
    return value


_NAMESPACE: dict[str, object] = {
    "MONTHS": MONTHS,
    "SHORT_MONTHS": SHORT_MONTHS,
    "WEEKDAYS": WEEKDAYS,
    "SHORT_WEEKDAYS": SHORT_WEEKDAYS,
    "AMPM": ("AM", "PM"),
    "CUTOVER_DAYS": CUTOVER_DAYS,
    "DAYS": _DAY_CACHE,
    "WEEKS": _WEEK_CACHE,
    "day_fields": day_fields,
    "week_fields_cached": _week_fields_cached,
    "P1": tuple(str(i) for i in range(1000)),
    "P2": tuple(f"{i:02d}" for i in range(1000)),
    "P3": tuple(f"{i:03d}" for i in range(1000)),
    "pad": _pad,
    "pad2": _pad2,
    "ZSTR": _OffsetStrings(rfc822_offset),
    "X1": _OffsetStrings(lambda t: iso_offset(t, 1)),
    "X2": _OffsetStrings(lambda t: iso_offset(t, 2)),
    "X3": _OffsetStrings(lambda t: iso_offset(t, 3)),
}


_TIME_FIELDS = {
    "a": "",
    "H": "hour",
    "k": "(hour or 24)",
    "K": "hour % 12",
    "h": "(hour % 12 or 12)",
    "m": "minute",
    "s": "second",
    "S": "millis",
}


def _num(var: str, count: int) -> str:
    """A number field of ``count`` digits; every such value is below 1000, except years."""
    if count <= 3:
        return "{P" + str(count) + "[" + var + "]}"  # table lookups: much faster than format specs
    return "{" + var + ":0" + str(min(count, _MAX_DIGITS)) + "d}"


def _source(tokens: tuple[Token, ...]) -> str:
    """Python source of ``def fmt(ms, zone)`` for the tokens of one pattern."""
    parts: list[str] = []
    need: set[str] = set()
    for token in tokens:
        if not token.is_field:
            parts.append(token.text.replace("{", "{{").replace("}", "}}"))
            continue
        c, n = token.letter, token.count
        if c == "G":
            need.add("date")
            parts.append("{era}")
        elif c == "y":
            need.add("date")
            if n == 2:
                parts.append("{P2[ye % 100]}")
            elif n == 4:
                parts.append("{ye4}")
            else:
                parts.append("{ye}" if n == 1 else "{ye:0" + str(min(n, _MAX_DIGITS)) + "d}")
        elif c == "Y":
            need.update(("date", "week"))
            parts.append("{pad2(wy)}" if n == 2 else "{pad(wy, " + str(min(n, _MAX_DIGITS)) + ")}")
        elif c in "ML":
            need.add("date")
            if n >= 4:
                parts.append("{MONTHS[m - 1]}")
            elif n == 3:
                parts.append("{SHORT_MONTHS[m - 1]}")
            else:
                parts.append(_num("m", n))
        elif c == "d":
            need.add("date")
            parts.append(_num("d", n))
        elif c in "DwWF":
            need.update(("date", "week"))
            parts.append(_num({"D": "doy", "w": "woy", "W": "wom", "F": "dim"}[c], n))
        elif c == "E":
            parts.append("{WEEKDAYS[(days + 4) % 7 + 1]}" if n >= 4 else "{SHORT_WEEKDAYS[(days + 4) % 7 + 1]}")
        elif c == "u":
            parts.append(_num("(days + 3) % 7 + 1", n))
        elif c in _TIME_FIELDS:
            need.add("time")
            parts.append("{AMPM[hour >= 12]}" if c == "a" else _num(_TIME_FIELDS[c], n))
        elif c == "z":
            parts.append("{zone.names[" + ("2 + " if n >= 4 else "") + "(dst != 0)]}")
        elif c == "Z":
            parts.append("{ZSTR[total]}")
        elif c == "X":
            parts.append("{X" + str(n) + "[total]}")
        else:  # the tokenizer admits only the 23 letters
            raise AssertionError(f"unexpected pattern letter {c!r}")
    lines = [
        "def fmt(ms, zone):",
        "    lo, hi, offsets = zone._span",
        "    if not lo <= ms < hi:",
        "        offsets = zone.offset_span(ms)[2]",
        "    total, dst = offsets",
        "    days, msod = divmod(ms + total, 86400000)",
    ]
    if "date" in need:
        lines += [
            "    cal = DAYS.get(days)",
            "    if cal is None:",
            "        cal = day_fields(days)",
            "    p, ye, m, d, era, ye4 = cal",
        ]
    if "week" in need:
        lines += [
            "    week = WEEKS.get(days)",
            "    if week is None:",
            "        week = week_fields_cached(days, p, m, d)",
            "    doy, woy, wy, wom, dim = week",
        ]
    if "time" in need:
        lines += [
            "    sec, millis = divmod(msod, 1000)",
            "    minute, second = divmod(sec, 60)",
            "    hour, minute = divmod(minute, 60)",
        ]
    # repr() escapes the literal text; the field expressions hold no quotes or backslashes.
    if len(parts) <= _PARTS_PER_FSTRING:
        lines.append("    return f" + repr("".join(parts)))
    else:  # Python compiles one f-string in time growing with the square of its fields: a long pattern is joined
        lines.append("    return ''.join((" + "".join(
            "f" + repr("".join(parts[i:i + _PARTS_PER_FSTRING])) + ","
            for i in range(0, len(parts), _PARTS_PER_FSTRING)) + "))")
    return "\n".join(lines) + "\n"


_PARTS_PER_FSTRING = 256


_COMPILED: dict[str, Formatter] = {}
_COMPILED_LIMIT = 4096


def formatter_for(pattern: "DatePattern | str") -> Formatter:
    """The compiled ``formatter(epoch_ms, zone)`` of a pattern (cached per pattern text)."""
    text = pattern if isinstance(pattern, str) else pattern.text
    formatter = _COMPILED.get(text)
    if formatter is None:
        if isinstance(pattern, str):
            from .pattern import compile_pattern

            pattern = compile_pattern(pattern)
        if len(_COMPILED) >= _COMPILED_LIMIT:
            _COMPILED.clear()
        namespace = dict(_NAMESPACE)
        exec(compile(_source(pattern.tokens), f"<SimpleDateFormat {text!r}>", "exec"), namespace)
        compiled: Formatter = namespace["fmt"]  # type: ignore[assignment]  # defined by the exec above
        formatter = _COMPILED[text] = compiled
    return formatter


def iso_millis(ms: int) -> str:
    """The instant ``ms`` (epoch milliseconds) as ISO 8601 in UTC, to the millisecond (`2024-01-05T10:00:00.000Z`): the
    proleptic Gregorian calendar and a year of four digits, as ISO 8601 writes every year from 1 to 9999
    (``OverflowError`` beyond them)."""
    moment = _EPOCH + timedelta(milliseconds=ms)
    return (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:"
            f"{moment.second:02d}.{moment.microsecond // 1000:03d}Z")


def _java_long(ms: int) -> int:
    """``ms`` when a Java ``long`` holds it (``new Date(ms)``), else the ValueError the library raises: beyond it no
    Java answer exists to give (10**20 printed a year 3168875820)."""
    if not -(2 ** 63) <= ms < 2 ** 63:
        raise ValueError(f"epoch milliseconds {ms} are beyond what Java's Date holds (a long: "
                         f"{-(2 ** 63)} to {2 ** 63 - 1})")
    return ms


def epoch_millis(instant: datetime | int) -> int:
    """Epoch milliseconds of an aware datetime (microseconds floored, like ``Date``) or an int."""
    if type(instant) is int:
        return _java_long(instant)
    if isinstance(instant, datetime):
        offset = instant.utcoffset()
        if offset is None:
            raise TypeError(
                f"naive datetime {instant.isoformat()} has no time zone: pass an aware datetime "
                "(e.g. tzinfo=timezone.utc) or epoch milliseconds"
            )
        delta = instant - _EPOCH
        return delta.days * _DAY + delta.seconds * 1000 + delta.microseconds // 1000
    if isinstance(instant, int) and not isinstance(instant, bool):
        return _java_long(int(instant))
    raise TypeError(f"instant must be an aware datetime or epoch milliseconds (int), not {type(instant).__name__}")


def format_pattern(pattern: "DatePattern", instant: datetime | int, zone: str) -> str:
    """``SimpleDateFormat(pattern, Locale.US)`` with ``TimeZone.getTimeZone(zone)``, formatting ``instant``."""
    formatter = _COMPILED.get(pattern.text) or formatter_for(pattern)
    ms = _java_long(instant) if type(instant) is int else epoch_millis(instant)
    return formatter(ms, resolve_zone(zone).zone)
