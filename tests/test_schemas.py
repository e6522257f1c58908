"""The bundled JSON Schemas and their translation into readable problems (``validator.schemas``)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from validator import schemas
from validator.schemas import RULES, SchemaProblem, UnknownSchemaError, validate

ROOT = Path(__file__).resolve().parents[1]
OWN_SCHEMAS = ("instance", "configuration", "poller", "elements/sageone")


def problems(value: Any, **options: Any) -> list[tuple[str, str, str, bool, str | None]]:
    return [(p.rule, p.message, p.pointer, p.key, p.help) for p in validate(value, **options)]


def codes(value: Any, **options: Any) -> list[str]:
    return [p.rule for p in validate(value, **options)]


def entry(**changes: Any) -> dict[str, Any]:
    """A complete, correct poller entry with some keys changed (None removes one)."""
    base: dict[str, Any] = {
        "url": "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
        "idField": "id",
        "datesConfiguration": {
            "updatedDateField": "updated_at",
            "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "updatedDateTimezone": "GMT",
            "createdDateField": "created_at",
            "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "createdDateTimezone": "GMT",
        },
    }
    for name, value in changes.items():
        if value is None:
            base.pop(name, None)
        else:
            base[name] = value
    return base


def body(configuration: dict[str, Any], *, element: Any = None, **top: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"element": element if element is not None else {"key": "hubspot"},
                           "configuration": configuration, "tags": ["Test"], "name": "API_Polling"}
    doc.update(top)
    return doc


# ------------------------------------------------------------------------------------- the schemas


@pytest.mark.parametrize("name", OWN_SCHEMAS)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    from jsonschema import Draft202012Validator

    schema = schemas.load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://ce-validator.dev/schemas/{name}.schema.json"
    assert schema["title"] and schema["description"]


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, child in node.items():
            if key == "if":
                continue  # (a condition: no user reads it)
            if key in ("properties", "patternProperties") and isinstance(child, dict):
                found.extend((f"{where}/{key}/{name}", sub) for name, sub in child.items())
            found.extend(_properties(child, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found.extend(_properties(child, f"{where}/{index}"))
    return found


@pytest.mark.parametrize("name", OWN_SCHEMAS)
def test_every_property_has_a_description(name: str) -> None:
    schema = schemas.load_schema(name)
    # Embedded copies of other schemas (tools/bundle_schemas.py) are checked in their own files.
    for key in [k for k in schema.get("$defs", {}) if k.startswith("bundled:")]:
        del schema["$defs"][key]
    for where, sub in _properties(schema):
        target = sub
        if "description" not in sub and sub.get("$ref", "").startswith("#/$defs/"):
            target = schema["$defs"][sub["$ref"][len("#/$defs/"):]]
        assert target.get("description"), f"{name}{where} has no description"


def _patterns(node: Any) -> list[str]:
    """Every regular expression of a schema: ``pattern`` values and ``patternProperties`` keys."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, child in node.items():
            if key == "pattern" and isinstance(child, str):
                found.append(child)
            elif key == "patternProperties" and isinstance(child, dict):
                found.extend(child)
            found.extend(_patterns(child))
    elif isinstance(node, list):
        for child in node:
            found.extend(_patterns(child))
    return found


# where Python's `re` and ECMAScript's (VS Code, check-jsonschema's regress, ajv) differ: `$` before a last
# newline, `\s` (\x1c-\x1f and \x85 Python's only, \ufeff ECMAScript's only), `.` and \r, \u2028, \u2029
_ENGINE_PROBES = ["\n", "\r", "\x1c", "\x1f", "\x85", "\ufeff", "\u2028", "\xa0", " "]
_PROBE_CORES = ["true", "False", "15", "+15", "3458", "sageone", "US", "{{key}}", "<KEY>", "a.b", "event.x",
                "CE1", "CE601", "f.json#/a/b:CE601"]


@pytest.mark.parametrize("name", [*OWN_SCHEMAS, "config"])
def test_patterns_mean_the_same_in_python_and_ecmascript(name: str) -> None:
    """helper-161: `"event.notification.enabled": "true\\n"` passed `check` (Python's `$` matches before a last
    newline) while VS Code and check-jsonschema rejected it, and `"key": "sageone\\x85"` the other way round (`\\s`)."""
    import regress  # ECMAScript's regular expressions (check-jsonschema's engine; a test dependency)
    probes = [core[:cut] + odd + core[cut:] for core in _PROBE_CORES for odd in _ENGINE_PROBES
              for cut in (0, 1, len(core))] + _PROBE_CORES
    for pattern in _patterns(schemas.load_schema(name)):
        ecma, python = regress.Regex(pattern, "u"), re.compile(pattern)
        for probe in probes:
            assert (ecma.find(probe) is not None) == (python.search(probe) is not None), (pattern, probe)


def test_a_boolean_or_number_text_with_a_last_newline_is_wrong() -> None:
    """helper-161: Python's `$` let `"true\\n"` pass; Java reads it as false, editors reject it."""
    assert codes({"event.notification.enabled": "true\n"}, schema="configuration") == ["CE104"]
    assert codes({"element": {"id": "3458\n"}}, schema="instance") == ["CE104"]


@pytest.mark.parametrize("name", OWN_SCHEMAS)
def test_cross_file_references_use_ids(name: str) -> None:
    text = schemas.schema_text(name)
    for ref in re.findall(r'"\$ref":\s*"([^"]+)"', text):
        assert ref.startswith("#/") or ref.startswith("https://ce-validator.dev/schemas/"), ref


def test_schema_names_lists_documents_then_overlays() -> None:
    names = schemas.schema_names()
    assert names[:3] == ["instance", "configuration", "poller"]
    assert "elements/sageone" in names
    assert names == schemas.schema_names() and names is not schemas.schema_names()


