"""Adopting the tool in CI: baseline, outputs, options, report paths, stale ignores, the hook and packaging."""

from __future__ import annotations

import json
import os
import re
import shutil
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from clirun import ROOT, run_cli

from validator.findings import Finding
from validator.reporters import FileReport, get_reporter

EXAMPLES = ROOT / "examples"
XSD = Path(__file__).resolve().parent / "schemas" / "junit.xsd"

# Two CE618 findings with one message in one value: the same rule, path, pointer and message twice.
TWO_IN_ONE_VALUE = """{
  "contacts": {
    "url": "/hubs/crm/contacts?where=name=&apos;x&apos; and lastModified>='${date:yyyy-MM-dd}'",
    "idField": "id",
    "datesConfiguration": {"updatedDateField": "lastModified", "updatedDateFormat": "yyyy-MM-dd"}
  }
}
"""
# A poller entry without idField: a warning (CE107), an error only under --strict.
WARNING_ONLY = """{
  "contacts": {
    "url": "/hubs/crm/contacts?where=lastModified>='${date:yyyy-MM-dd}'",
    "datesConfiguration": {"updatedDateField": "lastModified", "updatedDateFormat": "yyyy-MM-dd"}
  }
}
"""


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "instances").mkdir(parents=True)
    shutil.copy(EXAMPLES / "sageone-polling.json", repo / "instances" / "sage.json")
    (repo / "pollers").mkdir()
    (repo / "pollers" / "two.json").write_text(TWO_IN_ONE_VALUE, encoding="utf-8")
    return repo


def _concise(result) -> list[str]:
    return [line for line in result.out.splitlines() if re.match(r"^\S+:\d+:\d+: CE\d{3} ", line)]


# -- baseline ------------------------------------------------------------------------------------------------------
def test_baseline_hides_old_findings_after_lines_move_and_reports_a_new_one(tmp_path):
    repo = _repo(tmp_path)
    before = len(_concise(run_cli("check", "--format", "concise", ".", cwd=repo)))
    assert before >= 3  # the example's CE620 and two CE618 in one value, at least
    recorded = run_cli("check", "--update-baseline", "--baseline", "ce-baseline.json", ".", cwd=repo)
    assert recorded.code == 0, recorded
    assert re.search(rf"recorded {before} findings in ce-baseline\.json", recorded.err), recorded.err
    again = run_cli("check", "--format", "concise", "--baseline", "ce-baseline.json", ".", cwd=repo)
    assert again.code == 0 and _concise(again) == [], again
    assert f"{before} findings hidden by the baseline" in again.err

    # Lines move (a key added at the top, the poller re-indented) and a new mistake appears.
    sage = repo / "instances" / "sage.json"
    body = json.loads(sage.read_text(encoding="utf-8"))
    body = {"name": "moved down", **body}
    body["configuration"]["event.poller.refresh_interval"] = "fifteen"  # the new mistake
    sage.write_text("\n\n" + json.dumps(body, indent=4), encoding="utf-8")
    poller = repo / "pollers" / "two.json"
    poller.write_text("\n" * 5 + TWO_IN_ONE_VALUE.replace("\n", "\n  "), encoding="utf-8")
    moved = run_cli("check", "--format", "concise", "--baseline", "ce-baseline.json", ".", cwd=repo)
    lines = _concise(moved)
    assert moved.code == 1, moved
    assert len(lines) == 1 and re.match(r"instances/sage\.json:\d+:\d+: CE\d{3} \[error\] .*refresh_interval",
                                        lines[0]), moved.out
    assert "skipped" not in moved.out  # the baseline file itself is not checked


def test_a_page_s_baseline_holds_when_lines_are_added_above_its_block(tmp_path):
    """A page finding's pointer names its block's line (`/L7/...`): the baseline matches it without the line, also
    one recorded before (a user's trial: two findings came back after two lines were added at the top)."""
    page = tmp_path / "events.md"
    block = "```json\n" + TWO_IN_ONE_VALUE + "```\n"
    page.write_text("# Events\n\nThe poller:\n\n" + block, encoding="utf-8")
    assert run_cli("check", "--update-baseline", "--baseline", "b.json", "events.md", cwd=tmp_path).code == 0
    recorded = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert recorded and all(entry["pointer"].startswith("/L*") for entry in recorded), recorded
    for entry in recorded:  # as an earlier version recorded it: with the block's line
        entry["pointer"] = entry["pointer"].replace("/L*", "/L5", 1)
    (tmp_path / "b.json").write_text(json.dumps({"version": 1, "findings": recorded}), encoding="utf-8")
    page.write_text("# Events\n\nTwo new lines.\n\nAbove the block.\n\nThe poller:\n\n" + block, encoding="utf-8")
    again = run_cli("check", "--format", "concise", "--baseline", "b.json", "events.md", cwd=tmp_path)
    assert again.code == 0 and _concise(again) == [], again


