"""Poll simulation (validator.simulate): events, parse failures, tolerance and last-poll edges, zones, ids, windows."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from validator.simulate import (
    RecordsError,
    RecordSet,
    Settings,
    field_value,
    load_records,
    read_date,
    simulate,
    simulate_entry,
)

ISO = "yyyy-MM-dd'T'HH:mm:ss'Z'"
SINCE = datetime(2024, 1, 5, 10, 0, tzinfo=UTC)
SINCE_MS = 1704448800000
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def entry(fmt: str = ISO, *, zone: str | None = None, created_fmt: str | None = None, id_field: str = "id",
          **extra: object) -> dict:
    dates: dict[str, object] = {"updatedDateField": "updated", "updatedDateFormat": fmt,
                                "createdDateField": "created", "createdDateFormat": created_fmt or fmt}
    if zone:
        dates["updatedDateTimezone"] = zone
        dates["createdDateTimezone"] = zone
    return {"url": "/hubs/crm/contacts?where=updated>'${gmtDate:" + ISO + "}'", "idField": id_field,
            "datesConfiguration": dates, **extra}


DEFAULT = Settings(now=NOW)


def run(records: list, *, settings: Settings = DEFAULT, polls: int = 1, **kwargs: object):
    return simulate_entry(entry(**kwargs), records, SINCE_MS, name="contacts", settings=settings, polls=polls)


def rec(id_: object, updated: str, created: str = "2020-01-01T00:00:00Z") -> dict:
    return {"id": id_, "updated": updated, "created": created}


def one(record: dict, **kwargs: object):
    result = run([record], **kwargs)
    assert result.problem is None
    return result.records[0]


# --------------------------------------------------------------------------- events


def test_each_event_kind() -> None:
    result = run([
        {"id": 1, "updated": "2024-01-05T10:30:00Z", "created": "2024-01-05T10:30:00Z"},
        {"id": 2, "updated": "2024-01-05T10:30:00Z", "created": "2023-12-01T08:00:00Z"},
        {"id": 3, "updated": "2024-01-05T09:59:59Z", "created": "2023-12-01T08:00:00Z"},
        {"id": 4, "updated": "2024-01-05 10:30:00", "created": "2023-12-01T08:00:00Z"},
    ])
    assert [r.event for r in result.records] == ["created", "updated", "ignored", "error"]
    assert [r.id for r in result.records] == [1, 2, 3, 4]
    assert result.records[0].updated.instant_ms == SINCE_MS + 30 * 60_000
    assert result.records[3].problem == ("updated '2024-01-05 10:30:00' does not match \"yyyy-MM-dd'T'HH:mm:ss'Z'\": "
                                         "expected 'T' at column 11, found ' '")
    assert result.records[3].updated.column == 11
    assert (result.count("created"), result.count("updated"), result.count("ignored"), result.count("error")) == (
        1, 1, 1, 1)


def test_an_ignored_record_does_not_need_an_id_but_a_taken_one_does() -> None:
    assert one({"updated": "2024-01-05T09:00:00Z", "created": "2024-01-05T09:00:00Z"}).event == "ignored"
    taken = one({"updated": "2024-01-05T11:00:00Z", "created": "2024-01-05T09:00:00Z"})
    assert taken.event == "error"
    assert taken.problem == "idField 'id': no field 'id' in the record (it has created, updated)"
    for bad, shown in ((None, "null"), ("", "empty"), ({"a": 1}, "an object")):
        record = one({"id": bad, "updated": "2024-01-05T11:00:00Z", "created": "2024-01-05T09:00:00Z"})
        assert record.event == "error" and f"is {shown}" in record.problem


def test_created_after_updated_is_updated_with_a_note() -> None:
    record = one({"id": 1, "updated": "2024-01-05T11:00:00Z", "created": "2024-01-06T11:00:00Z"})
    assert record.event == "updated"
    assert "created after its updated date" in record.notes[0]


def test_created_date_that_cannot_be_read_is_an_error_only_when_taken() -> None:
    taken = one({"id": 1, "updated": "2024-01-05T11:00:00Z", "created": "yesterday"})
    assert taken.event == "error"
    assert taken.problem.startswith("created 'yesterday' does not match")
    assert taken.created.column == 1
    assert one({"id": 1, "updated": "2024-01-05T09:00:00Z", "created": "yesterday"}).event == "ignored"


def test_no_created_date_configured_makes_every_taken_record_updated() -> None:
    poller = entry()
    del poller["datesConfiguration"]["createdDateField"]
    result = simulate_entry(poller, [{"id": 1, "updated": "2024-01-05T11:00:00Z"}], SINCE_MS)
    assert result.records[0].event == "updated"
    assert any("no createdDateField" in note for note in result.notes)


def test_entry_without_updated_date_or_id_field_cannot_be_simulated() -> None:
    result = simulate_entry({"url": "/x", "idField": "id"}, [{"id": 1}], SINCE_MS)
    assert result.problem is not None and "updatedDateField" in result.problem and result.records == ()
    poller = entry()
    del poller["idField"]
    assert "no idField" in (simulate_entry(poller, [{"id": 1}], SINCE_MS).problem or "")


def test_filter_by_updated_date_false_takes_old_records() -> None:
    for flag in (False, "false"):
        result = run([{"id": 1, "updated": "2020-01-05T11:00:00Z", "created": "2020-01-01T11:00:00Z"}],
                     filterByUpdatedDate=flag)
        assert result.records[0].event == "updated"
        assert "filterByUpdatedDate is false" in result.notes[0]


# --------------------------------------------------------------------------- parse failures


@pytest.mark.parametrize(("fmt", "value", "column", "words"), [
    (ISO, "2024-01-05 10:30:00", 11, "expected 'T'"),           # a literal that does not match
    (ISO, "2024-xx-05T10:30:00Z", 6, "a digit for 'MM'"),                # a number expected
    ("dd MMM yyyy HH:mm", "05 Foo 2024 10:30", 4, "month"),      # a name expected
    (ISO, "", 1, ""),                                           # empty text
    ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2024-01-05T10:30:00.000+0530", 27, "offset"),  # XXX needs +HH:MM
])
def test_parse_failures_say_where_with_javas_column(fmt: str, value: str, column: int, words: str) -> None:
    record = one({"id": 1, "updated": value, "created": value}, fmt=fmt)
    assert record.event == "error"
    assert record.updated.column == column
    assert f"column {column}" in record.problem
    assert words in record.problem


def test_strict_dates_reject_what_lenient_rolls_over() -> None:
    value = "2024-13-45T25:61:61Z"
    lenient = one({"id": 1, "updated": value, "created": value})
    assert lenient.event == "created"
    assert lenient.updated.instant_ms == 1739584921000  # 2025-02-15T02:02:01Z, as the JDK says
    strict = one({"id": 1, "updated": value, "created": value}, settings=Settings(lenient=False, now=NOW))
    assert strict.event == "error" and "strict" in strict.problem


@pytest.mark.parametrize(("fmt", "value", "says"), [
    ("yyyy-MM-dd HH:mm:ss.SSSSSS", "2024-01-05 10:00:00.987654", "millisecond 987654 is out of range"),  # 16 min late
    ("dd/MM/yyyy HH:mm", "01/25/2024 10:00", "month 25 is out of range"),  # day and month swapped: 2026-01-01
    ("yyyy-MM-dd HH:mm:ss", "2024-01-05 24:00:00", "hour of day 24 is out of range"),
])
def test_a_lenient_roll_over_is_pointed_out(fmt: str, value: str, says: str) -> None:
    """Java reads these without a word, moving the date (helper-160): the microseconds `SSSSSS` reads as milliseconds
    without an offset to compare with, a US date read day first."""
    date = read_date(value, field_name="updated", date_format=fmt, zone="GMT", settings=DEFAULT)
    assert date.instant_ms is not None and date.note is not None and says in date.note, date.note
    assert "--strict-dates" in date.note
    strict = read_date(value, field_name="updated", date_format=fmt, zone="GMT", settings=Settings(lenient=False))
    assert strict.instant_ms is None
    for fine, pattern in (("2024-01-05 10:00:00.987", "yyyy-MM-dd HH:mm:ss.SSS"),  # read as written: no note
                          ("2024-11-03 01:30:00", "yyyy-MM-dd HH:mm:ss")):  # (an hour DST repeats: no roll-over)
        assert read_date(fine, field_name="u", date_format=pattern, zone="America/New_York",
                         settings=DEFAULT).note is None


def test_a_weekday_the_date_contradicts_moves_nothing_and_gets_no_roll_over_note() -> None:
    """Java reads `Mon, 05 Jan 2024` (a Friday) as 5 January: the day of the month decides, the weekday moves nothing,
    so no note says the date was moved (helper-160 suspected it); a day out of range still gets one."""
    fmt = "EEE, dd MMM yyyy HH:mm:ss zzz"
    date = read_date("Mon, 05 Jan 2024 10:00:00 GMT", field_name="updated", date_format=fmt, zone="GMT", settings=DEFAULT)
    assert date.instant_ms == read_date("Fri, 05 Jan 2024 10:00:00 GMT", field_name="updated", date_format=fmt,
                                        zone="GMT", settings=DEFAULT).instant_ms
    assert date.note is None
    rolled = read_date("Fri, 35 Jan 2024 10:00:00 GMT", field_name="updated", date_format=fmt, zone="GMT",
                       settings=DEFAULT)
    assert rolled.note is not None and "day of month 35 is out of range" in rolled.note


def test_missing_null_and_non_text_dates() -> None:
    missing = one({"id": 1, "created": "2024-01-05T10:30:00Z"})
    assert missing.problem == "updated: no field 'updated' in the record (it has created, id)"
    assert one({"id": 1, "updated": None}).problem == "updated is null, not a date"
    assert one({"id": 1, "updated": [1]}).problem == "updated is an array, not a date"


def test_a_format_that_does_not_compile_is_an_error_for_every_record() -> None:
    result = run([{"id": 1, "updated": "x"}, {"id": 2, "updated": "y"}], fmt="yyyy-MM-ddTHH")
    assert [r.event for r in result.records] == ["error", "error"]
    assert "does not compile at column 11" in (result.records[0].problem or "")


def test_text_after_the_pattern_is_ignored_as_java_does_with_a_note() -> None:
    record = one({"id": 1, "updated": "2024-01-05T10:30:00Z", "created": "2024-01-05T10:30:00Z"}, fmt="yyyy-MM-dd")
    assert record.updated.instant_ms == 1704412800000  # midnight: the time is lost
    assert record.event == "ignored"
    assert "ignores 'T10:30:00Z' after column 10" in record.notes[0]
    # each note names the date it is about (a user's trial: two identical notes, for the updated and created dates)
    assert [note.split(":")[0] for note in record.notes] == ["updated date", "created date"]


def test_two_digit_years_follow_the_clock() -> None:
    value = "46-12-31"
    early = one({"id": 1, "updated": value}, fmt="yy-MM-dd", settings=Settings(now=NOW))
    assert early.updated.instant_ms < 0  # 1946, as the JDK reads it on 2026-12-01


# --------------------------------------------------------------------------- milliseconds and timestamp


def test_milliseconds_and_timestamp_formats() -> None:
    ms = SINCE_MS + 1000
    for value in (ms, str(ms)):
        record = one({"id": 1, "updated": value, "created": value}, fmt="milliseconds")
        assert record.event == "created" and record.updated.instant_ms == ms
    seconds = one({"id": 1, "updated": SINCE_MS // 1000 + 60, "created": 1}, fmt="timestamp")
    assert seconds.event == "updated" and seconds.updated.instant_ms == SINCE_MS + 60_000
    as_ms = one({"id": 1, "updated": ms, "created": 1}, fmt="timestamp",
                settings=Settings(timestamp_unit="ms", now=NOW))
    assert as_ms.updated.instant_ms == ms


def test_epoch_values_that_java_cannot_read() -> None:
    for value, column in (("1704448800000Z", 14), ("17044.5", 6), (" 1704448800000", 1), ("", 1)):
        record = one({"id": 1, "updated": value}, fmt="milliseconds")
        assert record.event == "error", value
        assert record.updated.column == column, value
    assert "not a whole number" in one({"id": 1, "updated": 1.5e12}, fmt="milliseconds").problem


def test_epoch_unit_mistakes_are_pointed_out() -> None:
    seconds = one({"id": 1, "updated": 1704448900}, fmt="milliseconds")
    assert seconds.event == "ignored"
    assert "looks like epoch seconds" in seconds.notes[0]
    millis = one({"id": 1, "updated": SINCE_MS}, fmt="timestamp")
    assert "looks like epoch milliseconds" in millis.notes[0]


# --------------------------------------------------------------------------- edges


def test_last_poll_edge_is_ignored_by_default_and_taken_on_request() -> None:
    at = {"id": 1, "updated": "2024-01-05T10:00:00Z", "created": "2024-01-01T00:00:00Z"}
    assert one(at).event == "ignored"
    assert one(at, settings=Settings(at_last_poll="taken", now=NOW)).event == "updated"
    just_after = {"id": 1, "updated": "2024-01-05T10:00:00.001Z", "created": "2024-01-01T00:00:00.000Z"}
    assert one(just_after, fmt="yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").event == "updated"


@pytest.mark.parametrize(("created", "tolerance", "at_tolerance", "event"), [
    ("2024-01-05T11:00:00.000Z", None, "created", "created"),   # equal, no tolerance
    ("2024-01-05T10:59:59.999Z", None, "created", "updated"),   # 1 ms off, no tolerance
    ("2024-01-05T10:59:55.000Z", 5, "created", "created"),      # exactly the tolerance
    ("2024-01-05T10:59:55.000Z", 5, "updated", "updated"),      # exactly the tolerance, exclusive reading
    ("2024-01-05T10:59:54.999Z", 5, "created", "updated"),      # 1 ms beyond
    ("2024-01-05T11:00:05.000Z", 5, "created", "created"),      # created after, within
    # equal dates are CREATED, as documented, also with the exclusive reading of a tolerance of 0 (helper-121)
    ("2024-01-05T11:00:00.000Z", None, "updated", "created"),
    ("2024-01-05T11:00:00.000Z", 0, "updated", "created"),
])
def test_tolerance_edges(created: str, tolerance: int | None, at_tolerance: str, event: str) -> None:
    extra = {} if tolerance is None else {"createdCheckTolerance": tolerance}
    record = one({"id": 1, "updated": "2024-01-05T11:00:00.000Z", "created": created},
                 fmt="yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", settings=Settings(at_tolerance=at_tolerance, now=NOW), **extra)
    assert record.event == event


def test_misplaced_tolerance_is_not_read() -> None:
    poller = entry()
    poller["datesConfiguration"]["createdCheckTolerance"] = 10
    result = simulate_entry(poller, [{"id": 1, "updated": "2024-01-05T11:00:00Z", "created": "2024-01-05T10:59:58Z"}],
                            SINCE_MS)
    assert result.records[0].event == "updated"
    assert result.tolerance_s == 0
    assert "inside datesConfiguration" in result.notes[0]


def test_poll_delay_moves_the_compared_time() -> None:
    record = {"id": 1, "updated": "2024-01-05T09:59:30Z", "created": "2024-01-01T00:00:00Z"}
    result = run([record], pollDelay=60)
    assert result.compared_ms == SINCE_MS - 60_000
    assert result.records[0].event == "updated"
    assert "'2024-01-05T09:59:00Z'" in (result.url or "")


# --------------------------------------------------------------------------- zones


def test_zone_shifts_the_instant() -> None:
    value = "2024-01-05 10:30:00"
    gmt = one(rec(1, value, "2020-01-01 00:00:00"), fmt="yyyy-MM-dd HH:mm:ss")
    ny = one(rec(1, value, "2020-01-01 00:00:00"), fmt="yyyy-MM-dd HH:mm:ss", zone="America/New_York")
    assert ny.updated.instant_ms - gmt.updated.instant_ms == 5 * 3600_000
    assert gmt.event == "updated" and ny.event == "updated"


@pytest.mark.parametrize(("value", "lenient", "expected"), [
    ("2024-03-10 01:59:59", True, "2024-03-10T06:59:59+00:00"),   # EST
    ("2024-03-10 02:30:00", True, "2024-03-10T07:30:00+00:00"),   # the gap: moves forward to 03:30 EDT
    ("2024-03-10 03:00:00", True, "2024-03-10T07:00:00+00:00"),   # EDT
    ("2024-11-03 01:30:00", True, "2024-11-03T06:30:00+00:00"),   # ambiguous: Java takes the standard offset
    ("2024-11-03 00:59:59", True, "2024-11-03T04:59:59+00:00"),   # EDT
    ("2024-03-10 02:30:00", False, None),                          # the gap is an error when strict
])
def test_wall_times_around_dst(value: str, lenient: bool, expected: str | None) -> None:
    date = read_date(value, field_name="updated", date_format="yyyy-MM-dd HH:mm:ss", zone="America/New_York",
                     settings=Settings(lenient=lenient, now=NOW))
    if expected is None:
        assert date.instant_ms is None and date.column is not None
    else:
        assert datetime.fromtimestamp(date.instant_ms / 1000, UTC).isoformat() == expected


def test_zone_less_dates_use_the_server_zone_and_unknown_zones_are_gmt() -> None:
    value = "2024-01-05 10:30:00"
    result = run([{"id": 1, "updated": value}], fmt="yyyy-MM-dd HH:mm:ss",
                 settings=Settings(server_zone="America/Denver", now=NOW))
    assert result.updated_zone == "America/Denver"
    assert result.records[0].updated.instant_ms == 1704475800000  # 17:30Z
    assert any("server zone America/Denver" in a for a in result.assumptions)
    unknown = run([{"id": 1, "updated": value}], fmt="yyyy-MM-dd HH:mm:ss", zone="{TimeZone}")
    assert unknown.records[0].updated.instant_ms == 1704450600000  # read in GMT
    assert any("unknown to Java" in n for n in unknown.notes)


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize(("path", "record", "expected"), [
    ("id", {"id": 7}, 7),
    ("user.id", {"user": {"id": "u1"}}, "u1"),
    ("['Modified Time']", {"Modified Time": "m"}, "m"),
    ("data['record id'].value", {"data": {"record id": {"value": 3}}}, 3),
    ("items[1].id", {"items": [{"id": "a"}, {"id": "b"}]}, "b"),
    ("user.id", {"user.id": "literal"}, "literal"),
])
def test_nested_ids(path: str, record: dict, expected: object) -> None:
    assert field_value(record, path) == (True, expected, None)
    full = {**record, "updated": "2024-01-05T11:00:00Z", "created": "2024-01-05T11:00:00Z"}
    assert one(full, id_field=path).id == expected


@pytest.mark.parametrize(("path", "record", "why"), [
    ("user.id", {"user": {"name": "x"}}, "no field 'id' in user (it has name)"),
    ("user.id", {"user": "x"}, "user is a string, so it has no field 'id'"),
    ("items[3].id", {"items": [{}]}, "items has 1 item(s), no item 3"),
    ("['open", {}, "malformed"),
    (" ", {}, "empty"),
])
def test_missing_ids_say_where(path: str, record: dict, why: str) -> None:
    found, _value, missing = field_value(record, path)
    assert not found and why in (missing or "")


def test_duplicate_ids_are_pointed_out() -> None:
    result = run([rec(1, "2024-01-05T11:00:00Z"), rec(1, "2024-01-05T11:05:00Z")])
    assert "id 1 is taken from records 0, 1: one event each (assumed" in result.notes[-1]


# --------------------------------------------------------------------------- windows


def test_polls_without_delay_partition_time() -> None:
    records = [rec(i, f"2024-01-05T{h}Z") for i, h in enumerate(
        ("10:00:00", "10:15:00", "10:15:01", "10:29:59", "10:45:00", "11:00:00", "12:00:00", "09:00:00"))]
    result = run(records, polls=4)
    assert [w.taken for w in result.windows] == [(1,), (2, 3), (4,), (5,)]
    assert [r.polls for r in result.records] == [(), (0,), (1,), (1,), (2,), (3,), (), ()]
    assert result.windows[0].since_ms == SINCE_MS and result.windows[0].until_ms == SINCE_MS + 15 * 60_000
    assert "record 6 is updated after the last simulated run (2024-01-05T11:00:00.000Z): a later poll takes it" \
        in result.notes
    assert not any("twice" in n or "gap" in n or "times" in n for n in result.notes)


def test_poll_delay_makes_windows_overlap_and_records_come_twice() -> None:
    records = [rec(1, "2024-01-05T10:14:30Z"), rec(2, "2024-01-05T10:20:00Z")]
    result = run(records, polls=2, pollDelay=60)
    assert result.records[0].polls == (0, 1)
    assert result.records[1].polls == (1,)
    assert any("record 0 (2024-01-05T10:14:30.000Z) is taken by polls 0, 1" in n for n in result.notes)
    assert any("overlaps the one before by 60 s" in n and "(2024-01-05T10:14:00.000Z, 2024-01-05T10:15:00.000Z]" in n
               for n in result.notes)


def test_negative_poll_delay_leaves_gaps_between_windows() -> None:
    records = [rec(1, "2024-01-05T10:15:30Z")]
    result = run(records, polls=2, pollDelay=-60)
    assert result.records[0].polls == ()
    assert "record 0 falls between windows: no poll takes it" in result.notes
    assert any("gap of 60 s" in n and "(2024-01-05T10:15:00.000Z, 2024-01-05T10:16:00.000Z]" in n
               for n in result.notes)


def test_taken_at_last_poll_makes_run_time_records_come_twice() -> None:
    result = run([rec(1, "2024-01-05T10:15:00Z")], polls=2,
                 settings=Settings(at_last_poll="taken", now=NOW))
    assert result.records[0].polls == (0, 1)


def test_refresh_interval_from_the_configuration_and_settings() -> None:
    document = {"event.poller.refresh_interval": "5", "event.poller.configuration": {"contacts": entry()}}
    records = [rec(1, "2024-01-05T10:07:00Z")]
    result = simulate(document, records, SINCE, polls=2)
    assert result.resources[0].refresh_interval == 5
    assert result.resources[0].records[0].polls == (1,)
    other = simulate(document, records, SINCE, polls=2, settings=Settings(refresh_interval=60))
    assert other.resources[0].records[0].polls == (0,)


# --------------------------------------------------------------------------- documents, urls, records


def test_simulate_walks_instance_bodies_and_stringified_pollers() -> None:
    body = {"element": {"key": "x"}, "configuration": {
        "event.poller.configuration": json.dumps({"contacts": entry(), "deals": entry()})}}
    result = simulate(body, RecordSet(by_resource={"deals": ({"id": 1, "updated": "2024-01-05T11:00:00Z"},)}), SINCE)
    assert [r.name for r in result.resources] == ["deals"]
    assert result.resources[0].pointer == "/configuration/event.poller.configuration/deals"
    assert result.skipped == (("contacts", "no records for it: the records are keyed by resource name, and none is this one"),)


def test_credentials_in_the_url_query_are_masked() -> None:
    poller = entry()
    poller["url"] += "&hapikey=0123456789abcdef&api_key=s3cr3tvalue&limit=50"
    result = simulate_entry(poller, [], SINCE_MS)
    assert result.url is not None
    assert "0123456789abcdef" not in result.url and "s3cr3tvalue" not in result.url
    assert result.url.endswith(f"&hapikey={'*' * 16}&api_key={'*' * 11}&limit=50")  # as render masks them


def test_load_records_shapes() -> None:
    assert load_records('[{"id": 1}]').records == ({"id": 1},)
    found = load_records('{"totalCount": 1, "data": {"items": [{"id": 1}], "links": {}}}')
    assert found.records == ({"id": 1},) and found.origin == "the array at data.items"
    assert load_records('{"$items": [{"id": 2}], "$total": 1}').records == ({"id": 2},)
    keyed = load_records('{"a": [{"id": 1}], "b": [{"id": 2}]}', records_key="b")
    assert keyed.records == ({"id": 2},)
    lines = load_records('{"id": 1}\n\n{"id": 2}\n')
    assert lines.records == ({"id": 1}, {"id": 2}) and lines.origin == "JSON lines"
    per = load_records('{"contacts": [{"id": 1}], "deals": []}', resources=["contacts", "deals"])
    assert per.for_resource("deals") == () and per.for_resource("other") is None


@pytest.mark.parametrize(("text", "key", "message"), [
    ('[{"id": 1},\n {"id": 2,}]', None, "r.json:2:10: not valid JSON: trailing comma"),
    ('{"id": 1}\n{"id": 2\n', None, "r.json:2:9: not valid JSON lines"),
    ('{"a": [{"id": 1}], "b": [{"id": 2}]}', None, "several arrays of records (a, b)"),
    ('{"a": 1}', None, "no array of records in this object (keys: a)"),
    # one record copied alone (helper-160): --records-key cannot help it
    ('{"id": 1, "updated": "2024-01-05T11:00:00Z"}', None, "a single record? give it in an array: [{...}]"),
    ('{"a": [1]}', "a", "holds an array, not an array of records"),
    ('{"a": []}', "b", "no field 'b'"),
    ('[1, {"id": 1}]', None, "item 0 of the array is a number"),
    ('"text"', None, "holds a string"),
    ('{\n  "items": [\n    {"id": 1}\n    {"id": 2}\n  ]\n}\n', None, "r.json:3:14: not valid JSON: missing `,`"),
    ('{"results": [], "errors": [{"message": "x"}]}', None, "several arrays of records (results, errors)"),
])
def test_load_records_errors_say_where(text: str, key: str | None, message: str) -> None:
    with pytest.raises(RecordsError) as caught:
        load_records(text, name="r.json", records_key=key)
    assert message in str(caught.value)


# --------------------------------------------------------------------------- the JDK agrees

FORMATS = (
    "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ssZ",
    "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "EEE, dd MMM yyyy HH:mm:ss zzz", "MM/dd/yyyy hh:mm a",
    "yyyyMMddHHmmss", "yyyy-MM-dd", "dd-MMM-yy HH:mm",
)
ZONES = ("GMT", "UTC", "America/New_York", "PST", "Europe/London", "Asia/Kolkata", "{TimeZone}", "GMT-8:00")
INSTANTS = (1704448800123, 1710052200000, 1730615400000, 1720173605007, 946684799999)


def _values() -> list[tuple[str, str, str]]:
    from validator.dates.pattern import format_date

    cases = []
    for fmt in FORMATS:
        for zone in ZONES:
            for instant in INSTANTS:
                text = format_date(fmt, instant, zone)
                cases.append((fmt, zone, text))
            text = format_date(fmt, INSTANTS[0], zone)
            cases += [(fmt, zone, text.replace("T", " ")), (fmt, zone, text[:-3]), (fmt, zone, text + "junk"),
                      (fmt, zone, "2024-01-05T10:30:00Z"), (fmt, zone, "2024-01-05T10:30:00.123456+05:30"),
                      (fmt, zone, "2024-03-10 02:30:00"), (fmt, zone, "2024-11-03 01:30:00"),
                      (fmt, zone, "Fri, 05 Jan 2024 10:00:00 PDT"), (fmt, zone, "01/05/2024 13:00 PM"), (fmt, zone, "")]
    return cases


@pytest.mark.jdk
@pytest.mark.parametrize("lenient", [True, False])
def test_record_dates_agree_with_the_jdk(jdk, lenient: bool) -> None:
    cases = _values()
    answers = jdk.batch([("P", fmt, zone, "1" if lenient else "0", text) for fmt, zone, text in cases])
    settings = Settings(lenient=lenient, server_zone="UTC")  # the oracle's JVM zone; its clock is now, as ours
    checked = 0
    for (fmt, zone, text), answer in zip(cases, answers):
        ours = read_date(text, field_name="updated", date_format=fmt, zone=zone, settings=settings)
        if answer[0] == "OK":
            assert ours.instant_ms == int(answer[1]), (fmt, zone, text, answer, ours)
        else:
            assert answer[0] == "FAIL", answer
            assert ours.instant_ms is None and ours.column == int(answer[1]) + 1, (fmt, zone, text, answer, ours)
        checked += 1
    assert checked == len(cases) > 1000


@pytest.mark.jdk
def test_corpus_record_formats_agree_with_the_jdk(jdk, corpus) -> None:
    from validator.dates.pattern import compile_pattern, format_date
    from validator.dates.tokens import PatternError

    formats = set()
    for example in corpus:
        text = json.dumps(example)
        for match in __import__("re").finditer(r'(?:updated|created)DateFormat\\*"\s*:\s*\\*"((?:[^"\\]|\\.)*?)\\*"',
                                               text):
            formats.add(match.group(1).replace("\\\\", "\\"))
    usable = []
    for fmt in sorted(formats):
        try:
            compile_pattern(fmt)
        except PatternError:
            continue
        usable.append(fmt)
    assert len(usable) > 20
    cases = [(fmt, zone, format_date(fmt, instant, "GMT")) for fmt in usable for zone in ("GMT", "America/New_York")
             for instant in INSTANTS[:3]]
    answers = jdk.batch([("P", fmt, zone, "1", text) for fmt, zone, text in cases])
    for (fmt, zone, text), answer in zip(cases, answers):
        ours = read_date(text, field_name="u", date_format=fmt, zone=zone, settings=Settings(server_zone="UTC"))
        expected = int(answer[1]) if answer[0] == "OK" else None
        assert ours.instant_ms == expected, (fmt, zone, text, answer, ours)


def test_many_polls_and_records_keep_notes_short() -> None:
    records = [rec(i, f"2024-01-{5 + i % 20:02d}T10:{i % 60:02d}:30Z") for i in range(3000)]
    result = run(records, polls=2000, pollDelay=120)
    assert len(result.notes) < 10
    assert sum(len(w.taken) for w in result.windows) > 3000
    assert any("are taken by more than one poll" in n and "more" in n for n in result.notes)


def test_hostile_epoch_values_never_crash() -> None:
    huge = read_date("1" * 5000, field_name="u", date_format="milliseconds", zone="GMT", settings=DEFAULT)
    assert huge.problem is not None and "does not fit in a Java long" in huge.problem
    far = read_date(10**18, field_name="u", date_format="milliseconds", zone="GMT", settings=DEFAULT)
    assert far.instant_ms == 10**18  # Java's long comparison takes it; the output must still show it


def test_deeply_nested_records_are_a_clear_error() -> None:
    with pytest.raises(RecordsError, match="nested too deeply"):
        load_records("[" * 100_000, name="r.json")
    with pytest.raises(RecordsError, match="r.json:2:1: nested too deeply"):
        load_records('{"id": 1}\n' + "[" * 100_000, name="r.json")


@pytest.mark.parametrize(("fmt", "zone", "text", "words"), [
    ("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", "GMT", "2024-01-05T10:30:00.123456+00:00", "2 min 3.333 s later"),
    ("yyyy-MM-dd'T'HH:mm:ss'Z'", "America/New_York", "2024-01-05T10:30:00Z", "5 h later"),
    ("yyyy-MM-dd'T'HH:mm:ssX", "GMT", "2024-01-05T10:30:00+05:30", "30 min later"),
])
def test_a_wrong_format_on_iso_values_is_pointed_out(fmt: str, zone: str, text: str, words: str) -> None:
    date = read_date(text, field_name="u", date_format=fmt, zone=zone, settings=DEFAULT)
    assert date.instant_ms is not None and date.problem is None
    assert date.note is not None and words in date.note and "than the ISO 8601 reading" in date.note


def test_a_right_format_draws_no_note() -> None:
    for fmt, text in (("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-01-05T10:30:00+05:30"),
                      ("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2024-01-05T10:30:00.120-0800")):
        assert read_date(text, field_name="u", date_format=fmt, zone="PST", settings=DEFAULT).note is None


def test_settings_beyond_a_java_int_are_not_read() -> None:
    for huge in (10**40, "9" * 5000):
        result = run([rec(1, "2024-01-05T10:30:00Z")], pollDelay=huge, createdCheckTolerance=huge)
        assert result.poll_delay == 0 and result.tolerance_s == 0
        assert result.records[0].event == "updated"
        # helper-144: said, not silent (the tolerance's note called 10**40 "not a whole number of seconds")
        assert any(n.startswith("pollDelay ") and "does not fit in a Java int" in n for n in result.notes), result.notes
        assert any(n.startswith("createdCheckTolerance ") and "does not fit in a Java int" in n
                   for n in result.notes), result.notes
        assert not any("not a whole number" in n for n in result.notes), result.notes


def _put(record: dict, path: object, value: object) -> None:
    from validator.elements import split_field_path

    parts = split_field_path(path) if isinstance(path, str) else None
    if not parts:
        return
    for part in parts[:-1]:
        record = record.setdefault(part, {})
        if not isinstance(record, dict):
            return
    record[parts[-1]] = value


def test_every_corpus_poller_simulates_its_own_dates(corpus: list[dict]) -> None:
    """Records written with each real entry's own formats and zones: never a crash, and a date format that
    keeps the time to the second takes the record after the last poll and ignores the one before."""
    from validator.dates.pattern import format_date
    from validator.simulate import _poller_entries
    from validator.source import load_source

    checked = round_trips = 0
    for example in corpus:
        loaded = load_source(example["text"])
        if not loaded.valid:
            continue
        per: dict[str, tuple[dict, ...]] = {}
        for ref in _poller_entries(loaded):
            entry_value = ref.value if isinstance(ref.value, dict) else {}
            dates = entry_value.get("datesConfiguration")
            dates = dates if isinstance(dates, dict) else {}
            fmt, zone = dates.get("updatedDateFormat"), dates.get("updatedDateTimezone") or "GMT"
            records = []
            for delta in (-3600_000, 3600_000):
                instant = SINCE_MS + delta
                value: object = "x"
                if fmt == "milliseconds":
                    value = instant
                elif fmt == "timestamp":
                    value = instant // 1000
                elif isinstance(fmt, str):
                    try:
                        value = format_date(fmt, instant, zone if isinstance(zone, str) else "GMT")
                    except Exception:  # noqa: BLE001 - a format Java cannot compile: the record stays "x"
                        value = "x"
                record: dict = {}
                for key in ("updatedDateField", "createdDateField"):
                    _put(record, dates.get(key), value)
                _put(record, entry_value.get("idField"), 7)
                records.append(record)
            per[ref.name] = tuple(records)
        if not per:
            continue
        result = simulate(loaded, RecordSet(by_resource=per), SINCE_MS, settings=DEFAULT)
        for resource in result.resources:
            checked += 1
            if resource.problem:
                continue
            before, after = resource.records
            assert before.event in ("ignored", "error", "created", "updated")
            exact = (before.updated and before.updated.instant_ms == SINCE_MS - 3600_000
                     and after.updated and after.updated.instant_ms == SINCE_MS + 3600_000)
            plain = resource.poll_delay < 3600 and "filterByUpdatedDate is false" not in " ".join(resource.notes)
            if exact and after.problem is None and plain:
                round_trips += 1
                assert before.event == "ignored", (example["id"], resource.name)
                assert after.event in ("created", "updated"), (example["id"], resource.name)
    assert checked > 1000 and round_trips > 800


def test_negative_tolerance_and_a_missing_refresh_interval_are_pointed_out() -> None:
    result = run([rec(1, "2024-01-05T11:00:00Z", "2024-01-05T11:00:00Z")], createdCheckTolerance=-1, polls=2)
    assert result.records[0].event == "updated"
    assert "createdCheckTolerance is negative (-1): no record can be CREATED" in result.notes
    assert any(a.startswith("polls are 15 min apart") for a in result.assumptions)


def test_a_record_integer_too_long_for_python_to_print_is_read_as_written():
    """A hostile trial (helper-60): a valid records file with a 5,000-digit id was "not valid JSON"."""
    from validator.simulate import load_records

    digits = "9" * 5000
    records = load_records(f'[{{"id": {digits}, "n": 7}}]').records
    assert records[0]["id"] == digits and records[0]["n"] == 7
    lines = load_records(f'{{"id": {digits}}}\n{{"id": 2}}\n').records
    assert [line["id"] for line in lines] == [digits, 2]


def test_a_record_read_as_updated_after_the_present_is_said_to_come_again() -> None:
    """helper-144: a date in another zone than the entry's (`05:20+05:30` read as 05:20 GMT) put the record hours in the
    future; simulate called it UPDATED once, while every poll until that hour takes it again."""
    from datetime import datetime, timezone

    settings = Settings(now=datetime(2024, 1, 5, 10, 15, tzinfo=timezone.utc))
    entry = {"url": "/hubs/x/c", "idField": "id",
             "datesConfiguration": {"updatedDateField": "u", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss",
                                    "updatedDateTimezone": "GMT"}}
    records = [{"id": 1, "u": "2024-01-05T15:40:00+05:30"}, {"id": 2, "u": "2024-01-05T10:05:00"}]
    since = 1704448800000  # 2024-01-05T10:00Z
    result = simulate_entry(entry, records, since, settings=settings)
    [note] = [n for n in result.notes if "after the present" in n]
    assert note.startswith("record 0 is read as updated after the present (2024-01-05T10:15:00.000Z)"), note
    assert "until 2024-01-05T15:40:00.000Z takes it again" in note and "about 22 more poll(s) 15 min apart" in note
    # not said when the platform bounds the window by the present, or takes every record anyway
    for flag in ({"filterByCurrentDate": True}, {"filterByUpdatedDate": False}):
        quiet = simulate_entry({**entry, **flag}, records, since, settings=settings)
        assert not any("after the present" in n for n in quiet.notes), quiet.notes


def test_a_setting_with_two_signs_is_no_number_and_no_crash() -> None:
    """helper-146: `"pollDelay": "--5"` passed the digits test (`lstrip("+-")`), and `int("--5")` ended simulate in a
    traceback; one sign at most, as Java's `Integer.parseInt` reads it."""
    result = run([rec(1, "2024-01-05T10:30:00Z")], pollDelay="--5", createdCheckTolerance="+-5")
    assert result.poll_delay == 0 and result.tolerance_s == 0
    result = run([rec(1, "2024-01-05T10:30:00Z")], pollDelay="-5", createdCheckTolerance=" +60 ")
    assert result.poll_delay == -5 and result.tolerance_s == 60


