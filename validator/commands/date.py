"""Format a SimpleDateFormat pattern for one instant and explain it field by field.

PATTERN is formatted exactly as Java's new SimpleDateFormat(PATTERN, Locale.US) with
setTimeZone(TimeZone.getTimeZone(ID)) would, then read token by token, with the
pitfalls it holds.  --at takes ISO 8601 (2024-01-05T10:00Z), now, a duration back from
now (--at=-15m, --at=-2h, --at "1d ago") or epoch milliseconds.  --parse TEXT also checks a value
the way Java parses it (strict unless --lenient; trailing text is reported).
Exit status: 0 on success, 1 for an invalid pattern or a value that does not parse,
2 for a bad --at or other usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover
    from typing import Required, TypedDict

    class _FieldRow(TypedDict):
        """One token in the output: ``fields`` of ``--format json``."""

        text: str
        column: int
        kind: str
        meaning: str
        value: str

    class _ParseRow(TypedDict, total=False):
        """The ``--parse`` result: ``column``/``reason`` when it fails, the rest when it parses."""

        text: Required[str]
        ok: Required[bool]
        column: int
        reason: str
        instant: int
        stopped_at: int
        zone_after: str
        rest: str
        iso: str


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pattern", metavar="PATTERN", help="a java.text.SimpleDateFormat pattern")
    parser.add_argument("--at", default="now", metavar="TIME",
                        help="the instant to format (default: now): ISO 8601, now, --at=-15m, '2h ago', epoch ms")
    parser.add_argument("--zone", default="GMT", metavar="ID", help="Java time zone id (default: GMT): America/New_York, PST, GMT-08:00 (Java knows no bare -8:00)")
    parser.add_argument("--parse", default=None, metavar="TEXT", help="also parse TEXT with the pattern, as Java")
    parser.add_argument("--lenient", action="store_true", help="parse leniently (Java's default for parse)")
    parser.add_argument("--format", dest="output_format", choices=("text", "json"), default="text",
                        help="output format (default: text)")


def _iso(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _visible(source: str) -> str:
    """A token's source as shown in a column: whitespace is quoted so it can be seen."""
    return json.dumps(source, ensure_ascii=False) if not source.strip() or source != source.strip() else source


def _caret_line(pattern: str, column: int, length: int) -> str:
    prefix = "".join(c if c == "\t" else " " for c in pattern[:column - 1])
    return prefix + "^" * max(1, length)


_SPECIAL_TOKENS = {
    "milliseconds": "`milliseconds` is not a SimpleDateFormat pattern but Cloud Elements' special "
                    "updatedDateFormat/createdDateFormat token: the record's date is epoch milliseconds",
    "timestamp": "`timestamp` is not a SimpleDateFormat pattern but an undocumented Cloud Elements token "
                 "(seen 14 times; its meaning is not documented)",
}


