"""Run the real ``ce-validator`` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    code: int
    out: str
    err: str


# What the command runs with in the tests: no CI's annotations or colours, no cache
_DROPPED = ("GITHUB_ACTIONS", "FORCE_COLOR")
_ENVIRONMENT = {"NO_COLOR": "1", "CE_VALIDATOR_NO_CACHE": "1"}


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 120) -> Result:
    environment = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    environment.update(_ENVIRONMENT)
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "validator", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=environment, timeout=timeout,
                          stdin=None if stdin is not None else subprocess.DEVNULL)
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def run_main(capsys, *args: str) -> Result:
    """``ce-validator *args`` in this process, as :func:`run_cli` runs it (its environment; the working directory is
    the caller's) without an interpreter's start."""
    from validator.cli import main

    saved = dict(os.environ)
    os.environ.update(_ENVIRONMENT)
    for name in _DROPPED:
        os.environ.pop(name, None)
    try:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return Result(code, out, err)


def run_each(capsys, commands: Iterable[Sequence[str]]) -> Iterator[tuple[Sequence[str], Result]]:
    """Each command's result: the first from the real command in a subprocess, the others from this process (the
    same code, where a subprocess costs a third of a second to start)."""
    for index, command in enumerate(commands):
        yield command, run_cli(*command) if index == 0 else run_main(capsys, *command)


def check_in_formats(capsys, formats: Iterable[str], *args: str) -> Iterator[tuple[str, Result]]:
    """``check --no-cache --format F *args`` for each format F, through :func:`run_each`."""
    for command, result in run_each(capsys, [("check", "--no-cache", "--format", fmt, *args) for fmt in formats]):
        yield command[3], result


def check_in_every_format(capsys, *args: str) -> Iterator[tuple[str, Result]]:
    """:func:`check_in_formats` in every reporter's format, the text format (which quotes excerpts) first."""
    from validator.reporters import REPORTERS

    yield from check_in_formats(capsys, ["text", *(fmt for fmt in REPORTERS if fmt != "text")], *args)
