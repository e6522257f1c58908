"""Hovers: what a macro renders, what a date pattern prints, which zone Java uses, what a finding means.

* on a macro of a poller URL (``${gmtDate:...}``, ``${date:...}``, ``${dateTimeZone:ZONE:...}``,
  ``${epoch}``, ...): the value the platform substitutes for a last poll time of now and of a sample
  time (the configuration's ``at``, else :data:`SAMPLE`), the zone it is formatted in, the
  assumptions made, and the pattern read field by field; rendered by ``urls/render.py`` exactly as
  ``ce-validator render`` renders it;
* on a ``datesConfiguration`` format or zone: the same for the record dates the poller reads;
* on a finding: the rule's name, summary and documentation (``ce-validator explain``).

Only poller URLs and ``datesConfiguration`` values are ever shown, never another value of the
document, so a hover cannot reveal a secret.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..dates.pattern import DatePattern
    from ..engine import Context, Entry
    from ..findings import Finding
    from ..urls.template import Macro
    from .checking import Checked

__all__ = ["SAMPLE", "Target", "hover_markdown", "target_at"]

#: The sample last-poll time when the configuration sets no ``at``: a daylight-saving change in the US.
SAMPLE = datetime(2024, 3, 10, 9, 30, tzinfo=UTC)

_FORMAT_KEYS = {"updatedDateFormat": "updatedDateTimezone", "createdDateFormat": "createdDateTimezone"}
_ZONE_KEYS = frozenset(_FORMAT_KEYS.values())


@dataclass(frozen=True, slots=True)
class Target:
    """What the cursor is on: a macro of a URL, a date format or a zone, with its file span."""

    kind: str  # "macro" | "format" | "zone"
    start: int
    end: int
    entry: Entry
    macro: Macro | None = None
    url: str = ""
    text: str = ""  # the format or zone as written
    zone: str | None = None  # a format's zone (its sibling *Timezone key)


def _context(checked: Checked) -> Context | None:
    from ..engine import Context, readable
    from ..kinds import detect_kind, find_pollers
    from ..options import Options

    source = checked.source and readable(checked.source)  # (a body being typed: `"a": 1,` before its next key)
    if source is None or not isinstance(source.value, dict):
        return None
    kind = detect_kind(source.value)
    if kind is None:
        return None
    ctx = Context(source=source, value=source.value, kind=kind, options=checked.options or Options())
    for ref in find_pollers(source.value, kind):
        try:
            ctx.pollers.append((ref, source.embedded(ref.pointer) if ref.stringified else source))
        except (KeyError, ValueError):
            continue
    return ctx


def target_at(checked: Checked, offset: int) -> tuple[Context, Target] | None:
    """The macro, date format or zone at code-point ``offset`` of the file, or None."""
    from ..urls.template import parse_url_template

    ctx = _context(checked)
    if ctx is None:
        return None
    for entry in ctx.entries():
        if not isinstance(entry.value, dict):
            continue
        source = entry.source
        url = entry.value.get("url")
        if isinstance(url, str):
            start, end = source.span(entry.child("url"))
            if start <= offset < end:
                options = ctx.options
                template = parse_url_template(url, server_zone=options.server_zone)
                for macro in template.macros:
                    m_start, m_end = source.string_span(entry.child("url"), macro.start, macro.end)
                    if m_start <= offset < m_end:
                        return ctx, Target("macro", m_start, m_end, entry, macro=macro, url=url)
                return None
        dates = entry.value.get("datesConfiguration")
        if not isinstance(dates, dict):
            continue
        for key, value in dates.items():
            if not isinstance(value, str) or key not in (*_FORMAT_KEYS, *_ZONE_KEYS):
                continue
            start, end = source.span(entry.child("datesConfiguration", key))
            if start <= offset < end:
                if key in _ZONE_KEYS:
                    return ctx, Target("zone", start, end, entry, text=value, zone=value)
                zone = dates.get(_FORMAT_KEYS[key])
                return ctx, Target("format", start, end, entry, text=value,
                                   zone=zone if isinstance(zone, str) else None)
    return None


def _iso(ms: int) -> str:
    from ..dates.format import iso_millis

    return iso_millis(ms)


def _code(text: str) -> str:
    """``text`` as Markdown inline code, whatever backticks it holds."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fields(pattern: DatePattern | str) -> list[str]:
    from ..dates.analysis import explain

    return [f"- {_code(field.text)}: {field.meaning}" for field in explain(pattern)]


