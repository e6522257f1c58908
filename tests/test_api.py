"""The library equals the command: ``validator.check(path)`` applies the configuration found for the path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import validator
from clirun import run_cli

BODY = {
    "element": {"key": "hubspot"},
    "configuration": {
        "event.notification.enabled": "true",
        "event.vendor.type": "polling",
        "event.notification.callback.url": "https://hooks.example.com/ce",
        "event.poller.refresh_interval": "0",
        "event.poller.configuration": {"contacts": {
            "url": "/hubs/crm/contacts?where=updated >= '${gmtDate:yyyy-MM-dd HH:mm:ss}'",
            "idField": "id",
            "datesConfiguration": {"updatedDateField": "updated", "updatedDateFormat": "YYYY-MM-dd HH:mm:ss",
                                   "updatedDateTimezone": "GMT"}}},
    },
}
CONFIG = """[tool.ce-validator]
ignore = ["CE2"]
select = ["CE", "CE617"]
per-file-ignores = {"legacy/*" = ["CE4"]}
severity = {"CE407" = "error"}
server-zone = "America/New_York"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    for folder in ("bodies", "legacy"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "body.json").write_text(json.dumps(BODY, indent=2))
    return tmp_path


def _cli(project: Path, name: str) -> list[tuple[str, str, int, int]]:
    result = run_cli("check", "--format", "json", name, cwd=project)
    assert result.code in (0, 1), result.err
    return [(f["rule"], f["severity"], f["line"], f["column"]) for f in json.loads(result.out)["findings"]]


@pytest.mark.parametrize("name", ["bodies/body.json", "legacy/body.json"])
def test_library_and_command_agree_in_a_folder_with_a_configuration(project, name, monkeypatch):
    monkeypatch.chdir(project)
    library = [(f.rule, f.severity, f.line, f.column) for f in validator.check(Path(name))]
    assert library == _cli(project, name)
    assert not any(rule.startswith("CE2") for rule, *_ in library)  # ignored by the configuration
    assert any(rule == "CE617" for rule, *_ in library)  # the opt-in rule the selection names
    if name.startswith("bodies"):
        assert ("CE407", "error") in {(rule, severity) for rule, severity, *_ in library}  # severity override
    else:
        assert not any(rule.startswith("CE4") for rule, *_ in library)  # per-file ignore


def test_configuration_can_be_disabled_or_named(project, monkeypatch):
    monkeypatch.chdir(project)
    plain = {f.rule for f in validator.check(Path("bodies/body.json"), config=None)}
    assert "CE617" not in plain and any(code.startswith("CE2") for code in plain)
    other = project / "ci.toml"
    other.write_text('ignore = ["CE4"]\n')
    named = {f.rule for f in validator.check(Path("bodies/body.json"), config=other)}
    assert not any(code.startswith("CE4") for code in named) and any(code.startswith("CE2") for code in named)
    assert validator.check_file("bodies/body.json") == validator.check(Path("bodies/body.json"))


def test_text_is_never_taken_for_a_path(project, monkeypatch):
    monkeypatch.chdir(project)
    with pytest.raises(ValueError, match="pass Path"):
        validator.check("bodies/body.json")
    findings = validator.check(json.dumps(BODY), path="legacy/body.json")  # the configuration of that path
    assert not any(f.rule.startswith("CE4") for f in findings)


def test_errors_and_options_are_exported():
    assert issubclass(validator.ConfigError, Exception) and issubclass(validator.SetupError, Exception)
    assert validator.Options().server_zone == "GMT"
    assert (Path(validator.__file__).parent / "py.typed").is_file()
    with pytest.raises(validator.ConfigError):
        validator.check(BODY, config=Path(__file__))  # not TOML


def test_every_export_is_listed_and_importable():
    assert sorted(validator.__all__) == sorted(["__version__", *validator._EXPORTS])
    for name in validator.__all__:
        assert getattr(validator, name) is not None


def _hinted(obj):
    """``obj`` and the public methods of a class."""
    import inspect

    yield obj
    if inspect.isclass(obj):
        for name, member in vars(obj).items():
            if not name.startswith("_") and inspect.isfunction(member):
                yield member


def test_the_public_type_hints_resolve_at_run_time():
    """pydantic, cattrs and documentation tools read annotations with ``typing.get_type_hints``: every name a
    public class, method or function is annotated with must exist at run time, not only for type checkers."""
    import inspect
    import typing

    seen, failures = set(), []
    queue = [getattr(validator, name) for name in validator.__all__]
    while queue:
        obj = queue.pop()
        if not (inspect.isclass(obj) or inspect.isfunction(obj)) or obj in seen:
            continue
        seen.add(obj)
        for target in _hinted(obj):
            try:
                hints = typing.get_type_hints(target)
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                failures.append(f"{target.__module__}.{target.__qualname__}: {type(exc).__name__}: {exc}")
                continue
            if inspect.isfunction(target) and target.__module__.startswith("validator"):
                returned = hints.get("return")  # what a public function returns is public too
                queue.extend(t for t in (returned, *typing.get_args(returned)) if inspect.isclass(t)
                             and t.__module__.startswith("validator"))
    assert not failures, "\n".join(failures)
    assert len(seen) > 20
