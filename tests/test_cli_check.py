"""`ce-validator check` end to end: the real command, its output and exit codes."""

from __future__ import annotations

import json
import shutil

import pytest

from clirun import ROOT, run_cli, run_main

EXAMPLES = ROOT / "examples"


def test_broken_example_exits_1_with_position():
    result = run_cli("check", "examples/sageone-polling.json")
    assert result.code == 1, result
    first = result.out.splitlines()[0]
    text = (EXAMPLES / "sageone-polling.json").read_text()
    index = text.index("attributes='") + len("attributes=")
    line = text.count("\n", 0, index) + 1
    column = index - text.rfind("\n", 0, index)
    assert first.startswith(f"examples/sageone-polling.json:{line}:{column}: CE6"), first
    assert "Traceback" not in result.err


def test_fixed_example_exits_0():
    result = run_cli("check", "examples/sageone-polling-fixed.json")
    assert result.code == 0, result
    assert "Traceback" not in result.err


def test_directory_and_stdin(tmp_path):
    shutil.copy(EXAMPLES / "sageone-polling-fixed.json", tmp_path / "a.json")
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLES / "sageone-polling.json", tmp_path / "sub" / "b.json")
    (tmp_path / "notes.txt").write_text("not json")
    result = run_cli("check", "--format", "concise", str(tmp_path))
    assert result.code == 1
    assert str(tmp_path / "sub" / "b.json") in result.out
    assert "notes.txt" not in result.out
    piped = run_cli("check", "--format", "concise", "-", stdin=(EXAMPLES / "sageone-polling.json").read_bytes())
    assert piped.code == 1 and piped.out.startswith("<stdin>:")
    named = run_cli("check", "--format", "concise", "--stdin-filename", "body.json", "-",
                    stdin=(EXAMPLES / "sageone-polling.json").read_bytes())
    assert named.out.startswith("body.json:")
    # helper-175: given with no `-`, the name named nothing, and nothing said so
    unread = run_cli("check", "--format", "concise", "--stdin-filename", "body.json", "examples/sageone-polling.json")
    assert unread.code == 1 and unread.out.startswith("examples/sageone-polling.json:")
    assert unread.err == ("ce-validator check: warning: --stdin-filename names standard input, which is read only when "
                          "`-` is among the paths\n")


def test_json_format_is_parseable():
    result = run_cli("check", "--format", "json", "examples/sageone-polling.json")
    payload = json.loads(result.out)
    assert result.code == 1
    assert any(item["rule"].startswith("CE6") for item in payload["findings"])


def test_package_json_is_skipped_and_passes(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "app", "version": "1.0.0"}')
    result = run_cli("check", str(tmp_path / "package.json"))
    assert result.code == 0, result
    assert "skipped" in result.out


def test_warnings_pass_unless_strict(tmp_path):
    body = json.loads((EXAMPLES / "sageone-polling-fixed.json").read_text())
    body["configuration"]["oauth.api.key"] = "<CLIENT_ID>"
    file = tmp_path / "masked.json"
    file.write_text(json.dumps(body, indent=2))
    relaxed = run_cli("check", str(file))
    assert relaxed.code == 0 and "warning" in relaxed.out, relaxed
    assert run_cli("check", "--strict", str(file)).code == 1


def test_min_severity_hides_what_is_below_it(tmp_path):
    """`--min-severity` (and `min-severity` in the configuration) keeps lower findings out of the report; what it
    hides does not fail a strict run either, and a severity override counts before it."""
    body = json.loads((EXAMPLES / "sageone-polling-fixed.json").read_text())
    body["configuration"]["oauth.api.key"] = "<CLIENT_ID>"  # a warning
    dates = body["configuration"]["event.poller.configuration"]["customers"]["datesConfiguration"]
    for key in [k for k in dates if k.startswith("created")]:
        del dates[key]  # an info: no created date
    file = tmp_path / "b.json"
    file.write_text(json.dumps(body, indent=2))
    def levels(*args: str) -> tuple[int, list[str]]:
        result = run_cli("check", "--no-cache", "--format", "concise", *args, str(file), cwd=tmp_path)
        return result.code, sorted({line.split("[")[1].split("]")[0] for line in result.out.splitlines() if "[" in line})
    assert levels() == (0, ["info", "warning"])
    assert levels("--min-severity", "warning") == (0, ["warning"])
    assert levels("--min-severity", "error") == (0, [])
    assert levels("--min-severity", "error", "--strict") == (0, [])  # the hidden warning fails nothing
    (tmp_path / ".ce-validator.toml").write_text('min-severity = "warning"\n[severity]\nCE7 = "error"\n')
    assert levels() == (1, ["error"])
    assert levels("--min-severity", "info") == (1, ["error", "info"])  # the command line wins over the file
    (tmp_path / ".ce-validator.toml").write_text('min-severity = "warn"\n')
    bad = run_cli("check", "--no-cache", str(file), cwd=tmp_path)
    assert bad.code == 2 and "min-severity" in bad.err and "Traceback" not in bad.err
    assert run_cli("check", "--min-severity", "notice", str(file)).code == 2


