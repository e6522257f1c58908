"""pyparsing is imported only for a text that needs its parser: a CEQL filter grouped by parentheses.

Its import costs about as much as checking 50 corpus bodies, and every body of the corpus is read without it: the
lexers' tokens read a whole text with their own loop (``RunToken.scan``), a filter without groups is read
condition by condition over its token letters (``ceql._flat_shape``), and a zone's split from its format is one
regex.  Each of these is compared here with the
pyparsing form it stands for.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings, strategies as st

from validator.dates import tokens
from validator.urls import ceql, template

ROOT = Path(__file__).resolve().parents[1]

_IMPORTED = """
import contextlib, io, sys
from validator.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", "--no-cache", sys.argv[1]])
print("pyparsing" in sys.modules)
"""


def _imports_pyparsing(tmp_path: Path, url: str) -> bool:
    body = {"element": {"key": "sageone"}, "name": "sage", "configuration": {
        "event.notification.enabled": True, "event.vendor.type": "polling",
        "event.notification.callback.url": "https://mycoolapp.com/events",
        "event.poller.configuration": {"customers": {"url": url, "idField": "id", "datesConfiguration": {
            "updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX"}}}}}
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body, indent=2))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", _IMPORTED, str(path)], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=120, check=True)
    return run.stdout.splitlines()[-1] == "True"


def test_a_poller_with_a_filter_a_zone_and_date_patterns_is_checked_without_pyparsing(tmp_path: Path) -> None:
    url = ("/hubs/crm/contacts?where=updated_at>='${dateTimeZone:America/New_York:yyyy-MM-dd'T'HH:mm:ss}' "
           "and status in ('open','won') and not archived=true or owner like 'a%'")
    assert not _imports_pyparsing(tmp_path, url)


def test_a_grouped_filter_is_read_by_the_pyparsing_grammar(tmp_path: Path) -> None:
    assert _imports_pyparsing(tmp_path, "/hubs/crm/contacts?where=(a='1' or b='2') and updated>'${gmtDate:yyyy}'")


def _grammar_shape(letters: str) -> tuple[tuple[int, int], ...] | None:
    """What the pyparsing structure grammar reads in ``letters`` (the conditions' token indexes)."""
    import pyparsing as pp

    try:
        results = ceql._grammar().parse_string(letters)
    except (pp.ParseBaseException, RecursionError):
        return None
    return tuple((found.start, found.end) for found in results if isinstance(found, ceql._Raw))


_LETTERS = st.lists(st.sampled_from(list("SMNBUPWOnlisarkx(),") + ["WOS", "a", "WOM", "Wi(", "n"]),
                    max_size=14).map("".join)


@settings(max_examples=800, deadline=None)
@given(_LETTERS)
def test_a_shape_reads_as_the_grammar_reads_it(letters: str) -> None:
    assert ceql._shape.__wrapped__(letters) == _grammar_shape(letters), letters


def test_flat_shapes_read_as_the_grammar_reads_them() -> None:
    for letters in ("WOS", "nWOSaWONrnnWlS", "Wi(S,S)aWsnUrWsU", "WniN()", "WOSa", "aWOS", "WOSWOS", "", "Wi()",
                    "WOSrWO", "WOSaW(S)", "x"):
        assert ceql._flat_shape(letters) == _grammar_shape(letters), letters


_PATTERN_CHARS = st.sampled_from(list("yMdHhmsSXZz'T -:.,'a\t") + ["''", "'T'", "\u00e9"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PATTERN_CHARS, max_size=20).map("".join))
def test_a_date_pattern_scans_as_its_pyparsing_token_parses(pattern: str) -> None:
    grammar = tokens._grammar()
    assert grammar.scan(pattern) == grammar.token.parse_string(pattern).as_list()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("GMTUC+-0123:{}<>aZ/\t\n ") + ["GMT+05:30:", "{{z}}:", "<zone>:"]),
                max_size=12).map("".join))
def test_a_zone_splits_as_the_pyparsing_regex_split_it(args: str) -> None:
    import pyparsing as pp

    zone = r"(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|\{\{[^{}]*\}\}|\{[^{}]*\}|<[^<>]*>|[^:]*"
    grammar = pp.Regex(f"(?P<zone>(?:{zone})(?=:)):(?P<format>.*)", flags=re.DOTALL).leave_whitespace()
    grammar.parse_with_tabs()
    try:
        parsed = grammar.parse_string(args, parse_all=True)
        expected: tuple[str, str] | None = (parsed["zone"], parsed["format"])
    except pp.ParseException:
        expected = None
    assert template._split_zone.__wrapped__(args) == expected
