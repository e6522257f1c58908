"""Hardening, round 2: what fuzzing and review broke, each with its exit code and message."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from clirun import ROOT, run_cli, run_main

FORMATS = ["text", "concise", "json", "github", "sarif", "junit", "gitlab"]


@pytest.fixture
def surrogate_body(tmp_path: Path) -> Path:
    """A value that a message repeats holds a lone surrogate (a `\\ud800` escape): valid JSON, no valid UTF-8."""
    file = tmp_path / "body.json"
    file.write_text('{"element": {"key": "x"}, "configuration": {"event.vendor.type": "x\\ud800"}}')
    return file


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_is_written_as_its_escape(surrogate_body, fmt):
    result = run_cli("check", "--format", fmt, str(surrogate_body))
    assert result.code in (0, 1) and "Traceback" not in result.err, result.err
    assert "\\ud800" in result.out
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(result.out)  # still a valid document


def test_render_writes_a_lone_surrogate_as_its_escape(tmp_path):
    file = tmp_path / "poller.json"
    file.write_text('{"c": {"url": "/hubs/crm/c?where=a>\'${gmtDate:yyyy}\' and b=\'\\ud800\'", "idField": "id"}}')
    result = run_cli("render", "--at", "2024-01-01T00:00:00Z", str(file))
    assert result.code == 0 and "Traceback" not in result.err, result.err


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8 are a POSIX matter")
@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "text", "json"])
def test_a_file_name_that_is_not_utf8(tmp_path, fmt):
    folder = tmp_path / "bodies"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xff.json"), "wb") as handle:
        handle.write(b'{"c": {"url": "/hubs/crm/c?where=a>\'x", "idField": "id"}}')
    result = run_cli("check", "--format", fmt, str(folder))
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert "udcff.json" in result.out or "%5Cudcff.json" in result.out


@pytest.mark.parametrize("at", ["-999999999d", "+99999999999999999999d", "@99999999999999999999",
                                "99999999999999999999999"])
def test_times_out_of_range_are_usage_errors(at):
    result = run_cli("render", "examples/sageone-polling-fixed.json", f"--at={at}")
    assert result.code == 2 and "out of range" in result.err and "Traceback" not in result.err


def test_a_huge_poll_delay_is_said_not_raised(tmp_path):
    file = tmp_path / "poller.json"
    file.write_text('{"c": {"url": "/hubs/crm/c?where=a>\'${gmtDate:yyyy}\'", "idField": "id", '
                    '"pollDelay": 99999999999999999999}}')
    result = run_cli("render", str(file))
    assert result.code == 1 and "does not fit in a Java int" in result.err and "Traceback" not in result.err


def test_output_to_a_full_device_is_exit_2():
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "validator", "check", "--no-cache", "examples/sageone-polling.json"],
                              cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2 and "cannot write the output" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", [("check", "--no-cache", "."), ("check", "--no-cache", "--root", ".", "x.json")])
def test_a_current_folder_deleted_under_the_shell_is_said_as_such(tmp_path, command):
    """helper-175: `check .` in a folder deleted under the shell said `cannot write the output: No such file or
    directory` (the current folder's absolute path raised), though nothing had been written."""
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); from validator.cli import main; " \
             f"sys.exit(main({list(command)!r}))"
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "cannot write the output" not in proc.stderr and "the current folder no longer exists" in proc.stderr, \
        proc.stderr