def test_usage_errors_exit_2():
    assert run_cli("check").code == 2
    for glued in ("--select=--", "--server-zone=--"):  # a hostile-input hunt (helper-72): a traceback, exit 1
        result = run_cli("check", glued, "examples/sageone-polling.json")
        assert result.code == 2 and "Traceback" not in result.err and "expected a value" in result.err
    bad_kind = run_cli("check", "--kind", "bogus", "examples/sageone-polling.json")
    assert bad_kind.code == 2 and "Traceback" not in bad_kind.err
    bad_format = run_cli("check", "--format", "yaml", "examples/sageone-polling.json")
    assert bad_format.code == 2 and "unknown format" in bad_format.err


def test_missing_file_exits_2_but_checks_the_rest():
    result = run_cli("check", "--format", "concise", "no/such.json", "examples/sageone-polling.json")
    assert result.code == 2
    assert "no/such.json: no such file or directory" in result.err
    assert "examples/sageone-polling.json:" in result.out


def test_select_and_ignore():
    ignored = run_cli("check", "--ignore", "CE6", "examples/sageone-polling.json")
    assert ignored.code == 0, ignored
    selected = run_cli("check", "--format", "concise", "--select", "CE601,CE602,CE603,CE604,CE605,CE606,CE607,"
                       "CE608,CE609,CE610,CE611,CE612,CE613,CE614,CE615", "examples/sageone-polling.json")
    assert all(":" not in line or " CE6" in line for line in selected.out.splitlines() if line.startswith("examples"))


def test_a_code_no_rule_has_is_a_usage_error_on_the_command_line():
    """A user's trial: `--select CE999` ran no rule and passed; a CI step with a typo checked nothing."""
    for option in ("--select", "--ignore"):
        result = run_cli("check", option, "CE999", "examples/sageone-polling.json")
        assert result.code == 2 and f"{option}: no rule has the code 'CE999'" in result.err, result
        assert result.out == ""
    assert run_cli("check", "--select", "CE6,CE401", "examples/sageone-polling-fixed.json").code == 0
    # an unset $CODES in CI: `--select ''` turned every rule off
    empty = run_cli("check", "--select", "", "examples/sageone-polling.json")
    assert empty.code == 2 and "--select: no code given" in empty.err, empty


