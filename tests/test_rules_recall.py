"""Mistakes engineers really make (issue 12): each category at its line and column, and its correction clean.

Every test checks a whole instance body (or poller file) with every rule on, so "the corrected body
draws nothing" means no finding of any rule.
"""

from __future__ import annotations

import json

import pytest

from validator.engine import Options, check

ISO = "yyyy-MM-dd'T'HH:mm:ssXXX"
GOOD_DATES = {"updatedDateField": "updated_at", "updatedDateFormat": ISO,
              "createdDateField": "created_at", "createdDateFormat": ISO}
GOOD_URL = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'"


def body(url: str = GOOD_URL, dates: dict | None = None, *, stringify: bool = False, entry: dict | None = None,
         **config: object) -> str:
    """An instance body with one poller entry; ``config`` adds or overrides configuration keys."""
    poller_entry = {"url": url, "idField": "id", "datesConfiguration": GOOD_DATES if dates is None else dates}
    poller_entry.update(entry or {})
    poller = {"contacts": poller_entry}
    configuration: dict = {"event.notification.enabled": True, "event.vendor.type": "polling",
                           "event.notification.callback.url": "https://mycoolapp.com/events",
                           "event.poller.refresh_interval": "15",
                           "event.poller.configuration": json.dumps(poller) if stringify else poller}
    configuration.update(config)
    return json.dumps({"element": {"key": "hubspot"}, "configuration": configuration, "name": "events"}, indent=2)


def dates(updated: str = ISO, created: str | None = None, zone: str | None = None, field: str = "updated_at") -> dict:
    out = {"updatedDateField": field, "updatedDateFormat": updated,
           "createdDateField": "created_at" if field == "updated_at" else field,
           "createdDateFormat": updated if created is None else created}
    if zone is not None:
        out["updatedDateTimezone"] = out["createdDateTimezone"] = zone
    return out


def locate(text: str, needle: str, offset: int = 0, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the ``nth`` ``needle`` in ``text``, plus ``offset`` characters."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    index += offset
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def hits(text: str, code: str, **options: object) -> list:
    return [f for f in check(text, options=Options(**options)) if f.rule == code]  # type: ignore[arg-type]


def at(text: str, code: str, needle: str, *, offset: int = 0, nth: int = 0, length: int | None = None):
    """The one finding of ``code``, asserted at ``needle`` (and ``length`` characters long if given)."""
    found = hits(text, code)
    assert len(found) == 1, found
    finding = found[0]
    assert (finding.line, finding.column) == locate(text, needle, offset, nth), (finding, text)
    if length is not None:
        assert (finding.end_line, finding.end_column) == (finding.line, finding.column + length), finding
    return finding


def clean(text: str) -> None:
    found = check(text)
    assert not found, [(f.rule, f.message) for f in found]


def test_the_helpers_good_body_is_clean():
    clean(body())


# --------------------------------------------------------------------------- one entry, two views


def test_epoch_seconds_against_a_field_read_in_milliseconds():
    millis = dates("milliseconds", field="updated")
    text = body("/hubs/crm/contacts?where=updated>'${epoch:s}'", millis)
    hit = at(text, "CE414", "${epoch:s}", length=len("${epoch:s}"))
    assert hit.severity == "error" and "every record matches" in hit.message
    micros = body("/hubs/crm/contacts?where=updated>'${epoch:us}'", millis)
    assert "no record ever matches" in at(micros, "CE414", "${epoch:us}").message
    clean(body("/hubs/crm/contacts?where=updated>'${epoch}'", millis))
    clean(body("/hubs/crm/contacts?where=updated>'${epoch:ms}'", millis))


def test_epoch_unit_is_compared_only_for_the_same_field():
    # a `since` parameter in seconds may be the vendor's convention: not the same view of the date
    assert not hits(body("/hubs/crm/contacts?since=${epoch:s}", dates("milliseconds", field="updated")), "CE414")
    other_field = body("/hubs/crm/contacts?where=modified>'${epoch:s}'", dates("milliseconds", field="updated"))
    assert not hits(other_field, "CE414")
    created = dates("milliseconds", field="updated")
    created["createdDateField"] = "created"
    text = body("/hubs/crm/contacts?where=created>'${epoch:s}'", created)
    assert "createdDateFormat" in at(text, "CE414", "${epoch:s}").message


def test_epoch_unit_against_a_record_path_ending_in_the_filtered_field():
    """HubSpot filters on `lastmodifieddate` and reads `properties.lastmodifieddate` (a user's trial: missed)."""
    nested = dates("milliseconds", field="properties.lastmodifieddate")
    text = body("/hubs/marketing/contacts?where=lastmodifieddate>'${epoch:s}'", nested)
    assert "every record matches" in at(text, "CE414", "${epoch:s}").message
    other = body("/hubs/marketing/contacts?where=createdate>'${epoch:s}'", nested)
    assert not hits(other, "CE414")


def test_epoch_unit_inside_a_stringified_poller():
    text = body("/hubs/crm/contacts?where=updated>'${epoch:s}'", dates("milliseconds", field="updated"),
                stringify=True)
    at(text, "CE414", "${epoch:s}")


# --------------------------------------------------------------------------- date patterns in context


@pytest.mark.parametrize(("fmt", "needle", "offset"), [
    ("yyyy-mm-dd'T'HH:mm:ssXXX", "mm-dd", 0),
    ("yyyy-MM-dd'T'HH:MM:ssXXX", "HH:MM", 3),
    ("dd/mm/yyyy HH:mm", "mm/yyyy", 0),
])
def test_month_and_minute_swapped_in_a_record_format(fmt, needle, offset):
    text = body(dates=dates(fmt))
    found = hits(text, "CE415")
    assert len(found) == 2, found  # updated and created formats
    assert (found[0].line, found[0].column) == locate(text, needle, offset)
    assert found[0].end_column == found[0].column + 2
    assert not hits(text, "CE417") and not hits(text, "CE416"), "one mistake, one finding"


def test_both_swapped_are_both_reported():
    text = body(dates=dates("yyyy-mm-dd HH:MM:ss"))
    columns = sorted((f.line, f.column) for f in hits(text, "CE415"))
    assert columns[:2] == sorted([locate(text, "mm-dd"), locate(text, "HH:MM", 3)])


def test_month_and_minute_swapped_in_a_macro_inside_a_stringified_poller():
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-mm-dd'T'HH:mm:ssXXX}'"
    text = body(url, stringify=True)
    hit = at(text, "CE415", "mm-dd", length=2)
    assert "prints the minute" in hit.message
    clean(body(GOOD_URL, stringify=True))


