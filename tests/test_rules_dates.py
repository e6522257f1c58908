"""CE4xx: date formats of datesConfiguration and of URL date macros."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from corpus_tables import assert_expected, record_hits, table_of
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from validator.engine import Options, check

MODULES = ("validator.rules.dates", "validator.rules.zones", "validator.rules.placeholders",
           "validator.rules.secrets")
EXPECTED = Path(__file__).parent / "expected"


@pytest.fixture(autouse=True)
def only_these_rules(rule_modules):
    """Only the date, zone, placeholder and secret rules, so each test sees just what they report."""
    rule_modules(MODULES)


def where(text: str, needle: str, offset: int = 0, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of ``needle`` (its ``nth`` occurrence, plus ``offset`` characters) in ``text``."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    index += offset
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def poller(url: str = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'",
           updated: str | None = "yyyy-MM-dd'T'HH:mm:ssXXX", created: str | None = None,
           zone: str | None = None, field: str = "updated_at", **extra) -> str:
    entry: dict = {"url": url, "idField": "id"}
    if updated is not None:
        dates = {"updatedDateField": field, "updatedDateFormat": updated,
                 "createdDateField": "created_at" if field == "updated_at" else field,
                 "createdDateFormat": updated if created is None else created}
        if zone is not None:
            dates["updatedDateTimezone"] = zone
            dates["createdDateTimezone"] = zone
        entry["datesConfiguration"] = dates
    entry.update(extra)
    return json.dumps({"contacts": entry}, indent=2)


def instance(poller_text: str, *, stringify: bool = False) -> str:
    value = json.loads(poller_text)
    body = {"element": {"key": "sageone"},
            "configuration": {"event.notification.enabled": True,
                              "event.notification.callback.url": "https://example.com/events",
                              "event.poller.configuration": json.dumps(value) if stringify else value},
            "name": "sage"}
    return json.dumps(body, indent=2)


def found(text: str, code: str, **options) -> list:
    return [f for f in check(text, options=Options(**options)) if f.rule == code]


def assert_at(text: str, code: str, needle: str, *, offset: int = 0, nth: int = 0, count: int | None = None):
    hits = found(text, code)
    assert hits, f"{code} not drawn"
    expected = where(text, needle, offset, nth)
    assert (hits[0].line, hits[0].column) == expected, (hits[0], expected)
    if count is not None:
        assert len(hits) == count, hits
    return hits[0]


# --------------------------------------------------------------------------- CE401 / CE402 / CE403


def test_unbalanced_quote_in_format_points_at_the_quote():
    fmt = "yyyy-MM-dd'T'HH:mm:ssXXX'"
    text = poller(updated=fmt, created="yyyy-MM-dd'T'HH:mm:ssXXX")
    hit = assert_at(text, "CE401", "ssXXX'", offset=5, count=1)
    assert "Unterminated quote" in hit.message and hit.severity == "error"
    assert hit.end_column == hit.column + 1
    assert hit.help == "remove the unmatched `'`"
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ssXXX"), "CE401")


def test_unquoted_letter_gives_javas_message_at_its_column():
    text = poller(updated="yyyy-MM-ddTHH:mm:ss")
    hit = assert_at(text, "CE401", "ddTHH", offset=2, nth=0)
    assert "Illegal pattern character 'T'" in hit.message
    assert "'T'" in hit.help
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss"), "CE401")


def test_special_token_with_a_stray_quote():
    text = poller(updated="milliseconds'", created="milliseconds")
    hit = assert_at(text, "CE401", "milliseconds'", offset=12, count=1)
    assert "stray" in hit.message and hit.help == "write `milliseconds`"
    assert not found(text, "CE404"), "the stray quote is one mistake, reported once"
    capitals = poller(updated="Milliseconds")
    hit = assert_at(capitals, "CE401", '"Milliseconds"')  # the whole value, quotes included
    assert "capitals" in hit.message


def test_a_compact_pattern_is_a_pattern():
    for fmt in ("yyyyMMdd'T'HHmmss'Z'", "yyyyMMddHHmmss"):
        text = poller(updated=fmt)
        assert not found(text, "CE402") and not found(text, "CE401"), fmt


def test_prose_and_numbers_as_formats():
    prose = poller(updated="10 digit integer Unix time")
    assert_at(prose, "CE402", '"10 digit', count=2)
    assert "description" in found(prose, "CE402")[0].message
    number = poller(updated="518862600'")
    assert_at(number, "CE402", "\"518862600'")
    word = poller(updated="key")
    assert "a word" in found(word, "CE402")[0].message
    for good in ("milliseconds", "yyyy-MM-dd'T'HH:mm:ssXXX"):
        assert not found(poller(updated=good), "CE402")
        assert not found(poller(updated=good), "CE401")


@pytest.mark.parametrize("zone", ["GMT", "UTC", "EST", "America/New_York"])
def test_a_zone_id_written_as_the_format(zone):
    """helper-117: `"updatedDateFormat": "GMT"` drew CE401 with the advice to quote `'T'` (giving `GM'T'`)."""
    (hit,) = found(poller(updated=zone), "CE402")[:1]
    assert "time zone id" in hit.message and "updatedDateTimezone" in hit.help and "quote literal" not in hit.help
    assert not found(poller(updated=zone), "CE401")


def test_an_empty_format_reads_no_date():
    """A user's trial (checked with the JDK): `new SimpleDateFormat("")` compiles, and parsing any record's date
    throws `Unparseable date`; the empty format passed."""
    empty = poller(updated="")
    hit = assert_at(empty, "CE402", '""', count=2)  # updated and created
    assert "empty" in hit.message and hit.severity == "error"
    assert "only spaces" in found(poller(updated="  "), "CE402")[0].message
    # a user's trial: only quoted text (`'yyyy-MM-dd'`, `''`) compiles too, and reads no date either
    for literal in ("'yyyy-MM-dd'", "''", "-"):
        assert "no date field" in found(poller(updated=literal), "CE402")[0].message, literal
    # element definitions ship a blank field with a blank format (10 corpus records): nothing is read, nothing missed
    assert not found(poller(updated="", field=""), "CE402")


def test_milliseconds_is_documented_timestamp_is_not():
    assert not [f for f in check(poller(updated="milliseconds")) if f.rule.startswith("CE4")
                and f.rule not in ("CE413",)]
    hit = assert_at(poller(updated="timestamp"), "CE403", '"timestamp"')
    assert hit.severity == "warning"


# --------------------------------------------------------------------------- CE404


def test_created_and_updated_formats_differ_for_the_same_field():
    text = poller(updated="yyyy-MM-dd'T'HH:mm:ssXXX", created="yyyy-MM-dd HH:mm:ss", field="lastModified")
    assert_at(text, "CE404", '"yyyy-MM-dd HH:mm:ss"')
    assert not found(poller(field="lastModified"), "CE404")
    different_fields = poller(updated="yyyy-MM-dd'T'HH:mm:ssXXX", created="yyyy-MM-dd HH:mm:ss")
    assert not found(different_fields, "CE404")


# --------------------------------------------------------------------------- pitfalls in records


def test_microseconds_read_as_milliseconds():
    text = poller(updated="yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
    hit = assert_at(text, "CE405", "SSSSSS")
    assert "123,456 ms" in hit.message and hit.end_column == hit.column + 6
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss.SSSXXX"), "CE405")
    # Java reads `SSS` as it reads `SSSSSS`: a fix to it would only hide the warning
    from validator.dates.parse import parse_pattern

    assert parse_pattern("ss.SSS", "00.123456", "UTC", lenient=True) == \
        parse_pattern("ss.SSSSSS", "00.123456", "UTC", lenient=True)
    assert hit.fix is None and "hide" in (hit.help or "")


def test_a_long_run_of_s_is_reported_not_an_internal_error():
    text = poller(updated="yyyy-MM-dd HH:mm:ss." + "S" * 4301)
    assert not found(text, "CE099")
    hit = found(text, "CE405")[0]
    assert "SSSSSS...SSS" in hit.message and len(hit.message) < 300
    macro = poller(url="/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd HH:mm:ss." + "S" * 5000 + "}'")
    assert not found(macro, "CE099") and found(macro, "CE405")


def test_microseconds_printed_by_a_macro():
    url = "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX}'"
    text = poller(url=url)
    hit = assert_at(text, "CE405", "SSSSSSXXX}")
    assert "000123" in hit.message
    fixed = poller(url=url.replace("SSSSSS", "SSS'000'"))
    assert not found(fixed, "CE405")


def test_single_s_in_a_macro_is_a_warning():
    """`.S` sends 5 ms as `.5` (500 ms): a filter up to a second late misses records, which is worse than the
    early filter of `SSSS` (duplicates), a warning too (from a trial that found the severities backwards)."""
    url = "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SXXX}'"
    hit = assert_at(poller(url=url), "CE405", ".SXXX", offset=1)
    assert hit.severity == "warning" and "misses records" in hit.message and "`.5`" in hit.message
    two = assert_at(poller(url=url.replace(".S", ".SS")), "CE405", ".SSXXX", offset=1)
    assert "prints `.05`, which the vendor reads as 50 ms" in two.message  # the JDK prints 5 ms as `.05`
    assert not found(poller(url=url.replace(".S", ".SSS")), "CE405")


def test_twelve_hour_clock_without_am_pm():
    text = poller(updated="MM/dd/yyyy hh:mm:ss")
    assert_at(text, "CE406", "hh:mm")
    assert not found(poller(updated="MM/dd/yyyy hh:mm:ss a"), "CE406")
    assert not found(poller(updated="MM/dd/yyyy HH:mm:ss"), "CE406")
    macro = poller(url="/hubs/crm/x?where=t>'${gmtDate:yyyy-MM-dd KK:mm}'")
    assert_at(macro, "CE406", "KK:mm")


def test_twenty_four_hour_clock_with_am_pm():
    """A trial's fresh mistake (helper-53): `HH` with `a` printed `15:04 PM` in a macro, and passed."""
    macro = poller(url="/hubs/crm/x?where=t>'${gmtDate:MM/dd/yyyy HH:mm a}'")
    hit = assert_at(macro, "CE406", "HH:mm")
    assert "`15:30 PM`" in hit.message and hit.fix is not None and hit.fix.applicability == "unsafe"
    read = assert_at(poller(updated="MM/dd/yyyy HH:mm:ss a"), "CE406", "HH:mm:ss a")
    assert "read as 03:30" in read.message
    assert not found(poller(updated="MM/dd/yyyy hh:mm:ss a"), "CE406")
    assert not found(poller(updated="MM/dd/yyyy HH:mm:ss"), "CE406")


