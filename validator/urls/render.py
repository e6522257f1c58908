"""``render_url``: the URL the platform builds from a poller URL template for a sample poll time.

Documented: each date macro is replaced by the last poll time, minus the entry's
``pollDelay`` seconds, formatted with ``java.text.SimpleDateFormat`` (Locale.US) in the
macro's zone: GMT for ``gmtDate``, ZONE for ``dateTimeZone:ZONE:``, the server's zone for
``date`` (documented as GMT).  ``${epoch}`` is epoch milliseconds, ``${epoch:s}`` seconds,
``${epoch:us}`` microseconds.

Not documented, so each is an option and every one in force is named in
:attr:`RenderedUrl.assumptions`:

* ``server_zone`` (default ``GMT``): the zone of ``${date:...}`` and ``${now:...}``;
* ``now`` (default ``since`` + ``refresh_interval`` minutes, the next run): the time the
  ``now``/``nowTimeZone`` macros print;
* ``encode_values`` (default False: no example encodes anything): whether the platform
  percent-encodes the substituted values;
* ``date_format`` (default: epoch milliseconds): what the legacy ``${date}`` without a
  format prints; ``${milliseconds}`` and ``${epoch:ms}`` are read as epoch milliseconds;
* offsets written as zones (``-8:00``) are read as ``GMT-8:00``; a zone Java does not know
  is GMT, as in Java.

:attr:`RenderedUrl.request_url` is the URL as a careful HTTP client sends it: every
character a URL cannot carry as is (space, quotes, braces, ``#`` and ``+`` in the query,
non-ASCII...) percent-encoded, existing ``%XX`` escapes kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from .facts import UrlFact
from .pieces import ZONE_KINDS
from .template import _OFFSET_ZONE, Macro, UrlTemplate, parse_url_template

__all__ = ["RenderedUrl", "Substitution", "percent_encode", "render_url"]

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_KEEP = _UNRESERVED | frozenset("/:@!$&()*+,;=?")  # '?': the path piece ends with the separator
_QUERY_KEEP = _UNRESERVED | frozenset("/:@!$&()*,;=?")
# A substituted value must not add separators: '&', '=', '?' (and '+' in a path) are encoded in it.
_QUERY_VALUE_KEEP = _QUERY_KEEP - {"&", "=", "?"}
_PATH_VALUE_KEEP = _PATH_KEEP - {"&", "=", "+", "?"}


@dataclass(frozen=True, slots=True)
class Substitution:
    """One macro replaced: its span in the template, its span in ``url`` and in ``request_url``, its value."""

    macro: Macro
    template_start: int
    template_end: int
    url_start: int
    url_end: int
    request_start: int
    request_end: int
    value: str
    instant_ms: int
    zone: str | None  # the Java zone id used (date macros only)


@dataclass
class RenderedUrl:
    """The result of :func:`render_url`."""

    template: str
    url: str  # as the platform builds it
    request_url: str  # percent-encoded, as an HTTP client sends it
    substitutions: list[Substitution] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    last_poll_ms: int = 0
    now_ms: int = 0
    facts: list[UrlFact] = field(default_factory=list)  # what is wrong in the template


def percent_encode(text: str, *, keep: frozenset[str]) -> str:
    """Percent-encode (UTF-8) every character of ``text`` not in ``keep``; ``%XX`` escapes are kept."""
    return _encoder(keep).sub(_encode_match, text)


def request_forms(value: str) -> set[str]:
    """The forms ``value`` may take in a request :func:`render_url` builds (in its path or its query, as written or
    substituted): for masking a secret there as in the template."""
    return {percent_encode(value, keep=keep) for keep in (_PATH_KEEP, _QUERY_KEEP, _QUERY_VALUE_KEEP, _PATH_VALUE_KEEP)}


@lru_cache(maxsize=32)
def _encoder(keep: frozenset[str]) -> re.Pattern[str]:
    """A regex matching what to encode: a character outside ``keep`` (kept ``%XX`` escapes match, whole)."""
    kept = re.escape("".join(sorted(keep)))
    return re.compile("%[0-9a-fA-F]{2}|" + (f"[^{kept}]" if kept else "(?s:.)"))


def _encode_match(m: re.Match[str]) -> str:
    c = m.group()
    if len(c) == 3:
        return c
    encoded = _ENCODED.get(c)
    if encoded is None:
        encoded = _ENCODED[c] = "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass"))
    return encoded


_ENCODED: dict[str, str] = {}


def _epoch_ms(value: datetime | int, name: str) -> int:
    from ..dates.format import epoch_millis

    if isinstance(value, bool) or not isinstance(value, (int, datetime)):
        raise TypeError(f"{name} must be an aware datetime or epoch milliseconds, not {type(value).__name__}")
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError(f"{name} is a naive datetime: give it a time zone (it is an instant)")
    return epoch_millis(value)


def _java_div(a: int, b: int) -> int:
    """Java's integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


