"""Notifications and event configuration (CE2xx).

These rules read the event keys of an instance's ``configuration`` object:

* ``event.notification.enabled`` turns events on (``true`` or the string ``"true"``);
* ``event.notification.callback.url`` is where the platform POSTs each event, so it
  must be an absolute ``http``/``https`` URL as soon as events are enabled;
* ``event.vendor.type`` says where events come from: ``polling`` (the poller of
  ``event.poller.configuration`` runs every ``event.poller.refresh_interval``
  minutes) or ``webhook`` (the vendor pushes them);
* ``event.poller.refresh_interval`` is a whole number of minutes, written as a
  string in every Cloud Elements example (``"15"``).

Values left as documentation placeholders (``<minutes>``, ``<CALLBACK_URL>``,
``{{page.elementKey}}``, ``xxxx``) are the placeholder rules' business (CE7xx) and an
environment reference such as ``${CALLBACK_URL}`` is filled in later: neither is
reported here.  The platform's answer to ``GET``/``POST /instances`` echoes the
element's defaults (its poller configuration even while events are off), so the
rules about a poller that does not run are not applied to such responses.

Rules:

* **CE201** `events-without-callback` (error): events enabled, no callback URL (missing, null, empty).
* **CE202** `callback-url-not-absolute` (error; a warning while events are off): the callback URL has
  no scheme or host, another scheme, spaces, an invisible character pasted with it (a zero-width space: pointed at,
  and removed by a safe fix), a host with an empty label (``mycoolapp..com``), a fragment (``#...``, never sent), or
  is a word such as ``"false"``.
* **CE203** `vendor-type-unknown` (warning): ``event.vendor.type`` is not ``polling``/``webhook``;
  did-you-mean for near misses (``webhooks``, ``Polling``, ``poll``), whose fix (unsafe) writes the value meant.
* **CE204** `poller-while-events-disabled` (warning): a poller configuration while events are
  disabled: explicitly, by `null`, or by leaving the key out of a new instance's body.
* **CE205** `poller-with-webhook` (warning): a poller configuration while the vendor type is ``webhook``.
* **CE206** `refresh-interval-not-minutes` (error): not a positive whole number (``"15.5"``,
  ``"15 minutes"``, ``" 15"``, ``-5``).
* **CE207** `refresh-interval-long` (warning): above 1440 minutes (less than once a day).
* **CE208** `refresh-interval-zero` (warning): 0 minutes.
* **CE209** `url-scheme-typo` (error): a URL-valued configuration or `providerData` value whose
  scheme is mistyped: `https;//`, `https:/`, `https//`, `https:\\`, `htps://`, `htttps://`
  (46 Cloud Elements pages carry `"oauth.callback.url": "https;//mycoolapp.com"`).  Points at the
  scheme; the fix (safe) writes `https://`.  An `oauth.callback.url` with no scheme (`www.mycoolapp.com/auth`) is a
  warning, fixed on request (unsafe).
* **CE210** `callback-unreachable` (error; a warning while events are off): the callback host is
  `localhost`, a loopback, private or link-local address (`127.0.0.1`, `10.x`, `172.16-31.x`,
  `192.168.x`, `169.254.x`, `::1`, `fc00::/7`) or a local-only name (`.local`, `.localhost`,
  `.internal`, `.home.arpa`).  This assumes the hosted platform, which POSTs events from the internet.
* **CE211** `refresh-interval-seconds` (warning): 300, 600, 900 or 1200, read as 5 to 20 hours, are 5, 10, 15 or
  20 minutes written in seconds.  The unsafe fix writes the minutes.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import urlsplit

from ..findings import Edit, Finding, Fix
from ..fixes.structure import replace_value
from ..kinds import escape_pointer_token, resolve_pointer, sends_part, whole_setting
from ..lazy_pattern import LazyPattern
from ..masking import HOST_LABELS, quotable_origin
from ..vocabulary.characters import INVISIBLES, char_named
from ..vocabulary.placeholders import contains_env_reference, find_placeholders, is_env_reference
from ..vocabulary.secrets import reads_like_a_password, unquotable
from .base import Rule

if TYPE_CHECKING:
    from ..engine import Context

ENABLED = "event.notification.enabled"
CALLBACK = "event.notification.callback.url"
VENDOR = "event.vendor.type"
INTERVAL = "event.poller.refresh_interval"
POLLER = "event.poller.configuration"

VENDOR_TYPES = ("polling", "webhook")
MINUTES_PER_DAY = 1440
# The intervals people give in minutes (5-20) written in seconds: as minutes they poll every 5 to 20 hours.
# Whole hours that are also used as such (60, 120, 180, 360, 720) are not among them.
_SECONDS_LIKE = frozenset({300, 600, 900, 1200})

_INTEGER = re.compile(r"[+-]?\d+")
_HOST = LazyPattern(r"(localhost|[\w-]+(\.[\w-]+)+)(:\d+)?([/?#]|$)")
_DECIMAL = LazyPattern(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")

EVENTS_WITHOUT_CALLBACK = Rule(
    code="CE201",
    name="events-without-callback",
    severity="error",
    summary="events are enabled but event.notification.callback.url is missing, null or empty",
    description=(
        "With `event.notification.enabled` set to `true` (or `\"true\"`), the platform POSTs every event "
        "to `event.notification.callback.url`. Without that URL the events have nowhere to go.\n\n"
        "**Fix:** add `\"event.notification.callback.url\"` with the absolute `https://` URL of the endpoint "
        "of your application that receives the events, or set `event.notification.enabled` to `false`."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
         '    "event.vendor.type": "polling"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
          '    "event.vendor.type": "polling",\n'
          '    "event.notification.callback.url": "https://mycoolapp.com/events"\n  }\n}\n'),
)

CALLBACK_URL_NOT_ABSOLUTE = Rule(
    code="CE202",
    name="callback-url-not-absolute",
    severity="error",
    summary="event.notification.callback.url is not an absolute http(s) URL",
    description=(
        "The platform POSTs events to `event.notification.callback.url`, so it must be an absolute URL with "
        "an `http` or `https` scheme and a host: `https://mycoolapp.com/events`. A bare host "
        "(`mycoolapp.com`), a path (`/events`), another scheme, surrounding spaces, two URLs in one value "
        "(`https://a/events,https://b/events`: events go to one URL) or a value such as "
        "`\"false\"` cannot receive events. The finding is an error while events are enabled and a warning "
        "otherwise (the URL is not used yet, but it is wrong).\n\n"
        "**Fix:** write the full URL, scheme included, without spaces."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": "true",\n'
         '    "event.notification.callback.url": "mycoolapp.com/events"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": "true",\n'
          '    "event.notification.callback.url": "https://mycoolapp.com/events"\n  }\n}\n'),
)

VENDOR_TYPE_UNKNOWN = Rule(
    code="CE203",
    name="vendor-type-unknown",
    severity="warning",
    summary="event.vendor.type is neither polling nor webhook (did you mean ...?)",
    description=(
        "`event.vendor.type` is documented with two values: `polling` (the platform runs the poller of "
        "`event.poller.configuration`) and `webhook` (the vendor pushes events). Near misses such as "
        "`webhooks` (32 times in Cloud Elements' own documentation), `Polling` or `poll` are not documented "
        "values, and what the platform makes of them is not documented either.\n\n"
        "**Fix:** write `polling` or `webhook`, in lower case."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
         '    "event.vendor.type": "webhooks",\n'
         '    "event.notification.callback.url": "https://mycoolapp.com/events"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
          '    "event.vendor.type": "webhook",\n'
          '    "event.notification.callback.url": "https://mycoolapp.com/events"\n  }\n}\n'),
)

POLLER_WHILE_EVENTS_DISABLED = Rule(
    code="CE204",
    name="poller-while-events-disabled",
    severity="warning",
    summary="event.poller.configuration is given but events are disabled, so the poller never runs",
    description=(
        "A poller runs only while events are enabled. With `event.notification.enabled` explicitly `false` "
        "(or `\"false\"`), the resources of `event.poller.configuration` are never polled. An empty poller "
        "configuration (`{}` or `\"{}\"`) and the platform's responses, which echo the element's default "
        "poller, are not reported.\n\n"
        "**Fix:** set `\"event.notification.enabled\": true` to run the poller, or remove "
        "`event.poller.configuration`."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": false,\n'
         '    "event.poller.configuration": {\n      "customers": {"url": "/hubs/finance/customers", '
         '"idField": "id"}\n    }\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
          '    "event.notification.callback.url": "https://mycoolapp.com/events",\n'
          '    "event.poller.configuration": {\n      "customers": {"url": "/hubs/finance/customers", '
          '"idField": "id"}\n    }\n  }\n}\n'),
)

POLLER_WITH_WEBHOOK = Rule(
    code="CE205",
    name="poller-with-webhook",
    severity="warning",
    summary="event.poller.configuration is given but event.vendor.type is webhook, so nothing is polled",
    description=(
        "With `event.vendor.type` set to `webhook`, events come from the vendor's webhooks and the poller "
        "of `event.poller.configuration` is not the source of events. An empty poller configuration "
        "(`{}` or `\"{}\"`) and the platform's responses are not reported.\n\n"
        "**Fix:** set `\"event.vendor.type\": \"polling\"` to poll these resources, or remove "
        "`event.poller.configuration`."
    ),
    bad=('{\n  "element": {"key": "closeio"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
         '    "event.notification.callback.url": "https://mycoolapp.com/events",\n'
         '    "event.vendor.type": "webhook",\n'
         '    "event.poller.configuration": {\n      "contacts": {"url": "/hubs/crm/contacts", '
         '"idField": "id"}\n    }\n  }\n}\n'),
    good=('{\n  "element": {"key": "closeio"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
          '    "event.notification.callback.url": "https://mycoolapp.com/events",\n'
          '    "event.vendor.type": "polling",\n'
          '    "event.poller.configuration": {\n      "contacts": {"url": "/hubs/crm/contacts", '
          '"idField": "id"}\n    }\n  }\n}\n'),
)

REFRESH_INTERVAL_NOT_MINUTES = Rule(
    code="CE206",
    name="refresh-interval-not-minutes",
    severity="error",
    summary="event.poller.refresh_interval is not a positive whole number of minutes",
    description=(
        "`event.poller.refresh_interval` is the number of minutes between two polls: a positive whole "
        "number, usually written as a string (`\"15\"`; element defaults are 1, 3, 5, 10, 15 or 1440). "
        "`\"15.5\"`, `\"15 minutes\"`, `\"15m\"`, `\" 15\"`, `\"\"` or `-5` are not.\n\n"
        "**Fix:** write the whole number of minutes, such as `\"15\"`."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
         '    "event.poller.refresh_interval": "15 minutes"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
          '    "event.poller.refresh_interval": "15"\n  }\n}\n'),
)

REFRESH_INTERVAL_LONG = Rule(
    code="CE207",
    name="refresh-interval-long",
    severity="warning",
    summary="event.poller.refresh_interval is above 1440 minutes: the poller runs less than once a day",
    description=(
        "`event.poller.refresh_interval` counts minutes, not seconds: above 1440 the poller runs less than "
        "once a day, which is rarely meant (the largest element default is 1440, once a day).\n\n"
        "**Fix:** give the interval in minutes (`\"60\"` for every hour, `\"1440\"` for once a day)."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
         '    "event.poller.refresh_interval": "3600"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
          '    "event.poller.refresh_interval": "60"\n  }\n}\n'),
)

REFRESH_INTERVAL_ZERO = Rule(
    code="CE208",
    name="refresh-interval-zero",
    severity="warning",
    summary="event.poller.refresh_interval is 0: what the platform does below 1 minute is not documented",
    description=(
        "An interval of `0` minutes is below the smallest element default (1 minute); the platform does "
        "not document a minimum or what it does with 0.\n\n"
        "**Fix:** give at least `\"1\"`."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
         '    "event.poller.refresh_interval": "0"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
          '    "event.poller.refresh_interval": "1"\n  }\n}\n'),
)

URL_SCHEME_TYPO = Rule(
    code="CE209",
    name="url-scheme-typo",
    severity="error",
    summary="a URL value with a mistyped scheme (https;//, https:/, htps://)",
    description=(
        "A configuration value such as `oauth.callback.url`, `event.notification.callback.url` or a base "
        "URL must start with `https://` (or `http://`).  A semicolon for the colon (`https;//`, copied from "
        "46 Cloud Elements pages), a missing or extra slash (`https:/`, `https//`, `https:///`), backslashes "
        "or a misspelt scheme (`htps`, `htttps`) make it a relative path or an unknown scheme: the OAuth "
        "redirect or the event delivery fails.  An `oauth.callback.url` with no scheme at all (`www.mycoolapp.com/"
        "auth`, in 10 Cloud Elements examples) is a warning: a redirect URI is absolute (RFC 6749 3.1.2), and the "
        "provider compares it with the registered `https://...` one; the unsafe fix writes `https://`. So is one "
        "that is a path alone (`/oauth/callback`): the help writes the whole URL, whose host only you know."
        "\n\n**Fix:** write `https://` (the fix does it), or the whole URL registered with the provider."
    ),
    bad=('{\n  "element": {"key": "sageone"},\n  "configuration": {\n'
         '    "oauth.api.key": "${SAGE_KEY}",\n    "oauth.callback.url": "https;//mycoolapp.com"\n  }\n}\n'),
    good=('{\n  "element": {"key": "sageone"},\n  "configuration": {\n'
          '    "oauth.api.key": "${SAGE_KEY}",\n    "oauth.api.secret": "${SAGE_SECRET}",\n'
          '    "signature.secret": "${SAGE_SIGNATURE_SECRET}",\n    "apim.subscription.key": "${SAGE_APIM_KEY}",\n'
          '    "oauth.callback.url": "https://mycoolapp.com"\n  }\n}\n'),
)

CALLBACK_UNREACHABLE = Rule(
    code="CE210",
    name="callback-unreachable",
    severity="error",
    summary="the event callback is localhost or a private address the platform cannot reach",
    description=(
        "The platform POSTs each event from its own servers on the internet: `localhost` and `127.0.0.1` "
        "are the platform's machine, not yours, and private (`10.x`, `172.16-31.x`, `192.168.x`), "
        "link-local (`169.254.x`) or local-only names (`.local`, `.internal`) are not routed on the "
        "internet, so no event arrives.  This assumes the hosted platform; a self-hosted installation "
        "inside your network could reach such an address.  Reported as a warning while events are off.  The "
        "addresses reserved for documentation (`192.0.2.x`, `198.51.100.x`, `203.0.113.x`, `2001:db8::`) are "
        "examples, as `example.com` is, and not reported.\n\n"
        "**Fix:** a public https URL; for local development, a tunnel (ngrok, cloudflared) to your machine."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
         '    "event.notification.callback.url": "http://localhost:8080/events"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
          '    "event.notification.callback.url": "https://mycoolapp.com/events"\n  }\n}\n'),
)

REFRESH_INTERVAL_SECONDS = Rule(
    code="CE211",
    name="refresh-interval-seconds",
    severity="warning",
    summary="event.poller.refresh_interval of 300, 600, 900 or 1200: 5 to 20 minutes written in seconds",
    description=(
        "`event.poller.refresh_interval` counts minutes.  `\"900\"` is 15 hours, not the 15 minutes that 900 "
        "seconds make: the poller runs twice a day and events arrive hours late.  300, 600, 900 and 1200 are "
        "reported, 5, 10, 15 and 20 minutes in seconds (element defaults are 1, 3, 5, 10, 15 or 1440 minutes); "
        "whole hours such as 60, 120 or 720 are not.  (`oauth.user.refresh_interval`, the OAuth token's "
        "lifetime, counts seconds and is not this key.)\n\n"
        "**Fix:** the minutes (`\"15\"` for every 15 minutes); the fix is unsafe, as only you know the unit meant."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
         '    "event.poller.refresh_interval": "900"\n  }\n}\n'),
    good=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n'
          '    "event.poller.refresh_interval": "15"\n  }\n}\n'),
)

RULES: list[Rule] = [
    EVENTS_WITHOUT_CALLBACK, CALLBACK_URL_NOT_ABSOLUTE, VENDOR_TYPE_UNKNOWN, POLLER_WHILE_EVENTS_DISABLED,
    POLLER_WITH_WEBHOOK, REFRESH_INTERVAL_NOT_MINUTES, REFRESH_INTERVAL_LONG, REFRESH_INTERVAL_ZERO,
    URL_SCHEME_TYPO, CALLBACK_UNREACHABLE, REFRESH_INTERVAL_SECONDS,
]


def is_placeholder(value: str) -> bool:
    """Whether the placeholder rules (CE70x) report ``value``: ``<...>``, ``{{...}}``, ``xxxx``, ``YOUR_...``."""
    return bool(find_placeholders(value))


@lru_cache(maxsize=4096)  # field paths and formats repeat in every poller entry
def is_unfilled(value: str) -> bool:
    """Whether ``value`` is not literal yet: a placeholder or an environment reference (``${NAME}``, or the whole
    value ``$NAME``, ``{{ secrets.NAME }}``)."""
    return contains_env_reference(value) or is_env_reference(value) or is_placeholder(value)


def truthy(value: Any) -> bool | None:
    """``True``/``False`` for a boolean or a ``"true"``/``"false"`` string (as Java's ``Boolean.parseBoolean`` reads
    it: in any case, but no blank around it, which CE104 reports), else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.lower()
        if text == "true":
            return True
        if text == "false":
            return False
    return None


