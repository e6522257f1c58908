"""Poller entry rules (CE3xx): domain mistakes, field paths, examples, corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tables import assert_expected, corpus_table
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.engine import check
from validator.rules.poller import field_path_problems

MODULE = "validator.rules.poller"
EXPECTED = Path(__file__).parent / "expected" / "rules_corpus_poller.json"




def found(text: str, code: str, **kwargs) -> list:
    return [f for f in check(text, **kwargs) if f.rule == code]


def position(text: str, needle: str, occurrence: int = 0, after: str | None = None) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text`` (the first after ``after``, if given)."""
    index = text.index(after) if after else -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


DATES = {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX",
         "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX"}


def entry(**changes) -> dict:
    value = {"url": "/hubs/crm/contacts", "idField": "id", "datesConfiguration": dict(DATES)}
    for key, new in changes.items():
        if new is None:
            value.pop(key, None)
        else:
            value[key] = new
    return value


def poller(**entries) -> str:
    return json.dumps(entries, indent=2)


def codes(text: str) -> set[str]:
    return {f.rule for f in check(text) if f.rule.startswith("CE3")}


def test_a_complete_entry_draws_nothing():
    assert codes(poller(contacts=entry())) == set()
    assert codes(poller(contacts=entry(createdCheckTolerance=10, pollDelay=0, pageSize=100,
                                       filterByUpdatedDate=False))) == set()


# --- empty stubs -----------------------------------------------------------------------------------------------

def test_empty_stub_points_at_the_entry_and_replaces_the_schema_finding():
    text = poller(contacts=entry(), leads={})
    (finding,) = found(text, "CE301")
    assert (finding.line, finding.column) == position(text, "{}")
    assert finding.pointer == "/leads" and "`leads`" in finding.message
    assert not [f for f in check(text) if f.pointer == "/leads" and f.rule != "CE301"]
    assert not found(poller(contacts=entry()), "CE301")


def test_empty_stub_inside_a_stringified_poller_points_into_the_string():
    inner = json.dumps({"contacts": entry(), "leads": {}})
    text = json.dumps({"element": {"key": "insightly"},
                       "configuration": {"event.poller.configuration": inner}}, indent=2)
    (finding,) = found(text, "CE301")
    assert (finding.line, finding.column) == position(text, "{}")
    assert finding.pointer == "/configuration/event.poller.configuration/leads"


def test_insightly_page_leaves_two_stubs(corpus):
    record = next(r for r in corpus if r["id"] == 282)
    stubs = found(record["text"], "CE301")
    assert [f.pointer.rsplit("/", 1)[1] for f in stubs] == ["leads", "opportunities"]
    assert (stubs[0].line, stubs[0].column) == position(record["text"], "{", after='"leads"')


# --- keys one level off ----------------------------------------------------------------------------------------

def test_created_check_tolerance_inside_dates_configuration():
    text = poller(contacts=entry(datesConfiguration={**DATES, "createdCheckTolerance": 10}))
    (finding,) = found(text, "CE302")
    assert (finding.line, finding.column) == position(text, '"createdCheckTolerance"')
    assert finding.pointer == "/contacts/datesConfiguration/createdCheckTolerance"
    assert finding.help == 'move "createdCheckTolerance": 10 out of datesConfiguration, onto the entry next to "url"'
    assert not found(poller(contacts=entry(createdCheckTolerance=10)), "CE302")


def test_updated_date_timezone_on_the_entry():
    text = poller(contacts=entry(updatedDateTimezone="GMT"))
    (finding,) = found(text, "CE302")
    assert (finding.line, finding.column) == position(text, '"updatedDateTimezone"')
    assert finding.help == 'move "updatedDateTimezone": "GMT" into datesConfiguration'
    assert not found(poller(contacts=entry(datesConfiguration={**DATES, "updatedDateTimezone": "GMT"})), "CE302")


def test_misplaced_key_already_set_where_it_belongs():
    text = poller(contacts=entry(createdCheckTolerance=5,
                                 datesConfiguration={**DATES, "createdCheckTolerance": 10}))
    (finding,) = found(text, "CE302")
    assert "already sets" in finding.help and "(5)" in finding.help


def test_date_keys_on_an_entry_without_dates_configuration():
    text = poller(contacts={"url": "/hubs/helpdesk/contacts", "idField": "id", "updatedDateField": "updated_at",
                            "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssX"})
    assert [f.pointer for f in found(text, "CE302")] == ["/contacts/updatedDateField", "/contacts/updatedDateFormat"]
    assert 'into a "datesConfiguration" object' in found(text, "CE302")[0].help


def test_pardot_element_default_puts_the_tolerance_inside_dates(shared):
    definition = json.loads((shared / "elements" / "pardot" / "element.json").read_text(encoding="utf-8"))
    default = next(c["defaultValue"] for c in definition["configuration"]
                   if c["key"] == "event.poller.configuration")
    findings = found(default, "CE302", kind="poller")
    assert findings and all(f.pointer.endswith("/datesConfiguration/createdCheckTolerance") for f in findings)
    first = findings[0]
    assert (first.line, first.column) == position(default, '"createdCheckTolerance"')


