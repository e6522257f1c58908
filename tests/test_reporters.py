"""Every output format: exact expected output, SARIF schema validity, escaping, colour and secrets.

The expected outputs live in ``tests/snapshots/``.  After an intended change of a format,
regenerate them and review the diff::

    CE_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_reporters.py
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.findings import Finding
from validator.reporters import (REPORTERS, FileReport, UnknownFormatError, default_format, get_reporter,
                                 should_color, split_lines)
from validator.reporters.github import escape_data, escape_property
from validator.reporters.text import excerpt
from validator.rules.base import Rule

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("CE_UPDATE_SNAPSHOTS") == "1"

BODY = """{
  "element": {"key": "sageone"},
  "providerData": {"code": "<AUTHORIZATION_GRANT_CODE>"},
  "configuration": {
    "oauth.api.key": "client-id-123",
    "oauth.api.secret": "s3cr3t-Value-42",
    "event.vendor.type": "polling",
    "event.poller.refresh_interval": "fifteen",
    "event.poller.configuration": {
      "customers": {
        "url": "/hubs/finance/customers?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}",
        "idField": "id",
        "datesConfiguration": {
          "updatedDateField": "updated_at",
          "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX",
          "updatedDateTimezone": "GMT+5:30"
        }
      }
    }
  }
}
"""

POLLER = """{
\t"contacts": {
\t\t"url": "/hubs/crm/contacts?where=name='Zoë 日本' and lastModified>='${date:yyyy-MM-dd}",
\t\t"idField": "id",
\t\t"datesConfiguration": {
\t\t\t"updatedDateField": "lastModified",
\t\t\t"updatedDateFormat": "YYYY-MM-dd"
\t\t}
\t}
}
"""

BODY_PATH = "bodies/broken.json"
POLLER_PATH = "pollers/customers.json"
POLLER_POINTER = "/configuration/event.poller.configuration/customers"


def span(text: str, needle: str, *, through: str | None = None) -> tuple[int, int, int, int]:
    """The (line, column, end_line, end_column) of ``needle`` in ``text`` (to the end of ``through`` if given)."""
    start = text.index(needle)
    end = text.index(through, start) + len(through) if through else start + len(needle)

    def place(offset: int) -> tuple[int, int]:
        before = text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1

    return (*place(start), *place(end))


def finding(rule: str, severity: str, message: str, path: str, pointer: str, where: tuple[int, int, int, int],
            help: str | None = None) -> Finding:
    return Finding(rule, severity, message, path, pointer, *where, help=help)  # type: ignore[arg-type]


FINDINGS = [
    finding("CE601", "error", "unbalanced quote in the `where` value: the quote opened here is never closed",
            BODY_PATH, POLLER_POINTER + "/url", span(BODY, "'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}"),
            help="close the quote after the macro: '${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'"),
    finding("CE102", "error", "`event.poller.refresh_interval` must be a whole number of minutes, got `\"fifteen\"`",
            BODY_PATH, "/configuration/event.poller.refresh_interval", span(BODY, '"fifteen"'),
            help='use a number of minutes, such as "15"'),
    finding("CE701", "warning", "`oauth.api.secret` holds what looks like a real secret (s3cr3t-Value-42): "
            "100% of a commit's readers can see it", BODY_PATH, "/configuration/oauth.api.secret",
            span(BODY, "s3cr3t-Value-42"), help="use an environment reference such as ${SAGE_API_SECRET}"),
    finding("CE501", "warning", "time zone `GMT+5:30` is a custom offset, not a region: no daylight saving time",
            BODY_PATH, POLLER_POINTER + "/datesConfiguration/updatedDateTimezone", span(BODY, '"GMT+5:30"')),
    finding("CE402", "warning", "`YYYY` is the week-based year: around New Year it differs from the calendar year",
            POLLER_PATH, "/contacts/datesConfiguration/updatedDateFormat", span(POLLER, "YYYY"), help="use `yyyy`"),
    finding("CE301", "error", "`contacts` has `updatedDateField` but no `createdDateField`, <required> & needed",
            POLLER_PATH, "/contacts/datesConfiguration", span(POLLER, '{\n\t\t\t"updatedDateField"', through="}")),
    finding("CE611", "info", "the value 'Zoë 日本' is sent as it is (not URL-encoded)", POLLER_PATH, "/contacts/url",
            span(POLLER, "'Zoë 日本'")),
]

def _secrets(text: str):
    """What the engine finds secret in ``text`` (reporters only ever see findings and lines masked by it)."""
    from validator.masking import find_secrets
    from validator.source import load_source

    return find_secrets(load_source(text))


_MASKS = {BODY_PATH: _secrets(BODY), POLLER_PATH: _secrets(POLLER)}
FINDINGS = [_MASKS[f.path].scrub_finding(f) for f in FINDINGS]
SKIPPED = "not a Cloud Elements instance body, configuration or poller configuration"
FILES = [
    FileReport.from_text(BODY_PATH, _MASKS[BODY_PATH].mask(BODY)),
    FileReport.from_text(POLLER_PATH, _MASKS[POLLER_PATH].mask(POLLER)),
    FileReport.from_text("package.json", '{"name": "web"}\n', skipped=SKIPPED),
]
# the engine's note on the skipped file: reporters show it as the skip, not as a finding
FINDINGS.append(Finding("CE090", "info", SKIPPED, "package.json", "", 1, 1, 1, 2))

RULES = {
    rule.code: rule
    for rule in [
        Rule("CE102", "schema-type", "error", "a value has the wrong type", "The platform rejects the body.",
             '{"configuration": {"event.poller.refresh_interval": "fifteen"}}',
             '{"configuration": {"event.poller.refresh_interval": "15"}}'),
        Rule("CE301", "poller-dates-incomplete", "error", "a poller entry lacks a date field",
             "Both `updatedDateField` and `createdDateField` are needed.", "{}", "{}"),
        Rule("CE402", "date-week-year", "warning", "`Y` (week year) used for the calendar year",
             "`Y` is the week-based year; use `y`.", '{"p": "YYYY"}', '{"p": "yyyy"}'),
        Rule("CE501", "zone-custom-offset", "warning", "a custom GMT offset zone", "Custom offsets never observe DST.",
             "{}", "{}"),
        Rule("CE601", "url-unbalanced-quote", "error", "a quote in a URL is not closed",
             "An unclosed quote breaks the CEQL `where`.", "{}", "{}"),
        Rule("CE611", "url-unencoded-value", "info", "a literal value is not URL-encoded",
             "Values are sent as they are.", "{}", "{}"),
        Rule("CE701", "secret-committed", "warning", "a real-looking secret is committed",
             "Use an environment reference.", "{}", "{}"),
        Rule("CE999", "unused-example", "error", "a rule no finding uses", "Shown in the SARIF rules list.", "{}",
             "{}"),
    ]
}

FORMATS = {"text": "text.txt", "concise": "concise.txt", "json": "json.json", "github": "github.txt",
           "sarif": "sarif.sarif", "junit": "junit.xml", "gitlab": "gitlab.json"}


def render(fmt: str, findings=FINDINGS, files=FILES, **options) -> str:
    options.setdefault("root", "/project")
    return get_reporter(fmt).render(findings, files=files, rules=RULES, tool_version="1.2.3", **options)


def compare(output: str, name: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"no snapshot {path}: run CE_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_reporters.py"
    expected = path.read_text(encoding="utf-8")
    assert output == expected, f"{name} changed; if intended, regenerate with CE_UPDATE_SNAPSHOTS=1"


# -- snapshots ---------------------------------------------------------------------------------------------------
def test_every_format_has_a_snapshot_test():
    assert set(FORMATS) == set(REPORTERS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_snapshot(fmt):
    compare(render(fmt), FORMATS[fmt])


def test_snapshot_text_in_colour():
    compare(render("text", color=True), "text-color.txt")


def test_snapshot_input_order_does_not_matter():
    for fmt in FORMATS:
        assert render(fmt, findings=list(reversed(FINDINGS))) == render(fmt)


def test_text_shape():
    out = render("text")
    first = out.splitlines()[0]
    assert first == (f"{BODY_PATH}:6:26: CE701 `oauth.api.secret` holds what looks like a real secret (****): "
                     "100% of a commit's readers can see it")
    assert "\x1b[" not in out
    assert out.endswith("Found 3 errors, 3 warnings and 1 info in 2 files (1 skipped).\n")
    assert "package.json: skipped: not a Cloud Elements" in out
    assert "  = help: close the quote after the macro" in out


def test_text_colour_codes():
    out = render("text", color=True)
    assert "\x1b[1;31mCE601\x1b[0m" in out and "\x1b[1;33mCE402\x1b[0m" in out and "\x1b[1;36mCE611\x1b[0m" in out
    import re

    stripped = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert stripped == render("text")


# -- the text excerpt --------------------------------------------------------------------------------------------
def test_excerpt_underlines_the_span():
    line, under = excerpt('  "url": "abc"', 11, 14)
    assert line == '  "url": "abc"'
    assert under == "          ^~~"


def test_excerpt_expands_tabs_and_counts_wide_characters():
    line, under = excerpt("\tx='日本' y", 5, 7)
    assert line == "    x='日本' y"
    assert under == "       ^~~~"  # four spaces for the tab, "x='" then two cells per character


@given(st.text(alphabet=st.sampled_from("ab \t\x01\x7f~é日\u0301\u200b\ud800"), max_size=12))
def test_excerpt_fast_paths_agree_with_the_character_by_character_reading(text: str) -> None:
    from validator.reporters.text import TAB, cells, _display, _width

    assert cells(text) == sum(_width(c) for c in text)
    assert _display(text) == "".join(TAB if c == "\t" else (c if c.isprintable() or c == " " else "\ufffd")
                                     for c in text)


def test_excerpt_of_an_empty_span_and_past_the_end():
    assert excerpt("abc", 2, 2)[1] == " ^"
    assert excerpt("abc", 4, 5)[1] == "   ^"
    assert excerpt("", 1, 1) == ("", "^")


def test_excerpt_cuts_a_long_line_around_the_span():
    long = "a" * 50_000 + "BAD" + "b" * 50_000
    line, under = excerpt(long, 50_001, 50_004)
    assert len(line) < 200 and line.startswith("…") and line.endswith("…")
    assert line[under.index("^"):under.index("^") + 3] == "BAD"
    assert under.strip() == "^~~"


def test_excerpt_of_a_long_span_is_bounded():
    line, under = excerpt("x" * 100_000, 1, 100_001)
    assert len(line) <= 161 and len(under) <= 160
    line, under = excerpt("y" * 150 + "z" * 150, 140, 301)
    assert len(line) <= 162 and under.index("^") == 61 and len(under) <= 162


def test_excerpt_replaces_control_characters():
    line, under = excerpt("a\x1b[31mb", 2, 3)
    assert "\x1b" not in line
    assert under == " ^"


def test_text_multi_line_span_and_unknown_lines():
    out = render("text")
    assert "error (to line 8)" in out
    report = get_reporter("text").render([FINDINGS[0]], files=(), tool_version="1")
    assert report.splitlines()[1] == "   = error"  # no source lines known: no excerpt
    assert report.endswith("Found 1 error in 1 file.\n")


def test_text_and_concise_without_findings():
    assert render("text", findings=[]) == ("package.json: skipped: not a Cloud Elements instance body, configuration "
                                           "or poller configuration\nNo problems found in 2 files (1 skipped).\n")
    assert render("concise", findings=[], files=FILES[:1]) == "No problems found in 1 file.\n"
    assert render("concise", findings=FINDINGS[-1:], files=FILES[2:]).endswith("No problems found (1 file skipped).\n")


def test_concise_one_line_each():
    lines = render("concise").splitlines()
    assert lines[0].startswith(f"{BODY_PATH}:6:26: CE701 [warning] ")
    assert len(lines) == len(FINDINGS) - 1 + 2  # the findings but the skip note, the skip, the summary


def test_finding_without_a_path():
    f = Finding("CE001", "error", "invalid JSON", None, "", 1, 1, 1, 2)
    assert render("concise", findings=[f], files=()).startswith("<stdin>:1:1: CE001 [error] invalid JSON\n")
    assert render("github", findings=[f], files=()) == "::error title=CE001::invalid JSON\n"
    sarif = json.loads(render("sarif", findings=[f], files=()))
    assert "locations" not in sarif["runs"][0]["results"][0]
    assert json.loads(render("gitlab", findings=[f], files=())) == []


# -- json --------------------------------------------------------------------------------------------------------
def test_json_fields_are_stable():
    data = json.loads(render("json"))
    assert list(data) == ["version", "tool", "findings", "files", "summary"]
    assert data["version"] == 1 and data["tool"] == {"name": "ce-validator", "version": "1.2.3"}
    assert list(data["findings"][0]) == ["rule", "name", "severity", "message", "path", "pointer", "line", "column",
                                         "end_line", "end_column", "fix", "edits"]
    assert data["summary"] == {"files": 2, "skipped": 1, "error": 3, "warning": 3, "info": 1, "total": 7}
    assert data["files"][2] == {"path": "package.json", "skipped": SKIPPED, "error": None}
    assert "CE090" not in {f["rule"] for f in data["findings"]}


def test_the_json_format_s_documented_table_names_every_field():
    """An adoption trial (helper-145): docs/usage.md's table of the json format left out `files[].error`."""
    import re

    page = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    table = page[page.index("The `json` format, version 1"):page.index("No format ever prints")]
    rows = {name.removesuffix("[]"): text
            for name, text in re.findall(r"^\| `([a-z\[\]]+)` \| (.*) \|$", table, re.MULTILINE)}
    data = json.loads(render("json"))
    assert set(rows) == set(data)
    for part in ("findings", "files", "summary"):
        item = data[part][0] if isinstance(data[part], list) else data[part]
        assert [key for key in item if f"`{key}`" not in rows[part]] == [], part


