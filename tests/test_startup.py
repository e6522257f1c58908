"""What a one-file check costs to start, counted rather than timed: the dataclasses its imports create and
the patterns it compiles.

On CPython 3.11 creating a frozen dataclass compiles its methods one at a time (about 0.45 ms each class);
a ``NamedTuple`` costs about 0.07 ms.  Internal records are NamedTuples (docs/ARCHITECTURE.md, "Records").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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

# What the public API returns, down to its parts, and records with mutable or lazily computed state.
EXPECTED = {
    "validator.findings.Edit", "validator.findings.Fix", "validator.findings.Finding", "validator.findings.Problem",
    "validator.options.Options", "validator.config.Config", "validator.config.IgnoreUsage",
    "validator.dates.zones.ZoneResolution", "validator.masking.Secrets", "validator.engine.Context",
    "validator.dates.tokens.Token", "validator.urls.ceql.WhereClause", "validator.urls.template.UrlTemplate",
    "validator.urls.template.Macro", "validator.urls.template.QueryParam", "validator.urls.template.PathVariable",
    "validator.urls.facts.UrlFact", "validator.urls.ceql.Condition", "validator.urls.ceql.Operand",
    "validator.dates.analysis.PatternFacts", "validator.dates.analysis.Pitfall",
    "validator.dates.analysis.FieldExplanation",
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


def test_a_lazy_pattern_is_the_compiled_pattern_once_used() -> None:
    import re

    from validator.lazy_pattern import LazyPattern

    lazy, plain = LazyPattern(r"(?P<word>[a-z]+)(\d)?", re.I), re.compile(r"(?P<word>[a-z]+)(\d)?", re.I)
    text = "ab1 CD 3e4"
    assert lazy._compiled is None and lazy.pattern == plain.pattern
    assert lazy.match(text).span() == plain.match(text).span()  # type: ignore[union-attr]
    assert lazy.fullmatch("ab1") is not None and lazy.fullmatch(text) is None
    assert lazy.search(text, 3).span() == plain.search(text, 3).span()  # type: ignore[union-attr]
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.findall(text) == plain.findall(text) and lazy.split(text) == plain.split(text)
    assert lazy.sub(lambda m: m.group("word").upper(), text) == plain.sub(lambda m: m.group("word").upper(), text)
    assert lazy.compiled is lazy.compiled
    assert LazyPattern(rb"\d+").findall(b"a12b3") == [b"12", b"3"]


_LAZY = """
import contextlib, io, json, sys
from validator.cli import main
from validator.lazy_pattern import LazyPattern
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["check", "--no-cache", sys.argv[1]])
used = sorted(f"{name}.{key}" for name, module in list(sys.modules.items()) if name.startswith("validator")
              for key, value in vars(module).items() if isinstance(value, LazyPattern) and value._compiled is not None)
print(json.dumps({"status": status, "compiled": used}))
"""


def test_a_clean_file_compiles_no_lazy_pattern() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
    clean = ROOT / "examples" / "sageone-polling-fixed.json"
    result = subprocess.run([sys.executable, "-c", _LAZY, str(clean)], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=120, check=True)
    report = json.loads(result.stdout.splitlines()[-1])
    assert report == {"status": 0, "compiled": []}
    result = subprocess.run([sys.executable, "-c", _LAZY, str(EXAMPLE)], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=120, check=True)
    assert "validator.masking._ASCII_KEY_BACKWARDS" in json.loads(result.stdout.splitlines()[-1])["compiled"]  # (an ASCII file)


def test_what_the_public_api_returns_is_dataclasses_down_to_its_parts() -> None:
    import dataclasses

    import validator

    rendered = validator.render_url("/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                                    1704448800000)
    template = validator.parse_url_template("/hubs/crm/x?where=a>'${gmtDate:yyyy-MM-dd}' and b=1&size=2")
    facts = validator.compile_pattern("yyyy-MM-dd hh:mm").facts
    for value in (rendered, template, template.macros[0], template.params[0], template.where.conditions[0],
                  template.where.conditions[0].field, facts, facts.pitfalls[0]):
        assert dataclasses.is_dataclass(value), type(value)
    assert isinstance(dataclasses.asdict(template)["macros"][0], dict)


_WARM = """
import contextlib, io, json, sys
from validator.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["check", sys.argv[1]])
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""

# What a cache hit on a clean file never needs: the results were stored, so nothing is built or written.
# (validator.findings and datetime stay: the public Config's annotations name them, and
# typing.get_type_hints must resolve them; tests/test_api.py.)
_NOT_ON_A_CLEAN_HIT = {
    "tempfile", "random",  # only a miss writes an entry
    "shutil",  # argparse's width (see validator.arguments._Formatter); tempfile would bring it too
    "_hashlib",  # OpenSSL: the key is a built-in BLAKE2 digest
    "validator.engine", "jsonschema", "pyparsing",  # the checks themselves
}


