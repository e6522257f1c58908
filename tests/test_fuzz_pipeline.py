"""Property tests over the whole pipeline: random bodies, URLs built from the macro grammar's pieces, patterns.

Properties: no uncaught exception (and no CE099), every finding inside the file, findings
identical between runs.  The default suite runs a few hundred examples per property; the
long run is ``CE_FUZZ_EXAMPLES=20000 python -m pytest -m slow tests/test_fuzz_pipeline.py``.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from validator.engine import check

EXAMPLES = int(os.environ.get("CE_FUZZ_EXAMPLES", "150"))

LETTERS = "GyMdkHmsSEDFwWahKzZYuXL"
pattern_piece = st.one_of(
    st.builds(lambda c, n: c * n, st.sampled_from(LETTERS + "bTqx"), st.integers(1, 5)),
    st.sampled_from(["'T'", "'Z'", "''", "-", ":", ".", " ", "'", "/", "'o''clock'"]),
)
patterns = st.lists(pattern_piece, max_size=8).map("".join)
zones = st.sampled_from(["GMT", "UTC", "PST", "EST", "America/Denver", "-8:00", "+05:30", "{TimeZone}", "Bogus/Zone",
                         "", "BST", "IST", "GMT+5"])
macro = st.one_of(
    st.builds(lambda p: "${gmtDate:" + p + "}", patterns),
    st.builds(lambda p: "${date:" + p + "}", patterns),
    st.builds(lambda z, p: "${dateTimeZone:" + z + ":" + p + "}", zones, patterns),
    st.builds(lambda z, p: "${nowTimeZone:" + z + ":" + p + "}", zones, patterns),
    st.builds(lambda p: "${now:" + p + "}", patterns),
    st.sampled_from(["${epoch}", "${epoch:s}", "${epoch:ms}", "${epoch:us}", "${epoch:x}", "${milliseconds}",
                     "${date}", "${DateTimeZone:PST:yyyy}", "${yyyy-MM-dd}", "${518862600}", "${", "#{'$'}{gmtDate:y}",
                     "${}"]),
)
url_piece = st.one_of(
    macro,
    st.sampled_from(["/hubs/crm/contacts", "/hubs/finance/customers", "contacts", " /x", "?", "&", "where=", "'",
                     "=", ">=", " and ", " or ", "(", ")", "{id}", "}", "%20", "+", "like", " in ('a','b')",
                     "is null", "pageSize=5", "lastModifiedDate", "'Modified Time'", "\u2028", "\ud800",
                     "%253E", "==", "&"]),
)
urls = st.lists(url_piece, max_size=10).map("".join)
# Hostile inputs that once broke a rule (hardening, round 2) stay in the mix.
HOSTILE = ["9" * 5000, "x\ud800", "a\u2028b", "http://a.[com", "\x00", "-" + "9" * 30, "https;//x.example"]
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=20),
                         st.sampled_from(["true", "false", "15", "<minutes>", "xxxx", "${ENV_VAR}", "webhooks",
                                          *HOSTILE]))
entries = st.fixed_dictionaries(
    {"url": urls},
    optional={
        "idField": st.sampled_from(["id", "user.id", "['Modified Time']", "", "['x'", 5]),
        "datesConfiguration": st.fixed_dictionaries({}, optional={
            "updatedDateField": st.sampled_from(["updated_at", "", "a.b"]),
            "updatedDateFormat": st.one_of(patterns, st.sampled_from(["milliseconds", "timestamp", ""])),
            "updatedDateTimezone": zones,
            "createdDateField": st.sampled_from(["created_at", ""]),
            "createdDateFormat": patterns,
            "createdDateTimezone": zones,
            "createdCheckTolerance": st.integers(-5, 5),
        }),
        "filterByUpdatedDate": st.one_of(st.booleans(), st.just("false")),
        "pollDelay": st.integers(-5, 100),
        "createdCheckTolerance": json_scalars,
    },
)
pollers = st.dictionaries(st.sampled_from(["contacts", "accounts", "customers", "x y"]), entries, max_size=3)
configurations = st.fixed_dictionaries(
    {},
    optional={
        "event.notification.enabled": json_scalars,
        "event.notification.callback.url": st.sampled_from(["https://a.example/cb", "", None, "ftp://x", "false",
                                                            "http://a.[com", "http://localhost:8080/cb"]),
        "event.vendor.type": st.sampled_from(["polling", "webhook", "webhooks", "", 5]),
        "event.poller.refresh_interval": json_scalars,
        "oauth.api.secret": json_scalars,
        "event.poller.urls": st.builds(lambda u: "contacts|" + u + "|id|updated|yyyy|GMT|created|yyyy|GMT", urls),
    },
)


@st.composite
def bodies(draw):
    config = draw(configurations)
    poller = draw(pollers)
    if draw(st.booleans()):
        config["event.poller.configuration"] = json.dumps(poller) if draw(st.booleans()) else poller
    body = {"configuration": config}
    if draw(st.booleans()):
        body["element"] = {"key": draw(st.sampled_from(["sageone", "hubspot", "", "{{page.elementKey}}"]))}
    return body


def _assert_sane(text: str, findings) -> None:
    lines = text.split("\n")
    for f in findings:
        assert f.rule != "CE099", f
        assert 1 <= f.line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f, lines[f.line - 1][:200])
        assert (f.end_line, f.end_column) >= (f.line, f.column), f


fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.data_too_large])


@fuzz
@given(body=bodies(), indent=st.sampled_from([None, 0, 2, "\t"]), ascii_only=st.booleans())
def test_random_bodies(body, indent, ascii_only):
    text = json.dumps(body, indent=indent, ensure_ascii=ascii_only)
    first = check(text)
    _assert_sane(text, first)
    assert check(text) == first


@fuzz
@given(poller=pollers)
def test_random_bare_pollers(poller):
    text = json.dumps(poller, indent=1)
    findings = check(text, kind="poller")
    _assert_sane(text, findings)


@fuzz
@example(text="\x00{}")
@example(text='{"a": ' + "9" * 5000 + "}")
@given(text=st.lists(st.sampled_from(list('{}[]",:\'\\/ \n\tabc01-.eE') + ["“", "”", "\\u0027", "//", "NaN",
                                                                          "true", "null"]),
                     max_size=60).map("".join))
def test_random_near_json(text):
    findings = check(text, kind="instance")
    _assert_sane(text, findings)


@pytest.mark.slow
@settings(max_examples=max(EXAMPLES, 5000), deadline=None, suppress_health_check=list(HealthCheck))
@given(body=bodies(), indent=st.sampled_from([None, 2]))
def test_long_fuzz_run(body, indent):
    text = json.dumps(body, indent=indent)
    _assert_sane(text, check(text))