# -- github ------------------------------------------------------------------------------------------------------
def test_github_escaping():
    assert escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    f = Finding("CE601", "warning", "100%: bad\nthing", "dir,x/a:b.json", "", 2, 3, 2, 9, help="do: this")
    out = render("github", findings=[f], files=())
    assert out == ("::warning file=dir%2Cx/a%3Ab.json,line=2,col=3,endLine=2,endColumn=8,"
                   "title=CE601 url-unbalanced-quote::100%25: bad%0Athing%0Ahelp: do: this\n")


def test_a_file_name_s_line_break_is_escaped_as_each_format_reads_it():
    """An adoption trial (helper-136): a line break in a file's name was written `\\x0a` in GitHub's `file=` and
    JUnit's `file`, naming a file that does not exist; other controls are still shown escaped."""
    f = Finding("CE601", "warning", "bad", "new\nline\x1b.json", "", 2, 3, 2, 9)
    assert "file=new%0Aline\\x1b.json," in render("github", findings=[f], files=())
    case = ET.fromstring(render("junit", findings=[f], files=())).find(".//testcase")
    assert case is not None and case.get("file") == "new\nline\\x1b.json"


def test_github_levels_and_notice():
    out = render("github")
    assert out.count("::error ") == 3 and out.count("::warning ") == 3 and out.count("::notice ") == 1
    assert all(line.startswith("::") for line in out.splitlines())


