"""Every registered rule documents a failing and a passing example; both are checked here."""

from __future__ import annotations

import re

import pytest

from validator.engine import Options, check
from validator.rules import registry

RULES = registry()


def _options(rule) -> Options:
    opt_in = frozenset({rule.code}) if rule.opt_in else frozenset()
    if rule.code.startswith("CE9"):
        from conftest import SHARED

        folder = SHARED / "elements"
        if not folder.is_dir():
            pytest.skip(f"element-aware examples need the element exports at {folder}")
        return Options(element_docs=(str(folder),), opt_in=opt_in)
    return Options(opt_in=opt_in)


def test_codes_are_well_formed_and_documented():
    for code, rule in RULES.items():
        assert re.fullmatch(r"CE\d{3}", code), code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.severity in ("error", "warning", "info")
        assert rule.summary and rule.description, code
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names)), "rule names must be unique"


# Encoding rules need bytes, which a str example cannot hold, and CE017 needs a number of
# 100,000 digits, too long to show; tests/test_source.py and tests/test_hardening.py draw them.
BYTES_ONLY = {"CE012", "CE015", "CE017"}
# CE099 reports a crash of a check; no valid example can draw it (test_engine.py forces one).
BYTES_ONLY.add("CE099")


def _kind(code: str) -> str:
    # JSON syntax examples are not Cloud Elements bodies; an explicit kind makes the engine report them.
    return "instance" if code.startswith("CE0") and code != "CE090" else "auto"


def _check(rule, example: str) -> list:
    if example.startswith(("```", "---")):  # a page rule's example is a Markdown page
        from validator.pages import check_page

        return check_page(example, options=_options(rule)).findings
    return check(example, kind=_kind(rule.code), options=_options(rule))


@pytest.mark.parametrize("code", sorted(set(RULES) - BYTES_ONLY))
def test_bad_example_draws_the_rule(code):
    rule = RULES[code]
    found = {f.rule for f in _check(rule, rule.bad)}
    assert code in found, f"{code} bad example gave {sorted(found)}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_good_example_does_not(code):
    rule = RULES[code]
    found = {f.rule for f in _check(rule, rule.good)}
    assert code not in found, f"{code} good example still draws it"


def test_every_fix_of_a_failing_example_is_in_the_catalog():
    """helper-150: CE022, CE901, CE916 and CE918 offered fixes that the catalog did not list, so `explain` said
    nothing of them and the rule list did not mark them fixable."""
    from validator.fixes.catalog import FIXABLE

    fixed = {code: {f.fix.applicability for f in _check(RULES[code], RULES[code].bad) if f.rule == code and f.fix}
             for code in sorted(set(RULES) - BYTES_ONLY)}
    fixed = {code: safety for code, safety in fixed.items() if safety}
    assert set(fixed) <= set(FIXABLE), sorted(set(fixed) - set(FIXABLE))
    for code in ("CE022", "CE901", "CE916", "CE918"):  # their fixes are not in tests/fixes (element docs, a page)
        assert FIXABLE[code][0] in fixed[code], (code, fixed[code])


# A legacy poller line is itself CE801's finding: an example of a mistake in one (CE803, CE804) draws it, mended or not
_DRAWN_BY_THEIR_FORM = {"CE803": {"CE801"}, "CE804": {"CE801"}}


@pytest.mark.parametrize("code", sorted(RULES))
def test_good_example_passes_every_rule(code):
    """helper-118: `explain`'s passing examples drew other rules' warnings and errors (CE425 on twenty of them, CE105,
    CE616, CE312, CE204): a passing example is one a user may copy."""
    rule = RULES[code]
    # (a JSON syntax example is no body: read as what it is, as `check` reads a file)
    found = _check(rule, rule.good) if not rule.code.startswith("CE0") or rule.good.startswith(("```", "---")) \
        else check(rule.good, options=_options(rule))
    drawn = {(f.rule, f.severity) for f in found if f.severity in ("error", "warning")
             and f.rule not in _DRAWN_BY_THEIR_FORM.get(code, set())}
    assert not drawn, f"{code} good example draws {sorted(drawn)}"


def test_every_emitted_code_is_registered(corpus):

    seen = set()
    for record in corpus:
        if record["kind"] in ("instance", "poller"):
            seen.update(f.rule for f in check(record["text"], kind="auto"))
    assert seen <= set(RULES), sorted(seen - set(RULES))


# Each module's rules sit in its code range (docs/ARCHITECTURE.md).
RANGES = {"validator.rules.syntax": "CE0", "validator.pages.curl": "CE02", "validator.pages.cmd": "CE02", "validator.pages.powershell": "CE03", "validator.pages": "CE02", "validator.schemas": "CE1", "validator.rules.notifications": "CE2",
          "validator.rules.poller": "CE3", "validator.rules.dates": "CE4", "validator.rules.zones": "CE5",
          "validator.rules.urls": "CE6", "validator.rules.placeholders": "CE70", "validator.rules.secrets": "CE75",
          "validator.rules.legacy": "CE8", "validator.rules.elements": "CE9"}


def test_every_module_keeps_to_its_code_range():
    import importlib

    from validator.rules import RULE_MODULES

    assert set(RULE_MODULES) == set(RANGES)
    for module, prefix in RANGES.items():
        for rule in importlib.import_module(module).RULES:
            code = rule.code if hasattr(rule, "code") else rule["code"]
            assert code.startswith(prefix), (module, code)
