"""The poller URL template grammar: every macro form, every URL mistake, exact offsets."""

from __future__ import annotations

import json

import pytest

from validator.rules.urls import RULES, url_problems
from validator.urls.template import parse_url_template


def codes(url: str, **options) -> list[str]:
    return [p.rule for p in url_problems(url, **options)]


def only(url: str, rule: str, **options):
    found = [p for p in url_problems(url, **options) if p.rule == rule]
    assert len(found) == 1, (url, url_problems(url, **options))
    return found[0]


# --------------------------------------------------------------------------- macro forms


@pytest.mark.parametrize(
    "url, kind, zone, fmt, unit",
    [
        ("/hubs/crm/a?where=x>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'", "gmtDate", None, "yyyy-MM-dd'T'HH:mm:ss'Z'", None),
        ("/hubs/crm/a?where=x>'${date:yyyy-MM-dd'T'HH:mm:ssXXX}'", "date", None, "yyyy-MM-dd'T'HH:mm:ssXXX", None),
        ("/hubs/crm/a?where=x>'${dateTimeZone:PST:yyyy-MM-dd HH:mm:ss}'", "dateTimeZone", "PST", "yyyy-MM-dd HH:mm:ss",
         None),
        ("/hubs/crm/a?where=x>'${dateTimeZone:America/Denver:HH:mm}'", "dateTimeZone", "America/Denver", "HH:mm", None),
        ("/hubs/crm/a?where=x>'${dateTimeZone:-8:00:yyyy-MM-dd HH:mm}'", "dateTimeZone", "-8:00", "yyyy-MM-dd HH:mm",
         None),
        ("/hubs/crm/a?where=x>'${dateTimeZone:+6:00:HH:mm}'", "dateTimeZone", "+6:00", "HH:mm", None),
        ("/hubs/crm/a?where=x>'${dateTimeZone:GMT-08:00:HH:mm}'", "dateTimeZone", "GMT-08:00", "HH:mm", None),
        ("/hubs/crm/a?where=x<'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'", "now", None, "yyyy-MM-dd'T'HH:mm:ssXXX", None),
        ("/hubs/crm/a?where=x<'${nowTimeZone:PST:yyyy-MM-dd'T'HH:mm:ss}'", "nowTimeZone", "PST", "yyyy-MM-dd'T'HH:mm:ss",
         None),
        ("/hubs/crm/a?where=x>${epoch}", "epoch", None, None, "ms"),
        ("/hubs/crm/a?where=x>'${epoch:s}'", "epoch", None, None, "s"),
        ("/hubs/crm/a?where=x>'${epoch:ms}'", "epoch", None, None, "ms"),
        ("/hubs/crm/a?where=x>'${epoch:us}'", "epoch", None, None, "us"),
        ("/hubs/crm/a?where=x>'${milliseconds}'", "milliseconds", None, None, None),
        ("/hubs/crm/a?where=x='${date}'", "date", None, None, None),
    ],
)
def test_macro_forms(url: str, kind: str, zone: str | None, fmt: str | None, unit: str | None) -> None:
    template = parse_url_template(url)
    assert url_problems(template) == []
    (macro,) = template.macros
    assert (macro.kind, macro.zone, macro.format, macro.unit) == (kind, zone, fmt, unit)
    assert url[macro.start:macro.end] == macro.text
    assert macro.text.startswith("${") and macro.text.endswith("}")
    if fmt is not None:
        assert url[macro.format_start:macro.format_start + len(fmt)] == fmt
        assert macro.pattern is not None and macro.pattern.text == fmt
    if zone is not None:
        assert url[macro.zone_start:macro.zone_start + len(zone)] == zone


def test_format_with_quotes_colons_and_braces() -> None:
    url = "/hubs/crm/a?where=x>'${gmtDate:yyyy'}'MM'{'dd 'at' HH:mm}'"
    template = parse_url_template(url)
    assert url_problems(template) == []
    (macro,) = template.macros
    assert macro.format == "yyyy'}'MM'{'dd 'at' HH:mm"


def test_two_macros_and_hub_parts() -> None:
    url = ("/hubs/humancapital/employees?where=filterUpdatedStartDate='${dateTimeZone:GMT:yyyy-MM-dd'T'HH:mm:ss}' "
           "and filterUpdatedEndDate='${nowTimeZone:GMT:yyyy-MM-dd'T'HH:mm:ss}'")
    template = parse_url_template(url)
    assert url_problems(template) == []
    assert [m.kind for m in template.macros] == ["dateTimeZone", "nowTimeZone"]
    assert [m.uses_now for m in template.macros] == [False, True]
    assert (template.hub, template.resource, template.path) == ("humancapital", "employees",
                                                                "/hubs/humancapital/employees")
    assert template.hub_relative
    assert [p.name for p in template.params] == ["where"]
    assert [c.field.value for c in template.where.conditions] == ["filterUpdatedStartDate", "filterUpdatedEndDate"]


def test_path_variables_and_params() -> None:
    url = "/hubs/social/companies/{id}/updates/likes?where=timestamp>'${milliseconds}'&updateKey={updateKey}"
    template = parse_url_template(url)
    assert url_problems(template) == []
    assert [(v.name, url[v.start:v.end]) for v in template.path_variables] == [("id", "{id}"),
                                                                              ("updateKey", "{updateKey}")]
    assert [(p.name, p.value) for p in template.params] == [("where", "timestamp>'${milliseconds}'"),
                                                            ("updateKey", "{updateKey}")]


def test_vendor_relative_url() -> None:
    template = parse_url_template("/invoices?where=modifiedafter='${gmtDate:yyyy-MM-dd}'")
    assert url_problems(template) == [] and template.hub is None and not template.hub_relative
    assert template.path == "/invoices"


def test_where_ends_at_ampersand_outside_quotes() -> None:
    template = parse_url_template("/hubs/crm/a?where=q='a&b' and x='${epoch}'&pageSize=5")
    assert [(p.name, p.value) for p in template.params] == [("where", "q='a&b' and x='${epoch}'"), ("pageSize", "5")]
    # read as it was meant; the `&` inside the string is CE644 (a query's `&` ends the parameter, quotes or not)
    assert [(p.rule, p.start) for p in url_problems(template)] == [("CE644", 22)]


