from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# No test is timed: a property test's case is judged by what it returns, never by how long a busy machine took
# (hypothesis' default 200 ms deadline failed a CEQL fix's case that took 342 ms under load, 10 ms alone)
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")
SHARED = Path(os.environ.get("CE_SHARED", ROOT.parent / "shared"))
_PYCACHE = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Let the command-line tests' interpreters keep their bytecode, outside the checkout.

    Under ``PYTHONDONTWRITEBYTECODE`` (set on the CI machine) each of the suite's hundreds of
    ``ce-validator`` processes compiled the whole package again: about a third of the suite's CPU time.
    The bytecode goes to one folder per run, under the system's temporary folder, never into the tree.
    """
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None and "PYTHONPYCACHEPREFIX" not in os.environ:
        import tempfile

        folder = tempfile.mkdtemp(prefix="ce-validator-pycache-")
        os.environ["PYTHONPYCACHEPREFIX"] = folder
        config.stash[_PYCACHE] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's bytecode folder: each run left about 50 MB under the temporary folder."""
    folder = config.stash.get(_PYCACHE, None)
    if folder is not None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("PYTHONPYCACHEPREFIX") == folder:
            del os.environ["PYTHONPYCACHEPREFIX"]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ``../shared`` folder (domain notes, corpus, element exports)."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set CE_SHARED)")
    return SHARED


_CORPUS = SHARED / "corpus" / "ce-examples.jsonl"


def _corpus_records() -> list[dict]:
    import json

    return [json.loads(line) for line in _CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    if not _CORPUS.is_file():
        pytest.skip(f"corpus not found at {_CORPUS} (set CE_SHARED)")
    return _corpus_records()


def _every_string(value: Any) -> Iterator[str]:
    """Every string of a parsed document: keys and values."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, child in node.items():
                yield key
                stack.append(child)


@pytest.fixture(scope="session")
def corpus_strings(corpus: list[dict]) -> list[str]:
    """Every corpus record's text and every string of the ones that parse: what a pattern's fast form is compared on."""
    found: set[str] = set()
    for entry in corpus:
        found.add(entry["text"])
        try:
            found.update(_every_string(json.loads(entry["text"])))
        except (ValueError, RecursionError):
            pass
    return sorted(found)


@pytest.fixture(scope="session")
def corpus_or_nothing() -> list[dict]:
    """The corpus's records, or none where it is absent: for a comparison that also runs on the bundled examples."""
    return _corpus_records() if _CORPUS.is_file() else []


@pytest.fixture(scope="session")
def jdk():
    """The JDK oracle (``tests/java/Oracle.java``), one JVM for the whole session."""
    from jdk import Oracle, find_java

    found = find_java()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("no JDK found in CI: .ci/run must install one")
        pytest.skip("no JDK (java and javac) on this machine; golden-vector tests still run")
    oracle = Oracle(*found)
    yield oracle
    oracle.close()


@pytest.fixture
def rule_modules(monkeypatch):
    """Limit the engine to some rule modules for one test: ``rule_modules(("validator.rules.dates", ...))``.

    The registry keeps every rule (lower layers report codes of their own, such as CE011), so a
    limited run still places every finding.
    """
    import validator.rules as rules

    def limit(modules: tuple[str, ...]) -> None:
        """Run only ``modules``' checks."""
        monkeypatch.setattr(rules, "CHECK_MODULES", tuple(modules))
        rules.registry.cache_clear()
        rules.checkers.cache_clear()

    yield limit
    rules.registry.cache_clear()
    rules.checkers.cache_clear()
