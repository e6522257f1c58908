"""Show what the poller does with the vendor's real records: created, updated, ignored or error.

FILE is an instance body, a configuration object or a bare poller configuration (also when
event.poller.configuration is a JSON string), or - for standard input.  RECORDS is a JSON
array of records, a response object holding one (found by shape, or named by --records-key
such as data.items), an object whose keys are resource names, or JSON lines.  With
--element-docs DIR and no --records, each resource's records are the example values of the
element API's GET operation for its URL.

For each resource: the last poll time (--since; default: now minus the refresh interval), the
URL rendered for it (credentials in its query masked), and for each record its id (through
idField: id, user.id, ['Modified Time'], items[0].id), its updated and created instants read as
Java's SimpleDateFormat reads them with the entry's formats and zones (milliseconds and
timestamp included), and its event.  An error says why and where: the Java parse error's
column, the missing field.  --polls N repeats the run N times, one refresh interval apart
(pollDelay applied), and points out records that fall between windows or come twice.

Undocumented platform behaviours are options with a documented default: --at-last-poll
(default ignored: the documentation says "not after"), --at-tolerance (default created:
"within" is inclusive), --timestamp-unit (default s), --strict-dates (default lenient, Java's
default), --server-zone (default GMT).  Every assumption in force is listed in the output.

--format json prints one object (keys sorted, 2-space indent):
  {"since": ISO, "resources": [{"name", "pointer", "since", "compared_since", "url", "poll_delay",
    "refresh_interval", "tolerance", "updated_zone", "created_zone", "problem",
    "counts": {"created", "updated", "ignored", "error"},
    "records": [{"index", "id", "updated", "created", "event", "problem", "notes", "polls"}],
    "windows": [{"index", "since", "until", "records"}], "notes": [str], "assumptions": [str]}],
   "skipped": [{"name", "reason"}]}
"updated"/"created" are null (not configured) or {"field", "format", "zone", "value", "instant",
"instant_ms", "local", "column", "note"}: "value" is the text read, "instant" ISO 8601 UTC (null
when it cannot be read), "local" the instant in the entry's zone, "column" the 1-based column
of Java's parse error.  "event" is created, updated, ignored or error; "problem" says why it is
an error (else null).  Times are ISO 8601 UTC with milliseconds.

Exit status: 0 when every record was read and no resource failed, 1 when a record is an
error or nothing could be simulated, 2 on a usage or I/O error (unreadable file, bad JSON, bad
--since).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC
from typing import TYPE_CHECKING, Any

from ..arguments import path_value
from ..lazy_pattern import LazyPattern
from ..options import TIMESTAMP_UNITS
from ._io import UsageError as _UsageError
from ._io import read_text as _read

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..masking import Secrets
    from ..simulate import (
        DateValue,
        RecordOutcome,
        RecordsFor,
        ResourceSimulation,
        Settings,
        Simulation,
    )

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the JSON layout of the description
    parser.add_argument("file", metavar="FILE", help="a JSON file holding the poller configuration, a Markdown page "
                                                     "with one in a code block, or -")
    parser.add_argument("--block", type=int, default=None, metavar="LINE",
                        help="in a page with several pollers: the one whose code block starts at page line LINE "
                             "(as `check` and `render` name it)")
    parser.add_argument("--records", type=path_value, metavar="RECORDS", default=None,
                        help="the vendor's records: a JSON array, a response object holding one, or JSON lines")
    parser.add_argument("--records-key", metavar="PATH", default=None,
                        help="where the array is in a response object (data.items); default: found by shape")
    parser.add_argument("--element-docs", type=path_value, action="append", default=None, metavar="DIR",
                        help="folder of <key>/swagger.json: without --records, records are the API's example values")
    parser.add_argument("--element", default=None, metavar="KEY",
                        help="the element of --element-docs (default: FILE's element.key)")
    parser.add_argument("--resource", action="append", default=None, metavar="NAME",
                        help="simulate only this resource (repeatable)")
    parser.add_argument("--since", default=None, metavar="TIME",
                        help="the last poll time: ISO 8601, 'now', or a duration back from now such as -15m "
                             "(write --since=-15m; default: now minus the refresh interval)")
    parser.add_argument("--polls", type=int, default=1, metavar="N",
                        help="simulate N consecutive polls, one refresh interval apart (default: 1)")
    parser.add_argument("--interval", type=int, default=None, metavar="MINUTES",
                        help="the refresh interval (default: event.poller.refresh_interval, else 15)")
    parser.add_argument("--server-zone", default=None, metavar="ID",
                        help="the zone of dates without updatedDateTimezone/createdDateTimezone and of ${date:...} "
                             "(undocumented; default GMT)")
    parser.add_argument("--at-last-poll", choices=("ignored", "taken"), default="ignored",
                        help="a record updated exactly at the last poll time is ignored or taken "
                             "(undocumented; default: ignored, the documented 'not after')")
    parser.add_argument("--at-tolerance", choices=("created", "updated"), default="created",
                        help="a created date exactly createdCheckTolerance seconds from the updated date makes a "
                             "CREATED or UPDATED event (undocumented; default: created)")
    parser.add_argument("--timestamp-unit", choices=TIMESTAMP_UNITS, default=None,
                        help="what the 'timestamp' date format reads: epoch seconds or milliseconds "
                             "(undocumented; default: s, as its users filter with ${epoch:s})")
    parser.add_argument("--strict-dates", action="store_true",
                        help="parse dates with setLenient(false) (undocumented; default: lenient, Java's default)")
    parser.add_argument("--encode-values", action="store_true", default=None,
                        help="assume the platform percent-encodes substituted values (undocumented; default: not)")
    parser.add_argument("--config", type=path_value, default=None, metavar="FILE",
                        help="configuration file (default: the nearest [tool.ce-validator]); its server-zone, "
                             "encode-values and at (the default --since) apply unless given here")
    parser.add_argument("--format", dest="output_format", choices=("text", "json"), default="text",
                        help="output format (default: text)")


def _load_poller(name: str, block: int | None, args: argparse.Namespace) -> Any:
    """The file's body, or in a Markdown page the body of the block at page line ``block`` (by default the only
    one holding a poller configuration); a syntax error's quote masked as ``args`` (its element docs) say."""
    from ..inputs import reads_as_page
    from ..simulate import resource_names
    from ..source import load_source
    from ._io import page_documents, read_source, read_text

    text = read_text(name)
    if not reads_as_page(name, text):
        if block is not None:
            raise _UsageError(f"--block {block}: {name} is not a Markdown page")
        return read_source(name, text, element_docs=args.element_docs, element=args.element)
    bodies = [(int(label[2:]), body) for label, _value, body in page_documents(name, text)]
    with_pollers = [(line, body) for line, body in bodies if resource_names(load_source(body, path=name))]
    lines = ", ".join(str(line) for line, _body in with_pollers)
    if block is not None:
        chosen = [body for line, body in bodies if line == block]
        if not chosen:
            raise _UsageError(f"--block {block}: no body of {name} starts at line {block} "
                              f"(blocks with a poller: {lines or 'none'})")
        return load_source(chosen[0], path=name)
    if len(with_pollers) > 1:
        raise _UsageError(f"{name}: {len(with_pollers)} code blocks hold a poller configuration (at lines {lines}); "
                          "choose one with --block LINE")
    return load_source(with_pollers[0][1] if with_pollers else bodies[0][1], path=name)


