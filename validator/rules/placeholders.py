"""Documentation placeholders and masked values left in a body (CE70x).

Bodies copied from documentation keep its placeholders: ``<CLIENT_ID>``,
``<INSERT_INSTANCE_NAME>``, ``<minutes>``, ``{{page.elementKey}}``, ``YOUR_API_KEY``; bodies
committed with their secrets hidden keep the mask (``xxxxxxxxxxxx``, ``********``).  The
platform takes them literally: an instance named ``<INSERT_INSTANCE_NAME>``, an OAuth client
id ``<CLIENT_ID>``, a poll every ``<minutes>``.  Every string of the document is checked,
keys and values, including inside a stringified ``event.poller.configuration``.

Not placeholders, and never reported:

* environment references, which your deployment tooling substitutes: ``${SAGE_API_SECRET}``,
  ``$SAGE_API_SECRET``, ``${{ secrets.SAGE_API_SECRET }}``;
* poller URL macros (``${gmtDate:yyyy-MM-dd}``, ``${epoch}``) and URL path variables (``{id}``);
* HTML tags such as ``<b>`` and comparisons such as ``a < b``.

Rules:

* **CE701** `placeholder-unfilled` (warning): a documentation placeholder: ``<...>`` (also
  HTML-escaped ``&lt;...&gt;`` and an unclosed ``<INSERT_...``), ``{{...}}``, ``YOUR_API_KEY``-style
  names (``YOUR_``, ``INSERT_``, ``ENTER_``, ``REPLACE_``, ``PUT_``, ``..._HERE``), and, in the value
  of a secret key (see CE751), a name standing for the secret: upper case (``PIPEDRIVE_API_TOKEN``,
  ``PASSWORD``) or sample words (``fake_api_secret``, ``my_secret_password``, ``secret_1234567``).
* **CE702** `masked-value` (warning): a run of four or more ``x`` (``xxxxxxxx``, ``47dxxxxxxxx``), a
  trailing ``-XXX``, a value made only of ``*``, or, for a secret key, ``redacted``/``masked``/``hidden``.

The message never quotes any text of a secret key's value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from ..findings import Finding
from .base import Rule
from . import rule_for

_HTML_TAGS = frozenset(
    "a abbr b big blockquote body br caption center code dd del div dl dt em font form h1 h2 h3 h4 h5 h6 head "
    "hr html i img input ins kbd label li link meta ol option p pre q s script select small span strike strong "
    "style sub sup table tbody td textarea tfoot th thead title tr tt u ul var".split()
)

_ANGLE = re.compile(r"<(?P<body>[A-Za-z_{][^<>'\"=$\n]{0,118}?)(?<!\s)>")
_ESCAPED_ANGLE = re.compile(r"&lt;(?P<body>[A-Za-z_{][^<>&'\"=\n]{0,118}?)&gt;")
_UNCLOSED_ANGLE = re.compile(r"<(?P<body>[A-Z][A-Z0-9_]{3,})(?![A-Za-z0-9_>])")
_MUSTACHE = re.compile(r"(?<!\$)\{\{[^{}\n]{1,120}\}\}")
_NAME = re.compile(r"(?<![A-Za-z0-9_$])(?:(?:YOUR|INSERT|ENTER|REPLACE|PUT)_[A-Z0-9_]*[A-Z0-9]"
                   r"|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_HERE)(?![A-Za-z0-9_])"
                   r"|(?<![A-Za-z0-9_$])your[-_][a-z][a-z0-9_-]*[a-z0-9]")
_X_MASK = re.compile(r"x{4,}|X{4,}|(?<=[-_.:/])(?:xxx|XXX)$")
_STAR_MASK = re.compile(r"^\*{4,}$")
_CAPS_NAME = re.compile(r"^[A-Z]+(?:[_. -][A-Z]+)*!?$")
_CAPS_WORDS = re.compile(r"PASSWORD|SECRET|TOKEN|KEY|CODE|USER|API")
_NAME_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_. -][A-Za-z0-9]+)*")
_SAMPLE_WORDS = frozenset({"secret", "password", "passwd", "pass", "pwd", "token", "key", "apikey", "api", "client",
                           "my", "your", "sample", "example", "test", "fake", "dummy", "changeme", "string", "value"})
_MASK_WORDS = frozenset({"redacted", "<redacted>", "[redacted]", "masked", "hidden", "removed", "[filtered]"})


def _is_sample_name(text: str) -> bool:
    """Whether the value of a secret key is a name standing for the secret (``PIPEDRIVE_API_TOKEN``,
    ``fake_api_secret``, ``password``) rather than a secret."""
    if len(text) < 4:
        return False
    if _CAPS_NAME.match(text) and (re.search(r"[_. -]", text) or _CAPS_WORDS.search(text)):
        return True
    if not _NAME_WORDS.fullmatch(text):
        return False
    words = [w.lower() for w in re.split(r"[_. -]+", text)]
    return any(w in _SAMPLE_WORDS for w in words) and not any(
        len(w) >= 8 and re.search(r"\d", w) and re.search(r"[a-z]", w) for w in words)
# A cheap test first: a string without any of these holds no placeholder (secret values aside).
_TRIGGER = re.compile(r"<|&lt;|\{\{|_HERE|YOUR_|INSERT_|ENTER_|REPLACE_|PUT_|your[-_]|xxx|XXX|^\*")
# Spans that are never placeholders: environment references and URL macros.
_PROTECTED = re.compile(r"\$\{\{[^{}]*\}\}|\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|(?<![A-Za-z0-9_])\$[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder in a string: ``[start, end)``, its ``kind`` (rule code) and ``text``."""

    start: int
    end: int
    rule: str
    text: str


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


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def find_placeholders(text: str, *, secret: bool = False, date_format: bool = False) -> list[Placeholder]:
    """Every placeholder and mask in ``text``, left to right, without overlaps.

    ``secret``: ``text`` is the value of a secret key (upper-case names count as placeholders);
    ``date_format``: ``text`` is a date pattern (``XXXX`` is an offset field there, not a mask).
    Strings longer than 100,000 characters are not searched.
    """
    if not text or len(text) > 100_000 or not (secret or _TRIGGER.search(text)):
        return []
    return list(_find(text, secret, date_format))


