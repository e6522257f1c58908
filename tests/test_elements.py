"""Element-aware checks (CE9xx) against the twelve element exports in ../shared/elements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.elements import (
    ApiDocs,
    ElementDefinition,
    load_element,
    overlay_schema,
    split_field_path,
)
from validator.engine import Options, check


@pytest.fixture(scope="module")
def elements_dir(shared: Path) -> str:
    folder = shared / "elements"
    if not folder.is_dir():
        pytest.skip(f"element exports not found at {folder}")
    return str(folder)


def _keys(elements_dir: str) -> list[str]:
    return sorted(p.name for p in Path(elements_dir).iterdir() if (p / "element.json").is_file())


def _instance(definition: ElementDefinition, poller: dict | str | None) -> dict:
    config: dict = {item.key: "${" + item.key.upper().replace(".", "_") + "}"
                    for item in definition.required_keys({})}
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


@pytest.mark.parametrize("form", ["object", "json-string", "bare-poller"])
def test_default_pollers_against_their_own_api_docs(elements_dir, form):
    """The twelve elements' own default pollers are ground truth: no element error or warning, in any form."""
    table = {}
    for key in _keys(elements_dir):
        definition = load_element(elements_dir, key).definition
        poller = definition.default_poller_value()
        if form == "bare-poller":
            found = check(poller, options=Options(element_docs=(elements_dir,), element=key))
        else:
            body = _instance(definition, json.dumps(poller) if form == "json-string" else poller)
            found = check(body, options=Options(element_docs=(elements_dir,)))
        table[key] = sorted(f"{f.rule} {f.severity} {f.pointer} {f.message}" for f in found
                            if (f.rule.startswith("CE9") or f.rule == "CE105") and f.severity != "info")
        assert not any(f.rule == "CE910" for f in found), "a default poller cannot differ from itself"
    assert table == {key: [] for key in _keys(elements_dir)}


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
        ({"idField": "main_contact_person"}, "CE915", "/configuration/event.poller.configuration/customers/idField"),
        ({"datesConfiguration": {**GOOD_ENTRY["datesConfiguration"], "createdDateField": "contact_types"}}, "CE915",
         "/configuration/event.poller.configuration/customers/datesConfiguration/createdDateField"),
    ],
)
def test_wrong_poller_gives_one_precise_finding(elements_dir, change, rule, pointer):
    found = [f for f in _element_findings(_sage_body({**GOOD_ENTRY, **change}), elements_dir) if f.rule != "CE910"]
    assert [(f.rule, f.pointer) for f in found] == [(rule, pointer)]
    assert found[0].help, found[0]  # (each says what to do: CE907 with no near parameter had no help, helper-158)


@pytest.mark.parametrize(("id_field", "shape", "meant"), [
    ("main_contact_person", "an object", "did you mean `main_contact_person.id`?"),
    ("currency", "an object", "did you mean `currency.id`?"),
    ("contact_types", "a list", "dotted path (`owner.id`)"),
])
def test_an_id_field_naming_an_object_or_a_list(elements_dir, id_field, shape, meant):
    (finding,) = [f for f in _element_findings(_sage_body({**GOOD_ENTRY, "idField": id_field}), elements_dir)
                  if f.rule == "CE915"]
    assert f"`{id_field}` is {shape}" in finding.message and meant in (finding.help or "")
    assert finding.severity == "warning"


def test_a_dotted_path_into_an_object_is_a_value(elements_dir):
    found = _element_findings(_sage_body({**GOOD_ENTRY, "idField": "main_contact_person.id"}), elements_dir)
    assert not [f for f in found if f.rule in ("CE908", "CE915")]


def test_good_poller_has_no_element_finding(elements_dir):
    found = [f for f in _element_findings(_sage_body(GOOD_ENTRY), elements_dir) if f.rule != "CE910"]
    assert found == []


def test_wrong_hub_points_at_the_hub_segment(elements_dir):
    body = _sage_body({**GOOD_ENTRY, "url": "/hubs/crm/customers"})
    (finding,) = [f for f in _element_findings(body, elements_dir) if f.rule == "CE906"]
    text = json.dumps(body, indent=2)
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == "crm"


def test_a_hub_left_out_is_said_so_once(elements_dir):
    """helper-151: `/hubs/customers` drew CE906 "serves the `finance` hub, not `customers`" and CE905 "`GET /` is not
    in the API docs": `customers` is the resource, the hub's name was left out."""
    body = _sage_body({**GOOD_ENTRY, "url": "/hubs/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd}'"})
    found = [f for f in _element_findings(body, elements_dir) if f.rule in ("CE905", "CE906")]
    assert [f.rule for f in found] == ["CE906"], found
    assert "the hub's name is missing" in found[0].message and found[0].help.endswith("/hubs/finance/customers")
    line = json.dumps(body, indent=2).splitlines()[found[0].line - 1]
    assert line[found[0].column - 1:found[0].end_column - 1] == "customers"


def _poller_findings(elements_dir: str, element: str, url: str, id_field: str = "id") -> tuple[str, list]:
    body = {"element": {"key": element}, "configuration": {"event.poller.configuration": {"r": {
        "url": url, "idField": id_field}}}}
    text, found = _run(body, elements_dir)
    return text, [f for f in found if f.rule.startswith("CE9") and f.rule != "CE910"]


def test_a_poller_url_that_is_no_hub_path(elements_dir):
    """helper-158: the platform's address pasted before the hub path drew CE905 (an error) "`GET https://api...` is
    not in the API docs" beside CE632, and the hub path after it went unchecked; `/crm/contacts` (the `/hubs` left
    out) drew nothing; a vendor's own path (the few vendor-relative pollers) drew CE905 as an error."""
    for url in ("https://api.cloud-elements.com/elements/api-v2/hubs/crm/contacts", "/elements/api-v2/hubs/crm/contacts",
                "https://acme.my.salesforce.com/services/data/v45.0/sobjects/Contact"):
        assert _poller_findings(elements_dir, "sfdc", url, "Id")[1] == [], url
    text, found = _poller_findings(elements_dir, "sfdc", "/elements/api-v2/hubs/crm/contactz", "Id")
    assert [(f.rule, _at(text, f)) for f in found] == [("CE911", "contactz")]
    text, found = _poller_findings(elements_dir, "sfdc", "https://api.cloud-elements.com/elements/api-v2/hubs/crm/a/b/c/d/e/f")
    assert [(f.rule, f.severity, _at(text, f)) for f in found] == [("CE905", "error", "/hubs/crm/a/b/c/d/e/f")]
    text, found = _poller_findings(elements_dir, "sfdc", "/crm/contacts/{contactId}/notes", "Id")
    assert [(f.rule, f.severity, _at(text, f), f.help) for f in found] == [
        ("CE906", "warning", "/crm", "write /hubs/crm/contacts/{contactId}/notes")]
    text, found = _poller_findings(elements_dir, "hubspot", "/contacts/v1/lists/recently_updated/contacts/recent", "vid")
    assert [(f.rule, f.severity) for f in found] == [("CE905", "info")]
    assert "may be the vendor's own" in found[0].message
    # the vendor's own path after the hub's name (Zoho's API is at crm.zoho.com/crm/private/json/...)
    assert [f.rule for f in _poller_findings(elements_dir, "zohocrm", "/crm/private/json/Leads/getRecords")[1]] \
        == ["CE905"]
    assert _poller_findings(elements_dir, "sfdc", "/hubs/crm/contacts", "Id")[1] == []


def test_the_element_s_hub_in_capitals_is_said_once_and_as_a_slip(elements_dir, tmp_path):
    """helper-158: `/hubs/CRM/contacts` drew CE906 (an error) "serves the `crm` hub, not `CRM`", as if another hub."""
    text, found = _poller_findings(elements_dir, "sfdc", "/hubs/CRM/contacts", "Id")
    assert found == []  # (CE625 says it, for a hub it knows)
    assert [(f.rule, _at(text, f)) for f in _run(json.loads(text), elements_dir)[1] if f.rule == "CE625"] == [
        ("CE625", "CRM")]
    docs = _acme(tmp_path, {"id": {"type": "string"}, "modified": {"type": "string"}})
    (tmp_path / "docs" / "acme" / "element.json").write_text(json.dumps({"key": "acme", "hub": "widgets",
                                                                         "configuration": []}))
    for written in ("widgets", "WIDGETS", "Widgets"):  # (a hub CE625 does not know)
        text = json.dumps(_acme_body(url=f"/hubs/{written}/contacts"), indent=2)
        found = [f for f in check(text, options=Options(element_docs=(docs,))) if f.rule == "CE906"]
        if written == "widgets":
            assert found == []
            continue
        (finding,) = found
        assert (finding.severity, _at(text, finding), finding.help) == ("warning", written, "write `widgets`")
        assert "in capitals" in finding.message
    text = json.dumps(_acme_body(url="/hubs/gadgets/contacts"), indent=2)
    (other,) = [f for f in check(text, options=Options(element_docs=(docs,))) if f.rule == "CE906"]
    assert other.severity == "error"


def test_missing_required_key_and_unknown_key(elements_dir):
    body = _sage_body(GOOD_ENTRY)
    del body["configuration"]["signature.secret"]
    body["configuration"]["oauth.api.kee"] = "x"
    findings = check(body, options=Options(element_docs=(elements_dir,)))
    found = [(f.rule, f.message, f.help) for f in findings if f.rule in ("CE105", "CE901")]
    # sageone has a bundled overlay: the schema layer reports the missing key, once, as CE105
    assert found == [("CE105", "missing configuration key `signature.secret`, which element `sageone` requires",
                      'add "signature.secret": "..."'),
                     ("CE901", "`oauth.api.kee` is not a configuration key of element `sageone`",
                      "did you mean `oauth.api.key`?")]
    assert [f.rule for f in check(body) if f.rule == "CE105"] == ["CE105"]  # the same code without element docs
    (unknown,) = [f for f in findings if f.rule == "CE901"]
    assert unknown.fix is None  # the key it means is there: a rename would make a duplicate
    # the rename CE101 offers without element docs is offered with them too (helper-87: `Event.Poller.Refresh_Interval`)
    del body["configuration"]["oauth.api.key"]
    (unknown,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE901"]
    assert unknown.fix is not None and unknown.fix.applicability == "unsafe"
    (edit,) = unknown.fix.edits
    assert edit.replacement == '"oauth.api.key"'


def test_keys_nested_in_objects_say_so_with_element_docs_too(elements_dir):
    """A fresh-mistakes trial (helper-81): `"event": {"notification": {...}}` was CE102 (an error that says keys are
    flat) without element docs, and only CE901 (a warning, "not a configuration key") with them."""
    body = _sage_body(GOOD_ENTRY)
    body["configuration"]["event"] = {"notification": {"enabled": True}}
    for options in (Options(element_docs=(elements_dir,)), Options()):
        found = [(f.rule, f.severity) for f in check(body, options=options) if f.pointer.endswith("/event")]
        assert found == [("CE102", "error")], found


def test_boolean_and_length(elements_dir):
    body = _sage_body(GOOD_ENTRY, **{"filter.response.nulls": "yes", "country": "U" * 33})
    found = sorted((f.rule, f.severity) for f in _element_findings(body, elements_dir) if f.rule != "CE910")
    assert found == [("CE904", "error")]  # a TEXTFIELD size is not enforced: CE903 is opt-in, and info
    selected = check(body, options=Options(element_docs=(elements_dir,), opt_in=frozenset({"CE903"})))
    assert sorted((f.rule, f.severity) for f in selected if f.rule in ("CE903", "CE904")) == \
        [("CE903", "info"), ("CE904", "error")]


def test_differs_from_default_is_info(elements_dir):
    found = [f for f in _element_findings(_sage_body(GOOD_ENTRY), elements_dir) if f.rule == "CE910"]
    assert len(found) == 1 and found[0].severity == "info"
    assert "`url`" in found[0].message


def test_an_entry_key_left_at_its_default_does_not_differ(elements_dir):
    """A false-alarm hunt (helper-77): HubSpot's default writes `"filterByUpdatedDate": true`; an entry leaving it out
    has the same (documented) default, and was said to differ (CE910)."""
    (name, default), *_ = load_element(elements_dir, "hubspot").definition.default_poller_value().items()
    assert default.get("filterByUpdatedDate") is True

    def differs(entry: dict) -> list:
        body = {"element": {"key": "hubspot"}, "name": "h", "configuration": {"event.poller.configuration": {name: entry}}}
        return [f.rule for f in _element_findings(body, elements_dir) if f.rule == "CE910"]

    assert differs({k: v for k, v in default.items() if k != "filterByUpdatedDate"}) == []
    assert differs({**default, "filterByUpdatedDate": False}) == ["CE910"]


def test_no_element_docs_means_no_element_findings():
    assert [f for f in check(_sage_body({**GOOD_ENTRY, "url": "/hubs/crm/x"})) if f.rule.startswith("CE9")] == []


def test_docs_of_another_element_are_said_not_silently_ignored(elements_dir):
    """A user's trial: `--element-docs exports/closeio` on a sageone body ran no element check and said nothing,
    so the clean report read as "checked against the element"."""
    body = _sage_body({**GOOD_ENTRY, "url": "/hubs/crm/x"})
    (found,) = [f for f in check(body, options=Options(element_docs=(elements_dir + "/closeio",)))
                if f.rule.startswith("CE9")]
    assert found.rule == "CE914" and found.severity == "info" and found.pointer == "/element/key"
    assert "those of `closeio`, not of `sageone`" in found.message
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE914"]
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir + "/sageone",)))
                if f.rule == "CE914"]  # the element's own folder
    (bare,) = [f for f in check(body["configuration"], options=Options(element="acme",
                                                                       element_docs=(elements_dir,)))
               if f.rule == "CE914"]
    assert bare.pointer == "" and "no element docs for `acme`" in bare.message
    templated = {**body, "element": {"key": "{{page.elementKey}}"}}  # CE701's (222 corpus pages)
    assert not [f for f in check(templated, options=Options(element_docs=(elements_dir,))) if f.rule == "CE914"]


def test_docs_without_one_of_their_files_say_which_checks_did_not_run(elements_dir, tmp_path):
    """helper-119: an element folder without `swagger.json` (or `element.json`) skipped those checks silently."""
    import shutil

    body = _sage_body({**GOOD_ENTRY, "url": "/hubs/crm/x"})
    for present, missing in (("element.json", "swagger.json"), ("swagger.json", "element.json")):
        folder = tmp_path / present / "sageone"
        folder.mkdir(parents=True)
        shutil.copy(Path(elements_dir) / "sageone" / present, folder / present)
        said = [f for f in check(body, options=Options(element_docs=(str(folder.parent),))) if f.rule == "CE914"]
        assert len(said) == 1 and f"no `{missing}`" in said[0].message and said[0].severity == "info", said
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE914"]


def test_generated_overlay_agrees_with_hand_written(elements_dir):
    from validator.schemas import load_schema

    generated = overlay_schema(load_element(elements_dir, "sageone").definition)
    written = load_schema("elements/sageone")
    gen_required = set(generated["$defs"]["configuration"]["required"])
    configuration = written["else"]["properties"]["configuration"]
    if "$ref" in configuration:  # a local reference such as #/$defs/configuration
        for token in configuration["$ref"].lstrip("#/").split("/"):
            written = written[token]
        configuration = written
    written_required = set(configuration["required"])
    assert gen_required == written_required
    # (a placeholder key is this element's, in both: helper-161)
    assert generated["else"]["properties"]["element"]["properties"]["key"]["anyOf"] == \
        load_schema("elements/sageone")["else"]["properties"]["element"]["properties"]["key"]["anyOf"]
    assert generated["else"]["properties"]["element"]["properties"]["key"]["anyOf"][0] == {"const": "sageone"}
    # ... and both leave another element's body alone (an editor applies them wherever their fileMatch matches)
    assert generated["if"] == load_schema("elements/sageone")["if"]
    # the element's own keys written at the top level are misplaced, in both (CE106)
    assert {"country"} == {key for key, value in load_schema("elements/sageone")["else"]["properties"].items()
                           if value.get("x-belongs") == "configuration"} <= {
        key for key, value in generated["else"]["properties"].items() if value.get("x-belongs") == "configuration"}