# --- field paths -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["id", "user.id", "['Modified Time']", '["Modified Time"]', "items[0].id",
                                  "properties.lastmodifieddate", "@.@id", "record_id_", "a['b.c'].d", "[*].id",
                                  "items[-1].id"])
def test_valid_field_paths(path):
    assert field_path_problems(path) == []


@pytest.mark.parametrize(("path", "start", "end", "words"), [
    ("['Modified Time'", 0, 16, "bracket is not closed"),
    ("['Modified Time]", 1, 2, "quote ' opened in the bracket is not closed"),
    ("[Modified Time']", 14, 15, "before `]` is not opened"),
    ("Modified Time'", 0, 14, "quote without its pair"),
    ("user..id", 5, 6, "empty name between two dots"),
    (".id", 0, 1, "starts with a dot"),
    ("id.", 2, 3, "ends with a dot"),
    (" id", 0, 1, "starts with a space"),
    ("id ", 2, 3, "ends with a space"),
    ("[]", 0, 2, "empty name in brackets"),
    ("['']", 0, 4, "empty name in brackets"),
    ("user]", 4, 5, "without an opening `[`"),
    ("a[0]b", 4, 5, "without a dot"),
    ("[Modified Time]", 0, 15, "needs its quotes"),  # a fresh-mistake trial (helper-133)
    ("items[name].id", 5, 11, "needs its quotes"),
])
def test_field_path_mistakes(path, start, end, words):
    (problem,) = field_path_problems(path)
    assert (problem.start, problem.end) == (start, end)
    assert words in problem.message


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab.[]'\" 0*@", max_size=14))
def test_field_path_problems_stay_inside_the_path(path):
    problems = field_path_problems(path)
    assert len(problems) <= 1
    for problem in problems:
        assert 0 <= problem.start < problem.end <= len(path)


def test_unclosed_bracket_in_a_date_field_points_at_the_column():
    dates = {**DATES, "updatedDateField": "['Modified Time'"}
    text = poller(products=entry(datesConfiguration=dates))
    (finding,) = found(text, "CE303")
    assert (finding.line, finding.column) == position(text, "['Modified Time'")
    assert finding.help == "write ['Modified Time']"
    assert finding.pointer == "/products/datesConfiguration/updatedDateField"
    assert not found(poller(products=entry(datesConfiguration={**DATES, "updatedDateField": "['Modified Time']"})),
                     "CE303")


def test_doubled_dot_in_id_field_points_at_the_dot():
    text = poller(contacts=entry(idField="user..id"))
    (finding,) = found(text, "CE303")
    line, column = position(text, '"user..id"')
    assert (finding.line, finding.column, finding.end_column) == (line, column + 6, column + 7)
    assert finding.severity == "error"


def test_blank_id_field_is_a_warning_and_empty_is_left_to_the_schema():
    text = poller(contacts=entry(idField=" "))
    (finding,) = found(text, "CE303")
    assert finding.severity == "warning" and "only spaces" in finding.message
    assert not found(poller(contacts=entry(idField="")), "CE303")
    assert not found(poller(contacts=entry(idField="<primaryKey>")), "CE303")


# --- which date keys are given ---------------------------------------------------------------------------------

def test_updated_field_without_format():
    dates = {k: v for k, v in DATES.items() if k != "updatedDateFormat"}
    text = poller(contacts=entry(datesConfiguration=dates))
    (finding,) = found(text, "CE304")
    assert (finding.line, finding.column) == position(text, '"updatedDateField"')
    assert "has no `updatedDateFormat`" in finding.message
    assert "the created date uses \"yyyy-MM-dd'T'HH:mm:ssXXX\"" in finding.help
    assert not found(poller(contacts=entry()), "CE304")


def test_format_without_field():
    dates = {k: v for k, v in DATES.items() if k != "createdDateField"}
    text = poller(contacts=entry(datesConfiguration=dates))
    (finding,) = found(text, "CE304")
    assert (finding.line, finding.column) == position(text, '"createdDateFormat"')
    assert finding.help == 'add "createdDateField" with the field of the record that holds its created date'


def test_format_with_its_field_misspelt_points_at_the_misspelling():
    """A user's trial: the error pointed at the correct `updatedDateFormat`, the cause was a CE101 warning below."""
    dates = {k: v for k, v in DATES.items() if k != "updatedDateField"}
    dates["updatedDateFeild"] = "updated_at"
    text = poller(contacts=entry(datesConfiguration=dates))
    (finding,) = found(text, "CE304")
    assert (finding.line, finding.column) == position(text, '"updatedDateFeild"')
    assert finding.severity == "error" and finding.help == "write `updatedDateField`"
    assert "`updatedDateFeild` is not `updatedDateField`" in finding.message
    assert not [f for f in check(text) if f.rule == "CE101"]  # one mistake, one finding


def test_a_misspelt_date_field_on_the_entry_is_told_to_move_too():
    dates = {k: v for k, v in DATES.items() if k != "updatedDateField"}
    text = poller(contacts=entry(datesConfiguration=dates, updatedDateFeild="updated_at"))
    (finding,) = found(text, "CE304")
    assert finding.help == "write `updatedDateField`, inside `datesConfiguration`"


