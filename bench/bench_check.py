"""`ce-validator check` against `check-jsonschema` on the same files, side by side in one run.

Usage (from the repository root, in a virtual environment with the project installed):

    pip install check-jsonschema
    python bench/bench_check.py            # all scenarios
    python bench/bench_check.py --quick    # fewer repetitions and 1,000 files instead of 10,000

Scenarios (each a ratio: ce-validator time / check-jsonschema time, lower is better):
  cold-no-cache  one file, a fresh process each run, ce-validator with --no-cache
  cold-cached    one file, a fresh process each run, ce-validator's results cache warm
  many-files     N instance files in one call (both tools get the same file list)

Runs alternate between the two tools so that machine noise hits both alike; the
figure is the ratio of medians.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schemas" / "instance.schema.json"
EXAMPLE = ROOT / "examples" / "sageone-polling-fixed.json"


def _tool(name: str) -> list[str]:
    found = shutil.which(name, path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if found is None:
        sys.exit(f"{name} is not installed here (pip install {name if name != 'ce-validator' else '-e .'})")
    return [found]


def _time(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(command[:3])} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return elapsed


def _side_by_side(ours: list[str], theirs: list[str], *, runs: int, env: dict) -> tuple[float, float]:
    a, b = [], []
    for _ in range(runs):
        a.append(_time(ours, env))
        b.append(_time(theirs, env))
    return statistics.median(a), statistics.median(b)


def _report(name: str, ours: float, theirs: float, target: str) -> None:
    print(f"{name:14s} ce-validator {ours * 1000:8.1f} ms   check-jsonschema {theirs * 1000:8.1f} ms   "
          f"ratio {ours / theirs:5.2f}   (target {target})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--files", type=int, default=None)
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    count = args.files or (1_000 if args.quick else 10_000)

    ours, theirs = _tool("ce-validator"), _tool("check-jsonschema")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CE_VALIDATOR_CACHE_DIR": os.path.join(tmp, "cache"), "NO_COLOR": "1"}
        env.pop("CE_VALIDATOR_NO_CACHE", None)
        # Measure installed tools as users run them: with bytecode caches (pip writes them for
        # check-jsonschema at install time; an editable install of ours writes them on first run).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "validator")], env=env, check=True)
        single = Path(tmp) / "instance.json"
        shutil.copy(EXAMPLE, single)
        jsonschema_cmd = [*theirs, "--schemafile", str(SCHEMA), str(single)]

        for warm_up in ([*ours, "check", "--no-cache", str(single)], jsonschema_cmd):
            _time(warm_up, env)
        o, t = _side_by_side([*ours, "check", "--no-cache", str(single)], jsonschema_cmd, runs=runs, env=env)
        _report("cold-no-cache", o, t, "<= 0.8")

        subprocess.run([*ours, "check", str(single)], stdout=subprocess.DEVNULL, env=env)  # warm the cache
        o, t = _side_by_side([*ours, "check", str(single)], jsonschema_cmd, runs=runs, env=env)
        _report("cold-cached", o, t, "<= 0.3")

        folder = Path(tmp) / "many"
        folder.mkdir()
        body = json.loads(EXAMPLE.read_text())
        files = []
        for i in range(count):
            body["name"] = f"instance-{i}"
            file = folder / f"instance-{i:05d}.json"
            file.write_text(json.dumps(body, indent=2))
            files.append(str(file))
        many_runs = max(1, runs // 5)
        o, t = _side_by_side([*ours, "check", "--no-cache", "--format", "concise", *files],
                             [*theirs, "--schemafile", str(SCHEMA), *files], runs=many_runs, env=env)
        _report(f"{count}-files", o, t, "<= 1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
