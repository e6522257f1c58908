"""Notification and event-configuration rules (CE2xx): domain mistakes, examples, corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tables import assert_expected, corpus_table

from validator.engine import check
from validator.options import Options

MODULE = "validator.rules.notifications"
EXPECTED = Path(__file__).parent / "expected" / "rules_corpus_notifications.json"




def found(text: str, code: str) -> list:
    return [f for f in check(text) if f.rule == code]


def position(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def body(config: dict, *, element: str = "hubspot", **top) -> str:
    return json.dumps({"element": {"key": element}, "configuration": config, **top}, indent=2)


CALLBACK = "https://mycoolapp.com/events"


# --- events enabled without a callback URL --------------------------------------------------------------------

@pytest.mark.parametrize("enabled", [True, "true", "TRUE"])
def test_enabled_without_callback_points_at_the_enabled_key(enabled):
    text = body({"event.notification.enabled": enabled, "event.vendor.type": "polling"})
    (finding,) = found(text, "CE201")
    assert (finding.line, finding.column) == position(text, '"event.notification.enabled"')
    assert finding.severity == "error" and "missing" in finding.message
    assert not found(body({"event.notification.enabled": enabled, "event.notification.callback.url": CALLBACK}),
                     "CE201")


@pytest.mark.parametrize(("callback", "word"), [(None, "null"), ("", "empty"), ("  ", "empty")])
def test_enabled_with_null_or_empty_callback_points_at_the_value(callback, word):
    text = body({"event.notification.enabled": "true", "event.notification.callback.url": callback})
    (finding,) = found(text, "CE201")
    needle = "null" if callback is None else json.dumps(callback)
    assert (finding.line, finding.column) == position(text, needle)
    assert word in finding.message
    assert not found(text, "CE202")


def test_disabled_events_need_no_callback():
    for enabled in (False, "false", None):
        assert not found(body({"event.notification.enabled": enabled}), "CE201")
    assert not found(body({"event.vendor.type": "polling"}), "CE201")


def test_saps4hanacloud_page_enables_events_without_a_callback(corpus):
    record = next(r for r in corpus if r["id"] == 466)
    (finding,) = found(record["text"], "CE201")
    assert (finding.line, finding.column) == position(record["text"], '"event.notification.enabled"')


# --- callback URL not absolute http(s) -------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "words", "fix"), [
    ("mycoolapp.com/events", "no scheme", "write https://mycoolapp.com/events"),
    ("localhost:3000/events", "no scheme", "write https://localhost:3000/events"),
    ("/events", "relative", "write it as https://host/events"),
    ("ftp://mycoolapp.com", "`ftp:`", "use an http or https URL"),
    ("false", "not a URL", None),
    (" https://mycoolapp.com", "leading space", 'write "https://mycoolapp.com"'),
    ("https://mycoolapp.com/events\n", "trailing line break", 'write "https://mycoolapp.com/events"'),  # a trial's
    ("\thttps://mycoolapp.com", "leading tab", 'write "https://mycoolapp.com"'),
    ("http://", "no host", None),
    ("events", "not an absolute", None),
    # a trial's fresh mistake (helper-53): two receivers in one value passed
    ("https://hooks.acme.example/events,https://backup.acme.example/events", "second URL (`https://backup.acme.example...`)",
     None),
    ("https://hooks.acme.example/events ; https://ops:Pw9xQ2@backup.acme.example/e", "second URL (`https://backup.acme",
     None),
    ("https://hooks.acme.example/e https://backup.acme.example:8443/e", "(`https://backup.acme.example:8443...`)", None),
    ("https://hooks.acme.example/e https://ops:Pw9x/Q2@backup.acme.example/e", "(`https://…...`)", None),
])
def test_callback_url_that_cannot_receive_events(url, words, fix):
    text = body({"event.notification.enabled": True, "event.notification.callback.url": url})
    (finding,) = found(text, "CE202")
    assert (finding.line, finding.column) == position(text, json.dumps(url))
    assert words in finding.message
    assert finding.severity == "error"
    if fix:
        assert finding.help == fix


@pytest.mark.parametrize("url", [
    CALLBACK, "http://mycoolapp.com", "HTTPS://MYCOOLAPP.COM/x", "https://localhost:8443/hook?x=1",
    "https://api.cloud-elements.com/elements/api-v2/events/{{page.elementKey}}/",  # placeholder: CE7xx
    "<INSERT_YOUR_APPS_CALLBACK_URL>", "${CALLBACK_URL}",
    "https://hooks.acme.example/e?next=https://acme.example/done",  # a URL as a query value
])
def test_absolute_or_unfilled_callback_urls_pass(url):
    assert not found(body({"event.notification.enabled": True, "event.notification.callback.url": url}), "CE202")


@pytest.mark.parametrize(("url", "says", "bad"), [
    # helper-180: an invisible character pasted with the host (java.net.URI then reads no host at all: `getHost()`
    # is null, so no request is sent), and an empty label between two dots (the same)
    ("https://mycoolapp.com\u200b/events", "a zero width space (U+200B)", "\\u200b"),
    ("https://mycoolapp.com\ufeff/events", "a zero width no-break space (U+FEFF)", "\\ufeff"),
    ("https://my\u2060coolapp.com/events", "a word joiner (U+2060)", "\\u2060"),
    ("https://mycoolapp..com/events", "an empty label", "mycoolapp..com"),
    ("https://.mycoolapp.com/events", "an empty label", ".mycoolapp.com"),
    # and in the path: sent percent-encoded (`%E2%80%8B`), a path the receiver does not have
    ("https://mycoolapp.com/ev\u200bents", "a zero width space (U+200B)", "\\u200b"),
])
def test_callback_url_with_an_invisible_character_or_an_empty_label(url, says, bad):
    text = body({"event.notification.enabled": True, "event.notification.callback.url": url})
    (finding,) = found(text, "CE202")
    assert says in finding.message and finding.severity == "error"
    if bad.startswith("\\u"):  # the character itself, as the file writes it, and a safe fix removing it
        assert (finding.line, finding.column) == position(text, bad)
        assert finding.end_column == finding.column + len(bad)
        assert finding.fix is not None and finding.fix.applicability == "safe"
    else:
        assert (finding.line, finding.column) == position(text, json.dumps(url))
    fixed = url.replace("\u200b", "").replace("\ufeff", "").replace("\u2060", "").replace("..", ".")
    assert not found(body({"event.notification.enabled": True,
                           "event.notification.callback.url": fixed.replace("//.", "//")}), "CE202")


def test_bad_callback_is_a_warning_while_events_are_off(corpus):
    text = body({"event.notification.enabled": "false", "event.notification.callback.url": "false"})
    (finding,) = found(text, "CE202")
    assert finding.severity == "warning"
    record = next(r for r in corpus if r["id"] == 79)  # the AutoPilot response echoes "false" as its callback
    assert found(record["text"], "CE202") == []  # the platform's own answer with events off: not the user's text


# --- vendor type -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "suggestion"), [
    ("webhooks", "webhook"), ("Webhook", "webhook"), ("web-hook", "webhook"), ("POLLING", "polling"),
    ("poll", "polling"), ("pooling", "polling"), (" polling", "polling"),
])
def test_vendor_type_near_misses_say_did_you_mean(value, suggestion):
    text = body({"event.vendor.type": value})
    (finding,) = found(text, "CE203")
    assert (finding.line, finding.column) == position(text, json.dumps(value))
    assert f"did you mean `{suggestion}`" in finding.message
    assert finding.help == f'write "{suggestion}"'
    assert finding.severity == "warning"


@pytest.mark.parametrize(("value", "suggestion"), [("webhooks", "webhook"), ("Polling", "polling"), ("pollin", "polling")])
def test_a_vendor_type_near_miss_has_an_unsafe_fix_writing_the_value_meant(value, suggestion):
    """h226: CE203 said `did you mean "polling"?` for `"Polling"` with nothing for --fix to apply, where CE916 writes
    an element's option given in another case (`apikey` -> `apiKey`)."""
    text = body({"event.notification.enabled": True, "event.vendor.type": value, "event.notification.callback.url": CALLBACK})
    (finding,) = found(text, "CE203")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    (edit,) = finding.fix.edits
    fixed = text[:edit.start] + edit.replacement + text[edit.end:]
    assert fixed == text.replace(json.dumps(value), json.dumps(suggestion))
    assert not found(fixed, "CE203")


