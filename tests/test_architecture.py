"""docs/ARCHITECTURE.md against the code: the layers' imports, the exit codes, the source package's modules."""

from __future__ import annotations

import ast
import re

from clirun import ROOT

DOC = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")

# "commands → check_runner / api → engine → rules → schemas / urls / dates → masking → source / kinds →
# vocabulary, findings", highest first; rules/base.py sits beside findings
LAYERS = {"commands": 7, "check_runner": 6, "api": 6, "engine": 5, "rules": 4, "schemas": 3, "urls": 3, "dates": 3,
          "masking": 2, "source": 1, "kinds": 1, "vocabulary": 0, "findings": 0, "rules.base": 0}


def _layer(module: str) -> int | None:
    parts = module.split(".")[1:]
    if parts[:2] == ["rules", "base"]:
        return LAYERS["rules.base"]
    return LAYERS.get(parts[0]) if parts else None


def _module_level_imports(path):
    """The package modules a file imports when it is loaded (not for type checkers, not inside a function)."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    module = module.removesuffix(".__init__")
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[:len(package.split(".")) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            names = [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
            for name in names:
                yield module, name, node.lineno


def test_the_layers_import_downwards_only():
    assert "→ masking → source / kinds →" in DOC
    upward = []
    for path in sorted((ROOT / "validator").rglob("*.py")):
        for module, target, line in _module_level_imports(path):
            mine, theirs = _layer(module), _layer(target)
            if mine is not None and theirs is not None and theirs > mine:
                upward.append(f"{module}:{line} imports {target}")
    assert upward == []


def test_every_exit_code_is_in_the_architecture():
    from validator import exit_codes

    row = next(line for line in DOC.splitlines() if line.startswith("| `validator/exit_codes.py`"))
    for name in dir(exit_codes):
        if name.startswith("EXIT_"):
            assert re.search(rf"\b{getattr(exit_codes, name)} \(", row), name


def test_every_module_of_the_source_package_is_named():
    row = next(line for line in DOC.splitlines() if line.startswith("| `validator/source/`"))
    for path in (ROOT / "validator" / "source").glob("*.py"):
        if path.name != "__init__.py":
            assert f"`{path.name}`" in row, path.name
