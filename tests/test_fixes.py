"""validator.fixes: applying edits, the fixed point, bytes in and out; a property test over the corpus."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from validator.findings import Edit, Finding, Fix
from validator.fix_runner import fix_file
from validator.fixes import (
    Encoded,
    UnfixableEncoding,
    apply_fixes,
    decode,
    encode,
    fix_text,
    unified_diff,
    write_atomic,
)
from validator.options import Options


def _finding(*edits: Edit, applicability: str = "safe") -> Finding:
    return Finding("CE002", "error", "m", None, "", 1, 1, 1, 2,
                   fix=Fix("f", tuple(edits), applicability))  # type: ignore[arg-type]


def _fix(data: bytes, *, unsafe: bool = False) -> bytes:
    outcome = fix_file(data, shown="x.json", kind="auto", options=Options(), keep=lambda found: found,
                       unsafe=unsafe)
    return data if outcome.data is None else outcome.data


# -- applying ------------------------------------------------------------------------------------------------

def test_conflicting_fixes_keep_the_first():
    text = "abcdef"
    first, second = _finding(Edit(1, 3, "X")), _finding(Edit(2, 4, "Y"))
    new, applied, refused = apply_fixes(text, [first, second])
    assert new == "aXdef" and applied == [first] and refused == []


def test_a_fix_is_all_or_nothing_and_insertions_at_one_point_conflict():
    both = _finding(Edit(0, 1, "A"), Edit(4, 5, "E"))
    blocked = _finding(Edit(3, 3, "+"), Edit(0, 1, "Z"))  # its second edit overlaps: its first is not applied
    new, applied, _ = apply_fixes("abcdef", [both, blocked])
    assert new == "AbcdEf" and applied == [both]
    new, applied, _ = apply_fixes("abcdef", [_finding(Edit(2, 2, "1")), _finding(Edit(2, 2, "2"))])
    assert new == "ab1cdef" and len(applied) == 1


def test_a_fix_touching_a_protected_span_is_refused():
    fix = _finding(Edit(2, 3, ""))
    new, applied, refused = apply_fixes("abcdef", [fix], protected=[(1, 4)])
    assert new == "abcdef" and applied == [] and refused == [fix]
    insert_inside = _finding(Edit(2, 2, "x"))
    assert apply_fixes("abcdef", [insert_inside], protected=[(1, 4)])[2] == [insert_inside]
    assert apply_fixes("abcdef", [_finding(Edit(4, 4, "x"))], protected=[(1, 4)])[0] == "abcdxef"


def test_a_fix_removing_a_protected_span_whole_is_applied():
    """helper-159: removing a secret whole rewrites no secret (a comment giving a password, CE003's fix)."""
    fix = _finding(Edit(0, 5, ""))
    assert apply_fixes("abcdef", [fix], protected=[(1, 4)]) == ("f", [fix], [])
    moved = _finding(Edit(0, 5, "abcd"))  # (not removed: rewritten)
    assert apply_fixes("abcdef", [moved], protected=[(1, 4)])[2] == [moved]


def test_a_comment_holding_a_password_is_removed_and_the_body_fixed():
    """helper-159: CE003's fix was dropped for a comment holding a secret, and a body read around its comment gives
    the rest no fix: --fix fixed one trailing comma and left the file failing, without a word why."""
    secret = "q8Zt3kWv9LmP2xRb"
    data = ('{\n  "contacts": {\n    "url": "/hubs/crm/contacts",\n    // the password is ' + secret +
            '\n    "idField": "id",\n    "pageSize": "100",\n  }\n}\n').encode()
    outcome = fix_file(data, shown="x.json", kind="auto", options=Options(), keep=lambda found: found, unsafe=False)
    assert outcome.data == b'{\n  "contacts": {\n    "url": "/hubs/crm/contacts",\n    "idField": "id",\n' \
        b'    "pageSize": 100\n  }\n}\n', outcome
    assert secret not in outcome.diff and "-    // the password is ****" in outcome.diff
    assert outcome.result is not None and not outcome.result.skipped_secret


def test_fix_text_runs_to_a_fixed_point_and_stops_on_a_cycle():
    def commas(text: str) -> list[Finding]:
        at = text.find(",")
        return [] if at < 0 else [_finding(Edit(at, at + 1, ""))]

    result = fix_text("a,b,c,d", commas)
    assert result.text == "abcd" and result.settled and result.rounds == 3 and len(result.applied) == 3

    def flip(text: str) -> list[Finding]:
        return [_finding(Edit(0, 1, "b" if text[0] == "a" else "a"))]

    cycle = fix_text("a", flip)
    assert not cycle.settled and cycle.text in ("a", "b")


def test_unsafe_fixes_only_on_request():
    def one(text: str) -> list[Finding]:
        return [] if text == "B" else [_finding(Edit(0, 1, "B"), applicability="unsafe")]

    assert fix_text("A", one).text == "A"
    assert fix_text("A", one, unsafe=True).text == "B"


def test_two_fixes_giving_one_object_the_same_key_are_applied_one_round_each():
    """helper-178: `--fix --unsafe-fixes` moved `configuration` out of `element` (CE106) and renamed `config` to
    `configuration` (CE101) in one round: two `configuration` keys (CE011), the platform keeping the moved one only,
    the body's settings lost.  Applied one at a time, as an editor's quick fixes are, the second is not offered."""
    body = ('{\n  "element": {"key": "sageone", "configuration": {"event.poller.refresh_interval": "15"}},\n'
            '  "config": {\n    "oauth.api.key": "${KEY}",\n    "event.notification.enabled": true\n  }\n}\n')
    fixed = _fix(body.encode(), unsafe=True).decode()
    pairs: list[list[tuple[str, object]]] = []
    json.loads(fixed, object_pairs_hook=lambda found: pairs.append(found) or dict(found))
    assert all(len({key for key, _ in found}) == len(found) for found in pairs), fixed
    assert json.loads(fixed)["configuration"] == {"event.poller.refresh_interval": "15"}
    assert json.loads(fixed)["config"]["oauth.api.key"] == "${KEY}"  # left for the user: the second is no fix now


# -- bytes ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b'{"a": 1}', b'\xef\xbb\xbf{"a": 1}\r\n', '{"a": "é"}'.encode("utf-16"), '{"a": 1}'.encode("utf-16-le"),
    '{"a": 1}'.encode("utf-32"),
])
def test_encodings_round_trip(data):
    from validator.source import load_source

    text = load_source(data).text
    assert encode(text, decode(data, text)) == data
    assert not text.startswith("\ufeff")


