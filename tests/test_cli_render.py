"""`ce-validator render` end to end: the real command in a subprocess, exact output and exit codes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from clirun import run_cli

AT = "2024-01-05T10:00:00Z"

INSTANCE = {
    "element": {"key": "sageone"},
    "configuration": {
        "event.notification.enabled": "true",
        "event.poller.refresh_interval": "10",
        "event.poller.configuration": {
            "customers": {
                "url": "/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and "
                       "attributes='created_at,updated_at",
                "idField": "id",
                "pollDelay": 30,
            },
            "events": {
                "url": "/hubs/esignature/agreementAssetEvents?where=startDate='${gmtDate:yyyy-MM-dd HH:mm:ssZ}' and "
                       "endDate='${now:HH:mm}'",
                "idField": "id",
            },
            "stub": {},
        },
    },
}

ENCODING = ("  assumes   substituted values are inserted as they are, not percent-encoded (no example encodes them; "
            "undocumented)")
REQUEST = ("  assumes   request_url percent-encodes what a URL cannot carry as is (spaces, quotes, braces, '#' and '+' "
           "in the query), as a careful HTTP client does")

EXPECTED_TEXT = f"""\
last poll time (--at): 2024-01-05T10:00:00.000Z

customers
  template  /hubs/finance/customers?where=lastModifiedDate>='${{date:yyyy-MM-dd'T'HH:mm:ss'Z'}}' and attributes='created_at,updated_at
                                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  url       /hubs/finance/customers?where=lastModifiedDate>='2024-01-05T09:59:30Z' and attributes='created_at,updated_at
                                                             ^^^^^^^^^^^^^^^^^^^^
  request   /hubs/finance/customers?where=lastModifiedDate%3E=%272024-01-05T09:59:30Z%27%20and%20attributes=%27created_at,updated_at
                                                                 ^^^^^^^^^^^^^^^^^^^^
  last poll 2024-01-05T09:59:30.000Z (--at minus pollDelay 30 s)
  CE620 error at column 99: unbalanced quote: this ' never closes
  assumes   ${{date:...}} is formatted in the server zone GMT (documented as GMT on Cloud Elements' servers; change with --server-zone or server-zone in the configuration)
{ENCODING}
{REQUEST}

events
  template  /hubs/esignature/agreementAssetEvents?where=startDate='${{gmtDate:yyyy-MM-dd HH:mm:ssZ}}' and endDate='${{now:HH:mm}}'
                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^               ^^^^^^^^^^^^
  url       /hubs/esignature/agreementAssetEvents?where=startDate='2024-01-05 10:00:00+0000' and endDate='10:10'
                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^               ^^^^^
  request   /hubs/esignature/agreementAssetEvents?where=startDate=%272024-01-05%2010:00:00%2B0000%27%20and%20endDate=%2710:10%27
                                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^                       ^^^^^
  last poll 2024-01-05T10:00:00.000Z
  now       2024-01-05T10:10:00.000Z
  CE616 warning at column 66: ${{gmtDate:yyyy-MM-dd HH:mm:ssZ}} prints a '+' into the query (the sign of its UTC offset); sent unencoded, most servers read '+' as a space
  assumes   now = since + 10 min (the refresh interval: the next run)
  assumes   the now macros print the time of the run (undocumented except a 2017 page)
  assumes   ${{now:...}} is formatted in the server zone GMT (documented as GMT on Cloud Elements' servers; change with --server-zone or server-zone in the configuration)
{ENCODING}
{REQUEST}

stub: skipped (no url)
"""


@pytest.fixture
def write(tmp_path: Path):
    def write(value, name: str = "body.json") -> str:
        path = tmp_path / name
        path.write_text(value if isinstance(value, str) else json.dumps(value, indent=2), encoding="utf-8")
        return str(path)

    return write


def test_text_output(write) -> None:
    result = run_cli("render", write(INSTANCE), "--at", AT)
    assert (result.code, result.err) == (0, "")
    assert result.out == EXPECTED_TEXT


def test_json_output(write) -> None:
    result = run_cli("render", write(INSTANCE), "--at", AT, "--format", "json")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert result.out == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert (data["at"], data["at_ms"], data["now"], data["server_zone"], data["encode_values"]) == (
        "2024-01-05T10:00:00.000Z", 1704448800000, None, "GMT", False)
    customers, events = data["resources"]
    assert customers["name"] == "customers"
    assert customers["pointer"] == "/configuration/event.poller.configuration/customers"
    assert customers["url"] == ("/hubs/finance/customers?where=lastModifiedDate>='2024-01-05T09:59:30Z' and "
                                "attributes='created_at,updated_at")
    assert (customers["poll_delay"], customers["refresh_interval"], customers["last_poll_ms"]) == (
        30, 10, 1704448770000)
    (sub,) = customers["substitutions"]
    assert sub == {"macro": "${date:yyyy-MM-dd'T'HH:mm:ss'Z'}", "kind": "date", "value": "2024-01-05T09:59:30Z",
                   "instant_ms": 1704448770000, "zone": "GMT", "template_span": [49, 81], "url_span": [49, 69],
                   "request_span": [53, 73]}
    assert customers["problems"] == [{"rule": "CE620", "severity": "error", "message": "unbalanced quote: this ' never "
                                      "closes", "start": 98, "end": 99, "fix": "close the value with '"}]
    assert [s["value"] for s in events["substitutions"]] == ["2024-01-05 10:00:00+0000", "10:10"]
    assert events["now_ms"] == 1704449400000
    assert data["skipped"] == [{"name": "stub", "pointer": "/configuration/event.poller.configuration/stub",
                                "reason": "no url"}]


def test_stringified_poller_configuration(write) -> None:
    body = {"configuration": {"event.poller.configuration": json.dumps(
        {"contacts": {"url": "/hubs/crm/contacts?where=updated>'${epoch:s}'", "idField": "id"}})}}
    result = run_cli("render", write(body), "--at", AT, "--format", "json")
    assert result.code == 0, result
    (resource,) = json.loads(result.out)["resources"]
    assert resource["url"] == "/hubs/crm/contacts?where=updated>'1704448800'"
    assert resource["pointer"] == "/configuration/event.poller.configuration/contacts"


def test_bare_poller_configuration_and_resource_filter(write) -> None:
    poller = {"a": {"url": "/hubs/x/a?t=${epoch}", "idField": "id"},
              "b": {"url": "/hubs/x/b?t='${dateTimeZone:PST:HH:mm}'", "idField": "id"}}
    result = run_cli("render", write(poller), "--at", AT, "--resource", "b")
    assert result.code == 0, result
    assert result.out.splitlines()[2:6] == [
        "b",
        "  template  /hubs/x/b?t='${dateTimeZone:PST:HH:mm}'",
        "                         ^^^^^^^^^^^^^^^^^^^^^^^^^",
        "  url       /hubs/x/b?t='02:00'",
    ]
    assert "\na\n" not in result.out


def test_unknown_resource_is_a_usage_error(write) -> None:
    result = run_cli("render", write({"a": {"url": "/x", "idField": "id"}}), "--at", AT, "--resource", "zz")
    assert result.code == 2
    assert result.err == f"ce-validator render: error: {result.err.split(': error: ')[1]}"
    assert "no resource 'zz' (resources: a)" in result.err
    assert result.out == ""


def test_options_server_zone_now_and_encode(write) -> None:
    poller = {"a": {"url": "/hubs/x/a?from='${date:HH:mm z}'&to='${now:HH:mm z}'", "idField": "id"}}
    result = run_cli("render", write(poller), "--at", AT, "--now", "2024-07-01T12:00:00Z", "--server-zone",
                     "America/Denver", "--encode-values", "--format", "json")
    assert result.code == 0, result
    data = json.loads(result.out)
    (resource,) = data["resources"]
    assert resource["url"] == "/hubs/x/a?from='03%3A00%20MST'&to='06%3A00%20MDT'"
    assert data["encode_values"] is True and data["server_zone"] == "America/Denver"
    assert data["now"] == "2024-07-01T12:00:00.000Z"


def test_standard_input() -> None:
    body = json.dumps({"a": {"url": "/hubs/x/a?t=${epoch:s}", "idField": "id"}}).encode()
    result = run_cli("render", "-", "--at", AT, stdin=body)
    assert result.code == 0, result
    assert "  url       /hubs/x/a?t=1704448800" in result.out.splitlines()


def test_relative_and_current_times(write) -> None:
    path = write({"a": {"url": "/hubs/x/a?t=${epoch}", "idField": "id"}})
    for at, back in (("now", 0), ("-15m", 15 * 60_000)):
        before = int(time.time() * 1000)
        result = run_cli("render", path, f"--at={at}", "--format", "json")
        after = int(time.time() * 1000)
        assert result.code == 0, result
        at_ms = json.loads(result.out)["at_ms"]
        assert before - back - 1000 <= at_ms <= after - back + 1000


def test_json_output_is_utf8_on_a_stream_of_another_encoding(write) -> None:
    """helper-175: on a stream in a code page (Windows writes a redirected `> out.json` in it) a resource `ü名` went
    out as Python's `\\xfc\\u540d`, which no JSON reader takes; now as JSON's own escapes, as check's reports."""
    body = {"ü名😀": {"url": "/hubs/x/ü?where=a>'${gmtDate:yyyy}'", "idField": "id"}}
    result = run_cli("render", write(body), "--at", AT, "--format", "json", env={"PYTHONIOENCODING": "cp1252"})
    assert result.code == 0 and result.out.isascii(), result
    resource = json.loads(result.out)["resources"][0]
    assert resource["name"] == "ü名😀" and "/hubs/x/ü?" in resource["url"], resource


def test_not_json_exits_2(write) -> None:
    result = run_cli("render", write("{'url': nope"), "--at", AT)
    assert result.code == 2
    assert result.err.startswith("ce-validator render: error: ") and ":1:2: CE005 " in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_no_poller_exits_1(write) -> None:
    result = run_cli("render", write({"name": "package", "version": "1.0.0"}), "--at", AT)
    assert result.code == 1
    assert result.err.endswith("no poller resource with a url to render\n")
    stubs = run_cli("render", write({"a": {"idField": "id"}}), "--at", AT)
    assert stubs.code == 1 and "(a: no url)" in stubs.err


def test_missing_file_and_bad_time_exit_2(write, tmp_path: Path) -> None:
    missing = run_cli("render", str(tmp_path / "nope.json"), "--at", AT)
    assert missing.code == 2 and "cannot read" in missing.err and "Traceback" not in missing.err
    bad = run_cli("render", write({"a": {"url": "/x", "idField": "id"}}), "--at", "yesterday-ish")
    assert bad.code == 2 and bad.err.startswith("ce-validator render: error: --at 'yesterday-ish'")
    assert "Traceback" not in bad.err


def test_help_has_the_module_docstring() -> None:
    result = run_cli("render", "--help")
    assert result.code == 0
    assert "Show the request URL each poller resource sends" in result.out
    assert "--format json prints one object" in result.out


def test_configuration_file_supplies_render_assumptions(tmp_path) -> None:
    body = {"contacts": {"url": "/hubs/crm/contacts?where=d>'${date:yyyy-MM-dd HH:mm}'", "idField": "id"}}
    (tmp_path / "poller.json").write_text(json.dumps(body))
    (tmp_path / ".ce-validator.toml").write_text('server-zone = "America/New_York"\nat = 2024-01-05T10:00:00Z\n')
    result = run_cli("render", str(tmp_path / "poller.json"), "--format", "json")
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert payload["server_zone"] == "America/New_York" and payload["at"].startswith("2024-01-05T10:00")
    assert payload["resources"][0]["url"] == "/hubs/crm/contacts?where=d>'2024-01-05 05:00'"
    override = json.loads(run_cli("render", str(tmp_path / "poller.json"), "--format", "json",
                                  "--server-zone", "GMT").out)
    assert override["resources"][0]["url"] == "/hubs/crm/contacts?where=d>'2024-01-05 10:00'"


def test_a_missing_element_docs_folder_is_a_usage_error():
    """A user's trial: `render --element-docs /nonexistent` exited 0 without a word (check says so, exit 2)."""
    result = run_cli("render", "--element-docs", "/nonexistent/elements", "examples/sageone-polling-fixed.json")
    assert result.code == 2 and "/nonexistent/elements: not a directory of element docs" in result.err, result


@pytest.mark.parametrize(("name", "before", "after"), [
    ("body.jsonc", "// the Adobe Sign poller\n", "\n/* rendered by CI */\n"),
    ("create.http", "POST https://api.cloud-elements.com/elements/api-v2/instances\nContent-Type: application/json\n\n",
     "\n\n###\nGET https://api.cloud-elements.com/elements/api-v2/instances\n"),
])
def test_a_file_read_as_one_block_is_rendered(write, name, before, after) -> None:
    """A `.jsonc` body and a `.http` file of requests are rendered from their one block, as `check` reads them (render
    and simulate read them as Markdown before: no body found, exit 2)."""
    result = run_cli("render", write(before + json.dumps(INSTANCE, indent=2) + after, name), "--at", AT,
                     "--format", "json")
    assert result.code == 0, result
    plain = run_cli("render", write(INSTANCE), "--at", AT, "--format", "json")
    urls = [(r["name"], r.get("request_url")) for r in json.loads(result.out)["resources"]]
    assert urls == [(r["name"], r.get("request_url")) for r in json.loads(plain.out)["resources"]], result.out
    assert urls and all(url for _name, url in urls), urls


def test_a_bulk_file_and_a_postman_collection_render_as_check_reads_them(tmp_path: Path) -> None:
    """helper-87: `check` reads each body of a bulk file and each raw body of a Postman collection; `render` said
    there was no poller resource in either."""
    first = {"element": {"key": "sageone"}, "name": "a", "configuration": {"event.poller.configuration": {
        "customers": {"url": "/hubs/finance/customers?where=a>='${gmtDate:yyyy-MM-dd}'", "idField": "id"}}}}
    second = {"element": {"key": "sfdc"}, "name": "b", "configuration": {"event.poller.configuration": {
        "accounts": {"url": "/hubs/crm/accounts?where=b>='${gmtDate:yyyy}'", "idField": "Id"}}}}
    bulk = tmp_path / "bulk.json"
    bulk.write_text(json.dumps({"instances": [first, second]}))
    result = run_cli("render", "--at", AT, "--format", "json", str(bulk))
    assert result.code == 0, result.err
    rendered = {r["pointer"]: r["url"] for r in json.loads(result.out)["resources"]}
    assert rendered == {"/instances/0/configuration/event.poller.configuration/customers":
                        "/hubs/finance/customers?where=a>='2024-01-05'",
                        "/instances/1/configuration/event.poller.configuration/accounts":
                        "/hubs/crm/accounts?where=b>='2024'"}
    assert "accounts (in the body at /instances/1)" in run_cli("render", "--at", AT, str(bulk)).out
    collection = tmp_path / "ce.postman_collection.json"
    collection.write_text(json.dumps({"info": {"_postman_id": "x", "name": "CE"}, "item": [{"name": "create",
                          "request": {"method": "POST", "body": {"mode": "raw", "raw": json.dumps(first)}}}]}))
    result = run_cli("render", "--at", AT, "--format", "json", str(collection))
    assert result.code == 0, result.err
    assert [r["url"] for r in json.loads(result.out)["resources"]] == ["/hubs/finance/customers?where=a>='2024-01-05'"]


def test_a_page_s_bulk_array_and_postman_collection_render_in_page_order(tmp_path: Path) -> None:
    """helper-118: `render` on a page whose block is a bulk file or a Postman collection said no block held a body
    (`check` reads them); a `<CodeBlock>` was listed before the fences above it."""
    first = {"element": {"key": "sageone"}, "name": "a", "configuration": {"event.poller.configuration": {
        "customers": {"url": "/hubs/finance/customers?where=a>='${gmtDate:yyyy-MM-dd}'", "idField": "id"}}}}
    second = {"element": {"key": "sfdc"}, "name": "b", "configuration": {"event.poller.configuration": {
        "accounts": {"url": "/hubs/crm/accounts?where=b>='${gmtDate:yyyy}'", "idField": "Id"}}}}
    collection = {"info": {"_postman_id": "x", "name": "CE"}, "item": [{"name": "create", "request": {
        "method": "POST", "body": {"mode": "raw", "raw": json.dumps(second)}}}]}
    page = tmp_path / "events.md"
    page.write_text("# Events\n\n```json\n" + json.dumps({"instances": [first]}) + "\n```\n\n```json\n"
                    + json.dumps(collection) + "\n```\n", encoding="utf-8")
    result = run_cli("render", "--at", AT, "--format", "json", str(page))
    assert result.code == 0, result.err
    assert [r["url"] for r in json.loads(result.out)["resources"]] == [
        "/hubs/finance/customers?where=a>='2024-01-05'", "/hubs/crm/accounts?where=b>='2024'"]


@pytest.mark.parametrize("delay", [60, 60.0, "60"])
def test_a_poll_delay_is_read_alike_by_render_and_simulate(tmp_path: Path, delay) -> None:
    """helper-121: `"pollDelay": 60.0` (or `1e3`) was read as 0 by render, and `"60"` by render but not simulate."""
    from validator.kinds import whole_setting

    assert whole_setting(delay) == 60 and whole_setting(1e3) == 1000 and whole_setting(True) is None
    body = {"c": {"url": "/hubs/x/c?where=a>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'", "idField": "id", "pollDelay": delay}}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    result = run_cli("render", "--at", "2024-01-05T10:00:00Z", "--format", "json", str(path))
    assert result.code == 0, result.err
    [resource] = json.loads(result.out)["resources"]
    assert resource["poll_delay"] == 60 and "2024-01-05T09:59:00" in resource["url"], resource


@pytest.mark.parametrize(("delay", "shown"), [("abc", "'abc'"), ("1e3", "'1e3'"), (1.5, "1.5"), (True, "true")])
def test_a_poll_delay_neither_reads_is_said_to_be_left_out(tmp_path: Path, delay, shown: str) -> None:
    """helper-160 (helper-121's B3): render and simulate used no delay for these without a word, as if none were set."""
    dates = {"updatedDateField": "u", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss"}
    body = {"c": {"url": "/hubs/x/c?where=a>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'", "idField": "id", "pollDelay": delay,
                  "datesConfiguration": dates}}
    path, records = tmp_path / "p.json", tmp_path / "r.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    records.write_text('[{"id": 1, "u": "2024-01-05T10:30:00"}]', encoding="utf-8")
    result = run_cli("render", "--at", "2024-01-05T10:00:00Z", "--format", "json", str(path))
    [resource] = json.loads(result.out)["resources"]
    assert resource["poll_delay"] == 0 and "2024-01-05T10:00:00" in resource["url"], resource
    assert f"pollDelay {shown} is not a whole number of seconds: rendered with no delay" in resource["assumptions"][0]
    result = run_cli("simulate", "--records", str(records), "--since", "2024-01-05T10:00:00Z", str(path))
    assert f"note       pollDelay {shown} is not a whole number of seconds: simulated with no delay" in result.out


def test_a_year_before_1000_is_written_with_four_digits() -> None:
    """helper-121: render wrote `999-03-01T00:00:00.000Z`, which is no ISO 8601."""
    from validator.dates.format import iso_millis

    assert iso_millis(0) == "1970-01-01T00:00:00.000Z" and iso_millis(-62_135_596_800_000) == "0001-01-01T00:00:00.000Z"
    result = run_cli("render", "--at", "0999-03-01T00:00:00Z", "--format", "json",
                     str(Path(__file__).resolve().parents[1] / "examples" / "sageone-polling-fixed.json"))
    assert result.code == 0 and json.loads(result.out)["at"] == "0999-03-01T00:00:00.000Z", result


@pytest.mark.parametrize("delay", [3_000_000_000, "3000000000"])
def test_a_poll_delay_past_a_java_int_is_said_so_not_called_a_time_out_of_range(tmp_path: Path, delay) -> None:
    """helper-144: `"pollDelay": 3000000000` (95 years back: 1929) was skipped as moving the last poll time "beyond
    the years 1 to 9999"; written as a string it was rendered with no delay and no word, while simulate said nothing."""
    body = {"c": {"url": "/hubs/x/c?where=a>'${gmtDate:yyyy-MM-dd}'", "idField": "id", "pollDelay": delay}}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    result = run_cli("render", "--at", "2024-01-05T10:00:00Z", str(path))
    assert result.code == 1 and "Traceback" not in result.err, result
    assert "pollDelay 3000000000 does not fit in a Java int" in result.err and "9999" not in result.err, result.err


def test_an_unknown_server_zone_is_warned_of(tmp_path: Path) -> None:
    """helper-144: `render --server-zone America/New_Yrok` formatted ${date:...} in GMT with no word of the typo."""
    body = {"c": {"url": "/hubs/x/c?where=a>'${date:yyyy-MM-dd HH:mm z}'", "idField": "id"}}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    result = run_cli("render", "--at", AT, "--server-zone", "America/New_Yrok", str(path))
    assert result.code == 0 and "a>'2024-01-05 10:00 GMT'" in result.out, result
    assert result.err == ("ce-validator render: warning: command line: --server-zone: Java does not know the zone "
                          "'America/New_Yrok': TimeZone.getTimeZone falls back to GMT (did you mean America/New_York?)\n"), \
        result.err
    assert run_cli("render", "--at", AT, "--server-zone", "America/New_York", str(path)).err == ""
    # (helper-167) set in a configuration file: said where, as `check` says it
    (path.parent / ".ce-validator.toml").write_text('strict = false\nserver-zone = "America/New_Yrok"\n')
    configured = run_cli("render", "--at", AT, str(path), cwd=path.parent)
    assert configured.err.startswith("ce-validator render: warning: .ce-validator.toml:2: server-zone: Java does not "
                                     "know the zone 'America/New_Yrok'"), configured.err


def test_control_and_bidirectional_characters_of_the_file_are_shown_escaped(tmp_path: Path) -> None:
    """helper-144: render's text printed a resource name's, template's and URL's ESC and U+202E as they are (the file
    steered the terminal); the carets stay under the substituted value."""
    body = {"r\x1b[31m": {"url": "/hubs/x/c?where=a>'${gmtDate:yyyy'\x1b[2J'\u202e}' and b='\u202e'",
                            "idField": "id"}}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    result = run_cli("render", "--at", AT, str(path))
    assert result.code == 0, result
    assert "\x1b" not in result.out and "\u202e" not in result.out, result.out
    lines = result.out.splitlines()
    assert "r\\x1b[31m" in lines
    url = next(i for i, line in enumerate(lines) if line.startswith("  url "))
    assert lines[url] == "  url       /hubs/x/c?where=a>'2024\\x1b[2J\\u202e' and b='\\u202e'"
    carets = lines[url + 1]
    assert lines[url][carets.index("^"):len(carets)] == "2024\\x1b[2J\\u202e", carets


def test_the_help_names_every_page_suffix_render_reads() -> None:
    """It named .md and .markdown; an .mdx page renders too."""
    from validator.commands import render
    from validator.inputs import PAGE_SUFFIXES

    assert all(suffix in render.__doc__ for suffix in PAGE_SUFFIXES)


def test_macro_date_pattern_problems_listed_as_check_reports_them(write) -> None:
    # the rendered URL shows 13:30 as 01:30: render says why (CE406), at the column `check` points to in the URL;
    # a `yy` the vendor's own format reads (CE420) is left, as `check` leaves it
    url = "/hubs/finance/invoices?where=updated>='${gmtDate:yyyy-MM-dd'T'hh:mm:ss}' and due>'${date:dd-MMM-yy}'"
    poller = {"invoices": {"url": url, "idField": "id", "datesConfiguration": {
        "updatedDateField": "updated", "updatedDateFormat": "dd-MMM-yy"}}}
    result = run_cli("render", write(poller), "--at", "2024-01-05T13:30:00Z", "--format", "json")
    assert result.code == 0, result
    (resource,) = json.loads(result.out)["resources"]
    assert resource["url"].startswith("/hubs/finance/invoices?where=updated>='2024-01-05T01:30:00'")
    problems = resource["problems"]
    assert [(p["rule"], p["severity"], url[p["start"]:p["end"]]) for p in problems] == [("CE406", "warning", "hh")]
    text = run_cli("render", write(poller), "--at", "2024-01-05T13:30:00Z")
    column = url.index("hh") + 1
    assert f"  CE406 warning at column {column}: `hh` is the hour 1-12" in text.out
    checked = run_cli("check", "--format", "json", write(json.dumps(poller)))
    assert {(f["rule"], f["column"]) for f in json.loads(checked.out)["findings"]
            if f["rule"] in ("CE406", "CE420")} == {("CE406", 1 + len('{"invoices": {"url": "') + url.index("hh"))}


def test_carets_stand_under_their_value_after_wide_characters(tmp_path: Path) -> None:
    """A CJK resource path or field name takes two terminal cells a character (helper-179): the carets were placed
    by code points, 6 cells left of the macro after `/客户?where=名字=... and 更新>'`, as `check`'s underline is not."""
    import unicodedata

    body = {"k": {"url": "/hubs/crm/客户?where=名字='Müller' and 更新>'${gmtDate:yyyy-MM-dd HH:mm:ss}'&x=${epoch:s}",
                  "idField": "id"}}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    result = run_cli("render", str(path), "--at", AT)
    assert result.code == 0, result.err
    lines = result.out.splitlines()

    def cells(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    for label, value in (("template", "${gmtDate:"), ("url", "2024-01-05 10:00:00")):
        row = next(i for i, line in enumerate(lines) if line.startswith(f"  {label} "))
        assert lines[row + 1].index("^") == cells(lines[row][:lines[row].index(value)]), (lines[row], lines[row + 1])
        assert lines[row + 1].rstrip().endswith("^" * len("${epoch:s}" if label == "template" else "1704448800"))


def test_a_rule_lists_as_many_problems_of_one_url_as_check_shows(write) -> None:
    """Found by hunting (h225): a filter of 200 `=` made render list 100 CE621 and 100 CE630 lines (20,000 `=`:
    1.6 MB of output), where `check` shows the first 50 of a rule at one place and counts the rest."""
    from validator.engine import MAX_PER_PLACE

    poller = {"a": {"url": "/hubs/x/a?where=a" + "=" * 200, "idField": "id"}}
    result = run_cli("render", write(poller), "--at", AT, "--format", "json")
    (resource,) = json.loads(result.out)["resources"]
    shown = [problem["rule"] for problem in resource["problems"]]
    assert shown.count("CE621") == shown.count("CE630") == MAX_PER_PLACE + 1
    note = [problem for problem in resource["problems"] if problem["severity"] == "info" and problem["rule"] == "CE621"]
    assert [problem["message"] for problem in note] == [
        f"{100 - MAX_PER_PLACE} more CE621 findings here are not shown (the first {MAX_PER_PLACE} are)"]
    checked = run_cli("check", "--no-cache", "--format", "json", write(poller))
    assert [f["message"] for f in json.loads(checked.out)["findings"] if f["severity"] == "info"] == [
        problem["message"] for problem in resource["problems"] if problem["severity"] == "info"]