# --------------------------------------------------------------------------- date formats (CE401, CE604)


def test_pattern_error_column_inside_the_url() -> None:
    url = "/hubs/crm/a?where=x>'${gmtDate:yyyy-MM-ddTHH:mm}'"
    problem = only(url, "CE401")
    assert url[problem.start:problem.end] == "T"
    assert problem.start == url.index("T")
    assert "Illegal pattern character 'T'" in problem.message


def test_unterminated_quote_in_format() -> None:
    url = "/hubs/crm/a?where=x>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX'}'"
    problem = only(url, "CE401")
    assert "Unterminated quote" in problem.message
    assert problem.start == url.index("XXX'") + 3
    assert codes(url) == ["CE401"]  # the macro ends at its '}', so CEQL's quotes still pair up


def test_iso8601_length_error() -> None:
    url = "/hubs/crm/a?where=x>'${gmtDate:HH:mmXXXX}'"
    problem = only(url, "CE401")
    assert url[problem.start:problem.end] == "XXXX"


@pytest.mark.parametrize(
    "fmt, fragment",
    [("10 digit integer Unix time", "description"), ("518862600", "number"), ("'constant'", "no date field")],
)
def test_formats_that_are_not_dates(fmt: str, fragment: str) -> None:
    url = f"/hubs/marketing/contacts?where=lastUpdatedAt>='${{date:{fmt}}}'"
    problem = only(url, "CE604")
    assert fragment in problem.message
    assert url[problem.start:problem.end] == fmt
    assert "CE401" not in codes(url)


@pytest.mark.parametrize("fmt", ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmmssXX",
                                 "yyyyMMddHHmmss", "EEEddMMMyyyy", "yyyyMMdd'T'HHmmss.SSSZ"])
def test_a_compact_pattern_is_not_a_description(fmt: str) -> None:
    """Runs of pattern letters are not words: Java compiles these (`20240105T100000Z`)."""
    assert "CE604" not in codes(f"/hubs/fsm/visits?where=changed>'${{gmtDate:{fmt}}}'")


def test_a_description_is_one_only_when_it_does_not_compile() -> None:
    from validator.dates.pattern import compile_pattern
    from validator.dates.tokens import PatternError, is_description

    for text in ("10 digit integer Unix time", "date time", "timestamp", "Unix epoch seconds"):
        with pytest.raises(PatternError):
            compile_pattern(text)
        assert is_description(text), text
    for text in ("yyyyMMdd'T'HHmmss'Z'", "yyyy-MM-dd lastModified", "lastModifiedDate", "yyyy-MM-dd'T'HH:mm:ssQ"):
        assert not is_description(text), text


def test_empty_format() -> None:
    assert codes("/hubs/crm/a?where=x>'${gmtDate:}'") == ["CE604"]


def test_prose_fix_suggests_epoch_seconds() -> None:
    problem = only("/hubs/marketing/contacts?where=lastUpdatedAt>='${date:10 digit integer Unix time}'", "CE604")
    assert problem.help == "write `${epoch:s}`"


# --------------------------------------------------------------------------- malformed macros (CE601-CE609)


def test_unknown_descriptor_did_you_mean() -> None:
    url = "/hubs/employee/employees?where=updated_date__gte='${DateTimeZone:PST:yyyy-MM-dd'T'HH:mm:ss.SSS}'"
    problem = only(url, "CE601")
    assert url[problem.start:problem.end] == "DateTimeZone"
    assert problem.help == "write `dateTimeZone`"
    assert "did you mean 'dateTimeZone'" in problem.message
    assert parse_url_template(url).macros == []
    assert codes(url) == ["CE601"]


def test_unknown_descriptor_without_close_match() -> None:
    problem = only("/hubs/crm/a?where=x>'${banana:yyyy}'", "CE601")
    assert problem.help is None and "expected one of" in problem.message


def test_environment_reference_is_info_only() -> None:
    problem = only("/hubs/crm/a?apiKey=${SAGE_API_KEY}", "CE601")
    assert problem.severity == "info"


def test_missing_descriptor() -> None:
    url = "/invoices?where=modifiedafter='${yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    problem = only(url, "CE602")
    assert url[problem.start:problem.end] == "${yyyy-MM-dd'T'HH:mm:ss'Z'}"
    assert problem.help == "write `${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}`"
    assert codes(url) == ["CE602"]


def test_number_macro() -> None:
    url = "/hubs/marketing/contacts?where=lastUpdatedAt>='${518862600}'"
    problem = only(url, "CE603")
    assert url[problem.start:problem.end] == "${518862600}" and problem.help == "write `${epoch:s}`"
    assert only("/hubs/x/a?where=t>'${1518862600000}'", "CE603").help == "write `${epoch}`"


def test_unterminated_macro() -> None:
    url = "/hubs/crm/a?where=x>'${gmtDate:yyyy-MM-dd"
    problem = only(url, "CE605")
    assert problem.start == url.index("${")
    assert parse_url_template(url).macros == []


def test_macro_unterminated_before_the_next_macro() -> None:
    url = "/hubs/crm/a?where=x>'${gmtDate:yyyy' and y<'${now:HH}'"
    template = parse_url_template(url)
    assert [p.rule for p in url_problems(template)] == ["CE605"]
    assert url_problems(template)[0].start == url.index("${gmtDate")
    assert [m.kind for m in template.macros] == ["now"]


def test_dollar_without_brace() -> None:
    url = "/customers?where=modifiedafter='$yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    problem = only(url, "CE605")
    assert url[problem.start:problem.end] == "$yyyy-MM-dd'T'HH:mm:ss'Z'}"
    assert problem.help == "write `${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}`"  # not `${yyyy...}`, which CE602 rejects
    assert codes(url) == ["CE605"]


