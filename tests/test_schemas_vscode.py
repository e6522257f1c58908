"""The schemas as VS Code uses them: its own JSON language service (npm ``vscode-json-languageservice``).

``tests/node/vscode_json.js`` runs the service with the schemas associated as VS Code's ``json.schemas``
setting associates them (a file URI).  Its schema request service answers only from the repository's
``schemas/`` folder and records every URI asked for: a request for anything else (the ``$id`` URLs on
``https://ce-validator.dev``) would be an attempt to reach the network, and fails the test.

Needs node, npm and the packages of ``tests/node/package-lock.json`` in the git-ignored
``tests/node/node_modules`` (``npm ci`` there): ``.ci/run`` installs all three before the tests run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "tests" / "node"
SCHEMAS = ROOT / "schemas"
DOC_URI = "file:///work/doc.json"


@pytest.fixture(scope="session")
def node() -> str:
    node = shutil.which("node")
    missing = None
    if node is None or shutil.which("npm") is None:
        missing = "node and npm are not installed: VS Code's JSON language service cannot run"
    elif not (NODE_DIR / "node_modules" / "vscode-json-languageservice").is_dir():
        # installing from npm is not for the default run (see the index marker): .ci/run does it first
        missing = f"the npm packages are not installed: run `npm ci` in {NODE_DIR} (.ci/run does)"
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}, in CI: .ci/run must install them")
        pytest.skip(missing)
    assert node is not None
    return node


def run_service(node: str, documents: list[dict[str, Any]], *, folder: Path = SCHEMAS,
                associations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    schemas = {path.resolve().as_uri(): path.read_text(encoding="utf-8") for path in folder.rglob("*.schema.json")}
    job: dict[str, Any] = {"schemas": schemas, "documents": documents}
    if associations is not None:
        job["associations"] = associations
    result = subprocess.run([node, "vscode_json.js"], input=json.dumps(job), capture_output=True, text=True, check=False,
                            cwd=NODE_DIR, timeout=120)
    assert result.returncode == 0, result.stderr
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def schema_uri(name: str) -> str:
    return (SCHEMAS / f"{name}.schema.json").resolve().as_uri()


def covered(text: str, diagnostic: dict[str, Any]) -> str:
    """The text a diagnostic's range covers (these documents are ASCII: UTF-16 units are characters)."""
    lines = text.splitlines(keepends=True)
    start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
    offset = sum(len(line) for line in lines[:start["line"]]) + start["character"]
    stop = sum(len(line) for line in lines[:end["line"]]) + end["character"]
    return text[offset:stop]


# One document per schema, with several mistakes: (the text each diagnostic covers, words of its message).
BROKEN: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "instance": ("""{
  "element": {"key": "hubspot"},
  "event.vendor.type": "polling",
  "configuration": {
    "event.notification.enabled": "yes",
    "event.vendor.type": "poling",
    "event.poller.refresh_interval": "fifteen",
    "event.poller.configuration": {
      "contacts": {
        "url": 5,
        "idField": "id",
        "filterByUpdatedDate": "false",
        "updatedDateTimezone": "GMT",
        "datesConfiguration": {"createdDateFormat": "yyyy", "createdCheckTolerance": 2},
        "pageSize": 0,
        "filterByUpdateDate": true
      },
      "deals": {"url": "/hubs/crm/deals"}
    },
    "tags": ["x"]
  }
}
""", [('"polling"', "belongs inside `configuration`"),
      ('"yes"', "Expected `true` or `false`"),
      ('"poling"', "Expected `polling` or `webhook`"),
      ('"fifteen"', "whole number of minutes"),
      ("5", "Expected a URL string"),
      ('"false"', "Expected a boolean"),
      ('"GMT"', "belongs inside the entry's `datesConfiguration`"),
      ("2", "belongs on the poller entry"),
      ("0", "minimum of 1"),
      ('"filterByUpdateDate"', "not allowed"),
      ('["x"]', "top level of the instance body")]),
    "configuration": ("""{
  "event.notification.enabled": 1,
  "event.notification.callback.url": ["https://example.com"],
  "event.poller.refresh_interval": -5,
  "event.poller.configuration": {"contacts": {"idField": "", "url": ""}},
  "oauth.api.key": {"nested": true}
}
""", [("1", "Expected `true` or `false`"),
      ('["https://example.com"]', "Expected a string"),
      ("-5", "minimum of 0"),
      ('""', "minimum length of 1"),  # (the empty url: an empty idField is CE107's warning, which no schema gives)
      ('{"nested": true}', "a string, a boolean or a number")]),
    "poller": ("""{
  "contacts": {
    "url": "",
    "idField": "id",
    "datesConfiguration": {"updatedDateField": 7, "updatedDateFeild": "x"},
    "createdCheckTolerance": 2.5,
    "pollDelay": "60"
  },
  "deals": []
}
""", [('""', "minimum length of 1"),
      ("7", "Expected a string"),
      ('"updatedDateFeild"', "not allowed"),
      ("2.5", "whole number of seconds"),
      ('"60"', "whole number of seconds"),
      ("[]", "object")]),
    "config": ("""{
  "select": ["CE6", "E501"],
  "ignore": ["CE617", "not a code"],
  "severity": {"CE301": "fatal"},
  "format": "xml",
  "strict": "yes",
  "colour": true
}
""", [('"E501"', "not a rule code or prefix"),
      ('"not a code"', "nor a pointer ignore"),
      ('"fatal"', '"error", "warning", "info"'),
      ('"xml"', '"sarif"'),
      ('"yes"', "boolean"),
      ('"colour"', "not allowed")]),
    "elements/sageone": ("""{
  "element": {"key": "sageone"},
  "configuration": {
    "oauth.api.key": "${SAGE_API_KEY}",
    "signature.secret": "${SAGE_SIGNATURE_SECRET}",
    "apim.subscription.key": "${SAGE_APIM_KEY}",
    "country": "USA"
  }
}
""", [('"configuration"', 'Missing property "oauth.api.secret"'),
      ('"USA"', "two-letter country code")]),
}


