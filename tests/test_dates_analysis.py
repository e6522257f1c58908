"""Pitfall analysis and field-by-field explanations."""

from __future__ import annotations

import pytest

import validator
from validator.dates.analysis import FieldExplanation, PatternFacts, Pitfall, analyze, explain


def codes(pattern: str) -> list[str]:
    return [p.code for p in analyze(pattern).pitfalls]


def test_a_clean_pattern_has_no_pitfalls() -> None:
    facts = analyze("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
    assert facts.pitfalls == ()
    assert facts.has_offset and facts.has_date and facts.has_time
    assert [t.text for t in facts.offset_fields] == ["XXX"]


def test_facts_are_frozen_and_reachable_from_the_pattern() -> None:
    facts = validator.compile_pattern("yyyy-MM-dd").facts
    assert isinstance(facts, PatternFacts)
    assert facts.has_date and not facts.has_time and not facts.has_offset
    with pytest.raises(AttributeError):
        facts.pattern = "x"  # type: ignore[misc]


def test_literal_zone_letter_points_at_the_z() -> None:
    pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    facts = analyze(pattern)
    token = facts.literal_zone_letter
    assert token is not None and pattern[token.start:token.end] == "Z" and token.start == 22
    assert codes(pattern) == ["literal-zone-letter"]
    assert facts.pitfalls[0].column == 23
    # with a real offset field as well, the quoted Z is noted but not a pitfall
    assert analyze("yyyy'Z'XXX").literal_zone_letter is not None
    assert codes("yyyy'Z'XXX") == []


def test_literal_zone_inside_a_longer_quote_and_after_escapes() -> None:
    pattern = "HH:mm' o''clock Z'"
    token = analyze(pattern).literal_zone_letter
    assert token is not None and pattern[token.start:token.end] == "Z"
    token = analyze("HH:mm 'UTC'").literal_zone_name
    assert token is not None and (token.start, token.end) == (7, 10)
    assert codes("HH:mm 'UTC'") == ["literal-zone-name"]


def test_week_year_with_month_and_day() -> None:
    facts = analyze("YYYY-MM-dd")
    assert facts.week_year_with_month_day is not None and facts.week_year_with_month_day.start == 0
    assert codes("YYYY-MM-dd") == ["week-year"]
    assert analyze("YYYY-'W'ww-u").week_year_with_month_day is None


def test_week_without_week_year() -> None:
    assert codes("yyyy-ww") == ["week-without-week-year"]
    assert analyze("YYYY-ww").week_without_week_year is None


def test_day_of_year_with_month() -> None:
    facts = analyze("yyyy-MM-DD")
    assert facts.day_of_year_with_month is not None and facts.day_of_year_with_month.start == 8
    assert codes("yyyy-MM-DD") == ["day-of-year-with-month"]
    assert analyze("yyyy-DDD").day_of_year_with_month is None


def test_twelve_hour_without_ampm() -> None:
    assert analyze("yyyy-MM-dd hh:mm").twelve_hour_without_ampm.text == "hh"
    assert analyze("KK:mm").twelve_hour_without_ampm.text == "KK"
    assert analyze("hh:mm a").twelve_hour_without_ampm is None
    assert codes("HH:mm a") == ["ampm-without-twelve-hour"]


def test_micro_fraction_and_three_letter_year() -> None:
    assert analyze("HH:mm:ss.SSSSSS").micro_fraction.count == 6
    assert analyze("HH:mm:ss.SSS").micro_fraction is None
    assert analyze("yyy-MM-dd").three_letter_year.text == "yyy"
    assert codes("yyy-MM-dd") == ["three-letter-year"]


def test_minute_as_month_day_number_as_year_and_k() -> None:
    assert codes("yyyy-mm-dd") == ["minute-as-month"]
    assert analyze("yyyy-MM-dd HH:mm").minute_as_month is None
    assert codes("uuuu-MM-dd") == ["day-number-as-year"]
    assert codes("kk:mm") == ["hour-one-to-24"]


def test_iso_hours_two_digit_years_short_fractions_and_month_as_minute() -> None:
    assert codes("yyyy-MM-dd'T'HH:mmX") == ["iso-hours-only"]
    assert analyze("XX").iso_hours_only is None
    assert codes("dd.MM.yy") == ["two-digit-year"]
    assert analyze("dd.MM.yy").two_digit_year.start == 6
    assert codes("HH:mm:ss.S") == ["short-fraction"]
    assert "5 ms prints 5 and '.5' parses as 5 ms" in analyze("ss.S").pitfalls[0].message
    assert codes("yyyy-MM-dd HH:MM") == ["month-as-minute"]
    assert analyze("yyyy-MM-dd HH:MM").month_as_minute.start == 14
    assert analyze("HH:mm MM/dd").month_as_minute is None


def test_field_presence() -> None:
    facts = analyze("EEE, dd MMM yyyy HH:mm:ss.SSS zzz")
    assert facts.has_zone_name and not facts.has_numeric_offset and facts.has_seconds and facts.has_millis
    assert facts.letters == frozenset("EdMyHmsSz")
    assert facts.first("Hh").text == "HH"
    assert analyze("HH:mmZ").has_numeric_offset and not analyze("HH:mm").has_offset


def test_pitfalls_are_sorted_by_position_and_carry_spans() -> None:
    facts = analyze("YYYY-MM-DD hh:mm:ss.SSSSSS'Z'")
    assert [p.code for p in facts.pitfalls] == [
        "week-year", "day-of-year-with-month", "twelve-hour-without-ampm", "micro-fraction", "literal-zone-letter",
    ]
    assert all(isinstance(p, Pitfall) and p.end > p.start for p in facts.pitfalls)


def test_invalid_pattern_raises_pattern_error() -> None:
    with pytest.raises(validator.PatternError):
        analyze("yyyy-MM-ddTHH")


@pytest.mark.parametrize(
    ("token", "meaning"),
    [
        ("yyyy", "year, 4 digits, zero-padded"),
        ("yy", "year, last 2 digits (2024 prints 24; parsing puts it within 80 years before now)"),
        ("y", "year, as many digits as needed"),
        ("yyy", "year, at least 3 digits (prints 2024: there is no 3-digit year)"),
        ("MM", "month 01-12, zero-padded"),
        ("M", "month 1-12, as many digits as needed"),
        ("MMM", "month, abbreviated name (Jan)"),
        ("MMMM", "month, full name (January)"),
        ("dd", "day of the month 01-31, zero-padded"),
        ("HH", "hour of the day 00-23, zero-padded"),
        ("hh", "hour in AM/PM 01-12, zero-padded"),
        ("kk", "hour of the day 01-24, zero-padded (midnight is 24)"),
        ("mm", "minute 00-59, zero-padded"),
        ("ss", "second 00-59, zero-padded"),
        ("SSS", "milliseconds 000-999 (an integer count, not a fraction)"),
        ("SSSSSS", "milliseconds, 6 digits, zero-padded (123 ms prints 000123: not a finer fraction)"),
        ("S", "milliseconds, as many digits as needed (an integer count: 5 ms prints 5, not a fraction of a second)"),
        ("EEE", "day name, abbreviated (Fri)"),
        ("EEEE", "day name, full (Friday)"),
        ("u", "day number of the week (1 = Monday ... 7 = Sunday), as many digits as needed"),
        ("a", "AM/PM marker"),
        ("z", "time zone abbreviation (EST, PDT, GMT)"),
        ("zzzz", "time zone name, full (Eastern Standard Time)"),
        ("Z", "offset +HHMM (-0500; UTC prints +0000, never Z)"),
        ("X", "ISO 8601 offset, hours only (+05; minutes dropped, +05:30 prints +05; UTC prints Z)"),
        ("XXX", "ISO 8601 offset +HH:MM (+05:30; UTC prints Z)"),
        ("G", "era, AD or BC"),
        ("DDD", "day of the year (1-366), 3 digits, zero-padded"),
    ],
)
def test_field_meanings(token: str, meaning: str) -> None:
    (explanation,) = explain(token)
    assert explanation == FieldExplanation(token, 0, len(token), "field", meaning)
    assert str(explanation) == f"{token}: {meaning}"


def test_explain_a_whole_pattern() -> None:
    lines = [str(e) for e in explain("yyyy-MM-dd'T'HH:mm:ss'Z' h 'o''clock' ''")]
    assert lines[:3] == ["yyyy: year, 4 digits, zero-padded", "-: literal '-'", "MM: month 01-12, zero-padded"]
    assert "'T': literal text 'T'" in lines
    assert "'Z': the literal letter Z (not an offset: the time is not converted to UTC)" in lines
    assert "'o''clock': literal text \"o'clock\"" in lines
    assert lines[-1] == "'': a literal single quote"
    spans = [(e.start, e.end) for e in explain("yyyy-MM-dd'T'HH")]
    assert spans == [(0, 4), (4, 5), (5, 7), (7, 8), (8, 10), (10, 13), (13, 15)]
