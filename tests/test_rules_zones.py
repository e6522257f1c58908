"""CE5xx: updatedDateTimezone / createdDateTimezone values."""

from __future__ import annotations

import json

import pytest

from test_rules_dates import MODULES, assert_at, compare_with_expected, corpus_counts, found, instance, poller
from validator.engine import check


@pytest.fixture(autouse=True)
def only_these_rules(rule_modules):
    """Only the date, zone, placeholder and secret rules, so each test sees just what they report."""
    rule_modules(MODULES)


def zoned(zone: str) -> str:
    return poller(updated="yyyy-MM-dd HH:mm:ss", zone=zone,
                  url="/hubs/crm/contacts?where=updated_at>'${epoch}'")  # GMT wall time would be CE506


@pytest.mark.parametrize(("zone", "suggestion", "severity"), [
    ("America/New York", "America/New_York", "error"),
    ("america/new_york", "America/New_York", "error"),
    ("utc", "UTC", "warning"),
    ("Z", "UTC", "warning"),
    ("UTC+05:30", "GMT+05:30", "error"),
    ("+05:30", "GMT+05:30", "error"),
    ("-8:00", "GMT-08:00", "error"),
    (" GMT", "GMT", "warning"),
    ("Europe/Londn", "Europe/London", "error"),
    ("CEST", "CET", "error"),  # a user's trial: it suggested `EST`, a fixed US offset
    ("EDT", "America/New_York", "error"),
    ("AEST", "Australia/Sydney", "error"),
    # Windows' and Rails' names (helper-76: `Pacific Standard Time` had no suggestion)
    ("Pacific Standard Time", "America/Los_Angeles", "error"),
    ("W. Europe Standard Time", "Europe/Berlin", "error"),
    ("India Standard Time", "Asia/Kolkata", "error"),
    ("Eastern Time (US & Canada)", "America/New_York", "error"),
])
def test_unknown_zone_ids_with_did_you_mean(zone, suggestion, severity):
    text = zoned(zone)
    hit = assert_at(text, "CE501", f'"{zone}"', count=2)
    assert "Java silently uses GMT" in hit.message
    assert f"did you mean `{suggestion}`?" in hit.message
    assert hit.severity == severity
    assert not found(zoned(suggestion), "CE501")


@pytest.mark.parametrize(("zone", "meant"), [("GMT\u221205:00", "did you mean `GMT-05:00`?"), ("UTC\u20135", "did you mean `GMT-05:00`?"),
                                           ("Etc/GMT+5:30", None)])
def test_an_offset_with_a_typographic_minus_or_minutes_in_a_posix_id(zone, meant):
    """helper-169: `GMT−05:00` (a minus sign) had no suggestion; `Etc/GMT+5:30` was told `did you mean Etc/GMT+5?`, an
    id half an hour off (and UTC-05:00, while +05:30 was likely meant)."""
    hit = found(zoned(zone), "CE501")[0]
    assert (meant in hit.message) if meant else "did you mean" not in hit.message


def test_unknown_zone_without_a_suggestion():
    hit = assert_at(zoned("Mars/Olympus_Mons"), "CE501", '"Mars/Olympus_Mons"')
    assert "did you mean" not in hit.message and hit.severity == "error"
    hit = assert_at(zoned("XYZT"), "CE501", '"XYZT"')  # an abbreviation is never guessed from its spelling
    assert "did you mean" not in hit.message


def test_each_abbreviation_is_the_zone_java_names_so():
    """The abbreviations table against Java's own zone names (DateFormatSymbols, as the JDK exported them): each
    is no Java id, and the zone suggested carries it as its standard or daylight short name."""
    from validator.dates.zones import _ABBREVIATIONS, resolve_zone, zone_strings

    rows = {row[0]: row for row in zone_strings()}
    for abbreviation, zone in _ABBREVIATIONS.items():
        assert not resolve_zone(abbreviation).known, abbreviation
        assert resolve_zone(zone).known, zone
        assert abbreviation in (rows[zone][2], rows[zone][4]), (abbreviation, rows[zone])


