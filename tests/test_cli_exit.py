"""How the command ends: at once after flushing its output (no interpreter clean-up), except where another
program runs it or a profiler, debugger or coverage tool watches the process."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from validator import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sageone-polling.json"


def _python(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run Python with a sitecustomize that says when the interpreter's exit handlers run."""
    (tmp_path / "sitecustomize.py").write_text(
        'import atexit, sys\natexit.register(lambda: sys.stderr.write("EXIT HANDLERS RAN\\n"))\n')
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
           "CE_VALIDATOR_NO_CACHE": "1", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)


def test_the_command_leaves_at_once_with_all_its_output(tmp_path: Path) -> None:
    body = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    pollers = body["configuration"]["event.poller.configuration"]
    entry = next(iter(pollers.values()))
    for i in range(300):  # enough findings to fill several output buffers
        pollers[f"copy{i}"] = entry
    big = tmp_path / "big.json"
    big.write_text(json.dumps(body, indent=2), encoding="utf-8")
    result = _python(["-m", "validator", "check", "--format", "json", str(big)], tmp_path)
    assert result.returncode == 1, result.stderr
    assert "EXIT HANDLERS RAN" not in result.stderr
    report = json.loads(result.stdout)  # complete: every buffer was flushed before leaving
    assert report["summary"]["total"] == len(report["findings"]) > 300


def test_run_by_another_program_it_exits_as_a_script_does(tmp_path: Path) -> None:
    host = ("import runpy, sys\nsys.argv = ['validator', 'rules']\n"
            "try:\n    runpy.run_module('validator', run_name='__main__')\n"
            "except SystemExit as exc:\n    print('caught', exc.code, file=sys.stderr)\n"
            "print('the host goes on', file=sys.stderr)\n")
    result = _python(["-c", host], tmp_path)
    assert result.returncode == 0
    assert "caught 0" in result.stderr and "the host goes on" in result.stderr
    assert "EXIT HANDLERS RAN" in result.stderr


