"""The cheap tests masking makes before its costly scans: each must answer "nothing there" only where the scan it
spares finds nothing (compared with the scan on every corpus string and on generated ones), and must spare it."""

from __future__ import annotations

from typing import Any

import pytest

from validator import masking
from validator.lazy_pattern import ByScript
from validator.masking import find_secrets
from validator.source import load_source
from counting import CountedPattern, compiled_maps

# Pieces of texts a gate must not be fooled by: secret names (as CEQL fields and query parameters), the operators and
# blanks around them, quotes, encodings, the words of CEQL.
_PIECES = ["password", "apiKey", "api_key", "token", "secret", "code", "key", "sig", "owner", "where", "Where", "WHERE",
           "lastModifiedDate", "id", "x", "p", "_", "9", "0", ".", "-", "=", "==", "!=", "<>", "<", ">", ">=", "\u2265",
           "\u2260", " ", "\t", "'", '"', "(", ")", "like", "LIKE", "in", "IN", "gte", "lt", "eq", "ne", " and ", "?",
           "&", ";", "#", "/", "%20", "%27", "%3D", "%0A", "%28", "é", "\u212a", "Kq9vT3pLx8wZ2mN", "${x}", "u0", ","]


def _ceql_names(text: str) -> set[str]:
    """The names the CEQL patterns gated by :func:`masking._may_compare_a_credential` read in ``text``."""
    return set(masking._CEQL_FIELDS.findall(text)) | {match.group("name") for match in masking._CEQL_UNQUOTED.finditer(text)}


def _backwards_names(text: str) -> set[str]:
    return {name[::-1] for name in masking._CEQL_NAMES_BACKWARDS.findall(text[::-1])}


def _parameters_ungated(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[int, int]]]:
    with monkeypatch.context() as patched:
        patched.setattr(masking, "_may_compare_a_credential", lambda text: True)
        return _parameters(text)


def _parameters(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(match.group("name"), match.span("value")) for match in masking._parameters(text)]


def test_the_ceql_gate_reads_every_name_the_conditions_read(corpus_strings: list[str]) -> None:
    """Every name a CEQL pattern reads is one the backwards gate reads (a text without `%`), in every corpus string."""
    for text in corpus_strings:
        if "%" not in text:
            assert _ceql_names(text) <= _backwards_names(text), text


def test_the_ceql_gate_reads_every_name_in_generated_texts() -> None:
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=4000, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join))
    def covers(text: str) -> None:
        if "%" not in text:
            assert _ceql_names(text) <= _backwards_names(text)
        assert masking._may_compare_a_credential(text) or not any(
            masking._credential_field(name) for name in _ceql_names(text))

    covers()