def _apply_config(args: argparse.Namespace) -> None:
    """The configuration file's server-zone, encode-values, timestamp-unit and at, where the command line gives
    none."""
    from pathlib import Path

    from ..config import ConfigError, ConfigResolver

    try:
        config = ConfigResolver(explicit=Path(args.config) if args.config else None).for_path(
            None if args.file == "-" else args.file).merge_cli(server_zone=args.server_zone,
                                                               encode_values=args.encode_values,
                                                               timestamp_unit=args.timestamp_unit)
    except ConfigError as exc:
        raise _UsageError(f"configuration: {exc}") from None
    args.server_zone, args.encode_values = config.server_zone, config.encode_values
    args.timestamp_unit = config.timestamp_unit
    if args.since is None and config.at is not None:
        args.since = config.at


_INT_MAX = 2_147_483_647


def _settings(args: argparse.Namespace) -> Settings:
    from ..simulate import Settings

    _apply_config(args)
    if args.interval is not None and not 0 < args.interval <= _INT_MAX:
        raise _UsageError(f"--interval {args.interval}: give a number of minutes from 1 to {_INT_MAX} (the "
                          "platform's whole numbers are Java ints)")
    if args.polls < 1 or args.polls > 10_000:
        raise _UsageError(f"--polls {args.polls}: give a number from 1 to 10000")
    return Settings(server_zone=args.server_zone, at_last_poll=args.at_last_poll, at_tolerance=args.at_tolerance,
                    timestamp_unit=args.timestamp_unit, lenient=not args.strict_dates,
                    encode_values=args.encode_values, refresh_interval=args.interval)