def test_brace_without_dollar() -> None:
    """A user's trial: `'{gmtDate:...}'` passed, and the vendor got the text instead of the last poll time."""
    url = "/hubs/crm/contacts?where=LastModifiedDate>'{gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}' and x<'{epoch:ms}'"
    assert codes(url) == ["CE605", "CE605"]
    problem = only(url.split(" and")[0], "CE605")
    assert url[problem.start:problem.end] == "{gmtDate:" and problem.help == "write `${gmtDate:`"
    # a placeholder, a macro, a path variable and a templating leftover are not it
    for fine in ("/hubs/crm/a?where=x>'{dateFrom}'", "/hubs/crm/a?where=x>'{date}'", "/hubs/{objectName}/x",
                 "/hubs/crm/a?where=x>'${gmtDate:yyyy}'",
                 # a review's false alarms: a Mongo-style filter, a field list, a path template
                 "/hubs/db/items?filter={date:{$gte:'${gmtDate:yyyy}'}}", "/hubs/crm/a?fields={now:created}",
                 "/hubs/crm/contacts/{date:[0-9]+}"):
        assert "CE605" not in codes(fine), fine
    assert codes("/hubs/finance/bills?where=t>'#{'$'}{gmtDate:yyyy-MM-dd}'") == ["CE606"]


@pytest.mark.parametrize("url", ["/hubs/crm/a?x=${}", "/hubs/crm/a?x='${gmtDate}'", "/hubs/crm/a?x='${now}'",
                                 "/hubs/crm/a?x='${milliseconds:s}'", "/hubs/crm/a?x='${dateTimeZone:yyyy}'"])
def test_malformed_macros(url: str) -> None:
    assert codes(url) == ["CE605"]


def test_templating_leftover() -> None:
    url = "/hubs/finance/bills?where=TimeModified >= '#{'$'}{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    problem = only(url, "CE606")
    assert problem.start == url.index("#{")
    assert problem.help == "write `${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}`"
    assert codes(url) == ["CE606"]


def test_placeholder_zone() -> None:
    url = "/hubs/crm/accounts?where='Modified Time'>'${dateTimeZone:{TimeZone}:yyyy-MM-dd HH:mm:ss}'"
    template = parse_url_template(url)
    problem = only(url, "CE607")
    assert url[problem.start:problem.end] == "{TimeZone}"
    (macro,) = template.macros
    assert (macro.zone, macro.format) == ("{TimeZone}", "yyyy-MM-dd HH:mm:ss")
    assert codes(url) == ["CE607"]


def test_unknown_zone_did_you_mean() -> None:
    url = "/hubs/crm/a?where=x>'${dateTimeZone:America/new_york:HH:mm}'"
    problem = only(url, "CE608")
    assert url[problem.start:problem.end] == "America/new_york"
    assert problem.help == "write `America/New_York`"
    assert "silently uses GMT" in problem.message


def test_known_and_offset_zones_are_fine() -> None:
    for zone in ("PST", "EST", "US/Eastern", "GMT+05:30", "UTC", "-8:00", "+6:00", "-0800"):
        assert codes(f"/hubs/crm/a?where=x>'${{dateTimeZone:{zone}:HH:mm}}'") == [], zone


def test_empty_zone() -> None:
    assert codes("/hubs/crm/a?where=x>'${dateTimeZone::HH:mm}'") == ["CE608"]


def test_dateTimeZone_without_zone() -> None:
    problem = only("/hubs/crm/a?where=x>'${dateTimeZone:yyyy-MM-dd'T'HH:mm:ss}'", "CE605")
    assert problem.help == "write `${dateTimeZone:GMT:yyyy-MM-dd'T'HH:mm:ss}`"


def test_extra_brace_after_a_macro() -> None:
    url = "/hubs/crm/a?where=x>'${gmtDate:yyyy}}'"
    problem = only(url, "CE611")
    assert problem.start == url.index("}}") + 1
    assert codes(url) == ["CE611"]


@pytest.mark.parametrize("unit, fix", [("S", "${epoch:s}"), ("MS", "${epoch:ms}"), ("seconds", "${epoch:s}"),
                                       ("0", "${epoch}")])
def test_epoch_unit_fixes(unit: str, fix: str) -> None:
    assert only(f"/hubs/x/a?t=${{epoch:{unit}}}", "CE609").help == f"write `{fix}`"


def test_epoch_bad_unit() -> None:
    url = "/clients/startingFrom=${epoch:0}"
    problem = only(url, "CE609")
    assert url[problem.start:problem.end] == "0"
    assert codes(url) == ["CE609"]  # vendor-relative: '=' in its path is the vendor's business


# --------------------------------------------------------------------------- text outside macros


def test_stray_quote_after_query_variable() -> None:
    url = "/hubs/social/companies/{id}/updates/comments?where=timestamp>'${milliseconds}'&updateKey={updateKey}'"
    problem = only(url, "CE610")
    assert problem.start == len(url) - 1
    assert codes(url) == ["CE610"]


def test_typographic_quotes_around_a_macro() -> None:
    url = "/hubs/crm/a?where=x>\u2018${gmtDate:yyyy-MM-dd}\u2019"
    found = [(p.rule, p.start) for p in url_problems(url)]
    assert found == [("CE610", 20), ("CE624", 21), ("CE610", len(url) - 1)]  # to CEQL the date is unquoted
    assert codes("/hubs/crm/a?where=q='it\u2019s' and x>'${epoch}'") == []


def test_apostrophe_inside_a_word_is_not_stray() -> None:
    assert codes("/hubs/crm/a?q=O'Brien&where=x>'${epoch}'") == []
    assert codes("/hubs/crm/a?q='Brien") == ["CE610"]


def test_stray_brace_and_quote_in_path() -> None:
    url = "/hubs/general/contacts}'"
    assert codes(url) == ["CE611", "CE610"]
    brace, quote = url_problems(url)
    assert (brace.start, quote.start) == (len(url) - 2, len(url) - 1)


def test_unclosed_brace_in_path() -> None:
    assert codes("/hubs/crm/{id/contacts") == ["CE611"]


def test_double_brace_placeholders_are_left_to_the_placeholder_rules() -> None:
    assert codes("/hubs/{{page.hub}}/{{page.object}}?where=x>='${gmtDate:yyyy}'") == []


def test_leading_and_trailing_whitespace() -> None:
    lead = only(" /hubs/crm/contacts", "CE612")
    assert (lead.start, lead.end, lead.severity, lead.help) == (0, 1, None, "remove the whitespace")
    trail = only("/hubs/crm/contacts?where=x>'${epoch}' ", "CE612")
    assert trail.severity == "info"


