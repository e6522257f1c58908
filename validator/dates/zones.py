"""Java ``TimeZone.getTimeZone`` emulation, from tables generated from the JDK.

``resolve_zone(id)`` answers what ``java.util.TimeZone.getTimeZone(id)`` returns:
a known id (case-sensitive, including legacy ids such as ``PST``, ``EST``, ``BST``),
a custom ``GMT+hh:mm`` zone normalised as Java does, or -- for anything else --
GMT, flagged ``known=False`` so callers can warn.

Offsets are those of ``Calendar.ZONE_OFFSET + DST_OFFSET`` and ``DST_OFFSET`` of a
``GregorianCalendar`` in that zone.  Before 1900-01-01T00:00Z Java uses the zone's
current raw offset with no DST; after the dumped table's end (2200-01-01, see
``data_version()``) the zone's final transition rules apply, expanded here exactly
as ``java.time.zone.ZoneOffsetTransitionRule`` does.  The data is
``validator/dates/data/zones.tsv``, written by ``tools/gen_zone_data.py``; it is
read on first use (plain text: unzipping it took half of a cold check's zone start-up), and each zone is
decoded only when it is first requested.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from ..lazy_pattern import LazyPattern
from ..vocabulary.characters import visible

__all__ = [
    "JavaZone",
    "ZoneResolution",
    "ZoneDataVersion",
    "available_ids",
    "data_version",
    "is_utc",
    "resolve_zone",
    "suggest_zone",
    "unknown_zone_warning",
    "zone_strings",
]

DATA_FILE = Path(__file__).parent / "data" / "zones.tsv"

_LAST_JAVA_YEAR = 292_278_994  # GregorianCalendar's maximum year


class ZoneDataVersion(NamedTuple):
    """Where the zone table came from."""

    java_version: str
    tzdb_version: str
    table_end_ms: int  # explicit values up to here; final rules after


class _Rule(NamedTuple):
    month: int
    dom: int  # day-of-month indicator; negative counts from the month's end
    dow: int  # 1=Monday..7=Sunday, 0 = none
    second_of_day: int
    end_of_day: bool
    time_def: str  # "U" (UTC), "W" (wall), "S" (standard)
    std: int  # seconds
    before: int
    after: int


def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _rule_transition(rule: _Rule, year: int) -> int:
    """Epoch second of ``rule``'s transition in ``year`` (``ZoneOffsetTransitionRule.createTransition``)."""
    if rule.dom < 0:
        length = _MONTH_DAYS[rule.month - 1] + (rule.month == 2 and _is_leap(year))
        days = _days_from_civil(year, rule.month, length + 1 + rule.dom)
        if rule.dow:
            days -= ((days + 3) % 7 + 1 - rule.dow) % 7
    else:
        days = _days_from_civil(year, rule.month, rule.dom)
        if rule.dow:
            days += (rule.dow - ((days + 3) % 7 + 1)) % 7
    if rule.end_of_day:
        days += 1
    local = days * 86400 + rule.second_of_day
    offset = 0 if rule.time_def == "U" else rule.std if rule.time_def == "S" else rule.before
    return local - offset


def _year_of(epoch_s: int) -> int:
    days = epoch_s // 86400 + 719468
    era = days // 146097
    doe = days - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    return yoe + era * 400 + (mp >= 10)


