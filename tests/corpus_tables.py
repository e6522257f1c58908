"""Per-rule corpus tables: how many real records each rule fires on, kept in ``tests/expected/``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from validator.engine import check


def corpus_table(corpus: list[dict], prefix: str | tuple[str, ...]) -> dict[str, int]:
    """Per rule code starting with ``prefix``: on how many valid-JSON instance/poller records it fires."""
    table: dict[str, set[int]] = {}
    for record in corpus:
        if not record["valid_json"] or record["kind"] not in ("instance", "poller"):
            continue
        for finding in check(record["text"]):
            if finding.rule.startswith(prefix):
                table.setdefault(finding.rule, set()).add(record["id"])
    return {code: len(ids) for code, ids in sorted(table.items())}


def assert_expected(table: dict, expected: Path) -> None:
    """``table`` equals the one kept in ``expected``; ``CE_UPDATE_EXPECTED=1`` rewrites it instead."""
    if os.environ.get("CE_UPDATE_EXPECTED"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
    assert table == json.loads(expected.read_text(encoding="utf-8"))
