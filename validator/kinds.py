"""What a JSON document holds: an instance body, a configuration object, or a poller configuration.

Detection is by shape, so a hook can run on every ``*.json`` of a repository and
skip the files that are not Cloud Elements bodies (``package.json``...).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator, Literal, NamedTuple, Optional, Union

from .lazy_pattern import ByScript, LazyPattern
from .vocabulary.placeholders import is_placeholder_value

Kind = Literal["instance", "configuration", "poller"]
KINDS: tuple[Kind, ...] = ("instance", "configuration", "poller")


def checked_kind(kind: object) -> Kind | Literal["auto"]:
    """``kind`` when it is ``"auto"`` or one of :data:`KINDS`, else the :class:`ValueError` the library raises
    (before any work: a page with no body, or a file the configuration excludes, would otherwise take it)."""
    if kind == "auto":
        return "auto"
    for known in KINDS:
        if kind == known:
            return known
    raise ValueError(f"unknown kind {kind!r}: use auto, instance, configuration or poller")

POLLER_KEY = "event.poller.configuration"
_INSTANCE_KEYS = frozenset({"element", "providerData", "configuration"})
_ENTRY_KEYS = frozenset({"url", "idField", "datesConfiguration", "filterByUpdatedDate", "createdCheckTolerance"})
_CONFIG_PREFIXES = ("event.", "oauth.", "base.url", "username", "password", "api.", "pagination.", "bulk.")




class PollerRef(NamedTuple):
    """Where a poller configuration sits: ``pointer`` in the document; ``stringified`` when it is a JSON string."""

    pointer: str
    stringified: bool


#: The key naming the JSON Schema a file follows (`"$schema": "./poller.schema.json"`), which editors read: no
#: resource of a poller map.
SCHEMA_KEY = "$schema"


def _is_poller_map(value: Any, *, nested: bool = False, sends: bool = False) -> bool:
    """Whether ``value`` is a map of poller entries; ``nested``: or a map of one whose entries send what only a
    poller sends (a hub path, a last-poll macro, a filter: `{"configuration": {"customers": {"url": "/hubs/..."}}}`,
    a level too many, which the poller schema reports as CE106; not a front end's `{"api": {"users": {"url":
    "/api/users", "pageSize": 20}}}`)."""
    if not isinstance(value, dict) or not value:
        return False
    entries = [entry for key, entry in value.items() if entry is not None and key != SCHEMA_KEY]  # (null: CE102's)
    if not entries:
        return False
    if not all(isinstance(entry, dict) for entry in entries):
        # a resource written as a string or a list beside entries only a poller has (`"customers":
        # "/hubs/finance/customers"`): a poller file all the same, whose schema reports that resource (CE102)
        dicts = [entry for entry in entries if isinstance(entry, dict)]
        return not sends and bool(dicts) and all(_is_poller_entry(entry) for entry in dicts) \
            and any(_sends_a_poll(entry) for entry in dicts)
    return any((_sends_a_poll(entry) if sends else _is_poller_entry(entry))
               or nested and _is_poller_map(entry, sends=True) for entry in entries)


def _sends_a_poll(entry: dict[Any, Any]) -> bool:
    """Whether an entry has what only a poller has: a hub path, a last-poll macro or a filter in its `url`, or the
    keys of its dates (not an `idField` or a `pageSize`, which a front end's tables have too)."""
    return sends_a_poll_url(entry.get("url")) or not _DATED_KEYS.isdisjoint(entry.keys())


def sends_a_poll_url(url: Any) -> bool:
    """Whether ``url`` is what only a poller sends: a hub path, a last-poll macro or a filter (also what an entry
    holds under a misspelt `url`, `"path": "/hubs/crm/contacts"`, so CE101 names `url` as the key meant)."""
    return isinstance(url, str) and (_only_a_poller_sends(url) or "where=" in url)


def _only_a_poller_sends(url: str) -> bool:
    """A hub path or a last-poll macro (a `where=` filter is a route's too, beside its `title`)."""
    return url.lstrip().startswith("/hubs/") or "${" in url