def test_invalid_utf8_is_not_rewritten():
    from validator.source import load_source

    data = b'{"a": "\xe9",}'
    with pytest.raises(UnfixableEncoding):
        decode(data, load_source(data).text)
    assert _fix(data) == data


def test_fixes_keep_bom_line_ends_and_a_missing_final_newline():
    data = b'\xef\xbb\xbf{\r\n  "contacts": {"url": "/x", "idField": "id",},\r\n}'
    assert _fix(data) == b'\xef\xbb\xbf{\r\n  "contacts": {"url": "/x", "idField": "id"}\r\n}'
    utf16 = '{\n  "contacts": {"url": "/x", "idField": "id",}\n}\n'.encode("utf-16")
    assert _fix(utf16) == '{\n  "contacts": {"url": "/x", "idField": "id"}\n}\n'.encode("utf-16")


def test_unified_diff_marks_a_missing_final_newline():
    diff = unified_diff("a.json", '{"a": 1,}', '{"a": 1}')
    assert diff.splitlines() == ["--- a.json", "+++ a.json", "@@ -1 +1 @@", '-{"a": 1,}',
                                 "\\ No newline at end of file", '+{"a": 1}', "\\ No newline at end of file"]
    assert unified_diff("a.json", "x\n", "x\n") == ""


def test_write_atomic_replaces_the_target_of_a_link(tmp_path):
    target = tmp_path / "real.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_encoded_is_plain_data():
    assert encode("x", Encoded(b"", "utf-8")) == b"x"


# -- string fixes re-escaped ----------------------------------------------------------------------------------

def test_a_fix_inside_a_stringified_poller_is_escaped_twice():
    inner = {"contacts": {"url": "/c?where=a='${gmtDate:YYYY-MM-dd}' and b='q\\\"'", "idField": "id",
                          "datesConfiguration": {"updatedDateField": "u", "updatedDateFormat": "yyyy-MM-dd",
                                                 "createdDateField": "c", "createdDateFormat": "yyyy-MM-dd"}}}
    body = {"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": json.dumps(inner)}}
    fixed = _fix(json.dumps(body, indent=2).encode())
    value = json.loads(json.loads(fixed)["configuration"]["event.poller.configuration"])
    inner["contacts"]["url"] = inner["contacts"]["url"].replace("YYYY", "yyyy")
    assert value == inner