def _bundled_names() -> list[str]:
    return sorted(str(path.relative_to(SCHEMAS))[: -len(".schema.json")] for path in SCHEMAS.rglob("*.schema.json"))


def test_every_schema_has_a_broken_document() -> None:
    assert sorted(BROKEN) == _bundled_names()


def test_a_diagnostic_per_mistake_offline(node: str) -> None:
    names = sorted(BROKEN)
    documents = [{"uri": f"file:///work/{index}.json", "schema": schema_uri(name), "text": BROKEN[name][0]}
                 for index, name in enumerate(names)]
    out = run_service(node, documents)
    # only the associated files were asked for: no $ref led to the network
    assert sorted(out["requests"]) == sorted(schema_uri(name) for name in names)
    for name, document in zip(names, out["documents"]):
        text, expected = BROKEN[name]
        found = [(covered(text, d), d["message"]) for d in document["diagnostics"]]
        assert not [m for _, m in found if "$ref" in m or "resolve" in m or "loading" in m.lower()], (name, found)
        assert len(found) == len(expected), (name, found)
        unmatched = list(found)
        for span, words in expected:
            hit = next((item for item in unmatched if item[0].startswith(span) and words in item[1]), None)
            assert hit is not None, (name, span, words, found)
            unmatched.remove(hit)


@pytest.mark.parametrize("example", ["sageone-polling-fixed.json"])
def test_a_good_body_draws_nothing(node: str, example: str) -> None:
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    out = run_service(node, [{"uri": DOC_URI, "schema": schema_uri("instance"), "text": text}])
    assert out["documents"][0]["diagnostics"] == []
    assert out["requests"] == [schema_uri("instance")]


def test_hover_shows_the_markdown_description(node: str) -> None:
    text = '{"contacts": {"url": "/x", "idField": "id", "filterByUpdatedDate": true}}'
    out = run_service(node, [{"uri": DOC_URI, "schema": schema_uri("poller"), "text": text,
                              "hovers": [text.index("filterByUpdatedDate") + 3, text.index('"idField"') + 2]}])
    flag, id_field = out["documents"][0]["hovers"]
    # markdownDescription is rendered as Markdown: the backticks arrive unescaped
    assert "A JSON boolean, not a string" in flag and "(default `true`)" in flag
    assert "`objectId`" in id_field


def _expand(snippet: str) -> str:
    """A VS Code snippet as inserted when every placeholder keeps its default."""
    out, index = [], 0
    while index < len(snippet):
        char = snippet[index]
        if char == "\\" and index + 1 < len(snippet) and snippet[index + 1] in "\\$}":
            out.append(snippet[index + 1])
            index += 2
        elif snippet.startswith("${", index) and re.match(r"\$\{\d+:", snippet[index:]):
            index = snippet.index(":", index) + 1  # the default follows; its closing brace is dropped below
            out.append("\0")
        elif char == "}" and "\0" in out:
            last = len(out) - 1 - out[::-1].index("\0")
            del out[last]
            index += 1
        elif char == "$" and re.match(r"\$\d+", snippet[index:]):
            index += len(re.match(r"\$\d+", snippet[index:]).group(0))  # type: ignore[union-attr]
        else:
            out.append(char)
            index += 1
    return "".join(out)


