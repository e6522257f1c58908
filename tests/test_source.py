"""validator.source: decoding, positions, escape maps, embedded JSON, syntax-error explanations."""

from __future__ import annotations

import json
import os
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.findings import Problem
from validator.source import MAX_DEPTH, RULES, Source, load_source
from validator.source.iterparse import _iterparse, _kind


def at(source: Source, offset: int) -> tuple[int, int]:
    return source.line_col(offset)


def only(source: Source) -> Problem:
    assert len(source.problems) == 1, source.problems
    return source.problems[0]


def pointers(value, prefix=""):
    """Every RFC 6901 pointer of ``value`` (with the value there)."""
    yield prefix, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from pointers(v, f"{prefix}/{k.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from pointers(v, f"{prefix}/{i}")


# --------------------------------------------------------------------------------------------
# positions


def test_values_on_one_line():
    text = '{"name": "API_Polling", "tags": ["Test", 2], "n": null}'
    s = load_source(text)
    assert s.problems == [] and s.value["tags"] == ["Test", 2]
    assert text[slice(*s.span("/name"))] == '"API_Polling"'
    assert text[slice(*s.span("/name", key=True))] == '"name"'
    assert text[slice(*s.span("/tags"))] == '["Test", 2]'
    assert text[slice(*s.span("/tags/1"))] == "2"
    assert text[slice(*s.span("/tags/1", key=True))] == "2"  # array elements have no key
    assert text[slice(*s.span("/n"))] == "null"
    assert s.span("") == (0, len(text))
    assert at(s, s.span("/tags/0")[0]) == (1, 34)


def test_values_across_lines_crlf_tabs():
    text = '{\r\n\t"element": {\r\n\t\t"key": "sageone"\r\n\t},\r\n\t"name":\r\n\t\t"x"\r\n}\r\n'
    s = load_source(text)
    assert at(s, s.span("/element/key", key=True)[0]) == (3, 3)  # a tab is one column
    assert at(s, s.span("/element/key")[0]) == (3, 10)
    assert at(s, s.span("/name")[0]) == (6, 3)
    assert at(s, s.span("/element")[1]) == (4, 3)
    # an offset at the \n of a \r\n belongs to the line it ends
    assert at(s, text.index("\r\n") + 1) == (1, 3)
    assert at(s, len(text)) == (8, 1)
    assert at(s, -5) == (1, 1) and at(s, 10**9) == (8, 1)


def test_null_document_is_valid():
    s = load_source(" null ")
    assert s.valid and s.value is None and s.problems == [] and s.has("") and s.span("") == (1, 5)
    assert not load_source("nul").valid


def test_lone_carriage_return_ends_a_line():
    s = load_source('{"a":\r1,\r"b": 2}')
    assert at(s, s.span("/b")[0]) == (3, 6)


def test_missing_pointer_gives_deepest_ancestor():
    text = '{"configuration": {"event.poller.configuration": {"contacts": {}}}}'
    s = load_source(text)
    base = "/configuration/event.poller.configuration"
    assert s.span(f"{base}/contacts/url") == s.span(f"{base}/contacts")
    assert s.span(f"{base}/contacts/url", key=True) == s.span(f"{base}/contacts", key=True)
    assert s.span("/configuration/x/y/z") == s.span("/configuration")
    assert s.span("/configuration/event.poller.configuration/contacts/0") == s.span(f"{base}/contacts")
    assert s.has(f"{base}/contacts") and not s.has(f"{base}/contacts/url") and not s.has("/nope")


def test_pointer_escapes_and_array_indexes():
    text = '{"a/b": {"m~n": [10, 20, {"": 5}]}}'
    s = load_source(text)
    assert text[slice(*s.span("/a~1b/m~0n/1"))] == "20"
    assert text[slice(*s.span("/a~1b/m~0n/2/"))] == "5"
    assert s.has("/a~1b/m~0n/2/")
    for bad in ("/a~1b/m~0n/01", "/a~1b/m~0n/-", "/a~1b/m~0n/3", "/a~1b/m~0n/x"):
        assert not s.has(bad)
        assert text[slice(*s.span(bad))] == "[10, 20, {\"\": 5}]"
    with pytest.raises(ValueError):
        s.span("a")
    with pytest.raises(ValueError):
        s.span("/a~2")


def test_duplicate_key_span_follows_last_value():
    text = '{"a": 1, "a": 22}'
    s = load_source(text)
    assert s.value == {"a": 22}
    assert text[slice(*s.span("/a"))] == "22"


def test_escaped_key_lookup():
    text = '{"caf\\u00e9": {"x\\"y": 1}}'
    s = load_source(text)
    assert text[slice(*s.span('/café/x"y'))] == "1"
    assert text[slice(*s.span('/café/x"y', key=True))] == '"x\\"y"'


def test_string_span_through_escapes():
    url = r"/hubs/crm/contacts?where=name=\"a\\b\" and updated>\u0027${gmtDate:yyy}\u0027"
    text = '{\n  "contacts": {\n    "url": "' + url + '"\n  }\n}'
    s = load_source(text)
    decoded = s.value["contacts"]["url"]
    start = decoded.index("${gmtDate:yyy}")
    a, b = s.string_span("/contacts/url", start, start + len("${gmtDate:yyy}"))
    assert text[a:b] == "${gmtDate:yyy}"
    assert at(s, a) == (3, 13 + url.index("${gmtDate"))
    # a decoded character written as an escape spans the whole escape
    q = decoded.index("'")
    a, b = s.string_span("/contacts/url", q, q + 1)
    assert text[a:b] == "\\u0027"
    a, b = s.string_span("/contacts/url", 0, len(decoded))
    assert text[a:b] == url
    # clamped, and a non-string falls back to span()
    assert s.string_span("/contacts/url", -3, 10**6) == (a, b)
    assert s.string_span("/contacts", 0, 1) == s.span("/contacts")
    assert s.string_span("/missing", 0, 1) == s.span("")


def test_string_span_surrogate_pairs():
    text = '{"s": "a\\ud83d\\ude00b\\ud800c😀d"}'
    s = load_source(text)
    assert s.value["s"] == "a😀b\ud800c😀d"
    pieces = [text[slice(*s.string_span("/s", i, i + 1))] for i in range(len(s.value["s"]))]
    assert pieces == ["a", "\\ud83d\\ude00", "b", "\\ud800", "c", "😀", "d"]


POLLER = {"contacts": {"url": "/hubs/crm/contacts?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'",
                       "idField": "id"}}


def test_embedded_poller_configuration():
    body = {"element": {"key": "sageone"},
            "configuration": {"event.poller.configuration": json.dumps(POLLER, indent=2)}}
    text = json.dumps(body, indent=2)
    s = load_source(text)
    inner = s.embedded("/configuration/event.poller.configuration")
    assert inner.value == POLLER and inner.problems == []
    assert inner.text == body["configuration"]["event.poller.configuration"]
    assert inner.root is s and inner.line_col(0) == s.line_col(0)
    url = POLLER["contacts"]["url"]
    start = url.index("${gmtDate")
    a, b = inner.string_span("/contacts/url", start, start + 9)
    assert text[a:b] == "${gmtDate"
    assert at(s, a)[0] == 6  # the file's line: the stringified configuration sits on one line
    a, b = inner.span("/contacts/url")
    assert json.loads(json.loads('"' + text[a:b] + '"')) == url
    a, b = inner.span("/contacts/idField", key=True)
    assert text[a:b] == '\\"idField\\"'
    assert s.embedded("/configuration/event.poller.configuration") is inner  # cached


def test_embedded_twice():
    level2 = json.dumps({"deep": {"url": "/x?y='${date:yyyy}'"}})
    level1 = json.dumps({"inner": level2})
    text = json.dumps({"outer": level1}, indent=1)
    s = load_source(text)
    two = s.embedded("/outer").embedded("/inner")
    assert two.value == {"deep": {"url": "/x?y='${date:yyyy}'"}}
    url = two.value["deep"]["url"]
    start = url.index("${")
    a, b = two.string_span("/deep/url", start, start + 2)
    assert text[a:b] == "${"
    a, b = two.string_span("/deep/url", url.index("'"), url.index("'") + 1)
    assert text[a:b] == "'"
    a, b = two.span("/deep/url", key=True)
    assert text[a:b] == '\\\\\\"url\\\\\\"'


def test_embedded_object_is_a_view():
    text = '{"configuration": {"event.poller.configuration": {"contacts": {"url": "/a\\u0027"}}}}'
    s = load_source(text)
    view = s.embedded("/configuration/event.poller.configuration")
    assert view.value == {"contacts": {"url": "/a'"}}
    assert view.span("/contacts/url") == s.span("/configuration/event.poller.configuration/contacts/url")
    assert view.string_span("/contacts/url", 2, 3) == (text.index("\\u0027"), text.index("\\u0027") + 6)
    with pytest.raises(KeyError):
        s.embedded("/configuration/missing")


def test_embedded_invalid_json_points_into_the_file():
    stringified = '{\n  "contacts": {\n    "url": "/hubs/x",\n  }\n}'
    text = '{\n  "configuration": {\n    "event.poller.configuration": ' + json.dumps(stringified) + "\n  }\n}"
    s = load_source(text)
    assert s.problems == []
    inner = s.embedded("/configuration/event.poller.configuration")
    assert inner.value is None
    p = only(inner)
    assert p.rule == "CE002" and text[p.start:p.end] == ","
    assert at(s, p.start)[0] == 3
    # spans of an invalid embedded document are the whole string literal
    assert inner.span("/contacts") == s.span("/configuration/event.poller.configuration")


def test_embedded_duplicate_mentions_the_file_line():
    stringified = '{"a": 1, "a": 2}'
    text = '{\n\n"p": ' + json.dumps(stringified) + "}"
    s = load_source(text)
    p = only(s.embedded("/p"))
    assert p.rule == "CE011" and text[p.start:p.end] == '\\"a\\"'
    assert "line 3, column 8" in p.message


def test_embedded_empty_string():
    text = '{"p": ""}'
    p = only(load_source(text).embedded("/p"))
    assert p.rule == "CE010" and (p.start, p.end) == (6, 8)


# --------------------------------------------------------------------------------------------
# syntax errors: rule, line, column, and a word of the message

SYNTAX = [
    ('{"a": 1,}', "CE002", 1, 8, "trailing comma before `}`"),
    ('{\n  "tags": ["a",\n  ]\n}', "CE002", 2, 15, "trailing comma before `]`"),
    ('{"a": 1 // note\n}', "CE003", 1, 9, "`//` comment"),
    ('{\n  /* c */ "a": 1}', "CE003", 2, 3, "`/* */` comment"),
    ('{"a": 1}\n# end', "CE003", 2, 1, "`#` comment"),
    ('{“idField”: "id"}', "CE004", 1, 2, "typographic quote"),
    ('{"idField": ”id”}', "CE004", 1, 13, "typographic quote"),
    ('{"idField”: "id"}', "CE004", 1, 10, "typographic quote"),
    ("{'name': 'x'}", "CE005", 1, 2, "single quotes"),
    ('{"name": \'x\'}', "CE005", 1, 10, "single quotes"),
    ('{name: "x"}', "CE006", 1, 2, "must be in double quotes"),
    ('{"key": element}', "CE006", 1, 9, "bare word `element`"),
    # helper-203: a YAML body saved as .json was "bare word `element` is not a JSON value (a variable from code?)"
    ("element:\n  key: sageone\n", "CE006", 1, 1, "`element:` at the top of the file is YAML, not JSON"),
    ("element: {key: sageone}", "CE006", 1, 1, "is YAML, not JSON"),
    # helper-203's list: a YAML document's opening line was "`-` must be followed by a digit"
    ("---\nelement:\n  key: sageone\n", "CE001", 1, 1, "`---` opens a YAML document: the file is YAML, not JSON"),
    ("--- # instance\nelement: x\n", "CE001", 1, 1, "is YAML, not JSON"),
    ("--5", "CE001", 1, 1, "`-` must be followed by a digit"),
    # helper-210: a YAML body whose first line is its own comment was only "JSON does not allow comments (`#`
    # comment)": the comment removed, the next run said the file is YAML
    ("# Sage One instance\nelement:\n  key: sageone\n", "CE006", 2, 1, "`element:` at the top of the file is YAML"),
    ("# a\n\n  # b\r\n---\nelement: x\n", "CE001", 4, 1, "`---` opens a YAML document"),
    ('# a\n{"element": {"key": "x"}}', "CE003", 1, 1, "JSON does not allow comments (`#` comment)"),
    ('{"a": 1} # b\nelement: x\n', "CE003", 1, 10, "JSON does not allow comments (`#` comment)"),
    ('{"id": {{page.elementId}}}', "CE006", 1, 8, "placeholder `{{page.elementId}}`"),
    ('{"id": <ELEMENT_ID>}', "CE006", 1, 8, "placeholder `<ELEMENT_ID>`"),
    ('{"a": True}', "CE006", 1, 7, "`True` is Python"),
    ('{"a": "b"\n  "c": 1}', "CE001", 1, 10, "missing `,` between members"),
    ('[1 2]', "CE001", 1, 3, "missing `,` between elements"),
    ('{"a" 1}', "CE001", 1, 5, "missing `:`"),
    ('{"a" = 1}', "CE001", 1, 6, "`=`"),
    # a fresh trial (helper-209): a name's closing quote left out before its `:` was "unexpected `Z` right after
    # "password: ": a `"` inside a property name must be escaped", quoting the value's (a secret's) first letter
    ('{"password: "Zq8vN3kLw2Xp9Rt4", "b": 1}', "CE001", 1, 11, "property name `password` is not closed before"),
    ('{"site :  "acme"}', "CE001", 1, 8, "property name `site` is not closed before its `:`"),
    ('{"a:b"c": 1}', "CE001", 1, 6, "a `\"` inside a property name must be escaped"),
    ('{"a": "x\n}', "CE007", 1, 7, "not closed on its line"),
    ('{"a": "x\ty"}', "CE007", 1, 9, "raw tab"),
    ('{"a": "x\x01"}', "CE007", 1, 9, "U+0001"),
    ('{"a": "xyz', "CE007", 1, 7, "never closed"),
    ('{"where": "name=\'\\\'\'x\'\\\'\'"}', "CE008", 1, 17, "the shell's `'\\''`"),
    ('{"a": "it\\\'s"}', "CE008", 1, 10, "`\\'` is not a JSON escape"),
    ('{"re": "\\d+"}', "CE008", 1, 9, "`\\d` is not a JSON escape"),
    # a fresh-mistakes trial (helper-81): a date pattern's letter written after a backslash, not quoted
    ('{"updatedDateFormat": "yyyy-MM-dd\\THH:mm"}', "CE008", 1, 34, "a date pattern writes a literal letter"),
    ('{"url": "/x?a=\'${gmtDate:yyyy-MM-dd\\THH}\'"}', "CE008", 1, 36, "a date pattern writes a literal letter"),
    ('{"a": "\\u12G4"}', "CE008", 1, 8, "four hexadecimal digits"),
    ('{"a": NaN}', "CE009", 1, 7, "`NaN`"),
    ('[1, -Infinity]', "CE009", 1, 5, "`-Infinity`"),
    ('{"a": Infinity}', "CE009", 1, 7, "`Infinity`"),
    ('{"a": 1}}', "CE001", 1, 9, "unmatched `}`"),
    ('{"a": 1} {"b": 2}', "CE001", 1, 10, "a second JSON value"),
    ('"name": "x", "tags": []', "CE001", 1, 7, "enclosing `{ }`"),
    ("", "CE010", 1, 1, "the file is empty"),
    (" \n\t\n", "CE010", 1, 1, "only whitespace"),
    ('{"a": [1, 2}', "CE001", 1, 12, "does not close the array"),
    ('{"a": {"b": 1', "CE001", 1, 14, "object opened at line 1, column 7 is never closed"),
    ('{"a": 01}', "CE001", 1, 7, "leading zeros"),
    # a fresh-mistakes trial (helper-117): `0x64` was "missing `,`", whose advice wrote `0,x64`
    ('{"pageSize": 0x64}', "CE001", 1, 14, "`0x64` is a hexadecimal number"),
    ('[0b101, 0o17]', "CE001", 1, 2, "`0b101` is a binary number"),
    ('{"a": 10x5}', "CE001", 1, 9, "missing `,`"),  # (not `0x5`: helper-123)
    ('{"a": +1}', "CE001", 1, 7, "cannot start with `+`"),
    ('{"a": .5}', "CE001", 1, 7, "digit before `.`"),
    ('{"a": 1.}', "CE001", 1, 8, "cannot end with `.`"),
    ('{"a": ,}', "CE001", 1, 7, "missing value after `:`"),
    ('[1,,2]', "CE001", 1, 4, "between two commas"),
    ('{"a": 1,, "b": 2}', "CE001", 1, 9, "two commas"),
    ('{"a": 1; "b": 2}', "CE001", 1, 8, "`;` instead of `,`"),
    ('{ \\\n  "a": 1}', "CE001", 1, 3, "shell line continuation"),
    ('{\\"a\\": 1}', "CE001", 1, 2, "still escaped as a string"),
    ('{"d": "<a href="http://x">"}', "CE001", 1, 16, "must be escaped as `\\\"`"),
    ('{"a", "b"}', "CE001", 1, 5, "has no value"),
    ('{"a": 1]', "CE001", 1, 8, "does not close the object"),
    ('{"a": \u00e2\u0080\u009cx\u00e2\u0080\u009d}', "CE004", 1, 7, "garbled typographic quote"),
    ("{\n{% include_relative x.md %},\n}", "CE006", 2, 1, "placeholder `{% include_relative x.md %}`"),
    ('{\\n  "a": 1}', "CE001", 1, 2, "`\\n` outside a string"),
    ('{"a": "x".\n}', "CE001", 1, 10, "expected `,` or `}` after the value"),
    ('{"parameters": [\n  },\n "b": 1}', "CE001", 2, 3, "does not close the array opened at line 1, column 16"),
    ('{"a": "b"\'}', "CE001", 1, 10, "stray `'`"),
    ('{"d": "He said “hi”"\n "b": 1}', "CE001", 1, 21, "missing `,`"),
]


def test_a_date_patterns_backslashed_letter_is_quoted_by_the_fix():
    p = only(load_source('{"updatedDateFormat": "yyyy-MM-dd\\THH:mm"}'))
    assert p.help == "write `'T'`" and p.fix is not None and p.fix.edits[0].replacement == "'T'"
    assert only(load_source('{"path": "C:\\Temp"}')).help == "double the backslash to keep it literally: `\\\\T`"


@pytest.mark.parametrize(("text", "rule", "line", "column", "words"), SYNTAX, ids=[t for t, *_ in SYNTAX])
def test_syntax_errors(text, rule, line, column, words):
    s = load_source(text)
    p = only(s)
    assert s.value is None and not s.valid
    assert (p.rule, at(s, p.start), p.severity) == (rule, (line, column), "error"), p
    assert words in p.message, p.message
    assert p.help
    assert 0 <= p.start <= p.end <= len(s.text)


def test_valid_escapes_are_not_errors():
    s = load_source('{"path": "C:\\temp", "s": "\\/\\b\\f\\n\\r\\t\\"\\\\\\u00e9"}')
    assert s.problems == [] and s.value == {"path": "C:\temp", "s": "/\b\f\n\r\t\"\\é"}


def test_missing_comma_at_end_of_line_names_the_line():
    text = '{\n  "a": "<POLLER_REFRESH_INTERVAL>"\n  "event.poller.urls": "x"\n}'
    p = only(load_source(text))
    assert "at the end of line 2" in p.message
    assert p.start == p.end == text.index('"\n') + 1


def test_raw_newline_spans_the_open_string():
    text = '{\n    "org": "kfNxxxx\n    "secret": "N"\n}'
    p = only(load_source(text))
    assert text[p.start:p.end] == '"kfNxxxx' and "line 2, column 12" in p.message


def test_only_the_first_syntax_error():
    p = only(load_source('{"a": 1,, "b": NaN, // x\n}'))
    assert "two commas" in p.message


def test_nonfinite_inside_strings_is_fine_and_first_bare_one_reported():
    text = '{"s": "NaN Infinity", "x": [1, Infinity]}'
    p = only(load_source(text))
    assert p.rule == "CE009" and text[p.start:p.end] == "Infinity" and p.start == text.rindex("Infinity")


def test_kind_of_python_313_messages():
    assert _kind("Illegal trailing comma before end of object") == "trailing"
    s = Source('{"a": 1,}')
    from validator.source.diagnose import _diagnose

    p = _diagnose(s, "trailing", 7)
    assert p.rule == "CE002" and (p.start, p.end) == (7, 8)


# --------------------------------------------------------------------------------------------
# duplicates


def test_duplicate_keys_point_at_the_later_key():
    text = '{\n  "name": "a",\n  "tags": [],\n  "name": "b",\n  "x": {"k": 1, "k": 2, "k": 3}\n}'
    s = load_source(text)
    assert s.value == {"name": "b", "tags": [], "x": {"k": 3}}
    rules = [(p.rule, at(s, p.start), text[p.start:p.end], p.severity) for p in s.problems]
    assert rules == [("CE011", (4, 3), '"name"', "error"), ("CE011", (5, 17), '"k"', "error"),
                     ("CE011", (5, 25), '"k"', "error")]
    assert "already set at line 2, column 3" in s.problems[0].message
    assert "line 5, column 9" in s.problems[2].message


def test_duplicates_found_by_the_iterative_parser_too():
    s = load_source('{"n": %s, "n": 1}' % ("7" * 5000))  # over int_max_str_digits: iterative parser
    assert s.value == {"n": 1} and only(s).rule == "CE011" and only(s).start == 5008
    text = "[" * 990 + '{"a": 1, "a": 2}' + "]" * 990  # deeper than the C parser goes under pytest
    s = load_source(text)
    assert s.valid and only(s).rule == "CE011" and text[only(s).start:only(s).end] == '"a"'


def test_duplicates_inside_arrays_and_escaped_keys():
    text = '[{"a": 1}, {"\\u0061": 1, "a": 2}]'
    s = load_source(text)
    p = only(s)
    assert p.rule == "CE011" and text[p.start:p.end] == '"a"'


# --------------------------------------------------------------------------------------------
# encodings and hostile input


def test_utf8_bom_is_accepted_with_an_info():
    s = load_source(b'\xef\xbb\xbf{"a": 1}')
    assert s.value == {"a": 1} and s.text == '{"a": 1}'
    p = only(s)
    assert (p.rule, p.severity, p.start, p.end) == ("CE014", "info", 0, 0)
    assert s.span("/a") == (6, 7) and at(s, 6) == (1, 7)
    s = load_source('\ufeff{"a": 1}')
    assert s.value == {"a": 1} and only(s).rule == "CE014"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_decoded_with_a_warning(codec):
    text = '{\n  "name": "café 😀"\n}'
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        with_bom = "\ufeff".encode(codec) + data
        for blob in (with_bom, data):  # with a byte order mark, and recognised without one
            s = load_source(blob)
            assert s.value == {"name": "café 😀"} and s.text == text
            assert [(p.rule, p.severity) for p in s.problems] == [("CE015", "warning")]
            assert codec[:6].upper() in s.problems[0].message
    else:
        s = load_source(data)
        assert s.value == {"name": "café 😀"} and s.problems[0].rule == "CE015"
    assert at(s, s.span("/name")[0]) == (2, 11)


def test_invalid_utf8_error_at_the_byte():
    data = '{\n  "name": "caf'.encode() + b"\xe9" + b'"\n}'
    s = load_source(data)
    p = only(s)
    assert (p.rule, p.severity, at(s, p.start)) == ("CE012", "error", (2, 15))
    assert "0xE9" in p.message and "byte offset 16" in p.message
    assert s.value == {"name": "caf\ufffd"}  # the rest of the file is still checked


def test_binary_file():
    s = load_source(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    p = only(s)
    assert (p.rule, s.value) == ("CE013", None) and "not a text file" in p.message
    assert at(s, p.start) == (3, 1)
    assert only(load_source('{"a": "\x00"}')).rule == "CE013"


def test_deep_nesting_is_an_error_not_a_crash():
    depth = 100_000
    for text in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth, "[" * depth):
        s = load_source(text)
        p = only(s)
        assert s.value is None and p.rule == "CE018" and p.start == MAX_DEPTH * (1 if text[0] == "[" else 5)
        assert s.span("/0/0") == (0, len(text))


def test_nesting_below_the_limit_works_without_recursion():
    depth = MAX_DEPTH - 1
    text = "[" * depth + "7" + "]" * depth
    s = load_source(text)
    assert s.problems == []
    pointer = "/0" * (depth - 1) + "/0"
    assert s.has(pointer) and text[slice(*s.span(pointer))] == "7"
    assert only(load_source("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))).rule == "CE018"


def test_depth_is_checked_when_the_recursion_limit_is_raised():
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)
    try:
        s = load_source("[" * 1500 + "]" * 1500)
    finally:
        sys.setrecursionlimit(limit)
    assert only(s).rule == "CE018" and only(s).start == MAX_DEPTH


def test_huge_numbers():
    n400 = "9" * 400
    s = load_source('{"n": %s, "f": 1e400}' % n400)
    assert s.value["n"] == int(n400) and s.value["f"] == float("inf") and s.problems == []
    big = "-" + "12345" * 2000  # 10,000 digits: over Python's int_max_str_digits
    s = load_source('{"n": %s, "m": [1, 2]}' % big)
    assert s.problems == [] and s.value["m"] == [1, 2]
    assert s.value["n"] < 0 and len(str(abs(s.value["n"]) % 10**20)) == 20
    assert s.value["n"] % 100000 == (-int("12345" * 2) % 100000)
    s = load_source("[%s]" % ("1" * 100_001))
    assert s.value == [float("inf")] and only(s).rule == "CE017" and only(s).severity == "warning"


def test_large_string_and_large_file_are_fast():
    chunk = 'a\\"b\\u0027c\\\\d'  # 7 decoded characters, 3 of them written as escapes
    text = '{"s": "' + chunk * 100_000 + "x" * 600_000 + '"}'
    start = time.perf_counter()
    s = load_source(text)
    value = s.value["s"]
    a, b = s.string_span("/s", len(value) - 5, len(value))
    assert text[a:b] == "xxxxx"
    a, b = s.string_span("/s", 7 * 50_000 + 1, 7 * 50_000 + 2)
    assert text[a:b] == '\\"'
    assert time.perf_counter() - start < 60  # a hang guard, not a timing: about 0.2 s; quadratic, hours
    body = {"configuration": {f"r{i}": {"url": f"/hubs/x/{i}?where=a='${{date:yyyy}}'", "idField": "id"}
                              for i in range(40_000)}}
    text = json.dumps(body, indent=2)  # ~5 MB
    start = time.perf_counter()
    s = load_source(text.encode())
    assert s.problems == []
    a, b = s.span("/configuration/r39999/idField")
    assert text[a:b] == '"id"' and at(s, a)[0] == text[:a].count("\n") + 1
    assert time.perf_counter() - start < 120  # (a hang guard: about 1 s)


@pytest.mark.slow
def test_fifty_megabytes():
    entry = {"url": "/hubs/crm/contacts?where=updated>='${gmtDate:yyyy-MM-dd}'", "idField": "id",
             "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd"}}
    text = json.dumps({"c": {f"r{i}": entry for i in range(250_000)}}, indent=2)
    assert len(text) > 50_000_000
    start = time.perf_counter()
    s = load_source(text.encode())
    assert s.text[slice(*s.span("/c/r249999/idField"))] == '"id"'
    assert time.perf_counter() - start < 30
    start = time.perf_counter()
    s = load_source(text[:-2] + ",}")
    assert only(s).rule == "CE002"
    assert time.perf_counter() - start < 30


def test_never_raises_on_odd_input():
    for data in (b"", b"\xff", b"\xfe", b"\xff\xfe\x00", b"\x00\x00\xfe\xff\x00", b"\xef\xbb\xbf",
                 b"\xef\xbb\xbf\xef\xbb\xbf{}", "\ud800", '"\\ud800"', "\x85", "\u2028{}", "{\"a\":\n",
                 '["\\', '"\\u', "-", "[-]", "1e", "tru", "[true", "{\"a\"", "{\"a\":", "\"\\u00", "[1,",
                 "/", "/*", "'", "“", "<", "{{", "${", "{%", "\\", ",", "]", "}"):
        s = load_source(data)
        assert s.valid == (s.value is not None) or data in ("null",)
        for p in s.problems:
            assert 0 <= p.start <= p.end <= len(s.text)
            assert "internal error" not in p.message
        s.line_col(0)
        s.span("")
    with pytest.raises(TypeError):
        load_source(12)  # type: ignore[arg-type]


def test_rules_table():
    codes = [r["code"] for r in RULES]
    assert codes == sorted(set(codes)) and all(c.startswith("CE0") for c in codes)
    for rule in RULES:
        assert rule["severity"] in ("error", "warning", "info") and rule["summary"] and rule["description"]
        if rule["bad"]:
            assert any(p.rule == rule["code"] for p in load_source(rule["bad"]).problems), rule["code"]
            assert not any(p.rule == rule["code"] for p in load_source(rule["good"]).problems), rule["code"]


def test_import_is_light():
    import subprocess

    code = "import sys, validator.source; print(sorted(m for m in sys.modules if m.startswith('validator')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = eval(out)  # noqa: S307 - our own subprocess's printed list
    assert {m for m in loaded if not m.startswith("validator.source")} == {
        "validator", "validator._version", "validator.findings", "validator.lazy_pattern", "validator.vocabulary",
        "validator.vocabulary.characters", "validator.vocabulary.placeholders"}


# --------------------------------------------------------------------------------------------
# properties

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=25,
)
layouts = st.fixed_dictionaries({
    "indent": st.sampled_from([None, 0, 1, 2, 4, "\t", " \r\n"[0:1]]),
    "separators": st.sampled_from([None, (",", ":"), (", ", ": "), (" ,\n", " :\t")]),
    "ensure_ascii": st.booleans(),
})
# CE_FUZZ_EXAMPLES=5000 for a longer run
EXAMPLES = int(os.environ.get("CE_FUZZ_EXAMPLES", "150"))
PROPS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(json_values, layouts)
def test_span_of_every_pointer_reparses_to_its_value(value, layout):
    text = json.dumps(value, **layout)
    s = load_source(text)
    assert s.problems == [] and s.value == value and s.valid
    for pointer, sub in pointers(value):
        assert s.has(pointer)
        a, b = s.span(pointer)
        assert json.loads(text[a:b]) == sub
        ka, kb = s.span(pointer, key=True)
        if pointer and (ka, kb) != (a, b):
            assert json.loads(text[ka:kb]) == pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")