def test_schema_from_element_command(elements_dir, tmp_path):
    from clirun import run_cli

    out = tmp_path / "gen" / "sageone.schema.json"  # (a folder not there yet is made, helper-136)
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
                          {"key": "acme.region", "type": "TEXTFIELD_4", "required": False, "internal": False},
                          {"key": "acme.sandbox", "type": "BOOLEAN", "required": False, "internal": False}]}))
    canary = "Zq8vN3xK7pLm2Rt9Wc4Y"
    body = tmp_path / "acme.json"
    body.write_text(json.dumps({"element": {"key": "acme"},
                                "configuration": {"acme.pin": canary, "acme.region": "toolong",
                                                  "acme.sandbox": "maybe"}}, indent=2))
    for fmt in ("text", "concise", "json", "github", "sarif", "junit", "gitlab"):
        result = run_cli("check", "--element-docs", str(tmp_path / "docs"), "--format", fmt, str(body))
        assert result.code == 1, (fmt, result)
        assert canary not in result.out + result.err, fmt
    findings = check(body, options=Options(element_docs=(str(tmp_path / "docs"),), opt_in=frozenset({"CE903"})))
    assert {"CE751", "CE903", "CE904"} <= {f.rule for f in findings}


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
    missing = run_cli("render", "--default", "--element-docs", elements_dir, "--element", "nosuch")
    assert missing.code == 2 and "no element 'nosuch' in " in missing.err, missing  # (not "has no default poller")


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


# --------------------------------------------------------------------------- login methods (CE105)

SFDC_DATES = {"updatedDateField": "LastModifiedDate", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
              "createdDateField": "CreatedDate", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ"}
SFDC_CONTACTS = {"url": "/hubs/crm/contacts?where=LastModifiedDate>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'",
                 "idField": "Id", "datesConfiguration": SFDC_DATES}


def _sfdc(configuration: dict | None = None, **entry) -> dict:
    config = {"oauth.callback.url": "https://mycoolapp.com/auth", "oauth.api.key": "${SFDC_KEY}",
              "oauth.api.secret": "${SFDC_SECRET}", "event.notification.enabled": True,
              "event.notification.callback.url": "https://mycoolapp.com/events", "event.poller.refresh_interval": "15",
              "event.poller.configuration": {"contacts": {**SFDC_CONTACTS, **entry}}}
    config.update(configuration or {})
    return {"element": {"key": "sfdc"}, "providerData": {"code": "${SFDC_CODE}"}, "configuration": config,
            "tags": ["crm"], "name": "Salesforce"}


def _at(text: str, finding) -> str:
    """The text a finding underlines (on one line)."""
    assert finding.line == finding.end_line
    return text.splitlines()[finding.line - 1][finding.column - 1:finding.end_column - 1]


def _run(body: dict, elements_dir: str, **options) -> tuple[str, list]:
    text = json.dumps(body, indent=2)
    return text, check(text, options=Options(element_docs=(elements_dir,), **options))


@pytest.mark.parametrize("method", [None, "oauth2"])
def test_correct_salesforce_oauth_body_draws_no_element_error(elements_dir, method):
    body = _sfdc({"authentication.type": method} if method else None)
    _, found = _run(body, elements_dir)
    assert [f for f in found if f.severity == "error"] == []
    assert [f for f in found if (f.rule.startswith("CE9") or f.rule == "CE105") and f.severity != "info"] == []


def test_corpus_salesforce_oauth_bodies_draw_no_required_key(elements_dir, corpus):
    bodies = [r for r in corpus if r["element"] == "sfdc" and r["kind"] == "instance" and r["subkind"] == "request"]
    assert len(bodies) >= 5
    for record in bodies:
        found = check(record["text"], options=Options(element_docs=(elements_dir,)))
        assert [f.message for f in found if f.rule == "CE105"] == [], record["id"]


@pytest.mark.parametrize(
    ("method", "present", "missing"),
    [
        ("oauth2Password", {"sfdc.username": "me@example.com"}, ["sfdc.password"]),
        ("oauth2Password", {}, ["sfdc.username", "sfdc.password"]),
        ("jwtOauth", {"jwt.claim.aud": "https://login.salesforce.com", "jwt.claim.iss": "${ISS}"},
         ["jwt.base64.encoded.key", "jwt.claim.sub"]),
    ],
)
def test_login_method_required_key(elements_dir, method, present, missing):
    text, found = _run(_sfdc({"authentication.type": method, **present}), elements_dir)
    (finding,) = [f for f in found if f.rule == "CE105"]
    assert finding.severity == "error" and finding.pointer == "/configuration"
    assert (finding.line, finding.column) == (8, 20)  # the configuration object, where the overlay puts it too
    assert text.splitlines()[7][19] == "{"
    assert all(f"`{name}`" in finding.message for name in missing), finding.message
    assert f"`authentication.type` `{method}`" in finding.message


def test_unknown_login_method_requires_no_group(elements_dir):
    for value in ("${AUTH_TYPE}", "oauth", None):
        _, found = _run(_sfdc({"authentication.type": value}), elements_dir)
        assert [f for f in found if f.rule == "CE105"] == [], value


def test_a_note_on_the_default_poller_hides_no_missing_key(elements_dir):
    """A fresh-mistake trial (helper-133): with --element-docs, an entry of a resource the element's default poller has
    (sfdc `contacts`) lacking its `url` lost CE103 (an error) behind CE910's note that it differs from the default,
    and the file passed; a note replaces nothing."""
    body = {"element": {"key": "sfdc"}, "name": "sf", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://hooks.example.com/ce",
        "event.poller.configuration": {"contacts": {"idField": "Id"}}}}
    found = [(f.rule, f.severity) for f in check(body, options=Options(element_docs=(elements_dir,)))]
    assert ("CE103", "error") in found and ("CE910", "info") in found, found


def test_responses_are_not_checked_for_required_keys(elements_dir):
    response = {"id": 12345, "token": "ABC", "element": {"id": 39, "key": "quickbooks"}, "configuration": {}}
    _, found = _run(response, elements_dir)
    assert [f for f in found if f.rule == "CE105" or f.rule.startswith("CE9")] == []
    _, found = _run({"element": {"key": "quickbooks"}, "configuration": {}}, elements_dir)
    assert [f.rule for f in found if f.rule == "CE105"] == ["CE105"]


def _overlay_missing(schema: dict, config: dict) -> set[str]:
    from jsonschema import Draft202012Validator

    key = schema["else"]["properties"]["element"]["properties"]["key"]["anyOf"][0]["const"]
    body = {"element": {"key": key}, "configuration": config}
    missing: set[str] = set()
    for error in Draft202012Validator(schema).iter_errors(body):
        if error.validator == "required":
            missing.update(name for name in error.validator_value if name not in error.instance)
    return missing


def test_overlay_and_element_check_share_the_login_method_logic(elements_dir):
    """`schema from-element` (if/then on the control key) requires exactly what the element check requires."""
    compared = 0
    for key in _keys(elements_dir):
        definition = load_element(elements_dir, key).definition
        schema = overlay_schema(definition)
        controls = [item for item in definition.configuration.values() if item.control]
        choices: list[dict] = [{}]
        for control in controls:
            choices += [{control.key: option} for option in (*control.options, "bogus", None)]
        for config in choices:
            expected = {item.key for item in definition.required_keys(config)}
            assert _overlay_missing(schema, config) == expected, (key, config)
            full = {**config, **{k: "x" for k in expected}}
            assert _overlay_missing(schema, full) == set(), (key, config)
            compared += 1
    assert compared > 20
    sfdc = overlay_schema(load_element(elements_dir, "sfdc").definition)
    branches = sfdc["$defs"]["configuration"]["allOf"]
    assert {b["if"]["properties"]["authentication.type"]["const"] for b in branches} == {"oauth2Password", "jwtOauth"}
    assert all(b["if"]["required"] == ["authentication.type"] for b in branches)  # oauth2 is the default


def test_both_modes_report_the_same_code_at_the_same_place(elements_dir, tmp_path):
    """With a user overlay, with element docs, or both: one CE105, at the same line and column."""
    from clirun import run_cli

    overlays = tmp_path / "overlays"
    overlays.mkdir()
    made = run_cli("schema", "from-element", f"{elements_dir}/sfdc/element.json", "-o", str(overlays / "sfdc.schema.json"))
    assert made.code == 0, made.err
    body = tmp_path / "sfdc.json"
    body.write_text(json.dumps(_sfdc({"authentication.type": "oauth2Password", "sfdc.username": "me"}), indent=2))
    places = {}
    for mode, flags in {"overlay": ["--element-schemas", str(overlays)], "docs": ["--element-docs", elements_dir],
                        "both": ["--element-schemas", str(overlays), "--element-docs", elements_dir]}.items():
        result = run_cli("check", "--format", "json", *flags, str(body))
        assert result.code == 1, (mode, result)
        found = [f for f in json.loads(result.out)["findings"] if f["rule"] == "CE105"] \
            if isinstance(json.loads(result.out), dict) else \
            [f for f in json.loads(result.out) if f["rule"] == "CE105"]
        assert len(found) == 1 and "`sfdc.password`" in found[0]["message"], (mode, found)
        places[mode] = (found[0]["line"], found[0]["column"])
    assert len(set(places.values())) == 1, places


# --------------------------------------------------------------------------- API docs: x-mask, examples, x-searchable


def test_x_mask_mismatch(elements_dir):
    """Salesforce's LastModifiedDate is `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in the docs; a literal 'Z' cannot read it."""
    dates = {**SFDC_DATES, "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'"}
    text, found = _run(_sfdc(datesConfiguration=dates), elements_dir)
    (finding,) = [f for f in found if f.rule == "CE912"]
    assert finding.severity == "warning"
    assert finding.pointer == "/configuration/event.poller.configuration/contacts/datesConfiguration/updatedDateFormat"
    assert _at(text, finding) == '"yyyy-MM-dd\'T\'HH:mm:ss\'Z\'"'
    assert (finding.line, finding.column) == (21, 32)
    assert "`yyyy-MM-dd'T'HH:mm:ss.SSSZ`" in finding.message and "column 20" in finding.message
    assert finding.help == "use `yyyy-MM-dd'T'HH:mm:ss.SSSZ`"


@pytest.mark.parametrize("fmt", ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd'T'HH:mm:ss.SSSXX", "yyyy-MM-dd'T'HH:mm:ss.SSSX"])
def test_formats_that_read_the_mask_are_silent(elements_dir, fmt):
    dates = {**SFDC_DATES, "updatedDateFormat": fmt}
    _, found = _run(_sfdc(datesConfiguration=dates), elements_dir)
    assert [f.message for f in found if f.rule == "CE912"] == []


def test_mask_milliseconds_against_a_pattern(elements_dir):
    body = {"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": {"contacts": {
        "url": "/hubs/marketing/contacts?where=lastmodifieddate='${date}'", "idField": "vid",
        "datesConfiguration": {"updatedDateField": "properties.lastmodifieddate",
                               "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'"}}}}}
    _, found = _run(body, elements_dir)
    (finding,) = [f for f in found if f.rule == "CE912"]
    assert "`milliseconds`" in finding.message and finding.help == "use `milliseconds`"


def _acme(tmp_path: Path, properties: dict, examples: list | None = None) -> str:
    """A small element with one documented path, `/contacts`, whose records have ``properties``."""
    folder = tmp_path / "docs" / "acme"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "element.json").write_text(json.dumps({"key": "acme", "hub": "crm", "configuration": []}))
    response: dict = {"description": "OK", "schema": {"type": "array", "items": {"$ref": "#/definitions/Contact"}}}
    if examples is not None:
        response["examples"] = {"application/json": examples}
    (folder / "swagger.json").write_text(json.dumps({
        "swagger": "2.0", "paths": {
            "/contacts": {"get": {"parameters": [{"name": "where", "in": "query", "type": "string"}],
                                  "responses": {"200": response}}},
            "/{objectName}": {"get": {"responses": {"200": {"description": "OK"}}}}},
        "definitions": {"Contact": {"type": "object", "properties": properties}}}))
    return str(tmp_path / "docs")


def _acme_body(url: str = "/hubs/crm/contacts", fmt: str = "yyyy-MM-dd'T'HH:mm:ss") -> dict:
    return {"element": {"key": "acme"}, "configuration": {"event.poller.configuration": {"contacts": {
        "url": url, "idField": "id",
        "datesConfiguration": {"updatedDateField": "modified", "updatedDateFormat": fmt}}}}}


@pytest.mark.parametrize("where", ["field", "response"])
def test_unparseable_example_value(tmp_path, where):
    """The docs' example value is parsed with the configured format, Java-exact; the message says where it stops."""
    field: dict = {"type": "string", "format": "date-time"}
    examples = None
    if where == "field":
        field["example"] = "2024-01-05 10:20:30"
    else:
        examples = [{"id": "1", "modified": "2024-01-05 10:20:30"}]
    docs = _acme(tmp_path, {"id": {"type": "string"}, "modified": field}, examples)
    text = json.dumps(_acme_body(), indent=2)
    found = [f for f in check(text, options=Options(element_docs=(docs,))) if f.rule == "CE912"]
    (finding,) = found
    assert "'2024-01-05 10:20:30'" in finding.message and "column 11" in finding.message
    assert _at(text, finding) == '"yyyy-MM-dd\'T\'HH:mm:ss"' and (finding.line, finding.column) == (12, 32)
    good = json.dumps(_acme_body(fmt="yyyy-MM-dd HH:mm:ss"), indent=2)
    assert [f for f in check(good, options=Options(element_docs=(docs,))) if f.rule == "CE912"] == []


def test_example_error_index_is_javas(tmp_path, jdk):
    """Where the message says parsing stops is Java's ParsePosition error index."""
    from validator.dates.parse import DateParseError
    from validator.dates.pattern import compile_pattern

    for fmt, value in [("yyyy-MM-dd'T'HH:mm:ss", "2024-01-05 10:20:30"), ("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2024-01-05T10:20:30Z"),
                       ("yyyy-MM-dd HH:mm:ss", "05/01/2024 10:20")]:
        with pytest.raises(DateParseError) as ours:
            compile_pattern(fmt).parse(value, "GMT", lenient=True)
        assert jdk.request("P", fmt, "GMT", "1", value) == ["FAIL", str(ours.value.index)], (fmt, value)


def test_not_searchable_filter_field(elements_dir):
    text, found = _run(_sfdc(url="/hubs/crm/contacts?where=Description='vip'"), elements_dir)
    (finding,) = [f for f in found if f.rule == "CE913"]
    # unmarked where others are marked: information (a user's trial: Name on /accounts and Zoho's `Modified Time`
    # on /cases are filterable, and the docs leave them unmarked)
    assert finding.severity == "info" and _at(text, finding) == "Description"
    assert (finding.line, finding.column) == (17, 42)
    # (no near name: the help names fields the docs mark searchable, as a next step; it had none, helper-158)
    assert (finding.help or "").startswith("filter on a field the API docs mark searchable: `"), finding.help
    _, found = _run(_sfdc(url="/hubs/crm/contacts?where=Email='a@b.c' and LastModifiedDate>'2024-01-01'"), elements_dir)
    assert [f for f in found if f.rule == "CE913"] == []


@pytest.mark.parametrize(("element", "url", "id_field"), [
    ("zohocrm", "/hubs/crm/cases?where='Modified Time'>'${dateTimeZone:UTC:yyyy-MM-dd HH:mm:ss}'", "CASEID"),
    ("zohocrm", "/hubs/crm/contacts?where='Last Name'='last' AND 'First Name'='first'", "CONTACTID"),
    ("hubspot", "/hubs/marketing/activities?where=startTime>'${epoch}'", "id"),
])
def test_a_filter_the_where_parameters_own_text_names_is_searchable(elements_dir, element, url, id_field):
    """helper-158: the docs' own `where` example (Zoho's /cases: "For example, 'Modified Time'>'2016-06-22 11:15:20'";
    HubSpot's /activities: "Possible where clause parameters are, campaignId, appId, startTime, endTime ...") drew
    CE913 "the API docs do not list `Modified Time` searchable" from the same docs."""
    body = {"element": {"key": element}, "configuration": {
        "event.notification.enabled": True, "event.poller.configuration": {"res": {"url": url, "idField": id_field}}}}
    assert [f.message for f in _element_findings(body, elements_dir) if f.rule == "CE913"] == []