def test_hour_zero_to_eleven_with_am_pm():
    """A fresh trial (helper-71): `KK` with `a` prints 12:30 PM as `00:30 PM`, and Java (lenient, as the platform's
    SimpleDateFormat is) reads a record's `12:30 PM` as 00:30 the next day; it passed."""
    macro = assert_at(poller(url="/hubs/crm/x?where=t>'${gmtDate:MM/dd/yyyy KK:mm a}'"), "CE406", "KK:mm")
    assert "`00:30 PM`" in macro.message and macro.fix is not None and macro.fix.applicability == "unsafe"
    read = assert_at(poller(updated="MM/dd/yyyy KK:mm:ss a"), "CE406", "KK:mm:ss a")
    assert "00:30 the next day" in read.message and read.help == "`hh` (1-12) with `a`"
    assert not found(poller(updated="MM/dd/yyyy hh:mm:ss a"), "CE406")


def test_week_year_with_month_and_day():
    assert_at(poller(updated="YYYY-MM-dd'T'HH:mm:ssXXX"), "CE407", "YYYY")
    assert not found(poller(updated="YYYY-'W'ww"), "CE407")
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ssXXX"), "CE407")


def test_calendar_year_with_a_week_in_a_macro(jdk):
    """helper-117: `${gmtDate:yyyy-ww}` drew nothing; the JDK writes 2024-12-30 as `2024-01`, a year early."""
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-ww}'"
    hit = assert_at(poller(url=url), "CE407", "yyyy-ww")
    assert "`2024-01`" in hit.message and hit.fix is not None and hit.fix.applicability == "unsafe"
    assert [e.replacement for e in hit.fix.edits] == ["YYYY"]
    assert jdk.format("yyyy-ww", "GMT", 1735552800000) == "2024-01"
    assert not found(poller(url=url.replace("yyyy-ww", "YYYY-ww")), "CE407")
    assert not found(poller(url=url.replace("yyyy-ww", "yyyy-MM-dd'W'ww")), "CE407")


@pytest.mark.parametrize("fmt", ["yyyy-ww", "yyyy-'W'ww-u"])
def test_calendar_year_with_a_week_in_a_records_format_is_not_told_to_be_the_week_year(fmt, jdk):
    """helper-169: CE407 said a records' `yyyy-ww` "reads a week 1 that starts in December a year early" and offered
    `YYYY`; Java's lenient parse reads every value alike with both (`2025-01` is 2024-12-29, `2024-01` 2023-12-31)."""
    texts = [f"{y}-{w:02d}" if fmt == "yyyy-ww" else f"{y}-W{w:02d}-{d}" for y in (2019, 2024, 2025, 2026)
             for w in (1, 2, 52, 53) for d in (1, 7)]
    week_year = fmt.replace("yyyy", "YYYY")
    answers = jdk.batch([("P", p, "GMT", "1", t) for t in texts for p in (fmt, week_year)])
    assert all(answers[i] == answers[i + 1] for i in range(0, len(answers), 2))
    assert not found(poller(updated=fmt, created="yyyy-MM-dd'T'HH:mm:ssXXX"), "CE407")


@pytest.mark.parametrize(("fmt", "text", "read", "said"), [
    ("yyyy-MM-W HH:mm:ssXXX", "2024-03-2 10:00:00Z", "2024-03-03", "first day (Sunday) of its week of the month"),
    ("yyyy-MM-W HH:mm:ssXXX", "2024-06-1 10:00:00Z", "2024-05-26", "up to six days before"),
    ("yyyy-MM-F HH:mm:ssXXX", "2024-07-3 10:00:00Z", "2024-07-21", "`F`: the nth Sunday"),
    ("yyyy-MM-EEE HH:mm:ssXXX", "2024-07-Sat 10:00:00Z", "2024-07-06", "`E`, `u`: the month's first such day"),
    ("yyyy-MM-u HH:mm:ssXXX", "2024-07-7 10:00:00Z", "2024-07-07", "`E`, `u`: the month's first such day"),
    ("yyyy-W HH:mm:ssXXX", "2024-3 10:00:00Z", "2024-01-14", "in January, on the Sunday of that week"),
    ("yyyy-EEE HH:mm:ssXXX", "2024-Wed 10:00:00Z", "2024-01-03", "`E`, `u`: January's first such day")])
def test_a_records_format_with_a_week_of_the_month_and_no_day_says_which_day_java_takes(fmt, text, read, said, jdk):
    """helper-169: CE417 said `yyyy-MM-W` reads records "with the day of 1 January 1970"; Java takes a day of the week
    named (`2024-03-2` is Sunday 3 March)."""
    answer = jdk.request("P", fmt, "GMT", "1", text)
    assert answer[0] == "OK"
    assert datetime.fromtimestamp(int(answer[1]) / 1000, timezone.utc).date().isoformat() == read
    (hit,) = found(poller(updated=fmt, created="yyyy-MM-dd'T'HH:mm:ssXXX"), "CE417")
    assert said in hit.message and "1970" not in hit.message


def test_week_year_reads_every_date_wrong_and_prints_late_december_wrong():
    """What Java does (lenient parse, the platform's default): ``YYYY-MM-dd`` reads 2024-06-15 as 2023-12-31."""
    from validator.dates.parse import parse_pattern

    assert parse_pattern("YYYY-MM-dd", "2024-06-15", "UTC", lenient=True).date().isoformat() == "2023-12-31"
    reading = assert_at(poller(updated="YYYY-MM-dd'T'HH:mm:ssXXX"), "CE407", "YYYY")
    assert reading.severity == "error" and "2023-12-31" in reading.message
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:YYYY-MM-dd'T'HH:mm:ssXXX}'"
    printing = assert_at(poller(url=url), "CE407", "YYYY-MM-dd'T")
    assert printing.severity == "warning" and "2025-12-30" in printing.message


def test_day_of_year_with_month_is_an_error_reading_and_printing():
    from validator.dates.parse import parse_pattern

    assert parse_pattern("yyyy-MM-DD", "2024-07-20", "UTC", lenient=True).date().isoformat() == "2024-01-20"
    reading = assert_at(poller(updated="yyyy-MM-DD HH:mm:ss"), "CE408", "DD HH")
    assert reading.severity == "error" and "20 January" in reading.message
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-DD'T'HH:mm:ssXXX}'"
    assert assert_at(poller(url=url), "CE408", "DD'T").severity == "error"


def test_twelve_hour_clock_reading_says_what_java_reads():
    from validator.dates.parse import parse_pattern

    assert parse_pattern("yyyy-MM-dd hh:mm", "2024-01-01 12:30", "UTC", lenient=True).hour == 0
    assert parse_pattern("yyyy-MM-dd hh:mm", "2024-01-01 13:30", "UTC", lenient=True).hour == 13  # not "all AM"
    hit = assert_at(poller(updated="yyyy-MM-dd hh:mm:ss"), "CE406", "hh:mm")
    assert "12:30 is read as 00:30" in hit.message


def test_day_of_year_with_month():
    assert_at(poller(updated="yyyy-MM-DD HH:mm:ss"), "CE408", "DD HH")
    assert not found(poller(updated="yyyy-DDD"), "CE408")
    assert not found(poller(updated="yyyy-MM-dd HH:mm:ss"), "CE408")


def test_a_run_of_one_letter_in_two_cases_and_milliseconds_where_the_seconds_belong():
    """A user's trial of fresh mistakes: `yyyy-MM-Dd` (it prints `2024-03-655`) and `HH:mm:SS` (`10:00:123`) passed."""
    from datetime import datetime, timezone

    from validator.dates.pattern import format_date

    moment = datetime(2024, 3, 5, 10, 0, 7, 123000, tzinfo=timezone.utc)
    assert format_date("yyyy-MM-Dd", moment) == "2024-03-655" and format_date("HH:mm:SS", moment) == "10:00:123"
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-Dd'T'HH:mm:ss'Z'}'"
    hit = assert_at(poller(url=url), "CE416", "Dd'T")
    assert "day of the year then the day of the month" in hit.message and "`dd`" in hit.help
    hit = assert_at(poller(updated="yyyy-MM-dd'T'HH:mm:SS'Z'"), "CE405", "SS'Z")
    assert hit.severity == "error" and "seconds are lost" in hit.message and hit.help == "`ss` for the seconds"
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:SS'Z'}'"
    assert "`2024-01-05T10:00:123Z`" in assert_at(poller(url=url), "CE405", "SS'Z").message
    # helper-101: the seconds and milliseconds swapped, `HH:mm:SS.sss`, said only CE413's info
    swapped = "yyyy-MM-dd'T'HH:mm:SS.sss'Z'"
    assert format_date(swapped, moment) == "2024-03-05T10:00:123.007Z"
    text = poller(updated=swapped)
    first, second = found(text, "CE405")[:2]
    assert [(first.line, first.column), (second.line, second.column)] == [where(text, "SS.sss"), where(text, "sss'Z")]
    assert "`10:00:07.123` is read as 10:02:03.007" in first.message and first.severity == second.severity == "error"
    assert "swapped" in second.message and second.help == "`SSS` for the milliseconds"
    assert "`2024-01-05T10:00:123.007Z`" in assert_at(poller(url=url.replace("SS'Z", "SS.sss'Z")), "CE405",
                                                        "SS.sss").message
    # a review: `ssSSS` is the compact timestamp's seconds then milliseconds, not a slip of the shift key
    for fine in ("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyyMMddHHmmss", "yyyy-DDD", "HH:mm:ss.SS", "yyyyMMddHHmmssSSS",
                 "yyyyMMddHHmmssSSSZ"):
        assert not found(poller(updated=fine), "CE416") and not found(poller(updated=fine), "CE405"), fine


def test_three_letter_year_in_a_macro():
    url = "/hubs/social/direct-messages?where=since='${date:MM/dd/yyy'T'HH:mm:ssXXX}'"
    hit = assert_at(poller(url=url), "CE409", "yyy'T'")
    assert hit.severity == "info" and hit.help == "`yyyy`"
    assert not found(poller(url=url.replace("yyy'", "yyyy'")), "CE409")


# --------------------------------------------------------------------------- zones and literals


def test_literal_z_on_denver_macro():
    url = "/hubs/crm/payments?where=updated>'${dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'"
    hit = assert_at(poller(url=url), "CE410", "'Z'}")
    assert hit.severity == "error" and hit.end_column == hit.column + 3
    assert "America/Denver" in hit.message
    assert not found(poller(url=url.replace("'Z'", "XXX")), "CE410")
    gmt = "/hubs/crm/payments?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'"
    assert not found(poller(url=gmt), "CE410")
    assert not found(poller(url=gmt.replace("gmtDate", "date")), "CE410")
    assert found(poller(url=gmt.replace("gmtDate", "date")), "CE410", server_zone="America/New_York")
    utc = url.replace("America/Denver", "UTC")
    assert not found(poller(url=utc), "CE410")


