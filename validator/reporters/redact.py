"""Keep secret values out of every output format.

A key is secret when it is one of :data:`SECRET_KEYS` (among them ``code``:
``providerData.code``, the one-time OAuth grant code), when its last dot-separated
segment contains one of :data:`SECRET_WORDS` (``event.notification.basic.password``,
``oauth.user.refresh_token``, ``hubspot.authorization.apikey``, ...), or when it ends
in ``.key`` after one of :data:`KEY_QUALIFIERS` (``apim.subscription.key``,
``brighttalk.api.key``, ``private.key``).  The OAuth client ids of :data:`CLIENT_IDS`
(``oauth.api.key``) are not secret; ``oauth.token.url`` is a URL (its last segment is
``url``).  Reporters also mask every span the engine marks secret
(``FileReport.secret_spans``, from ``validator.rules.secrets``).
Placeholders found here (``${SAGE_API_SECRET}``, ``<CLIENT_SECRET>``, ``{{secret}}``) are
not secrets and are shown.

Reporters mask, with ``*`` of the same length (so carets stay aligned), the spans the
engine gives in :attr:`FileReport.secret_spans` and the values of secret keys that
:func:`find_secret_spans` finds in the text (plain JSON and JSON embedded in a string,
``\\"signature.secret\\": \\"...\\"``); values of at least three characters are also
replaced by ``****`` in messages and fix hints.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from . import FileReport, Span

SECRET_KEYS: frozenset[str] = frozenset({
    "oauth.api.secret",
    "signature.secret",
    "apim.subscription.key",
    "event.notification.signature.key",
    "jwt.base64.encoded.key",
    "apikey.user.key",
    "code",
    "oauth_verifier",
})
SECRET_WORDS: tuple[str, ...] = ("password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "privatekey",
                                 "private_key", "credential")
KEY_QUALIFIERS: frozenset[str] = frozenset({"signature", "subscription", "encoded", "private", "api"})
CLIENT_IDS: frozenset[str] = frozenset({"oauth.api.key", "sfdc.api.key"})
MASK = "****"

_PLACEHOLDER = re.compile(r"\$\{[^{}]*\}|<[^<>]*>|\{\{[^{}]*\}\}")
_PLAIN = re.compile(r'"(?P<key>[^"\\\n]{1,200})"\s*:\s*(?:"(?P<v>(?:[^"\\\n]|\\.)*)(?:"|(?=[\r\n])|\Z)'
                    r'|(?P<n>-?\d[\d.eE+-]*|[\[{][^\r\n]*))')
_ESCAPED = re.compile(r'(?P<q>\\+)"(?P<key>[^"\\\n]{1,200})(?P=q)"(?:\s|\\[nrt])*:(?:\s|\\[nrt])*'
                      r'(?:(?P=q)"(?P<v>.{0,20000}?)(?<!\\)(?P=q)"|(?P<n>-?\d[\d.eE+-]*))')
_HINTS = ("password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "privatekey", "private_key",
          "credential", ".key", "code", "oauth_verifier")  # every secret key (lower-cased) contains one of these


def is_secret_key(key: str) -> bool:
    """Whether the value of configuration (or body) key ``key`` is a secret."""
    lowered = key.lower()
    if lowered in SECRET_KEYS:
        return True
    if lowered in CLIENT_IDS:
        return False
    segments = lowered.split(".")
    if segments[-1] == "key" and len(segments) > 1 and segments[-2] in KEY_QUALIFIERS:
        return True
    return any(word in segments[-1] for word in SECRET_WORDS)


def is_placeholder(value: str) -> bool:
    """``${ENV}``, ``<PLACEHOLDER>`` or ``{{template}}``: not a secret."""
    return _PLACEHOLDER.fullmatch(value.strip()) is not None


def find_secret_spans(text: str) -> list[Span]:
    """The spans of secret values in ``text``: ``(line, column, end_line, end_column)``, 1-based, end exclusive.

    Finds ``"key": "value"`` (and ``"key": 123``) pairs whose key :func:`is_secret_key`
    accepts, in plain JSON and in JSON embedded in strings (``\\"key\\": \\"value\\"``).
    Only the places where a secret-looking word occurs are examined, so a large file costs
    one scan.
    """
    offsets: set[tuple[int, int]] = set()
    for hit in _hits(text):
        quote = text.rfind('"', max(0, hit - 201), hit)
        if quote < 0:
            continue
        escaped = quote
        while escaped > 0 and text[escaped - 1] == "\\":
            escaped -= 1
        match = _ESCAPED.match(text, escaped) if escaped < quote else _PLAIN.match(text, quote)
        if match is None or not is_secret_key(match.group("key")):
            continue
        group = "v" if match.group("v") is not None else "n"
        start, end = match.span(group)
        if start < end and not (group == "v" and is_placeholder(match.group("v"))):
            offsets.add((start, end))
    if not offsets:
        return []
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    found: list[Span] = []
    for start, end in sorted(offsets):
        line = bisect_right(starts, start)
        end_line = bisect_right(starts, end)
        found.append((line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1))
    return found


def _hits(text: str) -> list[int]:
    """Offsets of every secret-looking word in ``text``, found with ``str.find`` (fast on large files)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: keep offsets exact
        lowered = text.translate({code: code + 32 for code in range(65, 91)})
    hits = []
    for word in _HINTS:
        index = lowered.find(word)
        while index != -1:
            hits.append(index)
            index = lowered.find(word, index + 1)
    return sorted(hits)