def test_the_gated_parameters_are_the_ungated_ones(corpus_strings: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The parameters (and CEQL conditions) of every corpus string, with the gate and without it."""
    differ = [text for text in corpus_strings
              if masking._has_equals(text) and _parameters(text) != _parameters_ungated(text, monkeypatch)]
    assert differ == []


def test_the_gated_parameters_are_the_ungated_ones_in_generated_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join))
    def same(text: str) -> None:
        assert _parameters(text) == _parameters_ungated(text, monkeypatch)

    same()


def test_a_url_comparing_no_credential_is_not_scanned_for_conditions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A poller's URL whose filter names no credential (the most of them) costs no scan for CEQL conditions; one that
    names one is still read, and its value masked."""
    fields, unquoted = CountedPattern(masking._CEQL_FIELDS), CountedPattern(masking._CEQL_UNQUOTED)
    monkeypatch.setattr(masking, "_CEQL_FIELDS", fields)
    monkeypatch.setattr(masking, "_CEQL_UNQUOTED", unquoted)
    url = "/hubs/crm/contacts7?where=lastmodifieddate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and owner='u7'"
    assert masking._text_spans("url", url, False) == []
    assert (fields.scans, unquoted.scans) == (0, 0)
    url = "/hubs/crm/contacts?where=owner='u7' and password='Kq9vT3pLx8wZ2mN'"
    assert [url[start:end] for start, end in masking._text_spans("url", url, False)] == ["Kq9vT3pLx8wZ2mN"]
    assert fields.scans == 1


def _webhook_ungated(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    with monkeypatch.context() as patched:  # (every pattern's piece found in every text)
        patched.setattr(masking, "_WEBHOOK_SECRETS", tuple((("",), pattern) for _, pattern in masking._WEBHOOK_SECRETS))
        return list(masking._webhook_secrets(text))


_WEBHOOK_PIECES = ["https://", "hooks.slack.com", "HOOKS.Slack.COM", "hooks.zapier.com", "discord", "DiscordApp",
                   ".com", "/api", "/v9", "/webhooks/", "/services/", "T0123ABCD", "/B0456EFGH/", "Kq9vT3pLx8wZ2mNr",
                   "outlook.office.com", ".office365.com", "/webhook/", "/webhookb2/", "/IncomingWebhook/",
                   "hook.eu1.make.com/", "hook.integromat.com/", "maker.ifttt.com", "/trigger/", "/with/key/",
                   "\\/", "\\\\/", "%2F", "\\u002f", "1234567", "abcdefghijklmnopqrstuvwxyz012345", "é", "\u212a", " ",
                   '"', "hook", "ifttt"]


def test_the_webhook_pieces_spare_no_match(corpus_strings: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A webhook service's pattern is skipped in an ASCII text without its piece: the same tokens as with each pattern
    tried, in every corpus string and in generated ones (any case, escaped slashes)."""
    from hypothesis import given, settings, strategies as st

    assert [text for text in corpus_strings
            if list(masking._webhook_secrets(text)) != _webhook_ungated(text, monkeypatch)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_WEBHOOK_PIECES), max_size=16).map("".join),
           st.lists(st.booleans(), max_size=400))
    def same(text: str, upper: list[bool]) -> None:
        text = "".join(char.upper() if flip else char for char, flip in zip(text, upper + [False] * len(text)))
        assert list(masking._webhook_secrets(text)) == _webhook_ungated(text, monkeypatch)

    same()


def test_a_body_naming_a_webhook_is_not_scanned_for_every_service(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = tuple((pieces, CountedPattern(pattern)) for pieces, pattern in masking._WEBHOOK_SECRETS)
    monkeypatch.setattr(masking, "_WEBHOOK_SECRETS", counted)
    text = '{"configuration": {"event.vendor.type": "webhook", "event.notification.callback.url": "https://x.io/hook"}}'
    assert list(masking._webhook_secrets(text)) == []
    assert sum(pattern.scans for _, pattern in counted) == 0
    url = "https://hooks.slack.com/services/T0123ABCD/B0456EFGH/Kq9vT3pLx8wZ2mNr"
    assert [url[start:end] for start, end in masking._webhook_secrets(url)] == ["Kq9vT3pLx8wZ2mNr"]


class _CountedText(str):
    """A text that counts the substring tests made on it."""

    tests = 0

    def __contains__(self, piece: object) -> bool:
        type(self).tests += 1
        return super().__contains__(piece)  # type: ignore[operator]


def test_the_gates_grouped_by_a_character_are_the_gates_found(corpus_strings: list[str]) -> None:
    """A gate is looked for only in a text holding its group's character: the same gates found, in every corpus
    string; and every gate is in one group, whose character it holds."""
    from hypothesis import given, settings, strategies as st

    grouped = [gate for _, gates in masking._TABLE_GATE_GROUPS for gate in gates]
    assert sorted(grouped) == sorted(masking._TABLE_GATES)
    assert all(char in gate for char, gates in masking._TABLE_GATE_GROUPS for gate in gates)

    def found(text: str) -> frozenset[str]:
        return frozenset(gate for char, gates in masking._TABLE_GATE_GROUPS if char in text
                         for gate in gates if gate in text)

    assert [text for text in corpus_strings
            if found(text) != frozenset(gate for gate in masking._TABLE_GATES if gate in text)] == []

    @settings(max_examples=2000, deadline=None)
    @given(st.lists(st.sampled_from([*masking._TABLE_GATES, " ", "x", "(", "'"]), max_size=8).map("".join))
    def same(text: str) -> None:
        assert found(text) == frozenset(gate for gate in masking._TABLE_GATES if gate in text)

    same()


def test_a_plain_body_costs_few_substring_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body holding none of the gates' rarer characters (`(`, `$`, a backtick...) is not searched for the gates
    under them (69 gates were 69 searches of every text).  (The issued tokens' beginnings, looked for so, are counted
    apart: they spare a scan of sixty shapes.)"""
    text = _CountedText('{"element": {"key": "box"}, "name": "box", "configuration": {"event.notification.enabled": true}}')
    beginnings = masking._issued_token_beginnings
    _CountedText.tests = 0
    assert beginnings(text) == frozenset()
    assert _CountedText.tests <= 20  # (15 characters, and the 5 beginnings under those of them the body holds)
    monkeypatch.setattr(masking, "_issued_token_beginnings", lambda pieces: frozenset())
    _CountedText.tests = 0
    set(masking._scan_text(text, frozenset()))
    assert _CountedText.tests <= 95  # (110 when each gate was looked for)


_USERINFO_PIECES = ["https://", "//", "\\/\\/", "user", "admin", ":", "::", "@", "@@", "p@ss", "Kq9vT3pLx8wZ", "host",
                    ".example.com", "/", " ", "\t", "'", '"', "\\", "?", "#", "%40", "mailto:", "ops@x.io", "é", "a" * 50]


def _userinfo_ungated(text: str, monkeypatch: pytest.MonkeyPatch, *, decoded: bool = False) -> list[tuple[int, int]]:
    with monkeypatch.context() as patched:
        patched.setattr(masking, "_USERINFO_GATE_BACKWARDS", masking.LazyPattern(""))  # (found in every text)
        return masking._userinfo_spans(text, decoded=decoded)


def test_the_userinfo_gate_spares_no_password(corpus_strings: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A text whose `@`s have no colon before them in a password's reach is not scanned for `user:password@`: the same
    passwords as with the scan, in every corpus string and in generated ones."""
    from hypothesis import given, settings, strategies as st

    assert [text for text in corpus_strings if "@" in text
            and masking._userinfo_spans(text) != _userinfo_ungated(text, monkeypatch)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_USERINFO_PIECES), max_size=20).map("".join))
    def same(text: str) -> None:
        assert masking._userinfo_spans(text) == _userinfo_ungated(text, monkeypatch)
        assert masking._userinfo_spans(text, decoded=True) == _userinfo_ungated(text, monkeypatch, decoded=True)

    same()


def test_an_email_costs_no_userinfo_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    userinfo = CountedPattern(masking._USERINFO)
    monkeypatch.setattr(masking, "_USERINFO", userinfo)
    assert masking._userinfo_spans('{"email": "ops@example.com", "url": "https://example.com/x"}') == []
    assert userinfo.scans == 0
    url = "https://admin:Kq9vT3pLx8wZ@db.example.com/x"
    assert [url[start:end] for start, end in masking._userinfo_spans(url)] == ["Kq9vT3pLx8wZ"]


def test_a_value_that_cannot_overlap_itself_costs_no_reading_of_its_period(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding a secret's copies reads the value's period (a Python loop over its characters) only for a value found
    that may overlap a copy of itself: one whose first character comes back in it (most tokens' does not)."""
    read: list[str] = []
    period = masking._period
    monkeypatch.setattr(masking, "_period", lambda form: read.append(form) or period(form))
    text = "a=Kq9vT3pLx8wZ2mN b=Kq9vT3pLx8wZ2mN"
    assert list(masking._occurrences(text, "Kq9vT3pLx8wZ2mN")) == [(2, 17), (20, 35)]
    assert list(masking._occurrences(text, "Zz9vT3pLx8wZ2mN")) == []
    assert read == []
    assert list(masking._occurrences("x abababab y", "abab")) == [(2, 10)]  # (a periodic run: one span)
    assert read == ["abab"]


_HELD_PIECES = ["password", "PASSWORD", "Password", "pAsSwOrD", " ", "\t", "\n", "with ", "WITH", "set ", "SET", "for u",
                "encrypted", "login", "machine h", "default", "account", "'", '"', "=", "(", "\\", "Kq9vT3pLx8wZ", "é",
                "\u017f", "\u212a", "_"]


def test_what_a_match_holds_spares_no_match(corpus_strings: list[str]) -> None:
    """A text without what each match of a pattern holds (`[ \\t]password`, in any case) is not scanned with it: no text
    so spared holds a match, in every corpus string and in generated ones."""
    from hypothesis import given, settings, strategies as st

    def spared_a_match(text: str) -> bool:
        return any(not masking._may_match(pattern, text) and pattern.search(text) is not None
                   for pattern in masking._MATCHES_HOLD)

    assert [text for text in corpus_strings if spared_a_match(text)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_HELD_PIECES), max_size=16).map("".join))
    def spares_none(text: str) -> None:
        assert not spared_a_match(text)

    spares_none()


def test_a_body_with_a_password_key_costs_no_scan_for_sql_or_netrc_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """`password` (a key of a quarter of the bodies) and `default` gate the SQL and `.netrc` patterns, which read a
    password after a blank: a body writing it only as a key is not scanned with them; SQL's is still masked."""
    scans: list[str] = []
    for name in ("_SQL_PASSWORD", "_NETRC_LINE"):
        pattern = getattr(masking, name)
        monkeypatch.setattr(pattern, "finditer", lambda text, name=name, scan=pattern.compiled.finditer:
                            scans.append(name) or scan(text))
    body = '{"configuration": {"password": "<INSERT_PASSWORD>", "default": "x"}, "name": "a"}'
    assert set(masking._scan_text(body, frozenset())) == set()
    assert scans == []
    text = "CREATE USER ops WITH PASSWORD 'Kq9vT3pLx8wZ'; -- password"
    assert {text[start:end] for start, end in masking._scan_text(text, frozenset(), broken=True)} == {"Kq9vT3pLx8wZ"}
    assert "_SQL_PASSWORD" in scans


_NAME_TEXT_PIECES = ["password", "PASSWORD", "Pass", "pw", "PWD", "api key", "API_KEY", "Key", "secret", "Secret",
                     "client_secret", "token", "TOKEN", "access-token", "passphrase", " ", "\t", ":", "=", " is ", " - ",
                     "**", "`", "Kq9vT3pLx8wZ", "the", "é", "\u017f", "\u212a"]


def test_a_text_naming_no_secret_spares_no_named_value(corpus_strings: list[str]) -> None:
    """An ASCII text holding no piece of the English names of a secret (`key`, `secret`, `pass`, `pw`, `token`, in
    any case) holds no match of the patterns that read a value after one: in every corpus string and generated one."""
    from hypothesis import given, settings, strategies as st

    def spared_a_match(text: str) -> bool:
        return text.isascii() and not any(piece in text.lower() for piece in masking._NAME_PIECES) and (
            masking._NAMED_SECRET.search(text) is not None or masking._PASSWORD_AFTER_A_BLANK.search(text) is not None)

    assert [text for text in corpus_strings if spared_a_match(text)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_NAME_TEXT_PIECES), max_size=16).map("".join))
    def spares_none(text: str) -> None:
        assert not spared_a_match(text)

    spares_none()


