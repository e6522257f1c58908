"""jsonschema's errors for a bundled schema, found without jsonschema (nor its import).

A body the gate (:mod:`validator.schema_gate`) does not pass was given to jsonschema, and a batch of files imported
it (with ``referencing``, ``attrs`` and the meta-schemas) for the few such bodies among them: a tenth of the
instructions of 300 corpus bodies.  The bundled schemas use a handful of keywords, and the translation
(:class:`validator.schemas._Translator`) reads only what an error says of itself: its keyword (``validator``), the
keyword's value, the value that failed, the subschema and the value's path.  :func:`errors_of` yields those, in
jsonschema's order, for the copy of a schema that jsonschema is given (:func:`validator.schema_refs.inline_refs`:
references followed, plain properties under one keyword), and gives up (``None``: ask jsonschema) at what it
does not follow: a keyword outside :data:`_FOLLOWED`, a failing ``anyOf`` without an ``x-message`` (the
translation picks among its branches' errors with jsonschema's ``best_match``), a reference out of the document,
a document nested too deep.
The tests compare it with jsonschema on the corpus and its mutations.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator, NamedTuple, cast

from .schema_gate import JSON_TYPES, equal, resolve_pointer, schema_pattern
from .schema_refs import PLAIN_PROPERTIES

__all__ = ["SchemaError", "errors_of", "inlined"]


class SchemaError(NamedTuple):
    """What the translation reads of a jsonschema ``ValidationError``."""

    validator: Any  # the keyword (None for a `false` schema, as jsonschema's)
    validator_value: Any
    instance: Any
    schema: Any
    absolute_path: tuple[Any, ...]
    context: tuple[()] = ()  # (errors with a context, a failing anyOf's or oneOf's, are jsonschema's)


class _Unfollowed(Exception):
    """What jsonschema alone answers for."""


# Draft 2020-12's keywords that jsonschema asserts with; any other key (`description`, `x-rule`, `then`) is read
# only through one of these
_ASSERTING = frozenset({"$dynamicRef", "$ref", "additionalProperties", "allOf", "anyOf", "const", "contains",
                        "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum",
                        "format", "if", "items", "maxItems", "maxLength", "maxProperties", "maximum", "minItems",
                        "minLength", "minProperties", "minimum", "multipleOf", "not", "oneOf", "pattern",
                        "patternProperties", "prefixItems", "properties", "propertyNames", "required", "type",
                        "unevaluatedItems", "unevaluatedProperties", "uniqueItems", PLAIN_PROPERTIES})

_OWN = object()  # a keyword's own error, at the value it checks

Keyword = Callable[[Any, Any, dict[str, Any], tuple[Any, ...]], Iterator[Any]]


def errors_of(schema: Any, value: Any) -> list[SchemaError] | None:
    """jsonschema's errors of ``value`` against ``schema`` (an inlined copy), in its order; None when it is not
    followed here."""
    try:
        found = list(_errors(schema, value, ()))
    except (_Unfollowed, RecursionError):
        return None
    # the translation says a failing anyOf's `x-message`, else it picks among the errors of its branches (its
    # context, not kept here) with jsonschema's best_match
    return None if any(error.validator == "anyOf" and "x-message" not in error.schema for error in found) else found


@lru_cache(maxsize=None)
def inlined(name: str, fragment: str = "") -> dict[str, Any] | None:
    """The copy of the bundled schema ``name`` (at ``fragment``) that jsonschema validates with, made without
    ``referencing``: every reference in the bundled schemas points into its own document."""
    from .schema_refs import _Inliner
    from .schemas import _loaded

    root = _loaded(name)

    class Resolved(NamedTuple):
        contents: Any
        resolver: Any

    class Resolver:
        def lookup(self, ref: str) -> Resolved:
            return Resolved(resolve_pointer(root, ref), self)

    try:
        copy = _Inliner().schema(resolve_pointer(root, fragment or "#"), cast(Any, Resolver()), top=True)
    except Exception:  # noqa: BLE001 - what cannot be inlined (a reference elsewhere, a cycle): jsonschema's
        return None
    return copy if isinstance(copy, dict) else None


def _errors(schema: Any, instance: Any, path: tuple[Any, ...]) -> Iterator[SchemaError]:
    if schema is True:
        return
    if schema is False:
        yield SchemaError(None, None, instance, False, path)
        return
    if not isinstance(schema, dict):
        raise _Unfollowed("a schema is an object or a boolean")
    for keyword, value in schema.items():
        if keyword not in _ASSERTING:
            continue
        check = _FOLLOWED.get(keyword)
        if check is None:
            raise _Unfollowed(keyword)
        for error in check(value, instance, schema, path):
            yield SchemaError(keyword, value, instance, schema, path) if error is _OWN else error


def _valid(schema: Any, instance: Any) -> bool:
    return next(_errors(schema, instance, ()), None) is None


def _is(instance: Any, kind: Any) -> bool:
    check = JSON_TYPES.get(kind) if isinstance(kind, str) else None
    if check is None:
        raise _Unfollowed("an unknown type")
    return check(instance)


def _type(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if not any(_is(instance, kind) for kind in ([value] if isinstance(value, str) else value)):
        yield _OWN


def _enum(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if all(not equal(each, instance) for each in value):
        yield _OWN


def _const(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if not equal(instance, value):
        yield _OWN


def _pattern(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if isinstance(instance, str) and not schema_pattern(value).search(instance):
        yield _OWN


def _min_length(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if isinstance(instance, str) and len(instance) < value:
        yield _OWN


def _max_length(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if isinstance(instance, str) and len(instance) > value:
        yield _OWN


def _minimum(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if JSON_TYPES["number"](instance) and instance < value:
        yield _OWN


def _maximum(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if JSON_TYPES["number"](instance) and instance > value:
        yield _OWN


def _required(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if isinstance(instance, dict):
        for name in value:
            if name not in instance:
                yield _OWN  # (one error for each name missing, as jsonschema says it)


def _properties(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if isinstance(instance, dict):
        for name, sub in value.items():
            if name in instance:
                yield from _errors(sub, instance[name], path + (name,))


def _plain_properties(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    """:func:`validator.schema_refs._plain_properties`: each plain property's ``type`` and ``minLength``."""
    if not isinstance(instance, dict):
        return
    for name, sub in value.items():
        if name not in instance:
            continue
        item = instance[name]
        for keyword, expected in sub.items():
            if keyword == "type" and not any(_is(item, kind)
                                             for kind in ([expected] if isinstance(expected, str) else expected)):
                yield SchemaError("type", expected, item, sub, path + (name,))
            elif keyword == "minLength" and isinstance(item, str) and len(item) < expected:
                yield SchemaError("minLength", expected, item, sub, path + (name,))


