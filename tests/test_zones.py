"""``validator.dates.zones``: Java ``TimeZone.getTimeZone`` emulation.

Plain unit tests (the examples of ``java-date-patterns.md`` section 3) run everywhere;
the differential tests ask the JDK (``jdk`` fixture).  When the running JDK's tzdb is
not the one the shipped table was generated from, the differential offset tests compare
only the zones whose offsets agree, and say so; with the same tzdb every zone must agree.
"""

from __future__ import annotations

import random
import warnings
from datetime import datetime, timezone

import pytest

from validator.dates.zones import (
    JavaZone,
    ZoneResolution,
    available_ids,
    data_version,
    resolve_zone,
    zone_strings,
)

HOUR = 3_600_000


def ms(*args: int) -> int:
    return int(datetime(*args, tzinfo=timezone.utc).timestamp() * 1000)


JAN = ms(2024, 1, 5, 10)
JUL = ms(2024, 7, 5, 10)


# --------------------------------------------------------------------------- unit tests


def test_resolution_is_a_frozen_dataclass():
    r = resolve_zone("America/New_York")
    assert isinstance(r, ZoneResolution) and isinstance(r.zone, JavaZone)
    assert (r.requested, r.id, r.known) == ("America/New_York", "America/New_York", True)
    with pytest.raises(AttributeError):
        r.id = "x"  # type: ignore[misc]


@pytest.mark.parametrize("zone_id", ["Bogus/Zone", "UTC+05:30", "+05:30", "Z", "utc", "gmt", "GMT+24:00",
                                     "GMT+05:60", "GMT+5:5", "GMT+", "", "america/new_york"])
def test_unknown_ids_fall_back_to_gmt(zone_id):
    r = resolve_zone(zone_id)
    assert (r.id, r.known) == ("GMT", False)
    assert r.zone.offsets_at(JUL) == (0, 0)
    assert r.zone.names == ("GMT", "GMT", "Greenwich Mean Time", "Greenwich Mean Time")


@pytest.mark.parametrize(
    ("zone_id", "java_id", "offset_min"),
    [("GMT+5", "GMT+05:00", 300), ("GMT+530", "GMT+05:30", 330), ("GMT+123", "GMT+01:23", 83),
     ("GMT-0800", "GMT-08:00", -480), ("GMT+5:30", "GMT+05:30", 330), ("GMT-05:30", "GMT-05:30", -330),
     ("GMT+23:59", "GMT+23:59", 1439), ("GMT-00:00", "GMT-00:00", 0), ("GMT+0:00", "GMT+00:00", 0),
     ("GMT+00123", "GMT+01:23", 83)],
)
def test_custom_ids_are_normalised(zone_id, java_id, offset_min):
    r = resolve_zone(zone_id)
    assert (r.id, r.known) == (java_id, True)
    assert r.zone.raw_offset_ms == offset_min * 60_000
    assert r.zone.offsets_at(JUL) == (offset_min * 60_000, 0)
    assert r.zone.names == (java_id,) * 4
    assert r.zone.is_fixed and not r.zone.uses_daylight


def test_legacy_ids():
    pst = resolve_zone("PST").zone
    assert pst.id == "PST" and pst.offsets_at(JUL) == (-7 * HOUR, HOUR)
    assert pst.name_at(JUL, False) == "PDT" and pst.name_at(JAN, False) == "PST"
    est = resolve_zone("EST").zone  # a fixed offset, unlike America/New_York
    assert est.offsets_at(JUL) == (-5 * HOUR, 0) and est.name_at(JUL, False) == "EST"
    bst = resolve_zone("BST").zone  # Bangladesh, not British Summer Time
    assert bst.names[0] == "BDT" and bst.names[2] == "Bangladesh Standard Time"
    assert resolve_zone("BST").zone.offsets_at(JUL) == (6 * HOUR, 0)
    ist = resolve_zone("IST").zone
    assert ist.names[2] == "India Standard Time" and ist.offsets_at(JUL) == (5 * HOUR + 30 * 60_000, 0)
    assert resolve_zone("CST").zone.offsets_at(JAN) == (-6 * HOUR, 0)
    assert resolve_zone("SystemV/EST5").known