def test_a_macro_zone_abbreviation_suggests_its_region():
    from validator.urls.template import parse_url_template

    url = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:CEST:yyyy-MM-dd'T'HH:mm:ssXXX}'"
    (fact,) = parse_url_template(url).facts  # CE608's, which the URL rules place
    assert "did you mean 'CET'?" in fact.message


def test_empty_zone():
    hit = assert_at(zoned(""), "CE502", '""', count=2)
    assert hit.end_column == hit.column + 2
    assert not found(zoned("GMT"), "CE502")


def test_template_placeholder_as_zone():
    text = zoned("{TimeZone}")
    hit = assert_at(text, "CE503", '"{TimeZone}"')
    assert "GMT" in hit.message and hit.severity == "warning"
    assert not found(text, "CE501"), "one mistake, one finding"
    assert not found(text, "CE701"), "a single-brace placeholder is not CE701's"


def test_documentation_placeholder_as_zone_is_ce701_only():
    text = zoned("<TIME_ZONE>")
    assert found(text, "CE701")
    assert not [f for f in check(text) if f.rule.startswith("CE5")]


@pytest.mark.parametrize(("zone", "words"), [
    ("BST", "Bangladesh"),
    ("EST", "never switches to daylight time"),
    ("MST", "never switches to daylight time"),
    ("AST", "Alaska"),
    ("NST", "New Zealand"),
])
def test_misleading_legacy_ids(zone, words):
    hit = assert_at(zoned(zone), "CE504", f'"{zone}"')
    assert words in hit.message and hit.severity == "warning"
    # a false-alarm hunt (helper-134): beside a format that reads each record's own offset, the zone reads nothing
    for offset in ("Z", "XXX", "z"):
        assert not found(poller(updated=f"yyyy-MM-dd HH:mm:ss {offset}", zone=zone,
                                url="/hubs/crm/contacts?where=updated_at>'${epoch}'"), "CE504")


@pytest.mark.parametrize(("zone", "region"), [
    ("PST", "America/Los_Angeles"), ("CST", "America/Chicago"), ("IST", "Asia/Kolkata"), ("HST", "Pacific/Honolulu"),
])
def test_legacy_ids_are_info(zone, region):
    hit = assert_at(zoned(zone), "CE505", f'"{zone}"')
    assert hit.severity == "info" and hit.help == f"write `{region}`"
    assert not [f for f in check(zoned(region)) if f.rule.startswith("CE5")]


def test_ist_mentions_israel():
    assert "Israel" in found(zoned("IST"), "CE505")[0].message


@pytest.mark.parametrize("zone", ["GMT", "UTC", "America/New_York", "US/Eastern", "GMT+05:30", "GMT-8", "Etc/UTC",
                                  "Europe/London", "Asia/Kolkata"])
def test_correct_zones_draw_nothing(zone):
    assert not [f for f in check(zoned(zone)) if f.rule.startswith(("CE5", "CE7"))]


def test_zone_inside_a_stringified_poller():
    text = instance(zoned("America/New York"), stringify=True)
    hit = assert_at(text, "CE501", "America/New York", offset=-2)  # the escaped quote \" before the value
    assert hit.pointer.endswith("/datesConfiguration/updatedDateTimezone")


def test_rule_examples():
    from validator.rules import zones

    for rule in zones.RULES:
        assert rule.code in {f.rule for f in check(rule.bad)}, rule.code
        assert not [f for f in check(rule.good) if f.rule.startswith("CE5")], rule.code


def test_corpus_counts(corpus):
    compare_with_expected(corpus_counts(corpus, "CE5"), "zones")


