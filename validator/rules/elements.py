"""Element-aware checks: the body against the element's own definition and API docs.

These rules run only with ``--element-docs DIR`` (or ``element-docs`` in the
configuration), where DIR holds ``<key>/element.json`` and/or ``<key>/swagger.json``
exported from your account (``GET /elements/{key}`` and ``GET /elements/{key}/docs``).
The element is the instance body's ``element.key``, or ``--element KEY`` for a bare
configuration or poller file.

CE901 element-unknown-key
    A configuration key the element does not declare (and no platform-wide key):
    a typo or a key of another element.  Fix: the key the element declares
    (the message suggests the nearest one).

CE902 element-missing-key
    A key the element requires (required, not internal, no default) is absent.

CE903 element-value-too-long
    A value longer than the element allows (``TEXTFIELD_128`` holds 128 characters).

CE904 element-boolean-value
    A ``BOOLEAN`` key whose value is not ``true``/``false`` (or ``"true"``/``"false"``).

CE905 poller-path-unknown
    The poller's URL path has no GET in the element's API docs.

CE906 poller-wrong-hub
    The poller's URL goes to another hub than the element's (``/hubs/crm/...`` for a finance element).

CE907 poller-query-parameter-unknown
    A query parameter the GET operation does not take.

CE908 poller-id-field-unknown
    ``idField`` names a field the response model does not have.

CE909 poller-date-field-unknown
    ``updatedDateField``/``createdDateField`` names a field the response model does not have.

CE910 poller-differs-from-default
    A resource the element's default poller also has, configured differently (info only:
    differing is often intended, but the default is what the platform ships and tests).
"""

from __future__ import annotations

import difflib
import json
from typing import Iterator

from ..findings import Finding
from .base import Rule

_SAGE = '{"element": {"key": "sageone"}, "configuration": {%s}}'

ELEMENT_UNKNOWN_KEY = Rule("CE901", "element-unknown-key", "warning", "configuration key the element does not declare",
     "The element definition declares every configuration key an instance may carry; a key it does not declare "
     "is ignored by the platform. Fix the spelling (the message suggests the nearest declared key) or remove it.",
     _SAGE % '"oauth.api.kee": "${SAGE_KEY}"', _SAGE % '"oauth.api.key": "${SAGE_KEY}"')

ELEMENT_MISSING_KEY = Rule("CE902", "element-missing-key", "error", "a key the element requires is missing",
     "Keys that the element marks required, that are not internal and have no default, must be supplied in "
     "`configuration`, or provisioning fails.",
     '{"element": {"key": "sageone"}, "configuration": {}}',
     _SAGE % '"oauth.api.key": "${A}", "oauth.api.secret": "${B}", "signature.secret": "${C}", '
             '"apim.subscription.key": "${D}"')

ELEMENT_VALUE_TOO_LONG = Rule("CE903", "element-value-too-long", "error", "value longer than the element allows",
     "`TEXTFIELD_N` keys hold at most N characters.",
     _SAGE % '"country": "%s"' % ("U" * 40), _SAGE % '"country": "US"')

ELEMENT_BOOLEAN_VALUE = Rule("CE904", "element-boolean-value", "error", "BOOLEAN key with a value other than true/false",
     "The element types this key `BOOLEAN`: use `true`/`false` (or the strings `\"true\"`/`\"false\"`).",
     _SAGE % '"filter.response.nulls": "yes"', _SAGE % '"filter.response.nulls": "true"')

POLLER_PATH_UNKNOWN = Rule("CE905", "poller-path-unknown", "error", "poller path not in the element's API docs",
     "The poller calls `GET /hubs/<hub><path>`; the element's API docs list every path it serves. "
     "Use a documented path (the message suggests the nearest). A path that only a catch-all route such as "
     "`/{objectName}` serves is not reported: the platform forwards it to the vendor.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers/{id}/notes/{noteId}/history", '
             '"idField": "id"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}')

POLLER_WRONG_HUB = Rule("CE906", "poller-wrong-hub", "error", "poller URL goes to another hub than the element's",
     "An element serves one hub: its pollers call `/hubs/<that hub>/...`.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/crm/customers", "idField": "id"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}')

POLLER_QUERY_PARAMETER_UNKNOWN = Rule("CE907", "poller-query-parameter-unknown", "warning", "query parameter the GET operation does not take",
     "The API docs list the query parameters of each GET; the platform drops or rejects others.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers?filter=x", '
             '"idField": "id"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers?pageSize=50", '
             '"idField": "id"}}')