_DATED_KEYS = frozenset({"datesConfiguration", "updatedDateField", "updatedDateFormat", "createdDateField",
                         "createdDateFormat", "filterByUpdatedDate", "filterByCurrentDate", "createdCheckTolerance",
                         "pollDelay"})


# Keys only a poller entry has; a `url` alone is every settings file's (`{"db": {"url": "postgres://..."}}`).
_POLLER_ONLY_KEYS = _ENTRY_KEYS - {"url"}


def _is_poller_entry(entry: dict[Any, Any]) -> bool:
    """Whether a map's entry reads as a poller entry: a key only pollers have; a URL only a poller sends (a hub
    path, a last-poll macro; a CEQL filter alone or beside a poller's keys); or a vendor path (`/invoices`, which the platform joins to the
    element's base URL) beside keys a poller entry has, however misspelt (`idfield`, `dateConfiguration`).  A
    settings file's URLs are absolute (`postgres://...`), and a site's routes keep other company
    (`{"url": "/about", "title": "About"}`)."""
    if _POLLER_ONLY_KEYS & entry.keys():
        return True
    url = entry.get("url")
    if not isinstance(url, str):
        return _misspelt_url_entry(entry)
    others = [key for key in entry if key != "url"]
    if _sends_a_poll(entry):  # (a filter alone, beside a route's own keys, is a route's: `"/contacts?where=active"`
        # with its `title`; a hub path or a last-poll macro is only a poller's)
        return "where=" not in url or _only_a_poller_sends(url) or all(_entry_key_like(key) for key in others)
    return url.lstrip().startswith("/") and bool(others) and all(_entry_key_like(key) for key in others)


# A last-poll macro of the platform's, its pattern or unit written (a settings file's `${DB_HOST}` is none, nor a
# template's `${date}` or `${now}`)
_DATE_MACRO = LazyPattern(r"\$\{(?:(?:gmtDate|date|dateTimeZone|now|nowTimeZone):|epoch[:}])")
# The keys a `url` is misspelt as (compared in lower case)
_URL_SPELLINGS = frozenset({"url", "urls", "uri", "uris", "path", "href", "link", "endpoint"})


def _misspelt_url_entry(entry: dict[Any, Any]) -> bool:
    """Whether an entry with no `url` holds a hub path or a last-poll macro under another key (`"Url"`, `"uri"`), its
    other keys a poller entry's or near misses (`idfield`): a poller's entry whose `url` is misspelt (CE101 says so).
    Alone in its entry, that key must be a `url`'s spelling: `{"backup": {"target": "/backups/${epoch}"}}` is a
    settings file's.  A macro counts in a query only (`?where=...`): a log's or a backup's file is named by a date too
    (log4j's `"path": "/var/log/app-${date:yyyy-MM-dd}.log"`)."""
    for key, value in entry.items():
        if isinstance(value, str) and (value.lstrip().startswith("/hubs/")
                                       or "?" in value and _DATE_MACRO.search(value, value.index("?"))):
            others = [other for other in entry if other != key]
            return all(_entry_key_like(other) for other in others) \
                and (bool(others) or isinstance(key, str) and key.strip().lower() in _URL_SPELLINGS)
    return False


#: The keys of a poller entry: the poller schema's `$defs/entry` properties (tests/test_engine.py keeps them equal).
ENTRY_PROPERTIES = frozenset({
    "createdCheckTolerance", "createdDateField", "createdDateFormat", "createdDateTimezone", "datesConfiguration",
    "filterByCreatedDate", "filterByCurrentDate", "filterByUpdatedDate", "idField", "pageSize", "pollDelay",
    "updatedDateField", "updatedDateFormat", "updatedDateTimezone", "url", "xPath"})


_LOWERED_ENTRY_PROPERTIES = frozenset(name.lower() for name in ENTRY_PROPERTIES)


def _entry_key_like(key: Any) -> bool:
    """A poller entry's key, or a near miss of one (a case, a letter)."""
    if not isinstance(key, str):
        return False
    return key.lower() in _LOWERED_ENTRY_PROPERTIES or _near_entry_key(key.lower())