def test_a_description_naming_no_secret_costs_no_scan_for_named_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """A string with blanks (a description: most strings the walk reads in prose) that names no secret is not scanned
    for a value after a secret's name; one that names one still is, and its value masked."""
    named, after_a_blank = CountedPattern(masking._NAMED_SECRET), CountedPattern(masking._PASSWORD_AFTER_A_BLANK)
    monkeypatch.setattr(masking, "_NAMED_SECRET", named)
    monkeypatch.setattr(masking, "_PASSWORD_AFTER_A_BLANK", after_a_blank)
    assert list(masking._named_in_text("Polls the contacts of the CRM every 5 minutes, id: 42")) == []
    assert (named.scans, after_a_blank.scans) == (0, 0)
    text = "rotated on Monday, API key: Kq9vT3pLx8wZ2mN"
    assert [text[start:end] for start, end in masking._named_in_text(text)] == ["Kq9vT3pLx8wZ2mN"]
    assert (named.scans, after_a_blank.scans) == (1, 1)


def test_a_long_key_not_shaped_as_a_secret_costs_no_question_about_its_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """A member whose key and value may be swapped (`"<the secret>": "signature.secret"`) is told by the key's shape
    first: the value of a long key shaped as none (`"event.vendor.type": "polling"`, in every body) is not asked about
    as a key (a first question costs the whole vocabulary's reading); a swapped pair is still found."""
    asked: list[str] = []
    is_secret = masking._is_secret
    monkeypatch.setattr(masking, "_is_secret", lambda key, extra: asked.append(key) or is_secret(key, extra))
    assert not masking._swapped_with_its_key("event.vendor.type", "polling", frozenset())
    assert asked == []
    assert masking._swapped_with_its_key("Kq9vT3pLx8wZ2mN", "signature.secret", frozenset())
    body = '{"configuration": {"event.vendor.type": "polling", "Kq9vT3pLx8wZ2mN": "signature.secret"}}'
    source = load_source(body)
    assert {body[start:end] for start, end in find_secrets(source).spans} == {"Kq9vT3pLx8wZ2mN"}


_COMMENT_PIECES = ["// ", "#", "/* ", " */", "\n", " ", "password", "API", "key", "access", "token", "is", ":", "=",
                   "Kq9vT3pLx8wZ", "Hunter2Prod99", "ops / ", '"', ",", "{", "}", "x" * 290, "é", "9", "_", ".", "-"]


