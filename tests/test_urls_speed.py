"""The per-poller cost of the URL grammars is linear: each distinct URL is parsed once per check.

Counted, not timed: a body with more distinct pollers than any bounded cache holds (the old
``lru_cache(maxsize=2048)`` thrashed past 2,048 URLs) costs exactly one URL parse and one CEQL
parse per poller, however many rules read the URL.  Timings are in ``bench/bench_pollers.py``.
"""

from __future__ import annotations

import json

import pytest

import validator
from validator.urls import ceql, template


def body(n: int) -> str:
    pollers = {
        f"res{i}": {
            "url": f"/hubs/crm/contacts{i}?where=updated_at>='${{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}}' and n={i}",
            "idField": "id",
            "datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
                                   "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'"},
        }
        for i in range(n)
    }
    return json.dumps({"element": {"key": "hubspotcrm"}, "name": "many pollers", "configuration": {"event.notification.enabled": True,
                                         "event.notification.callback.url": "https://example.com/events",
                                         "event.poller.configuration": pollers}}, indent=2)


@pytest.fixture
def counted(monkeypatch):
    calls = {"url": 0, "ceql": 0}
    parse, structure = template._parse, ceql._structure

    def counting_parse(*args, **kwargs):
        calls["url"] += 1
        return parse(*args, **kwargs)

    def counting_structure(*args, **kwargs):
        calls["ceql"] += 1
        return structure(*args, **kwargs)

    monkeypatch.setattr(template, "_parse", counting_parse)
    monkeypatch.setattr(ceql, "_structure", counting_structure)
    template._parse_cached.cache_clear()
    ceql._first_reading.cache_clear()
    return calls


@pytest.mark.parametrize("n", [10, 300, 2600])
def test_one_parse_per_distinct_url_per_check(counted, n: int) -> None:
    findings = validator.check(body(n))
    assert [f for f in findings if f.severity != "info"] == []
    assert counted == {"url": n, "ceql": n}  # linear: no cliff past 2,048 distinct URLs


def test_a_filter_written_alike_is_read_once(counted) -> None:
    """Pollers that filter alike (the same where value, at different places of different URLs) share one CEQL
    read, each placed where its own URL has it."""
    text = body(40).replace("and n=", "and kind='x'&n=")
    findings = validator.check(text)
    assert [f for f in findings if f.severity != "info"] == []
    assert counted == {"url": 40, "ceql": 1}
    for i in (3, 17):
        url = f"/hubs/crm/contacts{i}?where=updated_at>='${{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}}' and kind='x'&n={i}"
        where = template.parse_url_template(url).where
        assert where is not None and where.offset == url.index("where=") + 6
        kind = where.conditions[1].values[0]
        assert url[kind.start:kind.end] == "'x'"
    broken = [f"/a{'b' * i}?where=x='1' y='2'" for i in (1, 5)]  # its fact moved with it, fix and all
    for url in broken:
        fact = next(f for f in template.parse_url_template(url).facts if f.fix is not None)
        assert url[fact.start:fact.end] == "y='2'"[:fact.end - fact.start]
        assert [e.start for e in fact.fix.edits] == [url.index("y='2'")]


def test_each_check_parses_anew(counted) -> None:
    """The per-check memo does not outlive the check (no unbounded growth across checks)."""
    validator.check(body(5))
    validator.check(body(5))
    assert counted["url"] <= 10
    assert template._SCOPE.get() is None
