"""validator.schema_errors: jsonschema's errors for the bundled schemas, found without jsonschema."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from test_schema_gate import TARGETS, _documents, _variants
from validator import schemas
from validator.schema_errors import errors_of, inlined

ROOT = Path(__file__).resolve().parents[1]


def _said(error: Any) -> tuple[Any, ...]:
    """What the translation reads of an error (its context only behind an `x-message`, which it then ignores)."""
    return error.validator, error.validator_value, id(error.instance), error.schema, tuple(error.absolute_path)


def test_the_errors_are_jsonschemas_on_the_corpus_and_its_mutations(corpus_or_nothing: list[dict[str, Any]]) -> None:
    rng = random.Random(21)
    targets = [(inlined(name, fragment), schemas._validator(schemas.schema_uri(name) + fragment))
               for name, fragment in TARGETS]
    failing = followed = 0
    differ = []
    for doc in _documents(corpus_or_nothing):
        for variant in _variants(doc, rng, 6):
            for schema, validator in targets:
                assert schema is not None
                expected = list(validator.iter_errors(variant))
                if not expected:
                    assert errors_of(schema, variant) == []
                    continue
                failing += 1
                found = errors_of(schema, variant)
                if found is None:
                    continue  # (jsonschema's own: a failing anyOf without its x-message)
                followed += 1
                if [_said(error) for error in found] != [_said(error) for error in expected]:
                    differ.append(json.dumps(variant)[:200])
    assert not differ, differ[:3]
    least = 10_000 if corpus_or_nothing else 30
    assert failing > least and followed > failing * 9 // 10


def test_validate_says_the_same_without_jsonschema(corpus_or_nothing: list[dict[str, Any]],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(22)
    variants = [variant for doc in _documents(corpus_or_nothing)[::3] for variant in _variants(doc, rng, 3)]
    kinds = ("instance", "configuration", "poller")
    found = [[schemas.validate(variant, schema=kind) for kind in kinds] for variant in variants]
    monkeypatch.setattr(schemas, "_errors_without_jsonschema", lambda *args: None)
    assert found == [[schemas.validate(variant, schema=kind) for kind in kinds] for variant in variants]
    assert sum(bool(problems) for each in found for problems in each) > len(variants) // 10


def test_a_body_with_a_schema_error_is_checked_without_importing_jsonschema(tmp_path: Path) -> None:
    """A one-file check (and a batch with a few such bodies) imported jsonschema, referencing and attrs for it:
    ~290 M instructions, more than the check of 30 bodies."""
    body = json.loads((ROOT / "examples" / "sageone-polling-fixed.json").read_text(encoding="utf-8"))
    body["configuration"]["event.poller.refresh_interval"] = "often"
    del body["element"]
    file = tmp_path / "body.json"
    file.write_text(json.dumps(body), encoding="utf-8")
    script = ("import sys, json\nfrom validator import schemas\n"
              f"problems = schemas.validate(json.load(open({str(file)!r})))\n"
              "print(sorted(p.rule for p in problems), 'jsonschema' in sys.modules, 'referencing' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.split("]")[1].split() == ["False", "False"], run.stdout
    assert "CE103" in run.stdout and "CE206" in run.stdout


def test_a_document_nested_deep_is_said_as_jsonschema_says_it(monkeypatch: pytest.MonkeyPatch) -> None:
    body = json.loads((ROOT / "examples" / "sageone-polling-fixed.json").read_text(encoding="utf-8"))
    deep: Any = "x"
    for _ in range(950):
        deep = {"a": deep}
    body["configuration"]["event.poller.refresh_interval"] = deep
    body["name"] = [deep]
    found = schemas.validate(body)
    monkeypatch.setattr(schemas, "_errors_without_jsonschema", lambda *args: None)
    assert found == schemas.validate(body) and found