def test_a_json_key_shaped_like_a_block_line_keeps_its_pointer(tmp_path):
    """A review (helper-63): only a page's pointers lose their block's line; `{"L12": ...}` in a .json file is a key."""
    from validator.baseline import Baseline

    baseline = Baseline(file=tmp_path / "b.json")
    finding = Finding(rule="CE101", severity="warning", message="m", path=str(tmp_path / "a.json"), pointer="/L12/x",
                      line=1, column=1, end_line=1, end_column=2)
    assert baseline.key(finding)[2] == "/L12/x"
    from dataclasses import replace

    assert baseline.key(replace(finding, path=str(tmp_path / "a.md")))[2] == "/L*/x"


def test_baseline_respects_counts(tmp_path):
    repo = _repo(tmp_path)
    poller = repo / "pollers" / "two.json"
    poller.write_text(TWO_IN_ONE_VALUE.replace("&apos;x&apos;", "x&apos;"), encoding="utf-8")  # one CE618
    assert run_cli("check", "--update-baseline", "--baseline", "b.json", "pollers", cwd=repo).code == 0
    entries = json.loads((repo / "b.json").read_text())["findings"]
    assert [(e["rule"], e["count"]) for e in entries if e["rule"] == "CE618"] == [("CE618", 1)]
    poller.write_text(TWO_IN_ONE_VALUE, encoding="utf-8")  # now two identical CE618 in one value
    result = run_cli("check", "--format", "concise", "--baseline", "b.json", "pollers", cwd=repo)
    assert [line.split(": ")[1].split()[0] for line in _concise(result)] == ["CE618"], result.out
    assert result.code == 1


