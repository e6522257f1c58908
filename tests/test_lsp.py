"""``ce-validator lsp``, driven as an editor drives it: JSON-RPC over the real command's stdio (tests/lspclient.py)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from clirun import run_cli
from hypothesis import given
from hypothesis import strategies as st
from lspclient import LspClient

from validator.lsp.checking import check_text
from validator.lsp.positions import LineIndex
from validator.lsp.server import code_actions, diagnostics, path_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "sageone-polling.json"
FIXED = ROOT / "examples" / "sageone-polling-fixed.json"
ISO_SECONDS = re.compile(r"`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# ------------------------------------------------------------------------------------------ positions


@pytest.mark.parametrize("text", ["", "a", "ab\ncd", "a\r\nb", "a\rb\r\n\nc", "😀x\n🎉🎉y", "é\u0301z\r"])
def test_positions_against_utf16(text: str) -> None:
    index = LineIndex(text)
    lines = re.split(r"\r\n|\r|\n", text)
    for offset in range(len(text) + 1):
        line, character = index.position(offset)
        starts = [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        line_start = ([0] + starts)[line]
        # the character counts UTF-16 units from the line start, never past the line's own text
        assert character == utf16(text[line_start:offset][: len(lines[line])])
        if offset - line_start <= len(lines[line]):
            assert index.offset(line, character) == offset


@given(st.lists(st.sampled_from(["a", "😀", "\n", "\r\n", "\r", "é", "\t", "𝄞"]), max_size=30))
def test_offset_position_round_trip(pieces: list[str]) -> None:
    text = "".join(pieces)
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, character = index.position(offset)
        back = index.offset(line, character)
        # an offset between the \r and \n of one line break has no position of its own
        assert back == offset or text[back:offset] in ("\r", "\n", "\r\n")


@pytest.mark.parametrize(("encoding", "size"), [("utf-8", lambda t: len(t.encode("utf-8"))),
                                               ("utf-16", utf16), ("utf-32", len)])
def test_positions_in_each_encoding(encoding: str, size: Any) -> None:
    text = 'aé😀€\r\nx😀y'
    index = LineIndex(text, encoding)
    for offset in (0, 1, 2, 3, 4):
        assert index.position(offset) == (0, size(text[:offset]))
        assert index.offset(0, size(text[:offset])) == offset
    assert index.position(len(text)) == (1, size("x😀y"))
    assert index.from_line_column(2, 3) == (1, size("x😀"))


class _CountedText(str):
    """A document's text that counts the characters read out of it (by index or slice)."""

    read = 0

    def __getitem__(self, key: Any) -> str:
        got = str.__getitem__(self, key)
        _CountedText.read += len(got)
        return got


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_positions_on_one_long_line_cost_no_more_as_it_grows(encoding: str) -> None:
    """A minified body is one line: each finding's place was counted character by character from the line's start,
    so a 200 KB line with thousands of findings took minutes to publish (helper-166).  Counted, not timed: the
    characters a conversion reads out of the text do not grow with the line."""
    read = {}
    for size in (2_000, 20_000):
        index = LineIndex(_CountedText("{" + "\u00e9\U0001f600a" * size + "}"), encoding)
        end = len(index.text)
        _CountedText.read = 0
        for at in range(end - 1_000, end):
            assert index.offset(0, index.from_line_column(1, at + 1)[1]) == at
            index.position(at)
        read[size] = _CountedText.read
    assert read[20_000] == read[2_000] <= 4 * 1_000


def test_finding_columns_become_utf16_characters() -> None:
    index = LineIndex('{"a": "😀😀x"}\n')
    # column 10 is the code point after the two emoji (1-based: { " a " : space " 😀 😀 x)
    assert index.from_line_column(1, 10) == (0, 11)
    assert index.from_line_column(1, 99) == (0, 14)  # clamped to the line


def test_path_of_uri() -> None:
    assert path_of("file:///tmp/a%20b/c.json") == "/tmp/a b/c.json"
    assert path_of("untitled:Untitled-1") is None


# ------------------------------------------------------------------------------------------- the server


@pytest.fixture
def client():
    started = LspClient()
    started.initialize(ROOT)
    yield started
    started.close()


def _editor_offset(text: str, line: int, character: int) -> int:
    """The offset in ``text`` (all of it, a byte order mark too) of an LSP position, counted as an editor counts."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    offset, units = starts[line], 0
    while offset < len(text) and text[offset] not in "\r\n" and units < character:
        units += 2 if ord(text[offset]) > 0xFFFF else 1
        offset += 1
    return offset


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with LSP text edits applied (positions in UTF-16 units), as an editor applies them."""
    spans = [(_editor_offset(text, e["range"]["start"]["line"], e["range"]["start"]["character"]),
              _editor_offset(text, e["range"]["end"]["line"], e["range"]["end"]["character"]), e["newText"])
             for e in edits]
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def hover(client: LspClient, uri: str, line: int, character: int) -> str | None:
    result = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                   "position": {"line": line, "character": character}})
    return None if result is None else str(result["contents"]["value"])


