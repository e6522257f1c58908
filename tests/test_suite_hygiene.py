"""The suite cleans up after itself: a run leaves nothing under the system's temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys

from clirun import ROOT


def test_a_run_under_dontwritebytecode_removes_its_bytecode_folder(tmp_path):
    # conftest sends the command-line tests' bytecode to a folder of its own; it once outlived every run (50 MB each)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(tmp_path)}
    env.pop("PYTHONPYCACHEPREFIX", None)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
         "tests/test_architecture.py::test_every_exit_code_is_in_the_architecture"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("ce-validator-pycache-")]