def test_names_follow_java_dst():
    ny = resolve_zone("America/New_York").zone
    assert ny.names == ("EST", "EDT", "Eastern Standard Time", "Eastern Daylight Time")
    assert ny.name_at(JUL, True) == "Eastern Daylight Time"
    dublin = resolve_zone("Europe/Dublin").zone  # rearguard data: summer is Java's "daylight" slot
    assert dublin.name_at(JAN, False) == "GMT" and dublin.name_at(JUL, False) == "IST"
    assert dublin.name_at(JUL, True) == "Irish Standard Time"
    assert resolve_zone("Asia/Dubai").zone.name_at(JUL, False) == "GST"
    assert resolve_zone("America/Sao_Paulo").zone.name_at(JUL, False) == "BRT"
    assert resolve_zone("Etc/GMT-3").zone.name_at(JUL, False) == "GMT+03:00"


def test_history_before_1900_uses_the_raw_offset():
    assert resolve_zone("America/New_York").zone.offsets_at(ms(1880, 6, 1)) == (-5 * HOUR, 0)
    assert resolve_zone("Asia/Kolkata").zone.offsets_at(ms(1850, 1, 1)) == (5 * HOUR + 30 * 60_000, 0)
    paris = resolve_zone("Europe/Paris").zone
    assert paris.offsets_at(ms(1900, 1, 1) - 60_000) == (HOUR, 0)
    assert paris.offsets_at(ms(1900, 1, 1)) == (9 * 60_000 + 21_000, 0)  # PMT +00:09:21
    kolkata = resolve_zone("Asia/Kolkata").zone
    assert kolkata.offsets_at(ms(1900, 6, 1)) == ((5 * 3600 + 21 * 60 + 10) * 1000, 0)


def test_final_rules_beyond_the_table():
    ny = resolve_zone("America/New_York").zone
    for year in (2150, 2199, 2250, 3000, 100_000, 10_000_000):
        july = (datetime(2001, 7, 4, tzinfo=timezone.utc).timestamp() * 1000)
        assert ny.offsets_at(int(july) + (year - 2001) * 31_556_952_000) == (-4 * HOUR, HOUR), year
    assert ny.offsets_at(ms(2300, 1, 15)) == (-5 * HOUR, 0)
    assert resolve_zone("Australia/Sydney").zone.offsets_at(ms(2500, 1, 15)) == (11 * HOUR, HOUR)


def test_dates_moving_year_by_year_expand_the_rules_in_chunks(monkeypatch):
    """Each expansion copies the transition lists; one per year made later years ever slower (counted,
    not timed), so the rules are expanded ahead, and the answers stay those of the final rules."""
    zone = JavaZone("Test/NY", -5 * 3_600_000, True, ("EST", "EDT", "Eastern", "Eastern Daylight"),
                    *_copy_of("America/New_York"))
    copies = []
    expand = JavaZone._expand

    def counted(self: JavaZone, year: int) -> None:
        before = self._expanded_to
        expand(self, year)
        if self._expanded_to != before:
            copies.append(self._expanded_to)

    monkeypatch.setattr(JavaZone, "_expand", counted)
    july = int(datetime(2001, 7, 4, tzinfo=timezone.utc).timestamp() * 1000)
    for year in range(2100, 4100):
        assert zone.offsets_at(july + (year - 2001) * 31_556_952_000) == (-4 * HOUR, HOUR), year
    assert len(copies) <= 16, copies


def _copy_of(zone_id: str) -> tuple:
    """A fresh copy of a zone's table (the cached zones are shared by every test)."""
    zone = resolve_zone(zone_id).zone
    return list(zone._times), list(zone._values), zone._rules, zone._expanded_to


def test_gregorian_calendars_last_year_has_no_dst_start():
    """Java's answers at the end of the long range (year 292278994: DST ends, never starts)."""
    from validator.dates.format import _days_from_civil

    def at(y: int, m: int, d: int) -> int:
        return _days_from_civil(y, m, d) * 86_400_000 + 12 * HOUR

    assert resolve_zone("America/New_York").zone.offsets_at(at(292278993, 7, 1)) == (-4 * HOUR, HOUR)
    assert resolve_zone("America/New_York").zone.offsets_at(at(292278994, 3, 20)) == (-5 * HOUR, 0)
    assert resolve_zone("Australia/Sydney").zone.offsets_at(at(292278994, 1, 1)) == (11 * HOUR, HOUR)
    assert resolve_zone("America/Santiago").zone.offsets_at(at(292278994, 8, 10)) == (-4 * HOUR, 0)
    assert resolve_zone("America/New_York").zone.offsets_at(2**63 - 1) == (-5 * HOUR, 0)