def test_literal_z_in_a_record_format_read_in_pacific_time():
    text = poller(updated="yyyy-MM-dd'T'HH:mm:ss'Z'", zone="PST")
    hit = assert_at(text, "CE410", "'Z'\"")
    assert "PST" in hit.message
    assert len(found(text, "CE410")) == 2  # updated and created
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss'Z'", zone="GMT"), "CE410")
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss'Z'"), "CE410")
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ssXXX", zone="PST"), "CE410")


def test_a_literal_utc_word_in_a_record_format_is_fixed_with_a_field_that_reads_it(jdk):
    """A fresh trial (helper-125): the fix wrote `XXX` for `'UTC'`, which reads no `10:30:00 UTC` (every record failed
    where it had been read hours off), and the message gave `10:00Z` as the example."""
    fmt = "yyyy-MM-dd HH:mm:ss 'UTC'"
    hit = assert_at(poller(updated=fmt, created=fmt, zone="US/Pacific"), "CE410", "'UTC'")
    assert "`10:00 UTC`" in hit.message and hit.fix is not None
    assert [edit.replacement for edit in hit.fix.edits] == ["z"]
    assert jdk.request("P", "yyyy-MM-dd HH:mm:ss z", "US/Pacific", "0", "2024-01-05 10:30:00 UTC")[0] == "OK"
    assert jdk.request("P", "yyyy-MM-dd HH:mm:ss XXX", "US/Pacific", "0", "2024-01-05 10:30:00 UTC")[0] != "OK"


def test_hard_coded_offset_next_to_a_daylight_zone():
    url = "/hubs/crm/contacts?where=person_modified='${dateTimeZone:PST:yyyy-MM-dd HH:mm:ss -0800}'"
    hit = assert_at(poller(url=url), "CE411", "-0800")
    assert "-08:00 and -07:00" in hit.message
    assert not found(poller(url=url.replace(" -0800", " Z")), "CE411")
    fixed_zone = url.replace("PST", "GMT-08:00")
    assert not found(poller(url=fixed_zone), "CE411")
    wrong = url.replace("PST", "EST")
    assert "-05:00" in found(poller(url=wrong), "CE411")[0].message
    # helper-169: the help named PST's `-0800`/`-08:00` whatever the zone
    assert found(poller(url=wrong), "CE411")[0].help == "`Z` (`-0500`) or `XXX` (`-05:00`) for the real offset"
    assert hit.help == "`Z` (`-0800`) or `XXX` (`-08:00`) for the real offset"


def test_position_inside_a_stringified_poller():
    url = "/hubs/crm/payments?where=updated>'${dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'"
    text = instance(poller(url=url), stringify=True)
    hit = assert_at(text, "CE410", "'Z'}")
    assert hit.pointer.startswith("/configuration/event.poller.configuration/contacts/url")


# --------------------------------------------------------------------------- CE412 / CE413


def test_date_macro_without_dates_configuration_is_info():
    text = poller(updated=None)
    hit = assert_at(text, "CE412", "${gmtDate")
    assert hit.severity == "info"
    assert not found(poller(), "CE412")
    assert not found(poller(updated=None, filterByUpdatedDate=False), "CE412")
    assert not found(poller(url="/hubs/crm/contacts", updated=None), "CE412")


def test_macro_format_differs_from_updated_format_is_info():
    text = poller(updated="yyyy-MM-dd HH:mm:ss")
    hit = assert_at(text, "CE413", "yyyy-MM-dd'T'HH:mm:ssXXX}")
    assert hit.severity == "info"
    assert hit.help == ("if the vendor's query takes the records' format, write 'yyyy-MM-dd HH:mm:ss' in the macro; if "
                        "it takes this one, leave it")  # (a next step: it had none)
    assert not found(poller(), "CE413")
    # 'Z' and XXX print the same text in GMT
    same = poller(updated="yyyy-MM-dd'T'HH:mm:ss'Z'")
    assert not found(same, "CE413")
    assert not found(poller(updated="milliseconds"), "CE413")


# --------------------------------------------------------------------------- documentation and corpus


def test_rule_examples():
    from validator.rules import dates

    for rule in dates.RULES:
        assert rule.code in {f.rule for f in check(rule.bad)}, rule.code
        assert rule.code not in {f.rule for f in check(rule.good)}, rule.code


def test_no_finding_on_correct_configurations():
    clean = [poller(), poller(updated="milliseconds", url="/hubs/crm/x?where=t>'${epoch}'"),
             poller(updated="EEE, dd MMM yyyy HH:mm:ss Z",
                    url="/hubs/crm/x?where=t>'${gmtDate:EEE, dd MMM yyyy HH:mm:ss Z}'"),
             poller(updated="yyyy-MM-dd'T'HH:mm:ss.SSSXXX", zone="America/New_York",
                    url="/hubs/crm/x?where=t>'${dateTimeZone:America/New_York:yyyy-MM-dd'T'HH:mm:ss.SSSXXX}'")]
    for text in clean:
        assert not [f for f in check(text) if f.rule.startswith(("CE4", "CE5", "CE7"))], text


_HITS: dict[str, dict[str, set[int]]] = {}


def corpus_counts(corpus: list[dict], prefix: str) -> dict[str, dict]:
    """Per rule with code ``prefix``...: the valid-JSON instance/poller records it fires on.

    The four modules run together once per session; each test file reads its own codes.
    """
    hits = _HITS.get("all")
    if hits is None:
        hits = _HITS["all"] = record_hits(corpus, kind_of_poller="poller")
    return table_of(hits, prefix)


def compare_with_expected(table: dict[str, dict], name: str) -> None:
    assert_expected(table, EXPECTED / f"rules_corpus_{name}.json")


def test_corpus_counts(corpus):
    compare_with_expected(corpus_counts(corpus, "CE4"), "dates")


def test_the_claims_in_the_messages_hold():
    """What the messages say Java prints, checked with the Java-exact formatter."""
    from datetime import datetime, timezone

    from validator.dates.pattern import compile_pattern, format_date

    assert format_date("YYYY-MM-dd", datetime(2024, 12, 30, 10, tzinfo=timezone.utc)) == "2025-12-30"
    assert format_date("yyyy-MM-DD", datetime(2024, 2, 5, tzinfo=timezone.utc)) == "2024-02-36"
    assert format_date(".SSSSSS", datetime(2024, 1, 5, 10, 0, 0, 123000, tzinfo=timezone.utc)) == ".000123"
    assert format_date(".S", datetime(2024, 1, 5, 10, 0, 0, 5000, tzinfo=timezone.utc)) == ".5"
    assert format_date("MM/dd/yyy", datetime(2024, 1, 5, tzinfo=timezone.utc)) == "01/05/2024"
    assert format_date("hh:mm", datetime(2024, 1, 5, 13, 30, tzinfo=timezone.utc)) == "01:30"
    denver = format_date("HH:mm'Z'", datetime(2024, 1, 5, 10, tzinfo=timezone.utc), "America/Denver")
    assert denver == "03:00Z"
    assert format_date("Z", datetime(2024, 7, 5, tzinfo=timezone.utc), "PST") == "-0700"
    lenient = compile_pattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").parse("2024-01-05T10:00:00.123456Z", lenient=True)
    assert lenient == datetime(2024, 1, 5, 10, 2, 3, 456000, tzinfo=timezone.utc)


def test_a_java_time_year_says_what_u_is():
    """A user's trial: `uuuu-MM-dd` drew "the pattern has no year" without saying why."""
    hit = found(poller(updated="uuuu-MM-dd'T'HH:mm:ssXXX"), "CE417")[0]
    assert "`u` is the day of the week" in hit.message and hit.help == "`yyyy` for the year"
    assert "`u` is" not in found(poller(updated="MM-dd'T'HH:mm:ssXXX"), "CE417")[0].message


def test_hour_1_24_in_a_url_macro():
    """A user's trial (checked with the JDK): `kk` prints 00:30 as `24:30`; reading `00` and `24` with `kk` gives the
    same instant, so a record format with `kk` is fine."""
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'kk:mm:ss'Z'}'"
    (hit,) = found(poller(url=url), "CE418")
    assert hit.severity == "warning" and "24:30" in hit.message
    assert hit.fix is not None and hit.fix.applicability == "safe"
    assert not found(poller(updated="yyyy-MM-dd'T'kk:mm:ss"), "CE418")


@pytest.mark.parametrize(("fmt", "token", "printed"), [("yyyy-MM-dd'T'HH:mm:sss'Z'", "sss", "2024-01-05T10:04:005Z"),
                                                      ("yyyy-MM-dd'T'HH:m:ss'Z'", "m", "2024-01-05T10:4:05Z"),
                                                      ("yyyy-MM-dd'T'HH:mm:s'Z'", "s", "2024-01-05T10:04:5Z")])
def test_a_number_printed_in_another_width_in_a_url_macro(fmt, token, printed):
    """A fresh-mistakes trial (helper-76): `HH:mm:sss` and `HH:m:ss` in a URL macro drew CE413 (info) only; what they
    print (the formatter is the JDK's, to the character) is no ISO date.  Reading records with them is fine."""
    from validator.dates.pattern import compile_pattern

    assert compile_pattern(fmt).format(1704449045000, "GMT") == printed
    url = f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{fmt}}}'"
    (hit,) = found(poller(url=url), "CE431")
    assert hit.severity == "warning" and f"`{token}`" in hit.message
    assert hit.fix is not None and hit.fix.applicability == "unsafe"
    assert hit.fix.edits[0].replacement == token[0] * 2
    assert not found(poller(updated=fmt), "CE431")


@pytest.mark.parametrize(("fmt", "tokens", "printed"), [("yyyy-MM-dd'T'H:mm:ss'Z'", ["H"], "2024-01-05T9:04:05Z"),
                                                       ("yyyy-M-d'T'HH:mm:ss'Z'", ["M", "d"], "2024-1-5T09:04:05Z"),
                                                       ("yyyy-MM-dd'T'H:m:s'Z'", ["H", "m", "s"], "2024-01-05T9:4:5Z")])
