"""Element-aware checks: the body against the element's own definition and API docs.

These rules run only with ``--element-docs DIR`` (or ``element-docs`` in the
configuration), where DIR holds ``<key>/element.json`` and/or ``<key>/swagger.json``
exported from your account (``GET /elements/{key}`` and ``GET /elements/{key}/docs``).
The element is the instance body's ``element.key``, or ``--element KEY`` for a bare
configuration or poller file.

What they trust: the element's own default poller (in its definition) is ground truth.
The API docs are incomplete, so nothing the default poller uses -- a query parameter, a
record field, a date format -- is reported, and unknown parameters and fields are warnings.
The platform's responses (bodies with ``token``, ``createdDate`` or a numeric ``id``) echo
stored settings, so their configuration keys are not checked.

CE901 element-unknown-key
    A configuration key the element does not declare (and no platform-wide key):
    a typo or a key of another element.  Fix: the key the element declares
    (the message suggests the nearest one, or the declared key ending in the same name:
    ``scope`` → ``oauth.scope``, or the key whose name the console shows: ``OAuth API Key`` → ``oauth.api.key``;
    else it names the other element of the docs that declares the key: Egnyte's ``subdomain`` in a Chargebee body).  An ``event.`` key is the platform's unless it names another element of the
    docs (``event.webhook.hubspot.workflow.id`` in a Sage One body).  ``authentication.type`` naming the login method
    of an element that declares no such key (``basic`` for Chargebee) chooses what it does anyway: not reported.

CE902 element-missing-key (retired)
    Merged into CE105 ``element-required-key``, which reports a missing required key both
    with and without ``--element-docs``, so one ignore entry covers it in every mode.  The
    code is not reused.

CE903 element-value-too-long (info, opt-in: ``select = ["CE903"]``)
    A value longer than the key's ``TEXTFIELD_N`` size.  The platform does not enforce
    it (its own responses hold longer values, and a HubSpot client id or a callback URL
    outgrows ``TEXTFIELD_32``), so it is off unless selected.

CE904 element-boolean-value
    A ``BOOLEAN`` key whose value is not ``true``/``false`` (or ``"true"``/``"false"`` in any case: the platform
    reads the string as Java's ``Boolean.parseBoolean`` does, so ``"True"`` is true); a ``BOOLEAN_YESNO`` key too
    (the console asks yes or no, but stores ``true``/``false``: ``"yes"`` is false).  ``null`` sets nothing, as the
    schemas read it: not reported.

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

CE911 poller-path-near-miss
    A path only a catch-all route (``/{objectName}``) serves, one letter or so away from a
    documented path: ``/customerz`` for ``/customers``, a later segment (``/contacts/{contactId}/workflowz``), or a
    path only the element's default poller polls (Egnyte's ``/events``).  Other catch-all paths stay silent, and so
    does the vendor's own name of a documented object (``/Account`` beside ``/accounts``).

CE912 poller-date-format-mismatch
    The date format cannot read the vendor's dates: the API docs' example value of the field,
    or a value in the field's documented format (``x-mask``), does not parse with it
    (Java-exact, lenient as the platform parses), or parses to another instant; or a text pattern reads a
    field the API docs type as an integer (an epoch number: `milliseconds` reads it).

CE913 poller-filter-field-not-searchable
    The ``where`` filter compares a field the API docs mark ``x-searchable: false``, or uses an
    operator outside the field's ``x-searchable-operators`` (a warning); or a field they leave
    unmarked where they mark others (info: the docs' lists are incomplete).  A field the element's default
    poller filters by is not reported; one it only reads from the records is (Pardot's ``updated_at>``: its
    docs take ``=`` alone, and its default filters by ``updated_after``).

CE914 element-docs-not-found (info)
    Element docs were given, but none of their folders holds the body's element, so no CE9xx check
    ran for it: a folder named otherwise (``hubspot`` for ``hubspotcrm``), or the folder of another
    element given directly (``--element-docs exports/closeio`` for a ``sageone`` body).  A warning when
    a folder holds the key in another case (``sageOne`` for ``sageone``): the body's key is likely wrong.

CE915 poller-field-not-a-value
    ``idField``, ``updatedDateField`` or ``createdDateField`` names an object or a list of the records
    (``main_contact_person`` for ``main_contact_person.id``): events get no usable id, or no date is read.

CE917 poller-macro-differs-from-default
    The ``where`` compares a field with the last poll time in another form than the element's own default
    poller does: ``${epoch:ms}`` where it sends ``${epoch:s}`` (a factor of 1000: no record, or every record,
    matches), or a date text where it sends an epoch number (and the other way round).

CE918 element-value-in-host
    A key the element puts into a URL's host (Chargebee's ``site`` in ``https://{site}.chargebee.com/api/v1``)
    holds what the URL already has: a scheme, the domain after it, or the path (the message shows the address
    that makes; the fix, unsafe, writes the piece; none is offered for an address without a piece of its own,
    ``https://secure.echosign.com`` for ``secure.{region}``, or on another domain than the URL's).

CE919 element-vendor-type-mismatch
    ``webhook`` on an element whose definition fixes ``event.vendor.type`` to ``polling`` (a text key with no
    options: Sage One): no webhook is registered and nothing is polled.  So is a poller configuration in a body that
    leaves ``event.vendor.type`` out where the element's default is ``webhook`` (Close.io's): nothing is polled.

CE920 element-key-of-another-login
    A key of one login method (its ``groupName``: HubSpot's ``hubspot.authorization.apikey`` is ``apiKey``'s)
    in a body whose control key (``authentication.type``) chooses another, or leaves it at its default
    (``oauth2``): the platform logs in the other way and ignores the key.  So is a key of one way of delivering
    events (HubSpot's ``event.webhook.hubspot.workflow.id`` is ``webhook``'s) in a body whose ``event.vendor.type``
    chooses the other.  A key left blank (``""`` or ``null``, as a template listing every login's keys leaves them)
    sets nothing and is not reported.

CE921 poller-created-is-updated
    ``createdDateField`` names the field ``updatedDateField`` reads, while the records (the API docs' response model)
    have a created date of their own: a record whose updated date equals its created date is CREATED, so every
    change arrives as a new record.  (A resource whose records have no created date may do it on purpose, as
    Egnyte's default poller does: not reported.)

CE916 element-option-unknown
    A key the element offers as a choice (``COMBO``, such as ``authentication.type``) holds none of its
    options: ``oauth2password`` for ``oauth2Password``.  The options are compared as written; a value in
    another case or a near spelling gets a did-you-mean and a fix (unsafe).  ``event.vendor.type`` is
    CE203's.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..findings import Finding, Fix
from ..fixes.structure import rename_key, replace_value
from ..urls.facts import Flaw
from ..urls.template import KNOWN_HUBS, parse_url_template  # (loaded with .dates anyway)
from ..kinds import POLLER_KEY, escape_pointer_token, is_update_body, sends_part
from ..lazy_pattern import LazyPattern
from ..masking import url_secrets
from ..vocabulary.placeholders import contains_env_reference, find_placeholders, is_env_reference
from ..vocabulary.secrets import is_secret_key, looks_like_a_token, unquotable
from ..vocabulary.spelling import one_edit_away, squashed
from .base import Rule
from .dates import condition_field, epoch_unit_sent, thousand_after
from .poller import written_field

if TYPE_CHECKING:
    from ..elements import ApiDocs, ConfigKey, DefaultUsage, ElementDefinition, ElementDocs
    from ..engine import Context, Entry

# Whole bodies, as `explain` shows them: the keys each element requires (as references), events on, then the example's
# own members (`%s`; one key set apart for the example that misspells it)
_EVENTS = '"event.notification.enabled": true, "event.notification.callback.url": "https://acme.example/events"'
_SAGE_KEYS = ('"oauth.api.secret": "${SAGE_SECRET}", "signature.secret": "${SAGE_SIGNATURE}", '
              '"apim.subscription.key": "${SAGE_APIM_KEY}", ' + _EVENTS)
_SAGE_WITHOUT_KEY = '{"element": {"key": "sageone"}, "name": "sage", "configuration": {' + _SAGE_KEYS + ', %s}}'
_SAGE = _SAGE_WITHOUT_KEY.replace("%s", '"oauth.api.key": "${SAGE_KEY}", %s')
_SFDC = ('{"element": {"key": "sfdc"}, "name": "sfdc", "configuration": {"oauth.api.key": "${SFDC_KEY}", '
         '"oauth.api.secret": "${SFDC_SECRET}", ' + _EVENTS + ', %s}}')


def _sfdc_contacts(url_query: str, fmt: str = "yyyy-MM-dd'T'HH:mm:ss.SSSZ") -> str:
    dates = json.dumps({"updatedDateField": "LastModifiedDate", "updatedDateFormat": fmt,
                        "createdDateField": "CreatedDate", "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ"})
    url = json.dumps("/hubs/crm/contacts" + url_query)
    entry = f'{{"url": {url}, "idField": "Id", "datesConfiguration": {dates}}}'
    return _SFDC % f'"event.poller.configuration": {{"contacts": {entry}}}'


_SFDC_WHERE = "?where=LastModifiedDate>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'"

ELEMENT_UNKNOWN_KEY = Rule("CE901", "element-unknown-key", "warning", "configuration key the element does not declare",
     "The element definition declares every configuration key an instance may carry; a key it does not declare "
     "is ignored by the platform. Fix the spelling (the message suggests the nearest declared key) or remove it.",
     _SAGE_WITHOUT_KEY % '"oauth.api.kee": "${SAGE_KEY}"', _SAGE_WITHOUT_KEY % '"oauth.api.key": "${SAGE_KEY}"')

ELEMENT_VALUE_TOO_LONG = Rule("CE903", "element-value-too-long", "info", "value longer than the key's TEXTFIELD size",
     "`TEXTFIELD_N` is the size of the key's field in the console. The platform does not enforce it (its own "
     "responses hold 40- and 44-character values in `TEXTFIELD_32` keys), so a longer value is information: "
     "check that it is the value you meant.  Off by default (normal client ids and URLs outgrow "
     "`TEXTFIELD_32`): turn it on with `select`.",
     _SAGE % '"country": "%s"' % ("U" * 40), _SAGE % '"country": "US"', opt_in=True)

ELEMENT_BOOLEAN_VALUE = Rule("CE904", "element-boolean-value", "error", "BOOLEAN key with a value other than true/false",
     "The element types this key `BOOLEAN`: use `true`/`false` (or the strings `\"true\"`/`\"false\"`).",
     _SAGE % '"filter.response.nulls": "yes"', _SAGE % '"filter.response.nulls": "true"')

POLLER_PATH_UNKNOWN = Rule("CE905", "poller-path-unknown", "error", "poller path not in the element's API docs",
     "The poller calls `GET /hubs/<hub><path>`; the element's API docs list every path it serves. "
     "Use a documented path (the message suggests the nearest). A path that only a catch-all route such as "
     "`/{objectName}` serves is not reported (see CE911 for near misses): the platform forwards it to the vendor. "
     "A path outside `/hubs/` may be the vendor's own, which the docs do not list: that is information.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers/{id}/notes/{noteId}/history", '
             '"idField": "id"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}')

POLLER_WRONG_HUB = Rule("CE906", "poller-wrong-hub", "error", "poller URL goes to another hub than the element's",
     "An element serves one hub: its pollers call `/hubs/<that hub>/...`. The hub written without `/hubs` before a "
     "documented resource (`/crm/contacts`), or in capitals, is a warning.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/crm/customers", "idField": "id"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}')

POLLER_QUERY_PARAMETER_UNKNOWN = Rule("CE907", "poller-query-parameter-unknown", "warning", "query parameter the GET operation does not take",
     "The API docs list the query parameters of each GET; the platform drops or rejects others. The docs are "
     "incomplete, so this is a warning, and a parameter the element's own default poller uses is never reported.",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers?filter=x", '
             '"idField": "id"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers?pageSize=50", '
             '"idField": "id"}}')

POLLER_ID_FIELD_UNKNOWN = Rule("CE908", "poller-id-field-unknown", "warning", "idField not in the response model",
     "Events carry `objectId` taken from `idField`; a field the records do not have gives events without ids. "
     "A field the element's own default poller uses is never reported.",
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

POLLER_PATH_NEAR_MISS = Rule("CE911", "poller-path-near-miss", "warning", "catch-all path one typo away from a documented path",
     "Elements forward a path they do not document to the vendor through a catch-all route (`/{objectName}`), "
     "so `/customerz` is not rejected: it polls a resource that does not exist. A catch-all path that is a near "
     "miss of a documented path is reported with the documented one; other catch-all paths stay silent. So is a "
     "slip in a segment a documented variable takes for its value (`.../versions/latest-versino` read as "
     "`.../versions/{versionId}`).",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customerz", "idField": "id"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}')

POLLER_DATE_FORMAT_MISMATCH = Rule("CE912", "poller-date-format-mismatch", "warning", "date format cannot read the vendor's dates",
     "The poller reads each record's date field with `updatedDateFormat`/`createdDateFormat` (Java's "
     "`SimpleDateFormat`, lenient). The API docs give the vendor's format of the field (`x-mask`, such as "
     "`yyyy-MM-dd'T'HH:mm:ss.SSSZ` for Salesforce `LastModifiedDate`) and sometimes an example value. When the "
     "example, or a value in the documented format, does not parse with the configured format -- or parses to "
     "another instant -- the poller misreads every record. Where the element's own default poller reads the same "
     "field of the same resource, its format (in its zone) is the truth: the configured format must read a value "
     "written with it (`.SSS` where the vendor sends no milliseconds, `dd` and `MM` swapped). The message says "
     "where parsing stops. A text pattern for a field the API docs type as an integer (an epoch number) reads no "
     "date either, nor does `milliseconds` for one they give as a date text (a date mask beside a date-text "
     "sample, or beside a default poller that reads such fields as text). A format the element's own default "
     "poller uses for such fields is never reported.",
     _sfdc_contacts(_SFDC_WHERE, "yyyy-MM-dd'T'HH:mm:ss'Z'"), _sfdc_contacts(_SFDC_WHERE))

POLLER_FILTER_FIELD_NOT_SEARCHABLE = Rule("CE913", "poller-filter-field-not-searchable", "warning", "where filters on a field the docs do not mark searchable",
     "The API docs mark the fields a `where` may filter on (`x-searchable`, with the operators each allows in "
     "`x-searchable-operators`). A filter on another field is passed to the vendor, which rejects it or ignores "
     "it. Filter on a searchable field, usually the record's last-modified date. A field the docs mark "
     "`x-searchable: false`, or an operator they do not allow, is a warning; a field they only leave unmarked "
     "is information, since their lists are incomplete, and a field the `where` parameter's own text names (its "
     "example) is not reported.",
     _sfdc_contacts("?where=Description='x'"), _sfdc_contacts(_SFDC_WHERE))

ELEMENT_DOCS_NOT_FOUND = Rule("CE914", "element-docs-not-found", "info", "element docs given, but none for the body's element",
     "With `--element-docs` (or `element-docs` in the configuration) the body is checked against its element's "
     "definition and API docs, found as `<folder>/<element key>/element.json` and `swagger.json` (or in the "
     "folder itself when it is named after the element).  When no folder holds the body's element, none of "
     "those checks runs, and a clean report would say less than it seems to: this says so, naming a folder "
     "that belongs to another element.  A folder holding the key in another case (`sageone` for `sageOne`) makes "
     "it a warning: element keys are compared as written, so the body's key likely names no element.  A body that "
     "names its element by id alone (`{\"id\": 3458}`) is said to have had no element check either, and so are docs "
     "that lack one of their two files (no `swagger.json`: the pollers were not checked against the API).\n\n"
     "**Fix:** export the element (`GET /elements/{key}` and "
     "`GET /elements/{key}/docs`) into `<folder>/<key>/`, or point `--element-docs` at the folder that holds it.",
     '{"element": {"key": "acme-crm"}, "name": "acme", "configuration": {}}', _SAGE % '"country": "US"')

POLLER_FIELD_NOT_A_VALUE = Rule("CE915", "poller-field-not-a-value", "warning", "idField or a date field names an object or a list of the records",
     "`idField` gives each event its `objectId`, and `updatedDateField`/`createdDateField` the dates compared with "
     "the last poll: each must name one value of the record.  An object or a list (`main_contact_person` rather "
     "than `main_contact_person.id`, `metadata` rather than `metadata.updated_at`) is no id and no date.  "
     "A field the element's own default poller uses is never reported.\n\n"
     "**Fix:** name the value inside it with a dotted path (the message suggests one when the docs have it).",
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", '
             '"idField": "main_contact_person"}}',
     _SAGE % '"event.poller.configuration": {"customers": {"url": "/hubs/finance/customers", "idField": "id"}}')

ELEMENT_OPTION_UNKNOWN = Rule("CE916", "element-option-unknown", "warning",
     "a key the element offers as a choice holds none of its options",
     "The element declares this key as a choice (`COMBO`) with a list of options, such as Salesforce's "
     "`authentication.type` (`oauth2Password`, `oauth2`, `jwtOauth`).  A value that is none of them, in another "
     "case (`oauth2password`) or misspelt, chooses no option as written: the element's login or behaviour "
     "behind the choice is not the one meant, and the keys the option needs are not asked for.\n\n"
     "**Fix:** write one of the options as the element spells it; the fix (unsafe) writes the near one.",
     '{"element": {"key": "sfdc"}, "name": "s", "configuration": {"authentication.type": "oauth2password", '
     '"sfdc.username": "a@b.example", "sfdc.password": "${PW}", "oauth.api.key": "${K}", "oauth.api.secret": "${S}"}}',
     '{"element": {"key": "sfdc"}, "name": "s", "configuration": {"authentication.type": "oauth2Password", '
     '"sfdc.username": "a@b.example", "sfdc.password": "${PW}", "oauth.api.key": "${K}", "oauth.api.secret": "${S}"}}')

POLLER_MACRO_DIFFERS_FROM_DEFAULT = Rule("CE917", "poller-macro-differs-from-default", "warning",
     "the where filter sends the last poll time in another form than the element's default poller",
     "The element's own default poller is ground truth for how the vendor takes the last poll time: when it "
     "compares `start_time` with `${epoch:s}` (seconds), a poller sending `${epoch:ms}` to that field gives a time "
     "1000 times later (no record ever matches), and `${epoch:us}` or a date text (`${gmtDate:...}`) to a field "
     "that takes a number is no time the vendor reads as meant.\n\n"
     "**Fix:** send the last poll time as the default poller does; the message names its macro.",
     '{"element": {"key": "chargebee"}, "name": "c", "configuration": {"site": "acme", "username": "${K}", "password": "${P}", '
     '"event.notification.enabled": true, "event.notification.callback.url": "https://acme.example/events", '
     '"event.poller.configuration": {"events": {"url": "/hubs/payment/events?where=start_time=\'${epoch:ms}\'", '
     '"idField": "event.id"}}}}',
     '{"element": {"key": "chargebee"}, "name": "c", "configuration": {"site": "acme", "username": "${K}", "password": "${P}", '
     '"event.notification.enabled": true, "event.notification.callback.url": "https://acme.example/events", '
     '"event.poller.configuration": {"events": {"url": "/hubs/payment/events?where=start_time=\'${epoch:s}\'", '
     '"idField": "event.id"}}}}')

ELEMENT_VALUE_IN_HOST = Rule("CE918", "element-value-in-host", "warning",
     "a key the element puts into a URL's host holds what the URL already has (a scheme, a domain, a path)",
     "Some elements build their API's address from a key: Chargebee's `base.url` is `https://{site}.chargebee.com/"
     "api/v1`, Egnyte's `https://{subdomain}.egnyte.com/`, Lithium's `https://{baseUrl}/api/v2`.  Such a key "
     "holds only the piece in braces: `https://acme.chargebee.com` as the site makes `https://https://acme."
     "chargebee.com.chargebee.com/api/v1`, a host that does not exist, so every call (and every poll) fails.\n\n"
     "**Fix:** write only the piece (`acme`); the fix (unsafe) writes it.",
     '{"element": {"key": "chargebee"}, "name": "c", "configuration": {"site": "https://acme.chargebee.com", '
     '"username": "${K}", "password": "${P}"}}',
     '{"element": {"key": "chargebee"}, "name": "c", "configuration": {"site": "acme", "username": "${K}", "password": "${P}"}}')

ELEMENT_VENDOR_TYPE_MISMATCH = Rule("CE919", "element-vendor-type-mismatch", "warning",
     "`webhook` on an element that delivers events by polling only, or a poller left to a `webhook` default",
     "An element's definition says how its events come: Sage One's fixes `event.vendor.type` to `polling` (a text "
     "key with no other option), where HubSpot's and Close.io's offer both.  `webhook` on an element that only "
     "polls registers no webhook and polls nothing: no event ever arrives.  A poller configuration in a body that "
     "leaves `event.vendor.type` out, on an element whose default is `webhook` (Close.io's), is not used either.\n\n"
     "**Fix:** write `polling`, and give the poller its configuration.",
     '{"element": {"key": "sageone"}, "name": "s", "configuration": {"oauth.api.key": "${K}", "oauth.api.secret": '
     '"${S}", "signature.secret": "${G}", "apim.subscription.key": "${A}", "event.notification.enabled": true, '
     '"event.notification.callback.url": "https://acme.example/events", "event.vendor.type": "webhook"}}',
     '{"element": {"key": "sageone"}, "name": "s", "configuration": {"oauth.api.key": "${K}", "oauth.api.secret": '
     '"${S}", "signature.secret": "${G}", "apim.subscription.key": "${A}", "event.notification.enabled": true, '
     '"event.notification.callback.url": "https://acme.example/events", "event.vendor.type": "polling"}}')

ELEMENT_KEY_OF_ANOTHER_LOGIN = Rule("CE920", "element-key-of-another-login", "warning",
     "a key of one login method in a body that logs in with another",
     "An element's definition groups the keys of each login method under its control key: HubSpot's "
     "`authentication.type` is `oauth2` (the default) or `apiKey`, and `hubspot.authorization.apikey` belongs to "
     "`apiKey`.  A body that gives a key of one method while the control key chooses another (or is left at its "
     "default) logs in that other way: the key is ignored, and the login it meant is not attempted (an OAuth "
     "login without its `providerData` code fails).\n\n**Fix:** set the control key to the method the keys are "
     "for (`\"authentication.type\": \"apiKey\"`), or remove the other method's keys.  The same holds for "
     "`event.vendor.type`, which chooses between the keys of polling and those of webhooks (HubSpot's "
     "`event.webhook.hubspot.workflow.id` under `polling` is ignored).",
     '{"element": {"key": "hubspot"}, "name": "h", "configuration": {"hubspot.authorization.apikey": "${HUBSPOT_KEY}"}}',
     '{"element": {"key": "hubspot"}, "name": "h", "configuration": {"authentication.type": "apiKey", '
     '"hubspot.authorization.apikey": "${HUBSPOT_KEY}"}}')

_CREATED_EXAMPLE = ('{"element": {"key": "sfdc"}, "configuration": {"event.notification.enabled": true, '
                    '"event.notification.callback.url": "https://hooks.example.com/ce", '
                    '"event.poller.configuration": {"contacts": {'
                    '"url": "/hubs/crm/contacts", "idField": "Id", "datesConfiguration": {"updatedDateField": '
                    '"LastModifiedDate", "updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ss.SSSZ", "createdDateField": "%s", '
                    '"createdDateFormat": "yyyy-MM-dd\'T\'HH:mm:ss.SSSZ"}}}}}')
POLLER_CREATED_IS_UPDATED = Rule("CE921", "poller-created-is-updated", "warning",
     "`createdDateField` reads the updated date though the records have a created date",
     "The poller tells a new record from a changed one by its dates: a record whose updated date equals its created "
     "date (within `createdCheckTolerance`) is CREATED.  With `createdDateField` naming the field `updatedDateField` "
     "reads, the two are always equal, and every change arrives as a CREATED event.  Reported when the API docs' "
     "response model has a created date of its own (a resource without one may do it on purpose).\n\n**Fix:** "
     "the records' created date (`CreatedDate`, `created_at`).",
     _CREATED_EXAMPLE % "LastModifiedDate", _CREATED_EXAMPLE % "CreatedDate")

RULES: list[Rule] = [
    ELEMENT_UNKNOWN_KEY, ELEMENT_VALUE_TOO_LONG, ELEMENT_BOOLEAN_VALUE, POLLER_PATH_UNKNOWN,
    POLLER_WRONG_HUB, POLLER_QUERY_PARAMETER_UNKNOWN, POLLER_ID_FIELD_UNKNOWN, POLLER_DATE_FIELD_UNKNOWN,
    POLLER_DIFFERS_FROM_DEFAULT, POLLER_PATH_NEAR_MISS, POLLER_DATE_FORMAT_MISMATCH, POLLER_FILTER_FIELD_NOT_SEARCHABLE,
    ELEMENT_DOCS_NOT_FOUND, POLLER_FIELD_NOT_A_VALUE, ELEMENT_OPTION_UNKNOWN, POLLER_MACRO_DIFFERS_FROM_DEFAULT,
    ELEMENT_VALUE_IN_HOST, ELEMENT_VENDOR_TYPE_MISMATCH, ELEMENT_KEY_OF_ANOTHER_LOGIN, POLLER_CREATED_IS_UPDATED,
]
RETIRED = {"CE902": "CE105"}  # retired code -> the rule that reports it now; codes are never reused


def _unknown_option(ctx: Context, definition: ElementDefinition, item: ConfigKey, value: str,
                    pointer: str) -> Finding:
    """CE916 for a choice key's value that is none of its options, with the option meant when one is near."""
    by_folded = {option.casefold(): option for option in item.choices}
    meant = by_folded.get(value.strip().casefold())
    if meant is None:
        near = difflib.get_close_matches(value.casefold(), list(by_folded), n=1, cutoff=0.8)
        meant = by_folded[near[0]] if near else None
    options = ", ".join(f"`{option}`" for option in item.choices)
    fix = None
    if meant is not None:
        edit = replace_value(ctx.source, pointer, json.dumps(meant))
        fix = Fix(f"write `{meant}`", (edit,), "unsafe") if edit is not None else None
    # an option written in another case is the option's own public text (`OAuth2Password`), no credential to hide
    cased = value.strip().casefold() in by_folded
    shown = json.dumps(value) if cased else unquotable(value) or json.dumps(value)
    return ctx.finding(ELEMENT_OPTION_UNKNOWN, f"`{item.key}` is {shown}, none of element "
                       f"`{definition.key}`'s options ({options})", pointer=pointer,
                       help=f"did you mean `{meant}`?" if meant else f"write one of {options}", fix=fix)


