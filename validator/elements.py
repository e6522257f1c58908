"""Element definitions (``GET /elements/{key}``) and API docs (``GET /elements/{key}/docs``) as check input.

A folder given with ``--element-docs DIR`` holds ``<key>/element.json`` and/or
``<key>/swagger.json`` as exported from a Cloud Elements account.  From the
definition come the configuration keys an element declares (which a user must
supply, which are secrets, maximum lengths, booleans) and the platform's default
poller; from the Swagger 2.0 docs, the hub paths with their GET query parameters
and response models, so a poller's ``idField`` and date fields can be looked up.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from .options import SetupError

_TEXTFIELD = re.compile(r"TEXTFIELD_(\d+)$")


class ElementDocsError(SetupError):
    """An element docs folder or file that cannot be read (a usage error: exit 2)."""


@dataclass(frozen=True, slots=True)
class ConfigKey:
    """One configuration key as an element declares it."""

    key: str
    type: str
    required: bool
    default: str | None
    internal: bool
    name: str = ""
    description: str = ""

    @property
    def user_supplied(self) -> bool:
        """A key the user must supply: required, not internal, without a default."""
        return self.required and not self.internal and self.default in (None, "")

    @property
    def secret(self) -> bool:
        return self.type == "PASSWORD"

    @property
    def boolean(self) -> bool:
        return self.type == "BOOLEAN"

    @property
    def max_length(self) -> int | None:
        match = _TEXTFIELD.match(self.type or "")
        return int(match.group(1)) if match else None


@dataclass(frozen=True)
class ElementDefinition:
    key: str
    name: str
    hub: str | None
    configuration: dict[str, ConfigKey]
    default_poller: str | None  # the JSON string of event.poller.configuration's defaultValue

    @classmethod
    def from_json(cls, data: dict) -> "ElementDefinition":
        keys: dict[str, ConfigKey] = {}
        default_poller = None
        for item in data.get("configuration") or []:
            if not isinstance(item, dict) or not isinstance(item.get("key"), str):
                continue
            default = item.get("defaultValue")
            keys[item["key"]] = ConfigKey(
                key=item["key"],
                type=str(item.get("type") or ""),
                required=bool(item.get("required")),
                default=default if isinstance(default, str) or default is None else json.dumps(default),
                internal=bool(item.get("internal")),
                name=str(item.get("name") or ""),
                description=str(item.get("description") or ""),
            )
            if item["key"] == "event.poller.configuration" and isinstance(default, str) and default.strip():
                default_poller = default
        return cls(key=str(data.get("key") or ""), name=str(data.get("name") or ""), hub=data.get("hub"),
                   configuration=keys, default_poller=default_poller)

    def default_poller_value(self) -> dict | None:
        if not self.default_poller:
            return None
        try:
            value = json.loads(self.default_poller)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None


def split_field_path(path: str) -> list[str] | None:
    """``user.id`` → ``["user", "id"]``; ``['Modified Time']`` → ``["Modified Time"]``; ``a[0].b`` → ``["a", "0", "b"]``.

    None when the path is malformed (unbalanced brackets or quotes).
    """
    parts: list[str] = []
    i, n = 0, len(path)
    current = ""
    while i < n:
        c = path[i]
        if c == ".":
            if current:
                parts.append(current)
            current = ""
            i += 1
        elif c == "[":
            if current:
                parts.append(current)
                current = ""
            close = path.find("]", i)
            if close < 0:
                return None
            inner = path[i + 1:close].strip()
            if len(inner) >= 2 and inner[0] == inner[-1] and inner[0] in "'\"":
                inner = inner[1:-1]
            elif inner[:1] in ("'", '"'):
                return None
            parts.append(inner)
            i = close + 1
        else:
            current += c
            i += 1
    if current:
        parts.append(current)
    return parts


@dataclass
class ApiDocs:
    """The element's Swagger 2.0 docs: paths relative to the hub."""

    paths: dict[str, dict]
    definitions: dict[str, Any]
    _segments: list[tuple[str, list[str]]] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> "ApiDocs":
        paths = data.get("paths") if isinstance(data.get("paths"), dict) else {}
        docs = cls(paths=paths, definitions=data.get("definitions") or {})
        docs._segments = [(p, [s for s in p.split("/") if s]) for p in paths]
        return docs

    def match(self, path: str) -> str | None:
        """The documented path matching ``path`` (``{var}`` segments match anything), or None."""
        wanted = [s for s in path.split("/") if s]
        if "/" + "/".join(wanted) in self.paths:
            return "/" + "/".join(wanted)
        best, best_literal = None, -1
        for template, segments in self._segments:
            if len(segments) != len(wanted):
                continue
            if all(a == b or _is_var(a) or _is_var(b) for a, b in zip(segments, wanted)):
                literal = sum(a == b for a, b in zip(segments, wanted))
                if literal > best_literal:
                    best, best_literal = template, literal
        return best

    @staticmethod
    def is_generic(template: str) -> bool:
        """A catch-all route such as ``/{objectName}``: its docs say nothing about one resource's records."""
        first = next((s for s in template.split("/") if s), "")
        return _is_var(first)

    def get_operation(self, template: str) -> dict | None:
        operation = (self.paths.get(template) or {}).get("get")
        return operation if isinstance(operation, dict) else None

    def query_parameters(self, operation: dict) -> set[str]:
        names = set()
        for param in operation.get("parameters") or []:
            param = self.resolve(param)
            if isinstance(param, dict) and param.get("in") == "query" and isinstance(param.get("name"), str):
                names.add(param["name"])
        return names

    def record_model(self, operation: dict) -> Any:
        """The schema of one record of a GET's 200 response (arrays unwrapped), or None."""
        response = (operation.get("responses") or {}).get("200") or {}
        schema = self.resolve(response.get("schema")) if isinstance(response, dict) else None
        while isinstance(schema, dict) and schema.get("type") == "array":
            schema = self.resolve(schema.get("items"))
        return schema

    def resolve(self, schema: Any, depth: int = 0) -> Any:
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and depth < 50:
            ref = schema["$ref"]
            name = ref.rsplit("/", 1)[-1]
            schema = self.definitions.get(name)
            depth += 1
        return schema

    def has_field(self, model: Any, parts: list[str]) -> bool | None:
        """True when the model has the field, False when it surely lacks it, None when it cannot tell."""
        schema = self.resolve(model)
        for part in parts:
            while isinstance(schema, dict) and schema.get("type") == "array":
                if part.isdigit():
                    break
                schema = self.resolve(schema.get("items"))
            if not isinstance(schema, dict):
                return None
            if schema.get("type") == "array" and part.isdigit():
                schema = self.resolve(schema.get("items"))
                continue
            properties = schema.get("properties")
            if not isinstance(properties, dict) or not properties:
                return None  # a free-form object: nothing to compare with
            if part not in properties:
                return False
            schema = self.resolve(properties[part])
        return True

    def field_names(self, model: Any) -> list[str]:
        schema = self.resolve(model)
        if isinstance(schema, dict) and isinstance(schema.get("properties"), dict):
            return sorted(schema["properties"])
        return []