@lru_cache(maxsize=4096)
def _near_entry_key(lowered: str) -> bool:
    """Whether ``lowered`` is a near miss of an entry's key (difflib's ratio: read once per key and process, as the
    same resource names come back in every body of a batch)."""
    import difflib

    return bool(difflib.get_close_matches(lowered, _LOWERED_ENTRY_PROPERTIES, n=1, cutoff=0.85))


def is_misspelt_entry(value: dict[Any, Any]) -> bool:
    """Whether ``value`` is one poller entry whose `url` or `idField` is misspelt (`"URL"`, `"idFeild"`): two keys at
    least, each an entry's or a near miss of one, and a `url` only a poller sends (a hub path, a macro, a filter).
    The `url` is looked for first: a map of resources has none, and its names are not compared with difflib's."""
    if len(value) < 2 or not any(isinstance(key, str) and key.lower() == "url" and sends_a_poll_url(url)
                                 for key, url in value.items()):
        return False
    return all(_entry_key_like(key) for key in value)


def detect_kind(value: Any) -> Kind | None:
    """The kind of ``value``, or None when it is not a Cloud Elements document."""
    if not isinstance(value, dict):
        return None
    keys = value.keys()
    if _is_instance(value):
        return "instance"
    if POLLER_KEY in keys or any(isinstance(k, str) and k.startswith(_CONFIG_PREFIXES) for k in keys):
        return "configuration"
    if _is_poller_map(value, nested=True) or is_single_entry(value) or is_misspelt_entry(value):
        return "poller"
    if wrapped_body(value) is not None:
        return "instance"  # its schema says what is wrong: CE103 names the wrapper
    return None


def bulk_items(value: Any) -> list[str]:
    """The pointers of the instance bodies of a bulk file: an array of them (``[{"element": ...}, ...]``), an object
    whose one array is such an array, beside plain values that describe the file (``{"environment": "staging",
    "instances": [...]}``, a ``$schema``), or an object whose members are bodies keyed by their names, two or more
    (``{"sage-prod": {...}, "sage-dev": {...}}``); empty for anything else (every item must be an instance's body, one
    at least with its ``element``: an array of other things is not ours; a body that lost its ``element`` is reported at
    its place, CE103)."""
    if isinstance(value, dict) and value and all(isinstance(key, str) for key in value):
        arrays = [key for key, inner in value.items() if isinstance(inner, list)]
        objects = [key for key, inner in value.items() if isinstance(inner, dict)]
        if len(arrays) == 1 and not objects:
            return _bulk_of(value[arrays[0]], "/" + escape_pointer_token(arrays[0]))
        if len(objects) > 1 and not arrays and not _is_instance(value):  # keyed by the instances' names (plain values
            # beside; one body under one key is an envelope, `{"data": {...}}`, which CE103 names)
            found = _bulk_of([value[key] for key in objects], "")
            return [f"/{escape_pointer_token(key)}" for key in objects] if found else []
        return []
    return _bulk_of(value, "")


def _bulk_of(items: Any, base: str) -> list[str]:
    if not isinstance(items, list) or not items or not all(isinstance(item, dict) and _is_instance(item)
                                                           for item in items) \
            or not any("element" in item for item in items):
        return []
    return [f"{base}/{index}" for index in range(len(items))]


_CLOUD_ELEMENTS_WORDS = ('"element"', '"configuration"', '"event.poller.configuration"', '"providerData"')


def postman_bodies(value: Any) -> list[str]:
    """The pointers of the raw JSON bodies of a Postman collection's requests (``item`` after ``item``, folders
    too) that hold a Cloud Elements body; empty for anything else."""
    info = value.get("info") if isinstance(value, dict) else None
    if not isinstance(info, dict) or not isinstance(value.get("item"), list) or not (
            "_postman_id" in info or "getpostman.com" in str(info.get("schema", ""))):
        return []
    found: list[str] = []
    stack: list[tuple[Any, str]] = [(value["item"], "/item")]
    while stack:
        items, base = stack.pop()
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if not isinstance(item, dict):
                continue
            pointer = f"{base}/{index}"
            if isinstance(item.get("item"), list):  # a folder
                stack.append((item["item"], pointer + "/item"))
            request = item.get("request")
            body = request.get("body") if isinstance(request, dict) else None
            raw = body.get("raw") if isinstance(body, dict) else None
            if isinstance(raw, str) and raw.lstrip()[:1] in ("{", "[") and any(w in raw for w in _CLOUD_ELEMENTS_WORDS):
                found.append(pointer + "/request/body/raw")
    return sorted(found, key=lambda p: [int(t) if t.isdigit() else t for t in p.split("/")])