def test_searchable_operators(tmp_path):
    docs = _acme(tmp_path, {"id": {"type": "string"}, "modified": {"type": "string"},
                            "status": {"type": "string", "x-searchable": True, "x-searchable-operators": ["="]},
                            "notes": {"type": "string", "x-searchable": False}})
    for where, expected in [("status like 'a%'", "status"), ("notes='x'", "notes"), ("status='open'", None),
                            ("updated_after='2024'", None)]:
        text = json.dumps(_acme_body(url=f"/hubs/crm/contacts?where={where}"), indent=2)
        found = [f for f in check(text, options=Options(element_docs=(docs,))) if f.rule == "CE913"]
        assert [_at(text, f) for f in found] == ([expected] if expected else []), where


def test_catch_all_near_miss(elements_dir):
    body = _sage_body({**GOOD_ENTRY, "url": "/hubs/finance/customerz?where=lastModifiedDate>'2024-01-01'"})
    text, found = _run(body, elements_dir)
    (finding,) = [f for f in found if f.rule == "CE911"]
    assert finding.severity == "warning" and _at(text, finding) == "customerz"
    assert (finding.line, finding.column) == (12, 31)
    assert finding.help == "did you mean `/customers`?"
    for url in ("/hubs/finance/widgets", "/hubs/finance/customers", "/hubs/finance/{objectName}"):
        _, found = _run(_sage_body({**GOOD_ENTRY, "url": url}), elements_dir)
        assert [f for f in found if f.rule in ("CE905", "CE911")] == [], url
    # adobe-esign's own default polls /agreementAssetEvents through its catch-all, next to /agreement-asset-events
    adobe = {"element": {"key": "adobe-esign"}, "configuration": {"event.poller.configuration": {"events": {
        "url": "/hubs/esignature/agreementAssetEvents", "idField": "agreementAssetId"}}}}
    _, found = _run(adobe, elements_dir)
    assert [f for f in found if f.rule == "CE911"] == []
    # a user's trial: Salesforce's objects by their own names (Cloud Elements' stride demo polls /hubs/crm/Account)
    for name in ("Account", "Lead", "Contact", "Opportunity"):
        sfdc = {"element": {"key": "sfdc"}, "configuration": {"event.poller.configuration": {name: {
            "url": f"/hubs/crm/{name}?where=LastModifiedDate>='${{gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}}'",
            "idField": "Id"}}}}
        _, found = _run(sfdc, elements_dir)
        assert [f for f in found if f.rule == "CE911"] == [], name
    sfdc["configuration"]["event.poller.configuration"]["Opportunity"]["url"] = "/hubs/crm/opportunitys"
    _, found = _run(sfdc, elements_dir)
    assert [f.help for f in found if f.rule == "CE911"] == ["did you mean `/opportunities`?"]


def test_child_path_is_matched_to_a_get_and_not_through_its_own_variable(elements_dir):
    """A child of a documented resource that only the catch-all route serves: no claim about a documented path it
    is not.  HubSpot's `/contacts/{id}/notes` once matched `/contacts/properties/{propertyId}` (the body's `{id}`
    taken for `properties`) and got CE908/CE909 against that model; Zoho's `/products/{id}/notes` matched
    `/products/{objectName}/{id}`, which has a PATCH only, and got CE905 (an error) though the catch-all GETs it."""
    api = load_element(elements_dir, "hubspot").api
    assert api.match("/contacts/{id}/notes") == "/{objectName}/{objectId}/{childObjectName}"
    assert api.match("/contacts/{contactId}/lists") == "/contacts/{contactId}/lists"
    assert load_element(elements_dir, "zohocrm").api.match("/products/{id}/notes") \
        == "/{objectName}/{objectId}/{childObjectName}"
    hubspot = {"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": {"contacts": {
        "url": "/hubs/marketing/contacts/{id}/notes", "idField": "vid", "datesConfiguration": {
            "updatedDateField": "properties.lastmodifieddate", "updatedDateFormat": "milliseconds"}}}}}
    zoho = {"element": {"key": "zohocrm"}, "configuration": {"event.poller.configuration": {"notes": {
        "url": "/hubs/crm/products/{id}/notes", "idField": "id"}}}}
    for body in (hubspot, zoho):
        _, found = _run(body, elements_dir)
        assert [f.rule for f in found if f.rule in ("CE905", "CE908", "CE909")] == [], body["element"]


