"""Narrow forms of the wide patterns outside the masking (issue #20): a character class holding a character past
U+00FF, or letters read in any case, compiles into a map of 65,536 characters (2 M instructions each).  The kinds'
`element` key, the CEQL lexer, the `where` read with a space, the schemas' patterns (the gate's and the errors') read
a text without their wide characters with a narrow form, which finds exactly what the wide one finds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from validator import kinds
from validator.lazy_pattern import ByScript, LazyPattern
from validator.schema_gate import compile_gate, narrow_classes, schema_pattern
from validator.urls import ceql, template
from validator.urls.pieces import MACRO_HEAD, MACRO_TAIL, atomic_spans, mask
from counting import compiled_maps

ROOT = Path(__file__).resolve().parents[1]
_SCHEMAS = sorted((ROOT / "schemas").rglob("*.schema.json"))


def _schema_patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, child in node.items():
            if key == "pattern" and isinstance(child, str):
                yield child
            elif key == "patternProperties" and isinstance(child, dict):
                yield from child
                yield "|".join(child)  # (the gate's and the errors' joined pattern)
            yield from _schema_patterns(child)
    elif isinstance(node, list):
        for child in node:
            yield from _schema_patterns(child)


def _bundled_patterns() -> list[str]:
    return sorted({pattern for path in _SCHEMAS for pattern in _schema_patterns(json.loads(path.read_text()))})


def _by_script() -> dict[str, ByScript]:
    """Every narrowed pattern outside the masking: the modules' own and the bundled schemas'."""
    found = {"kinds._CE_KEY": kinds._CE_KEY, "template._WHERE_SPACED": template._WHERE_SPACED}
    for source in _bundled_patterns():
        pattern = schema_pattern(source)
        if isinstance(pattern, ByScript):
            found[source] = pattern
    return found


def _found(pattern: LazyPattern[str], text: str) -> list[Any]:
    return [match.regs for match in pattern.finditer(text)]


def _tokens(pattern: LazyPattern[str], text: str) -> list[Any]:
    """What the CEQL lexer's pattern reads at each place of ``text`` (it is matched at each token's start)."""
    return [None if match is None else (match.lastgroup, match.regs)
            for match in (pattern.match(text, at) for at in range(len(text) + 1))]


_PIECES = ['"', "'", "`", "\r", "\n", "\t", " ", "?", "&", "=", "<", ">", "!", ":", ",", ".", "-", "_", "(", ")", "[", "]",
           "{", "}", "{{", "${", "\\", "/", "^", "element", "configuration", "where", "WHERE", "Where", "x", "9", "a.b",
           "and", "'2020'", "\x1c", "\x1f", "\x85", "\xa0", "\u00e9", "\u2014", "\u6f22", "\u017f", "\u212a", "\u0131",
           "\u201c", "\u2019", "\u200b", "\u2060", "\ufeff", "\u3000", "\u2028", MACRO_HEAD, MACRO_TAIL]


def test_a_narrow_form_finds_what_the_wide_one_finds(corpus_strings: list[str]) -> None:
    """Whatever text a narrow form is chosen for (an ASCII one, or one without the wide form's own characters) it finds
    the same matches, groups and all, as the wide form: in every corpus string (the CEQL lexer's in each one masked
    as the lexer reads it, at every place) and in generated ones."""
    from hypothesis import given, settings, strategies as st

    patterns = _by_script()
    assert len(patterns) >= 8  # (the modules' two, and six of the bundled schemas')

    def same(text: str) -> bool:
        for pattern in patterns.values():
            if pattern.form(text) is pattern.narrow and _found(pattern.narrow, text) != _found(pattern.wide, text):
                return False
        return ceql._TOKEN.form(text) is ceql._TOKEN.wide or \
            _tokens(ceql._TOKEN.narrow, text) == _tokens(ceql._TOKEN.wide, text)

    assert [text for text in corpus_strings if not same(text)] == []
    masked = [mask(text, atomic_spans(text)) for text in corpus_strings if "${" in text and len(text) < 5000]
    assert any(MACRO_HEAD in text for text in masked)
    assert [text for text in masked if not same(text)] == []

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join))
    def generated(text: str) -> None:
        assert same(text)

    generated()


_ATOMS = ["a", "z", "^", "-", "\\-", "\\]", "\\\\", "\\s", "\\S", "\\w", "\\d", ".", "\\x1c-\\x1f", "\\x85", "\\u00e9",
          "\\u2060", "\\u200b-\\u200d", "\\ufeff", "\u2019", "a-c", "\\n"]
_TEXTS = ["a", "b", "z", "-", "^", "]", "\\", " ", "\t", "\n", ".", "\x1c", "\x85", "\u00e9", "\u2060", "\u200c", "\ufeff",
          "\u2019", "\u00a0", "1", "_"]


def test_narrowing_a_class_keeps_what_it_reads_of_every_other_character() -> None:
    """Classes made of every kind of member the narrowing reads, in any order, negated or not: the narrow pattern finds
    what the wide one finds in every text without the wide characters; a `^` or a `-` left first or between stays a
    character, and a class of wide characters only matches nothing (negated, anything)."""
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=2000, deadline=None)
    @given(st.booleans(), st.lists(st.sampled_from(_ATOMS), min_size=1, max_size=6),
           st.lists(st.lists(st.sampled_from(_TEXTS), max_size=12).map("".join), max_size=6))
    def generated(negated: bool, atoms: list[str], texts: list[str]) -> None:
        if atoms[0] == "^" and not negated:
            atoms = atoms[1:] or ["a"]
        source = f"x?[{'^' if negated else ''}{''.join(atoms)}]+|\\[[^\\u2019]"
        try:
            wide = re.compile(source)
        except re.error:
            with pytest.raises(re.error):
                schema_pattern.__wrapped__(source)
            return
        narrowed = narrow_classes(source)
        if narrowed is None:
            return
        narrow = re.compile(narrowed[0])
        for text in texts:
            if not any(mark in text for mark in narrowed[1]):
                assert [m.regs for m in narrow.finditer(text)] == [m.regs for m in wide.finditer(text)], (source, text)

    generated()
    assert narrow_classes("[\\u2060^a]") == ("[\\x5e\\x61]", "\u2060")
    assert narrow_classes("[a\\u2060-\\u2061-z]") == ("[\\x61\\x2d\\x7a]", "\u2060\u2061")
    assert narrow_classes("^[\\u200b-\\u200d]+[^\\ufeff]") == ("^[^\\s\\S]+[\\s\\S]", "\u200b\u200c\u200d\ufeff")
    assert narrow_classes("[a-\\u2060]") is None and narrow_classes("(?i)[k\\u212a]") is None
    assert narrow_classes("[\\s\\x85]") is None  # (nothing wide: the pattern as written)


def _fresh(pattern: ByScript) -> ByScript:
    copy = ByScript.__new__(ByScript)
    copy.wide = LazyPattern(pattern.wide.pattern, pattern.wide._flags)
    copy.narrow = LazyPattern(pattern.narrow.pattern, pattern.narrow._flags)
    copy.marks = pattern.marks
    return copy


def test_ascii_bodies_compile_no_map_of_every_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate of every bundled schema, a CEQL filter with a macro, a broken body's `element` key, a `where` written
    with a space and a broken body with a curly quote compile no class into a map of 65,536 characters but a CEQL
    word's (every pattern compiled afresh here), and still read what they read."""
    from validator.source import diagnose, load_source

    for module, name in ((kinds, "_CE_KEY"), (template, "_WHERE_SPACED"), (ceql, "_TOKEN")):
        monkeypatch.setattr(module, name, _fresh(getattr(module, name)))
    monkeypatch.setattr(diagnose, "_PASTED_RUN", LazyPattern(diagnose._PASTED_RUN.pattern))
    ceql._token_form.cache_clear()
    schema_pattern.cache_clear()
    re.purge()
    maps = compiled_maps(monkeypatch)
    try:
        body = json.loads((ROOT / "examples" / "sageone-polling-fixed.json").read_text())
        gates = [compile_gate(json.loads(path.read_text())) for path in _SCHEMAS]
        passed = [gate(body) for gate in gates if gate is not None]
        tokens = [token[0] for token in ceql._lexer().scan(mask("updated>${date} and id = 1", [(8, 15)]))]
        broken = kinds.looks_like_cloud_elements("{element: 'sageone', name: 'x'")
        spaced = template._WHERE_SPACED.match("where updated")
        curly = load_source('{"name": \u201cx\u201d}').problems
    finally:
        monkeypatch.undo()
    assert maps == [ceql._TOKEN.narrow.pattern]  # (only a CEQL word's class, which keeps the macro's characters)
    assert len(passed) >= 3 and True in passed
    assert tokens == ["word", "op", "macro", "and", "word", "op", "number"]
    assert broken and spaced is not None and spaced.end() == 6 and curly
    pasted = load_source('{"name":\u00a0"x"}').problems
    assert [problem.rule for problem in pasted] == ["CE001"] and "no-break space" in pasted[0].message