@pytest.mark.parametrize(("zone", "words"), [("EST", "never switches"), ("BST", "Bangladesh"), ("MST", "-07:00")])
def test_misleading_legacy_id_as_a_macro_zone(zone, words):
    """A user's trial: `${dateTimeZone:BST:...}` meant London. Without an offset in the pattern the macro sends
    that zone's wall time; with one (`XXX`) the instant is right whatever the id, so nothing is said."""
    url = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:" + zone + ":yyyy-MM-dd HH:mm:ss}'"
    text = poller(url=url, updated="yyyy-MM-dd HH:mm:ss", zone="America/New_York")
    (hit,) = found(text, "CE504")
    assert words in hit.message and "without an offset" in hit.message
    assert_at(text, "CE504", zone + ":", count=1)
    with_offset = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:" + zone + ":yyyy-MM-dd'T'HH:mm:ssXXX}'"
    assert not found(poller(url=with_offset), "CE504")
    # a trial (helper-64): an offset written as text is one too (CE411 says whether it is the zone's)
    literal = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:" + zone + ":yyyy-MM-dd'T'HH:mm:ss-05:00}'"
    assert not found(poller(url=literal), "CE504")
    for written in (" " + zone + " ", "PST", "America/New_York"):  # spaced: unknown to Java (CE633); PST is right
        other = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:" + written + ":yyyy-MM-dd HH:mm:ss}'"
        assert not found(poller(url=other, updated="yyyy-MM-dd HH:mm:ss", zone="America/New_York"), "CE504")


def test_a_run_time_macro_zone_says_run_time():
    """From the review: `${nowTimeZone:EST:...}` prints the run time, not the last poll time."""
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd HH:mm:ss}' and " \
          "updated_at<'${nowTimeZone:EST:yyyy-MM-dd HH:mm:ss}'"
    (hit,) = found(poller(url=url, updated="yyyy-MM-dd HH:mm:ss", zone="GMT"), "CE504")
    assert "prints the run time" in hit.message


@pytest.mark.parametrize(("zone", "iso"), [("Etc/GMT-5", "+05:00"), ("Etc/GMT+5", "-05:00"), ("Etc/GMT-14", "+14:00")])
def test_posix_sign_of_etc_zones(zone, iso, jdk):
    """A user's trial: `Etc/GMT-5` meant US Eastern; it is UTC+05:00 (checked with the JDK)."""
    hit, _created = found(zoned(zone), "CE507")
    assert f"is UTC{iso}" in hit.message and hit.help.startswith(f"write `GMT{iso}`")
    raw = int(jdk.request("Z", zone)[2])
    assert raw == (1 if iso[0] == "+" else -1) * int(iso[1:3]) * 3_600_000
    assert not found(zoned("GMT" + iso), "CE507")


def test_posix_sign_zero_and_macro_zones():
    assert not found(zoned("Etc/GMT+0"), "CE507") and not found(zoned("Etc/GMT"), "CE507")
    url = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:Etc/GMT+5:yyyy-MM-dd HH:mm:ss}'"
    text = poller(url=url, updated="yyyy-MM-dd HH:mm:ss", zone="GMT")
    assert_at(text, "CE507", "Etc/GMT+5:", count=1)
    with_offset = url.replace("HH:mm:ss}", "HH:mm:ssXXX}")
    assert not found(poller(url=with_offset), "CE507")  # the instant is right whatever the id


@pytest.mark.parametrize(("zone", "meant"), [("utc", "UTC"), ("est", "EST"), ("Tokyo", "Asia/Tokyo"), ("CEST", "CET")])
def test_a_macro_zone_in_the_wrong_case_still_suggests(zone, meant):
    """From the review: a lowercase id was taken for an abbreviation and lost its suggestion."""
    from validator.urls.template import parse_url_template

    url = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:" + zone + ":yyyy-MM-dd'T'HH:mm:ssXXX}'"
    (fact,) = parse_url_template(url).facts
    assert f"did you mean '{meant}'?" in fact.message


def test_a_macro_zone_written_as_an_offset_from_utc_suggests_the_offset():
    """A trial (helper-64): `${dateTimeZone:UTC+1:...}` was told `did you mean 'UTC'?` (the +1 dropped), where the
    same text in updatedDateTimezone gets `GMT+01:00`: one suggestion for both (dates.zones.suggest_zone)."""
    from validator.urls.template import parse_url_template

    url = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:UTC+1:yyyy-MM-dd'T'HH:mm:ssXXX}'"
    (fact,) = parse_url_template(url).facts
    assert "did you mean 'GMT+01:00'?" in fact.message and fact.help == "write `GMT+01:00`"


