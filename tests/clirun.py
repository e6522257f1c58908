"""Run the real ``ce-validator`` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 120) -> Result:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
    environment["NO_COLOR"] = "1"
    environment["CE_VALIDATOR_NO_CACHE"] = "1"
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "validator", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=environment, timeout=timeout,
                          stdin=None if stdin is not None else subprocess.DEVNULL)
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
