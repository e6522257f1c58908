"""The pre-commit hook, run for real with ``pre-commit try-repo``, and the examples of docs/usage.md.

``pre-commit`` is installed from the package index into a fresh virtual environment,
once per test session.  ``try-repo`` clones the hook repository at a commit and sees
only tracked changes, so the test commits a copy of this checkout's working tree into
a temporary git repository and points ``try-repo`` at that.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from venvs import bin_path, fresh_venv

ROOT = Path(__file__).resolve().parents[1]
USAGE = ROOT / "docs" / "usage.md"
HOOK_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "validator", "schemas")
CLEAN_ENV_PREFIXES = ("PRE_COMMIT", "GIT_", "VIRTUAL_ENV", "PYTHONPATH", "PIP_REQUIRE")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(CLEAN_ENV_PREFIXES) and k != "SKIP"}
    env.update(GIT_AUTHOR_NAME="ce-validator tests", GIT_AUTHOR_EMAIL="tests@example.invalid",
               GIT_COMMITTER_NAME="ce-validator tests", GIT_COMMITTER_EMAIL="tests@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", **extra)
    return env


def _run(*args: str | Path, cwd: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=_env(**env), capture_output=True, text=True,
                          timeout=timeout)


def _git(*args: str, cwd: Path) -> None:
    result = _run("git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr




@pytest.fixture(scope="session")
def precommit_venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with pre-commit (and so PyYAML) installed from the package index."""
    venv = tmp_path_factory.mktemp("precommit-venv")
    install = fresh_venv(venv)
    result = _run(*install, "-q", "pre-commit", cwd=venv)
    assert result.returncode == 0, result.stderr
    return venv


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> Path:
    """This checkout's working tree, committed into a temporary git repository."""
    repo = tmp_path_factory.mktemp("hook-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ce-validator-cache")
    for name in HOOK_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=ignore)
        else:
            shutil.copy2(source, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "hook repository under test", cwd=repo)
    return repo


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    """A user's repository: a broken instance body, a clean one, and a package.json."""
    repo = tmp_path_factory.mktemp("project")
    (repo / "instances").mkdir(parents=True)
    shutil.copy2(ROOT / "examples" / "sageone-polling.json", repo / "instances" / "broken.json")
    shutil.copy2(ROOT / "examples" / "sageone-polling-fixed.json", repo / "instances" / "clean.json")
    (repo / "package.json").write_text('{\n  "name": "web",\n  "version": "1.0.0",\n  "private": true\n}\n',
                                       encoding="utf-8")
    (repo / "docs").mkdir()
    body = (ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8")
    fixed = (ROOT / "examples" / "sageone-polling-fixed.json").read_text(encoding="utf-8")
    indent = "".join("   " + line if line.strip() else line for line in body.splitlines(keepends=True))
    (repo / "docs" / "events.md").write_text(f"# Events\n\n1. Create the instance:\n\n   ```json\n{indent}   ```\n",
                                             encoding="utf-8")
    (repo / "docs" / "clean.md").write_text(f"# Events\n\n```json\n{fixed}```\n\nNo body here.\n", encoding="utf-8")
    (repo / "docs" / "events.mdx").write_text(f"# Events\n\n```json\n{body}```\n", encoding="utf-8")  # (helper-83)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    return repo


PASSING = ("instances/clean.json", "package.json", "docs/clean.md")
FAILING = ("instances/broken.json", "instances/clean.json", "package.json", "docs/events.md", "docs/events.mdx")


@pytest.fixture(scope="session")
def try_repo(precommit_venv, hook_repo, project) -> dict[tuple[str, ...], subprocess.CompletedProcess[str]]:
    """``pre-commit try-repo`` on the passing and the failing set of files, run side by side.

    Each ``try-repo`` builds the hook's environment in a store of its own (the slow part), so the two runs go
    in parallel to keep the test under a minute.
    """
    from concurrent.futures import ThreadPoolExecutor

    def run(files: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
        # every hook of the repository: ce-validator (JSON) and ce-validator-docs (Markdown pages)
        return _run(bin_path(precommit_venv, "pre-commit"), "try-repo", hook_repo, "--color", "never",
                    "--verbose", "--files", *files, cwd=project)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip((PASSING, FAILING), pool.map(run, (PASSING, FAILING))))
    return results


@pytest.mark.index
def test_hook_manifest(load_yaml):
    hook, docs = _load_yaml_manifest(load_yaml)
    assert hook["id"] == "ce-validator" and hook["language"] == "python"
    assert hook["entry"] == "ce-validator check" and hook["types"] == ["json"]
    assert docs["id"] == "ce-validator-docs" and docs["entry"] == "ce-validator check"
    assert docs["types"] == ["text"] and docs["language"] == "python"
    import re as regex

    from validator.inputs import PAGE_SUFFIXES

    pattern = regex.compile(docs["files"])
    assert all(pattern.search("docs/page" + suffix.upper()) for suffix in PAGE_SUFFIXES)  # every page, `.mdx` too
    assert not pattern.search("instance.json") and not pattern.search("docs/md.txt")


@pytest.mark.index
def test_try_repo_passes_clean_bodies_and_ignores_package_json(try_repo):
    result = try_repo[PASSING]
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"^ce-validator\.+Passed$", output, re.M), output
    assert re.search(r"^ce-validator \(Markdown pages\)\.+Passed$", output, re.M), output
    assert not re.search(r"package\.json:\d+:\d+:", output), output  # skipped, not reported