def is_response(value: Any) -> bool:
    """Whether an instance document is the platform's answer (it carries ``token``/``createdDate``/an id)."""
    if not isinstance(value, dict) or not ("element" in value or isinstance(value.get("configuration"), dict)):
        return False  # a bare configuration object may well have a "token" key of its own
    number = value.get("id")  # (a JSON integer: `true` is no id, as the overlays' elements.PLATFORM_ANSWER says)
    return "token" in value or "createdDate" in value \
        or (isinstance(number, int) and not isinstance(number, bool) and "element" in value)


def shows_part(ctx: Context) -> bool:
    """Whether the document shows part of an instance (an update, a configuration of event keys alone, or the
    platform's answer): keys a new instance needs may be absent from it."""
    return sends_part(ctx.value, ctx.kind) or is_response(ctx.value)


def _pointer(ctx: Context, key: str) -> str:
    return f"{ctx.configuration_pointer}/{escape_pointer_token(key)}"


def check(ctx: Context) -> Iterator[Finding]:
    """Report the CE2xx findings of the document's configuration object, if it has one."""
    config = ctx.configuration
    if not isinstance(config, dict):
        return
    enabled = truthy(config.get(ENABLED))
    yield from _scheme_typos(ctx, config, enabled)
    yield from _callback(ctx, config, enabled)
    yield from _vendor_type(ctx, config)
    yield from _poller_not_run(ctx, config, enabled)
    yield from _refresh_interval(ctx, config)