def test_empty_field_next_to_a_format():
    text = poller(orders=entry(datesConfiguration={**DATES, "updatedDateField": ""}))
    (finding,) = found(text, "CE304")
    assert (finding.line, finding.column) == position(text, '""')
    assert "is empty while" in finding.message
    assert not found(poller(orders=entry(datesConfiguration={**DATES, "updatedDateField": "date_modified"})),
                     "CE304")


def test_lone_zone_is_only_a_note_and_blank_pairs_are_not_given():
    dates = {"updatedDateField": "modifiedOn", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
             "createdDateField": "", "createdDateFormat": "", "createdDateTimezone": "GMT"}
    text = poller(invoices=entry(datesConfiguration=dates))
    (finding,) = found(text, "CE304")
    assert finding.severity == "info" and "applies to nothing" in finding.message
    assert [f.rule for f in check(text) if f.rule in ("CE305", "CE306")] == ["CE306"]


def test_field_with_empty_format_is_left_to_the_date_rules():
    assert not found(poller(contacts=entry(datesConfiguration={**DATES, "updatedDateFormat": ""})), "CE304")


def test_misplaced_date_keys_count_as_given():
    dates = {k: v for k, v in DATES.items() if k != "updatedDateFormat"}
    text = poller(contacts=entry(datesConfiguration=dates, updatedDateFormat="yyyy-MM-dd"))
    assert found(text, "CE302") and not found(text, "CE304")


def test_only_created_or_only_updated_dates():
    created = {k: v for k, v in DATES.items() if k.startswith("created")}
    text = poller(shipments=entry(datesConfiguration=created))
    (finding,) = found(text, "CE305")
    assert (finding.line, finding.column) == position(text, '"datesConfiguration"')
    assert finding.severity == "info"
    updated = {k: v for k, v in DATES.items() if k.startswith("updated")}
    (finding,) = found(poller(contacts=entry(datesConfiguration=updated)), "CE306")
    assert finding.severity == "info"
    assert not found(poller(contacts=entry()), "CE305") and not found(poller(contacts=entry()), "CE306")


def test_empty_dates_configuration():
    text = poller(orders=entry(datesConfiguration={}))
    (finding,) = found(text, "CE307")
    assert (finding.line, finding.column) == position(text, "{}")
    assert not found(poller(orders=entry(datesConfiguration=None)), "CE307")


# --- numbers out of range --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value"), [("pollDelay", -60), ("createdCheckTolerance", -1), ("pageSize", 0)])
def test_numbers_out_of_range(key, value):
    text = poller(contacts=entry(**{key: value}))
    (finding,) = found(text, "CE308")
    assert (finding.line, finding.column) == position(text, str(value), after=f'"{key}"')
    assert finding.pointer == f"/contacts/{key}"


@pytest.mark.parametrize(("key", "value", "words"), [("pollDelay", 60000, "16 hours 40 minutes"),
                                                     ("pollDelay", 300000, "3 days"),
                                                     ("createdCheckTolerance", 5000, "1 hour 23 minutes")])