def test_seed_example_session(client: LspClient) -> None:
    text = SEED.read_text(encoding="utf-8")
    uri = SEED.as_uri()
    published = client.open(uri, text)
    (diagnostic,) = published["diagnostics"]
    url_line = text.splitlines()[19]
    quote = url_line.rindex("'")  # the quote that never closes: attributes='created_at,updated_at
    assert diagnostic["code"] == "CE620" and diagnostic["severity"] == 1 and diagnostic["source"] == "ce-validator"
    assert diagnostic["range"] == {"start": {"line": 19, "character": quote}, "end": {"line": 19, "character": quote + 1}}
    assert diagnostic["message"].startswith("unbalanced quote")

    # hover on the macro: the rendered date-time now and for the sample time, the zone, the fields
    macro = url_line.index("${date:")
    shown = hover(client, uri, 19, macro + 4)
    assert shown is not None
    assert "${date:yyyy-MM-dd'T'HH:mm:ss'Z'}" in shown and len(ISO_SECONDS.findall(shown)) == 2
    assert "`2024-03-10T09:30:00Z`" in shown  # the sample last-poll time
    assert "Zone: `GMT`" in shown and "- `yyyy`: year" in shown and "- `'Z'`: the literal letter Z" in shown

    # hover on the finding: the rule's documentation
    assert "CE620 ceql-unbalanced-quote" in (hover(client, uri, 19, quote) or "")

    # the quick fix closes the quote, and the edited text draws no diagnostic
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic], "only": ["quickfix"]}})
    (action,) = actions
    assert action["title"] == "CE620: close the value with '" and action["isPreferred"] is True
    assert action["kind"] == "quickfix" and action["diagnostics"][0]["code"] == "CE620"
    mended = apply_edits(text, action["edit"]["changes"][uri])
    assert mended == text.replace("attributes='created_at,updated_at\"", "attributes='created_at,updated_at'\"")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": mended}]})
    assert client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)["diagnostics"] == []
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"] == []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"] == []

    assert client.shutdown() == 0


def test_hover_in_a_markdown_page_s_block(client: LspClient, tmp_path: Path) -> None:
    """An adoption trial (helper-136): a page's body drew its diagnostics but no hover on its macro or date format;
    where a finding spanned the block, its rule's documentation stood in for the macro's."""
    body = ('{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.notification.enabled": true,\n'
            ' "event.notification.callback.url": "https://example.com/cb", "event.poller.configuration": {"c": {\n'
            '  "url": "/hubs/crm/c?where=u>\'${gmtDate:yyyy-MM-dd}\'", "idField": "id", "datesConfiguration": {\n'
            '  "updatedDateField": "u", "updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ss\'Z\'"}}}}}')
    page = f"# Sage One\n\nThe body:\n\n```json\n{body}\n```\n"
    uri = (tmp_path / "page.md").as_uri()
    published = client.open(uri, page, language="markdown")
    assert "CE105" in {d["code"] for d in published["diagnostics"]}  # (spanning the block's configuration)
    lines = page.split("\n")
    line = next(i for i, text in enumerate(lines) if "${gmtDate" in text)
    shown = hover(client, uri, line, lines[line].index("${gmtDate") + 3)
    assert shown is not None and shown.startswith("**`${gmtDate:yyyy-MM-dd}`**"), shown
    line = next(i for i, text in enumerate(lines) if "updatedDateFormat" in text)
    shown = hover(client, uri, line, lines[line].index("yyyy-MM-dd'T'") + 2)
    assert shown is not None and "how the poller reads these record dates" in shown, shown
    assert hover(client, uri, 2, 3) is None  # (prose: nothing)


def test_hover_on_dates_configuration(client: LspClient) -> None:
    text = FIXED.read_text(encoding="utf-8")
    uri = FIXED.as_uri()
    assert client.open(uri, text)["diagnostics"] == []
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if "updatedDateFormat" in line)
    shown = hover(client, uri, row, lines[row].rindex("yyyy"))
    assert shown is not None and "how the poller reads these record dates" in shown
    assert "`2024-03-10T09:30:00Z`" in shown and "- `HH`: hour of the day 00-23" in shown
    row = next(i for i, line in enumerate(lines) if "updatedDateTimezone" in line)
    assert "Zone: `GMT`" in (hover(client, uri, row, lines[row].rindex("GMT")) or "")
    # nothing to say about an ordinary value or key
    assert hover(client, uri, 1, 4) is None