def test_a_number_unpadded_beside_iso_s_t(fmt, tokens, printed):
    """helper-172: an hour, day or month unpadded is a format of its own (`M/d/yyyy h:mm a`), but not beside ISO 8601's
    `'T'`: `yyyy-MM-dd'T'H:mm:ss'Z'` sends `2024-01-05T9:04:05Z` (the JDK's output), and drew nothing."""
    from validator.dates.pattern import compile_pattern

    assert compile_pattern(fmt).format(1704445445000, "GMT") == printed
    hits = found(poller(url=f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{fmt}}}'"), "CE431")
    assert sorted(hit.message.split("`")[1] for hit in hits) == sorted(tokens), hits
    assert all(hit.fix is not None and hit.fix.applicability == "unsafe" for hit in hits)
    assert not found(poller(updated=fmt), "CE431")


@pytest.mark.parametrize("fmt", ["EEE, d MMM yyyy HH:mm:ss Z", "M/d/yyyy h:mm a", "yyyy-M-d", "yyyy-MM-dd H:mm",
                                 "yyyyMMddHHmmss", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "d MMM yyyy H:mm", "'T'H:mm"])
def test_formats_whose_numbers_are_unpadded_on_purpose(fmt):
    """RFC 1123's `d`, a US date's `M/d` and `h`, a 24-hour `H`: formats of their own, not CE431."""
    assert not found(poller(url=f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{fmt}}}'"), "CE431")


@pytest.mark.parametrize(("fmt", "other"), [("yyyy-MM-dd'T'HH:mm:ss.sss", "CE416"), ("dd-mmm-yyyy", "CE415")])
def test_field_width_leaves_a_field_to_the_rule_that_owns_its_mistake(fmt, other):
    """helper-78: `ss.sss` (the second twice, CE416) and `dd-mmm-yyyy` (minutes for the month, CE415) also drew CE431,
    whose fix (`ss`, `mm`) contradicted theirs and left the error."""
    text = poller(url=f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{fmt}}}'")
    assert found(text, other) and not found(text, "CE431")


@pytest.mark.parametrize(("fmt", "rule", "printed"), [("yyyy-MM-dd'T'HH:mm:ss.s", "CE416", "2024-01-05T10:00:05.5"),
                                                     ("yyyy-MM-dd'T'HH:mm:ss.sss", "CE416", "2024-01-05T10:00:05.005"),
                                                     ("dd-mmm-yyyy", "CE415", "05-007-2024"),
                                                     ("yyyy-mm-dd", "CE415", "2024-07-05")])
def test_the_example_a_message_gives_is_what_the_pattern_prints(fmt, rule, printed):
    """helper-80: CE416 said `ss.s` prints `10:00:05.005` (it prints `.5`), CE415 that `dd-mmm-yyyy` prints
    `2024-07-05` (it prints `05-007-2024`): the example is now printed by the pattern itself (the JDK's output)."""
    from validator.dates.pattern import compile_pattern

    (hit,) = found(poller(url=f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{fmt}}}'"), rule)
    assert f"`{printed}`" in hit.message, hit.message
    moment = 1_704_448_805_000 if rule == "CE416" else 1_704_449_220_000
    assert compile_pattern(fmt).format(moment, "GMT") == printed


def test_literal_z_fix_never_prints_a_plus_into_the_query():
    """A user's trial: the unsafe CE410 fix wrote `XXX` for Europe/Berlin, and the next run reported CE616 ('+' in
    the query); east of UTC the help points at `${gmtDate:...}` and no edit is offered."""
    east = "/hubs/crm/o?where=u>'${dateTimeZone:Europe/Berlin:yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    (hit,) = found(poller(url=east), "CE410")
    assert hit.fix is None and "gmtDate" in (hit.help or "")
    west = "/hubs/crm/o?where=u>'${dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    (hit,) = found(poller(url=west), "CE410")
    assert hit.fix is not None and hit.fix.applicability == "unsafe"


