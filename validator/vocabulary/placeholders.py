"""Placeholders: documentation text standing for a value, masks, and environment references.

The one recogniser every layer uses (kinds, schemas, the JSON syntax diagnosis, the placeholder,
secret and notification rules, masking).  What counts:

* ``<CLIENT_ID>`` (also HTML-escaped ``&lt;...&gt;`` and an unclosed ``<INSERT_...``), ``{{page.elementKey}}``,
  ``YOUR_API_KEY``-style names (``YOUR_``, ``INSERT_``, ``ENTER_``, ``REPLACE_``, ``PUT_``, ``..._HERE``);
* in the value of a key holding a credential or an account id (a secret, a client id, a username,
  ``providerData.code``): a name standing for it (``PIPEDRIVE_API_TOKEN``, ``fake_api_secret``) and prose
  describing it (``Your API key``, ``Code on Return the URL``), also in square brackets or braces (``[CLIENT_ID]``,
  ``{APIM_KEY}``);
* masks: four or more ``x`` (``xxxxxxxx``, ``47dxxxxxxxx``; not a word's own, ``boxxxxed``), only ``*``, and for
  a credential a trailing ``-XXX`` and ``redacted``/``masked``/``hidden``.

Never placeholders: environment references, which a deployment or a client substitutes (``${SAGE_API_SECRET}``,
``$SAGE_API_SECRET``, ``${{ secrets.X }}``, ``%X%``, ``{{env.X}}``; Azure Pipelines' ``$(X)``, Octopus' and the
Replace Tokens task's ``#{X}`` and ``#{X}#`` (and ``__X__``), Maven's ``@x@``, ERB's and EJS's ``<%= x %>``,
PowerShell's ``$($env:X)``, Helm's ``{{ .Values.x }}``, an HTTP client's
``{{$dotenv X}}`` and ``{{$processEnv X}}``, CloudFormation's ``{{resolve:ssm:name}}``), poller URL macros
(``${gmtDate:...}``), path variables (``{id}``), HTML tags and comparisons (``a < b``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Literal, NamedTuple

from ..lazy_pattern import LazyPattern

__all__ = ["ENV_REFERENCE", "Placeholder", "PlaceholderKind", "contains_env_reference", "find_placeholders",
           "is_env_reference", "is_placeholder_value", "is_prose", "names_a_type", "names_a_variable",
           "placeholder_at", "secret_in_brackets"]

PlaceholderKind = Literal["placeholder", "mask"]

# The references that tools substitute as they deploy or send a body, other than `${NAME}` (read apart: its
# default), each written anywhere in a value: Azure Pipelines' `$(Name)`, Octopus' `#{Name}` (the Replace Tokens
# task's `#{Name}#`), PowerShell's `$($env:NAME)`, Helm's `{{ .Values.name }}` (piped to functions, but with no
# literal: `| default "..."` may hold the secret itself), REST Client's `{{$dotenv NAME}}`, Ansible's
# `{{ lookup('env', 'NAME') }}`, CloudFormation's `{{resolve:secretsmanager:id:SecretString:key}}`.  (Possessive runs:
# a hostile value is read once, not once per way of splitting its blanks.)
# Ansible's lookup of a variable by its name (`{{ lookup('env', 'SAGE_KEY') }}`, a store's `'secret=kv/sage:key'`):
# names only, no default
_LOOKUP = r"\{\{-?[ \t]*+lookup\([ \t]*+['\"][\w.]++['\"][ \t]*+,[ \t]*+['\"][\w.\-/:=]++['\"][ \t]*+\)[ \t]*+-?\}\}"
# CloudFormation's dynamic reference, which it resolves as it deploys the template holding the body
_RESOLVE = r"\{\{resolve:(?:ssm|ssm-secure|secretsmanager):[\w.\-/:+=@]++\}\}"
# ERB's and EJS's output tag naming a variable (`<%= callback_url %>`, `<%= @url %>`, `<%- url %>`), an environment's
# (`<%= ENV['SAGE_KEY'] %>`, `<%= ENV.fetch('K') %>`, `<%= process.env.K %>`) or Chef's attribute (`<%= node['a']['b'] %>`):
# names only, no literal (`<%= "secret" %>` may hold the secret itself)
_ERB = r"<%[=\-][ \t]*+@?[A-Za-z_][\w.]*+(?:\[['\"][\w.\-]++['\"]\]|\(['\"][\w.\-]++['\"]\))*[ \t]*+-?%>"
# Maven's resource filtering (`@callback.url@`: letters only, as `@Summer2024@` may be a password written so) and the
# token-replacing tasks' `__NAME__` (upper-case words)
_FILTERED = r"@[A-Za-z_][A-Za-z_.\-]*+@|__[A-Z](?>(?:[A-Z0-9]|_(?!_))*)__"
_TOOL_REFERENCE = (_FILTERED + r"|\$\([A-Za-z_][\w.\-]*+\)|#\{[A-Za-z_][\w.\-\[\] ]*+\}#?|\$\([ \t]*+\$(?:env:)?[A-Za-z_][\w.:]*+[ \t]*+\)"
                   r"|\{\{-?[ \t]*+\.[A-Za-z_][\w.]*+(?:[ \t]*+\|[ \t]*+[A-Za-z_]\w*+(?:[ \t]++[\w.$]++)*+)*+[ \t]*+-?\}\}"
                   r"|\{\{[ \t]*+\$(?:dotenv|processEnv)[ \t]++%?[\w.\-]++[ \t]*+\}\}"
                   r"|" + _LOOKUP + "|" + _RESOLVE + "|" + _ERB)
# The name a tool's reference holds (`SageClientSecret` of `$(SageClientSecret)`)
_TOOL_NAME = re.compile(r"[^A-Za-z_]*+(?:env:|dotenv[ \t]+|processEnv[ \t]+%?)?(?P<name>[A-Za-z_][\w.\-\[\]]*+)")

#: A whole value that names an environment variable or a CI secret, which deployment substitutes.
ENV_REFERENCE = re.compile(
    r"^\s*(?:\$\{\{\s*[\w.\-]+\s*\}\}|\$\{[A-Za-z_][\w.\-]*(?::-?[^}]*)?\}|\$(?:env:)?[A-Za-z_]\w*|%[A-Za-z_]\w*%"
    r"|\{\{\s*(?:env|secrets?|vault)[.:][\w.\-]+\s*\}\}|" + _TOOL_REFERENCE + r")\s*$"
)
# Prose standing for a value: "Your API key", "Code on Return the URL", "<the user's password>".
_PROSE = LazyPattern(r"[A-Za-z][A-Za-z ,.'()/-]*")
_PROSE_WORDS = LazyPattern(r"(?i)\b(?:your|enter|insert|paste|put|here|goes|password|secret|token|key|code"
                          r"|url|returned?|value|id|api|client|user(?:name)?|account|app|from|see|set|same|given"
                          r"|provided?|fill|replace|later|tbd|todo|placeholder|dummy|sample|example)\b")


# (a bare `$NAME` only where a value starts, `$CALLBACK_BASE/hooks`: elsewhere `$filter` is an OData parameter; a
# default holds braces only paired, `${X:-${Y}}`, so each of a hostile run of `${a:` reads up to the next, not to
# the line's end: linear)
_ENV_INSIDE = re.compile(r"\$\{\{\s*[\w.\-]+\s*\}\}|\$\{[A-Za-z_][\w.\-]*(?::-?(?:[^{}\n]|\{[^{}\n]*\})*)?\}|\A[ \t]*\$(?:env:)?[A-Za-z_]\w*(?![\w(])|"
                         + _TOOL_REFERENCE)


def contains_env_reference(text: str) -> bool:
    """Whether ``text`` holds an environment reference anywhere (``https://${HOST}/callback``), or starts with a bare
    one (``$CALLBACK_BASE/hooks``)."""
    return _ENV_INSIDE.search(text) is not None


def placeholder_at(text: str, start: int) -> int | None:
    """The end of a placeholder or environment reference written at ``start`` of raw text, else ``None``.

    For a value left unquoted in a JSON document (``"key": <CLIENT_ID>``, ``"key": ${SECRET}``).
    """
    newline = text.find("\n", start)
    segment = text[start:newline if newline != -1 else len(text)][:300]
    env = _ENV_INSIDE.match(segment)
    if env is not None:
        return start + env.end()
    first = next(iter(find_placeholders(segment)), None)
    return start + first.end if first is not None and first.start == 0 else None


def is_env_reference(text: str) -> bool:
    """Whether ``text`` is an environment reference as a whole (``${NAME}``, ``$NAME``, ``${{ secrets.NAME }}``,
    ``$(NAME)``, ``#{NAME}``: see the module documentation).  A tool's form holding no variable's name but a value
    (`$(summer2024rain)`: digits in one lower-case word) is not one: it may be the secret itself, written so."""
    if ENV_REFERENCE.match(text) is None:
        return False
    stripped = text.strip()
    if stripped[:2] not in ("$(", "#{", "{{"):
        return True
    name = _TOOL_NAME.match(stripped)
    return name is None or names_a_variable(name.group("name"))


def names_a_variable(name: str) -> bool:
    """Whether a name reads as a variable's (`Sage.ApiKey`, `SAGE_KEY_2`, `sageApiKey2`), not as a value written in a
    tool's brackets (`summer2024rain`: digits in one lower-case word)."""
    return not (name.isalnum() and name.islower() and any(char.isdigit() for char in name))


def is_prose(text: str) -> bool:
    """Whether ``text`` is a description of a value rather than a value (``Code on Return the URL``).

    Words and spaces only, two or more, one of them a word that describes: *your*, *enter*, *here*, *key*,
    *code*, *password*.  (Not any three words: a passphrase, `correct horse battery staple`, is a password.)  Only
    meaningful for keys whose value is a token, an id or a URL.
    """
    stripped = text.strip()
    if " " not in stripped or not _PROSE.fullmatch(stripped):
        return False
    return _PROSE_WORDS.search(stripped) is not None


def is_placeholder_value(text: str, *, credential: bool = False) -> bool:
    """Whether the whole of ``text`` is placeholders, masks or an environment reference (and blanks).

    The test every layer uses to leave a value to the placeholder rules (CE70x): a schema type
    error, a stringified poller that is ``<SEE_BELOW>``, a value reporters may show.
    """
    if not text.strip():
        return False
    if is_env_reference(text):
        return True
    found = find_placeholders(text, credential=credential)
    covered = sum(p.end - p.start for p in found)
    return bool(found) and covered >= len(text.strip())


_HTML_TAGS = frozenset(
    "a abbr b big blockquote body br caption center code dd del div dl dt em font form h1 h2 h3 h4 h5 h6 head "
    "hr html i img input ins kbd label li link meta ol option p pre q s script select small span strike strong "
    "style sub sup table tbody td textarea tfoot th thead title tr tt u ul var".split()
)

# (a name in any script: a German or Japanese page writes `<Überweisungs-ID>`, `<クライアントシークレット>`)
_ANGLE = re.compile(r"<(?P<body>(?:[^\W\d]|\{)[^<>'\"=$\n]{0,118}?)(?<!\s)>")
_ESCAPED_ANGLE = re.compile(r"&lt;(?P<body>(?:[^\W\d]|\{)[^<>&'\"=\n]{0,118}?)&gt;")
# In a credential's value, what no placeholder's name holds: a password's signs (`<Zx9!Pass>`, `{{uGmQ$9gj)hUz=g}}`;
# a description has blanks: `<your password; 8+ chars>`; a client's variable starts with `$`: `{{$guid}}`)
_SECRET_IN_BRACKETS = re.compile(r"[!#%^*~@&()=?]|(?<=.)\$")
_UNCLOSED_ANGLE = re.compile(r"<(?P<body>[A-Z][A-Z0-9_]{3,})(?![A-Za-z0-9_>])")
_MUSTACHE = re.compile(r"(?<!\$)\{\{(?!-?\s*\.[A-Za-z_])[^{}\n]{1,120}\}\}|\{%[^\n]{1,200}?%\}")  # (not Helm's `{{ .Values.x }}`)
_NAME = re.compile(r"(?<![A-Za-z0-9_$])(?:(?:YOUR|INSERT|ENTER|REPLACE|PUT)_[A-Z0-9_]*[A-Z0-9]"
                   r"|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_HERE)(?![A-Za-z0-9_])"
                   r"|(?<![A-Za-z0-9_$])your[-_][a-z][a-z0-9_-]*[a-z0-9]")
# (a short run with letters on both sides is a word's own: `boxxxxed`, a site's name; `xxxxabcd` shows a secret's
# last letters, `AKIAxxxxxxxxWXYZ` its first and last; a short `-xxx` at the end masks a credential only:
# `billing-sync-xxx` is an instance's name.  Each run is read from its start, once.)
_X_MASK = re.compile(r"(?<![A-Za-z])(?:x{4,}+|X{4,}+)|(?<![xX])(?:x{4,}+|X{4,}+)(?![A-Za-z])|(?<![xX])(?:x{8,}+|X{8,}+)")
_SHORT_X_MASK = re.compile(r"(?<=[-_.:/])(?:xxx|XXX)$")
_STAR_MASK = re.compile(r"^(?:\*{4,}|\u2022{4,}|\u25cf{4,})$")  # (and a console's bullets, `••••••••`)
# A type's name standing for a value, as a page describing the keys writes one and Swagger UI's example bodies hold
# (`"boolean"`, `"string (URL)"`, `"JSON object"`, `"number (minutes)"`, `"integer[]"`); read without a pattern, as
# every string of a clean file is asked
_TYPE_NAMES = frozenset({"boolean", "bool", "string", "number", "integer", "int", "float", "double", "long", "object",
                         "array"})
_TYPE_INITIALS = frozenset("bsnifdloajBSNIFDLOAJ \t\r\n")  # (asked of every value: most begin with no such letter)
_CAPS_NAME = re.compile(r"^[A-Z]+(?:[_. -][A-Z]+)*!?$")
_CAPS_WORDS = LazyPattern(r"PASSWORD|SECRET|TOKEN|KEY|CODE|USER|API")
_NAME_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_. -][A-Za-z0-9]+)*")
_SAMPLE_WORDS = frozenset({"secret", "password", "passwd", "pass", "pwd", "token", "key", "apikey", "api", "client",
                           "my", "your", "sample", "example", "test", "fake", "dummy", "changeme", "string", "value"})
