"""Regenerate ``validator/dates/data/zones.tsv`` from the installed JDK.

Compiles and runs ``tools/ZoneDump.java`` (every id of ``TimeZone.getAvailableIDs()``:
``getID``, raw offset, ``useDaylightTime``, the four Locale.US display names, the
offset history as ``GregorianCalendar`` reports it from 1900 to 2200, the zone's final
``ZoneOffsetTransitionRule``s, and ``DateFormatSymbols.getZoneStrings()``), then
compresses it: identical histories are stored once, and after a zone's last explicit
transition its rules replace the dumped values when they reproduce them exactly up to
2200 (checked here, zone by zone, with the decoder the library uses).

Usage: ``python3 tools/gen_zone_data.py [--java-home DIR] [--output FILE]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from validator.dates.zones import JavaZone, decode_history  # noqa: E402

OUT = ROOT / "validator" / "dates" / "data" / "zones.tsv"
START_S = -2_208_988_800
CUT_2038 = 2_145_916_800_000  # 2038-01-01T00:00Z


def run_dump(java_home: str | None) -> list[str]:
    java = os.path.join(java_home, "bin", "java") if java_home else "java"
    javac = os.path.join(java_home, "bin", "javac") if java_home else "javac"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([javac, "-encoding", "UTF-8", "-d", tmp, str(ROOT / "tools" / "ZoneDump.java")], check=True)
        result = subprocess.run(
            [java, "-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US", "-cp", tmp, "ZoneDump"],
            check=True,
            capture_output=True,
        )
    return result.stdout.decode("utf-8").split("\n")


def encode(initial: tuple[int, int], changes: list[tuple[int, int, int]], rules: str) -> str:
    parts = [f"{initial[0] // 1000},{initial[1] // 1000}"]
    prev = START_S * 1000
    for t, total, dst in changes:
        assert total % 1000 == 0 and dst % 1000 == 0, (t, total, dst)
        seconds, millis = divmod(t - prev, 1000)
        # Java's own table has a few one-millisecond runs (Asia/Gaza at 2037-10-09T23:00Z).
        delta = f"{seconds}.{millis:03d}" if millis else str(seconds)
        parts.append(f"{delta}:{total // 1000},{dst // 1000}")
        prev = t
    text = ";".join(parts)
    return f"{text}|{rules}" if rules else text


def reproduces(text: str, initial: tuple[int, int], changes: list[tuple[int, int, int]], end_ms: int) -> bool:
    times, values, rules, expanded_to = decode_history(text)
    zone = JavaZone("check", 0, False, ("",) * 4, times, values, rules, expanded_to)
    if rules:
        zone._expand(2201)
    got = [(t, *v) for t, v in zip(zone._times, zone._values[1:]) if t < end_ms]
    want = [c for c in changes if c[0] < end_ms]
    return zone._values[0] == initial and got == want


def last_week_variant(rules: str) -> str:
    """The rules with ``dow>=24`` read as "last dow of the month".

    Java's ``ZoneInfo`` turns such a rule into a ``SimpleTimeZone`` last-weekday rule
    (observed for Asia/Gaza ``Sat>=24``: 2040-03-31, not 03-24); whether a zone needs this
    variant is decided by comparing with Java's own values to 2200.
    """
    out = []
    for rule in rules.split(";"):
        f = rule.split(",")
        if int(f[1]) >= 24 and f[2] != "0":
            f[1] = "-1"
        out.append(",".join(f))
    return ";".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--java-home", default=os.environ.get("JAVA_HOME"))
    parser.add_argument("--output", type=Path, default=OUT, help=f"default: {OUT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    out_path: Path = args.output
    lines = run_dump(args.java_home)
    version = ""
    end_ms = 0
    zones: list[list[str]] = []
    histories: dict[str, int] = {}
    strings: list[str] = []
    current: list[str] = []
    initial: tuple[int, int] = (0, 0)
    changes: list[tuple[int, int, int]] = []
    rules_only = fallbacks = 0
    for line in lines:
        if not line:
            continue
        kind, _, rest = line.partition("\t")
        if kind == "V":
            version = line
            end_ms = int(rest.split("\t")[2])
        elif kind == "Z":
            f = rest.split("\t")
            current = [f[0], f[1], f[2], f[3], f[5], f[6], f[7], f[8]]
        elif kind == "H":
            f = rest.split("\t")
            initial = (int(f[0]), int(f[1]))
            changes = [tuple(map(int, c.split(":"))) for c in f[2:]]  # type: ignore[misc]
        elif kind == "R":
            rules = rest
        elif kind == "L":
            last = None if rest == "-" else int(rest) * 1000
            text = encode(initial, changes, "")
            if rules and last is not None:
                # java.util.ZoneInfo keeps explicit values to 2037 and its final rules after: try
                # the earliest cut first, then the last explicit ZoneRules transition.
                late = {c[0] for c in changes if CUT_2038 - 366 * 86_400_000 <= c[0] < CUT_2038 + 3 * 366 * 86_400_000}
                found = False
                for variant in (rules, last_week_variant(rules)):
                    for cut in sorted({min(last, CUT_2038), last} | late):
                        candidate = encode(initial, [c for c in changes if c[0] <= cut], variant)
                        if reproduces(candidate, initial, changes, end_ms):
                            text, found = candidate, True
                            rules_only += 1
                            break
                    if found:
                        break
                if not found:
                    fallbacks += 1
                    print(f"kept explicit to 2200: {current[0]}", file=sys.stderr)
            assert reproduces(text, initial, changes, end_ms), current[0]
            index = histories.setdefault(text, len(histories))
            zones.append([*current, str(index)])
        elif kind == "S":
            strings.append(line)
    out = [version]  # in this order (V, Z, H, S): a check decodes only what precedes the histories
    out += ["Z\t" + "\t".join(z) for z in zones]
    out += ["H\t" + h for h in histories]  # dicts keep insertion order = index order
    out += strings
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(("\n".join(out) + "\n").encode("utf-8"))  # plain: a check reads it at start-up
    print(
        f"{out_path}: {len(zones)} ids, {len(histories)} distinct histories, "
        f"{rules_only} with final rules, {fallbacks} kept explicit to 2200, "
        f"{len(strings)} zone-string rows, {out_path.stat().st_size} bytes ({version.split(chr(9))[1:3]})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
