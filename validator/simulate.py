"""Poll simulation: what the poller does with a vendor's real records.

The platform documents how events come out (``cloud-elements.md`` section 2): a run fetches the
records changed since the last poll; a record whose updated date is not after the last poll time
is ignored; one whose created date equals its updated date within ``createdCheckTolerance``
seconds is CREATED; an earlier created date means UPDATED.  The event's ``objectId`` is read
through ``idField``.  Dates are read with the entry's formats and zones exactly as Java's
``SimpleDateFormat.parse(String)`` reads them (:mod:`validator.dates`), plus the two special
formats ``milliseconds`` (epoch milliseconds) and ``timestamp``.

Not documented, so each is a :class:`Settings` field with a default, and every one in force is
named in :attr:`ResourceSimulation.assumptions`:

* ``at_last_poll`` (default ``"ignored"``, the documented "not after"): a record updated exactly
  at the last poll time is ignored, or taken (``"taken"``);
* ``at_tolerance`` (default ``"created"``, "within" read inclusively): a created date exactly
  ``createdCheckTolerance`` seconds away from the updated date is CREATED, or UPDATED;
* the last poll time the records are compared with is the one substituted in the URL: minus
  ``pollDelay`` seconds (else the delay could never catch a late record);
* ``timestamp_unit`` (default ``"s"``: its users filter with ``${epoch:s}``): the unit of the
  ``timestamp`` format; ``milliseconds`` is epoch milliseconds;
* ``lenient`` (default True, Java's default; the platform does not say it calls
  ``setLenient(false)``): out-of-range fields roll over; text after the pattern is ignored;
* ``server_zone`` (default ``GMT``): the zone of a date without ``updatedDateTimezone`` /
  ``createdDateTimezone``, of ``${date:...}`` macros, and the JVM zone whose names ``z`` tries;
* an entry without ``createdCheckTolerance`` has a tolerance of 0 s; ``filterByUpdatedDate:
  false`` takes every record the vendor returns;
* a taken record read as updated after the present (``Settings.now``) is pointed out: without
  ``filterByCurrentDate`` every poll until that date takes it again (a date read in the wrong zone);
  with it (documented: an upper bound "now"), a record updated after the run time (the last poll time
  plus the refresh interval, per poll) is ignored, one exactly at it taken.

With ``polls`` > 1 the run is repeated: run *k* has the last poll time ``since + k*interval``
(the refresh interval, minutes) and happens one interval later, so it takes the records updated
after its last poll time (minus ``pollDelay``) and up to its own run time.  Records no window
takes, or that two windows take, are pointed out in :attr:`ResourceSimulation.notes`.

Nothing here prints: :func:`simulate` returns :class:`Simulation`; :func:`load_records` raises
:class:`RecordsError` (a usage error) for records it cannot read.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from .dates import SPECIAL_FORMATS
from .kinds import not_whole_setting, refresh_minutes, too_big_for_java, whole_setting

__all__ = [
    "DateValue", "Event", "RecordOutcome", "RecordSet", "RecordsError", "ResourceSimulation", "Settings",
    "Simulation", "Window", "exact_duration", "field_value", "iso_instant", "load_records", "read_date",
    "records_from_element_docs", "simulate", "simulate_entry",
]

Event = Literal["created", "updated", "ignored", "error"]
EVENTS: tuple[Event, ...] = ("created", "updated", "ignored", "error")
_MIN_MS, _MAX_MS = -62135596800000, 253402300799999  # years 1 to 9999, as dates can be shown


class RecordsError(ValueError):
    """The records cannot be read (unreadable, not JSON, no array of records): a usage error."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """The undocumented platform behaviours a simulation assumes (see the module docstring)."""

    server_zone: str = "GMT"
    at_last_poll: Literal["ignored", "taken"] = "ignored"
    at_tolerance: Literal["created", "updated"] = "created"
    timestamp_unit: Literal["s", "ms"] = "s"
    lenient: bool = True
    encode_values: bool = False
    refresh_interval: int | None = None  # minutes; None: the configuration's, else 15
    now: datetime | None = None  # the clock of the two-digit-year window (default: the current time)


@dataclass(frozen=True, slots=True)
class DateValue:
    """One date field of one record, read with the entry's format and zone."""

    field: str
    format: str
    zone: str  # the Java zone id the value is read in
    text: str | None  # the value as the platform reads it (None: absent or null)
    instant_ms: int | None  # None when it cannot be read
    problem: str | None = None
    column: int | None = None  # 1-based column of Java's parse error in ``text``
    note: str | None = None  # read, but worth knowing (trailing text ignored, a number read as text)
    ignored_from: int | None = None  # where the text Java ignores after the date begins


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """What the poller does with one record."""

    index: int
    id: Any  # the JSON value at idField (None when absent)
    updated: DateValue | None
    created: DateValue | None
    event: Event
    problem: str | None = None  # why it is an error
    notes: tuple[str, ...] = ()
    polls: tuple[int, ...] = ()  # the windows that take it (with polls > 1)


@dataclass(frozen=True, slots=True)
class Window:
    """Run ``index``: takes records updated after ``since_ms`` (minus pollDelay) up to ``until_ms``."""

    index: int
    since_ms: int  # the last poll time compared with (pollDelay applied)
    until_ms: int  # the run time
    taken: tuple[int, ...]  # record indexes
    since_taken: bool = False  # a record updated exactly at since_ms is taken too (--at-last-poll taken)


@dataclass(frozen=True, slots=True)
class ResourceSimulation:
    """One poller resource: its rendered URL (credentials masked) and every record's outcome."""

    name: str
    pointer: str
    since_ms: int  # the last poll time given
    compared_ms: int  # since minus pollDelay: what updated dates are compared with
    url: str | None  # the URL the platform builds, query credentials masked
    poll_delay: int
    refresh_interval: int
    tolerance_s: int
    updated_zone: str | None
    created_zone: str | None
    records: tuple[RecordOutcome, ...]
    windows: tuple[Window, ...] = ()
    notes: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    problem: str | None = None  # the entry cannot be simulated at all
    id_field: str | None = None  # the entry's idField

    def count(self, event: Event) -> int:
        return sum(1 for r in self.records if r.event == event)