_IDENTIFIER_WORDS = frozenset({"USERNAME", "NAME", "LOGIN", "EMAIL", "ID", "KEY", "TOKEN", "SECRET", "PASSWORD"})
# What a sample's identifier in capitals holds (`MY_COMPANY`, `SAMPLE-ACCOUNT`): a real one is a company's name
_ACCOUNT_SAMPLE_WORDS = frozenset({"MY", "YOUR", "SAMPLE", "EXAMPLE", "FAKE", "DUMMY", "CHANGEME", "CLIENT", "APP",
                                   "API", "COMPANY", "ACCOUNT", "TENANT", "CONSUMER"})
_MASK_WORDS = frozenset({"redacted", "<redacted>", "[redacted]", "masked", "hidden", "removed", "[filtered]"})


def secret_in_brackets(body: str) -> bool:
    """Whether what a credential's ``<...>`` (or ``{{...}}``) holds is a password written in brackets (``<Zx9!Pass>``:
    a password's signs, no blank), not a name standing for one (``<CLIENT_SECRET>``, ``<api key>``, ``<ApiKeyV2>``)."""
    return " " not in body and _SECRET_IN_BRACKETS.search(body) is not None


def _is_sample_name(text: str, *, identifier: bool = False, account: bool = False) -> bool:
    """Whether the value of a secret key is a name standing for the secret (``PIPEDRIVE_API_TOKEN``,
    ``fake_api_secret``, ``password``) rather than a secret.  For an identifier's key (a username, a client id)
    only a name in capitals counts: ``api-user`` and ``test`` are usernames people have.  ``account``: the key holds
    an identifier that is no username (a company or account id, a client id): a name in capitals counts only when it
    names what the field holds or is a sample (``COMPANY_ID``, ``MY_COMPANY``), not ``ACME-CORP``."""
    if len(text) < 4:
        return False
    if _CAPS_NAME.match(text) and (re.search(r"[_. -]", text) or _CAPS_WORDS.search(text)):
        # a username in capitals is one people have (`INTEGRATION_USER`, `SVC_ADMIN`) unless it names what
        # the field holds (`SAGE_USERNAME`, `USER_NAME`) or a secret (`CLOSEIO_API_KEY`); so is a company's id
        # (Sage Intacct's `ACME-CORP`) unless it names the field or is a sample's
        words = re.split(r"[_. -]+", text.rstrip("!"))
        if account:
            return not _IDENTIFIER_WORDS.isdisjoint(words) or not _ACCOUNT_SAMPLE_WORDS.isdisjoint(words)
        return not identifier or not _IDENTIFIER_WORDS.isdisjoint(words)
    if identifier or not _NAME_WORDS.fullmatch(text):
        return False
    words = [w.lower() for w in re.split(r"[_. -]+", text)]
    # (a word of digits and letters, `2024x`, `hunter2`, makes a password of the sample words: `Acme-Token-2024x`)
    return any(w in _SAMPLE_WORDS for w in words) and not any(
        len(w) >= 5 and re.search(r"\d", w) and re.search(r"[a-z]", w) for w in words)
