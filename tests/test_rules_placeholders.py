"""CE70x: documentation placeholders and masked values."""

from __future__ import annotations

import json

import pytest

from test_rules_dates import MODULES, assert_at, compare_with_expected, corpus_counts, found, instance, poller, where
from validator.engine import check
from validator.rules.placeholders import find_placeholders


@pytest.fixture(autouse=True)
def only_these_rules(rule_modules):
    """Only the date, zone, placeholder and secret rules, so each test sees just what they report."""
    rule_modules(MODULES)


def body(configuration: dict, **extra) -> str:
    value = {"element": {"key": "sageone"}, "configuration": configuration, "name": "sage"}
    value.update(extra)
    return json.dumps(value, indent=2)


def test_client_id_placeholder():
    text = body({"oauth.api.key": "<CLIENT_ID>", "oauth.api.secret": "${SAGE_API_SECRET}"})
    hit = assert_at(text, "CE701", "<CLIENT_ID>", count=1)
    assert hit.end_column == hit.column + len("<CLIENT_ID>") and hit.severity == "warning"
    assert "`<CLIENT_ID>`" in hit.message
    assert not found(body({"oauth.api.key": "${SAGE_CLIENT_ID}", "oauth.api.secret": "${SAGE_API_SECRET}"}), "CE701")


@pytest.mark.parametrize(("value", "quoted"), [("<CLIENT_SECRET>", True), ("{{client_secret}}", True),
                                               ("YOUR_CLIENT_SECRET", False)])
def test_a_bracketed_placeholder_under_a_secret_key_is_named(value, quoted):
    """A trial: "unfilled placeholder in this value" on `<CLIENT_SECRET>`, which the excerpt shows anyway; a bare
    word that stands for the secret may be a piece of one, so it stays unquoted."""
    hit = assert_at(body({"oauth.api.secret": value}), "CE701", value, count=1)
    assert (f"`{value}`" in hit.message) is quoted, hit.message


@pytest.mark.parametrize(("key", "value"), [("oauth.api.key", "[CLIENT_ID]"), ("oauth.api.secret", "[your client secret]"),
                                            ("apim.subscription.key", "{APIM_KEY}"), ("signature.secret", " [SECRET] ")])
def test_a_name_standing_for_a_credential_in_square_brackets_or_braces(key, value):
    """helper-173: `[CLIENT_ID]`, `{APIM_KEY}` under a credential's key passed; the platform stores the brackets."""
    text = body({key: value})
    (hit,) = [f for f in check(text) if f.rule == "CE701"]
    line = text.splitlines()[hit.line - 1]
    assert line[hit.column - 1:hit.end_column - 1] == value.strip()
    # a value of its own in brackets (a password's signs, a GUID as Microsoft writes one), or outside a credential
    for kept in ("[Zx9!Pass]", "{5f2b3c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f}"):
        assert not [f for f in check(body({key: kept})) if f.rule == "CE701"], kept
    assert not [f for f in check(body({"event.vendor.type": "polling", "crm.note": "[CLIENT_ID]"})) if f.rule == "CE701"]


def test_element_key_placeholder():
    text = json.dumps({"element": {"key": "{{page.elementKey}}"}, "configuration": {}, "name": "x"}, indent=2)
    assert_at(text, "CE701", "{{page.elementKey}}")
    assert not found(text.replace("{{page.elementKey}}", "sageone"), "CE701")


def test_minutes_placeholder_inside_a_longer_value():
    text = body({"event.poller.refresh_interval": "every <minutes> minutes"})
    assert_at(text, "CE701", "<minutes>")
    assert not found(body({"event.poller.refresh_interval": "15"}), "CE701")


def test_placeholder_in_a_key():
    poller_text = json.dumps({"<resourceName>": {"url": "/hubs/db/<resourceName>", "idField": "id"}}, indent=2)
    hits = found(poller_text, "CE701")
    assert {(h.line, h.column) for h in hits} == {where(poller_text, '"<resourceName>"'),
                                                   where(poller_text, "<resourceName>", nth=1)}