_HOST_END = LazyPattern(r"[/:?#]")
_PORT = LazyPattern(r"[^/:?#\s]+:\d{1,5}(?=[/?#]|$)")


def _value_in_host(ctx: Context, key: str, value: str, url_key: str, template: str, pointer: str) -> Iterator[Finding]:
    """CE918 for a value holding the scheme, domain or path its URL template adds around it."""
    before, after = template.split("{" + key + "}", 1)
    domain = after.partition("/")[0]
    from ..elements import URL_SCHEME

    meant = URL_SCHEME.sub("", value.strip()) if "://" in before else value.strip()
    authority, _, rest = meant.partition("/")
    if "@" in authority:  # `https://key@acme.chargebee.com`: credentials pasted with the address, no part of the piece
        meant = authority.rpartition("@")[2] + ("/" + rest if rest or meant.endswith("/") else "")
    port = _PORT.match(meant) if after[:1] in ("", "/", "?", "#") else None
    # the host the value names: no path, port or query (a port where the value ends the address is the address's,
    # also before a path pasted with it: `https://host:8443/api/v2` means `host:8443`)
    meant = port.group() if port is not None else _HOST_END.split(meant, maxsplit=1)[0]
    whole_host = bool(domain) and meant.lower().endswith(domain.lower())  # (`api.na2.echosign.com`: the host itself)
    if whole_host:
        meant = meant[:-len(domain)]
    host_start = before.rpartition("://")[2] if "://" in before else ""  # `secure.` of `https://secure.{region}...`
    if host_start and "/" not in host_start and meant.lower().startswith(host_start.lower()):
        meant = meant[len(host_start):]
    elif whole_host and host_start.endswith(".") and "/" not in host_start \
            and meant.count(".") >= host_start.count("."):
        # the template's own first labels written as others (`api.na2` where it makes `secure.{region}`)
        meant = meant.split(".", host_start.count("."))[-1]
    elif whole_host and host_start and (meant + ".").lower() == host_start.lower():
        meant = ""  # the template's own host without the piece (`https://secure.echosign.com` for `secure.{region}`)
    # (a token pasted here is not ours to quote; a host the value shows as the vendor's, or after a scheme, is none)
    if meant == value or looks_like_a_token(meant) and not whole_host and "://" not in value:
        return
    made = before + value + after
    if not meant or not whole_host and "." in meant and "." in domain:
        # no piece of its own, or another domain than the template's (`https://api.na2.adobesign.com` where it makes
        # `secure.{region}.echosign.com`): which labels are the piece is not for us to guess
        yield ctx.finding(ELEMENT_VALUE_IN_HOST, f"`{key}` goes into `{url_key}` (`{template}`): this value makes "
                          f"`{made}`, no address the vendor answers at",
                          pointer=pointer, help=f"write only what takes the place of `{{{key}}}` in the address")
        return
    edit = replace_value(ctx.source, pointer, json.dumps(meant))
    yield ctx.finding(ELEMENT_VALUE_IN_HOST, f"`{key}` goes into `{url_key}` (`{template}`): this value makes "
                      f"`{made}`, no address the vendor answers at", pointer=pointer, help=f"write `{meant}`",
                      fix=Fix(f"write `{meant}`", (edit,), "unsafe") if edit is not None else None)