def test_control_character() -> None:
    assert codes("/hubs/crm/con\ttacts") == ["CE612"]


def test_missing_leading_slash() -> None:
    problem = only("hubs/employee/timesheets?where=a='${gmtDate:yyyy}'", "CE613")
    assert (problem.start, problem.help) == (0, "write `/hubs/employee/timesheets?where=a='${gmtDate:yyyy}'`")


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u200b"])
def test_an_odd_space_after_an_operator_is_one_finding(space: str) -> None:
    """helper-117: a no-break space after `>=` drew CE612 and a false "the operator has no value after it"."""
    assert codes(f"/hubs/crm/orders?where=updated_at>={space}'${{gmtDate:yyyy}}'") == ["CE612"]


@pytest.mark.parametrize("char", ["\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u202e", "\u2066"])
def test_an_invisible_format_character_in_a_url_is_reported_and_removed(char: str) -> None:
    """A zero-width joiner, a word joiner, a soft hyphen or a direction mark pasted into a parameter's name passed
    (only the zero-width space was known): the vendor gets `page%E2%80%8DSize`, a parameter it does not have."""
    url = f"/hubs/crm/contacts?where=updated_at>='${{gmtDate:yyyy}}'&page{char}Size=10"
    problem = only(url, "CE612")
    assert (problem.start, problem.end) == (url.index(char), url.index(char) + 1)
    assert "invisible character" in problem.message and problem.help == "remove it"
    assert problem.fix is not None and [(e.start, e.end, e.replacement) for e in problem.fix.edits] == [
        (url.index(char), url.index(char) + 1, "")]
    assert codes(f"/hubs/crm/orders?where=updated_at>={char}'${{gmtDate:yyyy}}'") == ["CE612"]  # (no second finding)


@pytest.mark.parametrize("value", ["\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"])
def test_a_joiner_inside_an_emoji_or_a_word_of_its_script_is_the_texts_own(value: str) -> None:
    """h211: a zero-width joiner between emoji (a family, one glyph) or a non-joiner inside a Persian word is part of
    the value as its script writes it; since the joiners became CE612's, each was an error whose safe fix removed it."""
    assert "CE612" not in codes(f"/hubs/crm/contacts?where=updated_at>='${{gmtDate:yyyy}}' and name='{value}'")
    assert "CE612" in codes(f"/hubs/crm/contacts?where=updated_at>='${{gmtDate:yyyy}}' and name='a\u200d{value}'")


def test_the_odd_spaces_and_invisible_characters_have_one_owner() -> None:
    """The URL's, JSON's and a date pattern's readers asked different lists (the word joiner was an odd space to
    JSON and nothing to a URL): each now reads the two lists `validator.vocabulary.characters` keeps."""
    import unicodedata

    from validator.vocabulary.characters import INVISIBLES, ODD_SPACES

    assert {unicodedata.category(c) for c in ODD_SPACES} == {"Zs", "Zl", "Zp"} and " " not in ODD_SPACES
    assert {unicodedata.category(c) for c in INVISIBLES} == {"Cf"}
    every_space = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp")} - {" "}
    assert set(ODD_SPACES) == every_space


def test_a_url_that_is_only_its_query() -> None:
    """helper-117: `?where=...` (no path at all) drew nothing, where `customers?where=...` draws CE613."""
    problem = only("?where=lastModifiedDate>='${gmtDate:yyyy}'", "CE613")
    assert (problem.start, problem.end) == (0, 1) and "names no resource" in problem.message
    assert "CE613" not in codes("/hubs/crm/contacts?where=a='${gmtDate:yyyy}'")


@pytest.mark.parametrize("fmt", ["yyyy-MM-dd'T'HH:mm:ssZ", "EEE, dd MMM yyyy HH:mm:ss Z", "HH:mm'+00:00'"])
def test_plus_in_unencoded_query(fmt: str) -> None:
    url = f"/hubs/crm/a?where=x>='${{gmtDate:{fmt}}}'"
    problem = only(url, "CE616")
    assert url[problem.start:problem.end] == fmt
    assert codes(url, encode_values=True) == []


@pytest.mark.parametrize("offset", ["+00:00", "+0530", "+01"])
def test_an_offset_written_after_the_macro_sends_its_plus_unencoded(offset: str) -> None:
    """helper-207: `'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}+00:00'` passed, where the same `+` printed by the pattern is
    CE616: the vendor reads `2024-01-05T10:00:00 00:00`."""
    url = f"/hubs/crm/a?where=x>='${{gmtDate:yyyy-MM-dd'T'HH:mm:ss}}{offset}'"
    problem = only(url, "CE616")
    assert (problem.start, problem.end) == (url.index("+"), url.index("+") + len(offset))
    assert f"%2B{offset[1:]}" in problem.help
    assert codes(url, encode_values=True) == []
    assert codes(url.replace("+", "%2B")) == []
    assert "CE616" not in codes(f"/hubs/crm/a/${{gmtDate:yyyy}}{offset}/b")  # (in the path: a plus)
    assert "CE616" not in codes("/hubs/crm/a?q=${epoch}+1")  # (no date printed before it)


def test_plus_depends_on_the_zone() -> None:
    assert codes("/hubs/crm/a?where=x>='${gmtDate:HH:mmXXX}'") == []  # X prints Z in GMT
    assert codes("/hubs/crm/a?where=x>='${dateTimeZone:Europe/Paris:HH:mmXXX}'") == ["CE616"]
    assert codes("/hubs/crm/a?where=x>='${dateTimeZone:America/Denver:HH:mmZ}'") == []  # always '-'
    assert codes("/hubs/crm/a?where=x>='${dateTimeZone:GMT+05:30:HH:mm z}'") == ["CE616"]
    assert codes("/hubs/crm/a?where=x>='${date:HH:mmXXX}'", server_zone="Asia/Kolkata") == ["CE616"]
    assert codes("/crm/${gmtDate:Z}/a") == []  # '+' in a path is a plus