def test_vendor_type_far_from_both():
    (finding,) = found(body({"event.vendor.type": "push"}), "CE203")
    assert "did you mean" not in finding.message and "polling and webhook" in finding.message
    assert finding.fix is None  # (no value to write: the author says which)


@pytest.mark.parametrize("value", ["polling", "webhook", "<VENDOR_TYPE>", "${VENDOR}", ""])
def test_documented_or_unfilled_vendor_types_pass(value):
    assert not found(body({"event.vendor.type": value}), "CE203")


def test_webhooks_in_a_hubspot_page(corpus):
    record = next(r for r in corpus if r["id"] == 33)
    (finding,) = found(record["text"], "CE203")
    assert (finding.line, finding.column) == position(record["text"], '"webhooks"')


# --- a poller that does not run --------------------------------------------------------------------------------

POLLER = {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}


@pytest.mark.parametrize("disabled", [False, "false"])
def test_poller_while_events_disabled(disabled):
    text = body({"event.notification.enabled": disabled, "event.poller.configuration": POLLER})
    (finding,) = found(text, "CE204")
    assert (finding.line, finding.column) == position(text, '"event.poller.configuration"')
    assert json.dumps(disabled) in finding.message
    fixed = body({"event.notification.enabled": True, "event.notification.callback.url": CALLBACK,
                  "event.poller.configuration": POLLER})
    assert not found(fixed, "CE204") and not found(fixed, "CE205")


