"""Checking a Markdown page against checking its bodies saved as .json files, side by side in one run.

Usage (from the repository root, in a virtual environment with the project installed):

    python bench/bench_pages.py                         # a page of 20 bodies in list items and curl blocks
    python bench/bench_pages.py --page ../shared/seed/sageone-events.md
    python bench/bench_pages.py --blocks 200 --runs 9

The peer is ce-validator itself on the same bodies as separate .json documents (``check_source`` on each),
so the ratio is what a page costs on top of its bodies: the Markdown parse, the curl decoding and the
position maps.  Runs alternate so that machine noise hits both alike; the figure is the ratio of medians
of thread CPU time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _page(blocks: int) -> str:
    body = (ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8")
    parts = ["---", "elementKey: sageone", "---", "# Events", ""]
    for index in range(blocks):
        if index % 2:
            quoted = body.replace("'", "'\\''").rstrip("\n")
            parts += ["```bash", "curl -X POST https://api.example.com/elements/api-v2/instances \\",
                      f"  -d '{quoted}'", "```", ""]
        else:
            parts += [f"{index + 1}. Create the instance:", "", "   ```json"]
            parts += ["   " + line for line in body.rstrip("\n").split("\n")]
            parts += ["   ```", ""]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", type=Path, default=None, help="a Markdown page (default: a generated one)")
    parser.add_argument("--blocks", type=int, default=20, help="bodies in the generated page (default 20)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each side (default 7)")
    args = parser.parse_args()

    from validator.engine import check_source
    from validator.pages import check_page, documents
    from validator.source import load_source

    text = args.page.read_text(encoding="utf-8") if args.page else _page(args.blocks)
    bodies = [document.text for document, _strict, _problems in documents(text)]

    def page_side() -> int:
        return len(check_page(text).findings)

    def files_side() -> int:
        return sum(len(check_source(load_source(body))) for body in bodies)

    page_side(), files_side()  # warm up: imports, compiled grammars and schemas
    ours, theirs = [], []
    for _ in range(args.runs):
        start = time.thread_time()
        page_side()
        ours.append(time.thread_time() - start)
        start = time.thread_time()
        files_side()
        theirs.append(time.thread_time() - start)
    page_ms, files_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    print(f"{len(bodies)} bodies, {len(text):,} characters")
    print(f"page (check_page)        {page_ms:8.1f} ms")
    print(f"bodies as .json          {files_ms:8.1f} ms")
    print(f"ratio page / bodies      {page_ms / files_ms:8.2f}")


if __name__ == "__main__":
    sys.exit(main())
