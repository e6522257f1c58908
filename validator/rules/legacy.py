"""Legacy event configuration (CE8xx).

Before ``event.poller.configuration``, pollers were configured with two keys:

* ``event.poller.urls``: one resource a line, either a bare resource name (``contacts``,
  several joined by ``|`` or by new lines, which selects resources the element knows), or
  up to nine ``|``-separated fields::

      <resource>|<url>|<xPath>|<updField>|<updFmt>|<updTz>|<crtField>|<crtFmt>|<crtTz>

  ``<xPath>`` is the path of the record's id (``idField`` today); the date fields, formats and
  zones are those of ``datesConfiguration``; trailing fields may be left out, and the URL's
  legacy ``${date}`` macro has no format;
* ``event.objects``: a comma-separated list of objects (HubSpot; Salesforce elements still
  declare it as the list of objects to monitor, so it is not reported for them).

Both are superseded.  The pipe format is read with the position of each field, and its fields
are checked by the same rules as a poller entry's, so a finding points at the field inside the
string: the URL grammar and the macros' date patterns (CE6xx, CE405-CE409), the date formats
(CE4xx) and the zones (CE5xx).  Placeholders (``<INSERT_OBJECTS...>``) are the placeholder rules'
business, and the platform's responses, which echo an element's stored settings, are not told
that a setting is legacy.

Rules:

* **CE801** `legacy-poller-urls` (warning): ``event.poller.urls`` is superseded; the fix gives the
  equivalent ``event.poller.configuration``.
* **CE802** `legacy-event-objects` (info): ``event.objects`` is superseded (not for Salesforce).
* **CE803** `legacy-line-malformed` (error): a line with more than nine fields, an empty resource
  name or an empty url.
* **CE804** `legacy-dates-half-given` (error): a date field without its format or a format without
  its field (a zone alone: info).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from ..findings import Edit, Finding, Fix, Problem
from ..lazy_pattern import LazyPattern
from .base import Rule
from .notifications import is_placeholder, is_response

if TYPE_CHECKING:
    from ..engine import Context

URLS = "event.poller.urls"
OBJECTS = "event.objects"
POLLER = "event.poller.configuration"

FIELD_NAMES = ("resource", "url", "xPath", "updField", "updFmt", "updTz", "crtField", "crtFmt", "crtTz")
_NAME_ONLY_MARKS = "/?=$"

LEGACY_POLLER_URLS = Rule(
    code="CE801",
    name="legacy-poller-urls",
    severity="warning",
    summary="event.poller.urls is the legacy poller format, superseded by event.poller.configuration",
    description=(
        "`event.poller.urls` holds one resource a line in the pipe format "
        "`<resource>|<url>|<xPath>|<updField>|<updFmt>|<updTz>|<crtField>|<crtFmt>|<crtTz>`, or bare resource "
        "names. `event.poller.configuration` replaced it: a JSON map from resource name to an entry with "
        "`url`, `idField` and `datesConfiguration`.\n\n"
        "**Fix:** the fix gives the equivalent `event.poller.configuration` (the `<xPath>` field becomes "
        "`idField`); for bare resource names, write an entry for each (the element's default "
        "`event.poller.configuration` shows them)."
    ),
    bad=('{\n  "element": {"key": "dynamicscrm"},\n  "configuration": {\n'
         '    "event.poller.urls": "accounts|/hubs/crm/accounts?where=modifiedon>\'${gmtDate:yyyy-MM-dd\'T\'HH:mm:ss\'Z\'}\'|'
         'accountid|modifiedon|yyyy-MM-dd\'T\'HH:mm:ss\'Z\'|GMT|createdon|yyyy-MM-dd\'T\'HH:mm:ss\'Z\'|GMT"\n'
         '  }\n}\n'),
    good=('{\n  "element": {"key": "dynamicscrm"},\n  "configuration": {\n'
          '    "event.notification.enabled": "true",\n'
          '    "event.notification.callback.url": "https://example.com/events",\n'
          '    "event.poller.configuration": {"accounts": {\n'
          '      "url": "/hubs/crm/accounts?where=modifiedon>\'${gmtDate:yyyy-MM-dd\'T\'HH:mm:ss\'Z\'}\'", "idField": "accountid",\n'
          '      "datesConfiguration": {"updatedDateField": "modifiedon", '
          '"updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ss\'Z\'", "updatedDateTimezone": "GMT",\n'
          '        "createdDateField": "createdon", "createdDateFormat": "yyyy-MM-dd\'T\'HH:mm:ss\'Z\'", '
          '"createdDateTimezone": "GMT"}}}\n  }\n}\n'),
)

LEGACY_EVENT_OBJECTS = Rule(
    code="CE802",
    name="legacy-event-objects",
    severity="info",
    summary="event.objects is a legacy list of objects to poll, superseded by event.poller.configuration",
    description=(
        "`event.objects` (a comma-separated list such as `Contact,Account`) chose the objects to poll before "
        "`event.poller.configuration`. Salesforce elements (`sfdc...`) still declare it as the list of "
        "objects to monitor, so it is not reported for them.\n\n"
        "**Fix:** list the objects as resources of `event.poller.configuration`, each with its `url` and "
        "`idField`."
    ),
    bad=('{\n  "element": {"key": "hubspot"},\n  "configuration": {\n    "event.objects": "Contact,Account"\n'
         '  }\n}\n'),
    good=('{\n  "element": {"key": "sfdc"},\n  "configuration": {\n    "event.objects": "Contact,Account"\n'
          '  }\n}\n'),
)

LEGACY_LINE_MALFORMED = Rule(
    code="CE803",
    name="legacy-line-malformed",
    severity="error",
    summary="an event.poller.urls line with more than nine fields, or an empty resource name or url",
    description=(
        "Each line of `event.poller.urls` has at most nine `|`-separated fields: "
        "`<resource>|<url>|<xPath>|<updField>|<updFmt>|<updTz>|<crtField>|<crtFmt>|<crtTz>`. A tenth "
        "field, an empty resource name (`||`, a trailing `|`) or an empty url cannot be read.\n\n"
        "**Fix:** remove the extra `|`, or give the missing name or URL."
    ),
    bad=('{\n  "element": {"key": "sfdc"},\n  "configuration": {\n'
         '    "event.poller.urls": "contacts||accounts"\n  }\n}\n'),
    good=('{\n  "element": {"key": "sfdc"},\n  "configuration": {\n'
          '    "event.poller.urls": "contacts|accounts"\n  }\n}\n'),
)

LEGACY_DATES_HALF_GIVEN = Rule(
    code="CE804",
    name="legacy-dates-half-given",
    severity="error",
    summary="an event.poller.urls line with a date field but no format, a format but no field, or a lone zone",
    description=(
        "`<updField>` is read with `<updFmt>` in `<updTz>` (and likewise for the created date): a field "
        "without its format cannot be parsed and a format without its field reads nothing. A zone alone "
        "applies to nothing: harmless, so it is reported as info.\n\n"
        "**Fix:** give both the field and its format."
    ),
    bad=('{\n  "element": {"key": "sfdc"},\n  "configuration": {\n'
         '    "event.poller.urls": "Account|/hubs/crm/Account?where=LastModifiedDate>=\'${date}\'||'
         'LastModifiedDate"\n  }\n}\n'),
    good=('{\n  "element": {"key": "sfdc"},\n  "configuration": {\n'
          '    "event.poller.urls": "Account|/hubs/crm/Account?where=LastModifiedDate>=\'${date}\'||'
          'LastModifiedDate|yyyy-MM-dd\'T\'HH:mm:ss.SSSZ"\n  }\n}\n'),
)

RULES: list[Rule] = [LEGACY_POLLER_URLS, LEGACY_EVENT_OBJECTS, LEGACY_LINE_MALFORMED, LEGACY_DATES_HALF_GIVEN]


class Field(NamedTuple):
    """One ``|``-separated field: its ``text`` and where it is in the whole value, ``[start, end)``."""

    text: str
    start: int
    end: int


class LegacyLine(NamedTuple):
    """One non-blank line of ``event.poller.urls``, split into fields with their offsets."""

    number: int  # 1-based line number inside the value
    start: int
    end: int
    fields: tuple[Field, ...]

    @property
    def names_only(self) -> bool:
        """A list of bare resource names (``contacts|accounts``), not the nine-field format."""
        return not any(mark in f.text for f in self.fields for mark in _NAME_ONLY_MARKS)

    def field(self, name: str) -> Field | None:
        index = FIELD_NAMES.index(name)
        return self.fields[index] if index < len(self.fields) else None

    def value(self, name: str) -> str:
        found = self.field(name)
        return found.text.strip() if found else ""


def parse_legacy_urls(text: str) -> list[LegacyLine]:
    """Split an ``event.poller.urls`` value into lines and fields, keeping offsets into ``text``."""
    lines: list[LegacyLine] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line_start, line_end = offset, offset + len(raw)
        offset = line_end + 1
        body = raw[:-1] if raw.endswith("\r") else raw
        if not body.strip():
            continue
        fields: list[Field] = []
        position = line_start
        for part in body.split("|"):
            fields.append(Field(part, position, position + len(part)))
            position += len(part) + 1
        lines.append(LegacyLine(number, line_start, line_start + len(body), tuple(fields)))
    return lines


def legacy_url_problems(text: str, *, server_zone: str = "GMT") -> list[Problem]:
    """Every mistake in the fields of an ``event.poller.urls`` value, with offsets into ``text``."""
    problems: list[Problem] = []
    for line in parse_legacy_urls(text):
        if line.names_only:
            problems.extend(_names(line))
        else:
            problems.extend(_full_line(line, server_zone))
    return problems


def _names(line: LegacyLine) -> Iterator[Problem]:
    for index, name in enumerate(line.fields):
        if name.text.strip():
            continue
        if index == 0:
            where, start, end = "before the first `|`", name.start, name.end + 1
        elif index == len(line.fields) - 1:
            where, start, end = "after the last `|`", name.start - 1, name.end
        else:
            where, start, end = "between two `|`", name.start - 1, name.end + 1
        yield Problem(LEGACY_LINE_MALFORMED.code, f"line {line.number} of `{URLS}` has an empty resource name {where}", start, end,
                      help="remove the extra `|`")


def _full_line(line: LegacyLine, server_zone: str) -> Iterator[Problem]:
    fields = line.fields
    if len(fields) > len(FIELD_NAMES):
        extra = fields[len(FIELD_NAMES)]
        yield Problem(LEGACY_LINE_MALFORMED.code, f"line {line.number} of `{URLS}` has {len(fields)} fields; the format has nine: "
                               + "|".join(f"<{n}>" for n in FIELD_NAMES), extra.start - 1, fields[-1].end,
                      help="remove the extra `|` and what follows it")
    resource = fields[0]
    if not resource.text.strip():
        yield Problem(LEGACY_LINE_MALFORMED.code, f"line {line.number} of `{URLS}` has no resource name before its url",
                      resource.start, min(resource.end + 1, line.end),
                      help="start the line with the resource name, such as contacts|")
    url = fields[1] if len(fields) > 1 else None
    if url is not None and not url.text.strip():
        yield Problem(LEGACY_LINE_MALFORMED.code, f"line {line.number} of `{URLS}` has an empty url", url.start - 1,
                      min(url.end + 1, line.end),
                      help="give the hub-relative URL of the resource after the first `|`")
    elif url is not None:
        formats = [field.text.strip() if field is not None else None
                   for field in (line.field("updFmt"), line.field("crtFmt"))]
        yield from _url(url, server_zone, formats)
    for kind in ("upd", "crt"):
        yield from _dates(line, kind)


def _url(url: Field, server_zone: str, record_formats: list[str | None]) -> Iterator[Problem]:
    from ..urls.template import parse_url_template
    from .dates import DATE_PATTERN_TWO_DIGIT_YEAR, pattern_problems, reads_two_digit_years
    from .urls import url_problems

    two_digit_records = reads_two_digit_years(record_formats)
    template = parse_url_template(url.text, server_zone=server_zone)
    yield from (_shift(problem, url.start) for problem in url_problems(template))
    for macro in template.macros:
        if macro.pattern is None or macro.format_start is None:
            continue
        # The zone-independent pitfalls (hh without a, SSSSSS, YYYY...): the macro's zone is not passed here.
        for problem in pattern_problems(macro.pattern, zone=None, printing=True):
            if problem.rule != DATE_PATTERN_TWO_DIGIT_YEAR.code or not two_digit_records:
                yield _shift(problem, url.start + macro.format_start)


def _dates(line: LegacyLine, kind: str) -> Iterator[Problem]:
    from ..vocabulary.placeholders import find_placeholders
    from .dates import filled_later, format_problems
    from .zones import record_zone_problems

    label = "updated" if kind == "upd" else "created"
    written_format = line.field(f"{kind}Fmt")
    # each field only when it holds more than spaces
    field, fmt, zone = _given(line.field(f"{kind}Field")), _given(written_format), _given(line.field(f"{kind}Tz"))
    if field is not None and fmt is None:
        at = written_format if written_format is not None else field
        yield Problem(LEGACY_DATES_HALF_GIVEN.code, f"line {line.number} of `{URLS}` gives the {label} date field "
                               f"`{field.text.strip()}` but no <{kind}Fmt> format", at.start, at.end,
                      help=f"add |<{kind}Fmt> after the field: its SimpleDateFormat pattern, or milliseconds")
    elif fmt is not None and field is None:
        yield Problem(LEGACY_DATES_HALF_GIVEN.code, f"line {line.number} of `{URLS}` gives the {label} date format but no <{kind}Field> "
                               "field", fmt.start, fmt.end, help=f"give the {label} date field before the format")
    if zone is not None and field is None and fmt is None:
        yield Problem(LEGACY_DATES_HALF_GIVEN.code, f"line {line.number} of `{URLS}` gives the {label} date zone without its field and "
                               "format", zone.start, zone.end, help=f"give <{kind}Field> and <{kind}Fmt>, or drop it",
                      severity="info")
    zone_id: str | None = None
    if zone is not None:
        zone_id, offset = _trimmed(zone)
        if not find_placeholders(zone_id):
            written = _trimmed(fmt)[0] if fmt is not None else None
            yield from (_shift(problem, offset) for problem in record_zone_problems(zone_id, written))
    if fmt is not None:
        text, offset = _trimmed(fmt)
        if not filled_later(text):
            usable_zone = zone_id if zone_id and not find_placeholders(zone_id) else None
            yield from (_shift(problem, offset) for problem in format_problems(text, zone_id=usable_zone,
                                                                           updated=kind == "upd"))


def _given(field: Field | None) -> Field | None:
    """``field`` if it holds more than spaces (what :meth:`LegacyLine.value` reads as given)."""
    return field if field is not None and field.text.strip() else None


def _trimmed(field: Field) -> tuple[str, int]:
    """The field's text without surrounding spaces, and the offset of that text in the whole value."""
    lead = len(field.text) - len(field.text.lstrip())
    return field.text.strip(), field.start + lead