def _another_element_s(key: str, definition: ElementDefinition, directories: tuple[str, ...]) -> str | None:
    """CE901's help for a key another element of the docs declares (Egnyte's `subdomain` in a Chargebee body)."""
    from ..elements import declaring_elements

    others = [other for other in declaring_elements(directories).get(key, ()) if other != definition.key]
    if not others:
        return None
    named = " and ".join(f"`{other}`" for other in others[:3]) + (" ..." if len(others) > 3 else "")
    return (f"`{key}` is a key of element {named}, not of `{definition.key}`: remove it, or write the key element "
            f"`{definition.key}` declares for it")


def _of_another_element(key: str, definition: ElementDefinition, directories: tuple[str, ...]) -> bool:
    """Whether an ``event.`` key the element does not declare names another element of the docs (HubSpot's
    ``event.webhook.hubspot.workflow.id`` in a Sage One body): a segment that is another element folder's name."""
    from ..elements import documented_elements

    others = documented_elements(directories) - {definition.key}
    return any(segment in others for segment in key.split(".")[1:])


def _boolean_like(value: object) -> bool:
    """``true``/``false``, or the string of either in any case (``Boolean.parseBoolean`` ignores case)."""
    return isinstance(value, bool) or (isinstance(value, str) and value.lower() in ("true", "false"))


def _boolean_help(value: object) -> str:
    """CE904's help: what to write, and why a `"true "` with blanks around it is no `true`."""
    text = value.strip().lower() if isinstance(value, str) else None
    if text in ("true", "false"):
        return (f"write `{text}` without the blanks around it: Java's Boolean.parseBoolean reads the text as written, "
                "and anything but `true` is false")
    return "write `true` or `false`"


def _written(value: Any) -> bool:
    """A value that sets something: not absent, null, or a blank string."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def _substituted(value: Any) -> bool:
    """An environment reference (``${EVENTS_ENABLED}``), which the deployment fills in: its value is not ours to
    judge."""
    return isinstance(value, str) and (is_env_reference(value) or contains_env_reference(value))


# Keys every element accepts, whatever its definition declares.
_PLATFORM_PREFIXES = ("event.",)
_DATE_FIELDS = ("updatedDateField", "createdDateField")
_SAMPLE_MS = 1704450030123  # 2024-01-05T10:20:30.123Z: a value rendered in the vendor's documented format


def _nearest(word: str, choices: Iterable[str]) -> str | None:
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    if found:
        return found[0]
    ending = [c for c in choices if c.lower().endswith("." + word.lower()) and not c.startswith(_PLATFORM_PREFIXES)]
    return ending[0] if len(ending) == 1 else None


def _named(written: str, declared: dict[str, ConfigKey]) -> str | None:
    """The key whose name ``written`` is, in any case and spacing (`OAuth API Key` for `oauth.api.key`), when no other
    key has that name: a body written from the console's form, which labels each key by its name."""
    wanted = " ".join(written.split()).lower()
    found = [key for key, item in declared.items() if item.name and " ".join(item.name.split()).lower() == wanted]
    return found[0] if len(found) == 1 else None


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    near = _nearest(word, choices)
    return f"did you mean `{near}`?" if near else None


def split_url(url: str) -> tuple[str, int, list[tuple[str, int]]]:
    """The path of a poller URL, its offset, and its query parameter names with their offsets."""
    template = parse_url_template(url)
    return template.path, template.path_start, [(p.name, p.start) for p in template.params]


def check(ctx: Context) -> Iterator[Finding]:
    """Report the CE9xx findings (and CE105 where no overlay does) of a document, with element docs."""
    if not ctx.options.element_docs:
        return
    from ..elements import find_element

    key = ctx.element
    if not key:
        named = ctx.value.get("element") if ctx.kind == "instance" and isinstance(ctx.value, dict) else None
        if isinstance(named, dict) and "id" in named and "key" not in named:  # `{"element": {"id": 3458}}`
            yield ctx.finding(ELEMENT_DOCS_NOT_FOUND, "the body names its element by id, and element docs are "
                              "found by key: no element check (CE9xx) ran", pointer="/element",
                              help="add the element's `key` beside its id, or give `--element KEY`")
        return
    docs = find_element(ctx.options.element_docs, key)
    if docs is None:
        if is_env_reference(key):  # (`--element` names the element it is filled with: see engine.element_of)
            yield ctx.finding(ELEMENT_DOCS_NOT_FOUND, f"the element key `{key}` is filled in where the body is "
                              "deployed: no element check (CE9xx) ran", pointer="/element/key",
                              help="give `--element KEY` (the element it is filled with) to check the body against "
                                   "that element's docs")
        elif not find_placeholders(key) and key == key.strip():  # `{{page.elementKey}}`: CE701 says it is unfilled;
            # `hubspot `: CE104 says the space is the mistake
            yield _docs_not_found(ctx, key)
        return
    from .notifications import is_response

    if not is_response(ctx.value):  # (a response is checked against neither file's definition checks)
        yield from _docs_in_part(ctx, docs)
    if docs.definition is not None and not is_response(ctx.value):
        yield from _check_configuration(ctx, docs.definition)
        yield from _top_level_keys(ctx, docs.definition)
    yield from _check_pollers(ctx, docs)


def _top_level_keys(ctx: Context, definition: ElementDefinition) -> Iterator[Finding]:
    """CE106 for a configuration key of the element written at the top of the instance body (`"country"` beside
    `name`), where no overlay says so (a dotted one is the base schema's to report)."""
    from ..schemas import has_overlay, top_level_properties
    from . import rule_for

    if ctx.kind != "instance" or not isinstance(ctx.value, dict) \
            or has_overlay(definition.key, ctx.options.element_schemas):
        return
    fields = top_level_properties("instance")  # the body's own fields: `name`, `tags`, ...
    for key in ctx.value:
        if isinstance(key, str) and "." not in key and key in definition.configuration and key not in fields:
            yield ctx.finding(rule_for("CE106"), f"configuration key `{key}` is at the top level of the instance "
                              "body; it belongs in `configuration`", pointer=f"/{escape_pointer_token(key)}", key=True,
                              help="move it into `configuration`")


