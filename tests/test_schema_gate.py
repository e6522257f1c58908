"""The schema gate passes exactly what jsonschema passes: on the bundled schemas with the corpus and its
mutations, and on generated schemas and values."""

from __future__ import annotations

import copy
import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from validator import schemas
from validator.schema_gate import compile_gate, equal

ROOT = Path(__file__).resolve().parents[1]

# what validate() runs: each bundled schema, and an overlay's configuration part
TARGETS = [("instance", ""), ("configuration", ""), ("poller", ""), ("elements/sageone", ""),
           ("elements/sageone", "#/$defs/configuration"), ("config", "")]
REPLACEMENTS: list[Any] = ["", " ", "x", "<VALUE>", "${INTERVAL}", "{{token}}", "true", "GMT", "yyyy-MM-dd", 7, 0, -1, 1.0, 2.5, True, False,
                           None, [], [1], {}, {"a": 1}, {"url": "/x", "idField": "id"}]


def _as_written(name: str, fragment: str) -> Draft202012Validator:
    """jsonschema through the registry, as the schema is written (no inlining, no shorthand)."""
    return Draft202012Validator({"$ref": schemas.schema_uri(name) + fragment}, registry=schemas.registry())


def _paths(doc: Any) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in children:
            found.append(path + (key,))
            walk(child, path + (key,))

    walk(doc, ())
    return found


def _variants(doc: Any, rng: random.Random, count: int) -> list[Any]:
    """``doc``, and copies with one value replaced (or its key dropped, or a key added beside it)."""
    out = [doc]
    for path in rng.sample(_paths(doc), min(count, len(_paths(doc)))):
        changed = copy.deepcopy(doc)
        parent = changed
        for part in path[:-1]:
            parent = parent[part]
        action = rng.random()
        if isinstance(parent, dict) and action < 0.2:
            del parent[path[-1]]
        elif isinstance(parent, dict) and action < 0.3:
            parent[str(path[-1]) + "s"] = rng.choice(REPLACEMENTS)
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(REPLACEMENTS))
        out.append(changed)
    return out