def test_empty_pollers_and_responses_are_not_reported():
    for poller in ({}, "{}", "<SEE_BELOW>"):
        assert not found(body({"event.notification.enabled": False, "event.poller.configuration": poller}), "CE204")
        assert not found(body({"event.vendor.type": "webhook", "event.poller.configuration": poller}), "CE205")
    response = body({"event.notification.enabled": "false", "event.poller.configuration": POLLER},
                    id=1234, token="abc=")
    assert not found(response, "CE204")
    configuration = json.dumps({"event.notification.enabled": "false", "event.poller.configuration": POLLER,
                                "token": "a configuration key"})
    assert found(configuration, "CE204")


def test_poller_with_webhook_vendor_type_also_when_stringified():
    for poller in (POLLER, json.dumps(POLLER)):
        text = body({"event.notification.enabled": True, "event.notification.callback.url": CALLBACK,
                     "event.vendor.type": "webhook", "event.poller.configuration": poller})
        (finding,) = found(text, "CE205")
        assert (finding.line, finding.column) == position(text, '"event.poller.configuration"')
    fixed = body({"event.notification.enabled": True, "event.notification.callback.url": CALLBACK,
                  "event.vendor.type": "polling", "event.poller.configuration": POLLER})
    assert not found(fixed, "CE205")


def test_disabled_wins_over_webhook():
    text = body({"event.notification.enabled": False, "event.vendor.type": "webhook",
                 "event.poller.configuration": POLLER})
    assert [f.rule for f in check(text) if f.rule in ("CE204", "CE205")] == ["CE204"]


# --- refresh interval ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["15", "1", "1440", 15, "+5"])
def test_whole_minutes_pass(value):
    text = body({"event.poller.refresh_interval": value})
    assert not [f for f in check(text) if f.rule in ("CE206", "CE207", "CE208")]


@pytest.mark.parametrize(("value", "words", "fix"), [
    ("15.5", "not a whole number of minutes", 'such as "15"'),
    ("15 minutes", "the unit is always minutes", 'write "15"'),
    ("15m", "the unit is always minutes", 'write "15"'),
    (" 15", "surrounding spaces", 'write "15"'),
    ("", "is empty", 'such as "15"'),
    ("fifteen", "not a number of minutes", 'such as "15"'),
    ("-5", "must be positive", 'such as "15"'),
    (15.0, "not written as a whole number", "write 15"),
    # helper-203: ten digits past a Java int were read as minutes (CE207, a warning), where eleven are CE206
    ("2147483648", "beyond the platform's whole numbers (a Java int", 'such as "15"'),
    (9999999999, "is 9999999999: beyond the platform's whole numbers", 'such as "15"'),
])
def test_not_whole_minutes_is_an_error(value, words, fix):
    text = body({"event.poller.refresh_interval": value})
    (finding,) = found(text, "CE206")
    assert (finding.line, finding.column) == position(text, json.dumps(value))
    assert words in finding.message and fix in finding.help
    assert finding.severity == "error"