def _commented_unlined(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    with monkeypatch.context() as patched:  # (every word of the text asked about, as each once was)
        patched.setattr(masking, "_comment_lines", lambda text: [(0, len(text))])
        return list(masking._commented_secrets(text, frozenset()))


def test_the_words_asked_about_on_comment_lines_spare_no_commented_secret(corpus_strings: list[str],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the words on a comment's line (up to its end) are asked whether they name a secret: the same secrets as
    when every word of the text was asked about, in every corpus string and in generated ones."""
    from hypothesis import given, settings, strategies as st

    assert [text for text in corpus_strings
            if list(masking._commented_secrets(text, frozenset())) != _commented_unlined(text, monkeypatch)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_COMMENT_PIECES), max_size=30).map("".join))
    def same(text: str) -> None:
        assert list(masking._commented_secrets(text, frozenset())) == _commented_unlined(text, monkeypatch)

    same()


def test_a_word_on_no_comment_line_is_not_asked_whether_it_names_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken body with one comment costs questions about the words of that comment's line, not about each word of
    the body (a page of prose with a comment asked about each of its thousands); a secret commented is still found."""
    asked: list[str] = []
    is_secret = masking._is_secret
    monkeypatch.setattr(masking, "_is_secret", lambda key, extra: asked.append(key) or is_secret(key, extra))
    text = '{"name": "box", "tags": ["crm", "sales"],\n "debug": true // old password Kq9vT3pLx8wZ\n}'
    assert {text[start:end] for start, end in masking._commented_secrets(text, frozenset())} == {"Kq9vT3pLx8wZ"}
    assert "tags" not in asked and "sales" not in asked and "password" in asked


def test_an_object_with_a_name_and_no_value_costs_no_question_about_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The label of a name/value pair (`{"name": "X-Api-Key", "value": ...}`) is asked about only in an object holding
    a value it may name: not the body's own `name` (an instance's, new in each body); a pair's value is still masked."""
    asked: list[str] = []
    is_secret = masking._is_secret
    monkeypatch.setattr(masking, "_is_secret", lambda key, extra: asked.append(key) or is_secret(key, extra))
    body = '{"name": "Acme CRM (staging)", "element": {"key": "acmecrm"}, "configuration": {"base.url": "https://x.io"}}'
    assert find_secrets(load_source(body)).spans == ()
    assert "Acme CRM (staging)" not in asked and "acmecrm" not in asked
    body = '{"headers": [{"name": "X-Api-Key", "value": "Kq9vT3pLx8wZ2mN"}]}'
    assert {body[start:end] for start, end in find_secrets(load_source(body)).spans} == {"Kq9vT3pLx8wZ2mN"}


def test_the_places_of_a_variable_s_definitions_are_listed_once_not_once_a_header(monkeypatch) -> None:
    """h197: each part of each header listed the places of all its variable's definitions to bisect them, so a page
    setting `U` and sending a header naming it, both 12,000 times (420 KB), took 12 s in platform_credentials (counted
    here, not timed: the lists bisected are the same one)."""
    from validator import masking

    seen: list[object] = []
    bisect = masking.bisect_left

    def counting(seq, *args, **kwargs):
        seen.append(seq)  # (kept: no list's id is reused)
        return bisect(seq, *args, **kwargs)

    monkeypatch.setattr(masking, "bisect_left", counting)
    text = "U=Zq8wLm2Nc7VbXk3Pq9\n" * 50 + "User $U, Organization $U\n" * 50
    assert masking.platform_credentials(text) == [(21 * 49 + 2, 21 * 49 + 20)]  # (the last one set before them)
    assert len({id(seq) for seq in seen}) == 1, len({id(seq) for seq in seen})


_HEADER_PIECES = ["User", "user", "USER", "Organization", "organizations", "ORGANIZATION", "Element", "element", ":", " ",
                  "\t", "\\", "`", "\n", "\r\n", ",", "\"", "'", "+", "Zq8wLm2Nc7VbXk3Pq9", "${U}", "<org>", "x", "é",
                  "\u0130", "\u017f", "Authorization: "]


def _platform_ungated(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    with monkeypatch.context() as patched:
        patched.setattr(masking, "_may_hold_a_header_part", lambda text: True)
        return masking.platform_credentials(text)


def test_the_header_part_gate_spares_no_credential(corpus_strings: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A text where no part's name (`user`, `organization`, `element`, any case) is followed by what follows one in a
    header (`:`, a blank, a line's continuation) is not scanned for the platform's header: the same credentials as
    with the scan, in every corpus string and in generated ones."""
    from hypothesis import given, settings, strategies as st

    assert [text for text in corpus_strings
            if masking.platform_credentials(text) != _platform_ungated(text, monkeypatch)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_HEADER_PIECES), max_size=16).map("".join))
    def same(text: str) -> None:
        assert masking.platform_credentials(text) == _platform_ungated(text, monkeypatch)

    same()


def test_a_body_naming_organizations_costs_no_scan_for_the_platform_header(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body with an `organizations` resource or a hub's description ("manage contacts, organizations and ...") is not
    scanned for `User ..., Organization ...` (nor the pattern compiled for it); a header is still found."""
    header = CountedPattern(masking._CE_AUTHORIZATION)
    monkeypatch.setattr(masking, "_CE_AUTHORIZATION", header)
    body = ('{"organizations": {"url": "/hubs/general/organizations"}, "description": "manage users, organizations and '
            'elements", "element": {"key": "box"}}')
    assert masking.platform_credentials(body) == []
    assert header.scans == 0
    text = "Authorization: User Zq8wLm2Nc7VbXk3Pq9, Organization Pf6Rt2Xq9Lm4Wz8Kd3"
    assert [text[start:end] for start, end in masking.platform_credentials(text)] == ["Zq8wLm2Nc7VbXk3Pq9",
                                                                                     "Pf6Rt2Xq9Lm4Wz8Kd3"]
    assert header.scans == 1


def test_a_webhook_url_key_costs_no_scan_for_make_s_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """`hook.` is in every `webhook.url` key: Make's pattern (`hook.eu1.make.com/<token>`) is scanned for only in a text
    naming its hosts, `make.com` or `integromat.com`; its token is still masked."""
    counted = tuple((pieces, CountedPattern(pattern)) for pieces, pattern in masking._WEBHOOK_SECRETS)
    monkeypatch.setattr(masking, "_WEBHOOK_SECRETS", counted)
    body = '{"configuration": {"event.notification.webhook.url": "https://x.io/in"}}'
    assert list(masking._webhook_secrets(body)) == []
    assert sum(pattern.scans for _, pattern in counted) == 0
    url = "https://hook.eu1.make.com/Kq9vT3pLx8wZ2mNrXy"
    assert [url[start:end] for start, end in masking._webhook_secrets(url)] == ["Kq9vT3pLx8wZ2mNrXy"]


_ELSEWHERE_PIECES = ["your", "YOUR", "Your", "\u0177our", "_", "-", " ", "api", "key", "own", "${", "$", "{", "{{", "}",
                     "}}", "%", "(", ")", "s", "secrets.", "env", "Env:", "X", "SAGE_KEY", ",", "vault:", "arn:aws:",
                     "secretsmanager:", "ssm:", "op://", "projects/", "p1", "/secrets/", "sage#key", "\t", "\n",
                     "Kq9vT3pLx8wZ", "?", ":", "\u017f", "\u212a", "é"]


def test_what_the_forms_of_a_value_got_elsewhere_start_with_spares_no_match(corpus_strings: list[str]) -> None:
    """A value is matched against `your-api-key`, `${X}`, a secret store's address and `(user, password)` only when it
    starts as each of them does: every match of each, in every corpus string and generated one, starts so."""
    from hypothesis import given, settings, strategies as st

    def spared_a_match(value: str) -> bool:
        stripped = value.strip()
        return (masking._YOUR_SOMETHING.fullmatch(stripped) is not None and stripped[:1] not in ("y", "Y")) \
            or (masking._REFERENCE_FORMS.fullmatch(stripped) is not None
                and stripped[:1] not in masking._REFERENCE_STARTS) \
            or (masking._SECRET_STORE.fullmatch(stripped) is not None
                and not stripped.startswith(masking._SECRET_STORE_STARTS)) \
            or (masking._CODE_TUPLE.fullmatch(stripped) is not None and stripped[:1] != "(")

    assert [text for text in corpus_strings if spared_a_match(text)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_ELSEWHERE_PIECES), max_size=10).map("".join))
    def spares_none(value: str) -> None:
        assert not spared_a_match(value)

    spares_none()


def test_a_plain_value_is_matched_against_no_form_of_a_value_got_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """A secret key's value that starts as none of the forms does (most of them: a placeholder, a mask, a word) costs
    no match against them, nor their compiling; each form is still read where a value starts as it does."""
    names = ("_YOUR_SOMETHING", "_REFERENCE_FORMS", "_SECRET_STORE", "_CODE_TUPLE")
    counted = {name: CountedPattern(getattr(masking, name)) for name in names}
    for name, pattern in counted.items():
        monkeypatch.setattr(masking, name, pattern)
    assert not masking._gets_it_elsewhere("xxxxxxxxxxxxxxxx")
    assert not masking._gets_it_elsewhere("Kq9vT3pLx8wZ2mN")
    assert {name: pattern.matches for name, pattern in counted.items()} == dict.fromkeys(names, 0)
    assert masking._gets_it_elsewhere("your-api-key") and masking._gets_it_elsewhere("${SAGE_API_SECRET}")
    assert masking._gets_it_elsewhere("vault:secret/sage#key") and masking._gets_it_elsewhere("(username, password)")
    assert masking.names_a_secret_store(" op://Prod/Sage/apim ") and not masking.names_a_secret_store("Kq9vT3pLx8wZ")


_USER_KEY_PIECES = ["user", "User", "USER", "name", "Name", "_", ".", "-", "login", "Login", "LOGIN", "id", "Id", "key",
                    "Key", "keys", "auth", "AUTH", "jwt", "totp", "OTP", "mfa", "api", "x", "\u017f", "\u0130", "\u0131",
                    "\u212a", "é", "\n", " "]


def test_the_pieces_of_a_username_key_spare_no_match(corpus_strings: list[str]) -> None:
    """A key is searched for a username's or a key's name (`login_name`, `mailchimp_key`) only when it holds a piece of
    one: the same answers as the searches' alone, for every corpus string and generated key (the letters that fold
    to ASCII ones, `ſ`, `İ`, `K`, too)."""
    from hypothesis import given, settings, strategies as st

    def searched(key: str) -> tuple[bool, bool]:
        login = masking._USERNAME_KEY.search(key) is not None
        return login, login or masking._SHAPE_DECIDES.search(key) is not None

    def asked(key: str) -> tuple[bool, bool]:
        return masking._names_a_login.__wrapped__(key), masking._names_a_user.__wrapped__(key)

    assert [key for key in corpus_strings if asked(key) != searched(key)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_USER_KEY_PIECES), max_size=8).map("".join))
    def same(key: str) -> None:
        assert asked(key) == searched(key)

    same()