def _docs_in_part(ctx: Context, docs: ElementDocs) -> Iterator[Finding]:
    """CE914 for element docs that lack one of their two files: the checks that read it did not run (the API docs
    are said missing only for a body with a poller, which they check)."""
    pointer = "/element/key" if ctx.element_key == docs.key else ""
    if docs.definition is None:
        yield ctx.finding(ELEMENT_DOCS_NOT_FOUND, f"the element docs of `{docs.key}` have no `element.json`: the checks "
                          "against its definition (its configuration keys, their options and defaults, its default "
                          "poller) did not run", pointer=pointer,
                          help=f"export `GET /elements/{docs.key}` into `<folder>/{docs.key}/element.json`")
    if docs.api is None and ctx.pollers:
        yield ctx.finding(ELEMENT_DOCS_NOT_FOUND, f"the element docs of `{docs.key}` have no `swagger.json`: the checks "
                          "of the pollers against its API (paths, fields, date formats, filters) did not run",
                          pointer=pointer,
                          help=f"export `GET /elements/{docs.key}/docs` into `<folder>/{docs.key}/swagger.json`")



def _near_key(written: str, known: str) -> bool:
    """Whether element key ``written`` is ``known`` mistyped: another case, a separator (`sage-one`, `sage_one`,
    `sage one`), or one letter added, dropped, changed or swapped in a key of five letters or more (`sagone`; not a
    version's digit: `hubspot2` may be an element of its own)."""
    plain = "".join(char for char in written.lower() if char not in "-_ .")
    return plain == known.lower() or len(known) >= 5 and plain.isalpha() and one_edit_away(plain, known.lower())


def _docs_not_found(ctx: Context, key: str) -> Finding:
    """CE914, at the body's ``element.key`` (the whole document for a key given with ``--element``)."""
    from pathlib import Path

    from ..config import shown_path

    folders = ctx.options.element_docs
    others = [Path(folder) for folder in folders
              if (Path(folder) / "element.json").is_file() or (Path(folder) / "swagger.json").is_file()]
    if others and len(others) == len(folders):  # each folder given is one element's own
        elements = " and ".join(f"`{folder.name}`" for folder in others)
        message = f"the element docs given are those of {elements}, not of `{key}`: no element check (CE9xx) ran"
    else:
        named = ", ".join(f"`{shown_path(folder)}`" for folder in folders)  # (relative: a baseline made elsewhere matches)
        message = f"no element docs for `{key}` in {named}: no element check (CE9xx) ran"
    pointer = "/element/key" if ctx.element_key == key else ""
    near = next((entry.name for folder in folders if Path(folder).is_dir() for entry in Path(folder).iterdir()
                 if entry.name != key and _near_key(key, entry.name) and entry.is_dir()), None)
    if near is not None:  # `SageOne`, `sage-one`, `sagone`: the docs hold `sageone`, and keys are compared as written
        return ctx.finding(ELEMENT_DOCS_NOT_FOUND, message + f"; the docs hold `{near}`", pointer=pointer,
                           help=f"did you mean `{near}`? (element keys are compared as written)",
                           severity="warning")  # a key one slip away from a known one names no element: the mistake
    return ctx.finding(ELEMENT_DOCS_NOT_FOUND, message, pointer=pointer,
                       help=f"export element `{key}` into `<folder>/{key}/element.json` and `swagger.json`, or "
                            "point --element-docs at the folder that holds them")


def _check_configuration(ctx: Context, definition: ElementDefinition) -> Iterator[Finding]:
    config = ctx.configuration
    base = ctx.configuration_pointer
    if not isinstance(config, dict) or base is None:
        return

    declared = definition.configuration
    misplaced, top_level = _schema_owned_keys()
    hosts = definition.hosts_built_from()
    for key, value in config.items():
        pointer = f"{base}/{escape_pointer_token(key)}"
        item = declared.get(key)
        if item is None:
            if key.startswith(_PLATFORM_PREFIXES) and not _of_another_element(key, definition, ctx.options.element_docs) \
                    or key in misplaced \
                    or isinstance(value, dict) and "." not in key \
                    or _restates_login(key, value, definition):
                continue  # platform-wide keys; misplaced keys and keys nested in objects are the schema's (CE106, CE102)
            near = None if key in top_level else _nearest(key, declared)
            named = None if key in top_level or near is not None else _named(key, declared)
            hint = (f"`{key}` is a field of the instance body: move it next to `configuration`"
                    if key in top_level else f"did you mean `{near}`?" if near
                    else f"`{key}` is the name the console shows for `{named}`: write the key" if named
                    else f"element `{definition.key}` logs in by `{definition.authentication}` only (it declares no "
                         f"`{key}` to choose another): remove it"
                    if key == "authentication.type" and definition.authentication is not None
                    else _another_element_s(key, definition, ctx.options.element_docs)
                    or f"remove it, or write the key element `{definition.key}` declares for what it meant")
            meant = near or named
            rename = rename_key(ctx.source, pointer, meant) if meant is not None and meant not in config else None
            yield ctx.finding(ELEMENT_UNKNOWN_KEY, f"`{key}` is not a configuration key of element `{definition.key}`",
                              pointer=pointer, key=True, help=hint,
                              fix=Fix(f"rename the key to `{meant}`", (rename,), "unsafe") if rename else None)
            continue
        if item.boolean and value is not None and not _boolean_like(value) and not _substituted(value) \
                and value != item.default \
                and not (isinstance(value, str) and find_placeholders(value)):  # (`<true_or_false>`: CE701's)
            asked = " (the console asks yes or no, and stores true or false)" if item.type == "BOOLEAN_YESNO" else ""
            yield ctx.finding(ELEMENT_BOOLEAN_VALUE, f"`{key}` is a {item.type} key of element `{definition.key}`: use "
                              f"true or false{asked}", pointer=pointer, help=_boolean_help(value))
        if item.choices and isinstance(value, str) and value not in item.choices and key != "event.vendor.type" \
                and not _substituted(value) and not find_placeholders(value):
            yield _unknown_option(ctx, definition, item, value, pointer)
        if key in hosts and isinstance(value, str) and hosts[key][0] not in config and not _substituted(value) \
                and not find_placeholders(value):
            yield from _value_in_host(ctx, key, value, *hosts[key], pointer)
        limit = item.max_length
        if limit and isinstance(value, str) and len(value) > limit and not item.secret and ctx.enabled("CE903"):
            yield ctx.finding(ELEMENT_VALUE_TOO_LONG, f"`{key}` is a {item.type} key and this value has {len(value)} "
                              "characters; the platform accepts it, but check it is the value you meant",
                              pointer=pointer)
    yield from _vendor_type(ctx, definition, config, base)
    yield from _other_login(ctx, definition, config, base)
    yield from _missing_keys(ctx, definition, config, base)


def _restates_login(key: str, value: Any, definition: ElementDefinition) -> bool:
    """Whether ``key`` is ``authentication.type`` naming the login method of an element that declares no such key
    (``"basic"`` in a Chargebee body), as the platform's own instance pages write it for every element: it chooses
    what the element does anyway, so it is no typo nor another element's key (CE901)."""
    return key == "authentication.type" and isinstance(value, str) and definition.authentication is not None \
        and value.strip().lower() == definition.authentication.lower()


def _other_login(ctx: Context, definition: ElementDefinition, config: dict[str, Any], base: str) -> Iterator[Finding]:
    """CE920 for a key of a login method (``groupName``) that the control key does not choose; also a key of the
    way of delivering events (``event.vendor.type``) the body does not choose (its poller configuration is CE205's)."""
    owners = definition.group_controls()
    for key in config:
        item = definition.configuration.get(key)
        control = owners.get(item.group) if item is not None and item.group else None
        if item is None or control is None or item.internal or control.key == _VENDOR_TYPE and key == POLLER_KEY:
            continue  # (a poller configuration under webhooks is CE205's)
        if not _written(config[key]):
            continue  # a template's key of the other login left blank (`"sfdc.password": ""`) sets nothing
        chosen = definition.choice(control, config)
        if chosen is None or chosen == item.group:
            continue  # a control value that is no option (a placeholder, a typo) chooses nothing to compare with
        if control.key not in config and (ctx.kind != "instance" or is_update_body(ctx.value)):
            continue  # an update (or a configuration object) keeps the stored choice: its default says nothing
        how = (f"sets `{control.key}` to `{chosen}`" if control.key in config
               else f"leaves `{control.key}` at its default, `{chosen}`")
        if control.key == _VENDOR_TYPE:
            yield ctx.finding(ELEMENT_KEY_OF_ANOTHER_LOGIN, f"`{key}` is a key of element `{definition.key}`'s "
                              f"`{item.group}` events, but this body {how}: the platform delivers events the other way "
                              "and ignores it", pointer=f"{base}/{escape_pointer_token(key)}", key=True,
                              help=f"set `{control.key}` to `{item.group}`, or remove `{key}`")
            continue
        yield ctx.finding(ELEMENT_KEY_OF_ANOTHER_LOGIN, f"`{key}` is a key of the `{item.group}` login of element "
                          f"`{definition.key}`, but this body {how}: the platform logs in that way and ignores it",
                          pointer=f"{base}/{escape_pointer_token(key)}", key=True,
                          help=f"set `{control.key}` to `{item.group}`, or remove `{key}`")


_VENDOR_TYPE = "event.vendor.type"


def _vendor_type(ctx: Context, definition: ElementDefinition, config: dict[str, Any], base: str) -> Iterator[Finding]:
    """CE919: webhook on an element that only polls; a poller left to an element's `webhook` default (Close.io's:
    its own events page first showed such a body, then added `"event.vendor.type": "polling"` to it)."""
    from ..schemas import near_event_key
    from .notifications import ENABLED, has_poller, shows_part, truthy

    item = definition.configuration.get(_VENDOR_TYPE)
    if item is None or not isinstance(item.default, str):
        return
    given = config.get(_VENDOR_TYPE)
    default = item.default.strip().lower()
    if _VENDOR_TYPE not in config and default == "webhook" and POLLER_KEY in config and has_poller(ctx) \
            and config.get(ENABLED) is not None and truthy(config[ENABLED]) is not False and not shows_part(ctx) \
            and not any(isinstance(key, str) and near_event_key(key) == _VENDOR_TYPE for key in config):
        # (events off, or the switch left out, is CE204's; an update keeps the stored vendor type; a key that
        # misspells it, `Event.Vendor.Type`, is CE101's or CE901's to rename: "add" it would write it twice)
        yield ctx.finding(ELEMENT_VENDOR_TYPE_MISMATCH, f"`{POLLER_KEY}` is not used: this body leaves "
                          f"`{_VENDOR_TYPE}` at element `{definition.key}`'s default, `{item.default}`, so events come "
                          "from the vendor's webhooks, not from polling", pointer=f"{base}/{escape_pointer_token(POLLER_KEY)}",
                          key=True, help=f'add "{_VENDOR_TYPE}": "polling"')
    if isinstance(given, str) and given.strip().lower() == "webhook" and default == "polling" and not item.choices:
        yield ctx.finding(ELEMENT_VENDOR_TYPE_MISMATCH, f"element `{definition.key}` delivers events by polling only "
                          f"(its definition fixes `{_VENDOR_TYPE}` to `polling`, with no other option): with "
                          f"`{given}` no webhook is registered and nothing is polled",
                          pointer=f"{base}/{escape_pointer_token(_VENDOR_TYPE)}", help="write `polling`")