def test_baseline_stores_no_secret_and_no_message(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    secret = "s3cr3t-Value-42-x9Q"
    (repo / "body.json").write_text(json.dumps({
        "element": {"key": "sageone"},
        "configuration": {"oauth.api.key": "id", "oauth.api.secret": secret,
                          "event.poller.refresh_interval": "fifteen"}}, indent=2), encoding="utf-8")
    assert run_cli("check", "--update-baseline", "--baseline", "base/line.json", "body.json", cwd=repo).code == 0
    text = (repo / "base" / "line.json").read_text(encoding="utf-8")
    assert secret not in text and "fifteen" not in text
    data = json.loads(text)
    assert data["version"] == 1 and data["findings"]
    assert all(set(e) == {"path", "rule", "pointer", "digest", "count"} for e in data["findings"])
    assert {e["path"] for e in data["findings"]} == {"../body.json"}  # relative to the baseline's folder


def test_baseline_errors_exit_2(tmp_path):
    missing = run_cli("check", "--baseline", str(tmp_path / "none.json"), "examples/sageone-polling.json")
    assert missing.code == 2 and "no such baseline file" in missing.err
    (tmp_path / "bad.json").write_text('{"version": 7}')
    bad = run_cli("check", "--baseline", str(tmp_path / "bad.json"), "examples/sageone-polling.json")
    assert bad.code == 2 and "not a ce-validator baseline" in bad.err
    alone = run_cli("check", "--update-baseline", "examples/sageone-polling.json")
    assert alone.code == 2 and "--baseline FILE" in alone.err


@pytest.mark.parametrize("count", ["true", "2.0", '"1"', "0"])
def test_a_baseline_count_that_is_no_whole_number_is_malformed(tmp_path, count):
    """helper-203: `"count": true` was read as 1 (a bool is an int in Python), where `"count": "many"` is malformed."""
    from validator.baseline import BaselineError, load

    (tmp_path / "b.json").write_text('{"version": 1, "findings": [{"path": "a.json", "rule": "CE105", "pointer": '
                                     f'"/configuration", "digest": "dee3f9031ae608a2", "count": {count}}}]}}')
    with pytest.raises(BaselineError, match="malformed entry"):
        load(tmp_path / "b.json")


# -- outputs and options -------------------------------------------------------------------------------------------
def test_several_outputs_in_one_run(tmp_path):
    repo = _repo(tmp_path)
    result = run_cli("check", "--output-format", "concise", "--output-format", "junit:reports/junit.xml",
                     "--output-format", "gitlab:gl-code-quality-report.json", "--format", "sarif:ce.sarif", ".",
                     cwd=repo)
    assert result.code == 1, result
    shown = len(_concise(result))
    assert shown == len(_concise(run_cli("check", "--format", "concise", ".", cwd=repo))) >= 3
    assert ET.parse(repo / "reports" / "junit.xml").getroot().tag == "testsuites"
    assert len(json.loads((repo / "gl-code-quality-report.json").read_text())) == shown
    assert json.loads((repo / "ce.sarif").read_text())["version"] == "2.1.0"
    to_file = run_cli("check", "--format", "json", "-o", "out/r.json", ".", cwd=repo)
    assert to_file.out == "" and json.loads((repo / "out" / "r.json").read_text())["summary"]["error"] == 3


@pytest.mark.parametrize("args, message", [
    (["--output-format", "text", "--output-format", "json"], "only one format can go to standard output"),
    (["--output-format", "yaml"], "unknown format 'yaml'"),
    (["--output-format", "junit:"], "give a file after the colon"),
    (["--output-format", "junit:a.xml", "--output-format", "gitlab:a.xml"], "two reports"),
    (["--output-format", "junit:a.xml", "-o", "b.xml"], "every format already names its file"),
    (["--output-format", "text", "--output-format", "sarif:-"], "only one format can go to standard output"),
    (["--root", "no/such/dir"], "not a directory"),
])
def test_bad_output_options_exit_2(tmp_path, args, message):
    result = run_cli("check", *args, str(EXAMPLES / "sageone-polling.json"), cwd=tmp_path)
    assert result.code == 2 and message in result.err, result


def test_a_report_to_dash_goes_to_standard_output(tmp_path):
    """helper-161: `--format sarif:-` and `-o -` wrote a file named `-` and printed nothing (PATH `-` is stdin)."""
    repo = _repo(tmp_path)
    for args in (["--format", "sarif:-"], ["--format", "sarif", "-o", "-"],
                 ["--format", "sarif:-", "--format", "junit:reports/junit.xml"]):
        result = run_cli("check", *args, ".", cwd=repo)
        assert result.code == 1 and json.loads(result.out)["version"] == "2.1.0", (args, result)
        assert not (repo / "-").exists(), args


def test_exit_zero_quiet_and_statistics(tmp_path):
    repo = _repo(tmp_path)
    (repo / "package.json").write_text('{"name": "web"}')
    zero = run_cli("check", "--exit-zero", ".", cwd=repo)
    assert zero.code == 0 and "Found 3 errors" in zero.out
    quiet = run_cli("check", "-q", "--format", "concise", ".", cwd=repo)
    assert quiet.code == 1 and quiet.out.splitlines() == _concise(quiet) and len(_concise(quiet)) >= 3
    stats = run_cli("check", "--statistics", ".", cwd=repo)
    assert stats.code == 1
    assert stats.out.splitlines()[0].split() == ["2", "CE618", "error", "url-html-entity"] or \
        stats.out.splitlines()[0].split()[:3] == ["2", "CE618", "error"], stats.out
    as_json = json.loads(run_cli("check", "--statistics", "--format", "json", ".", cwd=repo).out)
    assert {row["code"]: row["count"] for row in as_json}["CE618"] == 2
    for mode in ("--diff", "--fix"):  # a trial: `-q --fix` still said "fixed 0 finding(s)" on stderr
        assert run_cli("check", "-q", mode, "--format", "concise", ".", cwd=repo).err == "", mode


def test_show_settings(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ce-validator]\nstrict = true\nexclude = ["old/"]\n')
    (tmp_path / "a.json").write_text("{}")
    result = run_cli("check", "--show-settings", "--extend-exclude", "gen/", "--format", "junit:j.xml", "a.json",
                     cwd=tmp_path)
    assert result.code == 0, result
    settings = dict(line.split(" = ", 1) for line in result.out.splitlines())
    assert settings["strict"] == "true" and settings["exclude"] == '["old/"]'
    assert settings["extend-exclude"] == '["gen/"]' and settings["output"] == '["junit:j.xml"]'
    assert settings["config-file"].endswith('pyproject.toml"')


def test_exclude_and_extend_exclude(tmp_path):
    repo = _repo(tmp_path)
    (repo / ".ce-validator.toml").write_text('exclude = ["instances/"]\n')
    kept = _concise(run_cli("check", "--format", "concise", ".", cwd=repo))
    assert kept and all(line.startswith("pollers/") for line in kept)
    replaced = _concise(run_cli("check", "--format", "concise", "--exclude", "pollers/", ".", cwd=repo))
    assert replaced and all(line.startswith("instances/") for line in replaced)
    both = run_cli("check", "--format", "concise", "--extend-exclude", "two.json", ".", cwd=repo)
    assert both.code == 0 and _concise(both) == []


def test_gitignore_is_respected_in_directory_walks(tmp_path):
    repo = _repo(tmp_path)
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("pollers/\n")
    (repo / "instances" / ".gitignore").write_text("*.json\n!keep.json\n")
    shutil.copy(repo / "instances" / "sage.json", repo / "instances" / "keep.json")
    walked = run_cli("check", "--format", "concise", ".", cwd=repo)
    assert {line.split(":")[0] for line in _concise(walked)} == {"instances/keep.json"}, walked.out
    named = run_cli("check", "--format", "concise", "pollers/two.json", cwd=repo)  # named files are checked
    assert named.code == 1 and _concise(named)
    everything = run_cli("check", "--format", "concise", "--no-respect-gitignore", ".", cwd=repo)
    assert {line.split(":")[0] for line in _concise(everything)} == {
        "instances/keep.json", "instances/sage.json", "pollers/two.json"}


def test_gitignore_of_a_parent_folder_applies_inside_the_repository(tmp_path):
    from validator.gitignore import GitIgnore

    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n*.tmp.json\n")
    sub = tmp_path / "a"
    sub.mkdir()
    ignore = GitIgnore.for_walk(sub)
    assert ignore.ignores(sub / "x.tmp.json") and ignore.ignores(sub / "generated", is_dir=True)
    assert not ignore.ignores(sub / "x.json")


def test_encode_values_is_accepted_by_check():
    result = run_cli("check", "--encode-values", "examples/sageone-polling-fixed.json")
    assert result.code == 0, result


def test_config_reads_the_tool_table_of_any_toml_file(tmp_path):
    (tmp_path / "ci-settings.toml").write_text('[tool.ce-validator]\nignore = ["CE6"]\n[tool.other]\nx = 1\n')
    shutil.copy(EXAMPLES / "sageone-polling.json", tmp_path / "a.json")
    result = run_cli("check", "--config", "ci-settings.toml", "a.json", cwd=tmp_path)
    assert result.code == 0, result
    (tmp_path / "other.toml").write_text('[tool.black]\nline-length = 1\n')
    missing = run_cli("check", "--config", "other.toml", "a.json", cwd=tmp_path)
    assert missing.code == 2 and "no [tool.ce-validator] table" in missing.err


# -- reports -------------------------------------------------------------------------------------------------------
def _xsd():
    xmlschema = pytest.importorskip("xmlschema", reason="xmlschema is in the [test] extra")
    return xmlschema.XMLSchema(str(XSD))


def test_junit_validates_against_the_xsd_and_fails_warnings_under_strict(tmp_path):
    schema = _xsd()
    (tmp_path / "warn.json").write_text(WARNING_ONLY, encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "web"}')
    plain = run_cli("check", "--format", "junit", ".", cwd=tmp_path)
    strict = run_cli("check", "--strict", "--format", "junit", ".", cwd=tmp_path)
    assert plain.code == 0 and strict.code == 1
    for result in (plain, strict):
        schema.validate(result.out)  # raises on any departure from the schema
    assert ET.fromstring(plain.out).find("testsuite").get("failures") == "0"
    suite = ET.fromstring(strict.out).find("testsuite")
    assert suite.get("failures") == "1" and suite.get("skipped") == "1"
    (failure,) = suite.iter("failure")
    assert failure.get("type") == "CE107" and "[warning]" in failure.text
    # a severity override makes the run fail too: the finding is then an error and a failure
    (tmp_path / ".ce-validator.toml").write_text('[severity]\nCE107 = "error"\n')
    overridden = run_cli("check", "--format", "junit", ".", cwd=tmp_path)
    assert overridden.code == 1 and ET.fromstring(overridden.out).find("testsuite").get("failures") == "1"


def test_the_junit_xsd_can_fail():
    schema = _xsd()
    assert not schema.is_valid('<testsuites><testsuite name="x" tests="1"><testcase name="a" bogus="1"/>'
                               '</testsuite></testsuites>')
    assert not schema.is_valid('<testsuites><testsuite name="x"/></testsuites>')  # tests is required


def _two_in_one_value() -> tuple[list[Finding], list[FileReport]]:
    from validator import check

    findings = check(TWO_IN_ONE_VALUE, path="pollers/two.json")
    same = [f for f in findings if f.rule == "CE618"]
    assert len(same) == 2 and same[0].message == same[1].message and same[0].pointer == same[1].pointer
    return findings, [FileReport.from_text("pollers/two.json", TWO_IN_ONE_VALUE)]


def test_fingerprints_are_unique_for_two_findings_in_one_value():
    findings, files = _two_in_one_value()
    issues = json.loads(get_reporter("gitlab").render(findings, files=files, tool_version="0"))
    assert len({i["fingerprint"] for i in issues}) == len(issues) == len(findings)
    sarif = json.loads(get_reporter("sarif").render(findings, files=files, tool_version="0"))
    prints = [r["partialFingerprints"]["ceValidator/v1"] for r in sarif["runs"][0]["results"]]
    assert len(set(prints)) == len(prints) == len(findings)
    # and stable when lines move
    moved = "\n\n\n" + TWO_IN_ONE_VALUE
    from validator import check

    again = json.loads(get_reporter("gitlab").render(check(moved, path="pollers/two.json"), tool_version="0",
                                                     files=[FileReport.from_text("pollers/two.json", moved)]))
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


def test_report_paths_are_relative_to_the_repository_root(tmp_path):
    repo = _repo(tmp_path)
    sub = repo / "pollers"
    github = run_cli("check", "--format", "github", "two.json", cwd=sub, env={"GITHUB_WORKSPACE": str(repo)})
    assert all("file=pollers/two.json," in line for line in github.out.splitlines()), github.out
    gitlab = run_cli("check", "--format", "gitlab", "two.json", cwd=sub, env={"CI_PROJECT_DIR": str(repo)})
    assert {i["location"]["path"] for i in json.loads(gitlab.out)} == {"pollers/two.json"}
    junit = run_cli("check", "--format", "junit", "--root", "..", "two.json", cwd=sub)
    assert ET.fromstring(junit.out).find("testsuite/testcase").get("file") == "pollers/two.json"
    sarif = run_cli("check", "--format", "sarif", "--root", str(repo), str(sub / "two.json"), cwd=tmp_path)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(sarif.out)["runs"][0]["results"]}
    assert uris == {"pollers/two.json"}