def _since(args: argparse.Namespace, loaded: Any, settings: Settings) -> int:
    from datetime import datetime, timedelta

    from ..dates.format import epoch_millis
    from ..simulate import refresh_interval
    from ..timeparse import parse_user_time

    if args.since is None:
        minutes = refresh_interval(loaded, settings)
        try:
            return epoch_millis(datetime.now(UTC) - timedelta(minutes=minutes))
        except OverflowError:
            raise _UsageError(f"now minus the refresh interval ({minutes} minutes) is before the year 1: give "
                              "--since") from None
    if isinstance(args.since, datetime):  # the configuration's at
        return epoch_millis(args.since)
    try:
        return epoch_millis(parse_user_time(args.since))
    except (ValueError, TypeError) as exc:
        raise _UsageError(f"--since {args.since!r}: {exc}") from None


def _records_for_docs(args: argparse.Namespace, loaded: Any) -> RecordsFor:
    from ..simulate import records_from_element_docs
    from ._io import element_docs

    key, docs = element_docs(args.element_docs, args.element, loaded.value, option="--element-docs")
    if docs is None or docs.api is None:
        raise _UsageError(f"no API docs (swagger.json) for element {key!r} in {', '.join(args.element_docs)}")
    api = docs.api

    def records_for(_name: str, entry: dict[str, Any]) -> tuple[tuple[Any, ...], str | None]:
        url = entry.get("url")
        if not isinstance(url, str):
            return (), "no url"
        dates = entry.get("datesConfiguration")
        needs = [dates.get(key) for key in ("updatedDateField", "createdDateField")] if isinstance(dates, dict) else []
        records, where = records_from_element_docs(api, url, samples=True,
                                                   needs=[path for path in needs if isinstance(path, str)])
        return records, (None if records else where)

    return records_for