def test_a_key_naming_no_user_costs_no_search_for_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The keys of a body are asked whether they name a username (each once: 300 corpus bodies ask about 500): one
    holding no `user`, `login`, `key`, `auth`... is not searched; one holding one still is."""
    login, shape = CountedPattern(masking._USERNAME_KEY), CountedPattern(masking._SHAPE_DECIDES)
    monkeypatch.setattr(masking, "_USERNAME_KEY", login)
    monkeypatch.setattr(masking, "_SHAPE_DECIDES", shape)
    assert not masking._names_a_user.__wrapped__("pollingIntervalInMinutes")
    assert not masking._names_a_login.__wrapped__("event.vendor.type")
    assert (login.searches, shape.searches) == (0, 0)
    assert masking._names_a_login.__wrapped__("sage.login.name") and masking._names_a_user.__wrapped__("mailchimp_key")
    assert not masking._names_a_user.__wrapped__("userCount")


def test_the_blank_a_key_s_shape_refuses_is_any_blank() -> None:
    """A username value with a blank in it has no key's shape: the blank looked for in C is any character
    str.isspace() calls one (a no-break space, a line separator)."""
    blanks = [chr(code) for code in range(0x3000 + 1) if chr(code).isspace()]
    assert all(masking._SPACE.search(char) for char in blanks)
    assert not any(masking._SPACE.search(chr(code)) for code in range(0x3000 + 1) if not chr(code).isspace())
    assert masking._key_shaped("api_Kq9vT3pLx8wZ2mN4rT6y") and not masking._key_shaped("api_Kq9vT3pLx8\u2028wZ2mN4rT6y")


def test_finding_a_body_s_secrets_imports_nothing_once_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """An import statement inside a function runs the import machinery at each call (3 to 6 us, a poller's value by
    value): the masking of a body, and CE751's reading of a URL's credential, import nothing once their modules are
    loaded (the first body may load what the rest need)."""
    import builtins

    from validator.rules import secrets as secret_rule

    def body(n: int) -> str:
        return ('{"configuration": {"oauth.api.secret": "Pf6Rt2Xq9Lm4Wz8K%d", "sage.api.key": "<SAGE_API_KEY_%d>", '
                '"notes": "rotated Pf6Rt2Xq9Lm4Wz8K%d", "url": "https://x.io/a?api_key=Kq9vT3pLx8wZ2mN%d"}}' % (n, n, n, n))

    find_secrets(load_source(body(1)))
    assert secret_rule._real_in_url("Kq9vT3pLx8wZ2mN1", "api_key")
    imported: list[str] = []
    real_import = builtins.__import__

    def counting(name: str, *args: Any, **kwargs: Any) -> Any:
        imported.append(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", counting)
    found = find_secrets(load_source(body(2)))
    assert secret_rule._real_in_url("Kq9vT3pLx8wZ2mN2", "api_key")
    monkeypatch.undo()
    assert imported == []
    assert "Pf6Rt2Xq9Lm4Wz8K2" in found.values


_TOKEN_PIECES = ["AKIA", "ghp_", "gh", "github_pat_", "glpat-", "xoxb-", "sk_live_", "sk-", "SG.", "do", "dop_v1_", "pat",
                 "SK", "hvs.", "EAA", "sl.", "key-", "1//0", "secret_", "0123456789abcdef", "Kq9vT3pLx8wZ2mN", "ZZZZZZZZ",
                 "a", "_", "-", ".", " ", "/", "\n", "=", "é"]


def _every_shape() -> Any:
    return masking._issued_token_pattern(frozenset(beginning for beginning, _ in masking._ISSUED_TOKEN_SHAPES))


def test_the_issued_tokens_of_the_beginnings_a_text_holds_are_those_of_every_shape(corpus_strings: list[str]) -> None:
    """A text is scanned for the issued tokens whose beginning it holds, found in the groups of their rarest character:
    the same tokens as the pattern of every shape finds, in every corpus string and in generated ones."""
    from hypothesis import given, settings, strategies as st

    every_shape = _every_shape()
    grouped = [beginning for _, beginnings in masking._ISSUED_TOKEN_GROUPS for beginning in beginnings]
    assert sorted(grouped) == sorted(beginning for beginning, _ in masking._ISSUED_TOKEN_SHAPES)

    def same(text: str) -> bool:
        beginnings = masking._issued_token_beginnings(text)
        assert beginnings == {beginning for beginning, _ in masking._ISSUED_TOKEN_SHAPES if beginning in text}
        found = [m.span("value") for m in masking._issued_token_pattern(beginnings).finditer(text)] if beginnings else []
        return found == [m.span("value") for m in every_shape.finditer(text)]

    assert [text for text in corpus_strings if not same(text)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=30).map("".join))
    def generated(text: str) -> None:
        assert same(text)

    generated()


def test_a_text_is_scanned_for_the_issued_tokens_whose_beginning_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sixty shapes of issued tokens were one pattern, compiled for each run (a third of masking's compiling) and
    tried at nearly every character of every text: a body holding no token's beginning is scanned with none, one
    holding `do` (`documents`) with the shapes that begin so only; a token is still found."""
    asked: list[frozenset[str]] = []
    pattern = masking._issued_token_pattern
    monkeypatch.setattr(masking, "_issued_token_pattern", lambda beginnings: asked.append(beginnings) or pattern(beginnings))
    body = '{"element": {"key": "box"}, "name": "box", "configuration": {"event.notification.enabled": true}}'
    assert list(masking._issued_tokens(body, body)) == []
    assert asked == []
    body = '{"configuration": {"event.poller.urls": "/files?path=/documents"}}'
    assert list(masking._issued_tokens(body, body)) == []
    assert asked == [{"do", "pat"}]
    text = "old key ghp_Kq9vT3pLx8wZ2mNr4Tq9vT3pLx8wZ2mNr4Tq9 in documents"
    assert [text[start:end] for start, end in masking._issued_tokens(text, text)] == ["ghp_Kq9vT3pLx8wZ2mNr4Tq9vT3pLx8wZ2mNr4Tq9"]
    assert asked[-1] == {"gh", "do"}


