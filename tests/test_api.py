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


@pytest.mark.parametrize("shown", ["provision.sh", "deploy.ps1", "docs/create-instance.md"])
def test_a_decoded_body_is_a_body_whatever_its_shown_name(shown):
    """helper-89: a dict checked with `path="provision.sh"` was read as a script (CE090, info): nothing checked."""
    body = {"element": {"key": "hubspot"}, "name": "n", "configuration": {"event.notification.enabled": "yes"}}
    assert "CE104" in {f.rule for f in validator.check(body, path=shown, config=None)}


def test_any_mapping_or_sequence_is_a_document_and_what_json_cannot_hold_is_a_value_error():
    """helper-89: the type said Mapping and Sequence, a MappingProxyType or UserList raised TypeError; a set or a dict
    nested 1,000 deep raised what json.dumps raises."""
    import collections
    import types

    body = {"element": {"key": "hubspot"}, "name": "n", "configuration": {"event.notification.enabled": "yes"}}
    for document in (types.MappingProxyType(body), collections.ChainMap(body), collections.UserDict(body),
                     collections.UserList([body]), {**body, "configuration": types.MappingProxyType(body["configuration"])}):
        assert "CE104" in {f.rule for f in validator.check(document, config=None)}, type(document)
    deep: dict = {}
    inner = deep
    for _ in range(1500):
        inner["a"] = {}
        inner = inner["a"]
    for bad in ({"a": {1, 2}}, {("a", "b"): 1}, deep):
        with pytest.raises(ValueError, match="cannot be written as JSON"):
            validator.check(bad, config=None)
    with pytest.raises(ValueError, match="a value of type object is no JSON value"):  # (not "a object")
        validator.check({"a": object()}, config=None)
    with pytest.raises(TypeError):
        validator.check(42, config=None)


def test_a_missing_overlay_folder_is_a_setup_error(tmp_path):
    """helper-89: the command exits 2 on a folder of overlays that is none; the library checked without it."""
    body = {"element": {"key": "hubspot"}, "name": "n", "configuration": {}}
    with pytest.raises(validator.SetupError, match=r"nope: not a directory \(element-schemas\)$"):
        validator.check(body, options=validator.Options(element_schemas=(str(tmp_path / "nope"),)), config=None)
    with pytest.raises(validator.SetupError, match=r"nope: not a directory \(element-docs\)$"):  # (it named both)
        validator.check(body, options=validator.Options(element_docs=(str(tmp_path / "nope"),)), config=None)
    (tmp_path / "pyproject.toml").write_text('[tool.ce-validator]\nelement-schemas = ["nope"]\n')
    (tmp_path / "b.json").write_text(json.dumps(body))
    with pytest.raises(validator.SetupError, match="not a directory"):
        validator.check(tmp_path / "b.json")


def test_options_keep_the_opt_in_rules_the_selection_turns_on(project):
    """helper-89: `options=` replaced the configuration's options, and with them the opt-in rules `select` named."""
    path = project / "bodies" / "body.json"
    spaced = json.loads(path.read_text())
    spaced["configuration"]["event.poller.configuration"]["contacts"]["idField"] = " id"
    path.write_text(json.dumps(spaced, indent=2))
    assert "CE617" in {f.rule for f in validator.check(path)}
    assert "CE617" in {f.rule for f in validator.check(path, options=validator.Options(server_zone="GMT"))}


def test_a_str_that_is_a_file_s_name_with_no_such_file_is_a_value_error(tmp_path, monkeypatch):
    """helper-96: the README's `validator.check("bodies/sageone.json")`, its file absent, returned one CE090 info:
    a CI script that looks for errors passed.  A bare name is no JSON text; JSON text still is."""
    import validator

    monkeypatch.chdir(tmp_path)
    for name in ("bodies/sageone.json", " bodies/x.json", "bodies/x.json\n", "C:\\Program Files\\x.json",
                 "x (1).json", "./x.jsonl"):
        with pytest.raises(ValueError, match="check_file"):
            validator.check(name)
    assert [f.rule for f in validator.check('"bodies/sageone.json"')] == ["CE090"]  # a JSON string


def test_a_one_line_text_given_with_its_path_is_that_file_s_content():
    """A page's text that ends as a file's name does (`Read more in notes.md`) is content when `path` names it."""
    import validator

    assert [f.rule for f in validator.check("Read more in notes.md", path="README.md")] == ["CE090"]


def test_an_edited_overlay_is_read_again_in_the_same_process(tmp_path):
    """A long-lived caller (the language server) kept the first overlay it read: an edit was never seen."""
    import os

    overlay = tmp_path / "hubspot.schema.json"
    body = {"element": {"key": "hubspot"}, "name": "n", "configuration": {}}
    options = validator.Options(element_schemas=(str(tmp_path),))

    def missing() -> list[str]:
        return [f.message for f in validator.check(body, options=options, config=None) if f.rule == "CE105"]

    overlay.write_text('{"properties": {"configuration": {"required": ["first.key"]}}}')
    assert any("`first.key`" in m for m in missing())
    overlay.write_text('{"properties": {"configuration": {"required": ["second.key", "third.key"]}}}')
    os.utime(overlay, ns=(10**18, 10**18))  # (a new stamp even on a file system with a coarse clock)
    assert any("`second.key`" in m for m in missing()) and not any("first.key" in m for m in missing())


