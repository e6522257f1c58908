"""`simulate` against the JDK deciding the same records: parse both dates, compare, pick the event.

Usage: python bench/bench_simulate.py [--n 20000]

Records of five real shapes (date format and zone), with updated dates around the last poll
time and created dates equal or earlier, some unreadable.  The Python side is the public
``simulate_entry`` (also ids, notes, the rendered URL once per resource); the JDK side
(bench/SimulateLoop.java) parses with one ``SimpleDateFormat`` per shape and makes the same
decision.  Both checksums (event and instant of every record) must agree.  Figures are
records per second of thread CPU time, best of three (the JDK: of five, JIT warmed).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHAPES = [
    ("yyyy-MM-dd'T'HH:mm:ss'Z'", "GMT"),
    ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "GMT"),
    ("yyyy-MM-dd HH:mm:ss", "America/New_York"),
    ("EEE, dd MMM yyyy HH:mm:ss zzz", "PST"),
    ("yyyy-MM-dd'T'HH:mm:ssZ", "Europe/Paris"),
]
SINCE = 1704448800000
TOLERANCE_S = 5
CODES = {"error": 0, "ignored": 1, "created": 2, "updated": 3}


def make_records(n: int) -> dict[int, list[dict[str, str]]]:
    from validator.dates.pattern import format_date

    rng = random.Random(42)
    by_shape: dict[int, list[dict[str, str]]] = {i: [] for i in range(len(SHAPES))}
    for i in range(n):
        shape = i % len(SHAPES)
        fmt, zone = SHAPES[shape]
        updated = SINCE + rng.randint(-7200, 7200) * 1000
        created = updated - rng.choice((0, 0, 3000, 86_400_000))
        text = format_date(fmt, updated, zone)
        if rng.random() < 0.05:
            text = text.replace(" ", "_", 1) if " " in text else text[:4] + "/" + text[5:]
        by_shape[shape].append({"id": str(i), "u": text, "c": format_date(fmt, created, zone)})
    return by_shape


def python_side(by_shape: dict[int, list[dict[str, str]]]) -> tuple[float, int]:
    from validator.simulate import Settings, simulate_entry

    settings = Settings(now=None)
    entries = [{"url": "/hubs/crm/contacts?where=u>'${gmtDate:yyyy-MM-dd}'", "idField": "id",
                "createdCheckTolerance": TOLERANCE_S,
                "datesConfiguration": {"updatedDateField": "u", "updatedDateFormat": fmt, "updatedDateTimezone": zone,
                                       "createdDateField": "c", "createdDateFormat": fmt, "createdDateTimezone": zone}}
               for fmt, zone in SHAPES]
    for shape, records in by_shape.items():  # warm the caches (compiled patterns, zones)
        simulate_entry(entries[shape], records[:5], SINCE, settings=settings)
    best, checksum = float("inf"), 0
    for _ in range(3):
        start = time.thread_time()
        results = [simulate_entry(entries[shape], records, SINCE, settings=settings)
                   for shape, records in by_shape.items()]
        best = min(best, time.thread_time() - start)
        checksum = 0
        for result in results:
            for record in result.records:
                instant = record.updated.instant_ms if record.updated and record.updated.instant_ms else 0
                checksum += CODES[record.event] * 31 + instant
    return best, checksum


def jdk_side(by_shape: dict[int, list[dict[str, str]]]) -> tuple[float, int] | None:
    java, javac = shutil.which("java"), shutil.which("javac")
    if not (java and javac):
        return None
    lines = [f"{SINCE} {TOLERANCE_S * 1000}"]
    for shape, records in by_shape.items():
        fmt, zone = SHAPES[shape]
        lines.extend(f"{fmt}\t{zone}\t{r['u']}\t{r['c']}" for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([javac, "-d", tmp, str(ROOT / "bench" / "SimulateLoop.java")], check=True)
        out = subprocess.run([java, "-Duser.timezone=GMT", "-cp", tmp, "SimulateLoop"],
                             input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]) / 1e9, int(out[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="records in all")
    args = parser.parse_args()
    by_shape = make_records(args.n)
    seconds, checksum = python_side(by_shape)
    print(f"python  {args.n / seconds:12,.0f} records/s  (simulate_entry: dates, event, id, notes)")
    jdk = jdk_side(by_shape)
    if jdk is None:
        print("jdk     skipped: no java/javac")
        return 0
    print(f"jdk     {args.n / jdk[0]:12,.0f} records/s  (SimpleDateFormat.parse + the same decision)")
    same = jdk[1] == checksum
    print(f"ratio   JDK is {seconds / jdk[0]:.1f}x faster per record; same events and instants: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