def _callback(ctx: Context, config: dict[str, Any], enabled: bool | None) -> Iterator[Finding]:
    missing = object()
    url = config.get(CALLBACK, missing)
    if enabled:
        if url is missing and not shows_part(ctx):
            from ..schemas import near_event_key

            near = next((key for key in config if isinstance(key, str) and near_event_key(key) == CALLBACK), None)
            why = f" (`{near}` is not that key: a typo?)" if near else ""  # (its CE101 says the same from the key)
            yield ctx.finding(EVENTS_WITHOUT_CALLBACK, f"events are enabled but `{CALLBACK}` is missing{why}: the platform "
                                       "has nowhere to send them", pointer=_pointer(ctx, ENABLED), key=True,
                              help=f'rename "{near}" to "{CALLBACK}"' if near else
                              f'add "{CALLBACK}" with the absolute https URL that receives your events')
            return
        if url is None or (isinstance(url, str) and not url.strip()):
            shown = "null" if url is None else "empty"
            yield ctx.finding(EVENTS_WITHOUT_CALLBACK, f"events are enabled but `{CALLBACK}` is {shown}: the platform has nowhere "
                                       "to send them", pointer=_pointer(ctx, CALLBACK),
                              help="give the absolute https URL that receives your events")
            return
    if not isinstance(url, str) or not url.strip() or is_unfilled(url) or scheme_typo(url) is not None:
        return  # a mistyped scheme is CE209's
    if is_response(ctx.value) and not enabled:
        return  # a response with events off echoes whatever is stored: not the user's text
    problem = callback_problem(url)
    if problem is not None:
        message, fix = problem
        at = _invisible_at(url) if _INVISIBLE_SAID in message else None
        yield ctx.finding(CALLBACK_URL_NOT_ABSOLUTE, message, pointer=_pointer(ctx, CALLBACK), help=fix,
                          severity="error" if enabled else "warning", sub=None if at is None else (at, at + 1),
                          fix=None if at is None else Fix("remove the invisible character", (Edit(at, at + 1, ""),)))
        return
    unreachable = unreachable_host(url)
    if unreachable is not None:
        host, what = unreachable
        start = url.index(host, url.index("//") + 2)
        yield ctx.finding(CALLBACK_UNREACHABLE, f"the callback host `{host}` is {what}: the platform POSTs events from "
                                   "its servers on the internet and cannot reach it (assuming the hosted platform)",
                          pointer=_pointer(ctx, CALLBACK), sub=(start, start + len(host)),
                          severity="error" if enabled else "warning",
                          help="a public https URL; for local development, a tunnel (ngrok, cloudflared)")


