"""Every poller url of the real corpus and of the element exports: parsed, rendered, counted per problem code.

URLs come from the valid JSON records (every ``url`` string, also inside stringified
``event.poller.configuration`` and ``defaultValue`` values) and, for records that are not
valid JSON, from ``"url": "..."`` pairs whose string literal decodes.  The figures are
distinct URL strings flagged per code; ``tests/expected/url_corpus_counts.json`` holds them
(review every change: a new hit that is not a real mistake is a bug).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from validator.urls.render import render_url
from validator.rules.urls import url_problems
from validator.urls.template import parse_url_template

EXPECTED = Path(__file__).parent / "expected" / "url_corpus_counts.json"
_URL_PAIR = re.compile(r'"url"\s*:\s*("(?:[^"\\\n]|\\.)*")')


def _walk(value, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                out.append(item)
            elif key in ("event.poller.configuration", "defaultValue") and isinstance(item, str) \
                    and item.strip().startswith("{"):
                try:
                    _walk(json.loads(item), out)
                except ValueError:
                    pass
            else:
                _walk(item, out)
    elif isinstance(value, list):
        for item in value:
            _walk(item, out)


def corpus_urls(records: list[dict]) -> tuple[list[str], list[str], int]:
    """(urls of valid records, urls pulled from invalid records, literals that did not decode)."""
    valid, invalid, undecodable = [], [], 0
    for record in records:
        if record["valid_json"]:
            _walk(json.loads(record["text"]), valid)
            continue
        for match in _URL_PAIR.finditer(record["text"]):
            try:
                invalid.append(json.loads(match.group(1)))
            except ValueError:
                undecodable += 1
    return valid, invalid, undecodable


def figures(urls: list[str]) -> dict[str, int]:
    flagged: dict[str, set[str]] = {}
    for url in set(urls):
        for problem in url_problems(url):
            flagged.setdefault(problem.rule, set()).add(url)
    return {code: len(found) for code, found in sorted(flagged.items())}


def test_corpus_counts(corpus) -> None:
    valid, invalid, undecodable = corpus_urls(corpus)
    every = valid + invalid
    actual = {
        "urls_in_valid_records": len(valid),
        "urls_in_invalid_records": len(invalid),
        "undecodable_url_literals": undecodable,
        "distinct_urls": len(set(every)),
        "distinct_urls_flagged": sum(1 for u in set(every) if url_problems(u)),
        "flagged_per_code": figures(every),
    }
    assert actual == json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_every_corpus_url_parses_and_renders(corpus) -> None:
    valid, invalid, _ = corpus_urls(corpus)
    for url in sorted(set(valid + invalid)):
        template = parse_url_template(url)
        assert not [p for p in url_problems(template) if p.rule == "CE699"], url
        for problem in url_problems(template):
            assert 0 <= problem.start <= problem.end <= len(url), (url, problem)
        rendered = render_url(template, 1704448800123)
        unrendered = template.malformed or [m for m in template.macros if m.format is not None and m.pattern is None]
        assert "${" not in rendered.url or unrendered, url
        assert " " not in rendered.request_url and "'" not in rendered.request_url, url


def test_element_defaults(shared) -> None:
    """The platform's own poller defaults: only the real mistakes are flagged."""
    flagged: Counter[str] = Counter()
    for path in sorted((shared / "elements").glob("*/element.json")):
        definition = json.loads(path.read_text(encoding="utf-8"))
        for item in definition.get("configuration", []):
            if item.get("key") != "event.poller.configuration" or not item.get("defaultValue"):
                continue
            for entry in json.loads(item["defaultValue"]).values():
                for problem in url_problems(entry["url"]):
                    flagged[f"{path.parent.name}:{problem.rule}"] += 1
    # zohocrm's {TimeZone} placeholder zone, 8 resources; nothing else.
    assert flagged == Counter({"zohocrm:CE607": 8})


def test_sage_one_docs_example_is_caught_where_the_element_definition_is_not(shared) -> None:
    definition = json.loads((shared / "elements" / "sageone" / "element.json").read_text(encoding="utf-8"))
    (item,) = [c for c in definition["configuration"] if c["key"] == "event.poller.configuration"]
    url = json.loads(item["defaultValue"])["customers"]["url"]
    assert url_problems(url) == []
    docs = url[:-1]  # the Sage One page drops the last quote
    (problem,) = url_problems(docs)
    assert (problem.rule, problem.start) == ("CE620", docs.index("'created_at"))