def _pattern_properties(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if isinstance(instance, dict):
        for pattern, sub in value.items():
            for name, item in instance.items():
                if schema_pattern(pattern).search(name):
                    yield from _errors(sub, item, path + (name,))


def _additional_properties(value: Any, instance: Any, schema: dict[str, Any],
                           path: tuple[Any, ...]) -> Iterator[Any]:
    if not isinstance(instance, dict):
        return
    properties = schema.get("properties", {})
    patterns = "|".join(schema.get("patternProperties", {}))
    # a set, as jsonschema's: its errors come in the set's order (the translation ranks them by place)
    extras = {name for name in instance
              if name not in properties and not (patterns and schema_pattern(patterns).search(name))}
    if isinstance(value, dict):
        for name in extras:
            yield from _errors(value, instance[name], path + (name,))
    elif not value and extras:
        yield _OWN


def _property_names(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if isinstance(instance, dict):
        for name in instance:
            yield from _errors(value, name, path)


def _items(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if not isinstance(instance, list):
        return
    if value is False or "prefixItems" in schema:
        raise _Unfollowed("items after prefixItems")
    for index, item in enumerate(instance):
        yield from _errors(value, item, path + (index,))


def _all_of(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    for sub in value:
        yield from _errors(sub, instance, path)


def _any_of(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if not any(_valid(sub, instance) for sub in value):
        yield _OWN  # (reported only with an `x-message`: see errors_of)


def _not(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if _valid(value, instance):
        yield _OWN


def _if(value: Any, instance: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[Any]:
    if _valid(value, instance):
        if "then" in schema:
            yield from _errors(schema["then"], instance, path)
    elif "else" in schema:
        yield from _errors(schema["else"], instance, path)


_FOLLOWED: dict[str, Keyword] = {
    "type": _type, "enum": _enum, "const": _const, "pattern": _pattern, "minLength": _min_length,
    "maxLength": _max_length, "minimum": _minimum, "maximum": _maximum, "required": _required,
    "properties": _properties, PLAIN_PROPERTIES: _plain_properties, "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties, "propertyNames": _property_names, "items": _items,
    "allOf": _all_of, "anyOf": _any_of, "not": _not, "if": _if,
}