_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa")


_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}")


def _numeric_ipv4(name: str) -> Any:
    """The IPv4 address a host written as numbers in another form names (``127.1``, ``2130706433``,
    ``0x7f000001``, ``0177.0.0.1``), as resolvers read it (``inet_aton``); None for a name."""
    import ipaddress
    import socket

    if not _NUMERIC_HOST.fullmatch(name):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(name))
    except OSError:
        return None


@lru_cache(maxsize=1)
def _documentation_networks() -> tuple[Any, ...]:
    import ipaddress

    return tuple(ipaddress.ip_network(network) for network in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",
                                                                "2001:db8::/32"))


def unreachable_host(url: str) -> tuple[str, str] | None:
    """``(host, why)`` when an absolute URL's host is not reachable from the internet, else None."""
    import ipaddress

    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    name = host.rstrip(".").lower()
    if name in ("localhost", "localhost.localdomain") or name.endswith(".localhost"):
        return host, "the machine itself"  # (the name says localhost already)
    if name.endswith(_LOCAL_SUFFIXES):
        return host, "a local-network name"
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = _numeric_ipv4(name)
        if address is None:
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # `::ffff:127.0.0.1` is the IPv4 address it carries
    if any(address in network for network in _documentation_networks() if network.version == address.version):
        return None  # an example's address (RFC 5737, RFC 3849), as `example.com` is an example's name
    if address.is_loopback:
        return host, "a loopback address (the machine itself)"
    if address.is_unspecified:
        return host, "the unspecified address"
    if address.is_link_local:
        return host, "a link-local address"
    if address.is_private:
        return host, "a private network address"
    return None


# The scheme as typed, then the separator: a near miss of "http(s)://" that is not exactly it.
_SCHEME_AND_SEPARATOR = re.compile(r"(?P<scheme>[A-Za-z]{3,7})(?P<sep>\s*[:;]+\s*[/\\]*|[/\\]+)")