def test_masks():
    text = body({"oauth.api.key": "${SAGE_CLIENT_ID}", "oauth.api.secret": "xxxxxxxxxxxxxxxxxxxxxxxx"})
    hit = assert_at(text, "CE702", "xxxxxxxx")
    assert "xxxx" not in hit.message
    partial = body({"infusionsoft.private.key": "47dxxxxxxxxxxxxxxxxxxxx"})
    hit = assert_at(partial, "CE702", "xxxxxxxx")  # the mask, not the visible prefix
    assert "47d" not in hit.message
    stars = body({"password": "********"})
    assert_at(stars, "CE702", '"********"', offset=1)
    for bullet in ("\u2022", "\u25cf"):  # a password field's bullets, copied from a console (h224: passed unseen)
        bullets = body({"oauth.api.secret": bullet * 8})
        assert_at(bullets, "CE702", json.dumps(bullet * 8), offset=1)
    assert not found(body({"password": "${DB_PASSWORD}"}), "CE702")


def test_upper_case_names_in_secret_values():
    text = body({"pipedrive.api.token": "PIPEDRIVE_API_TOKEN"})
    hit = assert_at(text, "CE701", "PIPEDRIVE_API_TOKEN")
    assert "PIPEDRIVE" not in hit.message, "a secret key's value is never quoted"
    assert not found(body({"event.vendor.type": "POLLING_ONLY"}), "CE701"), "only in secret keys"


@pytest.mark.parametrize("value", [
    "${SAGE_API_SECRET}", "$SAGE_API_SECRET", "${{ secrets.SAGE_API_SECRET }}", "/hubs/crm/contacts/{id}",
    "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", "a < b and c > d", "<b>bold</b>",
    "https://example.com/callback", "add_time", "insert_date", "Box", "taxes", "${YOUR_API_KEY}",
    # a false-alarm hunt (helper-82): a word's own x's (a Chargebee site), an instance's name
    "boxxxxed", "billing-sync-xxx", "FOXXXXY",
    # (a type's name is one only as the whole value)
    "string theory", "Big Number Co", "longitude", "objects",
])
def test_not_placeholders(value):
    assert find_placeholders(value) == [], value


@pytest.mark.parametrize(("value", "expected"), [
    ("<CLIENT_ID>", ["<CLIENT_ID>"]),
    ("<{{page.apiProvider}} {{page.username}}>", ["<{{page.apiProvider}} {{page.username}}>"]),
    ("&lt;INSERT_TAGS&gt;", ["&lt;INSERT_TAGS&gt;"]),
    ("<INSERT_NETSUITE_PASSWORD", ["<INSERT_NETSUITE_PASSWORD"]),
    ("YOUR_API_KEY", ["YOUR_API_KEY"]),
    ("https://your-domain.example.com", ["your-domain"]),
    ("<ACCESS_KEY_HERE>", ["<ACCESS_KEY_HERE>"]),
    ("SECRET_KEY_HERE", ["SECRET_KEY_HERE"]),
    ("ABC/Dxxxxxxxxxxxx", ["xxxxxxxxxxxx"]),
    # a false-alarm hunt (helper-139): a type's name standing for the value, as a page describing the keys writes it
    ("boolean", ["boolean"]), ("string (URL)", ["string (URL)"]), (" JSON object", ["JSON object"]),
    ("number (minutes)", ["number (minutes)"]), ("integer[]", ["integer[]"]),
])
def test_placeholder_spans(value, expected):
    assert [p.text for p in find_placeholders(value)] == expected


def test_a_short_trailing_mask_is_a_credentials_only():
    assert [p.text for p in find_placeholders("sk_live-XXX", credential=True)] == ["XXX"]
    assert [p.text for p in find_placeholders("acct-xxxxxxxx1234")] == ["xxxxxxxx"]  # a card's mask, digits after
    # a secret's first and last letters shown around a long run (helper-86): a mask; a short run, a word's own
    assert [p.text for p in find_placeholders("AKIAxxxxxxxxWXYZ")] == ["xxxxxxxx"]
    assert [p.text for p in find_placeholders("ABCDXXXXXXXXXXXXWXYZ")] == ["XXXXXXXXXXXX"]
    assert find_placeholders("abxxxxxxxcd") == []
    assert find_placeholders("sk_live-XXX") == []


def test_date_format_xxxx_is_not_a_mask():
    assert find_placeholders("yyyy-MM-dd'T'HH:mm:ssXXXX", date_format=True) == []
    text = poller(updated="yyyy-MM-dd'T'HH:mm:ssXXXX")
    assert not found(text, "CE702")
    assert found(text, "CE401")