@lru_cache(maxsize=1)
def _schema_owned_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Configuration keys the schema reports as misplaced (CE106), and the instance body's own fields."""
    from ..schemas import top_level_properties

    configuration = top_level_properties("configuration")
    instance = top_level_properties("instance")
    return (frozenset(k for k, v in configuration.items() if isinstance(v, dict) and "x-belongs" in v),
            frozenset(instance))


def _missing_keys(ctx: Context, definition: ElementDefinition, config: dict[str, Any], base: str) -> Iterator[Finding]:
    """CE105, where no schema overlay checks this element (it reports the same keys, from the same logic)."""
    from ..schemas import REQUIRED_VALUE_HELP, has_overlay, missing_keys_said
    from . import rule_for

    if ctx.kind not in ("instance", "configuration") or has_overlay(definition.key, ctx.options.element_schemas):
        return
    if sends_part(ctx.value, ctx.kind):
        return  # `PATCH /instances/{id}` sends only the keys it changes (a configuration of event keys, too)
    required = definition.required_keys(config)
    for item in required:  # written, but as nothing: the platform has no value for it either
        value = config.get(item.key, "absent")
        if value is None or value == "":  # (as the overlays' `minLength` reads it)
            shown = "null" if value is None else "empty"
            yield ctx.finding(rule_for("CE105"), f"configuration key `{item.key}` is {shown}, but element "
                              f"`{definition.key}` requires a value", pointer=f"{base}/{escape_pointer_token(item.key)}",
                              help=REQUIRED_VALUE_HELP)
    missing = [item for item in required if item.key not in config]
    if not missing:
        yield from _login_without_keys(ctx, definition, config, base)
        return
    message, help = missing_keys_said([item.key for item in missing], definition.key)
    groups = sorted({item.group for item in missing if item.group})
    owners = definition.group_controls()
    for group in groups:
        control = owners.get(group)
        if control is None:
            continue
        chosen = "by default" if control.key not in config else "as chosen"
        message += f" with `{control.key}` `{group}` ({chosen})"
    others = [o for g in groups if g in owners for o in owners[g].options if o != g]
    if others:
        help += f", or choose another `{owners[groups[0]].key}` ({', '.join(others)})"
    yield ctx.finding(rule_for("CE105"), message, pointer=base, help=help)  # where the overlay puts it


def _login_without_keys(ctx: Context, definition: ElementDefinition, config: dict[str, Any],
                        base: str) -> Iterator[Finding]:
    """CE105 (a warning) for a login method the body chooses (`"authentication.type": "apiKey"`) none of whose keys
    it gives, when the definition marks none of them required (HubSpot's `hubspot.authorization.apikey`)."""
    from . import rule_for

    for control in {item.key: item for item in definition.group_controls().values()}.values():
        chosen = definition.choice(control, config) if control.key in config and control.key != _VENDOR_TYPE else None
        keys = [item.key for item in definition.configuration.values()  # (its credentials: a callback URL logs in
                if chosen and item.group == chosen and not item.internal and item.default in (None, "")  # with none)
                and (item.secret or is_secret_key(item.key))]
        if keys and not any(_written(config.get(key)) for key in keys):  # (`""` or null gives nothing either)
            listed = ", ".join(f"`{key}`" for key in keys)
            yield ctx.finding(rule_for("CE105"), f"`{control.key}` chooses the `{chosen}` login of element "
                              f"`{definition.key}`, but none of its keys ({listed}) is given a value: the platform has "
                              "nothing to log in with", pointer=f"{base}/{escape_pointer_token(control.key)}",
                              help=f'add "{keys[0]}": "..."', severity="warning")


def _check_pollers(ctx: Context, docs: ElementDocs) -> Iterator[Finding]:
    definition, api = docs.definition, docs.api
    default = definition.default_poller_value() if definition else None
    hub = definition.hub if definition else None
    for entry in ctx.entries():
        if not isinstance(entry.value, dict):
            continue
        url = entry.value.get("url")
        if isinstance(url, str) and url.strip():
            yield from _check_url(ctx, entry, url, hub, api, docs.usage)
        if default and entry.name in default and isinstance(default[entry.name], dict):
            yield from _compare_default(ctx, entry, default[entry.name])
        if default and definition and isinstance(url, str) and "${" in url:
            yield from _compare_default_macros(ctx, entry, url, _default_macros(definition.default_poller or ""), api)


def _check_url(ctx: Context, entry: Entry, url: str, hub: str | None, api: ApiDocs | None,
               usage: DefaultUsage) -> Iterator[Finding]:
    from ..elements import hub_relative

    parsed = parse_url_template(url)
    path, offset = parsed.path, parsed.path_start
    pointer = entry.child("url")
    if "://" in path or path.startswith("/elements/"):  # (CE632 says what is wrong with the start; the hub path after
        inside = path.find("/hubs/")  # it is still checked, and a vendor's own address is no path of the docs)
        if inside < 0:
            return
        path, offset = path[inside:], offset + inside
    relative = hub_relative(path)
    segments = path.split("/")
    if api is not None and hub and len(segments) > 2 and segments[1] == hub and not path.startswith("/hubs/"):
        rest = "/" + "/".join(segments[2:])
        documented = api.match(rest)
        if (api.match(path) is None or api.is_generic(api.match(path) or "")) and documented is not None \
                and not api.is_generic(documented):  # (`/crm/contacts`: the hub without `/hubs`; Zoho's
            # vendor path `/crm/private/json/...` names no documented resource after its `crm`)
            yield ctx.finding(POLLER_WRONG_HUB, f"`/{hub}{rest}` leaves out `/hubs`: as written it is no hub path "
                              f"(the `{hub}` hub's resources, `{rest}` among them, are under /hubs/{hub}/)",
                              source=entry.source, pointer=pointer, sub=(offset, offset + len(hub) + 1),
                              help=f"write /hubs/{hub}{rest}", severity="warning")
            return
    if len(segments) > 2 and segments[1] == "hubs" and hub and segments[2] != hub:
        start = offset + len("/hubs/")
        unhubbed = "/" + "/".join(segments[2:])
        if api is not None and relative == "/" + "/".join(segments[3:]) and api.get_operation(unhubbed) is not None \
                and api.get_operation(relative) is None:  # `/hubs/customers`: the hub left out, not another hub
            yield ctx.finding(POLLER_WRONG_HUB, f"`{segments[2]}` is a resource of element `{ctx.element}`, not a hub: "
                              f"the hub's name is missing (element `{ctx.element}` serves the `{hub}` hub)",
                              source=entry.source, pointer=pointer, sub=(start, start + len(segments[2])),
                              help=f"write the hub first: /hubs/{hub}{unhubbed}")
            return
        if segments[2].lower() == hub.lower():  # (the element's own hub in capitals: a slip, not another hub; CE625
            if hub not in KNOWN_HUBS:  # says so of a hub it knows)
                yield ctx.finding(POLLER_WRONG_HUB, f"`{segments[2]}` is element `{ctx.element}`'s `{hub}` hub in "
                                  "capitals: hub names are lower case", source=entry.source, pointer=pointer,
                                  sub=(start, start + len(segments[2])), help=f"write `{hub}`", severity="warning")
        else:
            yield ctx.finding(POLLER_WRONG_HUB, f"element `{ctx.element}` serves the `{hub}` hub, not `{segments[2]}`",
                              source=entry.source, pointer=pointer, sub=(start, start + len(segments[2])),
                              help=f"/hubs/{hub}/...")
    if api is None:
        return
    # (the default's own path, `/agreementAssetEvents`, documented as `/agreement-asset-events`: checked against those)
    template = api.documented_path(relative) if relative in usage.paths else api.match(relative)
    if template is None:
        if relative in usage.paths:  # a path only the default poller documents: its date formats are the truth
            yield from _against_undocumented_default(ctx, entry, relative, usage)
            return
        near = difflib.get_close_matches(relative, list(api.paths), n=1, cutoff=0.6)
        if path.startswith("/hubs/"):
            yield ctx.finding(POLLER_PATH_UNKNOWN, f"`GET {relative}` is not in the API docs of element "
                              f"`{ctx.element}`", source=entry.source, pointer=pointer, sub=(offset, offset + len(path)),
                              help=f"did you mean `{near[0]}`?" if near else _collections_said(api, relative))
        else:  # (a path outside /hubs/ may be the vendor's own, which the element's API docs do not list)
            yield ctx.finding(POLLER_PATH_UNKNOWN, f"`GET {relative}` is not in the API docs of element "
                              f"`{ctx.element}`: it is no /hubs/ path, so it may be the vendor's own, which the docs do not list",
                              source=entry.source, pointer=pointer, sub=(offset, offset + len(path)),
                              help=f"if it is the element's resource, write /hubs/{hub}{near[0] if near else '/...'}"
                              if hub else None, severity="info")
        return
    if api.is_generic(template):
        yield from _near_miss(ctx, entry, api, relative, usage, offset + len(path) - len(relative))
        if relative in usage.paths:
            yield from _against_undocumented_default(ctx, entry, relative, usage)
        return  # served by a catch-all route: nothing documented to compare with
    slips = list(_near_miss(ctx, entry, api, relative, usage, offset + len(path) - len(relative), served=template))
    if slips:  # (the records, parameters and fields of the resource that took the slip for a value are not these)
        yield from slips
        return
    operation = api.get_operation(template)
    if operation is None:
        if relative not in usage.paths:
            yield ctx.finding(POLLER_PATH_UNKNOWN, f"`{template}` has no GET in the API docs of element "
                              f"`{ctx.element}`", source=entry.source, pointer=pointer,
                              sub=(offset, offset + len(path)))
        return
    accepted = api.query_parameters(operation) | usage.params.get(template, set())
    for param in parsed.params:
        name = param.name
        if accepted and name not in accepted:
            yield ctx.finding(POLLER_QUERY_PARAMETER_UNKNOWN, f"`GET {template}` takes no query parameter `{name}` (it takes "
                              f"{', '.join(f'`{a}`' for a in sorted(accepted))})", source=entry.source,
                              pointer=pointer, sub=(param.start, param.start + len(name)),
                              help=_did_you_mean(name, accepted) or f"remove `{name}`, or ignore CE907 here if the "
                              "vendor takes it though the docs do not say so")
    model = api.record_model(operation)
    if model is None:
        return
    used = usage.fields.get(template, set())
    yield from _check_field(ctx, entry, api, model, entry.value.get("idField"), entry.child("idField"),
                            POLLER_ID_FIELD_UNKNOWN, "idField", template, used, usage.roles.get((template, "idField")))
    dates = entry.value.get("datesConfiguration")
    if isinstance(dates, dict):
        for name in _DATE_FIELDS:
            yield from _check_field(ctx, entry, api, model, dates.get(name), entry.child("datesConfiguration", name),
                                    POLLER_DATE_FIELD_UNKNOWN, name, template, used, usage.roles.get((template, name)))
            yield from _check_date_format(ctx, entry, api, operation, model, dates, name, template, usage)
        yield from _created_is_updated(ctx, entry, api, model, dates)
    if parsed.where is not None:
        # (only what the default filters by: a field it reads from the records says nothing of the operators the
        # vendor takes on it, Pardot's `updated_at`, read by its default, filtered only by `updated_after`)
        yield from _check_where(ctx, entry, api, model, parsed.where, template, usage.filtered.get(template, set()))


# A record's created date, as APIs name it (`CreatedDate`, `created_at`, `date_created`, `createdTime`, `Created Time`)
_CREATED_NAME = LazyPattern(r"(?i)(?:date[_ ]?)?(?:created|creation)(?:[_ ]?(?:at|on|date|time|datetime|timestamp))?")


