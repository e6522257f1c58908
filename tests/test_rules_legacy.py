"""Legacy configuration rules (CE8xx): the pipe format, its fields, the conversion, examples, corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tables import assert_expected, corpus_table
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.engine import check
from validator.rules.legacy import legacy_url_problems, parse_legacy_urls, to_poller_configuration

MODULE = "validator.rules.legacy"
EXPECTED = Path(__file__).parent / "expected" / "rules_corpus_legacy.json"




def found(text: str, code: str) -> list:
    return [f for f in check(text) if f.rule == code]


def position(text: str, needle: str, after: str | None = None) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text`` (the first after ``after``, if given)."""
    index = text.index(needle, text.index(after) if after else 0)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def body(config: dict, element: str = "dynamicscrm", **top) -> str:
    return json.dumps({"element": {"key": element}, "configuration": config, **top}, indent=2)


SFDC_LINE = ("Account|/hubs/crm/Account?where=LastModifiedDate>='${date}'&orderBy=Id&includeDeleted=true"
             "||LastModifiedDate|yyyy-MM-dd'T'HH:mm:ss.SSSZ")


# --- parsing ---------------------------------------------------------------------------------------------------

def test_parse_keeps_field_offsets():
    text = "accounts|/hubs/crm/accounts|id\n\ncontacts|/hubs/crm/contacts|id\r\n"
    lines = parse_legacy_urls(text)
    assert [line.number for line in lines] == [1, 3]
    for line in lines:
        for field in line.fields:
            assert text[field.start:field.end] == field.text
    assert lines[1].value("xPath") == "id" and lines[1].field("updFmt") is None
    assert not lines[0].names_only


@pytest.mark.parametrize("text", ["contacts", "contacts|accounts", "contacts\naccounts", "bill-payments|bills|vendors"])
def test_bare_resource_names(text):
    assert all(line.names_only for line in parse_legacy_urls(text))
    assert legacy_url_problems(text) == []
    assert to_poller_configuration(text) == ({}, [])


def test_conversion_of_the_full_format():
    config, without_id = to_poller_configuration(SFDC_LINE + "|GMT|CreatedDate|yyyy-MM-dd'T'HH:mm:ss.SSSZ|GMT")
    assert config == {"Account": {
        "url": "/hubs/crm/Account?where=LastModifiedDate>='${date}'&orderBy=Id&includeDeleted=true",
        "datesConfiguration": {
            "updatedDateField": "LastModifiedDate", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
            "updatedDateTimezone": "GMT", "createdDateField": "CreatedDate",
            "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ", "createdDateTimezone": "GMT"}}}
    assert without_id == ["Account"]


def test_element_definition_defaults_in_the_corpus(corpus):
    records = {r["element"]: r for r in corpus if r["subkind"] == "element-definition-defaultValue:event.poller.urls"}
    assert len(records) == 6
    for element, record in records.items():
        problems = legacy_url_problems(record["text"])
        if element == "dynamicscrmonpremntlm":  # ${gmtDate:yyyy-MM-dd'T'hh:mm:ss} on each of its five lines
            assert [p.rule for p in problems] == ["CE406"] * 5
            assert all(record["text"][p.start:p.end] == "hh" for p in problems)
        else:
            assert problems == [], element
    config, without_id = to_poller_configuration(records["dynamicscrm"]["text"])
    assert list(config) == ["accounts", "contacts", "leads", "opportunities", "products"]
    assert config["leads"] == {"url": "/hubs/crm/leads?where=modifiedon>'${gmtDate:yyyy-MM-dd}'", "idField": "id"}
    assert without_id == []
    assert all(line.names_only for line in parse_legacy_urls(records["hubspotcrm"]["text"]))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab| /\n\r?=${}:'yMdHTG", max_size=40))
def test_problems_stay_inside_the_value_and_conversion_never_fails(text):
    for problem in legacy_url_problems(text):
        assert 0 <= problem.start <= problem.end <= len(text)
    config, without_id = to_poller_configuration(text)
    assert set(without_id) <= set(config)


# --- superseded keys -------------------------------------------------------------------------------------------

def test_legacy_urls_are_superseded_with_the_equivalent_configuration_as_fix():
    line = "accounts|/hubs/crm/accounts?where=modifiedon>'${gmtDate:yyyy-MM-dd}'|id"
    text = body({"event.poller.urls": line})
    (finding,) = found(text, "CE801")
    assert (finding.line, finding.column) == position(text, '"event.poller.urls"')
    expected = {"accounts": {"url": "/hubs/crm/accounts?where=modifiedon>'${gmtDate:yyyy-MM-dd}'", "idField": "id"}}
    assert finding.help == f'replace it with "event.poller.configuration": {json.dumps(expected)}'
    assert finding.severity == "warning"
    fixed = body({"event.poller.configuration": expected})
    assert not [f for f in check(fixed) if f.rule.startswith("CE8")]


