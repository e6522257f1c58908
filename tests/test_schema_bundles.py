"""Each bundled schema resolves every reference inside its own file (editors, check-jsonschema, offline)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "schemas").rglob("*.schema.json"))


def test_bundles_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "bundle_schemas.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _offline(uri: str):
    raise NoSuchResource(ref=uri)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_schema_stands_alone(path):
    schema = json.loads(path.read_text())
    registry = Registry(retrieve=_offline).with_resource(schema["$id"], Resource.from_contents(schema))
    validator = Draft202012Validator(schema, registry=registry)
    body = json.loads((ROOT / "examples" / "sageone-polling-fixed.json").read_text())
    list(validator.iter_errors(body))  # resolves every $ref it meets, or raises
    poller = body["configuration"]["event.poller.configuration"]
    for document in (body, body["configuration"], poller, {"x": {"url": 5}}):
        list(validator.iter_errors(document))


def test_instance_schema_reaches_the_poller_offline():
    schema = json.loads((ROOT / "schemas" / "instance.schema.json").read_text())
    registry = Registry(retrieve=_offline).with_resource(schema["$id"], Resource.from_contents(schema))
    bad = {"element": {"key": "x"}, "configuration": {"event.poller.configuration": {"a": {"url": 5, "idField": "i"}}}}
    errors = list(Draft202012Validator(schema, registry=registry).iter_errors(bad))
    assert any(list(e.absolute_path) == ["configuration", "event.poller.configuration", "a", "url"]
               for e in errors), [e.message for e in errors]


def test_a_poller_file_s_schema_key_is_no_key_of_a_body_s_poller():
    """helper-89: the bundled copy of the poller schema kept the file's `$schema` property, so inside a body's poller
    configuration the key was valid and VS Code's only suggestion, where ce-validator reports it (CE102)."""
    def errors(name: str, document: dict) -> list:
        schema = json.loads((ROOT / "schemas" / name).read_text())
        return list(Draft202012Validator(schema).iter_errors(document))

    poller = {"$schema": "./poller.schema.json", "contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}
    assert errors("poller.schema.json", poller) == []
    assert errors("configuration.schema.json", {"event.poller.configuration": poller})
    assert errors("instance.schema.json", {"element": {"key": "hubspot"}, "name": "n",
                                            "configuration": {"event.poller.configuration": poller}})