@PROPS
@given(st.text(max_size=40), layouts, st.data())
def test_string_span_maps_back_to_the_same_characters(string, layout, data):
    text = json.dumps({"k": [string]}, **layout)
    s = load_source(text)
    start = data.draw(st.integers(0, len(string)))
    end = data.draw(st.integers(start, len(string)))
    a, b = s.string_span("/k/0", start, end)
    assert json.loads('"' + text[a:b] + '"') == string[start:end]


@PROPS
@given(json_values, layouts)
def test_embedded_spans_are_file_spans(value, layout):
    inner = json.dumps(value, **layout)
    text = json.dumps({"p": inner}, ensure_ascii=layout["ensure_ascii"])
    s = load_source(text)
    e = s.embedded("/p")
    assert e.value == value and e.problems == []
    for pointer, sub in pointers(value):
        a, b = e.span(pointer)
        assert json.loads(json.loads('"' + text[a:b] + '"')) == sub


@PROPS
@given(json_values, st.data())
def test_mutated_text_never_raises_and_agrees_with_json(value, data):
    text = json.dumps(value, indent=data.draw(st.sampled_from([None, 1])))
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from(["", ",", "}", "]", '"', "'", "\\", "\n", "//", "NaN", "“", "x", ":"]))
    drop = data.draw(st.integers(0, 2))
    mutated = text[:cut] + insert + text[cut + drop:]
    s = load_source(mutated)
    try:
        expected = json.loads(mutated, parse_constant=lambda c: 1 / 0)
        ok = True
    except (ValueError, ZeroDivisionError):
        ok = False
    assert s.valid == ok
    for p in s.problems:
        assert 0 <= p.start <= p.end <= len(mutated) and "internal error" not in p.message
    # the iterative parser finds the same value, or an error at the same place
    value2, problem = _iterparse(Source(mutated), mutated, dict)
    if ok:
        assert problem is None and value2 == expected
    else:
        assert problem is not None and s.value is None and not s.valid
        syntax = [p for p in s.problems if p.rule not in ("CE011",)]
        assert (problem.rule, problem.start) == (syntax[0].rule, syntax[0].start)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.binary(max_size=60))
