"""CE620's fix (close the quote at the end of the where value) and ``Source.escape_for_file``, which places it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.engine import check
from validator.findings import Finding
from validator.source import load_source


def apply(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def body(url: str, *, stringified: bool) -> str:
    poller = {"contacts": {"url": url, "idField": "id"}}
    configuration = {"event.notification.enabled": True,
                     "event.poller.configuration": json.dumps(poller) if stringified else poller}
    return json.dumps({"element": {"key": "x"}, "configuration": configuration}, indent=2)


@pytest.mark.parametrize("stringified", [False, True])
@pytest.mark.parametrize(("where", "closed", "applicability"), [
    ("a='x' and attributes='b,c", "a='x' and attributes='b,c'", "safe"),
    ('name="x', 'name="x"', "safe"),
    ("a='x and b=1", "a='x and b=1'", "unsafe"),
    # a user's trial: closed at the end, the `)` fell inside the string and CE623 followed a "safe" fix
    ("(a='b or c='d')", "(a='b or c='d')'", "unsafe"),
    # a user's trial: the quote missing is the one after the macro, not at the end; closed at the end, the date
    # took in the next condition (`'<date> and status='active''`) and the check passed
    ("u>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'} and status='active'",
     "u>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and status='active'", "safe"),
    ("u>'${gmtDate:yyyy-MM-dd} OR s='a' and t='b'", "u>'${gmtDate:yyyy-MM-dd}' OR s='a' and t='b'", "safe"),
    # a user's trial: no quote after it, the string ran to the end and the fix closed it there, the next condition
    # inside the date's string (`'<date> and IsDeleted=false'`), which then passed
    ("u>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'} and IsDeleted=false",
     "u>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and IsDeleted=false", "safe"),
    ("(u>'${gmtDate:yyyy-MM-dd} or x=1)", "(u>'${gmtDate:yyyy-MM-dd}' or x=1)", "safe"),
    # a review: a date with a time after the macro is a string of its own; the quote missing is the last one,
    # and closing there is a guess (unsafe) while a string opened before a macro runs on past it
    ("u>'${gmtDate:yyyy-MM-dd} 00:00:00' and attributes='created_at,updated_at",
     "u>'${gmtDate:yyyy-MM-dd} 00:00:00' and attributes='created_at,updated_at'", "unsafe"),
])
def test_the_fix_closes_the_quote(where: str, closed: str, applicability: str, stringified: bool) -> None:
    text = body(f"/hubs/crm/contacts?where={where}&pageSize=5", stringified=stringified)
    (finding,) = [f for f in check(text) if f.rule == "CE620"]
    assert finding.fix is not None and finding.fix.applicability == applicability
    mended = apply(text, finding)
    json.loads(mended)
    assert [f.rule for f in check(mended) if f.rule == "CE620"] == []
    value = json.loads(mended)["configuration"]["event.poller.configuration"]
    url = (json.loads(value) if stringified else value)["contacts"]["url"]
    assert url == f"/hubs/crm/contacts?where={closed}&pageSize=5"


@given(st.lists(st.text(alphabet="ab_,.😀 ", min_size=1, max_size=6), min_size=1, max_size=3),
       st.sampled_from(["'", '"']), st.booleans())
def test_any_unclosed_value_is_mended(words: list[str], quote: str, stringified: bool) -> None:
    where = f"name={quote}" + " ".join(words)
    text = body(f"/hubs/crm/contacts?where={where}", stringified=stringified)
    found = [f for f in check(text) if f.rule == "CE620"]
    if not found:
        return  # the words closed the quote themselves
    mended = apply(text, found[0])
    assert [f.rule for f in check(mended) if f.rule == "CE620"] == []


def test_escape_for_file() -> None:
    inner = json.dumps({"u": "x"})
    source = load_source(json.dumps({"s": "x", "p": inner, "o": {"u": "x"}}))
    assert source.escape_for_file("/s", 'a"b\\') == 'a\\"b\\\\'
    assert source.escape_for_file("/s", "é😀") == "é😀"
    assert source.embedded("/p").escape_for_file("/u", '"') == '\\\\\\"'  # escaped for the inner, then the outer
    assert source.embedded("/o").escape_for_file("/u", '"') == '\\"'  # an object, not a string: once
    with pytest.raises(KeyError):
        source.escape_for_file("/missing", "x")
    with pytest.raises(ValueError):
        source.escape_for_file("/o", "x")


def test_a_literal_s_escapes_are_read_once_for_all_its_fixes(monkeypatch) -> None:
    """helper-203: each fix inside a string read the whole literal again for how it writes its escapes, so a URL of
    100,000 zero-width spaces (as many CE612 fixes) took over a minute. Counted, not timed: once per literal."""
    from validator.source import document

    reads: list[str] = []
    style = document._escape_style
    monkeypatch.setattr(document, "_escape_style", lambda literal: reads.append(literal) or style(literal))
    url = "/hubs/crm/contacts?where=a" + "\u200b" * 300 + "=1"
    findings = check(json.dumps({"configuration": {"event.poller.configuration": json.dumps({
        "contacts": {"url": url, "idField": "id"}})}}))
    assert sum(f.rule == "CE612" and f.fix is not None for f in findings) == 50  # (the rest counted, not shown)
    assert len(reads) == 2  # the URL's literal and the stringified poller's


def test_a_fix_survives_the_results_cache(tmp_path, monkeypatch) -> None:
    from validator import cache

    monkeypatch.setenv("CE_VALIDATOR_CACHE_DIR", str(tmp_path))
    findings = check(body("/hubs/crm/contacts?where=a='x", stringified=True))
    assert any(f.fix is not None for f in findings)
    cache.store("ab" * 20, findings)
    assert cache.load("ab" * 20, path=None) == findings


def test_the_keyword_test_looks_only_at_keywords_with_that_initial() -> None:
    """``_keyword_at`` tries only the keywords that start with the letter found; it must answer as trying them
    all does (pyparsing's CaselessKeyword test), whatever the letters around."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from validator.urls.ceql import _IDENT, _KEYWORDS_UPPER, _keyword_at

    def every_keyword(text: str, loc: int) -> bool:
        if loc and text[loc - 1].upper() in _IDENT:
            return False
        return any(text[loc:loc + len(k)].upper() == k
                   and (loc >= len(text) - len(k) or text[loc + len(k)].upper() not in _IDENT)
                   for k in _KEYWORDS_UPPER)

    pieces = st.sampled_from(["and", "OR", "Not", "like", "in", "IS", "null", "true", "FALSE", "a", "n", "ı", "ſ",
                              " ", "_", "$", "1", "(", "'", "x", "é"])

    @settings(max_examples=2000, deadline=None)
    @given(st.lists(pieces, min_size=1, max_size=6).map("".join), st.integers(0, 12))
    def same(text: str, loc: int) -> None:
        loc = min(loc, len(text) - 1)
        assert _keyword_at(text, loc) == every_keyword(text, loc), (text, loc)

    same()