def test_a_file_named_from_a_folder_outside_the_root_is_not_placed_in_the_root(tmp_path):
    """helper-175: a job in a folder outside the workspace (`--root`, `$GITHUB_WORKSPACE`) checking `two.json` wrote a
    SARIF result at `two.json` under `%SRCROOT%`: code scanning placed it on another file of the repository, or on
    none. A file outside the root is its absolute `file:` URI, as when named by its absolute path."""
    repo = _repo(tmp_path)
    outside = tmp_path / "build"
    outside.mkdir()
    shutil.copy(repo / "pollers" / "two.json", outside / "two.json")
    for named in ("two.json", "./two.json", str(outside / "two.json")):
        result = run_cli("check", "--no-cache", "--root", str(repo), "--format", "sarif", named, cwd=outside)
        assert result.code == 1, result
        results = json.loads(result.out)["runs"][0]["results"]
        assert {json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"]) for r in results} == {
            json.dumps({"uri": (outside / "two.json").as_uri()})}, named
    # a file under the root named from a folder outside it is placed under the root (it was `../repo/pollers/two.json`)
    for fmt in ("gitlab", "sarif"):
        result = run_cli("check", "--no-cache", "--root", str(repo), "--format", fmt, "../repo/pollers/two.json",
                         cwd=outside)
        document = json.loads(result.out)
        paths = ({i["location"]["path"] for i in document} if fmt == "gitlab" else
                 {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]})
        assert paths == {"pollers/two.json"}, (fmt, paths)
    # from a folder inside the root, a name going out of it is no path under the root either
    result = run_cli("check", "--no-cache", "--root", str(repo / "pollers"), "--format", "sarif", "../instances/sage.json",
                     cwd=repo / "pollers")
    location = json.loads(result.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (repo / "instances" / "sage.json").as_uri()}