def test_random_bytes_never_raise(data):
    s = load_source(data)
    for p in s.problems:
        assert 0 <= p.start <= p.end <= len(s.text) and "internal error" not in p.message
        s.line_col(p.start)


@PROPS
@given(st.lists(st.sampled_from(["a", "\t", " ", "\n", "\r\n", "\r", "é", "😀", '"']), max_size=40), st.data())
def test_line_col_matches_an_editor(pieces, data):
    text = "".join(pieces)
    offset = data.draw(st.integers(0, len(text)))
    line, column, i = 1, 1, 0  # walk like an editor's cursor: \n, \r\n and a lone \r end a line
    while i < offset:
        ch = text[i]
        crlf = ch == "\r" and text[i + 1:i + 2] == "\n"
        if crlf and i + 1 < offset:
            line, column, i = line + 1, 1, i + 2
        elif ch in "\r\n" and not crlf:
            line, column, i = line + 1, 1, i + 1
        else:  # any other character, a tab included, is one column (also the \r of a \r\n)
            column, i = column + 1, i + 1
    assert Source(text).line_col(offset) == (line, column)


# --------------------------------------------------------------------------------------------
# the corpus


def test_corpus(corpus):
    start = time.perf_counter()
    for record in corpus:
        s = load_source(record["text"], path=f"corpus:{record['id']}")
        assert s.valid == record["valid_json"], (record["id"], s.problems[:1])
        for p in s.problems:
            assert 0 <= p.start <= p.end <= len(s.text), (record["id"], p)
            assert "internal error" not in p.message
            s.line_col(p.start)
        if not s.valid:
            assert s.value is None and any(p.severity == "error" for p in s.problems), record["id"]
        elif isinstance(s.value, dict):
            for key in s.value:
                s.span("/" + key.replace("~", "~0").replace("/", "~1"), key=True)
            conf = s.value.get("configuration")
            if isinstance(conf, dict) and isinstance(conf.get("event.poller.configuration"), str):
                inner = s.embedded("/configuration/event.poller.configuration")
                for p in inner.problems:
                    assert 0 <= p.start <= p.end <= len(s.text)
    assert time.perf_counter() - start < 60  # (a hang guard, not a timing)