def test_source_escape_for_file():
    from validator.source import load_source

    doc = load_source(json.dumps({"p": json.dumps({"u": "x"}), "s": "y"}))
    assert doc.escape_for_file("/s", 'a"\\') == 'a\\"\\\\'
    assert doc.embedded("/p").escape_for_file("/u", '"') == '\\\\\\"'
    with pytest.raises(KeyError):
        doc.escape_for_file("/missing", "x")


def test_an_edit_is_escaped_as_the_string_around_it_writes_its_characters():
    """helper-176: a fix wrote `\\"` into a stringified poller whose quotes .NET's System.Text.Json writes `\\u0022`
    (and `'` as `\\u0027`), and `/` into PHP's `\\/`: valid, but every other byte of the file keeps its writer's way."""
    from validator.source import load_source

    dotnet = '{"p": "{\\u0022u\\u0022: \\u0022a\\u0027b\\u0027\\u003E\\u0022}", "s": "x\\u0027y"}'
    doc = load_source(dotnet)
    assert doc.embedded("/p").escape_for_file("/u", "'\"") == "\\u0027\\\\\\u0022"
    assert doc.embedded("/p").edit(0, 0, '"k"').replacement == "\\u0022k\\u0022"
    assert doc.embedded("/p").escape_for_file("/u", "<&") == "\\u003C\\u0026"  # (its default encoder's, unseen)
    assert doc.escape_for_file("/s", "'>") == "\\u0027>"  # (`>` as it is: the string writes none escaped)
    php = load_source('{"u": "https:\\/\\/example.com\\/x", "p": "{\\"v\\": \\"\\\\/a\\"}"}')
    assert php.escape_for_file("/u", "/hubs/") == "\\/hubs\\/"
    assert php.embedded("/p").escape_for_file("/v", "/") == "\\\\/"  # (`\\/` inside: `/` after `\\\\`)
    plain = load_source('{"u": "it\'s \\"x\\" a/b"}')
    assert plain.escape_for_file("/u", "'\"/") == "'\\\"/"


# -- property: random corpus bodies with random fixable mistakes ---------------------------------------------

_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\],:]')