def test_more_than_a_day_and_zero_are_warnings():
    text = body({"event.poller.refresh_interval": "3600"})
    (finding,) = found(text, "CE207")
    assert finding.severity == "warning" and "less than once a day" in finding.message
    assert (finding.line, finding.column) == position(text, '3600"')  # the digits its fix writes again
    assert finding.fix is not None and finding.fix.applicability == "unsafe" and finding.fix.edits[0].replacement == "60"
    (finding,) = found(body({"event.poller.refresh_interval": "0"}), "CE208")
    assert finding.severity == "warning"


@pytest.mark.parametrize(("value", "days"), [("2000", "(about 1.4 days)"), ("3600", "(about 2.5 days)"),
                                             ("1441", "(about 1 day)"), ("2880", "(2 days)"),
                                             ("100000", "(about 69 days)")])
def test_a_long_interval_says_its_days_right(value, days):
    """helper-150: 2000 minutes were "about 1 days", and 3600 (2.5 days) "about 2 days"."""
    (finding,) = found(body({"event.poller.refresh_interval": value}), "CE207")
    assert f"is {value} minutes {days}:" in finding.message


@pytest.mark.parametrize(("value", "unit", "meant"), [("900000", "milliseconds", "15"), (3600000, "milliseconds", "60"),
                                                      ("86400", "seconds", "1440"), ("100000", "seconds", None),
                                                      ("60000", "milliseconds", "1"), ("2880", "seconds", None)])
def test_a_long_interval_says_which_unit_it_was_written_in(value, unit, meant):
    """A fresh-mistakes trial (helper-76): 900000 (fifteen minutes in milliseconds) was told "not seconds"."""
    (finding,) = found(body({"event.poller.refresh_interval": value}), "CE207")
    assert (f"not {unit}" in finding.message) == (meant is not None) and "are 1 minutes" not in finding.message
    assert "counts minutes" in finding.message
    assert finding.help == (f'write "{meant}"' if meant else 'give minutes: "60" is every hour, "1440" once a day')


@pytest.mark.parametrize(("value", "meant"), [("900", "15"), (300, "5"), ("600", "10"), ("1200", "20")])
def test_minutes_written_in_seconds_are_a_warning_with_an_unsafe_fix(value, meant):
    text = body({"event.poller.refresh_interval": value})
    (finding,) = found(text, "CE211")
    assert finding.severity == "warning" and f"seconds are {meant} minutes" in finding.message
    written = json.dumps(value)
    line, column = position(text, written)
    assert (finding.line, finding.column) == (line, column + (1 if isinstance(value, str) else 0))
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    (edit,) = finding.fix.edits
    fixed = text[:edit.start] + edit.replacement + text[edit.end:]
    assert json.loads(fixed)["configuration"]["event.poller.refresh_interval"] == (
        meant if isinstance(value, str) else int(meant))


@pytest.mark.parametrize("value", ["60", "120", "180", "360", "720", "1440", "45", "90", "30", "240"])
def test_whole_hours_and_short_intervals_are_not_read_as_seconds(value):
    assert not found(body({"event.poller.refresh_interval": value}), "CE211")


def test_the_oauth_token_lifetime_counts_seconds_and_is_not_the_poll_interval():
    assert not found(body({"oauth.user.refresh_interval": "900"}), "CE211")


@pytest.mark.parametrize("value", ["<minutes>", "<TIME_IN_MINUTES>", "${REFRESH_MINUTES}", "{{interval}}"])
def test_placeholders_are_left_to_the_placeholder_rules(value):
    text = body({"event.poller.refresh_interval": value})
    assert not [f for f in check(text) if f.rule in ("CE206", "CE207", "CE208")]


def test_configuration_object_kind_is_checked_too():
    text = json.dumps({"event.notification.enabled": "true", "event.vendor.type": "webhooks"}, indent=2)
    assert "CE203" in {f.rule for f in check(text)}  # (event keys alone: part of a configuration, CE201 not asked)
    whole = json.dumps({"username": "${U}", "event.notification.enabled": "true", "event.vendor.type": "webhooks"})
    assert {f.rule for f in check(whole)} >= {"CE201", "CE203"}


# --- the corpus ------------------------------------------------------------------------------------------------

def test_corpus_table(corpus, rule_modules):
    rule_modules((MODULE,))
    table = corpus_table(corpus, "CE2")
    assert_expected(table, EXPECTED)


