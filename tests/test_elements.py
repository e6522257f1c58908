"""Element-aware checks (CE9xx) against the twelve element exports in ../shared/elements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.elements import ApiDocs, ElementDefinition, load_element, overlay_schema, split_field_path
from validator.engine import Options, check

EXPECTED = Path(__file__).parent / "expected" / "element_defaults.json"


@pytest.fixture(scope="module")
def elements_dir(shared: Path) -> str:
    folder = shared / "elements"
    if not folder.is_dir():
        pytest.skip(f"element exports not found at {folder}")
    return str(folder)


def _keys(elements_dir: str) -> list[str]:
    return sorted(p.name for p in Path(elements_dir).iterdir() if (p / "element.json").is_file())


def _instance(definition: ElementDefinition, poller: dict | None) -> dict:
    config = {item.key: "${" + item.key.upper().replace(".", "_") + "}" for item in definition.configuration.values()
              if item.user_supplied}
    if poller is not None:
        config["event.poller.configuration"] = poller
    return {"element": {"key": definition.key}, "configuration": config}


def _element_findings(body: dict, elements_dir: str) -> list:
    findings = check(body, options=Options(element_docs=(elements_dir,)))
    return [f for f in findings if f.rule.startswith("CE9")]


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("id", ["id"]),
        ("user.id", ["user", "id"]),
        ("['Modified Time']", ["Modified Time"]),
        ('properties["hs_lastmodifieddate"]', ["properties", "hs_lastmodifieddate"]),
        ("items[0].id", ["items", "0", "id"]),
        ("['Modified Time'", None),
        ("['Modified Time]", None),
    ],
)
def test_split_field_path(path, parts):
    assert split_field_path(path) == parts


def test_sageone_definition(elements_dir):
    docs = load_element(elements_dir, "sageone")
    definition = docs.definition
    assert definition.hub == "finance"
    assert sorted(k.key for k in definition.configuration.values() if k.user_supplied) == [
        "apim.subscription.key", "oauth.api.key", "oauth.api.secret", "signature.secret"]
    assert definition.configuration["oauth.callback.url"].required  # required, but has a default
    assert not definition.configuration["oauth.callback.url"].user_supplied
    assert definition.configuration["signature.secret"].secret
    assert definition.configuration["oauth.api.key"].max_length == 128
    assert definition.configuration["filter.response.nulls"].boolean
    assert list(definition.default_poller_value()) == ["customers"]


def test_api_docs_fields_through_refs_and_arrays(elements_dir):
    api = load_element(elements_dir, "sageone").api
    template = api.match("/customers")
    assert template == "/customers"
    model = api.record_model(api.get_operation(template))
    assert api.has_field(model, ["updated_at"]) is True
    assert api.has_field(model, ["no_such_field"]) is False
    assert "where" in api.query_parameters(api.get_operation(template))


def test_path_matching_prefers_literal_routes():
    api = ApiDocs.from_json({"paths": {"/{objectName}": {"get": {}}, "/contacts": {"get": {}},
                                       "/contacts/{id}": {"get": {}}}})
    assert api.match("/contacts") == "/contacts"
    assert api.match("/contacts/{contactId}") == "/contacts/{id}"
    assert api.match("/deals") == "/{objectName}"
    assert api.is_generic("/{objectName}") and not api.is_generic("/contacts/{id}")


def test_default_pollers_against_their_own_api_docs(elements_dir):
    """Each element's default poller, checked against its own docs; the findings are the expected table."""
    table = {}
    for key in _keys(elements_dir):
        definition = load_element(elements_dir, key).definition
        body = _instance(definition, definition.default_poller_value())
        found = _element_findings(body, elements_dir)
        table[key] = sorted(f"{f.rule} {f.pointer}" for f in found if f.rule != "CE910")
        assert not any(f.rule == "CE910" for f in found), "a default poller cannot differ from itself"
    if not EXPECTED.exists():
        EXPECTED.parent.mkdir(exist_ok=True)
        EXPECTED.write_text(json.dumps(table, indent=2, sort_keys=True) + "\n")
    assert table == json.loads(EXPECTED.read_text())
    assert table["sageone"] == []


def test_sageone_default_poller_has_no_error(elements_dir):
    definition = load_element(elements_dir, "sageone").definition
    findings = check(_instance(definition, definition.default_poller_value()),
                     options=Options(element_docs=(elements_dir,)))
    assert [f for f in findings if f.severity == "error"] == []