def _structure(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _inject(text: str, kind: str, pick: int) -> tuple[str, int] | None:
    """``text`` with one mistake of ``kind`` at the ``pick``-th possible place, and the line it is on."""
    tokens = _structure(text)
    if kind in ("trailing-comma", "line-comment", "block-comment", "secret-comment"):
        # after the last value of a non-empty object or array: `..., "x": 1,\n}`
        places = [t for i, t in enumerate(tokens[1:], 1) if t.group() in "}]" and tokens[i - 1].group() not in "{[,:"]
        places = [t for t in places if "\n" in text[_prev(tokens, t):t.start()]]
        if not places:
            return None
        closer = places[pick % len(places)]
        end = text.rfind("\n", 0, closer.start())
        end = end - 1 if text[end - 1:end] == "\r" else end
        insert = {"trailing-comma": ",", "line-comment": " // a note", "block-comment": " /* a note */",
                  "secret-comment": f" // the password is {_COMMENTED_SECRET}"}[kind]
        return text[:end] + insert + text[end:], text.count("\n", 0, end)
    if kind == "smart-key":
        keys = [t for i, t in enumerate(tokens[:-1]) if t.group().startswith('"') and tokens[i + 1].group() == ":"
                and "\\" not in t.group()]
        if not keys:
            return None
        key = keys[pick % len(keys)]
        return (text[:key.start()] + "“" + key.group()[1:-1] + "”" + text[key.end():],
                text.count("\n", 0, key.start()))
    if kind == "shell-quote":  # `'` pasted from `curl -d '...'` as the shell writes it: `'\''`
        places = [t.start() + i for t in tokens if t.group().startswith('"') for i, c in enumerate(t.group())
                  if c == "'" and t.group()[i - 1] != "\\"]
        if not places:
            return None
        at = places[pick % len(places)]
        return text[:at] + "'\\''" + text[at + 1:], text.count("\n", 0, at)
    if kind == "week-year":
        places = [m.start() for m in re.finditer(r"yyyy(?=-MM-dd)", text)]
        if not places:
            return None
        at = places[pick % len(places)]
        return text[:at] + "YYYY" + text[at + 4:], text.count("\n", 0, at)
    return None


def _prev(tokens: list[re.Match[str]], token: re.Match[str]) -> int:
    index = tokens.index(token)
    return tokens[index - 1].end()


_CLEAN: list[str] = []
_COMMENTED_SECRET = "Zq9xW4vK7mT2pL8r"


def _clean_bodies(corpus: list[dict]) -> list[str]:
    """Pretty-printed corpus bodies that are valid JSON and that --fix --unsafe-fixes leaves alone."""
    if not _CLEAN:
        for record in corpus:
            if not record["valid_json"] or len(record["text"]) > 6000 or "\n" not in record["text"]:
                continue
            data = record["text"].encode("utf-8")
            if _fix(data, unsafe=True) == data:
                _CLEAN.append(record["text"])
            if len(_CLEAN) >= 150:
                break
    return _CLEAN


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.data())
def test_fix_undoes_injected_mistakes(corpus, data):
    bodies = _clean_bodies(corpus)
    assume(bodies)
    clean = bodies[data.draw(st.integers(0, len(bodies) - 1), label="body")]
    kinds = data.draw(st.lists(st.sampled_from(["trailing-comma", "line-comment", "block-comment", "smart-key",
                                                "shell-quote", "week-year", "secret-comment"]), min_size=1,
                               max_size=4), label="mistakes")
    broken, lines = clean, set()
    for kind in kinds:
        injected = _inject(broken, kind, data.draw(st.integers(0, 1000), label="place"))
        if injected is not None:
            broken, line = injected
            lines.add(line)
    assume(broken != clean)
    fixed = _fix(broken.encode("utf-8"), unsafe=True).decode("utf-8")
    json.loads(fixed)  # valid JSON
    before, after = broken.split("\n"), fixed.split("\n")
    assert len(before) == len(after)  # no injected mistake takes or adds a line
    changed = {i for i, (a, b) in enumerate(zip(before, after)) if a != b}
    assert changed <= lines, (kinds, sorted(changed - lines))
    if "week-year" not in kinds or "yyyy-MM-dd" in fixed:
        assert fixed == clean or "week-year" in kinds
    assert _fix(fixed.encode("utf-8"), unsafe=True).decode("utf-8") == fixed  # a second run is a no-op


_DIFF_LINES = re.compile(r"[^\n]*\n|[^\n]+$")
_FILE_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # (as validator.fixes.files counts lines)


def _patch(text: str, diff: str) -> str:
    """``diff`` (a unified diff, as ``--diff`` prints it) applied to ``text`` as ``patch`` applies it."""
    source, out, at = _FILE_LINES.findall(text), [], 0
    lines = _DIFF_LINES.findall(diff)[2:]  # (after `---` and `+++`)
    k = 0
    while k < len(lines):
        hunk = re.match(r"@@ -(\d+)(?:,(\d+))? \+", lines[k])
        assert hunk is not None, lines[k]
        start = int(hunk[1]) + (hunk[2] == "0")  # (an empty range names the line before it)
        out += source[at:start - 1]
        at, k = start - 1, k + 1
        while k < len(lines) and not lines[k].startswith("@@"):
            line, k = lines[k], k + 1
            body = line[1:]
            if k < len(lines) and lines[k].startswith("\\ No newline"):
                body, k = body[:-1], k + 1
            if line[0] in " -":
                assert source[at] == body, (source[at], body)
                at += 1
            if line[0] in " +":
                out.append(body)
    return "".join(out + source[at:])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.data())
def test_the_diff_applied_to_the_file_is_what_fix_writes(corpus, data):
    """helper-159: what `--diff` prints, applied to the file (`patch`, `git apply`), gives the bytes `--fix` writes,
    with the file's byte order mark, line ends and missing final newline (a BOM's first line did not apply)."""
    bodies = _clean_bodies(corpus)
    assume(bodies)
    broken = bodies[data.draw(st.integers(0, len(bodies) - 1), label="body")]
    for kind in data.draw(st.lists(st.sampled_from(["trailing-comma", "block-comment", "smart-key", "shell-quote",
                                                    "week-year"]), min_size=1, max_size=3), label="mistakes"):
        injected = _inject(broken, kind, data.draw(st.integers(0, 1000), label="place"))
        broken = broken if injected is None else injected[0]
    if data.draw(st.booleans(), label="crlf"):
        broken = broken.replace("\n", "\r\n")
    if data.draw(st.booleans(), label="no final newline"):
        broken = broken.rstrip("\r\n")
    mark = "\ufeff" if data.draw(st.booleans(), label="bom") else ""
    outcome = fix_file((mark + broken).encode("utf-8"), shown="x.json", kind="auto", options=Options(),
                       keep=lambda found: found, unsafe=True)
    assume(outcome.data is not None and "****" not in outcome.diff)  # (a masked line applies to no file)
    assert outcome.data is not None
    assert _patch(mark + broken, outcome.diff).encode("utf-8") == outcome.data