def test_filter_by_current_date_leaves_out_a_record_after_the_run() -> None:
    """helper-160: `filterByCurrentDate: true` is documented as an upper bound "now"; a record read as updated years
    after the run was UPDATED with no word about the flag (helper-121's P7)."""
    records = [rec(1, "2030-01-05T10:00:00Z"), rec(2, "2024-01-05T10:05:00Z"), rec(3, "2024-01-05T10:15:00Z")]
    bounded = run(records, filterByCurrentDate=True)
    assert [r.event for r in bounded.records] == ["ignored", "updated", "updated"]  # the run is at 10:15, inclusive
    assert "filterByCurrentDate leaves it out" in bounded.records[0].notes[-1]
    # helper-179: 'ignored' is for this run only; the next windows start before it (no gap without a negative delay)
    assert bounded.records[0].notes[-1].endswith("filterByCurrentDate leaves it out of this run; a later run takes it")
    gapped = run(records, filterByCurrentDate=True, pollDelay=-30)
    assert gapped.records[0].notes[-1].endswith("filterByCurrentDate leaves it out of this run")
    assert any(a.startswith("filterByCurrentDate: a record updated after the run time (2024-01-05T10:15:00.000Z")
               for a in bounded.assumptions), bounded.assumptions
    assert run(records, filterByCurrentDate=True, polls=3).records[0].event == "ignored"
    assert [r.event for r in run(records).records] == ["updated", "updated", "updated"]  # no flag: no bound
    assert run(records, filterByCurrentDate=True, filterByUpdatedDate=False).records[0].event == "updated"


