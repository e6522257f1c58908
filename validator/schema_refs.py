"""A schema with its ``$ref``s replaced by what they point at, for faster validation.

jsonschema looks a ``$ref`` up in the ``referencing`` registry every time it validates through it,
which was about 40% of the validation of a typical body.  The bundled schemas are not recursive, so
the validator can be given the same schema with each reference already followed.  Errors keep the
subschema that failed (``error.schema`` with its ``x-rule``, ``x-message`` and ``x-belongs``), their
instance paths and their context; only ``schema_path``, which nothing here reads, differs.

Editors' annotations (descriptions, examples, snippets, error messages) are left out of this copy.
The schemas on disk keep their references and annotations: editors and other tools read those.

A property whose schema only checks a type (and a string's least length) is checked by one keyword of its
object, :data:`PLAIN_PROPERTIES`, instead of one jsonschema descent each: a descent builds a validator, a
resource and a resolver, about 5 us, and was half the validation of a poller entry.  Its name stays in
``properties`` (as ``true``), for ``additionalProperties`` and the unknown-key messages, and its errors are
those the ``type`` and ``minLength`` keywords would raise, with the property's own schema.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

from .schema_gate import JSON_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from jsonschema.exceptions import ValidationError
    from referencing import Registry
    from referencing._core import Resolver

# 2020-12 keywords whose value is a schema, a list of schemas, or a map of names to schemas.
_ONE = frozenset({"additionalProperties", "items", "contains", "propertyNames", "if", "then", "else", "not",
                  "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"})
_MANY = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_NAMED = frozenset({"properties", "patternProperties", "dependentSchemas"})
_DROPPED = frozenset({"$defs", "definitions", "$schema", "$id", "$ref", "$comment",
                      "x-plain-properties"})  # a schema's own annotation of that name: only the copy's is read
# Words for editors, which validation never reads but would walk past in every subschema it enters.
_FOR_EDITORS = frozenset({"title", "description", "markdownDescription", "examples", "default", "defaultSnippets",
                          "errorMessage", "patternErrorMessage", "deprecated", "readOnly", "writeOnly"})


PLAIN_PROPERTIES = "x-plain-properties"  # also in _DROPPED
_PLAIN_KEYWORDS = frozenset({"type", "minLength"})


def _is_plain(schema: Any) -> bool:
    """Whether a property schema only checks a type and a least length (``x-`` annotations aside)."""
    return isinstance(schema, dict) and "type" in schema and all(
        keyword in _PLAIN_KEYWORDS or keyword.startswith("x-") for keyword in schema)


def _with_plain_properties(node: Any) -> Any:
    """``node`` with its plain properties checked by :data:`PLAIN_PROPERTIES`, placed where ``properties`` is
    (a boolean schema, which a ``$ref`` may lead to, as it is)."""
    if not isinstance(node, dict):
        return node
    properties = node.get("properties")
    if not isinstance(properties, dict):
        return node
    plain = {name: schema for name, schema in properties.items() if _is_plain(schema)}
    if not plain:
        return node
    out: dict[str, Any] = {}
    for keyword, value in node.items():
        if keyword == "properties":
            out[keyword] = {name: True if name in plain else schema for name, schema in properties.items()}
            out[PLAIN_PROPERTIES] = plain
        else:
            out[keyword] = value
    return out


def _plain_properties(validator: Any, plain: dict[str, Any], instance: Any, schema: Any) -> Iterator[ValidationError]:
    """The :data:`PLAIN_PROPERTIES` keyword: what ``type`` and ``minLength`` in each property would raise."""
    if not isinstance(instance, dict):
        return
    # the smaller side is walked (a configuration object names a few of its schema's forty-odd keys), in the
    # schema's order, as jsonschema reports
    names = [name for name in plain if name in instance] if len(plain) <= len(instance) else \
        sorted((name for name in instance if name in plain), key=list(plain).index)
    for name in names:
        subschema, value = plain[name], instance[name]
        for keyword, expected in subschema.items():  # in the schema's order, as jsonschema would
            if keyword == "type":
                listed = [expected] if isinstance(expected, str) else expected
                if not any(_is_type(validator, value, kind) for kind in listed):
                    yield _error(f"{value!r} is not of type {', '.join(repr(kind) for kind in listed)}",
                                 "type", expected, value, subschema, name)
            elif keyword == "minLength" and isinstance(value, str) and len(value) < expected:
                yield _error(f"{value!r} {'should be non-empty' if expected == 1 else 'is too short'}",
                             "minLength", expected, value, subschema, name)


def _is_type(validator: Any, value: Any, kind: str) -> bool:
    """JSON Schema's type as jsonschema's type checker reads it (the gate's table: one call, not three)."""
    check = JSON_TYPES.get(kind)
    return check(value) if check is not None else bool(validator.is_type(value, kind))


def _error(message: str, keyword: str, expected: Any, value: Any, subschema: Any, name: str) -> ValidationError:
    from jsonschema.exceptions import ValidationError

    return ValidationError(message, validator=keyword, validator_value=expected, instance=value, schema=subschema,
                           path=(name,), schema_path=(name, keyword))


@lru_cache(maxsize=1)
def validator_class() -> Any:
    """Draft 2020-12's validator, with the :data:`PLAIN_PROPERTIES` keyword of the copies made here."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {PLAIN_PROPERTIES: _plain_properties})


class _CannotInline(Exception):
    """A recursive reference, a dynamic one, or an inner ``$id``: validate through the registry instead."""


def inline_refs(ref: str, registry: Registry[Any]) -> dict[str, Any] | None:
    """The schema ``ref`` names in ``registry``, every ``$ref`` in it followed, or None where that cannot be
    done faithfully (a recursive or dynamic reference, an inner ``$id``)."""
    resolver = registry.resolver()
    try:
        resolved = resolver.lookup(ref)
        result = _Inliner().schema(resolved.contents, resolved.resolver, top=True)
    except (_CannotInline, RecursionError):
        return None
    except Exception:  # noqa: BLE001 - an unresolvable reference: the registry path reports it as before
        return None
    return result if isinstance(result, dict) else None


class _Inliner:
    def __init__(self) -> None:
        self._done: dict[int, Any] = {}
        self._open: set[int] = set()

    def schema(self, node: Any, resolver: Resolver[Any], *, top: bool = False) -> Any:
        if not isinstance(node, dict):
            return node  # true, false
        if not top and "$id" in node:
            raise _CannotInline
        if "$dynamicRef" in node or "$recursiveRef" in node:
            raise _CannotInline
        marker = id(node)  # each resource is parsed separately, so a node belongs to one base URI
        if marker in self._done:
            return self._done[marker]
        if marker in self._open:
            raise _CannotInline
        self._open.add(marker)
        out: dict[str, Any] = {}
        target = node.get("$ref")
        for keyword, value in node.items():
            if keyword == "$ref" and isinstance(target, str) and "allOf" not in node:
                out["allOf"] = []  # where the reference was: its errors keep their place among the others
            if keyword in _DROPPED or keyword in _FOR_EDITORS:
                continue
            if keyword in _ONE:
                out[keyword] = self.schema(value, resolver)
            elif keyword in _MANY and isinstance(value, list):
                out[keyword] = [self.schema(item, resolver) for item in value]
            elif keyword in _NAMED and isinstance(value, dict):
                out[keyword] = {name: self.schema(item, resolver) for name, item in value.items()}
            else:
                out[keyword] = value
        if isinstance(target, str):
            resolved = resolver.lookup(target)
            followed = self.schema(resolved.contents, resolved.resolver)
            if list(out) == ["allOf"] and not out["allOf"]:
                out = followed
            else:  # a $ref beside other keywords applies in place, as an allOf does
                out["allOf"] = [*out.get("allOf", []), followed]
        out = _with_plain_properties(out)
        self._open.discard(marker)
        self._done[marker] = out
        return out