@pytest.mark.parametrize("indent", ["\t", "    ", " "])
def test_the_migration_is_indented_as_the_file_is(indent):
    """helper-176: the migrated object was always indented by two spaces, in a file indented by tabs or four spaces
    (`\t\t"event.poller.configuration": {` then `\t\t  "accounts": {`)."""
    from validator.fixes import apply_fixes

    line = "accounts|/hubs/crm/accounts?where=modifiedon>'${gmtDate:yyyy-MM-dd}'|id"
    text = json.dumps({"element": {"key": "dynamicscrm"}, "configuration": {"event.poller.urls": line}},
                      indent=indent) + "\n"
    (finding,) = found(text, "CE801")
    fixed = apply_fixes(text, [finding])[0]
    expected = {"accounts": {"url": "/hubs/crm/accounts?where=modifiedon>'${gmtDate:yyyy-MM-dd}'", "idField": "id"}}
    assert fixed == json.dumps({"element": {"key": "dynamicscrm"}, "configuration": {
        "event.poller.configuration": expected}}, indent=indent) + "\n"


def test_legacy_names_and_a_missing_xpath_are_explained_in_the_fix():
    (finding,) = found(body({"event.poller.urls": "contacts|accounts"}), "CE801")
    assert "for contacts, accounts with its url, idField and datesConfiguration" in finding.help
    (finding,) = found(body({"event.poller.urls": SFDC_LINE}, element="sfdc"), "CE801")
    assert 'add the "idField" of Account' in finding.help