# -- the real corpus: fixes never crash, never break a valid body, and settle ---------------------------------

def _check_corpus_fixes(records: list[dict]) -> dict[str, int]:
    from validator.source import load_source

    counts = {"files": 0, "fixes": 0, "became valid": 0}
    for record in records:
        data = record["text"].encode("utf-8")
        outcome = fix_file(data, shown="x.json", kind="auto", options=Options(), keep=lambda found: found,
                           unsafe=True)
        if outcome.data is None:
            continue
        assert outcome.result is not None and outcome.result.settled, record["id"]
        was_valid, now_valid = load_source(data).valid, load_source(outcome.data).valid
        assert now_valid or not was_valid, record["id"]
        assert _fix(outcome.data, unsafe=True) == outcome.data, record["id"]  # a second run is a no-op
        counts["files"] += 1
        counts["fixes"] += len(outcome.result.applied)
        counts["became valid"] += now_valid and not was_valid
    return counts


def test_corpus_sample_fixes_are_sound(corpus):
    counts = _check_corpus_fixes(corpus[::8])
    assert counts["files"] >= 5 and counts["became valid"] >= 3, counts


@pytest.mark.slow
def test_corpus_fixes_are_sound(corpus):
    counts = _check_corpus_fixes(corpus)
    assert counts["files"] >= 80 and counts["became valid"] >= 50, counts


def test_fixes_reach_the_language_server_as_quick_fixes():
    pytest.importorskip("pygls")
    from lsprotocol import types as lsp

    from validator.lsp.checking import check_text
    from validator.lsp.positions import LineIndex
    from validator.lsp.server import code_actions

    text = ('{"contacts": {"url": "/hubs/crm/contacts", "idField": "id", "datesConfiguration": {'
            '"updatedDateField": "u", "updatedDateFormat": "YYYY-MM-dd", "createdDateField": "c", '
            '"createdDateFormat": "yyyy-MM-dd"}}}')
    checked = check_text(text, None)
    everywhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, len(text)))
    (action,) = [a for a in code_actions("file:///x.json", checked, LineIndex(text), everywhere)
                 if a.title.startswith("CE407")]
    assert action.is_preferred  # a safe fix
    (edit,) = action.edit.changes["file:///x.json"]  # type: ignore[union-attr, index]
    assert edit.new_text == "yyyy" and edit.range.start.character == text.index("YYYY")


def test_a_typographic_key_under_a_grant_s_object_is_fixed():
    """A run of the injected-mistakes test found it (body 62, a trailing comma and a smart-quoted key): in a broken
    file, `"authentication": {“type”: "basic"}` masked the key `“type”` as the object's member, and its fix, which
    touched the masked span, was withheld."""
    broken = ('{\n  "element": {\n    "key": "bamboohr",\n    "authentication": {\n      \u201ctype\u201d: "basic",\n'
              '    },\n    "extended": false\n  },\n  "name": "x"\n}\n')
    fixed = _fix(broken.encode("utf-8"), unsafe=True).decode("utf-8")
    assert json.loads(fixed)["element"]["authentication"] == {"type": "basic"}, fixed


# -- property: planted mistakes, each in every container a poller is written in ---------------------------------
# (helper-176) A fix is one edit of the poller's text, whatever holds it: a bare file (CRLF, a BOM, tabs, no final
# newline), a body's `event.poller.configuration` as an object or as a string (`\"`, `\u0022` as .NET writes it, or
# every non-ASCII character escaped), a page's fenced block (in a list item, in a block quote), a bulk file or a
# Postman collection. So `--fix` of the planted mistake in any container writes the container of the clean poller.