@pytest.mark.index
def test_try_repo_fails_on_a_broken_body(try_repo):
    result = try_repo[FAILING]
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^ce-validator\.+Failed$", output, re.M), output
    assert re.search(r"^instances/broken\.json:\d+:\d+: CE\d{3} ", output, re.M), output
    assert re.search(r"^ce-validator \(Markdown pages\)\.+Failed$", output, re.M), output
    assert re.search(r"^docs/events\.md:\d+:\d+: CE\d{3} ", output, re.M), output
    assert re.search(r"^docs/events\.mdx:\d+:\d+: CE\d{3} ", output, re.M), output
    assert not re.search(r"package\.json:\d+:\d+:", output), output
    assert "Traceback" not in output


# -- docs/usage.md ------------------------------------------------------------------------------------------------
def _blocks(language: str) -> list[str]:
    text = USAGE.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.M | re.S)


@pytest.fixture(scope="module")
def load_yaml(precommit_venv):
    """``yaml.safe_load`` from the test environment, or from the pre-commit environment, which always has PyYAML."""
    try:
        import yaml

        return yaml.safe_load
    except ImportError:
        python = bin_path(precommit_venv, "python")

        def load(text: str):
            import json

            code = "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))"
            out = subprocess.run([str(python), "-c", code], input=text, capture_output=True, text=True, check=True)
            return json.loads(out.stdout)

        return load


@pytest.mark.index
def test_usage_yaml_examples_parse(load_yaml):
    blocks = _blocks("yaml")
    assert len(blocks) >= 3
    documents = [load_yaml(block) for block in blocks]
    hook_ids = {hook["id"] for hook in _load_yaml_manifest(load_yaml)}
    precommit = [d for d in documents if isinstance(d, dict) and "repos" in d]
    assert precommit, "no pre-commit configuration in docs/usage.md"
    for config in precommit:
        for repo in config["repos"]:
            for hook in repo["hooks"]:
                assert hook["id"] in hook_ids
                if "files" in hook:
                    re.compile(hook["files"])
    assert any("files" in hook for config in precommit for repo in config["repos"] for hook in repo["hooks"])
    workflows = [d for d in documents if isinstance(d, dict) and "jobs" in d]
    assert workflows, "no GitHub Actions workflow in docs/usage.md"
    steps = [step.get("run", "") for wf in workflows for job in wf["jobs"].values() for step in job["steps"]]
    assert any("--format sarif" in run for run in steps)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif")
               for wf in workflows for job in wf["jobs"].values() for step in job["steps"])
    gitlab = [d for d in documents if isinstance(d, dict) and any(
        isinstance(job, dict) and "script" in job for job in d.values())]
    assert gitlab, "no GitLab CI job in docs/usage.md"
    reports = [job["artifacts"]["reports"] for d in gitlab for job in d.values()
               if isinstance(job, dict) and "artifacts" in job]
    assert any("junit" in r or "codequality" in r for r in reports)


def _load_yaml_manifest(load_yaml) -> list[dict]:
    return load_yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_usage_shell_commands_use_known_formats():
    from validator.reporters import REPORTERS

    text = USAGE.read_text(encoding="utf-8")
    used = set(re.findall(r"--format[ =]([a-z]+)", text))
    assert used and used <= set(REPORTERS), used - set(REPORTERS)
    assert {"github", "sarif", "junit"} <= used


def test_usage_toml_examples_are_valid_configuration(tmp_path):
    from validator.config import load_config

    blocks = _blocks("toml")
    assert len(blocks) >= 2
    for number, block in enumerate(blocks):
        name = "pyproject.toml" if "tool" in tomllib.loads(block) else ".ce-validator.toml"
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / name).write_text(block, encoding="utf-8")
        config = load_config(start=folder)  # raises ConfigError on any problem
        assert config.path == folder / name


def test_usage_library_example_runs(tmp_path):
    (block,) = [b for b in _blocks("python") if "validator" in b][:1]
    result = subprocess.run([sys.executable, "-c", block], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "CE_VALIDATOR_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert re.search(r"^examples/sageone-polling\.json:\d+:\d+: CE\d{3} ", result.stdout, re.M), result.stdout


def test_usage_ci_recipes_run_as_written(tmp_path):
    """Each CI recipe's `ce-validator check` command (GitHub Actions, GitLab CI, Jenkins), run on a repository
    holding one broken body: it fails the job and writes every report it names, in its format."""
    import json
    import shlex
    import xml.etree.ElementTree as ElementTree

    from clirun import run_cli

    text = USAGE.read_text(encoding="utf-8")
    recipes = "".join(_blocks("yaml") + _blocks("groovy"))
    commands = re.findall(r"(?:^|[\s'])(?:\.venv/bin/)?ce-validator (check [^'\n]*)", recipes)
    assert len(commands) >= 3 and any("junit:" in c for c in _blocks("groovy")[0].splitlines()), commands
    assert "## Jenkins" in text
    for number, command in enumerate(commands):
        repository = tmp_path / str(number)
        (repository / "instances").mkdir(parents=True)
        shutil.copy(ROOT / "examples" / "sageone-polling.json", repository / "instances" / "sage.json")
        result = run_cli(*shlex.split(command), cwd=repository, env={"GITHUB_WORKSPACE": str(repository)})
        assert result.code == 1 and "Traceback" not in result.err, (command, result)
        assert "CE620" in result.out, (command, result)
        for kind, name in re.findall(r"--format (\w+):(\S+)", command):
            written = (repository / name).read_text(encoding="utf-8")
            if kind == "junit":
                assert ElementTree.fromstring(written).find(".//failure") is not None, command
            else:
                assert "CE620" in json.dumps(json.loads(written)), command


def test_every_input_of_the_action_is_in_usage(load_yaml):
    action = load_yaml((ROOT / "action.yml").read_text(encoding="utf-8"))
    text = USAGE.read_text(encoding="utf-8")
    section = text[text.index("The repository is also a composite action"):text.index("Or install it yourself")]
    assert [name for name in action["inputs"] if f"`{name}`" not in section] == []