def test_github_annotations_drop_columns_on_multi_line_ranges():
    multi = Finding("CE301", "error", "m", "a.json", "/x", 5, 25, 8, 3)
    single = Finding("CE402", "warning", "m", "a.json", "/y", 7, 26, 7, 30)
    out = get_reporter("github").render([multi, single], tool_version="0").splitlines()
    assert out[0].startswith("::error file=a.json,line=5,endLine=8,title=CE301::"), out[0]
    assert out[1].startswith("::warning file=a.json,line=7,col=26,endLine=7,endColumn=29,"), out[1]


# -- suppression ---------------------------------------------------------------------------------------------------
def test_text_output_shows_the_ignore_entry_and_it_works(tmp_path):
    shutil.copy(EXAMPLES / "sageone-polling.json", tmp_path / "sage.json")
    result = run_cli("check", "sage.json", cwd=tmp_path)
    (entry,) = re.findall(r'^\s*= to ignore: (".*")$', result.out, re.MULTILINE)
    (tmp_path / "pyproject.toml").write_text(f"[tool.ce-validator]\nignore = [{entry}]\n")
    silenced = run_cli("check", "sage.json", cwd=tmp_path)
    assert silenced.code == 0 and "No problems found" in silenced.out and silenced.err == "", silenced


def test_stale_ignores_are_reported(tmp_path):
    shutil.copy(EXAMPLES / "sageone-polling.json", tmp_path / "sage.json")
    shutil.copy(EXAMPLES / "sageone-polling-fixed.json", tmp_path / "fixed.json")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.ce-validator]\n"
        "select = [\"CE\"]\n"
        "ignore = [\n"
        "  \"CE991\",\n"
        "  \"sage.json#/configuration/nowhere:CE620\",\n"
        "  \"fixed.json#/configuration:CE99\",\n"
        "  \"other.json#/configuration:CE620\",\n"
        "]\n")
    result = run_cli("check", "sage.json", "fixed.json", cwd=tmp_path)
    warnings = [line for line in result.err.splitlines() if "warning:" in line]
    assert result.code == 1
    assert any("pyproject.toml:3: ignore: no rule has the code 'CE991'" in w for w in warnings), warnings
    # each pointer ignore at its own line of the list (they all said line 3, the list's first)
    assert any("pyproject.toml:5: ignore: 'sage.json#/configuration/nowhere:CE620' hid no finding" in w
               for w in warnings), warnings
    assert any("pyproject.toml:6: ignore: 'fixed.json#/configuration:CE99': no rule has the code 'CE99'" in w
               for w in warnings), warnings
    assert not any("other.json" in w for w in warnings), warnings  # its file was not checked: not judged
    assert len(warnings) == 3
    assert run_cli("check", "-q", "sage.json", cwd=tmp_path).err == ""


# -- the hook ------------------------------------------------------------------------------------------------------
def test_hook_runs_serially():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^\s*require_serial: true$", text, re.MULTILINE)


def test_usage_says_pre_commit_may_split_a_run():
    """helper-161: usage.md said `require_serial` gives one process and one summary; pre-commit still splits a long
    list of files (128 KiB of names on POSIX: 3,000 files with `--all-files` made two runs, two summaries), and
    a `--format FORMAT:FILE` in the hook's args would be written over by each run."""
    text = " ".join((ROOT / "docs" / "usage.md").read_text(encoding="utf-8").split())
    assert "so there is one summary" not in text
    assert "into several runs" in text and "`--format FORMAT:FILE`" in text


