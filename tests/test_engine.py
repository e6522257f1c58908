"""The engine end to end through the library API: kinds, positions, the seed example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.engine import check
from validator.kinds import detect_kind, find_pollers

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


@pytest.fixture(scope="module")
def seed(corpus) -> str:
    """The Sage One instance body with polling from the Sage One docs (its last quote never closes)."""
    for record in corpus:
        if (record["element"] == "sageone" and record["kind"] == "instance" and record["valid_json"]
                and "attributes='created_at,updated_at\"" in record["text"]
                and '"key":"sageone"' in record["text"].replace(" ", "")):
            return record["text"]
    pytest.fail("the Sage One seed example is not in the corpus")


def test_seed_example_unbalanced_quote(tmp_path, seed):
    file = tmp_path / "sageone.json"
    file.write_text(seed, encoding="utf-8")
    findings = check(file)
    line, column = _position(seed, "attributes='", len("attributes="))
    errors = [f for f in findings if f.severity == "error"]
    assert errors, findings
    assert any(f.rule.startswith("CE6") and (f.line, f.column) == (line, column) for f in errors), errors
    assert all(f.path == str(file) for f in findings)


def test_seed_example_fixed_has_no_error(tmp_path, seed):
    fixed = seed.replace("attributes='created_at,updated_at\"", "attributes='created_at,updated_at'\"")
    file = tmp_path / "sageone.json"
    file.write_text(fixed, encoding="utf-8")
    assert [f for f in check(file) if f.severity == "error"] == []


def test_bundled_examples():
    broken = check(EXAMPLES / "sageone-polling.json")
    assert any(f.severity == "error" and f.rule.startswith("CE6") for f in broken)
    assert check(EXAMPLES / "sageone-polling-fixed.json") == []


def test_check_accepts_dict_text_bytes_and_path(tmp_path):
    body = json.loads((EXAMPLES / "sageone-polling.json").read_text())
    text = json.dumps(body, indent=2)
    file = tmp_path / "body.json"
    file.write_text(text)
    from_dict = [(f.rule, f.line, f.column) for f in check(body)]
    assert from_dict == [(f.rule, f.line, f.column) for f in check(text)]
    assert from_dict == [(f.rule, f.line, f.column) for f in check(text.encode())]
    assert from_dict == [(f.rule, f.line, f.column) for f in check(file)]
    with pytest.raises(ValueError, match="pass Path"):
        check(str(file))  # a str is JSON text: a path is never guessed


def test_missing_path_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        check(tmp_path / "absent.json")


def test_unknown_kind_is_a_value_error():
    with pytest.raises(ValueError):
        check({"configuration": {}}, kind="bogus")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({"element": {"key": "sageone"}, "configuration": {}}, "instance"),
        ({"name": "x", "providerData": {"code": "c"}, "element": {"id": 5}}, "instance"),
        ({"event.notification.enabled": "true"}, "configuration"),
        ({"event.poller.configuration": "{}"}, "configuration"),
        ({"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}, "poller"),
        ({"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}, "stub": {}}, "poller"),
        ({"name": "my-app", "version": "1.0.0", "dependencies": {}}, None),
        ({"compilerOptions": {"strict": True}}, None),
        # a user's trial of pages: other tools' documents with a `configuration` or entries with a `url`
        ({"configuration": {"event.notification.callback.url": "https://x.io/e"}}, "instance"),
        ({"configuration": {"sageone.region": "uk"}}, "instance"),
        ({"element": "sageone", "configuration": {}}, "instance"),
        ({"name": "sage-sync", "active": True, "configuration": {"sageInstance": "98231"}}, None),
        ({"element": "#app", "configuration": {"theme": "dark"}}, None),
        ({"name": "orders", "fields": [], "configuration": {"level": "organization"}}, None),
        ({"production": {"url": "https://api.acme.io/v2", "timeout": 30}, "db": {"url": "postgres://h/app"}}, None),
        ({"repository": {"type": "git", "url": "git+https://github.com/a/b.git"}, "bugs": {"url": "https://x"}}, None),
        ({"health": {"url": "https://x.io/healthz", "interval": 5}}, None),
        # a review: a vendor-path poller with typos in its keys is a poller (its mistakes are the point)
        ({"invoices": {"url": "/invoices", "idfield": "Id", "dateConfiguration": {}}}, "poller"),
        ({"invoices": {"url": "/invoices", "pageSize": 200, "pollDelay": 60, "filterByCurrentDate": True}}, "poller"),
        # a user's trial: a site's routes and an endpoint map are not pollers
        ({"home": {"url": "/", "title": "Home"}, "about": {"url": "/about", "title": "About"}}, None),
        ({"customers": {"url": "/api/v1/customers", "method": "GET"}}, None),
        ({"health": {"url": "/healthz"}}, None),
        # helper-167: a route's filter beside its title is a route's; a filter alone or beside a poller's keys is a poller's
        ({"home": {"url": "/", "title": "Home"}, "contacts": {"url": "/contacts?where=active", "title": "Contacts"}},
         None),
        ({"contacts": {"url": "/contacts?where=status='open'"}}, "poller"),
        ({"contacts": {"url": "/contacts?where=status='open'", "pagesize": 50}}, "poller"),
        ({"contacts": {"url": "/contacts?where=updated>'${gmtDate:yyyy-MM-dd}'", "title": "Contacts"}}, "poller"),
        ({"contacts": {"url": "/hubs/crm/contacts"}}, "poller"),
        ({"invoices": {"url": "/invoices?where=updated>'${gmtDate:yyyy-MM-dd}'"}}, "poller"),
        # helper-128: a poller map a level too deep was skipped (exit 0); it is a poller file, whose CE106 says so
        ({"configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}}, "poller"),
        ({"pollers": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}}, "poller"),
        ({"customers": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}}, "poller"),
        ({"site": {"home": {"url": "/", "title": "Home"}}}, None),
        ({"envs": {"prod": {"url": "https://api.acme.io", "timeout": 30}}}, None),
        ({"api": {"users": {"url": "/api/users", "pageSize": 20, "idField": "id"}}}, None),  # (a front end's: helper-130)
        ({"pollers": {"contacts": {"url": "/contacts", "idField": "id", "datesConfiguration": {}}}}, "poller"),
        # helper-172: a resource written as a string beside a real entry made the file "not Cloud Elements" (exit 0);
        # a poller file all the same, whose schema says the string is no entry (CE102)
        ({"invoices": {"url": "/hubs/finance/invoices", "idField": "id"}, "customers": "/hubs/finance/customers"},
         "poller"),
        ({"invoices": {"url": "/invoices?where=updated>'${gmtDate:yyyy-MM-dd}'"}, "notes": ["a", "b"]}, "poller"),
        ({"users": {"url": "/api/users", "idField": "id"}, "version": "1.0"}, None),  # (no hub path, macro nor dates)
        ({"home": {"url": "/", "title": "Home"}, "contacts": {"url": "/contacts?where=active"}, "v": 2}, None),
        ([1, 2], None),
        ("text", None),
    ],
)
def test_detect_kind(value, kind):
    assert detect_kind(value) == kind


def test_an_update_body_needs_no_element_nor_the_keys_a_new_instance_needs():
    """A user's trial of pages: `PATCH /instances/{id}` sends only what changes; CE103 (no `element`), CE201 (no
    callback URL) and CE204 (events not switched on) were errors and a warning on a correct runbook."""
    update = {"configuration": {"event.notification.enabled": True, "event.poller.refresh_interval": "15",
                                "event.poller.configuration": {"customers": {"url": "/hubs/finance/customers",
                                                                             "idField": "id"}}}}
    assert check(update) == []
    assert check({"configuration": {"event.notification.callback.url": "https://hooks.acme.io/x"}}) == []
    # what it does set is checked as before
    assert [f.rule for f in check({"configuration": {"event.notification.enabled": True,
                                                     "event.notification.callback.url": ""}})] == ["CE201"]
    assert "CE204" in {f.rule for f in check({"configuration": {"event.notification.enabled": False,
                                                                 "event.poller.configuration": {"a": {
                                                                     "url": "/hubs/crm/a", "idField": "id"}}}})}
    # a body that brings providerData, or names the instance beside its credentials, is a new instance missing its
    # element; one that names it beside event keys only renames it (helper-57's trial: CE103 on a correct rename)
    assert "CE103" in {f.rule for f in check({"name": "x", "configuration": {"oauth.api.key": "${K}",
                                                                             "event.notification.enabled": False}})}
    assert check({"name": "x", "configuration": {"event.notification.enabled": False}}) == []
    # helper-106: a rename with new credentials may be an update too (`PATCH` rotating a password): a warning that
    # says both, where a body bringing `providerData` is surely a new instance's (an error)
    (rotated,) = check({"name": "Zendesk (rotated)", "configuration": {"password": "${PW}"}})
    assert (rotated.rule, rotated.severity) == ("CE103", "warning") and "PATCH /instances/{id}" in rotated.message
    # helper-109: an item of a seed list creates an instance: its missing element stays an error
    seed = json.dumps([{"element": {"key": "sageone"}, "name": "a", "configuration": {"a.b": "1"}},
                       {"name": "b", "configuration": {"password": "${PW}"}}])
    assert [(f.rule, f.severity) for f in check(seed) if f.rule == "CE103"] == [("CE103", "error")]
    assert "CE103" in {f.rule for f in check({"providerData": {"code": "abc123"},
                                              "configuration": {"event.notification.enabled": False}})}


def test_the_platforms_answer_draws_no_missing_key_nor_placeholder():
    """A user's trial of pages: a trimmed `GET /instances/{id}` answer drew CE201 and CE701."""
    answer = {"id": 412377, "element": {"id": 37, "key": "sageone"}, "token": "<ELEMENT_TOKEN>", "valid": True,
              "configuration": {"event.notification.enabled": "true", "event.poller.refresh_interval": "15"}}
    assert [f.rule for f in check(answer)] == []


