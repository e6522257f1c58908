"""The package's regular expressions read alike on every Python it supports (3.11 and later).

Python 3.11.2 (Debian 12's system Python, which `.ci/run` also runs this file under) ignores a lookaround inside a
possessive repeat: `(?:(?!%27)[^'])*+` runs past `%27`, and `__[A-Z](?:[A-Z0-9]|_(?!_))*+__` never matches
`__CLIENT_ID__`. An atomic group around a greedy repeat, `(?>(?:(?!%27)[^'])*)`, means the same and reads alike there.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest

import validator
from validator.lazy_pattern import ByScript, LazyPattern


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern a module of the package keeps (alone, or in a tuple, list or dict)."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(validator.__path__, "validator."):
        if info.name.startswith("validator.lsp"):
            continue  # (pygls, an extra: its patterns are none of ours)
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            items = list(value) if isinstance(value, (tuple, list)) else list(value.values()) \
                if isinstance(value, dict) else [value]
            for index, item in enumerate(items):
                for one in (item if isinstance(item, (tuple, list)) else (item,)):
                    for form, pattern in ((("wide", one.wide), ("narrow", one.narrow)) if isinstance(one, ByScript)
                                          else (("", one),)):
                        compiled = pattern.compiled if isinstance(pattern, LazyPattern) else pattern
                        if isinstance(compiled, re.Pattern) and isinstance(compiled.pattern, str):
                            found[f"{info.name}.{name}[{index}]{form}"] = compiled
    return found


def _lookaround_in_possessive(tree: Any, inside: bool = False) -> bool:
    from re import _constants as sre  # type: ignore[attr-defined]

    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
    for op, arg in tree:
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            if inside or _lookaround_in_possessive(arg[1], inside):
                return True
        elif op in repeats:
            if _lookaround_in_possessive(arg[2], inside or op is sre.POSSESSIVE_REPEAT):
                return True
        elif op is sre.SUBPATTERN:
            if _lookaround_in_possessive(arg[3], inside):
                return True
        elif op is sre.BRANCH:
            if any(_lookaround_in_possessive(branch, inside) for branch in arg[1]):
                return True
        elif op is sre.ATOMIC_GROUP and _lookaround_in_possessive(arg, inside):
            return True
    return False


def _holds_a_repeat(tree: Any) -> bool:
    from re import _constants as sre  # type: ignore[attr-defined]

    for op, arg in tree:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return True
        if op is sre.SUBPATTERN and _holds_a_repeat(arg[3]) or op is sre.ATOMIC_GROUP and _holds_a_repeat(arg) \
                or op is sre.BRANCH and any(_holds_a_repeat(branch) for branch in arg[1]) \
                or op in (sre.ASSERT, sre.ASSERT_NOT) and _holds_a_repeat(arg[1]):
            return True
    return False


def _repeating_branch_in_possessive(tree: Any, inside: bool = False) -> bool:
    """Whether a possessive repeat holds alternatives one of which repeats something: Python 3.11.2 keeps what such an
    alternative took before failing (`(?:[^[]|\\[[^]]{0,9}\\])++` reads `][` whole)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    for op, arg in tree:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if _repeating_branch_in_possessive(arg[2], inside or op is sre.POSSESSIVE_REPEAT):
                return True
        elif op is sre.BRANCH:
            if inside and any(_holds_a_repeat(branch) for branch in arg[1]) \
                    or any(_repeating_branch_in_possessive(branch, inside) for branch in arg[1]):
                return True
        elif op is sre.SUBPATTERN and _repeating_branch_in_possessive(arg[3], inside) \
                or op is sre.ATOMIC_GROUP and _repeating_branch_in_possessive(arg, inside) \
                or op in (sre.ASSERT, sre.ASSERT_NOT) and _repeating_branch_in_possessive(arg[1], inside):
            return True
    return False


def test_no_repeating_alternative_inside_a_possessive_repeat() -> None:
    """helper-182's CEQL word (`(?:[^[...]++|\\[[^]]{0,200}+\\])++`) read `][` as one word on Python 3.11.2."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    assert [name for name, pattern in _patterns().items()
            if _repeating_branch_in_possessive(sre_parse.parse(pattern.pattern, pattern.flags))] == []
    assert _repeating_branch_in_possessive(sre_parse.parse(r"(?:[^\[]|\[[^\]]{0,9}\])++"))
    assert not _repeating_branch_in_possessive(sre_parse.parse(r"(?>(?:[^\[]|\[[^\]]{0,9}\])+)"))
    assert not _repeating_branch_in_possessive(sre_parse.parse(r'"(?:[^"\\]|\\.)*+"'))  # (no alternative repeats)
    from validator.urls.ceql import _TOKEN

    word = _TOKEN.match("][ = 1")
    assert word is not None and word.lastgroup == "word" and word.span() == (0, 1)


def test_no_lookaround_inside_a_possessive_repeat() -> None:
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    patterns = _patterns()
    assert len(patterns) > 400  # (the walk found the package's patterns)
    assert [name for name, pattern in patterns.items()
            if _lookaround_in_possessive(sre_parse.parse(pattern.pattern, pattern.flags))] == []
    assert _lookaround_in_possessive(sre_parse.parse(r"(?:(?!%27)[^'])*+"))  # (the shape it finds)
    assert not _lookaround_in_possessive(sre_parse.parse(r"(?>(?:(?!%27)[^'])*)"))


def test_what_python_3_11_2_misread() -> None:
    """Each pattern the scan above found, read as every supported Python reads it."""
    from validator.masking import url_secrets
    from validator.pages.markdown import _ONLY_TAGS
    from validator.vocabulary.placeholders import is_env_reference

    url = "/x?where=a%3E'x'%20and%20secret%20in%20%28%27Zq1kX7vW2pR9tL%27%2C%27Zq2kX7vW2pR9tL%27%29"
    masked = str(url_secrets(url).mask(url))
    assert "Zq1k" not in masked and "Zq2k" not in masked and masked.startswith("/x?where=a%3E'x'%20and%20secret")
    assert is_env_reference("__CLIENT_ID__") and not is_env_reference("__CLIENT__ID__")
    shown = "<!-- prettier-ignore -->\n{/* a note */}\n"
    matched = _ONLY_TAGS.compiled.match(shown)
    assert matched is not None and matched.group() == shown


def test_a_used_lazy_pattern_calls_the_regex_engine_directly():
    """Once compiled, a LazyPattern's methods are the compiled pattern's own (a hot loop pays no Python frame of
    the wrapper); an unknown attribute is still an AttributeError."""
    lazy = LazyPattern(r"[a-z]+\d")
    assert lazy.search("ab1").group() == "ab1"  # type: ignore[union-attr]
    compiled = lazy.compiled
    for name in ("match", "fullmatch", "search", "finditer", "findall", "sub", "split"):
        assert getattr(lazy, name) == getattr(compiled, name), name
    fresh = LazyPattern(r"x")
    assert fresh.sub("y", "axa") == "aya" and fresh._compiled is not None
    with pytest.raises(AttributeError):
        fresh.groups  # noqa: B018 - not one of the methods
