"""The poller URL template: path, path variables, query parameters and macros.

A poller ``url`` such as ``/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'``
is text in which the platform replaces every macro with the last poll time.
:func:`parse_url_template` reads it in two layers:

1. a lexer (:mod:`validator.urls.pieces`) splits the URL into macros ``${...}``, templating leftovers
   ``#{'$'}{...}``, macros that lost their ``{`` (``$yyyy...}``), ``{{...}}`` placeholders
   and plain text;
2. each macro body is read (its descriptor, zone, format or epoch
   unit), and the plain text is split into path and query; the ``where`` parameter is
   handed to :mod:`validator.urls.ceql`.

Where a macro ends: at the first ``}`` that closes its ``${`` (a zone ``{TimeZone}``
nests one level).  When the format up to there has an odd number of quotes (so Java
would reject it) and a ``}`` further on closes the macro with the quotes balanced,
that later ``}`` is taken instead: a format may hold ``'}'``.  A ``${`` that meets
another ``${`` before its ``}`` is unterminated.

Where the ``where`` value ends: at the first ``&`` outside CEQL single quotes (macros
count as one value, so their quotes do not pair with CEQL's); when a quote never closes,
at the first ``&`` after ``where=``.  Other parameters end at the next ``&``.

Undocumented platform behaviour is an option with a documented default (see
:func:`parse_url_template`): whether substituted values are percent-encoded (default: no,
so a macro printing ``+`` into the query is reported), the zone of ``${date:...}`` (GMT),
and whether raw spaces are reported (no: 154 distinct URLs of the corpus, among them the
platform's own element defaults, contain them).

Nothing here raises: every mistake is a :class:`~validator.findings.Problem` with
0-based offsets into the URL.  Rule codes are declared in :mod:`validator.urls`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from ..dates.pattern import DatePattern, compile_pattern
from ..dates.tokens import (STRFTIME_READING, PatternError, is_description, quote_look_alike, standard_pattern,
                            strftime_meant)
from ..dates.zones import is_utc, resolve_zone, respelt_zone, suggest_zone
from ..findings import Edit, Fix
from ..lazy_pattern import ByScript, LazyPattern
from ..masking import quotable_origin
from ..vocabulary.characters import INVISIBLES, ODD_SPACES, joins_its_text, look_alike_in, visible
from ..vocabulary.placeholders import is_env_reference
from ..vocabulary.spelling import one_edit_away
from .ceql import WhereClause, parse_where
from .facts import Flaw, UrlFact
from .pieces import (
    ATOMIC,
    BRACED_MACRO,
    DATE_KINDS,
    EPOCH_UNITS,
    MACRO_KINDS,
    ZONE_KINDS,
    atomic_spans,
    lex_url,
    mask,
)

__all__ = [
    "DATE_KINDS",
    "EPOCH_UNITS",
    "KNOWN_HUBS",
    "MACRO_KINDS",
    "Macro",
    "PathVariable",
    "QueryParam",
    "UrlTemplate",
    "atomic_spans",
    "parse_url_template",
]

#: Hub names seen in Cloud Elements' own poller URLs and element definitions.
KNOWN_HUBS = frozenset({
    "analytics", "billing", "conferencing", "crm", "db", "documents", "ecommerce", "edi", "employee", "erp",
    "esignature", "event-conferencing", "expense", "finance", "fsa", "general", "helpdesk", "humancapital",
    "infrastructure", "marketing", "messaging", "monitoring", "payment", "rewards", "sageaccounting",
    "scheduling", "social", "storage", "collaboration"
})

# Hub names written by what the hub is for (`accounting` is spelt like `sageaccounting`, Sage's own hub, but an
# accounting element such as QuickBooks serves `finance`).
_HUB_BY_MEANING = {"accounting": "finance", "account": "finance", "invoicing": "finance", "support": "helpdesk",
                   "ticketing": "helpdesk", "tickets": "helpdesk", "sales": "crm", "email": "messaging",
                   "files": "documents", "file": "documents", "commerce": "ecommerce", "shop": "ecommerce",
                   "hr": "humancapital", "hcm": "humancapital", "esign": "esignature", "signature": "esignature",
                   "payments": "payment", "calendar": "scheduling"}

_HTML_ENTITY = re.compile(r"&(?:apos|quot|amp|lt|gt|#39|#34|#x27);")
_ENCODED_QUERY = LazyPattern(r"%3[Ff]([A-Za-z_][\w.\-]*)%3[Dd]")  # `%3Fwhere%3D`: an encoded `?name=`
_STRUCTURE_ESCAPE = LazyPattern(r"%(?:3[FfDdEeCc]|21|27|20)")  # `?`, `=`, `>`, `<`, `!`, `'`, a space
_PARAMETER_NAMED = LazyPattern(r"[A-Za-z_][\w.\-\[\]]*=")  # what follows a `&` between parameters
_OFFSET_ZONE = LazyPattern(r"[+-]\d{1,2}(?::?\d{2})?")
# The forms that print in a zone, for those that take none and were given one (`${gmtDate:America/New_York:...}`)
_ZONED_FORMS = {"gmtDate": "dateTimeZone", "date": "dateTimeZone", "now": "nowTimeZone"}
# An offset of hours alone, and a format that starts with the rest of the offset (`-5:5:yyyy...`, `GMT+5:5:...`)
_HOURS_ONLY = LazyPattern(r"(?i:GMT|UTC|Etc/GMT)?[+-]\d{1,2}")
_SPLIT_MINUTES = LazyPattern(r"(\d{1,3}):")
# What CE701 reports as an unfilled placeholder where a macro's format or zone goes (not `{TimeZone}`, a path
# variable's braces: CE607's)
_DOCUMENTATION_PLACEHOLDER = LazyPattern(r"<[A-Za-z_][^<>]*>|\{\{.*\}\}|\{%.*%\}")
_PLACEHOLDER_ZONE = LazyPattern(r"\{[^{}]*\}|<[^<>]*>|\{\{.*\}\}")
_ENV_LIKE = LazyPattern(r"[A-Z][A-Z0-9_]*")
# `%25` then an ASCII character's code (`%2520`: a space encoded twice).  Not a byte above 0x7F (`%25Acme`: a `like`
# wildcard before a word that starts with hex letters), nor anything in a `like` pattern, where `%25` is the
# wildcard written as it must be (`like '%252024%25'` is `%2024%`).
_DOUBLE_ENCODED = LazyPattern(r"%25([2-7][0-9A-Fa-f])")
_IN_LIKE_PATTERN = LazyPattern(r"(?i)\blike(?:[ \t+]|%20)*+'[^']*+$")
# A macro written without its `$` (`'{gmtDate:yyyy-MM-dd}'`); macros themselves are masked before this is looked for.
# Only as a value (after a quote or a comparison) and with a pattern, zone or unit after the colon: `{date:{$gte:`
# (a Mongo-style filter) and `/{date:[0-9]+}` (a path template) are not it.
_DOLLAR_MISSING = LazyPattern(r"(?<=['\"=<>])\{(?:gmtDate|date|dateTimeZone|epoch):(?=[A-Za-z'])")
# `$gmtDate:yyyy-MM-dd`, `$epoch:s`: a macro with no braces at all (a `$...}` with its closing one is a `nobrace` piece)
_BRACES_MISSING = LazyPattern(r"\$(?:(?P<descriptor>gmtDate|dateTimeZone|nowTimeZone|date|now)(?=:[A-Za-z'+-])"
                              r"|epoch(?::(?:s|ms|us)\b)?(?=['\"&\s)]|$))")
# `$(gmtDate:...)`: a shell's or a spreadsheet's brackets where the platform reads only `${...}`
# `%24%7BgmtDate:...%7D`, `$%7BgmtDate:...%7D`: a macro copied from a browser or Postman, encoded
_ENCODED_MACRO = LazyPattern(r"(?i)(?:%24|\$)%7B(?=(?:gmtDate|date|dateTimeZone|now|nowTimeZone|epoch|milliseconds)\b)")
_ENCODED_CLOSE = LazyPattern(r"(?i)%7D")
# (a format may hold spaces, `yyyy-MM-dd HH:mm:ss`, after its colon; `$(date +%s)`, a shell's, has no colon)
_PERCENT_MACRO = LazyPattern(r"(?<![$\w])[%#]\{(?P<body>(?:gmtDate|date|dateTimeZone|now|nowTimeZone|epoch|milliseconds)\b"
                             r"(?::[^{}\r\n]*|[^{}\s]*))\}")
_PAREN_MACRO = LazyPattern(r"\$\((?P<body>(?:gmtDate|date|dateTimeZone|now|nowTimeZone|epoch|milliseconds)\b"
                           r"(?::[^()\r\n]*|[^()\s]*))\)")
# `$ {gmtDate:...}`: a space between `$` and `{` (typed, or left by a formatter)
_SPACED_MACRO = LazyPattern(r"\$(?P<space>[ \t]+|%20)\{(?=(?:gmtDate|date|dateTimeZone|now|nowTimeZone|epoch|milliseconds)\b"
                            r"[^{}\r\n]*\})")
_TYPOGRAPHIC_BY_MACRO = LazyPattern("[\u2018\u2019\u201c\u201d](?=\ue000)|(?<=[\ue000\ue001])[\u2018\u2019\u201c\u201d]")
# Control characters; and inside a URL, the spaces a word processor or a web page puts in that are not the ASCII
# space (no-break, thin, ideographic) and the characters no one sees (zero-width, joiners, direction marks): sent as
# they are, the vendor reads no separator there, or a name or value other than the one written.
_CONTROL = LazyPattern(r"[\x00-\x1f\x7f-\x9f]")  # the ISO control characters (Java's URI refuses each)
ODD_SPACE = LazyPattern(f"[{ODD_SPACES}{INVISIBLES}]")
_SPACES = LazyPattern(r" +")
_SINGULAR_HUBS = LazyPattern(r"/?(hub)/([a-z][a-z\-]*)(?=/)")
# a quote escaped for a shell next to a macro (`>=\\'${gmtDate:...}\\'`); inside a value (`'O\\'Brien'`) it may be
# the vendor's own escape
_ESCAPED_QUOTE = LazyPattern("(?<!\\\\)\\\\++'(?=\ue000)|(?<=\ue001)\\\\++'")  # (possessive: a long run of `\\` is one try)
_HUB_PATH = re.compile(r"/?hubs/([^/?]*)(?:/([^?]*))?")
_QUOTE = re.compile(r"'|\"")
_QUOTE_OR_AMPERSAND = LazyPattern(r"['&]")
_QUOTE_OR_SEPARATOR = LazyPattern(r"['&#]")
# `and where=` inside a where value: a condition given a `where=` of its own (`where=a>'x' and where=b='y'`)
_WHERE_AFTER_CONJUNCTION = LazyPattern(r"(?i)[ \t)]((?:and|or))[ \t]+(?P<where>where[ \t]*=[ \t]*)(?=[A-Za-z_(])")
# blanks before the query's `?` or beside a path's `/` (`/customers ?where=`, `/hubs/ crm`)
_BLANKS_BEFORE_QUERY = LazyPattern(r"[ \t]+(?=\?|/)|(?<=/)[ \t]+")
_ABSOLUTE = re.compile(r"https?:/{1,3}[^/?#\s]*")  # (`https:/host`, a slash short, is one too)
# `//` in a path, not a scheme's (`http://` in a path segment); a URL starting with `//` too
_EMPTY_SEGMENT = LazyPattern(r"(?<![:/])//++")
_PLATFORM_PREFIX = LazyPattern(r"/elements/api-v\d+(?=/hubs/)")  # `/elements/api-v2/hubs/crm/contacts`
#: A CEQL value (a quoted string or a quoted macro) standing alone after ``name=``; a macro unquoted after `&` may
#: be a parameter the API reads (`&since=${epoch:s}`).
_CEQL_VALUE = LazyPattern("\\s*(?:'(?:[^']|'')*'|'\ue000\ue001*')\\s*")
_NEXT_PARAM = re.compile(r"[?&]([A-Za-z_][\w.\-]*)=")
_DESCRIPTOR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FORMAT_IN_ZONE = LazyPattern(r"yy|MM|dd|HH|'")
# A zone and a format joined by another separator than ':' (`America/New_York,yyyy-MM-dd`)
_ZONE_THEN_FORMAT = LazyPattern(r"(?P<zone>[A-Za-z][\w+\-]*+(?:/[\w+\-]++)*+)(?P<separator>[ \t]*+[,;|][ \t]*+|[ \t]++)"
                                r"(?P<format>\S.*)", re.DOTALL)
_BRACE = re.compile(r"[{}]")
_PATH_VARIABLE = LazyPattern(r"\{([A-Za-z_][\w.\-]*)\}")


@dataclass(frozen=True, slots=True)
class Macro:
    """One substituted macro: ``${kind:...}`` at ``[start, end)`` of the URL.

    ``format`` is the SimpleDateFormat pattern (``None`` for ``${epoch}``, ``${milliseconds}``,
    legacy ``${date}``), ``format_start`` its offset in the URL; ``pattern`` is the compiled
    pattern, or None when it does not compile.  ``zone`` is the ZONE of ``dateTimeZone`` and
    ``nowTimeZone`` as written; ``unit`` the unit of ``${epoch:UNIT}``.
    """

    kind: str
    zone: str | None
    format: str | None
    pattern: DatePattern | None
    start: int
    end: int
    format_start: int | None
    unit: str | None = None
    zone_start: int | None = None
    text: str = ""

    @property
    def uses_now(self) -> bool:
        """True for the macros substituted with the current run time (``now``, ``nowTimeZone``)."""
        return self.kind in ("now", "nowTimeZone")

    @property
    def is_date(self) -> bool:
        return self.kind in DATE_KINDS and self.format is not None


@dataclass(frozen=True, slots=True)
class PathVariable:
    """A ``{name}`` in the path or a query value, filled in by the platform (``{id}``, ``{objectName}``)."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QueryParam:
    """``name=value`` of the query: ``[start, end)`` is the whole parameter, ``value_start`` where the value begins."""

    name: str
    value: str
    start: int
    end: int
    value_start: int