def test_unknown_field_or_key_names_the_fix_when_nothing_is_near(elements_dir):
    """A field or key with no near spelling still gets a way out: the field the element's default poller reads there
    (CE908/CE909), the records' id or dates, else where to look; a key of another element (CE901): remove it."""
    def helps(body, rule):
        return [(f.pointer.rsplit("/", 1)[-1], f.help) for f in _run(body, elements_dir)[1] if f.rule == rule]

    entry = {**GOOD_ENTRY, "idField": "identifierX"}
    assert helps(_sage_body(entry), "CE908") == [
        ("idField", "write `id`, which the element's default poller reads for `idField` here")]
    pardot = {"element": {"key": "pardot"}, "configuration": {"event.poller.configuration": {"contacts": {
        "url": "/hubs/marketing/contacts", "idField": "id", "datesConfiguration": {
            "updatedDateField": "modifiedTimestampX", "updatedDateFormat": "yyyy-MM-dd HH:mm:ss"}}}}}
    assert helps(pardot, "CE909") == [
        ("updatedDateField", "write `updated_at`, which the element's default poller reads for `updatedDateField` here")]
    # a resource the default does not poll: the records' dates, when the docs date few enough fields
    adobe = {"element": {"key": "adobe-esign"}, "configuration": {"event.poller.configuration": {"docs": {
        "url": "/hubs/esignature/library-documents", "idField": "id", "datesConfiguration": {
            "updatedDateField": "changedTimestampX", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssZ"}}}}}
    assert helps(adobe, "CE909") == [("updatedDateField", "name one of the records' dates: `modifiedDate`")]
    egnyte = {"element": {"key": "egnyte"}, "configuration": {"subdomain": "acme", "oauth.api.key": "${K}",
                                                              "oauth.api.secret": "${S}", "sfdc.username": "u",
                                                              "acme.tenant.code": "x"}}
    assert helps(egnyte, "CE901") == [  # (helper-171: a key another element of the docs declares is said to be its)
        ("sfdc.username", "`sfdc.username` is a key of element `sfdc`, not of `egnyte`: remove it, or write the key "
                          "element `egnyte` declares for it"),
        ("acme.tenant.code", "remove it, or write the key element `egnyte` declares for what it meant")]


def test_near_miss_of_a_later_segment_or_of_a_path_only_the_default_polls(elements_dir):
    """CE911 looked at the first segment alone, and among documented paths only: HubSpot's
    `/contacts/{contactId}/workflowz` and Egnyte's `/eventz` (its default polls `/events`, which its API docs serve by
    the catch-all route alone) went unreported; Chargebee's `/eventz` too (0.83 alike to `/events`: one slip)."""
    cases = [("hubspot", "/hubs/marketing/contacts/{contactId}/workflowz", "workflowz",
              "did you mean `/contacts/{contactId}/workflows`?"),
             ("egnyte", "/hubs/documents/eventz", "eventz", "did you mean `/events`?"),
             ("chargebee", "/hubs/payment/eventz", "eventz", "did you mean `/events`?")]
    for element, url, written, help in cases:
        body = {"element": {"key": element}, "configuration": {"event.poller.configuration": {"r": {
            "url": url, "idField": "id"}}}}
        text, found = _run(body, elements_dir)
        (hit,) = [f for f in found if f.rule == "CE911"]
        assert (_at(text, hit), hit.help) == (written, help), element
    for element, url in [("egnyte", "/hubs/documents/events"), ("hubspot", "/hubs/marketing/contacts/{id}/notes"),
                         ("chargebee", "/hubs/payment/invoices")]:
        body = {"element": {"key": element}, "configuration": {"event.poller.configuration": {"r": {
            "url": url, "idField": "id"}}}}
        assert [f for f in _run(body, elements_dir)[1] if f.rule == "CE911"] == [], url


def test_near_miss_a_documented_variable_takes_for_its_value(elements_dir):
    """helper-158: a slip in a segment beside a documented variable (`/files/{fileId}/versions/{versionId}` next to
    `/files/{fileId}/versions/latest-version`) matched the variable's path, so nothing was said, and LinkedIn's
    `/companies/{id}/updates/commenst` drew CE908 against the model of one update instead."""
    cases = [("sfdc", "/hubs/crm/files/{fileId}/versions/latest-versino", "Id", "latest-versino",
              "/files/{fileId}/versions/{versionId}", "did you mean `/files/{fileId}/versions/latest-version`?"),
             ("linkedin", "/hubs/social/companies/{id}/updates/commenst", "updateKey", "commenst",
              "/companies/{id}/updates/{updateId}", "did you mean `/companies/{id}/updates/comments`?"),
             ("quickbooks", "/hubs/finance/reports/metadaat", "id", "metadaat", "/reports/{id}",
              "did you mean `/reports/metadata`?")]
    for element, url, id_field, written, served, help in cases:
        body = {"element": {"key": element}, "configuration": {"event.poller.configuration": {"r": {
            "url": url, "idField": id_field}}}}
        text, found = _run(body, elements_dir)
        (hit,) = [f for f in found if f.rule == "CE911"]
        assert (_at(text, hit), hit.help, hit.severity) == (written, help, "warning"), element
        assert f"`GET {served}` takes it for its" in hit.message
        assert [f.rule for f in found if f.rule in ("CE905", "CE907", "CE908", "CE909")] == [], element
    # a value for the variable, a documented literal, and the variable left as written: nothing said
    for element, url in [("quickbooks", "/hubs/finance/reports/ProfitAndLoss"), ("quickbooks", "/hubs/finance/reports/metadata"),
                         ("sfdc", "/hubs/crm/files/{fileId}/versions/{versionId}"), ("sfdc", "/hubs/crm/files/069xx/versions/068yy"),
                         ("linkedin", "/hubs/social/companies/12345/updates")]:
        body = {"element": {"key": element}, "configuration": {"event.poller.configuration": {"r": {
            "url": url, "idField": "id"}}}}
        assert [f for f in _run(body, elements_dir)[1] if f.rule == "CE911"] == [], url


REVIEW = Path(__file__).parent / "expected" / "element_corpus_review.json"


def test_corpus_element_findings_are_the_reviewed_ones(elements_dir, corpus):
    """Every error and warning of element mode over the twelve elements' corpus bodies, reviewed by eye.

    The file maps `id rule severity pointer` to the verdict; a new finding fails here until reviewed.
    """
    keys = set(_keys(elements_dir))
    found = {}
    for record in corpus:
        if record["element"] not in keys:
            continue
        for f in check(record["text"], options=Options(element_docs=(elements_dir,), element=record["element"])):
            if (f.rule.startswith("CE9") or f.rule == "CE105") and f.severity != "info":
                found[f"{record['id']} {f.rule} {f.severity} {f.pointer}"] = f.message
    reviewed = json.loads(REVIEW.read_text())
    assert sorted(found) == sorted(reviewed)
    assert all(verdict.startswith("true") for verdict in reviewed.values())


def test_retired_code_is_explained_not_reused():
    from clirun import run_cli

    from validator.rules import registry

    assert "CE902" not in registry()
    result = run_cli("explain", "CE902")
    assert result.code == 0 and "retired" in result.out and "CE105" in result.out


def test_a_mask_the_default_poller_contradicts_is_not_trusted(elements_dir):
    """Sage One's docs say `...ssZ` (+0000), but its default poller reads `'Z'`: the mask is wrong, not the user."""
    for fmt in ("yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss'Z'"):
        entry = {"url": "/hubs/finance/invoices", "idField": "id",
                 "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": fmt}}
        _, found = _run(_sage_body(entry), elements_dir)
        assert [f.message for f in found if f.rule == "CE912"] == [], fmt


@pytest.mark.parametrize(("fmt", "zone", "why"), [
    ("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "GMT", "column 20"),  # milliseconds the vendor does not send
    ("yyyy-dd-MM'T'HH:mm:ss'Z'", "GMT", "is read as 2024-05-01"),  # day and month swapped
    ("yyyy-MM-dd'T'HH:mm:ss", "America/New_York", "is read as"),  # UTC times read as New York's
    ("yyyy-MM-dd HH:mm:ss", "GMT", "column 11"),  # a space where the vendor sends 'T'
])
def test_a_format_that_cannot_read_what_the_default_poller_reads(elements_dir, fmt, zone, why):
    """Sage One's default poller reads `updated_at` of /customers with `yyyy-MM-dd'T'HH:mm:ss'Z'`: that is what
    the vendor sends, whatever the docs' mask says."""
    entry = {"url": "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
             "idField": "id", "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": fmt,
                                                      "updatedDateTimezone": zone}}
    text, found = _run(_sage_body(entry), elements_dir)
    (finding,) = [f for f in found if f.rule == "CE912"]
    assert "as the element's default poller reads it, with `yyyy-MM-dd'T'HH:mm:ss'Z'`" in finding.message
    assert why in finding.message and finding.help == "use `yyyy-MM-dd'T'HH:mm:ss'Z'`, as the default poller does"
    assert _at(text, finding) == json.dumps(fmt)


@pytest.mark.parametrize(("fmt", "zone"), [
    ("yyyy-MM-dd'T'HH:mm:ssX", "America/Chicago"), ("yyyy-MM-dd'T'HH:mm:ssXXX", "GMT"),
    ("yyyy-MM-dd'T'HH:mm:ss", "GMT"), ("yyyy-MM-dd'T'HH:mm:ss'Z'", "Etc/UTC"),
])
def test_a_format_that_reads_what_the_default_poller_reads_is_silent(elements_dir, fmt, zone):
    entry = {"url": "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
             "idField": "id", "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": fmt,
                                                      "updatedDateTimezone": zone}}
    _, found = _run(_sage_body(entry), elements_dir)
    assert [f.message for f in found if f.rule == "CE912"] == [], fmt


def test_a_default_poller_s_zone_placeholder_is_the_account_s_zone(elements_dir):
    """Zoho's default poller reads dates in `{TimeZone}` (and its created dates in no zone at all): a body that fills
    in its own zone is compared by shape, not against GMT."""
    for zone in ("America/New_York", "Asia/Kolkata"):
        entry = {"url": f"/hubs/crm/products?where='Modified Time'>'${{dateTimeZone:{zone}:yyyy-MM-dd HH:mm:ss}}'",
                 "idField": "PRODUCTID",
                 "datesConfiguration": {"updatedDateField": "['Modified Time']", "updatedDateFormat": "yyyy-M-d H:m:s",
                                        "createdDateField": "['Created Time']", "createdDateFormat": "yyyy-M-d H:m:s",
                                        "updatedDateTimezone": zone, "createdDateTimezone": zone}}
        body = {"element": {"key": "zohocrm"}, "configuration": {"event.poller.configuration": {"products": entry}}}
        _, found = _run(body, elements_dir)
        assert [f.message for f in found if f.rule == "CE912"] == [], zone


def test_a_value_with_its_offset_is_written_in_utc_as_the_vendor_writes_it(elements_dir):
    """Salesforce writes `+0000` whatever zone the body names: `X` reads it in India too, while a format without an
    offset reads it as Indian time, five and a half hours off."""
    for fmt, expected in (("yyyy-MM-dd'T'HH:mm:ss.SSSX", []), ("yyyy-MM-dd'T'HH:mm:ss.SSS", ["CE912"])):
        dates = {**SFDC_DATES, "updatedDateFormat": fmt, "updatedDateTimezone": "Asia/Kolkata"}
        _, found = _run(_sfdc(datesConfiguration=dates), elements_dir)
        assert [f.rule for f in found if f.rule == "CE912" and "updatedDateFormat" in f.pointer] == expected, fmt


def _default_body(elements_dir: str, key: str) -> dict | None:
    """An instance body running the element's own default poller, or None when its export has none."""
    from validator.elements import find_element

    docs = find_element((elements_dir,), key)
    poller = docs.definition.default_poller_value() if docs and docs.definition else None
    if not poller:
        return None
    return {"element": {"key": key}, "name": key, "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://example.com/events",
        "event.vendor.type": "polling", "event.poller.configuration": poller}}


def test_the_element_s_own_default_pairing_of_formats_is_not_questioned(elements_dir):
    """A user's trial: Salesforce's and Pardot's own default pollers drew CE413 (info) even with --element-docs,
    which the README says take the default as ground truth."""
    checked = 0
    for key in ("sfdc", "pardot"):
        body = _default_body(elements_dir, key)
        if body is None:
            continue
        without = [f for f in check(body) if f.rule == "CE413"]
        with_docs = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE413"]
        checked += bool(without)
        assert not with_docs, (key, with_docs)
        # a user's trial: the element's own folder given as the docs folder found nothing, silently
        own_folder = [f for f in check(body, options=Options(element_docs=(f"{elements_dir}/{key}",)))
                      if f.rule == "CE413"]
        assert not own_folder, (key, own_folder)
    assert checked, "neither default pairs formats CE413 questions: the test checks nothing"


def test_an_environment_reference_in_a_boolean_key_is_not_judged(elements_dir):
    """A user's trial: `"event.notification.enabled": "${EVENTS_ENABLED}"` drew CE904 with --element-docs."""
    body = {"element": {"key": "sageone"}, "name": "s", "configuration": {
        "oauth.api.key": "${K}", "oauth.api.secret": "${S}", "signature.secret": "${G}",
        "apim.subscription.key": "${A}", "event.notification.enabled": "${EVENTS_ENABLED}"}}
    assert [f.rule for f in check(body, options=Options(element_docs=(elements_dir,)))] == []


def test_a_boolean_key_in_any_case_is_not_judged(elements_dir):
    """A trial's good file (helper-54): `"True"` drew CE904, though the platform reads it as Java's
    `Boolean.parseBoolean` does, ignoring case; `"yes"` (false to Java) still draws it."""
    keys = {"oauth.api.key": "${K}", "oauth.api.secret": "${S}", "signature.secret": "${G}",
            "apim.subscription.key": "${A}"}
    for value, rules in (("True", []), ("FALSE", []), ("yes", ["CE904"])):
        body = {"element": {"key": "sageone"}, "name": "s",
                "configuration": {**keys, "event.notification.enabled": "false", "filter.response.nulls": value}}
        found = [f.rule for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE904"]
        assert found == rules, value


def test_a_choice_key_holds_one_of_its_options(elements_dir):
    """A trial's fresh mistake (helper-54): Salesforce's `authentication.type` written `oauth2password` drew nothing."""
    def body(choice: str) -> dict:
        return {"element": {"key": "sfdc"}, "name": "s", "configuration": {
            "authentication.type": choice, "user.username": "a@b.example", "user.password": "${PW}",
            "oauth.api.key": "${K}", "oauth.api.secret": "${S}"}}

    found = [f for f in check(body("oauth2password"), options=Options(element_docs=(elements_dir,)))
             if f.rule == "CE916"]
    assert len(found) == 1 and found[0].help == "did you mean `oauth2Password`?", found
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == '"oauth2Password"'
    for fine in ("oauth2Password", "${AUTH_TYPE}"):
        assert not [f for f in check(body(fine), options=Options(element_docs=(elements_dir,))) if f.rule == "CE916"]
    assert [f.help for f in check(body("saml"), options=Options(element_docs=(elements_dir,)))
            if f.rule == "CE916"] == ["write one of `oauth2Password`, `oauth2`, `jwtOauth`"]


@pytest.mark.parametrize(("element", "resource", "url", "sent"), [
    ("chargebee", "events", "/hubs/payment/events?where=start_time='${epoch:ms}'", "epoch milliseconds"),
    ("lithiumlsw", "changedConversations",
     "/hubs/social/changed-conversations?where=startEpochMillis='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'", "a date text"),
])
def test_the_last_poll_time_in_another_form_than_the_default_poller_sends(elements_dir, element, resource, url, sent):
    """A trial's fresh mistakes (helper-54): `${epoch:ms}` where Chargebee's default sends `${epoch:s}`, and a date
    text where Lithium's sends `${epoch:ms}`, drew nothing."""
    body = {"element": {"key": element}, "name": "x", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://acme.example/events",
        "event.poller.configuration": {resource: {"url": url, "idField": "id"}}}}
    found = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE917"]
    assert len(found) == 1 and f"as {sent}" in found[0].message, found
    default = _default_body(elements_dir, element)
    if default is not None:
        assert not [f for f in check(default, options=Options(element_docs=(elements_dir,))) if f.rule == "CE917"]


@pytest.mark.parametrize(("url", "codes"), [
    # a fresh trial (helper-66): three zeros after `${epoch:s}` send the milliseconds Lithium's default sends
    ("/hubs/social/changed-conversations?where=startEpochMillis='${epoch:s}000'", set()),
    # a sum after the macro is CE643's alone (CE917 told to write `${epoch:s}`, which left the `/1000`)
    ("/hubs/social/changed-conversations?where=startEpochMillis='${epoch}/1000'", {"CE643"}),
    ("/hubs/social/changed-conversations?where=startEpochMillis='${epoch:s}'", {"CE917"}),
])
def test_the_form_an_epoch_macro_sends_counts_what_is_written_after_it(elements_dir, url, codes):
    body = {"element": {"key": "lithiumlsw"}, "name": "x", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://acme.example/events",
        "event.poller.configuration": {"changedConversations": {"url": url, "idField": "lswUuid"}}}}
    found = {f.rule for f in check(body, options=Options(element_docs=(elements_dir,)))}
    assert found & {"CE917", "CE643"} == codes


def test_a_path_below_a_string_field_is_no_field(elements_dir):
    """A trial's fresh mistake (helper-57): HubSpot's `properties.lastmodifieddate` is a string (milliseconds) in the
    docs; `properties.lastmodifieddate.value` (the raw API's shape) was taken for a free-form object's field."""
    body = _default_body(elements_dir, "hubspot")
    if body is None:
        pytest.skip("hubspot's export has no default poller")
    entry = body["configuration"]["event.poller.configuration"]["contacts"]
    dates = entry["datesConfiguration"]
    dates["updatedDateField"] = dates["updatedDateField"] + ".value"
    found = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE909"]
    assert len(found) == 1 and ".lastmodifieddate.value" in found[0].message, found


def test_the_legacy_date_macro_prints_epoch_milliseconds(elements_dir):
    """A review (helper-58): HubSpot's default sends `${date}` (no format: epoch milliseconds, as `render` prints
    it); a poller sending `${epoch}` to the same field drew CE917 as if `${date}` were a date text."""
    body = {"element": {"key": "hubspot"}, "name": "n", "configuration": {
        "authentication.type": "apiKey", "hubspot.authorization.apikey": "${K}", "event.notification.enabled": True,
        "event.notification.callback.url": "https://hooks.acme.example/ce", "event.poller.configuration": {
            "contacts": {"url": "/hubs/marketing/contacts?where=lastmodifieddate='${epoch}'", "idField": "vid",
                         "datesConfiguration": {"updatedDateField": "properties.lastmodifieddate",
                                                "updatedDateFormat": "milliseconds"}}}}}
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE917"]


def test_a_placeholder_in_a_choice_key_is_ce701_s_alone(elements_dir):
    """A review (helper-58): `<AUTHENTICATION_TYPE>` drew CE916 beside CE701."""
    for value in ("<AUTHENTICATION_TYPE>", "{{authType}}"):
        body = {"element": {"key": "sfdc"}, "name": "s", "configuration": {"authentication.type": value}}
        rules = {f.rule for f in check(body, options=Options(element_docs=(elements_dir,)))}
        assert "CE701" in rules and "CE916" not in rules, (value, rules)


def test_an_option_in_another_case_is_quoted_though_password_shaped(elements_dir):
    """A fresh trial (helper-209): `OAuth2Password` (mixed case and a digit: a password's shape) was said to be "a
    value that reads like a password", hiding the option's own name the fix writes; a password-shaped value that is
    no option is still not quoted."""
    def message(value: str) -> str:
        body = {"element": {"key": "sfdc"}, "name": "s", "configuration": {"authentication.type": value}}
        found = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE916"]
        assert len(found) == 1, found
        return found[0].message

    assert message("OAuth2Password").startswith('`authentication.type` is "OAuth2Password", none of')
    assert "Hunter2Prod99" not in message("Hunter2Prod99")


def test_a_token_in_a_choice_key_is_not_quoted(elements_dir):
    body = {"element": {"key": "sfdc"}, "name": "s", "configuration": {
        "authentication.type": "00D5g000004JxyzA8f3K2m9X7q4W1z6B5n0Rt"}}
    found = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE916"]
    assert found and "00D5g" not in found[0].message


def test_the_element_s_own_undated_event_feeds_are_not_questioned(elements_dir):
    """A user's trial: Adobe Sign's, Chargebee's and Lithium's default pollers hold event feeds without
    datesConfiguration; CE412 questioned them even with --element-docs."""
    for key in ("adobe-esign", "chargebee", "lithiumlsw"):
        body = _default_body(elements_dir, key)
        if body is None:
            continue
        assert [f for f in check(body) if f.rule == "CE412"], key  # without the docs, as before
        assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE412"], key


def test_milliseconds_for_a_field_the_docs_type_as_32_bits(elements_dir):
    """A user's trial (Chargebee): `occurred_at` is an int32 in the API docs, epoch seconds; read as `milliseconds`
    every event dates from January 1970 and none is ever newer than the last poll."""
    dates = {"updatedDateField": "event.occurred_at", "updatedDateFormat": "milliseconds",
             "createdDateField": "event.occurred_at", "createdDateFormat": "milliseconds"}
    entry = {"url": "/hubs/payment/events?where=start_time='${epoch:s}'", "idField": "id",
             "datesConfiguration": dates}
    body = {"element": {"key": "chargebee"}, "name": "c", "configuration": {"event.poller.configuration":
                                                                           {"events": entry}}}
    hits = [f for f in _element_findings(body, elements_dir) if f.rule == "CE912"]
    assert len(hits) == 2 and "32-bit integer" in hits[0].message
    assert hits[0].pointer.endswith("/updatedDateFormat")


@pytest.mark.parametrize(("path", "field"), [("/opportunities", "date_updated"), ("/accounts", "date_created"),
                                             ("/tasks", "due_date")])
def test_milliseconds_for_a_field_the_docs_give_as_a_date_text(elements_dir, path, field):
    """helper-151: closeio's `/opportunities` `date_updated` (mask `SSSZ`, which the default poller contradicts) and
    `/accounts` `date_created` (sample `...51.333000+00:00`, which the `XXX` mask cannot read) read as `milliseconds`
    passed: both the mask and the sample (or the default poller) say a date text, which no number is read from."""
    dates = {"updatedDateField": field, "updatedDateFormat": "milliseconds"}
    body = {"element": {"key": "closeio"}, "configuration": {"event.poller.configuration": {
        "x": {"url": f"/hubs/crm{path}", "idField": "id", "datesConfiguration": dates}}}}
    (hit,) = [f for f in _element_findings(body, elements_dir) if f.rule == "CE912"]
    assert hit.pointer.endswith("/updatedDateFormat") and "as a number" in hit.message, hit.message
    dates["updatedDateFormat"] = "yyyy-MM-dd'T'HH:mm:ssXXX" if field != "due_date" else "yyyy-MM-dd"
    assert not [f for f in _element_findings(body, elements_dir) if f.rule == "CE912" and "as a number" in f.message]


def test_milliseconds_where_the_docs_mask_says_milliseconds_is_left_alone(elements_dir):
    """HubSpot's docs type `properties.closedate` as `date-time` with the mask `milliseconds`: it is a number."""
    dates = {"updatedDateField": "properties.closedate", "updatedDateFormat": "milliseconds"}
    body = {"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": {
        "deals": {"url": "/hubs/marketing/deals", "idField": "dealId", "datesConfiguration": dates}}}}
    assert not [f for f in _element_findings(body, elements_dir) if f.rule == "CE912"]


def test_a_default_format_that_misreads_its_field_is_not_held_up_as_the_model(elements_dir):
    """A second trial: closeio's default reads `date_updated` with `SSSSSS` (microseconds read as milliseconds,
    CE405; 12.5 minutes off on the docs' sample, by the JDK); CE912 told a `.SSS` format to use it instead."""
    entry = {"url": "/hubs/crm/contacts?where=date_updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'",
             "idField": "id",
             "datesConfiguration": {"updatedDateField": "date_updated", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX",
                                    "createdDateField": "date_created", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX"}}
    body = {"element": {"key": "closeio"}, "configuration": {"event.poller.configuration": {"contacts": entry}}}
    found = [f for f in _element_findings(body, elements_dir) if f.rule == "CE912"]
    assert found, "a format without the fraction still cannot read what the vendor sends"
    for finding in found:
        assert not (finding.help or "").startswith("use "), finding.help
        assert "misreads it too (CE405" in (finding.help or "")


def test_an_id_field_the_records_wrap_names_the_wrapper(elements_dir):
    """A trial (helper-61): CE908 on Chargebee's `idField: id` said nothing of `event.id`, the records being
    `{"event": {...}}`."""
    entry = {"url": "/hubs/payment/events?where=start_time='${epoch:s}'", "idField": "id"}
    body = {"element": {"key": "chargebee"}, "name": "c", "configuration": {"event.poller.configuration":
                                                                           {"events": entry}}}
    (hit,) = [f for f in _element_findings(body, elements_dir) if f.rule == "CE908"]
    assert hit.help is not None and hit.help.startswith("did you mean `event.id`?"), hit.help
    entry["idField"] = "event.id"
    assert not [f for f in _element_findings(body, elements_dir) if f.rule == "CE908"]


@pytest.mark.parametrize(("element", "key", "value", "meant"), [
    ("chargebee", "site", "https://acme-test.chargebee.com", "acme-test"),
    ("chargebee", "site", "acme-test.chargebee.com/api/v1/", "acme-test"),
    ("chargebee", "site", "https://acme.chargebee.com/api/v2", "acme"),  # a review (helper-63): missed
    ("chargebee", "site", "acme.chargebee.com:443", "acme"),
    ("egnyte", "subdomain", "https://acme.egnyte.com/app/index.do", "acme"),  # ... and fixed to a path
    ("egnyte", "subdomain", "acme.egnyte.com", "acme"),
    ("lithiumlsw", "baseUrl", "https://acme.response.lithium.com/api/v2", "acme.response.lithium.com"),
    # a port where the value ends the address is the address's own (a false-alarm hunt, helper-68)
    ("lithiumlsw", "baseUrl", "https://acme.response.lithium.com:443", "acme.response.lithium.com:443"),
    ("lithiumlsw", "baseUrl", "https://acme.response.lithium.com:8443/api/v2", "acme.response.lithium.com:8443"),
    # a user name pasted with the address is no part of the piece (helper-218)
    ("lithiumlsw", "baseUrl", "https://svc@acme.response.lithium.com/api/v2", "acme.response.lithium.com"),
])
def test_a_key_the_element_puts_into_a_host_holds_only_its_piece(elements_dir, element, key, value, meant):
    """A trial's fresh mistakes (helper-59): Chargebee's `site`, Egnyte's `subdomain` and Lithium's `baseUrl` given
    as the whole address drew nothing; `base.url` then names no host."""
    body = {"element": {"key": element}, "name": "x", "configuration": {key: value}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]
    assert hit.help == f"write `{meant}`" and hit.fix is not None and hit.fix.applicability == "unsafe"
    assert hit.pointer == f"/configuration/{key}"
    for fine in (meant, "${SITE}", "<your-site>", *([f"{meant}:443", f"{meant}:8443"] if key == "baseUrl" and ":" not in meant else [])):
        body["configuration"][key] = fine
        assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]
    body["configuration"].update({key: value, "base.url": "https://billing.acme.example/api/v1"})  # its own URL
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]