@dataclass(frozen=True, slots=True)
class Simulation:
    since_ms: int
    resources: tuple[ResourceSimulation, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (name or pointer, reason)

    @property
    def has_errors(self) -> bool:
        return any(r.problem or r.count("error") for r in self.resources)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class RecordSet:
    """Records read from a file: one list for every resource, or one list per resource name."""

    records: tuple[Any, ...] = ()
    by_resource: dict[str, tuple[Any, ...]] | None = None
    origin: str = ""  # where they were found, for messages ("the array at data.items")

    def for_resource(self, name: str) -> tuple[Any, ...] | None:
        if self.by_resource is None:
            return self.records
        return self.by_resource.get(name)


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _candidate_arrays(value: Any, path: str = "", depth: int = 0) -> Iterator[tuple[str, list[Any]]]:
    """Arrays of objects in a response object, outermost first (two levels: ``data.items``)."""
    if not isinstance(value, dict) or depth > 2:
        return
    for key, child in value.items():
        child_path = f"{path}.{key}" if path else key
        if _is_records(child):  # an empty array too: "no records" is an answer, and ambiguity must show
            yield child_path, child
    for key, child in value.items():
        if isinstance(child, dict):
            yield from _candidate_arrays(child, f"{path}.{key}" if path else key, depth + 1)


def _held_array(response: dict[str, Any]) -> list[Any] | None:
    """The one array of records a response object holds, found by shape as for the whole file; None when it holds
    none or several (a resource's records given as the vendor returned them: ``{"QueryResponse": {"Invoice": [...]}}``)."""
    candidates = list(_candidate_arrays(response))
    top = [c for c in candidates if "." not in c[0]] or candidates
    return top[0][1] if len(top) == 1 else None


def _json_error(name: str, text: str) -> str:
    from .source import load_source

    source = load_source(text, path=name)
    problem = next((p for p in source.problems if p.severity != "info"), None)
    if problem is None:
        return f"{name}: not valid JSON"
    from .masking import problem_message

    line, column = source.line_col(problem.start)
    return f"{name}:{line}:{column}: not valid JSON: {problem_message(source, problem.message, problem.start, problem.end)}"


def _json_lines(name: str, text: str) -> list[Any] | None:
    """Records of a JSON-lines text, or None when it is not JSON lines (fewer than two values)."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    if len(lines) < 2:
        return None
    try:  # JSON lines only when the first line is a whole object: else it is a JSON document with a mistake
        if not isinstance(json.loads(lines[0][1], parse_int=_record_integer), dict):
            return None
    except (ValueError, RecursionError):
        return None
    records = []
    for number, line in lines:
        try:
            value = json.loads(line, parse_int=_record_integer)
        except RecursionError:
            raise RecordsError(f"{name}:{number}:1: nested too deeply to read as a record") from None
        except ValueError as exc:
            column = getattr(exc, "colno", 1)
            message = getattr(exc, "msg", str(exc))
            raise RecordsError(f"{name}:{number}:{column}: not valid JSON lines: {message}") from None
        if not isinstance(value, dict):
            raise RecordsError(f"{name}:{number}:1: a JSON line holds {type(value).__name__}, not a record (object)")
        records.append(value)
    return records


def _record_integer(digits: str) -> int | str:
    """A record's integer; one too long for Python to print (``sys.get_int_max_str_digits()``) is kept as its text, which is shown as
    written (a JSON parser that refused it would call valid records invalid JSON)."""
    limit = sys.get_int_max_str_digits()
    return int(digits) if not limit or len(digits.lstrip("-")) <= limit else digits


def load_records(text: str, *, name: str = "records", records_key: str | None = None,
                 resources: Sequence[str] = ()) -> RecordSet:
    """Read records: a JSON array of objects, a response object holding one, or JSON lines.

    A response object's array is found by shape (the one array of objects, two levels deep at
    most) or named by ``records_key`` (a path such as ``data.items``).  An object whose keys are
    resource names (of ``resources``) and whose values are arrays, or response objects holding one (found by
    shape), gives each resource its own.
    Raises :class:`RecordsError` with ``name:line:column`` for text it cannot read, :class:`TypeError` for
    ``text`` of another type (not the json module's word for it).
    """
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"load_records() takes the records' text (str or bytes), not {type(text).__name__}")
    try:
        value = json.loads(text, parse_int=_record_integer)
    except RecursionError:
        raise RecordsError(f"{name}: nested too deeply to read as records") from None
    except ValueError:
        lines = _json_lines(name, text)
        if lines is None:
            raise RecordsError(_json_error(name, text)) from None
        return RecordSet(tuple(lines), origin="JSON lines")
    if records_key is not None:
        found, picked, missing = field_value(value, records_key)
        if not found:
            raise RecordsError(f"{name}: --records-key {records_key!r}: {missing}")
        if not _is_records(picked):
            raise RecordsError(f"{name}: --records-key {records_key!r} holds {_kind(picked)}, not an array of "
                               "records (objects)")
        return RecordSet(tuple(picked), origin=f"the array at {records_key}")
    if isinstance(value, list):
        if not _is_records(value):
            bad = next(i for i, item in enumerate(value) if not isinstance(item, dict))
            raise RecordsError(f"{name}: item {bad} of the array is {_kind(value[bad])}, not a record (object)")
        return RecordSet(tuple(value), origin="the top-level array")
    if not isinstance(value, dict):
        raise RecordsError(f"{name}: holds {_kind(value)}; give an array of records, a response object holding "
                           "one, or JSON lines")
    held = {key: child if isinstance(child, list) else _held_array(child)
            for key, child in value.items() if key in resources and isinstance(child, (list, dict))}
    named = {key: child for key, child in held.items() if child is not None}
    if named and all(_is_records(child) for child in named.values()):
        return RecordSet(by_resource={key: tuple(child) for key, child in named.items()},
                         origin="records named after the resources")
    candidates = list(_candidate_arrays(value))
    if not candidates:
        keys = ", ".join(sorted(map(str, value))[:10]) or "none"
        if value and not any(isinstance(child, (dict, list)) for child in value.values()):  # nothing to point a key at
            raise RecordsError(f"{name}: no array of records in this object (keys: {keys}); a single record? give "
                               "it in an array: [{...}]")
        raise RecordsError(f"{name}: no array of records in this object (keys: {keys}); give --records-key PATH")
    top = [c for c in candidates if "." not in c[0]] or candidates
    if len(top) > 1:
        raise RecordsError(f"{name}: several arrays of records ({', '.join(p for p, _ in top)}); choose one "
                           "with --records-key")
    path, records = top[0]
    return RecordSet(tuple(records), origin=f"the array at {path}")


def records_from_element_docs(api: Any, url: str, *, samples: bool = False,
                              needs: Sequence[str] = ()) -> tuple[tuple[Any, ...], str]:
    """Records from the example values of the element API's GET operation for ``url``'s path.

    Looks at the 200 response's ``examples`` (``application/json``), its schema's ``example``,
    then the record model's ``example``, then one record built from its properties' ``example`` values;
    ``samples``: their sample values too (``x-samplevalue``, which Cloud Elements' exports write instead: what
    ``simulate`` shows; CE912 reads them apart, as the vendor's writing of one field); ``needs``: the fields (paths)
    a record built so must hold, the docs giving some fields a value and not others (a record without its dates says
    nothing of the poller).  Returns (records, where) or ((), why none).
    """
    path = url.split("?", 1)[0].strip()
    hub = re.match(r"/hubs/[^/]+(/.*)", path)
    template = api.match(hub.group(1) if hub else path)
    if template is None:
        return (), f"the element's API docs have no path matching {path!r}"
    operation = api.get_operation(template)
    if operation is None:
        return (), f"the element's API docs have no GET {template}"
    response = (operation.get("responses") or {}).get("200") or {}
    candidates: list[Any] = []
    if isinstance(response, dict):
        examples = response.get("examples")
        if isinstance(examples, dict):
            candidates.append(examples.get("application/json"))
        schema = api.resolve(response.get("schema"))
        if isinstance(schema, dict):
            candidates.append(schema.get("example"))
    model = api.record_model(operation)
    if isinstance(model, dict):
        candidates.append(model.get("example"))
    for example in candidates:
        if isinstance(example, dict):
            arrays = list(_candidate_arrays(example))
            example = arrays[0][1] if arrays else [example]
        if _is_records(example) and example:
            return tuple(example), f"the example of GET {template}"
    assembled = _example_from_properties(api, model, samples=samples)
    if isinstance(assembled, dict) and assembled:
        missing = [path for path in needs if not field_value(assembled, path)[0]]
        if missing:
            return (), (f"the API docs give sample values for some fields of GET {template}, not for "
                        + ", ".join(f"`{path}`" for path in missing))
        return (assembled,), f"the property examples of GET {template}"
    return (), f"GET {template} has no example values in the element's API docs"


def _example_from_properties(api: Any, schema: Any, depth: int = 0, *, samples: bool = False) -> Any:
    """A value built from the ``example`` of each property (nested objects and arrays too), or None; ``samples``:
    a property's ``x-samplevalue`` too (:func:`validator.elements.field_sample`)."""
    from .elements import field_sample

    schema = api.resolve(schema)
    if not isinstance(schema, dict) or depth > 8:
        return None
    if "example" in schema:
        return schema["example"]
    sample = field_sample(schema) if samples else None
    if sample is not None:
        return sample
    if schema.get("type") == "array":
        item = _example_from_properties(api, schema.get("items"), depth + 1, samples=samples)
        return None if item is None else [item]
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return None
    built = {}
    for name, child in properties.items():
        value = _example_from_properties(api, child, depth + 1, samples=samples)
        if value is not None:
            built[name] = value
    return built or None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def field_value(record: Any, path: str) -> tuple[bool, Any, str | None]:
    """(found, value, why not) of ``path`` in ``record``: ``id``, ``user.id``, ``['Modified Time']``, ``items[0].id``.

    A literal key holding the whole path (``{"user.id": 1}``) wins over descending, as a
    record may well have dots in its keys.
    """
    from .elements import split_field_path

    if not path.strip():
        return False, None, f"the path {path!r} is empty"
    if isinstance(record, dict) and path in record:
        return True, record[path], None
    parts = split_field_path(path)
    if parts is None:
        return False, None, f"the path {path!r} is malformed (unbalanced brackets or quotes)"
    value = record
    for i, part in enumerate(parts):
        where = _path_text(parts[:i]) or "the record"
        if isinstance(value, dict):
            if part not in value:
                known = ", ".join(sorted(map(str, value))[:8])
                suffix = f" (it has {known}{', ...' if len(value) > 8 else ''})" if value else " (it is empty)"
                return False, None, f"no field {part!r} in {where}{suffix}"
            value = value[part]
        elif isinstance(value, list) and part.isdigit():
            if int(part) >= len(value):
                return False, None, f"{where} has {len(value)} item(s), no item {part}"
            value = value[int(part)]
        else:
            return False, None, f"{where} is {_kind(value)}, so it has no field {part!r}"
    return True, value, None


def _path_text(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if part.isdigit():
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][\w$-]*", part):
            out += f".{part}" if out else part
        else:
            out += f"['{part}']"
    return out


# --------------------------------------------------------------------------- dates


def _as_text(value: Any) -> str | None:
    """The value as the platform's JSON library hands it over as text (numbers as written)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return None


def _epoch(text: str, unit: int) -> tuple[int | None, int | None, str | None]:
    """Java's ``Long.parseLong``: (instant ms, error column, reason)."""
    match = re.fullmatch(r"[+-]?\d+", text)
    if match is None:
        if not text:
            return None, 1, "is empty"
        start = 1 if text[0] in "+-" else 0
        bad = next((i for i in range(start, len(text)) if not text[i].isdigit() or not text[i].isascii()),
                   len(text))
        return None, bad + 1, f"is not a whole number (unexpected {text[bad:bad + 1]!r})" if bad < len(text) \
            else "is not a whole number"
    number = int(text) if len(text) <= 20 else 1 << 64  # longer never fits (and int() caps its digits)
    if not -(1 << 63) <= number < (1 << 63):
        return None, 1, "does not fit in a Java long"
    return number * unit, None, None


def read_date(value: Any, *, field_name: str, date_format: str, zone: str, settings: Settings,
              present: bool = True) -> DateValue:
    """Read one record's date value as the platform does (see the module docstring)."""
    from .dates.parse import DateParseError, parse_position
    from .dates.pattern import compile_pattern
    from .dates.tokens import PatternError

    def fail(text: str | None, problem: str, column: int | None = None) -> DateValue:
        return DateValue(field_name, date_format, zone, text, None, problem, column)

    if not present:
        return fail(None, f"no field {field_name!r} in the record")
    text = _as_text(value)
    if text is None:
        what = "null" if value is None else _kind(value)
        return fail(None, f"{field_name} is {what}, not a date")
    if date_format in SPECIAL_FORMATS:
        unit = 1 if date_format == "milliseconds" or settings.timestamp_unit == "ms" else 1000
        instant, column, reason = _epoch(text.strip() if isinstance(value, (int, float)) else text, unit)
        if instant is None:
            return fail(text, f"{field_name} {text!r} {reason}: the {date_format!r} format reads epoch "
                              f"{'milliseconds' if unit == 1 else 'seconds'}", column)
        digits = len(text.strip().lstrip("+-"))
        note = None
        if unit == 1 and digits <= 10 and instant != 0:
            note = f"{text!r} read as epoch milliseconds looks like epoch seconds (a date in 1970)"
        elif unit == 1000 and digits >= 12:
            note = f"{text!r} read as epoch seconds looks like epoch milliseconds (a date after the year 30000)"
        return DateValue(field_name, date_format, zone, text, instant, None, None, note)
    note = None if isinstance(value, str) else f"{field_name} is not a JSON string: read as the text {text!r}"
    try:
        pattern = compile_pattern(date_format)
    except PatternError as exc:
        return fail(text, f"the format {date_format!r} does not compile at column {exc.column}: {exc.message}")
    try:
        result = parse_position(pattern, text, zone, lenient=settings.lenient, now=settings.now,
                                default_zone=settings.server_zone)
    except DateParseError as exc:
        where = "" if f"column {exc.column}" in exc.reason else f" (Java's error index is at column {exc.column})"
        return fail(text, f"{field_name} {text!r} does not match {date_format!r}: {exc.reason}{where}", exc.column)
    if not _MIN_MS <= result.instant_ms <= _MAX_MS:
        return fail(text, f"{field_name} {text!r} is read as a date outside years 1-9999")
    if result.index < len(text):
        rest = text[result.index:]
        note = (f"Java reads {text[:result.index]!r} and ignores {rest if len(rest) <= 20 else rest[:20] + '…'!r} "
                f"after column {result.index}")
    disagrees = _iso_disagrees(text, result.instant_ms)
    rolled = _rolled_over(pattern, text, zone, result.instant_ms, settings) if disagrees is None else None
    note = "; ".join(n for n in (note, disagrees, rolled) if n) or None
    return DateValue(field_name, date_format, zone, text, result.instant_ms, None, None, note,
                     result.index if result.index < len(text) else None)


def _rolled_over(pattern: Any, text: str, zone: str, instant_ms: int, settings: Settings) -> str | None:
    """A note when a lenient parse moved a field out of its range (``SSSSSS`` reading microseconds as milliseconds,
    ``dd/MM`` reading a US month-first date): Java says nothing, a strict parse would fail."""
    from .dates.parse import DateParseError, parse_position

    if not settings.lenient or pattern.format(instant_ms, zone) == text:  # (read as written: the common case)
        return None
    try:
        parse_position(pattern, text, zone, lenient=False, now=settings.now, default_zone=settings.server_zone)
    except DateParseError as exc:
        reason = exc.reason.partition("strict mode: ")[2] or exc.reason
        changed = reason.partition("(")[2].rpartition(")")[0].split(", ")
        if all(field.startswith("day of week ") for field in changed):
            return None  # (a weekday the date contradicts: Java reads the date from its day of the month, moving nothing)
        if "out of range" in reason or "roll over" in reason:
            return (f"Java's lenient parse moves the date without a word ({reason.split(' for ')[0]}): read as "
                    f"{iso_instant(instant_ms)}; a format that does not fit the vendor's values? (--strict-dates "
                    "makes it an error)")
    return None


def _iso_disagrees(text: str, instant_ms: int) -> str | None:
    """A note when ``text`` is an ISO 8601 date-time with an offset that names another instant than Java's reading.

    This is how a wrong format shows on real values: ``SSSSSS`` reading microseconds as milliseconds, a
    quoted ``'Z'`` read in another zone, ``X`` dropping the minutes of ``+05:30``, ``hh`` without ``a``.
    """
    if len(text) < 20 or not text[:4].isdigit():
        return None
    candidate = text.strip()
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    from .dates.parse import epoch_ms

    iso_ms = epoch_ms(moment)
    if iso_ms == instant_ms:
        return None
    delta = instant_ms - iso_ms
    return (f"Java reads {iso_instant(instant_ms)}: {exact_duration(abs(delta))} {'later' if delta > 0 else 'earlier'} than the "
            f"ISO 8601 reading of {text!r} ({iso_instant(iso_ms)}); check the format and zone")


def exact_duration(ms: int) -> str:
    """``2 h 3 min 4.5 s``: an exact difference (the edges of a poll window are exact too)."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    parts = [f"{hours:,} h"] if hours else []
    if minutes:
        parts.append(f"{minutes} min")
    if rest or not parts:
        parts.append(f"{rest / 1000:g} s")
    return " ".join(parts)


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True, slots=True)
class _EntryRef:
    name: str
    pointer: str
    value: Any
    configuration: dict[str, Any] | None


def _poller_entries(loaded: Any) -> list[_EntryRef]:
    """Every poller resource of a loaded document (:func:`validator.kinds.poller_entries`, as check walks them)."""
    from .kinds import PollerRef, configuration_pointer, detect_kind, poller_entries, resolve_pointer

    kind = detect_kind(loaded.value)
    if kind is None:
        return []

    def decoded(value: Any, ref: PollerRef) -> Any:
        return loaded.embedded(ref.pointer).value if ref.stringified else resolve_pointer(value, ref.pointer)

    pointer = configuration_pointer(loaded.value, kind)
    configuration = resolve_pointer(loaded.value, pointer) if pointer is not None else None
    return [_EntryRef(e.name, e.pointer, e.value, configuration)
            for e in poller_entries(loaded.value, kind, decode=decoded)]


def _masked_url(template: str, url: str, secret_values: Sequence[str]) -> str:
    """The rendered URL with its credentials masked (:func:`validator.masking.url_secrets`), also those its
    template marks and the document's other secret values wherever the URL repeats them."""
    from .masking import Secrets, secrets_alike, url_secrets

    found = [url_secrets(url), url_secrets(template), Secrets(values=tuple(secret_values))]
    return secrets_alike((url,), found)[0].mask(url)


def _refresh_minutes(configuration: dict[str, Any] | None, settings: Settings) -> int:
    if settings.refresh_interval is not None:
        return settings.refresh_interval
    return refresh_minutes(configuration)


class _Notes:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> None:
        if text not in self.items:
            self.items.append(text)


def _is_false(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def simulate_entry(entry: Any, records: Sequence[Any], since_ms: int, *, name: str = "", pointer: str = "",
                   settings: Settings = Settings(), polls: int = 1,
                   configuration: dict[str, Any] | None = None,
                   secret_values: Sequence[str] = ()) -> ResourceSimulation:
    """Simulate one poller entry (a resource's object) on ``records`` for the last poll time ``since_ms``.

    ``secret_values``: the document's secrets (:func:`validator.masking.find_secrets`), masked in the URL shown
    wherever it repeats one."""
    assumptions = _Notes()
    notes = _Notes()
    interval = _refresh_minutes(configuration, settings)
    entry = entry if isinstance(entry, dict) else {}
    delay = whole_setting(entry.get("pollDelay")) or 0
    too_big = too_big_for_java("pollDelay", entry.get("pollDelay"))
    if too_big is not None:
        notes.add(f"{too_big}, so the platform cannot read it: simulated with no delay")
    elif (unread := not_whole_setting("pollDelay", entry.get("pollDelay"))) is not None:
        notes.add(f"{unread}: simulated with no delay")
    compared = since_ms - delay * 1000
    url = _render(entry, since_ms, delay, interval, settings, assumptions, notes, secret_values)
    dates = entry.get("datesConfiguration")
    dates = dates if isinstance(dates, dict) else {}
    tolerance = whole_setting(entry.get("createdCheckTolerance"))
    if tolerance is None:
        misplaced = whole_setting(dates.get("createdCheckTolerance"))
        if misplaced is not None:
            notes.add(f"createdCheckTolerance ({misplaced}) sits inside datesConfiguration, where the platform "
                      "does not read it: the tolerance is 0 s")
        elif (too_big := too_big_for_java("createdCheckTolerance", entry.get("createdCheckTolerance"))) is not None:
            notes.add(f"{too_big}, so the platform cannot read it: the tolerance is 0 s")
        elif (unread := not_whole_setting("createdCheckTolerance", entry.get("createdCheckTolerance"))) is not None:
            notes.add(f"{unread}: the tolerance is 0 s")
        else:
            assumptions.add("no createdCheckTolerance: the tolerance is 0 s (undocumented default)")
        tolerance = 0
    if tolerance < 0:
        notes.add(f"createdCheckTolerance is negative ({tolerance}): no record can be CREATED")
    if polls > 1 and settings.refresh_interval is None and whole_setting(
            (configuration or {}).get("event.poller.refresh_interval")) is None:
        assumptions.add(f"polls are {interval} min apart: the configuration gives no event.poller.refresh_interval "
                        "(the usual element default; change with --interval)")
    filter_dates = not _is_false(entry.get("filterByUpdatedDate"))
    if not filter_dates:
        notes.add("filterByUpdatedDate is false: every record the vendor returns is taken, whatever its date")

    updated_cfg = _date_config(dates, "updated", settings)
    created_cfg = _date_config(dates, "created", settings)
    for cfg in (updated_cfg, created_cfg):
        if cfg is not None:
            _zone_notes(cfg[2], cfg[3], settings, assumptions, notes)
    id_field = entry.get("idField")

    def resource(outcomes: tuple[RecordOutcome, ...], windows: tuple[Window, ...] = (),
                 problem: str | None = None) -> ResourceSimulation:
        _rules_assumptions(settings, tolerance, delay, assumptions, updated_cfg, created_cfg)
        return ResourceSimulation(
            name, pointer, since_ms, compared, url, delay, interval, tolerance,
            updated_cfg[2] if updated_cfg else None, created_cfg[2] if created_cfg else None,
            outcomes, windows, tuple(notes.items), tuple(assumptions.items), problem,
            id_field if isinstance(id_field, str) else None)

    if updated_cfg is None:
        return resource((), problem="the entry has no datesConfiguration.updatedDateField and updatedDateFormat: "
                                    "the platform cannot tell which records changed since the last poll")
    if not isinstance(id_field, str):
        return resource((), problem="the entry has no idField (a string): events would carry no objectId")
    if created_cfg is None:
        notes.add("no createdDateField/createdDateFormat: every taken record is UPDATED (assumed; the platform "
                  "cannot tell CREATED)")

    outcomes = [_outcome(i, record, id_field, updated_cfg, created_cfg, compared, tolerance, filter_dates,
                         settings) for i, record in enumerate(records)]
    if filter_dates and _is_true(entry.get("filterByCurrentDate")):
        outcomes = _bounded_by_the_run(outcomes, since_ms + polls * interval * 60_000, delay, assumptions)
    _duplicate_ids(outcomes, notes)
    if filter_dates and not _is_true(entry.get("filterByCurrentDate")):
        _dated_in_the_future(outcomes, interval, settings, notes)
    windows: tuple[Window, ...] = ()
    if polls > 1:
        windows, outcomes = _windows(outcomes, since_ms, delay, interval, polls, filter_dates, settings, notes)
    return resource(tuple(outcomes), windows)


def _bounded_by_the_run(outcomes: list[RecordOutcome], run_ms: int, delay: int,
                        assumptions: _Notes) -> list[RecordOutcome]:
    """filterByCurrentDate's documented upper bound "now": a record read as updated after the run leaves it (for a later
    run, whose window starts before it, unless a negative pollDelay leaves a gap)."""
    from dataclasses import replace

    later = "; a later run takes it" if delay >= 0 else ""

    assumptions.add(f"filterByCurrentDate: a record updated after the run time ({iso_instant(run_ms)}, the last poll "
                    "time plus the refresh interval) is left out, the documented upper bound 'now'; one exactly at "
                    "it is taken (undocumented)")
    return [replace(o, event="ignored", notes=(*o.notes, f"updated after the run time ({iso_instant(run_ms)}): "
                                               f"filterByCurrentDate leaves it out of this run{later}"))
            if o.event in ("created", "updated") and o.updated is not None and o.updated.instant_ms is not None
            and o.updated.instant_ms > run_ms else o for o in outcomes]


def _date_config(dates: dict[str, Any], which: str, settings: Settings) -> tuple[str, str, str, bool] | None:
    """(field, format, zone id, zone given) of the updated or created date, or None when not configured."""
    field_name, fmt = dates.get(f"{which}DateField"), dates.get(f"{which}DateFormat")
    if not isinstance(field_name, str) or not field_name.strip() or not isinstance(fmt, str) or not fmt:
        return None
    zone = dates.get(f"{which}DateTimezone")
    if isinstance(zone, str) and zone.strip():
        return field_name, fmt, zone.strip(), True
    return field_name, fmt, settings.server_zone, False


def _zone_notes(zone: str, given: bool, settings: Settings, assumptions: _Notes, notes: _Notes) -> None:
    from .dates.zones import resolve_zone, unknown_zone_warning

    if not given:
        assumptions.add(f"dates without a zone of their own are read in the server zone {zone} (documented as GMT; "
                        "change with --server-zone)")
        warning = unknown_zone_warning(zone)
        if warning is not None:
            notes.add(f"server zone: {warning}")
    elif not resolve_zone(zone).known:
        notes.add(f"the zone {zone!r} is unknown to Java: dates are read in GMT, as TimeZone.getTimeZone does")


def _rules_assumptions(settings: Settings, tolerance: int, delay: int, assumptions: _Notes,
                       updated_cfg: tuple[str, str, str, bool] | None,
                       created_cfg: tuple[str, str, str, bool] | None) -> None:
    formats = {cfg[1] for cfg in (updated_cfg, created_cfg) if cfg}
    assumptions.add(f"a record updated exactly at the last poll time is {settings.at_last_poll} "
                    "(undocumented; change with --at-last-poll)")
    assumptions.add(f"a created date exactly createdCheckTolerance ({tolerance} s) from the updated date is "
                    f"{settings.at_tolerance.upper()} (undocumented; change with --at-tolerance)")
    if delay:
        assumptions.add(f"updated dates are compared with the last poll time minus pollDelay ({delay} s), the time "
                        "the URL is rendered with (undocumented)")
    if "timestamp" in formats:
        unit = "seconds" if settings.timestamp_unit == "s" else "milliseconds"
        assumptions.add(f"the 'timestamp' format is read as epoch {unit} (undocumented; change with "
                        "--timestamp-unit)")
    if formats - set(SPECIAL_FORMATS):
        assumptions.add("dates are parsed leniently, as SimpleDateFormat does by default (out-of-range fields "
                        "roll over; text after the pattern is ignored)" if settings.lenient else
                        "dates are parsed strictly (setLenient(false); --strict-dates)")


def _render(entry: dict[str, Any], since_ms: int, delay: int, interval: int, settings: Settings,
            assumptions: _Notes, notes: _Notes, secret_values: Sequence[str] = ()) -> str | None:
    from .urls.render import render_url

    template = entry.get("url")
    if not isinstance(template, str) or not template:
        return None
    dates = entry.get("datesConfiguration")
    fmt = dates.get("updatedDateFormat") if isinstance(dates, dict) else None
    try:
        rendered = render_url(template, since_ms, server_zone=settings.server_zone, poll_delay=delay,
                              refresh_interval=interval, encode_values=settings.encode_values,
                              date_format=fmt if isinstance(fmt, str) else None)
    except (TypeError, ValueError) as exc:  # the template's own problems are `check`'s to report
        assumptions.add(f"the URL cannot be rendered: {exc}")
        return None
    for note in rendered.assumptions:
        if note.startswith(("${", "the zone")):
            assumptions.add(note)
    if any(s.zone is not None and s.macro.kind in ("date", "now") for s in rendered.substitutions):  # server zone
        from .dates.zones import unknown_zone_warning

        warning = unknown_zone_warning(settings.server_zone)
        if warning is not None:
            notes.add(f"server zone: {warning}")
    return _masked_url(template, rendered.url, secret_values)


def _outcome(index: int, record: Any, id_field: str, updated_cfg: tuple[str, str, str, bool],
             created_cfg: tuple[str, str, str, bool] | None, compared: int, tolerance: int, filter_dates: bool,
             settings: Settings) -> RecordOutcome:
    notes: list[str] = []
    id_found, id_value, id_missing = field_value(record, id_field)
    updated = _read(record, updated_cfg, settings)
    created = _read(record, created_cfg, settings) if created_cfg else None
    for side, value in (("updated", updated), ("created", created)):
        if value is not None and value.note:
            notes.append(f"{side} date: {value.note}")
    if updated.instant_ms is None:
        return RecordOutcome(index, id_value, updated, created, "error", updated.problem, tuple(notes))
    after = updated.instant_ms > compared or (updated.instant_ms == compared and settings.at_last_poll == "taken")
    if not after and filter_dates:
        return RecordOutcome(index, id_value, updated, created, "ignored", None, tuple(notes))
    if not id_found:
        return RecordOutcome(index, None, updated, created, "error", f"idField {id_field!r}: {id_missing}",
                             tuple(notes))
    if id_value is None or id_value == "" or isinstance(id_value, (dict, list)):
        shown = "null" if id_value is None else "empty" if id_value == "" else _kind(id_value)
        return RecordOutcome(index, id_value, updated, created, "error",
                             f"idField {id_field!r} is {shown}: the event's objectId would be unusable", tuple(notes))
    if created is None:
        return RecordOutcome(index, id_value, updated, None, "updated", None, tuple(notes))
    if created.instant_ms is None:
        return RecordOutcome(index, id_value, updated, created, "error", created.problem, tuple(notes))
    gap = updated.instant_ms - created.instant_ms
    limit = tolerance * 1000
    # (dates that are equal are CREATED, as documented, whatever the boundary of a tolerance of 0 is taken as)
    within = gap == limit == 0 or abs(gap) < limit or (abs(gap) == limit and settings.at_tolerance == "created")
    if not within and gap < 0:
        notes.append("created after its updated date: UPDATED, as the created date is not the updated date "
                     "(undocumented)")
    return RecordOutcome(index, id_value, updated, created, "created" if within else "updated", None, tuple(notes))


def _read(record: Any, cfg: tuple[str, str, str, bool], settings: Settings) -> DateValue:
    field_name, fmt, zone, _given = cfg
    found, value, missing = field_value(record, field_name)
    if not found:
        return DateValue(field_name, fmt, zone, None, None, f"{field_name}: {missing}")
    return read_date(value, field_name=field_name, date_format=fmt, zone=zone, settings=settings)


def _is_true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _dated_in_the_future(outcomes: list[RecordOutcome], interval: int, settings: Settings, notes: _Notes) -> None:
    """A taken record read as updated after the present: the vendor returned it before that date, and every poll
    whose last poll time is before it takes it again (no upper bound without filterByCurrentDate)."""
    from datetime import timezone

    from .dates.format import epoch_millis

    present = epoch_millis(settings.now or datetime.now(timezone.utc))
    future = [o for o in outcomes if o.event in ("created", "updated") and o.updated is not None
              and o.updated.instant_ms is not None and o.updated.instant_ms > present]
    if not future:
        return
    latest = max(o.updated.instant_ms for o in future if o.updated and o.updated.instant_ms is not None)
    again = -(-(latest - present) // (max(interval, 1) * 60_000))
    which = _records_are([o.index for o in future])
    notes.add(f"{which} read as updated after the present ({iso_instant(present)}): the vendor returned "
              f"{'it' if len(future) == 1 else 'them'} before that date, so each poll until {iso_instant(latest)} "
              f"takes {'it' if len(future) == 1 else 'them'} again and sends the event again (about {again:,} more "
              f"poll(s) {interval} min apart); a date in the future is most often read in the wrong zone or format")


def id_taken(key: str) -> str:
    """How the note on an id several records carry names it (``key``: :func:`id_key`'s), which ``simulate``'s
    masking rewrites when the id holds a secret."""
    return f"id {key} is taken"


def id_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _duplicate_ids(outcomes: list[RecordOutcome], notes: _Notes) -> None:
    seen: dict[str, list[int]] = {}
    for outcome in outcomes:
        if outcome.event in ("created", "updated"):
            seen.setdefault(id_key(outcome.id), []).append(outcome.index)
    for key, indexes in seen.items():
        if len(indexes) > 1:
            notes.add(f"{id_taken(key)} from records {', '.join(map(str, indexes))}: one event each "
                      "(assumed: the platform does not document what it does with an id a page repeats)")


def _records_are(items: list[int]) -> str:
    """'record 3 is' or 'records 3, 4 are'."""
    return f"record {items[0]} is" if len(items) == 1 else f"records {_indexes(items)} are"


def _indexes(items: list[int], limit: int = 10) -> str:
    shown = ", ".join(map(str, items[:limit]))
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _windows(outcomes: list[RecordOutcome], since_ms: int, delay: int, interval: int, polls: int,
             filter_dates: bool, settings: Settings, notes: _Notes) -> tuple[tuple[Window, ...], list[RecordOutcome]]:
    from dataclasses import replace

    step = interval * 60_000
    shift = delay * 1000
    bounds = [(since_ms + k * step - shift, since_ms + (k + 1) * step) for k in range(polls)]
    inclusive = settings.at_last_poll == "taken"

    def takes(k: int, instant: int) -> bool:
        low, high = bounds[k]
        return (not filter_dates or low < instant or (inclusive and instant == low)) and instant <= high

    taken: list[list[int]] = [[] for _ in bounds]
    after: list[int] = []
    between: list[int] = []
    twice: list[tuple[int, int, list[int]]] = []
    updated_outcomes = []
    spread = abs(shift) // step + 2  # how many windows around its own one a record can fall in
    for outcome in outcomes:
        instant = outcome.updated.instant_ms if outcome.updated else None
        polls_of: list[int] = []
        if instant is not None and outcome.event != "error":
            if filter_dates:
                own = (instant - since_ms) // step
                candidates = range(max(0, own - spread), min(polls, own + spread + 1))
            else:
                candidates = range(polls)
            polls_of = [k for k in candidates if takes(k, instant)]
            for k in polls_of:
                taken[k].append(outcome.index)
            if not polls_of and instant > bounds[-1][1]:
                after.append(outcome.index)
            elif not polls_of and (instant > bounds[0][0] or (inclusive and instant == bounds[0][0])):
                between.append(outcome.index)
            elif len(polls_of) > 1:
                twice.append((outcome.index, instant, polls_of))
        updated_outcomes.append(replace(outcome, polls=tuple(polls_of)))
    if len(twice) <= 10:
        for index, instant, polls_of in twice:
            notes.add(f"record {index} ({iso_instant(instant)}) is taken by polls {', '.join(map(str, polls_of))}: "
                      f"its event is sent {len(polls_of)} times")
    else:
        notes.add(f"records {_indexes([t[0] for t in twice])} are taken by more than one poll: their events are "
                  "sent more than once")
    never = polls > 1 and (-shift > step or (-shift == step and not inclusive))  # (every window ends before it starts)
    if between and not never:
        falls = f"record {between[0]} falls" if len(between) == 1 else f"records {_indexes(between)} fall"
        notes.add(f"{falls} between windows: no poll takes {'it' if len(between) == 1 else 'them'}")
    if after and not never:
        notes.add(f"{_records_are(after)} updated after the last simulated run ({iso_instant(bounds[-1][1])}): "
                  f"a later poll takes {'it' if len(after) == 1 else 'them'}")
    if polls > 1 and shift:  # windows are evenly spaced: every pair overlaps (or misses) the same amount
        previous_end, low = bounds[0][1], bounds[1][0]
        if shift > 0:
            times = 1 - (-shift // step)  # (a window is step + shift long: as many runs reach back over a record)
            come = "come twice" if times == 2 else f"come up to {times} times"
            notes.add(f"each poll overlaps the one before by {shift / 1000:g} s (pollDelay): records updated in the "
                      f"last {shift / 1000:g} s before a run {come} (first: {'[' if inclusive else '('}"
                      f"{iso_instant(low)}, {iso_instant(previous_end)}])")
        elif never:
            notes.add(f"pollDelay {delay} s moves each poll's last poll time past its own run time (by "
                      f"{exact_duration(-shift - step)}; the refresh interval is {interval} min): no poll takes any record")
        else:
            notes.add(f"each poll leaves a gap of {-shift / 1000:g} s after the one before (negative pollDelay): "
                      f"records updated then are never taken (first: ({iso_instant(previous_end)}, {iso_instant(low)}"
                      f"{')' if inclusive else ']'})")
    if inclusive and shift == 0 and polls > 1:
        notes.add("with --at-last-poll taken, a record updated exactly at a run time is taken by that run and the "
                  "next")
    windows = tuple(Window(k, low, high, tuple(taken[k]), inclusive) for k, (low, high) in enumerate(bounds))
    return windows, updated_outcomes


def iso_instant(ms: int) -> str:
    """``ms`` as ISO 8601 (:func:`validator.dates.format.iso_millis`); a record's date beyond the years 1 to 9999 as
    Java's SimpleDateFormat writes it (`31690708-07-05T01:46:40.000Z`)."""
    from .dates.format import iso_millis

    try:
        return iso_millis(ms)
    except OverflowError:
        from .dates.pattern import format_date

        return format_date("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", ms, "GMT")


RecordsFor = Callable[[str, dict[str, Any]], tuple[Sequence[Any], "str | None"]]


def simulate(loaded: Any, records: RecordSet | Sequence[Any], since: datetime | int, *,
             settings: Settings = Settings(), polls: int = 1, resources: Sequence[str] = (),
             records_for: RecordsFor | None = None) -> Simulation:
    """Simulate every poller resource of ``loaded`` (a :class:`validator.source.Source`, JSON text or a dict).

    ``records`` apply to every resource (or per resource name, from :func:`load_records`);
    ``records_for(name, entry)`` may supply a resource's records instead (``--element-docs``),
    returning (records, None) or ((), why none).  ``resources`` limits the simulation to those names.
    Raises ``ValueError`` for ``polls`` < 1 or a naive ``since``.
    """
    from .dates.format import epoch_millis
    from .source import load_source

    if polls < 1:
        raise ValueError("polls must be 1 or more")
    if isinstance(since, datetime) and since.tzinfo is None:
        raise ValueError("since is a naive datetime: give it a time zone")
    since_ms = since if isinstance(since, int) else epoch_millis(since)
    if isinstance(loaded, dict):
        loaded = load_source(json.dumps(loaded))
    elif isinstance(loaded, (str, bytes)):
        loaded = load_source(loaded)
    record_set = records if isinstance(records, RecordSet) else RecordSet(tuple(records))
    results: list[ResourceSimulation] = []
    skipped: list[tuple[str, str]] = []
    from .masking import distinctive_values

    secret_values = distinctive_values(loaded) if hasattr(loaded, "text") else ()
    for ref in _poller_entries(loaded):
        if resources and ref.name not in resources:
            continue
        shown = ref.name or ref.pointer or "the poller entry"
        if not isinstance(ref.value, dict):
            skipped.append((shown, "not an object"))
            continue
        chosen: Sequence[Any] | None = record_set.for_resource(ref.name)
        if records_for is not None:
            chosen, why = records_for(ref.name, ref.value)
            if not chosen:
                skipped.append((shown, why or "no records"))
                continue
        if chosen is None:
            skipped.append((shown, "no records for it: the records are keyed by resource name, and none is this one"))
            continue
        results.append(simulate_entry(ref.value, chosen, since_ms, name=ref.name, pointer=ref.pointer,
                                      settings=settings, polls=polls, configuration=ref.configuration,
                                      secret_values=secret_values))
    return Simulation(since_ms, tuple(results), tuple(skipped))


def resource_names(loaded: Any) -> list[str]:
    """The poller resource names of a loaded document (for --resource and per-resource records)."""
    return [ref.name for ref in _poller_entries(loaded)]


def refresh_interval(loaded: Any, settings: Settings = Settings()) -> int:
    """Minutes between polls: ``settings.refresh_interval``, else the configuration's, else 15."""
    entries = _poller_entries(loaded)
    return _refresh_minutes(entries[0].configuration if entries else None, settings)