@dataclass
class UrlTemplate:
    """A parsed poller URL.  Offsets are 0-based into :attr:`text`."""

    text: str
    path: str
    path_start: int
    path_end: int
    hub: str | None
    resource: str | None
    query_start: int | None  # offset just after '?', None without a query
    path_variables: list[PathVariable] = field(default_factory=list)
    params: list[QueryParam] = field(default_factory=list)
    macros: list[Macro] = field(default_factory=list)
    malformed: list[tuple[int, int]] = field(default_factory=list)  # spans the platform will not substitute
    where: WhereClause | None = None
    facts: list[UrlFact] = field(default_factory=list)
    masked: str = ""  # the text with its macros and placeholders masked (same length; :func:`pieces.mask`)

    @property
    def hub_relative(self) -> bool:
        """True for ``/hubs/<hub>/<resource>`` URLs."""
        return self.hub is not None

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)

    def in_query(self, offset: int) -> bool:
        return self.query_start is not None and offset >= self.query_start

    def raw_spaces(self) -> list[UrlFact]:
        """CE617's facts, found only when asked for (the rule is opt-in): each run of raw spaces outside the macros,
        between the URL's first and last characters that are not blank."""
        text = self.text
        return [UrlFact(Flaw.RAW_SPACE, "raw space in the URL (the platform's encoding of spaces is not documented)",
                        m.start(), m.end())
                for m in _SPACES.finditer(self.masked, len(text) - len(text.lstrip()), len(text.rstrip()))]


# --------------------------------------------------------------------------- lexer


# --------------------------------------------------------------------------- macro bodies


# ``ZONE:FORMAT``: an offset, a placeholder or any text up to the first ':' (one regex, first match wins); a single
# regex, matched as it is (pyparsing's Regex token with ``parse_all`` read it the same: the format takes the rest)
_ZONE_AND_FORMAT = re.compile(r"(?P<zone>(?:(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|\{\{[^{}]*\}\}|\{[^{}]*\}|<[^<>]*>|[^:]*)"
                              r"(?=:)):(?P<format>.*)", re.DOTALL)


@lru_cache(maxsize=1024)
def _split_zone(args: str) -> tuple[str, str] | None:
    """(zone, format) of the arguments of ``dateTimeZone``/``nowTimeZone``; None without a ':'."""
    found = _ZONE_AND_FORMAT.match(args)
    return None if found is None else (found["zone"], found["format"])


class _Collector:
    """The facts found so far in one URL."""

    def __init__(self) -> None:
        self.facts: list[UrlFact] = []

    def add(self, flaw: Flaw, message: str, start: int, end: int, help: str | None = None,
            replacement: str | None = None, fix: Fix | None = None) -> None:
        self.facts.append(UrlFact(flaw, message, start, max(end, start), help, replacement, fix))


def _clipped(text: str) -> str:
    """``text`` as a message quotes it: a long one (hostile blanks) by its ends."""
    return text if len(text) <= 80 else f"{text[:50]}…{text[-20:]}"


def _w(code: str) -> str:
    """A fix hint that says what to write."""
    return f"write `{code}`"


def _short_hub_meant(hub: str) -> list[str]:
    """The one three-letter hub a three-letter word is a letter changed or two swapped from (`crn`, `cmr`: `crm`),
    which a ratio of likeness cannot tell from chance at that length."""
    if len(hub) != 3:
        return []
    close = [known for known in KNOWN_HUBS if len(known) == 3 and one_edit_away(hub, known)]
    return close if len(close) == 1 else []


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    import difflib

    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def _check_format(col: _Collector, fmt: str, fmt_start: int, macro_start: int, macro_end: int,
                  kind: str) -> DatePattern | None:
    """Compile a macro's format; report prose, numbers, empty formats and Java's errors. Returns the pattern."""

    stripped = fmt.strip()
    if stripped[:1] in ("<", "{") and _DOCUMENTATION_PLACEHOLDER.fullmatch(stripped):
        return None  # `${gmtDate:<DATE_FORMAT>}`, `{{ fmt }}`: a template's, reported as such (CE701)
    if not stripped:
        said = "an empty date format" if not fmt else "a date format of blanks only, which prints no date"
        col.add(Flaw.MACRO_FORMAT_NOT_A_DATE, f"${{{kind}:{fmt}}} has {said}", macro_start, macro_end,
                help=_w(f"${{{kind}:yyyy-MM-dd'T'HH:mm:ss'Z'}}"))
        return None
    if stripped != fmt and not stripped.isdigit():
        _edge_spaces(col, fmt, fmt_start, "format", "SimpleDateFormat prints it as text, so the vendor receives the date "
                     "with a space")
    if stripped.startswith(":") and stripped.lstrip(":").strip():
        colon = fmt_start + fmt.index(":")
        col.add(Flaw.MACRO_MALFORMED, f"'::' in ${{{kind}::...}}: the format starts with the second ':', which "
                "SimpleDateFormat prints as text, so the vendor receives ':2024-...'", colon, colon + 1,
                help="remove the second `:`", replacement="")
    if stripped.isdigit():
        col.add(Flaw.MACRO_FORMAT_NOT_A_DATE, f"the date format {_clipped(fmt)!r} is a number, not a pattern: it prints the same digits every time",
                fmt_start, fmt_start + len(fmt), help=_w("${epoch:s}" if len(stripped) <= 10 else "${epoch}"))
        return None
    if stripped in ("%s", "%s000"):  # strftime's epoch seconds (`date +%s`), and milliseconds written so
        col.add(Flaw.MACRO_FORMAT_NOT_A_DATE, f"{stripped!r} is strftime's epoch seconds: SimpleDateFormat prints a `%` "
                "and the second of the minute, not the time", fmt_start, fmt_start + len(fmt),
                help=_w("${epoch:s}" if stripped == "%s" else "${epoch}") + " in place of the macro")
        return None
    try:
        pattern = compile_pattern(fmt)
    except PatternError as exc:
        if is_description(fmt) and standard_pattern(fmt) is None:  # (`ISO_8601_UTC`: PatternError helps to its pattern)
            hint = _epoch_for(fmt)
            col.add(Flaw.MACRO_FORMAT_NOT_A_DATE, f"the date format {_clipped(fmt)!r} is a description, not a SimpleDateFormat "
                    "pattern", fmt_start, fmt_start + len(fmt), help=_w(hint) if hint else None)
            return None
        meant = strftime_meant(fmt)
        if meant is not None:  # (`%Y-%m-%dT%H:%M:%S`: Java refuses the `T`, the `%` directives are the mistake)
            col.add(Flaw.MACRO_FORMAT_STRFTIME, f"{_clipped(fmt)!r} {STRFTIME_READING}", fmt_start, fmt_start + len(fmt),
                    help=_w(meant) if meant else "write the SimpleDateFormat pattern: `yyyy-MM-dd'T'HH:mm:ss`",
                    replacement=meant or None)
            return None
        start = fmt_start + exc.column - 1
        inside = _quoted_around(fmt)
        col.add(Flaw.MACRO_FORMAT_INVALID, f"date format {_clipped(fmt)!r} does not compile: {exc.message}"
                + (_QUOTES_OUTSIDE if inside else quote_look_alike(fmt, exc.column)), start, start + max(exc.length, 1),
                help=_w(f"'${{{kind}:{inside}}}'") if inside else exc.help)
        return None
    if not pattern.fields:
        inside = _quoted_around(fmt)
        col.add(Flaw.MACRO_FORMAT_NOT_A_DATE, f"the date format {_clipped(fmt)!r} has no date field: it prints the same text every time"
                + (_QUOTES_OUTSIDE if inside else ""), fmt_start, fmt_start + len(fmt),
                help=_w(f"'${{{kind}:{inside}}}'") if inside else None)
    return pattern


_QUOTES_OUTSIDE = "; the quotes around it are the CEQL string's, and belong outside the macro"


def _quoted_around(fmt: str) -> str | None:
    """The pattern inside a format wrapped in the quotes of the CEQL string (``'yyyy-MM-dd'T'HH:mm'``), or None."""
    inside = fmt.strip()[1:-1]
    if len(inside) < 2 or not fmt.strip().startswith("'") or not fmt.strip().endswith("'") or inside[-1:] == "'" and \
            inside[-2:] != "''" and inside.count("'") % 2:
        return None
    return inside if _is_date_pattern(inside) else None


def _epoch_for(description: str) -> str | None:
    """The epoch macro a format written as a description asks for (`milliseconds`, `unix seconds`), or None."""
    if re.search(r"milli|\bms\b", description, re.IGNORECASE):
        return "${epoch}"
    if re.search(r"micro|\bus\b", description, re.IGNORECASE):
        return "${epoch:us}"
    return "${epoch:s}" if re.search(r"unix|epoch|second|digit", description, re.IGNORECASE) else None


def _edge_spaces(col: _Collector, value: str, start: int, what: str, effect: str) -> None:
    """Whitespace at the start or end of a macro's format or zone (``${gmtDate: yyyy-MM-dd}``)."""
    lead = len(value) - len(value.lstrip())
    trail = len(value) - len(value.rstrip())
    spans = [(start, start + lead)] if lead else []
    if trail:
        spans.append((start + len(value) - trail, start + len(value)))
    for s, e in spans:
        col.add(Flaw.MACRO_FORMAT_SPACE, f"whitespace {'before' if s == start else 'after'} the macro's {what} "
                f"{value.strip()!r}: {effect}", s, e, help="remove the whitespace", replacement="")


