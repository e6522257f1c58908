"""Poller entries (CE3xx).

``event.poller.configuration`` maps each resource name to an entry:

```json
"contacts": {
  "url": "/hubs/crm/contacts?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
  "idField": "id",
  "filterByUpdatedDate": true,
  "createdCheckTolerance": 10,
  "pollDelay": 0,
  "datesConfiguration": {
    "updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'", "updatedDateTimezone": "GMT",
    "createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'", "createdDateTimezone": "GMT"
  }
}
```

``url``, ``idField``, ``filterByUpdatedDate``, ``filterByCurrentDate``, ``createdCheckTolerance``,
``pageSize`` and ``pollDelay`` belong on the entry; the six date keys belong inside
``datesConfiguration``.  These rules check what the schema (CE1xx) cannot say precisely:
empty stubs, empty strings, keys one level off, the syntax of the field paths
(``id``, dotted ``user.id``, bracketed ``['Modified Time']``), which date keys are given, and
negative numbers of seconds.  Missing keys, unknown keys and wrong types are the schema's;
date formats and time zones are the date and zone rules' (CE4xx, CE5xx).

Rules:

* **CE301** `poller-entry-empty` (error): an empty stub entry ``{}``.
* **CE302** `poller-key-misplaced` (warning): an entry key inside ``datesConfiguration``
  (``createdCheckTolerance``...), or a date key on the entry (``updatedDateTimezone``...).
* **CE303** `poller-field-path-syntax` (error): ``idField`` or a date field with an unclosed bracket or
  quote, an empty name, surrounding spaces, or a macro (``${epoch:ms}``) (an ``idField`` of spaces only: warning).
* **CE304** `poller-dates-half-given` (error): a date field without its format, a format without its
  field, an empty field next to a format (a zone alone: info).
* **CE305** `poller-dates-no-updated` (info): only the created date is given.
* **CE306** `poller-dates-no-created` (info): only the updated date is given.
* **CE307** `poller-dates-empty` (warning): ``"datesConfiguration": {}``.
* **CE308** `poller-number-out-of-range` (error): negative ``pollDelay``/``createdCheckTolerance``,
  ``pageSize`` below 1; a warning past a Java int (``"pageSize": 5000000000``).
* **CE309** `poller-field-path-jsonpath` (error): ``idField`` or a date field written as JSONPath
  (``$.id``, ``$.data[*].id``, ``$..id``, ``items[?(@.id)]``) where the platform reads a field path
  relative to each record (``id``, ``user.id``).  This assumes the platform does not evaluate JSONPath:
  its documentation and every example use plain field paths.  (``@.@id``, the platform's own path to
  an XML attribute, is not JSONPath and is left alone.)  Also a JSON pointer (``/properties/updated``,
  written as in a JSON Schema): the platform's paths are dotted (``properties.updated``).
* **CE310** `poller-seconds-as-milliseconds` (warning): ``pollDelay`` or ``createdCheckTolerance`` of 1,000 or
  more and a whole number of thousands (``60000``): both count seconds, and milliseconds were likely meant.
* **CE312** `poller-date-field-not-requested` (warning): the URL's own list of fields (Sage One's `attributes='...'`,
  OData's `$select`) leaves out a date field the entry reads: the records come back without it.
* **CE313** `poller-id-is-a-date` (warning): ``idField`` names the updated or created date field
  ``datesConfiguration`` reads (a copy of the line below): every event's ``objectId`` is a timestamp.
* **CE314** `poller-id-not-requested` (warning): the hubs' `fields` list of a URL leaves out the entry's
  ``idField``: the records come back without their id, and no event carries an ``objectId``.  (Sage One's
  `attributes` adds to what its records always hold, and OData's `$select` keeps the key: not compared.)
* **CE311** `poller-url-repeated` (warning): two resources of one poller configuration with the same ``url``,
  a copy of an entry left unchanged: the records come twice, once under each name.  A URL with a path
  variable (``/hubs/db/{objectName}``, QuickBase's default) is not compared: it may be filled in per resource.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from ..findings import Edit, Finding, Fix
from ..json_text import compact
from ..fixes.structure import member_text, move_member, remove_member, replace_member
from ..kinds import SCHEMA_KEY
from ..lazy_pattern import LazyPattern
from ..urls.pieces import MACRO_START
from ..vocabulary.characters import invisible_at, invisible_in, space_named
from ..vocabulary.spelling import squashed
from . import rule_for
from .base import Rule, once_per_arguments
from .notifications import is_placeholder, is_unfilled

if TYPE_CHECKING:
    from ..engine import Context, Entry

DATES = "datesConfiguration"
ENTRY_KEYS = ("url", "idField", "filterByUpdatedDate", "filterByCurrentDate", "createdCheckTolerance", "pageSize",
              "pollDelay")
DATE_KEYS = ("updatedDateField", "updatedDateFormat", "updatedDateTimezone", "createdDateField", "createdDateFormat",
             "createdDateTimezone")
FIELD_KEYS = ("idField", "updatedDateField", "createdDateField")
_ENTRY_KEY_SET, _DATE_KEY_SET = frozenset(ENTRY_KEYS), frozenset(DATE_KEYS)
# each date of an entry, and its field, format and zone keys
_DATE_SIDES = tuple((side, f"{side}DateField", f"{side}DateFormat", f"{side}DateTimezone") for side in ("updated", "created"))


def written_field(name: str) -> str:
    """A record field's name as a field path writes it: bracketed and quoted when it holds a space or a dot
    (``['Modified Time']``, as every Cloud Elements example writes such a name), else as it is."""
    return f"['{name}']" if (" " in name.strip() or "." in name) and "'" not in name else name


def _doc(entry: str) -> str:
    return '{\n  "event.notification.enabled": true,\n  "event.notification.callback.url": "https://mycoolapp.com/events",\n' \
           '  "event.poller.configuration": {\n' + entry + '\n  }\n}\n'


_GOOD_DATES = ('"datesConfiguration": {"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX", '
               '"createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX"}')
_GOOD_ENTRY = '    "contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n      ' + _GOOD_DATES + '}'

POLLER_ENTRY_EMPTY = Rule(
    code="CE301",
    name="poller-entry-empty",
    severity="error",
    summary="a poller resource is an empty stub {}",
    description=(
        "An entry of `event.poller.configuration` tells the poller what to request (`url`) and how to name "
        "each record (`idField`). An empty stub `\"leads\": {}`, left from a documentation page that lists "
        "resources to fill in, cannot be polled.\n\n"
        "**Fix:** give the entry its `url`, `idField` and `datesConfiguration`, or remove it."
    ),
    bad=_doc(_GOOD_ENTRY + ',\n    "leads": {}'),
    good=_doc(_GOOD_ENTRY),
)

POLLER_KEY_MISPLACED = Rule(
    code="CE302",
    name="poller-key-misplaced",
    severity="warning",
    summary="an entry key inside datesConfiguration, or a date key on the entry",
    description=(
        "`createdCheckTolerance`, `pageSize`, `pollDelay`, `filterByUpdatedDate`, `filterByCurrentDate`, "
        "`url` and `idField` belong on the entry itself; `updatedDateField`, `updatedDateFormat`, "
        "`updatedDateTimezone` and their `created` counterparts belong inside `datesConfiguration`. One "
        "level off, the platform does not find them and the setting has no effect (Cloud Elements' own "
        "Pardot and HubSpot examples put `createdCheckTolerance` inside `datesConfiguration`).\n\n"
        "**Fix:** move the key where it belongs, as the message says."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n      "datesConfiguration": '
             '{"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX", '
             '"createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX", '
             '"createdCheckTolerance": 10}}'),
    good=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id", "createdCheckTolerance": 10,\n      '
              + _GOOD_DATES + '}'),
)

POLLER_FIELD_PATH_SYNTAX = Rule(
    code="CE303",
    name="poller-field-path-syntax",
    severity="error",
    summary="idField or a date field is not a valid field path (brackets, quotes, dots, spaces)",
    description=(
        "`idField`, `updatedDateField` and `createdDateField` are paths into the record: a name (`id`), "
        "dotted names (`user.id`), or a bracketed, quoted name for names with spaces or dots "
        "(`['Modified Time']`). An unclosed bracket or quote, an empty name (`user..id`, `.id`, `[]`) or "
        "a space around the path points at no field. An `idField` of spaces only is reported as a warning, "
        "like an empty one (CE107): its events carry no `objectId`.  A name with a space written without "
        "brackets (`Modified Time`) is a warning: every Cloud Elements example brackets such names (44 uses), "
        "and the fix (unsafe) does.  Nor is a path template's variable (`{id}`, from Swagger) a field, nor a "
        "macro (`${epoch:ms}`): the last poll time's macro goes in the URL.\n\n"
        "**Fix:** close the bracket and the quote, remove the extra dot or space."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n      "datesConfiguration": '
             '{"updatedDateField": "[\'Modified Time\'", "updatedDateFormat": "yyyy-MM-dd HH:mm:ss", '
             '"createdDateField": "[\'Created Time\']", "createdDateFormat": "yyyy-MM-dd HH:mm:ss"}}'),
    good=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n      "datesConfiguration": '
              '{"updatedDateField": "[\'Modified Time\']", "updatedDateFormat": "yyyy-MM-dd HH:mm:ss", '
              '"createdDateField": "[\'Created Time\']", "createdDateFormat": "yyyy-MM-dd HH:mm:ss"}}'),
)

POLLER_DATES_HALF_GIVEN = Rule(
    code="CE304",
    name="poller-dates-half-given",
    severity="error",
    summary="a date field without its format, a format without its field, or a zone without either",
    description=(
        "The poller reads a record's updated (and created) date from `updatedDateField`, parsed with "
        "`updatedDateFormat` in `updatedDateTimezone` (and likewise for `created`). A field without its "
        "format cannot be parsed, a format without its field reads nothing, and an empty field name next "
        "to a format names no field. A zone without field and format applies to nothing: harmless, so it is "
        "reported as info. An empty format is the date rules' (CE4xx).\n\n"
        "**Fix:** give both the field and its format (`milliseconds` for epoch milliseconds)."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n      "datesConfiguration": '
             '{"updatedDateField": "updated_at", "createdDateField": "created_at", '
             '"createdDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX"}}'),
    good=_doc(_GOOD_ENTRY),
)

POLLER_DATES_NO_UPDATED = Rule(
    code="CE305",
    name="poller-dates-no-updated",
    severity="info",
    summary="datesConfiguration gives the created date but not the updated date",
    description=(
        "The platform compares records by their updated date: a record whose updated date is not after the "
        "last poll is skipped, and one whose updated date equals its created date is a new record. A "
        "`datesConfiguration` with only `createdDateField`/`createdDateFormat` lacks the date everything "
        "is compared with (the Element Builder marks all four keys required).\n\n"
        "**Fix:** add `updatedDateField` and `updatedDateFormat`."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n      "datesConfiguration": '
             '{"createdDateField": "created_at", "createdDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX"}}'),
    good=_doc(_GOOD_ENTRY),
)

POLLER_DATES_NO_CREATED = Rule(
    code="CE306",
    name="poller-dates-no-created",
    severity="info",
    summary="datesConfiguration gives the updated date but not the created date",
    description=(
        "A record whose updated date equals its created date (within `createdCheckTolerance`) is reported "
        "as CREATED, a later one as UPDATED. Without `createdDateField`/`createdDateFormat` the platform "
        "cannot tell the two apart (the Element Builder marks all four keys required); what it reports "
        "then is not documented.\n\n"
        "**Fix:** add `createdDateField` and `createdDateFormat` if the records carry a created date."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id",\n      "datesConfiguration": '
             '{"updatedDateField": "updated_at", "updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX"}}'),
    good=_doc(_GOOD_ENTRY),
)

POLLER_DATES_EMPTY = Rule(
    code="CE307",
    name="poller-dates-empty",
    severity="warning",
    summary="datesConfiguration is empty",
    description=(
        "An empty `datesConfiguration` (`{}`) names no date: left from a documentation stub, it tells the "
        "platform nothing about how to compare records.\n\n"
        "**Fix:** give `updatedDateField`/`updatedDateFormat` and `createdDateField`/`createdDateFormat`, "
        "or remove `datesConfiguration`."
    ),
    bad=_doc('    "orders": {"url": "/hubs/ecommerce/orders", "idField": "id", "datesConfiguration": {}}'),
    good=_doc('    "orders": {"url": "/hubs/ecommerce/orders", "idField": "id"}'),
)

POLLER_NUMBER_OUT_OF_RANGE = Rule(
    code="CE308",
    name="poller-number-out-of-range",
    severity="error",
    summary="pollDelay or createdCheckTolerance is negative, or pageSize is below 1",
    description=(
        "`pollDelay` is a number of seconds subtracted from the last poll time before it is put in the URL: "
        "a negative delay asks for changes from after the last poll and misses those made in between. "
        "`createdCheckTolerance` is the number of seconds within which equal created and updated dates "
        "make a record new: a negative tolerance makes no record new. `pageSize` is a number of records "
        "per page: it must be at least 1.\n\n"
        "**Fix:** give a number of seconds of 0 or more (a page size of 1 or more)."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id", "pollDelay": -60,\n      '
             + _GOOD_DATES + '}'),
    good=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id", "pollDelay": 60,\n      '
              + _GOOD_DATES + '}'),
)

POLLER_FIELD_PATH_JSONPATH = Rule(
    code="CE309",
    name="poller-field-path-jsonpath",
    severity="error",
    summary="idField or a date field is JSONPath ($.id, $.data[*].id) or a JSON pointer (/data/id), not a field path",
    description=(
        "`idField`, `updatedDateField` and `createdDateField` name a field inside each record the poller "
        "receives: `id`, `user.id`, `['Modified Time']`. They are not JSONPath: the poller already walks the "
        "records, so a root `$.`, a deep scan `..`, a wildcard `[*]` or a filter `[?(...)]` names no field, "
        "and the events carry no `objectId` (or no date).  A JSON pointer (`/properties/updated`, as a JSON "
        "Schema writes paths) names no field either.  This assumes the platform does not evaluate JSONPath or "
        "pointers, as its documentation and every example show.\n\n"
        "**Fix:** the path inside one record: `$.id` becomes `id`, `$.data[*].id` becomes `id`, "
        "`/properties/updated` becomes `properties.updated`."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "$.id",\n      ' + _GOOD_DATES + '}'),
    good=_doc(_GOOD_ENTRY),
)

POLLER_SECONDS_AS_MILLISECONDS = Rule(
    code="CE310",
    name="poller-seconds-as-milliseconds",
    severity="warning",
    summary="pollDelay or createdCheckTolerance written in milliseconds (60000) where it counts seconds",
    description=(
        "`pollDelay` and `createdCheckTolerance` count seconds.  A whole number of thousands (`60000`, `300000`) "
        "is almost always milliseconds: a `pollDelay` of 60000 moves every poll's window 16 hours 40 minutes "
        "back, so each poll asks again for most of a day of changes and sends their events again; a "
        "`createdCheckTolerance` of 60000 reports a record updated within that time of its creation as created.  "
        "Deliberate long delays exist (Cloud Elements' own resources use 86410, a day and ten seconds, for a "
        "vendor whose data arrives late): those are not whole thousands and are not reported.\n\n"
        "**Fix:** the number of seconds (`60000` ms is `60`); the fix is unsafe, as only you know the unit meant."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id", "pollDelay": 60000,\n      '
             + _GOOD_DATES + '}'),
    good=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id", "pollDelay": 60,\n      '
              + _GOOD_DATES + '}'),
)

POLLER_URL_REPEATED = Rule(
    code="CE311",
    name="poller-url-repeated",
    severity="warning",
    summary="two resources of one poller configuration poll the same URL",
    description=(
        "Each resource of `event.poller.configuration` is polled on its own, and its records become events "
        "named after it.  Two resources with the same `url` (an entry copied and renamed, its URL left as it "
        "was) send every change of those records twice, once under each name, while the resource the copy was "
        "meant for is never polled; so do two URLs that differ only by a `pageSize` parameter (the page's size changes "
        "no record polled).\n\n**Fix:** give the copied resource its own URL (`/hubs/crm/opportunities` "
        "for `opportunities`), or remove it."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id"},\n'
             '    "opportunities": {"url": "/hubs/crm/contacts", "idField": "id"}'),
    good=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "id"},\n'
              '    "opportunities": {"url": "/hubs/crm/opportunities", "idField": "id"}'),
)

_SAGE_URL = ("/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' "
             "and attributes='%s'")
POLLER_DATE_FIELD_NOT_REQUESTED = Rule(
    code="CE312",
    name="poller-date-field-not-requested",
    severity="warning",
    summary="the URL asks for the records' fields, and not for a date field the entry reads",
    description=(
        "A URL that names the fields its records come back with (Sage One's `attributes='created_at,updated_at'`, "
        "OData's `$select=id,name`) gets those and no others.  A date field of `datesConfiguration` left out of "
        "that list is missing from every record: the platform cannot read its date (nor tell a new record from "
        "a changed one by it).  Compared by the field's first name (`metadata` covers `metadata.updated`), in any "
        "case; a list holding `*`, `all`, parentheses or a placeholder (`${FIELDS}`, `{fields}`), and a `$select` "
        "beside `$expand`, are left alone.\n\n**Fix:** add the date field to the list."
    ),
    bad=_doc('    "customers": {"url": "' + _SAGE_URL % "created_at" + '", "idField": "id",\n      ' + _GOOD_DATES + '}'),
    good=_doc('    "customers": {"url": "' + _SAGE_URL % "created_at,updated_at" + '", "idField": "id",\n      '
              + _GOOD_DATES + '}'),
)

POLLER_ID_IS_A_DATE = Rule(
    code="CE313",
    name="poller-id-is-a-date",
    severity="warning",
    summary="`idField` names the date field that `datesConfiguration` reads",
    description=(
        "`idField` names the field that identifies a record: each event's `objectId` is its value, and the "
        "platform tells one record from another by it.  Naming the updated or created date there (a copy of the "
        "line below, `\"idField\": \"updated_at\"`) makes every event's `objectId` a timestamp: records changed "
        "in the same second look like one, and no event says which record changed.\n\n**Fix:** the record's "
        "own identifier (`id`, `Id`, `uuid`)."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts", "idField": "updated_at",\n      ' + _GOOD_DATES + '}'),
    good=_doc(_GOOD_ENTRY),
)

POLLER_ID_NOT_REQUESTED = Rule(
    code="CE314",
    name="poller-id-not-requested",
    severity="warning",
    summary="the URL asks for the records' fields, and not for the `idField` the entry reads",
    description=(
        "The hubs' `fields` parameter (\"the fields to return on the response\", in every element's API docs) "
        "names the fields the records come back with.  An `idField` left out of that list is missing from every "
        "record: no event carries an `objectId`.  Compared by the field's first name, in any case; a list holding "
        "`*`, `all`, parentheses or a placeholder (`${FIELDS}`, `{fields}`), or an `idField` not written yet, is left "
        "alone, and so are Sage One's `attributes` (extra fields: "
        "its own default poller lists no `id`) and OData's `$select`.\n\n**Fix:** add the id field to the list."
    ),
    bad=_doc('    "contacts": {"url": "/hubs/crm/contacts?fields=name,updated_at,created_at", "idField": "id",\n      '
             + _GOOD_DATES + '}'),
    good=_doc('    "contacts": {"url": "/hubs/crm/contacts?fields=id,name,updated_at,created_at", "idField": "id",\n      '
              + _GOOD_DATES + '}'),
)

RULES: list[Rule] = [
    POLLER_ENTRY_EMPTY, POLLER_KEY_MISPLACED, POLLER_FIELD_PATH_SYNTAX, POLLER_DATES_HALF_GIVEN,
    POLLER_DATES_NO_UPDATED, POLLER_DATES_NO_CREATED, POLLER_DATES_EMPTY, POLLER_NUMBER_OUT_OF_RANGE,
    POLLER_FIELD_PATH_JSONPATH, POLLER_SECONDS_AS_MILLISECONDS, POLLER_URL_REPEATED, POLLER_DATE_FIELD_NOT_REQUESTED,
    POLLER_ID_IS_A_DATE, POLLER_ID_NOT_REQUESTED,
]

# JSONPath constructs a field path never holds: a root ``$`` (``$.``, ``$..``, ``$[``), a wildcard, a filter.
_JSONPATH = re.compile(r"^\s*\$(?:\.\.?|(?=\[)|$)|\[\s*\*\s*\]|\.\*|\[\s*\?\s*\(")


@lru_cache(maxsize=1024)  # field paths repeat in every poller entry of a file
def jsonpath_problem(path: str) -> PathProblem | None:
    """The first JSONPath construct of a field path (``$.``, ``[*]``, ``[?(``), a JSON pointer
    (``/properties/updated``), or None for a plain path."""
    pointer = _JSON_POINTER.match(path)
    if pointer is not None:
        return _pointer_problem(path, pointer.end())
    match = _JSONPATH.search(path)
    if match is None:
        return None
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    construct = path[start:match.end()]
    inner = re.sub(r"^\s*\$\.{0,2}", "", path)
    inner = re.sub(r"^.*\[\s*\*\s*\]\.?", "", inner)
    plain = inner if inner and not _JSONPATH.search(inner) else None
    what = ("the JSONPath root" if construct.startswith("$") else
            "a JSONPath filter" if "?" in construct else "a JSONPath wildcard")
    return PathProblem(f"`{construct}` is {what}: the poller reads a field path inside each record, not JSONPath "
                       "(assuming the platform does not evaluate JSONPath, as its documentation shows)",
                       start, match.end(),
                       f"write {json.dumps(plain)}" if plain else "write the path of the field inside one record")



# A JSON pointer (`/properties/hs_lastmodifieddate`, `#/data/id`): a leading slash, each token a field name.
_JSON_POINTER = re.compile(r"#?(?=/[^/\s])")
_PLAIN_TOKEN = LazyPattern(r"[A-Za-z_$@][\w$@-]*")


def _pointer_problem(path: str, start: int) -> PathProblem:
    tokens = [token.replace("~1", "/").replace("~0", "~") for token in path[start + 1:].split("/")]
    parts: list[str] | None = []
    for token in tokens:
        if parts is None or not token or "'" in token or "]" in token:
            parts = None  # no field path names it: an empty token, or a quote inside brackets
        elif token.isdigit() and parts:
            parts.append(f"[{token}]")
        else:
            parts.append(("." if parts else "") + token if _PLAIN_TOKEN.fullmatch(token) else f"['{token}']")
    plain = "".join(parts) if parts is not None else None
    return PathProblem("a JSON pointer: the poller reads a field path inside each record, with dots "
                       f"(`{plain or 'user.id'}`), not slashes", 0, len(path),
                       f"write {json.dumps(plain)}" if plain else "write the path of the field inside one record")


class PathProblem(NamedTuple):
    """A mistake in a field path: ``message`` about ``[start, end)`` of the path."""

    message: str
    start: int
    end: int
    help: str | None = None


_TEMPLATE_VARIABLE = re.compile(r"\{\s*([A-Za-z_][\w.-]*)\s*\}")


@once_per_arguments  # field paths repeat in every poller entry of a file
def field_path_problems(path: str) -> list[PathProblem]:
    """The syntax mistakes of a field path (``id``, ``user.id``, ``['Modified Time']``, ``items[0].id``)."""
    if not path.strip():
        return []
    stripped = path.strip()
    if stripped != path:
        start = 0 if path[:1].isspace() else len(path.rstrip())
        end = len(path) - len(path.lstrip()) if start == 0 else len(path)
        where = "starts" if start == 0 else "ends"
        return [PathProblem(f"the field path {where} with {space_named(path[start:end])}, so it names no field",
                            start, end, f"write {json.dumps(stripped)}")]
    hidden = invisible_at(path)
    if hidden is not None:
        return [PathProblem(f"the field path holds {space_named(path[hidden])}, an invisible character copied with it (from a page or a chat), not part of a field's name", hidden,
                            hidden + 1, f"write {json.dumps(path[:hidden] + path[hidden + 1:], ensure_ascii=False)}")]
    variable = _TEMPLATE_VARIABLE.fullmatch(path)
    if variable is not None:  # Swagger's `/contacts/{id}`, copied
        return [PathProblem(f"`{path}` is a path template's variable (Swagger's `/contacts/{{id}}`), not a field "
                            "of the record", 0, len(path), f"write {json.dumps(variable.group(1))}")]
    problems: list[PathProblem] = []
    i, n = 0, len(path)
    expect_name = True  # at the start or after a dot: a name or a bracket must follow
    while i < n:
        char = path[i]
        if char == "[":
            close, problem = _bracket(path, i)
            if problem:
                problems.append(problem)
                return problems
            i = close + 1
            expect_name = False
            if i < n and path[i] not in ".[":
                return problems + [PathProblem("a name follows `]` without a dot", i, i + 1, "add a `.` after `]`")]
            continue
        if char == "]":
            return problems + [PathProblem("`]` without an opening `[`", i, i + 1, "remove it, or open the bracket")]
        if char == ".":
            if expect_name:
                what = "starts with a dot" if i == 0 else "has an empty name between two dots"
                return problems + [PathProblem(f"the field path {what}", i, i + 1, "remove the extra dot")]
            expect_name = True
            i += 1
            if i == n:
                return problems + [PathProblem("the field path ends with a dot", i - 1, i, "remove the last dot")]
            continue
        j = i
        while j < n and path[j] not in ".[]":
            j += 1
        name = path[i:j]
        if name[:1] in ("'", '"') and name[-1:] != name[:1] or name[-1:] in ("'", '"') and name[:1] != name[-1:]:
            return problems + [PathProblem("a quote without its pair: quoted names go in brackets, "
                                           "['Modified Time']", i, j, f"write [{_quoted(name)}]")]
        expect_name = False
        i = j
    return problems


def _quoted(name: str) -> str:
    inner = name.strip("'\"")
    return f"'{inner}'"


def _bracket(path: str, start: int) -> tuple[int, PathProblem | None]:
    """Where the bracket opened at ``start`` closes, or the problem that it does not."""
    n = len(path)
    i = start + 1
    if i < n and path[i] in ("'", '"'):
        quote = path[i]
        end_quote = path.find(quote, i + 1)
        if end_quote < 0:
            close = path.find("]", i + 1)
            if close >= 0:
                return close, PathProblem(f"the quote {quote} opened in the bracket is not closed", i, i + 1,
                                          f"write [{_quoted(path[i:close])}]")
            return n, PathProblem(f"the bracket and its quote {quote} are not closed", start, n,
                                  f"write {path[:start]}[{_quoted(path[i:])}]")
        if end_quote == i + 1:
            end = end_quote + 2 if path[end_quote + 1:end_quote + 2] == "]" else end_quote + 1
            return end - 1, PathProblem("an empty name in brackets", start, end, None)
        if end_quote + 1 >= n or path[end_quote + 1] != "]":
            close = path.find("]", end_quote + 1)
            if close < 0:
                return n, PathProblem("the bracket is not closed", start, n,
                                      f"write {path[:end_quote + 1]}]{path[end_quote + 1:]}")
            return close, PathProblem("text between the closing quote and `]`", end_quote + 1, close, None)
        return end_quote + 1, None
    close = path.find("]", i)
    if close < 0:
        return n, PathProblem("the bracket is not closed", start, n, f"write {path}]")
    inner = path[i:close]
    if not inner.strip():
        return close, PathProblem("an empty name in brackets", start, close + 1, None)
    if inner.endswith(("'", '"')):
        return close, PathProblem(f"the quote {inner[-1]} before `]` is not opened", close - 1, close,
                                  f"write [{_quoted(inner)}]")
    if not (inner.strip().lstrip("-").isdigit() or inner.strip() == "*"):  # (an index, `items[0]`, or `[*]`, takes
        # no quotes; a name in brackets does)
        return close, PathProblem(f"a name in brackets needs its quotes: `[{inner}]` names no field", start, close + 1,
                                  f"write [{_quoted(inner)}]")
    return close, None


_PATH_VARIABLE = re.compile(r"(?<!\$)\{[A-Za-z_]")
_PAGING = re.compile(r"(?<=[?&])pageSize=\d*(?:&|$)", re.I)  # a page's size changes no record polled (CE311)


def check(ctx: Context) -> Iterator[Finding]:
    """Report the CE3xx findings of every poller entry."""
    first_with_url: dict[tuple[int, str, str], tuple[str, str]] = {}  # (poller map, url) -> the first resource
    # polling it, and its url
    for entry in ctx.entries():
        if entry.name == SCHEMA_KEY and isinstance(entry.value, str):  # (a poller file's own is no entry: kinds)
            yield ctx.finding(rule_for("CE102"), f"`{SCHEMA_KEY}` in the poller configuration of a body: the platform "
                              "reads each of its keys as a resource, and this one is no poller entry", source=entry.source,
                              pointer=entry.pointer, key=True, severity="error",
                              help=f"remove it: an editor's `{SCHEMA_KEY}` belongs at the top of a poller file of its own")
            continue
        if not isinstance(entry.value, dict):
            continue
        yield from _entry(ctx, entry)
        yield from _id_is_a_date(ctx, entry)
        yield from _id_requested(ctx, entry)
        url = entry.value.get("url")
        if not isinstance(url, str) or not url.strip() or is_placeholder(url) or _PATH_VARIABLE.search(url):
            continue  # a template's `<resource>`; `/hubs/db/{objectName}`, which may be filled in per resource
        unpaged, paged = _PAGING.subn("", url.strip())
        where = (id(entry.source), entry.pointer.rsplit("/", 1)[0], unpaged.rstrip("?&") if paged else unpaged)
        first, first_url = first_with_url.setdefault(where, (entry.name, url.strip()))
        if first != entry.name:
            yield ctx.finding(POLLER_URL_REPEATED, f"resource `{entry.name}` polls the same URL as `{first}`"
                              + (", but for its page size" if first_url != url.strip() else "") + ": each change "
                              "of those records is sent twice, once under each name, and what "
                              f"`{entry.name}` was meant to poll is not polled", source=entry.source,
                              pointer=entry.child("url"), help=f"give `{entry.name}` its own URL, or remove it")


def _id_is_a_date(ctx: Context, entry: Entry) -> Iterator[Finding]:
    """CE313: `idField` names a date field of `datesConfiguration` (or the entry's own, as the legacy keys)."""
    id_field, dates = entry.value.get("idField"), entry.value.get("datesConfiguration")
    if not isinstance(id_field, str) or not id_field.strip():
        return
    for holder in (dates, entry.value):
        for side, field_key, _format_key, _zone_key in _DATE_SIDES:
            if isinstance(holder, dict) and holder.get(field_key) == id_field:
                yield ctx.finding(POLLER_ID_IS_A_DATE, f"`idField` names `{id_field}`, the {side} date "
                                  "`datesConfiguration` reads: each event's `objectId` would be a timestamp, not the "
                                  "record's identifier", source=entry.source, pointer=entry.child("idField"),
                                  help="the record's own identifier, such as `id`")
                return


def _id_requested(ctx: Context, entry: Entry) -> Iterator[Finding]:
    """CE314: the hubs' `fields` list of the URL leaves out the entry's `idField` (CE312 asks the same of dates)."""
    url, id_field = entry.value.get("url"), entry.value.get("idField")
    if not isinstance(url, str) or "fields=" not in url or not isinstance(id_field, str) or not id_field.strip() \
            or is_unfilled(id_field):
        return
    from ..urls.template import parse_url_template

    first = id_field.strip().lstrip("['\"").split(".")[0].rstrip("]'\"").lower()
    dates = entry.value.get(DATES)
    if isinstance(dates, dict) and any(isinstance(field, str) and field.strip().lower().startswith("fields.")
                                       for field in dates.values()):
        return  # Jira's list names what is inside its records' `fields` object, the id beside it
    for param in parse_url_template(url, server_zone=ctx.options.server_zone).params:
        listed = param.value
        written = _written_list(listed) if param.name.lower() == "fields" and listed.strip() else None
        if written is None:
            continue  # (an empty list is CE312's: nothing asked)
        if first and first not in {name.lower() for name in written}:
            yield ctx.finding(POLLER_ID_NOT_REQUESTED, f"the URL asks for the fields `{listed}`, not for `{id_field}`, "
                              "the `idField`: the records come back without their id, so no event carries an objectId",
                              source=entry.source, pointer=entry.child("url"),
                              sub=(param.value_start, param.value_start + len(listed)),
                              help=f"add `{id_field}` to the list")


def _entry(ctx: Context, entry: Entry) -> Iterator[Finding]:
    value: dict[str, Any] = entry.value
    src = entry.source
    if not value:
        yield ctx.finding(POLLER_ENTRY_EMPTY, f"resource `{entry.name}` is an empty stub {{}}: the poller needs its `url` "
                                   "and `idField`", source=src, pointer=entry.pointer,
                          help=f'give "{entry.name}" its "url", "idField" and "datesConfiguration", or remove it')
        return
    dates = value.get(DATES)
    dates = dates if isinstance(dates, dict) else None
    # (each part asked only where its keys are: a body of 10,000 pollers would build 10,000 idle generators of each)
    if not _DATE_KEY_SET.isdisjoint(value) or dates is not None and not _ENTRY_KEY_SET.isdisjoint(dates):
        yield from _misplaced(ctx, entry, value, dates)
    yield from _paths(ctx, entry, value, dates)
    if dates is not None:
        yield from _dates_given(ctx, entry, value, dates)
        yield from _dates_requested(ctx, entry, value, dates)
    if not _NUMBER_KEYS.isdisjoint(value):
        yield from _numbers(ctx, entry, value)


# The names a list of the fields records come back with goes by: Sage One's `attributes` (in the where filter, as its
# documentation writes it, or as a parameter), OData's `$select`, and the hubs' `fields` ("the fields to return on the
# response", in every element's API docs).  A vendor's `fields` elsewhere may list what is inside a `fields` object
# (Jira's: a date field read there, `fields.updated`, is not compared) or write `items(...)` (Google's: not read).
_FIELD_LISTS = frozenset({"attributes", "$select", "fields"})


def _written_list(listed: str) -> list[str] | None:
    """The first names of the fields a URL's list asks for (CE312, CE314), or None where it is no list of names:
    a wildcard, `all`, a selection with parentheses, a placeholder or a variable filled in later (`${FIELDS}`,
    `#{FIELDS}`, `{fields}`)."""
    from urllib.parse import unquote

    if any(mark in listed for mark in ("*", "(", "${", "{{", "<")) or _PATH_VARIABLE.search(listed) \
            or is_unfilled(listed):
        return None
    written = [name.strip().split(".")[0] for name in unquote(listed).split(",")]
    return None if any(name.lower() == "all" for name in written) else written


def _dates_requested(ctx: Context, entry: Entry, value: dict[str, Any], dates: dict[str, Any]) -> Iterator[Finding]:
    """CE312 for a date field of the entry that the URL's own list of fields leaves out."""
    url = value.get("url")
    if not isinstance(url, str) or ("attributes" not in url and "$select" not in url and "fields" not in url):
        return
    from ..urls.template import parse_url_template

    template = parse_url_template(url, server_zone=ctx.options.server_zone)
    # (each list, where it starts, and where its parameter or condition starts)
    lists = [(param.value, param.value_start, param.start) for param in template.params
             if param.name.lower() in _FIELD_LISTS
             and not (param.name == "$select" and "$expand" in url)]  # (fields of an expanded object: not listed here)
    if template.where is not None:
        lists += [(condition.values[0].value, condition.values[0].start + (condition.values[0].text[:1] in "'\""),
                   condition.start)
                  for condition in template.where.conditions
                  if condition.field.text.strip("'\"").lower() in _FIELD_LISTS and condition.operator == "="
                  and len(condition.values) == 1]
    for listed, at, named_at in lists:
        written = _written_list(listed)
        if written is None:
            continue
        names = {name.lower() for name in written}
        missing = []
        alike: list[tuple[str, str, str]] = []  # (key, field, the listed name it is another spelling of)
        for key in ("updatedDateField", "createdDateField"):
            field = dates.get(key)
            if not isinstance(field, str) or not field.strip() or field in missing:
                continue
            first = field.strip().lstrip("['\"").split(".")[0].rstrip("]'\"").lower()
            if first and first not in names and first not in _FIELD_LISTS:
                missing.append(field)
                same = [name for name in written if squashed(name) == squashed(first)]
                if same and "." not in field:  # (`updatedAt` for the listed `updated_at`)
                    alike.append((key, field, same[0]))
        if missing:
            asked = f"asks for the fields `{listed}`" if listed.strip() else "asks for an empty list of fields"
            dated = " and ".join(f"`{field}`" for field in missing)
            help = f"add {dated} to the list"
            if alike:
                help = "; ".join(f"the list has `{name}`: if that is the date, write `{key}` as `{name}`"
                                 for key, _field, name in alike) + f"; else {help}"
            yield ctx.finding(POLLER_DATE_FIELD_NOT_REQUESTED, f"the URL {asked}, not for {dated}: the records come "
                              f"back without the date{'s' if len(missing) > 1 else ''} `datesConfiguration` reads",
                              source=entry.source, pointer=entry.child("url"),
                              sub=(at, at + len(listed)) if listed else (at - 1, at + 1) if url[at - 1:at] in "'\""
                              else (named_at, at),  # (`fields=`: the parameter asking for nothing)
                              help=help)


def is_dates_among_resources(entry: Entry) -> bool:
    """Whether ``entry`` is a `datesConfiguration` written beside the resources (an entry's brace closed a member
    early), not a resource: no url, and date keys."""
    return entry.name == DATES and isinstance(entry.value, dict) and "url" not in entry.value \
        and any(key in DATE_KEYS for key in entry.value)


def _misplaced(ctx: Context, entry: Entry, value: dict[str, Any], dates: dict[str, Any] | None) -> Iterator[Finding]:
    src = entry.source
    if dates is not None:
        for key in dates:
            if key not in ENTRY_KEYS:
                continue
            shown = compact(dates[key], ensure_ascii=False)
            edit: Fix | None = None
            if key in value:
                same = value[key] == dates[key]
                fix = (f"remove it from datesConfiguration: the entry already sets \"{key}\"" +
                       ("" if same else f" ({compact(value[key], ensure_ascii=False)}); keep the value you mean"))
                if same:
                    edit = _fix(fix, remove_member(src, entry.child(DATES), key))
            else:
                fix = f'move "{key}": {shown} out of datesConfiguration, onto the entry next to "url"'
                edit = _fix(f"move `{key}` out of datesConfiguration", move_member(src, entry.child(DATES, key),
                                                                                 entry.pointer))
            yield ctx.finding(POLLER_KEY_MISPLACED, f"`{key}` belongs on {entry.the_entry}, not inside `{DATES}`: "
                                       "the platform does not read it there", source=src,
                              pointer=entry.child(DATES, key), key=True, help=fix, fix=edit)
    creates_dates = DATES in value  # one fix creates datesConfiguration; the others move into it next round
    if is_dates_among_resources(entry):
        return  # its keys are where they belong, the object is not (CE106)
    for key in value:
        if key not in DATE_KEYS:
            continue
        shown = compact(value[key], ensure_ascii=False)
        edit = None
        if dates is not None and key in dates:
            fix = (f'remove it from the entry: datesConfiguration already sets "{key}"' +
                   ("" if dates[key] == value[key] else f" ({compact(dates[key], ensure_ascii=False)}); "
                                                        "keep the value you mean"))
            if dates[key] == value[key]:
                edit = _fix(fix, remove_member(src, entry.pointer, key))
        elif dates is not None:
            fix = f'move "{key}": {shown} into datesConfiguration'
            edit = _fix(f"move `{key}` into datesConfiguration", move_member(src, entry.child(key), entry.child(DATES)))
        else:
            fix = f'move "{key}": {shown} into a "datesConfiguration" object of the entry'
            if not creates_dates:
                creates_dates = True
                member = member_text(src, entry.child(key))
                if member is not None:
                    edit = _fix(f"wrap `{key}` in a datesConfiguration object",
                                replace_member(src, entry.child(key), f'"{DATES}": {{{member}}}'))
        yield ctx.finding(POLLER_KEY_MISPLACED, f"`{key}` belongs inside `{DATES}`, not on {entry.the_entry}: the platform "
                                   "does not read it there", source=src, pointer=entry.child(key), key=True, help=fix,
                          fix=edit)


def _fix(message: str, edits: Edit | tuple[Edit, ...] | None) -> Fix | None:
    """A safe fix of ``edits``, or None when they could not be placed."""
    if edits is None:
        return None
    return Fix(message, edits if isinstance(edits, tuple) else (edits,))


def _paths(ctx: Context, entry: Entry, value: dict[str, Any], dates: dict[str, Any] | None) -> Iterator[Finding]:
    places: list[tuple[str, Any, tuple[str, ...]]] = [("idField", value.get("idField"), ("idField",))]
    if dates is not None:
        for key in FIELD_KEYS[1:]:
            places.append((key, dates.get(key), (DATES, key)))
    for key, path, where in places:
        if isinstance(path, str) and "${" in path and MACRO_START.search(path):  # (before `${...}` is read as unfilled)
            yield ctx.finding(POLLER_FIELD_PATH_SYNTAX, f"`{key}` {json.dumps(path, ensure_ascii=False)} is a macro: "
                              f"`{key}` names the field of each record that holds its "
                              f"{'id' if key == 'idField' else 'date'}; the last poll time's macro goes in the URL",
                              source=entry.source, pointer=entry.child(*where),
                              help="write the record's field, such as "
                                   f"{'`id`' if key == 'idField' else '`updated_at`' if key.startswith('updated') else '`created_at`'}")
            continue
        if not isinstance(path, str) or is_unfilled(path):
            continue
        if path and not path.strip():
            if key == "idField":  # "" is CE107's (rules/schema_check.py); a blank idField is the same mistake
                yield ctx.finding(POLLER_FIELD_PATH_SYNTAX, f"`idField` of {entry.called} is only spaces: its events carry no "
                                           "`objectId`", source=entry.source, pointer=entry.child(*where),
                                  severity="warning", help='name the field of the record that holds its id, such as "id"')
            continue  # a blank date field is reported with the dates (CE304)
        jsonpath = jsonpath_problem(path)
        if jsonpath is not None:  # one mistake, one finding: its dots and brackets are not CE303's
            yield ctx.finding(POLLER_FIELD_PATH_JSONPATH, f"`{key}` {json.dumps(path, ensure_ascii=False)}: "
                                                          f"{jsonpath.message}",
                              source=entry.source, pointer=entry.child(*where),
                              sub=(jsonpath.start, jsonpath.end), help=jsonpath.help)
            continue
        if " " in path.strip() and not any(char in path for char in ".[]'\"") and not field_path_problems(path):
            bracketed = written_field(path)  # every name with a space in Cloud Elements' examples is written so (44)
            yield ctx.finding(POLLER_FIELD_PATH_SYNTAX, f"`{key}` {json.dumps(path, ensure_ascii=False)}: a name with a "
                              f"space is written bracketed and quoted in a field path, as in every Cloud Elements "
                              f"example (`['Modified Time']`)", source=entry.source, pointer=entry.child(*where),
                              severity="warning", help=f"write {json.dumps(bracketed, ensure_ascii=False)}",
                              fix=Fix(f"write {bracketed}", (Edit(0, len(path), bracketed),), "unsafe"),
                              sub=(0, len(path)))
            continue
        for problem in field_path_problems(path):
            yield ctx.finding(POLLER_FIELD_PATH_SYNTAX, f"`{key}` {json.dumps(path, ensure_ascii=False)}: {problem.message}",
                              source=entry.source, pointer=entry.child(*where), sub=(problem.start, problem.end),
                              help=problem.help)


def _misspelling(key: str, keys: Any) -> str | None:
    """The key of ``keys`` (an object) that misspells ``key`` (``updatedDateFeild``), if any."""
    from ..schemas import suggest_key

    if not isinstance(keys, dict):
        return None
    return next((name for name in keys if name != key and suggest_key(name, (key,)) == key), None)


def _state(value: Any) -> str:
    """``absent`` (missing or null), ``blank`` (an empty or blank string) or ``given``."""
    if value is None:
        return "absent"
    if isinstance(value, str) and not value.strip():
        return "blank"
    return "given"


def _dates_given(ctx: Context, entry: Entry, value: dict[str, Any], dates: dict[str, Any]) -> Iterator[Finding]:
    src = entry.source
    # Date keys misplaced on the entry are reported by CE302; count them here so one mistake is one finding.
    merged = {key: value[key] for key in DATE_KEYS if key in value}
    merged.update({key: dates[key] for key in DATE_KEYS if key in dates})

    def where(key: str) -> str:
        return entry.child(DATES, key) if key in dates else entry.child(key)

    if not dates and not merged:
        yield ctx.finding(POLLER_DATES_EMPTY, f"`{DATES}` of {entry.called} is empty", source=src, pointer=entry.child(DATES),
                          help="give updatedDateField/updatedDateFormat and createdDateField/createdDateFormat, "
                              "or remove datesConfiguration")
        return
    given: dict[str, bool] = {}
    for kind, field_key, format_key, zone_key in _DATE_SIDES:
        field, fmt = _state(merged.get(field_key)), _state(merged.get(format_key))
        given[kind] = "given" in (field, fmt)
        if field == "given" and fmt == "absent":
            yield ctx.finding(POLLER_DATES_HALF_GIVEN, f"`{field_key}` has no `{format_key}`: the {kind} date cannot be read",
                              source=src, pointer=where(field_key), key=True,
                              help=_format_fix(format_key, merged, kind))
        elif field == "blank" and fmt == "given":
            yield ctx.finding(POLLER_DATES_HALF_GIVEN, f"`{field_key}` is empty while `{format_key}` is given: it names no field "
                                       "of the record", source=src, pointer=where(field_key),
                              help=f"name the field of the record that holds its {kind} date")
        elif field == "absent" and fmt == "given":
            misspelt = _misspelling(field_key, dates) or _misspelling(field_key, value)
            if misspelt is not None:  # the cause, where it is (its CE101 would only say "unknown key")
                yield ctx.finding(POLLER_DATES_HALF_GIVEN, f"`{misspelt}`{invisible_in(misspelt)} is not `{field_key}`: "
                                  "the platform ignores it, "
                                  f"so `{format_key}` reads no field", source=src,
                                  pointer=entry.child(DATES, misspelt) if misspelt in dates else entry.child(misspelt),
                                  key=True, help=f"write `{field_key}`" if misspelt in dates else
                                  f"write `{field_key}`, inside `{DATES}`")
                continue
            yield ctx.finding(POLLER_DATES_HALF_GIVEN, f"`{format_key}` has no `{field_key}`: it reads no field", source=src,
                              pointer=where(format_key), key=True,
                              help=f'add "{field_key}" with the field of the record that holds its {kind} date')
        # field given with a blank format: an empty format is the date rules' (CE4xx)
        if not given[kind] and _state(merged.get(zone_key)) == "given":
            yield ctx.finding(POLLER_DATES_HALF_GIVEN, f"`{zone_key}` is given without `{field_key}` and `{format_key}`: it "
                                       "applies to nothing", source=src, pointer=where(zone_key), key=True,
                              severity="info", help=f'add "{field_key}" and "{format_key}", or remove "{zone_key}"')
    if given["created"] and not given["updated"]:
        yield ctx.finding(POLLER_DATES_NO_UPDATED, f"`{DATES}` of {entry.called} gives the created date but not the updated date, "
                                   "by which the platform compares records", source=src, pointer=entry.child(DATES),
                          key=True, help='add "updatedDateField" and "updatedDateFormat"')
    elif given["updated"] and not given["created"]:
        yield ctx.finding(POLLER_DATES_NO_CREATED, f"`{DATES}` of {entry.called} has no created date: the platform cannot tell new "
                                   "records from changed ones", source=src, pointer=entry.child(DATES), key=True,
                          help='add "createdDateField" and "createdDateFormat" if the records carry a created date')


def _format_fix(format_key: str, merged: dict[str, Any], kind: str) -> str:
    other = "created" if kind == "updated" else "updated"
    other_format = merged.get(f"{other}DateFormat")
    if isinstance(other_format, str) and other_format.strip():
        return (f'add "{format_key}": the SimpleDateFormat pattern of the field (the {other} date uses '
                f'{json.dumps(other_format, ensure_ascii=False)})')
    return f'add "{format_key}": the SimpleDateFormat pattern of the field, or "milliseconds" for epoch milliseconds'


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    return None  # a string is a type error: the schema reports it


def _shown_number(number: float) -> str:
    """``number`` as a message quotes it: its digits, or how many there are past 30 (a file may hold 5,000)."""
    shown = compact(number)
    digits = shown.lstrip("-")
    return f"a {len(digits):,}-digit number" if len(digits) > 30 and digits.isdigit() else shown


# each number key's least value, why a smaller one is wrong, and what to write
_LIMITS = {
    "pollDelay": (0, "a negative delay asks for changes from after the last poll and misses those made in between",
                  "give 0 or more seconds"),
    "createdCheckTolerance": (0, "with a negative tolerance no record is ever reported as created",
                              "give 0 or more seconds"),
    "pageSize": (1, "a page holds at least one record", "give 1 or more records per page"),
}


def _numbers(ctx: Context, entry: Entry, value: dict[str, Any]) -> Iterator[Finding]:
    for key, (low, why, fix) in _LIMITS.items():
        number = _number(value.get(key))
        if number is not None and number >= 1 << 31 and not (key in _SECONDS_EFFECTS and number < _EPOCH_LIKE * 10_000):
            yield ctx.finding(POLLER_NUMBER_OUT_OF_RANGE, f"`{key}` of {entry.called} is {_shown_number(value[key])}, past the "
                              "platform's whole numbers (a Java int holds up to 2,147,483,647): it is not read as "
                              "given", source=entry.source, pointer=entry.child(key), severity="warning", help=fix)
            continue  # (a seconds key's time stamp below 10^13 is said below)
        if number is None or number >= low:
            continue
        shown = _shown_number(value[key])
        below = "negative" if low == 0 else "below 1"
        yield ctx.finding(POLLER_NUMBER_OUT_OF_RANGE, f"`{key}` of {entry.called} is {shown}, {below}: {why}", source=entry.source,
                          pointer=entry.child(key), help=fix)
    for key, effect in _SECONDS_EFFECTS.items():
        number = _number(value.get(key))
        if number is not None and _EPOCH_LIKE <= number < _EPOCH_LIKE * 10_000:  # (10^13: milliseconds since 1970)
            yield ctx.finding(POLLER_NUMBER_OUT_OF_RANGE, f"`{key}` of {entry.called} is {value[key]}, a point in time "
                              "(seconds or milliseconds since 1970), not a number of seconds: as a delay it is over "
                              f"30 years, and {effect}", source=entry.source, pointer=entry.child(key),
                              help="give the number of seconds, such as 60")
    yield from _milliseconds(ctx, entry, value)


# Seconds since 1970 passed 10^9 in 2001: a `pollDelay` that large (31 years) is a time stamp pasted in.
_EPOCH_LIKE = 1_000_000_000


# what a value in milliseconds does to each key that counts seconds
_SECONDS_EFFECTS = {
    "pollDelay": "every poll's window starts that far back, so each poll asks again for the changes of that time "
                 "and sends their events again",
    "createdCheckTolerance": "a record updated within that time of its creation is reported as created",
}
_NUMBER_KEYS = frozenset(_LIMITS) | frozenset(_SECONDS_EFFECTS)  # the keys _numbers reads


def _milliseconds(ctx: Context, entry: Entry, value: dict[str, Any]) -> Iterator[Finding]:
    """CE310: a number of seconds written as milliseconds (a whole number of thousands)."""
    for key, effect in _SECONDS_EFFECTS.items():
        number = value.get(key)
        if not isinstance(number, int) or isinstance(number, bool) or number < 1000 or number % 1000 \
                or _EPOCH_LIKE <= number < _EPOCH_LIKE * 10_000 or number.bit_length() >= 14_000:
            continue  # (a time stamp, or thousands of digits, more than str() writes: CE308 says each)
        import pendulum  # only here: a human reading of the duration

        try:
            words = pendulum.duration(seconds=number).in_words(locale="en")
        except (OverflowError, ValueError):  # past what a duration holds (10**20 s)
            words = f"{number:,} seconds"
        pointer = entry.child(key)
        start, end = entry.source.span(pointer)
        meant = str(number // 1000)
        yield ctx.finding(POLLER_SECONDS_AS_MILLISECONDS,
                          f"`{key}` of {entry.called} counts seconds: {number} is {words}, and {effect}; "
                          f"{meant} seconds were likely meant", source=entry.source, pointer=pointer,
                          help=f"write {meant} if {number} milliseconds were meant",
                          fix=Fix(f"write {meant}", (Edit(start, end, meant),), "unsafe"))