_CLEAN_POLLER = {
    "contacts": {"url": "/hubs/crm/contacts?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and "
                        "name='Smith'", "idField": "id", "pageSize": 100, "pollDelay": 30,
                 "datesConfiguration": {"updatedDateField": "lastModifiedDate",
                                        "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX", "updatedDateTimezone": "GMT",
                                        "createdDateField": "createdDate",
                                        "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX", "createdDateTimezone": "GMT"}},
    "orders": {"url": "/hubs/ecommerce/orders?where=updated_at>='${gmtDate:yyyy-MM-dd HH:mm:ss}'", "idField": "id",
               "filterByUpdatedDate": True,
               "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd HH:mm:ss",
                                      "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd HH:mm:ss"}},
}

# (code, unsafe, what the clean poller's text writes, what the planted mistake writes); each fix restores the text
_PLANTED = [
    ("CE002", False, '"id",\n      "datesConfiguration"', '"id",\n      "datesConfiguration"'),  # (see below)
    ("CE003", False, '"pageSize": 100,', '"pageSize": 100, // a note'),
    ("CE004", False, '"idField": "id",\n    "pageSize"', '\u201cidField\u201d: "id",\n    "pageSize"'),
    ("CE006", False, '"filterByUpdatedDate": true', '"filterByUpdatedDate": True'),
    ("CE101", False, '"idField": "id",\n    "filterByUpdatedDate"', '"idField ": "id",\n    "filterByUpdatedDate"'),
    ("CE101", True, '"idField": "id",\n    "pageSize"', '"idFeild": "id",\n    "pageSize"'),
    ("CE102", False, '"pageSize": 100', '"pageSize": "100"'),
    ("CE310", True, '"pollDelay": 30', '"pollDelay": 30000'),
    ("CE406", True, '"updatedDateFormat": "yyyy-MM-dd HH', '"updatedDateFormat": "yyyy-MM-dd hh'),
    ("CE407", False, "${gmtDate:yyyy-MM-dd HH", "${gmtDate:YYYY-MM-dd HH"),
    ("CE418", False, "${gmtDate:yyyy-MM-dd HH", "${gmtDate:yyyy-MM-dd kk"),
    ("CE421", True, "\"updatedDateFormat\": \"yyyy-MM-dd'T'", "\"updatedDateFormat\": \"yyyy-MM-dd't'"),
    ("CE426", False, '"createdDateFormat": "yyyy-MM-dd HH', '"createdDateFormat": "yyyy\u2013MM-dd HH'),
    ("CE427", False, "\"createdDateFormat\": \"yyyy-MM-dd'T'", "\"createdDateFormat\": \"yyyy-MM-dd\\\\'T\\\\'"),
    ("CE428", True, '"createdDateFormat": "yyyy-MM-dd HH', '"createdDateFormat": "yyyy-dd-MM HH'),
    ("CE430", False, '"updatedDateFormat": "yyyy-MM-dd HH', '"updatedDateFormat": " yyyy-MM-dd HH'),
    ("CE601", False, "${gmtDate:yyyy-MM-dd'T'", "${GmtDate:yyyy-MM-dd'T'"),
    ("CE605", False, "${gmtDate:yyyy-MM-dd HH", "$ {gmtDate:yyyy-MM-dd HH"),
    ("CE610", False, "='${gmtDate:yyyy-MM-dd HH", "=\\\\'${gmtDate:yyyy-MM-dd HH"),
    ("CE612", False, "/orders?where", "/orders ?where"),
    ("CE620", False, "name='Smith'", "name='Smith"),
    ("CE625", False, '"/hubs/ecommerce/', '"/hub/ecommerce/'),
    ("CE631", True, "}' and name=", "}'&name="),
    ("CE632", False, '"/hubs/crm/', '"/elements/api-v2/hubs/crm/'),
    ("CE633", False, "${gmtDate:yyyy-MM-dd HH", "${gmtDate: yyyy-MM-dd HH"),
    ("CE635", False, "/orders?where=", "/orders?where "),
    ("CE641", True, "/hubs/crm/contacts", "/hubs/crm//contacts"),
]
_PLANTED[0] = ("CE002", False, '"createdDateTimezone": "GMT"\n', '"createdDateTimezone": "GMT",\n')


def _body(poller_literal: str, newline: str = "\n") -> str:
    return (f'{{\n  "element": {{"key": "hubspot"}},\n  "name": "x",\n  "configuration": {{\n'
            f'    "event.vendor.type": "polling",\n    "event.notification.enabled": "true",\n'
            f'    "event.notification.callback.url": "https://example.com/hook",\n'
            f'    "event.poller.configuration": {poller_literal}\n  }}\n}}\n').replace("\n", newline)