def test_raw_spaces_are_an_option() -> None:
    url = "/hubs/crm/a?where=updated_at >= '${gmtDate:yyyy-MM-dd HH:mm:ss}'"
    assert codes(url) == []
    found = url_problems(url, report_spaces=True)
    assert [(p.rule, p.severity, p.start) for p in found] == [("CE617", "info", url.index(" ")),
                                                             ("CE617", "info", url.index(" ", url.index(" ") + 1))]


def test_html_entity() -> None:
    url = "/hubs/crm/contacts?where=update_time >= &apos; ${gmtDate:yyyy-MM-dd HH:mm:ss}&apos;"
    assert codes(url) == ["CE618", "CE618"]  # the CEQL split at '&' is not reported on top


def test_html_ampersand_help_says_what_the_place_needs() -> None:
    """`&amp;` between parameters stands for the separator `&`; inside a value, a raw `&` would end the parameter
    (CE644 asks for `%26` there too)."""
    inside = url_problems("/hubs/crm/a?where=company='Smith &amp; Sons' and x>'${gmtDate:yyyy-MM-dd}'")
    between = url_problems("/hubs/crm/a?pageSize=5&amp;where=x>'${gmtDate:yyyy-MM-dd}'")
    assert [(p.rule, p.help) for p in inside] == [("CE618", "write `%26`, the `&` percent-encoded: a raw `&` in the "
                                                             "query starts another parameter")]
    assert [(p.rule, p.help) for p in between] == [("CE618", "write & instead")]


def test_hub_typo() -> None:
    problem = only("/hubs/docuemnts/documents", "CE625")
    assert problem.help == "write `documents`"
    assert codes("/hubs/myhub/things") == []  # far from every known hub: not a typo
    # a hub named by what it is for: QuickBooks on `accounting` is on `finance`, not Sage's `sageaccounting` (helper-57)
    assert only("/hubs/accounting/invoices", "CE625").help == "write `finance`"
    assert only("/hubs/support/tickets", "CE625").help == "write `helpdesk`"


def test_query_in_path() -> None:
    assert codes("/hubs/crm/clients/startingFrom=${epoch}") == ["CE626"]


def test_fixed_date_filter() -> None:
    url = "/hubs/marketing/deals?where=mdate>=2017-02-28T16:11:29-06:00"
    problem = only(url, "CE627")
    assert url[problem.start:problem.end] == "2017-02-28T16:11:29-06:00"
    assert codes("/hubs/sage/x?where=from_date='${gmtDate:dd/MM/yyyy}' AND to_date='31/12/9999'") == []


def test_ceql_problems_are_placed_in_the_url() -> None:
    url = ("/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and "
           "attributes='created_at,updated_at")
    problem = only(url, "CE620")
    assert problem.start == url.index("'created_at")
    assert only(" /hubs/event-conferencing/attendees?where=", "CE622").start == len(
        " /hubs/event-conferencing/attendees?where=")


# --------------------------------------------------------------------------- robustness and rule docs


def test_never_raises_on_garbage() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("${}:'\" &?=/#()<>yMdHmsZXz-T0189aS\\\t") + ["${", "#{'$'}{", "where=", "gmtDate:",
                                                                              "dateTimeZone:", "epoch"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text: str) -> None:
        template = parse_url_template(text)
        assert all(p.rule != "CE699" for p in url_problems(template)), (text, url_problems(template))
        for p in url_problems(template):
            assert 0 <= p.start <= p.end <= len(text)

    check()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples(rule) -> None:
    assert rule.code.startswith("CE6") and rule.summary and rule.description
    options = {"report_spaces": True} if rule.code == "CE617" else {}
    bad = [e["url"] for e in json.loads(rule.bad).values()]
    good = [e["url"] for e in json.loads(rule.good).values()]
    assert any(rule.code in codes(url, **options) for url in bad)
    assert not any(rule.code in codes(url, **options) for url in good)
    assert all(codes(url) == [] for url in good), good


def test_rule_codes_are_unique() -> None:
    every = RULES
    assert len({r.code for r in every}) == len(every)


def test_a_field_and_its_value_with_no_operator_and_typographic_quotes_in_the_filter() -> None:
    """A user's trial: both passed silently."""
    assert codes("/hubs/crm/contacts?where=LastModifiedDate'${gmtDate:yyyy-MM-dd}'") == ["CE621"]
    assert codes("/hubs/crm/contacts?where=a='b' and LastModifiedDate '${gmtDate:yyyy-MM-dd}'") == ["CE621"]
    url = "/hubs/crm/contacts?where=name=\u201cfoo\u201d and x>'${gmtDate:yyyy-MM-dd}'"
    assert codes(url) == ["CE610"]
    # an encoded operator, a typographic quote inside a string, `not`, `in`: not these mistakes
    for fine in ("/hubs/crm/contacts?where=x%3E%27${gmtDate:yyyy-MM-dd}%27", "/hubs/crm/c?where=a='O\u2019Brien'",
                 "/hubs/crm/c?where=name=O\u2019Brien", "/hubs/crm/c?where=[Customer\u2019s Name]='x'",
                 "/hubs/crm/c?where=not a='b'", "/hubs/crm/c?where=a in ('x', 'y')"):
        assert not {"CE610", "CE621"} & set(codes(fine)), fine


def test_a_swap_keeps_a_stray_quote_before_it() -> None:
    """A review: with '&' before '?', a real stray quote in the path was no longer reported."""
    url = "/hubs/crm/contacts'&where=a='1'?pageSize=5"
    assert codes(url) == ["CE610", "CE634"]