def test_an_unknown_records_zone_is_ce501_s_not_ce506_s():
    """A new user's trial (helper-70): CE506 told to print the macro in `America/New York`, copying the zone id that
    CE501 reports on the same file."""
    url = "/hubs/crm/leads?where=updated_at>'${dateTimeZone:America/New_York:yyyy-MM-dd HH:mm:ss}'"
    text = poller(updated="yyyy-MM-dd HH:mm:ss", zone="America/New York", url=url)
    assert found(text, "CE501") and not found(text, "CE506")
    assert found(poller(updated="yyyy-MM-dd HH:mm:ss", zone="Europe/London", url=url), "CE506")


def _two_zones(updated_zone: str, created_zone: str, fmt: str = "yyyy-MM-dd HH:mm:ss") -> str:
    import json

    entry = json.loads(zoned(updated_zone))
    entry["contacts"]["datesConfiguration"].update(updatedDateFormat=fmt, createdDateFormat=fmt,
                                                   createdDateTimezone=created_zone)
    return json.dumps(entry, indent=2)


def test_created_and_updated_read_in_different_zones():
    """A fresh trial (helper-71): `UTC` for the updated date and `America/New_York` for the created one (the corpus's
    307 entries giving both give the same) left every new record UPDATED, and passed."""
    hit = assert_at(_two_zones("UTC", "America/New_York"), "CE508", '"America/New_York"')
    assert hit.severity == "warning" and "4 or 5 hours apart" in hit.message and "never CREATED" in hit.message
    assert not found(_two_zones("UTC", "GMT"), "CE508")  # the same offsets
    assert not found(_two_zones("America/New_York", "US/Eastern"), "CE508")
    assert not found(_two_zones("UTC", "America/New_York", "yyyy-MM-dd'T'HH:mm:ssXXX"), "CE508")  # offsets read
    assert not found(_two_zones("UTC", "America/New_Yrok"), "CE508")  # CE501's
    assert not found(_two_zones("UTC", "America/New_York", "yyyy-MM-dd"), "CE508")  # no time: a false-alarm hunt


@pytest.mark.parametrize("macro", ["${dateTimeZone:EST:yyyy-MM-dd HH:mm:ss -0500}",
                                   "${dateTimeZone:Asia/Kolkata:yyyy-MM-dd HH:mm:ss '+05:30'}"])
def test_a_macro_printing_its_zone_s_offset_as_text_is_no_offset_less_time(macro):
    """helper-95: CE506 said `... -0500` after EST printed "without an offset" and "the filter is 5 hours off"; Java
    prints the right instant with the right offset (CE411 judges such a literal against the zone)."""
    from validator.engine import check

    dates = {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd HH:mm:ss", "updatedDateTimezone": "GMT",
             "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd HH:mm:ss", "createdDateTimezone": "GMT"}
    body = {"contacts": {"url": f"/hubs/crm/contacts?where=updated_at>='{macro}'", "idField": "id",
                         "datesConfiguration": dates}}
    assert [f for f in check(body) if f.rule == "CE506"] == []


def test_records_with_no_zone_are_read_in_the_server_zone_against_a_zoned_macro():
    """helper-110: `${dateTimeZone:America/Denver:...}` with no `updatedDateTimezone` drew nothing, though the records'
    offset-less dates are read in the server zone (GMT, as `simulate` reads them) and the filter is 6 or 7 hours off."""
    url = "/hubs/crm/contacts?where=updated_at>'${dateTimeZone:America/Denver:yyyy-MM-dd HH:mm:ss}'"
    text = poller(updated="yyyy-MM-dd HH:mm:ss", url=url)
    (finding,) = [f for f in check(text) if f.rule == "CE506"]
    assert "no `updatedDateTimezone`" in finding.message and "server zone `GMT`" in finding.message
    assert "6 or 7 hours off" in finding.message and "updatedDateTimezone" in (finding.help or "")
    # the server zone is an option: records and macro in it agree
    assert not found(poller(updated="yyyy-MM-dd HH:mm:ss", url=url.replace("America/Denver", "GMT")), "CE506")
    assert not found(poller(updated="yyyy-MM-dd HH:mm:ss",
                            url=url.replace("dateTimeZone:America/Denver", "gmtDate")), "CE506")


