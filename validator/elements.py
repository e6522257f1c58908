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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .json_text import compact
from .options import SetupError
from .vocabulary.spelling import squashed

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
    group: str | None = None  # ``groupName``: the option of a control key (a login method) it belongs to
    options: tuple[str, ...] = ()  # a control key's choices (``groupControl`` with ``options``)
    choices: tuple[str, ...] = ()  # a COMBO key's option values, a control key's or not

    @property
    def user_supplied(self) -> bool:
        """A key the user must supply: required, not internal, without a default."""
        return self.required and not self.internal and self.default in (None, "")

    @property
    def secret(self) -> bool:
        return self.type == "PASSWORD"

    @property
    def boolean(self) -> bool:
        """A ``BOOLEAN`` key, or a ``BOOLEAN_YESNO`` one (the console asks yes or no, and stores true or false: its
        defaults are ``"false"``/``"true"``)."""
        return self.type in ("BOOLEAN", "BOOLEAN_YESNO")

    @property
    def max_length(self) -> int | None:
        """The field size of a ``TEXTFIELD_N`` key (the console's, not a limit the platform enforces)."""
        match = _TEXTFIELD.match(self.type or "")
        return int(match.group(1)) if match else None

    @property
    def control(self) -> bool:
        """A key whose value chooses a group of other keys (``authentication.type``, ``event.vendor.type``)."""
        return bool(self.options)


# A `{key}` in the host of a URL template: after `scheme://`, before the path.
URL_SCHEME = re.compile(r"^[A-Za-z][\w+.-]*://")  # `https://` at a URL's start
_HOST_VARIABLE = re.compile(URL_SCHEME.pattern + r"[^/{]*\{([\w.\-]+)\}[^/{]*(?:/|$)")