def test_an_unknown_kind_is_refused_whatever_the_document_holds(tmp_path):
    """helper-167: the kind was judged only when a body was read, so `check_page(page, kind="bogus")` on a page
    with no body, and `check(path, kind="bogus")` on a file the configuration excludes, returned quietly."""
    (tmp_path / ".ce-validator.toml").write_text('exclude = ["old/"]\n')
    (tmp_path / "old").mkdir()
    excluded = tmp_path / "old" / "x.json"
    excluded.write_text('{"element": {"key": "sageone"}}')
    with pytest.raises(ValueError, match="unknown kind 'bogus'"):
        validator.check_page("# Notes\n\nNo body here.\n", kind="bogus")
    with pytest.raises(ValueError, match="unknown kind 'bogus'"):
        validator.check(excluded, kind="bogus")  # type: ignore[arg-type]
    assert validator.check(excluded, kind="instance") == []  # (excluded: no finding, as the command says)
    assert [f.rule for f in validator.check_page("# Notes\n", kind="poller").findings] == ["CE090"]


def test_options_and_config_take_keywords_only():
    """helper-167: `Options("America/New_York")` was taken as the server zone by position; a field added or moved in
    a later version would silently give a caller's value to another option."""
    with pytest.raises(TypeError):
        validator.Options("America/New_York")  # type: ignore[misc]
    with pytest.raises(TypeError):
        validator.Config(None)  # type: ignore[misc]
    assert validator.Options(server_zone="America/New_York").server_zone == "America/New_York"


_UNCLOSED_QUOTE = '{"element": {"key": "sageone"}, "configuration": {"event.poller.configuration": {"c": {"url": ' \
    '"/hubs/finance/customers?where=updated_at>=\'${date:yyyy-MM-dd}"}}}}'


@pytest.mark.parametrize(("keywords", "error", "message"), [
    ({"ignore": "CE999"}, TypeError, r"Config\.ignore must be a list or tuple of rule codes, not 'CE999'"),
    ({"select": ["E501"]}, ValueError, r"Config\.select: 'E501' is not a rule code or prefix"),
    ({"severity": {"CE620": "fatal"}}, ValueError, r"Config\.severity\['CE620'\] must be one of error, warning, info"),
    ({"min_severity": "fatal"}, ValueError, r"Config\.min_severity must be one of error, warning, info"),
    ({"exclude": [5]}, TypeError, r"Config\.exclude must be a list or tuple of globs"),
    ({"exclude": ["[z-a]"]}, ValueError, r"Config\.exclude: .*matches no character"),
    ({"per_file_ignores": {"*.json": "CE6"}}, TypeError, r"Config\.per_file_ignores must be a list or tuple of rule codes"),
    ({"root": 5}, TypeError, r"Config\.root must be a path or None, not int"),
    ({"strict": "no"}, TypeError, r"Config\.strict"),
    # (h217: both were taken, and every check with them returned no finding, where `--select` refuses them)
    ({"select": ["CE999"]}, ValueError, r"Config\.select: no rule has the code 'CE999'"),
    ({"select": []}, ValueError, r"Config\.select is empty, so no rule would run"),
])
def test_a_config_made_in_code_refuses_what_it_cannot_use(keywords: dict[str, object], error: type[Exception],
                                                          message: str) -> None:
    """helper-196: Config took any value, and a check with it hid every finding (`ignore="CE999"` read as the
    prefixes C, E, 9, ...) or failed far away (a KeyError 'fatal' from apply, pathlib's and glob's own errors)."""
    with pytest.raises(error, match=message):
        validator.Config(**keywords)  # type: ignore[arg-type]


def test_a_config_made_in_code_keeps_lists_as_the_tuples_it_holds() -> None:
    config = validator.Config(ignore=["CE6"], select=["CE"], per_file_ignores={"old/*": ["CE620"]},
                              element_docs=[Path("docs")], root="here")
    assert (config.ignore, config.select, config.per_file_ignores) == (("CE6",), ("CE",), (("old/*", ("CE620",)),))
    assert (config.element_docs, config.root) == (("docs",), Path("here"))
    assert "CE620" in [f.rule for f in validator.check(_UNCLOSED_QUOTE, config=validator.Config(ignore=["CE999"]))]


def test_a_path_of_another_type_is_said_in_the_library_s_words():
    """helper-167: `check_file(5)`, `check_file(b"x.json")` and `check(text, path=5)` raised pathlib's and os's own
    messages ("expected str, bytes or os.PathLike object, not int"), where every other argument says what it takes."""
    for bad in (5, b"bodies/x.json", None):
        with pytest.raises(TypeError, match=r"check_file\(\) takes a file's path \(a str or a Path\), not "):
            validator.check_file(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"check\(\)'s path must be a str, a path or None, not int"):
        validator.check("{}", path=5)  # type: ignore[arg-type]


