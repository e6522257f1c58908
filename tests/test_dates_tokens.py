"""The tokenizer against the JDK: same accept/reject decision, same message, right column."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.dates.tokens import PATTERN_LETTERS, PatternError, tokenize

# Characters that matter to the scanner: pattern letters, other ASCII letters, quotes, literals.
_CHARS = st.sampled_from(
    sorted(PATTERN_LETTERS) + list("TbqxenQVOBANgp") + ["'", "''", "-", ":", " ", "\t", ".", "é", "[", "#", "\\", "0"]
)
_PIECES = st.one_of(
    _CHARS,
    st.integers(min_value=1, max_value=6).map(lambda n: "X" * n),
    st.text(alphabet="yMdHmsS'", min_size=1, max_size=4),
    st.text(min_size=1, max_size=3),
)
PATTERNS = st.lists(_PIECES, max_size=8).map("".join)


def reference_scan(pattern: str) -> tuple[str, int] | None:
    """The scan of java-date-patterns.md section 1, returning (message, 1-based column) or None."""
    i, in_quote, quote_start = 0, False, 0
    run_letter, run_start, run_count = "", 0, 0

    def close_run() -> tuple[str, int] | None:
        if run_letter == "X" and run_count > 3:
            return f"invalid ISO 8601 format: length={run_count}", run_start + 1
        return None

    while i < len(pattern):
        c = pattern[i]
        if c == "'":
            if pattern[i + 1:i + 2] == "'":
                if not in_quote:
                    if (err := close_run()) is not None:
                        return err
                    run_letter = ""
                i += 2
                continue
            if not in_quote:
                if (err := close_run()) is not None:
                    return err
                run_letter, in_quote, quote_start = "", True, i
            else:
                in_quote = False
            i += 1
            continue
        if in_quote:
            i += 1
            continue
        if not ("a" <= c <= "z" or "A" <= c <= "Z"):
            if (err := close_run()) is not None:
                return err
            run_letter = ""
        elif c not in PATTERN_LETTERS:
            return f"Illegal pattern character '{c}'", i + 1
        elif c == run_letter:
            run_count += 1
        else:
            if (err := close_run()) is not None:
                return err
            run_letter, run_start, run_count = c, i, 1
        i += 1
    if in_quote:
        return "Unterminated quote", quote_start + 1
    return close_run()


def ours(pattern: str) -> tuple[str, int] | None:
    try:
        tokenize(pattern)
    except PatternError as error:
        return error.message, error.column
    return None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("yyyy-MM-dd'T'HH:mm:ss'Z'", None),
        ("yyyy-MM-ddTHH:mm:ss", ("Illegal pattern character 'T'", 11)),
        ("'abc", ("Unterminated quote", 1)),
        ("yyyy'", ("Unterminated quote", 5)),
        ("'''", ("Unterminated quote", 3)),
        ("XXXXb", ("Illegal pattern character 'b'", 5)),
        ("XXXX-b", ("invalid ISO 8601 format: length=4", 1)),
        ("yyyy XXXXX", ("invalid ISO 8601 format: length=5", 6)),
        ("h 'o''clock' a", None),
        ("", None),
    ],
)
def test_known_answers(pattern: str, expected: tuple[str, int] | None) -> None:
    assert ours(pattern) == expected
    assert reference_scan(pattern) == expected


def test_tokens_of_a_common_pattern() -> None:
    tokens = tokenize("yyyy-MM-dd'T'HH:mm:ss'Z'")
    assert [(t.kind, t.text, t.start, t.end) for t in tokens][:4] == [
        ("field", "yyyy", 0, 4), ("literal", "-", 4, 5), ("field", "MM", 5, 7), ("literal", "-", 7, 8),
    ]
    assert tokens[-1].text == "Z" and tokens[-1].quoted
    assert tokenize("''''")[0].text + tokenize("''''")[1].text == "''"


def test_tabs_are_literal() -> None:
    tokens = tokenize("yyyy\tMM")
    assert [(t.text, t.start, t.end) for t in tokens] == [("yyyy", 0, 4), ("\t", 4, 5), ("MM", 5, 7)]
    assert ours("\t'") == ("Unterminated quote", 2)


@settings(max_examples=400, deadline=None)
@given(PATTERNS)
def test_matches_reference_scan(pattern: str) -> None:
    assert ours(pattern) == reference_scan(pattern)


@settings(max_examples=400, deadline=None)
@given(st.one_of(PATTERNS, st.text(max_size=12)))
def test_the_pieces_cover_every_character(pattern: str) -> None:
    from validator.dates.tokens import _raw_pieces

    pieces = _raw_pieces(pattern)  # (read without pyparsing's parse_all: nothing may be left over)
    starts, ends = [start for _, _, start, _ in pieces], [end for _, _, _, end in pieces]
    assert starts == [0, *ends][:len(starts)] and (ends[-1] if ends else 0) == len(pattern)
    assert "".join(pattern[start:end] for _, _, start, end in pieces) == pattern


@pytest.mark.jdk
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PATTERNS, min_size=20, max_size=20))
def test_same_decision_and_message_as_the_jdk(jdk, patterns: list[str]) -> None:
    answers = jdk.batch([("C", p) for p in patterns])
    for pattern, answer in zip(patterns, answers):
        mine = ours(pattern)
        if answer[0] == "OK":
            assert mine is None, (pattern, mine)
        else:
            assert answer[1] == "java.lang.IllegalArgumentException", (pattern, answer)
            assert mine is not None and mine[0] == answer[2], (pattern, mine, answer)
            assert mine == reference_scan(pattern), pattern


@pytest.mark.parametrize(("pattern", "zone"), [
    ("yyyy-MM-dd HH:mm:ss America/Denver", "America/Denver"), ("yyyy-MM-dd'T'HH:mm:ss UTC", "UTC"),
    ("yyyy-MM-dd'T'HH:mm:ssUTC", "UTC"), ("yyyy-MM-dd HH:mm:ss GMT", "GMT"), ("dd/MM/yyyy HH:mm Europe/Berlin", "Europe/Berlin"),
])
def test_a_zone_written_in_a_pattern_is_named_in_the_help(pattern, zone):
    """A fresh trial (helper-200): a zone written after the time drew the help of its first refused letter: 'A' "no
    milli-of-day field", `UTC` "quote `'U'`", and `GMT` "quote `'T'`" (which leaves `G` and `M` as era and month)."""
    with pytest.raises(PatternError) as caught:
        tokenize(pattern)
    assert caught.value.help.startswith(f"`{zone}` is a zone") and f"`'{zone}'`" in caught.value.help


@pytest.mark.parametrize("pattern", ["yyyy-MM-ddTHH:mm:ss", "yyyyMMddTHHmmss", "yyyy-MM-dd'T'HH:mm:ss.fffZ"])
def test_letters_that_are_no_zone_keep_their_hint(pattern):
    with pytest.raises(PatternError) as caught:
        tokenize(pattern)
    assert "zone" not in caught.value.help
