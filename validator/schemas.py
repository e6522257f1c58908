"""The bundled JSON Schemas: loading, a ``referencing`` registry, and validation into readable problems.

The schemas live in the repository's top-level ``schemas/`` folder and ship in the wheel as
``validator/schemas/``.  :func:`validate` runs one of them (plus an element overlay such as
``elements/sageone`` when the body's ``element.key`` has one) and translates every jsonschema
error into a :class:`SchemaProblem` with its own message, never jsonschema's default text:

* ``pointer`` is the RFC 6901 pointer of the offending value; with ``key=True`` it is the
  pointer of an offending key (an unknown or misplaced key).  A missing required key points at
  the object that lacks it.
* several missing keys of one object are one problem; an anyOf/oneOf reports its most specific
  branch; a value that is a documentation placeholder (``<minutes>``, ``{{page.elementKey}}``) or an
  environment reference (``${REFRESH}``) draws no type or value problem: the placeholder rules own it.
* a stringified ``event.poller.configuration`` is left alone: the engine decodes it and validates
  the decoded object with ``schema="poller"``.

The schemas carry a few annotation keywords that editors ignore: ``x-expected`` (how a message
names the expected value), ``x-message`` (the message of an anyOf), ``x-belongs`` (a known key in
the wrong place: ``datesConfiguration``, ``entry``, ``configuration`` or ``instance``).
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple

from .locations import schema_folder
from .findings import Severity
from .options import SetupError
from .kinds import is_misspelt_entry, sends_a_poll_url, wrapped_body
from .lazy_pattern import LazyPattern
from .rules.base import Rule
from .schema_gate import Check, compile_gate
from .schema_refs import PLAIN_PROPERTIES
from .source.limits import MAX_DEPTH
from .vocabulary.characters import invisible_in, look_alike_in, space_named
from .vocabulary.secrets import unquotable

if TYPE_CHECKING:  # pragma: no cover
    from importlib.resources.abc import Traversable

    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

    from .schema_errors import SchemaError

__all__ = [
    "RULES",
    "SCHEMA_BASE_URI",
    "SchemaProblem",
    "UnknownSchemaError",
    "element_overlay",
    "load_schema",
    "registry",
    "schema_names",
    "schema_text",
    "schema_uri",
    "validate",
]

SCHEMA_BASE_URI = "https://ce-validator.dev/schemas/"
_SUFFIX = ".schema.json"
_KINDS = ("instance", "configuration", "poller")
_POLLER_KEY = "event.poller.configuration"
_ENTRY_KEYS = ("url", "idField", "datesConfiguration", "filterByUpdatedDate", "filterByCurrentDate",
               "createdCheckTolerance", "pageSize", "pollDelay")


# --------------------------------------------------------------------------------------------- rules

_POLLER_GOOD = json.dumps({
    "customers": {
        "url": "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
        "idField": "id",
        "datesConfiguration": {
            "updatedDateField": "updated_at",
            "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "updatedDateTimezone": "GMT",
            "createdDateField": "created_at",
            "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "createdDateTimezone": "GMT",
        },
        "filterByUpdatedDate": True,
        "createdCheckTolerance": 2,
    }
}, indent=2)


def _poller_variant(**changes: Any) -> str:
    """The good poller example with entry keys changed (``None`` removes one)."""
    doc = json.loads(_POLLER_GOOD)
    entry = doc["customers"]
    for name, value in changes.items():
        name = name.replace("__", ".")
        if value is None:
            entry.pop(name, None)
        else:
            entry[name] = value
    return json.dumps(doc, indent=2)


def _instance_example(element: str, configuration: dict[str, Any], **top: Any) -> str:
    body: dict[str, Any] = {"element": {"key": element}, "configuration": configuration}
    body.update(top)
    body.setdefault("tags", ["Test"])
    body.setdefault("name", "API_Polling")
    return json.dumps(body, indent=2)


_HUBSPOT_EVENTS = {
    "oauth.api.key": "${HUBSPOT_CLIENT_ID}",
    "oauth.api.secret": "${HUBSPOT_CLIENT_SECRET}",
    "oauth.callback.url": "https://www.example.com/auth",
    "event.notification.enabled": "true",
    "event.notification.callback.url": "https://www.example.com/events",
    "event.vendor.type": "polling",
    "event.poller.refresh_interval": "15",
}

_SAGEONE_GOOD = {
    "oauth.api.key": "${SAGE_API_KEY}",
    "oauth.api.secret": "${SAGE_API_SECRET}",
    "oauth.callback.url": "https://www.example.com/auth",
    "signature.secret": "${SAGE_SIGNATURE_SECRET}",
    "apim.subscription.key": "${SAGE_APIM_KEY}",
    "country": "US",
}

RULES: list[Rule] = [
    Rule(
        code="CE101",
        name="unknown-key",
        severity="warning",
        summary="a key the schema does not know, most likely misspelt",
        description=(
            "Poller entries and their `datesConfiguration` have a fixed set of keys. A key outside that set "
            "is most likely a typo (`filterByUpdateDate` for `filterByUpdatedDate`, a key with a stray space): "
            "the platform does not document what it does with unknown keys, and the setting the key meant to "
            "make does not take effect under a name the poller does not read.\n\n"
            "The message names the key and where it is; the fix suggests the closest known key. "
            "Configuration keys are free-form, since every element declares its own, so there only a near miss of "
            "a documented `event.*` key is reported (`event.poller.refresh.interval`, "
            "`event.notification.callbak.url`): the platform ignores it, and the interval or callback it meant "
            "to set is never set; and, where no element definition is read (`--element-docs`, CE901), a "
            "documented common key written with another case or other separators (`oauth.api_key`, "
            "`oauth.callbackUrl`). The same holds for a near miss of a body key at the top of an instance body "
            "(`configuraton`).\n\nAn error when the key it stands for is required there and missing (`idFeild` "
            "with no `idField`): one finding, in place of a missing-key finding beside an unknown-key one."
        ),
        bad=_poller_variant(filterByUpdatedDate=None, filterByUpdateDate=True),
        good=_POLLER_GOOD,
    ),
    Rule(
        code="CE102",
        name="wrong-type",
        severity="error",
        summary="a value of the wrong JSON type (a string for a boolean, an object for a string, ...)",
        description=(
            "Each key has a type. Poller entry flags are JSON booleans (`\"filterByUpdatedDate\": false`, not "
            "`\"false\"`), `createdCheckTolerance`, `pageSize` and `pollDelay` are whole numbers, `url` and "
            "`idField` are strings, `element` is an object such as `{\"key\": \"sageone\"}`.\n\n"
            "Configuration values are stored as strings by the platform, so there `true` and `\"true\"`, "
            "`15` and `\"15\"` are all accepted; an array or object is not (except the poller configuration)."
        ),
        bad=_poller_variant(filterByUpdatedDate="false"),
        good=_poller_variant(filterByUpdatedDate=False),
    ),
    Rule(
        code="CE103",
        name="missing-required-key",
        severity="error",
        summary="a required key is missing (`url` of a poller entry, `element` of an instance body)",
        description=(
            "A poller entry needs `url` (the request to send); an instance body needs `element`, with `key` or `id`. "
            "The finding points at the object that lacks the key; several missing keys of one object are reported "
            "together, and an entry lacking `url` and `idField` is told of both (`idField` missing alone is CE107's "
            "warning). An element named where the platform does not read it is said where it is written: a member of "
            "`element` other than `key` or `id` (`{\"name\": \"sageone\"}`), or a `key` or `elementId` at the top "
            "of the body, with the `element` object to write."
        ),
        bad=_poller_variant(url=None),
        good=_POLLER_GOOD,
    ),
    Rule(
        code="CE104",
        name="value-not-allowed",
        severity="error",
        summary="a value of the right type that is not allowed (not in the list, wrong pattern, out of range, empty)",
        description=(
            "`event.vendor.type` is `polling` or `webhook`; `event.notification.enabled` is `true` or `false`; "
            "`event.poller.refresh_interval` is a whole number of minutes (`\"15\"`, not `\"fifteen\"`); "
            "`url` and `idField` must not be empty; `pageSize` is at least 1; an element's `country` is a "
            "two-letter code.\n\n"
            "A documentation placeholder left in the value (`<minutes>`) is reported by the placeholder rules "
            "instead, and an environment reference such as `${REFRESH_MINUTES}` is accepted."
        ),
        bad=_instance_example("sageone", {**_SAGEONE_GOOD, "country": "USA"}),
        good=_instance_example("sageone", _SAGEONE_GOOD),
    ),
    Rule(
        code="CE105",
        name="element-required-key",
        severity="error",
        summary="a configuration key the element requires is missing (from the element's definition)",
        description=(
            "Element definitions declare the configuration keys a user must supply: required, not internal, "
            "without a default. Sage One (`sageone`) needs `oauth.api.key`, `oauth.api.secret`, "
            "`signature.secret` and `apim.subscription.key`. A body copied from another element's page that "
            "only changes `element.key` usually lacks some of them.\n\n"
            "Keys of a login method are required only for that method: Salesforce (`sfdc`) needs `sfdc.username` "
            "and `sfdc.password` when `authentication.type` is `oauth2Password`, nothing more with the default "
            "`oauth2`. The same rule reports it from a bundled overlay, your own overlay (`--element-schemas`, "
            "written by `schema from-element`) or the element definition (`--element-docs`), once; it replaces "
            "the retired CE902."
        ),
        bad=_instance_example("sageone", {k: v for k, v in _SAGEONE_GOOD.items()
                                          if k not in ("signature.secret", "apim.subscription.key")}),
        good=_instance_example("sageone", _SAGEONE_GOOD),
    ),
    Rule(
        code="CE106",
        name="misplaced-key",
        severity="warning",
        summary="a known key in the wrong place (a configuration key at the top level, `createdCheckTolerance` "
                "inside `datesConfiguration`, ...)",
        description=(
            "Some keys are right but sit at the wrong level, where the platform does not look for them:\n\n"
            "* `createdCheckTolerance`, `filterByUpdatedDate`, ... inside `datesConfiguration`: they belong on the "
            "poller entry;\n"
            "* `updatedDateTimezone` and the other date keys directly on the entry: they belong inside "
            "`datesConfiguration`;\n"
            "* a dotted configuration key such as `event.notification.enabled` at the top level of the instance "
            "body: it belongs inside `configuration`; so does an element's own key such as Sage One's `country` "
            "(with its overlay, or `--element-docs`);\n"
            "* `tags` inside `configuration`: it belongs at the top level of the body;\n"
            "* a single poller entry (`{\"url\": ..., \"idField\": ...}`) given as the poller configuration, "
            "which maps resource names to entries (an error in an instance body: the platform reads `url` as a "
            "resource's name and polls nothing);\n"
            "* `datesConfiguration` directly in `configuration` (it belongs in each entry of "
            "`event.poller.configuration`), and a `configuration` inside `configuration` (its keys belong in the "
            "outer one): errors, as the platform reads neither;\n"
            "* a `datesConfiguration` among the resources of `event.poller.configuration` (an entry's brace closed "
            "early): an error, as the platform reads it as a resource with no url; moved by the fix into the one "
            "entry without dates."
        ),
        bad=_instance_example("hubspot", {key: value for key, value in _HUBSPOT_EVENTS.items()
                                          if not key.startswith("event.")},
                              **{key: value for key, value in _HUBSPOT_EVENTS.items() if key.startswith("event.")}),
        good=_instance_example("hubspot", _HUBSPOT_EVENTS),
    ),
    Rule(
        code="CE107",
        name="poller-entry-without-id",
        severity="warning",
        summary="a poller entry without `idField`, or with an empty one: its events carry no `objectId`",
        description=(
            "Each event the poller sends carries the record's id as `objectId`, read from the path in "
            "`idField` (`id`, `user.id`, `['Modified Time']`). Without it, or with `\"idField\": \"\"`, your "
            "callback cannot tell which record changed.\n\n"
            "A warning, not an error: several of Cloud Elements' own element definitions ship entries like "
            "this (Chargebee `events`, Google Calendar `changed-events`, Box `documents`), so it may be deliberate; "
            "with `--element-docs`, an empty `idField` that the element's own default poller gives the resource is "
            "not reported.  The schemas ask for no `idField` (an editor has no warning to give), so an editor does "
            "not show this one."
        ),
        bad=_poller_variant(idField=""),
        good=_POLLER_GOOD,
    ),
]

# What a single entry given where the resource map belongs does inside an instance body (CE106, an error there)
POLLS_NOTHING = ": the platform reads `url` as a resource's name, and polls nothing"

_SEVERITY: dict[str, Severity] = {rule.code: rule.severity for rule in RULES}


class SchemaProblem(NamedTuple):
    """One schema problem: ``pointer`` is the RFC 6901 pointer of the value (of the key when ``key``)."""

    rule: str
    severity: Severity
    message: str
    pointer: str
    key: bool = False
    help: str | None = None
    # a mechanical fix, applied by rules/schema_check.py with the document's text:
    # ("value", JSON text) or ("rename", new key) or ("move", pointer of the object it belongs in)
    action: tuple[str, str] | None = None
    unsafe: bool = False


class UnknownSchemaError(LookupError):
    """Raised for a schema name that is not bundled; ``names`` lists the bundled ones."""

    def __init__(self, name: str, names: list[str]) -> None:
        super().__init__(f"no bundled schema named {name!r}; available: {', '.join(names)}")
        self.name = name
        self.names = names


# ------------------------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def bundled_folder() -> Traversable | Path:
    """The bundled schemas' folder: ``validator/schemas`` in the wheel, ``schemas/`` in a source checkout."""
    found = schema_folder()
    if found is not None:
        return Path(found)
    from importlib.resources import files  # a zipped install; importing it costs a few milliseconds

    return files("validator") / "schemas"