def test_the_end_of_a_stringified_document_is_the_end_of_its_string():
    """helper-110: a stringified poller cut short was "unexpected end of file", with help to restore the file's end."""
    from validator.engine import check

    text = ('{"element": {"key": "sfdc"}, "configuration": {"event.poller.configuration": '
            '"{\\"accounts\\":{\\"url\\":\\"/hubs/crm/accounts\\",\\"idField\\":\\"Id\\"}"}}')
    (finding,) = [f for f in check(text) if f.rule == "CE001"]
    assert "end of the JSON in this string" in finding.message and "file" not in finding.message
    assert "file" not in (finding.help or "")


@pytest.mark.parametrize(("body", "fixed"), [
    # Windows-1252's reading of “name”: “x” (0x9D has no character there: it stays the C1 control)
    ('{"a": 1, \u00e2\u20ac\u0153name\u00e2\u20ac\u009d: \u00e2\u20ac\u0153x\u00e2\u20ac\u009d}',
     '{"a": 1, "name": \u00e2\u20ac\u0153x\u00e2\u20ac\u009d}'),
    # Latin-1's reading; a garbled apostrophe (’) inside is the text's, not the closing quote
    ('{"a": \u00e2\u0080\u009cit\u00e2\u0080\u0099s\u00e2\u0080\u009d}', '{"a": "it\u00e2\u0080\u0099s"}'),
])
def test_a_garbled_quote_s_fix_replaces_the_one_closing_it_too(body, fixed):
    """helper-155: CE004's fix replaced the opening garbled quote alone, which left its string unclosed: the next round
    of `--fix` met CE007, not CE004, and stopped with the file still broken."""
    from validator.findings import Edit

    problem = next(p for p in load_source(body).problems if p.rule == "CE004")
    assert problem.fix is not None
    text = body
    for edit in sorted(problem.fix.edits, key=lambda e: e.start, reverse=True):
        assert isinstance(edit, Edit)
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    assert text == fixed


