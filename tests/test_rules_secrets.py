"""CE751: real-looking secrets committed in a file; the same secrets are what masking hides."""

from __future__ import annotations

import json

import pytest

from test_rules_dates import MODULES, assert_at, compare_with_expected, corpus_counts, found
from validator.engine import check
from validator.masking import find_secrets
from validator.source import load_source
from validator.vocabulary.secrets import is_secret_key

CANARY = "q8Zr2LmX0vTe5NwB7yKc"


@pytest.fixture(autouse=True)
def only_these_rules(rule_modules):
    """Only the date, zone, placeholder and secret rules, so each test sees just what they report."""
    rule_modules(MODULES)


def body(configuration: dict, **extra) -> str:
    value = {"element": {"key": "sageone"}, "configuration": configuration, "name": "sage"}
    value.update(extra)
    return json.dumps(value, indent=2)


@pytest.mark.parametrize("key", [
    "oauth.api.secret", "signature.secret", "apim.subscription.key", "password", "user.password",
    "event.notification.basic.password", "oauth.user.token", "oauth.user.refresh_token", "oauth.user.token.secret",
    "event.notification.signature.key", "private.key", "clientSecret", "token", "api.key", "sfdc.security.token",
    "webhook.hmac", "hmac",  # a user's trial: a webhook's HMAC key was printed in clear
])
def test_real_looking_secret_is_reported_without_its_value(key):
    text = body({key: CANARY})
    hit = assert_at(text, "CE751", f'"{CANARY}"', count=1)
    assert hit.severity == "warning"
    assert hit.message == ("secret written in the file: move it to an environment variable or secret store (git keeps "
                           "what is committed)")
    for part in (CANARY, CANARY[:6], CANARY[-6:]):
        assert part not in hit.message and part not in (hit.help or "")


@pytest.mark.parametrize("key", ["event.notification.signature.kye", "event.notification.signature_key",
                                 "event.notification.signaturekey"])
def test_a_secret_under_a_misspelt_secret_key_is_reported(key):
    """h207: a misspelt `event.notification.signature.key` (CE101 names the key meant) had its value masked but not
    reported: the secret is committed all the same, and `--fix` (the key respelt) made CE751 appear."""
    text = body({key: CANARY})
    assert_at(text, "CE751", f'"{CANARY}"', count=1)
    assert not [f for f in check(body({"event.notification.callbak.url": CANARY})) if f.rule == "CE751"]


def test_a_secret_written_into_a_url_is_reported_at_its_value():
    """A user's trial: `api_key=sk_live_...` in a poller URL and `user:password@` in a callback were masked but
    never reported, so the file passed."""
    url = "/hubs/crm/leads?where=updated>'${gmtDate:yyyy-MM-dd}'&api_key=" + CANARY + "&pageSize=50"
    poller = {"leads": {"url": url, "idField": "id"}}
    text = body({"event.poller.configuration": poller})
    assert_at(text, "CE751", CANARY, count=1)
    stringified = body({"event.poller.configuration": json.dumps(poller)})
    assert_at(stringified, "CE751", CANARY, count=1)
    callback = body({"event.notification.callback.url": f"https://ce:{CANARY}@hooks.example.com/events?token=x"})
    assert_at(callback, "CE751", CANARY, count=1)
    user_key = body({"event.notification.callback.url": f"https://hooks.example.com/e?user_key={CANARY}xyz0"})
    assert_at(user_key, "CE751", CANARY, count=1)