@dataclass(frozen=True)
class ElementDefinition:
    key: str
    name: str
    hub: str | None
    configuration: dict[str, ConfigKey]
    default_poller: str | None  # the JSON string of event.poller.configuration's defaultValue
    authentication: str | None = None  # the element's ``authentication.type`` (its default login method)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ElementDefinition:
        keys: dict[str, ConfigKey] = {}
        default_poller = None
        for item in data.get("configuration") or []:
            if not isinstance(item, dict) or not isinstance(item.get("key"), str):
                continue
            default = item.get("defaultValue")
            options: tuple[str, ...] = ()
            if item.get("groupControl") and isinstance(item.get("options"), list):
                options = tuple(o["value"] for o in item["options"]
                                if isinstance(o, dict) and isinstance(o.get("value"), str))
            choices = tuple(o["value"] for o in item.get("options") or [] if isinstance(o, dict)
                            and isinstance(o.get("value"), str)) if isinstance(item.get("options"), list) else ()
            group = item.get("groupName")
            keys[item["key"]] = ConfigKey(
                key=item["key"],
                type=_text(item.get("type") or ""),
                required=bool(item.get("required")),
                default=default if isinstance(default, str) or default is None else compact(default),
                internal=bool(item.get("internal")),
                name=_text(item.get("name") or ""),
                description=_text(item.get("description") or ""),
                group=group if isinstance(group, str) and group else None,
                options=options,
                choices=choices,
            )
            if item["key"] == "event.poller.configuration" and isinstance(default, str) and default.strip():
                default_poller = default
        auth = data.get("authentication")
        method = auth.get("type") if isinstance(auth, dict) else None
        return cls(key=_text(data.get("key") or ""), name=_text(data.get("name") or ""), hub=data.get("hub"),
                   configuration=keys, default_poller=default_poller,
                   authentication=method if isinstance(method, str) and method else None)

    def hosts_built_from(self) -> dict[str, tuple[str, str]]:
        """Each configuration key the element puts into the host of a URL it declares (Chargebee's ``site`` in
        ``base.url`` ``https://{site}.chargebee.com/api/v1``), with that URL's key and template; the first such
        URL per key."""
        placed: dict[str, tuple[str, str]] = {}
        for item in self.configuration.values():
            template = item.default or ""
            if "://" not in template or "{" not in template:
                continue
            for name in _HOST_VARIABLE.findall(template):
                if name in self.configuration and name != item.key:
                    placed.setdefault(name, (item.key, template))
        return placed

    def group_controls(self) -> dict[str, ConfigKey]:
        """Each group name (``oauth2Password``) with the control key whose option it is (``authentication.type``)."""
        owners: dict[str, ConfigKey] = {}
        for item in self.configuration.values():
            for option in item.options:
                owners.setdefault(option, item)
        return owners

    def default_choice(self, control: ConfigKey) -> str | None:
        """The option a body that omits ``control`` gets: its default, else the element's login method."""
        if control.default in control.options:
            return control.default
        if control.key == "authentication.type" and self.authentication in control.options:
            return self.authentication
        return None

    def choice(self, control: ConfigKey, configuration: Mapping[str, Any] | None) -> str | None:
        """The option ``configuration`` chooses for ``control``; None when its value is none of the options.

        An absent key takes :meth:`default_choice`; a value that is not one of the options (a
        placeholder, a typo, null) chooses no group, so none of the group's keys is required.
        """
        if configuration is None or control.key not in configuration:
            return self.default_choice(control)
        value = configuration[control.key]
        return value if isinstance(value, str) and value in control.options else None

    def required_keys(self, configuration: Mapping[str, Any] | None) -> list[ConfigKey]:
        """The keys a user must supply for the login method (and other choices) ``configuration`` makes.

        A key is user-supplied when required, not internal and without a default; a key of a group
        (``groupName: oauth2Password``) is required only when its control key chooses that group.
        This is the one definition: the element check (CE105) and :func:`overlay_schema` both use it.
        """
        owners = self.group_controls()
        required = []
        for item in self.configuration.values():
            if not item.user_supplied:
                continue
            control = owners.get(item.group) if item.group else None
            if control is None or self.choice(control, configuration) == item.group:
                required.append(item)
        return required

    def default_poller_value(self) -> dict[str, Any] | None:
        if not self.default_poller:
            return None
        try:
            value = json.loads(self.default_poller)
        except (ValueError, RecursionError):
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

    paths: dict[str, Any]
    definitions: dict[str, Any]
    _segments: list[tuple[str, list[str]]] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ApiDocs:
        found = data.get("paths")
        paths: dict[str, Any] = found if isinstance(found, dict) else {}
        docs = cls(paths=paths, definitions=data.get("definitions") or {})
        docs._segments = [(p, [s for s in p.split("/") if s]) for p in paths]
        return docs

    def match(self, path: str) -> str | None:
        """The documented path matching ``path``, or None: a documented ``{var}`` segment matches anything, a
        ``{var}`` of ``path`` only another (its value is unknown: HubSpot's `/contacts/{id}/x` is not
        `/contacts/properties/{propertyId}`).  Of several, one with a GET first (a poller's request: Zoho's
        `/products/{objectName}/{id}` has a PATCH only, the catch-all route serves the GET), then the most literal."""
        wanted = [s for s in path.split("/") if s]
        if "/" + "/".join(wanted) in self.paths:
            return "/" + "/".join(wanted)
        best, best_rank = None, (False, -1)
        for template, segments in self._segments:
            if len(segments) != len(wanted):
                continue
            if all(a == b or _is_var(a) for a, b in zip(segments, wanted)):
                rank = (self.get_operation(template) is not None, sum(a == b for a, b in zip(segments, wanted)))
                if rank > best_rank:
                    best, best_rank = template, rank
        return best

    def documented_path(self, path: str) -> str | None:
        """The documented path ``path`` is (:meth:`match`), or, where only a catch-all route or nothing matches it, the
        one it writes otherwise (:meth:`match_spelling`)."""
        documented = self.match(path)
        if documented is None or self.is_generic(documented):
            return self.match_spelling(path) or documented
        return documented

    def match_spelling(self, path: str) -> str | None:
        """The one documented path (not a catch-all) that ``path`` writes otherwise: the same segments but for case,
        dashes and underscores (Adobe Sign's default polls `/agreementAssetEvents`, documented as
        `/agreement-asset-events`); None for none or several."""
        wanted = [squashed(s) for s in path.split("/") if s]
        found = [template for template, segments in self._segments if len(segments) == len(wanted)
                 and not self.is_generic(template)
                 and all(_is_var(a) or squashed(a) == b for a, b in zip(segments, wanted))]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def is_generic(template: str) -> bool:
        """A catch-all route such as ``/{objectName}``: its docs say nothing about one resource's records."""
        first = next((s for s in template.split("/") if s), "")
        return _is_var(first)

    def get_operation(self, template: str) -> dict[str, Any] | None:
        operation = (self.paths.get(template) or {}).get("get")
        return operation if isinstance(operation, dict) else None

    def query_parameters(self, operation: dict[str, Any]) -> set[str]:
        names = set()
        for param in operation.get("parameters") or []:
            param = self.resolve(param)
            if isinstance(param, dict) and param.get("in") == "query" and isinstance(param.get("name"), str):
                names.add(param["name"])
        return names

    def query_parameter_text(self, operation: dict[str, Any], name: str) -> str:
        """What the API docs say of query parameter ``name`` of ``operation``: its description and examples ("" if
        none)."""
        for param in operation.get("parameters") or []:
            param = self.resolve(param)
            if isinstance(param, dict) and param.get("in") == "query" and param.get("name") == name:
                return " ".join(str(param.get(key) or "") for key in ("description", "x-example", "example", "default"))
        return ""

    def record_model(self, operation: dict[str, Any]) -> Any:
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
            if schema.get("type") in _SCALAR_TYPES and not properties:
                return False  # a step into a string or a number (`properties.lastmodifieddate.value`): no value
            if not isinstance(properties, dict) or not properties:
                return None  # a free-form object: nothing to compare with
            if part not in properties:
                return False
            schema = self.resolve(properties[part])
        return True

    def field_schema(self, model: Any, parts: list[str]) -> dict[str, Any] | None:
        """The schema of the field at ``parts`` in ``model`` (arrays stepped through), or None."""
        schema = self.resolve(model)
        for part in parts:
            if part.isdigit() and isinstance(schema, dict) and schema.get("type") == "array":
                schema = self.resolve(schema.get("items"))
                continue
            while isinstance(schema, dict) and schema.get("type") == "array":
                schema = self.resolve(schema.get("items"))
            properties = schema.get("properties") if isinstance(schema, dict) else None
            if not isinstance(properties, dict) or part not in properties:
                return None
            schema = self.resolve(properties[part])
        return schema if isinstance(schema, dict) else None

    def searchable_fields(self, model: Any) -> set[str] | None:
        """The top-level fields the docs mark ``x-searchable``, or None when they mark none."""
        schema = self.resolve(model)
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict):
            return None
        marked = {name for name, prop in properties.items()
                  if isinstance(self.resolve(prop), dict) and self.resolve(prop).get("x-searchable") is True}
        return marked or None

    def field_names(self, model: Any) -> list[str]:
        schema = self.resolve(model)
        if isinstance(schema, dict) and isinstance(schema.get("properties"), dict):
            return sorted(schema["properties"])
        return []


_SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean"})


def _is_var(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


@dataclass
class ElementDocs:
    key: str
    definition: ElementDefinition | None
    api: ApiDocs | None
    _usage: DefaultUsage | None = None

    @property
    def usage(self) -> DefaultUsage:
        """What the element's default poller uses (computed once)."""
        if self._usage is None:
            self._usage = DefaultUsage.build(self.definition, self.api)
        return self._usage


@dataclass
class DefaultUsage:
    """What the element's own default poller uses: ground truth where the API docs are incomplete.

    Per documented path (``/contacts``): the query parameters, record fields (``idField``, date
    fields), the fields its ``where`` filters by, and date formats per field it uses; element-wide, the date formats
    it reads fields of each documented ``x-mask`` with.  A filter's name is not always a record's field (HubSpot
    filters by ``lastmodifieddate`` and its records hold ``properties.lastmodifieddate``): the two are kept apart.
    """

    params: dict[str, set[str]] = field(default_factory=dict)
    fields: dict[str, set[str]] = field(default_factory=dict)
    filtered: dict[str, set[str]] = field(default_factory=dict)
    formats: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    zones: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (path, field, format) -> its zone, "" if none
    mask_formats: dict[str, set[str]] = field(default_factory=dict)
    paths: set[str] = field(default_factory=set)
    # (documented path, `idField`/`updatedDateField`/`createdDateField`) -> the field the default reads for it
    roles: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def build(cls, definition: ElementDefinition | None, api: ApiDocs | None) -> DefaultUsage:
        from .urls.template import parse_url_template

        usage = cls()
        poller = definition.default_poller_value() if definition else None
        if not poller or api is None:
            return usage
        for entry in poller.values():
            if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
                continue
            template = parse_url_template(entry["url"])
            relative = hub_relative(template.path)
            usage.paths.add(relative)
            documented = api.documented_path(relative)
            dates = entry.get("datesConfiguration")
            if documented is None or api.is_generic(documented):  # (a path the API docs lack, or serve by a catch-all
                # route, Egnyte's `/events`: its date formats are the truth all the same, kept by its own path)
                usage._keep_dates(relative, entry, dates if isinstance(dates, dict) else {})
                if documented is None:
                    continue
            usage.params.setdefault(documented, set()).update(p.name for p in template.params)
            used = usage.fields.setdefault(documented, set())
            if template.where is not None:
                usage.filtered.setdefault(documented, set()).update(c.field.value for c in template.where.conditions)
            if isinstance(entry.get("idField"), str):
                used.add(entry["idField"])
                if entry["idField"].strip():
                    usage.roles.setdefault((documented, "idField"), entry["idField"])
            if not isinstance(dates, dict):
                continue
            for label in ("updatedDateField", "createdDateField"):
                if isinstance(dates.get(label), str) and dates[label].strip():
                    usage.roles.setdefault((documented, label), dates[label])
            operation = api.get_operation(documented)
            model = api.record_model(operation) if operation else None
            for name, fmt in usage._keep_dates(documented, entry, dates):
                used.add(name)
                parts = split_field_path(name)
                schema = api.field_schema(model, parts) if parts and model is not None else None
                mask = field_mask(schema)
                if mask:
                    usage.mask_formats.setdefault(mask, set()).add(fmt)
        return usage

    def _keep_dates(self, path: str, entry: dict[str, Any], dates: dict[str, Any]) -> list[tuple[str, str]]:
        """Keep the date formats (and zones) the default poller's ``entry`` at ``path`` reads its fields with; the
        ``(field, format)`` pairs."""
        found = []
        for which in ("updated", "created"):
            name, fmt = dates.get(f"{which}DateField"), dates.get(f"{which}DateFormat")
            if not isinstance(name, str) or not isinstance(fmt, str):
                continue
            self.formats.setdefault((path, name), set()).add(fmt)
            zone = dates.get(f"{which}DateTimezone") or entry.get(f"{which}DateTimezone")
            self.zones[path, name, fmt] = zone.strip() if isinstance(zone, str) else ""
            found.append((name, fmt))
        return found


def field_mask(schema: Any) -> str | None:
    """The vendor's date format the API docs give for a field (``x-mask``, older exports ``mask``)."""
    if not isinstance(schema, dict):
        return None
    for key in ("x-mask", "mask"):
        if isinstance(schema.get(key), str) and schema[key].strip():
            return str(schema[key])
    return None


_NO_SAMPLE = object()


def field_sample(schema: Any) -> Any:
    """A field's sample value in the API docs, or None: Cloud Elements' exports write it as ``x-samplevalue`` (each of
    the twelve in ``../shared/elements``, never Swagger's ``example``), others as ``example``; a ``#/...`` text is a
    reference, no value."""
    if not isinstance(schema, dict):
        return None
    for key in ("x-samplevalue", "example"):
        value = schema.get(key, _NO_SAMPLE)
        if value is not _NO_SAMPLE and not (isinstance(value, str) and value.startswith("#/")):
            return value
    return None


def hub_relative(path: str) -> str:
    """``/hubs/crm/contacts`` → ``/contacts``; a path outside ``/hubs/`` stays as it is."""
    segments = path.split("/")
    if len(segments) > 2 and segments[1] == "hubs":
        return "/" + "/".join(segments[3:])
    return path


def _whole_number(digits: str) -> int | float:
    """An integer of the docs; one of more digits than Python reads (4,300) is a float (infinity), as a checked file
    keeps one past 100,000 digits: no element setting needs it, and the docs stay readable."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)


def _text(value: Any) -> str:
    """``str(value)``, an int of any number of digits included (``str`` refuses more than 4,300)."""
    return compact(value) if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"), parse_int=_whole_number)
    except OSError as exc:
        raise ElementDocsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ElementDocsError(f"{path}: not valid JSON: {exc}") from None
    except RecursionError:
        raise ElementDocsError(f"{path}: nested too deep to read") from None


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, with a folder that cannot be looked into said as such (pathlib raises, an internal error)."""
    try:
        return path.is_dir()
    except OSError as exc:
        raise ElementDocsError(f"{exc.filename or path}: cannot read: {exc.strerror or exc}") from None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError as exc:
        raise ElementDocsError(f"{exc.filename or path}: cannot read: {exc.strerror or exc}") from None


@lru_cache(maxsize=64)
def load_element(directory: str, key: str) -> ElementDocs | None:
    """The docs of element ``key`` in ``directory``, or None when the folder has neither file.

    ``directory`` may also be the element's own folder (``exports/elements/sfdc``): a natural way to point at one
    element, which otherwise found nothing and turned every element check off without a word.  Read once, until
    :func:`forget_changed_docs` finds its files changed."""
    _READ[(directory, key)] = _stamps(directory, key)  # (before reading: a change while it is read is seen next time)
    folder = Path(directory) / key
    if not _is_dir(folder) and Path(directory).name == key:
        folder = Path(directory)
    element_file, swagger_file = folder / "element.json", folder / "swagger.json"
    if not _is_file(element_file) and not _is_file(swagger_file):
        return None
    definition = api = None
    if _is_file(element_file):
        data = _read_json(element_file)
        if not isinstance(data, dict):
            raise ElementDocsError(f"{element_file}: not an element definition (a JSON object)")
        definition = ElementDefinition.from_json(data)
    if _is_file(swagger_file):
        data = _read_json(swagger_file)
        if not isinstance(data, dict):
            raise ElementDocsError(f"{swagger_file}: not Swagger 2.0 docs (a JSON object)")
        api = ApiDocs.from_json(data)
    return ElementDocs(key=key, definition=definition, api=api)


_DOCS_FILES = ("element.json", "swagger.json")
_READ: dict[tuple[str, str], tuple[object, ...]] = {}  # (directory, key) -> its files' stamps when last read


def _stamps(directory: str, key: str) -> tuple[object, ...]:
    """The state of the files :func:`load_element` may read for ``key`` in ``directory`` (``config._stamp``'s, as
    an overlay's), and of ``directory`` itself, which changes when an element's folder is exported beside the others
    (:func:`documented_elements`)."""
    from .config import _stamp

    folder = Path(directory)
    return (_stamp(folder), *(_stamp(place / name) for place in (folder / key, folder) for name in _DOCS_FILES))


def forget_changed_docs() -> None:
    """Forget what was read of the element docs when one of their files changed since: for a process that runs for
    days (the language server, while the docs are exported again), not one check, which reads them once."""
    if any(_stamps(directory, key) != stamps for (directory, key), stamps in list(_READ.items())):
        _READ.clear()
        for cached in (load_element, default_poller, declaring_elements, documented_elements):
            cached.cache_clear()


@lru_cache(maxsize=16)
def documented_elements(directories: tuple[str, ...]) -> frozenset[str]:
    """The keys of the elements the docs folders hold (a folder with an ``element.json``)."""
    return frozenset(folder.name for directory in directories if Path(directory).is_dir()
                     for folder in Path(directory).iterdir() if (folder / "element.json").is_file())


@lru_cache(maxsize=16)
def default_poller(directories: tuple[str, ...], key: str) -> dict[str, Any]:
    """The element's own default poller configuration (its ``event.poller.configuration`` default), decoded; empty
    when the docs have no element ``key``, no default, or one that cannot be read.  Ground truth for the rules that
    compare a body's entries with the element's."""
    try:
        docs = find_element(directories, key)
    except (ElementDocsError, OSError, ValueError):
        return {}
    poller = docs.definition.default_poller_value() if docs is not None and docs.definition is not None else None
    return poller or {}


@lru_cache(maxsize=4)
def declaring_elements(directories: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each configuration key the element definitions of ``directories`` declare, with the elements declaring it (a
    body's key that its own element lacks may be another's, copied from its body).  Definitions that cannot be read
    are left out: the checks that need them say so."""
    owners: dict[str, list[str]] = {}
    for directory in directories:
        folder = Path(directory)
        try:
            folders = [folder] if (folder / "element.json").is_file() else sorted(folder.iterdir())
        except OSError:
            continue
        for entry in folders:
            try:
                data = json.loads((entry / "element.json").read_text(encoding="utf-8-sig"))
            except (OSError, ValueError, RecursionError):
                continue
            key = data.get("key") if isinstance(data, dict) else None
            items = data.get("configuration") if isinstance(data, dict) else None
            if not isinstance(key, str) or not isinstance(items, list):
                continue
            for item in items:
                name = item.get("key") if isinstance(item, dict) else None
                if isinstance(name, str) and key not in owners.setdefault(name, []):
                    owners[name].append(key)
    return {name: tuple(keys) for name, keys in owners.items()}


_NAME_MAX = 255  # the longest file name, in bytes (Linux, macOS and Windows alike)


def find_element(directories: tuple[str, ...], key: str) -> ElementDocs | None:
    """The first folder's docs for ``key``."""
    for directory in directories:
        if not _is_dir(Path(directory)):
            raise ElementDocsError(f"{directory}: not a directory of element docs")
        if "/" in key or key in ("", ".", "..") or len(key.encode("utf-8", "replace")) > _NAME_MAX:
            return None  # (no folder is named so: a key longer than a file name stopped the run, exit 2)
        found = load_element(directory, key)
        if found is not None:
            return found
    return None


def overlay_schema(definition: ElementDefinition) -> dict[str, Any]:
    """A per-element JSON Schema overlay (like ``schemas/elements/sageone.schema.json``) from a definition.

    Keys of a login method (``groupName``) are required through ``if``/``then`` on the control key
    (``authentication.type``): the default method's branch also applies when the key is absent, the
    others only when the body names them, and a value that is none of the options requires none of
    them -- exactly :meth:`ElementDefinition.required_keys`.
    """
    from .schemas import load_schema

    # a value's shapes are the configuration schema's (a number or a boolean is as good as a string, `True` as `true`)
    shapes = load_schema("configuration")["$defs"]
    owners = definition.group_controls()
    properties: dict[str, Any] = {}
    for key in sorted(definition.configuration):
        item = definition.configuration[key]
        if item.internal or key.startswith("event."):
            continue
        description = item.description or item.name or key
        shape = shapes["booleanLike" if item.boolean else "value"]
        prop: dict[str, Any] = {"description": description,
                                **{k: v for k, v in shape.items() if k not in ("description", "markdownDescription")}}
        if item.boolean and isinstance(item.default, str) and item.default.lower() not in ("true", "false"):
            # the key's own default is no wrong boolean (Egnyte's `"document.tagging": ""`), as CE904 reads it
            prop["if"] = {**prop["if"], "not": {"anyOf": [prop["if"]["not"], {"const": item.default}]}}
        if item.user_supplied and not item.boolean and not (item.group and item.group in owners):
            prop.update(_needs_a_value(prop))  # (a login's key only where its branch below requires it)
        if item.secret:
            prop["writeOnly"] = True
        properties[key] = prop
    always: list[str] = []
    by_group: dict[str, list[str]] = {}
    for item in definition.configuration.values():
        if not item.user_supplied:
            continue
        if item.group and item.group in owners:
            by_group.setdefault(item.group, []).append(item.key)
        else:
            always.append(item.key)
    branches: list[dict[str, Any]] = []
    for group in sorted(by_group):
        control = owners[group]
        condition: dict[str, Any] = {"properties": {control.key: {"const": group}}}
        if definition.default_choice(control) != group:
            condition["required"] = [control.key]  # an absent key takes the default, not this group
        branches.append({"if": condition, "then": {
            "required": sorted(by_group[group]),
            "properties": {key: _needs_a_value(properties[key]) for key in sorted(by_group[group]) if key in properties}}})
    configuration: dict[str, Any] = {
        "description": f"The configuration keys of the `{definition.key}` element that a user supplies.",
        "type": "object",
        "required": sorted(always),
        "properties": properties,
    }
    if branches:
        configuration["allOf"] = branches
    from .schemas import top_level_properties

    fields = top_level_properties("instance")
    misplaced = {key: {"description": f"Misplaced: `{key}` is a `{definition.key}` configuration key; it belongs inside "
                                      "`configuration`.", "x-belongs": "configuration", "not": {}}
                 for key in sorted(properties) if "." not in key and key not in fields}
    overlay: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://ce-validator.dev/schemas/elements/{definition.key}.schema.json",
        "title": f"{definition.name or definition.key} instance body",
        "description": f"Generated by `ce-validator schema from-element` from the `{definition.key}` element definition: "
                       "the configuration keys a user supplies (per login method), with their types.  It applies to a "
                       f"body whose `element.key` is `{definition.key}`, and to one that names no element (an update); not to "
                       "the platform's answer about an instance (`GET /instances`).",
        "type": "object",
        # a body of another element is left alone: an editor applies the overlay wherever its `fileMatch` matches
        "if": left_alone(definition.key),
        "then": True,
        "else": {"properties": {
            "element": {
                "description": "The element this instance belongs to.",
                "type": "object",
                # (a placeholder is this element's key, as in the condition above: not a wrong one)
                "properties": {"key": {"description": "The element key.", **this_element_key(definition.key)}},
            },
            "configuration": {
                "description": f"Configuration keys of the `{definition.key}` element.",
                "$ref": "#/$defs/configuration",
            },
            **misplaced,  # the element's own keys written at the body's top level (CE106)
        }},
        "$defs": {"configuration": configuration},
    }
    from .schema_editors import annotate_for_editors

    # an editor applies it beside `instance` (as the bundled overlay): its messages, hovers and completions too
    annotate_for_editors(overlay)
    return overlay


def _needs_a_value(prop: dict[str, Any]) -> dict[str, Any]:
    """What an overlay adds to a key's ``prop`` where the element requires it: null or "" leaves it unset (CE105, as
    missing), so neither is taken."""
    return {"type": [kind for kind in prop["type"] if kind != "null"], "minLength": 1, "x-rule": "CE105"}


def left_alone(key: str) -> dict[str, Any]:
    """The condition an element's overlay leaves a document alone under: it names another element, or it is the
    platform's answer about an instance, which echoes what is stored and which ``check`` does not judge by its
    element either."""
    return {"anyOf": [another_element(key), PLATFORM_ANSWER]}


# The platform's answer about an instance (`GET /instances`, saved as a fixture), as rules.notifications.is_response
# reads it: an element or a configuration object, with a `token`, a `createdDate`, or a numeric `id` beside `element`
PLATFORM_ANSWER: dict[str, Any] = {"allOf": [
    {"anyOf": [{"required": ["element"]},
               {"required": ["configuration"], "properties": {"configuration": {"type": "object"}}}]},
    {"anyOf": [{"required": ["token"]}, {"required": ["createdDate"]},
               {"required": ["id", "element"], "properties": {"id": {"type": "integer"}}}]}]}


def another_element(key: str) -> dict[str, Any]:
    """The condition an element's overlay leaves a body alone under: it names an element, and not by ``key`` or a
    placeholder standing for one (``{{page.elementKey}}``, which ``--element`` says): another key, or an id, which
    ``check`` does not take for this element either."""
    return {"required": ["element"], "properties": {"element": {"not": {"required": ["key"], "properties": {
        "key": this_element_key(key)}}}}}


def this_element_key(key: str) -> dict[str, Any]:
    """``element.key`` naming this element: the key itself, or a placeholder standing for it."""
    # spaces as Python's and ECMAScript's `\s` both read them (editors and check-jsonschema run ECMAScript patterns)
    return {"type": "string", "anyOf": [{"const": key}, {"pattern": r"^[\s\x1c-\x1f\x85\ufeff]*(?:\{\{|<|\$\{)"}]}


def iter_user_keys(definition: ElementDefinition) -> Iterator[ConfigKey]:
    for item in definition.configuration.values():
        if item.user_supplied:
            yield item


def declared_secret_keys(directories: tuple[str, ...], key: str | None) -> frozenset[str]:
    """The configuration keys element ``key`` types ``PASSWORD`` or names as a secret (``API Key``, ``...Token``);
    empty without element docs."""
    if not directories or not key:
        return frozenset()
    docs = find_element(directories, key)
    if docs is None or docs.definition is None:
        return frozenset()
    return frozenset(k for k, item in docs.definition.configuration.items()
                     if item.secret or ("." not in k and _SECRET_NAME.search(item.name)))


# A key the console names as a secret though it is typed as text: Close.io's `username` is its "API Key".  (Not
# "API Key name" or "Password Key": names of other keys; nor a dotted key such as `oauth.api.key`, the "OAuth API
# Key" that is the public client id, which the vocabulary knows.)
_SECRET_NAME = re.compile(r"(?i)\b(?:api key|secret|token|password)\s*$")