def test_a_text_beyond_ascii_is_folded_as_the_regex_engine_reads_a_name_in_any_case() -> None:
    """Each character the regex engine reads as a letter of a secret's name, in any case (`ſ` as `s`, `İ` as `i`, `Σ`
    as `ς`), is folded to what that letter folds to, also after a letter (`ΟΣ` lowers to `ος`); a name's space is read
    as a blank, `_` or `-`: a folded text holding no name holds no match."""
    import re

    from validator.vocabulary.secrets import PROSE_SECRET_NAMES

    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    letters = {char for name in (*PROSE_SECRET_NAMES, *masking._NAME_PIECES) for char in name.lower() if char.isalpha()}
    for letter in letters:
        for char in re.findall("(?i)" + re.escape(letter), every):
            assert masking._folded(char) == masking._folded("a" + char)[1:] == masking._folded(letter), (letter, char)
    assert {masking._folded(blank) for blank in " _-"} == {" "}
    assert not any(char.isascii() for char in re.findall("(?i)[" + "".join(
        char for char in letters if not char.isascii()) + "]", every))  # (no name beyond ASCII matches an ASCII text)


_SCRIPT_PIECES = ["password", "PASSWORD", "Pa\u017f\u017fword", "pw", "PWD", "api key", "API_KEY", "\u212aey", "secret",
                  "client_secret", "token", "passwort", "contrase\u00f1a", "mot de passe", "mot_de_passe", "\u043f\u0430\u0440\u043e\u043b\u044c",
                  "\u041f\u0410\u0420\u041e\u041b\u042c", "\u03ba\u03c9\u03b4\u03b9\u03ba\u03cc\u03c2", "\u039a\u03a9\u0394\u0399\u039a\u038c\u03a3",
                  "\u03ba\u03c9\u03b4\u03b9\u03ba\u03cc\u03c3", "\u30d1\u30b9\u30ef\u30fc\u30c9", "\u0130", "\u0131", " ", "\t", ":", "=",
                  "\uff1a", " is ", " ist ", " \u00e8 ", " to ", " - ", " \u2013 ", "\u306f", "\u00ab", "\u201c", "\u201d", "\u00bb", " for the prod ",
                  "**", "`", "Kq9vT3pLx8wZ", "Kq9v\u201cT3pLx8wZ", "the", "\u00e9", "\u2019s"]


