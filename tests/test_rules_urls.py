"""The URL-structure rules (CE629-CE635) in a real body: line and column, a corrected body that draws
nothing, and the per-record corpus table of every CE6xx rule."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from validator.engine import check
from validator.options import Options

EXPECTED = Path(__file__).parent / "expected" / "rules_corpus_urls.json"
GOOD_MACRO = "${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"


def body(url: str) -> str:
    """An instance body for HubSpot whose one poller has ``url``, one key per line (positions are exact)."""
    entry = {"url": url, "idField": "id",
             "datesConfiguration": {"updatedDateField": "updatedAt", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
                                    "createdDateField": "createdAt", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'"}}
    document = {"element": {"key": "hubspotcrm"}, "name": "hubspot contacts",
                "configuration": {"event.notification.enabled": True,
                                  "event.notification.callback.url": "https://mycoolapp.com/events",
                                  "event.poller.configuration": {"contacts": entry}}}
    return json.dumps(document, indent=2)


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text`` as written in the file (JSON-escaped)."""
    written = json.dumps(needle)[1:-1]
    offset = text.index(written)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


CASES = [
    # code, bad url, the text the finding starts at (its first occurrence after "url"), corrected url
    ("CE629", f"/hubs/crm/contacts?where=lastmodifieddate%253E%2527{GOOD_MACRO}%2527", "%253E",
     f"/hubs/crm/contacts?where=lastmodifieddate>'{GOOD_MACRO}'"),
    ("CE630", f"/hubs/crm/contacts?where=hs_lead_status=='OPEN' and lastmodifieddate>'{GOOD_MACRO}'", "=='OPEN'",
     f"/hubs/crm/contacts?where=hs_lead_status='OPEN' and lastmodifieddate>'{GOOD_MACRO}'"),
    # a fresh-mistakes trial (helper-81): JavaScript's strict comparisons were "'!=' has no value after it"
    ("CE630", f"/hubs/crm/contacts?where=status!=='inactive' and lastmodifieddate>'{GOOD_MACRO}'", "!==",
     f"/hubs/crm/contacts?where=status!='inactive' and lastmodifieddate>'{GOOD_MACRO}'"),
    ("CE630", f"/hubs/crm/contacts?where=status==='open' and lastmodifieddate>'{GOOD_MACRO}'", "===",
     f"/hubs/crm/contacts?where=status='open' and lastmodifieddate>'{GOOD_MACRO}'"),
    # helper-151: an `=` too many after `>=` was "'>=' has no value after it", with the value right there
    ("CE630", f"/hubs/crm/contacts?where=lastmodifieddate>=='{GOOD_MACRO}'", ">==",
     f"/hubs/crm/contacts?where=lastmodifieddate>='{GOOD_MACRO}'"),
    ("CE630", f"/hubs/crm/contacts?where=lastmodifieddate>'{GOOD_MACRO}' and amount<==5", "<==",
     f"/hubs/crm/contacts?where=lastmodifieddate>'{GOOD_MACRO}' and amount<=5"),
    ("CE631", f"/hubs/crm/accounts?where=LastModifiedDate>'{GOOD_MACRO}'&Type='Customer'", "&Type",
     f"/hubs/crm/accounts?where=LastModifiedDate>'{GOOD_MACRO}' and Type='Customer'"),
    # a fresh-mistakes trial (helper-125): the zone after the format, whose help kept it there
    ("CE605", "/hubs/finance/customers?where=updated_at>='${dateTimeZone:yyyy-MM-dd'T'HH:mm:ss'Z':GMT}'",
     "${dateTimeZone", "/hubs/finance/customers?where=updated_at>='${dateTimeZone:GMT:yyyy-MM-dd'T'HH:mm:ss'Z'}'"),
    # a fresh-mistakes trial (helper-125): a `#` in a CEQL string cuts the URL there, as an `&` does
    ("CE644", f"/hubs/finance/invoices?where=reference='INV#100' and updated_at>'{GOOD_MACRO}'", "#100",
     f"/hubs/finance/invoices?where=reference='INV%23100' and updated_at>'{GOOD_MACRO}'"),
    # a fresh-mistakes trial (helper-125): an `or` whose other side has no date returns its records on every poll
    ("CE646", f"/hubs/finance/invoices?where=updated_at>'{GOOD_MACRO}' or status='open'", "or status",
     f"/hubs/finance/invoices?where=updated_at>'{GOOD_MACRO}' and status='open'"),
    # fresh trials (helper-125, helper-126): an unquoted value of two words, empty parentheses and lists passed
    ("CE639", f"/hubs/crm/opportunities?where=updated_at>'{GOOD_MACRO}' and status=Closed Won", "Won",
     f"/hubs/crm/opportunities?where=updated_at>'{GOOD_MACRO}' and status='Closed Won'"),
    ("CE639", f"/hubs/crm/opportunities?where=updated_at>'{GOOD_MACRO}' and stage in ()", "()",
     f"/hubs/crm/opportunities?where=updated_at>'{GOOD_MACRO}' and stage in ('won')"),
    ("CE639", f"/hubs/crm/opportunities?where=updated_at>'{GOOD_MACRO}' and ()", "()",
     f"/hubs/crm/opportunities?where=updated_at>'{GOOD_MACRO}'"),
    # a fresh-mistakes trial (helper-125): a sum after a date macro passed, and CE425's fix of `${epoch}-60000` made one
    ("CE643", f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO}-60000'", "-60000",
     f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO}'"),
    ("CE643", f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO} - 1 hour'", " - 1 hour",
     f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO}'"),
    # a fresh-mistakes trial (helper-138): the sum after the value's closing quote passed (an epoch's was caught)
    ("CE643", f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO}'-3600", "-3600",
     f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO}'"),
    ("CE643", f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO}' - 1 hour&pageSize=5", "- 1 hour",
     f"/hubs/finance/customers?where=updated_at>='{GOOD_MACRO}'&pageSize=5"),
    ("CE632", f"https://www.zohoapis.com/crm/v2/Leads?where=Modified_Time>'{GOOD_MACRO}'", "https://www.zohoapis.com",
     f"/hubs/crm/leads?where=Modified_Time>'{GOOD_MACRO}'"),
    ("CE633", "/hubs/finance/invoices?where=MetaData.LastUpdatedTime>='${gmtDate: yyyy-MM-dd'T'HH:mm:ss'Z'}'",
     " yyyy-MM-dd'T'HH:mm:ss'Z'}",
     f"/hubs/finance/invoices?where=MetaData.LastUpdatedTime>='{GOOD_MACRO}'"),
    ("CE634", "/hubs/crm/activities?where=date_updated>'${epoch:s}'?_limit=100", "?_limit",
     "/hubs/crm/activities?where=date_updated>'${epoch:s}'&_limit=100"),
    # a user's trial: only two CE610 "stray '" in the path, the swap itself unreported
    ("CE634", f"/hubs/crm/contacts&where=lastmodifieddate>'{GOOD_MACRO}'?pageSize=5", "&where",
     f"/hubs/crm/contacts?where=lastmodifieddate>'{GOOD_MACRO}'&pageSize=5"),
    ("CE635", f"/hubs/crm/contacts?Where=lastmodifieddate>'{GOOD_MACRO}'", "Where=",
     f"/hubs/crm/contacts?where=lastmodifieddate>'{GOOD_MACRO}'"),
    # a fresh-mistake trial (helper-133): the macro's brace typed again after its quote, inside the filter
    ("CE611", f"/hubs/crm/contacts?where=lastmodifieddate>'{GOOD_MACRO}'}}&pageSize=5", "}&page",
     f"/hubs/crm/contacts?where=lastmodifieddate>'{GOOD_MACRO}'&pageSize=5"),
]


