"""Documentation placeholders and masked values left in a body (CE70x).

Bodies copied from documentation keep its placeholders: ``<CLIENT_ID>``,
``<INSERT_INSTANCE_NAME>``, ``<minutes>``, ``{{page.elementKey}}``, ``YOUR_API_KEY``; bodies
committed with their secrets hidden keep the mask (``xxxxxxxxxxxx``, ``********``).  The
platform takes them literally: an instance named ``<INSERT_INSTANCE_NAME>``, an OAuth client
id ``<CLIENT_ID>``, a poll every ``<minutes>``.  Every string of the document is checked,
keys and values, including inside a stringified ``event.poller.configuration``.

Not placeholders, and never reported:

* environment references, which your deployment tooling substitutes: ``${SAGE_API_SECRET}``,
  ``$SAGE_API_SECRET``, ``${{ secrets.SAGE_API_SECRET }}``, Azure Pipelines' ``$(SageApiSecret)``, Octopus'
  ``#{Sage.ApiSecret}``, Helm's ``{{ .Values.sage.apiSecret }}``, and the others
  :mod:`validator.vocabulary.placeholders` lists;
* poller URL macros (``${gmtDate:yyyy-MM-dd}``, ``${epoch}``) and URL path variables (``{id}``);
* HTML tags such as ``<b>`` and comparisons such as ``a < b``;
* a placeholder or mask among the words of a ``description`` (prose for people: ``set <CLIENT_ID> in the
  vault``); a description that is a placeholder as a whole (``<INSERT_DESCRIPTION>``) is reported.

Rules:

* **CE701** `placeholder-unfilled` (warning): an environment reference whose brace never closes
  (``${CLOSEIO_API_KEY``, fixed safely); a documentation placeholder: ``<...>`` (also
  HTML-escaped ``&lt;...&gt;`` and an unclosed ``<INSERT_...``), ``{{...}}``, ``YOUR_API_KEY``-style
  names (``YOUR_``, ``INSERT_``, ``ENTER_``, ``REPLACE_``, ``PUT_``, ``..._HERE``), and, in the value
  of a secret key (see CE751), a name standing for the secret: upper case (``PIPEDRIVE_API_TOKEN``,
  ``PASSWORD``) or sample words (``fake_api_secret``, ``my_secret_password``, ``secret_1234567``).
* **CE702** `masked-value` (warning): a run of four or more ``x`` (``xxxxxxxx``, ``47dxxxxxxxx``), a
  trailing ``-XXX``, a value made only of ``*``, or, for a secret key, ``redacted``/``masked``/``hidden``.

The message never quotes any text of a secret key's value.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator, NamedTuple

from ..findings import Edit, Finding, Fix
from ..lazy_pattern import LazyPattern
from ..kinds import JsonPath, is_dotted_key, pointer_of
from ..masking import url_secrets
from ..urls.pieces import BRACED_MACRO
from ..vocabulary.placeholders import Placeholder, find_placeholders, is_placeholder_value, names_a_type
from ..vocabulary.secrets import is_credential_key, secret_kind
from .base import Rule
from .dates import is_date_mask_key
from .notifications import is_response

PLACEHOLDER_UNFILLED = Rule(
    code="CE701",
    name="placeholder-unfilled",
    severity="warning",
    summary="documentation placeholder left unfilled (<CLIENT_ID>, {{page.elementKey}}, YOUR_API_KEY)",
    description=(
        "A placeholder copied from documentation is sent as it is: the platform gets an OAuth client id "
        "`<CLIENT_ID>` or an element key `{{page.elementKey}}`.  Environment references such as "
        "`${SAGE_API_SECRET}` or `$SAGE_API_SECRET`, poller URL macros and path variables such as `{id}` "
        "are not placeholders.\n\n**Fix:** write the real value, or an environment reference that your "
        "deployment substitutes (`${CLIENT_ID}`)."
    ),
    bad='{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "<CLIENT_ID>", '
        '"oauth.api.secret": "${SAGE_API_SECRET}", '
         '"signature.secret": "${SAGE_SIGNATURE_SECRET}", "apim.subscription.key": "${SAGE_APIM_KEY}"}, '
         '"name": "sage"}',
    good='{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "${SAGE_CLIENT_ID}", '
         '"oauth.api.secret": "${SAGE_API_SECRET}", '
         '"signature.secret": "${SAGE_SIGNATURE_SECRET}", "apim.subscription.key": "${SAGE_APIM_KEY}"}, '
         '"name": "sage"}',
)

MASKED_VALUE = Rule(
    code="CE702",
    name="masked-value",
    severity="warning",
    summary="masked value (xxxxxxxx, ********) where the real value belongs",
    description=(
        "A value masked before the file was committed (`xxxxxxxxxxxx`, `47dxxxxxxxx`, `********`) is sent "
        "as it is: authentication fails.\n\n**Fix:** keep the secret out of the file with an environment "
        "reference (`${SAGE_API_SECRET}`) that your deployment substitutes."
    ),
    bad='{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "${SAGE_CLIENT_ID}", '
        '"oauth.api.secret": "xxxxxxxxxxxxxxxxxxxxxxxx", '
        '"signature.secret": "${SAGE_SIGNATURE_SECRET}", "apim.subscription.key": "${SAGE_APIM_KEY}"}, '
        '"name": "sage"}',
    good='{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "${SAGE_CLIENT_ID}", '
         '"oauth.api.secret": "${SAGE_API_SECRET}", '
         '"signature.secret": "${SAGE_SIGNATURE_SECRET}", "apim.subscription.key": "${SAGE_APIM_KEY}"}, '
         '"name": "sage"}',
)

RULES: list[Rule] = [PLACEHOLDER_UNFILLED, MASKED_VALUE]


_RULES_BY_KIND = {"placeholder": PLACEHOLDER_UNFILLED, "mask": MASKED_VALUE}
_USERNAME_WORDS = frozenset({"username", "user_name", "user", "login", "email", "e_mail"})


def _is_username_key(key: str) -> bool:
    """A username's key: its values are names people pick (`api-user`, `test`), where a client id's sample words
    (`client-id-here`, `my_account_id`) still stand for the value."""
    last = key.rsplit(".", 1)[-1].lower()
    return last in _USERNAME_WORDS or last.endswith(("-username", "_username"))

# Keys whose value is prose for people: a placeholder or mask among its words is named, not left unfilled
_PROSE_KEYS = frozenset({"description", "Description"})
# Keys whose value is a type's name (`"type": "string"`, `"dataType"`, a schema's `"format": "double"`, `"items"`)
_TYPE_KEYS = ("type", "types", "format", "items")
# `${CLOSEIO_API_KEY`: an environment reference whose brace never closes (a URL's `${gmtDate:...` is CE605's)
_UNCLOSED_REFERENCE = LazyPattern(r"\$\{[A-Za-z_][A-Za-z0-9_]*")


def _message(placeholder: Placeholder, *, secret: bool, key: bool) -> tuple[str, str]:
    where = "key" if key else "value"
    if placeholder.kind == "mask":
        return (f"masked {where}: the real value was replaced by a mask, and the platform will send the mask",
                "keep the secret out of the file with an environment reference such as `${NAME}`")
    bracketed = placeholder.text[:1] == "<" and placeholder.text[-1:] == ">" or \
        placeholder.text[:2] == "{{" and placeholder.text[-2:] == "}}"  # shown in excerpts too: it names, holds nothing
    shown = "" if secret and not bracketed else f" `{placeholder.text}`"
    return (f"unfilled placeholder{shown} in this {where}: the platform takes it literally",
            "write the real value, or an environment reference such as `${NAME}` that your deployment "
            "substitutes")


class _Said(NamedTuple):
    """A finding one string draws wherever it stands: its place (pointer, file) is added where it is met."""

    rule: Rule
    message: str
    help: str
    sub: tuple[int, int] | None  # None: the key itself
    fix: Fix | None = None


class _Reading(NamedTuple):
    """What a string draws: its findings, and whether a stringified poller's own copy of it is skipped."""

    skipped: bool
    said: tuple[_Said, ...]


