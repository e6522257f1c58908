"""Java-exact parsing: ``SimpleDateFormat.parse(text, new ParsePosition(0))``.

The parser follows the JDK's own algorithm step by step (see ``java-date-patterns.md``
section 4): each field is read by ``subParse`` rules into a ``CalendarBuilder``-like
set of stamped fields, then a ``GregorianCalendar`` emulation resolves the fields
into an instant -- lenient roll-over, or the strict check that every field the text
set survives unchanged.

Behaviour is JDK 17's (later JDKs also let any Unicode space match a pattern space
when lenient).  Known differences, all outside what a date value can sensibly hold:
offsets into ``text`` are Python code points (the JDK counts UTF-16 units; they differ
only after a character outside the BMP); lenient values so large that Java's int/long
arithmetic overflows (years near 2**31, ``∞``, ``1E10``) may land on another instant.
The JVM default zone, whose names ``z`` tries second, is a keyword (``default_zone``,
``UTC`` as in the test oracle), and so is the clock of the two-digit-year window (``now``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

from .tokens import Token

if TYPE_CHECKING:
    import builtins  # `set` below is _Calendar.set inside the class body

    from .pattern import DatePattern
    from .zones import JavaZone

__all__ = ["DateParseError", "ParseResult", "epoch_ms", "parse_pattern", "parse_position"]

# Calendar field numbers, as in java.util.Calendar.
ERA, YEAR, MONTH, WEEK_OF_YEAR, WEEK_OF_MONTH, DAY_OF_MONTH, DAY_OF_YEAR, DAY_OF_WEEK = range(8)
DAY_OF_WEEK_IN_MONTH, AM_PM, HOUR, HOUR_OF_DAY, MINUTE, SECOND, MILLISECOND = range(8, 15)
ZONE_OFFSET, DST_OFFSET, WEEK_YEAR, ISO_DAY_OF_WEEK = 15, 16, 17, 18
FIELD_COUNT = 17

FIELD_NAMES = (
    "era", "year", "month", "week of year", "week of month", "day of month", "day of year",
    "day of week", "day of week in month", "AM/PM", "hour", "hour of day", "minute", "second",
    "millisecond", "zone offset", "DST offset",
)

_LETTER_FIELD = {
    "G": ERA, "y": YEAR, "M": MONTH, "d": DAY_OF_MONTH, "k": HOUR_OF_DAY, "H": HOUR_OF_DAY,
    "m": MINUTE, "s": SECOND, "S": MILLISECOND, "E": DAY_OF_WEEK, "D": DAY_OF_YEAR,
    "F": DAY_OF_WEEK_IN_MONTH, "w": WEEK_OF_YEAR, "W": WEEK_OF_MONTH, "a": AM_PM, "h": HOUR,
    "K": HOUR, "z": ZONE_OFFSET, "Z": ZONE_OFFSET, "Y": WEEK_YEAR, "u": ISO_DAY_OF_WEEK,
    "X": ZONE_OFFSET, "L": MONTH,
}
_OBEY_COUNT_LETTERS = frozenset("ydkHmsSDFwWhKYu")

_MIN = (0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, -13 * 3600000, 0)
_MAX = (1, 292278994, 11, 53, 6, 31, 366, 7, 6, 1, 11, 23, 59, 59, 999, 14 * 3600000, 2 * 3600000)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_MONTH_NAMES = [(n, i) for i, n in enumerate(_MONTHS)] + [(n[:3], i) for i, n in enumerate(_MONTHS)]
_WEEKDAY_NAMES = [(n, i + 1) for i, n in enumerate(_WEEKDAYS)] + [(n[:3], i + 1) for i, n in enumerate(_WEEKDAYS)]
_ERA_NAMES = [("BC", 0), ("AD", 1), ("Before Christ", 0), ("Anno Domini", 1)]
_AMPM_NAMES = [("AM", 0), ("PM", 1)]

ONE_DAY = 86400000
EPOCH_OFFSET = 719163  # fixed date of 1970-01-01
CUTOVER_YEAR = 1582
CUTOVER_FIXED = 577736  # fixed date of 1582-10-15 (Gregorian)
_LONG = 1 << 64
_LONG_MIN, _LONG_MAX = -(1 << 63), (1 << 63) - 1
_INT_MIN, _INT_MAX = -(1 << 31), (1 << 31) - 1
_DST_PROBE_MS = 2145916800000  # 2038-01-01T00:00Z: where the current DST rules are sampled


class DateParseError(ValueError):
    """``text`` does not match the pattern (Java's ``parse`` returns null).

    ``index`` is Java's ``ParsePosition.getErrorIndex()`` (0-based), ``column`` the 1-based column.
    """

    def __init__(self, reason: str, *, index: int, text: str, pattern: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.index = index
        self.column = index + 1
        self.text = text
        self.pattern = pattern

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True, slots=True)
class ParseResult:
    """A successful parse: the instant, where parsing stopped, and the formatter's zone afterwards."""

    instant_ms: int
    index: int
    zone_id: str


class _Failure(Exception):
    def __init__(self, index: int, reason: str) -> None:
        self.index = index
        self.reason = reason


def _wrap_long(value: int) -> int:
    value &= _LONG - 1
    return value - _LONG if value > _LONG_MAX else value


def _wrap_int(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value > _INT_MAX else value


def _quote(text: str) -> str:
    return repr(text) if text else "the end of the text"


def _found(text: str, index: int, length: int = 1) -> str:
    if index >= len(text):
        return "the end of the text"
    return repr(text[index:index + length])


# --------------------------------------------------------------------------- zones


class _Zone:
    """The parts of a Java ``TimeZone`` the parser needs, on top of :mod:`validator.dates.zones`."""

    __slots__ = ("id", "_zone")

    def __init__(self, zone_id: str, zone: JavaZone) -> None:
        self.id = zone_id
        self._zone = zone

    @property
    def raw_offset(self) -> int:
        return int(self._zone.raw_offset_ms)

    @property
    def dst_savings(self) -> int:
        """``TimeZone.getDSTSavings()``: the daylight amount of the current rules, 0 without DST."""
        if not getattr(self._zone, "uses_daylight", False):
            return 0
        year_ms = 31556952000
        probes = (self._zone.offsets_at(_DST_PROBE_MS - k * year_ms // 4)[1] for k in range(1, 9))
        return max(probes, default=0) or 3600000

    def offsets(self, utc_ms: int) -> tuple[int, int]:
        """(raw part, dst part) at ``utc_ms``, as ``ZoneInfo.getOffsets``."""
        total, dst = self._zone.offsets_at(utc_ms)
        return total - dst, dst

    def offsets_by_wall(self, wall_ms: int) -> tuple[int, int]:
        """``ZoneInfo.getOffsetsByWall``: the period whose wall-clock start is the last one <= ``wall_ms``."""
        span = 18 * 3600000  # offsets stay within +-18 h, so only one transition can matter
        lo, hi = wall_ms - span, wall_ms + span
        before = self._zone.offsets_at(lo)
        transition = hi + 1
        if self._zone.offsets_at(hi) != before:
            lo_ms, transition = lo, hi
            while transition - lo_ms > 1:  # bisect to the first ms with the new offsets
                mid = (lo_ms + transition) // 2
                if self._zone.offsets_at(mid) == before:
                    lo_ms = mid
                else:
                    transition = mid
        if transition <= hi:
            new_total, new_dst = self._zone.offsets_at(transition)
            if wall_ms >= transition + new_total:
                return new_total - new_dst, new_dst
        total, dst = before
        return total - dst, dst


def _resolve(zone_id: str) -> _Zone:
    from .zones import resolve_zone

    resolution = resolve_zone(zone_id)
    return _Zone(resolution.id, resolution.zone)


@lru_cache(maxsize=1)
def _zone_names() -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[str, ...]]]]:
    """Java's ``DateFormatSymbols.getZoneStrings()`` rows (id, long std, short std, long dst, short dst, ...):
    by id, and by the lower-cased first letter of any of the four names (rows in Java's order)."""
    from .zones import zone_strings

    by_id: dict[str, tuple[str, ...]] = {}
    by_letter: dict[str, list[tuple[str, ...]]] = {}
    for row in zone_strings():
        row = tuple(row)
        by_id.setdefault(row[0], row)
        for letter in {name[0].lower() for name in row[1:5] if name}:
            by_letter.setdefault(letter, []).append(row)
    return by_id, by_letter


# --------------------------------------------------------------------------- calendar arithmetic


def _greg_fixed(year: int, month: int, day: int) -> int:
    """``BaseCalendar.getFixedDate`` (Gregorian), month 1-12, Jan 1 of year 1 = 1."""
    prev = year - 1
    days = day + 365 * prev + prev // 4 - prev // 100 + prev // 400 + (367 * month - 362) // 12
    if month > 2:
        days -= 1 if _greg_leap(year) else 2
    return days


def _greg_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _jul_fixed(year: int, month: int, day: int) -> int:
    """``JulianCalendar.getFixedDate``; year is normalized (0 = 1 BC)."""
    days = -2 + 365 * (year - 1) + day + (year - 1) // 4 + (367 * month - 362) // 12
    if month > 2:
        days -= 1 if year % 4 == 0 else 2
    return days


def _greg_year_from_fixed(fixed: int) -> int:
    d0 = fixed - 1
    n400, d1 = divmod(d0, 146097)
    n100, d2 = divmod(d1, 36524)
    n4, d3 = divmod(d2, 1461)
    n1, _ = divmod(d3, 365)
    year = 400 * n400 + 100 * n100 + 4 * n4 + n1
    return year if n100 == 4 or n1 == 4 else year + 1


def _date_from_fixed(fixed: int) -> tuple[int, int, int, bool]:
    """(normalized year, month 1-12, day, julian?) as ``GregorianCalendar.computeFields`` sees it."""
    if fixed >= CUTOVER_FIXED:
        year = _greg_year_from_fixed(fixed)
        fixed_of, leap = _greg_fixed, _greg_leap(year)
        julian = False
    else:
        year = (4 * (fixed + 1) + 1464) // 1461
        fixed_of, leap = _jul_fixed, year % 4 == 0
        julian = True
    prior = fixed - fixed_of(year, 1, 1)
    if fixed >= fixed_of(year, 3, 1):
        prior += 1 if leap else 2
    month = (12 * prior + 373) // 367
    day = fixed - fixed_of(year, month, 1) + 1
    return year, month, day, julian


def _dow(fixed: int) -> int:
    return fixed % 7 + 1


def _dow_on_or_before(fixed: int, dow: int) -> int:
    return fixed - (fixed - (dow - 1)) % 7


def _week_number(fixed_day1: int, fixed: int) -> int:
    first = _dow_on_or_before(fixed_day1 + 6, 1)
    if first - fixed_day1 >= 1:
        first -= 7
    return (fixed - first) // 7 + 1


def _month_length(month0: int, year: int) -> int:
    if month0 == 1:
        return 29 if _greg_leap(year) else 28
    return (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month0]


class _Calendar:
    """Just enough of ``GregorianCalendar`` (Locale.US weeks: Sunday first, 1 minimal day)."""

    def __init__(self, zone: _Zone, lenient: bool) -> None:
        self.zone = zone
        self.lenient = lenient
        self.values = [0] * FIELD_COUNT
        self.stamps = [0] * FIELD_COUNT
        self.next_stamp = 2

    def set(self, field: int, value: int) -> None:
        self.values[field] = value
        self.stamps[field] = self.next_stamp
        self.next_stamp += 1

    def is_set(self, field: int) -> bool:
        return self.stamps[field] > 0

    # Calendar.selectFields ------------------------------------------------
    def select_fields(self) -> builtins.set[int]:
        st = self.stamps
        mask = {YEAR}
        if st[ERA]:
            mask.add(ERA)

        def agg(a: int, b: int) -> int:
            return 0 if a == 0 or b == 0 else max(a, b)

        dow_stamp, month_stamp, dom_stamp = st[DAY_OF_WEEK], st[MONTH], st[DAY_OF_MONTH]
        wom_stamp = agg(st[WEEK_OF_MONTH], dow_stamp)
        dowim_stamp = agg(st[DAY_OF_WEEK_IN_MONTH], dow_stamp)
        doy_stamp = st[DAY_OF_YEAR]
        woy_stamp = agg(st[WEEK_OF_YEAR], dow_stamp)
        best = max(dom_stamp, wom_stamp, dowim_stamp, doy_stamp, woy_stamp)
        if best == 0:
            wom_stamp = st[WEEK_OF_MONTH]
            dowim_stamp = max(st[DAY_OF_WEEK_IN_MONTH], dow_stamp)
            woy_stamp = st[WEEK_OF_YEAR]
            best = max(wom_stamp, dowim_stamp, woy_stamp)
            if best == 0:
                best = dom_stamp = month_stamp
        if (best == dom_stamp
                or (best == wom_stamp and st[WEEK_OF_MONTH] >= st[WEEK_OF_YEAR])
                or (best == dowim_stamp and st[DAY_OF_WEEK_IN_MONTH] >= st[WEEK_OF_YEAR])):
            mask.add(MONTH)
            if best == dom_stamp:
                mask.add(DAY_OF_MONTH)
            else:
                if dow_stamp:
                    mask.add(DAY_OF_WEEK)
                if wom_stamp == dowim_stamp:
                    mask.add(WEEK_OF_MONTH if st[WEEK_OF_MONTH] >= st[DAY_OF_WEEK_IN_MONTH] else DAY_OF_WEEK_IN_MONTH)
                elif best == wom_stamp:
                    mask.add(WEEK_OF_MONTH)
                elif st[DAY_OF_WEEK_IN_MONTH]:
                    mask.add(DAY_OF_WEEK_IN_MONTH)
        else:
            if best == doy_stamp:
                mask.add(DAY_OF_YEAR)
            else:
                if dow_stamp:
                    mask.add(DAY_OF_WEEK)
                mask.add(WEEK_OF_YEAR)
        hour_of_day_stamp = st[HOUR_OF_DAY]
        hour_stamp = agg(st[HOUR], st[AM_PM])
        best = max(hour_stamp, hour_of_day_stamp)
        if best == 0:
            best = max(st[HOUR], st[AM_PM])
        if best:
            if best == hour_of_day_stamp:
                mask.add(HOUR_OF_DAY)
            else:
                mask.add(HOUR)
                if st[AM_PM]:
                    mask.add(AM_PM)
        for field in (MINUTE, SECOND, MILLISECOND, ZONE_OFFSET, DST_OFFSET):
            if st[field]:
                mask.add(field)
        return mask

    # GregorianCalendar.getFixedDate ----------------------------------------
    def _fixed_date(self, julian: bool, year: int, mask: builtins.set[int]) -> int:
        v = self.values
        month = 0
        if MONTH in mask:
            month = v[MONTH]
            if month > 11 or month < 0:
                year += month // 12
                month %= 12
        fixed_of = _jul_fixed if julian else _greg_fixed
        fixed = fixed_of(year, month + 1, 1)
        if MONTH in mask:
            if DAY_OF_MONTH in mask:
                if self.is_set(DAY_OF_MONTH):
                    fixed += v[DAY_OF_MONTH] - 1
            elif WEEK_OF_MONTH in mask:
                first = _dow_on_or_before(fixed + 6, 1)
                if first - fixed >= 1:
                    first -= 7
                if DAY_OF_WEEK in mask:
                    first = _dow_on_or_before(first + 6, v[DAY_OF_WEEK])
                fixed = first + _wrap_int(7 * (v[WEEK_OF_MONTH] - 1))  # int arithmetic in Java
            else:
                dow = v[DAY_OF_WEEK] if DAY_OF_WEEK in mask else 1
                dowim = v[DAY_OF_WEEK_IN_MONTH] if DAY_OF_WEEK_IN_MONTH in mask else 1
                if dowim >= 0:
                    fixed = _dow_on_or_before(fixed + _wrap_int(7 * dowim) - 1, dow)
                else:
                    last = _month_length(month, year) + 7 * (dowim + 1)
                    fixed = _dow_on_or_before(fixed + last - 1, dow)
        else:
            if DAY_OF_YEAR in mask:
                fixed += v[DAY_OF_YEAR] - 1
            else:
                first = _dow_on_or_before(fixed + 6, 1)
                if first - fixed >= 1:
                    first -= 7
                if DAY_OF_WEEK in mask and v[DAY_OF_WEEK] != 1:
                    first = _dow_on_or_before(first + 6, v[DAY_OF_WEEK])
                fixed = first + 7 * (v[WEEK_OF_YEAR] - 1)
        return fixed

    # GregorianCalendar.computeTime ----------------------------------------
    def compute_time(self) -> int:
        v, st = self.values, self.stamps
        if not self.lenient:
            for field in range(FIELD_COUNT):
                if st[field] >= 2 and not _MIN[field] <= v[field] <= _MAX[field]:
                    raise _Failure(-1, f"{FIELD_NAMES[field]} {_show(field, v[field])} is out of range "
                                       f"{_show(field, _MIN[field])}..{_show(field, _MAX[field])}")
        original = list(v)
        mask = self.select_fields()
        year = v[YEAR] if st[YEAR] else 1970
        era = v[ERA] if st[ERA] else 1
        if era == 0:
            year = 1 - year
        elif era != 1:
            raise _Failure(-1, "invalid era")
        if HOUR_OF_DAY in mask:
            time_of_day = v[HOUR_OF_DAY]
        else:
            time_of_day = v[HOUR]
            if AM_PM in mask:
                time_of_day += 12 * v[AM_PM]
        time_of_day = ((time_of_day * 60 + v[MINUTE]) * 60 + v[SECOND]) * 1000 + v[MILLISECOND]
        fixed, time_of_day = divmod(time_of_day, ONE_DAY)
        if year > CUTOVER_YEAR:
            gfd = fixed + self._fixed_date(False, year, mask)
            if gfd >= CUTOVER_FIXED:
                fixed = gfd
            else:
                fixed = self._choose(gfd, fixed + self._fixed_date(True, year, mask), mask)
        elif year < CUTOVER_YEAR:
            jfd = fixed + self._fixed_date(True, year, mask)
            fixed = jfd if jfd < CUTOVER_FIXED else self._choose(jfd, jfd, mask)
        else:
            jfd = fixed + self._fixed_date(True, year, mask)
            gfd = fixed + self._fixed_date(False, year, mask)
            fixed = self._choose(gfd, jfd, mask)
        millis = _wrap_long((fixed - EPOCH_OFFSET) * ONE_DAY + time_of_day)
        tz_fields = {ZONE_OFFSET, DST_OFFSET} & mask
        raw, dst = (0, 0)
        if len(tz_fields) != 2:
            raw, dst = self.zone.offsets_by_wall(millis)
        if ZONE_OFFSET in tz_fields:
            raw = v[ZONE_OFFSET]
        if DST_OFFSET in tz_fields:
            dst = v[DST_OFFSET]
        millis = _wrap_long(millis - (raw + dst))
        if not self.lenient:
            computed = self.compute_fields(millis, tz_fields)
            changed = [
                f"{FIELD_NAMES[field]} {_show(field, original[field])} becomes {_show(field, computed[field])}"
                for field in range(FIELD_COUNT)
                if st[field] >= 2 and original[field] != computed[field]
            ]
            if changed:
                reason = "the fields roll over (" + ", ".join(changed) + ")"
                if not tz_fields and sum(self.zone.offsets(millis)) != raw + dst:
                    reason += f": the wall time falls in a daylight-saving gap of {self.zone.id}"
                raise _Failure(-1, reason)
        return millis

    def _choose(self, gfd: int, jfd: int, mask: builtins.set[int]) -> int:
        if DAY_OF_YEAR in mask or WEEK_OF_YEAR in mask:
            return jfd
        if gfd >= CUTOVER_FIXED:
            return gfd
        if jfd < CUTOVER_FIXED:
            return jfd
        if not self.lenient:
            raise _Failure(-1, "the date does not exist (Julian-Gregorian cutover)")
        return jfd

    # GregorianCalendar.computeFields (all fields) ---------------------------
    def compute_fields(self, time: int, tz_fields: builtins.set[int]) -> list[int]:
        if len(tz_fields) != 2:
            raw, dst = self.zone.offsets(time)
        else:
            raw = dst = 0
        if ZONE_OFFSET in tz_fields:
            raw = self.values[ZONE_OFFSET]
        if DST_OFFSET in tz_fields:
            dst = self.values[DST_OFFSET]
        fixed, time_of_day = divmod(time + raw + dst, ONE_DAY)
        fixed += EPOCH_OFFSET
        year, month, day, julian = _date_from_fixed(fixed)
        out = [0] * FIELD_COUNT
        out[ERA], out[YEAR] = (1, year) if year > 0 else (0, 1 - year)
        out[MONTH], out[DAY_OF_MONTH], out[DAY_OF_WEEK] = month - 1, day, _dow(fixed)
        hours = time_of_day // 3600000
        out[HOUR_OF_DAY], out[AM_PM], out[HOUR] = hours, hours // 12, hours % 12
        out[MINUTE] = time_of_day // 60000 % 60
        out[SECOND] = time_of_day // 1000 % 60
        out[MILLISECOND] = time_of_day % 1000
        out[ZONE_OFFSET], out[DST_OFFSET] = raw, dst
        fixed_of = _jul_fixed if julian else _greg_fixed
        jan1 = fixed_of(year, 1, 1)
        month1 = fixed - day + 1
        if year == CUTOVER_YEAR:
            jan1 = _jul_fixed(year, 1, 1)
            if fixed >= CUTOVER_FIXED and month == 10:
                month1 = _jul_fixed(year, 10, 1)
        out[DAY_OF_YEAR] = fixed - jan1 + 1
        out[DAY_OF_WEEK_IN_MONTH] = (fixed - month1) // 7 + 1
        week = _week_number(jan1, fixed)
        if week == 0:
            week = _week_number(_fixed_jan1(year - 1), jan1 - 1)
        elif week >= 52 or CUTOVER_YEAR - 1 <= year <= CUTOVER_YEAR:  # Java checks every week near the cutover
            next_jan1 = _fixed_jan1(year + 1)
            next_first = _dow_on_or_before(next_jan1 + 6, 1)
            if next_first - next_jan1 >= 1 and fixed >= next_first - 7:
                week = 1
        out[WEEK_OF_YEAR] = week
        out[WEEK_OF_MONTH] = _week_number(month1, fixed)
        return out


def _show(field: int, value: int) -> str:
    if field == MONTH:
        return str(value + 1)
    if field in (ZONE_OFFSET, DST_OFFSET):
        sign = "-" if value < 0 else "+"
        minutes = abs(value) // 60000
        return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return str(value)


class _Builder:
    """``java.text.CalendarBuilder``: stamped field values set while parsing."""

    def __init__(self) -> None:
        self.values: dict[int, int] = {}
        self.stamps: dict[int, int] = {}
        self.next_stamp = 2

    def set(self, field: int, value: int) -> None:
        if field == ISO_DAY_OF_WEEK:
            field = DAY_OF_WEEK
            if 1 <= value <= 7:
                value = 1 if value == 7 else value + 1
        self.stamps[field] = self.next_stamp
        self.next_stamp += 1
        self.values[field] = value

    def clear(self, field: int) -> None:
        self.stamps.pop(field, None)
        self.values.pop(field, None)

    def add_year(self, amount: int) -> None:
        for field in (YEAR, WEEK_YEAR):
            if field in self.values:
                self.values[field] += amount

    def establish(self, zone: _Zone, lenient: bool) -> int:
        week_date = WEEK_YEAR in self.stamps and self.stamps[WEEK_YEAR] > self.stamps.get(YEAR, 0)
        cal = _Calendar(zone, lenient)
        for field in sorted((f for f in self.stamps if f < FIELD_COUNT), key=self.stamps.__getitem__):
            cal.set(field, self.values[field])
        if week_date:
            week = self.values[WEEK_OF_YEAR] if WEEK_OF_YEAR in self.stamps else 1
            dow = self.values[DAY_OF_WEEK] if DAY_OF_WEEK in self.stamps else 1
            if not 1 <= dow <= 7 and lenient:
                if dow >= 8:
                    dow -= 1
                    week += dow // 7
                    dow = dow % 7 + 1
                else:
                    while dow <= 0:
                        dow += 7
                        week -= 1
                dow = 1 if dow == 7 else dow + 1
            _set_week_date(cal, self.values[WEEK_YEAR], week, dow)
        return cal.compute_time()


def _year_length(normalized_year: int) -> int:
    if normalized_year == CUTOVER_YEAR:
        return 355
    if normalized_year < CUTOVER_YEAR:
        return 366 if normalized_year % 4 == 0 else 365
    return 366 if _greg_leap(normalized_year) else 365


def _fixed_jan1(normalized_year: int) -> int:
    return (_jul_fixed if normalized_year <= CUTOVER_YEAR else _greg_fixed)(normalized_year, 1, 1)


def _java_week_year(fields: list[int], fixed: int) -> int:
    """``GregorianCalendar.getWeekYear()`` of the date ``fields`` (at ``fixed``), Java's quirks included."""
    year = fields[YEAR] if fields[ERA] == 1 else 1 - fields[YEAR]
    if year > CUTOVER_YEAR + 1:
        if fields[MONTH] == 0:
            return year - 1 if fields[WEEK_OF_YEAR] >= 52 else year
        return year + 1 if fields[WEEK_OF_YEAR] == 1 else year
    day_of_year, max_day_of_year = fields[DAY_OF_YEAR], _year_length(year)
    if 1 < day_of_year < max_day_of_year - 6:
        return year
    jan1 = fixed - day_of_year + 1
    min_day_of_year = (1 - _dow(jan1)) % 7 + 1
    if day_of_year < min_day_of_year:
        return year - 1 if min_day_of_year <= 1 else year
    # Java sets YEAR to year + 1 while ERA stays as it was: for BC dates that lands on -year.
    next_year = -year if fields[ERA] == 0 else year + 1
    min_day_of_year = (1 - _dow(_fixed_jan1(next_year))) % 7 or 7
    if max_day_of_year - day_of_year + 1 <= 7 - min_day_of_year:
        year += 1
    return year


def _era_of(cal: _Calendar) -> int:
    """``get(ERA)`` of a lenient clone of ``cal``: the era its fields so far land in (1 AD, 0 BC)."""
    clone = _Calendar(cal.zone, True)
    clone.values, clone.stamps, clone.next_stamp = list(cal.values), list(cal.stamps), cal.next_stamp
    try:
        ms = clone.compute_time()
        # in the calendar's own zone (or the offsets the text gave), as Java's complete() computes them
        fields = clone.compute_fields(ms, {f for f in (ZONE_OFFSET, DST_OFFSET) if clone.stamps[f] >= 2})
    except (_Failure, OverflowError, ValueError):
        return 1
    return 0 if fields[ERA] == 0 else 1


def _set_week_date(cal: _Calendar, week_year: int, week: int, dow: int) -> None:
    """``GregorianCalendar.setWeekDate``: the week year counts in the era the fields set so far give
    (a negative ``yyyy`` read leniently is BC, and the week year then too)."""
    if not 1 <= dow <= 7:
        raise _Failure(-1, f"invalid day of week {dow}")
    normalized = week_year if _era_of(cal) == 1 else 1 - week_year
    jan1 = _greg_fixed(normalized, 1, 1) if normalized > CUTOVER_YEAR else _jul_fixed(normalized, 1, 1)
    first = _dow_on_or_before(jan1 + 6, 1)
    if first - jan1 >= 1:
        first -= 7
    days = _wrap_int((dow - 1) % 7 + _wrap_int(7 * (week - 1)))
    fixed = first + days
    gmt = _Calendar(cal.zone, True)
    fields = gmt.compute_fields((fixed - EPOCH_OFFSET) * ONE_DAY, {ZONE_OFFSET, DST_OFFSET})
    if not cal.lenient:
        got_week_year = _java_week_year(fields, fixed)
        if got_week_year != week_year or fields[WEEK_OF_YEAR] != week or fields[DAY_OF_WEEK] != dow:
            raise _Failure(-1, f"week {week} of week-year {week_year} does not have that day")
    for field in (ERA, YEAR, MONTH, DAY_OF_MONTH):
        cal.set(field, fields[field])
    cal.values[WEEK_OF_YEAR] = week


# --------------------------------------------------------------------------- field parsing


def _is_digit(ch: str) -> bool:
    return ch.isdecimal() and ord(ch) < 0x10000


def _parse_number(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """``DecimalFormat.parse`` (integer only, no grouping) on ``text[:limit]`` at ``pos``: (int value, end)."""
    if text.startswith("NaN", pos) and pos + 3 <= limit:
        return 0, pos + 3
    i = pos
    negative = i < limit and text[i] == "-"
    if negative:
        i += 1
    if i < limit and text[i] == "\u221e":
        return (_INT_MIN if negative else _INT_MAX), i + 1
    digits_start = i
    while i < limit and _is_digit(text[i]):
        i += 1
    if i == digits_start:
        return None
    mantissa = _digits_value(text[digits_start:i])
    exponent = 0
    if i < limit and text[i] == "E":
        j = i + 1
        exp_negative = j < limit and text[j] == "-"
        if exp_negative:
            j += 1
        k = j
        while k < limit and _is_digit(text[k]):
            k += 1
        if k > j:
            exp_value = _digits_value(text[j:k])
            if exp_value <= _LONG_MAX:
                exponent = -_wrap_int(exp_value) if exp_negative else _wrap_int(exp_value)
                i = k
    if negative:
        mantissa = -mantissa
    if exponent >= 0:
        if exponent > 400:
            return (0 if mantissa == 0 else (_INT_MAX if mantissa > 0 else _INT_MIN)), i
        value = mantissa * 10**exponent
        if _LONG_MIN <= value <= _LONG_MAX:
            return _wrap_int(value), i
        return (_INT_MAX if value > 0 else _INT_MIN), i
    if -exponent > 400:
        return 0, i
    scale = 10 ** (-exponent)
    value = abs(mantissa) // scale
    value = -value if mantissa < 0 else value
    if value > _INT_MAX:
        value = _INT_MAX
    elif value < _INT_MIN:
        value = _INT_MIN
    return value, i


# Past this many significant digits every use of a number clamps it (to int or long range, after at most
# 400 digits of scaling), so one stand-in above them all gives the same results: Python refuses to turn more
# than 4,300 digits into an int.
_HUGE_DIGITS = 1000
_HUGE: int = 10 ** _HUGE_DIGITS


def _digits_value(digits: str) -> int:
    """The value of a run of decimal digits (any script's), as Java's DigitList reads it, or a stand-in above
    every limit for a run longer than :data:`_HUGE_DIGITS` significant digits."""
    ascii_digits = "".join(str(unicodedata.decimal(c)) for c in digits).lstrip("0")
    if len(ascii_digits) > _HUGE_DIGITS:
        return _HUGE
    return int(ascii_digits or "0")


def _match_names(text: str, start: int, names: list[tuple[str, int]]) -> tuple[int, int] | None:
    """Longest case-insensitive match of ``names`` at ``start``: (value, end)."""
    best: tuple[int, int] | None = None
    best_length = 0
    for name, value in names:
        length = len(name)
        if length > best_length and _region_matches(text, start, name):
            best, best_length = (value, start + length), length
    return best


def _region_matches(text: str, start: int, name: str) -> bool:
    """``String.regionMatches(true, ...)``: char-wise, equal if upper- or lower-case forms agree."""
    if start + len(name) > len(text):
        return False
    for a, b in zip(text[start:start + len(name)], name):
        if a != b and a.upper() != b.upper() and a.lower() != b.lower():
            return False
    return True


_KIND = {
    "G": "an era (AD or BC)", "E": "a day name", "a": "AM or PM",
}


class _Parser:
    def __init__(self, text: str, zone: _Zone, lenient: bool, century_start_ms: int, century_year: int,
                 default_zone: str) -> None:
        self.text = text
        self.zone = zone
        self.lenient = lenient
        self.century_start_ms = century_start_ms
        self.century_year = century_year
        self.default_zone = default_zone
        self.ambiguous_year = False
        self.builder = _Builder()

    def literal(self, token: Token, start: int) -> int:
        text = self.text
        for ch in token.text:
            if start >= len(text) or text[start] != ch:  # exact in JDK 17 (later JDKs match any space when lenient)
                found = _found(text, start)
                raise _Failure(start, f"expected {ch!r} at column {start + 1}, found {found}")
            start += 1
        return start

    def field(self, token: Token, start: int, obey_count: bool) -> int:
        text, letter, count = self.text, token.letter, token.count
        field = _LETTER_FIELD[letter]
        pos = start
        while True:
            if pos >= len(text):
                raise _Failure(start, f"text ended at column {start + 1}, expected '{token.text}'")
            if text[pos] not in " \t":
                break
            pos += 1
        actual_start = pos
        value = 0
        numeric_first = letter in "kh" or (letter in "ML" and count <= 2) or letter in "yY"
        if numeric_first:
            number = self.number(start, pos, count, obey_count, token)
            value, pos = number
        builder = self.builder
        if letter == "G":
            return self.names(start, pos, field, _ERA_NAMES, token)
        if letter in "yY":
            two_digits = pos - actual_start == 2 and _is_digit(text[actual_start]) and _is_digit(text[actual_start + 1])
            if count <= 2 and two_digits:
                ambiguous = self.century_year % 100
                self.ambiguous_year = value == ambiguous
                value += (self.century_year // 100) * 100 + (100 if value < ambiguous else 0)
            builder.set(field, value)
            return pos
        if letter in "ML":
            if count <= 2:
                builder.set(MONTH, value - 1)
                return pos
            return self.names(start, pos, MONTH, _MONTH_NAMES, token)
        if letter == "k":
            if not self.lenient and not 1 <= value <= 24:
                raise _Failure(pos, f"hour {value} is out of range 1-24 for 'k' at column {actual_start + 1}")
            builder.set(HOUR_OF_DAY, 0 if value == 24 else value)
            return pos
        if letter == "E":
            return self.names(start, pos, DAY_OF_WEEK, _WEEKDAY_NAMES, token)
        if letter == "a":
            return self.names(start, pos, AM_PM, _AMPM_NAMES, token)
        if letter == "h":
            if not self.lenient and not 1 <= value <= 12:
                raise _Failure(pos, f"hour {value} is out of range 1-12 for 'h' at column {actual_start + 1}")
            builder.set(HOUR, 0 if value == 12 else value)
            return pos
        if letter in "zZ":
            return self.zone_name_or_offset(start, pos, token)
        if letter == "X":
            return self.iso_zone(pos, count, token)
        value, pos = self.number(start, pos, count, obey_count, token)
        builder.set(field, value)
        return pos

    def number(self, start: int, pos: int, count: int, obey_count: bool, token: Token) -> tuple[int, int]:
        text = self.text
        if obey_count:
            if start + count > len(text):
                raise _Failure(pos, f"expected {count} digits for '{token.text}' at column {pos + 1}, "
                                    f"found {_quote(text[pos:])}")
            limit = start + count
        else:
            limit = len(text)
        parsed = _parse_number(text, pos, limit)
        if parsed is None:
            raise _Failure(pos, f"expected a digit for '{token.text}' at column {pos + 1}, found {_found(text, pos)}")
        return parsed

    def names(self, start: int, pos: int, field: int, names: list[tuple[str, int]], token: Token) -> int:
        match = _match_names(self.text, start, names)
        if match is None:
            kind = _KIND.get(token.letter, "a month name")
            if start == pos:
                found = _found(self.text, pos, 3)
            else:
                found = f"{_found(self.text, start)} (text fields do not skip whitespace)"
            raise _Failure(pos, f"expected {kind} for '{token.text}' at column {start + 1}, found {found}")
        self.builder.set(field, match[0])
        return match[1]

    def zone_name_or_offset(self, start: int, pos: int, token: Token) -> int:
        text = self.text
        c = text[pos]
        sign = 1 if c == "+" else -1 if c == "-" else 0
        fail_reason = (f"expected an offset like -0500, GMT+05:00 or a zone name for '{token.text}' "
                       f"at column {pos + 1}, found {_found(text, pos, 6)}")
        if sign == 0:
            if c in "Gg" and len(text) - start >= 3 and _region_matches(text, start, "GMT"):
                pos = start + 3
                if len(text) - pos > 0:
                    c = text[pos]
                    sign = 1 if c == "+" else -1 if c == "-" else 0
                if sign == 0:
                    self.builder.set(ZONE_OFFSET, 0)
                    self.builder.set(DST_OFFSET, 0)
                    return pos
                end = self.numeric_zone(pos + 1, sign, 0, True)
                if end > 0:
                    return end
                raise _Failure(-end, fail_reason)
            end = self.zone_string(pos)
            if end > 0:
                return end
            raise _Failure(-end, fail_reason)
        end = self.numeric_zone(pos + 1, sign, 0, False)
        if end > 0:
            return end
        raise _Failure(-end, fail_reason)

    def iso_zone(self, pos: int, count: int, token: Token) -> int:
        text = self.text
        example = {1: "+05", 2: "+0500", 3: "+05:00"}[count]
        c = text[pos]
        if c == "Z":
            self.builder.set(ZONE_OFFSET, 0)
            self.builder.set(DST_OFFSET, 0)
            return pos + 1
        if c not in "+-":
            raise _Failure(pos + 1, f"expected 'Z' or an offset like {example} for '{token.text}' at column "
                                    f"{pos + 1}, found {_found(text, pos)}")
        end = self.numeric_zone(pos + 1, 1 if c == "+" else -1, count, count == 3)
        if end > 0:
            return end
        raise _Failure(-end, f"expected 'Z' or an offset like {example} for '{token.text}' at column {pos + 1}, "
                             f"found {_found(text, pos, len(example) + 1)}")

    def numeric_zone(self, start: int, sign: int, count: int, colon: bool) -> int:
        """``subParseNumericZone``: the end index, or minus the failing index."""
        text = self.text
        index = start

        def char() -> str | None:
            nonlocal index
            index += 1
            return text[index - 1] if index - 1 < len(text) else None

        c = char()
        if c is None or not "0" <= c <= "9":
            return 1 - index
        hours = ord(c) - 48
        c = char()
        if c is not None and "0" <= c <= "9":
            hours = hours * 10 + ord(c) - 48
        else:
            if c is None or count > 0 or not colon:
                return 1 - index
            index -= 1
        if hours > 23:
            return 1 - index
        minutes = 0
        if count != 1:
            c = char()
            if colon:
                if c != ":":
                    return 1 - index
                c = char()
            if c is None or not "0" <= c <= "9":
                return 1 - index
            minutes = ord(c) - 48
            c = char()
            if c is None or not "0" <= c <= "9":
                return 1 - index
            minutes = minutes * 10 + ord(c) - 48
            if minutes > 59:
                return 1 - index
        self.builder.set(ZONE_OFFSET, (minutes + hours * 60) * 60000 * sign)
        self.builder.set(DST_OFFSET, 0)
        return index

    def zone_string(self, start: int) -> int:
        """``subParseZoneString``: Java's zone-name lookup; may change the formatter's zone."""
        by_id, by_letter = _zone_names()
        text = self.text

        def match(row: tuple[str, ...]) -> int:
            for i in range(1, 5):
                if row[i] and _region_matches(text, start, row[i]):
                    return i
            return -1

        found: tuple[tuple[str, ...], int] | None = None
        for zone_id in (self.zone.id, self.default_zone):
            row = by_id.get(zone_id)
            if row is not None and (name_index := match(row)) > 0:
                found = (row, name_index)
                break
        if found is None:
            first = text[start]
            rows = by_letter.get(first.lower(), [])
            if first.upper().lower() != first.lower():
                rows = sorted({*rows, *by_letter.get(first.upper().lower(), [])}, key=self._order)
            for row in rows:
                if (name_index := match(row)) > 0:
                    found = (row, name_index)
                    break
        if found is None:
            return -start
        row, name_index = found
        same_name = name_index <= 2 and row[name_index].lower() == row[name_index + 2].lower()
        if row[0] != self.zone.id:
            self.zone = _resolve(row[0])
        dst_amount = self.zone.dst_savings if name_index >= 3 else 0
        if not (same_name or (name_index >= 3 and dst_amount == 0)):
            self.builder.clear(ZONE_OFFSET)
            self.builder.set(DST_OFFSET, dst_amount)
        return start + len(row[name_index])

    @staticmethod
    def _order(row: tuple[str, ...]) -> int:
        from .zones import zone_strings

        return zone_strings().index(row)


# --------------------------------------------------------------------------- public API


def _century_start(now: datetime | int | None) -> tuple[int, int]:
    """(epoch ms, year) of ``now`` minus 80 years, as ``initializeDefaultCentury`` computes it in UTC."""
    if now is None:
        moment = datetime.now(timezone.utc)
    elif isinstance(now, int):
        moment = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=now)
    else:
        moment = now.astimezone(timezone.utc) if now.tzinfo else now.replace(tzinfo=timezone.utc)
    year = moment.year - 80
    day = moment.day
    if moment.month == 2 and day == 29 and not _greg_leap(year):
        day = 28
    start = moment.replace(year=year, day=day)
    ms = (_greg_fixed(start.year, start.month, start.day) - EPOCH_OFFSET) * ONE_DAY + (
        ((start.hour * 60 + start.minute) * 60 + start.second) * 1000 + start.microsecond // 1000)
    return ms, year


def _compiled(pattern: "DatePattern | str") -> "DatePattern":
    if isinstance(pattern, str):
        from .pattern import compile_pattern

        return compile_pattern(pattern)
    return pattern


def parse_position(
    pattern: "DatePattern | str",
    text: str,
    zone: str = "GMT",
    *,
    lenient: bool = False,
    start: int = 0,
    now: datetime | int | None = None,
    default_zone: str = "UTC",
) -> ParseResult:
    """``SimpleDateFormat.parse(text, new ParsePosition(start))``; raises :class:`DateParseError` on null.

    ``now`` fixes the two-digit-year window (80 years before it); ``default_zone`` plays the
    JVM default zone, whose names are tried second when a ``z``/``Z`` field reads a name.
    """
    compiled = _compiled(pattern)
    century_ms, century_year = _century_start(now)
    parser = _Parser(text, _resolve(zone), lenient, century_ms, century_year, default_zone)
    tokens = compiled.tokens
    position = start
    try:
        for i, token in enumerate(tokens):
            if not token.is_field:
                position = parser.literal(token, position)
                continue
            obey = False
            if i + 1 < len(tokens):
                nxt = tokens[i + 1]
                if nxt.is_field:
                    obey = nxt.letter in _OBEY_COUNT_LETTERS or (nxt.letter in "ML" and nxt.count <= 2)
            position = parser.field(token, position, obey)
    except _Failure as failure:
        raise DateParseError(failure.reason, index=failure.index, text=text, pattern=compiled.text) from None
    try:
        millis = parser.builder.establish(parser.zone, lenient)
        if parser.ambiguous_year and millis < century_ms:
            parser.builder.add_year(100)
            millis = parser.builder.establish(parser.zone, lenient)
    except _Failure as failure:
        raise DateParseError(
            f"{text[:position]!r} is not a valid date in strict mode: {failure.reason}",
            index=position, text=text, pattern=compiled.text,
        ) from None
    return ParseResult(millis, position, parser.zone.id)


_MIN_MS = (_greg_fixed(1, 1, 1) - EPOCH_OFFSET) * ONE_DAY
_MAX_MS = (_greg_fixed(10000, 1, 1) - EPOCH_OFFSET) * ONE_DAY - 1


def parse_pattern(
    pattern: "DatePattern | str",
    text: str,
    zone: str = "GMT",
    *,
    lenient: bool = False,
    full_match: bool = False,
    now: datetime | int | None = None,
    default_zone: str = "UTC",
) -> datetime:
    """Parse ``text`` as ``SimpleDateFormat`` with ``setLenient(lenient)`` and ``setTimeZone(zone)`` would.

    Returns an aware UTC ``datetime``.  Java accepts a matching prefix; ``full_match=True``
    also rejects text left over after the pattern.
    """
    result = parse_position(pattern, text, zone, lenient=lenient, now=now, default_zone=default_zone)
    compiled = _compiled(pattern)
    if full_match and result.index < len(text):
        rest = text[result.index:]
        shown = rest if len(rest) <= 20 else rest[:20] + "..."
        raise DateParseError(
            f"text continues after the pattern at column {result.index + 1}: {shown!r}",
            index=result.index, text=text, pattern=compiled.text,
        )
    if not _MIN_MS <= result.instant_ms <= _MAX_MS:
        raise DateParseError(
            f"Java accepts {text!r} but the instant ({result.instant_ms} ms) is outside years 1-9999",
            index=result.index, text=text, pattern=compiled.text,
        )
    return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=result.instant_ms)


def epoch_ms(instant: datetime) -> int:
    """Epoch milliseconds of an aware ``datetime`` (naive means UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    delta = instant - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000