def test_package_json_is_skipped_with_info():
    findings = check('{"name": "app", "version": "1.0.0", "scripts": {"test": "pytest"}}')
    assert [(f.rule, f.severity) for f in findings] == [("CE090", "info")]


def test_a_skipped_file_draws_nothing_of_its_parse():
    """A user's trial: a JSON file with duplicate keys that is not Cloud Elements drew 49,999 CE011 errors (exit 1)
    while the summary said it was skipped."""
    findings = check('{"name": "app", "name": "app2", "version": "1.0.0"}')
    assert [(f.rule, f.severity) for f in findings] == [("CE090", "info")]


def test_invalid_json_that_is_not_cloud_elements_is_skipped():
    findings = check('{\n  // a tsconfig with comments\n  "compilerOptions": {}\n}\n')
    assert [(f.rule, f.severity) for f in findings] == [("CE090", "info")]


def test_invalid_json_that_is_cloud_elements_is_an_error():
    findings = check('{"configuration": {"event.poller.configuration": {"a": {"url": "/x", "idField": "id",}}}}')
    assert findings and findings[0].severity == "error" and findings[0].rule.startswith("CE0")


def test_a_broken_poller_file_whose_entries_have_only_a_hub_url_is_checked():
    """helper-176: `{"documents": {"url": "/hubs/documents/documents",}}` is a poller file (its valid form is read as one:
    a hub path is only a poller's), but with its trailing comma it was skipped as "not a Cloud Elements body", and
    --fix left it; a route table's `"url": "/about"` stays skipped."""
    findings = check('{\n  "documents": {\n    "url": "/hubs/documents/documents",\n  }\n}\n')
    assert [(f.rule, f.fix is not None) for f in findings if f.severity == "error"] == [("CE002", True)]
    findings = check('{\n  // routes\n  "home": {"url": "/about", "title": "About"}\n}\n')
    assert [f.rule for f in findings] == ["CE090"]


@pytest.mark.parametrize("kind", ["instance", "configuration", "poller"])
def test_a_document_null_is_json_of_the_wrong_shape_not_invalid_json(kind):
    """`null` is a JSON document (helper-166): checked as a body it passed with no finding, as it was read as text
    that is not JSON; unchecked, it was skipped as "not valid JSON"."""
    assert [(f.rule, f.message.endswith("got `null`")) for f in check("null", kind=kind)] == [("CE102", True)]
    (skipped,) = check("null\n")
    assert skipped.rule == "CE090" and "not valid JSON" not in skipped.message


def test_kind_override_checks_anyway():
    findings = check({"name": "x"}, kind="poller")
    assert not any(f.rule == "CE090" for f in findings)


def test_stringified_poller_positions_map_into_the_file():
    poller = {"customers": {"url": "/hubs/finance/customers?where=a='${gmtDate:yyyy-MM-ddTHH}'", "idField": "id"}}
    body = {"configuration": {"event.poller.configuration": json.dumps(poller)}}
    text = json.dumps(body, indent=2)
    findings = [f for f in check(text) if f.rule == "CE401"]
    assert len(findings) == 1
    (finding,) = findings
    # The illegal letter T sits in the file after escaped quotes of the outer string.
    line, column = _position(text, "ddTHH", 2)
    assert (finding.line, finding.column) == (line, column)
    assert finding.pointer == "/configuration/event.poller.configuration/customers/url"


def test_find_pollers():
    body = {"configuration": {"event.poller.configuration": {"a": {"url": "/x", "idField": "id"}}}}
    (ref,) = find_pollers(body)
    assert ref.pointer == "/configuration/event.poller.configuration" and not ref.stringified


def test_findings_are_sorted_and_stable():
    text = (EXAMPLES / "sageone-polling.json").read_text()
    first, second = check(text), check(text)
    assert first == second
    assert first == sorted(first, key=lambda f: f.sort_key())


def test_a_crashing_check_becomes_a_finding(monkeypatch):
    import validator.engine as engine

    def boom(ctx):
        raise RuntimeError("kaboom")
        yield  # pragma: no cover

    monkeypatch.setattr(engine, "checkers", lambda: (boom,))
    findings = check({"configuration": {"event.vendor.type": "polling"}})
    assert [(f.rule, f.severity) for f in findings] == [("CE099", "error")]
    assert "RuntimeError: kaboom" in findings[0].message


def test_misspelt_top_level_key_gets_did_you_mean():
    text = json.dumps({"element": {"key": "x"}, "configuraton": {}, "providerdata": {}, "scripts": {}}, indent=2)
    found = [(f.rule, f.pointer, f.help) for f in check(text) if f.rule == "CE101"]
    assert found == [("CE101", "/configuraton", "did you mean `configuration`?"),
                     ("CE101", "/providerdata", "did you mean `providerData`?")]
    # helper-106: a short key's slip (a swap, a letter changed) scored under difflib's cutoff
    short = json.dumps({"element": {"key": "x"}, "nmae": "a", "tagz": [], "scripts": {}}, indent=2)
    assert [(f.pointer, f.help) for f in check(short) if f.rule == "CE101"] == [
        ("/nmae", "did you mean `name`?"), ("/tagz", "did you mean `tags`?")]



@pytest.mark.parametrize("name", ["config", "settings", "instanceConfig", "props"])
def test_the_settings_under_another_name_are_named(name: str) -> None:
    # helper-176: `"config": {"oauth.api.key": ...}` drew nothing (no near miss of `configuration` by its letters):
    # by what it holds, it is the configuration the platform reads under one name only
    body = {"element": {"key": "hubspot"}, "name": "hs",
            name: {"oauth.api.key": "${ID}", "oauth.api.secret": "${SECRET}", "event.notification.enabled": True}}
    text = json.dumps(body, indent=2)
    (finding,) = [f for f in check(text) if f.rule == "CE101"]
    assert (finding.pointer, finding.severity) == (f"/{name}", "warning")
    assert finding.help == ("did you mean `configuration`? It holds the instance's settings (`oauth.api.key`), which "
                            "the platform reads only under `configuration`")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    # beside a configuration, or holding no setting's key, it is left to the platform (responses carry many keys)
    assert not [f for f in check(json.dumps({**body, "configuration": {"a.b": "c"}})) if f.rule == "CE101"]
    assert not [f for f in check(json.dumps({"element": {"key": "x"}, name: {"username": "bob"}})) if f.rule == "CE101"]



def test_the_settings_inside_element_are_moved_out() -> None:
    from validator.fixes import apply_fixes

    body = {"element": {"key": "hubspot", "configuration": {"oauth.api.key": "${ID}"}}, "name": "hs"}
    text = json.dumps(body, indent=2)
    (finding,) = [f for f in check(text) if f.rule == "CE106"]
    assert (finding.pointer, finding.severity, finding.line, finding.column) == ("/element/configuration", "error", 4, 5)
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert json.loads(apply_fixes(text, [finding])[0]) == {"element": {"key": "hubspot"}, "name": "hs",
                                                          "configuration": {"oauth.api.key": "${ID}"}}
    # a response's element lists its configuration keys (an array), and a body with its own configuration is left
    listed = {"element": {"key": "hubspot", "configuration": [{"key": "oauth.api.key"}]}, "name": "hs"}
    answer = {"id": 123, "token": "t", "element": {"id": 22, "key": "adobe-esign", "name": "Adobe Sign",
                                                  "configuration": {"oauth.api.key": "<ID>"}}}  # (corpus 00074)
    assert not [f for doc in (listed, answer) for f in check(json.dumps(doc)) if f.rule == "CE106"]
    # beside the body's own configuration (helper-178): said all the same, with no fix (a move would write it twice)
    both = {**body, "configuration": {"oauth.api.secret": "${S}"}}
    (said,) = [f for f in check(json.dumps(both)) if f.rule == "CE106"]
    assert said.fix is None and said.help == "move its keys into the body's `configuration`, and remove this one"