def test_poller_without_enabling_events_is_off_by_default():
    poller = {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}
    missing = json.dumps({"element": {"key": "x"}, "configuration": {"event.poller.configuration": poller}}, indent=2)
    (finding,) = found(missing, "CE204")
    assert "off by default" in finding.message and finding.help == 'add "event.notification.enabled": true to run the poller'
    typo = json.dumps({"element": {"key": "x"}, "configuration": {"event.notifcation.enabled": True,
                                                                  "event.poller.configuration": poller}})
    (finding,) = found(typo, "CE204")
    assert "`event.notifcation.enabled` is not that key" in finding.message
    enabled = json.dumps({"element": {"key": "x"}, "configuration": {
        "event.notification.enabled": True, "event.notification.callback.url": "https://a.example/cb",
        "event.poller.configuration": poller}})
    assert found(enabled, "CE204") == []
    fragment = json.dumps({"event.poller.configuration": poller})  # a bare configuration object: maybe partial
    assert found(fragment, "CE204") == []


# --- a misspelt event key -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "meant"), [
    ("event.poller.refresh.interval", "event.poller.refresh_interval"),
    ("event.notification.callbak.url", "event.notification.callback.url"),
    ("Event.Notification.Enabled", "event.notification.enabled"),
    ("event.vendor_type", "event.vendor.type"),
    ("event.poller.configurations", "event.poller.configuration"),
])
def test_a_misspelt_event_key_is_named_with_the_key_it_misses(written, meant):
    config = {"event.notification.enabled": True, "event.vendor.type": "polling",
              "event.notification.callback.url": CALLBACK}
    config.pop(meant, None)
    text = body({**config, written: "15"})
    (finding,) = found(text, "CE101")
    assert (finding.line, finding.column) == position(text, f'"{written}"')
    assert finding.message == f"unknown key `{written}` in `configuration`: the platform ignores it"
    assert finding.help == f"did you mean `{meant}`?"
    (edit,) = finding.fix.edits
    assert text[:edit.start] + edit.replacement + text[edit.end:] == body({**config, meant: "15"})
    assert finding.fix.applicability == "unsafe"
    both = body({**config, meant: "15", written: "15"})  # the right key is there too: no rename onto it
    (finding,) = found(both, "CE101")
    assert finding.fix is None


@pytest.mark.parametrize("key", [
    "event.notification.subscription.id", "event.notification.instance.finder", "event.helper.key", "event.metadata",
    "event.notification.basic.username", "event.notification.basic.password", "event.webhook.hubspot.workflow.id",
    "event.poller.filter", "event.objects", "event.poller.urls", "event.notification.signature.key",
])
def test_an_element_s_own_event_key_is_not_a_misspelling(key):
    """Keys elements declare (seen in Cloud Elements' own definitions and examples) are not near misses."""
    assert not found(body({key: "x", "event.notification.enabled": False}), "CE101")


@pytest.mark.parametrize(("written", "meant"), [
    ("event.callback.url", "event.notification.callback.url"), ("events.callback.url", "event.notification.callback.url"),
    ("event.signature.key", "event.notification.signature.key"), ("Event.Callback.Url", "event.notification.callback.url"),
])
def test_an_event_key_with_a_segment_left_out(written, meant):
    """helper-180: `"event.callback.url"` (its `notification.` left out) drew only CE201's "callback URL is missing",
    with nothing said of the key written beside it; the platform reads the documented key alone."""
    text = body({"event.notification.enabled": True, written: CALLBACK})
    (finding,) = found(text, "CE101")
    assert (finding.line, finding.column) == position(text, f'"{written}"')
    assert finding.help == f"did you mean `{meant}`?"


@pytest.mark.parametrize("key", ["event.enabled", "event.type", "event.urls", "event.poller", "event.configuration",
                                 "event.refresh_interval", "event.notification.key"])
def test_a_short_event_key_is_not_read_as_a_documented_one_with_a_segment_left_out(key):
    assert not found(body({key: "x", "event.notification.enabled": False}), "CE101")