def test_legacy_urls_next_to_a_poller_configuration():
    text = body({"event.poller.urls": "contacts", "event.poller.configuration": {
        "contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}})
    (finding,) = found(text, "CE801")
    # helper-114: the message said `urls` was superseded by the configuration beside it; Salesforce's definition says
    # the other way round (while `urls` is set, the configuration is ignored)
    assert "sets both" in finding.message and "ignores `event.poller.configuration`" in finding.message
    assert finding.help.startswith('remove "event.poller.urls"')


@pytest.mark.parametrize("value", ["", "  ", None, "<SEE_BELOW>", "<INSERT_OBJECTS_YOU_WISH_TO_POLL_SEPARATED_BY_A_|_>"])
def test_empty_null_or_placeholder_legacy_urls_pass(value):
    assert not [f for f in check(body({"event.poller.urls": value})) if f.rule.startswith("CE8")]


def test_responses_are_not_told_a_key_is_legacy(corpus):
    record = next(r for r in corpus if r["id"] == 151)  # DocuSign's GET /instances answer
    assert not found(record["text"], "CE801")
    assert not found(body({"event.poller.urls": "contacts"}, id=12, token="x="), "CE801")


def test_event_objects_is_legacy_except_for_salesforce():
    text = body({"event.objects": "Contact,Account"}, element="hubspot")
    (finding,) = found(text, "CE802")
    assert (finding.line, finding.column) == position(text, '"event.objects"')
    assert finding.severity == "info" and "Contact, Account" in finding.help
    for element in ("sfdc", "sfdcdocuments"):
        assert not found(body({"event.objects": "Contact,Account"}, element=element), "CE802")
    assert not found(body({"event.objects": "<COMMA_SEPARATED_LIST>"}, element="hubspot"), "CE802")


# --- fields of the pipe format ---------------------------------------------------------------------------------

def test_empty_resource_name_between_pipes():
    text = body({"event.poller.urls": "contacts||accounts"})
    (finding,) = found(text, "CE803")
    line, column = position(text, "||")
    assert (finding.line, finding.column, finding.end_column) == (line, column, column + 2)


def test_too_many_fields_points_at_the_tenth():
    value = SFDC_LINE + "|GMT|CreatedDate|yyyy-MM-dd|GMT|extra"
    text = body({"event.poller.urls": value}, element="sfdc")
    (finding,) = found(text, "CE803")
    assert "10 fields" in finding.message
    assert (finding.line, finding.column) == position(text, "|extra")


def test_empty_url_field():
    text = body({"event.poller.urls": "accounts||id|/x"})
    assert found(text, "CE803")


def test_date_format_that_does_not_compile_points_at_the_character_on_the_second_line():
    value = "contacts\n" + SFDC_LINE.replace("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-ddTHH:mm:ss")
    text = body({"event.poller.urls": value}, element="sfdc")
    (finding,) = found(text, "CE401")
    line, column = position(text, "yyyy-MM-ddTHH")
    assert (finding.line, finding.column) == (line, column + 10)  # the T, after the \n escape on the same line
    assert "Illegal pattern character 'T'" in finding.message
    assert finding.pointer == "/configuration/event.poller.urls"
    assert not found(body({"event.poller.urls": "contacts\n" + SFDC_LINE}, element="sfdc"), "CE401")


def test_unterminated_quote_in_a_legacy_format():
    value = SFDC_LINE.replace("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd'T'HH:mm:ssXXX'")
    (problem,) = [p for p in legacy_url_problems(value) if p.rule == "CE401"]
    assert value[problem.start] == "'" and problem.start == value.rindex("'")


def test_date_pattern_pitfalls_of_the_formats_and_the_url_macros():
    value = SFDC_LINE.replace("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd hh:mm:ss")
    (problem,) = legacy_url_problems(value)
    assert problem.rule == "CE406" and value[problem.start:problem.end] == "hh"
    assert problem.start == value.index("hh")
    value = "contacts|/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'hh:mm:ss}'|id"
    (problem,) = legacy_url_problems(value)
    assert problem.rule == "CE406" and problem.start == value.index("hh")


@pytest.mark.parametrize(("fmt", "codes"), [("milliseconds", []), ("timestamp", ["CE403"]), ("<DATE_FORMAT>", [])])
def test_special_and_placeholder_formats(fmt, codes):
    value = SFDC_LINE.replace("yyyy-MM-dd'T'HH:mm:ss.SSSZ", fmt)
    assert [p.rule for p in legacy_url_problems(value)] == codes


def test_date_field_without_format():
    value = SFDC_LINE.rsplit("|", 1)[0]
    text = body({"event.poller.urls": value}, element="sfdc")
    (finding,) = found(text, "CE804")
    assert (finding.line, finding.column) == position(text, "LastModifiedDate\"")
    assert "no <updFmt>" in finding.message and finding.severity == "error"
    assert not found(body({"event.poller.urls": SFDC_LINE}, element="sfdc"), "CE804")


def test_format_without_field_and_a_lone_zone():
    value = "Account|/hubs/crm/Account||LastModifiedDate|yyyy-MM-dd HH:mm:ss|GMT||yyyy-MM-dd|"
    (problem,) = legacy_url_problems(value)
    assert problem.rule == "CE804" and value[problem.start:problem.end] == "yyyy-MM-dd"
    value = "Account|/hubs/crm/Account||LastModifiedDate|yyyy-MM-dd HH:mm:ss|GMT|||GMT"
    (problem,) = legacy_url_problems(value)
    assert problem.rule == "CE804" and problem.severity == "info" and problem.start == value.rindex("GMT")


def test_zones_are_checked_by_the_zone_rules():
    text = body({"event.poller.urls": SFDC_LINE + "|Pacific"}, element="sfdc")
    (finding,) = found(text, "CE501")
    assert (finding.line, finding.column) == position(text, "Pacific")
    assert "silently uses GMT" in finding.message
    assert [p.rule for p in legacy_url_problems(SFDC_LINE + "|PST")] == ["CE505"]  # a deprecated legacy id
    for zone in ("GMT", "America/Denver", "GMT-08:00", "<ZONE>"):
        assert legacy_url_problems(SFDC_LINE + "|" + zone) == [], zone


def test_a_misleading_legacy_zone_beside_a_format_that_reads_the_offset():
    """h207: `EST` beside `...SSSZ` drew CE504 in `event.poller.urls`, where `datesConfiguration` draws none: each
    record's own offset is read, not the zone (as `zones.check` says); an offset-less format still draws it."""
    assert [p.rule for p in legacy_url_problems(SFDC_LINE + "|EST")] == []
    assert [p.rule for p in legacy_url_problems(SFDC_LINE + "|EST|CreatedDate|yyyy-MM-dd'T'HH:mm:ssXXX|BST")] == []
    offset_less = SFDC_LINE.replace("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd HH:mm:ss")
    assert [p.rule for p in legacy_url_problems(offset_less + "|EST")] == ["CE504"]
    assert [p.rule for p in legacy_url_problems(SFDC_LINE + "|EST|CreatedDate|yyyy-MM-dd HH:mm:ss|BST")] == ["CE504"]


def test_url_grammar_runs_on_the_url_field():
    value = "contacts|/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd}|id"
    text = body({"event.poller.urls": value})
    url_findings = [f for f in check(text) if f.rule.startswith("CE6")]
    assert url_findings
    for finding in url_findings:
        line, column = position(text, "/hubs/crm/contacts")
        assert finding.line == line and finding.column >= column


# --- the corpus ------------------------------------------------------------------------------------------------

def test_corpus_table(corpus, rule_modules):
    rule_modules((MODULE,))
    # the legacy module also reports the date, zone and URL rules' codes inside event.poller.urls
    table = corpus_table(corpus, ("CE4", "CE5", "CE6", "CE8"))
    assert_expected(table, EXPECTED)


def test_a_two_digit_year_is_the_vendors_language_in_the_legacy_form_too():
    """From the review: the pipe format's `yy` macro drew CE420 although its own record formats read `yy`, which
    the same entry in `event.poller.configuration` form does not."""
    oracle = ("invoices|/hubs/finance/invoices?where=LastUpdateDate>='${gmtDate:dd-MMM-yy}'|$.items|LastUpdateDate|"
              "dd-MMM-yy|GMT|CreationDate|dd-MMM-yy|GMT")
    assert not found(body({"event.poller.urls": oracle}), "CE420")
    iso = oracle.replace("dd-MMM-yy|GMT", "yyyy-MM-dd|GMT")
    assert found(body({"event.poller.urls": iso}), "CE420")


def test_no_conversion_is_offered_for_a_line_with_a_field_missing():
    """A user's trial: a line without its <updTz> read `CreatedDate` as a zone and `GMT` as a format, and CE801's
    unsafe fix wrote those shifted values into the new configuration."""
    line = ("accounts|/hubs/crm/accounts?where=LastModifiedDate>'${date}'|Id|LastModifiedDate|"
            "yyyy-MM-dd'T'HH:mm:ss.SSSZ|CreatedDate|yyyy-MM-dd'T'HH:mm:ss.SSSZ|GMT")
    text = body({"event.poller.urls": line})
    (finding,) = found(text, "CE801")
    assert finding.fix is None and "by hand" in finding.help and "CreatedDate" not in finding.help
    assert found(text, "CE501") and found(text, "CE402")  # the symptoms, at their fields (`GMT` read as a format)


@pytest.mark.parametrize("urls", [
    # lines joined by a comma, or by a `\n` written out, and a line with its field and format swapped (helper-64)
    "accounts|/hubs/crm/accounts?where=a>'${date}'|Id,contacts|/hubs/crm/contacts?where=a>'${date}'|Id",
    "accounts|/hubs/crm/accounts?where=a>'${date}'|Id\\ncontacts|/hubs/crm/contacts?where=a>'${date}'|Id",
    "contacts|/hubs/crm/contacts?where=u>'${date}'|id|yyyy-MM-dd'T'HH:mm:ss'Z'|updated_at|GMT",
])
def test_no_conversion_is_offered_for_lines_run_together_or_swapped_fields(urls):
    """Their unsafe fix wrote `"idField": "Id,contacts"` and a URL as the updated date field."""
    (finding,) = found(body({"event.poller.urls": urls}), "CE801")
    assert finding.fix is None and "by hand" in finding.help


def test_a_wrong_zone_in_its_own_place_is_still_converted():
    """From the review: an aligned line with an unknown zone (`EDT`) lost its conversion; its CE501 says what to
    mend, and the conversion keeps the value where it stands."""
    line = ("Account|/hubs/crm/Account?where=LastModifiedDate>'${date}'|Id|LastModifiedDate|"
            "yyyy-MM-dd'T'HH:mm:ss.SSSZ|EDT")
    (finding,) = found(body({"event.poller.urls": line}), "CE801")
    assert finding.fix is not None and "by hand" not in finding.help


def test_a_legacy_lines_format_left_to_the_deployment_is_no_pattern():
    """helper-215: `${DATE_FORMAT}` as a line's <updFmt> was CE402, an error "is a word, not a SimpleDateFormat
    pattern", where the same value in `datesConfiguration` is the deployment's to fill (as its zone, CE503)."""
    line = "leads|/hubs/crm/leads?where=lastModifiedDate>'${date}'||updated_at|${DATE_FORMAT}|$(VendorTz)"
    problems = legacy_url_problems(line)
    assert [p.rule for p in problems] == ["CE503"]
    assert line[problems[0].start:problems[0].end] == "$(VendorTz)"
