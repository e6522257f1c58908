"""Time zones of poller date fields (CE5xx).

``updatedDateTimezone`` and ``createdDateTimezone`` in an entry's ``datesConfiguration``
name the zone in which the platform reads the record's dates.  They go through Java's
``TimeZone.getTimeZone(id)``, which never fails: an id it does not know (a typo, the
wrong case, ``UTC+05:30``, ``America/New York``) silently becomes ``GMT``.  Ids are
case-sensitive.  Java also keeps legacy three-letter ids whose meaning surprises:

| id | what Java means | what people usually mean |
|---|---|---|
| `BST` | Asia/Dhaka, Bangladesh, +06:00 | British Summer Time (`Europe/London`) |
| `EST`, `MST` | a fixed -05:00 / -07:00, **never** daylight time | `America/New_York`, `America/Denver` |
| `HST` | a fixed -10:00 (Hawaii has no daylight time) | `Pacific/Honolulu` |
| `IST` | Asia/Kolkata (India); a *value* `IST` parses as Israel under other zones | India, Israel, Ireland |
| `CST` | America/Chicago, with daylight time (CDT) | US Central, or China Standard Time |
| `AST` | America/Anchorage (Alaska) | Atlantic Standard Time |
| `NST` | Pacific/Auckland (New Zealand) | Newfoundland Standard Time |

Rules:

* **CE501** `zone-unknown` (error; a warning when the intended zone is GMT anyway): an id Java does
  not know, with a did-you-mean (`utc` → `UTC`, `America/New York` → `America/New_York`,
  `UTC+05:30` → `GMT+05:30`).
* **CE502** `zone-empty` (warning): an empty string; Java takes it as GMT.
* **CE503** `zone-placeholder` (warning): a template placeholder such as `{TimeZone}` left in place, or a
  deployment tool's reference (`${TZ}`, `$(TZ)`, `__TZ__`, `#{TZ}#`, Helm's `{{ .Values.tz }}`).
  Placeholders in the `<...>` and `{{...}}` forms are reported by CE701 instead.
* **CE504** `zone-misleading-legacy-id` (warning): `BST`, `EST`, `MST`, `AST`, `NST`, `SST`, `ART`,
  `ECT`, `ACT`, `MIT`: legacy ids that rarely mean what they look like; also as a URL macro's zone
  (`${dateTimeZone:EST:yyyy-MM-dd HH:mm:ss}`) when its pattern prints no offset.
* **CE505** `zone-legacy-id` (info): other legacy three-letter ids (`PST`, `CST`, `IST`, `HST`...):
  correct but deprecated by Java; the message says which region they follow.

* **CE507** `zone-posix-sign` (warning): `Etc/GMT-5` is UTC+05:00 (POSIX's sign, the reverse of ISO's); also
  as a URL macro's zone when its pattern prints no offset.
* **CE508** `created-updated-zones-differ` (warning): `createdDateTimezone` and `updatedDateTimezone` differ
  while both formats print no offset: a new record's equal dates are read hours apart, so it is never CREATED.

* **CE506** `macro-zone-differs-from-records` (warning): the URL prints the last poll time without an
  offset (`${date:yyyy-MM-dd HH:mm:ss}`) in one zone, while the records' same field, also without an
  offset, is read in another (`updatedDateTimezone`; without one, the server zone).  A vendor that reads the filter in the zone of
  its records gets a time off by the difference.  The macro is matched with the date its `where`
  condition names (`updated_at > '${...}'`); a URL whose only last-poll macro filters another name
  (`lastModifiedTime` for the records' `Modified Time`) is taken as filtering the updated date.  `${date:...}` prints in the server zone (documented
  as GMT; the `server_zone` option); `${gmtDate:...}` in GMT.

Macro zones (``${dateTimeZone:ZONE:...}``) are checked by the URL rules (CE6xx), except CE504: a misleading
legacy id in a macro whose pattern prints no offset.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterator

from ..dates.pattern import compile_pattern
from ..dates.tokens import PatternError
from ..dates.zones import is_utc, resolve_zone, respelt_zone, suggest_zone
from ..findings import Finding, Fix, Problem
from ..fixes.structure import replace_value
from ..lazy_pattern import LazyPattern
from ..urls.template import parse_url_template
from ..vocabulary.placeholders import find_placeholders, is_env_reference
from .base import Rule
from .dates import condition_field, dated_side, field_name, has_offset_literal, macro_zone_of

if TYPE_CHECKING:
    from ..dates.analysis import PatternFacts
    from ..engine import Context, Entry

ZONE_KEYS: tuple[str, ...] = ("updatedDateTimezone", "createdDateTimezone")


def _poller(entry: str, macro: str = "${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}") -> str:
    return '{"contacts": {"url": "/hubs/crm/contacts?where=updated_at>\'' + macro + '\'", ' \
           '"idField": "id", "datesConfiguration": {"updatedDateField": "updated_at", ' \
           '"updatedDateFormat": "yyyy-MM-dd HH:mm:ss", ' + entry + ', "createdDateField": "created_at", ' \
           '"createdDateFormat": "yyyy-MM-dd HH:mm:ss"}}}'


ZONE_UNKNOWN = Rule(
    code="CE501",
    name="zone-unknown",
    severity="error",
    summary="time zone id Java does not know: it silently uses GMT",
    description=(
        "Java's `TimeZone.getTimeZone` never fails: an id it does not know becomes `GMT` without a "
        "word, so every date is read hours off.  Ids are case-sensitive (`utc` is unknown), use "
        "underscores (`America/New_York`), and offsets are written `GMT+05:30` (not `UTC+05:30` or "
        "`+05:30`).\n\n**Fix:** use the suggested id, or any id of `TimeZone.getAvailableIDs()`."
    ),
    bad=_poller('"updatedDateTimezone": "America/New York"'),
    good=_poller('"updatedDateTimezone": "America/New_York"'),
)

ZONE_EMPTY = Rule(
    code="CE502",
    name="zone-empty",
    severity="warning",
    summary="empty time zone: Java takes it as GMT",
    description=(
        "An empty `updatedDateTimezone`/`createdDateTimezone` is an unknown id to Java, which silently "
        "uses GMT.\n\n**Fix:** write the zone the vendor's dates are in (`GMT` if they are UTC), or "
        "remove the key."
    ),
    bad=_poller('"updatedDateTimezone": ""'),
    good=_poller('"updatedDateTimezone": "GMT"'),
)

ZONE_PLACEHOLDER = Rule(
    code="CE503",
    name="zone-placeholder",
    severity="warning",
    summary="a template placeholder such as {TimeZone} instead of a time zone id",
    description=(
        "`{TimeZone}` is a placeholder of a template, not a zone id: unless your own tooling substitutes "
        "it before the body is sent, Java does not know it and silently uses GMT.  So is a deployment tool's "
        "reference (`${TZ}`, `$(TZ)`, `__TZ__`, `#{TZ}#`), reported the same way.\n\n"
        "**Fix:** write the vendor's zone, e.g. `America/Los_Angeles` or `GMT`."
    ),
    bad=_poller('"updatedDateTimezone": "{TimeZone}"'),
    good=_poller('"updatedDateTimezone": "America/Los_Angeles"'),
)

ZONE_MISLEADING_LEGACY_ID = Rule(
    code="CE504",
    name="zone-misleading-legacy-id",
    severity="warning",
    summary="legacy three-letter id with a surprising meaning (BST is Bangladesh, EST has no daylight time)",
    description=(
        "Java keeps legacy three-letter ids whose meaning is rarely the intended one: `BST` is Bangladesh "
        "(+06:00), not British Summer Time; `EST` and `MST` are fixed offsets that never switch to daylight "
        "time (New York and Denver do); `AST` is Alaska, `NST` New Zealand, `SST` the Solomon Islands, `ART` "
        "Egypt, `ECT` Paris, `ACT` Darwin, `MIT` Apia.  The same holds for a URL macro's zone "
        "(`${dateTimeZone:BST:yyyy-MM-dd HH:mm:ss}` sends Dhaka's wall time) when its pattern prints no offset; "
        "with an offset (`XXX`) the instant sent is right whatever the id.\n\n**Fix:** write the region id of "
        "the vendor's zone, e.g. `America/New_York` or `Europe/London`."
    ),
    bad=_poller('"updatedDateTimezone": "EST"'),
    good=_poller('"updatedDateTimezone": "America/New_York"'),
)

ZONE_LEGACY_ID = Rule(
    code="CE505",
    name="zone-legacy-id",
    severity="info",
    summary="legacy three-letter id (PST, CST, IST...): works, but say the region",
    description=(
        "Legacy three-letter ids such as `PST`, `CST`, `IST` or `HST` are deprecated by Java and ambiguous "
        "to readers (`CST` is America/Chicago, not China; `IST` is India, not Israel or Ireland). They work, "
        "and follow the region named in the message.\n\n**Fix:** write that region id, e.g. "
        "`America/Los_Angeles` for `PST`."
    ),
    bad=_poller('"updatedDateTimezone": "PST"'),
    good=_poller('"updatedDateTimezone": "America/Los_Angeles"'),
)

MACRO_ZONE_DIFFERS_FROM_RECORDS = Rule(
    code="CE506",
    name="macro-zone-differs-from-records",
    severity="warning",
    summary="the URL prints an offset-less time in one zone, the records' offset-less dates are read in another",
    description=(
        "One entry, two views of the same date: the `where` compares the records' date field with a macro "
        "that prints the last poll time without an offset, in the macro's zone (`${gmtDate:...}` GMT, "
        "`${date:...}` the server zone, documented as GMT: the `server_zone` option), while "
        "`datesConfiguration` reads that field, also without an offset, in `updatedDateTimezone` "
        "(or `createdDateTimezone`; without either, in the server zone).  The vendor's dates are in the zone of its records; a filter printed in "
        "another zone is off by the difference (8 hours between GMT and PST in winter): records changed "
        "in between are missed or polled twice.  This assumes the vendor reads an offset-less filter in the "
        "zone of its records.\n\n**Fix:** print the macro in the records' zone "
        "(`${dateTimeZone:America/Los_Angeles:...}`), or add the offset to both patterns (`XXX`)."
    ),
    bad=_poller('"updatedDateTimezone": "America/Los_Angeles", "createdDateTimezone": "America/Los_Angeles"',
                "${gmtDate:yyyy-MM-dd HH:mm:ss}"),
    good=_poller('"updatedDateTimezone": "America/Los_Angeles", "createdDateTimezone": "America/Los_Angeles"',
                 "${dateTimeZone:America/Los_Angeles:yyyy-MM-dd HH:mm:ss}"),
)

ZONE_POSIX_SIGN = Rule(
    code="CE507",
    name="zone-posix-sign",
    severity="warning",
    summary="an `Etc/GMT+N` id, whose sign is the reverse of what it looks like",
    description=(
        "The `Etc/GMT` ids follow POSIX, whose sign is the reverse of ISO 8601's: `Etc/GMT-5` is UTC+05:00 "
        "(Pakistan's offset), and `Etc/GMT+5` is UTC-05:00 (New York's in winter).  Written for the other one, "
        "dates are read, or the last poll time printed, ten hours off.  Also as a URL macro's zone when its "
        "pattern prints no offset.\n\n**Fix:** `GMT+05:00` or `GMT-05:00`, which Java reads as they read, or the "
        "region's id (`America/New_York`), which also keeps daylight time."
    ),
    bad=_poller('"updatedDateTimezone": "Etc/GMT-5", "createdDateTimezone": "Etc/GMT-5"'),
    good=_poller('"updatedDateTimezone": "GMT+05:00", "createdDateTimezone": "GMT+05:00"'),
)

ZONES_DIFFER = Rule(
    code="CE508",
    name="created-updated-zones-differ",
    severity="warning",
    summary="a record's created and updated dates, both written without an offset, are read in different zones",
    description=(
        "`createdDateTimezone` and `updatedDateTimezone` name the zone in which the platform reads dates written "
        "without an offset. A vendor writes a record's two dates in one zone (each of the corpus's 307 entries "
        "that give both gives the same); read in two, a record created and never changed has dates hours apart, "
        "so the platform, which tells a new record by its equal dates (within `createdCheckTolerance`), reports "
        "it as UPDATED, and no CREATED event is sent. Dates that carry an offset (`XXX`, `Z`) are read at their "
        "offset, whatever the zones say: not reported.\n\n**Fix:** give both the zone of the vendor's dates."
    ),
    bad=_poller('"updatedDateTimezone": "UTC", "createdDateTimezone": "America/New_York"'),
    good=_poller('"updatedDateTimezone": "America/New_York", "createdDateTimezone": "America/New_York"'),
)

RULES: list[Rule] = [ZONE_UNKNOWN, ZONE_EMPTY, ZONE_PLACEHOLDER, ZONE_MISLEADING_LEGACY_ID, ZONE_LEGACY_ID,
                     MACRO_ZONE_DIFFERS_FROM_RECORDS, ZONE_POSIX_SIGN, ZONES_DIFFER]

_POSIX_ZONE = re.compile(r"Etc/GMT([+-])(\d{1,2})")


def _posix_sign(zone_id: str) -> Problem | None:
    """CE507 for `Etc/GMT-5` (UTC+05:00); offsets relative to the id."""
    match = _POSIX_ZONE.fullmatch(zone_id)
    if match is None or int(match.group(2)) == 0 or not resolve_zone(zone_id).known:
        return None
    hours = int(match.group(2))
    iso = ("+" if match.group(1) == "-" else "-") + f"{hours:02d}:00"
    return Problem(ZONE_POSIX_SIGN.code, f"`{zone_id}` is UTC{iso}: the `Etc/GMT` ids take POSIX's sign, the reverse "
                   "of what they look like", 0, len(zone_id),
                   help=f"write `GMT{iso}` if UTC{iso} is meant, or `GMT{match.group(1)}{hours:02d}:00` for the other")

_MISLEADING: dict[str, tuple[str, str]] = {
    # id: (what Java means, the fix)
    "BST": ("Asia/Dhaka (Bangladesh, +06:00), not British Summer Time",
            "write `Europe/London` for UK time (GMT/BST), or `Asia/Dhaka` if Bangladesh is meant"),
    "EST": ("a fixed -05:00 that never switches to daylight time",
            "write `America/New_York` for US Eastern time (EST/EDT)"),
    "MST": ("a fixed -07:00 that never switches to daylight time",
            "write `America/Denver` for US Mountain time (MST/MDT), or `America/Phoenix` for Arizona"),
    "AST": ("America/Anchorage (Alaska), not Atlantic Standard Time",
            "write `America/Anchorage` if Alaska is meant, or `America/Halifax` for Atlantic time"),
    "NST": ("Pacific/Auckland (New Zealand), not Newfoundland Standard Time",
            "write `Pacific/Auckland` if New Zealand is meant, or `America/St_Johns` for Newfoundland"),
    "SST": ("Pacific/Guadalcanal (Solomon Islands, +11:00), not Samoa Standard Time",
            "write `Pacific/Guadalcanal` if the Solomon Islands are meant, or `Pacific/Pago_Pago` for Samoa"),
    "ART": ("Africa/Cairo (Egypt), not Argentina Time",
            "write `Africa/Cairo` if Egypt is meant, or `America/Argentina/Buenos_Aires` for Argentina"),
    "ECT": ("Europe/Paris (Central European Time), not Ecuador Time",
            "write `Europe/Paris` if Central Europe is meant, or `America/Guayaquil` for Ecuador"),
    "ACT": ("Australia/Darwin (+09:30), not the Australian Capital Territory (Canberra)",
            "write `Australia/Darwin` if Darwin is meant, or `Australia/Sydney` for Canberra"),
    "MIT": ("Pacific/Apia (Samoa, +13:00)", "write `Pacific/Apia`"),
}

_LEGACY: dict[str, str] = {
    "PST": "America/Los_Angeles (PST in winter, PDT in summer)",
    "CST": "America/Chicago (CST/CDT, with daylight time), not China Standard Time",
    "IST": "Asia/Kolkata (India); a date value carrying the name `IST` parses as India here, but as Israel "
           "under any other zone",
    "HST": "a fixed -10:00, like Hawaii, which has no daylight time",
    "AET": "Australia/Sydney", "AGT": "America/Argentina/Buenos_Aires", "BET": "America/Sao_Paulo",
    "CAT": "Africa/Harare", "CNT": "America/St_Johns (Newfoundland)", "CTT": "Asia/Shanghai (China)",
    "EAT": "Africa/Addis_Ababa", "IET": "America/Indiana/Indianapolis", "JST": "Asia/Tokyo",
    "NET": "Asia/Yerevan", "PLT": "Asia/Karachi", "PNT": "America/Phoenix (no daylight time)",
    "PRT": "America/Puerto_Rico", "VST": "Asia/Ho_Chi_Minh",
}

_LEGACY_REGION: dict[str, str] = {
    "PST": "America/Los_Angeles", "CST": "America/Chicago", "IST": "Asia/Kolkata", "HST": "Pacific/Honolulu",
    "AET": "Australia/Sydney", "AGT": "America/Argentina/Buenos_Aires", "BET": "America/Sao_Paulo",
    "CAT": "Africa/Harare", "CNT": "America/St_Johns", "CTT": "Asia/Shanghai", "EAT": "Africa/Addis_Ababa",
    "IET": "America/Indiana/Indianapolis", "JST": "Asia/Tokyo", "NET": "Asia/Yerevan", "PLT": "Asia/Karachi",
    "PNT": "America/Phoenix", "PRT": "America/Puerto_Rico", "VST": "Asia/Ho_Chi_Minh",
}

# (no inner opening bracket: each of a hostile run of `${` or `%(` reads up to the next, not to the end: linear)
_TEMPLATE_PLACEHOLDER = LazyPattern(r"\{[^{}]*\}|%\([^()]*\)s|\$\{[^{}]*\}")




def _a_date_pattern(text: str) -> bool:
    """Whether ``text`` compiles as a date pattern of two fields or more with a separator (`yyyy-MM-dd`), not a word
    such as a zone's abbreviation (`MSK` compiles: month, second, hour)."""
    if text.isalpha():
        return False
    try:
        return len(compile_pattern(text).fields) >= 2
    except PatternError:
        return False


