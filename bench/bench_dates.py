"""Formats per second: validator's compiled patterns vs the JDK's own SimpleDateFormat loop.

Both sides format the same instants with the same patterns and zones in the same run; the
JDK side (``bench/FormatLoop.java``) reuses one ``SimpleDateFormat`` per pattern, JIT warmed
up, best of ``--repeats``.  Python is measured twice: through the public API
(``DatePattern.format(ms, zone)``, a compiled pattern) and through the compiled formatter
itself (``formatter_for(pattern)(ms, zone)``).  A checksum of the first 1000 outputs
(Java ``String.hashCode``) confirms that both sides printed the same text.

Usage: ``python3 bench/bench_dates.py [--n 100000] [--repeats 5] [--instants random|poller] [--clock cpu|wall]``
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

from validator import compile_pattern  # noqa: E402
from validator.dates.format import formatter_for  # noqa: E402
from validator.dates.zones import resolve_zone  # noqa: E402

CASES = [
    ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "GMT"),
    ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "America/New_York"),
    ("yyyy-MM-dd'T'HH:mm:ss'Z'", "GMT"),
    ("yyyy-MM-dd'T'HH:mm:ssZ", "Europe/Paris"),
    ("EEE, dd MMM yyyy HH:mm:ss zzz", "America/Los_Angeles"),
    ("yyyy-MM-dd HH:mm:ss", "Asia/Kolkata"),
]


def java_hash(text: str) -> int:
    h = 0
    for unit in text.encode("utf-16-be").hex(" ", 2).split():
        h = (31 * h + int(unit, 16)) & 0xFFFFFFFF
    return h


def signed32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value


def instants(kind: str, n: int) -> list[int]:
    rnd = random.Random(42)
    if kind == "poller":  # consecutive poll times: one every 5 minutes and a bit, from 2024-01-01
        return [1_704_067_200_000 + i * 300_017 for i in range(n)]
    return [rnd.randrange(0, 4_102_444_800_000) for _ in range(n)]  # 1970-2100


def best_rate(function, values: list[int], zone, repeats: int, clock) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = clock()
        for v in values:
            function(v, zone)
        best = min(best, clock() - t0)
    return len(values) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="instants per case (default 100000)")
    parser.add_argument("--repeats", type=int, default=5, help="best of this many runs (default 5)")
    parser.add_argument("--instants", choices=("random", "poller"), default="random")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                        help="thread CPU time (default; robust on a shared machine) or wall time")
    args = parser.parse_args(argv)
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    values = instants(args.instants, args.n)

    java, javac = shutil.which("java"), shutil.which("javac")
    java_rates: list[tuple[float, int] | None] = [None] * len(CASES)
    with tempfile.TemporaryDirectory() as tmp:
        if java and javac:
            subprocess.run([javac, "-d", tmp, str(Path(__file__).parent / "FormatLoop.java")], check=True)
            data = Path(tmp) / "instants.txt"
            data.write_text("\n".join(map(str, values)) + "\n")
            result = subprocess.run(
                [java, "-Duser.timezone=UTC", "-cp", tmp, "FormatLoop", str(data), str(max(args.repeats, 5)),
                 args.clock],
                input="".join(f"{p}\t{z}\n" for p, z in CASES), capture_output=True, text=True, check=True,
            )
            for i, line in enumerate(result.stdout.split("\n")[: len(CASES)]):
                rate, checksum = line.split("\t")
                java_rates[i] = (float(rate), int(checksum))
        else:
            print("no JDK (java, javac) on PATH: Python figures only", file=sys.stderr)

    print(f"{args.n:,} {args.instants} instants, best of {args.repeats}, {args.clock} time; "
          f"Python {sys.version.split()[0]}")
    header = (f"{'pattern':34} {'zone':20} {'API/s':>10} {'compiled/s':>11} {'JDK/s':>11} "
              f"{'JDK/API':>8} {'JDK/comp':>8} same")
    print(header)
    print("-" * len(header))
    for (text, zone_id), java_rate in zip(CASES, java_rates):
        pattern = compile_pattern(text)
        api = best_rate(pattern.format, values, zone_id, args.repeats, clock)
        zone = resolve_zone(zone_id).zone
        raw = best_rate(formatter_for(pattern), values, zone, args.repeats, clock)
        if java_rate is None:
            jdk, ratio, ratio_raw, same = "-", "-", "-", "-"
        else:
            checksum = signed32(sum(java_hash(pattern.format(v, zone_id)) for v in values[:1000]))
            jdk, ratio = f"{java_rate[0]:,.0f}", f"{java_rate[0] / api:.1f}x"
            ratio_raw = f"{java_rate[0] / raw:.1f}x"
            same = "yes" if checksum == java_rate[1] else "NO"
        print(f"{text:34} {zone_id:20} {api:>10,.0f} {raw:>11,.0f} {jdk:>11} {ratio:>8} {ratio_raw:>8} {same}")
    t0 = clock()
    for _ in range(100_000):
        compile_pattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
    print(f"compile_pattern of a cached pattern: {(clock() - t0) * 10:.2f} us")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