@pytest.mark.parametrize(("where", "expected"), [
    # a user's trial: three filters that can never return a change passed
    ("updated_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    ("updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and updated_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'",
     ["CE419"]),
    ("updated_at>'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    ("updated_at<=${epoch}", ["CE419"]),
    # a window up to the run time, another date, the macro on the left: not judged
    ("updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and updated_at<'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    ("dueDate<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    ("'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'<updated_at", []),
    # a review: changes to records created before the last poll is a filter of its own
    ("updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and created_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    ("created_at>'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    # a trial's fresh mistakes (helper-53): the URL's field is not the one datesConfiguration reads (as in Sage
    # One's own poller: `lastModifiedDate` in the URL, `updated_at` read), and the backwards filter passed
    ("lastModifiedDate<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    ("lastModifiedDate>='${now:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    ("lastModifiedDate>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    # helper-128: `!=` the last poll time matches every record
    ("updated_at!='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    ("lastModifiedDate<>${epoch}", ["CE419"]),
    ("status!='closed' and updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    ("updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and created_at!='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    ("dueDate!='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    # helper-185: the macro on the left, the wrong way round, passed (`last poll >= updated_at`)
    ("'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'>=updated_at", ["CE419"]),
    ("${epoch}>lastModifiedDate", ["CE419"]),
    ("'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'<updated_at", ["CE419"]),
    ("'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'>updated_at and updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    ("'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'>dueDate and updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    # h190: `!=` with the macro on the left passed, and a macro-first bound did not bound a `!=`
    ("'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'!=updated_at", ["CE419"]),
    ("${epoch}<>lastModifiedDate", ["CE419"]),
    ("'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'<updated_at and created_at!='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    # h207: a comparison under `not` is the other way round: `not updated_at < last poll` asks for the changes since
    ("not updated_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", []),
    ("not (updated_at<='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' or deleted=true)", []),
    ("not (status='closed' and not (updated_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'))", ["CE419"]),
    ("not not updated_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    ("name not like 'x%' and updated_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", ["CE419"]),
    ("not (updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}')", ["CE419"]),
])
def test_a_filter_that_no_change_since_the_last_poll_meets(where, expected):
    text = poller(url=f"/hubs/crm/contacts?where={where}")
    assert [f.rule for f in found(text, "CE419")] == expected


def test_a_backwards_filter_under_not_is_said_as_written():
    """h207: `not (updated_at > last poll)` asks for the records changed before the last poll: the message quotes the
    `not`, and the help says to remove it (where `not (updated_at < last poll)` was reported, the right filter)."""
    text = poller(url="/hubs/crm/contacts?where=not (updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}')")
    (hit,) = found(text, "CE419")
    assert hit.message.startswith("`not updated_at >` the last poll time asks for records changed before")
    assert (hit.help or "").startswith("remove the `not`")
    assert (hit.line, hit.column) == where(text, "updated_at>")


def test_two_digit_year_in_a_url_macro(jdk):
    """A user's trial: `${gmtDate:yy-MM-dd...}` sent `24-03-05`; reading records with `yy` is fine (the JDK reads
    `2024` and `24` alike), so only the macro is reported."""
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yy-MM-dd'T'HH:mm:ss'Z'}'"
    text = poller(url=url)
    (hit,) = found(text, "CE420")
    assert hit.severity == "warning" and "`24`" in hit.message
    assert (hit.line, hit.column) == where(text, "yy-MM-dd")
    assert hit.fix is not None and hit.fix.applicability == "unsafe" and hit.fix.edits[0].replacement == "yyyy"
    assert not found(poller(updated="yy-MM-dd'T'HH:mm:ss"), "CE420")
    assert not found(poller(), "CE420")  # yyyy
    oracle = "/hubs/erp/orders?where=LAST_UPDATE_DATE>'${gmtDate:dd-MMM-yy HH.mm.ss}'"  # a trial's Oracle ERP
    assert not found(poller(url=oracle, updated="dd-MMM-yy HH.mm.ss"), "CE420")  # the records speak `yy` too
    assert jdk.format("yy-MM-dd", "GMT", 1709632800000) == "24-03-05"
    assert jdk.request("P", "yy-MM-dd", "GMT", "0", "2024-03-05")[:2] == \
        jdk.request("P", "yy-MM-dd", "GMT", "0", "24-03-05")[:2]


@pytest.mark.parametrize("pattern", ["yyyy-MM-dd'T'HH:mm:ss'z'", "yyyy-MM-dd't'HH:mm:ss'Z'"])
def test_lowercase_literal_letters_in_a_record_format(pattern, jdk):
    """A user's trial: `'z'` for `'Z'`. SimpleDateFormat compares quoted letters case by case (checked with the
    JDK), so an ISO date never parses; printing lowercase letters is left alone (ISO readers accept them)."""
    text = poller(updated=pattern, zone="GMT")
    hits = found(text, "CE421")
    assert len(hits) == 2  # the updated and the created format
    letter = "z" if "'z'" in pattern else "t"
    assert (hits[0].line, hits[0].column) == where(text, f"'{letter}'")
    assert hits[0].fix is not None and hits[0].fix.applicability == "unsafe"
    assert hits[0].fix.edits[0].replacement == f"'{letter.upper()}'"
    assert jdk.request("P", pattern, "GMT", "0", "2024-03-05T10:00:00Z")[0] == "FAIL"
    fixed = pattern.replace(f"'{letter}'", f"'{letter.upper()}'")
    assert jdk.request("P", fixed, "GMT", "0", "2024-03-05T10:00:00Z")[0] == "OK"
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:" + pattern + "}'"
    assert not found(poller(url=url, zone="GMT"), "CE421")  # printed, not read
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss'Z'", zone="GMT"), "CE421")
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss z", zone="GMT"), "CE421")  # the zone name field


def test_a_vendor_windows_bounds_swapped():
    """A user's trial (adobe-esign): `startDate='${now}'` and `endDate='${date}'` ask for an inverted window. The hub
    passes `field='${...}'` to the vendor's parameter, whose name says which end it sets; the right way round, and
    names that say neither, draw nothing (the corpus uses `=` 235 times)."""
    url = ("/hubs/esignature/agreements?where=startDate='${now:yyyy-MM-dd'T'HH:mm:ssXXX}' and "
           "endDate='${date:yyyy-MM-dd'T'HH:mm:ssXXX}'")
    text = poller(url=url)
    start, end = found(text, "CE419")
    assert "`startDate` starts the window at the time the poller runs" in start.message
    assert "`endDate` ends the window at the last poll time" in end.message
    assert (start.line, start.column) == where(text, "startDate=")
    right = url.replace("${now:", "${X:").replace("${date:", "${now:").replace("${X:", "${date:")
    assert not found(poller(url=right), "CE419")
    for name in ("updated_since", "modifiedDateAfter", "min_date_modified", "lastUpdated_from", "DateSent",
                 "updated_at", "lastmodifieddate"):
        assert not found(poller(url=f"/hubs/crm/x?where={name}='${{gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}}'"), "CE419")


@pytest.mark.parametrize(("condition", "words"), [
    ("startEpochMillis='${epoch:s}'", "every record matches"),  # a user's trial (lithium)
    ("since_seconds='${epoch}'", "thousands of years ahead"),
    ("fromMs>'${epoch:us}'", "no record ever matches"),
])
def test_an_epoch_unit_the_parameter_names_otherwise(condition, words):
    text = poller(url=f"/hubs/social/messages?where={condition}", updated=None)
    (hit,) = found(text, "CE414")
    assert words in hit.message and "by its name" in hit.message
    assert (hit.line, hit.column) == where(text, "${epoch")


@pytest.mark.parametrize("condition", ["startEpochMillis='${epoch:ms}'", "startEpochMillis='${epoch}'",
                                       "startEpochMillis='${epoch:s}000'",  # seconds written out as ms
                                       "start_time='${epoch:s}'", "since_seconds='${epoch:s}'",
                                       "updated>'${epoch:s}'"])
def test_an_epoch_unit_that_agrees_with_the_name(condition):
    assert not found(poller(url=f"/hubs/social/messages?where={condition}", updated=None), "CE414")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="%YmdHMSfzZTpbB-:/. '%%qQ", max_size=24))
def test_a_strftime_reading_never_crashes_and_its_fix_compiles(text):
    """A review found `%f` raising KeyError; whatever the text, the strftime reading is a finding or nothing, and
    the pattern its fix writes is one Java compiles."""
    from validator.dates.pattern import compile_pattern
    from validator.rules.dates import _strftime

    problem = _strftime(text)
    if problem is not None and problem.fix is not None:
        compile_pattern(problem.fix.edits[0].replacement)


# strftime's directives whose output C's strftime and Java's fix print alike (`%e` pads with a space, `%Z` names UTC
# `UTC` where Java says `GMT`, `%L` and `%:z` are not Python's)
_STRFTIME_ALIKE = ["%Y", "%y", "%m", "%d", "%H", "%I", "%M", "%S", "%p", "%b", "%B", "%a", "%A", "%j", "%z", "%T",
                   "%F", "%D", "%R", "%%", "%-d", "%-m", "%-H", "%-I", "%-M", "%-S", "%-j"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_STRFTIME_ALIKE) | st.sampled_from(["-", ":", "/", " ", ".", "T", ", "]),
                       min_size=2, max_size=8),
       instant=st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1)))
def test_a_strftime_fix_prints_what_strftime_prints(pieces, instant):
    """The pattern CE402's fix writes formats an instant as the strftime pattern did: `%-d/%-m/%Y` was written
    `%-'d'/%-'m'/yyyy` (a literal `%-d`), and `%:z` as `%:'z'`."""
    from validator.dates.pattern import format_date
    from validator.rules.dates import _strftime

    text = "".join(pieces)
    problem = _strftime(text)
    assume(problem is not None and problem.fix is not None)
    meant = problem.fix.edits[0].replacement
    utc = instant.replace(tzinfo=timezone.utc)
    assert format_date(meant, utc) == utc.strftime(text), meant


@pytest.mark.parametrize("text, meant", [("%-d/%-m/%Y %H:%M", "d/M/yyyy HH:mm"),
                                         ("%Y-%m-%dT%H:%M:%S%:z", "yyyy-MM-dd'T'HH:mm:ssXXX"),
                                         ("%Y-%m-%dT%H:%M:%S.%3N", None), ("%_d/%m/%Y", None)])
def test_a_strftime_flag_is_read_or_left_unfixed(text, meant):
    from validator.rules.dates import _strftime

    problem = _strftime(text)
    assert problem is not None
    assert (problem.fix.edits[0].replacement if problem.fix else None) == meant


@pytest.mark.parametrize("char", ["\u2013", "\u2014", "\u2212", "\u2011"])
def test_a_typographic_dash_in_a_pattern(char, jdk):
    """A trial's fresh mistake (helper-53): an en-dash pasted into a macro's format drew only CE413 (info)."""
    url = f"/hubs/crm/x?where=updated_at>'${{gmtDate:yyyy{char}MM{char}dd'T'HH:mm:ssXXX}}'"
    written = json.dumps(char)[1:-1]  # the helper writes the file with ASCII escapes: the finding spans `\u2013`
    hit = assert_at(poller(url=url), "CE426", written, count=2)
    assert hit.severity == "error" and "printed as it is" in hit.message
    assert hit.fix is not None and hit.fix.applicability == "safe" and hit.fix.edits[0].replacement == "-"
    read = assert_at(poller(updated=f"yyyy{char}MM{char}dd"), "CE426", f"yyyy{written}", offset=4)
    assert "is not read" in read.message
    assert jdk.request("P", f"yyyy{char}MM{char}dd", "GMT", "0", "2024-01-02")[0] == "FAIL"  # the JDK reads none


def test_a_no_break_space_in_a_pattern_and_ascii_patterns():
    hit = assert_at(poller(updated="yyyy-MM-dd\u00a0HH:mm:ss"), "CE426", "\\u00a0")
    assert hit.fix is not None and hit.fix.edits[0].replacement == " "
    assert not found(poller(updated="yyyy-MM-dd HH:mm:ss"), "CE426")
    assert not found(poller(), "CE426")


def test_an_optional_section_in_a_pattern(jdk):
    """A trial's fresh mistake (helper-54): java.time's `[.SSS]` in updatedDateFormat drew only CE413 (info)."""
    fmt = "yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX"
    hit = assert_at(poller(updated=fmt), "CE427", "[.SSS]", count=2)
    assert hit.severity == "error" and (hit.end_column - hit.column) == len("[.SSS]")
    assert hit.fix is not None and hit.fix.applicability == "unsafe"
    assert [e.replacement for e in hit.fix.edits] == ["", ""]
    for date in ("2024-01-02T10:00:00.123+00:00", "2024-01-02T10:00:00+00:00"):
        assert jdk.request("P", fmt, "GMT", "0", date)[0] == "FAIL", date  # the JDK reads neither
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss'['SSS']'XXX"), "CE427")  # quoted: literal on purpose


def test_double_quotes_in_a_pattern(jdk):
    """A trial's fresh mistake (helper-54): a macro's format in double quotes drew only CE413 (info)."""
    url = "/hubs/crm/x?where=updated_at>'${gmtDate:\"yyyy-MM-dd'T'HH:mm:ss\"}'"
    hit = assert_at(poller(url=url), "CE427", '\\"yyyy')
    assert "`\"2024-01-02...\"`" in hit.message and hit.fix is not None
    assert [e.replacement for e in hit.fix.edits] == ["", ""]
    inner = assert_at(poller(updated='yyyy"-"MM"-"dd'), "CE427", '\\"-')
    assert inner.fix is not None and [e.replacement for e in inner.fix.edits] == ["'"] * 4
    assert jdk.request("P", 'yyyy"-"MM"-"dd', "GMT", "0", "2024-01-02")[0] == "FAIL"
    assert jdk.request("P", "yyyy'-'MM'-'dd", "GMT", "0", "2024-01-02")[0] != "FAIL"
    # a letter between double quotes does not compile: CE401 says so, and asks for single quotes
    assert found(poller(updated='yyyy-MM-dd"T"HH:mm:ss'), "CE401")


def test_a_backslash_before_a_quote_in_a_pattern(jdk):
    """A fresh-mistakes trial (helper-81): `yyyy-MM-dd\\'T\\'HH:mm:ss\\'Z\\'` (a shell's escapes kept) drew only CE413."""
    fmt = "yyyy-MM-dd\\'T\\'HH:mm:ss\\'Z\\'"
    hit = assert_at(poller(updated=fmt), "CE427", "\\\\'T", count=2)
    assert hit.severity == "error" and "no `\\`" in hit.message
    assert hit.fix is not None and hit.fix.applicability == "safe" and [e.replacement for e in hit.fix.edits] == [""] * 4
    assert jdk.request("P", fmt, "GMT", "0", "2024-01-02T10:00:00Z")[0] == "FAIL"
    assert not found(poller(updated="yyyy\\MM\\dd"), "CE427")  # a backslash as a separator: the vendor's own


def test_a_backslash_before_punctuation_or_as_a_unicode_escape_in_a_pattern(jdk):
    """helper-117: `yyyy\\-MM\\-dd` (a regex's escape) and `dd\\u0054HH` (a `T` escaped once too often) drew nothing:
    Java expects the backslash (and reads `u` as the day of the week)."""
    hit = assert_at(poller(updated="yyyy\\-MM\\-dd'T'HH:mm:ssXXX"), "CE427", "\\\\-MM", count=2)
    assert hit.severity == "error" and hit.fix is not None and hit.fix.applicability == "safe"
    assert [e.replacement for e in hit.fix.edits] == ["", ""]
    assert jdk.request("P", "yyyy\\-MM\\-dd", "GMT", "0", "2024-01-02")[0] == "FAIL"
    unicode = assert_at(poller(updated="yyyy-MM-dd\\u0054HH:mm:ssXXX"), "CE427", "\\\\u0054", count=2)
    assert "day of the week" in unicode.message and [e.replacement for e in unicode.fix.edits] == ["'T'"]
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy\\-MM\\-dd}'"
    assert "URL sends" in assert_at(poller(url=url), "CE427", "\\\\-MM").message
    assert not found(poller(updated="yyyy\\MM\\dd"), "CE427")  # before a letter: a separator, maybe the vendor's
    assert not found(poller(updated="yyyy-MM-dd'\\-'HH"), "CE427")  # quoted: a backslash on purpose


@pytest.mark.parametrize("written, meant", [("yyyy-MM-dd\\u0027T\\u0027HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"),
                                           ("yyyy\\u0027-\\u0027MM-dd", "yyyy'-'MM-dd")])
def test_a_quote_escaped_once_too_often_is_a_quote(written, meant):
    """Gson writes `'` as `\\u0027`; escaped once more, Java reads `\\`, `u` and digits.  `dd\\u0027T\\u0027HH` drew
    CE401 with the advice to quote the `T` (which compiles, and prints `\\5027T...`), and `yyyy\\u0027-\\u0027MM`'s
    fix wrote `yyyy''-''MM` (a literal quote each side)."""
    from validator.fixes.apply import apply_fixes

    text = poller(updated=written)
    hits = found(text, "CE427")
    assert len(hits) == 2 and not found(text, "CE401")
    fixed, applied, _ = apply_fixes(text, hits)
    assert applied and json.loads(fixed)["contacts"]["datesConfiguration"]["updatedDateFormat"] == meant
    assert all(f.fix.applicability == "safe" for f in hits)