def _placeholder_span(zone_id: str) -> tuple[int, int] | None:
    """Where a zone id is a placeholder: the whole of a deployment tool's reference (`$(TZ)`, `__TZ__`, Helm's
    `{{ .Values.tz }}`, not its inner braces alone), else a template's braces (`{TimeZone}`)."""
    if is_env_reference(zone_id):
        start = len(zone_id) - len(zone_id.lstrip())
        return start, len(zone_id.rstrip())
    placeholder = _TEMPLATE_PLACEHOLDER.search(zone_id)
    return placeholder.span() if placeholder else None


def zone_problems(zone_id: str) -> list[Problem]:
    """The CE5xx problems of one ``*DateTimezone`` value (offsets relative to the string)."""

    end = len(zone_id)
    if zone_id == "":
        return [Problem(ZONE_EMPTY.code, "empty time zone: Java takes an empty id as GMT", 0, 0,
                        help="write the vendor's zone (`GMT` if its dates are UTC), or remove the key")]
    if find_placeholders(zone_id):
        return []  # CE701 reports it
    resolution = resolve_zone(zone_id)
    if not resolution.known:
        placeholder = _placeholder_span(zone_id)
        if placeholder:
            start, stop = placeholder
            return [Problem(ZONE_PLACEHOLDER.code, f"unfilled placeholder `{zone_id[start:stop]}` instead of a time zone id: "
                                     "unless it is substituted before the body is sent, Java silently uses GMT",
                            start, stop,
                            help="write the vendor's zone, e.g. `America/Los_Angeles` or `GMT`")]
        suggestion = suggest_zone(zone_id)
        if suggestion is None:
            help = "use a Java zone id such as `GMT`, `America/New_York` or `GMT+05:30`"
            if _a_date_pattern(zone_id):  # `"updatedDateTimezone": "yyyy-MM-dd'T'HH:mm:ss'Z'"`: the two values swapped
                help = f"`{zone_id}` is a date pattern, whose place is the `*DateFormat` beside it: {help} here"
            return [Problem(ZONE_UNKNOWN.code, f"unknown time zone id `{zone_id}`: Java silently uses GMT",
                            0, end, help=help)]
        harmless = is_utc(suggestion)
        effect = "which is what it means anyway" if harmless else "not the zone meant"
        return [Problem(ZONE_UNKNOWN.code, f"unknown time zone id `{zone_id}`: Java silently uses GMT ({effect}); "
                                 f"did you mean `{suggestion}`?",
                        0, end, help=f"write `{suggestion}`", severity="warning" if harmless else None)]
    if zone_id in _MISLEADING:
        meaning, fix = _MISLEADING[zone_id]
        return [Problem(ZONE_MISLEADING_LEGACY_ID.code, f"`{zone_id}` is Java's legacy id for {meaning}", 0, end, help=fix)]
    posix = _posix_sign(zone_id)
    if posix is not None:
        return [posix]
    if zone_id in _LEGACY:
        region = _LEGACY_REGION[zone_id]
        return [Problem(ZONE_LEGACY_ID.code, f"`{zone_id}` is a deprecated legacy id: Java reads it as {_LEGACY[zone_id]}",
                        0, end, help=f"write `{region}`")]
    return []