def test_astral_characters_and_zones(client: LspClient, tmp_path: Path) -> None:
    url = "/hubs/crm/contacts?where=name='😀🎉' and x='y and updated>'${dateTimeZone:America/Denver:yyyy-MM-dd HH:mm}'"
    text = json.dumps({"contacts": {"url": url, "idField": "id"}}, ensure_ascii=False)
    path = tmp_path / "poller.json"
    path.write_text(text, encoding="utf-8")
    published = client.open(path.as_uri(), text)
    cli = json.loads(run_cli("check", "--format", "json", str(path)).out)["findings"]
    assert [d["code"] for d in published["diagnostics"]] == [f["rule"] for f in cli]
    finding = next(f for f in cli if f["rule"] == "CE620")
    diagnostic = next(d for d in published["diagnostics"] if d["code"] == "CE620")
    # the CLI counts code points, the editor UTF-16 units: two emoji before the quote make two more units
    assert diagnostic["range"]["start"]["character"] == finding["column"] - 1 + 2
    macro = text.index("${dateTimeZone")
    shown = hover(client, path.as_uri(), 0, utf16(text[:macro]) + 3)
    assert shown is not None and "`America/Denver`" in shown and "UTC-0" in shown
    assert re.search(r"`\d{4}-\d\d-\d\d \d\d:\d\d`", shown)


def test_configuration_is_found_as_check_finds_it(client: LspClient, tmp_path: Path) -> None:
    # the server asked the client to watch the configuration files
    (watch,) = client.wait_for_request("client/registerCapability")["params"]["registrations"]
    assert watch["method"] == "workspace/didChangeWatchedFiles"
    assert [w["globPattern"] for w in watch["registerOptions"]["watchers"]] == ["**/.ce-validator.toml",
                                                                              "**/pyproject.toml"]
    (tmp_path / ".ce-validator.toml").write_text('ignore = ["CE620"]\n[severity]\nCE6 = "warning"\n')
    body = SEED.read_text(encoding="utf-8").replace("lastModifiedDate>=", "lastModifiedDate >=")
    path = tmp_path / "body.json"
    path.write_text(body, encoding="utf-8")
    published = client.open(path.as_uri(), body)
    cli = json.loads(run_cli("check", "--format", "json", str(path), cwd=tmp_path).out)["findings"]
    assert [(d["code"], d["severity"]) for d in published["diagnostics"]] == [
        (f["rule"], {"error": 1, "warning": 2, "info": 3}[f["severity"]]) for f in cli]
    assert "CE620" not in [d["code"] for d in published["diagnostics"]]

    # the configuration changes: the open document is checked again
    (tmp_path / ".ce-validator.toml").write_text('select = ["CE620"]\n')
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": (tmp_path / ".ce-validator.toml").as_uri(), "type": 2}]})
    again = client.wait_for("textDocument/publishDiagnostics", uri=path.as_uri())
    assert [(d["code"], d["severity"]) for d in again["diagnostics"]] == [("CE620", 1)]


def test_a_broken_configuration_is_one_diagnostic(client: LspClient, tmp_path: Path) -> None:
    (tmp_path / ".ce-validator.toml").write_text('select = ["E501"]\n')
    published = client.open((tmp_path / "body.json").as_uri(), SEED.read_text(encoding="utf-8"))
    (diagnostic,) = published["diagnostics"]
    assert "code" not in diagnostic and diagnostic["severity"] == 1
    assert diagnostic["message"].startswith("configuration error: ") and "E501" in diagnostic["message"]
    assert diagnostic["range"]["start"] == {"line": 0, "character": 0}


def test_secrets_stay_out_of_diagnostics_and_hovers(client: LspClient, tmp_path: Path) -> None:
    secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    body = {"element": {"key": "hubspot"},
            "configuration": {"oauth.api.secret": secret, "oauth.api.key": ["x", secret],
                              "event.poller.configuration": {"c": {"url": "/hubs/crm/c?x=${gmtDate:yyyy}",
                                                                   "idField": "id", "pollDelay": secret}}}}
    text = json.dumps(body, indent=2)
    path = tmp_path / "body.json"
    published = client.open(path.as_uri(), text)
    assert published["diagnostics"]
    assert secret not in json.dumps(published)
    for row, line in enumerate(text.splitlines()):
        if secret in line:
            assert secret not in (hover(client, path.as_uri(), row, line.index(secret) + 1) or "")


def test_same_findings_as_check_on_the_corpus(client: LspClient, corpus: list[dict[str, Any]],
                                              tmp_path: Path) -> None:
    records = [r for r in corpus if r["kind"] in ("instance", "poller")][::25]
    for record in records:
        (tmp_path / f"{record['id']}.json").write_text(record["text"], encoding="utf-8")
    report = json.loads(run_cli("check", "--format", "json", str(tmp_path), cwd=tmp_path).out)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)
    compared = 0
    for record in records:
        path = tmp_path / f"{record['id']}.json"
        published = client.open(path.as_uri(), record["text"])
        index = LineIndex(record["text"])
        expected = [(f["rule"], f["message"], index.from_line_column(f["line"], f["column"]))
                    for f in by_file.get(path.name, [])]
        got = [(d["code"], d["message"].split("\nhelp: ")[0],
                (d["range"]["start"]["line"], d["range"]["start"]["character"])) for d in published["diagnostics"]]
        assert got == expected, record["id"]
        compared += len(got)
    assert compared > 20


