"""Per-rule corpus tables: which real records each rule fires on, kept in ``tests/expected/``.

A table maps each rule code to ``{"count": n, "records": [ids]}``: the record ids make a
swap of a true hit for a false one fail the test, not only a change of the count.  Each
hit was reviewed by eye when the table was written; a new hit must be reviewed the same way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from validator.engine import check


def record_hits(corpus: list[dict], *, kind_of_poller: str = "auto") -> dict[str, set[int]]:
    """Per rule code: the ids of the valid-JSON instance/poller records it fires on."""
    hits: dict[str, set[int]] = {}
    for record in corpus:
        if not record["valid_json"] or record["kind"] not in ("instance", "poller"):
            continue
        kind = kind_of_poller if record["kind"] == "poller" else "auto"
        for finding in check(record["text"], kind=kind):
            hits.setdefault(finding.rule, set()).add(record["id"])
    return hits


def table_of(hits: dict[str, set[int]], prefix: str | tuple[str, ...]) -> dict[str, dict]:
    """The table of the codes starting with ``prefix``: ``{code: {"count": n, "records": [ids]}}``."""
    return {code: {"count": len(ids), "records": sorted(ids)}
            for code, ids in sorted(hits.items()) if code.startswith(prefix)}


def corpus_table(corpus: list[dict], prefix: str | tuple[str, ...]) -> dict[str, dict]:
    """Per rule code starting with ``prefix``: the valid-JSON instance/poller records it fires on."""
    return table_of(record_hits(corpus), prefix)


def _dump(table: dict[str, dict]) -> str:
    """One line per rule, so a review diff shows which records changed."""
    lines = [f"  {json.dumps(code)}: {json.dumps(entry)}" for code, entry in table.items()]
    return "{\n" + ",\n".join(lines) + ("\n" if lines else "") + "}\n"


def assert_expected(table: dict, expected: Path) -> None:
    """``table`` equals the one kept in ``expected``; ``CE_UPDATE_EXPECTED=1`` rewrites it instead."""
    if os.environ.get("CE_UPDATE_EXPECTED"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(_dump(table), encoding="utf-8")
    kept = json.loads(expected.read_text(encoding="utf-8"))
    for code in sorted(set(table) | set(kept)):
        now, before = table.get(code, {}), kept.get(code, {})
        added = sorted(set(now.get("records", ())) - set(before.get("records", ())))
        gone = sorted(set(before.get("records", ())) - set(now.get("records", ())))
        assert not added and not gone, f"{code}: newly flagged records {added}, no longer flagged {gone}"
    assert table == kept