@pytest.mark.parametrize(("element", "key", "value", "meant"), [
    ("chargebee", "site", "https://test_cdcuKL7N8QnQ2S9qVcdVcuQeSLaQ5cdQb@acme-test.chargebee.com", "acme-test"),
    ("egnyte", "subdomain", "user:pa55word@acme.egnyte.com", "acme"),
])
def test_a_host_piece_pasted_with_credentials_is_named_without_them(elements_dir, element, key, value, meant):
    """helper-218: Chargebee's `site` given as `https://<api key>@acme-test.chargebee.com` drew "write `****@acme-test`":
    the piece it named kept the credential.  (No fix: a fix never rewrites a secret, masking's rule.)"""
    body = {"element": {"key": element}, "name": "x", "configuration": {key: value}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]
    assert hit.help == f"write `{meant}`"


@pytest.mark.parametrize(("value", "meant"), [("secure.eu1.echosign.com", "eu1"),
                                             ("https://secure.na2.echosign.com/public/oauth", "na2")])
def test_a_host_piece_after_the_templates_own_start(elements_dir, value, meant):
    """A trial (helper-71): Adobe Sign's `region` goes into `https://secure.{region}.echosign.com/...`; given as the
    host, CE918's help said `write secure.eu1`, which makes `secure.secure.eu1.echosign.com`."""
    body = {"element": {"key": "adobe-esign"}, "name": "x", "configuration": {"region": value}}
    hits = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]
    assert hits and {hit.help for hit in hits} == {f"write `{meant}`"}
    body["configuration"]["region"] = meant
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]