# A literal zone in a pattern labels the wall time of the formatter's zone: true of a zone always at offset 0
_LITERAL_ZONE = frozenset({"literal-zone-letter", "literal-zone-name"})


def _pitfalls(pattern: DatePattern | str, zone: str | None) -> list[str]:
    from ..dates.analysis import analyze
    from ..dates.zones import is_utc

    utc = zone is not None and is_utc(zone)
    found = [f"- {pitfall.message}" for pitfall in analyze(pattern).pitfalls if not (utc and pitfall.code in _LITERAL_ZONE)]
    return ["", "Watch out:", *found] if found else []


def _times(sample: datetime, now: datetime | None) -> list[tuple[str, datetime]]:
    return [("now", now or datetime.now(UTC)), ("sample", sample)]  # labels of the last poll time


def _refresh_minutes(ctx: Context) -> int:
    from ..kinds import refresh_minutes

    return refresh_minutes(ctx.configuration)


def _macro_hover(ctx: Context, target: Target, times: list[tuple[str, datetime]]) -> str:
    from ..urls.render import render_url

    macro = target.macro
    assert macro is not None
    options = ctx.options
    from ..kinds import whole_setting

    delay = whole_setting(target.entry.value.get("pollDelay")) or 0 if not macro.uses_now else 0
    minutes = _refresh_minutes(ctx)
    what = "run time" if macro.uses_now else "last poll"
    lines = [f"**{_code(macro.text)}**", "", f"| sample last poll | instant printed ({what}) | as text |", "|---|---|---|"]
    zone: str | None = None
    notes: list[str] = []
    for label, moment in times:
        # the macro alone: its value and the assumptions about it, not those about the rest of the URL
        rendered = render_url(macro.text, moment, server_zone=options.server_zone, poll_delay=delay,
                              refresh_interval=minutes, encode_values=options.encode_values)
        sub = rendered.substitutions[0] if rendered.substitutions else None
        value = "not substituted" if sub is None else _code(sub.value)
        lines.append(f"| {label} {_iso(int(moment.timestamp() * 1000))} | {_iso(_instant(rendered, macro))} "
                     f"| {value} |")
        if sub is not None:
            zone = sub.zone or zone
        notes += [note for note in rendered.assumptions if note not in notes and not note.startswith("request_url")]
    lines.append("")
    if delay:
        lines.append(f"The last poll time is moved back by `pollDelay` = {delay} s.")
    if macro.uses_now:
        lines.append(f"The run time is the last poll plus the refresh interval ({minutes} min).")
    if zone is not None:
        lines.append(f"Zone: {_zone_summary(zone)}")
    if notes:
        lines += ["", "Assumes:", *[f"- {note}" for note in notes]]
    if macro.pattern is not None:
        lines += ["", f"Pattern {_code(macro.format or '')}:", *_fields(macro.pattern), *_pitfalls(macro.pattern, zone)]
    elif macro.format is not None:
        broken = f"The pattern {_code(macro.format)} does not compile: Java throws, the macro is left as written."
        lines += ["", broken]
    return "\n".join(lines)


def _instant(rendered: Any, macro: Macro) -> int:
    """The instant a macro would print (for a macro that is not substituted)."""
    return int(rendered.now_ms if macro.uses_now else rendered.last_poll_ms)


def _zone_summary(zone: str) -> str:
    from ..dates.pattern import format_date
    from ..dates.zones import resolve_zone

    resolution = resolve_zone(zone)
    now = datetime.now(UTC)
    if not resolution.known:
        return f"{_code(zone)} is not a Java time-zone id: Java silently uses GMT"
    shown = _code(zone) if resolution.id == zone else f"{_code(zone)} (Java: {_code(resolution.id)})"
    offset = format_date("XXX", now, resolution.id).replace("Z", "+00:00")
    return f"{shown}, now UTC{offset} ({format_date('zzzz', now, resolution.id)})"