def test_the_named_values_of_a_text_are_those_the_wide_patterns_find(corpus_strings: list[str]) -> None:
    """An ASCII text is read with the narrow forms of the patterns reading a value after a secret's name, and a text
    beyond ASCII with the wide ones only when, folded, it holds a name: the same matches as the wide patterns find,
    in every corpus string and in generated ones."""
    from hypothesis import given, settings, strategies as st

    patterns = (masking._NAMED_SECRET, masking._NAMED_FOR_SECRET, masking._NAMED_SECRET_ABROAD)

    def spans(pattern: Any, text: str) -> list[tuple[tuple[int, int], ...]]:
        return [(match.span(), match.span("name"), match.span("value")) for match in pattern.finditer(text)]

    def same(text: str) -> bool:
        if text.isascii():
            return all(spans(pattern.narrow, text) == spans(pattern.wide, text) for pattern in patterns)
        folded = masking._folded(text)
        named = any(piece in folded for piece in masking._NAME_PIECES)
        abroad = any(name in folded for name in masking._ABROAD_FOLDED)
        return (named or not spans(masking._NAMED_SECRET.wide, text) and not spans(masking._NAMED_FOR_SECRET.wide, text)
                and masking._PASSWORD_AFTER_A_BLANK.search(text) is None) \
            and (abroad or not spans(masking._NAMED_SECRET_ABROAD.wide, text))

    assert [text for text in corpus_strings if not same(text)] == []

    @settings(max_examples=4000, deadline=None)
    @given(st.lists(st.sampled_from(_SCRIPT_PIECES), max_size=12).map("".join))
    def generated(text: str) -> None:
        assert same(text)

    generated()


def test_a_text_is_read_for_named_values_with_the_patterns_of_its_script(monkeypatch: pytest.MonkeyPatch) -> None:
    """The patterns reading a value after a secret's name hold full-width colons, particles, curly quotes: a class
    holding one compiles to a map of 65,536 characters (2 M instructions; nine in these patterns).  An ASCII text
    is read with their narrow forms, which have none; a description beyond ASCII (`GoodData’s platform...`) naming no
    secret is read with none of them; one naming a secret still is, and its value masked."""
    counted = {}
    for name in ("_NAMED_SECRET", "_NAMED_FOR_SECRET", "_NAMED_SECRET_ABROAD"):
        for form in ("wide", "narrow"):
            counted[name, form] = CountedPattern(getattr(getattr(masking, name), form))
            monkeypatch.setattr(getattr(masking, name), form, counted[name, form])
    text = "rotated on Monday, API key: Kq9vT3pLx8wZ2mN"
    assert [text[start:end] for start, end in masking._named_in_text(text)] == ["Kq9vT3pLx8wZ2mN"]
    narrow = {("_NAMED_SECRET", "narrow"), ("_NAMED_FOR_SECRET", "narrow")}
    assert {key for key, pattern in counted.items() if pattern.scans} == narrow
    assert list(masking._named_in_text("GoodData\u2019s cloud-based, multi-tenant platform can deliver reports")) == []
    assert {key for key, pattern in counted.items() if pattern.scans} == narrow
    text = "Das Passwort lautet \u201eKq9vT3pLx8wZ2mN\u201c"
    assert [text[start:end] for start, end in masking._named_in_text(text)] == ["Kq9vT3pLx8wZ2mN"]
    assert counted["_NAMED_SECRET_ABROAD", "wide"].scans == 1


_ASCII_PIECES = ['"', "'", "`", "\r", "\n", "\t", " ", "?", "&", ";", ":", "=", "=>", "!", "<", ">", "<>", "_", ".", "-",
                 "/", "//", "\\", "\\/\\/", "|", ",", "{", "}", "[", "]", "@", "%40", "#", "user", "UserName", "login_id",
                 "LOGIN", "https", "key", "API Key", "password", "pwd", "secret", "token", "your", "Your_API_key", "own",
                 " is ", " to ", " for the prod ", "Kq9vT3pLx8wZ", "x", "9", "12345", "\x1c", "\x1f", "s", "k", "i"]


def _by_script() -> list[Any]:
    return [value for value in vars(masking).values() if isinstance(value, ByScript)]


def test_the_narrow_form_of_a_pattern_finds_what_the_wide_one_finds_in_an_ascii_text(corpus_strings: list[str]) -> None:
    """An ASCII text is read with the narrow form of a pattern (no character past ASCII, or ASCII's letter cases): the
    same matches, groups and all, as its wide form finds, in every corpus string (reversed too for the names read
    backwards) and in generated ones."""
    from hypothesis import given, settings, strategies as st

    patterns = _by_script()
    assert len(patterns) >= 13

    def regs(match: Any) -> Any:
        return None if match is None else match.regs

    def found(pattern: Any, text: str) -> list[Any]:
        return [match.regs for match in pattern.finditer(text)]

    def same(pattern: Any, text: str) -> bool:
        return found(pattern.narrow, text) == found(pattern.wide, text)

    ascii_strings = [text for text in corpus_strings if text.isascii()]
    assert [text for text in ascii_strings for pattern in patterns if not same(pattern, text)] == []
    backwards = masking._CEQL_NAMES_BACKWARDS
    assert [text for text in ascii_strings if not same(backwards, text[::-1])] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_ASCII_PIECES), max_size=24).map("".join))
    def generated(text: str) -> None:
        for pattern in patterns:
            assert same(pattern, text)
            assert regs(pattern.narrow.search(text)) == regs(pattern.wide.search(text))
            assert regs(pattern.narrow.fullmatch(text)) == regs(pattern.wide.fullmatch(text))

    generated()