@pytest.mark.parametrize(("written", "reported"), [("yyyy\u5e74MM\u6708dd\u65e5\u3000HH:mm", False),
                                                  ("yyyy-MM-dd\u3000HH:mm", True), ("yyyy\u5e74MM\u6708dd\u65e5\u00a0HH:mm", True)])
def test_an_ideographic_space_among_full_width_text_is_the_texts_own(written, reported):
    """h211: CE426 came to read every space of Unicode (one list for JSON, URLs and patterns), so Japanese records'
    `yyyy年MM月dd日　HH:mm`, whose space is the ideographic one of the text around it, was an error with a safe fix
    to an ASCII space that would stop every record's date being read."""
    assert bool(found(poller(updated=written), "CE426")) is reported


@pytest.mark.parametrize("char", ["\u200b", "\u00ad", "\u2060", "\ufeff"])
def test_an_invisible_character_in_a_records_pattern(char):
    """helper-117: a zero-width space or a soft hyphen pasted into a records' format drew nothing (Java expects it)."""
    hit = found(poller(updated=f"yyyy-MM-dd'T'HH:mm{char}:ssXXX"), "CE426")
    assert len(hit) == 2 and hit[0].severity == "error" and f"U+{ord(char):04X}" in hit[0].message
    assert [e.replacement for e in hit[0].fix.edits] == [""]
    url = f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:yyyy-MM-dd{char}HH}}'"
    in_url = {f.rule for f in check(poller(url=url)) if f.line == 3}
    # (an invisible character in a URL is the URL's, CE612's: one finding for one character)
    assert "CE426" not in in_url, in_url


def test_utc_written_another_way_at_the_end_is_the_same_instant():
    """A trial (helper-54): Salesforce sends `'Z'` and its records hold `+0000` (read with `Z`): the same UTC
    instant written two ways drew CE413 on three correct files and 45 corpus entries."""
    url = "/hubs/crm/x?where=LastModifiedDate>${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}"
    assert not found(poller(url=url, updated="yyyy-MM-dd'T'HH:mm:ss.SSSZ"), "CE413")
    assert not found(poller(url=url.replace(".SSS'Z'", "XXX"), updated="yyyy-MM-dd'T'HH:mm:ssZ"), "CE413")
    assert found(poller(url=url, updated="yyyy-MM-dd'T'HH:mm:ssZ"), "CE413")  # the milliseconds differ
    zoned = "/hubs/crm/x?where=d>${dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ssXXX}"
    assert found(poller(url=zoned, updated="yyyy-MM-dd'T'HH:mm:ssZ", zone="America/Denver"), "CE413")


def test_the_day_between_the_year_and_the_month(jdk):
    """A trial's fresh mistake (helper-59): `yyyy-dd-MM` drew only CE413 (info); the JDK reads 2024-01-05 as 1 May."""
    fmt = "yyyy-dd-MM'T'HH:mm:ssXXX"
    hit = assert_at(poller(updated=fmt, created=fmt), "CE428", "dd-MM'T", count=2)
    assert hit.severity == "warning" and hit.end_column - hit.column == len("dd-MM")
    assert hit.fix is not None and hit.fix.applicability == "unsafe"
    assert [e.replacement for e in hit.fix.edits] == ["MM", "dd"]
    url = "/hubs/crm/x?where=updated_at>'${gmtDate:yyyy/dd/MM HH:mm}'"
    assert found(poller(url=url), "CE428")
    assert jdk.request("P", fmt, "GMT", "0", "2024-01-05T00:00:00+00:00")[1].startswith("1714521600000")
    for fine in ("yyyy-MM-dd'T'HH:mm:ssXXX", "dd-MM-yyyy HH:mm", "yyyy-DDD", "MM/dd/yyyy"):
        assert not found(poller(updated=fine, created=fine), "CE428"), fine


def test_a_month_by_name_after_the_day_is_no_swap():
    """A review (helper-63): `yyyy dd MMMM` names its month: the day and the month cannot be taken for each other."""
    assert not found(poller(updated="yyyy dd MMMM", created="yyyy dd MMMM"), "CE428")
    assert found(poller(updated="yyyy dd MM", created="yyyy dd MM"), "CE428")


def test_a_zone_field_and_a_literal_z_write_the_zone_twice(jdk):
    """A fresh trial (helper-66): `...SSSXXX'Z'` drew only CE413 (info); the JDK prints `.000ZZ` at UTC."""
    url = "/hubs/crm/x?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSSXXX'Z'}'"
    hit = assert_at(poller(url=url), "CE429", "'Z'}")
    assert hit.severity == "error" and "URL sends" in hit.message and hit.fix is not None
    assert hit.fix.applicability == "unsafe" and [e.replacement for e in hit.fix.edits] == [""]
    assert jdk.format("yyyy-MM-dd'T'HH:mm:ss.SSSXXX'Z'", "GMT", 0) == "1970-01-01T00:00:00.000ZZ"
    read = assert_at(poller(updated="yyyy-MM-dd'T'HH:mm:ssXXX'UTC'"), "CE429", "'UTC'")
    assert "record's date" in read.message
    for fine in ("yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss z"):
        assert not found(poller(updated=fine, created=fine), "CE429"), fine
    # a fresh trial (helper-125): `'Z'Z` drew only CE413 (info); Java reads no record's `...Z` with it
    fmt = "yyyy-MM-dd'T'HH:mm:ss'Z'Z"
    hit = assert_at(poller(updated=fmt, created="yyyy-MM-dd'T'HH:mm:ss'Z'"), "CE429", "'Z'Z")
    assert "`Z+0000`" in hit.message, hit.message
    assert jdk.request("P", fmt, "GMT", "0", "2024-01-05T10:00:00Z")[0] != "OK"


def test_a_url_macro_given_as_a_records_date_format():
    """A fresh trial (helper-66): `"updatedDateFormat": "${gmtDate:...}"` was told to quote the letter `g`."""
    fmt = "${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"
    (hit,) = found(poller(updated=fmt, created="yyyy-MM-dd'T'HH:mm:ss'Z'"), "CE401")
    assert "is a URL macro" in hit.message and hit.help == "write the pattern alone: `yyyy-MM-dd'T'HH:mm:ss'Z'`"
    assert "is a URL macro" in found(poller(updated="${dateTimeZone:PST:yyyy-MM-dd}"), "CE401")[0].message
    # a review (helper-69): other macros, and one quoted as in the URL
    for fmt, help in (("${epoch}", "`milliseconds` for epoch milliseconds"), ("${epoch:s}", "`milliseconds` for "
                      "epoch milliseconds"), ("'${gmtDate:yyyy-MM-dd}'", "write the pattern alone: `yyyy-MM-dd`"),
                      ("${date}", "the field's SimpleDateFormat pattern, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`")):
        (hit,) = found(poller(updated=fmt, created="yyyy-MM-dd"), "CE401")
        assert "is a URL macro" in hit.message and hit.help == help, (fmt, hit)


def test_whitespace_at_the_edge_of_a_records_date_format(jdk):
    """A fresh trial (helper-66): `"yyyy-MM-dd HH:mm:ss "` was caught only with element docs (CE912); the JDK does
    not read `2024-01-05 10:00:00` with it."""
    fmt = "yyyy-MM-dd HH:mm:ss "
    hit = assert_at(poller(updated=fmt, created=fmt.strip()), "CE430", 'ss "', offset=2)
    assert hit.fix is not None and hit.fix.applicability == "safe" and hit.severity == "warning"
    assert jdk.request("P", fmt, "GMT", "0", "2024-01-05 10:00:00")[0] != "OK"
    assert jdk.request("P", fmt.strip(), "GMT", "0", "2024-01-05 10:00:00")[0] == "OK"
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd HH:mm:ss }'"  # a macro's: CE633, not CE430
    assert not found(poller(url=url, updated=fmt.strip()), "CE430")


@pytest.mark.parametrize("fmt", ["EEE MMM dd yyyy HH:mm:ss 'GMT'Z", "yyyy-MM-dd HH:mm:ss Z 'UTC'",
                                 "yyyy-MM-dd'T'HH:mm:ssxxx'Z'"])
def test_a_literal_beside_an_offset_that_is_not_x_is_a_format_of_its_own(fmt):
    """A review (helper-69): CE429 fired on JavaScript's `GMT+0100` and Go's `+0000 UTC` forms (only `X` writes `Z`), and
    CE410 took `'GMT'Z` in Paris for wall time labelled as UTC, though `Z` writes the offset."""
    url = "/hubs/crm/x?where=updated_at>'${dateTimeZone:Europe/Paris:" + fmt + "}'"
    text = poller(url=url, updated=fmt, zone="Europe/Paris")
    assert not found(text, "CE429") and not found(text, "CE410")


@pytest.mark.parametrize(("condition", "reported"), [
    ("updated_at>'${epoch:s}000'", False),  # seconds written out as milliseconds: what the field holds
    ("updated_at>'${epoch}000'", True),  # milliseconds written out again: microseconds
    ("updated_at>'${epoch:s}'", True),
    ("updated_at>'${epoch}'", False),
    # helper-94: these were lost when only `000` was read
    ("updated_at>%27${epoch:s}'", True),  # quoted with an encoded quote
    ("updated_at>'${epoch:s}000000'", True),  # microseconds
    ("updated_at>'${epoch:s} '", True),
    ("updated_at>'${epoch}123'", False),  # more than zeros: not judged
    # helper-101: unquoted, `${epoch}000` was no CEQL value at all, and a fraction kept the seconds unseen
    ("updated_at>${epoch}000", True),
    ("updated_at>${epoch:s}000", False),
    ("updated_at>${epoch:s}.000", True),
    ("updated_at>'${epoch:s}.000' and status=1", True),
    ("updated_at>${epoch}.000", False),
])
def test_zeros_written_after_an_epoch_macro_count_in_its_unit(condition, reported):
    """helper-91: `'${epoch:s}000'` against a `milliseconds` field was CE414 ("epoch seconds"), whose help then led to
    microseconds; `'${epoch}000'` sends microseconds and was not reported."""
    hits = found(poller(url=f"/hubs/marketing/contacts?where={condition}", updated="milliseconds"), "CE414")
    assert bool(hits) is reported, hits
    if reported and "000" in condition and "." not in condition:  # (a fraction: the macro alone is quoted)
        written = condition[condition.index("${"):condition.rindex("0") + 1]
        assert f"`{written}`" in hits[0].message and "microseconds" in hits[0].message


