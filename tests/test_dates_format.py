"""``validator.dates.format``: SimpleDateFormat (Locale.US) formatting, letter by letter.

Three layers: the examples of ``java-date-patterns.md`` as plain unit tests; the golden
vectors of ``tests/golden/format_vectors.tsv`` (written by ``tools/gen_golden.py`` from
the JDK, checked here without one); and differential tests against the running JDK with
hypothesis-generated patterns x instants x zones, sent in batches.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator import compile_pattern, format_date
from validator.dates.format import civil_from_days, epoch_millis, formatter_for
from validator.dates.zones import available_ids, data_version, resolve_zone

GOLDEN = Path(__file__).parent / "golden" / "format_vectors.tsv"
LETTERS = "GyMdkHmsSEDFwWahKzZYuXL"


def ms(*args: int) -> int:
    return int(datetime(*args, tzinfo=timezone.utc).timestamp() * 1000)


T = ms(2024, 1, 5, 10) + 123  # Friday 2024-01-05T10:00:00.123Z


# --------------------------------------------------------------------------- the doc's table


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("G GG GGGG", "AD AD AD"),
        ("y yy yyy yyyy yyyyy", "2024 24 2024 2024 02024"),
        ("M MM MMM MMMM MMMMMMM", "1 01 Jan January January"),
        ("L LL LLL LLLL LLLLL", "1 01 Jan January January"),
        ("D DDD DDDDD", "5 005 00005"),
        ("d dd ddd", "5 05 005"),
        ("dddddddddddddddddddd", "00000000000000000005"),
        ("F E EE EEE EEEE EEEEEE", "1 Fri Fri Fri Friday Friday"),
        ("u uu", "5 05"),
        ("a aaaa", "AM AM"),
        ("H HH HHH k K h", "10 10 010 10 10 10"),
        ("m:s mmm", "0:0 000"),
        ("S SS SSS SSSS SSSSSS", "123 123 123 0123 000123"),
        ("z zzz zzzz", "GMT GMT Greenwich Mean Time"),
        ("Z ZZZZ ZZZZZZ", "+0000 +0000 +0000"),
        ("X XX XXX", "Z Z Z"),
        ("yyyy-MM-dd'T'HH:mm:ss'Z'", "2024-01-05T10:00:00Z"),
        ("'yyyy'", "yyyy"),
        ("h 'o''clock' a", "10 o'clock AM"),
        ("yyyy''MM", "2024'01"),
        ("'x'''", "x'"),
        ("''''", "''"),
        ("yy''yy", "24'24"),
        ("yyMMyy", "240124"),
        ("[{#}] /@\\ é", "[{#}] /@\\ é"),
        ("", ""),
        ("yyyy-MM-dd HH:mm:ss.SSSSSS", "2024-01-05 10:00:00.000123"),
        ("EEE, dd MMM yyyy HH:mm:ss zzz", "Fri, 05 Jan 2024 10:00:00 GMT"),
        ("yyyy-MM-dd'T'HH:mm:ssZ", "2024-01-05T10:00:00+0000"),
    ],
)
def test_letters_at_2024_01_05(pattern, expected):
    assert format_date(pattern, T, "GMT") == expected


@pytest.mark.parametrize(
    ("pattern", "instant", "zone", "expected"),
    [
        ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", T, "America/New_York", "2024-01-05T05:00:00.123-05:00"),
        ("yyyy-MM-dd'T'HH:mm:ss'Z'", T, "America/New_York", "2024-01-05T05:00:00Z"),
        ("Z X XX XXX", T, "Asia/Kolkata", "+0530 +05 +0530 +05:30"),
        ("Z X XX XXX", T, "America/St_Johns", "-0330 -03 -0330 -03:30"),
        ("Z XXX", ms(1900, 6, 1), "Asia/Kolkata", "+0521 +05:21"),  # +05:21:10, seconds truncated
        ("z zzzz", ms(2024, 7, 5), "America/New_York", "EDT Eastern Daylight Time"),
        ("z", ms(2024, 7, 5), "EST", "EST"),
        ("z", ms(2024, 7, 5), "PST", "PDT"),
        ("z zzzz", ms(2024, 7, 5), "BST", "BDT Bangladesh Standard Time"),
        ("z", T, "GMT+05:30", "GMT+05:30"),
        ("z Z X", T, "GMT-00:00", "GMT-00:00 +0000 Z"),
        ("z zzzz", T, "Bogus/Zone", "GMT Greenwich Mean Time"),
        ("z", ms(2024, 7, 5), "Europe/Dublin", "IST"),
        ("z", T, "Asia/Dubai", "GST"),
        ("YYYY-ww yyyy-ww YY", ms(2024, 12, 29), "GMT", "2025-01 2024-01 25"),
        ("YYYY", ms(2026, 12, 31), "GMT", "2027"),
        ("W", ms(2024, 1, 6), "GMT", "1"),
        ("W", ms(2024, 1, 7), "GMT", "2"),
        ("F", ms(2024, 1, 12), "GMT", "2"),
        ("u", ms(2024, 1, 7), "GMT", "7"),
        ("k h K a", ms(2024, 1, 5, 0), "GMT", "24 12 0 AM"),
        ("k h K a", ms(2024, 1, 5, 12), "GMT", "12 12 0 PM"),
        ("S SS SSS", ms(2024, 1, 5) + 5, "GMT", "5 05 005"),
        ("S", ms(2024, 1, 5) + 50, "GMT", "50"),
        ("y yyyy", ms(99, 6, 1), "GMT", "99 0099"),
        ("yyyy", ms(9999, 12, 31) + 86_400_000, "GMT", "10000"),
        ("yyyy-MM-dd", ms(1582, 10, 14), "GMT", "1582-10-04"),  # Julian before the cutover
        ("yyyy-MM-dd", ms(1582, 10, 15), "GMT", "1582-10-15"),
        ("yyyy-MM-dd", ms(1500, 3, 1), "GMT", "1500-02-20"),
        ("yyyy-MM-dd G", ms(1, 1, 1), "GMT", "0001-01-03 AD"),
        ("XXX", ms(1880, 6, 1), "America/New_York", "-05:00"),  # pre-1900: the raw offset
    ],
)
def test_documented_examples(pattern, instant, zone, expected):
    assert format_date(pattern, instant, zone) == expected


def test_bc_years():
    two_bc = ms(1, 1, 1) - 2 * 366 * 86_400_000
    assert format_date("G y yyyy", two_bc, "GMT") == "BC 2 0002"


def test_datetime_instants():
    aware = datetime(2024, 1, 5, 5, 0, 0, 123_999, tzinfo=timezone(timedelta(hours=-5)))
    assert format_date("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", aware, "GMT") == "2024-01-05T10:00:00.123Z"
    assert epoch_millis(aware) == T
    assert epoch_millis(datetime(1969, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone.utc)) == -1
    assert compile_pattern("HH:mm").format(aware, "Asia/Kolkata") == "15:30"


def test_naive_datetime_is_a_type_error():
    with pytest.raises(TypeError, match="naive datetime"):
        format_date("yyyy", datetime(2024, 1, 5), "GMT")
    with pytest.raises(TypeError, match="epoch milliseconds"):
        format_date("yyyy", "2024-01-05", "GMT")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_date("yyyy", True, "GMT")


def test_formatters_are_compiled_once():
    pattern = compile_pattern("yyyy-MM-dd")
    assert formatter_for(pattern) is formatter_for("yyyy-MM-dd")
    assert formatter_for(pattern)(T, resolve_zone("GMT").zone) == "2024-01-05"


def test_a_pattern_of_many_fields_compiles_in_linear_time():
    """helper-175: a pattern's formatter was one f-string, which Python compiles in time growing with the square of its
    fields: a 400 KB `y'x'...` pattern (100,000 fields) took 22 s of CPU, in `check` too. The formatter's source is
    now f-strings of a bounded size, joined (counted, not timed)."""
    import ast

    from validator.dates.format import _source

    source = _source(compile_pattern("y'x'" * 1000).tokens)
    fstrings = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.JoinedStr)]
    assert len(fstrings) == 8 and max(len(f.values) for f in fstrings) <= 256
    assert format_date("y'x'" * 10_000, T, "GMT") == "2024x" * 10_000
    assert format_date("yyyy-MM-dd'T'HH:mm:ss.SSSXXX '{}'", T, "America/New_York") == "2024-01-05T05:00:00.123-05:00 {}"


def test_far_instants():
    # the JDK's answers; the final DST rules hold forever
    assert format_date("G yyyy-MM-dd HH:mm:ss.SSS", -(2**62), "GMT") == "BC 146133543-06-11 08:23:32.096"
    assert format_date("G yyyy-MM-dd z", 2**62, "America/New_York") == "AD 146140482-04-24 EDT"


def test_calendar_round_trip_across_the_cutover():
    previous = civil_from_days(-141_428)
    assert previous == (1582, 10, 4)
    assert civil_from_days(-141_427) == (1582, 10, 15)


# --------------------------------------------------------------------------- golden vectors


def _golden() -> list[tuple[str, str, int, str]]:
    from jdk import _unescape

    lines = GOLDEN.read_text(encoding="utf-8").split("\n")
    rows = []
    for line in lines[2:]:  # two header lines; a pattern may itself start with "#"
        if line:
            pattern, zone, instant, expected = (_unescape(f) for f in line.split("\t"))
            rows.append((pattern, zone, int(instant), expected))
    return rows


def test_golden_vectors():
    header = GOLDEN.read_text(encoding="utf-8").split("\n", 1)[0]
    found = re.search(r"tzdb (\S+)\)", header)
    assert found, header
    if found.group(1) != data_version().tzdb_version:
        pytest.skip(f"golden vectors are from tzdb {found.group(1)}, the zone table from "
                    f"{data_version().tzdb_version}: rerun tools/gen_golden.py")
    rows = _golden()
    assert len(rows) >= 3000
    wrong = [(p, z, t, e, got) for p, z, t, e in rows if (got := format_date(p, t, z)) != e]
    assert not wrong, f"{len(wrong)} of {len(rows)} golden vectors differ: {wrong[:10]}"


# --------------------------------------------------------------------------- differential (JDK)

_quoted_text = st.text(alphabet="abcTZxyz :-'", min_size=1, max_size=4).map(lambda s: "'" + s.replace("'", "''") + "'")
_field = st.builds(
    lambda letter, count: letter * (min(count, 3) if letter == "X" else count),
    st.sampled_from(LETTERS),
    st.integers(1, 6),
)
_piece = st.one_of(_field, _field, _field, _quoted_text, st.just("''"), st.sampled_from(list(" -:/.,T_[]{}#@\\é")))
PATTERNS = st.lists(_piece, min_size=1, max_size=7).map(
    lambda pieces: re.sub("X{4,}", "XXX", "".join(p if p != "T" else "'T'" for p in pieces))
)
ZONE_IDS = list(available_ids()) + [
    "GMT+5", "GMT+530", "GMT+05:30", "GMT-0800", "GMT+123", "GMT-00:00", "GMT+0:00", "GMT+23:59",
    "Bogus/Zone", "UTC+05:30", "+05:30", "Z", "utc", "gmt", "GMT+24:00", "GMT+5:5", "america/new_york",
]


def _instant(rnd) -> int:
    """Mostly 1970-2100, some 1900-1970, a few from year 1 to 1900 and 2100-2400."""
    r = rnd.random()
    if r < 0.7:
        return rnd.randrange(0, ms(2100, 1, 1))
    if r < 0.85:
        return rnd.randrange(ms(1900, 1, 1), 0)
    if r < 0.95:
        return rnd.randrange(ms(1, 1, 1), ms(1900, 1, 1))
    return rnd.randrange(ms(2100, 1, 1), ms(2400, 1, 1))


def _cases(patterns: list[str], seed: int) -> list[tuple[str, str, int]]:
    """Each pattern with 5 (zone, instant) pairs drawn from ``seed``: hypothesis draws (and shrinks)
    the patterns and the seed, a seeded PRNG the rest, which keeps generation cheap."""
    import random

    rnd = random.Random(seed)
    return [(p, rnd.choice(ZONE_IDS), _instant(rnd)) for p in patterns for _ in range(5)]


def _comparable(jdk, cases):
    """All cases, or under another tzdb only those whose zone offsets agree with the JDK (``O``)."""
    if jdk.tzdb_version == data_version().tzdb_version:
        return list(cases)
    answers = jdk.batch([("O", z, t) for _, z, t in cases])
    keep = [c for c, a in zip(cases, answers)
            if a[1:] == [str(v) for v in resolve_zone(c[1]).zone.offsets_at(c[2])]]
    print(f"JDK tzdb {jdk.tzdb_version} != table tzdb {data_version().tzdb_version}: "
          f"comparing {len(keep)} of {len(cases)} cases whose offsets agree")
    return keep


def _differences(jdk, cases):
    cases = _comparable(jdk, cases)
    answers = jdk.batch([("F", p, z, t) for p, z, t in cases])
    return [(p, z, t, a, got) for (p, z, t), a in zip(cases, answers)
            if a != ["OK", (got := format_date(p, t, z))]]


@pytest.mark.jdk
@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(patterns=st.lists(PATTERNS, min_size=50, max_size=50), seed=st.integers(0, 2**32))
def test_random_patterns_match_the_jdk(jdk, patterns, seed):
    """24 examples x 50 patterns x 5 (zone, instant): 6,000 cases a run."""
    wrong = _differences(jdk, _cases(patterns, seed))
    assert not wrong, wrong[:5]


@pytest.mark.jdk
def test_every_zone_every_zone_letter(jdk):
    import random

    rnd = random.Random(11)
    instants = [ms(1970, 1, 1), ms(2024, 1, 15, 12), ms(2024, 7, 15, 12), ms(1944, 7, 1), ms(2120, 7, 1)]
    cases = [("z zzzz Z X XX XXX yyyy-MM-dd HH:mm:ss", z, t) for z in ZONE_IDS
             for t in instants + [rnd.randrange(ms(1900, 1, 1), ms(2100, 1, 1))]]
    wrong = _differences(jdk, cases)
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


@pytest.mark.jdk
def test_calendar_edges_match_the_jdk(jdk):
    """Year ends (US week years), the 1582 cutover, BC years, huge counts."""
    import random

    from validator.dates.format import _days_from_civil

    rnd = random.Random(12)
    patterns = ["G yyyy yy Y YY YYYYY MM dd D w W F E u", "y-M-d D w W F Y k h K a", "d" * 400, "Y" * 320]
    years = list(range(-12, 12)) + list(range(1578, 1588)) + [rnd.randrange(-3000, 10000) for _ in range(40)]
    days = [(12, 25), (12, 28), (12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 4), (1, 7), (10, 1),
            (10, 4), (10, 15), (10, 16), (10, 31), (2, 28), (3, 1)]
    cases = [(p, "GMT", _days_from_civil(y, m, d) * 86_400_000 + rnd.randrange(86_400_000))
             for y in years for m, d in days for p in patterns[:2]]
    cases += [(p, rnd.choice(ZONE_IDS), rnd.randrange(-(2**50), 2**50)) for p in patterns for _ in range(25)]
    ends = [2**63 - 1, -(2**63), 2**63 - 1 - rnd.randrange(2**40), -(2**63) + rnd.randrange(2**40)]
    cases += [(patterns[0] + " z Z", z, t) for t in ends for z in ("America/New_York", "America/Santiago", "GMT")]
    wrong = _differences(jdk, cases)
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


@pytest.mark.jdk
def test_golden_vectors_are_what_the_jdk_says(jdk):
    if jdk.tzdb_version != data_version().tzdb_version:
        pytest.skip("the JDK's tzdb differs from the table's: golden vectors are checked without the JDK")
    rows = _golden()[::10]
    answers = jdk.batch([("F", p, z, t) for p, z, t, _ in rows])
    assert [a[1] for a in answers] == [e for *_, e in rows]


@pytest.mark.jdk
def test_another_tzdb_compares_only_the_cases_that_agree(jdk):
    from test_zones import _OtherTzdb

    cases = [("yyyy z", "Europe/Paris", T), ("yyyy z", "Asia/Tokyo", T)]
    assert _comparable(_OtherTzdb(jdk), cases) == cases[1:]


@pytest.mark.jdk
@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(patterns=st.lists(PATTERNS, min_size=50, max_size=50), seed=st.integers(0, 2**32))
def test_long_fuzz_against_the_jdk(jdk, patterns, seed):
    """``-m slow``: 100,000 cases."""
    wrong = _differences(jdk, _cases(patterns, seed))
    assert not wrong, wrong[:5]


def test_an_instant_beyond_java_s_long_is_refused_not_formatted():
    """helper-167: format_date(p, 10**20) printed the year 3168875820 and render_url did the same: no Java Date holds
    it (a long), so there is no Java answer to give; the longest ones still format as Java does."""
    import validator

    assert validator.format_date("yyyy-MM-dd G", 2 ** 63 - 1, "GMT") == "292278994-08-17 AD"
    assert validator.format_date("yyyy-MM-dd G", -(2 ** 63), "GMT") == "292269055-12-02 BC"
    for beyond in (2 ** 63, -(2 ** 63) - 1, 10 ** 20):
        with pytest.raises(ValueError, match="beyond what Java's Date holds"):
            validator.format_date("yyyy", beyond, "GMT")
        with pytest.raises(ValueError, match="beyond what Java's Date holds"):
            validator.render_url("/x?where=a>'${gmtDate:yyyy}'", beyond)