def test_a_percent_encoded_query_separator():
    """A fresh trial (helper-71): `customers%3Fwhere%3D...` drew two "stray quote in the path" findings whose help
    removed the filter's quotes; `%3F` is the `?` the URL lacks."""
    url = "/hubs/finance/customers%3Fwhere%3DlastModifiedDate%3E%3D'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    found = url_problems(url)
    assert [p.rule for p in found] == ["CE634"] and found[0].start == url.index("%3F")
    [edit] = found[0].fix.edits
    fixed = url[:edit.start] + edit.replacement + url[edit.end:]
    assert fixed == "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"
    assert codes(fixed) == []
    assert codes("/hubs/a/files%3Fx") == []  # an encoded `?` in a name, with no parameter after it
    # a false-alarm hunt (helper-73): a path's own encoded name; a value's `%26` kept encoded by the fix
    assert codes("/hubs/documents/files/%2FInbox%2Fwhat%3Fname%3Dreport.pdf/metadata") == []
    [found] = url_problems("/hubs/a/c%3Fwhere%3Dname%3D'A%26B'%20and%20x%3E'${gmtDate:yyyy-MM-dd}'")
    assert found.fix.edits[0].replacement == "?where=name='A%26B' and x>'${gmtDate:yyyy-MM-dd}'"


# --------------------------------------------------------------------------- a fresh-mistakes trial (helper-76)


@pytest.mark.parametrize("description, fix", [("milliseconds", "${epoch}"), ("epoch millis", "${epoch}"),
                                              ("unix seconds", "${epoch:s}"), ("microseconds", "${epoch:us}")])
def test_a_description_naming_its_unit_gets_that_epoch(description: str, fix: str) -> None:
    """`${gmtDate:milliseconds}` was told to write `${epoch:s}` (seconds: then CE414, off by a factor of 1000)."""
    assert only(f"/hubs/x/a?where=t>${{gmtDate:{description}}}", "CE604").help == f"write `{fix}`"


def test_epoch_given_a_date_pattern_is_told_of_gmtDate() -> None:
    """`${epoch:yyyy-MM-dd...}` wants a formatted date, which `${epoch}` (the help it had) never prints."""
    problem = only("/hubs/x/a?where=t>='${epoch:yyyy-MM-dd'T'HH:mm:ss'Z'}'", "CE609")
    assert problem.help == "write `${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}`"
    assert "never a date in a format" in problem.message


@pytest.mark.parametrize("separator", [",", ";", "|", " "])
def test_a_zone_joined_to_its_format_by_another_separator(separator: str) -> None:
    """`${dateTimeZone:America/New_York,yyyy-...}`: the help put `GMT:` before it all, which is CE604 in turn."""
    url = f"/hubs/x/a?where=t>'${{dateTimeZone:America/New_York{separator}yyyy-MM-dd'T'HH:mm:ssXXX}}'"
    problem = only(url, "CE605")
    assert problem.help == "write `${dateTimeZone:America/New_York:yyyy-MM-dd'T'HH:mm:ssXXX}`"
    assert f"separated by {separator!r}" in problem.message
    assert url[problem.start:problem.end] == separator  # (at the separator: a trial, helper-81, saw the macro's start)
    assert problem.fix is not None and problem.fix.applicability == "safe" and problem.fix.edits[0].replacement == ":"
    fixed = url.replace(f"New_York{separator}", "New_York:")
    assert "CE605" not in codes(fixed) and "CE604" not in codes(fixed)


@pytest.mark.parametrize("written, macro", [("{{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}}", "${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"),
                                            ("{{ dateTimeZone:GMT:yyyy-MM-dd }}", "${dateTimeZone:GMT:yyyy-MM-dd}"),
                                            ("{{epoch:ms}}", "${epoch:ms}")])
def test_a_macro_in_template_braces(written: str, macro: str) -> None:
    """`'{{gmtDate:...}}'` was CE701, an unfilled placeholder to fill from the environment: it is the macro in the
    wrong braces (CE605, fixed safely); a template's own `{{date}}` stays a placeholder."""
    url = f"/hubs/x/a?where=t>='{written}'"
    problem = only(url, "CE605")
    assert url[problem.start:problem.end] == written and problem.help == f"write `{macro}`"
    assert problem.fix is not None and problem.fix.edits[0].replacement == macro
    assert "CE605" not in codes("/hubs/x/a?where=t>='{{date}}'")


def test_a_macro_in_template_braces_is_not_an_unfilled_placeholder() -> None:
    import validator

    body = {"contacts": {"url": "/hubs/crm/contacts?where=updated>='{{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}}'",
                         "idField": "id"}}
    assert [f.rule for f in validator.check(body, kind="poller", config=None) if f.severity != "info"] == ["CE605"]


def test_a_date_macro_quoted_twice_compares_with_an_empty_string() -> None:
    """`>=''${gmtDate:...}''` (helper-76): CEQL reads `''` as an empty string, so the date follows it unquoted; it
    drew CE624 (info) only.  Quoted once, by the safe fix, it draws nothing."""
    url = "/hubs/x/c?where=updated_at>=''${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}''"
    problem = only(url, "CE628")
    assert url[problem.start:problem.end] == "''" and problem.start == url.index("''")
    assert codes(url) == ["CE628"]
    fixed = url
    for edit in sorted(problem.fix.edits, key=lambda e: -e.start):
        fixed = fixed[:edit.start] + edit.replacement + fixed[edit.end:]
    assert fixed == "/hubs/x/c?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'" and codes(fixed) == []


@pytest.mark.parametrize("url, rule, macro", [
    ("/hubs/x/c?where=updated_at>=${gmtDate:'yyyy-MM-dd'T'HH:mm:ss'Z''}", "CE401", "'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"),
    ("/hubs/x/c?where=updated_at>=${gmtDate:'yyyy-MM-dd'}", "CE604", "'${gmtDate:yyyy-MM-dd}'"),
])
def test_the_strings_quotes_written_inside_the_macro(url: str, rule: str, macro: str) -> None:
    """`${gmtDate:'yyyy-MM-dd'T'HH:mm:ss'Z''}` (helper-76): the help now moves the quotes out of the macro, and the
    findings that followed from them (CE624 saying to quote it again, CE620 on its `''`) are not reported."""
    problem = only(url, rule)
    assert problem.help == f"write `{macro}`" and "belong outside the macro" in problem.message
    assert codes(url) == [rule]
    assert codes(url[:url.index("${")] + macro) == []


@pytest.mark.parametrize("url", ["/hubs/x/c?where=t>${gmtDate:milliseconds}", "/hubs/x/c?where=t>${gmtDate:yyyy-MM-ddTHH}"])
def test_a_macro_whose_format_is_a_mistake_is_not_told_to_be_quoted(url: str) -> None:
    """`${gmtDate:milliseconds}` was told to write `${epoch}` (CE604) and to quote the macro (CE624): one mistake, one
    finding, whose help is the one to follow."""
    assert len(codes(url)) == 1 and "CE624" not in codes(url)