def test_placeholder_inside_a_stringified_poller():
    inner = json.dumps({"contacts": {"url": "/hubs/crm/{{page.pollObject}}?where=a='b'", "idField": "id"}})
    text = body({"event.poller.configuration": inner})
    hits = found(text, "CE701")
    assert len(hits) == 1, "reported once, inside the decoded poller"
    assert (hits[0].line, hits[0].column) == where(text, "{{page.pollObject}}")
    assert hits[0].pointer == "/configuration/event.poller.configuration/contacts/url"


def test_nothing_on_a_clean_instance():
    text = instance(poller())
    assert not [f for f in check(text) if f.rule.startswith("CE7")]


def test_rule_examples():
    from validator.rules import placeholders

    for rule in placeholders.RULES:
        assert rule.code in {f.rule for f in check(rule.bad)}, rule.code
        assert not [f for f in check(rule.good) if f.rule.startswith("CE7")], rule.code


def test_corpus_labels_are_found(corpus):
    """Every placeholder the corpus lists for a valid-JSON record is reported (JS template literals aside), except
    in the platform's answers (84 records), which documentation shows and no one sends."""
    from validator.rules.notifications import is_response

    missed = []
    for record in corpus:
        if not record["valid_json"] or record["kind"] not in ("instance", "poller"):
            continue
        texts = [f for f in check(record["text"], kind="poller" if record["kind"] == "poller" else "auto")
                 if f.rule in ("CE701", "CE702")]
        if is_response(json.loads(record["text"])):  # the platform's answer, shown in documentation: nothing is sent
            assert not texts, record["id"]
            continue
        lines = record["text"].splitlines()
        shown = " ".join(lines[f.line - 1][f.column - 1:f.end_column - 1] for f in texts if f.line == f.end_line)
        for label in record["placeholders"]:
            if label.startswith("${"):
                continue
            if label not in shown:
                missed.append((record["id"], label))
    assert not missed, missed[:20]


def test_corpus_counts(corpus):
    compare_with_expected(corpus_counts(corpus, "CE70"), "placeholders")


def test_the_quick_trigger_never_hides_a_placeholder():
    """``find_placeholders`` skips the full search when its quick trigger does not match: it must find
    exactly what the full search finds, in every kind of string."""
    from hypothesis import example, given, settings
    from hypothesis import strategies as st

    from validator.vocabulary.placeholders import _find

    cores = st.sampled_from(["<", ">", "&lt;", "&gt;", "{{", "}}", "{%", "%}", "_HERE", "YOUR_", "INSERT_", "ENTER_",
                             "REPLACE_", "PUT_", "your-", "your_", "x", "X", "xxx", "XXX", "xxxx", "XXXX", "*", "****",
                             "-", "_", ".", ":", "/", "{", "}", "API", "KEY", "NAME"])
    plain = st.sampled_from(["a", "Z", " ", "'", "\n", "yyyy", "ss", "$", "1", "name", "MM-dd"])
    mixed = st.lists(st.one_of(cores, plain), max_size=12).map("".join)
    one_core = st.tuples(st.lists(plain, max_size=4), st.lists(cores, min_size=1, max_size=2),
                         st.lists(plain, max_size=4)).map(lambda parts: "".join(parts[0] + parts[1] + parts[2]))

    @settings(max_examples=1500, deadline=None)
    @given(st.one_of(mixed, one_core), st.booleans())
    @example("a XXXX", False)
    @example("ss xxxx", False)
    @example("1-XXX", False)
    @example("****", True)
    @example("<name>", False)
    def same(value, date_format):
        assert find_placeholders(value, date_format=date_format) == list(_find(value, False, date_format)), value

    same()


def test_an_environment_reference_that_never_closes():
    """A user's trial: `"username": "${CLOSEIO_API_KEY"` passed; the deployment leaves it, the platform sends it."""
    text = json.dumps({"element": {"key": "closeio"}, "name": "c",
                       "configuration": {"username": "${CLOSEIO_API_KEY", "password": "${CLOSEIO_PASSWORD"}})
    found = [f for f in check(text) if f.rule == "CE701"]
    assert len(found) == 2 and all(f.fix is not None and f.fix.applicability == "safe" for f in found)
    assert "`${CLOSEIO_API_KEY`" in found[0].message and "CLOSEIO_PASSWORD" not in found[1].message
    assert not [f for f in check(text.replace('_KEY"', '_KEY}"').replace('WORD"', 'WORD}"')) if f.rule == "CE701"]


