"""Packaging: the wheel holds the schemas, and installed in a fresh virtual environment it works.

The wheel is built with ``pip wheel --no-deps`` and installed, with its dependencies
from the package index, into a fresh virtual environment shared by the tests of
this module.  Commands run from a folder outside the source tree so that the
installed package, not the checkout, is what runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from venvs import bin_path, fresh_venv

pytestmark = pytest.mark.index  # builds and installs from the package index

ROOT = Path(__file__).resolve().parents[1]




def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["NO_COLOR"] = "1"
    return env


def _run(*args: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=_env(), capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, ROOT, cwd=out)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("ce_validator-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    env_dir = tmp_path_factory.mktemp("wheel-venv")
    install = fresh_venv(env_dir)
    result = _run(*install, "-q", wheel, cwd=env_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return env_dir


@pytest.fixture()
def outside(tmp_path) -> Path:
    """A folder outside the source tree, holding copies of the bundled examples."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    for example in (ROOT / "examples").glob("*.json"):
        shutil.copy2(example, folder / example.name)
    return folder


def test_wheel_contents(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    schemas = {p.relative_to(ROOT / "schemas").as_posix() for p in (ROOT / "schemas").rglob("*.json")}
    assert schemas and "config.schema.json" in schemas
    for schema in schemas:
        assert f"validator/schemas/{schema}" in names, schema
    assert "validator/reporters/__init__.py" in names and "validator/config.py" in names
    assert "validator/dates/data/zones.tsv" in names and "validator/py.typed" in names
    assert not any(n.startswith(("tests/", "schemas/")) for n in names)
    assert "ce-validator = validator.cli:entry" in scripts


def test_version(venv, tmp_path):
    from validator import __version__

    for command in ([bin_path(venv, "ce-validator"), "--version"], [bin_path(venv, "python"), "-m", "validator", "--version"]):
        result = _run(*command, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"ce-validator {__version__}"


def test_installed_package_uses_its_bundled_schemas(venv, tmp_path):
    code = ("import validator, validator.config as c, pathlib; "
            "print(pathlib.Path(validator.__file__).parent); print(c.config_schema()['title'])")
    result = _run(bin_path(venv, "python"), "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    location, title = result.stdout.splitlines()
    assert ROOT not in Path(location).parents and "site-packages" in location
    assert title == "ce-validator configuration"


def test_check_a_bundled_example_outside_the_source_tree(venv, outside):
    broken = _run(bin_path(venv, "ce-validator"), "check", "--no-cache", "sageone-polling.json", cwd=outside)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert broken.stdout.startswith("sageone-polling.json:"), broken.stdout
    fixed = _run(bin_path(venv, "ce-validator"), "check", "--no-cache", "sageone-polling-fixed.json", cwd=outside)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    as_json = _run(bin_path(venv, "python"), "-m", "validator", "check", "--no-cache", "--format", "json",
                   "sageone-polling.json", cwd=outside)
    assert as_json.returncode == 1, as_json.stderr
    document = json.loads(as_json.stdout)
    assert document["summary"]["error"] >= 1
    assert all(f["path"] == "sageone-polling.json" for f in document["findings"])