def test_seconds_written_for_milliseconds():
    text = body(dates=dates("yyyy-MM-dd'T'HH:mm:ss.sssXXX", created=ISO))
    hit = at(text, "CE416", "sssXXX", length=3)
    assert "second again" in hit.message and "SSS" in (hit.help or "")
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.sssXXX}'"
    assert "prints the second twice" in at(body(url), "CE416", "sssXXX").message
    millis = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"
    clean(body(f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{millis}}}'", dates(millis)))


def test_day_of_year_with_month_is_found_in_macros_and_stringified_pollers():
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-DD'T'HH:mm:ssXXX}'"
    at(body(url, stringify=True), "CE408", "DD'T", length=2)


@pytest.mark.parametrize(("fmt", "missing"), [
    ("MM/dd HH:mm:ss", "year"), ("HH:mm:ss", "date"), ("yyyy HH:mm", "month and day"), ("yyyy-MM HH:mm", "day"),
])
def test_record_format_that_cannot_identify_an_instant(fmt, missing):
    text = body(dates=dates(fmt, created=ISO))
    hit = at(text, "CE417", json.dumps(fmt), length=len(fmt) + 2)
    assert hit.severity == "error" and f"no {missing}:" in hit.message and "1970" in hit.message


def test_record_format_with_only_a_date_is_info_for_the_updated_date_only():
    text = body(dates=dates("yyyy-MM-dd", created="yyyy-MM-dd"))
    found = hits(text, "CE417")
    assert [f.severity for f in found] == ["info"] and found[0].pointer.endswith("/updatedDateFormat")


def test_macros_of_one_url_count_together():
    split = "/hubs/crm/contacts?date=${gmtDate:yyyy-MM-dd}&time=${gmtDate:HH:mm:ss}"
    assert not hits(body(split), "CE417")
    time_only = "/hubs/crm/contacts?where=updated_at>'${gmtDate:HH:mm:ss}'"
    hit = at(body(time_only), "CE417", "HH:mm:ss}", length=len("HH:mm:ss"))
    assert "without a date" in hit.message
    no_year = "/hubs/crm/contacts?where=updated_at>'${date:MM-dd'T'HH:mm:ss'Z'}'"
    at(body(no_year), "CE417", "MM-dd'T")
    assert not hits(body("/hubs/crm/contacts?where=updated_at>'${epoch}'&time=${gmtDate:HH:mm}"), "CE417")
    # a false-alarm hunt (helper-82): a year and a week are a vendor's week filter; a week without a year is not
    assert not hits(body("/hubs/general/reports?where=week='${gmtDate:YYYY-'W'ww}'"), "CE417")
    at(body("/hubs/general/reports?where=week='${gmtDate:'W'ww}'"), "CE417", "'W'ww}")


def test_offset_less_macro_in_gmt_while_records_are_read_in_pst():
    url = "/hubs/helpdesk/incidents?where=sys_updated_on>'${date:yyyy-MM-dd'T'HH:mm:ss}'"
    records = dates("yyyy-MM-dd HH:mm:ss", zone="America/Los_Angeles", field="sys_updated_on")
    text = body(url, records)
    macro = "${date:yyyy-MM-dd'T'HH:mm:ss}"
    hit = at(text, "CE506", macro, length=len(macro))
    assert hit.severity == "warning" and "7 or 8 hours" in hit.message and "server_zone" in hit.message
    # the corrections: print in the records' zone, or carry the offset on both sides
    fixed = body("/hubs/helpdesk/incidents?where=sys_updated_on>"
                 "'${dateTimeZone:America/Los_Angeles:yyyy-MM-dd HH:mm:ss}'", records)
    clean(fixed)
    # the server zone is an option: a server in Los Angeles prints what the records hold
    same_url = "/hubs/helpdesk/incidents?where=sys_updated_on>'${date:yyyy-MM-dd HH:mm:ss}'"
    assert not hits(body(same_url, records), "CE506", server_zone="America/Los_Angeles")
    assert hits(body(same_url, records), "CE506")


def test_a_zone_gap_of_part_of_the_year_reads_plainly():
    """From a trial: "the filter is 1 hour for part of the year off"."""
    url = "/hubs/helpdesk/incidents?where=sys_updated_on>'${gmtDate:yyyy-MM-dd HH:mm:ss}'"
    records = dates("yyyy-MM-dd HH:mm:ss", zone="Europe/London", field="sys_updated_on")
    (hit,) = hits(body(url, records), "CE506")
    assert "the filter is 1 hour off for part of the year" in hit.message


def test_zone_mismatch_needs_a_known_field_and_no_offset():
    records = dates("yyyy-MM-dd HH:mm:ss", zone="America/Los_Angeles", field="sys_updated_on")
    other = body("/hubs/helpdesk/incidents?where=opened_at>'${gmtDate:yyyy-MM-dd HH:mm:ss}'"
                 "&since=${gmtDate:yyyy-MM-dd HH:mm:ss}", records)
    assert not hits(other, "CE506"), "two filters on other fields: which one is the updated date is not guessed"
    with_offset = body("/hubs/helpdesk/incidents?where=sys_updated_on>'${gmtDate:yyyy-MM-dd HH:mm:ssXXX}'",
                       records)
    assert not hits(with_offset, "CE506")
    gmt_records = dates("yyyy-MM-dd HH:mm:ss", zone="UTC", field="sys_updated_on")
    assert not hits(body("/hubs/helpdesk/incidents?where=sys_updated_on>'${gmtDate:yyyy-MM-dd HH:mm:ss}'",
                         gmt_records), "CE506")


# --------------------------------------------------------------------------- the instance body


