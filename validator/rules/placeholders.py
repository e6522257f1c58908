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

from typing import Any, Iterator

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


def iter_strings(value: Any) -> Iterator[tuple[JsonPath, str, bool, str | None]]:
    """``(path, text, is_key, parent_key)`` for every key and string value under ``value``
    (:func:`validator.kinds.pointer_of` gives the pointer of ``path``)."""
    stack: list[tuple[Any, JsonPath, str | None]] = [(value, None, None)]
    while stack:
        node, here, parent = stack.pop()
        if isinstance(node, str):
            yield here, node, False, parent
        elif isinstance(node, dict):
            items = list(node.items())
            for name, child in reversed(items):
                stack.append((child, (name, here), name))
            for name, _child in items:
                yield (name, here), name, True, name
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                stack.append((node[index], (index, here), parent))


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
    # keys and many values repeat in every poller entry: each (text, how it is read) is searched once
    searched: dict[tuple[str, bool, bool, bool, bool], list[Placeholder]] = {}
    for source, value, skip in _documents(ctx):
        for path, text, is_key, parent in iter_strings(value):
            credential = not is_key and parent is not None and is_credential_key(parent) \
                and not (parent in ("key", "Key") and is_dotted_key(text))  # a pair's name: `apikey.user.key`
            date_format = not is_key and parent is not None and (parent.endswith("DateFormat")
                                                                 or is_date_mask_key(parent))
            if not is_key and text.startswith("${") and "}" not in text and _UNCLOSED_REFERENCE.fullmatch(text):
                shown = "" if secret_kind(parent or "") is not None else f" `{text}`"
                yield ctx.finding(PLACEHOLDER_UNFILLED, f"the environment reference{shown} never closes: a deployment "
                                  "does not substitute it, and the platform takes it literally",
                                  source=source, pointer=pointer_of(path), sub=(0, len(text)),
                                  help="close it with `}`",
                                  fix=Fix("close it with `}`", (Edit(len(text), len(text), "}"),), "safe"))
                continue
            identifier = credential and _is_username_key(parent or "")  # `api-user` is a username
            # a company's or client's id, no secret: `ACME-CORP` is one in capitals
            account = credential and not identifier and secret_kind(parent or "") is None
            found = searched.get((text, credential, date_format, identifier, account))
            if found is None:
                found = searched[text, credential, date_format, identifier, account] = find_placeholders(
                    text, credential=credential, date_format=date_format, identifier=identifier, account=account)
            if not found:
                continue
            if not is_key and parent in _PROSE_KEYS and not is_placeholder_value(text):
                continue  # `"description": "set <CLIENT_ID> in the vault"`: prose naming a placeholder, for people
            pointer = pointer_of(path)
            if pointer in skip and not is_key:
                continue
            secret = credential and secret_kind(parent or "") is not None
            for placeholder in found:
                typed = names_a_type(placeholder.text)
                if not is_key and parent is not None and parent.lower().endswith(_TYPE_KEYS) and typed \
                        and not date_format and "." not in parent:
                    # (`"updatedDateFormat": "string"`, `"event.vendor.type": "string"`: a records' date format and a
                    # configuration key hold a stand-in, Swagger UI's, never a type)
                    continue  # `"type": "string"` (a field mapping's, a schema's): the type itself, no stand-in
                if parent == "url" and placeholder.text[:2] == "{{" and BRACED_MACRO.fullmatch(placeholder.text):
                    continue  # `{{gmtDate:...}}` in a poller URL: a macro in the wrong braces, which CE605 reports
                rule = _RULES_BY_KIND[placeholder.kind]
                message, fix = _message(placeholder, secret=secret or _in_credential(text, placeholder), key=is_key)
                if date_format and typed:
                    fix = ("write the field's SimpleDateFormat pattern (`yyyy-MM-dd'T'HH:mm:ssXXX`), or `milliseconds` "
                           "for epoch milliseconds")
                if is_key:
                    yield ctx.finding(rule, message, source=source, pointer=pointer, key=True, help=fix)
                else:
                    yield ctx.finding(rule, message, source=source, pointer=pointer,
                                      sub=(placeholder.start, placeholder.end), help=fix)