def test_default_format_under_github_actions():
    assert default_format({"GITHUB_ACTIONS": "true"}) == "github"
    assert default_format({"GITHUB_ACTIONS": "false"}) == "text"
    assert default_format({}) == "text"


# -- sarif -------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sarif_validator(shared):
    import jsonschema

    schema = json.loads((shared / "external" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def _valid(validator, document) -> None:
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_validates_against_the_schema(sarif_validator):
    _valid(sarif_validator, json.loads(render("sarif")))
    _valid(sarif_validator, json.loads(render("sarif", findings=[], files=())))
    odd = [Finding("CE601", "error", "x", "/elsewhere/a b.json", "", 1, 1, 1, 1),
           Finding("CE000", "info", "y", "dir with space/ü.json", "/a", 3, 2, 4, 1, help="z")]
    _valid(sarif_validator, json.loads(render("sarif", findings=odd, files=())))


def test_sarif_content():
    run = json.loads(render("sarif"))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "ce-validator" and driver["version"] == "1.2.3" and driver["informationUri"]
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    rule = driver["rules"][[r["id"] for r in driver["rules"]].index("CE402")]
    assert rule["name"] == "date-week-year" and rule["defaultConfiguration"] == {"level": "warning"}
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["markdown"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///project/"}}
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["CE601"] == "error" and levels["CE402"] == "warning" and levels["CE611"] == "note"
    first = next(r for r in run["results"] if r["ruleId"] == "CE601")
    assert driver["rules"][first["ruleIndex"]]["id"] == "CE601"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": BODY_PATH, "uriBaseId": "%SRCROOT%"}
    f = FINDINGS[0]
    assert location["region"] == {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                                  "endColumn": f.end_column}
    assert first["properties"]["fix"].startswith("close the quote")
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].startswith("skipped: ")


def test_sarif_rule_help_shows_a_page_rule_s_examples_whole():
    """helper-203: a page rule's examples are Markdown pages, fenced themselves; SARIF's help put them in a ```json
    fence, which their first fence line ended, so the rest of the help (**Good** too) was shown as code."""
    from markdown_it import MarkdownIt

    from validator.reporters.sarif import _rule
    from validator.rules import registry

    for code, rule in registry().items():
        tokens = MarkdownIt().parse(_rule(code, rule)["help"]["markdown"])
        blocks = [token.content.strip() for token in tokens if token.type == "fence"]
        shown = [example.strip().replace("\x00", "\ufffd") for example in (rule.bad, rule.good)]  # (as CommonMark)
        assert blocks == shown, code


def test_sarif_uris():
    odd = [Finding("CE601", "error", "x", "/elsewhere/a b.json", "", 1, 1, 1, 2),
           Finding("CE601", "error", "x", "/project/sub/c.json", "", 1, 1, 1, 2),
           Finding("CE601", "error", "x", "./dir with space/ü.json", "", 1, 1, 1, 2)]
    results = json.loads(render("sarif", findings=odd, files=()))["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]
    assert {"uri": "dir%20with%20space/%C3%BC.json", "uriBaseId": "%SRCROOT%"} in uris
    assert {"uri": "file:///elsewhere/a%20b.json"} in uris
    assert {"uri": "sub/c.json", "uriBaseId": "%SRCROOT%"} in uris


# -- junit -------------------------------------------------------------------------------------------------------
def test_junit_structure():
    tree = ET.fromstring(render("junit"))
    assert tree.tag == "testsuites"
    suites = tree.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [BODY_PATH, POLLER_PATH, "package.json"]
    # one failure per failing file, listing each failing finding: Jenkins reads a test case's first `<failure>` only
    # (helper-145: the second error of a file was not shown there)
    assert len(cases[0].findall("failure")) == 1 and len(cases[1].findall("failure")) == 1
    (failure,) = cases[0].findall("failure")
    assert failure.get("type") == "CE102 CE601" and failure.get("message").endswith(" (and 1 more)")
    assert "CE102 [error]" in failure.text and "CE601 [error]" in failure.text and failure.text.count("help: ") == 2
    assert cases[2].find("skipped") is not None
    assert suites[0].get("tests") == "3" and suites[0].get("failures") == "2" and suites[0].get("skipped") == "1"
    assert "&lt;required&gt; &amp; needed" in render("junit")
    assert "CE402 [warning]" in cases[1].find("system-out").text


def test_junit_passing_and_control_characters():
    f = Finding("CE402", "warning", "bad \x00 char", "a.json", "", 1, 1, 1, 2)
    tree = ET.fromstring(render("junit", findings=[f], files=[FileReport.from_text("a.json", "{}")]))
    case = tree.find("testsuite/testcase")
    assert case.find("failure") is None and "\ufffd" in case.find("system-out").text
    tree = ET.fromstring(render("junit", findings=[], files=[FileReport.from_text("a.json", "{}")]))
    assert tree.find("testsuite").get("failures") == "0"


# -- gitlab ------------------------------------------------------------------------------------------------------
def test_gitlab_code_quality():
    issues = json.loads(render("gitlab"))
    assert len(issues) == len(FINDINGS) - 1  # not the skip note
    assert {i["severity"] for i in issues} == {"major", "minor", "info"}
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert issues[0]["location"] == {"path": BODY_PATH, "lines": {"begin": 6, "end": 6}}


def test_gitlab_writes_an_unprintable_character_of_a_path_as_a_json_escape():
    """h196: a file named with a bidirectional override (`a<U+202E>b.json`) was written raw into the report, which
    reorders what a terminal shows of it; as a JSON escape it is the same path for GitLab, and shows as written."""
    f = Finding("CE402", "warning", "bad value", "a\u202eb.json", "", 1, 1, 1, 2)
    written = render("gitlab", findings=[f], files=[FileReport.from_text("a\u202eb.json", "{}")])
    assert "\u202e" not in written and written.isascii()
    assert json.loads(written)[0]["location"]["path"] == "a\u202eb.json"


# -- registry and colour -----------------------------------------------------------------------------------------
def test_get_reporter():
    for name in REPORTERS:
        assert callable(get_reporter(name).render)
    with pytest.raises(UnknownFormatError) as raised:
        get_reporter("xml")
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, KeyError)
    assert str(raised.value) == "unknown format 'xml': choose from " + ", ".join(REPORTERS)


def test_config_schema_lists_every_format():
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["format"]["enum"] == list(REPORTERS)


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_should_color():
    tty, pipe = _Stream(True), _Stream(False)
    assert should_color(tty, env={}) and not should_color(pipe, env={})
    assert not should_color(tty, env={"NO_COLOR": "1"})
    assert should_color(tty, env={"NO_COLOR": ""})  # empty means unset
    assert should_color(pipe, env={"FORCE_COLOR": "1"})
    assert not should_color(pipe, env={"FORCE_COLOR": ""})
    assert not should_color(tty, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})  # NO_COLOR wins
    assert not should_color(tty, env={"TERM": "dumb"})
    assert should_color(pipe, env={"NO_COLOR": "1"}, mode="always")
    assert not should_color(tty, env={"FORCE_COLOR": "1"}, mode="never")
    assert not should_color(None, env={})
    closed = _Stream(True)
    closed.isatty = lambda: (_ for _ in ()).throw(ValueError("closed"))  # type: ignore[method-assign]
    assert not should_color(closed, env={})
    with pytest.raises(ValueError):
        should_color(tty, env={}, mode="sometimes")


def test_split_lines():
    assert split_lines("a\r\nb\n\nc") == ("a", "b", "", "c")
    assert split_lines("a\u2028b") == ("a\u2028b",)  # not a line break in JSON


def test_reporter_imports_are_light():
    code = ("import sys, validator.reporters as r\n"
            "for name in r.REPORTERS: r.get_reporter(name)\n"
            "heavy = [m for m in ('jsonschema', 'pyparsing', 'pendulum', 'validator.engine', 'validator.rules') "
            "if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


# -- secrets -----------------------------------------------------------------------------------------------------
CANARY = "CANARY-7f3a9c"

SECRET_BODY = """{
  "element": {"key": "sageone"},
  "providerData": {"code": "CANARY-7f3a9c-code"},
  "configuration": {
    "oauth.api.key": "client-id",
    "oauth.api.secret": "CANARY-7f3a9c-1",
    "signature.secret":
        "CANARY-7f3a9c-2",
    "apim.subscription.key": "CANARY-7f3a9c-3",
    "event.notification.basic.password": "CANARY-7f3a9c-4",
    "oauth.user.refresh_token": "CANARY-7f3a9c-5", "oauth.user.token": "CANARY-7f3a9c-6",
    "hubspot.authorization.apikey": "CANARY-7f3a9c-7",
    "password": 12345678901,
    "custom.field": "CANARY-7f3a9c-engine",
    "event.poller.configuration": @POLLER@,
    "oauth.token.url": "https://example.com/token",
    "other.secret": "${SAGE_API_SECRET}"
  }
}""".replace("@POLLER@", json.dumps(json.dumps({"customers": {"url": "/hubs/x",
                                                              "signature.secret": "CANARY-7f3a9c-8"}})))


def _secret_findings(text: str, path: str) -> list[Finding]:
    """A finding on every line, whose message and fix quote the canary values (as a careless rule might)."""
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        out.append(Finding("CE701", "error", f"line says {line.strip()} and CANARY-7f3a9c-1 and 12345678901",
                           path, "/configuration", number, 1, number, max(len(line), 1) + 1,
                           help="not CANARY-7f3a9c-3 nor CANARY-7f3a9c-8 nor CANARY-7f3a9c-engine"))
    return out


def test_secret_keys():
    from validator.vocabulary.secrets import secret_kind

    for key in ("oauth.api.secret", "signature.secret", "apim.subscription.key", "event.notification.basic.password",
                "oauth.user.refresh_token", "hubspot.authorization.apikey", "sfdc.security.token", "password", "code",
                "crm.zohocrm.password", "oauth.user.token.secret", "Password", "private.key", "brighttalk.api.key",
                "apikey.authorization.api.key", "db.pwd", "oauth_verifier"):
        assert secret_kind(key) is not None, key
    for key in ("oauth.api.key", "sfdc.api.key", "oauth.token.url", "oauth.token.refresh_url",
                "apikey.user.password.keyname",
                "event.poller.configuration", "element", "key", "oauth.callback.url"):
        assert secret_kind(key) is None, key


def test_masked_text_hides_every_secret_value():
    from validator.masking import find_secrets
    from validator.source import load_source

    loaded = load_source(SECRET_BODY.replace('"custom.field"', '"custom.secret"'))
    masked = find_secrets(loaded).mask(loaded.text)
    assert CANARY not in masked and "12345678901" not in masked
    assert len(masked) == len(loaded.text) and masked.count("\n") == loaded.text.count("\n")
    assert '"oauth.api.secret": "***************",' in masked
    assert "${SAGE_API_SECRET}" in masked and "https://example.com/token" in masked


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_no_format_prints_a_secret(fmt):
    """Findings whose message and hint quote the canaries (as a careless rule might), scrubbed as the engine does."""
    from validator.masking import find_secrets
    from validator.source import load_source

    loaded = load_source(SECRET_BODY.replace('"custom.field"', '"custom.secret"'))
    secrets = find_secrets(loaded)
    findings = [secrets.scrub_finding(f) for f in _secret_findings(loaded.text, "secrets.json")]
    files = [FileReport.from_text("secrets.json", secrets.mask(loaded.text))]
    out = render(fmt, findings=findings, files=files)
    assert CANARY not in out and "12345678901" not in out
    if fmt == "text":
        assert "${SAGE_API_SECRET}" in out  # an environment reference is not a secret
        assert '"oauth.api.secret": "***************",' in out
        assert "https://example.com/token" in out


def test_no_format_prints_a_secret_from_the_real_check(tmp_path, capsys):
    """End to end: ``ce-validator check`` in every format on a body with a canary in every secret key."""
    from validator.cli import main

    body = tmp_path / "instance.json"
    body.write_text(SECRET_BODY.replace('"custom.field": "CANARY-7f3a9c-engine",\n', ""), encoding="utf-8")
    for fmt in REPORTERS:
        code = main(["check", "--no-cache", "--format", fmt, str(body)])
        out, err = capsys.readouterr()
        assert code in (0, 1), err
        assert out and CANARY not in out and CANARY not in err, fmt


def test_sarif_of_the_real_check_validates(sarif_validator, capsys):
    """The bundled example through ``ce-validator check --format sarif``, with the real rule registry."""
    from validator.cli import main

    example = ROOT / "examples" / "sageone-polling.json"
    assert main(["check", "--no-cache", "--format", "sarif", str(example)]) == 1
    log = json.loads(capsys.readouterr().out)
    _valid(sarif_validator, log)
    run = log["runs"][0]
    assert run["results"] and all(r["level"] in ("error", "warning", "note") for r in run["results"])
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_a_report_keeps_only_the_lines_its_findings_show():
    """A batch of thousands of files holds the excerpt lines, not every file's text."""
    report = FileReport.from_text("a.json", "one\ntwo\r\nthree\rfour", wanted={2, 4})
    assert report.lines == ("", "two", "", "four")
    assert FileReport.from_text("a.json", "one\ntwo").lines == ("one", "two")


def test_a_file_name_that_is_not_utf8_is_a_uri_of_its_bytes():
    """A user's trial: `\\xff\\xfe.json` became the SARIF uri `%5Cudcff%5Cudcfe.json` (the shown escape, encoded)."""
    from validator.reporters._common import relative_uri

    assert relative_uri("\\udcff\\udcfe.json", ".") == ("%FF%FE.json", True)
    assert relative_uri("a b/é.json", ".") == ("a%20b/%C3%A9.json", True)


def test_a_file_name_s_shown_escapes_are_its_characters_in_a_uri():
    """A review: a name holding a newline or U+202E became `%5Cx0a`/`%5Cu202e` (the display escape, encoded)."""
    from validator.reporters._common import relative_uri

    assert relative_uri("a\\x0ab.json", ".") == ("a%0Ab.json", True)
    assert relative_uri("r\\u202eb.json", ".") == ("r%E2%80%AEb.json", True)


@pytest.mark.skipif(os.sep != "/", reason="on Windows a file name cannot hold a backslash (it separates folders), "
                                          "so there is no such name to report")
def test_a_backslash_of_a_file_s_own_name_is_not_read_as_an_escape(tmp_path):
    """helper-161: a file `a\\x41b.json` (a backslash in its name) was `aAb.json` in GitHub's `file=`, SARIF, GitLab
    and JUnit: the shown name's `\\x41` was read back as the escape of `A`."""
    from clirun import run_cli

    name = "a\\x41b.json"
    (tmp_path / name).write_text('{"element": {"key": "hubspot"}, "configuration": {"event.notification.enabled": 1}}')
    concise = run_cli("check", "--no-cache", "--format", "concise", ".", cwd=tmp_path).out
    assert concise.startswith("a\\x5cx41b.json:1:"), concise  # (unambiguous: `\x41` would be a character)
    github = run_cli("check", "--no-cache", "--format", "github", ".", cwd=tmp_path).out
    assert f"file={name}," in github, github
    sarif = json.loads(run_cli("check", "--no-cache", "--format", "sarif", ".", cwd=tmp_path).out)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "a%5Cx41b.json"
    gitlab = json.loads(run_cli("check", "--no-cache", "--format", "gitlab", ".", cwd=tmp_path).out)
    assert gitlab[0]["location"]["path"] == name
    junit = ET.fromstring(run_cli("check", "--no-cache", "--format", "junit", ".", cwd=tmp_path).out)
    assert [case.get("file") for case in junit.iter("testcase")] == [name]


def test_every_invisible_format_character_is_printed_as_its_escape():
    """The printed text escaped the bidirectional marks and zero-width characters but let a soft hyphen, an Arabic
    letter mark and a Mongolian vowel separator through: each hid a character that is there (`pass\\u00adword` shown
    as the key the reader expects).  One list now, `characters.INVISIBLES`."""
    from validator.masking import printable
    from validator.vocabulary.characters import INVISIBLES

    for char in INVISIBLES:
        shown = printable(f"pass{char}word")
        assert char not in shown and shown.startswith("pass\\") and shown.endswith("word"), (hex(ord(char)), shown)