@pytest.mark.parametrize(("value", "written", "meant"), [
    ("https;//mycoolapp.com", "https;//", "https://"), ("http:/mycoolapp.com", "http:/", "http://"),
    ("htps://mycoolapp.com", "htps://", "https://"), ("https//mycoolapp.com", "https//", "https://"),
    ("https:\\\\mycoolapp.com", "https:\\\\", "https://"), ("https:///mycoolapp.com", "https:///", "https://"),
    ("htttps://mycoolapp.com", "htttps://", "https://"),
])
def test_scheme_typo_in_any_url_valued_key(value, written, meant):
    text = body(**{"oauth.callback.url": value})
    hit = at(text, "CE209", json.dumps(value), offset=1, length=len(json.dumps(written)) - 2)
    assert hit.severity == "error" and f"`{meant}`" in hit.message and hit.pointer == "/configuration/oauth.callback.url"
    clean(body(**{"oauth.callback.url": "https://mycoolapp.com"}))


def test_scheme_typo_in_the_event_callback_is_one_finding():
    text = body(**{"event.notification.callback.url": "https;//mycoolapp.com/events"})
    at(text, "CE209", "https;//", length=8)
    assert not hits(text, "CE202"), "one mistake, one finding"


def test_scheme_typo_in_provider_data():
    value = json.loads(body())
    value["providerData"] = {"callbackUrl": "https;//mycoolapp.com/auth"}
    text = json.dumps(value, indent=2)
    assert at(text, "CE209", "https;//").pointer == "/providerData/callbackUrl"


def test_scheme_typo_spares_correct_and_unrelated_values():
    from validator.rules.notifications import scheme_typo

    for value in ("https://mycoolapp.com", "HTTPS://MYCOOLAPP.COM", "ftp://files.example.com", "https:",
                  "host:8080/path", "httpbin.org/get", "mailto:ops@example.com", "hello: world"):
        assert scheme_typo(value) is None, value
    assert scheme_typo("  https;//x.com") == (2, 10, "https://")


@pytest.mark.parametrize(("url", "host"), [
    ("http://localhost:8080/events", "localhost"), ("https://127.0.0.1/events", "127.0.0.1"),
    ("https://10.1.2.3/events", "10.1.2.3"), ("https://172.20.0.5/events", "172.20.0.5"),
    ("https://192.168.1.10:8443/events", "192.168.1.10"), ("http://[::1]:8080/events", "::1"),
    ("https://devbox.local/events", "devbox.local"), ("https://169.254.1.1/events", "169.254.1.1"),
    # a user's trial: the loopback address written as resolvers also read it, and localhost's other name
    ("http://127.1/events", "127.1"), ("http://2130706433/events", "2130706433"),
    ("http://0x7f000001/events", "0x7f000001"), ("http://localhost.localdomain/events", "localhost.localdomain"),
    ("http://[::ffff:127.0.0.1]/events", "::ffff:127.0.0.1"),
])
def test_callback_the_platform_cannot_reach(url, host):
    text = body(**{"event.notification.callback.url": url})
    hit = at(text, "CE210", host, length=len(host))
    assert hit.severity == "error" and "assuming the hosted platform" in hit.message
    off = body(**{"event.notification.callback.url": url, "event.notification.enabled": False})
    assert [f.severity for f in hits(off, "CE210")] == ["warning"]


@pytest.mark.parametrize(("url", "says"), [
    # a user's trial: each passed
    ("https://my coolapp.com/events", "holds a space"),
    ("https://https://mycoolapp.com/events", "writes its scheme twice"),
    ("https://mycoolapp.com:80443/events", "`80443` is not a port"),
])
def test_a_callback_host_no_request_can_reach(url, says):
    [hit] = hits(body(**{"event.notification.callback.url": url}), "CE202")
    assert says in hit.message and hit.severity == "error"


def test_public_callbacks_are_reachable():
    for url in ("https://mycoolapp.com/events", "https://172.32.0.1/events", "https://8.8.8.8/events",
                "https://localhost.example.com/events", "https://134744072/events", "https://1.2.3.4.5/events"):
        clean(body(**{"event.notification.callback.url": url}))


def test_oauth_callback_on_localhost_is_fine():
    # the browser, not the platform, follows an OAuth redirect: localhost works there
    clean(body(**{"oauth.callback.url": "http://localhost:8080/callback"}))


def test_refresh_interval_zero_is_a_warning():
    text = body(**{"event.poller.refresh_interval": "0"})
    hit = at(text, "CE208", '"0"')
    assert hit.severity == "warning"
    clean(body(**{"event.poller.refresh_interval": "1"}))


@pytest.mark.parametrize(("key", "path", "construct", "meant"), [
    ("idField", "$.id", "$.", "id"), ("idField", "$.data[*].id", "$.", "id"), ("idField", "$..id", "$..", "id"),
    ("idField", "data[*].id", "[*]", "id"), ("updatedDateField", "$.updated_at", "$.", "updated_at"),
])
def test_jsonpath_where_a_field_path_belongs(key, path, construct, meant):
    if key == "idField":
        text = body(entry={"idField": path})
    else:
        text = body(dates={**GOOD_DATES, key: path})
    needle = json.dumps(path)
    hit = at(text, "CE309", needle, offset=1 + path.index(construct), length=len(construct))
    assert hit.severity == "error" and hit.help == f"write {json.dumps(meant)}"
    assert not hits(text, "CE303"), "one mistake, one finding"
    clean(body(entry={"idField": "id"}))


@pytest.mark.parametrize(("key", "path", "meant"), [
    ("updatedDateField", "/properties/lastmodifieddate", "properties.lastmodifieddate"),
    ("idField", "#/data/id", "data.id"), ("idField", "/items/0/id", "items[0].id"),
    ("createdDateField", "/Created Time", "['Created Time']"), ("idField", "/a~1b/c", "['a/b'].c"),
])
def test_a_json_pointer_where_a_field_path_belongs(key, path, meant):
    """From a trial: `"updatedDateField": "/properties/lastmodifieddate"`, written as in a JSON Schema."""
    text = body(entry={"idField": path}) if key == "idField" else body(dates={**GOOD_DATES, key: path})
    hit = at(text, "CE309", json.dumps(path), offset=1, length=len(path))
    assert hit.severity == "error" and "JSON pointer" in hit.message and hit.help == f"write {json.dumps(meant)}"
    assert not hits(text, "CE303"), "one mistake, one finding"


