"""Fresh virtual environments for the tests that install the project (pre-commit, wheel)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def bin_path(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def pip_can_target() -> bool:
    """Whether this interpreter's pip can install into another environment (``pip --python``, pip 22.3+)."""
    try:
        import pip
    except ImportError:
        return False
    major, minor = (int(part) for part in pip.__version__.split(".")[:2])
    return (major, minor) >= (22, 3)


def fresh_venv(path: Path) -> list[str]:
    """Create a fresh virtual environment at ``path``; return the command that installs into it.

    Seeding pip into each new environment is the slow part of ``python -m venv``, so when
    this interpreter's pip can install into another environment, the new one is made without pip.
    """
    if pip_can_target():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True, timeout=120)
        return [sys.executable, "-m", "pip", "--python", str(bin_path(path, "python")), "install"]
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, timeout=300)
    return [str(bin_path(path, "python")), "-m", "pip", "install"]