def _check_zone(col: _Collector, zone: str, start: int, kind: str) -> None:
    end = start + len(zone)
    if not zone.strip():
        col.add(Flaw.MACRO_UNKNOWN_ZONE, f"${{{kind}:...}} has an empty zone: Java's TimeZone.getTimeZone(\"\") silently uses GMT",
                start, end, help=_w("GMT"))
        return
    deployed = is_env_reference(zone)  # (`$(VENDOR_TZ)`, Helm's `{{ .Values.tz }}`: the deployment's to fill)
    if not deployed and zone.strip()[:1] in ("<", "{") and _DOCUMENTATION_PLACEHOLDER.fullmatch(zone.strip()):
        return  # `<TIMEZONE>`, `{{ zone }}`: a template's, reported as such (CE701)
    if deployed or _PLACEHOLDER_ZONE.fullmatch(zone):
        col.add(Flaw.MACRO_PLACEHOLDER_ZONE, f"the zone {zone!r} is an unfilled placeholder: unless something replaces it before the poll "
                "runs, Java's TimeZone.getTimeZone reads it as GMT", start, end,
                help="put a Java zone id such as America/Los_Angeles or GMT")
        return
    if zone != zone.strip():
        _edge_spaces(col, zone, start, "zone", "with it the id is one Java does not know, and Java silently uses GMT")
        zone, start = zone.strip(), start + len(zone) - len(zone.lstrip())
        end = start + len(zone)
    if _OFFSET_ZONE.fullmatch(zone):  # documented by Cloud Elements (-8:00, +6:00), read as `GMT-8:00` (render.py)
        if not resolve_zone("GMT" + zone).known:
            col.add(Flaw.MACRO_UNKNOWN_ZONE, f"the offset {zone!r} is no offset Java reads (hours up to 23, minutes up "
                    f"to 59): read as `GMT{zone}`, which Java's TimeZone.getTimeZone does not know, it silently uses GMT",
                    start, end)
        return

    if resolve_zone(zone).known:
        return
    suggestion = suggest_zone(zone)  # (`UTC+1`: `GMT+01:00`, not the `UTC` a spelling distance gives)
    harmless = suggestion is not None and is_utc(suggestion)  # (`utc`, `Z`: GMT is what it means)
    message = f"unknown time zone {zone!r}: Java's TimeZone.getTimeZone silently uses GMT"
    if suggestion:
        message += f"{' (which is what it means anyway)' if harmless else ''}; did you mean {suggestion!r}?"
    written = suggestion is not None and respelt_zone(zone) == suggestion  # (one id, spelt otherwise: a fix writes it)
    col.add(Flaw.MACRO_UNKNOWN_UTC_ZONE if harmless else Flaw.MACRO_UNKNOWN_ZONE, message, start, end,
            help=_w(suggestion) if suggestion else None,
            fix=Fix(f"write `{suggestion}`", (Edit(start, end, suggestion),), "safe") if written and suggestion else None)


def _read_macro_at(col: _Collector, raw: str, start: int) -> Macro | None:
    """:func:`_read_macro` of the macro ``raw`` at ``start``, read once for every place it is written (the pollers of
    a body write the same few macros, at a few offsets)."""
    macro, facts = _macro_placed(raw, start)
    col.facts.extend(facts)
    return macro


@lru_cache(maxsize=1024)
def _macro_placed(raw: str, start: int) -> tuple[Macro | None, tuple[UrlFact, ...]]:
    """The macro ``raw`` read at offset 0, moved to ``start`` (frozen: one Macro serves each URL with it there)."""
    macro, facts = _macro_at_zero(raw)
    if not start:
        return macro, facts
    moved = tuple(fact.shifted(start) for fact in facts)
    if macro is None:
        return None, moved
    return Macro(macro.kind, macro.zone, macro.format, macro.pattern, start, start + len(raw),
                 None if macro.format_start is None else macro.format_start + start, unit=macro.unit,
                 zone_start=None if macro.zone_start is None else macro.zone_start + start, text=raw), moved


@lru_cache(maxsize=1024)
def _macro_at_zero(raw: str) -> tuple[Macro | None, tuple[UrlFact, ...]]:
    col = _Collector()
    macro = _read_macro(col, raw, 0, len(raw))
    return macro, tuple(col.facts)


def _read_macro(col: _Collector, raw: str, start: int, end: int) -> Macro | None:
    """Read one ``${...}``; returns the Macro the platform substitutes, or None (problems recorded)."""
    body_start, body = start + 2, raw[2:-1]
    match = _DESCRIPTOR.match(body)
    descriptor = match.group(0) if match else ""
    rest = body[len(descriptor):]
    if not body.strip():
        col.add(Flaw.MACRO_MALFORMED, "empty macro ${}", start, end, help=_w("${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"))
        return None
    if not descriptor or (rest and not rest.startswith(":")):
        _bad_descriptor(col, body, start, end)
        return None
    args = rest[1:] if rest.startswith(":") else None
    args_start = body_start + len(descriptor) + 1
    if descriptor not in MACRO_KINDS:
        _unknown_descriptor(col, descriptor, body, args, start, end)
        return None
    kind = descriptor
    if kind == "milliseconds":
        if args is not None:
            col.add(Flaw.MACRO_MALFORMED, "${milliseconds} takes no argument", start, end, help=_w("${milliseconds}"))
            return None
        return Macro(kind, None, None, None, start, end, None, text=raw)
    if kind == "epoch":
        if args is None:
            return Macro(kind, None, None, None, start, end, None, unit="ms", text=raw)
        if args not in EPOCH_UNITS:
            if args.lower() in EPOCH_UNITS:
                fix = f"${{epoch:{args.lower()}}}"
            elif args.lower() in ("sec", "secs", "second", "seconds"):
                fix = "${epoch:s}"
            elif _is_date_pattern(args):  # `${epoch:yyyy-MM-dd}`: a formatted date was meant, which epoch never prints
                col.add(Flaw.EPOCH_BAD_UNIT, f"${{epoch:{args}}}: ${{epoch}} prints a number of milliseconds (its unit is s, "
                        "ms or us), never a date in a format: a formatted last poll time is ${gmtDate:FORMAT}",
                        args_start, args_start + len(args), help=_w(f"${{gmtDate:{args}}}"))
                return None
            else:
                fix = _epoch_for(args) or "${epoch}"
            col.add(Flaw.EPOCH_BAD_UNIT, f"${{epoch:{args}}}: the unit must be s (seconds), ms (milliseconds) or us (microseconds)",
                    args_start, args_start + len(args), help=_w(fix))
            return None
        return Macro(kind, None, None, None, start, end, None, unit=args, text=raw)
    if args is None:
        if kind == "date":
            return Macro(kind, None, None, None, start, end, None, text=raw)  # legacy ${date}
        col.add(Flaw.MACRO_MALFORMED, f"${{{kind}}} needs a date format", start, end,
                help=_w(f"${{{kind}:{'GMT:' if kind in ZONE_KINDS else ''}yyyy-MM-dd'T'HH:mm:ss'Z'}}"))
        return None
    zone = zone_start = None
    fmt, fmt_start = args, args_start
    if kind in ZONE_KINDS:
        split = _split_zone(args)
        if split is None:
            col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:ZONE:FORMAT}} needs a zone and a format separated by ':'",
                    start, end, help=_w(f"${{{kind}:GMT:{args}}}"))
            return None
        zone, fmt = split
        zone_start = args_start
        fmt_start = zone_start + len(zone) + 1
        if _FORMAT_IN_ZONE.search(zone) and not resolve_zone(zone).known:  # `Africa/Addis_Ababa` holds `dd`
            joined = _ZONE_THEN_FORMAT.fullmatch(args)
            if joined is not None and resolve_zone(joined.group("zone")).known:  # `America/New_York,yyyy-MM-dd...`
                at, after = args_start + joined.start("separator"), args_start + joined.end("separator")
                col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:...}}: the zone {joined.group('zone')!r} and the format are "
                        f"separated by {joined.group('separator').strip() or ' '!r}, not ':'", at, after,
                        help=_w(f"${{{kind}:{joined.group('zone')}:{joined.group('format')}}}"),
                        fix=Fix("write `:` between the zone and the format", (Edit(at, after, ":"),), "safe"))
                return None
            head, _, tail = args.rpartition(":")
            if head and tail.strip() and not _FORMAT_IN_ZONE.search(tail) and resolve_zone(tail.strip()).known:
                swapped = f"{tail.strip()}:{head}"  # `${dateTimeZone:yyyy-MM-dd HH:mm:America/New_York}`
                col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:...}}: the zone {tail.strip()!r} is written after the format; "
                        f"${{{kind}:ZONE:FORMAT}} takes the zone first", start, end, help=_w(f"${{{kind}:{swapped}}}"),
                        fix=Fix("write the zone first", (Edit(args_start, args_start + len(args), swapped),), "safe"))
                return None
            col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:...}} has no zone: {zone!r} is the start of a date format", start, end,
                    help=_w(f"${{{kind}:GMT:{args}}}"))
            return None
        _check_zone(col, zone, zone_start, kind)
        minutes = _SPLIT_MINUTES.match(fmt) if _HOURS_ONLY.fullmatch(zone) else None
        if minutes is not None and zone[:4].casefold() == "etc/":  # `Etc/GMT+5:30:yyyy`: no such id takes minutes
            col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:...}}: the `Etc/GMT` ids take whole hours, so the zone is read as "
                    f"{zone!r} and `{minutes.group()}` is printed before every date", zone_start,
                    fmt_start + minutes.end(), help="write the offset as `GMT+hh:mm` (`Etc/GMT` ids take POSIX's sign: "
                    f"`{zone}` is UTC{'-' if '+' in zone else '+'}{int(zone[8:]):02d}:00)")
            return None
        if minutes is not None:  # `-5:5:yyyy`: the zone read is `-5`, and `5:` starts every date sent
            col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:...}}: the offset's minutes `{minutes.group(1)}` are not two digits, "
                    f"so the zone is read as {zone!r} and `{minutes.group()}` is printed before every date",
                    zone_start, fmt_start + minutes.end(),
                    help=f"write the minutes in two digits (`{zone}:0{minutes.group(1)}` or `{zone}:{minutes.group(1)}0`), "
                    f"or leave them out (`{zone}`)")
            return None
    elif kind in _ZONED_FORMS:
        split = _split_zone(args)
        if split is not None and ("/" in split[0] or split[0].isupper()) and resolve_zone(split[0]).known:
            # `${gmtDate:America/New_York:...}`
            meant = _ZONED_FORMS[kind]
            written = f"${{{meant}:{args}}}"
            col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:...}} takes no zone: {split[0]!r} is read as the start of its date "
                    f"format, which Java rejects; ${{{meant}:ZONE:FORMAT}} prints in a zone", start, end, help=_w(written),
                    fix=Fix(f"write `{written}`", (Edit(start, end, written),), "unsafe"))
            return None
        head, _, tail = args.rpartition(":")
        zone_after = tail.strip()
        if head and zone_after and ("/" in zone_after or zone_after.isupper()) and not _FORMAT_IN_ZONE.search(tail) \
                and resolve_zone(zone_after).known and not _compiles(args):  # `${date:yyyy-MM-dd HH:mm:ss:America/Denver}`
            meant = _ZONED_FORMS[kind]
            written = f"${{{meant}:{zone_after}:{head}}}"
            col.add(Flaw.MACRO_MALFORMED, f"${{{kind}:...}} takes no zone: {zone_after!r} after the format is read as "
                    f"part of it, which Java rejects; ${{{meant}:ZONE:FORMAT}} prints in a zone, written first", start,
                    end, help=_w(written), fix=Fix(f"write `{written}`", (Edit(start, end, written),), "unsafe"))
            return None
    pattern = _check_format(col, fmt, fmt_start, start, end, kind)
    return Macro(kind, zone, fmt, pattern, start, end, fmt_start, zone_start=zone_start, text=raw)


def _compiles(text: str) -> bool:
    """Whether Java's SimpleDateFormat takes ``text`` as a pattern."""
    try:
        compile_pattern(text)
    except PatternError:
        return False
    return True


def _is_date_pattern(text: str) -> bool:
    """Whether ``text`` is a date pattern of two fields or more (``yyyy-MM-dd``; not a unit such as ``S``)."""
    try:
        return len(compile_pattern(text).fields) >= 2
    except PatternError:
        return False


def _bad_descriptor(col: _Collector, body: str, start: int, end: int) -> None:
    """``${yyyy-MM-dd...}`` or ``${518862600}``: no descriptor at all."""

    stripped = body.strip()
    if stripped.isdigit():
        fix = "${epoch:s}" if len(stripped) <= 10 else "${epoch}"
        col.add(Flaw.MACRO_NUMBER, f"${{{stripped}}} is a number, not a macro: the platform sends it unchanged", start, end,
                help=_w(fix))
        return
    try:
        looks_like_pattern = bool(compile_pattern(body).fields)
    except PatternError:
        looks_like_pattern = False
    head = body.split(":", 1)[0]
    meant = next((kind for kind in MACRO_KINDS if look_alike_in(head, kind)), None) if not head.isascii() else None
    if looks_like_pattern:
        col.add(Flaw.MACRO_MISSING_DESCRIPTOR, f"${{{body}}} has no descriptor: the platform does not substitute it", start, end,
                help=_w(f"${{gmtDate:{body}}}"))
    elif meant is not None:  # `${gmtDаte:...}`: a Cyrillic `а` pasted in
        col.add(Flaw.MACRO_UNKNOWN_DESCRIPTOR, f"unknown macro descriptor {head!r}{look_alike_in(head, meant)}: the "
                "platform does not substitute this macro", start + 2, start + 2 + len(head), help=_w(meant),
                fix=Fix(f"write `{meant}`", (Edit(start + 2, start + 2 + len(head), meant),), "safe"))
    else:
        written = _separator_slip(body)
        col.add(Flaw.MACRO_MALFORMED, f"${{{body}}} is not a macro: expected ${{descriptor:format}}", start, end,
                help=_w(written) if written else None,
                fix=Fix(f"write `{written}`", (Edit(start, end, written),), "unsafe") if written else None)
    return


