"""``ce-validator date``: the real command in a subprocess, exact output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from validator.timeparse import parse_user_time

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    code: int
    out: str
    err: str


def date(*args: str, **environment: str) -> Run:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **environment}
    proc = subprocess.run([sys.executable, "-m", "validator", "date", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=env, timeout=60, stdin=subprocess.DEVNULL)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def test_formats_explains_and_warns_about_the_literal_z() -> None:
    run = date("yyyy-MM-dd'T'HH:mm:ss'Z'", "--at", "2024-01-05T10:00Z", "--zone", "America/New_York")
    assert run.code == 0 and run.err == ""
    assert run.out == """\
2024-01-05T05:00:00Z

pattern  yyyy-MM-dd'T'HH:mm:ss'Z'
at       2024-01-05T10:00:00.000Z (1704448800000 ms)
zone     America/New_York

fields
  yyyy  2024  year, 4 digits, zero-padded
  -           literal '-'
  MM    01    month 01-12, zero-padded
  -           literal '-'
  dd    05    day of the month 01-31, zero-padded
  'T'         literal text 'T'
  HH    05    hour of the day 00-23, zero-padded
  :           literal ':'
  mm    00    minute 00-59, zero-padded
  :           literal ':'
  ss    00    second 00-59, zero-padded
  'Z'         the literal letter Z (not an offset: the time is not converted to UTC)

pitfalls
  column 23: 'Z' is only the letter Z: the time is written in the formatter's zone, not converted to UTC