def test_not_a_cloud_elements_file(client: LspClient, tmp_path: Path) -> None:
    published = client.open((tmp_path / "package.json").as_uri(), '{"name": "x", "version": "1.0.0"}')
    # a hint (4): an editor's list of problems is not crowded by every other JSON file (helper-83)
    assert [(d["code"], d["severity"]) for d in published["diagnostics"]] == [("CE090", 4)]


# ------------------------------------------------------------------------------------------- quick fixes


def test_fix_edits_become_a_quick_fix() -> None:
    from lsprotocol import types as lsp

    # an astral character before the edit: LSP positions count it twice
    text = '{"c": {"url": "/hubs/x?where=a=\'😀\' and b=\'y z", "idField": "id"}}'
    checked = check_text(text, None)
    (finding,) = [f for f in checked.findings if f.rule == "CE620"]
    assert finding.fix is not None and finding.fix.applicability == "unsafe"  # 'y z: a guess where it ends
    index = LineIndex(text)
    wanted = diagnostics(checked, index)[0].range
    (action,) = code_actions("file:///x.json", checked, index, wanted)
    assert action.kind == lsp.CodeActionKind.QuickFix and not action.is_preferred
    assert action.title == "CE620: close the value with ' (unsafe)"
    (edit,) = action.edit.changes["file:///x.json"]  # type: ignore[union-attr, index]
    end = text.index('", "idField"')
    assert edit.new_text == "'" and edit.range.start.character == utf16(text[:end]) == end + 1
    mended = text[:end] + "'" + text[end:]
    assert [f.rule for f in check_text(mended, None).findings] == []
    # a finding without a fix offers nothing; nor does a range elsewhere
    checked.findings = [replace(finding, fix=None)]
    assert code_actions("file:///x.json", checked, index, wanted) == []
    checked.findings = [finding]
    elsewhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 1))
    assert code_actions("file:///x.json", checked, index, elsewhere) == []


def test_markdown_pages_as_check_reads_them(client: LspClient, tmp_path: Path) -> None:
    page = "# Create an instance\n\n```json\n" + SEED.read_text(encoding="utf-8") + "```\n"
    path = tmp_path / "page.md"
    path.write_text(page, encoding="utf-8")
    published = client.open(path.as_uri(), page, language="markdown")
    cli = json.loads(run_cli("check", "--format", "json", str(path), cwd=tmp_path).out)["findings"]
    index = LineIndex(page)
    assert [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
            for d in published["diagnostics"]] == [(f["rule"], *index.from_line_column(f["line"], f["column"]))
                                                   for f in cli]
    assert "CE620" in [d["code"] for d in published["diagnostics"]]


def test_a_page_is_read_as_one_by_its_language_or_its_content(client: LspClient, tmp_path: Path) -> None:
    """An editor trial (helper-83): an untitled Markdown buffer, and a `README` without a suffix, drew one JSON error
    (a comment) where `check` reads the page's blocks."""
    page = "# Create an instance\n\n```json\n" + SEED.read_text(encoding="utf-8") + "```\n"
    untitled = client.open("untitled:Untitled-1", page, language="markdown")
    assert "CE620" in [d["code"] for d in untitled["diagnostics"]], untitled
    readme = tmp_path / "README"
    readme.write_text(page, encoding="utf-8")
    named = client.open(readme.as_uri(), page, language="plaintext")
    cli = json.loads(run_cli("check", "--format", "json", str(readme), cwd=tmp_path).out)["findings"]
    assert sorted(d["code"] for d in named["diagnostics"]) == sorted(f["rule"] for f in cli) and "CE620" in [
        f["rule"] for f in cli]


def test_a_burst_of_changes_is_checked_once(client: LspClient, tmp_path: Path) -> None:
    """An editor trial (helper-83): each keystroke's change was checked in full, in turn; on a large file a hover
    after twenty quick keystrokes waited for twenty checks.  Only the last change of a burst is checked now."""
    uri = (tmp_path / "body.json").as_uri()
    text = SEED.read_text(encoding="utf-8")
    client.open(uri, text)
    for version in range(2, 22):
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text + " " * version}]})
    last = client.wait_for("textDocument/publishDiagnostics", uri=uri, version=21)
    assert last["diagnostics"]
    client.request("shutdown", None)  # (answered after every notification sent before it)
    published = [n["params"]["version"] for n in client.notifications if n["method"] == "textDocument/publishDiagnostics"]
    assert len(published) < 10, published  # (none on a quiet machine; a loaded one may read a burst in pieces)