def _sage_body(entry: dict, **config) -> dict:
    base = {"oauth.api.key": "${K}", "oauth.api.secret": "${S}", "signature.secret": "${G}",
            "apim.subscription.key": "${A}", "event.poller.configuration": {"customers": entry}}
    base.update(config)
    return {"element": {"key": "sageone"}, "configuration": base}


GOOD_ENTRY = {"url": "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
              "idField": "id",
              "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
                                     "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'"}}


@pytest.mark.parametrize(
    ("change", "rule", "pointer"),
    [
        ({"url": "/hubs/finance/customers/{id}/notes/{noteId}/history"}, "CE905",
         "/configuration/event.poller.configuration/customers/url"),
        ({"url": "/hubs/crm/customers"}, "CE906", "/configuration/event.poller.configuration/customers/url"),
        ({"url": "/hubs/finance/customers?filter=1"}, "CE907",
         "/configuration/event.poller.configuration/customers/url"),
        ({"idField": "identifier"}, "CE908", "/configuration/event.poller.configuration/customers/idField"),
        ({"datesConfiguration": {**GOOD_ENTRY["datesConfiguration"], "updatedDateField": "modified_at"}}, "CE909",
         "/configuration/event.poller.configuration/customers/datesConfiguration/updatedDateField"),
    ],
)
def test_wrong_poller_gives_one_precise_finding(elements_dir, change, rule, pointer):
    found = [f for f in _element_findings(_sage_body({**GOOD_ENTRY, **change}), elements_dir) if f.rule != "CE910"]
    assert [(f.rule, f.pointer) for f in found] == [(rule, pointer)]


def test_good_poller_has_no_element_finding(elements_dir):
    found = [f for f in _element_findings(_sage_body(GOOD_ENTRY), elements_dir) if f.rule != "CE910"]
    assert found == []


def test_wrong_hub_points_at_the_hub_segment(elements_dir):
    body = _sage_body({**GOOD_ENTRY, "url": "/hubs/crm/customers"})
    (finding,) = [f for f in _element_findings(body, elements_dir) if f.rule == "CE906"]
    text = json.dumps(body, indent=2)
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == "crm"


def test_missing_required_key_and_unknown_key(elements_dir):
    body = _sage_body(GOOD_ENTRY)
    del body["configuration"]["signature.secret"]
    body["configuration"]["oauth.api.kee"] = "x"
    found = [(f.rule, f.message, f.help) for f in _element_findings(body, elements_dir) if f.rule != "CE910"]
    assert ("CE902", "element `sageone` requires `signature.secret` in `configuration`",
            'add "signature.secret": "..."') in found
    assert ("CE901", "`oauth.api.kee` is not a configuration key of element `sageone`",
            "did you mean `oauth.api.key`?") in found
    assert len(found) == 2


def test_boolean_and_length(elements_dir):
    body = _sage_body(GOOD_ENTRY, **{"filter.response.nulls": "yes", "country": "U" * 33})
    rules = sorted(f.rule for f in _element_findings(body, elements_dir) if f.rule != "CE910")
    assert rules == ["CE903", "CE904"]


def test_differs_from_default_is_info(elements_dir):
    found = [f for f in _element_findings(_sage_body(GOOD_ENTRY), elements_dir) if f.rule == "CE910"]
    assert len(found) == 1 and found[0].severity == "info"
    assert "`url`" in found[0].message


def test_no_element_docs_means_no_element_findings():
    assert [f for f in check(_sage_body({**GOOD_ENTRY, "url": "/hubs/crm/x"})) if f.rule.startswith("CE9")] == []


def test_generated_overlay_agrees_with_hand_written(elements_dir):
    from validator.schemas import load_schema

    generated = overlay_schema(load_element(elements_dir, "sageone").definition)
    written = load_schema("elements/sageone")
    gen_required = set(generated["$defs"]["configuration"]["required"])
    configuration = written["properties"]["configuration"]
    if "$ref" in configuration:  # a local reference such as #/$defs/configuration
        for token in configuration["$ref"].lstrip("#/").split("/"):
            written = written[token]
        configuration = written
    written_required = set(configuration["required"])
    assert gen_required == written_required
    assert generated["properties"]["element"]["properties"]["key"]["const"] == "sageone"