"""


def test_milliseconds_offsets_and_zone_names() -> None:
    run = date("yyyy-MM-dd HH:mm:ss.SSS XXX z", "--at", "1704448800123", "--zone", "Asia/Kolkata")
    assert run.code == 0
    assert run.out.splitlines()[0] == "2024-01-05 15:30:00.123 +05:30 IST"
    lines = run.out.splitlines()
    assert "  SSS   123     milliseconds 000-999 (an integer count, not a fraction)" in lines
    assert "  XXX   +05:30  ISO 8601 offset +HH:MM (+05:30; UTC prints Z)" in lines
    assert '  " "           literal \' \'' in lines
    assert "pitfalls" not in run.out


def test_unknown_zone_warns_and_falls_back_to_gmt() -> None:
    run = date("HH:mm z", "--at", "2024-01-05T10:00:00+01:00", "--zone", "Bogus/Zone")
    assert run.code == 0
    assert run.err == ("ce-validator date: warning: Java does not know the zone 'Bogus/Zone': "
                       "TimeZone.getTimeZone falls back to GMT\n")
    assert run.out.splitlines()[0] == "09:00 GMT"
    assert "zone     Bogus/Zone (Java uses GMT)" in run.out


def test_an_unknown_zone_names_the_id_meant() -> None:
    """helper-144: `--zone=-8:00` (which the help offered) and a typo fell back to GMT without naming the id meant."""
    run = date("HH:mm z", "--at", "2024-01-05T10:00:00Z", "--zone=-8:00")
    assert run.code == 0 and run.out.splitlines()[0] == "10:00 GMT"
    assert run.err.endswith("falls back to GMT (did you mean GMT-08:00?)\n"), run.err
    assert "did you mean America/New_York?" in date("HH", "--zone", "America/New_Yrok").err


def test_invalid_pattern_prints_javas_message_and_a_caret() -> None:
    run = date("yyyy-MM-ddTHH:mm")
    assert run.code == 1 and run.out == ""
    assert run.err == (
        "ce-validator date: error: invalid pattern: Illegal pattern character 'T' (column 11)\n"
        "  yyyy-MM-ddTHH:mm\n"
        "            ^\n"
    )
    run = date("yyyy XXXX")
    assert run.code == 1
    assert run.err.splitlines()[1:] == ["  yyyy XXXX", "       ^^^^"]
    run = date("'abc")
    assert run.err.splitlines() == [
        "ce-validator date: error: invalid pattern: Unterminated quote (column 1)", "  'abc", "  ^",
    ]


def test_bad_at_exits_2_with_a_message() -> None:
    run = date("yyyy", "--at", "yesterday-ish")
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("ce-validator date: error: --at: cannot read 'yesterday-ish' as a time")
    assert "-15m" in run.err


def test_relative_at_and_default_now() -> None:
    assert date("yyyy", "--at=-1d").code == 0  # a leading '-' needs '=' (argparse)
    assert date("yyyy", "--at", "15m ago").code == 0
    run = date("yyyy")
    assert run.code == 0 and run.out.splitlines()[0].isdigit()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_parse_shows_no_credential_pasted_with_the_value(fmt: str) -> None:
    """helper-174: a value copied with what followed it (`2024-01-05?access_token=...`, a record's `Bearer ...`) was
    printed whole; its credential is masked, the same length, so the caret still points at the column."""
    for value in ("2024-01-05?access_token=Dt7Wq2Zx9Lm4Pv", "Bearer Dt7Wq2Zx9Lm4PvAbCd"):
        run = date("yyyy-MM-dd", "--at", "2024-01-05T10:00Z", "--parse", value, "--format", fmt)
        assert run.code in (0, 1) and "Dt7Wq" not in run.out + run.err, run.out
        assert "2024-01-05" in run.out or "found 'B'" in run.out, run.out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_parse_shows_no_credential_of_a_log_line_pasted_with_the_value(fmt: str) -> None:
    """helper-177: a log line's `name=value` after a blank (`2024-01-05 10:00:00 token=...`), not a URL's query,
    was printed whole (the word read alone masks it, as a command-line message's are)."""
    for value in ("2024-01-05 password=Dt7Wq2Zx9Lm4Pv", "2024-01-05 10:00:00 INFO api_key=Dt7Wq2Zx9Lm4PvAbCd",
                  "2024-01-05 password: Dt7Wq2Zx9Lm4Pv"):
        run = date("yyyy-MM-dd", "--at", "2024-01-05T10:00Z", "--parse", value, "--format", fmt)
        assert run.code in (0, 1) and "Dt7Wq" not in run.out + run.err, run.out
        assert "2024-01-05" in run.out, run.out


def test_parse_option_reports_javas_prefix_parse_and_errors() -> None:
    run = date("yyyy-MM-dd'T'HH:mm:ss'Z'", "--at", "2024-01-05T10:00Z", "--parse", "2024-01-05T10:00:00Zjunk")
    assert run.code == 0
    assert run.out.endswith(
        "\nparse\n"
        "  '2024-01-05T10:00:00Zjunk' -> 2024-01-05T10:00:00.000Z (Java stops before column 21)\n"
        "  note: Java ignores the rest, 'junk'\n"
    )
    run = date("yyyy-MM-dd", "--at", "2024-01-05T10:00Z", "--parse", "2024-02-30")
    assert run.code == 1
    assert run.out.endswith(
        "\nparse\n"
        "  '2024-02-30' does not parse: '2024-02-30' is not a valid date in strict mode: the fields roll over "
        "(month 2 becomes 3, day of month 30 becomes 1)\n"
        "  2024-02-30\n"
        "            ^\n"
    )
    run = date("yyyy-MM-dd", "--at", "2024-01-05T10:00Z", "--parse", "2024-02-30", "--lenient")
    assert run.code == 0 and "-> 2024-03-01T00:00:00.000Z" in run.out


def test_json_output_is_utf8_on_a_stream_of_another_encoding() -> None:
    """helper-175: on a stream in a code page (Windows writes a redirected `> out.json` in it) a literal `'ü名'` went
    out as Python's `\\xfc\\u540d`, which no JSON reader takes; now as JSON's own escapes, as check's reports."""
    run = date("yyyy 'ü名😀'", "--at", "2024-01-05T13:00Z", "--format", "json", PYTHONIOENCODING="cp1252")
    assert run.code == 0 and run.out.isascii(), run
    assert json.loads(run.out)["formatted"] == "2024 ü名😀"


def test_json_output() -> None:
    run = date("yyyy-MM-dd hh:mm", "--at", "2024-01-05T13:00Z", "--format", "json")
    assert run.code == 0
    document = json.loads(run.out)
    assert document["formatted"] == "2024-01-05 01:00"
    assert document["zone"] == {"requested": "GMT", "id": "GMT", "known": True}
    assert document["at"] == "2024-01-05T13:00:00.000Z" and document["at_ms"] == 1704459600000
    assert document["fields"][0] == {"text": "yyyy", "column": 1, "kind": "field",
                                     "meaning": "year, 4 digits, zero-padded", "value": "2024"}
    assert document["pitfalls"] == [{
        "code": "twelve-hour-without-ampm", "column": 12, "end_column": 14,
        "message": "'hh' is a 12-hour clock but the pattern has no 'a': 1 AM and 1 PM look the same; "
                   "use 'HH' or add 'a'",
    }]
    bad = date("yyyyT", "--format", "json")
    assert bad.code == 1
    assert json.loads(bad.out) == {"pattern": "yyyyT", "error": {"message": "Illegal pattern character 'T'",
                                                                "column": 5}}


def test_listed_in_help() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "validator", "--help"], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=60)
    assert "format a SimpleDateFormat pattern and explain it field by field" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "validator", "date", "--help"], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and "--zone ID" in proc.stdout and "--at TIME" in proc.stdout