def test_settings_take_keywords_only_and_load_records_says_what_it_takes():
    """helper-167: `Settings("America/New_York")` was taken as the server zone by position (a field added later would
    take another's value), and `load_records(5)` raised the json module's "the JSON object must be str ..."."""
    from validator.simulate import Settings, load_records

    with pytest.raises(TypeError):
        Settings("America/New_York")  # type: ignore[misc]
    with pytest.raises(TypeError, match=r"load_records\(\) takes the records' text \(str or bytes\), not int"):
        load_records(5)  # type: ignore[arg-type]
    assert Settings(server_zone="America/New_York").server_zone == "America/New_York"


def test_records_named_after_resources_may_each_be_a_response_object():
    """Records keyed by resource name, each as the vendor returned it (QuickBooks' `QueryResponse.Invoice`,
    Shopify's `orders`, Stripe's `data`) (helper-179): only plain arrays counted, so every wrapped resource was
    skipped with 'no records for it' and the run exited 0."""
    text = json.dumps({
        "accounts": [{"Id": "001A"}],
        "invoices": {"QueryResponse": {"Invoice": [{"Id": "130"}], "startPosition": 1}, "time": "x"},
        "charges": {"object": "list", "data": [{"id": "ch_1"}], "has_more": False},
        "orders": {"orders": [], "links": {}},
    })
    per = load_records(text, resources=["accounts", "invoices", "charges", "orders", "other"])
    assert per.for_resource("accounts") == ({"Id": "001A"},)
    assert per.for_resource("invoices") == ({"Id": "130"},)
    assert per.for_resource("charges") == ({"id": "ch_1"},)
    assert per.for_resource("orders") == ()
    assert per.for_resource("other") is None
    # a lone response object whose only array sits under a resource's name still serves every resource
    alone = load_records('{"contacts": {"results": [{"id": 1}]}, "paging": {"next": {"after": "1"}}}',
                         resources=["contacts"])
    assert alone.for_resource("contacts") == ({"id": 1},)