@pytest.mark.parametrize(("written", "meant"), [
    ("oauth.api_key", "oauth.api.key"), ("oauth.apikey", "oauth.api.key"), ("OAuth.API.Secret", "oauth.api.secret"),
    ("oauth.callback_url", "oauth.callback.url"), ("oauth.callbackUrl", "oauth.callback.url"),
    ("filter_response_nulls", "filter.response.nulls"), ("filter.response.Nulls", "filter.response.nulls"),
])
def test_a_common_key_written_with_other_separators_or_case(written, meant):
    """A fresh-mistakes trial (helper-157): `oauth.callback_url` passed unseen without element docs (the platform
    looks keys up as written, so it ignores it and the redirect URL stays unset)."""
    text = body({written: "x", "event.notification.enabled": False}, element="box")
    (finding,) = found(text, "CE101")
    assert (finding.line, finding.column) == position(text, f'"{written}"')
    assert finding.message == f"unknown key `{written}` in `configuration`: the platform ignores it"
    assert finding.help == f"did you mean `{meant}`?"
    (edit,) = finding.fix.edits
    assert text[:edit.start] + edit.replacement + text[edit.end:] == body(
        {meant: "x", "event.notification.enabled": False}, element="box")


@pytest.mark.parametrize("key", ["oauth.api.keys", "oauth.final.callback.url", "oauth.scopes", "oauth.user.token",
                                 "oauth.api.key", "filter.response.null"])
def test_an_element_s_own_key_near_a_common_one_is_not_judged_without_its_definition(key):
    """Each element declares its own keys: only another case or other separators of a common key say a slip."""
    assert not found(body({key: "x"}, element="box"), "CE101")


def test_a_common_key_s_slip_is_left_to_the_element_check_and_to_responses(shared):
    """With the element's definition, CE901 names the key meant (one finding, not two); a response's keys are
    those its element declares."""
    text = body({"oauth.callback_url": "x"}, element="sageone")
    options = Options(element_docs=(str(shared / "elements"),))
    assert [f.rule for f in check(text, options=options) if f.pointer == "/configuration/oauth.callback_url"] == [
        "CE901"]
    response = body({"oauth.callback_url": "x"}, element="box", id=123, token="abc", createdDate="2020-01-01")
    assert not found(response, "CE101")


@pytest.mark.parametrize(("written", "said", "fixed"), [
    ("\ufeffoauth.api.key", "a zero width no-break space (U+FEFF)", True),
    ("event.notification.enabled ", "a space after it", True),
    (" event.vendor.type", "a space before it", True),
    ("event.poller\u200b.refresh_interval", "a zero width space (U+200B)", True),
    ("event.poller\u00a0refresh_interval", "a no-break space (U+00A0)", False),  # a space inside: no name to write
])
def test_a_key_written_with_a_space_or_an_invisible_character(written, said, fixed):
    """A fresh-mistakes trial (helper-81): a byte order mark before a key drew only "missing `oauth.api.key`", and a
    key with a space after it had an unsafe rename, which plain `--fix` left."""
    text = body({written: "x", "event.notification.enabled": False})
    if written.strip() == "event.notification.enabled":
        text = body({written: "x"})
    (finding,) = found(text, "CE101")
    seen = written.strip(" ").replace("\ufeff", "").replace("\u200b", "").replace("\u00a0", " ")
    assert finding.message == (f"the key `{seen}` is written with {said}, which the platform reads as part of the "
                               "key's name: it ignores the key")
    assert (finding.fix is not None and finding.fix.applicability == "safe") is fixed
    if fixed:
        (edit,) = finding.fix.edits
        mended = text[:edit.start] + edit.replacement + text[edit.end:]
        assert seen in json.loads(mended)["configuration"] and not found(mended, "CE101")


@pytest.mark.parametrize(("written", "said"), [
    ("\ufeffname", "a zero width no-break space (U+FEFF)"), ("name ", "a space after it"),
    ("ele\u200bment", "a zero width space (U+200B)"), (" tags", "a space before it"),
])
def test_a_body_key_written_with_a_space_or_an_invisible_character(written, said):
    """helper-180: a body key pasted with an invisible character was "unknown key `\ufeffname`", its character
    shown as an escape, where a configuration key's says what is there (the test above); the same words now."""
    meant = written.strip(" ").replace("\ufeff", "").replace("\u200b", "")
    document = {"element": {"key": "hubspot"}, "configuration": {"event.notification.enabled": False}, "name": "x",
                "tags": ["Test"]}
    text = json.dumps({written if key == meant else key: value for key, value in document.items()}, indent=2)
    seen = meant
    (finding,) = found(text, "CE101")
    assert finding.message == (f"the key `{seen}` is written with {said}, which the platform reads as part of the "
                               "key's name: it ignores the key")
    assert finding.fix is not None and finding.fix.applicability == "safe"
    (edit,) = finding.fix.edits
    mended = text[:edit.start] + edit.replacement + text[edit.end:]
    assert seen in json.loads(mended) and not found(mended, "CE101")