def scheme_typo(value: str) -> tuple[int, int, str] | None:
    """``(start, end, replacement)`` of a mistyped ``http(s)://`` at the start of ``value``, else None."""
    start = len(value) - len(value.lstrip())
    if value[start:start + 1] not in ("h", "H"):
        return None  # (every scheme meant starts with its `h`: most values of a configuration are no URL)
    import difflib

    match = _SCHEME_AND_SEPARATOR.match(value, start)
    if match is None:
        return None
    scheme, sep = match.group("scheme"), match.group("sep")
    lower = scheme.lower()
    if lower in ("http", "https"):
        meant = lower
    else:
        if not lower.startswith("h") or "tp" not in lower.replace("tt", "t"):
            return None
        close = difflib.get_close_matches(lower, ("https", "http"), n=1, cutoff=0.75)
        if not close:
            return None
        meant = close[0]
    rest = value[match.end():]
    if sep == "://" and lower == meant:
        return None
    if not rest or not (rest[0].isalnum() or rest[0] in "[$<{"):
        return None  # "https:" alone, or "https:// ": not a URL typed with a wrong separator
    return match.start(), match.end(), meant + "://"


def callback_problem(url: str) -> tuple[str, str] | None:
    """Why ``url`` cannot receive events (message, fix), or None when it is an absolute http(s) URL."""
    stripped = url.strip()
    if stripped != url:
        where = "leading" if url[:1].isspace() else "trailing"
        edge = url[0] if url[:1].isspace() else url[-1]
        what = {"\n": "line break", "\r": "carriage return", "\t": "tab"}.get(edge, "space")
        if callback_problem(stripped) is None:
            return f"the callback URL has a {where} {what}", f"write {json_str(stripped)}"
        url = stripped
    if url.lower() in ("true", "false", "null", "none", "undefined"):
        return f"the callback URL is `{url}`, not a URL", "give the absolute https URL that receives your events"
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # `http://a.[com`: a bracket that opens no IPv6 address
        # (the parser's message quotes the host part, which may hold user information: said in its own words)
        reason = "its host holds a character that normalizes to a URL's `:`, `/`, `?`, `@` or `#` (a full-width one?)" \
            if "NFKC" in str(exc) else "a `[` opens no IPv6 address" if "IPv6" in str(exc) else "it cannot be parsed"
        return f"the callback URL is not a URL: {reason}", "write it as https://host/path"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and url[len(scheme):].startswith("://"):
        if parts.netloc:
            return _host_problem(url, parts) or _space_problem(url) or _fragment_problem(url, parts)
        return f"the callback URL `{url}` has no host", "write it as https://host/path"
    if url.startswith("/"):
        return (f"the callback URL `{url}` is relative: the platform needs an absolute URL",
                "write it as https://host" + url)
    if _HOST.match(url):
        return f"the callback URL `{url}` has no scheme", f"write https://{url}"
    if scheme and "://" in url:
        return (f"the callback URL uses `{parts.scheme}:`; the platform POSTs events over http or https",
                "use an http or https URL")
    return f"the callback URL `{url}` is not an absolute http(s) URL", "write it as https://host/path"


# Another absolute URL after a separator (`https://a/events,https://b/events`): two receivers written in one value.
_SECOND_URL = re.compile(r"(?<![\s,;|])[\s,;|]+https?://", re.IGNORECASE)  # (from a run's start only: one try a run)


def _host_problem(url: str, parts: Any) -> tuple[str, str] | None:
    """What makes the host part of an http(s) URL no host to POST to: a space, an invisible character, an empty
    label, the scheme written twice, a port out of range (a user's trial: each passed)."""
    host = parts.hostname or ""  # (never the user information, which may hold a password)
    if any(char.isspace() for char in host):
        return f"the callback URL's host `{host}` holds a space: no host is named so", "remove the space"
    if _invisible_at(host) is not None:  # (pasted with the host: java.net.URI then reads no host, `getHost()` null)
        return (f"the callback URL's host holds {_invisible_named(host)}{_INVISIBLE_SAID}: Java's URI parser reads no "
                "host in it, so no event is delivered", "remove the invisible character (pasted with the URL?)")
    if ".." in host or host.startswith("."):  # (`mycoolapp..com`: an empty label, java.net.URI reads no host either)
        return (f"the callback URL's host `{host}` has an empty label (a dot first or two dots in a row): no host is "
                "named so", "remove the extra dot")
    rest = url[url.index("://") + 3:]
    if host in ("http", "https") and re.match(r"https?:/", rest, re.IGNORECASE):
        return (f"the callback URL writes its scheme twice (`{url[:url.index('://') + 3]}{host}:/`)",
                f"write {url[:url.index('://') + 3]}{re.sub(r'^https?:/+', '', rest, flags=re.IGNORECASE)}")
    second = _SECOND_URL.search(url, len(parts.scheme) + 3)  # (not in a query: `?next=https://...` is a value)
    if second is not None and "?" not in url[:second.start()]:
        origin = quotable_origin(url[second.end() - len(second.group(0).lstrip(" \t\r\n,;|")):])
        return (f"the callback URL holds a second URL (`{origin}...`): the platform POSTs each event to one URL, and "
                "this value is no URL a receiver has", "keep one URL; a second receiver needs its own instance, or a "
                "receiver that forwards the events")
    try:
        parts.port
    except ValueError:
        port = parts.netloc.rsplit(":", 1)[-1]
        if port[:1] == "$" and is_env_reference(port):
            return None  # `https://$HOST:$PORT/cb`: a variable the shell or the deployment fills
        if "@" in rest and not port.isdigit():  # `user:pa#ss@host`: the password's start, read as the port
            return ("the callback URL's user information holds a character that ends the host ('/', '?' or '#'): "
                    "what follows the ':' is read as a port", "percent-encode it in the password (%2F, %3F, %23)")
        if reads_like_a_password(port.split("%", 1)[0]):  # (`admin:<password>/host`: a password, not quoted)
            return ("the callback URL's port is not a number: what follows the host's `:` is no port (a user and "
                    "password whose `@` is missing?)", "write the port the receiver listens on, or none for the "
                    "scheme's own; user information goes before an `@`")
        return (f"the callback URL's port `{port}` is not a port (1-65535)",
                "write the port the receiver listens on, or none for the scheme's own")
    return None