def test_jsonpath_inside_a_stringified_poller():
    text = body(entry={"idField": "$.id"}, stringify=True)
    at(text, "CE309", "$.id", length=2)


def test_field_paths_that_are_not_jsonpath():
    for path in ("id", "user.id", "['Modified Time']", "@.@id", "items[0].id", "a/b", "['/x']"):
        assert not hits(body(entry={"idField": path}), "CE309"), path


def test_zone_mismatch_inside_a_stringified_poller():
    url = "/hubs/helpdesk/incidents?where=sys_updated_on>'${gmtDate:yyyy-MM-dd HH:mm:ss}'"
    records = dates("yyyy-MM-dd HH:mm:ss", zone="PST", field="sys_updated_on")
    text = body(url, records, stringify=True)
    at(text, "CE506", "${gmtDate:", length=len("${gmtDate:yyyy-MM-dd HH:mm:ss}"))


def test_scheme_typo_in_a_bare_configuration_object():
    text = json.dumps({"oauth.api.key": "${SAGE_KEY}", "oauth.callback.url": "https;//mycoolapp.com",
                       "event.notification.enabled": False}, indent=2)
    assert at(text, "CE209", "https;//").pointer == "/oauth.callback.url"


def test_swapped_month_in_a_legacy_pipe_line():
    line = "contacts|/hubs/crm/contacts|id|updated_at|yyyy-mm-dd'T'HH:mm:ssXXX|GMT|created_at|yyyy-MM-dd'T'HH:mm:ssXXX|GMT"
    text = body(**{"event.poller.urls": line})
    found = [f for f in check(text) if f.rule == "CE415"]
    assert found and (found[0].line, found[0].column) == locate(text, "mm-dd")


def test_zone_mismatch_when_the_hub_renames_the_field():
    # Zoho through the CRM hub: the filter is `lastModifiedTime`, the records' field `Modified Time`
    url = "/hubs/crm/contacts?where=lastModifiedTime>'${gmtDate:yyyy-MM-dd HH:mm:ss}'"
    records = {"updatedDateField": "['Modified Time']", "updatedDateFormat": "yyyy-MM-dd HH:mm:ss",
               "updatedDateTimezone": "America/Los_Angeles", "createdDateField": "['Created Time']",
               "createdDateFormat": "yyyy-MM-dd HH:mm:ss", "createdDateTimezone": "America/Los_Angeles"}
    hit = at(body(url, records), "CE506", "${gmtDate:")
    assert "only last-poll filter" in hit.message and "`Modified Time`" in hit.message
    clean(body("/hubs/crm/contacts?where=lastModifiedTime>"
               "'${dateTimeZone:America/Los_Angeles:yyyy-MM-dd HH:mm:ss}'", records))
    # two last-poll macros under other names: which is which is not guessed
    two = "/hubs/crm/contacts?where=a>'${gmtDate:yyyy-MM-dd HH:mm:ss}' or b>'${gmtDate:yyyy-MM-dd HH:mm:ss}'"
    assert not hits(body(two, records), "CE506")


# --- CE422: `X` drops the minutes of an offset such as +05:30 -------------------------------------------------

@pytest.mark.parametrize(("zone", "sent", "minutes"), [
    ("America/St_Johns", "-03", 30), ("Asia/Kathmandu", "+05", 45), ("Australia/Adelaide", "+09", 30),
])
def test_a_single_x_in_a_macro_of_a_half_hour_zone_drops_the_minutes(zone, sent, minutes):
    """From a trial: Java prints `-03` for St John's -03:30 (checked against the JDK), so the filter is 30
    minutes off."""
    macro = f"${{dateTimeZone:{zone}:yyyy-MM-dd'T'HH:mm:ssX}}"
    text = body(f"/hubs/crm/contacts?where=updated_at>'{macro}'")
    hit = at(text, "CE422", "ssX}", offset=2, length=1)
    assert f"is sent as {sent}" in hit.message and f"{minutes} minutes off" in hit.message
    assert hit.severity == "warning" and hit.fix is not None and hit.fix.applicability == "unsafe"
    assert hit.fix.edits[0].replacement == "XXX"


def test_a_single_x_reading_dates_of_a_half_hour_zone_drops_the_minutes():
    """Java reads `2024-01-05T15:30:00+05:30` with `...ssX` as 15:30+05:00: 30 minutes late (checked against
    the JDK)."""
    text = body(dates=dates("yyyy-MM-dd'T'HH:mm:ssX", zone="Asia/Kolkata"))
    found = hits(text, "CE422")
    assert [f.pointer.rsplit("/", 1)[-1] for f in found] == ["updatedDateFormat", "createdDateFormat"]
    assert "read as +05:00" in found[0].message


@pytest.mark.parametrize("url", [
    "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssX}'",
    "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:America/New_York:yyyy-MM-dd'T'HH:mm:ssX}'",
    "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:Asia/Kolkata:yyyy-MM-dd'T'HH:mm:ssXXX}'",
    "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:Asia/Kolkata:yyyy-MM-dd'T'HH:mm:ssXX}'",
])
def test_whole_hour_zones_and_offsets_with_minutes_are_not_reported(url):
    assert not hits(body(url), "CE422")
    assert not hits(body(dates=dates("yyyy-MM-dd'T'HH:mm:ssX", zone="Europe/Paris")), "CE422")


# --- CE423 / CE424: which date the poller compares ---------------------------------------------------------------

def test_updated_and_created_fields_swapped():
    """From a trial, and Cloud Elements' own ShareFile examples (`CreationDate` as the updated date,
    `ProgenyEditDate` as the created one)."""
    swapped = {**GOOD_DATES, "updatedDateField": "date_created", "createdDateField": "date_updated"}
    text = body("/hubs/crm/contacts?where=date_updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", swapped)
    hit = at(text, "CE423", '"date_created"')
    assert hit.severity == "warning" and "swapped" in hit.message and '"updatedDateField": "date_updated"' in hit.help
    assert not hits(text, "CE424"), "one mistake, one finding"
    sharefile = {**GOOD_DATES, "updatedDateField": "CreationDate", "createdDateField": "ProgenyEditDate"}
    assert hits(body(dates=sharefile), "CE423")