def test_requests_out_of_turn_are_answered(tmp_path: Path) -> None:
    """An editor trial (helper-83): a request before `initialize` was answered with a traceback, one after `shutdown`
    never.  (Changes stay whole: with incremental sync pygls splits lines at U+2028, which a JSON string may hold, and
    a ranged change lands a line off; helper-86.)"""
    started = LspClient()
    try:
        early = started.response("textDocument/hover", {"textDocument": {"uri": "file:///x.json"},
                                                        "position": {"line": 0, "character": 0}})
        assert early["error"]["code"] == -32002 and "Traceback" not in json.dumps(early)
        result = started.initialize(ROOT)
        assert result["capabilities"]["textDocumentSync"]["change"] == 1  # full
        uri = (tmp_path / "body.json").as_uri()
        started.open(uri, SEED.read_text(encoding="utf-8"))
        assert started.request("shutdown", None) is None
        late = started.response("textDocument/hover", {"textDocument": {"uri": uri},
                                                       "position": {"line": 0, "character": 0}})
        assert late["error"]["code"] == -32600
    finally:
        started.close()


def test_lsp_command_without_pygls(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    import sys

    from validator.commands import lsp as command

    monkeypatch.setitem(sys.modules, "pygls", None)  # as if not installed
    assert command.run(argparse.Namespace(stdio=True)) == 2
    assert "pip install 'ce-validator[lsp]'" in capsys.readouterr().err


def test_hovers_never_fail_on_the_corpus(corpus: list[dict[str, Any]]) -> None:
    from validator.lsp.hover import hover_markdown

    shown = 0
    for record in [r for r in corpus if "${" in r["text"]][::12]:
        checked = check_text(record["text"], None)
        for offset in range(0, len(record["text"]), 7):
            result = hover_markdown(checked, offset)
            if result is not None:
                _, span = result
                assert span is None or span[0] <= offset < span[1], (record["id"], offset)
                shown += 1
    assert shown > 100


def test_a_client_that_counts_utf8_bytes(tmp_path: Path) -> None:
    """Neovim offers utf-8 first: the server agrees to it and counts bytes."""
    client = LspClient()
    try:
        assert client.initialize(ROOT, encodings=("utf-8", "utf-16"))["capabilities"]["positionEncoding"] == "utf-8"
        url = "/hubs/crm/contacts?where=name='é😀' and x='y"
        text = json.dumps({"contacts": {"url": url, "idField": "id"}}, ensure_ascii=False)
        published = client.open((tmp_path / "p.json").as_uri(), text)
        (diagnostic,) = [d for d in published["diagnostics"] if d["code"] == "CE620"]
        quote = text.rindex("'")
        assert diagnostic["range"]["start"]["character"] == len(text[:quote].encode("utf-8"))
        assert client.shutdown() == 0
    finally:
        client.close()


def test_requests_with_unreadable_parameters_or_unopened_documents_are_answered(client: LspClient) -> None:
    """A hostile trial (helper-60): a hover at a negative position, or naming a document by a number, was never
    answered (the client waits for ever); one on a document never opened answered an internal error."""
    uri = (ROOT / "examples" / "sageone-polling.json").as_uri()
    for params in ({"textDocument": {"uri": uri}, "position": {"line": -1, "character": -1}},
                   {"textDocument": 5, "position": {"line": 0, "character": 0}}):
        answer = client.response("textDocument/hover", params)
        assert answer.get("error", {}).get("code") == -32602, answer
    unopened = "file:///nowhere/never-opened.json"
    assert client.request("textDocument/hover", {"textDocument": {"uri": unopened},
                                                 "position": {"line": 0, "character": 0}}) is None
    assert client.request("textDocument/codeAction", {"textDocument": {"uri": unopened}, "context": {"diagnostics": []},
                                                      "range": {"start": {"line": 0, "character": 0},
                                                                "end": {"line": 0, "character": 1}}}) == []
    client.open(uri, (ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8"))
    assert client.shutdown() == 0  # and the server still serves


@pytest.mark.parametrize("frames", [
    b"Content-Length: -5\r\n\r\n{}",  # a header that is none: the framing is lost
    b"Content-Length: 99999999999\r\n\r\n{}",  # a body no editor sends (MemoryError)
])
def test_input_that_cannot_be_read_as_messages_stops_the_server_with_a_message(frames: bytes) -> None:
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "validator", "lsp"], input=frames, capture_output=True, env=env,
                          timeout=60)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1 and "ce-validator lsp: error:" in err and "Traceback" not in err, (proc.returncode, err)


@pytest.mark.parametrize("header", [b"Content-Length:%d\r\n", b"content-length:  %d\r\n", b"CONTENT-LENGTH: %d\n",
                                    b"Content-Length: %d\r\ncontent-type: application/vscode-jsonrpc; charset=utf-8\r\n"])
def test_headers_are_read_in_any_case_and_spacing_and_a_body_that_is_no_json_is_a_parse_error(header: bytes) -> None:
    """An adoption trial (helper-136): `Content-Length:119`, two blanks or capitals stopped the server (its header
    names are case-insensitive, the blank after the colon optional, as in HTTP); a body that is not JSON drew a
    pop-up in the editor and no answer, where JSON-RPC asks for a Parse error to `"id": null`."""
    import json as json_module
    import subprocess
    import sys

    def framed(body: bytes) -> bytes:
        return header % len(body) + (b"\r\n" if header.endswith(b"\r\n") else b"\n") + body

    initialize = json_module.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                    "params": {"processId": None, "rootUri": None, "capabilities": {}}}).encode()
    broken = b'{"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": '
    no_request = b"[1, 2, 3]"  # JSON, but no request (a review, helper-137): Invalid Request to `"id": null`
    shutdown = json_module.dumps({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}).encode()
    leave = json_module.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "validator", "lsp"], capture_output=True, env=env, timeout=60,
                          input=b"".join(framed(body) for body in (initialize, broken, no_request, shutdown, leave)))
    answers = [json_module.loads(part.split(b"\r\n\r\n", 1)[1]) for part in proc.stdout.split(b"Content-Length: ")[1:]]
    assert proc.returncode == 0, proc.stderr.decode()
    assert [answer.get("id", "absent") for answer in answers] == [1, None, None, 3], answers
    assert [answers[1]["error"]["code"], answers[2]["error"]["code"]] == [-32700, -32600]
    assert not [a for a in answers if a.get("method") == "window/showMessage"]