class JavaZone:
    """One ``java.util.TimeZone``: id, raw offset, display names and offset history."""

    __slots__ = (
        "id",
        "raw_offset_ms",
        "uses_daylight",
        "names",
        "_times",
        "_values",
        "_rules",
        "_expanded_to",
        "_span",
    )

    def __init__(
        self,
        zone_id: str,
        raw_offset_ms: int,
        uses_daylight: bool,
        names: tuple[str, str, str, str],
        times: list[int],
        values: list[tuple[int, int]],
        rules: tuple[_Rule, ...] = (),
        expanded_to: int = 0,
    ) -> None:
        self.id = zone_id
        self.raw_offset_ms = raw_offset_ms
        self.uses_daylight = uses_daylight
        self.names = names  # (std_short, dst_short, std_long, dst_long)
        # values[i] holds from times[i-1] (inclusive) to times[i]; values[0] before times[0].
        self._times = times
        self._values = values
        self._rules = rules
        self._expanded_to = expanded_to  # last year the rules were expanded for
        self._span: tuple[int, int, tuple[int, int]] = (0, 0, values[0])

    def __repr__(self) -> str:
        return f"JavaZone({self.id!r})"

    def offsets_at(self, epoch_ms: int) -> tuple[int, int]:
        """``(ZONE_OFFSET + DST_OFFSET, DST_OFFSET)`` in milliseconds at ``epoch_ms``."""
        lo, hi, value = self._span
        if lo <= epoch_ms < hi:
            return value
        return self.offset_span(epoch_ms)[2]

    def offset_span(self, epoch_ms: int) -> tuple[int, int, tuple[int, int]]:
        """``(start_ms, end_ms, (total_ms, dst_ms))``: the run of constant offsets holding ``epoch_ms``."""
        times = self._times
        if self._rules and (not times or epoch_ms >= times[-1]):
            year = _year_of(epoch_ms // 1000)
            if year > self._expanded_to + 2000:
                return (epoch_ms, epoch_ms + 1, self._far_value(epoch_ms, year))
            self._expand(year + 1)
            times = self._times
        i = bisect_right(times, epoch_ms)
        lo = times[i - 1] if i else -(1 << 62)
        hi = times[i] if i < len(times) else 1 << 62
        if self._rules and i == len(times):
            hi = epoch_ms + 1  # rules are expanded year by year: do not cache past the expansion
        span = (lo, hi, self._values[i])
        self._span = span
        return span

    def _far_value(self, epoch_ms: int, year: int) -> tuple[int, int]:
        """Offsets far beyond the expanded years: Java's final rules hold forever."""
        # In GregorianCalendar's last year, 292278994, Java's SimpleTimeZone makes no DST start.
        found = sorted(
            (_rule_transition(r, y) * 1000, r)
            for y in (year - 1, year)
            if y <= _LAST_JAVA_YEAR
            for r in self._rules
            if y < _LAST_JAVA_YEAR or r.after == r.std
        )
        value = self._values[-1]
        for t, r in found:
            if t <= epoch_ms:
                value = (r.after * 1000, (r.after - r.std) * 1000)
        return value

    def _expand(self, year: int) -> None:
        if year <= self._expanded_to:
            return
        # Ahead by a quarter of the years already expanded (64 at least): each expansion copies the lists
        # (readers in other threads keep a consistent pair), so dates moving year by year cost amortised
        # constant time instead of a copy per year.
        ahead = min(max(64, (self._expanded_to - 1970) // 4), 1024)
        year = min(max(year, self._expanded_to + ahead), _LAST_JAVA_YEAR - 1)
        times, values = list(self._times), list(self._values)
        last = times[-1] if times else -(1 << 62)
        for y in range(self._expanded_to + 1, year + 1):
            found = sorted((_rule_transition(r, y) * 1000, r) for r in self._rules)
            for t, r in found:
                if t > last:
                    times.append(t)
                    values.append((r.after * 1000, (r.after - r.std) * 1000))
                    last = t
        self._times, self._values, self._expanded_to = times, values, year

    def name_at(self, epoch_ms: int, long: bool) -> str:
        """What ``z`` (``long=False``) or ``zzzz`` (``long=True``) prints at ``epoch_ms``."""
        daylight = self.offsets_at(epoch_ms)[1] != 0
        return self.names[(2 if long else 0) + daylight]

    @property
    def is_fixed(self) -> bool:
        """True when the offsets never change (custom ids, ``EST``, ``Etc/GMT+5``...)."""
        return len(self._times) == 0 and not self._rules


@dataclass(frozen=True, slots=True)
class ZoneResolution:
    """What ``TimeZone.getTimeZone(requested)`` returns.

    ``id`` is Java's ``getID()``; ``known`` is False when Java silently fell back to GMT.
    """

    requested: str
    id: str
    known: bool
    zone: JavaZone


class _Table:
    """The data file, decoded as far as it is asked: the zone entries at start-up, a history or the zone names
    when a pattern needs them.

    ``tools/gen_zone_data.py`` writes the version line (``V``), the zones (``Z``), their histories (``H``) and
    Java's zone names (``S``), in that order; a check with a date decodes the first 15 % of the file.
    """

    def __init__(self, data: bytes) -> None:
        if b"\r" in data:  # a checkout may have turned \n into \r\n
            data = data.replace(b"\r", b"")
        self._data = data
        self._histories_at = data.find(b"\nH\t") + 1
        head = data[:self._histories_at].decode("utf-8").split("\n")
        zones = [line[2:].split("\t") for line in head if line.startswith("Z\t")]
        self.entries: dict[str, list[str]] = {fields[0]: fields for fields in zones}
        self.order: list[str] = [fields[0] for fields in zones]
        self.version: ZoneDataVersion | None = None
        if head[0].startswith("V\t"):
            java, tzdb, end = head[0][2:].split("\t")
            self.version = ZoneDataVersion(java, tzdb, int(end))
        self._decoded: dict[int, tuple[list[int], list[tuple[int, int]], tuple[_Rule, ...], int]] = {}

    @cached_property
    def histories(self) -> list[bytes]:
        """The history lines, undecoded (one per index the zones name, in index order)."""
        count = 1 + max((int(fields[-1]) for fields in self.entries.values()), default=-1)
        lines = self._data[self._histories_at:].split(b"\n", count)[:count]  # the zone names stay in one piece
        return [line[2:] for line in lines]

    @cached_property
    def zone_strings(self) -> list[tuple[str, ...]]:
        """The zone names Java parses (``DateFormatSymbols.getZoneStrings``): only a pattern that reads names needs them."""
        rest = self._data[self._histories_at:].decode("utf-8").split("\n")
        return [tuple(line[2:].split("\t")) for line in rest if line.startswith("S\t")]

    def history(self, index: int) -> tuple[list[int], list[tuple[int, int]], tuple[_Rule, ...], int]:
        cached = self._decoded.get(index)
        if cached is None:
            cached = self._decoded[index] = decode_history(self.histories[index].decode("utf-8"))
        return cached


def decode_history(text: str) -> tuple[list[int], list[tuple[int, int]], tuple[_Rule, ...], int]:
    """Decode one history line: ``(times_ms, values_ms, rules, expanded_to_year)``.

    Format: ``total,dst[;delta:total,dst]...[|rule;rule...]``, seconds; ``delta`` (seconds,
    optionally ``.mmm``) is the change instant relative to the previous one (the first relative
    to 1900-01-01T00:00Z).
    """
    explicit, _, rules_text = text.partition("|")
    parts = explicit.split(";")
    total, dst = parts[0].split(",")
    values = [(int(total) * 1000, int(dst) * 1000)]
    times: list[int] = []
    t = -2_208_988_800_000
    for part in parts[1:]:
        delta, _, offsets = part.partition(":")
        total, dst = offsets.split(",")
        seconds, _, millis = delta.partition(".")
        t += int(seconds) * 1000 + (int(millis) if millis else 0)
        times.append(t)
        values.append((int(total) * 1000, int(dst) * 1000))
    rules: tuple[_Rule, ...] = ()
    expanded_to = 0
    if rules_text:
        rules = tuple(
            _Rule(int(m), int(dom), int(dow), int(sod), eod == "1", td, int(std), int(b), int(a))
            for m, dom, dow, sod, eod, td, std, b, a in (r.split(",") for r in rules_text.split(";"))
        )
        expanded_to = _year_of(t // 1000) - 1
    return times, values, rules, expanded_to


@lru_cache(maxsize=1)
def _table() -> _Table:
    if DATA_FILE.is_file():  # an installed or source package: no need for importlib.resources
        return _Table(DATA_FILE.read_bytes())
    from importlib.resources import files  # a zipped install

    return _Table(files(__package__).joinpath("data", DATA_FILE.name).read_bytes())


_zones: dict[str, JavaZone] = {}


def _known_zone(zone_id: str) -> JavaZone:
    zone = _zones.get(zone_id)
    if zone is None:
        fields = _table().entries[zone_id]
        _, java_id, raw, daylight, s_short, d_short, s_long, d_long, index = fields
        times, values, rules, expanded_to = _table().history(int(index))
        zone = JavaZone(
            java_id,
            int(raw),
            daylight == "true",
            (s_short, d_short, s_long, d_long),
            times,
            values,
            rules,
            expanded_to,
        )
        if rules:
            zone._expand(2200)
        _zones[zone_id] = zone
    return zone


def _custom_offset(zone_id: str) -> int | None:
    """Minutes of a custom ``GMT±...`` id (``TimeZone.parseCustomTimeZone``), or None when Java rejects it."""
    if len(zone_id) < 5 or not zone_id.startswith("GMT"):
        return None
    sign = zone_id[3]
    if sign not in "+-":
        return None
    hours = num = delims = length = 0
    for c in zone_id[4:]:
        if c == ":":
            if delims or length > 2:
                return None
            hours, num, length, delims = num, 0, 0, 1
            continue
        if not "0" <= c <= "9":
            return None
        num = num * 10 + ord(c) - 48
        length += 1
    if delims == 0:
        if length <= 2:
            hours, num = num, 0
        else:
            hours, num = divmod(num, 100)
    elif length != 2:
        return None
    if hours > 23 or num > 59:
        return None
    minutes = hours * 60 + num
    return -minutes if sign == "-" else minutes


def _custom_id(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    h, m = divmod(abs(minutes), 60)
    return f"GMT{sign}{h:02d}:{m:02d}"


@lru_cache(maxsize=1024)
def resolve_zone(zone_id: str) -> ZoneResolution:
    """What ``java.util.TimeZone.getTimeZone(zone_id)`` returns (``known=False``: fell back to GMT)."""
    if not isinstance(zone_id, str):
        raise TypeError(f"zone id must be a str, not {type(zone_id).__name__}")
    if zone_id in _table().entries:
        zone = _known_zone(zone_id)
        return ZoneResolution(zone_id, zone.id, True, zone)
    minutes = _custom_offset(zone_id)
    if minutes is None:
        gmt = _known_zone("GMT")
        return ZoneResolution(zone_id, gmt.id, False, gmt)
    if minutes == 0:
        custom_id = "GMT-00:00" if zone_id[3] == "-" else "GMT+00:00"
    else:
        custom_id = _custom_id(minutes)
    ms = minutes * 60_000
    zone = JavaZone(custom_id, ms, False, (custom_id,) * 4, [], [(ms, 0)])
    return ZoneResolution(zone_id, custom_id, True, zone)


def is_utc(zone_id: str) -> bool:
    """Whether Java's zone for ``zone_id`` is always at offset 0 (unknown ids count: Java uses GMT)."""
    zone = resolve_zone(zone_id).zone
    return zone.raw_offset_ms == 0 and not zone.uses_daylight and zone.offsets_at(0) == (0, 0)


# Abbreviations people write that are no Java id, and the zone whose names in Java's own zone strings
# (`DateFormatSymbols`) they are; a test checks each against that table.  `CEST` is no misspelling of `EST`.
_ABBREVIATIONS = {
    "CEST": "CET", "EEST": "EET", "WEST": "WET", "EDT": "America/New_York", "CDT": "America/Chicago",
    "MDT": "America/Denver", "PDT": "America/Los_Angeles", "AKST": "America/Anchorage", "AKDT": "America/Anchorage",
    "ADT": "America/Halifax", "NDT": "America/St_Johns", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "MSK": "Europe/Moscow", "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong", "KST": "Asia/Seoul", "WIB": "Asia/Jakarta", "BRT": "America/Sao_Paulo",
    "IDT": "Asia/Jerusalem", "SAST": "Africa/Johannesburg", "GST": "Asia/Dubai", "PKT": "Asia/Karachi",
    "NPT": "Asia/Kathmandu", "ICT": "Asia/Bangkok", "IRST": "Asia/Tehran", "CLT": "America/Santiago",
    "COT": "America/Bogota", "PET": "America/Lima", "UYT": "America/Montevideo", "WAT": "Africa/Lagos",
}


def region_of_abbreviation(name: str) -> str | None:
    """The zone id a time-zone abbreviation that is no Java id stands for (``CEST`` → ``CET``, ``EDT`` →
    ``America/New_York``), or None."""
    return _ABBREVIATIONS.get(name.strip().upper())


def is_abbreviation(name: str) -> bool:
    """Whether ``name`` has the shape of a time-zone abbreviation (2 to 5 capitals): no id is guessed from its
    spelling, as a near abbreviation is another zone (`CEST` is not `EST`)."""
    text = name.strip()
    return 2 <= len(text) <= 5 and text.isascii() and text.isalpha() and text.isupper()


def available_ids() -> tuple[str, ...]:
    """``TimeZone.getAvailableIDs()``, in Java's order."""
    return tuple(_table().order)


def zone_strings() -> tuple[tuple[str, ...], ...]:
    """``DateFormatSymbols.getInstance(Locale.US).getZoneStrings()`` in Java's order.

    Each row is ``(id, std_long, std_short, dst_long, dst_short, ...)`` as Java returns it.
    """
    return tuple(_table().zone_strings)


def data_version() -> ZoneDataVersion:
    """The JDK and tzdb versions the zone table was generated from, and where its explicit part ends."""
    version = _table().version
    if version is None:
        raise RuntimeError(f"{DATA_FILE.name} has no version line: regenerate it with tools/gen_zone_data.py")
    return version


_OFFSET = LazyPattern(r"(?i)^(?:UTC|GMT|UT|Z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
_DASHES = {ord(c): "-" for c in "\u2212\u2010\u2011\u2012\u2013\u2014"}  # minus sign, hyphens, dashes
_POSIX_WITH_MINUTES = LazyPattern(r"(?i)etc/gmt[+-]\d{1,2}:?(?!00)\d{2}$")
_UTC_NAMES = frozenset({"z", "zulu", "utc", "gmt", "ut", "etc/utc", "etc/gmt", "universal", "greenwich"})


# Windows' time zone names (.NET's `TimeZoneInfo` ids, written by engineers from that world) and Rails' names: the
# zone each stands for (CLDR's windowsZones, its territory "001").  Java knows none of them, and reads them as GMT.
_WINDOWS_ZONES: dict[str, str] = {name.casefold(): zone for name, zone in (
    ("Dateline Standard Time", "Etc/GMT+12"), ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"), ("Pacific Standard Time", "America/Los_Angeles"),
    ("Pacific Standard Time (Mexico)", "America/Tijuana"), ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time", "America/Denver"), ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"), ("Central America Standard Time", "America/Guatemala"),
    ("Canada Central Standard Time", "America/Regina"), ("Eastern Standard Time", "America/New_York"),
    ("SA Pacific Standard Time", "America/Bogota"), ("Atlantic Standard Time", "America/Halifax"),
    ("Newfoundland Standard Time", "America/St_Johns"), ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Argentina/Buenos_Aires"), ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"), ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"), ("Central European Standard Time", "Europe/Warsaw"),
    ("Romance Standard Time", "Europe/Paris"), ("GTB Standard Time", "Europe/Bucharest"),
    ("FLE Standard Time", "Europe/Kiev"), ("E. Europe Standard Time", "Europe/Chisinau"),
    ("Turkey Standard Time", "Europe/Istanbul"), ("Israel Standard Time", "Asia/Jerusalem"),
    ("Egypt Standard Time", "Africa/Cairo"), ("South Africa Standard Time", "Africa/Johannesburg"),
    ("Russian Standard Time", "Europe/Moscow"), ("Arab Standard Time", "Asia/Riyadh"),
    ("Arabian Standard Time", "Asia/Dubai"), ("Iran Standard Time", "Asia/Tehran"),
    ("Pakistan Standard Time", "Asia/Karachi"), ("India Standard Time", "Asia/Kolkata"),
    ("Nepal Standard Time", "Asia/Kathmandu"), ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("SE Asia Standard Time", "Asia/Bangkok"), ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"), ("Taipei Standard Time", "Asia/Taipei"),
    ("Tokyo Standard Time", "Asia/Tokyo"), ("Korea Standard Time", "Asia/Seoul"),
    ("W. Australia Standard Time", "Australia/Perth"), ("AUS Central Standard Time", "Australia/Darwin"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"), ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"), ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Eastern Time (US & Canada)", "America/New_York"), ("Central Time (US & Canada)", "America/Chicago"),
    ("Mountain Time (US & Canada)", "America/Denver"), ("Pacific Time (US & Canada)", "America/Los_Angeles"),
)}


# Cities people write as a zone's city that name no zone: the zone they are in (a near id by spelling would be
# wrong: `Asia/Mumbai` is closest to `Asia/Dubai`, `America/Dallas` to `America/Dawson`).
_CITY_ZONES: dict[str, str] = {
    **dict.fromkeys(("mumbai", "bombay", "delhi", "new_delhi", "newdelhi", "bangalore", "bengaluru", "chennai", "madras",
                     "hyderabad", "pune", "india"), "Asia/Kolkata"),
    **dict.fromkeys(("beijing", "peking", "guangzhou", "shenzhen", "china"), "Asia/Shanghai"),
    **dict.fromkeys(("san_francisco", "sanfrancisco", "seattle", "san_diego", "san_jose", "portland", "las_vegas",
                     "sacramento"), "America/Los_Angeles"),
    **dict.fromkeys(("washington", "washington_dc", "boston", "miami", "atlanta", "philadelphia", "charlotte",
                     "pittsburgh", "newyork", "new_york_city", "nyc"), "America/New_York"),
    **dict.fromkeys(("dallas", "houston", "austin", "san_antonio", "minneapolis", "st_louis", "saint_louis",
                     "new_orleans", "kansas_city", "nashville"), "America/Chicago"),
    **dict.fromkeys(("salt_lake_city", "albuquerque"), "America/Denver"),
    **dict.fromkeys(("ottawa", "quebec"), "America/Toronto"),
    **dict.fromkeys(("calgary",), "America/Edmonton"),
    **dict.fromkeys(("frankfurt", "munich", "hamburg", "cologne", "dusseldorf", "stuttgart"), "Europe/Berlin"),
    **dict.fromkeys(("barcelona", "valencia", "seville"), "Europe/Madrid"),
    **dict.fromkeys(("milan", "florence", "venice", "naples", "turin"), "Europe/Rome"),
    **dict.fromkeys(("manchester", "edinburgh", "birmingham", "glasgow", "leeds", "bristol"), "Europe/London"),
    **dict.fromkeys(("geneva", "basel", "bern"), "Europe/Zurich"),
    **dict.fromkeys(("lyon", "marseille", "toulouse"), "Europe/Paris"),
    **dict.fromkeys(("rotterdam", "the_hague", "utrecht"), "Europe/Amsterdam"),
    **dict.fromkeys(("st_petersburg", "saint_petersburg"), "Europe/Moscow"),
    **dict.fromkeys(("krakow", "cracow"), "Europe/Warsaw"),
    **dict.fromkeys(("porto",), "Europe/Lisbon"),
    **dict.fromkeys(("antwerp",), "Europe/Brussels"),
    **dict.fromkeys(("gothenburg",), "Europe/Stockholm"),
    **dict.fromkeys(("abu_dhabi", "abudhabi", "sharjah"), "Asia/Dubai"),
    **dict.fromkeys(("osaka", "kyoto", "yokohama"), "Asia/Tokyo"),
    **dict.fromkeys(("hanoi", "ho_chi_minh_city"), "Asia/Ho_Chi_Minh"),
    **dict.fromkeys(("doha",), "Asia/Qatar"),
    **dict.fromkeys(("jeddah", "mecca"), "Asia/Riyadh"),
    **dict.fromkeys(("busan",), "Asia/Seoul"),
    **dict.fromkeys(("bali", "denpasar"), "Asia/Makassar"),
    **dict.fromkeys(("islamabad", "lahore"), "Asia/Karachi"),
    **dict.fromkeys(("gold_coast",), "Australia/Brisbane"),
    **dict.fromkeys(("wellington", "christchurch"), "Pacific/Auckland"),
    **dict.fromkeys(("cape_town", "capetown", "pretoria", "durban"), "Africa/Johannesburg"),
    **dict.fromkeys(("rio", "rio_de_janeiro", "brasilia"), "America/Sao_Paulo"),
}


def respelt_zone(zone_id: str) -> str | None:
    """The known Java id that ``zone_id`` writes in another case, with spaces for its underscores, around its `/` or
    at its ends, or with an invisible character pasted with it (`America/New York`, `utc`, `\u200bGMT`), or None:
    one id meant, which a fix may write."""
    text = visible(zone_id).strip()
    if text != zone_id and text and resolve_zone(text).known:
        return text
    by_folded = {i.casefold(): i for i in available_ids()}
    for candidate in (text, text.replace(" ", "_"), re.sub(r"\s*/\s*", "/", text).replace(" ", "_")):
        found = by_folded.get(candidate.casefold())
        if found:
            return found
    return None


def suggest_zone(zone_id: str) -> str | None:
    """The known Java id ``zone_id`` most likely meant, or None."""

    text = zone_id.strip()
    respelt = respelt_zone(zone_id)
    if respelt is not None:
        return respelt
    ids = available_ids()
    by_folded = {i.casefold(): i for i in ids}
    if text.casefold() in _UTC_NAMES:
        return "UTC"
    windows = _WINDOWS_ZONES.get(" ".join(text.split()).casefold())
    if windows is not None:
        return windows if resolve_zone(windows).known else None
    region = region_of_abbreviation(text)
    if region is not None or is_abbreviation(text):
        return region  # never a near abbreviation: `CEST` is not `EST`
    match = _OFFSET.match(text.translate(_DASHES))  # (`GMT−05:00` pasted with a minus sign or a dash)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours <= 23 and minutes <= 59:
            return f"GMT{sign}{hours:02d}:{minutes:02d}"
        return None
    city = _CITY_ZONES.get(re.sub(r"[\s\-]+", "_", text.rpartition("/")[2].strip()).casefold())
    if city is not None:
        return city
    if "/" not in text:  # a region's city alone (`Tokyo`): the id that ends with it, when one does
        ending = [i for i in ids if "/" in i and i.rpartition("/")[2].casefold() == text.replace(" ", "_").casefold()]
        if len(ending) == 1:
            return ending[0]
    if _POSIX_WITH_MINUTES.match(text):
        return None  # `Etc/GMT+5:30`: no such id, and `Etc/GMT+5` is half an hour off (and UTC-05:00)
    import difflib

    close = difflib.get_close_matches(text.casefold(), list(by_folded), n=1, cutoff=0.85)
    return by_folded[close[0]] if close else None


def unknown_zone_warning(zone_id: str) -> str | None:
    """None when Java knows ``zone_id``; else what Java does with it, and the id probably meant (a zone named on the
    command line, where a typo would otherwise pass as GMT without a word)."""
    if resolve_zone(zone_id).known:
        return None
    meant = suggest_zone(zone_id)
    hint = f" (did you mean {meant}?)" if meant else ""
    return f"Java does not know the zone {zone_id!r}: TimeZone.getTimeZone falls back to GMT{hint}"