@pytest.mark.parametrize(("updated", "created"), [
    ("updated_at", "created_at"), ("created_at", "created_at"), ("lastUpdated", "lastUpdated"),
    ("creditDate", "updated_at"), ("created_at", "createdAt"), ("recreated_on", "recreated_on"),
    ("createdDate", "exchangeDate"),  # a review: `chang` inside another word
])
def test_field_names_that_are_not_swapped(updated, created):
    assert not hits(body(dates={**GOOD_DATES, "updatedDateField": updated, "createdDateField": created}), "CE423")


def test_a_filter_on_the_created_date_alone_is_info():
    """From a trial: `where=date_created>=...` while the updated date is `date_updated`: updates to older records
    are never fetched.  Information: some vendors filter on creation only."""
    url = "/hubs/crm/leads?where=date_created>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'"
    records = {**GOOD_DATES, "updatedDateField": "date_updated", "createdDateField": "date_created"}
    hit = at(body(url, records), "CE424", "${gmtDate", length=len("${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}"))
    assert hit.severity == "info" and "no update event" in hit.message and "'date_updated'" in hit.help


@pytest.mark.parametrize("url", [
    "/hubs/crm/leads?where=date_updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'",
    "/hubs/crm/leads?where=date_created>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' or "
    "date_updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'",
    "/hubs/crm/leads?where=date_created<'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'",
    "/hubs/crm/leads?where=date_created<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'",  # a review: not "after"
])
def test_filters_that_fetch_updates_are_not_created_only(url):
    records = {**GOOD_DATES, "updatedDateField": "date_updated", "createdDateField": "date_created"}
    assert not hits(body(url, records), "CE424")
    one_field = {**GOOD_DATES, "updatedDateField": "date_created", "createdDateField": "date_created"}
    assert not hits(body("/hubs/crm/leads?where=date_created>='${gmtDate:yyyy-MM-dd}'", one_field), "CE424")


def test_a_poller_configuration_stringified_twice_says_so():
    """From a trial: the message quoted the escaped string and said only "must be an object"."""
    poller = {"contacts": {"url": GOOD_URL, "idField": "id", "datesConfiguration": GOOD_DATES}}
    text = body(**{"event.poller.configuration": json.dumps(json.dumps(poller))})
    (hit,) = hits(text, "CE102")
    assert "stringified twice" in hit.message and "\\\"contacts" not in hit.message
    assert hit.pointer == "/configuration/event.poller.configuration"
    clean(body(stringify=True))
    # a review: any other object written as a JSON string once is not "stringified twice"
    text = json.dumps({"element": {"key": "hubspot"}, "name": "x", "configuration": {},
                       "providerData": json.dumps({"code": "abc"})})
    (hit,) = hits(text, "CE102")
    assert "written as a JSON string" in hit.message and "twice" not in hit.message


# --- CE425: ${epoch} against a field the records hold as text -----------------------------------------------------

@pytest.mark.parametrize(("macro", "unit"), [("${epoch}", "milliseconds"), ("${epoch:s}", "seconds"),
                                             ("${epoch:ms}", "milliseconds"),
                                             ("${milliseconds}", "milliseconds")])  # (helper-125: it passed)
def test_an_epoch_number_compared_with_a_text_date_field(macro, unit):
    """From a trial: `updated_at>='${epoch}'` while the records' `updated_at` is read as ISO text."""
    text = body(f"/hubs/crm/contacts?where=updated_at>='{macro}'")
    hit = at(text, "CE425", macro, length=len(macro))
    assert hit.severity == "warning" and f"a number of {unit}" in hit.message
    assert hit.fix is not None and hit.fix.applicability == "unsafe"
    assert hit.fix.edits[0].replacement == f"${{gmtDate:{ISO}}}"