def record_zone_problems(zone_id: str, date_format: Any) -> list[Problem]:
    """:func:`zone_problems` of a zone that reads records' dates written in ``date_format``: no misleading legacy id
    (`EST` beside `yyyy-MM-dd HH:mm:ss Z`) when the format reads each record's own offset, which Java then uses."""
    problems = zone_problems(zone_id)
    if any(problem.rule == ZONE_MISLEADING_LEGACY_ID.code for problem in problems) and _reads_its_offset(date_format):
        return [problem for problem in problems if problem.rule != ZONE_MISLEADING_LEGACY_ID.code]
    return problems


def _reads_its_offset(pattern: Any) -> bool:
    """Whether the date format ``pattern`` parses each record's own zone or offset (a ``z``, ``Z`` or ``X`` field), which
    Java then uses instead of the configured zone."""
    if not isinstance(pattern, str) or not pattern:
        return False
    from ..dates.analysis import analyze

    try:
        return analyze(pattern).has_offset
    except PatternError:
        return False


def dates_configurations(ctx: Context) -> Iterator[tuple[Entry, dict[str, Any], str]]:
    """``(entry, datesConfiguration, pointer)`` for every entry whose ``datesConfiguration`` is an object."""
    for entry in ctx.entries():
        if not isinstance(entry.value, dict):
            continue
        config = entry.value.get("datesConfiguration")
        if isinstance(config, dict):
            yield entry, config, entry.child("datesConfiguration")