def test_garbled_quotes_are_fixed_to_valid_json(tmp_path, capsys):
    from validator.cli import main

    path = tmp_path / "g.json"
    path.write_text('{\n  "element": {"key": "sageone"},\n  \u00e2\u20ac\u0153name\u00e2\u20ac\u009d: '
                    '\u00e2\u20ac\u0153x\u00e2\u20ac\u009d\n}\n', encoding="utf-8")
    main(["check", "--no-cache", "--fix", str(path)])
    capsys.readouterr()
    assert json.loads(path.read_text(encoding="utf-8")) == {"element": {"key": "sageone"}, "name": "x"}


def test_a_string_with_many_findings_is_walked_to_once(monkeypatch):
    """A hostile URL (`where=a` and 50,000 `=`) has a finding at each sign: each was placed by walking the document
    from its root to the string again (helper-164: 17 s for 200 KB).  Counted: one walk for the pointer."""
    source = load_source('{"contacts": {"url": "/hubs/crm/contacts?where=a' + "=" * 1000 + '"}}')
    walks = []
    locate = Source._locate

    def counted(self, tokens):
        walks.append(tokens)
        return locate(self, tokens)

    monkeypatch.setattr(Source, "_locate", counted)
    opening = source.text.index('"/hubs')
    spans = [source.string_span("/contacts/url", at, at + 1) for at in range(26, 1026)]  # (each `=`)
    assert spans[0] == (opening + 27, opening + 28) and spans[-1] == (opening + 1026, opening + 1027)
    assert {source.text[start:end] for start, end in spans} == {"="}
    assert source.span("/contacts/url") == (opening, len(source.text) - 2)
    assert source.escape_for_file("/contacts/url", '"') == '\\"'
    assert len(walks) == 1