def test_an_epoch_fix_writes_no_offset_sign_into_the_query():
    """helper-87: the records' `...SSSZ` went into the URL as is, `+0000` there, which the query reads as a space
    (CE616 on the fixed file); in a `${gmtDate:...}` `XXX` prints `Z`, the same instant."""
    text = body("/hubs/crm/contacts?where=updated_at>='${epoch:ms}'", dates("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
    hit = at(text, "CE425", "${epoch:ms}", length=len("${epoch:ms}"))
    assert hit.fix is not None and hit.fix.edits[0].replacement == "${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSSXXX}"
    fixed = text.replace("${epoch:ms}", hit.fix.edits[0].replacement)
    assert not hits(fixed, "CE616") and not hits(fixed, "CE425")
    quoted = body("/hubs/crm/contacts?where=updated_at>='${epoch}'", dates("yyyy-MM-dd'T'HH:mm:ss'Z'"))
    assert at(quoted, "CE425", "${epoch}", length=len("${epoch}")).fix.edits[0].replacement == \
        "${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"  # a quoted Z is a letter


def test_an_unquoted_epoch_s_fix_writes_the_date_macro_in_quotes():
    """helper-159: `updated_at>${epoch}` (a number needs no quotes) became `updated_at>${gmtDate:...}`, a date outside
    quotes: --unsafe-fixes left CE624 for a CEQL string it had written without its quotes."""
    text = body("/hubs/crm/contacts?where=updated_at>=${epoch} and x>${epoch}000")
    hit = at(text, "CE425", "${epoch}", length=len("${epoch}"))
    assert hit.fix is not None and hit.fix.edits[0].replacement == f"'${{gmtDate:{ISO}}}'"
    fixed = text.replace("updated_at>=${epoch}", "updated_at>=" + hit.fix.edits[0].replacement)
    assert not hits(fixed, "CE624") and not hits(fixed, "CE425")


def test_an_epoch_number_for_a_field_in_milliseconds_or_not_read_is_not_ce425():
    millis = dates("milliseconds")
    assert not hits(body("/hubs/crm/contacts?where=updated_at>'${epoch}'", millis), "CE425")
    assert not hits(body("/hubs/crm/contacts?where=updated_at>'${milliseconds}'", millis), "CE425")
    assert not hits(body("/hubs/crm/contacts?where=modified_since>'${epoch}'"), "CE425"), "a field not read"
    assert not hits(body("/hubs/crm/contacts?since=${epoch}"), "CE425")


# --- strftime patterns ------------------------------------------------------------------------------------------

def test_a_strftime_pattern_is_one_finding_with_its_java_pattern():
    """From a trial: `%Y-%m-%d %H:%M:%S` drew CE415s whose fix made `%y-%M-%d...`, still broken."""
    strftime = "%Y-%m-%d %H:%M:%S"
    text = body(f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{strftime}}}'", dates(strftime))
    found = check(text)
    assert {f.rule for f in found} == {"CE402"} and len(found) == 3, [(f.rule, f.message) for f in found]
    (macro,) = [f for f in found if f.pointer.endswith("/url")]
    assert (macro.line, macro.column) == locate(text, strftime)
    assert macro.help == "`yyyy-MM-dd HH:mm:ss`" and macro.fix is not None and macro.fix.applicability == "unsafe"
    assert macro.fix.edits[0].replacement == "yyyy-MM-dd HH:mm:ss"


def test_a_strftime_record_format_with_a_literal_letter_is_strftime_not_an_illegal_letter():
    (hit,) = hits(body(dates=dates("%Y-%m-%dT%H:%M:%S%z")), "CE402")[:1]
    assert hit.help == "`yyyy-MM-dd'T'HH:mm:ssZ`"
    assert not hits(body(dates=dates("%Y-%m-%dT%H:%M:%S%z")), "CE401")


def test_strftime_s_microseconds_and_percent_sign_are_not_misread():
    """A review: `%f` became `SSS` (microseconds read as milliseconds) and `%%` stayed two signs."""
    (micro,) = hits(body(dates=dates("%Y-%m-%d %H:%M:%S.%f")), "CE402")[:1]
    assert micro.fix is None and "SSS" not in (micro.help or "")
    (pct,) = hits(body(dates=dates("%Y%%%m")), "CE402")[:1]
    assert pct.help == "`yyyy%MM`"


@pytest.mark.parametrize("strftime, meant", [("%Y-%m-%dT%H:%M:%SZ", "yyyy-MM-dd'T'HH:mm:ss'Z'"),
                                              ("%Y-%m-%d %I:%M %p", "yyyy-MM-dd hh:mm a")])
@pytest.mark.parametrize("stringify", [False, True])
def test_a_strftime_macro_java_refuses_is_strftime_not_an_illegal_letter(strftime, meant, stringify):
    """helper-138: in a URL macro (not in a records' format) a strftime pattern with a letter Java refuses (`T`,
    `%I`, `%p`) drew only CE401 `Illegal pattern character 'T'`, with no word of strftime."""
    text = body(f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{strftime}}}'", stringify=stringify)
    assert not hits(text, "CE401")
    hit = at(text, "CE402", strftime, length=len(strftime))
    assert "strftime" in hit.message and hit.help == f"write `{meant}`"
    assert hit.fix is not None and hit.fix.applicability == "unsafe"


@pytest.mark.parametrize("quote", ["\u2019", '"', "`", "\u2032"])
@pytest.mark.parametrize("where", ["url", "records"])
def test_a_quote_look_alike_before_the_letter_java_refuses_is_named(quote, where):
    """helper-138: `yyyy-MM-dd’T’HH:mm:ss` (a quote from a word processor) or `"T"` drew `Illegal pattern character
    'T'` and the help `quote literal letters: 'T'`, which the writer believes they did."""
    fmt = f"yyyy-MM-dd{quote}T{quote}HH:mm:ss"
    text = (body(f"/hubs/crm/contacts?where=updated_at>'${{gmtDate:{fmt}}}'", dates("yyyy-MM-dd HH:mm:ss"))
            if where == "url" else body(dates=dates(fmt)))
    found = hits(text, "CE401")
    assert found, check(text)
    hit = found[0]
    written = json.dumps(quote)[1:-1]  # (as the body writes it: `\\u2019`, `\\"`)
    assert (hit.line, hit.column) == locate(text, written + "T", len(written))
    shown = "`` ` ``" if quote == "`" else f"`{quote}`"  # (h223: a backtick in backticks read "the ``` before it")
    assert f"the {shown} before it is" in hit.message and "not SimpleDateFormat's `'`" in hit.message
    assert "before it" not in hits(body(dates=dates("yyyy-MM-ddTHH:mm:ss")), "CE401")[0].message


@pytest.mark.parametrize("fmt", ["yyyy-MM-dd'T'HH:mm:ss'%'", "yyyy-MM-dd HH:mm:ss '%d'", "'%Y'yyyy",
                                 "yyyy%MM%dd HH:mm"])  # a review: `%` as Java's own separator
def test_a_percent_sign_that_is_not_strftime_is_left_alone(fmt):
    assert not hits(body(dates=dates(fmt)), "CE402")


def test_day_and_month_in_the_other_order_between_url_and_records_is_a_warning():
    """A second trial: the URL sends `dd/MM/yyyy`, the records are read `MM/dd/yyyy` (CE413 was only info)."""
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:dd/MM/yyyy HH:mm:ss}'"
    hit = at(body(url, dates("MM/dd/yyyy HH:mm:ss")), "CE413", "dd/MM/yyyy HH:mm:ss}", length=len("dd/MM/yyyy HH:mm:ss"))
    assert hit.severity == "warning" and "the other order" in hit.message
    iso = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd HH:mm:ss}'"
    (other,) = hits(body(iso, dates("MM/dd/yyyy HH:mm:ss")), "CE413")  # both month first: only info
    assert other.severity == "info"
    named = "/hubs/crm/contacts?where=updated_at>'${gmtDate:dd MMM yyyy HH:mm:ss}'"
    (named_hit,) = hits(body(named, dates("MM/dd/yyyy HH:mm:ss")), "CE413")  # a named month reads one way
    assert named_hit.severity == "info"
    (iso_hit,) = hits(body(iso, dates("dd/MM/yyyy HH:mm:ss")), "CE413")  # ISO's year first: read one way (corpus)
    assert iso_hit.severity == "info"
    # a review: a macro on the created date, read as the created format says, is not held to the updated format
    created = "/hubs/crm/contacts?where=created_at>='${gmtDate:MM/dd/yyyy}'"
    both = dates("dd/MM/yyyy HH:mm:ss", created="MM/dd/yyyy")
    assert all(f.severity == "info" for f in hits(body(created, both), "CE413"))