def test_exit_without_shutdown_ends_with_status_1() -> None:
    """The protocol's rule (a hostile trial, helper-60: it ended with 0): exit is 0 only after a shutdown request."""
    unclean = LspClient()
    try:
        unclean.initialize(ROOT)
        unclean.notify("exit", None)
        assert unclean.proc.wait(timeout=60) == 1
    finally:
        unclean.close()
    clean = LspClient()
    try:
        clean.initialize(ROOT)
        assert clean.shutdown() == 0
    finally:
        clean.close()


def test_a_buffer_that_keeps_its_byte_order_mark(client: LspClient, tmp_path: Path) -> None:
    """helper-89: the client's buffer kept U+FEFF, which findings do not count: every range and edit of the first line
    was one unit early, and the quick fix wrote `truee`."""
    text = '\ufeff{"element": {"key": "sageone"}, "configuration": {"event.notification.enabled": True}}'
    path = tmp_path / "bom.json"
    published = client.open(path.as_uri(), text)
    ranges = {d["code"]: d["range"] for d in published["diagnostics"]}
    assert ranges["CE014"] == {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}
    assert text[ranges["CE006"]["start"]["character"]:ranges["CE006"]["end"]["character"]] == "True"
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": path.as_uri()}, "range": ranges["CE006"], "context": {"diagnostics": []}})
    (fix,) = [action for action in actions if action["title"].startswith("CE006")]
    assert apply_edits(text, fix["edit"]["changes"][path.as_uri()]) == text.replace("True", "true")
    index = LineIndex(text)
    assert index.offset(0, 0) == 0 and index.offset(0, 2) == 1 and index.position(0) == (0, 1)


def test_a_ranged_change_is_applied_where_it_is(client: LspClient) -> None:
    """helper-99: the server took only whole texts, and a client's ranged change replaced the whole document with
    the fragment (`b`), so its diagnostics and fixes described a text the editor did not have."""
    text = '{"element": {"key": "sageone"}, "name": "a", "configuration": {"event.poller.refresh_interval": "15"}}'
    uri = "file:///tmp/ranged-change.json"
    client.open(uri, text)
    at = text.index('"15"') + 1
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 0, "character": at}, "end": {"line": 0, "character": at + 2}}, "text": "ten"}]})
    found = client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)["diagnostics"]
    assert "CE206" in {d["code"] for d in found} and "CE090" not in {d["code"] for d in found}, found


def test_a_change_or_a_save_of_a_document_never_opened_is_dropped(client: LspClient) -> None:
    """helper-99: each showed the user an error pop-up (KeyError, FileNotFoundError)."""
    uri = "file:///tmp/never-opened.json"
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": "{}"}]})
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    opened = "file:///tmp/opened-after.json"
    assert client.open(opened, '{"element": {"key": "sageone"}, "name": "a"}') is not None
    shown = [note for note in client.notifications if note["method"] == "window/showMessage"]
    assert not shown and not [r for r in client.server_requests if r["method"] == "window/showMessageRequest"], shown


@pytest.mark.parametrize("url", ["/hubs/x/c?where=a>'${now:yyyy}'", "/hubs/x/c?where=a>'${gmtDate:yyyy}'"])
def test_a_hover_on_a_time_beyond_the_years_java_prints_says_so(url: str) -> None:
    """helper-121: a hover on a macro whose time fell past year 9999 (a last poll late in 9999 and the refresh
    interval after it, or a pollDelay) answered an internal error with a traceback."""
    from datetime import datetime, timezone

    from validator.lsp.hover import hover_markdown

    text = json.dumps({"c": {"url": url, "idField": "id", "pollDelay": -600}})
    late = datetime(9999, 12, 31, 23, 55, tzinfo=timezone.utc)
    result = hover_markdown(check_text(text, None), text.index("yyyy"), now=late)
    assert result is not None and ("10000-01-01" in result[0] or "beyond the years 1 to 9999" in result[0]), result