@pytest.mark.parametrize("condition", [f"api_key='{CANARY}'", f"client_secret = '{CANARY}'", f"password like '{CANARY}'"])
@pytest.mark.parametrize("first", [True, False])
def test_a_secret_compared_in_the_where_filter_is_reported(condition, first):
    """A fresh trial (helper-200): `where=updated>'...' and api_key='sk_live_...'` was masked in every output but never
    reported: the cheap reading of the names before each `=` saw `where` alone, so the filter's conditions were not
    asked (as a query parameter, `&api_key=...`, it was)."""
    where = f"{condition} and updated>'${{gmtDate:yyyy-MM-dd}}'" if first else \
        f"updated>'${{gmtDate:yyyy-MM-dd}}' and {condition}"
    text = body({"event.poller.configuration": {"leads": {"url": "/hubs/crm/leads?where=" + where, "idField": "id"}}})
    assert_at(text, "CE751", CANARY, count=1)
    plain = where.replace(CANARY, "${API_KEY}")  # a reference: as before, nothing
    assert not found(body({"event.poller.configuration": {"leads": {"url": "/hubs/crm/leads?where=" + plain,
                                                                      "idField": "id"}}}), "CE751")


@pytest.mark.parametrize("url", [
    "/hubs/crm/leads?api_key=${apiKey}", "/hubs/crm/leads?api_key=<YOUR_API_KEY>", "/hubs/crm/leads?api_key=abc",
    "/hubs/crm/leads?code=Kq9vT3pLx8wZ2mN5", "/hubs/crm/leads?sig=Kq9vT3pLx8wZ2mN5", "/hubs/crm/leads?pageToken=Kq9vT3pLx8wZ2mN5",
    "https://user:${PASSWORD}@hooks.example.com/e", "https://hooks.example.com/e?key=YOUR_KEY",
    "/hubs/crm/leads?where=email='a@b.com'&apiKey=%24%7BAPI_KEY%7D",
    # a review's false alarms: a bare key= names things, Jira's userKey is an id, a port and an email are no
    # user:password, a name in braces is a placeholder
    "/hubs/crm/contacts?key=contacts", "/hubs/crm/c?key=updated_at", "/hubs/documents/files?key=reports/2024/a.csv",
    "/hubs/crm/c?key=2024-01-01", "/hubs/crm/c?key=PROJ-123", "/hubs/crm/c?userKey=JIRAUSER10100",
    "http://localhost:3000?notify=ops@example.com", "https://api.example.com:8443?email=ops@example.com",
    "/hubs/crm/c?x=1&notify=https://host:9000&cc=team@example.com", "/hubs/crm/c?api_key={apiKey}",
    "/hubs/crm/c?api_key=%7BapiKey%7D", "/hubs/crm/c?api_key=[API_KEY]", "/hubs/crm/c?api_key=__API_KEY__",
])
def test_a_url_without_a_lasting_secret_is_not_reported(url):
    assert not found(body({"event.poller.configuration": {"leads": {"url": url, "idField": "id"}}}), "CE751"), url


@pytest.mark.parametrize("value", [
    "${SAGE_API_SECRET}", "$SAGE_API_SECRET", "${{ secrets.SAGE_API_SECRET }}", "%SAGE_API_SECRET%", "",
    "   ", "<CLIENT_SECRET>", "{{page.apiSecret}}", "xxxxxxxxxxxxxxxx", "********", "PIPEDRIVE_API_TOKEN",
    "USER TOKEN", "fake_api_secret", "my_secret_password", "redacted", "Code on the Return URL", "User's password",
    "HmacSHA256", "HMAC-SHA512", "sha256",  # a review: an algorithm's name under webhook.hmac
    "$env:SAGE_APIM_KEY",  # PowerShell's environment reference (a trial, helper-71: CE751 on it)
    # runs of digits and letters in their order (a documentation-pages trial, helper-88)
    "0123456789abcdef0123456789abcdef", "aBcDeFgHiJkLmNoPqRsTuVwXyZ012345", "1234567890abcdef", "abcdefgh12345678",
    # what BFG Repo-Cleaner writes, a console's mask, a template's reference (helper-90)
    "***REMOVED***", "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022", "replace-me-with-the-key",
    '<%= ENV["SAGE_API_SECRET"] %>',
    # one character repeated: the nil UUID, a row of zeros (h224: CE751 on a page's dummies)
    "00000000-0000-0000-0000-000000000000", "0000000000000000", "11111111", "ffffffff-ffff-ffff-ffff-ffffffffffff",
])
def test_not_a_real_secret(value):
    assert not found(body({"oauth.api.secret": value}), "CE751"), value