@pytest.mark.parametrize("name", ["config", "configuraton"])
def test_settings_inside_element_and_under_another_name_are_not_both_made_configuration(name: str) -> None:
    """helper-177: `--fix --unsafe-fixes` moved `element.configuration` out (CE106) and renamed `config` to
    `configuration` (CE101) in one run: two `configuration` keys, and the platform keeps only the last one's settings.
    The move is made; the rename, which would write the key again, is not offered."""
    from validator.fixes import apply_fixes

    body = {"element": {"key": "hubspot", "configuration": {"oauth.api.key": "${ID}"}}, "name": "hs",
            name: {"oauth.api.secret": "${S}"}}
    findings = [f for f in check(json.dumps(body)) if f.rule in ("CE101", "CE106") and f.fix is not None]
    assert [f.rule for f in findings] == ["CE106"], findings
    fixed = apply_fixes(json.dumps(body), findings)[0]
    assert fixed.count('"configuration"') == 1, fixed


_POLLER = {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}


@pytest.mark.parametrize(("key", "value", "code", "words", "help"), [
    ("event.poller.config", _POLLER, "CE101", "the resources it holds", "did you mean `event.poller.configuration`?"),
    ("event.poller.configration", _POLLER, "CE101", "the resources it holds",
     "did you mean `event.poller.configuration`?"),
    # helper-172: the key with its `event.` left out (CE102 before, with no word of the key meant)
    ("poller.configuration", _POLLER, "CE101", "the resources it holds", "did you mean `event.poller.configuration`?"),
    ("datesConfiguration", {"updatedDateField": "u", "updatedDateFormat": "yyyy"}, "CE106",
     "belongs in each entry of `event.poller.configuration`", 'write it in each entry: {"contacts": '),
    ("configuration", {"event.notification.enabled": True}, "CE106", "`configuration` inside `configuration`",
     "move its keys up"),
])
def test_an_object_under_a_wrong_key_in_configuration_says_where_it_belongs(key, value, code, words, help):
    """A fresh-mistakes trial (helper-76): each was CE102, "must be a string, a boolean or a number, got an object",
    with no word of the key it was meant for."""
    config = {"event.notification.enabled": True, "event.notification.callback.url": "https://example.com/hook",
              "event.vendor.type": "polling", key: value}
    text = json.dumps({"element": {"key": "hubspot"}, "name": "n", "configuration": config}, indent=2)
    found = [(f.rule, f.severity, f.pointer) for f in check(text) if f.rule in ("CE101", "CE102", "CE106")]
    assert found == [(code, "error", f"/configuration/{key}")], found
    (hit,) = [f for f in check(text) if f.rule == code]
    assert words in hit.message and hit.help.startswith(help), hit
    at = text.rindex(f'"{key}": ')  # (the inner `configuration`: the last)
    assert (hit.line, hit.column) == (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))


@pytest.mark.parametrize(("key", "meant"), [
    ("poller.refresh_interval", "event.poller.refresh_interval"),
    ("notification.callback.url", "event.notification.callback.url"),
    ("vendor.type", "event.vendor.type"),
    ("notification.enabled", "event.notification.enabled"),
])
def test_an_event_key_without_its_event_prefix(key, meant):
    """helper-172: `poller.refresh_interval` (the `event.` left out) drew nothing: the platform ignores it, and the
    poller runs at the element's default interval. A key that is no event key's rest is an element's own."""
    config = {"event.notification.enabled": True, "event.notification.callback.url": "https://example.com/hook",
              "event.vendor.type": "polling", "sageone.region": "uk", "objects": "a,b", key: "15"}
    config.pop(meant, None)
    text = json.dumps({"element": {"key": "myerp"}, "name": "n", "configuration": config}, indent=2)
    (hit,) = [f for f in check(text) if f.rule == "CE101"]
    assert hit.pointer == f"/configuration/{key}" and hit.help.startswith(f"did you mean `{meant}`?"), hit


def test_an_object_under_a_documented_key_or_two_misspelt_keys():
    """helper-78: an object under `event.poller.refresh_interval` (a documented key) was told to be renamed to
    `event.poller.configuration`, and two misspelt keys were both renamed to it (a duplicate; one poller lost)."""
    text = json.dumps({"element": {"key": "hubspot"}, "name": "n", "configuration": {
        "event.poller.refresh_interval": {"minutes": 15}}}, indent=2)
    assert [f.rule for f in check(text) if f.rule in ("CE101", "CE102")] == ["CE102"]
    two = json.dumps({"element": {"key": "hubspot"}, "name": "n", "configuration": {
        "event.poller.config": _POLLER, "event.poller.configurations": {"invoices": {"url": "/x", "idField": "id"}}}})
    hits = [f for f in check(two) if f.rule == "CE101"]
    assert len(hits) == 2 and all(f.fix is None for f in hits), hits


def test_empty_comparison_left_by_the_shell():
    body = {"contacts": {"url": "/hubs/crm/contacts?where=updated>=''", "idField": "id"}}
    assert "CE628" in {f.rule for f in check(body)}


def test_a_constraint_has_one_code_whichever_check_reports_it(rule_modules):
    """pollDelay below 0 is CE308 and a negative refresh interval CE206, also when only the schema runs,
    so an ignore or select entry covers the mistake whatever else runs (no CE104 standing in)."""
    poller = {"c": {"url": "/hubs/crm/c", "idField": "id", "pollDelay": -3, "pageSize": 0}}
    body = json.dumps({"element": {"key": "hubspot"},
                       "configuration": {"event.notification.enabled": True, "event.poller.refresh_interval": "-5",
                                         "event.poller.configuration": json.dumps(poller)}})
    everything = [(f.rule, f.pointer) for f in check(body) if f.rule in ("CE104", "CE206", "CE308")]
    rule_modules(("validator.rules.schema_check",))
    schema_only = [(f.rule, f.pointer) for f in check(body) if f.rule in ("CE104", "CE206", "CE308")]
    assert sorted(everything) == sorted(schema_only) == sorted([
        ("CE206", "/configuration/event.poller.refresh_interval"),
        ("CE308", "/configuration/event.poller.configuration/c/pollDelay"),
        ("CE308", "/configuration/event.poller.configuration/c/pageSize")])


def test_a_deep_document_that_is_not_cloud_elements_is_skipped_for_its_depth():
    """A user's trial: valid JSON 100,000 levels deep was skipped as "not valid JSON"."""
    (finding,) = check("[" * 100_000 + "]" * 100_000)
    assert finding.rule == "CE090" and finding.message.startswith("nested deeper than the platform reads")


def test_environment_references_and_usernames_draw_nothing():
    """A user's trial of correct files: `{{ secrets.X }}` references drew CE701, so did usernames such as `api-user`
    (the sample-word rule is for secrets only), and an update body with --element drew CE105."""
    body = {"element": {"key": "closeio"}, "name": "closeio",
            "configuration": {"username": "{{ secrets.CLOSEIO_KEY }}", "password": "{{env.CLOSEIO_PASSWORD}}"}}
    assert [f.rule for f in check(body) if f.rule.startswith("CE7")] == []
    for username in ("api-user", "marketing-api", "client_portal", "test"):
        value = {"element": {"key": "lithiumlsw"}, "name": "l",
                 "configuration": {"username": username, "password": "${LSW_PASSWORD}"}}
        assert [f.rule for f in check(value) if f.rule.startswith("CE7")] == [], username
    from validator.options import Options

    assert check({"configuration": {"event.poller.refresh_interval": "30"}}, options=Options(element="sageone")) == []


@pytest.mark.parametrize("reference", ["$(SageApimSubscriptionKey)", "$(Sage.Apim.Key)", "#{Sage.ApimKey}", "#{SageApimKey}#",
                                       "$($env:SAGE_APIM_KEY)", "{{ .Values.sage.apimKey }}",
                                       "{{- .Values.sage.apimKey | quote -}}", "{{$dotenv SAGE_APIM_KEY}}",
                                       "{{$processEnv SAGE_APIM_KEY}}",
                                       # a false-alarm hunt (helper-82): Ansible's lookup by name
                                       "{{ lookup('env', 'SAGE_APIM_KEY') }}", '{{ lookup("ansible.builtin.env", "K") }}',
                                       # h186: a lookup of a secret store's key by its name (`secret=path:field`)
                                       "{{ lookup('hashi_vault', 'secret=kv/data/sage:apim') }}",
                                       "{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/data/sage:apim') }}",
                                       # CloudFormation's dynamic references (a body in a template's resource)
                                       "{{resolve:secretsmanager:prod/sage:SecretString:apimKey}}",
                                       "{{resolve:ssm-secure:/sage/apim-key:3}}", "{{resolve:ssm:/sage/key}}",
                                       # a false-alarm hunt (helper-139): ERB's and EJS's output tags (a callback URL
                                       # of `<%= callback_url %>` was CE202, an error)
                                       "<%= callback_url %>", "<%= @sage_apim_key %>", "<%- sageApimKey %>",
                                       "<%= ENV['SAGE_APIM_KEY'] %>", "<%= ENV.fetch('SAGE_APIM_KEY') %>",
                                       "<%= node['sage']['apim_key'] %>", "<%= process.env.SAGE_APIM_KEY %>",
                                       # Maven's resource filtering and the token-replacing tasks' `__NAME__` (as a
                                       # callback URL each was CE202)
                                       "@sage.apim.key@", "@callbackUrl@", "__SAGE_APIM_KEY__", "__CALLBACK_URL_2__"])
