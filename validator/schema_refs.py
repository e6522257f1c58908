"""A schema with its ``$ref``s replaced by what they point at, for faster validation.

jsonschema looks a ``$ref`` up in the ``referencing`` registry every time it validates through it,
which was about 40% of the validation of a typical body.  The bundled schemas are not recursive, so
the validator can be given the same schema with each reference already followed.  Errors keep the
subschema that failed (``error.schema`` with its ``x-rule``, ``x-message`` and ``x-belongs``), their
instance paths and their context; only ``schema_path``, which nothing here reads, differs.

Editors' annotations (descriptions, examples, snippets, error messages) are left out of this copy.
The schemas on disk keep their references and annotations: editors and other tools read those.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from referencing import Registry
    from referencing._core import Resolver

# 2020-12 keywords whose value is a schema, a list of schemas, or a map of names to schemas.
_ONE = frozenset({"additionalProperties", "items", "contains", "propertyNames", "if", "then", "else", "not",
                  "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"})
_MANY = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_NAMED = frozenset({"properties", "patternProperties", "dependentSchemas"})
_DROPPED = frozenset({"$defs", "definitions", "$schema", "$id", "$ref", "$comment"})
# Words for editors, which validation never reads but would walk past in every subschema it enters.
_FOR_EDITORS = frozenset({"title", "description", "markdownDescription", "examples", "default", "defaultSnippets",
                          "errorMessage", "patternErrorMessage", "deprecated", "readOnly", "writeOnly"})


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
        self._open.discard(marker)
        self._done[marker] = out
        return out