# A cheap test first: a string without any of these (or a leading ``*``) holds no placeholder (secret values
# aside).  The masks are the mask pattern itself: a date format's ``XXX`` (an offset) does not start the
# whole search.  The lookahead lists the characters they start with, so the regex engine skips to those.
_TRIGGER = re.compile(r"(?=[<&{_YIERPyxX])(?:<|&lt;|\{\{|\{%|_HERE|YOUR_|INSERT_|ENTER_|REPLACE_|PUT_|your[-_]|"
                      + _X_MASK.pattern + "|" + _SHORT_X_MASK.pattern + ")")
# Spans that are never placeholders: environment references and URL macros.
# (not a macro holding `<...>`: `${gmtDate:<DATE_FORMAT>}` is a template's, its placeholder is reported)
_PROTECTED = re.compile(r"\$\{\{[^{}]*\}\}|\$\{[^{}<]*(?:\{[^{}]*\}[^{}<]*)*\}|(?<![A-Za-z0-9_])\$[A-Za-z_][A-Za-z0-9_]*"
                        r"|\{\{\s*(?:env|secrets?|vault)[.:][\w.\-]+\s*\}\}|" + _LOOKUP + "|" + _RESOLVE)  # as ENV_REFERENCE reads them


class Placeholder(NamedTuple):
    """One placeholder in a string: ``[start, end)``, its ``kind`` and ``text``.

    ``kind`` is ``"placeholder"`` (documentation text standing for a value) or ``"mask"`` (a value
    hidden before the file was committed: ``xxxxxxxx``, ``********``).
    """

    start: int
    end: int
    kind: PlaceholderKind
    text: str