def test_the_references_of_deployment_tools_and_clients_draw_nothing(reference):
    """A false-alarm hunt (helper-77): Azure Pipelines' `$(X)`, Octopus' and Replace Tokens' `#{X}` and `#{X}#`,
    PowerShell's `$($env:X)`, Helm's `{{ .Values.x }}` and REST Client's `{{$dotenv X}}` drew CE751 (a real secret
    committed), CE701 (an unfilled placeholder) or, as a callback URL, CE202 (an error)."""
    body = {"element": {"key": "sageone"}, "name": "s",
            "configuration": {"oauth.api.key": reference, "oauth.api.secret": reference, "signature.secret": reference,
                              "apim.subscription.key": reference, "event.notification.enabled": True,
                              "event.notification.callback.url": reference}}
    assert [(f.rule, f.severity) for f in check(body) if f.severity != "info"] == [], reference
    from validator.vocabulary.placeholders import contains_env_reference, is_env_reference

    assert is_env_reference(reference) and contains_env_reference(f"https://x.example.com/{reference}/hook")


@pytest.mark.parametrize(("name", "text", "reported"), [
    ("instance.json.j2", '{"element": {"key": "pardot"}, "name": "p", "configuration": {"apikey.user.key": '
     '"{{ pardot_user_key }}", "apikey.user.password": "{{ vault_pardot_password }}"}}', set()),
    ("instance.json.tpl", '{"element": {"key": "chargebee"}, "name": "{{ .Release.Name }}", "configuration": '
     '{"site": "{{ .Values.site }}", "event.notification.enabled": {{ .Values.events.enabled }}}}', set()),
    ("poller.json.tftpl", '{"a": {"url": "/hubs/crm/accounts?where=x>\'$${gmtDate:yyyy-MM-dd}\'", "idField": '
     '"${id_field}"}}', {"CE412"}),
    # a review (helper-84): an unquoted expression hid the rest of the file (a real CE620 after it)
    ("instance.json.j2", '{"element": {"key": "closeio"}, "name": "x", "configuration": {"username": "${U}", '
     '"event.notification.enabled": {{ events_enabled }}, "event.notification.callback.url": "https://e.example/cb", '
     '"event.poller.configuration": {"c": {"url": "/hubs/crm/c?where=u>=\'${gmtDate:yyyy-MM-dd}", "idField": "id"}}}}',
     {"CE620", "CE412"}),
    # a false-alarm hunt (helper-134): Terraform's values (`${jsonencode(poller)}`, a bare `${enabled}`) and directive
    # lines; Helm's `include` and Ansible's `lookup` with their own double quotes; Jinja's and Go's comments; envsubst's
    # `${NAME}` in a `.tmpl`.  A mistake beside them is still reported
    ("instance.json.tftpl", '{"element": {"key": "sfdc"}, "name": "${name}", "configuration": {\n'
     '"event.notification.enabled": ${events_enabled}, "event.poller.refresh_interval": ${minutes},\n'
     '"event.poller.configuration": ${jsonencode(poller)}}, "tags": ${jsonencode(["a", "b"])}}', set()),
    ("instance.json.tftpl", '{"element": {"key": "sfdc"}, "name": "x", "tags": [\n%{ for t in tags ~}\n"${t}"\n'
     '%{ endfor ~}\n], "configuration": {"event.notification.enabled": ${on}, "event.vendor.type": "pollin"}}', {"CE203"}),
    ("instance.json.tpl", '{{- /* rendered by the chart */ -}}\n{"element": {"key": "closeio"}, "configuration": '
     '{"username": "{{ printf "%s" .Values.key }}"}, "name": "{{ include "chart.fullname" . }}-close"}', set()),
    ("instance.json.j2", '{# rendered by the role #}\n{"element": {"key": "closeio"}, "configuration": '
     '{"username": "{{ lookup("env", "CLOSE_KEY") }}", "event.vendor.type": "webhok"}, "name": "c"}', {"CE203"}),
    ("instance.json.tmpl", '{"element": {"key": "closeio"}, "configuration": {"username": "${KEY}", '
     '"event.notification.enabled": ${EVENTS_ENABLED}, "event.notification.callback.url": "${URL}"}, "name": "c"}', set()),
    # a review (helper-137): a comment over lines; Terraform's `${resource}` in a valid file's URL (no poller macro)
    ("instance.json.j2", '{#\n  rendered by the role\n#}\n{"element": {"key": "closeio"}, "configuration": '
     '{"username": "{{ k }}", "event.vendor.type": "webhok"}, "name": "c"}', {"CE203"}),
    ("poller.json.tftpl", '{"${resource}": {"url": "/hubs/crm/${resource}?where=u>=\'$${gmtDate:yyyy-MM-dd}\'", '
     '"idField": "id", "datesConfiguration": {"updatedDateField": "u", "updatedDateFormat": "yyyy-MM-dd", '
     '"createdDateField": "c", "createdDateFormat": "yyyy-MM-dd"}}}', {"CE417"}),  # (a note on the format alone)
    # h186: consul-template's and Vault Agent's own suffix, `.ctmpl` (a secret read from Vault as it renders)
    ("instance.json.ctmpl", '{"element": {"key": "closeio"}, "name": "c", "configuration": {"username": '
     '"{{ with secret "kv/data/close" }}{{ .Data.data.key }}{{ end }}"}}', set()),
    # the same text not named as a template: what no tool fills is reported
    ("instance.json", '{"element": {"key": "pardot"}, "name": "p", "configuration": {"apikey.user.key": '
     '"{{ pardot_user_key }}", "apikey.user.password": "{{ vault_pardot_password }}"}}', {"CE701"}),
    ("poller.json", '{"a": {"url": "/hubs/crm/accounts?where=x>\'$${gmtDate:yyyy-MM-dd}\'", "idField": '
     '"${id_field}"}}', {"CE605", "CE412"}),
])
def test_a_file_named_as_a_template_is_read_as_its_tool_renders_it(name, text, reported):
    """A false-alarm hunt (helper-82): `{{ var }}` in an Ansible `.j2` template drew CE701, Helm's unquoted
    `{{ .Values.x }}` in a `.tpl` CE006 (an error), Terraform's `$${` escape in a `.tftpl` CE605 (and its fix broke
    the template)."""
    from validator.source import load_source

    from validator.engine import check_source

    found = check_source(load_source(text, path=name))
    assert {f.rule for f in found} == reported, found


def test_a_secret_beside_a_tool_reference_is_still_reported():
    body = {"element": {"key": "sageone"}, "name": "s",
            "configuration": {"oauth.api.key": "$(SageClientId)", "oauth.api.secret": "Kq9vT3pLx8wZ2mN7rB4c",
                              "signature.secret": "#{Sage.Signing}", "apim.subscription.key": "${SAGE_APIM}"}}
    assert [f.pointer for f in check(body) if f.rule == "CE751"] == ["/configuration/oauth.api.secret"]


@pytest.mark.parametrize("value", ['{{ .Values.sage.secret | default "p@ssw0rd!Secure" }}', "${SAGE_SECRET-Kq9vT3pLx8wZ}",
                                   "${env:Kq9vT3pLx8wZ}", "$hunter2hunter", "%hunter2hunter%",
                                   "$qwertyuiopasdfgh"])  # (a leak sweep of this stop: letters alone, long)
def test_a_secret_dressed_as_a_reference_is_masked(value, tmp_path):
    """A re-check (helper-80): these were printed in excerpts and `--diff` (a template's literal default; a shell
    default after `-`; a name that is a value)."""
    from clirun import run_cli

    body = tmp_path / "body.json"
    body.write_text('{"element": {"key": "sageone"},\n "configuration": {"oauth.api.secret": ' + json.dumps(value)
                    + ',\n  "event.poller.refresh_interval": "900"}}\n', encoding="utf-8")
    for args in (("check", "--no-cache", str(body)), ("check", "--no-cache", "--diff", "--unsafe-fixes", str(body))):
        result = run_cli(*args)
        assert value not in result.out + result.err and "refresh_interval" in result.out, result.out
    broken = tmp_path / "broken.json"
    broken.write_text('{"configuration": {"oauth.api.secret": {{ .Values.x | default "p@ssw0rd!Secure" }}}}\n',
                      encoding="utf-8")
    result = run_cli("check", "--no-cache", str(broken))
    assert "p@ssw0rd" not in result.out + result.err and result.code == 1, result.out