def _separator_slip(body: str) -> str | None:
    """The macro meant by ``body`` that names a descriptor but parts it from its format otherwise than by `:`
    (`gmtDate :fmt`, `gmtDate;fmt`, `gmtDate=fmt`) or doubles its braces (`{gmtDate:fmt}`), else None."""
    inner = body[1:-1] if body[:1] == "{" and body[-1:] == "}" else body
    for kind in sorted(MACRO_KINDS, key=len, reverse=True):
        if inner.startswith(kind):
            rest = inner[len(kind):]
            slip = rest[:len(rest) - len(rest.lstrip(" \t;=,:"))]
            if slip and slip.strip(" \t") in (":", ";", "=", ",") and rest.strip(" \t;=,:") \
                    and (inner is not body or slip != ":"):
                return f"${{{kind}:{rest[len(slip):]}}}"
            return None
    return None


def _unknown_descriptor(col: _Collector, descriptor: str, body: str, args: str | None, start: int,
                        end: int) -> None:

    if args is None:
        try:
            if compile_pattern(descriptor).fields:
                col.add(Flaw.MACRO_MISSING_DESCRIPTOR, f"${{{body}}} has no descriptor: the platform does not substitute it", start, end,
                        help=_w(f"${{gmtDate:{body}}}"))
                return
        except PatternError:
            pass
    suggestion = _did_you_mean(descriptor, MACRO_KINDS)
    desc_end = start + 2 + len(descriptor)
    if suggestion:

        # `DateTimeZone` differs only in case: what was meant is certain; another spelling is a guess; none for a
        # macro with nothing after its name that the one meant needs (`${timezone}` is no `${dateTimeZone}`, which
        # takes a zone and a format: the fix would write a macro as malformed)
        fix = None if args is None and suggestion in DATE_KINDS - {"date"} else \
            Fix(f"write `{suggestion}`", (Edit(start + 2, desc_end, suggestion),),
                "safe" if suggestion.lower() == descriptor.lower() else "unsafe")
        col.facts.append(UrlFact(Flaw.MACRO_UNKNOWN_DESCRIPTOR, f"unknown macro descriptor {descriptor!r}; did you "
                                 f"mean {suggestion!r}? (descriptors are case-sensitive; the platform does not "
                                 "substitute this macro)", start + 2, desc_end, help=_w(suggestion), fix=fix))
    elif args is None and _ENV_LIKE.fullmatch(descriptor):
        col.add(Flaw.MACRO_ENV_REFERENCE, f"${{{descriptor}}} is not a poller macro: the platform sends it unchanged "
                "unless a deployment tool fills it in", start, end)
    else:
        col.add(Flaw.MACRO_UNKNOWN_DESCRIPTOR, f"unknown macro descriptor {descriptor!r}: expected one of {', '.join(MACRO_KINDS)}",
                start + 2, desc_end)
    return


# --------------------------------------------------------------------------- text outside macros


def _braces(col: _Collector, text: str, masked: str, lo: int, hi: int, variables: list[PathVariable]) -> None:
    """``{name}`` variables and stray braces in ``masked[lo:hi]`` (macros and ``{{...}}`` already masked)."""
    i = lo
    while True:
        brace = _BRACE.search(masked, i, hi)  # the characters between braces need nothing
        if brace is None:
            return
        i, c = brace.start(), brace.group()
        if c == "{":
            m = _PATH_VARIABLE.match(masked, i, hi)
            if m:
                variables.append(PathVariable(m.group(1), i, m.end()))
                i = m.end()
                continue
            close = masked.find("}", i + 1, hi)
            if close == -1:
                col.add(Flaw.STRAY_BRACE, "stray '{': it opens nothing the platform fills in", i, i + 1)
            else:
                col.add(Flaw.STRAY_BRACE, f"{text[i:close + 1]!r} is not a path variable ({{name}}) nor a macro (${{...}})",
                        i, close + 1)
                i = close + 1
                continue
        elif c == "}":
            col.add(Flaw.STRAY_BRACE, "stray '}' outside any macro", i, i + 1, help="remove it")
        i += 1


# What a URL starting with `//` names after it: a user's information, or a host name (`api.example.com`, `host:8080`)
_AUTHORITY = LazyPattern(r"[^/?#@\s]{1,200}@|[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})+(?::\d{1,5})?(?=[/?#]|$)|[\w\-]{1,63}:\d{1,5}(?=[/?#]|$)")


def _closing_braces(col: _Collector, masked: str, start: int, end: int) -> None:
    """A `}` outside the filter's strings that closes no `{` (`...'Z'}'}`: a macro's brace typed twice, after its
    quote), which the vendor receives in the filter."""
    quoted, opened = False, 0
    for i in range(start, end):
        char = masked[i]
        if char == "'":
            quoted = not quoted  # (a doubled `''` in a string turns twice)
        elif quoted:
            continue
        elif char == "{":
            opened += 1
        elif char == "}":
            if opened:
                opened -= 1
            else:
                col.add(Flaw.STRAY_BRACE, "stray '}' outside any macro", i, i + 1, help="remove it")


def _query_params(masked: str, qstart: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each parameter; ``where``'s value runs to the next ``&`` outside its quotes."""
    spans, i = [], qstart
    while i <= end:
        if masked.startswith("where=", i):
            j = _where_end(masked, i + 6, end)
        else:
            j = masked.find("&", i, end)
            j = end if j == -1 else j
        spans.append((i, j))
        i = j + 1
    return spans


def _where_end(masked: str, start: int, end: int) -> int:
    """End of a where value: the first ``&`` outside single quotes; the first ``&`` if a quote never closes."""
    first = masked.find("&", start, end)
    if first == -1:
        return end
    if not masked.count("'", start, first) % 2:
        return first  # (the scan below meets it outside quotes: its quotes before it pair up)
    in_quote = False
    for event in _QUOTE_OR_AMPERSAND.finditer(masked, start, end):
        if event.group() == "'":
            in_quote = not in_quote
        elif not in_quote:
            return event.start()
    return first if in_quote else end


def _quoted_separators(col: _Collector, masked: str, start: int, end: int) -> None:
    """CE644 for each `&` or `#` inside a quoted CEQL string of the where value (`name='Smith & Sons'`,
    `reference='INV#100'`): a query's `&` separates parameters and a URL's `#` starts its fragment, which is never
    sent, whatever quotes the filter has, so the vendor gets the filter cut there."""
    in_quote = False
    for event in _QUOTE_OR_SEPARATOR.finditer(masked, start, end):
        if event.group() == "'":
            in_quote = not in_quote
        elif in_quote and not (event.group() == "&" and _HTML_ENTITY.match(masked, event.start())):  # (`&amp;`: CE618's)
            at, char = event.start(), event.group()
            effect = ("a query's `&` separates parameters, quotes or not, so the vendor gets the filter cut here (its "
                      "string never closes) and the rest as another parameter" if char == "&" else
                      "a URL's `#` starts its fragment, which is never sent, quotes or not, so the vendor gets the "
                      "filter cut here (its string never closes) and nothing after it")
            encoded = "%26" if char == "&" else "%23"
            col.add(Flaw.CEQL_AMPERSAND_IN_STRING, f"`{char}` inside a CEQL string: {effect}", at, at + 1,
                    help=f"write it percent-encoded: `{encoded}`",
                    fix=Fix(f"write `{encoded}`", (Edit(at, at + 1, encoded),), "unsafe"))


# The letters SimpleDateFormat prints as a number (`M` up to two letters: `MMM` is a month's name)
_NUMBER_LETTERS = frozenset("yYMdDHhkKmsSwWFu")


def _prints_digits_alone(pattern: DatePattern) -> bool:
    """Whether ``pattern`` prints only digits (`yyyyMMddHHmmss`): every token a number field, no literal text.

    A year printed with a sign (before year 1) is no instant a poller meets."""
    return bool(pattern.tokens) and all(
        token.is_field and token.letter in _NUMBER_LETTERS and (token.letter != "M" or token.count <= 2)
        for token in pattern.tokens)


def _decoded(hex_digits: str) -> str:
    return bytes([int(hex_digits, 16)]).decode("latin-1")


def _joins_condition(masked: str, start: int, name_end: int, value_start: int, end: int, eq: int) -> bool:
    """Whether the parameter at ``[start, end)`` after ``where`` is a CEQL condition cut off by '&'."""
    if _HTML_ENTITY.match(masked, start - 1):
        return False  # &apos; and the like: CE618
    name = masked[start:name_end]
    if re.search(r"[<>!'\s]", name) or not name:
        return True  # b>'x', b >= 'x', ' b'
    return eq != -1 and bool(_CEQL_VALUE.fullmatch(masked, value_start, end))  # b='x', b='${...}'


# `where=` straight after a value's last character (a digit, a quote, a brace), not ending a longer name
# (`elsewhere=`)
_GLUED_WHERE = LazyPattern(r"[0-9'\")}\]\ue001]where=")


def _query_shape(col: _Collector, masked: str, query_start: int, end: int, where: WhereClause | None,
                 params: list[QueryParam], *, hub_relative: bool) -> None:
    """A second '?' where '&' was meant, a `where=` glued to the value before it, and a misspelled ``where`` on a
    hub URL."""
    second = masked.find("?", query_start, end) != -1  # (the loop reports a second '?' alone: none, nothing to read)
    starts = [q.start for q in params] if second else []  # (in order: each '?' finds its parameter by bisection)
    quotes, counted = 0, where.offset if where is not None else 0  # the where's quotes before the '?', counted on
    schemes: dict[int, int] = {}  # a parameter's first `://` in its value, found once
    for m in _NEXT_PARAM.finditer(masked, query_start, end) if second else ():
        if not m.group(0).startswith("?"):
            continue
        if where is not None and where.offset <= m.start() < where.offset + len(where.text):
            quotes, counted = quotes + masked.count("'", counted, m.start()), m.start()
            if quotes % 2:
                continue  # inside a CEQL string
        at = bisect_right(starts, m.start()) - 1
        owner = params[at] if at >= 0 and params[at].start <= m.start() < params[at].end else None
        if owner is not None:
            scheme = schemes.get(at)
            if scheme is None:
                scheme = schemes[at] = masked.find("://", owner.value_start, owner.end)
            if -1 < scheme and scheme + 3 <= m.start():
                continue  # a URL as a parameter's value (redirect=https://host/a?b=1): its '?' is its own
        col.add(Flaw.QUERY_SEPARATOR, f"a second '?' ({m.group(0)!r}): the query has begun already, so it is sent "
                "as part of the previous value", m.start(), m.start() + 1, help="write `&` instead of `?`",
                replacement="&")
    for param in params if where is None and "where=" in masked else ():
        semicolon = masked.find(";where=", param.value_start, param.end)
        if semicolon != -1:  # `?pageSize=200;where=...`: a separator of some other tools' queries
            col.add(Flaw.QUERY_SEPARATOR, f"`;` before `where=`: only `&` separates a query's parameters, so the "
                    f"filter is part of the value of {param.name!r} and the hub gets none", semicolon, semicolon + 1,
                    help="write `&` instead of `;`", replacement="&")
            continue
        glued = _GLUED_WHERE.search(masked, param.value_start, param.end)
        if glued is not None and "%" not in masked[param.value_start:glued.start() + 1]:  # `?pageSize=200where=...`
            # (not in an encoded value: `next=https%3A...%3Fwhere=`, `200%26where=` has its `&`)
            at = glued.start() + 1
            col.add(Flaw.QUERY_SEPARATOR, f"`where=` inside the value of {param.name!r}: an `&` is missing before "
                    "it, so the filter is part of that value and the hub gets none", at, at + len("where"),
                    help="write `&` before `where`", replacement="&where")
    if where is not None or not hub_relative:
        return
    import difflib

    for param in params:
        lowered = param.name.lower()
        spaced = _WHERE_SPACED.match(param.name)
        if spaced is not None:  # `?where lastModifiedDate>='...'`, `?where:...`: a space or a colon where `=` belongs
            at, end = param.start + len("where"), param.start + spaced.end()
            written = "a colon" if ":" in spaced.group() else "a space"
            col.add(Flaw.WHERE_MISSPELLED, f"{written} after `where`, not `=`: the vendor gets a parameter named "
                    f"{param.name!r}, and no filter", at, end, help="write `=` after `where`",
                    fix=Fix("write `=` after `where`", (Edit(at, end, "="),), "safe"))
            continue
        if _COMPARISON_AS_NAME.fullmatch(param.name) and ("${" in param.name + param.value or "'" in param.value):
            # `?updated_at>='${gmtDate:...}'`: the CEQL written as the whole query; the hub gets a parameter named
            # `updated_at>` and no filter, so every poll fetches every record
            col.add(Flaw.WHERE_MISSPELLED, f"the filter is written without `where=`: the hub gets a parameter named "
                    f"{param.name!r} and no filter, so every poll fetches every record", param.start, param.end,
                    help="write `where=` before the condition",
                    fix=Fix("write `where=` before the condition", (Edit(param.start, param.start, "where="),),
                            "unsafe"))
            continue
        if lowered != "where" and not difflib.get_close_matches(lowered, ["where"], n=1, cutoff=0.8):
            continue
        if param.name == "where" or not re.search(r"[<>=]|\ue000", masked[param.value_start:param.end]):
            continue
        col.add(Flaw.WHERE_MISSPELLED, f"{param.name!r} is not 'where': the hub reads its CEQL filter from the "
                "'where' parameter only, so this filter is passed on as an unknown parameter", param.start,
                param.start + len(param.name), help=_w("where"))


_FRAGMENT_QUERY = LazyPattern(r"#(?=[A-Za-z_][\w.]{0,100}[ \t]*[=<>!])")  # `#where=`, `#pageSize=`: a query meant
_WHERE_SPACED = ByScript(r"(?i)where(?:[ \t]+|[ \t]*:[ \t]*)(?=[A-Za-z_(])")  # (an ASCII name: ASCII's cases)
# A parameter's name that is a CEQL condition's start (`updated_at>`, `updated_at >`, `modified<`, `status!`)
_COMPARISON_AS_NAME = re.compile(r"[A-Za-z_][\w.]{0,100}[ \t]*[<>!]|[A-Za-z_][\w.]{0,100}[ \t]*[<>][^=]{0,200}")

# What templating leaves in a value it did not fill: `{since}` (str.format), `%s`, `%(since)s`, `%d`, `$since` (a
# shell's, PowerShell's or PHP's variable a single-quoted body kept from expanding).  (A SQL parameter, `:since` or
# `?`, looks too much like a vendor's own value to be told from one.)
_OFFSET_AFTER = LazyPattern(r"\+\d{2}(?::?\d{2})?(?![\w:])")  # (a UTC offset, `+00:00`, `+0530`)
_TEMPLATE_PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*\}|%(?:\([A-Za-z_]\w*\))?[sd]|\$[A-Za-z_]\w*")


