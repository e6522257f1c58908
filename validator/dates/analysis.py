"""What a pattern holds: its fields, its pitfalls, and a plain-English reading of each token.

``analyze(pattern)`` returns :class:`PatternFacts`; every pitfall carries the token it
comes from, so a check can point at the column (``token.start`` is 0-based into the
pattern).  ``explain(pattern)`` reads the pattern token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .tokens import Token

if TYPE_CHECKING:
    from .pattern import DatePattern

__all__ = ["FieldExplanation", "PatternFacts", "Pitfall", "analyze", "explain"]

DATE_LETTERS = frozenset("GyYMLdDEFwWu")
TIME_LETTERS = frozenset("HkKhmsSa")
ZONE_LETTERS = frozenset("zZX")
ZONE_NAMES_IN_LITERALS = ("UTC", "GMT")


@dataclass(frozen=True, slots=True)
class Pitfall:
    """One mistake-prone construct: a stable ``code``, the pattern span ``[start, end)``, a message."""

    code: str
    start: int
    end: int
    message: str

    @property
    def column(self) -> int:
        return self.start + 1


@dataclass(frozen=True, slots=True)
class PatternFacts:
    """Fields and pitfalls of one pattern; each pitfall attribute is the offending token, or None."""

    pattern: str
    fields: tuple[Token, ...]
    offset_fields: tuple[Token, ...]
    literal_zone_letter: Token | None
    literal_zone_name: Token | None
    week_year_with_month_day: Token | None
    week_without_week_year: Token | None
    day_of_year_with_month: Token | None
    twelve_hour_without_ampm: Token | None
    ampm_without_twelve_hour: Token | None
    micro_fraction: Token | None
    three_letter_year: Token | None
    minute_as_month: Token | None
    day_number_as_year: Token | None
    hour_one_to_24: Token | None
    iso_hours_only: Token | None
    two_digit_year: Token | None
    short_fraction: Token | None
    month_as_minute: Token | None
    pitfalls: tuple[Pitfall, ...]

    @property
    def has_offset(self) -> bool:
        """True when a ``z``, ``Z`` or ``X`` field writes (and parses) the zone or offset."""
        return bool(self.offset_fields)

    @property
    def has_date(self) -> bool:
        return any(t.letter in DATE_LETTERS for t in self.fields)

    @property
    def has_time(self) -> bool:
        return any(t.letter in TIME_LETTERS for t in self.fields)

    @property
    def has_zone_name(self) -> bool:
        """True with a ``z`` field (a zone name such as EST, ambiguous when parsed)."""
        return any(t.letter == "z" for t in self.fields)

    @property
    def has_numeric_offset(self) -> bool:
        return any(t.letter in "ZX" for t in self.fields)

    @property
    def has_seconds(self) -> bool:
        return any(t.letter == "s" for t in self.fields)

    @property
    def has_millis(self) -> bool:
        return any(t.letter == "S" for t in self.fields)

    @property
    def letters(self) -> frozenset[str]:
        return frozenset(t.letter for t in self.fields)

    def first(self, letters: str) -> Token | None:
        """The first field whose letter is one of ``letters``."""
        return next((t for t in self.fields if t.letter in letters), None)


def _compiled(pattern: "DatePattern | str") -> "DatePattern":
    if isinstance(pattern, str):
        from .pattern import compile_pattern

        return compile_pattern(pattern)
    return pattern


def _literal_span(pattern: str, token: Token, value_index: int, length: int) -> Token:
    """The source span of ``token.text[value_index:value_index+length]`` (skipping quotes and ``''``)."""
    offsets: list[int] = []
    i = token.start + (1 if token.quoted else 0)
    while i < token.end and len(offsets) <= value_index + length:
        if pattern[i] == "'" and pattern[i + 1:i + 2] == "'":
            offsets.append(i)
            i += 2
        elif pattern[i] == "'":
            i += 1
        else:
            offsets.append(i)
            i += 1
    start = offsets[value_index]
    end = offsets[value_index + length - 1] + 1
    return Token("literal", token.text[value_index:value_index + length], start, end, quoted=token.quoted)


def _find_literal(pattern: str, tokens: tuple[Token, ...], needles: tuple[str, ...]) -> Token | None:
    for token in tokens:
        if token.is_field:
            continue
        for needle in needles:
            at = token.text.find(needle)
            if at != -1:
                return _literal_span(pattern, token, at, len(needle))
    return None


_DATE_NEIGHBOURS = frozenset("yYdD")
_TIME_NEIGHBOURS = frozenset("HhkKs")


def _between(fields: list[Token], i: int, wanted: frozenset[str], unwanted: frozenset[str]) -> bool:
    """Whether the fields next to ``fields[i]`` include one of ``wanted`` and none of ``unwanted``."""
    neighbours = {t.letter for t in fields[max(0, i - 1):i + 2] if t is not fields[i]}
    return bool(neighbours & wanted) and not neighbours & unwanted


def _minute_as_month(tokens: tuple[Token, ...]) -> Token | None:
    """An ``mm`` between date fields (``yyyy-mm-dd``) where the month was meant."""
    fields = [t for t in tokens if t.is_field]
    if any(t.letter in "ML" and not _between(fields, i, _TIME_NEIGHBOURS, _DATE_NEIGHBOURS)
           for i, t in enumerate(fields)):
        return None  # a month is there already (an `MM` between time fields is itself a swap)
    for i, token in enumerate(fields):
        if token.letter != "m":
            continue
        neighbours = {t.letter for t in fields[max(0, i - 1):i + 2] if t is not token}
        if neighbours & {"y", "Y", "d", "D"} and not neighbours & {"H", "h", "k", "K", "s"}:
            return token
    return None


def _month_as_minute(tokens: tuple[Token, ...]) -> Token | None:
    """An ``MM`` between time fields (``HH:MM``) where the minute was meant."""
    fields = [t for t in tokens if t.is_field]
    if any(t.letter == "m" and not _between(fields, i, _DATE_NEIGHBOURS, _TIME_NEIGHBOURS)
           for i, t in enumerate(fields)):
        return None  # a minute is there already (an `mm` between date fields is itself a swap)
    for i, token in enumerate(fields):
        if token.letter != "M" or token.count > 2:
            continue
        neighbours = {t.letter for t in fields[max(0, i - 1):i + 2] if t is not token}
        if neighbours & {"H", "h", "k", "K"} and not neighbours & {"y", "Y", "d", "D"}:
            return token
    return None


def analyze(pattern: "DatePattern | str") -> PatternFacts:
    """Facts and pitfalls of ``pattern`` (a compiled pattern or its text)."""
    compiled = _compiled(pattern)
    text, tokens = compiled.text, compiled.tokens
    fields = tuple(t for t in tokens if t.is_field)
    letters = {t.letter for t in fields}

    def first(wanted: str) -> Token | None:
        return next((t for t in fields if t.letter in wanted), None)

    offset_fields = tuple(t for t in fields if t.letter in ZONE_LETTERS)
    zone_letter = _find_literal(text, tokens, ("Z",))
    zone_name = _find_literal(text, tokens, ZONE_NAMES_IN_LITERALS)
    week_year = first("Y") if letters & {"M", "L", "d"} else None
    week = first("w") if "w" in letters and "Y" not in letters else None
    doy = first("D") if letters & {"M", "L"} else None
    twelve = first("hK") if "a" not in letters else None
    ampm = first("a") if not letters & {"h", "K"} else None
    micro = next((t for t in fields if t.letter == "S" and t.count > 3), None)
    three = next((t for t in fields if t.letter in "yY" and t.count == 3), None)
    minute_month = _minute_as_month(tokens)
    u_year = next((t for t in fields if t.letter == "u" and t.count >= 2), None) if not letters & {"y", "Y"} else None
    k_hour = first("k")
    x_hours = next((t for t in fields if t.letter == "X" and t.count == 1), None)
    two_year = next((t for t in fields if t.letter in "yY" and t.count == 2), None)
    short_s = next((t for t in fields if t.letter == "S" and t.count < 3), None)
    month_minute = _month_as_minute(tokens)

    pitfalls: list[Pitfall] = []

    def add(code: str, token: Token | None, message: str) -> None:
        if token is not None:
            pitfalls.append(Pitfall(code, token.start, token.end, message))

    if not offset_fields:
        add("literal-zone-letter", zone_letter,
            "'Z' is only the letter Z: the time is written in the formatter's zone, not converted to UTC")
        add("literal-zone-name", zone_name,
            f"{zone_name.text if zone_name else ''!r} is literal text: it does not make the time UTC")
    add("week-year", week_year,
        f"'{week_year.text if week_year else ''}' is the week-based year: it differs from the calendar year "
        "around New Year (2024-12-29 prints 2025); use 'yyyy' with months and days")
    add("week-without-week-year", week,
        "'w' counts weeks of the week-based year: pair it with 'YYYY', not 'yyyy' (2024-12-29 is 2024-W01)")
    add("day-of-year-with-month", doy,
        f"'{doy.text if doy else ''}' is the day of the year (1-366), not the day of the month: use 'dd'")
    add("twelve-hour-without-ampm", twelve,
        f"'{twelve.text if twelve else ''}' is a 12-hour clock but the pattern has no 'a': 1 AM and 1 PM look "
        "the same; use 'HH' or add 'a'")
    add("ampm-without-twelve-hour", ampm, "'a' prints AM/PM, but the hour field is not a 12-hour clock")
    add("micro-fraction", micro,
        f"'{micro.text if micro else ''}' pads milliseconds to {micro.count if micro else 0} digits "
        "(123 ms prints 000123): Java has no microseconds here")
    add("three-letter-year", three,
        f"'{three.text if three else ''}' prints the full year (2024), not 3 digits: use 'yyyy' or 'yy'")
    add("minute-as-month", minute_month,
        f"'{minute_month.text if minute_month else ''}' is minutes: the month is 'MM'")
    add("day-number-as-year", u_year,
        f"'{u_year.text if u_year else ''}' is the day number of the week (1 = Monday), not the year: use 'yyyy'")
    add("hour-one-to-24", k_hour,
        f"'{k_hour.text if k_hour else ''}' counts hours 1-24 (midnight prints 24): 'HH' is 0-23")
    add("iso-hours-only", x_hours,
        "'X' prints the offset's hours only: +05:30 prints +05 and parses as +05:00; use 'XXX' (+05:30)")
    add("two-digit-year", two_year,
        f"'{two_year.text if two_year else ''}' keeps 2 digits: parsing guesses the century "
        "(within 80 years before now); use 'yyyy'")
    add("short-fraction", short_s,
        f"'{short_s.text if short_s else ''}' is a count of milliseconds, not a fraction: 5 ms prints "
        f"{'5' if short_s and short_s.count == 1 else '05'} and '.5' parses as 5 ms; use 'SSS'")
    add("month-as-minute", month_minute,
        f"'{month_minute.text if month_minute else ''}' is the month: minutes are 'mm'")
    pitfalls.sort(key=lambda p: (p.start, p.code))

    return PatternFacts(
        pattern=text,
        fields=fields,
        offset_fields=offset_fields,
        literal_zone_letter=zone_letter,
        literal_zone_name=zone_name,
        week_year_with_month_day=week_year,
        week_without_week_year=week,
        day_of_year_with_month=doy,
        twelve_hour_without_ampm=twelve,
        ampm_without_twelve_hour=ampm,
        micro_fraction=micro,
        three_letter_year=three,
        minute_as_month=minute_month,
        day_number_as_year=u_year,
        hour_one_to_24=k_hour,
        iso_hours_only=x_hours,
        two_digit_year=two_year,
        short_fraction=short_s,
        month_as_minute=month_minute,
        pitfalls=tuple(pitfalls),
    )


# --------------------------------------------------------------------------- explanations


@dataclass(frozen=True, slots=True)
class FieldExplanation:
    """One token read aloud: ``text`` as written in the pattern, its span and meaning."""

    text: str
    start: int
    end: int
    kind: str  # "field" | "literal"
    meaning: str

    def __str__(self) -> str:
        return f"{self.text}: {self.meaning}"


def _digits(count: int) -> str:
    return "as many digits as needed" if count == 1 else f"{count} digits, zero-padded"


def _number(name: str, count: int, low: int, high: int) -> str:
    if count == 1:
        return f"{name} {low}-{high}, as many digits as needed"
    return f"{name} {low:0{count}d}-{high:0{count}d}, zero-padded"


def _field_meaning(letter: str, count: int) -> str:
    if letter == "G":
        return "era, AD or BC"
    if letter in "yY":
        what = "year" if letter == "y" else "week-based year (US weeks; differs from the year around New Year)"
        if count == 2:
            return f"{what}, last 2 digits (2024 prints 24; parsing puts it within 80 years before now)"
        if count == 3:
            return f"{what}, at least 3 digits (prints 2024: there is no 3-digit year)"
        return f"{what}, {_digits(count)}"
    if letter in "ML":
        what = "month" if letter == "M" else "month (stand-alone form)"
        if count >= 4:
            return f"{what}, full name (January)"
        if count == 3:
            return f"{what}, abbreviated name (Jan)"
        return _number(what, count, 1, 12)
    if letter == "w":
        return f"week of the week-based year (US weeks, Sunday first), {_digits(count)}"
    if letter == "W":
        return f"week of the month (US weeks, Sunday first), {_digits(count)}"
    if letter == "D":
        return f"day of the year (1-366), {_digits(count)}"
    if letter == "d":
        return _number("day of the month", count, 1, 31)
    if letter == "F":
        return f"day of week in month (1 = days 1-7, 2 = days 8-14...), {_digits(count)}"
    if letter == "E":
        return "day name, full (Friday)" if count >= 4 else "day name, abbreviated (Fri)"
    if letter == "u":
        return f"day number of the week (1 = Monday ... 7 = Sunday), {_digits(count)}"
    if letter == "a":
        return "AM/PM marker"
    if letter == "H":
        return _number("hour of the day", count, 0, 23)
    if letter == "k":
        return _number("hour of the day", count, 1, 24) + " (midnight is 24)"
    if letter == "K":
        return _number("hour in AM/PM", count, 0, 11)
    if letter == "h":
        return _number("hour in AM/PM", count, 1, 12)
    if letter == "m":
        return _number("minute", count, 0, 59)
    if letter == "s":
        return _number("second", count, 0, 59)
    if letter == "S":
        if count == 3:
            return "milliseconds 000-999 (an integer count, not a fraction)"
        if count < 3:
            return (f"milliseconds, {_digits(count)} (an integer count: 5 ms prints "
                    f"{'5' if count == 1 else '05'}, not a fraction of a second)")
        return (f"milliseconds, {count} digits, zero-padded (123 ms prints {123:0{count}d}: "
                "not a finer fraction)")
    if letter == "z":
        return "time zone name, full (Eastern Standard Time)" if count >= 4 else \
            "time zone abbreviation (EST, PDT, GMT)"
    if letter == "Z":
        return "offset +HHMM (-0500; UTC prints +0000, never Z)"
    if letter == "X":
        return {
            1: "ISO 8601 offset, hours only (+05; minutes dropped, +05:30 prints +05; UTC prints Z)",
            2: "ISO 8601 offset +HHMM (+0530; UTC prints Z)",
            3: "ISO 8601 offset +HH:MM (+05:30; UTC prints Z)",
        }[count]
    raise ValueError(f"not a pattern letter: {letter!r}")


def explain(pattern: "DatePattern | str") -> list[FieldExplanation]:
    """Each token of ``pattern`` with its span and plain-English meaning."""
    compiled = _compiled(pattern)
    out: list[FieldExplanation] = []
    for token in compiled.tokens:
        source = compiled.text[token.start:token.end]
        if token.is_field:
            out.append(FieldExplanation(source, token.start, token.end, "field", _field_meaning(token.letter,
                                                                                                  token.count)))
            continue
        if token.quoted and token.text == "Z":
            meaning = "the literal letter Z (not an offset: the time is not converted to UTC)"
        elif token.quoted:
            meaning = f"literal text {token.text!r}"
        elif token.text == "'":
            meaning = "a literal single quote"
        else:
            meaning = f"literal {token.text!r}"
        out.append(FieldExplanation(source, token.start, token.end, "literal", meaning))
    return out