# A third trial's fresh mistakes (helper-54): each drew no finding, or a wrong suggestion.

def test_events_enabled_null_leaves_the_poller_off():
    text = body(**{"event.notification.enabled": None})
    found = at(text, "CE204", '"event.poller.configuration"')
    assert "null" in found.message
    assert not hits(body(), "CE204")


def test_a_callback_url_with_a_fragment_posts_to_the_url_before_it():
    text = body(**{"event.notification.callback.url": "https://webhook.site/#!/4f1c2a9e-0d1b-4e55-9a1e-6c3f7b2d8e10"})
    found = at(text, "CE202", '"https://webhook.site/#')
    assert found.severity == "error" and "`https://webhook.site/`" in found.message
    assert hits(body(**{"event.notification.callback.url": "https://hooks.example/#/in"}), "CE202")
    # a label after the receiver's own path: the events reach that path (helper-98)
    assert not hits(body(**{"event.notification.callback.url": "https://hooks.example/in?x=a#b"}), "CE202")
    assert not hits(body(**{"event.notification.callback.url": "https://hooks.example/in?x=a#"}), "CE202")


def test_a_space_between_dollar_and_brace_is_no_macro():
    text = body(GOOD_URL.replace("${", "$ {"))
    found = at(text, "CE605", "$ {", length=3)
    assert found.fix is not None and found.fix.applicability == "safe"
    assert not hits(body(), "CE605")


@pytest.mark.parametrize(("zone", "meant"), [("Asia/Mumbai", "Asia/Kolkata"), ("America/Dallas", "America/Chicago"),
                                             ("Europe/Frankfurt", "Europe/Berlin"),
                                             ("America/San_Francisco", "America/Los_Angeles")])
def test_a_city_that_names_no_zone_suggests_the_zone_it_is_in(zone, meant):
    found = hits(body(dates=dates(zone=zone)), "CE501")
    assert found and all(f"did you mean `{meant}`" in f.message for f in found)


def test_a_colon_before_the_operator_is_search_syntax():
    text = body("/hubs/crm/contacts?where=updated_at:>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'")
    found = at(text, "CE639", "updated_at:", offset=len("updated_at"), length=1)
    assert "`updated_at>`" in found.message and found.fix is not None
    assert not hits(body("/hubs/crm/contacts?where=properties.hs:lastmodified>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'"),
                    "CE639")  # a colon inside a name is the vendor's


def test_the_whole_filter_in_quotes_is_one_value():
    text = body("/hubs/crm/contacts?where='updated_at>${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'")
    found = at(text, "CE639", "'updated_at>")
    assert found.help == "quote only the value: `updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'`"
    assert not hits(body("/hubs/crm/contacts?where=name='a>b' and " + GOOD_URL.split("where=")[1]), "CE639")


def test_where_glued_to_the_value_before_it():
    text = body(GOOD_URL.replace("?where=", "?pageSize=200where="))
    found = at(text, "CE634", "where=", length=len("where"))
    assert "`&` is missing" in found.message and found.fix is not None
    assert not hits(body(GOOD_URL.replace("?where=", "?pageSize=200&where=")), "CE634")


@pytest.mark.parametrize("wrapper", ["instance", "body", "payload"])
def test_a_body_wrapped_in_an_envelope_is_not_skipped(wrapper):
    inner = json.loads(body())
    text = json.dumps({wrapper: inner}, indent=2)
    found = at(text, "CE103", "{")
    assert f"wrapped in `{wrapper}`" in found.message and found.severity == "error"
    assert [f.rule for f in check(json.dumps({"prod": inner}))] == ["CE090"]  # a map of instances, perhaps


def test_configuration_as_key_value_pairs_is_one_error_not_placeholders():
    """A trial's fresh mistake (helper-54): besides CE102, each pair's `key` (`apikey.user.name`) was reported as an
    unfilled placeholder standing for an API key."""
    pairs = [{"key": "apikey.user.name", "value": "ops@acme.example"}, {"key": "apikey.user.key", "value": "${K}"},
             {"key": "event.notification.enabled", "value": "true"}]
    text = json.dumps({"element": {"key": "pardot"}, "configuration": pairs, "name": "x"}, indent=2)
    assert sorted({f.rule for f in check(text)}) == ["CE102"]
    assert 'write {"apikey.user.name": ..., ...}' in (hits(text, "CE102")[0].help or "")
    assert hits(json.dumps({"element": {"key": "x"}, "configuration": {"key": "YOUR_API_KEY"}}), "CE701")


# A fourth trial (helper-57): standalone pollers, updates, callbacks.

def test_a_poller_map_with_a_null_entry_is_read_as_a_poller():
    entry = json.loads(body())["configuration"]["event.poller.configuration"]["contacts"]
    text = json.dumps({"contacts": entry, "vendors": None}, indent=2)
    found = at(text, "CE102", "null")
    assert "`null`" in found.message


def test_a_configuration_written_as_a_string_is_reported_not_skipped():
    inner = json.dumps({"event.poller.refresh_interval": "30", "event.notification.enabled": "true"})
    text = json.dumps({"configuration": inner}, indent=2)
    assert [f.rule for f in check(text)] == ["CE102"]  # an update: no CE103 for `element`


def test_an_update_that_renames_the_instance_needs_no_element():
    rename = json.dumps({"name": "sfdc-prod-events-v2", "configuration": {"event.poller.refresh_interval": "30"}})
    assert check(rename) == []
    forgot = json.dumps({"name": "new", "configuration": {"oauth.api.key": "${K}", "event.poller.refresh_interval": "30"}})
    assert "CE103" in {f.rule for f in check(forgot)}  # a new instance's body, its element forgotten


def test_a_space_inside_a_callback_url():
    text = body(**{"event.notification.callback.url": "https://hooks.acme.example/ce events"})
    found = at(text, "CE202", '"https://hooks.acme.example/ce events"')
    assert "holds a space" in found.message and found.severity == "error"
    assert not hits(body(**{"event.notification.callback.url": "https://hooks.acme.example/ce%20events"}), "CE202")