@pytest.mark.parametrize("key", [
    "oauth.api.key", "sfdc.api.key", "consumer_key", "oauth.token.url", "oauth.user.refresh_interval",
    "apikey.user.password.keyname", "since_token", "token_id", "public.key", "event.helper.key", "key",
    "oauth_verifier", "code", "hmacAlgorithm", "hmac_enabled",
])
def test_not_secret_keys(key):
    assert not is_secret_key(key)
    assert not found(body({key: CANARY}), "CE751")


def _masked(text: str, extra_keys: frozenset[str] = frozenset()) -> list[str]:
    """The texts masking hides in ``text`` (what every output replaces with ``*``)."""
    loaded = load_source(text)
    return [loaded.text[start:end] for start, end in find_secrets(loaded, extra_keys=extra_keys).spans]


def test_provider_data_code_is_not_reported_but_is_masked():
    text = body({"oauth.api.key": "abc"}, providerData={"code": CANARY})
    assert not found(text, "CE751")
    assert CANARY in _masked(text)


def test_masking_covers_every_secret_and_the_stringified_poller():
    poller = {"contacts": {"url": "/hubs/crm/contacts", "idField": "id", "headers": {"password": "pw-1"}}}
    value = {"configuration": {"oauth.api.secret": "s-1", "oauth.api.key": "k-1", "user.password": "<PASSWORD>",
                               "event.poller.configuration": json.dumps(poller)},
             "providerData": {"code": "c-1"}, "token": "t-1"}
    text = json.dumps(value)
    assert sorted(set(_masked(text))) == ["c-1", "pw-1", "s-1", "t-1"]  # a placeholder is shown
    assert "k-1" in _masked(text, frozenset({"oauth.api.key"}))


def test_secret_inside_a_stringified_poller_is_placed_in_the_file():
    poller = {"contacts": {"url": "/hubs/crm/contacts", "idField": "id", "headers": {"password": CANARY}}}
    text = body({"event.poller.configuration": json.dumps(poller)})
    hit = assert_at(text, "CE751", CANARY, offset=-2)  # the escaped quote \" that opens the value
    assert hit.pointer == "/configuration/event.poller.configuration/contacts/headers/password"


def test_canary_never_appears_in_any_finding():
    text = body({"oauth.api.secret": CANARY, "signature.secret": CANARY + "1", "password": CANARY + "2",
                 "oauth.api.key": "<CLIENT_ID>"})
    for finding in check(text):
        assert CANARY not in finding.message and CANARY not in (finding.help or "")


def test_rule_examples():
    from validator.rules import secrets

    for rule in secrets.RULES:
        assert rule.code in {f.rule for f in check(rule.bad)}, rule.code
        assert not [f for f in check(rule.good) if f.rule.startswith("CE7")], rule.code


def test_corpus_counts(corpus):
    compare_with_expected(corpus_counts(corpus, "CE75"), "secrets")


