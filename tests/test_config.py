"""Configuration: discovery, precedence, validation errors, and every option."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from validator.config import (Config, ConfigError, ConfigResolver, PointerIgnore, config_schema, find_config_file,
                              glob_match, glob_problem, load_config, validate_table)
from validator.findings import Finding

ROOT = Path(__file__).resolve().parents[1]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def f(rule: str, pointer: str = "", severity: str = "error") -> Finding:
    return Finding(rule, severity, "m", "x.json", pointer, 1, 1, 1, 2)  # type: ignore[arg-type]


def kept(config: Config, *codes: str, path: str | os.PathLike = "x.json", pointer: str = "") -> list[str]:
    return [x.rule for x in config.apply([f(c, pointer) for c in codes], path=path)]


def config_from(tmp_path: Path, body: str, *, name: str = ".ce-validator.toml") -> Config:
    write(tmp_path / name, body)
    return load_config(start=tmp_path)


# -- discovery and precedence ------------------------------------------------------------------------------------
def test_no_file_gives_defaults(tmp_path):
    config = load_config(start=tmp_path)
    assert config == Config()
    assert kept(config, "CE601", "CE102") == ["CE601", "CE102"]


def test_nearest_file_wins(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.ce-validator]\nignore = ["CE6"]\n')
    write(tmp_path / "sub" / ".ce-validator.toml", 'ignore = ["CE1"]\n')
    (tmp_path / "sub" / "deeper").mkdir()
    (tmp_path / "other").mkdir()
    assert find_config_file(tmp_path / "sub" / "deeper" / "a.json") == tmp_path / "sub" / ".ce-validator.toml"
    assert find_config_file(tmp_path / "other") == tmp_path / "pyproject.toml"
    assert load_config(start=tmp_path / "sub" / "deeper").ignore == ("CE1",)
    assert load_config(start=tmp_path / "other").ignore == ("CE6",)


def _settle(*paths: Path) -> None:
    """Date ``paths`` an hour back, as files and folders nobody has touched for a while."""
    past = (datetime.now(timezone.utc) - timedelta(hours=1)).timestamp()
    for path in paths:
        os.utime(path, (past, past))


def test_the_nearest_file_is_remembered_until_a_folder_or_pyproject_on_the_way_changes(tmp_path, monkeypatch):
    import validator.config as config_module

    monkeypatch.setattr(config_module, "_NEAREST", {})
    monkeypatch.setattr(config_module, "_SETTLED_NS", 0)  # tmp_path's own parents were made moments ago
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    project = write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "a"\n')
    _settle(project, deep, deep.parent, tmp_path)
    assert find_config_file(deep) is None
    assert str(deep) in config_module._NEAREST  # remembered: the next call only compares time stamps
    assert find_config_file(deep) is None

    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "a"\n[tool.ce-validator]\nstrict = true\n')
    _settle(project)  # same times as before: its size and change time still tell
    assert find_config_file(deep) == project

    dot = write(tmp_path / ".ce-validator.toml", "strict = false\n")  # above the nearest: no change
    assert find_config_file(deep) == project
    nearer = write(deep / ".ce-validator.toml", "strict = false\n")  # a file created in a folder on the way
    assert find_config_file(deep / "body.json") == nearer
    nearer.unlink()
    project.unlink()
    assert find_config_file(deep) == dot
    assert ConfigResolver().for_path(deep / "body.json").strict is False


def test_a_linked_configuration_file_whose_target_goes_is_not_remembered(tmp_path, monkeypatch):
    """A review: the folder was stamped, not the file, so a link left dangling was still the answer."""
    import validator.config as config_module

    monkeypatch.setattr(config_module, "_NEAREST", {})
    monkeypatch.setattr(config_module, "_SETTLED_NS", 0)
    target = write(tmp_path / "shared" / "x.toml", "strict = true\n")
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    (tmp_path / "a" / ".ce-validator.toml").symlink_to(target)
    project = write(tmp_path / "pyproject.toml", "[tool.ce-validator]\nstrict = false\n")
    _settle(project, folder, folder.parent, tmp_path)
    assert find_config_file(folder) == tmp_path / "a" / ".ce-validator.toml"
    target.unlink()  # (left dangling, it is still the configuration meant: said, not passed over for the pyproject's)
    with pytest.raises(ConfigError, match="a link to a file that does not exist"):
        load_config(start=folder)
    (tmp_path / "a" / ".ce-validator.toml").unlink()
    assert find_config_file(folder) == project


@pytest.mark.parametrize("kind", ["folder", "fifo", "loop"])
def test_a_dot_file_that_is_no_file_is_said_not_passed_over(tmp_path, kind):
    """helper-162: a `.ce-validator.toml` that is a folder, a FIFO or a link loop was skipped without a word, and the
    run went on with another configuration (or none): what the user wrote for ce-validator is said, exit 2."""
    dot = tmp_path / ".ce-validator.toml"
    write(tmp_path / "pyproject.toml", "[tool.ce-validator]\nstrict = true\n")
    if kind == "folder":
        dot.mkdir()
    elif kind == "fifo":
        os.mkfifo(dot)
    else:
        dot.symlink_to(dot)
    with pytest.raises(ConfigError, match="not a regular file|Too many levels of symbolic links"):
        load_config(start=tmp_path)


def test_an_answer_that_depends_on_a_folder_changed_just_now_is_not_remembered(tmp_path, monkeypatch):
    import validator.config as config_module

    monkeypatch.setattr(config_module, "_NEAREST", {})
    assert find_config_file(tmp_path) is None
    assert config_module._NEAREST == {}  # a file made in the same clock tick would leave tmp_path's time unchanged
    made = write(tmp_path / ".ce-validator.toml", "strict = true\n")
    assert find_config_file(tmp_path) == made


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.ce-validator]\nstrict = true\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "pkg"\n[tool.ruff]\nline-length = 100\n')
    assert find_config_file(tmp_path / "pkg") == tmp_path / "pyproject.toml"
    assert load_config(start=tmp_path / "pkg").strict is True


def test_a_broken_unrelated_pyproject_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", "[project\nname = broken")
    assert load_config(start=tmp_path) == Config()


def test_a_dot_file_holding_the_pyproject_table_is_read_from_it(tmp_path):
    """docs/usage.md: a `.ce-validator.toml` copied from pyproject.toml, its `[tool.ce-validator]` header kept."""
    assert config_from(tmp_path, '[tool.ce-validator]\nignore = ["CE010"]\n').ignore == ("CE010",)


def test_dot_file_comes_before_pyproject_in_one_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.ce-validator]\nstrict = false\n')
    write(tmp_path / ".ce-validator.toml", "strict = true\n")
    assert load_config(start=tmp_path).strict is True


def test_explicit_file_overrides_discovery(tmp_path):
    write(tmp_path / ".ce-validator.toml", "strict = true\n")
    other = write(tmp_path / "elsewhere" / "ci.toml", 'server-zone = "UTC"\n')
    config = load_config(start=tmp_path, explicit=other)
    assert config.strict is False and config.server_zone == "UTC" and config.path == other
    py = write(tmp_path / "elsewhere" / "pyproject.toml", '[tool.ce-validator]\nserver-zone = "EST"\n')
    assert load_config(start=tmp_path, explicit=py).server_zone == "EST"


def test_explicit_file_problems(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(start=tmp_path, explicit=tmp_path / "missing.toml")
    py = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.ce-validator\] table"):
        load_config(start=tmp_path, explicit=py)


def test_resolver_gives_each_file_its_nearest_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".ce-validator.toml", 'ignore = ["CE6"]\n')
    write(tmp_path / "team" / ".ce-validator.toml", 'ignore = ["CE1"]\nstrict = true\n')
    resolver = ConfigResolver(cli={"strict": False})
    top = resolver.for_path("a.json")
    team = resolver.for_path(tmp_path / "team" / "b.json")
    assert top.ignore == ("CE6",) and team.ignore == ("CE1",) and team.strict is False
    assert resolver.for_path("team/c.json") is team
    assert resolver.for_path(None) is top
    explicit = ConfigResolver(explicit=tmp_path / ".ce-validator.toml")
    assert explicit.for_path(tmp_path / "team" / "b.json").ignore == ("CE6",)


# -- validation errors -------------------------------------------------------------------------------------------
def test_invalid_toml_is_a_config_error(tmp_path):
    path = write(tmp_path / ".ce-validator.toml", 'select = ["CE6"]\nstrict = tru\n')
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert raised.value.file == str(path)
    assert str(raised.value) == f"{path}:2: invalid TOML: Invalid value (column 10)"


def test_a_toml_time_where_a_string_belongs_is_a_config_error(tmp_path):
    """Only `at` takes a TOML date or time; elsewhere one is refused as TOML wrote it, never a traceback."""
    path = write(tmp_path / ".ce-validator.toml", 'exclude = [2024-01-01]\nseverity = {CE7 = 2024-01-01T10:00:00Z}\n'
                                                  'per-file-ignores = {"x" = [07:00:00]}\n')
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert str(raised.value).splitlines() == [
        f"{path}:1: exclude[0]: must be a string, got 2024-01-01",
        f"{path}:2: severity.CE7: must be one of error, warning, info, got 2024-01-01T10:00:00Z",
        f"{path}:3: per-file-ignores.x[0]: must be a string, got 07:00:00",
    ]
    write(tmp_path / ".ce-validator.toml", "at = 2024-01-01T10:00:00Z\n")
    assert load_config(start=tmp_path).at == datetime(2024, 1, 1, 10, tzinfo=timezone.utc)


def test_a_byte_order_mark_is_not_part_of_the_toml(tmp_path):
    (tmp_path / ".ce-validator.toml").write_bytes(b"\xef\xbb\xbfselect = [\"CE6\"]\r\nstrict = true\r\n")
    config = load_config(start=tmp_path)
    assert config.select == ("CE6",) and config.strict
    (tmp_path / ".ce-validator.toml").unlink()
    (tmp_path / "pyproject.toml").write_bytes(b"\xef\xbb\xbf[tool.ce-validator]\nstrict = true\n")
    assert load_config(start=tmp_path).strict


def test_errors_name_file_line_key_and_problem(tmp_path):
    path = write(tmp_path / "pyproject.toml", """[project]