def _space_problem(url: str) -> tuple[str, str] | None:
    """A space (or another blank) in the path or query: no valid URL holds one, and Java's `java.net.URI`, which
    reads the URL before a request is sent, rejects it (`Illegal character in path`); an invisible character (a
    zero-width space pasted with the path) is sent percent-encoded (`%E2%80%8B`), a path the receiver does not have."""
    blank = next((char for char in url if char.isspace()), None)
    if blank is None:
        if _invisible_at(url) is None:
            return None
        return (f"the callback URL holds {_invisible_named(url)}{_INVISIBLE_SAID}: it is sent percent-encoded, to a "
                "path or query the receiver does not have", "remove the invisible character (pasted with the URL?)")
    what = "a space" if blank == " " else f"a blank (U+{ord(blank):04X})"
    return (f"the callback URL holds {what}: it is no valid URL (Java's URI parser rejects it), so no event is "
            "delivered", "percent-encode it (`%20` for a space), or remove it")


# Invisible characters a URL is pasted with (format characters: a zero-width space, a word joiner, a byte order
# mark, a soft hyphen, a bidirectional mark); spaces and blanks are said as such above.
_INVISIBLE = LazyPattern(f"[{INVISIBLES}]")
_INVISIBLE_SAID = ", an invisible character"  # (how _callback knows to point at the character)


def _invisible_at(text: str) -> int | None:
    match = None if text.isascii() else _INVISIBLE.search(text)
    return None if match is None else match.start()


def _invisible_named(text: str) -> str:
    """`a zero width space (U+200B)`: the first invisible character of ``text``."""
    at = _invisible_at(text)
    assert at is not None
    name, point = char_named(text[at])
    return f"{name} ({point})"


def _fragment_problem(url: str, parts: Any) -> tuple[str, str] | None:
    """A fragment (`https://webhook.site/#!/<id>`, a page's address in a browser): no HTTP request sends it, so the
    events go to the URL before the `#`."""
    if "#" not in url or not parts.fragment or "{" in parts.fragment:
        return None  # (`#{TenantId}`: Octopus Deploy's or Azure DevOps' variable, filled in before the body is sent)
    if not parts.fragment.startswith(("!", "/")) and parts.path not in ("", "/"):
        return None  # a label after the receiver's own path (`/ce/events#sfdc`): the events reach that path
    sent = quotable_origin(url) + (parts.path or "/")
    return (f"the callback URL has a fragment (`#...`), which no HTTP request sends: the platform POSTs every event to "
            f"`{sent}`", "give the URL the receiver takes requests at (a browser's address for a page, such as "
            "webhook.site's `/#!/<id>`, is not it)")


def _scheme_typos(ctx: Context, config: dict[str, Any], enabled: bool | None) -> Iterator[Finding]:
    """CE209 over the string values of the configuration and of ``providerData``."""
    places: list[tuple[str, dict[str, Any]]] = [(ctx.configuration_pointer or "", config)]
    provider = ctx.value.get("providerData") if ctx.kind == "instance" and isinstance(ctx.value, dict) else None
    if isinstance(provider, dict):
        places.append(("/providerData", provider))
    for base, values in places:
        for key, value in values.items():
            if not isinstance(value, str) or key == POLLER:
                continue
            typo = scheme_typo(value)
            if typo is None and key.lower() == "oauth.callback.url" and "://" not in value and _HOST_FIRST.match(value):
                # `www.mycoolapp.com/auth`: no scheme at all (RFC 6749 3.1.2: the redirect URI is absolute)
                yield ctx.finding(URL_SCHEME_TYPO, f"`{key}` has no scheme: the OAuth redirect URI must be absolute, "
                                  "and the provider compares it with the registered one, `https://...`",
                                  pointer=f"{base}/{escape_pointer_token(key)}", sub=(0, len(value)), severity="warning",
                                  help="write `https://` before it",
                                  fix=Fix("write `https://` before it", (Edit(0, 0, "https://"),), "unsafe"))
                continue
            if typo is None and key.lower() == "oauth.callback.url" and value.startswith("/") \
                    and not value.startswith("//"):  # `/oauth/callback`: a path, with no host to redirect to
                yield ctx.finding(URL_SCHEME_TYPO, f"`{key}` is a path, not a URL: the OAuth redirect URI must be "
                                  "absolute, and the provider compares it with the registered one, `https://...`",
                                  pointer=f"{base}/{escape_pointer_token(key)}", sub=(0, len(value)), severity="warning",
                                  help=f"write the whole URL registered with the provider, `https://<your host>{value}`")
                continue
            if typo is None:
                continue
            start, end, replacement = typo
            written = value[start:end]
            yield ctx.finding(URL_SCHEME_TYPO, f"`{written}` is a mistyped `{replacement}`: `{key}` is not an absolute "
                                       "URL, so whatever uses it (an OAuth redirect, event delivery) fails",
                              pointer=f"{base}/{escape_pointer_token(key)}", sub=(start, end),
                              help=f"write `{replacement}`",
                              fix=Fix(f"write `{replacement}`", (Edit(start, end, replacement),)))


# A host name first, as a URL without its scheme starts (`www.mycoolapp.com/auth`, `localhost:3000/cb`)
_HOST_FIRST = LazyPattern(HOST_LABELS + r"[A-Za-z]{2,24}(?::\d{1,5})?(?:[/?#]|$)"
                          r"|localhost(?::\d{1,5})?(?:[/?#]|$)")


def vendor_suggestion(value: str) -> str | None:
    """The documented vendor type ``value`` is a near miss of, if any."""
    import difflib

    text = re.sub(r"[\s_-]+", "", value.strip().lower())
    if text in VENDOR_TYPES:
        return text
    if text in ("webhooks", "hook", "hooks"):
        return "webhook"
    if text in ("poll", "poller", "polls", "pooling", "pulling"):
        return "polling"
    close = difflib.get_close_matches(text, VENDOR_TYPES, n=1, cutoff=0.6)
    return close[0] if close else None