def test_seconds_written_as_milliseconds(key, value, words):
    """A user's trial: `"pollDelay": 300000` meant five minutes. Both keys count seconds (the platform's
    documentation); a whole number of thousands is reported, with the seconds meant as an unsafe fix."""
    text = poller(contacts=entry(**{key: value}))
    (finding,) = found(text, "CE310")
    assert (finding.line, finding.column) == position(text, str(value), after=f'"{key}"')
    assert words in finding.message and f"{value // 1000} seconds" in finding.message
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    (edit,) = finding.fix.edits
    assert text[:edit.start] + edit.replacement + text[edit.end:] == poller(contacts=entry(**{key: value // 1000}))


def test_an_absurd_delay_is_still_said_without_a_crash():
    """From the review: pendulum cannot hold 10**20 seconds (an OverflowError became CE099)."""
    (finding,) = found(poller(contacts=entry(pollDelay=10 ** 20)), "CE310")
    assert "100,000,000,000,000,000,000 seconds" in finding.message
    assert not found(poller(contacts=entry(pollDelay=10 ** 20)), "CE099")


@pytest.mark.parametrize("value", [86410, 3600, 86400, 999, 0, 60, 1500, 60000.0, True])
def test_deliberate_long_delays_are_not_milliseconds(value):
    """86410 (a day and ten seconds) is in Cloud Elements' own resources; whole hours and days in seconds are
    not whole thousands; a float or boolean is the schema's."""
    assert not found(poller(contacts=entry(pollDelay=value)), "CE310")


def test_milliseconds_inside_a_stringified_poller():
    body = {"element": {"key": "sageone"}, "name": "s",
            "configuration": {"event.poller.configuration": json.dumps({"contacts": entry(pollDelay=120000)})}}
    text = json.dumps(body, indent=2)
    (finding,) = found(text, "CE310")
    assert finding.pointer == "/configuration/event.poller.configuration/contacts/pollDelay"
    (edit,) = finding.fix.edits
    assert text[edit.start:edit.end] == "120000"
    mended = json.loads(text[:edit.start] + edit.replacement + text[edit.end:])
    assert json.loads(mended["configuration"]["event.poller.configuration"])["contacts"]["pollDelay"] == 120


@pytest.mark.parametrize(("key", "value"), [("pollDelay", 0), ("createdCheckTolerance", 0), ("pageSize", 1),
                                            ("pollDelay", "-60")])  # a string is the schema's type error
def test_numbers_in_range(key, value):
    assert not found(poller(contacts=entry(**{key: value})), "CE308")


# --- the corpus ------------------------------------------------------------------------------------------------

def test_corpus_table(corpus, rule_modules):
    rule_modules((MODULE,))
    table = corpus_table(corpus, "CE3")
    assert_expected(table, EXPECTED)


def test_an_entry_key_written_as_a_configuration_key():
    """A user's trial: `"event.poller.pollDelay": 60` next to the refresh interval. The platform ignores it: the
    delay is a key of each entry. (A near miss of a documented key is the did-you-mean path, unchanged.)"""
    body = {"element": {"key": "sageone"}, "name": "x", "configuration": {
        "event.vendor.type": "polling", "event.poller.pollDelay": 60, "event.poller.updatedDateTimezone": "GMT",
        "event.poller.refresh.interval": "15"}}
    text = json.dumps(body, indent=2)
    by_key = {f.pointer: f for f in found(text, "CE101")}
    delay = by_key["/configuration/event.poller.pollDelay"]
    assert "`pollDelay` is set in each entry of `event.poller.configuration`" in delay.message
    assert (delay.line, delay.column) == position(text, '"event.poller.pollDelay"')
    assert "datesConfiguration" in by_key["/configuration/event.poller.updatedDateTimezone"].message
    assert by_key["/configuration/event.poller.refresh.interval"].help == "did you mean `event.poller.refresh_interval`?"


# --- CE311: a copied entry still polling the first one's URL ----------------------------------------------------

def test_two_resources_with_one_url_is_a_warning_on_the_copy():
    """From a trial: `opportunities` copied from `contacts`, its URL left as it was."""
    text = poller(contacts=entry(), opportunities=entry(), accounts=entry(url="/hubs/crm/accounts"))
    (finding,) = found(text, "CE311")
    assert finding.pointer == "/opportunities/url" and finding.severity == "warning"
    assert "`opportunities` polls the same URL as `contacts`" in finding.message
    assert (finding.line, finding.column) == position(text, '"/hubs/crm/contacts"', after='"opportunities"')


def test_distinct_urls_placeholders_and_separate_bodies_are_not_repeats():
    assert not found(poller(contacts=entry(), leads=entry(url="/hubs/crm/contacts?where=type='lead'")), "CE311")
    assert not found(poller(a=entry(url="/hubs/crm/<resource>"), b=entry(url="/hubs/crm/<resource>")), "CE311")
    # a review: QuickBase's default polls `/hubs/db/{objectName}` under each table's name
    assert not found(poller(a=entry(url="/hubs/db/{objectName}"), b=entry(url="/hubs/db/{objectName}")), "CE311")
    stringified = json.dumps({"element": {"key": "hubspot"}, "configuration": {
        "event.poller.configuration": json.dumps({"contacts": entry(), "deals": entry()})}})
    (finding,) = found(stringified, "CE311")  # inside a stringified poller too
    assert finding.pointer.endswith("/deals/url")


# --- from a second trial: Swagger's `{id}`, and invisible characters said by name ---------------------------------

def test_a_swagger_path_variable_as_id_field_is_ce303_with_the_name_inside():
    (finding,) = found(poller(contacts=entry(idField="{id}")), "CE303")
    assert "path template's variable" in finding.message and finding.help == 'write "id"'


def test_invisible_characters_are_named_in_messages():
    (finding,) = found(poller(contacts=entry(idField="id\u00a0")), "CE303")
    assert "a no-break space (U+00A0)" in finding.message
    dates = {k: v for k, v in DATES.items() if k != "updatedDateField"}
    dates["updatedDateField\u200b"] = "updated_at"
    (finding,) = [f for f in check(poller(contacts=entry(datesConfiguration=dates))) if f.rule == "CE304"]
    assert "(it holds a zero width space, U+200B)" in finding.message


@pytest.mark.parametrize("stamp", [1704448800, 1704448800000, 1704448800.5])
def test_a_time_stamp_pasted_as_poll_delay_is_out_of_range(stamp):
    """From a second trial: `"pollDelay": int(time.time())`; every poll then asks for over 30 years of changes."""
    text = poller(contacts=entry(pollDelay=stamp, createdCheckTolerance=60000))
    (finding,) = found(text, "CE308")
    assert finding.pointer == "/contacts/pollDelay" and "a point in time" in finding.message
    assert [f.pointer for f in found(text, "CE310")] == ["/contacts/createdCheckTolerance"]
    assert not found(poller(contacts=entry(pollDelay=86410)), "CE308")  # Cloud Elements' own day and ten seconds


def test_a_name_with_a_space_not_bracketed_is_a_warning_with_the_bracketed_form():
    """A second trial: `"updatedDateField": "Geändert am"`; every one of the corpus's 44 names with a space is
    bracketed (`['Modified Time']`)."""
    dates = dict(DATES, updatedDateField="Geändert am")
    text = poller(contacts=entry(datesConfiguration=dates))
    (finding,) = found(text, "CE303")
    assert finding.severity == "warning" and "bracketed" in finding.message
    (edit,) = finding.fix.edits
    fixed = json.loads(text[:edit.start] + edit.replacement + text[edit.end:])
    assert fixed["contacts"]["datesConfiguration"]["updatedDateField"] == "['Geändert am']"
    for fine in ("['Modified Time']", "properties.Modified", "Modified"):
        assert not found(poller(contacts=entry(datesConfiguration=dict(DATES, updatedDateField=fine))), "CE303")


@pytest.mark.parametrize(("path", "at"), [("updated\u00a0at", 7), ("\u200bupdated_at", 0), ("updated_at\u200b", 10),
                                          ("['Modified\u00a0Time']", 10)])
def test_an_invisible_character_anywhere_in_a_field_path_is_named(path, at):
    """A review: a no-break space inside a path, or a zero-width space at its edge, was silent."""
    text = poller(contacts=entry(datesConfiguration=dict(DATES, updatedDateField=path)))
    (finding,) = found(text, "CE303")
    assert "U+00A0" in finding.message or "U+200B" in finding.message
    assert finding.help == f'write {json.dumps(path[:at] + path[at + 1:], ensure_ascii=False)}'


# --- CE312: a URL asking for fields without the entry's date fields ------------------------------------------------

_SAGE = "/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and attributes="


@pytest.mark.parametrize(("url", "missing"), [
    # a fresh trial (helper-71): Sage One's attributes left empty; a `fields` projection without the dates
    (_SAGE + "''", "`updated_at` and `created_at`"),
    (_SAGE + "'created_at'", "`updated_at`"),
    ("/hubs/finance/customers?$select=id,displayed_as&$filter=updated_at gt '${gmtDate:yyyy-MM-dd}'",
     "`updated_at` and `created_at`"),
    # a fresh-mistakes trial (helper-87): the hubs' `fields`, "the fields to return on the response" in every
    # element's API docs, without the dates
    ("/hubs/finance/customers?fields=id,displayed_as&where=updated_at>'${gmtDate:yyyy-MM-dd}'",
     "`updated_at` and `created_at`"),
])
def test_a_list_of_fields_without_a_date_the_entry_reads(url, missing):
    text = poller(customers=entry(url=url))
    (finding,) = found(text, "CE312")
    assert finding.severity == "warning" and f"not for {missing}:" in finding.message
    assert finding.pointer == "/customers/url"
    listed = url.split("attributes=")[1].strip("'") if "attributes=" in url else "id,displayed_as"
    line = text.splitlines()[finding.line - 1]
    shown = line[finding.column - 1:finding.end_column - 1]
    assert shown == (listed or "''"), (shown, listed)  # the list itself (a false-alarm hunt: it was a character off)


@pytest.mark.parametrize(("url", "shown"), [
    # h207: an empty parameter underlined the whole URL: the parameter is meant
    ("/hubs/finance/customers?where=updated_at>'${gmtDate:yyyy-MM-dd}'&fields=", "fields="),
    ("/hubs/finance/customers?fields=&where=updated_at>'${gmtDate:yyyy-MM-dd}'", "fields="),
    ("/hubs/finance/customers?$select=&where=updated_at>'${gmtDate:yyyy-MM-dd}'", "$select="),
])
def test_an_empty_list_of_fields_is_pointed_at(url, shown):
    text = poller(customers=entry(url=url))
    (finding,) = found(text, "CE312")
    assert "asks for an empty list of fields" in finding.message
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == shown


def test_a_date_field_spelt_otherwise_than_the_listed_one_says_which_to_mend():
    """helper-164: `"updatedDateField": "updatedAt"` beside Sage One's `attributes='created_at,updated_at'` was told
    only to add `updatedAt` to the list; the list already has the date, spelt `updated_at` (as the records do)."""
    value = entry(url=_SAGE + "'created_at,updated_at'")
    value["datesConfiguration"].update(updatedDateField="updatedAt")
    (finding,) = found(poller(customers=value), "CE312")
    assert finding.help == ("the list has `updated_at`: if that is the date, write `updatedDateField` as `updated_at`; "
                            "else add `updatedAt` to the list"), finding.help
    value["datesConfiguration"].update(updatedDateField="modified")  # nothing alike: add it
    (finding,) = found(poller(customers=value), "CE312")
    assert finding.help == "add `modified` to the list"


@pytest.mark.parametrize("url", [
    _SAGE + "'created_at,updated_at'", _SAGE + "'CREATED_AT, updated_at'",
    "/hubs/a/b?fields=*", "/hubs/a/b?fields=all", "/hubs/a/b?fields=${FIELDS}", "/hubs/a/b?fields=id,updated_at,created_at",
    "/hubs/a/b?where=name='fields'",
    # a false-alarm hunt (helper-73): Google's `fields` list says other things; an expanded object's fields
    "/hubs/a/b?fields=items(id,updated)",
    "/hubs/a/b?$select=id,fields&$expand=fields($select=Modified,Created)",
    "/hubs/a/b?$select=id%2Cupdated_at%2Ccreated_at",
])
def test_a_list_of_fields_holding_the_dates_or_any(url):
    assert not found(poller(customers=entry(url=url)), "CE312")
    nested = entry(url="/hubs/a/b?fields=id,metadata")
    nested["datesConfiguration"].update(updatedDateField="metadata.updated", createdDateField="metadata.created")
    assert not found(poller(customers=nested), "CE312")  # the object holding them is asked for
    jira = entry(url="/hubs/a/b?fields=summary,status")  # Jira lists what is inside its records' `fields` object
    jira["datesConfiguration"].update(updatedDateField="fields.updated", createdDateField="fields.created")
    assert not found(poller(customers=jira), "CE312")


@pytest.mark.parametrize("key", ["updatedDateField", "createdDateField", "idField"])
def test_a_macro_for_a_field_is_an_error(key):
    """A fresh-mistakes trial (helper-76): `"updatedDateField": "${epoch:ms}"` passed (read as an environment
    reference): the field is the record's, the macro goes in the URL."""
    dates = dict(DATES)
    value = entry()
    if key == "idField":
        value["idField"] = "${gmtDate:yyyy}"
    else:
        dates[key] = "${epoch:ms}"
        value["datesConfiguration"] = dates
    text = poller(contacts=value)
    hits = found(text, "CE303")
    assert len(hits) == 1 and hits[0].severity == "error" and "is a macro" in hits[0].message, hits
    assert (hits[0].line, hits[0].column) == position(text, '"${', after=f'"{key}"')
    assert not found(poller(contacts=entry(idField="${ID_FIELD}")), "CE303")  # a deployment's reference: not a macro


# --- CE313: idField names a date field ---------------------------------------------------------------------------

@pytest.mark.parametrize("id_field", ["updated_at", "created_at"])
def test_an_id_field_naming_a_date_field_is_reported(id_field):
    """helper-128: `"idField": "updated_at"`, the field datesConfiguration reads, passed: every event's objectId would
    be a timestamp (a copy of the line below)."""
    text = poller(contacts=entry(idField=id_field))
    (finding,) = found(text, "CE313")
    assert (finding.line, finding.column) == position(text, f'"{id_field}"') and finding.severity == "warning"
    assert not found(poller(contacts=entry()), "CE313")
    assert not found(poller(contacts=entry(idField="updated_at_id")), "CE313")


def test_a_page_size_past_a_java_int_is_said():
    """helper-128: `"pageSize": 5000000000` passed, though a `pollDelay` that large is an error."""
    (finding,) = found(poller(contacts=entry(pageSize=5_000_000_000)), "CE308")
    assert finding.severity == "warning" and "Java int" in finding.message
    assert not found(poller(contacts=entry(pageSize=2_147_483_647)), "CE308")
    assert len(found(poller(contacts=entry(pollDelay=99_999_999_999)), "CE308")) == 1  # (a time stamp: said once)


@pytest.mark.parametrize("stringified", [False, True])
def test_dates_configuration_closed_out_of_its_entry_among_the_resources(stringified):
    """helper-185: `"contacts": {"url": ..., "idField": "id"}, "datesConfiguration": {...}` (a brace closed one
    member early) drew CE103 (no `url` in "poller entry `datesConfiguration`") and six CE302s whose fix wrapped the
    date keys in a `datesConfiguration` inside it; it is one misplaced object, which the fix moves into the entry."""
    from validator.fix_runner import fix_file
    from validator.options import Options

    entries = {"contacts": entry(datesConfiguration=None), "datesConfiguration": dict(DATES)}
    text = poller(**entries)
    if stringified:
        text = json.dumps({"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": text}},
                          indent=2)
    findings = [f for f in check(text) if f.rule in ("CE103", "CE106", "CE302")]
    assert [(f.rule, f.severity) for f in findings] == [("CE106", "error")]
    needle = '\\"datesConfiguration\\"' if stringified else '"datesConfiguration"'
    assert (findings[0].line, findings[0].column) == position(text, needle, after='"contacts')
    assert "contacts" in findings[0].message
    outcome = fix_file(text.encode(), shown="x.json", kind="auto", options=Options(), keep=lambda f: f, unsafe=False)
    assert outcome.data is not None
    fixed = json.loads(outcome.data)
    if stringified:
        fixed = json.loads(fixed["configuration"]["event.poller.configuration"])
    assert fixed == {"contacts": entry()}


def test_a_copied_entry_with_a_paging_parameter_added_polls_the_same_records():
    """helper-185: `customers` polling the `invoices` URL with `&pageSize=100` added (the path left as copied)
    passed: a page's size changes no record, so each change came twice all the same."""
    url = "/hubs/finance/invoices?where=metaData.lastUpdatedTime>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    text = poller(invoices=entry(url=url), customers=entry(url=url + "&pageSize=100"))
    (finding,) = found(text, "CE311")
    assert finding.pointer == "/customers/url" and "`customers`" in finding.message and "`invoices`" in finding.message
    assert not found(poller(invoices=entry(url=url), customers=entry(url=url.replace("invoices", "customers")
                                                                           + "&pageSize=100")), "CE311")
    assert not found(poller(a=entry(url=url), b=entry(url=url + " and Balance>0")), "CE311")


def test_an_entry_asks_only_the_parts_its_keys_need(monkeypatch):
    """The number and placement checks run only for an entry holding their keys: a body of 10,000 pollers built
    10,000 idle generators of each.  An entry that holds them is still checked."""
    import validator.rules.poller as rules

    asked: list[str] = []
    for name in ("_numbers", "_misplaced"):
        real = getattr(rules, name)
        monkeypatch.setattr(rules, name, lambda *args, _real=real, _name=name: asked.append(_name) or _real(*args))
    assert not found(poller(**{f"r{i}": entry(url=f"/hubs/crm/c{i}") for i in range(20)}), "CE308")
    assert asked == []
    assert found(poller(a=entry(pollDelay=-1)), "CE308") and asked == ["_numbers"]
    assert found(poller(a=entry(pageSize=0)), "CE308") and found(poller(a=entry(createdCheckTolerance=60000)), "CE310")
    asked.clear()
    misplaced = entry()
    misplaced["datesConfiguration"]["pollDelay"] = 5
    assert found(poller(a=misplaced), "CE302") and asked == ["_misplaced"]
    assert found(poller(a=entry(updatedDateTimezone="UTC")), "CE302")


@pytest.mark.parametrize(("copied", "first"), [
    ("/hubs/crm/contacts?pageSize=50", "/hubs/crm/contacts"),
    ("/hubs/crm/contacts?pageSize=50&where=type='lead'", "/hubs/crm/contacts?where=type='lead'"),
    ("/hubs/crm/contacts?where=type='lead'&pageSize=50", "/hubs/crm/contacts?where=type='lead'"),
])
def test_a_copy_differing_by_its_page_size_first_or_last_is_a_repeat(copied: str, first: str) -> None:
    """h190: `?pageSize=50` as the first parameter was not read as the page size (only `&pageSize=` was)."""
    (finding,) = found(poller(contacts=entry(url=first), leads=entry(url=copied)), "CE311")
    assert "but for its page size" in finding.message
    assert not found(poller(contacts=entry(url=first), leads=entry(url=first.replace("contacts", "leads"))), "CE311")


def test_a_lone_entry_is_called_the_entry_not_an_empty_name():
    """A fresh trial (helper-200): a file of one poller entry (no resource name) drew "`pollDelay` of `` is -5",
    "`datesConfiguration` of `` is empty", "belongs on the entry ``": the messages name it "the entry"."""
    entry = {"url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'", "idField": "   ",
             "pollDelay": -5, "createdCheckTolerance": 60000,
             "datesConfiguration": {"updatedDateField": "updated", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss",
                                    "createdCheckTolerance": 3}}
    messages = {f.rule: f.message for f in check(json.dumps(entry, indent=2))}
    assert {"CE303", "CE308", "CE310", "CE306", "CE302"} <= set(messages), messages
    assert not [m for m in messages.values() if "``" in m], messages
    assert messages["CE308"].startswith("`pollDelay` of the entry is -5")
    assert messages["CE302"].startswith("`createdCheckTolerance` belongs on the entry, not inside")
    empty = {f.rule: f.message for f in check(json.dumps(dict(entry, datesConfiguration={})))}
    assert empty["CE307"] == "`datesConfiguration` of the entry is empty"
    named = {f.rule: f.message for f in check(json.dumps({"contacts": entry}))}  # a named one: as before
    assert named["CE302"].startswith("`createdCheckTolerance` belongs on the entry `contacts`, not inside")
    assert named["CE308"].startswith("`pollDelay` of `contacts` is -5")


def test_the_keys_of_a_lone_entry_are_checked_as_a_named_entrys():
    """A fresh trial (helper-200): in a file of one poller entry, `idFeild` beside `idField` and `"pageSize": "200"`
    passed: the schema reads the file as a map of resources, and every error under it was folded into CE106."""
    entry = {"url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'", "idField": "id",
             "idFeild": "x", "pageSize": "200",
             "datesConfiguration": {"updatedDateField": "updated", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss"}}
    text = json.dumps(entry, indent=2)
    findings = {(f.rule, f.pointer): f for f in check(text)}
    assert ("CE106", "") in findings
    assert findings[("CE101", "/idFeild")].message == "unknown key `idFeild` in the entry"
    assert findings[("CE102", "/pageSize")].message.startswith("`pageSize` in the entry must be a whole number")
    assert (findings[("CE102", "/pageSize")].line, findings[("CE102", "/pageSize")].column) == position(text, '"200"')
    named = {(f.rule, f.pointer) for f in check(json.dumps({"contacts": entry}))}  # as a named entry's
    assert {("CE101", "/contacts/idFeild"), ("CE102", "/contacts/pageSize")} <= named


@pytest.mark.parametrize("entry, key", [
    ({"url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd}'", "idFeild": "id"}, "idFeild"),
    ({"URL": "/hubs/crm/contacts", "idField": "id"}, "URL"),
    ({"Url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy}'", "IdField": "id"}, "Url"),
])
def test_a_file_of_one_entry_whose_url_or_id_key_is_misspelt_is_checked(entry, key):
    """helper-200's list: a file of one entry with `idFeild` (or `URL`) and no `datesConfiguration` was skipped as no
    Cloud Elements file, though its url is a hub's path; now the misspelt key is named (CE101) beside CE106."""
    rules = {(f.rule, f.pointer) for f in check(json.dumps(entry, indent=2))}
    assert ("CE106", "") in rules and ("CE101", f"/{key}") in rules, rules


@pytest.mark.parametrize("other", [
    {"url": "/var/log/app-${date:yyyy-MM-dd}.log", "level": "info"},  # a log's file, dated by log4j
    {"url": "/hubs/crm/contacts"},  # a url alone
    {"url": "https://api.example.com/v1/users", "idFeild": "id"},  # no hub path, no macro, no filter
    {"url": "/hubs/crm/contacts", "title": "Contacts", "icon": "user"},  # a front end's route
])
def test_other_files_with_a_url_stay_unread(other):
    assert [f.rule for f in check(json.dumps(other))] == ["CE090"]  # (no Cloud Elements file)


@pytest.mark.parametrize("sign", ["", "-"])
@pytest.mark.parametrize("key", ["pageSize", "pollDelay", "createdCheckTolerance"])
def test_a_number_of_thousands_of_digits_is_said_by_its_length_not_an_internal_error(key, sign):
    """h217: a 5,000-digit `pageSize`, `pollDelay` or `createdCheckTolerance` was CE099 (json.dumps refuses an int of
    over 4,300 digits), and the entry's other findings were lost; now CE308 says how many digits it has."""
    text = poller(contacts=entry(**{key: 123457})).replace("123457", sign + "9" * 5000)
    assert "CE099" not in {f.rule for f in check(text)}
    (finding,) = found(text, "CE308")
    said = "negative" if key != "pageSize" else "below 1"
    assert f"`{key}` of `contacts` is a 5,000-digit number, {said if sign else 'past'}" in finding.message
    assert finding.pointer == f"/contacts/{key}"


def test_a_number_of_thousands_of_digits_misplaced_in_or_out_of_the_dates_is_quoted_whole():
    """h217: the move's help quoted the value with json.dumps: CE099 for a 5,000-digit number."""
    digits = "9" * 5000
    inside = poller(contacts=entry(datesConfiguration={**DATES, "pageSize": 123457})).replace("123457", digits)
    outside = poller(contacts=entry(updatedDateTimezone=123457)).replace("123457", digits)
    for text in (inside, outside):
        findings = check(text)
        assert "CE099" not in {f.rule for f in findings}
        assert any(digits in (f.help or "") for f in findings)


# --- CE314: a URL asking for fields without the record's id ------------------------------------------------------

@pytest.mark.parametrize(("url", "reported"), [
    # a fresh trial (h223): the hubs' `fields` ("the fields to return on the response") without `Id` passed; every
    # record comes back without its id, so no event carries an objectId
    ("/hubs/crm/accounts?where=LastModifiedDate>'${gmtDate:yyyy-MM-dd}'&fields=Name,updated_at,created_at", True),
    ("/hubs/crm/accounts?fields=&where=LastModifiedDate>'${gmtDate:yyyy-MM-dd}'", False),  # (CE312's: nothing asked)
    ("/hubs/crm/accounts?fields=ID,Name,updated_at,created_at", False),  # (the id's name, in any case)
    ("/hubs/crm/accounts?fields=*", False), ("/hubs/crm/accounts?fields=${FIELDS}", False),
    # Sage One's `attributes` adds to what its records always hold (its default poller lists no `id`); `$select`
    # (OData's services return the key anyway): left alone
    (_SAGE + "'created_at,updated_at'", False), ("/hubs/finance/customers?$select=name,updated_at,created_at", False),
])
def test_a_list_of_fields_without_the_id_the_entry_reads(url, reported):
    text = poller(accounts=entry(url=url, idField="Id"))
    hits = found(text, "CE314")
    assert bool(hits) is reported, hits
    if reported:
        (finding,) = hits
        assert finding.severity == "warning" and finding.pointer == "/accounts/url"
        assert "`Id`" in finding.message and "objectId" in finding.message
        line = text.splitlines()[finding.line - 1]
        assert line[finding.column - 1:finding.end_column - 1] == "Name,updated_at,created_at"
        assert not found(text, "CE312")
    jira = entry(url="/hubs/helpdesk/incidents?fields=summary,status,updated,created")  # Jira: what is inside its
    jira["datesConfiguration"].update(updatedDateField="fields.updated", createdDateField="fields.created")  # `fields`
    assert not found(poller(issues=jira), "CE314")  # (the id beside that object, always sent)


@pytest.mark.parametrize(("url", "id_field"), [
    # an idField not written yet (h227): `${ID_FIELD}`, `<id field>` is no field the list could hold
    ("/hubs/crm/accounts?fields=Name,updated_at,created_at", "${ID_FIELD}"),
    ("/hubs/crm/accounts?fields=Name,updated_at,created_at", "<id field>"),
    # a list filled in later (`#{FIELDS}`, an Octopus variable; `{fields}`, a template's): no names to compare
    ("/hubs/crm/accounts?fields=#{FIELDS}", "Id"), ("/hubs/crm/accounts?fields={fields}", "Id"),
])
def test_an_unfilled_id_field_or_list_of_fields_is_not_compared(url, id_field):
    text = poller(accounts=entry(url=url, idField=id_field))
    assert not found(text, "CE314") and not found(text, "CE312")