def check(ctx: Context) -> Iterator[Finding]:
    """CE5xx over every ``updatedDateTimezone``/``createdDateTimezone`` of every poller entry."""
    for entry, config, pointer in dates_configurations(ctx):
        for key in ZONE_KEYS:
            value = config.get(key)
            if not isinstance(value, str):
                continue
            side = key.removesuffix("DateTimezone")  # "updated" / "created"
            if value == "" and not config.get(f"{side}DateField") and not config.get(f"{side}DateFormat"):
                continue  # the Element Builder's empty form: the zone applies to nothing (CE304 covers the pair)
            for problem in record_zone_problems(value, config.get(f"{side}DateFormat")):
                finding = ctx.problem(problem, source=entry.source, pointer=f"{pointer}/{key}", value=value)
                meant = respelt_zone(value) if problem.rule == ZONE_UNKNOWN.code else None
                edit = replace_value(entry.source, f"{pointer}/{key}", json.dumps(meant)) if meant else None
                yield replace(finding, fix=Fix(f"write `{meant}`", (edit,))) if edit else finding  # (one id, respelt)
        yield from _macro_zone_findings(ctx, entry, config)
        yield from _zones_differ(ctx, entry, config, pointer)
    for entry in ctx.entries():
        yield from _misleading_macro_zones(ctx, entry)