@pytest.mark.parametrize(("code", "bad", "at", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_in_a_body(code: str, bad: str, at: str, good: str) -> None:
    text = body(bad)
    found = [f for f in check(text) if f.rule == code]
    assert found, code
    assert (found[0].line, found[0].column) == position(text, at)
    assert found[0].pointer == "/configuration/event.poller.configuration/contacts/url"
    assert not [f for f in check(text) if f.rule == "CE610"]  # the query's quotes are not stray in a path
    assert check(body(good)) == []


def test_rules_in_a_stringified_poller() -> None:
    """The same column arithmetic inside a poller configuration given as a JSON string."""
    url = f"/hubs/crm/contacts?where=a=='x' and b>'{GOOD_MACRO}'"
    inner = json.dumps({"contacts": {"url": url, "idField": "id"}})
    text = json.dumps({"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://mycoolapp.com/events",
        "event.poller.configuration": inner}}, indent=2)
    (finding,) = [f for f in check(text) if f.rule == "CE630"]
    line, column = position(text, inner)
    assert finding.line == line and finding.column == column + len(json.dumps(inner[:inner.index("==")])) - 2


@pytest.mark.parametrize("url", [
    f"/hubs/crm/contacts?where=a>'{GOOD_MACRO}'&pageSize=100&orderBy=updated_at desc",  # ordinary parameters
    f"/hubs/crm/contacts?where=q='what? x=1' and a>'{GOOD_MACRO}'",  # '?' and '=' inside a CEQL string
    "/hubs/documents/folders/contents?path=%2F",  # encoded once
    f"/hubs/crm/contacts?where=a>='{GOOD_MACRO}' and b!='x' and c<>'y'",
    "/hubs/crm/contacts?where=updated_at >= '${gmtDate:yyyy-MM-dd HH:mm:ss}'",  # spaces inside a pattern
    "/invoices?filter=updated_at gt '${gmtDate:yyyy-MM-dd}'",  # a vendor path
    "/hubs/general/item-receipts?orderBy=!receivedDate&filter=receivedDate gte '${gmtDate:yyyy-MM-dd}'",
    "/vendor/search?whereby=a>1",  # not a hub URL
    f"/hubs/crm/contacts?where=a>'{GOOD_MACRO}'&next=https://example.com/a?b=1",  # a URL as a value
    # `%25`, the like wildcard encoded once, before a word starting with hex letters or digits (a trial's false alarm)
    f"/hubs/crm/accounts?where=name like '%25Acme%25' and updated>'{GOOD_MACRO}'",
    f"/hubs/crm/accounts?where=name LIKE '%25Deco%25' and updated>'{GOOD_MACRO}'",
    f"/hubs/crm/accounts?where=title like '%252024%25' and updated>'{GOOD_MACRO}'",
    f"/hubs/crm/accounts?where=updated>'{GOOD_MACRO}'&q=%25Cafe",  # a byte above 0x7F is no character encoded twice
    "/hubs/finance/customers?where=updated_at>'${epoch:ms}'&since=${epoch:s}",  # a parameter an API may read (h125)
    f"/hubs/crm/contacts?where=updated_at>'{GOOD_MACRO}' and name='a and where=b'",  # (in a string: text)
    # an `or` with the last poll time on each side, and one inside parentheses beside it
    f"/hubs/crm/contacts?where=updated_at>'{GOOD_MACRO}' or created_at>'{GOOD_MACRO}'",
    f"/hubs/crm/contacts?where=(status='a' or status='b') and updated_at>'{GOOD_MACRO}'",
    # an offset or a time written after a date macro is no sum
    "/hubs/crm/contacts?where=a>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}+00:00' and b>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}-0500'",
    "/hubs/crm/contacts?where=a>'${gmtDate:yyyy-MM-dd}T00:00:00Z' and b>'${gmtDate:yyyy-MM-dd} 00:00:00'",
    # (a review, helper-127: an offset after a blank, a time of zeros)
    "/hubs/crm/contacts?where=a>'${dateTimeZone:-05:00:yyyy-MM-dd HH:mm:ss} -0500' and b>'${gmtDate:yyyyMMdd}-000000'",
    # (helper-138: after the closing quote, what is no sum: a word joined by `+`, a comparison, a parameter)
    f"/hubs/crm/contacts?where=a>'{GOOD_MACRO}'+and+b='1'",
    f"/hubs/crm/contacts?where=a>'{GOOD_MACRO}' and b>1&pageSize=100",
    # (h207: an `or` under `not` narrows: `not (a <= last poll or deleted)` is `a > last poll and not deleted`)
    f"/hubs/crm/contacts?where=not (updated_at<='{GOOD_MACRO}' or deleted=true)",
])
def test_correct_urls_draw_none_of_the_new_rules(url: str) -> None:
    codes = {f.rule for f in check(body(url))}
    assert not codes & {"CE629", "CE630", "CE631", "CE632", "CE633", "CE634", "CE635", "CE637", "CE643", "CE646"}, (url, codes)


@pytest.mark.parametrize(("where", "codes"), [
    # h207: De Morgan: under `not` an `or` narrows the filter (`not (a <= last or b)` is `a > last and not b`)
    (f"not (updated_at<='{GOOD_MACRO}' or deleted=true)", set()),
    (f"not (updated_at<='{GOOD_MACRO}' or deleted=true and archived=true)", set()),
    (f"not not (updated_at>'{GOOD_MACRO}' or deleted=true)", {"CE646"}),
    (f"(updated_at>'{GOOD_MACRO}' or deleted=true) and name not in ('a')", {"CE646"}),
    (f"name not like 'a%' and (updated_at>'{GOOD_MACRO}' or deleted=true)", {"CE646"}),
    (f"email is not null and (updated_at>'{GOOD_MACRO}' or deleted=true and archived=true)", {"CE642"}),
])
def test_an_or_under_not_widens_no_filter(where: str, codes: set[str]) -> None:
    found = {f.rule for f in check(body(f"/hubs/crm/contacts?where={where}"))}
    assert found & {"CE642", "CE646"} == codes, found


@pytest.mark.parametrize(("where", "codes"), [
    # h211: under `not`, an `and` asks for either side (De Morgan): `not (a <= last poll and b)` is `a > last poll or
    # not b`, every record `not b` matches on every poll; it drew nothing (before h207, CE419 for the wrong reason)
    (f"not (updated_at<='{GOOD_MACRO}' and status='x')", {"CE646"}),
    (f"not ((status='x' and updated_at<='{GOOD_MACRO}') or deleted=true)", {"CE646"}),
    # (one side of the `and`s bounded on its own still bounds the filter: `a > last and not (b and c)`)
    (f"not (updated_at<='{GOOD_MACRO}' or status='x' and deleted=true)", set()),
    (f"not (updated_at<='{GOOD_MACRO}' and created_at<='{GOOD_MACRO}')", set()),
    (f"not (status='x' and deleted=true) and updated_at>'{GOOD_MACRO}'", set()),
])
def test_an_and_under_not_that_widens_the_filter(where: str, codes: set[str]) -> None:
    found = {f.rule for f in check(body(f"/hubs/crm/contacts?where={where}"))}
    assert found & {"CE642", "CE646"} == codes, found


def test_encode_values_does_not_silence_structure_rules() -> None:
    url = f"/hubs/crm/contacts?where=a=='x' and b>'{GOOD_MACRO}'"
    assert "CE630" in {f.rule for f in check(body(url), options=Options(encode_values=True))}


def url_table(corpus: list[dict]) -> dict[str, list[int]]:
    """Per CE6xx code: the ids of the valid-JSON instance and poller records it fires on."""
    table: dict[str, set[int]] = {}
    for record in corpus:
        if not record["valid_json"] or record["kind"] not in ("instance", "poller"):
            continue
        kind = "poller" if record["kind"] == "poller" else "auto"
        for finding in check(record["text"], kind=kind):
            if finding.rule.startswith("CE6"):
                table.setdefault(finding.rule, set()).add(record["id"])
    return {code: sorted(ids) for code, ids in sorted(table.items())}


def test_corpus_table_per_record(corpus) -> None:
    """Which records each URL rule flags (reviewed by eye; CE629-CE635 flag none: the corpus has none of
    these mistakes, and a hit there would be a false alarm)."""
    table = url_table(corpus)
    if os.environ.get("CE_UPDATE_EXPECTED"):
        EXPECTED.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    assert table == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert not {"CE629", "CE630", "CE631", "CE632", "CE633", "CE634", "CE635"} & set(table)



def apply(url: str, problems) -> str:
    edits = sorted((e for p in problems if p.fix for e in p.fix.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        url = url[:e.start] + e.replacement + url[e.end:]
    return url


@pytest.mark.parametrize(("code", "bad", "applicability"), [
    ("CE629", f"/hubs/crm/contacts?where=lastmodifieddate%253E%2527{GOOD_MACRO}%2527", "unsafe"),
    ("CE630", f"/hubs/crm/contacts?where=hs_lead_status=='OPEN' and lastmodifieddate>'{GOOD_MACRO}'", "safe"),
    ("CE631", f"/hubs/crm/accounts?where=LastModifiedDate>'{GOOD_MACRO}'&Type='Customer'", "unsafe"),
    ("CE605", "/hubs/crm/leads?where=updated_at>='${dateTimeZone:yyyy-MM-dd HH:mm:ss:America/New_York}'", "safe"),
    ("CE643", f"/hubs/crm/leads?where=updated_at>='{GOOD_MACRO}-60000'", "unsafe"),
    ("CE644", f"/hubs/crm/leads?where=reference='INV#100' and updated_at>'{GOOD_MACRO}'", "unsafe"),
    # a fresh-mistakes trial (helper-125): a condition given a `where=` of its own passed
    ("CE637", f"/hubs/crm/leads?where=updated_at>'{GOOD_MACRO}' and where=status='open'", "safe"),
    # a user's trial: parentheses for braces; the URL passed, and render sent the text
    ("CE605", "/hubs/ecommerce/orders?where=updated_at>'$(gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z')'", "safe"),
    ("CE605", "/orders?since=$(epoch)", "safe"),
    # a user's trial: `&&` became ` and  and ` (CE621 after the fix)
    ("CE631", f"/hubs/crm/accounts?where=LastModifiedDate>'{GOOD_MACRO}' && Type='Customer'", "unsafe"),
    ("CE633", "/hubs/finance/invoices?where=MetaData.LastUpdatedTime>='${gmtDate: yyyy-MM-dd'T'HH:mm:ss'Z' }'", "safe"),
    ("CE633", f"/hubs/crm/leads?where=Modified_Time>'${{dateTimeZone: America/Denver :{GOOD_MACRO[10:]}'", "safe"),
    ("CE634", "/hubs/crm/activities?where=date_updated>'${epoch:s}'?_limit=100", "unsafe"),
    ("CE634", f"/hubs/crm/activities&where=date_updated>'{GOOD_MACRO}'", "unsafe"),
    # a user's trial: a second where passed, and one filter is dropped
    ("CE637", f"/hubs/crm/leads?where=date_updated>'{GOOD_MACRO}'&where=status='open'&pageSize=5", "unsafe"),
    # a user's trial: CEQL strings are single-quoted (domain doc); a double-quoted date passed
    ("CE638", f"/hubs/crm/leads?where=date_updated>\"{GOOD_MACRO}\" and status=\"open\"", "unsafe"),
    # a user's trial: said to be fixable, with no edit
    ("CE634", f"/hubs/crm/leads&pageSize=200?where=date_updated>'{GOOD_MACRO}'", "unsafe"),
    # a user's trial of fresh mistakes: a macro encoded by a browser or Postman, a '$' doubled as a template
    # tool's escape, a date macro in backquotes; all three passed
    ("CE605", "/hubs/finance/customers?where=updated_at>='%24%7BgmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'%7D'", "safe"),
    ("CE605", "/hubs/finance/customers?where=updated_at>='%24%7bgmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'%7d'", "safe"),
    # a review: the quotes and colons inside are encoded too, and a fix that decoded only the braces left CE401
    ("CE605", "/hubs/finance/customers?where=updated_at>='%24%7BgmtDate%3Ayyyy-MM-dd%27T%27HH%3Amm%3AssXXX%7D'", "safe"),
    ("CE605", f"/hubs/finance/customers?where=updated_at>='${GOOD_MACRO}'", "unsafe"),
    ("CE638", f"/hubs/finance/customers?where=updated_at>=`{GOOD_MACRO}`", "unsafe"),
    # ... and quotes escaped for a shell with the escape left in, a singular /hub/
    ("CE610", f"/hubs/finance/customers?where=updated_at>=\\'{GOOD_MACRO}\\'", "safe"),
    ("CE610", f"/hubs/finance/customers?where=updated_at>=\\\\\\'{GOOD_MACRO}\\\\\\'", "safe"),  # a run of escapes
    ("CE625", f"/hub/finance/customers?where=updated_at>='{GOOD_MACRO}'", "safe"),
    # helper-158: the hub path in capitals (`/Hubs/`, `/hubs/CRM/`) passed without element docs
    ("CE625", f"/Hubs/finance/customers?where=updated_at>='{GOOD_MACRO}'", "safe"),
    ("CE625", f"/HUBS/FINANCE/customers?where=updated_at>='{GOOD_MACRO}'", "safe"),
    ("CE625", f"/hubs/CRM/contacts?where=updated_at>='{GOOD_MACRO}'", "safe"),
    # a second trial of fresh mistakes (helper-53): '%' or '#' for '$', a no-break space from a web page; both passed
    ("CE605", "/hubs/crm/contacts?where=updated_at>'%{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'", "safe"),
    ("CE605", "/hubs/crm/contacts?where=updated_at>'#{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'", "safe"),
    # helper-159: a format with a space in those brackets passed (`No problems found`), and its fix was never offered
    ("CE605", "/hubs/crm/contacts?where=updated_at>'$(gmtDate:yyyy-MM-dd HH:mm:ss)'", "safe"),
    ("CE605", "/hubs/crm/contacts?where=updated_at>'%{dateTimeZone:America/New_York:yyyy-MM-dd HH:mm:ss}'", "safe"),
    ("CE612", f"/hubs/crm/contacts?where=updated_at>'{GOOD_MACRO}'\u00a0and status='open'", "safe"),
    ("CE612", f"/hubs/crm/contacts?where=updated_at>'{GOOD_MACRO}' and sta\u200btus='open'", "safe"),
    # ... a semicolon between conditions (a comma was reported, a semicolon passed)
    ("CE639", f"/hubs/crm/contacts?where=updated_at>'{GOOD_MACRO}';status='ACTIVE'", "unsafe"),
    ("CE639", f"/hubs/crm/contacts?where=updated_at>'{GOOD_MACRO}' ; status='ACTIVE'", "unsafe"),
    # ... and a doubled quote in a macro's format, which prints a `'` into the CEQL string (it passed)
    ("CE620", "/hubs/crm/contacts?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss''Z''}'", "unsafe"),
    # helper-185: the platform's whole address before the hub path (copied from a request) had no fix, and was
    # called a vendor's; only the prefix without the host was mended
    ("CE632", f"https://api.cloud-elements.com/elements/api-v2/hubs/finance/invoices?where=a>='{GOOD_MACRO}'", "safe"),
    ("CE632", f"http://staging.cloud-elements.com/elements/api-v1/hubs/crm/contacts?where=a>='{GOOD_MACRO}'", "safe"),
])
def test_fixes_give_a_clean_url(code: str, bad: str, applicability: str) -> None:
    """Each fix is an edit of the URL with an applicability; applied, nothing is left to report."""
    from validator.rules.urls import url_problems

    found = [p for p in url_problems(bad) if p.rule == code]
    assert found and all(p.fix is not None and p.fix.applicability == applicability for p in found)
    fixed = apply(bad, found)
    left = {p.rule for p in url_problems(fixed)}
    assert not left, (fixed, left)


def test_a_shell_s_command_substitution_is_no_bracketed_macro():
    """`$(date +%s)` (a shell's, with no colon after the word) is not read as `${date...}` in parentheses."""
    from validator.rules.urls import url_problems

    assert "CE605" not in {p.rule for p in url_problems(f"/hubs/crm/leads?where=u>'{GOOD_MACRO}' and x='$(date +%s)'")}


def test_a_doubled_dollar_is_a_warning_and_a_backquoted_expression_is_left_alone():
    from validator.rules.urls import url_problems

    (doubled,) = [p for p in url_problems(f"/hubs/crm/leads?where=u>'${GOOD_MACRO}'") if p.rule == "CE605"]
    assert doubled.severity == "warning" and "Terraform" in doubled.message
    # the corpus wraps a macro in a vendor's expression in backquotes (`to_timestamp('${gmtDate:...}', ...)`)
    assert not [p for p in url_problems(f"/hubs/db/t?where=u >= `to_timestamp('{GOOD_MACRO}','YYYY')`")
                if p.rule == "CE638"]


def test_a_line_break_at_the_end_of_the_url_is_an_error_like_one_inside():
    """A user's trial: `...'\\n` at the end was information (trailing whitespace), a tab inside an error."""
    from validator.rules.urls import url_problems

    [(rule, severity)] = [(p.rule, p.severity) for p in url_problems(f"/hubs/crm/leads?where=u>'{GOOD_MACRO}'\n")]
    assert (rule, severity) == ("CE612", None)  # the rule's own severity: an error
    [(rule, severity)] = [(p.rule, p.severity) for p in url_problems(f"/hubs/crm/leads?where=u>'{GOOD_MACRO}'  ")]
    assert (rule, severity) == ("CE612", "info")
    for space in ("\u00a0", "\u2003", "\u3000"):  # a review: other spaces at the end went unreported
        [(rule, severity)] = [(p.rule, p.severity) for p in url_problems(f"/hubs/crm/leads{space}")]
        assert (rule, severity) == ("CE612", "info"), repr(space)
    # a quote escaped inside a value may be the vendor's own escape (SOQL's `O\'Brien`): only one next to a macro
    assert "CE610" not in {p.rule for p in url_problems(f"/hubs/crm/leads?where=u>'{GOOD_MACRO}' and n='O\\'Brien'")}


@pytest.mark.parametrize("control", ["\x85", "\x80", "\x9f"])
def test_a_c1_control_character_in_the_url_is_an_error_like_a_c0_one(control):
    """helper-166: U+0085 (what a Windows `…` becomes read as Latin-1) inside a URL passed, while U+2028 and U+0001
    were errors: Java's URI refuses every ISO control character (`Character.isISOControl`: U+0000-U+001F and
    U+007F-U+009F); at the end it was information, as trailing whitespace."""
    from validator.rules.urls import url_problems

    for url in (f"/hubs/crm/leads?where=n='a{control}b' and u>'{GOOD_MACRO}'", f"/hubs/crm/leads{control}"):
        [(rule, severity, message)] = [(p.rule, p.severity, p.message) for p in url_problems(url)]
        assert (rule, severity) == ("CE612", None) and "control character" in message, (url, message)


@pytest.mark.parametrize(("where", "at", "says"), [
    # a user's trial of fresh mistakes: each passed
    (f"updated_at gte '{GOOD_MACRO}'", "gte", "CEQL writes `>=`"),
    (f"updated_at between '{GOOD_MACRO}' and '${{now:yyyy-MM-dd}}'", "between", "no `between`"),
    (f"updated_at>='{GOOD_MACRO}',status='active'", ",", "a comma between conditions"),
    (f"updated_at>='{GOOD_MACRO}' orr created_at>='{GOOD_MACRO}'", "orr", "where `and` or `or` belongs"),
    (f"updated_at>='{GOOD_MACRO}' and status ! = 'x'", "!", "where an operator"),
    (f"updated at>='{GOOD_MACRO}'", "at", "a field name with a space"),
    # a second trial: autocorrect's symbol, and SQL's `<>`
    (f"updated_at ≥ '{GOOD_MACRO}'", "≥", "CEQL writes `>=`"),
    (f"updated_at>='{GOOD_MACRO}' and status <> 'closed'", "<>", "CEQL writes `!=`"),
    (f"updated_at => '{GOOD_MACRO}'", "=>", "CEQL writes `>=`"),  # (it read as `=` with no value after it)
    # a review: glued to the field the symbol was read as part of it (CE621's "no operator"), or not at all
    (f"updated_at≥'{GOOD_MACRO}'", "≥", "CEQL writes `>=`"),
    (f"updated_at>='{GOOD_MACRO}' and amount≠0", "≠", "CEQL writes `!=`"),
    (f"updated_at%3E%3D'{GOOD_MACRO}'%20and amount ⩽ 5", "⩽", "CEQL writes `<=`"),  # an encoded filter too
    # a fresh-mistake trial (helper-133): Salesforce's own query pasted as the filter
    (f"SELECT Id FROM Contact WHERE LastModifiedDate>'{GOOD_MACRO}'", "SELECT Id FROM Contact WHERE ", "SQL (SOQL) query"),
    # helper-151: MongoDB's operators, `$` and all, passed (the bare words were reported)
    (f"updated_at $gte '{GOOD_MACRO}'", "$gte", "CEQL writes `>=`"),
    (f"updated_at $gt '{GOOD_MACRO}' and status $ne 'closed'", "$gt", "CEQL writes `>`"),
])
def test_a_filter_that_does_not_read_as_ceql_is_pointed_at_where_it_stops(where: str, at: str, says: str) -> None:
    from validator.rules.urls import url_problems

    url = f"/hubs/crm/contacts?where={where}"
    [problem] = [p for p in url_problems(url) if p.rule == "CE639"]
    assert url[problem.start:problem.end] == at and says in problem.message


def test_an_operator_with_a_blank_inside_is_named_and_mended() -> None:
    """A fresh-mistake trial (helper-133): `> =` said only that `>` had no value after it."""
    from validator.rules.urls import url_problems

    url = f"/hubs/crm/contacts?where=LastModifiedDate > = '{GOOD_MACRO}'"
    [problem] = url_problems(url)
    assert url[problem.start:problem.end] == "> =" and "`>=`" in problem.message
    assert problem.fix is not None and problem.fix.edits[0].replacement == ">="


def test_a_field_name_with_a_space_is_quoted_as_the_zoho_default_does() -> None:
    """A trial: the help said backquotes, which nothing documents; Cloud Elements' Zoho CRM poller writes
    `where='Modified Time'>'...'`, which draws nothing."""
    from validator.rules.urls import url_problems

    [problem] = [p for p in url_problems(f"/hubs/crm/deals?where=Modified Time>'{GOOD_MACRO}'") if p.rule == "CE639"]
    assert problem.help is not None and "`'Modified Time'`" in problem.help and "backquote" not in problem.help
    assert not [p for p in url_problems(f"/hubs/crm/deals?where='Modified Time'>'{GOOD_MACRO}'")
                if p.severity in ("error", "warning")]


def test_a_filter_read_otherwise_draws_no_ce639() -> None:
    from validator.rules.urls import url_problems

    for url in (f"/hubs/crm/c?where=(a='1' or b in ('x','y')) and c is not null and d not like 'x%' and e>='{GOOD_MACRO}'",
                f"/hubs/crm/c?where=updated_at%3E'{GOOD_MACRO}'%20and%20status='a'",  # decoded before it is read
                "/hubs/crm/c?where=a=1?pageSize=200",  # CE634 says why
                "/hubs/crm/c?where=updated_at>'$(gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z')'",  # CE605 says why
                f"/hubs/crm/c?where=updated_at>='{GOOD_MACRO}' and status='open"):  # CE620 says why
        assert "CE639" not in {p.rule for p in url_problems(url)}, url


def test_a_second_where_is_joined_only_right_after_the_first():
    """A review: `?where=a&pageSize=5&where=b` became `...&pageSize=5 and b`: no edit is offered there."""
    from validator.rules.urls import url_problems

    (found,) = [p for p in url_problems(f"/hubs/crm/leads?where=u>'{GOOD_MACRO}'&pageSize=5&where=status='open'")
                if p.rule == "CE637"]
    assert found.fix is None


@pytest.mark.parametrize("value", ["'{since}'", "'%s'", "'%(since)s'", "{since}", "$lastPollTime", "'$since'"])
def test_a_template_placeholder_where_the_last_poll_time_belongs(value: str) -> None:
    """A second trial: `where=date_updated>'{since}'`, a script's str.format never run over the body; helper-164:
    `$lastPollTime`, a shell's or PowerShell's variable a single-quoted body kept from expanding, drew nothing."""
    from validator.rules.urls import url_problems

    url = f"/hubs/crm/contacts?where=date_updated>{value}"
    [problem] = [p for p in url_problems(url) if p.rule == "CE640"]
    assert url[problem.start:problem.end] == value and problem.severity is None  # the rule's own: a warning


def test_path_variables_and_macros_are_not_template_placeholders() -> None:
    from validator.rules.urls import url_problems

    for url in ("/hubs/db/{objectName}?where=updated>'${gmtDate:yyyy-MM-dd}'",
                "/hubs/crm/contacts?where=status='{open}'",  # an equality on a vendor's own value
                "/hubs/crm/contacts?where=updated>'2024-01-05'",
                "/hubs/crm/contacts?where=code>=':A'", "/hubs/crm/contacts?where=status>':active'"):  # a review
        assert "CE640" not in {p.rule for p in url_problems(url)}, url


@pytest.mark.parametrize(("url", "codes"), [
    # a fresh trial (helper-66): a format that prints its own quotes, outside quotes, is a quoted CEQL string
    ("/hubs/x/y?where=a>=${gmtDate:''yyyy-MM-dd'T'HH:mm:ss'Z'''} and b='c'", set()),
    ("/hubs/x/y?where=a>=${gmtDate:''yyyy-MM-dd''}", set()),
    # ... but not inside quotes too, nor a format whose quotes are in its middle
    ("/hubs/x/y?where=a>='${gmtDate:''yyyy-MM-dd'T'HH:mm:ss'Z'''}'", {"CE620"}),
    ("/hubs/x/y?where=a>=${gmtDate:yyyy-MM-dd''HH:mm}", {"CE620", "CE624"}),
])
def test_a_macro_that_prints_its_own_quotes(url, codes):
    poller = {"x": {"url": url, "idField": "id"}}
    assert {f.rule for f in check(json.dumps(poller))} - {"CE412"} == codes


@pytest.mark.parametrize(("url", "help"), [
    # fresh trial (helper-66): `'${epoch}/1000'` sends `1720173600000/1000`
    ("/hubs/x/y?where=a>'${epoch}/1000'", "write `${epoch:s}`"),
    ("/hubs/x/y?where=a>${epoch:s} * 1000 and b='c'", "write `${epoch:ms}`"),
    ("/hubs/x/y?where=a>${epoch:s}-3600", "remove `-3600`: the macro's unit (`${epoch:s}`, `${epoch:ms}`, "
                                          "`${epoch:us}`) is the only scaling the platform does"),
])
def test_a_sum_after_an_epoch_macro_is_sent_as_text(url, help):
    (found,) = [f for f in check(json.dumps({"x": {"url": url, "idField": "id"}})) if f.rule == "CE643"]
    assert found.severity == "error" and found.help == help
    assert (found.fix is not None) == help.startswith("write")


@pytest.mark.parametrize("url", ["/hubs/crm/contacts?where=updated>'${epoch}/1000'",
                                 "/hubs/crm/contacts?where=updated>'${epoch}'/1000"])
def test_a_sum_after_an_epoch_macro_on_a_field_read_in_milliseconds_is_removed(url):
    """helper-128: the fix wrote `${epoch:s}`, which CE414 then reported: the records' field holds milliseconds."""
    from validator.fixes import fix_text

    entry = {"url": url, "idField": "id", "datesConfiguration": {"updatedDateField": "updated",
                                                                 "updatedDateFormat": "milliseconds"}}
    text = json.dumps({"contacts": entry}, indent=2)
    (found,) = [f for f in check(text) if f.rule == "CE643"]
    assert "`${epoch}` sends" in (found.help or "") and found.fix is not None
    fixed = fix_text(text, check, unsafe=True).text
    assert "'${epoch}'\"" in fixed and not {f.rule for f in check(fixed)} & {"CE643", "CE414"}, fixed


@pytest.mark.parametrize("url", ["/hubs/x/y?where=a>${epoch:s}000", "/hubs/x/y?where=a>${epoch:s} and b=1000",
                                 "/hubs/x/contacts/${epoch}/1000?a=1",  # a path (a review, helper-69)
                                 "/hubs/x/y?where=a>'${gmtDate:yyyy}-01'", "/hubs/x/y?from=${epoch}&to=2000"])
def test_an_epoch_macro_without_a_sum_is_left_alone(url):
    assert "CE643" not in {f.rule for f in check(json.dumps({"x": {"url": url, "idField": "id"}}))}


@pytest.mark.parametrize("url", [
    # a fresh trial (helper-66): the `&` ends the filter, whatever CEQL's quotes say
    "/hubs/crm/o?where=a>'${gmtDate:yyyy-MM-dd}' and lead_name='Smith & Sons'",
    "/hubs/crm/o?where=name in ('A&B', 'C') and a>'${gmtDate:yyyy-MM-dd}'",
])
def test_an_ampersand_inside_a_ceql_string_cuts_the_filter(url):
    (found,) = [f for f in check(json.dumps({"x": {"url": url, "idField": "id"}})) if f.rule == "CE644"]
    assert found.column == len('{"x": {"url": "') + url.index("&") + 1 and found.fix is not None
    assert found.fix.edits[0].replacement == "%26"


@pytest.mark.parametrize("url", ["/hubs/crm/o?where=a>'${gmtDate:yyyy-MM-dd}'&pageSize=5",
                                 "/hubs/crm/o?where=a>'${gmtDate:yyyy-MM-dd}' and b='AT%26T'",
                                 "/hubs/crm/o?where=a>'${gmtDate:yyyy-MM-dd}'&b='x&y'"])
def test_an_ampersand_outside_the_where_strings_is_not_ce644(url):
    assert "CE644" not in {f.rule for f in check(json.dumps({"x": {"url": url, "idField": "id"}}))}


def test_where_written_twice_at_the_filter_s_start():
    """A fresh trial (helper-66): `?where=where=updated_at>...` drew nothing; the vendor reads a field `where`."""
    url = "/hubs/crm/contacts?where=WHERE=updated_at>'${gmtDate:yyyy-MM-dd}'"
    (found,) = [f for f in check(json.dumps({"x": {"url": url, "idField": "id"}})) if f.rule == "CE637"]
    assert found.fix is not None and found.fix.applicability == "safe"
    assert found.fix.edits[0].replacement == "" and found.end_column - found.column == len("where=")
    assert "CE637" not in {f.rule for f in check(json.dumps({"x": {"url": url.replace("WHERE=", ""), "idField": "id"}}))}
    field = "/hubs/crm/contacts?where=where='home' and updated_at>'${gmtDate:yyyy-MM-dd}'"  # a field named `where`
    assert "CE637" not in {f.rule for f in check(json.dumps({"x": {"url": field, "idField": "id"}}))}


def test_a_space_where_the_equals_after_where_belongs():
    """A fresh trial (helper-66): `?where lastModifiedDate>=...` drew nothing without element docs."""
    url = "/hubs/finance/customers?where lastModifiedDate>='${gmtDate:yyyy-MM-dd}'"
    (found,) = [f for f in check(json.dumps({"x": {"url": url, "idField": "id"}})) if f.rule == "CE635"]
    assert found.fix is not None and found.fix.applicability == "safe" and found.fix.edits[0].replacement == "="
    fine = "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd}'&whereabouts=x"
    assert "CE635" not in {f.rule for f in check(json.dumps({"x": {"url": fine, "idField": "id"}}))}
    colon = "/hubs/finance/customers?where:lastModifiedDate>='${gmtDate:yyyy-MM-dd}'"  # (helper-81)
    (found,) = [f for f in check(json.dumps({"x": {"url": colon, "idField": "id"}})) if f.rule == "CE635"]
    assert found.message.startswith("a colon after `where`") and found.fix.edits[0].replacement == "="


def test_the_last_poll_time_in_a_hub_path():
    """A fresh-mistakes trial (helper-81): `/hubs/finance/customers/${gmtDate:...}` drew only CE412 (info); `render`
    showed `GET /customers/2026-12-05T10:31:28Z`, a fetch by id."""
    url = "/hubs/finance/customers/${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"
    (found,) = [f for f in check(json.dumps({"x": {"url": url, "idField": "id"}})) if f.rule == "CE645"]
    assert found.severity == "warning" and "as a record's id" in found.message
    for fine in ("/hubs/general/changes/${gmtDate:yyyy-MM-dd}", "/changes/since/${epoch}",
                 "/hubs/finance/customers?where=updated_at>='${gmtDate:yyyy-MM-dd}'"):
        assert "CE645" not in {f.rule for f in check(json.dumps({"x": {"url": fine, "idField": "id"}}))}, fine


def test_raw_spaces_are_found_when_asked_for_with_facts_given_too() -> None:
    """CE617 (opt-in) is not among a parsed URL's facts: `url_problems` finds its raw spaces when asked for,
    whether it reads the template's facts or is given them (as `render` gives its own)."""
    from validator.rules.urls import url_problems
    from validator.urls.template import parse_url_template

    url = "/hubs/crm/a?where=name = 'x y' and ${gmtDate:yyyy-MM-dd HH:mm}"
    template = parse_url_template(url)
    assert all(fact.flaw.name != "RAW_SPACE" for fact in template.facts)
    spaces = [(p.start, p.end) for p in url_problems(url, report_spaces=True) if p.rule == "CE617"]
    assert spaces and all(url[start:end].strip(" ") == "" for start, end in spaces)
    assert not any(start > url.index("${") for start, _ in spaces)  # none inside the macro
    given = url_problems(template, facts=list(template.facts), report_spaces=True)
    assert [(p.start, p.end) for p in given if p.rule == "CE617"] == spaces
    assert not [p for p in url_problems(template, facts=list(template.facts)) if p.rule == "CE617"]


@pytest.mark.parametrize(("url", "meant"), [("\\hubs\\finance\\customers", "/hubs/finance/customers"),
                                            ("./hubs/finance/customers", "/hubs/finance/customers"),
                                            ("hubs/finance/customers?where=a='b'", "/hubs/finance/customers?where=a='b'")])
def test_a_url_without_its_slash_is_helped_to_the_hub_path(url, meant):
    """A fresh trial (helper-125): the help for a Windows path or `./` kept them (`/\\hubs\\finance`, `/./hubs`)."""
    (hit,) = [f for f in check(body(url)) if f.rule == "CE613"]
    assert hit.help == f"write `{meant}`", hit.help



@pytest.mark.parametrize(("url", "blank"), [("/hubs/finance/customers ?where=a='b'", " ?"),
                                            ("/hubs/ finance/customers", "/ ")])
def test_a_space_in_the_path_is_a_warning_with_its_removal(url, blank):
    """A fresh trial (helper-125): `/customers ?where=` passed without element docs; the path is sent as `customers%20`."""
    from validator.rules.urls import url_problems

    (hit,) = [p for p in url_problems(url) if p.rule == "CE612"]
    assert hit.severity == "warning" and hit.fix is not None and hit.fix.applicability == "safe"
    assert not [p for p in url_problems(apply(url, [hit])) if p.rule == "CE612"]
    assert not [p for p in url_problems("/hubs/crm/contacts?where=name = 'a b' and c>'d'") if p.rule == "CE612"]


@pytest.mark.parametrize("query", ["updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                                   "updated_at >= '${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                                   "updated_at<'${gmtDate:yyyy-MM-dd}'&pageSize=10"])
def test_a_filter_written_without_where_is_reported_and_mended(query):
    """helper-128: `?updated_at>='${gmtDate:...}'` (the CEQL as the whole query) passed: the hub gets a parameter
    named `updated_at>` and no filter."""
    from validator.fixes import fix_text

    text = json.dumps({"c": {"url": f"/hubs/finance/customers?{query}", "idField": "id"}})
    (found,) = [f for f in check(text) if f.rule == "CE635"]
    assert "without `where=`" in found.message and found.fix is not None and found.fix.applicability == "unsafe"
    fixed = fix_text(text, check, unsafe=True).text
    assert "?where=updated_at" in fixed and "CE635" not in {f.rule for f in check(fixed)}, fixed


@pytest.mark.parametrize("query", ["since='${gmtDate:yyyy-MM-dd}'", "where=a>'${gmtDate:yyyy-MM-dd}'",
                                   "modifiedSince=${epoch}", "q=name>b"])
def test_a_parameter_or_a_where_is_not_taken_for_a_filter_without_where(query):
    text = json.dumps({"c": {"url": f"/hubs/finance/customers?{query}", "idField": "id"}})
    assert "CE635" not in {f.rule for f in check(text)}


def test_a_hash_typed_for_the_question_mark_is_said_not_two_stray_quotes():
    """helper-128: `/customers#where=updated_at>='...'` drew two CE610 "stray ' in the path", whose help (remove
    them) left the `#`: everything after it is a fragment, never sent."""
    from validator.fixes import fix_text

    text = json.dumps({"c": {"url": "/hubs/finance/customers#where=updated_at>='${gmtDate:yyyy-MM-dd}'",
                             "idField": "id"}})
    codes = [f.rule for f in check(text)]
    assert "CE634" in codes and "CE610" not in codes, codes
    fixed = fix_text(text, check, unsafe=True).text
    assert "customers?where=" in fixed and "CE634" not in {f.rule for f in check(fixed)}
    assert "CE634" not in {f.rule for f in check(json.dumps({"c": {"url": "/hubs/crm/x#section", "idField": "id"}}))}


def test_a_hash_s_message_quotes_the_path_up_to_the_first_hash():
    """A review (helper-130): with an earlier `#` not before a parameter, the message quoted the fragment as sent."""
    url = "/hubs/crm/contacts#section#where=updated_at>='${gmtDate:yyyy-MM-dd}'"
    (found,) = [f for f in check(json.dumps({"c": {"url": url, "idField": "id"}})) if f.rule == "CE634"]
    assert "gets `/hubs/crm/contacts` with no query" in found.message, found.message


@pytest.mark.parametrize(("fmt", "help_"), [
    ("yyyy-MM-ddTHH:mm:ssXXX", "quote literal letters: `'T'`"),
    ('yyyy-MM-dd"T"HH:mm:ssXXX', "quote literal letters: `'T'`"),
    ("yyyy-MM-dd'T'HH:mm:ssxxx", "SimpleDateFormat has no `x`: write `XX` or `XXX`"),
    ("yyyy-MM-dd'T'HH:mm:ssXXXX", "`X` (+HH), `XX` (+HHMM) or `XXX` (+HH:MM)"),
    ("yyyy-MM-dd'T'HH:mm:ss'Z", "close the quote, or write `''` for a quote"),
])
def test_a_macro_format_java_refuses_says_how_to_mend_it(fmt: str, help_: str) -> None:
    """helper-164: CE401 in a URL macro (`${gmtDate:yyyy-MM-ddTHH:mm:ssXXX}`) said Java's message and no help, while
    the same pattern as a records' format was told to quote the `T`: one hint for both (PatternError.help)."""
    from validator.rules.urls import url_problems

    (found,) = [p for p in url_problems(f"/hubs/crm/contacts?where=updated>'${{gmtDate:{fmt}}}'") if p.rule == "CE401"]
    assert found.help == help_, found


@pytest.mark.parametrize(("written", "meant"), [
    ("${gmtDate :yyyy-MM-dd}", "${gmtDate:yyyy-MM-dd}"),
    ("${gmtDate;yyyy-MM-dd}", "${gmtDate:yyyy-MM-dd}"),
    ("${dateTimeZone=UTC:yyyy-MM-dd}", "${dateTimeZone:UTC:yyyy-MM-dd}"),
    ("${{gmtDate:yyyy-MM-dd}}", "${gmtDate:yyyy-MM-dd}"),
])
def test_a_descriptor_parted_from_its_format_otherwise_is_mended(written: str, meant: str) -> None:
    """helper-164: `${gmtDate;yyyy-MM-dd}` (or ` :`, `=`, doubled braces) drew CE605 "is not a macro" with no help."""
    from validator.rules.urls import url_problems

    url = f"/hubs/crm/contacts?where=updated>'{written}'"
    (found,) = [p for p in url_problems(url) if p.rule == "CE605"]
    assert found.help == f"write `{meant}`" and found.fix is not None and found.fix.applicability == "unsafe"
    (edit,) = found.fix.edits
    assert url[:edit.start] + edit.replacement + url[edit.end:] == f"/hubs/crm/contacts?where=updated>'{meant}'"
    assert not [p for p in url_problems("/hubs/crm/contacts?where=updated>'${gmt:yyyy}'") if p.help and "`${gmt" in p.help]


def test_a_plus_printed_in_another_zone_is_told_the_same_instant_in_gmt() -> None:
    """helper-164: CE616 gave a help in GMT only ("use XXX"); `${dateTimeZone:Europe/Berlin:...Z}` drew none. The
    same instant in GMT, with XXX, sends `Z` and no '+'; a literal '+' written in the pattern gets no such help."""
    from validator.rules.urls import url_problems

    url = "/hubs/crm/contacts?where=updated>'${dateTimeZone:Europe/Berlin:yyyy-MM-dd'T'HH:mm:ssZ}'"
    (found,) = [p for p in url_problems(url) if p.rule == "CE616"]
    assert found.help == ("print the same instant in GMT, where XXX writes the offset as Z: "
                          "`${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}`"), found.help
    literal = "/hubs/crm/contacts?where=updated>'${dateTimeZone:Asia/Tokyo:yyyy-MM-dd'T'HH:mm:ss'+09:00'}'"
    (found,) = [p for p in url_problems(literal) if p.rule == "CE616"]
    assert found.help is None


@pytest.mark.parametrize("stringified", [False, True])
def test_the_platform_s_whole_address_before_the_hub_path_is_named_as_the_platform_s(stringified: bool) -> None:
    """helper-185: `https://api.cloud-elements.com/elements/api-v2/hubs/...` was "an absolute vendor URL", no fix."""
    from validator.fix_runner import fix_file

    address = "https://api.cloud-elements.com/elements/api-v2"
    url = f"{address}/hubs/crm/contacts?where=updatedAt>='{GOOD_MACRO}'"
    text = body(url)
    if stringified:
        document = json.loads(text)
        poller = document["configuration"]["event.poller.configuration"]
        document["configuration"]["event.poller.configuration"] = json.dumps(poller)
        text = json.dumps(document, indent=2)
    (found,) = [f for f in check(text) if f.rule == "CE632"]
    start = text.index(address)
    assert (found.line, found.column) == (text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start))
    assert found.end_column - found.column == len(address)
    assert "vendor" not in found.message and "platform" in found.message
    outcome = fix_file(text.encode(), shown="x.json", kind="auto", options=Options(), keep=lambda f: f, unsafe=False)
    assert outcome.data is not None and outcome.data.decode() == text.replace(address, "")


@pytest.mark.parametrize(("url", "codes"), [
    # a byte order mark before the slash: CE612 removes it; CE613 told to write `/` before it
    (f"\ufeff/hubs/finance/invoices?where=a>='{GOOD_MACRO}'", {"CE612"}),
    (f"\u200b/hubs/finance/invoices?where=a>='{GOOD_MACRO}'", {"CE612"}),
    # a scheme with one slash: CE613 told to write `/https:/api...`
    (f"https:/api.cloud-elements.com/elements/api-v2/hubs/finance/invoices?where=a>='{GOOD_MACRO}'", {"CE632"}),
    (f"https:/quickbooks.api.intuit.com/v3/company/1/invoice?where=a>='{GOOD_MACRO}'", {"CE632"}),
])
def test_what_stands_before_the_slash_is_named_not_given_a_slash(url: str, codes: set[str]) -> None:
    """helper-185: CE613's help wrote a `/` before an invisible character, or before a scheme missing a slash."""
    from validator.rules.urls import url_problems

    found = url_problems(url)
    assert {p.rule for p in found} == codes, [(p.rule, p.message) for p in found]


@pytest.mark.parametrize(("name", "meant"), [("ISO8601", "yyyy-MM-dd'T'HH:mm:ssXXX"), ("iso-8601", "yyyy-MM-dd'T'HH:mm:ssXXX"),
                                             ("RFC3339", "yyyy-MM-dd'T'HH:mm:ssXXX"),
                                             ("RFC1123", "EEE, dd MMM yyyy HH:mm:ss zzz"),
                                             # h190: a name of two words or more was a description, with no help
                                             ("ISO_8601_UTC", "yyyy-MM-dd'T'HH:mm:ssXXX"),
                                             ("iso 8601 format", "yyyy-MM-dd'T'HH:mm:ssXXX")])
def test_a_standard_s_name_as_a_macro_s_format_is_helped_to_its_pattern(name: str, meant: str) -> None:
    """helper-185: `${gmtDate:ISO8601}` was told to quote its letter `I` (a records' format was helped already)."""
    from validator.rules.urls import url_problems

    found = [p for p in url_problems(f"/hubs/crm/contacts?where=updated>'${{gmtDate:{name}}}'") if p.rule == "CE401"]
    assert found and all(meant in (p.help or "") and "quote literal" not in (p.help or "") for p in found)


@pytest.mark.parametrize(("zone", "meant"), [("America/New York", "America/New_York"), ("america/new_york", "America/New_York"),
                                             ("America / Sao Paulo", "America/Sao_Paulo"), ("utc", "UTC")])
def test_a_macro_zone_spelt_otherwise_is_mended_and_another_zone_is_only_suggested(zone: str, meant: str) -> None:
    """helper-185: `${dateTimeZone:America/New York:...}` had a did-you-mean and no fix (CE608)."""
    from validator.rules.urls import url_problems

    url = "/hubs/crm/contacts?where=updated>'${dateTimeZone:%s:yyyy-MM-dd HH:mm:ss}'"
    found = [p for p in url_problems(url % zone) if p.rule == "CE608"]
    assert found and all(p.fix is not None and p.fix.applicability == "safe" for p in found)
    assert apply(url % zone, found) == url % meant
    for other in ("EDT", "Europe/Londn", "UTC+2"):  # another id than the one written: said, not written
        assert all(p.fix is None for p in url_problems(url % other) if p.rule == "CE608"), other


@pytest.mark.parametrize(("where", "quoted"), [
    (f"'metaData.lastUpdatedTime'>='{GOOD_MACRO}'", "'metaData.lastUpdatedTime'"),
    (f"'updated_at' > '{GOOD_MACRO}' and status='open'", "'updated_at'"),
    ("'date_modified'>${epoch:s}", "'date_modified'"),
])
def test_a_field_name_in_quotes_compared_with_the_last_poll_time(where: str, quoted: str) -> None:
    """helper-185: `'updated_at' > '${gmtDate:...}'` (the field quoted as a value) compares two texts, and passed."""
    from validator.rules.urls import url_problems

    url = f"/hubs/crm/contacts?where={where}"
    found = [p for p in url_problems(url) if p.rule == "CE639"]
    assert [url[p.start:p.end] for p in found] == [quoted]
    assert found[0].fix is not None and found[0].fix.applicability == "safe"
    assert not url_problems(apply(url, found))
    assert not [p for p in url_problems(f"/hubs/crm/contacts?where='{GOOD_MACRO}'<updated_at") if p.rule == "CE639"]
    assert not [p for p in url_problems("/hubs/crm/contacts?where='open'=status") if p.rule == "CE639"]


@pytest.mark.parametrize("fmt", ["%s", "%s000"])
def test_strftime_s_epoch_seconds_as_a_macro_s_format(fmt: str) -> None:
    """helper-185: `${gmtDate:%s}` (strftime's epoch seconds) drew CE417, "without a date", and no word of `${epoch:s}`."""
    from validator.rules.urls import url_problems

    url = "/hubs/crm/contacts?where=updated>'${gmtDate:%s}'" % fmt
    found = url_problems(url)
    assert [p.rule for p in found] == ["CE604"], [(p.rule, p.message) for p in found]
    meant = "${epoch:s}" if fmt == "%s" else "${epoch}"  # (`%s000`: milliseconds)
    assert "epoch" in found[0].message and meant in (found[0].help or "") and url[found[0].start:found[0].end] == fmt


def test_a_quoted_field_name_after_the_macro_it_is_compared_with() -> None:
    """h190: `'${gmtDate:...}' < 'updated_at'` (the macro first, as CE419 reads it) passed."""
    from validator.rules.urls import url_problems

    url = f"/hubs/crm/contacts?where='{GOOD_MACRO}' < 'updated_at'"
    found = [p for p in url_problems(url) if p.rule == "CE639"]
    assert [url[p.start:p.end] for p in found] == ["'updated_at'"]
    assert apply(url, found) == f"/hubs/crm/contacts?where='{GOOD_MACRO}' < updated_at"
    assert not [p for p in url_problems(f"/hubs/crm/contacts?where='{GOOD_MACRO}' > '2020-01-01'") if p.rule == "CE639"]


@pytest.mark.parametrize(("url", "shown"), [
    ("http:/user:pa/ss99xyzabc@host.com/x", "http:/…"),
    ("https:/api.example.com/v2/contacts", "https:/api.example.com"),
    ("https://api.example.com/v2/contacts", "https://api.example.com"),
])
def test_the_origin_of_a_url_a_slash_short_is_quoted_as_written(url: str, shown: str) -> None:
    """h190: `http:/user:pa/ss@host` was quoted `'http:/user:pa//'` by CE632 (a piece of the password, and a `//`
    never written)."""
    from validator.masking import quotable_origin

    assert quotable_origin(url) == shown


@pytest.mark.parametrize(("zone", "severity"), [("utc", "warning"), ("Z", "warning"), ("Etc/utc", "warning"),
                                                ("America/Denvr", None), ("EDT", None)])
def test_a_macro_zone_java_does_not_know_but_means_utc_is_a_warning_as_in_dates_configuration(
        zone: str, severity: str | None) -> None:
    """h194: `${dateTimeZone:utc:...}` was an error (CE608), though Java's fallback, GMT, prints what it means; the
    same `utc` as `updatedDateTimezone` is a warning (CE501, 'which is what it means anyway')."""
    from validator.rules.urls import url_problems

    url = "/hubs/crm/contacts?where=updated>'${dateTimeZone:%s:yyyy-MM-dd HH:mm:ss}'" % zone
    (found,) = [p for p in url_problems(url) if p.rule == "CE608"]
    assert found.severity == severity
    assert ("what it means anyway" in found.message) == (severity == "warning")


@pytest.mark.parametrize(("where", "said", "fixed"), [
    ("updated_at>'$gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z''", "$gmtDate", None),
    ("updated_at>'$dateTimeZone:America/Denver:yyyy-MM-dd HH:mm:ss'", "$dateTimeZone", None),
    ("updated_at>$epoch", "$epoch", "${epoch}"),
    ("updated_at>'$epoch:s' and status='open'", "$epoch:s", "${epoch:s}"),
])
def test_a_macro_written_with_no_braces_is_malformed(where: str, said: str, fixed: str | None) -> None:
    """h194: `'$gmtDate:yyyy-MM-dd'` and `$epoch` passed: the platform substitutes only `${...}`, so the vendor got the
    text (`$gmtDate:...}` with its closing brace and `{gmtDate:...}` without its `$` were CE605 already)."""
    from validator.rules.urls import url_problems

    url = "/hubs/crm/contacts?where=" + where
    (found,) = [p for p in url_problems(url) if p.rule == "CE605"]
    assert url[found.start:found.end] == said and "no braces" in found.message
    assert not [p for p in url_problems(url) if p.rule == "CE640"]  # (`$epoch` is no shell variable left: one finding)
    assert (found.fix is not None) == (fixed is not None)
    if fixed is not None:
        assert apply(url, [found]) == url.replace(said, fixed)


@pytest.mark.parametrize("url", ["/hubs/crm/contacts?$filter=name eq 'x'&$top=10",
                                 "/hubs/crm/contacts?where=note='$date' and amount>'$epochs'",
                                 "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd}' and price='$5'"])
def test_a_dollar_that_starts_no_macro_is_not_a_macro_without_braces(url: str) -> None:
    from validator.rules.urls import url_problems

    assert not [p for p in url_problems(url) if p.rule == "CE605"]


@pytest.mark.parametrize("inner", ['"', "`"])
def test_a_macro_quoted_twice_sends_the_inner_quotes_in_the_date(inner: str) -> None:
    """h194: `where=updated_at>'"${gmtDate:...}"'` passed: the double quotes are inside the CEQL string, so the vendor
    compared with `"2024-..."`, quotes and all."""
    from validator.rules.urls import url_problems

    url = "/hubs/crm/contacts?where=updated_at>'%s${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}%s' and status='open'" % (inner, inner)
    (found,) = [p for p in url_problems(url) if p.rule == "CE638"]
    assert apply(url, [found]) == url.replace(inner, "")
    assert not [p for p in url_problems("/hubs/crm/contacts?where=note='\"x\"' and updated_at>'${gmtDate:yyyy-MM-dd}'")
                if p.rule == "CE638"]


@pytest.mark.parametrize(("written", "meant"), [
    ("${date:yyyy-MM-dd HH:mm:ss:America/Denver}", "${dateTimeZone:America/Denver:yyyy-MM-dd HH:mm:ss}"),
    ("${gmtDate:yyyy-MM-dd'T'HH:mm:ss:UTC}", "${dateTimeZone:UTC:yyyy-MM-dd'T'HH:mm:ss}"),
    ("${now:yyyy-MM-dd HH:mm:ss:PST}", "${nowTimeZone:PST:yyyy-MM-dd HH:mm:ss}"),
])
def test_a_zone_written_after_the_format_of_a_macro_that_takes_none(written, meant):
    """A fresh trial (helper-200): `${date:yyyy-MM-dd HH:mm:ss:America/Denver}` drew CE401 "Illegal pattern character
    'A'" with the help "SimpleDateFormat has no milli-of-day field": the zone was meant, which only
    `${dateTimeZone:ZONE:FORMAT}` takes, first (as `${gmtDate:America/Denver:...}` is told)."""
    from validator.rules.urls import url_problems

    url = f"/hubs/crm/contacts?where=updated_at>'{written}'"
    [found] = [p for p in url_problems(url) if p.rule in ("CE605", "CE401")]
    assert found.rule == "CE605" and "takes no zone" in found.message and found.help == f"write `{meant}`"
    assert apply(url, [found]) == f"/hubs/crm/contacts?where=updated_at>'{meant}'"
    kept = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd HH:mm:ss:SSS}'"  # a format Java takes: no zone
    assert not url_problems(kept)