def test_a_macro_in_three_braces_is_replaced_whole() -> None:
    """`{{{gmtDate:...}}}` (helper-78): the fix wrote `{${gmtDate:...}}`, which drew CE611."""
    url = "/hubs/x/y?where=a>='{{{gmtDate:yyyy-MM-dd}}}'"
    problem = only(url, "CE605")
    assert url[problem.start:problem.end] == "{{{gmtDate:yyyy-MM-dd}}}"
    (edit,) = problem.fix.edits
    fixed = url[:edit.start] + edit.replacement + url[edit.end:]
    assert fixed == "/hubs/x/y?where=a>='${gmtDate:yyyy-MM-dd}'" and codes(fixed) == []


@pytest.mark.parametrize(("zone", "reported"), [("+99:99", True), ("+25:00", True), ("+24:00", True), ("-8:00", False),
                                                ("+5:30", False), ("+23:59", False), ("-12", False)])
def test_an_offset_java_cannot_read_as_a_zone_is_gmt(zone, reported):
    """helper-92: `${dateTimeZone:+99:99:...}` rendered in GMT (Java's `GMT+99:99` is no zone) with no finding."""
    assert (codes(f"/hubs/crm/a?where=x>'${{dateTimeZone:{zone}:HH:mm}}'") == ["CE608"]) is reported


def test_a_quote_inside_a_quoted_text_of_a_macro_s_format_gets_no_fix_java_rejects() -> None:
    """helper-95: CE620's fix for `h 'o''clock' a` wrote `h 'o'clock' a`, which Java's SimpleDateFormat refuses
    (Illegal pattern character 'c'); `''T''` is still fixed to `'T'`."""
    clock = only("/hubs/crm/a?where=x>='${gmtDate:yyyy-MM-dd h 'o''clock' a}'", "CE620")
    assert clock.fix is None and "leave the quote out" in (clock.help or "")
    letter = only("/hubs/crm/a?where=x>='${gmtDate:yyyy-MM-dd''T''HH:mm}'", "CE620")
    assert letter.fix is not None and letter.fix.edits[0].replacement == "yyyy-MM-dd'T'HH:mm"
    field = only("/hubs/crm/a?where=x>='${gmtDate:''yyyy''-MM-dd}'", "CE620")  # helper-97: the year made text
    assert field.fix is None


@pytest.mark.parametrize("zone", ["-5:5", "+05:3", "-8:123", "GMT+5:5", "GMT+05:3", "UTC-8:3"])
def test_an_offset_with_minutes_of_one_digit_is_reported(zone):
    """`${dateTimeZone:-5:5:...}`: the zone is read as `-5` and `5:` prints before every date sent."""
    url = f"/hubs/crm/a?where=x>'${{dateTimeZone:{zone}:yyyy-MM-dd HH:mm}}'"
    problem = only(url, "CE605")
    assert url[problem.start:problem.end] == zone + ":"
    assert "two digits" in problem.message and zone.split(":")[0] in (problem.help or "")


def test_a_format_that_starts_with_digits_after_a_whole_offset_is_left_alone():
    for url in ("/hubs/crm/a?where=x>'${dateTimeZone:-05:30:yyyy-MM-dd}'",
                "/hubs/crm/a?where=x>'${dateTimeZone:GMT:yyyy-MM-dd}'",
                "/hubs/crm/a?where=x>'${dateTimeZone:-5:yyyy-MM-dd}'"):
        assert codes(url) == [], url


@pytest.mark.parametrize(("hub", "meant"), [("crn", "crm"), ("cmr", "crm"), ("rcm", "crm"), ("fas", "fsa"),
                                            ("edu", "edi")])
def test_a_three_letter_hub_one_letter_off_is_named(hub, meant):
    """helper-110: `/hubs/crn/` and `/hubs/cmr/` drew nothing: a likeness ratio of 0.67 is below the cutoff at three
    letters."""
    url = f"/hubs/{hub}/contacts?where=a>1"
    problem = only(url, "CE625")
    assert f"did you mean {meant!r}" in problem.message and url[problem.start:problem.end] == hub


@pytest.mark.parametrize("hub", ["edp", "abc", "api", "v2x"])
def test_a_three_letter_word_near_no_single_hub_is_left_alone(hub):
    assert "CE625" not in codes(f"/hubs/{hub}/contacts?where=a>1")


@pytest.mark.parametrize(("macro", "meant"), [
    ("${gmtDate:America/New_York:yyyy-MM-dd'T'HH:mm:ssXXX}", "${dateTimeZone:America/New_York:yyyy-MM-dd'T'HH:mm:ssXXX}"),
    ("${date:PST:yyyy-MM-dd HH:mm:ss}", "${dateTimeZone:PST:yyyy-MM-dd HH:mm:ss}"),
    ("${now:GMT:yyyy-MM-dd}", "${nowTimeZone:GMT:yyyy-MM-dd}")])
def test_a_zone_in_a_macro_that_takes_none_names_the_form_that_does(macro, meant):
    """helper-110: `${gmtDate:America/New_York:...}` was CE604 "a description, not a pattern", with no help."""
    url = f"/hubs/crm/a?where=x>'{macro}'"
    problem = only(url, "CE605")
    assert "takes no zone" in problem.message and problem.help == f"write `{meant}`"
    (edit,) = problem.fix.edits
    assert url[:edit.start] + edit.replacement + url[edit.end:] == url.replace(macro, meant)


def test_a_format_with_slashes_or_capitals_in_a_macro_without_a_zone_is_no_zone():
    for url in ("/hubs/crm/a?where=x>'${gmtDate:yyyy/MM/dd HH:mm:ss}'", "/hubs/crm/a?where=x>'${date:MM:dd}'",
                "/hubs/crm/a?where=x>'${gmtDate:HH:mm}'"):
        assert "CE605" not in codes(url), url