def test_events_set_up_another_way_than_the_element_delivers_them(elements_dir):
    """A trial's fresh mistake (helper-59): `webhook` on Sage One (polling only) drew nothing."""
    def found(key: str, config: dict) -> list:
        body = {"element": {"key": key}, "name": "x", "configuration": config}
        return [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE919"]

    events = {"event.notification.enabled": True, "event.notification.callback.url": "https://acme.example/events"}
    poller = {"event.poller.configuration": {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}}
    (hit,) = found("sageone", {**events, "event.vendor.type": "webhook"})
    assert hit.pointer == "/configuration/event.vendor.type" and hit.help == "write `polling`"
    assert not found("closeio", {**events, **poller, "event.vendor.type": "polling"})
    assert not found("closeio", {**events, "event.vendor.type": "webhook"})  # a webhook element, set up so
    assert not found("sageone", {**events, **poller, "event.vendor.type": "polling"})
    assert not found("hubspot", {**events, "event.vendor.type": "webhook"})  # it offers both
    # helper-202's list: the message quoted `webhook` where the body wrote `Webhook`
    (written,) = found("sageone", {**events, "event.vendor.type": "Webhook"})
    assert "with `Webhook` no webhook is registered" in written.message


def test_a_poller_left_to_an_element_s_webhook_default(elements_dir):
    """helper-218: Close.io's definition defaults `event.vendor.type` to `webhook`; a poller without it polled nothing
    and passed.  Close.io's own events page showed such a body (corpus 837) and later added
    `"event.vendor.type": "polling"` to it (corpus 127, the page's head)."""
    def found(config: dict, body: dict | None = None) -> list:
        body = {"element": {"key": "closeio"}, "name": "x", "configuration": config, **(body or {})}
        return [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule in ("CE919", "CE205")]

    events = {"event.notification.enabled": True, "event.notification.callback.url": "https://acme.example/events"}
    poller = {"event.poller.configuration": {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}}
    (hit,) = found({**events, **poller})
    assert hit.rule == "CE919" and hit.pointer == "/configuration/event.poller.configuration"
    assert "`webhook`" in hit.message and hit.help == 'add "event.vendor.type": "polling"'
    (stringified,) = found({**events, "event.poller.configuration": json.dumps(poller["event.poller.configuration"])})
    assert stringified.pointer == "/configuration/event.poller.configuration"
    assert not found({**events, **poller, "event.vendor.type": "polling"})
    for misspelt in ("Event.Vendor.Type", "event_vendor_type", "event.vendortype"):  # h219: its near miss renames it
        assert not found({**events, **poller, misspelt: "polling"}), misspelt
    assert [f.rule for f in found({**events, **poller, "event.vendor.type": "webhook"})] == ["CE205"]  # (said once)
    assert not found({**events, "event.poller.configuration": {}})  # (no resource: nothing to poll)
    assert not found({**poller, "event.notification.enabled": False})  # events off: CE204's
    assert not found({**events, **poller}, {"id": 77, "token": "t"})  # the platform's answer echoes what it stores
    update = {"configuration": {**events, **poller}}  # `PATCH /instances/{id}`: the stored vendor type stays
    assert not [f for f in check(update, options=Options(element_docs=(elements_dir,), element="closeio"))
                if f.rule == "CE919"]
    hubspot = {"element": {"key": "hubspot"}, "name": "x", "configuration": {**events, **poller}}  # (default polling)
    assert not [f for f in check(hubspot, options=Options(element_docs=(elements_dir,))) if f.rule == "CE919"]


@pytest.mark.parametrize("written", ["SageOne", "sage-one", "sage_one", "sagone"])
def test_an_element_key_in_another_case_than_its_docs_folder_is_named(elements_dir, written):
    """A trial (helper-59): `SageOne` drew only "no element docs"; the docs hold `sageone`.  So did `sage-one` and
    `sage_one` (helper-133)."""
    body = {"element": {"key": written}, "name": "x", "configuration": {}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE914"]
    assert hit.help == "did you mean `sageone`? (element keys are compared as written)" and "`sageone`" in hit.message
    assert hit.severity == "warning"  # a fresh-mistakes trial (helper-81): an info, exit 0, for a key that is wrong
    # a key of its own, a version's digit after a known one: the note alone
    other = {**body, "element": {"key": "hubspot2"}}
    assert [f.severity for f in check(other, options=Options(element_docs=(elements_dir,))) if f.rule == "CE914"] == [
        "info"]


def test_the_legacy_date_macro_is_read_alike_by_render_and_the_element_checks():
    """A trial (helper-64): render printed `${date}` with the entry's updatedDateFormat while CE917 took it for epoch
    milliseconds; both now ask `legacy_date_pattern`."""
    from validator.rules.elements import _macro_form
    from validator.urls.render import render_url
    from validator.urls.template import parse_url_template

    url = "/hubs/hr/workers?where=changed>'${date}'"
    (macro,) = parse_url_template(url).macros
    iso = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    assert _macro_form(macro, iso, url) == ("date", "") and _macro_form(macro, "milliseconds", url) == ("epoch", "ms")
    assert render_url("/x?where=a>'${date}'", 0, date_format=iso).url == "/x?where=a>'1970-01-01T00:00:00Z'"
    assert render_url("/x?where=a>'${date}'", 0, date_format="milliseconds").url == "/x?where=a>'0'"


def test_a_format_that_reads_the_docs_sample_value_is_not_warned_of(elements_dir):
    """A false-alarm hunt (helper-68): Adobe Sign documents `documentHistoryEvent.date` with the mask `...ssZ` and
    the sample `2017-12-07T08:59:53-08:00`, which `XXX` reads and `Z` does not; CE912 told a body reading it with
    `XXX` to use `Z`."""
    fmt = "yyyy-MM-dd'T'HH:mm:ssXXX"
    dates = {"updatedDateField": "documentHistoryEvent.date", "updatedDateFormat": fmt,
             "createdDateField": "documentHistoryEvent.date", "createdDateFormat": fmt}
    entry = {"url": "/hubs/esignature/agreement-asset-events?where=startDate='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'",
             "idField": "agreementAssetId", "datesConfiguration": dates}
    body = {"element": {"key": "adobe-esign"}, "name": "a",
            "configuration": {"event.poller.configuration": {"agreement-asset-events": entry}}}
    assert not [f for f in _element_findings(body, elements_dir) if f.rule == "CE912"]
    dates["updatedDateFormat"] = "MM/dd/yyyy HH:mm"  # reads neither: still told
    assert [f.pointer for f in _element_findings(body, elements_dir) if f.rule == "CE912"] == [
        "/configuration/event.poller.configuration/agreement-asset-events/datesConfiguration/updatedDateFormat"]


def test_three_zeros_after_an_epoch_macro_are_what_ce917_shows_and_removes(elements_dir):
    """A review (helper-69): CE917 said Chargebee's `${epoch:s}000` sent milliseconds as `${epoch:s}`, and told to write
    `${epoch:s}`, already there."""
    body = {"element": {"key": "chargebee"}, "name": "x", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://acme.example/events",
        "event.poller.configuration": {"events": {"url": "/hubs/payment/events?where=start_time='${epoch:s}000'",
                                                  "idField": "id"}}}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE917"]
    assert "(`${epoch:s}000`)" in hit.message and hit.help == "remove the `000` after the macro"
    assert hit.end_column - hit.column == len("${epoch:s}000")


def test_an_element_s_configuration_key_at_the_body_s_top_level(elements_dir):
    """A fresh trial (helper-66): `"country"` beside `name` drew nothing, with or without element docs (CE106 said only
    dotted keys); Sage One's overlay says so now, and the element docs for any other element."""
    sage = {"element": {"key": "sageone"}, "name": "s", "country": "US", "configuration": {
        "oauth.api.key": "k", "oauth.api.secret": "${S}", "signature.secret": "${G}", "apim.subscription.key": "${A}"}}
    assert [(f.rule, f.pointer) for f in check(sage) if f.rule == "CE106"] == [("CE106", "/country")]
    charge = {"element": {"key": "chargebee"}, "name": "c", "site": "acme", "configuration": {"username": "${KEY}"}}
    found = [f for f in check(charge, options=Options(element_docs=(elements_dir,))) if f.rule == "CE106"]
    assert [(f.pointer, f.message) for f in found] == [
        ("/site", "configuration key `site` is at the top level of the instance body; it belongs in `configuration`")]
    assert not [f for f in check(charge) if f.rule == "CE106"]  # without docs, `site` is no key we know


def test_a_format_against_what_the_elements_own_poller_reads_a_documented_kind_of_date_with(elements_dir):
    """A fresh trial (helper-71): Salesforce's `.SSS'Z'` copied to Sage One's invoices passed; the invoices' `x-mask`
    (`...ssZ`) is one the default poller contradicts (it reads such fields with `'Z'`), so nothing was compared."""
    def found(fmt: str) -> list:
        dates = {"updatedDateField": "updated_at", "updatedDateFormat": fmt}
        body = {"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.configuration": {
            "invoices": {"url": "/hubs/finance/invoices?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                         "idField": "id", "datesConfiguration": dates}}}}
        return [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE912"]

    (hit,) = found("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
    assert hit.help == "use `yyyy-MM-dd'T'HH:mm:ss'Z'`" and "\"2024-01-05T10:20:30Z\"" in hit.message
    assert not found("yyyy-MM-dd'T'HH:mm:ss'Z'") and not found("yyyy-MM-dd'T'HH:mm:ssX")


def test_a_key_of_another_login_method(elements_dir):
    """A fresh trial (helper-71): HubSpot's `hubspot.authorization.apikey` with `authentication.type` left at its
    default (`oauth2`), Salesforce's username and password without `oauth2Password`, passed."""
    def found(key: str, config: dict) -> list:
        body = {"element": {"key": key}, "name": "x", "configuration": config}
        return [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE920"]

    (hit,) = found("hubspot", {"hubspot.authorization.apikey": "${HUBSPOT_KEY}"})
    assert hit.pointer == "/configuration/hubspot.authorization.apikey" and "at its default, `oauth2`" in hit.message
    assert hit.help == "set `authentication.type` to `apiKey`, or remove `hubspot.authorization.apikey`"
    assert [f.pointer for f in found("hubspot", {"authentication.type": "apiKey", "oauth.api.key": "${K}"})] == [
        "/configuration/oauth.api.key"]
    assert len(found("sfdc", {"sfdc.username": "ops@acme.example", "sfdc.password": "${SFDC_PASSWORD}"})) == 2
    assert not found("hubspot", {"authentication.type": "apiKey", "hubspot.authorization.apikey": "${K}"})
    assert not found("hubspot", {"oauth.api.key": "${K}", "oauth.api.secret": "${S}"})  # the default's own keys
    assert not found("hubspot", {"authentication.type": "oauth2 OR apiKey", "hubspot.authorization.apikey": "${K}"})
    assert not found("sfdc", {"authentication.type": "oauth2Password", "sfdc.username": "ops@acme.example",
                              "sfdc.password": "${SFDC_PASSWORD}"})


@pytest.mark.parametrize(("key", "rule"), [("updatedDateField", "CE909"), ("idField", "CE908")])
def test_a_name_the_default_filters_by_is_not_a_record_field_by_that(elements_dir, key, rule):
    """helper-87: HubSpot's default poller filters by `lastmodifieddate` and reads `properties.lastmodifieddate`; the
    filter's name was taken for a field of the records, so `"updatedDateField": "lastmodifieddate"` passed."""
    entry = {"url": "/hubs/marketing/contacts?where=lastmodifieddate='${date}'", "idField": "vid",
             "datesConfiguration": {"updatedDateField": "properties.lastmodifieddate", "updatedDateFormat": "milliseconds",
                                    "createdDateField": "properties.createdate", "createdDateFormat": "milliseconds"}}
    body = {"element": {"key": "hubspot"}, "name": "n",
            "configuration": {"event.notification.enabled": True, "event.poller.configuration": {"contacts": entry}}}
    assert not [f for f in _element_findings(body, elements_dir) if f.rule in ("CE908", "CE909", "CE913")]
    if key == "idField":
        entry["idField"] = "lastmodifieddate"
    else:
        entry["datesConfiguration"][key] = "lastmodifieddate"
    (finding,) = [f for f in _element_findings(body, elements_dir) if f.rule == rule]
    assert "`lastmodifieddate` is not a field of the records" in finding.message


@pytest.mark.parametrize(("element", "key"), [("sfdc", "sfdc.password"), ("hubspot", "hubspot.authorization.apikey")])
def test_an_update_that_rotates_a_credential_keeps_the_stored_login(elements_dir, element, key):
    """helper-93: an update body (`PATCH`: no element, name nor providerData) rotating a password or an API key was
    CE920, "leaves the login at its default": an update keeps every key it leaves out."""
    found = check({"configuration": {key: "${NEW_SECRET}"}},
                  options=Options(element_docs=(elements_dir,), element=element))
    assert [f.rule for f in found if f.rule == "CE920"] == []
    created = check({"element": {"key": element}, "name": "x", "configuration": {key: "${NEW_SECRET}"}},
                    options=Options(element_docs=(elements_dir,)))
    assert "CE920" in {f.rule for f in created}  # a new instance does log in by the default


def test_the_api_docs_own_mask_is_no_mistake_where_the_default_poller_misreads_the_field(elements_dir):
    """helper-93: Close.io's contacts read with the docs' `...ss.SSSZ` was CE912, measured against the default
    poller's `SSSSSS`, which CE405 itself calls a misreading."""
    fmt = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
    body = {"element": {"key": "closeio"}, "name": "x", "configuration": {
        "username": "${CLOSE_API_KEY}", "event.vendor.type": "polling", "event.notification.enabled": True,
        "event.notification.callback.url": "https://acme.example/events", "event.poller.configuration": {"contacts": {
            "url": "/hubs/crm/contacts?where=date_updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSSXXX}'", "idField": "id",
            "datesConfiguration": {"updatedDateField": "date_updated", "updatedDateFormat": fmt,
                                   "createdDateField": "date_created", "createdDateFormat": fmt}}}}}
    assert [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE912"] == []
    dates = body["configuration"]["event.poller.configuration"]["contacts"]["datesConfiguration"]
    dates["updatedDateFormat"] = "dd/MM/yyyy HH:mm"
    assert [f.rule for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE912"] == ["CE912"]


def test_the_legacy_date_macro_s_form_is_said_to_follow_the_updated_format(elements_dir, monkeypatch):
    """helper-93: HubSpot's own `${date}` with another updatedDateFormat was CE917 "sends it as a date text (`${date}`)
    ... sends it epoch milliseconds (`${date}`)": the macro is the same; the format decides.  (HubSpot's API docs
    show its `where` taking ISO dates, helper-131: a date text is no mistake there; the wording is checked with API
    docs that show none.)"""
    import validator.rules.elements as element_rules

    default = _default_body(elements_dir, "hubspot")
    assert default is not None, "the hubspot export's default poller"
    entry = default["configuration"]["event.poller.configuration"]["contacts"]
    assert "${date}" in entry["url"]
    entry["datesConfiguration"]["updatedDateFormat"] = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    assert not [f for f in check(default, options=Options(element_docs=(elements_dir,))) if f.rule == "CE917"]
    monkeypatch.setattr(element_rules, "_where_shows_a_date", lambda api, template: False)
    (found,) = [f for f in check(default, options=Options(element_docs=(elements_dir,))) if f.rule == "CE917"]
    assert "by the entry's `updatedDateFormat`" in found.message and found.message.count("`${date}`") == 1


def test_every_element_rule_s_passing_example_passes_against_the_elements(elements_dir):
    """helper-93: `explain CE916/917/918` showed passing examples with keys their elements do not have (chargebee's
    `api.key`, sfdc's `user.username`), which the element checks themselves reported."""
    from validator.rules import registry

    for code, rule in registry().items():
        if not code.startswith("CE9") or not rule.good:
            continue
        found = check(rule.good, options=Options(element_docs=(elements_dir,)))
        assert [(f.rule, f.message) for f in found if f.severity != "info"] == [], code


def test_a_key_the_default_poller_leaves_out_is_said_so(elements_dir):
    """helper-93: CE910's help printed "the default has {}" for a key only the body's entry has."""
    default = _default_body(elements_dir, "lithiumlsw")
    assert default is not None, "the lithiumlsw export's default poller"
    name, entry = next(iter(default["configuration"]["event.poller.configuration"].items()))
    entry.pop("pollDelay", None)
    entry["pollDelay"] = 120
    (found,) = [f for f in check(default, options=Options(element_docs=(elements_dir,))) if f.rule == "CE910"]
    assert found.help == "the default leaves `pollDelay` out", found.help


def test_a_text_format_for_a_field_the_api_docs_type_as_an_integer(elements_dir):
    """helper-93: Lithium's `createDate` is an int64 in its API docs; a text pattern reads no record's date."""
    body = {"element": {"key": "lithiumlsw"}, "name": "x", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://acme.example/events",
        "event.poller.configuration": {"changedConversations": {
            "url": "/hubs/social/changed-conversations?where=startEpochMillis='${epoch:ms}'", "idField": "id",
            "datesConfiguration": {"updatedDateField": "createDate", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'"}}}}}
    found = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE912"]
    assert len(found) == 1 and "as an integer" in found[0].message, found
    body["configuration"]["event.poller.configuration"]["changedConversations"]["datesConfiguration"][
        "updatedDateFormat"] = "milliseconds"
    assert [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE912"] == []


def test_a_configuration_of_event_keys_and_a_body_naming_another_element_are_not_judged_by_element(elements_dir):
    """helper-104: a configuration object of event keys alone (events switched on for an existing instance, as pages
    show it) drew CE105 for every key its element requires; `--element sageone` over a folder made a Salesforce
    body `sageone`'s (CE104 `element.key` must be `sageone`, then CE105, CE9xx)."""
    events = {"event.notification.enabled": True, "event.notification.callback.url": "https://hooks.example.com/ce"}
    for element in ("sageone", "linkedin", "hubspot"):
        for docs in ((elements_dir,), ()):
            assert check(events, options=Options(element=element, element_docs=docs)) == [], (element, docs)
    partial = {"oauth.api.key": "${SAGE_KEY}", **events}  # a key that is not an event's: the whole configuration
    assert [f.rule for f in check(partial, options=Options(element="sageone"))] == ["CE105"]
    salesforce = {"element": {"key": "sfdc"}, "name": "crm", "configuration": {
        "oauth.api.key": "${SFDC_KEY}", "oauth.api.secret": "${SFDC_SECRET}", "oauth.callback.url": "https://x.example.com/cb"}}
    alone = [f.rule for f in check(salesforce, options=Options(element_docs=(elements_dir,)))]
    over = [f.rule for f in check(salesforce, options=Options(element="sageone", element_docs=(elements_dir,)))]
    assert over == alone and "CE104" not in over
    placeholder = {**salesforce, "element": {"key": "{{page.elementKey}}"}}  # --element says what it stands for
    assert any(f.rule == "CE105" and "`sageone`" in f.message for f in check(placeholder, options=Options(element="sageone")))


@pytest.mark.parametrize(("element", "resource", "written", "meant"), [
    ("closeio", "contacts", "updated_at", "date_updated"),  # not `updated_by`, a user's id
    ("zohocrm", "leads", "Modified_Time", "['Modified Time']"),  # as a field path writes a name with a space
    ("closeio", "contacts", "create_by", None),  # helper-109: never a user's id (`created_by`) for a date
])
def test_a_date_field_is_suggested_among_the_records_dates_as_a_path_writes_it(elements_dir, element, resource,
                                                                                 written, meant):
    """helper-104: CE909 offered Close.io's `updated_by` for `updated_at`, and Zoho's `Modified Time` unbracketed,
    which CE303 then reported."""
    entry = {"url": f"/hubs/crm/{resource}", "idField": "id", "datesConfiguration": {
        "updatedDateField": written, "updatedDateFormat": "yyyy-MM-dd HH:mm:ss"}}
    body = {"element": {"key": element}, "name": "x", "configuration": {"event.poller.configuration": {resource: entry}}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE909"]
    assert hit.help == (f"did you mean `{meant}`?" if meant  # (nothing near: the date the default poller reads)
                        else "write `date_updated`, which the element's default poller reads for `updatedDateField` here")


@pytest.mark.parametrize("value", [None, ""])
def test_a_required_key_written_as_nothing_is_reported(elements_dir, value):
    """helper-104: `"oauth.api.secret": null` (or `""`) passed the element check of every element without a bundled
    overlay, and Sage One's overlay let null through; a generated overlay agrees."""
    body = {"element": {"key": "linkedin"}, "providerData": {"code": "c"}, "name": "x",
            "configuration": {"oauth.api.key": "${K}", "oauth.api.secret": value}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE105"]
    assert hit.pointer == "/configuration/oauth.api.secret" and "requires a value" in hit.message
    sage = {"element": {"key": "sageone"}, "name": "s", "configuration": {
        "oauth.api.key": "${K}", "oauth.api.secret": value, "signature.secret": "${S}", "apim.subscription.key": "${A}"}}
    assert [f.pointer for f in check(sage) if f.severity == "error"] == ["/configuration/oauth.api.secret"]


def test_a_generated_overlay_takes_the_values_the_configuration_schema_takes(elements_dir, tmp_path):
    """helper-104: an overlay from `schema from-element` said `"pagination.max": 100` and `"document.tagging": false`
    must be strings, and `"filter.response.nulls": "False"` not one of "true", "false", which the checks accept."""
    from validator.elements import ElementDefinition, overlay_schema

    definition = ElementDefinition.from_json(json.loads((Path(elements_dir) / "egnyte" / "element.json").read_text()))
    (tmp_path / "egnyte.schema.json").write_text(json.dumps(overlay_schema(definition)), encoding="utf-8")
    body = {"element": {"key": "egnyte"}, "providerData": {"code": "c"}, "name": "e", "configuration": {
        "oauth.api.key": "${K}", "oauth.api.secret": "${S}", "subdomain": "acmecorp", "pagination.max": 100,
        "document.tagging": False, "filter.response.nulls": "False"}}
    assert check(body, options=Options(element_schemas=(str(tmp_path),))) == []
    body["configuration"]["oauth.api.key"] = None
    # (CE105 as with element docs: helper-171; it was CE102, "must be a string")
    assert [f.rule for f in check(body, options=Options(element_schemas=(str(tmp_path),)))] == ["CE105"]


def test_a_body_naming_its_element_by_id_says_no_element_check_ran(elements_dir):
    """helper-104: `{"element": {"id": 3458}}` with element docs said "No problems found", as if checked."""
    body = {"element": {"id": 3458}, "name": "x", "configuration": {"oauth.api.key": "${K}"}}
    (note,) = check(body, options=Options(element_docs=(elements_dir,)))
    assert (note.rule, note.severity, note.pointer) == ("CE914", "info", "/element")
    assert check(body) == [] and check({**body, "element": {"id": 3458, "key": "sageone"}},
                                       options=Options(element_docs=(elements_dir,))) != [note]


@pytest.mark.parametrize(("element", "key"), [("quickbooks", "use_sandbox"), ("hubspot", "create.bulk.properties"),
                                              ("egnyte", "document.tagging")])
def test_a_yes_no_key_holds_true_or_false(elements_dir, element, key):
    """helper-114: `"use_sandbox": "yes"` passed; the console asks yes or no for a `BOOLEAN_YESNO` key, but its
    defaults are "false"/"true" and the element's docs send "true"."""
    body = {"element": {"key": element}, "configuration": {key: "yes"}, "name": "x"}
    options = Options(element_docs=(elements_dir,))
    (finding,) = [f for f in check(body, options=options) if f.rule == "CE904"]
    assert "BOOLEAN_YESNO" in finding.message and finding.pointer.endswith(key)
    for good in ("true", "false", True, "False"):
        body["configuration"][key] = good
        assert not [f for f in check(body, options=options) if f.rule == "CE904"], good


def test_a_placeholder_in_a_boolean_key_is_the_placeholder_rule_s(elements_dir):
    """The corpus's `"use_sandbox": "<true_or_false>"`: CE701 says it is unfilled; CE904 would say it twice."""
    body = {"element": {"key": "quickbooks"}, "configuration": {"use_sandbox": "<true_or_false>"}, "name": "x"}
    rules = {f.rule for f in check(body, options=Options(element_docs=(elements_dir,)))}
    assert "CE701" in rules and "CE904" not in rules


@pytest.mark.parametrize("stringify", [False, True])
def test_an_empty_id_field_the_element_s_own_default_gives_is_not_reported(elements_dir, stringify):
    """helper-114: Chargebee's default poller (`"idField": ""`, its event hook sets each event's id), copied as it is,
    drew CE107; another resource's empty idField still does, and so does this one without element docs."""
    poller = {"events": {"url": "/hubs/payment/events?where=start_time='${epoch:s}'", "idField": ""},
              "customers": {"url": "/hubs/payment/customers", "idField": ""}}
    body = {"element": {"key": "chargebee"}, "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://hooks.example.com/ce",
        "event.poller.configuration": json.dumps(poller) if stringify else poller}, "name": "x"}
    with_docs = [f.pointer for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE107"]
    assert [p.rsplit("/", 2)[-2] for p in with_docs] == ["customers"]
    without = [f.pointer for f in check(body) if f.rule == "CE107"]
    assert sorted(p.rsplit("/", 2)[-2] for p in without) == ["customers", "events"]


@pytest.mark.parametrize(("vendor_type", "key", "group"), [("polling", "event.webhook.hubspot.workflow.id", "webhook"),
                                                           ("webhook", "event.poller.refresh_interval", "polling")])
def test_a_key_of_the_other_way_of_delivering_events_is_reported(elements_dir, vendor_type, key, group):
    """helper-114: HubSpot's `event.vendor.type` chooses a group of keys (`groupName` polling or webhook); a key of the
    group not chosen drew nothing."""
    body = {"element": {"key": "hubspot"}, "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://hooks.example.com/ce",
        "event.vendor.type": vendor_type, key: "5"}, "name": "x"}
    (finding,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE920"]
    assert f"`{group}` events" in finding.message and finding.pointer.endswith(key)
    body["configuration"]["event.vendor.type"] = group
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE920"]


def test_a_host_value_with_other_first_labels_than_the_template_s_means_the_rest(elements_dir):
    """helper-114: Adobe Sign's `"region": "https://api.na2.echosign.com"` was fixed to `api.na2`, which makes
    `https://secure.api.na2.echosign.com`; its template writes `secure.{region}`: the region is `na2`."""
    body = {"element": {"key": "adobe-esign"}, "configuration": {"region": "https://api.na2.echosign.com"}, "name": "x"}
    (finding,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]
    assert finding.help == "write `na2`"
    body["configuration"]["region"] = "https://secure.na2.echosign.com"
    (finding,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]
    assert finding.help == "write `na2`"


def test_a_login_chosen_without_any_of_its_keys_is_a_warning(elements_dir):
    """helper-114: HubSpot's `"authentication.type": "apiKey"` without `hubspot.authorization.apikey` (which the
    definition does not mark required) drew nothing; with the key, or left at the default login, nothing is said."""
    options = Options(element_docs=(elements_dir,))
    body = {"element": {"key": "hubspot"}, "configuration": {"authentication.type": "apiKey"}, "name": "x"}
    (finding,) = [f for f in check(body, options=options) if f.rule == "CE105"]
    assert finding.severity == "warning" and "`hubspot.authorization.apikey`" in finding.message
    assert finding.pointer == "/configuration/authentication.type"
    body["configuration"]["hubspot.authorization.apikey"] = "${HUBSPOT_KEY}"
    assert not [f for f in check(body, options=options) if f.rule == "CE105"]
    assert not [f for f in check({"configuration": {"authentication.type": "apiKey"}}, options=Options(
        element_docs=(elements_dir,), element="hubspot")) if f.rule == "CE105"]  # an update keeps the stored key


def test_an_event_feed_the_element_polls_undated_draws_no_ce412(elements_dir):
    """helper-114: Adobe Sign's `agreementAssetEvents` with a condition dropped (as its events page shows it), and a
    Lithium feed its docs name (all of Lithium's default entries are undated), drew CE412."""
    options = Options(element_docs=(elements_dir,))
    adobe = {"element": {"key": "adobe-esign"}, "name": "a", "configuration": {"event.poller.configuration": {
        "agreementAssetEvents": {"url": "/hubs/esignature/agreementAssetEvents?where=startDate='${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'",
                                 "idField": "agreementAssetId"}}}}
    lithium = {"element": {"key": "lithiumlsw"}, "name": "l", "configuration": {"event.poller.configuration": {
        "authors": {"url": "/hubs/social/authors/changes?where=startEpochMillis='${epoch:ms}'", "idField": "id"}}}}
    for body in (adobe, lithium):
        assert not [f for f in check(body, options=options) if f.rule == "CE412"]
    hubspot = {"element": {"key": "hubspot"}, "name": "h", "configuration": {"event.poller.configuration": {
        "deals": {"url": "/hubs/marketing/deals?where=lastmodifieddate='${gmtDate:yyyy-MM-dd}'", "idField": "id"}}}}
    assert [f.rule for f in check(hubspot, options=options) if f.rule == "CE412"] == ["CE412"]


def test_an_event_key_naming_another_element_is_not_this_element_s(elements_dir):
    """helper-114: `event.webhook.hubspot.workflow.id` in a Sage One body drew nothing (every `event.` key was taken
    as the platform's); one naming another element of the docs is CE901, the platform's own are not."""
    body = {"element": {"key": "sageone"}, "name": "s", "configuration": {
        "event.webhook.hubspot.workflow.id": "123", "event.notification.basic.username": "u",
        "event.notification.subscription.id": "x"}}
    found = [f.pointer for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE901"]
    assert found == ["/configuration/event.webhook.hubspot.workflow.id"]
    body["element"]["key"] = "hubspot"
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE901"]


def test_review_of_the_element_checks_false_alarms(elements_dir):
    """helper-115: Salesforce's oauth2 login drew the new CE105 warning (its key and secret carry no group; only its
    callback URL does, which logs in with nothing); Egnyte's `"document.tagging": ""` (its own default) drew CE904;
    a one-entry default poller exempted every entry from CE412; `na1.adobesign` was told to be `adobesign`."""
    options = Options(element_docs=(elements_dir,))
    sfdc = {"element": {"key": "sfdc"}, "name": "s", "providerData": {"code": "${CODE}"}, "configuration": {
        "authentication.type": "oauth2", "oauth.api.key": "${K}", "oauth.api.secret": "${S}"}}
    assert not [f for f in check(sfdc, options=options) if f.rule == "CE105"]
    egnyte = {"element": {"key": "egnyte"}, "name": "e", "configuration": {"document.tagging": ""}}
    assert not [f for f in check(egnyte, options=options) if f.rule == "CE904"]
    chargebee = {"element": {"key": "chargebee"}, "name": "c", "configuration": {"event.poller.configuration": {
        "customers": {"url": "/hubs/payment/customers?where=updated_at>'${epoch:s}'", "idField": "id"}}}}
    assert [f.rule for f in check(chargebee, options=options) if f.rule == "CE412"] == ["CE412"]
    adobe = {"element": {"key": "adobe-esign"}, "name": "a", "configuration": {"region": "na1.adobesign"}}
    assert not [f for f in check(adobe, options=options) if f.rule == "CE918" and "`adobesign`" in (f.help or "")]


def test_docs_not_found_names_a_folder_below_the_current_one_relative(elements_dir, tmp_path, monkeypatch):
    """helper-122: CE914 named the element-docs folder by its absolute path, so a baseline made in one checkout did
    not match the same findings in another."""
    import shutil

    shutil.copytree(Path(elements_dir) / "closeio", tmp_path / "docs" / "closeio")
    monkeypatch.chdir(tmp_path)
    body = _sage_body({**GOOD_ENTRY, "url": "/hubs/crm/x"})
    (found,) = [f for f in check(body, options=Options(element_docs=(str(tmp_path / "docs"),))) if f.rule == "CE914"]
    assert "`docs`" in found.message and str(tmp_path) not in found.message, found.message


@pytest.mark.parametrize(("fmt", "flagged"), [("yyyy-MM-dd'T'HH:mm:ssX", True), ("yyyy-MM-dd HH:mm:ss", True),
                                              ("yyyy-MM-dd'T'HH:mm:ss.SSSX", False)])
def test_a_default_poller_s_format_is_the_truth_on_a_path_the_api_docs_lack(elements_dir, jdk, fmt, flagged):
    """helper-128: Egnyte's default poller reads `event_date` of `/hubs/documents/events` with `...ss.SSSX`; without the
    `.SSS` the JDK reads none of its dates, but CE912 was silent, the API docs having no `/events` (a catch-all)."""
    if not (Path(elements_dir) / "egnyte").is_dir():
        pytest.skip("no Egnyte export")
    dates = {"updatedDateField": "event_date", "updatedDateFormat": fmt, "updatedDateTimezone": "GMT",
             "createdDateField": "event_date", "createdDateFormat": fmt, "createdDateTimezone": "GMT"}
    body = {"element": {"key": "egnyte"}, "configuration": {"event.poller.configuration": {
        "events": {"url": "/hubs/documents/events", "idField": "event_object_id", "datesConfiguration": dates}}}}
    found = [f for f in _element_findings(body, elements_dir) if f.rule == "CE912"]
    assert bool(found) == flagged, found
    if flagged:
        assert "`yyyy-MM-dd'T'HH:mm:ss.SSSX`" in found[0].message
        assert jdk.request("P", fmt, "GMT", "0", "2024-01-05T10:20:30.123Z")[0] != "OK"


@pytest.mark.parametrize("resource", ["contacts", "deals"])
def test_a_date_text_the_api_docs_show_in_the_where_is_no_other_form_than_the_default_s(elements_dir, resource):
    """helper-131: HubSpot's default sends `${date}` (epoch milliseconds by its format), and its API docs' `where` asks
    for `lastModifiedDate>='2014-01-15T00:00:00.000Z'` ("in ISO8601 format"): an ISO macro drew CE917."""
    if not (Path(elements_dir) / "hubspot").is_dir():
        pytest.skip("no HubSpot export")
    dates = {"updatedDateField": "properties.lastmodifieddate", "updatedDateFormat": "milliseconds",
             "createdDateField": "properties.createdate", "createdDateFormat": "milliseconds"}
    url = f"/hubs/marketing/{resource}?where=lastmodifieddate>='${{gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}}'"
    body = {"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": {
        resource: {"url": url, "idField": "vid", "datesConfiguration": dates}}}}
    assert not [f for f in _element_findings(body, elements_dir) if f.rule == "CE917"]
    epoch = {"element": {"key": "hubspot"}, "configuration": {"event.poller.configuration": {
        resource: {"url": url.replace("'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'", "${epoch:s}"), "idField": "vid",
                   "datesConfiguration": dates}}}}
    assert [f for f in _element_findings(epoch, elements_dir) if f.rule == "CE917"]  # (seconds for milliseconds)


def test_the_api_docs_own_mask_that_misreads_their_sample_is_said(elements_dir):
    """helper-131: Adobe Sign's `documentHistoryEvent.date` is masked `...ssZ` beside the sample `...53-08:00`, which
    the JDK does not read with it; the format copied from the mask passed (only other formats met the sample)."""
    if not (Path(elements_dir) / "adobe-esign").is_dir():
        pytest.skip("no Adobe Sign export")
    fmt = "yyyy-MM-dd'T'HH:mm:ssZ"
    dates = {"updatedDateField": "documentHistoryEvent.date", "updatedDateFormat": fmt,
             "createdDateField": "documentHistoryEvent.date", "createdDateFormat": fmt}
    body = {"element": {"key": "adobe-esign"}, "configuration": {"event.poller.configuration": {"events": {
        "url": "/hubs/esignature/agreement-asset-events?where=startDate='${date:yyyy-MM-dd'T'HH:mm:ssXXX}'",
        "idField": "documentHistoryEvent.id", "datesConfiguration": dates}}}}
    found = [f for f in _element_findings(body, elements_dir) if f.rule == "CE912"]
    assert found and "cannot read their own sample value" in found[0].message, found
    assert found[0].help == "use `yyyy-MM-dd'T'HH:mm:ssXXX`, which reads \"2017-12-07T08:59:53-08:00\""


def test_the_default_poller_s_path_written_otherwise_than_the_api_docs_is_checked_against_them(elements_dir):
    """helper-131: Adobe Sign's default polls `/agreementAssetEvents`, documented as `/agreement-asset-events`: on the
    default's spelling a wrong `idField` (CE908) or date field (CE909) passed."""
    if not (Path(elements_dir) / "adobe-esign").is_dir():
        pytest.skip("no Adobe Sign export")
    default = _default_body(elements_dir, "adobe-esign")
    entry = default["configuration"]["event.poller.configuration"]["agreementAssetEvents"]
    assert "/agreementAssetEvents" in entry["url"]
    assert not [f for f in _element_findings(default, elements_dir) if f.severity != "info"]
    entry["idField"] = "agreementId"
    assert [f.rule for f in _element_findings(default, elements_dir) if f.rule == "CE908"] == ["CE908"]


@pytest.mark.parametrize(("element", "key", "value", "meant"), [
    ("chargebee", "site", "https://acmecorp2024test.chargebee.com", "acmecorp2024test"),
    ("egnyte", "subdomain", "acmefiles2024prod.egnyte.com", "acmefiles2024prod"),
    ("adobe-esign", "region", "https://api.na2.adobesign.com", None),
    ("adobe-esign", "region", "https://secure.echosign.com", None),
])
def test_a_host_value_is_reported_whatever_its_piece_looks_like(elements_dir, element, key, value, meant):
    """helper-171: a site of 16 letters and digits (`acmecorp2024test`), written as the whole address, drew nothing (the
    piece was taken for a token not to quote); Adobe Sign's `region` as `https://secure.echosign.com` (no region) was
    fixed to `secure`, which makes `secure.secure.echosign.com`, and one on another domain (`api.na2.adobesign.com`)
    drew nothing: neither has a piece to write, so no fix is offered."""
    body = {"element": {"key": element}, "name": "x", "configuration": {key: value}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE918"]
    assert hit.pointer == f"/configuration/{key}" and "no address the vendor answers at" in hit.message
    if meant is None:
        assert hit.fix is None and hit.help == f"write only what takes the place of `{{{key}}}` in the address"
    else:
        assert hit.help == f"write `{meant}`" and hit.fix is not None


def test_a_blank_key_of_another_login_is_not_reported(elements_dir):
    """helper-171: a body written from a template that lists every login's keys, the unused ones left blank
    (`"sfdc.password": ""`, `"oauth.api.key": null`), drew one CE920 per blank key: a blank key sets nothing."""
    options = Options(element_docs=(elements_dir,))
    sfdc = {"element": {"key": "sfdc"}, "name": "s", "configuration": {
        "authentication.type": "oauth2", "oauth.api.key": "${K}", "oauth.api.secret": "${S}",
        "sfdc.username": "", "sfdc.password": " ", "jwt.claim.aud": None, "jwt.base64.encoded.key": ""}}
    assert not [f for f in check(sfdc, options=options) if f.rule == "CE920"]
    hubspot = {"element": {"key": "hubspot"}, "name": "h", "configuration": {
        "authentication.type": "apiKey", "hubspot.authorization.apikey": "${HK}", "oauth.api.key": None,
        "oauth.api.secret": ""}}
    assert not [f for f in check(hubspot, options=options) if f.rule == "CE920"]
    sfdc["configuration"]["sfdc.username"] = "ops@acme.example"  # a value the login ignores is still said
    assert [f.pointer for f in check(sfdc, options=options) if f.rule == "CE920"] == ["/configuration/sfdc.username"]


def test_an_element_key_longer_than_a_file_name_is_not_found(elements_dir):
    """helper-171: a body whose `element.key` is longer than a file name (300 letters) stopped the whole run with
    `cannot read: File name too long` (exit 2): no folder is named so, so no element docs are found."""
    body = {"element": {"key": "sfdc" + "q" * 300}, "name": "x", "configuration": {"oauth.api.key": "${K}"}}
    found = check(body, options=Options(element_docs=(elements_dir,)))
    assert [f.rule for f in found if f.rule == "CE914"] == ["CE914"]


@pytest.mark.parametrize("value", ["", None])
def test_a_required_key_written_as_nothing_is_ce105_in_every_mode(elements_dir, tmp_path, value):
    """helper-171: `"site": ""` (or null) was CE105 with element docs, but CE104 (CE102 for null) with an overlay
    generated by `schema from-element`: one ignore entry did not cover it in every mode, as the docs say."""
    from validator.elements import load_element, overlay_schema

    docs = load_element(elements_dir, "chargebee")
    assert docs is not None and docs.definition is not None
    (tmp_path / "chargebee.schema.json").write_text(json.dumps(overlay_schema(docs.definition)))
    body = {"element": {"key": "chargebee"}, "name": "c",
            "configuration": {"site": value, "username": "${U}", "password": "${P}"}}
    for options in (Options(element_docs=(elements_dir,)), Options(element_schemas=(str(tmp_path),))):
        assert [f.rule for f in check(body, options=options) if f.pointer == "/configuration/site"] == ["CE105"]


def test_a_configuration_file_of_the_named_element_s_own_keys_is_checked(elements_dir):
    """helper-171: `--element zohocrm` on a configuration file of Zoho's keys (`crm.zohocrm.username`, a misspelt
    `crm.zohocrm.pasword`) skipped it as "not a Cloud Elements body": only `event.*`, `oauth.*` and a few other keys
    made a bare configuration.  Keys the named element declares do; a file of other dotted keys is still skipped."""
    zoho = {"crm.zohocrm.username": "ops@acme.example", "crm.zohocrm.pasword": "${ZOHO_PASSWORD}"}
    named = Options(element_docs=(elements_dir,), element="zohocrm")
    assert sorted(f.rule for f in check(zoho, options=named)) == ["CE105", "CE901"]
    assert [f.rule for f in check(zoho, options=Options(element_docs=(elements_dir,)))] == ["CE090"]
    assert [f.rule for f in check({"editor.fontSize": 12}, options=named)] == ["CE090"]
    hubspot = Options(element_docs=(elements_dir,), element="hubspot")
    assert [f.rule for f in check({"hubspot.authorization.apikey": "${HUBSPOT_KEY}"}, options=hubspot)] == []


def test_a_key_of_another_element_of_the_docs_is_named_as_that_element_s(elements_dir):
    """helper-171: Egnyte's `subdomain` in a Chargebee body, HubSpot's API key in a Sage One one: CE901's help said
    only "remove it, or write the key element `chargebee` declares for what it meant"; the docs say whose key it is."""
    options = Options(element_docs=(elements_dir,))
    body = {"element": {"key": "chargebee"}, "name": "c", "configuration": {
        "subdomain": "acme", "username": "${U}", "password": "${P}", "site": "acme"}}
    (hit,) = [f for f in check(body, options=options) if f.rule == "CE901"]
    assert hit.help == ("`subdomain` is a key of element `egnyte`, not of `chargebee`: remove it, or write the key "
                        "element `chargebee` declares for it")
    body["configuration"] = {"quickbooks.realmid": "1", "username": "${U}", "password": "${P}", "site": "acme"}
    (hit,) = [f for f in check(body, options=options) if f.rule == "CE901"]
    assert hit.help is not None and "is a key of element" not in hit.help  # (no element declares it)


def test_a_login_chosen_with_its_key_left_blank_is_a_warning(elements_dir):
    """helper-171: `"authentication.type": "apiKey"` beside `"hubspot.authorization.apikey": ""` passed, though the
    platform has nothing to log in with either way."""
    options = Options(element_docs=(elements_dir,))
    for blank in ("", " ", None):
        body = {"element": {"key": "hubspot"}, "name": "h", "configuration": {
            "authentication.type": "apiKey", "hubspot.authorization.apikey": blank}}
        (hit,) = [f for f in check(body, options=options) if f.rule == "CE105"]
        assert hit.severity == "warning" and "is given a value" in hit.message


def test_authentication_type_restating_the_element_s_only_login_is_no_unknown_key(elements_dir):
    """helper-202: `"authentication.type": "basic"` in a Chargebee body (the platform's instance pages write it for
    their elements) drew CE901 'not a configuration key', though Chargebee logs in by basic anyway; another method
    stays CE901, whose help said the key was HubSpot's, QuickBooks' and Salesforce's."""
    body = {"element": {"key": "chargebee"}, "name": "c", "configuration": {
        "site": "acme-test", "username": "${CB_KEY}", "password": "${CB_PW}", "authentication.type": "basic"}}
    options = Options(element_docs=(elements_dir,))
    assert not [f for f in check(body, options=options) if f.rule == "CE901"]
    body["configuration"]["authentication.type"] = "Basic"
    assert not [f for f in check(body, options=options) if f.rule == "CE901"]
    body["configuration"]["authentication.type"] = "oauth2"
    (hit,) = [f for f in check(body, options=options) if f.rule == "CE901"]
    assert hit.pointer == "/configuration/authentication.type"
    assert hit.help == ("element `chargebee` logs in by `basic` only (it declares no `authentication.type` to choose "
                        "another): remove it")


def test_an_element_key_its_deployment_fills_in_takes_the_element_named(elements_dir):
    """helper-202: a body deployed for several elements (`"element": {"key": "${ELEMENT_KEY}"}`) was checked against
    an element `${ELEMENT_KEY}` even with `--element chargebee` (which a placeholder key takes), so the Chargebee
    checks never ran (its `site` written as a URL passed) and CE914 told to export `${ELEMENT_KEY}/element.json`."""
    body = {"element": {"key": "${ELEMENT_KEY}"}, "name": "c", "configuration": {
        "site": "https://acme.chargebee.com", "username": "${CB_KEY}", "password": "${CB_PW}"}}
    named = Options(element_docs=(elements_dir,), element="chargebee")
    assert [(f.rule, f.pointer) for f in check(body, options=named)] == [("CE918", "/configuration/site")]
    (unnamed,) = check(body, options=Options(element_docs=(elements_dir,)))
    assert (unnamed.rule, unnamed.pointer) == ("CE914", "/element/key")
    assert unnamed.message == ("the element key `${ELEMENT_KEY}` is filled in where the body is deployed: no element "
                               "check (CE9xx) ran")
    assert unnamed.help is not None and "--element KEY" in unnamed.help


def test_a_field_the_default_poller_only_reads_is_still_filtered_as_the_docs_allow(elements_dir):
    """helper-202: Pardot's `where=updated_at>'...'` passed, though its API docs take `=` alone on `updated_at`:
    the element's default poller reads `updated_at` from the records (and filters by `updated_after`), which
    exempted the field from CE913 as if the default filtered by it."""
    def body(where: str) -> dict:
        return {"element": {"key": "pardot"}, "name": "p", "configuration": {
            "apikey.user.name": "ops@example.com", "apikey.user.password": "${P}", "apikey.user.key": "${K}",
            "event.notification.enabled": True, "event.notification.callback.url": "https://hooks.example.com/p",
            "event.poller.configuration": {"contacts": {
                "url": f"/hubs/marketing/contacts?where={where}'${{date:yyyy-MM-dd HH:mm:ss}}'", "idField": "id",
                "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd HH:mm:ss",
                                       "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd HH:mm:ss"}}}}}

    options = Options(element_docs=(elements_dir,))
    (hit,) = [f for f in check(body("updated_at>"), options=options) if f.rule == "CE913"]
    assert hit.message == "`updated_at` takes the operators `=` in the API docs of `GET /contacts`, not `>`"
    assert hit.severity == "warning"
    assert not [f for f in check(body("updated_after="), options=options) if f.rule == "CE913"]  # (the default's)


def test_a_boolean_key_left_null_is_no_wrong_boolean(elements_dir, tmp_path):
    """helper-202: `"filter.response.nulls": null` (a template's key left unset) was CE904, an error, with
    --element-docs alone: the schemas (the base one and an overlay generated from the same definition) take null
    for a boolean key, and CE920 reads null as setting nothing.  An empty string stays reported in every mode."""
    from validator.elements import ElementDefinition, overlay_schema

    body = {"element": {"key": "chargebee"}, "name": "c", "configuration": {
        "site": "acme", "username": "${CB_KEY}", "password": "${CB_PW}", "filter.response.nulls": None}}
    assert not [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE904"]
    definition = ElementDefinition.from_json(json.loads((Path(elements_dir) / "chargebee" / "element.json").read_text()))
    (tmp_path / "chargebee.schema.json").write_text(json.dumps(overlay_schema(definition)))
    assert check(body, options=Options(element_schemas=(str(tmp_path),))) == []
    body["configuration"]["filter.response.nulls"] = ""
    assert [f.rule for f in check(body, options=Options(element_docs=(elements_dir,)))] == ["CE904"]
    assert [f.rule for f in check(body, options=Options(element_schemas=(str(tmp_path),)))] == ["CE104"]


def test_another_element_s_key_holding_a_list_keeps_the_value_s_error(elements_dir):
    """helper-202: `"sfdc.event.objects": ["Account"]` in a Close.io body drew CE901 (a warning, at the key) alone
    with --element-docs: it superseded CE102 (an error, at the value: a list no configuration holds), so the check
    passed (exit 0) where it failed without the docs.  CE901 still stands in for CE101's word on the key."""
    body = {"element": {"key": "closeio"}, "name": "c", "configuration": {
        "username": "${CLOSE_KEY}", "sfdc.event.objects": ["Account"], "oauth.api_key": "x"}}
    found = [(f.rule, f.severity, f.pointer) for f in check(body, options=Options(element_docs=(elements_dir,)))]
    assert found == [("CE901", "warning", "/configuration/sfdc.event.objects"),
                     ("CE102", "error", "/configuration/sfdc.event.objects"),
                     ("CE901", "warning", "/configuration/oauth.api_key")]


def test_a_key_of_another_login_holding_an_object_keeps_the_value_s_error(elements_dir):
    """helper-202: `"oauth.api.key": {"id": "x"}` in a HubSpot body logging in by API key drew CE920 (a warning, at
    the key) alone with --element-docs: as CE901 did, it superseded CE102 (an error, at the value), and the check
    passed where it failed without the docs.  Any finding placed at a key now replaces the schema's word on that
    key only."""
    body = {"element": {"key": "hubspot"}, "name": "h", "configuration": {
        "authentication.type": "apiKey", "hubspot.authorization.apikey": "${K}", "oauth.api.key": {"id": "x"}}}
    found = [(f.rule, f.severity, f.pointer) for f in check(body, options=Options(element_docs=(elements_dir,)))]
    assert found == [("CE920", "warning", "/configuration/oauth.api.key"),
                     ("CE102", "error", "/configuration/oauth.api.key")]


def test_an_overlay_asks_a_value_of_a_login_s_key_only_where_that_login_is_chosen(elements_dir, tmp_path):
    """helper-202: a Salesforce template leaving the password login's keys blank (`"sfdc.username": ""`) under the
    default oauth2 login was CE105 'must not be empty' (an error, in an editor too) with an overlay generated by
    `schema from-element`, where --element-docs said nothing: the overlay asked every key of a login for a value,
    whichever login the body chose.  With `oauth2Password` chosen both still report it."""
    from validator.elements import ElementDefinition, overlay_schema

    definition = ElementDefinition.from_json(json.loads((Path(elements_dir) / "sfdc" / "element.json").read_text()))
    (tmp_path / "sfdc.schema.json").write_text(json.dumps(overlay_schema(definition)))
    overlay, docs = Options(element_schemas=(str(tmp_path),)), Options(element_docs=(elements_dir,))
    config = {"oauth.api.key": "${K}", "oauth.api.secret": "${S}", "oauth.callback.url": "https://app.example.com/cb",
              "sfdc.username": "", "sfdc.password": None}
    body = {"element": {"key": "sfdc"}, "name": "s", "configuration": config}
    assert check(body, options=overlay) == []
    assert [f.rule for f in check(body, options=docs) if f.severity == "error"] == []
    config["authentication.type"] = "oauth2Password"
    del config["oauth.callback.url"]
    wanted = [("CE105", "/configuration/sfdc.password"), ("CE105", "/configuration/sfdc.username")]
    assert sorted((f.rule, f.pointer) for f in check(body, options=overlay) if f.severity == "error") == wanted
    assert sorted((f.rule, f.pointer) for f in check(body, options=docs) if f.severity == "error") == wanted


def test_an_overlay_takes_a_boolean_key_s_own_default(elements_dir, tmp_path):
    """helper-202: Egnyte's `"document.tagging": ""` (the key's own default, which CE904 leaves alone with
    --element-docs) was CE104 'must be true or false' with an overlay from `schema from-element`, and in an
    editor; another value that is no boolean stays reported."""
    from validator.elements import ElementDefinition, overlay_schema

    definition = ElementDefinition.from_json(json.loads((Path(elements_dir) / "egnyte" / "element.json").read_text()))
    (tmp_path / "egnyte.schema.json").write_text(json.dumps(overlay_schema(definition)))
    overlay = Options(element_schemas=(str(tmp_path),))
    body = {"element": {"key": "egnyte"}, "name": "e", "configuration": {
        "subdomain": "acme", "oauth.api.key": "${K}", "oauth.api.secret": "${S}",
        "oauth.callback.url": "https://app.example.com/cb", "document.tagging": ""}}
    assert check(body, options=overlay) == []
    body["configuration"]["document.tagging"] = "yes"
    assert [(f.rule, f.pointer) for f in check(body, options=overlay)] == [("CE104", "/configuration/document.tagging")]


def test_element_docs_exported_again_are_read_again_by_the_language_server(elements_dir, tmp_path):
    """helper-202: the element docs were read once per process, so the language server (which runs for days) kept
    reporting CE901 for a key the re-exported `element.json` now declares, and compared entries with the old
    default poller, until it was restarted."""
    from validator.lsp.checking import check_text

    folder = tmp_path / "docs" / "chargebee"
    folder.mkdir(parents=True)
    exported = json.loads((Path(elements_dir) / "chargebee" / "element.json").read_text())
    (folder / "element.json").write_text(json.dumps(exported))
    (tmp_path / ".ce-validator.toml").write_text('element-docs = ["docs"]\n')
    text = json.dumps({"element": {"key": "chargebee"}, "name": "c", "configuration": {
        "site": "acme", "username": "${U}", "password": "${P}", "custom.key": "x"}})
    body = str(tmp_path / "body.json")
    assert [f.rule for f in check_text(text, body).findings] == ["CE901"]
    exported["configuration"].append({"key": "custom.key", "type": "TEXTFIELD_32", "required": False,
                                      "internal": False, "name": "Custom"})
    (folder / "element.json").write_text(json.dumps(exported))
    assert check_text(text, body).findings == []


def test_another_element_exported_later_is_seen_by_the_language_server(elements_dir, tmp_path):
    """helper-204: the language server listed the element folders of the docs once, so an element exported beside
    them later did not make `event.webhook.hubspot.workflow.id` in a Chargebee body another element's key (CE901)
    until it was restarted."""
    from validator.lsp.checking import check_text

    docs = tmp_path / "docs"
    for key in ("chargebee",):
        (docs / key).mkdir(parents=True)
        (docs / key / "element.json").write_text((Path(elements_dir) / key / "element.json").read_text())
    (tmp_path / ".ce-validator.toml").write_text('element-docs = ["docs"]\n')
    text = json.dumps({"element": {"key": "chargebee"}, "name": "c", "configuration": {
        "site": "acme", "username": "${U}", "password": "${P}", "event.webhook.hubspot.workflow.id": "7"}})
    body = str(tmp_path / "body.json")
    assert check_text(text, body).findings == []  # (an `event.` key: the platform's, while no element is named so)
    (docs / "hubspot").mkdir()
    (docs / "hubspot" / "element.json").write_text((Path(elements_dir) / "hubspot" / "element.json").read_text())
    assert [f.rule for f in check_text(text, body).findings] == ["CE901"]


def test_a_key_written_as_the_name_the_console_shows(elements_dir):
    """helper-218: a body written from the console's form, which labels each key by its name (`OAuth API Key`,
    `APIM Subscription Key`), drew CE901 with "remove it, or write the key element `sageone` declares for what it
    meant", naming no key, and no fix."""
    config = {"OAuth API Key": "${K}", "oauth.api.secret": "${S}", "signature.secret": "${G}",
              "apim  subscription KEY": "${A}"}
    body = {"element": {"key": "sageone"}, "name": "x", "configuration": config}
    text = json.dumps(body, indent=2)
    found = [f for f in check(text, options=Options(element_docs=(elements_dir,))) if f.rule == "CE901"]
    assert [(f.pointer, f.help) for f in found] == [
        ("/configuration/OAuth API Key", "`OAuth API Key` is the name the console shows for `oauth.api.key`: write the key"),
        ("/configuration/apim  subscription KEY",
         "`apim  subscription KEY` is the name the console shows for `apim.subscription.key`: write the key")]
    for finding, key in zip(found, ("oauth.api.key", "apim.subscription.key")):
        assert finding.fix is not None and finding.fix.applicability == "unsafe"
        (edit,) = finding.fix.edits
        assert text[edit.start:edit.end] == json.dumps(finding.pointer.rsplit("/", 1)[1])
        assert edit.replacement == json.dumps(key)
    # the key set already: nothing to rename to; a name two keys share (QuickBooks' `Authorization URL`) names none
    config["oauth.api.key"] = "${K}"
    (named,) = [f for f in check(body, options=Options(element_docs=(elements_dir,)))
                if f.rule == "CE901" and f.pointer == "/configuration/OAuth API Key"]
    assert named.fix is None and "`oauth.api.key`" in (named.help or "")
    qbo = {"element": {"key": "quickbooks"}, "name": "q", "configuration": {"Authorization URL": "https://a.example/"}}
    (shared_name,) = [f for f in check(qbo, options=Options(element_docs=(elements_dir,))) if f.rule == "CE901"]
    assert shared_name.fix is None and "the name the console shows" not in (shared_name.help or "")


@pytest.mark.parametrize(("value", "said"), [
    ("yes", "write `true` or `false`"),
    ("true ", "write `true` without the blanks around it: Java's Boolean.parseBoolean reads the text as written, "
              "and anything but `true` is false"),
    (" False", "write `false` without the blanks around it: Java's Boolean.parseBoolean reads the text as written, "
               "and anything but `true` is false"),
])
def test_a_boolean_key_s_help_says_what_to_write(elements_dir, value, said):
    """helper-218: CE904's help was "true or false", and said nothing of the blank that makes `"true "` false."""
    body = {"element": {"key": "sageone"}, "name": "x", "configuration": {"filter.response.nulls": value}}
    (hit,) = [f for f in check(body, options=Options(element_docs=(elements_dir,))) if f.rule == "CE904"]
    assert hit.help == said


def test_a_field_written_one_level_below_the_default_poller_s_is_told_the_default(elements_dir):
    """helper-218: HubSpot's deals written with the vendor's own `.value` (`properties.hs_lastmodifieddate.value`, where
    the element's records hold the value itself) drew "did you mean `raw.properties.hs_lastmodifieddate.value`?", the
    vendor's raw copy, not the field the element's default poller reads there."""
    dates = {"updatedDateField": "properties.hs_lastmodifieddate.value", "updatedDateFormat": "milliseconds",
             "createdDateField": "properties.createdate", "createdDateFormat": "milliseconds"}
    entry = {"url": "/hubs/marketing/deals?where=lastmodifieddate='${date}'", "idField": "dealId",
             "datesConfiguration": dates}
    body = {"element": {"key": "hubspot"}, "name": "h", "configuration": {"event.poller.configuration": {"deals": entry}}}
    (hit,) = [f for f in _element_findings(body, elements_dir) if f.rule == "CE909"]
    assert hit.help == ("write `properties.hs_lastmodifieddate`, which the element's default poller reads for "
                        "`updatedDateField` here")
    dates["updatedDateField"] = "hs_lastmodifieddate"  # (wrapped: the records hold it inside `properties`)
    (wrapped,) = [f for f in _element_findings(body, elements_dir) if f.rule == "CE909"]
    assert wrapped.help == "did you mean `properties.hs_lastmodifieddate`? (the records hold it inside `properties`)"
def test_element_docs_holding_a_number_of_thousands_of_digits_are_read(tmp_path: Path) -> None:
    """h217: an element.json with a 5,000-digit number was 'not valid JSON: Exceeds the limit (4300 digits) ... use
    sys.set_int_max_str_digits()' (exit 2 for every file checked with those docs), and `schema from-element` of it a
    traceback (str() of the int as a key's name, json.dumps of it as a default)."""
    from clirun import run_cli

    digits = "9" * 5000
    folder = tmp_path / "docs" / "acme"
    folder.mkdir(parents=True)
    element = folder / "element.json"
    element.write_text('{"key": "acme", "configuration": [{"key": "acme.region", "type": "TEXTFIELD_32", '
                       f'"name": {digits}, "defaultValue": {digits}, "required": false}}]}}')
    body = tmp_path / "body.json"
    body.write_text('{"element": {"key": "acme"}, "name": "x", "configuration": {"acme.region": "eu"}}')
    checked = run_cli("check", "--no-cache", "--format", "concise", "--element-docs", str(tmp_path / "docs"),
                      str(body))
    assert checked.code in (0, 1) and "set_int_max_str_digits" not in checked.err, checked.err
    schema = run_cli("schema", "from-element", str(element))
    assert schema.code == 0 and "Traceback" not in schema.err, schema.err
    assert digits in schema.out