def _is_var(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


@dataclass
class ElementDocs:
    key: str
    definition: ElementDefinition | None
    api: ApiDocs | None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ElementDocsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ElementDocsError(f"{path}: not valid JSON: {exc}") from None


@lru_cache(maxsize=64)
def load_element(directory: str, key: str) -> ElementDocs | None:
    """The docs of element ``key`` in ``directory``, or None when the folder has neither file."""
    folder = Path(directory) / key
    element_file, swagger_file = folder / "element.json", folder / "swagger.json"
    if not element_file.is_file() and not swagger_file.is_file():
        return None
    definition = api = None
    if element_file.is_file():
        data = _read_json(element_file)
        if not isinstance(data, dict):
            raise ElementDocsError(f"{element_file}: not an element definition (a JSON object)")
        definition = ElementDefinition.from_json(data)
    if swagger_file.is_file():
        data = _read_json(swagger_file)
        if not isinstance(data, dict):
            raise ElementDocsError(f"{swagger_file}: not Swagger 2.0 docs (a JSON object)")
        api = ApiDocs.from_json(data)
    return ElementDocs(key=key, definition=definition, api=api)


def find_element(directories: tuple[str, ...], key: str) -> ElementDocs | None:
    """The first folder's docs for ``key``."""
    for directory in directories:
        if not Path(directory).is_dir():
            raise ElementDocsError(f"{directory}: not a directory of element docs")
        if "/" in key or key in ("", ".", ".."):
            return None
        found = load_element(directory, key)
        if found is not None:
            return found
    return None


def overlay_schema(definition: ElementDefinition) -> dict:
    """A per-element JSON Schema overlay (like ``schemas/elements/sageone.schema.json``) from a definition."""
    properties: dict[str, Any] = {}
    for key in sorted(definition.configuration):
        item = definition.configuration[key]
        if item.internal or key.startswith("event."):
            continue
        description = item.description or item.name or key
        if item.boolean:
            prop: dict[str, Any] = {"description": description, "oneOf": [{"type": "boolean"},
                                                                           {"enum": ["true", "false"]}]}
        else:
            prop = {"description": description, "type": "string"}
            if item.max_length:
                prop["maxLength"] = item.max_length
            if item.user_supplied:
                prop["minLength"] = 1
        if item.secret:
            prop["writeOnly"] = True
        properties[key] = prop
    required = sorted(k for k, item in definition.configuration.items() if item.user_supplied)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://ce-validator.dev/schemas/elements/{definition.key}.schema.json",
        "title": f"{definition.name or definition.key} instance body",
        "description": f"Generated by `ce-validator schema from-element` from the `{definition.key}` element definition: "
                       "the configuration keys a user supplies, with their types and limits.",
        "type": "object",
        "properties": {
            "element": {
                "description": "The element this instance belongs to.",
                "type": "object",
                "properties": {"key": {"description": "The element key.", "const": definition.key}},
            },
            "configuration": {
                "description": f"Configuration keys of the `{definition.key}` element.",
                "$ref": "#/$defs/configuration",
            },
        },
        "$defs": {
            "configuration": {
                "description": f"The configuration keys of the `{definition.key}` element that a user supplies.",
                "type": "object",
                "required": required,
                "properties": properties,
            },
        },
    }


def iter_user_keys(definition: ElementDefinition) -> Iterator[ConfigKey]:
    for item in definition.configuration.values():
        if item.user_supplied:
            yield item


def declared_secret_keys(directories: tuple[str, ...], key: str | None) -> frozenset[str]:
    """The configuration keys element ``key`` types ``PASSWORD`` (empty without element docs)."""
    if not directories or not key:
        return frozenset()
    docs = find_element(directories, key)
    if docs is None or docs.definition is None:
        return frozenset()
    return frozenset(k for k, item in docs.definition.configuration.items() if item.secret)