def _created_is_updated(ctx: Context, entry: Entry, api: Any, model: Any, dates: dict[str, Any]) -> Iterator[Finding]:
    """CE921: `createdDateField` is `updatedDateField`'s field, and the records have a created date of their own."""
    created, updated = dates.get("createdDateField"), dates.get("updatedDateField")
    if not isinstance(created, str) or not created.strip() or created != updated:
        return
    own = [name for name in api.field_names(model) if _CREATED_NAME.fullmatch(name) and name != created]
    if own:
        yield ctx.finding(POLLER_CREATED_IS_UPDATED, f"`createdDateField` names `{created}`, the field `updatedDateField` "
                          "reads: a record's two dates are then always equal, and every change arrives as a CREATED "
                          f"event (the records' created date is `{own[0]}`)", source=entry.source,
                          pointer=entry.child("datesConfiguration", "createdDateField"),
                          help=f"name the records' created date: `{own[0]}`")


def _against_undocumented_default(ctx: Context, entry: Entry, path: str, usage: DefaultUsage) -> Iterator[Finding]:
    """CE912 for a resource whose path the API docs lack (Egnyte's `/events`) but the element's default poller polls:
    each date format against the one the default reads the same field with."""
    from .dates import compile_problems

    dates = entry.value.get("datesConfiguration")
    for which in ("updated", "created") if isinstance(dates, dict) else ():
        name, fmt = dates.get(f"{which}DateField"), dates.get(f"{which}DateFormat")
        zone = dates.get(f"{which}DateTimezone")
        zone = zone if isinstance(zone, str) and zone.strip() else "GMT"
        defaults = sorted(usage.formats.get((path, name), ())) if isinstance(name, str) else []
        if not defaults or not isinstance(fmt, str) or not fmt.strip() or fmt in defaults or fmt == "timestamp" \
                or compile_problems(fmt) or all(_misreads_itself(default) for default in defaults):
            continue
        yield from _against_default(ctx, entry, fmt, defaults, name, zone, path,
                                    entry.child("datesConfiguration", f"{which}DateFormat"), usage)


def _near_miss(ctx: Context, entry: Entry, api: ApiDocs, relative: str, usage: DefaultUsage,
               base: int, served: str | None = None) -> Iterator[Finding]:
    """CE911: ``/customerz`` served by ``/{objectName}`` next to a documented ``/customers``; also a later segment
    (LinkedIn's ``/companies/{id}/updates/commentz``), and a path only the element's default poller polls (Egnyte's
    ``/events``, which its docs serve by the catch-all alone).  With ``served``, the documented path that matched
    only by taking a segment for its variable (``/files/{fileId}/versions/latest-versino`` for
    ``.../{versionId}``): only such a segment is compared."""
    segments = [s for s in relative.split("/") if s]
    if not segments or relative in usage.paths or segments[0].startswith("{"):
        return
    taken = [s for s in served.split("/") if s] if served else None
    if taken is not None and not any(t.startswith("{") and not w.startswith("{") for t, w in zip(taken, segments)):
        return  # (every segment written as documented)
    known = [[s for s in t.split("/") if s] for t in api.paths if not api.is_generic(t) and api.get_operation(t)]
    known += [[s for s in t.split("/") if s] for t in sorted(usage.paths)]
    position = 0
    for index, written in enumerate(segments):
        at = relative.index(written, position)
        position = at + len(written)  # (past it: `/documents/document` writes the second inside the first)
        if written.startswith("{") or (taken is not None and not taken[index].startswith("{")):
            continue
        # the segments templates of this length write here, where they agree with the path before it
        here = sorted({t[index] for t in known if len(t) == len(segments) and not t[index].startswith("{")
                       and all(a == b or a.startswith("{") for a, b in zip(t[:index], segments))})
        if not here or written in here:
            continue
        near = {squashed(d): d for d in here}.get(squashed(written))
        if near is None:
            close = difflib.get_close_matches(written.lower(), [d.lower() for d in here], n=1, cutoff=0.85)
            near = next((d for d in here if close and d.lower() == close[0]), None)
        if near is None and len(written) >= 6:  # (a slip in a short name: `eventz` is 0.83 alike to `events`)
            slips = [d for d in here if one_edit_away(written.lower(), d.lower())]
            near = slips[0] if len(slips) == 1 else None
        if near is None or near == written or _object_name_of(written, near):
            if taken is not None:
                continue  # (a value for the variable, such as a record's id)
            return
        candidate = "/" + "/".join([*segments[:index], near, *segments[index + 1:]])
        start = base + at
        what = f"`/{written}`" if index == 0 else f"`{written}` in `{relative}`"
        said = (f"{what} is one slip from the documented `{near}`: as written, `GET {served}` takes it for its "
                f"`{taken[index]}`, and the poller asks for another resource") if taken is not None else (
            f"{what} is not a documented path of element `{ctx.element}`: only its catch-all route `/{{objectName}}` "
            "serves it, so the vendor gets a resource name it may not know")
        yield ctx.finding(POLLER_PATH_NEAR_MISS, said, source=entry.source, pointer=entry.child("url"),
                          sub=(start, start + len(written)), help=f"did you mean `{candidate}`?")
        return


def _object_name_of(name: str, documented: str) -> bool:
    """Whether ``name`` is the vendor's own name of the object a documented path lists (``Account`` for
    ``/accounts``, ``Opportunity`` for ``/opportunities``): what a catch-all route exists to pass on (Salesforce's
    objects), not a typo."""
    lower, plural = name.lower(), documented.lower()
    return name[:1].isupper() and plural in (lower + "s", lower + "es", lower[:-1] + "ies")


def _check_field(ctx: Context, entry: Entry, api: ApiDocs, model: Any, value: Any, pointer: str, rule: Rule,
                 label: str, template: str, used: set[str], default: str | None = None) -> Iterator[Finding]:
    """CE908/CE909, CE915 for one field path; ``default`` is the field the element's default poller reads there."""
    from ..elements import split_field_path

    if not isinstance(value, str) or not value.strip() or value in used:
        return
    parts = split_field_path(value)
    if not parts:
        return
    found = api.has_field(model, parts)
    if found is False:
        yield ctx.finding(rule, f"`{label}` `{value}` is not a field of the records `GET {template}` returns",
                          source=entry.source, pointer=pointer,
                          help=_field_meant(label, parts[-1], api, model) or _below(default, parts, label)
                          or _wrapped(api, model, parts, value) or _field_named(label, api, model, template, default))
        return
    schema = api.field_schema(model, parts) if found else None
    shape = _container(schema)
    if shape is not None:
        inner = api.field_names(schema.get("items") if shape == "a list" else schema) if schema else []
        meant = _inner_field(label, inner) if shape == "an object" else None
        what = "no id for the events' `objectId`" if label == "idField" else "no date to compare with the last poll"
        yield ctx.finding(POLLER_FIELD_NOT_A_VALUE, f"`{label}` `{value}` is {shape} in the records `GET {template}` "
                          f"returns, not one value: {what}", source=entry.source, pointer=pointer,
                          help=f"did you mean `{value}.{meant}`?" if meant
                          else "name one value inside it with a dotted path (`"
                               + ("owner.id" if label == "idField" else "metadata.updated_at") + "`)")


def _field_meant(label: str, word: str, api: ApiDocs, model: Any) -> str | None:
    """``did you mean ...?`` for a field the records do not have: the nearest of their fields, written as a field
    path writes it (`['Modified Time']`); for a date field, the nearest of the fields their docs give a date format,
    or the one that shares a word with it (Close.io's `updated_at` is `date_updated`, not the user id `updated_by`)."""
    names = api.field_names(model)
    near = None
    if label != "idField":
        dated = [name for name in names if _formatted_as_date(api.field_schema(model, [name]))]
        near = _nearest(word, dated) if dated else None
        if near is None and dated:
            words = _words(word) - _DATE_WORDS
            sharing = [name for name in dated if words & _words(name)]
            near = sharing[0] if len(sharing) == 1 else None
        if dated:
            return f"did you mean `{written_field(near)}`?" if near else None  # (never a user id for a date)
    near = _nearest(word, names)  # (docs that give no field a date format: the nearest of all)
    return f"did you mean `{written_field(near)}`?" if near else None


def _field_named(label: str, api: ApiDocs, model: Any, template: str, default: str | None) -> str:
    """The way out when no field is near the one written: the default poller's own, else the records' id or their
    dates (few enough to name), else where to look them up."""
    if default:
        return _default_said(default, label)
    names = api.field_names(model)
    if label == "idField":
        ids = [name for name in names if name.lower() == "id"]
        if len(ids) == 1:
            return f"did you mean `{ids[0]}`?"
    else:
        dated = [name for name in names if _formatted_as_date(api.field_schema(model, [name]))]
        if 0 < len(dated) <= 4:
            return "name one of the records' dates: " + ", ".join(f"`{written_field(name)}`" for name in dated)
    return f"name a field of the records `GET {template}` returns (the API docs' response model)"