def test_large_json_without_cloud_elements_keys_is_skipped_unparsed(tmp_path, monkeypatch):
    from validator import check_runner, kinds, source

    packages = {f"node_modules/pkg-{i}": {"version": "1.0.0", "resolved": f"https://r.example/pkg-{i}.tgz",
                                          "funding": {"url": "https://example.org"}} for i in range(12000)}
    lock = json.dumps({"name": "web", "lockfileVersion": 3, "packages": packages}, indent=2).encode()
    assert len(lock) > kinds.LARGE_FILE
    assert kinds.clearly_not_cloud_elements(lock)

    def no_parse(*args, **kwargs):
        raise AssertionError("the large file was parsed")

    monkeypatch.setattr(source, "load_source", no_parse)
    findings, report = check_runner._check_one(lock, "package-lock.json", "auto", None, {}, None)
    assert [f.rule for f in findings] == ["CE090"]
    assert report(findings, True).skipped is not None


@pytest.mark.parametrize("extra", [
    {"configuration": {"event.vendor.type": "polling"}},  # an instance body
    {"oauth.api.key": "x"},  # a configuration object
    {"contacts": {"url": "/x", "idField": "id"}},  # a poller
])
def test_large_cloud_elements_files_are_still_parsed(extra):
    from validator import kinds

    padding = {f"k{i}": "v" * 40 for i in range(30000)}
    data = json.dumps({**extra, "notes": padding}).encode()
    assert len(data) > kinds.LARGE_FILE and not kinds.clearly_not_cloud_elements(data)
    assert not kinds.clearly_not_cloud_elements(b"{" + b" " * kinds.LARGE_FILE + b"element: 1")  # JS literal
    assert not kinds.clearly_not_cloud_elements(b'{"a": 1}')  # small files are always parsed


# -- packaging -----------------------------------------------------------------------------------------------------
def test_packaging_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert any(c.startswith("Programming Language :: Python :: 3.11") for c in project["classifiers"])
    assert {"Homepage", "Documentation", "Issues"} <= set(project["urls"])
    assert any(dep.startswith("pathspec") for dep in project["dependencies"])


def test_readme_links_work_on_the_package_index():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert links and all(re.match(r"https?://", link) for link in links), links
    assert "git+https://" in readme  # the install that works without the package index


def test_action_is_a_composite_action(tmp_path):
    yaml = pytest.importorskip("yaml", reason="PyYAML reads action.yml")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert "uses" in step or step.get("shell") == "bash"
        assert "${{ inputs." not in step.get("run", "")  # inputs go through env, never into the script
    assert {"paths", "args"} <= set(action["inputs"])


@pytest.mark.parametrize(("paths", "expected"), [
    ("instances pollers/*.json", ["instances", "pollers/a.json", "pollers/b.json"]),
    # an adoption trial (helper-136): a path with a space could not be named; one a line, it can
    ("my instances\n  pollers/*.json  \n\nnothing/*.json\n", ["my instances", "pollers/a.json", "pollers/b.json",
                                                                "nothing/*.json"]),
])
def test_the_action_passes_each_path_as_written(paths, expected, tmp_path):
    import subprocess

    yaml = pytest.importorskip("yaml", reason="PyYAML reads action.yml")
    bash = shutil.which("bash") or pytest.skip("no bash")
    (run,) = [step["run"] for step in yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]
              if "ce-validator\" check" in step.get("run", "")]
    (tmp_path / "bin").mkdir()
    tool = tmp_path / "bin" / "ce-validator"
    tool.write_text('#!/bin/sh\nfor a in "$@"; do printf \'%s\\n\' "$a"; done\n', encoding="utf-8")
    tool.chmod(0o755)
    (tmp_path / "my instances").mkdir()
    (tmp_path / "pollers").mkdir()
    for name in ("a.json", "b.json"):
        (tmp_path / "pollers" / name).write_text("{}", encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "CE_VALIDATOR_BIN": str(tmp_path / "bin"), "GITHUB_WORKSPACE": "/ws",
           "INPUT_ARGS": "--strict\n--baseline b.json\n", "INPUT_PATHS": paths}  # (a review, helper-137: `args: |`)
    out = subprocess.run([bash, "-c", run], cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["check", "--root", "/ws", "--strict", "--baseline", "b.json", *expected]


def test_updating_the_baseline_on_some_files_keeps_the_others_and_records_no_skip_note(tmp_path):
    """helper-96: `--update-baseline` on one file rewrote the baseline with that file's findings alone (77 others
    dropped without a word), and a skipped file's CE090 note was recorded as a finding."""
    broken = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "%s"}}'
    (tmp_path / "a.json").write_text(broken % "ten", encoding="utf-8")
    (tmp_path / "b.json").write_text(broken % "five", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "tooling", "version": "1.0.0"}', encoding="utf-8")
    assert run_cli("check", "--update-baseline", "--baseline", "base.json", ".", cwd=tmp_path).code == 0
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert {entry["path"] for entry in recorded} == {"a.json", "b.json"}  # (no CE090 for package.json)
    (tmp_path / "a.json").write_text(broken % "15", encoding="utf-8")  # a.json mended: its entries go
    assert run_cli("check", "--update-baseline", "--baseline", "base.json", "a.json", cwd=tmp_path).code == 0
    kept = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert {(entry["path"], entry["rule"]) for entry in kept if entry["rule"] == "CE206"} == {("b.json", "CE206")}
    assert [entry for entry in kept if entry["path"] == "b.json"] == [e for e in recorded if e["path"] == "b.json"]
    assert run_cli("check", "--baseline", "base.json", ".", cwd=tmp_path).code == 0


