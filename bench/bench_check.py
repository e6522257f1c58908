"""`ce-validator check` against `check-jsonschema` on the same files: CPU time, paired runs.

Usage (from the repository root, in a virtual environment with the project installed):

    pip install check-jsonschema             # for the bench only; not a dependency
    python bench/bench_check.py              # every scenario
    python bench/bench_check.py --quick      # fewer runs; 1,000 corpus files only
    python bench/bench_check.py --only single warm corpus-1000

Scenarios (the issue's table):
  single        one file (the bundled example), a fresh process, ce-validator with --no-cache
  warm          the same command again, as a pre-commit hook runs it: ce-validator replays the stored run
                (validator.run_cache) while the file and its configuration files are unchanged
  warm-results  the results cache alone: the same file through cli.main, which never replays a run, so the
                command line is parsed, the configuration loaded and the report rendered from cached findings
  floor         no check at all: a Python process that only imports re (the console script pip writes
                imports it), beside the same check-jsonschema run; the least the warm row could reach
  corpus-N      N real corpus bodies (../shared/corpus, cycled to N files), --no-cache, one call each;
                ce-validator as it runs by default (past 200 files, one worker per idle core), in one process
                (CE_VALIDATOR_JOBS=1) and with two workers whatever the load (CE_VALIDATOR_JOBS=2)

The figure is each side's CPU time (user + system of the child and of the workers it waited for,
from ``os.wait4``); runs alternate between the two tools so that machine noise hits both alike; the
ratio is the median of the per-pair ratios (ce-validator / check-jsonschema; lower is better).  Wall
time and peak memory (the largest process's resident set) are printed beside it.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schemas" / "instance.schema.json"
EXAMPLE = ROOT / "examples" / "sageone-polling-fixed.json"
SHARED = Path(os.environ.get("CE_SHARED", ROOT.parent / "shared"))


@dataclass(frozen=True)
class Run:
    cpu: float
    wall: float
    rss_mib: float


def _tool(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if found is None:
        sys.exit(f"{name} is not installed here (pip install {name if name != 'ce-validator' else '-e .'})")
    return found


def run(command: list[str], env: dict[str, str]) -> Run:
    """One run of ``command``: CPU seconds (with the workers it waited for), wall seconds, peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(command[:3])} failed ({proc.returncode}): {err[:500]}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def paired(name: str, ours: list[str], theirs: list[str], *, runs: int, env: dict[str, str],
           ours_env: dict[str, str] | None = None, target: str = "") -> None:
    mine, peer = [], []
    for _ in range(runs):
        mine.append(run(ours, ours_env or env))
        peer.append(run(theirs, env))
    ratio = statistics.median(a.cpu / b.cpu for a, b in zip(mine, peer))
    cpu_a, cpu_b = statistics.median(r.cpu for r in mine), statistics.median(r.cpu for r in peer)
    wall_a, wall_b = statistics.median(r.wall for r in mine), statistics.median(r.wall for r in peer)
    rss_a, rss_b = max(r.rss_mib for r in mine), max(r.rss_mib for r in peer)
    print(f"| {name} | {cpu_a:.3f} | {cpu_b:.3f} | **{ratio:.2f}** | {wall_a:.2f} / {wall_b:.2f} "
          f"| {rss_a:.0f} / {rss_b:.0f} | {target} |", flush=True)


def corpus_texts() -> list[str]:
    path = SHARED / "corpus" / "ce-examples.jsonl"
    if not path.is_file():
        sys.exit(f"corpus not found at {path} (set CE_SHARED)")
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 runs, and 1,000 corpus files only")
    parser.add_argument("--runs", type=int, default=None, help="paired runs per single-file scenario")
    parser.add_argument("--only", nargs="+", default=None,
                        help="scenarios: single warm warm-results floor corpus-1000 corpus-10000 (any corpus-N)")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    scenarios = args.only or (["single", "warm", "warm-results", "floor", "corpus-1000"] if args.quick else
                              ["single", "warm", "warm-results", "floor", "corpus-1000", "corpus-10000"])

    ours, theirs = _tool("ce-validator"), _tool("check-jsonschema")
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print("| scenario | ce-validator CPU s | check-jsonschema CPU s | ratio | wall s (ours / peer) "
          "| peak MiB (ours / peer) | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CE_VALIDATOR_CACHE_DIR": os.path.join(tmp, "cache"), "NO_COLOR": "1"}
        env.pop("CE_VALIDATOR_NO_CACHE", None)
        env.pop("CE_VALIDATOR_JOBS", None)
        # Measure installed tools as users run them: with bytecode caches (pip writes them for
        # check-jsonschema at install time; an editable install of ours writes them on first run).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "validator")], env=env, check=True)
        single = Path(tmp) / "instance.json"
        shutil.copy(EXAMPLE, single)
        peer_single = [theirs, "--schemafile", str(SCHEMA), str(single)]
        for warm_up in ([ours, "check", "--no-cache", str(single)], peer_single):
            run(warm_up, env)
        if "single" in scenarios:
            paired("one file, cold", [ours, "check", "--no-cache", str(single)], peer_single, runs=runs, env=env,
                   target="<= 0.6")
        if "warm" in scenarios:
            run([ours, "check", str(single)], env)  # fills the cache
            paired("one file, warm cache", [ours, "check", str(single)], peer_single, runs=runs, env=env,
                   target="<= 0.12")
        if "warm-results" in scenarios:
            in_process = [sys.executable, "-c", "import sys; from validator.cli import main; "
                          "sys.exit(main(['check', sys.argv[1]]))", str(single)]
            run(in_process, env)  # fills the results cache
            paired("one file, results cache only (cli.main)", in_process, peer_single, runs=runs, env=env,
                   target="")
        if "floor" in scenarios:
            paired("floor: Python importing re", [sys.executable, "-c", "import re"], peer_single, runs=runs,
                   env=env, target="")
        texts: list[str] | None = None
        for scenario in scenarios:
            if not scenario.startswith("corpus-"):
                continue
            count = int(scenario.split("-", 1)[1])
            texts = texts if texts is not None else corpus_texts()
            folder = Path(tmp) / scenario
            folder.mkdir()
            files = []
            for i in range(count):
                file = folder / f"body-{i:05d}.json"
                file.write_text(texts[i % len(texts)], encoding="utf-8")
                files.append(str(file))
            many = max(1, runs // 5)
            ours_cmd = [ours, "check", "--no-cache", "--format", "concise", *files]
            peer_cmd = [theirs, "--schemafile", str(SCHEMA), *files]
            paired(f"{count:,} corpus bodies", ours_cmd, peer_cmd, runs=many, env=env, target="<= 1.0")
            paired(f"{count:,} corpus bodies, one process", ours_cmd, peer_cmd, runs=many, env=env,
                   ours_env={**env, "CE_VALIDATOR_JOBS": "1"}, target="<= 1.0")
            paired(f"{count:,} corpus bodies, two workers", ours_cmd, peer_cmd, runs=many, env=env,
                   ours_env={**env, "CE_VALIDATOR_JOBS": "2"}, target="<= 1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