def run(args: argparse.Namespace) -> int:
    from ..dates.analysis import analyze, explain
    from ..dates.parse import DateParseError, epoch_ms, parse_position
    from ..dates.pattern import compile_pattern
    from ..dates.tokens import PatternError
    from ..dates.zones import resolve_zone, unknown_zone_warning
    from ..timeparse import parse_user_time

    out: TextIO = sys.stdout
    err: TextIO = sys.stderr
    json_output = args.output_format == "json"
    pattern_text: str = args.pattern
    try:
        pattern = compile_pattern(pattern_text)
    except PatternError as error:
        if json_output:
            json.dump({"pattern": pattern_text, "error": {"message": error.message, "column": error.column}}, out,
                      indent=2)
            out.write("\n")
        else:
            err.write(f"ce-validator date: error: invalid pattern: {error.message} (column {error.column})\n")
            carets = error.length if error.message.startswith("invalid ISO 8601") else 1
            err.write(f"  {pattern_text}\n  {_caret_line(pattern_text, error.column, carets)}\n")
            if pattern_text.strip() in _SPECIAL_TOKENS:
                err.write(f"  note: {_SPECIAL_TOKENS[pattern_text.strip()]}\n")
        return 1
    try:
        at = parse_user_time(args.at)
    except ValueError as error:
        err.write(f"ce-validator date: error: --at: {error}\n")
        return 2

    resolution = resolve_zone(args.zone)
    warning = unknown_zone_warning(args.zone)
    if warning:
        err.write(f"ce-validator date: warning: {warning}\n")
    millis = epoch_ms(at)
    formatted = pattern.format(millis, args.zone)
    facts = analyze(pattern)
    fields: list[_FieldRow] = []
    literal_at = {token.start: token.text for token in pattern.tokens}
    for explanation in explain(pattern):
        if explanation.kind == "field":
            value = compile_pattern(explanation.text).format(millis, args.zone)
        else:
            value = literal_at[explanation.start]
        fields.append({"text": explanation.text, "column": explanation.start + 1, "kind": explanation.kind,
                       "meaning": explanation.meaning, "value": value})
    pitfalls = [{"code": p.code, "column": p.column, "end_column": p.end + 1, "message": p.message}
                for p in facts.pitfalls]

    parsed: _ParseRow | None = None
    exit_code = 0
    if args.parse is not None:
        # the value as it is shown: a credential pasted with it masked (`2024-01-05?access_token=...`, a record's
        # `Bearer ...` copied whole, a log line's `token=...`), the same length, so the columns and the caret stay right
        from ..masking import pasted_secrets

        secrets = pasted_secrets(args.parse)
        shown_text = str(secrets.mask(args.parse))
        try:
            result = parse_position(pattern, args.parse, args.zone, lenient=args.lenient)
        except DateParseError as error:
            parsed = {"text": shown_text, "ok": False, "column": error.column,
                      "reason": secrets.scrub(error.reason) or error.reason}
            exit_code = 1
        else:
            parsed = {"text": shown_text, "ok": True, "instant": result.instant_ms, "stopped_at": result.index + 1,
                      "zone_after": result.zone_id, "rest": shown_text[result.index:]}
            if -62135596800000 <= result.instant_ms <= 253402300799999:
                parsed["iso"] = _iso(datetime.fromtimestamp(result.instant_ms / 1000, timezone.utc))

    if json_output:
        document = {
            "pattern": pattern_text,
            "at": _iso(at),
            "at_ms": millis,
            "zone": {"requested": resolution.requested, "id": resolution.id, "known": resolution.known},
            "formatted": formatted,
            "fields": fields,
            "pitfalls": pitfalls,
        }
        if parsed is not None:
            document["parse"] = parsed
        from ..outputs import json_for

        out.write(json_for(out, document, sort_keys=False))
        out.write("\n")
        return exit_code

    out.write(f"{formatted}\n\n")
    zone_note = "" if resolution.id == args.zone else f" (Java uses {resolution.id})"
    out.write(f"pattern  {pattern_text}\nat       {_iso(at)} ({millis} ms)\nzone     {args.zone}{zone_note}\n")
    if fields:
        out.write("\nfields\n")
        text_width = max(len(_visible(f["text"])) for f in fields)
        value_width = max((len(f["value"]) for f in fields if f["kind"] == "field"), default=0)
        for f in fields:
            shown_value = f["value"] if f["kind"] == "field" else ""
            out.write(f"  {_visible(f['text']):<{text_width}}  {shown_value:<{value_width}}  {f['meaning']}\n")
    if pitfalls:
        out.write("\npitfalls\n")
        for p in pitfalls:
            out.write(f"  column {p['column']}: {p['message']}\n")
    if parsed is not None:
        out.write("\nparse\n")
        if parsed["ok"]:
            shown = parsed.get("iso", f"{parsed['instant']} ms")
            read = f"stops before column {parsed['stopped_at']}" if parsed["rest"] else "reads it whole"
            out.write(f"  {parsed['text']!r} -> {shown} (Java {read})\n")
            if parsed["rest"]:
                out.write(f"  note: Java ignores the rest, {parsed['rest']!r}\n")
            if parsed["zone_after"] != resolution.id:
                out.write(f"  note: the text named a zone; the formatter now uses {parsed['zone_after']}\n")
        else:
            out.write(f"  {parsed['text']!r} does not parse: {parsed['reason']}\n")
            out.write(f"  {parsed['text']}\n  {_caret_line(parsed['text'], parsed['column'], 1)}\n")
    return exit_code