def test_importing_the_main_module_runs_nothing(tmp_path: Path) -> None:
    result = _python(["-c", "import validator.__main__; print('imported')"], tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "imported", result.stderr


def test_a_profiled_run_writes_its_profile(tmp_path: Path) -> None:
    profile = tmp_path / "run.prof"
    result = _python(["-m", "cProfile", "-o", str(profile), "-m", "validator", "check", str(EXAMPLE)], tmp_path)
    assert "CE620" in result.stdout, result.stderr
    assert profile.is_file() and profile.stat().st_size > 0
    assert "EXIT HANDLERS RAN" in result.stderr


def test_a_watched_process_takes_the_ordinary_exit(tmp_path: Path) -> None:
    """The console script's entry() under a profiler (cProfile runs the script in its own process) or a tracer
    (a debugger, coverage): their data is written at exit, so the exit is the ordinary one."""
    script = tmp_path / "ce_validator_script.py"  # what the installed console script does
    script.write_text("import sys\nfrom validator.cli import entry\nsys.exit(entry())\n", encoding="utf-8")
    profile = tmp_path / "run.prof"
    result = _python(["-m", "cProfile", "-o", str(profile), str(script), "check", str(EXAMPLE)], tmp_path)
    assert "CE620" in result.stdout, result.stderr
    assert profile.is_file() and profile.stat().st_size > 0

    traced = ("import sys\nsys.settrace(lambda *args: None)\nsys.argv = ['ce-validator', 'rules']\n"
              "from validator.cli import entry\nentry()\n")
    result = _python(["-c", traced], tmp_path)
    assert result.returncode == 0 and "EXIT HANDLERS RAN" in result.stderr

    plain = "import sys\nsys.argv = ['ce-validator', 'rules']\nfrom validator.cli import entry\nentry()\n"
    result = _python(["-c", plain], tmp_path)
    assert result.returncode == 0 and "EXIT HANDLERS RAN" not in result.stderr


def _entry_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run ``cli.entry()`` here: its quick exit raises SystemExit instead, and the collector's thresholds are
    put back afterwards."""
    monkeypatch.setattr(cli, "_watched", lambda: False)
    monkeypatch.setattr(cli.os, "_exit", lambda code: (_ for _ in ()).throw(SystemExit(code)))
    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit):
            cli.entry()
    finally:
        gc.set_threshold(*before)


def test_the_command_collects_cycles_less_often(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, ...]] = []
    monkeypatch.setattr(cli, "main", lambda **_: seen.append(gc.get_threshold()) or 0)
    _entry_in_process(monkeypatch)
    assert seen == [cli.COLLECTOR_THRESHOLDS] and seen[0][0] > gc.get_threshold()[0]


def test_when_the_process_ends_the_collector_walks_nothing() -> None:
    from validator.check_runner import _collector_paused

    assert gc.isenabled()
    with _collector_paused(exit_follows=True):
        assert not gc.isenabled()
        marker = [[] for _ in range(1000)]  # young objects, as a check leaves them
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert gc.get_count()[0] < 1000  # reset: no collection is due to walk what the check left
    assert any(obj is marker for obj in gc.get_objects(generation=2))  # moved to the oldest generation at once


def test_between_files_the_collector_resumes_as_it_was() -> None:
    from validator.check_runner import _collector_paused

    with _collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_objects_a_host_froze_stay_frozen() -> None:
    from validator.check_runner import _collector_paused

    held = [[] for _ in range(100)]  # objects the host froze
    gc.freeze()
    try:
        with _collector_paused(exit_follows=True):
            pass
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        # still in the permanent generation, which get_objects leaves out (the count itself may drop: a frozen object
        # whose last reference goes is freed, and a run in CI lost two that way)
        tracked = {id(obj) for obj in gc.get_objects()}
        assert not any(id(obj) in tracked for obj in held)
    finally:
        gc.unfreeze()


def _freezes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1) or real())
    return calls


def test_the_command_skips_the_last_collection_only_when_it_exits(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CE_VALIDATOR_NO_CACHE", "1")
    calls = _freezes(monkeypatch)
    assert cli.main(["check", str(EXAMPLE)]) == 1  # in-process: the caller's process goes on
    assert calls == [] and gc.get_freeze_count() == 0

    monkeypatch.setattr(sys, "argv", ["ce-validator", "check", str(EXAMPLE)])
    _entry_in_process(monkeypatch)
    assert calls == [1] and gc.get_freeze_count() == 0 and gc.isenabled()
    assert "CE620" in capsys.readouterr().out


def test_a_reader_that_goes_away_is_not_a_pass(tmp_path: Path) -> None:
    """A user's trial: `ce-validator check . | head -1` exited 0 on a file with errors, so a CI step under
    `set -o pipefail` passed; a cut run now exits 141, as a shell reports a broken pipe, and says nothing more."""
    body = {"element": {"key": "sageone"}, "configuration": {"country": "US"}, "tags": [{"n": i} for i in range(3000)]}
    (tmp_path / "t.json").write_text(json.dumps(body), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1", "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "validator", "check", "t.json"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # the reader goes away with the output (hundreds of kilobytes) mostly unread
    error = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141, error
    assert "Traceback" not in error and "Exception ignored" not in error, error
    # a review: `--exit-zero` (a report-only step) keeps its 0
    process = subprocess.Popen([sys.executable, "-m", "validator", "check", "--exit-zero", "t.json"], cwd=tmp_path,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    process.stdout.read(10)
    process.stdout.close()
    assert process.wait(timeout=120) == 0


@pytest.mark.parametrize("arguments", [
    ["check", "--config", "", "examples/sageone-polling.json"],
    ["check", "--baseline", "", "examples/sageone-polling.json"],
    ["check", "-o", "", "examples/sageone-polling.json"],
    ["check", "--element-docs", "", "examples/sageone-polling.json"],
    ["check", "--element-schemas", "", "examples/sageone-polling.json"],
    ["render", "--config", "", "examples/sageone-polling.json"],
    ["simulate", "--records", "", "examples/sageone-polling.json"],
    ["schema", "from-element", "examples/sageone-polling.json", "-o", ""],
])
def test_an_option_s_empty_path_is_a_usage_error(arguments: list[str]) -> None:
    """helper-141, a careless CI step (`--config "$CONFIG"` with the variable unset): `--config ''` checked with the
    configuration found instead, `--baseline ''` with no baseline, `-o ''` wrote to standard output and
    `--element-docs ''` searched the current folder, each with no word said."""
    from clirun import run_cli

    result = run_cli(*arguments)
    assert result.code == 2 and "an empty path" in result.err and "Traceback" not in result.err, result.err


_OLD_PYTHON = "import sys; sys.version_info = (3, 10, 12, 'final', 0); sys.version = '3.10.12 (main)'; "


def test_an_old_python_is_told_what_to_install_without_a_traceback(tmp_path: Path) -> None:
    """On Python 3.10 (`python3.10 -m validator` in a checkout, or an install that ignored requires-python) the
    first possessive repeat compiled raised `re.error: multiple repeat`, a traceback far from the cause."""
    # the command (`python -m validator`: sys.argv[0] is "-m" while the package is imported)
    command = subprocess.run([sys.executable, "-c", _OLD_PYTHON + "sys.argv = ['-m', 'check', 'a.json']; "
                              "import runpy; runpy.run_module('validator', run_name='__main__')"],
                             capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert command.returncode == 2 and "Traceback" not in command.stderr, command
    assert command.stderr == ("ce-validator: error: ce-validator needs Python 3.11 or newer, and this is Python 3.10.12:"
                              " install it with Python 3.11 or newer (python3.11 -m pip install ...)\n")
    script = subprocess.run([sys.executable, "-c", _OLD_PYTHON + "sys.argv = ['/venv/bin/ce-validator', 'check']; "
                             "from validator.cli import entry"], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert script.returncode == 2 and script.stderr == command.stderr, script
    # the library: an ImportError that says the same
    library = subprocess.run([sys.executable, "-c", _OLD_PYTHON + "import validator"], capture_output=True, text=True,
                             cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert library.returncode == 1 and "ImportError: ce-validator needs Python 3.11 or newer" in library.stderr