def _as_dotnet(text: str) -> str:
    """``text`` as a JSON string, its quotes written as System.Text.Json writes them (`\\u0022`)."""
    return '"' + json.dumps(text, ensure_ascii=False)[1:-1].replace('\\"', "\\u0022") + '"'


def _fenced(text: str, marks: str, intro: str) -> str:
    lines = ("```json\n" + text + "```\n").splitlines(keepends=True)
    return "# Poller\n\n" + intro + "".join(marks + line if line.strip() else marks.rstrip() + line
                                            for line in lines) + "\nAfter the block.\n"


_CONTAINERS = {
    "bare": (lambda t: t, "x.json"),
    "bare, CRLF, BOM, no final newline": (lambda t: "\ufeff" + t.replace("\n", "\r\n").rstrip("\r\n"), "x.json"),
    "bare, tabs": (lambda t: re.sub(r"(?m)^(?:  )+", lambda m: "\t" * (len(m.group()) // 2), t), "x.json"),
    "object in a body": (lambda t: _body(t.rstrip("\n").replace("\n", "\n    ")), "x.json"),
    "stringified": (lambda t: _body(json.dumps(t, ensure_ascii=False)), "x.json"),
    "stringified, ASCII": (lambda t: _body(json.dumps(t)), "x.json"),
    "stringified, \\u0022": (lambda t: _body(_as_dotnet(t)), "x.json"),
    "stringified, CRLF": (lambda t: _body(json.dumps(t, ensure_ascii=False), "\r\n"), "x.json"),
    "page": (lambda t: _fenced(t, "", "A poller:\n\n"), "x.md"),
    "page, list item": (lambda t: _fenced(t, "   ", "1. Write the poller:\n\n"), "x.md"),
    "page, block quote": (lambda t: _fenced(t, "> ", "> The poller:\n>\n"), "x.md"),
    "bulk": (lambda t: "[\n" + _body(json.dumps(t, ensure_ascii=False)).rstrip("\n") + ",\n"
             + _body('"{}"').rstrip("\n") + "\n]\n", "x.json"),
    "postman": (lambda t: json.dumps({"info": {"_postman_id": "x", "name": "c"}, "item": [
        {"name": "create", "request": {"method": "POST", "body": {
            "mode": "raw", "raw": _body(json.dumps(t, ensure_ascii=False))}}}]}, indent=2, ensure_ascii=False)
        + "\n", "x.json"),
}


def _rules_of(data: bytes, shown: str) -> set[str]:
    from validator.engine import check_source
    from validator.pages import check_page
    from validator.source import load_source

    found = (check_page(data, path=shown, options=Options()).findings if shown.endswith(".md")
             else check_source(load_source(data, path=shown), options=Options()))
    return {f.rule for f in found}


def test_every_planted_mistake_has_a_fix_in_the_catalog():
    from validator.fixes.catalog import FIXABLE

    for code, unsafe, clean, broken in _PLANTED:
        assert clean in json.dumps(_CLEAN_POLLER, indent=2), code
        assert FIXABLE[code][0] == "unsafe" or not unsafe, code


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted=st.lists(st.sampled_from(_PLANTED), min_size=1, max_size=2, unique_by=lambda p: p[2]),
       container=st.sampled_from(sorted(_CONTAINERS)))
@example(planted=[_PLANTED[2]], container="stringified, \\u0022")  # a typographic key's `"` written as .NET does
@example(planted=[_PLANTED[5]], container="stringified, \\u0022")  # a renamed key, its quotes too
@example(planted=[_PLANTED[0], _PLANTED[20]], container="page, block quote")
def test_a_planted_mistake_is_fixed_alike_in_every_container(planted, container):
    clean = json.dumps(_CLEAN_POLLER, indent=2) + "\n"
    broken = clean
    for _, _, right, wrong in planted:
        assume(right in broken)
        broken = broken.replace(right, wrong, 1)
    wrap, shown = _CONTAINERS[container]
    data = wrap(broken).encode("utf-8")
    codes = {code for code, *_ in planted}
    assume(codes <= _rules_of(data, shown))  # (a syntax error hides what lies beyond it: it is mended first)
    unsafe = any(p[1] for p in planted)
    if unsafe and len(planted) == 1:  # an unsafe fix waits for --unsafe-fixes
        safe = fix_file(data, shown=shown, kind="auto", options=Options(), keep=lambda found: found, unsafe=False)
        assert safe.data is None or codes <= _rules_of(safe.data, shown)
    outcome = fix_file(data, shown=shown, kind="auto", options=Options(), keep=lambda found: found, unsafe=unsafe)
    assert outcome.data is not None, outcome.reason
    assert outcome.data.decode("utf-8") == wrap(clean)  # the clean container: every other byte kept, JSON valid
    assert not codes & _rules_of(outcome.data, shown)
    assert fix_file(outcome.data, shown=shown, kind="auto", options=Options(), keep=lambda found: found,
                    unsafe=unsafe).data is None  # a second run is a no-op
    if "****" not in outcome.diff:
        assert _patch(data.decode("utf-8"), outcome.diff).encode("utf-8") == outcome.data  # --diff shows the write


@pytest.mark.parametrize("indent", ["  ", "\t"])
def test_a_key_moved_into_an_empty_object_written_over_lines_gets_a_line_of_its_own(indent):
    """helper-176: CE106's move into `"configuration": {` ... `}` (empty, on two lines) wrote the key right after the
    `{` (`{"event.vendor.type": "polling"` then the `}` line)."""
    broken = (f'{{\n{indent}"element": {{"key": "hubspot"}},\n{indent}"configuration": {{\n{indent}}},\n'
              f'{indent}"event.vendor.type": "polling"\n}}\n')
    assert _fix(broken.encode("utf-8")).decode("utf-8") == (
        f'{{\n{indent}"element": {{"key": "hubspot"}},\n{indent}"configuration": {{\n{indent}{indent}"event.vendor.type": '
        f'"polling"\n{indent}}}\n}}\n')


@pytest.mark.parametrize("opening, fixed", [("<<'JSON'", True), ('<<"JSON"', True), ("<<\\JSON", True),
                                            ("<<JSON", False)])
def test_a_quoted_here_document_is_fixed_as_the_page_writes_it(opening, fixed):
    """helper-176: a curl body read from a here-document (`-d @- <<'JSON'`) was never fixed, as a `-d '...'` body is
    not (its text is shell-quoted in the page); with a quoted delimiter the page holds it as curl reads it."""
    body = '{\n  "contacts": {\n    "url": "/hubs/crm/contacts",\n    "idField": "id",\n  }\n}\n'
    page = ("# Poller\n\n- Send it:\n\n  ```bash\n  curl -X POST https://example.com/x -H 'Content-Type: application/json'"
            f" -d @- {opening}\n" + "".join("  " + line for line in body.splitlines(keepends=True)) + "  JSON\n  ```\n")
    outcome = fix_file(page.encode(), shown="x.md", kind="auto", options=Options(), keep=lambda found: found,
                       unsafe=False)
    if not fixed:
        assert outcome.data is None
        return
    assert outcome.data is not None and outcome.data.decode() == page.replace('"id",\n', '"id"\n')


def _written(text: str, writer: str) -> str:
    """``text`` as a JSON string literal, as ``writer`` writes it."""
    content = json.dumps(text, ensure_ascii=writer == "ascii")[1:-1]
    if writer == "dotnet":
        for char in "'<>&+":
            content = content.replace(char, f"\\u{ord(char):04X}")
        content = content.replace('\\"', "\\u0022")
    elif writer == "php":
        content = content.replace("/", "\\/")
    return f'"{content}"'


_WRITERS = st.sampled_from(["plain", "ascii", "dotnet", "php"])
_TEXTS = st.text(alphabet=list("ab\"'<>&+/\\\u00e9\n\t\u2028"), max_size=10)


@settings(max_examples=300, deadline=None)
@given(inner=_TEXTS, inserted=_TEXTS, inner_writer=_WRITERS, outer_writer=_WRITERS)
def test_an_edit_escaped_for_a_string_in_a_string_reads_back_as_written(inner, inserted, inner_writer, outer_writer):
    """Whatever way each of two strings writes its escapes, what `escape_for_file` gives, put in the file, decodes to
    the text meant (helper-176: edits now follow each string's way)."""
    from validator.source import load_source

    doc = load_source('{"p": ' + _written('{"u": ' + _written(inner, inner_writer) + "}", outer_writer) + "}")
    child = doc.embedded("/p")
    at = child.string_span("/u", 0, 0)[0]
    text = doc.text[:at] + child.escape_for_file("/u", inserted) + doc.text[at:]
    assert json.loads(json.loads(text)["p"])["u"] == inserted + inner