def _overlaps(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    """Whether ``[start, end)`` overlaps one of the spans (sorted, apart) whose starts and ends are given."""
    before = bisect_left(starts, end)  # the spans starting before `end`: only the last of them may reach `start`
    return before > 0 and ends[before - 1] > start


def find_placeholders(text: str, *, credential: bool = False, date_format: bool = False,
                      identifier: bool = False, account: bool = False) -> list[Placeholder]:
    """Every placeholder and mask in ``text``, left to right, without overlaps.

    ``credential``: ``text`` is the value of a key holding a credential or an account identifier (see
    :func:`validator.vocabulary.secrets.is_credential_key`): names standing for it (``PIPEDRIVE_API_TOKEN``)
    and prose (``Your API key``) count as placeholders;
    ``date_format``: ``text`` is a date pattern (``XXXX`` is an offset field there, not a mask);
    ``identifier``: the credential is an identifier (a username, a client id), not a secret: of the names
    standing for it, only those in capitals count (``STRIPE_API_KEY``; ``api-user`` is a username).
    Strings longer than 100,000 characters are not searched.
    """
    if not text or len(text) > 100_000:
        return []
    if len(text) <= _SHORT:
        return list(_found_in_short(text, credential, date_format, identifier, account))
    return list(_found(text, credential, date_format, identifier, account))


_SHORT = 200  # characters


@lru_cache(maxsize=32768)  # short strings come back in every poller entry (a date format, a field path, a key)
def _found_in_short(text: str, credential: bool, date_format: bool, identifier: bool,
                    account: bool) -> tuple[Placeholder, ...]:
    return _found(text, credential, date_format, identifier, account)


def names_a_type(text: str) -> bool:
    """Whether ``text`` is a type's name (`boolean`, `string (URL)`, `JSON object`, `integer[]`): a value where the
    key names a type (`"type": "string"`), and one standing for a value elsewhere."""
    if len(text) > 120 or not text[:1].isalpha():
        return False
    word = text.lower()
    if word[-1] == ")":  # a note in parentheses: `(minutes)`
        opening = word.find("(")
        note = word[opening + 1:-1]
        if opening == -1 or len(note) > 80 or any(c in note for c in "()\r\n"):
            return False
        word = word[:opening].rstrip(" \t")
    if word[-2:] == "[]":
        word = word[:-2]
    if word[:4] == "json" and word not in _TYPE_NAMES:
        word = word[5:] if word[4:5] in (" ", "_", "-") else word[4:]
    return word in _TYPE_NAMES


_LITERAL_WORDS = frozenset({"true", "false", "null", "minutes", "seconds", "milliseconds", "ms", "mins", "secs"})
_ALTERNATIVES = LazyPattern(r"\s*(?:[|/,]|\bor\b)\s*")


def stands_for_a_literal(placeholder: str) -> bool:
    """Whether an unquoted placeholder (``<true|false>``, ``<boolean>``, ``{{minutes}}``) stands for a value JSON
    writes without quotes: filled in, the body parses (``<your key>`` does not: a string needs its quotes)."""
    body = placeholder[2:-2] if placeholder[:2] == "{{" else placeholder[1:-1]
    words = [word for word in _ALTERNATIVES.split(body.strip().lower()) if word]
    return bool(words) and all(word in _LITERAL_WORDS or word.isdigit() or names_a_type(word) and word != "string"
                               for word in words)


def _found(text: str, credential: bool, date_format: bool, identifier: bool,
           account: bool = False) -> tuple[Placeholder, ...]:
    if not (credential or text[0] == "*" or _TRIGGER.search(text)
            or text[:1] in _TYPE_INITIALS and names_a_type(text.strip())):
        return ()
    return _find(text, credential, date_format, identifier, account)


@lru_cache(maxsize=8192)
def _find(text: str, credential: bool, date_format: bool, identifier: bool = False,
          account: bool = False) -> tuple[Placeholder, ...]:
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    starts, ends = [s for s, _ in protected], [e for _, e in protected]  # taken so far, in order (many may be)
    found: list[Placeholder] = []

    def add(start: int, end: int, kind: PlaceholderKind) -> None:
        if not _overlaps(start, end, starts, ends):
            at = bisect_left(starts, start)
            starts.insert(at, start)
            ends.insert(at, end)
            found.append(Placeholder(start, end, kind, text[start:end]))

    for pattern in (_ANGLE, _ESCAPED_ANGLE):
        for m in pattern.finditer(text):
            body = m.group("body")
            if body.lower().split(" ")[0] in _HTML_TAGS and (body.islower() or len(body) <= 2):
                continue
            if credential and secret_in_brackets(body):
                continue  # `<Zx9!Pass>`: a password written in angle brackets, no name standing for one
            add(m.start(), m.end(), "placeholder")
    for pattern in (_UNCLOSED_ANGLE, _MUSTACHE, _NAME):
        for m in pattern.finditer(text):
            if credential and pattern is _MUSTACHE and m.group().startswith("{{") and secret_in_brackets(m.group()[2:-2]):
                continue  # `{{Zx9!Pass}}`: a password written in a template's braces, as in angle brackets
            add(m.start(), m.end(), "placeholder")
    if credential and (_is_sample_name(text, identifier=identifier, account=account) or is_prose(text)):
        add(0, len(text), "placeholder")
    inner = text.strip()[1:-1].strip() if credential and text.strip()[:1] + text.strip()[-1:] in ("[]", "{}") else ""
    if inner and not secret_in_brackets(inner) and (_is_sample_name(inner, identifier=identifier, account=account)
                                                    or is_prose(inner)):
        add(text.index(text.strip()), text.index(text.strip()) + len(text.strip()), "placeholder")  # `[CLIENT_ID]`
    if credential and text.strip().lower() in _MASK_WORDS:
        add(0, len(text), "mask")
    if not date_format:
        for m in _X_MASK.finditer(text):
            add(m.start(), m.end(), "mask")
        if credential and (short := _SHORT_X_MASK.search(text)) is not None:
            add(short.start(), short.end(), "mask")
    if _STAR_MASK.match(text):
        add(0, len(text), "mask")
    stripped = text.strip()
    if stripped and names_a_type(stripped):
        at = text.index(stripped)
        add(at, at + len(stripped), "placeholder")
    return tuple(sorted(found, key=lambda p: p.start))


