"""Instructions executed by `ce-validator check` and by `check-jsonschema` on the same files (valgrind).

Usage (from the repository root, with valgrind and check-jsonschema installed):

    python bench/bench_instructions.py                         # one file and 1,000 corpus bodies
    python bench/bench_instructions.py --files 300 --only corpus
    python bench/bench_instructions.py --against ../old-checkout    # this tree against another one

CPU time on a shared two-core VM varies by a third from one minute to the next, so a change worth a few per
cent cannot be seen in ``bench_check.py``'s timings.  Instructions counted under ``valgrind --tool=callgrind``
hardly vary: with the hash seed fixed and bytecode compiled beforehand, two runs of one tree agree within about
0.1 % (1,897.5 M and 1,898.0 M instructions for 300 corpus bodies).  They are a proxy (a cache miss costs more than an instruction, and CPU time is what the
issue's targets are about), for telling whether a change made a run cheaper, and by how much.

Each command runs once, in one process (``CE_VALIDATOR_JOBS=1``), about 50 times slower than without valgrind.
``--against DIR`` counts ``python -m validator`` run from another checkout (its ``validator`` package) instead of
check-jsonschema.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import EXAMPLE, ROOT, SCHEMA, _tool, corpus_texts  # noqa: E402

_COLLECTED = re.compile(r"Collected\s*:\s*([0-9]+)")


def instructions(command: list[str], cwd: Path, *, env: dict[str, str]) -> int:
    """Instructions ``command`` executes (its own process only), counted by callgrind."""
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                         env=env, cwd=cwd, capture_output=True, text=True, check=False)
    found = _COLLECTED.search(run.stderr)
    if found is None:
        sys.exit(f"valgrind gave no count for {command[:3]}...: {run.stderr[-500:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="corpus bodies (cycled past the corpus's size)")
    parser.add_argument("--only", nargs="+", choices=("single", "corpus"), default=["single", "corpus"])
    parser.add_argument("--against", type=Path, default=None,
                        help="another checkout of ce-validator to count instead of check-jsonschema")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed here (apt-get install valgrind)")
    env = {**os.environ, "PYTHONHASHSEED": "0", "CE_VALIDATOR_JOBS": "1", "CE_VALIDATOR_NO_CACHE": "1",
           "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    trees = [ROOT] + ([args.against.resolve()] if args.against else [])
    for tree in trees:  # bytecode written beforehand: compiling is not what is measured
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "validator")], env=env, check=True)

    def ours(tree: Path, files: list[str]) -> tuple[list[str], Path]:
        return [sys.executable, "-m", "validator", "check", "--no-cache", "--format", "concise", *files], tree

    if args.against:
        name_b = f"ce-validator at {args.against}"

        def theirs(files: list[str]) -> tuple[list[str], Path]:
            return ours(trees[1], files)
    else:
        name_b = "check-jsonschema"
        peer = _tool("check-jsonschema")

        def theirs(files: list[str]) -> tuple[list[str], Path]:
            return [sys.executable, peer, "--schemafile", str(SCHEMA), *files], ROOT

    print(f"| scenario | ce-validator (this tree) | {name_b} | ratio |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, list[str]]] = []
        if "single" in args.only:
            single = Path(tmp) / "instance.json"
            shutil.copy(EXAMPLE, single)
            cases.append(("one file", [str(single)]))
        if "corpus" in args.only:
            texts = corpus_texts()
            files = []
            for i in range(args.files):
                file = Path(tmp) / f"body-{i:05d}.json"
                file.write_text(texts[i % len(texts)], encoding="utf-8")
                files.append(str(file))
            cases.append((f"{args.files:,} corpus bodies", files))
        for name, files in cases:
            a = instructions(*ours(ROOT, files), env=env)
            b = instructions(*theirs(files), env=env)
            print(f"| {name} | {a / 1e6:,.1f} M | {b / 1e6:,.1f} M | **{a / b:.3f}** |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
