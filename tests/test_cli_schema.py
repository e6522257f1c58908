"""``ce-validator schema``, run as a real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "validator", "schema", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_lists_the_bundled_schemas() -> None:
    from validator.schemas import schema_names

    result = run()
    assert result.returncode == 0, result.stderr
    listed = result.stdout.splitlines()
    assert listed == schema_names()
    assert listed[:3] == ["instance", "configuration", "poller"] and "elements/sageone" in listed
    assert result.stderr == ""


@pytest.mark.parametrize("name", ["instance", "configuration", "poller", "elements/sageone"])
def test_prints_one_schema(name: str) -> None:
    result = run(name)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text("utf-8"))
    assert result.stdout.endswith("}\n")


@pytest.mark.parametrize("spelling", ["poller.schema.json", "poller.schema", "poller.json"])
def test_accepts_the_file_name(spelling: str) -> None:
    result = run(spelling)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["$id"] == "https://ce-validator.dev/schemas/poller.schema.json"


def test_unknown_name_lists_the_names_and_exits_2() -> None:
    result = run("sageone")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no bundled schema named 'sageone'" in result.stderr
    assert "instance, configuration, poller" in result.stderr and "elements/sageone" in result.stderr


def test_help_uses_the_module_docstring() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "Print a bundled JSON Schema, or list them." in result.stdout