def run(args: argparse.Namespace) -> int:
    from ..masking import distinctive_values, find_secrets, name_masker
    from ._io import declared_keys
    from ..simulate import (
        RecordsError,
        RecordSet,
        load_records,
        resource_names,
        simulate,
    )
    from ..source import load_source

    try:
        settings = _settings(args)
        loaded = _load_poller(args.file, args.block, args)
        names = resource_names(loaded)
        keys = declared_keys(loaded, args.element_docs, args.element)  # (its element's PASSWORD keys: secrets too)
        shown = name_masker(distinctive_values(loaded, extra_keys=keys))
        if not names:
            from ..kinds import PollerDecodeError, decode_poller, find_pollers
            from ..masking import printable

            from ._io import bodies_within

            why = "holds no poller configuration (event.poller.configuration)"
            held = [pointer for pointer, body in bodies_within(loaded.value) if find_pollers(body)]
            if held:  # (a bulk file or a Postman collection: render reads each of its bodies, simulate one body)
                why = (f"holds no poller configuration of its own, but its bodies at {', '.join(held[:3])}"
                       f"{' and more' if len(held) > 3 else ''} do: simulate reads one body; save that body to a file")
            for ref in find_pollers(loaded.value):  # (one there, as a string that is not JSON: say so, as render does)
                try:
                    decode_poller(loaded.value, ref)
                except PollerDecodeError as exc:
                    why = f"{ref.pointer}: {exc} (run `ce-validator check {args.file}`)"
                    break
            print(printable(f"ce-validator simulate: {args.file}: {why}"), file=sys.stderr)
            return EXIT_ERRORS
        if args.resource:
            unknown = [r for r in args.resource if r not in names]
            if unknown:
                raise _UsageError(f"{args.file}: no resource {', '.join(map(repr, unknown))} "
                                  f"(resources: {', '.join(map(shown, names))})")
        wanted = args.resource or names
        records_for = None
        records: RecordSet = RecordSet()
        secret_values: frozenset[str] = frozenset()
        if args.records is not None:
            if args.records == "-" and args.file == "-":
                raise _UsageError("FILE and --records cannot both be standard input")
            data = _read(args.records)
            # (the records file's own, and the poller file's: a record holding the body's password is masked too)
            secret_values = frozenset(find_secrets(load_source(data, path=args.records)).values) \
                | frozenset(find_secrets(loaded, extra_keys=keys).values)
            try:
                records = load_records(data, name=args.records, records_key=args.records_key, resources=names)
            except RecordsError as exc:
                raise _UsageError(str(exc)) from None
            if records.by_resource is None and len(wanted) > 1:
                raise _UsageError(f"{args.records}: the records are for one resource; choose it with --resource "
                                  f"(resources: {', '.join(map(shown, names))}), or key the records by resource name")
        elif args.element_docs:
            records_for = _records_for_docs(args, loaded)
            secret_values = frozenset(find_secrets(loaded, extra_keys=keys).values)  # (a skipped resource's reason quotes its URL)
        else:
            raise _UsageError("give --records RECORDS (or --element-docs DIR for the API's example values)")
        since = _since(args, loaded, settings)
        result = simulate(loaded, records, since, settings=settings, polls=args.polls, resources=wanted,
                          records_for=records_for)
    except _UsageError as exc:
        from ..masking import printable

        print(f"ce-validator simulate: error: {printable(str(exc))}", file=sys.stderr)  # (a file name's ESC: shown)
        return EXIT_USAGE
    result = _masked(result, secret_values, shown)
    if args.output_format == "json":
        from ..outputs import json_for

        output = json_for(sys.stdout, to_json(result))
    else:
        output = to_text(result)
    print(output)
    if not result.resources:
        return EXIT_ERRORS
    return EXIT_ERRORS if result.has_errors else EXIT_OK


# --------------------------------------------------------------------------- output