def _in_gmt(macro: Macro) -> str | None:
    """The help for a zoned macro that prints a '+' offset (`${dateTimeZone:Europe/Berlin:...XXX}`): the same instant
    in GMT, whose offset XXX prints as `Z` (None when a literal '+' or a zone name prints the sign)."""
    if macro.kind not in ("dateTimeZone", "date") or macro.pattern is None or macro.format is None:
        return None
    fmt, tokens = macro.format, macro.pattern.tokens
    if any(not token.is_field and "+" in token.text or token.letter == "z" for token in tokens):
        return None
    for token in reversed(tokens):
        if token.letter in ("X", "Z"):
            fmt = fmt[:token.start] + "XXX" + fmt[token.end:]
    return f"print the same instant in GMT, where XXX writes the offset as Z: `${{gmtDate:{fmt}}}`"


def _plus_risk(macro: Macro, server_zone: str) -> bool:
    """Whether ``macro`` can print a '+' (``Z``, ``X``, ``z`` offsets or a literal '+') in its zone."""
    return _plus_risk_of(macro.kind, macro.zone, macro.format, server_zone) if macro.pattern is not None else False


@lru_cache(maxsize=1024)
def _plus_risk_of(kind: str, zone_text: str | None, fmt: str | None, server_zone: str) -> bool:

    macro = Macro(kind, zone_text, fmt, compile_pattern(fmt or ""), 0, 0, None)
    if macro.pattern is None:
        return False

    if macro.kind == "gmtDate":
        zone_id = "GMT"
    elif macro.kind in ZONE_KINDS:
        zone_id = macro.zone or "GMT"
        if _OFFSET_ZONE.fullmatch(zone_id):
            zone_id = "GMT" + zone_id
    else:
        zone_id = server_zone
    zone = resolve_zone(zone_id).zone
    instants = (1736899200000, 1752537600000)  # 2025-01-15, 2025-07-15
    totals = [zone.offsets_at(ms)[0] for ms in instants]
    for token in macro.pattern.tokens:
        if not token.is_field:
            if "+" in token.text:
                return True
        elif token.letter == "Z" and any(t >= 0 for t in totals) or token.letter == "X" and any(t > 0 for t in totals):
            return True
        elif token.letter == "z":
            names = zone.names[2:] if token.count >= 4 else zone.names[:2]
            if any("+" in name for name in names):
                return True
    return False


# --------------------------------------------------------------------------- entry point


_SCOPE: ContextVar[dict[tuple[str, str], UrlTemplate] | None] = ContextVar("url_parse_scope", default=None)


@contextmanager
def parse_scope() -> Iterator[None]:
    """Within it, each distinct (URL, server zone) is parsed once, whatever the number of URLs.

    The engine opens one scope per check, so every rule reading a poller URL shares one parse;
    the memo is dropped when the scope closes.  Nested scopes share the outer one.
    """
    if _SCOPE.get() is not None:
        yield
        return
    token = _SCOPE.set({})
    try:
        yield
    finally:
        _SCOPE.reset(token)


def parse_url_template(text: str, *, server_zone: str = "GMT") -> UrlTemplate:
    """Parse a poller URL; never raises for a str (a :class:`TypeError` for another type).  Facts carry 0-based offsets into ``text``.

    ``server_zone``: the zone of ``${date:...}`` and ``${now:...}`` (documented as GMT).  The
    result is shared (inside a :func:`parse_scope`, and from a bounded cache of recent URLs across
    checks: copies of one poller in several files are parsed once): do not change it.  Every fact is reported, including those only some callers want (a macro
    printing '+'): :mod:`validator.rules.urls` decides which become findings.  Raw spaces (CE617, opt-in) are
    not among them: :meth:`UrlTemplate.raw_spaces` finds them when asked.
    """
    if not isinstance(text, str) or not isinstance(server_zone, str):  # (a library caller's slip, said plainly)
        wrong = text if not isinstance(text, str) else server_zone
        raise TypeError(f"{'a URL template' if wrong is text else 'server_zone'} must be a str, not "
                        f"{type(wrong).__name__}")
    memo = _SCOPE.get()
    if memo is None:
        return _parse_cached(text, server_zone)
    key = (text, server_zone)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _parse_cached(text, server_zone)
    return found


@lru_cache(maxsize=1024)
def _parse_cached(text: str, server_zone: str) -> UrlTemplate:
    return _parse_guarded(text, server_zone)


# Facts that leave a filter readable (a raw space, opt-in; a date outside quotes, information).
_NO_EXPLANATION = frozenset({Flaw.CEQL_UNREADABLE, Flaw.RAW_SPACE, Flaw.TRAILING_WHITESPACE, Flaw.CEQL_UNQUOTED_DATE,
                             Flaw.PLUS_UNENCODED})


def _explained(facts: list[UrlFact], start: int, end: int) -> list[UrlFact]:
    """``facts`` less the where filter's CE639, when another fact on the filter (a malformed macro, a second '?')
    explains why it does not read as CEQL."""
    others = [f for f in facts if f.flaw not in _NO_EXPLANATION and f.start < end and f.end > start]
    return [f for f in facts if f.flaw is not Flaw.CEQL_UNREADABLE or not others]


def _fact_order(fact: UrlFact) -> tuple[int, int]:
    return fact.start, fact.end


def _quotes_itself(macro: Macro) -> bool:
    """Whether the date ``macro`` prints is a CEQL string of its own: its format prints a `'` first and last and none
    between (`${gmtDate:''yyyy-MM-dd'T'HH:mm:ss'Z'''}` prints `'2024-01-05T10:00:00Z'`)."""
    if macro.pattern is None:
        return False
    printed = macro.pattern.format(0, "GMT")
    return len(printed) > 2 and printed[0] == printed[-1] == "'" and printed.count("'") == 2


def _printed_quotes(col: _Collector, macros: list[Macro], start: int, end: int) -> None:
    """CE620 for each `''` in the format of a macro inside the where filter: it prints a `'`, which ends the CEQL
    string the date is in (`'${gmtDate:yyyy-MM-dd''T''HH:mm}'` sends `'2024-01-02'T'15:04'`)."""
    for macro in macros:
        if start <= macro.start < end and macro.format is not None and macro.format_start is not None \
                and "''" in macro.format:
            at = macro.format_start + macro.format.index("''")
            fixed = macro.format.replace("''", "'")
            message = ("`''` in the macro's format prints a `'` into the filter, which ends the CEQL string the date "
                       "is in: the vendor cannot read the filter")
            if not _same_fields_no_quote(macro.format, fixed):  # (`h 'o''clock' a`: a quote inside quoted text;
                # `''yyyy''`: quotes around a field, which the fix would make text)
                col.add(Flaw.CEQL_UNBALANCED_QUOTE, message, at, at + 2,
                        help="leave the quote out of the format: the filter cannot hold one")
                continue
            col.add(Flaw.CEQL_UNBALANCED_QUOTE, message, at, at + 2,
                    help=f"write `{fixed}` (a letter between single quotes is printed as it is)",
                    fix=Fix(f"write `{fixed}`", (Edit(macro.format_start, macro.format_start + len(macro.format), fixed),),
                            "unsafe"))


def _same_fields_no_quote(fmt: str, fixed: str) -> bool:
    """Whether ``fixed`` compiles (Java's constructor accepts it), prints no `'`, and has the fields ``fmt`` has."""
    try:
        pattern = compile_pattern(fixed)
    except PatternError:
        return False
    try:  # (a zone's field may become its letter: `''Z''` is meant as `'Z'`)
        fields = [t.text for t in compile_pattern(fmt).fields if t.letter not in "XZz"]
    except PatternError:  # (`''T''`: a letter no field has, which the fix quotes)
        fields = None
    return "'" not in pattern.format(0, "GMT") and (
        fields is None or [t.text for t in pattern.fields if t.letter not in "XZz"] == fields)


_ARITHMETIC_START = frozenset(" /*+-")
_ARITHMETIC = re.compile(r" *([/*+\-]) *([0-9]+)(?![0-9])")
_RESCALED = {("ms", "/", "1000"): "s", ("us", "/", "1000"): "ms", ("s", "*", "1000"): "ms", ("ms", "*", "1000"): "us",
             ("us", "/", "1000000"): "s", ("s", "*", "1000000"): "us"}


_UNIT_WORDS = {"ms": frozenset({"millis", "milliseconds", "millisecond", "ms", "msec"}),
               "s": frozenset({"seconds", "second", "secs", "sec"})}