def _documents(shared_corpus: list[dict[str, Any]]) -> list[Any]:
    docs = []
    for path in sorted((ROOT / "examples").glob("*.json")):
        try:
            docs.append(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            continue
    for record in shared_corpus:
        try:
            docs.append(json.loads(record["text"]))
        except ValueError:
            continue
    return docs


def test_the_bundled_schemas_each_have_a_gate() -> None:
    for name, fragment in TARGETS:
        assert schemas._gate(name, fragment) is not None, (name, fragment)


def _excused(error: Any) -> bool:
    """Whether validate() drops ``error`` as a placeholder's (the errors the gate's ``excused`` may pass)."""
    return error.validator in schemas._VALUE_KEYWORDS and schemas._is_placeholder(error.instance)


def test_the_gate_agrees_with_jsonschema_on_the_corpus_and_its_mutations(
        corpus_or_nothing: list[dict[str, Any]]) -> None:
    rng = random.Random(20)
    targets = [(compile_gate(schemas._loaded(name), fragment=fragment), schemas._gate(name, fragment),
                _as_written(name, fragment)) for name, fragment in TARGETS]
    compared = passed = excused = 0
    disagreements, unexcused = [], []
    for doc in _documents(corpus_or_nothing):
        for variant in _variants(doc, rng, 6):
            for exact, gate, validator in targets:
                assert exact is not None and gate is not None
                errors = list(validator.iter_errors(variant))
                compared += 1
                passed += not errors
                if exact(variant) != (not errors):
                    disagreements.append(json.dumps(variant)[:200])
                # what validate() runs passes a document only when jsonschema would say nothing it keeps
                if gate(variant):
                    excused += bool(errors)
                    if not all(_excused(error) for error in errors):
                        unexcused.append(json.dumps(variant)[:200])
    assert not disagreements, disagreements[:3]
    assert not unexcused, unexcused[:3]
    least = 30_000 if corpus_or_nothing else 50  # (without ../shared: the two bundled examples and their variants)
    assert compared > least and passed > compared // 20
    if corpus_or_nothing:  # (the placeholders the gate excuses are the corpus's: the bundled examples hold none)
        assert excused > compared // 200


def test_validate_builds_no_validator_for_a_valid_body(monkeypatch: pytest.MonkeyPatch) -> None:
    body = json.loads((ROOT / "examples" / "sageone-polling-fixed.json").read_text(encoding="utf-8"))

    def refused(*args: Any) -> Any:
        raise AssertionError("jsonschema was asked about a valid body")

    monkeypatch.setattr(schemas, "_validator", refused)
    assert schemas.validate(body) == []
    monkeypatch.undo()
    body["configuration"]["event.poller.refresh_interval"] = "often"
    assert [problem.rule for problem in schemas.validate(body)] == ["CE206"]  # the gate said no: jsonschema explains


def test_validate_builds_no_validator_for_a_body_wrong_only_in_its_placeholders(monkeypatch: pytest.MonkeyPatch) -> None:
    """A template's `<INTERVAL>` where a number belongs is the placeholder rules' (CE70x): the schema check drops
    jsonschema's error, so the gate spares the body jsonschema (and its import, in a one-file check)."""
    body = json.loads((ROOT / "examples" / "sageone-polling-fixed.json").read_text(encoding="utf-8"))
    body["configuration"]["event.poller.refresh_interval"] = "<INTERVAL>"
    assert schemas.validate(body) == []

    def refused(*args: Any) -> Any:
        raise AssertionError("jsonschema was asked about a body wrong only in its placeholders")

    monkeypatch.setattr(schemas, "_validator", refused)
    monkeypatch.setattr(schemas, "_errors_without_jsonschema", refused)  # (nor its errors found without it)
    assert schemas.validate(body) == []
    body["configuration"]["event.poller.refresh_interval"] = ["<INTERVAL>"]  # (not a placeholder: the errors')
    with pytest.raises(AssertionError, match="placeholders"):
        schemas.validate(body)


# --------------------------------------------------------------------------- generated schemas and values

_NAMES = ["a", "b", "url", "x-y"]
_PATTERNS = ["^a", "b$", "[0-9]", "^$", "^(a|url)$"]

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, 1.0, 1.5, -2.0]),
                     st.sampled_from(["", "a", "ab", "b1", "url", "A"]))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(_NAMES + ["c", "1"]), inner, max_size=3)),
    max_leaves=8)


def _schemas() -> st.SearchStrategy[Any]:
    """Schemas of the keywords the gate follows; a ``$ref`` points at the root's ``$defs/d``, which has none
    (jsonschema itself may crash on a cycle of references that never descends)."""
    leaf = st.one_of(
        st.booleans(),
        st.fixed_dictionaries({"type": st.one_of(
            st.sampled_from(["string", "integer", "number", "object", "array", "boolean", "null"]),
            st.lists(st.sampled_from(["string", "integer", "null", "boolean"]), min_size=1, max_size=2,
                     unique=True))}),
        st.fixed_dictionaries({"enum": st.lists(_scalars, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"const": _values}),
        st.fixed_dictionaries({"pattern": st.sampled_from(_PATTERNS)}),
        st.fixed_dictionaries({"minLength": st.integers(0, 2)}, optional={"maxLength": st.integers(0, 2)}),
        st.fixed_dictionaries({}, optional={"minimum": st.integers(-1, 1), "maximum": st.sampled_from([0, 1.5]),
                                            "exclusiveMinimum": st.integers(-1, 1),
                                            "exclusiveMaximum": st.integers(0, 2), "multipleOf": st.integers(1, 3)}),
        st.fixed_dictionaries({"required": st.lists(st.sampled_from(_NAMES), max_size=2, unique=True)},
                              optional={"minProperties": st.integers(0, 2), "maxProperties": st.integers(0, 2)}),
        st.fixed_dictionaries({}, optional={"minItems": st.integers(0, 2), "maxItems": st.integers(0, 2)}),
    )

    def nested(inner: st.SearchStrategy[Any], *, refs: bool = True) -> st.SearchStrategy[Any]:
        return st.one_of(
            st.fixed_dictionaries({}, optional={
                "properties": st.dictionaries(st.sampled_from(_NAMES), inner, max_size=3),
                "patternProperties": st.dictionaries(st.sampled_from(_PATTERNS), inner, max_size=2),
                "additionalProperties": inner,
                "propertyNames": inner,
                "dependentRequired": st.dictionaries(st.sampled_from(_NAMES),
                                                     st.lists(st.sampled_from(_NAMES), max_size=2), max_size=2),
                "dependentSchemas": st.dictionaries(st.sampled_from(_NAMES), inner, max_size=1),
                "type": st.sampled_from(["object", "string"]),
            }),
            st.fixed_dictionaries({"patternProperties": st.dictionaries(st.sampled_from(_PATTERNS), inner,
                                                                        min_size=1, max_size=2),
                                   "additionalProperties": st.one_of(st.just(False), inner)},
                                  optional={"properties": st.dictionaries(st.sampled_from(_NAMES), inner,
                                                                          max_size=2)}),
            st.fixed_dictionaries({}, optional={"items": inner, "prefixItems": st.lists(inner, min_size=1,
                                                                                        max_size=2)}),
            st.fixed_dictionaries({"not": inner}),
            st.fixed_dictionaries({"if": inner}, optional={"then": inner, "else": inner}),
            st.fixed_dictionaries({"anyOf": st.lists(inner, min_size=1, max_size=3)}),
            st.fixed_dictionaries({"allOf": st.lists(inner, min_size=1, max_size=3)}),
            st.fixed_dictionaries({"oneOf": st.lists(inner, min_size=1, max_size=3)}),
            st.just({"$ref": "#/$defs/d"} if refs else {}),
        )

    def rooted(schema: Any, defined: Any) -> Any:  # references point into the root's $defs
        return {**schema, "$defs": {"d": defined}} if isinstance(schema, dict) else schema

    return st.builds(rooted, st.recursive(leaf, nested, max_leaves=6),
                     st.recursive(leaf, lambda inner: nested(inner, refs=False), max_leaves=4))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=_schemas(), values=st.lists(_values, min_size=1, max_size=6))