def _walk(folder: Traversable | Path, prefix: str = "") -> Iterator[str]:
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.is_dir():
            yield from _walk(item, f"{prefix}{item.name}/")
        elif item.name.endswith(_SUFFIX):
            yield prefix + item.name[: -len(_SUFFIX)]


@lru_cache(maxsize=1)
def _names() -> tuple[str, ...]:
    first = {name: index for index, name in enumerate(_KINDS)}
    # the three document schemas first, then the others (element overlays, ...) by name
    return tuple(sorted(_walk(bundled_folder()), key=lambda name: (first.get(name, len(first)), name)))


def schema_names() -> list[str]:
    """Every bundled schema: ``instance``, ``configuration``, ``poller``, then ``elements/<key>``."""
    return list(_names())


def _file(name: str) -> Traversable | Path:
    if name not in _names():
        raise UnknownSchemaError(name, schema_names())
    node = bundled_folder()
    for part in f"{name}{_SUFFIX}".split("/"):
        node = node / part
    return node


@lru_cache(maxsize=None)
def schema_text(name: str) -> str:
    """The schema's JSON text exactly as bundled (``name`` as :func:`schema_names` lists it)."""
    return _file(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _loaded(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text(name))  # every bundled schema is an object
    return schema


def load_schema(name: str) -> dict[str, Any]:
    """The schema as a dict (a fresh copy: changing it changes nothing here)."""
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema


def top_level_properties(name: str) -> Mapping[str, Any]:
    """The ``properties`` of the schema's top level, read-only (parsed once, not copied)."""
    return MappingProxyType(_loaded(name).get("properties", {}))


_SEPARATORS = str.maketrans("", "", "._- ")


def _separators_dropped(key: str) -> str:
    return key.lower().translate(_SEPARATORS)


@lru_cache(maxsize=1)
def _documented_keys() -> tuple[tuple[str, str], ...]:
    """The configuration schema's ``properties`` with each name's :func:`_separators_dropped` spelling, worked out
    once (each new key a body writes is compared with all of them)."""
    return tuple((name, _separators_dropped(name)) for name in top_level_properties("configuration"))


@lru_cache(maxsize=4096)
def near_event_key(key: str) -> str | None:
    """The documented ``event.*`` configuration key (the configuration schema's ``properties``) that ``key``
    misspells: the same but for case and separators (``event.poller.refresh.interval``), else a close spelling
    (``event.notification.callbak.url``); None for a documented key or one near none.

    One owner for CE101's hint and for masking, which hides the value of a misspelt secret key
    (``event.notification.signature``) as it hides the key's own.
    """
    documented = [(name, dropped) for name, dropped in _documented_keys() if name.startswith("event.")]
    known = [name for name, _ in documented]
    if key[:5].lower() != "event":
        # `poller.refresh_interval`, `notification.callback.url`: the key with its `event.` left out (a dotted key,
        # the whole of the rest: `objects` alone is any element's word)
        plain = "event" + _separators_dropped(key)
        return next((name for name, dropped in documented if "." in name[6:] and "." in key
                     and dropped == plain), None)
    import difflib

    if key in known:
        return None
    plain = _separators_dropped(key)
    for name, dropped in documented:
        if dropped == plain:
            return name
    by_lower = {name.lower(): name for name in known}
    near = difflib.get_close_matches(key.lower(), list(by_lower), n=1, cutoff=0.9)
    if near:
        return by_lower[near[0]]
    # `event.callback.url`, `event.signature.key`: the segment after `event` left out (only where three segments stay:
    # `event.type`, `event.enabled` are too short to say which key was meant)
    segments = key.lower().split(".")
    return next((name for name in known if len(segments) >= 3 and name.split(".")[2:] == segments[1:]
                 and _separators_dropped(segments[0]) in ("event", "events")), None)


@lru_cache(maxsize=4096)
def near_common_key(key: str) -> str | None:
    """The documented configuration key outside ``event.*`` (``oauth.api.key``, ``oauth.callback.url``,
    ``filter.response.nulls``: the configuration schema's dotted ``properties``) that ``key`` writes with another case
    or other separators (``oauth.api_key``, ``oauth.callbackUrl``); None otherwise. Only that, and no close spelling:
    every element declares its own keys, and one may declare a key a letter away from a common one."""
    plain = _separators_dropped(key)
    return next((name for name, dropped in _documented_keys() if "." in name and name != key
                 and not name.startswith("event.") and dropped == plain), None)


def schema_uri(name: str) -> str:
    """The schema's ``$id``."""
    return str(_loaded(name)["$id"])


def element_overlay(element: str) -> str | None:
    """The name of the bundled overlay for element key ``element`` (``elements/sageone``), or None."""
    name = f"elements/{element}"
    return name if name in _names() else None


def has_overlay(element: str, overlay_dirs: tuple[str, ...] = ()) -> bool:
    """Whether :func:`validate` checks element ``element`` with an overlay (the user's or a bundled one).

    Where one applies, it reports the element's missing keys (CE105); the element check
    (``--element-docs``) reports them only where none does, so each missing key is reported once.
    """
    return element_overlay(element) is not None or (bool(overlay_dirs) and _user_overlay(element, overlay_dirs)
                                                      is not None)


@lru_cache(maxsize=1)
def registry() -> Registry:
    """A ``referencing`` registry holding every bundled schema under its ``$id``."""
    from referencing import Registry, Resource

    # Not crawled: the bundled schemas are found by their `$id` and refer by JSON pointer; referencing crawls
    # on its own the first time an anchor is looked up (a user's overlay may use one). Crawling them here
    # walked every subschema of the bundled copies for nothing: 1 ms of a one-file check.
    return Registry().with_resources(
        (schema_uri(name), Resource.from_contents(_loaded(name))) for name in _names()
    )


@lru_cache(maxsize=None)
def _validator(ref: str) -> Draft202012Validator:
    return _compiled(ref, registry())


@lru_cache(maxsize=None)
def _gate(name: str, fragment: str = "") -> Check | None:
    """The yes/no check of the bundled schema ``name`` (at ``fragment``, ``#/$defs/...``) that spares a valid
    document jsonschema (:mod:`validator.schema_gate`), and a document whose errors are all dropped as
    placeholders' (:meth:`_Translator._translate`)."""
    return compile_gate(_loaded(name), fragment=fragment, excused=_is_placeholder)


def _compiled(ref: str, schemas: Registry, *, follow: bool = True) -> Draft202012Validator:
    """A validator of the schema ``ref`` names, its references followed once here rather than on every use
    (``follow=False``: through the registry, as written)."""
    from jsonschema import Draft202012Validator

    from .schema_refs import inline_refs, validator_class

    followed = inline_refs(ref, schemas) if follow else None
    if followed is None:  # as written, through the registry: nothing of the copy's shorthand
        return Draft202012Validator({"$ref": ref}, registry=schemas)
    validator: Draft202012Validator = validator_class()(followed, registry=schemas)
    return validator


# ---------------------------------------------------------------------------------------- validation

_VALUE_KEYWORDS = frozenset({"type", "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum",
                             "exclusiveMaximum", "minLength", "maxLength", "format", "multipleOf"})


class OverlayError(SetupError):
    """A user overlay schema (``element-schemas``) that cannot be read (a usage error: exit 2)."""


def _user_overlay(element: str, directories: tuple[str, ...]) -> tuple[str, dict[str, Any]] | None:
    """(uri, schema) of ``<dir>/<element>.schema.json`` in the first of ``directories`` that has it."""
    version = _overlay_version(element, directories)
    return _read_overlay(*version) if version is not None else None


def _overlay_version(element: str, directories: tuple[str, ...]) -> tuple[str, object] | None:
    """The overlay file of ``element`` and its stamp: what is read from it is remembered under both, so a long-lived
    process (the language server, a library caller) reads an edited overlay again."""
    from .config import _stamp

    path = _overlay_file(element, directories)
    return (str(path), _stamp(path)) if path is not None else None


@lru_cache(maxsize=64)
def _read_overlay(file: str, stamp: object) -> tuple[str, dict[str, Any]]:
    """(uri, schema) of the overlay ``file`` as it is at ``stamp``."""
    path = Path(file)
    try:
        schema = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise OverlayError(f"{path}: cannot read the element schema: {exc}") from None
    except RecursionError:
        raise OverlayError(f"{path}: cannot read the element schema: nested too deep") from None
    if not isinstance(schema, dict):
        raise OverlayError(f"{path}: an element schema must be a JSON object")
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "the top level"
        raise OverlayError(f"{path}: not a valid JSON Schema (Draft 2020-12) at {where}: "
                           f"{exc.message[:200]}") from None
    except (RecursionError, ValueError):
        raise OverlayError(f"{path}: not a valid JSON Schema (too deep or too large)") from None
    given = schema.get("$id")
    uri = given if isinstance(given, str) else path.resolve().as_uri()
    return uri, schema


def _overlay_file(element: str, directories: tuple[str, ...]) -> Path | None:
    """``<dir>/<element>.schema.json`` in the first of ``directories`` that has it."""
    for path in (Path(d) / f"{element}{_SUFFIX}" for d in directories):
        try:
            if path.is_file():
                return path
        except OSError as exc:  # a folder that cannot be looked into (pathlib raises): said, not an internal error
            raise OverlayError(f"{path}: cannot read the element schema: {exc.strerror or exc}") from None
    return None


@lru_cache(maxsize=64)
def _user_validator(file: str, stamp: object, fragment: str) -> Draft202012Validator:
    from referencing import Resource
    from referencing.jsonschema import DRAFT202012

    uri, schema = _read_overlay(file, stamp)
    resource = Resource.from_contents(schema, default_specification=DRAFT202012)  # no $schema: 2020-12
    # crawled once here: an overlay that cannot be inlined is validated through the registry, and each
    # anchor it looks up would otherwise crawl every bundled schema again
    with_overlay = registry().with_resource(uri, resource).crawl()
    # another draft keeps its own rules ($ref siblings ignored...): validated as written
    return _compiled(uri + fragment, with_overlay, follow=schema.get("$schema", _DIALECT) == _DIALECT)


@lru_cache(maxsize=64)
def _user_gate(file: str, stamp: object, fragment: str) -> Check | None:
    _, schema = _read_overlay(file, stamp)
    return compile_gate(schema, fragment=fragment, excused=_is_placeholder)


_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def validate(value: Any, *, schema: str = "instance", element: str | None = None,
             overlay_dirs: tuple[str, ...] = ()) -> list[SchemaProblem]:
    """Validate ``value`` against a bundled schema and return its problems in document order.

    ``schema`` is ``instance``, ``configuration`` or ``poller`` (or any name of :func:`schema_names`).
    ``element`` selects an element overlay (``sageone``) for an instance body or a configuration
    object; None takes it from the body's ``element.key``.  An element without a bundled overlay adds
    nothing.  ``overlay_dirs`` are folders of the user's own overlays (``<element>.schema.json``, as
    ``ce-validator schema from-element`` writes them), which take precedence over the bundled ones.
    Raises :class:`UnknownSchemaError` for a name that is not bundled, :class:`OverlayError` for an
    unreadable user overlay.
    """
    if schema not in _names():
        raise UnknownSchemaError(schema, schema_names())
    with _room_for_nesting():
        try:
            return _validate(value, schema=schema, element=element, overlay_dirs=overlay_dirs)
        except ValueError as exc:  # jsonschema's messages repr() every value: an int over 4,300 digits cannot be
            if "integer string conversion" not in str(exc):  # shown, so such numbers are checked as infinity
                raise
            return _validate(_without_huge_ints(value), schema=schema, element=element, overlay_dirs=overlay_dirs)


@contextmanager
def _room_for_nesting() -> Iterator[None]:
    """Python's recursion limit raised for one validation: jsonschema descends once per level and repr()s a value
    in its messages, so a document nested nearly as deep as the loader accepts (990 of MAX_DEPTH's 1,000
    levels, in a user's trial) ran out of frames (CE099).  Each level costs a few small frames."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, 5 * MAX_DEPTH + 1000))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def _errors_without_jsonschema(name: str, fragment: str, value: Any) -> list[SchemaError] | None:
    """jsonschema's errors of ``value`` against the bundled schema ``name`` (at ``fragment``), found without it
    (:mod:`validator.schema_errors`); None: ask jsonschema."""
    from .schema_errors import errors_of, inlined

    if _has_huge_int(value):
        return None  # (jsonschema cannot print it, and validate() checks the document again as infinity)
    schema = inlined(name, fragment)
    return errors_of(schema, value) if schema is not None else None


# An integer of this many bits or more has over 4,300 digits: more than Python prints (jsonschema's messages repr() it)
_HUGE_INT_BITS = 14_000


def _has_huge_int(value: Any) -> bool:
    """Whether ``value`` holds an integer :func:`_without_huge_ints` replaces."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() >= _HUGE_INT_BITS
    if isinstance(value, dict):
        return any(_has_huge_int(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_huge_int(item) for item in value)
    return False


def _without_huge_ints(value: Any) -> Any:
    """``value`` with every integer too long to print replaced by infinity (a number of the same sign)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if value.bit_length() < _HUGE_INT_BITS else float("inf") if value > 0 else float("-inf")
    if isinstance(value, dict):
        return {key: _without_huge_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_huge_ints(item) for item in value]
    return value


def _validate(value: Any, *, schema: str, element: str | None,
              overlay_dirs: tuple[str, ...]) -> list[SchemaProblem]:
    base = schema if schema in _KINDS else ("instance" if schema.startswith("elements/") else "document")
    translator = _Translator(value, base)
    translator.run(partial(_validator, schema_uri(schema)), gate=_gate(schema), overlay=None,
                   errors=partial(_errors_without_jsonschema, schema, ""))
    if element is None and base == "instance" and isinstance(value, dict):
        declared = value.get("element")
        if isinstance(declared, dict) and isinstance(declared.get("key"), str):
            element = declared["key"]
    fragment = "#/$defs/configuration" if base == "configuration" else ""
    overlaid = base in ("instance", "configuration")
    version = _overlay_version(element, overlay_dirs) if element and overlay_dirs and overlaid else None
    user = _read_overlay(*version) if version is not None else None
    if version is not None and user is not None:
        if base == "instance" or isinstance(user[1].get("$defs", {}).get("configuration"), dict):
            # (an overlay without `$defs/configuration` says nothing about a bare configuration object)
            from referencing.exceptions import Unresolvable

            try:
                translator.run(partial(_user_validator, *version, fragment), overlay=element,
                               gate=_user_gate(*version, fragment),
                               required=_overlay_required(str(element), overlay_dirs))
            except Unresolvable as exc:  # was an internal error (CE099) naming jsonschema's wrapper class
                ref = getattr(exc, "ref", "?")  # (a pointer to nowhere in this schema is given without its `#`)
                ref = f"#{ref}" if isinstance(ref, str) and ref.startswith("/") else ref
                raise OverlayError(f"{_overlay_file(str(element), overlay_dirs)}: $ref {ref!r} "
                                   f"cannot be resolved: it must name a place in this schema or in a bundled one "
                                   f"(nothing is downloaded)") from None
        return translator.problems()
    overlay = element_overlay(element) if element else None
    if element and overlay is not None and base in ("instance", "configuration"):
        translator.run(partial(_validator, schema_uri(overlay) + fragment), gate=_gate(overlay, fragment),
                       overlay=element, errors=partial(_errors_without_jsonschema, overlay, fragment),
                       required=_overlay_required(element))
    return translator.problems()


def _nested_keys(value: Any, key: Any) -> list[tuple[str, Any]]:
    """The documented configuration keys (``event.poller.refresh_interval``) that ``{key: value}`` spells as nested
    objects, with their values; empty when it spells none."""
    if not isinstance(value, dict) or not isinstance(key, str):
        return []
    known = top_level_properties("configuration")
    found: list[tuple[str, Any]] = []
    stack: list[tuple[str, Any]] = [(key, value)]
    while stack and len(found) < 20:
        name, node = stack.pop()
        if name in known:  # `event.poller.configuration` holds an object itself: the walk stops at a known key
            found.append((name, node))
        elif isinstance(node, dict):
            stack.extend((f"{name}.{child}", item) for child, item in reversed(list(node.items()))
                         if isinstance(child, str))
    return found


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _under_secret_key(path: tuple[Any, ...]) -> bool:
    from .vocabulary.secrets import secret_kind

    return any(isinstance(part, str) and secret_kind(part) is not None for part in path)


def _pair_name(value: Any) -> str | None:
    """The first key name of a configuration written as `[{"key": ..., "value": ...}]` pairs, or None."""
    if not isinstance(value, list) or not value:
        return None
    first = value[0]
    if not isinstance(first, dict) or not ({"key", "propertyKey", "name"} & first.keys()) \
            or not ({"value", "propertyValue"} & first.keys()):
        return None
    name = first.get("key", first.get("propertyKey", first.get("name")))
    plain = isinstance(name, str) and len(name) <= 100 and name.isascii() \
        and name.replace(".", "").replace("_", "").replace("-", "").isalnum()
    return name if plain else None  # (a key's name, never a value: nothing else is quoted)


def _kind_of(value: Any) -> str:
    for kind, noun in (((dict,), "an object"), ((list,), "an array"), ((bool,), "a boolean"), ((str,), "a string"),
                       ((int, float), "a number")):
        if isinstance(value, kind):
            return noun
    return "null"


def _json_object_text(value: Any) -> bool:
    """Whether ``value`` is a string that holds a JSON object (a poller configuration stringified once more)."""
    if not isinstance(value, str) or not value.lstrip().startswith("{") or len(value) > 1_000_000:
        return False
    import json

    try:
        return isinstance(json.loads(value), dict)
    except (ValueError, RecursionError):  # not JSON, or nested past what the parser reads
        return False


def _show(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return "a number of more than 60 digits"  # str() of a 5,000-digit int raises
    if isinstance(value, dict) and value:  # (a container's text is not quoted: a name/value pair the masking does not
        return "an object"  # know, `{"header": "X-Api-Key", "content": "<key>"}`, holds a secret as a plain string)
    if isinstance(value, list) and any(isinstance(item, (str, dict, list)) for item in value):
        return "an array"
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > 60:
        if isinstance(value, dict):
            return "an object"
        if isinstance(value, list):
            return "an array"
        text = text[:56] + "…" + text[-1]
    return f"`{text}`"


# What to write for a key an element requires, given empty or null (CE105, from an overlay or the element docs).
REQUIRED_VALUE_HELP = "write its value, or an environment reference such as `${NAME}` that your deployment substitutes"


def missing_keys_said(names: list[str], element: str) -> tuple[str, str]:
    """CE105's message and help for the configuration keys ``names`` that ``element`` requires and a body leaves
    out (said alike by the element's schema overlay and by the element check without one)."""
    plural = "s" if len(names) > 1 else ""
    return (f"missing configuration key{plural} {_join(names)}, which element `{element}` requires",
            "add " + ", ".join(f'"{name}": "..."' for name in names))


def _join(names: list[str]) -> str:
    quoted = [f"`{name}`" for name in names]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _dotted(parts: tuple[Any, ...]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_TYPE_NOUNS = {"string": "a string", "boolean": "a boolean", "integer": "a whole number", "number": "a number",
               "object": "an object", "array": "an array", "null": "null"}


def _rule_severity(code: str) -> Severity:
    """The severity of a rule a schema keyword names (``x-rule``): the registry's."""
    from .rules import rule_for

    return rule_for(code).severity


def _is_placeholder(value: Any) -> bool:
    from .vocabulary.placeholders import is_placeholder_value

    return isinstance(value, str) and is_placeholder_value(value)


# Other words for a record's updated or created date at the start of a key (`modifiedDateField`, `creationDateFormat`):
# the key meant is the `updated...`/`created...` one (datesConfiguration's keys)
_DATE_SYNONYM = LazyPattern(r"\A(?:(modified|lastModified|changed|lastUpdated|update)|(creation|create|inserted))"
                            r"(?=Date)")


def suggest_key(key: str, known: Iterable[str]) -> str | None:
    """The known name ``key`` most likely meant: same letters but spaces or case, else a close spelling."""
    known = list(known)
    for name in known:
        if key.strip() == name or key.replace(" ", "") == name:
            return name
    for name in known:
        if key.strip().lower() == name.lower():
            return name
    lowered = {name.lower(): name for name in known}
    close = difflib.get_close_matches(key.strip().lower(), list(lowered), n=1, cutoff=0.85)
    if close:
        return lowered[close[0]]
    prefix = [name for name in known if len(key) >= 5 and name.lower().startswith(key.strip().lower())]
    return prefix[0] if len(prefix) == 1 else None


# What an element key looks like (`sageone`, `adobe-esign`, `hubspotcrm`): no blank, no capital
_KEY_LIKE = LazyPattern(r"[a-z0-9][a-z0-9_.-]{0,99}\Z")


def _element_named_otherwise(element: Any) -> tuple[str, str] | None:
    """The one member of an `element` object with neither `key` nor `id`, when it holds a string (`name`,
    `elementKey`): the element named under another name. A response's `element` has both; a request's has one."""
    if not isinstance(element, dict) or len(element) != 1:
        return None
    ((name, value),) = element.items()
    if not isinstance(name, str) or not isinstance(value, str) or not value.strip() or _under_secret_key((name,)):
        return None  # (`{"apiKey": ...}`: a credential, not the element named; CE751 says where it belongs)
    return name, value


# A body's top-level member that names its element outside `element` (`{"key": "sageone", ...}`; a response's
# `elementId`), and what it is inside; `elementKey` and other unknown keys are CE101's, which says `element` is meant
_ELEMENT_NAMES = {"key": "key", "elementId": "id"}


def _element_named_at_the_top(body: Any) -> tuple[str, str] | None:
    """The top-level member of ``body`` naming its element (``key``, ``elementKey``, ``elementId``...) and the
    ``element`` object to write for it, when its value reads as a key or an id (no secret shown: a key's shape only)."""
    if not isinstance(body, dict):
        return None
    for member, value in body.items():
        inside = _ELEMENT_NAMES.get(member) if isinstance(member, str) else None
        if inside == "key" and isinstance(value, str) and _KEY_LIKE.match(value):
            return member, f'{{"key": {json.dumps(value)}}}'
        if inside == "id" and (isinstance(value, int) and not isinstance(value, bool) and value > 0
                               or isinstance(value, str) and value.isdigit() and len(value) < 19):
            return member, f'{{"id": {int(value)}}}'
    return None


class _Translator:
    """Turns the jsonschema errors of one document into :class:`SchemaProblem`s."""

    def __init__(self, value: Any, base: str) -> None:
        self.value = value
        self.base = base
        self._problems: list[tuple[tuple[Any, ...], SchemaProblem]] = []
        self._missing: dict[tuple[tuple[Any, ...], str | None], list[str]] = {}
        self._misspelt: set[tuple[tuple[Any, ...], str]] = set()  # (object, required key written misspelt)
        self._type_at: dict[str, int] = {}  # pointer -> index in _problems of its CE102
        # (pointer, message) of each problem in _problems, for a constant-time duplicate test: a type and an enum
        # may say one thing (`true` for `polling` or `webhook`), and it is said once
        self._said: set[tuple[str, str]] = set()
        self._overlay_keys: dict[str, list[str]] = {}  # element -> the configuration keys its overlay requires
        self._single_entries = self._find_single_entries()
        self._wrapped_entries = self._find_wrapped_entries()

    # ----------------------------------------------------------------------------- where things are

    def _poller_root(self) -> tuple[Any, ...] | None:
        if self.base == "poller":
            return ()
        path: tuple[Any, ...] = (_POLLER_KEY,) if self.base == "configuration" else ("configuration", _POLLER_KEY)
        return path if isinstance(self._node(path), dict) else None

    def _node(self, path: tuple[Any, ...]) -> Any:
        node = self.value
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def _context(self, path: tuple[Any, ...]) -> tuple[str, tuple[Any, ...], bool]:
        """(``instance``|``configuration``|``poller``, the path inside it, whether it is embedded)."""
        ctx, rel, embedded = self.base, path, False
        if ctx == "instance" and rel[:1] == ("configuration",):
            ctx, rel, embedded = "configuration", rel[1:], True
        if ctx == "configuration" and rel[:1] == (_POLLER_KEY,) and self._poller_root() is not None:
            ctx, rel, embedded = "poller", rel[1:], True
        return ctx, rel, embedded

    def label(self, path: tuple[Any, ...]) -> str:
        """How a message names the value or object at ``path``."""
        ctx, rel, embedded = self._context(path)
        if ctx == "poller":
            if not rel:
                return f"`{_POLLER_KEY}`" if embedded else "the poller configuration"
            entry = f"poller entry `{rel[0]}`" if rel[0] != "" else "the entry"  # ("": a lone entry's, schema_check)
            if len(rel) == 1:
                return entry
            if rel[1] == "datesConfiguration":
                if len(rel) == 2:
                    return f"`datesConfiguration` of {entry}"
                return f"`{_dotted(rel[2:])}` in `datesConfiguration` of {entry}"
            return f"`{_dotted(rel[1:])}` in {entry}"
        if not rel:
            if ctx == "configuration":
                return "`configuration`" if embedded else "the configuration"
            return "the instance body" if ctx == "instance" else "the document"
        if ctx == "configuration":
            return f"`{rel[0]}`" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in rel[1:])
        return f"`{_dotted(rel)}`"

    def _find_single_entries(self) -> set[tuple[Any, ...]]:
        root = self._poller_root()
        if root is None:
            return set()
        node = self._node(root)
        if isinstance(node, dict) and (isinstance(node.get("url"), str) or is_misspelt_entry(node)):
            return {root}
        return set()

    def _find_wrapped_entries(self) -> set[tuple[Any, ...]]:
        """Resources whose entry holds entries itself (`{"configuration": {"customers": {"url": ...}}}`): a level
        too many, wrapped around the resource map."""
        root = self._poller_root()
        node = self._node(root) if root is not None else None
        if root is None or not isinstance(node, dict):
            return set()
        return {root + (name,) for name, entry in node.items()
                if isinstance(entry, dict) and entry and "url" not in entry and "idField" not in entry
                and all(isinstance(inner, dict) and isinstance(inner.get("url"), str) for inner in entry.values())}

    # ------------------------------------------------------------------------------------- translate

    def run(self, validator: Callable[[], Draft202012Validator], *, overlay: str | None,
            required: list[str] | None = None, gate: Check | None = None,
            errors: Callable[[Any], list[SchemaError] | None] | None = None) -> None:
        """Translate the errors of ``validator()``, built only when ``gate`` does not pass the document, nor
        ``errors`` finds them without jsonschema (:mod:`validator.schema_errors`)."""
        if overlay is not None:
            self._overlay_keys[overlay] = required or []
        if gate is not None and gate(self.value):
            return
        found = errors(self.value) if errors is not None else None
        for error in found if found is not None else validator().iter_errors(self.value):
            self._translate(error, overlay)

    def _add(self, path: tuple[Any, ...], rule: str, message: str, *, key: bool = False,
             help: str | None = None, action: tuple[str, str] | None = None, unsafe: bool = False,
             severity: Severity | None = None) -> None:
        severity = severity or (_SEVERITY[rule] if rule in _SEVERITY else _rule_severity(rule))
        problem = SchemaProblem(rule, severity, message, _pointer(path), key, help, action, unsafe)
        if rule == "CE102":  # a value's type, said by the base schema and again by an element's overlay: once,
            index = self._type_at.get(problem.pointer)  # with the overlay's narrower type
            if index is not None:
                self._problems[index] = (path, problem)
                return
        said = (problem.pointer, message)
        if said not in self._said:  # a set: 30,000 problems were 450 million comparisons
            self._said.add(said)
            if rule == "CE102":
                self._type_at[problem.pointer] = len(self._problems)
            self._problems.append((path, problem))

    def _translate(self, error: ValidationError | SchemaError, overlay: str | None) -> None:
        path = tuple(error.absolute_path)
        for root in self._single_entries | self._wrapped_entries:
            if path[: len(root)] == root:
                return  # reported once, as a misplaced single entry or a level too many (see problems())
        keyword = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        if keyword in _VALUE_KEYWORDS and _is_placeholder(error.instance):
            return  # the placeholder rules report it (the gate, `excused`, spares a body of only these jsonschema)
        if keyword in ("anyOf", "oneOf"):
            if "x-message" in schema:
                wanted = [name for branch in schema.get(keyword, []) if isinstance(branch, dict)
                          for name in branch.get("required", [])]
                near = next(((name, guess) for name in (error.instance if isinstance(error.instance, dict) else {})
                             if isinstance(name, str) and (guess := suggest_key(name, wanted)) is not None), None)
                if near is not None:  # `{"keys": "sageone"}`: the key is there, misspelt
                    name, guess = near
                    self._add(path + (name,), "CE103", f"{schema['x-message']}: `{name}` is not `{guess}`", key=True,
                              help=f"did you mean `{guess}`?{look_alike_in(name, guess)}", action=("rename", guess),
                              unsafe=name.strip().lower() != guess)
                    return
                named = _element_named_otherwise(error.instance)
                if named is not None:  # `{"name": "sageone"}`, `{"elementKey": "sageone"}`: the key under another name
                    name, value = named
                    self._add(path + (name,), "CE103", f"{schema['x-message']}: the platform does not read `{name}`",
                              key=True, help=f'write the element\'s key as `key`: {{"key": {json.dumps(value)}}}'
                              if _KEY_LIKE.match(value) else "write the element's key as `key` (`GET /elements` lists "
                              'them; a display name such as `Sage One` is none): {"key": "sageone"}',
                              action=("rename", "key") if _KEY_LIKE.match(value) else None, unsafe=True)
                    return
                self._add(path, "CE103", schema["x-message"], help='name the element by its key, `{"key": "sageone"}`, '
                          'or by its numeric id, `{"id": 3458}`')
                return
            from jsonschema.exceptions import best_match

            # a branch whose type fits the value says more than one that wants another type
            fitting = [sub for sub in error.context if sub.validator != "type"]
            best = best_match(fitting or error.context) if error.context else None
            if best is not None:
                self._translate(best, overlay)
            return
        if keyword == "required":
            names = self._missing.setdefault((path, overlay), [])
            for wanted in error.validator_value:
                if isinstance(error.instance, dict) and wanted not in error.instance and wanted not in names:
                    names.append(wanted)
            return
        if keyword == "additionalProperties":
            self._unknown_keys(path, error.instance, schema)
            return
        if keyword == "not" and "x-belongs" in schema:
            self._misplaced(path, schema["x-belongs"])
            return
        self._value_problem(path, keyword, error, schema)

    def _unknown_keys(self, path: tuple[Any, ...], instance: Any, schema: dict[str, Any]) -> None:
        if not isinstance(instance, dict):
            return
        properties = schema.get("properties", {})
        plain = schema.get(PLAIN_PROPERTIES, {})  # their own schemas, where `properties` holds `true`
        patterns = [re.compile(pattern) for pattern in schema.get("patternProperties", {})]
        where = self.label(path)
        for name in instance:
            if name in properties or any(pattern.search(name) for pattern in patterns):
                continue
            fix = None
            action: tuple[str, str] | None = None
            unsafe = True
            guess = suggest_key(name, properties)
            if guess is None and isinstance(name, str):
                said = _DATE_SYNONYM.sub(lambda found: "updated" if found.group(1) else "created", name, count=1)
                guess = suggest_key(said, properties) if said != name else None
                guess = guess if guess is not None and guess not in instance else None
            if "url" in schema.get("required", ()) and "url" in properties and "url" not in instance \
                    and sends_a_poll_url(instance[name]) \
                    and sum(sends_a_poll_url(value) for value in instance.values()) == 1:
                guess = "url"  # (`"path": "/hubs/crm/contacts"`: its value says it is the url, not `xPath`)
            if guess is not None:
                belongs = _belongs(plain.get(guess, properties.get(guess)))
                if belongs == "datesConfiguration":
                    fix = f"did you mean `{guess}`, inside `datesConfiguration`?"
                elif belongs == "entry":
                    fix = f"did you mean `{guess}`, on the poller entry itself?"
                elif name.strip() == guess or name.replace(" ", "") == guess:
                    extra = "".join(char for char in name if char.isspace()).replace(" ", "")
                    fix = f"remove {space_named(extra) if extra else 'the spaces'}: `{guess}`"
                    action, unsafe = ("rename", guess), False
                else:
                    fix = f"did you mean `{guess}`?{look_alike_in(name, guess)}"
                    action = ("rename", guess)
                    takes = misfit(plain.get(guess, properties.get(guess)), instance[name])
                    if takes is not None:  # (renamed, the value would be of the wrong type)
                        fix, action = f"{fix} It takes {takes}", None
                if guess in instance:
                    action = None
                elif belongs is None and guess in schema.get("required", ()):
                    # the key the platform requires is missing, and this is it misspelt: one error, not a
                    # warning beside a "missing" finding
                    self._misspelt.add((path, guess))
                    self._add(path + (name,), "CE101", f"unknown key `{name}`{invisible_in(name)} in {where}: the "
                              f"platform ignores it, and the required `{guess}` is missing", key=True, help=fix,
                              action=action, unsafe=unsafe, severity="error")
                    continue
            lacks = ": the platform ignores it, and the entry has no `idField` (its events carry no `objectId`)" \
                if guess == "idField" and guess not in instance else ""
            self._add(path + (name,), "CE101", f"unknown key `{name}`{invisible_in(name)} in {where}{lacks}", key=True,
                      help=fix, action=action, unsafe=unsafe)

    def _misplaced(self, path: tuple[Any, ...], belongs: str) -> None:
        name = path[-1]
        parent = self.label(path[:-1])
        if belongs == "datesConfiguration":
            message = f"`{name}` belongs in `datesConfiguration`, not directly in {parent}"
            fix = "move it into `datesConfiguration`"
            target = path[:-1] + ("datesConfiguration",)
        elif belongs == "entry":
            entry = self.label(path[:-2])
            message = f"`{name}` belongs on {entry}, not inside its `datesConfiguration`"
            fix = "move it out of `datesConfiguration`, next to it"
            target = path[:-2]
        elif belongs == "configuration" and len(path) > 1 and path[-2] in ("providerData", "element"):
            message = f"configuration key `{name}` is in `{path[-2]}`; it belongs in `configuration`"
            fix = "move it into `configuration`"
            target = path[:-2] + ("configuration",)
        elif belongs == "configuration":
            message = f"configuration key `{name}` is at the top level of the instance body; it belongs in `configuration`"
            fix = "move it into `configuration`"
            target = path[:-1] + ("configuration",)
        else:
            message = f"`{name}` belongs at the top level of the instance body, not in `configuration`"
            fix = "move it out of `configuration`, next to it"
            target = path[:-2]
        node = self._node(target)
        action = ("move", _pointer(target)) if isinstance(node, dict) and name not in node else None
        self._add(path, "CE106", message, key=True, help=fix, action=action)

    def _value_problem(self, path: tuple[Any, ...], keyword: str, error: ValidationError,
                       schema: dict[str, Any]) -> None:
        value = error.instance
        where = self.label(path)
        expected = schema.get("x-expected")
        got = (unquotable(value, closed=True) if isinstance(value, str) else None) or _show(value)  # (a value of
        # another type or outside the words a field takes)
        fix = _value_fix(value, schema, keyword)
        if _under_secret_key(path):  # a secret's value never goes into a message (or the cache)
            got, fix = _kind_of(value), None
        if keyword == "type" and value is None and schema.get("x-rule") == "CE105":
            self._add(path, "CE105", f"{where} is null, but the element requires a value", help=REQUIRED_VALUE_HELP)
            return  # (a key an overlay requires, written as nothing: as missing)
        if keyword == "type":
            types: list[str] = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            nested = _nested_keys(value, path[-1]) if path and self._context(path)[0] == "configuration" else None
            if nested:  # `"event": {"poller": {"refresh_interval": 15}}`, a YAML habit
                first, inner = nested[0]
                self._add(path, "CE102", f"{where} nests keys in objects, but configuration keys are flat, dotted "
                          f"names: the platform sees no `{first}` here", help=f'write each as one key, such as '
                          f'"{first}": {_show(inner) if not _under_secret_key((first,)) else "..."}')
                return
            if expected is None:
                expected = " or ".join(_TYPE_NOUNS.get(t, t) for t in types if t != "null")
            pair = _pair_name(value) if path == ("configuration",) else None
            if pair is not None:  # `[{"key": "a.b", "value": "..."}]`: how the platform's answer lists it
                self._add(path, "CE102", f"{where} must be {expected}, got an array of key/value pairs: the body "
                          "writes each key as a member of one object", help=f'write {{"{pair}": ..., ...}}, each '
                          "pair's key as a member name and its value as the member's value")
                return
            if "object" in types and _json_object_text(value) and not _under_secret_key(path):
                if not path or path[-1] == "event.poller.configuration":  # the one object the platform takes as text
                    self._add(path, "CE102", f"{where} must be {expected}, got a string holding its JSON: it was "
                              "stringified twice (or a stringified value was quoted again)",
                              help="write the object itself, or its JSON string once")
                else:
                    self._add(path, "CE102", f"{where} must be {expected}, got the object written as a JSON "
                              "string: only `event.poller.configuration` may be given as a string",
                              help="write the object itself, without the quotes around it")
                return
            self._add(path, "CE102", f"{where} must be {expected}, got {got}", help=fix,
                      action=_value_action(value, types) if fix is not None else None)
            return
        ctx, rel, _ = self._context(path)
        code = schema.get("x-rule", "CE104")  # the rule that owns this constraint (one code, whatever the flags)
        if keyword == "minLength" and error.validator_value == 1:
            self._add(path, code, f"{where} must not be empty", help=REQUIRED_VALUE_HELP if code == "CE105" else fix)
            return
        if keyword == "minimum" and not (error.validator_value == 0 and expected):
            self._add(path, code, f"{where} must be at least {error.validator_value}, got {got}", help=fix)
            return
        if expected is None:
            if keyword == "enum":
                expected = "one of " + ", ".join(_show(item) for item in error.validator_value if item is not None)
            elif keyword == "const":
                expected = _show(error.validator_value)
            elif keyword == "pattern":
                expected = f"a string matching `{error.validator_value}`"
            else:
                expected = f"valid for `{keyword}`"
        self._add(path, code, f"{where} must be {expected}, got {got}", help=fix)

    # ---------------------------------------------------------------------------------------- output

    def _missing_problems(self) -> None:
        for (path, overlay), all_names in self._missing.items():
            names = [name for name in all_names if (path, name) not in self._misspelt]
            if not names:
                continue  # reported as its misspelling (CE101)
            where = self.label(path)
            plural = "s" if len(names) > 1 else ""
            if overlay is not None:
                hint = None
                if names == ["configuration"]:
                    required = self._overlay_keys.get(overlay, [])
                    message = f"missing `configuration`: element `{overlay}` requires the keys {_join(required)}"
                    body = self._node(path)
                    meant = next((key for key in body if isinstance(key, str) and key != "configuration"
                                  and key.lower().startswith("conf")), None) if isinstance(body, dict) else None
                    if meant is not None:  # `config`, `Configuration`, `configurations`: not the key the platform reads
                        message += f"; the body has `{meant}`, which the platform does not read"
                        self._add(path + (meant,), "CE105", message, key=True, help=f"rename `{meant}` to `configuration`",
                                  action=("rename", "configuration"), unsafe=True)  # (at the key, not the whole body)
                        continue
                else:
                    message, hint = missing_keys_said(names, overlay)
                self._add(path, "CE105", message, help=hint)
                continue
            ctx, rel, _ = self._context(path)
            node = self._node(path)
            if ctx == "poller" and len(rel) == 1 and isinstance(node, dict) and "idField" not in node:
                # (no schema asks for it alone: CE107's warning; named here with what the entry lacks besides)
                names, plural = [*names, "idField"], "s"
            if ctx == "poller" and len(rel) == 1 and node == {}:
                self._add(path, "CE103", f"{where} is empty: it needs {_join(names)}")
                continue
            named = _element_named_at_the_top(node) if not path and "element" in names else None
            if named is not None:  # `{"key": "sageone", ...}`: the element named, but not where the platform reads it
                member, written = named
                self._add(path + (member,), "CE103", f"missing required key{plural} {_join(names)} in {where}: "
                          f"`{member}` names the element at the top of the body, where the platform does not read it",
                          key=True, help=f"write it inside `element`: \"element\": {written}")
                continue
            wrapper = wrapped_body(self._node(path)) if not path else None
            if wrapper is not None:  # `{"instance": {"element": ...}}`
                self._add(path, "CE103", f"missing required key{plural} {_join(names)} in {where}: the body is "
                          f"wrapped in `{wrapper}`, and the platform reads the instance body itself",
                          help=f"remove the `{wrapper}` wrapper: send the object inside it")
                continue
            self._add(path, "CE103", f"missing required key{plural} {_join(names)} in {where}")

    def _single_entry_problems(self) -> None:
        for root in self._single_entries:
            where = self.label(root)
            # inside an instance body the platform takes `url` for a resource whose entry is a string: nothing is
            # polled (a file of one entry may be a piece a tool puts in place: a warning)
            self._add(root, "CE106",
                      f"{where} holds a single poller entry (`url`, `idField`, ...), but it maps resource names "
                      "to entries" + (POLLS_NOTHING if root else ""),
                      help='wrap the entry in a resource name: `{"contacts": {"url": ...}}`',
                      severity="error" if root else None)

    def _wrapped_entry_problems(self) -> None:
        for path in self._wrapped_entries:
            inner = ", ".join(f"`{name}`" for name in list(self._node(path))[:3])
            self._add(path, "CE106", f"resource `{path[-1]}` holds poller entries itself ({inner}): a level too many, "
                      f"so the platform reads `{path[-1]}` as a resource with no `url`, and polls nothing",
                      key=True, help=f"remove the `{path[-1]}` level: write its entries in `event.poller.configuration` "
                      "itself", severity="error")

    def problems(self) -> list[SchemaProblem]:
        """Every problem so far, in document order."""
        self._missing_problems()
        self._missing.clear()
        self._single_entry_problems()
        self._wrapped_entry_problems()
        if len(self._problems) < 2:
            return [problem for _, problem in self._problems]
        keys: dict[int, dict[Any, int]] = {}  # each object's key positions, worked out once
        ranked = sorted(enumerate(self._problems),
                        key=lambda item: (_reading_order(self.value, item[1][0], keys), item[0]))
        return [problem for _, (_, problem) in ranked]


def _belongs(schema: Any) -> str | None:
    """The ``x-belongs`` of a property schema, following a local ``#/$defs/NAME`` reference."""
    found = _followed(schema, "x-belongs")
    return None if found is None else str(found)


def _followed(schema: Any, keyword: str) -> Any:
    """The value of ``keyword`` in a property schema, following a local ``#/$defs/NAME`` reference, or None."""
    if not isinstance(schema, dict):
        return None
    if keyword in schema:
        return schema[keyword]
    for part in schema.get("allOf", ()):  # a followed reference beside other keywords (validator.schema_refs)
        found = _followed(part, keyword)
        if found is not None:
            return found
    ref = schema.get("$ref", "")
    if ref.startswith("#/$defs/"):
        # the reference is a pointer from the top of the file that holds it (tools/bundle_schemas.py)
        parts = [part.replace("~1", "/").replace("~0", "~") for part in ref[2:].split("/")]
        for name in _names():
            target: Any = _loaded(name)
            for part in parts:
                target = target.get(part) if isinstance(target, dict) else None
            if isinstance(target, dict) and keyword in target:
                return target[keyword]
    return None


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "object": (dict,), "array": (list,), "boolean": (bool,),
                                               "integer": (int,), "number": (int, float), "null": (type(None),)}


def misfit(schema: Any, value: Any) -> str | None:
    """What the property ``schema`` takes (`an object such as ...`) when ``value`` is not of its JSON type, nor a text
    CE102 mends into it (`"200"`, `"true"`), else None: a misspelt key renamed to it would hold a value no fix mends
    (``"elementKey": "sageone"``, `"pagesize": "lots"`)."""
    wanted = _followed(schema, "type")
    if isinstance(wanted, list):  # (`["integer", "string"]`, the string an environment reference: the `then` says which)
        wanted = _followed(_followed(schema, "then"), "type")
    if not isinstance(wanted, str) or wanted not in _PYTHON_TYPES or isinstance(value, _PYTHON_TYPES[wanted]) and not (
            isinstance(value, bool) and wanted in ("integer", "number")):
        return None
    if isinstance(value, str) and (wanted in ("integer", "number") and _NUMBER_TEXT.fullmatch(value.strip())
                                   or wanted == "boolean" and value.strip().lower() in ("true", "false")):
        return None  # (`"pagesize": "200"`: CE102 unquotes it once renamed)
    return str(_followed(schema, "x-expected") or _TYPE_NOUNS[wanted])


_NUMBER_TEXT = LazyPattern(r"-?\d+(?:\.\d+)?")


def _overlay_required(element: str, overlay_dirs: tuple[str, ...] = ()) -> list[str]:
    found = _user_overlay(element, overlay_dirs) if overlay_dirs else None
    overlay = found[1] if found else _loaded(f"elements/{element}")
    return list(overlay.get("$defs", {}).get("configuration", {}).get("required", []))


def _value_fix(value: Any, schema: dict[str, Any], keyword: str) -> str | None:
    """A hint for a wrong value: quotes to drop, a near spelling of an allowed word."""
    expected = str(schema.get("x-expected", ""))
    if isinstance(value, str):
        text = value.strip()
        if keyword == "type" and text.lower() in ("true", "false") and "boolean" in expected:
            return f"write `{text.lower()}` without quotes"
        if keyword == "type" and re.fullmatch(r"[0-9]+", text) and "whole number" in expected:
            return f"write `{text}` without quotes"
        if "whole number of minutes" in expected:
            digits = re.fullmatch(r"([0-9]+)(?:\.0*)?\s*(?:m|mins?|minutes?)?", text, re.IGNORECASE)
            if digits and digits.group(1) != value:
                return f'write `"{digits.group(1)}"`'
        if expected == "`true` or `false`":
            return "use `true` or `false`"
        if keyword == "enum":
            words = [item for item in schema.get("enum", []) if isinstance(item, str) and item != "webhooks"]
            guess = suggest_key(text, words)
            if guess is not None:
                return f"did you mean `{guess}`?"
        if keyword == "type" and "object such as" in expected and text:
            return f'write `{{"key": "{text}"}}`'
    elif isinstance(value, float) and value.is_integer() and "whole number" in expected:
        return f"write `{int(value)}`"
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and expected == "`true` or `false`":
        return "use `true` or `false`"
    return None


def _value_action(value: Any, types: list[str]) -> tuple[str, str] | None:
    """The JSON text replacing a quoted boolean or whole number (``"true"`` → ``true``), if any."""
    if isinstance(value, str):
        text = value.strip()
        if text.lower() in ("true", "false") and "boolean" in types:
            return ("value", text.lower())
        if re.fullmatch(r"-?(?:0|[1-9][0-9]{0,17})", text) and "integer" in types:
            return ("value", text)
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15 and "integer" in types:
        return ("value", str(int(value)))
    return None


def _reading_order(value: Any, path: tuple[Any, ...], keys: dict[int, dict[Any, int]]) -> tuple[int, tuple[int, ...]]:
    """A sort key putting ``path`` where a reader meets it in ``value`` (preorder: each step's position among
    its siblings); a path that is not in ``value`` comes after every one that is.  ``keys`` caches the key
    positions of the objects met."""
    positions: list[int] = []
    node = value
    for step in path:
        if isinstance(node, dict) and step in node:
            found = keys.get(id(node))
            if found is None:
                found = keys[id(node)] = {key: index for index, key in enumerate(node)}
            positions.append(found[step])
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            positions.append(step)
        else:
            return 1, ()
        node = node[step]
    return 0, tuple(positions)