#: The words of a field's name, in any case style (`startEpochMillis`, `since_seconds`, `LastModifiedDate`).
NAME_WORDS = LazyPattern(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def named_epoch_unit(field: str) -> str | None:
    """The epoch unit a vendor's field or parameter names (`startEpochMillis`: ``ms``; `since_seconds`: ``s``)."""
    words = {word.lower() for word in NAME_WORDS.findall(field)}
    return next((unit for unit, said in _UNIT_WORDS.items() if words & said), None)


# The field a condition compares, right before its operator and the value's opening quote (`startEpochMillis='`)
_COMPARED_FIELD = LazyPattern(r"([A-Za-z_][\w.]{0,100}+)[ \t]*+(?:>=|<=|!=|<>|=|>|<|in[ \t]*+\([ \t]*+)[ \t]*+'?$")


def compared_field(text: str, start: int) -> str | None:
    """The field compared with what starts at ``start`` in the URL ``text``, as written right before it (read
    without the CEQL parse, which a sum after the value's quote defeats: `updated>'${epoch}'/1000`)."""
    compared = _COMPARED_FIELD.search(text, max(0, start - 120), start)
    return compared.group(1) if compared is not None else None


def _arithmetic(col: _Collector, text: str, macro: Macro) -> None:
    """CE643 for a sum after an epoch macro (`${epoch}/1000`): the platform substitutes the macro and sends the rest as
    text.  The macro's unit is the only scaling there is; a fix where one gives the scale meant, or the one the
    compared field names (`startEpochMillis='${epoch}/1000'`: milliseconds, whatever the sum says)."""
    quote = "'" if text[macro.end:macro.end + 1] == "'" else ""  # (`'${epoch}'/1000`: after the value's quote too)
    arithmetic = _ARITHMETIC.match(text, macro.end + len(quote))
    if arithmetic is None:
        return
    operator, number = arithmetic.groups()
    unit = macro.unit or "ms"
    written = text[macro.start:arithmetic.end()]
    compared = compared_field(text, macro.start)
    meant = (named_epoch_unit(compared) if compared is not None else None) \
        or _RESCALED.get((unit, operator, number))
    fixed = f"${{epoch:{meant}}}" if meant else None
    after = "the value's closing quote" if quote else "the number"
    opening = "'" if quote and text[macro.start - 1:macro.start] == "'" else ""  # (quoted whole, as written)
    col.add(Flaw.MACRO_ARITHMETIC, f"`{opening}{written}`: the platform computes nothing; it substitutes the macro and "
            f"sends `{arithmetic.group().strip()}` after {after} as text, which no vendor reads as a time", macro.start,
            arithmetic.end(), help=_w(fixed) if fixed else f"remove `{arithmetic.group().strip()}`: the macro's unit "
            "(`${epoch:s}`, `${epoch:ms}`, `${epoch:us}`) is the only scaling the platform does",
            fix=Fix(_w(fixed), (Edit(macro.start, arithmetic.end(), fixed + quote),), "unsafe") if fixed else None)


# A sum after a date macro, inside the value's quotes (`'${gmtDate:...}-60000'`, `'${date:...} - 1 hour'`); not an
# offset written after the date (`'${gmtDate:...ss}+00:00'`, ` -0500`: four digits or fewer, no unit) nor a time
# (`-000000`)
_DATE_ARITHMETIC = LazyPattern(r" *(?:[*/] *\d+|[+\-] *\d+ *(?i:ms|millis(?:econds?)?|s|secs?|seconds?|m|mins?|minutes?"
                               r"|h|hrs?|hours?|d|days?|w|weeks?)|[+\-] *[1-9]\d{4,})(?=')")


# The same after the value's closing quote (`'${gmtDate:...}'-3600`), where any number is a sum: no offset of the
# date's is written outside its string
_DATE_ARITHMETIC_AFTER_QUOTE = LazyPattern(r"' *[*/+\-] *\d+(?!\d)(?: *(?i:ms|millis(?:econds?)?|s|secs?|seconds?|m|mins?"
                                           r"|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\b)?(?=$|[&) \t])")


def _operator_next(text: str, at: int) -> bool:
    """Whether a sum's operator comes next at ``at``, after blanks (a clean URL compiles no pattern for it)."""
    after = text[at:at + 40].lstrip(" ")
    return after[:1] in ("/", "*", "+", "-")


def _date_arithmetic(col: _Collector, text: str, macro: Macro) -> None:
    """CE643 for a sum after a date macro inside the value's quotes (the vendor gets `2024-01-05T10:00:00Z-60000`) or
    after its closing quote (`'${gmtDate:...}'-3600`: CEQL gets a number after the string)."""
    quoted = text[macro.end:macro.end + 1] == "'"
    arithmetic = (_DATE_ARITHMETIC_AFTER_QUOTE if quoted else _DATE_ARITHMETIC).match(text, macro.end)
    if arithmetic is None:
        return
    cut = macro.end + 1 if quoted else macro.end  # (the blanks before the sum go with it)
    sum_ = text[cut:arithmetic.end()].strip()
    start = text.index(sum_, cut) if quoted else cut
    effect = ("after the value's closing quote, where the CEQL condition cannot go on" if quoted
              else "after the date as text, which the vendor cannot read as a date")
    col.add(Flaw.MACRO_ARITHMETIC, f"`{sum_}` after `{_clipped(text[macro.start:macro.end])}`: the platform computes "
            f"nothing; it substitutes the last poll time and sends `{sum_}` {effect}", start, arithmetic.end(),
            help=f"remove `{sum_}`: the platform moves no date; the last poll time is the bound",
            fix=Fix(f"remove `{sum_}`", (Edit(cut, arithmetic.end(), ""),), "unsafe"))


def _with_slash(url: str, path_length: int) -> str:
    """A URL that does not start with '/' as it was meant: a Windows path's backslashes (`\\hubs\\crm`) and a
    relative start (`./hubs`) written as the hub path."""
    path, query = url[:path_length], url[path_length:]
    if "\\" in path and "/" not in path:
        path = path.replace("\\", "/")
    path = path.lstrip(".") if path.startswith(("./", "../")) else path
    return ("" if path.startswith("/") else "/") + path + query


def _parse_guarded(text: str, server_zone: str) -> UrlTemplate:
    col = _Collector()
    try:
        return _parse(text, col, server_zone=server_zone)
    except Exception as exc:  # a bug here must not take the linter down with it  # noqa: BLE001
        col.add(Flaw.INTERNAL_ERROR, f"internal error while reading the URL ({type(exc).__name__}: {exc}); please "
                "report it", 0, len(text))
        return UrlTemplate(text, text, 0, len(text), None, None, None, facts=col.facts)


def _parse(text: str, col: _Collector, *, server_zone: str) -> UrlTemplate:
    macros: list[Macro] = []
    malformed: list[tuple[int, int]] = []
    masked_spans: list[tuple[int, int]] = []
    pieces = lex_url(text)
    for name, raw, start, end in pieces:
        if name == "macro":
            masked_spans.append((start, end))
            macro = _read_macro_at(col, raw, start)
            if macro is None:
                malformed.append((start, end))
            else:
                macros.append(macro)
        elif name == "unterminated":
            masked_spans.append((start, end))
            col.add(Flaw.MACRO_MALFORMED, "unterminated macro: '${' has no closing '}'", start, end, help="close it with '}'")
            malformed.append((start, end))
        elif name == "leftover":
            masked_spans.append((start, end))
            malformed.append((start, end))
            fixed = "${" + raw[len("#{'$'}{"):]
            col.add(Flaw.MACRO_TEMPLATE_LEFTOVER, f"{raw[:7]!r} is a templating leftover (an escaped '$' that was never rendered): the "
                    "platform does not substitute this macro", start, start + 7, help=_w(fixed))
        elif name == "nobrace":
            masked_spans.append((start, end))
            malformed.append((start, end))
            body = raw[1:]
            descriptor = body.split(":", 1)[0]
            if descriptor not in ("gmtDate", "date", "dateTimeZone", "now", "nowTimeZone", "epoch", "milliseconds") \
                    and descriptor.rstrip("}") not in ("date", "epoch", "milliseconds"):
                body = "gmtDate:" + body  # a bare format: give it the descriptor CE602 would ask for too
            col.add(Flaw.MACRO_MALFORMED, f"{raw!r} lacks the '{{' after '$': the platform does not substitute it", start, end,
                    help=_w("${" + body))
        elif name == "placeholder":
            masked_spans.append((start, end))
            braced = BRACED_MACRO.fullmatch(raw)
            if braced is not None:  # `{{gmtDate:...}}`: the macro in a template's braces (or three: `{{{...}}}`)
                if text[start - 1:start] == "{" and text[end:end + 1] == "}":
                    start, end = start - 1, end + 1
                malformed.append((start, end))
                fixed = "${" + braced.group("body").rstrip(" \t") + "}"
                col.add(Flaw.MACRO_MALFORMED, f"{_clipped(text[start:end])!r} is a macro in a template's braces: the platform "
                        "substitutes only `${...}`, so the vendor gets this text, not the last poll time", start, end,
                        help=_w(fixed), replacement=fixed)
    masked = mask(text, masked_spans)
    atomic_only = [(s, e) for name, _, s, e in pieces if name in ATOMIC]
    atomic = masked if atomic_only == masked_spans else mask(text, atomic_only)  # (the usual URL: macros alone)
    for name, _, _, end in pieces:
        if name in ("macro", "leftover") and text.startswith("}", end):
            col.add(Flaw.STRAY_BRACE, "extra '}' after the macro", end, end + 1, help="remove it")
            masked = masked[:end] + "\ue002" + masked[end + 1:]

    for m in _DOLLAR_MISSING.finditer(masked) if "{" in masked else ():
        col.add(Flaw.MACRO_MALFORMED, f"'{m.group(0)}' lacks the '$' before '{{': the platform sends it as text, not "
                "as the last poll time", m.start(), m.end(), help=_w("$" + m.group(0)))

    for _, _, start, _ in (piece for piece in pieces if piece[0] == "macro") if "$$" in text else ():
        if text[start - 1:start] == "$":  # `$${gmtDate:...}`: escaped for make, compose or Terraform, and left so
            col.add(Flaw.MACRO_DOUBLED_DOLLAR, "'$$' before the macro: the platform substitutes the `${...}` and keeps "
                    "the first '$', so the vendor gets '$' before the date (unless a template tool, such as Terraform "
                    "or docker-compose, turns '$$' into '$' before the body is sent)", start - 1, start + 1,
                    help="write one '$'", replacement="$")
    for m in _ENCODED_MACRO.finditer(masked) if "%" in masked else ():  # (decoded whole: its quotes and colons too)
        encoded_end = _ENCODED_CLOSE.search(masked, m.end())
        edits = [Edit(m.start(), encoded_end.end(), unquote(text[m.start():encoded_end.end()]))] if encoded_end else []
        col.add(Flaw.MACRO_MALFORMED, f"{m.group(0)!r} is '${{' percent-encoded: the platform substitutes only a macro "
                "written as `${...}`, so the vendor gets this text, not the last poll time", m.start(),
                encoded_end.end() if encoded_end else m.end(), help="write the macro as `${...}`, not encoded",
                fix=Fix("write the macro as `${...}`", tuple(edits), "safe") if encoded_end else None)
    for m in _PERCENT_MACRO.finditer(masked) if "%{" in masked or "#{" in masked else ():
        fixed = "${" + m.group("body") + "}"
        col.add(Flaw.MACRO_MALFORMED, f"{m.group(0)!r} starts with {m.group(0)[0]!r}: the platform substitutes only "
                "`${...}`, so the vendor gets this text, not the last poll time", m.start(), m.end(), help=_w(fixed),
                replacement=fixed)
    for m in _SPACED_MACRO.finditer(masked) if "$ " in masked or "$\t" in masked or "$%20" in masked else ():
        col.add(Flaw.MACRO_MALFORMED, "a space between '$' and '{': the platform substitutes only `${...}`, so the "
                "vendor gets this text, not the last poll time", m.start(), m.end(), help="write `${` with no space",
                replacement="${")
    for m in _BRACES_MISSING.finditer(masked) if "$" in masked else ():
        epoch = m.group("descriptor") is None
        said = m.group(0) if epoch else m.group(0) + ":..."
        fixed = "${" + m.group(0)[1:] + "}" if epoch else "${" + m.group(0)[1:] + ":...}"
        col.add(Flaw.MACRO_MALFORMED, f"'{said}' has no braces: the platform substitutes only `${{...}}`, so the vendor "
                "gets this text, not the last poll time", m.start(), m.end(), help=_w(fixed),
                replacement=fixed if epoch else None)
    for m in _PAREN_MACRO.finditer(masked) if "$(" in masked else ():
        fixed = "${" + m.group("body") + "}"
        col.add(Flaw.MACRO_MALFORMED, f"{m.group(0)!r} uses parentheses: the platform substitutes only `${{...}}`, so the "
                "vendor gets this text, not the last poll time", m.start(), m.end(), help=_w(fixed), replacement=fixed)

    query = text.find("?")
    for macro in macros:  # (in the query only: `/contacts/${epoch}/1000` is a path)
        if macro.kind in ("epoch", "milliseconds") and (text[macro.end:macro.end + 1] in _ARITHMETIC_START or
                                                        text[macro.end:macro.end + 1] == "'"
                                                        and text[macro.end + 1:macro.end + 2] in _ARITHMETIC_START) \
                and -1 < query < macro.start:
            _arithmetic(col, text, macro)
        elif macro.is_date and (text[macro.end:macro.end + 1] in _ARITHMETIC_START or text[macro.end:macro.end + 1] == "'"
                                and _operator_next(text, macro.end + 1)) and -1 < query < macro.start:
            _date_arithmetic(col, text, macro)

    for m in _TYPOGRAPHIC_BY_MACRO.finditer(masked) if not text.isascii() else ():
        col.add(Flaw.STRAY_QUOTE, f"typographic quote {m.group(0)!r} next to a macro: CEQL strings need the ASCII quote '",
                m.start(), m.end(), help="use the ASCII quote '", replacement="'")

    # Whitespace and control characters.
    stripped_start = len(text) - len(text.lstrip())
    if stripped_start:
        col.add(Flaw.WHITESPACE, "the URL starts with whitespace", 0, stripped_start, help="remove the whitespace")
    stripped_end = len(text.rstrip())
    if stripped_end < len(text) and stripped_end >= stripped_start and not _CONTROL.search(text, stripped_end):
        col.add(Flaw.TRAILING_WHITESPACE, "the URL ends with whitespace", stripped_end, len(text),
                help="remove the whitespace")
    for m in _BLANKS_BEFORE_QUERY.finditer(masked, stripped_start, stripped_end) if " ?" in masked or "\t?" in masked \
            or "/ " in masked or " /" in masked else ():
        if masked.find("?", stripped_start, m.start()) == -1:  # (in the path: the query's own blanks are CE617's)
            col.add(Flaw.PATH_SPACE, "a space in the path, next to " + ("its '?'" if masked[m.end():m.end() + 1] == "?"
                    else "a '/'") + ": the path is sent with it (`%20`), which names no resource unless the vendor "
                    "ignores it", m.start(), m.end(),
                    help="remove the space", replacement="")
    for m in _CONTROL.finditer(text, stripped_start) if not text.isprintable() else ():  # (one at the end too)
        pos = m.start()
        col.add(Flaw.WHITESPACE, f"control character {text[pos]!r} in the URL", pos, pos + 1, help="remove it")
    for m in ODD_SPACE.finditer(text, stripped_start, stripped_end) if not text.isascii() else ():
        pos, char = m.start(), m.group(0)
        if joins_its_text(text, pos):
            continue  # (a joiner inside an emoji or a word of its script: the value's own)
        said = f"U+{ord(char):04X} ({unicodedata.name(char, 'a space').lower()}) in the URL: "
        if char in ODD_SPACES:
            col.add(Flaw.WHITESPACE, said + "not the ASCII space, so the vendor reads no separator there", pos, pos + 1,
                    help="write an ASCII space", replacement=" ")
        else:
            col.add(Flaw.WHITESPACE, said + "an invisible character, sent as it is (percent-encoded), so the vendor reads "
                    "a name or value other than the one written", pos, pos + 1, help="remove it", replacement="")
    for m in _ESCAPED_QUOTE.finditer(masked) if "\\" in masked else ():
        col.add(Flaw.STRAY_QUOTE, f"`{m.group(0)}`: a quote escaped for a shell or a programming language, and the "
                "escape left in: the vendor gets the backslash", m.start(), m.end() - 1,
                help="remove the backslash", replacement="")
    for m in _HTML_ENTITY.finditer(masked) if "&" in masked else ():
        char = {"apos": "'", "#39": "'", "#x27": "'", "quot": '"', "#34": '"', "amp": "&", "lt": "<", "gt": ">"}[
            m.group(0)[1:-1]]
        advice = f"write {char} instead"
        if char == "&" and -1 < query < m.start() and not _PARAMETER_NAMED.match(masked, m.end()):
            # in a value (`company='Smith &amp; Sons'`), not between parameters: a raw `&` would end the parameter
            advice = "write `%26`, the `&` percent-encoded: a raw `&` in the query starts another parameter"
        col.add(Flaw.HTML_ENTITY, f"HTML entity {m.group(0)!r} in the URL: the platform sends it as is (and '&' splits the "
                "query)", m.start(), m.end(), help=advice)

    likes = "%25" in masked and "like" in masked.lower()  # (asked once: a hostile URL has a match in every few characters)
    for m in _DOUBLE_ENCODED.finditer(masked) if "%25" in masked else ():
        if likes and _IN_LIKE_PATTERN.search(masked, max(0, m.start() - 300), m.start()):
            continue
        col.add(Flaw.DOUBLE_ENCODED, f"{m.group(0)!r} is percent-encoded twice: the vendor receives the text "
                f"'%{m.group(1)}', not {_decoded(m.group(1))!r}", m.start(), m.end(),
                help=_w(f"%{m.group(1)}") + f" (or the character {_decoded(m.group(1))!r} itself)",
                replacement=f"%{m.group(1)}")
    absolute = _ABSOLUTE.match(masked, stripped_start)
    own = _PLATFORM_PREFIX.match(masked, absolute.end()) if absolute and "/elements/" in masked else None
    if absolute and own:  # the platform's whole address, copied from a request: what it puts before the path itself
        col.add(Flaw.ABSOLUTE_URL, f"{quotable_origin(absolute.group(0) + own.group(0))!r} before the hub path: the "
                "platform's own address, which it puts before every poller URL itself", absolute.start(), own.end(),
                help=f"remove `{absolute.group(0) + own.group(0)}`: start at /hubs/",
                fix=Fix("remove the platform's address", (Edit(absolute.start(), own.end(), ""),), "safe"))
    elif absolute:
        col.add(Flaw.ABSOLUTE_URL, f"{quotable_origin(absolute.group(0))!r}: an absolute vendor URL; poller URLs are paths the platform "
                "joins to the element's base URL (assumed from every documented poller: /hubs/<hub>/<resource> or "
                "the vendor's path such as /invoices)", absolute.start(), absolute.end(),
                help="write the path only: the hub path /hubs/<hub>/<resource>, or the vendor path after the host")

    # Path and query.
    qmark = masked.find("?")
    path_end = qmark if qmark != -1 else stripped_end
    path_start = stripped_start
    path = text[path_start:path_end]
    query_start = qmark + 1 if qmark != -1 else None
    platform = _PLATFORM_PREFIX.match(masked, path_start, path_end) if "/elements/" in path else None
    if platform:
        col.add(Flaw.ABSOLUTE_URL, f"{platform.group(0)!r} before the hub path: the platform's own API prefix, which "
                "it puts before every poller URL itself (the poller would ask for /elements/api-v2/elements/...)",
                platform.start(), platform.end(), help=f"remove `{platform.group(0)}`: start at /hubs/",
                fix=Fix(f"remove `{platform.group(0)}`", (Edit(platform.start(), platform.end(), ""),), "safe"))
    if path and not path.startswith(("/", "{{", "<")) and not absolute and not visible(path).startswith("/"):
        col.add(Flaw.MISSING_SLASH, "the URL does not start with '/': resource URLs are relative to the hub (/hubs/<hub>/...)",
                path_start, path_start + 1, help=_w(_with_slash(text.strip(), path_end - path_start)))
    elif not path and qmark == stripped_start and qmark < stripped_end:
        col.add(Flaw.MISSING_SLASH, "the URL starts with its query ('?'): it names no resource, and resource URLs are "
                "relative to the hub (/hubs/<hub>/<resource>?...)", qmark, qmark + 1,
                help="write the resource's path before the `?`: /hubs/<hub>/<resource>?...")
    hub = resource = None
    lead = 1 if path.startswith("/") else 0
    hub_path = path
    if path[lead:lead + 5].lower() == "hubs/" and path[lead:lead + 4] != "hubs":  # (`/Hubs/crm/...`)
        col.add(Flaw.UNKNOWN_HUB, f"'{path[lead:lead + 4]}': hub URLs start with /hubs/ in lower case, so this path "
                "is no hub the platform serves", path_start + lead, path_start + lead + 4, help=_w("hubs"),
                replacement="hubs")
        hub_path = path[:lead] + "hubs" + path[lead + 4:]  # (its hub is read as well: `/HUBS/CRM/`)
    singular = _SINGULAR_HUBS.match(path) if "hub/" in path else None
    if singular and singular.group(2) in KNOWN_HUBS:
        col.add(Flaw.UNKNOWN_HUB, f"'/hub/{singular.group(2)}': hub URLs start with /hubs/ (plural), so this path is "
                "no hub the platform serves", path_start + singular.start(1), path_start + singular.end(1),
                help="write `/hubs/`", replacement="hubs")
    hub_match = _HUB_PATH.match(hub_path)
    if hub_match:
        hub, resource = hub_match.group(1), hub_match.group(2)
        hub_offset = path_start + hub_match.start(1)
        if hub and hub not in KNOWN_HUBS and hub.lower() in KNOWN_HUBS:  # (`/hubs/CRM/...`)
            col.add(Flaw.UNKNOWN_HUB, f"hub {hub!r} in capitals: hub names are lower case ({hub.lower()!r})",
                    hub_offset, hub_offset + len(hub), help=_w(hub.lower()), replacement=hub.lower())
        elif hub and hub not in KNOWN_HUBS and re.fullmatch(r"[a-z][a-z\-]*", hub):
            import difflib

            meant = _HUB_BY_MEANING.get(hub)
            close = [meant] if meant else difflib.get_close_matches(hub, sorted(KNOWN_HUBS), n=1, cutoff=0.75) \
                or _short_hub_meant(hub)
            if close:
                col.add(Flaw.UNKNOWN_HUB, f"unknown hub {hub!r}; did you mean {close[0]!r}?", hub_offset, hub_offset + len(hub),
                        help=_w(close[0]))
    first = _NEXT_PARAM.search(masked, path_start, path_end)
    swapped = first is not None and first.group(0).startswith("&")
    if swapped and first is not None and query_start is None:
        col.add(Flaw.QUERY_SEPARATOR, f"the query starts with '&' ({first.group(0)!r}): without a '?' the vendor "
                "reads it as part of the path", first.start(), first.start() + 1, help="write `?` instead of `&`",
                replacement="?")
    elif swapped and first is not None:  # `/contacts&where=a='1'?pageSize=5`
        col.add(Flaw.QUERY_SEPARATOR, f"'&' before the '?' ({first.group(0)!r}): '?' and '&' are swapped, so the "
                "vendor reads what comes before the '?' as part of the path", first.start(), first.start() + 1,
                help="write `?` here and `&` in place of the later `?`",
                fix=Fix("swap the '&' and the '?'", (Edit(first.start(), first.start() + 1, "?"),
                                                      Edit(qmark, qmark + 1, "&")), "unsafe"))
    variables: list[PathVariable] = []
    _braces(col, text, masked, path_start, path_end, variables)
    quotes_end = first.start() if swapped and first is not None else path_end  # (after a swapped '&': the query's)
    encoded = _ENCODED_QUERY.search(masked, path_start, path_end) if query_start is None and "%" in path else None
    if encoded is not None and (encoded.group(1).lower() == "where" or "\ue000" in masked[encoded.end():path_end]):
        # `customers%3Fwhere%3D...`: the filter pasted from a log, percent-encoded (a name with an encoded `?` and
        # no filter or macro after it is a path's own); only what makes the query is decoded (a value's `%26` stays)
        at = encoded.start()
        decoded = _STRUCTURE_ESCAPE.sub(lambda m: unquote(m.group()), text[at:path_end])
        col.add(Flaw.QUERY_SEPARATOR, "`%3F` is a percent-encoded `?`: the vendor reads what follows as part of the "
                f"path (`{text[path_start:at]}?...`, no resource it has), and the URL has no query", at, at + 3,
                help="write the query unencoded: `?` and the `=` and operators after it",
                fix=Fix("decode the query", (Edit(at, path_end, decoded),), "unsafe"))
        quotes_end = min(quotes_end, at)
    fragment = _FRAGMENT_QUERY.search(masked, path_start, quotes_end) if query_start is None and "#" in path else None
    if fragment is not None:  # `/customers#where=...`: `#` typed for `?`
        at = fragment.start()
        sent = text[path_start:masked.find("#", path_start, at + 1)]  # (up to the first `#`: the fragment's start)
        col.add(Flaw.QUERY_SEPARATOR, "`#` starts the URL's fragment, which is never sent: the vendor gets "
                f"`{_clipped(sent)}` with no query, so no filter", at, at + 1, help="write `?` instead of `#`",
                fix=Fix("write `?` instead of `#`", (Edit(at, at + 1, "?"),), "unsafe"))
        quotes_end = at  # (the quotes after it are the filter's, not stray ones)
    for m in _QUOTE.finditer(masked, path_start, quotes_end):
        pos = m.start()
        col.add(Flaw.STRAY_QUOTE, f"stray {m.group(0)} in the path", pos, pos + 1, help="remove it")
    empty = _EMPTY_SEGMENT.search(masked, path_start, path_end) if "//" in path else None
    if empty is not None:
        # (not mended when a host follows, `//admin:pw@api.example.com/c`: one `/` less makes no hub path of it)
        authority = empty.start() == path_start and _AUTHORITY.match(masked, empty.end(), path_end) is not None
        col.add(Flaw.EMPTY_SEGMENT, "'//' in the path: an empty segment, which the vendor reads as another path "
                "than the one meant (most answer 404), and a URL starting with '//' names a host, not a path",
                empty.start(), empty.end(), help="write the hub's path (`/hubs/...`)" if authority else "write one `/`",
                fix=None if authority else Fix("write one `/`", (Edit(empty.start(), empty.end(), "/"),), "unsafe"))
    if query_start is None and hub_match:
        seg = re.search(r"/([A-Za-z_][\w.\-]*)=", masked[path_start:path_end])
        if seg and path_start + seg.start() > 0:
            pos = path_start + seg.start()
            col.add(Flaw.QUERY_IN_PATH, f"the path segment {seg.group(1)!r}= looks like a query parameter: did you mean "
                    f"'?{seg.group(1)}='?", pos, pos + 1, help=f"start the query with '?': '?{seg.group(1)}='")

    # (the general hub's resources are an element's own; a query written in the path, `/from=${...}` or `%3F`, is
    # CE626's and CE634's)
    if hub in KNOWN_HUBS and hub != "general" and "%3f" not in path.lower():
        for macro in macros:
            segment_start = masked.rfind("/", 0, macro.start) + 1
            if macro.start < path_end and "=" not in masked[segment_start:macro.start]:
                col.add(Flaw.MACRO_IN_HUB_PATH, f"the last poll time ({_clipped(text[macro.start:macro.end])}) in the "
                        "hub path: the hub reads a path segment after the resource as a record's id, so it asks for the "
                        "record whose id is the date", macro.start, macro.end,
                        help="filter in the query instead, on the records' updated field: "
                             "`?where=updated_at>='${gmtDate:...}'`")
                break
    params: list[QueryParam] = []
    where = None
    if query_start is not None:
        for p_start, p_end in _query_params(masked, query_start, stripped_end):
            if p_start >= p_end:
                continue
            eq = masked.find("=", p_start, p_end)
            name_end = p_end if eq == -1 else eq
            value_start = p_end if eq == -1 else eq + 1
            params.append(QueryParam(text[p_start:name_end], text[value_start:p_end], p_start, p_end, value_start))
            if where is not None and p_start > where.offset and _joins_condition(masked, p_start, name_end, value_start,
                                                                               p_end, eq):
                amp = p_start - 1
                first_amp = amp
                while first_amp > query_start and masked[first_amp - 1] == "&":
                    first_amp -= 1  # `&&`, as in a programming language: one separator, one fix
                joiner = ("" if masked[first_amp - 1:first_amp].isspace() else " ") + "and" + (
                    "" if masked[amp + 1:amp + 2].isspace() else " ")
                separator = text[first_amp:amp + 1]
                col.add(Flaw.CEQL_AMPERSAND_JOIN, f"{separator!r} ends the where filter: {text[p_start:p_end].strip()!r} "
                        "is sent as another query parameter, not as a condition (CEQL joins conditions with ' and ')",
                        first_amp, amp + 1, help=f"write `and` instead of `{separator}`", replacement=joiner)
            if text[p_start:name_end] == "where" and where is not None:
                amp = p_start - 1
                # joined in place only right after the first `where` (`&pageSize=5&where=...` is no place for it)
                adjacent = len(params) >= 2 and params[-2].name == "where"
                col.add(Flaw.WHERE_TWICE, "a second `where`: the hub reads one filter, so one of the two is dropped",
                        p_start, name_end, help="join its conditions to the first `where` with ` and `",
                        fix=Fix("join the conditions with ` and `", (Edit(amp, value_start, " and "),), "unsafe")
                        if adjacent else None)
            if text[p_start:name_end] == "where" and where is None:
                has_entity = bool(_HTML_ENTITY.search(masked, p_start, min(stripped_end, p_end + 8)))
                where = parse_where(text[value_start:p_end], offset=value_start, masked=atomic[value_start:p_end])
                quoting: set[tuple[int, int]] = set()
                if not has_entity:
                    # a macro outside quotes whose format prints its own (`${gmtDate:''yyyy-MM-dd''}`): no CE624,
                    # nor CE620 for its `''`
                    # and one whose format is a mistake of its own (CE401, CE604: `${gmtDate:milliseconds}`, which
                    # wants no quotes) or holds the string's quotes (`${gmtDate:'yyyy-MM-dd'}`: moved out by its help)
                    # and one whose format prints digits alone (`${gmtDate:yyyyMMddHHmmss}`: a CEQL number, as a
                    # vendor holding its dates as numbers compares them)
                    unquoted = {(f.start, f.end) for f in where.facts if f.flaw is Flaw.CEQL_UNQUOTED_DATE}
                    quoting = unquoted and unquoted & {  # (the macros asked only when a date is unquoted)
                        (m.start, m.end) for m in macros if m.format is not None and (
                            m.pattern is None or "''" in m.format and _quotes_itself(m) or _quoted_around(m.format)
                            or _prints_digits_alone(m.pattern))}
                    col.facts.extend(fact for fact in where.facts if fact.flaw is not Flaw.CEQL_UNQUOTED_DATE
                                     or (fact.start, fact.end) not in quoting)
                _printed_quotes(col, [m for m in macros if (m.start, m.end) not in quoting], value_start, p_end)
                if "}" in masked[value_start:p_end]:
                    _closing_braces(col, masked, value_start, p_end)
                if masked[value_start:value_start + 6].lower() == "where=" and masked[value_start + 6:value_start + 7].isalpha():
                    # (`where=where='home'` compares a field named `where`: no mistake)
                    col.add(Flaw.WHERE_TWICE, "`where=where=`: the filter starts with `where=` once more, so the "
                            "vendor reads a field named `where` (and `=` as its comparison), not the conditions after",
                            value_start, value_start + 6, help="remove the second `where=`",
                            fix=Fix("remove the second `where=`", (Edit(value_start, value_start + 6, ""),), "safe"))
                for glued in _WHERE_AFTER_CONJUNCTION.finditer(masked, value_start, p_end) \
                        if "where" in masked[value_start + 6:p_end].lower() else ():
                    at, after = glued.start("where"), glued.end("where")
                    if masked.count("'", value_start, at) % 2:
                        continue  # inside a CEQL string
                    col.add(Flaw.WHERE_TWICE, f"`{text[at:after]}` after `{glued.group(1)}`: the filter's conditions "
                            "need no `where=` of their own, so the vendor reads a field named `where`", at, after,
                            help=f"remove `{text[at:after]}`", fix=Fix(f"remove `{text[at:after]}`",
                                                                      (Edit(at, after, ""),), "safe"))
                if "&" in masked[value_start:p_end] or "#" in masked[value_start:p_end]:
                    _quoted_separators(col, masked, value_start, p_end)
                continue
            _braces(col, text, masked, value_start, p_end, variables)
            quotes = [i for i in range(value_start, p_end) if masked[i] == "'"]
            # An apostrophe inside a word (q=O'Brien) may be meant; one at an edge or by a brace is not.
            if len(quotes) % 2 and (quotes[-1] in (value_start, p_end - 1)
                                    or masked[quotes[-1] - 1] in "}\ue000\ue001"
                                    or masked[quotes[-1] + 1:quotes[-1] + 2] in ("{", "\ue000")):
                col.add(Flaw.STRAY_QUOTE, f"stray quote in the value of {text[p_start:name_end]!r}: its quotes do not pair up",
                        quotes[-1], quotes[-1] + 1, help="remove it")
        # Reported unless the encode-values assumption is on (validator.rules.urls)
        for macro in macros:
            if macro.start >= query_start and _plus_risk(macro, server_zone):
                gmt = macro.kind == "gmtDate" or (macro.kind == "date" and server_zone in ("GMT", "UTC")) or (
                    macro.zone in ("GMT", "UTC"))
                col.add(Flaw.PLUS_UNENCODED, f"{_clipped(macro.text)} prints a '+' into the query (the sign of its UTC offset); sent "
                        "unencoded, most servers read '+' as a space", macro.format_start or macro.start,
                        macro.end - 1, help="use XXX, which prints Z in GMT" if gmt else _in_gmt(macro))
            offset = _OFFSET_AFTER.match(text, macro.end) if macro.start >= query_start and macro.kind in DATE_KINDS \
                and text.startswith("+", macro.end) else None
            if offset is not None:  # `${gmtDate:yyyy-MM-dd'T'HH:mm:ss}+00:00`: the offset written after the macro
                col.add(Flaw.PLUS_UNENCODED, f"the offset `{offset.group()}` written after the macro starts with a '+', "
                        "sent as it is: most servers read '+' in a query as a space", offset.start(), offset.end(),
                        help=f"write the '+' as `%2B` (`%2B{offset.group()[1:]}`), or print the offset with the "
                             "macro's own XXX")
        _query_shape(col, masked, query_start, stripped_end, where, params, hub_relative=bool(hub_match))
        if where is not None and not macros and not malformed:
            for condition in where.conditions:
                for operand in condition.values:
                    if re.match(r"'?\d{4}-\d{2}-\d{2}", operand.text):
                        col.add(Flaw.FIXED_DATE, f"the filter compares {condition.field.value!r} with the fixed date "
                                f"{operand.text}: every poll asks for the same records", operand.start, operand.end,
                                help=_w("'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'") + " (the last poll time)")
        if where is not None and not macros:
            for condition in where.conditions:
                for operand in condition.values:
                    held = operand.text[1:-1] if operand.kind == "string" else operand.text
                    if condition.operator in (">", ">=", "<", "<=") and _TEMPLATE_PLACEHOLDER.fullmatch(held) \
                            and not _BRACES_MISSING.fullmatch(held):  # (`$epoch`: a macro lacking braces, CE605's)
                        col.add(Flaw.TEMPLATE_PLACEHOLDER, f"{condition.field.value!r} {condition.operator} {held}: a "
                                "template tool's placeholder (Python's str.format or %, a SQL parameter, a shell variable) left where the "
                                "last poll time belongs; the vendor receives it as it is", operand.start, operand.end,
                                help=_w("'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'") + " (the last poll time)")
                    if condition.operator in (">", ">=", "<", "<=") and operand.kind == "string" and \
                            operand.text in ("''", '""'):
                        col.add(Flaw.EMPTY_COMPARISON, f"{condition.field.value!r} {condition.operator} an empty string: a macro "
                                "seems to be missing, as when the shell expands '${...}' inside curl -d '...' to "
                                "nothing", operand.start, operand.end,
                                help=_w("'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'") + " (the last poll time)")
    if where is not None and any(f.flaw is Flaw.CEQL_UNREADABLE for f in col.facts):
        col.facts[:] = _explained(col.facts, where.offset, where.offset + len(where.text))
    col.facts.sort(key=_fact_order)
    return UrlTemplate(text, path, path_start, path_end, hub, resource, query_start, variables, params, macros,
                       malformed, where, col.facts, masked)