_DATE_WORDS = frozenset({"date", "time", "at", "on", "datetime", "timestamp"})
# (a word of a field's name: a run of lower case after a capital or alone, a run of capitals, digits with either)
_WORD = LazyPattern(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def _words(name: str) -> set[str]:
    """The words of a field's name, in lower case: `updated_at`, `updatedAt`, `Updated At` are {updated, at}."""
    return {match.group().lower() for match in _WORD.finditer(name)}


def _formatted_as_date(schema: dict[str, Any] | None) -> bool:
    """Whether the docs give a record field a date format (`format: date-time`, or an `x-mask` date pattern)."""
    return isinstance(schema, dict) and (schema.get("format") in ("date", "date-time") or "x-mask" in schema)


def _below(default: str | None, parts: list[str], label: str) -> str | None:
    """The default poller's field when ``parts`` go on below it (HubSpot's `properties.hs_lastmodifieddate.value`, the
    vendor's own shape, where the element's records hold the value itself)."""
    from ..elements import split_field_path

    above = split_field_path(default) if default else None
    if not default or not above or len(parts) <= len(above) or parts[:len(above)] != above:
        return None
    return _default_said(default, label)


def _default_said(default: str, label: str) -> str:
    return f"write `{default}`, which the element's default poller reads for `{label}` here"


def _wrapped(api: ApiDocs, model: Any, parts: list[str], value: str) -> str | None:
    """``did you mean `event.id`?`` when the records wrap the field in an object (Chargebee's `{"event": {...}}`)."""
    wrappers = [name for name in api.field_names(model) if api.has_field(model, [name, *parts]) is True]
    return f"did you mean `{wrappers[0]}.{value}`? (the records hold it inside `{wrappers[0]}`)" \
        if len(wrappers) == 1 else None


def _inner_field(label: str, names: list[str]) -> str | None:
    """The field inside an object that ``label`` likely meant: its ``id``, or a name that says updated/created."""
    if label == "idField":
        return "id" if "id" in names else None
    word = "updat" if label.startswith("updated") else "creat"
    return next((name for name in names if word in name.lower()), None)


def _container(schema: Any) -> str | None:
    """``"an object"`` or ``"a list"`` for a field schema that is one, else None."""
    if not isinstance(schema, dict):
        return None
    if schema.get("type") == "array":
        return "a list"
    if schema.get("type") == "object" or (schema.get("type") is None and isinstance(schema.get("properties"), dict)
                                          and schema["properties"]):
        return "an object"
    return None


def _read_as_a_number(name: str, template: str, given: str) -> str:
    """CE912's message for `milliseconds` on a field the API docs give as a date text (``given``: how they give it)."""
    return (f"`milliseconds` reads `{name}` of `GET {template}` as a number, but the API docs give it as a date text "
            f"({given})")


def _check_date_format(ctx: Context, entry: Entry, api: ApiDocs, operation: dict[str, Any], model: Any, dates: dict[str, Any],
                       field_key: str, template: str, usage: DefaultUsage) -> Iterator[Finding]:
    """CE912: the configured format against the docs' example value, else a value in the field's ``x-mask``."""
    from ..elements import field_mask, split_field_path
    from .dates import compile_problems

    which = field_key.removesuffix("DateField")
    name, fmt = dates.get(field_key), dates.get(f"{which}DateFormat")
    zone = dates.get(f"{which}DateTimezone")
    zone = zone if isinstance(zone, str) and zone.strip() else "GMT"
    if not isinstance(name, str) or not isinstance(fmt, str) or not fmt.strip() or fmt == "timestamp":
        return
    if compile_problems(fmt):
        return  # the date rules (CE4xx) report the format itself
    parts = split_field_path(name)
    if not parts or fmt in usage.formats.get((template, name), set()):
        return
    schema = api.field_schema(model, parts)
    mask = field_mask(schema)
    if mask is not None and fmt in usage.mask_formats.get(mask, set()):
        return  # the default poller reads fields of this documented format with it
    pointer = entry.child("datesConfiguration", f"{which}DateFormat")
    if fmt == "milliseconds" and isinstance(schema, dict) and schema.get("type") == "integer" \
            and schema.get("format") == "int32":
        yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`milliseconds` reads `{name}` of `GET {template}` as epoch "
                          "milliseconds, but the API docs type it as a 32-bit integer, which holds epoch seconds (the "
                          "milliseconds since 1970 passed 32 bits in its first month): every date reads as January "
                          "1970, older than any last poll", source=entry.source, pointer=pointer,
                          help="no documented format reads epoch seconds: filter with `${epoch:s}` in the URL and "
                               "leave the record dates out of `datesConfiguration`")
        return
    if isinstance(schema, dict) and schema.get("type") == "integer" and fmt not in ("milliseconds", "timestamp") \
            and not _DIGITS_ONLY_PATTERN.fullmatch(fmt):
        seconds = schema.get("format") == "int32"  # (32 bits hold epoch seconds, not milliseconds)
        yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`{fmt}` reads `{name}` of `GET {template}` as text, but the API "
                          "docs type it as an integer (a number of seconds or milliseconds since 1970, most often): "
                          "no record's date is read", source=entry.source, pointer=pointer,
                          help="no documented format reads epoch seconds: filter with `${epoch:s}` in the URL and "
                               "leave the record dates out of `datesConfiguration`" if seconds else
                               "`milliseconds` for epoch milliseconds (epoch seconds have no documented format)")
        return
    server_zone = ctx.options.server_zone
    example = _example(api, entry.value.get("url"), name)
    if example is not None:
        problem = _misread(fmt, example, name, zone, server_zone, None)
        if problem:
            yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`{fmt}` cannot read the API docs' example `{name}` of "
                              f"`GET {template}`: {problem}", source=entry.source, pointer=pointer,
                              help=f"a format that reads {json.dumps(example)}")
        return
    documented = _sample_value(schema)
    # the field's own sample value in the docs (`x-samplevalue`): a format that reads it is not warned of, whatever
    # the mask says (Adobe Sign's `Z` mask beside a `-08:00` sample); one that does not is, when the mask reads it
    if documented is not None:
        problem = _misread(fmt, documented, name, zone, server_zone, None)
        if problem is None:
            return
        if fmt == "milliseconds" and mask != "milliseconds" and _formatted_as_date(schema) \
                and not documented.strip().lstrip("-").isdecimal():
            # the docs type the field as a date and sample it as a date text: two signs that agree, whatever the
            # mask's or the sample's own slips (closeio's `.191000+00:00` beside an `XXX` mask)
            yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, _read_as_a_number(name, template, f"sample "
                              f"{json.dumps(documented)}") + f": {problem}", source=entry.source, pointer=pointer,
                              help=f"a date pattern that reads {json.dumps(documented)}")
            return
        if mask is not None and not _misread(mask, documented, name, zone, server_zone, None):
            yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`{fmt}` cannot read the API docs' sample value of "
                              f"`{name}` of `GET {template}`: {problem}", source=entry.source, pointer=pointer,
                              help=f"use `{mask}`, which reads {json.dumps(documented)}")
            return
        if fmt == mask and not usage.formats.get((template, name)) and not usage.mask_formats.get(mask):
            # the docs' own mask misreads their sample (Adobe Sign's `Z` beside `-08:00`), and no default poller reads
            # this field, or a field of this mask (what it reads them with is the truth, below)
            iso = _RFC_822_OFFSET.sub("XXX", fmt)
            reads = iso != fmt and _misread(iso, documented, name, zone, server_zone, None) is None
            yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`{fmt}`, the API docs' mask of `{name}` of `GET "
                              f"{template}`, cannot read their own sample value: {problem}", source=entry.source,
                              pointer=pointer, help=f"use `{iso}`, which reads {json.dumps(documented)}" if reads
                              else f"a format that reads {json.dumps(documented)}")
            return
    # a value that carries its offset is written as the vendor writes it, in UTC (Salesforce's `+0000`), whatever
    # zone the body reads dates without one in; only then does the body's zone matter
    sample = _sample(mask, "GMT" if _has_offset(mask) else zone) if mask is not None and _trusted_mask(mask) else None
    known = sorted(usage.mask_formats.get(mask or "", ()))
    if sample is not None and any(_misread(read, _sample(mask or "", "GMT") or "", name, "GMT", server_zone,
                                           _SAMPLE_MS) for read in known):
        # the default poller reads such fields with a format the mask contradicts: the mask is wrong, and what the
        # default poller reads them with is what the vendor sends
        from .dates import format_problems

        sound = [read for read in known if not any(p.rule in _MISREADING for p in format_problems(read))]
        written = _sample(sound[0], "GMT") if sound and not usage.formats.get((template, name)) else None
        problem = _misread(fmt, written, name, "GMT", server_zone, _SAMPLE_MS) \
            if written is not None and fmt not in known else None
        if problem:
            yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`{fmt}` cannot read `{name}` of `GET {template}`: the "
                              f"element's own poller reads its dates of this kind (documented as `{mask}`) with "
                              f"`{sound[0]}`, which writes {json.dumps(written)}: {problem}", source=entry.source,
                              pointer=pointer, help=f"use `{sound[0]}`")
            return
        if fmt == "milliseconds" and mask != "milliseconds" and not {"milliseconds", "timestamp"} & set(known):
            # the mask and the default poller disagree on the layout (closeio's `SSSZ` and `SSSSSSXXX`), not on the
            # kind: both read a date text, which no record's date is read from as a number
            yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, _read_as_a_number(name, template, f"`{mask}`") +
                              f", and the element's own poller reads its dates of this kind as text too (`{known[0]}`): "
                              "no record's date is read", source=entry.source, pointer=pointer,
                              help=f"a date pattern (the API docs give `{mask}`)")
            return
        sample = None
    if sample is None:
        defaults = sorted(usage.formats.get((template, name), ()))
        if defaults and fmt == mask and all(_misreads_itself(default) for default in defaults):
            return  # the API docs' own mask, where the default poller misreads the field (closeio's `SSSSSS`)
        if defaults:  # the element's own default poller reads this very field: what it reads, the vendor sends
            yield from _against_default(ctx, entry, fmt, defaults, name, zone, template, pointer, usage)
        return
    if mask == fmt:
        return
    problem = _misread(fmt, sample, name, zone, server_zone, _SAMPLE_MS)
    if problem:
        yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`{fmt}` cannot read `{name}` of `GET {template}`, which the "
                          f"API docs give as `{mask}`: {problem}", source=entry.source,
                          pointer=pointer, help=f"use `{mask}`")


_MISREADING = frozenset({"CE401", "CE402", "CE405"})
# A pattern of digits alone (`yyyyMMddHHmmss`), which can read a date written as a number (`20240105102030`)
_DIGITS_ONLY_PATTERN = LazyPattern(r"[yYMdDHhKkmsSuwWF]+")


def _misreads_itself(fmt: str) -> bool:
    """Whether a format misreads the dates it is for by the date rules' own judgement (`SSSSSS`: CE405)."""
    from .dates import format_problems

    return any(problem.rule in _MISREADING for problem in format_problems(fmt))


def _against_default(ctx: Context, entry: Entry, fmt: str, known: list[str], name: str, zone: str, template: str,
                     pointer: str, usage: DefaultUsage) -> Iterator[Finding]:
    """CE912 against the element's default poller: ``fmt`` (in ``zone``) must read a value written in (one of) the
    formats the default poller reads the same field of the same resource with, at the sample instant.  The value
    is written in the zone the default names; where it names none, or a placeholder, in ``zone``: a default that
    leaves the zone out says nothing about it (Zoho's created dates are the account's, not GMT)."""
    server_zone = ctx.options.server_zone
    problems = []
    from ..dates.zones import resolve_zone
    from .dates import format_problems

    for default in known:
        default_zone = usage.zones.get((template, name, default), "")
        if not default_zone or not resolve_zone(default_zone).known:
            # none given, or `{TimeZone}` (the account's, which the body fills in): only the shape is compared
            default_zone = zone
        sample = _sample(default, default_zone)
        if sample is None:
            return
        problem = _misread(fmt, sample, name, zone, server_zone, _SAMPLE_MS)
        if problem is None:
            return  # it reads what one of the default's formats writes
        problems.append((default, sample, problem))
    default, sample, problem = problems[0]
    # a default that misreads the field itself (closeio's `SSSSSS` reads microseconds as milliseconds, CE405) is
    # not advice to give
    flawed = next((p for p in format_problems(default) if p.rule in _MISREADING), None)
    yield ctx.finding(POLLER_DATE_FORMAT_MISMATCH, f"`{fmt}` cannot read `{name}` of `GET {template}` as the "
                      f"element's default poller reads it, with `{default}` (such as {json.dumps(sample)}): {problem}",
                      source=entry.source, pointer=pointer,
                      help=f"use `{default}`, as the default poller does" if flawed is None else
                      f"the default poller's `{default}` misreads it too ({flawed.rule}: {flawed.message}): read the "
                      "field's exact form from the vendor's records")


def _example(api: ApiDocs, url: Any, name: str) -> Any:
    """The first example record's value of field ``name`` in the API docs (as `simulate` finds records), or None."""
    from ..simulate import field_value, records_from_element_docs

    if not isinstance(url, str):
        return None
    records, _ = records_from_element_docs(api, url)
    for record in records:
        found, value, _ = field_value(record, name)
        if found and value is not None:
            return value
    return None


def _sample_value(schema: Any) -> str | None:
    """A field's sample value in the API docs written as a text: a date as the vendor writes it."""
    from ..elements import field_sample

    value = field_sample(schema)
    return value if isinstance(value, str) and value.strip() else None


def _trusted_mask(mask: str) -> bool:
    """A documented mask that reads as a date format.

    Not ``yyyy-mm-dd`` (minutes where the month belongs), not a letter used twice
    (``HH:mm:ss-ss:ss``): such masks are slips in the docs, and comparing with them would cry wolf.
    """
    if mask == "milliseconds":
        return True
    from ..dates.pattern import compile_pattern

    try:
        fields = compile_pattern(mask).fields
    except ValueError:
        return False
    letters = [token.letter for token in fields]
    if len(letters) != len(set(letters)):
        return False
    return not ("y" in letters and "d" in letters and "M" not in letters)


def _has_offset(fmt: str) -> bool:
    """Whether values of ``fmt`` carry their offset or zone (``Z``, ``X``, ``z``)."""
    from ..dates.analysis import ZONE_LETTERS
    from ..dates.pattern import compile_pattern

    try:
        return any(token.letter in ZONE_LETTERS for token in compile_pattern(fmt).fields)
    except ValueError:
        return False


def _sample(mask: str, zone: str) -> str | None:
    """A value in the vendor's documented format: the sample instant rendered with ``mask``."""
    from ..dates.pattern import compile_pattern

    if mask == "milliseconds":
        return str(_SAMPLE_MS)
    try:
        return compile_pattern(mask).format(_SAMPLE_MS, zone)
    except Exception:  # noqa: BLE001 -- a mask Java cannot compile or format says nothing
        return None