def _misleading_macro_zones(ctx: Context, entry: Entry) -> Iterator[Finding]:
    """CE504 for a macro's own zone (`${dateTimeZone:EST:...}`) whose pattern prints no offset: the wall time
    of a zone other than the one meant is sent.  With an offset printed the instant is right whatever the id."""
    url = entry.value.get("url") if isinstance(entry.value, dict) else None
    if not isinstance(url, str) or "TimeZone:" not in url:
        return
    for macro in parse_url_template(url, server_zone=ctx.options.server_zone).macros:
        zone = macro.zone  # with spaces around it, Java knows no such id (CE633 says so)
        if zone is None or macro.zone_start is None or macro.pattern is None or not _offset_less(macro.pattern.facts) \
                or has_offset_literal(macro.pattern):  # (`...ss-05:00` after EST: CE411 judges the literal)
            continue
        posix = _posix_sign(zone)
        if posix is not None:
            yield ctx.problem(replace(posix, start=macro.zone_start, end=macro.zone_start + len(zone)),
                              source=entry.source, pointer=entry.child("url"))
            continue
        if zone not in _MISLEADING:
            continue
        meaning, fix = _MISLEADING[zone]
        start = macro.zone_start
        yield ctx.finding(ZONE_MISLEADING_LEGACY_ID,
                          f"`{zone}` is Java's legacy id for {meaning}: the macro prints "
                          f"{'the run time' if macro.uses_now else 'the last poll time'} without an offset, as wall "
                          "time of that zone", source=entry.source, pointer=entry.child("url"),
                          sub=(start, start + len(zone)), help=fix)