def test_a_junit_test_case_is_named_by_its_path_from_the_root_wherever_the_job_runs(tmp_path):
    """helper-96: run from `pollers/`, the test case was named `pardot.poller.json` while its `file` said
    `pollers/pardot.poller.json`: a CI's test history, keyed by the name, split by the folder a job ran in."""
    (tmp_path / "pollers").mkdir()
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    (tmp_path / "pollers" / "sage.json").write_text(body, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    for cwd, target in ((tmp_path, "pollers/sage.json"), (tmp_path / "pollers", "sage.json")):
        run_cli("check", "--root", str(tmp_path), "--output-format", f"junit:{tmp_path / 'j.xml'}", target, cwd=cwd)
        case = ET.parse(tmp_path / "j.xml").getroot().find(".//testcase")
        assert case is not None and (case.get("name"), case.get("file")) == ("pollers/sage.json", "pollers/sage.json")


def test_updating_the_baseline_drops_a_deleted_file_and_an_old_baseline_s_skip_notes(tmp_path):
    """helper-97: a deleted file's entries were kept by a full update (a new file of its name then inherited them), and
    a baseline recorded by an earlier version, with CE090 entries, said "1 recorded finding is gone" on every run."""
    broken = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    (tmp_path / "a.json").write_text(broken, encoding="utf-8")
    (tmp_path / "b.json").write_text(broken, encoding="utf-8")
    assert run_cli("check", "--update-baseline", "--baseline", "base.json", ".", cwd=tmp_path).code == 0
    (tmp_path / "b.json").unlink()
    assert run_cli("check", "--update-baseline", "--baseline", "base.json", ".", cwd=tmp_path).code == 0
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in recorded["findings"]} == {"a.json"}
    recorded["findings"].append({"path": "package.json", "rule": "CE090", "pointer": "", "digest": "0" * 16,
                                 "count": 1})
    (tmp_path / "base.json").write_text(json.dumps(recorded), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "tooling"}', encoding="utf-8")
    result = run_cli("check", "--baseline", "base.json", ".", cwd=tmp_path)
    assert result.code == 0 and "gone" not in result.err, result.err


def test_a_page_s_fingerprints_survive_lines_added_above_its_block(tmp_path):
    """helper-122: a line added above a page's code block changed every GitLab and SARIF fingerprint of its findings
    (their pointers start with the block's line, `/L5`), where a `.json` file's survive line moves."""
    body = ('```json\n{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.configuration": '
            '{"c": {"url": "/hubs/x/c?where=a>\'${gmtDate:YYYY-MM-dd}", "idField": "id"}}}}\n```\n')
    page = tmp_path / "events.md"
    printed = {}
    for lines in ("# Events\n\n", "# Events\n\nOne more line of prose.\n\n"):
        page.write_text(lines + body, encoding="utf-8")
        gitlab = json.loads(run_cli("check", "--format", "gitlab", "events.md", cwd=tmp_path).out)
        sarif = json.loads(run_cli("check", "--format", "sarif", "events.md", cwd=tmp_path).out)
        printed[lines] = ([i["fingerprint"] for i in gitlab],
                          [r["partialFingerprints"] for r in sarif["runs"][0]["results"]])
    first, second = printed.values()
    assert first[0] and first == second


def test_pasting_every_printed_ignore_entry_warns_of_none(tmp_path):
    # the text output prints an entry for a key's placeholder and one for each placeholder of its value; the key's
    # entry covers the value too, which made the value's entries "hid no finding" (twice: it is printed twice)
    (tmp_path / "body.json").write_text(
        '{"element": {"key": "sageone"}, "configuration": {"event.poller.configuration": {\n'
        '  "{{page.pollObject}}": {"url": "/hubs/crm/{{page.pollObject}}?x={{page.other}}", "idField": "id"}}}}\n')
    printed = run_cli("check", "--no-cache", "body.json", cwd=tmp_path).out
    entries = re.findall(r"= to ignore: (\".*\")", printed)
    assert '"body.json#/configuration/event.poller.configuration/{{page.pollObject}}:CE701"' in entries, printed
    assert len(entries) > len(set(entries)), printed
    (tmp_path / "pyproject.toml").write_text("[tool.ce-validator]\nignore = [\n" + "".join(
        f"  {entry},\n" for entry in entries) + "]\n")
    result = run_cli("check", "--no-cache", "body.json", cwd=tmp_path)
    assert result.code == 0 and "CE701" not in result.out, result.out
    assert "warning" not in result.err, result.err
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ce-validator]\nignore = ["body.json#/nowhere:CE701", "body.json#/nowhere:CE701"]\n')
    warnings = run_cli("check", "--no-cache", "body.json", cwd=tmp_path).err.count("hid no finding")
    assert warnings == 1  # an entry written twice is one mistake