# validator.timeparse (what --at accepts) --------------------------------------------

NOW = datetime(2024, 1, 5, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-05T10:00Z", datetime(2024, 1, 5, 10, tzinfo=timezone.utc)),
        ("2024-01-05T10:00:00+01:00", datetime(2024, 1, 5, 10, tzinfo=timezone(timedelta(hours=1)))),
        ("2024-01-05", datetime(2024, 1, 5, tzinfo=timezone.utc)),
        ("2024-01-05T10:00", datetime(2024, 1, 5, 10, tzinfo=timezone.utc)),
        ("2024-01-05 10:00:00.123456-05:00",
         datetime(2024, 1, 5, 10, 0, 0, 123456, tzinfo=timezone(timedelta(hours=-5)))),
        ("now", NOW),
        ("NOW", NOW),
        ("-15m", NOW - timedelta(minutes=15)),
        ("-2h", NOW - timedelta(hours=2)),
        ("-1d", NOW - timedelta(days=1)),
        ("-1w", NOW - timedelta(weeks=1)),
        ("-1h30m", NOW - timedelta(minutes=90)),
        ("15m ago", NOW - timedelta(minutes=15)),
        ("2 hours ago", NOW - timedelta(hours=2)),
        ("+2h", NOW + timedelta(hours=2)),
        ("1704448800000", datetime(2024, 1, 5, 10, tzinfo=timezone.utc)),
        ("@1704448800", datetime(2024, 1, 5, 10, tzinfo=timezone.utc)),
    ],
)
def test_user_times(text: str, expected: datetime) -> None:
    value = parse_user_time(text, now=NOW)
    assert value == expected and value.utcoffset() == expected.utcoffset()
    assert type(value) is datetime


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty time"),
        ("junk", "cannot read 'junk' as a time"),
        ("15m", "a duration without a direction: write '-15m' or '15m ago'"),
        ("1704448800", "ambiguous: epoch milliseconds have 11 digits or more"),
        ("P1D", "not a point in time (duration)"),
        ("10:00", "not a point in time (time)"),
        ("2024-13-01", "cannot read '2024-13-01' as a time"),
    ],
)
def test_user_time_errors_say_what_is_accepted(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_user_time(text, now=NOW)


def test_default_now_is_the_current_time_and_naive_now_is_utc() -> None:
    before = datetime.now(timezone.utc)
    assert before - timedelta(seconds=5) <= parse_user_time("now") <= datetime.now(timezone.utc)
    assert parse_user_time("-1h", now=datetime(2024, 1, 5, 10)) == datetime(2024, 1, 5, 9, tzinfo=timezone.utc)


def test_special_token_gets_a_note():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "validator", "date", "milliseconds"], capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert "note: `milliseconds` is not a SimpleDateFormat pattern but Cloud Elements' special" in result.stderr


def test_a_value_read_whole_is_not_said_to_stop_short() -> None:
    # "(Java stops before column 21)" after a 20-character value read it as text left over
    run = date("yyyy-MM-dd'T'HH:mm:ss'Z'", "--at", "2024-01-05T10:00Z", "--parse", "2024-01-05T10:00:00Z")
    assert run.code == 0
    assert run.out.endswith("\nparse\n  '2024-01-05T10:00:00Z' -> 2024-01-05T10:00:00.000Z (Java reads it whole)\n")