def redact_line(line: str, spans: Iterable[tuple[int, int]]) -> str:
    """``line`` with each ``(column, end_column)`` range (1-based, end exclusive) replaced by ``*``."""
    chars = list(line)
    for start, end in spans:
        for index in range(max(start - 1, 0), min(end - 1, len(chars))):
            chars[index] = "*"
    return "".join(chars)


def _decoded(raw: str) -> str:
    """The JSON-decoded form of a raw string value (undoing one or more levels of escaping)."""
    import json

    value = raw
    for _ in range(3):
        if "\\" not in value:
            break
        try:
            value = json.loads(f'"{value}"')
        except ValueError:
            break
    return value


class Redactor:
    """Masks secrets in excerpts and messages for a set of files; computed lazily per file."""

    def __init__(self, files: Sequence[FileReport]) -> None:
        self._files = {report.path: report for report in files}
        self._masks: dict[str | None, dict[int, list[tuple[int, int]]]] = {}
        self._values: dict[str | None, tuple[str, ...]] = {}

    def _load(self, path: str | None) -> dict[int, list[tuple[int, int]]]:
        masks = self._masks.get(path)
        if masks is not None:
            return masks
        masks = {}
        values: set[str] = set()
        report = self._files.get(path)
        if report is not None:
            spans = list(report.secret_spans)
            spans.extend(find_secret_spans(report.text))
            for line, column, end_line, end_column in spans:
                for number in range(line, max(end_line, line) + 1):
                    if not 1 <= number <= len(report.lines):
                        continue
                    text = report.lines[number - 1]
                    start = column if number == line else 1
                    stop = end_column if number == end_line else len(text) + 1
                    masks.setdefault(number, []).append((start, stop))
                    raw = text[start - 1:stop - 1]
                    if len(raw) >= 3:
                        values.add(raw)
                        decoded = _decoded(raw)
                        if len(decoded) >= 3:
                            values.add(decoded)
        self._masks[path] = masks
        self._values[path] = tuple(sorted(values, key=len, reverse=True))
        return masks

    def line(self, path: str | None, number: int) -> str | None:
        """Line ``number`` (1-based) of ``path`` with secrets masked, or ``None`` when unknown."""
        report = self._files.get(path)
        if report is None or not 1 <= number <= len(report.lines):
            return None
        spans = self._load(path).get(number)
        text = report.lines[number - 1]
        return redact_line(text, spans) if spans else text

    def scrub(self, text: str | None, path: str | None) -> str | None:
        """``text`` (a message or fix hint) with every secret value of ``path`` replaced by ``****``."""
        if not text:
            return text
        self._load(path)
        for value in self._values[path]:
            if value in text:
                text = text.replace(value, MASK)
        return text