@pytest.mark.parametrize(("space", "named"), [("\u00a0", "a no-break space (U+00A0)"),
                                              ("\u202f", "a narrow no-break space (U+202F)"),
                                              ("\u200b", "a zero width space (U+200B)"),
                                              ("\u200e", "a left-to-right mark (U+200E)"),
                                              ("\u3000", "an ideographic space (U+3000)")])
def test_a_pasted_space_between_tokens_is_named_and_mended(space, named):
    """helper-201: indentation pasted from a web page (no-break spaces before a key) was 'expected a property name in
    double quotes, found U+00A0' with the help 'write the property name as `"name"`', and no fix."""
    from validator.fixes.apply import apply_fixes
    from validator.findings import Finding

    text = '{\n' + space * 2 + '"element": {"key": "sageone"},\n  "name":' + space + '"x"\n}\n'
    problem = only(load_source(text))
    assert (problem.rule, problem.start, problem.message.split(" between")[0]) == ("CE001", 2, named), problem
    assert problem.fix is not None and problem.help == "write it as a plain space"
    finding = Finding(problem.rule, "error", problem.message, None, "", 1, 1, 1, 1, problem.help, problem.fix)
    mended = apply_fixes(text, [finding])[0]
    assert mended.count(space) == 1 and mended.startswith('{\n' + ("" if space in "\u200b\u200e" else "  ") + '"element"')