@pytest.mark.parametrize("value", ["$(hunter2hunter)", "#{hunter2hunter}#", "$($env:hunter2hunter)", "{{$dotenv hunter2hunter}}",
                                   '{{ .Values.secret | default "q8Zr2LmX0vTe5NwB7yKc" }}', "$(ghp_abcdefghijklmnopqrstuvwxyzABCD)",
                                   "#{correct horse battery staple}", "$(SageClientSecret)"])
def test_a_value_in_a_tools_brackets_is_never_printed(value, tmp_path):
    """A leak hunt of the day's changes (helper-78): a secret written in a tool's brackets (`$(...)`, `#{...}#`, Helm's
    `| default "..."`) was read as a reference, and printed in excerpts and `--diff`.  Such brackets are masked
    whatever they hold; a value in them that is no variable's name (`hunter2hunter`) is reported (CE751)."""
    from clirun import run_cli

    body = tmp_path / "body.json"
    body.write_text(json.dumps({"element": {"key": "sageone"}, "name": "s", "configuration": {
        "oauth.api.key": "${K}", "oauth.api.secret": value, "signature.secret": "${G}", "apim.subscription.key": "${A}",
        "event.poller.refresh_interval": "15",}}, indent=2).replace('"15"', '"15",'), encoding="utf-8")
    for args, shown in ((("check", "--no-cache", str(body)), "CE002"),
                        (("check", "--no-cache", "--diff", str(body)), '+    "event.poller.refresh_interval": "15"')):
        result = run_cli(*args)
        assert value not in result.out + result.err and shown in result.out, result.out
    reported = "CE751" in {f.rule for f in check(json.loads(body.read_text().replace('"15",', '"15"')))}
    assert reported == value.startswith(("$(hunter", "#{hunter", "$($env:hunter", "{{$dotenv hunter")), value


def test_a_formula_instance_is_not_an_element_instance():
    """A false-alarm hunt (helper-77): a formula instance's dotted variable (`crm.instance`) beside its `"active"`
    made it an instance body missing its element (CE103, an error)."""
    formula = {"name": "Sync Sage customers to Salesforce", "active": True, "configuration": {"crm.instance": "556677"}}
    assert detect_kind(formula) is None
    assert [f.rule for f in check(formula)] == ["CE090"]
    assert detect_kind({**formula, "configuration": {"event.poller.refresh_interval": "15"}}) == "instance"


def test_the_entry_keys_are_the_poller_schema_s():
    from validator.kinds import ENTRY_PROPERTIES

    schema = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "poller.schema.json").read_text())
    assert ENTRY_PROPERTIES == set(schema["$defs"]["entry"]["properties"])


def test_a_username_in_capitals_is_a_username_unless_it_names_the_field_or_a_secret():
    """The known gap of the last review: `"user.username": "INTEGRATION_USER"` drew CE701."""
    def ce701(username: str) -> bool:
        body = {"element": {"key": "netsuiteerpv2"}, "name": "ns",
                "configuration": {"user.username": username, "user.password": "${NS_PASSWORD}"}}
        return "CE701" in {f.rule for f in check(body)}

    for real in ("INTEGRATION_USER", "SVC_ADMIN", "ADMIN", "ETL.USER", "API-USER"):
        assert not ce701(real), real
    for stand_in in ("SAGE_USERNAME", "USER_NAME", "CLOSEIO_API_KEY", "API_LOGIN", "YOUR_USERNAME", "<USERNAME>"):
        assert ce701(stand_in), stand_in


def test_a_client_id_s_sample_words_are_still_a_placeholder():
    """A review: the username reading had spread to every key that is no secret (client and account ids):
    `"oauth.api.key": "client-id-here"` and `"netsuite.accountId": "my_account_id"` lost their CE701."""
    for key, value in (("oauth.api.key", "client-id-here"), ("oauth.api.key", "fake_api_key"),
                       ("netsuite.accountId", "my_account_id"), ("consumer_key", "consumer_key_1234567")):
        body = {"element": {"key": "hubspotcrm"}, "name": "x", "configuration": {key: value}}
        assert "CE701" in {f.rule for f in check(body)}, (key, value)



def test_an_account_id_in_capitals_is_one_unless_it_names_the_field_or_a_sample():
    """helper-149's trial of correct bodies for elements without a definition: Sage Intacct's company id
    `"company.id": "ACME-CORP"` drew CE701 (a name in capitals read as a stand-in for every non-secret credential)."""
    def ce701(key: str, value: str) -> bool:
        body = {"element": {"key": "sageintacct"}, "name": "intacct",
                "configuration": {key: value, "username": "${U}", "password": "${P}"}}
        return "CE701" in {f.rule for f in check(body)}

    for key, real in (("company.id", "ACME-CORP"), ("company.id", "ACME_CORP"), ("sender.id", "ACME_SENDER"),
                      ("dynamics.tenant", "CONTOSO-DEV"), ("oauth.api.key", "XKEY")):
        assert not ce701(key, real), (key, real)
    for key, stand_in in (("company.id", "COMPANY_ID"), ("company.id", "MY_COMPANY"), ("sender.id", "SENDER_ID"),
                          ("oauth.api.key", "CLIENT_ID"), ("oauth.api.key", "CONSUMER_KEY"),
                          ("netsuite.accountId", "YOUR_ACCOUNT_ID"), ("company.id", "<COMPANY_ID>")):
        assert ce701(key, stand_in), (key, stand_in)

_DECODED_ONCE_AND_FREED = """
import gc, json, weakref
import validator.source.document as document
from validator.engine import inspect_source
from validator.source import load_source

poller = {"contacts": {"url": "/hubs/crm/contacts?where=updated>='${gmtDate:yyyy-MM-dd}'", "idField": "id",
                       "datesConfiguration": {"updatedDateField": "updated", "updatedDateFormat": "yyyy-MM-dd"}}}
body = {"element": {"key": "sageone"}, "name": "<INSTANCE_NAME>",
        "configuration": {"event.vendor.type": "polling", "oauth.api.secret": "s3cr3t-Valu3-9x",
                          "event.poller.configuration": json.dumps(poller)}}
inspect_source(load_source(json.dumps(body), path="warm-up.json"))  # pyparsing's first import leaves cycles
loaded = load_source(json.dumps(body, indent=2), path="body.json")
decoded = []
analyse = document._analyse
document._analyse = lambda source: decoded.append(len(source.text)) or analyse(source)
gc.disable()
checked = inspect_source(loaded)
rules = sorted({f.rule for f in checked.findings})
masked = bool(checked.secrets.spans)
gone = weakref.ref(loaded)
del checked, loaded
print(json.dumps({"rules": rules, "masked": masked, "decoded": decoded, "poller": len(json.dumps(poller)),
                  "freed": gone() is None}))
"""


def test_a_stringified_poller_is_decoded_once_and_a_checked_document_freed_without_the_collector():
    # In a fresh interpreter: what holds objects in pytest's own process is not the check's doing.
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _DECODED_ONCE_AND_FREED], capture_output=True, text=True,
                         timeout=120, check=True, cwd=Path(__file__).resolve().parents[1])
    result = json.loads(run.stdout)
    assert result["rules"] == ["CE105", "CE204", "CE306", "CE417", "CE701"]
    assert result["masked"]  # the masking walked the document, its poller string too
    # the document caches its decoded strings weakly, so that no cycle keeps it alive; the check holds the
    # poller's until its secrets are found, so the string is decoded once, for the rules and the masking
    assert result["decoded"] == [result["poller"]]
    assert result["freed"]  # by reference counting, the collector being off


def test_each_body_of_a_bulk_file_is_checked_at_its_place():
    """A trial (helper-64): an array of instance bodies (a seed list), or one under `instances`, was skipped as no
    Cloud Elements body, so a broken callback in its second body passed."""
    import json

    from validator import check

    good = {"element": {"key": "sageone"}, "name": "a", "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://hooks.example.com/ce"}}
    bad = json.loads(json.dumps(good))
    bad["configuration"]["event.notification.callback.url"] = "hooks.example.com/ce"
    for value, pointer in (([good, bad], "/1"), ({"instances": [good, bad]}, "/instances/1"),
                           # helper-106: a seed file that says what it is, and one keyed by the instances' names
                           ({"$schema": "./seed.json", "environment": "staging", "version": 2, "instances": [good, bad]},
                            "/instances/1"), ({"sage-prod": good, "sage-dev": bad}, "/sage-dev"),
                           ({"$schema": "./seed.json", "sage-prod": good, "sage-dev": bad}, "/sage-dev")):
        text = json.dumps(value, indent=2)
        (hit,) = [f for f in check(text) if f.rule == "CE202"]
        assert hit.pointer == pointer + "/configuration/event.notification.callback.url"
        assert text.splitlines()[hit.line - 1].strip().startswith('"event.notification.callback.url": "hooks')
    assert [f.rule for f in check(json.dumps([{"name": "x"}, good]))] == ["CE090"]  # not every item a body
    # a fresh trial (helper-66): a body that lost its `element` made the whole file skipped, the others unchecked
    lost = {"name": "b", "configuration": {**bad["configuration"], "username": "${CLOSEIO_API_KEY}"}}
    (missing, callback) = sorted((f for f in check(json.dumps([good, lost], indent=2)) if f.rule in ("CE103", "CE202")),
                                 key=lambda f: f.rule)
    assert (missing.rule, missing.pointer, callback.pointer) == (
        "CE103", "/1", "/1/configuration/event.notification.callback.url")
    assert [f.rule for f in check(json.dumps([lost, lost]))] == ["CE090"]  # no item with its element: not a seed list