def _vendor_type(ctx: Context, config: dict[str, Any]) -> Iterator[Finding]:
    value = config.get(VENDOR)
    if not isinstance(value, str) or value in VENDOR_TYPES or not value.strip() or is_unfilled(value):
        return
    suggestion = vendor_suggestion(value)
    pointer = _pointer(ctx, VENDOR)
    mend = None
    if suggestion:
        message = f"`{VENDOR}` is `{value}`: did you mean `{suggestion}`? The documented values are polling and webhook"
        fix = f'write "{suggestion}"'
        # unsafe: what the platform makes of `Polling` or `webhooks` is not documented, nor is a near miss sure
        edit = replace_value(ctx.source, pointer, json.dumps(suggestion))
        mend = Fix(fix, (edit,), "unsafe") if edit is not None else None
    else:  # (a long run of letters and digits, such as a token pasted in the wrong field, is not quoted)
        shown = unquotable(value) or f"`{value}`"
        message = f"`{VENDOR}` is {shown}: the documented values are polling and webhook"
        fix = 'write "polling" or "webhook"'
    yield ctx.finding(VENDOR_TYPE_UNKNOWN, message, pointer=pointer, help=fix, fix=mend)


def has_poller(ctx: Context) -> bool:
    """Whether the document's poller configuration (an object or its JSON string) names at least one resource."""
    for ref, source in ctx.pollers:
        poller = source.value if ref.stringified else resolve_pointer(ctx.value, ref.pointer)
        if isinstance(poller, dict) and poller:
            return True
    return False


def _poller_not_run(ctx: Context, config: dict[str, Any], enabled: bool | None) -> Iterator[Finding]:
    if POLLER not in config or is_response(ctx.value) or not has_poller(ctx):
        return
    if enabled is False:
        yield ctx.finding(POLLER_WHILE_EVENTS_DISABLED, f"`{POLLER}` has no effect: events are disabled (`{ENABLED}` is "
                                   f"{_shown(config[ENABLED])})", pointer=_pointer(ctx, POLLER), key=True,
                          help=f'set "{ENABLED}": true to run the poller, or remove "{POLLER}"')
        return
    if ENABLED in config and config[ENABLED] is None and not shows_part(ctx):  # (null: how a response shows it unset)
        yield ctx.finding(POLLER_WHILE_EVENTS_DISABLED, f"`{POLLER}` has no effect: `{ENABLED}` is null, which leaves "
                          "events off (their default)", pointer=_pointer(ctx, POLLER), key=True,
                          help=f'set "{ENABLED}": true to run the poller')
        return
    if ENABLED not in config and ctx.kind == "instance":  # a bare configuration object may be a fragment
        import difflib

        near = difflib.get_close_matches(ENABLED, [k for k in config if isinstance(k, str)], n=1, cutoff=0.85)
        if not near and shows_part(ctx):
            return  # an update leaves the switch as the instance has it
        why = f" (`{near[0]}` is not that key: a typo?)" if near else ""
        yield ctx.finding(POLLER_WHILE_EVENTS_DISABLED, f"`{POLLER}` has no effect: events are off by default and `{ENABLED}` is not "
                                   f"set{why}", pointer=_pointer(ctx, POLLER), key=True,
                          help=f'add "{ENABLED}": true to run the poller')
        return
    vendor = config.get(VENDOR)
    if isinstance(vendor, str) and vendor.strip().lower() == "webhook":
        yield ctx.finding(POLLER_WITH_WEBHOOK, f"`{POLLER}` is not used: `{VENDOR}` is `{vendor}`, so events come from the "
                                   "vendor's webhooks, not from polling", pointer=_pointer(ctx, POLLER), key=True,
                          help=f'set "{VENDOR}": "polling" to poll these resources, or remove "{POLLER}"')


def _shown(value: Any) -> str:
    return json.dumps(value)


# An interval written in seconds or hours, or as ISO 8601's duration (`PT15M`, `PT1H`)
_DURATION = re.compile(r"(PT)?(\d{1,9}) ?(s|secs?|seconds?|h|hrs?|hours?|m|mins?|minutes?)", re.IGNORECASE)


def parse_minutes(value: Any) -> tuple[int | None, str | None, str | None]:
    """A refresh interval as whole minutes, or ``(None, why, fix)`` when it is not a whole number.

    ``(None, None, None)`` for a value of a type the schema reports (a boolean, an object...).
    """
    generic = 'write the whole number of minutes between polls, such as "15"'
    if isinstance(value, bool):
        return None, None, None
    digits = (value.strip().lstrip("+-") if isinstance(value, str) and _INTEGER.fullmatch(value.strip())
              else None)
    if isinstance(value, int):
        digits = str(abs(value)) if value.bit_length() < 64 else "9" * 20  # no str() of a 5,000-digit int
    if digits is not None and len(digits.lstrip("0")) > 10:
        return None, f"has {'more than 18' if len(digits) >= 20 else len(digits.lstrip('0'))} digits: more than " \
                     "the platform's whole numbers (Java int) hold", generic
    if digits is not None and whole_setting(value if isinstance(value, int) else int(value)) is None:
        # (ten digits past 2,147,483,647: as far out of a Java int as eleven)
        return None, f"is {value if isinstance(value, int) else value.strip()}: beyond the platform's whole numbers (a Java int, " \
                     "-2,147,483,648 to 2,147,483,647)", generic
    if isinstance(value, int):
        return value, None, None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):  # `1e99999`, a 200,000-digit number
            return None, "is a number too large for the platform's whole numbers (Java int)", generic
        if value.is_integer():
            return None, f"is {value!r}, not written as a whole number", f"write {int(value)}"
        return None, f"is {value!r}, not a whole number of minutes", generic
    if not isinstance(value, str):
        return None, None, None
    if _INTEGER.fullmatch(value):
        return int(value), None, None
    stripped = value.strip()
    shown = unquotable(stripped) or json_str(value)  # (a password pasted here is not quoted)
    if not stripped:
        return None, "is empty", generic
    if _INTEGER.fullmatch(stripped):
        return None, f"is {shown}, with surrounding spaces", f"write {json_str(stripped)}"
    if _DECIMAL.fullmatch(stripped):
        return None, f"is {shown}, not a whole number of minutes", generic
    match = re.fullmatch(r"([+-]?\d+)\s*(m|min|mins|minutes?)", stripped, re.IGNORECASE)
    if match:
        return None, f"is {shown}: give the number alone, the unit is always minutes", \
            f"write {json_str(match.group(1))}"
    duration = _DURATION.fullmatch(stripped)
    if duration:  # (`900s`, `1h`, ISO 8601's `PT15M`: the minutes meant, when whole)
        amount, unit = int(duration.group(2)), duration.group(3)[0].lower()
        name = {"s": "second", "h": "hour", "m": "minute"}[unit] + ("" if amount == 1 else "s")
        minutes = amount * 60 if unit == "h" else amount if unit == "m" else amount // 60 if amount % 60 == 0 else None
        iso = "ISO 8601's " if duration.group(1) else ""
        return None, f"is {shown}, {iso}{amount} {name}: the unit is always minutes", \
            f'write "{minutes}"' if minutes and whole_setting(minutes) is not None else generic  # (a Java int)
    return None, f"is {shown}, not a number of minutes", generic