def _masked(result: Simulation, secret_values: frozenset[str], shown: Callable[[str], str]) -> Simulation:
    """``result`` with the records' values of fields named as secret keys (an `idField` of `access_token`, a date
    field named `password`), and those the masking finds in the records file (``secret_values``: a live key's shape,
    `sk_live_...`), replaced by the mask before anything is printed: the id column, the date problems and the notes
    quote them.  A date read as one is shown as the date it is, a secret in the text after it masked.  The URL,
    resource names and pointers are as ``shown`` gives them (a resource named `contacts?apiKey=...`; a URL holding
    the value of a key the element's definition types ``PASSWORD``)."""
    from dataclasses import replace

    from ..masking import MASK, Secrets, pasted_secrets
    from ..simulate import id_key, id_taken
    from ..vocabulary.secrets import is_secret_key

    # a token glued to a date (`...10:04:00Zghp_...`) is found in what follows the date, read on its own
    secret_values = secret_values.union(*(pasted_secrets(after).values for res in result.resources
                                          for record in res.records for date in (record.updated, record.created)
                                          if (after := _after_the_date(date)) is not None))
    found = Secrets(values=tuple(sorted(secret_values, key=len, reverse=True)))

    def scrubbed(text: str) -> str:
        return found.scrub(text) or text

    def hidden(date: DateValue | None, problem: str | None) -> tuple[DateValue | None, str | None]:
        if date is not None and date.zone and shown(date.zone) != date.zone:  # (a secret pasted as the zone)
            date = replace(date, zone=shown(date.zone))
        if date is None or not date.text:
            return date, problem
        if date.instant_ms is not None:  # (the text Java ignores after the date may hold one)
            return replace(date, text=scrubbed(date.text), note=date.note and scrubbed(date.note)), problem
        if not (is_secret_key(date.field) or date.text in secret_values or scrubbed(date.text) != date.text):
            return date, problem  # (a secret inside the date unread: `Bearer <token>` quoted whole, helper-154)
        for quoted in (repr(date.text), date.text):  # as the messages quote it
            problem = problem.replace(quoted, repr(MASK)) if problem else problem
        if problem:  # (and the piece of it a parse error says it found: `found 'Wx7Kq9'`)
            problem = _FOUND_PIECE.sub(f"found {MASK!r}", problem)
        return replace(date, text=MASK, problem=date.problem and MASK), problem

    resources = []
    for res in result.resources:
        secret_id = res.id_field is not None and is_secret_key(res.id_field)
        records = []
        shown_ids: dict[str, str] = {}  # an id as the note on ids taken twice quotes it (JSON) -> as it is shown
        for record in res.records:
            updated, problem = hidden(record.updated, record.problem)
            created, problem = hidden(record.created, problem)
            record_id = record.id
            if record_id is not None and (secret_id or str(record_id) in secret_values or not isinstance(record_id, str)
                                          and _holds_a_secret(record_id, found)):  # (an object or a list holding one)
                record_id = MASK
            elif isinstance(record_id, str):
                record_id = scrubbed(record_id)  # (a secret as a piece of it: `x-<key>`)
            if record_id != record.id:  # (JSON escapes the secret's `é` or `"`: the scrubbing would not find it)
                shown_ids[id_key(record.id)] = id_key(record_id) if record_id != MASK else MASK
            records.append(replace(record, id=record_id, updated=updated, created=created,
                                   problem=problem and scrubbed(problem),
                                   notes=tuple(scrubbed(note) for note in record.notes)))
        notes = []
        for note in res.notes:  # (the note on ids taken twice quotes the id)
            for key, shown_id in shown_ids.items():
                note = note.replace(id_taken(key), id_taken(shown_id))
            notes.append(scrubbed(note))
        resources.append(replace(res, name=shown(res.name), pointer=shown(res.pointer), records=tuple(records),
                                 url=res.url and shown(res.url),  # (a value of a key the element types PASSWORD)
                                 updated_zone=res.updated_zone and shown(res.updated_zone),  # (a secret pasted as
                                 created_zone=res.created_zone and shown(res.created_zone),  # a zone: check masks it)
                                 notes=tuple(notes)))
    return replace(result, resources=tuple(resources),  # (a reason may quote the URL: `no path matching '//u:<pw>@h/x'`)
                   skipped=tuple((shown(name), scrubbed(reason)) for name, reason in result.skipped))


# What a date parse error quotes of the text where it stopped (dates.parse: `found 'W'`, `found "it's"`)
def _after_the_date(date: DateValue | None) -> str | None:
    """What follows a record's date: the text Java ignores after the date it read, or, when it read none, what follows
    the value's date-like start; None when nothing does."""
    if date is None or not date.text:
        return None
    if date.ignored_from is not None:
        return date.text[date.ignored_from:]
    return _DATE_LIKE_START.sub("", date.text, count=1) if date.instant_ms is None else None