def test_a_macro_with_only_its_braces_percent_encoded_is_reported_and_decoded():
    """helper-110: `$%7BgmtDate:...%7D` (a URL pasted from a browser) passed; `%24%7B...` was reported."""
    url = "/hubs/crm/contacts?where=lastModifiedDate>='$%7BgmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'%7D'"
    problem = only(url, "CE605")
    assert url[problem.start:problem.end] == "$%7BgmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'%7D"
    (edit,) = problem.fix.edits
    assert edit.replacement == "${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"


def test_a_sum_after_the_quote_that_closes_an_epoch_macro_s_value_is_ce643():
    """helper-111: `startEpochMillis='${epoch:ms}'/1000` drew nothing (without the quotes it was CE643)."""
    url = "/hubs/x/y?where=startEpochSeconds='${epoch:ms}'/1000"
    problem = only(url, "CE643")
    assert url[problem.start:problem.end] == "${epoch:ms}'/1000"
    (edit,) = problem.fix.edits
    assert url[:edit.start] + edit.replacement + url[edit.end:] == "/hubs/x/y?where=startEpochSeconds='${epoch:s}'"
    assert "CE643" not in codes("/hubs/x/y?where=a='${epoch:ms}' and b='x'")


def test_a_zone_java_knows_whose_name_holds_format_letters_is_a_zone():
    """helper-169: `Africa/Addis_Ababa` (holding `dd`) was called "the start of a date format" (CE605, error), and
    render left the macro as written."""
    url = "/hubs/erp/orders?where=updated_at>'${dateTimeZone:Africa/Addis_Ababa:yyyy-MM-dd'T'HH:mm:ss}'"
    assert codes(url) == []
    (macro,) = parse_url_template(url).macros
    assert (macro.zone, macro.format) == ("Africa/Addis_Ababa", "yyyy-MM-dd'T'HH:mm:ss")


@pytest.mark.parametrize("fmt", ["'" + "x" * 5000 + "'", "X" * 5000, "z" * 5000 + "Z"])
def test_a_huge_macro_format_is_quoted_by_its_ends(fmt):
    """helper-169: CE604, CE401 and CE616 quoted a 100 KB format whole, one 100 KB line of output each."""
    problems = url_problems(f"/hubs/crm/a?where=x>'${{gmtDate:{fmt}}}'")
    assert problems and all(len(p.message) < 400 for p in problems), [len(p.message) for p in problems]


@pytest.mark.parametrize(("zone", "read", "posix"), [("Etc/GMT+5:30", "Etc/GMT+5", "UTC-05:00"),
                                                     ("Etc/GMT-5:45", "Etc/GMT-5", "UTC+05:00")])
def test_minutes_after_an_etc_gmt_id_are_printed_before_every_date(zone, read, posix):
    """helper-169: `${dateTimeZone:Etc/GMT+5:30:...}` (and `GMT+5:5`) passed, while render sent `30:2024-...`: the zone
    read is `Etc/GMT+5` and the minutes start the format, as `-5:5` was already reported."""
    url = f"/hubs/crm/a?where=x>'${{dateTimeZone:{zone}:yyyy-MM-dd HH:mm}}'"
    problem = only(url, "CE605")
    assert url[problem.start:problem.end] == zone + ":"
    assert f"read as {read!r}" in problem.message and posix in (problem.help or "")


@pytest.mark.parametrize(("fmt", "said"), [("", "${gmtDate:} has an empty date format"),
                                           (" ", "${gmtDate: } has a date format of blanks only")])
def test_a_blank_macro_format_is_not_called_empty(fmt, said):
    """helper-169: `${gmtDate: }` was "${gmtDate:} has an empty date format": Java prints the blank."""
    assert said in only(f"/hubs/crm/a?where=x>'${{gmtDate:{fmt}}}'", "CE604").message


@pytest.mark.parametrize("url", [
    "/hubs/crm/a?where=updated>'${timezone}'",
    "/hubs/crm/a?where=updated>'${gmtdate}'",
])  # (`${dateTimeZone:${timezone}:yyyy-MM-dd}`: a zone the deployment fills, CE607 since helper-215, below)
def test_a_descriptor_meant_is_no_fix_when_its_macro_would_lack_what_it_takes(url: str) -> None:
    """helper-172: `${dateTimeZone:${timezone}:...}` was mended to `${dateTimeZone:${dateTimeZone}:...}`, and
    `${timezone}` to `${dateTimeZone}`, a macro with no zone nor format (CE605): the help names it, no fix writes it."""
    (found,) = [p for p in url_problems(url) if p.rule == "CE601"]
    assert found.fix is None and found.help, found
    (kept,) = [p for p in url_problems("/hubs/crm/a?where=updated>'${gmtdate:yyyy-MM-dd}'") if p.rule == "CE601"]
    assert kept.fix is not None and kept.fix.applicability == "safe"


@pytest.mark.parametrize("zone", ["${VENDOR_TZ}", "$(VendorTz)", "__VENDOR_TZ__", "#{VendorTz}#", "%VENDOR_TZ%",
                                  "${timezone}", "{{ .Values.vendorTz }}"])
def test_a_deployment_reference_as_a_macro_zone(zone) -> None:
    """helper-215: `${dateTimeZone:${VENDOR_TZ}:...}` was CE605, an error "unterminated macro: '${' has no closing '}'"
    (and CE601 for `${VENDOR_TZ}`); `$(VendorTz)`, `__VENDOR_TZ__` were CE608 "unknown time zone": the zone is the
    deployment's to fill, a placeholder as `{TimeZone}` is (CE607), as the records' zone is (CE503).  Helm's
    `{{ .Values.vendorTz }}` drew nothing: left to CE701, which leaves Helm's values to the deployment."""
    url = f"/hubs/crm/leads?where=updated_at>'${{dateTimeZone:{zone}:yyyy-MM-dd HH:mm:ss}}'"
    problem = only(url, "CE607")
    assert url[problem.start:problem.end] == zone
    assert codes(url) == ["CE607"] and problem.fix is None  # (helper-172: no fix writes `${dateTimeZone}` in it)
    (macro,) = parse_url_template(url).macros
    assert (macro.zone, macro.format) == (zone, "yyyy-MM-dd HH:mm:ss")