_SAMPLES_MS: tuple[int, ...] = (1704448800000, 1720173600000)  # 2024-01-05 and 2024-07-05, 10:00 UTC


def _zones_differ(ctx: Context, entry: Entry, config: dict[str, Any], pointer: str) -> Iterator[Finding]:
    """CE508 when the created and updated dates, both without an offset, are read in zones apart."""
    updated, created = config.get("updatedDateTimezone"), config.get("createdDateTimezone")
    if not isinstance(updated, str) or not isinstance(created, str) or updated == created:
        return
    first, second = resolve_zone(updated), resolve_zone(created)
    if not first.known or not second.known:
        return  # CE501's
    for side in ("updated", "created"):
        fmt = config.get(f"{side}DateFormat")
        if not isinstance(fmt, str):
            return
        try:
            pattern = compile_pattern(fmt)
        except PatternError:
            return
        if not pattern.facts.fields or not _offset_less(pattern.facts) or has_offset_literal(pattern):
            return
        if not any(token.is_field and token.letter in "HhKkm" for token in pattern.tokens):
            return  # a date without its time (`yyyy-MM-dd`) never equals a time of day: the zones change nothing
    gaps = [first.zone.offsets_at(ms)[0] - second.zone.offsets_at(ms)[0] for ms in _SAMPLES_MS]
    if not any(gaps):
        return
    yield ctx.finding(ZONES_DIFFER, f"`createdDateTimezone` (`{created}`) is not `updatedDateTimezone` (`{updated}`): "
                      "a record's two dates, written by one vendor without an offset, are read in zones "
                      f"{_hours_off(gaps).replace(' off', ' apart', 1)}, so a new record's equal dates differ and it "
                      "is reported as UPDATED, never CREATED",
                      source=entry.source, pointer=f"{pointer}/createdDateTimezone",
                      help="give both the zone of the vendor's dates")