def test_snippet_expansion_helper() -> None:
    assert _expand(r'{"${1:a}": "${2:x\${y\}}", "b": $0}') == '{"a": "x${y}", "b": }'


@pytest.mark.parametrize(("schema", "before", "after", "label"), [
    ("configuration", '{"event.poller.configuration": ', "}", "poller entry"),
    ("poller", "", "", "poller entry"),
    ("poller", '{"contacts": ', "}", "poller entry"),
    ("poller", '{"contacts": {"url": "/x", "idField": "id", "datesConfiguration": ', "}}", "datesConfiguration"),
])
def test_snippets_insert_a_valid_entry(node: str, schema: str, before: str, after: str, label: str) -> None:
    text = before + after
    out = run_service(node, [{"uri": DOC_URI, "schema": schema_uri(schema), "text": text,
                              "completions": [len(before)]}])
    items = [item for item in out["documents"][0]["completions"][0] if item["label"] == label]
    assert items, [item["label"] for item in out["documents"][0]["completions"][0]]
    inserted = before + _expand(items[0]["insertText"]).rstrip(",") + after
    json.loads(inserted)
    check = run_service(node, [{"uri": DOC_URI, "schema": schema_uri(schema), "text": inserted}])
    assert check["documents"][0]["diagnostics"] == [], inserted
    # and the engine finds nothing wrong in the inserted poller configuration either
    from validator import check as check_text

    findings = check_text(inserted) if schema != "poller" or label != "datesConfiguration" else []
    assert [f for f in findings if f.severity == "error"] == [], (inserted, findings)


def test_the_documented_vscode_setup(node: str, tmp_path: Path) -> None:
    """docs/editors.md: schemas written by `ce-validator schema NAME`, associated by its `json.schemas` example."""
    from clirun import run_cli

    page = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    loop = re.search(r"for name in ([a-z ]+); do", page)
    assert loop is not None
    folder = tmp_path / ".vscode" / "schemas"
    folder.mkdir(parents=True)
    for name in loop.group(1).split():
        printed = run_cli("schema", name)
        assert printed.code == 0, printed.err
        (folder / f"{name}.schema.json").write_text(printed.out, encoding="utf-8")
    settings = next(json.loads(block) for block in re.findall(r"```json\n(.*?)```", page, re.DOTALL)
                    if '"json.schemas"' in block)
    associations = [{"uri": (tmp_path / item["url"]).resolve().as_uri(), "fileMatch": item["fileMatch"]}
                    for item in settings["json.schemas"]]
    documents = [{"uri": (tmp_path / "instances" / "body.json").as_uri(), "text": BROKEN["instance"][0]},
                 {"uri": (tmp_path / "pollers" / "contacts.json").as_uri(), "text": BROKEN["poller"][0]},
                 {"uri": (tmp_path / "package.json").as_uri(), "text": '{"name": 5}'}]
    out = run_service(node, documents, folder=folder, associations=associations)
    assert sorted(out["requests"]) == sorted((folder / f"{name}.schema.json").as_uri() for name in ("instance", "poller"))
    instance, poller, other = out["documents"]
    assert len(instance["diagnostics"]) == len(BROKEN["instance"][1])
    assert len(poller["diagnostics"]) == len(BROKEN["poller"][1])
    assert other["diagnostics"] == []


def test_an_element_overlay_beside_the_instance_schema(node: str) -> None:
    """docs/editors.md: the Sage One overlay is associated in addition to instance.schema.json."""
    text = BROKEN["elements/sageone"][0].replace('"element": {"key": "sageone"},',
                                                 '"element": {"key": "sageone"}, "tags": 5,')
    both = [{"uri": schema_uri(name), "fileMatch": ["sage/*.json"]} for name in ("instance", "elements/sageone")]
    out = run_service(node, [{"uri": "file:///work/sage/body.json", "text": text}], associations=both)
    messages = sorted(d["message"] for d in out["documents"][0]["diagnostics"])
    assert messages == ["Expected a two-letter country code such as `US`.", "Expected an array of strings.",
                        'Missing property "oauth.api.secret".']