def test_masking_an_ascii_body_compiles_no_map_of_every_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """A character class holding a character past U+00FF (`：`, `“`), or a letter read in any case, is compiled into
    a map of 65,536 characters (2 M instructions; some thirty were compiled in a run over the corpus): masking bodies,
    broken or not, ASCII or with a dash and an accent, whose strings name secrets, mistype a parameter's `=` and
    hold URLs and CEQL, compiles none (every pattern compiled afresh here); what they hold is still masked."""
    import re

    sources = set()
    for name, value in list(vars(masking).items()):
        if isinstance(value, masking.LazyPattern):
            monkeypatch.setattr(masking, name, masking.LazyPattern(value.pattern, value._flags))
            sources.add(value.pattern)
        elif isinstance(value, ByScript):
            for form in ("wide", "narrow"):
                pattern = getattr(value, form)
                monkeypatch.setattr(value, form, masking.LazyPattern(pattern.pattern, pattern._flags))
                sources.add(pattern.pattern)
    re.purge()
    maps = compiled_maps(monkeypatch)
    bodies = ['{"configuration": {"user.name": "api_Kq9vT3pLx8wZ2mN4rT6y", "signature": {"key": "Pf6Rt2Xq9Lm4Wz8K"}, '
              '"url": "https://x.io/a?api_key:Kq9vT3pLx8wZ2mN&b=1", "notes": "rotated, API key: Hq4vT3pLx8wZ2mNr", '
              '"event.poller.urls": "/hubs/x?where=lastModified>\'2020\' and password = \'Zq8wLm2Nc7VbXk3Pq9\'", '
              '"webhook": "postgres://ops:Wq7vT3pLx8wZ2/db", "Authorization": "User abc, Organization def"}}',
              '{"name": "x", "password" = "Tq9vT3pLx8wZ", \'secret\': \'Yq9vT3pLx8wZ\' "headers": "X-Api-Key: Gq9vT3pLx8wZ"\n',
              '{"description": "GoodData reports \u2014 caf\u00e9", "password": "Rq9vT3pLx8wZ", "configuration": '
              '{"url": "https://x.io/a?api_key:Kq9vT3pLx8wZ2mN&b=1", "notes": "rotated, API key: Hq4vT3pLx8wZ2mNr"}}',
              '{"description": "Caf\u00e9 reports", "password" = "Sq9vT3pLx8wZ", "where": "id = \'1\'"\n']
    found = [{body[start:end] for start, end in find_secrets(load_source(body)).spans} for body in bodies]
    assert [source for source in maps if source in sources] == []  # (the loader's own patterns, a broken file's
    # diagnosis, are not the masking's)
    assert {"api_Kq9vT3pLx8wZ2mN4rT6y", "Pf6Rt2Xq9Lm4Wz8K", "Kq9vT3pLx8wZ2mN", "Hq4vT3pLx8wZ2mNr", "Zq8wLm2Nc7VbXk3Pq9"} <= found[0]
    assert {"Tq9vT3pLx8wZ", "Yq9vT3pLx8wZ"} <= found[1]
    assert {"Rq9vT3pLx8wZ", "Kq9vT3pLx8wZ2mN", "Hq4vT3pLx8wZ2mNr"} <= found[2] and "Sq9vT3pLx8wZ" in found[3]


_WIDE_PIECES = [*_ASCII_PIECES, "\u2019", "\u2014", "\u00e9", "\u00a0", "\u6f22", "\u201c", "\u201d", "\u201e", "\u2018",
                "\uff1a", "\uff06", "\uff1d", "\uff20", "\u2265", "\u2260", "\u200b", "\ufffd", "\ufeff", "\u212a", "\u017f"]


def test_a_pattern_in_two_forms_finds_what_its_wide_form_finds_in_every_text(corpus_strings: list[str]) -> None:
    """A text beyond ASCII holding none of a pattern's marks (a typographic apostrophe, a dash, an accent) is read with
    its narrow form too: what the pattern finds is what its wide form finds, in every corpus string and generated one;
    and so for the keys read backwards (:func:`masking._keys_backwards`), whose marks are every character the wide
    pattern reads beyond the ASCII one."""
    import re

    from hypothesis import given, settings, strategies as st

    marked = [pattern for pattern in _by_script() if pattern.marks]
    assert len(marked) >= 7
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    assert set(masking._KEY_MARKS) == set(re.findall(masking._INVISIBLE_IN_KEY[:-5], every)) | set("“”‘’„\ufffd")

    def same(text: str) -> bool:
        backwards = text[::-1]
        return all([match.regs for match in pattern.finditer(text)] == [match.regs for match in pattern.wide.finditer(text)]
                   for pattern in marked) \
            and [match.regs for match in masking._keys_backwards(backwards).finditer(backwards)] \
            == [match.regs for match in masking._KEY_BACKWARDS.finditer(backwards)]

    assert [text for text in corpus_strings if not text.isascii() and not same(text)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_WIDE_PIECES), max_size=24).map("".join))
    def generated(text: str) -> None:
        assert same(text)

    generated()


def test_a_name_abroad_written_with_underscores_is_read_in_an_ascii_text() -> None:
    """The pattern of the names in other languages reads a name's blank as `_` or `-` too (`mot_de_passe est X`), but
    an ASCII text was asked for the names with their blanks only: `the chave_de_api is X` was shown in the clear."""
    for text in ("the chave_de_api is Kq9vT3pLx8wZ2mN", "le mot_de_passe est Kq9vT3pLx8wZ2mN",
                 "the chave de api is Kq9vT3pLx8wZ2mN"):
        assert [text[start:end] for start, end in masking._named_in_text(text)] == ["Kq9vT3pLx8wZ2mN"], text
    body = '{"notes": "le mot-de-passe est Kq9vT3pLx8wZ2mN"}'
    assert [body[start:end] for start, end in find_secrets(load_source(body)).spans] == ["Kq9vT3pLx8wZ2mN"]