def test_a_password_in_brackets_or_of_sample_words_is_no_placeholder():
    """helper-119: real passwords were called unfilled placeholders (the advice, fill it in, was wrong)."""
    from validator.vocabulary.placeholders import find_placeholders

    for value in ("<Zx9!Pass>", "<Kq8#vT3pLx>", "Acme-Token-2024x", "hunter2-Secret-99", "{{iGow&Bj9!13EX.jE}}"):
        assert not find_placeholders(value, credential=True), value
    assert find_placeholders("{{iGow&Bj9!13EX.jE}}")  # (a key that holds no credential: a template's braces)
    # (and what a review, helper-123, found read as a secret: a description with signs, a name with a digit)
    for value in ("<CLIENT_SECRET>", "<your api key>", "<api-key-v2>", "my-password-123", "fake_api_secret",
                  "secret_1234567", "<your password; 8+ chars>", "<Ocp-Apim-Subscription-Key, see Azure>",
                  "<ApiKeyV2>", "<Base64Token>", "<OAuth2Secret>", "{{page.password}}", "{{ secret }}"):
        assert find_placeholders(value, credential=True), value



def test_a_type_s_name_is_a_value_where_its_key_names_a_type():
    """`"type": "string"` in a field mapping or a schema is the type itself; the same word under another key stands
    for a value (Swagger UI's example body)."""
    text = json.dumps({"element": {"key": "sageone"}, "name": "x",
                       "fields": [{"type": "string", "path": "id"}, {"dataType": "JSON object", "path": "a"}],
                       "schema": {"type": ["string", "null"], "format": "double", "items": "string"},
                       "tags": ["string"]}, indent=2)
    hits = found(text, "CE701")
    assert [hit.pointer for hit in hits] == ["/tags/0"], hits


@pytest.mark.parametrize("word", ["string", "long", "integer", "number", "Long"])
def test_a_type_s_name_as_a_records_date_format_is_a_stand_in(word):
    """helper-151: `"updatedDateFormat": "string"` (Swagger UI's example body) or `"long"` (the field's type) passed
    silently: the date rules left it to CE701 as a placeholder, and CE701 took `...DateFormat` for a key naming a
    type (`"format": "double"`), whose value is the type itself."""
    text = json.dumps({"contacts": {"url": "/hubs/crm/contacts", "idField": "id", "datesConfiguration": {
        "updatedDateField": "updated_at", "updatedDateFormat": word,
        "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX"}}}, indent=2)
    hit = assert_at(text, "CE701", f'"{word}"', offset=1, count=1)
    assert hit.pointer == "/contacts/datesConfiguration/updatedDateFormat"
    assert "`milliseconds`" in (hit.help or "")


def test_a_type_s_name_in_a_dotted_configuration_key_ending_in_type_is_a_stand_in():
    """helper-151: `"event.vendor.type": "string"` (Swagger UI's example body) passed silently: CE203 leaves a
    placeholder to CE701, and CE701 took the key, ending in `type`, for one naming a type."""
    text = json.dumps({"element": {"key": "acmecrm"}, "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://example.com/events",
        "event.vendor.type": "string", "authentication.type": "string"}}, indent=2)
    hits = found(text, "CE701")
    assert [hit.pointer for hit in hits] == ["/configuration/event.vendor.type", "/configuration/authentication.type"]


def test_a_placeholder_named_in_another_script_is_a_placeholder():
    """helper-188: a Japanese page's `<クライアントシークレット>` (a German one's `<Überweisungs-ID>`) under
    `oauth.api.secret` was read as a real secret committed (CE751, a false alarm) and its neighbours as values."""
    from validator.pages import check_page

    for name in ("クライアントシークレット", "Überweisungs-Geheimnis"):
        page = ('```json\n{"element": {"key": "hubspot"}, "configuration": {"oauth.api.secret": "<%s>", '
                '"event.notification.enabled": false}, "name": "x"}\n```\n' % name)
        found = [(f.rule, f.column) for f in check_page(page).findings]
        assert found == [("CE701", page.splitlines()[1].index("<") + 1)], name
        escaped = page.replace("<", "&lt;").replace(">", "&gt;").replace("```json\n", "<pre><code>").replace(
            "\n```\n", "</code></pre>\n")
        assert [f.rule for f in check_page(escaped).findings] == ["CE701"], name