@pytest.mark.parametrize(("condition", "written"), [
    ("updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}Z'", "Z"),
    ("updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}+00:00'", "+00:00"),
    ("updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssZ}+0000'", "+0000"),
])
def test_a_zone_written_after_a_macro_that_writes_one_is_the_zone_twice(condition, written):
    """helper-91: `'${gmtDate:...'Z'}Z'` sends `...ZZ`, `'${gmtDate:...XXX}+00:00'` sends `...Z+00:00`."""
    text = poller(url=f"/hubs/crm/contacts?where={condition}")
    (hit,) = found(text, "CE429")
    assert (hit.line, hit.column) == where(text, "}" + written + "'", offset=1) and hit.fix is not None
    assert hit.fix.applicability == "safe"
    assert not found(poller(url=f"/hubs/crm/contacts?where={condition.replace(written + chr(39), chr(39))}"), "CE429")


def test_an_offset_literal_beside_an_offset_field_is_the_zone_twice():
    text = poller(updated="yyyy-MM-dd'T'HH:mm:ssZ'+0000'")
    assert {hit.rule for hit in found(text, "CE429")} == {"CE429"}
    assert not found(poller(updated="yyyy-MM-dd'T'HH:mm:ss'+0000'"), "CE429")  # the literal alone: GMT's own
    assert not found(poller(updated="EEE MMM dd HH:mm:ss 'GMT'Z yyyy"), "CE429")  # JavaScript's Date, as it is


@pytest.mark.parametrize("fmt", ["yyyy-ww", "YYYY-ww"])
def test_a_records_format_naming_a_week_is_said_to_date_each_record_its_week_s_first_day(fmt):
    """helper-95: CE417 said `yyyy-ww` reads records "with the month and day of 1 January 1970"; Java reads `2024-23`
    as 2 June 2024, the week's first day (up to six days early: still a mistake, but not that one)."""
    (hit,) = found(poller(updated=fmt, created="yyyy-MM-dd'T'HH:mm:ssXXX"), "CE417")
    assert "names a week" in hit.message and "1970" not in hit.message


@pytest.mark.parametrize("fmt", ["yyyy-MM-dd'T'HH:mm:ss''", "yyyy-MM-dd'T'HH:mm:ss''Z''"])
def test_a_doubled_quote_in_a_records_format_is_a_quote_each_date_must_hold(fmt):
    """helper-95: Java fails on every record (`expected "'"`), and check said nothing."""
    hits = found(poller(updated=fmt, created="yyyy-MM-dd'T'HH:mm:ssXXX"), "CE427")
    assert hits and all("`''`" in hit.message for hit in hits)
    assert not found(poller(updated="h 'o''clock' a, yyyy-MM-dd", created="yyyy-MM-dd'T'HH:mm:ssXXX"), "CE427")


@pytest.mark.parametrize(("macro", "unit", "reported"), [("${epoch}", "s", True), ("${epoch:s}", "s", False),
                                                         ("${epoch:ms}", "ms", False), ("${epoch:s}", "ms", True),
                                                         ("${epoch:us}", "s", True)])
def test_an_epoch_macro_against_a_timestamp_field_in_another_unit_is_ce414(macro, unit, reported):
    """helper-110: `${epoch}` (milliseconds) against a field read as `timestamp` (epoch seconds, the assumption simulate
    makes) drew only CE403; the unit the field holds is the `timestamp-unit` option's."""
    from validator.options import Options

    text = poller(url=f"/hubs/payment/invoices?where=updated_at>{macro}", updated="timestamp")
    found = [f for f in check(text, options=Options(timestamp_unit=unit)) if f.rule == "CE414"]
    assert bool(found) is reported
    if found:
        assert "`timestamp-unit` option" in found[0].message and f"epoch:{unit}" in (found[0].help or "")


def test_dot_net_fraction_fff_after_the_seconds(jdk):
    """A fresh trial (helper-125): `ss.FFF` passed; Java's `F` is the day of the week in the month, so the URL sent
    `.001` on 5 January 2024 and a record's `.123` was lost."""
    url = "/hubs/finance/customers?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss.FFF'Z'}'"
    fmt = "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'"
    printed = assert_at(poller(url=url), "CE405", "FFF'Z'}")
    read = assert_at(poller(updated=fmt, created=fmt), "CE405", "FFF'Z'\"")
    assert printed.severity == read.severity == "error"
    assert "`2024-01-05T10:00:07.001Z`" in printed.message
    assert [e.replacement for e in printed.fix.edits] == ["SSS"] and read.fix.applicability == "unsafe"
    assert jdk.format(fmt, "GMT", 1704448807123) == "2024-01-05T10:00:07.001Z"
    assert not found(poller(updated="EEE, d MMM yyyy F", created="EEE, d MMM yyyy F"), "CE405")  # F alone: its own



@pytest.mark.parametrize(("fmt", "rule", "at"), [
    ("yyyy-MM-ddTHH:mm:ss.fffK", "CE401", "T"),  # .NET's: a pattern with mistakes, pointed at the first
    ("ISO8601", "CE402", "ISO8601"), ("RFC 3339", "CE402", "RFC 3339"), ("RFC1123", "CE402", "RFC1123"),
])
def test_a_dot_net_pattern_is_no_word_and_a_standard_s_name_is_no_pattern(fmt, rule, at):
    """A fresh trial (helper-125): .NET's `yyyy-MM-ddTHH:mm:ss.fffK` was "a word" over the whole value, and `ISO8601`
    was told to quote its letter `I`."""
    (hit,) = found(poller(updated=fmt, created=fmt), rule)[:1]
    assert hit.rule == rule
    if rule == "CE402":
        assert "a standard's name" in hit.message and ("`yyyy-MM-dd'T'HH:mm:ssXXX`" in hit.help or "EEE" in hit.help)
    else:
        assert "Illegal pattern character 'T'" in hit.message


@pytest.mark.parametrize(("zone", "after", "code"), [("Europe/Paris", "Z", "CE410"), ("America/Denver", "UTC", "CE410"),
                                                     ("America/New_York", "-05:00", "CE411"),
                                                     ("Europe/Paris", "+00:00", "CE411")])
def test_a_zone_written_after_a_local_time_macro_is_judged_as_inside_it(jdk, zone, after, code):
    """helper-128: `'${dateTimeZone:Europe/Paris:...ss}Z'` passed, though CE410 reports the same `Z` quoted inside the
    format: the vendor is sent Paris wall time labelled as UTC (two hours late in summer)."""
    url = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:" + zone + ":yyyy-MM-dd'T'HH:mm:ss}" + after + "'"
    hit = assert_at(poller(url=url), code, after + "'")
    assert hit.severity == "error" and "written after the macro" in hit.message
    printed = jdk.request("F", "yyyy-MM-dd'T'HH:mm:ss", zone, "1719828000000")[1]  # 2024-07-01T10:00:00Z
    assert not printed.endswith("10:00:00")  # the wall time the label calls UTC (or New York's summer -04:00)
    fine = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}" + after + "'"
    assert not found(poller(url=fine), "CE410")  # (GMT labelled as UTC is the truth)


@pytest.mark.parametrize("fmt", ["yyyy-MM-dd HH:mm:kk", "yyyy-MM-dd'T'HH:mm:ss hh", "yyyy-MMM-dd LLL HH:mm:ss"])
def test_one_field_in_two_of_its_letters_is_a_field_written_twice(jdk, fmt):
    """helper-128: `HH:mm:kk` (meant `ss`) passed; `H`, `k`, `K` and `h` are all the hour, and Java never reads
    `10:30:45` with it as 10:30:45 (the later hour wins)."""
    (hit,) = found(poller(updated=fmt, created=fmt), "CE416")[:1]
    assert "written earlier as" in hit.message and hit.severity == "error"
    if fmt.endswith("kk"):
        answer = jdk.request("P", fmt, "GMT", "0", "2024-01-05 10:30:45")
        assert answer[0] != "OK" or answer[1] != str(1704450645000), answer  # never 10:30:45
    assert not found(poller(updated="yyyy-MM-dd hh:mm:ss a", created="yyyy-MM-dd hh:mm:ss a"), "CE416")


@pytest.mark.parametrize(("fmt", "severity", "read"), [
    ("yyyy-MM-dd'T'HH:mm:ss.'Z'", "error", ()), ("yyyy-MM-dd'T'HH:mm:ss.XXX", "error", ()),
    ("yyyy-MM-dd HH:mm:ss.", "warning", ("2024-01-05 10:30:45.123",))])
def test_a_decimal_point_without_a_fraction_after_the_seconds(jdk, fmt, severity, read):
    """helper-128: `ss.'Z'` passed; Java reads no date with it, with milliseconds or without (at the pattern's end, a
    fraction is read past and its milliseconds lost)."""
    hit = assert_at(poller(updated=fmt, created=fmt), "CE405", "ss.", offset=2)
    assert hit.severity == severity and "no fraction" in hit.message
    for text in ("2024-01-05T10:30:45Z", "2024-01-05T10:30:45.123Z", "2024-01-05 10:30:45", "2024-01-05 10:30:45.123"):
        assert (jdk.request("P", fmt, "GMT", "0", text)[0] == "OK") == (text in read), (fmt, text)
    fine = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
    assert not found(poller(updated=fine, created=fine), "CE405")
    assert not found(poller(updated="yyyy.MM.dd HH:mm:ss", created="yyyy.MM.dd HH:mm:ss"), "CE405")