def test_offsets_at_is_consistent_with_offset_span():
    zone = resolve_zone("Europe/London").zone
    lo, hi, value = zone.offset_span(JUL)
    assert lo <= JUL < hi and value == (HOUR, HOUR) == zone.offsets_at(lo) == zone.offsets_at(hi - 1)
    assert zone.offsets_at(lo - 1) == zone.offsets_at(hi) == (0, 0)


def test_listing_functions():
    ids = available_ids()
    assert len(ids) == len(set(ids)) >= 600
    assert ids[0] == "Africa/Abidjan" and "America/New_York" in ids and "PST" in ids
    rows = zone_strings()
    assert len(rows) > 500
    assert rows[0][:5] == ("America/Los_Angeles", "Pacific Standard Time", "PST", "Pacific Daylight Time", "PDT")
    version = data_version()
    assert version.tzdb_version and version.java_version and version.table_end_ms == ms(2200, 1, 1)


def test_zone_strings_agree_with_display_names():
    for row in zone_strings():
        r = resolve_zone(row[0])
        assert r.known, row[0]
        std_short, dst_short, std_long, dst_long = r.zone.names
        assert row[1:5] == (std_long, std_short, dst_long, dst_short), row


def test_a_table_checked_out_with_crlf_reads_the_same():
    from validator.dates import zones

    data = zones.DATA_FILE.read_bytes()
    plain, crlf = zones._Table(data), zones._Table(data.replace(b"\n", b"\r\n"))
    assert crlf.entries == plain.entries and crlf.histories == plain.histories
    assert crlf.zone_strings == plain.zone_strings and crlf.version == plain.version


def test_the_table_lists_its_sections_in_the_order_it_is_read_in():
    """The start-up decodes only what precedes the first history line (tools/gen_zone_data.py writes that order)."""
    from validator.dates import zones

    kinds = [line[:1] for line in zones.DATA_FILE.read_text(encoding="utf-8").splitlines()]
    runs = [kind for i, kind in enumerate(kinds) if i == 0 or kinds[i - 1] != kind]
    assert runs == ["V", "Z", "H", "S"]
    table = zones._Table(zones.DATA_FILE.read_bytes())
    assert len(table.entries) == kinds.count("Z") and len(table.histories) == kinds.count("H")
    assert len(table.zone_strings) == kinds.count("S") and table.version is not None


def test_only_requested_zones_are_decoded():
    from validator.dates import zones

    table = zones._Table(zones.DATA_FILE.read_bytes())
    assert not table._decoded and len(table.histories) > 300
    index = int(table.entries["Asia/Tokyo"][-1])
    times, values, rules, _ = table.history(index)
    assert list(table._decoded) == [index] and values[-1] == (9 * HOUR, 0) and not rules


# --------------------------------------------------------------------------- differential tests


def _agreeing(jdk, ids: list[str]) -> list[str]:
    """The ids to compare offsets for: all, or -- under another tzdb -- those whose offsets agree."""
    if jdk.tzdb_version == data_version().tzdb_version:
        return ids
    probes = [ms(y, m, 15) for y in range(1900, 2101, 3) for m in (1, 7)]
    answers = jdk.batch([("O", z, t) for z in ids for t in probes])
    keep = []
    for i, z in enumerate(ids):
        zone = resolve_zone(z).zone
        mine = answers[i * len(probes):(i + 1) * len(probes)]
        if all([str(v) for v in zone.offsets_at(t)] == a[1:] for t, a in zip(probes, mine)):
            keep.append(z)
    message = (f"JDK tzdb {jdk.tzdb_version} differs from the table's {data_version().tzdb_version}: "
               f"comparing offsets of the {len(keep)} of {len(ids)} zones that agree")
    print(message)
    warnings.warn(message, stacklevel=2)
    return keep


@pytest.mark.jdk
def test_resolve_zone_matches_get_time_zone(jdk):
    rnd = random.Random(2)
    ids = list(available_ids())
    cands = ids + [z.lower() for z in ids[::3]] + [z.upper() for z in ids[::3]]
    alphabet = "+-:0123456789 a\u0663"
    cands += ["GMT" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 7))) for _ in range(3000)]
    cands += ["GMT+0", "GMT-0", "GMT0", "GMT+00:00", "GMT+000005", "GMT+24", "GMT+1:", "GMT+:30", "GMT+12:3",
              "UTC", "UCT", "Zulu", "Etc/GMT+5", "Bogus/Zone", "", "Z", "GMT"]
    answers = jdk.batch([("Z", c) for c in cands])
    wrong = []
    for c, answer in zip(cands, answers):
        r = resolve_zone(c)
        got = ["OK", r.id, str(r.zone.raw_offset_ms), str(r.zone.uses_daylight).lower()]
        if got != answer:
            wrong.append((c, answer, got))
        # known=False exactly when Java fell back to GMT for an id that is not GMT's own
        if not r.known:
            assert answer[1] == "GMT", c
    assert not wrong, wrong[:10]