_NOTHING = _Reading(False, ())
_NO_READINGS: dict[str, _Reading] = {}  # (never written: a key whose values were never read)


def _drawing(value: Any, keys: dict[str, _Reading], values: dict[str | None, dict[str, _Reading]]) -> Iterator[
        tuple[JsonPath, bool, _Reading]]:
    """``(path, is_key, reading)`` of every key and string value under ``value`` that draws a finding, in the
    document's order (an object's keys before its values; :func:`validator.kinds.pointer_of` gives the pointer of
    ``path``).  ``keys`` and ``values`` (by the key a value is under, then its text) keep the readings made: keys
    and many values repeat in every poller entry, and are read once."""
    stack: list[tuple[Any, JsonPath, str | None]] = [(value, None, None)]  # containers, and the readings of the
    push, pop = stack.append, stack.pop  # values under them that draw a finding, in the order they are met
    while stack:
        node, here, parent = pop()
        if isinstance(node, _Reading):
            yield here, False, node
        elif isinstance(node, dict):
            items = list(node.items())
            for name, child in reversed(items):
                if isinstance(child, str):
                    reading = values.get(name, _NO_READINGS).get(child) or _value_reading(values, child, name)
                    if reading.said:
                        push((reading, (name, here), name))
                elif isinstance(child, (dict, list)):  # (a number, a boolean or null holds no text)
                    push((child, (name, here), name))
            for name in node:
                reading = keys.get(name) or keys.setdefault(name, _reading(name, name, True))
                if reading.said:
                    yield (name, here), True, reading
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                child = node[index]
                if isinstance(child, str):
                    reading = values.get(parent, _NO_READINGS).get(child) or _value_reading(values, child, parent)
                    if reading.said:
                        push((reading, (index, here), parent))
                elif isinstance(child, (dict, list)):
                    push((child, (index, here), parent))
        elif isinstance(node, str):  # the document itself
            reading = _value_reading(values, node, parent)
            if reading.said:
                yield here, False, reading


