"""A body with many distinct pollers: `ce-validator check` against `check-jsonschema`, CPU time, paired runs.

Usage (from the repository root, in a virtual environment with the project installed):

    pip install check-jsonschema          # for the bench only; not a dependency
    python bench/bench_pollers.py                   # 1,000 and 10,000 pollers, 5 paired runs each
    python bench/bench_pollers.py --sizes 1000 10000 30000 --runs 3
    python bench/bench_pollers.py --credentials     # a credential in every URL: 20,000 secrets at 10,000

Each size gets one instance body whose poller entries all have distinct URLs (five real URL
shapes with a different resource and value each: CEQL filters, macros in zones, epoch).
Both tools check the same file in a fresh process; runs alternate between them so that
machine noise hits both alike.  The figure is each side's *CPU time* (user + system of the
child, from ``os.wait4``), the ratio is the median of the per-pair ratios (target <= 2), and
"us/poller" is ce-validator's CPU time per poller above the one-poller run (linear: about
the same at every size).  ``--profile`` also prints where ce-validator's time goes for the
largest size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schemas" / "instance.schema.json"

SHAPES = [
    "/hubs/crm/contacts{i}?where=lastmodifieddate>='${{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}}' and owner='u{i}'",
    "/hubs/crm/accounts{i}?where=LastModifiedDate>'${{gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}}'&pageSize={i}",
    "/hubs/marketing/leads{i}?where=updated_after='${{dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ssXXX}}'",
    ("/hubs/finance/invoices{i}?where=MetaData.LastUpdatedTime>='${{dateTimeZone:GMT:yyyy-MM-dd'T'HH:mm:ssXXX}}' "
     "and Id in ('{i}', 'x{i}')"),
    "/hubs/crm/activities{i}?where=date_updated>${{epoch:s}} and kind!='note{i}'",
]


def body(n: int, *, credentials: bool = False) -> dict:
    """``n`` pollers; with ``credentials`` each URL also carries a distinct API key and token (secrets to mask)."""
    fmt = "yyyy-MM-dd'T'HH:mm:ssXXX"
    pollers = {
        f"resource{i}": {
            "url": SHAPES[i % len(SHAPES)].format(i=i) + (f"&api_key=k{i}q7Zr2&token=t{i}Lm8Xv" if credentials else ""),
            "idField": "id",
            "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": fmt,
                                   "createdDateField": "created_at", "createdDateFormat": fmt},
        }
        for i in range(n)
    }
    return {"element": {"key": "hubspotcrm"}, "name": f"{n} pollers",
            "configuration": {"event.notification.enabled": True,
                              "event.notification.callback.url": "https://example.com/events",
                              "event.poller.configuration": pollers}}


def _tool(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if found is None:
        sys.exit(f"{name} is not installed here (pip install {name if name != 'ce-validator' else '-e .'})")
    return found


def cpu(command: list[str]) -> float:
    """User + system CPU seconds of one run of ``command``."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({proc.returncode}): {err[:500]}")
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--credentials", action="store_true",
                        help="each URL carries a distinct API key and token: thousands of secrets to mask")
    args = parser.parse_args()
    ours, theirs = _tool("ce-validator"), _tool("check-jsonschema")
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for n in [1, *args.sizes]:
            files[n] = Path(tmp) / f"pollers-{n}.json"
            files[n].write_text(json.dumps(body(n, credentials=args.credentials), indent=2))
        ce = {n: [ours, "check", "--no-cache", "--format", "concise", str(f)] for n, f in files.items()}
        cj = {n: [theirs, "--schemafile", str(SCHEMA), str(f)] for n, f in files.items()}
        cpu(ce[1]), cpu(cj[1])  # bytecode and first-run caches
        base = statistics.median(cpu(ce[1]) for _ in range(args.runs))
        print(f"{'pollers':>8} {'ce-validator s':>15} {'check-jsonschema s':>19} {'ratio':>6} {'us/poller':>10}")
        for n in args.sizes:
            pairs = [(cpu(ce[n]), cpu(cj[n])) for _ in range(args.runs)]
            ours_s = statistics.median(a for a, _ in pairs)
            theirs_s = statistics.median(b for _, b in pairs)
            ratio = statistics.median(a / b for a, b in pairs)
            per = (ours_s - base) / (n - 1) * 1e6
            print(f"{n:>8} {ours_s:>15.2f} {theirs_s:>19.2f} {ratio:>6.2f} {per:>10.0f}   (target <= 2.0)")
        if args.profile:
            _profile(files[max(args.sizes)])
    return 0


def _profile(path: Path) -> None:
    """Share of ce-validator's in-process check time per rule module and in the URL grammars."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    import validator

    text = path.read_text()
    profiler = cProfile.Profile()
    profiler.runcall(validator.check, text)
    stats = pstats.Stats(profiler)
    total = max(v[3] for v in stats.stats.values())  # type: ignore[attr-defined]
    rows = []
    for (file, _line, func), (_cc, _nc, _tt, cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if (func == "check" and "/validator/rules/" in file) or func in ("parse_url_template", "_parse_guarded"):
            rows.append((cum, f"{Path(file).parent.name}/{Path(file).name}:{func}"))
    print(f"\nwhere the time goes ({path.name}, in-process, cProfile):")
    for cum, name in sorted(rows, reverse=True):
        print(f"  {cum / total:6.1%}  {name}")


if __name__ == "__main__":
    sys.exit(main())
