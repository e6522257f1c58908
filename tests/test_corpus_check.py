"""Every record of the real corpus goes through `check` without an exception (speed is measured in bench/)."""

from __future__ import annotations

from validator.engine import check


def test_every_instance_record_is_checked(corpus):
    records = [r for r in corpus if r["kind"] == "instance"]
    assert len(records) > 1000
    for record in records:
        findings = check(record["text"])
        text_lines = record["text"].count("\n") + 1
        for finding in findings:
            assert 1 <= finding.line <= text_lines + 1, (record["id"], finding)
            assert finding.column >= 1


def test_every_poller_record_is_checked(corpus):
    for record in corpus:
        if record["kind"] == "poller":
            check(record["text"], kind="poller" if record["valid_json"] else "auto")