@pytest.mark.jdk
def test_offsets_match_gregorian_calendar_at_every_change(jdk):
    """Every change instant (and the millisecond before it) of every zone, 1900-2200, plus random instants."""
    rnd = random.Random(4)
    ids = _agreeing(jdk, list(available_ids()))
    requests = []
    for z in ids:
        zone = resolve_zone(z).zone
        zone.offsets_at(ms(2201, 1, 1))  # expand the final rules past the table
        changes = [t for t in zone._times if t < ms(2201, 1, 1)]
        if len(changes) > 60:
            changes = changes[:10] + rnd.sample(changes[10:-10], 40) + changes[-10:]
        probes = [t + d for t in changes for d in (-1, 0)]
        probes += [rnd.randrange(ms(1850, 1, 1), ms(2300, 1, 1)) for _ in range(10)]
        probes += [ms(1899, 12, 31, 23, 59), ms(1900, 1, 1), rnd.randrange(-62_135_596_800_000, ms(1900, 1, 1))]
        requests += [("O", z, t) for t in probes]
    answers = jdk.batch(requests)
    wrong = []
    for (_, z, t), answer in zip(requests, answers):
        got = ["OK", *map(str, resolve_zone(z).zone.offsets_at(t))]
        if got != answer:
            wrong.append((z, t, answer, got))
    assert not wrong, f"{len(wrong)} of {len(requests)} differ: {wrong[:10]}"


@pytest.mark.jdk
def test_name_at_matches_z_letters(jdk):
    rnd = random.Random(6)
    ids = _agreeing(jdk, list(available_ids())) + ["GMT+5", "GMT-00:00", "Bogus", "GMT+0:00"]
    instants = [ms(1975, 1, 10), ms(2024, 7, 4), ms(2024, 12, 25), ms(1943, 6, 1), ms(2150, 7, 1)]
    requests = [("F", "z|zzzz", z, t) for z in ids for t in instants + [rnd.randrange(0, ms(2100, 1, 1))]]
    answers = jdk.batch(requests)
    wrong = []
    for (_, _, z, t), answer in zip(requests, answers):
        zone = resolve_zone(z).zone
        got = ["OK", f"{zone.name_at(t, False)}|{zone.name_at(t, True)}"]
        if got != answer:
            wrong.append((z, t, answer, got))
    assert not wrong, wrong[:10]


@pytest.mark.jdk
def test_shipped_table_is_what_this_jdk_generates(jdk, tmp_path):
    """With the JDK and tzdb the table came from, regenerating it gives the same bytes."""
    import subprocess
    import sys
    from pathlib import Path

    from validator.dates.zones import DATA_FILE

    version = data_version()
    if (jdk.java_version, jdk.tzdb_version) != (version.java_version, version.tzdb_version):
        pytest.skip(f"table from JDK {version.java_version} / tzdb {version.tzdb_version}, running "
                    f"{jdk.java_version} / {jdk.tzdb_version}: run tools/gen_zone_data.py to refresh it")
    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "zones.tsv"
    subprocess.run([sys.executable, str(root / "tools" / "gen_zone_data.py"), "--output", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == DATA_FILE.read_bytes()


class _OtherTzdb:
    """The JDK oracle pretending to run another tzdb in which Europe/Paris changed."""

    def __init__(self, jdk) -> None:
        self._jdk = jdk
        self.java_version, self.tzdb_version = jdk.java_version, "0000z"

    def batch(self, requests):
        answers = self._jdk.batch(requests)
        return [["OK", "1000", "0"] if r[0] == "O" and r[1] == "Europe/Paris" else a
                for r, a in zip(requests, answers)]


@pytest.mark.jdk
def test_another_tzdb_compares_only_the_zones_that_agree(jdk):
    with pytest.warns(UserWarning, match="comparing offsets of the 2 of 3 zones"):
        keep = _agreeing(_OtherTzdb(jdk), ["Europe/Paris", "Asia/Tokyo", "America/New_York"])
    assert keep == ["Asia/Tokyo", "America/New_York"]


def test_resolve_zone_wants_a_string():
    with pytest.raises(TypeError, match="must be a str"):
        resolve_zone(None)  # type: ignore[arg-type]