def _value_reading(values: dict[str | None, dict[str, _Reading]], text: str, parent: str | None) -> _Reading:
    reading = values.setdefault(parent, {})[text] = _reading(text, parent, False)
    return reading


def _in_credential(text: str, placeholder: Placeholder) -> bool:
    """Whether the placeholder lies in the value of a credential query parameter (``?apiKey=k<SECRET``): its
    text is then part of a secret, and the message does not quote it."""
    return "=" in text and any(start < placeholder.end and placeholder.start < end
                               for start, end in url_secrets(text).spans)


def _documents(ctx: Any) -> Iterator[tuple[Any, Any, set[str]]]:
    """``(source, value, pointers to skip)``: the file, then each decoded stringified poller."""
    skip = {ref.pointer for ref, source in ctx.pollers if ref.stringified and source.value is not None}
    yield ctx.source, ctx.value, skip
    for ref, source in ctx.pollers:
        if ref.stringified and source.value is not None:
            yield source, source.value, set()


def check(ctx: Any) -> Iterator[Finding]:
    """CE701/CE702 over every key and string value of the document."""
    if is_response(ctx.value):
        return  # the platform's answer, shown in documentation: its masks and placeholders are not sent anywhere
    keys: dict[str, _Reading] = {}
    values: dict[str | None, dict[str, _Reading]] = {}
    for source, value, skip in _documents(ctx):
        for path, is_key, (skipped, said) in _drawing(value, keys, values):
            pointer = pointer_of(path)
            if skipped and pointer in skip:
                continue
            for rule, message, help, sub, fix in said:
                yield ctx.finding(rule, message, source=source, pointer=pointer, key=is_key, sub=sub, help=help,
                                  fix=fix)


def _reading(text: str, parent: str | None, is_key: bool) -> _Reading:
    """What ``text`` draws as a key (``is_key``) or as the value of the key ``parent``; a short one is read once
    per process, as the same keys and values come back in every body of a batch (2,100 kinds in 16,500 of 1,000
    corpus bodies)."""
    if len(text) <= _REMEMBERED:
        return _remembered_reading(text, parent, is_key)
    return _read(text, parent, is_key)


_REMEMBERED = 200  # characters (as find_placeholders' own memory)


def _read(text: str, parent: str | None, is_key: bool) -> _Reading:
    credential = not is_key and parent is not None and is_credential_key(parent) \
        and not (parent in ("key", "Key") and is_dotted_key(text))  # a pair's name: `apikey.user.key`
    date_format = not is_key and parent is not None and (parent.endswith("DateFormat") or is_date_mask_key(parent))
    if not is_key and text.startswith("${") and "}" not in text and _UNCLOSED_REFERENCE.fullmatch(text):
        shown = "" if secret_kind(parent or "") is not None else f" `{text}`"
        return _Reading(False, (_Said(PLACEHOLDER_UNFILLED, f"the environment reference{shown} never closes: a deployment "
                             "does not substitute it, and the platform takes it literally", "close it with `}`",
                             (0, len(text)), Fix("close it with `}`", (Edit(len(text), len(text), "}"),), "safe")),))
    identifier = credential and _is_username_key(parent or "")  # `api-user` is a username
    # a company's or client's id, no secret: `ACME-CORP` is one in capitals
    account = credential and not identifier and secret_kind(parent or "") is None
    found = find_placeholders(text, credential=credential, date_format=date_format, identifier=identifier,
                              account=account)
    if not found:
        return _NOTHING
    if not is_key and parent in _PROSE_KEYS and not is_placeholder_value(text):
        return _NOTHING  # `"description": "set <CLIENT_ID> in the vault"`: prose naming a placeholder, for people
    secret = credential and secret_kind(parent or "") is not None
    said: list[_Said] = []
    for placeholder in found:
        typed = names_a_type(placeholder.text)
        if not is_key and parent is not None and parent.lower().endswith(_TYPE_KEYS) and typed \
                and not date_format and "." not in parent:
            # (`"updatedDateFormat": "string"`, `"event.vendor.type": "string"`: a records' date format and a
            # configuration key hold a stand-in, Swagger UI's, never a type)
            continue  # `"type": "string"` (a field mapping's, a schema's): the type itself, no stand-in
        if parent == "url" and placeholder.text[:2] == "{{" and BRACED_MACRO.fullmatch(placeholder.text):
            continue  # `{{gmtDate:...}}` in a poller URL: a macro in the wrong braces, which CE605 reports
        message, fix = _message(placeholder, secret=secret or _in_credential(text, placeholder), key=is_key)
        if date_format and typed:
            fix = ("write the field's SimpleDateFormat pattern (`yyyy-MM-dd'T'HH:mm:ssXXX`), or `milliseconds` "
                   "for epoch milliseconds")
        said.append(_Said(_RULES_BY_KIND[placeholder.kind], message, fix,
                          None if is_key else (placeholder.start, placeholder.end)))
    return _Reading(not is_key, tuple(said))


_remembered_reading = lru_cache(maxsize=16384)(_read)