class _Assumptions:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> None:
        if text not in self.items:
            self.items.append(text)


def _zone_for(macro: Macro, server_zone: str, notes: _Assumptions) -> str:
    from ..dates.zones import resolve_zone
    if macro.kind == "gmtDate":
        return "GMT"
    if macro.kind in ZONE_KINDS:
        zone = macro.zone or ""
        if _OFFSET_ZONE.fullmatch(zone):
            java_id = resolve_zone("GMT" + zone).id
            notes.add(f"the zone {zone!r} is read as {java_id} (Cloud Elements documents offsets as zones; "
                      f"Java's TimeZone alone would read {zone!r} as GMT)")
            return java_id
        resolution = resolve_zone(zone)
        if not resolution.known:
            notes.add(f"the zone {zone!r} is unknown to Java: formatted in GMT, as TimeZone.getTimeZone does")
        return resolution.id  # (Java's own id: `GMT-8:00` is `GMT-08:00`, an unknown one `GMT`)
    resolution = resolve_zone(server_zone)
    notes.add(f"${{{macro.kind}:...}} is formatted in the server zone {resolution.id} (documented as GMT on "
              "Cloud Elements' servers; change with --server-zone or server-zone in the configuration)")
    return resolution.id


def _value(macro: Macro, last_ms: int, now_ms: int, *, server_zone: str, date_format: str | None,
           notes: _Assumptions) -> tuple[str, int, str | None] | None:
    """(value, instant, zone) of one macro, or None when the platform cannot substitute it."""
    instant = now_ms if macro.uses_now else last_ms
    if macro.kind == "epoch":
        if macro.unit == "s":
            return str(_java_div(instant, 1000)), instant, None
        if macro.unit == "us":
            return str(instant * 1000), instant, None
        if macro.text != "${epoch}":
            notes.add("${epoch:ms} is read as epoch milliseconds, like ${epoch} (undocumented)")
        return str(instant), instant, None
    if macro.kind == "milliseconds":
        notes.add("${milliseconds} is read as the last poll time in epoch milliseconds (undocumented)")
        return str(instant), instant, None
    if macro.kind == "date" and macro.format is None:
        return _legacy_date(instant, server_zone=server_zone, date_format=date_format, notes=notes)
    if macro.pattern is None:
        notes.add(f"{macro.text} does not compile: Java would throw, so it is left as written")
        return None
    if macro.uses_now:
        notes.add("the now macros print the time of the run (undocumented except a 2017 page)")
    zone = _zone_for(macro, server_zone, notes)
    return macro.pattern.format(instant, zone), instant, zone


def legacy_date_pattern(date_format: object) -> Any:
    """The pattern the legacy ``${date}`` (no format) is taken to print with: the entry's ``updatedDateFormat`` when it
    is a SimpleDateFormat pattern (as Paychex's corpus poller pairs them), else None for epoch milliseconds (HubSpot's,
    with ``milliseconds``).  Undocumented by the platform; render and the element checks both ask here."""
    from ..dates.pattern import compile_pattern
    from ..dates.tokens import PatternError

    if not isinstance(date_format, str) or not date_format or date_format in ("milliseconds", "timestamp"):
        return None
    try:
        return compile_pattern(date_format)
    except PatternError:
        return None


def _legacy_date(instant: int, *, server_zone: str, date_format: str | None,
                 notes: _Assumptions) -> tuple[str, int, str | None]:
    if date_format:
        pattern = legacy_date_pattern(date_format)
        if pattern is not None:
            notes.add(f"${{date}} without a format is rendered with {date_format!r} in {server_zone} "
                      "(the entry's updatedDateFormat; the platform does not document it)")
            return pattern.format(instant, server_zone), instant, server_zone
    notes.add("${date} without a format is rendered as epoch milliseconds (the platform does not document its "
              "format; HubSpot, its main user, filters by epoch milliseconds)")
    return str(instant), instant, None