def test_a_file_moved_or_renamed_since_the_baseline_keeps_its_entries(tmp_path):
    """An adoption trial (helper-145): `git mv instances/sage.json instances/prod/sage-one.json` brought back every
    finding of the file as new, failing the build that adopted the tool on its old findings."""
    repo = _repo(tmp_path)
    placeholders = ('{"element": {"key": "<KEY>"}, "configuration": {"oauth.api.key": "<API_KEY>", '
                    '"oauth.api.secret": "<API_SECRET>", "event.poller.refresh_interval": "<minutes>"}, "name": "<N>"}')
    (repo / "instances" / "template.json").write_text(placeholders, encoding="utf-8")
    assert run_cli("check", "--update-baseline", "--baseline", "ce-baseline.json", ".", cwd=repo).code == 0
    (repo / "instances" / "prod").mkdir()
    (repo / "instances" / "sage.json").rename(repo / "instances" / "prod" / "sage-one.json")
    moved = run_cli("check", "--format", "concise", "--baseline", "ce-baseline.json", ".", cwd=repo)
    assert moved.code == 0 and _concise(moved) == [], moved
    assert "gone" not in moved.err, moved.err

    # A new file that shares one finding with a deleted one is no move: its findings are new
    (repo / "instances" / "template.json").unlink()
    (repo / "instances" / "new.json").write_text(
        '{"element": {"key": "<KEY>"}, "configuration": {"event.poller.refresh_interval": "fifteen", '
        '"event.notification.callback.url": "https;//x.example"}, "name": "new"}', encoding="utf-8")
    new = run_cli("check", "--format", "concise", "--baseline", "ce-baseline.json", ".", cwd=repo)
    assert new.code == 1 and any("new.json" in line and "<KEY>" in line for line in _concise(new)), new.out

    # Standard input is no file moved, even holding a deleted file's text (helper-146)
    text = (repo / "instances" / "prod" / "sage-one.json").read_bytes()
    (repo / "instances" / "prod" / "sage-one.json").unlink()
    piped = run_cli("check", "--format", "concise", "--baseline", "ce-baseline.json", "-", cwd=repo, stdin=text)
    assert piped.code == 1 and _concise(piped), piped.out
    (repo / "instances" / "prod" / "sage-one.json").write_bytes(text)

    # Recorded again, the moved file's entries are under its new name, the deleted file's dropped
    assert run_cli("check", "--update-baseline", "--baseline", "ce-baseline.json", ".", cwd=repo).code == 0
    paths = {entry["path"] for entry in json.loads((repo / "ce-baseline.json").read_text())["findings"]}
    assert "instances/prod/sage-one.json" in paths and not paths & {"instances/sage.json", "instances/template.json"}


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "junit"])
def test_a_machine_report_on_standard_output_is_utf8_whatever_the_stream_s_encoding(tmp_path, fmt, encoding):
    """helper-175: on a stream of another encoding (Windows writes a redirected `> report.json` in its code page) a
    report's `ü` went out as the byte 0xFC, and what the code page lacks as Python's `\\u540d`, `\\U0001f600` or
    `\\xfc`: a JSON report no reader took, a JUnit test case of another name. Now every character beyond ASCII is the
    format's own escape, which reads the same in UTF-8."""
    body = tmp_path / "instances" / "ü 名 😀.json"
    body.parent.mkdir()
    body.write_text(TWO_IN_ONE_VALUE.replace('"contacts"', '"contacts ü 名 😀"'), encoding="utf-8")
    result = run_cli("check", "--no-cache", "--root", str(tmp_path), "--format", fmt, str(body),
                     env={"PYTHONIOENCODING": encoding})
    assert result.code == 1 and "Traceback" not in result.err, result
    out = result.out
    assert out.isascii() and "\ufffd" not in out, out[:2000]
    if fmt == "junit":
        case = ET.fromstring(out).find(".//testcase")
        assert case is not None and case.get("file") == "instances/ü 名 😀.json", out[:2000]
        return
    document = json.loads(out)
    if fmt == "json":
        assert document["findings"][0]["path"] == str(body)
        assert "contacts ü 名 😀" in document["findings"][0]["pointer"]
    elif fmt == "gitlab":
        assert document[0]["location"]["path"] == "instances/ü 名 😀.json"
    else:
        location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"] == "instances/%C3%BC%20%E5%90%8D%20%F0%9F%98%80.json"
        assert "ü 名 😀" in document["runs"][0]["results"][0]["properties"]["pointer"]