def test_a_closed_stdout_is_exit_2():
    proc = subprocess.run([sys.executable, "-c", "import os, sys; os.close(1); from validator.cli import main; "
                           "sys.stdout = None; sys.exit(main(['check', '--no-cache', 'examples/sageone-polling.json']))"],
                          cwd=ROOT, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2 and "standard output is closed" in proc.stderr and "Traceback" not in proc.stderr


def test_an_empty_path_is_not_the_current_folder():
    result = run_cli("check", "")
    assert result.code == 2 and "an empty path" in result.err


def test_a_nul_as_the_first_byte_is_a_binary_file(tmp_path):
    file = tmp_path / "body.json"
    file.write_bytes(b'\x00{"element": {"key": "x"}}')
    result = run_cli("check", str(file))
    assert result.code == 1 and "CE013" in result.out


def test_utf16_without_a_bom_is_still_read(tmp_path):
    file = tmp_path / "body.json"
    file.write_bytes('{"c": {"url": "/hubs/crm/c", "idField": "id"}}'.encode("utf-16-be"))
    result = run_cli("check", str(file))
    assert "CE015" in result.out and "CE013" not in result.out


def test_jobs_setting_is_capped_and_checked():
    from validator.check_runner import MAX_JOBS, _worker_count

    assert _worker_count("999999") == MAX_JOBS
    assert _worker_count("0") == 1 and _worker_count("-3") == 1 and _worker_count("many") == 1
    assert 1 <= _worker_count(None) <= 8


def test_jobs_follow_the_idle_cores():
    """Workers on a busy machine only take turns: the count is the idle cores, one process when none is."""
    from validator.check_runner import _worker_count

    assert _worker_count(None, cores=2, load=0.1) == 2
    assert _worker_count(None, cores=2, load=1.2) == 1
    assert _worker_count(None, cores=2, load=9.0) == 1
    assert _worker_count(None, cores=32, load=4.0) == 8
    assert _worker_count("3", cores=2, load=9.0) == 3  # an explicit setting is obeyed


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_parent_of_a_parallel_batch_leaves_no_worker(tmp_path, sig):
    for i in range(600):
        (tmp_path / f"b{i}.json").write_text(json.dumps(
            {f"c{i}": {"url": f"/hubs/crm/c?where=a>'${{gmtDate:yyyy-MM-dd}}' and b='{i}'", "idField": "id"}}))
    env = {**os.environ, "CE_VALIDATOR_JOBS": "2", "CE_VALIDATOR_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "validator", "check", "--format", "concise", str(tmp_path)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers |= _children(proc.pid)
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the batch ended before its workers could be seen")
    assert workers, "no worker started"
    os.kill(proc.pid, sig)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a worker outlived its parent"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_killed_worker_is_an_error_not_a_traceback(tmp_path):
    for i in range(600):
        (tmp_path / f"b{i}.json").write_text(json.dumps(
            {f"c{i}": {"url": f"/hubs/crm/c?where=a>'${{gmtDate:yyyy-MM-dd}}' and b='{i}'", "idField": "id"}}))
    env = {**os.environ, "CE_VALIDATOR_JOBS": "2", "CE_VALIDATOR_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "validator", "check", "--format", "concise", str(tmp_path)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and not workers and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the batch ended before its workers could be seen")
    os.kill(next(iter(workers)), signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and "a worker process died" in err and "Traceback" not in err


def test_the_cache_never_writes_through_a_link_and_leaves_no_tmp(tmp_path, monkeypatch):
    from validator import cache
    from validator.findings import Finding

    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "cache"
    root.mkdir()
    key = "ab" + "0" * 62
    (root / "ab").symlink_to(outside, target_is_directory=True)
    monkeypatch.setenv("CE_VALIDATOR_CACHE_DIR", str(root))
    finding = Finding("CE620", "error", "m", "p", "", 1, 1, 1, 2)
    cache.store(key, [finding])
    assert list(outside.iterdir()) == []  # nothing written through the link
    (root / "ab").unlink()
    (root / ".gitignore").symlink_to(outside / "victim")
    cache.store(key, [finding])
    assert not (outside / "victim").exists() and cache.load(key, path="p") == [finding]
    assert not list(root.rglob("*.tmp"))


def test_a_cache_entry_that_is_not_a_list_of_findings_is_a_miss(tmp_path, monkeypatch):
    from validator import cache

    monkeypatch.setenv("CE_VALIDATOR_CACHE_DIR", str(tmp_path))
    key = cache.cache_key(b"{}", settings={})
    (tmp_path / key[:2]).mkdir()
    def entry(payload: dict) -> bytes:  # as the cache writes one: a digest line, then the JSON
        data = json.dumps(payload).encode()
        return cache.digest(data).hexdigest().encode() + b"\n" + data

    for payload in ({"format": 3, "findings": {}}, {"format": 3, "findings": "x"}, {"format": 3},
                    {"format": 3, "findings": [1]}, {"format": 3, "findings": [[]]}, {"format": 2, "findings": []}):
        (tmp_path / key[:2] / f"{key}.json").write_bytes(entry(payload))
        assert cache.load(key, path="p") is None, payload
    (tmp_path / key[:2] / f"{key}.json").write_bytes(entry({"format": 3, "findings": []}))
    assert cache.load(key, path="p") == []
    (tmp_path / key[:2] / f"{key}.json").write_text(json.dumps({"format": 3, "findings": []}))  # no digest
    assert cache.load(key, path="p") is None


def test_a_cache_key_is_as_short_as_a_sha256_one():
    from validator import cache

    keys = {cache.cache_key(data, settings={"a": 1}) for data in (b"", b"{}", b"[]")}
    assert len(keys) == 3 and all(len(key) == 64 and int(key, 16) >= 0 for key in keys)


def test_the_cache_is_pruned(tmp_path):
    from validator import cache

    for i in range(30):
        folder = tmp_path / f"{i:02d}"
        folder.mkdir()
        (folder / f"{i:02d}{'0' * 62}.json").write_text("{}")
        os.utime(folder / f"{i:02d}{'0' * 62}.json", (i, i))
    assert cache.prune(tmp_path, keep=20) == 14  # down to four fifths of the limit, oldest first
    left = sorted(p.name[:2] for p in tmp_path.rglob("*.json"))
    assert left == [f"{i:02d}" for i in range(14, 30)]


def test_the_cache_touches_only_its_own_files_in_a_shared_folder(tmp_path, monkeypatch):
    """helper-90: with CE_VALIDATOR_CACHE_DIR naming a shared folder (~/.cache), a prune deleted another program's
    old .json files and an editor's .tmp file, and a `.gitignore` of `*` was written into it."""
    import time

    from validator import cache

    shared = tmp_path / "shared"
    others = [shared / "otherapp" / f"state{i:05d}.json" for i in range(30)] + [shared / "ab" / "notes.json",
                                                                                 shared / "editor" / "session.tmp",
                                                                                 shared / "ab" / "x.tmp"]
    for i, path in enumerate(others):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}")
        os.utime(path, (time.time() - 86400 - i, time.time() - 86400 - i))
    ours = []
    for i in range(30):
        entry = shared / f"{i:02d}" / f"{i:02d}{'0' * 62}.json"
        entry.parent.mkdir(exist_ok=True)
        entry.write_text("{}")
        os.utime(entry, (i, i))
        ours.append(entry)
    assert cache.prune(shared, keep=20) == 14
    assert all(path.exists() for path in others) and sum(path.exists() for path in ours) == 16
    monkeypatch.setenv("CE_VALIDATOR_CACHE_DIR", str(shared))
    cache.store("cd" + "0" * 62, [])
    assert (shared / "cd" / f"cd{'0' * 62}.json").exists() and not (shared / ".gitignore").exists()
    fresh = tmp_path / "fresh"  # a folder the cache makes is its own: ignored by git
    monkeypatch.setenv("CE_VALIDATOR_CACHE_DIR", str(fresh))
    cache.store("cd" + "0" * 62, [])
    assert (fresh / ".gitignore").read_text().endswith("*\n")


def test_an_element_folder_behind_a_link_is_in_the_cache_key(tmp_path):
    from validator.check_runner import _tree_fingerprint

    real = tmp_path / "real" / "acme"
    real.mkdir(parents=True)
    (real / "element.json").write_text("{}")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "acme").symlink_to(real, target_is_directory=True)
    (docs / "loop").symlink_to(docs, target_is_directory=True)  # a cycle is walked once
    before = _tree_fingerprint(str(docs))
    (real / "element.json").write_text('{"changed": true}')
    assert _tree_fingerprint(str(docs)) != before


@pytest.mark.parametrize(("content", "message"), [
    (b'[tool.ce-validator]\nexclude = ["[z-a]"]\n', "'[z-a]' is not a valid glob: the set [z-a] matches no character"),
    (b'[tool.ce-validator]\n# caf\xe9\nignore = ["CE6"]\n', "pyproject.toml:2: byte 0xE9 is not UTF-8"),
    (b"[tool.ce-validator]\nselect = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "nested too deeply"),
])
def test_a_broken_configuration_is_exit_2_with_its_place(tmp_path, content, message):
    (tmp_path / "pyproject.toml").write_bytes(content)
    (tmp_path / "body.json").write_text('{"c": {"url": "/hubs/crm/c", "idField": "id"}}')
    result = run_cli("check", "body.json", cwd=tmp_path)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err, result.err


def test_a_configuration_that_never_ends_is_refused():
    result = run_cli("check", "--config", "/dev/zero", "examples/sageone-polling-fixed.json", timeout=60)
    assert result.code == 2 and "not a regular file" in result.err


def _body(**configuration: object) -> str:
    return json.dumps({"element": {"key": "hubspot"}, "configuration": {"event.notification.enabled": "true",
                                                                         **configuration}})


@pytest.mark.parametrize("text", [
    _body(**{"event.notification.callback.url": "http://a.[com"}),
    _body(**{"event.poller.refresh_interval": "9" * 5000}),
    '{"element": {"key": "hubspot"}, "configuration": {"event.poller.refresh_interval": ' + "9" * 5000 + "}}",
    _body(**{"event.poller.configuration": {"c": {"url": "/hubs/crm/c?where=a='x\u2028y' and b>'${gmtDate:yyyy}'",
                                                  "idField": "id"}}}),
])
def test_inputs_that_crashed_a_rule_are_findings(text):
    from validator.engine import check

    findings = check(text)
    assert findings and not [f for f in findings if f.rule == "CE099"], findings


def test_a_broken_user_overlay_is_exit_2(tmp_path):
    overlays = tmp_path / "overlays"
    overlays.mkdir()
    (overlays / "hubspot.schema.json").write_text('{"type": 5}')
    body = tmp_path / "body.json"
    body.write_text(_body())
    result = run_cli("check", "--element-schemas", str(overlays), str(body))
    assert result.code == 2 and "not a valid JSON Schema" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("overlay", ['{"$ref": "https://example.com/x.json"}',
                                     '{"properties": {"configuration": {"$ref": "#/$defs/nope"}}}'])
def test_a_user_overlay_whose_ref_cannot_be_resolved_is_exit_2_not_an_internal_error(tmp_path, overlay):
    overlays = tmp_path / "overlays"
    overlays.mkdir()
    (overlays / "hubspot.schema.json").write_text(overlay)
    body = tmp_path / "body.json"
    body.write_text(_body())
    result = run_cli("check", "--no-cache", "--element-schemas", str(overlays), str(body))
    assert result.code == 2 and "CE099" not in result.out, result
    assert "hubspot.schema.json: $ref " in result.err and "cannot be resolved" in result.err, result
    if "#/$defs/nope" in overlay:  # (helper-167: quoted as written, not as `/$defs/nope` without its `#`)
        assert "$ref '#/$defs/nope' cannot be resolved" in result.err, result.err


def test_deep_input_outside_check_is_a_usage_error(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' * 5000 + "1" + "}" * 5000)
    for args in (("render", str(deep)), ("schema", "from-element", str(deep))):
        result = run_cli(*args)
        assert result.code == 2 and "CE018" in result.err and "Traceback" not in result.err, args


def test_render_with_stdin_closed():
    proc = subprocess.run([sys.executable, "-m", "validator", "render", "-"], cwd=ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120, close_fds=True,
                          preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2 and "standard input is closed" in proc.stderr and "Traceback" not in proc.stderr


def test_schema_from_element_never_overwrites_its_input(tmp_path):
    element = tmp_path / "element.json"
    original = json.dumps({"key": "acme", "configuration": []})
    element.write_text(original)
    result = run_cli("schema", "from-element", str(element), "-o", str(element))
    assert result.code == 2 and "is the input" in result.err and element.read_text() == original


@pytest.mark.skipif(sys.platform != "linux", reason="symbolic links and /proc")
def test_links_out_of_the_checked_tree_are_not_followed(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tmp_path / "outside.json").write_text('{"c": {"url": "/hubs/crm/c?where=a=\'OUTSIDE-SECRET", "idField": "id"}}')
    (tree / "environ.json").symlink_to("/proc/self/environ")
    (tree / "out.json").symlink_to(tmp_path / "outside.json")
    (tree / "real.json").write_text('{"c": {"url": "/hubs/crm/c?where=a=\'x", "idField": "id"}}')
    (tree / "alias.json").symlink_to(tree / "real.json")  # inside the tree: followed, and the same file
    (tree / "zlink.json").symlink_to(tree / "other.json")
    (tree / "other.json").write_text('{"c": {"url": "/hubs/crm/c?where=b=\'x", "idField": "id"}}')
    result = run_cli("check", "--format", "concise", str(tree), env={"CANARY_ENV": "ENV-CANARY-123"})
    assert "ENV-CANARY-123" not in result.out and "OUTSIDE-SECRET" not in result.out
    assert "environ.json" not in result.out and "out.json" not in result.out
    # each file once, named as the file, not as a link to it (a user's trial: findings reported twice)
    assert "real.json" in result.out and "alias.json" not in result.out
    assert "other.json" in result.out and "zlink.json" not in result.out


def test_a_folder_that_cannot_be_read_is_said(tmp_path, monkeypatch):
    from validator.commands import check as command

    real_walk = os.walk

    def walk(top, *args, onerror=None, **kwargs):
        if onerror is not None:
            onerror(PermissionError(13, "Permission denied", str(top) + "/locked"))
        yield from real_walk(top, *args, **kwargs)

    monkeypatch.setattr(command.os, "walk", walk)
    items = list(command.iter_inputs([str(tmp_path)]))
    messages = [str(i) for i in items if isinstance(i, command.InputError)]
    assert messages == [f"{tmp_path}/locked: cannot read: Permission denied"]  # not "no *.json files"


def _locked(monkeypatch, folder: Path) -> None:
    """``folder`` as a folder of mode 000 is to a user who is not its owner (root reads it all: chmod cannot say it)."""
    real_stat, real_scandir = os.stat, os.scandir

    def refused(path) -> bool:
        return str(os.fspath(path)).startswith(str(folder) + os.sep)

    def stat(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and refused(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    def scandir(path="."):
        if os.path.abspath(path) == str(folder) or refused(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_named_that_cannot_be_read_is_said_as_such(tmp_path, monkeypatch, capsys):
    """`check locked/` printed `cannot write the output: Permission denied` (looking for `locked/.git` raised)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.json").write_text('{"c": {"url": "/hubs/crm/c", "idField": "id"}}', encoding="utf-8")
    _locked(monkeypatch, locked)
    result = run_main(capsys, "check", "--no-cache", str(locked))
    assert result.code == 2 and f"{locked}: cannot read: Permission denied" in result.err, result
    assert "output" not in result.err, result.err


def test_a_baseline_that_cannot_be_read_or_written_is_said_as_such(tmp_path, monkeypatch, capsys):
    """`--update-baseline --baseline locked/b.json` printed `cannot write the output`; an unreadable baseline printed
    Python's `[Errno 13] Permission denied: '...'`, and a UTF-16 one the codec's own words."""
    body = tmp_path / "b.json"
    body.write_text('{"c": {"url": "/hubs/crm/c", "idField": "id"}}', encoding="utf-8")
    utf16 = tmp_path / "u.json"
    utf16.write_bytes(b"\xff\xfe" + '{"version": 1, "findings": []}'.encode("utf-16-le"))
    result = run_main(capsys, "check", "--no-cache", "--baseline", str(utf16), str(body))
    assert result.code == 2 and f"{utf16}: not a baseline file: not UTF-8 text (byte 0)" in result.err, result
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    _locked(monkeypatch, locked)
    result = run_main(capsys, "check", "--no-cache", "--update-baseline", "--baseline", str(locked / "b.json"),
                      str(body))
    assert result.code == 2 and f"{locked / 'b.json'}: cannot write: Permission denied" in result.err, result
    result = run_main(capsys, "check", "--no-cache", "--baseline", str(locked / "b.json"), str(body))
    assert result.code == 2 and result.err.strip().endswith(f"{locked / 'b.json'}: cannot read: Permission denied"), \
        result


@pytest.mark.parametrize("option", ["--element-docs", "--element-schemas"])
def test_element_docs_or_schemas_that_cannot_be_read_are_said_not_an_internal_error(tmp_path, monkeypatch, capsys,
                                                                                    option):
    """A folder of element docs (or overlays) that cannot be looked into gave CE099 `internal error in
    validator.rules.elements: PermissionError` (twice), and simulate `cannot write the output`."""
    body = tmp_path / "b.json"
    body.write_text('{"element": {"key": "sageone"}, "configuration": {"event.poller.refresh_interval": 5, '
                    '"event.poller.configuration": {"c": {"url": "/hubs/finance/c?where=a>\'${date}\'", '
                    '"idField": "id"}}}}', encoding="utf-8")
    locked = tmp_path / "locked"
    (locked / "sageone").mkdir(parents=True)
    _locked(monkeypatch, locked)
    result = run_main(capsys, "check", "--no-cache", option, str(locked), str(body))
    assert result.code == 2 and "cannot read" in result.err and "Permission denied" in result.err, result
    assert "CE099" not in result.out + result.err, result
    if option == "--element-docs":
        result = run_main(capsys, "simulate", option, str(locked), "--element", "sageone", str(body))
        assert result.code == 2 and f"{locked / 'sageone'}: cannot read: Permission denied" in result.err, result


def _now_body(tmp_path):
    body = tmp_path / "one.json"
    body.write_text(json.dumps({"r": {"url": "/hubs/x?where=a>'${now:yyyy}'", "idField": "id"}}), encoding="utf-8")
    (tmp_path / "records.json").write_text('[{"id": 1}]', encoding="utf-8")
    return body


def test_render_with_now_past_the_year_9999_is_a_message(tmp_path):
    body = _now_body(tmp_path)
    result = run_cli("render", str(body), "--at", "9999-12-31T23:59:59.999Z")
    assert result.code == 1 and "Traceback" not in result.err
    assert "beyond the years 1 to 9999" in result.err
    assert run_cli("render", str(body), "--at", "9999-12-31T23:00:00Z").code == 0


@pytest.mark.parametrize("interval", ["99999999999999999999", "2147483648", "0"])
def test_simulate_refuses_an_interval_no_platform_holds(tmp_path, interval):
    body = _now_body(tmp_path)
    result = run_cli("simulate", str(body), "--records", str(tmp_path / "records.json"), "--interval", interval)
    assert result.code == 2 and "Traceback" not in result.err and "--interval" in result.err


def test_simulate_with_an_interval_reaching_before_the_year_1_asks_for_since(tmp_path):
    body = _now_body(tmp_path)
    result = run_cli("simulate", str(body), "--records", str(tmp_path / "records.json"), "--interval", "2147483647")
    assert result.code == 2 and "Traceback" not in result.err and "--since" in result.err


@pytest.mark.parametrize("option", ["--exclude", "--extend-exclude"])
def test_a_bad_glob_on_the_command_line_is_a_usage_error(tmp_path, option):
    body = _now_body(tmp_path)
    result = run_cli("check", option, "**/[z-a]", str(body))
    assert result.code == 2 and "Traceback" not in result.err
    assert f"{option}: '**/[z-a]' is not a valid glob: the set [z-a] matches no character" in result.err


@pytest.mark.parametrize("options", [("-o", "{body}"), ("--output-format", "json:{body}"),
                                     ("--baseline", "{body}", "--update-baseline")])
def test_a_report_or_baseline_never_overwrites_a_file_named_to_check(tmp_path, options):
    body = tmp_path / "body.json"
    text = (ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8")
    body.write_text(text, encoding="utf-8")
    result = run_cli("check", "--no-cache", *(o.format(body=body) for o in options), str(body))
    assert result.code == 2 and "would overwrite a file to check" in result.err, result
    assert body.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("options", [("-o", "{body}"), ("--output-format", "json:{body}"),
                                     ("--baseline", "{body}", "--update-baseline")])
def test_a_report_or_baseline_never_overwrites_a_body_the_folder_walk_finds(tmp_path, options):
    """A user's trial: `-o d/body.json d` replaced the body with the report (exit 1), and no --fix was given."""
    body = tmp_path / "d" / "body.json"
    body.parent.mkdir()
    text = (ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8")
    body.write_text(text, encoding="utf-8")
    result = run_cli("check", "--no-cache", *(o.format(body=body) for o in options), str(body.parent))
    assert result.code == 2 and "would overwrite a file to check" in result.err, result
    assert body.read_text(encoding="utf-8") == text


def test_a_report_kept_in_the_checked_folder_is_still_written(tmp_path):
    (tmp_path / "body.json").write_text((ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")  # last run's report, found by the walk
    result = run_cli("check", "--no-cache", "--output-format", f"json:{tmp_path / 'report.json'}", str(tmp_path))
    assert result.code == 1, result
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="/dev/zero is a Unix device: a system without it has no endless device to refuse")
@pytest.mark.parametrize("command", [("render", "/dev/zero"), ("simulate", "/dev/zero"),
                                     ("simulate", "{body}", "--records", "/dev/zero"),
                                     ("schema", "from-element", "/dev/zero"),
                                     ("check", "--baseline", "/dev/zero", "{body}")])
def test_a_device_is_refused_not_read_forever(tmp_path, command):
    body = _now_body(tmp_path)
    result = run_cli(*(part.format(body=body) for part in command), timeout=60)
    assert result.code == 2 and "/dev/zero: not a regular file" in result.err and "Traceback" not in result.err


def test_records_from_a_pipe_are_read(tmp_path):
    body = _now_body(tmp_path)
    fifo = tmp_path / "records"
    os.mkfifo(fifo)
    writer = subprocess.Popen([sys.executable, "-c", f"open({str(fifo)!r}, 'w').write('[{{\"id\": 1}}]')"])
    try:
        result = run_cli("simulate", str(body), "--records", str(fifo), timeout=60)
    finally:
        writer.wait(timeout=60)
    assert result.code in (0, 1) and "Traceback" not in result.err, result


def test_a_report_never_overwrites_a_file_named_to_check_under_another_name(tmp_path):
    body = tmp_path / "body.json"
    text = (ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8")
    body.write_text(text, encoding="utf-8")
    os.link(body, tmp_path / "hard.json")
    (tmp_path / "soft.json").symlink_to(body)
    for other in ("hard.json", "soft.json"):
        result = run_cli("check", "--no-cache", "-o", str(tmp_path / other), str(body))
        assert result.code == 2 and "would overwrite a file to check" in result.err, (other, result)
    assert body.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("depth", [990, 998])
def test_a_body_nested_nearly_as_deep_as_accepted_is_checked_not_crashed(depth):
    """A user's trial: 975-998 levels (the loader accepts up to 999) ran jsonschema out of frames: CE099."""
    from validator.engine import check

    text = '{"element": {"key": "sageone"}, "configuration": {"x": ' + "[" * depth + "]" * depth + "}}"
    limit = sys.getrecursionlimit()
    rules = [f.rule for f in check(text)]
    assert "CE099" not in rules and "CE102" in rules, rules
    assert sys.getrecursionlimit() == limit  # raised for the validation only
    assert [f.rule for f in check(text.replace("[" * depth, "[" * 999).replace("]" * depth, "]" * 999))] == ["CE018"]


@pytest.mark.parametrize("command", [("check", "--no-cache", "-"), ("render", "-"),
                                     ("simulate", "-", "--records", "/dev/null")])
def test_standard_input_that_never_ends_is_refused(command):
    """A hostile trial (helper-60): `check - < /dev/zero` grew to 22 GB; `render` and `simulate` died of MemoryError."""
    from clirun import ROOT

    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([sys.executable, "-m", "validator", *command], stdin=zero, capture_output=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, timeout=120)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2 and "more than 256 MiB" in err and "Traceback" not in err, (proc.returncode, err)


def test_an_element_folder_is_fingerprinted_two_levels_deep_only(tmp_path):
    """A hostile trial (helper-60): `--element-docs /proc` walked the whole tree (47 s), even with `--no-cache`."""
    from validator.check_runner import _tree_fingerprint

    deep = tmp_path / "acme" / "old" / "older"
    deep.mkdir(parents=True)
    (tmp_path / "acme" / "element.json").write_text("{}")
    (tmp_path / "acme.schema.json").write_text("{}")
    (deep / "element.json").write_text("{}")
    names = {os.path.relpath(entry[0], tmp_path) for entry in _tree_fingerprint(str(tmp_path))[2:]}
    assert names == {"acme.schema.json", os.path.join("acme", "element.json")}


@pytest.mark.parametrize(("name", "make"), [
    # a hostile-input hunt (helper-72): each was quadratic (at 25-100 KB, seconds to a minute); at these sizes it would
    # not end for many minutes, so the watchdog below (a hang guard, not a timing) fails it
    ("query question marks", lambda n: json.dumps({"configuration": {"event.poller.configuration": {
        "r": {"url": "/hubs/x?where=" + "?" * n, "idField": "id"}}}})),
    ("ceql brackets", lambda n: json.dumps({"configuration": {"event.poller.configuration": {
        "r": {"url": "/hubs/x?where=" + "[" * n, "idField": "id"}}}})),
    ("references in a secret", lambda n: json.dumps({"configuration": {"oauth.api.secret": "${" * n}})),
    ("front matter blanks", lambda n: "---\ntitle: a" + " " * n + "b\n---\n\n```json\n{}\n```\n"),
    ("unclosed jsonc comments", lambda n: "```jsonc\n" + "/*a" * (n // 3) + "\n```\n"),
    ("unclosed strings", lambda n: "```json\n{\"a\": ${A}, " + '\\"' * (n // 2) + "\n```\n"),
    ("unclosed here-documents", lambda n: "```sh\n" + "curl -d @- <<E\n" * (n // 15) + "```\n"),
    ("placeholders in a secret's table cell", lambda n: "| Key | Value |\n|---|---|\n| oauth.api.secret | "
     + "<x>a" * (n // 4) + " |\n"),
    ("cookie flags without curl", lambda n: "# t\n\nexport X=1\n\n" + "-b " * (n // 3) + "\n"),
    # a review of the day's changes (helper-84): 122 s at 400 KB, 13.5 s, 8.5 s at 1 MB
    ("a container's title of blanks", lambda n: ":::danger Wrong" + " " * n + "x\n\n```json\n{}\n```\n"),
    ("backslashes in a date pattern", lambda n: json.dumps({"c": {"url": "/x", "idField": "id", "datesConfiguration": {
        "updatedDateField": "u", "updatedDateFormat": "yyyy" + "\\" * n + "MM"}}})),
    ("x's before a letter", lambda n: json.dumps({"element": {"key": "x"}, "configuration": {
        f"k{i}": "x" * 99_000 + "a" for i in range(n // 20_000)}})),
    # a secrets and hostile-input hunt (helper-90): 38 s, 27 s, and 27 s for a seed list of 2,500 bodies (650 KB)
    ("a URL encoded twice over", lambda n: json.dumps({"configuration": {"event.poller.configuration": {"c": {
        "url": "/hubs/x?where=a like '%x' and b=" + "%253F" * (n // 5), "idField": "id"}}}})),
    ("question marks", lambda n: json.dumps({"configuration": {"event.poller.configuration": {"c": {
        "url": "/hubs/x?" + "a=?" * (n // 3), "idField": "id"}}}})),
    ("a seed list of distinct secrets", lambda n: json.dumps([{
        "element": {"key": "sageone"}, "name": f"n{i}", "configuration": {
            "oauth.api.secret": f"Kq9vT3pLx8wZ{i:06d}", "event.poller.refresh_interval": "x"}} for i in range(n // 150)])),
    # a review of the day's changes (helper-105): 20 s and 18 s at 100 KB
    ("mysql words", lambda n: json.dumps({"name": "mysql " * (n // 6)})),
    ("cat words before a here-document", lambda n: "```sh\n" + "cat " * (n // 4) + "<<EOF\n{}\nEOF\n```\n"),
    # helper-109: overlapping secrets' spans, nested block scalars (9.4 s and 6.6 s at 100 KB)
    ("headers in shell quotes", lambda n: "```bash\n" + "-H 'X-Api-Key: x" * (n // 17) + "\n```\n"),
    ("nested block scalars", lambda n: "```yaml\n" + "".join(" " * i + "password: |\n" for i in range(n // 400)) + "```\n"),
])
def test_inputs_that_were_quadratic_end(tmp_path, name, make):
    text = make(200_000)
    path = tmp_path / ("b.md" if text.startswith(("-", "`", ":")) else "b.json")
    path.write_text(text, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--format", "concise", str(path), timeout=90)
    assert result.code in (0, 1) and "Traceback" not in result.err, (name, result.err[-500:])


def test_a_template_of_many_unquoted_expressions_is_read_once(tmp_path):
    """A template's unquoted `{{ x }}` values are read as rendered in one pass (a first version parsed the file again
    for each, up to a thousand times)."""
    path = tmp_path / "instance.json.j2"
    path.write_text('{"element": {"key": "x"}, "configuration": {' + ", ".join(
        f'"k{i}": {{{{ v{i} }}}}' for i in range(20_000)) + "}}", encoding="utf-8")
    result = run_cli("check", "--no-cache", "--format", "concise", str(path), timeout=90)
    assert result.code == 0 and "Traceback" not in result.err, result.err[-500:]


def test_a_named_pipe_nothing_writes_to_is_never_waited_on_forever(tmp_path):
    """A robustness trial (helper-83): `render FIFO`, `simulate --records FIFO`, `--config FIFO` and
    `--update-baseline --baseline FIFO` waited forever (`check FIFO` refused it)."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    body = str(ROOT / "examples" / "sageone-polling-fixed.json")
    runs = (("render", str(fifo)), ("simulate", body, "--records", str(fifo)),
            ("check", "--config", str(fifo), body), ("check", "--baseline", str(fifo), "--update-baseline", body))
    with ThreadPoolExecutor(len(runs)) as pool:  # (side by side: two of them give a writer its seconds to come)
        results = list(pool.map(lambda args: run_cli(*args, timeout=60), runs))
    for args, result in zip(runs, results):
        assert result.code == 2 and "Traceback" not in result.err, (args, result)


def test_render_and_simulate_read_a_utf16_body_as_check_does(tmp_path):
    """A robustness trial (helper-83): `check` read a UTF-16 body (CE015), `render` and `simulate` refused it
    ("not UTF-8 text (byte 0)", the byte order mark)."""
    text = (ROOT / "examples" / "sageone-polling-fixed.json").read_text(encoding="utf-8")
    body = tmp_path / "utf16.json"
    body.write_bytes("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
    rendered = run_cli("render", str(body), "--at", "2024-01-05T10:00:00Z")
    assert rendered.code == 0 and "2024-01-05" in rendered.out, rendered
    records = tmp_path / "records.json"
    records.write_text("[]", encoding="utf-8")
    simulated = run_cli("simulate", str(body), "--records", str(records), "--since", "2024-01-05T10:00:00Z")
    assert simulated.code in (0, 1) and "not UTF-8" not in simulated.err, simulated


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_render_and_simulate_read_a_body_without_a_byte_order_mark_as_check_does(tmp_path, codec):
    """`check` reads UTF-16 or UTF-32 without a mark (CE015, by RFC 4627's NUL pattern); `render` said `CE013 not a
    text file: NUL character at line 1, column 2`."""
    text = (ROOT / "examples" / "sageone-polling-fixed.json").read_text(encoding="utf-8")
    body = tmp_path / "wide.json"
    body.write_bytes(text.encode(codec))
    assert "CE015" in run_cli("check", "--no-cache", str(body)).out
    rendered = run_cli("render", str(body), "--at", "2024-01-05T10:00:00Z")
    assert rendered.code == 0 and "2024-01-05" in rendered.out, rendered
    records = tmp_path / "records.json"
    records.write_bytes("[]".encode(codec))
    simulated = run_cli("simulate", str(body), "--records", str(records), "--since", "2024-01-05T10:00:00Z")
    assert simulated.code in (0, 1) and "CE013" not in simulated.err, simulated


_SAGE = '{"element": {"key": "sageone"}, "configuration": {'


@pytest.mark.parametrize(("name", "suffix", "make"), [
    # a hardening hunt (helper-112): each was quadratic (at 25-100 KB, 10 s to 38 s); at 200 KB the watchdog fails it
    ("a table line of blanks", ".json", lambda n: '{"name": "a|b",\n' + " " * n + '"x": 1}\n'),
    ("blanks after a mistake's label", ".md", lambda n: "Wrong: " + " " * (n // 4) + "x\n```json\n" + _SAGE
     + '"name": "n"}}\n```\n'),
    ("separators in a callback URL", ".json", lambda n: _SAGE + '"event.notification.enabled": true, '
     '"event.notification.callback.url": "https://a.example/' + "," * n + '"}}'),
    ("unclosed command substitutions", ".md", lambda n: "```bash\ncurl -X POST https://x.example/instances "
     + "$(" * (n // 3) + " -d '" + _SAGE + '"name": "n"}}' + "'\n```\n"),
    ("an unclosed string of escaped quotes in a template", ".json.j2", lambda n: _SAGE + '"name": "{{ x }}"}}\n"'
     + '\\"' * (n // 2) + "\n"),
    ("blanks after `in` in a broken body", ".json", lambda n: _SAGE + '"name": "x in' + " " * n + 'y"'),
    # a review of the merged round (helper-156): Ruby's `basic_auth` then blanks, two runs of blanks in a row (11 s
    # at 30 KB, minutes at 200 KB)
    ("blanks after basic_auth", ".json", lambda n: _SAGE + '"name": "n", "description": "basic_auth' + " " * n
     + 'x"}}'),
    ("blanks after basic_auth in a page", ".md", lambda n: "```json\n" + _SAGE + '"name": "n"}}\n```\n\n```ruby\n'
     "req.basic_auth" + " " * n + "x\n```\n"),
    # ... and a page of MDX tags, each line reading all the tags below it (68 s at 200 KB: twice as long here)
    ("a page of MDX tags", ".mdx", lambda n: '<TabItem value="json">\n' * (n // 11)),
    # helper-196: CE431 counted each field's letter in the list of all fields (5.6 s at 10,000 letters)
    ("a macro's date pattern of every letter", ".json", lambda n: json.dumps({"configuration": {
        "event.poller.configuration": {"c": {"url": "/hubs/x?where=u>'${date:" + "yMdHmsSEaZXz" * (n // 12) + "}'",
                                             "idField": "id"}}}})),
    # helper-203: an environment reference's default read to the line's end from each `${a:` (35 s at 100 KB), and a
    # zone's template placeholder from each `${` (13 s at 100 KB: the zone is twice as long here)
    ("macros in a callback URL", ".json", lambda n: _SAGE + '"event.notification.enabled": true, '
     '"event.notification.callback.url": "' + "${date:" * (n // 7) + '"}}'),
    ("references in a zone", ".json", lambda n: json.dumps({"configuration": {"event.poller.configuration": {"c": {
        "url": "/hubs/x", "idField": "id", "datesConfiguration": {"updatedDateField": "u", "updatedDateFormat": "yyyy",
                                                                  "updatedDateTimezone": "${" * n}}}}})),
    # helper-215: a name for epoch time read with one pattern, a run on either side of the word, backtracked over
    # each occurrence of it (37 s at 40 KB); a deployment's variables inside a macro's zone, each skipped once
    ("a records' format naming epoch time over and over", ".json", lambda n: json.dumps({"configuration": {
        "event.poller.configuration": {"c": {"url": "/hubs/x", "idField": "id", "datesConfiguration": {
            "updatedDateField": "u", "updatedDateFormat": "epoch" * (n // 5) + "!"}}}}})),
    ("deployment variables in a macro", ".json", lambda n: json.dumps({"configuration": {"event.poller.configuration": {
        "c": {"url": "/hubs/x?where=u>'${dateTimeZone:" + "${TZ}" * (n // 5) + "'", "idField": "id"}}}})),
    # helper-204: a heading read for the section's title (841b26d), its closing marks tried from each of a run of
    # blanks inside it (21 s at 100 KB, 87 s at 200 KB: 400 KB here)
    ("blanks inside a page's heading", ".md", lambda n: "# a" + " " * (2 * n) + "b\n\n```json\n" + _SAGE
     + '"name": "n"}}\n```\n'),
])
def test_inputs_that_were_quadratic_end_too(tmp_path, name, suffix, make):
    path = tmp_path / ("b" + suffix)
    path.write_text(make(200_000), encoding="utf-8")
    result = run_cli("check", "--no-cache", "--format", "concise", str(path), timeout=90)
    assert result.code in (0, 1) and "Traceback" not in result.err, (name, result.err[-500:])


def test_an_exclude_glob_of_many_stars_ends(tmp_path):
    """helper-112: `exclude = ["*a*a*a*a*b"]` against a long name took seconds, a power of the name's length (five
    stars: over a minute); each star but the last is matched once, as fnmatch does."""
    (tmp_path / ("a" * 200 + ".json")).write_text('{"element": {"key": "sageone"}}', encoding="utf-8")
    (tmp_path / "g.toml").write_text('exclude = ["*a*a*a*a*a*a*a*b"]\n', encoding="utf-8")
    result = run_cli("check", "--no-cache", "--config", str(tmp_path / "g.toml"), str(tmp_path), timeout=90)
    assert result.code in (0, 1) and "Traceback" not in result.err, result.err[-500:]


def test_documents_nested_past_python_s_parser_are_usage_errors_not_tracebacks(tmp_path):
    """helper-112: a baseline, an element definition, an overlay schema or a page's body nested thousands deep raised
    RecursionError (a traceback, exit 1) outside check's own parser."""
    deep = "[" * 10_000 + "]" * 10_000
    valid = tmp_path / "valid.json"
    valid.write_text('{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "k"}}')
    (tmp_path / "deep.json").write_text(deep)
    (tmp_path / "docs" / "sageone").mkdir(parents=True)
    (tmp_path / "docs" / "sageone" / "element.json").write_text(deep)
    (tmp_path / "over").mkdir()
    (tmp_path / "over" / "sageone.schema.json").write_text(deep)
    page = tmp_path / "deep.md"
    page.write_text("```json\n{\"element\": {\"key\": \"sageone\"}, \"configuration\": {\"x\": " + "[" * 990 + "]" * 990
                    + "}}\n```\n")
    for args in (("check", "--no-cache", "--baseline", str(tmp_path / "deep.json"), str(valid)),
                 ("check", "--no-cache", "--element-docs", str(tmp_path / "docs"), str(valid)),
                 ("check", "--no-cache", "--element-schemas", str(tmp_path / "over"), str(valid)),
                 ("render", str(page)), ("simulate", str(page))):
        result = run_cli(*args)
        assert result.code == 2 and "Traceback" not in result.err + result.out, (args, result.err[-400:])
    walk = tmp_path / "walk"
    walk.mkdir()
    (walk / "deep.json").write_text(deep)
    (walk / "valid.json").write_text(valid.read_text())
    result = run_cli("check", "--no-cache", "-o", str(walk / "deep.json"), str(walk))
    assert "Traceback" not in result.err + result.out, result.err[-400:]


def test_a_page_s_name_with_a_line_break_writes_no_line_of_its_own(tmp_path):
    """helper-112: a page named `a\\nfake.json:1:1: CE105 [error] forged finding\\nb.md` printed a forged finding line
    (its skipped line and its CE090 carried the name as it is; a JSON file's is escaped)."""
    name = "a\nfake.json:1:1: CE105 [error] forged finding\nb.md"
    (tmp_path / name).write_text("# hi\n")
    for fmt in ("concise", "text"):
        result = run_cli("check", "--no-cache", "--format", fmt, name, cwd=tmp_path)
        assert not any(line.startswith("fake.json") for line in result.out.splitlines()), result.out
        assert "\\x0a" in result.out


def test_a_time_of_thousands_of_digits_is_said_plainly():
    """helper-112: `date --at <5000 digits>` answered with Python's own "Exceeds the limit (4300 digits)" advice."""
    result = run_cli("date", "yyyy", "--at", "1" * 5000)
    assert result.code == 2 and "set_int_max_str_digits" not in result.err and "5000 characters" in result.err