def test_a_misspelt_event_key_in_a_bare_configuration_file():
    text = json.dumps({"event.notification.enabled": "true", "event.notification.callback.url": CALLBACK,
                       "event.vendor.type": "polling", "event.poller.refresh.interval": "15"}, indent=2)
    (finding,) = found(text, "CE101")
    assert finding.pointer == "/event.poller.refresh.interval" and finding.fix is not None


def test_a_number_beyond_any_count_of_minutes_is_said_so():
    """A user's trial: `1e99999999` (infinity once decoded) was shown as "is inf"."""
    text = body({"event.poller.refresh_interval": 15}).replace(": 15", ": 1e99999999")
    (finding,) = found(text, "CE206")
    assert "too large" in finding.message and "inf" not in finding.message


@pytest.mark.parametrize("host", ["203.0.113.10", "198.51.100.7", "192.0.2.1", "[2001:db8::1]"])
def test_an_address_reserved_for_documentation_is_an_example_not_a_private_network(host):
    """A false-alarm hunt (helper-77): a page's callback on an example address (RFC 5737, RFC 3849) was CE210, an
    error calling it a private network; `example.com` draws nothing either.  A private address still does."""
    assert not found(body({"event.notification.enabled": True,
                           "event.notification.callback.url": f"https://{host}/ce"}), "CE210")
    assert found(body({"event.notification.enabled": True, "event.notification.callback.url": "https://10.1.2.3/ce"}),
                 "CE210")


@pytest.mark.parametrize(("url", "reported"), [("https://hooks.acme.example/ce/events#sfdc", False),
                                               ("https://webhook.site/#!/3f2a-9c", True),
                                               ("https://acme.example/#/events", True),
                                               ("https://acme.example#events", True)])
def test_a_fragment_is_a_mistake_where_it_routes_the_address(url, reported):
    """helper-98: a label after the receiver's own path (`/ce/events#sfdc`) was CE202, an error, though the events
    reach that path; a hash route (`/#!/<id>`) or a fragment after no path is where they would not."""
    from validator.rules.notifications import callback_problem

    assert (callback_problem(url) is not None) is reported


def test_a_configuration_of_event_keys_alone_is_part_of_one_and_may_leave_the_callback_out():
    """helper-111: a page's "the right keys" snippet (event keys alone, no `configuration` wrapper) drew CE201, an error,
    where the same keys inside `{"configuration": ...}` (an update) passed."""
    from validator.engine import check

    bare = '{"event.notification.enabled": "true", "event.vendor.type": "polling", "event.poller.refresh_interval": "15"}'
    assert not [f for f in check(bare) if f.rule == "CE201"]
    assert not [f for f in check('{"configuration": ' + bare + '}') if f.rule == "CE201"]
    # a configuration with other keys too is a whole one: its events need the callback
    whole = '{"oauth.api.key": "${K}", "event.notification.enabled": true, "event.vendor.type": "polling"}'
    assert [f.rule for f in check(whole) if f.rule == "CE201"] == ["CE201"]


@pytest.mark.parametrize(("value", "flagged"), [("www.samplecallbackurl.com", True), ("mycoolapp.com/callback", True),
                                                ("localhost:3000/cb", True), ("https://mycoolapp.com/auth", False),
                                                ("<CALLBACK_URL>", False), ("${CALLBACK_URL}", False), ("", False)])
def test_an_oauth_callback_url_without_a_scheme(value, flagged):
    """helper-128: `"oauth.callback.url": "mycoolapp.com/callback"` passed; a redirect URI is absolute (RFC 6749
    3.1.2), and the provider compares it with the registered `https://...` one."""
    body = json.dumps({"element": {"key": "sageone"}, "name": "x", "configuration": {"oauth.callback.url": value}})
    hits = found(body, "CE209")
    assert bool(hits) == flagged, hits
    if flagged:
        assert hits[0].severity == "warning" and hits[0].fix is not None and hits[0].fix.applicability == "unsafe"
        from validator.engine import check
        from validator.fixes import fix_text

        fixed = fix_text(body, check, unsafe=True).text  # (helper-130: the edit was put at the file's start)
        assert json.loads(fixed)["configuration"]["oauth.callback.url"] == "https://" + value, fixed
        assert not found(fixed, "CE209")