@pytest.mark.parametrize("text", ["customers", "contacts, accounts", "/hubs/crm/contacts"])
def test_a_poller_configuration_holding_a_resource_s_name_says_what_it_needs(text):
    """A fresh trial (helper-66): `"event.poller.configuration": "customers"` drew CE006 with the help `write
    "customers"`, which it already was."""
    from validator import check

    body = {"element": {"key": "sageone"}, "name": "s",
            "configuration": {"event.notification.enabled": True, "event.poller.configuration": text}}
    (found,) = [f for f in check(body) if f.pointer == "/configuration/event.poller.configuration"]
    assert found.rule == "CE102" and "not a map of resources to poller entries" in found.message


@pytest.mark.parametrize("key", ["oauth.api.key", "oauth.api.secret", "signature.secret", "apim.subscription.key"])
def test_a_key_sage_one_requires_given_empty_is_reported(key):
    """A fresh trial (helper-66): `"oauth.api.secret": ""` passed; the element requires a value."""
    from validator import check

    configuration = {"oauth.api.key": "k", "oauth.api.secret": "${S}", "signature.secret": "${G}",
                     "apim.subscription.key": "${A}", key: ""}
    body = {"element": {"key": "sageone"}, "name": "s", "configuration": configuration}
    (empty,) = [f for f in check(body) if f.pointer == f"/configuration/{key}"]
    assert (empty.rule, empty.message) == ("CE105", f"`{key}` must not be empty")  # (CE105, as with element docs)
    configuration[key] = None  # helper-171: null was CE102 ("must be a string"), "" CE104, here but not with docs
    (null,) = [f for f in check(body) if f.pointer == f"/configuration/{key}"]
    assert (null.rule, null.message) == ("CE105", f"`{key}` is null, but the element requires a value")