def test_an_unknown_server_zone_is_warned_about_in_the_library():
    """A library caller's `Options(server_zone="America/New_Yrok")` passed without a word (the command warns), and
    every date was written in GMT, as Java falls back to it."""
    import warnings

    body = {"element": {"key": "sageone"}, "configuration": {}}
    with pytest.warns(validator.UnknownZoneWarning, match="America/New_Yrok.*GMT.*America/New_York"):
        validator.check(body, options=validator.Options(server_zone="America/New_Yrok"), config=None)
    with pytest.warns(validator.UnknownZoneWarning):
        validator.check_page("# x\n", options=validator.Options(server_zone="Bogus/Zone"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for zone in ("GMT", "America/New_York", "GMT+05:30", "EST"):
            validator.check(body, options=validator.Options(server_zone=zone), config=None)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_a_utf_16_page_without_a_name_is_read_as_a_page(encoding: str) -> None:
    """helper-196: a README or standard input saved as UTF-16 (Windows PowerShell's `>` writes it) was taken for
    JSON, since the page's signs were looked for in its bytes read as UTF-8: `CE003 a # comment` at 1:1, and the
    body in its block unchecked. Named `.md`, it was read as the page it is."""
    from validator.inputs import reads_as_page

    page = "# Setup\n\n```json\n" + _UNCLOSED_QUOTE + "\n```\n"
    assert reads_as_page(None, page.encode(encoding)) and reads_as_page("README", page.encode(encoding))
    named = [(f.rule, f.line, f.column) for f in validator.check(page.encode(encoding), path="x.md", config=None)]
    assert ("CE620", 4, 138) in named
    assert [(f.rule, f.line, f.column) for f in validator.check(page.encode(encoding), config=None)] == named
    assert not reads_as_page(None, _UNCLOSED_QUOTE.encode(encoding))


def test_a_config_keeps_its_own_copy_of_the_severities_it_was_given():
    """helper-210: Config kept the caller's severity dict itself, checked once: a level the caller set in that dict
    afterwards (`levels["CE206"] = "fatal"`) reached `apply` unchecked, a KeyError 'fatal' from the next check."""
    levels = {"CE620": "info"}
    config = validator.Config(severity=levels)
    levels["CE620"] = "fatal"
    assert [f.severity for f in validator.check(_UNCLOSED_QUOTE, config=config) if f.rule == "CE620"] == ["info"]


def test_a_config_is_hashable_as_a_frozen_value():
    """helper-210: `hash(validator.Config())` raised TypeError (unhashable type: 'dict'): the frozen dataclass hashed
    its severity tables as they are, so a Config could not key a cache (functools.lru_cache) or sit in a set."""
    levels = {"CE620": "info", "CE6": "warning"}
    config = validator.Config(severity=levels, select=["CE6"])
    assert hash(config) == hash(validator.Config(severity=dict(reversed(levels.items())), select=["CE6"]))
    assert {config, validator.Config()} == {validator.Config(severity=levels, select=["CE6"]), validator.Config()}


def test_bodies_no_configuration_governs_share_one_configuration_and_its_options(tmp_path, monkeypatch):
    """A script checking one dict after another built the default configuration and its options anew for each
    (about 150 us of a corpus body's 2 ms); a configuration file written later is still read."""
    from validator import config as config_module

    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    made = []
    real = config_module.Config.options

    def counted(self, **keywords):
        made.append(self)
        return real(self, **keywords)

    monkeypatch.setattr(config_module.Config, "options", counted)
    first = {f.rule for f in validator.check(BODY)}
    assert {f.rule for f in validator.check(BODY)} == first and "CE617" not in first
    assert len(made) <= 1  # (none when an earlier test made the shared defaults' options)
    resolver = config_module.ConfigResolver
    assert resolver().for_path(None) is resolver().for_path(None) == config_module.Config()
    (tmp_path / "a" / "pyproject.toml").write_text(CONFIG)
    assert "CE617" in {f.rule for f in validator.check(BODY)}


def test_a_decoded_document_s_findings_are_placed_in_its_json_text_as_documented() -> None:
    """h217: the library's docs now say where a dict's lines, columns and edits point (they said nothing, and the
    caller never sees the text): `json.dumps(document, indent=2, ensure_ascii=False)`."""
    import json

    body = {"name": "Müller", "event.poller.configuration": {"a": {"url": "/hubs/x/y?where=a='b", "idField": "id"}}}
    text = json.dumps(body, indent=2, ensure_ascii=False)
    (finding,) = [f for f in validator.check(body) if f.rule == "CE620"]
    lines = text.split("\n")
    assert lines[finding.line - 1][finding.column - 1:finding.end_column - 1] == "'"
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    assert json.loads(text[:edit.start] + edit.replacement + text[edit.end:])["event.poller.configuration"]["a"][
        "url"] == "/hubs/x/y?where=a='b'"