def wrapped_body(value: Any) -> str | None:
    """The one key of ``value`` that wraps a new instance's body as a script or another API does (`{"instance":
    {"element": ...}}`, `{"body": ...}`), or None.  (Another name, `{"prod": {...}}`, may be a map of instances; an
    update or the platform's answer in an envelope is left alone.)"""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (key, inner), = value.items()
    if not isinstance(key, str) or key.lower() not in _WRAPPERS or not isinstance(inner, dict):
        return None
    if "token" in inner or "createdDate" in inner or isinstance(inner.get("id"), int):
        return None  # the platform's answer, saved with its envelope (a test fixture): nothing to send
    return key if ("element" in inner or "providerData" in inner) and _is_instance(inner) else None


_WRAPPERS = frozenset({"instance", "elementinstance", "element_instance", "instancebody", "body", "data", "payload",
                       "request", "json"})


def _is_instance(value: dict[Any, Any]) -> bool:
    """An instance body (or the platform's answer about one): an element object, ``providerData``, or a
    configuration object that holds Cloud Elements keys.  Other tools' documents have a ``configuration`` too (a
    formula instance's `{"sageInstance": "98231"}` or, beside its `"active": true`, `{"crm.instance": "556677"}`; a UI's
    `{"element": "#app", "configuration": {"theme": ...}}`)."""
    element, configuration = value.get("element"), value.get("configuration")
    if isinstance(element, dict) or "providerData" in value:
        return True
    if _stringified_configuration(configuration):
        return True  # `"configuration": "{\"event.poller...`: written as a string (CE102 says so)
    if not isinstance(configuration, dict):
        return False
    if isinstance(element, str) and _ELEMENT_KEY_LIKE.fullmatch(element):
        return True  # `"element": "sageone"`: an element object written as its key (CE102)
    if isinstance(value.get("active"), bool):  # a formula instance (`"active": true`), whose variables may be dotted
        return any(isinstance(key, str) and key.startswith(_CONFIG_PREFIXES) for key in configuration)
    return any(isinstance(key, str) and (key.startswith(_CONFIG_PREFIXES) or is_dotted_key(key))
               for key in configuration)


_ELEMENT_KEY_LIKE = LazyPattern(r"[a-z][a-z0-9_-]{1,60}")