@pytest.mark.parametrize(("mask", "code"), [("yyyy-MM-ddTHH:mm:ss", "CE401"), ("YYYY-MM-dd'T'HH:mm:ss'Z'", "CE407"),
                                            ("yyyy-MM-dd'T'HH:mm:ss'Z'", None), ("milliseconds", None),
                                            ("yyyy-MM-dd'T'HH:mm:ss.S'Z'", None),  # (an element's own default)
                                            ("key", None),  # (in the platform's answers)
                                            ("${BULK_DATE_MASK}", None),
                                            # helper-169: `XXXX` was a masked value (CE702), and CE401 was not said
                                            ("yyyy-MM-dd'T'HH:mm:ssXXXX", "CE401"),
                                            ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", None)])
def test_the_bulk_query_date_mask_is_a_pattern_java_compiles(mask, code):
    """helper-128: `"bulk.query.date_mask": "yyyy-MM-ddTHH:mm:ss"` passed; Java refuses the pattern."""
    body = json.dumps({"element": {"key": "sageone"}, "name": "x", "configuration": {"bulk.query.date_mask": mask}})
    codes = {f.rule for f in check(body)} - {"CE105"}
    assert codes == ({code} if code else set()), codes


def test_a_zone_after_a_local_macro_at_the_url_s_end_and_an_hour_written_twice_in_a_macro():
    """A review (helper-130): `>${dateTimeZone:Europe/Paris:...ss}Z` at the URL's end (no closing quote) passed; and
    CE418's fix of `kk` wrote `HH:mm:HH` where CE416 reports the hour written twice."""
    url = "/hubs/crm/contacts?where=updated_at>${dateTimeZone:Europe/Paris:yyyy-MM-dd'T'HH:mm:ss}Z"
    assert found(poller(url=url), "CE410")
    twice = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd HH:mm:kk}'"
    assert found(poller(url=twice), "CE416") and not found(poller(url=twice), "CE418")


def test_a_text_format_beside_the_same_field_read_as_milliseconds_is_the_slip():
    """helper-131: LinkedIn's `timestamp` compared with `${milliseconds}`, read as `milliseconds` by the created side
    and as a text date by the updated one: CE425's fix rewrote the right macro into a date (then CE917, CE912)."""
    url = "/hubs/social/companies/{id}/updates?where=timestamp>'${milliseconds}'"
    text = poller(url=url, updated="yyyy-MM-dd'T'HH:mm:ss'Z'", created="milliseconds", field="timestamp")
    (hit,) = found(text, "CE425")
    assert hit.fix is None and '"updatedDateFormat": "milliseconds"' in (hit.help or ""), hit
    other = poller(url="/hubs/crm/contacts?where=updated_at>'${epoch}'")  # (no side reads it as a number: the macro)
    assert found(other, "CE425")[0].fix is not None


@pytest.mark.parametrize(("wrong", "right", "code"), [
    ("yyyy-MM-DD'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ssXXX", "CE408"),  # moment's `DD`
    ("YYYY-MM-DD'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ssXXX", "CE408"),  # and its `YYYY` (CE407's, mended already)
    ("yyyy-mm-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ssXXX", "CE415"),
    ("yyyy-MM-dd'T'HH:MM:ssXXX", "yyyy-MM-dd'T'HH:mm:ssXXX", "CE415"),
    ("yyyy-MM-dd'T'HH:mm:ss.sssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "CE416"),
])
@pytest.mark.parametrize("stringified", [False, True])
@pytest.mark.parametrize("place", ["macro", "records"])
def test_a_field_misread_by_its_letter_is_mended_in_place(wrong, right, code, stringified, place):
    """helper-185: `DD`, `mm` for the month, `MM` for the minutes and `sss` after the dot (an error each, with one
    letter meant) had no fix, while `YYYY` beside them had a safe one."""
    from validator.fix_runner import fix_file

    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:%s}'" % (wrong if place == "macro" else right)
    text = poller(url=url, updated=wrong if place == "records" else right)
    if stringified:
        text = json.dumps({"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": text}})
    hits = found(text, code)
    assert hits and all(f.fix is not None and f.fix.applicability == "safe" for f in hits), hits
    outcome = fix_file(text.encode(), shown="x.json", kind="auto", options=Options(), keep=lambda f: f, unsafe=False)
    assert outcome.data is not None and outcome.data.decode() == text.replace(wrong, right)


def test_a_backslash_before_a_lone_zone_letter_is_no_escape(jdk):
    """h194: `yyyy-MM-dd'T'HH:mm:ss\\Z` (UTC's `Z` escaped as a regex or PHP would) passed: SimpleDateFormat prints and
    expects the `\\` and reads `Z` as the offset, so no record `...T10:00:00Z` is read and the URL sends `\\+0000`."""
    fmt = "yyyy-MM-dd'T'HH:mm:ss\\Z"
    hit = assert_at(poller(updated=fmt), "CE427", "\\\\Z", count=2)
    assert hit.severity == "error" and "pattern letter" in hit.message and "`'Z'`" in (hit.help or "")
    assert hit.fix is not None and hit.fix.applicability == "unsafe" and [e.replacement for e in hit.fix.edits] == ["'Z'"]
    assert jdk.request("P", fmt, "GMT", "0", "2024-01-02T10:00:00Z")[0] == "FAIL"
    assert jdk.request("P", "yyyy-MM-dd'T'HH:mm:ss'Z'", "GMT", "0", "2024-01-02T10:00:00Z")[0] != "FAIL"
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss\\Z}'"
    assert "URL sends" in assert_at(poller(url=url), "CE427", "\\\\Z").message
    assert not found(poller(updated="yyyy\\MM\\dd HH:mm:ss Z"), "CE427")  # a separator before a field of two letters


@pytest.mark.parametrize(("fmt", "token", "printed"), [("yyyy-MM-d", "d", "2024-01-5"),
                                                       ("yyyy-M-dd HH:mm:ss", "M", "2024-1-05 09:04:05"),
                                                       ("yyyy/MM/d", "d", "2024/01/5")])
def test_a_day_or_month_unpadded_beside_a_two_digit_one_in_a_year_first_date(fmt, token, printed):
    """h194: `${gmtDate:yyyy-MM-d}` sent `2024-01-5` and drew nothing: in ISO 8601's order, one field of two letters and
    one of one is a slip (compared as text, `2024-01-5` sorts after `2024-01-10`); `yyyy-M-d` and `M/d/yyyy` stay
    formats of their own (test_formats_whose_numbers_are_unpadded_on_purpose)."""
    from validator.dates.pattern import compile_pattern

    assert compile_pattern(fmt).format(1704445445000, "GMT") == printed
    (hit,) = found(poller(url=f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{fmt}}}'"), "CE431")
    assert hit.message.split("`")[1] == token and hit.fix is not None and hit.fix.applicability == "unsafe"
    assert not found(poller(updated=fmt), "CE431")


@pytest.mark.parametrize("reference", ["${DATE_FORMAT}", "$(DateFormat)", "__DATE_FORMAT__", "#{DateFormat}#",
                                       "{{ .Values.dateFormat }}", "${{ vars.DATE_FORMAT }}", "%DATE_FORMAT%"])
def test_a_deployment_reference_as_the_records_format_is_not_read_as_a_pattern(reference):
    """helper-215: a records' format left to the deployment (`"updatedDateFormat": "${DATE_FORMAT}"`) was read as a
    SimpleDateFormat pattern: CE417 ("the pattern has no date"), or CE401 for Helm's `{{ .Values.x }}` (`V`), errors on
    a body the deployment completes; the configuration's date masks already leave such a value alone."""
    text = poller(updated=reference)
    assert not [f for f in check(text) if f.rule.startswith("CE4")]


@pytest.mark.parametrize("fmt", ["epochMillis", "epoch_ms", "timestamp_ms", "EPOCH", "UnixTime", "unix-timestamp"])
def test_a_name_for_epoch_time_as_the_format_points_at_milliseconds(fmt):
    """helper-215: `epochMillis` was CE401 "Illegal pattern character 'e'" with the help "the day name is `EEE` in
    SimpleDateFormat", `timestamp_ms` "quote literal letters: `'t'`", where `millis` and `epoch` are a word whose help
    is the `milliseconds` format."""
    (hit,) = [f for f in check(poller(updated=fmt, created="milliseconds")) if f.rule.startswith("CE4")]
    assert hit.rule == "CE402" and "is a word" in hit.message
    assert hit.help.startswith("`milliseconds` if the field holds epoch milliseconds")


def test_php_microseconds_u_after_the_seconds(jdk):
    """A fresh trial (h223): PHP's `u` (microseconds) as `ss.uuuuuu` was 'a decimal point after the seconds and no
    fraction after it', with 'no record's date is read, with milliseconds or without' and the help 'remove the `.`';
    Java's `u` is the day number of the week: it reads a record's `.123456` (the date kept, its milliseconds lost)
    and prints `.000005` on a Friday."""
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.uuuuuu'Z'}'"
    fmt = "yyyy-MM-dd'T'HH:mm:ss.uuuuuu'Z'"
    printed = assert_at(poller(url=url), "CE405", "uuuuuu'Z'}")
    read = assert_at(poller(updated=fmt, created=fmt), "CE405", "uuuuuu'Z'\"")
    assert "day number of the week" in printed.message and "`2024-01-05T10:00:07.000005Z`" in printed.message
    assert "no fraction" not in read.message and "milliseconds are lost" in read.message
    assert [e.replacement for e in printed.fix.edits] == ["SSS"] and read.fix is None
    assert jdk.format(fmt, "GMT", 1704448807123) == "2024-01-05T10:00:07.000005Z"
    assert jdk.request("P", fmt, "GMT", "1", "2024-01-05T10:00:07.123456Z")[:2] == ["OK", "1704448807000"]


def test_the_day_run_into_the_hour(jdk):
    """A fresh trial (helper-223): `yyyy-MM-ddHH:mm:ss` (the `'T'` dropped) passed; the macro sends `2024-07-0510:00:00`
    and the JDK reads no record's `2024-07-05T10:00:00` with it."""
    fmt = "yyyy-MM-ddHH:mm:ssXXX"
    hit = assert_at(poller(updated=fmt, created=fmt), "CE432", "ddHH:", count=2)
    assert hit.severity == "warning" and hit.end_column - hit.column == len("ddHH")
    assert "dd'T'HH" in hit.help
    assert jdk.request("P", fmt, "GMT", "1", "2024-07-05T10:00:00+00:00")[0] == "FAIL"
    url = "/hubs/crm/x?where=updated_at>'${gmtDate:yyyy-MM-ddHH:mm:ss}'"
    assert "0510" in assert_at(poller(url=url), "CE432", "ddHH:").message
    for fine in ("yyyyMMddHHmmss", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm",
                 "yyyyMMdd'T'HHmmss", "yyyy-MM-dd"):
        assert not found(poller(updated=fine, created=fine), "CE432"), fine


def test_the_day_run_into_the_hour_is_told_as_the_jdk_reads_and_prints_it(jdk):
    """A review (h228): CE432 said Java reads no record's date with anything between the day and the hour, but the
    JDK skips the blank before the hour's number (`2024-07-05 10:00:00` is read), and said the macro sends `0510`
    for `dHH`, which prints `510`."""
    fmt = "yyyy-MM-ddHH:mm:ssXXX"
    assert jdk.request("P", fmt, "GMT", "1", "2024-07-05 10:00:00+00:00")[:2] == ["OK", "1720173600000"]
    read = assert_at(poller(updated=fmt, created=fmt), "CE432", "ddHH:", count=2)
    assert "or anything" not in read.message and "skips a blank" in read.message, read.message
    printed_fmt = "yyyy-MM-dHH:mm"
    assert jdk.format(printed_fmt, "GMT", 1720173600000) == "2024-07-510:00"
    url = "/hubs/crm/x?where=updated_at>'${gmtDate:" + printed_fmt + "}'"
    message = assert_at(poller(url=url), "CE432", "dHH:").message
    assert "`510`" in message and "0510" not in message, message
