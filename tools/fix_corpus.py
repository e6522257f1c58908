"""What `check --fix` (and `--unsafe-fixes`) does to the real corpus: files changed, fixes by rule, bodies
that become valid JSON, and any body a fix would break or that a second run would change again.

Usage (from the repository root): python tools/fix_corpus.py [PATH-TO-ce-examples.jsonl]
(default: ../shared/corpus/ce-examples.jsonl, or $CE_SHARED/corpus/ce-examples.jsonl).
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from validator.fix_runner import fix_file
from validator.options import Options
from validator.source import load_source


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    shared = Path(os.environ.get("CE_SHARED", root.parent / "shared"))
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else shared / "corpus" / "ce-examples.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    for unsafe in (False, True):
        counts: collections.Counter[str] = collections.Counter()
        by_rule: collections.Counter[str] = collections.Counter()
        trouble = []
        for record in records:
            data = record["text"].encode("utf-8")
            outcome = fix_file(data, shown="x.json", kind="auto", options=Options(), keep=lambda found: found,
                               unsafe=unsafe)
            if outcome.data is None or outcome.result is None:
                continue
            counts["files changed"] += 1
            counts["fixes"] += len(outcome.result.applied)
            by_rule.update(f.rule for f in outcome.result.applied)
            was, now = load_source(data).valid, load_source(outcome.data).valid
            counts["became valid JSON"] += now and not was
            if was and not now:
                trouble.append((record["id"], "a valid body became invalid"))
            again = fix_file(outcome.data, shown="x.json", kind="auto", options=Options(),
                             keep=lambda found: found, unsafe=unsafe)
            if again.data is not None:
                trouble.append((record["id"], "a second run changes it again"))
        print(f"{'--fix --unsafe-fixes' if unsafe else '--fix'} over {len(records)} records: {dict(counts)}")
        print(f"  by rule: {dict(by_rule.most_common())}")
        print(f"  trouble: {trouble or 'none'}")
    print(f"{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