def test_completion_offers_no_key_where_it_is_misplaced(node: str) -> None:
    """An editor trial (helper-83): inside `datesConfiguration` completion offered the entry's keys
    (`createdCheckTolerance`, `pageSize`), which the same schema then marks as misplaced."""
    before = '{"contacts": {"url": "/x", "idField": "id", "datesConfiguration": {'
    out = run_service(node, [{"uri": DOC_URI, "schema": schema_uri("poller"), "text": before + "}}}",
                              "completions": [len(before)]}])
    labels = {item["label"] for item in out["documents"][0]["completions"][0]}
    assert "updatedDateField" in labels and not labels & {"createdCheckTolerance", "pageSize", "url", "idField"}, labels


def test_a_body_names_its_schema_by_a_relative_path_not_by_its_id(node: str, tmp_path: Path) -> None:
    """docs/editors.md: a body's own `$schema` wins over `json.schemas`; its `$id` cannot be loaded offline."""
    folder = tmp_path / ".vscode" / "schemas"
    folder.mkdir(parents=True)
    shutil.copy(SCHEMAS / "instance.schema.json", folder)
    body = '{{\n  "$schema": "{}",\n  "element": {{"key": "hubspot"}},\n  "configuration": {{"event.notification.enabled": "yes"}}\n}}\n'
    documents = [{"uri": (tmp_path / "instances" / name).as_uri(), "text": body.format(schema)}
                 for name, schema in (("relative.json", "../.vscode/schemas/instance.schema.json"),
                                      ("id.json", "https://ce-validator.dev/schemas/instance.schema.json"))]
    out = run_service(node, documents, folder=folder, associations=[])
    relative, by_id = out["documents"]
    assert [d["message"] for d in relative["diagnostics"]] == ["Expected `true` or `false`."]
    assert [d["message"] for d in by_id["diagnostics"]] == [
        "Unable to load schema from 'https://ce-validator.dev/schemas/instance.schema.json': not available offline: "
        "https://ce-validator.dev/schemas/instance.schema.json."]
    from validator import check

    assert not [f for f in check(body.format("../.vscode/schemas/instance.schema.json"), config=None)
                if f.pointer.startswith("/$schema")]  # the tool reads it as no setting of the body


def test_a_value_completion_says_which_values_are_mistakes(node: str) -> None:
    """An editor trial (helper-145): completing `event.vendor.type` offered `webhooks` beside `polling` and
    `webhook`, with the key's own text only, where `check` warns that it is a misspelling (CE203)."""
    text = '{\n  "element": {"key": "hubspot"},\n  "configuration": {"event.vendor.type": }\n}\n'
    offset = text.index(": }") + 2
    for name in ("instance", "configuration"):
        document = text if name == "instance" else '{"event.vendor.type": }'
        at = offset if name == "instance" else document.index(": }") + 2
        out = run_service(node, [{"uri": DOC_URI, "schema": schema_uri(name), "text": document,
                                  "completions": [at]}])
        items = {item["label"]: item["documentation"] for item in out["documents"][0]["completions"][0]}
        assert set(items) == {'"polling"', '"webhook"', '"webhooks"', "null"}
        assert "misspelling of `webhook`" in items['"webhooks"'] and "CE203" in items['"webhooks"']
        assert "polls the vendor" in items['"polling"']


def test_schema_patterns_mean_in_vs_code_what_they_mean_in_python(node: str) -> None:
    """helper-161: every schema pattern gives VS Code's engine (JavaScript, flag `u`) the verdict Python's gives,
    on values with the characters where the two differ (test_schemas.py runs the same probes through regress)."""
    from test_schemas import _ENGINE_PROBES, _PROBE_CORES, _patterns

    from validator import schemas

    probes = [core[:cut] + odd + core[cut:] for core in _PROBE_CORES for odd in _ENGINE_PROBES
              for cut in (0, 1, len(core))] + _PROBE_CORES
    patterns = sorted({p for name in schemas.schema_names() for p in _patterns(schemas.load_schema(name))})
    script = ("const job = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(job.patterns.map((p) => { const r = new RegExp(p, 'u');"
              " return job.probes.map((s) => r.test(s)); })));")
    result = subprocess.run([node, "-e", script], input=json.dumps({"patterns": patterns, "probes": probes}),
                            capture_output=True, text=True, check=True, timeout=60)
    for pattern, verdicts in zip(patterns, json.loads(result.stdout)):
        python = re.compile(pattern)
        assert verdicts == [python.search(probe) is not None for probe in probes], pattern