def test_schema_from_element_command(elements_dir, tmp_path):
    from clirun import run_cli

    out = tmp_path / "sageone.schema.json"
    result = run_cli("schema", "from-element", f"{elements_dir}/sageone/element.json", "-o", str(out))
    assert result.code == 0, result.err
    schema = json.loads(out.read_text())
    assert schema["$defs"]["configuration"]["required"] == [
        "apim.subscription.key", "oauth.api.key", "oauth.api.secret", "signature.secret"]
    assert schema["$defs"]["configuration"]["properties"]["signature.secret"]["writeOnly"] is True
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema)
    printed = run_cli("schema", "from-element", f"{elements_dir}/sageone/element.json")
    assert json.loads(printed.out) == schema
    missing = run_cli("schema", "from-element", str(tmp_path / "absent.json"))
    assert missing.code == 2 and "cannot read" in missing.err and "Traceback" not in missing.err
    assert run_cli("schema", "from-element").code == 2


def test_generated_overlays_validate_for_every_element(elements_dir):
    from jsonschema import Draft202012Validator

    for key in _keys(elements_dir):
        definition = load_element(elements_dir, key).definition
        schema = overlay_schema(definition)
        Draft202012Validator.check_schema(schema)
        body = _instance(definition, None)
        assert list(Draft202012Validator(schema).iter_errors(body)) == [], key


def test_element_password_keys_are_secret_and_masked(tmp_path):
    """A key the element types PASSWORD is a secret even when its name does not say so."""
    from clirun import run_cli

    folder = tmp_path / "docs" / "acme"
    folder.mkdir(parents=True)
    (folder / "element.json").write_text(json.dumps({
        "key": "acme", "hub": "crm",
        "configuration": [{"key": "acme.pin", "type": "PASSWORD", "required": True, "internal": False},
                          {"key": "acme.region", "type": "TEXTFIELD_4", "required": False, "internal": False}]}))
    canary = "Zq8vN3xK7pLm2Rt9Wc4Y"
    body = tmp_path / "acme.json"
    body.write_text(json.dumps({"element": {"key": "acme"},
                                "configuration": {"acme.pin": canary, "acme.region": "toolong"}}, indent=2))
    for fmt in ("text", "concise", "json", "github", "sarif", "junit", "gitlab"):
        result = run_cli("check", "--element-docs", str(tmp_path / "docs"), "--format", fmt, str(body))
        assert result.code == 1, (fmt, result)
        assert canary not in result.out + result.err, fmt
    findings = check(body, options=Options(element_docs=(str(tmp_path / "docs"),)))
    assert {"CE751", "CE903"} <= {f.rule for f in findings}


def test_render_the_element_default_poller(elements_dir, tmp_path):
    from clirun import run_cli

    result = run_cli("render", "--default", "--element-docs", elements_dir, "--element", "sageone",
                     "--at", "2024-01-05T10:00Z", "--format", "json")
    assert result.code == 0, result.err
    (resource,) = json.loads(result.out)["resources"]
    assert resource["name"] == "customers"
    assert resource["url"] == ("/hubs/finance/customers?where=lastModifiedDate>='2024-01-05T10:00:00Z' "
                               "and attributes='created_at,updated_at'")
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"element": {"key": "chargebee"}, "configuration": {}}))
    from_file = run_cli("render", str(body), "--default", "--element-docs", elements_dir, "--at", "2024-01-05T10:00Z")
    assert from_file.code == 0 and "start_time='1704448800'" in from_file.out
    assert run_cli("render", "--default", "--element", "sageone").code == 2
    assert run_cli("render", "--default", "--element-docs", elements_dir, "--element", "nosuch").code == 2


def test_user_overlay_from_element_schemas(elements_dir, tmp_path):
    """An overlay written by `schema from-element` checks bodies of that element via --element-schemas."""
    from clirun import run_cli

    overlays = tmp_path / "overlays"
    overlays.mkdir()
    made = run_cli("schema", "from-element", f"{elements_dir}/chargebee/element.json", "-o",
                   str(overlays / "chargebee.schema.json"))
    assert made.code == 0, made.err
    body = tmp_path / "chargebee.json"
    body.write_text(json.dumps({"element": {"key": "chargebee"}, "configuration": {"site": "acme"}}, indent=2))
    plain = run_cli("check", "--format", "concise", str(body))
    assert "CE105" not in plain.out
    result = run_cli("check", "--format", "concise", "--element-schemas", str(overlays), str(body))
    assert result.code == 1, result
    assert "CE105" in result.out and "`password`" in result.out and "`username`" in result.out
    (overlays / "chargebee.schema.json").write_text("{not json")
    broken = run_cli("check", "--element-schemas", str(overlays), str(body))
    assert broken.code == 2 and "cannot read the element schema" in broken.err
