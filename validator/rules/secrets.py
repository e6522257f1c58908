"""Secrets committed in a file (CE75x).

Instance bodies live in git.  A real client secret, password or token written into one is
readable by everyone who can read the repository, forever (removing it later does not remove it
from the history).  Keep secrets in an environment variable or a secret store and write a
reference that your deployment substitutes (``${SAGE_API_SECRET}``).

**Secret keys.**  The last dot-separated segment of the key is split into words (``_``, ``-``,
camelCase).  A key is secret when:

* a word is ``password``, ``passwd``, ``pwd`` or ``secret``, or ends so (``user.password``,
  ``confirmpassword``, ``oauth.api.secret``, ``signature.secret``, ``oauth.user.token.secret``,
  ``clientSecret``, ``secret_key``);
* the last word is ``token`` (``token``, ``oauth.user.token``, ``oauth.user.refresh_token``,
  ``access_token``, ``api-token``, ``sfdc.security.token``) or ``apptoken``, ``apitoken``,
  ``authtoken``, ``accesstoken``, ``refreshtoken``, ``tokenaccess``; except pagination cursors and
  request tokens (``since_token``, ``page_token``, ``nextPageToken``, ``requestToken``...);
* the last word is ``apikey`` or ``hapikey`` (``hubspot.authorization.apikey``);
* the last word is ``key`` after ``signature``, ``subscription``, ``encoded``, ``private`` or ``api``
  (the word before it, or the segment before it: ``event.notification.signature.key``,
  ``apim.subscription.key``, ``jwt.base64.encoded.key``, ``private.key``, ``privateKey``, ``api_key``,
  ``brighttalk.api.key``).

Not secret: OAuth client ids (``oauth.api.key``, ``sfdc.api.key``, ``consumer_key``: public
identifiers), names of secrets (``apikey.user.password.keyname``), URLs (``oauth.token.url``),
lifetimes (``oauth.user.refresh_interval``), ids (``token_id``).  ``providerData.code`` (any
``code``, ``oauth_verifier``, ``oauth_token``) is a one-time OAuth value: redacted by reporters,
never reported.  Only string values are checked.

**Real-looking values.**  A string value of a secret key is reported unless it is empty or blank,
an environment reference (``${NAME}``, ``$NAME``, ``${{ secrets.NAME }}``, ``%NAME%``), a
placeholder, a sample name or a mask (CE701/CE702 report those: ``<CLIENT_SECRET>``,
``PIPEDRIVE_API_TOKEN``, ``fake_api_secret``, ``xxxxxxxx``, ``redacted``), ``null``, or prose (a
description such as ``Code on the Return URL`` or ``User's password``).

* **CE751** `secret-committed` (warning): "secret committed in git: move it to an environment variable
  or secret store".  The message never shows the value or any part of it.

``secret_pointers(value)`` lists the JSON pointers of every value reporters must redact.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..findings import Finding
from .base import Rule

MESSAGE = "secret committed in git: move it to an environment variable or secret store"
FIX = "replace the value with an environment reference such as `${SECRET_NAME}`, and rotate the secret"

_ENV_REFERENCE = re.compile(
    r"^\s*(?:\$\{\{\s*[\w.\-]+\s*\}\}|\$\{[A-Za-z_][\w.\-]*(?::-?[^}]*)?\}|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%"
    r"|\{\{\s*(?:env|secrets?|vault)[.:][\w.\-]+\s*\}\})\s*$"
)
_PAGINATION = frozenset({"since", "page", "next", "prev", "previous", "sync", "cursor", "continuation", "delta",
                         "change", "changes", "start", "request"})
_KEY_QUALIFIERS = frozenset({"signature", "subscription", "encoded", "private", "api"})
_CLIENT_IDS = frozenset({"oauth.api.key", "sfdc.api.key"})
_ONE_TIME = frozenset({"code", "oauth_verifier", "oauth_token", "requesttoken", "request_token"})


def _words(segment: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", segment)
    return [w for w in re.split(r"[_\-\s]+", spaced.lower()) if w]


@lru_cache(maxsize=4096)
def is_secret_key(key: str) -> bool:
    """Whether a configuration key holds a secret (see the module documentation for the list)."""
    if not isinstance(key, str) or not key or key.lower() in _CLIENT_IDS:
        return False
    segments = key.split(".")
    if segments[-1].lower() in _ONE_TIME:
        return False
    words = _words(segments[-1])
    if not words:
        return False
    if any(w in ("password", "passwd", "pwd", "secret") or w.endswith(("password", "secret")) for w in words):
        return True
    last = words[-1]
    before = words[-2] if len(words) > 1 else (segments[-2].lower() if len(segments) > 1 else "")
    if last in ("token", "apptoken", "apitoken", "authtoken", "accesstoken", "refreshtoken", "tokenaccess"):
        return before not in _PAGINATION
    if last in ("apikey", "hapikey"):
        return True
    if last == "key":
        return before in _KEY_QUALIFIERS and "consumer" not in words
    return False


_LEET = str.maketrans("013457$@", "oieastsa")
_DUMMY = re.compile(r"fake|dummy|example|sample|changeme|s(?:e|3)cret")


def is_real_looking(value: str, *, key: str = "") -> bool:
    """Whether ``value`` of a secret key looks like a real secret (not empty, a reference, a placeholder...)."""
    from .placeholders import find_placeholders

    text = value.strip()
    if not text or _ENV_REFERENCE.match(text):
        return False
    if find_placeholders(value, secret=True):
        return False
    if text.lower() in ("null", "none", "undefined", "nil"):
        return False
    if len(text) < 8:
        return False  # `123456`, `api1`: documentation dummies; real keys and tokens are longer
    if _DUMMY.search(text.lower().translate(_LEET)):
        return False  # `fak3AP1-s3Cr3t`, `my-dummy-secret`: made up for the docs
    if " " in text and re.fullmatch(r"[A-Za-z ,.'()-]+", text) and (
            text.count(" ") >= 2 or re.search(r"(?i)\b(?:password|secret|token|key|code|your|the)\b", text)):
        return False  # prose: a description of what goes here
    return True


SECRET_COMMITTED = Rule(
    code="CE751",
    name="secret-committed",
    severity="warning",
    summary="real-looking secret committed in the file",
    description=(
        "The value of a secret key (`oauth.api.secret`, `signature.secret`, `apim.subscription.key`, "
        "passwords, tokens, private keys) is written in the file, and these files live in git: anyone who "
        "can read the repository can read the secret, also after it is removed.  Placeholders, masks, "
        "empty values and environment references (`${SAGE_API_SECRET}`) are not reported; "
        "`providerData.code` is a one-time grant code and is not reported either.\n\n"
        "**Fix:** write an environment reference that your deployment substitutes, e.g. "
        "`\"oauth.api.secret\": \"${SAGE_API_SECRET}\"`, and rotate the secret that was committed."
    ),
    bad='{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "${SAGE_CLIENT_ID}", '
        '"oauth.api.secret": "q8Zr2LmX0vTe5NwB7yKc", '
        '"signature.secret": "${SAGE_SIGNATURE_SECRET}", "apim.subscription.key": "${SAGE_APIM_KEY}"}, '
        '"name": "sage"}',
    good='{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "${SAGE_CLIENT_ID}", '
         '"oauth.api.secret": "${SAGE_API_SECRET}", '
         '"signature.secret": "${SAGE_SIGNATURE_SECRET}", "apim.subscription.key": "${SAGE_APIM_KEY}"}, '
         '"name": "sage"}',
)

RULES: list[Rule] = [SECRET_COMMITTED]


def _walk(value: Any, pointer: str, extra: frozenset[str]) -> Iterator[tuple[str, str, Any, str]]:
    """``(pointer, key, value, kind)`` for every scalar under a secret key; kind is "secret" or "grant"."""
    import json

    from ..kinds import POLLER_KEY, escape_pointer_token

    stack: list[tuple[Any, str, str | None]] = [(value, pointer, None)]
    while stack:
        node, here, parent_key = stack.pop()
        if isinstance(node, dict):
            for name, child in reversed(list(node.items())):
                child_pointer = f"{here}/{escape_pointer_token(name)}"
                if isinstance(child, (dict, list)):
                    stack.append((child, child_pointer, name))
                    continue
                if name == POLLER_KEY and isinstance(child, str):
                    try:
                        decoded = json.loads(child)
                    except (ValueError, RecursionError):
                        decoded = None
                    if isinstance(decoded, (dict, list)):
                        stack.append((decoded, child_pointer, name))
                    continue
                if child is None or isinstance(child, bool):
                    continue
                if is_secret_key(name) or name in extra:
                    yield child_pointer, name, child, "secret"
                elif name.lower() in _ONE_TIME:
                    yield child_pointer, name, child, "grant"
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                stack.append((node[index], f"{here}/{index}", parent_key))


def secret_pointers(value: Any, *, extra_keys: Iterable[str] = ()) -> list[str]:
    """JSON pointers of every value a reporter must redact in document ``value``.

    The values of secret keys (whatever they hold), of ``extra_keys`` (e.g. the keys an element
    definition types ``PASSWORD``) and of one-time OAuth values (``providerData.code``,
    ``oauth_verifier``...).  Inside a stringified ``event.poller.configuration`` the pointer goes
    on into the decoded document (``/configuration/event.poller.configuration/contacts/...``).
    """
    return [pointer for pointer, _key, _value, _kind in _walk(value, "", frozenset(extra_keys))]


def check(ctx: Any) -> Iterator[Finding]:
    """CE751 for every real-looking string value of a secret key."""
    from ..elements import declared_secret_keys

    stringified = {ref.pointer: source for ref, source in ctx.pollers if ref.stringified}
    extra = declared_secret_keys(ctx.options.element_docs, ctx.options.element or ctx.element_key)
    for pointer, key, value, kind in _walk(ctx.value, "", extra):
        if kind != "secret" or not isinstance(value, str) or not is_real_looking(value, key=key):
            continue
        source, inner = ctx.source, pointer
        for outer, poller_source in stringified.items():
            if pointer.startswith(outer + "/"):
                source, inner = poller_source, pointer[len(outer):]
        yield ctx.finding(SECRET_COMMITTED, MESSAGE, source=source, pointer=inner, help=FIX)
