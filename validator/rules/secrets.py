"""Secrets committed in a file (CE75x).

Instance bodies live in git.  A real client secret, password or token written into one is
readable by everyone who can read the repository, forever (removing it later does not remove it
from the history).  Keep secrets in an environment variable or a secret store and write a
reference that your deployment substitutes (``${SAGE_API_SECRET}``).

**Secret keys** are defined once, in :mod:`validator.vocabulary.secrets` (``oauth.api.secret``,
``signature.secret``, ``apim.subscription.key``, passwords, tokens, ``x-api-key``, ``hmac.key``,
misspelt ones such as ``pasword``, and a documented ``event.*`` secret key misspelt, ``event.notification.signature.kye``,
which CE101 names...); the keys an element's definition types ``PASSWORD`` count
too (with ``--element-docs``).  Masking in every output uses the same definition.  One-time OAuth
values (``providerData.code``, ``oauth_verifier``) are masked but never reported.

**In a URL** (a poller's, a callback's, any string value): a query parameter named as a secret key
(``api_key=``, ``password=``; not a bare ``key=``, which names things as often, nor a one-time ``code=``) and the
password of ``user:password@``.  A key that may be an identifier (``userKey``, ``app_key``) is reported only when
its value reads like a token (16 or more letters and digits).

**Real-looking values.**  A string value of a secret key is reported unless it is empty or blank,
an environment reference (``${NAME}``, ``$NAME``, ``${{ secrets.NAME }}``, ``%NAME%``, ``$(NAME)``, ``#{NAME}``), a
placeholder, a name in braces or brackets (``{apiKey}``, ``[API_KEY]``, ``__API_KEY__``), a sample name, prose
or a mask (CE701/CE702 report those: ``<CLIENT_SECRET>``,
``PIPEDRIVE_API_TOKEN``, ``Your API key``, ``xxxxxxxx``, ``redacted``), ``null``, shorter than 8
characters, or made up for documentation (``fake``, ``dummy``, ``example``, ``s3cr3t``).

* **CE751** `secret-committed` (warning): "secret written in the file: move it to an environment variable
  or secret store (git keeps what is committed)".  The message never shows the value or any part of it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Iterator
from urllib.parse import unquote

from ..findings import Finding
from ..kinds import POLLER_KEY, JsonPath, pointer_of
from ..lazy_pattern import LazyPattern
from ..vocabulary.placeholders import find_placeholders, is_env_reference
from ..masking import committed_url_secrets, misspelt_secret_key, names_a_secret_store, platform_credentials
from ..vocabulary.secrets import is_secret_key, may_be_an_identifier, names_its_key
from .base import Rule

MESSAGE = "secret written in the file: move it to an environment variable or secret store (git keeps what is committed)"
FIX = "replace the value with an environment reference such as `${SECRET_NAME}`, and rotate the secret"

_LEET = str.maketrans("013457$@", "oieastsa")
_DUMMY = LazyPattern(r"fake|dummy|example|sample|changeme|replace[-_ ]?me|removed|redacted|s(?:e|3)cret")
# a console's mask pasted (`•••••`), and a template's reference (ERB's `<%= ENV["X"] %>`)
_MASKED_OR_TEMPLATED = LazyPattern(r"[\u2022\u25cf\u00b7\u2219*]+|<%=?[^%]*%>")
# A value encrypted before it was committed, as the secret's message advises: SOPS' `ENC[AES256_GCM,data:...]`,
# Ansible Vault's `$ANSIBLE_VAULT;1.1;AES256...`
_ENCRYPTED = LazyPattern(r"ENC\[[A-Z0-9_]+,data:[^\]]*\]|\$ANSIBLE_VAULT;\d+\.\d+;[A-Z0-9_]+(?s:.)*")
_ALGORITHM = LazyPattern(r"(?i)(?:hmac[-_ ]?)?(?:sha[-_]?(?:1|2|3|224|256|384|512)(?:[-_/]\d+)?|md5)")
_BRACKETED_NAME = LazyPattern(r"\{\w{1,80}\}|\[\w{1,80}\]|__\w{1,80}__")
_TOKEN = LazyPattern(r"(?=\S*\d)(?=\S*[A-Za-z])\S{16,}")  # letters and digits, no space, 16 or more
# The first characters of what the patterns above match whole: a value is matched only against a pattern it may match
# (most are matched against none).  `ſ` is an `s` to the regex engine, in any case.
_ALGORITHM_STARTS = frozenset("hHsSmM\u017f")
_BRACKETED_STARTS = frozenset("{[_")
_MASKED_STARTS = frozenset("\u2022\u25cf\u00b7\u2219*<")


def is_real_looking(value: str, *, key: str = "") -> bool:
    """Whether ``value`` of a secret key looks like a real secret (not empty, a reference, a placeholder...)."""
    text = value.strip()
    if not text or is_env_reference(text):
        return False
    if find_placeholders(value, credential=True):
        return False
    if text.lower() in ("null", "none", "undefined", "nil"):
        return False
    if names_its_key(text, key):
        return False  # `"quickbase.apptoken": "quickbase.apptoken"`: the key's own name standing for its value
    if len(text) < 8:
        return False  # `123456`, `api1`: documentation dummies; real keys and tokens are longer
    if text[:1] in _ALGORITHM_STARTS and _ALGORITHM.fullmatch(text):
        return False  # `"webhook.hmac": "HmacSHA256"`: the algorithm's name, not its key
    if text[:1] in _BRACKETED_STARTS and _BRACKETED_NAME.fullmatch(text):
        return False  # `{apiKey}`, `[API_KEY]`, `__API_KEY__`: a name standing for the value
    if key and may_be_an_identifier(key) and not _TOKEN.fullmatch(text):
        return False  # `userKey=JIRAUSER10100`: an identifier; a user or app key is a long token
    if _DUMMY.search(text.lower().translate(_LEET)):
        return False  # `fak3AP1-s3Cr3t`, `my-dummy-secret`: made up for the docs
    if text[:1] in _MASKED_STARTS and _MASKED_OR_TEMPLATED.fullmatch(text):
        return False
    if names_a_secret_store(text):
        return False  # `op://Prod/Sage/apim`: where the deployment fetches the secret
    if text[:4] in ("ENC[", "$ANS") and _ENCRYPTED.fullmatch(text):
        return False  # encrypted before it was committed, as advised
    if _in_sequence(text):
        return False  # `0123456789abcdef...`, `aBcDeFgH...`: typed along the keyboard's rows of digits and letters
    if " " in text and re.fullmatch(r"[A-Za-z ,.'()-]+", text) and (
            text.count(" ") >= 2 or re.search(r"(?i)\b(?:password|secret|token|key|code|your|the)\b", text)):
        return False  # prose: a description of what goes here
    return True


_SEQUENCE = "0123456789abcdefghijklmnopqrstuvwxyz"


def _in_sequence(text: str) -> bool:
    """Whether ``text`` is mostly runs of digits and letters in their order (`1234567890abcdef`) or of one of them
    (`00000000-0000-...`, the nil UUID): a dummy, where a random token's neighbours follow or repeat each other one
    time in about 18."""
    lowered = [char for char in text.lower() if char.isascii() and char.isalnum()]
    if len(lowered) < 8:
        return False
    following = sum(1 for a, b in zip(lowered, lowered[1:])
                    if _SEQUENCE.find(b) == _SEQUENCE.find(a) + 1 or a in "9z" and b in "0a" or a == b)
    return following >= 0.8 * (len(lowered) - 1)


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


def _walk(value: Any, extra: frozenset[str]) -> Iterator[tuple[Any, str, str]]:
    """``(path, key, value)`` for every string directly under a secret key, and for every other string that may
    be a URL with a credential in it (key ``""``); also in a stringified poller.  (:func:`validator.kinds.pointer_of`
    gives the pointer of a path: only worked out for a finding.)"""
    for node, path in _objects(value):
        for name, child in node.items():
            if isinstance(child, str) and name != POLLER_KEY:
                if _names_a_secret(name) or name in extra:
                    yield (name, path), name, child
                elif ("=" in child or "@" in child) and ("/" in child or "?" in child or ":\\" in child):
                    yield (name, path), "", child


@lru_cache(maxsize=32768)  # (every member's key is asked: the same keys come back in every body of a batch)
def _names_a_secret(name: str) -> bool:
    """Whether the value of the key ``name`` is a secret CE751 judges: a secret key's, also misspelt."""
    return is_secret_key(name) or _misspells_a_secret_key(name)


