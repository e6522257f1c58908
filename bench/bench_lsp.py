"""Per-keystroke latency of ``ce-validator lsp``, side by side with VS Code's own JSON language service.

    python3 bench/bench_lsp.py              # the examples and 40 corpus bodies, 30 edits each
    python3 bench/bench_lsp.py --edits 100

For each document, in the same run: **lsp ms**, the median time from a ``didChange`` (the whole text,
as VS Code sends it) to the ``publishDiagnostics`` of that version, over stdio, measured by the client
(tests/lspclient.py); **vscode ms**, the median time VS Code's JSON language service
(``vscode-json-languageservice``, tests/node) takes to parse and validate the same text against
``instance.schema.json`` in node; **ratio** lsp / vscode.  The server does everything ``check`` does
(schemas, dates, zones, macros, CEQL, secrets) where VS Code's service checks the schema only.
Needs node and ``npm ci`` in tests/node.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def documents(corpus_count: int) -> list[tuple[str, str]]:
    found = [(path.name, path.read_text(encoding="utf-8")) for path in sorted((ROOT / "examples").glob("*.json"))]
    corpus = ROOT.parent / "shared" / "corpus" / "ce-examples.jsonl"
    if corpus.is_file():
        records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        records = [r for r in records if r["kind"] == "instance" and r["valid_json"]]
        records.sort(key=lambda r: -len(r["text"]))
        step = max(1, len(records) // corpus_count)
        found += [(f"corpus #{r['id']}", r["text"]) for r in records[::step][:corpus_count]]
    return found


def lsp_medians(docs: list[tuple[str, str]], edits: int) -> list[float]:
    sys.path.insert(0, str(ROOT / "tests"))
    from lspclient import LspClient

    client = LspClient()
    client.initialize(ROOT)
    medians = []
    try:
        for index, (_, text) in enumerate(docs):
            uri = (ROOT / f"bench-{index}.json").as_uri()
            client.open(uri, text)
            times = []
            for version in range(2, edits + 2):
                start = time.perf_counter()
                client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                         "contentChanges": [{"text": text + " " * (version % 2)}]})
                client.wait_for("textDocument/publishDiagnostics", uri=uri, version=version)
                times.append((time.perf_counter() - start) * 1000)
            medians.append(statistics.median(times))
            client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        client.shutdown()
    finally:
        client.close()
    return medians


def vscode_medians(docs: list[tuple[str, str]], edits: int) -> list[float]:
    schemas = {p.resolve().as_uri(): p.read_text(encoding="utf-8") for p in (ROOT / "schemas").rglob("*.schema.json")}
    schema = (ROOT / "schemas" / "instance.schema.json").resolve().as_uri()
    job = {"schemas": schemas, "repeat": edits,
           "documents": [{"uri": f"file:///bench/{i}.json", "schema": schema, "text": text}
                         for i, (_, text) in enumerate(docs)]}
    result = subprocess.run(["node", "vscode_json.js"], input=json.dumps(job), capture_output=True, text=True,
                            cwd=ROOT / "tests" / "node", check=True)
    return [float(doc["validation_ms"]) for doc in json.loads(result.stdout)["documents"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--corpus", type=int, default=40)
    args = parser.parse_args()
    docs = documents(args.corpus)
    ours = lsp_medians(docs, args.edits)
    theirs = vscode_medians(docs, args.edits)
    print(f"{'document':<32} {'chars':>7} {'lsp ms':>8} {'vscode ms':>10} {'ratio':>6}")
    for (name, text), mine, peer in zip(docs, ours, theirs):
        print(f"{name:<32} {len(text):>7} {mine:>8.2f} {peer:>10.2f} {mine / peer:>6.1f}")
    print(f"{'median':<32} {'':>7} {statistics.median(ours):>8.2f} {statistics.median(theirs):>10.2f} "
          f"{statistics.median(m / p for m, p in zip(ours, theirs)):>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