@pytest.mark.parametrize("name", OWN_SCHEMAS)
def test_schema_text_is_the_bundled_file(name: str) -> None:
    assert schemas.schema_text(name) == (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")


def test_load_schema_returns_a_fresh_copy() -> None:
    first = schemas.load_schema("poller")
    first["title"] = "changed"
    assert schemas.load_schema("poller")["title"] == "Cloud Elements event poller configuration"


def test_unknown_schema_name() -> None:
    with pytest.raises(UnknownSchemaError) as caught:
        schemas.schema_text("nope")
    assert caught.value.names == schemas.schema_names()
    with pytest.raises(UnknownSchemaError):
        validate({}, schema="instance.json")


def test_loads_from_the_package_as_installed_from_the_wheel(tmp_path: Path) -> None:
    # the wheel holds validator/schemas.py and validator/schemas/ (pyproject's force-include) side by side
    import shutil

    shutil.copytree(ROOT / "validator", tmp_path / "validator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "schemas", tmp_path / "validator" / "schemas")
    code = ("import json, validator.schemas as s, validator.config as c; "
            "print(json.dumps([str(s.bundled_folder()), s.schema_names(), s.validate({'c': {}}, schema='poller')[0].rule]))"
            "; assert c.config_schema()['type'] == 'object'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": ""})
    root, names, rule = json.loads(result.stdout)
    assert Path(root) == tmp_path / "validator" / "schemas"
    assert names == schemas.schema_names() and rule == "CE103"


def test_loads_from_a_zipped_install(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "validator.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in (ROOT / "validator").rglob("*.py"):
            zipped.write(path, path.relative_to(ROOT).as_posix())
        for path in (ROOT / "schemas").rglob("*.json"):
            zipped.write(path, "validator/" + path.relative_to(ROOT).as_posix())
    code = ("import json, validator.schemas as s, validator.config as c; "
            "print(json.dumps([type(s.bundled_folder()).__name__, s.schema_names(), c.config_schema()['type']]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(archive), "PATH": ""})
    kind, names, config_type = json.loads(result.stdout)
    assert kind != "PosixPath" and names == schemas.schema_names() and config_type == "object"


def test_source_checkout_falls_back_to_the_top_level_folder() -> None:
    assert Path(str(schemas.bundled_folder())) == ROOT / "schemas"


def test_registry_resolves_every_schema_by_id() -> None:
    registry = schemas.registry()
    for name in schemas.schema_names():
        uri = schemas.schema_uri(name)
        assert registry.get_or_retrieve(uri).value.contents["$id"] == uri


def test_element_overlay_lookup() -> None:
    assert schemas.element_overlay("sageone") == "elements/sageone"
    assert schemas.element_overlay("hubspot") is None


def test_validators_are_compiled_once() -> None:
    uri = schemas.schema_uri("instance")
    validate({"element": {"key": "hubspot"}})
    assert schemas._validator(uri) is schemas._validator(uri)


def test_jsonschema_is_imported_only_to_explain_errors() -> None:
    code = ("import sys, validator.schemas as s; s.schema_names(); s.schema_text('poller'); "
            "assert 'jsonschema' not in sys.modules and 'referencing' not in sys.modules; "
            "assert s.validate({'contacts': {'url': '/hubs/crm/contacts', 'idField': 'id'}}, schema='poller') == []; "
            "import json; body = json.load(open('examples/sageone-polling-fixed.json')); "
            "assert s.validate(body, schema='instance') == []; "
            "assert 'jsonschema' not in sys.modules and 'referencing' not in sys.modules, 'a valid body'; "
            "assert s.validate({'contacts': {'url': 5}}, schema='poller'); "
            "assert 'jsonschema' not in sys.modules, 'an error found without it (schema_errors)'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_problem_is_a_frozen_dataclass() -> None:
    problem = validate({"c": {}}, schema="poller")[0]
    assert isinstance(problem, SchemaProblem)
    with pytest.raises(AttributeError):
        problem.message = "x"  # type: ignore[misc]


# --------------------------------------------------------------------------------------- the rules


def _kind(doc: dict[str, Any]) -> str:
    if "element" in doc:
        return "instance"
    return "configuration" if any("." in key for key in doc) else "poller"


def test_rules_are_well_formed() -> None:
    assert [rule.code for rule in RULES] == sorted({rule.code for rule in RULES})
    for rule in RULES:
        assert re.fullmatch(r"CE1[0-9]{2}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.severity in ("error", "warning", "info")
        assert rule.summary and rule.description and "\n" not in rule.summary


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_examples(rule) -> None:
    bad, good = json.loads(rule.bad), json.loads(rule.good)
    if rule.code == "CE107":  # (asked by rules/schema_check.py, beside the schemas: no schema asks for an idField)
        from validator.engine import check

        assert rule.code in [f.rule for f in check(rule.bad)] and rule.code not in [f.rule for f in check(rule.good)]
        return
    assert rule.code in codes(bad, schema=_kind(bad))
    assert codes(good, schema=_kind(good)) == []


def test_problem_severity_is_the_rule_severity() -> None:
    severity = {rule.code: rule.severity for rule in RULES}
    doc = body({"event.poller.refresh_interval": "x", "event.poller.configuration": {
        "a": {}, "b": entry(filterByUpdateDate=True, idField="", pageSize="5")}}, element={"key": "sageone"},
        **{"event.vendor.type": "polling"})
    found = validate(doc)
    assert {p.rule for p in found} == {"CE101", "CE102", "CE103", "CE105", "CE106", "CE206"}
    from validator.rules import registry

    assert all(p.severity == (severity.get(p.rule) or registry()[p.rule].severity) for p in found)


# -------------------------------------------------------------------- the domain notes, sections 1-2


def test_domain_instance_body() -> None:
    # section 1, with its comments and "..." filled in
    doc = {"element": {"key": "sageone"}, "providerData": {"code": "1c6ff4089d58d80e86482ab7d5b97f15dd7b041d"},
           "configuration": {"oauth.api.key": "k", "oauth.api.secret": "s", "signature.secret": "t",
                             "apim.subscription.key": "a"},
           "tags": ["Test"], "name": "API_Polling"}
    assert problems(doc) == []
    assert problems({**doc, "element": {"id": 3458}}) == []
    assert problems({**doc, "element": {"id": "3458"}}) == []


def test_domain_tags_array_or_string() -> None:
    assert problems(body({}, tags=["Test"])) == []
    assert problems(body({}, tags="Test")) == []
    assert problems(body({}, tags=["Test", 5])) == [
        ("CE102", "`tags[1]` must be a string, got `5`", "/tags/1", False, None)]


def test_domain_response_fields() -> None:
    response = body({"event.notification.enabled": None, "event.notification.callback.url": None},
                    id=1234, token="abc=", createdDate="2019-03-01T10:00:00Z", valid=True, disabled=False,
                    eventsEnabled=True, cachingEnabled=False, traceLoggingEnabled=False, maxCacheSize=0,
                    cacheTimeToLive=0, provisionInteractions=[], externalAuthentication="none",
                    user={"id": 1}, elementId=3458, eventsNotificationCallbackUrl="https://example.com/e")
    assert problems(response) == []


@pytest.mark.parametrize("value", [True, False, "true", "false", "TRUE", "False", None])
def test_domain_boolean_configuration(value: Any) -> None:
    assert problems({"event.notification.enabled": value}, schema="configuration") == []


@pytest.mark.parametrize("value", ["15", 15, "1", 3, "5", 10, "1440", 0])
def test_domain_refresh_interval(value: Any) -> None:
    assert problems({"event.poller.refresh_interval": value}, schema="configuration") == []


@pytest.mark.parametrize("value", ["polling", "webhook", "webhooks"])
def test_domain_vendor_type(value: str) -> None:
    # `webhooks` is the notification rules' business (CE2xx), not a schema problem
    assert problems({"event.vendor.type": value}, schema="configuration") == []


def test_domain_other_event_keys() -> None:
    config = {"event.notification.callback.url": "https://example.com/events",
              "event.notification.signature.key": "secret",
              "event.poller.urls": "contacts|/hubs/crm/contacts?where=lastModified>'${date}'||lastModified|"
                                   "yyyy-MM-dd|GMT|created|yyyy-MM-dd|GMT",
              "event.objects": "contacts,leads",
              "filter.response.nulls": True, "pagination.max": 200, "document.tagging": "true"}
    assert problems(config, schema="configuration") == []


def test_domain_poller_as_object_or_string() -> None:
    poller = {"customers": entry()}
    assert problems(body({"event.poller.configuration": poller})) == []
    # a string is left alone: the engine decodes it and validates it with schema="poller"
    assert problems(body({"event.poller.configuration": json.dumps(poller)})) == []
    assert problems(body({"event.poller.configuration": "{not json"})) == []


@pytest.mark.parametrize("id_field", ["id", "user.id", "['Modified Time']"])
@pytest.mark.parametrize("url", ["/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd}'",
                                 "/invoices", "/hubs/db/{objectName}?where=date_modified>'${epoch}'"])
def test_domain_entry_url_and_id_field(url: str, id_field: str) -> None:
    assert problems({"r": entry(url=url, idField=id_field)}, schema="poller") == []


def test_domain_entry_optional_fields() -> None:
    full = entry(filterByUpdatedDate=False, filterByCurrentDate=True, createdCheckTolerance=2, pageSize=200,
                 pollDelay=60)
    assert problems({"r": full}, schema="poller") == []
    no_dates = entry(datesConfiguration=None)
    assert problems({"r": no_dates}, schema="poller") == []


@pytest.mark.parametrize("fmt", ["milliseconds", "timestamp", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", ""])
@pytest.mark.parametrize("zone", ["GMT", "UTC", "PST", "US/Eastern", "America/Denver", ""])
def test_domain_dates_configuration(fmt: str, zone: str) -> None:
    # the content of formats and zones is the date and zone rules' business (CE4xx, CE5xx)
    dates = {"updatedDateField": "updated", "updatedDateFormat": fmt, "updatedDateTimezone": zone,
             "createdDateField": "created", "createdDateFormat": fmt, "createdDateTimezone": zone}
    assert problems({"r": entry(datesConfiguration=dates)}, schema="poller") == []


# ------------------------------------------------------------------------------ messages, pointers


def test_refresh_interval_message() -> None:
    assert problems(body({"event.poller.refresh_interval": "fifteen"})) == [
        ("CE206", '`event.poller.refresh_interval` must be a whole number of minutes, got `"fifteen"`',
         "/configuration/event.poller.refresh_interval", False, None)]
    assert problems({"event.poller.refresh_interval": "15 minutes"}, schema="configuration") == [
        ("CE206", '`event.poller.refresh_interval` must be a whole number of minutes, got `"15 minutes"`',
         "/event.poller.refresh_interval", False, 'write `"15"`')]
    assert problems({"event.poller.refresh_interval": 15.5}, schema="configuration") == [
        ("CE102", "`event.poller.refresh_interval` must be a whole number of minutes, got `15.5`",
         "/event.poller.refresh_interval", False, None)]
    assert problems({"event.poller.refresh_interval": -5}, schema="configuration") == [
        ("CE206", "`event.poller.refresh_interval` must be a whole number of minutes, got `-5`",
         "/event.poller.refresh_interval", False, None)]


def test_boolean_and_vendor_type_messages() -> None:
    assert problems({"event.notification.enabled": "yes", "event.vendor.type": "Polling"},
                    schema="configuration") == [
        ("CE104", '`event.notification.enabled` must be `true` or `false`, got `"yes"`',
         "/event.notification.enabled", False, "use `true` or `false`"),
        ("CE104", '`event.vendor.type` must be `polling` or `webhook`, got `"Polling"`',
         "/event.vendor.type", False, "did you mean `polling`?"),
    ]
    assert problems({"event.notification.enabled": 1, "event.vendor.type": "push"}, schema="configuration") == [
        ("CE102", "`event.notification.enabled` must be `true` or `false`, got `1`",
         "/event.notification.enabled", False, "use `true` or `false`"),
        ("CE104", '`event.vendor.type` must be `polling` or `webhook`, got `"push"`',
         "/event.vendor.type", False, None),
    ]


def test_poller_configuration_type_message() -> None:
    assert problems({"event.poller.configuration": ["customers"]}, schema="configuration") == [
        ("CE102", '`event.poller.configuration` must be a poller configuration object or a JSON string, '
                  'got an array', "/event.poller.configuration", False, None)]


def test_element_specific_values() -> None:
    assert problems({"my.key": {"a": 1}}, schema="configuration") == [
        ("CE102", '`my.key` must be a string, a boolean or a number, got an object', "/my.key", False, None)]


def test_unknown_key_did_you_mean() -> None:
    poller = {"customers": entry(filterByUpdateDate=True)}
    assert problems(body({"event.poller.configuration": poller})) == [
        ("CE101", "unknown key `filterByUpdateDate` in poller entry `customers`",
         "/configuration/event.poller.configuration/customers/filterByUpdateDate", True,
         "did you mean `filterByUpdatedDate`?")]


@pytest.mark.parametrize(("key", "fix"), [
    ("idfield", "did you mean `idField`?"),
    ("IDFIELD", "did you mean `idField`?"),
    (" filterByUpdatedDate", "remove the spaces: `filterByUpdatedDate`"),
    ("filterByUpdatedDate ", "remove the spaces: `filterByUpdatedDate`"),
    ("pollingDelay", "did you mean `pollDelay`?"),
    ("datesConfig", "did you mean `datesConfiguration`?"),
    ("updatedDateTimeZone", "did you mean `updatedDateTimezone`, inside `datesConfiguration`?"),
    ("somethingElse", None),
])
def test_unknown_key_suggestions(key: str, fix: str | None) -> None:
    value = {"idfield": "id", "IDFIELD": "id", "pollingDelay": 5, "datesConfig": {}}.get(key, True)  # (of its type)
    found = problems({"c": {**entry(), key: value}}, schema="poller")
    assert [problem for problem in found if problem[0] == "CE101"] == [
        ("CE101", f"unknown key `{key}` in poller entry `c`", f"/c/{key}", True, fix)]


def test_unknown_key_suggestion_through_the_bundled_copy() -> None:
    # in instance.schema.json the poller entry is the bundled copy, referenced as #/$defs/bundled:poller/...
    body = {"element": {"key": "x"},
            "configuration": {"event.poller.configuration": {"c": {**entry(), "updatedDateTimeZone": "GMT"}}}}
    assert [problem[4] for problem in problems(body) if problem[0] == "CE101"] == [
        "did you mean `updatedDateTimezone`, inside `datesConfiguration`?"]


def test_unknown_key_in_dates_configuration() -> None:
    dates = {**entry()["datesConfiguration"], "updatedDateFeild": "x", "createdCheckTolerence": 2}
    assert problems({"c": entry(datesConfiguration=dates)}, schema="poller") == [
        ("CE101", "unknown key `updatedDateFeild` in `datesConfiguration` of poller entry `c`",
         "/c/datesConfiguration/updatedDateFeild", True, "did you mean `updatedDateField`?"),
        ("CE101", "unknown key `createdCheckTolerence` in `datesConfiguration` of poller entry `c`",
         "/c/datesConfiguration/createdCheckTolerence", True,
         "did you mean `createdCheckTolerance`, on the poller entry itself?"),
    ]


def test_wrong_types_in_entries() -> None:
    found = problems({"contacts": entry(filterByUpdatedDate="false", pageSize="100", pollDelay=1.0,
                                        createdCheckTolerance=2.5, url=5)}, schema="poller")
    assert found == [
        ("CE102", "`url` in poller entry `contacts` must be a URL string, got `5`", "/contacts/url", False, None),
        ("CE102", '`filterByUpdatedDate` in poller entry `contacts` must be a boolean (`true` or `false`), '
                  'got `"false"`', "/contacts/filterByUpdatedDate", False, "write `false` without quotes"),
        ("CE102", '`pageSize` in poller entry `contacts` must be a whole number of records, got `"100"`',
         "/contacts/pageSize", False, "write `100` without quotes"),
        ("CE102", "`createdCheckTolerance` in poller entry `contacts` must be a whole number of seconds, "
                  "got `2.5`", "/contacts/createdCheckTolerance", False, None),
    ]  # pollDelay 1.0 is a whole number


def test_ranges_in_entries() -> None:
    assert problems({"c": entry(pageSize=0, pollDelay=-1)}, schema="poller") == [
        ("CE308", "`pageSize` in poller entry `c` must be at least 1, got `0`", "/c/pageSize", False, None),
        ("CE308", "`pollDelay` in poller entry `c` must be a whole number of seconds, got `-1`", "/c/pollDelay",
         False, None),
    ]


def test_missing_required_keys() -> None:
    # an adoption trial (helper-136): an entry without `idField` is CE107's warning, which no schema can give (an
    # editor's problem for files the platform takes, Cloud Elements' own among them): the schemas ask for no `idField`
    assert problems({"contacts": entry(idField=None)}, schema="poller") == []
    from validator.engine import check

    assert [(f.rule, f.severity, f.message) for f in check(json.dumps({"contacts": entry(idField=None)}))
            if f.rule.startswith("CE1")] == [
        ("CE107", "warning", "no `idField` in poller entry `contacts`: its events carry no `objectId`")]
    assert problems({"contacts": entry(url=None)}, schema="poller") == [
        ("CE103", "missing required key `url` in poller entry `contacts`", "/contacts", False, None)]
    assert problems({"contacts": {"datesConfiguration": {}}}, schema="poller") == [
        ("CE103", "missing required keys `url` and `idField` in poller entry `contacts`", "/contacts", False,
         None)]
    assert problems({"providerData": {"code": "${CODE}"}, "configuration": {}}) == [
        ("CE103", "missing required key `element` in the instance body", "", False, None)]
    assert problems({"configuration": {}}) == []  # an update (`PATCH /instances/{id}`): kinds.is_update_body


def test_empty_entry_is_one_problem() -> None:
    assert problems(body({"event.poller.configuration": {"leads": {}, "contacts": entry()}})) == [
        ("CE103", "poller entry `leads` is empty: it needs `url` and `idField`",
         "/configuration/event.poller.configuration/leads", False, None)]


def test_empty_url_and_id_field() -> None:
    assert problems({"c": entry(url="", idField="")}, schema="poller") == [
        ("CE104", "`url` in poller entry `c` must not be empty", "/c/url", False, None),
    ]
    from validator.engine import check

    assert [(f.rule, f.pointer) for f in check(json.dumps({"c": entry(idField="")})) if f.rule == "CE107"] == [
        ("CE107", "/c/idField")]


def test_entry_that_is_not_an_object() -> None:
    assert problems({"contacts": "/hubs/crm/contacts"}, schema="poller") == [
        ("CE102", 'poller entry `contacts` must be an object with `url` and `idField`, got `"/hubs/crm/contacts"`',
         "/contacts", False, None)]
    assert problems(["contacts"], schema="poller") == [
        ("CE102", 'the poller configuration must be an object mapping resource names to poller entries, '
                  'got an array', "", False, None)]


def test_document_that_is_not_an_object() -> None:
    assert problems(["x"]) == [("CE102", 'the instance body must be an object, got an array', "", False, None)]
    assert problems("x", schema="configuration") == [
        ("CE102", 'the configuration must be an object, got `"x"`', "", False, None)]
    assert problems(body(None)) == [  # type: ignore[arg-type]
        ("CE102", "`configuration` must be an object, got `null`", "/configuration", False, None)]


def test_any_of_reports_its_most_specific_branch() -> None:
    from jsonschema import Draft202012Validator

    schema = {"type": "object", "properties": {"size": {"anyOf": [
        {"type": "integer", "x-expected": "a whole number"},
        {"type": "string", "pattern": "^[0-9]+$", "x-expected": "digits"}]}}}
    translator = schemas._Translator({"size": "big"}, "document")
    translator.run(lambda: Draft202012Validator(schema), overlay=None)
    assert [(p.rule, p.message, p.pointer) for p in translator.problems()] == [
        ("CE104", '`size` must be digits, got `"big"`', "/size")]


@pytest.mark.parametrize(("key", "flagged"), [("FreshBooks Classic", True), ("Sage One", True), ("sage\u00a0one", True),
                                              ("sageone", False), ("adobe-esign", False), ("BrightTALKcrm", False)])
def test_an_element_key_with_a_space_inside_is_a_display_name(key: str, flagged: bool) -> None:
    """A fresh-mistakes trial (helper-157): the corpus's `"key": "FreshBooks Classic"` (Cloud Elements' own FreshBooks
    pages, 208-210) passed without element docs; no element key has a blank (the corpus's 168 keys)."""
    found = [(p.rule, p.pointer, p.message) for p in validate({"element": {"key": key}, "name": "x"}) if p.rule == "CE104"]
    assert found == ([("CE104", "/element/key", "`element.key` must be one word, with no space inside it (an element "
                       "key as `GET /elements` lists it, such as `freshbooks`; a display name such as `FreshBooks "
                       f"Classic` names no element), got `{json.dumps(key, ensure_ascii=False)}`")]
                     if flagged else [])
    edge = [p.message for p in validate({"element": {"key": key + " "}, "name": "x"}) if p.rule == "CE104"]
    assert len(edge) == 1 + flagged and "no space before or after it" in edge[0]  # (each its own message)


@pytest.mark.parametrize("key", ["${ ELEMENT_KEY }", "{{ page.elementKey }}", "{{page.element/key}}", "<The Element's Key>",
                                 " {{ key }}"])
def test_a_placeholder_element_key_is_left_to_the_placeholder_rules(key: str) -> None:
    """helper-163: `"key": "${ ELEMENT_KEY }"` drew the new CE104 "must be one word" (an error) where it had passed:
    the element-key patterns left out only `<...>`; every placeholder the overlays take for a key is left alone."""
    assert [p.message for p in validate({"element": {"key": key}, "name": "x"}) if p.rule == "CE104"] == []


@pytest.mark.parametrize(("key", "flagged"), [("'sageone'", True), ('"sageone"', True), ("/elements/sageone", True),
                                              ("sage\\one", True), ("<The Element's Key>", False), ("sageone", False)])
def test_an_element_key_in_quotes_or_as_a_path(key: str, flagged: bool) -> None:
    """A fresh-mistakes trial (helper-157): `"key": "'sageone'"` and `"key": "/elements/sageone"` passed without
    element docs (with them, CE914 said only that no docs were found). A documentation placeholder in angle brackets
    is neither this nor a display name (CE701 reads it)."""
    found = [p.message for p in validate({"element": {"key": key}, "name": "x"}) if p.rule == "CE104"]
    assert found == ([f"`element.key` must be the key alone, with no quote, slash or backslash in it (an element key "
                      "as `GET /elements` lists it, such as `sageone`; not a quoted `'sageone'` nor a path such as "
                      f"`/elements/sageone`), got `{json.dumps(key)}`"] if flagged else [])


def test_element_needs_key_or_id() -> None:
    assert problems({"element": {}}) == [
        ("CE103", "`element` needs `key` or `id`", "/element", False,
         'name the element by its key, `{"key": "sageone"}`, or by its numeric id, `{"id": 3458}`')]
    assert problems({"element": {"name": "Sage One"}}) == [
        ("CE103", "`element` needs `key` or `id`: the platform does not read `name`", "/element/name", True,
         "write the element's key as `key` (`GET /elements` lists them; a display name such as `Sage One` is none): "
         '{"key": "sageone"}')]
    assert problems({"element": "sageone"}) == [
        ("CE102", '`element` must be an object such as `{"key": "sageone"}`, got `"sageone"`', "/element", False,
         'write `{"key": "sageone"}`')]
    assert problems({"element": {"key": ""}}) == [
        ("CE104", "`element.key` must not be empty", "/element/key", False, None)]
    assert problems({"element": {"id": "abc"}}) == [
        ("CE104", '`element.id` must be a numeric element id, got `"abc"`', "/element/id", False, None)]


def test_misplaced_keys() -> None:
    misplaced_dates = entry(updatedDateTimezone="GMT")
    misplaced_dates["datesConfiguration"] = {**misplaced_dates["datesConfiguration"], "createdCheckTolerance": 2}
    misplaced_dates["datesConfiguration"].pop("updatedDateTimezone")
    assert problems({"contacts": misplaced_dates}, schema="poller") == [
        ("CE106", "`createdCheckTolerance` belongs on poller entry `contacts`, not inside its `datesConfiguration`",
         "/contacts/datesConfiguration/createdCheckTolerance", True,
         "move it out of `datesConfiguration`, next to it"),
        ("CE106", "`updatedDateTimezone` belongs in `datesConfiguration`, not directly in poller entry `contacts`",
         "/contacts/updatedDateTimezone", True, "move it into `datesConfiguration`"),
    ]


def test_misplaced_instance_keys() -> None:
    doc = {"element": {"key": "dropbox"}, "configuration": {"tags": ["Test"], "name": "x"},
           "event.notification.enabled": "true"}
    assert problems(doc) == [
        ("CE106", "`tags` belongs at the top level of the instance body, not in `configuration`",
         "/configuration/tags", True, "move it out of `configuration`, next to it"),
        ("CE106", "configuration key `event.notification.enabled` is at the top level of the instance body; "
                  "it belongs in `configuration`", "/event.notification.enabled", True,
         "move it into `configuration`"),
    ]


def test_one_message_at_one_place_is_said_once() -> None:
    """A fresh-mistakes trial (helper-81): `"event.vendor.type": true` drew CE102 and CE104, one message twice."""
    assert [p[0] for p in problems({"event.vendor.type": True}, schema="configuration")] == ["CE102"]


def test_an_event_key_in_provider_data_belongs_in_configuration() -> None:
    """A fresh-mistakes trial (helper-81): the poller in `providerData` (beside the OAuth code) passed."""
    doc = {"element": {"key": "dropbox"}, "configuration": {}, "providerData": {
        "code": "abc", "oauth.token": "x", "event.poller.configuration": {"c": {"url": "/hubs/crm/c", "idField": "id"}}}}
    assert problems(doc) == [
        ("CE106", "configuration key `event.poller.configuration` is in `providerData`; it belongs in `configuration`",
         "/providerData/event.poller.configuration", True, "move it into `configuration`")]


def test_configuration_keys_in_element_belong_in_configuration() -> None:
    """A fresh-mistakes trial (helper-157): `event.notification.enabled` written in `element` passed unseen. An
    element definition (a response's `element`) has no dotted key of its own; its `configuration` (an object in
    some documented responses) is left alone."""
    doc = {"element": {"key": "dropbox", "event.notification.enabled": "true"}, "configuration": {}}
    assert problems(doc) == [
        ("CE106", "configuration key `event.notification.enabled` is in `element`; it belongs in `configuration`",
         "/element/event.notification.enabled", True, "move it into `configuration`")]
    response = {"element": {"key": "dropbox", "name": "Dropbox", "configuration": {"oauth.api.key": "x"}}}
    assert problems(response) == []


def test_single_entry_given_as_poller_configuration() -> None:
    single = {"url": "/hubs/crm/contacts", "idField": "id", "filterByUpdatedDate": "true"}
    assert problems(single, schema="poller") == [
        ("CE106", "the poller configuration holds a single poller entry (`url`, `idField`, ...), but it maps "
                  "resource names to entries", "", False,
         'wrap the entry in a resource name: `{"contacts": {"url": ...}}`')]
    assert [p[2] for p in problems(body({"event.poller.configuration": single}))] == [
        "/configuration/event.poller.configuration"]


def test_pointer_escaping() -> None:
    poller = {"calendars/primary/changed-events": entry(pageSize="x"), "a~b": entry(pageSize="y")}
    assert [p[2] for p in problems(body({"event.poller.configuration": poller}))] == [
        "/configuration/event.poller.configuration/calendars~1primary~1changed-events/pageSize",
        "/configuration/event.poller.configuration/a~0b/pageSize",
    ]


def test_problems_come_in_document_order_without_duplicates() -> None:
    poller = {"b": entry(pageSize="1", filterByUpdateDate=True), "a": {}}
    doc = body({"event.notification.enabled": "yes", "event.poller.configuration": poller}, tags=5)
    found = validate(doc)
    assert [p.pointer for p in found] == [
        "/configuration/event.notification.enabled",
        "/configuration/event.poller.configuration/b/pageSize",
        "/configuration/event.poller.configuration/b/filterByUpdateDate",
        "/configuration/event.poller.configuration/a",
        "/tags",
    ]
    assert len(set(found)) == len(found)


@pytest.mark.parametrize("placeholder", ["<minutes>", "{{page.refreshInterval}}", "${REFRESH_MINUTES}",
                                         " <INSERT_INTERVAL> "])
def test_placeholders_draw_no_schema_problem(placeholder: str) -> None:
    config = {"event.poller.refresh_interval": placeholder, "event.notification.enabled": placeholder,
              "event.vendor.type": placeholder, "event.poller.configuration": placeholder}
    assert problems(body(config)) == []
    assert problems({"element": placeholder}) == []
    assert problems({"c": entry(pageSize=placeholder, filterByUpdatedDate=placeholder)}, schema="poller") == []


# ---------------------------------------------------------------------------------- element overlay

SAGE = {"oauth.api.key": "k", "oauth.api.secret": "s", "signature.secret": "t", "apim.subscription.key": "a"}


def test_sageone_overlay_requirements() -> None:
    config = {"oauth.api.key": "k", "oauth.api.secret": "s", "oauth.callback.url": "https://example.com"}
    assert problems(body(config, element={"key": "sageone"})) == [
        ("CE105", "missing configuration keys `signature.secret` and `apim.subscription.key`, which element "
                  "`sageone` requires", "/configuration", False, 'add "signature.secret": "...", "apim.subscription.key": "..."')]
    assert problems({"element": {"key": "sageone"}}) == [
        ("CE105", "missing `configuration`: element `sageone` requires the keys `oauth.api.key`, "
                  "`oauth.api.secret`, `signature.secret` and `apim.subscription.key`", "", False, None)]
    # the overlay applies by element.key, or by the element option
    assert problems(body(config)) == []
    # a body of another element is left alone by the overlay's own condition (an adoption trial, helper-136: an
    # editor applying the overlay beside `instance` gave every other element's body five problems)
    assert codes(body(config), element="sageone") == []
    assert codes(config, schema="configuration", element="sageone") == ["CE105"]
    assert problems(config, schema="configuration", element="hubspot") == []


@pytest.mark.parametrize("written", ["config", "Configuration", "configurations", "conf"])
def test_a_configuration_written_under_another_key_is_named(written: str) -> None:
    """A trial's fresh mistake (helper-53): `config` for `configuration`; CE105 said only that it was missing."""
    [(code, message, pointer, key, hint)] = problems({"element": {"key": "sageone"}, written: SAGE})
    # (at the key written: helper-125's trial found the finding spanning the whole body)
    assert (code, pointer, key, hint) == ("CE105", f"/{written}", True, f"rename `{written}` to `configuration`")
    assert message.endswith(f"; the body has `{written}`, which the platform does not read"), message


@pytest.mark.parametrize(("country", "ok"), [("US", True), ("gb", True), ("", True), ("<COUNTRY_CODE>", True),
                                             ("USA", False), ("U", False), ("12", False)])
def test_sageone_country(country: str, ok: bool) -> None:
    found = problems(body({**SAGE, "country": country}, element={"key": "sageone"}))
    expected = [] if ok else [("CE104", f'`country` must be a two-letter country code such as `US`, '
                                        f'got `"{country}"`', "/configuration/country", False, None)]
    assert found == expected


def test_sageone_overlay_leaves_another_element_s_body_and_asks_an_update_for_its_keys() -> None:
    assert problems(body(SAGE, element={"key": "hubspot"}), element="sageone") == []
    from jsonschema import Draft202012Validator

    overlay = Draft202012Validator(schemas.load_schema("elements/sageone"))
    assert not list(overlay.iter_errors({"element": {"key": "hubspot"}, "configuration": {}}))
    assert list(overlay.iter_errors({"element": {"key": "sageone"}, "configuration": {}}))
    assert list(overlay.iter_errors({"configuration": {"country": "GBR"}}))  # (an update's values are still read)
    assert not list(overlay.iter_errors({"element": {"id": 1234}, "configuration": {}}))  # (by id: not this one)


# The platform's answers (`GET /instances`, saved as a fixture), as rules.notifications.is_response reads them
RESPONSES = [{"id": 481516, "element": {"key": "sageone"}, "configuration": {"country": "GBR"}},
             {"token": "t0k", "element": {"key": "sageone"}, "configuration": {}},
             {"createdDate": "2020-03-01T10:00:00Z", "configuration": {"oauth.api.key": "k"}}]


@pytest.mark.parametrize("response", RESPONSES)
def test_an_overlay_leaves_the_platform_s_answer_alone(response: dict[str, Any], shared: Path) -> None:
    """helper-218: a saved `GET /instances` answer, which `check` does not judge by its element (it echoes what is
    stored), drew "Missing property" for each key Sage One requires in VS Code beside the overlay, and from
    check-jsonschema; so did an overlay from `schema from-element`.  A body to send is still judged."""
    from jsonschema import Draft202012Validator

    from validator.elements import ElementDefinition, overlay_schema
    from validator.rules.notifications import is_response

    assert is_response(response)
    definition = shared / "elements" / "sageone" / "element.json"
    generated = overlay_schema(ElementDefinition.from_json(json.loads(definition.read_text(encoding="utf-8"))))
    for overlay in (schemas.load_schema("elements/sageone"), generated):
        assert not list(Draft202012Validator(overlay).iter_errors(response))
        sent = {k: v for k, v in response.items() if k not in ("id", "token", "createdDate")}
        assert list(Draft202012Validator(overlay).iter_errors(sent))  # (the same body, to send: still asked)
    assert problems(response, element="sageone") == []


@pytest.mark.parametrize("key", ["{{page.elementKey}}", "<ELEMENT_KEY>", "${ELEMENT}"])
def test_sageone_overlay_takes_a_placeholder_key_for_its_own(key: str) -> None:
    """helper-161: a template body (`"key": "{{page.elementKey}}"`) with every Sage One key got "Expected `sageone`"
    from VS Code and check-jsonschema: the overlay's condition reads a placeholder as this element, its `else` did not."""
    from jsonschema import Draft202012Validator

    overlay = Draft202012Validator(schemas.load_schema("elements/sageone"))
    assert not list(overlay.iter_errors(body(SAGE, element={"key": key})))
    assert [e.message for e in overlay.iter_errors(body({}, element={"key": key}))]  # (its keys still asked for)
    assert problems(body(SAGE, element={"key": key}), element="sageone") == []


def test_seed_example_has_no_schema_problem(corpus: list[dict]) -> None:
    seed = next(r for r in corpus if r["id"] == 418)
    assert problems(json.loads(seed["text"])) == []


def test_sageone_definition_agrees_with_overlay(shared: Path) -> None:
    definition = json.loads((shared / "elements" / "sageone" / "element.json").read_text(encoding="utf-8"))
    must_supply = [c["key"] for c in definition["configuration"]
                   if c.get("required") and not c.get("internal") and not c.get("defaultValue")]
    overlay = schemas.load_schema("elements/sageone")["$defs"]["configuration"]
    assert sorted(overlay["required"]) == sorted(must_supply)
    assert set(overlay["properties"]) <= {c["key"] for c in definition["configuration"]}


# --------------------------------------------------------------------------------------- the corpus

# Every corpus record that draws a schema problem, with the problems' codes. Each was reviewed and is a
# real mistake:
#   CE101 `" filterByUpdatedDate"` (a stray space, 673);
#   CE102 `"false"` for `filterByUpdatedDate` (592);
#   CE103 empty stub entries `{}` (insightly, maximizer, revel);
#   CE104 a display name as the element key (`FreshBooks Classic`, 208-210);
#   CE105 Sage One bodies copied from other elements' pages (eloqua, servicenow, egnyte);
#   CE106 `createdCheckTolerance` in `datesConfiguration` (hubspot, pardot), `updatedDateTimezone` on the entry,
#         `tags` in `configuration`, configuration keys at the top level (1044, 1315), a lone entry (57);
#   (an entry without `idField`, or with an empty one, is no schema problem: CE107, a rule's warning).
EXPECTED_CORPUS = {
    3: "CE106", 31: "CE106", 57: "CE106", 75: "CE106", 109: "CE106", 181: "CE105", 208: "CE104", 209: "CE104",
    210: "CE104", 282: "CE103", 319: "CE103",
    377: "CE106", 404: "CE103", 478: "CE105", 483: "CE105", 592: "CE102", 636: "CE106", 672: "CE106", 673: "CE101",
    892: "CE105", 1044: "CE106", 1312: "CE106", 1315: "CE106", 1317: "CE106", 1372: "CE106", 1409: "CE103",
    1416: "CE103", 1426: "CE103",
}


def _corpus_problems(record: dict) -> list[SchemaProblem] | None:
    doc = json.loads(record["text"])
    if record["kind"] == "poller":
        if record["subkind"] == "element-configuration-entry":
            return None  # the element's definition of the key, not a poller; its defaultValue is record 574
        return validate(doc, schema="poller")
    if not isinstance(doc, dict) or not ("element" in doc or "configuration" in doc
                                         or any(key.startswith("event.") for key in doc)):
        return None
    kind = "instance" if "element" in doc else "configuration"
    found = validate(doc, schema=kind)
    config = doc.get("configuration") if kind == "instance" else doc
    embedded = config.get("event.poller.configuration") if isinstance(config, dict) else None
    if isinstance(embedded, str):
        try:
            decoded = json.loads(embedded)
        except ValueError:
            decoded = None
        if decoded is not None:
            found += validate(decoded, schema="poller")
    return found


def test_corpus(corpus: list[dict]) -> None:
    checked, drawn = 0, {}
    for record in corpus:
        if not record["valid_json"]:
            continue
        found = _corpus_problems(record)
        if found is None:
            continue
        checked += 1
        if found:
            drawn[record["id"]] = " ".join(sorted({p.rule for p in found}))
    assert checked > 1000
    assert drawn == EXPECTED_CORPUS


def test_corpus_messages_are_translated(corpus: list[dict]) -> None:
    seen: Counter[str] = Counter()
    for record in corpus:
        if record["valid_json"]:
            for problem in _corpus_problems(record) or []:
                seen[problem.rule] += 1
                assert "is not valid under" not in problem.message and "is a required property" not in problem.message
                assert problem.pointer == "" or problem.pointer.startswith("/")
    assert set(seen) == {"CE101", "CE102", "CE103", "CE104", "CE105", "CE106"}


def test_element_definition_pollers(shared: Path) -> None:
    found: dict[str, list[str]] = {}
    for path in sorted((shared / "elements").glob("*/element.json")):
        definition = json.loads(path.read_text(encoding="utf-8"))
        for item in definition.get("configuration", []):
            if item["key"] == "event.poller.configuration" and item.get("defaultValue"):
                found[path.parent.name] = sorted({p.rule for p in validate(json.loads(item["defaultValue"]),
                                                                           schema="poller")})
    assert len(found) == 12
    assert {key: rules for key, rules in found.items() if rules} == {
        "pardot": ["CE106"]}  # (chargebee's and linkedin's empty idField: CE107, a rule's, not the schema's)


def _user_overlay_dir(tmp_path: Path, schema: dict[str, Any]) -> tuple[str, ...]:
    folder = tmp_path / "overlays"
    folder.mkdir()
    (folder / "hubspotcrm.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    return (str(folder),)


def test_a_user_overlay_without_schema_keyword_is_read_as_2020_12(tmp_path: Path) -> None:
    """Found by review: an overlay with no ``$schema`` was an internal error (CE099)."""
    dirs = _user_overlay_dir(tmp_path, {
        "$defs": {"configuration": {"type": "object", "required": ["oauth.api.key"]}},
        "type": "object", "properties": {"configuration": {"$ref": "#/$defs/configuration"}}})
    body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {"oauth.api.secret": "s"}}
    assert [(p.rule, p.pointer) for p in validate(body, overlay_dirs=dirs)] == [("CE105", "/configuration")]


def test_a_user_overlay_may_refer_by_anchor(tmp_path: Path) -> None:
    """The registry is not crawled up front; an anchor is still found when first looked up."""
    dirs = _user_overlay_dir(tmp_path, {
        "$defs": {"conf": {"$anchor": "conf", "type": "object", "required": ["oauth.api.key"]}},
        "type": "object", "properties": {"configuration": {"$ref": "#conf"}}})
    body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {"oauth.api.secret": "s"}}
    assert [(p.rule, p.pointer) for p in validate(body, overlay_dirs=dirs)] == [("CE105", "/configuration")]


def test_a_draft_07_overlay_keeps_its_own_rules(tmp_path: Path) -> None:
    """In draft-07 the keywords beside a ``$ref`` are ignored; the validator follows the overlay's own dialect."""
    dirs = _user_overlay_dir(tmp_path, {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {"conf": {"type": "object"}},
        "type": "object",
        "properties": {"configuration": {"$ref": "#/definitions/conf", "required": ["ignored.in.draft.7"]}}})
    body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {"oauth.api.secret": "s"}}
    assert validate(body, overlay_dirs=dirs) == []


def test_keywords_beside_a_reference_report_in_their_written_order(tmp_path: Path) -> None:
    """The followed reference takes the place of ``$ref`` among its siblings, so the order of what is missing
    is the order the schema gives."""
    dirs = _user_overlay_dir(tmp_path, {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {"conf": {"type": "object", "required": ["a.key"]}},
        "type": "object",
        "properties": {"configuration": {"$ref": "#/$defs/conf", "required": ["b.key"]}}})
    body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {}}
    messages = [p.message for p in validate(body, overlay_dirs=dirs)]
    assert len(messages) == 1 and messages[0].index("a.key") < messages[0].index("b.key"), messages


def test_a_user_overlay_without_a_configuration_part_leaves_a_bare_configuration_alone(tmp_path: Path) -> None:
    """Found by review: ``--kind configuration`` with such an overlay was an internal error (CE099)."""
    dirs = _user_overlay_dir(tmp_path, {"$schema": "https://json-schema.org/draft/2020-12/schema",
                                        "type": "object", "required": ["name"]})
    assert validate({"oauth.api.key": "x"}, schema="configuration", element="hubspotcrm", overlay_dirs=dirs) == []
    body = {"element": {"key": "hubspotcrm"}}
    assert [(p.rule, p.pointer) for p in validate(body, overlay_dirs=dirs)] == [("CE105", "")]  # still applied


# ------------------------------------------------------------------- the plain-properties shorthand
def _problems_with(validator: Any, doc: Any, base: str) -> list[SchemaProblem]:
    translator = schemas._Translator(doc, base)
    translator.run(lambda: validator, overlay=None)
    return translator.problems()


def _mutations(doc: Any, limit: int = 12) -> list[Any]:
    """``doc`` with one value replaced at a time by another type, an empty string or a placeholder."""
    import copy

    out: list[Any] = []
    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                paths.append(path + (key,))
                walk(child, path + (key,))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, path + (index,))

    walk(doc, ())
    replacements = ["", 7, None, [], {}, True, "<VALUE>", " "]
    for number, path in enumerate(paths[:limit]):
        changed = copy.deepcopy(doc)
        node = changed
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = replacements[number % len(replacements)]
        out.append(changed)
    return out


def test_plain_properties_report_what_the_descents_did(corpus: list[dict], monkeypatch: pytest.MonkeyPatch) -> None:
    from validator import schema_refs

    names = {"instance": "instance", "configuration": "configuration", "poller": "poller"}
    fast = {base: schemas._validator(schemas.schema_uri(name)) for base, name in names.items()}
    assert all(schema_refs.PLAIN_PROPERTIES in json.dumps(v.schema) for v in fast.values())
    monkeypatch.setattr(schema_refs, "_with_plain_properties", lambda node: node)
    slow = {base: schemas._compiled(schemas.schema_uri(name), schemas.registry()) for base, name in names.items()}
    assert not any(schema_refs.PLAIN_PROPERTIES in json.dumps(v.schema) for v in slow.values())
    compared = differing = with_problems = 0
    for record in corpus[:400]:
        try:
            doc = json.loads(record["text"])
        except ValueError:
            continue
        base = "poller" if record["kind"] == "poller" else "instance" if isinstance(doc, dict) and "element" in doc \
            else "configuration"
        for variant in [doc, *_mutations(doc)]:
            compared += 1
            found = _problems_with(fast[base], variant, base)
            with_problems += bool(found)
            if found != _problems_with(slow[base], variant, base):
                differing += 1
    assert compared > 2000 and with_problems > 1000 and differing == 0


def _with_and_without_shorthand(monkeypatch: pytest.MonkeyPatch, dirs: tuple[str, ...], body: dict[str, Any],
                                schema: str = "instance") -> tuple[list[Any], list[Any]]:
    from validator import schema_refs

    def shown(problems: list[SchemaProblem]) -> list[Any]:
        return [(p.rule, p.pointer, p.message, p.help, p.action) for p in problems]

    schemas._user_validator.cache_clear()
    fast = shown(validate(body, schema=schema, element="hubspotcrm", overlay_dirs=dirs))
    with monkeypatch.context() as patched:
        patched.setattr(schema_refs, "_with_plain_properties", lambda node: node)
        schemas._user_validator.cache_clear()
        slow = shown(validate(body, schema=schema, element="hubspotcrm", overlay_dirs=dirs))
    schemas._user_validator.cache_clear()
    return fast, slow


def test_a_plain_property_keeps_where_it_belongs_in_unknown_key_hints(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by review: the hint read the property's schema from `properties`, where the shorthand puts `true`."""
    dirs = _user_overlay_dir(tmp_path, {"$defs": {"configuration": {
        "type": "object", "additionalProperties": False,
        "properties": {"region": {"type": "string", "x-belongs": "datesConfiguration"}}}}})
    fast, slow = _with_and_without_shorthand(monkeypatch, dirs, {"Region": "eu"}, schema="configuration")
    assert fast == slow
    assert any(help_ == "did you mean `region`, inside `datesConfiguration`?" and action is None
               for _rule, _pointer, _message, help_, action in fast)


def test_plain_property_errors_keep_the_schema_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by review: `minLength` written before `type` reported after it."""
    dirs = _user_overlay_dir(tmp_path, {
        "type": "object", "properties": {"configuration": {
            "type": "object", "properties": {"port": {"minLength": 2, "type": "integer"}}}}})
    body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {"port": "8"}}
    fast, slow = _with_and_without_shorthand(monkeypatch, dirs, body)
    assert fast == slow and len(fast) >= 2


def test_a_reference_to_a_boolean_schema_is_still_inlined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by review: a `$ref` to `true` made the shorthand raise, and the overlay fell back to the registry."""
    from validator import schema_refs

    overlay = {"$defs": {"anything": True, "misplaced": {"x-belongs": "datesConfiguration", "not": {}}},
               "type": "object", "properties": {"configuration": {
                   "type": "object", "additionalProperties": False,
                   "properties": {"extra": {"$ref": "#/$defs/anything"}, "zoneName": {"$ref": "#/$defs/misplaced"},
                                  "plain": {"type": "string"}}}}}
    dirs = _user_overlay_dir(tmp_path, overlay)
    uri = (tmp_path / "overlays" / "hubspotcrm.schema.json").resolve().as_uri()
    from referencing import Resource
    from referencing.jsonschema import DRAFT202012

    registry = schemas.registry().with_resource(uri, Resource.from_contents(overlay, default_specification=DRAFT202012))
    assert schema_refs.inline_refs(uri, registry) is not None
    body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {"zoneNam": "x", "plain": 1}}
    fast, slow = _with_and_without_shorthand(monkeypatch, dirs, body)
    assert fast == slow
    assert any("inside `datesConfiguration`" in (help_ or "") for _rule, _pointer, _message, help_, _action in fast)


def test_a_schema_of_its_own_named_like_the_shorthand_is_an_annotation(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dirs = _user_overlay_dir(tmp_path, {
        "type": "object", "x-plain-properties": "a note of the user's",
        "properties": {"configuration": {"type": "object", "x-plain-properties": 7,
                                         "properties": {"count": {"type": "integer"}}}}})
    body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {"count": "many"}}
    fast, slow = _with_and_without_shorthand(monkeypatch, dirs, body)
    assert fast == slow and [rule for rule, *_ in fast] == ["CE102"]


def test_a_misspelt_required_key_is_one_error_not_a_missing_key_beside_an_unknown_one() -> None:
    """A user's trial: `idFeild` drew two warnings (CE107 missing `idField`, CE101 unknown key), and the file
    passed while its events carried no `objectId`."""
    def entry(**keys: Any) -> dict[str, Any]:
        return {"element": {"key": "x"}, "configuration": {"event.poller.configuration": {"c": {
            "url": "/hubs/crm/c", **keys}}}}

    found = [(p.rule, p.severity, p.pointer) for p in validate(entry(idFeild="id"))]
    # (a warning, as a missing `idField` is: an adoption trial, helper-136, found the misspelling an error)
    assert found == [("CE101", "warning", "/configuration/event.poller.configuration/c/idFeild")], found
    assert "the entry has no `idField`" in validate(entry(idFeild="id"))[0].message
    spaced = validate(entry(**{"idField ": "id"}))
    assert [(p.rule, p.severity) for p in spaced] == [("CE101", "warning")]
    # beside the real key, a near miss is only an unknown key
    assert [(p.rule, p.severity) for p in validate(entry(idFeild="id", idField="id"))] == [("CE101", "warning")]
    assert [(p.rule, p.severity) for p in validate(entry(idField="id", pageSise=10))] == [("CE101", "warning")]
    # ... and the engine says it once: no CE107 beside it; a missing idField with no misspelling is CE107
    from validator.engine import check

    assert [f.rule for f in check(json.dumps(entry(idFeild="id"))) if f.rule in ("CE101", "CE107")] == ["CE101"]
    assert [f.rule for f in check(json.dumps(entry(id_field="id"))) if f.rule in ("CE101", "CE107")] == ["CE101"]
    # a lone entry where the map belongs is CE106's (a review, helper-137: CE107 spoke of "poller entry ``")
    lone = json.dumps({"url": "/hubs/crm/c", "datesConfiguration": {}})
    assert not [f for f in check(lone) if f.rule == "CE107"]
    assert [f.rule for f in check(json.dumps(entry())) if f.rule in ("CE101", "CE107")] == ["CE107"]


def test_a_value_of_the_wrong_type_is_one_finding_with_the_overlay_s_type() -> None:
    """A user's trial: the base schema and Sage One's overlay each reported `signature.secret` as CE102."""
    body = {"element": {"key": "sageone"}, "configuration": {
        "signature.secret": ["a"], "oauth.api.key": "x", "oauth.api.secret": "y", "apim.subscription.key": "z"}}
    found = [(p.rule, p.pointer, p.message) for p in validate(body) if p.rule == "CE102"]
    assert found == [("CE102", "/configuration/signature.secret", "`signature.secret` must be a string, got an array")]


def test_provider_data_inside_configuration_belongs_at_the_top_level() -> None:
    """A user's trial: `providerData` (the OAuth code) put in `configuration` drew a type error that did not say
    where it belongs."""
    body = {"element": {"key": "sageone"}, "name": "x", "configuration": {"providerData": {"code": "abc"}}}
    found = [p for p in validate(body) if p.pointer == "/configuration/providerData"]
    assert [(p.rule, p.message) for p in found] == [
        ("CE106", "`providerData` belongs at the top level of the instance body, not in `configuration`")]
    assert not [p for p in validate({**body, "configuration": {"providerData": "x"}}) if p.rule == "CE106"]


def test_nested_configuration_keys_are_explained() -> None:
    """A user's trial: `"event": {"poller": {"refresh_interval": 15}}`, nesting written as YAML would, drew
    "must be a string"; the platform reads flat, dotted keys."""
    body = {"element": {"key": "sageone"}, "name": "x",
            "configuration": {"event": {"poller": {"refresh_interval": 15}, "vendor": {"type": "polling"}}}}
    (problem,) = [p for p in validate(body) if p.pointer == "/configuration/event"]
    assert problem.rule == "CE102" and "flat, dotted names" in problem.message
    assert "`event.poller.refresh_interval`" in problem.message
    assert problem.help == 'write each as one key, such as "event.poller.refresh_interval": `15`'
    other = {**body, "configuration": {"mapping": {"a": {"b": 1}}}}  # no documented key spelt: the plain message
    assert all("dotted" not in p.message for p in validate(other))


def test_a_nested_poller_configuration_is_explained() -> None:
    """From the review: `"event": {"poller": {"configuration": {...}}}`, the commonest nesting, got the plain
    message: the walk went past the known key into the entries."""
    body = {"element": {"key": "sageone"}, "name": "x", "configuration": {"event": {"poller": {"configuration": {
        "contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}}}}}
    (problem,) = [p for p in validate(body) if p.pointer == "/configuration/event"]
    assert "`event.poller.configuration`" in problem.message


def test_an_unknown_key_holding_an_invisible_space_names_it():
    """helper-91: `"idField\u00a0"` was "unknown key `idField `" with help "remove the spaces": the reader sees one
    ordinary space, or none; the message names the character, as CE101's configuration keys do."""
    from validator.engine import check

    (found,) = [f for f in check('{"contacts": {"url": "/hubs/crm/contacts", "idField\u00a0": "id"}}')
                if f.rule == "CE101"]
    assert "(it holds a no-break space, U+00A0)" in found.message
    assert found.help == "remove a no-break space (U+00A0): `idField`"


@pytest.mark.parametrize("stringify", [False, True])
def test_a_single_entry_as_an_instance_s_poller_configuration_is_an_error(stringify):
    """helper-110: `"event.poller.configuration": {"url": ..., "idField": ...}` was a warning (exit 0), though the
    platform reads `url` as a resource's name and polls nothing; a file of one entry alone stays a warning."""
    from validator.engine import check

    entry = {"url": "/hubs/crm/contacts?where=a>1", "idField": "id"}
    body = {"element": {"key": "hubspot"}, "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://hooks.example.com/ce",
        "event.poller.configuration": json.dumps(entry) if stringify else entry}}
    (finding,) = [f for f in check(json.dumps(body)) if f.rule == "CE106"]
    assert finding.severity == "error" and "polls nothing" in finding.message
    (alone,) = [f for f in check(json.dumps(entry)) if f.rule == "CE106"]
    assert alone.severity == "warning" and "polls nothing" not in alone.message


@pytest.mark.parametrize("key", ["hubspot ", " hubspot", "hubspot\t", "hubspot\n",
                                 # helper-138: an invisible space pasted with the key passed (`\s` is no format character)
                                 "hubspot\u200b", "\ufeffhubspot", "hubspot\u2060", "hubspot\u00a0"])
def test_an_element_key_with_a_space_before_or_after_it_is_an_error(key):
    """helper-110: `{"element": {"key": "hubspot "}}` passed; the platform finds no element by that key."""
    from validator.engine import check

    (finding,) = [f for f in check(json.dumps({"element": {"key": key}, "configuration": {}, "name": "x"}))
                  if f.rule == "CE104"]
    assert finding.severity == "error" and "no space before or after it" in finding.message
    assert not [f for f in check('{"element": {"key": "hubspot"}, "configuration": {}, "name": "x"}')
                if f.rule == "CE104"]
    (other,) = [f for f in check('{"element": {"key": "sageone "}, "name": "x"}') if f.rule == "CE104"]
    assert "hubspot" not in other.message, other.message  # helper-128: the schema's example read as the element's name


@pytest.mark.parametrize("body", ['{"elementKey": "sageone", "name": "x", "configuration": {"event.notification.enabled": false}}',
                                  '{"element": {"key": "sageone"}, "name": "x", "configuration": {'
                                  '"event.poller.configuration": {"c": {"url": "/hubs/crm/c", "idField": "id", '
                                  '"datesConfiguraton": "x"}}}}'])
def test_a_misspelt_key_is_not_renamed_to_one_whose_type_its_value_misses(body):
    """helper-128: the rename fix of `"elementKey": "sageone"` wrote `"element": "sageone"`, a CE102 error."""
    from validator.engine import check

    (finding,) = [f for f in check(body) if f.rule == "CE101"]
    assert finding.fix is None and " It takes an object" in (finding.help or ""), finding


def test_a_misspelt_key_holding_a_quoted_number_is_still_renamed_then_unquoted():
    """helper-130: the type guard dropped the rename of `"pagesize": "200"`, which CE102 then unquotes (safe)."""
    from validator.engine import check
    from validator.fixes import fix_text

    text = '{"c": {"url": "/hubs/crm/c", "idField": "id", "pagesize": "200", "polldelay": "60"}}'
    fixed = fix_text(text, check, unsafe=True).text
    assert json.loads(fixed) == {"c": {"url": "/hubs/crm/c", "idField": "id", "pageSize": 200, "pollDelay": 60}}, fixed
    lots = '{"c": {"url": "/hubs/crm/c", "idField": "id", "pagesize": "lots"}}'  # (no number: renamed, an error)
    assert fix_text(lots, check, unsafe=True).text == lots  # (helper-132)


def test_an_element_key_with_a_space_is_said_with_element_docs_too(shared):
    """helper-115: with --element-docs the CE104 was dropped for CE914 (no docs for `hubspot `), an info: exit 0."""
    from validator.engine import Options, check

    found = check('{"element": {"key": "hubspot "}, "name": "x"}',
                  options=Options(element_docs=(str(shared / "elements"),)))
    assert [f.rule for f in found if f.rule in ("CE104", "CE914")] == ["CE104"]


@pytest.mark.parametrize(("written", "applicability"), [("keys", "unsafe"), ("Key", "safe")])
def test_an_element_s_misspelt_key_is_named(written: str, applicability: str) -> None:
    """helper-117: `{"element": {"keys": "sageone"}}` drew "`element` needs `key` or `id`" at its `{`, no suggestion."""
    from validator.engine import check

    body = json.dumps({"element": {written: "sageone"}, "name": "x", "configuration": {}})
    [hit] = [f for f in check(body) if f.rule == "CE103"]
    assert hit.pointer == f"/element/{written}" and "did you mean `key`?" in (hit.help or "")
    assert hit.fix is not None and hit.fix.applicability == applicability and hit.fix.edits[0].replacement == '"key"'
    # (helper-157: the key under another name, the one member, is said where it is; renamed, it may be right)
    [named] = [f for f in check(json.dumps({"element": {"name": "sageone"}, "name": "x"})) if f.rule == "CE103"]
    assert named.pointer == "/element/name" and named.help == 'write the element\'s key as `key`: {"key": "sageone"}'
    assert named.fix is not None and named.fix.applicability == "unsafe" and named.fix.edits[0].replacement == '"key"'
    [plain] = [f for f in check(json.dumps({"element": {"name": "Sage One", "hub": "finance"}})) if f.rule == "CE103"]
    assert plain.pointer == "/element" and plain.fix is None
    [secret] = [f for f in check(json.dumps({"element": {"apiKey": "${K}"}, "name": "x"})) if f.rule == "CE103"]
    assert secret.pointer == "/element" and secret.fix is None  # (a credential is not renamed into the key)


def test_poller_entries_wrapped_in_one_more_level_are_one_finding() -> None:
    """helper-117: `{"configuration": {"customers": {...}}}` as the poller drew "missing `url` and `idField` in poller
    entry `configuration`" and "unknown key `customers`", with no word of the level too many."""
    from validator.engine import check

    entry = {"url": "/hubs/crm/customers?where=a>'${gmtDate:yyyy}'", "idField": "id"}
    body = json.dumps({"element": {"key": "x"}, "name": "x", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://example.com/e",
        "event.poller.configuration": {"configuration": {"customers": entry}}}})
    found = [f for f in check(body) if f.severity == "error" or f.rule in ("CE101", "CE103", "CE106")]
    assert [(f.rule, f.pointer) for f in found] == [
        ("CE106", "/configuration/event.poller.configuration/configuration")], found
    assert "a level too many" in found[0].message


@pytest.mark.parametrize(("member", "value", "written"), [("key", "sageone", '"element": {"key": "sageone"}'),
                                                          ("elementId", 3458, '"element": {"id": 3458}')])
def test_the_element_named_at_the_top_of_the_body_is_said_there(member, value, written) -> None:
    """`{"key": "sageone", "name": ...}`: the element named, but outside `element`, drew only "missing required key
    `element`" at the body's `{`; it is said at the member that names it, with the object to write."""
    from validator.engine import check

    body = {member: value, "name": "x", "configuration": {"oauth.api.key": "${K}"}}
    [hit] = [f for f in check(json.dumps(body)) if f.rule == "CE103"]
    assert hit.pointer == f"/{member}" and hit.severity == "error" and hit.help == f"write it inside `element`: {written}"
    [plain] = [f for f in check(json.dumps({"key": "Sage One", "name": "x", "configuration": {"oauth.api.key": "${K}"}}))
               if f.rule == "CE103"]
    assert plain.pointer == "" and plain.help is None  # (a display name: no key to write)


@pytest.mark.parametrize("key", ["path", "uri", "endpoint", "href"])
def test_a_url_under_another_key_is_named_as_the_missing_url(key: str) -> None:
    """helper-164: `"path": "/hubs/crm/contacts?where=..."` drew "did you mean `xPath`?" (a legacy id path, one
    spelling away) and its unsafe fix renamed the key to `xPath`; `uri` drew no hint. Its value is the URL the
    entry lacks, so `url` is the key meant (one error, as a misspelt `URL` is)."""
    url = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'"
    body = {"element": {"key": "x"}, "configuration": {"event.poller.configuration": {"c": {key: url, "idField": "id"}}}}
    found = [(p.rule, p.severity, p.message, p.help, p.action) for p in validate(body)]
    assert found == [("CE101", "error", f"unknown key `{key}` in poller entry `c`: the platform ignores it, and the "
                      "required `url` is missing", "did you mean `url`?", ("rename", "url"))], found
    # a value that is no poller URL keeps the spelling's guess (and `xPath` beside a url is only unknown)
    assert [p.help for p in validate({"c": {"url": url, "path": "data.id"}}, schema="poller")] == [
        "did you mean `xPath`?"]
    # two URLs: which one is meant is not said
    two = validate({"c": {"path": url, "uri": url.replace("contacts", "leads")}}, schema="poller")
    assert "did you mean `url`?" not in [p.help for p in two]


@pytest.mark.parametrize(("key", "meant"), [("modifiedDateField", "updatedDateField"),
                                            ("lastModifiedDateFormat", "updatedDateFormat"),
                                            ("creationDateField", "createdDateField"),
                                            ("changedDateTimezone", "updatedDateTimezone")])
def test_another_word_for_the_updated_or_created_date_is_named(key: str, meant: str) -> None:
    """helper-164: `"modifiedDateField": "updated_at"` in datesConfiguration drew "unknown key" and no hint."""
    dates = {"updatedDateField": "u", "updatedDateFormat": "yyyy", "createdDateField": "c", "createdDateFormat": "yyyy"}
    dates.pop(meant, None)
    found = validate({"c": {"url": "/hubs/crm/c", "idField": "id", "datesConfiguration": {**dates, key: "x"}}},
                     schema="poller")
    assert [(p.rule, p.help) for p in found] == [("CE101", f"did you mean `{meant}`?")], found
    # the key meant already set: no hint (the unknown key is another one)
    dates[meant] = "x"
    found = validate({"c": {"url": "/hubs/crm/c", "idField": "id", "datesConfiguration": {**dates, key: "x"}}},
                     schema="poller")
    assert [(p.rule, p.help) for p in found] == [("CE101", None)], found


@pytest.mark.parametrize(("key", "flagged"), [("hub\u200bspot", True), ("hub\u2060spot", True), ("hub\u200b\u200bspot", True),
                                              ("hubspot", False), ("adobe-esign", False)])
def test_an_element_key_with_an_invisible_character_inside_it_is_an_error(key: str, flagged: bool) -> None:
    """helper-180: `"key": "hub\u200bspot"` (a zero-width space pasted inside the key, as chat and wiki pages break
    long words) passed, where one before or after the key is reported: the platform looks the key up as written."""
    found = [p.message for p in validate({"element": {"key": key}, "name": "x"}) if p.rule == "CE104"]
    assert len(found) == flagged and all("invisible character inside it" in message for message in found)


@pytest.mark.parametrize("code", [
    "https://mycoolapp.com/auth?code=4/0AX4XfWh&state=x", "http://localhost:8080/cb?code=abc123",
    "?code=abc123XYZ&state=x", "code=abc123XYZ", "abc123XYZ&state=xyz", "abc123XYZ&scope=read%20write",
    "abc123XYZ&realmId=123146096291789"])
def test_an_oauth_code_pasted_with_the_redirect_url_or_its_query_is_an_error(code: str) -> None:
    """helper-180: `providerData.code` is the value of the redirect's `code` parameter alone (RFC 6749 4.1.2); the
    redirect URL or its query string pasted whole passed, and the vendor refuses such a grant."""
    (problem,) = [p for p in validate({"element": {"key": "hubspot"}, "providerData": {"code": code}, "name": "x"})
                  if p.rule == "CE104"]
    assert problem.pointer == "/providerData/code" and "the grant code alone" in problem.message


@pytest.mark.parametrize("code", ["xoz8AFqScK2ngM04kSSM", "4/T6i0VObdJU8_reE0xQ90cGJJNTPW8MS-Ri_7G_x3FIQ",
                                  "aPrxYXyxzkuBzbiGCjR4cTfGnGkPv3sa7Ce0NFc3CxWbP9DgqGIT3UVuqCIo1oSQ06d4cw==",
                                  "<AUTHORIZATION_GRANT_CODE>", "${OAUTH_CODE}", "{{providerData.code}}",
                                  "Code on Return the URL", "", "1000"])
def test_an_oauth_code_as_documentation_shows_it_passes(code: str) -> None:
    assert not [p for p in validate({"element": {"key": "hubspot"}, "providerData": {"code": code}, "name": "x"})
                if p.rule == "CE104"]


@pytest.mark.parametrize("body", [
    {"configuration": {"event.notification.enabled": True, "event.notification.callback.url": "https://hooks.acme.com/ce"}},
    {"configuration": {"event.poller.refresh_interval": 30}},
    {"name": "closeio-renamed", "configuration": {"event.notification.enabled": False}},
])
def test_an_update_body_needs_no_element_in_the_schema_either(body):
    """h186: a `PATCH /instances/{id}` body (kinds.is_update_body), which the check passes, was an error in editors and
    check-jsonschema: the schema required `element` of every body."""
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "instance.schema.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(body))
    created = {"providerData": {"code": "${CODE}"}, **body}  # a creation (or a rename with credentials) still needs it
    renamed = {"name": "x", "configuration": {"oauth.api.key": "${KEY}"}}
    for value in (created, renamed):
        assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(value)] == [
            "'element' is a required property"]


@pytest.mark.parametrize("key, reference", [
    ("event.notification.enabled", "${EVENTS_ENABLED}"), ("event.notification.enabled", "${{ vars.EVENTS_ENABLED }}"),
    ("event.poller.refresh_interval", "${POLL_MINUTES}"), ("event.poller.refresh_interval", "$(PollMinutes)"),
    ("event.poller.refresh_interval", "#{Ce.PollMinutes}"), ("event.notification.enabled", "{{ .Values.events.enabled }}"),
])
def test_an_environment_reference_for_a_boolean_or_minutes_is_no_error_in_editors(key, reference):
    """h186: `check` leaves an environment reference to the placeholder rules (it is no placeholder: nothing drawn),
    but the schema, as editors and check-jsonschema read it, called `${EVENTS_ENABLED}` not `true` or `false`."""
    import jsonschema

    for name in ("configuration", "instance"):
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        configuration = {key: reference}
        value = configuration if name == "configuration" else {"element": {"key": "closeio"}, "configuration": configuration}
        assert not list(jsonschema.Draft202012Validator(schema).iter_errors(value)), name
    wrong = {"event.notification.enabled": "${1}", "event.poller.refresh_interval": "$15"}
    assert len(list(jsonschema.Draft202012Validator(schema).iter_errors({"element": {"key": "c"},
                                                                       "configuration": wrong}))) == 2


@pytest.mark.parametrize("reference", ["${VENDOR_TYPE}", "${{ vars.VENDOR_TYPE }}", "#{Ce.VendorType}"])
def test_an_environment_reference_for_the_vendor_type_is_no_error_in_editors(reference):
    """h226: `"event.vendor.type": "${VENDOR_TYPE}"` passes `check` (the placeholder rules own it, CE203 skips it), but
    the schema's enum, as editors and check-jsonschema read it, said "Expected `polling` or `webhook`" (the same
    false alarm h186 mended for a boolean and the minutes)."""
    import jsonschema

    for name in ("configuration", "instance"):
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        wrap = (lambda c: c) if name == "configuration" else (lambda c: {"element": {"key": "closeio"}, "configuration": c})
        validator = jsonschema.Draft202012Validator(schema)
        assert not list(validator.iter_errors(wrap({"event.vendor.type": reference}))), name
        for value in ("polling", "webhook", "webhooks", None):
            assert not list(validator.iter_errors(wrap({"event.vendor.type": value}))), (name, value)
        for wrong in ("poling", "$VENDOR", "${1}", 5):  # (still errors: a misspelling, no reference, a number)
            assert list(validator.iter_errors(wrap({"event.vendor.type": wrong}))), (name, wrong)


@pytest.mark.parametrize("key, right, wrong", [
    ("pageSize", 100, "100"), ("pollDelay", 60, "60"), ("createdCheckTolerance", 2, "2"),
    ("filterByUpdatedDate", True, "true"), ("filterByCurrentDate", False, "false"),
])
def test_an_environment_reference_on_a_poller_entry_is_no_error_in_editors(key, right, wrong):
    """h226: `"pageSize": "${PAGE_SIZE}"` passes `check` (the placeholder rules own it), but the poller schema, as
    editors and check-jsonschema read it, said "Expected a whole number of records."; a quoted number or boolean
    stays an error (`check`'s CE102)."""
    import jsonschema

    for name in ("poller", "configuration", "instance"):
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)

        def wrap(value: Any, name: str = name) -> Any:
            poller = {"leads": {"url": "/hubs/crm/leads", "idField": "id", key: value}}
            configuration = {"event.poller.configuration": poller}
            return poller if name == "poller" else configuration if name == "configuration" else {
                "element": {"key": "closeio"}, "configuration": configuration}

        for reference in ("${POLL_VALUE}", "{{ .Values.poller.value }}", "$(PollValue)"):
            assert not list(validator.iter_errors(wrap(reference))), (name, reference)
        assert not list(validator.iter_errors(wrap(right))), name
        for mistake in (wrong, "$POLL_VALUE", "${1}", [right]):
            assert list(validator.iter_errors(wrap(mistake))), (name, mistake)


def test_the_overlays_and_the_rules_read_the_same_documents_as_the_platform_s_answer() -> None:
    """h219: the overlays' `elements.PLATFORM_ANSWER` and `rules.notifications.is_response` say the same thing twice;
    they parted on `"id": true` (Python's bool is an int: an answer to the rules, none to the schema)."""
    import itertools

    from jsonschema import Draft202012Validator

    from validator.elements import PLATFORM_ANSWER
    from validator.rules.notifications import is_response

    validator = Draft202012Validator(PLATFORM_ANSWER)
    values = {"element": [None, {"key": "sageone"}], "configuration": [None, {}, "x"], "token": [None, "t"],
              "createdDate": [None, "d"], "id": [None, 5, True, "5"]}
    for chosen in itertools.product(*values.values()):
        document = {key: value for key, value in zip(values, chosen) if value is not None}
        assert validator.is_valid(document) is is_response(document), document