def render_url(
    template: str | UrlTemplate,
    since: datetime | int,
    *,
    now: datetime | int | None = None,
    server_zone: str = "GMT",
    poll_delay: int = 0,
    refresh_interval: int = 15,
    encode_values: bool = False,
    date_format: str | None = None,
) -> RenderedUrl:
    """Render ``template`` for the last poll time ``since`` (aware datetime or epoch milliseconds).

    Last-poll macros print ``since`` minus ``poll_delay`` seconds; ``now`` macros print ``now``
    (default ``since`` + ``refresh_interval`` minutes).  See the module docstring for every
    option's documented default.  Raises ``TypeError``/``ValueError`` for a naive or non-time ``since``.
    """
    parsed = template if isinstance(template, UrlTemplate) else parse_url_template(template, server_zone=server_zone)
    since_ms = _epoch_ms(since, "since")
    for name, whole in (("poll_delay", poll_delay), ("refresh_interval", refresh_interval)):
        if isinstance(whole, bool) or not isinstance(whole, int):  # (int(None) said Python's words, naming no argument)
            raise TypeError(f"{name} must be a whole number (an int), not {type(whole).__name__}")
    if not isinstance(encode_values, bool) or not isinstance(date_format, (str, type(None))):
        raise TypeError("encode_values must be a bool, and date_format a str or None")
    last_ms = since_ms - poll_delay * 1000
    notes = _Assumptions()
    if now is None:
        now_ms = since_ms + refresh_interval * 60_000
        if any(m.uses_now for m in parsed.macros):
            notes.add(f"now = since + {refresh_interval} min (the refresh interval: the next run)")
    else:
        now_ms = _epoch_ms(now, "now")
    text = parsed.text
    query_start = parsed.query_start if parsed.query_start is not None else len(text) + 1

    pieces: list[tuple[str, Macro | None, int, int, str | None]] = []  # (text, macro, start, instant, zone)

    def literal(start: int, end: int) -> None:
        if start < query_start < end:  # encode the path and the query apart
            pieces.append((text[start:query_start], None, start, 0, None))
            start = query_start
        if start < end:
            pieces.append((text[start:end], None, start, 0, None))

    pos = 0
    for macro in sorted(parsed.macros, key=lambda m: m.start):
        value = _value(macro, last_ms, now_ms, server_zone=server_zone, date_format=date_format, notes=notes)
        if value is None:
            continue
        literal(pos, macro.start)
        rendered, instant, zone = value
        if encode_values:
            rendered = percent_encode(rendered, keep=_UNRESERVED)
        pieces.append((rendered, macro, macro.start, instant, zone))
        pos = macro.end
    literal(pos, len(text))
    if parsed.malformed:
        notes.add(f"{len(parsed.malformed)} macro(s) the platform does not recognise are left as written")
    if encode_values:
        notes.add("substituted values are percent-encoded by the platform (assumed: undocumented)")
    elif parsed.macros:
        notes.add("substituted values are inserted as they are, not percent-encoded (no example encodes them; "
                  "undocumented)")
    if parsed.path_variables:
        notes.add("path variables such as {id} are filled in by the platform; they are shown unfilled")
    notes.add("request_url percent-encodes what a URL cannot carry as is (spaces, quotes, braces, '#' and '+' "
              "in the query), as a careful HTTP client does")

    url_parts: list[str] = []
    request_parts: list[str] = []
    substitutions: list[Substitution] = []
    url_len = request_len = 0
    for piece, substituted, start, instant, zone in pieces:
        if start >= query_start:
            encoded = percent_encode(piece, keep=_QUERY_KEEP if substituted is None else _QUERY_VALUE_KEEP)
        else:
            encoded = percent_encode(piece, keep=_PATH_KEEP if substituted is None else _PATH_VALUE_KEEP)
        if substituted is not None:
            substitutions.append(Substitution(substituted, substituted.start, substituted.end, url_len,
                                              url_len + len(piece), request_len, request_len + len(encoded), piece,
                                              instant, zone))
        url_parts.append(piece)
        request_parts.append(encoded)
        url_len += len(piece)
        request_len += len(encoded)
    return RenderedUrl(text, "".join(url_parts), "".join(request_parts), substitutions, notes.items, last_ms,
                       now_ms, list(parsed.facts))
