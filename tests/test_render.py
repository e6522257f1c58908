"""render_url: substituted values, times, encodings, assumptions; and the JDK's own formatting."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from validator.rules.urls import url_problems
from validator.urls.render import percent_encode, render_url
from validator.urls.template import parse_url_template

SINCE = datetime(2024, 1, 5, 10, 0, 0, 123000, tzinfo=timezone.utc)
SINCE_MS = 1704448800123


def values(url: str, **options) -> list[str]:
    return [s.value for s in render_url(url, SINCE, **options).substitutions]


def test_every_macro_form() -> None:
    url = ("/hubs/x/a?a='${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'&b='${date:HH:mm}'"
           "&c='${dateTimeZone:America/New_York:yyyy-MM-dd HH:mm:ss zzz}'&d='${now:HH:mm}'"
           "&e='${nowTimeZone:PST:HH:mm z}'&f=${epoch}&g=${epoch:s}&h=${epoch:ms}&i=${epoch:us}&j=${milliseconds}"
           "&k=${date}")
    assert values(url) == ["2024-01-05T10:00:00.123Z", "10:00", "2024-01-05 05:00:00 EST", "10:15", "02:15 PST",
                           str(SINCE_MS), str(SINCE_MS // 1000), str(SINCE_MS), str(SINCE_MS * 1000), str(SINCE_MS),
                           str(SINCE_MS)]


def test_each_substitution_names_the_zone_by_java_s_id() -> None:
    """helper-160: the zone of a substitution was the text as written (`GMT-8:00`, an unknown `Mars/Base`), where Java's
    TimeZone names it `GMT-08:00` and formats an unknown one in `GMT`."""
    url = ("/hubs/x/a?a='${dateTimeZone:GMT-8:00:HH:mm}'&b='${dateTimeZone:-05:00:HH:mm}'"
           "&c='${dateTimeZone:Mars/Base:HH:mm}'&d='${date:HH:mm}'&e='${dateTimeZone:America/New_York:HH:mm}'")
    zones = [s.zone for s in render_url(url, SINCE, server_zone="GMT+2").substitutions]
    assert zones == ["GMT-08:00", "GMT-05:00", "GMT", "GMT+02:00", "America/New_York"]
    assert values(url, server_zone="GMT+2") == ["02:00", "05:00", "10:00", "12:00", "05:00"]


def test_url_and_spans() -> None:
    url = "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and x='${epoch}'"
    rendered = render_url(url, SINCE)
    assert rendered.url == "/hubs/crm/contacts?where=updated>'2024-01-05T10:00:00Z' and x='1704448800123'"
    assert rendered.request_url == ("/hubs/crm/contacts?where=updated%3E%272024-01-05T10:00:00Z%27%20and%20"
                                    "x=%271704448800123%27")
    for sub in rendered.substitutions:
        assert url[sub.template_start:sub.template_end] == sub.macro.text
        assert rendered.url[sub.url_start:sub.url_end] == sub.value
        assert rendered.request_url[sub.request_start:sub.request_end] == percent_encode(
            sub.value, keep=frozenset("0123456789-:TZ"))


def test_poll_delay_and_default_now() -> None:
    url = "/hubs/x/a?from='${gmtDate:HH:mm:ss}'&to='${now:HH:mm:ss}'"
    rendered = render_url(url, SINCE, poll_delay=90, refresh_interval=5)
    assert [s.value for s in rendered.substitutions] == ["09:58:30", "10:05:00"]
    assert rendered.last_poll_ms == SINCE_MS - 90_000
    assert rendered.now_ms == SINCE_MS + 5 * 60_000
    assert any("now = since + 5 min" in a for a in rendered.assumptions)


def test_explicit_now() -> None:
    rendered = render_url("/hubs/x/a?to='${now:HH:mm}'", SINCE, now=SINCE + timedelta(hours=2))
    assert rendered.substitutions[0].value == "12:00"
    assert not any("refresh interval" in a for a in rendered.assumptions)


def test_epoch_milliseconds_input() -> None:
    assert render_url("/hubs/x/a?t=${epoch:s}", SINCE_MS).url == f"/hubs/x/a?t={SINCE_MS // 1000}"


def test_epoch_seconds_truncate_like_java() -> None:
    assert render_url("/hubs/x/a?t=${epoch:s}", -1500).url == "/hubs/x/a?t=-1"


def test_server_zone() -> None:
    url = "/hubs/x/a?t='${date:HH:mm z}'&g='${gmtDate:HH:mm z}'"
    assert values(url) == ["10:00 GMT", "10:00 GMT"]
    assert values(url, server_zone="America/Denver") == ["03:00 MST", "10:00 GMT"]
    rendered = render_url(url, SINCE, server_zone="America/Denver")
    assert any("server zone America/Denver" in a for a in rendered.assumptions)


def test_offset_zone_is_read_as_gmt_offset() -> None:
    rendered = render_url("/hubs/x/a?t='${dateTimeZone:-8:00:HH:mm XXX}'", SINCE)
    assert rendered.substitutions[0].value == "02:00 -08:00"
    assert any("read as GMT-08:00" in a for a in rendered.assumptions)


def test_unknown_zone_is_gmt_as_in_java() -> None:
    rendered = render_url("/hubs/x/a?t='${dateTimeZone:Mars/Olympus:HH:mm z}'", SINCE)
    assert rendered.substitutions[0].value == "10:00 GMT"
    assert any("unknown to Java" in a for a in rendered.assumptions)
    assert [p.rule for p in url_problems(rendered.template, facts=rendered.facts)] == ["CE608"]


def test_legacy_date_format() -> None:
    url = "/hubs/marketing/contacts?where=lastmodifieddate='${date}'"
    assert values(url) == [str(SINCE_MS)]
    assert values(url, date_format="milliseconds") == [str(SINCE_MS)]
    assert values(url, date_format="yyyy-MM-dd'T'HH:mm:ss'Z'") == ["2024-01-05T10:00:00Z"]
    assert any("without a format" in a for a in render_url(url, SINCE).assumptions)


def test_plus_is_encoded_in_the_request() -> None:
    rendered = render_url("/hubs/x/a?where=t>='${gmtDate:HH:mmZ}'", SINCE)
    assert rendered.url == "/hubs/x/a?where=t>='10:00+0000'"
    assert rendered.request_url == "/hubs/x/a?where=t%3E=%2710:00%2B0000%27"
    assert [p.rule for p in url_problems(rendered.template, facts=rendered.facts)] == ["CE616"]


def test_encode_values() -> None:
    rendered = render_url("/hubs/x/a?where=t>='${gmtDate:yyyy-MM-dd HH:mmZ}'", SINCE, encode_values=True)
    assert rendered.url == "/hubs/x/a?where=t>='2024-01-05%2010%3A00%2B0000'"
    assert rendered.request_url == "/hubs/x/a?where=t%3E=%272024-01-05%2010%3A00%2B0000%27"
    assert url_problems(rendered.template, facts=rendered.facts, encode_values=True) == []
    assert any("percent-encoded by the platform" in a for a in rendered.assumptions)


def test_request_url_encoding() -> None:
    rendered = render_url("/hubs/documents/folders/contents?path=%2F&q=a b&r=\"x\"&s=é#", SINCE)
    assert rendered.request_url == "/hubs/documents/folders/contents?path=%2F&q=a%20b&r=%22x%22&s=%C3%A9%23"
    assert rendered.substitutions == []


def test_unsubstituted_macros_are_left_as_written() -> None:
    url = "/hubs/e/x?where=a='${DateTimeZone:PST:HH:mm}' and b='${gmtDate:HHT}' and c='${epoch}'"
    rendered = render_url(url, SINCE)
    assert rendered.url == f"/hubs/e/x?where=a='${{DateTimeZone:PST:HH:mm}}' and b='${{gmtDate:HHT}}' and c='{SINCE_MS}'"
    assert any("left as written" in a for a in rendered.assumptions)
    assert any("does not compile" in a for a in rendered.assumptions)


def test_template_object_and_assumptions_always_name_encoding() -> None:
    template = parse_url_template("/hubs/x/a?t='${gmtDate:HH}'")
    rendered = render_url(template, SINCE)
    assert rendered.template == template.text
    assert any("not percent-encoded" in a for a in rendered.assumptions)
    assert any("request_url" in a for a in rendered.assumptions)


def test_bad_times() -> None:
    with pytest.raises(ValueError):
        render_url("/a", datetime(2024, 1, 1))
    with pytest.raises(TypeError):
        render_url("/a", "2024-01-01")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the JDK


PATTERNS = [
    "yyyy-MM-dd'T'HH:mm:ss'Z'",
    "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    "yyyy-MM-dd'T'HH:mm:ssZ",
    "EEE, dd MMM yyyy HH:mm:ss z",
    "yyyy-MM-dd HH:mm:ss zzzz",
    "MM/dd/yyyy hh:mm a X",
    "dd/MM/yyyy",
    "yyyy-MM-dd'T'HH:mmz",
]
ZONES = ["GMT", "UTC", "PST", "EST", "MST", "CST", "America/Denver", "US/Eastern", "Europe/London",
         "Asia/Kolkata", "GMT+05:30", "Bogus/Zone", "{TimeZone}"]
INSTANTS = [0, SINCE_MS, 1720000000999, 1711846800000, 1699174800000, -2208988800001, 4102444800000]


@pytest.mark.jdk
def test_rendered_values_equal_the_jdk(jdk) -> None:
    requests, expected_from = [], []
    for fmt in PATTERNS:
        for zone in ZONES:
            for ms in INSTANTS:
                url = f"/hubs/x/a?where=t>='${{dateTimeZone:{zone}:{fmt}}}'&g='${{gmtDate:{fmt}}}'&d='${{date:{fmt}}}'"
                expected_from.append((url, fmt, zone, ms))
                requests.append(("F", fmt, zone, ms))
                requests.append(("F", fmt, "GMT", ms))
                requests.append(("F", fmt, "America/Chicago", ms))
    answers = jdk.batch(requests)
    for i, (url, fmt, zone, ms) in enumerate(expected_from):
        zoned, gmt, server = answers[3 * i: 3 * i + 3]
        assert zoned[0] == gmt[0] == server[0] == "OK"
        got = [s.value for s in render_url(url, ms, server_zone="America/Chicago").substitutions]
        assert got == [zoned[1], gmt[1], server[1]], (fmt, zone, ms)


@pytest.mark.jdk
def test_now_and_poll_delay_against_the_jdk(jdk) -> None:
    fmt = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
    url = f"/hubs/x/a?from='${{dateTimeZone:PST:{fmt}}}'&to='${{nowTimeZone:PST:{fmt}}}'"
    rendered = render_url(url, SINCE, poll_delay=3600, refresh_interval=1440)
    assert [s.value for s in rendered.substitutions] == [
        jdk.format(fmt, "PST", SINCE_MS - 3_600_000), jdk.format(fmt, "PST", SINCE_MS + 1440 * 60_000)]
