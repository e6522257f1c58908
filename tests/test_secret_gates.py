"""CE751's cheap tests before its patterns: a value is matched against a pattern only when it starts as every match
of the pattern does, so the values of a body (placeholders, most of them) compile and match none of them."""

from __future__ import annotations

import re

import pytest

from validator.rules import secrets as secret_rule
from counting import CountedPattern


def _starting(pattern: str) -> frozenset[str]:
    """Every character (every code point) that ``pattern`` matches alone."""
    compiled = re.compile(pattern)
    return frozenset(chr(code) for code in range(0x110000) if compiled.fullmatch(chr(code)))


@pytest.mark.parametrize("name, first", [
    ("_ALGORITHM_STARTS", r"(?i)[hsm]"),  # (hmac, sha, md5: the engine folds case its own way, `ſ` is an `s`)
    ("_BRACKETED_STARTS", r"[{\[_]"),
    ("_MASKED_STARTS", r"[\u2022\u25cf\u00b7\u2219*<]"),
])
def test_the_first_characters_are_every_first_character_a_match_may_have(name: str, first: str) -> None:
    assert getattr(secret_rule, name) == _starting(first)


@pytest.mark.parametrize("value", ["HmacSHA256", "hmac-sha512", "SHA-256", "\u017fha1xxxxx", "md5", "{apiKey}",
                                  "[API_KEY]", "__API_KEY__", "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022",
                                  "********", "<%= ENV['X'] %>"])
def test_a_value_of_each_form_is_still_no_real_secret(value: str) -> None:
    assert not secret_rule.is_real_looking(value)



def test_a_real_looking_value_is_matched_against_none_of_the_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    """A token (`Kq9vT3pLx8wZ2mN4`) starts as no algorithm's name, bracketed name, mask or template does: it costs no
    match against them (nor their compiling, in a run whose values are all such)."""
    names = ("_ALGORITHM", "_BRACKETED_NAME", "_MASKED_OR_TEMPLATED")
    counted = {name: CountedPattern(getattr(secret_rule, name)) for name in names}
    for name, pattern in counted.items():
        monkeypatch.setattr(secret_rule, name, pattern)
    assert secret_rule.is_real_looking("Kq9vT3pLx8wZ2mN4", key="oauth.api.secret")
    assert {name: pattern.matches for name, pattern in counted.items()} == dict.fromkeys(names, 0)