def test_an_unknown_server_zone_used_only_by_the_url_is_said():
    """`${date:...}` in the URL is formatted in the server zone; a zone Java does not know falls back to GMT
    (helper-179): simulate said so only when a record's date used the server zone, render always did."""
    poller = entry(zone="America/New_York")
    poller["url"] = "/hubs/crm/contacts?where=updated>'${date:yyyy-MM-dd HH:mm:ss}'"
    result = simulate_entry(poller, [], SINCE_MS, settings=Settings(server_zone="America/NewYork", now=NOW))
    assert any(n.startswith("server zone: ") and "America/New_York?" in n for n in result.notes), result.notes
    known = simulate_entry(poller, [], SINCE_MS, settings=Settings(server_zone="America/Chicago", now=NOW))
    assert not any(n.startswith("server zone: ") for n in known.notes)
    gmt_only = dict(poller, url="/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd HH:mm:ss}'")
    unused = simulate_entry(gmt_only, [], SINCE_MS, settings=Settings(server_zone="America/NewYork", now=NOW))
    assert not any(n.startswith("server zone: ") for n in unused.notes)


def test_windows_say_their_lower_bound_is_taken_with_at_last_poll_taken():
    """With --at-last-poll taken a record updated exactly at a window's start is taken by it (helper-179): the text
    showed every window as `(since, until]` (start left out) beside a poll that took such a record, and the
    overlap note's first span likewise; one record after the last run read 'records 6 are'."""
    from validator.commands.simulate import to_text
    from validator.simulate import Simulation

    records = [rec("a", "2024-01-05T09:59:30Z"), rec("b", "2024-01-05T11:00:00Z")]
    taken = run(records, polls=2, pollDelay=30, settings=Settings(at_last_poll="taken", now=NOW))
    assert taken.records[0].polls == (0,)
    text = to_text(Simulation(SINCE_MS, (taken,)))
    assert "  poll 0     [2024-01-05T09:59:30.000Z, 2024-01-05T10:15:00.000Z] takes 0" in text
    assert "(first: [2024-01-05T10:14:30.000Z, 2024-01-05T10:15:00.000Z])" in text
    assert "record 1 is updated after the last simulated run" in text
    ignored = run(records, polls=2, pollDelay=30)
    text = to_text(Simulation(SINCE_MS, (ignored,)))
    assert "  poll 0     (2024-01-05T09:59:30.000Z, 2024-01-05T10:15:00.000Z] takes none" in text
    assert "(first: (2024-01-05T10:14:30.000Z, 2024-01-05T10:15:00.000Z])" in text