# Element-specific configuration keys are dotted (`sageone.region`, `hubspot.authorization.apikey`).
def whole_setting(value: Any) -> int | None:
    """A whole-number setting of a poller entry (``pollDelay``, ``createdCheckTolerance``) or of the configuration
    (``event.poller.refresh_interval``) as the platform reads it into a Java int: a number that is whole (``60``,
    ``60.0``, ``1e3``) or a string of digits (``"60"``); None for anything else, or past a Java int."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str):
        digits = _digits(value)
        if digits is None or len(digits.lstrip("0")) > 10:
            return None
        value = int(value)
    if isinstance(value, int) and -(1 << 31) <= value < (1 << 31):
        return value
    return None


def _past_java_int(value: Any) -> bool:
    """Whether ``value`` is a whole number :func:`whole_setting` would read but for its size (past a Java int)."""
    if isinstance(value, bool) or whole_setting(value) is not None:
        return False
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, str):
        return _digits(value) is not None
    return isinstance(value, int)


def too_big_for_java(name: str, value: Any) -> str | None:
    """`pollDelay 3000000000 does not fit in a Java int` when ``value`` is :func:`_past_java_int`, else None (the value
    clipped: a number of thousands of digits is not printed whole)."""
    if not _past_java_int(value):
        return None
    from .json_text import compact  # (str() refuses an int of more than 4,300 digits)

    text = compact(value) if isinstance(value, int) else str(value).strip()
    shown = text if len(text) <= 24 else f"{text[:12]}...({len(text)} digits)"
    return f"{name} {shown} does not fit in a Java int"


def not_whole_setting(name: str, value: Any) -> str | None:
    """`pollDelay 'abc' is not a whole number of seconds` when ``value`` is given but :func:`whole_setting` cannot read
    it and it is not merely too big (:func:`too_big_for_java` says that), else None."""
    if value is None or whole_setting(value) is not None or _past_java_int(value):
        return None
    text = repr(value) if not isinstance(value, bool) else str(value).lower()
    return f"{name} {text if len(text) <= 40 else text[:36] + '...'} is not a whole number of seconds"


def _digits(text: str) -> str | None:
    """The digits of a whole number written as a string (one sign at most, as Java's `Integer.parseInt` reads it;
    blanks around), else None: `"--5"` is none."""
    text = text.strip()
    digits = text[1:] if text[:1] in ("+", "-") else text
    return digits if digits.isdigit() and digits.isascii() else None


DEFAULT_REFRESH_MINUTES = 15  # the element default (205 elements)


def refresh_minutes(configuration: Any) -> int:
    """The minutes between polls ``configuration`` sets (``event.poller.refresh_interval``, read as
    :func:`whole_setting` reads it), or :data:`DEFAULT_REFRESH_MINUTES` when it sets none, or none above zero."""
    raw = configuration.get("event.poller.refresh_interval") if isinstance(configuration, dict) else None
    minutes = whole_setting(raw)
    return minutes if minutes is not None and minutes > 0 else DEFAULT_REFRESH_MINUTES


def is_dotted_key(text: str) -> bool:
    """Whether ``text`` is a dotted configuration key's name (``sageone.region``, ``apikey.user.key``): a lower-case
    ASCII letter first, then parts of letters, digits, ``_`` and ``-`` joined by dots.  (No pattern: every body's
    keys are asked.)"""
    parts = text.split(".")
    return len(parts) > 1 and text.isascii() and text[:1].islower() \
        and all(part and all(char.isalnum() or char in "_-" for char in part) for part in parts)


def is_update_body(value: Any) -> bool:
    """An instance body that changes part of an existing instance (``PATCH /instances/{id}``): it names no
    element and brings no ``providerData`` (sent when an instance is created or authorized again), and it names
    no instance either, or only renames one beside event keys (a new instance's body brings its credentials), so
    keys a new instance needs (``element``, the callback URL, the events switch) may rightly be absent."""
    if not isinstance(value, dict) or "element" in value or "providerData" in value:
        return False
    configuration = value.get("configuration")
    if _stringified_configuration(configuration):
        return "name" not in value
    return isinstance(configuration, dict) and ("name" not in value or all(
        isinstance(key, str) and key.startswith("event.") for key in configuration))


def may_be_an_update(value: Any) -> bool:
    """An instance body without ``element`` that an update could send as well as a creation forgetting its element:
    it brings no ``providerData`` (an OAuth instance's creation) and sets only what an update may (``name``,
    ``configuration``, ``tags``, ``disabled``)."""
    return isinstance(value, dict) and "element" not in value and "providerData" not in value \
        and isinstance(value.get("configuration"), dict) and set(value) <= _UPDATED_KEYS


_UPDATED_KEYS = frozenset({"name", "configuration", "tags", "disabled"})


def sends_part(value: Any, kind: str) -> bool:
    """Whether a document of ``kind`` sends only part of an instance's configuration, so that keys its element
    requires may rightly be absent: an update body (:func:`is_update_body`), or a configuration object holding
    event keys only (events switched on for an existing instance, as documentation pages show them)."""
    if kind == "instance":
        return is_update_body(value)
    return kind == "configuration" and isinstance(value, dict) and bool(value) and all(
        isinstance(key, str) and key.startswith("event.") for key in value)


def _stringified_configuration(configuration: Any) -> bool:
    """A configuration written as a JSON string holding Cloud Elements keys."""
    return isinstance(configuration, str) and configuration.lstrip()[:1] == "{" and (
        '"event.' in configuration or '"oauth.' in configuration)


def is_single_entry(value: Any) -> bool:
    """Whether ``value`` has a poller entry's shape (a `url` beside an `idField` or dates): one given where the poller
    map (resource name → entry) belongs, or a map's entry, whose key is a resource's name."""
    return isinstance(value, dict) and isinstance(value.get("url"), str) and (
        "idField" in value or "datesConfiguration" in value)


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


JsonPath = Optional[tuple[Union[str, int], "JsonPath"]]
"""Where a walk over a decoded document stands: ``(key or index, the parent's path)``, None at the top.
O(1) to extend at each node; turned into a pointer (:func:`pointer_of`) only where something is found."""


def pointer_of(path: JsonPath, base: str = "") -> str:
    """The RFC 6901 pointer of ``path``, below ``base``."""
    steps: list[str] = []  # from the last step up, then ``base``: one join (asked for every value a rule reports)
    while path is not None:
        step, path = path
        steps.append(str(step) if isinstance(step, int) else escape_pointer_token(step))
    steps.append(base)
    steps.reverse()
    return "/".join(steps)


def resolve_pointer(value: Any, pointer: str) -> Any:
    """The value at RFC 6901 ``pointer`` in ``value``, or None where the path does not exist."""
    if pointer == "":
        return value
    for token in pointer[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict):
            value = value.get(token)
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
    return value


def configuration_pointer(value: Any, kind: Kind) -> str | None:
    """Pointer of the configuration object of a document of ``kind``, if it has one."""
    if not isinstance(value, dict):
        return None
    if kind == "instance":
        return "/configuration" if isinstance(value.get("configuration"), dict) else None
    if kind == "configuration":
        return ""
    return None


def find_pollers(value: Any, kind: Kind | None = None) -> list[PollerRef]:
    """Every poller configuration in ``value`` (at most one today; a list keeps callers general)."""
    kind = kind or detect_kind(value)
    if kind is None:
        return []
    if kind == "poller":
        return [PollerRef("", False)]
    places = []  # (POLLER_KEY holds no `~` nor `/`: it is its own pointer token)
    config_pointer = configuration_pointer(value, kind)
    if config_pointer is not None:
        config = value if config_pointer == "" else value["configuration"]
        places.append((config, f"{config_pointer}/{POLLER_KEY}"))
    if kind == "instance" and isinstance(value, dict) and POLLER_KEY in value:
        places.append((value, f"/{POLLER_KEY}"))  # misplaced at the top of the body (CE106), checked all the same
    refs = []
    for holder, pointer in places:
        poller = holder.get(POLLER_KEY)
        if isinstance(poller, dict):
            refs.append(PollerRef(pointer, False))
        elif isinstance(poller, str) and poller.strip() and not is_placeholder_value(poller):
            refs.append(PollerRef(pointer, True))  # a placeholder such as "<SEE_BELOW>" is the CE7xx rules' case
    return refs


class PollerEntry(NamedTuple):
    """One poller resource: its ``name`` (``""`` for a lone entry given where the map belongs), its
    ``value``, the poller ``ref`` it belongs to and ``inner``, its pointer in the document that holds
    the poller map (the file, or the decoded string of a stringified poller)."""

    name: str
    value: Any
    ref: PollerRef
    inner: str

    @property
    def pointer(self) -> str:
        """The pointer shown to users: inside a stringified poller, the string's pointer then the inner one."""
        return self.ref.pointer + self.inner if self.ref.stringified else self.inner


class PollerDecodeError(ValueError):
    """A stringified ``event.poller.configuration`` that is not valid JSON."""


def decode_poller(value: Any, ref: PollerRef) -> Any:
    """The poller map at ``ref`` in document ``value``, decoding a stringified one."""
    import json

    poller = resolve_pointer(value, ref.pointer)
    if not ref.stringified:
        return poller
    try:
        return json.loads(poller)
    except (ValueError, RecursionError) as exc:
        raise PollerDecodeError(f"the event.poller.configuration string is not valid JSON: {exc}") from None


def poller_entries(value: Any, kind: Kind | None = None, *,
                   decode: Callable[[Any, PollerRef], Any] = decode_poller) -> Iterator[PollerEntry]:
    """Every poller resource of document ``value``: the one walk ``check``, ``render`` and ``simulate`` share.

    ``decode(value, ref)`` gives a poller map (``check`` passes its already decoded sources); it may
    raise :class:`PollerDecodeError`, which propagates.  Maps that are not objects give nothing; a lone
    entry where the map belongs (CE106) is given as one resource named ``""``.
    """
    for ref in find_pollers(value, kind):
        poller = decode(value, ref)
        if not isinstance(poller, dict):
            continue
        root = "" if ref.stringified else ref.pointer
        if is_single_entry(poller):
            yield PollerEntry("", poller, ref, root)
            continue
        for name, entry in poller.items():
            if name == SCHEMA_KEY and isinstance(entry, str) and not root and not ref.stringified:
                continue  # a poller file's schema, which an editor validates it with (in a body: a resource)
            yield PollerEntry(name, entry, ref, f"{root}/{escape_pointer_token(name)}")


_CE_MARKERS = ("event.poller", "event.notification", "providerData", "idField", "datesConfiguration",
               "event.vendor.type")
# `element` or `configuration` used as a key, whatever the quotes: "x", 'x', “x”, ‘x’ or none (a JS literal).
_CE_KEY = ByScript(r"""(?:^|[{,\s])["'“”‘’]?(?:element|configuration)["'“”‘’]?\s*:""",
                   r"""(?:^|[{,\s])["']?(?:element|configuration)["']?\s*:""", marks="“”‘’")


# A poller entry's hub path (what only a poller sends, `_only_a_poller_sends`), as JSON text writes it: a poller map
# whose entries have nothing else is read as one when valid, so it is one when broken too.
_HUB_URL = LazyPattern(r'"url"\s*:\s*"\s*/hubs/')


def looks_like_cloud_elements(text: str) -> bool:
    """Whether a text that is not valid JSON still looks like a Cloud Elements body (so its errors matter)."""
    return any(marker in text for marker in _CE_MARKERS) \
        or ("element" in text or "configuration" in text) and _CE_KEY.search(text) is not None \
        or "/hubs/" in text and _HUB_URL.search(text) is not None


# Keys that make a document a Cloud Elements one (see detect_kind), as they appear in JSON text.
_CE_JSON_KEY = LazyPattern(rb'"(?:element|configuration|providerData|idField|datesConfiguration|filterByUpdatedDate'
                          rb'|createdCheckTolerance|(?:event|oauth|api|pagination|bulk)\.[^"]*|base\.url[^"]*'
                          rb'|username[^"]*|password[^"]*)"\s*:')
LARGE_FILE = 1 << 20  # bytes; smaller files are parsed in full anyway


def clearly_not_cloud_elements(data: bytes) -> bool:
    """Whether a large UTF-8 file can be skipped without parsing it: no key or marker of a Cloud Elements body.

    A cheap first look for the hook's sake (a 23 MB ``package-lock.json``): only files over
    :data:`LARGE_FILE` bytes are judged, only as UTF-8 (other encodings are parsed), and a file
    is skipped only when neither the keys :func:`detect_kind` looks for nor the markers of
    :func:`looks_like_cloud_elements` occur anywhere in it.  A poller map whose entries have
    no key but ``url`` is the one shape this misses, in a file over 1 MB.
    """
    if len(data) <= LARGE_FILE or data[:3] == b"\xef\xbb\xbf" or b"\x00" in data[:4]:
        return False
    if _CE_JSON_KEY.search(data) is not None:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if any(marker in text for marker in _CE_MARKERS):
        return False
    # looks_like_cloud_elements' key pattern is slow on megabytes: run it only where it can match
    return not (("element" in text or "configuration" in text) and _CE_KEY.search(text) is not None)