@pytest.mark.parametrize(("value", "flagged"), [("/oauth/callback", True), ("/", True), ("//app.example.com/cb", False),
                                                ("https://app.example.com/oauth/callback", False)])
def test_an_oauth_callback_url_that_is_a_path(value, flagged):
    """A fresh-mistakes trial (helper-157): `"oauth.callback.url": "/oauth/callback"` passed, where a host without
    a scheme was reported: a redirect URI is absolute (RFC 6749 3.1.2)."""
    text = json.dumps({"element": {"key": "sageone"}, "name": "x", "configuration": {"oauth.callback.url": value}},
                      indent=2)
    hits = found(text, "CE209")
    assert bool(hits) == flagged, hits
    if flagged:
        (hit,) = hits
        assert (hit.line, hit.column) == position(text, value)
        assert hit.message == ("`oauth.callback.url` is a path, not a URL: the OAuth redirect URI must be absolute, "
                               "and the provider compares it with the registered one, `https://...`")
        assert hit.help == f"write the whole URL registered with the provider, `https://<your host>{value}`"


def test_a_localhost_callback_says_what_it_is_once():
    """helper-150: "the callback host `localhost` is the machine itself (localhost)" named localhost twice."""
    (finding,) = found(body({"event.notification.enabled": True,
                             "event.notification.callback.url": "https://localhost:8443/ce"}), "CE210")
    assert finding.message.count("localhost") == 1 and "the machine itself" in finding.message, finding.message


@pytest.mark.parametrize("misspelt", ["event.notification.callbackUrl", "event.notification.callback_url"])
def test_a_misspelt_callback_key_is_named_where_the_callback_is_missing(misspelt):
    """A fresh trial (helper-200): events enabled and the callback under `event.notification.callbackUrl` drew CE201
    "is missing" and the help "add ...", though the URL stood two lines below under a key one slip away; CE204 names
    a misspelt `enabled` key so."""
    text = body({"event.notification.enabled": True, misspelt: CALLBACK})
    (finding,) = found(text, "CE201")
    assert f"(`{misspelt}` is not that key: a typo?)" in finding.message
    assert finding.help == f'rename "{misspelt}" to "event.notification.callback.url"'
    (plain,) = found(body({"event.notification.enabled": True, "event.notification.url": CALLBACK}), "CE201")
    assert "typo" not in plain.message and plain.help.startswith("add ")  # (a key near no documented one: as before)


@pytest.mark.parametrize("value", ["TRUE ", " true", "true\t", "false "])
def test_a_switch_with_a_blank_around_it_is_no_switch_at_all(value):
    """helper-202: `"event.notification.enabled": "TRUE "` drew CE201 'events are enabled' (the value read stripped),
    and that error at the key hid CE104 at its value; Java's Boolean.parseBoolean reads it as false ("false " as
    false too, whose CE104 stood)."""
    text = json.dumps({"element": {"key": "closeio"}, "name": "x", "configuration": {
        "username": "${CLOSE_KEY}", "event.notification.enabled": value}}, indent=2)
    assert [(f.rule, f.pointer) for f in check(text)] == [("CE104", "/configuration/event.notification.enabled")]


@pytest.mark.parametrize(("value", "said", "help"), [
    # a fresh trial (h223): an interval in seconds, hours or as ISO 8601's duration was told 'such as "15"' (an hour
    # meant, `1h`, was told to poll every 15 minutes)
    ("900s", "900 seconds", 'write "15"'), ("900 seconds", "900 seconds", 'write "15"'), ("1h", "1 hour", 'write "60"'),
    ("2 hours", "2 hours", 'write "120"'), ("PT15M", "ISO 8601's 15 minutes", 'write "15"'),
    ("PT1H", "ISO 8601's 1 hour", 'write "60"'), ("90s", "90 seconds", 'such as "15"'),
    # (h227) hours past a Java int's minutes: no number the platform could hold is written
    ("99999999h", "99999999 hours", 'such as "15"'), ("PT40000000H", "ISO 8601's 40000000 hours", 'such as "15"'),
])
def test_an_interval_in_another_unit_is_told_in_minutes(value, said, help):
    text = body({"event.poller.refresh_interval": value})
    (finding,) = found(text, "CE206")
    assert f"is {json.dumps(value)}, {said}: the unit is always minutes" in finding.message, finding.message
    assert help in finding.help and finding.severity == "error"