def _within_one_edit(word: str, target: str) -> bool:
    """Optimal string alignment distance <= 1, by the textbook table: the reference for the fast check."""
    rows = [[i + j if i * j == 0 else 0 for j in range(len(target) + 1)] for i in range(len(word) + 1)]
    for i in range(1, len(word) + 1):
        for j in range(1, len(target) + 1):
            cost = word[i - 1] != target[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and word[i - 1] == target[j - 2] and word[i - 2] == target[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1] <= 1


def _near(target: str):
    """Words one or two edits from ``target`` (and some far from it): where the fast check could go wrong."""
    from hypothesis import strategies as st

    letters = st.sampled_from("secrtpaswodhilnx")

    def edited(draw_ops):
        word = list(target)
        for op, at, letter in draw_ops:
            at = at % (len(word) + 1)
            if op == "insert":
                word.insert(at, letter)
            elif word and op == "delete":
                del word[min(at, len(word) - 1)]
            elif word and op == "change":
                word[min(at, len(word) - 1)] = letter
            elif len(word) > 1 and op == "swap":
                at = min(at, len(word) - 2)
                word[at], word[at + 1] = word[at + 1], word[at]
        return "".join(word)

    ops = st.lists(st.tuples(st.sampled_from(["insert", "delete", "change", "swap"]), st.integers(0, 12), letters),
                   max_size=2)
    return st.one_of(ops.map(edited), st.text(alphabet="secrtpaswodhilnx", max_size=12))


@pytest.mark.parametrize("target", ["password", "passphrase", "secret", "credential"])
def test_one_edit_check_agrees_with_the_edit_distance_table(target):
    from hypothesis import given, settings

    from validator.vocabulary.spelling import one_edit_away as _one_edit_away

    @settings(max_examples=400, deadline=None)
    @given(_near(target))
    def agrees(word):
        assert _one_edit_away(word, target) == _within_one_edit(word, target), word

    agrees()
    assert _one_edit_away("secert", "secret") and _one_edit_away("pasword", "password")
    assert not _one_edit_away("sceert", "secret") and not _one_edit_away("resource", "password")


def test_the_names_read_before_the_url_query_pattern_are_the_ones_it_reads():
    """The cheap reading of the names before each '=' (no pattern compiled for a URL without a secret's name) finds
    every secret parameter the query pattern finds, and keeps no name longer than the pattern reads."""
    from validator.masking import _QUERY, committed_url_secrets
    from validator.vocabulary.secrets import is_secret_parameter

    urls = ["/a?api_key=Kq9vT3pLx8wZ2mN5x", "/a;password=Kq9vT3pLx8wZ2mN5x", "/a#token=Kq9vT3pLx8wZ2mN5x",
            "/a/apikey=Kq9vT3pLx8wZ2mN5x", "/a?api%5Fkey=Kq9vT3pLx8wZ2mN5x", "/a?auth[token]=Kq9vT3pLx8wZ2mN5x",
            "/a?x=1=2&client_secret=Kq9vT3pLx8wZ2mN5x", "api_key=Kq9vT3pLx8wZ2mN5x",
            "/a?" + "b" * 150 + "=1&api_key=Kq9vT3pLx8wZ2mN5x"]
    for url in urls:
        by_pattern = [m.span("value") for m in _QUERY.finditer(url)
                      if m.group("value") and is_secret_parameter(m.group("name"))]
        assert by_pattern and [(s, e) for s, e, _ in committed_url_secrets(url)] == by_pattern, url
    is_secret_parameter.cache_clear()
    committed_url_secrets("/a?" + "n" * 5000 + "=1")
    assert is_secret_parameter.cache_info().currsize == 0


@pytest.mark.parametrize("value", ["ENC[AES256_GCM,data:Qm9va3NQbGVhc2U=,iv:q83kLm2=,tag:Zz9k3Lm==,type:str]",
                                   "$ANSIBLE_VAULT;1.1;AES256\n6331386437643562653866303736"])
def test_a_value_encrypted_before_it_was_committed_is_no_committed_secret(value):
    """helper-98: a SOPS-encrypted value (the form the finding's own message advises) was CE751."""
    from validator.rules.secrets import is_real_looking

    assert not is_real_looking(value) and is_real_looking("Zq1501kX7vW2pR9tLmN4")


@pytest.mark.parametrize("value", ["op://Engineering/SageOne/apim", "vault:kv/data/sage#signature",
                                   "arn:aws:ssm:us-east-1:123456789012:parameter/ce/apim"])
def test_a_secret_stores_address_is_no_committed_secret(value):
    """h186: a secret store's address (1Password's `op://`, `vault:`, an SSM parameter's ARN), which masking already
    shows as written, was CE751 unless its last word happened to hold `secret`."""
    text = body({"signature.secret": value, "apim.subscription.key": value})
    assert not found(text, "CE751")
