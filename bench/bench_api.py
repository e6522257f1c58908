"""`validator.check(dict)` on distinct bodies, beside jsonschema validating the same dicts, in one process.

Usage (from the repository root, in a virtual environment with the project installed):

    python bench/bench_api.py                 # the bundled example with 2,000 distinct names, and the corpus
    python bench/bench_api.py --n 5000 --runs 5

Two sets of bodies, each checked once (thread CPU time of one pass; ``--runs`` takes the best of several,
which flatters ce-validator: its bounded caches of parsed URLs and date formats are then warm):

* **example**: the bundled `examples/sageone-polling-fixed.json` with a distinct `name` each (``--n`` bodies),
  as a provisioning script checks the instances it is about to create;
* **corpus**: every corpus body that decodes to an object (``../shared/corpus``, or ``$CE_SHARED``).

Both as the library is called by default (``config="auto"``: the configuration found for the current
folder, as the command does; measured first, with cold caches of parsed URLs and date formats) and with
``config=None`` (measured after it).  The peer is ``jsonschema``'s
``Draft202012Validator(instance.schema.json).iter_errors`` over the same dicts: what a script that
only validated the schema would spend.  Neither side's one-time setup is timed: the peer's validator is
built first, and two bodies checked first build ours (grammars, and jsonschema's validators, which a
valid body never needs).  The target is at least 1,000 bodies per second.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sageone-polling-fixed.json"
SHARED = Path(os.environ.get("CE_SHARED", ROOT.parent / "shared"))


def example_bodies(n: int) -> list[dict[str, Any]]:
    body = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bodies = []
    for i in range(n):
        each = copy.deepcopy(body)
        each["name"] = f"instance-{i}"
        bodies.append(each)
    return bodies


def corpus_bodies() -> list[dict[str, Any]]:
    path = SHARED / "corpus" / "ce-examples.jsonl"
    if not path.is_file():
        return []
    bodies = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(json.loads(line)["text"])
        except ValueError:
            continue
        if isinstance(value, dict):
            bodies.append(value)
    return bodies


def rate(call: Callable[[dict[str, Any]], object], bodies: list[dict[str, Any]], runs: int) -> float:
    """Bodies per second of thread CPU time, best of ``runs`` passes."""
    best = float("inf")
    for _ in range(runs):
        start = time.thread_time()
        for body in bodies:
            call(body)
        best = min(best, time.thread_time() - start)
    return len(bodies) / best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2_000, help="example bodies (default 2,000)")
    parser.add_argument("--runs", type=int, default=1,
                        help="passes; the best counts (default 1: later passes find the URLs and date formats "
                             "of the first already parsed)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    import validator
    from jsonschema import Draft202012Validator

    peer = Draft202012Validator(json.loads((ROOT / "schemas" / "instance.schema.json").read_text()))
    sets = {"example": example_bodies(args.n), "corpus": corpus_bodies()}
    # First-call setup is not what is measured, as the peer's validator is built before its timing: the grammars,
    # and jsonschema's validators, which a body the schema gate passes never builds (hence the wrong element key).
    validator.check(sets["example"][0])
    validator.check({**sets["example"][0], "element": {"key": 5}})
    list(peer.iter_errors(sets["example"][0]))
    print(f"load average {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}\n")
    print("| bodies | n | check(dict) /s | check(dict, config=None) /s | jsonschema only /s | target |")
    print("|---|---:|---:|---:|---:|---|")
    for name, bodies in sets.items():
        if not bodies:
            print(f"| {name} | 0 | (not found) | | | |")
            continue
        ours = rate(lambda body: validator.check(body), bodies, args.runs)  # first: its caches are cold
        plain = rate(lambda body: validator.check(body, config=None), bodies, args.runs)
        theirs = rate(lambda body: list(peer.iter_errors(body)), bodies, args.runs)
        print(f"| {name} | {len(bodies):,} | **{ours:,.0f}** | {plain:,.0f} | {theirs:,.0f} | >= 1,000 |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