def _shift(problem: Problem, offset: int) -> Problem:
    fix = problem.fix
    if fix is not None:
        fix = Fix(fix.message, tuple(Edit(e.start + offset, e.end + offset, e.replacement) for e in fix.edits),
                  fix.applicability)
    return Problem(problem.rule, problem.message, problem.start + offset, problem.end + offset, help=problem.help,
                   severity=problem.severity, fix=fix)


def to_poller_configuration(text: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The ``event.poller.configuration`` equivalent of the full-format lines of ``text``.

    Returns the map and the resources whose line has no ``<xPath>`` (their ``idField`` must be added).
    """
    config: dict[str, dict[str, Any]] = {}
    without_id: list[str] = []
    for line in parse_legacy_urls(text):
        if line.names_only or not line.value("resource"):
            continue
        name = line.value("resource")
        entry: dict[str, Any] = {"url": line.value("url")}
        if line.value("xPath"):
            entry["idField"] = line.value("xPath")
        else:
            without_id.append(name)
        dates: dict[str, str] = {}
        for kind, label in (("upd", "updated"), ("crt", "created")):
            for suffix, key in (("Field", "DateField"), ("Fmt", "DateFormat"), ("Tz", "DateTimezone")):
                if line.value(kind + suffix):
                    dates[label + key] = line.value(kind + suffix)
        if dates:
            entry["datesConfiguration"] = dates
        config[name] = entry
    return config, without_id


def _names_listed(text: str) -> list[str]:
    return [f.text.strip() for line in parse_legacy_urls(text) if line.names_only for f in line.fields
            if f.text.strip()]


def _pointer(ctx: Context, key: str) -> str:
    from ..kinds import escape_pointer_token

    return f"{ctx.configuration_pointer}/{escape_pointer_token(key)}"


def _has_poller(config: dict[str, Any]) -> bool:
    poller = config.get(POLLER)
    if isinstance(poller, dict):
        return bool(poller)
    return isinstance(poller, str) and poller.strip() not in ("", "{}") and not is_placeholder(poller)


def check(ctx: Context) -> Iterator[Finding]:
    """Report the CE8xx findings of the configuration object's legacy keys."""
    config = ctx.configuration
    if not isinstance(config, dict):
        return
    urls = config.get(URLS)
    if isinstance(urls, str) and urls.strip() and not is_placeholder(urls):
        pointer = _pointer(ctx, URLS)
        if not is_response(ctx.value):
            yield ctx.finding(LEGACY_POLLER_URLS, _superseded_message(config), pointer=pointer, key=True,
                              help=_conversion_fix(urls, config, ctx.options.server_zone),
                              fix=_migration(ctx, pointer, urls, config))
        for problem in legacy_url_problems(urls, server_zone=ctx.options.server_zone):
            yield ctx.problem(problem, pointer=pointer)
    objects = config.get(OBJECTS)
    element = ctx.element_key or ""
    if (isinstance(objects, str) and objects.strip() and not is_placeholder(objects) and not is_response(ctx.value)
            and not element.lower().startswith("sfdc")):
        names = ", ".join(name.strip() for name in objects.split(",") if name.strip())
        yield ctx.finding(LEGACY_EVENT_OBJECTS, f"`{OBJECTS}` is a legacy list of objects to poll: `{POLLER}` superseded it",
                          pointer=_pointer(ctx, OBJECTS), key=True,
                          help=f"list {names} as resources of {POLLER}, each with its url and idField")


# What a line's fields say when one is missing or out of place.
_MISALIGNED = frozenset({"CE803", "CE804"})


def _migration(ctx: Context, pointer: str, urls: str, config: dict[str, Any]) -> Fix | None:
    """Replace the member with the equivalent ``event.poller.configuration`` object (unsafe: the platform
    then polls with the new format); only when every line converts fully and no poller is set."""
    from ..fixes.structure import line_indent, replace_member

    if _has_poller(config) or POLLER in config or _names_listed(urls):
        return None
    converted, without_id = to_poller_configuration(urls)
    if not converted or without_id:
        return None
    if _misaligned(urls, ctx.options.server_zone):
        return None  # a field missing or misplaced: its neighbours' values would land under the wrong keys
    text = ctx.source.text
    start = ctx.source.span(pointer, key=True)[0]
    if "\n" in text:  # pretty-printed like the file: indented from the member's own line, by the file's own step
        indent = line_indent(text, start) or ""
        parent = line_indent(text, ctx.source.span(pointer.rsplit("/", 1)[0])[0], leading=True) or ""
        step = indent[len(parent):] if indent.startswith(parent) and len(indent) > len(parent) else "  "
        newline = "\r\n" if "\r\n" in text else "\n"
        body = json.dumps(converted, indent=step, ensure_ascii=False).replace("\n", newline + indent)
    else:
        body = json.dumps(converted, ensure_ascii=False)
    edit = replace_member(ctx.source, pointer, f"{json.dumps(POLLER)}: {body}")
    if edit is None:
        return None
    return Fix(f"replace `{URLS}` with the equivalent `{POLLER}`", (edit,), "unsafe")


def _superseded_message(config: dict[str, Any]) -> str:
    message = f"`{URLS}` is the legacy poller format, superseded by `{POLLER}`"
    if _has_poller(config):  # (Salesforce's and Zoho CRM's definitions: "If the event.poller.urls configuration is
        # defined, this field's value is ignored", said of event.poller.configuration)
        message += (f", and this configuration sets both: while `{URLS}` is set, the platform ignores `{POLLER}` "
                    "(as the element definitions that have both keys say)")
    return message


def _misaligned(urls: str, server_zone: str) -> bool:
    """Whether a line's fields say one is missing or out of place (CE803/CE804, or a zone id where a format
    belongs, as when <updTz> is left out), so no conversion can be trusted.  A wrong zone or format in its own
    place is converted as written: its findings say what to mend."""
    from ..dates.zones import resolve_zone

    if any(problem.rule in _MISALIGNED for problem in legacy_url_problems(urls, server_zone=server_zone)):
        return True
    for line in parse_legacy_urls(urls):
        if line.names_only:
            continue
        if _LIST_OR_PATH.search(line.value("resource")) or _LIST_OR_PATH.search(line.value("xPath")):
            return True  # lines joined by `,` or a written `\n`: a resource or an id holding another line's fields
        for kind in ("upd", "crt"):
            fmt, field = line.value(kind + "Fmt").strip(), line.value(kind + "Field").strip()
            if fmt and resolve_zone(fmt).known:
                return True
            if _LIST_OR_PATH.search(field) or "=" in field:
                return True  # a URL or another line's fields where a date field belongs
            if fmt and _FIELD_NAME.fullmatch(fmt) and not _compiles(fmt):
                return True  # a field's name where the format belongs (field and format swapped)
    return False


_LIST_OR_PATH = LazyPattern(r"[,?/\\]")  # a list, a URL, or a written `\n` inside one field
_FIELD_NAME = re.compile(r"[A-Za-z_][\w.]*")


def _compiles(fmt: str) -> bool:
    from ..dates import SPECIAL_FORMATS
    from ..dates.pattern import compile_pattern
    from ..dates.tokens import PatternError

    if fmt in SPECIAL_FORMATS:
        return True
    try:
        compile_pattern(fmt)
    except PatternError:
        return False
    return True


def _conversion_fix(urls: str, config: dict[str, Any], server_zone: str) -> str:
    if _has_poller(config):
        return f'remove "{URLS}", so that "{POLLER}" configures the poller'
    if _misaligned(urls, server_zone):
        return (f'write "{POLLER}" by hand: a line has a field missing or out of place (see its findings), so its '
                "values would land under the wrong keys")
    converted, without_id = to_poller_configuration(urls)
    names = _names_listed(urls)
    parts = []
    if converted:
        parts.append(f'replace it with "{POLLER}": {json.dumps(converted, ensure_ascii=False)}')
        if without_id:
            parts.append("add the \"idField\" of " + ", ".join(without_id) + " (its line gives no <xPath>)")
    if names:
        parts.append(f"write an entry of \"{POLLER}\" for " + ", ".join(names) +
                     " with its url, idField and datesConfiguration (see the element's default poller configuration)")
    return "; ".join(parts)