POLLER_ID_FIELD_UNKNOWN = Rule("CE908", "poller-id-field-unknown", "warning", "idField not in the response model",
     "Events carry `objectId` taken from `idField`; a field the records do not have gives events without ids.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", '
             '"idField": "identifier"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}')

POLLER_DATE_FIELD_UNKNOWN = Rule("CE909", "poller-date-field-unknown", "warning", "date field not in the response model",
     "The poller compares each record's updated and created dates with the last poll time; a field the records "
     "do not have makes every record look new or never changed.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id", '
             '"datesConfiguration": {"updatedDateField": "modified", "updatedDateFormat": '
             '"yyyy-MM-dd\'T\'HH:mm:ss\'Z\'", "createdDateField": "created_at", "createdDateFormat": '
             '"yyyy-MM-dd\'T\'HH:mm:ss\'Z\'"}}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id", '
             '"datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": '
             '"yyyy-MM-dd\'T\'HH:mm:ss\'Z\'", "createdDateField": "created_at", "createdDateFormat": '
             '"yyyy-MM-dd\'T\'HH:mm:ss\'Z\'"}}}')

POLLER_DIFFERS_FROM_DEFAULT = Rule("CE910", "poller-differs-from-default", "info", "resource configured differently from the element's default",
     "The element definition carries the platform's default poller. Differing is often intended; the finding "
     "shows the default so you can compare.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}',
     _SAGE % '"event.poller.configuration": {}')

RULES: list[Rule] = [
    ELEMENT_UNKNOWN_KEY, ELEMENT_MISSING_KEY, ELEMENT_VALUE_TOO_LONG, ELEMENT_BOOLEAN_VALUE, POLLER_PATH_UNKNOWN,
    POLLER_WRONG_HUB, POLLER_QUERY_PARAMETER_UNKNOWN, POLLER_ID_FIELD_UNKNOWN, POLLER_DATE_FIELD_UNKNOWN,
    POLLER_DIFFERS_FROM_DEFAULT,
]

# Keys every element accepts, whatever its definition declares.
_PLATFORM_PREFIXES = ("event.",)
_DATE_FIELDS = ("updatedDateField", "createdDateField")


def _nearest(word: str, choices) -> str | None:
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return found[0] if found else None


def _did_you_mean(word: str, choices) -> str | None:
    near = _nearest(word, choices)
    return f"did you mean `{near}`?" if near else None


def split_url(url: str) -> tuple[str, int, list[tuple[str, int]]]:
    """The path of a poller URL, its offset, and its query parameter names with their offsets."""
    from ..urls.template import parse_url_template

    template = parse_url_template(url)
    return template.path, template.path_start, [(p.name, p.start) for p in template.params]


def _element_key(ctx) -> str | None:
    return ctx.options.element or ctx.element_key


def check(ctx) -> Iterator[Finding]:
    if not ctx.options.element_docs:
        return
    from ..elements import find_element

    key = _element_key(ctx)
    if not key:
        return
    docs = find_element(ctx.options.element_docs, key)
    if docs is None:
        return
    if docs.definition is not None:
        yield from _check_configuration(ctx, docs.definition)
    yield from _check_pollers(ctx, docs)


def _check_configuration(ctx, definition) -> Iterator[Finding]:
    config = ctx.configuration
    base = ctx.configuration_pointer
    if not isinstance(config, dict) or base is None:
        return
    from ..kinds import escape_pointer_token

    declared = definition.configuration
    for key, value in config.items():
        pointer = f"{base}/{escape_pointer_token(key)}"
        item = declared.get(key)
        if item is None:
            if key.startswith(_PLATFORM_PREFIXES):
                continue
            yield ctx.finding(ELEMENT_UNKNOWN_KEY, f"`{key}` is not a configuration key of element `{definition.key}`",
                              pointer=pointer, key=True, help=_did_you_mean(key, declared))
            continue
        if item.boolean and value not in (True, False, "true", "false"):
            yield ctx.finding(ELEMENT_BOOLEAN_VALUE, f"`{key}` is a BOOLEAN key of element `{definition.key}`: use true or false",
                              pointer=pointer, help="true or false")
        limit = item.max_length
        if limit and isinstance(value, str) and len(value) > limit:
            yield ctx.finding(ELEMENT_VALUE_TOO_LONG, f"`{key}` holds at most {limit} characters ({item.type}), this value has "
                              f"{len(value)}", pointer=pointer)
    for item in declared.values():
        if item.user_supplied and item.key not in config:
            yield ctx.finding(ELEMENT_MISSING_KEY, f"element `{definition.key}` requires `{item.key}` in `configuration`",
                              pointer=base, key=bool(base), help=f'add "{item.key}": "..."')


