"""`render_url` against the JDK building the same URLs for the same last-poll instants.

Usage: python bench/bench_render.py [--n 20000]

Both sides substitute the date macros of the same poller URL templates (real shapes from
element definitions) for the same instants, and their checksums (String.hashCode) must agree; the JDK side (bench/RenderLoop.java) uses one
SimpleDateFormat per macro and a StringBuilder, the Python side the public ``render_url``
(which also percent-encodes the request URL and lists its assumptions). Figures are
renders per second of thread CPU time, and the ratio JDK/Python.
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

TEMPLATES = [
    "/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and attributes='created_at'",
    "/hubs/crm/accounts?where=LastModifiedDate>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'",
    "/hubs/marketing/contacts?where=updated_after='${dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ssXXX}'",
    "/hubs/esignature/events?where=startDate='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' and endDate='${gmtDate:yyyy-MM-dd}'",
    "/hubs/crm/contacts?where=date_updated>'${dateTimeZone:PST:EEE, dd MMM yyyy HH:mm:ss zzz}'",
]


def python_side(n: int, instants: list[int]) -> tuple[float, int]:
    from validator.urls.render import render_url
    from validator.urls.template import parse_url_template

    parsed = [parse_url_template(t) for t in TEMPLATES]
    for template in parsed:  # warm the caches (compiled patterns, zones)
        render_url(template, instants[0])
    best = float("inf")
    checksum = 0
    for _ in range(3):
        start = time.thread_time()
        checksum = 0
        for template in parsed:
            for instant in instants:
                checksum += _java_hash(render_url(template, instant).url)
        best = min(best, time.thread_time() - start - _hash_cost(parsed, instants))
    return best, checksum


def _java_hash(text: str) -> int:
    """Java's String.hashCode (over UTF-16 code units), so both sides' checksums can be compared."""
    data = text.encode("utf-16-be")
    h = 0
    for i in range(0, len(data), 2):
        h = (31 * h + (data[i] << 8 | data[i + 1])) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def _hash_cost(parsed, instants) -> float:
    sample = parsed[0].text
    start = time.thread_time()
    for _ in range(len(parsed) * len(instants)):
        _java_hash(sample)
    return time.thread_time() - start


def jdk_side(instants: list[int]) -> tuple[float, int] | None:
    from validator.urls.template import parse_url_template

    java, javac = shutil.which("java"), shutil.which("javac")
    if not (java and javac):
        return None
    lines = [",".join(map(str, instants))]
    for text in TEMPLATES:
        template = parse_url_template(text)
        fields = [text]
        for macro in template.macros:
            zone = macro.zone if macro.kind == "dateTimeZone" else "GMT"
            fields.append(f"{macro.start},{macro.end},{zone},{macro.format}")
        lines.append("\t".join(fields))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([javac, "-d", tmp, str(ROOT / "bench" / "RenderLoop.java")], check=True)
        out = subprocess.run([java, "-cp", tmp, "RenderLoop"], input="\n".join(lines) + "\n", capture_output=True,
                             text=True, check=True).stdout.split()
    return int(out[0]) / 1e9, int(out[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="instants per template")
    args = parser.parse_args()
    rng = random.Random(42)
    instants = [1704067200000 + int(rng.random() * 31536000000) for _ in range(args.n)]
    seconds, checksum = python_side(args.n, instants)
    total = args.n * len(TEMPLATES)
    print(f"python  {total / seconds:12,.0f} renders/s  (render_url: substitution, request URL, assumptions)")
    jdk = jdk_side(instants)
    if jdk is None:
        print("jdk     skipped: no java/javac")
        return 0
    print(f"jdk     {total / jdk[0]:12,.0f} renders/s  (SimpleDateFormat + StringBuilder)")
    print(f"ratio   JDK is {seconds / jdk[0]:.1f}x faster per render; same URLs: {'yes' if jdk[1] == checksum else 'NO'}")
    if jdk[1] != checksum:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