def test_an_empty_select_in_a_file_is_warned_of(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.ce-validator]\nselect = []\n", encoding="utf-8")
    body = tmp_path / "b.json"
    body.write_text((ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("check", "--no-cache", str(body), cwd=tmp_path)
    assert "select: empty, so no rule runs" in result.err, result


def test_version_and_module_entry():
    result = run_cli("--version")
    assert result.code == 0 and result.out.startswith("ce-validator ")


def test_cache_follows_element_docs_and_never_replays_errors(tmp_path):
    env = {"CE_VALIDATOR_NO_CACHE": "", "CE_VALIDATOR_CACHE_DIR": str(tmp_path / "cache")}
    body = str(EXAMPLES / "sageone-polling-fixed.json")
    missing = run_cli("check", "--element-docs", str(tmp_path / "nope"), body, env=env)
    assert missing.code == 2 and "not a directory" in missing.err and "CE099" not in missing.out
    (tmp_path / "empty").mkdir()
    empty = run_cli("check", "--element-docs", str(tmp_path / "empty"), body, env=env)
    assert empty.code == 0, empty
    assert run_cli("check", body, env=env).code == 0
    cached = run_cli("check", body, env=env)
    assert cached.code == 0 and cached.out == run_cli("check", "--no-cache", body, env=env).out


def test_whole_body_pasted_with_smart_quotes_is_reported(tmp_path):
    file = tmp_path / "pasted.json"
    file.write_text('{“element”: {“key”: “sageone”}, “configuration”: {}}')
    result = run_cli("check", "--format", "concise", str(file))
    assert result.code == 1 and "CE004" in result.out, result


def test_unknown_server_zone_is_warned_about():
    result = run_cli("check", "--server-zone", "Bogus/X", "examples/sageone-polling-fixed.json")
    assert result.code == 0
    assert ("command line: --server-zone: Java does not know the zone 'Bogus/X': TimeZone.getTimeZone falls back to "
            "GMT") in result.err
    assert "warning" not in run_cli("check", "--server-zone", "America/Denver",
                                    "examples/sageone-polling-fixed.json").err


def test_a_large_batch_runs_in_parallel_with_the_same_output(tmp_path):
    from validator.check_runner import PARALLEL_THRESHOLD

    body = json.loads((EXAMPLES / "sageone-polling-fixed.json").read_text())
    for i in range(PARALLEL_THRESHOLD + 10):
        body["name"] = f"instance-{i}"
        if i == 7:
            body["configuration"]["event.vendor.type"] = "webhooks"
        (tmp_path / f"b{i:04d}.json").write_text(json.dumps(body, indent=2))
    (tmp_path / "b0100.json").write_text('{"element": {"key": "sageone"},}')
    (tmp_path / "b0101.json").write_text('{"configuration": {"oauth.api.secret": "s3cr3t-Valu3",\n'
                                         '  "event.poller.refresh_interval": "five"}}')
    (tmp_path / "b0102.md").write_text('# Page\n\n```json\n{"element": {"key": "sageone"},}\n```\n')
    for fmt in ("json", "text"):
        parallel = run_cli("check", "--format", fmt, str(tmp_path), env={"CE_VALIDATOR_JOBS": "2"})
        serial = run_cli("check", "--format", fmt, str(tmp_path), env={"CE_VALIDATOR_JOBS": "1"})
        assert parallel.code == serial.code == 1
        assert parallel.out == serial.out
        assert "s3cr3t-Valu3" not in parallel.out
    assert '"five"' in parallel.out and "{\"element\": {\"key\": \"sageone\"},}" in parallel.out  # excerpts
    rules = {f["rule"] for f in json.loads(run_cli("check", "--format", "json", str(tmp_path),
                                                   env={"CE_VALIDATOR_JOBS": "2"}).out)["findings"]}
    assert {"CE002", "CE203"} <= rules


def test_unknown_option_shows_the_command_usage():
    result = run_cli("check", "--bogus", "examples/sageone-polling.json")
    assert result.code == 2
    assert "usage: ce-validator check" in result.err
    assert "ce-validator check: error: unrecognized arguments: --bogus" in result.err


def test_select_turns_on_an_opt_in_rule(tmp_path, capsys):
    """CE617 (raw spaces in URLs) is off by default; `--select CE617` names it and turns it on (a prefix does not)."""
    from validator.cli import main

    body = tmp_path / "poller.json"
    body.write_text('{"c": {"url": "/hubs/crm/c?where=updated_at >= \'${gmtDate:yyyy-MM-dd}\'", "idField": "id"}}')
    runs = {}
    for args in ((), ("--select", "CE617"), ("--select", "CE6"), ("--report-spaces",)):
        main(["check", "--no-cache", "--format", "concise", *args, str(body)])
        runs[args] = capsys.readouterr().out
    assert "CE617" not in runs[()] and "CE617" not in runs[("--select", "CE6")]
    assert "CE617" in runs[("--select", "CE617")] and "CE617" in runs[("--report-spaces",)]


def _batch_with_every_kind_of_entry(folder):
    """Files whose report entries differ: findings with excerpts, a secret, a skipped file, a page, a clean one."""
    (folder / "a-broken.json").write_text('{"element": {"key": "sageone"},}')
    (folder / "b-secret.json").write_text('{"configuration": {"oauth.api.secret": "s3cr3t-Valu3",\n'
                                          '  "event.poller.refresh_interval": "five"}}')
    (folder / "c-clean.json").write_text((EXAMPLES / "sageone-polling-fixed.json").read_text())
    (folder / "d-page.md").write_text('# Page\n\n```json\n{"element": {"key": "sageone"},}\n```\n')
    (folder / "e-package.json").write_text('{"name": "web", "version": "1.0.0"}')
    return sorted(str(path) for path in folder.iterdir())


def test_a_report_printed_file_by_file_is_the_report_printed_at_the_end(tmp_path):
    """Files given in the order reports list them are printed as each is checked; in another order, at the
    end.  The output is the same either way, in both formats that stream."""
    paths = _batch_with_every_kind_of_entry(tmp_path)
    for fmt in ("text", "concise"):
        streamed = run_cli("check", "--format", fmt, *paths)
        at_the_end = run_cli("check", "--format", fmt, *reversed(paths))
        assert streamed.code == at_the_end.code == 1
        assert streamed.out == at_the_end.out
        assert "s3cr3t-Valu3" not in streamed.out and "skipped" in streamed.out
        assert streamed.out.splitlines()[-1].startswith("Found ")


def test_each_file_is_printed_as_soon_as_it_is_checked(tmp_path, capsys, monkeypatch):
    """The first file's findings are out before the second file is checked (a long CI run shows progress)."""
    from validator import check_runner
    from validator.cli import main

    paths = _batch_with_every_kind_of_entry(tmp_path)
    execute = check_runner._execute
    seen_before_second: list[str] = []

    def watched(*args, **kwargs):
        for index, outcome in enumerate(execute(*args, **kwargs)):
            if index == 1:
                seen_before_second.append(capsys.readouterr().out)
            yield outcome

    monkeypatch.setattr(check_runner, "_execute", watched)
    assert main(["check", "--no-cache", "--format", "concise", *paths]) == 1
    assert "a-broken.json:1:" in seen_before_second[0] and "b-secret" not in seen_before_second[0]


def test_statistics_on_screen_leave_the_text_report_file_its_excerpts(tmp_path):
    """Found by review: --statistics replaces standard output only; a text report written to a file keeps
    the lines it quotes."""
    body = tmp_path / "b.json"
    body.write_text('{"configuration": {\n  "event.poller.refresh_interval": "five"}}')
    report = tmp_path / "report.txt"
    result = run_cli("check", "--no-cache", "--statistics", "--output-format", f"text:{report}", str(body))
    assert result.code == 1
    assert '"event.poller.refresh_interval": "five"' in report.read_text()


def test_statistics_count_a_rule_of_two_severities_once_per_severity(tmp_path):
    """Found by hunting (h225): CE501 is a warning for a misspelt UTC and an error for another zone; the
    statistics said `2  CE501  warning` of a run that failed on the error."""
    body = json.loads((EXAMPLES / "sageone-polling-fixed.json").read_text())
    dates = body["configuration"]["event.poller.configuration"]["customers"]["datesConfiguration"]
    dates["updatedDateTimezone"], dates["createdDateTimezone"] = "America/NewYork", "Etc/UTC0"
    path = tmp_path / "zones.json"
    path.write_text(json.dumps(body, indent=2))
    result = run_cli("check", "--no-cache", "--statistics", str(path))
    assert result.code == 1
    assert result.out.splitlines() == ["1  CE501  error    zone-unknown", "1  CE501  warning  zone-unknown"]
    rows = json.loads(run_cli("check", "--no-cache", "--statistics", "--format", "json", str(path)).out)
    assert [(row["severity"], row["count"]) for row in rows] == [("error", 1), ("warning", 1)]


def test_an_unusable_overlay_stops_the_run_with_nothing_on_standard_output(tmp_path):
    """Element schemas are read when a file needs them: the run does not stream, so an overlay that turns out
    broken (exit 2) leaves no half report behind."""
    overlays = tmp_path / "ov"
    overlays.mkdir()
    (overlays / "sageone.schema.json").write_text("{not json")
    files = tmp_path / "files"
    files.mkdir()
    (files / "a.json").write_text('{"element": {"key": "hubspotcrm"}, "configuration": {"oauth.api.key": "<KEY>"}}')
    (files / "b.json").write_text('{"element": {"key": "sageone"}, "configuration": {}}')
    result = run_cli("check", "--no-cache", "--element-schemas", str(overlays), str(files))
    assert result.code == 2 and result.out == "" and "sageone.schema.json" in result.err


def test_the_to_ignore_hint_names_the_file_as_its_configuration_does(tmp_path):
    """The hint is the entry to paste into the configuration that applies: a path relative to that file's
    folder, wherever the command runs from; pasted, it silences the finding. None for standard input."""
    import re

    for config_folder, run_from, named in (("sub", ".", "sub/a.json"), (".", "sub", "a.json")):
        project = tmp_path / config_folder.replace(".", "top") / "p"
        (project / "sub").mkdir(parents=True)
        shutil.copy(EXAMPLES / "sageone-polling.json", project / "sub" / "a.json")
        config = project / config_folder / ".ce-validator.toml"
        config.write_text("", encoding="utf-8")
        result = run_cli("check", named, cwd=project / run_from)
        entry = re.search(r'to ignore: (".*CE620")', result.out)
        assert result.code == 1 and entry, result.out
        config.write_text(f"ignore = [{entry.group(1)}]\n", encoding="utf-8")
        silenced = run_cli("check", named, cwd=project / run_from)
        assert silenced.code == 0 and "CE620" not in silenced.out, (config_folder, entry.group(1), silenced.out)
    stdin = run_cli("check", "-", stdin=(EXAMPLES / "sageone-polling.json").read_bytes())
    assert stdin.code == 1 and "to ignore" not in stdin.out


def test_a_run_that_checked_no_file_does_not_say_no_problems(tmp_path):
    missing = run_cli("check", str(tmp_path / "nope.json"))
    assert missing.code == 2 and "no such file" in missing.err
    assert "No problems" not in missing.out and "No files checked." in missing.out


def test_a_file_named_twice_is_checked_once(tmp_path):
    """A user's trial: `check a.json ./a.json` reported every finding twice, `- -` read standard input twice (the
    second time empty: CE010), and `--diff a.json a.json` counted two files."""
    body = tmp_path / "a.json"
    body.write_text((ROOT / "examples" / "sageone-polling.json").read_text(encoding="utf-8"), encoding="utf-8")
    twice = run_cli("check", "--no-cache", "--format", "concise", "a.json", "./a.json", ".", cwd=tmp_path)
    assert twice.out.count("CE620") == 1 and "in 1 file" in twice.out, twice
    stdin = run_cli("check", "--no-cache", "--format", "concise", "-", "-", stdin=body.read_bytes(), cwd=tmp_path)
    assert "CE010" not in stdin.out and stdin.out.count("CE620") == 1, stdin
    diff = run_cli("check", "--no-cache", "--diff", "a.json", "a.json", cwd=tmp_path)
    assert "would change 1 file(s)" in diff.err, diff


def test_a_worker_count_that_is_not_one_is_warned_of():
    """A user's trial: CE_VALIDATOR_JOBS=abc or -5 was taken silently as one process."""
    for value in ("abc", "-5", "0"):
        result = run_cli("check", "--no-cache", "examples/sageone-polling-fixed.json", env={"CE_VALIDATOR_JOBS": value})
        assert result.code == 0 and f"CE_VALIDATOR_JOBS={value!r} is not a positive whole number" in result.err


def test_a_file_name_holding_a_tab_is_one_file_in_every_report(tmp_path):
    """A hostile-input hunt (helper-72): findings carried the escaped name (`w\\x09t.json`) and the file's report the raw
    one: JUnit counted two files (a strict run's failure left out), and the text lost its excerpts."""
    body = json.loads((EXAMPLES / "sageone-polling-fixed.json").read_text())
    body["configuration"]["event.notification.enabled"] = "yes"  # an error
    path = tmp_path / "w\tt.json"
    path.write_text(json.dumps(body, indent=2))
    junit = run_cli("check", "--no-cache", "--format", "junit", str(path))
    assert 'tests="1"' in junit.out and 'failures="1"' in junit.out, junit.out
    text = run_cli("check", "--no-cache", str(path))
    assert "w\\x09t.json" in text.out and " | " in text.out and "\t" not in text.out.split(":", 1)[0]


def test_a_file_name_holding_terminal_escapes_is_shown_escaped_in_every_line(tmp_path):
    """An editor and CI trial (helper-83): the `to ignore:` line (text) and GitHub's and JUnit's `file=` wrote a file
    name's ESC sequences raw, which steer a terminal or a CI log (a pull request can add such a file)."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "\x1b[2J\x1b]0;pwn\x07a.json").write_text(
        '{"c": {"url": "/hubs/x?where=a=\'${gmtDate:yyyy-MM-dd}", "idField": "id"}}', encoding="utf-8")
    for fmt in ("text", "github", "junit", "concise", "sarif", "gitlab", "json"):
        result = run_cli("check", "--no-cache", "--format", fmt, ".", cwd=folder)
        assert result.code == 1 and "\x1b" not in result.out and "\x07" not in result.out, (fmt, result.out)
    assert "to ignore: \"\\u001b[[]2J" in run_cli("check", "--no-cache", ".", cwd=folder).out  # (as TOML reads it)


def test_a_path_that_cannot_be_read_fails_every_machine_readable_report(tmp_path):
    """A CI trial (helper-83): with a named file missing the run exited 2, but SARIF said `executionSuccessful: true`,
    JUnit counted no error and the JSON report left the file out: a CI that reads the report saw a clean run."""
    body = tmp_path / "ok.json"
    body.write_text((EXAMPLES / "sageone-polling-fixed.json").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("check", "--no-cache", "--format", "sarif:r.sarif", "--format", "junit:r.xml", "--format",
                     "json:r.json", "--format", "github:r.txt", "missing.json", "ok.json", cwd=tmp_path)
    assert result.code == 2 and "missing.json: no such file or directory" in result.err
    (invocation,) = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert [n["level"] for n in invocation["toolExecutionNotifications"]] == ["error"]
    junit = (tmp_path / "r.xml").read_text(encoding="utf-8")
    assert 'errors="1"' in junit and '<error type="unreadable" message="missing.json: no such file or directory"/>' in junit
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {"path": "missing.json", "skipped": None, "error": "missing.json: no such file or directory"} in report["files"]
    assert report["summary"]["files"] == 1
    # (and under GitHub Actions an annotation says it, not only the log: helper-175)
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == (
        "::error file=missing.json,title=ce-validator (not checked)::missing.json: no such file or directory\n")


def test_a_path_that_cannot_be_read_shows_no_credential_in_any_report(tmp_path):
    """helper-177: a URL named as a path (`check "https://user:<password>@host/x.json"`, which is no file) was masked
    in the log, but every report naming what it could not read (github's new annotation, SARIF, JUnit, JSON) printed
    its password."""
    secret = "Dt7Wq2Zx9Lm4PvAbCd"
    result = run_cli("check", "--no-cache", "--format", "sarif:r.sarif", "--format", "junit:r.xml", "--format",
                     "json:r.json", "--format", "github:r.txt", f"https://user:{secret}@example.com/x.json",
                     f"x.json?apiKey={secret}", cwd=tmp_path)
    assert result.code == 2 and secret not in result.out + result.err
    for report in ("r.sarif", "r.xml", "r.json", "r.txt"):
        written = (tmp_path / report).read_text(encoding="utf-8")
        assert secret not in written and "no such file" in written, (report, written)


def test_links_a_folder_walk_does_not_follow_are_said(tmp_path):
    """A CI trial (helper-83): a link out of the folder (a shared poller file), a dangling link and a loop were left
    out in silence: "No problems found", exit 0, with the linked file's errors unseen."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "poller.json").write_text('{"c": {"url": "/hubs/x", "idField": "id"}}', encoding="utf-8")
    folder = tmp_path / "instances"
    folder.mkdir()
    (folder / "ok.json").write_text((EXAMPLES / "sageone-polling-fixed.json").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    (folder / "poller.json").symlink_to(tmp_path / "shared" / "poller.json")
    (folder / "dangling.json").symlink_to("nowhere.json")
    (folder / "gone.json").symlink_to(tmp_path / "gone.json")  # out of the folder, and to nothing: dangling (helper-84)
    result = run_cli("check", "--no-cache", str(folder))
    assert result.code == 0 and "poller.json: a link leading out of" in result.err and "not followed" in result.err
    assert "dangling.json: a link that leads to no file" in result.err and "gone.json: a link that leads to no" in result.err
    assert run_cli("check", "--no-cache", "--quiet", str(folder)).err == ""


def test_a_folder_walk_reads_request_files_and_bodies_named_as_templates(tmp_path):
    """Three teams' repositories (helper-85): `check .` passed over `.http` files and `instance.json.tftpl` bodies,
    where 7 of 39 mistakes were; a repository's other templates and scripts stay out."""
    from pathlib import Path

    from validator.commands.check import iter_inputs

    for name in ("a.json", "b.jsonc", "c.http", "d.rest", "e.json.j2", "f.json.tftpl", "g.md", "h.sh", "i.html.j2",
                 "j.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = sorted(Path(item.shown).name for item in iter_inputs([str(tmp_path)]))
    assert found == ["a.json", "b.jsonc", "c.http", "d.rest", "e.json.j2", "f.json.tftpl", "g.md"]


def test_the_results_cache_keeps_files_of_one_content_and_other_endings_apart(tmp_path):
    """helper-98: a `.json.j2` template checked after a byte-identical `.json` got the `.json`'s CE701 from the
    cache (and the other way round, the `.json` lost it): the ending decides how the bytes are read."""
    body = ('{"element": {"key": "sageone"}, "name": "{{ instance_name }}", "configuration": {"oauth.api.key": '
            '"{{ vault_key }}", "oauth.api.secret": "${S}", "signature.secret": "${T}", "apim.subscription.key": "${U}"}}')
    (tmp_path / "a.json").write_text(body, encoding="utf-8")
    (tmp_path / "a.json.j2").write_text(body, encoding="utf-8")
    env = {"CE_VALIDATOR_NO_CACHE": "", "CE_VALIDATOR_CACHE_DIR": str(tmp_path / "cache")}
    first = [run_cli("check", "--format", "concise", name, cwd=tmp_path, env=env).out
             for name in ("a.json", "a.json.j2", "a.json")]
    assert "CE701" in first[0] and "CE701" not in first[1] and first[2] == first[0], first


def test_timestamp_unit_option_on_the_command_line_and_in_the_configuration(tmp_path):
    """`${epoch}` against a field read as `timestamp`: CE414 under the default (epoch seconds), nothing once the
    command line or the configuration file says the field holds milliseconds."""
    body = tmp_path / "poller.json"
    body.write_text('{"invoices": {"url": "/hubs/payment/invoices?where=updated_at>${epoch}", "idField": "id", '
                    '"datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "timestamp", '
                    '"createdDateField": "created_at", "createdDateFormat": "timestamp"}}}')
    default = run_cli("check", "--format", "concise", str(body), cwd=tmp_path)
    assert default.code == 1 and "CE414" in default.out
    flagged = run_cli("check", "--format", "concise", "--timestamp-unit", "ms", str(body), cwd=tmp_path)
    assert flagged.code == 0 and "CE414" not in flagged.out
    (tmp_path / "pyproject.toml").write_text('[tool.ce-validator]\ntimestamp-unit = "ms"\n')
    configured = run_cli("check", "--format", "concise", str(body), cwd=tmp_path)
    assert configured.code == 0 and "CE414" not in configured.out
    assert "timestamp-unit" in run_cli("check", "--show-settings", str(body), cwd=tmp_path).out


def test_a_dangling_link_the_configuration_excludes_is_not_warned_of(tmp_path):
    """helper-122: `--exclude dangling.json .` (and `--show-settings`) still warned of the excluded dangling link."""
    (tmp_path / "inst").mkdir()
    (tmp_path / "inst" / "a.json").write_text('{"element": {"key": "x"}, "configuration": {}}', encoding="utf-8")
    (tmp_path / "inst" / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    said = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert "dangling.json: a link that leads to no file" in said.err, said
    for args in (["--exclude", "dangling.json"], ["--exclude", "inst/"], ["--show-settings"]):
        quiet = run_cli("check", "--no-cache", *args, ".", cwd=tmp_path)
        assert "dangling" not in quiet.err, (args, quiet)


def test_a_pattern_that_matched_nothing_says_the_shell_expands_patterns(tmp_path, capsys, monkeypatch):
    # bash passes a pattern that matches nothing as is; cmd and PowerShell never expand one
    (tmp_path / "pollers").mkdir()
    shutil.copy(EXAMPLES / "sageone-polling-fixed.json", tmp_path / "pollers" / "a.json")
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "check", "pollers/*.json")
    assert result.code == 2 and "Traceback" not in result.err
    assert "pollers/*.json: no such file or directory" in result.err
    assert "the shell" in result.err and "ce-validator check pollers" in result.err
    plain = run_main(capsys, "check", "nothing.json")
    assert plain.code == 2 and "shell" not in plain.err


def test_a_windows_path_on_a_posix_system_names_the_path_meant(tmp_path, capsys, monkeypatch):
    (tmp_path / "pollers").mkdir()
    shutil.copy(EXAMPLES / "sageone-polling-fixed.json", tmp_path / "pollers" / "a.json")
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "check", "pollers\\a.json")
    assert result.code == 2 and "Traceback" not in result.err
    assert "did you mean pollers/a.json?" in result.err


def test_a_rule_code_taken_for_a_path_says_how_to_list_codes(tmp_path, capsys, monkeypatch):
    # `--select CE6 CE4`: argparse takes CE4 for a path
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "check", "--select", "CE6", "ce4", str(EXAMPLES / "sageone-polling.json"))
    assert result.code == 2 and "Traceback" not in result.err
    assert "ce4: no such file or directory (a rule code? --select and --ignore take theirs comma-separated: --select CE6,CE4)" in result.err


def test_the_readme_quickstart_prints_what_the_readme_shows():
    """README.md's first command, and "What the first command prints", byte for byte (exit 1)."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"pip install -e \. && ce-validator (check [^\n]+)\n", readme).group(1)
    shown = re.search(r"What the first command prints:\n\n```text\n(.*?)```\n", readme, re.S).group(1)
    result = run_cli(*command.split())
    assert result.code == 1 and result.err == "", result
    assert result.out == shown


def test_a_folder_whose_files_gitignore_ignores_says_so(tmp_path, capsys, monkeypatch):
    """`check gen` with `gen/` in .gitignore said "no *.json files ... in this directory" of a folder holding some."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "gen").mkdir()
    shutil.copy(EXAMPLES / "sageone-polling.json", tmp_path / "gen" / "a.json")
    (tmp_path / ".gitignore").write_text("gen/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "check", "gen")
    assert result.code == 2 and "Traceback" not in result.err
    assert ("gen: every file to check in this directory is ignored by .gitignore (--no-respect-gitignore checks "
            "them)") in result.err, result
    assert run_main(capsys, "check", "--no-respect-gitignore", "gen").code == 1


@pytest.mark.parametrize("quote", ["″", "＂", "〝"])
def test_a_body_quoted_in_double_primes_or_full_width_quotes_is_read_around_and_its_secret_masked(tmp_path, quote):
    """helper-189: a key and its value between double primes or full-width quotes (a CJK input method's `＂`) were
    CE001 at the first alone, the body went unread, and the excerpt showed the password: no mask knew the quote."""
    file = tmp_path / "pasted.json"
    file.write_text('{\n  "element": {"key": "sfdc"},\n  "configuration": {\n'
                    f'    {quote}password{quote}: {quote}Qz7rT9pL2mX4vB8n{quote},\n    "a": 1\n  }}\n}}\n')
    result = run_cli("check", "--no-cache", str(file))
    assert "Qz7rT9pL2mX4vB8n" not in result.out + result.err, result
    assert result.out.count("CE004 typographic") == 2 and "CE001" not in result.out, result
    fixed = run_cli("check", "--no-cache", "--fix", str(file))
    assert "Qz7rT9pL2mX4vB8n" not in fixed.out + fixed.err, fixed
    assert json.loads(file.read_text())["configuration"]["password"] == "Qz7rT9pL2mX4vB8n"