def _misspells_a_secret_key(name: str) -> bool:
    """`event.notification.signature.kye`: the secret is committed whatever the key's spelling (CE101 names it)."""
    meant = misspelt_secret_key(name)
    return meant is not None and is_secret_key(meant)


def _objects(value: Any) -> Iterator[tuple[dict[str, Any], JsonPath]]:
    """Every object in ``value`` with its path, also inside a stringified poller configuration."""
    stack: list[tuple[Any, JsonPath]] = [(value, None)]
    while stack:
        node, path = stack.pop()
        if isinstance(node, list):
            stack.extend((child, (index, path)) for index, child in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        yield node, path
        for name, child in node.items():
            if name == POLLER_KEY and isinstance(child, str):
                try:
                    decoded = json.loads(child)
                except (ValueError, RecursionError):
                    decoded = None
                stack.append((decoded, (name, path)))
            elif isinstance(child, (dict, list)):
                stack.append((child, (name, path)))


def check(ctx: Any) -> Iterator[Finding]:
    """CE751 for every real-looking string value of a secret key."""
    stringified = {ref.pointer: source for ref, source in ctx.pollers if ref.stringified}
    extra: frozenset[str] = frozenset()
    if ctx.options.element_docs:  # the element module is loaded only for element docs
        from ..elements import declared_secret_keys

        extra = declared_secret_keys(ctx.options.element_docs, ctx.element)
    for path, key, value in _walk(ctx.value, extra):
        spans: list[tuple[int, int] | None]
        if key:
            spans = [None] if is_real_looking(value, key=key) else []
        else:
            spans = [(start, end) for start, end, name in committed_url_secrets(value)
                     if _real_in_url(value[start:end], name)]
        if not spans:
            continue
        pointer = pointer_of(path)
        source, inner = ctx.source, pointer
        for outer, poller_source in stringified.items():
            if pointer.startswith(outer + "/"):
                source, inner = poller_source, pointer[len(outer):]
        for span in spans:
            yield ctx.finding(SECRET_COMMITTED, MESSAGE, source=source, pointer=inner, sub=span, help=FIX)


def committed_headers(ctx: Any) -> Iterator[Finding]:
    """CE751 for the platform's own credentials in a request's headers written as name/value pairs (a Postman
    collection's `{"key": "Authorization", "value": "User ..., Organization ..."}`), when they look real."""
    for node, path in _objects(ctx.value):
        label, value = node.get("key", node.get("name")), node.get("value")
        if isinstance(label, str) and label.lower() == "authorization" and isinstance(value, str):
            for start, end in platform_credentials(value):
                if is_real_looking(value[start:end]):
                    yield ctx.finding(SECRET_COMMITTED, MESSAGE, pointer=pointer_of(("value", path)), sub=(start, end),
                                      help=FIX)


def _real_in_url(written: str, name: str) -> bool:
    """Whether a URL's credential, as written (percent-encoded, maybe a macro), looks like a real secret."""
    return "${" not in written and is_real_looking(unquote(written), key=name)