_DATE_LIKE_START = LazyPattern(r"[0-9TZ:.+\-/ ]{4,40}")  # (a date's digits and signs, and the token glued to them after)
_FOUND_PIECE = LazyPattern(r"found (?:'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")")


def _holds_a_secret(value: Any, found: Secrets) -> bool:
    """Whether an id holds a secret inside it: an object or a list at idField (`{"secret": "..."}`) is printed
    whole, and a text may hold one among other words (`Bearer <token>`)."""
    from ..vocabulary.secrets import is_secret_key

    if isinstance(value, dict):
        return any(is_secret_key(str(key)) or _holds_a_secret(item, found) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_a_secret(item, found) for item in value)
    return isinstance(value, str) and found.scrub(value) != value


def _iso(ms: int | None) -> str | None:
    from ..simulate import iso_instant

    return None if ms is None else iso_instant(ms)


def _local(ms: int | None, zone: str) -> str | None:
    from ..dates.pattern import format_date

    return None if ms is None else format_date("yyyy-MM-dd HH:mm:ss.SSS z", ms, zone)


def _date_json(value: DateValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"field": value.field, "format": value.format, "zone": value.zone, "value": value.text,
            "instant": _iso(value.instant_ms), "instant_ms": value.instant_ms,
            "local": _local(value.instant_ms, value.zone), "column": value.column, "note": value.note}


def to_json(result: Simulation) -> dict[str, Any]:
    """The --format json document (documented in the module docstring)."""
    from ..simulate import EVENTS

    resources = []
    for res in result.resources:
        resources.append({
            "name": res.name, "pointer": res.pointer, "since": _iso(res.since_ms),
            "compared_since": _iso(res.compared_ms), "url": res.url, "poll_delay": res.poll_delay,
            "refresh_interval": res.refresh_interval, "tolerance": res.tolerance_s,
            "updated_zone": res.updated_zone, "created_zone": res.created_zone, "problem": res.problem,
            "counts": {event: res.count(event) for event in EVENTS},
            "records": [{"index": r.index, "id": r.id, "updated": _date_json(r.updated),
                         "created": _date_json(r.created), "event": r.event, "problem": r.problem,
                         "notes": list(r.notes), "polls": list(r.polls)} for r in res.records],
            "windows": [{"index": w.index, "since": _iso(w.since_ms), "until": _iso(w.until_ms),
                         "records": list(w.taken)} for w in res.windows],
            "notes": list(res.notes), "assumptions": list(res.assumptions),
        })
    return {"since": _iso(result.since_ms), "resources": resources,
            "skipped": [{"name": name, "reason": reason} for name, reason in result.skipped]}


def _relative(ms: int, reference: int, what: str, exact_below: int = 60_000) -> str:
    """'2 hours before the last poll', exact below ``exact_below`` ms (the edges matter there: a minute for the last
    poll, a day for the created date: createdCheckTolerance may be minutes, a zone shifts it hours)."""
    import pendulum

    from ..simulate import exact_duration

    delta = ms - reference
    if delta == 0:
        return f"exactly at {what}"
    side = "after" if delta > 0 else "before"
    size = abs(delta)
    if size < exact_below:
        amount = f"{size} ms" if size < 1000 else exact_duration(size)
        return f"{amount} {side} {what}"
    try:
        moment = pendulum.from_timestamp(ms / 1000)
        words = moment.diff_for_humans(pendulum.from_timestamp(reference / 1000), absolute=True)
    except (ValueError, OverflowError):  # beyond Python's years 1-9999 (an epoch value in the wrong unit)
        words = f"{size // 31_556_952_000:,} years"
    return f"{words} {side} {what}"


