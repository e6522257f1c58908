"""`check --fix`, `--unsafe-fixes` and `--diff` end to end, one broken file per fixable rule.

``tests/fixes/{safe,unsafe}/`` hold the broken files, ``tests/fixes/expected/`` the files as
``--fix`` (``--fix --unsafe-fixes`` for ``unsafe/``) must leave them, byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from clirun import run_cli, run_main

from validator.fixes.catalog import FIXABLE

CASES = Path(__file__).resolve().parent / "fixes"

# the codes each broken file draws, all of them fixed
FIXED_CODES = {
    "safe/ce001-pasted-spaces.json": {"CE001"},
    "safe/ce002-trailing-commas.json": {"CE002"},
    "safe/ce003-comments.json": {"CE003"},
    "safe/ce004-smart-quotes.json": {"CE004"},
    "safe/ce005-single-quotes.json": {"CE005"},
    "safe/ce006-python-words.json": {"CE006"},
    "safe/ce008-shell-quote.json": {"CE008"},
    "safe/ce102-quoted-values.json": {"CE102"},
    "safe/ce106-top-level-key.json": {"CE106"},
    "safe/ce302-misplaced-keys.json": {"CE302"},
    "safe/ce405-ce407-date-patterns.json": {"CE405", "CE407"},
    "safe/ce407-stringified-poller.json": {"CE407", "CE302"},
    "safe/ce002-ce003-ce004-stringified-poller.json": {"CE002", "CE003", "CE004"},
    "safe/crlf-bom-no-final-newline.json": {"CE002", "CE302"},
    "safe/ce620-unclosed-quote.json": {"CE620"},
    "safe/ce601-descriptor-case.json": {"CE601"},
    "unsafe/ce601-descriptor-spelling.json": {"CE601"},
    "safe/ce209-url-scheme.json": {"CE209"},
    "safe/ce610-ce625-url-escapes.json": {"CE610", "CE625"},
    "safe/ce630-double-equals.json": {"CE630"},
    "safe/ce633-format-space.json": {"CE633"},
    "unsafe/ce629-double-encoded.json": {"CE629"},
    "unsafe/ce631-ampersand.json": {"CE631"},
    "unsafe/ce639-foreign-operator.json": {"CE639"},
    "unsafe/ce634-query-separator.json": {"CE634"},
    "unsafe/ce636-missing-conjunction.json": {"CE636"},
    "unsafe/ce101-near-miss-keys.json": {"CE101"},
    "unsafe/ce101-top-level.json": {"CE101"},
    "unsafe/ce406-ce410-hours-and-zone.json": {"CE406", "CE410"},
    "unsafe/ce801-legacy-urls.json": {"CE801"},
    "safe/ce418-ce605-url-macros.json": {"CE418", "CE605"},
    "safe/ce701-unclosed-reference.json": {"CE701"},
    "unsafe/ce637-ce638-where.json": {"CE637", "CE638"},
    "unsafe/ce420-ce421-year-and-letters.json": {"CE420", "CE421"},
    "unsafe/ce431-macro-field-width.json": {"CE431"},
    "unsafe/ce211-interval-seconds.json": {"CE211"},
    "unsafe/ce207-interval-milliseconds.json": {"CE207"},
    "unsafe/ce203-vendor-type.json": {"CE203"},
    "unsafe/ce303-name-with-space.json": {"CE303"},
    "unsafe/ce402-strftime.json": {"CE402"},
    "unsafe/ce310-milliseconds.json": {"CE310"},
    "unsafe/ce422-offset-hours-only.json": {"CE422"},
    "unsafe/ce425-epoch-text-field.json": {"CE425"},
    "safe/ce426-ce605-ce632-pasted-pieces.json": {"CE426", "CE605", "CE632"},
    "unsafe/ce427-ce428-ce641-patterns-and-paths.json": {"CE427", "CE428", "CE641"},
    "safe/ce024-ce025-ce026-page-commands.md": {"CE024", "CE025", "CE026"},
    "safe/ce027-json-without-content-type.md": {"CE027"},
    "unsafe/ce643-ce644-sums-and-ampersands.json": {"CE643", "CE644"},
    "unsafe/ce429-zone-twice.json": {"CE429"},
    "safe/ce430-format-edge-space.json": {"CE430"},
    "safe/ce635-where-space.json": {"CE635"},
    "unsafe/ce105-configuration-key.json": {"CE105"},
    "unsafe/ce643-ce644-date-sum-and-hash.json": {"CE643", "CE644"},
    "safe/ce605-ce612-zone-first-and-path-space.json": {"CE605", "CE612"},
    "safe/ce408-ce415-ce416-misread-fields.json": {"CE408", "CE415", "CE416"},
    "safe/ce501-ce608-zone-spellings.json": {"CE501", "CE608"},
}

# fixes that need element docs, or a page's front matter: their rule's failing example shows them instead
# (tests/test_rules_examples.py checks it is in the catalog)
SHOWN_BY_THEIR_EXAMPLE = {"CE022", "CE901", "CE916", "CE918"}

def _copy(tmp_path: Path) -> Path:
    work = tmp_path / "cases"
    shutil.copytree(CASES / "safe", work / "safe")
    shutil.copytree(CASES / "unsafe", work / "unsafe")
    return work


def _cases(folder: Path) -> list[Path]:
    """The broken files of a folder: instance bodies, and documentation pages (a page's own fixes: CE024-CE026)."""
    return sorted([*folder.glob("*.json"), *folder.glob("*.md")])


def _codes(result_out: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in json.loads(result_out)["findings"]:
        found.setdefault(Path(finding["path"]).parent.name + "/" + Path(finding["path"]).name, set()).add(
            finding["rule"])
    return found


def test_every_case_is_listed_and_every_fixable_rule_has_a_case():
    on_disk = {f"{p.parent.name}/{p.name}" for folder in ("safe", "unsafe") for p in _cases(CASES / folder)}
    assert on_disk == set(FIXED_CODES)
    covered = set().union(*FIXED_CODES.values()) | SHOWN_BY_THEIR_EXAMPLE
    assert set(FIXABLE) <= covered, f"fixable rules without a case: {sorted(set(FIXABLE) - covered)}"
    from validator import check

    for name, codes in FIXED_CODES.items():  # a case in unsafe/ shows an unsafe fix, and the other way round
        expected = "unsafe" if name.startswith("unsafe/") else "safe"
        found = {f.fix.applicability for f in check(CASES / name) if f.fix is not None and f.rule in codes}
        assert expected in found, (name, found)


def test_the_fixes_table_of_the_usage_page_lists_every_fixable_rule_with_its_safety():
    """helper-167: docs/usage.md's table of fixes left out CE022 and CE901, both fixable (`explain` said so)."""
    import re

    from clirun import ROOT

    page = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    rows = {code: safety for codes, safety in re.findall(r"^\| (CE\d{3}(?:, CE\d{3})*) \| .* \| (safe|unsafe) \|$",
                                                          page, re.MULTILINE) for code in codes.split(", ")}
    assert rows == {code: safety for code, (safety, _) in FIXABLE.items()}


def test_broken_files_draw_their_codes(tmp_path):
    work = _copy(tmp_path)
    result = run_cli("check", "--format", "json", str(work))
    assert result.code == 1, result
    found = _codes(result.out)
    for name, codes in FIXED_CODES.items():
        # a file that is not JSON reports its first syntax error only
        assert found.get(name, set()) & codes, (name, found.get(name))


@pytest.mark.parametrize("folder", ["safe", "unsafe"])
def test_diff_changes_nothing_and_fix_gives_the_expected_files(tmp_path, folder):
    work = _copy(tmp_path) / folder
    before = {p.name: p.read_bytes() for p in _cases(work)}
    unsafe = ("--unsafe-fixes",) if folder == "unsafe" else ()

    diff = run_cli("check", "--diff", *unsafe, str(work))
    assert diff.code == 1, diff
    assert {p.name: p.read_bytes() for p in _cases(work)} == before  # --diff writes nothing
    for name in before:
        assert f"--- {work / name}\n" in diff.out, name
    assert "Traceback" not in diff.err

    fixed = run_cli("check", "--fix", *unsafe, str(work))
    assert "Traceback" not in fixed.err, fixed
    for name in before:
        expected = (CASES / "expected" / folder / name).read_bytes()
        assert (work / name).read_bytes() == expected, name

    again = run_cli("check", "--fix", *unsafe, str(work))
    assert "fixed 0 finding(s) in 0 file(s)" in again.err, again
    assert {p.name: p.read_bytes() for p in _cases(work)} == \
        {name: (CASES / "expected" / folder / name).read_bytes() for name in before}
    assert run_cli("check", "--diff", *unsafe, str(work)).code == 0

    left = _codes(run_cli("check", "--format", "json", str(work)).out)
    for name in before:
        assert not left.get(f"{folder}/{name}", set()) & FIXED_CODES[f"{folder}/{name}"], (name, left.get(name))


def test_unsafe_fixes_need_the_flag(tmp_path):
    work = _copy(tmp_path) / "unsafe"
    before = {p.name: p.read_bytes() for p in _cases(work)}
    result = run_cli("check", "--fix", str(work))
    assert "fixed 0 finding(s)" in result.err, result
    assert {p.name: p.read_bytes() for p in _cases(work)} == before
    assert run_cli("check", "--diff", str(work)).code == 0
    lone = run_cli("check", "--unsafe-fixes", str(work))
    assert lone.code == 2 and "--unsafe-fixes needs --fix or --diff" in lone.err


def test_exit_code_follows_what_remains(tmp_path):
    clean_after = tmp_path / "a.json"
    clean_after.write_text('{"contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n'
                           '  "datesConfiguration": {"updatedDateField": "u", "updatedDateFormat": "yyyy-MM-dd",\n'
                           '  "createdDateField": "c", "createdDateFormat": "yyyy-MM-dd",}}}\n')
    result = run_cli("check", "--fix", str(clean_after))
    assert result.code == 0, result
    assert "fixed 1 finding(s) in 1 file(s)" in result.err
    still_broken = tmp_path / "b.json"
    still_broken.write_text('{"contacts": {"url": "/hubs/crm/contacts", "idField": "id",}\n')  # unclosed: no fix
    result = run_cli("check", "--fix", "--format", "concise", str(still_broken))
    assert result.code == 1 and "CE001" in result.out, result
    assert still_broken.read_text() == '{"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}\n'


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
def test_fix_keeps_the_mode_and_writes_atomically(tmp_path):
    target = tmp_path / "a.json"
    shutil.copy(CASES / "safe" / "ce002-trailing-commas.json", target)
    target.chmod(0o640)
    assert run_cli("check", "--fix", str(target)).code in (0, 1)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == (CASES / "expected" / "safe" / "ce002-trailing-commas.json").read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temporary file left behind


def test_diff_of_standard_input_and_fix_refuses_it():
    data = (CASES / "safe" / "ce002-trailing-commas.json").read_bytes()
    diff = run_cli("check", "--diff", "-", "--stdin-filename", "in.json", stdin=data)
    assert diff.code == 1 and "--- in.json" in diff.out and '"yyyy-MM-dd"}\n' in diff.out, diff
    fixed = run_cli("check", "--fix", "-", stdin=data)
    assert fixed.code == 2 and "--fix cannot rewrite standard input" in fixed.err, fixed


def test_exit_zero_turns_the_diff_s_1_into_0(tmp_path, capsys):
    """A report-only step (`--diff --exit-zero`) failed when a fix would change something: --exit-zero turns every
    1 into 0, as ruff's does."""
    target = tmp_path / "a.json"
    shutil.copy(CASES / "safe" / "ce002-trailing-commas.json", target)
    before = target.read_bytes()
    assert run_main(capsys, "check", "--diff", str(target)).code == 1
    result = run_main(capsys, "check", "--diff", "--exit-zero", str(target))
    assert result.code == 0 and "+++ " in result.out, result
    assert target.read_bytes() == before


@pytest.mark.parametrize("name", ["a.json", "a.md"])
@pytest.mark.skipif(shutil.which("patch") is None, reason="the `patch` command, which applies --diff's output as "
                    "a reviewer would, is not installed (test_fixes.py checks the same diffs applied in-process)")
def test_the_diff_of_a_file_with_a_byte_order_mark_applies_to_it(tmp_path, capsys, name):
    """helper-159: the diff's first line lacked the file's UTF-8 byte order mark, so `patch` (and `git apply`)
    refused a hunk changing that line; `git diff` shows the mark too."""
    body = '{"contacts": {"url": "/hubs/crm/contacts", "idField": "id",}}\n'
    target = tmp_path / name
    target.write_bytes(b"\xef\xbb\xbf" + (body if name.endswith(".json") else f"```json\n{body}```\n").encode())
    diff = run_main(capsys, "check", "--diff", str(target))
    assert diff.code == 1 and "\ufeff" in diff.out, diff
    copy = tmp_path / ("b" + target.suffix)
    shutil.copy(target, copy)
    subprocess.run(["patch", "-s", str(copy)], input=diff.out.encode(), check=True)
    assert run_main(capsys, "check", "--fix", str(target)).code == 0
    assert copy.read_bytes() == target.read_bytes() and copy.read_bytes().startswith(b"\xef\xbb\xbf{" if
                                                                                       name == "a.json" else b"\xef\xbb\xbf```")


def test_json_format_shows_the_fix(tmp_path):
    target = tmp_path / "a.json"
    shutil.copy(CASES / "unsafe" / "ce101-near-miss-keys.json", target)
    result = run_cli("check", "--format", "json", str(target))
    finding = next(f for f in json.loads(result.out)["findings"] if f["rule"] == "CE101")
    text = target.read_text()
    start = text.index('"idFeild"')
    assert finding["edits"] == {"message": "rename the key to `idField`", "applicability": "unsafe",
                                "edits": [{"start": start, "end": start + len('"idFeild"'),
                                           "replacement": '"idField"'}]}


def test_a_secret_value_is_never_changed(tmp_path):
    target = tmp_path / "a.json"
    body = ('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
            '    "oauth.api.secret": "p\'\\\'\'ss",\n    "oauth.callback.url": "https://example.com/cb",\n  }\n}\n')
    target.write_text(body, encoding="utf-8")
    result = run_cli("check", "--fix", "--unsafe-fixes", str(target))
    assert target.read_text(encoding="utf-8") == body  # the first fix is refused, so the loop stops there
    assert "p'" not in result.out + result.err, result


def test_the_catalog_says_how_safe_each_fix_is():
    from validator import check

    seen: dict[str, set[str]] = {}
    for name in FIXED_CODES:
        for finding in check(CASES / name):
            if finding.fix is not None:
                seen.setdefault(finding.rule, set()).add(finding.fix.applicability)
    for code, (safety, _what) in FIXABLE.items():
        if code in SHOWN_BY_THEIR_EXAMPLE:
            continue
        assert safety in seen.get(code, set()), (code, seen.get(code))
    assert set(seen) <= set(FIXABLE), f"fixes not in the catalog: {sorted(set(seen) - set(FIXABLE))}"


def test_other_json_files_are_never_touched(tmp_path):
    other = tmp_path / "package.json"
    other.write_text('{"name": "x", "version": "1.0.0",}\n')
    result = run_cli("check", "--fix", "--unsafe-fixes", str(other))
    assert result.code == 0 and other.read_text() == '{"name": "x", "version": "1.0.0",}\n', result


def test_fix_mends_a_markdown_page_in_place(tmp_path):
    """The seed's mistake, in a page: --diff shows the closing quote, --fix writes it, nothing else moves."""
    page = tmp_path / "events.md"
    body = ('{"element": {"key": "sageone"}, "configuration": {"event.poller.configuration": {"customers": {'
            '"url": "/hubs/finance/customers?where=a>=\'${date:yyyy-MM-dd}\' and attributes=\'created_at", '
            '"idField": "id"}}}}')
    original = "---\ntitle: Events\n---\n\n1. Create the instance:\n\n   ```json\n   " + body + "\n   ```\n"
    page.write_text(original, encoding="utf-8")
    diff = run_cli("check", "--diff", str(page))
    assert diff.code == 1 and "attributes='created_at'" in diff.out and page.read_text() == original
    fixed = run_cli("check", "--fix", str(page))
    assert "CE620" not in fixed.out, fixed.out
    assert page.read_text() == original.replace("attributes='created_at\"", "attributes='created_at'\"")


def test_text_output_says_which_findings_fix_mends():
    result = run_cli("check", "examples/sageone-polling.json")
    assert result.code == 1 and "   = fix: --fix mends it\n" in result.out


_SECRET = "sk_live_PLANTED123456"
_LEAKY_BODY = {
    "element": {"key": "sageone"}, "name": "x",
    "configuration": {
        "oauth.api.secret": _SECRET, "event.notification.enabled": True, "event.vendor.type": "polling",
        "event.notification.callback.url": "https://example.com/e",
        "event.poller.configuration": {"customers": {
            "url": f"/hubs/finance/customers?apiKey={_SECRET}&where=x='abc", "idField": "id"}}}}


@pytest.mark.parametrize("name", ["body.json", "page.md"])
def test_the_diff_masks_secrets_as_every_output_does(tmp_path, name):
    text = json.dumps(_LEAKY_BODY, indent=2)
    if name.endswith(".md"):
        text = f"# Set up\n\n```json\n{text}\n```\n"
    (tmp_path / name).write_text(text, encoding="utf-8")
    for flags in (("--diff",), ("--diff", "--unsafe-fixes")):
        result = run_cli("check", "--no-cache", *flags, str(tmp_path / name))
        assert result.code == 1 and "+++" in result.out, result  # there is a diff (the quote closed)
        assert "PLANTED" not in result.out + result.err, result.out
    assert (tmp_path / name).read_text(encoding="utf-8") == text  # --diff writes nothing


def test_a_file_that_cannot_be_written_keeps_its_findings_and_fails_the_run(tmp_path, monkeypatch, capsys):
    """`--fix` on a file it cannot rewrite (read-only, immutable): nothing counts as fixed, the findings still in
    the file are reported, and the run exits 2."""
    import validator.fixes as fixes
    from validator.cli import main

    body = tmp_path / "a.json"
    body.write_bytes((CASES.parent.parent / "examples" / "sageone-polling.json").read_bytes())
    before = body.read_bytes()

    def refuse(path, data, expected=None):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(fixes, "write_atomic", refuse)
    monkeypatch.setenv("CE_VALIDATOR_NO_CACHE", "1")
    code = main(["check", "--fix", "--format", "concise", str(body)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "cannot write the fixes: Operation not permitted" in err
    assert "fixed 0 finding(s) in 0 file(s)" in err
    assert "CE620" in out and "Found 1 error in 1 file." in out
    assert body.read_bytes() == before


def test_fix_never_turns_a_failing_file_into_a_skipped_one(tmp_path):
    """A body whose members are all `//` comments: removing comments one by one would leave text that is no longer
    read as Cloud Elements (skipped, exit 0). The fix is refused instead and the error stays."""
    lines = ['    //     "element": {', '    //         "key": "closeio"', '    //     },', '    //     "configuration": {',
             '    //         "event.notification.enabled": true,', '    //         "event.vendor.type": "webhook",',
             '    //         "username": code,', '    //     },', '    //     "name": "x" + (new Date()).getTime()',
             '    // }']
    body = tmp_path / "a.json"
    body.write_text("{\n" + "\n".join(lines), encoding="utf-8")
    before = body.read_bytes()
    assert run_cli("check", "--no-cache", str(body)).code == 1
    fixed = run_cli("check", "--no-cache", "--fix", str(body))
    assert fixed.code == 1 and "no longer read as a Cloud Elements body" in fixed.err, fixed
    assert body.read_bytes() == before


def test_fixes_are_not_written_over_a_file_the_user_may_not_write_or_that_changed(tmp_path, monkeypatch):
    """A hostile trial (helper-60): `--fix` renamed its result over a file the user could not write (another
    user's, or mode 0444), and over edits made while it ran; a hard link lost the fixes."""
    from validator.fixes import files

    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    with pytest.raises(files.FileChangedError):
        files.write_atomic(target, b"new", expected=b"older")
    assert target.read_bytes() == b"old" and not list(tmp_path.glob(".ce-validator-*"))
    monkeypatch.setattr(files.os, "access", lambda *args, **kwargs: False)
    with pytest.raises(PermissionError):
        files.write_atomic(target, b"new", expected=b"old")
    assert target.read_bytes() == b"old"
    monkeypatch.undo()
    other = tmp_path / "b.json"
    os.link(target, other)
    files.write_atomic(target, b"new", expected=b"old")
    assert other.read_bytes() == b"new" and target.read_bytes() == b"new"



def test_a_page_whose_only_mistake_is_a_command_s_is_fixed(tmp_path):
    """A review (helper-69): a page whose one finding was CE024 said `--fix mends it`, and `--fix` refused it (the
    page, then without findings, was taken for one no longer read)."""
    page = tmp_path / "a.md"
    page.write_text("# x\n\n```bash\ncurl -X POST https://api.example/instances -H 'Content-Type: application/json' "
                    "-d instance.json\n```\n", encoding="utf-8")
    result = run_cli("check", "--fix", str(page))
    assert "-d @instance.json" in page.read_text(encoding="utf-8"), result
    assert "fixed 1 finding(s) in 1 file(s)" in result.err, result


@pytest.mark.parametrize("flag", ["--diff", "--fix"])
def test_a_large_file_the_check_skips_unparsed_is_not_parsed_to_be_fixed(tmp_path, capsys, monkeypatch, flag):
    """The check skips a large JSON file holding no Cloud Elements key without parsing it (a package-lock.json);
    --fix and --diff parsed and checked it all the same: 50 MB of `[` took 70 s to say what `check` says in 4."""
    import validator.engine

    def parsed(*args, **kwargs):
        raise AssertionError("the large file was checked to be fixed")

    monkeypatch.setattr(validator.engine, "check_source", parsed)
    target = tmp_path / "data.json"
    target.write_text(json.dumps({"rows": ["x" * 100] * 12_000}), encoding="utf-8")
    result = run_main(capsys, "check", "--no-cache", flag, str(target))
    assert result.code == 0 and "CE099" not in result.out and "internal error" not in result.err, result