def json_str(value: str) -> str:
    """``value`` as a JSON string literal, as the user wrote it."""
    return json.dumps(value, ensure_ascii=False)


def _days(minutes: int) -> str:
    """More than a day of `minutes` as days: "about 2.5 days" (not "about 2 days" for 3600), "about 1.4 days"."""
    days, rest = divmod(minutes, MINUTES_PER_DAY)  # integers: a 400-digit interval must not overflow a float
    if days < 10 and rest:
        shown = f"{round(minutes / MINUTES_PER_DAY, 1):g}"
        return f"about {shown} day{'' if shown == '1' else 's'}"
    shown = f"{days:,}" if days < 10**9 else f"10^{len(str(days)) - 1}"
    return f"{'about ' if rest else ''}{shown} days"


def _refresh_interval(ctx: Context, config: dict[str, Any]) -> Iterator[Finding]:
    if INTERVAL not in config:
        return
    value = config[INTERVAL]
    if isinstance(value, str) and value.strip() and is_unfilled(value):
        return
    pointer = _pointer(ctx, INTERVAL)
    minutes, why, fix = parse_minutes(value)
    if why is not None:
        yield ctx.finding(REFRESH_INTERVAL_NOT_MINUTES, f"`{INTERVAL}` {why}", pointer=pointer, help=fix)
    elif minutes is None:
        return
    elif minutes < 0:
        yield ctx.finding(REFRESH_INTERVAL_NOT_MINUTES, f"`{INTERVAL}` is {minutes}: the number of minutes between polls must be "
                                   "positive", pointer=pointer, help='write a positive number of minutes, such as "15"')
    elif minutes == 0:
        yield ctx.finding(REFRESH_INTERVAL_ZERO, f"`{INTERVAL}` is 0 minutes: the platform does not document what it does below "
                                   "1 minute", pointer=pointer, help='write at least "1"')
    elif minutes > MINUTES_PER_DAY:
        shown = f"{minutes}" if minutes < 10**12 else f"a {len(str(minutes))}-digit number of"
        unit, per_minute = ("milliseconds", 60_000) if minutes % 60_000 == 0 else ("seconds", 60)
        # what it is in that unit, when that is an interval people choose (2880 may be two days meant as it is)
        meant = minutes // per_minute if minutes % per_minute == 0 and minutes // per_minute in _USUAL_MINUTES else None
        yield ctx.finding(REFRESH_INTERVAL_LONG, f"`{INTERVAL}` is {shown} minutes ({_days(minutes)}): the poller runs "
                                   "less than once a day; the interval counts minutes"
                                   + (f", not {unit} ({minutes} {unit} are {meant} minute{'s' if meant != 1 else ''})"
                                      if meant is not None else ""),
                          pointer=pointer, help=f'write "{meant}"' if meant is not None else
                          'give minutes: "60" is every hour, "1440" once a day',
                          **(_minutes_written(ctx, value, str(meant), pointer) if meant is not None else {}))
    elif minutes in _SECONDS_LIKE:
        yield _seconds_like(ctx, value, minutes, pointer)


# The refresh intervals people choose, in minutes
_USUAL_MINUTES = frozenset({1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440})


def _seconds_like(ctx: Context, value: Any, minutes: int, pointer: str) -> Finding:
    """CE211: 5 to 20 minutes written in seconds; the fix writes the minutes in the value's own form."""
    meant = str(minutes // 60)
    message = (f"`{INTERVAL}` is {minutes} minutes ({minutes // 60} hours): the interval counts minutes, and "
               f"{minutes} seconds are {meant} minutes")
    help = f'write "{meant}" if a poll every {meant} minutes was meant'
    return ctx.finding(REFRESH_INTERVAL_SECONDS, message, pointer=pointer, help=help,
                       **_minutes_written(ctx, value, meant, pointer))


def _minutes_written(ctx: Context, value: Any, minutes: str, pointer: str) -> dict[str, Any]:
    """The finding's place and its unsafe fix writing ``minutes`` for an interval in another unit, in the value's own
    form: a string's digits are replaced, its quotes kept."""
    if isinstance(value, str):
        return {"sub": (0, len(value)), "fix": Fix(f'write "{minutes}"', (Edit(0, len(value), minutes),), "unsafe")}
    start, end = ctx.source.span(pointer)
    return {"fix": Fix(f"write {minutes}", (Edit(start, end, minutes),), "unsafe")}