def test_the_text_table_pads_wide_ids_by_terminal_cells():
    """An id of CJK characters takes two cells a character (helper-179): the columns after it were padded by code
    points and stood two cells right per wide character."""
    import unicodedata

    from validator.commands.simulate import to_text
    from validator.simulate import Simulation

    result = run([rec("顧客-1", "2024-01-05T11:00:00Z"), rec("c2", "2024-01-05T11:00:00Z")])
    rows = [line for line in to_text(Simulation(SINCE_MS, (result,))).splitlines() if "2024-01-05T11:00:00.000Z" in line]

    def cells(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    assert len(rows) == 2
    assert len({cells(row[:row.index("2024-01-05 11:00")]) for row in rows}) == 1, rows


def test_the_created_gap_is_exact_near_the_tolerance():
    """A created date 2 min 30 s before the updated date, with createdCheckTolerance 120, is UPDATED (helper-179):
    the detail said 'created 2 minutes before updated (tolerance 120 s)'-like words (pendulum's, truncated), which
    read as within the tolerance, and a created date read 6 h 59 min 55 s off in the wrong zone '6 hours'; below a
    day the gap is given exactly."""
    from validator.commands.simulate import to_text
    from validator.simulate import Simulation

    records = [rec(1, "2024-01-05T10:30:00Z", "2024-01-05T10:27:30Z"), rec(2, "2024-01-05T10:30:00Z",
                                                                         "2024-01-05T17:29:55Z"),
               rec(3, "2024-01-05T10:30:00Z", "2024-01-01T10:30:00Z")]
    result = run(records, createdCheckTolerance=120)
    assert [r.event for r in result.records] == ["updated", "updated", "updated"]
    text = to_text(Simulation(SINCE_MS, (result,)))
    assert "30 minutes after the last poll; created 2 min 30 s before updated" in text, text
    assert "created 6 h 59 min 55 s after updated" in text
    assert "created 4 days before updated" in text


def test_a_poll_delay_longer_than_the_interval_is_said_as_it_is():
    """pollDelay 1200 s with polls 5 minutes apart (helper-179): the note said records 'come twice' beside records
    the table showed taken 5 times; -1200 s makes every window end before it starts (no record is ever taken),
    and the note spoke of a gap between windows."""
    records = [rec(1, "2024-01-05T10:04:45Z"), rec(2, "2024-01-05T12:00:00Z")]
    overlapping = run(records, polls=6, pollDelay=1200, settings=Settings(refresh_interval=5, now=NOW))
    assert overlapping.records[0].polls == (0, 1, 2, 3, 4)
    note = next(n for n in overlapping.notes if n.startswith("each poll overlaps"))
    assert "come up to 5 times" in note and "twice" not in note, note
    short = run(records, polls=2, pollDelay=60)
    assert any("come twice" in n for n in short.notes)
    inverted = run(records, polls=3, pollDelay=-1200, settings=Settings(refresh_interval=5, now=NOW))
    assert any("no poll takes any record" in n and "(by 15 min;" in n for n in inverted.notes), inverted.notes
    assert not any("leaves a gap" in n or "a later poll takes" in n for n in inverted.notes)