@pytest.mark.parametrize("key", ["createdCheckTolerance", "pollDelay", "updatedDateFormat"])
def test_a_poller_entry_key_written_as_a_configuration_key(key):
    """A trial (helper-57): `createdCheckTolerance` among the configuration keys drew nothing without element docs."""
    text = body(**{key: "10"})
    found = at(text, "CE101", f'"{key}": "10"')
    assert "the platform ignores it" in found.message


# A review of this round's changes (helper-58): each was a false alarm, a quoted token or a wrong fix.

def test_review_a_fragment_holding_a_deploy_tool_variable_is_filled_in_before_sending():
    text = body(**{"event.notification.callback.url": "https://hooks.acme.example/ce?tenant=#{TenantId}"})
    assert not hits(text, "CE202")


@pytest.mark.parametrize("wrapped", [
    {"data": {"id": 412377, "element": {"key": "sageone"}, "token": "<TOKEN>", "configuration": {"event.a": "1"}}},
    {"body": {"configuration": {"event.poller.refresh_interval": "30"}}},
])
def test_review_an_answer_or_an_update_in_an_envelope_is_not_a_new_body_missing_its_element(wrapped):
    assert [f.rule for f in check(json.dumps(wrapped))] == ["CE090"]


@pytest.mark.parametrize("query", ["?next=https%3A%2F%2Fx.example%2Fa%3Fwhere=1", "?elsewhere=1", "?pageSize=200%26where=a"])
def test_review_where_inside_another_value_is_not_glued(query):
    assert not hits(body("/hubs/crm/contacts" + query), "CE634")


def test_review_a_quoted_filter_of_two_conditions_gets_no_fix_that_quotes_both():
    url = "/hubs/crm/contacts?where='updated_at>${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX} and deleted=false'"
    found = at(body(url), "CE639", "'updated_at>")
    assert found.fix is None and "not conditions" in found.message


def test_review_a_log_date_in_brackets_is_literal_on_purpose():
    assert not hits(body(dates=dates(updated="[dd/MMM/yyyy:HH:mm:ss Z]")), "CE427")


def test_review_a_jsonc_file_on_standard_input_stays_json():
    from validator.inputs import reads_as_page

    assert not reads_as_page(None, '// settings\n\n    {"element": {"key": "x"}}\n')


def test_review_a_token_in_a_choice_key_is_not_quoted_and_italian_words_are_no_secrets():
    from validator.vocabulary.secrets import looks_like_a_token, secret_kind

    assert looks_like_a_token("00D5g000004JxyzA8f3K2m9X7q4W1z6B5n0Rt") and not looks_like_a_token("oauth2password")
    assert secret_kind("parola") is None and secret_kind("filtro.parola") is None


@pytest.mark.parametrize("url", ["/hubs/crm//contacts", "//contacts", "/hubs/crm/contacts//"])
def test_an_empty_path_segment_is_another_path(url):
    """A template's base path ending in `/` joined to one starting with it: `//` in the path (not in the query)."""
    text = body(url + GOOD_URL[len("/hubs/crm/contacts"):])
    found = at(text, "CE641", url, offset=url.index("//"), length=2)
    assert found.fix is not None and found.fix.applicability == "unsafe"
    assert not hits(body("/hubs/crm/contacts?where=note='see http://x//y' and " + GOOD_URL.split("where=")[1]),
                    "CE641")


def test_a_second_colon_after_the_descriptor_is_printed():
    """A trial's fresh mistake (helper-59): `${gmtDate::yyyy-...}` sends `:2024-...` and drew only CE413 (info)."""
    text = body(GOOD_URL.replace("gmtDate:", "gmtDate::"))
    found = at(text, "CE605", "::", offset=1, length=1)
    assert found.fix is not None and found.fix.applicability == "safe" and found.fix.edits[0].replacement == ""
    assert not hits(body(), "CE605")


def test_java_time_s_year_in_a_macro_is_named():
    """A trial (helper-59): `${gmtDate:uuuu-MM-dd...}` drew CE417 "without a year", not why."""
    (found,) = hits(body(GOOD_URL.replace("yyyy", "uuuu")), "CE417")
    assert "`u` is the day of the week" in found.message and found.help == "`yyyy` for the year"


def test_or_beside_and_around_the_last_poll_time():
    """A trial's fresh mistake (helper-59): `a or b and updated>...` without parentheses drew nothing."""
    date = GOOD_URL.split("where=")[1]
    text = body(f"/hubs/crm/contacts?where=status='UNPAID' or status='PART_PAID' and {date}")
    at(text, "CE642", " or ", offset=1, length=2)
    for fine in (f"(status='UNPAID' or status='PART_PAID') and {date}", f"status='a' and {date}",
                 f"{date} or created_at>'x'", "status='a' or status='b' and kind='c'",
                 f"(status='a' and kind='b') or ({date})"):
        assert not hits(body(f"/hubs/crm/contacts?where={fine}"), "CE642"), fine


def test_the_platform_s_api_prefix_before_the_hub_path():
    """A trial (helper-59): `/elements/api-v2/hubs/...` drew only CE905 with element docs, and nothing without."""
    text = body("/elements/api-v2" + GOOD_URL)
    found = at(text, "CE632", "/elements/api-v2", length=len("/elements/api-v2"))
    assert found.fix is not None and found.fix.edits[0].replacement == ""
    assert not hits(body(), "CE632")


def test_or_beside_and_with_the_date_on_every_side_is_as_meant():
    """A review (helper-63): CE642 fired where each side of the `or` carries the date itself."""
    date = GOOD_URL.split("where=")[1]
    for fine in (f"{date} and type='A' or {date} and type='B'", f"type='A' and {date} or type='B' and {date}",
                 f"(type='A' or type='B') and {date}"):
        assert not hits(body(f"/hubs/crm/contacts?where={fine}"), "CE642"), fine
    assert hits(body(f"/hubs/crm/contacts?where=type='A' and {date} or type='B'"), "CE642")


def test_an_empty_segment_after_a_template_s_base_and_not_a_scheme_in_a_path():
    """A review (helper-63): `{{base}}//contacts`, the case CE641's own description names, drew nothing; and the
    `//` of a URL written in a path is no empty segment."""
    date = GOOD_URL.split("?")[1]
    assert hits(body("{{base}}//contacts?" + date), "CE641")
    assert not hits(body("/v1/files/http://example.com/x?" + date), "CE641")
