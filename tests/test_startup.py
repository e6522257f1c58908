"""What a one-file check costs to start, counted rather than timed: the dataclasses its imports create.

On CPython 3.11 creating a frozen dataclass compiles its methods one at a time (about 0.45 ms each class);
a ``NamedTuple`` costs about 0.07 ms.  Internal records are NamedTuples (docs/ARCHITECTURE.md, "Records").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sageone-polling.json"

_COUNT = """
import contextlib, dataclasses, io, json, sys
created = []
original = dataclasses._process_class
def counted(cls, *args, **kwargs):
    created.append(f"{cls.__module__}.{cls.__qualname__}")
    return original(cls, *args, **kwargs)
dataclasses._process_class = counted
from validator.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["check", "--no-cache", sys.argv[1]])
print(json.dumps({"status": status, "created": created}))
"""

# The public API's values, and records with mutable or lazily computed state.
EXPECTED = {
    "validator.findings.Edit", "validator.findings.Fix", "validator.findings.Finding", "validator.findings.Problem",
    "validator.options.Options", "validator.config.Config", "validator.config.IgnoreUsage",
    "validator.dates.zones.ZoneResolution", "validator.masking.Secrets", "validator.engine.Context",
    "validator.dates.tokens.Token", "validator.urls.ceql.WhereClause", "validator.urls.template.UrlTemplate",
}


def test_a_one_file_check_creates_only_the_dataclasses_it_needs() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
    result = subprocess.run([sys.executable, "-c", _COUNT, str(EXAMPLE)], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=120, check=True)
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["status"] == 1  # the example has findings: the finding and reporter paths were imported too
    created = set(report["created"])
    assert "validator.findings.Finding" in created  # the count sees the dataclasses
    assert not created - EXPECTED, f"new dataclasses on the one-file path (make internal records NamedTuples): " \
                                   f"{sorted(created - EXPECTED)}"
