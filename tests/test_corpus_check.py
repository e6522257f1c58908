"""Every record of the real corpus goes through `check` without an exception, quickly."""

from __future__ import annotations

import time

from validator.engine import check


def test_every_instance_record_is_checked_fast(corpus):
    records = [r for r in corpus if r["kind"] == "instance"]
    assert len(records) > 1000
    start = time.perf_counter()
    for record in records:
        findings = check(record["text"])
        text_lines = record["text"].count("\n") + 1
        for finding in findings:
            assert 1 <= finding.line <= text_lines + 1, (record["id"], finding)
            assert finding.column >= 1
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{len(records)} instance records took {elapsed:.1f} s"


def test_every_poller_record_is_checked(corpus):
    for record in corpus:
        if record["kind"] == "poller":
            check(record["text"], kind="poller" if record["valid_json"] else "auto")