@pytest.mark.parametrize(("zone", "meant"), [("America/New York", "America/New_York"), ("america/new_york", "America/New_York"),
                                             ("America / Sao Paulo", "America/Sao_Paulo"), ("utc", "UTC"),
                                             ("US/Eastern ", "US/Eastern"), ("\u200bGMT", "GMT"),
                                             ("Europe/Berlin\ufeff", "Europe/Berlin")])
def test_a_zone_spelt_otherwise_is_mended_and_another_zone_is_only_suggested(zone, meant):
    """helper-185: `America/New York` and `america/new_york` (one id meant, written with a space or in lowercase)
    had a did-you-mean and no fix in `updatedDateTimezone` (CE501; in a macro, CE608: test_rules_urls)."""
    from validator.fix_runner import fix_file
    from validator.options import Options

    text = zoned(zone)
    hits = found(text, "CE501")
    assert hits and all(f.fix is not None and f.fix.applicability == "safe" for f in hits), hits
    outcome = fix_file(text.encode(), shown="x.json", kind="auto", options=Options(), keep=lambda f: f, unsafe=False)
    written = json.dumps(zone)[1:-1]  # (as the file writes it: `\u200b` escaped)
    assert outcome.data is not None and outcome.data.decode() == text.replace(written, meant)
    for other in ("EDT", "Europe/Londn", "UTC+05:30"):  # another id than the one written: said, not written
        assert all(f.fix is None for f in found(zoned(other), "CE501")), other


def test_a_date_pattern_given_as_the_zone_is_said_to_belong_in_the_format():
    """A fresh trial (helper-200): the zone and the format swapped (`"updatedDateTimezone": "yyyy-MM-dd'T'HH:mm:ss'Z'"`)
    drew CE501 with the help "use a Java zone id such as `GMT`...", which said nothing of the pattern's place."""
    from validator.rules.zones import zone_problems

    [problem] = zone_problems("yyyy-MM-dd'T'HH:mm:ss'Z'")
    assert problem.rule == "CE501" and problem.help.startswith(
        "`yyyy-MM-dd'T'HH:mm:ss'Z'` is a date pattern, whose place is the `*DateFormat` beside it")
    [word] = zone_problems("MSD")  # letters a pattern takes (month, second, day of year), and no separator
    assert word.help == "use a Java zone id such as `GMT`, `America/New_York` or `GMT+05:30`"


@pytest.mark.parametrize("reference", ["$VENDOR_TZ", "$(VendorTz)", "__VENDOR_TZ__", "@vendor.tz@", "%VENDOR_TZ%",
                                       "#{VendorTz}#", "{{ .Values.vendorTz }}", "${{ vars.VENDOR_TZ }}", "${VENDOR_TZ}"])
def test_a_deployment_reference_as_the_zone_is_a_placeholder(reference):
    """helper-215: a zone left to the deployment in another tool's form than `${X}` (`$(X)`, `__X__`, `#{X}#`) was
    CE501, an error "unknown time zone id", where `${X}` is CE503; and Helm's `{{ .Values.x }}` was quoted as
    `{ .Values.x }`, its inner braces alone."""
    text = zoned(reference)
    hit = assert_at(text, "CE503", f'"{reference}"', count=2)  # (the whole string, as `"{TimeZone}"`)
    assert f"`{reference}`" in hit.message and hit.severity == "warning"
    assert hit.end_column - hit.column == len(reference) + 2
    assert not found(text, "CE501")
