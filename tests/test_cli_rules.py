"""`ce-validator rules` and `ce-validator explain`."""

from __future__ import annotations

import json

import pytest

from validator.cli import main

MINE = ("validator.rules.notifications", "validator.rules.poller", "validator.rules.legacy")




def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rules_lists_every_registered_rule(capsys):
    from validator.rules import registry

    code, out, _ = run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(registry())
    assert [line.split()[0] for line in lines] == sorted(registry())
    row = next(line for line in lines if line.startswith("CE301 "))
    assert row.split()[1:3] == ["error", "poller-entry-empty"]
    assert row.endswith(registry()["CE301"].summary)


def test_rules_as_json(capsys):
    from validator.rules import registry

    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["code"] for r in rows] == sorted(registry())
    assert {"code": "CE203", "name": "vendor-type-unknown", "severity": "warning",
            "summary": registry()["CE203"].summary} in rows


def test_rules_rejects_an_unknown_format(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["rules", "--format", "xml"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("spelling", ["CE302", "ce302", "302", " CE302 ", "poller-key-misplaced"])
def test_explain_prints_description_and_both_examples(capsys, spelling):
    from validator.rules import registry

    rule = registry()["CE302"]
    code, out, _ = run(capsys, "explain", spelling)
    assert code == 0
    assert out.startswith("# CE302 poller-key-misplaced (warning)\n")
    assert rule.description.strip() in out
    failing, passing = out.split("## Failing example", 1)[1].split("## Passing example", 1)
    assert rule.bad.strip() in failing and rule.good.strip() in passing


def test_explain_pads_bare_numbers_but_keeps_prefixes():
    from types import SimpleNamespace

    from validator.commands.explain import _lookup

    syntax, poller = SimpleNamespace(name="json-syntax"), SimpleNamespace(name="poller-entry-empty")
    rules = {"CE051": syntax, "CE301": poller}
    assert _lookup("51", rules) is syntax
    assert _lookup("CE51", rules) is None  # a prefix, as in --select: `explain` lists the rules it covers
    assert _lookup("ce301", rules) is poller and _lookup("CE3011", rules) is None


def test_explain_works_for_every_rule(capsys):
    from validator.rules import registry

    for code in registry():
        status, out, _ = run(capsys, "explain", code)
        assert status == 0 and out.startswith(f"# {code} ")


def test_explain_fences_each_example_with_a_fence_longer_than_any_inside_it(capsys):
    """helper-167: CE022's examples are pages that open with front matter (`---`), so they were fenced as ```json, and
    the page's own ``` fence closed the example there: Markdown showed half a page and a stray block."""
    from validator.rules import registry

    for code in registry():
        _, out, _ = run(capsys, "explain", code)
        for section in out.split("\n## ")[1:]:
            lines = section.splitlines()
            fences = [line for line in lines if line.startswith("```")]
            outer = len(fences[0]) - len(fences[0].lstrip("`"))
            assert fences[-1] == "`" * outer, (code, lines[0])
            assert all(len(f) - len(f.lstrip("`")) < outer for f in fences[1:-1]), (code, lines[0], fences)


def test_explain_unknown_code_exits_2_with_did_you_mean(capsys):
    code, out, err = run(capsys, "explain", "CE3001")
    assert code == 2 and out == ""
    assert "no rule 'CE3001'" in err and "did you mean CE301 (poller-entry-empty)" in err
    code, _, err = run(capsys, "explain", "poller-entry-emty")
    assert code == 2 and "CE301 (poller-entry-empty)" in err
    code, _, err = run(capsys, "explain", "zzz")
    assert code == 2 and "`ce-validator rules` lists them" in err


def test_commands_are_documented_by_their_docstrings():
    from validator.commands import explain, rules

    assert "Exit status: 0, or 2" in explain.__doc__
    assert "--format json" in rules.__doc__


def test_explain_a_prefix_lists_its_rules(capsys):
    code, _out, err = run(capsys, "explain", "CE6")
    assert code == 2 and "CE6 is a prefix of" in err and "CE620" in err


def test_explain_help_says_what_it_accepts_and_a_short_code_suggests_its_padded_rule_first(capsys):
    # the help promised "CE99 for CE099"; CE99 is a prefix (of nothing), so CE099 is the first suggestion
    from validator.commands import explain

    assert "CE99 for CE099" not in explain.__doc__
    code, out, _ = run(capsys, "explain", "99")
    assert code == 0 and out.startswith("# CE099 ")
    code, out, err = run(capsys, "explain", "CE99")
    assert code == 2 and out == "" and "did you mean CE099 (internal-error)" in err


def test_every_option_of_every_command_is_documented():
    """A new user reads the README and docs/: each option a command's --help shows is on one of those pages."""
    import argparse
    from pathlib import Path

    from validator.arguments import build_parser

    root = Path(__file__).resolve().parents[1]
    pages = "".join((root / name).read_text(encoding="utf-8")
                    for name in ("README.md", "docs/usage.md", "docs/editors.md"))
    parser = build_parser(None)
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    missing = [f"{name} {option}" for name, command in commands.choices.items() for action in command._actions
               for option in action.option_strings
               if option.startswith("--") and option != "--help" and option not in pages]
    assert missing == []


def test_the_readme_names_every_suffix_a_folder_walk_checks():
    from pathlib import Path

    from validator.commands.check import WALKED_SUFFIXES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `ce-validator check"))
    plain = [suffix for suffix in WALKED_SUFFIXES if suffix.count(".") == 1]
    assert [suffix for suffix in plain if f"`*{suffix}`" not in row] == []
    assert "named as a template" in row


@pytest.mark.parametrize(("code", "said"), [
    ("CE311", "pageSize"),  # 465f767: a copy differing by its page size
    ("CE604", "`%s`"),  # 4839d43: strftime's epoch seconds
    ("CE106", "among the resources"),  # d201c11: a datesConfiguration beside the entries
    ("CE639", "a field name in quotes"),  # e1367a8: `'updated_at' > '${...}'`
])
def test_explain_says_what_the_rule_now_reports(capsys, code: str, said: str) -> None:
    """h190: the session's new cases were in the messages, not in `explain` (CE639's only in its fix line)."""
    assert main(["explain", code]) == 0
    description = capsys.readouterr().out.split("**Fix", 1)[0]
    assert said in description


def test_explain_without_a_code_says_what_to_name_and_lists_with_list(capsys):
    """helper-210: `explain --list` (a name a new user tries) and `explain` alone said only "the following arguments
    are required: CODE"."""
    code, out, err = run(capsys, "explain")
    assert code == 2 and out == "" and "name a rule" in err and "--list" in err
    code, out, _ = run(capsys, "explain", "--list")
    assert code == 0 and out == run(capsys, "rules")[1] and out.startswith("CE")