def _misread(fmt: str, value: Any, name: str, zone: str, server_zone: str, expected_ms: int | None) -> str | None:
    """Why ``fmt`` misreads ``value`` as the platform reads a record's date (`simulate.read_date`), or None."""
    from ..dates.pattern import format_date
    from ..simulate import Settings, read_date
    from ..dates import SPECIAL_FORMATS

    if expected_ms is not None and value == str(expected_ms) and fmt not in SPECIAL_FORMATS:
        return f"its values are epoch milliseconds (such as {value}): use `milliseconds`"
    read = read_date(value, field_name=name, date_format=fmt, zone=zone, settings=Settings(server_zone=server_zone))
    if read.instant_ms is None:
        return read.problem
    if expected_ms is not None and abs(read.instant_ms - expected_ms) >= 1000:
        shown, wanted = (format_date("yyyy-MM-dd'T'HH:mm:ssXXX", ms, "GMT") for ms in (read.instant_ms, expected_ms))
        return f"{name} {value!r} is read as {shown} instead of {wanted}"
    return None


def _check_where(ctx: Context, entry: Entry, api: ApiDocs, model: Any, where: Any, template: str,
                 used: set[str]) -> Iterator[Finding]:
    """CE913: ``where`` fields the docs do not mark searchable, operators they do not allow."""
    searchable = api.searchable_fields(model)
    operation = api.get_operation(template)
    described = api.query_parameter_text(operation, "where") if operation else ""
    for condition in where.conditions:
        field = condition.field
        name = field.value
        if field.kind not in ("word", "string") or name in used or not name:
            continue
        parts = name.split(".") if field.kind == "word" else [name]
        schema = api.field_schema(model, parts)
        if schema is None:
            continue  # not a record field (a filter of the element's own, such as updated_after)
        marked = schema.get("x-searchable")
        sub = (field.start, field.end)
        if (marked is False or (marked is None and len(parts) == 1 and searchable)) and not _named_in(name, described):
            # (the `where` parameter's own text naming it is the docs' word it filters: Zoho's `'Modified Time'>...`
            # on /cases, HubSpot's `startTime` on /activities)
            near = _nearest(name, searchable) if searchable else None
            said = "mark" if marked is False else "list"
            yield ctx.finding(POLLER_FILTER_FIELD_NOT_SEARCHABLE, f"the API docs of `GET {template}` do not {said} "
                              f"`{name}` searchable: the vendor may reject or ignore this filter",
                              source=entry.source, pointer=entry.child("url"), sub=sub,
                              help=f"did you mean `{near}`?" if near else _searchable_said(searchable or ()),
                              # docs that only leave a field out of their list are no proof: their lists are
                              # incomplete (Zoho's default poller filters on `Modified Time`, which they omit)
                              severity=None if marked is False else "info")
            continue
        allowed = schema.get("x-searchable-operators")
        operator = condition.operator.upper()
        if marked is True and isinstance(allowed, list) and allowed and operator in _COMPARISONS and \
                operator not in {str(a).upper() for a in allowed}:
            yield ctx.finding(POLLER_FILTER_FIELD_NOT_SEARCHABLE, f"`{name}` takes the operators "
                              f"{', '.join(f'`{a}`' for a in allowed)} in the API docs of `GET {template}`, not "
                              f"`{condition.operator}`", source=entry.source, pointer=entry.child("url"), sub=sub,
                              help=f"compare `{name}` with one of those operators, or filter on another field")


_COMPARISONS = frozenset({"=", "!=", "<>", "<", "<=", ">", ">=", "LIKE"})


def _collections_said(api: ApiDocs, written: str) -> str:
    """The help of a poller path the docs lack, with no near one: the record lists they document (a poller polls a
    list: a GET path without a variable), those sharing the most leading segments with the path ``written`` first."""
    segments = written.split("/")

    def shared(path: str) -> int:
        return next((i for i, (a, b) in enumerate(zip(path.split("/"), segments)) if a != b), len(segments))

    lists = sorted((t for t in api.paths if "{" not in t and not api.is_generic(t) and api.get_operation(t)),
                   key=lambda path: (-shared(path), path))
    if not lists:
        return "poll a path the element's API docs list for GET"
    return f"poll a path the element's API docs list for GET: {_first_few(lists)}"


def _searchable_said(searchable: Iterable[str]) -> str:
    """The help of a filter on a field the docs do not mark searchable, with no near name: the ones they mark."""
    fields = sorted(searchable)
    if not fields:
        return "filter on a field the API docs mark searchable (`x-searchable`), or ignore CE913 here"
    return f"filter on a field the API docs mark searchable: {_first_few(fields)}"


def _first_few(names: list[str], shown: int = 6) -> str:
    """The first ``shown`` of ``names`` in backticks, and how many more there are."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(f"`{name}`" for name in names[:shown]) + more


def _named_in(name: str, text: str) -> bool:
    """Whether ``text`` holds ``name`` as a whole name, in its own case (`startTime`, not `startTimes`)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "_")) \
                and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            return True
        start = text.find(name, start + 1)
    return False


def _macro_form(macro: Any, date_format: object, url: str) -> tuple[str, str]:
    """How a macro sends the last poll time: ``("epoch", unit)`` or ``("date", "")``; the legacy ``${date}`` as
    :func:`validator.urls.render.legacy_date_pattern` reads it, by the entry's ``updatedDateFormat``.  Three zeros
    written after an epoch macro make the next unit (`${epoch:s}000` sends milliseconds)."""
    from ..urls.render import legacy_date_pattern

    if macro.kind == "date" and macro.format is None:
        return ("date", "") if legacy_date_pattern(date_format) is not None else ("epoch", "ms")
    if macro.kind in ("epoch", "milliseconds"):
        return "epoch", epoch_unit_sent(url, macro)
    return "date", ""


def _updated_format(entry: object) -> object:
    dates = entry.get("datesConfiguration") if isinstance(entry, dict) else None
    return dates.get("updatedDateFormat") if isinstance(dates, dict) else None


@lru_cache(maxsize=16)
def _default_macros(default_poller: str) -> dict[str, tuple[tuple[str, str], str]]:
    """Each field the element's default poller compares with the last poll time: the form it sends (and the macro
    as written), when every entry comparing that field sends one form."""
    try:
        value = json.loads(default_poller)
    except (ValueError, RecursionError):
        return {}
    forms: dict[str, set[tuple[str, str]]] = {}
    shown: dict[str, str] = {}
    for entry in value.values() if isinstance(value, dict) else ():
        url = entry.get("url") if isinstance(entry, dict) else None
        if not isinstance(url, str) or "${" not in url:
            continue
        template = parse_url_template(url)
        for macro in template.macros:
            field = condition_field(template, macro)
            if field is not None and not macro.uses_now:
                forms.setdefault(field, set()).add(_macro_form(macro, _updated_format(entry), url))
                shown.setdefault(field, macro.text)
    return {field: (next(iter(found)), shown[field]) for field, found in forms.items() if len(found) == 1}


_FORM_SAID = {("epoch", "s"): "epoch seconds", ("epoch", "ms"): "epoch milliseconds",
              ("epoch", "us"): "epoch microseconds", ("date", ""): "a date text"}


def _compare_default_macros(ctx: Context, entry: Entry, url: str, defaults: dict[str, tuple[tuple[str, str], str]],
                            api: ApiDocs | None) -> Iterator[Finding]:
    """CE917 for each field the URL compares with the last poll time in another form than the default poller; a date
    text where the default sends a number is left alone when the API docs' `where` shows a date text (HubSpot's
    `lastModifiedDate>='2014-01-15T00:00:00.000Z'`): the vendor reads both."""
    if not defaults:
        return
    template = parse_url_template(url, server_zone=ctx.options.server_zone)
    summed = {fact.start for fact in template.facts if fact.flaw is Flaw.MACRO_ARITHMETIC}  # CE643's to tell
    for macro in template.macros:
        field = condition_field(template, macro)
        if field is None or macro.uses_now or field not in defaults or macro.start in summed:
            continue
        form, written = defaults[field]
        mine = _macro_form(macro, _updated_format(entry.value), url)
        if mine == form:
            continue
        if mine[0] == "date" and form[0] == "epoch" and _where_shows_a_date(api, template):
            continue
        if mine[0] == form[0] == "epoch":
            effect = ": a factor of " + ("1000" if {mine[1], form[1]} in ({"s", "ms"}, {"ms", "us"}) else "1,000,000") \
                + (", so no record ever matches" if _EPOCH_SCALE[mine[1]] > _EPOCH_SCALE[form[1]]
                   else ", so every record matches on every poll")
        else:
            effect = ": the vendor gets no time it reads as the last poll"
        zeros = thousand_after(url, macro) and macro.kind in ("epoch", "milliseconds")
        sent = macro.text + ("000" if zeros else "")  # (`${epoch:s}000`: the zeros are part of what it sends)
        help = "remove the `000` after the macro" if zeros and written == macro.text else f"write `{written}`"
        said = (f"the URL sends `{field}` the last poll time as {_FORM_SAID.get(mine, mine[0])} (`{sent}`), but the "
                f"element's default poller sends it {_FORM_SAID.get(form, form[0])} (`{written}`){effect}")
        if sent == written:  # the legacy `${date}`, written alike, is printed by each entry's own updatedDateFormat
            said = (f"`{sent}` writes the last poll time by the entry's `updatedDateFormat`: this one sends `{field}` "
                    f"{_FORM_SAID.get(mine, mine[0])}, where the element's default poller, with its own format, sends it "
                    f"{_FORM_SAID.get(form, form[0])}{effect}")
            help = "keep the default poller's `updatedDateFormat` (CE912 names it), or write the macro the vendor reads"
        yield ctx.finding(POLLER_MACRO_DIFFERS_FROM_DEFAULT, said, source=entry.source, pointer=entry.child("url"),
                          sub=(macro.start, macro.end + (3 if zeros else 0)), help=help)


_EPOCH_SCALE = {"s": 1, "ms": 1000, "us": 1_000_000}
# A pattern's `Z` (RFC 822 offset, `-0800`) outside its quotes
_RFC_822_OFFSET = LazyPattern(r"(?<![Z'])Z(?![Z'])(?=(?:[^']*'[^']*')*[^']*$)")
# A date text in the API docs' words on a `where` (`2014-01-15T00:00:00.000Z`, "in ISO8601 format")
_DATE_TEXT_SAID = LazyPattern(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|(?i:\biso[ -]?8601\b)")


def _where_shows_a_date(api: ApiDocs | None, template: Any) -> bool:
    """Whether the API docs of the URL's GET show its `where` taking a date text."""
    from ..elements import hub_relative

    if api is None:
        return False
    documented = api.documented_path(hub_relative(template.path))
    operation = api.get_operation(documented) if documented is not None else None
    return operation is not None and _DATE_TEXT_SAID.search(api.query_parameter_text(operation, "where")) is not None


# What the platform does with an entry key left out (documented): the same as the key written with this value.
_ENTRY_DEFAULTS = {"filterByUpdatedDate": True, "pollDelay": 0}


def _compare_default(ctx: Context, entry: Entry, default: dict[str, Any]) -> Iterator[Finding]:
    differing = [k for k in sorted(set(entry.value) | set(default))
                 if entry.value.get(k, _ENTRY_DEFAULTS.get(k)) != default.get(k, _ENTRY_DEFAULTS.get(k))]
    if not differing:
        return
    # (an exported element's default may carry a credential in its URL: masked as the file's own would be)
    # (what the default has: a key only the entry has, `idFeild`, is not shown as the default's `null`)
    shown = json.dumps({k: url_secrets(v).mask(v) if k == "url" and isinstance(v, str) else v
                        for k, v in ((k, default[k]) for k in differing if k in default)}, ensure_ascii=False)
    if len(shown) > 300:
        shown = shown[:297] + "..."
    yield ctx.finding(POLLER_DIFFERS_FROM_DEFAULT, f"resource `{entry.name}` differs from the element's default poller in "
                      f"{', '.join(f'`{k}`' for k in differing)}", source=entry.source, pointer=entry.pointer,
                      key=True, help=f"the default has {shown}" if any(k in default for k in differing)
                      else f"the default leaves {', '.join(f'`{k}`' for k in differing)} out")