@lru_cache(maxsize=8192)
def _find(text: str, secret: bool, date_format: bool) -> tuple[Placeholder, ...]:
    taken: list[tuple[int, int]] = [m.span() for m in _PROTECTED.finditer(text)]
    found: list[Placeholder] = []

    def add(start: int, end: int, rule: str) -> None:
        if not _overlaps(start, end, taken):
            taken.append((start, end))
            found.append(Placeholder(start, end, rule, text[start:end]))

    for pattern in (_ANGLE, _ESCAPED_ANGLE):
        for m in pattern.finditer(text):
            body = m.group("body")
            if body.lower().split(" ")[0] in _HTML_TAGS and (body.islower() or len(body) <= 2):
                continue
            add(m.start(), m.end(), "CE701")
    for pattern in (_UNCLOSED_ANGLE, _MUSTACHE, _NAME):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), "CE701")
    if secret and _is_sample_name(text):
        add(0, len(text), "CE701")
    if secret and text.strip().lower() in _MASK_WORDS:
        add(0, len(text), "CE702")
    if not date_format:
        for m in _X_MASK.finditer(text):
            add(m.start(), m.end(), "CE702")
    if _STAR_MASK.match(text):
        add(0, len(text), "CE702")
    return tuple(sorted(found, key=lambda p: p.start))


def _message(placeholder: Placeholder, *, secret: bool, key: bool) -> tuple[str, str]:
    where = "key" if key else "value"
    if placeholder.rule == "CE702":
        return (f"masked {where}: the real value was replaced by a mask, and the platform will send the mask",
                "keep the secret out of the file with an environment reference such as `${NAME}`")
    shown = "" if secret else f" `{placeholder.text}`"
    return (f"unfilled placeholder{shown} in this {where}: the platform takes it literally",
            "write the real value, or an environment reference such as `${NAME}` that your deployment "
            "substitutes")


def iter_strings(value: Any, pointer: str = "") -> Iterator[tuple[str, str, bool, str | None]]:
    """``(pointer, text, is_key, parent_key)`` for every key and string value under ``value``."""
    from ..kinds import escape_pointer_token

    stack: list[tuple[Any, str, str | None]] = [(value, pointer, None)]
    while stack:
        node, here, parent = stack.pop()
        if isinstance(node, str):
            yield here, node, False, parent
        elif isinstance(node, dict):
            items = list(node.items())
            for name, child in reversed(items):
                child_pointer = f"{here}/{escape_pointer_token(name)}"
                stack.append((child, child_pointer, name))
            for name, _child in items:
                yield f"{here}/{escape_pointer_token(name)}", name, True, name
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                stack.append((node[index], f"{here}/{index}", parent))


def _documents(ctx: Any) -> Iterator[tuple[Any, Any, set[str]]]:
    """``(source, value, pointers to skip)``: the file, then each decoded stringified poller."""
    skip = {ref.pointer for ref, source in ctx.pollers if ref.stringified and source.value is not None}
    yield ctx.source, ctx.value, skip
    for ref, source in ctx.pollers:
        if ref.stringified and source.value is not None:
            yield source, source.value, set()


def check(ctx: Any) -> Iterator[Finding]:
    """CE701/CE702 over every key and string value of the document."""
    from .notifications import is_response
    from .secrets import is_secret_key

    response = is_response(ctx.value)  # the platform's own answer masks secrets itself
    for source, value, skip in _documents(ctx):
        for pointer, text, is_key, parent in iter_strings(value):
            if pointer in skip and not is_key:
                continue
            secret = not is_key and parent is not None and is_secret_key(parent)
            date_format = not is_key and parent is not None and parent.endswith("DateFormat")
            for placeholder in find_placeholders(text, secret=secret, date_format=date_format):
                if response and placeholder.rule == "CE702":
                    continue
                message, fix = _message(placeholder, secret=secret, key=is_key)
                if is_key:
                    yield ctx.finding(rule_for(placeholder.rule), message, source=source, pointer=pointer, key=True, help=fix)
                else:
                    yield ctx.finding(rule_for(placeholder.rule), message, source=source, pointer=pointer,
                                      sub=(placeholder.start, placeholder.end), help=fix)