def _offset_less(facts: PatternFacts) -> bool:
    """Whether a pattern writes neither an offset field nor a literal Z/UTC/GMT."""
    return not facts.has_offset and facts.literal_zone_letter is None and facts.literal_zone_name is None


def _hours_off(gaps: list[int]) -> str:
    """``[-8h, -7h]`` as "7 or 8 hours off"; a zero gap (part of the year) is said so."""
    amounts = sorted({abs(g) / 3_600_000 for g in gaps if g})
    shown = " or ".join(f"{a:g}" for a in amounts)
    unit = "hour" if shown == "1" else "hours"
    return f"{shown} {unit} off" + (" for part of the year" if 0 in gaps else "")


def _macro_zone_findings(ctx: Context, entry: Entry, config: dict[str, Any]) -> Iterator[Finding]:

    url = entry.value.get("url")
    if not isinstance(url, str) or "${" not in url:
        return
    template = parse_url_template(url, server_zone=ctx.options.server_zone)
    polled = [m for m in template.macros if not m.uses_now]
    for macro in template.macros:
        if macro.pattern is None or not _offset_less(macro.pattern.facts) or has_offset_literal(macro.pattern):
            continue  # (`... -0500` after EST: an offset all the same, which CE411 judges)
        field = condition_field(template, macro)
        side = dated_side(config, field) if field else None
        guessed = False
        if side is None and polled == [macro] and isinstance(config.get("updatedDateField"), str):
            # the one last-poll filter of the URL, under another name (`lastModifiedTime` for the
            # records' `Modified Time`, renamed by the hub): taken as the updated date, and said so
            side, guessed = "updated", True
            field = field_name(config["updatedDateField"])
        if side is None or field is None:
            continue
        fmt, zone_id = config.get(f"{side}DateFormat"), config.get(f"{side}DateTimezone")
        unset = zone_id is None  # the records' dates are then read in the server zone (as `simulate` reads them)
        if unset:
            zone_id = ctx.options.server_zone
        if not isinstance(fmt, str) or not isinstance(zone_id, str) or not zone_id or find_placeholders(zone_id):
            continue
        try:
            records = compile_pattern(fmt)
        except PatternError:
            continue  # CE401's
        if not records.facts.fields or not _offset_less(records.facts) or has_offset_literal(records):
            continue
        macro_zone = macro_zone_of(macro, ctx.options.server_zone)
        resolved = resolve_zone(zone_id)
        if not resolved.known or not resolve_zone(macro_zone.id).known:
            continue  # a zone Java does not know is CE501's (its help names the zone meant: this one would copy it)
        printed, read = resolve_zone(macro_zone.id).zone, resolved.zone
        gaps = [printed.offsets_at(ms)[0] - read.offsets_at(ms)[0] for ms in _SAMPLES_MS]
        if not any(gaps):
            continue
        gap = _hours_off(gaps)
        assumed = " (assumed: the `server_zone` option)" if macro.kind == "date" else ""
        taken = " (taking the URL's only last-poll filter as that date)" if guessed else ""
        yield ctx.finding(MACRO_ZONE_DIFFERS_FROM_RECORDS,
                          f"the URL prints {'the run time' if macro.uses_now else 'the last poll time'} without an "
                          f"offset in {macro_zone.label}{assumed}, but "
                          + (f"with no `{side}DateTimezone` the records' `{field}`, also without an offset, is read in "
                             f"the server zone `{zone_id}` (assumed: the `server_zone` option)" if unset else
                             f"`{side}DateTimezone` reads the records' `{field}`, also without an offset, in `{zone_id}`")
                          + f"{taken}: read in the records' zone, the filter is {gap}",
                          source=entry.source, pointer=entry.child("url"), sub=(macro.start, macro.end),
                          help=(f"give `{side}DateTimezone` the zone of the vendor's dates, and print the macro in it"
                                if unset else
                                f"print the macro in the records' zone: `${{dateTimeZone:{zone_id}:{macro.format}}}`")
                          + ", or add the offset (`XXX`) to both patterns")