def test_a_cache_hit_on_a_clean_file_imports_only_what_it_replays(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("CE_VALIDATOR_NO_CACHE", None)
    clean = tmp_path / "body.json"
    clean.write_bytes((ROOT / "examples" / "sageone-polling-fixed.json").read_bytes())
    runs = [subprocess.run([sys.executable, "-c", _WARM, str(clean)], capture_output=True, text=True, env=env,
                           cwd=tmp_path, timeout=120, check=True) for _ in range(2)]
    miss, hit = (json.loads(run.stdout.splitlines()[-1]) for run in runs)
    assert miss["status"] == hit["status"] == 0
    assert "validator.engine" in miss["modules"] and "tempfile" in miss["modules"]  # the first one checked
    assert not _NOT_ON_A_CLEAN_HIT & set(hit["modules"]), sorted(_NOT_ON_A_CLEAN_HIT & set(hit["modules"]))


def test_a_cache_hit_with_findings_replays_them(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("CE_VALIDATOR_NO_CACHE", None)
    body = tmp_path / "body.json"
    body.write_bytes(EXAMPLE.read_bytes())
    command = [sys.executable, "-m", "validator", "check", "--format", "json", str(body)]
    miss, hit = (subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
                 for _ in range(2))
    assert miss.returncode == hit.returncode == 1
    assert json.loads(hit.stdout) == json.loads(miss.stdout) and json.loads(hit.stdout)
    assert any(Path(tmp_path / "cache").rglob("*.json"))


def test_the_help_width_is_the_one_shutil_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from validator.arguments import _columns

    for columns in ("132", "0", "-5", "wide", ""):
        monkeypatch.setenv("COLUMNS", columns)
        assert _columns() == shutil.get_terminal_size().columns, columns
    monkeypatch.delenv("COLUMNS")
    assert _columns() == shutil.get_terminal_size().columns


def test_a_command_gets_its_own_parser_and_the_top_level_help_lists_every_command() -> None:
    import contextlib
    import io

    from validator.arguments import COMMANDS, build_parser, command_of
    from validator.cli import main

    parser = build_parser(command_of(["check", "--no-cache", "x.json"]))
    assert list(parser._subparsers._group_actions[0].choices) == ["check"]  # type: ignore[union-attr]
    for argv in (["--help"], ["--help", "check"], ["-h", "render", "x.json"]):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as ended:
            main(argv)
        assert ended.value.code == 0 and all(f"    {name} " in out.getvalue() for name in COMMANDS), argv
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--version", "check"])
    assert out.getvalue().startswith("ce-validator ")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as ended:
        main(["chek", "x.json"])
    assert ended.value.code == 2 and "choose from 'check', 'render'" in err.getvalue()


_COMPILED = """
import contextlib, io, json, re._compiler, sys
compiled = set()
original = re._compiler.compile
def counted(pattern, flags=0):
    compiled.add(pattern)
    return original(pattern, flags)
re._compiler.compile = counted
from validator.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["check", "--no-cache", sys.argv[1]])
import importlib
named = {name: getattr(importlib.import_module(name.rsplit(".", 1)[0]), name.rsplit(".", 1)[1]).pattern
         for name in sys.argv[2:]}
print(json.dumps({"status": status, "compiled": sorted(name for name, source in named.items() if source in compiled)}))
"""

# Patterns of mistakes no corpus body makes (an encoded `?where=`, `//` in a path, a backslash in a date pattern, a
# number in another base, a port in a host...): a run that meets none of them does not compile them
_RARE = ("validator.urls.template._ENCODED_QUERY", "validator.urls.template._GLUED_WHERE",
         "validator.urls.template._EMPTY_SEGMENT", "validator.urls.template._FRAGMENT_QUERY",
         "validator.rules.dates._BACKSLASH_ESCAPE", "validator.dates.zones._OFFSET",
         "validator.source.diagnose._NON_DECIMAL", "validator.rules.elements._PORT", "validator.json_text._NOT_ASCII")


def test_a_clean_file_compiles_no_pattern_of_a_rare_mistake() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
    clean = ROOT / "examples" / "sageone-polling-fixed.json"
    result = subprocess.run([sys.executable, "-c", _COMPILED, str(clean), *_RARE], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120, check=True)
    assert json.loads(result.stdout.splitlines()[-1]) == {"status": 0, "compiled": []}