def _detail(res: ResourceSimulation, record: RecordOutcome) -> str:
    if record.event == "error":
        return record.problem or ""
    assert record.updated is not None and record.updated.instant_ms is not None
    reference = "the last poll minus pollDelay" if res.poll_delay else "the last poll"
    detail = _relative(record.updated.instant_ms, res.compared_ms, reference)
    created = record.created
    if record.event in ("created", "updated") and created is not None and created.instant_ms is not None:
        gap = _relative(created.instant_ms, record.updated.instant_ms, "updated", 86_400_000).replace("exactly at", "at")
        detail += f"; created {gap}"
        if record.event == "created" and res.tolerance_s:
            detail += f" (tolerance {res.tolerance_s} s)"
    return detail


def _show_id(value: Any) -> str:
    import json

    if value is None:
        return "-"
    if isinstance(value, str) and value.isprintable() and value.strip() == value and value:
        return value
    return json.dumps(value, ensure_ascii=False)  # quoted: spaces, control characters and escapes show


def _table(rows: list[list[str]]) -> list[str]:
    from ..masking import printable
    from ..reporters.text import cells

    rows = [[printable(cell) for cell in row] for row in rows]  # (escaped before the columns are measured)
    widths = [max(cells(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]  # (a wide character takes 2)
    return ["  " + "  ".join(cell + " " * (width - cells(cell)) for cell, width in zip(row, widths)) + "  " + row[-1]
            for row in rows]


def _resource_text(res: ResourceSimulation) -> list[str]:
    out = [f"{res.name or res.pointer or 'poller entry'}"]
    if res.url is not None:
        out.append(f"  url        {res.url}")
    last = f"  last poll  {_iso(res.since_ms)}"
    if res.poll_delay:
        last += f", compared with {_iso(res.compared_ms)} (pollDelay {res.poll_delay} s)"
    out.append(last)
    if res.problem:
        out.append(f"  error      {res.problem}")
        return out
    zone = res.updated_zone or "GMT"
    out.append(f"  dates      updated in {zone}, created in {res.created_zone or '-'}, createdCheckTolerance "
               f"{res.tolerance_s} s, refresh interval {res.refresh_interval} min")
    if not res.records:
        out.append("  no records")
    else:
        header = ["#", "id", f"updated ({zone})", "updated (UTC)", "event"]
        if res.windows:
            header.append("polls")
        header.append("detail")
        rows = [header]
        for record in res.records:
            ms = record.updated.instant_ms if record.updated else None
            row = [str(record.index), _show_id(record.id), _local(ms, zone) or "-", _iso(ms) or "-",
                   record.event.upper() if record.event in ("created", "updated") else record.event]
            if res.windows:
                row.append(",".join(map(str, record.polls)) or "-")
            row.append(_detail(res, record))
            rows.append(row)
        out.extend(_table(rows))
        for record in res.records:
            for note in record.notes:
                out.append(f"  note #{record.index}: {note}")
    for window in res.windows:
        taken = ", ".join(map(str, window.taken)) or "none"
        label = f"poll {window.index}"
        opening = "[" if window.since_taken else "("
        out.append(f"  {label:<10} {opening}{_iso(window.since_ms)}, {_iso(window.until_ms)}] takes {taken}")
    for note in res.notes:
        out.append(f"  note       {note}")
    counts = ", ".join(f"{res.count(e)} {e}" for e in ("created", "updated", "ignored", "error"))
    out.append(f"  summary    {counts}")
    for assumption in res.assumptions:
        out.append(f"  assumes    {assumption}")
    return out


def to_text(result: Simulation) -> str:
    """The text output: a table per resource."""
    out = [f"last poll time (--since): {_iso(result.since_ms)}"]
    for res in result.resources:
        out.append("")
        out.extend(_resource_text(res))
    for name, reason in result.skipped:
        out.append("")
        out.append(f"{name}: skipped ({reason})")
    from ..masking import printable

    return "\n".join(map(printable, out))  # (no record's or file's text steers the terminal)