def _check_pollers(ctx, docs) -> Iterator[Finding]:
    definition, api = docs.definition, docs.api
    default = definition.default_poller_value() if definition else None
    hub = definition.hub if definition else None
    for entry in ctx.entries():
        if not isinstance(entry.value, dict):
            continue
        url = entry.value.get("url")
        if isinstance(url, str) and url.strip():
            yield from _check_url(ctx, entry, url, hub, api)
        if default and entry.name in default and isinstance(default[entry.name], dict):
            yield from _compare_default(ctx, entry, default[entry.name])


def _check_url(ctx, entry, url: str, hub: str | None, api) -> Iterator[Finding]:
    path, offset, params = split_url(url)
    pointer = entry.child("url")
    relative = path
    segments = path.split("/")
    if len(segments) > 2 and segments[1] == "hubs":
        url_hub = segments[2]
        relative = "/" + "/".join(segments[3:])
        if hub and url_hub != hub:
            start = offset + len("/hubs/")
            yield ctx.finding(POLLER_WRONG_HUB, f"element `{_element_key(ctx)}` serves the `{hub}` hub, not `{url_hub}`",
                              source=entry.source, pointer=pointer, sub=(start, start + len(url_hub)),
                              help=f"/hubs/{hub}/...")
    if api is None:
        return
    template = api.match(relative)
    if template is None:
        near = difflib.get_close_matches(relative, list(api.paths), n=1, cutoff=0.6)
        yield ctx.finding(POLLER_PATH_UNKNOWN, f"`GET {relative}` is not in the API docs of element `{_element_key(ctx)}`",
                          source=entry.source, pointer=pointer, sub=(offset, offset + len(path)),
                          help=f"did you mean `{near[0]}`?" if near else None)
        return
    if api.is_generic(template):
        return  # served by a catch-all route: nothing documented to compare with
    operation = api.get_operation(template)
    if operation is None:
        yield ctx.finding(POLLER_PATH_UNKNOWN, f"`{template}` has no GET in the API docs of element `{_element_key(ctx)}`",
                          source=entry.source, pointer=pointer, sub=(offset, offset + len(path)))
        return
    accepted = api.query_parameters(operation)
    for name, start in params:
        if accepted and name not in accepted:
            yield ctx.finding(POLLER_QUERY_PARAMETER_UNKNOWN, f"`GET {template}` takes no query parameter `{name}` (it takes "
                              f"{', '.join(f'`{a}`' for a in sorted(accepted))})", source=entry.source,
                              pointer=pointer, sub=(start, start + len(name)), help=_did_you_mean(name, accepted))
    model = api.record_model(operation)
    if model is None:
        return
    yield from _check_field(ctx, entry, api, model, entry.value.get("idField"), entry.child("idField"), POLLER_ID_FIELD_UNKNOWN,
                            "idField", template)
    dates = entry.value.get("datesConfiguration")
    if isinstance(dates, dict):
        for name in _DATE_FIELDS:
            yield from _check_field(ctx, entry, api, model, dates.get(name),
                                    entry.child("datesConfiguration", name), POLLER_DATE_FIELD_UNKNOWN, name, template)


def _check_field(ctx, entry, api, model, value, pointer: str, rule: Rule, label: str, template: str
                 ) -> Iterator[Finding]:
    from ..elements import split_field_path

    if not isinstance(value, str) or not value.strip():
        return
    parts = split_field_path(value)
    if not parts:
        return
    if api.has_field(model, parts) is False:
        yield ctx.finding(rule, f"`{label}` `{value}` is not a field of the records `GET {template}` returns",
                          source=entry.source, pointer=pointer, help=_did_you_mean(parts[-1], api.field_names(model)))


def _compare_default(ctx, entry, default: dict) -> Iterator[Finding]:
    differing = [k for k in sorted(set(entry.value) | set(default)) if entry.value.get(k) != default.get(k)]
    if not differing:
        return
    shown = json.dumps({k: default.get(k) for k in differing}, ensure_ascii=False)
    if len(shown) > 300:
        shown = shown[:297] + "..."
    yield ctx.finding(POLLER_DIFFERS_FROM_DEFAULT, f"resource `{entry.name}` differs from the element's default poller in "
                      f"{', '.join(f'`{k}`' for k in differing)}", source=entry.source, pointer=entry.pointer,
                      key=True, help=f"the default has {shown}")