def test_the_gate_agrees_with_jsonschema_on_generated_schemas(schema: Any, values: list[Any]) -> None:
    gate = compile_gate(schema)
    assert gate is not None, schema
    validator = Draft202012Validator(schema)
    lenient = compile_gate(schema, excused=_generated_excused)
    assert lenient is not None, schema
    for value in values:
        assert gate(value) == validator.is_valid(value), (schema, value)
        if lenient(value):  # then every error is a value keyword's, on an excused value
            assert all(error.validator in _VALUE_KEYWORDS and _generated_excused(error.instance)
                       for error in validator.iter_errors(value)), (schema, value)


_VALUE_KEYWORDS = frozenset({"type", "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum",
                             "exclusiveMaximum", "minLength", "maxLength", "multipleOf"})


def _generated_excused(value: Any) -> bool:
    return value in ("a", "url", 1) and not isinstance(value, bool)


def test_a_recursive_schema_is_followed() -> None:
    tree = {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}},
                                             "name": {"type": "string"}}, "required": ["name"]}
    gate = compile_gate(tree)
    assert gate is not None
    good = {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}
    bad = {"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}
    assert gate(good) and not gate(bad)
    assert Draft202012Validator(tree).is_valid(good) and not Draft202012Validator(tree).is_valid(bad)


def test_a_cycle_of_references_is_left_to_jsonschema() -> None:
    gate = compile_gate({"$defs": {"d": {"$ref": "#/$defs/d"}}, "$ref": "#/$defs/d"})
    assert gate is not None and gate({}) is False  # "ask jsonschema": never an answer the gate cannot give


@pytest.mark.parametrize("schema", [
    {"type": "string", "format": "date-time"},
    {"type": "array", "uniqueItems": True},
    {"contains": {"type": "string"}},
    {"unevaluatedProperties": False},
    {"$ref": "https://example.com/other.json"},
    {"$ref": "#anchor", "$defs": {"a": {"$anchor": "anchor"}}},
    {"$defs": {"a": {"$id": "https://example.com/a", "type": "string"}}, "$ref": "#/$defs/a"},
    {"$schema": "http://json-schema.org/draft-07/schema#", "type": "string"},
    {"pattern": "(unclosed"},
    {"type": "decimal"},
    {"$ref": "#/$defs/missing"},
    {"maxLength": 2.5}, {"minItems": 1.5}, {"maxLength": 1e999},  # (refused by a schema check anyway)
    {"$defs": {"x": {"$id": "https://example.com/x.json", "$defs": {"z": {"type": "integer"}},
                     "properties": {"y": {"$ref": "#/$defs/z"}}}, "z": {"type": "string"}},
     "$ref": "#/$defs/x/properties/y"},  # a pointer through an inner $id (from the review)
], ids=repr)
def test_what_the_gate_cannot_follow_goes_to_jsonschema(schema: dict[str, Any]) -> None:
    assert compile_gate(schema) is None


@pytest.mark.parametrize(("one", "two", "same"), [
    (1, 1.0, True), (True, 1, False), (False, 0, False), ([1, True], [1.0, True], True), ([True], [1], False),
    ({"a": [0]}, {"a": [0.0]}, True), ({"a": 0}, {"a": False}, False), ("1", 1, False), (None, None, True),
    ({"a": 1}, {"a": 1, "b": 2}, False), ([], {}, False),
])
def test_equality_is_jsonschemas(one: Any, two: Any, same: bool) -> None:
    assert equal(one, two) is same
    assert Draft202012Validator({"const": one}).is_valid(two) is same


def test_a_percent_encoded_pointer_is_read_as_jsonschema_reads_it() -> None:
    """From the review: `#/$defs/a%2Fb` is decoded whole, then split (`a`, then `b`), as `referencing` does."""
    schema = {"$defs": {"a/b": {"type": "string"}, "a": {"b": {"type": "integer"}}},
              "properties": {"n": {"$ref": "#/$defs/a%2Fb"}}}
    gate = compile_gate(schema)
    assert gate is not None
    for value in ({"n": "hello"}, {"n": 3}):
        assert gate(value) == Draft202012Validator(schema).is_valid(value), value
    escaped = {"$defs": {"a/b": {"type": "string"}}, "properties": {"n": {"$ref": "#/$defs/a~1b"}}}
    assert compile_gate(escaped)({"n": 3}) is False and compile_gate(escaped)({"n": "x"}) is True


_TYPE_NAMES = ("string", "integer", "number", "object", "array", "boolean", "null")
_TYPED_VALUES = ("", "1", 0, 1, -2, 1.0, 1.5, float("nan"), True, False, None, {}, {"a": 1}, [], [1])


def test_a_type_of_several_names_is_read_as_jsonschema_reads_it() -> None:
    # every union of up to three names (and none): a bool is no integer nor number, 1.0 is an integer
    unions: list[Any] = [[]] + [[name] for name in _TYPE_NAMES] + [
        list(names) for size in (2, 3) for names in itertools.combinations(_TYPE_NAMES, size)]
    for names in unions + [name for name in _TYPE_NAMES] + [["integer", "integer"], ["null", "string", "null"]]:
        schema = {"type": names}
        gate = compile_gate(schema)
        assert gate is not None, schema
        validator = Draft202012Validator(schema)
        for value in _TYPED_VALUES:
            assert gate(value) == validator.is_valid(value), (schema, value)


def test_a_gate_asks_its_patterns_of_a_key_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the same keys come back in every body: patternProperties (and their join, for additionalProperties) are
    # searched once per key and gate, whatever the number of documents
    import re

    from validator import schema_gate

    searched: list[str] = []

    class Counting:
        def __init__(self, source: str) -> None:
            self.compiled = re.compile(source)

        def search(self, text: str) -> re.Match[str] | None:
            searched.append(text)
            return self.compiled.search(text)

    monkeypatch.setattr(schema_gate, "schema_pattern", Counting)
    schema = {"properties": {"name": {"type": "string"}}, "patternProperties": {r"\.": {"not": {}}, "^x": True},
              "additionalProperties": {"type": "integer"}}
    gate = compile_gate(schema)
    assert gate is not None
    documents = [{"name": "a", "count": 1, "x-y": "z"}, {"name": "b", "count": 2}, {"a.b": 1}, {"count": "3"}]
    validator = Draft202012Validator(schema)
    for _ in range(3):
        assert [gate(document) for document in documents] == [validator.is_valid(document) for document in documents]
    assert sorted(searched) == sorted(["name", "count", "x-y", "a.b"] * 3)  # (the join and each of the two patterns)