@pytest.mark.parametrize("description", ["Set <CLIENT_ID> and YOUR_API_KEY in the vault before running",
                                         "rendered with {{page.elementKey}} in the docs",
                                         "IDs look like 47dxxxxxxxx in the logs"])
def test_a_description_that_mentions_a_placeholder_is_prose(description):
    """h186: a body's `description` (prose, for people) that names a placeholder or a
    mask among its words was CE701/CE702, 'the platform takes it literally'; one that is a placeholder as a whole
    still is."""
    text = json.dumps({"element": {"key": "closeio"}, "configuration": {"username": "${CLOSEIO_API_KEY}"},
                       "name": "closeio", "description": description}, indent=2)
    assert not found(text, "CE701") and not found(text, "CE702")
    assert_at(text.replace(description, "<INSERT_DESCRIPTION>"), "CE701", '"<INSERT_DESCRIPTION>"', offset=1)


def test_each_text_is_read_once_under_each_key(monkeypatch):
    """A body repeats its keys and most values in every poller entry: each text is read once under each key per
    check, not again at every place it stands (a body of 10,000 pollers walks 140,000 strings)."""
    import validator.rules.placeholders as placeholders

    reads: list[str] = []
    real = placeholders.is_date_mask_key
    monkeypatch.setattr(placeholders, "is_date_mask_key", lambda key: reads.append(key) or real(key))
    entry = {"url": "/hubs/crm/contacts?pageSize=<PAGE_SIZE>", "idField": "id",
             "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd",
                                    "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd"}}
    text = instance(json.dumps({f"resource{i}": entry for i in range(100)}))
    hits = [f for f in check(text, path="p.json") if f.rule == "CE701"]
    assert len(hits) == 100 and len({f.line for f in hits}) == 100  # each place still said
    assert len(reads) < 20, len(reads)


def test_a_text_read_under_one_key_is_read_anew_under_another():
    """The readings a check keeps are per key: `<SECRET>` under a secret key is not quoted, under `name` it is, and
    a key's own text is read as a key (the same text as a value of another key draws its own finding)."""
    text = body({"oauth.api.secret": "<SAGE_SECRET>", "acme.label": "<SAGE_SECRET>", "<SAGE_SECRET>": "x"},
                description="<SAGE_SECRET>")
    hits = sorted((f.pointer, f.message) for f in check(text, path="b.json") if f.rule == "CE701")
    assert [pointer for pointer, _ in hits] == ["/configuration/<SAGE_SECRET>", "/configuration/acme.label",
                                                "/configuration/oauth.api.secret", "/description"], hits
    said = dict(hits)
    assert "`<SAGE_SECRET>`" in said["/configuration/acme.label"] and "in this key" in said["/configuration/<SAGE_SECRET>"]


def test_a_short_text_is_read_once_per_process_not_again_in_the_next_body(monkeypatch):
    """h193: the keys and many values of one body come back in the next body of a batch (16,500 readings of 2,100
    kinds in 1,000 corpus bodies); a short text read in one check is not read again in the next, and draws the same
    findings there."""
    import validator.rules.placeholders as placeholders

    entry = {"url": "/hubs/crm/contacts?pageSize=<PAGE_SIZE_H193>", "idField": "id_h193",
             "datesConfiguration": {"updatedDateField": "updated_at_h193", "updatedDateFormat": "yyyy-MM-dd"}}
    text = instance(json.dumps({"contacts_h193": entry}))
    first = [f for f in check(text, path="a.json") if f.rule == "CE701"]
    reads: list[str] = []
    real = placeholders.is_date_mask_key
    monkeypatch.setattr(placeholders, "is_date_mask_key", lambda key: reads.append(key) or real(key))
    again = [f for f in check(text, path="a.json") if f.rule == "CE701"]
    assert again == first and len(first) == 1
    assert reads == []