def _format_hover(target: Target, times: list[tuple[str, datetime]]) -> str:
    from ..dates.pattern import compile_pattern, format_date
    from ..dates.tokens import PatternError

    text = target.text
    lines = [f"**{_code(text)}**: how the poller reads these record dates", ""]
    if text.strip() == "milliseconds":
        return "\n".join(lines + ["Epoch milliseconds: a number such as `1710063000000`."])
    try:
        pattern = compile_pattern(text)
    except PatternError as exc:
        return "\n".join(lines + [f"Not a valid pattern: {exc.message} (column {exc.column})."])
    zone = target.zone or "GMT"
    lines += ["| time | written as |", "|---|---|"]
    for label, moment in times:
        lines.append(f"| {label} ({_iso(int(moment.timestamp() * 1000))}) | {_code(format_date(pattern, moment, zone))} |")
    lines += ["", f"Zone: {_zone_summary(zone)}" + ("" if target.zone else " (no zone key: GMT)"), "",
              "Fields:", *_fields(pattern), *_pitfalls(pattern, zone)]
    return "\n".join(lines)


def _finding_hover(finding: Finding) -> str | None:
    from ..rules import registry

    rule = registry().get(finding.rule)
    if rule is None:
        return None
    return f"**{rule.code} {rule.name}** ({rule.severity}): {rule.summary}\n\n{rule.description.strip()}"


def hover_markdown(checked: Checked, offset: int, *, findings_here: Sequence[Finding] = (),
                   now: datetime | None = None) -> tuple[str, tuple[int, int] | None] | None:
    """Markdown for a hover at code-point ``offset``, and the file span it is about; None when nothing is there."""
    if checked.page is not None:
        return _page_hover(checked, offset, findings_here, now)
    parts: list[str] = []
    span: tuple[int, int] | None = None
    found = target_at(checked, offset)
    if found is not None:
        ctx, target = found
        config = checked.config
        times = _times(config.at if config is not None and config.at is not None else SAMPLE, now)
        if target.kind in ("macro", "format"):
            try:
                parts.append(_macro_hover(ctx, target, times) if target.kind == "macro" else _format_hover(target, times))
            except (OverflowError, ValueError):  # a pollDelay, refresh interval or `at` past the years 1 to 9999
                parts.append(f"**{_code(target.text)}**: the time it would print is beyond the years 1 to 9999 "
                             "(a pollDelay, a refresh interval or the configuration's `at` moves it there)")
        else:
            parts.append(f"**{_code(target.text)}**: the zone of dates without an offset\n\n"
                         f"Zone: {_zone_summary(target.text)}")
        span = (target.start, target.end)
    for finding in findings_here:
        text = _finding_hover(finding)
        if text is not None and text not in parts:
            parts.append(text)
    if not parts:
        return None
    return "\n\n---\n\n".join(parts), span


def _page_hover(checked: Checked, offset: int, findings_here: Sequence[Finding],
                now: datetime | None) -> tuple[str, tuple[int, int] | None] | None:
    """A hover in a Markdown page: the block checked at ``offset`` answers it as a file would (its macros, date
    formats and zones), its span moved to the page; elsewhere, the findings here alone."""
    from .checking import Checked

    assert checked.page is not None
    for document in checked.page.documents:
        mapping, size = document.mapping, len(document.text)
        if not mapping.to_page(0) <= offset < mapping.to_page(size, end=True):
            continue
        local = next((i for i in range(size) if mapping.to_page(i) <= offset < mapping.to_page(i + 1, end=True)), None)
        if local is None:
            continue
        inner = Checked(text=document.text, path=checked.path, source=document.source, config=checked.config,
                        options=checked.options)
        found = hover_markdown(inner, local, findings_here=findings_here, now=now)
        if found is None:
            return None
        text, span = found
        return text, None if span is None else (mapping.to_page(span[0]), mapping.to_page(span[1], end=True))
    return hover_markdown(Checked(text=checked.text, path=checked.path, config=checked.config,
                                  options=checked.options), offset, findings_here=findings_here, now=now)