def test_an_update_body_draws_nothing_and_a_creation_without_element_does(node: str) -> None:
    """h186: a `PATCH /instances/{id}` body (no element, no providerData), which `check` passes, was an error in the
    editor: the instance schema required `element` of every body."""
    update = '{"configuration": {"event.notification.enabled": true, "event.poller.refresh_interval": "30"}}'
    creation = '{"providerData": {"code": "${CODE}"}, "configuration": {"oauth.api.key": "${KEY}"}}'
    out = run_service(node, [{"uri": DOC_URI, "schema": schema_uri("instance"), "text": update},
                             {"uri": "file:///work/doc2.json", "schema": schema_uri("instance"), "text": creation}])
    assert out["documents"][0]["diagnostics"] == []
    assert [d["message"] for d in out["documents"][1]["diagnostics"]] == ['Missing property "element".']


def test_a_saved_answer_of_the_platform_draws_nothing_beside_an_overlay(node: str) -> None:
    """helper-218: a `GET /instances` answer saved beside the bodies (`check` passes it) drew "Missing property" for
    each key Sage One requires, with the overlay associated beside the instance schema as docs/editors.md says."""
    answer = ('{"id": 481516, "name": "sage prod", "token": "${TOKEN}", "createdDate": "2020-03-01T10:00:00Z", '
              '"element": {"id": 3458, "key": "sageone"}, "configuration": {"oauth.api.key": "${K}", "country": "US"}}')
    both = [{"uri": schema_uri(name), "fileMatch": ["sage/*.json"]} for name in ("instance", "elements/sageone")]
    out = run_service(node, [{"uri": "file:///work/sage/answer.json", "text": answer},
                             {"uri": "file:///work/sage/body.json", "text": answer.replace('"token"', '"tokn"')
                              .replace('"createdDate"', '"created"').replace('"id": 481516, ', '')}],
                      associations=both)
    assert out["documents"][0]["diagnostics"] == []
    assert out["documents"][1]["diagnostics"]  # (a body to send, without Sage One's keys)


def test_an_environment_reference_draws_nothing_where_a_boolean_or_minutes_belong(node: str) -> None:
    """h186: `"event.notification.enabled": "${EVENTS_ENABLED}"` passes `check` but was an error in the editor; h226:
    so was `"event.vendor.type": "${VENDOR_TYPE}"` ("Expected `polling` or `webhook`.")."""
    text = ('{"element": {"key": "closeio"}, "configuration": {"event.notification.enabled": "${EVENTS_ENABLED}",'
            ' "event.poller.refresh_interval": "$(PollMinutes)", "event.notification.callback.url": "${CALLBACK_URL}",'
            ' "event.vendor.type": "${VENDOR_TYPE}", "event.poller.configuration": {"leads": {"url": "/hubs/crm/leads",'
            ' "idField": "id", "pageSize": "${PAGE_SIZE}", "filterByUpdatedDate": "${{ vars.FILTER }}"}}}}')
    out = run_service(node, [{"uri": DOC_URI, "schema": schema_uri("instance"), "text": text}])
    assert out["documents"][0]["diagnostics"] == []


def test_a_generated_overlay_names_a_misplaced_key_and_does_not_offer_it(node: str, shared: Path,
                                                                         tmp_path: Path) -> None:
    """An editor trial (helper-209): an overlay from `schema from-element` (Close.io's), applied beside
    instance.schema.json as the bundled Sage One overlay is, said "Matches a schema that is not allowed." on the
    element's `username` written at the body's top level, and completion there offered `username` and `password`:
    it had none of the editor keywords tools/bundle_schemas.py writes into the bundled schemas."""
    from validator.elements import ElementDefinition, overlay_schema

    definition = shared / "elements" / "closeio" / "element.json"
    if not definition.is_file():
        pytest.skip(f"element export not found at {definition}")
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    overlay = folder / "elements" / "closeio.schema.json"
    schema = overlay_schema(ElementDefinition.from_json(json.loads(definition.read_text(encoding="utf-8"))))
    overlay.write_text(json.dumps(schema), encoding="utf-8")
    both = [{"uri": (folder / "instance.schema.json").as_uri(), "fileMatch": ["close/*.json"]},
            {"uri": overlay.as_uri(), "fileMatch": ["close/*.json"]}]
    text = '{"element": {"key": "closeio"}, "username": "api", "configuration": {"username": "api"}, "": 1}'
    out = run_service(node, [{"uri": "file:///work/close/body.json", "text": text,
                              "completions": [text.index('"": 1') + 1]}], folder=folder, associations=both)
    document = out["documents"][0]
    assert [(covered(text, d), d["message"]) for d in document["diagnostics"]] == [
        ('"api"', "Misplaced: a configuration key belongs inside `configuration`.")]
    labels = {item["label"] for item in document["completions"][0]}
    assert "providerData" in labels and not labels & {"username", "password"}, labels
