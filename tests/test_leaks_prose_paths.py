"""Leaks and over-masking found by helper-214: a prose password holding `#`, `&` or `?`; a value glued to a secret
key's name in a broken file; a configuration file's path naming a password; the diff of a fix around a short secret."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clirun import check_in_every_format, run_cli, run_main
from validator.masking import find_secrets, mask_words
from validator.source import load_source


def _masked(text: str, path: str = "page.md") -> str:
    source = load_source(text.encode(), path=path)
    return str(find_secrets(source).mask(source.text))


@pytest.mark.parametrize("sentence, secret", [
    ("the password is Zq8vLm2K#x9Bq and then go", "Zq8vLm2K#x9Bq"),
    ("the token is Zq8vLm2K9X#q4 today", "Zq8vLm2K9X#q4"),
    ("La password \u00e8 Zq8v&Lm2K?x9 fin", "Zq8v&Lm2K?x9"),
    ("Das Passwort lautet Zq8vLm2K#x9.", "Zq8vLm2K#x9"),
    ("set db_password=Zq8vLm2K#x9Bq now", "Zq8vLm2K#x9Bq"),
])
def test_a_prose_password_holding_a_hash_an_ampersand_or_a_question_mark_is_masked_whole(sentence, secret):
    """The prose value class left out `#`, `&` and `?` (for a URL's parameters): `the password is Zq8vLm2K#x9` was
    masked to its `#` and showed `#x9`."""
    masked = _masked(f"# Setup\n\nConnect; {sentence}\n")
    assert secret not in masked and secret.split("#")[-1] not in masked, masked
    assert "*" * len(secret) in masked, masked


def test_a_url_s_parameter_in_prose_still_ends_at_the_next_parameter():
    masked = _masked("# Setup\n\nCall it with ?token=Zq8vLm2K9Xa&page=2#top here, https://h/cb?a=1&api_key=Zq8vLm2K9Xa#top"
                     " there; the client secret is Kq06vT3pLx8wZ2mNa&x=1 for now.\n")
    assert "?token=***********&page=2#top here" in masked and "&api_key=***********#top there" in masked, masked
    assert "the client secret is ********************* for now" in masked, masked  # (prose: no URL's parameter)


def test_a_prose_password_in_a_broken_body_is_hidden_in_every_format(capsys, tmp_path):
    """A note pasted between a broken body's members (`"x": 1, the password is ...`) was shown whole in the text
    format's excerpt of CE006 (the prose names were read in pages only)."""
    secret = "Zq8vLm2K#x9Bq"
    path = tmp_path / "body.json"
    path.write_text('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "x": 1, the password is '
                    + secret + '\n    "y": 2\n  }\n}\n', encoding="utf-8")
    for fmt, result in check_in_every_format(capsys, str(path)):
        assert "CE006" in result.out, (fmt, result.out)
        assert "Zq8vLm2K" not in result.out + result.err and "#x9Bq" not in result.out, (fmt, result.out)


@pytest.mark.parametrize("written", ['"oauth.api.secretQ7w9Lm2Kx8Pq4Rt6",', '"oauth.api.secretQ7w9Lm2Kx8Pq4Rt6": "x",',
                                     '"api_keyQ7w9Lm2Kx8Pq4Rt6",'])
def test_a_value_glued_to_a_secret_key_s_name_in_a_broken_file_is_hidden_in_every_format(capsys, tmp_path, written):
    """`"oauth.api.secretQ7w9..."` (the `": "` lost, nothing between the name and its value): CE001 quoted it whole
    in every format."""
    path = tmp_path / "body.json"
    path.write_text('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    ' + written
                    + '\n    "event.poller.refresh_interval": "fifteen",\n  }\n}\n', encoding="utf-8")
    for fmt, result in check_in_every_format(capsys, str(path)):
        assert result.code == 1, (fmt, result.out, result.err)
        assert "Q7w9Lm2K" not in result.out + result.err, (fmt, result.out)


def test_a_value_glued_to_a_secret_key_s_name_is_masked_and_key_like_endings_are_shown():
    body = {"element": {"key": "hubspot"}, "configuration": {"oauth.api.secretQ7w9Lm2Kx8Pq4Rt6": "x",
                                                             "oauth.api.secretKeyRotationPolicy": "x",
                                                             "api_keyHeaderName": "X-Api-Key"}}
    masked = _masked(json.dumps(body), "body.json")
    assert '"oauth.api.secret****************"' in masked, masked
    assert "oauth.api.secretKeyRotationPolicy" in masked and "api_keyHeaderName" in masked, masked


@pytest.mark.parametrize("name", ["passwd", "api_key.txt", "password.toml"])
def test_a_configuration_file_s_path_naming_a_password_is_shown_as_given(tmp_path, name):
    """`--config /etc/passwd` printed `/etc/passwd:** invalid TOML...`: the message's place (`passwd:1:`) was read as a
    `key: value` secret."""
    folder = tmp_path / "secrets"
    folder.mkdir()
    (folder / name).write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    for given, cwd in ((str(folder / name), tmp_path), (name, folder)):
        result = run_cli("check", "--no-cache", "--config", given, str(tmp_path / "x.json"), cwd=cwd)
        assert result.code == 2, result.err
        assert f"{name}:1: invalid TOML" in result.err and "*" not in result.err, result.err


def test_a_message_s_paths_keep_their_credentials_masked():
    assert mask_words("/etc/passwd:1: invalid TOML: Expected '=' after") == "/etc/passwd:1: invalid TOML: Expected '=' after"
    assert mask_words("C:\\x\\passwd:1:5: x=1") == "C:\\x\\passwd:1:5: x=1"
    assert "Zq8vLm2K9x" not in mask_words("/tmp/x?password=Zq8vLm2K9x:1: = _")
    assert "Pw12345" not in mask_words("https://u:Pw12345@h/x.json:1: =")
    assert "Zq8vLm2K9x" not in mask_words("password:Zq8vLm2K9x = x")


def test_the_diff_of_a_fix_hides_a_short_password_only_where_it_is_one(capsys, tmp_path):
    """`--diff` masked a short password (`https://svc:2024@...`) wherever the file wrote it (`"y": "... 2024"`), in the
    lines the diff shows on both sides: a value no distinctive one is masked where a fix moved it only."""
    path = tmp_path / "d.json"
    path.write_text('{"element": {"key": "hubspot"}, "configuration": {"event.notification.callback.url": '
                    '"https://svc:2024@hooks.example.com/cb", "y": "ops@example.com svc 2024",}}\n', encoding="utf-8")
    result = run_main(capsys, "check", "--no-cache", "--diff", str(path))
    assert "+++" in result.out, result.out + result.err
    assert "https://svc:****@hooks" in result.out and '"ops@example.com svc 2024"' in result.out, result.out
    moved = tmp_path / "m.json"
    url = "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'&apiKey='k2024'"
    moved.write_text(json.dumps({"c": {"url": url, "idField": "id"}}), encoding="utf-8")
    result = run_main(capsys, "check", "--no-cache", "--diff", "--unsafe-fixes", str(moved))
    assert " and apiKey='*****'" in result.out and "k2024" not in result.out, result.out


def test_a_json_escaped_url_s_scheme_and_user_are_shown_in_a_broken_file(tmp_path: Path):
    """In a file that is not valid JSON, `"https:\\/\\/ops:<password>@host"` had `https:\\/\\/ops` masked too: the
    escaped `://` read as a `user:password` pair."""
    text = ('{"configuration": {"event.notification.callback.url": "https:\\/\\/ops:Pw9xLm2Kq@hooks.example.com\\/cb",'
            ' "y": 1,}}')
    assert 'https:\\/\\/ops:*********@hooks' in _masked(text, "body.json")


@pytest.mark.parametrize("written", ["Kq7vT3pLx8wZ2mNaXw4,", '"Kq7vT3pLx8wZ2mNaXw4",', "'api.tokenKq7vT3pLx8wZ2mNa': 1,"])
def test_a_bare_token_or_a_single_quoted_glued_key_in_a_broken_file_is_hidden_in_every_format(capsys, tmp_path, written):
    """A token left alone where a key belongs (CE006 quoted it as the property name to put in double quotes), and a
    value glued to a secret's name in single quotes (the quoted keys read were the double-quoted ones)."""
    path = tmp_path / "body.json"
    path.write_text('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    ' + written + '\n    "x": 1\n  }\n}\n',
                    encoding="utf-8")
    for fmt, result in check_in_every_format(capsys, str(path)):
        assert result.code == 1, (fmt, result.out, result.err)
        assert "T3pLx8wZ" not in result.out + result.err, (fmt, result.out)


@pytest.mark.parametrize("value", [{"notes": "\u30d1\u30b9\u30ef\u30fc\u30c9\u306fKq7vT3pLx8wZ2mNa#1\u3067\u3059"},
                                   {"tags": ["\u5bc6\u7801\u662fKq7vT3pLx8wZ2mNa"]}])
def test_a_password_glued_to_its_name_s_particle_in_a_string_is_masked(value):
    """`パスワードはKq7v...` (Japanese writes no blank between a name, its particle and the value): a string with no
    blank, `=` or full-width colon was not read for a secret's name."""
    for text in (json.dumps(value), json.dumps(value, ensure_ascii=False)):
        assert "T3pLx8wZ" not in _masked(text, "body.json"), text


def test_a_password_under_a_key_longer_than_200_characters_is_hidden_in_every_format(capsys, tmp_path):
    """helper-225: a key past 200 characters was no secret's name at all (the bound on the word splitting), so a
    password under `x.x.<...>.password` showed in the excerpt of a finding on its line, and drew no CE751."""
    secret = "Xk9#mQ2!vL7pZ"
    key = "x." * 100 + "password"
    path = tmp_path / "body.json"
    path.write_text('{\n  "element": {"key": "hubspot"},\n  "configuration": {"' + key + '": "' + secret
                    + '", "event.vendor.type": "webhooks"}\n}\n', encoding="utf-8")
    for fmt, result in check_in_every_format(capsys, str(path)):
        assert "CE203" in result.out and "CE751" in result.out, (fmt, result.out)
        assert secret not in result.out + result.err and "vL7pZ" not in result.out, (fmt, result.out)
    from validator.vocabulary.secrets import may_hold_a_secret, secret_kind

    assert secret_kind(key) == "secret" and secret_kind("x" * 300) is None  # (one word that long names nothing)
    assert may_hold_a_secret("x." * 100 + "dbpass") and not may_hold_a_secret("x." * 100 + "description")


def test_a_google_authorization_code_is_hidden_in_every_format(capsys, tmp_path):
    """helper-226: an OAuth code pasted as `providerData`'s string (`4/0A...`, Google's authorization codes) showed in
    the text format's excerpt of CE102, whose message already withheld it as reading like a token."""
    code = "4/0AX4XfWhQz9kLmN8pR2sT5vW7yB1cD3eF6gH"
    path = tmp_path / "body.json"
    path.write_text('{"element": {"key": "egnyte"}, "providerData": "' + code + '",\n "configuration": {"subdomain": '
                    '"acme", "oauth.api.key": "${K}", "oauth.api.secret": "${S}", "oauth.callback.url": '
                    '"https://a.example/cb"}}\n', encoding="utf-8")
    for fmt, result in check_in_every_format(capsys, str(path)):
        assert "CE102" in result.out, (fmt, result.out)
        assert "XfWhQz9kLmN8" not in result.out + result.err, (fmt, result.out)
    assert "XfWhQz9kLmN8" not in _masked(f"Exchange the code {code} within ten minutes.\n")
    assert "4/0Apples" in _masked("Mix 4/0Apples and pears.\n")  # (too short for a code)


@pytest.mark.parametrize("text", ["Read 4/0Aintroduction-to-the-sales-pipeline-api first.",
                                  "Grid 4/0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA here.",
                                  "Read 1//0introduction-to-the-sales-pipeline-api-now."])
def test_a_word_after_a_google_code_s_beginning_is_not_a_code(text):
    """A review (h228): the filter that asks an issued token's shape to look random (digits and letters, or both
    cases) was met by `4/0A`'s (and `1//0`'s) own digit and capital, so any slug or row of one letter after them was
    hidden; the part after the beginning is what is judged."""
    assert _masked(text + "\n") == text + "\n"
    assert "XfWhQz9kLmN8" not in _masked("The code 4/0AX4XfWhQz9kLmN8pR2sT5vW7yB1cD3eF6gH expires.\n")
    assert "gLxK9" not in _masked("refresh 1//0gLxK9vQ2mN7pR4sT8wY1zB3cD5eF6gH9jK2lM4nP7qR.\n")