@pytest.mark.parametrize("mistake", ['"idField": "id",\n', '"idField": "id" // the record\'s id\n',
                                     '"idField": "id"\n  "pageSize": 100,\n'])
def test_a_hover_works_while_the_body_is_being_typed(mistake: str) -> None:
    """A body mid-edit (a trailing comma before the next key is typed, a comment, a comma not yet written) is read
    around its mistake, as the check reads it: the hover on its macro answered nothing."""
    from validator.lsp.hover import hover_markdown

    text = ('{"contacts": {\n  "url": "/hubs/crm/contacts?where=updated>=\'${gmtDate:yyyy-MM-dd}\'",\n  '
            + mistake + "}}")
    checked = check_text(text, "poller.json")
    assert checked.source is not None and not checked.source.valid
    result = hover_markdown(checked, text.index("yyyy"))
    assert result is not None and "2024-03-10" in result[0], result


def test_messages_of_a_hostile_client_are_answered_as_json_rpc_asks_without_a_traceback() -> None:
    """helper-141: an id that is an object was an internal error whose `data` carried the server's Python traceback;
    a request for an unknown method without `params` an internal error, not Method Not Found; a notification whose
    params cannot be read (`didChange` with a version "x") and a body nested past Python's decoder each a pop-up in
    the editor; and pygls logged a Python traceback to standard error for each."""
    import json as json_module
    import subprocess
    import sys

    def framed(message: Any) -> bytes:
        body = message if isinstance(message, bytes) else json_module.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    uri = (ROOT / "examples" / "sageone-polling.json").as_uri()
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                                        "capabilities": {}}},
        {"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"},
        {"jsonrpc": "2.0", "id": 2, "method": "no/such-method"},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": "x"}, "contentChanges": [{"text": "{}"}]}},
        {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": "x"}},
        b"[" * 100_000 + b"]" * 100_000,
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": uri}, "position": {"line": -1, "character": 0}}},
        {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "validator", "lsp"], capture_output=True, env=env, timeout=120,
                          input=b"".join(framed(message) for message in messages))
    answers = [json_module.loads(part.split(b"\r\n\r\n", 1)[1]) for part in proc.stdout.split(b"Content-Length: ")[1:]]
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, err
    assert [(a.get("id", "absent"), a.get("error", {}).get("code")) for a in answers] == [
        (1, None), (None, -32600), (2, -32601), (None, -32700), (3, -32602), (4, None)], answers
    assert "Traceback" not in err and "traceback" not in proc.stdout.decode("utf-8", "replace"), err
    assert all(line.startswith("ce-validator lsp: ") for line in err.splitlines()), err


@pytest.mark.parametrize(("macro", "warned"), [("${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}", False),
                                               ("${dateTimeZone:America/New_York:yyyy-MM-dd'T'HH:mm:ss'Z'}", True)])
def test_a_hover_warns_of_a_literal_z_only_where_the_zone_moves(macro: str, warned: bool) -> None:
    """helper-145: the hover said `'Z'` is only the letter Z (the time not converted to UTC) on a macro formatted in
    GMT, where the label is true."""
    from validator.lsp.hover import hover_markdown

    text = json.dumps({"c": {"url": f"/hubs/x/c?where=a>='{macro}'", "idField": "id"}})
    result = hover_markdown(check_text(text, "poller.json"), text.index("yyyy"))
    assert result is not None and ("only the letter Z" in result[0]) is warned, result


def test_a_document_whose_uri_is_percent_encoded(client: LspClient, tmp_path: Path) -> None:
    """helper-155: VS Code writes a space as `%20`, `é` as `%C3%A9` and a Windows drive's colon as `%3A`; pygls keeps
    documents by their unquoted URI, so such a document was never found open: no quick fix, no hover, its changes
    dropped (the diagnostics of the text as opened stayed), and a changed configuration published its diagnostics to
    a URI the client never named."""
    folder = tmp_path / "my dir"
    folder.mkdir()
    uri = (folder / "café.json").as_uri()
    assert "%20" in uri and "%C3%A9" in uri
    text = '{"element": {"key": "sageone"}, "name": "a", "configuration": {"event.notification.enabled": True}}'
    # (the body around `True` is checked too: CE105 and CE201 beside it)
    [diagnostic] = [d for d in client.open(uri, text)["diagnostics"] if d["code"] == "CE006"]
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": diagnostic["range"],
                                                         "context": {"diagnostics": [diagnostic]}})
    assert [action["title"] for action in actions] == ["CE006: write `true`"]
    assert apply_edits(text, actions[0]["edit"]["changes"][uri]) == text.replace("True", "true")
    assert "CE006 json-unquoted" in (hover(client, uri, 0, diagnostic["range"]["start"]["character"]) or "")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": text.replace("True", "true")}]})
    changed = client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)["diagnostics"]
    assert "CE006" not in {d["code"] for d in changed}, changed
    (folder / ".ce-validator.toml").write_text('select = ["CE006"]\n')
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": (folder / ".ce-validator.toml").as_uri(), "type": 1}]})
    assert client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"] == []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"] == []
    assert not [note for note in client.notifications if note["params"].get("uri") != uri
                and note["method"] == "textDocument/publishDiagnostics"]


