"""A body's check looks its rules up without loading the Markdown page reader.

``rule_for`` answers every code the registry holds, with the same rule, and a body's codes from the rules of the body
modules alone: the pages' modules (their markdown, shell and PowerShell readers) cost about as much to import as
checking six bodies, and a body reports none of their rules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from validator.rules import RULE_MODULES, UnknownRuleError, registry, rule_for

ROOT = Path(__file__).resolve().parents[1]

_MODULES = """
import contextlib, io, json, sys
from validator.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["check", "--no-cache", sys.argv[1]])
print(json.dumps({"status": status, "pages": sorted(m for m in sys.modules if m.startswith("validator.pages"))}))
"""


def test_every_code_is_found_as_the_registry_holds_it() -> None:
    from validator.rules import PAGE_RULE_MODULES

    assert set(PAGE_RULE_MODULES) <= set(RULE_MODULES)
    for code, rule in registry().items():
        assert rule_for(code) is rule
    with pytest.raises(UnknownRuleError):
        rule_for("CE999")


def test_a_body_whose_check_looks_rules_up_loads_no_page_module(tmp_path: Path) -> None:
    body = {"element": {"key": "sageone"}, "name": "sage", "configuration": {
        "oauth.api.key": "${SAGE_KEY}", "event.notification.enabled": True,
        "event.notification.callbak.url": "https://mycoolapp.com/events"}}  # CE101, found by rule_for
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body, indent=2))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CE_VALIDATOR_NO_CACHE": "1"}
    run = subprocess.run([sys.executable, "-c", _MODULES, str(path)], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=120, check=True)
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["status"] == 1 and report["pages"] == []
