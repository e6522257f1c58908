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


def test_a_folder_named_for_the_element_definition_names_the_file_in_it(tmp_path: Path) -> None:
    """`schema from-element exports/sageone` (the folder --element-docs takes) said "cannot read: Is a directory"."""
    (tmp_path / "sageone").mkdir()
    (tmp_path / "sageone" / "element.json").write_text('{"key": "sageone", "configuration": []}', encoding="utf-8")
    result = run("from-element", str(tmp_path / "sageone"))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result
    assert result.stderr == (f"ce-validator schema from-element: {tmp_path / 'sageone'}: a folder: name the element "
                             f"definition in it ({tmp_path / 'sageone' / 'element.json'})\n")
    render = subprocess.run([sys.executable, "-m", "validator", "render", str(tmp_path)], capture_output=True,
                            text=True, cwd=ROOT)
    assert render.returncode == 2 and f"{tmp_path}: a folder, not a file" in render.stderr, render