name = "x"

[tool.ce-validator]
select = ["CE6", "XX1"]
ignore = ["bad#pointer"]
strict = "yes"
severty = {CE301 = "warning"}

[tool.ce-validator.severity]
CE301 = "warn"
CEX = "error"
""")
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    text = str(raised.value).splitlines()
    assert text == [
        f'{path}:5: tool.ce-validator.select[1]: "XX1" is not a rule code or prefix such as CE6 or CE601',
        f'{path}:6: tool.ce-validator.ignore[0]: "bad#pointer" is not a rule code or prefix (CE601, CE6), nor a '
        'pointer ignore such as "path/file.json#/configuration/event.poller.configuration/customers/url:CE601"',
        f'{path}:7: tool.ce-validator.strict: must be true or false, got "yes"',
        f"{path}:8: tool.ce-validator.severty: unknown option (did you mean 'severity'?)",
        f'{path}:11: tool.ce-validator.severity.CE301: must be one of error, warning, info, got "warn"',
        f'{path}:12: tool.ce-validator.severity.CEX: "CEX" is not a rule code or prefix such as CE6 or CE601',
    ]  # (CEX at its own line: it pointed at the table's header, line 10)
    assert raised.value.key == "tool.ce-validator.select[1]"
    assert len(raised.value.problems) == 6


def test_error_messages_for_each_kind_of_mistake():
    assert validate_table({"exclude": "tests/"}) == [("exclude", 'must be a list, got "tests/"')]
    assert validate_table({"format": "xml"}) == [
        ("format", 'must be one of text, concise, json, github, sarif, junit, gitlab, got "xml"')]
    assert validate_table({"server-zone": ""}) == [("server-zone", "must not be empty")]
    assert validate_table({"per-file-ignores": {"tests/*.json": "CE6"}}) == [
        ('per-file-ignores."tests/*.json"', 'must be a list, got "CE6"')]
    assert validate_table({"colour": True}) == [("colour", "unknown option; known options: " + ", ".join(
        config_schema()["properties"]))]
    assert validate_table({"at": 5}) == [("at", "must be a string, got 5")]


def test_a_table_where_a_value_goes_is_named_not_printed(tmp_path: Path) -> None:
    # (it printed the table's repr: `got {'password': 'Kq9vT3xZpw1'}`, a secret pasted into the wrong place shown)
    (tmp_path / ".ce-validator.toml").write_text('server-zone = {password = "Kq9vT3xZpw1"}\n'
                                                  'select = ["CE1", {token = "Kq9vT3xZtk2"}]\n'
                                                  '[per-file-ignores]\n"a.json" = {secret = "Kq9vT3xZpf3"}\n')
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path, explicit=tmp_path / ".ce-validator.toml")
    shown = str(raised.value)
    assert "Kq9vT3xZ" not in shown
    assert "server-zone: must be a string, got a table" in shown
    assert "select[1]: must be a string, got a table" in shown
    assert 'per-file-ignores."a.json": must be a list, got a table' in shown


def test_a_token_given_as_a_setting_is_masked_in_its_error(tmp_path: Path) -> None:
    """helper-162: `format = "Bearer <token>"` (a header pasted into the wrong line) was quoted whole in the error;
    a URL's credentials were already masked, a token known by its shape is too."""
    (tmp_path / ".ce-validator.toml").write_text('format = "Bearer Kq9vT3xZa81LmQ7wXy"\n'
                                                  'server-zone = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path, explicit=tmp_path / ".ce-validator.toml")
    shown = str(raised.value)
    assert "Kq9vT3xZ" not in shown and "4eC39HqL" not in shown
    assert 'format: must be one of text, concise, json, github, sarif, junit, gitlab, got "Bearer ****' in shown


def test_bad_date_time(tmp_path):
    with pytest.raises(ConfigError, match=r"\.ce-validator\.toml:1: at: cannot read 'yesterday' as a time"):
        config_from(tmp_path, 'at = "yesterday"\n')


def test_a_token_given_as_the_server_zone_is_masked_in_the_warning(tmp_path, capsys):
    """A header pasted as `--server-zone` (or `server-zone = ...`): the warning that Java does not know the zone quoted
    it whole (helper-162's `format = "Bearer ..."`, the same slip in another setting)."""
    from validator.cli import main

    body = write(tmp_path / "a.json", '{"name": "x"}\n')
    assert main(["check", "--no-cache", "--server-zone", "Bearer Kq9vT3xZa81LmQ7wXy", str(body)]) == 0
    err = capsys.readouterr().err
    assert "Java does not know the zone 'Bearer ****" in err and "Kq9vT3xZ" not in err


def test_an_unknown_server_zone_is_said_where_it_is_written(tmp_path, capsys, monkeypatch):
    """helper-167: `warning: server zone: Java does not know the zone 'Bogus/Zone'` named no file, so in a repository
    of several configuration files (a pre-commit run over all of them) nobody could tell which one to mend; and a
    second file with the same zone was not said at all."""
    from validator.cli import main

    for folder in ("a", "b"):
        write(tmp_path / folder / "pyproject.toml", '[tool.ce-validator]\nstrict = false\nserver-zone = "Bogus/Zone"\n')
        write(tmp_path / folder / "x.json", '{"name": "x"}\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "a/x.json", "b/x.json"]) == 0
    err = capsys.readouterr().err
    for folder in ("a", "b"):
        assert (f"ce-validator: warning: {folder}/pyproject.toml:3: server-zone: Java does not know the zone "
                "'Bogus/Zone'") in err, err
    assert main(["check", "--no-cache", "--server-zone", "Bogus/Zone", "a/x.json", "b/x.json"]) == 0
    assert capsys.readouterr().err.count("command line: --server-zone: Java does not know") == 1


def test_standard_input_named_by_stdin_filename_takes_that_file_s_configuration(tmp_path):
    """helper-167: `--stdin-filename pollers/p.json -` (an editor piping its buffer) took the current folder's
    configuration and no `exclude`: `pollers/.ce-validator.toml`'s `ignore` did not apply, so the buffer failed where
    the file passed (and `validator.check(text, path=...)` passed it too); an excluded name was checked."""
    from clirun import run_cli

    import validator

    poller = ('{"c": {"url": "/hubs/crm/c?where=u>\'${gmtDate:yyyy-MM-dd\'T\'hh:mm:ss}\'", "idField": "id"}}\n')
    write(tmp_path / "pollers" / ".ce-validator.toml", 'ignore = ["CE4"]\n')
    write(tmp_path / ".ce-validator.toml", 'exclude = ["fixtures/"]\n')
    file = write(tmp_path / "pollers" / "p.json", poller)
    named = run_cli("check", "--no-cache", "--format", "concise", "--stdin-filename", "pollers/p.json", "-",
                    stdin=poller.encode(), cwd=tmp_path)
    assert "CE4" not in named.out, named
    assert named.out == run_cli("check", "--no-cache", "--format", "concise", "pollers/p.json", cwd=tmp_path).out
    assert not [f for f in validator.check(file) if f.rule == "CE406"]
    excluded = run_cli("check", "--no-cache", "--format", "concise", "--stdin-filename", "fixtures/p.json", "-",
                       stdin=poller.encode(), cwd=tmp_path)
    assert "CE4" not in excluded.out and "left out by the configuration" in excluded.err
    unnamed = run_cli("check", "--no-cache", "--format", "concise", "-", stdin=poller.encode(), cwd=tmp_path)
    assert "<stdin>:1:" in unnamed.out and "CE406" in unnamed.out  # (the current folder's settings)


def test_a_rule_s_name_on_the_command_line_is_answered_with_its_code(tmp_path, capsys):
    """helper-167: `--ignore ceql-unbalanced-quote` (a name, as `explain` and a page's directive take it) was refused
    as `'CEQL-UNBALANCED-QUOTE' is not a rule code`, without the code it names."""
    from validator.cli import main

    body = write(tmp_path / "a.json", '{"name": "x"}\n')
    assert main(["check", "--no-cache", "--ignore", "ceql-unbalanced-quote", str(body)]) == 2
    assert "(`ceql-unbalanced-quote` is the name of CE620: give its code)" in capsys.readouterr().err


def test_config_error_exits_2_from_the_command_line(tmp_path, capsys):
    from validator.cli import main

    write(tmp_path / ".ce-validator.toml", 'selct = ["CE6"]\n')
    body = write(tmp_path / "a.json", '{"name": "x"}\n')
    assert main(["check", "--no-cache", str(body)]) == 2
    err = capsys.readouterr().err
    assert ".ce-validator.toml:1: selct: unknown option (did you mean 'select'?)" in err


def test_a_config_error_names_the_file_as_the_current_folder_reaches_it(tmp_path, monkeypatch, capsys):
    """Relative below the current folder (a CI log and an editor link it), absolute outside it."""
    from validator.cli import main

    write(tmp_path / "pyproject.toml", '[tool.ce-validator]\nselect = ["XX1"]\n')
    body = write(tmp_path / "sub" / "a.json", '{"name": "x"}\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "sub/a.json"]) == 2
    assert capsys.readouterr().err.startswith("ce-validator: configuration error: pyproject.toml:2: ")
    monkeypatch.chdir(body.parent)
    assert main(["check", "--no-cache", "a.json"]) == 2
    assert f"configuration error: {tmp_path / 'pyproject.toml'}:2: " in capsys.readouterr().err


def test_a_code_in_lower_case_is_told_to_be_written_in_capitals():
    """The command line takes `--ignore ce620`; the file does not, and says how to write it."""
    assert validate_table({"ignore": ["ce620", "x.json#/a:ce6", "CE7O1"]}) == [
        ("ignore[0]", '"ce620" is not a rule code or prefix (CE601, CE6), nor a pointer ignore such as '
         '"path/file.json#/configuration/event.poller.configuration/customers/url:CE601": rule codes are written '
         'in capitals, "CE620"'),
        ("ignore[1]", '"x.json#/a:ce6" is not a rule code or prefix (CE601, CE6), nor a pointer ignore such as '
         '"path/file.json#/configuration/event.poller.configuration/customers/url:CE601": rule codes are written '
         'in capitals, "x.json#/a:CE6"'),
        ("ignore[2]", '"CE7O1" is not a rule code or prefix (CE601, CE6), nor a pointer ignore such as '
         '"path/file.json#/configuration/event.poller.configuration/customers/url:CE601"')]
    assert validate_table({"severity": {"ce301": "warning"}}) == [
        ("severity.ce301", '"ce301" is not a rule code or prefix such as CE6 or CE601: rule codes are written in capitals, '
         '"CE301"')]


def test_a_rule_s_name_in_the_file_is_answered_with_its_code():
    """helper-170: `--ignore ceql-unbalanced-quote` named the code meant, the same name in a file's `ignore` did not."""
    assert validate_table({"ignore": ["ceql-unbalanced-quote"], "select": ["CEQL-Unbalanced-Quote"]}) == [
        ("ignore[0]", '"ceql-unbalanced-quote" is not a rule code or prefix (CE601, CE6), nor a pointer ignore such as '
         '"path/file.json#/configuration/event.poller.configuration/customers/url:CE601"'
         " (`ceql-unbalanced-quote` is the name of CE620: give its code)"),
        ("select[0]", '"CEQL-Unbalanced-Quote" is not a rule code or prefix such as CE6 or CE601'
         " (`ceql-unbalanced-quote` is the name of CE620: give its code)")]


def test_a_glob_with_a_dot_is_placed_at_its_own_line(tmp_path):
    """`per-file-ignores."*.json"` was cut at its dot and pointed at the table's header instead."""
    path = write(tmp_path / "pyproject.toml", '[tool.ce-validator.per-file-ignores]\n"a.json" = ["CE1"]\n'
                                              '"*.json" = "CE6"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert str(raised.value) == f'{path}:3: tool.ce-validator.per-file-ignores."*.json": must be a list, got "CE6"'


def test_a_stale_ignore_names_the_file_as_a_config_error_does(tmp_path, monkeypatch, capsys):
    """Relative below the current folder, as docs/usage.md shows it (it was always absolute)."""
    from validator.cli import main

    write(tmp_path / "pyproject.toml", '[tool.ce-validator]\nselect = ["CE"]\nignore = ["CE999"]\n\n'
                                      '[tool.ce-validator.per-file-ignores]\n"legacy.json" = ["CE998"]\n')
    write(tmp_path / "a.json", '{"name": "x"}\n')
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "a.json"])
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning:" in line]
    assert warnings == ["ce-validator: warning: pyproject.toml:3: ignore: no rule has the code 'CE999'",
                        "ce-validator: warning: pyproject.toml:6: per-file-ignores.\"legacy.json\": no rule has the "
                        "code 'CE998'"]


# -- each option -------------------------------------------------------------------------------------------------
def test_select_and_ignore_by_code_and_prefix(tmp_path):
    config = config_from(tmp_path, 'select = ["CE6", "CE102"]\nignore = ["CE61"]\n')
    assert kept(config, "CE601", "CE611", "CE102", "CE103", "CE301") == ["CE601", "CE102"]


def test_more_specific_wins():
    config = Config(select=("CE601",), ignore=("CE6",))
    assert kept(config, "CE601", "CE602") == ["CE601"]
    assert kept(Config(select=("CE6",), ignore=("CE6",)), "CE601") == []  # a tie: ignore wins


def test_per_file_ignores(tmp_path):
    config = config_from(tmp_path, '[per-file-ignores]\n"tests/**/*.json" = ["CE6"]\n'
                                   '"legacy-*.json" = ["CE8", "CE102"]\n')
    assert kept(config, "CE601", "CE102", path=tmp_path / "tests" / "a" / "b" / "x.json") == ["CE102"]
    assert kept(config, "CE601", "CE102", path=tmp_path / "tests" / "x.json") == ["CE102"]
    assert kept(config, "CE801", "CE102", "CE601", path=tmp_path / "deep" / "legacy-1.json") == ["CE601"]
    assert kept(config, "CE601", path=tmp_path / "src" / "x.json") == ["CE601"]


def test_relative_paths_are_taken_from_the_current_folder(tmp_path, monkeypatch):
    config = config_from(tmp_path, '[per-file-ignores]\n"bodies/*.json" = ["CE6"]\n')
    monkeypatch.chdir(tmp_path)
    assert kept(config, "CE601", path="bodies/x.json") == []
    assert kept(config, "CE601", path="./bodies/x.json") == []
    monkeypatch.chdir(tmp_path / "..")
    assert kept(config, "CE601", path=f"{tmp_path.name}/bodies/x.json") == []


def test_severity_overrides(tmp_path):
    config = config_from(tmp_path, '[severity]\nCE6 = "warning"\nCE601 = "info"\nCE102 = "error"\n')
    out = config.apply([f("CE601"), f("CE611"), f("CE102", severity="warning"), f("CE301")], path="x.json")
    assert [(x.rule, x.severity) for x in out] == [("CE601", "info"), ("CE611", "warning"), ("CE102", "error"),
                                                   ("CE301", "error")]


def test_scalar_options(tmp_path):
    config = config_from(tmp_path, 'strict = true\nformat = "sarif"\nserver-zone = "US/Eastern"\n'
                                   'encode-values = true\nat = 2020-06-01T12:30:00\n')
    assert config.strict is True and config.output_format == "sarif"
    assert config.server_zone == "US/Eastern" and config.encode_values is True
    assert config.at == datetime(2020, 6, 1, 12, 30, tzinfo=timezone.utc)


def test_at_as_a_string_with_an_offset(tmp_path):
    config = config_from(tmp_path, 'at = "2020-06-01T12:30:00+05:30"\n')
    assert config.at == datetime(2020, 6, 1, 12, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert config_from(tmp_path, 'at = "2020-06-01T07:00:00Z"\n').at == datetime(2020, 6, 1, 7, tzinfo=timezone.utc)


def test_folders_are_relative_to_the_config_file(tmp_path):
    config = config_from(tmp_path / "proj", 'element-docs = ["exports"]\nelement-schemas = ["schemas/extra"]\n')
    assert config.element_docs == (str(tmp_path / "proj" / "exports"),)
    assert config.element_schemas == (str(tmp_path / "proj" / "schemas" / "extra"),)
    assert config.root == tmp_path / "proj"


def test_exclude(tmp_path):
    config = config_from(tmp_path, 'exclude = ["fixtures/", "**/generated/*.json", "*.min.json", "node_modules"]\n')
    assert config.is_excluded(tmp_path / "fixtures" / "a" / "b.json")
    assert config.is_excluded(tmp_path / "x" / "generated" / "c.json")
    assert config.is_excluded(tmp_path / "generated" / "c.json")
    assert config.is_excluded(tmp_path / "deep" / "a.min.json")
    assert config.is_excluded(tmp_path / "web" / "node_modules" / "pkg" / "package.json")
    assert not config.is_excluded(tmp_path / "src" / "fixtures.json")
    assert not config.is_excluded(tmp_path / "x" / "generated" / "sub" / "c.json")
    assert not config.is_excluded("-")


def test_pointer_ignores(tmp_path):
    config = config_from(tmp_path, 'ignore = [\n'
                                   '  "bodies/a.json#/configuration/event.poller.configuration/customers/url:CE601",\n'
                                   '  "**/b.json#/configuration:CE1",\n'
                                   '  "#/tags:CE102",\n'
                                   ']\n')
    assert config.pointer_ignores[0] == PointerIgnore("bodies/a.json",
                                                      "/configuration/event.poller.configuration/customers/url",
                                                      "CE601")
    a, b = tmp_path / "bodies" / "a.json", tmp_path / "other" / "b.json"
    url = "/configuration/event.poller.configuration/customers/url"
    assert kept(config, "CE601", "CE611", path=a, pointer=url) == ["CE611"]
    assert kept(config, "CE601", path=a, pointer="/configuration/event.poller.configuration/customers/urls") == [
        "CE601"]
    assert kept(config, "CE601", path=b, pointer=url) == ["CE601"]
    assert kept(config, "CE102", "CE601", path=b, pointer="/configuration/event.poller.refresh_interval") == ["CE601"]
    assert kept(config, "CE102", path=tmp_path / "anything.json", pointer="/tags/0") == []


def test_a_pointer_ignore_whose_file_or_resource_holds_a_hash_reads_as_printed(tmp_path):
    """helper-117: the `to ignore` line of a file `sage#1.json`, or of a resource `orders:v2#eu`, was refused."""
    config = config_from(tmp_path, 'ignore = ["sage#1.json#/configuration/event.poller.configuration/orders:v2/url:CE601",'
                                   ' "a.json#/configuration/event.poller.configuration/orders:v2#eu/url:CE6",'
                                   ' "b#c.json#:CE1"]\n')
    assert config.pointer_ignores == (
        PointerIgnore("sage#1.json", "/configuration/event.poller.configuration/orders:v2/url", "CE601"),
        PointerIgnore("a.json", "/configuration/event.poller.configuration/orders:v2#eu/url", "CE6"),
        PointerIgnore("b#c.json", "", "CE1"))
    url = "/configuration/event.poller.configuration/orders:v2#eu/url"
    assert kept(config, "CE601", "CE105", path=tmp_path / "a.json", pointer=url) == ["CE105"]
    assert kept(config, "CE601", path=tmp_path / "sage#1.json",
                pointer="/configuration/event.poller.configuration/orders:v2/url") == []


def test_glob_match():
    assert glob_match("*.json", "a/b/c.json") and glob_match("a/*.json", "a/c.json")
    assert not glob_match("a/*.json", "a/b/c.json") and glob_match("a/**/*.json", "a/b/c/d.json")
    assert glob_match("a/", "a/b/c.json") and glob_match("a", "a/b/c.json") and glob_match("./a/b", "a/b/c.json")
    assert glob_match("x[0-9].json", "x1.json") and not glob_match("x[!0-9].json", "x1.json")
    assert glob_match("?.json", "q.json") and not glob_match("?.json", "qq.json")


def test_a_glob_set_is_read_as_fnmatch_reads_it_without_a_warning():
    import fnmatch
    import warnings

    names = ["a", "b", ":", "&", "-", "~", "|", "[", "]", "\\", "^", "a]", ":]", "d.json", "b.json", ".x.json", "a[b"]
    patterns = ["[[:alpha:]]", "[[:alpha:]]]", "[a&&b]", "[a||b]", "[a~~b]", "[-a]", "[a-]", "[\\]", "[!a-c].json",
                "[a-c].json", "[^a]", "[!^]", "[[]", "[!]]", "[]]", "[z-a]", "[!z-a]", "[--0]x*", "[", "a[b"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Python warns of a regex set such as [[ (FutureWarning)
        for pattern in patterns:
            assert glob_problem(pattern) is None or pattern == "[z-a]", pattern
            for name in names:
                assert glob_match(pattern, name) == fnmatch.fnmatchcase(name, pattern), (pattern, name)
    assert "matches no character" in (glob_problem("x/[z-a].json") or "")  # fnmatch takes it; it never matches


# -- the command line wins ---------------------------------------------------------------------------------------
def test_merge_cli(tmp_path, monkeypatch):
    config = config_from(tmp_path, 'select = ["CE6"]\nignore = ["CE601"]\nstrict = true\nserver-zone = "EST"\n'
                                   'element-docs = ["a"]\n[severity]\nCE611 = "info"\n')
    monkeypatch.chdir(tmp_path)
    merged = config.merge_cli(select=["CE601", "CE1"], ignore=["CE102"], strict=False, server_zone="UTC",
                              element_docs=["b"], severity={"CE611": "error"}, output_format="json",
                              encode_values=True, at="2021-01-01T00:00:00Z", exclude=["x/"])
    assert kept(merged, "CE601", "CE611", "CE102", "CE103") == ["CE601", "CE103"]
    assert merged.strict is False and merged.server_zone == "UTC" and merged.output_format == "json"
    assert merged.element_docs == (str(tmp_path / "b"),) and merged.encode_values is True
    assert merged.severity_for("CE611", "warning") == "error" and merged.exclude == ("x/",)
    assert merged.at == datetime(2021, 1, 1, tzinfo=timezone.utc)
    unchanged = config.merge_cli()
    assert unchanged == config and kept(unchanged, "CE601", "CE611") == ["CE611"]
    assert kept(config.merge_cli(ignore=["CE61"]), "CE611", "CE602") == ["CE602"]


def test_merge_cli_rejects_bad_values():
    with pytest.raises(ConfigError) as raised:
        Config().merge_cli(select=["CE6", "E501"], severity={"CE1": "fatal"}, at="soon")
    assert str(raised.value).splitlines() == [
        "command line: --select: 'E501' is not a rule code or prefix such as CE6 or CE601",
        "command line: --severity: 'fatal' is not one of error, warning, info",
        "command line: --at: cannot read 'soon' as a time: use ISO 8601 "  # (pendulum's echo of the text dropped)
        "(2024-01-05T10:00:00Z, 2024-01-05T10:00+01:00, 2024-01-05), 'now', a duration back from now (-15m, -2h, "
        "-1d, -1w, '15m ago'), or epoch milliseconds (1704448800000)",
    ]


# -- the schema itself -------------------------------------------------------------------------------------------
def test_the_schema_is_valid_and_documented():
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    assert schema == config_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] and schema["title"] and schema["description"]
    assert all(prop.get("description") for prop in schema["properties"].values())
    documented = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    for option in schema["properties"]:
        assert f"`{option}`" in documented, f"docs/usage.md does not describe `{option}`"


TABLES = [
    {}, {"select": ["CE", "CE6", "CE601"]}, {"select": ["CE6x"]}, {"select": "CE6"}, {"select": [1]},
    {"ignore": ["CE6", "a.json#/x:CE601", "#:CE1"]}, {"ignore": ["a.json#x:CE1"]}, {"ignore": ["CE6:"]},
    {"per-file-ignores": {"*.json": ["CE6"]}}, {"per-file-ignores": {"": ["CE6"]}}, {"per-file-ignores": []},
    {"per-file-ignores": {"x": ["E1"]}}, {"severity": {"CE3": "info"}}, {"severity": {"CE3": "fatal"}},
    {"severity": {"X": "info"}}, {"severity": {"CE3": 1}}, {"strict": True}, {"strict": 1}, {"encode-values": False},
    {"format": "sarif"}, {"format": "xml"}, {"format": 1}, {"server-zone": "GMT"}, {"server-zone": ""},
    {"at": "2020-01-01T00:00:00Z"}, {"at": 5}, {"element-docs": ["a"]}, {"element-docs": [""]},
    {"element-schemas": "a"}, {"exclude": ["x/", "**/*.json"]}, {"exclude": [None]}, {"other": 1},
    {"timestamp-unit": "ms"}, {"timestamp-unit": "m"}, {"timestamp-unit": 1000},
]


@pytest.mark.parametrize("table", TABLES, ids=[json.dumps(t) for t in TABLES])
def test_the_gate_passes_exactly_what_the_schema_accepts(table):
    from jsonschema import Draft202012Validator

    from validator.config import _passes

    schema_ok = not list(Draft202012Validator(config_schema()).iter_errors(table))
    gate = _passes()
    assert gate is not None and gate(table) == schema_ok
    assert (validate_table(table) == []) == schema_ok


def test_a_valid_file_loads_without_importing_jsonschema(tmp_path):
    import subprocess
    import sys

    write(tmp_path / ".ce-validator.toml", 'select = ["CE6"]\nignore = ["a.json#/x:CE601"]\nstrict = true\n'
                                           '[per-file-ignores]\n"t/*" = ["CE1"]\n[severity]\nCE3 = "info"\n')
    code = ("import sys, pathlib, validator.config as c; c.load_config(start=pathlib.Path(sys.argv[1])); "
            "print('jsonschema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


def test_error_line_is_the_entry_inside_a_sub_table(tmp_path):
    from validator.config import ConfigError, load_config

    (tmp_path / ".ce-validator.toml").write_text('strict = true\n\n[severity]\nCE201 = "error"\nCE301 = "warn"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert raised.value.problems[0].line == 5
    (tmp_path / ".ce-validator.toml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.ce-validator]\nstrict = true\n\n[tool.ce-validator.severity]\n'
                                             'CE201 = "error"\nCE301 = "warn"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert raised.value.problems[0].line == 6


def test_an_empty_quoted_key_in_a_sub_table_is_placed_at_its_own_line(tmp_path):
    """Found by hunting (h225): `"" = "warning"` under [severity] (or `"" = [...]` under [per-file-ignores]) was
    placed at the table's header: an empty quoted name was taken for no name at all."""
    for table, first, entry in (("severity", 'CE201 = "error"', '"" = "warning"'),
                                ("per-file-ignores", '"*.json" = ["CE7"]', '"" = ["CE7O1"]')):
        (tmp_path / ".ce-validator.toml").write_text(f'strict = true\n\n[{table}]\n{first}\n{entry}\n')
        with pytest.raises(ConfigError) as raised:
            load_config(start=tmp_path)
        assert raised.value.problems[0].line == 5, (table, raised.value.problems)


def test_at_in_the_configuration_reads_like_the_command_line(tmp_path):
    """One time parser: `at = "now"` and `at = "-15m"` work in a file as `--at` does; a TOML time alone does not."""
    (tmp_path / ".ce-validator.toml").write_text('at = "-15m"\n')
    config = load_config(start=tmp_path)
    assert config.at is not None and abs((datetime.now(timezone.utc) - config.at).total_seconds() - 900) < 60
    (tmp_path / ".ce-validator.toml").write_text('at = "now"\n')
    assert load_config(start=tmp_path).at is not None
    (tmp_path / ".ce-validator.toml").write_text("at = 07:32:00\n")
    with pytest.raises(ConfigError, match="not a point in time"):
        load_config(start=tmp_path)


def test_a_configuration_edited_between_two_library_calls_is_read_again(tmp_path):
    """Configuration files are parsed once per state of the file; an edit of the same size that keeps the
    modification time (``cp -p``, ``touch -r``, a coarse clock) still counts as a new state."""
    import validator

    (tmp_path / ".ce-validator.toml").write_text('ignore = ["CE2"]\n')
    body = tmp_path / "b.json"
    body.write_text('{"configuration": {"event.poller.refresh_interval": "five"}}')
    assert not any(f.rule.startswith("CE2") for f in validator.check(body))
    before = os.stat(tmp_path / ".ce-validator.toml")
    (tmp_path / ".ce-validator.toml").write_text('ignore = ["CE9"]\n')  # same size
    os.utime(tmp_path / ".ce-validator.toml", ns=(before.st_atime_ns, before.st_mtime_ns))
    assert any(f.rule.startswith("CE2") for f in validator.check(body))
    (tmp_path / ".ce-validator.toml").write_text('ignore = [1]\n')
    with pytest.raises(ConfigError):
        validator.check(body)
    with pytest.raises(ConfigError):  # an error is never remembered as a configuration
        validator.check(body)


def test_a_run_whose_every_file_is_excluded_says_why(tmp_path):
    """helper-96: a file named on the command line but excluded gave "No files checked." and exit 0, with no reason."""
    from clirun import run_cli

    (tmp_path / "pyproject.toml").write_text('[tool.ce-validator]\nexclude = ["skip/*"]\n', encoding="utf-8")
    (tmp_path / "skip").mkdir()
    (tmp_path / "skip" / "a.json").write_text('{"element": {"key": "sageone"}}', encoding="utf-8")
    result = run_cli("check", "skip/a.json", cwd=tmp_path)
    assert result.code == 0 and "No files checked." in result.out
    assert "1 file left out by the configuration" in result.err


def test_the_timestamp_unit_reaches_the_check_and_the_command_line_wins(tmp_path):
    """The unit the undocumented `timestamp` format reads is an option (default seconds), in the file and on the
    command line, as simulate's `--timestamp-unit` was alone."""
    config = config_from(tmp_path, 'timestamp-unit = "ms"\n')
    assert config.timestamp_unit == "ms" and config.options().timestamp_unit == "ms"
    assert config.merge_cli(timestamp_unit="s").options().timestamp_unit == "s"
    assert config_from(tmp_path, "").options().timestamp_unit == "s"
    with pytest.raises(ConfigError):
        config.merge_cli(timestamp_unit="minutes")


def test_the_printed_ignore_entry_of_a_file_named_like_a_glob_silences_it_alone(tmp_path):
    """helper-122: the `to ignore` line of `inst[1].json` was a glob matching `inst1.json` (and `"` in a name made it
    invalid TOML)."""
    from clirun import run_cli

    body = ('{"element": {"key": "x"}, "name": "x", "configuration": {"event.notification.enabled": true, '
            '"event.notification.callback.url": "https://example.com/e", "event.poller.configuration": '
            '{"c": {"url": "/hubs/x/c?where=a>\'${Date:yyyy}\'", "idField": "id"}}}}')
    for name in ("inst[1].json", "inst1.json", 'say"hi".json'):
        (tmp_path / name).write_text(body, encoding="utf-8")
    out = run_cli("check", "inst[1].json", 'say"hi".json', cwd=tmp_path).out
    entries = [line.split("to ignore: ", 1)[1] for line in out.splitlines() if "to ignore:" in line and "CE601" in line]
    assert len(entries) == 2, out
    (tmp_path / ".ce-validator.toml").write_text(f"ignore = [{', '.join(entries)}]\n", encoding="utf-8")
    result = run_cli("check", "--format", "concise", "inst[1].json", "inst1.json", 'say"hi".json', cwd=tmp_path)
    assert [line.split(":")[0] for line in result.out.splitlines() if "CE601" in line] == ["inst1.json"], result


@pytest.mark.parametrize("table", ["ce_validator", "cevalidator", "CE-Validator"])
def test_a_misspelt_table_name_is_an_error_not_a_configuration_dropped(tmp_path, table):
    """helper-122: `[tool.ce_validator]` dropped the whole configuration (strict, ignores) without a word."""
    from clirun import run_cli

    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[tool.{table}]\nstrict = true\n', encoding="utf-8")
    (tmp_path / "a.json").write_text('{"element": {"key": "x"}, "configuration": {}}', encoding="utf-8")
    result = run_cli("check", "a.json", cwd=tmp_path)
    assert result.code == 2 and f"pyproject.toml:4: [tool.{table}] is not read" in result.err, result
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "ce-validator-plugins"\n', encoding="utf-8")
    assert run_cli("check", "a.json", cwd=tmp_path).code == 0


@pytest.mark.parametrize("table", ["ce-validator", "ce_validator", "tools.ce-validator"])
def test_the_table_outside_tool_is_an_error_not_a_configuration_dropped(tmp_path, table):
    """`[ce-validator]` (or `[tools.ce-validator]`) in pyproject.toml dropped the whole configuration unsaid."""
    from clirun import run_cli

    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[{table}]\nstrict = true\n', encoding="utf-8")
    (tmp_path / "a.json").write_text('{"element": {"key": "x"}, "configuration": {}}', encoding="utf-8")
    result = run_cli("check", "a.json", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.err, result
    assert f"pyproject.toml:4: [{table}] is not read: ce-validator's table is [tool.ce-validator]" in result.err, result


def test_a_ce_validator_table_in_its_own_file_says_where_the_options_go(tmp_path):
    """`[ce-validator]` atop .ce-validator.toml was "unknown option; known options: select, ignore, ..."."""
    from clirun import run_cli

    (tmp_path / ".ce-validator.toml").write_text('[ce-validator]\nstrict = true\n', encoding="utf-8")
    (tmp_path / "a.json").write_text('{"element": {"key": "x"}, "configuration": {}}', encoding="utf-8")
    result = run_cli("check", "a.json", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.err, result
    assert (".ce-validator.toml:1: ce-validator: unknown option (write the options without a table header, at the "
            "top level, or under [tool.ce-validator])") in result.err, result


def test_a_dotted_key_s_problem_names_its_line(tmp_path):
    """`severity.CE301 = "warn"` (TOML's dotted key) said `pyproject.toml:` with no line."""
    from validator.config import ConfigError, load_config

    (tmp_path / "pyproject.toml").write_text('[tool.ce-validator]\nstrict = true\nseverity.CE301 = "warn"\n',
                                             encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert "pyproject.toml:3: tool.ce-validator.severity.CE301: must be one of" in str(raised.value)


def test_a_glob_written_with_backslashes_is_warned_of(tmp_path):
    """`exclude = ['instances\\sage.json']` (a Windows path) matched nothing, on every system, without a word."""
    from clirun import run_cli

    (tmp_path / "instances").mkdir()
    (tmp_path / "instances" / "sage.json").write_text('{"element": {"key": "x"}, "configuration": {}}',
                                                      encoding="utf-8")
    (tmp_path / ".ce-validator.toml").write_text(
        "exclude = ['instances\\sage.json']\n\n[per-file-ignores]\n'instances\\*.json' = ['CE6']\n", encoding="utf-8")
    result = run_cli("check", "instances", cwd=tmp_path)
    assert result.code == 0 and "Traceback" not in result.err, result
    assert (".ce-validator.toml:1: exclude: 'instances\\sage.json' separates folders with \\: globs take / on "
            "every system ('instances/sage.json')") in result.err, result
    assert ".ce-validator.toml:4: per-file-ignores: 'instances\\*.json' separates folders with \\" in result.err


def test_a_misspelt_table_in_the_config_option_s_file_is_named(tmp_path):
    """`--config ci.toml` holding `[tool.ce_validator]` said only "no [tool.ce-validator] table"."""
    from clirun import run_cli

    (tmp_path / "ci.toml").write_text("[tool.ce_validator]\nstrict = true\n", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"element": {"key": "x"}, "configuration": {}}', encoding="utf-8")
    result = run_cli("check", "--config", "ci.toml", "a.json", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.err, result
    assert "ci.toml:1: [tool.ce_validator] is not read: ce-validator's table is [tool.ce-validator]" in result.err


def test_a_code_selection_is_decided_once_per_selection(monkeypatch):
    """issue #20: `apply` asked `enabled` for each code of each file, and each answer walked the prefixes again (1-2 %
    of a corpus run); now a code's answer under one selection is worked out once, and a selection that differs is
    its own question."""
    import validator.config as config_module

    calls = []
    longest = config_module._longest
    monkeypatch.setattr(config_module, "_longest", lambda prefixes, code: calls.append(code) or longest(prefixes, code))
    picky = Config(select=("CE4",), ignore=("CE41",))
    assert picky.enabled("CE405") and not picky.enabled("CE410") and not picky.enabled("CE701")
    asked = len(calls)
    assert asked > 0
    assert Config(select=("CE4",), ignore=("CE41",)).enabled("CE405")  # another Config, the same selection
    assert len(calls) == asked
    assert not Config(select=("CE4",), ignore=("CE40",)).enabled("CE405")  # another selection: asked anew
    assert Config(select=("CE4",), ignore=("CE41",), cli_ignore=("CE405",)).enabled("CE405") is False
    assert Config(cli_select=("CE405",)).enabled("CE405") and not Config(cli_select=("CE405",)).enabled("CE406")


def test_the_current_folder_is_not_asked_whether_it_is_a_folder(tmp_path, monkeypatch):
    """issue #20: `check(dict)` finds the configuration of the current folder on every call, and a stat of that folder
    (`os.path.isdir` of what `os.getcwd()` gave) was a fifth of the lookup's cost; a named file is still asked."""
    import validator.config as config_module

    asked: list[str] = []
    isdir = os.path.isdir
    monkeypatch.setattr(config_module, "_nearest", lambda folder: None)
    monkeypatch.setattr(config_module.os.path, "isdir", lambda path: asked.append(str(path)) or isdir(path))
    monkeypatch.chdir(tmp_path)
    assert ConfigResolver().for_path(None) == Config()
    assert ConfigResolver().for_path("-") == Config()
    assert asked == []
    assert ConfigResolver().for_path(tmp_path / "body.json") == Config()
    assert asked == [str(tmp_path / "body.json")]