def _collection(*requests: dict, header: str = "User {{ceUser}}, Organization {{ceOrg}}") -> str:
    items = [{"name": f"r{i}", "request": {"method": "POST", "header": [{"key": "Authorization", "value": header}],
                                           "body": {"mode": "raw", "raw": json.dumps(body, indent=2)}}}
             for i, body in enumerate(requests)]
    return json.dumps({"info": {"_postman_id": "6f0c2d1e", "name": "CE",
                                "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                       "item": [{"name": "folder", "item": items}]}, indent=2)


_POLLED = {"element": {"key": "hubspot"}, "name": "x", "configuration": {
    "event.notification.enabled": True, "event.notification.callback.url": "https://acme.example/events",
    "event.poller.configuration": {"contacts": {
        "url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd hh:mm:ss}'", "idField": "id"}}}}


def test_a_postman_collection_s_request_bodies_are_checked_in_place():
    """A fresh trial (helper-71): a committed Postman collection was skipped as no Cloud Elements body."""
    text = _collection({"query": "not ours"}, _POLLED)
    (hit,) = [f for f in check(text) if f.rule == "CE406"]
    assert hit.pointer.startswith("/item/0/item/1/request/body/raw/configuration/event.poller.configuration/")
    line = text.splitlines()[hit.line - 1]
    assert line[hit.column - 1:hit.column + 1] == "hh"  # in the escaped string, column-exact
    assert not [f for f in check(text) if f.rule == "CE090"]
    assert [f.rule for f in check(_collection({"query": "not ours"}))] == ["CE090"]  # nothing of ours: skipped


def test_a_postman_collection_s_platform_credentials_are_committed_secrets():
    real = "User Ab3dEf6hIj9kLm2nOp5qRs8t, Organization Zy1xWv4uTs7rQp0oNm3lKj6i"
    found = [f for f in check(_collection(_POLLED, header=real)) if f.rule == "CE751"]
    assert len(found) == 2 and all(f.pointer == "/item/0/item/0/request/header/0/value" for f in found)
    assert not [f for f in check(_collection(_POLLED)) if f.rule == "CE751"]  # `{{ceUser}}`: a variable


def test_a_file_holding_a_json_string_of_a_document():
    """A fresh trial (helper-71): a poller configuration kept as the JSON string that goes into a body was skipped (and
    with `--kind poller` called "stringified twice"); it is checked inside its string. An instance body written so is
    itself the mistake: the platform would receive a string."""
    poller = {"contacts": {"url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd hh:mm:ss}'", "idField": "id"}}
    text = json.dumps(json.dumps(poller))
    for kind in ("auto", "poller"):
        found = check(text, kind=kind)
        assert "CE406" in {f.rule for f in found} and "CE102" not in {f.rule for f in found}
        (hit,) = [f for f in found if f.rule == "CE406"]
        assert text[hit.column - 1:hit.column + 1] == "hh"
    body = json.dumps(json.dumps({"element": {"key": "hubspot"}, "name": "x", "configuration": {}}))
    assert "CE102" in {f.rule for f in check(body)}
    assert [f.rule for f in check(json.dumps(json.dumps({"a": 1})))] == ["CE090"]


def test_a_file_holding_a_json_string_of_a_json_string_of_a_document():
    """helper-196: a body serialised twice (`JSON.stringify(JSON.stringify(body))`, a logged request's value) was
    skipped as 'not a Cloud Elements body', its mistakes unread; it is CE102, and is checked inside both strings."""
    poller = {"contacts": {"url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd hh:mm:ss}'", "idField": "id"}}
    body = {"element": {"key": "hubspot"}, "name": "x", "configuration": {"event.poller.configuration": poller}}
    for document in (body, poller):
        text = json.dumps(json.dumps(json.dumps(document)))
        found = check(text)
        assert [f.rule for f in found if f.column == 1] == ["CE102"]
        assert "serialised 2 times" in found[0].message
        (hit,) = [f for f in found if f.rule == "CE406"]
        assert text[hit.column - 1:hit.column + 1] == "hh"
    assert [f.rule for f in check(json.dumps(json.dumps(json.dumps({"a": 1}))))] == ["CE090"]
    assert [f.rule for f in check(json.dumps(json.dumps("{not json")))] == ["CE090"]


def test_findings_of_one_rule_at_one_place_are_capped():
    """A hostile-input hunt (helper-72): a URL of 320,000 `=` gave as many findings (148 MB of output)."""
    from validator.engine import MAX_PER_PLACE

    body = json.dumps({"configuration": {"event.poller.configuration": {
        "r": {"url": "/hubs/x?where=" + "=" * 2000, "idField": "id"}}}})
    found = check(body)
    by_rule: dict = {}
    for finding in found:
        by_rule.setdefault(finding.rule, []).append(finding)
    for rule, hits in by_rule.items():
        assert len(hits) <= MAX_PER_PLACE + 1, rule
    capped = [f for f in found if "more" in f.message and "are not shown" in f.message]
    assert capped and all(f.severity == "info" and f.fix is None for f in capped)


def test_a_code_file_that_builds_a_body_is_skipped_not_failed(tmp_path) -> None:
    """A provisioning script or a fixture module named as code (`.py`, `.js`) holds a body in its language's syntax:
    skipped with CE090 (info), where it drew CE006 errors on its first word; a `.js` file holding valid JSON is
    still checked, and so is a `.txt` or extension-less body."""
    from validator.engine import check

    script = ('import json\nbody = {"element": {"key": "sageone"}, "configuration": {"event.poller.configuration": '
              '{}}}\nprint(json.dumps(body))\n')
    for name, text in (("make_body.py", script), ("body.js", "const body = " + script.split("= ", 1)[1])):
        findings = check(text, path=str(tmp_path / name))
        assert [(f.rule, f.severity) for f in findings] == [("CE090", "info")], findings
    broken = '{"element": {"key": "sageone"}, "name": x}'
    for name in ("body.txt", "body"):
        assert "CE006" in [f.rule for f in check(broken, path=str(tmp_path / name))]
    valid = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "x"}}'
    assert "CE206" in [f.rule for f in check(valid, path=str(tmp_path / "body.js"))]


def test_a_schema_key_for_editors_is_no_resource():
    """An editor trial (helper-83): a poller file with `"$schema"` (how VS Code is told its schema) was skipped as not
    Cloud Elements, its mistakes unreported; the poller schema rejected the key."""
    from validator.kinds import detect_kind
    from validator.schemas import validate

    poller = {"$schema": "./poller.schema.json",
              "contacts": {"url": "/hubs/crm/contacts?where=u>'${gmtDate:yyyy-MM-ddTHH:mm}", "idField": "id"}}
    assert detect_kind(poller) == "poller"
    assert {f.rule for f in check(poller)} == {"CE620", "CE401", "CE412"}
    assert not list(validate(poller, schema="poller"))
    body = {"$schema": "https://example.com/instance.schema.json", "element": {"key": "x"}, "name": "x",
            "configuration": {"event.notification.enabled": True, "event.notification.callback.url":
                              "https://example.com/hook", "event.poller.configuration": poller}}
    # in a body's poller configuration the platform reads every key as a resource (a review, helper-84)
    assert {(f.rule, f.pointer) for f in check(body) if f.rule == "CE102"} == {
        ("CE102", "/configuration/event.poller.configuration/$schema")}
    assert {f.rule for f in check(body)} == {"CE620", "CE401", "CE412", "CE102"}


def test_a_secret_written_at_the_wrong_place_is_both():
    """A trial (helper-83): a top-level `event.notification.signature.key` holding a real secret drew CE751 only; its
    place (CE106) was dropped as if the secret rule said it."""
    body = {"element": {"key": "hubspot"}, "event.notification.signature.key": "Qw7eRt5yUi3oPa1sDf9gHj2p",
            "configuration": {"event.notification.enabled": False}}
    found = {(f.rule, f.pointer) for f in check(body)}
    assert {("CE106", "/event.notification.signature.key"), ("CE751", "/event.notification.signature.key")} <= found


def test_a_template_statement_inside_a_line_is_said_not_checked(tmp_path):
    """A re-check (helper-86): a template stopped by a statement inside a line passed ("No problems found"); it is
    said not checked, and its secret stays masked."""
    from clirun import run_cli

    path = tmp_path / "instance.json.j2"
    path.write_text('{"element": {"key": "closeio"}, "configuration": {"password": "Kq9vT3pLx8wZ2mN7rB4c"'
                    '{% if x %}, "a": 1{% endif %}}}\n', encoding="utf-8")
    result = run_cli("check", "--no-cache", str(path))
    assert "not checked: a template statement inside a line" in result.out + result.err
    assert "Kq9vT3pLx8wZ2mN7rB4c" not in result.out + result.err


def test_unquoted_placeholders_are_each_reported_and_the_rest_is_checked():
    """helper-111: `"event.notification.enabled": <true|false>` (as Cloud Elements' own templates write it) stopped the
    parse, and the unclosed quote further down went unreported; each placeholder is CE006, the rest is checked, and
    nothing else is said at a placeholder."""
    text = ('{"element": {"key": "sageone"}, "configuration": {"event.notification.enabled": <true|false>,\n'
            ' "event.poller.refresh_interval": <minutes>, "id": {{page.elementId}},\n'
            ' "event.poller.configuration": {"c": {"url": "/hubs/x/c?where=a>\'${gmtDate:yyyy-MM-dd}", "idField": "id"}}}}')
    found = check(text)
    placeholders = [(f.line, text.splitlines()[f.line - 1][f.column - 1:f.end_column - 1]) for f in found
                    if f.rule == "CE006"]
    assert placeholders == [(1, "<true|false>"), (2, "<minutes>"), (2, "{{page.elementId}}")]
    assert "CE620" in {f.rule for f in found}
    assert not [f for f in found if f.rule != "CE006" and (f.line, f.column) in ((1, 81), (2, 35), (2, 53))]
    # anything else wrong with the syntax: the first mistake alone, as before
    broken = text.replace("<minutes>,", "<minutes>,,")
    assert [f.rule for f in check(broken)] == ["CE006"]


def test_a_body_read_around_its_comments_and_trailing_commas_is_checked_whole():
    """A file with a `//` comment stopped at CE003, and the mistyped value below it went unreported until the comment
    was removed; each comment and trailing comma is reported with its fix, and the rest is checked around them."""
    text = '{\n  // on\n  "event.notification.enabled": true, /* x */\n  "event.vendor.type": "pollin",\n}\n'
    found = check(text)
    assert [(f.rule, f.line, f.column) for f in found] == [("CE003", 2, 3), ("CE003", 3, 39), ("CE203", 4, 24),
                                                           ("CE002", 4, 32)]
    assert all(f.fix is not None for f in found if f.rule != "CE203")
    # another tool's JSON file is not read around: it is not ours (nor its trailing comma to fix); nor another tool's
    # JSONC that holds a `username` (a review, helper-137: VS Code's `.vscode/sftp.json` drew CE003 and CE751)
    assert [f.rule for f in check('{"name": "x", "version": "1.0.0",}')] == ["CE090"]
    sftp = '{\n  // the staging box\n  "host": "sftp.example.com",\n  "username": "deploy",\n  "password": "Kq9vT3pLx8wZ",\n}'
    assert [f.rule for f in check(sftp)] == ["CE090"]
    # anything else wrong with the syntax: the first mistake alone, as before
    assert [f.rule for f in check(text.replace('"pollin"', "pollin"))] == ["CE003"]
    # single quotes are read around as their fix writes them (this stop: a body pasted from Python)
    # (and what the string holds is checked, as in double quotes: `pollin`, CE203)
    assert [f.rule for f in check(text.replace('"pollin"', "'pollin'"))] == ["CE003", "CE003", "CE005", "CE203",
                                                                           "CE002"]
    # a missing comma too (a leak hunt, helper-135: a broken file's secrets were found only by the text's scan): the
    # blank before the next member read as the comma
    missing = '{"event.notification.enabled": true "event.vendor.type": "pollin",\n "a": 1\n "b": 2}'
    assert [(f.rule, f.line) for f in check(missing)] == [("CE201", 1), ("CE001", 1), ("CE203", 1), ("CE001", 2)]


def test_a_body_read_around_its_placeholders_offers_no_fix_and_keeps_its_file_s_own_findings():
    """helper-115: a safe fix (CE302's move) computed on the text read with `<seconds>` as `"<econd>"` wrote that into
    the file; and a byte order mark (CE014) or UTF-16 (CE015) went unreported once the placeholders were read."""
    from validator.engine import check_source
    from validator.source import load_source

    text = ('{"contacts": {"url": "/hubs/crm/contacts", "idField": "id", "datesConfiguration": {\n'
            '  "updatedDateField": "u", "updatedDateFormat": "milliseconds", "createdDateField": "c",\n'
            '  "createdDateFormat": "milliseconds", "createdCheckTolerance": <seconds>}}}')
    found = check(text)
    assert {f.rule for f in found} >= {"CE006", "CE302"} and all(f.fix is None for f in found if f.rule == "CE302")
    body = '{"element": {"key": "sageone"}, "name": <name>, "configuration": {}}'
    for data, code in ((b"\xef\xbb\xbf" + body.encode(), "CE014"), (body.encode("utf-16"), "CE015")):
        rules = [f.rule for f in check_source(load_source(data, path="b.json"))]
        assert code in rules and "CE006" in rules, rules


def test_a_body_is_read_around_its_mistakes_once_for_the_check_and_its_secrets():
    """helper-146: the reading around a body's mistakes (one parse per mistake) lost its cache when `readable` was
    written above it, and ran twice for each broken body with a finding (+38 % on a body of 45 comments)."""
    from validator.engine import _read_around, inspect_source
    from validator.source import load_source

    text = '{"element": {"key": "sageone"}, // c\n "name": "<NAME>"}'
    _read_around.cache_clear()
    inspect_source(load_source(text, path="body.json"))
    info = _read_around.cache_info()
    assert info.misses == 1 and info.hits >= 1, info


def _commented_body(notes: int) -> str:
    entries = "".join(f'      // resource {i}\n      "r{i}": {{"url": "/hubs/crm/r{i}", "idField": "id",}},\n'
                      for i in range(notes))
    return ('{\n  "element": {"key": "hubspotcrm"},\n  "name": "notes",\n  "configuration": {\n'
            '    "event.notification.enabled": "yes",\n    "event.poller.configuration": {\n' + entries + '    }\n  }\n}\n')


def test_a_body_of_many_comments_says_them_all_up_to_the_most_read_around():
    """A body with 25 comments and 25 trailing commas (50 mistakes, the most read around) was not read around at all
    (the loop ended on its last fix without looking); past 50, only the first mistake was said, and `--fix` took one
    mistake a round, so a file of 120 commented entries did not settle in its 100 rounds."""
    from validator.engine import _MOST_READ_AROUND

    exactly = check(_commented_body(24).replace("{\n", "{ // 24 entries, 49 mistakes and this one\n", 1))
    assert sum(f.rule in ("CE002", "CE003") for f in exactly) == _MOST_READ_AROUND
    assert "CE104" in {f.rule for f in exactly}  # `"yes"` for a boolean: the body around the mistakes is checked
    beyond = check(_commented_body(120))
    said = [f for f in beyond if f.rule in ("CE002", "CE003")]
    assert len(said) == _MOST_READ_AROUND and all(f.fix is not None for f in said)
    assert [(f.line, f.column) for f in said[:3]] == [(7, 7), (8, 52), (9, 7)]
    # a template of hundreds of placeholders is still read as the syntax error it is
    template = '{"configuration": {' + ", ".join(f'"k{i}": <v{i}>' for i in range(60)) + "}}"
    assert [f.rule for f in check(template)] == ["CE006"]


def test_fix_settles_a_body_of_hundreds_of_comments(tmp_path):
    from validator.fix_runner import fix_file
    from validator.options import Options

    text = _commented_body(150)
    result = fix_file(text.encode(), shown="many.json", kind="auto", options=Options(), keep=list, unsafe=False)
    assert result.result is not None and result.result.settled and result.result.rounds <= 10
    fixed = json.loads(result.result.text)
    assert len(fixed["configuration"]["event.poller.configuration"]) == 150


def test_a_body_pasted_from_a_word_processor_is_read_around_its_quotes_and_fixed_whole(tmp_path):
    """Every quote typographic (a body pasted from a word processor) or single (a Python dict printed): the first alone
    was said, `--fix` took one pair a round and did not settle in its 100 rounds on 60 entries, and single quotes had
    no fix at all.  Each pair is now read as its fix writes it (one quote for one), said with that fix, and the body
    around it checked."""
    from validator.fix_runner import fix_file
    from validator.options import Options

    entries = [f'      “r{i}”: {{“url”: “/hubs/crm/r{i}”, “idField”: “id”}},\n' for i in range(60)]
    smart = ('{\n  “element”: {“key”: “hubspotcrm”},\n  “name”: “pasted”,\n  “configuration”: {\n'
             '    “event.notification.enabled”: 1,\n    “event.poller.configuration”: {\n' + "".join(entries)
             + '      "last": {"url": "/x", "idField": "id"}\n    }\n  }\n}\n')
    few = smart.replace("".join(entries[3:]), "")
    found = check(few)
    assert [(f.rule, f.line, f.column) for f in found if f.rule != "CE004"] == [("CE102", 5, 35)]
    assert sum(f.rule == "CE004" for f in found) == 3 + 2 + 1 + 1 + 1 + 3 * 5  # one a pair, each with its fix
    assert all(f.fix for f in found if f.rule == "CE004")
    for text in (smart, smart.replace("“", "'").replace("”", "'")):
        fixed = fix_file(text.encode(), shown="pasted.json", kind="auto", options=Options(), keep=list, unsafe=False)
        assert fixed.result is not None and fixed.result.settled and fixed.result.rounds <= 10
        assert len(json.loads(fixed.result.text)["configuration"]["event.poller.configuration"]) == 61
    # an apostrophe inside single quotes is not where the string ends: no fix, and the first mistake alone
    apostrophe = '{"element": {"key": "sageone"}, \'name\': \'it\'s mine\', "configuration": {}}'
    assert [(f.rule, f.column, f.fix is None) for f in check(apostrophe)] == [("CE005", 33, False)]
    assert [(f.rule, f.fix is None) for f in check(apostrophe.replace("'name'", '"name"'))] == [("CE005", True)]


def test_a_python_value_pasted_in_a_body_is_read_as_its_json_and_the_rest_checked():
    """helper-188: `"event.notification.enabled": True` (a body printed from Python) stopped the parse, so the trailing
    comma and the mistyped value below it went unreported until `--fix` (which then mended both); each Python word is
    CE006 with its fix, and the rest of the body is checked as the JSON meant."""
    text = ('{\n  "element": {"key": "closeio"},\n  "configuration": {\n    "event.notification.enabled": True,\n'
            '    "filter.response.nulls": False,\n    "event.notification.callback.url": None,\n'
            '    "event.vendor.type": "pollin",\n  },\n  "name": "x"\n}\n')
    found = check(text)
    assert [(f.rule, f.line, f.column) for f in found if f.rule in ("CE006", "CE002", "CE203")] == [
        ("CE006", 4, 35), ("CE006", 5, 30), ("CE006", 6, 40), ("CE203", 7, 26), ("CE002", 7, 34)]
    assert all(f.fix is not None for f in found if f.rule in ("CE006", "CE002"))


def test_a_body_of_more_python_words_than_the_most_read_around_says_the_first_fifty():
    """helper-189: 51 Python words (or 50 mistakes of any kinds, one a Python word) were said as the first alone, where
    50 comments or quotes are said each with its fix: the Python words stopped the mistakes past the most being said."""
    from validator.engine import _MOST_READ_AROUND

    words = ["True", "False", "None"]
    text = '{"element": {"key": "sfdc"}, "configuration": {' + ", ".join(
        f'"k{i}": {words[i % 3]}' for i in range(60)) + "}}"
    said = [f for f in check(text) if f.rule == "CE006"]
    assert len(said) == _MOST_READ_AROUND and all(f.fix is not None for f in said)
    mixed = '{"element": {"key": "sfdc"}, "configuration": {' + ", ".join(
        [f"'k{i}': 1", f'"k{i}": True', f'"k{i}": [1,]'][i % 3] for i in range(60)) + "}}"
    assert len([f for f in check(mixed) if f.rule in ("CE002", "CE005", "CE006")]) >= _MOST_READ_AROUND


def test_what_a_quoted_string_read_around_holds_is_still_checked():
    """h190: a secret or a date format in single or typographic quotes was read as its fix writes it, but every finding
    inside the quoted string was dropped with the placeholders' (CE751 on `'Xk9m...'` passed; its comma's mistake
    beside it showed it)."""
    body = ('{\n  "element": {"key": "sfdc"},\n  "configuration": {\n    "oauth.api.secret": %s\n  },\n'
            '  "name": "x"\n}\n')
    for quoted in ("'Xk9mQ2vL8pR4tW7zB3nC6'", "\u201cXk9mQ2vL8pR4tW7zB3nC6\u201d"):
        found = [(f.rule, f.line, f.column) for f in check(body % quoted)]
        assert ("CE751", 4, 25) in found and found[0][0] in ("CE004", "CE005"), found


@pytest.mark.parametrize("entry", [
    {"Url": "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd}'", "idfield": "id"},
    {"uri": "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd}'"},
    {"path": "/contacts?where=updated_at>'${epoch}'", "idfield": "id"},
])
def test_a_poller_whose_url_key_is_misspelt_beside_no_exact_poller_key_is_checked(entry) -> None:
    """h194: `{"contacts": {"Url": "/hubs/...${gmtDate:...}", "idfield": "id"}}` was skipped as no Cloud Elements file
    (CE090): with `url` and `idField` both misspelt, no key was a poller's; its hub path or macro is a poller's alone."""
    assert detect_kind({"contacts": entry}) == "poller"
    assert "CE101" in {f.rule for f in check({"contacts": entry})}


@pytest.mark.parametrize("value", [{"db": {"host": "${DB_HOST}", "port": 5432}},
                                   {"home": {"path": "/hubs/home", "title": "Home"}},
                                   {"api": {"base": "${API_URL}/v1", "timeout": 30}}])
def test_a_settings_file_with_a_variable_or_a_hubs_path_is_no_poller(value) -> None:
    assert detect_kind(value) is None


@pytest.mark.parametrize("value", [{"backup": {"target": "/backups/db-${date}.sql"}},
                                   {"env": {"BUILD_DATE": "${date}"}},
                                   {"build": {"stamp": "${epoch}"}},
                                   {"links": {"docs": "/hubs/docs/index.html"}},
                                   {"logging": {"path": "/var/log/app-${now}.log"}}])
def test_a_settings_entry_of_one_key_holding_a_hubs_path_or_a_variable_is_no_poller(value) -> None:
    """h197: under a key that is no `url` (`target`, `BUILD_DATE`) and beside no key of a poller's, a `/hubs/` path or a
    `${date}` (a template's variable; the platform's own last-poll macros carry a pattern: `${date:...}`) is a settings
    file's: such a file was checked as a poller, CE101 `did you mean url?` on a file that is no Cloud Elements one."""
    assert detect_kind(value) is None


@pytest.mark.parametrize("value", [{"logfile": {"path": "/var/log/app-${date:yyyy-MM-dd}.log"}},
                                   {"backup": {"path": "s3://bucket/db-${date:yyyyMMdd}.sql"},
                                    "restore": {"path": "s3://bucket/latest.sql"}},
                                   {"archive": {"uri": "/exports/${epoch}/dump.json"}}])
def test_a_file_path_dated_by_a_macro_under_a_url_s_spelling_is_no_poller(value) -> None:
    """A log's or a backup's file named by a date (log4j's `${date:yyyy-MM-dd}` lookup), under `path` or `uri`: a
    misspelt poller `url` sends the macro in its query (`?where=...`) or a hub path; these were checked as pollers,
    CE101 `the required url is missing` as an error on a file that is no Cloud Elements one."""
    assert detect_kind(value) is None
