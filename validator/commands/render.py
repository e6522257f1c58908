"""Show the request URL each poller resource sends for a sample last poll time.

FILE is an instance body, a configuration object or a bare poller configuration (also
when event.poller.configuration is a JSON string), or - for standard input; or a Markdown
page (.md, .markdown, .mdx), whose code blocks holding valid bodies are rendered in turn (pointers
start with /L<line>, the line of the block).  Every
resource's url is rendered with its macros replaced by the last poll time (--at, minus
the entry's pollDelay seconds); the ${now...} macros print --now (default: --at plus
the refresh interval).  Text output shows, per resource, the template, the URL the
platform builds and the percent-encoded URL an HTTP client sends, with '^' under the
substituted parts, then the URL's problems (its macros' date patterns too; of one rule, the first 50, as check
shows them, and a note counting the rest) and the undocumented behaviours
assumed.

--format json prints one object (keys sorted, 2-space indent):
  {"at": ISO, "at_ms": int, "now": ISO|null, "server_zone": str, "encode_values": bool,
   "resources": [{"name", "pointer", "template", "url", "request_url", "last_poll", "last_poll_ms",
                  "now_ms", "poll_delay", "refresh_interval",
                  "substitutions": [{"macro", "kind", "value", "instant_ms", "zone",
                                     "template_span", "url_span", "request_span"}],
                  "problems": [{"rule", "severity", "message", "start", "end", "fix"}],
                  "assumptions": [str]}],
   "skipped": [{"name", "pointer", "reason"}]}
Spans are [start, end) offsets (0-based, code points) into the string they name.

Exit status: 0 when at least one resource was rendered, 1 when the file holds no poller
resource with a url, 2 on a usage or I/O error (unreadable file, not JSON, bad --at).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from datetime import datetime

    from ..findings import Problem, Severity
    from ..masking import Secrets
    from ..urls.render import RenderedUrl

from ..arguments import path_value
from ..inputs import reads_as_page
from ._io import UsageError as _UsageError
from ._io import bodies_within, declared_keys, element_docs, page_documents, read_source, read_text

EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?", default=None,
                        help="a JSON file, or - for standard input (optional with --default --element KEY)")
    parser.add_argument("--at", default=None, metavar="TIME",
                        help="the last poll time: ISO 8601, 'now', or a duration back from now such as -15m "
                             "(write --at=-15m or --at '15m ago'; default: now)")
    parser.add_argument("--now", dest="now_time", default=None, metavar="TIME",
                        help="the time the ${now...} macros print (default: --at plus the refresh interval)")
    parser.add_argument("--resource", action="append", default=None, metavar="NAME",
                        help="render only this resource (repeatable)")
    parser.add_argument("--server-zone", default=None, metavar="ID",
                        help="the zone of ${date:...} and ${now:...} (undocumented; default GMT)")
    parser.add_argument("--encode-values", action="store_true", default=None,
                        help="assume the platform percent-encodes substituted values (undocumented; default: not)")
    parser.add_argument("--format", dest="output_format", choices=("text", "json"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--element-docs", type=path_value, action="append", default=None, metavar="DIR",
                        help="folder of <key>/element.json exported from your account (for --default)")
    parser.add_argument("--element", default=None, metavar="KEY",
                        help="the element whose default poller --default renders (default: FILE's element.key)")
    parser.add_argument("--config", type=path_value, default=None, metavar="FILE",
                        help="configuration file (default: the nearest [tool.ce-validator]); its server-zone, "
                             "encode-values and at apply unless given here")
    parser.add_argument("--default", action="store_true",
                        help="render the element's default poller (from its definition) instead of FILE's")


def _time(text: str, option: str, now: datetime | None = None) -> datetime:
    try:
        from ..timeparse import parse_user_time
    except ImportError as exc:  # a broken installation, not the user's input
        raise _UsageError(f"{option}: cannot read times ({exc})") from None
    try:
        return parse_user_time(text, now=now)
    except (ValueError, TypeError) as exc:
        raise _UsageError(f"{option} {text!r}: {exc}") from None


def _iso(ms: int) -> str:
    from ..dates.format import iso_millis

    return iso_millis(ms)


def _refresh_interval(document: Any, pointer: str) -> int:
    """``event.poller.refresh_interval`` of the configuration holding the poller, else 15 minutes."""
    from ..kinds import refresh_minutes, resolve_pointer

    return refresh_minutes(resolve_pointer(document, pointer.rsplit("/", 1)[0]) if pointer else None)


class _Skipped(TypedDict):
    """A poller resource render leaves out, and why (the JSON output's ``skipped`` rows)."""

    name: str
    pointer: str
    reason: str


def _entries(document: Any, label: str = "") -> tuple[list[tuple[str, str, dict[str, Any], int]], list[_Skipped]]:
    """(name, pointer, entry, refresh interval) of every poller resource, and the skipped ones.

    ``label`` prefixes every pointer: the block of a Markdown page (``/L75``, see validator.pages).
    """
    from ..kinds import PollerDecodeError, PollerRef, decode_poller, poller_entries

    found: list[tuple[str, str, dict[str, Any], int]] = []
    skipped: list[_Skipped] = []

    def decode(value: Any, ref: PollerRef) -> Any:
        try:
            return decode_poller(value, ref)
        except PollerDecodeError as exc:
            skipped.append({"name": "", "pointer": label + ref.pointer, "reason": str(exc)})
            return None

    for entry in poller_entries(document, decode=decode):
        name = entry.name or "(the poller entry)"
        if not isinstance(entry.value, dict):
            skipped.append({"name": name, "pointer": label + entry.pointer, "reason": "not an object"})
        elif not isinstance(entry.value.get("url"), str) or not entry.value["url"]:
            skipped.append({"name": name, "pointer": label + entry.pointer, "reason": "no url"})
        else:
            found.append((name, label + entry.pointer, entry.value,
                          _refresh_interval(document, entry.ref.pointer)))
    return found, skipped


def _problems(rendered: RenderedUrl, entry: dict[str, Any], args: argparse.Namespace) -> list[tuple[Problem, Severity]]:
    """The template's problems with their severities, as `check` reports them: the URL's own and its macros' date
    patterns' (a `hh` with no `a`, which the rendered URL shows in the morning); CE617 and the rules off unless
    selected are not asked for here."""
    from ..rules import opt_in_codes, rule_for
    from ..rules.dates import macro_pattern_problems
    from ..rules.urls import url_problems
    from ..urls.template import parse_url_template

    dates = entry.get("datesConfiguration")
    problems = url_problems(rendered.template, facts=rendered.facts, encode_values=bool(args.encode_values))
    problems += macro_pattern_problems(parse_url_template(rendered.template, server_zone=args.server_zone),
                                       server_zone=args.server_zone, dates=dates if isinstance(dates, dict) else None)
    problems.sort(key=lambda p: (p.start, p.end, p.rule))
    return _capped([(p, p.severity or rule_for(p.rule).severity) for p in problems if p.rule not in opt_in_codes()])


def _capped(problems: list[tuple[Problem, Severity]]) -> list[tuple[Problem, Severity]]:
    """At most as many problems of one rule as `check` shows at one place, then a note counting the rest (a
    filter of 20,000 `=` has 10,000 CE621s)."""
    from dataclasses import replace

    from ..engine import MAX_PER_PLACE, not_shown

    counts: dict[str, int] = {}
    kept: list[tuple[Problem, Severity]] = []
    for problem, severity in problems:
        counts[problem.rule] = counts.get(problem.rule, 0) + 1
        if counts[problem.rule] <= MAX_PER_PLACE:
            kept.append((problem, severity))
    for rule, count in counts.items():
        if count > MAX_PER_PLACE:
            at = max(i for i, (problem, _severity) in enumerate(kept) if problem.rule == rule)
            note = replace(kept[at][0], message=not_shown(rule, count), help=None, fix=None, severity="info")
            kept.insert(at + 1, (note, "info"))
    return kept


def _render(entry: dict[str, Any], interval: int, at: datetime | int, now: datetime | None,
            args: argparse.Namespace) -> tuple[RenderedUrl, int]:
    from ..urls.render import render_url

    from ..kinds import not_whole_setting, too_big_for_java, whole_setting

    raw = entry.get("pollDelay")
    delay = whole_setting(raw) or 0  # (as simulate and the hover read it)
    too_big = too_big_for_java("pollDelay", raw)
    if too_big is not None:
        raise _Unreadable(f"{too_big}: the platform cannot read it")
    dates = entry.get("datesConfiguration")
    date_format = dates.get("updatedDateFormat") if isinstance(dates, dict) else None
    rendered = render_url(entry["url"], at, now=now, server_zone=args.server_zone, poll_delay=delay,
                          refresh_interval=interval, encode_values=args.encode_values,
                          date_format=date_format if isinstance(date_format, str) else None)
    unread = not_whole_setting("pollDelay", raw)
    if unread is not None:  # (check reports it, CE102; render must not look as if it had applied it)
        rendered.assumptions.insert(0, f"{unread}: rendered with no delay (what the platform does with it is "
                                       "undocumented)")
    return rendered, delay


class _Unreadable(ValueError):
    """A resource the platform cannot read, so there is nothing to render (the message says why)."""


def _printable_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with its control and bidirectional characters escaped (:func:`validator.masking.printable`: no
    file's text steers the terminal), and ``spans`` moved to where their characters are shown."""
    from ..masking import printable

    if text.isprintable():
        return text, spans
    shown = [printable(c) for c in text]
    at = [0]
    for piece in shown:
        at.append(at[-1] + len(piece))
    return "".join(shown), [(at[min(start, len(text))], at[min(end, len(text))]) for start, end in spans]


def _marks(shown: str, spans: list[tuple[int, int]]) -> str:
    """Carets under ``spans`` (code points of ``shown``), counted in terminal cells as `check`'s underline is (a wide
    character takes two)."""
    from ..reporters.text import cells

    length = cells(shown)
    line = [" "] * length
    for start, end in spans:
        for i in range(cells(shown[:start]), cells(shown[:max(end, start + 1)])):
            if i < length:
                line[i] = "^"
    return "".join(line).rstrip()


def _secrets(rendered: RenderedUrl, document_values: tuple[str, ...] = ()) -> list[Secrets]:
    """Credentials in the rendered URLs (``?apiKey=``, ``//user:password@``): masked in every line render prints,
    also where encoding hid what marks them (``#apiKey=`` sent as ``%23apiKey=``)."""
    from ..masking import Secrets, secrets_alike, url_secrets
    from ..urls.render import request_forms

    lines = (rendered.template, rendered.url, rendered.request_url)
    found = [url_secrets(u) for u in lines]
    if document_values:  # a value of the file's secret keys written into a URL too (`where=pw='<it>'`)
        found.append(Secrets(values=document_values))
    return secrets_alike(lines, found, encoded=request_forms)[:3]


def _scrub(text: str, secrets: list[Secrets]) -> str:
    for found in secrets:
        text = found.scrub(text) or text
    return text


def _text_block(name: str, rendered: RenderedUrl, delay: int, problems: list[tuple[Problem, Severity]],
                document_values: tuple[str, ...] = ()) -> list[str]:
    from ..masking import printable

    pad = " " * 12
    lines = [printable(name)]
    secrets = _secrets(rendered, document_values)
    rows = (("template", secrets[0].mask(rendered.template),
             [(s.template_start, s.template_end) for s in rendered.substitutions]),
            ("url", secrets[1].mask(rendered.url), [(s.url_start, s.url_end) for s in rendered.substitutions]),
            ("request", secrets[2].mask(rendered.request_url),
             [(s.request_start, s.request_end) for s in rendered.substitutions]))
    for label, value, spans in rows:
        shown, spans = _printable_spans(value, spans)
        lines.append(f"  {label:<9} {shown}")
        marks = _marks(shown, spans)
        if marks:
            lines.append(pad + marks)
    last = f"  last poll {_iso(rendered.last_poll_ms)}"
    if delay:
        last += f" (--at minus pollDelay {delay} s)"
    lines.append(last)
    if any(s.macro.uses_now for s in rendered.substitutions):
        lines.append(f"  now       {_iso(rendered.now_ms)}")
    for problem, severity in problems:
        lines.append(f"  {problem.rule} {severity} at column {problem.start + 1}: "
                     f"{printable(_scrub(problem.message, secrets))}")
    for assumption in rendered.assumptions:  # (one may quote a macro: a secret pasted as its format)
        lines.append(f"  assumes   {printable(_scrub(assumption, secrets))}")
    return lines


def _json_resource(name: str, pointer: str, rendered: RenderedUrl, delay: int, interval: int,
                   problems: list[tuple[Problem, Severity]], document_values: tuple[str, ...] = ()) -> dict[str, Any]:
    secrets = _secrets(rendered, document_values)
    return {
        "name": name,
        "pointer": pointer,
        "template": secrets[0].mask(rendered.template),
        "url": secrets[1].mask(rendered.url),
        "request_url": secrets[2].mask(rendered.request_url),
        "last_poll": _iso(rendered.last_poll_ms),
        "last_poll_ms": rendered.last_poll_ms,
        "now_ms": rendered.now_ms,
        "poll_delay": delay,
        "refresh_interval": interval,
        "substitutions": [
            {"macro": _scrub(s.macro.text, secrets), "kind": s.macro.kind, "value": _scrub(s.value, secrets),
             "instant_ms": s.instant_ms,
             "zone": s.zone, "template_span": [s.template_start, s.template_end],
             "url_span": [s.url_start, s.url_end], "request_span": [s.request_start, s.request_end]}
            for s in rendered.substitutions
        ],
        "problems": [
            {"rule": p.rule, "severity": severity, "message": _scrub(p.message, secrets), "start": p.start,
             "end": p.end, "fix": _scrub(p.help or "", secrets) or None}
            for p, severity in problems
        ],
        "assumptions": [_scrub(assumption, secrets) for assumption in rendered.assumptions],
    }


def _apply_config(args: argparse.Namespace) -> None:
    """Fill the options not given on the command line from the configuration file, then the defaults."""
    from pathlib import Path

    from ..config import ConfigError, ConfigResolver

    try:
        config = ConfigResolver(explicit=Path(args.config) if args.config else None).for_path(
            None if args.file in (None, "-") else args.file)
    except ConfigError as exc:
        raise _UsageError(f"configuration: {exc}") from None
    args.zone_origin = "command line: --server-zone"  # (where an unknown zone is said to be written)
    if args.server_zone is None:
        args.server_zone = config.server_zone
        if config.path is not None:
            from ..config import option_location

            args.zone_origin = f"{option_location(config.path, 'server-zone')}: server-zone"
    if args.encode_values is None:
        args.encode_values = config.encode_values
    if args.at is None:
        args.at = config.at if config.at is not None else "now"


_PAGE_BLOCK = re.compile(r"L\d+")  # the first token of a page block's pointers (`/L75/configuration/...`)


def _default_poller(args: argparse.Namespace, document: Any) -> dict[str, Any]:
    """The element's default poller configuration, from its definition in --element-docs."""
    if not args.element_docs:
        raise _UsageError("--default needs --element-docs DIR")
    key, docs = element_docs(args.element_docs, args.element, document, option="--default")
    default = docs.definition.default_poller_value() if docs and docs.definition else None
    if docs is None:  # (it said the element had no default poller, as if it were there)
        raise _UsageError(f"no element {key!r} in {', '.join(args.element_docs)} (no {key}/element.json there)")
    if default is None:
        raise _UsageError(f"element {key!r} has no default poller in {', '.join(args.element_docs)}")
    args.element = key
    return default


def run(args: argparse.Namespace) -> int:
    try:
        document = None
        for folder in args.element_docs or ():  # as `check` says: a mistyped folder must not pass unnoticed
            if not os.path.isdir(folder):
                raise _UsageError(f"{folder}: not a directory of element docs")
        documents: list[tuple[str, Any]] = []
        source = None  # the file, read and loaded once (standard input cannot be read again), its secrets masked
        if args.file is not None:
            text = read_text(args.file)
            if reads_as_page(args.file, text):
                documents = [(label, value) for label, value, _text in page_documents(args.file, text)]
                document = documents[0][1]
                from ..source import load_source

                source = load_source(text, path=args.file)
            else:
                source = read_source(args.file, text, element_docs=args.element_docs, element=args.element)
                document = source.value
                documents = bodies_within(document)
        elif not args.default:
            raise _UsageError("give FILE, or --default with --element-docs DIR --element KEY")
        if args.default:
            document = _default_poller(args, document)
            args.file = args.file or f"the {args.element or 'element'} default poller"
        _apply_config(args)
        from ..dates.zones import unknown_zone_warning

        warning = unknown_zone_warning(args.server_zone)
        if warning:  # (${date:...} and ${now:...} are then formatted in GMT)
            print(f"ce-validator render: warning: {args.zone_origin}: {warning}", file=sys.stderr)
        at = args.at if not isinstance(args.at, str) else _time(args.at, "--at")
        now = _time(args.now_time, "--now") if args.now_time is not None else None
        found: list[tuple[str, str, dict[str, Any], int]] = []
        skipped: list[_Skipped] = []
        for label, each in documents if documents and not args.default else [("", document)]:
            more_found, more_skipped = _entries(each, label)
            found.extend(more_found)
            skipped.extend(more_skipped)
        from ..masking import distinctive_values, name_masker, printable

        document_values = distinctive_values(source, extra_keys=declared_keys(source, args.element_docs, args.element)) \
            if source is not None else ()

        shown = name_masker(document_values)
        if args.resource:
            names = {name for name, *_ in found} | {s["name"] for s in skipped}
            unknown = [r for r in args.resource if r not in names]
            if unknown:
                known = ", ".join(sorted(map(shown, names))) or "none"
                raise _UsageError(f"{args.file}: no resource {', '.join(map(repr, unknown))} (resources: {known})")
            found = [f for f in found if f[0] in args.resource]
            skipped = [s for s in skipped if s["name"] in args.resource]
    except _UsageError as exc:
        from ..masking import printable

        print(f"ce-validator render: error: {printable(str(exc))}", file=sys.stderr)  # (a file name's ESC: shown)
        return EXIT_USAGE
    skipped = [_Skipped(name=shown(s["name"]), pointer=shown(s["pointer"]), reason=s["reason"]) for s in skipped]
    if not found:
        reasons = "; ".join(f"{s['name'] or s['pointer']}: {s['reason']}" for s in skipped)
        detail = f" ({reasons})" if reasons else ""
        print(printable(f"ce-validator render: {args.file}: no poller resource with a url to render{detail}"),
              file=sys.stderr)
        return EXIT_NONE
    from ..dates.format import epoch_millis

    at_ms = epoch_millis(at)
    results = []
    for name, pointer, entry, interval in found:
        try:
            rendered, delay = _render(entry, interval, at, now, args)
            _iso(rendered.last_poll_ms)  # a time that can be shown (years 1 to 9999)
        except _Unreadable as exc:
            skipped.append({"name": shown(name), "pointer": shown(pointer), "reason": str(exc)})
            continue
        except (OverflowError, ValueError):  # a pollDelay that moves the time beyond year 9999
            skipped.append({"name": shown(name), "pointer": shown(pointer), "reason": "pollDelay moves the last poll time "
                            "beyond the years 1 to 9999"})
            continue
        try:
            if any(s.macro.uses_now for s in rendered.substitutions):
                _iso(rendered.now_ms)
        except (OverflowError, ValueError):  # --at plus the refresh interval, past year 9999
            skipped.append({"name": shown(name), "pointer": shown(pointer), "reason": "the time ${now...} prints (--at plus the "
                            "refresh interval, or --now) is beyond the years 1 to 9999"})
            continue
        results.append((name, pointer, rendered, delay, interval, _problems(rendered, entry, args)))
    if not results:
        reasons = "; ".join(f"{s['name'] or s['pointer']}: {s['reason']}" for s in skipped)
        print(printable(f"ce-validator render: {args.file}: nothing to render ({reasons})"), file=sys.stderr)
        return EXIT_NONE
    if args.output_format == "json":
        payload = {
            "at": _iso(at_ms),
            "at_ms": at_ms,
            "now": _iso(epoch_millis(now)) if now is not None else None,
            "server_zone": args.server_zone,
            "encode_values": bool(args.encode_values),
            "resources": [_json_resource(shown(n), shown(p), r, d, i, problems, document_values)
                          for n, p, r, d, i, problems in results],
            "skipped": skipped,
        }
        from ..outputs import json_for

        print(json_for(sys.stdout, payload))
        return EXIT_OK
    out = [f"last poll time (--at): {_iso(at_ms)}"]
    for name, pointer, rendered, delay, _interval, problems in results:
        out.append("")
        block = pointer.split("/")[1] if documents else ""
        title = shown(name) if not documents else f"{shown(name)} (code block at line {block[1:]})" \
            if _PAGE_BLOCK.fullmatch(block) else f"{shown(name)} (in the body at {shown(pointer.split('/configuration', 1)[0] or pointer)})"
        out.extend(_text_block(title, rendered, delay, problems, document_values))
    for item in skipped:
        out.append("")
        out.append(printable(f"{item['name'] or item['pointer']}: skipped ({item['reason']})"))
    print("\n".join(out))
    return EXIT_OK
