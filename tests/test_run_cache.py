"""The run cache (validator.run_cache): a check run's output printed again only while nothing it depends on
has changed.  Each test runs the real command (``python -m validator``, the console script's entry) and
compares a replay with what a run without any cache prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from validator import run_cache

ROOT = Path(__file__).resolve().parents[1]
FIXED = ROOT / "examples" / "sageone-polling-fixed.json"
BROKEN = ROOT / "examples" / "sageone-polling.json"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "FORCE_COLOR", "CE_VALIDATOR_NO_CACHE", "GITHUB_WORKSPACE",
                        "CI_PROJECT_DIR")}
    env.update({"NO_COLOR": "1", "PYTHONPATH": str(ROOT), "CE_VALIDATOR_CACHE_DIR": str(tmp_path / "cache")})
    env.update(extra)
    return env


def _run(tmp_path: Path, *args: str, cwd: Path | None = None, imports: bool = False,
         **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *(["-X", "importtime"] if imports else []), "-m", "validator", "check", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd or tmp_path, env=_env(tmp_path, **env),
                          timeout=120, stdin=subprocess.DEVNULL)


def _fresh(tmp_path: Path, *args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """The same run with no cache at all: the truth a replay must match."""
    return _run(tmp_path, *args, cwd=cwd, CE_VALIDATOR_NO_CACHE="1", **env)


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").rglob("*.run"))


def _imported(result: subprocess.CompletedProcess[str]) -> set[str]:
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def _same(result: subprocess.CompletedProcess[str], truth: subprocess.CompletedProcess[str]) -> None:
    assert (result.returncode, result.stdout) == (truth.returncode, truth.stdout)


def test_a_second_run_is_replayed_without_importing_the_checks(tmp_path: Path) -> None:
    for name, source in (("clean.json", FIXED), ("broken.json", BROKEN)):
        (tmp_path / name).write_bytes(source.read_bytes())
        first = _run(tmp_path, name, imports=True)
        second = _run(tmp_path, name, imports=True)
        _same(second, _fresh(tmp_path, name))
        assert "argparse" in _imported(first) and "validator.engine" in _imported(first)
        replayed = _imported(second)
        assert not replayed & {"argparse", "typing", "json", "pathlib", "dataclasses", "validator.engine",
                               "validator.config", "validator.findings", "jsonschema", "pyparsing"}, replayed
    assert len(_entries(tmp_path)) == 2


def test_every_change_it_depends_on_is_seen(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "bodies").mkdir(parents=True)
    body = project / "bodies" / "body.json"
    body.write_bytes(BROKEN.read_bytes())
    args, cwd = ("bodies/body.json",), project
    steps = [
        lambda: None,
        lambda: body.write_bytes(FIXED.read_bytes()),  # the file itself
        lambda: body.write_bytes(BROKEN.read_bytes()),
        # a configuration file appears in the file's folder, then above it, then changes
        lambda: (project / "bodies" / ".ce-validator.toml").write_text('ignore = ["CE620"]\n', encoding="utf-8"),
        lambda: (project / "bodies" / ".ce-validator.toml").unlink(),
        lambda: (project / "pyproject.toml").write_text("[tool.ce-validator]\nstrict = true\n", encoding="utf-8"),
        lambda: (project / "pyproject.toml").write_text('[tool.ce-validator]\nignore = ["CE6"]\n',
                                                        encoding="utf-8"),
        lambda: (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8"),
        lambda: (tmp_path / ".ce-validator.toml").write_text('ignore = ["CE620"]\n', encoding="utf-8"),
        lambda: body.unlink(),  # gone: an error (exit 2), never stored
        lambda: body.write_bytes(BROKEN.read_bytes()),
    ]
    for number, step in enumerate(steps):
        step()
        truth = _fresh(tmp_path, *args, cwd=cwd)
        for _ in range(2):  # the first run may store the run, the second replays it
            _same(_run(tmp_path, *args, cwd=cwd), truth)
        assert truth.returncode != 2 or number == 9, truth.stderr


def test_what_is_outside_the_files_is_in_the_key(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_bytes(BROKEN.read_bytes())
    runs = [
        _run(tmp_path, "body.json"),
        _run(tmp_path, "body.json", COLUMNS="40"),  # any variable
        _run(tmp_path, "--format", "json", "body.json"),  # the command line
        _run(tmp_path / "cache", "../body.json"),  # the folder it runs in
    ]
    assert len(_entries(tmp_path)) == 4 and all(run.returncode == 1 for run in runs)
    assert runs[2].stdout != runs[0].stdout and json.loads(_run(tmp_path, "--format", "json", "body.json").stdout)


@pytest.mark.parametrize("extra", [
    ["--fix"], ["--diff"], ["--no-cache"], ["--show-settings"], ["--server-zone", "Mars/Olympus"],
    ["--output-file", "report.txt"], ["--format", "json:report.json"], ["--baseline", "base.json"],
    ["--element-schemas", "overlays"], ["--root", "overlays", "--format", "sarif:out.sarif"],
])
def test_a_run_that_reads_or_writes_more_is_never_stored(tmp_path: Path, extra: list[str]) -> None:
    (tmp_path / "overlays").mkdir()
    (tmp_path / "base.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    (tmp_path / "body.json").write_bytes(BROKEN.read_bytes())
    _run(tmp_path, *extra, "body.json")
    assert _entries(tmp_path) == []


def test_standard_input_and_folders_are_never_stored(tmp_path: Path) -> None:
    (tmp_path / "bodies").mkdir()
    (tmp_path / "bodies" / "body.json").write_bytes(BROKEN.read_bytes())
    _run(tmp_path, "bodies")
    subprocess.run([sys.executable, "-m", "validator", "check", "-"], input=BROKEN.read_text(encoding="utf-8"),
                   capture_output=True, text=True, cwd=tmp_path, env=_env(tmp_path), timeout=120)
    assert _entries(tmp_path) == []


def test_a_run_with_warnings_on_standard_error_is_not_stored(tmp_path: Path) -> None:
    (tmp_path / ".ce-validator.toml").write_text('ignore = ["CE999"]\n', encoding="utf-8")  # a stale ignore
    (tmp_path / "body.json").write_bytes(FIXED.read_bytes())
    first = _run(tmp_path, "body.json")
    assert "warning" in first.stderr and _entries(tmp_path) == []
    assert _run(tmp_path, "body.json").stderr == first.stderr


def test_a_root_folder_that_goes_away_is_seen(tmp_path: Path) -> None:
    (tmp_path / "ws").mkdir()
    (tmp_path / "bodies").mkdir()
    (tmp_path / "bodies" / "body.json").write_bytes(BROKEN.read_bytes())
    args, cwd, env = ("--format", "sarif", "body.json"), tmp_path / "bodies", {"GITHUB_WORKSPACE": str(tmp_path / "ws")}
    first = _run(tmp_path, *args, cwd=cwd, **env)
    assert len(_entries(tmp_path)) == 1 and "/ws/" in first.stdout  # the report's root
    (tmp_path / "ws").rmdir()  # the variable no longer names a folder: the current folder is the root
    gone = _run(tmp_path, *args, cwd=cwd, **env)
    _same(gone, _fresh(tmp_path, *args, cwd=cwd, **env))
    assert "/ws/" not in gone.stdout
    (tmp_path / "ws").mkdir()  # and back: the variable's folder again
    back = _run(tmp_path, *args, cwd=cwd, **env)
    assert "/ws/" in back.stdout
    _same(back, first)


def test_a_secret_is_stored_only_masked(tmp_path: Path) -> None:
    body = json.loads(FIXED.read_text(encoding="utf-8"))
    body["configuration"]["oauth.api.secret"] = "Zq8vLx3mPw9tRk2n"
    poller = body["configuration"]["event.poller.configuration"]["customers"]
    poller["url"] += "&apiKey=Hy7Kp2Lm9Qw4"
    (tmp_path / "body.json").write_text(json.dumps(body, indent=2), encoding="utf-8")
    first = _run(tmp_path, "body.json")
    assert '"oauth.api.secret": "****' in first.stdout, first.stdout  # its line is shown, masked
    stored = b"".join(entry.read_bytes() for entry in _entries(tmp_path))
    assert stored and b"Zq8vLx3mPw9tRk2n" not in stored and b"Hy7Kp2Lm9Qw4" not in stored
    _same(_run(tmp_path, "body.json"), first)


def test_text_that_cannot_be_encoded_is_replayed_byte_for_byte(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_text('{"name": "x", "configuration": {"a\\ud800": 1}', encoding="utf-8")
    command = [sys.executable, "-m", "validator", "check", "body.json"]
    runs = [subprocess.run(command, capture_output=True, cwd=tmp_path, env=_env(tmp_path, PYTHONIOENCODING="ascii"),
                           timeout=120) for _ in range(2)]
    assert runs[0].returncode == 1 and len(_entries(tmp_path)) == 1
    assert (runs[1].returncode, runs[1].stdout) == (runs[0].returncode, runs[0].stdout)


def test_a_damaged_or_hostile_entry_is_not_replayed(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_bytes(BROKEN.read_bytes())
    truth = _run(tmp_path, "body.json")
    [entry] = _entries(tmp_path)
    data = entry.read_bytes()
    magic, check, body = data.split(b"\0", 2)

    def signed(body: bytes) -> bytes:  # a hostile entry with a digest that matches
        return b"\0".join([magic, run_cache.digest(body).hexdigest().encode(), body])

    damaged = [b"", data[:40], data[:-120], data[:-1] + b"!", data.replace(magic, b"ce-validator run 9"),
               signed(b"7" + body[1:]), signed(b"1\0" + b"9" * 5000 + b"\0"), signed(b"1\x002\0x")]
    for bad in damaged:
        entry.unlink()
        entry.write_bytes(bad)
        _same(_run(tmp_path, "body.json"), truth)
        _same(_run(tmp_path, "body.json"), truth)  # stored again by the run before
    if hasattr(os, "mkfifo"):
        entry.unlink()
        os.mkfifo(entry)  # reading it would wait for ever
        _same(_run(tmp_path, "body.json"), truth)
        entry.unlink()
    if os.path.exists("/dev/zero"):  # an endless file behind a link
        entry.unlink(missing_ok=True)
        entry.symlink_to("/dev/zero")
        _same(_run(tmp_path, "body.json"), truth)


def test_a_damaged_or_hostile_results_entry_is_a_miss(tmp_path: Path) -> None:
    """A hostile trial (helper-60): a results entry (`.json`, read when the run's entry is gone) edited by hand hung
    the run (a FIFO, a link to /dev/zero), raised a traceback (`"line": "1"`), or changed the exit status
    (`"severity": "bogus"`, `"findings": []`)."""
    (tmp_path / "body.json").write_bytes(BROKEN.read_bytes())
    truth = _run(tmp_path, "body.json")
    assert truth.returncode == 1
    [entry] = sorted((tmp_path / "cache").rglob("*.json"))
    check, body = entry.read_bytes().split(b"\n", 1)
    payload = json.loads(body)

    def signed(changed: dict) -> bytes:  # a hostile entry whose digest matches
        data = json.dumps(changed).encode()
        return run_cache.digest(data).hexdigest().encode() + b"\n" + data

    first = payload["findings"][0]
    hostile = [b"", body, check + b"\n" + body[:-1], b"x",
               signed({**payload, "findings": [{**first, "line": "1"}]}),
               signed({**payload, "findings": [{**first, "severity": "bogus"}]}),
               signed({**payload, "findings": [{**first, "line": 1.5}]}),
               signed({**payload, "findings": [{**first, "column": -5}]}),
               signed({**payload, "findings": [{**first, "pointer": 5}]})]
    for bad in hostile:
        for run in _entries(tmp_path):
            run.unlink()
        entry.unlink(missing_ok=True)
        entry.write_bytes(bad)
        result = _run(tmp_path, "body.json")
        assert "Traceback" not in result.stderr, result.stderr
        _same(result, truth)
    for run in _entries(tmp_path):
        run.unlink()
    if hasattr(os, "mkfifo"):
        entry.unlink(missing_ok=True)
        os.mkfifo(entry)  # reading it would wait for ever
        _same(_run(tmp_path, "body.json"), truth)
        entry.unlink()


def test_a_run_from_a_deleted_folder_is_checked_as_before(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_bytes(BROKEN.read_bytes())
    gone = tmp_path / "gone"
    gone.mkdir()
    script = ("import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); sys.argv[1:] = sys.argv[2:]; "
              "from validator.cli import main; sys.exit(main(replay=True))")
    result = subprocess.run([sys.executable, "-c", script, str(gone), "check", str(tmp_path / "body.json")],
                            capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert result.returncode == 1 and "CE620" in result.stdout and not result.stderr


def test_a_file_name_that_is_not_utf8_is_reported_alike_from_either_cache(tmp_path: Path) -> None:
    try:
        name = os.fsdecode(b"b\xe9d.json")
        (tmp_path / name).write_bytes(BROKEN.read_bytes())
    except (UnicodeError, OSError):
        pytest.skip("this file system refuses a file name that is not UTF-8 (macOS, Windows): no such file can be "
                    "named here")
    truth = _fresh(tmp_path, name)
    assert "|" in truth.stdout  # the finding's line is shown
    _run(tmp_path, "-q", name)  # fills the results cache only (another command line)
    for _ in range(2):  # the results cache's findings, then the replay
        _same(_run(tmp_path, name), truth)


def test_a_file_that_changes_during_the_run_is_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CE_VALIDATOR_CACHE_DIR", str(tmp_path / "cache"))
    body = tmp_path / "body.json"
    body.write_text("{}", encoding="utf-8")
    recording = run_cache.Recording.start("ab" * 32)
    try:
        recording.depends_on([str(body), str(tmp_path / "absent.toml"), str(tmp_path)])
        body.write_text('{"name": 1}', encoding="utf-8")
        recording.allow()
    finally:
        recording.finish(0)
    assert _entries(tmp_path) == []
    recording = run_cache.Recording.start("ab" * 32)
    try:
        recording.depends_on([str(body), str(tmp_path / "absent.toml"), str(tmp_path)])
        print("stored")
        recording.allow()
    finally:
        recording.finish(0)
    assert len(_entries(tmp_path)) == 1
    assert run_cache.replay("ab" * 32) == 0
    (tmp_path / "absent.toml").write_text("", encoding="utf-8")
    assert run_cache.replay("ab" * 32) is None


def test_file_states() -> None:
    assert run_cache.file_state(str(ROOT)) == "dir"
    assert run_cache.file_state(str(ROOT / "no such file")) == "-"
    assert run_cache.file_state("bad\0name") == "-"
    assert run_cache.file_state(str(FIXED)) == run_cache.file_state(str(FIXED)) != run_cache.file_state(str(BROKEN))
    assert len(run_cache.file_state(str(FIXED))) == 64


def test_a_batch_large_enough_for_workers_is_not_stored(tmp_path: Path) -> None:
    from validator.check_runner import PARALLEL_THRESHOLD

    names = [f"b{number:03}.json" for number in range(PARALLEL_THRESHOLD)]
    for name in names:
        (tmp_path / name).write_bytes(FIXED.read_bytes())
    assert _run(tmp_path, *names[:-1], CE_VALIDATOR_JOBS="1").returncode == 0
    assert len(_entries(tmp_path)) == 1  # one file fewer: one process, stored
    assert _run(tmp_path, *names, CE_VALIDATOR_JOBS="2").returncode == 0
    assert len(_entries(tmp_path)) == 1  # workers: their standard error is not watched


def test_a_replay_cut_short_by_its_reader_ends_as_the_run_did(tmp_path: Path) -> None:
    """PYTHONUNBUFFERED (common in containers): one large write is only partly done when the reader goes away,
    silently; the run's output comes in pieces, and so must the replay's, so both see the closed pipe."""
    body = json.loads(BROKEN.read_text(encoding="utf-8"))
    pollers = body["configuration"]["event.poller.configuration"]
    for number in range(3000):
        pollers[f"r{number}"] = dict(pollers["customers"])
    (tmp_path / "big.json").write_text(json.dumps(body, indent=2), encoding="utf-8")
    command = [sys.executable, "-m", "validator", "check", "big.json"]

    def first_line_only(**extra: str) -> int:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tmp_path,
                                env=_env(tmp_path, PYTHONUNBUFFERED="1", **extra))
        assert proc.stdout is not None
        proc.stdout.readline()
        proc.stdout.close()
        return proc.wait(timeout=120)

    assert _run(tmp_path, "big.json", PYTHONUNBUFFERED="1").returncode == 1
    assert len(_entries(tmp_path)) == 1 and _entries(tmp_path)[0].stat().st_size > 1 << 20
    assert first_line_only() == first_line_only(CE_VALIDATOR_NO_CACHE="1") == 141  # a cut run is no pass