def test_a_change_that_changes_nothing_still_gives_its_version_diagnostics(client: LspClient) -> None:
    """helper-155: a didChange with no content change (a new version, the text as it was) was never answered with
    diagnostics: pygls sets a document's version per change, so the version stayed the last one."""
    uri = "file:///tmp/unchanged.json"
    client.open(uri, '{"element": {"key": "sageone"}, "name": "a", "configuration": {"x": True}}')
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": []})
    assert [d["code"] for d in client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)["diagnostics"]] \
        == ["CE105", "CE006"]  # (the body read around `True`: its unknown key `x` is said too)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-32"])
def test_a_ranged_change_counts_in_the_encoding_agreed(encoding: str, tmp_path: Path) -> None:
    """helper-155: a ranged change from a client that counts bytes (or code points) was applied at UTF-16 units, as
    pygls keeps the client's `"utf-8"` as a string the server read as no encoding: typing `e` after `gmtDat` wrote
    it further on, past the multi-byte characters before it."""
    client = LspClient()
    try:
        assert client.initialize(ROOT, encodings=(encoding,))["capabilities"]["positionEncoding"] == encoding
        text = '{"c": {"url": "/hubs/crm/c?where=名é=\'😀\' and updated>\'${gmtDat:yyyy-MM-dd}\'", "idField": "id"}}'
        uri = (tmp_path / "p.poller.json").as_uri()
        assert "CE601" in {d["code"] for d in client.open(uri, text)["diagnostics"]}
        at = text.index("gmtDat") + len("gmtDat")
        character = len(text[:at].encode("utf-8")) if encoding == "utf-8" else at
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": character}, "end": {"line": 0, "character": character}},
             "text": "e"}]})
        found = client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)["diagnostics"]
        assert "CE601" not in {d["code"] for d in found}, found
        assert client.shutdown() == 0
    finally:
        client.close()


@pytest.mark.parametrize(("name", "text"), [
    ("body.json", '\ufeff{\r\n  "element": {"key": "sageone", "configuration": {"event.notification.enabled": true}},\r\n'
                  '  "name": "😀",\r\n  "x": {"c": {"url": "/hubs/x/c?where=s in (\'a\';\'b\',) and t=\'${gmtdate:yyyy}\'",'
                  ' "idField": "id"}}\r\n}\r\n'),
    ("page.md", "# 😀\n\n```json\n{\"c\": {\"url\": \"/hubs/x/c?where=s in ('a';'b',) and u='x\", \"idField\": \"id\"}}\n"
                "```\n"),
])
def test_fix_all_is_the_text_check_fix_writes(client: LspClient, tmp_path: Path, name: str, text: str) -> None:
    """An editor trial (helper-178): the editor's "Fix all" (`source.fixAll`, as VS Code's `codeActionsOnSave` asks
    it) was no action at all, and a request for it answered the quick fixes, one finding each: applying them one by
    one is not what `check --fix` writes when fixes meet.  It is now one action: the text `--fix` writes."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    uri = path.as_uri()
    client.open(uri, text, language="markdown" if name.endswith(".md") else "json")
    fixed = run_cli("check", "--fix", str(path), cwd=tmp_path)
    assert fixed.code in (0, 1), fixed.err
    written = path.read_bytes().decode("utf-8")
    assert written != text
    everything = {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}
    (action,) = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": everything,
                                                           "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert action["kind"] == "source.fixAll.ce-validator" and "diagnostics" not in action
    assert apply_edits(text, action["edit"]["changes"][uri]) == written
    # the quick fixes are still there for the lightbulb, and only them when quick fixes are asked for
    quick = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": everything,
                                                       "context": {"diagnostics": [], "only": ["quickfix"]}})
    assert quick and {a["kind"] for a in quick} == {"quickfix"}
    # a text with nothing safe to fix has no "Fix all"
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": written}]})
    client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)
    assert client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": everything,
                                                      "context": {"diagnostics": [], "only": ["source"]}}) == []


def test_fix_all_of_a_text_no_file_can_hold() -> None:
    """A lone surrogate (a client may send `"\\ud800"`): no "Fix all", and no error for the request."""
    from validator.lsp.server import fix_all

    text = '{"c": {"url": "/hubs/x/c?where=s in (\'a\',\'b\',) and n=\'\ud800\'", "idField": "id"}}'
    checked = check_text(text, None)
    assert any(f.fix is not None and f.fix.applicability == "safe" for f in checked.findings)
    assert fix_all("untitled:Untitled-1", checked, LineIndex(text)) is None
    other = text.replace("\ud800", "😀")
    assert fix_all("untitled:Untitled-1", check_text(other, None), LineIndex(other)) is not None
