"""Regenerate ``tests/golden/format_vectors.tsv``: SimpleDateFormat outputs from the JDK.

Each line is ``pattern<TAB>zone<TAB>epochMillis<TAB>expected`` (fields escaped as in
``tests/java/Oracle.java``: ``\\\\``, ``\\t``, ``\\n``, ``\\r``).  The cases are
deterministic: common Cloud Elements patterns, every letter with counts 1-6, and seeded
random patterns, over instants from year 1 to 2200 and zones of every kind (IANA, legacy
3-letter, custom ``GMT+h:mm``, unknown).  ``tests/test_dates_format.py`` checks them
without a JDK.

Usage: ``python3 tools/gen_golden.py``  (needs ``java`` and ``javac``, or ``JAVA_HOME``)
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from jdk import Oracle, _escape, find_java  # noqa: E402

OUT = ROOT / "tests" / "golden" / "format_vectors.tsv"
LETTERS = "GyMdkHmsSEDFwWahKzZYuXL"
COMMON = [
    "yyyy-MM-dd'T'HH:mm:ss'Z'",
    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
    "yyyy-MM-dd'T'HH:mm:ssZ",
    "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    "yyyy-MM-dd'T'HH:mm:ssXXX",
    "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
    "yyyy-MM-dd HH:mm:ss",
    "yyyy-MM-dd HH:mm:ss.SSSSSS",
    "yyyy-MM-dd",
    "MM/dd/yyyy hh:mm a",
    "EEE, dd MMM yyyy HH:mm:ss zzz",
    "EEE, d MMM yyyy HH:mm:ss Z",
    "EEEE, MMMM d, yyyy h:mm:ss a zzzz",
    "YYYY-'W'ww-u",
    "yyyy-ww",
    "yyyyMMddHHmmss",
    "yyMMdd",
    "yyy.DDD",
    "G yyyy-MM-dd",
    "h 'o''clock' a, zzzz",
    "k:mm K:mm",
    "X XX XXX",
    "dd-MMM-yy HH.mm.ss.SSS",
    "F W w D",
    "''''yyyy''",
]
ZONES = [
    "GMT", "UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Dublin", "Europe/Paris",
    "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "Africa/Windhoek",
    "America/Sao_Paulo", "Asia/Gaza", "Africa/Casablanca", "America/St_Johns", "Pacific/Apia",
    "PST", "EST", "MST", "HST", "IST", "BST", "CST", "AET", "SystemV/EST5EDT",
    "GMT+5", "GMT+05:30", "GMT-0800", "GMT+123", "GMT-00:00", "GMT+5:5", "Bogus/Zone", "utc",
]
INSTANTS = [
    1704448800123,  # 2024-01-05T10:00:00.123Z
    1720087200005,  # 2024-07-04T10:00:00.005Z
    1735430400050,  # 2024-12-29T00:00:00.050Z (a Sunday: week year 2025)
    0,
    -1,
    951782400000,  # 2000-02-29
    4102444799999,  # 2099-12-31T23:59:59.999Z
    -2208988800000,  # 1900-01-01T00:00Z
    -2208988800001,
    -12219292800000,  # 1582-10-15T00:00Z (Gregorian cutover)
    -12219292800001,
    -62135596800000,  # 0001-01-01T00:00Z (proleptic)
    -62198755200000,  # 1 BC
    7258118400000,  # 2200-01-01
]


def random_pattern(rnd: random.Random) -> str:
    pieces = []
    for _ in range(rnd.randint(1, 6)):
        r = rnd.random()
        if r < 0.6:
            letter = rnd.choice(LETTERS)
            pieces.append(letter * (rnd.randint(1, 3) if letter == "X" else rnd.randint(1, 6)))
        elif r < 0.75:
            text = "".join(rnd.choice("abTZ: -'") for _ in range(rnd.randint(1, 4)))
            pieces.append("'" + text.replace("'", "''") + "'")
        elif r < 0.8:
            pieces.append("''")
        else:
            pieces.append(rnd.choice(" -:/.,_[]#@{}\\é"))
    return re.sub("X{4,}", "XXX", "".join(pieces))  # adjacent X runs merge; Java allows 3 at most


def cases() -> list[tuple[str, str, int]]:
    rnd = random.Random(20240105)
    out: list[tuple[str, str, int]] = []
    for pattern in COMMON:
        for instant in INSTANTS:
            out.append((pattern, rnd.choice(ZONES), instant))
        for zone in ZONES:
            out.append((pattern, zone, rnd.randrange(0, 4102444800000)))
    for letter in LETTERS:
        for count in range(1, 4 if letter == "X" else 7):
            for _ in range(5):
                zone = rnd.choice(ZONES)
                extra = rnd.randrange(-2208988800000, 4102444800000)
                out.append((letter * count, zone, rnd.choice([*INSTANTS, extra])))
    while len(out) < 3000:
        r = rnd.random()
        if r < 0.7:
            instant = rnd.randrange(0, 4102444800000)
        elif r < 0.9:
            instant = rnd.randrange(-2208988800000, 0)
        else:
            instant = rnd.randrange(-62135596800000, -2208988800000)
        out.append((random_pattern(rnd), rnd.choice(ZONES), instant))
    return out


def main() -> int:
    found = find_java()
    if found is None:
        print("no JDK found (java and javac, or JAVA_HOME)", file=sys.stderr)
        return 2
    oracle = Oracle(*found)
    try:
        todo = cases()
        answers = oracle.batch([("F", p, z, t) for p, z, t in todo])
        lines = [f"# SimpleDateFormat(pattern, Locale.US) outputs from JDK {oracle.java_version} "
                 f"(tzdb {oracle.tzdb_version}); regenerate with tools/gen_golden.py",
                 "# pattern\tzone\tepochMillis\texpected"]
        for (pattern, zone, instant), answer in zip(todo, answers):
            if answer[0] != "OK":
                raise SystemExit(f"JDK rejected {pattern!r}: {answer}")
            lines.append("\t".join((_escape(pattern), _escape(zone), str(instant), _escape(answer[1]))))
    finally:
        oracle.close()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(todo)} vectors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
